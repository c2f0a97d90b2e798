/*
 * api_reports.c - the review's official reports over HTTP (docs/api.md,
 * "Reports"; issue 4): the list of reports, and one report of a unit,
 * year and map date as an XLSX, PDF or CSV file.
 *
 * Layer: api. The same path as `gnbv report` (cli/cmd_report.c): the
 * layouts of the api's reports directory (report/engine.h), the figures
 * from the store (report/figures.h), the lists of households
 * (report/households.h), the renderer by format name (report/render.h).
 * The tables are aggregates, so every logged-in role may download them;
 * the lists (posting list, decision annex, certificates) hold personal
 * data: only the roles that read personal data see and download them
 * (403 for the others, like the routes flagged R_PERSONAL), for a commune
 * or a village. The unit must be in the caller's scope (404 otherwise, as
 * everywhere). The layouts are read on each request (a few
 * small files), so that a new layout needs no restart; a download reads
 * its own layout only (DIR/NAME.rpt). A renderer writes
 * a file: the document is rendered into a temporary file whose bytes
 * become the answer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/mem.h"
#include "../report/engine.h"
#include "../report/figures.h"
#include "../report/households.h"
#include "../report/render.h"
#include "api_int.h"

/* English titles of the layouts (which carry the Vietnamese one); a
 * layout not listed shows its Vietnamese title in English too. */
static const struct {
	const char *name, *title_en;
} english[] = {
	{"results", "RESULTS OF THE REVIEW OF POOR AND NEAR-POOR HOUSEHOLDS"},
	{"poor-movements", "MOVEMENTS OF POOR HOUSEHOLDS"},
	{"near-poor-movements", "MOVEMENTS OF NEAR-POOR HOUSEHOLDS"},
	{"poor-deprivations", "DEPRIVATIONS OF BASIC SOCIAL SERVICES OF POOR HOUSEHOLDS"},
	{"near-poor-deprivations",
	 "DEPRIVATIONS OF BASIC SOCIAL SERVICES OF NEAR-POOR HOUSEHOLDS"},
	{"groups", "POOR AND NEAR-POOR HOUSEHOLDS BY GROUP"},
	{"ethnicity", "POOR AND NEAR-POOR HOUSEHOLDS BY ETHNICITY"},
	{"causes", "POOR AND NEAR-POOR HOUSEHOLDS BY CAUSE OF POVERTY"},
	{"children", "DEPRIVATIONS OF BASIC SOCIAL SERVICES RELATED TO CHILDREN IN POOR AND "
		     "NEAR-POOR HOUSEHOLDS"},
	{"af", "MULTIDIMENSIONAL POVERTY (ALKIRE-FOSTER)"},
	/* the lists of households carry theirs (report/households.h) */
};

static const char *title_en(const report_layout *l)
{
	for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
		if (strcmp(english[i].name, report_layout_name(l)) == 0)
			return english[i].title_en;
	return report_layout_title(l);
}

typedef struct layouts {
	report_layout **ls;
	size_t n;
} layouts;

static void layouts_release(void *p)
{
	layouts *x = p;
	for (size_t i = 0; i < x->n; i++)
		report_layout_free(x->ls[i]);
	free(x->ls);
}

/* The layouts, released with the arena; NULL (answer written into
 * *status) when they cannot be read. No reports directory: none. */
static layouts *load_layouts(api_ctx *c, int *status)
{
	layouts *x = arena_alloc(c->ar, sizeof *x);
	x->ls = NULL;
	x->n = 0;
	const char *dir = api_reports_dir(c->app);
	if (!dir)
		return x;
	gn_diag *d = diag_new(20);
	gn_err rc = report_layouts_load(dir, d, &x->ls, &x->n);
	if (rc) {
		diag_free(d);
		*status = api_internal(c, "report layouts", rc);
		return NULL;
	}
	diag_free(d);
	arena_defer(c->ar, layouts_release, x);
	return x;
}

static void layout_release(void *p)
{
	report_layout_free(p);
}

/* The layout called name (DIR/NAME.rpt), released with the arena; NULL
 * with *status 0 when there is none, else with the answer written. */
