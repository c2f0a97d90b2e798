/*
 * api_me_results.c - the results framework over HTTP (docs/api.md,
 * "Monitoring and evaluation: results"): the catalogue of indicators with
 * the programme's targets, every indicator of a unit for a period (its
 * baseline, target, actual value and where it comes from, achievement),
 * one indicator over the periods and across the units below, and the
 * entry of a value or a local target.
 *
 * Layer: api. The rules are core/indicators.h and app/indicators.h; the
 * registry's indicators are computed from the dashboard's live aggregate
 * (api_dashboard_figures: the same figures as /dashboard/summary, never a
 * new scan of the households), cached per request by unit and year.
 *
 * Scope: the unit asked must be in the caller's area (404 otherwise, as
 * everywhere); its subtree is taken on the map of the period's end (so a
 * 2024 district adds up its communes of 2024), or of today when the unit
 * was not on that map, or of ?asof=. Entering needs write_me (route flag)
 * and a unit of the caller's area.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/indicators.h"
#include "../core/agg.h"
#include "../core/mem.h"
#include "../io/indicator_values_file.h"
#include "api_int.h"

#define SERIES_PERIODS 5

/* ---- the request's selection ------------------------------------------------------- */

typedef struct cached_fig {
	int32_t unit;
	int year;
	bool ok;
	agg_figures f;
} cached_fig;

typedef struct me_sel {
	api_ctx *c;
	const ind_catalogue *cat;
	ind_period period;
	gn_date asof;
	const unit_map *m;
	int32_t unit;        /* world code index; -1 the whole map */
	bool national;
	ind_table *t;
	cached_fig **figs;   /* each entry allocated apart: pointers to its
			      * figures stay valid while the cache grows */
	size_t nfigs, capfigs;
} me_sel;

static void sel_release(void *p)
{
	me_sel *s = p;
	ind_table_free(s->t);
	for (size_t i = 0; i < s->nfigs; i++)
		free(s->figs[i]);
	free(s->figs);
}

/* The aggregate's figures of unit for year, from the request's cache. */
static const agg_figures *figures(me_sel *s, int32_t unit, int year)
{
	for (size_t i = 0; i < s->nfigs; i++)
		if (s->figs[i]->unit == unit && s->figs[i]->year == year)
			return s->figs[i]->ok ? &s->figs[i]->f : NULL;
	if (s->nfigs == s->capfigs) {
		s->capfigs = s->capfigs ? s->capfigs * 2 : 8;
		s->figs = gn_xreallocarray(s->figs, s->capfigs, sizeof *s->figs);
	}
	cached_fig *e = gn_xcalloc(1, sizeof *e);
	s->figs[s->nfigs++] = e;
	e->unit = unit;
	e->year = year;
	const char *code = unit >= 0 ? units_code(s->c->units, unit) : NULL;
	e->ok = api_dashboard_figures(s->c, code, year, s->asof, &e->f) && e->f.t.reviewed > 0;
	return e->ok ? &e->f : NULL;
}

static bool computed_value(void *ctx, const ind_def *d, int32_t unit, const ind_period *p,
			   int64_t *out)
{
	me_sel *s = ctx;
	ind_figures f = {
		.year = figures(s, unit, p->year),
		.prev = NULL,
		.base = NULL,
	};
	if (!f.year)
		return false;
	if (d->computed == IND_COMP_POOR_RATE_REDUCTION ||
	    d->computed == IND_COMP_POOR_MINORITY_REDUCED)
		f.prev = figures(s, unit, p->year - 1);
	if (d->computed == IND_COMP_POOR_NEAR_REDUCED_PCT && d->baseline_year)
		f.base = figures(s, unit, d->baseline_year);
	return indicators_computed(d, s->c->stds, p->year, &f, out);
}

static bool unit_national(const me_sel *s)
{
	if (s->unit < 0)
		return true;
	const unit_version *v = unit_map_version(s->m, s->unit);
	return v && v->level == LEVEL_COUNTRY;
}

/* The unit of code (NULL: the caller's own) in the caller's area, on the
 * map of the period's end, else of today. 0, or the status written. */
