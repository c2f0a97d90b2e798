/*
 * budget.c - budget.csv into and out of a store, and one line from a
 * form (budget.h).
 *
 * Layer: app. The reader (io/budget_file.c) checks the file alone; this
 * file adds the rules that need the store, all checked before anything is
 * written and inside the write transaction (so two imports at once see
 * each other), then writes every line or none.
 */
#include "budget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/budget.h"
#include "../core/mem.h"
#include "../io/budget_file.h"
#include "../io/csv.h"

/* ---- which stored plan a line belongs to --------------------------------------- */

/* The parent of code c on map m (valid on the map's date), or of its
 * version nearest to d when it is not on the map; -1 at the top. */
static int32_t parent_of(const unit_set *u, const unit_map *m, int32_t c, gn_date d)
{
	if (unit_map_version(m, c))
		return unit_map_parent(m, c);
	const unit_version *v = units_nearest(u, c, d);
	return v ? v->parent : -1;
}

/* Among the n plans (all of one reference), the one issued by unit_code
 * or its nearest ancestor on m; -1 when none. */
static long nearest_plan(const st_plan *plans, size_t n, const unit_set *u, const unit_map *m,
			 const char *unit_code)
{
	if (n == 0)
		return -1;
	int32_t c = units_find(u, unit_code, strlen(unit_code));
	if (c < 0) {
		for (size_t i = 0; i < n; i++)
			if (strcmp(plans[i].unit_code, unit_code) == 0)
				return (long)i;
		return -1;
	}
	gn_date d = unit_map_date(m);
	for (int depth = 0; c >= 0 && depth < 16; depth++) {
		const char *code = units_code(u, c);
		for (size_t i = 0; i < n; i++)
			if (strcmp(plans[i].unit_code, code) == 0)
				return (long)i;
		c = parent_of(u, m, c, d);
	}
	return -1;
}

gn_err budget_plan_of(store *st, const unit_set *u, const char *ref, const char *unit_code,
		      int year, st_plan *out)
{
	memset(out, 0, sizeof *out);
	st_plan_filter f = {.ref = ref};
	st_plan *plans = NULL;
	size_t n = 0;
	gn_err err = store_plans_list(st, &f, &plans, &n);
	if (err)
		return err;
	unit_map *m = n ? unit_map_new(u, date_year_end(year)) : NULL;
	long k = m ? nearest_plan(plans, n, u, m, unit_code) : -1;
	unit_map_free(m);
	if (k < 0) {
		store_plans_free(plans, n);
		return GN_ENOTFOUND;
	}
	*out = plans[k];
	memset(&plans[k], 0, sizeof plans[k]);
	store_plans_free(plans, n);
	return GN_OK;
}

/* ---- the import ------------------------------------------------------------------ */

typedef struct ref_plans {
	const char *ref;           /* a row's plan text */
	st_plan *plans;            /* the stored plans of that reference */
	size_t n;
	bool warned;
} ref_plans;

typedef struct year_map {
	int year;
	unit_map *m;
} year_map;

typedef struct ctx {
	const me_catalogue *cat;
	const unit_set *u;
	const char *name;
	gn_diag *d;
	budget_rows rows;
	const st_plan **plan;      /* per row: its stored plan, or NULL */
	ref_plans *refs;
	size_t nrefs;
	year_map *maps;
	size_t nmaps;
} ctx;

static const unit_map *map_of(ctx *x, int year)
{
	for (size_t i = 0; i < x->nmaps; i++)
		if (x->maps[i].year == year)
			return x->maps[i].m;
	x->maps = gn_xreallocarray(x->maps, x->nmaps + 1, sizeof *x->maps);
	x->maps[x->nmaps] = (year_map){year, unit_map_new(x->u, date_year_end(year))};
	return x->maps[x->nmaps++].m;
}

static void ctx_free(ctx *x)
{
	budget_rows_free(&x->rows);
	free(x->plan);
	for (size_t i = 0; i < x->nrefs; i++)
		store_plans_free(x->refs[i].plans, x->refs[i].n);
	free(x->refs);
	for (size_t i = 0; i < x->nmaps; i++)
		unit_map_free(x->maps[i].m);
	free(x->maps);
}

static const char *pcode(const ctx *x, int32_t p)
{
	return x->cat->v[p].code;
}

