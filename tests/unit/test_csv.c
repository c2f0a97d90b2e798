/*
 * test_csv.c - unit tests of the CSV reader and writer (src/io/csv.h).
 *
 * Most cases are "input / transcript" pairs: the transcript lists each
 * record as L<line>:<field>|<field>... and each error as
 * E<line>:<column>:<message>. Every case runs five ways that must agree:
 * from memory (an exact-size copy, so that ASan sees any overread), from a
 * file with the normal 1 MiB blocks, from a file read in blocks of 1, 3
 * and 7 bytes (every record crosses refills), and without the 16-byte
 * fast path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "io/csv.h"
#include "io/csv_int.h"

static char tmpdir[256];

static int setup_dir(void **state)
{
	(void)state;
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/test_csv.XXXXXX", t ? t : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/in.csv", tmpdir);
	unlink(path);
	rmdir(tmpdir);
	return 0;
}

static const char *write_file(const char *data, size_t len)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/in.csv", tmpdir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void put_escaped(buf *t, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			buf_puts(t, "\\n");
		else if (p[i] == '\r')
			buf_puts(t, "\\r");
		else if (p[i] == '\0')
			buf_puts(t, "\\0");
		else
			buf_putc(t, p[i]);
	}
}

/* Reads r to its end; returns the transcript (free it). */
static char *transcript(csv_reader *r)
{
	gn_diag *d = diag_new(1000);
	buf t;
	buf_init(&t, 0);
	const csv_field *f;
	size_t n;
	gn_err rc;
	long last = 0;
	int guard = 0;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		assert_true(++guard < 100000);
		if (rc == GN_OK) {
			assert_true(csv_line(r) > last);
			last = csv_line(r);
			buf_printf(&t, "L%ld:", csv_line(r));
			for (size_t i = 0; i < n; i++) {
				if (i)
					buf_putc(&t, '|');
				put_escaped(&t, f[i].p, f[i].len);
			}
			buf_putc(&t, '\n');
		} else {
			assert_int_equal(rc, GN_EINPUT);
			assert_true(diag_count(d) > 0);
			const diag_item *it = diag_at(d, diag_count(d) - 1);
			assert_int_equal(it->kind, DIAG_ERROR);
			assert_string_equal(it->file, "t.csv");
			buf_printf(&t, "E%ld:%s:%s\n", it->line, it->column,
				   it->text);
		}
	}
	/* The end is sticky. */
	assert_int_equal(csv_next(r, d, &f, &n), GN_ENOTFOUND);
	diag_free(d);
	return buf_take(&t);
}

static char *run_mem(const char *data, size_t len)
{
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	if (len)
		memcpy(copy, data, len);
	csv_reader *r;
	assert_int_equal(csv_open_mem("t.csv", copy, len, &r), GN_OK);
	char *t = transcript(r);
	csv_close(r);
	free(copy);
	return t;
}

static char *run_file(const char *data, size_t len)
{
	const char *path = write_file(data, len);
	csv_reader *r;
	assert_int_equal(csv_open(path, "t.csv", NULL, &r), GN_OK);
	char *t = transcript(r);
	csv_close(r);
	return t;
}

/* Checks that every way of reading data gives the transcript want. */
static void check_len(const char *data, size_t len, const char *want)
{
	static const struct {
		size_t block;
		bool fast;
		bool file;
	} modes[] = {
		{0, true, false}, {0, false, false}, {0, true, true},
		{1, true, true},  {3, false, true},  {7, true, true},
	};
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		csv_testing(modes[m].block, modes[m].fast);
		char *got = modes[m].file ? run_file(data, len)
					  : run_mem(data, len);
		if (strcmp(got, want) != 0)
			print_error("mode %zu (block %zu, fast %d, file %d)\n",
				    m, modes[m].block, modes[m].fast,
				    modes[m].file);
		assert_string_equal(got, want);
		free(got);
	}
	csv_testing(0, true);
}

#define check(data, want) check_len((data), sizeof(data) - 1, (want))

/* ---- the accepted syntax ------------------------------------------------ */

