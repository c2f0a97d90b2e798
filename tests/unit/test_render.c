/* test_render.c - the XLSX and PDF renderers of reports (src/report/xlsx.h,
 * pdf.h). A document with Vietnamese text, two header rows with merged
 * cells, the numbered row, plain / subtotal / total rows and enough rows
 * for three PDF pages is rendered; the XLSX is read back with the
 * project's own readers (xlsx_read.h: the cells as CSV; xlsx_info.h: the
 * merged ranges, print titles, page setup, row breaks); the PDF's text is
 * checked with poppler's pdftotext and its pages with pdfinfo. Page
 * breaks (doc.h): a table broken before a row (a new page, the header
 * repeated), forms of text rows, one a page (bare documents), past
 * Excel's 1023 breaks a sheet; LibreOffice prints one form a page. */
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
#include "core/mem.h"
#include "io/xlsx_info.h"
#include "io/xlsx_read.h"
#include "report/doc.h"
#include "report/pdf.h"
#include "report/render.h"
#include "report/xlsx.h"

#define TITLE "BÁO CÁO KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"
#define NCOLS 8

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/gnbv_test_render_XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void tmp_path(char *out, size_t n, const char *file)
{
	snprintf(out, n, "%s/%s", tmpdir, file);
}

/* ---- the document ------------------------------------------------------------------ */

static const char *communes[] = {
	"Xã Đại Đông", "Phường Ba Đình", "Xã Hồng Phong", "Xã Ẳng Nưa",
	"Thị trấn Mường Ẳng", "Xã Quỳnh Nhai", "Phường Điện Biên",
	"Xã Nậm Ét", "Xã Chiềng Ơn", "Xã Tả Van Chư",
};

/* The heads as declared: row, col, rowspan, colspan, text. */
static const report_head heads[] = {
	{0, 0, 2, 1, "Đơn vị"},
	{0, 1, 2, 1, "Tổng số hộ dân cư"},
	{0, 2, 1, 2, "Hộ nghèo"},
	{0, 4, 1, 2, "Hộ cận nghèo"},
	{0, 6, 2, 1, "Tổng số nhân khẩu"},
	{0, 7, 2, 1, "Ghi chú"},
	{1, 2, 1, 1, "Số hộ"},
	{1, 3, 1, 1, "Tỷ lệ (%)"},
	{1, 4, 1, 1, "Số hộ"},
	{1, 5, 1, 1, "Tỷ lệ (%)"},
};
#define NHEADS (sizeof heads / sizeof heads[0])

static void unit_row(report_doc *d, row_style st, int indent, const char *name,
		     int64_t households, int64_t poor, int64_t near)
{
	report_row *r = report_doc_add_row(d, st, indent);
	report_cell_text(d, r, 0, name);
	report_cell_int(r, 1, households);
	report_cell_int(r, 2, poor);
	report_cell_decimal(r, 3, households ? poor * 10000 / households : 0, 2);
	report_cell_int(r, 4, near);
	report_cell_decimal(r, 5, households ? near * 10000 / households : 0, 2);
	report_cell_int(r, 6, households * 4);
}

