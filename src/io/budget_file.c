/* budget_file.c - budget.csv into typed rows (budget_file.h). Layer: io. */
#include "budget_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"
#include "value.h"

enum { B_PLAN, B_UNIT, B_YEAR, B_PROJECT, B_SOURCE, B_CAPITAL, B_AMOUNT, B_CARRIED,
       B_KIND, B_DATE, B_N };
static const csv_colspec spec[B_N] = {
	{"plan", true}, {"unit_code", true}, {"year", true}, {"project", true},
	{"source", true}, {"capital", false}, {"amount", true}, {"carried_over", false},
	{"kind", false}, {"date", false},
};

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

static void bad_value(gn_diag *d, const char *file, long line, const char *col,
		      const char *what, const csv_field *v)
{
	diag_error(d, file, line, col, "expected %s, got \"%.*s\"", what,
		   (int)(v->len > 60 ? 60 : v->len), v->p);
}

static bool has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return true;
	return false;
}

static bool word_is(const csv_field *v, const char *w)
{
	size_t n = strlen(w);
	if (v->len != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char a = v->p[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != w[i])
			return false;
	}
	return true;
}

static void read_row(const me_catalogue *cat, budget_rows *t, csv_reader *r,
		     const csv_field *f, size_t n, const int *idx, gn_diag *d, buf *tmp)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	budget_in b;
	memset(&b, 0, sizeof b);
	b.line = line;
	b.capital = BC_RECURRENT;
	bool ok = true;

	const csv_field *v = F(B_PLAN);
	buf_reset(tmp);
	if (v->len == 0) {
		diag_error(d, file, line, "plan", "empty plan reference (such as \"32/KH-UBND 2023\")");
		ok = false;
	} else if (has_control(v->p, v->len) || text_nfc(v->p, v->len, tmp) != GN_OK) {
		diag_error(d, file, line, "plan", "the plan reference holds a control character");
		ok = false;
	} else if (tmp->len > BUDGET_PLAN_MAX) {
		diag_error(d, file, line, "plan", "the plan reference is longer than %d bytes",
			   BUDGET_PLAN_MAX);
		ok = false;
	}
	v = F(B_UNIT);
	if (v->len == 0) {
		diag_error(d, file, line, "unit_code", "empty unit code");
		ok = false;
	} else if (v->len >= BUDGET_CODE_MAX || has_control(v->p, v->len)) {
		bad_value(d, file, line, "unit_code", "a unit code", v);
		ok = false;
	} else {
		memcpy(b.unit_code, v->p, v->len);
		b.unit_code[v->len] = '\0';
	}
	v = F(B_YEAR);
	if (!val_year(v->p, v->len, &b.year)) {
		bad_value(d, file, line, "year", "a year (four digits)", v);
		ok = false;
	}
	v = F(B_PROJECT);
	b.project = catalogue_find(cat, v->p, v->len);
	if (b.project < 0) {
		bad_value(d, file, line, "project", "a project of the catalogue (DA1 ... DA7, or a sub-project such as DA3.1)", v);
		ok = false;
	}
	v = F(B_SOURCE);
	if (!budget_source_parse(v->p, v->len, &b.source)) {
		bad_value(d, file, line, "source",
			  "central, provincial, district, commune, mobilised, credit or household", v);
		ok = false;
	}
	v = F(B_CAPITAL);
	if (v->len && !budget_capital_parse(v->p, v->len, &b.capital)) {
		bad_value(d, file, line, "capital", "recurrent or investment", v);
		ok = false;
	}
	v = F(B_KIND);
	if (v->len == 0 || word_is(v, "allocated")) {
		b.disbursed = false;
	} else if (word_is(v, "disbursed")) {
		b.disbursed = true;
	} else {
		bad_value(d, file, line, "kind", "allocated or disbursed", v);
		ok = false;
	}
	v = F(B_AMOUNT);
	bool amount_ok = val_money(v->p, v->len, &b.amount);
	if (!amount_ok) {
		bad_value(d, file, line, "amount", "whole đồng (2243000000 or 2.243.000.000)", v);
		ok = false;
	} else if (b.disbursed && b.amount == 0) {
		diag_error(d, file, line, "amount", "a disbursement must be more than 0");
		ok = false;
	}
	v = F(B_CARRIED);
	if (v->len) {
		if (!val_money(v->p, v->len, &b.carried_over)) {
			bad_value(d, file, line, "carried_over", "whole đồng (33000000 or 33.000.000)", v);
			ok = false;
		} else if (b.disbursed && b.carried_over > 0) {
			diag_error(d, file, line, "carried_over",
				   "only an allocation carries money over from the year before");
			ok = false;
		} else if (amount_ok && b.carried_over > b.amount) {
			diag_error(d, file, line, "carried_over",
				   "the part carried over (%lld) is more than the amount (%lld)",
				   (long long)b.carried_over, (long long)b.amount);
			ok = false;
		}
	}
	v = F(B_DATE);
	if (v->len) {
		if (!val_date(v->p, v->len, &b.date)) {
			bad_value(d, file, line, "date", "a date (YYYY-MM-DD or DD/MM/YYYY)", v);
			ok = false;
		} else {
			b.has_date = true;
		}
	}
	if (b.disbursed && !v->len) {
		diag_error(d, file, line, "date", "a disbursement needs its date");
		ok = false;
	} else if (b.disbursed && b.has_date && b.year) {
		int y, m, dd;
		date_to_ymd(b.date, &y, &m, &dd);
		if (y != b.year) {
			diag_error(d, file, line, "date",
				   "the disbursement of %d is dated in %d: money spent after 31 December is the next year's allocation, carried over",
				   b.year, y);
			ok = false;
		}
	}
	if (!ok)
		return;
	b.plan = gn_xstrndup(buf_cstr(tmp), tmp->len);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = gn_xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = b;
}

