/* reporting.c - periods, due rules, report types, expected reports and
 * their counts (reporting.h). Layer: core (pure). */
#include "reporting.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "rollup.h"

/* printf into a fixed array (truncating), through the core's buf: core
 * does no I/O and includes no stdio. */
static void format_to(char *out, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void format_to(char *out, size_t cap, const char *fmt, ...)
{
	buf b;
	buf_init(&b, 0);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	size_t n = b.len < cap - 1 ? b.len : cap - 1;
	if (n)
		memcpy(out, b.p, n);
	out[n] = '\0';
	buf_free(&b);
}

/* ---- periods ------------------------------------------------------------------- */

static const char *const kind_names[RP_KIND_COUNT] = {
	"year", "half", "nine_months", "quarter", "month", "once", "adhoc",
};
static const char *const kind_vi[RP_KIND_COUNT] = {
	"Năm", "6 tháng", "9 tháng", "Quý", "Tháng", "Một lần (theo giai đoạn)", "Đột xuất",
};
static const char *const kind_en[RP_KIND_COUNT] = {
	"Year", "Six months", "Nine months", "Quarter", "Month", "Once (per phase)", "Ad hoc",
};
static const char *const month_en[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

const char *rp_kind_name(rp_kind k)
{
	return (unsigned)k < RP_KIND_COUNT ? kind_names[k] : NULL;
}

const char *rp_kind_label(rp_kind k, bool en)
{
	if ((unsigned)k >= RP_KIND_COUNT)
		return NULL;
	return en ? kind_en[k] : kind_vi[k];
}

static bool same(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

bool rp_kind_parse(const char *s, size_t n, rp_kind *out)
{
	for (int k = 0; k < RP_KIND_COUNT; k++) {
		if (same(s, n, kind_names[k])) {
			*out = (rp_kind)k;
			return true;
		}
	}
	return false;
}

static gn_date month_end(int y, int m)
{
	return m == 12 ? date_from_ymd(y, 12, 31) : date_from_ymd(y, m + 1, 1) - 1;
}

static int days_in_month(int y, int m)
{
	return (int)(month_end(y, m) - date_from_ymd(y, m, 1)) + 1;
}

/* Fills start and end from kind, year and index. */
static void period_days(rp_period *p)
{
	int y = p->year;
	switch (p->kind) {
	case RP_HALF:
		p->start = date_from_ymd(y, 1, 1);
		p->end = date_from_ymd(y, 6, 30);
		break;
	case RP_NINE:
		p->start = date_from_ymd(y, 1, 1);
		p->end = date_from_ymd(y, 9, 30);
		break;
	case RP_QUARTER: {
		int m0 = (int)(p->index - 1) * 3 + 1;
		p->start = date_from_ymd(y, m0, 1);
		p->end = month_end(y, m0 + 2);
		break;
	}
	case RP_MONTH:
		p->start = date_from_ymd(y, (int)p->index, 1);
		p->end = month_end(y, (int)p->index);
		break;
	case RP_ADHOC:
		if (!p->start)
			p->start = date_from_ymd(y, 1, 1);
		p->end = p->start;
		break;
	case RP_YEAR:
	case RP_ONCE:
	case RP_KIND_COUNT:
		p->start = date_from_ymd(y, 1, 1);
		p->end = date_from_ymd(y, 12, 31);
		break;
	}
}

void rp_period_key(const rp_period *p, char out[RP_KEY_MAX])
{
	switch (p->kind) {
	case RP_HALF:
		format_to(out, RP_KEY_MAX, "%dS1", p->year);
		break;
	case RP_NINE:
		format_to(out, RP_KEY_MAX, "%dN9", p->year);
		break;
	case RP_QUARTER:
		format_to(out, RP_KEY_MAX, "%dQ%d", p->year, (int)p->index);
		break;
	case RP_MONTH:
		format_to(out, RP_KEY_MAX, "%dM%02d", p->year, (int)p->index);
		break;
	case RP_ADHOC:
		format_to(out, RP_KEY_MAX, "%dR%lld", p->year, (long long)p->index);
		break;
	case RP_YEAR:
	case RP_ONCE:
	case RP_KIND_COUNT:
		format_to(out, RP_KEY_MAX, "%d", p->year);
		break;
	}
}

/* A decimal number of 1..digits digits (no sign, no leading '+'). */
static bool number(const char *s, size_t n, size_t maxdigits, int64_t *out)
{
	if (n == 0 || n > maxdigits)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool rp_period_parse(const char *s, size_t n, rp_period *out)
{
	int64_t y;
	if (n < 4 || !number(s, 4, 4, &y) || y < 1900 || y > 2199)
		return false;
	rp_period p = {.kind = RP_YEAR, .year = (int)y};
	const char *r = s + 4;
	size_t rn = n - 4;
	int64_t v = 0;
	if (rn == 0) {
		p.kind = RP_YEAR;
	} else if (same(r, rn, "S1")) {
		p.kind = RP_HALF;
		p.index = 1;
	} else if (same(r, rn, "N9")) {
		p.kind = RP_NINE;
		p.index = 9;
	} else if (r[0] == 'Q' && rn == 2 && number(r + 1, 1, 1, &v) && v >= 1 && v <= 4) {
		p.kind = RP_QUARTER;
		p.index = v;
	} else if (r[0] == 'M' && rn == 3 && number(r + 1, 2, 2, &v) && v >= 1 && v <= 12) {
		p.kind = RP_MONTH;
		p.index = v;
	} else if (r[0] == 'R' && number(r + 1, rn - 1, 15, &v) && v >= 1 && r[1] != '0') {
		p.kind = RP_ADHOC;
		p.index = v;
	} else {
		return false;
	}
	period_days(&p);
	*out = p;
	return true;
}

void rp_period_label(const rp_period *p, bool en, buf *b)
{
	switch (p->kind) {
	case RP_HALF:
		if (en)
			buf_printf(b, "First half of %d", p->year);
		else
			buf_printf(b, "6 tháng đầu năm %d", p->year);
		break;
	case RP_NINE:
		if (en)
			buf_printf(b, "First nine months of %d", p->year);
		else
			buf_printf(b, "9 tháng đầu năm %d", p->year);
		break;
	case RP_QUARTER:
		if (en)
			buf_printf(b, "Q%d %d", (int)p->index, p->year);
		else
			buf_printf(b, "Quý %d/%d", (int)p->index, p->year);
		break;
	case RP_MONTH:
		if (en)
			buf_printf(b, "%s %d", month_en[(p->index - 1) % 12], p->year);
		else
			buf_printf(b, "Tháng %d/%d", (int)p->index, p->year);
		break;
	case RP_ADHOC:
		if (en)
			buf_printf(b, "Ad hoc request no. %lld (%d)", (long long)p->index, p->year);
		else
			buf_printf(b, "Yêu cầu đột xuất số %lld (%d)", (long long)p->index, p->year);
		break;
	case RP_YEAR:
	case RP_ONCE:
	case RP_KIND_COUNT:
		if (en)
			buf_printf(b, "Year %d", p->year);
		else
			buf_printf(b, "Năm %d", p->year);
		break;
	}
}

size_t rp_periods_of_year(rp_kind k, int year, uint16_t months, rp_period out[12])
{
	size_t n = 0;
	switch (k) {
	case RP_YEAR:
	case RP_ONCE:
		out[n++] = (rp_period){.kind = k, .year = year};
		break;
	case RP_HALF:
		out[n++] = (rp_period){.kind = k, .year = year, .index = 1};
		break;
	case RP_NINE:
		out[n++] = (rp_period){.kind = k, .year = year, .index = 9};
		break;
	case RP_QUARTER:
		for (int q = 1; q <= 4; q++)
			out[n++] = (rp_period){.kind = k, .year = year, .index = q};
		break;
	case RP_MONTH:
		for (int m = 1; m <= 12; m++)
			if (months & (1u << (m - 1)))
				out[n++] = (rp_period){.kind = k, .year = year, .index = m};
		break;
	case RP_ADHOC:
	case RP_KIND_COUNT:
		break;
	}
	for (size_t i = 0; i < n; i++)
		period_days(&out[i]);
	return n;
}

rp_period rp_adhoc_period(int64_t id, gn_date d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	rp_period p = {.kind = RP_ADHOC, .year = y, .index = id, .start = d, .end = d};
	return p;
}

/* ---- due rules ----------------------------------------------------------------- */

/* The next space-separated word of s[*i..n), into w/wn. */
static bool word(const char *s, size_t n, size_t *i, const char **w, size_t *wn)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	if (*i >= n)
		return false;
	size_t a = *i;
	while (*i < n && s[*i] != ' ')
		(*i)++;
	*w = s + a;
	*wn = *i - a;
	return true;
}

/* "MM-DD" of a date that every year has (29 February is refused). */
static bool month_day(const char *s, size_t n, int *m, int *d)
{
	int64_t a, b;
	if (n != 5 || s[2] != '-' || !number(s, 2, 2, &a) || !number(s + 3, 2, 2, &b))
		return false;
	if (!date_valid_ymd(2023, (int)a, (int)b))
		return false;
	*m = (int)a;
	*d = (int)b;
	return true;
}

bool rp_rule_parse(const char *s, size_t n, rp_rule *out, const char **why)
{
	const char *dummy;
	if (!why)
		why = &dummy;
	*why = "expected \"before MM-DD\", \"on MM-DD\", \"day D next-month\", \"day D last-month\", "
	       "\"working-days N after end\" or \"working-days N after request\"";
	const char *w[6];
	size_t wn[6];
	size_t nw = 0, i = 0;
	while (nw < 6 && word(s, n, &i, &w[nw], &wn[nw]))
		nw++;
	if (nw == 6 || nw < 2)
		return false;
	rp_rule r = {0};
	size_t used;
	if (same(w[0], wn[0], "before") || same(w[0], wn[0], "on")) {
		r.kind = same(w[0], wn[0], "before") ? RR_BEFORE : RR_ON;
		if (!month_day(w[1], wn[1], &r.month, &r.day)) {
			*why = "expected a day of the year as MM-DD (06-01 for 1 June; not 02-29)";
			return false;
		}
		used = 2;
	} else if (same(w[0], wn[0], "day")) {
		int64_t d;
		if (nw < 3 || !number(w[1], wn[1], 2, &d) || d < 1 || d > 31) {
			*why = "expected \"day D next-month\" or \"day D last-month\" with D from 1 to 31";
			return false;
		}
		r.day = (int)d;
		if (same(w[2], wn[2], "next-month"))
			r.kind = RR_DAY_NEXT;
		else if (same(w[2], wn[2], "last-month"))
			r.kind = RR_DAY_LAST;
		else {
			*why = "expected \"next-month\" or \"last-month\" after the day";
			return false;
		}
		used = 3;
	} else if (same(w[0], wn[0], "working-days")) {
		int64_t k;
		if (nw < 4 || !number(w[1], wn[1], 3, &k) || k < 1 || k > 366 ||
		    !same(w[2], wn[2], "after")) {
			*why = "expected \"working-days N after end\" or \"working-days N after request\" "
			       "with N from 1 to 366";
			return false;
		}
		r.n = (int)k;
		if (same(w[3], wn[3], "end"))
			r.kind = RR_WD_END;
		else if (same(w[3], wn[3], "request"))
			r.kind = RR_WD_REQUEST;
		else {
			*why = "expected \"end\" (of the period) or \"request\" (of an ad hoc report) after \"after\"";
			return false;
		}
		used = 4;
	} else {
		return false;
	}
	if (used < nw) {
		if (used + 1 == nw && same(w[used], wn[used], "roll") &&
		    (r.kind == RR_ON || r.kind == RR_DAY_NEXT || r.kind == RR_DAY_LAST)) {
			r.roll = true;
		} else {
			*why = "unexpected words at the end (only \"roll\" may follow an \"on\" or \"day\" rule)";
			return false;
		}
	}
	*out = r;
	return true;
}

void rp_rule_format(const rp_rule *r, char out[RP_RULE_MAX])
{
	const char *roll = r->roll ? " roll" : "";
	switch (r->kind) {
	case RR_BEFORE:
		format_to(out, RP_RULE_MAX, "before %02d-%02d", r->month, r->day);
		break;
	case RR_ON:
		format_to(out, RP_RULE_MAX, "on %02d-%02d%s", r->month, r->day, roll);
		break;
	case RR_DAY_NEXT:
		format_to(out, RP_RULE_MAX, "day %d next-month%s", r->day, roll);
		break;
	case RR_DAY_LAST:
		format_to(out, RP_RULE_MAX, "day %d last-month%s", r->day, roll);
		break;
	case RR_WD_END:
		format_to(out, RP_RULE_MAX, "working-days %d after end", r->n);
		break;
	case RR_WD_REQUEST:
	case RR_COUNT:
		format_to(out, RP_RULE_MAX, "working-days %d after request", r->n);
		break;
	}
}

void rp_rule_label(const rp_rule *r, bool en, buf *b)
{
	switch (r->kind) {
	case RR_BEFORE:
		if (en)
			buf_printf(b, "before %02d/%02d", r->day, r->month);
		else
			buf_printf(b, "trước ngày %02d/%02d", r->day, r->month);
		break;
	case RR_ON:
		if (en)
			buf_printf(b, "by %02d/%02d", r->day, r->month);
		else
			buf_printf(b, "đến hết ngày %02d/%02d", r->day, r->month);
		break;
	case RR_DAY_NEXT:
		if (en)
			buf_printf(b, "day %d of the following month", r->day);
		else
			buf_printf(b, "ngày %d tháng sau kỳ báo cáo", r->day);
		break;
	case RR_DAY_LAST:
		if (en)
			buf_printf(b, "day %d of the period's last month", r->day);
		else
			buf_printf(b, "ngày %d tháng cuối kỳ", r->day);
		break;
	case RR_WD_END:
		if (en)
			buf_printf(b, "%d working days after the period ends", r->n);
		else
			buf_printf(b, "%d ngày làm việc sau khi kết thúc kỳ", r->n);
		break;
	case RR_WD_REQUEST:
	case RR_COUNT:
		if (en)
			buf_printf(b, "%d working days after the request", r->n);
		else
			buf_printf(b, "%d ngày làm việc kể từ ngày yêu cầu", r->n);
		break;
	}
	if (r->roll)
		buf_puts(b, en ? "; a day off moves it to the next working day"
			       : "; gặp ngày nghỉ thì chuyển sang ngày làm việc tiếp theo");
}

bool rp_rule_fits(const rp_rule *r, rp_kind k)
{
	switch (k) {
	case RP_YEAR:
	case RP_HALF:
	case RP_NINE:
	case RP_ONCE:
		return r->kind == RR_BEFORE || r->kind == RR_ON || r->kind == RR_WD_END;
	case RP_QUARTER:
	case RP_MONTH:
		return r->kind == RR_DAY_NEXT || r->kind == RR_DAY_LAST || r->kind == RR_WD_END;
	case RP_ADHOC:
		return r->kind == RR_WD_REQUEST;
	case RP_KIND_COUNT:
		break;
	}
	return false;
}

static gn_date roll_forward(const calendar *cal, gn_date d)
{
	/* at most a Tết holiday and a weekend: bounded anyway */
	for (int i = 0; i < 60 && !cal_is_working(cal, d); i++)
		d++;
	return d;
}

static gn_date day_of_month(int y, int m, int d)
{
	int last = days_in_month(y, m);
	return date_from_ymd(y, m, d > last ? last : d);
}

gn_date rp_due(const rp_rule *r, const rp_period *p, const calendar *cal)
{
	int y, m, d;
	gn_date due;
	switch (r->kind) {
	case RR_BEFORE:
		return date_from_ymd(p->year, r->month, r->day) - 1;
	case RR_ON:
		due = date_from_ymd(p->year, r->month, r->day);
		break;
	case RR_DAY_NEXT:
		date_to_ymd(p->end, &y, &m, &d);
		if (m == 12) {
			y++;
			m = 1;
		} else {
			m++;
		}
		due = day_of_month(y, m, r->day);
		break;
	case RR_DAY_LAST:
		date_to_ymd(p->end, &y, &m, &d);
		due = day_of_month(y, m, r->day);
		break;
	case RR_WD_END:
		return cal_add_working_days(cal, p->end, r->n);
	case RR_WD_REQUEST:
	case RR_COUNT:
	default:
		return cal_add_working_days(cal, p->start, r->n);
	}
	return r->roll ? roll_forward(cal, due) : due;
}

/* ---- report types ------------------------------------------------------------------- */

struct rp_types {
	rp_type *t;
	size_t n, cap;
};

rp_types *rp_types_new(void)
{
	return gn_xcalloc(1, sizeof(rp_types));
}

static void type_clear(rp_type *t)
{
	free(t->code);
	free(t->form);
	free(t->name_vi);
	free(t->name_en);
	free(t->basis);
	free(t->note);
}

void rp_types_free(rp_types *ts)
{
	if (!ts)
		return;
	for (size_t i = 0; i < ts->n; i++)
		type_clear(&ts->t[i]);
	free(ts->t);
	free(ts);
}

static char *dup_or_empty(const char *s)
{
	return gn_xstrdup(s ? s : "");
}

gn_err rp_types_add(rp_types *ts, const rp_type *t)
{
	if (rp_types_find(ts, t->code))
		return GN_EEXIST;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 16;
		ts->t = gn_xreallocarray(ts->t, ts->cap, sizeof *ts->t);
	}
	rp_type *c = &ts->t[ts->n++];
	*c = *t;
	c->code = dup_or_empty(t->code);
	c->form = dup_or_empty(t->form);
	c->name_vi = dup_or_empty(t->name_vi);
	c->name_en = dup_or_empty(t->name_en);
	c->basis = dup_or_empty(t->basis);
	c->note = dup_or_empty(t->note);
	return GN_OK;
}

size_t rp_types_count(const rp_types *ts)
{
	return ts ? ts->n : 0;
}

const rp_type *rp_types_at(const rp_types *ts, size_t i)
{
	return ts && i < ts->n ? &ts->t[i] : NULL;
}

const rp_type *rp_types_find(const rp_types *ts, const char *code)
{
	if (!ts || !code)
		return NULL;
	for (size_t i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].code, code) == 0)
			return &ts->t[i];
	return NULL;
}

