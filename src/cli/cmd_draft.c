/*
 * cmd_draft.c - `gnbv draft mau-01|mau-02`: the pre-filled drafts of the
 * programme's monitoring (Mẫu 01) and evaluation (Mẫu 02) reports of a
 * unit, as an editable Word document (draft/me_draft.h).
 *
 * Layer: cli.
 */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "../draft/me_draft.h"
#include "../report/xlsx.h"
#include "commands.h"
#include "inputs.h"

static const cli_short shorts[] = {{'o', "out"}};

static const cli_opt opts[] = {
	{"unit", "CODE", false, "the reporting unit (its subtree's figures)"},
	{"year", "Y", false, "the year reported on"},
	{"period", "P", false, "mau-01: s1, year, adhoc; mau-02: baseline, midterm, final, year, adhoc"},
	{"as-of", "DATE", false, "map date (default: 31 December of the year)"},
	{"date", "DATE", false, "the report's date (default: today)"},
	{"db", "FILE", false, "database (default gnbv.db)"},
	{"format", "FMT", false, "docx (the report, default) or xlsx (its tables, a sheet each)"},
	{"out", "FILE", false, "output file"},
};

static int run(const cli_command *cmd, const cli_args *a)
{
	me_form form;
	if (strcmp(a->pos[0], "mau-01") == 0) {
		form = ME_FORM_01;
	} else if (strcmp(a->pos[0], "mau-02") == 0) {
		form = ME_FORM_02;
	} else {
		cli_error(cmd, "FORM: expected mau-01 or mau-02, got \"%s\"", a->pos[0]);
		return EXIT_BADINPUT;
	}
	const char *unit = cli_get(cmd, a, "unit");
	const char *out = cli_get(cmd, a, "out");
	const char *period = cli_get(cmd, a, "period");
	if (!unit || !cli_get(cmd, a, "year") || !out || !period) {
		cli_error(cmd, "--unit CODE, --year Y, --period P and -o FILE are required");
		return EXIT_BADINPUT;
	}
	if (!me_draft_period_valid(form, period)) {
		cli_error(cmd, "--period: \"%s\" is not a period of %s (%s)", period, a->pos[0],
			  form == ME_FORM_01 ? "s1, year, adhoc" : "baseline, midterm, final, year, adhoc");
		return EXIT_BADINPUT;
	}
	const char *format = cli_get(cmd, a, "format");
	bool xlsx = format && strcmp(format, "xlsx") == 0;
	if (format && !xlsx && strcmp(format, "docx") != 0) {
		cli_error(cmd, "--format: expected docx or xlsx, got \"%s\"", format);
		return EXIT_BADINPUT;
	}
	long year;
	if (!cli_get_int(cmd, a, "year", 2000, 2063, 0, &year))
		return EXIT_BADINPUT;
	gn_date asof = date_year_end((int)year);
	const char *s = cli_get(cmd, a, "as-of");
	if (s && inputs_date(cmd, "as-of", s, &asof))
		return EXIT_BADINPUT;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	gn_date today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	s = cli_get(cmd, a, "date");
	if (s && inputs_date(cmd, "date", s, &today))
		return EXIT_BADINPUT;

	int status;
	std_set *stds = NULL;
	ind_catalogue *inds = NULL;
	me_catalogue *projects = NULL;
	store *st = NULL;
	report_layout *results = NULL;
	me_draft *x = NULL;
	buf path;
	buf_init(&path, 0);
	gn_diag *d = diag_new(100);
	if ((status = inputs_standards(&stds)) || (status = inputs_indicators(&inds)) ||
	    (status = inputs_catalogue(&projects)) ||
	    (status = inputs_store(cli_get(cmd, a, "db"), false, &st)))
		goto done;
	inputs_reports_dir(&path);
	buf_puts(&path, "/results.rpt");
	if (report_layout_load(buf_cstr(&path), d, &results)) {
		cli_print_diag(d);
		status = EXIT_FAIL;
		goto done;
	}
	me_draft_opts o = {
		.form = form, .period = period, .unit_code = unit, .year = (int)year,
		.asof = asof, .today = today, .stds = stds, .results = results, .indicators = inds,
		.projects = projects,
	};
	gn_err rc = me_draft_build(st, &o, d, &x);
	cli_print_diag(d);
	if (rc) {
		status = rc == GN_ENOTFOUND || rc == GN_EINPUT ? EXIT_BADINPUT : EXIT_FAIL;
		if (status == EXIT_FAIL)
			cli_error(cmd, "cannot build the draft: %s", gn_strerror(rc));
		goto done;
	}
	rc = xlsx ? report_render_xlsx_book((const report_doc *const *)x->tables, x->sheet_names,
					    x->ntables, out)
		  : docx_write(x->doc, out);
	if (rc) {
		cli_error(cmd, "%s: cannot write: %s", out, strerror(errno));
		status = EXIT_FAIL;
	}
done:
	me_draft_free(x);
	report_layout_free(results);
	store_close(st);
	std_set_free(stds);
	ind_catalogue_free(inds);
	diag_free(d);
	buf_free(&path);
	catalogue_free(projects);
	return status;
}

const cli_command cmd_draft = {
	.name = "draft",
	.args = "FORM",
	.summary = "pre-filled drafts of the M&E reports Mẫu 01 and Mẫu 02 (.docx, tables .xlsx)",
	.details =
		"FORM is mau-01 (monitoring report: --period s1, year or adhoc) or mau-02\n"
		"(evaluation report: --period baseline, midterm, final, year or adhoc) of\n"
		"Circular 10/2022/TT-BLĐTBXH. The draft is a Word document with every\n"
		"number from the database for the unit's subtree: the review's results\n"
		"(the six-month report gives the previous year's review), plans, funds\n"
		"allocated and disbursed by project and source, indicators against their\n"
		"targets, training and inspections; the narrative sections are\n"
		"highlighted paragraphs saying what the officer writes. --format xlsx\n"
		"writes the draft's tables instead, one sheet each.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.shorts = shorts,
	.nshorts = sizeof shorts / sizeof shorts[0],
	.min_pos = 1,
	.max_pos = 1,
	.run = run,
};