static void test_simple(void **state)
{
	(void)state;
	check("", "");
	check("a,b,c\n1,2,3\n", "L1:a|b|c\nL2:1|2|3\n");
	check("a,b\n1,2", "L1:a|b\nL2:1|2\n");
	check("a,,\n,,\n", "L1:a||\nL2:||\n");
	check("a,", "L1:a|\n");
	check(",", "L1:|\n");
	check("x", "L1:x\n");
	check(" a , b \n", "L1: a | b \n");
}

static void test_typical_rows(void **state)
{
	(void)state;
	check("household_id,year,unit_code,village,members,income\n"
	      "H0112300001234,2024,00123,,4,1800000,,0,0,1,0,0,0,0,0,1,1,0,0\n"
	      "H0112300001235,2024,00123,Thôn Đông,3,2.481.000,,0,0,1,0,0,0,"
	      "0,0,1,1,0,0\n",
	      "L1:household_id|year|unit_code|village|members|income\n"
	      "L2:H0112300001234|2024|00123||4|1800000||0|0|1|0|0|0|0|0|1|1|"
	      "0|0\n"
	      "L3:H0112300001235|2024|00123|Thôn Đông|3|2.481.000||0|0|1|0|0|"
	      "0|0|0|1|1|0|0\n");
	/* Fields of 15, 16, 17 bytes and more: the fast path's chunks. */
	check("aaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb,ccccccccccccccccc\n"
	      "dddddddddddddddddddddddddddddddddddddd\n",
	      "L1:aaaaaaaaaaaaaaa|bbbbbbbbbbbbbbbb|ccccccccccccccccc\n"
	      "L2:dddddddddddddddddddddddddddddddddddddd\n");
}

static void test_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBF"
	      "a,b\n1,2\n",
	      "L1:a|b\nL2:1|2\n");
	check("\xEF\xBB\xBF", "");
	check("\xEF\xBB\xBF\n", "");
	check("\xEF\xBB\xBF"
	      "a",
	      "L1:a\n");
	check("\xEF\xBB\xBF\"q\",b\n", "L1:q|b\n");
	/* Only at the start of the file: elsewhere it is text. */
	check("a\n\xEF\xBB\xBF"
	      "b\n",
	      "L1:a\nL2:\xEF\xBB\xBF"
	      "b\n");
	check("\xEF\xBB", "E1:1:invalid UTF-8 at byte 1 of the field\n");
}

static void test_crlf(void **state)
{
	(void)state;
	check("a,b\r\nc,d\r\n", "L1:a|b\nL2:c|d\n");
	check("a,b\r\nc,d", "L1:a|b\nL2:c|d\n");
	check("a,b\nc,d\r\n", "L1:a|b\nL2:c|d\n");
	check("\"a\"\r\n\"b\"\r\n", "L1:a\nL2:b\n");
	/* A CRLF inside quotes is part of the field, as the bytes are. */
	check("\"a\r\nb\",c\r\nd\r\n", "L1:a\\r\\nb|c\nL3:d\n");
}

static void test_empty_lines(void **state)
{
	(void)state;
	check("\n\r\na\n\n\nb\n\n", "L3:a\nL6:b\n");
	check("\n", "");
	check("\r\n\r\n", "");
	check("a\n\r\n\r\nb", "L1:a\nL4:b\n");
	/* A quoted empty field is a record. */
	check("\"\"\n", "L1:\n");
}

static void test_quotes(void **state)
{
	(void)state;
	check("\"a,b\",c\n", "L1:a,b|c\n");
	check("\"\",\"\"\n", "L1:|\n");
	check("\"\"\"\"\n", "L1:\"\n");
	check("\"a\"\"b\"\"\",\"\"\"x\",y\n", "L1:a\"b\"|\"x|y\n");
	check("\"say \"\"hi\"\"\",\"a\"\"\"\"b\"\n",
	      "L1:say \"hi\"|a\"\"b\n");
	check("x,\"a\nb\",\"c\"\"\nd\"\n", "L1:x|a\\nb|c\"\\nd\n");
	check("\"a\"", "L1:a\n");
	check("a,\"b\"", "L1:a|b\n");
	check("\"\"", "L1:\n");
	check("\"é\"\"ô\",\"ễ\"\n", "L1:é\"ô|ễ\n");
}