bool rp_type_has_year(const rp_type *t, int y)
{
	return (t->year_from == 0 || y >= t->year_from) && (t->year_to == 0 || y <= t->year_to);
}

bool rp_levels_parse(const char *s, size_t n, unsigned *out)
{
	unsigned mask = 0;
	size_t i = 0;
	while (i <= n) {
		size_t a = i;
		while (i < n && s[i] != ';')
			i++;
		size_t b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		unit_level l;
		if (a == b || !unit_level_parse(s + a, b - a, &l) ||
		    !(l == LEVEL_PROVINCE || l == LEVEL_DISTRICT || l == LEVEL_COMMUNE))
			return false;
		mask |= 1u << l;
		i++;
	}
	if (!mask)
		return false;
	*out = mask;
	return true;
}

void rp_levels_format(unsigned levels, buf *b)
{
	bool first = true;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		if (!(levels & (1u << l)))
			continue;
		if (!first)
			buf_putc(b, ';');
		buf_puts(b, unit_level_name((unit_level)l));
		first = false;
	}
}

/* ---- expected reports ------------------------------------------------------------------ */

typedef struct items {
	rp_item *a;
	size_t n, cap;
} items;

static void push(items *it, const rp_item *x)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->a = gn_xreallocarray(it->a, it->cap, sizeof *it->a);
	}
	it->a[it->n++] = *x;
}