/* Units stored and inside the caller's area. */
static void check_units(ctx *x, const import_opts *o)
{
	for (size_t i = 0; i < x->rows.n; i++) {
		const budget_in *b = &x->rows.v[i];
		if (units_find(x->u, b->unit_code, strlen(b->unit_code)) < 0)
			diag_error(x->d, x->name, b->line, "unit_code", "unknown unit \"%s\"",
				   b->unit_code);
		else if (o->in_area && !o->in_area(o->ctx, b->unit_code))
			diag_error(x->d, x->name, b->line, "unit_code", "\"%s\": %s", b->unit_code,
				   o->outside_msg ? o->outside_msg : "outside your area");
	}
}

/* Each row's stored plan; a plan that is not stored is named once. */
static gn_err resolve_plans(store *st, ctx *x)
{
	x->plan = gn_xcalloc(x->rows.n ? x->rows.n : 1, sizeof *x->plan);
	for (size_t i = 0; i < x->rows.n; i++) {
		const budget_in *b = &x->rows.v[i];
		ref_plans *rp = NULL;
		for (size_t k = 0; k < x->nrefs && !rp; k++)
			if (strcmp(x->refs[k].ref, b->plan) == 0)
				rp = &x->refs[k];
		if (!rp) {
			x->refs = gn_xreallocarray(x->refs, x->nrefs + 1, sizeof *x->refs);
			rp = &x->refs[x->nrefs++];
			memset(rp, 0, sizeof *rp);
			rp->ref = b->plan;
			st_plan_filter f = {.ref = b->plan};
			gn_err err = store_plans_list(st, &f, &rp->plans, &rp->n);
			if (err)
				return err;
		}
		long k = nearest_plan(rp->plans, rp->n, x->u, map_of(x, b->year), b->unit_code);
		if (k < 0) {
			if (!rp->warned)
				diag_warn(x->d, x->name, b->line, "plan",
					  "plan \"%s\" is not in the database: its lines are kept under that reference (enter the plan to check them against its declared funding)",
					  b->plan);
			rp->warned = true;
			continue;
		}
		const st_plan *p = &rp->plans[k];
		x->plan[i] = p;
		if (b->year < p->year_from || b->year > p->year_to)
			diag_error(x->d, x->name, b->line, "year",
				   "plan \"%s\" covers %d-%d, not %d", p->ref, p->year_from,
				   p->year_to, b->year);
	}
	return GN_OK;
}

/* "3, 5-7": the rows' lines, shortened. */
static void lines_text(buf *b, const long *lines, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && lines[j + 1] == lines[j] + 1)
			j++;
		buf_printf(b, "%s%ld", i ? ", " : "", lines[i]);
		if (j > i)
			buf_printf(b, "-%ld", lines[j]);
		i = j + 1;
		if (i >= 8 && i < n) {
			buf_puts(b, ", ...");
			break;
		}
	}
}

/* The file's allocations of each stored plan against the funding it
 * declares. */
static void check_declared(ctx *x)
{
	buf msg;
	buf_init(&msg, 0);
	long *lines = gn_xmalloc((x->rows.n ? x->rows.n : 1) * sizeof *lines);
	for (size_t r = 0; r < x->nrefs; r++) {
		const ref_plans *rp = &x->refs[r];
		for (size_t k = 0; k < rp->n; k++) {
			const st_plan *p = &rp->plans[k];
			for (size_t fi = 0; fi < p->nfunding; fi++) {
				const st_plan_funding *f = &p->funding[fi];
				int32_t fp = catalogue_find(x->cat, f->project, strlen(f->project));
				if (fp < 0)
					continue;
				budget_row sum;
				memset(&sum, 0, sizeof sum);
				size_t nl = 0;
				bool overflow = false;
				for (size_t i = 0; i < x->rows.n; i++) {
					const budget_in *b = &x->rows.v[i];
					if (x->plan[i] != p || b->disbursed || b->year != f->year ||
					    !catalogue_within(x->cat, b->project, fp))
						continue;
					lines[nl++] = b->line;
					if (budget_row_add_line(&sum, b->source, b->capital, false,
								b->amount, b->carried_over))
						overflow = true;
				}
				if (nl == 0)
					continue;
				char want[28], got[28];
				buf_reset(&msg);
				lines_text(&msg, lines, nl);
				/* (messages with at most four variable parts: the web
				 * import page translates them, api_import.c) */
				if (overflow) {
					diag_error(x->d, x->name, lines[0], "amount",
						   "the allocated lines of %s, %d do not fit in a number (lines: %s)",
						   f->project, f->year, buf_cstr(&msg));
					continue;
				}
				if (sum.total.allocated != f->total) {
					budget_money_vn(f->total, want);
					budget_money_vn(sum.total.allocated, got);
					diag_error(x->d, x->name, lines[0], "amount",
						   "allocated lines of %s, %d add up to %s đồng (lines: %s), but their plan declares %s đồng",
						   f->project, f->year, got, buf_cstr(&msg), want);
					continue;
				}
				if (f->nparts == 0)
					continue;
				/* the parts: source by source, capital by capital */
				for (int s = 0; s < BS_COUNT; s++)
					for (int c = 0; c < BC_COUNT; c++) {
						int64_t dec = 0, carried = 0;
						for (size_t q = 0; q < f->nparts; q++) {
							budget_source ps;
							budget_capital pc;
							const st_plan_part *pt = &f->parts[q];
							if (budget_source_parse(pt->source, strlen(pt->source), &ps) &&
							    budget_capital_parse(pt->capital, strlen(pt->capital), &pc) &&
							    ps == (budget_source)s && pc == (budget_capital)c) {
								dec = pt->amount;
								carried = pt->carried_over;
							}
						}
						const budget_amounts *a = &sum.cell[s][c];
						if (a->allocated == dec && a->carried_over == carried)
							continue;
						const char *sn = budget_source_name((budget_source)s);
						const char *cn = budget_capital_name((budget_capital)c);
						if (a->allocated != dec) {
							budget_money_vn(dec, want);
							budget_money_vn(a->allocated, got);
							diag_error(x->d, x->name, lines[0], "amount",
								   "allocated lines of %s, %d, %s, %s add up to %s đồng (lines: %s), but their plan declares %s đồng",
								   f->project, f->year, sn, cn, got,
								   buf_cstr(&msg), want);
						} else {
							budget_money_vn(carried, want);
							budget_money_vn(a->carried_over, got);
							diag_error(x->d, x->name, lines[0], "carried_over",
								   "carried over in the allocated lines of %s, %d, %s, %s: %s đồng (lines: %s), but their plan declares %s đồng",
								   f->project, f->year, sn, cn, got,
								   buf_cstr(&msg), want);
						}
					}
			}
		}
	}
	free(lines);
	buf_free(&msg);
}

