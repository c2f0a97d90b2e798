/*
 * xlsx.c - a report_doc as an official-form .xlsx worksheet (libxlsxwriter).
 *
 * Layer: report. The sheet is written top to bottom; `r` is the next free
 * row. The widths of the left (issuing unit) and right (motto, place and
 * date, signers) blocks are fractions of the table's columns, so the form
 * looks the same whatever the table's width. See xlsx.h for the number
 * format codes.
 *
 * Page breaks (doc.h) become manual row breaks (<rowBreaks>, Excel's
 * limit: 1023 a sheet; past it the document goes on in a new sheet). Excel
 * ignores manual breaks when a sheet is printed "fit to N pages", so a
 * sheet with breaks is printed at a scale that fits its columns to the
 * page's width instead.
 */
#include "xlsx.h"

#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "../core/mem.h"

#define MAX_SCALE 9   /* decimals of a number format; more are clamped */
#define MAX_INDENT 15 /* Excel's indent levels */
#define LINE_PT 15.0  /* a row of one line of 11 pt text */
#define DEFAULT_WIDTH 12
#define LOOKS 64      /* LOOK_* combinations */

enum body_kind { BK_FIRST, BK_TEXT, BK_INT, BK_DEC, BK_N };

/* The manual row breaks of one sheet, 0-terminated for libxlsxwriter. */
typedef struct sheet_breaks {
	lxw_worksheet *ws;
	lxw_row_t rows[LXW_BREAKS_MAX + 1];
	size_t n;
} sheet_breaks;

typedef struct ctx {
	const report_doc *d;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	bool has_breaks;    /* some row starts a page */
	sheet_breaks *breaks; /* one per sheet */
	size_t nsheets;
	lxw_error err;  /* the first error of a write */
	lxw_col_t last; /* the last column of the table */
	lxw_col_t lend, rbeg; /* left block [0, lend], right block [rbeg, last] */
	lxw_format *issuer, *motto1, *motto2, *form, *title, *sub, *head, *numrow,
		*note, *place, *sign;
	lxw_format *body[2][BK_N][MAX_INDENT + 1]; /* >= MAX_SCALE + 1 */
	lxw_format *text[LOOKS];                   /* ROW_TEXT cells, by look */
} ctx;

static void note_err(ctx *c, lxw_error e)
{
	if (e != LXW_NO_ERROR && c->err == LXW_NO_ERROR)
		c->err = e;
}

static gn_err map_err(lxw_error e)
{
	switch (e) {
	case LXW_NO_ERROR:
		return GN_OK;
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return GN_ENOMEM;
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
		return GN_EINPUT;
	case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
		return GN_ERANGE;
	default:
		return GN_EIO;
	}
}

static lxw_format *fmt(ctx *c, bool bold, bool italic, uint8_t align, bool border,
		       bool wrap)
{
	lxw_format *f = workbook_add_format(c->wb);
	format_set_font_name(f, "Times New Roman");
	format_set_font_size(f, 12);
	if (bold)
		format_set_bold(f);
	if (italic)
		format_set_italic(f);
	format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	return f;
}

/* The format of a body cell, made on first use. */
static lxw_format *body_fmt(ctx *c, bool bold, enum body_kind k, int n)
{
	if (n < 0)
		n = 0;
	if (k == BK_FIRST && n > MAX_INDENT)
		n = MAX_INDENT;
	if (k != BK_FIRST && n > MAX_SCALE)
		n = MAX_SCALE;
	if (k == BK_TEXT || k == BK_INT)
		n = 0;
	lxw_format **slot = &c->body[bold][k][n];
	if (*slot)
		return *slot;
	bool numeric = k == BK_INT || k == BK_DEC;
	lxw_format *f = fmt(c, bold, false, numeric ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT,
			    true, !numeric);
	if (k == BK_FIRST && n > 0)
		format_set_indent(f, (uint8_t)n);
	if (k == BK_INT)
		format_set_num_format(f, "#,##0");
	if (k == BK_DEC) {
		char code[32] = "#,##0";
		if (n > 0) {
			size_t len = strlen(code);
			code[len++] = '.';
			for (int i = 0; i < n; i++)
				code[len++] = '0';
			code[len] = '\0';
		}
		format_set_num_format(f, code);
	}
	*slot = f;
	return f;
}

