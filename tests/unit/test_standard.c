/* test_standard.c - standards from data files, classification edges,
 * transitions over whole histories. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/hhindex.h"
#include "core/standard.h"
#include "core/transition.h"
#include "io/standard_file.h"

static std_set *load(bool with_2016)
{
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	std_set *s = std_set_new();
	gn_diag *d = diag_new(10);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/standards", data);
	assert_int_equal(std_load_dir(s, buf_cstr(&p), d), GN_OK);
	if (with_2016) {
		buf_reset(&p);
		buf_printf(&p, "%s/standards/extra/2016-2020.std", data);
		assert_int_equal(std_load_file(s, buf_cstr(&p), d), GN_OK);
	}
	assert_int_equal(diag_errors(d), 0);
	buf_free(&p);
	diag_free(d);
	return s;
}

static uint32_t flags(const std_set *s, const char *const *keys)
{
	uint32_t m = 0;
	for (; *keys; keys++) {
		int bit = std_set_find_indicator(s, *keys, strlen(*keys));
		assert_true(bit >= 0);
		m |= 1u << bit;
	}
	return m;
}

#define INC(std, area, income, d) std_classify((std), (area), false, (income), (d))
#define SCORE(std, area, score, d) \
	std_classify((std), (area), true, (int64_t)(score) * STD_SCORE_SCALE, (d))

static void test_years(void **state)
{
	(void)state;
	std_set *s = load(false);
	assert_string_equal(std_set_for_year(s, 2022)->id, "2022-2025");
	assert_string_equal(std_set_for_year(s, 2025)->id, "2022-2025");
	assert_string_equal(std_set_for_year(s, 2026)->id, "2022-2025");
	assert_string_equal(std_set_for_year(s, 2027)->id, "2027-2030");
	assert_null(std_set_for_year(s, 2021));
	assert_null(std_set_for_year(s, 2031));
	std_set_free(s);
	/* 2016-2020 needs only its data file */
	s = load(true);
	assert_string_equal(std_set_for_year(s, 2016)->id, "2016-2020");
	assert_string_equal(std_set_for_year(s, 2021)->id, "2016-2020");
	std_set_free(s);
}

static void test_income_edges(void **state)
{
	(void)state;
	std_set *s = load(false);
	const standard *st = std_set_for_year(s, 2024);
	/* rural line 1,500,000 inclusive; three deprivations inclusive */
	assert_int_equal(INC(st, AREA_RURAL, 1500000, 3), CLASS_POOR);
	assert_int_equal(INC(st, AREA_RURAL, 1500000, 2), CLASS_NEAR_POOR);
	assert_int_equal(INC(st, AREA_RURAL, 0, 12), CLASS_POOR);
	assert_int_equal(INC(st, AREA_RURAL, 1500001, 12), CLASS_AVERAGE);
	assert_int_equal(INC(st, AREA_RURAL, 2250000, 0), CLASS_AVERAGE);
	assert_int_equal(INC(st, AREA_RURAL, 2250001, 0), CLASS_NOT_POOR);
	/* urban line 2,000,000; band to 3,000,000 */
	assert_int_equal(INC(st, AREA_URBAN, 2000000, 3), CLASS_POOR);
	assert_int_equal(INC(st, AREA_URBAN, 1600000, 2), CLASS_NEAR_POOR);
	assert_int_equal(INC(st, AREA_URBAN, 2000001, 5), CLASS_AVERAGE);
	assert_int_equal(INC(st, AREA_URBAN, 3000000, 5), CLASS_AVERAGE);
	assert_int_equal(INC(st, AREA_URBAN, 3000001, 5), CLASS_NOT_POOR);
	std_set_free(s);
}

static void test_score_edges(void **state)
{
	(void)state;
	std_set *s = load(false);
	const standard *st = std_set_for_year(s, 2024);
	assert_int_equal(SCORE(st, AREA_RURAL, 140, 3), CLASS_POOR);
	assert_int_equal(SCORE(st, AREA_RURAL, 140, 2), CLASS_NEAR_POOR);
	assert_int_equal(std_classify(st, AREA_RURAL, true, 140 * STD_SCORE_SCALE + 1, 5),
			 CLASS_NOT_POOR);
	assert_int_equal(SCORE(st, AREA_RURAL, 141, 0), CLASS_NOT_POOR); /* never AVERAGE */
	assert_int_equal(SCORE(st, AREA_URBAN, 175, 3), CLASS_POOR);
	assert_int_equal(SCORE(st, AREA_URBAN, 176, 3), CLASS_NOT_POOR);
	std_set_free(s);
}

