/*
 * xlsx_read.c - the first worksheet of an .xlsx as CSV text (xlsx_read.h).
 *
 * Layer: io. An .xlsx is a ZIP package of XML parts. Four of them matter:
 * xl/workbook.xml (the sheets, in tab order, and the date system),
 * xl/_rels/workbook.xml.rels (where each sheet's part is), xl/styles.xml
 * (which cell styles are dates) and xl/sharedStrings.xml (the text of
 * t="s" cells). Each part is streamed through expat in blocks, with
 * namespaces resolved (elements are matched by local name, whatever
 * prefix the writer chose); the sheet is turned into CSV row by row.
 */
#include "xlsx_read.h"
#include "xlsx_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "../core/date.h"
#include "../core/mem.h"
#include "csv.h"

#define PART_MAX ((zip_uint64_t)1 << 30) /* bytes of XML read from one part */
#define MAX_COLUMNS 16384                /* XFD, Excel's last column */
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

bool xlsx_is(const void *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

const char *xlsx_local_name(const char *n)
{
	const char *p = strrchr(n, '|');
	return p ? p + 1 : n;
}

bool xlsx_elem_is(const char *n, const char *local)
{
	return strcmp(xlsx_local_name(n), local) == 0;
}

const char *xlsx_attr(const XML_Char **a, const char *name)
{
	for (size_t i = 0; a[i]; i += 2)
		if (strcmp(a[i], name) == 0)
			return a[i + 1];
	return NULL;
}

/* ---- streaming one part through expat -------------------------------------------- */

void xlsx_stop(xlsx_part *c, gn_err err, const char *why)
{
	if (c->err)
		return;
	c->err = err;
	c->why = why;
	XML_StopParser(c->p, XML_FALSE);
}

gn_err xlsx_open(const void *data, size_t len, const char *name, gn_diag *d,
		 zip_t **out)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!z) {
		diag_error(d, name, 0, "", "not a readable spreadsheet (.xlsx): %s",
			   zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return GN_EINPUT;
	}
	zip_error_fini(&ze);
	*out = z;
	return GN_OK;
}

gn_err xlsx_parse_part(zip_t *z, const char *entry, XML_StartElementHandler start,
		       XML_EndElementHandler end, XML_CharacterDataHandler text,
		       xlsx_part *ctx, const char *name, gn_diag *d, bool *found)
{
	*found = false;
	zip_file_t *f = zip_fopen(z, entry, 0);
	if (!f)
		return GN_OK;
	*found = true;
	XML_Parser p = XML_ParserCreateNS("UTF-8", '|');
	if (!p) {
		zip_fclose(f);
		return GN_ENOMEM;
	}
	ctx->p = p;
	ctx->err = GN_OK;
	XML_SetUserData(p, ctx);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	char *block = gn_xmalloc(1 << 16);
	zip_uint64_t total = 0;
	gn_err err = GN_OK;
	for (;;) {
		zip_int64_t n = zip_fread(f, block, 1 << 16);
		if (n < 0) {
			diag_error(d, name, 0, "", "cannot read %s from the workbook: %s", entry,
				   zip_strerror(z));
			err = GN_EINPUT;
			break;
		}
		total += (zip_uint64_t)n;
		if (total > PART_MAX) {
			diag_error(d, name, 0, "", "%s is larger than 1 GiB; split the workbook",
				   entry);
			err = GN_ENOMEM;
			break;
		}
		if (XML_Parse(p, block, (int)n, n == 0) != XML_STATUS_OK) {
			if (ctx->err) {
				err = ctx->err;
				if (ctx->why)
					diag_error(d, name, 0, "", "%s: %s", entry, ctx->why);
			} else {
				diag_error(d, name, 0, "", "%s line %lu: bad XML: %s", entry,
					   (unsigned long)XML_GetCurrentLineNumber(p),
					   XML_ErrorString(XML_GetErrorCode(p)));
				err = GN_EINPUT;
			}
			break;
		}
		if (n == 0)
			break;
	}
	free(block);
	XML_ParserFree(p);
	zip_fclose(f);
	return err;
}

/* ---- workbook.xml and its relationships ---------------------------------------------- */

