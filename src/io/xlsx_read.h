/*
 * xlsx_read.h - reads the first worksheet of an .xlsx workbook as CSV
 * text, so that every CSV reader of gnbv reads spreadsheets too.
 *
 * Layer: io (libzip for the package, expat for its XML). The workbook's
 * first sheet (workbook.xml and its relationships; xl/worksheets/
 * sheet1.xml when they say nothing) becomes RFC 4180 text in memory:
 * - one CSV line per spreadsheet row, and an empty line for every row
 *   that is missing or blank, so that CSV line numbers in messages are
 *   the row numbers the user sees in the spreadsheet (the CSV readers
 *   skip empty lines);
 * - cells by their column letters (A, B, ..., AA): gaps become empty
 *   fields; every row has at least as many fields as the first non-empty
 *   row (the header); trailing empty cells add nothing;
 * - cell types: shared strings (t="s"), inline strings (t="inlineStr"),
 *   formula strings (t="str"), booleans (t="b": 1/0), ISO dates (t="d"),
 *   numbers (t="n" or none): integers as written, others with at most 15
 *   significant digits as Excel shows them (0.1 + 0.2 computed in a
 *   sheet gives 0.3, 1.5E+6 gives 1500000), and numbers in a date format
 *   (built-in or custom, per styles.xml) as YYYY-MM-DD (both the 1900
 *   and 1904 date systems);
 * - line breaks inside a cell become spaces (a quoted line break would
 *   shift the line numbers); error cells (#N/A) keep their text.
 *
 * Ownership: the text is appended to the caller's buf.
 */
#ifndef GN_XLSX_READ_H
#define GN_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/err.h"

/* True when the len bytes at data begin like a ZIP archive ("PK\3\4"),
 * as every .xlsx does. */
bool xlsx_is(const void *data, size_t len);

/* Appends the first worksheet of the workbook at data as CSV text to out.
 * name labels messages. GN_EINPUT (reported to d) when the bytes are not
 * a readable workbook; GN_ENOMEM past the size caps. On failure out is
 * left as it was. */
gn_err xlsx_to_csv(const void *data, size_t len, const char *name, gn_diag *d,
		   buf *out);

#endif
