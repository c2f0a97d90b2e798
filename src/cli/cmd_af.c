/*
 * cmd_af.c - `gnbv af`: Alkire-Foster multidimensional poverty measures
 * (H, A, M0 and the indicators' headcount ratios and contributions) of
 * the reviewed households of a year, in total or per unit of a level and
 * per subgroup, with the change from an earlier year (domain.md 3.3).
 *
 * Layer: cli. Reads every household row (to reject a repeated household
 * and year, as classify and summary do), keeps the rows of the year asked
 * (and of --from), places them on the map of --as-of exactly as `gnbv
 * summary` does and feeds them to one af_cell per unit x group (core/af.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../core/af.h"
#include "../core/hhindex.h"
#include "../core/mem.h"
#include "../core/rollup.h"
#include "../io/csv.h"
#include "../io/households_file.h"
#include "commands.h"
#include "inputs.h"

/* ---- subgroups (--by) --------------------------------------------------- */

#define GROUP_MAX_VALUES 3

typedef struct group_def {
	const char *name;
	int nvalues;
	const char *values[GROUP_MAX_VALUES];
	int (*of)(const hh_row *r); /* index into values */
} group_def;

static int group_area(const hh_row *r)
{
	return r->area == AREA_URBAN ? 1 : 0;
}

static int group_ethnicity(const hh_row *r)
{
	return r->minority == 0 ? 0 : r->minority == 1 ? 1 : 2;
}

static int group_sex(const hh_row *r)
{
	return r->head_female == 1 ? 0 : r->head_female == 0 ? 1 : 2;
}

static int group_merit(const hh_row *r)
{
	return r->merit == 1 ? 0 : 1;
}

static int group_no_labour(const hh_row *r)
{
	return r->no_labour == 1 ? 0 : 1;
}

static const group_def groups[] = {
	{"area", 2, {"rural", "urban"}, group_area},
	{"ethnicity", 3, {"kinh", "minority", "unknown"}, group_ethnicity},
	{"sex", 3, {"female", "male", "unknown"}, group_sex},
	{"merit", 2, {"yes", "no"}, group_merit},
	{"no_labour", 2, {"yes", "no"}, group_no_labour},
};
#define NGROUPS (sizeof groups / sizeof groups[0])

/* ---- the rows of one year ------------------------------------------------ */

typedef struct year_rows {
	int32_t *unit, *hh;
	uint32_t *flags;
	int64_t *weight;
	uint8_t *group;
	size_t n, cap;
} year_rows;

static void push_row(year_rows *y, const hh_row *r, int32_t hh, int64_t w,
		     int group)
{
	if (y->n == y->cap) {
		y->cap = y->cap ? y->cap * 2 : 4096;
		y->unit = gn_xreallocarray(y->unit, y->cap, sizeof *y->unit);
		y->hh = gn_xreallocarray(y->hh, y->cap, sizeof *y->hh);
		y->flags = gn_xreallocarray(y->flags, y->cap, sizeof *y->flags);
		y->weight = gn_xreallocarray(y->weight, y->cap, sizeof *y->weight);
		y->group = gn_xreallocarray(y->group, y->cap, sizeof *y->group);
	}
	y->unit[y->n] = r->unit;
	y->hh[y->n] = hh;
	y->flags[y->n] = r->flags;
	y->weight[y->n] = w;
	y->group[y->n] = (uint8_t)group;
	y->n++;
}

static void free_rows(year_rows *y)
{
	free(y->unit);
	free(y->hh);
	free(y->flags);
	free(y->weight);
	free(y->group);
}

typedef struct want {
	int year[2];        /* the year asked, and --from (or 0) */
	int nyears;
	bool persons;       /* weigh households by their members */
	const group_def *by; /* or NULL */
} want;