typedef struct book_ctx {
	xlsx_part pc;
	char *sheet_rid;   /* r:id of the first sheet */
	bool date1904;
	char *target;      /* part of that sheet (from the rels) */
} book_ctx;

static void book_start(void *u, const XML_Char *n, const XML_Char **a)
{
	book_ctx *c = u;
	if (xlsx_elem_is(n, "sheet") && !c->sheet_rid) {
		const char *rid = xlsx_attr(a, NS_REL "|id");
		c->sheet_rid = gn_xstrdup(rid ? rid : "");
	} else if (xlsx_elem_is(n, "workbookPr")) {
		const char *v = xlsx_attr(a, "date1904");
		c->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	}
}

static void rels_start(void *u, const XML_Char *n, const XML_Char **a)
{
	book_ctx *c = u;
	if (!xlsx_elem_is(n, "Relationship") || c->target || !c->sheet_rid)
		return;
	const char *id = xlsx_attr(a, "Id"), *t = xlsx_attr(a, "Target");
	if (!id || !t || strcmp(id, c->sheet_rid) != 0)
		return;
	/* Targets are relative to xl/ unless absolute within the package. */
	buf b;
	buf_init(&b, 4096);
	if (t[0] == '/')
		buf_puts(&b, t + 1);
	else
		buf_printf(&b, "xl/%s", t);
	c->target = buf_take(&b);
}

static void no_end(void *u, const XML_Char *n)
{
	(void)u;
	(void)n;
}

static void no_text(void *u, const XML_Char *s, int len)
{
	(void)u;
	(void)s;
	(void)len;
}

/* ---- styles.xml: which cell styles show dates -------------------------------------- */

typedef struct style_ctx {
	xlsx_part pc;
	int depth_xfs;         /* inside <cellXfs> */
	int *custom_ids;       /* numFmtIds of custom date formats */
	size_t ncustom, capcustom;
	bool *xf_date;         /* by cell style index */
	size_t nxf, capxf;
} style_ctx;