/* Whether a is u or one of its ancestors on map m. */
static bool at_or_above(const unit_map *m, int32_t a, int32_t u)
{
	for (int guard = 0; u >= 0 && guard < 64; guard++) {
		if (u == a)
			return true;
		u = unit_map_parent(m, u);
	}
	return false;
}

/* The period kind of a local deadline for type t: a year and a once-only
 * period are the same period ("2025"), so either means the type's own. */
static rp_kind local_kind(const rp_local *l, const rp_type *t)
{
	bool yearly = l->kind == RP_YEAR || l->kind == RP_ONCE;
	if (yearly && (t->period == RP_YEAR || t->period == RP_ONCE))
		return t->period;
	return l->kind;
}

static bool local_year(const rp_local *l, int y)
{
	return (l->year_from == 0 || y >= l->year_from) && (l->year_to == 0 || y <= l->year_to);
}

static void adhoc_items(const rp_view *v, const rp_type *t, items *out)
{
	for (size_t r = 0; r < v->nrequests; r++) {
		const rp_request *q = &v->requests[r];
		if (q->type != t)
			continue;
		rp_period p = rp_adhoc_period(q->id, q->date);
		if (p.year != v->year)
			continue;
		const unit_map *m = v->map(v->ctx, q->date);
		if (!m)
			continue;
		for (int l = LEVEL_PROVINCE; l <= LEVEL_COMMUNE; l++) {
			if (!(q->levels & (1u << l)))
				continue;
			size_t nu;
			const int32_t *us = unit_map_units(m, (unit_level)l, &nu);
			for (size_t i = 0; i < nu; i++) {
				int32_t u = us[i];
				if (u == q->unit || !at_or_above(m, q->unit, u) || !v->in_view(v->ctx, m, u))
					continue;
				rp_item x = {
					.type = t, .period = p, .unit = u, .level = (unit_level)l,
					.to = unit_map_parent(m, u), .map_date = q->date, .due = q->due,
					.circular_due = q->due, .request_id = q->id,
				};
				push(out, &x);
			}
		}
	}
}

