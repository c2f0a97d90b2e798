/*
 * store_me_results.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "results" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_results.c.
 *
 * The results framework's entered and imported figures: per indicator
 * (a code of data/me/indicators.csv), unit and period ("2024", "2024S1",
 * "2024Q3", "2024M05", canonical as core/indicators.h writes them), an
 * actual value and a local target, each in 1/10^4 (IND_SCALE) and
 * optional. Every change is audited in the caller's transaction under
 * entity "indicator_value", key "indicator/CODE/UNIT/PERIOD": "created"
 * (new value: the period), then fields "value" and "target" with their
 * old and new figures as decimals ("1.25"; NULL when not given).
 */
#ifndef GN_STORE_ME_RESULTS_H
#define GN_STORE_ME_RESULTS_H

typedef struct st_result {
	char indicator[ST_CODE];
	char unit_code[ST_CODE];
	char period[8];
	int year;
	bool has_value, has_target;
	int64_t value, target;      /* x 10^4 */
	char value_source[12];      /* "entered" or "imported"; "" without a value */
	char target_source[12];
	int64_t updated_at, updated_by;
} st_result;

/* Sets the value (when r->has_value) and the target (when r->has_target)
 * of (indicator, unit, period) with their sources, keeping what r does
 * not give; creates the row. GN_EINPUT when r gives neither or a bad
 * period. r->year and r->updated_* are set by the store. */
gn_err store_result_put(store *st, const st_result *r, int64_t user);
/* Clears the value and/or the target; the row goes when neither is left.
 * GN_ENOTFOUND when there is no such row. */
gn_err store_result_clear(store *st, const char *indicator, const char *unit_code,
			  const char *period, bool value, bool target, int64_t user);
gn_err store_result_get(store *st, const char *indicator, const char *unit_code,
			const char *period, st_result *out);

typedef struct st_result_filter {
	const char *const *unit_codes; /* NULL: all */
	size_t nunits;
	const char *indicator;         /* NULL: all */
	int year_from, year_to;        /* 0: open */
} st_result_filter;

/* Calls fn for every row matching f, by indicator, unit and year; stops
 * early when fn returns false. */
gn_err store_results_each(store *st, const st_result_filter *f,
			  bool (*fn)(void *ctx, const st_result *r), void *ctx);

#endif
