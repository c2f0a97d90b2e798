/* test_units.c - units with history, checks, maps as of a date, lineage
 * carrying, split allocation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/rollup.h"
#include "core/units.h"

static gn_date D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void add(unit_set *u, const char *code, const char *parent,
		unit_level level, unit_type type, int urban, gn_date from,
		gn_date to, long line)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = type, .urban = (int8_t)urban,
		.from = from, .to = to, .name = code, .line = line,
	};
	units_add_version(u, &v);
}

static void link(unit_set *u, const char *old, const char *neu, gn_date d,
		 int64_t num, int64_t den, long line)
{
	lineage l = {units_intern(u, old, strlen(old)),
		     units_intern(u, neu, strlen(neu)), d, {num, den}, line};
	units_add_lineage(u, &l);
}

#define ALWAYS GN_DATE_MIN, GN_DATE_MAX
#define OLD GN_DATE_MIN, D(2025, 6, 30)
#define NEW D(2025, 7, 1), GN_DATE_MAX

/* A small country: the 2024 map has a district; on 1 July 2025 00002 merges
 * into 00001 (which keeps its code), 00003 splits 3/5 : 2/5. */
static unit_set *country(void)
{
	unit_set *u = units_new();
	add(u, "VN", NULL, LEVEL_COUNTRY, UTYPE_NONE, -1, ALWAYS, 2);
	add(u, "01", "VN", LEVEL_PROVINCE, UTYPE_THANH_PHO, -1, ALWAYS, 3);
	add(u, "001", "01", LEVEL_DISTRICT, UTYPE_QUAN, -1, OLD, 4);
	add(u, "00001", "001", LEVEL_COMMUNE, UTYPE_PHUONG, -1, OLD, 5);
	add(u, "00002", "001", LEVEL_COMMUNE, UTYPE_XA, -1, OLD, 6);
	add(u, "00003", "001", LEVEL_COMMUNE, UTYPE_XA, 1, OLD, 7);
	add(u, "00001", "01", LEVEL_COMMUNE, UTYPE_XA, -1, NEW, 8);
	add(u, "00010", "01", LEVEL_COMMUNE, UTYPE_PHUONG, -1, NEW, 9);
	add(u, "00011", "01", LEVEL_COMMUNE, UTYPE_XA, -1, NEW, 10);
	add(u, "T1", "00011", LEVEL_VILLAGE, UTYPE_THON, -1, NEW, 11);
	add(u, "T2", "00010", LEVEL_VILLAGE, UTYPE_THON, -1, NEW, 12);
	link(u, "00002", "00001", D(2025, 7, 1), 1, 1, 2);
	link(u, "00003", "00010", D(2025, 7, 1), 3, 5, 3);
	link(u, "00003", "00011", D(2025, 7, 1), 2, 5, 4);
	return u;
}

static int32_t C(const unit_set *u, const char *code)
{
	return units_find(u, code, strlen(code));
}

static void test_versions_and_area(void **state)
{
	(void)state;
	unit_set *u = country();
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);
	assert_int_equal(diag_errors(d), 0);
	int32_t c1 = C(u, "00001");
	const unit_version *v = units_at(u, c1, D(2024, 12, 31));
	assert_non_null(v);
	assert_int_equal(v->level, LEVEL_COMMUNE);
	assert_int_equal(v->parent, C(u, "001"));
	v = units_at(u, c1, D(2025, 7, 1));
	assert_int_equal(v->parent, C(u, "01"));
	assert_null(units_at(u, C(u, "00002"), D(2025, 7, 1)));
	/* nearest: 00002 on 31/12/2025 is its last version */
	assert_int_equal(units_nearest(u, C(u, "00002"), D(2025, 12, 31))->line, 6);
	/* area by type on the version of the date; explicit urban wins */
	assert_true(units_urban(u, c1, D(2024, 12, 31)));  /* phuong */
	assert_false(units_urban(u, c1, D(2025, 12, 31))); /* xa */
	assert_true(units_urban(u, C(u, "00003"), D(2024, 12, 31))); /* urban=1 */
	/* a village takes its commune's area */
	assert_false(units_urban(u, C(u, "T1"), D(2025, 12, 31)));
	assert_true(units_urban(u, C(u, "T2"), D(2025, 12, 31)));
	assert_true(units_holds_households(u, C(u, "T1")));
	assert_false(units_holds_households(u, C(u, "001")));
	diag_free(d);
	units_free(u);
}

