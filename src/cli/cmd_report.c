/*
 * cmd_report.c - `gnbv report`: the review's official summary tables
 * (issue 4) for a unit, a year and a map date, from the database.
 *
 * Layer: cli. The tables are the layouts of data/reports/NAME.rpt
 * (report/engine.h); the figures come from the store (report/figures.h);
 * the format is looked up in the renderers' table (report/render.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../report/engine.h"
#include "../report/figures.h"
#include "../report/budget.h"
#include "../report/households.h"
#include "../report/render.h"
#include "commands.h"
#include "inputs.h"

static const cli_short shorts[] = {{'o', "out"}};

static const cli_opt opts[] = {
	{"unit", "CODE", false, "the unit reported on (its subtree, with subtotals per level)"},
	{"year", "Y", false, "review year"},
	{"as-of", "DATE", false, "map date (default: 31 December of the year)"},
	{"format", "FMT", false, "output format (default csv; see --help)"},
	{"db", "FILE", false, "database (default gnbv.db)"},
	{"out", "FILE", false, "output file, - for standard output"},
	{"list", NULL, false, "list the reports with their Vietnamese titles"},
};

static int load_layouts(report_layout ***ls, size_t *n)
{
	buf dir;
	buf_init(&dir, 0);
	inputs_reports_dir(&dir);
	gn_diag *d = diag_new(50);
	gn_err rc = report_layouts_load(buf_cstr(&dir), d, ls, n);
	cli_print_diag(d);
	diag_free(d);
	buf_free(&dir);
	return rc == GN_OK ? EXIT_OK : rc == GN_EIO ? EXIT_FAIL : EXIT_BADINPUT;
}

/* Copies the file at path to standard output. */
static int copy_to_stdout(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return EXIT_FAIL;
	char block[1 << 16];
	size_t got;
	int status = EXIT_OK;
	while ((got = fread(block, 1, sizeof block, f)) > 0)
		if (fwrite(block, 1, got, stdout) != got)
			status = EXIT_FAIL;
	if (ferror(f) || fflush(stdout))
		status = EXIT_FAIL;
	fclose(f);
	return status;
}

