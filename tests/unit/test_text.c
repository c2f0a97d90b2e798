/* test_text.c - UTF-8 validation, NFC, folding (src/io/text.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "core/buf.h"
#include "io/text.h"

/* "Nguyễn Thị Hồng" in NFC and in NFD. */
#define NAME_NFC "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B H\xE1\xBB\x93ng"
#define NAME_NFD "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Ho\xCC\x82\xCC\x80ng"

static bool valid(const char *s, size_t *bad)
{
	return text_valid_utf8(s, strlen(s), bad);
}

static void test_valid_utf8(void **state)
{
	(void)state;
	size_t bad = 99;
	assert_true(text_valid_utf8("", 0, &bad));
	assert_true(text_valid_utf8(NULL, 0, NULL));
	assert_true(valid("plain ASCII text, longer than eight bytes", &bad));
	assert_true(valid(NAME_NFC, &bad));
	assert_true(valid(NAME_NFD, &bad));
	assert_true(valid("\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80"
			  " \xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF",
			  &bad));
	assert_int_equal(bad, 99); /* untouched on success */

	static const struct {
		const char *s;
		size_t bad;
	} cases[] = {
		{"\x80", 0},
		{"abc\xBF", 3},
		{"\xC0\x80", 0},		  /* overlong NUL */
		{"\xC1\xBF", 0},		  /* overlong */
		{"\xC2", 0},			  /* cut short */
		{"\xC2\x41", 0},		  /* not a continuation */
		{"\xE0\x80\x80", 0},		  /* overlong */
		{"\xE0\x9F\xBF", 0},		  /* overlong */
		{"\xED\xA0\x80", 0},		  /* surrogate D800 */
		{"\xED\xBF\xBF", 0},		  /* surrogate DFFF */
		{"ab\xE1\xBB", 2},		  /* cut short */
		{"\xF0\x80\x80\x80", 0},	  /* overlong */
		{"\xF0\x8F\xBF\xBF", 0},	  /* overlong */
		{"\xF4\x90\x80\x80", 0},	  /* past U+10FFFF */
		{"\xF5\x80\x80\x80", 0},
		{"\xF8\x88\x80\x80\x80", 0},
		{"\xFE", 0},
		{"\xFF", 0},
		{"0123456789abcdefghij\xFF", 20}, /* after the 8-byte path */
		{"0123456789abcdef\xC3\xA9\xC3", 18},
		{"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9x\x80", 9},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bad = 99;
		if (valid(cases[i].s, &bad))
			fail_msg("case %zu accepted", i);
		assert_int_equal(bad, cases[i].bad);
		assert_false(valid(cases[i].s, NULL));
	}
	/* A NUL is a valid character. */
	assert_true(text_valid_utf8("a\0b", 3, NULL));
}

/* An independent reading of the definition: decode, then check ranges. */
static bool ref_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += len;
	}
	return true;
}

static void test_valid_utf8_exhaustive(void **state)
{
	(void)state;
	unsigned char s[5];
	/* Every 1-, 2- and 3-byte string that starts with a byte >= 0x80. */
	for (unsigned a = 0x80; a < 0x100; a++) {
		s[0] = (unsigned char)a;
		assert_int_equal(text_valid_utf8((char *)s, 1, NULL),
				 ref_valid(s, 1));
		for (unsigned b = 0; b < 0x100; b++) {
			s[1] = (unsigned char)b;
			assert_int_equal(text_valid_utf8((char *)s, 2, NULL),
					 ref_valid(s, 2));
			for (unsigned c = 0; c < 0x100; c += a >= 0xC0 ? 1 : 17) {
				s[2] = (unsigned char)c;
				if (text_valid_utf8((char *)s, 3, NULL) !=
				    ref_valid(s, 3))
					fail_msg("%02x %02x %02x", a, b, c);
			}
		}
	}
	/* 4-byte leads with every second byte and a few others. */
	for (unsigned a = 0xF0; a < 0x100; a++)
		for (unsigned b = 0; b < 0x100; b++)
			for (unsigned c = 0x70; c < 0xD0; c += 0x0F)
				for (unsigned e = 0x70; e < 0xD0; e += 0x0F) {
					s[0] = (unsigned char)a;
					s[1] = (unsigned char)b;
					s[2] = (unsigned char)c;
					s[3] = (unsigned char)e;
					assert_int_equal(
						text_valid_utf8((char *)s, 4, NULL),
						ref_valid(s, 4));
				}
}

/* Capitals for official headings: every Vietnamese letter with its marks,
 * đ, NFD input composed, invalid UTF-8 refused. */
