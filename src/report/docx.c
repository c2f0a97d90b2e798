/*
 * docx.c - the Word document writer of docx.h: WordprocessingML parts
 * zipped with libzip.
 *
 * Layer: report. The body XML is built as blocks are appended; the parts
 * ([Content_Types].xml, the relationships, styles with Times New Roman
 * 13 pt and outline levels for the headings, the document with its A4
 * section) are written at the end. Lengths are in twentieths of a point
 * (twips: 1 cm = 567), font sizes in half points.
 */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "pdf.h"

/* A4 portrait, margins of Decree 30/2020: 2 cm top and bottom, 3 cm left,
 * 1.5 cm right; the text is 21 - 4.5 = 16.5 cm wide. */
enum {
	PAGE_W = 11906,
	PAGE_H = 16838,
	MARGIN_TOP = 1134,
	MARGIN_BOTTOM = 1134,
	MARGIN_LEFT = 1701,
	MARGIN_RIGHT = 851,
	TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT,
};

struct docx {
	buf body;
	gn_err err; /* the first failure of an append, reported at the end */
};

docx *docx_new(void)
{
	docx *x = calloc(1, sizeof *x);
	if (x)
		buf_init(&x->body, 0);
	return x;
}

void docx_free(docx *x)
{
	if (!x)
		return;
	buf_free(&x->body);
	free(x);
}

static void put(docx *x, const char *s)
{
	if (x->err == GN_OK)
		x->err = buf_puts(&x->body, s);
}

static void putf(docx *x, const char *fmt, long v)
{
	char tmp[96];
	snprintf(tmp, sizeof tmp, fmt, v);
	put(x, tmp);
}

/* Appends s escaped for XML text; '\n' ends the run and adds a break
 * (rpr: the run properties to reopen with). Characters XML 1.0 forbids
 * (controls other than tab) are dropped. */
static void put_text(docx *x, const char *s, const char *rpr)
{
	put(x, "<w:t xml:space=\"preserve\">");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char one[2] = {(char)*p, '\0'};
		switch (*p) {
		case '&': put(x, "&amp;"); break;
		case '<': put(x, "&lt;"); break;
		case '>': put(x, "&gt;"); break;
		case '"': put(x, "&quot;"); break;
		case '\n':
			put(x, "</w:t></w:r><w:r>");
			put(x, rpr);
			put(x, "<w:br/><w:t xml:space=\"preserve\">");
			break;
		case '\t': put(x, "</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
		default:
			if (*p >= 0x20)
				put(x, one);
		}
	}
	put(x, "</w:t>");
}

typedef struct para_fmt {
	const char *jc;    /* "left", "center", "right", "both" */
	bool bold, italic, fill;
	int size;          /* half points, 0: the default 26 */
	int indent;        /* first-line indent, twips */
	int before, after; /* spacing, twips */
	int outline;       /* heading level 1-3, 0: none */
} para_fmt;

static void rpr_of(const para_fmt *f, char *out, size_t n)
{
	char sz[48] = "";
	if (f->size)
		snprintf(sz, sizeof sz, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", f->size,
			 f->size);
	snprintf(out, n, "<w:rPr>%s%s%s%s</w:rPr>", f->bold ? "<w:b/><w:bCs/>" : "",
		 f->italic ? "<w:i/><w:iCs/>" : "",
		 f->fill ? "<w:highlight w:val=\"yellow\"/>" : "", sz);
}

static void para(docx *x, const para_fmt *f, const char *text)
{
	char rpr[200];
	rpr_of(f, rpr, sizeof rpr);
	put(x, "<w:p><w:pPr>");
	if (f->outline) {
		static const char *const ids[] = {"Heading1", "Heading2", "Heading3"};
		put(x, "<w:pStyle w:val=\"");
		put(x, ids[f->outline - 1]);
		put(x, "\"/><w:keepNext/>");
	}
	putf(x, "<w:spacing w:before=\"%ld\"", f->before);
	putf(x, " w:after=\"%ld\"/>", f->after);
	if (f->indent)
		putf(x, "<w:ind w:firstLine=\"%ld\"/>", f->indent);
	put(x, "<w:jc w:val=\"");
	put(x, f->jc ? f->jc : "both");
	put(x, "\"/>");
	put(x, rpr);
	put(x, "</w:pPr><w:r>");
	put(x, rpr);
	put_text(x, text ? text : "", rpr);
	put(x, "</w:r></w:p>");
}

