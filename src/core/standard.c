/* standard.c - standards as data, classification. Layer: core. */
#include "standard.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

static const char *const class_names[CLASS_COUNT] = {
	"NOT_POOR", "AVERAGE", "NEAR_POOR", "POOR",
};
static const char *const class_names_vi[CLASS_COUNT] = {
	"Không nghèo", "Hộ có mức sống trung bình", "Hộ cận nghèo", "Hộ nghèo",
};

const char *class_name(hh_class c)
{
	return (unsigned)c < CLASS_COUNT ? class_names[c] : "?";
}

const char *class_name_vi(hh_class c)
{
	return (unsigned)c < CLASS_COUNT ? class_names_vi[c] : "?";
}

bool class_parse(const char *s, size_t n, hh_class *out)
{
	for (int i = 0; i < CLASS_COUNT; i++)
		if (strlen(class_names[i]) == n && memcmp(class_names[i], s, n) == 0) {
			*out = (hh_class)i;
			return true;
		}
	return false;
}

void standard_free(standard *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->name);
	free(s->legal_basis);
	free(s->scope);
	for (int i = 0; i < s->nind; i++)
		free(s->ind[i].dimension);
	free(s);
}

hh_class std_classify(const standard *s, int area, bool use_score,
		      int64_t value, int deprivations)
{
	for (int i = 0; i < s->nrules; i++) {
		const std_rule *r = &s->rule[i];
		if (r->line >= 0) {
			const std_line *l = &s->line[r->line];
			int64_t limit;
			if (use_score) {
				if (!l->has_score)
					continue;
				limit = l->score[area];
			} else {
				limit = l->income[area];
			}
			if (value > limit)
				continue;
		}
		if (r->min_dep >= 0 && deprivations < r->min_dep)
			continue;
		return r->cls;
	}
	return CLASS_NOT_POOR;
}


/* ---- set ----------------------------------------------------------------- */

struct std_set {
	standard **v;
	size_t n;
	std_catalogue_entry cat[STD_MAX_CATALOGUE];
	size_t ncat;
};

std_set *std_set_new(void)
{
	return gn_xcalloc(1, sizeof(std_set));
}

void std_set_free(std_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		standard_free(s->v[i]);
	free(s->v);
	for (size_t i = 0; i < s->ncat; i++) {
		free(s->cat[i].key);
		free(s->cat[i].name_vi);
		free(s->cat[i].name_en);
		free(s->cat[i].dimension);
	}
	free(s);
}

int std_set_find_indicator(const std_set *s, const char *key, size_t n)
{
	for (size_t i = 0; i < s->ncat; i++)
		if (strlen(s->cat[i].key) == n && memcmp(s->cat[i].key, key, n) == 0)
			return (int)i;
	return -1;
}

int std_set_indicator(std_set *s, const char *key, const char *name_vi,
		      const char *name_en, const char *dimension)
{
	int bit = std_set_find_indicator(s, key, strlen(key));
	if (bit >= 0)
		return bit;
	if (s->ncat == STD_MAX_CATALOGUE)
		return -1;
	std_catalogue_entry *e = &s->cat[s->ncat];
	e->key = gn_xstrdup(key);
	e->name_vi = gn_xstrdup(name_vi ? name_vi : key);
	e->name_en = gn_xstrdup(name_en ? name_en : key);
	e->dimension = gn_xstrdup(dimension ? dimension : "");
	return (int)s->ncat++;
}

size_t std_set_nindicators(const std_set *s)
{
	return s->ncat;
}

const std_catalogue_entry *std_set_catalogue(const std_set *s, int bit)
{
	return &s->cat[bit];
}

static bool is_national(const standard *s)
{
	return !s->scope || strcmp(s->scope, "national") == 0;
}

gn_err std_set_add(std_set *s, standard *take, const char *file, gn_diag *d)
{
	if (is_national(take)) {
		for (size_t i = 0; i < s->n; i++) {
			const standard *o = s->v[i];
			if (is_national(o) && take->year_from <= o->year_to &&
			    o->year_from <= take->year_to) {
				diag_error(d, file, 0, "years",
					   "standard %s covers years %d-%d, which overlap standard %s (%d-%d)",
					   take->id, take->year_from, take->year_to, o->id,
					   o->year_from, o->year_to);
				standard_free(take);
				return GN_EINPUT;
			}
		}
	}
	s->v = gn_xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = take;
	return GN_OK;
}

const standard *std_set_for_year(const std_set *s, int year)
{
	for (size_t i = 0; i < s->n; i++)
		if (is_national(s->v[i]) && s->v[i]->year_from <= year &&
		    year <= s->v[i]->year_to)
			return s->v[i];
	return NULL;
}

size_t std_set_count(const std_set *s)
{
	return s->n;
}

const standard *std_set_at(const std_set *s, size_t i)
{
	return s->v[i];
}

uint32_t std_set_mask_for_years(const std_set *s, int y0, int y1)
{
	uint32_t m = 0;
	for (size_t i = 0; i < s->n; i++)
		if (is_national(s->v[i]) && s->v[i]->year_from <= y1 &&
		    y0 <= s->v[i]->year_to)
			m |= s->v[i]->mask;
	return m;
}
