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
#include "../core/indicators.h"
#include "../core/procedure.h"
#include "../core/reporting.h"
#include "../core/standard.h"
#include "../core/units.h"
#include "../io/catalogue_file.h"
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
/* Loads the report types of the reporting calendar of $GNBV_REPORT_TYPES,
 * else DATA/me/report_types.csv (rp_types_free them). */
int inputs_report_types(rp_types **out);
/* Loads the review procedure of $GNBV_PROCEDURE, else
 * DATA/review/procedure.csv. */
int inputs_procedure(review_procedure *out);
/* Loads the programme's projects of $GNBV_PROJECTS, else
 * DATA/me/projects.csv (catalogue_free it). */
int inputs_catalogue(me_catalogue **out);
/* Loads the results framework's indicators and programme targets of
 * $GNBV_INDICATORS (a folder), else DATA/me (indicators.csv,
 * indicator_targets.csv; ind_catalogue_free them). */
int inputs_indicators(ind_catalogue **out);
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
