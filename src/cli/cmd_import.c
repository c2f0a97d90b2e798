/*
 * cmd_import.c - `gnbv import KIND FILE`: loads an interchange file
 * (formats.md 1-4, CSV or XLSX) into the database, all or nothing
 * (app/import.h). Layer: cli.
 */
#include <string.h>

#include "../app/import.h"
#include "commands.h"
#include "inputs.h"

static int run(const cli_command *cmd, const cli_args *a)
{
	file_kind kind;
	if (!file_kind_parse(a->pos[0], &kind)) {
		cli_error(cmd, "KIND: expected units, lineage, population, households, budget or indicator_values, got \"%s\"",
			  a->pos[0]);
		return EXIT_BADINPUT;
	}
	const char *path = a->pos[1];
	std_set *s = NULL;
	me_catalogue *cat = NULL;
	ind_catalogue *indicators = NULL;
	store *st = NULL;
	buf data;
	buf_init(&data, 0);
	int status = EXIT_OK;
	if (kind == FILE_HOUSEHOLDS)
		status = inputs_standards(&s);
	if (kind == FILE_BUDGET)
		status = inputs_catalogue(&cat);
	if (kind == FILE_INDICATOR_VALUES)
		status = inputs_indicators(&indicators);
	if (status == EXIT_OK)
		status = inputs_read_file(path, &data);
	if (status == EXIT_OK)
		status = inputs_store(cli_get(cmd, a, "db"), false, &st);
	if (status != EXIT_OK)
		goto done;

	import_opts o = {.standards = s, .catalogue = cat, .user = 0};
	o.indicators = indicators;
	gn_diag *d = diag_new(100);
	size_t rows = 0;
	gn_err rc = import_mem(st, kind, path, data.len ? data.p : "", data.len, &o, d, &rows);
	cli_print_diag(d);
	diag_free(d);
	if (rc == GN_OK)
		fprintf(stderr, "imported %zu rows\n", rows);
	else
		status = rc == GN_EINPUT ? EXIT_BADINPUT : EXIT_FAIL;
done:
	store_close(st);
	std_set_free(s);
	catalogue_free(cat);
	ind_catalogue_free(indicators);
	buf_free(&data);
	return status;
}

static const cli_opt opts[] = {
	{"db", "FILE", false, "database file (default gnbv.db)"},
};

const cli_command cmd_import = {
	.name = "import",
	.args = "KIND FILE",
	.summary = "load units, lineage, population, households, budget lines or indicator values into the database",
	.details =
		"KIND is units, lineage, population, households, budget or indicator_values;\n"
		"FILE is CSV in the layout of formats.md, or an .xlsx workbook whose first\n"
		"sheet has that layout (line numbers are then the sheet's row numbers). The\n"
		"whole file "
		"is checked first: on any error every error is listed and nothing is\n"
		"written (exit status 2). Units replace the stored units (the lineage is\n"
		"kept); lineage replaces the stored lineage; population rows and\n"
		"household reviews are added or replace the stored ones (a locked review\n"
		"cannot be replaced). Import units first: the others refer to them.\n"
		"Budget lines (formats.md 5) are checked against the catalogue of projects\n"
		"(DATA/me/projects.csv), the stored units and plans: a stored plan's lines\n"
		"fall in its years and add up to the funding it declares; disbursements stay\n"
		"within allocations. An allocation replaces the stored one of its plan, unit,\n"
		"year, project, source and capital; a disbursement that of the same day.\n"
		"Indicator values (formats.md 6) are checked against the results framework\n"
		"(DATA/me/indicators.csv) and the stored units; a row sets the value and/or\n"
		"the local target it gives for its indicator, unit and period, and keeps\n"
		"the other.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.min_pos = 2,
	.max_pos = 2,
	.run = run,
};
