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

gn_err text_upper(const char *s, size_t n, buf *out)
{
	if (!text_valid_utf8(s, n, NULL))
		return GN_EINPUT;
	buf nfc;
	buf_init(&nfc, 0);
	gn_err rc = text_nfc(s, n, &nfc);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(nfc.p ? nfc.p : "");
	utf8proc_ssize_t left = (utf8proc_ssize_t)nfc.len;
	while (rc == GN_OK && left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			rc = GN_EINPUT;
			break;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
		rc = buf_put(out, enc, (size_t)m);
		p += k;
		left -= k;
	}
	buf_free(&nfc);
	return rc;
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

/* ---- Vietnamese sort key ----------------------------------------------------
 *
 * The key is built in two levels, as a collation key would be:
 *
 *   letters of the given name  02  letters of the other words, 03 between
 *   words  01  tones of every letter in the same order
 *
 * Letter bytes start at 0x20 and digits at 0x10, so the separators (01 <
 * 02 < 03) sort a shorter name before a longer one that starts the same
 * way ("An" < "Anh"; "Nguyễn An" < "Nguyễn Văn An"). When the letters of
 * two names are equal, their tone sections have the same length and
 * compare letter by letter. A letter of another script is 0x50 followed by
 * its code point in three bytes (a fixed length, so keys stay comparable).
 * The name is decomposed (NFD) and case-folded by utf8proc; the modifier
 * marks (breve, circumflex, horn) then make the Vietnamese letters ă â ê ô
 * ơ ư out of their base letters and the tone marks give the tone.
 */

enum {
	VK_LEVEL = 0x01, VK_PART = 0x02, VK_WORD = 0x03,
	VK_DIGIT = 0x10, VK_LETTER = 0x20, VK_OTHER = 0x50, VK_TONE = 0x10
};

/* Modifiers a base letter may carry. */
enum { MOD_NONE, MOD_BREVE, MOD_CIRCUMFLEX, MOD_HORN };

/* Rank of a..z in the Vietnamese alphabet: a ă â b c d đ e ê f g h i j k l
 * m n o ô ơ p q r s t u ư v w x y z (f j w z, used in foreign and minority
 * names, at their Latin places). */
static const uint8_t vn_base_rank[26] = {
	0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17,
	18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32,
};
#define VN_RANK_DD 6 /* đ */

static uint8_t vn_letter_rank(char base, int mod)
{
	uint8_t r = vn_base_rank[base - 'a'];
	if (base == 'a' && mod == MOD_BREVE)
		return 1;
	if (base == 'a' && mod == MOD_CIRCUMFLEX)
		return 2;
	if ((base == 'e' || base == 'o') && mod == MOD_CIRCUMFLEX)
		return (uint8_t)(r + 1);
	if ((base == 'o' || base == 'u') && mod == MOD_HORN)
		return (uint8_t)(r + (base == 'o' ? 2 : 1));
	return r;
}

enum { VK_KIND_LETTER, VK_KIND_DIGIT, VK_KIND_OTHER };

typedef struct vk_char {
	uint32_t prim;  /* letter rank, digit value, or code point (by kind) */
	uint8_t kind;
	char base;      /* a..z for a Latin letter that marks may modify, else 0 */
	uint8_t mod;
	uint8_t tone;   /* 0 unmarked, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng */
} vk_char;

static int vn_tone(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x0300: return 1; /* grave: huyền */
	case 0x0309: return 2; /* hook above: hỏi */
	case 0x0303: return 3; /* tilde: ngã */
	case 0x0301: return 4; /* acute: sắc */
	case 0x0323: return 5; /* dot below: nặng */
	default: return 0;
	}
}

static gn_err vk_emit_other(buf *out, uint32_t cp)
{
	char b[4] = {(char)VK_OTHER, (char)(cp >> 16), (char)(cp >> 8), (char)cp};
	return buf_put(out, b, 4);
}

static gn_err vk_emit_word(buf *out, const vk_char *c, size_t from, size_t to)
{
	gn_err rc = GN_OK;
	for (size_t i = from; i < to && rc == GN_OK; i++) {
		if (c[i].kind == VK_KIND_OTHER)
			rc = vk_emit_other(out, c[i].prim);
		else
			rc = buf_putc(out, (char)((c[i].kind == VK_KIND_DIGIT ? VK_DIGIT : VK_LETTER) +
						  c[i].prim));
	}
	return rc;
}

