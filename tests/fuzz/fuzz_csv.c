/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (src/io/csv.h).
 *
 * Reads the input as a CSV file several ways that must agree exactly:
 * from memory with and without the 16-byte fast path, from a file read in
 * tiny blocks, and as two chained ranges split at a point taken from the
 * input. Along the way it binds the first record as a header, checks the
 * width of the others, and checks invariants: lines and offsets only grow,
 * fields are valid UTF-8 without NUL, and writing the records back with
 * the writer and reading them again gives the same records.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "io/csv.h"
#include "io/csv_int.h"
#include "io/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
				__LINE__, #cond);                            \
			abort();                                             \
		}                                                            \
	} while (0)

static const csv_colspec spec[] = {
	{"code", true},
	{"name", true},
	{"year", false},
	{"t\xC3\xAAn", false},
};
#define NSPEC (sizeof spec / sizeof spec[0])

struct run {
	buf t;	      /* transcript */
	buf out;      /* the good records, written back */
	size_t nrec;  /* good records */
	size_t width; /* of the header, once bound */
	bool bound;
	long last_line;
	off_t last_off;
};

static void run_init(struct run *x)
{
	memset(x, 0, sizeof *x);
	buf_init(&x->t, 0);
	buf_init(&x->out, 0);
	x->last_off = -1;
}

static void run_free(struct run *x)
{
	buf_free(&x->t);
	buf_free(&x->out);
}

/* Reads r to the end, appending to x. */
static void drain(csv_reader *r, size_t size, struct run *x)
{
	gn_diag *d = diag_new(4);
	const csv_field *f;
	size_t n;
	gn_err rc;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc != GN_OK) {
			CHECK(rc == GN_EINPUT);
			CHECK(diag_errors(d) == 1);
			const diag_item *it = diag_at(d, 0);
			CHECK(it->line >= x->last_line);
			buf_printf(&x->t, "E%ld:%s:%s\n", it->line, it->column,
				   it->text);
			diag_clear(d);
			continue;
		}
		CHECK(diag_errors(d) == 0);
		CHECK(n >= 1);
		CHECK(csv_line(r) > x->last_line);
		CHECK(csv_offset(r) > x->last_off);
		CHECK(csv_offset(r) < (off_t)size);
		x->last_line = csv_line(r);
		x->last_off = csv_offset(r);
		buf_printf(&x->t, "L%ld@%lld:", csv_line(r),
			   (long long)csv_offset(r));
		size_t total = 0;
		for (size_t i = 0; i < n; i++) {
			CHECK(f[i].p != NULL);
			CHECK(f[i].len <= size);
			CHECK(memchr(f[i].p, '\0', f[i].len) == NULL);
			CHECK(text_valid_utf8(f[i].p, f[i].len, NULL));
			total += f[i].len;
			buf_put_i64(&x->t, (int64_t)f[i].len);
			buf_putc(&x->t, ':');
			buf_put(&x->t, f[i].p, f[i].len);
			buf_putc(&x->t, '|');
		}
		CHECK(total <= size);
		buf_putc(&x->t, '\n');

		if (!x->bound) {
			int index[NSPEC];
			gn_err brc = csv_bind_header(r, f, n, spec, NSPEC, index,
						     d);
			CHECK(brc == GN_OK || brc == GN_EINPUT);
			CHECK((brc == GN_EINPUT) == (diag_errors(d) > 0));
			for (size_t i = 0; i < NSPEC; i++) {
				CHECK(index[i] >= -1 && index[i] < (int)n);
				if (spec[i].required && brc == GN_OK)
					CHECK(index[i] >= 0);
			}
			x->bound = true;
			x->width = n;
			diag_clear(d);
		} else {
			bool ok = csv_check_width(r, n, x->width, NULL, d);
			CHECK(ok == (n == x->width));
			CHECK(diag_errors(d) == (ok ? 0u : 1u));
			diag_clear(d);
		}

		/* A record of one empty field cannot be written unquoted. */
		if (n == 1 && f[0].len == 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&x->out, ',');
			CHECK(csv_put_field(&x->out, f[i].p, f[i].len) == GN_OK);
		}
		buf_putc(&x->out, '\n');
		x->nrec++;
	}
	CHECK(csv_next(r, d, &f, &n) == GN_ENOTFOUND);
	diag_free(d);
}

