/*
 * api_me_drafts.c - GET /api/v1/me/drafts/{form}: the pre-filled draft of
 * the monitoring report (mau-01) or the evaluation report (mau-02) of a
 * unit in the caller's area, as a Word document (format=docx, the
 * default) or its tables as a workbook (format=xlsx). See
 * draft/me_draft.h; the numbers are aggregates (no household's data), so
 * every role may download the drafts of its area.
 *
 * Layer: api.
 */
#include <string.h>

#include "../draft/me_draft.h"
#include "../report/xlsx.h"
#include "api_int.h"

/* The draft's tables as a workbook, a sheet each. */
static gn_err write_book(const void *ctx, const char *path)
{
	const me_draft *x = ctx;
	return report_render_xlsx_book((const report_doc *const *)x->tables, x->sheet_names,
				       x->ntables, path);
}

static void layout_release(void *p)
{
	report_layout_free(p);
}

static void draft_release(void *p)
{
	me_draft_free(p);
}

int api_me_draft_get(api_ctx *c)
{
	const char *fs = api_param(c, "form");
	me_form form;
	if (strcmp(fs, "mau-01") == 0)
		form = ME_FORM_01;
	else if (strcmp(fs, "mau-02") == 0)
		form = ME_FORM_02;
	else
		return api_not_found(c);

	api_fields f = {0};
	const char *fmt = api_query(c, "format");
	bool xlsx = fmt && strcmp(fmt, "xlsx") == 0;
	if (fmt && *fmt && !xlsx && strcmp(fmt, "docx") != 0)
		api_field(c, &f, "format", "Định dạng không hợp lệ (docx, xlsx)",
			  "Unknown format (docx, xlsx)");
	const char *period = api_query(c, "period");
	if (!period || !*period)
		period = "year";
	if (!me_draft_period_valid(form, period))
		api_field(c, &f, "period",
			  form == ME_FORM_01 ? "Kỳ báo cáo phải là s1, year hoặc adhoc"
					     : "Kỳ báo cáo phải là baseline, midterm, final, year hoặc adhoc",
			  form == ME_FORM_01 ? "period must be s1, year or adhoc"
					     : "period must be baseline, midterm, final, year or adhoc");
	int y, mo, dd;
	date_to_ymd(world_today(c->w), &y, &mo, &dd);
	int64_t year = y;
	int status = 0;
	if (!api_query_int(c, "year", 2000, 2063, y, &year, &status))
		return status;
	gn_date asof = date_year_end((int)year);
	if (!api_query_date(c, "asof", asof, &asof, &status))
		return status;
	const char *unit = api_query(c, "unit");
	if (!unit || !*unit)
		unit = c->user && strcmp(c->user->unit_code, "*") != 0 ? c->user->unit_code : NULL;
	if (!unit)
		api_field(c, &f, "unit", "Chọn một đơn vị", "Choose a unit");
	if (f.n)
		return api_fields_reply(c, &f);
	if (!api_in_scope(c, unit))
		return api_not_found(c);
	const me_catalogue *projects = api_projects(c->app);
	const ind_catalogue *inds = api_indicators(c->app);
	const char *dir = api_reports_dir(c->app);
	if (!projects || !dir)
		return api_error(c, 503, "no catalogue",
				 "Chưa nạp danh mục dự án hoặc mẫu báo cáo",
				 "The project catalogue or the report layouts are not loaded");

	buf path;
	buf_init(&path, 0);
	buf_printf(&path, "%s/results.rpt", dir);
	gn_diag *d = diag_new(20);
	report_layout *results = NULL;
	gn_err rc = report_layout_load(buf_cstr(&path), d, &results);
	buf_free(&path);
	if (rc) {
		diag_free(d);
		return api_internal(c, "report layout", rc);
	}
	arena_defer(c->ar, layout_release, results);

	me_draft_opts o = {
		.form = form, .period = period, .unit_code = unit, .year = (int)year,
		.asof = asof, .today = world_today(c->w), .stds = c->stds, .results = results,
		.indicators = inds, .projects = projects,
	};
	me_draft *x = NULL;
	rc = me_draft_build(c->st, &o, d, &x);
	diag_free(d);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc == GN_EINPUT)
		return api_error(c, 422, "invalid", "Không lập được bản thảo cho năm này",
				 "No draft can be drawn for this year");
	if (rc)
		return api_internal(c, "draft", rc);
	arena_defer(c->ar, draft_release, x);

	buf *out = http_out(c->rq);
	buf_reset(out);
	rc = xlsx ? api_via_file(write_book, x, out) : docx_bytes(x->doc, out);
	if (rc)
		return api_internal(c, "draft rendering", rc);
	http_set_type(c->rq, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				  : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	buf disp;
	buf_init(&disp, 0);
	buf_printf(&disp, "attachment; filename=\"%s-", fs);
	for (const char *p = unit; *p; p++)
		if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			buf_putc(&disp, *p);
	buf_printf(&disp, "-%lld-%s.%s\"", (long long)year, period, xlsx ? "xlsx" : "docx");
	http_add_header(c->rq, "Content-Disposition", buf_cstr(&disp));
	buf_free(&disp);
	return 200;
}
