/*
 * cmd_init.c - `gnbv init`: creates the database (or brings an existing
 * one to the latest schema). Layer: cli.
 */
#include "commands.h"
#include "inputs.h"

static int run(const cli_command *cmd, const cli_args *a)
{
	const char *path = cli_get(cmd, a, "db");
	if (!path)
		path = "gnbv.db";
	store *st;
	int status = inputs_store(path, true, &st);
	if (status)
		return status;
	fprintf(stderr, "%s: schema version %d\n", path, store_schema_version(st));
	store_close(st);
	return EXIT_OK;
}

static const cli_opt opts[] = {
	{"db", "FILE", false, "database file (default gnbv.db)"},
};

const cli_command cmd_init = {
	.name = "init",
	.summary = "create the database, or bring it to the latest schema",
	.details =
		"Creates the SQLite database (WAL mode) with every table, or applies the\n"
		"schema migrations an older database lacks; running it again changes\n"
		"nothing. Then load the data with gnbv import: units first (households\n"
		"and population refer to them), then lineage, population, households.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.run = run,
};