static bool builtin_date_format(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* A custom number format shows a date when it has a d or y outside
 * quoted text, [brackets] and backslash escapes. */
static bool format_is_date(const char *f)
{
	bool quoted = false;
	for (const char *p = f; *p; p++) {
		if (quoted) {
			quoted = *p != '"';
			continue;
		}
		if (*p == '"') {
			quoted = true;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			const char *e = strchr(p, ']');
			if (!e)
				return false;
			p = e;
		} else if (*p == 'd' || *p == 'D' || *p == 'y' || *p == 'Y') {
			return true;
		}
	}
	return false;
}

static void style_start(void *u, const XML_Char *n, const XML_Char **a)
{
	style_ctx *c = u;
	if (xlsx_elem_is(n, "numFmt")) {
		const char *id = xlsx_attr(a, "numFmtId"), *code = xlsx_attr(a, "formatCode");
		if (id && code && format_is_date(code)) {
			if (c->ncustom == c->capcustom) {
				c->capcustom = c->capcustom ? c->capcustom * 2 : 8;
				c->custom_ids = gn_xreallocarray(c->custom_ids, c->capcustom,
								 sizeof *c->custom_ids);
			}
			c->custom_ids[c->ncustom++] = atoi(id);
		}
	} else if (xlsx_elem_is(n, "cellXfs")) {
		c->depth_xfs++;
	} else if (xlsx_elem_is(n, "xf") && c->depth_xfs) {
		const char *id = xlsx_attr(a, "numFmtId");
		long v = id ? strtol(id, NULL, 10) : 0;
		bool date = builtin_date_format(v);
		for (size_t i = 0; i < c->ncustom && !date; i++)
			date = c->custom_ids[i] == v;
		if (c->nxf == c->capxf) {
			c->capxf = c->capxf ? c->capxf * 2 : 16;
			c->xf_date = gn_xreallocarray(c->xf_date, c->capxf, sizeof *c->xf_date);
		}
		c->xf_date[c->nxf++] = date;
	}
}

static void style_end(void *u, const XML_Char *n)
{
	style_ctx *c = u;
	if (xlsx_elem_is(n, "cellXfs") && c->depth_xfs)
		c->depth_xfs--;
}

/* ---- sharedStrings.xml ---------------------------------------------------------------- */

typedef struct sst_ctx {
	xlsx_part pc;
	buf text;        /* every string, back to back */
	size_t *start;   /* offset of string i; start[n] = end */
	size_t n, cap;
	bool in_si, in_t;
	int in_rph;      /* phonetic runs are not part of the text */
} sst_ctx;

static void sst_start(void *u, const XML_Char *n, const XML_Char **a)
{
	sst_ctx *c = u;
	(void)a;
	const char *l = xlsx_local_name(n);
	if (strcmp(l, "si") == 0) {
		c->in_si = true;
		if (c->n + 1 >= c->cap) {
			c->cap = c->cap ? c->cap * 2 : 256;
			c->start = gn_xreallocarray(c->start, c->cap, sizeof *c->start);
		}
		c->start[c->n] = c->text.len;
	} else if (strcmp(l, "rPh") == 0) {
		c->in_rph++;
	} else if (strcmp(l, "t") == 0 && c->in_si && !c->in_rph) {
		c->in_t = true;
	}
}

static void sst_end(void *u, const XML_Char *n)
{
	sst_ctx *c = u;
	const char *l = xlsx_local_name(n);
	if (strcmp(l, "si") == 0 && c->in_si) {
		c->in_si = false;
		c->n++;
		c->start[c->n] = c->text.len;
	} else if (strcmp(l, "rPh") == 0 && c->in_rph) {
		c->in_rph--;
	} else if (strcmp(l, "t") == 0) {
		c->in_t = false;
	}
}

static void sst_text(void *u, const XML_Char *s, int len)
{
	sst_ctx *c = u;
	if (c->in_t && buf_put(&c->text, s, (size_t)len) != GN_OK)
		xlsx_stop(&c->pc, GN_ENOMEM, "the shared strings are too large");
}

/* ---- the sheet ---------------------------------------------------------------------------- */

typedef struct cell {
	long col;
	size_t start, len; /* in sheet_ctx.cells */
} cell;

typedef struct sheet_ctx {
	xlsx_part pc;
	const sst_ctx *sst;
	const style_ctx *styles;
	bool date1904;
	buf *out;
	long row;          /* current row number (1-based) */
	long lines;        /* CSV lines written so far */
	size_t width;      /* fields of the header (first non-empty row) */
	cell *cell;        /* non-empty cells of the current row */
	size_t ncell, capcell;
	buf cells;         /* their text */
	long col;          /* current cell's column */
	char type[12];     /* current cell's t attribute */
	long style;        /* its s attribute */
	bool in_row, in_cell, in_v, in_is, in_t;
	int in_rph;
	buf value;         /* text of <v> or of <is><t> */
	char msg[160];
} sheet_ctx;

/* Column of a reference like "AB12" (0-based), or -1. */
static long ref_column(const char *r)
{
	long col = 0;
	const char *p = r;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		col = col * 26 + ((*p | 0x20) - 'a' + 1);
		if (col > MAX_COLUMNS)
			return -1;
		p++;
	}
	return p == r ? -1 : col - 1;
}

static void sheet_start(void *u, const XML_Char *n, const XML_Char **a)
{
	sheet_ctx *c = u;
	const char *l = xlsx_local_name(n);
	if (strcmp(l, "row") == 0) {
		const char *r = xlsx_attr(a, "r");
		long v = r ? strtol(r, NULL, 10) : c->row + 1;
		if (v <= c->row || v <= 0) {
			snprintf(c->msg, sizeof c->msg, "row %ld comes after row %ld", v, c->row);
			xlsx_stop(&c->pc, GN_EINPUT, c->msg);
			return;
		}
		c->row = v;
		c->in_row = true;
		c->ncell = 0;
		buf_reset(&c->cells);
		c->col = -1;
	} else if (strcmp(l, "c") == 0 && c->in_row) {
		const char *r = xlsx_attr(a, "r"), *t = xlsx_attr(a, "t"), *s = xlsx_attr(a, "s");
		long col = r ? ref_column(r) : c->col + 1;
		if (col < 0 || col >= MAX_COLUMNS) {
			snprintf(c->msg, sizeof c->msg, "row %ld: bad cell reference \"%.20s\"",
				 c->row, r ? r : "");
			xlsx_stop(&c->pc, GN_EINPUT, c->msg);
			return;
		}
		c->col = col;
		snprintf(c->type, sizeof c->type, "%s", t ? t : "n");
		c->style = s ? strtol(s, NULL, 10) : 0;
		c->in_cell = true;
		buf_reset(&c->value);
	} else if (c->in_cell) {
		if (strcmp(l, "v") == 0)
			c->in_v = true;
		else if (strcmp(l, "is") == 0)
			c->in_is = true;
		else if (strcmp(l, "rPh") == 0)
			c->in_rph++;
		else if (strcmp(l, "t") == 0 && c->in_is && !c->in_rph)
			c->in_t = true;
	}
}