static void run_mem(const uint8_t *data, size_t size, struct run *x)
{
	csv_reader *r;
	CHECK(csv_open_mem("fuzz.csv", (const char *)data, size, &r) == GN_OK);
	drain(r, size, x);
	CHECK(csv_next_offset(r) == (off_t)size);
	csv_close(r);
}

/* The records written back read the same, with no error. A BOM goes in
 * front: a first field that starts with U+FEFF would lose it otherwise. */
static void check_rewrite(const struct run *x)
{
	csv_reader *r;
	buf in;
	buf_init(&in, 0);
	buf_puts(&in, "\xEF\xBB\xBF");
	buf_put(&in, x->out.p, x->out.len);
	CHECK(csv_open_mem("again.csv", in.p, in.len, &r) == GN_OK);
	buf t;
	buf_init(&t, 0);
	const csv_field *f;
	size_t n, nrec = 0;
	gn_err rc;
	while ((rc = csv_next(r, NULL, &f, &n)) != GN_ENOTFOUND) {
		CHECK(rc == GN_OK);
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&t, ',');
			CHECK(csv_put_field(&t, f[i].p, f[i].len) == GN_OK);
		}
		buf_putc(&t, '\n');
		nrec++;
	}
	CHECK(nrec == x->nrec);
	CHECK(t.len == x->out.len);
	CHECK(t.len == 0 || memcmp(t.p, x->out.p, t.len) == 0);
	buf_free(&t);
	csv_close(r);
	buf_free(&in);
}

static void same(const struct run *a, const struct run *b)
{
	if (a->t.len == b->t.len &&
	    (a->t.len == 0 || memcmp(a->t.p, b->t.p, a->t.len) == 0))
		return;
	fprintf(stderr, "--- first:\n%s--- second:\n%s", buf_cstr(&a->t),
		buf_cstr(&b->t));
	fprintf(stderr, "transcripts differ\n");
	abort();
}

static int memfd_of(const uint8_t *data, size_t size, char *path, size_t n)
{
	int fd = memfd_create("fuzz_csv", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < size) {
		ssize_t w = write(fd, data + done, size - done);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run a, b;

	csv_testing(0, true);
	run_init(&a);
	run_mem(data, size, &a);
	check_rewrite(&a);

	csv_testing(0, false);
	run_init(&b);
	run_mem(data, size, &b);
	same(&a, &b);
	run_free(&b);

	char path[64];
	int fd = memfd_of(data, size, path, sizeof path);
	if (fd >= 0) {
		size_t block = size ? 1 + data[0] % 13 : 1;
		csv_testing(block, data[size / 2 % (size ? size : 1)] & 1);
		csv_reader *r;

		run_init(&b);
		CHECK(csv_open(path, "fuzz.csv", NULL, &r) == GN_OK);
		drain(r, size, &b);
		CHECK(csv_next_offset(r) == (off_t)size);
		CHECK(csv_lines_read(r) >= b.last_line - 1);
		csv_close(r);
		same(&a, &b);
		run_free(&b);

		/* Two ranges, the second starting where the first stopped. */
		off_t split = size ? (off_t)(data[size - 1] * 7u % size) : 0;
		run_init(&b);
		CHECK(csv_open_range(path, "fuzz.csv", 0, split, 1, NULL, &r) ==
		      GN_OK);
		drain(r, size, &b);
		off_t next = csv_next_offset(r);
		long lines = csv_lines_read(r);
		CHECK(next >= split && next <= (off_t)size);
		csv_close(r);
		CHECK(csv_open_range(path, "fuzz.csv", next, (off_t)size + 1,
				     1 + lines, NULL, &r) == GN_OK);
		drain(r, size, &b);
		CHECK(csv_next_offset(r) == (off_t)size);
		csv_close(r);
		same(&a, &b);
		run_free(&b);

		/* A range from the raw guess, which may be inside a record:
		 * whatever it reads must keep the invariants. */
		run_init(&b);
		CHECK(csv_open_range(path, "fuzz.csv", split, (off_t)size, 7,
				     NULL, &r) == GN_OK);
		drain(r, size, &b);
		CHECK(csv_next_offset(r) >= split);
		csv_close(r);
		run_free(&b);
		close(fd);
	}
	csv_testing(0, true);
	run_free(&a);
	return 0;
}
