/* rollup.c - placement on a map and tallies. Layer: core. */
#include "rollup.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

void tally_add(tally *to, const tally *from)
{
	to->households += from->households;
	to->persons += from->persons;
	to->reviewed += from->reviewed;
	for (int i = 0; i < CLASS_COUNT; i++)
		to->cls[i] += from->cls[i];
	for (int i = 0; i < TR_COUNT; i++)
		to->tr[i] += from->tr[i];
}

typedef struct split_item {
	int32_t unit;
	int32_t hh;
	size_t row;
} split_item;

static const hh_index *sort_index; /* qsort has no context argument */

static int cmp_split(const void *a, const void *b)
{
	const split_item *x = a, *y = b;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	size_t nx, ny;
	const char *kx = hhindex_id(sort_index, x->hh, &nx);
	const char *ky = hhindex_id(sort_index, y->hh, &ny);
	int c = memcmp(kx, ky, nx < ny ? nx : ny);
	if (c)
		return c;
	return nx < ny ? -1 : nx > ny;
}

static int full_single(const unit_dest *d, size_t n)
{
	return n == 1 && d[0].share.num == d[0].share.den;
}

void rollup_place_rows(const unit_map *m, const hh_index *x,
		       const int32_t *unit, const int32_t *hh, size_t n,
		       int32_t *dest)
{
	split_item *items = NULL;
	size_t nitems = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		size_t nd;
		const unit_dest *d = unit_map_dest(m, unit[i], &nd);
		if (nd == 0) {
			dest[i] = -1;
		} else if (full_single(d, nd)) {
			dest[i] = d[0].code;
		} else {
			if (nitems == cap) {
				cap = cap ? cap * 2 : 256;
				items = gn_xreallocarray(items, cap, sizeof *items);
			}
			items[nitems++] = (split_item){unit[i], hh[i], i};
		}
	}
	sort_index = x;
	if (nitems)
		qsort(items, nitems, sizeof *items, cmp_split);
	uint64_t *bounds = NULL;
	for (size_t i = 0; i < nitems;) {
		size_t j = i;
		while (j < nitems && items[j].unit == items[i].unit)
			j++;
		size_t nd;
		const unit_dest *d = unit_map_dest(m, items[i].unit, &nd);
		bounds = gn_xreallocarray(bounds, nd, sizeof *bounds);
		unit_split_bounds(j - i, d, nd, bounds);
		size_t k = 0;
		for (size_t r = 0; r < j - i; r++) {
			while (k < nd && r >= bounds[k])
				k++;
			dest[items[i + r].row] = k < nd ? d[k].code : -1;
		}
		i = j;
	}
	free(bounds);
	free(items);
}

int64_t rollup_place_count(const unit_map *m, int32_t code, int64_t n,
			   void (*put)(void *ctx, int32_t dest, int64_t part),
			   void *ctx)
{
	size_t nd;
	const unit_dest *d = unit_map_dest(m, code, &nd);
	if (nd == 0)
		return n;
	if (full_single(d, nd)) {
		put(ctx, d[0].code, n);
		return 0;
	}
	uint64_t bounds[64];
	uint64_t *b = nd <= 64 ? bounds : gn_xmalloc(nd * sizeof *b);
	unit_split_bounds((uint64_t)n, d, nd, b);
	uint64_t prev = 0;
	for (size_t k = 0; k < nd; k++) {
		if (b[k] > prev)
			put(ctx, d[k].code, (int64_t)(b[k] - prev));
		prev = b[k] > prev ? b[k] : prev;
	}
	if (b != bounds)
		free(b);
	return n - (int64_t)prev;
}

int64_t rate_hundredths(int64_t count, int64_t total)
{
	if (total <= 0)
		return 0;
	__int128 num = (__int128)count * 10000 * 2 + total;
	return (int64_t)(num / ((__int128)total * 2));
}
