/*
 * doc.c - a report as a document. Layer: report. See doc.h.
 *
 * The strings live in a pool of blocks (each string copied once, never
 * moved, so pointers into the pool stay valid while rows grow); the rows
 * grow by doubling and each row's cells are one allocation of ncols.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#define POOL_BLOCK 4096

typedef struct pool_block {
	struct pool_block *next;
	size_t used, cap;
	char data[];
} pool_block;

typedef struct pool {
	pool_block *head;
} pool;

static char *pool_alloc(pool *p, size_t n)
{
	pool_block *b = p->head;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > POOL_BLOCK ? n : POOL_BLOCK;
		b = gn_xmalloc(sizeof *b + cap);
		b->used = 0;
		b->cap = cap;
		if (p->head && n > POOL_BLOCK) {
			/* a big string gets its own block behind the current one,
			 * so the current block keeps taking small strings */
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	char *s = b->data + b->used;
	b->used += n;
	return s;
}

report_doc *report_doc_new(size_t ncols)
{
	report_doc *d = gn_xcalloc(1, sizeof *d);
	d->ncols = ncols;
	d->col_keys = gn_xcalloc(ncols ? ncols : 1, sizeof *d->col_keys);
	d->col_widths = gn_xcalloc(ncols ? ncols : 1, sizeof *d->col_widths);
	d->pool = gn_xcalloc(1, sizeof(pool));
	d->landscape = true;
	return d;
}

void report_doc_free(report_doc *d)
{
	if (!d)
		return;
	pool *p = d->pool;
	for (pool_block *b = p ? p->head : NULL, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(p);
	for (size_t i = 0; i < d->nrows; i++)
		free(d->rows[i].cells);
	free(d->rows);
	free(d->heads);
	free(d->col_keys);
	free(d->col_widths);
	free(d);
}

const char *report_doc_str(report_doc *d, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *c = pool_alloc(d->pool, n);
	memcpy(c, s, n);
	return c;
}

report_row *report_doc_add_row(report_doc *d, row_style style, int indent)
{
	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? d->caprows * 2 : 64;
		d->rows = gn_xreallocarray(d->rows, d->caprows, sizeof *d->rows);
	}
	report_row *r = &d->rows[d->nrows++];
	r->style = style;
	r->indent = indent;
	r->cells = gn_xcalloc(d->ncols ? d->ncols : 1, sizeof *r->cells);
	r->page_break = false;
	return r;
}

void report_cell_text(report_doc *d, report_row *r, size_t col, const char *s)
{
	if (col >= d->ncols)
		return;
	r->cells[col] = (report_cell){CELL_TEXT, report_doc_str(d, s ? s : ""), 0, 0, 0};
}

void report_cell_look(report_doc *d, report_row *r, size_t col, const char *s,
		      unsigned look)
{
	if (col >= d->ncols)
		return;
	r->cells[col] = (report_cell){CELL_TEXT, report_doc_str(d, s ? s : ""), 0, 0, look};
}

void report_cell_int(report_row *r, size_t col, int64_t v)
{
	/* the row does not know ncols: callers pass a column of the doc */
	r->cells[col] = (report_cell){CELL_INT, NULL, v, 0, 0};
}

void report_cell_decimal(report_row *r, size_t col, int64_t v, int scale)
{
	r->cells[col] = (report_cell){CELL_DECIMAL, NULL, v, scale, 0};
}

void report_doc_head(report_doc *d, int row, int col, int rowspan, int colspan,
		     const char *text)
{
	d->heads = gn_xreallocarray(d->heads, d->nheads + 1, sizeof *d->heads);
	d->heads[d->nheads++] = (report_head){row, col, rowspan, colspan,
					      report_doc_str(d, text ? text : "")};
	if (row + rowspan > d->head_rows)
		d->head_rows = row + rowspan;
}
