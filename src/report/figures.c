/*
 * figures.c - the numbers behind the summary tables. Layer: report. See
 * figures.h.
 *
 * One pass over the reviews of every year fills the households' histories
 * (hhindex) and keeps the rows of the year asked; they are placed on the
 * map (rollup_place) and added to the code they land on ("direct"
 * figures). The tree of the unit's subtree is then walked depth first:
 * a leaf's row is its direct figures, a subtotal row the sum of the rows
 * under it. A unit that has units under it and also data placed on itself
 * (a commune with villages and households recorded on the commune) gets
 * one more row under it for that data, so that a subtotal is always the
 * sum of the rows right under it.
 */
#include "figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/buf.h"
#include "../core/hhindex.h"
#include "../core/mem.h"
#include "../core/rollup.h"
#include "../io/households_file.h"
#include "../io/text.h"

void rfig_add(rfig *to, const rfig *from)
{
	to->households += from->households;
	to->persons += from->persons;
	to->reviewed += from->reviewed;
	for (int i = 0; i < CLASS_COUNT; i++)
		to->cls[i] += from->cls[i];
	for (int i = 0; i < TR_COUNT; i++)
		to->tr[i] += from->tr[i];
	for (int i = 0; i < STD_MAX_CATALOGUE; i++) {
		to->dep_poor[i] += from->dep_poor[i];
		to->dep_near[i] += from->dep_near[i];
	}
	for (int i = 0; i < GRP_COUNT; i++) {
		to->grp_poor[i] += from->grp_poor[i];
		to->grp_near[i] += from->grp_near[i];
	}
	for (int i = 0; i < RF_CAUSES; i++) {
		to->cause_poor[i] += from->cause_poor[i];
		to->cause_near[i] += from->cause_near[i];
	}
	to->kinh_poor += from->kinh_poor;
	to->kinh_near += from->kinh_near;
	for (int i = 0; i < RF_MAX_ETHNIC; i++) {
		to->eth_poor[i] += from->eth_poor[i];
		to->eth_near[i] += from->eth_near[i];
	}
	to->child_poor += from->child_poor;
	to->child_near += from->child_near;
	af_cell_merge(&to->af, &from->af);
}

report_figures *report_figures_new(const std_set *stds, int year, gn_date asof)
{
	report_figures *f = gn_xcalloc(1, sizeof *f);
	f->stds = stds;
	f->year = year;
	f->asof = asof;
	f->std = stds ? std_set_for_year(stds, year) : NULL;
	if (f->std)
		af_params_init(&f->af, f->std);
	f->parent_name = gn_xstrdup("");
	return f;
}

int report_figures_ethnicity(report_figures *f, const char *name, size_t n)
{
	for (int i = 0; i < f->neth; i++)
		if (strlen(f->eth_name[i]) == n && memcmp(f->eth_name[i], name, n) == 0)
			return i;
	if (f->neth == RF_MAX_ETHNIC - 1) {
		name = "Khác";
		n = strlen(name);
	} else if (f->neth == RF_MAX_ETHNIC)
		return RF_MAX_ETHNIC - 1;
	int i = f->neth++;
	f->eth_name[i] = gn_xstrndup(name, n);
	/* the key: folded (no marks, lower case), runs of other characters as _ */
	buf b;
	buf_init(&b, 0);
	if (text_fold(name, n, &b) != GN_OK) {
		buf_reset(&b);
		buf_printf(&b, "e%d", i + 1);
	}
	char *k = buf_take(&b);
	size_t o = 0;
	for (size_t j = 0; k[j]; j++) {
		unsigned char c = (unsigned char)k[j];
		bool al = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (al)
			k[o++] = (char)c;
		else if (o && k[o - 1] != '_')
			k[o++] = '_';
	}
	while (o && k[o - 1] == '_')
		o--;
	k[o] = '\0';
	if (!o) {
		free(k);
		k = gn_xmalloc(16);
		snprintf(k, 16, "e%d", i + 1);
	}
	f->eth_key[i] = k;
	return i;
}

typedef struct eth_sort {
	int slot;
	int rank;       /* 0 Kinh, 1 the others, 2 unknown and "Khác" */
	char *key;      /* Vietnamese sort key of the name without blanks */
} eth_sort;

