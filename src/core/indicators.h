/*
 * indicators.h - the rules of the results framework (issue 5, domain.md 5:
 * Circular 10/2022, Annex III): reporting periods, indicator values as
 * exact decimals, the indicator catalogue (data/me/indicators.csv, read by
 * io/indicator_file.h), the achievement of a target with the indicator's
 * direction, and how the value of an indicator is found for a unit.
 *
 * Layer: core (pure: no I/O, no SQL). Values and targets are int64 in
 * units of 1/IND_SCALE (four decimals), so every rule is exact integer
 * arithmetic; percentages of achievement are in hundredths of a percent,
 * rounded half away from zero.
 *
 * Where a unit's value comes from (ind_resolve), in this order:
 *   1. a `computed` indicator: from the registry's live aggregates, at any
 *      unit directly (the source's computed callback), yearly periods only;
 *   2. a value stored for that unit and period (entered in the UI or
 *      imported): it wins over anything below it;
 *   3. by the indicator's aggregation:
 *      sum        the sum of the units right below it on the map, each
 *                 resolved the same way (so a district without its own
 *                 value adds up its communes, and a commune's own value
 *                 replaces its villages' sum);
 *      ratio      NUM / DEN x 100 (two other indicators, each resolved at
 *                 the unit), rounded to the indicator's decimals;
 *      reduction  X(previous period) - X(period), X another indicator;
 *      none       only a stored value.
 *
 * Ownership: a catalogue owns its definitions and their strings;
 * ind_catalogue_add takes the definition's strings (ind_def_clear frees
 * them when the add fails). Nothing else allocates.
 */
#ifndef GN_INDICATORS_H
#define GN_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

#define IND_SCALE 10000   /* values are int64 x 10^4 */
#define IND_MAX_DECIMALS 4
/* Largest magnitude of a value (10^13 units, x IND_SCALE): sums and
 * products stay far from int64 overflow. */
#define IND_VALUE_MAX ((int64_t)10000000000000 * IND_SCALE)
#define IND_PERIOD_LEN 8  /* "2024M05" + NUL */
#define IND_YEAR_MIN 2000
#define IND_YEAR_MAX 2100

/* ---- periods ------------------------------------------------------------- */

typedef enum ind_period_kind {
	IND_YEAR,    /* "2024" */
	IND_HALF,    /* "2024S1", "2024S2" (6 tháng) */
	IND_QUARTER, /* "2024Q1" .. "2024Q4" */
	IND_MONTH,   /* "2024M01" .. "2024M12" */
} ind_period_kind;

typedef struct ind_period {
	int year;
	ind_period_kind kind;
	int n;       /* half 1-2, quarter 1-4, month 1-12; 0 for a year */
} ind_period;

/* Parses "2024", "2024S1", "2024Q3", "2024M05" (the letter in either
 * case; months with two digits) with a year in [IND_YEAR_MIN,
 * IND_YEAR_MAX]. False for anything else. */
bool ind_period_parse(const char *s, size_t n, ind_period *out);
/* The canonical text ("2024S1") into out. */
void ind_period_format(const ind_period *p, char out[IND_PERIOD_LEN]);
/* Chronological order: by first month, then the longer period first (2024,
 * 2024S1, 2024Q1, 2024M01, 2024M02, 2024M03, 2024Q2, ...). <0, 0, >0. */
int ind_period_cmp(const ind_period *a, const ind_period *b);
/* The period of the same kind just before p (2024 -> 2023, 2024S1 ->
 * 2023S2, 2024M01 -> 2023M12). */
ind_period ind_period_prev(const ind_period *p);
/* First and last month (1-12) of p. */
int ind_period_first_month(const ind_period *p);
int ind_period_last_month(const ind_period *p);

/* ---- numbers --------------------------------------------------------------- */

/* v rounded to `decimals` (0-4) decimals, half away from zero, still in
 * units of 1/IND_SCALE. */
