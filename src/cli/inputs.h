/*
 * inputs.h - loading the inputs the batch commands share: the installed
 * poverty standards and the unit hierarchy.
 *
 * Layer: cli. Errors are printed on standard error; the functions return
 * the exit status to use (EXIT_OK when loaded).
 */
#ifndef GN_INPUTS_H
#define GN_INPUTS_H

#include "../core/standard.h"
#include "../core/units.h"
#include "cli.h"

/* Loads every standard of $GNBV_STANDARDS, else of DATA/standards. */
int inputs_standards(std_set **out);
/* Loads units (and lineage, when lineage_path is not NULL). */
int inputs_units(const char *units_path, const char *lineage_path,
		 unit_set **out);
/* Parses a date option value (YYYY-MM-DD or DD/MM/YYYY). */
int inputs_date(const cli_command *cmd, const char *opt, const char *s,
		gn_date *out);
/* Parses a --level value. */
int inputs_level(const cli_command *cmd, const char *s, unit_level *out);

#endif