static int cmp_eth(const void *x, const void *y)
{
	const eth_sort *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->slot < b->slot ? -1 : a->slot > b->slot);
}

void report_figures_order_ethnicities(report_figures *f)
{
	f->nshown = 0;
	if (!f->nrows)
		return;
	const rfig *t = &f->rows[f->nrows - 1].f;
	eth_sort e[RF_MAX_ETHNIC];
	int n = 0;
	for (int i = 0; i < f->neth; i++) {
		if (!t->eth_poor[i] && !t->eth_near[i])
			continue;
		const char *name = f->eth_name[i];
		e[n].slot = i;
		e[n].rank = strcasecmp(name, "Kinh") == 0 ? 0
			: strcmp(name, RF_ETH_UNKNOWN) == 0 || strcmp(name, "Khác") == 0 ? 2 : 1;
		char word[256];
		size_t w = 0;
		for (const char *p = name; *p && w + 1 < sizeof word; p++)
			if (*p != ' ')
				word[w++] = *p;
		buf b;
		buf_init(&b, 0);
		if (text_vn_sortkey(word, w, &b) != GN_OK) {
			buf_reset(&b);
			buf_puts(&b, name);
		}
		e[n].key = buf_take(&b);
		n++;
	}
	qsort(e, (size_t)n, sizeof *e, cmp_eth);
	for (int i = 0; i < n; i++) {
		f->eth_shown[f->nshown++] = e[i].slot;
		free(e[i].key);
	}
}

void report_figures_free(report_figures *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nrows; i++) {
		free(f->rows[i].code);
		free(f->rows[i].name);
	}
	free(f->rows);
	free(f->parent_name);
	for (int i = 0; i < f->neth; i++) {
		free(f->eth_name[i]);
		free(f->eth_key[i]);
	}
	free(f);
}

size_t report_figures_add_row(report_figures *f, const char *code, const char *name,
			      unit_level level, int depth, int parent)
{
	if (f->nrows == f->caprows) {
		f->caprows = f->caprows ? f->caprows * 2 : 64;
		f->rows = gn_xreallocarray(f->rows, f->caprows, sizeof *f->rows);
	}
	rf_row *r = &f->rows[f->nrows];
	memset(r, 0, sizeof *r);
	r->code = gn_xstrdup(code ? code : "");
	r->name = gn_xstrdup(name ? name : "");
	r->level = level;
	r->depth = depth;
	r->parent = parent;
	if (parent >= 0 && (size_t)parent < f->nrows)
		f->rows[parent].has_children = true;
	return f->nrows++;
}

/* ---- loading ------------------------------------------------------------- */

typedef struct yrow {
	int32_t hh;      /* hhindex index */
	int32_t unit;
	uint8_t cls;
	uint32_t flags;  /* catalogue bits within the year's standard */
	uint8_t groups;  /* bit per rf_group (GRP_OTHER derived) */
	uint8_t causes;  /* CAUSE_* bits */
	uint8_t eth;     /* ethnicity slot */
	bool kinh;
} yrow;

typedef struct loader {
	const unit_set *u;
	const std_set *stds;
	const standard *std;
	int year;
	hh_index *hx;
	report_figures *f;  /* for the ethnicities */
	yrow *rows;
	size_t nrows, cap;
	int64_t bad_class;
} loader;

static uint32_t flags_of(const loader *l, const char *keys)
{
	uint32_t m = 0;
	const char *p = keys ? keys : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int bit = std_set_find_indicator(l->stds, p, n);
		if (bit >= 0)
			m |= 1u << bit;
		p += n + (e != NULL);
	}
	return l->std ? m & l->std->mask : m;
}

static uint8_t causes_of(const char *codes)
{
	unsigned m = 0;
	const char *p = codes ? codes : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		for (int k = 0; k < RF_CAUSES; k++) {
			const char *c = cause_name(k);
			if (c && strlen(c) == n && memcmp(c, p, n) == 0)
				m |= 1u << k;
		}
		p += n + (e != NULL);
	}
	return (uint8_t)m;
}