static void period_items(const rp_view *v, const rp_type *t, rp_kind k, const rp_period *p,
			 items *out)
{
	bool own = k == t->period;
	gn_date circ = own ? rp_due(&t->due, p, v->cal) : GN_DATE_MIN;
	gn_date map_date = own ? circ : p->end;
	unsigned levels = own ? t->levels : 0;
	for (size_t i = 0; i < v->nlocals; i++) {
		const rp_local *l = &v->locals[i];
		if (l->type == t && local_kind(l, t) == k && l->unit >= 0 && local_year(l, p->year))
			levels |= l->levels;
	}
	if (!levels)
		return;
	const unit_map *m = v->map(v->ctx, map_date);
	if (!m)
		return;
	for (int lv = LEVEL_PROVINCE; lv <= LEVEL_COMMUNE; lv++) {
		unsigned bit = 1u << lv;
		if (!(levels & bit))
			continue;
		size_t nu;
		const int32_t *us = unit_map_units(m, (unit_level)lv, &nu);
		for (size_t i = 0; i < nu; i++) {
			int32_t u = us[i];
			if (!v->in_view(v->ctx, m, u))
				continue;
			gn_date due = GN_DATE_MAX;
			int64_t src = 0;
			if (own && (t->levels & bit))
				due = circ;
			for (size_t j = 0; j < v->nlocals; j++) {
				const rp_local *l = &v->locals[j];
				if (l->type != t || local_kind(l, t) != k || l->unit < 0 || !(l->levels & bit) ||
				    !local_year(l, p->year) || !at_or_above(m, l->unit, u))
					continue;
				gn_date d = rp_due(&l->rule, p, v->cal);
				if (d < due) { /* the earlier date wins; ties keep the first */
					due = d;
					src = l->id;
				}
			}
			if (due == GN_DATE_MAX)
				continue;
			rp_item x = {
				.type = t, .period = *p, .unit = u, .level = (unit_level)lv,
				.to = unit_map_parent(m, u), .map_date = map_date, .due = due,
				.circular_due = own && (t->levels & bit) ? circ : GN_DATE_MIN,
				.local_id = src,
			};
			push(out, &x);
		}
	}
}