static void test_line_numbers(void **state)
{
	(void)state;
	check("h\n\"a\nb\nc\"\nd\n\"e\r\nf\"\r\ng\n",
	      "L1:h\nL2:a\\nb\\nc\nL5:d\nL6:e\\r\\nf\nL8:g\n");
	check("\"\n\n\n\"\nx\n", "L1:\\n\\n\\n\nL5:x\n");
}

static void test_many_fields(void **state)
{
	(void)state;
	buf in, want;
	buf_init(&in, 0);
	buf_init(&want, 0);
	buf_puts(&want, "L1:");
	for (int i = 0; i < 1000; i++) {
		if (i) {
			buf_putc(&in, ',');
			buf_putc(&want, '|');
		}
		buf_put_i64(&in, i);
		buf_put_i64(&want, i);
	}
	buf_puts(&in, "\n");
	buf_puts(&want, "\n");
	check_len(in.p, in.len, want.p);
	buf_free(&in);
	buf_free(&want);
}

/* ---- errors ------------------------------------------------------------- */

static void test_error_quote_in_field(void **state)
{
	(void)state;
	check("a,b\"c,d\n", "E1:2:malformed quoting: quote inside an unquoted "
			    "field\n");
	check("x\nab\"\n", "L1:x\nE2:1:malformed quoting: quote inside an "
			   "unquoted field\n");
	/* The reader goes on at the next physical line. */
	check("ok,1\nbad\"x,2\nok,3\n",
	      "L1:ok|1\nE2:1:malformed quoting: quote inside an unquoted "
	      "field\nL3:ok|3\n");
}

static void test_error_after_quote(void **state)
{
	(void)state;
	check("\"a\"b,c\n", "E1:1:malformed quoting: text after closing "
			    "quote\n");
	check("1,2,\"a\" ,4\nz\n", "E1:3:malformed quoting: text after "
				   "closing quote\nL2:z\n");
	/* Reported at the record's first line. */
	check("\"a\nb\"x\nz\n", "E1:1:malformed quoting: text after closing "
				"quote\nL3:z\n");
}

static void test_error_unterminated(void **state)
{
	(void)state;
	check("a,\"b\nc\n", "E1:2:unterminated quoted field (opened on line "
			    "1)\n");
	check("h\n\"x\ny\",z,\"w\n", "L1:h\nE2:3:unterminated quoted field "
				      "(opened on line 3)\n");
	check("\"", "E1:1:unterminated quoted field (opened on line 1)\n");
	check("\"abc\"\"", "E1:1:unterminated quoted field (opened on line "
			   "1)\n");
	check("\"a\r", "E1:1:unterminated quoted field (opened on line 1)\n");
	check("\"a\r\n", "E1:1:unterminated quoted field (opened on line 1)\n");
}

static void test_error_bare_cr(void **state)
{
	(void)state;
	check("a\rb\nc\n", "E1:1:bare carriage return\nL2:c\n");
	check("a,b\r", "E1:2:bare carriage return\n");
	check("\r", "E1:1:bare carriage return\n");
	check("\rx\ny\n", "E1:1:bare carriage return\nL2:y\n");
	check("a,\"b\"\rc\nd\n", "E1:2:bare carriage return\nL2:d\n");
	check("a,\"b\rc\"\nd\n", "E1:2:bare carriage return\nL2:d\n");
	check("a,\"b\"\r", "E1:2:bare carriage return\n");
}

static void test_error_nul(void **state)
{
	(void)state;
	check_len("a,b\0c\nd\n", 8, "E1:2:NUL byte\nL2:d\n");
	check_len("\0", 1, "E1:1:NUL byte\n");
	check_len("\"a\0\"\n", 5, "E1:1:NUL byte\n");
	check_len("a\n\0", 3, "L1:a\nE2:1:NUL byte\n");
}

