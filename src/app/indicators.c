/*
 * indicators.c - import and export of indicator_values.csv, the registry's
 * computed indicators, and the evaluation of indicators at a unit
 * (indicators.h).
 *
 * Layer: app.
 */
#include "indicators.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/strmap.h"
#include "../io/csv.h"
#include "../io/indicator_values_file.h"

/* ---- import --------------------------------------------------------------------------- */

static gn_err db_error(store *st, const char *name, gn_diag *d, gn_err err)
{
	diag_error(d, name, 0, "", "database: %s (%s)", gn_strerror(err), store_errmsg(st));
	return err == GN_ENOMEM ? err : GN_EIO;
}

gn_err indicators_import(store *st, const ind_catalogue *c, const char *name,
			 const char *csv, size_t len, const import_opts *o, gn_diag *d,
			 size_t *rows)
{
	*rows = 0;
	if (!c) {
		diag_error(d, name, 0, "", "no indicator catalogue (data/me/indicators.csv) was loaded");
		return GN_EUSAGE;
	}
	unit_set *u = NULL;
	ind_rows t = {0};
	gn_err err = store_units_load(st, &u);
	if (err) {
		err = db_error(st, name, d, err);
		goto done;
	}
	if ((err = indval_read_mem(c, u, name, csv, len, d, &t)))
		goto done;
	size_t before = diag_errors(d);
	for (size_t i = 0; o->in_area && i < t.n; i++) {
		const char *code = units_code(u, t.v[i].unit);
		if (!o->in_area(o->ctx, code))
			diag_error(d, name, t.v[i].line, "unit_code", "\"%s\": %s", code,
				   o->outside_msg ? o->outside_msg : "outside your area");
	}
	if (diag_errors(d) > before) {
		err = GN_EINPUT;
		goto done;
	}
	if ((err = store_begin(st))) {
		err = db_error(st, name, d, err);
		goto done;
	}
	for (size_t i = 0; i < t.n && !err; i++) {
		const ind_row *row = &t.v[i];
		st_result r = {.has_value = row->has_value, .has_target = row->has_target,
			       .value = row->value, .target = row->target};
		snprintf(r.indicator, sizeof r.indicator, "%s", ind_at(c, (size_t)row->indicator)->code);
		snprintf(r.unit_code, sizeof r.unit_code, "%s", units_code(u, row->unit));
		ind_period_format(&row->period, r.period);
		memcpy(r.value_source, "imported", 9);
		memcpy(r.target_source, "imported", 9);
		err = store_result_put(st, &r, o->user);
	}
	if (err) {
		store_rollback(st);
		err = db_error(st, name, d, err);
		goto done;
	}
	if (o->dry_run) {
		store_rollback(st);
	} else if ((err = store_commit(st))) {
		store_rollback(st);
		err = db_error(st, name, d, err);
		goto done;
	}
	*rows = t.n;
done:
	ind_rows_free(&t);
	units_free(u);
	return err;
}

/* ---- export ------------------------------------------------------------------------------ */

/* The shortest exact decimal of v. */
static void put_value(buf *b, bool has, int64_t v)
{
	if (!has)
		return;
	int dec = IND_MAX_DECIMALS;
	while (dec > 0 && ind_fits_decimals(v, dec - 1))
		dec--;
	ind_format(b, v, dec);
}

typedef struct export_ctx {
	buf *out;
	buf cell[2];
} export_ctx;

static bool export_row(void *ctx, const st_result *r)
{
	export_ctx *x = ctx;
	buf_reset(&x->cell[0]);
	buf_reset(&x->cell[1]);
	put_value(&x->cell[0], r->has_value, r->value);
	put_value(&x->cell[1], r->has_target, r->target);
	const char *f[5] = {r->indicator, r->unit_code, r->period, buf_cstr(&x->cell[0]),
			    buf_cstr(&x->cell[1])};
	return csv_put_record(x->out, f, 5) == GN_OK;
}

