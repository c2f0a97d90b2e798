/* diag.c - diagnostics list. Layer: core. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"
#include "mem.h"

struct gn_diag {
	diag_item *items;
	size_t n, cap, max;
	size_t errors;
	bool truncated;
};

gn_diag *diag_new(size_t max_items)
{
	gn_diag *d = gn_xcalloc(1, sizeof *d);
	d->max = max_items ? max_items : 100;
	return d;
}

void diag_clear(gn_diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].column);
		free(d->items[i].text);
	}
	d->n = 0;
	d->errors = 0;
	d->truncated = false;
}

void diag_free(gn_diag *d)
{
	if (!d)
		return;
	diag_clear(d);
	free(d->items);
	free(d);
}

void diag_add(gn_diag *d, diag_kind kind, const char *file, long line,
	      const char *column, const char *fmt, ...)
{
	if (kind == DIAG_ERROR)
		d->errors++;
	if (d->n >= d->max) {
		d->truncated = true;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = gn_xreallocarray(d->items, d->cap, sizeof *d->items);
	}
	buf text;
	buf_init(&text, 4096);
	va_list ap;
	va_start(ap, fmt);
	if (buf_vprintf(&text, fmt, ap) != GN_OK)
		buf_puts(&text, "(message too long)");
	va_end(ap);
	diag_item *it = &d->items[d->n++];
	it->kind = kind;
	it->file = gn_xstrdup(file ? file : "");
	it->line = line;
	it->column = gn_xstrdup(column ? column : "");
	it->text = buf_take(&text);
}

size_t diag_errors(const gn_diag *d) { return d->errors; }
size_t diag_count(const gn_diag *d) { return d->n; }
const diag_item *diag_at(const gn_diag *d, size_t i) { return &d->items[i]; }
bool diag_truncated(const gn_diag *d) { return d->truncated; }
