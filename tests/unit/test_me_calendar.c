/* test_me_calendar.c - the reporting calendar (core/reporting.h): periods,
 * due rules over the shipped holidays (weekends, Tết, 30/4-1/5, make-up
 * days), the report types file (io/report_types_file.h: the shipped
 * data/me/report_types.csv and every error rule), expected reports on the
 * maps before and after 1/7/2025 (districts are not expected after),
 * local deadlines moving a due date earlier (and not later) or adding
 * quarterly reports, ad hoc requests, status, counts and decisions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/reporting.h"
#include "io/holidays_file.h"
#include "io/report_types_file.h"

static gn_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void assert_date(gn_date got, gn_date want)
{
	char a[11], b[11];
	date_format_iso(got, a);
	date_format_iso(want, b);
	assert_string_equal(a, b);
}

static calendar *load_vn(void)
{
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/holidays/vn.csv", data);
	calendar *c = cal_new();
	gn_diag *d = diag_new(20);
	assert_int_equal(holidays_load_file(c, buf_cstr(&p), "vn.csv", d), GN_OK);
	diag_free(d);
	buf_free(&p);
	return c;
}

static rp_rule rule(const char *s)
{
	rp_rule r;
	const char *why = NULL;
	bool ok = rp_rule_parse(s, strlen(s), &r, &why);
	if (!ok)
		print_error("rule \"%s\": %s\n", s, why);
	assert_true(ok);
	return r;
}

static rp_period period(const char *key)
{
	rp_period p;
	assert_true(rp_period_parse(key, strlen(key), &p));
	return p;
}

/* ---- periods ---------------------------------------------------------------------- */

static void test_periods(void **state)
{
	(void)state;
	static const char *const keys[] = {"2025", "2025S1", "2025N9", "2025Q3", "2025M05", "2025R17"};
	static const rp_kind kinds[] = {RP_YEAR, RP_HALF, RP_NINE, RP_QUARTER, RP_MONTH, RP_ADHOC};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		rp_period p = period(keys[i]);
		assert_int_equal(p.kind, kinds[i]);
		assert_int_equal(p.year, 2025);
		char k[RP_KEY_MAX];
		rp_period_key(&p, k);
		assert_string_equal(k, keys[i]);
	}
	rp_period p = period("2025Q3");
	assert_date(p.start, D(2025, 7, 1));
	assert_date(p.end, D(2025, 9, 30));
	p = period("2024M02");
	assert_date(p.end, D(2024, 2, 29));
	p = period("2025S1");
	assert_date(p.end, D(2025, 6, 30));
	p = period("2025N9");
	assert_date(p.end, D(2025, 9, 30));
	static const char *const bad[] = {"", "25", "2025S2", "2025Q5", "2025Q0", "2025M13",
					  "2025M5", "2025R", "2025R0", "2025X", "1899", "abcd"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rp_period q;
		assert_false(rp_period_parse(bad[i], strlen(bad[i]), &q));
	}
	buf b;
	buf_init(&b, 0);
	p = period("2025S1");
	rp_period_label(&p, false, &b);
	assert_string_equal(buf_cstr(&b), "6 tháng đầu năm 2025");
	buf_reset(&b);
	p = period("2025M05");
	rp_period_label(&p, false, &b);
	assert_string_equal(buf_cstr(&b), "Tháng 5/2025");
	buf_reset(&b);
	rp_period_label(&p, true, &b);
	assert_string_equal(buf_cstr(&b), "May 2025");
	buf_free(&b);
	/* the months of a monthly type: 1-8 */
	rp_period ps[12];
	assert_int_equal(rp_periods_of_year(RP_MONTH, 2025, 0x00ff, ps), 8);
	assert_int_equal(ps[7].index, 8);
	assert_int_equal(rp_periods_of_year(RP_QUARTER, 2025, RP_ALL_MONTHS, ps), 4);
	assert_int_equal(rp_periods_of_year(RP_ADHOC, 2025, RP_ALL_MONTHS, ps), 0);
}

/* ---- rules ----------------------------------------------------------------------------- */

