/* capacity_file.c - the settings of capacity building and inspections,
 * and participants lists (capacity_file.h). Layer: io. */
#include "capacity_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"
#include "value.h"

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)
#define SHOW(v) (int)((v)->len > 40 ? 40 : (v)->len), (v)->p

gn_err cap_clean_name(const char *s, size_t n, char **out)
{
	*out = NULL;
	buf nfc;
	buf_init(&nfc, 0);
	if (text_nfc(s, n, &nfc) != GN_OK) {
		buf_free(&nfc);
		return GN_EINPUT;
	}
	const char *p = buf_cstr(&nfc);
	buf b;
	buf_init(&b, 0);
	bool space = false;
	gn_err rc = GN_OK;
	for (size_t i = 0; i < nfc.len; i++) {
		unsigned char ch = (unsigned char)p[i];
		if (ch == ' ' || ch == '\t') {
			space = b.len > 0;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f) {
			rc = GN_EINPUT;
			break;
		}
		if (space)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, (char)ch);
	}
	buf_free(&nfc);
	if (rc) {
		buf_free(&b);
		return rc;
	}
	*out = buf_take(&b);
	if (!*out)
		*out = gn_xstrdup("");
	return GN_OK;
}

/* ---- settings --------------------------------------------------------------- */

enum { S_KEY, S_VALUE, S_NOTE, S_N };
static const csv_colspec settings_spec[S_N] = {
	{"key", true}, {"value", true}, {"note", false},
};

static bool field_is(const csv_field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->p, s, f->len) == 0;
}

static gn_err settings_read(csv_reader *r, cap_settings *out, gn_diag *d)
{
	size_t before = diag_errors(d);
	const char *file = csv_name(r);
	int idx[S_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, settings_spec, S_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	static const struct {
		const char *key;
		size_t off;
		int64_t max;
	} keys[] = {
		{"mission_report_working_days", offsetof(cap_settings, report_working_days), 365},
		{"staff_trained_target_percent", offsetof(cap_settings, staff_target_percent), 100},
	};
	enum { NKEYS = sizeof keys / sizeof keys[0] };
	bool seen[NKEYS] = {false};
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc || !csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		long line = csv_line(r);
		const csv_field *k = F(S_KEY), *v = F(S_VALUE);
		size_t which = NKEYS;
		for (size_t i = 0; i < NKEYS; i++)
			if (field_is(k, keys[i].key))
				which = i;
		if (which == NKEYS) {
			diag_error(d, file, line, "key", "unknown key \"%.*s\"", SHOW(k));
			continue;
		}
		if (seen[which]) {
			diag_error(d, file, line, "key", "%s is listed twice", keys[which].key);
			continue;
		}
		int64_t x;
		if (!val_count(v->p, v->len, keys[which].max, &x) || x == 0) {
			diag_error(d, file, line, "value", "expected a whole number from 1 to %lld, got \"%.*s\"",
				   (long long)keys[which].max, SHOW(v));
			continue;
		}
		seen[which] = true;
		*(int *)((char *)out + keys[which].off) = (int)x;
	}
	csv_free_names(hdr, width);
	if (rc == GN_EIO)
		return GN_EIO;
	for (size_t i = 0; i < NKEYS; i++)
		if (!seen[i])
			diag_error(d, file, 0, "key", "%s is missing", keys[i].key);
	return diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

gn_err cap_settings_load(const char *path, const char *name, cap_settings *out,
			 gn_diag *d)
{
	memset(out, 0, sizeof *out);
	csv_reader *r;
	gn_err rc = csv_open(path, name, d, &r);
	if (rc)
		return rc;
	rc = settings_read(r, out, d);
	csv_close(r);
	return rc;
}

gn_err cap_settings_parse(const char *name, const char *text, size_t len,
			  cap_settings *out, gn_diag *d)
{
	memset(out, 0, sizeof *out);
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	rc = settings_read(r, out, d);
	csv_close(r);
	return rc;
}

/* ---- participants ---------------------------------------------------------------- */

enum { P_NAME, P_SEX, P_BIRTH, P_UNIT, P_POSITION, P_STAFF, P_N };
static const csv_colspec participants_spec[P_N] = {
	{"full_name", true}, {"sex", true},      {"birth_year", false},
	{"unit_code", true}, {"position", false}, {"staff", false},
};

/* 'M', 'F' or 0 for M, F, Nam, Nữ in any case. */
static char parse_sex(const csv_field *v)
{
	if (v->len == 0 || v->len > 16)
		return 0;
	buf b;
	buf_init(&b, 0);
	char sex = 0;
	if (text_fold(v->p, v->len, &b) == GN_OK) {
		const char *s = buf_cstr(&b);
		if (strcmp(s, "m") == 0 || strcmp(s, "nam") == 0)
			sex = 'M';
		else if (strcmp(s, "f") == 0 || strcmp(s, "nu") == 0)
			sex = 'F';
	}
	buf_free(&b);
	return sex;
}

static bool read_participant(csv_reader *r, const csv_field *f, size_t n, const int *idx,
			     gn_diag *d, cap_participant_row *row)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	memset(row, 0, sizeof *row);
	row->line = line;
	const csv_field *v = F(P_NAME);
	if (cap_clean_name(v->p, v->len, &row->full_name) != GN_OK) {
		diag_error(d, file, line, "full_name", "invalid text");
		ok = false;
	} else if (!row->full_name[0]) {
		diag_error(d, file, line, "full_name", "the name is empty");
		ok = false;
	} else if (strlen(row->full_name) > 120) {
		diag_error(d, file, line, "full_name", "longer than 120 bytes");
		ok = false;
	}
	v = F(P_SEX);
	if (!(row->sex = parse_sex(v))) {
		diag_error(d, file, line, "sex", "expected M, F, Nam or Nữ, got \"%.*s\"", SHOW(v));
		ok = false;
	}
	v = F(P_BIRTH);
	if (v->len && !val_year(v->p, v->len, &row->birth_year)) {
		diag_error(d, file, line, "birth_year", "expected a year (1900-2199) or nothing, got \"%.*s\"",
			   SHOW(v));
		ok = false;
	}
	v = F(P_UNIT);
	if (v->len == 0 || v->len >= 32) {
		diag_error(d, file, line, "unit_code", "expected a unit code, got \"%.*s\"", SHOW(v));
		ok = false;
	} else {
		row->unit_code = gn_xstrndup(v->p, v->len);
	}
	v = F(P_POSITION);
	if (cap_clean_name(v->p, v->len, &row->position) != GN_OK) {
		diag_error(d, file, line, "position", "invalid text");
		ok = false;
	} else if (strlen(row->position) > 120) {
		diag_error(d, file, line, "position", "longer than 120 bytes");
		ok = false;
	}
	v = F(P_STAFF);
	if (!val_bool(v->p, v->len, &row->staff)) {
		diag_error(d, file, line, "staff", "expected 1 or 0 (có/không, x or nothing), got \"%.*s\"",
			   SHOW(v));
		ok = false;
	}
	if (!ok) {
		free(row->full_name);
		free(row->unit_code);
		free(row->position);
		memset(row, 0, sizeof *row);
	}
	return ok;
}