static int render(const cli_command *cmd, const report_format *fmt, const report_doc *doc,
		  const char *out)
{
	if (strcmp(out, "-") != 0) {
		if (fmt->render(doc, out)) {
			cli_error(cmd, "%s: cannot write: %s", out, strerror(errno));
			return EXIT_FAIL;
		}
		return EXIT_OK;
	}
	const char *tmpdir = getenv("TMPDIR");
	buf path;
	buf_init(&path, 0);
	buf_printf(&path, "%s/gnbv-report-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path.p);
	int status = EXIT_FAIL;
	if (fd < 0) {
		cli_error(cmd, "cannot create a temporary file: %s", strerror(errno));
	} else {
		close(fd);
		if (fmt->render(doc, buf_cstr(&path)))
			cli_error(cmd, "cannot render the report: %s", strerror(errno));
		else
			status = copy_to_stdout(buf_cstr(&path));
		unlink(buf_cstr(&path));
	}
	buf_free(&path);
	return status;
}

/* Builds list hl (report/households.h) into *doc and renders it to out. */
static int list_one(const cli_command *cmd, const report_list *hl, const report_list_args *la,
		    const report_format *fmt, gn_diag *d, const char *out, report_doc **doc)
{
	size_t n = 0;
	gn_err rc = report_list_build(hl, la, d, doc, &n);
	cli_print_diag(d);
	diag_clear(d);
	if (rc) {
		if (rc == GN_ENOTFOUND || rc == GN_EINPUT)
			return EXIT_BADINPUT;
		cli_error(cmd, "%s: cannot read the households: %s", hl->name, gn_strerror(rc));
		return EXIT_FAIL;
	}
	if (hl->approved_only && n == 0)
		fprintf(stderr, "gnbv report: note: %s: no household of %d is recognised yet in %s (the %s lists the reviews the commune chair approved)\n",
			hl->name, la->year, la->unit_code, hl->name);
	return render(cmd, fmt, *doc, out);
}

/* `gnbv report budget` (report/budget.h): the funds of a unit and its
 * subtree for a year, by project, source and capital type, with rates. */
static int budget_one(const cli_command *cmd, const cli_args *a, const char *unit, int year,
		      gn_date asof, const report_format *fmt, const char *out)
{
	me_catalogue *cat = NULL;
	store *st = NULL;
	budget_figures *fig = NULL;
	report_doc *doc = NULL;
	gn_diag *d = diag_new(20);
	int status;
	if ((status = inputs_catalogue(&cat)) ||
	    (status = inputs_store(cli_get(cmd, a, "db"), false, &st)))
		goto done;
	gn_err rc = budget_figures_load(st, cat, unit, year, NULL, asof, d, &fig);
	cli_print_diag(d);
	if (rc) {
		status = rc == GN_ENOTFOUND ? EXIT_BADINPUT : EXIT_FAIL;
		if (status == EXIT_FAIL)
			cli_error(cmd, "cannot compute the budget: %s", gn_strerror(rc));
		goto done;
	}
	if (fig->unplaced)
		fprintf(stderr, "gnbv report: warning: %zu budget line(s) of %d cannot be placed on the map; left out\n",
			fig->unplaced, year);
	status = report_budget(fig, &doc) ? EXIT_FAIL : render(cmd, fmt, doc, out);
done:
	report_doc_free(doc);
	budget_figures_free(fig);
	store_close(st);
	catalogue_free(cat);
	diag_free(d);
	return status;
}

static int run(const cli_command *cmd, const cli_args *a)
{
	report_layout **ls = NULL;
	size_t nl = 0;
	int status = load_layouts(&ls, &nl);
	store *st = NULL;
	std_set *stds = NULL;
	report_figures *fig = NULL;
	report_doc *doc = NULL;
	gn_diag *d = diag_new(100);
	buf rdir; /* the reports directory (the certificates' wording) */
	buf_init(&rdir, 0);
	if (status)
		goto done;

	if (cli_flag(cmd, a, "list")) {
		for (size_t i = 0; i < nl; i++)
			printf("%-24s %s\n", report_layout_name(ls[i]), report_layout_title(ls[i]));
		size_t nlists;
		const report_list *lists = report_lists(&nlists);
		for (size_t i = 0; i < nlists; i++)
			printf("%-24s %s\n", lists[i].name, lists[i].title_vi);
		printf("%-24s %s\n", REPORT_BUDGET, REPORT_BUDGET_TITLE);
		status = fflush(stdout) ? EXIT_FAIL : EXIT_OK;
		goto done;
	}

	status = EXIT_BADINPUT;
	if (a->npos != 1) {
		cli_error(cmd, "which report? give a NAME (gnbv report --list)");
		goto done;
	}
	/* "all": every table from one load of the figures, into the folder -o */
	bool all = strcmp(a->pos[0], "all") == 0;
	/* the programme's funds (report/budget.h): not a layout either */
	bool budget = strcmp(a->pos[0], REPORT_BUDGET) == 0;
	/* lists of households (report/households.h): built-in, not layouts */
	const report_list *hlist = report_list_find(a->pos[0]);
	const report_layout *l = NULL;
	for (size_t i = 0; i < nl; i++)
		if (strcmp(report_layout_name(ls[i]), a->pos[0]) == 0)
			l = ls[i];
	if (!l && !all && !hlist && !budget) {
		cli_error(cmd, "unknown report \"%s\" (gnbv report --list)", a->pos[0]);
		goto done;
	}
	const char *unit = cli_get(cmd, a, "unit");
	const char *out = cli_get(cmd, a, "out");
	const char *fname = cli_get(cmd, a, "format");
	if (!unit || !cli_get(cmd, a, "year") || !out) {
		cli_error(cmd, "--unit CODE, --year Y and -o FILE are required");
		goto done;
	}
	const report_format *fmt = report_format_find(fname ? fname : "csv");
	if (!fmt) {
		size_t nf;
		const report_format *fs = report_formats(&nf);
		buf names;
		buf_init(&names, 0);
		for (size_t i = 0; i < nf; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", fs[i].name);
		cli_error(cmd, "--format: unknown format \"%s\" (known: %s)", fname,
			  buf_cstr(&names));
		buf_free(&names);
		goto done;
	}
	long year;
	if (!cli_get_int(cmd, a, "year", 2000, 2063, 0, &year))
		goto done;
	gn_date asof = date_year_end((int)year);
	const char *asof_s = cli_get(cmd, a, "as-of");
	if (asof_s && inputs_date(cmd, "as-of", asof_s, &asof))
		goto done;

	if (budget) {
		status = budget_one(cmd, a, unit, (int)year, asof, fmt, out);
		goto done;
	}
	if ((status = inputs_standards(&stds)) || (status = inputs_store(cli_get(cmd, a, "db"),
									false, &st)))
		goto done;
	gn_err rc;
	inputs_reports_dir(&rdir);
	report_list_args la = {st, stds, buf_cstr(&rdir), unit, (int)year, asof,
			       strcmp(fmt->name, "csv") == 0};
	if (hlist) {
		status = list_one(cmd, hlist, &la, fmt, d, out, &doc);
		goto done;
	}
	rc = report_figures_load(st, stds, unit, (int)year, asof, d, &fig);
	cli_print_diag(d);
	diag_clear(d);
	if (rc) {
		if (rc == GN_ENOTFOUND)
			status = EXIT_BADINPUT;
		else {
			cli_error(cmd, "cannot compute the figures: %s", gn_strerror(rc));
			status = EXIT_FAIL;
		}
		goto done;
	}
	if (fig->unplaced) {
		char day[11];
		date_format_iso(asof, day);
		fprintf(stderr, "gnbv report: warning: %lld household row(s) of %ld cannot be placed on the map of %s; left out\n",
			(long long)fig->unplaced, year, day);
	}
	if (all) {
		if (mkdir(out, 0777) != 0 && errno != EEXIST) {
			cli_error(cmd, "-o %s: cannot create the folder: %s", out, strerror(errno));
			status = EXIT_FAIL;
			goto done;
		}
		status = EXIT_OK;
		for (size_t i = 0; i < nl && status == EXIT_OK; i++) {
			rc = report_build(ls[i], fig, d, &doc);
			cli_print_diag(d);
			diag_clear(d);
			if (rc) {
				status = EXIT_BADINPUT;
				break;
			}
			buf path;
			buf_init(&path, 0);
			buf_printf(&path, "%s/%s%s", out, report_layout_name(ls[i]), fmt->extension);
			status = render(cmd, fmt, doc, buf_cstr(&path));
			buf_free(&path);
			report_doc_free(doc);
			doc = NULL;
		}
		/* the lists of households: for a commune or a village only; for
		 * a larger unit they are skipped with a note (one list per
		 * commune is drawn with --unit COMMUNE); the posting list, first,
		 * tells which (it reads no file that could be bad) */
		size_t nlists;
		const report_list *lists = report_lists(&nlists);
		for (size_t i = 0; i < nlists && status == EXIT_OK; i++) {
			report_doc_free(doc);
			doc = NULL;
			buf path;
			buf_init(&path, 0);
			buf_printf(&path, "%s/%s%s", out, lists[i].name, fmt->extension);
			if (i == 0 && report_list_build(&lists[0], &la, NULL, &doc, NULL) == GN_EINPUT) {
				for (size_t k = 0; k < nlists; k++)
					fprintf(stderr, "gnbv report: note: %s is drawn for a commune or a village; skipped for unit %s\n",
						lists[k].name, unit);
				buf_free(&path);
				break;
			}
			status = doc ? render(cmd, fmt, doc, buf_cstr(&path))
				     : list_one(cmd, &lists[i], &la, fmt, d, buf_cstr(&path), &doc);
			buf_free(&path);
		}
		goto done;
	}
	rc = report_build(l, fig, d, &doc);
	cli_print_diag(d);
	if (rc) {
		status = EXIT_BADINPUT;
		goto done;
	}
	status = render(cmd, fmt, doc, out);

done:
	buf_free(&rdir);
	report_doc_free(doc);
	report_figures_free(fig);
	store_close(st);
	std_set_free(stds);
	diag_free(d);
	for (size_t i = 0; i < nl; i++)
		report_layout_free(ls[i]);
	free(ls);
	return status;
}

const cli_command cmd_report = {
	.name = "report",
	.args = "[NAME]",
	.summary = "the review's official tables, lists and certificates, as CSV, XLSX or PDF",
	.details =
		"gnbv report NAME --unit CODE --year Y [--as-of D] [--format csv|xlsx|pdf] -o FILE\n"
		"gnbv report all ... -o FOLDER writes every table, from one computation\n"
		"(and the lists of households when CODE is a commune or a village;\n"
		"skipped with a note for a larger unit)\n"
		"\n"
		"Tables: NAME (gnbv report --list) for the unit CODE and every unit under\n"
		"it on the map of D (default 31 December of Y): a row per unit, a subtotal\n"
		"row per unit that has units under it (followed by them), and the total\n"
		"last. The figures are those of `gnbv summary` (households recorded on units\n"
		"that ceased are carried through lineage; splits allocate whole households\n"
		"in household-id order); movements hold end = start - out + in on every row.\n"
		"The tables count every review of year Y whatever its status (draft,\n"
		"approved, locked): they serve during the review, before the chair approves.\n"
		"The layouts are data: data/reports/NAME.rpt ($GNBV_REPORTS overrides the\n"
		"directory).\n"
		"\n"
		"Lists of households (personal data), for a commune or a village only:\n"
		"  posting-list    the list for public posting (niêm yết): the poor and\n"
		"                  near-poor households of Y, every review whatever its\n"
		"                  status, one block per village, heads in Vietnamese order.\n"
		"  decision-annex  DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN: the annex\n"
		"                  of the commune chair's decision, approved reviews only\n"
		"                  (status approved or locked): the poor, then the near-poor,\n"
		"                  by village, with the head's sex, birth year, ethnicity, the\n"
		"                  members and the groups (ethnic minority, no labour capacity,\n"
		"                  merit, social protection); it cites the decision recorded\n"
		"                  on the commune's review round.\n"
		"  certificates    GIẤY CHỨNG NHẬN HỘ NGHÈO / HỘ CẬN NGHÈO: one A4 portrait\n"
		"                  page per approved household (xlsx: a manual page break\n"
		"                  before each), numbered in the order of the commune's\n"
		"                  annex, with the members entered for the household (else\n"
		"                  the head and empty rows to fill in); the wording is\n"
		"                  data/reports/certificates.form. --format csv gives one\n"
		"                  row per member (certificate number, household, member)\n"
		"                  instead of pages.\n"
		"An approved-only list with no household yet is written with a note on\n"
		"stderr.\n"
		"\n"
		"budget: the programme's funds of CODE and every unit under it on the map\n"
		"of D in year Y (budget lines of gnbv import budget): one row per project\n"
		"and sub-project of DATA/me/projects.csv (a project adds up its\n"
		"sub-projects), a column per funding source and capital type that has\n"
		"money, the allocation, the part carried over from the year before, the\n"
		"disbursement and the disbursement rate, and the total.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.min_pos = 0,
	.max_pos = 1,
	.shorts = shorts,
	.nshorts = sizeof shorts / sizeof shorts[0],
	.run = run,
};
