/*
 * me_draft.c - the Mẫu 01 / Mẫu 02 drafts of me_draft.h.
 *
 * Layer: draft. The outline follows the narrative sections the circular
 * asks for (domain.md section 5): the situation and the direction given
 * (plans issued), the review's results, results against the targets of
 * the results framework, the projects, funds allocated and disbursed,
 * capacity building, inspections, then the assessment, difficulties and
 * recommendations the officer writes. Each section says where its
 * numbers come from, so an officer can check them.
 */
#include "me_draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/capacity.h"
#include "../core/mem.h"
#include "../io/text.h"
#include "../io/catalogue_file.h"
#include "../report/budget.h"
#include "../report/figures.h"
#include "../report/pdf.h"

typedef struct period_info {
	me_form form;
	const char *key;
	const char *phrase;  /* "%d" is the year */
	const char *title;
} period_info;

static const period_info periods[] = {
	{ME_FORM_01, "s1", "6 tháng đầu năm %d", "BÁO CÁO GIÁM SÁT"},
	{ME_FORM_01, "year", "năm %d", "BÁO CÁO GIÁM SÁT"},
	{ME_FORM_01, "adhoc", "đột xuất năm %d", "BÁO CÁO GIÁM SÁT"},
	{ME_FORM_02, "baseline", "đầu kỳ (năm %d)", "BÁO CÁO ĐÁNH GIÁ"},
	{ME_FORM_02, "midterm", "giữa kỳ (năm %d)", "BÁO CÁO ĐÁNH GIÁ"},
	{ME_FORM_02, "final", "kết thúc (năm %d)", "BÁO CÁO ĐÁNH GIÁ"},
	{ME_FORM_02, "year", "hằng năm, năm %d", "BÁO CÁO ĐÁNH GIÁ"},
	{ME_FORM_02, "adhoc", "đột xuất năm %d", "BÁO CÁO ĐÁNH GIÁ"},
};

static const period_info *period_find(me_form form, const char *key)
{
	for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
		if (periods[i].form == form && key && strcmp(periods[i].key, key) == 0)
			return &periods[i];
	return NULL;
}

bool me_draft_period_valid(me_form form, const char *period)
{
	return period_find(form, period) != NULL;
}

void me_draft_period_phrase(me_form form, const char *period, int year, char *out, size_t n)
{
	const period_info *p = period_find(form, period);
	if (!p) {
		snprintf(out, n, "năm %d", year);
		return;
	}
	snprintf(out, n, p->phrase, year);
}

/* ---- small text helpers ---------------------------------------------------- */

static void num(int64_t v, char *out, size_t n)
{
	report_number_vn(v, 0, out, n);
}

/* v / w as a percentage with two decimals ("5,71"), "-" when w is 0. */
static void pct(int64_t v, int64_t w, char *out, size_t n)
{
	if (w <= 0) {
		snprintf(out, n, "-");
		return;
	}
	int64_t h = (v * 10000 * 2 + w) / (2 * w);
	report_number_vn(h, 2, out, n);
}

static void add_table(me_draft *x, report_doc *t, const char *sheet)
{
	x->tables = gn_xrealloc(x->tables, (x->ntables + 1) * sizeof *x->tables);
	x->sheet_names = gn_xrealloc(x->sheet_names, (x->ntables + 1) * sizeof *x->sheet_names);
	x->tables[x->ntables] = t;
	x->sheet_names[x->ntables] = sheet;
	x->ntables++;
}

void me_draft_free(me_draft *x)
{
	if (!x)
		return;
	docx_free(x->doc);
	for (size_t i = 0; i < x->ntables; i++)
		report_doc_free(x->tables[i]);
	free(x->tables);
	free(x->sheet_names);
	free(x);
}

/* ---- the review's results (the registry) ----------------------------------- */

/* The review year a report of (form, period, year) speaks of: the six-month
 * report of Y gives the results of the review of Y-1 (the latest one
 * finished); every other report the review of its year. */
static int review_year(const me_draft_opts *o)
{
	return o->form == ME_FORM_01 && strcmp(o->period, "s1") == 0 ? o->year - 1 : o->year;
}

typedef struct review_ctx {
	int year;
	report_figures *fig;
	report_doc *results; /* the "results" table of the unit's subtree */
} review_ctx;

static gn_err review_load(store *st, const me_draft_opts *o, gn_diag *d, review_ctx *r)
{
	r->year = review_year(o);
	gn_err rc = report_figures_load(st, o->stds, o->unit_code, r->year, o->asof, d, &r->fig);
	if (rc == GN_OK)
		rc = report_build(o->results, r->fig, d, &r->results);
	return rc;
}

