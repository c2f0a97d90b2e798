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
 * Length of the well-formed sequence at s[0..n) whose lead byte is >= 0x80,
 * or 0 when it is ill-formed. The ranges are those of Unicode's table 3-7
 * ("well-formed UTF-8 byte sequences"), which leave out overlongs,
 * surrogates and code points above U+10FFFF.
 */
static size_t seq_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t len;

	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++)
		if (s[k] < 0x80 || s[k] > 0xBF)
			return 0;
	return len;
}

bool text_valid_utf8(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	for (;;) {
		i += ascii_prefix(u + i, n - i);
		if (i == n)
			return true;
		/* Vietnamese text alternates short ASCII runs and 2-3 byte
		 * letters: stay here while the bytes are not ASCII. */
		while (i < n && u[i] >= 0x80) {
			size_t len = seq_len(u + i, n - i);
			if (len == 0) {
				if (bad_at)
					*bad_at = i;
				return false;
			}
			i += len;
		}
	}
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
