/*
 * doc.h - a report as a document: what every renderer (CSV, XLSX, PDF)
 * draws, independent of the format.
 *
 * Layer: report. The engine (engine.c) fills a report_doc from a layout
 * (data/reports/NAME.*: columns, header rows, row groups, as data) and the
 * figures; renderers only lay it out. An official Vietnamese form has:
 *
 *   UBND XÃ ...                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   (issuing unit)                       Độc lập - Tự do - Hạnh phúc
 *                                   ..., ngày 20 tháng 12 năm 2024
 *                 TITLE (and subtitle lines)
 *   | header rows, with merged cells spanning columns and rows      |
 *   | (1) | (2) | (3) | ...   the numbered column row                |
 *   | body rows: units, with subtotal rows per level, TOTAL         |
 *   notes
 *                                   NGƯỜI LẬP BIỂU      CHỦ TỊCH
 *                                   (signature block)
 *
 * A document of several forms (the certificates: one A4 page per
 * household) is `bare` (no blocks above and below the rows) and carries
 * each form in its rows: ROW_TEXT rows for the lines outside a table
 * (issuing unit and motto, title, prose, signer), ROW_HEAD rows for a
 * table's header inside the body, and `page_break` on the row that starts
 * each form. Renderers: a page break starts a new printed page (PDF: a new
 * page, with the header rows repeated as on any page; XLSX: a manual row
 * break); CSV ignores it.
 *
 * Ownership: report_doc_new's document owns every string put into it
 * (copied); report_doc_free releases it (NULL accepted).
 */
#ifndef GN_REPORT_DOC_H
#define GN_REPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cell_kind {
	CELL_EMPTY,
	CELL_TEXT,
	CELL_INT,      /* whole number: 2.481.000 in Vietnamese format */
	CELL_DECIMAL,  /* fixed point: value / 10^scale, e.g. a rate 5,71 */
} cell_kind;

typedef struct report_cell {
	cell_kind kind;
	const char *text; /* CELL_TEXT */
	int64_t value;    /* CELL_INT, CELL_DECIMAL */
	int scale;        /* CELL_DECIMAL: decimals */
	unsigned look;    /* ROW_TEXT cells: LOOK_* or-ed (0: plain, left) */
} report_cell;

/* How the text of a cell of a ROW_TEXT row looks. */
enum {
	LOOK_BOLD = 1,
	LOOK_ITALIC = 2,
	LOOK_UNDERLINE = 4,
	LOOK_TITLE = 8,   /* the size of a title */
	LOOK_CENTER = 16,
	LOOK_RIGHT = 32,
};

/* A header cell: text spanning `colspan` columns and `rowspan` header rows
 * from (row, col), both 0-based within the header block. */
typedef struct report_head {
	int row, col, rowspan, colspan;
	const char *text;
} report_head;

typedef enum row_style {
	ROW_PLAIN,     /* a unit */
	ROW_SUBTOTAL,  /* a unit that has the rows below it (bold) */
	ROW_TOTAL,     /* the grand total (bold) */
	ROW_HEAD,      /* a header row inside the body: bold, centred, bordered */
	ROW_TEXT,      /* a line outside any table, no borders: each non-empty
			* cell's text runs over the empty cells to its right
			* (merged), looking as its cell's `look` says */
} row_style;

typedef struct report_row {
	row_style style;
	int indent;          /* depth in the hierarchy, for the first column */
	report_cell *cells;  /* ncols of them */
	bool page_break;     /* a new printed page starts with this row (no
			      * effect on the first row of a page) */
} report_row;

typedef struct report_doc {
	/* the block at the top */
	const char *issuer_parent;  /* "UBND TỈNH SƠN LA" */
	const char *issuer;         /* "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" */
	const char *form_code;      /* "Biểu số 01" (optional) */
	const char *title;
	const char *subtitles[4];
	size_t nsubtitles;
	/* the table */
	size_t ncols;
	const char **col_keys;      /* machine names (CSV header), ncols */
	int *col_widths;            /* in characters, ncols (0: default) */
	report_head *heads;         /* merged header cells */
	size_t nheads;
	int head_rows;              /* header rows, above the numbered row */
	bool numbered;              /* the (1) (2) (3) row */
	report_row *rows;
	size_t nrows, caprows;
	/* the block at the bottom */
	const char *notes[8];
	size_t nnotes;
	const char *place_date;     /* "Sơn La, ngày 20 tháng 12 năm 2024" */
	const char *signers[3];     /* "NGƯỜI LẬP BIỂU", "CHỦ TỊCH" */
	size_t nsigners;
	bool landscape;
	bool bare;                  /* no top or bottom block (and no page
				     * numbers): the rows carry the forms */
	void *pool;                 /* the strings (private) */
} report_doc;

report_doc *report_doc_new(size_t ncols);
void report_doc_free(report_doc *d);
/* A copy of s owned by the document. */
const char *report_doc_str(report_doc *d, const char *s);
/* Appends a row of ncols empty cells and returns it. */
report_row *report_doc_add_row(report_doc *d, row_style style, int indent);
void report_cell_text(report_doc *d, report_row *r, size_t col, const char *s);
void report_cell_int(report_row *r, size_t col, int64_t v);
void report_cell_decimal(report_row *r, size_t col, int64_t v, int scale);
/* A text cell with a look (LOOK_*), for ROW_TEXT rows. */
void report_cell_look(report_doc *d, report_row *r, size_t col, const char *s,
		      unsigned look);
void report_doc_head(report_doc *d, int row, int col, int rowspan, int colspan,
		     const char *text);

#endif