static bool load_review(void *ctx, const st_review *r)
{
	loader *l = ctx;
	hh_class c;
	if (!history_year_ok(r->year) || !class_parse(r->cls, strlen(r->cls), &c)) {
		l->bad_class++;
		return true;
	}
	bool dup;
	int32_t hh = hhindex_add(l->hx, r->household_id, strlen(r->household_id), r->year,
				 c, &dup);
	if (r->year != l->year || dup)
		return true;
	int32_t unit = units_find(l->u, r->unit_code, strlen(r->unit_code));
	if (unit < 0)
		return true;
	if (l->nrows == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->rows = gn_xreallocarray(l->rows, l->cap, sizeof *l->rows);
	}
	const char *e = r->head_ethnicity ? r->head_ethnicity : "";
	uint8_t g = 0;
	if (e[0] && strcasecmp(e, "Kinh") != 0)
		g |= 1u << GRP_MINORITY;
	if (r->no_labour == 1)
		g |= 1u << GRP_NO_LABOUR;
	if (r->merit == 1)
		g |= 1u << GRP_MERIT;
	if (!g)
		g = 1u << GRP_OTHER;
	int eth = e[0] ? report_figures_ethnicity(l->f, e, strlen(e))
		       : report_figures_ethnicity(l->f, RF_ETH_UNKNOWN, strlen(RF_ETH_UNKNOWN));
	l->rows[l->nrows++] = (yrow){hh, unit, (uint8_t)c, flags_of(l, r->deprivations), g,
				     causes_of(r->causes), (uint8_t)eth,
				     strcasecmp(e, "Kinh") == 0};
	return true;
}

typedef struct pop_ctx {
	const unit_map *m;
	int year;
	rfig *direct;       /* per code */
	bool persons;
} pop_ctx;

static void put_pop(void *p, int32_t dest, int64_t part)
{
	pop_ctx *c = p;
	if (c->persons)
		c->direct[dest].persons += part;
	else
		c->direct[dest].households += part;
}

typedef struct pop_load {
	const unit_set *u;
	pop_ctx *pc;
} pop_load;

static bool load_population(void *ctx, const st_population *p)
{
	pop_load *pl = ctx;
	if (p->year != pl->pc->year)
		return true;
	int32_t code = units_find(pl->u, p->unit_code, strlen(p->unit_code));
	if (code < 0)
		return true;
	pl->pc->persons = false;
	rollup_place_count(pl->pc->m, code, p->households, put_pop, pl->pc);
	if (p->persons >= 0) {
		pl->pc->persons = true;
		rollup_place_count(pl->pc->m, code, p->persons, put_pop, pl->pc);
	}
	return true;
}

typedef struct tree {
	const unit_set *u;
	const unit_map *m;
	gn_date asof;
	int32_t *first_child, *next_sibling; /* per code, -1 */
	const rfig *direct;
	report_figures *f;
} tree;

static bool rfig_is_zero(const rfig *x)
{
	static const rfig zero;
	return memcmp(x, &zero, sizeof zero) == 0;
}

static const char *name_of(const tree *t, int32_t code)
{
	const unit_version *v = unit_map_version(t->m, code);
	return v && v->name ? v->name : units_code(t->u, code);
}

static unit_level level_of(const tree *t, int32_t code)
{
	const unit_version *v = unit_map_version(t->m, code);
	return v ? v->level : LEVEL_COMMUNE;
}

/* Adds the rows under `code` (whose row is parent_row, at depth) and
 * returns their sum. */
static rfig emit_children(tree *t, int32_t code, int depth, int parent_row)
{
	rfig sum;
	memset(&sum, 0, sizeof sum);
	for (int32_t c = t->first_child[code]; c >= 0; c = t->next_sibling[c]) {
		size_t row = report_figures_add_row(t->f, units_code(t->u, c), name_of(t, c),
						    level_of(t, c), depth + 1, parent_row);
		rfig x;
		if (t->first_child[c] >= 0)
			x = emit_children(t, c, depth + 1, (int)row);
		else
			x = t->direct[c];
		t->f->rows[row].f = x;
		rfig_add(&sum, &x);
	}
	if (t->first_child[code] >= 0 && !rfig_is_zero(&t->direct[code])) {
		/* data on the unit itself, not under any of its units */
		char name[ST_NAME + 64];
		snprintf(name, sizeof name, "%s (ghi tại đơn vị)", name_of(t, code));
		size_t row = report_figures_add_row(t->f, units_code(t->u, code), name,
						    level_of(t, code), depth + 1, parent_row);
		t->f->rows[row].f = t->direct[code];
		rfig_add(&sum, &t->direct[code]);
	}
	return sum;
}

