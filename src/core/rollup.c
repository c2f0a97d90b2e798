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
	const place_item *it;
	size_t row;
} split_item;

static int cmp_split(const void *a, const void *b)
{
	const place_item *x = ((const split_item *)a)->it, *y = ((const split_item *)b)->it;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	int c = memcmp(x->id, y->id, x->id_len < y->id_len ? x->id_len : y->id_len);
	if (c)
		return c;
	return x->id_len < y->id_len ? -1 : x->id_len > y->id_len;
}

static int full_single(const unit_dest *d, size_t n)
{
	return n == 1 && d[0].share.num == d[0].share.den;
}

void rollup_place(const unit_map *m, const place_item *items, size_t n,
		  int32_t *dest)
{
	split_item *split = NULL;
	size_t nsplit = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		size_t nd;
		const unit_dest *d = unit_map_dest(m, items[i].unit, &nd);
		if (nd == 0) {
			dest[i] = -1;
		} else if (full_single(d, nd)) {
			dest[i] = d[0].code;
		} else {
			if (nsplit == cap) {
				cap = cap ? cap * 2 : 256;
				split = gn_xreallocarray(split, cap, sizeof *split);
			}
			split[nsplit++] = (split_item){&items[i], i};
		}
	}
	if (nsplit)
		qsort(split, nsplit, sizeof *split, cmp_split);
	uint64_t *bounds = NULL;
	for (size_t i = 0; i < nsplit;) {
		int32_t unit = split[i].it->unit;
		size_t j = i;
		while (j < nsplit && split[j].it->unit == unit)
			j++;
		size_t nd;
		const unit_dest *d = unit_map_dest(m, unit, &nd);
		bounds = gn_xreallocarray(bounds, nd, sizeof *bounds);
		unit_split_bounds(j - i, d, nd, bounds);
		size_t k = 0;
		for (size_t r = 0; r < j - i; r++) {
			while (k < nd && r >= bounds[k])
				k++;
			dest[split[i + r].row] = k < nd ? d[k].code : -1;
		}
		i = j;
	}
	free(bounds);
	free(split);
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