gn_err indicators_export_csv(store *st, const char *const *units, size_t nunits, int year,
			     buf *out)
{
	gn_err err = buf_puts(out, "indicator,unit_code,period,value,target\n");
	if (err)
		return err;
	export_ctx x = {.out = out};
	buf_init(&x.cell[0], 64);
	buf_init(&x.cell[1], 64);
	st_result_filter f = {.unit_codes = units, .nunits = nunits, .year_from = year,
			      .year_to = year};
	err = store_results_each(st, &f, export_row, &x);
	buf_free(&x.cell[0]);
	buf_free(&x.cell[1]);
	return err;
}

/* ---- the registry's indicators -------------------------------------------------------------- */

static bool reviewed(const agg_figures *f)
{
	return f && f->t.reviewed > 0;
}

/* The class's rate of f: class / resident households x 100 at decimals. */
static bool class_rate(const agg_figures *f, hh_class cls, int decimals, int64_t *out)
{
	if (!reviewed(f) || f->t.households <= 0)
		return false;
	return ind_percent(f->t.cls[cls], f->t.households, decimals, out);
}

static int64_t count(int64_t n)
{
	return n * IND_SCALE;
}

bool indicators_computed(const ind_def *d, const std_set *stds, int year,
			 const ind_figures *f, int64_t *out)
{
	const agg_figures *y = f->year, *p = f->prev, *b = f->base;
	int64_t a, c;
	switch (d->computed) {
	case IND_COMP_POOR:
		if (!reviewed(y))
			return false;
		*out = count(y->t.cls[CLASS_POOR]);
		return true;
	case IND_COMP_NEAR_POOR:
		if (!reviewed(y))
			return false;
		*out = count(y->t.cls[CLASS_NEAR_POOR]);
		return true;
	case IND_COMP_POOR_RATE:
		return class_rate(y, CLASS_POOR, d->decimals, out);
	case IND_COMP_NEAR_POOR_RATE:
		return class_rate(y, CLASS_NEAR_POOR, d->decimals, out);
	case IND_COMP_POOR_RATE_REDUCTION:
		if (!class_rate(p, CLASS_POOR, 2, &a) || !class_rate(y, CLASS_POOR, 2, &c))
			return false;
		*out = ind_round(a - c, d->decimals);
		return true;
	case IND_COMP_POOR_REDUCED:
		if (!reviewed(y))
			return false;
		*out = count(agg_poor_start(&y->t) - y->t.cls[CLASS_POOR]);
		return true;
	case IND_COMP_POOR_MINORITY:
		if (!reviewed(y))
			return false;
		*out = count(y->minority[CLASS_POOR]);
		return true;
	case IND_COMP_POOR_MINORITY_REDUCED:
		if (!reviewed(y) || !reviewed(p))
			return false;
		*out = count(p->minority[CLASS_POOR] - y->minority[CLASS_POOR]);
		return true;
	case IND_COMP_HEALTH_INSURANCE_POOR: {
		const standard *s = std_set_for_year(stds, year);
		int bit = std_set_find_indicator(stds, "d_health_insurance", 18);
		if (!reviewed(y) || !s || bit < 0 || !(s->mask & (1u << bit)) ||
		    y->t.cls[CLASS_POOR] <= 0)
			return false;
		return ind_percent(y->t.cls[CLASS_POOR] - y->dep_poor[bit], y->t.cls[CLASS_POOR],
				   d->decimals, out);
	}
	case IND_COMP_POOR_NEAR_REDUCED_PCT: {
		if (!reviewed(y) || !reviewed(b))
			return false;
		int64_t start = b->t.cls[CLASS_POOR] + b->t.cls[CLASS_NEAR_POOR];
		int64_t end = y->t.cls[CLASS_POOR] + y->t.cls[CLASS_NEAR_POOR];
		if (start <= 0)
			return false;
		return ind_percent(start - end, start, d->decimals, out);
	}
	default:
		return false;
	}
}

/* ---- evaluation ------------------------------------------------------------------------------- */

/* The key of a stored row: indicator, unit, period, packed. */
typedef struct stored_key {
	int32_t ind, unit;
	int16_t year;
	int8_t kind, n;
} stored_key;