static void section_review(me_draft *x, const review_ctx *r, const char *heading)
{
	const rfig *f = &r->fig->rows[r->fig->nrows - 1].f;
	char hh[32], poor[32], prate[32], near[32], nrate[32], esc[32], newp[32], rep[32], p2n[32],
		n2p[32];
	num(f->households, hh, sizeof hh);
	num(f->cls[CLASS_POOR], poor, sizeof poor);
	pct(f->cls[CLASS_POOR], f->households, prate, sizeof prate);
	num(f->cls[CLASS_NEAR_POOR], near, sizeof near);
	pct(f->cls[CLASS_NEAR_POOR], f->households, nrate, sizeof nrate);
	num(rfig_poor_out(f), esc, sizeof esc);
	num(f->tr[TR_POOR_TO_NEAR], p2n, sizeof p2n);
	num(f->tr[TR_NEAR_TO_POOR], n2p, sizeof n2p);
	num(f->tr[TR_NEW_POOR], newp, sizeof newp);
	num(f->tr[TR_RE_POOR], rep, sizeof rep);

	char line[1024];
	snprintf(line, sizeof line, "%s năm %d", heading, r->year);
	docx_para(x->doc, DOCX_HEADING2, line);
	snprintf(line, sizeof line,
		 "Theo kết quả rà soát năm %d (số liệu trong hệ thống đến ngày lập báo cáo), "
		 "toàn địa bàn có %s hộ dân cư; %s hộ nghèo, chiếm %s%%; %s hộ cận nghèo, chiếm %s%%.",
		 r->year, hh, poor, prate, near, nrate);
	docx_para(x->doc, DOCX_BODY, line);
	int64_t start = rfig_poor_start(f), end = f->cls[CLASS_POOR];
	char st_s[32], diff[32];
	num(start, st_s, sizeof st_s);
	num(start > end ? start - end : end - start, diff, sizeof diff);
	snprintf(line, sizeof line,
		 "Trong năm có %s hộ thoát nghèo (trong đó %s hộ trở thành hộ cận nghèo), %s hộ "
		 "nghèo phát sinh mới, %s hộ tái nghèo, %s hộ cận nghèo trở thành hộ nghèo; số hộ "
		 "nghèo đầu năm %s hộ, cuối năm %s hộ (%s %s hộ).",
		 esc, p2n, newp, rep, n2p, st_s, poor, start >= end ? "giảm" : "tăng", diff);
	docx_para(x->doc, DOCX_BODY, line);
	docx_para(x->doc, DOCX_ITALIC,
		  "Kết quả rà soát theo đơn vị trực thuộc (chi tiết đến từng đơn vị: bảng tính kèm theo):");
	/* the units right under the unit and the total: a shallow view of the
	 * table (the workbook keeps every level) */
	report_doc view = *r->results;
	view.rows = gn_xcalloc(r->results->nrows ? r->results->nrows : 1, sizeof *view.rows);
	view.nrows = 0;
	for (size_t i = 0; i < r->results->nrows; i++)
		if (r->results->rows[i].indent == 0)
			view.rows[view.nrows++] = r->results->rows[i];
	docx_table(x->doc, &view);
	free(view.rows);
}

/* ---- the results framework ------------------------------------------------- */

/* The live values of computed indicators at the draft's unit: the review's
 * figures of the years asked (the period's, the year before, the
 * indicator's baseline year), loaded once each. */
#define MAX_FIG_YEARS 8

typedef struct live_ctx {
	store *st;
	const me_draft_opts *o;
	int32_t unit;
	int years[MAX_FIG_YEARS];
	agg_figures figs[MAX_FIG_YEARS];
	bool have[MAX_FIG_YEARS];
	size_t n;
} live_ctx;

/* The registry's figures of a report row as the aggregates give them. */
static void agg_of_rfig(const rfig *r, int32_t unit, agg_figures *a)
{
	memset(a, 0, sizeof *a);
	a->code = unit;
	a->t.households = r->households;
	a->t.persons = r->persons;
	a->t.reviewed = r->reviewed;
	memcpy(a->t.cls, r->cls, sizeof a->t.cls);
	memcpy(a->t.tr, r->tr, sizeof a->t.tr);
	memcpy(a->dep_poor, r->dep_poor, sizeof a->dep_poor);
	memcpy(a->dep_near, r->dep_near, sizeof a->dep_near);
	a->minority[CLASS_POOR] = r->grp_poor[GRP_MINORITY];
	a->minority[CLASS_NEAR_POOR] = r->grp_near[GRP_MINORITY];
}

/* Seeds the figures of year from a report already loaded. */
static void live_seed(live_ctx *c, int year, const report_figures *f)
{
	if (c->n == MAX_FIG_YEARS)
		return;
	size_t k = c->n++;
	c->years[k] = year;
	c->have[k] = f->rows[f->nrows - 1].f.reviewed > 0;
	if (c->have[k])
		agg_of_rfig(&f->rows[f->nrows - 1].f, c->unit, &c->figs[k]);
}

