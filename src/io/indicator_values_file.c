/*
 * indicator_values_file.c - indicator_values.csv (formats.md 6) into rows
 * checked against the catalogue and the units (indicator_values_file.h).
 *
 * Layer: io. Duplicates of (indicator, unit, period) are found with a
 * hash map of the triple's text.
 */
#include "indicator_values_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/strmap.h"
#include "csv.h"
#include "value.h"

enum { V_INDICATOR, V_UNIT, V_PERIOD, V_VALUE, V_TARGET, V_N };
static const csv_colspec spec[V_N] = {
	{"indicator", true}, {"unit_code", true}, {"period", true},
	{"value", false},    {"target", false},
};

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

void ind_rows_free(ind_rows *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

bool indval_parse_number(const char *s, size_t n, int64_t *out)
{
	bool neg = n > 0 && s[0] == '-';
	if (neg) {
		s++;
		n--;
	}
	int64_t v;
	if (n == 0 || !val_decimal(s, n, IND_MAX_DECIMALS, &v) || v > IND_VALUE_MAX)
		return false;
	*out = neg ? -v : v;
	return true;
}

static int shown(size_t len)
{
	return (int)(len > 60 ? 60 : len);
}

/* Reads one number cell; reports it and returns false when bad. */
static bool read_number(gn_diag *d, const char *file, long line, const char *col,
			const csv_field *v, const ind_def *def, int64_t *out)
{
	if (!indval_parse_number(v->p, v->len, out)) {
		bool comma = memchr(v->p, ',', v->len) != NULL;
		diag_error(d, file, line, col,
			   "expected a number with '.' as the decimal point%s, got \"%.*s\"",
			   comma ? " (no decimal comma, no thousands separator)" : "",
			   shown(v->len), v->p);
		return false;
	}
	if (def && !ind_fits_decimals(*out, def->decimals)) {
		diag_error(d, file, line, col,
			   "indicator %s takes at most %d decimals (no thousands separator), got \"%.*s\"",
			   def->code, def->decimals, shown(v->len), v->p);
		return false;
	}
	return true;
}

static void read_row(const ind_catalogue *c, const unit_set *u, csv_reader *r,
		     const csv_field *f, size_t n, const int *idx, gn_diag *d, strmap *seen,
		     buf *key, ind_rows *out)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	ind_row row = {.indicator = -1, .unit = -1, .line = line};

	const csv_field *v = F(V_INDICATOR);
	const ind_def *def = NULL;
	row.indicator = ind_find(c, v->p, v->len);
	if (row.indicator < 0) {
		diag_error(d, file, line, "indicator",
			   "unknown indicator \"%.*s\" (see data/me/indicators.csv)", shown(v->len),
			   v->p);
		ok = false;
	} else {
		def = ind_at(c, (size_t)row.indicator);
	}

	v = F(V_UNIT);
	row.unit = v->len ? units_find(u, v->p, v->len) : -1;
	if (row.unit < 0 || !units_versions(u, row.unit, &(size_t){0})) {
		if (v->len == 0)
			diag_error(d, file, line, "unit_code", "the unit code is empty");
		else
			diag_error(d, file, line, "unit_code", "unknown unit \"%.*s\" (not in the database)",
				   shown(v->len), v->p);
		ok = false;
	}

	v = F(V_PERIOD);
	if (!ind_period_parse(v->p, v->len, &row.period)) {
		diag_error(d, file, line, "period",
			   "expected a period: 2024, 2024S1 (half-year), 2024Q3 (quarter) or 2024M05 (month), got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	}

	const csv_field *val = F(V_VALUE), *tgt = F(V_TARGET);
	if (val->len) {
		if (def && def->computed != IND_COMP_NONE) {
			diag_error(d, file, line, "value",
				   "indicator %s is computed from the registry (%s): give only its target",
				   def->code, ind_computed_name(def->computed));
			ok = false;
		} else if (read_number(d, file, line, "value", val, def, &row.value)) {
			row.has_value = true;
		} else {
			ok = false;
		}
	}
	if (tgt->len) {
		if (read_number(d, file, line, "target", tgt, def, &row.target))
			row.has_target = true;
		else
			ok = false;
	}
	if (!val->len && !tgt->len) {
		diag_error(d, file, line, idx[V_VALUE] >= 0 ? "value" : "target",
			   "give a value, a target or both");
		ok = false;
	}
	if (!ok)
		return;

	/* the same (indicator, unit, period) twice */
	char per[IND_PERIOD_LEN];
	ind_period_format(&row.period, per);
	buf_reset(key);
	buf_printf(key, "%s|%s|%s", def->code, units_code(u, row.unit), per);
	bool added = false;
	int32_t id = strmap_intern(seen, buf_cstr(key), key->len, &added);
	if (!added) {
		long first = out->v[id].line;
		diag_error(d, file, line, "period",
			   "indicator %s, unit \"%s\", period %s is already on line %ld", def->code,
			   units_code(u, row.unit), per, first);
		return;
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->v = gn_xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n++] = row; /* ids of `seen` follow the rows' order */
}

gn_err indval_read_mem(const ind_catalogue *c, const unit_set *u, const char *name,
		       const char *text, size_t len, gn_diag *d, ind_rows *out)
{
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	size_t before = diag_errors(d);
	int idx[V_N];
	size_t width;
	char **hdr;
	rc = csv_read_header(r, spec, V_N, idx, d, &hdr, &width);
	if (rc) {
		csv_close(r);
		return rc;
	}
	if (idx[V_VALUE] < 0 && idx[V_TARGET] < 0)
		diag_error(d, name, 1, "value", "missing: the file needs a value column, a target column or both");
	strmap *seen = strmap_new(256);
	buf key;
	buf_init(&key, 4096);
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		if (idx[V_VALUE] < 0 && idx[V_TARGET] < 0)
			continue;
		read_row(c, u, r, f, n, idx, d, seen, &key, out);
	}
	buf_free(&key);
	strmap_free(seen);
	csv_free_names(hdr, width);
	csv_close(r);
	if (rc == GN_EIO) {
		ind_rows_free(out);
		return GN_EIO;
	}
	if (diag_errors(d) > before) {
		ind_rows_free(out);
		return GN_EINPUT;
	}
	return GN_OK;
}
