/*
 * api_import.c - imports and exports of the interchange files (docs/api.md,
 * "Import and export"): preview an uploaded file (a dry run of the import
 * engine, every error listed), commit it, and export CSV by scope.
 *
 * Layer: api. The engine is app/import.h and app/export.h; this file adds
 * who may do what (roles.h: import_data for population and households,
 * import_map for units and lineage) and the caller's area: the engine is
 * given the caller's scope, so a row on a unit outside it, or touching a
 * household or review recorded outside it, is an error naming its line
 * and column, and nothing outside the scope can be written by an import.
 * A national user ("*") has no limit.
 *
 * A preview stores the upload only when the file is clean (nothing else
 * could be committed); a commit re-runs the import for real from the
 * stored bytes (the data may have changed meanwhile: a review locked),
 * all or nothing, then deletes the upload. Two commits of one upload at
 * once both write the same rows (imports replace): harmless.
 *
 * After a commit the live aggregates are rebuilt from the store
 * (api_dashboard_start): simple and right, and quick enough for a
 * province. At national scale the engine would rather hand each review
 * it writes to api_on_review_change (a per-row hook), so that nothing is
 * reloaded. A units or lineage commit reloads the world
 * (api_reload_units), which rebuilds the aggregates too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/export.h"
#include "../app/import.h"
#include "../io/csv.h"
#include "../io/text.h"
#include "../io/xlsx_read.h"
#include "api_int.h"

#define PREVIEW_ROWS 20
#define DIAG_MAX 1000 /* messages listed; past it, "truncated": true */

/* ---- permissions ---------------------------------------------------------------- */

/* Whether the caller may import files of kind k; else writes the 403. */
static bool may_import(api_ctx *c, file_kind k, int *status)
{
	bool ok;
	if (k == FILE_UNITS || k == FILE_LINEAGE)
		ok = c->role->import_map;
	else if (k == FILE_HOUSEHOLDS)
		ok = c->role->import_data && c->role->read_personal;
	else
		ok = c->role->import_data;
	if (!ok)
		*status = api_error(c, 403, "forbidden", "Vai trò không được nhập loại tệp này",
				    "This role may not import this kind of file");
	return ok;
}

/* ---- the preview ------------------------------------------------------------------ */

typedef struct preview_review {
	char id[ST_CODE];
	int year;
	char unit[ST_CODE];
	const char *head_name;
	int members;
	int64_t income, score_a;
	char cls[12];
} preview_review;

typedef struct preview {
	/* households: the first valid rows, typed and classified */
	preview_review hh[PREVIEW_ROWS];
	size_t nhh;
	/* other kinds: the header and the first records, as text */
	const char **cols;
	size_t ncols;
	const char **cells[PREVIEW_ROWS];
	size_t ncells[PREVIEW_ROWS];
	size_t nrec;
	size_t records; /* data records of the file */
} preview;

/* What the engine's callbacks see. */
typedef struct import_ctx {
	api_ctx *c;
	preview *p; /* NULL on commit */
} import_ctx;

static bool in_caller_area(void *ctx, const char *code)
{
	const import_ctx *x = ctx;
	return api_in_scope(x->c, code);
}

static void on_review(void *ctx, long line, const st_review *r)
{
	(void)line;
	import_ctx *x = ctx;
	preview *p = x->p;
	if (!p || p->nhh == PREVIEW_ROWS)
		return;
	preview_review *v = &p->hh[p->nhh++];
	memcpy(v->id, r->household_id, sizeof v->id);
	v->year = r->year;
	memcpy(v->unit, r->unit_code, sizeof v->unit);
	v->head_name = arena_strdup(x->c->ar, r->head_name ? r->head_name : "");
	v->members = r->members;
	v->income = r->income;
	v->score_a = r->score_a;
	memcpy(v->cls, r->cls, sizeof v->cls);
}

/* The engine's options for the caller: the area is the caller's scope,
 * none for the national scope. */
static import_opts caller_opts(import_ctx *x, bool dry_run)
{
	api_ctx *c = x->c;
	import_opts o = {
		.standards = c->stds,
		.user = c->user->id,
		.dry_run = dry_run,
		.on_review = on_review,
		.ctx = x,
	};
	if (!c->scope || !scope_is_all(c->scope)) {
		o.in_area = in_caller_area;
		o.outside_msg = c->en ? "outside your area" : "ngoài phạm vi quản lý";
	}
	return o;
}

