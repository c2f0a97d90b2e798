/* render.c - the table of report formats. Layer: report. See render.h. */
#include "render.h"

#include <string.h>

#include "pdf.h"
#include "xlsx.h"

static const report_format formats[] = {
	{"csv", ".csv", "text/csv; charset=utf-8", report_render_csv},
	{"xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	 report_render_xlsx},
	{"pdf", ".pdf", "application/pdf", report_render_pdf},
	/* xlsx and pdf: added with their renderers (xlsx.c, pdf.c) */
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const report_format *report_format_find(const char *name)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

const report_format *report_formats(size_t *n)
{
	*n = NFORMATS;
	return formats;
}
