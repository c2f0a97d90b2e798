/*
 * indicator_values_file.h - the strict reader of indicator_values.csv
 * (formats.md 6): actual values and local targets of the results
 * framework's indicators per unit and period.
 *
 * Layer: io. Columns, matched by name: indicator, unit_code, period (all
 * required), value, target (at least one of the two columns, and on each
 * row at least one of the two cells). Numbers follow io/value.c's
 * decimals: digits with an optional '.' as the decimal point and at most
 * as many decimals as the indicator has (data/me/indicators.csv,
 * `decimals`), with an optional leading '-' (a reduction that turned out
 * an increase); no thousands separators and no decimal comma ("1,5" is an
 * error, and "2.481" of a count indicator too: it reads 2.481). Every
 * broken rule is an error naming the file, the line and the column:
 * an unknown indicator code; a value for a computed indicator (the
 * registry computes it: only a target may be given); a unit code that
 * the unit set does not have; a bad period; a number that is not one, or
 * has too many decimals, or is out of range; neither value nor target; a
 * second row for the same (indicator, unit_code, period). The reader keeps
 * going to report every error, and returns rows only for a clean file.
 *
 * Ownership: the rows array of a ind_rows is freed by ind_rows_free.
 */
#ifndef GN_INDICATOR_VALUES_FILE_H
#define GN_INDICATOR_VALUES_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/indicators.h"
#include "../core/units.h"

typedef struct ind_row {
	int indicator;          /* index in the catalogue */
	int32_t unit;           /* code index in the unit set */
	ind_period period;
	bool has_value, has_target;
	int64_t value, target;  /* x IND_SCALE */
	long line;
} ind_row;

typedef struct ind_rows {
	ind_row *v;
	size_t n, cap;
} ind_rows;

void ind_rows_free(ind_rows *t);

/* Reads the CSV text (len bytes at text, a file named name for messages)
 * against catalogue c and units u into *out (empty on entry). GN_EINPUT
 * with every error in d, and no rows, when any row is bad. */
gn_err indval_read_mem(const ind_catalogue *c, const unit_set *u, const char *name,
		       const char *text, size_t len, gn_diag *d, ind_rows *out);

/* A number of the files: [-]digits[.digits] with at most 4 decimals, as
 * int64 x IND_SCALE. False for anything else or past IND_VALUE_MAX. */
bool indval_parse_number(const char *s, size_t n, int64_t *out);

#endif
