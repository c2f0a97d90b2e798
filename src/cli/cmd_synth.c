/* cmd_synth.c - `gnbv synth`: writes a synthetic Vietnam (synth.h). Layer: cli. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "synth.h"

static const cli_opt synth_opts_table[] = {
	{"scale", "S", false,
	 "households multiplier, above 0: 1.0 is the real size (~27 million "
	 "households nationally); default 0.01"},
	{"seed", "N", false, "random seed, a whole number; default 1"},
	{"out", "DIR", true, "output directory (created when missing)"},
	{"province", "CODE", false,
	 "only this province of the 2025 map (e.g. 04), at its real size "
	 "times the scale"},
	{"years", "Y1-Y2", false,
	 "review years to write, 2022-2030 (or one year); default 2022-2025"},
};

/* "Y1-Y2" or "Y". */
static bool parse_years(const char *s, int *from, int *to)
{
	char *end;
	errno = 0;
	long a = strtol(s, &end, 10);
	if (end == s || errno || a < 1000 || a > 9999)
		return false;
	long b = a;
	if (*end == '-') {
		const char *s2 = end + 1;
		b = strtol(s2, &end, 10);
		if (end == s2 || errno || b < 1000 || b > 9999)
			return false;
	}
	if (*end)
		return false;
	*from = (int)a;
	*to = (int)b;
	return true;
}

static int run_synth(const cli_command *cmd, const cli_args *a)
{
	synth_opts o;
	synth_opts_init(&o);
	const char *s = cli_get(cmd, a, "scale");
	if (s) {
		char *end;
		errno = 0;
		double v = strtod(s, &end);
		if (end == s || *end || errno || !(v > 0) || v > SYNTH_SCALE_MAX) {
			cli_error(cmd, "--scale: expected a number above 0 and at most "
				  "%g, got \"%s\"", SYNTH_SCALE_MAX, s);
			return EXIT_BADINPUT;
		}
		o.scale = v;
	}
	s = cli_get(cmd, a, "seed");
	if (s) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(s, &end, 10);
		if (end == s || *end || errno || s[0] == '-') {
			cli_error(cmd, "--seed: expected a whole number from 0 to "
				  "18446744073709551615, got \"%s\"", s);
			return EXIT_BADINPUT;
		}
		o.seed = (uint64_t)v;
	}
	o.province = cli_get(cmd, a, "province");
	s = cli_get(cmd, a, "years");
	if (s && !parse_years(s, &o.year_from, &o.year_to)) {
		cli_error(cmd, "--years: expected Y1-Y2 (e.g. 2022-2025) or one "
			  "year, got \"%s\"", s);
		return EXIT_BADINPUT;
	}
	o.progress = true;

	buf msg;
	buf_init(&msg, 0);
	gn_err rc = synth_write(&o, cli_get(cmd, a, "out"), NULL, &msg);
	if (rc)
		cli_error(cmd, "%s", msg.len ? buf_cstr(&msg) : gn_strerror(rc));
	buf_free(&msg);
	if (rc == GN_EUSAGE || rc == GN_EINPUT)
		return EXIT_BADINPUT;
	return rc ? EXIT_FAIL : EXIT_OK;
}

const cli_command cmd_synth = {
	.name = "synth",
	.args = NULL,
	.summary = "write a deterministic synthetic Vietnam (units, lineage, "
		   "population, households)",
	.details =
		"Writes units.csv, lineage.csv, population.csv and households.csv\n"
		"(formats.md 1-4) into DIR: the 34 provinces; the old map (~700\n"
		"districts, ~10,000 communes, valid to 2025-06-30) and the new one\n"
		"(3,321 communes from 2025-07-01) with merge and split lineage; the\n"
		"resident households of every commune and year; and the reviewed\n"
		"households of each year (poor, near-poor, escaped and applicants,\n"
		"8-10% of all households), following a Markov chain so that every\n"
		"transition occurs. The same options give byte-identical files.\n"
		"Progress and a summary go to standard error; nothing to standard\n"
		"output. The model is described at the top of src/cli/synth.c.",
	.opts = synth_opts_table,
	.nopts = sizeof synth_opts_table / sizeof synth_opts_table[0],
	.min_pos = 0,
	.max_pos = 0,
	.run = run_synth,
};