gn_err docx_para(docx *x, docx_style style, const char *text)
{
	para_fmt f = {.jc = "both", .after = 120};
	switch (style) {
	case DOCX_BODY: f.indent = 567; break;
	case DOCX_TITLE: f.jc = "center"; f.bold = true; f.size = 28; f.before = 240; f.after = 0; break;
	case DOCX_SUBTITLE: f.jc = "center"; f.bold = true; f.after = 240; break;
	case DOCX_HEADING1: f.bold = true; f.before = 120; f.outline = 1; f.jc = "left"; break;
	case DOCX_HEADING2: f.bold = true; f.indent = 567; f.outline = 2; break;
	case DOCX_HEADING3: f.bold = true; f.italic = true; f.indent = 567; f.outline = 3; break;
	case DOCX_CENTER: f.jc = "center"; break;
	case DOCX_ITALIC: f.italic = true; f.indent = 567; break;
	case DOCX_FILL: f.italic = true; f.fill = true; f.indent = 567; break;
	case DOCX_SMALL: f.jc = "left"; f.size = 22; f.after = 0; break;
	}
	para(x, &f, text);
	return x->err;
}

/* ---- tables ---------------------------------------------------------------- */

static void cell_open(docx *x, int width, int span, const char *vmerge, bool shade)
{
	putf(x, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", width);
	if (span > 1)
		putf(x, "<w:gridSpan w:val=\"%ld\"/>", span);
	if (vmerge) {
		put(x, "<w:vMerge");
		put(x, vmerge);
		put(x, "/>");
	}
	if (shade)
		put(x, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>");
	put(x, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static void cell_para(docx *x, const char *jc, bool bold, bool italic, int size, int indent,
		      const char *text)
{
	para_fmt f = {.jc = jc, .bold = bold, .italic = italic, .size = size};
	char rpr[200];
	rpr_of(&f, rpr, sizeof rpr);
	put(x, "<w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" "
	       "w:lineRule=\"auto\"/>");
	if (indent)
		putf(x, "<w:ind w:left=\"%ld\"/>", indent);
	put(x, "<w:jc w:val=\"");
	put(x, jc);
	put(x, "\"/>");
	put(x, rpr);
	put(x, "</w:pPr>");
	if (text && *text) {
		put(x, "<w:r>");
		put(x, rpr);
		put_text(x, text, rpr);
		put(x, "</w:r>");
	}
	put(x, "</w:p>");
}

static void table_open(docx *x, const int *widths, size_t n, bool borders)
{
	put(x, "<w:tbl><w:tblPr>");
	putf(x, "<w:tblW w:w=\"%ld\" w:type=\"dxa\"/>", TEXT_W);
	if (borders) {
		put(x, "<w:tblBorders>");
		static const char *const sides[] = {"top", "left", "bottom", "right", "insideH",
						    "insideV"};
		for (size_t i = 0; i < 6; i++) {
			put(x, "<w:");
			put(x, sides[i]);
			put(x, " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
		}
		put(x, "</w:tblBorders>");
	}
	put(x, "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/>"
	       "<w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < n; i++)
		putf(x, "<w:gridCol w:w=\"%ld\"/>", widths[i]);
	put(x, "</w:tblGrid>");
}

/* The head of d covering header cell (r, c), or NULL. */
static const report_head *head_at(const report_doc *d, int r, int c)
{
	for (size_t i = 0; i < d->nheads; i++) {
		const report_head *h = &d->heads[i];
		if (r >= h->row && r < h->row + h->rowspan && c >= h->col && c < h->col + h->colspan)
			return h;
	}
	return NULL;
}

static int span_width(const int *w, int from, int n)
{
	int s = 0;
	for (int i = from; i < from + n; i++)
		s += w[i];
	return s;
}

gn_err docx_table(docx *x, const report_doc *d)
{
	size_t n = d->ncols;
	if (n == 0)
		return x->err;
	int *w = calloc(n, sizeof *w);
	if (!w)
		return GN_ENOMEM;
	long total = 0;
	for (size_t i = 0; i < n; i++)
		total += d->col_widths && d->col_widths[i] > 0 ? d->col_widths[i] : 10;
	int used = 0;
	for (size_t i = 0; i < n; i++) {
		long cw = d->col_widths && d->col_widths[i] > 0 ? d->col_widths[i] : 10;
		w[i] = (int)(cw * TEXT_W / total);
		used += w[i];
	}
	w[0] += TEXT_W - used;
	/* many columns on a portrait page: a smaller font */
	int size = n > 10 ? 18 : n > 6 ? 20 : 22;

	table_open(x, w, n, true);
	for (int r = 0; r < d->head_rows; r++) {
		put(x, "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
		for (int c = 0; c < (int)n;) {
			const report_head *h = head_at(d, r, c);
			if (!h) {
				cell_open(x, w[c], 1, NULL, true);
				cell_para(x, "center", true, false, size, 0, "");
				put(x, "</w:tc>");
				c++;
				continue;
			}
			int span = h->col + h->colspan - c;
			const char *vm = h->rowspan > 1 ? (h->row == r ? " w:val=\"restart\"" : "") : NULL;
			cell_open(x, span_width(w, c, span), span, vm, true);
			cell_para(x, "center", true, false, size, 0, h->row == r ? h->text : "");
			put(x, "</w:tc>");
			c += span;
		}
		put(x, "</w:tr>");
	}
	if (d->numbered) {
		put(x, "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
		for (size_t c = 0; c < n; c++) {
			char num[24];
			snprintf(num, sizeof num, "(%zu)", c + 1);
			cell_open(x, w[c], 1, NULL, false);
			cell_para(x, "center", false, true, size, 0, num);
			put(x, "</w:tc>");
		}
		put(x, "</w:tr>");
	}
	for (size_t r = 0; r < d->nrows; r++) {
		const report_row *row = &d->rows[r];
		bool bold = row->style != ROW_PLAIN;
		put(x, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (size_t c = 0; c < n; c++) {
			const report_cell *cell = &row->cells[c];
			char num[64] = "";
			const char *text = "";
			const char *jc = "right";
			if (cell->kind == CELL_TEXT) {
				text = cell->text ? cell->text : "";
				jc = c == 0 ? "left" : "center";
			} else if (cell->kind == CELL_INT || cell->kind == CELL_DECIMAL) {
				report_number_vn(cell->value, cell->kind == CELL_INT ? 0 : cell->scale,
						 num, sizeof num);
				text = num;
			}
			cell_open(x, w[c], 1, NULL, row->style == ROW_TOTAL);
			cell_para(x, jc, bold, false, size, c == 0 ? row->indent * 170 : 0, text);
			put(x, "</w:tc>");
		}
		put(x, "</w:tr>");
	}
	put(x, "</w:tbl>");
	free(w);
	/* Word needs a paragraph between two tables, and one after the last */
	para_fmt f = {.jc = "left", .after = 120};
	para(x, &f, "");
	return x->err;
}

/* A borderless two-column table of lines; each column's first line is
 * formatted by first_bold, the others plain unless in `italic_last`. */
static void two_columns(docx *x, int left_w, const char *const *left, size_t nl,
			const char *const *right, size_t nr, const char *ljc, const char *rjc,
			bool italic_last_right)
{
	int widths[2] = {left_w, TEXT_W - left_w};
	table_open(x, widths, 2, false);
	put(x, "<w:tr>");
	const char *const *cols[2] = {left, right};
	size_t ns[2] = {nl, nr};
	const char *jcs[2] = {ljc, rjc};
	for (int k = 0; k < 2; k++) {
		cell_open(x, widths[k], 1, NULL, false);
		if (ns[k] == 0)
			cell_para(x, jcs[k], false, false, 26, 0, "");
		for (size_t i = 0; i < ns[k]; i++) {
			const char *s = cols[k][i] ? cols[k][i] : "";
			bool bold = s[0] == '*';
			bool italic = k == 1 && italic_last_right && i + 1 == ns[k];
			cell_para(x, jcs[k], bold, italic, bold ? 26 : 26, 0, bold ? s + 1 : s);
		}
		put(x, "</w:tc>");
	}
	put(x, "</w:tr></w:tbl>");
	para_fmt f = {.jc = "left", .after = 0};
	para(x, &f, "");
}

gn_err docx_heading(docx *x, const char *issuer_parent, const char *issuer,
		    const char *number, const char *place_date)
{
	/* '*' marks a bold line (an internal convention of two_columns) */
	buf b1, b2, b3;
	buf_init(&b1, 0);
	buf_init(&b2, 0);
	buf_init(&b3, 0);
	buf_puts(&b1, issuer_parent ? issuer_parent : "");
	buf_putc(&b2, '*');
	buf_puts(&b2, issuer ? issuer : "");
	buf_puts(&b3, number ? number : "");
	const char *left[3] = {buf_cstr(&b1), buf_cstr(&b2), buf_cstr(&b3)};
	const char *right[4] = {"*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "*Độc lập - Tự do - Hạnh phúc", "",
				place_date ? place_date : ""};
	two_columns(x, TEXT_W * 2 / 5, left, 3, right, 4, "center", "center", true);
	buf_free(&b1);
	buf_free(&b2);
	buf_free(&b3);
	return x->err;
}

/* Splits s at '\n' into at most cap lines (pointers into copy). */
static size_t split_lines(char *copy, const char **lines, size_t cap)
{
	size_t n = 0;
	char *p = copy;
	while (p && n < cap) {
		lines[n++] = p;
		char *nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		p = nl;
	}
	return n;
}

gn_err docx_signatures(docx *x, const char *left, const char *right)
{
	char *lc = strdup(left ? left : "");
	char *rc = strdup(right ? right : "");
	if (!lc || !rc) {
		free(lc);
		free(rc);
		return GN_ENOMEM;
	}
	const char *l[12], *r[12];
	size_t nl = left ? split_lines(lc, l, 12) : 0;
	size_t nr = right ? split_lines(rc, r, 12) : 0;
	two_columns(x, TEXT_W / 2, l, nl, r, nr, "left", "center", false);
	free(lc);
	free(rc);
	return x->err;
}

/* ---- the package ----------------------------------------------------------- */

static const char CONTENT_TYPES[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"</Types>";

static const char RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";

static const char DOC_RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"</Relationships>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char STYLES[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:styles " W_NS ">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
	"<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/>"
	"</w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>"
	"</w:styles>";

static gn_err document_xml(const docx *x, buf *out)
{
	gn_err rc = buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				  "<w:document " W_NS "><w:body>");
	if (rc == GN_OK)
		rc = buf_put(out, x->body.p ? x->body.p : "", x->body.len);
	if (rc == GN_OK)
		rc = buf_printf(out,
				"<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
				"<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
				"w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
				"</w:body></w:document>",
				PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT);
	return rc;
}

static gn_err add_part(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s)
		return GN_ENOMEM;
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return GN_EIO;
	}
	return GN_OK;
}

gn_err docx_bytes(const docx *x, buf *out)
{
	if (x->err)
		return x->err;
	buf doc;
	buf_init(&doc, 0);
	gn_err rc = document_xml(x, &doc);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = rc == GN_OK ? zip_source_buffer_create(NULL, 0, 0, &ze) : NULL;
	zip_t *z = NULL;
	if (rc == GN_OK && !mem)
		rc = GN_ENOMEM;
	if (rc == GN_OK) {
		zip_source_keep(mem);
		z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
		if (!z)
			rc = GN_EIO;
	}
	if (rc == GN_OK)
		rc = add_part(z, "[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1);
	if (rc == GN_OK)
		rc = add_part(z, "_rels/.rels", RELS, sizeof RELS - 1);
	if (rc == GN_OK)
		rc = add_part(z, "word/_rels/document.xml.rels", DOC_RELS, sizeof DOC_RELS - 1);
	if (rc == GN_OK)
		rc = add_part(z, "word/styles.xml", STYLES, sizeof STYLES - 1);
	if (rc == GN_OK)
		rc = add_part(z, "word/document.xml", doc.p, doc.len);
	if (z) {
		if (rc == GN_OK) {
			if (zip_close(z) < 0) {
				zip_discard(z);
				rc = GN_EIO;
			}
		} else {
			zip_discard(z);
		}
	}
	if (rc == GN_OK) {
		zip_stat_t stt;
		if (zip_source_stat(mem, &stt) < 0 || zip_source_open(mem) < 0) {
			rc = GN_EIO;
		} else {
			rc = buf_grow(out, (size_t)stt.size);
			if (rc == GN_OK) {
				zip_int64_t got = zip_source_read(mem, out->p + out->len, stt.size);
				if (got < 0 || (zip_uint64_t)got != stt.size)
					rc = GN_EIO;
				else
					out->len += (size_t)got;
				out->p[out->len] = '\0';
			}
			zip_source_close(mem);
		}
	}
	if (mem)
		zip_source_free(mem);
	zip_error_fini(&ze);
	buf_free(&doc);
	return rc;
}

gn_err docx_write(const docx *x, const char *path)
{
	buf b;
	buf_init(&b, 0);
	gn_err rc = docx_bytes(x, &b);
	if (rc == GN_OK) {
		FILE *f = fopen(path, "wb");
		if (!f) {
			rc = GN_EIO;
		} else {
			if (fwrite(b.p, 1, b.len, f) != b.len)
				rc = GN_EIO;
			if (fclose(f) != 0)
				rc = GN_EIO;
		}
	}
	buf_free(&b);
	return rc;
}