static void test_error_utf8(void **state)
{
	(void)state;
	check("a,\xC3\x28\n", "E1:2:invalid UTF-8 at byte 1 of the field\n");
	check("abc,de\xE1\xBB\n", "E1:2:invalid UTF-8 at byte 3 of the "
				  "field\n");
	check("\xFF\n", "E1:1:invalid UTF-8 at byte 1 of the field\n");
	/* Overlong, surrogate, past U+10FFFF. */
	check("x,\xC0\xAF\n", "E1:2:invalid UTF-8 at byte 1 of the field\n");
	check("x,y,ab\xED\xA0\x80\n", "E1:3:invalid UTF-8 at byte 3 of the "
				      "field\n");
	check("\xF4\x90\x80\x80\n", "E1:1:invalid UTF-8 at byte 1 of the "
				    "field\n");
	/* A sequence cut by a comma is bad in the field it starts. */
	check("\xC3,\xA9\n", "E1:1:invalid UTF-8 at byte 1 of the field\n");
	/* The record is skipped whole, quoted line breaks included. */
	check("\xFF,\"a\nb\"\nnext\n", "E1:1:invalid UTF-8 at byte 1 of the "
				       "field\nL3:next\n");
	check("\"ok\",\"b\xFF\"\n", "E1:2:invalid UTF-8 at byte 2 of the "
				    "field\n");
	/* Valid Vietnamese passes. */
	check("Nguyễn Thị Hồng,Đức\n", "L1:Nguyễn Thị Hồng|Đức\n");
}

static void test_error_sequence(void **state)
{
	(void)state;
	/* Callers normally stop, but may go on and see every error. */
	check("h,i\na\"b,1\n\"c\"d,2\ne\rf\ng,3\n\"h,4\n",
	      "L1:h|i\n"
	      "E2:1:malformed quoting: quote inside an unquoted field\n"
	      "E3:1:malformed quoting: text after closing quote\n"
	      "E4:1:bare carriage return\n"
	      "L5:g|3\n"
	      "E6:1:unterminated quoted field (opened on line 6)\n");
}

/* ---- limits and block boundaries ---------------------------------------- */

static void test_record_too_long(void **state)
{
	(void)state;
	size_t big = CSV_MAX_RECORD + 10;
	char *data = malloc(big + 16);
	assert_non_null(data);

	/* An unquoted field past the limit, then a good record. */
	memset(data, 'x', big);
	memcpy(data + big, "\nok\n", 4);
	csv_testing(0, true);
	char *t = run_mem(data, big + 4);
	assert_string_equal(t, "E1::record longer than 16 MiB\nL2:ok\n");
	free(t);
	t = run_file(data, big + 4);
	assert_string_equal(t, "E1::record longer than 16 MiB\nL2:ok\n");
	free(t);

	/* The last record, with no line end. */
	t = run_mem(data, big);
	assert_string_equal(t, "E1::record longer than 16 MiB\n");
	free(t);
	t = run_file(data, big);
	assert_string_equal(t, "E1::record longer than 16 MiB\n");
	free(t);

	/* An unterminated quote at the start of a big file. */
	free(data);
	big = CSV_MAX_RECORD + ((size_t)2 << 20);
	data = malloc(big);
	assert_non_null(data);
	memset(data, 'x', big);
	data[0] = '"';
	t = run_file(data, big);
	assert_string_equal(t, "E1::record longer than 16 MiB\n");
	free(t);
	t = run_mem(data, big);
	assert_string_equal(t, "E1::record longer than 16 MiB\n");
	free(t);

	/* Exactly the limit is fine, in memory and from a file. */
	size_t ok = CSV_MAX_RECORD - 2;
	memset(data, 'y', ok);
	memcpy(data + ok, ",z\n", 3);
	buf want;
	buf_init(&want, 0);
	buf_puts(&want, "L1:");
	buf_put(&want, data, ok);
	buf_puts(&want, "|z\n");
	t = run_file(data, ok + 3);
	assert_true(strcmp(t, want.p) == 0);
	free(t);
	t = run_mem(data, ok + 3);
	assert_true(strcmp(t, want.p) == 0);
	free(t);
	buf_free(&want);
	free(data);
}

