/*
 * figures.h - the numbers behind the review's summary tables (domain.md
 * section 4): for a unit U, a year Y and a map date D, one row per unit of
 * U's subtree on the map of D, each with the figures of every household
 * row of year Y placed under it.
 *
 * Layer: report. report_figures_load reads the store (units with lineage,
 * population, reviews of all years: transitions need the whole history),
 * places the rows of year Y on the map of D exactly as `gnbv summary` does
 * (rollup_place: lineage, splits in household-id order; population by
 * rollup_place_count) and adds them up the hierarchy. The rows come in
 * display order: each unit that has units under it (a subtotal row)
 * followed by them, depth first, children in code order; U itself, the
 * TOTAL, last. The struct is public so that tests can build figures by
 * hand (report_figures_new / report_figures_add_row).
 *
 * Ownership: report_figures_free releases a report_figures and every
 * string in it (NULL accepted). The std_set passed to load is borrowed and
 * must outlive the figures.
 */
#ifndef GN_REPORT_FIGURES_H
#define GN_REPORT_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/af.h"
#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../core/transition.h"
#include "../core/units.h"
#include "../store/store.h"

/* Groups of table 8 (a household may be in several; "other": in none). */
typedef enum rf_group {
	GRP_MINORITY,  /* head of an ethnic minority (not Kinh) */
	GRP_NO_LABOUR, /* no labour capacity */
	GRP_MERIT,     /* person of merit (người có công) */
	GRP_OTHER,     /* none of the above */
	GRP_COUNT
} rf_group;

/* Causes of poverty of table 10: the CAUSE_* bits of io/households_file.h. */
#define RF_CAUSES 8
/* Ethnicities of table 9: at most this many distinct ones in a report (the
 * heads' head_ethnicity of the year's rows); any further one is counted in
 * the last slot, shown as "Khác". */
#define RF_MAX_ETHNIC 64
/* The name of the slot of the rows with no head_ethnicity. */
#define RF_ETH_UNKNOWN "Không rõ"

/* The figures of one unit. */
typedef struct rfig {
	int64_t households;      /* resident households (population) */
	int64_t persons;         /* resident persons (known ones) */
	int64_t reviewed;        /* household rows of the year */
	int64_t cls[CLASS_COUNT];
	int64_t tr[TR_COUNT];
	int64_t dep_poor[STD_MAX_CATALOGUE]; /* poor households deprived in each bit */
	int64_t dep_near[STD_MAX_CATALOGUE];
	int64_t grp_poor[GRP_COUNT];
	int64_t grp_near[GRP_COUNT];
	int64_t cause_poor[RF_CAUSES];   /* poor households with each cause */
	int64_t cause_near[RF_CAUSES];
	int64_t kinh_poor, kinh_near;    /* head Kinh */
	int64_t eth_poor[RF_MAX_ETHNIC]; /* by the head's ethnicity (report_figures.eth) */
	int64_t eth_near[RF_MAX_ETHNIC];
	int64_t child_poor, child_near;  /* deprived in nutrition, children's
					    schooling or health insurance (any) */
	af_cell af;                      /* Alkire-Foster sums, households weighing 1,
					    the standard's cutoff and weights */
} rfig;

void rfig_add(rfig *to, const rfig *from);

/* Movements (domain.md 4): end = start - out + in. */
static inline int64_t rfig_poor_start(const rfig *f)
{
	return f->tr[TR_REMAIN_POOR] + f->tr[TR_POOR_TO_NEAR] + f->tr[TR_ESCAPED_POOR];
}
static inline int64_t rfig_poor_out(const rfig *f)
{
	return f->tr[TR_ESCAPED_POOR] + f->tr[TR_POOR_TO_NEAR];
}
static inline int64_t rfig_poor_in(const rfig *f)
{
	return f->tr[TR_NEW_POOR] + f->tr[TR_RE_POOR] + f->tr[TR_NEAR_TO_POOR];
}
static inline int64_t rfig_near_start(const rfig *f)
{
	return f->tr[TR_REMAIN_NEAR] + f->tr[TR_NEAR_TO_POOR] + f->tr[TR_ESCAPED_NEAR];
}
static inline int64_t rfig_near_out(const rfig *f)
{
	return f->tr[TR_ESCAPED_NEAR] + f->tr[TR_NEAR_TO_POOR];
}
static inline int64_t rfig_near_in(const rfig *f)
{
	return f->tr[TR_NEW_NEAR] + f->tr[TR_RE_NEAR] + f->tr[TR_POOR_TO_NEAR];
}

typedef struct rf_row {
	char *code;
	char *name;
	unit_level level;
	int depth;          /* 0 for U, 1 for its children, ... */
	int parent;         /* index of the parent's row, -1 for U */
	bool has_children;  /* a subtotal row */
	rfig f;
} rf_row;

typedef struct report_figures {
	int year;
	gn_date asof;
	const std_set *stds;    /* borrowed */
	const standard *std;    /* the year's standard (NULL: none) */
	char *parent_name;      /* U's parent on the map ("" at the top) */
	rf_row *rows;           /* display order; U (the total) last */
	size_t nrows, caprows;
	int64_t unplaced;       /* household rows of Y recorded under no unit of the map */
	af_params af;           /* the year's standard's cutoff and weights (std NULL: none) */
	/* Ethnicities: name and key (folded, "ba_na") of each slot of
	 * rfig.eth_*, and the slots shown (those with a poor or near-poor
	 * household in the total), Kinh first, then in Vietnamese
	 * alphabetical order. */
	char *eth_name[RF_MAX_ETHNIC];
	char *eth_key[RF_MAX_ETHNIC];
	int neth;               /* slots in use */
	int eth_shown[RF_MAX_ETHNIC];
	int nshown;
} report_figures;

/* An empty set of figures for year and asof (stds borrowed, may be NULL). */
report_figures *report_figures_new(const std_set *stds, int year, gn_date asof);
void report_figures_free(report_figures *f);
/* The slot of ethnicity name (n bytes) in f, added when new (the last
 * slot, "Khác", once RF_MAX_ETHNIC - 1 are in use). */
int report_figures_ethnicity(report_figures *f, const char *name, size_t n);
/* Fills f->eth_shown from the total row (the last): the slots with a poor
 * or near-poor household, Kinh first, then Vietnamese alphabetical order. */
void report_figures_order_ethnicities(report_figures *f);
/* Appends a row (code and name copied) and returns its index. */
size_t report_figures_add_row(report_figures *f, const char *code, const char *name,
			      unit_level level, int depth, int parent);

/* Loads the figures of unit_code (valid on asof) for year. GN_ENOTFOUND
 * when the unit is not on the map of asof (message in d); GN_EIO from the
 * store; GN_EINTERNAL when a row breaks end = start - out + in. */
gn_err report_figures_load(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_figures **out);

/* Checks end = start - out + in for poor and near-poor on every row, and
 * that every subtotal row is the sum of the rows under it. GN_EINTERNAL
 * with a message per broken row in d (d may be NULL). */
gn_err report_figures_check(const report_figures *f, gn_diag *d);

#endif