static void test_check_errors(void **state)
{
	(void)state;
	/* overlapping versions of one code */
	unit_set *u = units_new();
	add(u, "01", NULL, LEVEL_PROVINCE, UTYPE_TINH, -1, ALWAYS, 2);
	add(u, "00001", "01", LEVEL_COMMUNE, UTYPE_XA, -1, GN_DATE_MIN, D(2025, 7, 1), 3);
	add(u, "00001", "01", LEVEL_COMMUNE, UTYPE_XA, -1, D(2025, 7, 1), GN_DATE_MAX, 4);
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_int_equal(diag_at(d, 0)->line, 4);
	assert_string_equal(diag_at(d, 0)->column, "valid_from");
	units_free(u);
	diag_clear(d);

	/* a parent that ceases before its child */
	u = units_new();
	add(u, "01", NULL, LEVEL_PROVINCE, UTYPE_TINH, -1, ALWAYS, 2);
	add(u, "001", "01", LEVEL_DISTRICT, UTYPE_HUYEN, -1, OLD, 3);
	add(u, "00001", "001", LEVEL_COMMUNE, UTYPE_XA, -1, ALWAYS, 4);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_EINPUT);
	assert_int_equal(diag_at(d, 0)->line, 4);
	assert_string_equal(diag_at(d, 0)->column, "parent_code");
	assert_non_null(strstr(diag_at(d, 0)->text, "2025-07-01"));
	units_free(u);
	diag_clear(d);

	/* a parent that is not above the child; an unknown parent; no parent */
	u = units_new();
	add(u, "01", NULL, LEVEL_PROVINCE, UTYPE_TINH, -1, ALWAYS, 2);
	add(u, "00001", "01", LEVEL_COMMUNE, UTYPE_XA, -1, ALWAYS, 3);
	add(u, "00002", "00001", LEVEL_COMMUNE, UTYPE_XA, -1, ALWAYS, 4);
	add(u, "00003", "99", LEVEL_COMMUNE, UTYPE_XA, -1, ALWAYS, 5);
	add(u, "00004", NULL, LEVEL_COMMUNE, UTYPE_XA, -1, ALWAYS, 6);
	link(u, "00001", "77777", D(2025, 7, 1), 1, 1, 2);
	link(u, "00002", "00001", D(2025, 7, 1), 2, 3, 3);
	link(u, "00002", "00003", D(2025, 7, 1), 2, 3, 4);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_EINPUT);
	assert_int_equal(diag_errors(d), 5);
	bool seen[7] = {0};
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (strcmp(it->file, "units.csv") == 0)
			seen[it->line] = true;
		else
			assert_string_equal(it->file, "lineage.csv");
	}
	assert_true(seen[4] && seen[5] && seen[6]);
	units_free(u);
	diag_free(d);
}

static void test_maps(void **state)
{
	(void)state;
	unit_set *u = country();
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);

	unit_map *m = unit_map_new(u, D(2024, 12, 31));
	size_t n;
	const int32_t *dist = unit_map_units(m, LEVEL_DISTRICT, &n);
	assert_int_equal(n, 1);
	assert_int_equal(dist[0], C(u, "001"));
	unit_map_units(m, LEVEL_COMMUNE, &n);
	assert_int_equal(n, 3);
	assert_int_equal(unit_map_ancestor(m, C(u, "00003"), LEVEL_DISTRICT), C(u, "001"));
	assert_int_equal(unit_map_ancestor(m, C(u, "00003"), LEVEL_PROVINCE), C(u, "01"));
	assert_int_equal(unit_map_ancestor(m, C(u, "00003"), LEVEL_COMMUNE), C(u, "00003"));
	/* 2025 communes do not exist yet and lineage after the date is unused */
	unit_map_dest(m, C(u, "00010"), &n);
	assert_int_equal(n, 0);
	unit_map_free(m);

	m = unit_map_new(u, D(2025, 12, 31));
	unit_map_units(m, LEVEL_DISTRICT, &n);
	assert_int_equal(n, 0);
	const int32_t *com = unit_map_units(m, LEVEL_COMMUNE, &n);
	assert_int_equal(n, 3);
	assert_string_equal(units_code(u, com[0]), "00001");
	assert_string_equal(units_code(u, com[2]), "00011");
	/* 00001 exists on both maps: it stays itself */
	const unit_dest *ds = unit_map_dest(m, C(u, "00001"), &n);
	assert_int_equal(n, 1);
	assert_int_equal(ds[0].code, C(u, "00001"));
	ds = unit_map_dest(m, C(u, "00002"), &n);
	assert_int_equal(n, 1);
	assert_int_equal(ds[0].code, C(u, "00001"));
	ds = unit_map_dest(m, C(u, "00003"), &n);
	assert_int_equal(n, 2);
	assert_int_equal(ds[0].code, C(u, "00010"));
	assert_int_equal(ds[0].share.num * 5, ds[0].share.den * 3);
	assert_int_equal(ds[1].code, C(u, "00011"));
	/* a district's data cannot be placed on the 2025 map */
	unit_map_dest(m, C(u, "001"), &n);
	assert_int_equal(n, 0);
	assert_int_equal(unit_map_ancestor(m, C(u, "T1"), LEVEL_PROVINCE), C(u, "01"));
	unit_map_free(m);
	diag_free(d);
	units_free(u);
}

