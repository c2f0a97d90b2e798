/* test_docx.c - the Word writer (src/report/docx.h). A document with the
 * administrative heading, paragraphs of every style and a table with
 * merged header cells is zipped in memory; the test opens the zip with
 * libzip, checks the parts a word processor needs, parses every XML part
 * with expat (well-formed), and checks the document's text (Vietnamese
 * intact, escaped characters back as typed), the table's merges
 * (gridSpan, vMerge) and repeated header rows, and the A4 section. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <expat.h>
#include <zip.h>

#include "core/buf.h"
#include "report/doc.h"
#include "report/docx.h"

/* The part called name of the zip in mem, NUL-terminated (malloc'd). */
static char *part(const buf *mem, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(mem->p, mem->len, 0, &ze);
	assert_non_null(src);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	zip_stat_t st;
	char *out = NULL;
	if (zip_stat(z, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(z, name, 0);
		assert_non_null(f);
		out = malloc(st.size + 1);
		assert_non_null(out);
		assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		out[st.size] = '\0';
		zip_fclose(f);
	}
	zip_close(z);
	zip_error_fini(&ze);
	return out;
}

typedef struct text_ctx {
	buf text;    /* the w:t contents, a '|' after each paragraph */
	bool in_t;
	int grid_spans, vmerge_restart, vmerge_continue, header_rows;
} text_ctx;

static void on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	text_ctx *c = ud;
	if (strcmp(name, "w:t") == 0)
		c->in_t = true;
	else if (strcmp(name, "w:gridSpan") == 0)
		c->grid_spans++;
	else if (strcmp(name, "w:tblHeader") == 0)
		c->header_rows++;
	else if (strcmp(name, "w:vMerge") == 0) {
		bool restart = false;
		for (int i = 0; atts[i]; i += 2)
			if (strcmp(atts[i], "w:val") == 0 && strcmp(atts[i + 1], "restart") == 0)
				restart = true;
		if (restart)
			c->vmerge_restart++;
		else
			c->vmerge_continue++;
	}
}

static void on_end(void *ud, const XML_Char *name)
{
	text_ctx *c = ud;
	if (strcmp(name, "w:t") == 0)
		c->in_t = false;
	else if (strcmp(name, "w:p") == 0)
		buf_putc(&c->text, '|');
}

static void on_chars(void *ud, const XML_Char *s, int len)
{
	text_ctx *c = ud;
	if (c->in_t)
		buf_put(&c->text, s, (size_t)len);
}

static void parse(const char *xml, text_ctx *c)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, c);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_chars);
	if (XML_Parse(p, xml, (int)strlen(xml), 1) != XML_STATUS_OK)
		fail_msg("XML not well-formed: %s at line %lu", XML_ErrorString(XML_GetErrorCode(p)),
			 (unsigned long)XML_GetCurrentLineNumber(p));
	XML_ParserFree(p);
}

static report_doc *sample_table(void)
{
	report_doc *d = report_doc_new(4);
	assert_non_null(d);
	d->head_rows = 2;
	d->numbered = true;
	report_doc_head(d, 0, 0, 2, 1, "Dự án");
	report_doc_head(d, 0, 1, 1, 2, "Kinh phí (đồng)");
	report_doc_head(d, 1, 1, 1, 1, "Phân bổ");
	report_doc_head(d, 1, 2, 1, 1, "Giải ngân");
	report_doc_head(d, 0, 3, 2, 1, "Tỷ lệ (%)");
	report_row *r = report_doc_add_row(d, ROW_PLAIN, 1);
	report_cell_text(d, r, 0, "DA2 - Đa dạng hóa sinh kế");
	report_cell_int(r, 1, 2243000000);
	report_cell_int(r, 2, 1121500000);
	report_cell_decimal(r, 3, 5000, 2);
	r = report_doc_add_row(d, ROW_TOTAL, 0);
	report_cell_text(d, r, 0, "Tổng cộng");
	report_cell_int(r, 1, 2243000000);
	return d;
}

static void test_document(void **state)
{
	(void)state;
	docx *x = docx_new();
	assert_non_null(x);
	assert_int_equal(docx_heading(x, "UBND HUYỆN HỚN QUẢN", "PHÒNG LAO ĐỘNG - TB&XH",
				      "Số: ....../BC-PLĐTBXH", "Hớn Quản, ngày 20 tháng 5 năm 2024"),
			 GN_OK);
	assert_int_equal(docx_para(x, DOCX_TITLE, "BÁO CÁO"), GN_OK);
	docx_para(x, DOCX_SUBTITLE, "Kết quả 6 tháng đầu năm 2024");
	docx_para(x, DOCX_HEADING1, "I. TÌNH HÌNH TRIỂN KHAI");
	docx_para(x, DOCX_BODY, "Hộ nghèo: 1.234 hộ, tỷ lệ 5,71 % <giảm> & \"ổn định\"");
	docx_para(x, DOCX_FILL, "[Cán bộ viết: khó khăn, vướng mắc]\ndòng thứ hai");
	report_doc *d = sample_table();
	assert_int_equal(docx_table(x, d), GN_OK);
	report_doc_free(d);
	docx_signatures(x, "Nơi nhận:\n- UBND huyện;\n- Lưu: VT.", "TRƯỞNG PHÒNG");

	buf mem;
	buf_init(&mem, 0);
	assert_int_equal(docx_bytes(x, &mem), GN_OK);
	docx_free(x);
	assert_true(mem.len > 200);
	assert_memory_equal(mem.p, "PK\3\4", 4);

	const char *parts[] = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
			       "word/styles.xml", "word/document.xml"};
	char *doc = NULL;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		char *xml = part(&mem, parts[i]);
		if (!xml)
			fail_msg("part %s missing", parts[i]);
		text_ctx c = {0};
		buf_init(&c.text, 0);
		parse(xml, &c);
		if (strcmp(parts[i], "word/document.xml") == 0) {
			const char *t = buf_cstr(&c.text);
			assert_non_null(strstr(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
			assert_non_null(strstr(t, "Hớn Quản, ngày 20 tháng 5 năm 2024"));
			assert_non_null(strstr(t, "Hộ nghèo: 1.234 hộ, tỷ lệ 5,71 % <giảm> & \"ổn định\""));
			assert_non_null(strstr(t, "[Cán bộ viết: khó khăn, vướng mắc]dòng thứ hai"));
			/* header cells, the numbered row, numbers in Vietnamese format */
			assert_non_null(strstr(t, "|Dự án|Kinh phí (đồng)|Tỷ lệ (%)|"));
			assert_non_null(strstr(t, "|(1)|(2)|(3)|(4)|"));
			assert_non_null(strstr(t, "|2.243.000.000|1.121.500.000|50,00|"));
			assert_int_equal(c.grid_spans, 1);     /* "Kinh phí" over two columns */
			assert_int_equal(c.vmerge_restart, 2); /* "Dự án", "Tỷ lệ" over two rows */
			assert_int_equal(c.vmerge_continue, 2);
			assert_int_equal(c.header_rows, 3);    /* two header rows + numbered row */
			doc = xml;
		} else {
			free(xml);
		}
		buf_free(&c.text);
	}
	assert_non_null(doc);
	assert_non_null(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	assert_non_null(strstr(doc, "<w:highlight w:val=\"yellow\"/>"));
	free(doc);
	buf_free(&mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