/* The figures of year, or NULL when there are none (no review). */
static const agg_figures *live_year(live_ctx *c, int year)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->years[i] == year)
			return c->have[i] ? &c->figs[i] : NULL;
	if (c->n == MAX_FIG_YEARS)
		return NULL;
	size_t k = c->n++;
	c->years[k] = year;
	memset(&c->figs[k], 0, sizeof c->figs[k]);
	report_figures *f = NULL;
	gn_diag *quiet = diag_new(10);
	gn_err rc = report_figures_load(c->st, c->o->stds, c->o->unit_code, year, c->o->asof, quiet,
					&f);
	diag_free(quiet);
	c->have[k] = rc == GN_OK && f->rows[f->nrows - 1].f.reviewed > 0;
	if (c->have[k])
		agg_of_rfig(&f->rows[f->nrows - 1].f, c->unit, &c->figs[k]);
	report_figures_free(f);
	return c->have[k] ? &c->figs[k] : NULL;
}

static bool live_value(void *ctx, const ind_def *d, int32_t unit, const ind_period *p,
		       int64_t *out)
{
	live_ctx *c = ctx;
	if (unit != c->unit || p->kind != IND_YEAR)
		return false;
	ind_figures f = {
		.year = live_year(c, p->year),
		.prev = live_year(c, p->year - 1),
		.base = d->baseline_year ? live_year(c, d->baseline_year) : NULL,
	};
	if (!f.year)
		return false;
	return indicators_computed(d, c->o->stds, p->year, &f, out);
}

/* A value of the framework (x IND_SCALE) with the indicator's decimals,
 * Vietnamese style. */
static void ind_text(int64_t v, int decimals, char *out, size_t n)
{
	int64_t div = 1;
	for (int i = decimals; i < 4; i++)
		div *= 10;
	report_number_vn(v / div, decimals, out, n);
}

static const char *origin_vi(ind_origin o)
{
	switch (o) {
	case IND_FROM_ENTERED: return "nhập";
	case IND_FROM_IMPORTED: return "nhập từ tệp";
	case IND_FROM_COMPUTED: return "tính từ CSDL hộ";
	case IND_FROM_SUM: return "tổng cấp dưới";
	case IND_FROM_DERIVED: return "tính từ chỉ tiêu khác";
	default: return "";
	}
}

/* The table of the framework's indicators at the unit for the draft's
 * year: baseline, target, actual (and where it comes from), achievement. */