static void test_rules_parse(void **state)
{
	(void)state;
	static const char *const good[] = {
		"before 06-01", "on 12-14", "on 12-14 roll", "day 5 next-month",
		"day 5 next-month roll", "day 20 last-month", "working-days 15 after end",
		"working-days 10 after request",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		rp_rule r = rule(good[i]);
		char out[RP_RULE_MAX];
		rp_rule_format(&r, out);
		assert_string_equal(out, good[i]);
	}
	/* extra spaces are fine */
	rp_rule r = rule("  before   05-20 ");
	assert_int_equal(r.kind, RR_BEFORE);
	assert_int_equal(r.month, 5);
	assert_int_equal(r.day, 20);
	static const char *const bad[] = {
		"", "before", "before 02-29", "before 13-01", "before 5-20", "on 06-31",
		"day 0 next-month", "day 32 next-month", "day 5 next", "working-days 0 after end",
		"working-days 400 after end", "working-days 5 before end", "working-days 5 after start",
		"before 06-01 roll", "working-days 5 after end roll", "day 5 next-month roll now",
		"sometime",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rp_rule x;
		const char *why = NULL;
		assert_false(rp_rule_parse(bad[i], strlen(bad[i]), &x, &why));
		assert_non_null(why);
	}
	/* which rules can date which periods */
	assert_true(rp_rule_fits(&(rp_rule){.kind = RR_BEFORE}, RP_HALF));
	assert_false(rp_rule_fits(&(rp_rule){.kind = RR_BEFORE}, RP_MONTH));
	assert_true(rp_rule_fits(&(rp_rule){.kind = RR_DAY_NEXT}, RP_QUARTER));
	assert_false(rp_rule_fits(&(rp_rule){.kind = RR_DAY_NEXT}, RP_YEAR));
	assert_true(rp_rule_fits(&(rp_rule){.kind = RR_WD_END}, RP_YEAR));
	assert_false(rp_rule_fits(&(rp_rule){.kind = RR_WD_END}, RP_ADHOC));
	assert_true(rp_rule_fits(&(rp_rule){.kind = RR_WD_REQUEST}, RP_ADHOC));
	buf b;
	buf_init(&b, 0);
	r = rule("before 06-01");
	rp_rule_label(&r, false, &b);
	assert_string_equal(buf_cstr(&b), "trước ngày 01/06");
	buf_free(&b);
}

/* Due dates: the circular's fixed dates, the 5th of the next month with
 * the Civil Code's roll over weekends and holidays, and working days
 * across Tết, 30/4-1/5 and a make-up Saturday. */
static void test_due_dates(void **state)
{
	(void)state;
	calendar *vn = load_vn();
	rp_period h1 = period("2025S1"), y = period("2025");
	assert_date(rp_due(&(rp_rule){.kind = RR_BEFORE, .month = 6, .day = 1}, &h1, vn), D(2025, 5, 31));
	assert_date(rp_due(&(rp_rule){.kind = RR_BEFORE, .month = 12, .day = 1}, &y, vn), D(2025, 11, 30));
	/* "on" keeps a Sunday unless it rolls */
	rp_rule on = rule("on 11-30");
	assert_date(rp_due(&on, &y, vn), D(2025, 11, 30));
	on = rule("on 11-30 roll");
	assert_date(rp_due(&on, &y, vn), D(2025, 12, 1));

	/* the monthly review report: the 5th of the next month, rolled */
	rp_rule fifth = rule("day 5 next-month roll");
	rp_period m = period("2025M01");
	assert_date(rp_due(&fifth, &m, vn), D(2025, 2, 5));      /* Wednesday */
	m = period("2025M03");
	/* 5/4/2025 Saturday, 6/4 Sunday, 7/4 Giỗ Tổ Hùng Vương: Tuesday 8/4 */
	assert_date(rp_due(&fifth, &m, vn), D(2025, 4, 8));
	/* the same without the holidays file: Monday 7/4 */
	assert_date(rp_due(&fifth, &m, NULL), D(2025, 4, 7));
	m = period("2025M12");
	/* December's report: 5 January of the next year (Monday) */
	assert_date(rp_due(&fifth, &m, vn), D(2026, 1, 5));
	rp_rule last = rule("day 31 last-month");
	m = period("2025M02");
	assert_date(rp_due(&last, &m, vn), D(2025, 2, 28)); /* clamped */
	rp_rule q20 = rule("day 20 next-month");
	rp_period q4 = period("2025Q4");
	assert_date(rp_due(&q20, &q4, vn), D(2026, 1, 20));

	/* working days after a request across Tết 2025 (27-31/1): a request of
	 * Friday 24/1 + 3 working days is Wednesday 5/2 (29/1 without holidays) */
	rp_rule wd3 = rule("working-days 3 after request");
	rp_period r = rp_adhoc_period(1, D(2025, 1, 24));
	assert_date(rp_due(&wd3, &r, vn), D(2025, 2, 5));
	assert_date(rp_due(&wd3, &r, NULL), D(2025, 1, 29));
	/* across 30/4-1/5/2025 and the swapped Friday 2/5: Tuesday 29/4 + 3 is 7/5 */
	r = rp_adhoc_period(2, D(2025, 4, 29));
	assert_date(rp_due(&wd3, &r, vn), D(2025, 5, 7));
	/* 2024: 29/4 swapped off, 30/4 and 1/5 holidays, Saturday 4/5 worked:
	 * Friday 26/4 + 3 is Saturday 4/5 */
	r = rp_adhoc_period(3, D(2024, 4, 26));
	assert_date(rp_due(&wd3, &r, vn), D(2024, 5, 4));
	/* N working days after a period's end: over a weekend (30/11/2025 is
	 * a Sunday: Mon 1/12 .. Fri 5/12) and over New Year's Day */
	rp_rule wd5 = rule("working-days 5 after end");
	m = period("2025M11");
	assert_date(rp_due(&wd5, &m, vn), D(2025, 12, 5));
	rp_rule wd15 = rule("working-days 15 after end");
	rp_period q = period("2024Q4");
	assert_date(rp_due(&wd15, &q, vn), D(2025, 1, 22));
	assert_date(rp_due(&wd15, &q, NULL), D(2025, 1, 21));
	/* the January 2025 monthly report 5 working days after the month,
	 * the month ending in Tết: Monday 3/2 .. Friday 7/2 */
	m = period("2025M01");
	assert_date(rp_due(&wd5, &m, vn), D(2025, 2, 7));
	cal_free(vn);
}

