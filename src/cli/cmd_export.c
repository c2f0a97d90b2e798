/*
 * cmd_export.c - `gnbv export KIND`: writes units, lineage, population or
 * households from the database as formats.md CSV (app/export.h).
 * Layer: cli.
 */
#include <stdlib.h>

#include "../app/export.h"
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
	long year;
	if (!cli_get_int(cmd, a, "year", 1900, 2199, 0, &year))
		return EXIT_BADINPUT;
	const char *unit = cli_get(cmd, a, "unit");
	std_set *s = NULL;
	store *st = NULL;
	unit_set *u = NULL;
	char **codes = NULL;
	size_t ncodes = 0;
	buf out;
	buf_init(&out, 0);
	int status = EXIT_OK;
	if (kind == FILE_HOUSEHOLDS)
		status = inputs_standards(&s);
	if (status == EXIT_OK)
		status = inputs_store(cli_get(cmd, a, "db"), false, &st);
	if (status != EXIT_OK)
		goto done;
	if (unit) {
		gn_err rc = store_units_load(st, &u);
		if (rc) {
			cli_error(cmd, "database: %s", store_errmsg(st));
			status = EXIT_FAIL;
			goto done;
		}
		if (export_scope(u, unit, &codes, &ncodes) != GN_OK) {
			cli_error(cmd, "--unit: no unit \"%s\" in the database", unit);
			status = EXIT_BADINPUT;
			goto done;
		}
	}
	export_opts o = {.unit_codes = unit ? (const char *const *)codes : NULL,
			 .nunits = ncodes, .year = (int)year, .standards = s};
	gn_err rc = export_csv(st, kind, &o, &out);
	if (rc) {
		cli_error(cmd, "database: %s (%s)", gn_strerror(rc), store_errmsg(st));
		status = EXIT_FAIL;
		goto done;
	}
	if (cli_write_stdout(&out) || fflush(stdout))
		status = EXIT_FAIL;
done:
	export_scope_free(codes, ncodes);
	units_free(u);
	store_close(st);
	std_set_free(s);
	buf_free(&out);
	return status;
}

static const cli_opt opts[] = {
	{"db", "FILE", false, "database file (default gnbv.db)"},
	{"unit", "CODE", false,
	 "only this unit and the units under it (and those carried into it by lineage)"},
	{"year", "Y", false, "population, households and budget: only this year"},
};

const cli_command cmd_export = {
	.name = "export",
	.args = "KIND",
	.summary = "write units, lineage, population, households, budget lines or indicator values as CSV",
	.details =
		"KIND is units, lineage, population, households, budget or indicator_values.\n"
		"The CSV has the layout of formats.md and imports again unchanged; households\n"
		"are one row per "
		"review, by household id and year, with money as plain digits. With --unit,\n"
		"units come with their ancestors (so the file checks on its own) and\n"
		"lineage with every row that touches the units. indicator_values: the\n"
		"values and local targets entered or imported (--year: of that year's\n"
		"periods), values as exact decimals.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.min_pos = 1,
	.max_pos = 1,
	.run = run,
};