static int select_unit(me_sel *s, const char *code, bool asof_given)
{
	api_ctx *c = s->c;
	if (!code || !*code)
		code = c->user && strcmp(c->user->unit_code, "*") != 0 ? c->user->unit_code : "";
	s->unit = -1;
	if (*code) {
		if (!api_in_scope(c, code))
			return api_not_found(c);
		s->unit = units_find(c->units, code, strlen(code));
		if (s->unit < 0)
			return api_not_found(c);
	}
	s->m = world_map(c->w, s->asof, c->ar);
	if (s->unit >= 0 && !unit_map_version(s->m, s->unit)) {
		if (asof_given)
			return api_error(c, 422, "not on map",
					 "Đơn vị không có trên bản đồ của ngày đã chọn",
					 "The unit is not on the map of that date");
		s->asof = world_today(c->w);
		s->m = c->today;
		if (!unit_map_version(s->m, s->unit))
			return api_not_found(c);
	}
	if (s->unit < 0) {
		/* the whole map: its top unit when it has one (the country), as
		 * the dashboard shows it, so that national figures can be entered */
		int32_t root = -1;
		size_t nroots = 0, nc = units_ncodes(c->units);
		for (size_t i = 0; i < nc; i++)
			if (unit_map_version(s->m, (int32_t)i) && unit_map_parent(s->m, (int32_t)i) < 0) {
				root = (int32_t)i;
				nroots++;
			}
		if (nroots == 1)
			s->unit = root;
	}
	s->national = unit_national(s);
	return 0;
}

/* Parses unit, period and asof; builds the table and loads the stored
 * values of years [period - back, period] (and the baseline years) on the
 * unit's subtree. 0, or the status of the answer written. */
static int begin(api_ctx *c, me_sel *s, int back)
{
	memset(s, 0, sizeof *s);
	s->c = c;
	s->cat = api_indicators(c->app);
	if (!s->cat)
		return api_error(c, 503, "no catalogue",
				 "Chưa nạp khung kết quả (data/me/indicators.csv)",
				 "The results framework (data/me/indicators.csv) is not loaded");
	int y, mo, d;
	date_to_ymd(world_today(c->w), &y, &mo, &d);
	const char *ps = api_query(c, "period");
	s->period = (ind_period){y, IND_YEAR, 0};
	if (ps && *ps && !ind_period_parse(ps, strlen(ps), &s->period))
		return api_bad_request(c, "Kỳ phải là 2024, 2024S1, 2024Q3 hoặc 2024M05",
				       "period must be 2024, 2024S1, 2024Q3 or 2024M05");
	int py = s->period.year, pm = ind_period_last_month(&s->period);
	gn_date end = pm == 12 ? date_year_end(py) : date_from_ymd(py, pm + 1, 1) - 1;
	gn_date dflt = end < world_today(c->w) ? end : world_today(c->w);
	int status = 0;
	if (!api_query_date(c, "asof", dflt, &s->asof, &status))
		return status;
	const char *as = api_query(c, "asof");
	if ((status = select_unit(s, api_query(c, "unit"), as && *as)))
		return status;
	s->t = ind_table_new(s->cat, c->units, s->m, computed_value, s);
	arena_defer(c->ar, sel_release, s);
	int from = py - back - 1;
	for (size_t i = 0; i < ind_count(s->cat); i++) {
		int by = ind_at(s->cat, i)->baseline_year;
		if (by && by < from)
			from = by;
	}
	const char **codes = NULL;
	size_t n = 0;
	if (s->unit >= 0)
		n = ind_table_subtree(s->t, s->unit, &codes);
	gn_err rc = ind_table_load(s->t, c->st, s->unit >= 0 ? codes : NULL, n, from, py);
	free(codes);
	if (rc)
		return api_internal(c, "indicator values", rc);
	return 0;
}

/* ---- writing ------------------------------------------------------------------------ */

static int64_t pow10i(int k)
{
	int64_t v = 1;
	while (k-- > 0)
		v *= 10;
	return v;
}

/* v (x IND_SCALE) with the indicator's decimals. */
static void write_num(jw *w, const ind_def *d, int64_t v)
{
	int dec = d->decimals;
	jw_decimal(w, ind_round(v, dec) / pow10i(IND_MAX_DECIMALS - dec), dec);
}

static void kwrite_num(jw *w, const char *k, const ind_def *d, bool has, int64_t v)
{
	jw_key(w, k);
	if (has)
		write_num(w, d, v);
	else
		jw_null(w);
}