static const char *field_dup(api_ctx *c, const csv_field *f)
{
	return arena_strndup(c->ar, f->p, f->len);
}

/* Counts the data records of the CSV text and keeps the header and the
 * first records (structural errors are the engine's to report: the count
 * stops there). */
static void scan_csv(api_ctx *c, const char *csv, size_t len, bool keep, preview *p)
{
	csv_reader *r = NULL;
	if (csv_open_mem("preview", csv, len, &r) != GN_OK)
		return;
	gn_diag *quiet = diag_new(1);
	const csv_field *f;
	size_t n;
	bool header = true;
	while (csv_next(r, quiet, &f, &n) == GN_OK) {
		if (header) {
			header = false;
			if (keep) {
				p->cols = arena_alloc(c->ar, (n ? n : 1) * sizeof *p->cols);
				for (size_t i = 0; i < n; i++)
					p->cols[i] = field_dup(c, &f[i]);
				p->ncols = n;
			}
			continue;
		}
		p->records++;
		if (keep && p->nrec < PREVIEW_ROWS) {
			const char **row = arena_alloc(c->ar, (n ? n : 1) * sizeof *row);
			for (size_t i = 0; i < n; i++)
				row[i] = field_dup(c, &f[i]);
			p->cells[p->nrec] = row;
			p->ncells[p->nrec++] = n;
		}
	}
	diag_free(quiet);
	csv_close(r);
}

/* A decimal v / 10^scale without the trailing zeros of its fraction. */
static void write_trimmed(jw *w, int64_t v, int scale)
{
	while (scale > 0 && v % 10 == 0) {
		v /= 10;
		scale--;
	}
	jw_decimal(w, v, scale);
}

static void write_preview(jw *w, file_kind kind, const preview *p)
{
	jw_key(w, "preview");
	jw_array(w);
	if (kind == FILE_HOUSEHOLDS) {
		for (size_t i = 0; i < p->nhh; i++) {
			const preview_review *v = &p->hh[i];
			jw_object(w);
			jw_kstr(w, "household_id", v->id);
			jw_kint(w, "year", v->year);
			jw_kstr(w, "unit_code", v->unit);
			jw_kstr(w, "head_name", v->head_name);
			jw_kint(w, "members", v->members);
			jw_key(w, "income");
			if (v->income >= 0)
				jw_int(w, v->income);
			else
				jw_null(w);
			jw_key(w, "score_a");
			if (v->score_a >= 0)
				write_trimmed(w, v->score_a, 4);
			else
				jw_null(w);
			jw_kstr(w, "class", v->cls);
			jw_object_end(w);
		}
	} else {
		/* the file's own columns (names as written), values as text */
		for (size_t i = 0; i < p->nrec; i++) {
			jw_object(w);
			for (size_t k = 0; k < p->ncols; k++) {
				bool repeated = false;
				for (size_t j = 0; j < k && !repeated; j++)
					repeated = strcmp(p->cols[j], p->cols[k]) == 0;
				if (repeated || !*p->cols[k])
					continue;
				jw_kstr(w, p->cols[k], k < p->ncells[i] ? p->cells[i][k] : "");
			}
			jw_object_end(w);
		}
	}
	jw_array_end(w);
}

/* ---- answers ------------------------------------------------------------------------ */

static void write_diag(jw *w, const gn_diag *d, diag_kind kind)
{
	jw_array(w);
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind != kind)
			continue;
		jw_object(w);
		jw_key(w, "line");
		if (it->line > 0)
			jw_int(w, it->line);
		else
			jw_null(w);
		jw_kstr(w, "column", it->column);
		jw_kstr(w, "message", it->text);
		jw_object_end(w);
	}
	jw_array_end(w);
}

/* "errors" (every one, up to DIAG_MAX messages), "error_count",
 * "truncated" and "warnings", as members of the object being written. */
static void write_problems(jw *w, const gn_diag *d)
{
	jw_key(w, "errors");
	write_diag(w, d, DIAG_ERROR);
	jw_kint(w, "error_count", (int64_t)diag_errors(d));
	jw_kbool(w, "truncated", diag_truncated(d));
	jw_key(w, "warnings");
	write_diag(w, d, DIAG_WARNING);
}

static void diag_release(void *p)
{
	diag_free(p);
}