static report_doc *sample_doc(bool landscape)
{
	report_doc *d = report_doc_new(NCOLS);
	d->issuer_parent = report_doc_str(d, "UBND TỈNH ĐIỆN BIÊN");
	d->issuer = report_doc_str(d, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
	d->form_code = report_doc_str(d, "Biểu số 01");
	d->title = report_doc_str(d, TITLE);
	d->subtitles[0] = report_doc_str(d, "(Kèm theo Quyết định số 24/2021/QĐ-TTg)");
	d->nsubtitles = 1;
	static const char *keys[NCOLS] = {"unit", "households", "poor", "poor_rate",
					  "near", "near_rate", "persons", "note"};
	static const int widths[NCOLS] = {28, 12, 10, 9, 10, 9, 12, 14};
	for (size_t j = 0; j < NCOLS; j++) {
		d->col_keys[j] = report_doc_str(d, keys[j]);
		d->col_widths[j] = widths[j];
	}
	for (size_t k = 0; k < NHEADS; k++)
		report_doc_head(d, heads[k].row, heads[k].col, heads[k].rowspan,
				heads[k].colspan, heads[k].text);
	d->numbered = true;
	/* 3 districts of 20 communes: 64 rows */
	for (int g = 0; g < 3; g++) {
		char name[64];
		snprintf(name, sizeof name, "Huyện Mường Ảng %d", g + 1);
		unit_row(d, ROW_SUBTOTAL, 0, name, g == 0 ? 2481000 : 35000 + g, 1417,
			 900 + g);
		for (int i = 0; i < 20; i++)
			unit_row(d, ROW_PLAIN, 1, communes[(g * 20 + i) % 10],
				 1000 + g * 100 + i, 57 + i, 30 + i);
	}
	unit_row(d, ROW_TOTAL, 0, "TỔNG CỘNG", 2551003, 4251, 2703);
	/* 5,71 %: 571 / 10^2 */
	d->rows[1].cells[3] = (report_cell){CELL_DECIMAL, NULL, 571, 2, 0};
	report_cell_text(d, &d->rows[1], 7, "Vùng đặc biệt khó khăn");
	d->notes[0] = report_doc_str(d, "Ghi chú: số liệu tính đến ngày 15 tháng 12 năm 2024.");
	d->nnotes = 1;
	d->place_date = report_doc_str(d, "Điện Biên, ngày 20 tháng 12 năm 2024");
	d->signers[0] = report_doc_str(d, "NGƯỜI LẬP BIỂU");
	d->signers[1] = report_doc_str(d, "CHỦ TỊCH");
	d->nsigners = 2;
	d->landscape = landscape;
	return d;
}

/* ---- numbers --------------------------------------------------------------------- */

static void check_number(int64_t v, int scale, const char *want)
{
	char s[32];
	report_number_vn(v, scale, s, sizeof s);
	assert_string_equal(s, want);
}

static void test_number_vn(void **state)
{
	(void)state;
	check_number(2481000, 0, "2.481.000");
	check_number(571, 2, "5,71");
	check_number(-1500, 0, "-1.500");
	check_number(0, 0, "0");
	check_number(999, 0, "999");
	check_number(1000, 0, "1.000");
	check_number(5, 2, "0,05");
	check_number(-5, 2, "-0,05");
	check_number(123456789, 3, "123.456,789");
	check_number(INT64_MIN, 0, "-9.223.372.036.854.775.808");
	char small[6];
	report_number_vn(2481000, 0, small, sizeof small);
	assert_string_equal(small, "2.481");
}

/* ---- XLSX --------------------------------------------------------------------------- */

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

/* The CSV text as rows of fields (RFC 4180: quotes, doubled quotes). */
typedef struct sheet {
	char ***rows;
	size_t *nf;
	size_t n;
} sheet;

static void parse_csv(const char *s, sheet *sh)
{
	memset(sh, 0, sizeof *sh);
	buf field;
	buf_init(&field, 0);
	char **fields = NULL;
	size_t nf = 0;
	bool quoted = false;
	for (const char *p = s;; p++) {
		if (quoted) {
			assert_true(*p != '\0');
			if (*p == '"' && p[1] == '"') {
				buf_putc(&field, '"');
				p++;
			} else if (*p == '"') {
				quoted = false;
			} else {
				buf_putc(&field, *p);
			}
			continue;
		}
		if (*p == '"') {
			quoted = true;
		} else if (*p == ',' || *p == '\n' || *p == '\0') {
			if (*p == '\0' && nf == 0 && field.len == 0)
				break;
			fields = gn_xreallocarray(fields, nf + 1, sizeof *fields);
			fields[nf++] = gn_xstrdup(buf_cstr(&field));
			buf_reset(&field);
			if (*p != ',') {
				sh->rows = gn_xreallocarray(sh->rows, sh->n + 1, sizeof *sh->rows);
				sh->nf = gn_xreallocarray(sh->nf, sh->n + 1, sizeof *sh->nf);
				sh->rows[sh->n] = fields;
				sh->nf[sh->n++] = nf;
				fields = NULL;
				nf = 0;
				if (*p == '\0')
					break;
			}
		} else if (*p != '\r') {
			buf_putc(&field, *p);
		}
	}
	buf_free(&field);
}

static void sheet_free(sheet *sh)
{
	for (size_t i = 0; i < sh->n; i++) {
		for (size_t j = 0; j < sh->nf[i]; j++)
			free(sh->rows[i][j]);
		free(sh->rows[i]);
	}
	free(sh->rows);
	free(sh->nf);
}

/* The cell at 0-based (r, c), "" when absent. */
static const char *at(const sheet *sh, size_t r, size_t c)
{
	return r < sh->n && c < sh->nf[r] ? sh->rows[r][c] : "";
}

/* The first row with a field equal to text; fails when none. */
static size_t find_row(const sheet *sh, const char *text)
{
	for (size_t i = 0; i < sh->n; i++)
		for (size_t j = 0; j < sh->nf[i]; j++)
			if (strcmp(sh->rows[i][j], text) == 0)
				return i;
	fail_msg("no cell \"%s\" in the sheet", text);
	return 0;
}

static void ref(char *out, size_t n, int col, size_t row1)
{
	snprintf(out, n, "%c%zu", 'A' + col, row1);
}

static bool has_merge(const xlsx_info *info, const char *r)
{
	for (size_t i = 0; i < info->nmerges; i++)
		if (strcmp(info->merges[i], r) == 0)
			return true;
	return false;
}

/* 1-based row of a ref like "C12" */
static size_t ref_row(const char *r)
{
	while (*r >= 'A' && *r <= 'Z')
		r++;
	return (size_t)strtoul(r, NULL, 10);
}

static void render_xlsx_and_read(report_doc *d, const char *file, sheet *sh,
				 xlsx_info *info)
{
	char path[128];
	tmp_path(path, sizeof path, file);
	assert_int_equal(report_render_xlsx(d, path), GN_OK);
	buf data, csv;
	buf_init(&data, 0);
	buf_init(&csv, 0);
	slurp(path, &data);
	assert_true(xlsx_is(data.p, data.len));
	gn_diag *dg = diag_new(10);
	assert_int_equal(xlsx_to_csv(data.p, data.len, file, dg, &csv), GN_OK);
	assert_int_equal(xlsx_read_info(data.p, data.len, file, dg, info), GN_OK);
	diag_free(dg);
	parse_csv(buf_cstr(&csv), sh);
	buf_free(&data);
	buf_free(&csv);
}

static void test_xlsx_form(void **state)
{
	(void)state;
	report_doc *d = sample_doc(true);
	sheet sh;
	xlsx_info info;
	render_xlsx_and_read(d, "form.xlsx", &sh, &info);

	/* the top block */
	size_t motto = find_row(&sh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_int_equal(motto, 0);
	assert_int_equal(find_row(&sh, "Độc lập - Tự do - Hạnh phúc"), 1);
	assert_string_equal(at(&sh, 0, 0), "UBND TỈNH ĐIỆN BIÊN");
	assert_string_equal(at(&sh, 1, 0), "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
	/* the motto is merged over the right block, ending at the last column */
	char want[64];
	snprintf(want, sizeof want, "D1:H1");
	assert_true(has_merge(&info, want));
	assert_true(has_merge(&info, "D2:H2"));
	assert_true(has_merge(&info, "A1:C1"));
	find_row(&sh, "Biểu số 01");
	size_t title = find_row(&sh, TITLE);
	assert_string_equal(at(&sh, title, 0), TITLE);
	snprintf(want, sizeof want, "A%zu:H%zu", title + 1, title + 1);
	assert_true(has_merge(&info, want));
	assert_string_equal(at(&sh, title + 1, 0), "(Kèm theo Quyết định số 24/2021/QĐ-TTg)");

	/* the header: every head where declared, merged exactly as declared */
	size_t h = find_row(&sh, "Đơn vị");
	size_t spanning = 0;
	for (size_t k = 0; k < NHEADS; k++) {
		const report_head *x = &heads[k];
		assert_string_equal(at(&sh, h + (size_t)x->row, (size_t)x->col), x->text);
		if (x->rowspan == 1 && x->colspan == 1)
			continue;
		spanning++;
		char a[16], b[16];
		ref(a, sizeof a, x->col, h + (size_t)x->row + 1);
		ref(b, sizeof b, x->col + x->colspan - 1, h + (size_t)(x->row + x->rowspan));
		snprintf(want, sizeof want, "%s:%s", a, b);
		if (!has_merge(&info, want))
			fail_msg("merged range %s missing", want);
	}
	size_t in_header = 0;
	for (size_t i = 0; i < info.nmerges; i++) {
		size_t r = ref_row(info.merges[i]);
		if (r >= h + 1 && r <= h + 2)
			in_header++;
	}
	assert_int_equal(in_header, spanning); /* and no other */

	/* the numbered row */
	for (size_t j = 0; j < NCOLS; j++) {
		snprintf(want, sizeof want, "(%zu)", j + 1);
		assert_string_equal(at(&sh, h + 2, j), want);
	}

	/* the body: numbers in their cells, as numbers */
	size_t b = h + 3;
	assert_string_equal(at(&sh, b, 0), "Huyện Mường Ảng 1");
	assert_string_equal(at(&sh, b, 1), "2481000");
	assert_string_equal(at(&sh, b, 2), "1417");
	assert_string_equal(at(&sh, b, 6), "9924000");
	assert_string_equal(at(&sh, b + 1, 0), "Xã Đại Đông");
	assert_string_equal(at(&sh, b + 1, 1), "1000");
	assert_string_equal(at(&sh, b + 1, 3), "5.71");
	assert_string_equal(at(&sh, b + 1, 7), "Vùng đặc biệt khó khăn");
	assert_string_equal(at(&sh, b + 2, 0), "Phường Ba Đình");
	size_t total = b + d->nrows - 1;
	assert_string_equal(at(&sh, total, 0), "TỔNG CỘNG");
	assert_string_equal(at(&sh, total, 1), "2551003");

	/* the bottom block */
	size_t place = find_row(&sh, "Điện Biên, ngày 20 tháng 12 năm 2024");
	assert_true(place > total);
	size_t sign = find_row(&sh, "NGƯỜI LẬP BIỂU");
	assert_int_equal(find_row(&sh, "CHỦ TỊCH"), sign);
	assert_true(sign > place);
	find_row(&sh, "Ghi chú: số liệu tính đến ngày 15 tháng 12 năm 2024.");
	/* two signers: halves of the width, the date over the second */
	snprintf(want, sizeof want, "E%zu:H%zu", place + 1, place + 1);
	assert_true(has_merge(&info, want));
	assert_string_equal(at(&sh, place, 4), "Điện Biên, ngày 20 tháng 12 năm 2024");
	snprintf(want, sizeof want, "A%zu:D%zu", sign + 1, sign + 1);
	assert_true(has_merge(&info, want));
	snprintf(want, sizeof want, "E%zu:H%zu", sign + 1, sign + 1);
	assert_true(has_merge(&info, want));
	assert_string_equal(at(&sh, sign, 4), "CHỦ TỊCH");

	/* print setup: header rows + numbered row repeated, A4 landscape,
	 * one page wide */
	assert_non_null(info.print_titles);
	snprintf(want, sizeof want, "Sheet1!$%zu:$%zu", h + 1, h + 3);
	assert_string_equal(info.print_titles, want);
	assert_non_null(info.orientation);
	assert_string_equal(info.orientation, "landscape");
	assert_int_equal(info.paper, 9);
	assert_true(info.fit_to_page);
	assert_int_equal(info.fit_width, 1);
	assert_int_equal(info.fit_height, 0);

	xlsx_info_free(&info);
	sheet_free(&sh);
	report_doc_free(d);
}

static void test_xlsx_portrait_and_small(void **state)
{
	(void)state;
	report_doc *d = report_doc_new(1);
	d->title = report_doc_str(d, "DANH SÁCH");
	report_doc_head(d, 0, 0, 1, 1, "Họ và tên");
	report_row *r = report_doc_add_row(d, ROW_PLAIN, 0);
	report_cell_text(d, r, 0, "Nguyễn Thị Hồng");
	d->landscape = false;
	d->signers[0] = report_doc_str(d, "TRƯỞNG THÔN");
	d->nsigners = 1;
	sheet sh;
	xlsx_info info;
	render_xlsx_and_read(d, "small.xlsx", &sh, &info);
	find_row(&sh, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	size_t h = find_row(&sh, "Họ và tên");
	assert_string_equal(at(&sh, h + 1, 0), "Nguyễn Thị Hồng");
	find_row(&sh, "TRƯỞNG THÔN");
	assert_int_equal(info.nmerges, 0); /* one column: nothing to merge */
	assert_true(info.orientation == NULL || strcmp(info.orientation, "portrait") == 0);
	xlsx_info_free(&info);
	sheet_free(&sh);
	report_doc_free(d);
}

static void test_xlsx_unwritable(void **state)
{
	(void)state;
	report_doc *d = sample_doc(true);
	assert_int_equal(report_render_xlsx(d, "/nonexistent/dir/x.xlsx"), GN_EIO);
	assert_int_equal(report_render_pdf(d, "/nonexistent/dir/x.pdf"), GN_EIO);
	report_doc_free(d);
}

/* ---- PDF ---------------------------------------------------------------------------- */

static bool have_tool(const char *name)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
	return system(cmd) == 0;
}

/* Runs cmd (its output into a temporary file) and returns the output. */
static char *run(const char *cmd)
{
	char out[128], full[1024];
	tmp_path(out, sizeof out, "cmd.out");
	snprintf(full, sizeof full, "%s > '%s' 2>&1", cmd, out);
	int rc = system(full);
	buf b;
	buf_init(&b, 0);
	slurp(out, &b);
	if (rc != 0)
		fail_msg("%s failed: %s", cmd, buf_cstr(&b));
	char *s = buf_take(&b);
	return s ? s : gn_xstrdup("");
}

static char *pdf_text(const char *pdf, int page)
{
	char cmd[512];
	if (page > 0)
		snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 -f %d -l %d '%s' -",
			 page, page, pdf);
	else
		snprintf(cmd, sizeof cmd, "pdftotext -layout -enc UTF-8 '%s' -", pdf);
	return run(cmd);
}

static int pdf_pages(const char *pdf, char *size, size_t n)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", pdf);
	char *info = run(cmd);
	const char *p = strstr(info, "Pages:");
	assert_non_null(p);
	int pages = atoi(p + 6);
	const char *s = strstr(info, "Page size:");
	assert_non_null(s);
	s += 10;
	while (*s == ' ')
		s++;
	size_t k = 0;
	while (s[k] && s[k] != '\n' && k + 1 < n) {
		size[k] = s[k];
		k++;
	}
	size[k] = '\0';
	free(info);
	return pages;
}

static void must_contain(const char *text, const char *what)
{
	if (!strstr(text, what))
		fail_msg("\"%s\" not in the PDF's text:\n%.2000s", what, text);
}

static void test_pdf_form(void **state)
{
	(void)state;
	if (!have_tool("pdftotext") || !have_tool("pdfinfo"))
		skip();
	report_doc *d = sample_doc(true);
	char path[128];
	tmp_path(path, sizeof path, "form.pdf");
	assert_int_equal(report_render_pdf(d, path), GN_OK);

	char size[128];
	int pages = pdf_pages(path, size, sizeof size);
	assert_true(pages >= 2);
	assert_non_null(strstr(size, "841.89 x 595.276")); /* A4 landscape */

	char *all = pdf_text(path, 0);
	must_contain(all, TITLE);
	must_contain(all, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	must_contain(all, "Độc lập - Tự do - Hạnh phúc");
	must_contain(all, "UBND TỈNH ĐIỆN BIÊN");
	must_contain(all, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
	must_contain(all, "Xã Đại Đông");
	must_contain(all, "Phường Ba Đình");
	must_contain(all, "Thị trấn Mường Ẳng");
	must_contain(all, "2.481.000");
	must_contain(all, "9.924.000");
	must_contain(all, "5,71");
	must_contain(all, "TỔNG CỘNG");
	must_contain(all, "Điện Biên, ngày 20 tháng 12 năm 2024");
	must_contain(all, "NGƯỜI LẬP BIỂU");
	must_contain(all, "CHỦ TỊCH");
	free(all);

	char want[64];
	for (int pg = 1; pg <= pages; pg++) {
		char *t = pdf_text(path, pg);
		/* the header rows and the numbered row on every page the table
		 * runs onto (the last page may hold the signatures only) */
		if (pg < pages || strstr(t, "TỔNG CỘNG")) {
			must_contain(t, "Đơn vị");
			must_contain(t, "Hộ cận nghèo");
			must_contain(t, "Tỷ lệ (%)");
			must_contain(t, "(1)");
			must_contain(t, "(8)");
		}
		snprintf(want, sizeof want, "Trang %d/%d", pg, pages);
		must_contain(t, want);
		if (pg > 1) /* the top block is on page 1 only */
			assert_null(strstr(t, "CỘNG HÒA XÃ HỘI"));
		free(t);
	}
	report_doc_free(d);
}

static void test_pdf_portrait(void **state)
{
	(void)state;
	if (!have_tool("pdfinfo"))
		skip();
	report_doc *d = sample_doc(false);
	char path[128];
	tmp_path(path, sizeof path, "portrait.pdf");
	assert_int_equal(report_render_pdf(d, path), GN_OK);
	char size[128];
	assert_true(pdf_pages(path, size, sizeof size) >= 2);
	assert_non_null(strstr(size, "595.276 x 841.89"));
	char *t = pdf_text(path, 2);
	must_contain(t, "Đơn vị");
	free(t);
	report_doc_free(d);
}

/* LibreOffice opens the workbook (only where it is installed). */
static void test_xlsx_libreoffice(void **state)
{
	(void)state;
	if (!have_tool("libreoffice"))
		skip();
	report_doc *d = sample_doc(true);
	char path[128], cmd[512];
	tmp_path(path, sizeof path, "lo.xlsx");
	assert_int_equal(report_render_xlsx(d, path), GN_OK);
	snprintf(cmd, sizeof cmd,
		 "cd '%s' && HOME='%s' libreoffice --headless --convert-to pdf lo.xlsx",
		 tmpdir, tmpdir);
	free(run(cmd));
	char pdf[128];
	tmp_path(pdf, sizeof pdf, "lo.pdf");
	char *t = pdf_text(pdf, 0);
	must_contain(t, TITLE);
	free(t);
	report_doc_free(d);
}

/* ---- page breaks ------------------------------------------------------------------ */

/* Form i of a bare document of forms: a text block (issuer and motto,
 * title, a paragraph), a table of its own (a ROW_HEAD row, two plain
 * rows), a signer; the form's first row starts a page. */
static void add_form(report_doc *d, int i)
{
	char s[96];
	report_row *r = report_doc_add_row(d, ROW_TEXT, 0);
	r->page_break = true;
	report_cell_look(d, r, 0, "UBND XÃ ĐẮK Ơ", LOOK_BOLD | LOOK_CENTER);
	report_cell_look(d, r, 2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", LOOK_BOLD | LOOK_CENTER);
	r = report_doc_add_row(d, ROW_TEXT, 0);
	snprintf(s, sizeof s, "GIẤY CHỨNG NHẬN SỐ %d", i + 1);
	report_cell_look(d, r, 0, s, LOOK_TITLE | LOOK_BOLD | LOOK_CENTER);
	r = report_doc_add_row(d, ROW_TEXT, 0);
	snprintf(s, sizeof s, "Hộ gia đình bà: Lò Thị Ánh %d, thôn Nậm Ẳng", i + 1);
	report_cell_look(d, r, 0, s, LOOK_ITALIC);
	report_row *h = report_doc_add_row(d, ROW_HEAD, 0);
	report_cell_text(d, h, 0, "STT");
	report_cell_text(d, h, 1, "Họ và tên");
	report_cell_text(d, h, 2, "Quan hệ với chủ hộ");
	report_cell_text(d, h, 3, "Năm sinh");
	for (int k = 0; k < 2; k++) {
		report_row *m = report_doc_add_row(d, ROW_PLAIN, 0);
		report_cell_int(m, 0, k + 1);
		report_cell_text(d, m, 1, k ? "Lường Văn Ơn" : "Lò Thị Ánh");
		report_cell_text(d, m, 2, k ? "Chồng" : "Chủ hộ");
		report_cell_text(d, m, 3, "1980");
	}
	r = report_doc_add_row(d, ROW_TEXT, 0);
	report_cell_look(d, r, 2, "CHỦ TỊCH", LOOK_BOLD | LOOK_CENTER);
}

static report_doc *forms_doc(int n)
{
	report_doc *d = report_doc_new(4);
	static const char *keys[4] = {"stt", "name", "relation", "birth"};
	static const int widths[4] = {6, 30, 20, 10};
	for (size_t j = 0; j < 4; j++) {
		d->col_keys[j] = report_doc_str(d, keys[j]);
		d->col_widths[j] = widths[j];
	}
	d->bare = true;
	d->landscape = false;
	for (int i = 0; i < n; i++)
		add_form(d, i);
	return d;
}

/* Rows per form in forms_doc */
#define FORM_ROWS 7

static void test_xlsx_page_breaks(void **state)
{
	(void)state;
	report_doc *d = forms_doc(4);
	sheet sh;
	xlsx_info info;
	render_xlsx_and_read(d, "forms.xlsx", &sh, &info);
	/* a bare document: no motto block of its own, no print titles; the
	 * forms one after another from row 0 */
	assert_string_equal(at(&sh, 0, 0), "UBND XÃ ĐẮK Ơ");
	assert_string_equal(at(&sh, 0, 2), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_null(info.print_titles);
	/* a manual break above the first row of every form but the first */
	assert_int_equal(info.nrow_breaks, 3);
	for (size_t k = 0; k < 3; k++) {
		assert_int_equal(info.row_breaks[k], (int)((k + 1) * FORM_ROWS));
		char want[64];
		snprintf(want, sizeof want, "GIẤY CHỨNG NHẬN SỐ %zu", k + 2);
		assert_string_equal(at(&sh, (size_t)info.row_breaks[k], 0), "UBND XÃ ĐẮK Ơ");
		assert_string_equal(at(&sh, (size_t)info.row_breaks[k] + 1, 0), want);
	}
	/* text cells run over the empty cells to their right: the issuer over
	 * A:B (the motto starts at C), the title and the paragraph over A:D */
	assert_true(has_merge(&info, "A1:B1"));
	assert_true(has_merge(&info, "C1:D1"));
	assert_true(has_merge(&info, "A2:D2"));
	assert_true(has_merge(&info, "A3:D3"));
	assert_true(has_merge(&info, "C7:D7"));
	/* the table of each form: its header row and members in cells */
	assert_string_equal(at(&sh, 3, 1), "Họ và tên");
	assert_string_equal(at(&sh, 4, 1), "Lò Thị Ánh");
	assert_string_equal(at(&sh, 5, 2), "Chồng");
	/* printed at a scale, not "fit to pages" (which would override the
	 * breaks); portrait A4 */
	assert_false(info.fit_to_page);
	assert_true(info.scale > 10 && info.scale <= 100);
	assert_string_equal(info.orientation, "portrait");
	assert_int_equal(info.paper, 9);
	xlsx_info_free(&info);
	sheet_free(&sh);
	report_doc_free(d);

	/* a table broken before a row: one break, the header rows repeated
	 * (print titles) as without breaks */
	d = sample_doc(true);
	d->rows[21].page_break = true; /* the second district's subtotal */
	d->rows[0].page_break = true;  /* the first body row: a break too */
	render_xlsx_and_read(d, "broken.xlsx", &sh, &info);
	size_t h = find_row(&sh, "Đơn vị");
	size_t b = h + 3; /* the first body row */
	assert_int_equal(info.nrow_breaks, 2);
	assert_int_equal(info.row_breaks[0], (int)b);
	assert_int_equal(info.row_breaks[1], (int)(b + 21));
	assert_string_equal(at(&sh, b + 21, 0), "Huyện Mường Ảng 2");
	assert_non_null(info.print_titles);
	assert_false(info.fit_to_page);
	xlsx_info_free(&info);
	sheet_free(&sh);
	report_doc_free(d);

	/* without breaks: fit to one page wide, no <rowBreaks> */
	d = sample_doc(true);
	render_xlsx_and_read(d, "nobreaks.xlsx", &sh, &info);
	assert_int_equal(info.nrow_breaks, 0);
	assert_true(info.fit_to_page);
	xlsx_info_free(&info);
	sheet_free(&sh);
	report_doc_free(d);
}

/* Past Excel's limit of 1023 breaks a sheet, the forms go on in a new
 * sheet: the first holds 1024 forms and 1023 breaks. */
static void test_xlsx_many_breaks(void **state)
{
	(void)state;
	report_doc *d = forms_doc(1030);
	sheet sh;
	xlsx_info info;
	render_xlsx_and_read(d, "many.xlsx", &sh, &info);
	assert_int_equal(info.nrow_breaks, 1023);
	assert_int_equal(info.row_breaks[1022], 1023 * FORM_ROWS);
	assert_string_equal(at(&sh, 1023 * FORM_ROWS + 1, 0), "GIẤY CHỨNG NHẬN SỐ 1024");
	/* the first sheet ends with form 1024 */
	assert_true(sh.n <= 1024 * FORM_ROWS);
	xlsx_info_free(&info);
	sheet_free(&sh);
	char path[128], cmd[512];
	tmp_path(path, sizeof path, "many.xlsx");
	if (have_tool("unzip")) {
		snprintf(cmd, sizeof cmd, "unzip -l '%s' | grep -c 'xl/worksheets/sheet[0-9]*.xml'",
			 path);
		char *out = run(cmd);
		assert_int_equal(atoi(out), 2);
		free(out);
	}
	report_doc_free(d);
}

static void test_pdf_page_breaks(void **state)
{
	(void)state;
	if (!have_tool("pdftotext") || !have_tool("pdfinfo"))
		skip();
	report_doc *d = forms_doc(3);
	char path[128], size[128];
	tmp_path(path, sizeof path, "forms.pdf");
	assert_int_equal(report_render_pdf(d, path), GN_OK);
	/* one A4 portrait page per form, no page numbers on forms */
	assert_int_equal(pdf_pages(path, size, sizeof size), 3);
	assert_non_null(strstr(size, "595.276 x 841.89"));
	for (int pg = 1; pg <= 3; pg++) {
		char *t = pdf_text(path, pg);
		char want[64];
		snprintf(want, sizeof want, "GIẤY CHỨNG NHẬN SỐ %d", pg);
		must_contain(t, want);
		snprintf(want, sizeof want, "Hộ gia đình bà: Lò Thị Ánh %d, thôn Nậm Ẳng", pg);
		must_contain(t, want);
		must_contain(t, "UBND XÃ ĐẮK Ơ");
		must_contain(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		must_contain(t, "Quan hệ với chủ hộ");
		must_contain(t, "Lường Văn Ơn");
		must_contain(t, "CHỦ TỊCH");
		assert_null(strstr(t, "Trang "));
		free(t);
	}
	report_doc_free(d);

	/* a table broken before the second district: the break starts page 2
	 * with the header rows repeated; the pages after follow as usual */
	report_doc *a = sample_doc(true), *b = sample_doc(true);
	b->rows[21].page_break = true; /* the second district's subtotal */
	char pa[128], pb[128];
	tmp_path(pa, sizeof pa, "unbroken.pdf");
	tmp_path(pb, sizeof pb, "broken.pdf");
	assert_int_equal(report_render_pdf(a, pa), GN_OK);
	assert_int_equal(report_render_pdf(b, pb), GN_OK);
	int na = pdf_pages(pa, size, sizeof size), nb = pdf_pages(pb, size, sizeof size);
	assert_true(nb >= na);
	char *t1 = pdf_text(pb, 1), *t2 = pdf_text(pb, 2);
	assert_null(strstr(t1, "Huyện Mường Ảng 2"));
	must_contain(t2, "Huyện Mường Ảng 2");
	must_contain(t2, "Đơn vị");
	must_contain(t2, "(8)");
	must_contain(t2, "Trang 2/");
	/* page 2 starts with the header and then the district */
	const char *head = strstr(t2, "Đơn vị"), *dist = strstr(t2, "Huyện Mường Ảng 2");
	assert_true(head < dist);
	free(t1);
	free(t2);
	report_doc_free(a);
	report_doc_free(b);
}

/* CSV ignores page breaks; body header and text rows are "head", "text". */
static void test_csv_page_breaks(void **state)
{
	(void)state;
	report_doc *a = sample_doc(true), *b = sample_doc(true);
	for (size_t i = 0; i < b->nrows; i += 5)
		b->rows[i].page_break = true;
	buf x, y;
	buf_init(&x, 0);
	buf_init(&y, 0);
	assert_int_equal(report_csv(a, &x), GN_OK);
	assert_int_equal(report_csv(b, &y), GN_OK);
	assert_string_equal(buf_cstr(&x), buf_cstr(&y));
	buf_free(&x);
	buf_free(&y);
	report_doc_free(a);
	report_doc_free(b);
	report_doc *d = forms_doc(1);
	buf_init(&x, 0);
	assert_int_equal(report_csv(d, &x), GN_OK);
	assert_string_equal(buf_cstr(&x),
		"style,depth,stt,name,relation,birth\n"
		"text,0,UBND XÃ ĐẮK Ơ,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM,\n"
		"text,0,GIẤY CHỨNG NHẬN SỐ 1,,,\n"
		"text,0,\"Hộ gia đình bà: Lò Thị Ánh 1, thôn Nậm Ẳng\",,,\n"
		"head,0,STT,Họ và tên,Quan hệ với chủ hộ,Năm sinh\n"
		"unit,0,1,Lò Thị Ánh,Chủ hộ,1980\n"
		"unit,0,2,Lường Văn Ơn,Chồng,1980\n"
		"text,0,,,CHỦ TỊCH,\n");
	buf_free(&x);
	report_doc_free(d);
}

/* LibreOffice prints the workbook of forms one form a page (only where
 * it is installed): the breaks are honoured and the columns fit. */
static void test_xlsx_forms_libreoffice(void **state)
{
	(void)state;
	if (!have_tool("libreoffice") || !have_tool("pdfinfo"))
		skip();
	report_doc *d = forms_doc(3);
	char path[128], cmd[512];
	tmp_path(path, sizeof path, "lof.xlsx");
	assert_int_equal(report_render_xlsx(d, path), GN_OK);
	snprintf(cmd, sizeof cmd,
		 "cd '%s' && HOME='%s' libreoffice --headless --convert-to pdf lof.xlsx",
		 tmpdir, tmpdir);
	free(run(cmd));
	char pdf[128], size[128];
	tmp_path(pdf, sizeof pdf, "lof.pdf");
	assert_int_equal(pdf_pages(pdf, size, sizeof size), 3);
	for (int pg = 1; pg <= 3; pg++) {
		char *t = pdf_text(pdf, pg), want[64];
		snprintf(want, sizeof want, "GIẤY CHỨNG NHẬN SỐ %d", pg);
		must_contain(t, want);
		must_contain(t, "Năm sinh"); /* the last column is on the page */
		free(t);
	}
	report_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_vn),
		cmocka_unit_test(test_xlsx_form),
		cmocka_unit_test(test_xlsx_portrait_and_small),
		cmocka_unit_test(test_xlsx_unwritable),
		cmocka_unit_test(test_pdf_form),
		cmocka_unit_test(test_pdf_portrait),
		cmocka_unit_test(test_xlsx_libreoffice),
		cmocka_unit_test(test_xlsx_page_breaks),
		cmocka_unit_test(test_xlsx_many_breaks),
		cmocka_unit_test(test_pdf_page_breaks),
		cmocka_unit_test(test_csv_page_breaks),
		cmocka_unit_test(test_xlsx_forms_libreoffice),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
