/*
 * cmd_classify.c - `gnbv classify`: one class, deprivation count and
 * transition per household row (formats.md 7.1).
 *
 * Layer: cli. Two passes over households.csv: the first validates every
 * row and builds each household's history (so that a re_poor can depend
 * on a row later in the file); the second writes the rows in input order.
 * Nothing is written unless the whole file is valid. Memory holds only
 * the histories, never the rows.
 */
#include <stdlib.h>

#include "../io/csv.h"
#include "../io/households_file.h"
#include "../io/hhscan.h"
#include "commands.h"
#include "inputs.h"

#define FLUSH_AT (1u << 20)

/* Pass 2: write the rows. */
static int write_rows(const char *path, const unit_set *u, const std_set *s,
		      const hh_scan *x)
{
	gn_diag *d = diag_new(10);
	hh_reader *r;
	buf out;
	buf_init(&out, 0);
	int status = EXIT_OK;
	gn_err rc = hhfile_open(path, path, u, s, d, &r);
	if (rc) {
		cli_print_diag(d);
		diag_free(d);
		return EXIT_FAIL;
	}
	buf_puts(&out, "household_id,year,class,deprivations,transition\n");
	hh_row row;
	while ((rc = hhfile_next(r, &row, d)) == GN_OK) {
		hh_transition t = transition_of(hhscan_find(x, row.id, row.id_len),
						row.year, row.cls);
		csv_put_field(&out, row.id, row.id_len);
		buf_putc(&out, ',');
		buf_put_i64(&out, row.year);
		buf_putc(&out, ',');
		buf_puts(&out, class_name(row.cls));
		buf_putc(&out, ',');
		buf_put_i64(&out, row.deprivations);
		buf_putc(&out, ',');
		buf_puts(&out, transition_name(t));
		buf_putc(&out, '\n');
		if (out.len >= FLUSH_AT) {
			if (cli_write_stdout(&out)) {
				status = EXIT_FAIL;
				break;
			}
			buf_reset(&out);
		}
	}
	if (status == EXIT_OK && rc != GN_ENOTFOUND) {
		/* The file changed between the passes. */
		cli_print_diag(d);
		fprintf(stderr, "gnbv classify: %s changed while it was read\n", path);
		status = EXIT_FAIL;
	}
	if (status == EXIT_OK && (cli_write_stdout(&out) || fflush(stdout)))
		status = EXIT_FAIL;
	hhfile_close(r);
	buf_free(&out);
	diag_free(d);
	return status;
}

static int run(const cli_command *cmd, const cli_args *a)
{
	const char *units = cli_get(cmd, a, "units");
	const char *households = cli_get(cmd, a, "households");
	std_set *s = NULL;
	unit_set *u = NULL;
	hh_scan *x = NULL;
	int status = inputs_standards(&s);
	if (status == EXIT_OK)
		status = inputs_units(units, cli_get(cmd, a, "lineage"), &u);
	if (status == EXIT_OK) {
		/* Pass 1: validate every row and build the histories. */
		gn_diag *d = diag_new(100);
		gn_err rc = hhscan_run(households, households, u, s, 0, 0, d, &x);
		cli_print_diag(d);
		diag_free(d);
		if (rc)
			status = EXIT_BADINPUT;
	}
	if (status == EXIT_OK)
		status = write_rows(households, u, s, x);
	hhscan_free(x);
	units_free(u);
	std_set_free(s);
	return status;
}

static const cli_opt opts[] = {
	{"units", "FILE", true, "units.csv: administrative units with history"},
	{"households", "FILE", true, "households.csv: one row per household per review year"},
	{"lineage", "FILE", false, "lineage.csv: merges and splits (checked, not needed to classify)"},
};

const cli_command cmd_classify = {
	.name = "classify",
	.summary = "classify household rows (poor, near-poor, average) and their transitions",
	.details =
		"Writes household_id,year,class,deprivations,transition for every row of\n"
		"households.csv, in input order. The standard is chosen by the row's year\n"
		"(data/standards/*.std); the area by the row's `area`, else its unit as of\n"
		"31 December of that year. Transitions use the household's whole history.\n"
		"Bad input: messages FILE:LINE: column NAME: ... on standard error, exit\n"
		"status 2 and nothing on standard output.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.run = run,
};