static void buf_release(void *p)
{
	buf_free(p);
}

/* ---- POST /api/v1/imports ----------------------------------------------------------- */

/* The file name of the query, checked: its last path component, UTF-8
 * without control characters, shorter than ST_NAME; dflt when absent.
 * NULL (a 422 written) when bad. */
static const char *upload_name(api_ctx *c, const char *dflt, int *status)
{
	const char *s = api_query(c, "filename");
	if (!s || !*s)
		return dflt;
	for (const char *p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			s = p + 1;
	size_t n = strlen(s);
	bool ok = n > 0 && n < ST_NAME && text_valid_utf8(s, n, NULL);
	for (size_t i = 0; ok && i < n; i++)
		ok = (unsigned char)s[i] >= 0x20 && s[i] != 0x7f;
	if (!ok) {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		api_field(c, f, "filename", "Tên tệp không hợp lệ", "invalid file name");
		*status = api_fields_reply(c, f);
		return NULL;
	}
	return s;
}

/* The kind named s; false (a 422 naming the field kind written) when bad. */
static bool parse_kind(api_ctx *c, const char *s, file_kind *k, int *status)
{
	if (s && file_kind_parse(s, k))
		return true;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_field(c, f, "kind", "Loại tệp phải là units, lineage, population hoặc households",
		  "kind must be units, lineage, population or households");
	*status = api_fields_reply(c, f);
	return false;
}

int api_import_preview(api_ctx *c)
{
	int status;
	file_kind kind;
	if (!parse_kind(c, api_query(c, "kind"), &kind, &status) ||
	    !may_import(c, kind, &status))
		return status;
	char dflt[32];
	snprintf(dflt, sizeof dflt, "%s.csv", file_kind_name(kind));
	const char *name = upload_name(c, dflt, &status);
	if (!name)
		return status;
	size_t len;
	const char *body = http_body(c->rq, &len);
	if (len == 0)
		return api_bad_request(c, "Tệp rỗng", "The file is empty");

	gn_diag *d = diag_new(DIAG_MAX);
	arena_defer(c->ar, diag_release, d);
	preview *p = arena_calloc(c->ar, 1, sizeof *p);
	import_ctx x = {c, p};
	import_opts o = caller_opts(&x, true);

	/* A workbook is read once, as CSV, for the scan and the dry run
	 * (line numbers are its row numbers either way). */
	const char *csv = body;
	size_t csv_len = len;
	gn_err rc = GN_OK;
	size_t rows = 0;
	if (xlsx_is(body, len)) {
		buf *sheet = arena_calloc(c->ar, 1, sizeof *sheet);
		buf_init(sheet, 0);
		arena_defer(c->ar, buf_release, sheet);
		rc = import_to_csv(name, body, len, d, sheet);
		csv = buf_cstr(sheet);
		csv_len = sheet->len;
	}
	if (rc == GN_OK) {
		scan_csv(c, csv, csv_len, kind != FILE_HOUSEHOLDS, p);
		rc = import_mem(c->st, kind, name, csv, csv_len, &o, d, &rows);
	}
	if (rc != GN_OK && rc != GN_EINPUT)
		return api_internal(c, "import preview", rc);
	if (rc == GN_EINPUT && diag_errors(d) == 0)
		diag_error(d, name, 0, "", "%s", c->en ? "the file cannot be read"
						       : "không đọc được tệp");

	int64_t id = 0;
	if (rc == GN_OK) {
		rc = store_upload_put(c->st, c->user->id, file_kind_name(kind), name, body, len,
				      &id);
		if (rc)
			return api_internal(c, "store upload", rc);
	}
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "id");
	if (id)
		jw_int(w, id);
	else
		jw_null(w);
	jw_kstr(w, "kind", file_kind_name(kind));
	jw_kstr(w, "filename", name);
	jw_kint(w, "rows", (int64_t)(diag_errors(d) ? p->records : rows));
	write_problems(w, d);
	write_preview(w, kind, p);
	jw_object_end(w);
	return 200;
}

/* ---- POST /api/v1/imports/{id}/commit ----------------------------------------------- */

static void free_release(void *p)
{
	free(p);
}