static void write_unit(jw *w, const me_sel *s, int32_t unit)
{
	const unit_version *v = unit >= 0 ? unit_map_version(s->m, unit) : NULL;
	jw_kstr(w, "code", unit >= 0 ? units_code(s->c->units, unit) : "");
	jw_kstr(w, "name", unit >= 0 ? api_unit_name(s->c, unit, s->asof)
				     : (s->c->en ? "Whole country" : "Toàn quốc"));
	jw_kstr(w, "level", v ? unit_level_name(v->level) : "country");
}

/* The fields of an indicator's definition. */
static void write_def(jw *w, api_ctx *c, const ind_catalogue *cat, const ind_def *d)
{
	jw_kstr(w, "code", d->code);
	jw_kstr(w, "name", c->en ? d->name_en : d->name_vi);
	jw_kstr(w, "measure", c->en ? d->measure_en : d->measure_vi);
	jw_kstr(w, "direction", ind_direction_name(d->dir));
	jw_kstr(w, "level", d->project_level ? "project" : "programme");
	jw_key(w, "project");
	if (d->project && *d->project)
		jw_str(w, d->project);
	else
		jw_null(w);
	jw_kstr(w, "aggregation", ind_agg_name(d->agg));
	jw_key(w, "formula");
	if (d->computed == IND_COMP_NONE && d->agg == IND_AGG_RATIO && d->num >= 0 && d->den >= 0) {
		buf f;
		buf_init(&f, 256);
		buf_printf(&f, "%s/%s", ind_at(cat, (size_t)d->num)->code,
			   ind_at(cat, (size_t)d->den)->code);
		jw_str(w, buf_cstr(&f));
		buf_free(&f);
	} else if (d->computed == IND_COMP_NONE && d->agg == IND_AGG_REDUCTION && d->num >= 0) {
		jw_str(w, ind_at(cat, (size_t)d->num)->code);
	} else {
		jw_null(w);
	}
	jw_key(w, "computed");
	if (d->computed != IND_COMP_NONE)
		jw_str(w, ind_computed_name(d->computed));
	else
		jw_null(w);
	jw_kint(w, "decimals", d->decimals);
	jw_key(w, "headline");
	if (d->headline)
		jw_int(w, d->headline);
	else
		jw_null(w);
	jw_kstr(w, "note", c->en ? d->note_en : d->note_vi);
}

static void write_value(jw *w, const char *k, const ind_def *d, const ind_value *v)
{
	jw_key(w, k);
	if (!v->has) {
		jw_null(w);
		return;
	}
	jw_object(w);
	jw_key(w, "value");
	write_num(w, d, v->v);
	jw_kstr(w, "source", ind_origin_name(v->origin));
	if (v->origin == IND_FROM_SUM)
		jw_kint(w, "units", v->units);
	jw_object_end(w);
}

/* The evaluation of an indicator: actual, below, target, baseline,
 * achievement (members of the object being written). */