/* Two rows of the same key but for the kind and date. */
static int cmp_group(const budget_in *a, const budget_in *b)
{
	int c = strcmp(a->plan, b->plan);
	if (c)
		return c;
	if ((c = strcmp(a->unit_code, b->unit_code)))
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->project != b->project)
		return a->project < b->project ? -1 : 1;
	if (a->source != b->source)
		return a->source < b->source ? -1 : 1;
	if (a->capital != b->capital)
		return a->capital < b->capital ? -1 : 1;
	return 0;
}

static int cmp_rows(const void *x, const void *y, void *arg)
{
	const budget_in *rows = arg;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = cmp_group(&rows[i], &rows[j]);
	if (c)
		return c;
	return i < j ? -1 : i > j;
}

/* Disbursements within allocations, per key, the file over the store. */
static gn_err check_disbursed(store *st, ctx *x)
{
	size_t n = x->rows.n;
	size_t *ix = gn_xmalloc((n ? n : 1) * sizeof *ix);
	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	qsort_r(ix, n, sizeof *ix, cmp_rows, x->rows.v);
	gn_err err = GN_OK;
	for (size_t i = 0; i < n && !err;) {
		size_t j = i + 1;
		while (j < n && cmp_group(&x->rows.v[ix[i]], &x->rows.v[ix[j]]) == 0)
			j++;
		const budget_in *k = &x->rows.v[ix[i]];
		const budget_in *alloc = NULL, *last = NULL;
		int64_t disbursed = 0;
		bool overflow = false;
		for (size_t q = i; q < j; q++) {
			const budget_in *b = &x->rows.v[ix[q]];
			if (b->disbursed) {
				last = b;
				overflow |= __builtin_add_overflow(disbursed, b->amount, &disbursed);
			} else {
				alloc = b;
			}
		}
		/* the stored lines of the key that the file does not replace */
		const char *unit = k->unit_code;
		st_budget_filter f = {.unit_codes = &unit, .nunits = 1, .year = k->year,
				      .plan = k->plan};
		st_budget_line *sl = NULL;
		size_t ns = 0;
		if ((err = store_budget_list(st, &f, &sl, &ns)))
			break;
		int64_t allocated = alloc ? alloc->amount : 0;
		for (size_t q = 0; q < ns; q++) {
			const st_budget_line *l = &sl[q];
			if (strcmp(l->project, pcode(x, k->project)) != 0 ||
			    strcmp(l->source, budget_source_name(k->source)) != 0 ||
			    strcmp(l->capital, budget_capital_name(k->capital)) != 0)
				continue;
			if (strcmp(l->kind, "allocated") == 0) {
				if (!alloc)
					allocated = l->amount;
				continue;
			}
			bool replaced = false;
			for (size_t r = i; r < j && !replaced; r++) {
				const budget_in *b = &x->rows.v[ix[r]];
				char day[11];
				if (!b->disbursed)
					continue;
				date_format_iso(b->date, day);
				replaced = strcmp(day, l->date) == 0;
			}
			if (!replaced)
				overflow |= __builtin_add_overflow(disbursed, l->amount, &disbursed);
		}
		free(sl);
		if (overflow || disbursed > allocated) {
			char a[28], dsum[28];
			budget_money_vn(allocated, a);
			budget_money_vn(disbursed, dsum);
			const budget_in *at = last ? last : alloc;
			if (alloc && (!last || alloc->line > last->line))
				at = alloc;
			diag_error(x->d, x->name, at->line, "amount",
				   "disbursements of %s, %s, %s, %s, %d add up to %s đồng, more than the %s đồng allocated",
				   pcode(x, k->project), budget_source_name(k->source),
				   budget_capital_name(k->capital), k->unit_code, k->year, dsum, a);
		}
		i = j;
	}
	free(ix);
	return err;
}

