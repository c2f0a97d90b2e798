/*
 * export.c - a store back to the interchange CSV files (export.h).
 *
 * Layer: app. Rows are gathered through the store's iterators, filtered
 * by scope and year, formatted into lines and sorted here, so the order
 * of the output does not depend on the store's.
 */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../io/csv.h"
#include "budget.h"
#include "indicators.h"

/* ---- scope ---------------------------------------------------------------------------- */

/* A sorted copy of the scope's codes, for bsearch; NULL when no scope. */
typedef struct scope {
	const char **codes;
	size_t n;
} scope;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void scope_init(scope *s, const export_opts *o)
{
	s->codes = NULL;
	s->n = 0;
	if (!o->unit_codes)
		return;
	s->codes = gn_xmalloc((o->nunits ? o->nunits : 1) * sizeof *s->codes);
	for (size_t i = 0; i < o->nunits; i++)
		s->codes[i] = o->unit_codes[i];
	s->n = o->nunits;
	if (s->n)
		qsort(s->codes, s->n, sizeof *s->codes, cmp_str);
}

/* True when there is no scope or code is in it. */
static bool in_scope(const scope *s, const export_opts *o, const char *code)
{
	if (!o->unit_codes)
		return true;
	return s->n && bsearch(&code, s->codes, s->n, sizeof *s->codes, cmp_str);
}

gn_err export_scope(const unit_set *u, const char *code, char ***codes, size_t *n)
{
	*codes = NULL;
	*n = 0;
	int32_t root = units_find(u, code, strlen(code));
	size_t nv = 0;
	if (root >= 0)
		units_versions(u, root, &nv);
	if (nv == 0)
		return GN_ENOTFOUND;
	size_t nc = units_ncodes(u);
	bool *in = gn_xcalloc(nc, sizeof *in);
	in[root] = true;
	size_t nl;
	const lineage *l = units_lineage(u, &nl);
	/* Depth of the hierarchy and of lineage chains is small: repeat
	 * until nothing is added. */
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t c = 0; c < nc; c++) {
			if (in[c])
				continue;
			const unit_version *v = units_versions(u, (int32_t)c, &nv);
			for (size_t k = 0; k < nv && !in[c]; k++)
				if (v[k].parent >= 0 && in[v[k].parent])
					in[c] = grew = true;
		}
		for (size_t k = 0; k < nl; k++)
			if (in[l[k].new_code] && !in[l[k].old_code])
				in[l[k].old_code] = grew = true;
	}
	char **out = NULL;
	size_t cnt = 0;
	for (size_t c = 0; c < nc; c++)
		if (in[c]) {
			out = gn_xreallocarray(out, cnt + 1, sizeof *out);
			out[cnt++] = gn_xstrdup(units_code(u, (int32_t)c));
		}
	free(in);
	*codes = out;
	*n = cnt;
	return GN_OK;
}

void export_scope_free(char **codes, size_t n)
{
	for (size_t i = 0; codes && i < n; i++)
		free(codes[i]);
	free(codes);
}

/* ---- lines gathered, then sorted ------------------------------------------------------- */

typedef struct line {
	char *key;   /* sort key (NUL-separated parts compare as strings) */
	size_t klen;
	char *text;  /* the CSV record with its line end */
	size_t tlen;
} line;

typedef struct lines {
	line *v;
	size_t n, cap;
} lines;

static void lines_add(lines *t, const buf *key, const buf *text)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->v = gn_xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	line *x = &t->v[t->n++];
	x->key = gn_xstrndup(key->p ? key->p : "", key->len);
	x->klen = key->len;
	x->text = gn_xstrndup(text->p ? text->p : "", text->len);
	x->tlen = text->len;
}

static int cmp_line(const void *a, const void *b)
{
	const line *x = a, *y = b;
	size_t n = x->klen < y->klen ? x->klen : y->klen;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	return x->klen < y->klen ? -1 : x->klen > y->klen;
}

