/* strmap.c - interning hash map. Layer: core. See strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

typedef struct slot {
	uint32_t tag; /* upper 32 bits of the hash */
	int32_t id;   /* -1: empty */
} slot;

struct strmap {
	slot *slots;
	size_t mask;    /* number of slots - 1 (a power of two) */
	size_t count;
	uint64_t *offs; /* per id: offset of the key in arena */
	uint32_t *lens; /* per id: key length */
	size_t ids_cap;
	char *arena;
	size_t arena_len, arena_cap;
};

static slot *alloc_slots(size_t n)
{
	slot *s = gn_xmalloc(n * sizeof *s);
	for (size_t i = 0; i < n; i++) {
		s[i].tag = 0;
		s[i].id = -1;
	}
	return s;
}

strmap *strmap_new(size_t hint)
{
	strmap *m = gn_xcalloc(1, sizeof *m);
	size_t n = 16;
	while (n < hint * 2)
		n *= 2;
	m->slots = alloc_slots(n);
	m->mask = n - 1;
	return m;
}

void strmap_free(strmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->offs);
	free(m->lens);
	free(m->arena);
	free(m);
}

static inline uint64_t load64(const char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t strmap_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
	while (n >= 8) {
		h = (h ^ load64(s)) * 0x87c37b91114253d5ULL;
		h = (h << 31) | (h >> 33);
		s += 8;
		n -= 8;
	}
	uint64_t t = 0;
	for (size_t i = 0; i < n; i++)
		t |= (uint64_t)(unsigned char)s[i] << (8 * i);
	h ^= t * 0x4cf5ad432745937fULL;
	return mix(h);
}

void strmap_prefetch(const strmap *m, uint64_t h)
{
	__builtin_prefetch(&m->slots[h & m->mask]);
}

static inline bool key_eq(const strmap *m, int32_t id, const char *s, size_t n)
{
	return m->lens[id] == n && memcmp(m->arena + m->offs[id], s, n) == 0;
}

static void grow(strmap *m)
{
	size_t n = (m->mask + 1) * 2;
	slot *s = alloc_slots(n);
	for (size_t i = 0; i <= m->mask; i++) {
		slot o = m->slots[i];
		if (o.id < 0)
			continue;
		uint64_t h = strmap_hash(m->arena + m->offs[o.id], m->lens[o.id]);
		size_t j = h & (n - 1);
		while (s[j].id >= 0)
			j = (j + 1) & (n - 1);
		s[j] = o;
	}
	free(m->slots);
	m->slots = s;
	m->mask = n - 1;
}

int32_t strmap_intern_h(strmap *m, const char *s, size_t n, uint64_t h,
			bool *added)
{
	uint32_t tag = (uint32_t)(h >> 32);
	size_t i = h & m->mask;
	for (;;) {
		slot sl = m->slots[i];
		if (sl.id < 0)
			break;
		if (sl.tag == tag && key_eq(m, sl.id, s, n)) {
			if (added)
				*added = false;
			return sl.id;
		}
		i = (i + 1) & m->mask;
	}
	if (m->count >= INT32_MAX - 1) {
		/* More than 2^31 keys cannot be given ids. */
		abort();
	}
	if (m->count == m->ids_cap) {
		m->ids_cap = m->ids_cap ? m->ids_cap * 2 : 64;
		m->offs = gn_xreallocarray(m->offs, m->ids_cap, sizeof *m->offs);
		m->lens = gn_xreallocarray(m->lens, m->ids_cap, sizeof *m->lens);
	}
	if (m->arena_len + n + 1 > m->arena_cap) {
		size_t cap = m->arena_cap ? m->arena_cap : 1024;
		while (cap < m->arena_len + n + 1)
			cap *= 2;
		m->arena = gn_xrealloc(m->arena, cap);
		m->arena_cap = cap;
	}
	int32_t id = (int32_t)m->count++;
	m->offs[id] = m->arena_len;
	m->lens[id] = (uint32_t)n;
	memcpy(m->arena + m->arena_len, s, n);
	m->arena[m->arena_len + n] = '\0';
	m->arena_len += n + 1;
	m->slots[i].tag = tag;
	m->slots[i].id = id;
	if (added)
		*added = true;
	if (m->count * 10 > (m->mask + 1) * 7)
		grow(m);
	return id;
}

int32_t strmap_intern(strmap *m, const char *s, size_t n, bool *added)
{
	return strmap_intern_h(m, s, n, strmap_hash(s, n), added);
}

int32_t strmap_find(const strmap *m, const char *s, size_t n)
{
	uint64_t h = strmap_hash(s, n);
	uint32_t tag = (uint32_t)(h >> 32);
	size_t i = h & m->mask;
	for (;;) {
		slot sl = m->slots[i];
		if (sl.id < 0)
			return -1;
		if (sl.tag == tag && key_eq(m, sl.id, s, n))
			return sl.id;
		i = (i + 1) & m->mask;
	}
}

const char *strmap_key(const strmap *m, int32_t id, size_t *len)
{
	if (len)
		*len = m->lens[id];
	return m->arena + m->offs[id];
}

size_t strmap_count(const strmap *m)
{
	return m->count;
}
