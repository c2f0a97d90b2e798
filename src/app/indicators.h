/*
 * indicators.h - the results framework's operations that the CLI and the
 * API share (issue 5): the import and export of indicator_values.csv (all
 * or nothing), the live computation of the registry's indicators from the
 * aggregates' figures, and the evaluation of an indicator at a unit and
 * period (value and where it comes from, baseline, target, achievement).
 *
 * Layer: app (uses store, io, core). The rules themselves are
 * core/indicators.h; the catalogue is read by io/indicator_file.h.
 *
 * The computed indicators (a `computed` key in data/me/indicators.csv),
 * from the figures of the unit (core/agg.h, the same figures as the
 * dashboard) for the year Y of the period, the year before, and the
 * indicator's baseline year; yearly periods only:
 *   poor, near_poor          households in the class at the end of Y;
 *   poor_rate, near_poor_rate  the class / resident households (population)
 *                          x 100, with the indicator's decimals, exactly as
 *                          the dashboard rounds it (rate_hundredths);
 *   poor_rate_reduction    poor_rate of Y-1 - poor_rate of Y, each rounded
 *                          to two decimals first (the difference of the
 *                          rates people see), in percentage points;
 *   poor_reduced           poor households at the start of Y - at its end,
 *                          from Y's movements: (escaped + poor to near-poor)
 *                          - (newly poor + re-poor + near-poor to poor);
 *   poor_minority          poor households whose head is of an ethnic
 *                          minority (head_ethnicity given and not Kinh);
 *   poor_minority_reduced  poor_minority of Y-1 - of Y;
 *   health_insurance_poor  the share of poor households NOT deprived on the
 *                          standard's health-insurance indicator
 *                          (d_health_insurance: every member aged 6 or more
 *                          has a health-insurance card), x 100: a share of
 *                          households, not of persons;
 *   poor_near_reduced_pct  (poor + near-poor at the end of the baseline
 *                          year - at the end of Y) / at the end of the
 *                          baseline year x 100.
 * A figure that needs households (a rate with no resident households, a
 * year without reviews) is not available rather than 0.
 *
 * Ownership: ind_table_new's table is freed with ind_table_free.
 */
#ifndef GN_APP_INDICATORS_H
#define GN_APP_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/agg.h"
#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/indicators.h"
#include "../core/standard.h"
#include "../core/units.h"
#include "../store/store.h"
#include "import.h"

/* ---- import and export -------------------------------------------------------- */

/* Imports indicator_values.csv text (formats.md 6; CSV already, a workbook
 * converted by import.c) against catalogue c: every row checked (io
 * reader), units of the store, the caller's area (o->in_area: column
 * unit_code), then written in one transaction, or nothing. A row sets the
 * value and/or the target it gives (source "imported") and keeps what it
 * leaves empty; a second import of the same file changes nothing. GN_OK
 * with *rows; GN_EINPUT (errors in d); GN_EIO (database, in d); GN_EUSAGE
 * without a catalogue. */
gn_err indicators_import(store *st, const ind_catalogue *c, const char *name,
			 const char *csv, size_t len, const import_opts *o, gn_diag *d,
			 size_t *rows);

/* Appends indicator_values.csv (indicator,unit_code,period,value,target:
 * values as exact decimals, "" when not given) of the stored rows on the
 * units given (NULL: all) and of year (0: all), by indicator, unit and
 * period: a file that imports again unchanged. */
gn_err indicators_export_csv(store *st, const char *const *units, size_t nunits, int year,
			     buf *out);

/* ---- the registry's indicators ------------------------------------------------ */

/* The figures a computed indicator reads, NULL when not known. */
typedef struct ind_figures {
	const agg_figures *year;      /* the period's year */
	const agg_figures *prev;      /* the year before */
	const agg_figures *base;      /* the indicator's baseline year */
} ind_figures;

/* The value of computed indicator d for year (x IND_SCALE); false when it
 * cannot be computed from the figures (see the top of this file). stds
 * gives the health-insurance indicator's bit and whether year's standard
 * has it. */
bool indicators_computed(const ind_def *d, const std_set *stds, int year,
			 const ind_figures *f, int64_t *out);

/* ---- evaluation ------------------------------------------------------------------- */

typedef struct ind_table ind_table;

/* Where the live values come from: fn gives the computed indicator d's
 * value at unit (a code index of the table's units; -1 the whole map) for
 * period p, or false. */
typedef bool (*ind_computed_fn)(void *ctx, const ind_def *d, int32_t unit,
				const ind_period *p, int64_t *out);

/* A table over catalogue c, the units u and the map m (the hierarchy that
 * sums follow); computed (may be NULL) gives the live values. */
ind_table *ind_table_new(const ind_catalogue *c, const unit_set *u, const unit_map *m,
			 ind_computed_fn computed, void *ctx);
void ind_table_free(ind_table *t);
/* Loads the stored values and local targets of years [year_from,
 * year_to] (0: open) on the units listed (NULL: all) from st. GN_EIO (or
 * the store's error) when it fails. */
gn_err ind_table_load(ind_table *t, store *st, const char *const *units, size_t nunits,
		      int year_from, int year_to);
/* The codes of unit's subtree on the table's map, unit first (-1: every
 * code on the map): for ind_table_load. *out is malloc'd (free() it); its
 * strings belong to the unit set. */
size_t ind_table_subtree(ind_table *t, int32_t unit, const char ***out);

typedef struct ind_eval {
	ind_value actual;
	ind_value below;        /* a sum indicator with its own stored value at the
				 * unit: what the units below add up to (has: any) */
	bool has_target;
	int64_t target;         /* the figure required (ind_target_required) */
	int64_t target_low, target_high;
	const char *target_source; /* "local" (stored for the unit) or "programme" */
	const char *target_basis;  /* programme: the data file's basis; "" */
	bool has_baseline;
	int64_t baseline;
	int baseline_year;         /* 0: the catalogue's figure without a year */
	const char *baseline_source; /* an ind_origin name, or "catalogue" */
	bool has_achievement;
	ind_achievement ach;
} ind_eval;

/* Evaluates indicator i at unit (-1: the whole map) for period p. national
 * is true for the whole map or a unit of level country (the programme's
 * national targets apply there). */
void ind_table_eval(ind_table *t, int i, int32_t unit, const ind_period *p, bool national,
		    ind_eval *out);
/* The units right below unit on the table's map (code order). */
size_t ind_table_children(ind_table *t, int32_t unit, const int32_t **out);

#endif