/* A record with every tricky byte placed at each offset around the 1 MiB
 * block boundary of a file. */
static void test_block_boundary(void **state)
{
	(void)state;
	static const char rec[] = "\"a\"\"b\r\nc\",x\xE1\xBB\x85y\r\n\"\"\"\"\r\n";
	size_t block = (size_t)1 << 20;
	buf in;
	buf_init(&in, 0);
	csv_testing(0, true);
	for (size_t at = block - 24; at <= block + 2; at++) {
		buf_reset(&in);
		long lines = 0;
		while (in.len + 100 < at) {
			buf_puts(&in, "0123456789012345678901234567890123456789,"
				      "abcdefghijklmnopqrstuvwxyz\n");
			lines++;
		}
		/* One filler line of the right length (>= 2 bytes). */
		size_t fill = at - in.len - 1;
		for (size_t i = 0; i < fill; i++)
			buf_putc(&in, i == fill / 2 ? ',' : 'f');
		buf_putc(&in, '\n');
		lines++;
		assert_int_equal(in.len, at);
		buf_put(&in, rec, sizeof rec - 1);
		buf_puts(&in, "end");

		const char *path = write_file(in.p, in.len);
		csv_reader *r;
		assert_int_equal(csv_open(path, "t.csv", NULL, &r), GN_OK);
		const csv_field *f;
		size_t n;
		for (long i = 0; i < lines; i++)
			assert_int_equal(csv_next(r, NULL, &f, &n), GN_OK);
		assert_int_equal(csv_next(r, NULL, &f, &n), GN_OK);
		assert_int_equal(csv_line(r), lines + 1);
		assert_int_equal(csv_offset(r), (off_t)at);
		assert_int_equal(n, 2);
		assert_int_equal(f[0].len, 6);
		assert_memory_equal(f[0].p, "a\"b\r\nc", 6);
		assert_int_equal(f[1].len, 5);
		assert_memory_equal(f[1].p, "x\xE1\xBB\x85y", 5);
		assert_int_equal(csv_next(r, NULL, &f, &n), GN_OK);
		assert_int_equal(csv_line(r), lines + 3);
		assert_int_equal(n, 1);
		assert_int_equal(f[0].len, 1);
		assert_int_equal(f[0].p[0], '"');
		assert_int_equal(csv_next(r, NULL, &f, &n), GN_OK);
		assert_int_equal(n, 1);
		assert_memory_equal(f[0].p, "end", 3);
		assert_int_equal(csv_line(r), lines + 4);
		assert_int_equal(csv_next(r, NULL, &f, &n), GN_ENOTFOUND);
		assert_int_equal(csv_next_offset(r), (off_t)in.len);
		assert_int_equal(csv_lines_read(r), lines + 3);
		csv_close(r);
	}
	buf_free(&in);
}

/* Random records written with the writer, read back in every mode. */
static uint64_t rng = 88172645463325252u;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void test_roundtrip(void **state)
{
	(void)state;
	static const char *const atoms[] = {
		"a", "0", "12345", ",", "\"", "\n", "\r\n", "ễ", "Đ", " ",
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"", "",
	};
	size_t natoms = sizeof atoms / sizeof atoms[0];
	buf in, want;
	buf_init(&in, 0);
	buf_init(&want, 0);
	long line = 1;
	for (int rec = 0; rec < 3000; rec++) {
		size_t nf = 1 + rnd(20);
		char *fields[20];
		buf_printf(&want, "L%ld:", line);
		for (size_t i = 0; i < nf; i++) {
			buf fb;
			buf_init(&fb, 0);
			size_t na = rnd(5);
			for (size_t k = 0; k < na; k++)
				buf_puts(&fb, atoms[rnd((unsigned)natoms)]);
			if (nf == 1 && fb.len == 0)
				buf_puts(&fb, "z"); /* an empty line is none */
			for (size_t k = 0; k < fb.len; k++)
				line += fb.p[k] == '\n';
			if (i)
				buf_putc(&want, '|');
			put_escaped(&want, fb.p, fb.len);
			fields[i] = buf_take(&fb);
		}
		buf_putc(&want, '\n');
		assert_int_equal(csv_put_record(&in, (const char *const *)fields,
						nf),
				 GN_OK);
		line++;
		for (size_t i = 0; i < nf; i++)
			free(fields[i]);
	}
	check_len(in.p, in.len, want.p);
	buf_free(&in);
	buf_free(&want);
}

