/* buf.c - growable byte buffer with a cap. Layer: core. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void buf_init(buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : BUF_DEFAULT_MAX;
}

void buf_free(buf *b)
{
	if (!b)
		return;
	free(b->p);
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

gn_err buf_grow(buf *b, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return GN_ENOMEM;
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return GN_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	b->p = gn_xrealloc(b->p, cap);
	b->cap = cap;
	return GN_OK;
}

gn_err buf_put(buf *b, const void *data, size_t n)
{
	gn_err rc = buf_grow(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return GN_OK;
}

gn_err buf_puts(buf *b, const char *s)
{
	return buf_put(b, s, strlen(s));
}

gn_err buf_putc(buf *b, char c)
{
	return buf_put(b, &c, 1);
}

gn_err buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return GN_EINTERNAL;
	gn_err rc = buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return GN_OK;
}

gn_err buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gn_err rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

gn_err buf_put_i64(buf *b, int64_t v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	return buf_put(b, tmp + i, sizeof tmp - i);
}

const char *buf_cstr(const buf *b)
{
	return b->p ? b->p : "";
}

char *buf_take(buf *b)
{
	char *p = b->p ? b->p : gn_xstrdup("");
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
