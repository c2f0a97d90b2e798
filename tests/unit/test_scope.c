/* test_scope.c - a user's scope (unit, subtree on today's map, lineage
 * carried into it) and the role table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "api/roles.h"
#include "api/scope.h"
#include "core/units.h"

static gn_date D(int y, int m, int d) { return date_from_ymd(y, m, d); }

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

static void link(unit_set *u, const char *old, const char *neu, gn_date d, int64_t num,
		 int64_t den)
{
	lineage l = {units_intern(u, old, strlen(old)), units_intern(u, neu, strlen(neu)), d,
		     {num, den}, 1};
	units_add_lineage(u, &l);
}

#define ALWAYS GN_DATE_MIN, GN_DATE_MAX
#define OLD GN_DATE_MIN, D(2025, 6, 30)
#define NEW D(2025, 7, 1), GN_DATE_MAX

/* Province 01 with district 001 (until mid 2025) over communes 00001..3;
 * in July 2025 00002 merges into 00001, 00003 splits into 00010/00011;
 * province 02 has commune 00020 with village V20. */
static unit_set *country(void)
{
	unit_set *u = units_new();
	add(u, "01", NULL, LEVEL_PROVINCE, ALWAYS);
	add(u, "02", NULL, LEVEL_PROVINCE, ALWAYS);
	add(u, "001", "01", LEVEL_DISTRICT, OLD);
	add(u, "00001", "001", LEVEL_COMMUNE, OLD);
	add(u, "00002", "001", LEVEL_COMMUNE, OLD);
	add(u, "00003", "001", LEVEL_COMMUNE, OLD);
	add(u, "00001", "01", LEVEL_COMMUNE, NEW);
	add(u, "00010", "01", LEVEL_COMMUNE, NEW);
	add(u, "00011", "01", LEVEL_COMMUNE, NEW);
	add(u, "V11", "00011", LEVEL_VILLAGE, NEW);
	add(u, "00020", "02", LEVEL_COMMUNE, ALWAYS);
	add(u, "V20", "00020", LEVEL_VILLAGE, ALWAYS);
	link(u, "00002", "00001", D(2025, 7, 1), 1, 1);
	link(u, "00003", "00010", D(2025, 7, 1), 3, 5);
	link(u, "00003", "00011", D(2025, 7, 1), 2, 5);
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);
	diag_free(d);
	return u;
}

static bool has(const scope *s, const unit_set *u, const char *code)
{
	return scope_has_code(s, u, code);
}

static void test_scope(void **state)
{
	(void)state;
	unit_set *u = country();
	unit_map *m = unit_map_new(u, D(2025, 12, 31));

	/* A commune formed by a merge sees its own and the merged one's data. */
	scope *s = scope_new(u, m, units_find(u, "00001", 5));
	assert_true(has(s, u, "00001"));
	assert_true(has(s, u, "00002"));
	assert_false(has(s, u, "00003"));
	assert_false(has(s, u, "00010"));
	assert_false(has(s, u, "01"));
	assert_false(has(s, u, "001"));
	assert_false(has(s, u, "00020"));
	assert_false(has(s, u, "nope"));
	assert_int_equal(scope_count(s), 2);
	scope_free(s);

	/* A split commune is seen from each successor; villages come along. */
	s = scope_new(u, m, units_find(u, "00011", 5));
	assert_true(has(s, u, "00011"));
	assert_true(has(s, u, "V11"));
	assert_true(has(s, u, "00003"));
	assert_false(has(s, u, "00001"));
	assert_false(has(s, u, "V20"));
	scope_free(s);

	/* A province sees its whole subtree, old and new, and nothing else. */
	s = scope_new(u, m, units_find(u, "01", 2));
	const char *in[] = {"01", "00001", "00002", "00003", "00010", "00011", "V11"};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		assert_true(has(s, u, in[i]));
	assert_false(has(s, u, "02"));
	assert_false(has(s, u, "00020"));
	assert_false(has(s, u, "V20"));
	/* the old district lay under the province while it existed: the
	 * province's dashboard can open it on the 2024 map */
	assert_true(has(s, u, "001"));
	scope_free(s);

	/* The old district's officer sees the communes of the district as it
	 * was, not the province. */
	s = scope_new(u, m, units_find(u, "001", 3));
	assert_true(has(s, u, "001"));
	assert_true(has(s, u, "00001"));
	assert_true(has(s, u, "00003"));
	assert_false(has(s, u, "01"));
	assert_false(has(s, u, "00010"));
	scope_free(s);

	/* A unit that is not on today's map sees only its own past. */
	s = scope_new(u, m, units_find(u, "00002", 5));
	assert_int_equal(scope_count(s), 1);
	assert_true(has(s, u, "00002"));
	scope_free(s);

	/* The national scope. */
	s = scope_new(u, m, -1);
	assert_true(scope_is_all(s));
	assert_true(has(s, u, "001"));
	assert_int_equal(scope_count(s), units_ncodes(u));
	assert_false(scope_has(s, -1));
	assert_false(scope_has(s, (int32_t)units_ncodes(u)));
	scope_free(s);
	scope_free(NULL);
	unit_map_free(m);
	units_free(u);
}

static void test_roles(void **state)
{
	(void)state;
	assert_int_equal(roles_count(), 8);
	const char *personal[] = {"collaborator", "commune_officer", "commune_chair",
				  "district_officer", "province_officer"};
	for (size_t i = 0; i < 5; i++) {
		const role_info *r = role_find(personal[i]);
		assert_non_null(r);
		assert_true(r->read_personal);
		assert_int_equal(r->read_id_numbers, i < 3);
	}
	const char *aggregates[] = {"ministry", "supervisor", "admin"};
	for (size_t i = 0; i < 3; i++) {
		const role_info *r = role_find(aggregates[i]);
		assert_non_null(r);
		assert_false(r->read_personal);
		assert_false(r->read_id_numbers);
		assert_false(r->write_reviews);
		assert_true(r->national);
	}
	assert_true(role_find("supervisor")->read_only);
	assert_true(role_find("admin")->manage_users);
	assert_true(role_find("commune_chair")->approve);
	assert_false(role_find("district_officer")->write_reviews);
	assert_null(role_find("root"));
	for (size_t i = 0; i < roles_count(); i++)
		assert_ptr_equal(role_find(role_at(i)->name), role_at(i));
	assert_null(role_at(roles_count()));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_roles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
