/* inputs.c - shared input loading for the batch commands. Layer: cli. */
#include "inputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../io/catalogue_file.h"
#include "../io/holidays_file.h"
#include "../io/indicator_file.h"
#include "../io/procedure_file.h"
#include "../io/report_types_file.h"
#include "../io/standard_file.h"
#include "../io/units_file.h"
#include "../io/value.h"

static int finish(gn_diag *d, gn_err rc)
{
	cli_print_diag(d);
	diag_free(d);
	if (rc == GN_OK)
		return EXIT_OK;
	return rc == GN_EIO || rc == GN_EINPUT ? EXIT_BADINPUT : EXIT_FAIL;
}

void inputs_reports_dir(buf *path)
{
	const char *v = getenv("GNBV_REPORTS");
	if (v && *v)
		buf_puts(path, v);
	else
		buf_printf(path, "%s/reports", cli_data_dir());
}

int inputs_standards(std_set **out)
{
	gn_diag *d = diag_new(50);
	std_set *s = std_set_new();
	const char *dir = getenv("GNBV_STANDARDS");
	buf path;
	buf_init(&path, 0);
	if (dir && *dir)
		buf_puts(&path, dir);
	else
		buf_printf(&path, "%s/standards", cli_data_dir());
	gn_err rc = std_load_dir(s, buf_cstr(&path), d);
	buf_free(&path);
	if (rc) {
		std_set_free(s);
		s = NULL;
	}
	*out = s;
	return finish(d, rc);
}

/* $env when set, else DATA/rel, into path. */
static void data_path(buf *path, const char *env, const char *rel)
{
	const char *v = getenv(env);
	if (v && *v)
		buf_puts(path, v);
	else
		buf_printf(path, "%s/%s", cli_data_dir(), rel);
}

int inputs_calendar(calendar **out)
{
	gn_diag *d = diag_new(50);
	calendar *c = cal_new();
	buf path;
	buf_init(&path, 0);
	data_path(&path, "GNBV_HOLIDAYS", "holidays/vn.csv");
	gn_err rc = holidays_load_file(c, buf_cstr(&path), buf_cstr(&path), d);
	buf_free(&path);
	if (rc) {
		cal_free(c);
		c = NULL;
	}
	*out = c;
	return finish(d, rc);
}

int inputs_report_types(rp_types **out)
{
	gn_diag *d = diag_new(50);
	rp_types *ts = rp_types_new();
	buf path;
	buf_init(&path, 0);
	data_path(&path, "GNBV_REPORT_TYPES", "me/report_types.csv");
	gn_err rc = report_types_load_file(ts, buf_cstr(&path), buf_cstr(&path), d);
	buf_free(&path);
	if (rc) {
		rp_types_free(ts);
		ts = NULL;
	}
	*out = ts;
	return finish(d, rc);
}

int inputs_procedure(review_procedure *out)
{
	gn_diag *d = diag_new(50);
	buf path;
	buf_init(&path, 0);
	data_path(&path, "GNBV_PROCEDURE", "review/procedure.csv");
	gn_err rc = procedure_load_file(buf_cstr(&path), buf_cstr(&path), d, out);
	buf_free(&path);
	return finish(d, rc);
}

int inputs_catalogue(me_catalogue **out)
{
	gn_diag *d = diag_new(50);
	buf path;
	buf_init(&path, 0);
	data_path(&path, "GNBV_PROJECTS", "me/projects.csv");
	gn_err rc = catalogue_load_file(buf_cstr(&path), buf_cstr(&path), d, out);
	buf_free(&path);
	return finish(d, rc);
}

int inputs_indicators(ind_catalogue **out)
{
	gn_diag *d = diag_new(50);
	buf path;
	buf_init(&path, 0);
	data_path(&path, "GNBV_INDICATORS", "me");
	gn_err rc = indfile_load_dir(buf_cstr(&path), d, out);
	buf_free(&path);
	return finish(d, rc);
}

int inputs_units(const char *units_path, const char *lineage_path,
		 unit_set **out)
{
	gn_diag *d = diag_new(100);
	*out = NULL;
	gn_err rc = unitfile_load(units_path, units_path, lineage_path,
				  lineage_path, d, out);
	return finish(d, rc);
}

int inputs_date(const cli_command *cmd, const char *opt, const char *s,
		gn_date *out)
{
	if (!val_date(s, strlen(s), out)) {
		cli_error(cmd, "--%s: expected a date (YYYY-MM-DD or DD/MM/YYYY), got \"%s\"",
			  opt, s);
		return EXIT_BADINPUT;
	}
	return EXIT_OK;
}

int inputs_level(const cli_command *cmd, const char *s, unit_level *out)
{
	if (!unit_level_parse(s, strlen(s), out)) {
		cli_error(cmd, "--level: expected country, province, district, commune or village, got \"%s\"",
			  s);
		return EXIT_BADINPUT;
	}
	return EXIT_OK;
}

int inputs_store(const char *path, bool create, store **out)
{
	if (!path)
		path = "gnbv.db";
	*out = NULL;
	bool missing = !create && access(path, F_OK) != 0;
	gn_diag *d = diag_new(10);
	gn_err rc = store_open(path, create, d, out);
	cli_print_diag(d);
	diag_free(d);
	if (rc == GN_OK)
		return EXIT_OK;
	return missing ? EXIT_BADINPUT : EXIT_FAIL;
}

int inputs_read_file(const char *path, buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
		return EXIT_BADINPUT;
	}
	char block[1 << 16];
	size_t n;
	gn_err rc = GN_OK;
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		if ((rc = buf_put(out, block, n)))
			break;
	int status = EXIT_OK;
	if (rc) {
		fprintf(stderr, "%s: the file is too large\n", path);
		status = EXIT_BADINPUT;
	} else if (ferror(f)) {
		fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
		status = EXIT_BADINPUT;
	}
	fclose(f);
	return status;
}