gn_err rp_expected(const rp_view *v, rp_item **out, size_t *n)
{
	items it = {0};
	size_t nt = rp_types_count(v->types);
	for (size_t ti = 0; ti < nt; ti++) {
		const rp_type *t = rp_types_at(v->types, ti);
		if (v->type_code && strcmp(v->type_code, t->code) != 0)
			continue;
		if (!rp_type_has_year(t, v->year))
			continue;
		if (t->period == RP_ADHOC) {
			adhoc_items(v, t, &it);
			continue;
		}
		/* the type's own period kind, then those local deadlines add */
		unsigned kinds = 1u << t->period;
		for (size_t i = 0; i < v->nlocals; i++)
			if (v->locals[i].type == t && v->locals[i].kind != RP_ADHOC)
				kinds |= 1u << local_kind(&v->locals[i], t);
		for (int k = 0; k < RP_KIND_COUNT; k++) {
			if (!(kinds & (1u << k)))
				continue;
			rp_period ps[12];
			uint16_t months = k == (int)t->period ? t->months : RP_ALL_MONTHS;
			size_t np = rp_periods_of_year((rp_kind)k, v->year, months, ps);
			for (size_t i = 0; i < np; i++)
				period_items(v, t, (rp_kind)k, &ps[i], &it);
		}
	}
	*out = it.a;
	*n = it.n;
	return GN_OK;
}

