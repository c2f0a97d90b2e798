/*
 * budget.h - budget.csv (formats.md 5) into and out of a store, all or
 * nothing, and one budget line entered in a form: the rules that need the
 * stored units, plans and lines (issue 5).
 *
 * Layer: app (uses store and io). The file's own rules are the reader's
 * (io/budget_file.h); here:
 * - units must be stored (and inside the caller's area: import_opts);
 * - a line's plan is the stored plan with that reference (plan column,
 *   "32/KH-UBND 2023": a plan's number and the year of its date) issued
 *   by the line's unit or the nearest unit above it on the map of 31
 *   December of the line's year (every People's Committee numbers its own
 *   plans, so "32/KH-UBND 2023" of a commune and of its district are two
 *   plans; the commune's lines go to the commune's). A line whose plan is
 *   not stored is accepted and kept under that reference (a warning names
 *   it once): the budget stands on its own, and the plan, entered later,
 *   finds its lines by reference. A line of a stored plan must fall in
 *   the plan's years;
 * - declared funding: when a stored plan declares the funding of a
 *   project for a year (a total and maybe its parts by source and capital
 *   type) and the file has allocated lines of that plan, year and project
 *   (the project or its sub-projects), they must add up to the declared
 *   total, and source by source, capital type by capital type (with the
 *   carry-over), to the declared parts: else an error naming the project,
 *   the declared total and the sum of the lines. The file is the unit of
 *   consistency: a plan's allocations of a project come in one file;
 * - per key (plan, unit, year, project, source, capital) the
 *   disbursements may not exceed the allocation, counting the stored
 *   lines that the file does not replace: an error naming the line that
 *   breaks it (the allocation that became too small, or the last
 *   disbursement of the file for the key).
 * Re-importing a file doubles nothing: an allocation replaces the stored
 * one of its key, a disbursement the stored one of its key and date. The
 * lines are written in one transaction (each audited, store_me_plans.h).
 *
 * Ownership: nothing returned needs freeing but the caller's buffers.
 */
#ifndef GN_APP_BUDGET_H
#define GN_APP_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/units.h"
#include "../io/catalogue_file.h"
#include "../store/store.h"
#include "export.h"
#include "import.h"

/* Imports the CSV text (len bytes; a workbook was converted by the
 * caller) of a budget.csv named name. Options as import.h (catalogue
 * required: GN_EUSAGE without). GN_OK with *rows lines written (or that
 * would be, in a dry run); GN_EINPUT with every error in d; GN_EIO. */
gn_err budget_import(store *st, const char *name, const char *csv, size_t len,
		     const import_opts *o, gn_diag *d, size_t *rows);

/* Appends budget.csv of the stored lines to out: those on o->unit_codes
 * (NULL: all) and of o->year (0: all), ordered by year, plan, unit,
 * project, source, capital, kind and date; money as plain digits, a
 * carry-over of 0 left empty. It imports again unchanged. */
gn_err budget_export_csv(store *st, const export_opts *o, buf *out);

/* Why a line entered in a form is refused: the field and the message. */
typedef struct budget_refusal {
	const char *field;       /* "plan", "year", "amount", "unit_code" */
	char vi[320], en[320];
} budget_refusal;

/* Checks one line (its fields already valid: codes of the catalogue and
 * of formats.md, a stored unit) against the store as the import does
 * (plan years, disbursements within the allocation; not the declared
 * funding, which a file of all the plan's lines checks), then writes it
 * (replacing the stored line of its key) inside the caller's transaction.
 * u: the stored units. GN_EINPUT with *why filled; GN_EIO. */
gn_err budget_record(store *st, const me_catalogue *cat, const unit_set *u,
		     st_budget_line *l, int64_t user, budget_refusal *why);

/* The stored plan that a line of reference `ref` on unit `unit_code` in
 * `year` belongs to (the rule above): GN_OK with *out filled (with its
 * declared funding; st_plan_clear it), GN_ENOTFOUND, GN_EIO. */
gn_err budget_plan_of(store *st, const unit_set *u, const char *ref, const char *unit_code,
		      int year, st_plan *out);

#endif
