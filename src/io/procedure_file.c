/* procedure_file.c - data/review/procedure.csv (procedure_file.h).
 * Layer: io. The keys are a table: name, kind of value, range, where it
 * goes. */
#include "procedure_file.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "csv.h"
#include "value.h"

enum { P_KEY, P_VALUE, P_NOTE, P_N };
static const csv_colspec spec[P_N] = {
	{"key", true}, {"value", true}, {"note", false},
};

typedef enum { V_COUNT, V_MONTH_DAY } value_kind;

static const struct key_info {
	const char *key;
	value_kind kind;
	int lo, hi;
	size_t off;       /* of the int (V_MONTH_DAY: of the month) */
	size_t off_day;   /* V_MONTH_DAY: of the day */
	const char *what;
} keys[] = {
	{"posting_working_days", V_COUNT, 1, 60, offsetof(review_procedure, posting_days), 0,
	 "a number of working days (1 to 60)"},
	{"recheck_working_days", V_COUNT, 1, 60, offsetof(review_procedure, recheck_days), 0,
	 "a number of working days (1 to 60)"},
	{"meeting_pass_percent", V_COUNT, 1, 100, offsetof(review_procedure, meeting_pass_pct), 0,
	 "a percentage (1 to 100)"},
	{"periodic_start", V_MONTH_DAY, 0, 0, offsetof(review_procedure, periodic_start_month),
	 offsetof(review_procedure, periodic_start_day),
	 "a day of the year as MM-DD"},
	{"periodic_end", V_MONTH_DAY, 0, 0, offsetof(review_procedure, periodic_end_month),
	 offsetof(review_procedure, periodic_end_day),
	 "a day of the year as MM-DD"},
	{"regular_review_day", V_COUNT, 1, 28, offsetof(review_procedure, regular_day), 0,
	 "a day of the month (1 to 28)"},
};
#define NKEYS (sizeof keys / sizeof keys[0])

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

/* "MM-DD" of a valid day (29 February allowed). */
static bool month_day(const csv_field *v, int *m, int *d)
{
	int64_t mm, dd;
	if (v->len != 5 || v->p[2] != '-' || !val_count(v->p, 2, 12, &mm) ||
	    !val_count(v->p + 3, 2, 31, &dd) || mm < 1 || dd < 1)
		return false;
	if (!date_valid_ymd(2024, (int)mm, (int)dd))
		return false;
	*m = (int)mm;
	*d = (int)dd;
	return true;
}

static gn_err read_all(csv_reader *r, gn_diag *d, review_procedure *out)
{
	size_t before = diag_errors(d);
	const char *file = csv_name(r);
	const csv_field *f;
	size_t n;
	int idx[P_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, spec, P_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	review_procedure p;
	procedure_defaults(&p);
	long seen[NKEYS] = {0};
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		long line = csv_line(r);
		const csv_field *k = F(P_KEY), *v = F(P_VALUE);
		size_t i = 0;
		while (i < NKEYS && !(strlen(keys[i].key) == k->len &&
				      memcmp(keys[i].key, k->p, k->len) == 0))
			i++;
		if (i == NKEYS) {
			diag_error(d, file, line, "key", "unknown key \"%.*s\"",
				   (int)(k->len > 40 ? 40 : k->len), k->p);
			continue;
		}
		if (seen[i]) {
			diag_error(d, file, line, "key", "%s is given twice (first on line %ld)",
				   keys[i].key, seen[i]);
			continue;
		}
		seen[i] = line;
		int *dst = (int *)((char *)&p + keys[i].off);
		int *day = (int *)((char *)&p + keys[i].off_day);
		int64_t x;
		bool ok;
		if (keys[i].kind == V_COUNT) {
			ok = val_count(v->p, v->len, keys[i].hi, &x) && x >= keys[i].lo;
			if (ok)
				*dst = (int)x;
		} else {
			ok = month_day(v, dst, day);
		}
		if (!ok)
			diag_error(d, file, line, "value", "%s: expected %s, got \"%.*s\"",
				   keys[i].key, keys[i].what, (int)(v->len > 40 ? 40 : v->len), v->p);
	}
	csv_free_names(hdr, width);
	if (rc == GN_EIO)
		return GN_EIO;
	for (size_t i = 0; i < NKEYS; i++)
		if (!seen[i])
			diag_error(d, file, 0, "key", "the key %s is missing", keys[i].key);
	if (diag_errors(d) > before)
		return GN_EINPUT;
	*out = p;
	return GN_OK;
}

gn_err procedure_load_file(const char *path, const char *name, gn_diag *d,
			   review_procedure *out)
{
	csv_reader *r;
	gn_err rc = csv_open(path, name, d, &r);
	if (rc)
		return rc;
	rc = read_all(r, d, out);
	csv_close(r);
	return rc;
}

gn_err procedure_parse(const char *name, const char *text, size_t len, gn_diag *d,
		       review_procedure *out)
{
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	rc = read_all(r, d, out);
	csv_close(r);
	return rc;
}