/* Reads all rows; keeps those of the years wanted. Returns the exit status. */
static int read_households(const char *path, const unit_set *u,
			   const std_set *s, const want *w, hh_index *x,
			   year_rows *out)
{
	gn_diag *d = diag_new(100);
	hh_reader *r;
	gn_err rc = hhfile_open(path, path, u, s, d, &r);
	if (rc == GN_OK) {
		hh_row row;
		while ((rc = hhfile_next(r, &row, d)) != GN_ENOTFOUND) {
			if (rc == GN_EIO)
				break;
			if (rc)
				continue;
			bool dup;
			int32_t i = hhindex_add(x, row.id, row.id_len, row.year, row.cls, &dup);
			if (dup) {
				diag_error(d, path, row.line, "household_id",
					   "household \"%.*s\" already has a row for year %d",
					   (int)(row.id_len > 60 ? 60 : row.id_len), row.id,
					   row.year);
				continue;
			}
			for (int k = 0; k < w->nyears; k++)
				if (row.year == w->year[k])
					push_row(&out[k], &row, i,
						 w->persons ? row.members : 1,
						 w->by ? w->by->of(&row) : 0);
		}
		hhfile_close(r);
	}
	size_t errors = cli_print_diag(d);
	diag_free(d);
	return rc == GN_EIO || errors ? EXIT_BADINPUT : EXIT_OK;
}

/* ---- output --------------------------------------------------------------- */

/* v / 10^decimals with exactly `decimals` digits after the point. */
static void put_fixed(buf *out, int64_t v, int decimals)
{
	int64_t p = 1;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	if (v < 0) {
		buf_putc(out, '-');
		v = -v;
	}
	buf_printf(out, "%lld.%0*lld", (long long)(v / p), decimals,
		   (long long)(v % p));
}

/* A percentage with 2 decimals, or a proportion with 4. */
static void put_pct(buf *out, af_frac f)
{
	buf_putc(out, ',');
	put_fixed(out, af_frac_round(f, 10000), 2);
}

static void put_prop(buf *out, af_frac f)
{
	buf_putc(out, ',');
	put_fixed(out, af_frac_round(f, 10000), 4);
}

static void put_header(buf *out, const standard *s, const std_set *set,
		       bool from)
{
	static const char *const prefix[] = {"hd_", "hdk_", "actb_", "pctb_"};
	buf_puts(out, "unit_code,unit_name,group,n,q,H,A,M0");
	for (size_t p = 0; p < sizeof prefix / sizeof prefix[0]; p++)
		for (int j = 0; j < s->nind; j++)
			buf_printf(out, ",%s%s", prefix[p],
				   std_set_catalogue(set, s->ind[j].bit)->key);
	if (from)
		buf_puts(out, ",n_from,M0_from,H_from,A_from,M0_abs,M0_rel,"
			      "H_abs,H_rel,A_abs,A_rel");
	buf_putc(out, '\n');
}

/* Absolute change with `decimals` digits, then relative change in percent
 * (empty when the earlier value is 0). */
static void put_change(buf *out, const af_change *c, int decimals)
{
	buf_putc(out, ',');
	put_fixed(out, af_change_abs(c, 10000), decimals);
	int64_t rel;
	buf_putc(out, ',');
	if (af_change_rel(c, 10000, &rel))
		put_fixed(out, rel, 2);
}

static void put_line(buf *out, const char *code, const char *name,
		     const char *group, const af_result *r, const af_result *r0)
{
	csv_put_field(out, code, strlen(code));
	buf_putc(out, ',');
	csv_put_field(out, name, strlen(name));
	buf_putc(out, ',');
	buf_puts(out, group);
	buf_printf(out, ",%lld,%lld", (long long)r->n, (long long)r->q);
	put_pct(out, r->H);
	put_pct(out, r->A);
	put_prop(out, r->M0);
	for (int j = 0; j < r->nind; j++)
		put_pct(out, r->hd[j]);
	for (int j = 0; j < r->nind; j++)
		put_pct(out, r->hdk[j]);
	for (int j = 0; j < r->nind; j++)
		put_prop(out, r->actb[j]);
	for (int j = 0; j < r->nind; j++)
		put_pct(out, r->pctb[j]);
	if (r0) {
		af_changes ch;
		af_changes_of(r0, r, &ch);
		buf_printf(out, ",%lld", (long long)r0->n);
		put_prop(out, r0->M0);
		put_pct(out, r0->H);
		put_pct(out, r0->A);
		put_change(out, &ch.M0, 4);
		put_change(out, &ch.H, 2);
		put_change(out, &ch.A, 2);
	}
	buf_putc(out, '\n');
}

