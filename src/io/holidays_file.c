/* holidays_file.c - a holidays file (data/holidays/vn.csv) into a calendar (holidays_file.h).
 * Layer: io. */
#include "holidays_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"
#include "value.h"

enum { H_DATE, H_NAME, H_KIND, H_NOTE, H_N };
static const csv_colspec spec[H_N] = {
	{"date", true}, {"name", true}, {"kind", true}, {"note", false},
};

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

static bool field_is(const csv_field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->p, s, f->len) == 0;
}

static void read_row(calendar *cal, csv_reader *r, const csv_field *f, size_t n,
		     const int *idx, gn_diag *d, buf *name)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	gn_date date = 0;
	const csv_field *v = F(H_DATE);
	if (!val_date(v->p, v->len, &date)) {
		diag_error(d, file, line, "date", "expected a date (YYYY-MM-DD or DD/MM/YYYY), got \"%.*s\"",
			   (int)(v->len > 40 ? 40 : v->len), v->p);
		ok = false;
	}
	buf_reset(name);
	v = F(H_NAME);
	if (text_nfc(v->p, v->len, name) != GN_OK || name->len == 0) {
		diag_error(d, file, line, "name", "the name of the day is empty");
		ok = false;
	}
	cal_kind kind = CAL_HOLIDAY;
	v = F(H_KIND);
	if (field_is(v, "holiday")) {
		kind = CAL_HOLIDAY;
	} else if (field_is(v, "working_day")) {
		kind = CAL_WORKING_DAY;
	} else {
		diag_error(d, file, line, "kind", "expected holiday or working_day, got \"%.*s\"",
			   (int)(v->len > 40 ? 40 : v->len), v->p);
		ok = false;
	}
	if (!ok)
		return;
	gn_err rc = cal_add(cal, date, kind, buf_cstr(name));
	if (rc == GN_EINPUT) {
		char iso[11];
		date_format_iso(date, iso);
		diag_error(d, file, line, "kind",
			   "%s is not a Saturday or Sunday: only a weekend day can be a working_day (make-up day)",
			   iso);
	} else if (rc == GN_EEXIST) {
		char iso[11];
		date_format_iso(date, iso);
		diag_error(d, file, line, "date", "%s is listed twice", iso);
	}
}

static gn_err read_all(calendar *cal, csv_reader *r, gn_diag *d)
{
	size_t before = diag_errors(d);
	const csv_field *f;
	size_t n;
	int idx[H_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, spec, H_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	buf name;
	buf_init(&name, 4096);
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_row(cal, r, f, n, idx, d, &name);
	}
	buf_free(&name);
	csv_free_names(hdr, width);
	if (rc == GN_EIO)
		return GN_EIO;
	return diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

gn_err holidays_load_file(calendar *cal, const char *path, const char *name,
			  gn_diag *d)
{
	csv_reader *r;
	gn_err rc = csv_open(path, name, d, &r);
	if (rc)
		return rc;
	rc = read_all(cal, r, d);
	csv_close(r);
	return rc;
}

gn_err holidays_parse(calendar *cal, const char *name, const char *text,
		      size_t len, gn_diag *d)
{
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	rc = read_all(cal, r, d);
	csv_close(r);
	return rc;
}