static gn_err results_table(store *st, const me_draft_opts *o, const report_figures *known,
			    int known_year, report_doc **out)
{
	*out = NULL;
	unit_set *u = NULL;
	gn_err rc = store_units_load(st, &u);
	if (rc)
		return rc;
	unit_map *m = unit_map_new(u, o->asof);
	int32_t unit = units_find(u, o->unit_code, strlen(o->unit_code));
	live_ctx lc = {.st = st, .o = o, .unit = unit};
	live_seed(&lc, known_year, known);
	ind_table *t = ind_table_new(o->indicators, u, m, live_value, &lc);
	const char **codes = NULL;
	size_t nc = ind_table_subtree(t, unit, &codes);
	rc = ind_table_load(t, st, codes, nc, o->year - 6, o->year);
	free(codes);
	const unit_version *v = unit_map_version(m, unit);
	bool national = v && v->level == LEVEL_COUNTRY;

	report_doc *d = report_doc_new(8);
	static const char *const heads[] = {"Mã", "Chỉ tiêu", "Đơn vị tính", "Cơ sở",
					    "Mục tiêu", "Thực hiện", "Nguồn số liệu", "Đạt (%)"};
	static const int widths[] = {7, 40, 9, 10, 10, 10, 14, 9};
	d->head_rows = 1;
	d->numbered = true;
	d->title = report_doc_str(d, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CHƯƠNG TRÌNH");
	char sub[96];
	snprintf(sub, sizeof sub, "Năm %d", o->year);
	d->subtitles[d->nsubtitles++] = report_doc_str(d, sub);
	d->landscape = true;
	for (int c = 0; c < 8; c++) {
		report_doc_head(d, 0, c, 1, 1, heads[c]);
		d->col_widths[c] = widths[c];
		d->col_keys[c] = report_doc_str(d, heads[c]);
	}
	ind_period per = {o->year, IND_YEAR, 0};
	for (size_t i = 0; rc == GN_OK && i < ind_count(o->indicators); i++) {
		const ind_def *def = ind_at(o->indicators, i);
		ind_eval ev;
		ind_table_eval(t, (int)i, unit, &per, national, &ev);
		report_row *r = report_doc_add_row(d, ROW_PLAIN, 0);
		char tx[64];
		report_cell_text(d, r, 0, def->code);
		report_cell_text(d, r, 1, def->name_vi);
		report_cell_text(d, r, 2, def->measure_vi);
		if (ev.has_baseline) {
			ind_text(ev.baseline, def->decimals, tx, sizeof tx);
			report_cell_text(d, r, 3, tx);
		}
		if (ev.has_target) {
			ind_text(ev.target, def->decimals, tx, sizeof tx);
			report_cell_text(d, r, 4, tx);
		}
		if (ev.actual.has) {
			ind_text(ev.actual.v, def->decimals, tx, sizeof tx);
			report_cell_text(d, r, 5, tx);
			report_cell_text(d, r, 6, origin_vi(ev.actual.origin));
		}
		if (ev.has_achievement && ev.ach.has_pct)
			report_cell_decimal(r, 7, ev.ach.pct, 2);
	}
	ind_table_free(t);
	unit_map_free(m);
	units_free(u);
	if (rc) {
		report_doc_free(d);
		return rc;
	}
	*out = d;
	return GN_OK;
}

/* ---- plans and funds ------------------------------------------------------- */

/* The codes of the rows of the review's figures: the unit's subtree on the
 * map of the report. */
static const char **subtree_codes(const review_ctx *r, size_t *n)
{
	const char **codes = gn_xcalloc(r->fig->nrows, sizeof *codes);
	for (size_t i = 0; i < r->fig->nrows; i++)
		codes[i] = r->fig->rows[i].code;
	*n = r->fig->nrows;
	return codes;
}

static void date_vn(const char *iso, char out[11])
{
	gn_date t;
	if (iso && date_parse(iso, strlen(iso), &t))
		date_format_vn(t, out);
	else
		snprintf(out, 11, "%s", iso ? iso : "");
}

/* The plans in force in the year, issued in the subtree, with their full
 * lists (*plans, *n). */
static gn_err load_plans(store *st, const review_ctx *r, int year, st_plan **plans, size_t *n)
{
	size_t nc;
	const char **codes = subtree_codes(r, &nc);
	st_plan_filter f = {.unit_codes = codes, .nunits = nc, .year = year};
	st_plan *list = NULL;
	size_t nl = 0;
	gn_err rc = store_plans_list(st, &f, &list, &nl);
	free(codes);
	if (rc)
		return rc;
	st_plan *full = gn_xcalloc(nl ? nl : 1, sizeof *full);
	for (size_t i = 0; i < nl && rc == GN_OK; i++)
		rc = store_plan_get(st, list[i].id, &full[i]);
	store_plans_free(list, nl);
	if (rc) {
		store_plans_free(full, nl);
		return rc;
	}
	*plans = full;
	*n = nl;
	return GN_OK;
}

static void section_plans(me_draft *x, const st_plan *plans, size_t n, int year)
{
	char line[1024], day[11];
	if (n == 0) {
		snprintf(line, sizeof line,
			 "Trong hệ thống chưa có kế hoạch thực hiện Chương trình năm %d của đơn vị "
			 "và các đơn vị trực thuộc.", year);
		docx_para(x->doc, DOCX_BODY, line);
		return;
	}
	snprintf(line, sizeof line, "Các kế hoạch thực hiện Chương trình năm %d đã ban hành:", year);
	docx_para(x->doc, DOCX_BODY, line);
	for (size_t i = 0; i < n; i++) {
		const st_plan *p = &plans[i];
		date_vn(p->date, day);
		snprintf(line, sizeof line, "- Kế hoạch số %s ngày %s của %s%s%s.", p->number, day,
			 p->issuer && *p->issuer ? p->issuer : p->unit_code,
			 p->title && *p->title ? " về " : "", p->title ? p->title : "");
		docx_para(x->doc, DOCX_BODY, line);
	}
}

/* The activities of the plans on project index pi of the catalogue (and its
 * sub-projects). */
static void project_activities(me_draft *x, const me_catalogue *cat, int32_t pi,
			       const st_plan *plans, size_t n)
{
	char line[1536];
	bool any = false;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < plans[i].nactivities; k++) {
			const st_plan_activity *a = &plans[i].activities[k];
			int32_t ap = catalogue_find(cat, a->project, strlen(a->project));
			if (ap < 0 || !catalogue_within(cat, ap, pi))
				continue;
			snprintf(line, sizeof line, "- %s%s%s%s%s (Kế hoạch số %s).",
				 a->name ? a->name : "",
				 a->lead_unit && *a->lead_unit ? "; chủ trì: " : "",
				 a->lead_unit ? a->lead_unit : "",
				 a->time_from[0] ? "; thời gian: " : "", a->time_from, plans[i].number);
			docx_para(x->doc, DOCX_BODY, line);
			any = true;
		}
	if (!any)
		docx_para(x->doc, DOCX_ITALIC, "Kế hoạch trong hệ thống không có hoạt động của dự án này.");
}