/* ---- the command ---------------------------------------------------------- */

/* Cells: [year][slot * nvalues + value]; slot nslots - 1 is TOTAL. */
typedef struct table {
	size_t nslots;
	int nvalues;
	af_cell *cell[2];
} table;

/* Writes the rows of one slot: "all", then each group value with data. */
static void put_slot(buf *out, const table *t, const want *w,
		     const af_params *par, size_t slot, const char *code,
		     const char *name)
{
	af_cell all[2];
	af_result r[2];
	memset(all, 0, sizeof all);
	for (int k = 0; k < w->nyears; k++)
		for (int g = 0; g < t->nvalues; g++)
			af_cell_merge(&all[k], &t->cell[k][slot * (size_t)t->nvalues + (size_t)g]);
	for (int k = 0; k < w->nyears; k++)
		af_compute(&all[k], &par[k], &r[k]);
	put_line(out, code, name, "all", &r[0], w->nyears > 1 ? &r[1] : NULL);
	if (!w->by)
		return;
	for (int g = 0; g < t->nvalues; g++) {
		bool any = false;
		for (int k = 0; k < w->nyears; k++) {
			const af_cell *c = &t->cell[k][slot * (size_t)t->nvalues + (size_t)g];
			af_compute(c, &par[k], &r[k]);
			any = any || c->n > 0;
		}
		if (any)
			put_line(out, code, name, w->by->values[g], &r[0],
				 w->nyears > 1 ? &r[1] : NULL);
	}
}

