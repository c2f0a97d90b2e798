/*
 * docx.h - an editable Word document (Office Open XML, .docx) that an
 * officer finishes in Word or LibreOffice Writer: the drafts of the
 * programme's monitoring and evaluation reports (Mẫu 01, Mẫu 02).
 *
 * Layer: report. A document is a list of blocks appended in order:
 * paragraphs (with a style: title, headings, body, centred, italic...),
 * "fill in" paragraphs for the narrative an officer writes (highlighted,
 * so none is forgotten), the two-column heading of an administrative
 * document (issuer | national motto), and tables taken from a report_doc
 * (doc.h: merged header cells, the numbered column row, totals), so a
 * table looks the same in the DOCX as in the XLSX and PDF. Page: A4
 * portrait, margins of Decree 30/2020/NĐ-CP (top and bottom 2 cm, left
 * 3 cm, right 1.5 cm), Times New Roman 13 pt.
 *
 * Ownership: docx_new's document copies every string it is given;
 * docx_free releases it (NULL accepted). Errors: GN_ENOMEM, GN_EIO.
 */
#ifndef GN_REPORT_DOCX_H
#define GN_REPORT_DOCX_H

#include "../core/buf.h"
#include "../core/err.h"
#include "doc.h"

typedef enum docx_style {
	DOCX_BODY,      /* justified body text, first-line indent */
	DOCX_TITLE,     /* centred, bold, capitals as given */
	DOCX_SUBTITLE,  /* centred, bold */
	DOCX_HEADING1,  /* "I. ..." bold */
	DOCX_HEADING2,  /* "1. ..." bold */
	DOCX_HEADING3,  /* "a) ..." bold italic */
	DOCX_CENTER,    /* centred */
	DOCX_ITALIC,    /* italic body */
	DOCX_FILL,      /* a place for the officer's text: italic, highlighted */
	DOCX_SMALL,     /* 11 pt, left: "Nơi nhận" lists, notes */
} docx_style;

typedef struct docx docx;

docx *docx_new(void);
void docx_free(docx *x);
/* Appends a paragraph (UTF-8; '\n' in text becomes a line break). */
gn_err docx_para(docx *x, docx_style style, const char *text);
/* Appends the heading block of an administrative document: a borderless
 * table whose left column holds the issuer lines (the last one bold and
 * underlined by a rule) and "Số: ..." and whose right column holds the
 * national motto and the place/date line (italic). */
gn_err docx_heading(docx *x, const char *issuer_parent, const char *issuer,
		    const char *number, const char *place_date);
/* Appends the table of d (header rows with merged cells, the numbered
 * row, body rows with subtotal/total styles; no title block: the caller
 * writes its own heading paragraphs). Landscape tables are fitted to the
 * portrait width (column widths in proportion). */
gn_err docx_table(docx *x, const report_doc *d);
/* Appends a signature block: up to two columns (left, right), each a
 * bold title and a name line left empty. NULL for a missing column. */
gn_err docx_signatures(docx *x, const char *left, const char *right);

/* The .docx file (a zip) into out. */
gn_err docx_bytes(const docx *x, buf *out);
gn_err docx_write(const docx *x, const char *path);

#endif
