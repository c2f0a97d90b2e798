/*
 * inputs.h - loading the inputs the batch commands share: the installed
 * poverty standards and the unit hierarchy.
 *
 * Layer: cli. Errors are printed on standard error; the functions return
 * the exit status to use (EXIT_OK when loaded).
 */
#ifndef GN_INPUTS_H
#define GN_INPUTS_H

#include "../core/buf.h"
#include "../core/calendar.h"
#include "../core/procedure.h"
#include "../core/standard.h"
#include "../core/units.h"
#include "../store/store.h"
#include "cli.h"

/* The directory of the report layouts into path: $GNBV_REPORTS, else
 * DATA/reports. */
void inputs_reports_dir(buf *path);
/* Loads every standard of $GNBV_STANDARDS, else of DATA/standards. */
int inputs_standards(std_set **out);
/* Loads the public holidays of $GNBV_HOLIDAYS, else DATA/holidays/vn.csv,
 * into a new calendar (cal_free it). */
int inputs_calendar(calendar **out);
/* Loads the review procedure of $GNBV_PROCEDURE, else
 * DATA/review/procedure.csv. */
int inputs_procedure(review_procedure *out);
/* Loads units (and lineage, when lineage_path is not NULL). */
int inputs_units(const char *units_path, const char *lineage_path,
		 unit_set **out);
/* Parses a date option value (YYYY-MM-DD or DD/MM/YYYY). */
int inputs_date(const cli_command *cmd, const char *opt, const char *s,
		gn_date *out);
/* Parses a --level value. */
int inputs_level(const cli_command *cmd, const char *s, unit_level *out);
/* Opens the database at path (NULL: gnbv.db), creating it when create;
 * a missing database without create is bad input (exit 2), any other
 * failure a runtime one (exit 1). */
int inputs_store(const char *path, bool create, store **out);
/* Reads a whole input file into out (exit 2 when it cannot be read). */
int inputs_read_file(const char *path, buf *out);

#endif