static void to_line(const ctx *x, const budget_in *b, st_budget_line *l)
{
	memset(l, 0, sizeof *l);
	snprintf(l->plan, sizeof l->plan, "%s", b->plan);
	snprintf(l->unit_code, sizeof l->unit_code, "%s", b->unit_code);
	l->year = b->year;
	snprintf(l->project, sizeof l->project, "%s", pcode(x, b->project));
	snprintf(l->source, sizeof l->source, "%s", budget_source_name(b->source));
	snprintf(l->capital, sizeof l->capital, "%s", budget_capital_name(b->capital));
	snprintf(l->kind, sizeof l->kind, "%s", b->disbursed ? "disbursed" : "allocated");
	if (b->has_date)
		date_format_iso(b->date, l->date);
	l->amount = b->amount;
	l->carried_over = b->carried_over;
}

static gn_err db_error(store *st, const char *name, gn_diag *d, gn_err err)
{
	diag_error(d, name, 0, "", "database: %s (%s)", gn_strerror(err), store_errmsg(st));
	return err == GN_ENOMEM ? err : GN_EIO;
}

gn_err budget_import(store *st, const char *name, const char *csv, size_t len,
		     const import_opts *o, gn_diag *d, size_t *rows)
{
	*rows = 0;
	if (!o->catalogue) {
		diag_error(d, name, 0, "", "no catalogue of projects given to check budget lines");
		return GN_EUSAGE;
	}
	ctx x = {.cat = o->catalogue, .name = name, .d = d};
	unit_set *u = NULL;
	size_t before = diag_errors(d);
	gn_err err = budget_file_parse(o->catalogue, name, csv, len, d, &x.rows);
	if (err)
		goto out;
	if ((err = store_units_load(st, &u))) {
		err = db_error(st, name, d, err);
		goto out;
	}
	x.u = u;
	check_units(&x, o);
	if (diag_errors(d) > before) {
		err = GN_EINPUT;
		goto out;
	}
	/* Checks and writes in one write transaction. */
	if ((err = store_begin(st))) {
		err = db_error(st, name, d, err);
		goto out;
	}
	if ((err = resolve_plans(st, &x)))
		goto db;
	check_declared(&x);
	if ((err = check_disbursed(st, &x)))
		goto db;
	if (diag_errors(d) > before) {
		store_rollback(st);
		err = GN_EINPUT;
		goto out;
	}
	for (size_t i = 0; i < x.rows.n && !err; i++) {
		st_budget_line l;
		to_line(&x, &x.rows.v[i], &l);
		err = store_budget_put(st, &l, o->user);
	}
	if (err)
		goto db;
	if (o->dry_run) {
		store_rollback(st);
	} else if ((err = store_commit(st))) {
		goto db;
	}
	*rows = x.rows.n;
	goto out;
db:
	store_rollback(st);
	err = db_error(st, name, d, err);
out:
	ctx_free(&x);
	units_free(u);
	return err;
}

/* ---- the export -------------------------------------------------------------------- */