/* ---- keys given twice ----------------------------------------------------------- */

static int cmp_key(const budget_in *a, const budget_in *b)
{
	int c = strcmp(a->plan, b->plan);
	if (c)
		return c;
	if ((c = strcmp(a->unit_code, b->unit_code)))
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->project != b->project)
		return a->project < b->project ? -1 : 1;
	if (a->source != b->source)
		return a->source < b->source ? -1 : 1;
	if (a->capital != b->capital)
		return a->capital < b->capital ? -1 : 1;
	if (a->disbursed != b->disbursed)
		return a->disbursed ? 1 : -1;
	if (a->disbursed && a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return 0;
}

static int cmp_index(const void *x, const void *y, void *ctx)
{
	const budget_in *rows = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = cmp_key(&rows[i], &rows[j]);
	if (c)
		return c;
	return i < j ? -1 : i > j;
}

static void check_keys(const budget_rows *t, const char *name, gn_diag *d)
{
	if (t->n < 2)
		return;
	size_t *ix = gn_xmalloc(t->n * sizeof *ix);
	for (size_t i = 0; i < t->n; i++)
		ix[i] = i;
	qsort_r(ix, t->n, sizeof *ix, cmp_index, t->v);
	for (size_t k = 1; k < t->n; k++) {
		const budget_in *a = &t->v[ix[k - 1]], *b = &t->v[ix[k]];
		if (cmp_key(a, b) != 0)
			continue;
		if (b->disbursed) {
			char day[11];
			date_format_iso(b->date, day);
			diag_error(d, name, b->line, "amount",
				   "a second disbursement of the same plan, unit, year, project, source and capital on %s (line %ld): give one line per day",
				   day, a->line);
		} else {
			diag_error(d, name, b->line, "amount",
				   "a second allocation of the same plan, unit, year, project, source and capital (line %ld)",
				   a->line);
		}
	}
	free(ix);
}

gn_err budget_file_parse(const me_catalogue *cat, const char *name, const char *text,
			 size_t len, gn_diag *d, budget_rows *out)
{
	memset(out, 0, sizeof *out);
	size_t before = diag_errors(d);
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	int idx[B_N];
	size_t width;
	char **hdr;
	rc = csv_read_header(r, spec, B_N, idx, d, &hdr, &width);
	if (rc) {
		csv_close(r);
		return rc;
	}
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
		read_row(cat, out, r, f, n, idx, d, &tmp);
	}
	buf_free(&tmp);
	csv_free_names(hdr, width);
	csv_close(r);
	if (rc != GN_EIO)
		check_keys(out, name, d);
	if (rc == GN_EIO || diag_errors(d) > before) {
		budget_rows_free(out);
		return rc == GN_EIO ? GN_EIO : GN_EINPUT;
	}
	return GN_OK;
}

void budget_rows_free(budget_rows *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].plan);
	free(t->v);
	memset(t, 0, sizeof *t);
}