int64_t ind_round(int64_t v, int decimals);
/* Whether v has at most `decimals` decimals. */
bool ind_fits_decimals(int64_t v, int decimals);
/* 100 * num / den (both in 1/IND_SCALE units) rounded to `decimals`, in
 * 1/IND_SCALE units: a percentage. False when den is 0 or the result is
 * out of range. */
bool ind_percent(int64_t num, int64_t den, int decimals, int64_t *out);
/* a + b, false past IND_VALUE_MAX in magnitude. */
bool ind_add(int64_t a, int64_t b, int64_t *out);
/* Appends v with `decimals` decimals, '.' as the decimal point and no
 * grouping ("1.25", "-3", "1200"): the form of indicator_values.csv. */
gn_err ind_format(buf *b, int64_t v, int decimals);

/* ---- the catalogue ------------------------------------------------------------ */

typedef enum ind_direction { IND_UP, IND_DOWN } ind_direction;

typedef enum ind_agg {
	IND_AGG_SUM,
	IND_AGG_RATIO,
	IND_AGG_REDUCTION,
	IND_AGG_NONE,
	IND_AGG_COUNT
} ind_agg;

/* The values the registry computes live (app/indicators.c says how). */
typedef enum ind_computed {
	IND_COMP_NONE,
	IND_COMP_POOR,                 /* poor households at the end of the year */
	IND_COMP_NEAR_POOR,            /* near-poor households at the end of the year */
	IND_COMP_POOR_RATE,            /* poor / resident households x 100 */
	IND_COMP_NEAR_POOR_RATE,
	IND_COMP_POOR_RATE_REDUCTION,  /* rate of the year before - rate of the year */
	IND_COMP_POOR_REDUCED,         /* poor at the start of the year - at its end */
	IND_COMP_POOR_MINORITY,        /* poor households with an ethnic-minority head */
	IND_COMP_POOR_MINORITY_REDUCED,
	IND_COMP_HEALTH_INSURANCE_POOR, /* poor households not deprived on health insurance, % */
	IND_COMP_POOR_NEAR_REDUCED_PCT, /* poor + near-poor: reduction since the baseline year, % */
	IND_COMP_COUNT
} ind_computed;

/* Names as written in the data files ("sum", "up", "poor_rate"); NULL
 * past the end. */
const char *ind_agg_name(ind_agg a);
const char *ind_computed_name(ind_computed c);
bool ind_agg_parse(const char *s, size_t n, ind_agg *out);
bool ind_computed_parse(const char *s, size_t n, ind_computed *out);
bool ind_direction_parse(const char *s, size_t n, ind_direction *out);
const char *ind_direction_name(ind_direction d);

/* A programme target of the data files (data/me/indicator_targets.csv). */
typedef struct ind_target {
	ind_period period;
	int64_t low, high;   /* a range "1-1.5": both; a single figure: low == high */
	bool national;       /* true: for the national total only (a count of the
			      * programme); false: the reference of every unit */
	char *basis;         /* where the figure comes from, and whether verified */
	long line;
} ind_target;

typedef struct ind_def {
	char *code;
	char *name_vi, *name_en;
	char *measure_vi, *measure_en; /* unit of measure: "%", "hộ", "điểm %"... */
	ind_direction dir;
	bool project_level;            /* level: programme or project */
	char *project;                 /* DA1 .. DA7.2, "" for the programme */
	ind_agg agg;
	int num, den;                  /* ratio: NUM/DEN; reduction: num = X; else -1 */
	ind_computed computed;
	int decimals;                  /* 0-4 */
	bool has_baseline;
	int64_t baseline;              /* national baseline of the catalogue */
	int baseline_year;             /* 0: none */
	int headline;                  /* order on the dashboard card; 0: not there */
	char *basis;                   /* source of the definition and baseline */
	char *note_vi, *note_en;       /* what exactly is counted */
	ind_target *targets;
	size_t ntargets;
	long line;
} ind_def;

/* Frees the strings and targets of d (not d itself). */
void ind_def_clear(ind_def *d);

typedef struct ind_catalogue ind_catalogue;

