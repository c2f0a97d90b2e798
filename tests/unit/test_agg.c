/* test_agg.c - live aggregates equal a computation from scratch (the
 * `gnbv summary` way: whole histories, placement with lineage and splits
 * in household-id order) after any sequence of changes, on every map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/agg.h"
#include "core/hhindex.h"
#include "core/rollup.h"

static gn_date D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void add(unit_set *u, const char *code, const char *parent, unit_level level,
		unit_type type, gn_date from, gn_date to)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = type, .urban = -1, .from = from, .to = to,
		.name = code, .line = 1,
	};
	units_add_version(u, &v);
}

static void link(unit_set *u, const char *old, const char *neu, int64_t num, int64_t den)
{
	lineage l = {units_intern(u, old, strlen(old)), units_intern(u, neu, strlen(neu)),
		     D(2025, 7, 1), {num, den}, 1};
	units_add_lineage(u, &l);
}

#define OLD GN_DATE_MIN, D(2025, 6, 30)
#define NEW D(2025, 7, 1), GN_DATE_MAX
#define ALWAYS GN_DATE_MIN, GN_DATE_MAX

/* Two districts of old communes A..F; on 1/7/2025 A+B -> A (keeps its
 * code), C -> N1, D splits 3/5 : 2/5 into N2, N3, E+F -> N3; V1 a village
 * of N2. */
static unit_set *country(void)
{
	unit_set *u = units_new();
	add(u, "VN", NULL, LEVEL_COUNTRY, UTYPE_NONE, ALWAYS);
	add(u, "P1", "VN", LEVEL_PROVINCE, UTYPE_TINH, ALWAYS);
	add(u, "P2", "VN", LEVEL_PROVINCE, UTYPE_TINH, ALWAYS);
	add(u, "D1", "P1", LEVEL_DISTRICT, UTYPE_HUYEN, OLD);
	add(u, "D2", "P1", LEVEL_DISTRICT, UTYPE_HUYEN, OLD);
	add(u, "D3", "P2", LEVEL_DISTRICT, UTYPE_HUYEN, OLD);
	add(u, "A", "D1", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "B", "D1", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "C", "D2", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "D", "D2", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "E", "D3", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "F", "D3", LEVEL_COMMUNE, UTYPE_XA, OLD);
	add(u, "A", "P1", LEVEL_COMMUNE, UTYPE_PHUONG, NEW);
	add(u, "N1", "P1", LEVEL_COMMUNE, UTYPE_XA, NEW);
	add(u, "N2", "P1", LEVEL_COMMUNE, UTYPE_XA, NEW);
	add(u, "N3", "P2", LEVEL_COMMUNE, UTYPE_XA, NEW);
	add(u, "V1", "N2", LEVEL_VILLAGE, UTYPE_THON, NEW);
	link(u, "B", "A", 1, 1);
	link(u, "C", "N1", 1, 1);
	link(u, "D", "N2", 3, 5);
	link(u, "D", "N3", 2, 5);
	link(u, "E", "N3", 1, 1);
	link(u, "F", "N3", 1, 1);
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "u", "l", d), GN_OK);
	diag_free(d);
	return u;
}

static const char *const old_codes[] = {"A", "B", "C", "D", "E", "F"};
static const char *const new_codes[] = {"A", "N1", "N2", "N3", "V1"};

typedef struct truth_row {
	char id[16];
	int year;
	int32_t unit;
	hh_class cls;
	uint32_t flags;
	int members;
	bool live;
} truth_row;

static uint64_t rng = 7;
static unsigned next(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33);
}

