/*
 * xlsx_info.c - merged ranges, print titles and page setup of the first
 * worksheet of an .xlsx (xlsx_info.h).
 *
 * Layer: io. Three parts are read with expat (namespaces resolved, names
 * matched by local name): xl/workbook.xml (the first sheet's r:id and the
 * defined names), its relationships (the sheet's part) and the sheet
 * (<mergeCells>, <pageSetup>, <rowBreaks>), streamed by xlsx_read.c's part parser
 * (xlsx_int.h), which caps a part at 1 GiB.
 */
#include "xlsx_info.h"
#include "xlsx_int.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "../core/buf.h"
#include "../core/mem.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct info_ctx {
	xlsx_part pc;      /* first: the parse's own state */
	xlsx_info *out;
	char *sheet_rid;   /* workbook.xml: the first sheet's r:id */
	char *sheet_part;  /* from the rels */
	bool in_titles;    /* inside the first sheet's Print_Titles */
	bool in_row_breaks; /* inside <rowBreaks> (not <colBreaks>) */
	buf titles;
} info_ctx;

static void book_start(void *u, const XML_Char *n, const XML_Char **a)
{
	info_ctx *c = u;
	if (xlsx_elem_is(n, "sheet") && !c->sheet_rid) {
		const char *rid = xlsx_attr(a, NS_REL "|id");
		c->sheet_rid = gn_xstrdup(rid ? rid : "");
	} else if (xlsx_elem_is(n, "definedName")) {
		const char *nm = xlsx_attr(a, "name"), *sheet = xlsx_attr(a, "localSheetId");
		c->in_titles = nm && strcmp(nm, "_xlnm.Print_Titles") == 0 && sheet &&
			       strcmp(sheet, "0") == 0 && !c->out->print_titles;
	}
}

static void book_end(void *u, const XML_Char *n)
{
	info_ctx *c = u;
	if (xlsx_elem_is(n, "definedName") && c->in_titles) {
		c->in_titles = false;
		c->out->print_titles = gn_xstrdup(buf_cstr(&c->titles));
	}
}

static void book_text(void *u, const XML_Char *s, int len)
{
	info_ctx *c = u;
	if (c->in_titles && len > 0)
		buf_put(&c->titles, s, (size_t)len);
}

static void rels_start(void *u, const XML_Char *n, const XML_Char **a)
{
	info_ctx *c = u;
	if (!xlsx_elem_is(n, "Relationship") || c->sheet_part || !c->sheet_rid)
		return;
	const char *id = xlsx_attr(a, "Id"), *t = xlsx_attr(a, "Target");
	if (!id || !t || strcmp(id, c->sheet_rid) != 0)
		return;
	buf b;
	buf_init(&b, 4096);
	if (t[0] == '/')
		buf_puts(&b, t + 1);
	else
		buf_printf(&b, "xl/%s", t);
	c->sheet_part = buf_take(&b);
}

static int int_attr(const XML_Char **a, const char *name, int absent)
{
	const char *v = xlsx_attr(a, name);
	return v ? atoi(v) : absent;
}

static void sheet_start(void *u, const XML_Char *n, const XML_Char **a)
{
	info_ctx *c = u;
	xlsx_info *o = c->out;
	if (xlsx_elem_is(n, "mergeCell")) {
		const char *ref = xlsx_attr(a, "ref");
		if (!ref)
			return;
		o->merges = gn_xreallocarray(o->merges, o->nmerges + 1, sizeof *o->merges);
		o->merges[o->nmerges++] = gn_xstrdup(ref);
	} else if (xlsx_elem_is(n, "pageSetup")) {
		const char *v = xlsx_attr(a, "orientation");
		free(o->orientation);
		o->orientation = v ? gn_xstrdup(v) : NULL;
		o->paper = int_attr(a, "paperSize", 0);
		o->fit_width = int_attr(a, "fitToWidth", 1);
		o->fit_height = int_attr(a, "fitToHeight", 1);
		o->scale = int_attr(a, "scale", 100);
	} else if (xlsx_elem_is(n, "rowBreaks")) {
		c->in_row_breaks = true;
	} else if (xlsx_elem_is(n, "brk") && c->in_row_breaks) {
		const char *man = xlsx_attr(a, "man");
		if (!man || (strcmp(man, "1") != 0 && strcmp(man, "true") != 0))
			return;
		o->row_breaks = gn_xreallocarray(o->row_breaks, o->nrow_breaks + 1,
						 sizeof *o->row_breaks);
		o->row_breaks[o->nrow_breaks++] = int_attr(a, "id", 0);
	} else if (xlsx_elem_is(n, "pageSetUpPr")) {
		const char *v = xlsx_attr(a, "fitToPage");
		o->fit_to_page = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	}
}

static void sheet_end(void *u, const XML_Char *n)
{
	info_ctx *c = u;
	if (xlsx_elem_is(n, "rowBreaks"))
		c->in_row_breaks = false;
}

gn_err xlsx_read_info(const void *data, size_t len, const char *name, gn_diag *d,
		      xlsx_info *out)
{
	memset(out, 0, sizeof *out);
	out->fit_width = out->fit_height = 1;
	out->scale = 100;
	zip_t *z;
	gn_err oerr = xlsx_open(data, len, name, d, &z);
	if (oerr)
		return oerr;
	info_ctx c = {.out = out};
	buf_init(&c.titles, 1 << 16);
	bool found;
	gn_err err = xlsx_parse_part(z, "xl/workbook.xml", book_start, book_end, book_text, &c.pc,
			   name, d, &found);
	if (!err && found && c.sheet_rid)
		err = xlsx_parse_part(z, "xl/_rels/workbook.xml.rels", rels_start, NULL, NULL, &c.pc,
			    name, d, &found);
	const char *sheet = c.sheet_part ? c.sheet_part : "xl/worksheets/sheet1.xml";
	if (!err) {
		err = xlsx_parse_part(z, sheet, sheet_start, sheet_end, NULL, &c.pc, name, d, &found);
		if (!err && !found) {
			diag_error(d, name, 0, "", "the workbook has no worksheet (%s)", sheet);
			err = GN_EINPUT;
		}
	}
	free(c.sheet_rid);
	free(c.sheet_part);
	buf_free(&c.titles);
	zip_discard(z);
	if (err)
		xlsx_info_free(out);
	return err;
}

void xlsx_info_free(xlsx_info *info)
{
	if (!info)
		return;
	for (size_t i = 0; i < info->nmerges; i++)
		free(info->merges[i]);
	free(info->merges);
	free(info->print_titles);
	free(info->orientation);
	free(info->row_breaks);
	memset(info, 0, sizeof *info);
	info->fit_width = info->fit_height = 1;
	info->scale = 100;
}
