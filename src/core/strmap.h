/*
 * strmap.h - an interning hash map from byte strings to dense ids.
 *
 * Layer: core. Keys get ids 0, 1, 2... in insertion order; callers keep
 * their per-key values in plain arrays indexed by id (cache-friendly, no
 * void pointers). Open addressing with linear probing; each slot holds 32
 * bits of the hash and the id, so a probe touches the key bytes only on a
 * likely match. strmap_hash and strmap_prefetch let batch loops hide the
 * memory latency of random look-ups.
 *
 * Ownership: strmap_new's map is freed with strmap_free (NULL accepted);
 * keys are copied into the map.
 */
#ifndef GN_STRMAP_H
#define GN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct strmap strmap;

/* A map sized for about `hint` keys (it grows as needed). */
strmap *strmap_new(size_t hint);
void strmap_free(strmap *m);

uint64_t strmap_hash(const char *s, size_t n);
/* Issues a prefetch of the slot where a key of hash h would start. */
void strmap_prefetch(const strmap *m, uint64_t h);
/* The id of the key, adding it when absent (*added tells; may be NULL).
 * h must be strmap_hash(s, n). */
int32_t strmap_intern_h(strmap *m, const char *s, size_t n, uint64_t h,
			bool *added);
int32_t strmap_intern(strmap *m, const char *s, size_t n, bool *added);
/* The id of the key, or -1. */
int32_t strmap_find(const strmap *m, const char *s, size_t n);
/* The key of an id, NUL-terminated; *len (may be NULL) gets its length. */
const char *strmap_key(const strmap *m, int32_t id, size_t *len);
size_t strmap_count(const strmap *m);

#endif
