/*
 * import.h - imports of the interchange files (formats.md 1-4: units,
 * lineage, population, households) into a store, all or nothing.
 *
 * Layer: app (uses store and io). An import first reads and checks the
 * whole file with the io readers, collecting every error (file, line,
 * column, message) in a gn_diag; only when there is none does it write,
 * in one transaction, which it rolls back if the store refuses anything
 * (a locked review). So a file with one bad row writes nothing.
 *
 * What each kind does:
 * - units: the file becomes the units of the store; the stored lineage is
 *   kept and checked against the new units; every unit code that stored
 *   households, reviews, population or users refer to must still exist.
 * - lineage: the file becomes the lineage of the store, checked against
 *   the stored units.
 * - population: rows are added or replace the stored row of the same
 *   (unit, year); units must exist in the store.
 * - households: each row is a review (households.csv, one row per
 *   household and year), validated and classified by the standard of its
 *   year against the stored units; a (household_id, year) may appear once
 *   in the file; a stored review of the same household and year is
 *   replaced unless it is locked (an error naming the line). The household
 *   record takes its unit, village and head from the household's latest
 *   row in the file, unless the store holds a later year; its members and
 *   address are kept. New reviews are "draft"; support needs and round of
 *   a replaced review are kept.
 * - indicator_values (formats.md 6; app/indicators.h): each row sets the
 *   value and/or the local target of an indicator of the results framework
 *   (o->indicators) for a stored unit and a period, keeping what it leaves
 *   empty; an (indicator, unit, period) may appear once in the file.
 * - budget (formats.md 5; app/budget.h): allocations and disbursements by
 *   plan, unit, year, project, source and capital type (o->catalogue),
 *   checked against the stored units, plans and lines; an allocation
 *   replaces the stored one of its key, a disbursement that of its key and
 *   date.
 *
 * Files are CSV or XLSX (detected by content, "PK\3\4"): the first sheet
 * of a workbook is read as CSV (xlsx_read.h), so its line numbers are the
 * spreadsheet's row numbers.
 *
 * Ownership: nothing returned needs freeing except the caller's buf.
 */
#ifndef GN_IMPORT_H
#define GN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/indicators.h"
#include "../core/standard.h"
#include "../io/catalogue_file.h"
#include "../store/store.h"

typedef enum file_kind {
	FILE_UNITS,
	FILE_LINEAGE,
	FILE_POPULATION,
	FILE_HOUSEHOLDS,
	FILE_BUDGET,         /* budget.csv (formats.md 5): app/budget.h */
	FILE_INDICATOR_VALUES, /* indicator_values.csv (formats.md 6): app/indicators.h */
	FILE_KIND_COUNT
} file_kind;

/* "units", "lineage", "population", "households"; NULL past the end. */
const char *file_kind_name(file_kind k);
/* Parses one of those names (exact, lower case). */
bool file_kind_parse(const char *s, file_kind *out);

typedef struct import_opts {
	const std_set *standards; /* households: classifies rows (required) */
	const me_catalogue *catalogue; /* budget: the projects (required) */
	const ind_catalogue *indicators; /* indicator_values: the results framework (required) */
	int64_t user;             /* the user audited (0: the system) */
	bool dry_run;             /* check everything, write nothing */
	/* The caller's area (the web application's scope), or NULL for no
	 * limit (the CLI): in_area(ctx, code) tells whether a unit code is
	 * inside it. Then, each an error naming its line and column, with
	 * the text "\"CODE\": " + outside_msg:
	 * - population and households rows on a unit outside the area
	 *   (column unit_code);
	 * - households rows of a stored household recorded outside the area,
	 *   or replacing a stored review recorded outside it (column
	 *   household_id): an import never moves nor overwrites another
	 *   area's records;
	 * - in a units file, a version added or changed on a code outside
	 *   the area, or under a parent outside it (columns code,
	 *   parent_code); the stored units outside the area that the file
	 *   leaves out are kept, so the file replaces the area's units only
	 *   (a code is inside when in_area accepts it or, new, when all its
	 *   parents are inside);
	 * - in a lineage file, a row that is not already stored and touches
	 *   a code outside the area (columns old_code, new_code); stored rows
	 *   touching the outside are kept. */
	bool (*in_area)(void *ctx, const char *code);
	const char *outside_msg;
	/* Households (optional): called with every valid row inside the
	 * area, in file order, as it is read (before the whole file is known
	 * to be clean): previews. The review is only valid during the call. */
	void (*on_review)(void *ctx, long line, const st_review *r);
	void *ctx;                /* of in_area and on_review */
} import_opts;

/* Appends the CSV text of an uploaded file to out: a workbook converted,
 * CSV copied. For previews. GN_EINPUT (reported to d) on a bad workbook. */
gn_err import_to_csv(const char *name, const void *data, size_t len, gn_diag *d,
		     buf *out);

/* Imports the len bytes at data (a file named name, for messages) as
 * kind. GN_OK: *rows rows written (or that would be, in a dry run): the
 * records of the file.
 * GN_EINPUT: bad input, every error in d, nothing written. GN_EIO: the
 * database failed (message in d), nothing written. GN_EUSAGE: households
 * without standards. */
gn_err import_mem(store *st, file_kind kind, const char *name, const void *data,
		  size_t len, const import_opts *o, gn_diag *d, size_t *rows);
/* The same for the file at path (name labels messages). GN_EIO when it
 * cannot be read (reported to d). */
gn_err import_file(store *st, file_kind kind, const char *path, const char *name,
		   const import_opts *o, gn_diag *d, size_t *rows);

#endif
