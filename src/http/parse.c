/* parse.c - Cookie header, path patterns, hex. Layer: http. See parse.h. */
#include "parse.h"

#include <string.h>

bool http_cookie_find(const char *header, const char *name, const char **val,
		      size_t *len)
{
	if (!header)
		return false;
	size_t nlen = strlen(name);
	const char *p = header;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		const char *start = p;
		while (*p && *p != ';')
			p++;
		const char *end = p; /* the pair is [start, end) */
		const char *eq = memchr(start, '=', (size_t)(end - start));
		if (!eq)
			continue;
		const char *ne = eq;
		while (ne > start && (ne[-1] == ' ' || ne[-1] == '\t'))
			ne--;
		if ((size_t)(ne - start) != nlen || memcmp(start, name, nlen) != 0)
			continue;
		const char *v = eq + 1, *ve = end;
		while (v < ve && (*v == ' ' || *v == '\t'))
			v++;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		if (ve - v >= 2 && v[0] == '"' && ve[-1] == '"') {
			v++;
			ve--;
		}
		*val = v;
		*len = (size_t)(ve - v);
		return true;
	}
	return false;
}

bool http_route_match(const char *pattern, const char *path,
		      http_param *params, size_t *n)
{
	const char *p = pattern, *s = path;
	size_t k = 0;
	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return false;
		p++;
		s++;
		const char *pe = strchr(p, '/');
		const char *se = strchr(s, '/');
		if (!pe)
			pe = p + strlen(p);
		if (!se)
			se = s + strlen(s);
		size_t plen = (size_t)(pe - p), slen = (size_t)(se - s);
		if (plen >= 2 && p[0] == '{' && p[plen - 1] == '}') {
			if (slen == 0 || k >= HTTP_MAX_PARAMS)
				return false;
			params[k++] = (http_param){p + 1, plen - 2, s, slen};
		} else if (plen != slen || memcmp(p, s, plen) != 0) {
			return false;
		}
		p = pe;
		s = se;
	}
	if (*p || *s)
		return false;
	*n = k;
	return true;
}

void http_hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool http_unhex(const char *s, size_t slen, unsigned char *out, size_t n)
{
	if (slen != 2 * n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return true;
}
