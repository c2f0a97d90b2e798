/* mem.c - aborting allocators. Layer: core. */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "gnbv: out of memory (%zu bytes)\n", n);
	abort();
}

void *gn_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *gn_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(count * size);
	return p;
}

void *gn_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

void *gn_xreallocarray(void *p, size_t count, size_t size)
{
	if (size && count > (size_t)-1 / size)
		oom((size_t)-1);
	return gn_xrealloc(p, count * size);
}

char *gn_xstrndup(const char *s, size_t n)
{
	char *d = gn_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *gn_xstrdup(const char *s)
{
	return gn_xstrndup(s, strlen(s));
}
