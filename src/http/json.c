/* json.c - streaming JSON writer. Layer: http. See json.h. */
#include "json.h"

#include <string.h>

void jw_init(jw *w, buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

gn_err jw_error(const jw *w)
{
	return w->err;
}

static void put(jw *w, const char *s, size_t n)
{
	if (w->err == GN_OK)
		w->err = buf_put(w->b, s, n);
}

/* Before any value: the comma, and the check that objects get keys. */
static bool value_start(jw *w)
{
	if (w->err)
		return false;
	if (w->after_key) {
		w->after_key = false;
		return true;
	}
	if (w->depth > 0 && w->in_object[w->depth]) {
		w->err = GN_EINTERNAL;
		return false;
	}
	if (w->need_comma[w->depth])
		put(w, ",", 1);
	w->need_comma[w->depth] = true;
	return w->err == GN_OK;
}

static void begin_container(jw *w, char c, bool object)
{
	if (!value_start(w))
		return;
	if (w->depth >= JW_MAX_DEPTH) {
		w->err = GN_EINTERNAL;
		return;
	}
	put(w, &c, 1);
	w->depth++;
	w->need_comma[w->depth] = false;
	w->in_object[w->depth] = object;
}

static void end_container(jw *w, char c, bool object)
{
	if (w->err)
		return;
	if (w->depth == 0 || w->in_object[w->depth] != object || w->after_key) {
		w->err = GN_EINTERNAL;
		return;
	}
	w->depth--;
	put(w, &c, 1);
}

void jw_object(jw *w)
{
	begin_container(w, '{', true);
}

void jw_object_end(jw *w)
{
	end_container(w, '}', true);
}

void jw_array(jw *w)
{
	begin_container(w, '[', false);
}

void jw_array_end(jw *w)
{
	end_container(w, ']', false);
}

void jw_key(jw *w, const char *k)
{
	if (w->err)
		return;
	if (w->depth == 0 || !w->in_object[w->depth] || w->after_key) {
		w->err = GN_EINTERNAL;
		return;
	}
	if (w->need_comma[w->depth])
		put(w, ",", 1);
	w->need_comma[w->depth] = true;
	put(w, "\"", 1);
	if (w->err == GN_OK)
		w->err = jw_escape(w->b, k, strlen(k));
	put(w, "\":", 2);
	w->after_key = true;
}

/* Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0
 * (Unicode 15, table 3-7: no overlongs, no surrogates, <= U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t len;
	unsigned lo = 0x80, hi = 0xBF;
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
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	uint32_t v = c & (0xFFu >> (len + 1));
	for (size_t i = 1; i < len; i++)
		v = (v << 6) | (s[i] & 0x3Fu);
	*cp = v;
	return len;
}

gn_err jw_escape(buf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, plain = 0; /* s[plain..i) is copied as is */
	gn_err rc = GN_OK;
	while (i < n && rc == GN_OK) {
		unsigned c = s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != '<' &&
		    c != '>' && c != '&') {
			i++;
			continue;
		}
		size_t len = 1;
		uint32_t cp = 0;
		char esc[8];
		size_t elen = 0;
		if (c >= 0x80) {
			len = utf8_seq(s + i, n - i, &cp);
			if (len && cp != 0x2028 && cp != 0x2029) {
				i += len;
				continue;
			}
			if (len == 0) {
				len = 1;
				memcpy(esc, "\\ufffd", 6);
			} else {
				memcpy(esc, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
			}
			elen = 6;
		} else if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			elen = 2;
		} else if (c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
			esc[0] = '\\';
			esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : c == '\b' ? 'b' : 'f';
			elen = 2;
		} else {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		if (i > plain)
			rc = buf_put(b, s + plain, i - plain);
		if (rc == GN_OK)
			rc = buf_put(b, esc, elen);
		i += len;
		plain = i;
	}
	if (rc == GN_OK && n > plain)
		rc = buf_put(b, s + plain, n - plain);
	return rc;
}

void jw_strn(jw *w, const char *s, size_t n)
{
	if (!value_start(w))
		return;
	put(w, "\"", 1);
	if (w->err == GN_OK)
		w->err = jw_escape(w->b, s, n);
	put(w, "\"", 1);
}

void jw_str(jw *w, const char *s)
{
	if (!s)
		jw_null(w);
	else
		jw_strn(w, s, strlen(s));
}

void jw_int(jw *w, int64_t v)
{
	if (value_start(w))
		w->err = buf_put_i64(w->b, v);
}

void jw_bool(jw *w, bool v)
{
	if (value_start(w))
		put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw *w)
{
	if (value_start(w))
		put(w, "null", 4);
}

void jw_decimal(jw *w, int64_t v, int scale)
{
	if (!value_start(w))
		return;
	if (scale < 0 || scale > 18) {
		w->err = GN_EINTERNAL;
		return;
	}
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = 1;
	for (int i = 0; i < scale; i++)
		p *= 10;
	char tmp[48];
	size_t k = sizeof tmp;
	uint64_t frac = mag % p, whole = mag / p;
	for (int i = 0; i < scale; i++) {
		tmp[--k] = (char)('0' + frac % 10);
		frac /= 10;
	}
	if (scale)
		tmp[--k] = '.';
	do {
		tmp[--k] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (v < 0)
		tmp[--k] = '-';
	put(w, tmp + k, sizeof tmp - k);
}

void jw_kstr(jw *w, const char *k, const char *s)
{
	jw_key(w, k);
	jw_str(w, s);
}

void jw_kstrn(jw *w, const char *k, const char *s, size_t n)
{
	jw_key(w, k);
	jw_strn(w, s, n);
}

void jw_kint(jw *w, const char *k, int64_t v)
{
	jw_key(w, k);
	jw_int(w, v);
}

void jw_kbool(jw *w, const char *k, bool v)
{
	jw_key(w, k);
	jw_bool(w, v);
}

void jw_knull(jw *w, const char *k)
{
	jw_key(w, k);
	jw_null(w);
}