static void test_2027_set(void **state)
{
	(void)state;
	std_set *s = load(false);
	const standard *a = std_set_for_year(s, 2026), *b = std_set_for_year(s, 2027);
	assert_int_equal(a->nind, 12);
	assert_int_equal(b->nind, 12);
	static const char *const info[] = {"d_telecom", "d_info_access", "d_water", NULL};
	static const char *const news[] = {"d_waste", "d_digital", "d_water", NULL};
	assert_int_equal(std_deprivations(a, flags(s, info)), 3);
	assert_int_equal(std_deprivations(b, flags(s, info)), 1); /* ignored in 2027 */
	assert_int_equal(std_deprivations(a, flags(s, news)), 1);
	assert_int_equal(std_deprivations(b, flags(s, news)), 3);
	/* 2027 lines: 2,200,000 rural, 2,800,000 urban; band x1.5 */
	assert_int_equal(INC(b, AREA_RURAL, 2200000, 3), CLASS_POOR);
	assert_int_equal(INC(b, AREA_RURAL, 2200001, 3), CLASS_AVERAGE);
	assert_int_equal(INC(b, AREA_RURAL, 3300001, 3), CLASS_NOT_POOR);
	assert_int_equal(INC(b, AREA_URBAN, 2800000, 2), CLASS_NEAR_POOR);
	assert_int_equal(INC(b, AREA_URBAN, 4200000, 2), CLASS_AVERAGE);
	assert_int_equal(SCORE(b, AREA_URBAN, 175, 3), CLASS_POOR);
	std_set_free(s);
}

static void test_2016_rule(void **state)
{
	(void)state;
	std_set *s = load(true);
	const standard *st = std_set_for_year(s, 2018);
	assert_int_equal(st->nind, 10);
	/* at or below the lower line: poor whatever the deprivations */
	assert_int_equal(INC(st, AREA_RURAL, 700000, 0), CLASS_POOR);
	assert_int_equal(INC(st, AREA_RURAL, 700001, 3), CLASS_POOR);
	assert_int_equal(INC(st, AREA_RURAL, 1000000, 2), CLASS_NEAR_POOR);
	assert_int_equal(INC(st, AREA_URBAN, 900000, 0), CLASS_POOR);
	assert_int_equal(INC(st, AREA_URBAN, 1300001, 0), CLASS_AVERAGE);
	std_set_free(s);
}

static void test_bad_standard_files(void **state)
{
	(void)state;
	std_set *s = load(false);
	gn_diag *d = diag_new(20);
	static const char bad[] =
		"id = x\nyears = 2027-2028\n"
		"line poverty 1.500.000 2000000\n"
		"rule nowhere 3 POOR\n"
		"rule poverty 3 RICH\n"
		"indicator d_water water 1 | Nước | Water\n";
	assert_int_equal(std_parse(s, "x.std", bad, sizeof bad - 1, d), GN_EINPUT);
	/* line 4: unknown line; line 5: unknown class; overlap is not reached */
	bool l4 = false, l5 = false;
	for (size_t i = 0; i < diag_count(d); i++) {
		l4 |= diag_at(d, i)->line == 4;
		l5 |= diag_at(d, i)->line == 5;
	}
	assert_true(l4 && l5);
	diag_clear(d);
	/* a national standard whose years overlap an installed one */
	static const char overlap[] =
		"id = y\nyears = 2026-2027\nline p 1 2\nrule p any POOR\n"
		"indicator d_water water 1 | Nước | Water\n";
	assert_int_equal(std_parse(s, "y.std", overlap, sizeof overlap - 1, d), GN_EINPUT);
	assert_non_null(strstr(diag_at(d, 0)->text, "overlap"));
	diag_clear(d);
	/* a local standard (scope = a unit) may overlap */
	static const char local[] =
		"id = hn\nscope = 01\nyears = 2026-2027\nline p 1 2\nrule p any POOR\n"
		"indicator d_water water 1 | Nước | Water\n";
	assert_int_equal(std_parse(s, "hn.std", local, sizeof local - 1, d), GN_OK);
	assert_string_equal(std_set_for_year(s, 2026)->id, "2022-2025");
	diag_free(d);
	std_set_free(s);
}

/* Transitions, through hhindex, with rows in any order. */
static hh_transition tr_of(hh_index *x, const char *id, int year, hh_class c)
{
	int32_t i = hhindex_find(x, id, strlen(id));
	assert_true(i >= 0);
	return transition_of(hhindex_history(x, i), year, c);
}

