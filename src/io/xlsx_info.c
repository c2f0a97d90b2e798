/*
 * xlsx_info.c - merged ranges, print titles and page setup of the first
 * worksheet of an .xlsx (xlsx_info.h).
 *
 * Layer: io. Three parts are read with expat (namespaces resolved, names
 * matched by local name): xl/workbook.xml (the first sheet's r:id and the
 * defined names), its relationships (the sheet's part) and the sheet
 * (<mergeCells>, <pageSetup>). The parts are read whole: a layout check
 * does not need xlsx_read.c's streaming of huge sheets, but a cap keeps a
 * hostile file from taking the memory.
 */
#include "xlsx_info.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "../core/buf.h"
#include "../core/mem.h"

#define PART_MAX ((zip_uint64_t)1 << 28) /* bytes of one XML part */
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *local_name(const char *n)
{
	const char *p = strrchr(n, '|');
	return p ? p + 1 : n;
}

static bool is(const char *n, const char *local)
{
	return strcmp(local_name(n), local) == 0;
}

static const char *attr(const XML_Char **a, const char *name)
{
	for (size_t i = 0; a[i]; i += 2)
		if (strcmp(a[i], name) == 0)
			return a[i + 1];
	return NULL;
}

typedef struct info_ctx {
	xlsx_info *out;
	char *sheet_rid;   /* workbook.xml: the first sheet's r:id */
	char *sheet_part;  /* from the rels */
	bool in_titles;    /* inside the first sheet's Print_Titles */
	buf titles;
} info_ctx;

static void book_start(void *u, const XML_Char *n, const XML_Char **a)
{
	info_ctx *c = u;
	if (is(n, "sheet") && !c->sheet_rid) {
		const char *rid = attr(a, NS_REL "|id");
		c->sheet_rid = gn_xstrdup(rid ? rid : "");
	} else if (is(n, "definedName")) {
		const char *nm = attr(a, "name"), *sheet = attr(a, "localSheetId");
		c->in_titles = nm && strcmp(nm, "_xlnm.Print_Titles") == 0 && sheet &&
			       strcmp(sheet, "0") == 0 && !c->out->print_titles;
	}
}

static void book_end(void *u, const XML_Char *n)
{
	info_ctx *c = u;
	if (is(n, "definedName") && c->in_titles) {
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
	if (!is(n, "Relationship") || c->sheet_part || !c->sheet_rid)
		return;
	const char *id = attr(a, "Id"), *t = attr(a, "Target");
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
	const char *v = attr(a, name);
	return v ? atoi(v) : absent;
}

static void sheet_start(void *u, const XML_Char *n, const XML_Char **a)
{
	info_ctx *c = u;
	xlsx_info *o = c->out;
	if (is(n, "mergeCell")) {
		const char *ref = attr(a, "ref");
		if (!ref)
			return;
		o->merges = gn_xreallocarray(o->merges, o->nmerges + 1, sizeof *o->merges);
		o->merges[o->nmerges++] = gn_xstrdup(ref);
	} else if (is(n, "pageSetup")) {
		const char *v = attr(a, "orientation");
		free(o->orientation);
		o->orientation = v ? gn_xstrdup(v) : NULL;
		o->paper = int_attr(a, "paperSize", 0);
		o->fit_width = int_attr(a, "fitToWidth", 1);
		o->fit_height = int_attr(a, "fitToHeight", 1);
	} else if (is(n, "pageSetUpPr")) {
		const char *v = attr(a, "fitToPage");
		o->fit_to_page = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	}
}

/* Parses the part entry of z; *found false when it is absent. */
static gn_err parse(zip_t *z, const char *entry, XML_StartElementHandler start,
		    XML_EndElementHandler end, XML_CharacterDataHandler text,
		    info_ctx *c, const char *name, gn_diag *d, bool *found)
{
	*found = false;
	zip_stat_t st;
	zip_file_t *f = zip_fopen(z, entry, 0);
	if (!f)
		return GN_OK;
	*found = true;
	if (zip_stat(z, entry, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size > PART_MAX) {
		zip_fclose(f);
		diag_error(d, name, 0, "", "%s is too large", entry);
		return GN_ENOMEM;
	}
	XML_Parser p = XML_ParserCreateNS("UTF-8", '|');
	if (!p) {
		zip_fclose(f);
		return GN_ENOMEM;
	}
	XML_SetUserData(p, c);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	char *block = gn_xmalloc(1 << 16);
	zip_uint64_t total = 0;
	gn_err err = GN_OK;
	for (;;) {
		zip_int64_t n = zip_fread(f, block, 1 << 16);
		if (n < 0 || (total += (zip_uint64_t)n) > PART_MAX) {
			diag_error(d, name, 0, "", "cannot read %s from the workbook", entry);
			err = GN_EINPUT;
			break;
		}
		if (XML_Parse(p, block, (int)n, n == 0) != XML_STATUS_OK) {
			diag_error(d, name, 0, "", "%s line %lu: bad XML: %s", entry,
				   (unsigned long)XML_GetCurrentLineNumber(p),
				   XML_ErrorString(XML_GetErrorCode(p)));
			err = GN_EINPUT;
			break;
		}
		if (n == 0)
			break;
	}
	free(block);
	XML_ParserFree(p);
	zip_fclose(f);
	return err;
}

gn_err xlsx_read_info(const void *data, size_t len, const char *name, gn_diag *d,
		      xlsx_info *out)
{
	memset(out, 0, sizeof *out);
	out->fit_width = out->fit_height = 1;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!z) {
		diag_error(d, name, 0, "", "not a readable spreadsheet (.xlsx): %s",
			   zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return GN_EINPUT;
	}
	zip_error_fini(&ze);
	info_ctx c = {.out = out};
	buf_init(&c.titles, 1 << 16);
	bool found;
	gn_err err = parse(z, "xl/workbook.xml", book_start, book_end, book_text, &c,
			   name, d, &found);
	if (!err && found && c.sheet_rid)
		err = parse(z, "xl/_rels/workbook.xml.rels", rels_start, NULL, NULL, &c,
			    name, d, &found);
	const char *sheet = c.sheet_part ? c.sheet_part : "xl/worksheets/sheet1.xml";
	if (!err) {
		err = parse(z, sheet, sheet_start, NULL, NULL, &c, name, d, &found);
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
	memset(info, 0, sizeof *info);
	info->fit_width = info->fit_height = 1;
}