/* ---- submissions ------------------------------------------------------------------------ */

static const char *const state_names[] = {"none", "submitted", "returned", "approved"};

const char *rp_state_name(rp_state s)
{
	return (unsigned)s <= RS_APPROVED ? state_names[s] : NULL;
}

bool rp_state_parse(const char *s, rp_state *out)
{
	for (int i = RS_SUBMITTED; i <= RS_APPROVED; i++) {
		if (strcmp(s, state_names[i]) == 0) {
			*out = (rp_state)i;
			return true;
		}
	}
	return false;
}

static const char *const status_names[RPS_COUNT] = {
	"upcoming", "due_soon", "overdue", "submitted", "returned", "approved",
};
static const char *const status_vi[RPS_COUNT] = {
	"Chưa đến hạn", "Sắp đến hạn", "Quá hạn", "Đã nộp", "Trả lại", "Đã duyệt",
};
static const char *const status_en[RPS_COUNT] = {
	"Not yet due", "Due soon", "Overdue", "Submitted", "Returned", "Approved",
};

const char *rp_status_name(rp_status s)
{
	return (unsigned)s < RPS_COUNT ? status_names[s] : NULL;
}

const char *rp_status_label(rp_status s, bool en)
{
	if ((unsigned)s >= RPS_COUNT)
		return NULL;
	return en ? status_en[s] : status_vi[s];
}

