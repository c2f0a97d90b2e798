/* test_http.c - the http layer's pure parts: the per-request arena, the
 * JSON writer's escaping and nesting, Cookie header and route patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/arena.h"
#include "http/json.h"
#include "http/parse.h"

static int cleanups[4];
static int order;

static void note(void *p)
{
	*(int *)p = ++order;
}

static void test_arena(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *s = arena_strdup(a, "xin chào");
	assert_string_equal(s, "xin chào");
	/* many small and some big blocks, all aligned */
	for (int i = 0; i < 1000; i++) {
		void *p = arena_alloc(a, (size_t)(i % 37) + 1);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		memset(p, 0xab, (size_t)(i % 37) + 1);
	}
	unsigned char *big = arena_calloc(a, 100000, 1);
	assert_int_equal(big[99999], 0);
	assert_string_equal(s, "xin chào"); /* earlier memory untouched */
	order = 0;
	memset(cleanups, 0, sizeof cleanups);
	arena_defer(a, note, &cleanups[0]);
	arena_defer(a, note, &cleanups[1]);
	assert_true(arena_used(a) > 100000);
	arena_free(a);
	/* last registered runs first */
	assert_int_equal(cleanups[1], 1);
	assert_int_equal(cleanups[0], 2);
	arena_free(NULL);
}

static void test_json_writer(void **state)
{
	(void)state;
	buf b;
	buf_init(&b, 0);
	jw w;
	jw_init(&w, &b);
	jw_object(&w);
	jw_kstr(&w, "name", "Nguyễn Văn Đức");
	jw_kint(&w, "n", -42);
	jw_kbool(&w, "ok", true);
	jw_knull(&w, "none");
	jw_key(&w, "rate");
	jw_decimal(&w, 708, 2);
	jw_key(&w, "list");
	jw_array(&w);
	jw_int(&w, 1);
	jw_str(&w, NULL);
	jw_object(&w);
	jw_object_end(&w);
	jw_array(&w);
	jw_array_end(&w);
	jw_array_end(&w);
	jw_object_end(&w);
	assert_int_equal(jw_error(&w), GN_OK);
	assert_string_equal(buf_cstr(&b),
			    "{\"name\":\"Nguyễn Văn Đức\",\"n\":-42,\"ok\":true,\"none\":null,"
			    "\"rate\":7.08,\"list\":[1,null,{},[]]}");

	/* escaping */
	buf_reset(&b);
	const char in[] = "a\"b\\c\n\t\x01\x1f</script>&\xe2\x80\xa8|\xff|\xc3\x28|\xed\xa0\x80|\xf0\x9f\x98\x80";
	assert_int_equal(jw_escape(&b, in, sizeof in - 1), GN_OK);
	assert_string_equal(buf_cstr(&b),
			    "a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u003c/script\\u003e\\u0026\\u2028|"
			    "\\ufffd|\\ufffd(|\\ufffd\\ufffd\\ufffd|\xf0\x9f\x98\x80");
	/* NUL inside */
	buf_reset(&b);
	assert_int_equal(jw_escape(&b, "a\0b", 3), GN_OK);
	assert_string_equal(buf_cstr(&b), "a\\u0000b");

	/* decimals */
	buf_reset(&b);
	jw_init(&w, &b);
	jw_array(&w);
	jw_decimal(&w, -5, 2);
	jw_decimal(&w, 1205000, 4);
	jw_decimal(&w, 3, 0);
	jw_decimal(&w, INT64_MIN, 2);
	jw_array_end(&w);
	assert_string_equal(buf_cstr(&b), "[-0.05,120.5000,3,-92233720368547758.08]");

	/* misuse is sticky */
	buf_reset(&b);
	jw_init(&w, &b);
	jw_object(&w);
	jw_int(&w, 1); /* a value without a key */
	assert_int_equal(jw_error(&w), GN_EINTERNAL);
	jw_init(&w, &b);
	jw_array_end(&w);
	assert_int_equal(jw_error(&w), GN_EINTERNAL);

	/* the cap */
	buf small;
	buf_init(&small, 8);
	jw_init(&w, &small);
	jw_str(&w, "too long for eight bytes");
	assert_int_equal(jw_error(&w), GN_ENOMEM);
	buf_free(&small);
	buf_free(&b);
}

static void test_cookie(void **state)
{
	(void)state;
	const char *v;
	size_t n;
	assert_true(http_cookie_find("a=1; gnbv_session=abc; b=2", "gnbv_session", &v, &n));
	assert_int_equal(n, 3);
	assert_memory_equal(v, "abc", 3);
	assert_true(http_cookie_find("gnbv_session=\"q\"", "gnbv_session", &v, &n));
	assert_int_equal(n, 1);
	assert_memory_equal(v, "q", 1);
	/* names must match exactly; the first pair wins */
	assert_false(http_cookie_find("xgnbv_session=1; gnbv_sessionx=2", "gnbv_session", &v, &n));
	assert_true(http_cookie_find("gnbv_session=1;gnbv_session=2", "gnbv_session", &v, &n));
	assert_memory_equal(v, "1", 1);
	assert_true(http_cookie_find(" ; junk ; gnbv_session = z ", "gnbv_session", &v, &n));
	assert_int_equal(n, 1);
	assert_memory_equal(v, "z", 1);
	assert_true(http_cookie_find("gnbv_session=", "gnbv_session", &v, &n));
	assert_int_equal(n, 0);
	assert_false(http_cookie_find("", "gnbv_session", &v, &n));
	assert_false(http_cookie_find(NULL, "gnbv_session", &v, &n));
}

static void test_routes(void **state)
{
	(void)state;
	http_param p[HTTP_MAX_PARAMS];
	size_t n;
	assert_true(http_route_match("/api/v1/me", "/api/v1/me", p, &n));
	assert_int_equal(n, 0);
	assert_true(http_route_match("/api/v1/households/{id}/reviews/{year}",
				     "/api/v1/households/H01/reviews/2024", p, &n));
	assert_int_equal(n, 2);
	assert_int_equal(p[0].name_len, 2);
	assert_memory_equal(p[0].name, "id", 2);
	assert_int_equal(p[0].val_len, 3);
	assert_memory_equal(p[0].val, "H01", 3);
	assert_memory_equal(p[1].val, "2024", 4);
	assert_false(http_route_match("/api/v1/households/{id}", "/api/v1/households/", p, &n));
	assert_false(http_route_match("/api/v1/households/{id}", "/api/v1/households/a/b", p, &n));
	assert_false(http_route_match("/api/v1/households/{id}", "/api/v1/households", p, &n));
	assert_false(http_route_match("/api/v1/me", "/api/v1/me/", p, &n));
	assert_false(http_route_match("/api/v1/me", "/api/v1/mex", p, &n));
	assert_true(http_route_match("/", "/", p, &n));
}

static void test_hex(void **state)
{
	(void)state;
	unsigned char in[3] = {0x00, 0xab, 0xff}, out[3];
	char hex[7];
	http_hex(in, 3, hex);
	assert_string_equal(hex, "00abff");
	assert_true(http_unhex("00ABff", 6, out, 3));
	assert_memory_equal(in, out, 3);
	assert_false(http_unhex("00abf", 5, out, 3));
	assert_false(http_unhex("00abfg", 6, out, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_json_writer),
		cmocka_unit_test(test_cookie),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_hex),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
