/*
 * text.c - UTF-8 validation, NFC and search folding (text.h).
 *
 * Layer: io. utf8proc does the Unicode work; it allocates on every call
 * (about 2 us a name), so each function first checks for plain ASCII, the
 * common case in codes and numbers, and then never calls it.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define HIGH_BITS UINT64_C(0x8080808080808080)

/* Length of the ASCII prefix of s[0..n): 8 bytes at a time. */
static size_t ascii_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (n - i >= 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & HIGH_BITS)
			break;
		i += 8;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/*
 * Well-formed UTF-8 (Unicode's table 3-7: no overlongs, no surrogates,
 * nothing above U+10FFFF) as a small automaton over byte classes: one
 * table look-up per byte, no branches on the sequence's shape. Vietnamese
 * names are mostly 2- and 3-byte letters between short ASCII runs, so
 * this is the hot loop of reading a households file.
 */
enum {
	U_ACCEPT, U_REJECT, U_NEED1, U_NEED2, U_E0, U_ED, U_F0, U_NEED3, U_F4,
	U_STATES
};

/* Byte classes: 0 ASCII, 1 80-8F, 2 90-9F, 3 A0-BF, 4 never valid,
 * 5 C2-DF, 6 E0, 7 E1-EC/EE-EF, 8 ED, 9 F0, 10 F1-F3, 11 F4. */
static const unsigned char u_class[256] = {
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
	R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0),
	R16(1), R16(2), R16(3), R16(3),
	4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
	R16(5),
	6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 7,
	9, 10, 10, 10, 11, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
#undef R16
};

#define X U_REJECT
static const unsigned char u_next[U_STATES][12] = {
	[U_ACCEPT] = {U_ACCEPT, X, X, X, X, U_NEED1, U_E0, U_NEED2, U_ED, U_F0, U_NEED3, U_F4},
	[U_REJECT] = {X, X, X, X, X, X, X, X, X, X, X, X},
	[U_NEED1] = {X, U_ACCEPT, U_ACCEPT, U_ACCEPT, X, X, X, X, X, X, X, X},
	[U_NEED2] = {X, U_NEED1, U_NEED1, U_NEED1, X, X, X, X, X, X, X, X},
	[U_E0] = {X, X, X, U_NEED1, X, X, X, X, X, X, X, X},
	[U_ED] = {X, U_NEED1, U_NEED1, X, X, X, X, X, X, X, X, X},
	[U_F0] = {X, X, U_NEED2, U_NEED2, X, X, X, X, X, X, X, X},
	[U_NEED3] = {X, U_NEED2, U_NEED2, U_NEED2, X, X, X, X, X, X, X, X},
	[U_F4] = {X, U_NEED2, X, X, X, X, X, X, X, X, X, X},
};
#undef X

bool text_valid_utf8(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = ascii_prefix(u, n), lead = i;
	unsigned st = U_ACCEPT;

	while (i < n) {
		if (st == U_ACCEPT) {
			if (u[i] < 0x80) {
				i += ascii_prefix(u + i, n - i);
				continue;
			}
			lead = i;
		}
		st = u_next[st][u_class[u[i]]];
		if (st == U_REJECT)
			break;
		i++;
	}
	if (st == U_ACCEPT)
		return true;
	if (bad_at)
		*bad_at = lead;
	return false;
}

static bool is_ascii(const char *s, size_t n)
{
	return ascii_prefix((const unsigned char *)s, n) == n;
}

/* Runs utf8proc_map over valid UTF-8 and appends the result to out. */
static gn_err map_append(const char *s, size_t n, utf8proc_option_t opts,
			 buf *out)
{
	utf8proc_uint8_t *dst = NULL;

	if (n > (size_t)PTRDIFF_MAX / 8)
		return GN_ENOMEM;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s,
					    (utf8proc_ssize_t)n, &dst,
					    opts | UTF8PROC_STABLE);
	if (len < 0) {
		free(dst);
		return len == UTF8PROC_ERROR_NOMEM ||
				       len == UTF8PROC_ERROR_OVERFLOW
			       ? GN_ENOMEM
			       : GN_EINPUT;
	}
	gn_err rc = buf_put(out, dst, (size_t)len);
	free(dst);
	return rc;
}

gn_err text_nfc(const char *s, size_t n, buf *out)
{
	if (is_ascii(s, n))
		return buf_put(out, s, n);
	if (!text_valid_utf8(s, n, NULL))
		return GN_EINPUT;
	return map_append(s, n, UTF8PROC_COMPOSE, out);
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

gn_err text_fold(const char *s, size_t n, buf *out)
{
	if (is_ascii(s, n)) {
		gn_err rc = buf_grow(out, n);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			out->p[out->len + i] = ascii_lower(s[i]);
		out->len += n;
		out->p[out->len] = '\0';
		return GN_OK;
	}
	if (!text_valid_utf8(s, n, NULL))
		return GN_EINPUT;

	size_t start = out->len;
	gn_err rc = map_append(s, n,
			       UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
				       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
			       out);
	if (rc)
		return rc;
	/* utf8proc keeps đ (U+0111, C4 91) and Đ (U+0110, C4 90: case
	 * folding already turned it into đ): both are "d" to a searcher. */
	char *p = out->p + start, *w = p, *e = out->p + out->len;
	while (p < e) {
		if (p + 1 < e && (unsigned char)p[0] == 0xC4 &&
		    ((unsigned char)p[1] == 0x91 || (unsigned char)p[1] == 0x90)) {
			*w++ = 'd';
			p += 2;
		} else {
			*w++ = *p++;
		}
	}
	out->len = (size_t)(w - out->p);
	out->p[out->len] = '\0';
	return GN_OK;
}

static bool equal_ascii_ci(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

bool text_equal_ci(const char *a, size_t an, const char *b, size_t bn)
{
	if (is_ascii(a, an) && is_ascii(b, bn))
		return equal_ascii_ci(a, an, b, bn);

	buf na, nb;
	buf_init(&na, 0);
	buf_init(&nb, 0);
	bool eq;
	if (text_nfc(a, an, &na) == GN_OK && text_nfc(b, bn, &nb) == GN_OK)
		eq = equal_ascii_ci(buf_cstr(&na), na.len, buf_cstr(&nb),
				    nb.len);
	else
		eq = equal_ascii_ci(a, an, b, bn); /* invalid UTF-8: bytes */
	buf_free(&na);
	buf_free(&nb);
	return eq;
}
