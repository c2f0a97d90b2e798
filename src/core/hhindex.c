/* hhindex.c - household histories by id. Layer: core. */
#include "hhindex.h"

#include <stdlib.h>

#include "mem.h"
#include "strmap.h"

struct hh_index {
	strmap *ids;
	hh_history *hist;
	size_t cap;
};

hh_index *hhindex_new(size_t hint)
{
	hh_index *x = gn_xcalloc(1, sizeof *x);
	x->ids = strmap_new(hint);
	return x;
}

void hhindex_free(hh_index *x)
{
	if (!x)
		return;
	strmap_free(x->ids);
	free(x->hist);
	free(x);
}

int32_t hhindex_add(hh_index *x, const char *id, size_t n, int year,
		    hh_class c, bool *dup)
{
	return hhindex_add_h(x, id, n, strmap_hash(id, n), year, c, dup);
}

int32_t hhindex_add_h(hh_index *x, const char *id, size_t n, uint64_t h,
		      int year, hh_class c, bool *dup)
{
	bool added;
	int32_t i = strmap_intern_h(x->ids, id, n, h, &added);
	if (added) {
		if ((size_t)i >= x->cap) {
			x->cap = x->cap ? x->cap * 2 : 1024;
			x->hist = gn_xreallocarray(x->hist, x->cap, sizeof *x->hist);
		}
		x->hist[i] = (hh_history){0, 0, 0};
	}
	*dup = !history_add(&x->hist[i], year, c);
	return i;
}

void hhindex_prefetch(const hh_index *x, uint64_t h)
{
	strmap_prefetch(x->ids, h);
}

int32_t hhindex_find(const hh_index *x, const char *id, size_t n)
{
	return strmap_find(x->ids, id, n);
}

const hh_history *hhindex_history(const hh_index *x, int32_t i)
{
	return &x->hist[i];
}

const char *hhindex_id(const hh_index *x, int32_t i, size_t *n)
{
	return strmap_key(x->ids, i, n);
}

size_t hhindex_count(const hh_index *x)
{
	return strmap_count(x->ids);
}
