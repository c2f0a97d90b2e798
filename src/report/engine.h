/*
 * engine.h - report layouts as data, and the one engine that turns a
 * layout and the figures into a document (doc.h).
 *
 * Layer: report. A layout is a data/reports/NAME.rpt file (the format is
 * documented at the top of data/reports/results.rpt and in
 * docs/ARCHITECTURE.md, "Reports"): title, subtitles, form code, columns
 * (key, width, measure), header cells merged over columns and rows, notes
 * and signers, and blocks repeated for each indicator of the year's
 * standard. A measure is a figure of a unit (`poor`, `new_poor`,
 * `dep_poor:d_water`, ...) or a rate `A/B` (100 x A / B to hundredths,
 * exactly). No table has C code of its own.
 *
 * Ownership: a layout from report_layout_parse/_load is freed by
 * report_layout_free (NULL accepted); report_build's document by
 * report_doc_free. Errors go to d (file and line of the layout).
 */
#ifndef GN_REPORT_ENGINE_H
#define GN_REPORT_ENGINE_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "doc.h"
#include "figures.h"

typedef struct report_layout report_layout;

/* Parses the n bytes of text (file names it in messages). GN_EINPUT with
 * every error in d. */
gn_err report_layout_parse(const char *file, const char *text, size_t n, gn_diag *d,
			   report_layout **out);
/* Reads and parses the file at path (GN_EIO when it cannot be read). */
gn_err report_layout_load(const char *path, gn_diag *d, report_layout **out);
void report_layout_free(report_layout *l);

/* The layout's `name` and `title` (title with its {placeholders} as
 * written) and `number` (its place in the list of tables). */
const char *report_layout_name(const report_layout *l);
const char *report_layout_title(const report_layout *l);
int report_layout_number(const report_layout *l);

/* Builds the document of layout l over figures f. GN_EINPUT (message in
 * d) when the layout names an indicator the year's standard does not
 * have, or repeats over indicators with no standard for the year. */
gn_err report_build(const report_layout *l, const report_figures *f, gn_diag *d,
		    report_doc **out);

/* The layouts of directory dir (data/reports): every *.rpt, parsed,
 * sorted by number then name. *out is an array of *n layouts: free each
 * with report_layout_free, then the array with free(). GN_EIO when the
 * directory cannot be read; GN_EINPUT when a layout is bad (all the
 * messages in d, nothing returned). */
gn_err report_layouts_load(const char *dir, gn_diag *d, report_layout ***out, size_t *n);

#endif