/* The format of a ROW_TEXT cell of look l, made on first use. */
static lxw_format *text_fmt(ctx *c, unsigned l)
{
	l &= LOOKS - 1;
	if (c->text[l])
		return c->text[l];
	uint8_t align = (l & LOOK_CENTER) ? LXW_ALIGN_CENTER
		: (l & LOOK_RIGHT) ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT;
	lxw_format *f = fmt(c, (l & LOOK_BOLD) != 0, (l & LOOK_ITALIC) != 0, align, false, true);
	if (l & LOOK_UNDERLINE)
		format_set_underline(f, LXW_UNDERLINE_SINGLE);
	if (l & LOOK_TITLE)
		format_set_font_size(f, 14);
	c->text[l] = f;
	return f;
}

/* Writes text over columns [c1, c2] of row r, merged when they are more
 * than one; nothing for NULL. */
static void put(ctx *c, lxw_row_t r, lxw_col_t c1, lxw_col_t c2, const char *text,
		lxw_format *f)
{
	if (!text)
		return;
	if (c1 == c2)
		note_err(c, worksheet_write_string(c->ws, r, c1, text, f));
	else
		note_err(c, worksheet_merge_range(c->ws, r, c1, r, c2, text, f));
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static double width_of(const report_doc *d, size_t c1, size_t c2)
{
	double w = 0;
	for (size_t i = c1; i <= c2 && i < d->ncols; i++)
		w += d->col_widths && d->col_widths[i] > 0 ? d->col_widths[i]
							     : DEFAULT_WIDTH;
	return w;
}

/* Lines that text needs in a cell `width` characters wide (a guess: Excel
 * does not fit the height of merged cells by itself). */
static int lines_for(const char *text, double width)
{
	if (!text)
		return 1;
	int lines = 0;
	const char *s = text;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char part[1024];
		size_t take = len < sizeof part - 1 ? len : sizeof part - 1;
		memcpy(part, s, take);
		part[take] = '\0';
		/* bold capitals are wider than the average character */
		double chars = (double)utf8_chars(part) * 1.15;
		int n = (int)(chars / (width > 1 ? width - 1 : 1)) + 1;
		lines += n;
		if (!nl)
			break;
		s = nl + 1;
	}
	return lines;
}

static void set_height(ctx *c, lxw_row_t r, double h)
{
	note_err(c, worksheet_set_row(c->ws, r, h, NULL));
}

static void top_block(ctx *c, lxw_row_t *r)
{
	const report_doc *d = c->d;
	const char *left[3] = {d->issuer_parent, d->issuer, NULL};
	const char *right[2] = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc"};
	lxw_format *rf[2] = {c->motto1, c->motto2};
	size_t nl = 0;
	const char *lines[2];
	for (size_t i = 0; i < 2; i++)
		if (left[i] && *left[i])
			lines[nl++] = left[i];
	if (c->lend < c->rbeg) { /* side by side */
		for (size_t i = 0; i < 2; i++) {
			put(c, *r, 0, c->lend, i < nl ? lines[i] : NULL, c->issuer);
			put(c, *r, c->rbeg, c->last, right[i], rf[i]);
			set_height(c, *r, LINE_PT + 2);
			++*r;
		}
	} else { /* a one-column table: stacked */
		for (size_t i = 0; i < nl; i++)
			put(c, (*r)++, 0, 0, lines[i], c->issuer);
		for (size_t i = 0; i < 2; i++)
			put(c, (*r)++, 0, 0, right[i], rf[i]);
	}
	if (d->form_code && *d->form_code)
		put(c, (*r)++, 0, c->lend, d->form_code, c->form);
	++*r; /* a blank row */
	if (d->title) {
		double w = width_of(d, 0, d->ncols - 1);
		set_height(c, *r, 20.0 * lines_for(d->title, w / 1.3));
		put(c, (*r)++, 0, c->last, d->title, c->title);
	}
	for (size_t i = 0; i < d->nsubtitles && i < 4; i++) {
		if (!d->subtitles[i])
			continue;
		double w = width_of(d, 0, d->ncols - 1);
		set_height(c, *r, LINE_PT * lines_for(d->subtitles[i], w));
		put(c, (*r)++, 0, c->last, d->subtitles[i], c->sub);
	}
	++*r;
}