/* ---- ranges -------------------------------------------------------------- */

static void read_range(const char *path, off_t begin, off_t end,
		       long first_line, buf *t, off_t *next, long *lines)
{
	csv_reader *r;
	gn_diag *d = diag_new(0);
	assert_int_equal(csv_open_range(path, "t.csv", begin, end, first_line,
					d, &r),
			 GN_OK);
	const csv_field *f;
	size_t n;
	gn_err rc;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc != GN_OK) {
			buf_printf(t, "E%ld\n", diag_at(d, 0)->line);
			continue;
		}
		buf_printf(t, "L%ld@%lld:", csv_line(r),
			   (long long)csv_offset(r));
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(t, '|');
			put_escaped(t, f[i].p, f[i].len);
		}
		buf_putc(t, '\n');
	}
	*next = csv_next_offset(r);
	*lines = csv_lines_read(r);
	csv_close(r);
	diag_free(d);
}

static void test_range(void **state)
{
	(void)state;
	/* Offsets:  0 "h1,h2\n"  6 "a,b\n"  10 "\"x\ny\",z\n"
	 *          18 "\n"  19 "c,d\n"  23 "e,f" (26 = size) */
	static const char text[] = "h1,h2\na,b\n\"x\ny\",z\n\nc,d\ne,f";
	const char *path = write_file(text, sizeof text - 1);
	buf t;
	buf_init(&t, 0);
	off_t next;
	long lines;
	csv_testing(0, true);

	/* A good guess: range 1 ends where range 2 begins. */
	read_range(path, 0, 19, 1, &t, &next, &lines);
	assert_string_equal(t.p, "L1@0:h1|h2\nL2@6:a|b\nL3@10:x\\ny|z\n");
	assert_int_equal(next, 19);
	assert_int_equal(lines, 5);
	buf_reset(&t);
	read_range(path, 19, 26, 1 + lines, &t, &next, &lines);
	assert_string_equal(t.p, "L6@19:c|d\nL7@23:e|f\n");
	assert_int_equal(next, 26);
	assert_int_equal(lines, 1);

	/* A guess at the start of an empty line is a boundary too. */
	buf_reset(&t);
	read_range(path, 0, 18, 1, &t, &next, &lines);
	assert_int_equal(next, 18);
	assert_int_equal(lines, 4);
	buf_reset(&t);
	read_range(path, 18, 26, 5, &t, &next, &lines);
	assert_string_equal(t.p, "L6@19:c|d\nL7@23:e|f\n");

	/* A bad guess: 13 follows the '\n' inside the quoted field. Range 1
	 * reads the record that spans it and stops at 18, not 13, so the
	 * caller knows to parse again in order. */
	buf_reset(&t);
	read_range(path, 0, 13, 1, &t, &next, &lines);
	assert_string_equal(t.p, "L1@0:h1|h2\nL2@6:a|b\nL3@10:x\\ny|z\n");
	assert_int_equal(next, 18);
	assert_int_not_equal(next, 13);
	buf_reset(&t);
	read_range(path, 13, 26, 4, &t, &next, &lines);
	assert_string_equal(t.p, "E4\nL6@19:c|d\nL7@23:e|f\n");

	/* An empty range, and a range past the end. */
	buf_reset(&t);
	read_range(path, 6, 6, 2, &t, &next, &lines);
	assert_int_equal(t.len, 0);
	assert_int_equal(next, 6);
	read_range(path, 26, 40, 8, &t, &next, &lines);
	assert_int_equal(t.len, 0);
	assert_int_equal(next, 26);

	/* A BOM is skipped at offset 0 only. */
	static const char bom[] = "\xEF\xBB\xBFh\nx\n";
	path = write_file(bom, sizeof bom - 1);
	buf_reset(&t);
	read_range(path, 0, 5, 1, &t, &next, &lines);
	assert_string_equal(t.p, "L1@3:h\n");
	assert_int_equal(next, 5);
	buf_free(&t);
}

