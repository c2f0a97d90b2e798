/*
 * csv.c - the CSV renderer of a report_doc. Layer: report. See render.h.
 *
 * Only the table: the title, header cells and signers belong to the forms
 * (XLSX, PDF); a CSV is for machines, so its header is the column keys.
 * Page breaks are ignored; rows of the body's own headers and text lines
 * (ROW_HEAD, ROW_TEXT) are written with styles "head" and "text".
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../io/csv.h"
#include "render.h"

static void put_decimal(buf *b, int64_t v, int scale)
{
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = 1;
	for (int i = 0; i < scale; i++)
		p *= 10;
	if (v < 0)
		buf_putc(b, '-');
	buf_printf(b, "%" PRIu64, m / p);
	if (scale > 0)
		buf_printf(b, ".%0*" PRIu64, scale, m % p);
}

gn_err report_csv(const report_doc *d, buf *out)
{
	static const char *const styles[] = {"unit", "subtotal", "total", "head", "text"};
	const unsigned nstyles = sizeof styles / sizeof styles[0];
	gn_err rc = buf_puts(out, "style,depth");
	for (size_t c = 0; c < d->ncols; c++) {
		buf_putc(out, ',');
		csv_put_field(out, d->col_keys[c], strlen(d->col_keys[c]));
	}
	buf_putc(out, '\n');
	for (size_t i = 0; i < d->nrows && rc == GN_OK; i++) {
		const report_row *r = &d->rows[i];
		buf_printf(out, "%s,%d", styles[(unsigned)r->style < nstyles ? r->style : 0], r->indent);
		for (size_t c = 0; c < d->ncols; c++) {
			const report_cell *cell = &r->cells[c];
			buf_putc(out, ',');
			switch (cell->kind) {
			case CELL_EMPTY:
				break;
			case CELL_TEXT:
				csv_put_field(out, cell->text, strlen(cell->text));
				break;
			case CELL_INT:
				buf_put_i64(out, cell->value);
				break;
			case CELL_DECIMAL:
				put_decimal(out, cell->value, cell->scale);
				break;
			}
		}
		rc = buf_putc(out, '\n');
	}
	return rc;
}

gn_err report_render_csv(const report_doc *d, const char *path)
{
	buf b;
	buf_init(&b, 0);
	gn_err rc = report_csv(d, &b);
	FILE *fp = rc ? NULL : fopen(path, "wb");
	if (rc == GN_OK && !fp)
		rc = GN_EIO;
	if (fp) {
		if (b.len && fwrite(b.p, 1, b.len, fp) != b.len)
			rc = GN_EIO;
		if (fclose(fp) != 0)
			rc = GN_EIO;
	}
	buf_free(&b);
	return rc;
}