/* ---- the types file ------------------------------------------------------------------- */

static rp_types *load_shipped(void)
{
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/me/report_types.csv", data);
	rp_types *ts = rp_types_new();
	gn_diag *d = diag_new(20);
	gn_err rc = report_types_load_file(ts, buf_cstr(&p), "report_types.csv", d);
	for (size_t i = 0; i < diag_count(d); i++)
		print_error("%s:%ld: %s: %s\n", diag_at(d, i)->file, diag_at(d, i)->line,
			    diag_at(d, i)->column, diag_at(d, i)->text);
	assert_int_equal(rc, GN_OK);
	diag_free(d);
	buf_free(&p);
	return ts;
}

static void test_shipped_types(void **state)
{
	(void)state;
	rp_types *ts = load_shipped();
	assert_true(rp_types_count(ts) >= 11);
	const rp_type *t = rp_types_find(ts, "m01_half");
	assert_non_null(t);
	assert_string_equal(t->form, "Mẫu 01");
	assert_int_equal(t->period, RP_HALF);
	assert_int_equal(t->levels, (1u << LEVEL_COMMUNE) | (1u << LEVEL_DISTRICT) | (1u << LEVEL_PROVINCE));
	assert_int_equal(t->due.kind, RR_BEFORE);
	assert_int_equal(t->remind_days, 7);
	t = rp_types_find(ts, "review_month");
	assert_non_null(t);
	assert_int_equal(t->period, RP_MONTH);
	assert_int_equal(t->months, 0x00ff); /* January to August, reported 5/2 to 5/9 */
	assert_true(t->due.roll);
	assert_int_equal(t->levels, 1u << LEVEL_COMMUNE);
	t = rp_types_find(ts, "m02_midterm");
	assert_non_null(t);
	assert_true(rp_type_has_year(t, 2023));
	assert_false(rp_type_has_year(t, 2024));
	/* every kind the issue names is there */
	static const char *const codes[] = {"m01_year", "m01_adhoc", "m02_baseline", "m02_final",
					    "m02_year", "m02_adhoc", "review_prelim", "review_official"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		assert_non_null(rp_types_find(ts, codes[i]));
	assert_int_equal(rp_types_find(ts, "review_prelim")->levels, 1u << LEVEL_PROVINCE);
	rp_types_free(ts);
	rp_types_free(NULL);
}

#define HEAD "code,form,name_vi,name_en,period,months,years,levels,due,remind_days,basis,note\n"

/* Parses text; expects failure with exactly the given "LINE:COLUMN"
 * messages, in order. */
static void expect_errors(const char *text, const char *const *want, size_t nwant)
{
	rp_types *ts = rp_types_new();
	gn_diag *d = diag_new(50);
	gn_err rc = report_types_parse(ts, "t.csv", text, strlen(text), d);
	assert_int_equal(rc, GN_EINPUT);
	size_t n = diag_errors(d);
	if (n != nwant) {
		for (size_t i = 0; i < diag_count(d); i++)
			print_error("%ld:%s: %s\n", diag_at(d, i)->line, diag_at(d, i)->column,
				    diag_at(d, i)->text);
	}
	assert_int_equal(n, nwant);
	size_t k = 0;
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind != DIAG_ERROR)
			continue;
		char got[64];
		snprintf(got, sizeof got, "%ld:%s", it->line, it->column);
		assert_string_equal(got, want[k]);
		assert_string_equal(it->file, "t.csv");
		assert_true(strlen(it->text) > 5);
		k++;
	}
	diag_free(d);
	rp_types_free(ts);
}

