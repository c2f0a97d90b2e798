/* test_calendar.c - working days (core/calendar.h), the holidays file
 * (io/holidays_file.h: the shipped data/holidays/vn.csv and every error
 * rule) and the procedure file (io/procedure_file.h). */
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
#include "core/procedure.h"
#include "io/holidays_file.h"
#include "io/procedure_file.h"

static gn_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
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
	gn_err rc = holidays_load_file(c, buf_cstr(&p), "vn.csv", d);
	for (size_t i = 0; i < diag_count(d); i++)
		print_error("%s:%ld: %s: %s\n", diag_at(d, i)->file, diag_at(d, i)->line,
			    diag_at(d, i)->column, diag_at(d, i)->text);
	assert_int_equal(rc, GN_OK);
	assert_int_equal(diag_errors(d), 0);
	diag_free(d);
	buf_free(&p);
	return c;
}

static void assert_date(gn_date got, gn_date want)
{
	char a[11], b[11];
	date_format_iso(got, a);
	date_format_iso(want, b);
	assert_string_equal(a, b);
}

/* No data: Monday to Friday. */
static void test_weekends_only(void **state)
{
	(void)state;
	calendar *c = cal_new();
	/* 2025-11-14 is a Friday */
	assert_int_equal(date_weekday(D(2025, 11, 14)), 4);
	assert_true(cal_is_working(c, D(2025, 11, 14)));
	assert_false(cal_is_working(c, D(2025, 11, 15)));
	assert_false(cal_is_working(c, D(2025, 11, 16)));
	/* 3 working days after a Friday: Mon, Tue, Wed */
	assert_date(cal_add_working_days(c, D(2025, 11, 14), 3), D(2025, 11, 19));
	/* from a Saturday: Mon, Tue, Wed */
	assert_date(cal_add_working_days(c, D(2025, 11, 15), 3), D(2025, 11, 19));
	/* 1 after Monday is Tuesday; 0 is the day itself; backwards */
	assert_date(cal_add_working_days(c, D(2025, 11, 17), 1), D(2025, 11, 18));
	assert_date(cal_add_working_days(c, D(2025, 11, 16), 0), D(2025, 11, 16));
	assert_date(cal_add_working_days(c, D(2025, 11, 17), -1), D(2025, 11, 14));
	assert_int_equal(cal_working_days_between(c, D(2025, 11, 14), D(2025, 11, 19)), 3);
	assert_int_equal(cal_working_days_between(c, D(2025, 11, 19), D(2025, 11, 14)), 0);
	assert_false(cal_covers(c, 2025));
	/* NULL calendar: weekends only too */
	assert_date(cal_add_working_days(NULL, D(2025, 11, 14), 3), D(2025, 11, 19));
	cal_free(c);
	cal_free(NULL);
}

static void test_add_rules(void **state)
{
	(void)state;
	calendar *c = cal_new();
	assert_int_equal(cal_add(c, D(2025, 9, 2), CAL_HOLIDAY, "Quốc khánh"), GN_OK);
	assert_int_equal(cal_add(c, D(2025, 9, 1), CAL_HOLIDAY, "Quốc khánh"), GN_OK);
	assert_int_equal(cal_add(c, D(2025, 9, 2), CAL_HOLIDAY, "again"), GN_EEXIST);
	/* a make-up day must be a weekend day */
	assert_int_equal(cal_add(c, D(2025, 9, 3), CAL_WORKING_DAY, "x"), GN_EINPUT);
	assert_int_equal(cal_add(c, D(2025, 9, 6), CAL_WORKING_DAY, "làm bù"), GN_OK);
	size_t n;
	const cal_day *days = cal_days(c, &n);
	assert_int_equal(n, 3);
	assert_true(days[0].date < days[1].date && days[1].date < days[2].date);
	assert_string_equal(cal_find(c, D(2025, 9, 2))->name, "Quốc khánh");
	assert_null(cal_find(c, D(2025, 9, 3)));
	assert_true(cal_is_working(c, D(2025, 9, 6)));   /* the make-up Saturday */
	assert_false(cal_is_working(c, D(2025, 9, 7)));  /* Sunday */
	/* 3 working days after Friday 29/8: (Mon 1/9, Tue 2/9 off) Wed 3, Thu 4, Fri 5 */
	assert_date(cal_add_working_days(c, D(2025, 8, 29), 3), D(2025, 9, 5));
	/* 4: the make-up Saturday 6/9 */
	assert_date(cal_add_working_days(c, D(2025, 8, 29), 4), D(2025, 9, 6));
	assert_true(cal_covers(c, 2025));
	assert_false(cal_covers(c, 2024));
	assert_false(cal_covers(c, 2026));
	cal_free(c);
}

