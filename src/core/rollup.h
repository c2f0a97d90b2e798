/*
 * rollup.h - placing data on the map of a date and adding it up the
 * hierarchy (formats.md 7.2).
 *
 * Layer: core. Data recorded on a unit code reaches the map of date D
 * through unit_map_dest: itself when valid on D, else its successors. When
 * a code has several successors (a split) or only part of it went on,
 * whole households are allocated in household-id byte order by
 * unit_split_bounds; population counts are split the same way.
 */
#ifndef GN_ROLLUP_H
#define GN_ROLLUP_H

#include <stddef.h>
#include <stdint.h>

#include "transition.h"
#include "units.h"

/* The figures of one unit for one year. */
typedef struct tally {
	int64_t households; /* resident households (population.csv) */
	int64_t persons;    /* resident persons, when known */
	int64_t reviewed;   /* household rows of the year */
	int64_t cls[CLASS_COUNT];
	int64_t tr[TR_COUNT];
} tally;

void tally_add(tally *to, const tally *from);

/* A household row to place: recorded on code `unit` for household `id`. */
typedef struct place_item {
	int32_t unit;
	uint32_t id_len;
	const char *id;
} place_item;

/* For n rows writes into dest[i] the code valid on the map's date that
 * receives items[i], or -1 when it cannot be placed. Rows of a split code
 * are allocated in byte order of their household ids. */
void rollup_place(const unit_map *m, const place_item *items, size_t n,
		  int32_t *dest);

/* Splits a count n recorded on code among its destinations on the map:
 * calls put(ctx, dest_code, part) for each part > 0; returns what could
 * not be placed. */
int64_t rollup_place_count(const unit_map *m, int32_t code, int64_t n,
			   void (*put)(void *ctx, int32_t dest, int64_t part),
			   void *ctx);

/* 100 * count / total rounded half up to hundredths, exactly: returns the
 * rate in hundredths of a percent (0 when total is 0). */
int64_t rate_hundredths(int64_t count, int64_t total);

#endif
