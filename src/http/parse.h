/*
 * parse.h - parsers of untrusted request parts that MHD does not give us
 * in the form we want: the Cookie header and path patterns with
 * {parameters}. Pure functions over bytes (kcgi keeps the parsing of
 * untrusted input apart from the rest); unit-tested on their own.
 *
 * Layer: http. Results point into the caller's strings; nothing is
 * allocated.
 */
#ifndef GN_HTTP_PARSE_H
#define GN_HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* Finds cookie `name` in a Cookie header value ("a=1; b=2", RFC 6265
 * 5.4: pairs separated by ';' and optional spaces). The first pair whose
 * name is exactly `name` wins; a value in double quotes is returned
 * without them. Pairs without '=' are skipped. False when absent. */
bool http_cookie_find(const char *header, const char *name, const char **val,
		      size_t *len);

#define HTTP_MAX_PARAMS 8

typedef struct http_param {
	const char *name; /* points into the pattern, not NUL-terminated */
	size_t name_len;
	const char *val;  /* points into the path, not NUL-terminated */
	size_t val_len;
} http_param;

/* Matches path against a pattern such as "/api/v1/households/{id}":
 * segments split on '/', literal segments must be equal, {name} takes one
 * non-empty segment. *n receives the number of parameters (at most
 * HTTP_MAX_PARAMS). False when the path does not match. */
bool http_route_match(const char *pattern, const char *path,
		      http_param *params, size_t *n);

/* Lower-case hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void http_hex(const unsigned char *in, size_t n, char *out);
/* Decodes exactly 2n hex digits of s into out; false on a bad digit or a
 * wrong length. */
bool http_unhex(const char *s, size_t slen, unsigned char *out, size_t n);

#endif