typedef struct stored_val {
	bool has_value, has_target, imported;
	int64_t value, target;
} stored_val;

struct ind_table {
	const ind_catalogue *c;
	const unit_set *u;
	const unit_map *m;
	strmap *keys;
	stored_val *vals;
	size_t nvals, cap;
	/* children on the map: kids[first[p + 1] .. first[p + 2]) for parent
	 * p (-1: the top units) */
	int32_t *first, *kids;
	ind_computed_fn computed;
	void *ctx;
	ind_source src;
};

static stored_key make_key(int ind, int32_t unit, const ind_period *p)
{
	stored_key k;
	memset(&k, 0, sizeof k);
	k.ind = ind;
	k.unit = unit;
	k.year = (int16_t)p->year;
	k.kind = (int8_t)p->kind;
	k.n = (int8_t)p->n;
	return k;
}

static const stored_val *find_stored(const ind_table *t, int ind, int32_t unit, const ind_period *p)
{
	stored_key k = make_key(ind, unit, p);
	int32_t id = strmap_find(t->keys, (const char *)&k, sizeof k);
	return id >= 0 ? &t->vals[id] : NULL;
}

static bool load_row(void *ctx, const st_result *r)
{
	ind_table *t = ctx;
	int ind = ind_find(t->c, r->indicator, strlen(r->indicator));
	int32_t unit = units_find(t->u, r->unit_code, strlen(r->unit_code));
	ind_period p;
	if (ind < 0 || unit < 0 || !ind_period_parse(r->period, strlen(r->period), &p))
		return true; /* an indicator no longer in the catalogue, say */
	stored_key k = make_key(ind, unit, &p);
	bool added = false;
	int32_t id = strmap_intern(t->keys, (const char *)&k, sizeof k, &added);
	if (added) {
		if (t->nvals == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 256;
			t->vals = gn_xreallocarray(t->vals, t->cap, sizeof *t->vals);
		}
		t->nvals++;
	}
	t->vals[id] = (stored_val){r->has_value, r->has_target,
				   strcmp(r->value_source, "imported") == 0, r->value, r->target};
	return true;
}

static bool src_stored(void *ctx, int ind, int32_t unit, const ind_period *p, int64_t *v,
		       bool *imported)
{
	const stored_val *s = find_stored(ctx, ind, unit, p);
	if (!s || !s->has_value)
		return false;
	*v = s->value;
	*imported = s->imported;
	return true;
}

size_t ind_table_children(ind_table *t, int32_t unit, const int32_t **out)
{
	size_t nc = units_ncodes(t->u);
	if (unit < -1 || unit >= (int32_t)nc) {
		*out = NULL;
		return 0;
	}
	*out = t->kids + t->first[unit + 1];
	return (size_t)(t->first[unit + 2] - t->first[unit + 1]);
}

static size_t src_children(void *ctx, int32_t unit, const int32_t **out)
{
	return ind_table_children(ctx, unit, out);
}

static bool src_computed(void *ctx, const ind_def *d, int32_t unit, const ind_period *p,
			 int64_t *v)
{
	ind_table *t = ctx;
	return t->computed && p->kind == IND_YEAR && t->computed(t->ctx, d, unit, p, v);
}

/* The children index of the map (codes in code-index order, which for a
 * unit set loaded from the store is code order). */
static void build_children(ind_table *t)
{
	size_t nc = units_ncodes(t->u);
	t->first = gn_xcalloc(nc + 2, sizeof *t->first);
	size_t total = 0;
	for (size_t i = 0; i < nc; i++) {
		if (!unit_map_version(t->m, (int32_t)i))
			continue;
		int32_t p = unit_map_parent(t->m, (int32_t)i);
		t->first[p + 2]++;
		total++;
	}
	for (size_t k = 1; k < nc + 2; k++)
		t->first[k] += t->first[k - 1];
	t->kids = gn_xcalloc(total ? total : 1, sizeof *t->kids);
	int32_t *fill = gn_xcalloc(nc + 1, sizeof *fill);
	for (size_t i = 0; i < nc; i++) {
		if (!unit_map_version(t->m, (int32_t)i))
			continue;
		int32_t p = unit_map_parent(t->m, (int32_t)i);
		t->kids[t->first[p + 1] + fill[p + 1]++] = (int32_t)i;
	}
	free(fill);
}