static void money(int64_t v, char *out, size_t n)
{
	report_number_vn(v, 0, out, n);
}

static void funds_sentence(me_draft *x, const char *what, const budget_amounts *a)
{
	char al[32], co[32], di[32], rate[32], line[768];
	money(a->allocated, al, sizeof al);
	money(a->carried_over, co, sizeof co);
	money(a->disbursed, di, sizeof di);
	report_number_vn(budget_rate(a), 2, rate, sizeof rate);
	if (a->allocated == 0 && a->disbursed == 0) {
		snprintf(line, sizeof line, "%s: chưa có số liệu kinh phí trong hệ thống.", what);
	} else if (a->carried_over) {
		snprintf(line, sizeof line,
			 "%s: kinh phí được giao %s đồng (trong đó %s đồng năm trước chuyển sang), "
			 "đã giải ngân %s đồng, đạt %s%%.", what, al, co, di, rate);
	} else {
		snprintf(line, sizeof line,
			 "%s: kinh phí được giao %s đồng, đã giải ngân %s đồng, đạt %s%%.", what, al,
			 di, rate);
	}
	docx_para(x->doc, DOCX_BODY, line);
}

static void section_projects(me_draft *x, const me_catalogue *cat, const budget_figures *bf,
			     const st_plan *plans, size_t n)
{
	char line[512];
	int k = 0;
	for (size_t i = 0; i < cat->n; i++) {
		const me_project *p = &cat->v[i];
		if (p->parent >= 0)
			continue;
		snprintf(line, sizeof line, "%d. Dự án %s: %s", ++k, p->code + 2, p->name_vi);
		docx_para(x->doc, DOCX_HEADING2, line);
		project_activities(x, cat, (int32_t)i, plans, n);
		if (bf)
			funds_sentence(x, "Kinh phí", &bf->projects[i].total);
		for (size_t j = i + 1; j < cat->n; j++) {
			const me_project *sp = &cat->v[j];
			if (sp->parent != (int32_t)i || !bf)
				continue;
			snprintf(line, sizeof line, "Tiểu dự án %s (%s)", sp->code, sp->name_vi);
			funds_sentence(x, line, &bf->projects[j].total);
		}
		snprintf(line, sizeof line,
			 "[Cán bộ viết: kết quả thực hiện Dự án %s so với mục tiêu, số đối tượng được "
			 "hỗ trợ, đánh giá.]", p->code + 2);
		docx_para(x->doc, DOCX_FILL, line);
	}
}

/* ---- capacity building and inspections -------------------------------------- */

typedef struct att_ctx {
	cap_attendance *v;
	char **positions;
	size_t n, cap;
} att_ctx;

static bool att_add(void *ctx, const st_attendance_row *r)
{
	att_ctx *a = ctx;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = gn_xrealloc(a->v, a->cap * sizeof *a->v);
		a->positions = gn_xrealloc(a->positions, a->cap * sizeof *a->positions);
	}
	cap_attendance *x = &a->v[a->n];
	memset(x, 0, sizeof *x);
	x->person_id = r->person_id;
	x->class_id = r->class_id;
	x->sex = r->sex;
	x->staff = r->staff;
	if (!cap_kind_parse(r->kind, &x->kind))
		x->kind = (cap_kind)0;
	a->positions[a->n] = gn_xstrdup(r->position ? r->position : "");
	x->position = a->positions[a->n];
	a->n++;
	return true;
}

static bool staff_add(void *ctx, const char *unit, int64_t staff)
{
	(void)unit;
	*(int64_t *)ctx += staff;
	return true;
}

static gn_err section_training(me_draft *x, store *st, const char *const *codes, size_t nc,
			       int year)
{
	att_ctx a = {0};
	int64_t staff = 0;
	gn_err rc = store_training_attendance(st, year, codes, nc, att_add, &a);
	if (rc == GN_OK)
		rc = store_training_staff_each(st, year, codes, nc, staff_add, &staff);
	if (rc == GN_OK) {
		cap_tally t;
		cap_tally_of(a.v, a.n, &t);
		char line[1024], cls[32], att[32], ppl[32], wom[32], wpct[32], stf[32], tot[32],
			spct[32];
		num(t.classes, cls, sizeof cls);
		num(t.attendances, att, sizeof att);
		num(t.people, ppl, sizeof ppl);
		num(t.women, wom, sizeof wom);
		pct(t.women, t.people, wpct, sizeof wpct);
		if (t.attendances == 0)
			snprintf(line, sizeof line,
				 "Trong hệ thống chưa có lớp đào tạo, tập huấn năm %d của đơn vị và các "
				 "đơn vị trực thuộc.", year);
		else
			snprintf(line, sizeof line,
				 "Năm %d, cán bộ của đơn vị và các đơn vị trực thuộc đã tham gia %s lớp "
				 "đào tạo, tập huấn, tham quan học tập, hội nghị với %s lượt người; "
				 "%s người được đào tạo (không tính trùng), trong đó %s nữ (%s%%).",
				 year, cls, att, ppl, wom, wpct);
		docx_para(x->doc, DOCX_BODY, line);
		if (staff > 0) {
			num(t.staff, stf, sizeof stf);
			num(staff, tot, sizeof tot);
			report_number_vn(cap_share_hundredths(t.staff, staff), 2, spct, sizeof spct);
			snprintf(line, sizeof line,
				 "Số cán bộ làm công tác giảm nghèo được tập huấn, bồi dưỡng: %s/%s người, "
				 "đạt %s%% (mục tiêu: 100%% cán bộ được tập huấn hằng năm).", stf, tot,
				 spct);
			docx_para(x->doc, DOCX_BODY, line);
		}
		cap_tally_free(&t);
	}
	for (size_t i = 0; i < a.n; i++)
		free(a.positions[i]);
	free(a.positions);
	free(a.v);
	return rc;
}