int api_import_commit(api_ctx *c)
{
	const char *ids = api_param(c, "id");
	char *end = NULL;
	long long id = ids && *ids >= '1' && *ids <= '9' ? strtoll(ids, &end, 10) : 0;
	if (id <= 0 || !end || *end)
		return api_not_found(c);
	int64_t owner = 0;
	char kname[24], name[ST_NAME];
	void *data = NULL;
	size_t len = 0;
	gn_err rc = store_upload_get(c->st, id, &owner, kname, name, &data, &len);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "upload", rc);
	arena_defer(c->ar, free_release, data);
	/* only the uploader's own uploads exist for them */
	if (owner != c->user->id)
		return api_not_found(c);
	int status;
	file_kind kind;
	if (!file_kind_parse(kname, &kind))
		return api_internal(c, "upload kind", GN_EINTERNAL);
	if (!may_import(c, kind, &status))
		return status;

	gn_diag *d = diag_new(DIAG_MAX);
	arena_defer(c->ar, diag_release, d);
	import_ctx x = {c, NULL};
	import_opts o = caller_opts(&x, false);
	size_t written = 0;
	rc = import_mem(c->st, kind, name, data, len, &o, d, &written);
	if (rc != GN_OK && rc != GN_EINPUT)
		return api_internal(c, "import", rc); /* the upload stays: retry */
	gn_err del = store_upload_delete(c->st, id);
	if (del && del != GN_ENOTFOUND)
		fprintf(stderr, "gnbv serve: deleting upload %lld: %s\n", id, gn_strerror(del));
	if (rc == GN_EINPUT) {
		if (diag_errors(d) == 0)
			diag_error(d, name, 0, "", "%s", c->en ? "the file cannot be read"
							       : "không đọc được tệp");
		buf_reset(http_out(c->rq));
		jw_init(c->json, http_out(c->rq));
		jw *w = c->json;
		jw_object(w);
		jw_kstr(w, "error", "invalid");
		jw_kstr(w, "message", c->en ? "The file has errors; nothing was written"
					    : "Tệp có lỗi; không có gì được ghi");
		write_problems(w, d);
		jw_object_end(w);
		return 422;
	}

	/* The figures follow the data. */
	gn_err after = kind == FILE_UNITS || kind == FILE_LINEAGE
			       ? api_reload_units(c->app)
			       : api_dashboard_start(c->st, c->stds);
	if (after)
		fprintf(stderr, "gnbv serve: after the import of upload %lld: %s (rebuilt on the next dashboard request)\n",
			id, gn_strerror(after));
	jw *w = c->json;
	jw_object(w);
	jw_kstr(w, "kind", file_kind_name(kind));
	jw_kint(w, "written", (int64_t)written);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/exports/{kind} ------------------------------------------------------- */

int api_export(api_ctx *c)
{
	file_kind kind;
	const char *ks = api_param(c, "kind");
	if (!ks || !file_kind_parse(ks, &kind))
		return api_not_found(c);
	if (kind == FILE_HOUSEHOLDS && !c->role->read_personal)
		return api_error(c, 403, "aggregates only", "Chỉ được xem số liệu tổng hợp",
				 "Aggregates only");
	int status;
	int64_t year;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status))
		return status;
	if (!c->scope)
		return api_not_found(c);
	const scope *sc = c->scope;
	const char *unit = api_query(c, "unit");
	if (unit && *unit) {
		int32_t u = api_unit_in_scope(c, unit);
		if (u < 0)
			return api_not_found(c);
		sc = world_scope(c->w, u);
	}
	export_opts o = {
		.year = (int)year,
		.standards = c->stds,
		.hide_id_numbers = !c->role->read_id_numbers,
	};
	if (!scope_is_all(sc)) {
		size_t n = scope_count(sc);
		const int32_t *codes = scope_codes(sc);
		const char **names = arena_alloc(c->ar, (n ? n : 1) * sizeof *names);
		for (size_t i = 0; i < n; i++)
			names[i] = units_code(c->units, codes[i]);
		o.unit_codes = names;
		o.nunits = n;
	}
	buf *out = http_out(c->rq);
	gn_err rc = export_csv(c->st, kind, &o, out);
	if (rc)
		return api_internal(c, "export", rc);
	http_set_type(c->rq, "text/csv; charset=utf-8");
	char disp[64];
	snprintf(disp, sizeof disp, "attachment; filename=%s.csv", file_kind_name(kind));
	http_add_header(c->rq, "Content-Disposition", disp);
	return 200;
}
