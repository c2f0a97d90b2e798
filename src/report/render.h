/*
 * render.h - the renderers of a report_doc, by format name.
 *
 * Layer: report. One table (render.c) maps a format name ("csv", later
 * "xlsx", "pdf") to its renderer; `gnbv report --format NAME` and the web
 * download look formats up there, so a new format is one line in the
 * table and one file.
 *
 * A renderer writes the whole document to the file at `path` (replaced)
 * and returns GN_EIO when it cannot. Standard output (`-o -`) is the
 * caller's business (it renders to a temporary file and copies it).
 */
#ifndef GN_REPORT_RENDER_H
#define GN_REPORT_RENDER_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "doc.h"

typedef gn_err (*report_render_fn)(const report_doc *d, const char *path);

typedef struct report_format {
	const char *name;       /* "csv" */
	const char *extension;  /* ".csv" */
	const char *mime;       /* "text/csv; charset=utf-8" */
	report_render_fn render;
} report_format;

/* The format called name, or NULL. */
const report_format *report_format_find(const char *name);
/* The formats in table order; *n receives their number. */
const report_format *report_formats(size_t *n);

/* CSV (csv.c): a header of "style,depth" and the column keys, then one
 * line per row: style "unit", "subtotal" or "total" ("head" and "text"
 * for a body header row and a text line), the depth (0 for
 * the units right under the report's unit and for the total), and the
 * cells: text quoted when needed, whole numbers and decimals plain
 * ("5.71"). Page breaks are ignored. */
gn_err report_render_csv(const report_doc *d, const char *path);
/* The same CSV into b (appended). */
gn_err report_csv(const report_doc *d, buf *b);

#endif
