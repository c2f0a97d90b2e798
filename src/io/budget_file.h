/*
 * budget_file.h - budget.csv (formats.md 5): funds by plan, unit, year,
 * project, funding source and capital type; allocations (with the part
 * carried over from the year before) and disbursements by date.
 *
 * Layer: io. A strict reader in the style of the other readers: columns
 * by name (plan, unit_code, year, project, source required; capital,
 * amount, carried_over, kind, date), every broken rule an error
 * "FILE:LINE: column NAME: message", reading goes on to report them all,
 * GN_EINPUT when there was any (no row is returned then). Rules of the
 * file alone:
 *   plan       not empty, at most BUDGET_PLAN_MAX bytes, no control character
 *   unit_code  not empty, shorter than BUDGET_CODE_MAX (existence: the caller)
 *   year       four digits
 *   project    a code of the catalogue (DA1 ... DA7.2; case ignored)
 *   source     central, provincial, district, commune, mobilised, credit, household
 *   capital    recurrent (default) or investment
 *   amount     whole đồng, digits or with '.' separators (2.243.000.000);
 *              a disbursement's is positive
 *   carried_over  the same, at most amount; allocated lines only
 *   kind       allocated (default) or disbursed
 *   date       YYYY-MM-DD or DD/MM/YYYY; required for a disbursement, and
 *              within its year (spending past 31 December is the next
 *              year's allocation, carried over); optional for an
 *              allocation (the date of the decision that allocated it)
 * and the key: an allocation is keyed by (plan, unit, year, project,
 * source, capital), a disbursement by the same and its date; a key given
 * twice is an error on the second line naming the first.
 *
 * Ownership: budget_rows_free releases the rows and their strings.
 */
#ifndef GN_BUDGET_FILE_H
#define GN_BUDGET_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/budget.h"
#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "catalogue_file.h"

#define BUDGET_PLAN_MAX 100
#define BUDGET_CODE_MAX 32

typedef struct budget_in {
	char *plan;                  /* NFC, as written */
	char unit_code[BUDGET_CODE_MAX];
	int year;
	int32_t project;             /* catalogue index */
	budget_source source;
	budget_capital capital;
	bool disbursed;
	int64_t amount, carried_over;
	gn_date date;                /* valid when has_date */
	bool has_date;
	long line;
} budget_in;

typedef struct budget_rows {
	budget_in *v;
	size_t n, cap;
} budget_rows;

/* Reads the CSV text (len bytes) of a file named name for messages.
 * GN_OK with the rows in file order, GN_EINPUT (every error in d, no
 * rows), GN_EIO. */
gn_err budget_file_parse(const me_catalogue *cat, const char *name, const char *text,
			 size_t len, gn_diag *d, budget_rows *out);
void budget_rows_free(budget_rows *t);

/* The header of budget.csv as written by exports. */
#define BUDGET_FILE_HEADER "plan,unit_code,year,project,source,capital,amount,carried_over,kind,date\n"

#endif
