/* test_me_results.c - the results framework (issue 5): periods, exact
 * values, achievement in both directions and the aggregation rules
 * (core/indicators.h), the catalogue and indicator_values.csv readers and
 * their error rules (io/indicator_file.h, io/indicator_values_file.h), the
 * registry's computed indicators (app/indicators.h), the store's values
 * with their audit, the import (all or nothing, re-import idempotent) and
 * the evaluation over a small hierarchy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/export.h"
#include "app/import.h"
#include "app/indicators.h"
#include "core/agg.h"
#include "core/buf.h"
#include "core/indicators.h"
#include "core/mem.h"
#include "core/rollup.h"
#include "io/indicator_file.h"
#include "io/indicator_values_file.h"
#include "io/standard_file.h"
#include "io/units_file.h"
#include "store/store.h"

#define V(x) ((int64_t)(x) * IND_SCALE)

static void print_diag(const gn_diag *d)
{
	for (size_t i = 0; i < diag_count(d); i++)
		print_error("%s:%ld: %s: %s\n", diag_at(d, i)->file, diag_at(d, i)->line,
			    diag_at(d, i)->column, diag_at(d, i)->text);
}

/* Whether d holds an error at line with column col whose text has frag. */
static bool has_error(const gn_diag *d, long line, const char *col, const char *frag)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind == DIAG_ERROR && it->line == line && strcmp(it->column, col) == 0 &&
		    strstr(it->text, frag))
			return true;
	}
	return false;
}

/* ---- periods ----------------------------------------------------------------------- */

static ind_period P(const char *s)
{
	ind_period p;
	assert_true(ind_period_parse(s, strlen(s), &p));
	return p;
}

static void assert_period(const ind_period *p, const char *want)
{
	char out[IND_PERIOD_LEN];
	ind_period_format(p, out);
	assert_string_equal(out, want);
}

static void test_periods(void **state)
{
	(void)state;
	static const char *const good[][2] = {
		{"2024", "2024"}, {"2024S1", "2024S1"}, {"2024s2", "2024S2"}, {"2024Q3", "2024Q3"},
		{"2024q4", "2024Q4"}, {"2024M05", "2024M05"}, {"2024m12", "2024M12"},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		ind_period p = P(good[i][0]);
		assert_period(&p, good[i][1]);
	}
	static const char *const bad[] = {
		"", "24", "202", "20245", "2024S3", "2024S0", "2024Q5", "2024Q0", "2024M5", "2024M13",
		"2024M00", "2024H1", "1999", "2101", "2024 ", " 2024", "2024-05", "2024M051", "abcd",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ind_period p;
		if (ind_period_parse(bad[i], strlen(bad[i]), &p))
			fail_msg("\"%s\" parsed", bad[i]);
	}
	/* chronological order, the longer period first */
	static const char *const order[] = {
		"2023M12", "2024", "2024S1", "2024Q1", "2024M01", "2024M02", "2024M03", "2024Q2",
		"2024M04", "2024M06", "2024S2", "2024Q3", "2024M07", "2024Q4", "2024M12", "2025",
	};
	size_t n = sizeof order / sizeof order[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			ind_period a = P(order[i]), b = P(order[j]);
			int c = ind_period_cmp(&a, &b);
			if ((i < j && c >= 0) || (i > j && c <= 0) || (i == j && c != 0))
				fail_msg("%s vs %s: %d", order[i], order[j], c);
		}
	static const char *const prev[][2] = {
		{"2024", "2023"}, {"2024S1", "2023S2"}, {"2024S2", "2024S1"}, {"2024Q1", "2023Q4"},
		{"2024Q3", "2024Q2"}, {"2024M01", "2023M12"}, {"2024M10", "2024M09"},
	};
	for (size_t i = 0; i < sizeof prev / sizeof prev[0]; i++) {
		ind_period p = P(prev[i][0]);
		ind_period q = ind_period_prev(&p);
		assert_period(&q, prev[i][1]);
	}
	ind_period q3 = P("2024Q3");
	assert_int_equal(ind_period_first_month(&q3), 7);
	assert_int_equal(ind_period_last_month(&q3), 9);
}

/* ---- numbers -------------------------------------------------------------------------- */

static int64_t num(const char *s)
{
	int64_t v;
	if (!indval_parse_number(s, strlen(s), &v))
		fail_msg("\"%s\" is not a number", s);
	return v;
}