static void test_types_errors(void **state)
{
	(void)state;
	/* one of each rule, each on its own line */
	const char *text = HEAD
		"a1,,Tên,Name,year,,,commune,before 12-01,7,,\n"          /* 2: fine */
		"a1,,Tên,Name,year,,,commune,before 12-01,7,,\n"          /* 3: twice */
		"B-2,,Tên,Name,year,,,commune,before 12-01,7,,\n"         /* 4: bad code */
		"a3,,Tên,Name,weekly,,,commune,before 12-01,7,,\n"        /* 5: period */
		"a4,,Tên,Name,year,1-8,,commune,before 12-01,7,,\n"       /* 6: months on a year */
		"a5,,Tên,Name,month,0-8,,commune,day 5 next-month,7,,\n"  /* 7: bad months */
		"a6,,Tên,Name,once,,,commune,before 12-01,7,,\n"          /* 8: once without years */
		"a7,,Tên,Name,year,,2025-2021,commune,before 12-01,7,,\n" /* 9: bad years */
		"a8,,Tên,Name,year,,,village,before 12-01,7,,\n"          /* 10: level */
		"a9,,Tên,Name,year,,,commune,before 13-01,7,,\n"          /* 11: bad rule */
		"b1,,Tên,Name,month,,,commune,before 06-01,7,,\n"         /* 12: rule does not fit */
		"b2,,Tên,Name,year,,,commune,before 12-01,91,,\n"         /* 13: remind_days */
		"b3,,,Name,year,,,commune,before 12-01,7,,\n"             /* 14: empty name_vi */
		"b4,,Tên,Name,adhoc,,,commune,before 12-01,7,,\n"         /* 15: adhoc needs a request rule */
		"b5,,Tên,Name,year,,,commune\n";                           /* 16: short record */
	static const char *const want[] = {
		"3:code", "4:code", "5:period", "6:months", "7:months", "8:years", "9:years",
		"10:levels", "11:due", "12:due", "13:remind_days", "14:name_vi", "15:due", "16:due",
	};
	expect_errors(text, want, sizeof want / sizeof want[0]);
	/* a missing required column names it, on line 1 */
	static const char *const want_col[] = {"1:due"};
	expect_errors("code,name_vi,name_en,period,levels\nx,a,b,year,commune\n", want_col, 1);
	/* a header alone */
	static const char *const want_empty[] = {"0:"};
	expect_errors(HEAD, want_empty, 1);
	/* a good small file: defaults */
	rp_types *ts = rp_types_new();
	gn_diag *d = diag_new(10);
	const char *good = HEAD "q1,,Quý,Quarterly,quarter,,2023-2025,commune;district,day 20 last-month,,Kế hoạch,\n";
	assert_int_equal(report_types_parse(ts, "g.csv", good, strlen(good), d), GN_OK);
	const rp_type *t = rp_types_find(ts, "q1");
	assert_non_null(t);
	assert_int_equal(t->remind_days, 7);
	assert_int_equal(t->year_from, 2023);
	assert_int_equal(t->year_to, 2025);
	assert_int_equal(t->line, 2);
	diag_free(d);
	rp_types_free(ts);
}

/* ---- expected reports ------------------------------------------------------------------- */

static void add(unit_set *u, const char *code, const char *parent, unit_level level,
		gn_date from, gn_date to)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = UTYPE_NONE, .urban = -1,
		.from = from, .to = to, .name = code, .line = 1,
	};
	units_add_version(u, &v);
}

#define ALWAYS GN_DATE_MIN, GN_DATE_MAX
#define OLD GN_DATE_MIN, D(2025, 6, 30)
#define NEW D(2025, 7, 1), GN_DATE_MAX

/* Province P over district DI (until 30/6/2025) with communes C1, C2;
 * from 1/7/2025 commune C9 (C1 and C2 merged) directly under P; a second
 * province Q with commune Q1 (out of the view in some tests). */
static unit_set *country(void)
{
	unit_set *u = units_new();
	add(u, "P", NULL, LEVEL_PROVINCE, ALWAYS);
	add(u, "Q", NULL, LEVEL_PROVINCE, ALWAYS);
	add(u, "DI", "P", LEVEL_DISTRICT, OLD);
	add(u, "C1", "DI", LEVEL_COMMUNE, OLD);
	add(u, "C2", "DI", LEVEL_COMMUNE, OLD);
	add(u, "C9", "P", LEVEL_COMMUNE, NEW);
	add(u, "Q1", "Q", LEVEL_COMMUNE, ALWAYS);
	lineage l1 = {units_intern(u, "C1", 2), units_intern(u, "C9", 2), D(2025, 7, 1), {1, 1}, 1};
	lineage l2 = {units_intern(u, "C2", 2), units_intern(u, "C9", 2), D(2025, 7, 1), {1, 1}, 1};
	units_add_lineage(u, &l1);
	units_add_lineage(u, &l2);
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);
	diag_free(d);
	return u;
}