gn_err cap_participants_parse(const char *name, const char *text, size_t len,
			      gn_diag *d, cap_participant_row **rows, size_t *nrows)
{
	*rows = NULL;
	*nrows = 0;
	size_t before = diag_errors(d);
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	int idx[P_N];
	size_t width;
	char **hdr;
	rc = csv_read_header(r, participants_spec, P_N, idx, d, &hdr, &width);
	if (rc) {
		csv_close(r);
		return rc;
	}
	cap_participant_row *out = NULL;
	size_t n_out = 0, cap = 0;
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc || !csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		if (n_out == cap) {
			cap = cap ? cap * 2 : 16;
			out = gn_xreallocarray(out, cap, sizeof *out);
		}
		if (read_participant(r, f, n, idx, d, &out[n_out]))
			n_out++;
	}
	csv_free_names(hdr, width);
	bool io_error = rc == GN_EIO;
	if (!io_error && n_out == 0 && diag_errors(d) == before)
		diag_error(d, csv_name(r), 0, "", "no participant in the list");
	csv_close(r);
	if (io_error || diag_errors(d) > before) {
		cap_participants_free(out, n_out);
		return io_error ? GN_EIO : GN_EINPUT;
	}
	*rows = out;
	*nrows = n_out;
	return GN_OK;
}

void cap_participants_free(cap_participant_row *rows, size_t n)
{
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++) {
		free(rows[i].full_name);
		free(rows[i].unit_code);
		free(rows[i].position);
	}
	free(rows);
}

/* ---- recommendations --------------------------------------------------------------------- */

enum { R_UNIT, R_DUE, R_TEXT, R_N };
static const csv_colspec recs_spec[R_N] = {
	{"unit_code", true}, {"due_date", true}, {"text", true},
};

gn_err cap_recommendations_parse(const char *name, const char *text, size_t len, gn_diag *d,
				 cap_rec_row **rows, size_t *nrows)
{
	*rows = NULL;
	*nrows = 0;
	size_t before = diag_errors(d);
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	int idx[R_N];
	size_t width;
	char **hdr;
	rc = csv_read_header(r, recs_spec, R_N, idx, d, &hdr, &width);
	if (rc) {
		csv_close(r);
		return rc;
	}
	cap_rec_row *out = NULL;
	size_t n_out = 0;
	const csv_field *f;
	size_t n;
	buf nfc;
	buf_init(&nfc, 0);
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc || !csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		const char *file = csv_name(r);
		long line = csv_line(r);
		cap_rec_row row = {.line = line};
		bool ok = true;
		const csv_field *v = F(R_UNIT);
		if (v->len == 0 || v->len >= 32) {
			diag_error(d, file, line, "unit_code", "expected a unit code, got \"%.*s\"", SHOW(v));
			ok = false;
		}
		const csv_field *due = F(R_DUE);
		if (!val_date(due->p, due->len, &row.due)) {
			diag_error(d, file, line, "due_date",
				   "expected a date (YYYY-MM-DD or DD/MM/YYYY), got \"%.*s\"", SHOW(due));
			ok = false;
		}
		const csv_field *t = F(R_TEXT);
		buf_reset(&nfc);
		if (text_nfc(t->p, t->len, &nfc) != GN_OK) {
			diag_error(d, file, line, "text", "invalid text");
			ok = false;
		} else if (nfc.len == 0 || nfc.len > 2000) {
			diag_error(d, file, line, "text", "the text is empty or longer than 2000 bytes");
			ok = false;
		}
		if (!ok)
			continue;
		row.unit_code = gn_xstrndup(v->p, v->len);
		row.text = gn_xstrndup(buf_cstr(&nfc), nfc.len);
		out = gn_xreallocarray(out, n_out + 1, sizeof *out);
		out[n_out++] = row;
	}
	buf_free(&nfc);
	csv_free_names(hdr, width);
	csv_close(r);
	if (rc == GN_EIO || diag_errors(d) > before) {
		cap_recommendations_free(out, n_out);
		return rc == GN_EIO ? GN_EIO : GN_EINPUT;
	}
	*rows = out;
	*nrows = n_out;
	return GN_OK;
}

void cap_recommendations_free(cap_rec_row *rows, size_t n)
{
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++) {
		free(rows[i].unit_code);
		free(rows[i].text);
	}
	free(rows);
}