gn_err report_figures_load(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_figures **out)
{
	*out = NULL;
	unit_set *u = NULL;
	unit_map *m = NULL;
	loader l = {0};
	rfig *direct = NULL;
	int32_t *dest = NULL, *links = NULL;
	place_item *items = NULL;
	report_figures *f = NULL;
	gn_err rc = store_units_load(st, &u);
	if (rc)
		goto done;
	m = unit_map_new(u, asof);
	int32_t root = units_find(u, unit_code, strlen(unit_code));
	if (root < 0 || !unit_map_version(m, root)) {
		char day[11];
		date_format_iso(asof, day);
		if (d)
			diag_error(d, "report", 0, "", "unit \"%s\" is not on the map of %s%s",
				   unit_code, day, root < 0 ? " (not in the database)" : "");
		rc = GN_ENOTFOUND;
		goto done;
	}

	f = report_figures_new(stds, year, asof);
	l.f = f;
	l.u = u;
	l.stds = stds;
	l.std = stds ? std_set_for_year(stds, year) : NULL;
	l.year = year;
	l.hx = hhindex_new(1 << 12);
	if ((rc = store_reviews_each(st, 0, load_review, &l)))
		goto done;

	size_t nc = units_ncodes(u);
	direct = gn_xcalloc(nc ? nc : 1, sizeof *direct);
	size_t n = l.nrows;
	items = gn_xmalloc((n ? n : 1) * sizeof *items);
	dest = gn_xmalloc((n ? n : 1) * sizeof *dest);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *id = hhindex_id(l.hx, l.rows[i].hh, &len);
		items[i] = (place_item){l.rows[i].unit, (uint32_t)len, id};
	}
	rollup_place(m, items, n, dest);
	/* the indicators that concern children (table 11) */
	uint32_t child_mask = 0;
	static const char *const child_keys[] = {"d_nutrition", "d_child_schooling",
						 "d_health_insurance"};
	for (size_t k = 0; stds && k < sizeof child_keys / sizeof *child_keys; k++) {
		int bit = std_set_find_indicator(stds, child_keys[k], strlen(child_keys[k]));
		if (bit >= 0)
			child_mask |= 1u << bit;
	}
	for (size_t i = 0; i < n; i++) {
		const yrow *y = &l.rows[i];
		if (dest[i] < 0) {
			f->unplaced++;
			continue;
		}
		rfig *x = &direct[dest[i]];
		hh_class c = (hh_class)y->cls;
		x->reviewed++;
		x->cls[c]++;
		x->tr[transition_of(hhindex_history(l.hx, y->hh), year, c)]++;
		if (c == CLASS_POOR || c == CLASS_NEAR_POOR) {
			int64_t *dep = c == CLASS_POOR ? x->dep_poor : x->dep_near;
			int64_t *grp = c == CLASS_POOR ? x->grp_poor : x->grp_near;
			for (uint32_t b = y->flags; b; b &= b - 1)
				dep[__builtin_ctz(b)]++;
			for (int g = 0; g < GRP_COUNT; g++)
				if (y->groups & (1u << g))
					grp[g]++;
			int64_t *cause = c == CLASS_POOR ? x->cause_poor : x->cause_near;
			for (int k = 0; k < RF_CAUSES; k++)
				if (y->causes & (1u << k))
					cause[k]++;
			(c == CLASS_POOR ? x->eth_poor : x->eth_near)[y->eth]++;
			if (y->kinh)
				(*(c == CLASS_POOR ? &x->kinh_poor : &x->kinh_near))++;
			if (y->flags & child_mask)
				(*(c == CLASS_POOR ? &x->child_poor : &x->child_near))++;
		}
		if (f->std)
			af_cell_add(&x->af, &f->af, y->flags, 1);
	}
	pop_ctx pc = {m, year, direct, false};
	pop_load pl = {u, &pc};
	if ((rc = store_population_each(st, load_population, &pl)))
		goto done;

	/* the tree of the map: children in level order, then code order */
	links = gn_xmalloc(2 * (nc ? nc : 1) * sizeof *links);
	tree t = {u, m, asof, links, links + nc, direct, f};
	int32_t *last = gn_xmalloc((nc ? nc : 1) * sizeof *last);
	for (size_t i = 0; i < nc; i++)
		t.first_child[i] = t.next_sibling[i] = last[i] = -1;
	for (int lv = 0; lv < LEVEL_COUNT; lv++) {
		size_t k;
		const int32_t *codes = unit_map_units(m, (unit_level)lv, &k);
		for (size_t i = 0; i < k; i++) {
			int32_t p = unit_map_parent(m, codes[i]);
			if (p < 0)
				continue;
			if (last[p] < 0)
				t.first_child[p] = codes[i];
			else
				t.next_sibling[last[p]] = codes[i];
			last[p] = codes[i];
		}
	}
	free(last);
	int32_t pp = unit_map_parent(m, root);
	free(f->parent_name);
	f->parent_name = gn_xstrdup(pp >= 0 ? name_of(&t, pp) : "");
	rfig total = t.first_child[root] >= 0 ? emit_children(&t, root, 0, -1) : direct[root];
	/* the children of the root were added with parent -1: point them at
	 * the total row, which comes last */
	size_t troot = report_figures_add_row(f, unit_code, name_of(&t, root),
					      level_of(&t, root), 0, -1);
	for (size_t i = 0; i < troot; i++)
		if (f->rows[i].depth == 1)
			f->rows[i].parent = (int)troot;
	f->rows[troot].has_children = troot > 0;
	f->rows[troot].f = total;
	report_figures_order_ethnicities(f);
	rc = report_figures_check(f, d);