typedef struct world {
	unit_set *u;
	unit_map *maps[32];
	gn_date dates[32];
	size_t n;
	int32_t only_province; /* the view: units under this province (on the map) */
} world;

static const unit_map *map_cb(void *ctx, gn_date d)
{
	world *w = ctx;
	for (size_t i = 0; i < w->n; i++)
		if (w->dates[i] == d)
			return w->maps[i];
	assert_true(w->n < 32);
	w->dates[w->n] = d;
	w->maps[w->n] = unit_map_new(w->u, d);
	return w->maps[w->n++];
}

static bool in_view_cb(void *ctx, const unit_map *m, int32_t code)
{
	world *w = ctx;
	return unit_map_ancestor(m, code, LEVEL_PROVINCE) == w->only_province;
}

static void world_free(world *w)
{
	for (size_t i = 0; i < w->n; i++)
		unit_map_free(w->maps[i]);
	units_free(w->u);
}

static const char *code_of(world *w, int32_t c)
{
	return units_code(w->u, c);
}

/* The item of type, period key and unit code, or NULL. */
static const rp_item *find(world *w, const rp_item *items, size_t n, const char *type,
			   const char *key, const char *unit)
{
	for (size_t i = 0; i < n; i++) {
		char k[RP_KEY_MAX];
		rp_period_key(&items[i].period, k);
		if (strcmp(items[i].type->code, type) == 0 && strcmp(k, key) == 0 &&
		    strcmp(code_of(w, items[i].unit), unit) == 0)
			return &items[i];
	}
	return NULL;
}

static size_t count_type(const rp_item *items, size_t n, const char *type, const char *key)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char p[RP_KEY_MAX];
		rp_period_key(&items[i].period, p);
		if (strcmp(items[i].type->code, type) == 0 && (!key || strcmp(p, key) == 0))
			k++;
	}
	return k;
}

static void test_expected_maps(void **state)
{
	(void)state;
	calendar *vn = load_vn();
	rp_types *ts = load_shipped();
	world w = {.u = country()};
	w.only_province = units_find(w.u, "P", 1);
	rp_view v = {.units = w.u, .cal = vn, .types = ts, .year = 2025, .map = map_cb,
		     .in_view = in_view_cb, .ctx = &w};
	rp_item *items;
	size_t n;
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	/* the six-month report is due 31/5/2025: the old map, with the district */
	assert_int_equal(count_type(items, n, "m01_half", "2025S1"), 4); /* P, DI, C1, C2 */
	const rp_item *it = find(&w, items, n, "m01_half", "2025S1", "C1");
	assert_non_null(it);
	assert_date(it->due, D(2025, 5, 31));
	assert_string_equal(code_of(&w, it->to), "DI");
	assert_int_equal(it->local_id, 0);
	it = find(&w, items, n, "m01_half", "2025S1", "DI");
	assert_non_null(it);
	assert_string_equal(code_of(&w, it->to), "P");
	/* the annual report is due 30/11/2025: no district any more, and C9 sends to P */
	assert_int_equal(count_type(items, n, "m01_year", "2025"), 2); /* P, C9 */
	assert_null(find(&w, items, n, "m01_year", "2025", "DI"));
	it = find(&w, items, n, "m01_year", "2025", "C9");
	assert_non_null(it);
	assert_string_equal(code_of(&w, it->to), "P");
	/* the monthly review report of communes: months 1-8, C1 and C2 until
	 * May's (due 5/6), C9 from June's (due 7/7, 5/7 a Saturday) */
	assert_int_equal(count_type(items, n, "review_month", NULL), 5 * 2 + 3);
	it = find(&w, items, n, "review_month", "2025M06", "C9");
	assert_non_null(it);
	assert_date(it->due, D(2025, 7, 7));
	assert_null(find(&w, items, n, "review_month", "2025M06", "C1"));
	/* the province's review results; once-only evaluations: the final one in 2025 */
	assert_int_equal(count_type(items, n, "review_prelim", "2025"), 1);
	assert_date(find(&w, items, n, "review_official", "2025", "P")->due, D(2025, 12, 19));
	assert_int_equal(count_type(items, n, "m02_final", "2025"), 2);
	assert_int_equal(count_type(items, n, "m02_midterm", NULL), 0);
	/* nothing of province Q */
	assert_null(find(&w, items, n, "m01_year", "2025", "Q1"));
	free(items);

	/* 2024: the district is expected for the annual report too */
	v.year = 2024;
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	assert_non_null(find(&w, items, n, "m01_year", "2024", "DI"));
	assert_int_equal(count_type(items, n, "m01_year", "2024"), 4);
	assert_int_equal(count_type(items, n, "m02_final", NULL), 0);
	free(items);

	/* one type only */
	v.year = 2025;
	v.type_code = "m01_year";
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	assert_int_equal(n, 2);
	free(items);
	world_free(&w);
	rp_types_free(ts);
	cal_free(vn);
}

