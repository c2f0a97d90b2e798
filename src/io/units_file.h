/*
 * units_file.h - readers of units.csv, lineage.csv and population.csv
 * (formats.md sections 1-3).
 *
 * Layer: io. Every rule broken gives an error naming file, line and
 * column in d; loaders keep reading to report as many errors as they can
 * and return GN_EINPUT when there was any.
 */
#ifndef GN_UNITS_FILE_H
#define GN_UNITS_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/units.h"

/* Reads units.csv (path; `name` labels messages) and, when lineage_path is
 * not NULL, lineage.csv, then validates the whole (units_check). On
 * success *out receives a new set (units_free it). */
gn_err unitfile_load(const char *path, const char *name,
		     const char *lineage_path, const char *lineage_name,
		     gn_diag *d, unit_set **out);

/* The readers of units.csv and lineage.csv over CSV text in memory (len
 * bytes at data; name labels messages), adding versions or lineage rows
 * to u, a set not yet checked: imports combine a file with what a
 * database holds and then call units_check. GN_EINPUT when a row broke a
 * rule (reported to d). */
gn_err unitfile_read_units_mem(unit_set *u, const char *name, const char *data,
				size_t len, gn_diag *d);
gn_err unitfile_read_lineage_mem(unit_set *u, const char *name, const char *data,
				  size_t len, gn_diag *d);

typedef struct pop_row {
	int32_t code;
	int year;
	int64_t households;
	int64_t persons; /* -1 when not given */
	long line;
} pop_row;

typedef struct pop_table {
	pop_row *rows; /* sorted by (code, year) */
	size_t n;
} pop_table;

/* Reads population.csv against the units of u. Unknown units and repeated
 * (unit_code, year) pairs are errors. Free with poptable_free. */
gn_err popfile_load(const unit_set *u, const char *path, const char *name,
		    gn_diag *d, pop_table *out);
/* The same over CSV text in memory. */
gn_err popfile_load_mem(const unit_set *u, const char *name, const char *data,
			size_t len, gn_diag *d, pop_table *out);
void poptable_free(pop_table *t);

#endif
