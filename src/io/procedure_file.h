/*
 * procedure_file.h - reads the numbers of the review procedure
 * (data/review/procedure.csv) into a review_procedure (core/procedure.h).
 *
 * Layer: io. Columns key,value[,note]; every key of the table in
 * procedure_file.c must appear exactly once, with a value in its range
 * (counts of days, a percentage, MM-DD dates, a day of the month). Errors
 * name the file, the line and the column; GN_EINPUT when there was any
 * (then *out is left as it was).
 */
#ifndef GN_PROCEDURE_FILE_H
#define GN_PROCEDURE_FILE_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/procedure.h"

gn_err procedure_load_file(const char *path, const char *name, gn_diag *d,
			   review_procedure *out);
gn_err procedure_parse(const char *name, const char *text, size_t len, gn_diag *d,
		       review_procedure *out);

#endif