static void test_local_deadlines(void **state)
{
	(void)state;
	calendar *vn = load_vn();
	rp_types *ts = load_shipped();
	world w = {.u = country()};
	w.only_province = units_find(w.u, "P", 1);
	const rp_type *half = rp_types_find(ts, "m01_half");
	const rp_type *year = rp_types_find(ts, "m01_year");
	int32_t P = units_find(w.u, "P", 1), DI = units_find(w.u, "DI", 2);
	rp_local locals[] = {
		/* seed 001: the district asks its communes for the six-month report
		 * before 20/5 (earlier than the circular: it wins) */
		{.id = 1, .unit = DI, .type = half, .kind = RP_HALF, .rule = rule("before 05-20"),
		 .levels = 1u << LEVEL_COMMUNE, .year_from = 2023},
		/* the province asks its districts before 25/5 */
		{.id = 2, .unit = P, .type = half, .kind = RP_HALF, .rule = rule("before 05-25"),
		 .levels = 1u << LEVEL_DISTRICT, .year_from = 2023},
		/* a later date than the circular's changes nothing */
		{.id = 3, .unit = P, .type = half, .kind = RP_HALF, .rule = rule("before 06-10"),
		 .levels = 1u << LEVEL_PROVINCE, .year_from = 2023},
		/* the district asks for the annual report before 15/11: the
		 * district is gone when it is due, so it does not apply */
		{.id = 4, .unit = DI, .type = year, .kind = RP_YEAR, .rule = rule("before 11-15"),
		 .levels = 1u << LEVEL_COMMUNE, .year_from = 2023},
		/* the province asks quarterly reports of its communes (seed 003):
		 * it adds reports the circular does not ask for */
		{.id = 5, .unit = P, .type = year, .kind = RP_QUARTER, .rule = rule("day 20 last-month"),
		 .levels = 1u << LEVEL_COMMUNE, .year_from = 2025, .year_to = 2025},
		/* a plan of 2023 only */
		{.id = 6, .unit = P, .type = year, .kind = RP_YEAR, .rule = rule("before 11-01"),
		 .levels = 1u << LEVEL_COMMUNE, .year_from = 2023, .year_to = 2023},
		/* "year" for a once-only evaluation means its own period: no second report */
		{.id = 7, .unit = P, .type = rp_types_find(ts, "m02_final"), .kind = RP_YEAR,
		 .rule = rule("before 11-10"), .levels = 1u << LEVEL_COMMUNE, .year_from = 2025},
	};
	rp_view v = {.units = w.u, .cal = vn, .types = ts, .year = 2025, .map = map_cb,
		     .in_view = in_view_cb, .ctx = &w, .locals = locals,
		     .nlocals = sizeof locals / sizeof locals[0]};
	rp_item *items;
	size_t n;
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	const rp_item *it = find(&w, items, n, "m01_half", "2025S1", "C1");
	assert_date(it->due, D(2025, 5, 19));
	assert_date(it->circular_due, D(2025, 5, 31));
	assert_int_equal(it->local_id, 1);
	it = find(&w, items, n, "m01_half", "2025S1", "DI");
	assert_date(it->due, D(2025, 5, 24));
	assert_int_equal(it->local_id, 2);
	it = find(&w, items, n, "m01_half", "2025S1", "P");
	assert_date(it->due, D(2025, 5, 31));
	assert_int_equal(it->local_id, 0);
	it = find(&w, items, n, "m01_year", "2025", "C9");
	assert_date(it->due, D(2025, 11, 30));
	assert_int_equal(it->local_id, 0);
	/* quarterly: Q1, Q2 from C1 and C2 (maps of 31/3 and 30/6), Q3, Q4 from C9 */
	assert_int_equal(count_type(items, n, "m01_year", "2025Q1"), 2);
	assert_int_equal(count_type(items, n, "m01_year", "2025Q3"), 1);
	it = find(&w, items, n, "m01_year", "2025Q2", "C2");
	assert_non_null(it);
	assert_date(it->due, D(2025, 6, 20));
	assert_int_equal(it->circular_due, GN_DATE_MIN);
	assert_int_equal(it->local_id, 5);
	assert_string_equal(code_of(&w, it->to), "DI");
	assert_int_equal(count_type(items, n, "m02_final", "2025"), 2); /* P, C9: once each */
	it = find(&w, items, n, "m02_final", "2025", "C9");
	assert_date(it->due, D(2025, 11, 9));
	assert_int_equal(it->local_id, 7);
	assert_int_equal(it->period.kind, RP_ONCE);
	free(items);
	/* 2023: the district's annual deadline and the province's 2023 plan
	 * both apply; the earlier wins (15/11 is after 1/11) */
	v.year = 2023;
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	it = find(&w, items, n, "m01_year", "2023", "C1");
	assert_date(it->due, D(2023, 10, 31));
	assert_int_equal(it->local_id, 6);
	assert_int_equal(count_type(items, n, "m01_year", "2023Q1"), 0);
	free(items);
	world_free(&w);
	rp_types_free(ts);
	cal_free(vn);
}

