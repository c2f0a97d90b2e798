/*
 * xlsx_info.h - what an .xlsx says about the layout of its first sheet,
 * beyond the cell values that xlsx_read.h gives as CSV: merged ranges,
 * print titles (the rows repeated on each printed page), page setup,
 * manual page breaks.
 *
 * Layer: io (libzip + expat). Used to check the report renderers' output
 * and to read official forms back.
 *
 * Ownership: xlsx_read_info fills the caller's xlsx_info, whose strings
 * and arrays belong to it until xlsx_info_free (NULL accepted).
 */
#ifndef GN_XLSX_INFO_H
#define GN_XLSX_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/err.h"

typedef struct xlsx_info {
	char **merges;      /* "A1:C2" refs of <mergeCell>, in file order */
	size_t nmerges;
	char *print_titles; /* the first sheet's _xlnm.Print_Titles
			     * ("Sheet1!$8:$10"), NULL when none */
	char *orientation;  /* <pageSetup orientation>, NULL when absent */
	int paper;          /* <pageSetup paperSize> (9: A4), 0 when absent */
	bool fit_to_page;   /* <pageSetUpPr fitToPage>: print scaled to fit */
	int fit_width;      /* <pageSetup fitToWidth> pages (default 1; 0: any) */
	int fit_height;     /* <pageSetup fitToHeight> pages (default 1; 0: any) */
	int scale;          /* <pageSetup scale> percent (default 100) */
	int *row_breaks;    /* <rowBreaks>: the id of each manual <brk> (a page
			     * starts at that 0-based row), in file order */
	size_t nrow_breaks;
} xlsx_info;

/* Reads those facts of the first worksheet of the workbook at data into
 * *out (zeroed first). name labels messages. GN_EINPUT (reported to d)
 * when the bytes are not a readable workbook. */
gn_err xlsx_read_info(const void *data, size_t len, const char *name, gn_diag *d,
		      xlsx_info *out);
void xlsx_info_free(xlsx_info *info);

#endif
