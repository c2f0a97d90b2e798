/*
 * holidays_file.h - reads the public holidays (data/holidays/vn.csv,
 * described in data/holidays/README.md) into a calendar (core/calendar.h).
 *
 * Layer: io. Columns, matched by name: date (YYYY-MM-DD or DD/MM/YYYY),
 * name, kind (holiday | working_day), and an optional note. Every broken
 * rule is reported in d naming the file, the line and the column (a bad
 * date, an empty name, an unknown kind, a working_day that is not a
 * Saturday or Sunday, a date listed twice); the reader keeps going to
 * report them all and returns GN_EINPUT when there was any, having added
 * only the good rows.
 */
#ifndef GN_HOLIDAYS_FILE_H
#define GN_HOLIDAYS_FILE_H

#include <stddef.h>

#include "../core/calendar.h"
#include "../core/diag.h"
#include "../core/err.h"

/* Reads the file at path (name labels the messages) into cal. GN_EIO when
 * it cannot be read, GN_EINPUT when a row is bad. */
gn_err holidays_load_file(calendar *cal, const char *path, const char *name,
			  gn_diag *d);
/* The same over CSV text in memory (len bytes at text). */
gn_err holidays_parse(calendar *cal, const char *name, const char *text,
		      size_t len, gn_diag *d);

#endif