static void write_eval(jw *w, const ind_def *d, const ind_eval *e)
{
	write_value(w, "actual", d, &e->actual);
	write_value(w, "below", d, &e->below);
	jw_key(w, "target");
	if (e->has_target) {
		jw_object(w);
		jw_key(w, "value");
		write_num(w, d, e->target);
		jw_key(w, "low");
		write_num(w, d, e->target_low);
		jw_key(w, "high");
		write_num(w, d, e->target_high);
		jw_kstr(w, "source", e->target_source);
		jw_kstr(w, "basis", e->target_basis);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "baseline");
	if (e->has_baseline) {
		jw_object(w);
		jw_key(w, "value");
		write_num(w, d, e->baseline);
		jw_key(w, "year");
		if (e->baseline_year)
			jw_int(w, e->baseline_year);
		else
			jw_null(w);
		jw_kstr(w, "source", e->baseline_source);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "achievement");
	if (e->has_achievement) {
		jw_object(w);
		jw_key(w, "pct");
		if (e->ach.has_pct)
			jw_decimal(w, e->ach.pct, 2);
		else
			jw_null(w);
		jw_kbool(w, "met", e->ach.met);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
}

/* What is stored for the unit itself (for the entry form). */
static void write_stored(jw *w, me_sel *s, const ind_def *d)
{
	st_result r = {0};
	char per[IND_PERIOD_LEN];
	ind_period_format(&s->period, per);
	bool found = s->unit >= 0 &&
		     store_result_get(s->c->st, d->code, units_code(s->c->units, s->unit), per, &r) ==
			     GN_OK;
	jw_key(w, "stored");
	jw_object(w);
	kwrite_num(w, "value", d, found && r.has_value, r.value);
	jw_kstr(w, "value_source", found && r.has_value ? r.value_source : "");
	kwrite_num(w, "target", d, found && r.has_target, r.target);
	jw_object_end(w);
}

static bool editable(const me_sel *s, const ind_def *d)
{
	(void)d;
	return s->c->role && s->c->role->write_me && s->unit >= 0;
}

/* One row of the results list. */
static void write_row(jw *w, me_sel *s, int i)
{
	const ind_def *d = ind_at(s->cat, (size_t)i);
	ind_eval e;
	ind_table_eval(s->t, i, s->unit, &s->period, s->national, &e);
	jw_object(w);
	write_def(w, s->c, s->cat, d);
	jw_kbool(w, "editable", editable(s, d));
	write_eval(w, d, &e);
	write_stored(w, s, d);
	jw_object_end(w);
}

static void write_head(jw *w, me_sel *s)
{
	char per[IND_PERIOD_LEN], day[11];
	ind_period_format(&s->period, per);
	date_format_iso(s->asof, day);
	jw_key(w, "unit");
	jw_object(w);
	write_unit(w, s, s->unit);
	jw_object_end(w);
	jw_kstr(w, "period", per);
	jw_kstr(w, "asof", day);
	jw_kbool(w, "national", s->national);
	jw_kbool(w, "can_write", s->c->role && s->c->role->write_me && s->unit >= 0);
}

/* ---- GET /api/v1/me/indicators --------------------------------------------------------- */

int api_me_indicators(api_ctx *c)
{
	const ind_catalogue *cat = api_indicators(c->app);
	if (!cat)
		return api_error(c, 503, "no catalogue",
				 "Chưa nạp khung kết quả (data/me/indicators.csv)",
				 "The results framework (data/me/indicators.csv) is not loaded");
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "indicators");
	jw_array(w);
	for (size_t i = 0; i < ind_count(cat); i++) {
		const ind_def *d = ind_at(cat, i);
		jw_object(w);
		write_def(w, c, cat, d);
		jw_kstr(w, "name_vi", d->name_vi);
		jw_kstr(w, "name_en", d->name_en);
		kwrite_num(w, "baseline", d, d->has_baseline, d->baseline);
		jw_key(w, "baseline_year");
		if (d->baseline_year)
			jw_int(w, d->baseline_year);
		else
			jw_null(w);
		jw_kstr(w, "basis", d->basis);
		jw_key(w, "targets");
		jw_array(w);
		for (size_t k = 0; k < d->ntargets; k++) {
			const ind_target *t = &d->targets[k];
			char per[IND_PERIOD_LEN];
			ind_period_format(&t->period, per);
			jw_object(w);
			jw_kstr(w, "period", per);
			jw_key(w, "target");
			write_num(w, d, t->low);
			jw_key(w, "target_high");
			write_num(w, d, t->high);
			jw_kstr(w, "scope", t->national ? "national" : "all");
			jw_kstr(w, "basis", t->basis);
			jw_object_end(w);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/me/results ------------------------------------------------------------- */

int api_me_results(api_ctx *c)
{
	me_sel *s = arena_calloc(c->ar, 1, sizeof *s);
	int status = begin(c, s, 1);
	if (status)
		return status;
	const char *hl = api_query(c, "headline");
	bool headline = hl && strcmp(hl, "1") == 0;
	jw *w = c->json;
	jw_object(w);
	write_head(w, s);
	jw_key(w, "indicators");
	jw_array(w);
	size_t n = ind_count(s->cat);
	int *order = arena_calloc(c->ar, n ? n : 1, sizeof *order);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!headline || ind_at(s->cat, i)->headline)
			order[k++] = (int)i;
	/* the card's order: by headline number */
	for (size_t i = 1; headline && i < k; i++)
		for (size_t j = i; j > 0 && ind_at(s->cat, (size_t)order[j - 1])->headline >
					      ind_at(s->cat, (size_t)order[j])->headline; j--) {
			int x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	for (size_t i = 0; i < k; i++)
		write_row(w, s, order[i]);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/me/indicators/{code} ----------------------------------------------------- */

static int cmp_code(const void *a, const void *b, void *ctx)
{
	const unit_set *u = ctx;
	return strcmp(units_code(u, *(const int32_t *)a), units_code(u, *(const int32_t *)b));
}

int api_me_indicator(api_ctx *c)
{
	const ind_catalogue *cat = api_indicators(c->app);
	const char *code = api_param(c, "code");
	int i = cat && code ? ind_find(cat, code, strlen(code)) : -1;
	if (i < 0)
		return api_not_found(c);
	me_sel *s = arena_calloc(c->ar, 1, sizeof *s);
	int status = begin(c, s, SERIES_PERIODS);
	if (status)
		return status;
	const ind_def *d = ind_at(cat, (size_t)i);
	jw *w = c->json;
	jw_object(w);
	write_head(w, s);
	jw_key(w, "indicator");
	jw_object(w);
	write_def(w, c, cat, d);
	jw_kbool(w, "editable", editable(s, d));
	ind_eval e;
	ind_table_eval(s->t, i, s->unit, &s->period, s->national, &e);
	write_eval(w, d, &e);
	write_stored(w, s, d);
	jw_object_end(w);

	/* the periods up to this one */
	ind_period ps[SERIES_PERIODS];
	ps[SERIES_PERIODS - 1] = s->period;
	for (int k = SERIES_PERIODS - 2; k >= 0; k--)
		ps[k] = ind_period_prev(&ps[k + 1]);
	jw_key(w, "series");
	jw_array(w);
	for (int k = 0; k < SERIES_PERIODS; k++) {
		if (ps[k].year < IND_YEAR_MIN)
			continue;
		char per[IND_PERIOD_LEN];
		ind_period_format(&ps[k], per);
		ind_table_eval(s->t, i, s->unit, &ps[k], s->national, &e);
		jw_object(w);
		jw_kstr(w, "period", per);
		write_eval(w, d, &e);
		jw_object_end(w);
	}
	jw_array_end(w);

	/* the units right below, in code order */
	const int32_t *kids;
	size_t nk = ind_table_children(s->t, s->unit, &kids);
	int32_t *sorted = arena_calloc(c->ar, nk ? nk : 1, sizeof *sorted);
	if (nk)
		memcpy(sorted, kids, nk * sizeof *sorted);
	qsort_r(sorted, nk, sizeof *sorted, cmp_code, (void *)c->units);
	jw_key(w, "children");
	jw_array(w);
	for (size_t k = 0; k < nk; k++) {
		ind_table_eval(s->t, i, sorted[k], &s->period, false, &e);
		jw_object(w);
		write_unit(w, s, sorted[k]);
		write_eval(w, d, &e);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- PUT /api/v1/me/values ------------------------------------------------------------------ */

/* A number of the body: a JSON integer, a real, or a string written as in
 * indicator_values.csv. False when it is none of them. */
static bool json_number(json_t *v, int64_t *out)
{
	char tmp[64];
	const char *s;
	if (json_is_string(v)) {
		s = json_string_value(v);
	} else if (json_is_integer(v)) {
		snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
		s = tmp;
	} else if (json_is_real(v)) {
		snprintf(tmp, sizeof tmp, "%.4f", json_real_value(v));
		s = tmp;
	} else {
		return false;
	}
	return indval_parse_number(s, strlen(s), out);
}

/* Reads "value" or "target": absent (*given false), null (clear), or a
 * number with the indicator's decimals. */
static void read_figure(api_ctx *c, api_fields *f, json_t *body, const char *key,
			const ind_def *d, bool *given, bool *clear, int64_t *out)
{
	json_t *v = json_object_get(body, key);
	*given = v != NULL;
	*clear = v && json_is_null(v);
	if (!v || *clear)
		return;
	if (!json_number(v, out)) {
		api_field(c, f, key, "Phải là một số (dấu chấm thập phân, không có dấu phân cách hàng nghìn)",
			  "must be a number ('.' as the decimal point, no thousands separator)");
	} else if (d && !ind_fits_decimals(*out, d->decimals)) {
		char vi[128], en[128];
		snprintf(vi, sizeof vi, "Tối đa %d chữ số thập phân", d->decimals);
		snprintf(en, sizeof en, "at most %d decimals", d->decimals);
		api_field(c, f, key, vi, en);
	}
}

int api_me_value_put(api_ctx *c)
{
	const ind_catalogue *cat = api_indicators(c->app);
	if (!cat)
		return api_error(c, 503, "no catalogue",
				 "Chưa nạp khung kết quả (data/me/indicators.csv)",
				 "The results framework (data/me/indicators.csv) is not loaded");
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"indicator", "unit_code", "period", "value", "target"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);

	json_t *v = json_object_get(body, "indicator");
	const char *code = json_is_string(v) ? json_string_value(v) : "";
	int i = ind_find(cat, code, strlen(code));
	const ind_def *d = i >= 0 ? ind_at(cat, (size_t)i) : NULL;
	if (!d)
		api_field(c, f, "indicator", "Không có chỉ tiêu này trong khung kết quả",
			  "no such indicator in the results framework");
	v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || !*unit)
		api_field(c, f, "unit_code", "Chọn một đơn vị", "choose a unit");
	v = json_object_get(body, "period");
	ind_period per;
	const char *ps = json_is_string(v) ? json_string_value(v) : "";
	if (!ind_period_parse(ps, strlen(ps), &per))
		api_field(c, f, "period", "Kỳ phải là 2024, 2024S1, 2024Q3 hoặc 2024M05",
			  "expected 2024, 2024S1, 2024Q3 or 2024M05");
	bool vg, vc, tg, tc;
	int64_t value = 0, target = 0;
	read_figure(c, f, body, "value", d, &vg, &vc, &value);
	read_figure(c, f, body, "target", d, &tg, &tc, &target);
	if (d && d->computed != IND_COMP_NONE && vg && !vc)
		api_field(c, f, "value",
			  "Chỉ tiêu này được tính từ cơ sở dữ liệu hộ nghèo: chỉ nhập chỉ tiêu kế hoạch",
			  "this indicator is computed from the registry: enter only its target");
	if (!vg && !tg)
		api_field(c, f, "value", "Nhập giá trị thực hiện, chỉ tiêu kế hoạch hoặc cả hai",
			  "give a value, a target or both");
	/* the unit last: out of scope is 404 whatever else is wrong */
	if (unit && *unit && !api_in_scope(c, unit))
		return api_not_found(c);
	if (f->n)
		return api_fields_reply(c, f);

	char pertext[IND_PERIOD_LEN];
	ind_period_format(&per, pertext);
	gn_err rc = store_begin(c->st);
	if (!rc && (vg && !vc ? 1 : 0) + (tg && !tc ? 1 : 0) > 0) {
		st_result r = {.has_value = vg && !vc, .value = value,
			       .has_target = tg && !tc, .target = target};
		snprintf(r.indicator, sizeof r.indicator, "%s", d->code);
		snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
		memcpy(r.period, pertext, sizeof r.period);
		rc = store_result_put(c->st, &r, c->user->id);
	}
	if (!rc && (vc || tc)) {
		rc = store_result_clear(c->st, d->code, unit, pertext, vc, tc, c->user->id);
		if (rc == GN_ENOTFOUND)
			rc = GN_OK; /* nothing to clear */
	}
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "indicator value", rc);
	}

	/* the indicator as it is now, for that unit and period */
	me_sel *s = arena_calloc(c->ar, 1, sizeof *s);
	s->c = c;
	s->cat = cat;
	s->period = per;
	int py = per.year, pm = ind_period_last_month(&per);
	gn_date end = pm == 12 ? date_year_end(py) : date_from_ymd(py, pm + 1, 1) - 1;
	s->asof = end < world_today(c->w) ? end : world_today(c->w);
	if ((status = select_unit(s, unit, false)))
		return status;
	s->t = ind_table_new(cat, c->units, s->m, computed_value, s);
	arena_defer(c->ar, sel_release, s);
	const char **codes = NULL;
	size_t n = ind_table_subtree(s->t, s->unit, &codes);
	int from = py - 2;
	if (d->baseline_year && d->baseline_year < from)
		from = d->baseline_year;
	rc = ind_table_load(s->t, c->st, codes, n, from, py);
	free(codes);
	if (rc)
		return api_internal(c, "indicator values", rc);
	jw *w = c->json;
	jw_object(w);
	write_head(w, s);
	jw_key(w, "indicator");
	write_row(w, s, i);
	jw_object_end(w);
	return 200;
}