done:
	if (rc) {
		report_figures_free(f);
		f = NULL;
	}
	free(links);
	free(items);
	free(dest);
	free(direct);
	free(l.rows);
	hhindex_free(l.hx);
	unit_map_free(m);
	units_free(u);
	*out = f;
	return rc;
}

/* ---- checks -------------------------------------------------------------- */

gn_err report_figures_check(const report_figures *f, gn_diag *d)
{
	gn_err rc = GN_OK;
	rfig *sums = gn_xcalloc(f->nrows ? f->nrows : 1, sizeof *sums);
	for (size_t i = 0; i < f->nrows; i++) {
		const rf_row *r = &f->rows[i];
		const rfig *x = &r->f;
		if (x->cls[CLASS_POOR] != rfig_poor_start(x) - rfig_poor_out(x) + rfig_poor_in(x)) {
			if (d)
				diag_error(d, "report", 0, "", "unit %s: poor: end %lld != start %lld - out %lld + in %lld",
				   r->code, (long long)x->cls[CLASS_POOR], (long long)rfig_poor_start(x),
				   (long long)rfig_poor_out(x), (long long)rfig_poor_in(x));
			rc = GN_EINTERNAL;
		}
		if (x->cls[CLASS_NEAR_POOR] != rfig_near_start(x) - rfig_near_out(x) + rfig_near_in(x)) {
			if (d)
				diag_error(d, "report", 0, "", "unit %s: near-poor: end %lld != start %lld - out %lld + in %lld",
				   r->code, (long long)x->cls[CLASS_NEAR_POOR], (long long)rfig_near_start(x),
				   (long long)rfig_near_out(x), (long long)rfig_near_in(x));
			rc = GN_EINTERNAL;
		}
		if (r->parent >= 0 && (size_t)r->parent < f->nrows)
			rfig_add(&sums[r->parent], x);
	}
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i].has_children && memcmp(&sums[i], &f->rows[i].f, sizeof sums[i]) != 0) {
			if (d)
				diag_error(d, "report", 0, "",
					   "unit %s: subtotal differs from the sum of the rows under it",
					   f->rows[i].code);
			rc = GN_EINTERNAL;
		}
	free(sums);
	return rc;
}