static gn_err section_inspections(me_draft *x, store *st, const char *const *codes, size_t nc,
				  int year, gn_date today, report_doc **overdue_out)
{
	st_mission *ms = NULL;
	size_t nm = 0;
	st_recommendation *rs = NULL;
	size_t nr = 0;
	st_mission_filter mf = {.unit_codes = codes, .nunits = nc, .year = year};
	gn_err rc = store_missions_list(st, &mf, &ms, &nm);
	st_recommendation_filter rf = {.unit_codes = codes, .nunits = nc};
	if (rc == GN_OK)
		rc = store_recommendations_list(st, &rf, &rs, &nr);
	if (rc) {
		store_missions_free(ms, nm);
		store_recommendations_free(rs, nr);
		return rc;
	}
	int64_t resolved = 0, open = 0, overdue = 0;
	report_doc *d = report_doc_new(5);
	static const char *const heads[] = {"Đơn vị chịu trách nhiệm", "Kiến nghị", "Hạn xử lý",
					    "Số ngày quá hạn", "Tình trạng"};
	static const int widths[] = {18, 50, 11, 10, 12};
	d->head_rows = 1;
	d->numbered = true;
	d->title = report_doc_str(d, "KIẾN NGHỊ SAU KIỂM TRA, GIÁM SÁT QUÁ HẠN CHƯA XỬ LÝ");
	d->landscape = true;
	for (int c = 0; c < 5; c++) {
		report_doc_head(d, 0, c, 1, 1, heads[c]);
		d->col_widths[c] = widths[c];
		d->col_keys[c] = report_doc_str(d, heads[c]);
	}
	for (size_t i = 0; i < nr; i++) {
		const st_recommendation *r = &rs[i];
		cap_status stt;
		if (!cap_status_parse(r->status, &stt))
			continue;
		gn_date due = 0;
		bool has_due = date_parse(r->due_date, strlen(r->due_date), &due);
		if (strcmp(r->status, "resolved") == 0)
			resolved++;
		else
			open++;
		if (has_due && cap_overdue(stt, due, today)) {
			overdue++;
			report_row *row = report_doc_add_row(d, ROW_PLAIN, 0);
			char day[11];
			date_format_vn(due, day);
			report_cell_text(d, row, 0, r->unit_code);
			report_cell_text(d, row, 1, r->text ? r->text : "");
			report_cell_text(d, row, 2, day);
			report_cell_int(row, 3, cap_days_late(stt, due, today));
			report_cell_text(d, row, 4, cap_status_label(stt, false));
		}
	}
	char line[768], a[32], b[32], c[32], e[32], f[32];
	num((int64_t)nm, a, sizeof a);
	num((int64_t)nr, b, sizeof b);
	num(resolved, c, sizeof c);
	num(open, e, sizeof e);
	num(overdue, f, sizeof f);
	snprintf(line, sizeof line,
		 "Năm %d, trong hệ thống có %s cuộc kiểm tra, giám sát liên quan đến đơn vị và các "
		 "đơn vị trực thuộc. Tổng số kiến nghị: %s; đã xử lý xong %s; chưa xong %s, trong đó "
		 "%s kiến nghị quá hạn.", year, a, b, c, e, f);
	docx_para(x->doc, DOCX_BODY, line);
	if (overdue) {
		docx_para(x->doc, DOCX_ITALIC, "Các kiến nghị quá hạn chưa xử lý:");
		docx_table(x->doc, d);
		*overdue_out = d;
	} else {
		report_doc_free(d);
	}
	store_missions_free(ms, nm);
	store_recommendations_free(rs, nr);
	return GN_OK;
}

/* ---- the draft ------------------------------------------------------------- */

/* The place of the date line: the unit's name without its kind ("Tỉnh Sơn
 * La" -> "Sơn La"). */