ind_table *ind_table_new(const ind_catalogue *c, const unit_set *u, const unit_map *m,
			 ind_computed_fn computed, void *ctx)
{
	ind_table *t = gn_xcalloc(1, sizeof *t);
	t->c = c;
	t->u = u;
	t->m = m;
	t->keys = strmap_new(256);
	t->computed = computed;
	t->ctx = ctx;
	t->src = (ind_source){t, src_stored, src_children, src_computed};
	build_children(t);
	return t;
}

gn_err ind_table_load(ind_table *t, store *st, const char *const *units, size_t nunits,
		      int year_from, int year_to)
{
	st_result_filter f = {.unit_codes = units, .nunits = nunits, .year_from = year_from,
			      .year_to = year_to};
	return store_results_each(st, &f, load_row, t);
}

size_t ind_table_subtree(ind_table *t, int32_t unit, const char ***out)
{
	size_t nc = units_ncodes(t->u);
	const char **codes = gn_xcalloc(nc + 1, sizeof *codes);
	int32_t *stack = gn_xcalloc(nc + 1, sizeof *stack);
	size_t n = 0, top = 0;
	stack[top++] = unit;
	while (top > 0) {
		int32_t u = stack[--top];
		if (u >= 0)
			codes[n++] = units_code(t->u, u);
		const int32_t *kids;
		size_t nk = ind_table_children(t, u, &kids);
		for (size_t k = 0; k < nk && top <= nc; k++)
			stack[top++] = kids[k];
	}
	free(stack);
	*out = codes;
	return n;
}

void ind_table_free(ind_table *t)
{
	if (!t)
		return;
	strmap_free(t->keys);
	free(t->vals);
	free(t->first);
	free(t->kids);
	free(t);
}

void ind_table_eval(ind_table *t, int i, int32_t unit, const ind_period *p, bool national,
		    ind_eval *out)
{
	memset(out, 0, sizeof *out);
	out->target_source = "";
	out->target_basis = "";
	out->baseline_source = "";
	const ind_def *d = ind_at(t->c, (size_t)i);
	if (!d)
		return;
	ind_resolve(t->c, &t->src, i, unit, p, &out->actual);
	if (out->actual.has && (out->actual.origin == IND_FROM_ENTERED ||
				out->actual.origin == IND_FROM_IMPORTED))
		ind_resolve_children_sum(t->c, &t->src, i, unit, p, &out->below);

	/* the target: the unit's own, else the programme's */
	const stored_val *s = find_stored(t, i, unit, p);
	const ind_target *pt = ind_programme_target(d, p, national);
	if (s && s->has_target) {
		out->has_target = true;
		out->target = out->target_low = out->target_high = s->target;
		out->target_source = "local";
	} else if (pt) {
		out->has_target = true;
		out->target_low = pt->low;
		out->target_high = pt->high;
		out->target = ind_target_required(d, pt);
		out->target_source = "programme";
		out->target_basis = pt->basis ? pt->basis : "";
	}

	/* the baseline: the indicator's value in its baseline year, else the
	 * catalogue's national figure */
	if (d->baseline_year) {
		ind_period bp = {d->baseline_year, IND_YEAR, 0};
		ind_value b;
		ind_resolve(t->c, &t->src, i, unit, &bp, &b);
		if (b.has) {
			out->has_baseline = true;
			out->baseline = b.v;
			out->baseline_year = d->baseline_year;
			out->baseline_source = ind_origin_name(b.origin);
		}
	}
	if (!out->has_baseline && national && d->has_baseline) {
		out->has_baseline = true;
		out->baseline = d->baseline;
		out->baseline_year = d->baseline_year;
		out->baseline_source = "catalogue";
	}

	if (out->actual.has && out->has_target) {
		out->has_achievement = true;
		ind_achieve(d->dir, out->actual.v, out->target, &out->ach);
	}
}