static void add(hh_index *x, const char *id, int year, hh_class c)
{
	bool dup;
	hhindex_add(x, id, strlen(id), year, c, &dup);
	assert_false(dup);
}

static void test_transitions(void **state)
{
	(void)state;
	hh_index *x = hhindex_new(4);
	/* out of order: 2024 first, then 2022, then 2023 */
	add(x, "A", 2024, CLASS_POOR);
	add(x, "A", 2022, CLASS_POOR);
	add(x, "A", 2023, CLASS_AVERAGE);
	assert_int_equal(tr_of(x, "A", 2022, CLASS_POOR), TR_NEW_POOR);
	assert_int_equal(tr_of(x, "A", 2023, CLASS_AVERAGE), TR_ESCAPED_POOR);
	assert_int_equal(tr_of(x, "A", 2024, CLASS_POOR), TR_RE_POOR); /* after a gap */
	/* no row in Y-1 counts as not poor; re_ after a missing year */
	add(x, "B", 2022, CLASS_NEAR_POOR);
	add(x, "B", 2024, CLASS_NEAR_POOR);
	assert_int_equal(tr_of(x, "B", 2024, CLASS_NEAR_POOR), TR_RE_NEAR);
	assert_int_equal(tr_of(x, "B", 2022, CLASS_NEAR_POOR), TR_NEW_NEAR);
	/* near-poor earlier does not make a poor row re_poor */
	add(x, "C", 2022, CLASS_NEAR_POOR);
	add(x, "C", 2024, CLASS_POOR);
	assert_int_equal(tr_of(x, "C", 2024, CLASS_POOR), TR_NEW_POOR);
	add(x, "D", 2023, CLASS_POOR);
	add(x, "D", 2024, CLASS_POOR);
	add(x, "D", 2025, CLASS_NEAR_POOR);
	add(x, "D", 2026, CLASS_POOR);
	add(x, "D", 2027, CLASS_NEAR_POOR);
	add(x, "D", 2028, CLASS_NEAR_POOR);
	add(x, "D", 2029, CLASS_NOT_POOR);
	add(x, "D", 2030, CLASS_NEAR_POOR);
	assert_int_equal(tr_of(x, "D", 2024, CLASS_POOR), TR_REMAIN_POOR);
	assert_int_equal(tr_of(x, "D", 2025, CLASS_NEAR_POOR), TR_POOR_TO_NEAR);
	assert_int_equal(tr_of(x, "D", 2026, CLASS_POOR), TR_NEAR_TO_POOR);
	assert_int_equal(tr_of(x, "D", 2028, CLASS_NEAR_POOR), TR_REMAIN_NEAR);
	assert_int_equal(tr_of(x, "D", 2029, CLASS_NOT_POOR), TR_ESCAPED_NEAR);
	assert_int_equal(tr_of(x, "D", 2030, CLASS_NEAR_POOR), TR_RE_NEAR);
	/* AVERAGE counts as not poor; not poor to not poor is none */
	add(x, "E", 2023, CLASS_AVERAGE);
	add(x, "E", 2024, CLASS_NOT_POOR);
	assert_int_equal(tr_of(x, "E", 2024, CLASS_NOT_POOR), TR_NONE);
	assert_int_equal(tr_of(x, "E", 2023, CLASS_AVERAGE), TR_NONE);
	/* AVERAGE after near-poor is escaped_near */
	add(x, "F", 2023, CLASS_NEAR_POOR);
	add(x, "F", 2024, CLASS_AVERAGE);
	assert_int_equal(tr_of(x, "F", 2024, CLASS_AVERAGE), TR_ESCAPED_NEAR);
	/* a repeated household and year is refused */
	bool dup;
	hhindex_add(x, "F", 1, 2024, CLASS_POOR, &dup);
	assert_true(dup);
	assert_int_equal(tr_of(x, "F", 2024, CLASS_AVERAGE), TR_ESCAPED_NEAR);
	assert_string_equal(transition_name(TR_RE_POOR), "re_poor");
	assert_string_equal(transition_name(TR_NONE), "none");
	hhindex_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_income_edges),
		cmocka_unit_test(test_score_edges),
		cmocka_unit_test(test_2027_set),
		cmocka_unit_test(test_2016_rule),
		cmocka_unit_test(test_bad_standard_files),
		cmocka_unit_test(test_transitions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
