/* test_xlsx.c - reading .xlsx as CSV (src/io/xlsx_read.h): workbooks
 * written here with libxlsxwriter (shared strings, and inline strings in
 * its constant-memory mode) are read back; and an XLSX import into a
 * store, whose messages carry the spreadsheet's row numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "app/export.h"
#include "app/import.h"
#include "core/mem.h"
#include "io/xlsx_read.h"

typedef struct tmp {
	char dir[64];
	char path[96];
} tmp;

static void tmp_init(tmp *t, const char *file)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/gnbv_test_xlsx_XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, file);
}

static void tmp_done(tmp *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

static void slurp(const char *path, buf *out)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char block[4096];
	size_t n;
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		assert_int_equal(buf_put(out, block, n), GN_OK);
	fclose(f);
}

/* Converts the workbook at path; returns the CSV (free it). */
static char *read_back(const char *path)
{
	buf data, csv;
	buf_init(&data, 0);
	buf_init(&csv, 0);
	slurp(path, &data);
	assert_true(xlsx_is(data.p, data.len));
	gn_diag *d = diag_new(10);
	gn_err rc = xlsx_to_csv(data.p, data.len, "t.xlsx", d, &csv);
	if (rc)
		fail_msg("xlsx_to_csv: %s", diag_count(d) ? diag_at(d, 0)->text : "?");
	diag_free(d);
	buf_free(&data);
	char *text = buf_take(&csv);
	return text ? text : gn_xstrdup("");
}

static const char types_csv[] =
	"id,name,amount,ratio,flag,day,note,formula\n"
	"H0001,Nguyễn Thị Hồng,1500000,0.35,1,2025-07-01,\"a, \"\"quoted\"\"\",3\n"
	"\n"
	",,120.5,,,,dòng 1 dòng 2,\n"
	"H0002,Lò Văn Khánh,0.001,,0,2024-12-31,,ok\n"
	"x,,,,,,,,,extra\n";

