/*
 * hhindex.h - households by id, each with its history of classes.
 *
 * Layer: core. Interns household ids (strmap.h) and keeps one hh_history
 * per household, so that transitions can be computed over the whole
 * history whatever the order of the rows (formats.md 7.1).
 *
 * Ownership: hhindex_new's index is freed by hhindex_free (NULL ok).
 */
#ifndef GN_HHINDEX_H
#define GN_HHINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "transition.h"

typedef struct hh_index hh_index;

hh_index *hhindex_new(size_t hint);
void hhindex_free(hh_index *x);
/* Records that household `id` (n bytes) holds class c in year; returns its
 * index. *dup is set when it already had a row for that year (the history
 * is then left unchanged). */
int32_t hhindex_add(hh_index *x, const char *id, size_t n, int year,
		    hh_class c, bool *dup);
/* The same, with h = strmap_hash(id, n) computed by the caller. */
int32_t hhindex_add_h(hh_index *x, const char *id, size_t n, uint64_t h,
		      int year, hh_class c, bool *dup);
/* Prefetches where a household of hash h would be (batch loops call it a
 * few rows ahead to hide memory latency). */
void hhindex_prefetch(const hh_index *x, uint64_t h);
/* Index of a household, or -1. */
int32_t hhindex_find(const hh_index *x, const char *id, size_t n);
const hh_history *hhindex_history(const hh_index *x, int32_t i);
/* The household's id, NUL-terminated; *n (may be NULL) receives its length. */
const char *hhindex_id(const hh_index *x, int32_t i, size_t *n);
size_t hhindex_count(const hh_index *x);

#endif
