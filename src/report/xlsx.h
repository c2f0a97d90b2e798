/*
 * xlsx.h - renders a report_doc as an .xlsx workbook laid out like the
 * official forms (libxlsxwriter).
 *
 * Layer: report. One worksheet: the issuing unit and the national motto
 * block, the form code, title and subtitles, the header rows with their
 * merged cells, the numbered column row, the body (subtotals and the total
 * in bold, the first column indented by depth), the notes, the place and
 * date line and the signature block. A4, landscape when the document says
 * so, fit to one page wide, the header rows repeated on every printed page.
 * A row with a page break gets a manual row break above it (<rowBreaks>;
 * past Excel's 1023 a sheet, the rows go on in a new sheet); a sheet with
 * breaks is printed at a scale that fits its columns instead of "fit to
 * one page wide", which would make Excel ignore the breaks. A bare
 * document (doc.h) has no blocks of its own and no page-number footer;
 * its text rows merge each cell over the empty cells to its right.
 *
 * Numbers are real numbers in the cells (sums and formulas work) with the
 * standard format codes "#,##0" and "#,##0.00" (as many zeros as the
 * cell's scale): Excel and LibreOffice show them with the separators of
 * the reader's locale, so a Vietnamese locale shows 2.481.000 and 5,71. A
 * custom "#.##0" code would be misread as a decimal point by every locale.
 */
#ifndef GN_REPORT_XLSX_H
#define GN_REPORT_XLSX_H

#include "../core/err.h"
#include "doc.h"

/* Writes d to the file at path (replaced). GN_EIO when the file cannot be
 * written, GN_EINPUT when a string breaks a limit of the format (over
 * 32767 bytes), GN_ENOMEM on allocation failure. */
gn_err report_render_xlsx(const report_doc *d, const char *path);
/* A workbook of n documents, one sheet each (the overflow sheets of page
 * breaks after it), named names[i] (NULL: Excel's default names; a name
 * has at most 31 characters and none of []:*?/\). */
gn_err report_render_xlsx_book(const report_doc *const *docs, const char *const *names,
			       size_t n, const char *path);

#endif