static gn_err lines_flush(lines *t, buf *out)
{
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, cmp_line);
	gn_err err = GN_OK;
	for (size_t i = 0; i < t->n; i++) {
		if (!err)
			err = buf_put(out, t->v[i].text, t->v[i].tlen);
		free(t->v[i].key);
		free(t->v[i].text);
	}
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
	return err;
}

static void put_field(buf *b, const char *s)
{
	csv_put_field(b, s ? s : "", s ? strlen(s) : 0);
}

/* A key part: the text and a NUL, so that "A" sorts before "AB". */
static void key_str(buf *k, const char *s)
{
	buf_puts(k, s);
	buf_putc(k, '\0');
}

/* A key part for a non-negative number: fixed width, big-endian. */
static void key_num(buf *k, int64_t v)
{
	for (int i = 7; i >= 0; i--)
		buf_putc(k, (char)(uint8_t)((uint64_t)v >> (8 * i)));
}

/* ---- units, lineage ---------------------------------------------------------------------- */

static void put_date(buf *b, gn_date t)
{
	if (t != GN_DATE_MIN && t != GN_DATE_MAX) {
		char iso[11];
		date_format_iso(t, iso);
		buf_puts(b, iso);
	}
}

/* An exact decimal of num/den whose den divides a power of ten ("0.35");
 * other fractions (not produced by the readers) with 12 decimals. */
static void put_share(buf *b, share s)
{
	if (s.num == s.den)
		return; /* 1: the default, left empty */
	int64_t num = s.num, den = s.den;
	int digits = 0;
	int64_t scale = 1;
	while (digits < 18 && scale % den != 0) {
		scale *= 10;
		digits++;
	}
	if (scale % den != 0) {
		buf_printf(b, "%.12f", (double)num / (double)den);
		return;
	}
	int64_t v = num * (scale / den);
	char frac[32];
	snprintf(frac, sizeof frac, "%0*lld", digits, (long long)(v % scale));
	buf_printf(b, "%lld.%s", (long long)(v / scale), frac);
}

/* Marks the ancestors (through parents of any version) of marked codes. */
static void add_ancestors(const unit_set *u, bool *keep)
{
	size_t nc = units_ncodes(u), nv;
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t c = 0; c < nc; c++) {
			if (!keep[c])
				continue;
			const unit_version *v = units_versions(u, (int32_t)c, &nv);
			for (size_t k = 0; k < nv; k++)
				if (v[k].parent >= 0 && !keep[v[k].parent])
					keep[v[k].parent] = grew = true;
		}
	}
}

static gn_err export_units(store *st, file_kind kind, const export_opts *o, buf *out)
{
	unit_set *u = NULL;
	gn_err err = store_units_load(st, &u);
	if (err)
		return err;
	scope sc;
	scope_init(&sc, o);
	size_t nc = units_ncodes(u), nv;
	bool *keep = gn_xcalloc(nc ? nc : 1, sizeof *keep);
	for (size_t c = 0; c < nc; c++)
		keep[c] = in_scope(&sc, o, units_code(u, (int32_t)c));
	lines t = {0};
	buf key, text;
	buf_init(&key, 0);
	buf_init(&text, 0);
	if (kind == FILE_UNITS) {
		add_ancestors(u, keep);
		buf_puts(out, "code,name,level,parent_code,type,urban,valid_from,valid_to\n");
		for (size_t c = 0; c < nc; c++) {
			if (!keep[c])
				continue;
			const char *code = units_code(u, (int32_t)c);
			const unit_version *v = units_versions(u, (int32_t)c, &nv);
			for (size_t k = 0; k < nv; k++) {
				buf_reset(&key);
				buf_reset(&text);
				key_num(&key, v[k].level);
				key_str(&key, code);
				key_num(&key, (int64_t)v[k].from - INT32_MIN);
				put_field(&text, code);
				buf_putc(&text, ',');
				put_field(&text, v[k].name);
				buf_putc(&text, ',');
				buf_puts(&text, unit_level_name(v[k].level));
				buf_putc(&text, ',');
				if (v[k].parent >= 0)
					put_field(&text, units_code(u, v[k].parent));
				buf_putc(&text, ',');
				buf_puts(&text, unit_type_name(v[k].type));
				buf_putc(&text, ',');
				if (v[k].urban >= 0)
					buf_putc(&text, v[k].urban ? '1' : '0');
				buf_putc(&text, ',');
				put_date(&text, v[k].from);
				buf_putc(&text, ',');
				put_date(&text, v[k].to);
				buf_putc(&text, '\n');
				lines_add(&t, &key, &text);
			}
		}
	} else {
		buf_puts(out, "old_code,new_code,date,share\n");
		size_t nl;
		const lineage *l = units_lineage(u, &nl);
		for (size_t k = 0; k < nl; k++) {
			if (!keep[l[k].old_code] && !keep[l[k].new_code])
				continue;
			const char *oc = units_code(u, l[k].old_code), *ncode = units_code(u, l[k].new_code);
			buf_reset(&key);
			buf_reset(&text);
			key_str(&key, oc);
			key_num(&key, (int64_t)l[k].date - INT32_MIN);
			key_str(&key, ncode);
			put_field(&text, oc);
			buf_putc(&text, ',');
			put_field(&text, ncode);
			buf_putc(&text, ',');
			put_date(&text, l[k].date);
			buf_putc(&text, ',');
			put_share(&text, l[k].share);
			buf_putc(&text, '\n');
			lines_add(&t, &key, &text);
		}
	}
	err = lines_flush(&t, out);
	buf_free(&key);
	buf_free(&text);
	free(keep);
	free(sc.codes);
	units_free(u);
	return err;
}

