/*
 * pdf.h - renders a report_doc as a PDF (cairo's PDF surface, the DejaVu
 * Sans fonts of fonts-dejavu-core through FreeType).
 *
 * Layer: report. A4, landscape when the document says so; the same blocks
 * as the XLSX form: issuing unit and national motto, form code, title and
 * subtitles, the table (cell borders, merged and wrapped header cells, the
 * numbered column row, subtotals and the total in bold, the first column
 * indented by depth), notes, place and date, signers. The header rows are
 * repeated at the top of every page the table runs onto; every page has
 * "Trang N/M" at its foot. A row with a page break starts a new page (not
 * when it would be the first row of a page); a bare document (doc.h) has
 * no blocks of its own and no page numbers: its text rows (ROW_TEXT, in
 * the DejaVu Sans faces regular, bold, oblique, bold oblique) and header
 * rows (ROW_HEAD) carry the forms. Numbers are written in the Vietnamese way:
 * "." between thousands, "," before decimals (2.481.000; 5,71).
 *
 * The fonts are loaded once per process from
 * /usr/share/fonts/truetype/dejavu/DejaVuSans{,-Bold,-Oblique,-BoldOblique}.ttf
 * and kept (cairo
 * caches faces past any one document); when the files are missing, cairo's
 * "DejaVu Sans" through fontconfig stands in. Thread-safe.
 */
#ifndef GN_REPORT_PDF_H
#define GN_REPORT_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "../core/err.h"
#include "doc.h"

/* Writes d to the file at path (replaced). GN_EIO when the file cannot be
 * written, GN_EINPUT when a string is not valid UTF-8. */
gn_err report_render_pdf(const report_doc *d, const char *path);

/* v / 10^scale in the Vietnamese way into out (n bytes, NUL-terminated,
 * truncated when too small; 32 bytes always suffice): 2481000 -> "2.481.000",
 * (571, 2) -> "5,71", -1500 -> "-1.500". scale is clamped to 0..18. */
void report_number_vn(int64_t v, int scale, char *out, size_t n);

#endif