static const report_layout *load_one(api_ctx *c, const char *name, int *status)
{
	*status = 0;
	const char *dir = api_reports_dir(c->app);
	size_t n = name ? strlen(name) : 0;
	if (!dir || n == 0 || n > 64)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		      ch == '_'))
			return NULL;
	}
	buf path;
	buf_init(&path, 0);
	buf_printf(&path, "%s/%s.rpt", dir, name);
	report_layout *l = NULL;
	if (access(buf_cstr(&path), R_OK) == 0) {
		gn_diag *d = diag_new(20);
		gn_err rc = report_layout_load(buf_cstr(&path), d, &l);
		diag_free(d);
		if (rc)
			*status = api_internal(c, "report layout", rc);
	}
	buf_free(&path);
	if (!l)
		return NULL;
	arena_defer(c->ar, layout_release, l);
	return strcmp(report_layout_name(l), name) == 0 ? l : NULL;
}

int api_reports_list(api_ctx *c)
{
	int status = 0;
	layouts *x = load_layouts(c, &status);
	if (!x)
		return status;
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "reports");
	jw_array(w);
	for (size_t i = 0; i < x->n; i++) {
		jw_object(w);
		jw_kstr(w, "name", report_layout_name(x->ls[i]));
		jw_kint(w, "number", report_layout_number(x->ls[i]));
		jw_kstr(w, "title_vi", report_layout_title(x->ls[i]));
		jw_kstr(w, "title_en", title_en(x->ls[i]));
		jw_kstr(w, "kind", "table");
		jw_object_end(w);
	}
	/* the lists of households: personal data, for a commune or a village */
	size_t nlists;
	const report_list *lists = report_lists(&nlists);
	for (size_t i = 0; c->role->read_personal && i < nlists; i++) {
		jw_object(w);
		jw_kstr(w, "name", lists[i].name);
		jw_kstr(w, "title_vi", lists[i].title_vi);
		jw_kstr(w, "title_en", lists[i].title_en);
		jw_kstr(w, "kind", "list");
		jw_kbool(w, "personal", true);
		jw_kbool(w, "approved_only", lists[i].approved_only);
		jw_key(w, "levels");
		jw_array(w);
		jw_str(w, "commune");
		jw_str(w, "village");
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "formats");
	jw_array(w);
	size_t nf;
	const report_format *fs = report_formats(&nf);
	for (size_t i = 0; i < nf; i++)
		jw_str(w, fs[i].name);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* The single top unit of the map of d (the country), or NULL. */
static const char *top_unit(api_ctx *c, gn_date d)
{
	const unit_map *m = world_map(c->w, d, c->ar);
	if (!m)
		return NULL;
	const char *top = NULL;
	size_t nroots = 0, nc = units_ncodes(c->units);
	for (size_t i = 0; i < nc; i++)
		if (unit_map_version(m, (int32_t)i) && unit_map_parent(m, (int32_t)i) < 0) {
			top = units_code(c->units, (int32_t)i);
			nroots++;
		}
	return nroots == 1 ? top : NULL;
}

/* Copies s into the file name, keeping [A-Za-z0-9._-] only. */
static void name_part(buf *b, const char *s)
{
	for (; *s; s++) {
		char ch = *s;
		bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
		buf_putc(b, ok ? ch : '_');
	}
}

typedef struct report_args {
	const report_format *fmt;
	int year;
	gn_date asof;
	const char *unit;
} report_args;

/* The query arguments; 0, or the status of the answer written (422). */
static int parse_args(api_ctx *c, report_args *a)
{
	api_fields f = {0};
	const char *fs = api_query(c, "format");
	a->fmt = report_format_find(fs && *fs ? fs : "xlsx");
	if (!a->fmt)
		api_field(c, &f, "format", "Định dạng không hợp lệ (xlsx, pdf, csv)",
			  "Unknown format (xlsx, pdf, csv)");
	int y, mo, dd;
	date_to_ymd(world_today(c->w), &y, &mo, &dd);
	a->year = y;
	const char *ys = api_query(c, "year");
	if (ys && *ys) {
		char *end;
		errno = 0;
		long v = strtol(ys, &end, 10);
		if (errno || *end || end == ys || v < 1900 || v > 2199)
			api_field(c, &f, "year", "Năm không hợp lệ", "Invalid year");
		else
			a->year = (int)v;
	}
	a->asof = date_year_end(a->year);
	const char *ds = api_query(c, "asof");
	if (ds && *ds && !date_parse(ds, strlen(ds), &a->asof))
		api_field(c, &f, "asof", "Ngày không hợp lệ", "Invalid date");
	if (f.n)
		return api_fields_reply(c, &f);
	a->unit = api_query(c, "unit");
	if (!a->unit || !*a->unit) {
		a->unit = NULL;
		if (c->user && strcmp(c->user->unit_code, "*") != 0)
			a->unit = c->user->unit_code;
		else
			a->unit = top_unit(c, a->asof);
		if (!a->unit) {
			api_field(c, &f, "unit", "Chọn một đơn vị", "Choose a unit");
			return api_fields_reply(c, &f);
		}
	}
	return 0;
}