/* From scratch: the figures of parent's children on map m. */
static void brute(const truth_row *rows, size_t n, const unit_map *m,
		  int year, int32_t parent, agg_figures *total, agg_figures *kids, size_t nk)
{
	hh_index *x = hhindex_new(64);
	bool dup;
	for (size_t i = 0; i < n; i++)
		if (rows[i].live)
			hhindex_add(x, rows[i].id, strlen(rows[i].id), rows[i].year, rows[i].cls, &dup);
	place_item *items = calloc(n + 1, sizeof *items);
	size_t k = 0;
	size_t *which = calloc(n + 1, sizeof *which);
	for (size_t i = 0; i < n; i++)
		if (rows[i].live && rows[i].year == year) {
			items[k] = (place_item){rows[i].unit, (uint32_t)strlen(rows[i].id), rows[i].id};
			which[k++] = i;
		}
	int32_t *dest = calloc(k + 1, sizeof *dest);
	rollup_place(m, items, k, dest);
	memset(total, 0, sizeof *total);
	for (size_t j = 0; j < k; j++) {
		if (dest[j] < 0)
			continue;
		/* which child of parent holds dest? */
		int32_t c = dest[j], child = -1;
		bool under = false;
		while (c >= 0) {
			if (c == parent) {
				under = true;
				break;
			}
			if (unit_map_parent(m, c) == parent) {
				child = c;
				under = true;
				break;
			}
			c = unit_map_parent(m, c);
		}
		if (!under)
			continue;
		const truth_row *r = &rows[which[j]];
		hh_transition t = transition_of(hhindex_history(x, hhindex_find(x, r->id, strlen(r->id))),
						year, r->cls);
		agg_figures *fs[2] = {total, NULL};
		for (size_t q = 0; q < nk; q++)
			if (kids[q].code == child)
				fs[1] = &kids[q];
		for (int z = 0; z < 2; z++) {
			if (!fs[z])
				continue;
			fs[z]->t.reviewed++;
			fs[z]->t.cls[r->cls]++;
			fs[z]->t.tr[t]++;
			fs[z]->members[r->cls] += r->members;
			if (r->cls == CLASS_POOR)
				for (int b = 0; b < 32; b++)
					fs[z]->dep_poor[b] += (r->flags >> b) & 1;
			int nd = __builtin_popcount(r->flags);
			fs[z]->ndep[nd > AGG_MAX_DEP ? AGG_MAX_DEP : nd]++;
			for (int b = 0; b < 32; b++) {
				fs[z]->dep_all[b] += (r->flags >> b) & 1;
				fs[z]->dep_k[b] += nd >= 3 && ((r->flags >> b) & 1);
			}
		}
	}
	free(dest);
	free(which);
	free(items);
	hhindex_free(x);
}

static void compare(const agg *a, const unit_set *u, const truth_row *rows, size_t n,
		    gn_date asof, int year, const char *parent_code)
{
	unit_map *m = unit_map_new(u, asof);
	int32_t parent = units_find(u, parent_code, strlen(parent_code));
	agg_figures total, *kids;
	size_t nk;
	agg_children(a, m, year, parent, &total, &kids, &nk);
	agg_figures btotal, *bkids = calloc(nk + 1, sizeof *bkids);
	for (size_t i = 0; i < nk; i++)
		bkids[i].code = kids[i].code;
	brute(rows, n, m, year, parent, &btotal, bkids, nk);
	for (size_t i = 0; i <= nk; i++) {
		const agg_figures *x = i < nk ? &kids[i] : &total;
		const agg_figures *y = i < nk ? &bkids[i] : &btotal;
		assert_int_equal(x->t.reviewed, y->t.reviewed);
		assert_memory_equal(x->t.cls, y->t.cls, sizeof x->t.cls);
		assert_memory_equal(x->t.tr, y->t.tr, sizeof x->t.tr);
		assert_memory_equal(x->members, y->members, sizeof x->members);
		assert_memory_equal(x->dep_poor, y->dep_poor, sizeof x->dep_poor);
		assert_memory_equal(x->ndep, y->ndep, sizeof x->ndep);
		assert_memory_equal(x->dep_all, y->dep_all, sizeof x->dep_all);
		assert_memory_equal(x->dep_k, y->dep_k, sizeof x->dep_k);
		/* end = start - out + in */
		int64_t in = x->t.tr[TR_NEW_POOR] + x->t.tr[TR_RE_POOR] + x->t.tr[TR_NEAR_TO_POOR];
		int64_t out = x->t.tr[TR_ESCAPED_POOR] + x->t.tr[TR_POOR_TO_NEAR];
		assert_int_equal(x->t.cls[CLASS_POOR], agg_poor_start(&x->t) - out + in);
	}
	free(kids);
	free(bkids);
	unit_map_free(m);
}