static void test_open_errors(void **state)
{
	(void)state;
	gn_diag *d = diag_new(0);
	csv_reader *r = (csv_reader *)1;
	assert_int_equal(csv_open("/nonexistent/x.csv", "x.csv", d, &r),
			 GN_EIO);
	assert_null(r);
	assert_int_equal(diag_errors(d), 1);
	assert_string_equal(diag_at(d, 0)->file, "x.csv");
	assert_int_equal(csv_open("/nonexistent/x.csv", NULL, NULL, &r),
			 GN_EIO);

	/* A directory opens but cannot be read. */
	assert_int_equal(csv_open(tmpdir, "dir", d, &r), GN_OK);
	const csv_field *f;
	size_t n;
	assert_int_equal(csv_next(r, d, &f, &n), GN_EIO);
	assert_int_equal(csv_next(r, d, &f, &n), GN_ENOTFOUND);
	csv_close(r);
	csv_close(NULL);
	diag_free(d);
}

/* ---- header binding and width ------------------------------------------- */

static const csv_colspec spec[] = {
	{"code", true},
	{"name", true},
	{"level", false},
	{"tên", false},
};
#define NSPEC (sizeof spec / sizeof spec[0])

static gn_err bind(const char *header, int *index, gn_diag *d)
{
	csv_reader *r;
	assert_int_equal(csv_open_mem("u.csv", header, strlen(header), &r),
			 GN_OK);
	const csv_field *f;
	size_t n;
	assert_int_equal(csv_next(r, d, &f, &n), GN_OK);
	gn_err rc = csv_bind_header(r, f, n, spec, NSPEC, index, d);
	csv_close(r);
	return rc;
}