static void write_types(const char *path, bool constant_memory)
{
	lxw_workbook_options opt = {.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	assert_non_null(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Hộ gia đình");
	lxw_format *dmy = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	lxw_format *builtin = workbook_add_format(wb);
	format_set_num_format_index(builtin, 14);
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);

	static const char *const head[] = {"id", "name", "amount", "ratio", "flag", "day",
					   "note", "formula"};
	for (lxw_col_t c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, c, head[c], NULL);
	worksheet_write_string(ws, 1, 0, "H0001", NULL);
	worksheet_write_string(ws, 1, 1, "Nguyễn Thị Hồng", NULL);
	worksheet_write_number(ws, 1, 2, 1500000, NULL);
	worksheet_write_number(ws, 1, 3, 0.35, NULL);
	worksheet_write_boolean(ws, 1, 4, 1, NULL);
	lxw_datetime d1 = {2025, 7, 1, 0, 0, 0};
	worksheet_write_datetime(ws, 1, 5, &d1, dmy);
	worksheet_write_string(ws, 1, 6, "a, \"quoted\"", NULL);
	worksheet_write_formula_num(ws, 1, 7, "=1+2", NULL, 3);
	/* row 3 is empty; row 4 has two cells and a blank formatted cell */
	worksheet_write_number(ws, 3, 2, 120.5, NULL);
	worksheet_write_string(ws, 3, 6, "dòng 1\ndòng 2", NULL);
	worksheet_write_blank(ws, 3, 7, bold);
	worksheet_write_string(ws, 4, 0, "H0002", NULL);
	lxw_rich_string_tuple f1 = {bold, "Lò "}, f2 = {NULL, "Văn Khánh"};
	lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
	worksheet_write_rich_string(ws, 4, 1, rich, NULL);
	worksheet_write_number(ws, 4, 2, 0.001, NULL);
	worksheet_write_boolean(ws, 4, 4, 0, NULL);
	lxw_datetime d2 = {2024, 12, 31, 0, 0, 0};
	worksheet_write_datetime(ws, 4, 5, &d2, builtin);
	worksheet_write_formula_str(ws, 4, 7, "=\"o\"&\"k\"", NULL, "ok");
	worksheet_write_string(ws, 5, 0, "x", NULL);
	worksheet_write_string(ws, 5, 9, "extra", NULL);
	/* a second sheet is ignored */
	lxw_worksheet *other = workbook_add_worksheet(wb, "Khác");
	worksheet_write_string(other, 0, 0, "not this one", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_types(void **state)
{
	(void)state;
	for (int mode = 0; mode < 2; mode++) {
		tmp t;
		tmp_init(&t, "t.xlsx");
		write_types(t.path, mode == 1);
		char *csv = read_back(t.path);
		if (strcmp(csv, types_csv) != 0)
			fail_msg("mode %d: got\n%s", mode, csv);
		free(csv);
		tmp_done(&t);
	}
}

static void test_not_a_workbook(void **state)
{
	(void)state;
	assert_false(xlsx_is("code,name\n", 10));
	assert_false(xlsx_is("PK", 2));
	static const char junk[] = "PK\x03\x04 this is no zip archive at all";
	gn_diag *d = diag_new(10);
	buf out;
	buf_init(&out, 0);
	assert_true(xlsx_is(junk, sizeof junk));
	assert_int_equal(xlsx_to_csv(junk, sizeof junk, "j.xlsx", d, &out), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_string_equal(diag_at(d, 0)->file, "j.xlsx");
	assert_non_null(strstr(diag_at(d, 0)->text, ".xlsx"));
	buf_free(&out);
	diag_free(d);
}

/* A units workbook imports like its CSV, and errors name sheet rows. */
static void write_units(const char *path, bool bad)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *dmy = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	static const char *const head[] = {"code", "name", "level", "parent_code",
					   "type", "urban", "valid_from", "valid_to"};
	for (lxw_col_t c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, c, head[c], NULL);
	worksheet_write_string(ws, 1, 0, "14", NULL);
	worksheet_write_string(ws, 1, 1, "Tỉnh Sơn La", NULL);
	worksheet_write_string(ws, 1, 2, "province", NULL);
	worksheet_write_string(ws, 1, 4, "tinh", NULL);
	/* a blank row 3, then the communes */
	worksheet_write_string(ws, 3, 0, "04000", NULL);
	worksheet_write_string(ws, 3, 1, "Xã Chiềng Cơi", NULL);
	worksheet_write_string(ws, 3, 2, bad ? "xã" : "commune", NULL);
	worksheet_write_string(ws, 3, 3, "14", NULL);
	worksheet_write_string(ws, 3, 4, "xa", NULL);
	lxw_datetime to = {2025, 6, 30, 0, 0, 0};
	worksheet_write_datetime(ws, 3, 7, &to, dmy);
	worksheet_write_string(ws, 4, 0, "04002", NULL);
	worksheet_write_string(ws, 4, 1, "Phường Chiềng Cơi", NULL);
	worksheet_write_string(ws, 4, 2, "commune", NULL);
	worksheet_write_string(ws, 4, 3, "14", NULL);
	worksheet_write_string(ws, 4, 4, "phuong", NULL);
	worksheet_write_number(ws, 4, 5, 1, NULL);
	lxw_datetime from = {2025, 7, 1, 0, 0, 0};
	worksheet_write_datetime(ws, 4, 6, &from, dmy);
	if (bad)
		worksheet_write_string(ws, 4, 5, "maybe", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_import_units_workbook(void **state)
{
	(void)state;
	tmp t, db;
	tmp_init(&t, "units.xlsx");
	tmp_init(&db, "t.db");
	store *st;
	assert_int_equal(store_open(db.path, true, NULL, &st), GN_OK);
	import_opts o = {0};
	gn_diag *d = diag_new(10);
	size_t rows;

	write_units(t.path, true);
	buf data;
	buf_init(&data, 0);
	slurp(t.path, &data);
	assert_int_equal(import_mem(st, FILE_UNITS, "units.xlsx", data.p, data.len, &o, d, &rows),
			 GN_EINPUT);
	assert_int_equal(diag_errors(d), 2);
	assert_int_equal(diag_at(d, 0)->line, 4);
	assert_string_equal(diag_at(d, 0)->column, "level");
	assert_int_equal(diag_at(d, 1)->line, 5);
	assert_string_equal(diag_at(d, 1)->column, "urban");
	diag_clear(d);

	write_units(t.path, false);
	buf_reset(&data);
	slurp(t.path, &data);
	assert_int_equal(import_mem(st, FILE_UNITS, "units.xlsx", data.p, data.len, &o, d, &rows),
			 GN_OK);
	assert_int_equal(rows, 3);
	buf out;
	buf_init(&out, 0);
	export_opts eo = {0};
	assert_int_equal(export_csv(st, FILE_UNITS, &eo, &out), GN_OK);
	assert_string_equal(buf_cstr(&out),
		"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
		"14,Tỉnh Sơn La,province,,tinh,,,\n"
		"04000,Xã Chiềng Cơi,commune,14,xa,,,2025-06-30\n"
		"04002,Phường Chiềng Cơi,commune,14,phuong,1,2025-07-01,\n");
	buf_free(&out);
	buf_free(&data);
	diag_free(d);
	store_close(st);
	char p[128];
	snprintf(p, sizeof p, "%s-wal", db.path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db.path);
	unlink(p);
	tmp_done(&db);
	tmp_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_not_a_workbook),
		cmocka_unit_test(test_import_units_workbook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
