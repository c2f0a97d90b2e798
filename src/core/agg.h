/*
 * agg.h - live aggregates: the figures of every unit, year and map, kept
 * up to date as reviews change, with no rebuild job.
 *
 * Layer: core (pure; the caller locks: one writer or many readers).
 * Reviews are filed by household: a change of one household's review of
 * one year takes back the contributions of all its years (its transitions
 * depend on its whole history) and adds the new ones, in microseconds.
 * Contributions go to tallies per (recorded unit, year): the leaves.
 * agg_children adds the leaves up to the children of any unit on the map
 * of any date (unit_map), carrying ceased units through lineage; a leaf
 * that splits on that map is allocated household by household in id
 * order, exactly as `gnbv summary` does (formats.md 7.2).
 *
 * Ownership: agg_new borrows the unit set (it must outlive the agg).
 */
#ifndef GN_AGG_H
#define GN_AGG_H

#include <stddef.h>
#include <stdint.h>

#include "rollup.h"
#include "standard.h"
#include "transition.h"
#include "units.h"

#define AGG_MAX_DEP STD_MAX_INDICATORS

/* One review as the aggregates see it. */
typedef struct agg_review {
	int year;
	int32_t unit;      /* code it is recorded on */
	hh_class cls;
	uint32_t flags;    /* catalogue bits deprived (within the standard) */
	int members;
	int8_t minority, female, merit, no_labour; /* 1, 0 (or -1 unknown) */
} agg_review;

/* The figures of one unit for one year. */
typedef struct agg_figures {
	int32_t code;
	tally t; /* households/persons (population), reviewed, classes, transitions */
	int64_t dep_poor[STD_MAX_CATALOGUE];  /* poor households deprived in each */
	int64_t dep_near[STD_MAX_CATALOGUE];  /* near-poor households deprived in each */
	int64_t members[CLASS_COUNT];         /* persons of reviewed households */
	int64_t minority[CLASS_COUNT];
	int64_t female[CLASS_COUNT];
	int64_t merit[CLASS_COUNT];
	int64_t no_labour[CLASS_COUNT];
	/* Alkire-Foster at the cutoff of agg_set_af_cutoff (equal weights):
	 * households by number of deprivations, and households deprived in
	 * each indicator among all (uncensored) and among the AF-poor. */
	int64_t ndep[AGG_MAX_DEP + 1];
	int64_t dep_all[STD_MAX_CATALOGUE];
	int64_t dep_k[STD_MAX_CATALOGUE];
} agg_figures;

/* Start and end of year and the movements between: end = start - out + in. */
static inline int64_t agg_poor_start(const tally *t)
{
	return t->tr[TR_REMAIN_POOR] + t->tr[TR_POOR_TO_NEAR] + t->tr[TR_ESCAPED_POOR];
}
static inline int64_t agg_near_start(const tally *t)
{
	return t->tr[TR_REMAIN_NEAR] + t->tr[TR_NEAR_TO_POOR] + t->tr[TR_ESCAPED_NEAR];
}

typedef struct agg agg;

agg *agg_new(const unit_set *u);
void agg_free(agg *a);

/* Sets the review of household `id` (n bytes) for r->year, replacing the
 * one it had; agg_unset removes it. */
void agg_set(agg *a, const char *id, size_t n, const agg_review *r);
void agg_unset(agg *a, const char *id, size_t n, int year);
/* Sets the resident households and persons (-1 unknown) of a code. */
void agg_set_population(agg *a, int32_t code, int year, int64_t households,
			int64_t persons);
/* The AF poverty cutoff in deprivations (default 3: k = 3/12 with the 12
 * equally weighted indicators of the shipped standards). Set it before
 * adding reviews. */
void agg_set_af_cutoff(agg *a, int k);
int agg_af_cutoff(const agg *a);
/* Increases with every change. */
uint64_t agg_generation(const agg *a);
/* Years that have reviews, ascending; returns their number (<= max). */
size_t agg_years(const agg *a, int *years, size_t max);

/* The figures of `parent` (*total) and of each of its children on map m
 * for year: *children receives a malloc'd array (free it) of *n entries
 * in code order, every child of parent valid on the map (zeros when it
 * has no data). Data that cannot be placed under parent is left out. */
void agg_children(const agg *a, const unit_map *m, int year, int32_t parent,
		  agg_figures *total, agg_figures **children, size_t *n);

#endif