static void test_adhoc_requests(void **state)
{
	(void)state;
	calendar *vn = load_vn();
	rp_types *ts = load_shipped();
	world w = {.u = country()};
	w.only_province = units_find(w.u, "P", 1);
	const rp_type *adhoc = rp_types_find(ts, "m01_adhoc");
	rp_request reqs[] = {
		{.id = 7, .unit = units_find(w.u, "P", 1), .type = adhoc, .date = D(2025, 4, 29),
		 .due = D(2025, 5, 7), .levels = (1u << LEVEL_COMMUNE) | (1u << LEVEL_DISTRICT)},
		{.id = 8, .unit = units_find(w.u, "P", 1), .type = adhoc, .date = D(2025, 8, 1),
		 .due = D(2025, 8, 15), .levels = 1u << LEVEL_COMMUNE},
		{.id = 9, .unit = units_find(w.u, "P", 1), .type = adhoc, .date = D(2024, 8, 1),
		 .due = D(2024, 8, 15), .levels = 1u << LEVEL_COMMUNE},
	};
	rp_view v = {.units = w.u, .cal = vn, .types = ts, .year = 2025, .map = map_cb,
		     .in_view = in_view_cb, .ctx = &w, .requests = reqs, .nrequests = 3};
	rp_item *items;
	size_t n;
	assert_int_equal(rp_expected(&v, &items, &n), GN_OK);
	assert_int_equal(count_type(items, n, "m01_adhoc", "2025R7"), 3); /* DI, C1, C2 */
	assert_int_equal(count_type(items, n, "m01_adhoc", "2025R8"), 1); /* C9 */
	assert_int_equal(count_type(items, n, "m01_adhoc", NULL), 4);
	const rp_item *it = find(&w, items, n, "m01_adhoc", "2025R8", "C9");
	assert_date(it->due, D(2025, 8, 15));
	assert_int_equal(it->request_id, 8);
	assert_null(find(&w, items, n, "m01_adhoc", "2025R7", "P")); /* not the asker */
	free(items);
	world_free(&w);
	rp_types_free(ts);
	cal_free(vn);
}

/* ---- status, counts, decisions ---------------------------------------------------------- */

static void test_status_and_counts(void **state)
{
	(void)state;
	gn_date today = D(2025, 11, 25);
	assert_int_equal(rp_status_of(RS_NONE, D(2025, 11, 30), 7, today), RPS_DUE_SOON);
	assert_int_equal(rp_status_of(RS_NONE, D(2025, 12, 2), 7, today), RPS_DUE_SOON);
	assert_int_equal(rp_status_of(RS_NONE, D(2025, 12, 3), 7, today), RPS_UPCOMING);
	assert_int_equal(rp_status_of(RS_NONE, today, 7, today), RPS_DUE_SOON); /* due today */
	assert_int_equal(rp_status_of(RS_NONE, today - 1, 7, today), RPS_OVERDUE);
	assert_int_equal(rp_status_of(RS_SUBMITTED, today - 1, 7, today), RPS_SUBMITTED);
	assert_int_equal(rp_status_of(RS_RETURNED, today - 1, 7, today), RPS_RETURNED);
	assert_int_equal(rp_status_of(RS_APPROVED, today - 1, 7, today), RPS_APPROVED);
	assert_string_equal(rp_status_label(RPS_OVERDUE, false), "Quá hạn");

	rp_counts c = {0};
	gn_date due = D(2025, 11, 30);
	rp_counts_add(&c, RS_APPROVED, due, due, today);         /* on time, approved */
	rp_counts_add(&c, RS_SUBMITTED, due, due + 1, today);    /* late, waiting */
	rp_counts_add(&c, RS_RETURNED, due, due - 3, today);     /* on time, returned */
	rp_counts_add(&c, RS_NONE, D(2025, 11, 1), 0, today);    /* missing */
	rp_counts_add(&c, RS_NONE, D(2025, 12, 20), 0, today);   /* upcoming */
	rp_counts_add(&c, RS_SUBMITTED, D(2025, 12, 20), today, today); /* early */
	assert_int_equal(c.expected, 6);
	assert_int_equal(c.upcoming, 1);
	assert_int_equal(c.due, 5);
	assert_int_equal(c.submitted, 4);
	assert_int_equal(c.on_time, 3);
	assert_int_equal(c.late, 1);
	assert_int_equal(c.missing, 1);
	assert_int_equal(c.waiting, 2);
	assert_int_equal(c.returned, 1);
	assert_int_equal(c.approved, 1);
	assert_int_equal(rp_completeness(&c), 8000); /* 4 / 5 = 80.00 % */
	assert_int_equal(rp_timeliness(&c), 6000);   /* 3 / 5 */
	rp_counts z = {0};
	assert_int_equal(rp_completeness(&z), -1);
	rp_counts_sum(&z, &c);
	rp_counts_sum(&z, &c);
	assert_int_equal(z.expected, 12);
	assert_int_equal(rp_timeliness(&z), 6000);
	/* 2 of 3: 66.67 % (half up) */
	rp_counts t = {0};
	rp_counts_add(&t, RS_SUBMITTED, due, due, today);
	rp_counts_add(&t, RS_SUBMITTED, due, due, today);
	rp_counts_add(&t, RS_NONE, due - 30, 0, today);
	assert_int_equal(rp_completeness(&t), 6667);
}