static void test_upper(void **state)
{
	(void)state;
	buf b;
	buf_init(&b, 0);
	const char *in = "Tỉnh Sơn La, xã Mường Đăk ơ ư ă â ê ô đ ỳ ỹ";
	assert_int_equal(text_upper(in, strlen(in), &b), GN_OK);
	assert_string_equal(buf_cstr(&b), "TỈNH SƠN LA, XÃ MƯỜNG ĐĂK Ơ Ư Ă Â Ê Ô Đ Ỳ Ỹ");
	buf_reset(&b);
	assert_int_equal(text_upper("e\xcc\x82\xcc\x81", 5, &b), GN_OK); /* e + ^ + ' */
	assert_string_equal(buf_cstr(&b), "Ế");
	assert_int_equal(text_upper("\xff", 1, &b), GN_EINPUT);
	buf_free(&b);
}

static void test_nfc(void **state)
{
	(void)state;
	buf b;
	buf_init(&b, 0);
	assert_int_equal(text_nfc("Code 123", 8, &b), GN_OK);
	assert_string_equal(b.p, "Code 123");
	/* Appends. */
	assert_int_equal(text_nfc(NAME_NFD, strlen(NAME_NFD), &b), GN_OK);
	assert_string_equal(b.p, "Code 123" NAME_NFC);
	buf_reset(&b);
	assert_int_equal(text_nfc(NAME_NFC, strlen(NAME_NFC), &b), GN_OK);
	assert_string_equal(b.p, NAME_NFC);
	buf_reset(&b);
	/* Đ has no decomposition; ơ, ư are o, u + horn. */
	assert_int_equal(text_nfc("\xC4\x90o\xCC\x9B\xCC\x81u\xCC\x9B", 10, &b),
			 GN_OK);
	assert_string_equal(b.p, "\xC4\x90\xE1\xBB\x9B\xC6\xB0");
	buf_reset(&b);
	assert_int_equal(text_nfc("", 0, &b), GN_OK);
	assert_int_equal(b.len, 0);
	assert_int_equal(text_nfc("a\xFF", 2, &b), GN_EINPUT);
	assert_int_equal(text_nfc("\xC3\xA9\xED\xA0\x80", 5, &b), GN_EINPUT);
	/* A NUL byte passes through. */
	buf_reset(&b);
	assert_int_equal(text_nfc("e\xCC\x81\0x", 5, &b), GN_OK);
	assert_int_equal(b.len, 4);
	assert_memory_equal(b.p, "\xC3\xA9\0x", 4);
	/* The cap of the buffer is reported. */
	buf small;
	buf_init(&small, 2);
	assert_int_equal(text_nfc("abc", 3, &small), GN_ENOMEM);
	assert_int_equal(text_nfc("e\xCC\x81\xC3\xA9", 5, &small),
			 GN_ENOMEM);
	buf_free(&small);
	buf_free(&b);
}

