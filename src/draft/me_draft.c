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

#include "../core/mem.h"
#include "../io/text.h"
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
	char hh[32], poor[32], prate[32], near[32], nrate[32], esc[32], newp[32], rep[32];
	num(f->households, hh, sizeof hh);
	num(f->cls[CLASS_POOR], poor, sizeof poor);
	pct(f->cls[CLASS_POOR], f->households, prate, sizeof prate);
	num(f->cls[CLASS_NEAR_POOR], near, sizeof near);
	pct(f->cls[CLASS_NEAR_POOR], f->households, nrate, sizeof nrate);
	num(f->tr[TR_ESCAPED_POOR], esc, sizeof esc);
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
		 "Trong năm có %s hộ thoát nghèo, %s hộ nghèo phát sinh mới, %s hộ tái nghèo; "
		 "số hộ nghèo đầu năm %s hộ, cuối năm %s hộ (%s %s hộ).",
		 esc, newp, rep, st_s, poor, start >= end ? "giảm" : "tăng", diff);
	docx_para(x->doc, DOCX_BODY, line);
	docx_para(x->doc, DOCX_ITALIC, "Kết quả rà soát theo đơn vị:");
	docx_table(x->doc, r->results);
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
	gn_err rc = review_load(st, o, d, &rv);
	if (rc) {
		report_figures_free(rv.fig);
		report_doc_free(rv.results);
		return rc;
	}
	me_draft *x = gn_xcalloc(1, sizeof *x);
	x->doc = docx_new();
	if (!x->doc) {
		report_figures_free(rv.fig);
		report_doc_free(rv.results);
		free(x);
		return GN_ENOMEM;
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

	docx_para(x->doc, DOCX_HEADING1, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH");
	docx_para(x->doc, DOCX_HEADING2, "1. Công tác lãnh đạo, chỉ đạo, điều hành");
	fill(x, "[Cán bộ viết: các văn bản chỉ đạo, hướng dẫn đã ban hành; công tác tuyên truyền; "
		"phân công thực hiện.]");
	section_review(x, &rv, "2. Kết quả rà soát hộ nghèo, hộ cận nghèo");
	add_table(x, rv.results, "Rà soát");
	rv.results = NULL;

	*out = x;
	report_figures_free(rv.fig);
	return GN_OK;
}
