/* hh_compare.h - reads one households.csv text twice, with the fast path
 * for plain rows and without it, and fails unless both give the same rows,
 * return codes and messages. Shared by test_households.c and the fuzz
 * harness fuzz_households.c. Returns the number of rows compared. */
#ifndef GN_HH_COMPARE_H
#define GN_HH_COMPARE_H

#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "io/households_file.h"

#define HH_CHECK(cond)                                                     \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "hh_compare: %s failed (line %d)\n", #cond, __LINE__); \
			abort();                                           \
		}                                                          \
	} while (0)

static inline void hh_same_text(const char *a, size_t an, const char *b, size_t bn)
{
	HH_CHECK(an == bn);
	HH_CHECK(an == 0 || memcmp(a, b, an) == 0);
}

static inline size_t hh_compare(const char *text, size_t len, const unit_set *u,
				const std_set *s)
{
	hh_reader *fast = NULL, *slow = NULL;
	gn_diag *df = diag_new(1000), *ds = diag_new(1000);
	hhfile_testing(true);
	gn_err rf = hhfile_open_mem("h.csv", text, len, u, s, df, &fast);
	hhfile_testing(false);
	gn_err rs = hhfile_open_mem("h.csv", text, len, u, s, ds, &slow);
	hhfile_testing(true);
	HH_CHECK(rf == rs);
	size_t rows = 0;
	while (rf == GN_OK) {
		hh_row a, b;
		rf = hhfile_next(fast, &a, df);
		rs = hhfile_next(slow, &b, ds);
		HH_CHECK(rf == rs);
		if (rf == GN_ENOTFOUND || rf == GN_EIO)
			break;
		if (rf == GN_EINPUT) {
			rf = GN_OK;
			continue;
		}
		rows++;
		hh_same_text(a.id, a.id_len, b.id, b.id_len);
		HH_CHECK(a.year == b.year && a.unit == b.unit && a.line == b.line);
		HH_CHECK(a.offset == b.offset && a.members == b.members);
		HH_CHECK(a.use_score == b.use_score && a.income == b.income);
		HH_CHECK(a.score == b.score && a.flags == b.flags && a.area == b.area &&
			 a.area_given == b.area_given);
		HH_CHECK(a.std == b.std && a.deprivations == b.deprivations && a.cls == b.cls);
		HH_CHECK(a.head_female == b.head_female && a.minority == b.minority);
		HH_CHECK(a.merit == b.merit && a.no_labour == b.no_labour);
		HH_CHECK(a.social_protection == b.social_protection && a.causes == b.causes);
		HH_CHECK(a.head_birth_year == b.head_birth_year);
		hh_same_text(a.ethnicity, a.ethnicity_len, b.ethnicity, b.ethnicity_len);
		hh_same_text(a.village, a.village_len, b.village, b.village_len);
		hh_same_text(a.head_name, a.head_name_len, b.head_name, b.head_name_len);
		hh_same_text(a.id_number, a.id_number_len, b.id_number, b.id_number_len);
	}
	HH_CHECK(diag_count(df) == diag_count(ds));
	HH_CHECK(diag_errors(df) == diag_errors(ds));
	for (size_t i = 0; i < diag_count(df); i++) {
		const diag_item *x = diag_at(df, i), *y = diag_at(ds, i);
		HH_CHECK(x->line == y->line && x->kind == y->kind);
		HH_CHECK(strcmp(x->column, y->column) == 0 && strcmp(x->text, y->text) == 0);
	}
	hhfile_close(fast);
	hhfile_close(slow);
	diag_free(df);
	diag_free(ds);
	return rows;
}

#endif