static const char *place_of(const char *name)
{
	static const char *const kinds[] = {"Thành phố ", "Tỉnh ", "Huyện ", "Quận ", "Thị xã ",
					    "Xã ", "Phường ", "Thị trấn ", "Đặc khu "};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t k = strlen(kinds[i]);
		if (strncmp(name, kinds[i], k) == 0 && name[k])
			return name + k;
	}
	return name;
}

static void heading(me_draft *x, const char *unit_name, gn_date today)
{
	buf up, date;
	buf_init(&up, 0);
	buf_init(&date, 0);
	if (text_upper(unit_name, strlen(unit_name), &up) != GN_OK)
		buf_puts(&up, unit_name);
	int y, m, dd;
	date_to_ymd(today, &y, &m, &dd);
	buf_printf(&date, "%s, ngày %d tháng %d năm %d", place_of(unit_name), dd, m, y);
	docx_heading(x->doc, "ỦY BAN NHÂN DÂN", buf_cstr(&up), "Số: ......./BC-UBND",
		     buf_cstr(&date));
	buf_free(&up);
	buf_free(&date);
}

static void fill(me_draft *x, const char *what)
{
	docx_para(x->doc, DOCX_FILL, what);
}

/* What the two forms ask beyond the figures: the officer's sections. */
static void closing_01(me_draft *x)
{
	docx_para(x->doc, DOCX_HEADING1, "VI. ĐÁNH GIÁ CHUNG");
	docx_para(x->doc, DOCX_HEADING2, "1. Kết quả đạt được");
	fill(x, "[Cán bộ viết: những kết quả nổi bật so với kế hoạch.]");
	docx_para(x->doc, DOCX_HEADING2, "2. Tồn tại, hạn chế và nguyên nhân");
	fill(x, "[Cán bộ viết: khó khăn, vướng mắc trong tổ chức thực hiện, giải ngân; nguyên nhân "
		"khách quan, chủ quan.]");
	docx_para(x->doc, DOCX_HEADING1, "VII. ĐỀ XUẤT, KIẾN NGHỊ");
	fill(x, "[Cán bộ viết: đề xuất, kiến nghị với cấp trên; nhiệm vụ, giải pháp thời gian tới.]");
}

static void closing_02(me_draft *x)
{
	docx_para(x->doc, DOCX_HEADING1, "VI. ĐÁNH GIÁ CHƯƠNG TRÌNH");
	static const char *const parts[][2] = {
		{"1. Tính phù hợp", "[Cán bộ viết: sự phù hợp của mục tiêu, nội dung, đối tượng với nhu cầu của người nghèo và địa phương.]"},
		{"2. Hiệu lực, hiệu quả", "[Cán bộ viết: mức độ đạt mục tiêu, chỉ tiêu (mục II); sử dụng kinh phí (mục IV).]"},
		{"3. Tác động", "[Cán bộ viết: thay đổi về đời sống, thu nhập, tiếp cận dịch vụ xã hội cơ bản của người nghèo.]"},
		{"4. Tính bền vững", "[Cán bộ viết: khả năng duy trì kết quả; tỷ lệ tái nghèo, phát sinh nghèo (mục I.2).]"},
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		docx_para(x->doc, DOCX_HEADING2, parts[i][0]);
		fill(x, parts[i][1]);
	}
	docx_para(x->doc, DOCX_HEADING1, "VII. BÀI HỌC KINH NGHIỆM VÀ KIẾN NGHỊ");
	fill(x, "[Cán bộ viết: bài học kinh nghiệm; kiến nghị điều chỉnh Chương trình, cơ chế, chính sách.]");
}

