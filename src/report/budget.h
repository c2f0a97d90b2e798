/*
 * budget.h - the programme's funds of a unit and year (issue 5): the
 * figures (allocated, carried over, disbursed by project and sub-project,
 * by funding source and capital type, by the units under the unit) and
 * the budget report drawn from them (`gnbv report budget`).
 *
 * Layer: report. The figures read the budget lines of the year from the
 * store and place each on the map of a date: a line of a unit valid then
 * stays on it; a line of a unit that ceased goes, whole, to its successor
 * through lineage that takes the largest share (the first in code order
 * on a tie), so that nothing is counted twice. A unit's figures are those
 * of the lines placed on it and on every unit under it. Projects add up
 * their sub-projects (core/budget.h, budget_rollup), the total adds up
 * the projects, and the rows of the units under the unit add up to the
 * total; rates are exact hundredths of a percent.
 *
 * The report: one row per project and sub-project of the catalogue (a
 * project with sub-projects as a subtotal row above them), a column per
 * funding source and capital type that has money (allocated), then the
 * allocation, the part carried over from the year before, the
 * disbursement and the disbursement rate; the total last. Title block,
 * numbered column row and A4 landscape as the other official tables, so
 * the CSV, XLSX and PDF renderers of render.h draw it.
 *
 * Ownership: budget_figures_free releases the figures (NULL accepted);
 * they borrow the catalogue. The document is freed by report_doc_free.
 */
#ifndef GN_REPORT_BUDGET_H
#define GN_REPORT_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/budget.h"
#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/units.h"
#include "../io/catalogue_file.h"
#include "../store/store.h"
#include "doc.h"

#define REPORT_BUDGET "budget"
#define REPORT_BUDGET_TITLE "KINH PHÍ VÀ GIẢI NGÂN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG"

typedef struct budget_unit_row {
	int32_t code;              /* code index in the unit set */
	const char *code_text;
	const char *name;
	bool own;                  /* the unit's own lines, not a unit under it */
	bool has_children;         /* a unit with units under it on the map */
	budget_row r;              /* its figures (subtree) */
} budget_unit_row;

typedef struct budget_figures {
	const me_catalogue *cat;   /* borrowed */
	int32_t unit;              /* the unit's code index */
	const char *unit_code, *unit_name, *parent_name;
	unit_level level;
	int year;
	const char *plan;          /* only the lines of this plan reference; NULL: all */
	gn_date asof;              /* the map */
	budget_row *projects;      /* cat->n rows, in catalogue order, sub-projects added up */
	budget_row total;
	budget_unit_row *units;    /* the units right under the unit, by code, then
				    * a row of its own lines when it has any */
	size_t nunits;
	size_t lines;              /* lines counted */
	size_t unplaced;           /* lines of units that cannot be placed on the map */
	void *pool;                /* strings (private) */
} budget_figures;

/* The figures of unit_code for year (and plan, when not NULL) on the map m
 * of the unit set u (both borrowed during the call). GN_ENOTFOUND (and a
 * message in d) when the unit is not on the map; GN_ERANGE on overflow;
 * GN_EIO from the store. */
gn_err budget_figures_compute(store *st, const me_catalogue *cat, const unit_set *u,
			      const unit_map *m, const char *unit_code, int year,
			      const char *plan, gn_diag *d, budget_figures **out);
/* The same with the units loaded from the store and the map of asof. */
gn_err budget_figures_load(store *st, const me_catalogue *cat, const char *unit_code,
			   int year, const char *plan, gn_date asof, gn_diag *d,
			   budget_figures **out);
void budget_figures_free(budget_figures *f);

/* The report document of the figures. */
gn_err report_budget(const budget_figures *f, report_doc **out);

#endif
