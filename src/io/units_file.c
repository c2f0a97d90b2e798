/* units_file.c - units.csv, lineage.csv, population.csv. Layer: io. */
#include "units_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"
#include "value.h"

#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

static const csv_field empty_field = {"", 0};

/* Opens path, or the len bytes at data when path is NULL. */
static gn_err open_source(const char *path, const char *name, const char *data,
			  size_t len, gn_diag *d, csv_reader **out)
{
	if (path)
		return csv_open(path, name, d, out);
	return csv_open_mem(name, data, len, out);
}

/* Reads the header and binds it; returns GN_OK and the header names. */
static gn_err open_bound(const char *path, const char *name, const char *data,
			 size_t len, const csv_colspec *spec, size_t nspec,
			 int *idx, gn_diag *d, csv_reader **out, size_t *width,
			 char ***hdr_names)
{
	csv_reader *r;
	gn_err rc = open_source(path, name, data, len, d, &r);
	if (rc)
		return rc;
	rc = csv_read_header(r, spec, nspec, idx, d, hdr_names, width);
	if (rc) {
		csv_close(r);
		return rc;
	}
	*out = r;
	return GN_OK;
}

static void bad_value(gn_diag *d, const csv_reader *r, const char *col,
		      const char *what, const csv_field *v)
{
	diag_error(d, csv_name(r), csv_line(r), col, "expected %s, got \"%.*s\"",
		   what, (int)(v->len > 60 ? 60 : v->len), v->p);
}

/* ---- units.csv ----------------------------------------------------------- */

enum { U_CODE, U_NAME, U_LEVEL, U_PARENT, U_TYPE, U_URBAN, U_FROM, U_TO, U_N };
static const csv_colspec unit_spec[U_N] = {
	{"code", true}, {"name", true}, {"level", true}, {"parent_code", true},
	{"type", false}, {"urban", false}, {"valid_from", false}, {"valid_to", false},
};

static void read_unit_row(unit_set *u, csv_reader *r, const csv_field *f,
			  size_t n, const int *idx, gn_diag *d, buf *tmp)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	unit_version v = {.parent = -1, .urban = -1, .from = GN_DATE_MIN,
			  .to = GN_DATE_MAX, .line = line};
	bool ok = true;
	const csv_field *code = F(U_CODE);
	if (code->len == 0) {
		diag_error(d, file, line, "code", "empty unit code");
		ok = false;
	}
	buf_reset(tmp);
	if (text_nfc(F(U_NAME)->p, F(U_NAME)->len, tmp) != GN_OK || tmp->len == 0) {
		diag_error(d, file, line, "name", "empty unit name");
		ok = false;
	}
	if (!unit_level_parse(F(U_LEVEL)->p, F(U_LEVEL)->len, &v.level)) {
		bad_value(d, r, "level", "country, province, district, commune or village",
			  F(U_LEVEL));
		ok = false;
	}
	if (F(U_TYPE)->len && !unit_type_parse(F(U_TYPE)->p, F(U_TYPE)->len, &v.type)) {
		bad_value(d, r, "type",
			  "tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, dac_khu or thon",
			  F(U_TYPE));
		ok = false;
	}
	if (F(U_URBAN)->len) {
		bool b;
		if (!val_bool(F(U_URBAN)->p, F(U_URBAN)->len, &b)) {
			bad_value(d, r, "urban", "1 or 0", F(U_URBAN));
			ok = false;
		} else {
			v.urban = b ? 1 : 0;
		}
	}
	if (F(U_FROM)->len && !val_date(F(U_FROM)->p, F(U_FROM)->len, &v.from)) {
		bad_value(d, r, "valid_from", "a date (YYYY-MM-DD or DD/MM/YYYY)", F(U_FROM));
		ok = false;
	}
	if (F(U_TO)->len && !val_date(F(U_TO)->p, F(U_TO)->len, &v.to)) {
		bad_value(d, r, "valid_to", "a date (YYYY-MM-DD or DD/MM/YYYY)", F(U_TO));
		ok = false;
	}
	if (ok && v.from > v.to) {
		diag_error(d, file, line, "valid_to", "valid_to is before valid_from");
		ok = false;
	}
	if (!ok)
		return;
	v.code = units_intern(u, code->p, code->len);
	if (F(U_PARENT)->len)
		v.parent = units_intern(u, F(U_PARENT)->p, F(U_PARENT)->len);
	if (v.parent == v.code) {
		diag_error(d, file, line, "parent_code", "a unit cannot be its own parent");
		return;
	}
	v.name = buf_cstr(tmp);
	units_add_version(u, &v);
}