static void test_recursive_lineage(void **state)
{
	(void)state;
	/* A -> B on 2020-01-01 (share 1/2), B -> C and D on 2024-01-01 (1/3, 2/3). */
	unit_set *u = units_new();
	add(u, "01", NULL, LEVEL_PROVINCE, UTYPE_TINH, -1, ALWAYS, 2);
	add(u, "A", "01", LEVEL_COMMUNE, UTYPE_XA, -1, GN_DATE_MIN, D(2019, 12, 31), 3);
	add(u, "B", "01", LEVEL_COMMUNE, UTYPE_XA, -1, GN_DATE_MIN, D(2023, 12, 31), 4);
	add(u, "C", "01", LEVEL_COMMUNE, UTYPE_XA, -1, D(2024, 1, 1), GN_DATE_MAX, 5);
	add(u, "D", "01", LEVEL_COMMUNE, UTYPE_XA, -1, D(2024, 1, 1), GN_DATE_MAX, 6);
	link(u, "A", "B", D(2020, 1, 1), 1, 2, 2);
	link(u, "B", "C", D(2024, 1, 1), 1, 3, 3);
	link(u, "B", "D", D(2024, 1, 1), 2, 3, 4);
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "u", "l", d), GN_OK);
	unit_map *m = unit_map_new(u, D(2024, 6, 1));
	size_t n;
	const unit_dest *ds = unit_map_dest(m, C(u, "A"), &n);
	assert_int_equal(n, 2);
	assert_int_equal(ds[0].share.num, 1);
	assert_int_equal(ds[0].share.den, 6);
	assert_int_equal(ds[1].share.num, 1);
	assert_int_equal(ds[1].share.den, 3);
	/* 12 households of A: C gets floor(12/6 + 1/2) = 2, D gets up to
	 * floor(12 * 1/2 + 1/2) = 6; the other 6 cannot be placed. */
	uint64_t b[2];
	unit_split_bounds(12, ds, 2, b);
	assert_int_equal(b[0], 2);
	assert_int_equal(b[1], 6);
	unit_map_free(m);
	/* On 2022-06-01, A is carried only to B. */
	m = unit_map_new(u, D(2022, 6, 1));
	ds = unit_map_dest(m, C(u, "A"), &n);
	assert_int_equal(n, 1);
	assert_int_equal(ds[0].code, C(u, "B"));
	unit_map_free(m);
	diag_free(d);
	units_free(u);
}

static void test_split_bounds(void **state)
{
	(void)state;
	/* 0.35 is not exact in binary; the rule must be computed exactly:
	 * n = 10, C_1 = 0.35: B_1 = floor(3.5 + 0.5) = 4. */
	unit_dest ds[2] = {{0, {7, 20}}, {1, {13, 20}}};
	uint64_t b[2];
	unit_split_bounds(10, ds, 2, b);
	assert_int_equal(b[0], 4);
	assert_int_equal(b[1], 10);
	unit_split_bounds(0, ds, 2, b);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 0);
	unit_dest three[3] = {{0, {1, 3}}, {1, {1, 3}}, {2, {1, 3}}};
	uint64_t b3[3];
	unit_split_bounds(5, three, 3, b3);
	/* floor(5/3 + 1/2) = 2, floor(10/3 + 1/2) = 3, 5 */
	assert_int_equal(b3[0], 2);
	assert_int_equal(b3[1], 3);
	assert_int_equal(b3[2], 5);
}

static void put(void *ctx, int32_t dest, int64_t part)
{
	int64_t *acc = ctx;
	acc[dest] += part;
}

static void test_place_count(void **state)
{
	(void)state;
	unit_set *u = country();
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);
	unit_map *m = unit_map_new(u, D(2025, 12, 31));
	int64_t acc[32] = {0};
	/* 00003's 101 households: 00010 gets floor(60.6 + .5) = 61, 00011 40 */
	assert_int_equal(rollup_place_count(m, C(u, "00003"), 101, put, acc), 0);
	assert_int_equal(acc[C(u, "00010")], 61);
	assert_int_equal(acc[C(u, "00011")], 40);
	assert_int_equal(rollup_place_count(m, C(u, "001"), 7, put, acc), 7);
	unit_map_free(m);
	diag_free(d);
	units_free(u);
}

static void test_rates(void **state)
{
	(void)state;
	assert_int_equal(rate_hundredths(1, 3), 3333);    /* 33.333 */
	assert_int_equal(rate_hundredths(2, 3), 6667);    /* 66.667 */
	assert_int_equal(rate_hundredths(1, 8), 1250);    /* 12.5 */
	assert_int_equal(rate_hundredths(1, 80000), 0);   /* 0.00125 -> 0.00 */
	assert_int_equal(rate_hundredths(1, 20000), 1);   /* 0.005 -> 0.01 half up */
	assert_int_equal(rate_hundredths(1, 40000), 0);   /* 0.0025 -> 0.00 */
	assert_int_equal(rate_hundredths(3, 40000), 1);   /* 0.0075 -> 0.01 */
	assert_int_equal(rate_hundredths(5, 0), 0);
	assert_int_equal(rate_hundredths(7, 7), 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_versions_and_area),
		cmocka_unit_test(test_check_errors),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_recursive_lineage),
		cmocka_unit_test(test_split_bounds),
		cmocka_unit_test(test_place_count),
		cmocka_unit_test(test_rates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