static void sheet_text(void *u, const XML_Char *s, int len)
{
	sheet_ctx *c = u;
	if ((c->in_v || c->in_t) && buf_put(&c->value, s, (size_t)len) != GN_OK)
		xlsx_stop(&c->pc, GN_ENOMEM, "a cell is too large");
}

/* A number as text: integers as written, others with 15 significant
 * digits (what Excel shows). */
static void put_number(buf *b, const char *v)
{
	const char *p = v + (*v == '-');
	size_t digits = strspn(p, "0123456789");
	if (digits && !p[digits]) {
		buf_puts(b, v);
		return;
	}
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x)) {
		buf_puts(b, v);
		return;
	}
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.15g", x);
	buf_puts(b, tmp);
}

/* A date serial as YYYY-MM-DD (time of day dropped). */
static bool put_serial_date(buf *b, const char *v, bool date1904)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x) || x < 0 || x > 2958465) /* 9999-12-31 */
		return false;
	long days = (long)floor(x);
	gn_date t;
	if (date1904)
		t = date_from_ymd(1904, 1, 1) + (gn_date)days;
	else if (days < 60) /* before Excel's phantom 29/02/1900 */
		t = date_from_ymd(1899, 12, 31) + (gn_date)days;
	else
		t = date_from_ymd(1899, 12, 30) + (gn_date)days;
	char iso[11];
	date_format_iso(t, iso);
	buf_puts(b, iso);
	return true;
}

static void end_cell(sheet_ctx *c)
{
	const char *v = buf_cstr(&c->value);
	size_t start = c->cells.len;
	const char *t = c->type;
	if (strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (end == v || *end || i < 0 || (size_t)i >= c->sst->n) {
			snprintf(c->msg, sizeof c->msg,
				 "row %ld: shared string %.20s does not exist", c->row, v);
			xlsx_stop(&c->pc, GN_EINPUT, c->msg);
			return;
		}
		buf_put(&c->cells, c->sst->text.p + c->sst->start[i],
			c->sst->start[i + 1] - c->sst->start[i]);
	} else if (strcmp(t, "n") == 0) {
		bool date = c->style >= 0 && (size_t)c->style < c->styles->nxf &&
			    c->styles->xf_date[c->style];
		if (c->value.len && !(date && put_serial_date(&c->cells, v, c->date1904)))
			put_number(&c->cells, v);
	} else if (strcmp(t, "d") == 0) {
		size_t n = strcspn(v, "T");
		buf_put(&c->cells, v, n);
	} else { /* inlineStr, str, b, e: the text as it is */
		buf_puts(&c->cells, v);
	}
	size_t len = c->cells.len - start;
	/* Line breaks would shift the CSV line numbers off the row numbers. */
	for (size_t i = start; i < c->cells.len; i++)
		if (c->cells.p[i] == '\n' || c->cells.p[i] == '\r')
			c->cells.p[i] = ' ';
	if (len == 0)
		return;
	if (c->ncell == c->capcell) {
		c->capcell = c->capcell ? c->capcell * 2 : 32;
		c->cell = gn_xreallocarray(c->cell, c->capcell, sizeof *c->cell);
	}
	c->cell[c->ncell++] = (cell){c->col, start, len};
}