static int run(const cli_command *cmd, const cli_args *a)
{
	long year, y0 = 0;
	want w = {0};
	unit_level level = LEVEL_COUNTRY;
	gn_date asof;
	int64_t k_num = 0, k_den = 0;
	if (!cli_get_int(cmd, a, "year", 1900, 2199, 0, &year))
		return EXIT_BADINPUT;
	if (!cli_get_int(cmd, a, "from", 1900, 2199, 0, &y0))
		return EXIT_BADINPUT;
	w.year[0] = (int)year;
	w.nyears = 1;
	if (cli_get(cmd, a, "from"))
		w.year[w.nyears++] = (int)y0;
	w.persons = cli_flag(cmd, a, "persons");
	const char *level_s = cli_get(cmd, a, "level");
	int status = EXIT_OK;
	if (level_s && (status = inputs_level(cmd, level_s, &level)))
		return status;
	asof = date_year_end((int)year);
	const char *asof_s = cli_get(cmd, a, "as-of");
	if (asof_s && (status = inputs_date(cmd, "as-of", asof_s, &asof)))
		return status;
	const char *k_s = cli_get(cmd, a, "k");
	if (k_s) {
		const char *why;
		if (!af_cutoff_parse(k_s, strlen(k_s), &k_num, &k_den, &why)) {
			cli_error(cmd, "--k: %s, got \"%s\"", why, k_s);
			return EXIT_BADINPUT;
		}
	}
	const char *by_s = cli_get(cmd, a, "by");
	if (by_s) {
		for (size_t i = 0; i < NGROUPS; i++)
			if (strcmp(groups[i].name, by_s) == 0)
				w.by = &groups[i];
		if (!w.by) {
			cli_error(cmd, "--by: expected area, ethnicity, sex, merit or no_labour, got \"%s\"",
				  by_s);
			return EXIT_BADINPUT;
		}
	}

	const char *hh_path = cli_get(cmd, a, "households");
	std_set *s = NULL;
	unit_set *u = NULL;
	unit_map *map = NULL;
	hh_index *x = NULL;
	year_rows rows[2] = {{0}};
	table t = {0};
	int32_t *slot_of = NULL;
	af_params par[2];
	buf out;
	buf_init(&out, 0);

	status = inputs_standards(&s);
	for (int k = 0; status == EXIT_OK && k < w.nyears; k++) {
		const standard *st = std_set_for_year(s, w.year[k]);
		if (!st) {
			cli_error(cmd, "--%s: no poverty standard covers year %d",
				  k ? "from" : "year", w.year[k]);
			status = EXIT_BADINPUT;
			break;
		}
		af_params_init(&par[k], st);
		if (k_s) {
			par[k].k_num = k_num;
			par[k].k_den = k_den;
		}
	}
	if (status == EXIT_OK)
		status = inputs_units(cli_get(cmd, a, "units"), cli_get(cmd, a, "lineage"), &u);
	size_t nlevel = 0;
	const int32_t *at_level = NULL;
	if (status == EXIT_OK && level_s) {
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
		x = hhindex_new(1 << 20);
		status = read_households(hh_path, u, s, &w, x, rows);
	}
	if (status != EXIT_OK)
		goto done;
	if (w.nyears > 1 && par[0].std != par[1].std)
		fprintf(stderr, "gnbv af: warning: years %d and %d fall under different standards (%s, %s); the change compares different indicator sets\n",
			w.year[1], w.year[0], par[1].std->id, par[0].std->id);

	size_t nc = units_ncodes(u);
	t.nslots = nlevel + 1;
	t.nvalues = w.by ? w.by->nvalues : 1;
	slot_of = gn_xmalloc((nc ? nc : 1) * sizeof *slot_of);
	for (size_t i = 0; i < nc; i++)
		slot_of[i] = -1;
	for (size_t i = 0; i < nlevel; i++)
		slot_of[at_level[i]] = (int32_t)i;
	char day[11];
	date_format_iso(asof, day);
	int64_t *unplaced = gn_xcalloc(nc ? nc : 1, sizeof *unplaced);
	for (int k = 0; k < w.nyears; k++) {
		const year_rows *y = &rows[k];
		t.cell[k] = gn_xcalloc(t.nslots * (size_t)t.nvalues, sizeof(af_cell));
		int32_t *dest = gn_xmalloc((y->n ? y->n : 1) * sizeof *dest);
		if (map) {
			place_item *items = gn_xmalloc((y->n ? y->n : 1) * sizeof *items);
			for (size_t i = 0; i < y->n; i++) {
				size_t len;
				items[i].unit = y->unit[i];
				items[i].id = hhindex_id(x, y->hh[i], &len);
				items[i].id_len = (uint32_t)len;
			}
			rollup_place(map, items, y->n, dest);
			free(items);
		}
		memset(unplaced, 0, (nc ? nc : 1) * sizeof *unplaced);
		for (size_t i = 0; i < y->n; i++) {
			size_t slot = nlevel; /* TOTAL */
			if (map) {
				int32_t anc = dest[i] >= 0 ? unit_map_ancestor(map, dest[i], level) : -1;
				if (anc < 0 || slot_of[anc] < 0) {
					unplaced[y->unit[i]]++;
					continue;
				}
				slot = (size_t)slot_of[anc];
			}
			size_t g = y->group[i];
			af_cell_add(&t.cell[k][slot * (size_t)t.nvalues + g], &par[k],
				    y->flags[i], y->weight[i]);
			if (map)
				af_cell_add(&t.cell[k][nlevel * (size_t)t.nvalues + g],
					    &par[k], y->flags[i], y->weight[i]);
		}
		free(dest);
		for (size_t i = 0; i < nc; i++)
			if (unplaced[i])
				fprintf(stderr, "%s: warning: %lld row(s) of year %d on unit \"%s\" cannot be placed on the %s map of %s; left out\n",
					hh_path, (long long)unplaced[i], w.year[k],
					units_code(u, (int32_t)i), unit_level_name(level), day);
	}
	free(unplaced);

	put_header(&out, par[0].std, s, w.nyears > 1);
	for (size_t i = 0; i < nlevel; i++) {
		int32_t code = at_level[i];
		const unit_version *v = units_at(u, code, asof);
		put_slot(&out, &t, &w, par, i, units_code(u, code), v->name);
	}
	put_slot(&out, &t, &w, par, nlevel, "TOTAL", "");
	if (cli_write_stdout(&out) || fflush(stdout))
		status = EXIT_FAIL;

done:
	free(t.cell[0]);
	free(t.cell[1]);
	free(slot_of);
	free_rows(&rows[0]);
	free_rows(&rows[1]);
	buf_free(&out);
	hhindex_free(x);
	unit_map_free(map);
	units_free(u);
	std_set_free(s);
	return status;
}