/* The shipped file: known dates. */
static void test_vn_file(void **state)
{
	(void)state;
	calendar *c = load_vn();
	for (int y = 2022; y <= 2030; y++)
		assert_true(cal_covers(c, y));
	/* 3 working days after Friday 14/11/2025 (no holiday): Wed 19/11 */
	assert_date(cal_add_working_days(c, D(2025, 11, 14), 3), D(2025, 11, 19));
	/* over Tết Ất Tỵ: Friday 24/1/2025, then 27-31/1 off, weekend, Mon 3/2 .. */
	assert_date(cal_add_working_days(c, D(2025, 1, 24), 3), D(2025, 2, 5));
	/* over New Year 2026: Mon 29/12/2025 -> Tue 30, Wed 31, (Thu 1/1 off) Fri 2/1 */
	assert_date(cal_add_working_days(c, D(2025, 12, 29), 3), D(2026, 1, 2));
	/* the make-up Saturday 26/4/2025 counts; Wed 30/4 - Fri 2/5 are off */
	assert_true(cal_is_working(c, D(2025, 4, 26)));
	assert_date(cal_add_working_days(c, D(2025, 4, 24), 3), D(2025, 4, 28));
	assert_date(cal_add_working_days(c, D(2025, 4, 28), 2), D(2025, 5, 5));
	/* 2024: Monday 29/4 swapped with Saturday 4/5 */
	assert_false(cal_is_working(c, D(2024, 4, 29)));
	assert_true(cal_is_working(c, D(2024, 5, 4)));
	/* Tết Bính Ngọ 2026: 16-20/2 off, so Friday 13/2 + 1 = Monday 23/2 */
	assert_date(cal_add_working_days(c, D(2026, 2, 13), 1), D(2026, 2, 23));
	/* compensatory days: Giỗ Tổ 10/4/2022 was a Sunday -> Monday 11/4 off */
	assert_false(cal_is_working(c, D(2022, 4, 11)));
	/* Quốc khánh 2024: Mon 2/9 and Tue 3/9 */
	assert_false(cal_is_working(c, D(2024, 9, 2)));
	assert_false(cal_is_working(c, D(2024, 9, 3)));
	assert_true(cal_is_working(c, D(2024, 9, 4)));

	/* Lunar new year (mùng 1 Tết), Vietnamese calendar: each year lists it
	 * and at least 5 working days of Tết are off. 2030: 2/2 (UTC+7). */
	static const int tet[][3] = {
		{2022, 2, 1}, {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17},
		{2027, 2, 6}, {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 2},
	};
	for (size_t i = 0; i < sizeof tet / sizeof tet[0]; i++) {
		gn_date t = D(tet[i][0], tet[i][1], tet[i][2]);
		const cal_day *x = cal_find(c, t);
		assert_non_null(x);
		assert_non_null(strstr(x->name, "Tết Nguyên Đán"));
		int off = 0;
		for (gn_date d = t - 10; d <= t + 10; d++) {
			const cal_day *h = cal_find(c, d);
			if (h && h->kind == CAL_HOLIDAY && date_weekday(d) < 5 &&
			    strstr(h->name, "Tết Nguyên Đán"))
				off++;
		}
		assert_true(off >= 5);
		/* computed years say so */
		if (tet[i][0] >= 2027)
			assert_non_null(strstr(x->name, "(dự kiến)"));
		else
			assert_null(strstr(x->name, "(dự kiến)"));
	}
	/* Giỗ Tổ Hùng Vương (10/3 âm lịch) */
	static const int hung[][3] = {
		{2022, 4, 10}, {2023, 4, 29}, {2024, 4, 18}, {2025, 4, 7}, {2026, 4, 26},
		{2027, 4, 16}, {2028, 4, 4}, {2029, 4, 23}, {2030, 4, 12},
	};
	for (size_t i = 0; i < sizeof hung / sizeof hung[0]; i++) {
		const cal_day *x = cal_find(c, D(hung[i][0], hung[i][1], hung[i][2]));
		assert_non_null(x);
		assert_non_null(strstr(x->name, "Giỗ Tổ Hùng Vương"));
	}
	/* fixed days every year */
	for (int y = 2022; y <= 2030; y++) {
		assert_non_null(cal_find(c, D(y, 1, 1)));
		assert_non_null(cal_find(c, D(y, 4, 30)));
		assert_non_null(cal_find(c, D(y, 5, 1)));
		assert_non_null(cal_find(c, D(y, 9, 2)));
	}
	cal_free(c);
}

