/* test_hhscan.c - the multi-threaded scan gives the same histories and
 * rows as one thread, and falls back to one thread (exact messages) on bad
 * rows, duplicates across ranges and quoted line breaks across a cut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "io/hhscan.h"
#include "io/standard_file.h"
#include "io/units_file.h"

static const char units_csv[] =
	"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
	"01,Tỉnh Một,province,,tinh,,,\n"
	"00001,Xã Một,commune,01,xa,,,\n"
	"00002,Phường Hai,commune,01,phuong,,,\n";

static const char header[] =
	"household_id,year,unit_code,members,income,head_name,d_employment,"
	"d_dependents,d_nutrition,d_health_insurance,d_adult_education,"
	"d_child_schooling,d_housing_quality,d_housing_area,d_water,"
	"d_sanitation,d_telecom,d_info_access\n";

typedef struct fixture {
	char dir[64];
	char units[96], hh[96];
	unit_set *u;
	std_set *s;
} fixture;

static void write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
}

/* A file of `n` households over 2022-2025. Every 7th household's name is
 * quoted and holds a line break, so that some cut lands inside quotes. */
static void make_households(buf *b, int n, const char *first)
{
	buf_puts(b, header);
	if (first)
		buf_puts(b, first);
	for (int y = 2022; y <= 2025; y++)
		for (int i = 0; i < n; i++) {
			unsigned r = (unsigned)i * 2654435761u + (unsigned)y * 40503u;
			if ((r >> 7) % 5 == 0)
				continue; /* not reviewed that year */
			int poor = (r >> 11) % 3 == 0;
			buf_printf(b, "HH%06d,%d,%s,%d,%d,", i, y, i % 2 ? "00001" : "00002",
				   1 + (int)(r % 6), poor ? 900000 : 1400000 + (int)(r % 900000));
			if (i % 7 == 0)
				buf_printf(b, "\"Nguyễn\nVăn %d\"", i);
			else
				buf_puts(b, "Trần Thị Hoa");
			for (int k = 0; k < 12; k++)
				buf_printf(b, ",%d", (int)((r >> (k + 3)) & 1));
			buf_putc(b, '\n');
		}
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv-hhscan-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->units, sizeof f->units, "%s/units.csv", f->dir);
	snprintf(f->hh, sizeof f->hh, "%s/households.csv", f->dir);
	write_file(f->units, units_csv, sizeof units_csv - 1);
	gn_diag *d = diag_new(10);
	assert_int_equal(unitfile_load(f->units, "units.csv", NULL, NULL, d, &f->u), GN_OK);
	f->s = std_set_new();
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/standards", getenv("GNBV_DATA"));
	assert_int_equal(std_load_dir(f->s, buf_cstr(&p), d), GN_OK);
	buf_free(&p);
	diag_free(d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	unlink(f->units);
	unlink(f->hh);
	rmdir(f->dir);
	units_free(f->u);
	std_set_free(f->s);
	free(f);
	return 0;
}

static hh_scan *scan(fixture *f, int threads, gn_diag *d, gn_err want)
{
	hh_scan *sc = NULL;
	assert_int_equal(hhscan_run_ex(f->hh, "households.csv", f->u, f->s, 2024,
				       threads, 1, d, &sc), want);
	return sc;
}

static int cmp_row(const void *a, const void *b)
{
	return strcmp(((const hh_scan_row *)a)->id, ((const hh_scan_row *)b)->id);
}

static void test_same_as_one_thread(void **state)
{
	fixture *f = *state;
	buf b;
	buf_init(&b, 0);
	make_households(&b, 3000, NULL);
	write_file(f->hh, b.p, b.len);
	gn_diag *d = diag_new(10);
	for (int threads = 2; threads <= 5; threads++) {
		hh_scan *one = scan(f, 1, d, GN_OK);
		hh_scan *many = scan(f, threads, d, GN_OK);
		assert_int_equal(one->threads, 1);
		/* the quoted line breaks may make the cut fall inside quotes, in
		 * which case the scan falls back to one thread: both are right */
		assert_int_equal(one->nread, many->nread);
		assert_int_equal(one->nrows, many->nrows);
		qsort(one->rows, one->nrows, sizeof *one->rows, cmp_row);
		qsort(many->rows, many->nrows, sizeof *many->rows, cmp_row);
		for (size_t i = 0; i < one->nrows; i++) {
			const hh_scan_row *x = &one->rows[i], *y = &many->rows[i];
			assert_string_equal(x->id, y->id);
			assert_int_equal(x->unit, y->unit);
			assert_int_equal(x->cls, y->cls);
			const hh_history *hx = hhscan_history(one, x), *hy = hhscan_history(many, y);
			assert_memory_equal(hx, hy, sizeof *hx);
			assert_ptr_equal(hhscan_find(many, y->id, y->id_len), hy);
		}
		hhscan_free(one);
		hhscan_free(many);
	}
	assert_int_equal(diag_errors(d), 0);
	diag_free(d);
	buf_free(&b);
}

static void test_parallel_happens(void **state)
{
	fixture *f = *state;
	/* without quoted line breaks the cut is always clean */
	buf b;
	buf_init(&b, 0);
	buf_puts(&b, header);
	for (int i = 0; i < 20000; i++)
		buf_printf(&b, "H%d,2024,00001,3,1000000,An,1,1,1,0,0,0,0,0,0,0,0,0\n", i);
	write_file(f->hh, b.p, b.len);
	gn_diag *d = diag_new(10);
	hh_scan *sc = scan(f, 2, d, GN_OK);
	assert_int_equal(sc->threads, 2);
	assert_int_equal(sc->nrows, 20000);
	assert_non_null(hhscan_find(sc, "H19999", 6));
	assert_null(hhscan_find(sc, "H20000", 6));
	hhscan_free(sc);
	diag_free(d);
	buf_free(&b);
}

static void test_errors_exact_lines(void **state)
{
	fixture *f = *state;
	buf b;
	buf_init(&b, 0);
	/* a bad row and a duplicate of an early row, both near the end */
	make_households(&b, 2000, "DUP1,2022,00001,2,1000000,An,0,0,0,0,0,0,0,0,0,0,0,0\n");
	long lines = 1;
	for (size_t i = 0; i < b.len; i++)
		lines += b.p[i] == '\n';
	buf_puts(&b, "BAD1,2024,00001,0,1000000,An,0,0,0,0,0,0,0,0,0,0,0,0\n");
	buf_puts(&b, "DUP1,2022,00001,2,1000000,An,0,0,0,0,0,0,0,0,0,0,0,0\n");
	write_file(f->hh, b.p, b.len);
	gn_diag *d = diag_new(10);
	hh_scan *sc = scan(f, 3, d, GN_EINPUT);
	assert_null(sc);
	assert_int_equal(diag_errors(d), 2);
	assert_int_equal(diag_at(d, 0)->line, lines);
	assert_string_equal(diag_at(d, 0)->column, "members");
	assert_int_equal(diag_at(d, 1)->line, lines + 1);
	assert_string_equal(diag_at(d, 1)->column, "household_id");
	diag_free(d);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_one_thread),
		cmocka_unit_test(test_parallel_happens),
		cmocka_unit_test(test_errors_exact_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
