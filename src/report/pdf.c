/*
 * pdf.c - a report_doc as a PDF with cairo. Layer: report. See pdf.h.
 *
 * The document is laid out twice by the same code: a dry pass (nothing
 * drawn) counts the pages, so that the drawing pass can write "Trang N/M"
 * on each. Text is measured with the real font in both passes.
 */
#include "pdf.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "../core/mem.h"

#define FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define A4_W 595.276
#define A4_H 841.890
#define MARGIN_X 36.0
#define MARGIN_TOP 32.0
#define MARGIN_BOTTOM 36.0 /* the page number sits inside it */
#define PAD 3.0            /* inside a table cell */
#define FS_BODY 8.5
#define FS_TOP 10.0
#define FS_TITLE 13.0
#define LINE 1.22 /* line height / font size */
#define INDENT_PT 8.0
#define DEFAULT_WIDTH 12
#define MAX_LINES 64
#define MAX_HEAD_ROWS 64

/* ---- fonts: loaded once, kept for the process ----------------------------------- */

static pthread_once_t fonts_once = PTHREAD_ONCE_INIT;
static cairo_font_face_t *font_regular, *font_bold, *font_italic, *font_bold_italic;

static cairo_font_face_t *load_face(FT_Library lib, const char *file, bool bold, bool italic)
{
	FT_Face face;
	if (lib && FT_New_Face(lib, file, 0, &face) == 0) {
		cairo_font_face_t *f = cairo_ft_font_face_create_for_ft_face(face, 0);
		if (cairo_font_face_status(f) == CAIRO_STATUS_SUCCESS)
			return f; /* face and f live as long as the process */
		cairo_font_face_destroy(f);
		FT_Done_Face(face);
	}
	return cairo_toy_font_face_create("DejaVu Sans",
					  italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
					  bold ? CAIRO_FONT_WEIGHT_BOLD
					       : CAIRO_FONT_WEIGHT_NORMAL);
}

static void fonts_init(void)
{
	static FT_Library lib;
	if (FT_Init_FreeType(&lib) != 0)
		lib = NULL;
	font_regular = load_face(lib, FONT_DIR "DejaVuSans.ttf", false, false);
	font_bold = load_face(lib, FONT_DIR "DejaVuSans-Bold.ttf", true, false);
	font_italic = load_face(lib, FONT_DIR "DejaVuSans-Oblique.ttf", false, true);
	font_bold_italic = load_face(lib, FONT_DIR "DejaVuSans-BoldOblique.ttf", true, true);
}

/* ---- numbers -------------------------------------------------------------------- */