gn_err text_vn_sortkey(const char *s, size_t n, buf *out)
{
	utf8proc_uint8_t *dec = NULL;
	const unsigned char *p = (const unsigned char *)s;
	size_t len = n;
	if (!is_ascii(s, n)) {
		if (!text_valid_utf8(s, n, NULL))
			return GN_EINPUT;
		if (n > (size_t)PTRDIFF_MAX / 8)
			return GN_ENOMEM;
		utf8proc_ssize_t dl = utf8proc_map(
			(const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dec,
			UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
		if (dl < 0) {
			free(dec);
			return dl == UTF8PROC_ERROR_NOMEM ? GN_ENOMEM : GN_EINPUT;
		}
		p = dec;
		len = (size_t)dl;
	}

	/* At most one character and one word per byte. */
	vk_char *c = malloc((len ? len : 1) * sizeof *c);
	size_t *wstart = malloc((len ? len : 1) * 2 * sizeof *wstart);
	if (!c || !wstart) {
		free(c);
		free(wstart);
		free(dec);
		return GN_ENOMEM;
	}
	size_t nc = 0, nw = 0; /* word k is c[wstart[2k] .. wstart[2k+1]) */
	bool in_word = false;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		if (p[i] < 0x80) {
			cp = p[i++];
		} else {
			utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
			if (k <= 0) {
				cp = -1;
				k = 1;
			}
			i += (size_t)k;
		}
		if (cp < 0)
			continue;
		vk_char ch = {0};
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp >= 'a' && cp <= 'z') {
			ch.base = (char)cp;
			ch.prim = vn_letter_rank(ch.base, MOD_NONE);
		} else if (cp >= '0' && cp <= '9') {
			ch.kind = VK_KIND_DIGIT;
			ch.prim = (uint32_t)(cp - '0');
		} else if (cp == 0x0111 || cp == 0x00F0) { /* đ, and ð typed for it */
			ch.prim = VN_RANK_DD;
		} else {
			utf8proc_category_t cat = utf8proc_category(cp);
			if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
			    cat == UTF8PROC_CATEGORY_ME) {
				/* A mark on the letter just before it (same word). */
				if (!in_word || nc == 0)
					continue;
				vk_char *last = &c[nc - 1];
				int tone = vn_tone(cp);
				if (tone)
					last->tone = (uint8_t)tone;
				else if (last->base && cp == 0x0306)
					last->mod = MOD_BREVE;
				else if (last->base && cp == 0x0302)
					last->mod = MOD_CIRCUMFLEX;
				else if (last->base && cp == 0x031B)
					last->mod = MOD_HORN;
				if (last->base)
					last->prim = vn_letter_rank(last->base, last->mod);
				continue;
			}
			if (cp == '\t' || cp == '\n' || cp == '\r' ||
			    cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
			    cat == UTF8PROC_CATEGORY_ZP) {
				if (in_word)
					wstart[2 * nw++ + 1] = nc;
				in_word = false;
				continue;
			}
			if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO)
				continue; /* punctuation, symbols, controls */
			ch.kind = VK_KIND_OTHER;
			ch.prim = (uint32_t)cp;
		}
		if (!in_word) {
			wstart[2 * nw] = nc;
			in_word = true;
		}
		c[nc++] = ch;
	}
	if (in_word)
		wstart[2 * nw++ + 1] = nc;

	gn_err rc = GN_OK;
	if (nw > 0) {
		size_t g = nw - 1; /* the given name */
		rc = vk_emit_word(out, c, wstart[2 * g], wstart[2 * g + 1]);
		if (rc == GN_OK)
			rc = buf_putc(out, (char)VK_PART);
		for (size_t w = 0; w < g && rc == GN_OK; w++) {
			if (w > 0)
				rc = buf_putc(out, (char)VK_WORD);
			if (rc == GN_OK)
				rc = vk_emit_word(out, c, wstart[2 * w], wstart[2 * w + 1]);
		}
		if (rc == GN_OK)
			rc = buf_putc(out, (char)VK_LEVEL);
		for (size_t k = wstart[2 * g]; k < wstart[2 * g + 1] && rc == GN_OK; k++)
			rc = buf_putc(out, (char)(VK_TONE + c[k].tone));
		for (size_t k = 0; k < wstart[2 * g] && rc == GN_OK; k++)
			rc = buf_putc(out, (char)(VK_TONE + c[k].tone));
	}
	free(c);
	free(wstart);
	free(dec);
	return rc;
}