static void fold_is(const char *in, const char *want)
{
	buf b;
	buf_init(&b, 0);
	assert_int_equal(text_fold(in, strlen(in), &b), GN_OK);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void test_fold(void **state)
{
	(void)state;
	fold_is("\xC4\x90\xE1\xBB\xA9" "c", "duc"); /* Đức */
	fold_is("\xC4\x91\xE1\xBB\xA9" "c", "duc"); /* đức */
	fold_is("D\xCC\x9B\xCC\x81", "d");	   /* D + horn + acute */
	fold_is(NAME_NFC, "nguyen thi hong");
	fold_is(NAME_NFD, "nguyen thi hong");
	fold_is("\xC4\x90\xE1\xBA\xB6NG", "dang");	     /* ĐẶNG */
	fold_is("\xC6\xA0 \xC6\xAF \xC6\xB0 \xC6\xA1", "o u u o"); /* Ơ Ư ư ơ */
	fold_is("Ph\xC6\xB0\xE1\xBB\x9Dng S\xC3\xA0i G\xC3\xB2n",
		"phuong sai gon");
	fold_is("HELLO World 42", "hello world 42");
	fold_is("", "");

	buf b;
	buf_init(&b, 0);
	buf_puts(&b, "x:");
	assert_int_equal(text_fold("\xC4\x90\xC4\x90", 4, &b), GN_OK);
	assert_string_equal(b.p, "x:dd");
	assert_int_equal(text_fold("\xC4", 1, &b), GN_EINPUT);
	assert_int_equal(text_fold("ok\xFF", 3, &b), GN_EINPUT);
	buf_free(&b);
}

static void test_equal_ci(void **state)
{
	(void)state;
	assert_true(text_equal_ci("Code", 4, "code", 4));
	assert_true(text_equal_ci("", 0, "", 0));
	assert_false(text_equal_ci("code", 4, "codes", 5));
	assert_false(text_equal_ci("code", 4, "cade", 4));
	assert_true(text_equal_ci(NAME_NFD, strlen(NAME_NFD), NAME_NFC,
				  strlen(NAME_NFC)));
	assert_true(text_equal_ci("T\xC3\xAAn", 4, "te\xCC\x82n", 5));
	/* Only ASCII letters fold: Ê is not ê. */
	assert_false(text_equal_ci("T\xC3\x8An", 4, "t\xC3\xAAn", 4));
	/* Invalid UTF-8 compares as bytes. */
	assert_true(text_equal_ci("A\xFF", 2, "a\xFF", 2));
	assert_false(text_equal_ci("A\xFF", 2, "a\xFE", 2));
}

/* ---- Vietnamese sort key ------------------------------------------------- */

static int key_cmp(const char *a, const char *b)
{
	buf ka, kb;
	buf_init(&ka, 0);
	buf_init(&kb, 0);
	assert_int_equal(text_vn_sortkey(a, strlen(a), &ka), GN_OK);
	assert_int_equal(text_vn_sortkey(b, strlen(b), &kb), GN_OK);
	size_t n = ka.len < kb.len ? ka.len : kb.len;
	int c = n ? memcmp(ka.p, kb.p, n) : 0;
	if (c == 0)
		c = ka.len < kb.len ? -1 : ka.len > kb.len;
	buf_free(&ka);
	buf_free(&kb);
	return c < 0 ? -1 : c > 0;
}

static void test_sortkey_order(void **state)
{
	(void)state;
	/* In the order of a Vietnamese list, checked by hand: given name
	 * first (An < Anh < Ân < Bình < Dũng < Dương < Đức ...), family and
	 * middle names next, tones only between names equal in letters. */
	static const char *const names[] = {
		"Lê An",          /* given "an": rest "le" < "nguyen" */
		"Nguyễn An",      /* rest "nguyen" before "nguyen van" */
		"Nguyễn Văn An",
		"Trần Thị Ánh",   /* "anh" after its prefix "an" */
		"Phạm Thị Ân",    /* a < â */
		"Lê Văn Bình",
		"Hoàng Văn Dũng", /* "dung" < "duong" (n < o) */
		"Trần Dương",
		"Phạm Đức",       /* đ after every d */
		"Ngô Thị Em",
		"Nguyễn Văn Ha",  /* tones: unmarked < huyền < hỏi < ngã < sắc < nặng */
		"Nguyễn Văn Hà",
		"Nguyễn Văn Hả",
		"Nguyễn Văn Hã",
		"Nguyễn Văn Há",
		"Nguyễn Văn Hạ",
		"Lê Thị Hai",     /* letters before tones: "ha" < "hai" */
		"Lê Hòa",         /* o < ô < ơ < u < ư */
		"Trần Thị Hồng",
		"Trần Văn Hơn",
		"Đỗ Văn Hùng",
		"Bùi Văn Hưng",
		"Lò Văn Khánh",
		"Sình A Mai",
		"Vũ Thị Vi",      /* i < y */
		"Nông Thị Vy",
	};
	size_t n = sizeof names / sizeof names[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;
			if (key_cmp(names[i], names[j]) != want)
				fail_msg("\"%s\" vs \"%s\": expected %d", names[i], names[j], want);
		}
	/* Tones count only when the letters of both names are equal: the
	 * family name's letters decide before the given name's tone. */
	assert_int_equal(key_cmp("Lê Hạ", "Nguyễn Hà"), -1);
	assert_int_equal(key_cmp("Nguyễn Hạ", "Nguyen Ha"), 1);
}

static void test_sortkey_forms(void **state)
{
	(void)state;
	/* Case, NFD input, extra spaces and punctuation do not matter. */
	assert_int_equal(key_cmp("NGUYỄN THỊ HỒNG", NAME_NFC), 0);
	assert_int_equal(key_cmp(NAME_NFD, NAME_NFC), 0);
	assert_int_equal(key_cmp("  Nguyễn   Thị\tHồng ", NAME_NFC), 0);
	assert_int_equal(key_cmp("Sình A Mai", "Sình A. Mai"), 0);
	assert_int_equal(key_cmp("ĐỨC", "đức"), 0);
	/* Digits before letters; a single word is a given name alone. */
	assert_int_equal(key_cmp("An 2", "An B"), -1);
	assert_int_equal(key_cmp("An", "Lê An"), -1);
	assert_int_equal(key_cmp("", "An"), -1);
	/* Other scripts after z, by code point. */
	assert_int_equal(key_cmp("Zung", "\xE7\x8E\x8B"), -1);
	buf k;
	buf_init(&k, 0);
	assert_int_equal(text_vn_sortkey("\xC3", 1, &k), GN_EINPUT);
	assert_int_equal(text_vn_sortkey("", 0, &k), GN_OK);
	assert_int_equal(k.len, 0);
	buf_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_valid_utf8_exhaustive),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_upper),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_equal_ci),
		cmocka_unit_test(test_sortkey_order),
		cmocka_unit_test(test_sortkey_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