void report_number_vn(int64_t v, int scale, char *out, size_t n)
{
	if (!out || n == 0)
		return;
	if (scale < 0)
		scale = 0;
	if (scale > 18)
		scale = 18;
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char digits[24];
	int nd = 0;
	do {
		digits[nd++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	while (nd <= scale) /* at least one digit before the comma */
		digits[nd++] = '0';
	char tmp[48];
	size_t k = 0;
	if (v < 0)
		tmp[k++] = '-';
	for (int i = nd - 1; i >= scale; i--) {
		tmp[k++] = digits[i];
		int left = i - scale; /* whole digits still to come */
		if (left > 0 && left % 3 == 0)
			tmp[k++] = '.';
	}
	if (scale > 0) {
		tmp[k++] = ',';
		for (int i = scale - 1; i >= 0; i--)
			tmp[k++] = digits[i];
	}
	tmp[k] = '\0';
	size_t len = k < n - 1 ? k : n - 1;
	memcpy(out, tmp, len);
	out[len] = '\0';
}

/* ---- text ------------------------------------------------------------------------- */

typedef struct pdf {
	const report_doc *d;
	cairo_t *cr;
	bool draw;          /* false in the counting pass */
	double pw, ph;      /* page size */
	double x0, x1, ybot; /* usable area */
	double y;           /* the next free line */
	double *colx;       /* ncols + 1 column edges */
	double head_h[MAX_HEAD_ROWS];
	int hr;             /* header rows drawn */
	double num_h;       /* the numbered row's height (0: none) */
	int page, pages;
	bool table_started; /* pages after this get the header rows */
	bool fresh;         /* nothing but the repeated header on this page yet */
} pdf;

typedef struct lines {
	char *s[MAX_LINES];
	int n;
} lines;

static void lines_free(lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->s[i]);
	l->n = 0;
}

static void font(pdf *p, bool bold, double size)
{
	cairo_set_font_face(p->cr, bold ? font_bold : font_regular);
	cairo_set_font_size(p->cr, size);
}

/* The font of a ROW_TEXT cell's look (doc.h). */
static void font_look(pdf *p, unsigned look)
{
	bool b = look & LOOK_BOLD, i = look & LOOK_ITALIC;
	cairo_set_font_face(p->cr, b && i ? font_bold_italic : b ? font_bold
				   : i ? font_italic : font_regular);
	cairo_set_font_size(p->cr, (look & LOOK_TITLE) ? FS_TITLE : FS_TOP);
}

static double text_w(pdf *p, const char *s)
{
	cairo_text_extents_t e;
	cairo_text_extents(p->cr, s, &e);
	return e.x_advance;
}

static void push_line(lines *l, const char *s, size_t len)
{
	if (l->n < MAX_LINES)
		l->s[l->n++] = gn_xstrndup(s, len);
}

/* Breaks text into lines no wider than width with the current font (a
 * word wider than width gets a line of its own, overflowing). */
static void wrap(pdf *p, const char *text, double width, lines *out)
{
	out->n = 0;
	if (!text)
		text = "";
	const char *s = text;
	for (;;) { /* one paragraph per '\n' */
		const char *nl = strchr(s, '\n');
		size_t plen = nl ? (size_t)(nl - s) : strlen(s);
		char *para = gn_xstrndup(s, plen);
		size_t cap = plen + 1;
		char *cur = gn_xmalloc(cap), *cand = gn_xmalloc(cap + 1);
		size_t clen = 0;
		const char *w = para;
		for (;;) {
			while (*w == ' ')
				w++;
			if (!*w)
				break;
			const char *e = strchr(w, ' ');
			size_t wlen = e ? (size_t)(e - w) : strlen(w);
			memcpy(cand, cur, clen);
			size_t nlen = clen;
			if (clen)
				cand[nlen++] = ' ';
			memcpy(cand + nlen, w, wlen);
			nlen += wlen;
			cand[nlen] = '\0';
			if (clen == 0 || text_w(p, cand) <= width) {
				memcpy(cur, cand, nlen);
				clen = nlen;
			} else {
				push_line(out, cur, clen);
				memcpy(cur, w, wlen);
				clen = wlen;
			}
			w += wlen;
		}
		push_line(out, cur, clen);
		free(cur);
		free(cand);
		free(para);
		if (!nl)
			break;
		s = nl + 1;
	}
}

enum align { LEFT, CENTER, RIGHT };

/* The current font's line height (cairo keeps the size as the font
 * matrix's yy). */
static double line_h(pdf *p)
{
	cairo_matrix_t m;
	cairo_get_font_matrix(p->cr, &m);
	return m.yy * LINE;
}

/* Draws the lines of l with the current font, the first line's top at y,
 * aligned within [x, x + w]. */
static void draw_lines(pdf *p, const lines *l, double x, double w, double y,
		       enum align a, bool underline)
{
	if (!p->draw)
		return;
	cairo_font_extents_t fe;
	cairo_font_extents(p->cr, &fe);
	double lh = line_h(p);
	for (int i = 0; i < l->n; i++) {
		double tw = text_w(p, l->s[i]);
		double tx = a == LEFT ? x : a == CENTER ? x + (w - tw) / 2 : x + w - tw;
		double base = y + i * lh + fe.ascent;
		cairo_move_to(p->cr, tx, base);
		cairo_show_text(p->cr, l->s[i]);
		if (underline) {
			cairo_set_line_width(p->cr, 0.6);
			cairo_move_to(p->cr, tx, base + 2);
			cairo_line_to(p->cr, tx + tw, base + 2);
			cairo_stroke(p->cr);
		}
	}
}

/* Wraps and draws text in [x, x + w] from y; returns the height used. */
static double para(pdf *p, const char *text, double x, double w, double y,
		   enum align a, bool underline)
{
	lines l;
	wrap(p, text, w, &l);
	draw_lines(p, &l, x, w, y, a, underline);
	double h = l.n * line_h(p);
	lines_free(&l);
	return h;
}

static void cell_box(pdf *p, double x, double y, double w, double h)
{
	if (!p->draw)
		return;
	cairo_set_line_width(p->cr, 0.5);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
}

/* ---- pages -------------------------------------------------------------------- */

static void page_foot(pdf *p)
{
	if (!p->draw)
		return;
	if (p->d->bare) { /* forms (certificates) carry no page numbers */
		cairo_show_page(p->cr);
		return;
	}
	char s[48];
	snprintf(s, sizeof s, "Trang %d/%d", p->page, p->pages);
	font(p, false, 8);
	lines l = {.n = 0};
	push_line(&l, s, strlen(s));
	draw_lines(p, &l, p->x0, p->x1 - p->x0, p->ph - MARGIN_BOTTOM + 12, CENTER, false);
	lines_free(&l);
	cairo_show_page(p->cr);
}

static void table_header(pdf *p);

static void new_page(pdf *p)
{
	page_foot(p);
	p->page++;
	p->y = MARGIN_TOP;
	if (p->table_started)
		table_header(p);
	p->fresh = true;
}

/* Starts a new page when h more points do not fit on this one. */
static void need(pdf *p, double h)
{
	if (p->y + h > p->ybot && p->y > MARGIN_TOP + 1)
		new_page(p);
}

/* ---- the table -------------------------------------------------------------------- */

static bool head_ok(const pdf *p, const report_head *x, int *rs, int *cs)
{
	*rs = x->rowspan > 0 ? x->rowspan : 1;
	*cs = x->colspan > 0 ? x->colspan : 1;
	return x->row >= 0 && x->col >= 0 && x->row + *rs <= p->hr &&
	       (size_t)(x->col + *cs) <= p->d->ncols;
}

static void measure_header(pdf *p)
{
	const report_doc *d = p->d;
	font(p, true, FS_BODY);
	double lh = line_h(p);
	for (int i = 0; i < p->hr; i++)
		p->head_h[i] = lh + 2 * PAD;
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < d->nheads; k++) {
			const report_head *x = &d->heads[k];
			int rs, cs;
			if (!head_ok(p, x, &rs, &cs) || (pass == 0) != (rs == 1))
				continue;
			double w = p->colx[x->col + cs] - p->colx[x->col] - 2 * PAD;
			lines l;
			wrap(p, x->text, w, &l);
			double need_h = l.n * lh + 2 * PAD, have = 0;
			lines_free(&l);
			for (int i = x->row; i < x->row + rs; i++)
				have += p->head_h[i];
			if (have < need_h)
				p->head_h[x->row + rs - 1] += need_h - have;
		}
	font(p, false, FS_BODY);
	p->num_h = d->numbered ? line_h(p) + 2 * PAD : 0;
}

