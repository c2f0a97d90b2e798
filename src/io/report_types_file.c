/* report_types_file.c - data/me/report_types.csv into a set of report
 * types (report_types_file.h). Layer: io. */
#include "report_types_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"

enum {
	T_CODE, T_FORM, T_NAME_VI, T_NAME_EN, T_PERIOD, T_MONTHS, T_YEARS, T_LEVELS, T_DUE,
	T_REMIND, T_BASIS, T_NOTE, T_N
};
static const csv_colspec spec[T_N] = {
	{"code", true},    {"form", false},  {"name_vi", true}, {"name_en", true},
	{"period", true},  {"months", false}, {"years", false}, {"levels", true},
	{"due", true},     {"remind_days", false}, {"basis", false}, {"note", false},
};

#define DEFAULT_REMIND 7
#define MAX_REMIND 90

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)
#define SHOW(v) (int)((v)->len > 40 ? 40 : (v)->len), (v)->p

/* A whole number of at most 4 digits in s[a..b). */
static bool small_number(const char *s, size_t a, size_t b, int *out)
{
	if (a >= b || b - a > 4)
		return false;
	int v = 0;
	for (size_t i = a; i < b; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* "1-8" or "1;4;7;10": a mask of months. */
static bool parse_months(const csv_field *v, uint16_t *out)
{
	const char *s = v->p;
	size_t n = v->len;
	const char *dash = memchr(s, '-', n);
	int a, b;
	if (dash) {
		size_t k = (size_t)(dash - s);
		if (!small_number(s, 0, k, &a) || !small_number(s, k + 1, n, &b) || a < 1 || b > 12 ||
		    a > b)
			return false;
		uint16_t m = 0;
		for (int i = a; i <= b; i++)
			m = (uint16_t)(m | (1u << (i - 1)));
		*out = m;
		return true;
	}
	uint16_t m = 0;
	size_t i = 0;
	while (i <= n) {
		size_t start = i;
		while (i < n && s[i] != ';')
			i++;
		if (!small_number(s, start, i, &a) || a < 1 || a > 12)
			return false;
		m = (uint16_t)(m | (1u << (a - 1)));
		i++;
	}
	*out = m;
	return true;
}

/* "2022" or "2021-2025". */
static bool parse_years(const csv_field *v, int *from, int *to)
{
	const char *s = v->p;
	size_t n = v->len;
	const char *dash = memchr(s, '-', n);
	int a, b;
	if (!dash) {
		if (!small_number(s, 0, n, &a) || a < 1900 || a > 2199)
			return false;
		*from = *to = a;
		return true;
	}
	size_t k = (size_t)(dash - s);
	if (!small_number(s, 0, k, &a) || !small_number(s, k + 1, n, &b) || a < 1900 ||
	    b > 2199 || a > b)
		return false;
	*from = a;
	*to = b;
	return true;
}

static bool code_ok(const csv_field *v)
{
	if (v->len == 0 || v->len > 31)
		return false;
	for (size_t i = 0; i < v->len; i++) {
		char c = v->p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* NFC text of a column into a fresh string; NULL (and an error) when the
 * column must not be empty and is. */
static char *text_col(const csv_field *v, bool required, const char *file, long line,
		      const char *col, gn_diag *d, bool *ok)
{
	buf b;
	buf_init(&b, 0);
	if (text_nfc(v->p, v->len, &b) != GN_OK) {
		diag_error(d, file, line, col, "the text is not valid");
		*ok = false;
		buf_free(&b);
		return NULL;
	}
	if (required && b.len == 0) {
		diag_error(d, file, line, col, "must not be empty");
		*ok = false;
		buf_free(&b);
		return NULL;
	}
	char *s = gn_xstrndup(buf_cstr(&b), b.len);
	buf_free(&b);
	return s;
}

static void read_row(rp_types *ts, csv_reader *r, const csv_field *f, size_t n, const int *idx,
		     gn_diag *d)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	rp_type t = {.months = RP_ALL_MONTHS, .remind_days = DEFAULT_REMIND, .line = line};
	const csv_field *v = F(T_CODE);
	if (!code_ok(v)) {
		diag_error(d, file, line, "code",
			   "expected a key of 1 to 31 lower-case letters, digits or '_', got \"%.*s\"",
			   SHOW(v));
		ok = false;
	} else {
		t.code = gn_xstrndup(v->p, v->len);
		const rp_type *old = rp_types_find(ts, t.code);
		if (old) {
			diag_error(d, file, line, "code", "%s is listed twice (first on line %ld)", t.code,
				   old->line);
			ok = false;
		}
	}
	t.form = text_col(F(T_FORM), false, file, line, "form", d, &ok);
	t.name_vi = text_col(F(T_NAME_VI), true, file, line, "name_vi", d, &ok);
	t.name_en = text_col(F(T_NAME_EN), true, file, line, "name_en", d, &ok);
	t.basis = text_col(F(T_BASIS), false, file, line, "basis", d, &ok);
	t.note = text_col(F(T_NOTE), false, file, line, "note", d, &ok);

	v = F(T_PERIOD);
	bool have_period = rp_kind_parse(v->p, v->len, &t.period);
	if (!have_period) {
		diag_error(d, file, line, "period",
			   "expected year, half, nine_months, quarter, month, once or adhoc, got \"%.*s\"",
			   SHOW(v));
		ok = false;
	}
	v = F(T_MONTHS);
	if (v->len) {
		if (have_period && t.period != RP_MONTH) {
			diag_error(d, file, line, "months", "months are for monthly reports only (period month)");
			ok = false;
		} else if (!parse_months(v, &t.months)) {
			diag_error(d, file, line, "months",
				   "expected months from 1 to 12 as \"1-8\" or \"1;4;7;10\", got \"%.*s\"",
				   SHOW(v));
			ok = false;
		}
	}
	v = F(T_YEARS);
	if (v->len) {
		if (!parse_years(v, &t.year_from, &t.year_to)) {
			diag_error(d, file, line, "years",
				   "expected a year or a range of years (2022, 2021-2025), got \"%.*s\"",
				   SHOW(v));
			ok = false;
		}
	} else if (have_period && t.period == RP_ONCE) {
		diag_error(d, file, line, "years", "a report made once needs its year (2023)");
		ok = false;
	}
	v = F(T_LEVELS);
	if (!rp_levels_parse(v->p, v->len, &t.levels)) {
		diag_error(d, file, line, "levels",
			   "expected levels that send reports, separated by ';' (commune;district;province), got \"%.*s\"",
			   SHOW(v));
		ok = false;
	}
	v = F(T_DUE);
	const char *why = NULL;
	if (!rp_rule_parse(v->p, v->len, &t.due, &why)) {
		diag_error(d, file, line, "due", "%s, got \"%.*s\"", why, SHOW(v));
		ok = false;
	} else if (have_period && !rp_rule_fits(&t.due, t.period)) {
		diag_error(d, file, line, "due",
			   "the rule \"%.*s\" cannot date a period \"%s\" (years, halves, nine months: before/on MM-DD "
			   "or working-days N after end; months, quarters: day D next-month/last-month or "
			   "working-days N after end; adhoc: working-days N after request)",
			   SHOW(v), rp_kind_name(t.period));
		ok = false;
	}
	v = F(T_REMIND);
	if (v->len) {
		int k;
		if (!small_number(v->p, 0, v->len, &k) || k > MAX_REMIND) {
			diag_error(d, file, line, "remind_days",
				   "expected a number of days from 0 to %d, got \"%.*s\"", MAX_REMIND, SHOW(v));
			ok = false;
		} else {
			t.remind_days = k;
		}
	}
	if (ok)
		rp_types_add(ts, &t);
	free(t.code);
	free(t.form);
	free(t.name_vi);
	free(t.name_en);
	free(t.basis);
	free(t.note);
}

static gn_err read_all(rp_types *ts, csv_reader *r, gn_diag *d)
{
	size_t before = diag_errors(d);
	const csv_field *f;
	size_t n;
	int idx[T_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, spec, T_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	size_t rows = 0;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		rows++;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_row(ts, r, f, n, idx, d);
	}
	csv_free_names(hdr, width);
	if (rc == GN_EIO)
		return GN_EIO;
	if (rows == 0)
		diag_error(d, csv_name(r), 0, "", "no report types: the file has a header only");
	return diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

gn_err report_types_load_file(rp_types *ts, const char *path, const char *name, gn_diag *d)
{
	csv_reader *r;
	gn_err rc = csv_open(path, name, d, &r);
	if (rc)
		return rc;
	rc = read_all(ts, r, d);
	csv_close(r);
	return rc;
}

gn_err report_types_parse(rp_types *ts, const char *name, const char *text, size_t len,
			  gn_diag *d)
{
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	rc = read_all(ts, r, d);
	csv_close(r);
	return rc;
}
