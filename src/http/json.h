/*
 * json.h - a small streaming JSON writer (jw_*) into a buf.
 *
 * Layer: http. Responses are written straight into the response buffer,
 * value by value, without building a tree (jansson is used only to parse
 * request bodies). Commas are placed by the writer; nesting is tracked up
 * to JW_MAX_DEPTH levels.
 *
 * Strings are escaped so that the output is valid JSON and safe to embed:
 * '"' and '\' ; control characters (as \n, \t... or \u00XX); '<', '>',
 * '&' and U+2028/U+2029 as \u escapes; bytes that are not well-formed
 * UTF-8 become U+FFFD. Valid UTF-8 (Vietnamese) is copied as is.
 *
 * Errors are sticky: after the buffer's cap is reached or the nesting is
 * misused, every call does nothing and jw_error tells.
 *
 * Ownership: the writer borrows the buf, which the caller owns.
 */
#ifndef GN_JSON_H
#define GN_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

#define JW_MAX_DEPTH 32

typedef struct jw {
	buf *b;
	int depth;
	bool need_comma[JW_MAX_DEPTH + 1];
	bool in_object[JW_MAX_DEPTH + 1];
	bool after_key;
	gn_err err;
} jw;

void jw_init(jw *w, buf *b);
/* GN_OK, or the first error met (GN_ENOMEM at the cap, GN_EINTERNAL on
 * misuse such as a value without a key inside an object). */
gn_err jw_error(const jw *w);

void jw_object(jw *w);
void jw_object_end(jw *w);
void jw_array(jw *w);
void jw_array_end(jw *w);
/* A key inside an object; the next call writes its value. */
void jw_key(jw *w, const char *k);

void jw_str(jw *w, const char *s);          /* NULL writes null */
void jw_strn(jw *w, const char *s, size_t n);
void jw_int(jw *w, int64_t v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);
/* A decimal number v / 10^scale written with exactly `scale` decimals
 * (jw_decimal(w, 708, 2) writes 7.08), for rates and scores. */
void jw_decimal(jw *w, int64_t v, int scale);

/* Key and value in one call. */
void jw_kstr(jw *w, const char *k, const char *s);
void jw_kstrn(jw *w, const char *k, const char *s, size_t n);
void jw_kint(jw *w, const char *k, int64_t v);
void jw_kbool(jw *w, const char *k, bool v);
void jw_knull(jw *w, const char *k);

/* Appends the escaped form of the n bytes at s (without quotes) to b. */
gn_err jw_escape(buf *b, const char *s, size_t n);

#endif
