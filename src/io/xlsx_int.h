/*
 * xlsx_int.h - what the two XLSX readers share (xlsx_read.c: the first
 * sheet's cells; xlsx_info.c: its layout): opening a workbook held in
 * memory, streaming one XML part of it through expat, and small helpers
 * for expat's "URI|local" names. Private to src/io.
 */
#ifndef GN_XLSX_INT_H
#define GN_XLSX_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <expat.h>
#include <zip.h>

#include "../core/diag.h"
#include "../core/err.h"

/* The local part of an expat name "URI|local". */
const char *xlsx_local_name(const char *n);
/* Whether element name n has this local name. */
bool xlsx_elem_is(const char *n, const char *local);
/* The value of the attribute with this full name (URI|local or plain). */
const char *xlsx_attr(const XML_Char **a, const char *name);

/* The first member of every handler context: lets a handler stop the
 * parse with an error and a message. */
typedef struct xlsx_part {
	XML_Parser p;
	gn_err err;      /* set by a handler to stop */
	const char *why; /* its message */
} xlsx_part;

void xlsx_stop(xlsx_part *c, gn_err err, const char *why);
/* Opens the len bytes at data as a zip archive; GN_EINPUT with a message
 * naming `name` in d when they are not one. zip_discard the result. */
gn_err xlsx_open(const void *data, size_t len, const char *name, gn_diag *d,
		 zip_t **out);
/* Parses the part `entry` of z with the handlers (user data: ctx, the
 * first member of the caller's context). *found is false when the part is
 * absent. Parts past 1 GiB are refused. */
gn_err xlsx_parse_part(zip_t *z, const char *entry, XML_StartElementHandler start,
		       XML_EndElementHandler end, XML_CharacterDataHandler text,
		       xlsx_part *ctx, const char *name, gn_diag *d, bool *found);

#endif
