/* arena.c - per-request arena. Layer: http. See arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#define CHUNK_SIZE 8192
#define ALIGN alignof(max_align_t)

typedef struct chunk {
	struct chunk *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
} chunk;

typedef struct cleanup {
	struct cleanup *next;
	void (*fn)(void *);
	void *p;
} cleanup;

struct arena {
	chunk *head;     /* current chunk first */
	cleanup *defers; /* last registered first */
	size_t total;
};

static chunk *chunk_new(size_t size)
{
	chunk *c = gn_xmalloc(sizeof *c + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

arena *arena_new(void)
{
	arena *a = gn_xcalloc(1, sizeof *a);
	a->head = chunk_new(CHUNK_SIZE);
	return a;
}

void arena_free(arena *a)
{
	if (!a)
		return;
	for (cleanup *d = a->defers; d; d = d->next)
		d->fn(d->p);
	chunk *c = a->head;
	while (c) {
		chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void *arena_alloc(arena *a, size_t n)
{
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (need < n)
		abort();
	a->total += need;
	chunk *c = a->head;
	if (c->size - c->used >= need) {
		void *p = c->data + c->used;
		c->used += need;
		return p;
	}
	if (need > CHUNK_SIZE / 4) {
		/* A big block gets a chunk of its own, kept behind the current
		 * one so that the current chunk's free space is not lost. */
		chunk *big = chunk_new(need);
		big->used = need;
		big->next = c->next;
		c->next = big;
		return big->data;
	}
	chunk *fresh = chunk_new(CHUNK_SIZE);
	fresh->next = c;
	a->head = fresh;
	fresh->used = need;
	return fresh->data;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		abort();
	void *p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_defer(arena *a, void (*fn)(void *), void *p)
{
	cleanup *d = arena_alloc(a, sizeof *d);
	d->fn = fn;
	d->p = p;
	d->next = a->defers;
	a->defers = d;
}

size_t arena_used(const arena *a)
{
	return a->total;
}