static void table_header(pdf *p)
{
	const report_doc *d = p->d;
	double rowy[MAX_HEAD_ROWS + 1];
	rowy[0] = p->y;
	for (int i = 0; i < p->hr; i++)
		rowy[i + 1] = rowy[i] + p->head_h[i];
	bool *covered = gn_xcalloc((size_t)(p->hr ? p->hr : 1) * d->ncols, 1);
	font(p, true, FS_BODY);
	double lh = line_h(p);
	for (size_t k = 0; k < d->nheads; k++) {
		const report_head *x = &d->heads[k];
		int rs, cs;
		if (!head_ok(p, x, &rs, &cs))
			continue;
		for (int i = x->row; i < x->row + rs; i++)
			for (int j = x->col; j < x->col + cs; j++)
				covered[(size_t)i * d->ncols + (size_t)j] = true;
		double cx = p->colx[x->col], cw = p->colx[x->col + cs] - cx;
		double cy = rowy[x->row], ch = rowy[x->row + rs] - cy;
		cell_box(p, cx, cy, cw, ch);
		lines l;
		wrap(p, x->text, cw - 2 * PAD, &l);
		draw_lines(p, &l, cx + PAD, cw - 2 * PAD, cy + (ch - l.n * lh) / 2, CENTER,
			   false);
		lines_free(&l);
	}
	for (int i = 0; i < p->hr; i++)
		for (size_t j = 0; j < d->ncols; j++)
			if (!covered[(size_t)i * d->ncols + j])
				cell_box(p, p->colx[j], rowy[i], p->colx[j + 1] - p->colx[j],
					 p->head_h[i]);
	free(covered);
	p->y = rowy[p->hr];
	if (d->numbered) {
		font(p, false, FS_BODY);
		for (size_t j = 0; j < d->ncols; j++) {
			char s[24];
			snprintf(s, sizeof s, "(%zu)", j + 1);
			lines l = {.n = 0};
			push_line(&l, s, strlen(s));
			double cw = p->colx[j + 1] - p->colx[j];
			cell_box(p, p->colx[j], p->y, cw, p->num_h);
			draw_lines(p, &l, p->colx[j], cw, p->y + PAD, CENTER, false);
			lines_free(&l);
		}
		p->y += p->num_h;
	}
}

