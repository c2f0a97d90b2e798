/* test_value.c - typed values of the interchange formats (src/io/value.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "core/date.h"
#include "io/value.h"

#define S(s) (s), strlen(s)

static void test_bool(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"1", "true", "TRUE", "True", "x", "X",
		"c\xC3\xB3",	/* có */
		"C\xC3\xB3",	/* Có */
		"C\xC3\x93",	/* CÓ */
		"co\xCC\x81",	/* có, NFD */
		"CO\xCC\x81",	/* CÓ, NFD */
	};
	static const char *const no[] = {
		"0", "false", "FALSE", "fAlSe", "",
		"kh\xC3\xB4ng",	  /* không */
		"Kh\xC3\xB4ng",	  /* Không */
		"KH\xC3\x94NG",	  /* KHÔNG */
		"kho\xCC\x82ng",  /* không, NFD */
		"KHO\xCC\x82NG",  /* KHÔNG, NFD */
	};
	static const char *const bad[] = {
		"2", "01", " 1", "1 ", "yes", "no", "t", "f", "xx", "truee",
		"co", "khong", "c\xC3\xB2", /* cò */
		"kh\xC3\xB3ng", "c\xC3\xB3 ", "c\xC3", "\xFF",
		"kho\xCC\x82ng\xCC\x81", "aaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
	};
	bool v;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		v = false;
		if (!val_bool(S(yes[i]), &v) || !v)
			fail_msg("yes[%zu] \"%s\"", i, yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		v = true;
		if (!val_bool(S(no[i]), &v) || v)
			fail_msg("no[%zu] \"%s\"", i, no[i]);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_bool(S(bad[i]), &v))
			fail_msg("bad[%zu] \"%s\" accepted", i, bad[i]);
	/* The length is what counts, not a NUL. */
	assert_true(val_bool("1junk", 1, &v) && v);
	assert_false(val_bool("1\0", 2, &v));
}

static void test_count(void **state)
{
	(void)state;
	int64_t v;
	assert_true(val_count(S("0"), 10, &v) && v == 0);
	assert_true(val_count(S("4"), 100, &v) && v == 4);
	assert_true(val_count(S("007"), 100, &v) && v == 7);
	assert_true(val_count(S("100"), 100, &v) && v == 100);
	assert_false(val_count(S("101"), 100, &v));
	assert_true(val_count(S("9223372036854775807"), INT64_MAX, &v) &&
		    v == INT64_MAX);
	assert_false(val_count(S("9223372036854775808"), INT64_MAX, &v));
	assert_false(val_count(S("99999999999999999999999"), INT64_MAX, &v));
	assert_false(val_count(S("1000000000000000000000000000001"), INT64_MAX,
			       &v));
	static const char *const bad[] = {"", " 1", "1 ", "+1", "-1", "1.0",
					  "1,000", "1.000", "1e3", "0x10",
					  "\xD9\xA1" /* Arabic-Indic 1 */};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_count(S(bad[i]), INT64_MAX, &v))
			fail_msg("\"%s\" accepted", bad[i]);
	assert_false(val_count(S("0"), -1, &v));
	assert_true(val_count(S("0"), 0, &v) && v == 0);
	assert_false(val_count(S("1"), 0, &v));
}

static void test_money(void **state)
{
	(void)state;
	int64_t v;
	static const struct {
		const char *s;
		int64_t v;
	} good[] = {
		{"0", 0},
		{"1800000", 1800000},
		{"2.481.000.000", 2481000000},
		{"1.000", 1000},
		{"12.345", 12345},
		{"123.456.789", 123456789},
		{"999", 999},
		{"0.500", 500},
		{"9223372036854775807", INT64_MAX},
		{"9.223.372.036.854.775.807", INT64_MAX},
		{"0000000000000000000000001", 1},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (!val_money(S(good[i].s), &v))
			fail_msg("\"%s\" refused", good[i].s);
		assert_int_equal(v, good[i].v);
	}
	static const char *const bad[] = {
		"", ".", "2.48.1", "1.0000", "1.00", "1.0", "1234.567",
		"1.000.00", "1..000", ".000", "1.000.", "1.", "2,481,000",
		"1 000", " 1", "1 ", "-1", "+1", "1.000,5", "1.a00",
		"9223372036854775808", "9.223.372.036.854.775.808",
		"99.999.999.999.999.999.999", "1e6",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_money(S(bad[i]), &v))
			fail_msg("\"%s\" accepted", bad[i]);
}