ind_catalogue *ind_catalogue_new(void);
void ind_catalogue_free(ind_catalogue *c);
/* Adds d (its contents are taken, d is zeroed). GN_EEXIST, nothing taken,
 * when the code is there already. */
gn_err ind_catalogue_add(ind_catalogue *c, ind_def *d);
size_t ind_count(const ind_catalogue *c);
const ind_def *ind_at(const ind_catalogue *c, size_t i);
/* For the reader, which links formulas and adds targets after the adds. */
ind_def *ind_at_mut(ind_catalogue *c, size_t i);
/* The index of the code (n bytes at s), or -1. */
int ind_find(const ind_catalogue *c, const char *s, size_t n);
/* Whether formulas (ratio, reduction) form a cycle through indicator i. */
bool ind_has_cycle(const ind_catalogue *c, int i);

/* The programme target of d for period p: for the national total (national
 * true) any; else only those that are every unit's reference. NULL when
 * none. */
const ind_target *ind_programme_target(const ind_def *d, const ind_period *p, bool national);
/* The figure of a range that the direction makes the requirement: the low
 * end for "up" (at least), the high end for "down" (at most). */
int64_t ind_target_required(const ind_def *d, const ind_target *t);

/* ---- achievement ------------------------------------------------------------- */

typedef struct ind_achievement {
	bool has_pct;
	int64_t pct;   /* hundredths of a percent: 10450 = 104.50 % */
	bool met;      /* up: actual >= target; down: actual <= target */
} ind_achievement;

/*
 * How far actual reaches target:
 *   up   (more is better):  actual / target x 100, when target > 0;
 *   down (less is better):  target / actual x 100, when actual > 0 and
 *        target >= 0 (a ceiling: at or under it gives 100 % or more;
 *        an actual of 0 meets any ceiling and has no percentage).
 * A reduction target (poverty rate down 1.5 points) is an "up" indicator
 * of the reduction, not a "down" one of the rate.
 */
void ind_achieve(ind_direction dir, int64_t actual, int64_t target, ind_achievement *out);

/* ---- resolution --------------------------------------------------------------- */

typedef enum ind_origin {
	IND_FROM_NONE,
	IND_FROM_ENTERED,   /* stored, entered in the UI */
	IND_FROM_IMPORTED,  /* stored, from an indicator_values file */
	IND_FROM_COMPUTED,  /* the registry's live aggregates */
	IND_FROM_SUM,       /* the sum of the units below */
	IND_FROM_DERIVED,   /* a ratio or a reduction of other indicators */
} ind_origin;

const char *ind_origin_name(ind_origin o); /* "entered", "imported", ... "" */

typedef struct ind_value {
	bool has;
	int64_t v;
	ind_origin origin;
	int units;          /* sum: units below with a value */
} ind_value;

/* What the resolver reads. Units are code indexes; -1 is the whole map
 * (whose "children" are the top units). */
typedef struct ind_source {
	void *ctx;
	/* The stored value of indicator `ind` at unit and period; *imported
	 * tells its origin. */
	bool (*stored)(void *ctx, int ind, int32_t unit, const ind_period *p, int64_t *v,
		       bool *imported);
	/* The units right below unit on the map (may be none). */
	size_t (*children)(void *ctx, int32_t unit, const int32_t **out);
	/* The live value of a computed indicator; false when not available. */
	bool (*computed)(void *ctx, const ind_def *d, int32_t unit, const ind_period *p,
			 int64_t *v);
} ind_source;

/* The value of indicator i at unit for period p, by the rules at the top.
 * The catalogue must be free of cycles (the reader checks). */
void ind_resolve(const ind_catalogue *c, const ind_source *src, int i, int32_t unit,
		 const ind_period *p, ind_value *out);
/* Only rule 3's sum for a sum indicator, ignoring the unit's own stored
 * value (to show what an entered value at a parent replaces). */
void ind_resolve_children_sum(const ind_catalogue *c, const ind_source *src, int i,
			      int32_t unit, const ind_period *p, ind_value *out);

#endif
