/*
 * buf.h - the one growable byte buffer, with a hard size cap (as curl's
 * dynbuf). All strings that are built piece by piece are built here; the
 * project never uses sprintf or strcat.
 *
 * Layer: core. Ownership: the buffer owns its bytes; buf_free releases
 * them; buf_take hands them to the caller (who frees them with free()).
 * The contents are always NUL-terminated after any successful call.
 */
#ifndef GN_BUF_H
#define GN_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define BUF_DEFAULT_MAX ((size_t)1 << 31) /* 2 GiB */

typedef struct buf {
	char *p;    /* NUL-terminated contents, or NULL when empty */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* hard cap on len */
} buf;

/* Prepares an empty buffer that may hold up to max bytes (0: default). */
void buf_init(buf *b, size_t max);
/* Releases the contents; accepts NULL; leaves an empty usable buffer. */
void buf_free(buf *b);
/* Empties the buffer, keeping its allocation. */
void buf_reset(buf *b);
/* Ensures room for n more bytes. GN_ENOMEM past the cap. */
gn_err buf_grow(buf *b, size_t n);
gn_err buf_put(buf *b, const void *data, size_t n);
gn_err buf_puts(buf *b, const char *s);
gn_err buf_putc(buf *b, char c);
gn_err buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
gn_err buf_vprintf(buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends v in decimal. */
gn_err buf_put_i64(buf *b, int64_t v);
/* The contents as a C string ("" when empty); valid until the next change. */
const char *buf_cstr(const buf *b);
/* Hands the contents to the caller (free() them) and empties the buffer. */
char *buf_take(buf *b);

#endif