static void cell_text(const report_cell *c, char *out, size_t n)
{
	switch (c->kind) {
	case CELL_INT:
		report_number_vn(c->value, 0, out, n);
		break;
	case CELL_DECIMAL:
		report_number_vn(c->value, c->scale, out, n);
		break;
	default:
		out[0] = '\0';
		break;
	}
}

/* A ROW_TEXT row: each non-empty cell over the empty ones to its right,
 * no borders. */
static void text_row(pdf *p, const report_row *row)
{
	const report_doc *d = p->d;
	double h = 0;
	font_look(p, 0);
	double blank = line_h(p);
	/* measure, then draw (the row moves to a new page as a whole) */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t j = 0; j < d->ncols; j++) {
			const report_cell *c = &row->cells[j];
			if (c->kind != CELL_TEXT || !c->text || !*c->text)
				continue;
			size_t e = j;
			while (e + 1 < d->ncols && (row->cells[e + 1].kind == CELL_EMPTY ||
						    (row->cells[e + 1].kind == CELL_TEXT &&
						     !*row->cells[e + 1].text)))
				e++;
			font_look(p, c->look);
			double x = p->colx[j] + PAD, w = p->colx[e + 1] - p->colx[j] - 2 * PAD;
			enum align a = (c->look & LOOK_CENTER) ? CENTER
				: (c->look & LOOK_RIGHT) ? RIGHT : LEFT;
			if (pass == 0) {
				lines l;
				wrap(p, c->text, w, &l);
				double lh = l.n * line_h(p);
				if (lh > h)
					h = lh;
				lines_free(&l);
			} else {
				para(p, c->text, x, w, p->y, a, (c->look & LOOK_UNDERLINE) != 0);
			}
			j = e;
		}
		if (pass == 0) {
			if (h < blank)
				h = blank;
			need(p, h);
		}
	}
	p->y += h;
	p->fresh = false;
}

/* A ROW_HEAD row: bold centred cells in boxes. */
static void head_row(pdf *p, const report_row *row)
{
	const report_doc *d = p->d;
	font(p, true, FS_BODY);
	double lh = line_h(p);
	int most = 1;
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *c = &row->cells[j];
		if (c->kind != CELL_TEXT)
			continue;
		lines l;
		wrap(p, c->text, p->colx[j + 1] - p->colx[j] - 2 * PAD, &l);
		if (l.n > most)
			most = l.n;
		lines_free(&l);
	}
	double h = most * lh + 2 * PAD;
	need(p, h);
	font(p, true, FS_BODY);
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *c = &row->cells[j];
		double cx = p->colx[j], cw = p->colx[j + 1] - cx;
		cell_box(p, cx, p->y, cw, h);
		if (c->kind != CELL_TEXT)
			continue;
		lines l;
		wrap(p, c->text, cw - 2 * PAD, &l);
		draw_lines(p, &l, cx + PAD, cw - 2 * PAD, p->y + (h - l.n * lh) / 2, CENTER,
			   false);
		lines_free(&l);
	}
	p->y += h;
	p->fresh = false;
}