/* The header rows and the numbered row, from row first. */
static void header(ctx *c, lxw_row_t first)
{
	const report_doc *d = c->d;
	int hr = d->head_rows > 0 ? d->head_rows : 0;
	double h[64] = {0};
	if (hr > 64)
		hr = 64;
	for (int i = 0; i < hr; i++)
		h[i] = LINE_PT + 3;
	/* heights: single-row cells first, then spread taller cells' needs over
	 * their last row */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < d->nheads; k++) {
			const report_head *x = &d->heads[k];
			int rs = x->rowspan > 0 ? x->rowspan : 1;
			int cs = x->colspan > 0 ? x->colspan : 1;
			if (x->row < 0 || x->row + rs > hr || x->col < 0 || (pass == 0) != (rs == 1))
				continue;
			double need = (LINE_PT + 1) * lines_for(x->text,
				width_of(d, (size_t)x->col, (size_t)(x->col + cs - 1))) + 4;
			double have = 0;
			for (int i = x->row; i < x->row + rs; i++)
				have += h[i];
			if (have < need)
				h[x->row + rs - 1] += need - have;
		}
	for (int i = 0; i < hr; i++)
		set_height(c, first + (lxw_row_t)i, h[i]);
	/* borders on the cells no header cell covers */
	for (int i = 0; i < hr; i++)
		for (lxw_col_t j = 0; j <= c->last; j++)
			note_err(c, worksheet_write_blank(c->ws, first + (lxw_row_t)i, j, c->head));
	for (size_t k = 0; k < d->nheads; k++) {
		const report_head *x = &d->heads[k];
		int rs = x->rowspan > 0 ? x->rowspan : 1;
		int cs = x->colspan > 0 ? x->colspan : 1;
		if (x->row < 0 || x->col < 0 || x->row + rs > hr ||
		    (size_t)(x->col + cs) > d->ncols)
			continue;
		lxw_row_t r1 = first + (lxw_row_t)x->row, r2 = r1 + (lxw_row_t)(rs - 1);
		lxw_col_t c1 = (lxw_col_t)x->col, c2 = (lxw_col_t)(x->col + cs - 1);
		const char *t = x->text ? x->text : "";
		if (r1 == r2 && c1 == c2)
			note_err(c, worksheet_write_string(c->ws, r1, c1, t, c->head));
		else
			note_err(c, worksheet_merge_range(c->ws, r1, c1, r2, c2, t, c->head));
	}
	if (d->numbered) {
		lxw_row_t r = first + (lxw_row_t)hr;
		for (size_t j = 0; j < d->ncols; j++) {
			char num[24];
			snprintf(num, sizeof num, "(%zu)", j + 1);
			note_err(c, worksheet_write_string(c->ws, r, (lxw_col_t)j, num, c->numrow));
		}
	}
}

/* A ROW_TEXT row: each non-empty cell over the empty ones to its right. */
static void text_row(ctx *c, lxw_row_t r, const report_row *row)
{
	const report_doc *d = c->d;
	double h = LINE_PT + 1;
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *cell = &row->cells[j];
		if (cell->kind != CELL_TEXT || !cell->text || !*cell->text)
			continue;
		size_t end = j;
		while (end + 1 < d->ncols && (row->cells[end + 1].kind == CELL_EMPTY ||
					      (row->cells[end + 1].kind == CELL_TEXT &&
					       !*row->cells[end + 1].text)))
			end++;
		double line = (cell->look & LOOK_TITLE) ? 20.0 : LINE_PT + 1;
		double need = line * lines_for(cell->text, width_of(d, j, end) /
					       ((cell->look & LOOK_TITLE) ? 1.3 : 1.0));
		if (need > h)
			h = need;
		put(c, r, (lxw_col_t)j, (lxw_col_t)end, cell->text, text_fmt(c, cell->look));
		j = end;
	}
	set_height(c, r, h);
}