/* ---- population ------------------------------------------------------------------------------ */

typedef struct each_ctx {
	const export_opts *o;
	const scope *sc;
	lines *t;
	buf key, text;
	const std_set *s;
	uint32_t mask;      /* households: flag columns */
	int ymin, ymax;     /* years seen */
	bool any;
} each_ctx;

static bool pop_row(void *p, const st_population *x)
{
	each_ctx *c = p;
	if ((c->o->year && x->year != c->o->year) || !in_scope(c->sc, c->o, x->unit_code))
		return true;
	buf_reset(&c->key);
	buf_reset(&c->text);
	key_str(&c->key, x->unit_code);
	key_num(&c->key, x->year);
	put_field(&c->text, x->unit_code);
	buf_printf(&c->text, ",%d,%lld,", x->year, (long long)x->households);
	if (x->persons >= 0)
		buf_put_i64(&c->text, x->persons);
	buf_putc(&c->text, '\n');
	lines_add(c->t, &c->key, &c->text);
	return true;
}

/* ---- households --------------------------------------------------------------------------- */

/* A score x 10^4 as a decimal: 1205000 -> "120.5". */
static void put_score(buf *b, int64_t v)
{
	buf_put_i64(b, v / 10000);
	int64_t f = v % 10000;
	if (f) {
		char d[16];
		snprintf(d, sizeof d, ".%04lld", (long long)f);
		size_t n = strlen(d);
		while (d[n - 1] == '0')
			n--;
		buf_put(b, d, n);
	}
}

/* Catalogue bits of a ';'-joined list of indicator keys. */
static uint32_t flags_of(const std_set *s, const char *list)
{
	uint32_t m = 0;
	const char *p = list;
	while (p && *p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int bit = std_set_find_indicator(s, p, n);
		if (bit >= 0)
			m |= 1u << bit;
		p = e ? e + 1 : NULL;
	}
	return m;
}

/* First pass: the years present (for the flag columns). */
static bool years_row(void *p, const st_review *r)
{
	each_ctx *c = p;
	if (!in_scope(c->sc, c->o, r->unit_code))
		return true;
	if (!c->any || r->year < c->ymin)
		c->ymin = r->year;
	if (!c->any || r->year > c->ymax)
		c->ymax = r->year;
	c->any = true;
	return true;
}