static void test_decisions(void **state)
{
	(void)state;
	gn_date today = D(2025, 12, 31), start = D(2025, 1, 1);
	/* the unit's own officer submits, not the one above */
	assert_int_equal(rp_decide(RPA_SUBMIT, RS_NONE, true, false, start, today), RPR_OK);
	assert_int_equal(rp_decide(RPA_SUBMIT, RS_NONE, false, true, start, today), RPR_ROLE);
	/* twice: waiting already */
	assert_int_equal(rp_decide(RPA_SUBMIT, RS_SUBMITTED, true, false, start, today), RPR_STATE);
	/* a commune officer cannot approve its own report */
	assert_int_equal(rp_decide(RPA_APPROVE, RS_SUBMITTED, true, false, start, today), RPR_ROLE);
	assert_int_equal(rp_decide(RPA_APPROVE, RS_SUBMITTED, false, true, start, today), RPR_OK);
	assert_int_equal(rp_decide(RPA_RETURN, RS_SUBMITTED, false, true, start, today), RPR_OK);
	/* nothing to approve or return before it is (re)submitted */
	assert_int_equal(rp_decide(RPA_APPROVE, RS_NONE, false, true, start, today), RPR_STATE);
	assert_int_equal(rp_decide(RPA_APPROVE, RS_RETURNED, false, true, start, today), RPR_STATE);
	/* returned: resubmit */
	assert_int_equal(rp_decide(RPA_SUBMIT, RS_RETURNED, true, false, start, today), RPR_OK);
	/* approved: locked, whatever the action */
	for (int a = 0; a < RPA_COUNT; a++)
		assert_int_equal(rp_decide((rp_action)a, RS_APPROVED, true, true, start, today),
				 RPR_LOCKED);
	/* a period that has not begun */
	assert_int_equal(rp_decide(RPA_SUBMIT, RS_NONE, true, false, today + 1, today),
			 RPR_NOT_STARTED);
	assert_int_equal(rp_next_state(RPA_RETURN), RS_RETURNED);
	assert_int_equal(rp_next_state(RPA_APPROVE), RS_APPROVED);
	assert_int_equal(rp_next_state(RPA_SUBMIT), RS_SUBMITTED);
	rp_action a;
	assert_true(rp_action_parse("approve", &a));
	assert_int_equal(a, RPA_APPROVE);
	assert_false(rp_action_parse("delete", &a));
	rp_state s;
	assert_true(rp_state_parse("returned", &s));
	assert_int_equal(s, RS_RETURNED);
	assert_false(rp_state_parse("none", &s));
	unsigned lv;
	assert_true(rp_levels_parse("commune; province", 17, &lv));
	assert_int_equal(lv, (1u << LEVEL_COMMUNE) | (1u << LEVEL_PROVINCE));
	assert_false(rp_levels_parse("village", 7, &lv));
	assert_false(rp_levels_parse("", 0, &lv));
	assert_false(rp_levels_parse("commune;", 8, &lv));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_rules_parse),
		cmocka_unit_test(test_due_dates),
		cmocka_unit_test(test_shipped_types),
		cmocka_unit_test(test_types_errors),
		cmocka_unit_test(test_expected_maps),
		cmocka_unit_test(test_local_deadlines),
		cmocka_unit_test(test_adhoc_requests),
		cmocka_unit_test(test_status_and_counts),
		cmocka_unit_test(test_decisions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
