/*
 * cmd_summary.c - `gnbv summary`: poor and near-poor counts, rates and
 * movements per unit of a level, on the map of any date (formats.md 7.2).
 *
 * Layer: cli. Reads every household row on all cores (hhscan.h:
 * transitions need the whole history), keeps the rows of the year asked, places them and the
 * population on the map of --as-of (carrying ceased units through lineage)
 * and adds them up to the level asked.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/rollup.h"
#include "../io/csv.h"
#include "../io/hhscan.h"
#include "../io/units_file.h"
#include "commands.h"
#include "inputs.h"

typedef struct ctx {
	const unit_map *map;
	unit_level level;
	tally *by_code;      /* per code index */
	int64_t *unplaced;   /* per code index: household rows left out */
	int64_t pop_left;    /* population households left out */
	bool persons;        /* whether the current part is persons */
} ctx;

static void put_households(void *p, int32_t dest, int64_t part)
{
	ctx *c = p;
	int32_t a = unit_map_ancestor(c->map, dest, c->level);
	if (a < 0) {
		if (!c->persons)
			c->pop_left += part;
		return;
	}
	if (c->persons)
		c->by_code[a].persons += part;
	else
		c->by_code[a].households += part;
}

static void put_rate(buf *out, int64_t count, int64_t total)
{
	int64_t h = rate_hundredths(count, total);
	buf_printf(out, ",%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

static void put_line(buf *out, const char *code, const char *name, const tally *t)
{
	csv_put_field(out, code, strlen(code));
	buf_putc(out, ',');
	csv_put_field(out, name, strlen(name));
	buf_printf(out, ",%lld,%lld,%lld", (long long)t->households,
		   (long long)t->cls[CLASS_POOR], (long long)t->cls[CLASS_NEAR_POOR]);
	put_rate(out, t->cls[CLASS_POOR], t->households);
	put_rate(out, t->cls[CLASS_NEAR_POOR], t->households);
	buf_printf(out, ",%lld,%lld,%lld,%lld\n", (long long)t->tr[TR_NEW_POOR],
		   (long long)t->tr[TR_RE_POOR],
		   (long long)(t->tr[TR_ESCAPED_POOR] + t->tr[TR_POOR_TO_NEAR]),
		   (long long)t->tr[TR_ESCAPED_NEAR]);
}

static int run(const cli_command *cmd, const cli_args *a)
{
	long year;
	unit_level level;
	gn_date asof;
	if (!cli_get_int(cmd, a, "year", 1900, 2199, 0, &year))
		return EXIT_BADINPUT;
	int status = inputs_level(cmd, cli_get(cmd, a, "level"), &level);
	if (status)
		return status;
	asof = date_year_end((int)year);
	const char *asof_s = cli_get(cmd, a, "as-of");
	if (asof_s && (status = inputs_date(cmd, "as-of", asof_s, &asof)))
		return status;

	const char *hh_path = cli_get(cmd, a, "households");
	const char *pop_path = cli_get(cmd, a, "population");
	std_set *s = NULL;
	unit_set *u = NULL;
	unit_map *map = NULL;
	hh_scan *scan = NULL;
	pop_table pop = {0};
	ctx c = {0};
	buf out;
	buf_init(&out, 0);

	status = inputs_standards(&s);
	if (status == EXIT_OK)
		status = inputs_units(cli_get(cmd, a, "units"), cli_get(cmd, a, "lineage"), &u);
	if (status == EXIT_OK) {
		gn_diag *d = diag_new(100);
		gn_err rc = popfile_load(u, pop_path, pop_path, d, &pop);
		cli_print_diag(d);
		diag_free(d);
		if (rc)
			status = EXIT_BADINPUT;
	}
	size_t nlevel = 0;
	const int32_t *at_level = NULL;
	if (status == EXIT_OK) {
		map = unit_map_new(u, asof);
		at_level = unit_map_units(map, level, &nlevel);
		if (nlevel == 0) {
			char day[11];
			date_format_iso(asof, day);
			cli_error(cmd, "--level %s: no %s is valid on %s (the map of that date has no such level)",
				  unit_level_name(level), unit_level_name(level), day);
			status = EXIT_BADINPUT;
		}
	}
	if (status == EXIT_OK) {
		gn_diag *d = diag_new(100);
		gn_err rc = hhscan_run(hh_path, hh_path, u, s, (int)year, 0, d, &scan);
		cli_print_diag(d);
		diag_free(d);
		if (rc)
			status = EXIT_BADINPUT;
	}
	if (status != EXIT_OK)
		goto done;

	size_t nc = units_ncodes(u);
	c.map = map;
	c.level = level;
	c.by_code = gn_xcalloc(nc, sizeof *c.by_code);
	c.unplaced = gn_xcalloc(nc, sizeof *c.unplaced);

	/* Household rows of the year. */
	size_t n = scan->nrows;
	int32_t *dest = gn_xmalloc((n ? n : 1) * sizeof *dest);
	place_item *items = gn_xmalloc((n ? n : 1) * sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = (place_item){scan->rows[i].unit, scan->rows[i].id_len,
					scan->rows[i].id};
	rollup_place(map, items, n, dest);
	free(items);
	for (size_t i = 0; i < n; i++) {
		const hh_scan_row *row = &scan->rows[i];
		int32_t anc = dest[i] >= 0 ? unit_map_ancestor(map, dest[i], level) : -1;
		if (anc < 0) {
			c.unplaced[row->unit]++;
			continue;
		}
		hh_class cl = (hh_class)row->cls;
		tally *t = &c.by_code[anc];
		t->reviewed++;
		t->cls[cl]++;
		t->tr[transition_of(hhscan_history(scan, row), (int)year, cl)]++;
	}
	free(dest);

	/* Population of the year. */
	for (size_t i = 0; i < pop.n; i++) {
		const pop_row *p = &pop.rows[i];
		if (p->year != year)
			continue;
		c.persons = false;
		c.pop_left += rollup_place_count(map, p->code, p->households, put_households, &c);
		if (p->persons >= 0) {
			c.persons = true;
			rollup_place_count(map, p->code, p->persons, put_households, &c);
		}
	}

	char day[11];
	date_format_iso(asof, day);
	for (size_t i = 0; i < nc; i++)
		if (c.unplaced[i])
			fprintf(stderr, "%s: warning: %lld row(s) of year %ld on unit \"%s\" cannot be placed on the %s map of %s; left out\n",
				hh_path, (long long)c.unplaced[i], year,
				units_code(u, (int32_t)i), unit_level_name(level), day);
	if (c.pop_left)
		fprintf(stderr, "%s: warning: %lld resident household(s) of year %ld cannot be placed on the %s map of %s; left out\n",
			pop_path, (long long)c.pop_left, year, unit_level_name(level), day);

	buf_puts(&out, "unit_code,unit_name,households,poor,near_poor,poor_rate,"
		       "near_poor_rate,new_poor,re_poor,escaped_poor,escaped_near\n");
	tally total = {0};
	for (size_t i = 0; i < nlevel; i++) {
		int32_t code = at_level[i];
		const unit_version *v = units_at(u, code, asof);
		put_line(&out, units_code(u, code), v->name, &c.by_code[code]);
		tally_add(&total, &c.by_code[code]);
	}
	put_line(&out, "TOTAL", "", &total);
	if (cli_write_stdout(&out) || fflush(stdout))
		status = EXIT_FAIL;

done:
	free(c.by_code);
	free(c.unplaced);
	buf_free(&out);
	poptable_free(&pop);
	hhscan_free(scan);
	unit_map_free(map);
	units_free(u);
	std_set_free(s);
	return status;
}

static const cli_opt opts[] = {
	{"units", "FILE", true, "units.csv: administrative units with history"},
	{"households", "FILE", true, "households.csv: household rows of every year"},
	{"population", "FILE", true, "population.csv: resident households per unit and year"},
	{"year", "Y", true, "review year to report"},
	{"level", "LEVEL", true, "country, province, district, commune or village"},
	{"as-of", "DATE", false, "map date (default: 31 December of the year)"},
	{"lineage", "FILE", false, "lineage.csv: merges and splits, to carry ceased units"},
};

const cli_command cmd_summary = {
	.name = "summary",
	.summary = "poor and near-poor counts, rates and movements per unit of a level",
	.details =
		"One row per unit of LEVEL valid on the map date, ordered by code, then a\n"
		"TOTAL row. Rates are 100 x count / resident households, rounded half up to\n"
		"two decimals. Data recorded on units that no longer exist on the map date\n"
		"is carried to their successors through lineage (splits allocate whole\n"
		"households in household-id order).",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.run = run,
};
