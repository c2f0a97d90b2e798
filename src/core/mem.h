/*
 * mem.h - allocation that aborts on exhaustion (as Redis's zmalloc does).
 *
 * Layer: core. gnbv cannot do anything sensible when malloc fails on the
 * small allocations of its hot paths, so gn_xmalloc and friends print a
 * message and abort. Code that can recover (a huge user-controlled size)
 * calls malloc itself and returns GN_ENOMEM.
 */
#ifndef GN_MEM_H
#define GN_MEM_H

#include <stddef.h>

void *gn_xmalloc(size_t n);
void *gn_xcalloc(size_t count, size_t size);
void *gn_xrealloc(void *p, size_t n);
/* realloc for an array of count elements of size bytes; aborts on overflow. */
void *gn_xreallocarray(void *p, size_t count, size_t size);
/* A NUL-terminated copy of the n bytes at s. */
char *gn_xstrndup(const char *s, size_t n);
char *gn_xstrdup(const char *s);

#endif