static int cmp_cell(const void *a, const void *b)
{
	const cell *x = a, *y = b;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void end_row(sheet_ctx *c)
{
	buf *out = c->out;
	gn_err err = GN_OK;
	for (; c->lines < c->row - 1 && !err; c->lines++)
		err = buf_putc(out, '\n');
	if (c->ncell) {
		qsort(c->cell, c->ncell, sizeof *c->cell, cmp_cell);
		size_t last = (size_t)c->cell[c->ncell - 1].col + 1;
		if (c->width == 0)
			c->width = last;
		size_t nf = last > c->width ? last : c->width;
		size_t k = 0;
		for (size_t col = 0; col < nf && !err; col++) {
			if (col)
				err = buf_putc(out, ',');
			/* a repeated reference: the last one wins */
			const cell *hit = NULL;
			while (k < c->ncell && (size_t)c->cell[k].col == col)
				hit = &c->cell[k++];
			if (hit && !err)
				err = csv_put_field(out, c->cells.p + hit->start, hit->len);
		}
	}
	if (!err)
		err = buf_putc(out, '\n');
	c->lines = c->row;
	if (err)
		xlsx_stop(&c->pc, GN_ENOMEM, "the sheet is too large");
}

static void sheet_end(void *u, const XML_Char *n)
{
	sheet_ctx *c = u;
	const char *l = xlsx_local_name(n);
	if (strcmp(l, "c") == 0 && c->in_cell) {
		c->in_cell = c->in_v = c->in_is = c->in_t = false;
		c->in_rph = 0;
		end_cell(c);
	} else if (strcmp(l, "row") == 0 && c->in_row) {
		c->in_row = false;
		end_row(c);
	} else if (strcmp(l, "v") == 0) {
		c->in_v = false;
	} else if (strcmp(l, "is") == 0) {
		c->in_is = false;
	} else if (strcmp(l, "rPh") == 0 && c->in_rph) {
		c->in_rph--;
	} else if (strcmp(l, "t") == 0) {
		c->in_t = false;
	}
}

/* ---- the whole -------------------------------------------------------------------------- */

gn_err xlsx_to_csv(const void *data, size_t len, const char *name, gn_diag *d,
		   buf *out)
{
	zip_t *z;
	gn_err oerr = xlsx_open(data, len, name, d, &z);
	if (oerr)
		return oerr;

	book_ctx book = {0};
	style_ctx styles = {0};
	sst_ctx sst = {0};
	sheet_ctx sh = {0};
	buf_init(&sst.text, 0);
	buf_init(&sh.cells, 0);
	buf_init(&sh.value, CSV_MAX_RECORD);
	size_t start_len = out->len;
	bool found;
	gn_err err = xlsx_parse_part(z, "xl/workbook.xml", book_start, no_end, no_text,
				&book.pc, name, d, &found);
	if (!err && found && book.sheet_rid)
		err = xlsx_parse_part(z, "xl/_rels/workbook.xml.rels", rels_start, no_end,
				 no_text, &book.pc, name, d, &found);
	const char *sheet = book.target ? book.target : "xl/worksheets/sheet1.xml";
	if (!err)
		err = xlsx_parse_part(z, "xl/styles.xml", style_start, style_end, no_text,
				 &styles.pc, name, d, &found);
	if (!err)
		err = xlsx_parse_part(z, "xl/sharedStrings.xml", sst_start, sst_end, sst_text,
				 &sst.pc, name, d, &found);
	if (!err && !sst.start) {
		sst.start = gn_xmalloc(sizeof *sst.start);
		sst.start[0] = 0;
	}
	if (!err) {
		sh.sst = &sst;
		sh.styles = &styles;
		sh.date1904 = book.date1904;
		sh.out = out;
		err = xlsx_parse_part(z, sheet, sheet_start, sheet_end, sheet_text, &sh.pc, name,
				 d, &found);
		if (!err && !found) {
			diag_error(d, name, 0, "", "the workbook has no worksheet (%s)", sheet);
			err = GN_EINPUT;
		}
	}
	free(book.sheet_rid);
	free(book.target);
	free(styles.custom_ids);
	free(styles.xf_date);
	buf_free(&sst.text);
	free(sst.start);
	buf_free(&sh.cells);
	buf_free(&sh.value);
	free(sh.cell);
	zip_discard(z);
	if (err && out->len > start_len) { /* no partial sheet on failure */
		out->len = start_len;
		out->p[start_len] = '\0';
	}
	return err;
}