static void assert_format(int64_t v, int dec, const char *want)
{
	buf b;
	buf_init(&b, 64);
	assert_int_equal(ind_format(&b, v, dec), GN_OK);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void test_numbers(void **state)
{
	(void)state;
	assert_int_equal(num("12"), V(12));
	assert_int_equal(num("1.5"), 15000);
	assert_int_equal(num("-0.25"), -2500);
	assert_int_equal(num(".5"), 5000);
	assert_int_equal(num("0.0001"), 1);
	static const char *const bad[] = {"", "-", "1,5", "1.2.3", "1.23456", "+1", " 1", "1e3",
					  "--1", "2.481.000", "abc", "1.", "99999999999999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t v;
		if (indval_parse_number(bad[i], strlen(bad[i]), &v))
			fail_msg("\"%s\" parsed", bad[i]);
	}
	assert_true(ind_fits_decimals(V(3), 0));
	assert_false(ind_fits_decimals(15000, 0));
	assert_true(ind_fits_decimals(15000, 1));
	assert_false(ind_fits_decimals(12345, 2));
	/* rounding half away from zero */
	assert_int_equal(ind_round(12345, 2), 12300);
	assert_int_equal(ind_round(12350, 2), 12400);
	assert_int_equal(ind_round(-12350, 2), -12400);
	assert_int_equal(ind_round(5000, 0), V(1));
	assert_int_equal(ind_round(4999, 0), 0);
	/* 100 * num / den exactly, rounded as rate_hundredths */
	int64_t p;
	assert_true(ind_percent(2, 3, 2, &p));
	assert_int_equal(p, 666700);
	assert_int_equal(p / 100, rate_hundredths(2, 3));
	assert_true(ind_percent(V(1), V(8), 2, &p));
	assert_int_equal(p, 125000); /* 12.5 % */
	assert_true(ind_percent(-1, 3, 1, &p));
	assert_int_equal(p, -333000);
	assert_false(ind_percent(1, 0, 2, &p));
	for (int64_t c = 0; c < 200; c++)
		for (int64_t t = 1; t < 60; t++) {
			assert_true(ind_percent(c, t, 2, &p));
			assert_int_equal(p / 100, rate_hundredths(c, t));
		}
	int64_t s;
	assert_true(ind_add(V(1), V(2), &s));
	assert_int_equal(s, V(3));
	assert_false(ind_add(IND_VALUE_MAX, 1, &s));
	assert_format(V(12), 0, "12");
	assert_format(15000, 2, "1.50");
	assert_format(-2500, 2, "-0.25");
	assert_format(12345, 4, "1.2345");
	assert_format(12345, 0, "1");
}

/* ---- achievement ------------------------------------------------------------------------ */

static void test_achievement(void **state)
{
	(void)state;
	ind_achievement a;
	/* up: 7 of 10 */
	ind_achieve(IND_UP, V(7), V(10), &a);
	assert_true(a.has_pct);
	assert_int_equal(a.pct, 7000);
	assert_false(a.met);
	/* up: a reduction of 1.63 points against 1.0: 163 % */
	ind_achieve(IND_UP, 16300, V(1), &a);
	assert_int_equal(a.pct, 16300);
	assert_true(a.met);
	/* up: 2 of 3 = 66.67 % (half away from zero) */
	ind_achieve(IND_UP, V(2), V(3), &a);
	assert_int_equal(a.pct, 6667);
	/* up: an increase where a reduction was asked: negative */
	ind_achieve(IND_UP, -5000, V(1), &a);
	assert_int_equal(a.pct, -5000);
	assert_false(a.met);
	/* up: a target of 0 has no percentage, but may be met */
	ind_achieve(IND_UP, V(1), 0, &a);
	assert_false(a.has_pct);
	assert_true(a.met);
	/* down: a ceiling of 4 % with 5 % actual: 80 %, not met */
	ind_achieve(IND_DOWN, V(5), V(4), &a);
	assert_true(a.has_pct);
	assert_int_equal(a.pct, 8000);
	assert_false(a.met);
	/* down: under the ceiling: more than 100 % */
	ind_achieve(IND_DOWN, V(3), V(4), &a);
	assert_int_equal(a.pct, 13333);
	assert_true(a.met);
	/* down: exactly at it */
	ind_achieve(IND_DOWN, V(4), V(4), &a);
	assert_int_equal(a.pct, 10000);
	assert_true(a.met);
	/* down: nothing left meets any ceiling, without a percentage */
	ind_achieve(IND_DOWN, 0, V(4), &a);
	assert_false(a.has_pct);
	assert_true(a.met);
}

/* ---- a small catalogue -------------------------------------------------------------------- */

static const char CATALOGUE[] =
	"code,name_vi,name_en,measure_vi,direction,level,project,aggregation,formula,computed,decimals,baseline,baseline_year\n"
	"houses,Nhà,Houses,hộ,up,project,DA5,sum,,,0,,\n"
	"hh_em,Hộ DTTS,EM households,hộ,up,programme,,sum,,,0,,\n"
	"poor_em,Hộ nghèo DTTS,EM poor,hộ,down,programme,,sum,,poor_minority,0,,\n"
	"rate_em,Tỷ lệ,Rate,%,down,programme,,ratio,poor_em/hh_em,,2,,2023\n"
	"rate_em_red,Giảm,Reduction,điểm %,up,programme,,reduction,rate_em,,2,,\n"
	"exited,Thoát,Exited,%,up,programme,,none,,,2,12.5,\n";

static const char TARGETS[] =
	"indicator,period,target,target_high,scope,basis\n"
	"rate_em_red,2024,1,1.5,all,test\n"
	"exited,2025,30,,national,test\n";

static ind_catalogue *small_catalogue(void)
{
	gn_diag *d = diag_new(50);
	ind_catalogue *c;
	gn_err rc = indfile_parse("i.csv", CATALOGUE, strlen(CATALOGUE), "t.csv", TARGETS,
				  strlen(TARGETS), NULL, 0, d, &c);
	print_diag(d);
	assert_int_equal(rc, GN_OK);
	diag_free(d);
	return c;
}

/* A hierarchy as a tiny array: unit 0 (province) -> 1, 2 (districts);
 * 1 -> 3, 4 (communes); 2 -> 5. -1: the whole map, whose child is 0. */
typedef struct tree {
	int64_t stored[6][8][3]; /* [unit][indicator][year - 2023] (0: none) */
	bool has[6][8][3];
	int64_t em_poor[6][3];   /* the "registry" */
} tree;

static const int32_t kids0[] = {1, 2}, kids1[] = {3, 4}, kids2[] = {5}, top[] = {0};

static size_t tree_children(void *ctx, int32_t unit, const int32_t **out)
{
	(void)ctx;
	switch (unit) {
	case -1:
		*out = top;
		return 1;
	case 0:
		*out = kids0;
		return 2;
	case 1:
		*out = kids1;
		return 2;
	case 2:
		*out = kids2;
		return 1;
	default:
		*out = NULL;
		return 0;
	}
}

static bool tree_stored(void *ctx, int ind, int32_t unit, const ind_period *p, int64_t *v,
			bool *imported)
{
	tree *t = ctx;
	int y = p->year - 2023;
	if (unit < 0 || y < 0 || y > 2 || p->kind != IND_YEAR || !t->has[unit][ind][y])
		return false;
	*v = t->stored[unit][ind][y];
	*imported = unit == 4;
	return true;
}

static bool tree_computed(void *ctx, const ind_def *d, int32_t unit, const ind_period *p,
			  int64_t *v)
{
	tree *t = ctx;
	int y = p->year - 2023;
	if (d->computed != IND_COMP_POOR_MINORITY || y < 0 || y > 2 || p->kind != IND_YEAR)
		return false;
	/* the registry's figures add up by themselves, at any unit */
	int64_t sum = 0;
	if (unit < 0)
		unit = 0;
	if (unit == 0)
		for (int k = 3; k <= 5; k++)
			sum += t->em_poor[k][y];
	else if (unit == 1)
		sum = t->em_poor[3][y] + t->em_poor[4][y];
	else if (unit == 2)
		sum = t->em_poor[5][y];
	else
		sum = t->em_poor[unit][y];
	*v = V(sum);
	return true;
}

static void put(tree *t, int unit, int ind, int year, int64_t v)
{
	t->stored[unit][ind][year - 2023] = v;
	t->has[unit][ind][year - 2023] = true;
}

static void test_aggregation(void **state)
{
	(void)state;
	ind_catalogue *c = small_catalogue();
	int houses = ind_find(c, "houses", 6), hh_em = ind_find(c, "hh_em", 5),
	    rate = ind_find(c, "rate_em", 7), red = ind_find(c, "rate_em_red", 11),
	    exited = ind_find(c, "exited", 6);
	assert_true(houses >= 0 && hh_em >= 0 && rate >= 0 && red >= 0 && exited >= 0);
	assert_int_equal(ind_at(c, (size_t)rate)->num, ind_find(c, "poor_em", 7));
	assert_int_equal(ind_at(c, (size_t)rate)->den, hh_em);

	tree *t = gn_xcalloc(1, sizeof *t);
	ind_source src = {t, tree_stored, tree_children, tree_computed};
	ind_period y24 = P("2024"), y23 = P("2023");
	ind_value v;

	/* nothing entered: no value anywhere */
	ind_resolve(c, &src, houses, 0, &y24, &v);
	assert_false(v.has);

	/* communes 3 and 4 (imported), district 2's commune 5: sums up */
	put(t, 3, houses, 2024, V(5));
	put(t, 4, houses, 2024, V(7));
	put(t, 5, houses, 2024, V(2));
	ind_resolve(c, &src, houses, 3, &y24, &v);
	assert_true(v.has);
	assert_int_equal(v.origin, IND_FROM_ENTERED);
	ind_resolve(c, &src, houses, 4, &y24, &v);
	assert_int_equal(v.origin, IND_FROM_IMPORTED);
	ind_resolve(c, &src, houses, 1, &y24, &v);
	assert_int_equal(v.v, V(12));
	assert_int_equal(v.origin, IND_FROM_SUM);
	assert_int_equal(v.units, 2);
	ind_resolve(c, &src, houses, 0, &y24, &v);
	assert_int_equal(v.v, V(14));
	assert_int_equal(v.units, 2);
	ind_resolve(c, &src, houses, -1, &y24, &v);
	assert_int_equal(v.v, V(14));

	/* a value entered at district 1 wins over its communes' sum, and
	 * the province adds it instead of them */
	put(t, 1, houses, 2024, V(20));
	ind_resolve(c, &src, houses, 1, &y24, &v);
	assert_int_equal(v.v, V(20));
	assert_int_equal(v.origin, IND_FROM_ENTERED);
	ind_resolve_children_sum(c, &src, houses, 1, &y24, &v);
	assert_true(v.has);
	assert_int_equal(v.v, V(12));
	ind_resolve(c, &src, houses, 0, &y24, &v);
	assert_int_equal(v.v, V(22));
	/* another year is not mixed in */
	ind_resolve(c, &src, houses, 0, &y23, &v);
	assert_false(v.has);

	/* a ratio of a computed numerator and an entered denominator, at
	 * every level: the denominator adds up, the numerator comes from the
	 * registry, the rate is recomputed (not summed) */
	t->em_poor[3][0] = 30, t->em_poor[4][0] = 10, t->em_poor[5][0] = 20; /* 2023 */
	t->em_poor[3][1] = 24, t->em_poor[4][1] = 9, t->em_poor[5][1] = 15;  /* 2024 */
	put(t, 3, hh_em, 2023, V(100));
	put(t, 4, hh_em, 2023, V(100));
	put(t, 5, hh_em, 2023, V(200));
	put(t, 3, hh_em, 2024, V(100));
	put(t, 4, hh_em, 2024, V(110));
	put(t, 5, hh_em, 2024, V(190));
	ind_resolve(c, &src, rate, 3, &y24, &v);
	assert_true(v.has);
	assert_int_equal(v.origin, IND_FROM_DERIVED);
	assert_int_equal(v.v, 240000); /* 24 / 100 */
	ind_resolve(c, &src, rate, 0, &y23, &v);
	assert_int_equal(v.v, 150000); /* 60 / 400 = 15.00 % */
	ind_resolve(c, &src, rate, 0, &y24, &v);
	assert_int_equal(v.v, 120000); /* 48 / 400 = 12.00 % */
	/* and its reduction from 2023 to 2024: 3.00 points */
	ind_resolve(c, &src, red, 0, &y24, &v);
	assert_true(v.has);
	assert_int_equal(v.v, 30000);
	ind_resolve(c, &src, red, 4, &y24, &v);
	assert_int_equal(v.v, 18200); /* 10.00 - 8.18 */
	/* no 2022 denominators: no 2023 reduction */
	ind_resolve(c, &src, red, 0, &y23, &v);
	assert_false(v.has);

	/* none: only the unit's own value */
	ind_period y25 = P("2025");
	put(t, 3, exited, 2025, V(40));
	ind_resolve(c, &src, exited, 1, &y25, &v);
	assert_false(v.has);
	ind_resolve(c, &src, exited, 3, &y25, &v);
	assert_int_equal(v.v, V(40));

	/* programme targets: "all" for every unit, "national" for the total */
	const ind_def *dr = ind_at(c, (size_t)red), *de = ind_at(c, (size_t)exited);
	const ind_target *tg = ind_programme_target(dr, &y24, false);
	assert_non_null(tg);
	assert_int_equal(tg->low, V(1));
	assert_int_equal(tg->high, 15000);
	assert_int_equal(ind_target_required(dr, tg), V(1));
	assert_null(ind_programme_target(dr, &y23, true));
	assert_null(ind_programme_target(de, &y25, false));
	assert_non_null(ind_programme_target(de, &y25, true));
	assert_true(ind_at(c, (size_t)exited)->has_baseline);
	assert_int_equal(ind_at(c, (size_t)exited)->baseline, 125000);
	free(t);
	ind_catalogue_free(c);
}

/* ---- the catalogue's files ----------------------------------------------------------------- */

static void test_shipped_catalogue(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/me", data);
	gn_diag *d = diag_new(50);
	ind_catalogue *c;
	gn_err rc = indfile_load_dir(buf_cstr(&p), d, &c);
	print_diag(d);
	assert_int_equal(rc, GN_OK);
	assert_int_equal(diag_errors(d), 0);
	/* the computed indicators the issue asks for */
	static const char *const need[] = {"poor_rate", "near_poor_rate", "poor_reduced",
					   "poor_rate_minority", "poor_rate_minority_reduction",
					   "health_insurance_poor"};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		assert_true(ind_find(c, need[i], strlen(need[i])) >= 0);
	/* Decision 90: the poverty rate down 1 to 1.5 points a year, 2022-2025 */
	const ind_def *r = ind_at(c, (size_t)ind_find(c, "poor_rate_reduction", 19));
	for (int y = 2022; y <= 2025; y++) {
		ind_period py = {y, IND_YEAR, 0};
		const ind_target *t = ind_programme_target(r, &py, false);
		assert_non_null(t);
		assert_int_equal(t->low, V(1));
		assert_int_equal(t->high, 15000);
		assert_non_null(strstr(t->basis, "verified"));
	}
	/* every target says whether its figure was verified */
	for (size_t i = 0; i < ind_count(c); i++) {
		const ind_def *x = ind_at(c, i);
		for (size_t k = 0; k < x->ntargets; k++)
			assert_non_null(strstr(x->targets[k].basis, "verified"));
		if (x->project_level)
			assert_true(strncmp(x->project, "DA", 2) == 0);
	}
	ind_catalogue_free(c);
	diag_free(d);
	buf_free(&p);
}

static void test_catalogue_errors(void **state)
{
	(void)state;
	static const char ind[] =
		"code,name_vi,name_en,measure_vi,direction,level,project,aggregation,formula,computed,decimals\n"
		"a,A,A,hộ,sideways,programme,,sum,,,0\n"           /* 2: direction */
		"b,B,B,hộ,up,project,,sum,,,0\n"                   /* 3: project missing */
		"c,C,C,%,up,programme,,ratio,,,2\n"                /* 4: ratio without formula */
		"d,D,D,%,up,programme,,ratio,ok/zz,,2\n"            /* 5: unknown indicator */
		"e,E,E,%,up,programme,,reduction,f,,2\n"           /* 6: cycle e -> f -> e */
		"f,F,F,%,up,programme,,reduction,e,,2\n"           /* 7 */
		"g,G,G,hộ,up,programme,,sum,,poverty,0\n"          /* 8: unknown computed key */
		"h,H,H,hộ,up,programme,,sum,,,7\n"                 /* 9: decimals */
		"i,I,I,hộ,up,project,DA9.9,sum,,,0\n"              /* 10: not a project of the list */
		"ok,OK,OK,hộ,up,programme,,sum,,,0\n"
		"ok,OK,OK,hộ,up,programme,,sum,,,0\n";             /* 12: twice */
	static const char *const projects[] = {"DA1", "DA5"};
	gn_diag *d = diag_new(50);
	ind_catalogue *c;
	assert_int_equal(indfile_parse("i.csv", ind, strlen(ind), NULL, NULL, 0, projects, 2, d, &c),
			 GN_EINPUT);
	assert_null(c);
	assert_true(has_error(d, 2, "direction", "up or down"));
	assert_true(has_error(d, 3, "project", "needs its project"));
	assert_true(has_error(d, 4, "formula", "needs its formula"));
	assert_true(has_error(d, 5, "formula", "unknown indicator \"zz\""));
	assert_true(has_error(d, 6, "formula", "refers back"));
	assert_true(has_error(d, 7, "formula", "refers back"));
	assert_true(has_error(d, 8, "computed", "poor_rate"));
	assert_true(has_error(d, 9, "decimals", "0 to 4"));
	assert_true(has_error(d, 10, "project", "projects.csv"));
	assert_true(has_error(d, 12, "code", "defined twice"));
	diag_free(d);

	static const char good[] = "code,name_vi,name_en,measure_vi,direction,level,aggregation,decimals\n"
				   "x,X,X,hộ,up,programme,sum,0\n";
	static const char tgt[] = "indicator,period,target,target_high,scope\n"
				  "nope,2024,1,,all\n"     /* 2: unknown */
				  "x,2024H,1,,all\n"       /* 3: period */
				  "x,2024,1.5,,all\n"      /* 4: decimals */
				  "x,2025,5,4,all\n"       /* 5: range upside down */
				  "x,2026,5,,everyone\n"   /* 6: scope */
				  "x,2027,5,,\n"
				  "x,2027,6,,national\n";  /* 8: twice */
	d = diag_new(50);
	assert_int_equal(indfile_parse("i.csv", good, strlen(good), "t.csv", tgt, strlen(tgt), NULL, 0,
				       d, &c),
			 GN_EINPUT);
	assert_true(has_error(d, 2, "indicator", "unknown indicator \"nope\""));
	assert_true(has_error(d, 3, "period", "2024H"));
	assert_true(has_error(d, 4, "target", "at most 0 decimals"));
	assert_true(has_error(d, 5, "target_high", "below its bottom"));
	assert_true(has_error(d, 6, "scope", "all or national"));
	assert_true(has_error(d, 8, "period", "already given"));
	assert_int_equal(diag_errors(d), 6);
	diag_free(d);
}

/* ---- indicator_values.csv ------------------------------------------------------------------ */

static const char UNITS[] = "code,name,level,parent_code,type\n"
			    "14,Tỉnh Thử,province,,tinh\n"
			    "101,Huyện Một,district,14,huyen\n"
			    "102,Huyện Hai,district,14,huyen\n"
			    "10101,Xã A,commune,101,xa\n"
			    "10102,Xã B,commune,101,xa\n"
			    "10201,Xã C,commune,102,xa\n";

static unit_set *small_units(void)
{
	unit_set *u = units_new();
	gn_diag *d = diag_new(20);
	assert_int_equal(unitfile_read_units_mem(u, "units.csv", UNITS, strlen(UNITS), d), GN_OK);
	assert_int_equal(units_check(u, "units.csv", "lineage.csv", d), GN_OK);
	diag_free(d);
	return u;
}

static void test_values_file(void **state)
{
	(void)state;
	ind_catalogue *c = small_catalogue();
	unit_set *u = small_units();
	gn_diag *d = diag_new(50);
	ind_rows rows = {0};
	static const char good[] = "\xEF\xBB\xBFIndicator,Unit_Code,Period,Value,Target\n"
				   "houses,10101,2024,5,\n"
				   "houses,10101,2024q3,2,3\n"
				   "exited,14,2025,,30.5\n"
				   "hh_em,10102,2024M05,-3,\n";
	assert_int_equal(indval_read_mem(c, u, "v.csv", good, strlen(good), d, &rows), GN_OK);
	print_diag(d);
	assert_int_equal(rows.n, 4);
	assert_true(rows.v[0].has_value && !rows.v[0].has_target);
	assert_int_equal(rows.v[0].value, V(5));
	assert_period(&rows.v[1].period, "2024Q3");
	assert_int_equal(rows.v[1].target, V(3));
	assert_true(!rows.v[2].has_value && rows.v[2].has_target);
	assert_int_equal(rows.v[2].target, 305000);
	assert_int_equal(rows.v[3].value, V(-3));
	assert_int_equal(rows.v[3].line, 5);
	ind_rows_free(&rows);

	/* one line per rule */
	static const char bad[] = "indicator,unit_code,period,value,target\n"
				  "nope,10101,2024,1,\n"        /* 2: unknown indicator */
				  "poor_em,10101,2024,1,\n"     /* 3: computed: only a target */
				  "houses,99999,2024,1,\n"      /* 4: unknown unit */
				  "houses,10101,2024Q5,1,\n"    /* 5: period */
				  "houses,10101,2024,1.5,\n"    /* 6: decimals */
				  "houses,10101,2024,\"1,5\",\n" /* 7: decimal comma */
				  "houses,10101,2024,,\n"       /* 8: neither */
				  "houses,10101,2023,1,\n"
				  "houses,10101,2023,2,\n"      /* 10: twice */
				  "houses,10101,2022,1\n"       /* 11: a field missing */
				  "poor_em,10101,2022,,5\n"     /* a target of a computed one is fine */
				  "houses,10102,2024,x,\n";     /* 13: not a number */
	assert_int_equal(indval_read_mem(c, u, "bad.csv", bad, strlen(bad), d, &rows), GN_EINPUT);
	assert_int_equal(rows.n, 0);
	assert_true(has_error(d, 2, "indicator", "unknown indicator \"nope\""));
	assert_true(has_error(d, 3, "value", "computed from the registry"));
	assert_true(has_error(d, 4, "unit_code", "unknown unit \"99999\""));
	assert_true(has_error(d, 5, "period", "2024Q5"));
	assert_true(has_error(d, 6, "value", "at most 0 decimals"));
	assert_true(has_error(d, 7, "value", "no decimal comma"));
	assert_true(has_error(d, 8, "value", "a value, a target or both"));
	assert_true(has_error(d, 10, "period", "already on line 9"));
	assert_true(has_error(d, 11, "target", "missing"));
	assert_true(has_error(d, 13, "value", "expected a number"));
	assert_int_equal(diag_errors(d), 10);

	/* no value nor target column */
	static const char cols[] = "indicator,unit_code,period\nhouses,10101,2024\n";
	diag_clear(d);
	assert_int_equal(indval_read_mem(c, u, "c.csv", cols, strlen(cols), d, &rows), GN_EINPUT);
	assert_true(has_error(d, 1, "value", "value column, a target column or both"));
	diag_free(d);
	units_free(u);
	ind_catalogue_free(c);
}

/* ---- the registry's indicators ------------------------------------------------------------- */

static void test_computed(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/standards", data);
	std_set *stds = std_set_new();
	gn_diag *d = diag_new(20);
	assert_int_equal(std_load_dir(stds, buf_cstr(&p), d), GN_OK);
	buf_reset(&p);
	buf_printf(&p, "%s/me", data);
	ind_catalogue *c;
	assert_int_equal(indfile_load_dir(buf_cstr(&p), d, &c), GN_OK);

	agg_figures y = {0}, prev = {0}, base = {0};
	int hi = std_set_find_indicator(stds, "d_health_insurance", 18);
	assert_true(hi >= 0);
	/* 2024: 1000 households, 100 reviewed, 57 poor, 30 near-poor */
	prev.t.households = 1000;
	prev.t.reviewed = 100;
	prev.t.cls[CLASS_POOR] = 57;
	prev.t.cls[CLASS_NEAR_POOR] = 30;
	prev.minority[CLASS_POOR] = 40;
	/* 2025: 1010 households; movements: 50 remain, 4 poor->near, 3 escaped
	 * out of 57; 2 near->poor, 5 new, 1 re-poor in: 58 at the end */
	y.t.households = 1010;
	y.t.reviewed = 95;
	y.t.tr[TR_REMAIN_POOR] = 50;
	y.t.tr[TR_POOR_TO_NEAR] = 4;
	y.t.tr[TR_ESCAPED_POOR] = 3;
	y.t.tr[TR_NEAR_TO_POOR] = 2;
	y.t.tr[TR_NEW_POOR] = 5;
	y.t.tr[TR_RE_POOR] = 1;
	y.t.cls[CLASS_POOR] = 58;
	y.t.cls[CLASS_NEAR_POOR] = 26;
	y.minority[CLASS_POOR] = 37;
	y.dep_poor[hi] = 18;
	base.t.reviewed = 120;
	base.t.cls[CLASS_POOR] = 80;
	base.t.cls[CLASS_NEAR_POOR] = 40;
	ind_figures f = {&y, &prev, &base};
	struct {
		const char *code;
		int64_t want;
	} cases[] = {
		{"poor", V(58)},
		{"near_poor", V(26)},
		{"poor_rate", rate_hundredths(58, 1010) * 100},        /* 5.74 % */
		{"near_poor_rate", rate_hundredths(26, 1010) * 100},
		{"poor_rate_reduction", (rate_hundredths(57, 1000) - rate_hundredths(58, 1010)) * 100},
		{"poor_reduced", V(-1)},                              /* 57 - 58 */
		{"poor_minority", V(37)},
		{"poor_minority_reduced", V(3)},
		{"health_insurance_poor", rate_hundredths(40, 58) * 100}, /* 68.97 % */
		{"poor_near_reduced_pct", 300000},                    /* (120 - 84) / 120 = 30 % */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int k = ind_find(c, cases[i].code, strlen(cases[i].code));
		assert_true(k >= 0);
		int64_t v = 0;
		if (!indicators_computed(ind_at(c, (size_t)k), stds, 2025, &f, &v))
			fail_msg("%s: not computed", cases[i].code);
		if (v != cases[i].want)
			fail_msg("%s: %lld, want %lld", cases[i].code, (long long)v, (long long)cases[i].want);
	}
	assert_int_equal(rate_hundredths(58, 1010), 574);
	/* not available rather than 0: no households, no reviews, no year before */
	int64_t v;
	const ind_def *rate = ind_at(c, (size_t)ind_find(c, "poor_rate", 9));
	y.t.households = 0;
	assert_false(indicators_computed(rate, stds, 2025, &f, &v));
	y.t.households = 1010;
	y.t.reviewed = 0;
	assert_false(indicators_computed(rate, stds, 2025, &f, &v));
	y.t.reviewed = 95;
	ind_figures nof = {&y, NULL, NULL};
	assert_false(indicators_computed(ind_at(c, (size_t)ind_find(c, "poor_rate_reduction", 19)),
					 stds, 2025, &nof, &v));
	ind_catalogue_free(c);
	std_set_free(stds);
	diag_free(d);
	buf_free(&p);
}

/* ---- the store, the import and the evaluation ------------------------------------------------ */

typedef struct fixture {
	char dir[64];
	char path[96];
	store *st;
	ind_catalogue *c;
} fixture;

static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_me_results_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(f->path, true, NULL, &f->st) != GN_OK)
		return -1;
	unit_set *u = small_units();
	if (store_units_replace(f->st, u) != GN_OK)
		return -1;
	units_free(u);
	f->c = small_catalogue();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	store_close(f->st);
	ind_catalogue_free(f->c);
	static const char *const ext[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s%s", f->path, ext[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

static size_t audit_count(store *st, const char *key)
{
	st_audit *a;
	size_t n;
	assert_int_equal(store_audit_of(st, key, &a, &n), GN_OK);
	store_audit_free(a, n);
	return n;
}

static bool count_row(void *ctx, const st_result *r)
{
	(void)r;
	(*(size_t *)ctx)++;
	return true;
}

static size_t rows_of(store *st, int year)
{
	size_t n = 0;
	st_result_filter f = {.year_from = year, .year_to = year};
	assert_int_equal(store_results_each(st, &f, count_row, &n), GN_OK);
	return n;
}

static void test_store_values(void **state)
{
	fixture *f = *state;
	st_result r = {.has_value = true, .value = V(5)};
	snprintf(r.indicator, sizeof r.indicator, "houses");
	snprintf(r.unit_code, sizeof r.unit_code, "10101");
	snprintf(r.period, sizeof r.period, "2024q3");
	assert_int_equal(store_result_put(f->st, &r, 7), GN_OK);
	st_result g;
	assert_int_equal(store_result_get(f->st, "houses", "10101", "2024Q3", &g), GN_OK);
	assert_string_equal(g.period, "2024Q3");
	assert_int_equal(g.year, 2024);
	assert_true(g.has_value && !g.has_target);
	assert_int_equal(g.value, V(5));
	assert_string_equal(g.value_source, "entered");
	assert_int_equal(g.updated_by, 7);
	/* the target joins the value; the value stays */
	st_result t = {.has_target = true, .target = 125000};
	memcpy(t.indicator, r.indicator, sizeof t.indicator);
	memcpy(t.unit_code, r.unit_code, sizeof t.unit_code);
	snprintf(t.period, sizeof t.period, "2024Q3");
	assert_int_equal(store_result_put(f->st, &t, 7), GN_OK);
	assert_int_equal(store_result_get(f->st, "houses", "10101", "2024Q3", &g), GN_OK);
	assert_true(g.has_value && g.has_target);
	assert_int_equal(g.target, 125000);
	/* created, value, target; putting the same again writes nothing */
	const char *key = "indicator/houses/10101/2024Q3";
	assert_int_equal(audit_count(f->st, key), 3);
	assert_int_equal(store_result_put(f->st, &t, 7), GN_OK);
	assert_int_equal(audit_count(f->st, key), 3);
	st_audit *a;
	size_t n;
	assert_int_equal(store_audit_of(f->st, key, &a, &n), GN_OK);
	bool saw = false;
	for (size_t i = 0; i < n; i++)
		saw |= strcmp(a[i].field, "target") == 0 && a[i].old_value == NULL &&
		       strcmp(a[i].new_value, "12.5") == 0;
	store_audit_free(a, n);
	assert_true(saw);
	/* clearing the value keeps the row; clearing the target too drops it */
	assert_int_equal(store_result_clear(f->st, "houses", "10101", "2024Q3", true, false, 7), GN_OK);
	assert_int_equal(store_result_get(f->st, "houses", "10101", "2024Q3", &g), GN_OK);
	assert_false(g.has_value);
	assert_int_equal(store_result_clear(f->st, "houses", "10101", "2024Q3", false, true, 7), GN_OK);
	assert_int_equal(store_result_get(f->st, "houses", "10101", "2024Q3", &g), GN_ENOTFOUND);
	assert_int_equal(audit_count(f->st, key), 5);
	/* nothing given, or a bad period */
	st_result none = {0};
	memcpy(none.indicator, r.indicator, sizeof none.indicator);
	memcpy(none.unit_code, r.unit_code, sizeof none.unit_code);
	snprintf(none.period, sizeof none.period, "2024");
	assert_int_equal(store_result_put(f->st, &none, 7), GN_EINPUT);
	snprintf(r.period, sizeof r.period, "2024Q9");
	assert_int_equal(store_result_put(f->st, &r, 7), GN_EINPUT);
}

static void test_import(void **state)
{
	fixture *f = *state;
	static const char file[] = "indicator,unit_code,period,value,target\n"
				   "houses,10101,2024,5,\n"
				   "houses,10102,2024,7,10\n"
				   "houses,10201,2024,2,\n"
				   "exited,14,2025,,30\n";
	import_opts o = {.indicators = f->c, .user = 0};
	gn_diag *d = diag_new(50);
	size_t rows = 0;
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "v.csv", file, strlen(file), &o, d,
				    &rows),
			 GN_OK);
	print_diag(d);
	assert_int_equal(rows, 4);
	assert_int_equal(rows_of(f->st, 2024), 3);
	st_result g;
	assert_int_equal(store_result_get(f->st, "houses", "10102", "2024", &g), GN_OK);
	assert_string_equal(g.value_source, "imported");
	assert_string_equal(g.target_source, "imported");
	size_t audits = audit_count(f->st, "indicator");
	/* again: nothing is added, nothing is audited */
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "v.csv", file, strlen(file), &o, d,
				    &rows),
			 GN_OK);
	assert_int_equal(rows_of(f->st, 2024), 3);
	assert_int_equal(audit_count(f->st, "indicator"), audits);
	/* a row that only gives a target keeps the stored value */
	static const char tgt[] = "indicator,unit_code,period,target\nhouses,10101,2024,6\n";
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "t.csv", tgt, strlen(tgt), &o, d,
				    &rows),
			 GN_OK);
	assert_int_equal(store_result_get(f->st, "houses", "10101", "2024", &g), GN_OK);
	assert_int_equal(g.value, V(5));
	assert_int_equal(g.target, V(6));
	/* all or nothing: one bad line, nothing written */
	static const char bad[] = "indicator,unit_code,period,value\n"
				  "houses,10201,2025,1\n"
				  "houses,10201,2025S3,1\n";
	diag_clear(d);
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "bad.csv", bad, strlen(bad), &o, d,
				    &rows),
			 GN_EINPUT);
	assert_true(has_error(d, 3, "period", "2025S3"));
	assert_int_equal(rows_of(f->st, 2025), 1);
	/* the CLI's whole export, and its re-import: nothing changes */
	diag_clear(d);
	buf out;
	buf_init(&out, 0);
	assert_int_equal(export_csv(f->st, FILE_INDICATOR_VALUES, &(export_opts){0}, &out), GN_OK);
	assert_string_equal(buf_cstr(&out), "indicator,unit_code,period,value,target\n"
					    "exited,14,2025,,30\n"
					    "houses,10101,2024,5,6\n"
					    "houses,10102,2024,7,10\n"
					    "houses,10201,2024,2,\n");
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "out.csv", out.p, out.len, &o, d,
				    &rows),
			 GN_OK);
	assert_int_equal(audit_count(f->st, "indicator"), audits + 1); /* the target of 6 */
	buf_free(&out);
	diag_free(d);
}

