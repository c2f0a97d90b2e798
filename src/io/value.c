/*
 * value.c - typed values of the interchange formats (value.h).
 *
 * Layer: io. Every parser is strict (no spaces, no signs, no exponents)
 * and checks int64 overflow before it happens.
 */
#include "value.h"

#include <string.h>

#include "../core/buf.h"
#include "text.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* *v = *v * 10 + digit, false when the result would pass max (>= 0). */
static bool push_digit(int64_t *v, char c, int64_t max)
{
	int64_t d = c - '0';
	if (d > max || *v > (max - d) / 10)
		return false;
	*v = *v * 10 + d;
	return true;
}

static bool ascii_equal_ci(const char *s, size_t n, const char *lower)
{
	size_t k = strlen(lower);
	if (n != k)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lower[i])
			return false;
	}
	return true;
}

bool val_bool(const char *s, size_t n, bool *out)
{
	static const char *const yes[] = {"1", "true", "x"};
	static const char *const no[] = {"0", "false"};

	if (n == 0) {
		*out = false;
		return true;
	}
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (ascii_equal_ci(s, n, yes[i])) {
			*out = true;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (ascii_equal_ci(s, n, no[i])) {
			*out = false;
			return true;
		}
	}
	/* có / không: NFC or NFD, any case. The longest spelling, "KHÔNG"
	 * in NFD, has 7 bytes; anything much longer is not one of them. */
	if (n > 16)
		return false;
	buf folded;
	buf_init(&folded, 64);
	bool ok = false;
	/* text_fold would also accept "co" and "cỏ": compare the case-folded
	 * NFC form instead. text_nfc does not fold case, so lower-case the
	 * three letters that can be upper here (C, Ó, Ô) by hand. */
	if (text_nfc(s, n, &folded) == GN_OK) {
		char *p = folded.p;
		size_t len = folded.len;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c >= 'A' && c <= 'Z') {
				p[i] = (char)(c - 'A' + 'a');
			} else if (c == 0xC3 && i + 1 < len &&
				   ((unsigned char)p[i + 1] == 0x93 ||
				    (unsigned char)p[i + 1] == 0x94)) {
				/* Ó (C3 93) -> ó (C3 B3), Ô (C3 94) -> ô (C3 B4) */
				p[i + 1] = (char)((unsigned char)p[i + 1] + 0x20);
				i++;
			}
		}
		if (len == 3 && memcmp(p, "c\xC3\xB3", 3) == 0) {
			*out = true;
			ok = true;
		} else if (len == 6 && memcmp(p, "kh\xC3\xB4ng", 6) == 0) {
			*out = false;
			ok = true;
		}
	}
	buf_free(&folded);
	return ok;
}

bool val_count(const char *s, size_t n, int64_t max, int64_t *out)
{
	int64_t v = 0;
	if (n == 0 || max < 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) || !push_digit(&v, s[i], max))
			return false;
	*out = v;
	return true;
}

bool val_money(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;
	size_t i = 0;

	/* The first group: all the digits up to the first '.' or the end. */
	while (i < n && is_digit(s[i])) {
		if (!push_digit(&v, s[i], INT64_MAX))
			return false;
		i++;
	}
	if (i == 0)
		return false;
	if (i == n) {
		*out = v;
		return true;
	}
	if (i > 3)
		return false; /* "1234.567": not a Vietnamese grouping */
	/* Then groups of exactly three digits, each after one '.'. */
	while (i < n) {
		if (s[i] != '.' || n - i < 4)
			return false;
		for (size_t k = 1; k <= 3; k++)
			if (!is_digit(s[i + k]) ||
			    !push_digit(&v, s[i + k], INT64_MAX))
				return false;
		i += 4;
	}
	*out = v;
	return true;
}

/*
 * Splits "III.FFF" (either part may be empty, not both; the '.' is
 * optional but not last) into its integer value and its fraction digits.
 */
static bool split_decimal(const char *s, size_t n, int64_t *ipart,
			  const char **frac, size_t *nfrac)
{
	size_t i = 0;
	int64_t v = 0;
	while (i < n && is_digit(s[i])) {
		if (!push_digit(&v, s[i], INT64_MAX))
			return false;
		i++;
	}
	size_t nint = i;
	*frac = s + n;
	*nfrac = 0;
	if (i < n) {
		if (s[i] != '.' || i + 1 == n)
			return false;
		for (size_t k = i + 1; k < n; k++)
			if (!is_digit(s[k]))
				return false;
		*frac = s + i + 1;
		*nfrac = n - i - 1;
	}
	if (nint == 0 && *nfrac == 0)
		return false;
	*ipart = v;
	return true;
}

bool val_decimal(const char *s, size_t n, int scale_digits, int64_t *out)
{
	int64_t ipart, scale = 1, f = 0;
	const char *frac;
	size_t nfrac;

	if (scale_digits < 0 || scale_digits > 18)
		return false;
	if (!split_decimal(s, n, &ipart, &frac, &nfrac) ||
	    nfrac > (size_t)scale_digits)
		return false;
	for (int k = 0; k < scale_digits; k++)
		scale *= 10;
	for (size_t k = 0; k < (size_t)scale_digits; k++)
		f = f * 10 + (k < nfrac ? frac[k] - '0' : 0);
	if (ipart > (INT64_MAX - f) / scale)
		return false;
	*out = ipart * scale + f;
	return true;
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

bool val_share(const char *s, size_t n, int64_t *num, int64_t *den)
{
	int64_t ipart, f = 0, d = 1;
	const char *frac;
	size_t nfrac;

	if (!split_decimal(s, n, &ipart, &frac, &nfrac) || ipart > 1)
		return false;
	/* 18 decimals still fit: 10^18 < 2^63. Longer spellings are only
	 * accepted when the extra digits are zeros. */
	for (size_t k = 0; k < nfrac; k++) {
		if (k >= 18) {
			if (frac[k] != '0')
				return false;
			continue;
		}
		f = f * 10 + (frac[k] - '0');
		d *= 10;
	}
	if (ipart == 1 && f != 0)
		return false;
	int64_t nm = ipart * d + f;
	int64_t g = gcd64(nm, d);
	*num = nm / g;
	*den = d / g;
	return true;
}

bool val_date(const char *s, size_t n, gn_date *out)
{
	return date_parse(s, n, out);
}

bool val_year(const char *s, size_t n, int *out)
{
	int64_t v;
	if (n != 4 || !val_count(s, n, 9999, &v) || v < 1900 || v > 2199)
		return false;
	*out = (int)v;
	return true;
}