static void test_decimal(void **state)
{
	(void)state;
	int64_t v;
	assert_true(val_decimal(S("120.5"), 4, &v) && v == 1205000);
	assert_true(val_decimal(S("120"), 4, &v) && v == 1200000);
	assert_true(val_decimal(S("120.5000"), 4, &v) && v == 1205000);
	assert_true(val_decimal(S(".5"), 2, &v) && v == 50);
	assert_true(val_decimal(S("0.01"), 2, &v) && v == 1);
	assert_true(val_decimal(S("7"), 0, &v) && v == 7);
	assert_true(val_decimal(S("0"), 18, &v) && v == 0);
	assert_true(val_decimal(S("9.223372036854775807"), 18, &v) &&
		    v == INT64_MAX);
	assert_true(val_decimal(S("922337203685477580.7"), 1, &v) &&
		    v == INT64_MAX);
	assert_false(val_decimal(S("922337203685477580.8"), 1, &v));
	assert_false(val_decimal(S("9.223372036854775808"), 18, &v));
	assert_false(val_decimal(S("10"), 18, &v));
	assert_false(val_decimal(S("99999999999999999999"), 0, &v));
	assert_false(val_decimal(S("120.12345"), 4, &v));
	assert_false(val_decimal(S("1.5"), 0, &v));
	assert_false(val_decimal(S("1"), 19, &v));
	assert_false(val_decimal(S("1"), -1, &v));
	static const char *const bad[] = {"", ".", "1.", "-1", "+1", " 1",
					  "1 ", "1,5", "1.2.3", "1e2", "..5",
					  "1.000.000"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_decimal(S(bad[i]), 4, &v))
			fail_msg("\"%s\" accepted", bad[i]);
}

static void test_share(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int64_t num, den;
	} good[] = {
		{"0", 0, 1},	 {"1", 1, 1},	    {"0.35", 7, 20},
		{".5", 1, 2},	 {"0.5", 1, 2},	    {"1.0", 1, 1},
		{"1.000", 1, 1}, {"0.000", 0, 1},   {"0.125", 1, 8},
		{"00.25", 1, 4}, {"0.333", 333, 1000},
		{"0.000000000000000001", 1, 1000000000000000000},
		{"0.5000000000000000000000", 1, 2},
		{"1.00000000000000000000000", 1, 1},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t num = -1, den = -1;
		if (!val_share(S(good[i].s), &num, &den))
			fail_msg("\"%s\" refused", good[i].s);
		assert_int_equal(num, good[i].num);
		assert_int_equal(den, good[i].den);
	}
	static const char *const bad[] = {
		"", ".", "1.", "-0.5", "1.01", "2", "10", "1.0000000000000000000001",
		"0.1234567890123456789", "99999999999999999999", "0,5", " 0.5",
		"0.5 ", "1/2", "50%",
	};
	int64_t num, den;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_share(S(bad[i]), &num, &den))
			fail_msg("\"%s\" accepted", bad[i]);
}

static void date_is(const char *s, int y, int m, int d)
{
	gn_date t;
	if (!val_date(S(s), &t))
		fail_msg("\"%s\" refused", s);
	assert_int_equal(t, date_from_ymd(y, m, d));
}

static void test_date(void **state)
{
	(void)state;
	date_is("2024-02-29", 2024, 2, 29);
	date_is("29/02/2024", 2024, 2, 29);
	date_is("2000-02-29", 2000, 2, 29);
	date_is("1/7/2025", 2025, 7, 1);
	date_is("01/07/2025", 2025, 7, 1);
	date_is("9/12/2023", 2023, 12, 9);
	date_is("31/1/2023", 2023, 1, 31);
	date_is("1970-01-01", 1970, 1, 1);
	static const char *const bad[] = {
		"2023-02-29", "29/02/2023", "1900-02-29", "29/02/2100",
		"2024-13-01", "2024-00-10", "2024-04-31", "31/04/2024",
		"2024-1-05",  "2024/01/05", "05-01-2024", "",
		"001/01/2024", "01/001/2024", "1/1/24", "1/1/02024",
		" 2024-01-05", "2024-01-05 ", "//2024", "1//2024",
		"2024-01-5x", "aa/bb/cccc", "0/1/2024", "1/0/2024",
	};
	gn_date t;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_date(S(bad[i]), &t))
			fail_msg("\"%s\" accepted", bad[i]);
}

static void test_year(void **state)
{
	(void)state;
	int y = 0;
	assert_true(val_year(S("2024"), &y) && y == 2024);
	assert_true(val_year(S("1900"), &y) && y == 1900);
	assert_true(val_year(S("2199"), &y) && y == 2199);
	static const char *const bad[] = {"1899", "2200", "9999", "0000",
					  "202", "20245", "02024", "", " 2024",
					  "2024 ", "-2024", "2O24"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (val_year(S(bad[i]), &y))
			fail_msg("\"%s\" accepted", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bool),	cmocka_unit_test(test_count),
		cmocka_unit_test(test_money),	cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_share),	cmocka_unit_test(test_date),
		cmocka_unit_test(test_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