static bool only_101(void *ctx, const char *code)
{
	(void)ctx;
	return strncmp(code, "101", 3) == 0;
}

static void test_import_area(void **state)
{
	fixture *f = *state;
	static const char file[] = "indicator,unit_code,period,value\n"
				   "houses,10101,2024,5\n"
				   "houses,10201,2024,2\n";
	import_opts o = {.indicators = f->c, .in_area = only_101, .outside_msg = "outside your area"};
	gn_diag *d = diag_new(50);
	size_t rows;
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "v.csv", file, strlen(file), &o, d,
				    &rows),
			 GN_EINPUT);
	assert_true(has_error(d, 3, "unit_code", "\"10201\": outside your area"));
	assert_int_equal(rows_of(f->st, 2024), 0);
	/* without a catalogue: a usage error */
	o.indicators = NULL;
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "v.csv", file, strlen(file), &o, d,
				    &rows),
			 GN_EUSAGE);
	diag_free(d);
}

/* The evaluation over the store: sums follow the map, targets and
 * achievement. */
static void test_table(void **state)
{
	fixture *f = *state;
	static const char file[] = "indicator,unit_code,period,value,target\n"
				   "houses,10101,2024,5,\n"
				   "houses,10102,2024,7,\n"
				   "houses,10201,2024,2,\n"
				   "houses,101,2024,,10\n"
				   "rate_em_red,10101,2024,0.5,\n";
	import_opts o = {.indicators = f->c};
	gn_diag *d = diag_new(50);
	size_t rows;
	assert_int_equal(import_mem(f->st, FILE_INDICATOR_VALUES, "v.csv", file, strlen(file), &o, d,
				    &rows),
			 GN_OK);
	unit_set *u;
	assert_int_equal(store_units_load(f->st, &u), GN_OK);
	unit_map *m = unit_map_new(u, date_from_ymd(2024, 12, 31));
	ind_table *t = ind_table_new(f->c, u, m, NULL, NULL);
	int32_t d101 = units_find(u, "101", 3), p14 = units_find(u, "14", 2);
	const char **codes;
	size_t n = ind_table_subtree(t, d101, &codes);
	assert_int_equal(n, 3); /* 101, 10101, 10102 */
	assert_string_equal(codes[0], "101");
	assert_int_equal(ind_table_load(t, f->st, codes, n, 2023, 2024), GN_OK);
	free(codes);
	ind_period y = P("2024");
	ind_eval e;
	int houses = ind_find(f->c, "houses", 6);
	ind_table_eval(t, houses, d101, &y, false, &e);
	assert_true(e.actual.has);
	assert_int_equal(e.actual.v, V(12));
	assert_int_equal(e.actual.origin, IND_FROM_SUM);
	assert_true(e.has_target);
	assert_string_equal(e.target_source, "local");
	assert_true(e.has_achievement);
	assert_int_equal(e.ach.pct, 12000);
	assert_true(e.ach.met);
	/* the province: only 101's subtree was loaded */
	ind_table_eval(t, houses, p14, &y, false, &e);
	assert_int_equal(e.actual.v, V(12));
	ind_table_free(t);

	/* all loaded: the province adds both districts; a programme target
	 * applies to a unit without its own */
	t = ind_table_new(f->c, u, m, NULL, NULL);
	assert_int_equal(ind_table_load(t, f->st, NULL, 0, 0, 0), GN_OK);
	ind_table_eval(t, houses, p14, &y, true, &e);
	assert_int_equal(e.actual.v, V(14));
	assert_false(e.has_target);
	int red = ind_find(f->c, "rate_em_red", 11);
	ind_table_eval(t, red, units_find(u, "10101", 5), &y, false, &e);
	assert_int_equal(e.actual.v, 5000);
	assert_int_equal(e.actual.origin, IND_FROM_IMPORTED);
	assert_string_equal(e.target_source, "programme");
	assert_int_equal(e.target, V(1));
	assert_int_equal(e.target_high, 15000);
	assert_int_equal(e.ach.pct, 5000);
	assert_false(e.ach.met);
	/* the whole map's children are the top units */
	const int32_t *kids;
	assert_int_equal(ind_table_children(t, -1, &kids), 1);
	assert_int_equal(kids[0], p14);
	ind_table_free(t);
	unit_map_free(m);
	units_free(u);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_achievement),
		cmocka_unit_test(test_aggregation),
		cmocka_unit_test(test_shipped_catalogue),
		cmocka_unit_test(test_catalogue_errors),
		cmocka_unit_test(test_values_file),
		cmocka_unit_test(test_computed),
		cmocka_unit_test_setup_teardown(test_store_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_area, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
