/*
 * arena.h - a per-request memory arena with deferred cleanups (as lwan's
 * coroutine arenas): everything a request allocates is released at once
 * when the request ends, so handlers do not free and cannot leak.
 *
 * Layer: http. Allocation aborts on exhaustion (core/mem.h). Deferred
 * cleanups run in reverse order of registration, before the memory goes,
 * so a cleanup may still read arena memory. Not thread-safe: one arena
 * belongs to one request, which runs on one thread at a time.
 *
 * Ownership: arena_new's arena is freed by arena_free (NULL accepted);
 * pointers it returns are valid until then.
 */
#ifndef GN_ARENA_H
#define GN_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
/* Runs the deferred cleanups (last registered first), then frees all. */
void arena_free(arena *a);
/* n bytes aligned for any type (n may be 0). */
void *arena_alloc(arena *a, size_t n);
/* count * size zeroed bytes; aborts on overflow. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* A NUL-terminated copy of the n bytes at s. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* Calls fn(p) when the arena is freed. */
void arena_defer(arena *a, void (*fn)(void *), void *p);
/* Bytes handed out so far (for tests and statistics). */
size_t arena_used(const arena *a);

#endif