/* A ROW_HEAD row: header cells, one per column. */
static void head_row(ctx *c, lxw_row_t r, const report_row *row)
{
	const report_doc *d = c->d;
	int most = 1;
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *cell = &row->cells[j];
		lxw_col_t col = (lxw_col_t)j;
		if (cell->kind == CELL_TEXT && cell->text) {
			int n = lines_for(cell->text, width_of(d, j, j));
			if (n > most)
				most = n;
			note_err(c, worksheet_write_string(c->ws, r, col, cell->text, c->head));
		} else {
			note_err(c, worksheet_write_blank(c->ws, r, col, c->head));
		}
	}
	set_height(c, r, (LINE_PT + 1) * most + 4);
}

static void header(ctx *c, lxw_row_t first);
static void sheet_setup(ctx *c);

/* Row r starts a printed page: a manual break above it (none at the top
 * of a sheet); past Excel's limit of breaks, the rows go on in a new
 * sheet, with the header rows again. */
static void page_break(ctx *c, lxw_row_t *r)
{
	sheet_breaks *b = &c->breaks[c->nsheets - 1];
	if (*r == 0 || (b->n && b->rows[b->n - 1] == *r))
		return;
	if (b->n < LXW_BREAKS_MAX) {
		b->rows[b->n++] = *r;
		return;
	}
	lxw_worksheet *ws = workbook_add_worksheet(c->wb, NULL);
	if (!ws) {
		note_err(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	c->ws = ws;
	c->breaks = gn_xreallocarray(c->breaks, c->nsheets + 1, sizeof *c->breaks);
	memset(&c->breaks[c->nsheets], 0, sizeof *c->breaks);
	c->breaks[c->nsheets++].ws = ws;
	sheet_setup(c);
	*r = 0;
	const report_doc *d = c->d;
	int hr = d->head_rows > 0 ? (d->head_rows < 64 ? d->head_rows : 64) : 0;
	if (hr || d->numbered) {
		header(c, 0);
		*r = (lxw_row_t)hr + (d->numbered ? 1 : 0);
		note_err(c, worksheet_repeat_rows(c->ws, 0, *r - 1));
	}
}

static void body(ctx *c, lxw_row_t *r)
{
	const report_doc *d = c->d;
	for (size_t i = 0; i < d->nrows; i++, ++*r) {
		const report_row *row = &d->rows[i];
		if (row->page_break)
			page_break(c, r);
		if (row->style == ROW_TEXT) {
			text_row(c, *r, row);
			continue;
		}
		if (row->style == ROW_HEAD) {
			head_row(c, *r, row);
			continue;
		}
		bool bold = row->style != ROW_PLAIN;
		for (size_t j = 0; j < d->ncols; j++) {
			const report_cell *cell = &row->cells[j];
			lxw_col_t col = (lxw_col_t)j;
			enum body_kind tk = j == 0 ? BK_FIRST : BK_TEXT;
			int tn = j == 0 ? row->indent : 0;
			switch (cell->kind) {
			case CELL_TEXT:
				note_err(c, worksheet_write_string(c->ws, *r, col,
					cell->text ? cell->text : "", body_fmt(c, bold, tk, tn)));
				break;
			case CELL_INT:
				note_err(c, worksheet_write_number(c->ws, *r, col,
					(double)cell->value, body_fmt(c, bold, BK_INT, 0)));
				break;
			case CELL_DECIMAL: {
				double v = (double)cell->value;
				for (int s = 0; s < cell->scale; s++)
					v /= 10;
				note_err(c, worksheet_write_number(c->ws, *r, col, v,
					body_fmt(c, bold, BK_DEC, cell->scale)));
				break;
			}
			default:
				note_err(c, worksheet_write_blank(c->ws, *r, col,
					body_fmt(c, bold, tk, tn)));
				break;
			}
		}
	}
}

static void bottom_block(ctx *c, lxw_row_t *r)
{
	const report_doc *d = c->d;
	double w = width_of(d, 0, d->ncols - 1);
	if (d->nnotes)
		++*r;
	for (size_t i = 0; i < d->nnotes && i < 8; i++) {
		if (!d->notes[i])
			continue;
		set_height(c, *r, LINE_PT * lines_for(d->notes[i], w));
		put(c, (*r)++, 0, c->last, d->notes[i], c->note);
	}
	++*r;
	size_t ns = d->nsigners < 3 ? d->nsigners : 3;
	/* the place and date sit over the last signer (the head of the unit) */
	lxw_col_t pbeg = c->rbeg;
	if (ns > 1 && d->ncols >= ns)
		pbeg = (lxw_col_t)(d->ncols - d->ncols / ns);
	if (d->place_date)
		put(c, (*r)++, pbeg, c->last, d->place_date, c->place);
	if (ns == 1 || (ns > 1 && d->ncols < ns)) {
		for (size_t i = 0; i < ns; i++)
			put(c, (*r)++, c->rbeg, c->last, d->signers[i], c->sign);
	} else if (ns > 1) { /* equal blocks, the last one under the date */
		size_t per = d->ncols / ns, extra = d->ncols % ns, at = 0;
		for (size_t i = 0; i < ns; i++) {
			size_t n = per + (i < extra ? 1 : 0);
			put(c, *r, (lxw_col_t)at, (lxw_col_t)(at + n - 1), d->signers[i], c->sign);
			at += n;
		}
		++*r;
	}
}

/* A print scale (percent) at which the table's columns fit the width of
 * the page (A4 less the margins, 0.5 + 0.4 inch, at 96 dpi). A column's
 * width is counted in characters of the workbook's default font: 7 pixels
 * with Calibri, but about 9.5 where Calibri is missing (LibreOffice falls
 * back on DejaVu Sans), so the wider count is taken: every reader then
 * fits the columns on the page, Excel at a slightly smaller size. */
static uint16_t print_scale(const report_doc *d)
{
	double px = 0;
	for (size_t j = 0; j < d->ncols; j++)
		px += (width_of(d, j, j) + 0.71) * 9.5 + 5;
	double avail = ((d->landscape ? 11.69 : 8.27) - 0.9) * 96;
	double s = px > 0 ? 100 * avail / px : 100;
	return (uint16_t)(s >= 100 ? 100 : s <= 10 ? 10 : s);
}

/* Column widths and page setup of the current sheet. */
static void sheet_setup(ctx *c)
{
	const report_doc *d = c->d;
	for (size_t j = 0; j < d->ncols; j++)
		note_err(c, worksheet_set_column(c->ws, (lxw_col_t)j, (lxw_col_t)j,
						 width_of(d, j, j), NULL));
	worksheet_set_paper(c->ws, 9); /* A4 */
	if (d->landscape)
		worksheet_set_landscape(c->ws);
	else
		worksheet_set_portrait(c->ws);
	if (c->has_breaks)
		worksheet_set_print_scale(c->ws, print_scale(d));
	else
		worksheet_fit_to_pages(c->ws, 1, 0);
	worksheet_set_margins(c->ws, 0.5, 0.4, 0.6, 0.6);
	worksheet_center_horizontally(c->ws);
	if (!d->bare)
		note_err(c, worksheet_set_footer(c->ws, "&CTrang &P/&N"));
}

/* Lays out d on a new sheet called name (NULL: Sheet1, Sheet2...). */
static void render_sheet(ctx *c, const report_doc *d, const char *name)
{
	c->d = d;
	c->has_breaks = false;
	for (size_t i = 0; i < d->nrows; i++)
		if (d->rows[i].page_break)
			c->has_breaks = true;
	c->ws = workbook_add_worksheet(c->wb, name);
	if (!c->ws) {
		note_err(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	c->breaks = gn_xcalloc(1, sizeof *c->breaks);
	c->breaks[0].ws = c->ws;
	c->nsheets = 1;
	c->last = (lxw_col_t)(d->ncols - 1);
	if (d->ncols >= 2) {
		size_t l = d->ncols * 2 / 5;
		if (l < 1)
			l = 1;
		c->lend = (lxw_col_t)(l - 1);
		c->rbeg = (lxw_col_t)l;
	} else {
		c->lend = c->rbeg = 0;
	}
	sheet_setup(c);
	lxw_row_t r = 0;
	if (!d->bare)
		top_block(c, &r);
	lxw_row_t head_first = r;
	int hr = d->head_rows > 0 ? (d->head_rows < 64 ? d->head_rows : 64) : 0;
	if (hr || d->numbered) {
		header(c, head_first);
		r += (lxw_row_t)hr + (d->numbered ? 1 : 0);
		note_err(c, worksheet_repeat_rows(c->ws, head_first, r - 1));
	}
	body(c, &r);
	if (!d->bare)
		bottom_block(c, &r);
	for (size_t i = 0; i < c->nsheets; i++)
		if (c->breaks[i].n)
			note_err(c, worksheet_set_h_pagebreaks(c->breaks[i].ws, c->breaks[i].rows));
	free(c->breaks);
	c->breaks = NULL;
	c->nsheets = 0;
}

gn_err report_render_xlsx_book(const report_doc *const *docs, const char *const *names,
			       size_t n, const char *path)
{
	if (!docs || !path || n == 0)
		return GN_EINTERNAL;
	for (size_t i = 0; i < n; i++)
		if (!docs[i] || docs[i]->ncols == 0 || docs[i]->ncols > LXW_COL_MAX)
			return GN_EINTERNAL;
	ctx c;
	memset(&c, 0, sizeof c);
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	c.wb = workbook_new_opt(path, &opt);
	if (!c.wb)
		return GN_ENOMEM;
	c.issuer = fmt(&c, true, false, LXW_ALIGN_CENTER, false, false);
	c.motto1 = fmt(&c, true, false, LXW_ALIGN_CENTER, false, false);
	c.motto2 = fmt(&c, true, false, LXW_ALIGN_CENTER, false, false);
	format_set_underline(c.motto2, LXW_UNDERLINE_SINGLE);
	c.form = fmt(&c, false, true, LXW_ALIGN_LEFT, false, false);
	c.title = fmt(&c, true, false, LXW_ALIGN_CENTER, false, true);
	format_set_font_size(c.title, 14);
	c.sub = fmt(&c, false, true, LXW_ALIGN_CENTER, false, true);
	c.head = fmt(&c, true, false, LXW_ALIGN_CENTER, true, true);
	c.numrow = fmt(&c, false, true, LXW_ALIGN_CENTER, true, false);
	c.note = fmt(&c, false, true, LXW_ALIGN_LEFT, false, true);
	c.place = fmt(&c, false, true, LXW_ALIGN_CENTER, false, false);
	c.sign = fmt(&c, true, false, LXW_ALIGN_CENTER, false, false);

	for (size_t i = 0; i < n && c.err == LXW_NO_ERROR; i++)
		render_sheet(&c, docs[i], names ? names[i] : NULL);

	lxw_error close_err = workbook_close(c.wb);
	if (c.err != LXW_NO_ERROR) {
		remove(path);
		return map_err(c.err);
	}
	return close_err == LXW_NO_ERROR ? GN_OK
		: close_err == LXW_ERROR_MEMORY_MALLOC_FAILED ? GN_ENOMEM : GN_EIO;
}

gn_err report_render_xlsx(const report_doc *d, const char *path)
{
	return report_render_xlsx_book(&d, NULL, 1, path);
}