static const cli_opt opts[] = {
	{"units", "FILE", true, "units.csv: administrative units with history"},
	{"households", "FILE", true, "households.csv: household rows of every year"},
	{"year", "Y", true, "review year to measure"},
	{"level", "LEVEL", false, "one row per unit of this level (country, province, district, commune or village); default: only TOTAL"},
	{"by", "GROUP", false, "subgroups: area, ethnicity, sex, merit or no_labour"},
	{"k", "K", false, "poverty cutoff: 3/12, 0.25 or 25% (default: the standard's, 3/12)"},
	{"lineage", "FILE", false, "lineage.csv: merges and splits, to carry ceased units"},
	{"as-of", "DATE", false, "map date for --level (default: 31 December of the year)"},
	{"persons", NULL, false, "weigh each household by its members (people, as OPHI does)"},
	{"from", "Y0", false, "add Y0's M0, H, A and the change from Y0 to Y"},
};

const cli_command cmd_af = {
	.name = "af",
	.summary = "Alkire-Foster multidimensional poverty measures (H, A, M0, contributions)",
	.details =
		"The population is the household rows of year Y: the registry holds the\n"
		"households that were reviewed, not every resident household, so the\n"
		"measures describe the reviewed population. Each household counts once\n"
		"(n and q are households), or with --persons as many times as it has\n"
		"members (n and q are persons). The indicators are those of the standard of\n"
		"year Y, in its order, with its weights (1/12 each in the shipped\n"
		"standards); a household is poor when its weighted deprivation score\n"
		"c reaches the cutoff k (c >= k, computed exactly).\n"
		"\n"
		"Columns: unit_code,unit_name,group,n,q,H,A,M0, then hd_KEY for every\n"
		"indicator (uncensored headcount ratio), then hdk_KEY (censored headcount\n"
		"ratio), then actb_KEY (absolute contribution w x hdk, summing to M0),\n"
		"then pctb_KEY (percentage contribution w x hdk / M0, summing to 100),\n"
		"KEY being the indicator's column name (d_water, ...). With --from Y0:\n"
		"n_from,M0_from,H_from,A_from (Y0's figures, under Y0's standard),\n"
		"then M0_abs,M0_rel,H_abs,H_rel,A_abs,A_rel: absolute change Y - Y0 and\n"
		"relative change 100 x (Y - Y0) / Y0 in percent, empty when Y0's value\n"
		"is 0.\n"
		"\n"
		"Numbers: n and q are whole numbers; H, A, hd, hdk and pctb are in percent\n"
		"with 2 decimals, as in OPHI's tables; M0 and actb are proportions between\n"
		"0 and 1 with 4 decimals; the absolute changes of H and A are percentage\n"
		"points with 2 decimals, of M0 a proportion with 4; all rounded half up\n"
		"(half away from zero for a negative change) from exact fractions. A cell\n"
		"without households prints zeros, and so do A and pctb when no one is poor.\n"
		"\n"
		"Rows: without --level one TOTAL row over all rows of year Y. With --level,\n"
		"one row per unit of LEVEL valid on the map date, ordered by code, rows\n"
		"placed as `gnbv summary` places them (units that no longer exist are\n"
		"carried through --lineage), then TOTAL, the sum of the rows placed. Each\n"
		"unit's first row has group \"all\"; with --by, a row per group value follows\n"
		"in a fixed order (area: rural, urban; ethnicity: kinh, minority, unknown\n"
		"from head_ethnicity; sex: female, male, unknown head; merit and no_labour:\n"
		"yes, no), leaving out values without households (in both years with\n"
		"--from). M0 of \"all\" is the population-weighted sum of its groups' M0.",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.run = run,
};