static gn_err read_units(unit_set *u, const char *path, const char *name,
			 const char *data, size_t len, gn_diag *d)
{
	int idx[U_N];
	csv_reader *r;
	size_t width;
	char **hdr;
	gn_err rc = open_bound(path, name, data, len, unit_spec, U_N, idx, d, &r,
			       &width, &hdr);
	if (rc)
		return rc;
	buf tmp;
	buf_init(&tmp, 1 << 16);
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_unit_row(u, r, f, n, idx, d, &tmp);
	}
	buf_free(&tmp);
	csv_free_names(hdr, width);
	csv_close(r);
	return rc == GN_EIO ? GN_EIO : GN_OK;
}

/* ---- lineage.csv --------------------------------------------------------- */

enum { L_OLD, L_NEW, L_DATE, L_SHARE, L_N };
static const csv_colspec lineage_spec[L_N] = {
	{"old_code", true}, {"new_code", true}, {"date", true}, {"share", false},
};

static gn_err read_lineage(unit_set *u, const char *path, const char *name,
			   const char *data, size_t len, gn_diag *d)
{
	int idx[L_N];
	csv_reader *r;
	size_t width;
	char **hdr;
	gn_err rc = open_bound(path, name, data, len, lineage_spec, L_N, idx, d, &r,
			       &width, &hdr);
	if (rc)
		return rc;
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		lineage l = {.share = {1, 1}, .line = csv_line(r)};
		bool ok = true;
		if (F(L_OLD)->len == 0) {
			diag_error(d, name, l.line, "old_code", "empty unit code");
			ok = false;
		}
		if (F(L_NEW)->len == 0) {
			diag_error(d, name, l.line, "new_code", "empty unit code");
			ok = false;
		}
		if (!val_date(F(L_DATE)->p, F(L_DATE)->len, &l.date)) {
			bad_value(d, r, "date", "a date (YYYY-MM-DD or DD/MM/YYYY)", F(L_DATE));
			ok = false;
		}
		if (F(L_SHARE)->len &&
		    (!val_share(F(L_SHARE)->p, F(L_SHARE)->len, &l.share.num, &l.share.den) ||
		     l.share.num == 0)) {
			bad_value(d, r, "share", "a fraction above 0 and at most 1", F(L_SHARE));
			ok = false;
		}
		if (!ok)
			continue;
		l.old_code = units_intern(u, F(L_OLD)->p, F(L_OLD)->len);
		l.new_code = units_intern(u, F(L_NEW)->p, F(L_NEW)->len);
		units_add_lineage(u, &l);
	}
	csv_free_names(hdr, width);
	csv_close(r);
	return rc == GN_EIO ? GN_EIO : GN_OK;
}

gn_err unitfile_load(const char *path, const char *name,
		     const char *lineage_path, const char *lineage_name,
		     gn_diag *d, unit_set **out)
{
	size_t before = diag_errors(d);
	unit_set *u = units_new();
	gn_err rc = read_units(u, path, name, NULL, 0, d);
	if (rc == GN_OK && lineage_path)
		rc = read_lineage(u, lineage_path, lineage_name, NULL, 0, d);
	if (rc == GN_OK && diag_errors(d) == before)
		rc = units_check(u, name, lineage_name ? lineage_name : "lineage.csv", d);
	if (rc == GN_OK && diag_errors(d) > before)
		rc = GN_EINPUT;
	if (rc) {
		units_free(u);
		return rc;
	}
	*out = u;
	return GN_OK;
}

/* ---- population.csv -------------------------------------------------------- */