rp_status rp_status_of(rp_state s, gn_date due, int remind_days, gn_date today)
{
	switch (s) {
	case RS_APPROVED:
		return RPS_APPROVED;
	case RS_RETURNED:
		return RPS_RETURNED;
	case RS_SUBMITTED:
		return RPS_SUBMITTED;
	case RS_NONE:
		break;
	}
	if (today > due)
		return RPS_OVERDUE;
	if ((int64_t)due - today <= remind_days)
		return RPS_DUE_SOON;
	return RPS_UPCOMING;
}

void rp_counts_add(rp_counts *c, rp_state s, gn_date due, gn_date first_sent, gn_date today)
{
	c->expected++;
	if (s != RS_NONE) {
		c->submitted++;
		if (first_sent <= due)
			c->on_time++;
		else
			c->late++;
		if (s == RS_SUBMITTED)
			c->waiting++;
		else if (s == RS_RETURNED)
			c->returned++;
		else
			c->approved++;
	} else if (today > due) {
		c->missing++;
	} else {
		c->upcoming++;
	}
	c->due = c->expected - c->upcoming;
}

void rp_counts_sum(rp_counts *into, const rp_counts *c)
{
	into->expected += c->expected;
	into->due += c->due;
	into->submitted += c->submitted;
	into->on_time += c->on_time;
	into->late += c->late;
	into->missing += c->missing;
	into->upcoming += c->upcoming;
	into->waiting += c->waiting;
	into->returned += c->returned;
	into->approved += c->approved;
}

int64_t rp_completeness(const rp_counts *c)
{
	return c->due > 0 ? rate_hundredths(c->submitted, c->due) : -1;
}

int64_t rp_timeliness(const rp_counts *c)
{
	return c->due > 0 ? rate_hundredths(c->on_time, c->due) : -1;
}

static const char *const action_names[RPA_COUNT] = {"submit", "return", "approve"};

const char *rp_action_name(rp_action a)
{
	return (unsigned)a < RPA_COUNT ? action_names[a] : NULL;
}

bool rp_action_parse(const char *s, rp_action *out)
{
	for (int i = 0; i < RPA_COUNT; i++) {
		if (strcmp(s, action_names[i]) == 0) {
			*out = (rp_action)i;
			return true;
		}
	}
	return false;
}

rp_refusal rp_decide(rp_action a, rp_state s, bool own, bool above, gn_date period_start,
		     gn_date today)
{
	if (a == RPA_SUBMIT ? !own : !above)
		return RPR_ROLE;
	if (s == RS_APPROVED)
		return RPR_LOCKED;
	if (a == RPA_SUBMIT) {
		if (s == RS_SUBMITTED)
			return RPR_STATE;
		if (period_start > today)
			return RPR_NOT_STARTED;
		return RPR_OK;
	}
	return s == RS_SUBMITTED ? RPR_OK : RPR_STATE;
}

rp_state rp_next_state(rp_action a)
{
	switch (a) {
	case RPA_RETURN:
		return RS_RETURNED;
	case RPA_APPROVE:
		return RS_APPROVED;
	case RPA_SUBMIT:
	case RPA_COUNT:
		break;
	}
	return RS_SUBMITTED;
}