/* Builds list hl of the unit into *doc; 0, or the status of the answer
 * written. */
static int build_list(api_ctx *c, const report_list *hl, const report_args *a,
		      report_doc **doc)
{
	report_list_args la = {c->st, c->stds, api_reports_dir(c->app), a->unit, a->year,
			       a->asof, strcmp(a->fmt->name, "csv") == 0};
	gn_diag *d = diag_new(20);
	gn_err rc = report_list_build(hl, &la, d, doc, NULL);
	/* GN_EINPUT: the unit is not a commune or village (a message of
	 * "report"), or the certificates' wording file is bad (a message of
	 * that file: the server's fault) */
	bool level = rc == GN_EINPUT && diag_count(d) > 0 &&
		     strcmp(diag_at(d, 0)->file, "report") == 0;
	diag_free(d);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (level) {
		api_fields f = {0};
		api_field(c, &f, "unit", "Danh sách hộ chỉ lập cho một xã hoặc một thôn",
			  "The lists of households are drawn for a commune or a village");
		return api_fields_reply(c, &f);
	}
	if (rc)
		return api_internal(c, "report list", rc);
	return 0;
}

int api_report_get(api_ctx *c)
{
	const char *name = api_param(c, "name");
	const report_list *hl = report_list_find(name);
	/* the lists hold names: the personal-data roles only (as R_PERSONAL) */
	if (hl && !c->role->read_personal)
		return api_error(c, 403, "aggregates only", "Chỉ được xem số liệu tổng hợp",
				 "Aggregates only");
	report_args a;
	int status = parse_args(c, &a);
	if (status)
		return status;
	if (!api_in_scope(c, a.unit))
		return api_not_found(c);
	const report_layout *l = NULL;
	if (!hl) {
		l = load_one(c, name, &status);
		if (!l)
			return status ? status : api_not_found(c);
	}

	gn_diag *d = diag_new(20);
	report_figures *fig = NULL;
	report_doc *doc = NULL;
	gn_err rc;
	if (hl) {
		if ((status = build_list(c, hl, &a, &doc)))
			goto done;
	} else {
		rc = report_figures_load(c->st, c->stds, a.unit, a.year, a.asof, d, &fig);
		if (rc == GN_ENOTFOUND) {
			status = api_not_found(c);
			goto done;
		}
		if (rc) {
			status = api_internal(c, "report figures", rc);
			goto done;
		}
		rc = report_build(l, fig, d, &doc);
		if (rc) {
			/* e.g. no standard for the year */
			status = api_error(c, 422, "invalid", "Không lập được báo cáo cho năm này",
					   "This report cannot be drawn for this year");
			goto done;
		}
	}
	buf *out = http_out(c->rq);
	buf_reset(out);
	rc = api_render_doc(a.fmt, doc, out);
	if (rc) {
		status = api_internal(c, "report rendering", rc);
		goto done;
	}
	http_set_type(c->rq, a.fmt->mime);
	buf disp;
	buf_init(&disp, 0);
	buf_puts(&disp, "attachment; filename=\"");
	name_part(&disp, hl ? hl->name : report_layout_name(l));
	buf_putc(&disp, '-');
	name_part(&disp, a.unit);
	buf_printf(&disp, "-%d", a.year);
	name_part(&disp, a.fmt->extension);
	buf_putc(&disp, '"');
	http_add_header(c->rq, "Content-Disposition", buf_cstr(&disp));
	buf_free(&disp);
	status = 200;
done:
	report_doc_free(doc);
	report_figures_free(fig);
	diag_free(d);
	return status;
}