enum { P_UNIT, P_YEAR, P_HH, P_PERSONS, P_N };
static const csv_colspec pop_spec[P_N] = {
	{"unit_code", true}, {"year", true}, {"households", true}, {"persons", false},
};

static int cmp_pop(const void *a, const void *b)
{
	const pop_row *x = a, *y = b;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

gn_err unitfile_read_units_mem(unit_set *u, const char *name, const char *data,
				size_t len, gn_diag *d)
{
	size_t before = diag_errors(d);
	gn_err rc = read_units(u, NULL, name, data, len, d);
	return rc ? rc : diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

gn_err unitfile_read_lineage_mem(unit_set *u, const char *name, const char *data,
				  size_t len, gn_diag *d)
{
	size_t before = diag_errors(d);
	gn_err rc = read_lineage(u, NULL, name, data, len, d);
	return rc ? rc : diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

static gn_err pop_load(const unit_set *u, const char *path, const char *name,
		       const char *data, size_t len, gn_diag *d, pop_table *out)
{
	size_t before = diag_errors(d);
	int idx[P_N];
	csv_reader *r;
	size_t width;
	char **hdr;
	memset(out, 0, sizeof *out);
	gn_err rc = open_bound(path, name, data, len, pop_spec, P_N, idx, d, &r,
			       &width, &hdr);
	if (rc)
		return rc;
	size_t cap = 0;
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		pop_row p = {.persons = -1, .line = csv_line(r)};
		bool ok = true;
		const csv_field *uc = F(P_UNIT);
		p.code = units_find(u, uc->p, uc->len);
		size_t nv = 0;
		if (p.code >= 0)
			units_versions(u, p.code, &nv);
		if (nv == 0) {
			diag_error(d, name, p.line, "unit_code", "unknown unit \"%.*s\"",
				   (int)(uc->len > 40 ? 40 : uc->len), uc->p);
			ok = false;
		}
		if (!val_year(F(P_YEAR)->p, F(P_YEAR)->len, &p.year)) {
			bad_value(d, r, "year", "a year (4 digits)", F(P_YEAR));
			ok = false;
		}
		if (!val_count(F(P_HH)->p, F(P_HH)->len, INT64_C(1) << 40, &p.households)) {
			bad_value(d, r, "households", "a whole number", F(P_HH));
			ok = false;
		}
		if (F(P_PERSONS)->len &&
		    !val_count(F(P_PERSONS)->p, F(P_PERSONS)->len, INT64_C(1) << 40, &p.persons)) {
			bad_value(d, r, "persons", "a whole number", F(P_PERSONS));
			ok = false;
		}
		if (!ok)
			continue;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 1024;
			out->rows = gn_xreallocarray(out->rows, cap, sizeof *out->rows);
		}
		out->rows[out->n++] = p;
	}
	csv_free_names(hdr, width);
	csv_close(r);
	if (rc == GN_EIO) {
		poptable_free(out);
		return GN_EIO;
	}
	if (out->n)
		qsort(out->rows, out->n, sizeof *out->rows, cmp_pop);
	for (size_t i = 1; i < out->n; i++) {
		const pop_row *a = &out->rows[i - 1], *b = &out->rows[i];
		if (a->code == b->code && a->year == b->year)
			diag_error(d, name, b->line, "unit_code",
				   "unit \"%s\" already has households for year %d (line %ld)",
				   units_code(u, b->code), b->year, a->line);
	}
	if (diag_errors(d) > before) {
		poptable_free(out);
		return GN_EINPUT;
	}
	return GN_OK;
}

gn_err popfile_load(const unit_set *u, const char *path, const char *name,
		    gn_diag *d, pop_table *out)
{
	return pop_load(u, path, name, NULL, 0, d, out);
}

gn_err popfile_load_mem(const unit_set *u, const char *name, const char *data,
			size_t len, gn_diag *d, pop_table *out)
{
	return pop_load(u, NULL, name, data, len, d, out);
}

void poptable_free(pop_table *t)
{
	if (!t)
		return;
	free(t->rows);
	t->rows = NULL;
	t->n = 0;
}