static void expect_error(const char *text, long line, const char *column, const char *needle)
{
	calendar *c = cal_new();
	gn_diag *d = diag_new(20);
	assert_int_equal(holidays_parse(c, "h.csv", text, strlen(text), d), GN_EINPUT);
	bool found = false;
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->line == line && strcmp(it->column, column) == 0 &&
		    strstr(it->text, needle) && strcmp(it->file, "h.csv") == 0)
			found = true;
	}
	if (!found)
		for (size_t i = 0; i < diag_count(d); i++)
			print_error("got %s:%ld: column %s: %s\n", diag_at(d, i)->file,
				    diag_at(d, i)->line, diag_at(d, i)->column, diag_at(d, i)->text);
	assert_true(found);
	diag_free(d);
	cal_free(c);
}

static void test_holiday_errors(void **state)
{
	(void)state;
	const char *hdr = "date,name,kind\n";
	char text[512];
	snprintf(text, sizeof text, "%s2025-01-01,Tết Dương lịch,holiday\n2025-02-30,X,holiday\n", hdr);
	expect_error(text, 3, "date", "expected a date");
	snprintf(text, sizeof text, "%s2025-01-01,,holiday\n", hdr);
	expect_error(text, 2, "name", "empty");
	snprintf(text, sizeof text, "%s2025-01-01,X,vacation\n", hdr);
	expect_error(text, 2, "kind", "holiday or working_day");
	snprintf(text, sizeof text, "%s2025-04-28,X,working_day\n", hdr);
	expect_error(text, 2, "kind", "Saturday or Sunday");
	snprintf(text, sizeof text, "%s2025-01-01,X,holiday\n01/01/2025,Y,holiday\n", hdr);
	expect_error(text, 3, "date", "listed twice");
	expect_error("date,name\n2025-01-01,X\n", 1, "kind", "");
	expect_error("", 1, "", "empty");
	snprintf(text, sizeof text, "%s2025-01-01,X\n", hdr);
	expect_error(text, 2, "kind", "missing");

	/* the good rows of a bad file are still read; a note column is fine */
	calendar *c = cal_new();
	gn_diag *d = diag_new(20);
	const char *ok = "name,kind,date,note\nA,holiday,2025-01-01,\"x, y\"\nB,bad,2025-01-02,\n";
	assert_int_equal(holidays_parse(c, "h.csv", ok, strlen(ok), d), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_non_null(cal_find(c, D(2025, 1, 1)));
	diag_free(d);
	cal_free(c);
}

static void test_procedure_file(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/review/procedure.csv", data);
	review_procedure pr, def;
	procedure_defaults(&def);
	memset(&pr, 0, sizeof pr);
	gn_diag *d = diag_new(20);
	assert_int_equal(procedure_load_file(buf_cstr(&p), "procedure.csv", d, &pr), GN_OK);
	assert_int_equal(pr.posting_days, 3);
	assert_int_equal(memcmp(&pr, &def, sizeof pr), 0); /* defaults = the shipped file */
	assert_true(procedure_meeting_passes(&pr, 40, 20));
	assert_false(procedure_meeting_passes(&pr, 41, 20));
	assert_true(procedure_meeting_passes(&pr, 41, 21));
	assert_false(procedure_meeting_passes(&pr, 0, 0));
	buf_free(&p);

	const char *bad = "key,value\nposting_working_days,0\nfoo,1\nperiodic_start,13-01\n"
			  "posting_working_days,3\n";
	review_procedure keep = def;
	diag_clear(d);
	assert_int_equal(procedure_parse("p.csv", bad, strlen(bad), d, &keep), GN_EINPUT);
	assert_int_equal(memcmp(&keep, &def, sizeof keep), 0);
	bool zero = false, unknown = false, md = false, twice = false, missing = false;
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		zero |= it->line == 2 && strcmp(it->column, "value") == 0;
		unknown |= it->line == 3 && strstr(it->text, "unknown key") != NULL;
		md |= it->line == 4 && strstr(it->text, "MM-DD") != NULL;
		twice |= it->line == 5 && strstr(it->text, "twice") != NULL;
		missing |= strstr(it->text, "regular_review_day is missing") != NULL;
	}
	assert_true(zero && unknown && md && twice && missing);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekends_only),
		cmocka_unit_test(test_add_rules),
		cmocka_unit_test(test_vn_file),
		cmocka_unit_test(test_holiday_errors),
		cmocka_unit_test(test_procedure_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
