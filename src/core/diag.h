/*
 * diag.h - diagnostics for people: errors and warnings about input, each
 * naming a file, a line and a column (or a form field).
 *
 * Layer: core. Readers report into a gn_diag and keep going where they can,
 * so that a user sees every error of a file at once (up to a cap); the
 * caller decides what to print and whether to write anything. Rendered as
 * "FILE:LINE: column NAME: message" (formats.md 7.3); LINE 0 leaves out the
 * line, an empty column leaves out "column NAME: ".
 *
 * Ownership: diag_new's result is freed with diag_free (NULL accepted).
 * Strings passed in are copied.
 */
#ifndef GN_DIAG_H
#define GN_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum diag_kind { DIAG_ERROR, DIAG_WARNING } diag_kind;

typedef struct diag_item {
	diag_kind kind;
	char *file;   /* as the user named it */
	long line;    /* physical line where the record starts; 0: none */
	char *column; /* column or field name; "" when none */
	char *text;   /* what is wrong */
} diag_item;

typedef struct gn_diag gn_diag;

/* A new empty list that keeps at most max_items items (0: 100). */
gn_diag *diag_new(size_t max_items);
void diag_free(gn_diag *d);

void diag_add(gn_diag *d, diag_kind kind, const char *file, long line,
	      const char *column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
#define diag_error(d, file, line, col, ...) \
	diag_add((d), DIAG_ERROR, (file), (line), (col), __VA_ARGS__)
#define diag_warn(d, file, line, col, ...) \
	diag_add((d), DIAG_WARNING, (file), (line), (col), __VA_ARGS__)

/* Number of errors reported (counting those past the cap). */
size_t diag_errors(const gn_diag *d);
/* Items kept, in the order reported. */
size_t diag_count(const gn_diag *d);
const diag_item *diag_at(const gn_diag *d, size_t i);
/* True when errors were dropped because the cap was reached. */
bool diag_truncated(const gn_diag *d);
/* Removes all items. */
void diag_clear(gn_diag *d);

#endif