static bool review_row(void *p, const st_review *r)
{
	each_ctx *c = p;
	if (!in_scope(c->sc, c->o, r->unit_code))
		return true;
	buf *b = &c->text;
	buf_reset(&c->key);
	buf_reset(b);
	key_str(&c->key, r->household_id);
	key_num(&c->key, r->year);
	put_field(b, r->household_id);
	buf_printf(b, ",%d,", r->year);
	put_field(b, r->unit_code);
	buf_putc(b, ',');
	put_field(b, r->village);
	buf_printf(b, ",%d,", r->members);
	if (r->income >= 0)
		buf_put_i64(b, r->income);
	buf_putc(b, ',');
	if (r->score_a >= 0)
		put_score(b, r->score_a);
	const standard *std = std_set_for_year(c->s, r->year);
	uint32_t own = std ? std->mask : c->mask;
	uint32_t set = flags_of(c->s, r->deprivations);
	for (uint32_t m = c->mask; m; m &= m - 1) {
		int bit = __builtin_ctz(m);
		buf_putc(b, ',');
		if ((own >> bit) & 1u)
			buf_putc(b, (set >> bit) & 1u ? '1' : '0');
	}
	buf_puts(b, ",,"); /* score_b: derived, left empty */
	buf_puts(b, r->area);
	buf_putc(b, ',');
	put_field(b, r->head_name);
	buf_putc(b, ',');
	if (r->head_sex)
		buf_putc(b, r->head_sex);
	buf_putc(b, ',');
	if (r->head_birth_year)
		buf_put_i64(b, r->head_birth_year);
	buf_putc(b, ',');
	put_field(b, r->head_ethnicity);
	buf_putc(b, ',');
	if (!c->o->hide_id_numbers)
		put_field(b, r->id_number);
	buf_printf(b, ",%d,%d,%d,", r->merit, r->no_labour, r->social_protection);
	put_field(b, r->causes);
	buf_putc(b, '\n');
	lines_add(c->t, &c->key, b);
	return true;
}

gn_err export_csv(store *st, file_kind kind, const export_opts *o, buf *out)
{
	if (kind == FILE_UNITS || kind == FILE_LINEAGE)
		return export_units(st, kind, o, out);
	if (kind == FILE_BUDGET)
		return budget_export_csv(st, o, out);
	if (kind == FILE_INDICATOR_VALUES)
		return indicators_export_csv(st, o->unit_codes, o->nunits, o->year, out);
	if (kind != FILE_POPULATION && kind != FILE_HOUSEHOLDS)
		return GN_EUSAGE;
	if (kind == FILE_HOUSEHOLDS && !o->standards)
		return GN_EUSAGE;
	scope sc;
	scope_init(&sc, o);
	lines t = {0};
	each_ctx c = {.o = o, .sc = &sc, .t = &t, .s = o->standards};
	buf_init(&c.key, 0);
	buf_init(&c.text, 0);
	gn_err err;
	if (kind == FILE_POPULATION) {
		buf_puts(out, "unit_code,year,households,persons\n");
		err = store_population_each(st, pop_row, &c);
	} else {
		err = store_reviews_each(st, o->year, years_row, &c);
		if (!err) {
			/* Flag columns: those of the standards of the years exported
			 * (of the year asked, or of all, when there is no row). */
			c.mask = c.any ? std_set_mask_for_years(c.s, c.ymin, c.ymax)
				 : o->year ? std_set_mask_for_years(c.s, o->year, o->year)
					   : std_set_mask_for_years(c.s, 0, 9999);
			buf_puts(out, "household_id,year,unit_code,village,members,income,score_a");
			for (uint32_t m = c.mask; m; m &= m - 1) {
				buf_putc(out, ',');
				buf_puts(out, std_set_catalogue(c.s, __builtin_ctz(m))->key);
			}
			buf_puts(out, ",score_b,area,head_name,head_sex,head_birth_year,"
				      "head_ethnicity,id_number,merit,no_labour,"
				      "social_protection,causes\n");
			err = store_reviews_each(st, o->year, review_row, &c);
		}
	}
	gn_err ferr = lines_flush(&t, out);
	if (!err)
		err = ferr;
	buf_free(&c.key);
	buf_free(&c.text);
	free(sc.codes);
	return err;
}
