/*
 * export.h - a store's units, lineage, population and households back to
 * the interchange CSV files of formats.md (1-4), byte for byte in their
 * layout, so that an export imports again unchanged.
 *
 * Layer: app. Layouts (and budget.csv of formats.md 5: app/budget.h):
 * - units: code,name,level,parent_code,type,urban,valid_from,valid_to,
 *   one row per version, by level (country first), code and start date;
 *   open ends are empty;
 * - lineage: old_code,new_code,date,share, by old code, date and new
 *   code; a share of 1 is left empty (the default), others are exact
 *   decimals ("0.35");
 * - population: unit_code,year,households,persons, by unit and year;
 * - households: one row per review, by household id (byte order) and
 *   year: household_id,year,unit_code,village,members,income,score_a,
 *   then one column per deprivation flag of the standards of the years
 *   exported (catalogue order: 1/0 for flags of the row's standard, empty
 *   for the others), then score_b (empty: it is derived), area, head_name,
 *   head_sex, head_birth_year, head_ethnicity, id_number, merit,
 *   no_labour, social_protection, causes. Money is written as plain
 *   digits and score A as a decimal ("120.5"): an import of a file with
 *   "1.500.000" exports "1500000".
 *
 * Scope: with unit codes given, only rows recorded on those units
 * (population, households), the lineage rows that touch them, and the
 * units themselves with their ancestors (so that the file checks on its
 * own). export_scope computes the codes under one unit.
 *
 * Ownership: the CSV is appended to the caller's buf; export_scope's
 * array and strings are freed with export_scope_free.
 */
#ifndef GN_EXPORT_H
#define GN_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../core/units.h"
#include "../store/store.h"
#include "import.h"

typedef struct export_opts {
	const char *const *unit_codes; /* scope; NULL: everything */
	size_t nunits;
	int year;                      /* population, households: this year only (0: all) */
	const std_set *standards;      /* households: flag columns (required) */
	bool hide_id_numbers;          /* households: id_number left empty */
} export_opts;

/* Appends the CSV of kind to out. GN_EIO (message in store_errmsg) when
 * the database fails; GN_EUSAGE for households without standards. */
gn_err export_csv(store *st, file_kind kind, const export_opts *o, buf *out);

/* The codes of u under `code` (itself included): codes whose parent, in
 * any version, is in the set, and codes whose data lineage carries into
 * it, recursively. GN_ENOTFOUND when u has no such code. */
gn_err export_scope(const unit_set *u, const char *code, char ***codes, size_t *n);
void export_scope_free(char **codes, size_t n);

#endif