static void body_row(pdf *p, const report_row *row)
{
	const report_doc *d = p->d;
	if (row->page_break && !p->fresh)
		new_page(p);
	if (row->style == ROW_TEXT) {
		text_row(p, row);
		return;
	}
	if (row->style == ROW_HEAD) {
		head_row(p, row);
		return;
	}
	font(p, row->style != ROW_PLAIN, FS_BODY);
	double lh = line_h(p);
	int depth = row->indent > 0 ? (row->indent < 10 ? row->indent : 10) : 0;
	/* the height: the tallest wrapped text cell */
	int most = 1;
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *c = &row->cells[j];
		if (c->kind != CELL_TEXT)
			continue;
		double w = p->colx[j + 1] - p->colx[j] - 2 * PAD - (j == 0 ? depth * INDENT_PT : 0);
		lines l;
		wrap(p, c->text, w, &l);
		if (l.n > most)
			most = l.n;
		lines_free(&l);
	}
	double h = most * lh + 2 * PAD;
	need(p, h);
	font(p, row->style != ROW_PLAIN, FS_BODY);
	for (size_t j = 0; j < d->ncols; j++) {
		const report_cell *c = &row->cells[j];
		double cx = p->colx[j], cw = p->colx[j + 1] - cx;
		cell_box(p, cx, p->y, cw, h);
		if (c->kind == CELL_TEXT) {
			double ind = j == 0 ? depth * INDENT_PT : 0;
			lines l;
			wrap(p, c->text, cw - 2 * PAD - ind, &l);
			draw_lines(p, &l, cx + PAD + ind, cw - 2 * PAD - ind, p->y + PAD, LEFT,
				   false);
			lines_free(&l);
		} else if (c->kind != CELL_EMPTY) {
			char s[48];
			cell_text(c, s, sizeof s);
			lines l = {.n = 0};
			push_line(&l, s, strlen(s));
			draw_lines(p, &l, cx + PAD, cw - 2 * PAD, p->y + PAD, RIGHT, false);
			lines_free(&l);
		}
	}
	p->y += h;
	p->fresh = false;
}

/* ---- the blocks above and below ------------------------------------------------------ */

static void top_block(pdf *p)
{
	const report_doc *d = p->d;
	double W = p->x1 - p->x0, lw = W * 0.4, rx = p->x0 + lw, rw = W - lw;
	font(p, true, FS_TOP);
	double yl = p->y, yr = p->y;
	if (d->issuer_parent && *d->issuer_parent)
		yl += para(p, d->issuer_parent, p->x0, lw, yl, CENTER, false);
	if (d->issuer && *d->issuer)
		yl += para(p, d->issuer, p->x0, lw, yl, CENTER, false);
	yr += para(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rx, rw, yr, CENTER, false);
	yr += para(p, "Độc lập - Tự do - Hạnh phúc", rx, rw, yr, CENTER, true);
	p->y = yl > yr ? yl : yr;
	if (d->form_code && *d->form_code) {
		font(p, false, FS_BODY);
		p->y += 2 + para(p, d->form_code, p->x0, lw, p->y + 2, CENTER, false);
	}
	p->y += 12;
	if (d->title && *d->title) {
		font(p, true, FS_TITLE);
		p->y += para(p, d->title, p->x0, W, p->y, CENTER, false);
	}
	font(p, false, FS_TOP);
	for (size_t i = 0; i < d->nsubtitles && i < 4; i++)
		if (d->subtitles[i])
			p->y += para(p, d->subtitles[i], p->x0, W, p->y, CENTER, false);
	p->y += 10;
}

/* The x range of signer i of ns, and of the place-and-date line (over the
 * last signer, or the right 60 % of the page for one signer). */
static void signer_span(pdf *p, size_t i, size_t ns, double *x, double *w)
{
	double W = p->x1 - p->x0;
	if (ns <= 1) {
		*x = p->x0 + W * 0.4;
		*w = W * 0.6;
	} else {
		*w = W / (double)ns;
		*x = p->x0 + *w * (double)i;
	}
}