static void test_bind_header(void **state)
{
	(void)state;
	gn_diag *d = diag_new(0);
	int index[NSPEC];

	assert_int_equal(bind("\xEF\xBB\xBF Code ,NAME,Level\n", index, d),
			 GN_OK);
	assert_int_equal(index[0], 0);
	assert_int_equal(index[1], 1);
	assert_int_equal(index[2], 2);
	assert_int_equal(index[3], -1);
	assert_int_equal(diag_count(d), 0);

	/* Any order; unknown columns warn; NFD is normalised. */
	assert_int_equal(bind("extra,name,\t code\t,\"Te\xCC\x82n\",\n", index,
			      d),
			 GN_OK);
	assert_int_equal(index[0], 2);
	assert_int_equal(index[1], 1);
	assert_int_equal(index[2], -1);
	assert_int_equal(index[3], 3);
	assert_int_equal(diag_errors(d), 0);
	assert_int_equal(diag_count(d), 2);
	assert_int_equal(diag_at(d, 0)->kind, DIAG_WARNING);
	assert_string_equal(diag_at(d, 0)->column, "extra");
	assert_string_equal(diag_at(d, 0)->text, "unknown column, ignored");
	assert_int_equal(diag_at(d, 0)->line, 1);
	assert_string_equal(diag_at(d, 1)->column, "5"); /* empty name */
	diag_clear(d);

	/* A duplicate is an error. */
	assert_int_equal(bind("code,name,CODE\n", index, d), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_string_equal(diag_at(d, 0)->column, "CODE");
	assert_string_equal(diag_at(d, 0)->text,
			    "duplicate column (also column 1)");
	assert_int_equal(index[0], 0);
	diag_clear(d);

	/* A missing required column is an error naming it. */
	assert_int_equal(bind("level,code\n", index, d), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_string_equal(diag_at(d, 0)->file, "u.csv");
	assert_int_equal(diag_at(d, 0)->line, 1);
	assert_string_equal(diag_at(d, 0)->column, "name");
	assert_string_equal(diag_at(d, 0)->text, "required column missing");
	assert_int_equal(index[1], -1);
	diag_clear(d);

	/* Names are matched whole. */
	assert_int_equal(bind("codes,name2,code,name\n", index, d), GN_OK);
	assert_int_equal(index[0], 2);
	assert_int_equal(index[1], 3);
	assert_int_equal(diag_count(d), 2);
	diag_free(d);
}

static void test_check_width(void **state)
{
	(void)state;
	gn_diag *d = diag_new(0);
	csv_reader *r;
	static const char text[] = "a,b,c\n1,2\n1,2,3,4\n1,2,3\n";
	assert_int_equal(csv_open_mem("w.csv", text, sizeof text - 1, &r),
			 GN_OK);
	static const char *const names[] = {"a", "b", "c"};
	const csv_field *f;
	size_t n;
	assert_int_equal(csv_next(r, d, &f, &n), GN_OK);
	assert_true(csv_check_width(r, n, 3, names, d));

	assert_int_equal(csv_next(r, d, &f, &n), GN_OK);
	assert_false(csv_check_width(r, n, 3, names, d));
	assert_int_equal(diag_at(d, 0)->line, 2);
	assert_string_equal(diag_at(d, 0)->column, "c");
	assert_string_equal(diag_at(d, 0)->text,
			    "missing (record has 2 fields, header has 3)");
	assert_false(csv_check_width(r, n, 3, NULL, d));
	assert_string_equal(diag_at(d, 1)->column, "3");

	assert_int_equal(csv_next(r, d, &f, &n), GN_OK);
	assert_false(csv_check_width(r, n, 3, names, d));
	assert_int_equal(diag_at(d, 2)->line, 3);
	assert_string_equal(diag_at(d, 2)->column, "4");
	assert_string_equal(diag_at(d, 2)->text, "unexpected extra field");

	assert_int_equal(csv_next(r, d, &f, &n), GN_OK);
	assert_true(csv_check_width(r, n, 3, names, NULL));
	assert_false(csv_check_width(r, 1, 3, names, NULL));
	assert_int_equal(diag_errors(d), 3);
	csv_close(r);
	diag_free(d);
}

/* ---- writer -------------------------------------------------------------- */

static void test_writer(void **state)
{
	(void)state;
	buf out;
	buf_init(&out, 0);
	static const char *const rec[] = {"plain", "a,b", "say \"hi\"",
					  "two\nlines", "cr\r", "",
					  "Nguyễn Thị Hồng", "\""};
	assert_int_equal(csv_put_record(&out, rec, 8), GN_OK);
	assert_string_equal(out.p, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\n"
				   "lines\",\"cr\r\",,Nguyễn Thị Hồng,\"\"\"\"\n");
	buf_reset(&out);
	assert_int_equal(csv_put_record(&out, NULL, 0), GN_OK);
	assert_string_equal(out.p, "\n");
	buf_reset(&out);
	assert_int_equal(csv_put_field(&out, "a\0b", 3), GN_OK);
	assert_int_equal(out.len, 3);
	assert_int_equal(csv_put_field(&out, "", 0), GN_OK);
	assert_int_equal(out.len, 3);

	/* The cap of the buffer is reported. */
	buf small;
	buf_init(&small, 4);
	assert_int_equal(csv_put_field(&small, "a,bcd", 5), GN_ENOMEM);
	buf_free(&small);
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_typical_rows),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_empty_lines),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_line_numbers),
		cmocka_unit_test(test_many_fields),
		cmocka_unit_test(test_error_quote_in_field),
		cmocka_unit_test(test_error_after_quote),
		cmocka_unit_test(test_error_unterminated),
		cmocka_unit_test(test_error_bare_cr),
		cmocka_unit_test(test_error_nul),
		cmocka_unit_test(test_error_utf8),
		cmocka_unit_test(test_error_sequence),
		cmocka_unit_test(test_record_too_long),
		cmocka_unit_test(test_block_boundary),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_bind_header),
		cmocka_unit_test(test_check_width),
		cmocka_unit_test(test_writer),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
