/* test_base.c - buf, date, diag, strmap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/strmap.h"

static void test_buf(void **state)
{
	(void)state;
	buf b;
	buf_init(&b, 16);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(buf_puts(&b, "abc"), GN_OK);
	assert_int_equal(buf_printf(&b, "-%d-", 42), GN_OK);
	assert_string_equal(buf_cstr(&b), "abc-42-");
	assert_int_equal(buf_put_i64(&b, -9), GN_OK);
	assert_string_equal(buf_cstr(&b), "abc-42--9");
	/* the cap: 16 bytes at most */
	assert_int_equal(buf_puts(&b, "1234567"), GN_OK);
	assert_int_equal(buf_putc(&b, 'x'), GN_ENOMEM);
	assert_int_equal(b.len, 16);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	buf_free(&b);
	buf_init(&b, 0);
	buf_put_i64(&b, INT64_MIN);
	assert_string_equal(buf_cstr(&b), "-9223372036854775808");
	buf_free(&b);
	buf_free(NULL);
}

static void test_dates(void **state)
{
	(void)state;
	gn_date d;
	assert_true(date_parse("1970-01-01", 10, &d));
	assert_int_equal(d, 0);
	assert_true(date_parse("20/05/2024", 10, &d));
	char s[11];
	date_format_iso(d, s);
	assert_string_equal(s, "2024-05-20");
	date_format_vn(d, s);
	assert_string_equal(s, "20/05/2024");
	assert_true(date_parse("1/7/2025", 8, &d));
	date_format_iso(d, s);
	assert_string_equal(s, "2025-07-01");
	assert_true(date_parse("29/02/2024", 10, &d));
	assert_false(date_parse("29/02/2023", 10, &d));
	assert_false(date_parse("2024-13-01", 10, &d));
	assert_false(date_parse("2024-1-01", 9, &d));
	assert_false(date_parse("", 0, &d));
	assert_false(date_parse("31/04/2024", 10, &d));
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 21)), 5); /* Saturday */
	assert_int_equal(date_year_end(2024) - date_from_ymd(2024, 1, 1), 365);
	int y, m, dd;
	date_to_ymd(date_from_ymd(1900, 3, 1), &y, &m, &dd);
	assert_int_equal(y * 10000 + m * 100 + dd, 19000301);
}

static void test_diag(void **state)
{
	(void)state;
	gn_diag *d = diag_new(2);
	diag_error(d, "households.csv", 17, "d_water", "expected 0 or 1, got \"%s\"", "2");
	diag_warn(d, "units.csv", 1, "extra", "unknown column, ignored");
	diag_error(d, "x.csv", 3, "", "third");
	assert_int_equal(diag_errors(d), 2);
	assert_int_equal(diag_count(d), 2);
	assert_true(diag_truncated(d));
	const diag_item *it = diag_at(d, 0);
	assert_string_equal(it->file, "households.csv");
	assert_int_equal(it->line, 17);
	assert_string_equal(it->column, "d_water");
	assert_string_equal(it->text, "expected 0 or 1, got \"2\"");
	assert_int_equal(diag_at(d, 1)->kind, DIAG_WARNING);
	diag_free(d);
}

static void test_strmap(void **state)
{
	(void)state;
	strmap *m = strmap_new(1);
	bool added;
	char key[32];
	for (int i = 0; i < 10000; i++) {
		int n = snprintf(key, sizeof key, "H%05d", i);
		assert_int_equal(strmap_intern(m, key, (size_t)n, &added), i);
		assert_true(added);
	}
	assert_int_equal(strmap_intern(m, "H00042", 6, &added), 42);
	assert_false(added);
	assert_int_equal(strmap_find(m, "H00042", 6), 42);
	assert_int_equal(strmap_find(m, "H0004", 5), -1);
	assert_int_equal(strmap_find(m, "", 0), -1);
	size_t n;
	assert_string_equal(strmap_key(m, 9999, &n), "H09999");
	assert_int_equal(n, 6);
	assert_int_equal(strmap_count(m), 10000);
	/* keys with the same prefix and embedded bytes differ */
	int32_t a = strmap_intern(m, "a\0b", 3, NULL);
	int32_t b = strmap_intern(m, "a\0c", 3, NULL);
	assert_int_not_equal(a, b);
	strmap_free(m);
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(gn_strerror(GN_OK), "success");
	assert_string_equal(gn_strerror(GN_EINPUT), "bad input");
	assert_string_equal(gn_strerror((gn_err)999), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_diag),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