static double bottom_block(pdf *p, bool really)
{
	const report_doc *d = p->d;
	bool keep = p->draw;
	p->draw = p->draw && really;
	double y = p->y + 8, W = p->x1 - p->x0;
	font(p, false, FS_BODY);
	for (size_t i = 0; i < d->nnotes && i < 8; i++)
		if (d->notes[i])
			y += para(p, d->notes[i], p->x0, W, y, LEFT, false);
	y += 8;
	size_t ns = d->nsigners < 3 ? d->nsigners : 3;
	double x, w;
	if (d->place_date && *d->place_date) {
		signer_span(p, ns ? ns - 1 : 0, ns, &x, &w);
		font(p, false, FS_TOP);
		y += para(p, d->place_date, x, w, y, CENTER, false);
	}
	font(p, true, FS_TOP);
	double most = 0;
	for (size_t i = 0; i < ns; i++) {
		if (!d->signers[i])
			continue;
		signer_span(p, i, ns, &x, &w);
		double h = para(p, d->signers[i], x, w, y, CENTER, false);
		if (h > most)
			most = h;
	}
	y += most + (ns ? 56 : 0); /* room to sign */
	p->draw = keep;
	return y - p->y;
}

static void layout(pdf *p)
{
	const report_doc *d = p->d;
	p->page = 1;
	p->y = MARGIN_TOP;
	p->table_started = false;
	p->fresh = true;
	if (!d->bare) {
		top_block(p);
		p->fresh = false;
	}
	if (p->hr || d->numbered) {
		need(p, p->hr ? p->head_h[0] : p->num_h);
		table_header(p);
		p->table_started = true;
	}
	for (size_t i = 0; i < d->nrows; i++)
		body_row(p, &d->rows[i]);
	p->table_started = false;
	if (!d->bare) {
		need(p, bottom_block(p, false));
		bottom_block(p, true);
	}
	page_foot(p);
}

gn_err report_render_pdf(const report_doc *d, const char *path)
{
	if (!d || !path || d->ncols == 0)
		return GN_EINTERNAL;
	pthread_once(&fonts_once, fonts_init);
	pdf p;
	memset(&p, 0, sizeof p);
	p.d = d;
	p.pw = d->landscape ? A4_H : A4_W;
	p.ph = d->landscape ? A4_W : A4_H;
	p.x0 = MARGIN_X;
	p.x1 = p.pw - MARGIN_X;
	p.ybot = p.ph - MARGIN_BOTTOM;
	cairo_surface_t *s = cairo_pdf_surface_create(path, p.pw, p.ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return GN_EIO;
	}
	if (d->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "gnbv");
	p.cr = cairo_create(s);
	cairo_set_source_rgb(p.cr, 0, 0, 0);

	/* columns: the document's widths scaled to the page */
	p.colx = gn_xmalloc((d->ncols + 1) * sizeof *p.colx);
	double total = 0;
	for (size_t j = 0; j < d->ncols; j++)
		total += d->col_widths && d->col_widths[j] > 0 ? d->col_widths[j]
							       : DEFAULT_WIDTH;
	p.colx[0] = p.x0;
	for (size_t j = 0; j < d->ncols; j++) {
		double w = d->col_widths && d->col_widths[j] > 0 ? d->col_widths[j]
								: DEFAULT_WIDTH;
		p.colx[j + 1] = p.colx[j] + (p.x1 - p.x0) * w / total;
	}
	p.hr = d->head_rows > 0 ? (d->head_rows < MAX_HEAD_ROWS ? d->head_rows
								: MAX_HEAD_ROWS) : 0;
	measure_header(&p);

	p.draw = false; /* count the pages */
	layout(&p);
	p.pages = p.page;
	p.draw = true;
	layout(&p);

	cairo_status_t st = cairo_status(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	cairo_status_t sst = cairo_surface_status(s);
	cairo_surface_destroy(s);
	free(p.colx);
	if (st == CAIRO_STATUS_INVALID_STRING) {
		remove(path);
		return GN_EINPUT;
	}
	if (st == CAIRO_STATUS_NO_MEMORY || sst == CAIRO_STATUS_NO_MEMORY)
		return GN_ENOMEM;
	if (st != CAIRO_STATUS_SUCCESS || sst != CAIRO_STATUS_SUCCESS) {
		remove(path);
		return GN_EIO;
	}
	return GN_OK;
}