gn_err budget_export_csv(store *st, const export_opts *o, buf *out)
{
	st_budget_filter f = {.unit_codes = o->unit_codes, .nunits = o->nunits, .year = o->year};
	if (o->unit_codes && o->nunits == 0) {
		static const char *const none[] = {""};
		f.unit_codes = none;
		f.nunits = 1;
	}
	st_budget_line *l = NULL;
	size_t n = 0;
	gn_err err = store_budget_list(st, &f, &l, &n);
	if (err)
		return err;
	buf_puts(out, BUDGET_FILE_HEADER);
	for (size_t i = 0; i < n; i++) {
		char year[12], amount[24], carried[24];
		snprintf(year, sizeof year, "%d", l[i].year);
		snprintf(amount, sizeof amount, "%lld", (long long)l[i].amount);
		if (l[i].carried_over)
			snprintf(carried, sizeof carried, "%lld", (long long)l[i].carried_over);
		else
			carried[0] = '\0';
		const char *fields[] = {l[i].plan,    l[i].unit_code, year,  l[i].project,
					l[i].source,  l[i].capital,   amount, carried,
					l[i].kind,    l[i].date};
		if ((err = csv_put_record(out, fields, sizeof fields / sizeof fields[0])))
			break;
	}
	free(l);
	return err;
}

/* ---- one line from a form ------------------------------------------------------------ */

static gn_err refuse(budget_refusal *why, const char *field, const char *vi, const char *en)
{
	why->field = field;
	snprintf(why->vi, sizeof why->vi, "%s", vi);
	snprintf(why->en, sizeof why->en, "%s", en);
	return GN_EINPUT;
}

gn_err budget_record(store *st, const me_catalogue *cat, const unit_set *u,
		     st_budget_line *l, int64_t user, budget_refusal *why)
{
	memset(why, 0, sizeof *why);
	bool disbursed = strcmp(l->kind, "disbursed") == 0;
	if (catalogue_find(cat, l->project, strlen(l->project)) < 0)
		return refuse(why, "project", "Không có trong danh mục dự án",
			      "not a project of the catalogue");
	st_plan p;
	gn_err err = budget_plan_of(st, u, l->plan, l->unit_code, l->year, &p);
	if (err && err != GN_ENOTFOUND)
		return err;
	if (!err) {
		bool in = l->year >= p.year_from && l->year <= p.year_to;
		char vi[320], en[320];
		snprintf(vi, sizeof vi, "Kế hoạch %s áp dụng cho năm %d-%d", p.ref, p.year_from,
			 p.year_to);
		snprintf(en, sizeof en, "plan %s covers %d-%d", p.ref, p.year_from, p.year_to);
		st_plan_clear(&p);
		if (!in)
			return refuse(why, "year", vi, en);
	}
	/* the key's stored lines */
	const char *unit = l->unit_code;
	st_budget_filter f = {.unit_codes = &unit, .nunits = 1, .year = l->year, .plan = l->plan};
	st_budget_line *sl = NULL;
	size_t ns = 0;
	if ((err = store_budget_list(st, &f, &sl, &ns)))
		return err;
	int64_t allocated = 0, disb = 0;
	bool overflow = false;
	for (size_t i = 0; i < ns; i++) {
		if (strcmp(sl[i].project, l->project) != 0 || strcmp(sl[i].source, l->source) != 0 ||
		    strcmp(sl[i].capital, l->capital) != 0)
			continue;
		if (strcmp(sl[i].kind, "allocated") == 0)
			allocated = sl[i].amount;
		else if (!(disbursed && strcmp(sl[i].date, l->date) == 0))
			overflow |= __builtin_add_overflow(disb, sl[i].amount, &disb);
	}
	free(sl);
	if (disbursed)
		overflow |= __builtin_add_overflow(disb, l->amount, &disb);
	else
		allocated = l->amount;
	if (overflow || disb > allocated) {
		char a[28], dsum[28], vi[320], en[320];
		budget_money_vn(allocated, a);
		budget_money_vn(disb, dsum);
		if (disbursed) {
			budget_source bs = BS_CENTRAL;
			budget_capital bc = BC_RECURRENT;
			budget_source_parse(l->source, strlen(l->source), &bs);
			budget_capital_parse(l->capital, strlen(l->capital), &bc);
			snprintf(vi, sizeof vi,
				 "Tổng giải ngân %s đồng vượt số được giao %s đồng (%s, %s, %s)",
				 dsum, a, l->project, budget_source_label(bs, false),
				 budget_capital_label(bc, false));
			snprintf(en, sizeof en,
				 "disbursements would add up to %s đồng, more than the %s đồng allocated (%s, %s, %s)",
				 dsum, a, l->project, l->source, l->capital);
		} else {
			snprintf(vi, sizeof vi, "Đã giải ngân %s đồng, nhiều hơn số được giao mới %s đồng",
				 dsum, a);
			snprintf(en, sizeof en, "%s đồng is disbursed already, more than the new allocation of %s đồng",
				 dsum, a);
		}
		return refuse(why, "amount", vi, en);
	}
	return store_budget_put(st, l, user);
}