static void test_live_equals_scratch(void **state)
{
	(void)state;
	unit_set *u = country();
	agg *a = agg_new(u);
	enum { NROWS = 3000 };
	truth_row *rows = calloc(NROWS, sizeof *rows);
	size_t n = 0;
	uint64_t gen = agg_generation(a);
	for (int step = 0; step < 6000; step++) {
		unsigned op = next() % 10;
		if (op < 7 || n == 0) {
			/* set a review: new or existing (household, year) */
			char id[16];
			snprintf(id, sizeof id, "H%03u", next() % 400);
			int year = 2022 + (int)(next() % 4);
			const char *code = year < 2025 ? old_codes[next() % 6] : new_codes[next() % 5];
			truth_row r = {"", year, units_find(u, code, strlen(code)),
				       (hh_class)(next() % CLASS_COUNT), next() & 0xfff,
				       1 + (int)(next() % 7), true};
			memcpy(r.id, id, sizeof id);
			size_t i;
			for (i = 0; i < n; i++)
				if (rows[i].live && rows[i].year == year && strcmp(rows[i].id, id) == 0)
					break;
			if (i == n) {
				if (n == NROWS)
					continue;
				n++;
			}
			rows[i] = r;
			agg_review ar = {year, r.unit, r.cls, r.flags, r.members, -1, -1, 0, 0};
			agg_set(a, id, strlen(id), &ar);
		} else {
			size_t i = next() % n;
			if (!rows[i].live)
				continue;
			rows[i].live = false;
			agg_unset(a, rows[i].id, strlen(rows[i].id), rows[i].year);
		}
		assert_true(agg_generation(a) > gen);
		gen = agg_generation(a);
		if (step % 1000 == 999) {
			for (int year = 2022; year <= 2025; year++) {
				compare(a, u, rows, n, D(year, 12, 31), year, "VN");
				compare(a, u, rows, n, D(year, 12, 31), year, "P1");
				compare(a, u, rows, n, D(2025, 12, 31), year, "VN");
				compare(a, u, rows, n, D(2025, 12, 31), year, "P1");
				compare(a, u, rows, n, D(2025, 12, 31), year, "P2");
				compare(a, u, rows, n, D(2025, 12, 31), year, "N2");
				compare(a, u, rows, n, D(2024, 12, 31), year, "D2");
			}
		}
	}
	int years[8];
	assert_int_equal(agg_years(a, years, 8), 4);
	assert_int_equal(years[0], 2022);
	free(rows);
	agg_free(a);
	units_free(u);
}

static void test_population(void **state)
{
	(void)state;
	unit_set *u = country();
	agg *a = agg_new(u);
	int32_t D_ = units_find(u, "D", 1), A = units_find(u, "A", 1), B = units_find(u, "B", 1);
	agg_set_population(a, D_, 2024, 101, 400);
	agg_set_population(a, A, 2024, 50, -1);
	agg_set_population(a, B, 2024, 30, 100);
	agg_set_population(a, B, 2024, 31, 100); /* replaces */
	unit_map *m = unit_map_new(u, D(2025, 12, 31));
	agg_figures total, *kids;
	size_t nk;
	agg_children(a, m, 2024, units_find(u, "P1", 2), &total, &kids, &nk);
	/* children of P1 on the 2025 map: A, N1, N2 */
	assert_int_equal(nk, 3);
	assert_int_equal(kids[0].t.households, 81);          /* A: 50 + B's 31 */
	assert_int_equal(kids[2].t.households, 61);          /* N2: floor(101*3/5 + 1/2) */
	assert_int_equal(total.t.households, 81 + 61);       /* N3 (40) is in P2 */
	assert_int_equal(kids[2].t.persons, 240);
	free(kids);
	unit_map_free(m);
	agg_free(a);
	units_free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_live_equals_scratch),
		cmocka_unit_test(test_population),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