gn_err me_draft_build(store *st, const me_draft_opts *o, gn_diag *d, me_draft **out)
{
	*out = NULL;
	const period_info *p = period_find(o->form, o->period);
	if (!p) {
		diag_error(d, "", 0, "period", "\"%s\": not a period of Mẫu %s",
			   o->period ? o->period : "", o->form == ME_FORM_01 ? "01" : "02");
		return GN_EINPUT;
	}
	review_ctx rv = {0};
	const me_catalogue *cat = o->projects;
	budget_figures *bf = NULL;
	st_plan *plans = NULL;
	size_t nplans = 0;
	me_draft *x = NULL;
	report_doc *budget_doc = NULL, *ind_doc = NULL, *overdue_doc = NULL;
	gn_err rc = review_load(st, o, d, &rv);
	if (rc == GN_OK)
		rc = load_plans(st, &rv, o->year, &plans, &nplans);
	if (rc == GN_OK)
		rc = budget_figures_load(st, cat, o->unit_code, o->year, NULL, o->asof, d, &bf);
	if (rc == GN_OK)
		rc = report_budget(bf, &budget_doc);
	if (rc == GN_OK && o->indicators)
		rc = results_table(st, o, rv.fig, rv.year, &ind_doc);
	if (rc)
		goto done;

	x = gn_xcalloc(1, sizeof *x);
	x->doc = docx_new();
	if (!x->doc) {
		rc = GN_ENOMEM;
		goto done;
	}
	char phrase[96], line[512];
	me_draft_period_phrase(o->form, o->period, o->year, phrase, sizeof phrase);

	heading(x, rv.fig->rows[rv.fig->nrows - 1].name, o->today);
	docx_para(x->doc, DOCX_TITLE, p->title);
	snprintf(line, sizeof line,
		 "Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững %s", phrase);
	docx_para(x->doc, DOCX_SUBTITLE, line);
	snprintf(line, sizeof line, "(Mẫu số 0%d Phụ lục II Thông tư số 10/2022/TT-BLĐTBXH)",
		 o->form == ME_FORM_01 ? 1 : 2);
	docx_para(x->doc, DOCX_CENTER, line);

	docx_para(x->doc, DOCX_HEADING1, o->form == ME_FORM_01
					 ? "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH"
					 : "I. THÔNG TIN CHUNG VÀ BỐI CẢNH THỰC HIỆN");
	docx_para(x->doc, DOCX_HEADING2, "1. Công tác lãnh đạo, chỉ đạo, điều hành");
	section_plans(x, plans, nplans, o->year);
	fill(x, "[Cán bộ viết: các văn bản chỉ đạo, hướng dẫn khác; công tác tuyên truyền; phân công "
		"thực hiện.]");
	section_review(x, &rv, "2. Kết quả rà soát hộ nghèo, hộ cận nghèo");

	docx_para(x->doc, DOCX_HEADING1, "II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU");
	if (ind_doc) {
		docx_para(x->doc, DOCX_BODY,
			  "Kết quả thực hiện các chỉ tiêu của khung kết quả (Biểu số 01, 02 Phụ lục III "
			  "Thông tư số 10/2022/TT-BLĐTBXH); số liệu tính từ cơ sở dữ liệu hộ nghèo, hộ "
			  "cận nghèo hoặc do các đơn vị nhập, như ghi ở cột nguồn số liệu:");
		docx_table(x->doc, ind_doc);
	}
	fill(x, "[Cán bộ viết: nhận xét mức độ đạt các chỉ tiêu; chỉ tiêu chưa đạt và nguyên nhân.]");
	docx_para(x->doc, DOCX_HEADING1, "III. KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN");
	section_projects(x, cat, bf, plans, nplans);

	docx_para(x->doc, DOCX_HEADING1, "IV. TÌNH HÌNH PHÂN BỔ, GIẢI NGÂN KINH PHÍ");
	funds_sentence(x, "Tổng cộng", &bf->total.total);
	docx_table(x->doc, budget_doc);
	fill(x, "[Cán bộ viết: nguyên nhân giải ngân chậm (nếu có), vốn lồng ghép, huy động.]");

	docx_para(x->doc, DOCX_HEADING1, "V. NÂNG CAO NĂNG LỰC; KIỂM TRA, GIÁM SÁT");
	docx_para(x->doc, DOCX_HEADING2, "1. Đào tạo, tập huấn, nâng cao năng lực");
	size_t nc;
	const char **codes = subtree_codes(&rv, &nc);
	rc = section_training(x, st, codes, nc, o->year);
	docx_para(x->doc, DOCX_HEADING2, "2. Kiểm tra, giám sát");
	if (rc == GN_OK)
		rc = section_inspections(x, st, codes, nc, o->year, o->today, &overdue_doc);
	free(codes);
	if (rc)
		goto done;
	fill(x, "[Cán bộ viết: kết quả kiểm tra, giám sát; việc thực hiện kiến nghị.]");

	if (o->form == ME_FORM_01)
		closing_01(x);
	else
		closing_02(x);
	docx_signatures(x->doc, "Nơi nhận:\n- Như trên;\n- ......;\n- Lưu: VT.",
			"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\n(Ký, ghi rõ họ tên, đóng dấu)");

	add_table(x, rv.results, "Ra soat ho ngheo");
	rv.results = NULL;
	add_table(x, budget_doc, "Kinh phi");
	budget_doc = NULL;
	if (ind_doc) {
		add_table(x, ind_doc, "Chi tieu");
		ind_doc = NULL;
	}
	if (overdue_doc) {
		add_table(x, overdue_doc, "Kien nghi qua han");
		overdue_doc = NULL;
	}
	*out = x;
	x = NULL;
done:
	me_draft_free(x);
	report_doc_free(budget_doc);
	report_doc_free(ind_doc);
	report_doc_free(overdue_doc);
	report_doc_free(rv.results);
	report_figures_free(rv.fig);
	budget_figures_free(bf);
	store_plans_free(plans, nplans);
	return rc;
}
