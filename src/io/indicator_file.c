/*
 * indicator_file.c - data/me/indicators.csv and indicator_targets.csv into
 * a catalogue (indicator_file.h).
 *
 * Layer: io. Formulas name indicators that may come later in the file, so
 * they are kept as text and linked once every row is read.
 */
#include "indicator_file.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "indicator_values_file.h"
#include "text.h"
#include "value.h"

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

static int shown(size_t len)
{
	return (int)(len > 60 ? 60 : len);
}

static bool field_is(const csv_field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->p, s, f->len) == 0;
}

/* NFC copy of a text field (malloc'd), NULL on bad UTF-8. */
static char *text_dup(const csv_field *v)
{
	buf b;
	buf_init(&b, 1 << 16);
	char *s = NULL;
	if (text_nfc(v->p, v->len, &b) == GN_OK)
		s = gn_xstrndup(buf_cstr(&b), b.len);
	buf_free(&b);
	return s;
}

/* A code: letters, digits, '_' and '.', 1 to 31 bytes. */
static bool code_ok(const csv_field *v)
{
	if (v->len == 0 || v->len > 31)
		return false;
	for (size_t i = 0; i < v->len; i++) {
		char ch = v->p[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '.'))
			return false;
	}
	return true;
}

/* ---- indicators.csv ------------------------------------------------------------- */

enum {
	I_CODE, I_NAME_VI, I_NAME_EN, I_MEASURE_VI, I_MEASURE_EN, I_DIRECTION, I_LEVEL,
	I_PROJECT, I_AGG, I_FORMULA, I_COMPUTED, I_DECIMALS, I_BASELINE, I_BASELINE_YEAR,
	I_HEADLINE, I_BASIS, I_NOTE_VI, I_NOTE_EN, I_N
};
static const csv_colspec ind_spec[I_N] = {
	{"code", true},        {"name_vi", true},   {"name_en", true},   {"measure_vi", true},
	{"measure_en", false}, {"direction", true}, {"level", true},     {"project", false},
	{"aggregation", true}, {"formula", false},  {"computed", false}, {"decimals", true},
	{"baseline", false},   {"baseline_year", false}, {"headline", false}, {"basis", false},
	{"note_vi", false},    {"note_en", false},
};

typedef struct pending {
	char *formula;   /* as written */
	long line;
} pending;

typedef struct reader {
	ind_catalogue *c;
	pending *pend;   /* per catalogue index */
	size_t npend;
	const char *const *projects;
	size_t nprojects;
	gn_diag *d;
} reader;

static bool project_known(const reader *rd, const csv_field *v)
{
	if (!rd->projects)
		return true;
	for (size_t i = 0; i < rd->nprojects; i++)
		if (field_is(v, rd->projects[i]))
			return true;
	return false;
}

static bool project_shape(const csv_field *v)
{
	/* DA1 .. DA9, optionally .1 .. .9 */
	if (v->len != 3 && v->len != 5)
		return false;
	if (v->p[0] != 'D' || v->p[1] != 'A' || v->p[2] < '1' || v->p[2] > '9')
		return false;
	return v->len == 3 || (v->p[3] == '.' && v->p[4] >= '1' && v->p[4] <= '9');
}

static void read_indicator(reader *rd, csv_reader *r, const csv_field *f, size_t n,
			   const int *idx)
{
	gn_diag *d = rd->d;
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	ind_def def = {.num = -1, .den = -1, .line = line};
	const csv_field *v;

	v = F(I_CODE);
	if (!code_ok(v)) {
		diag_error(d, file, line, "code",
			   "expected a code of letters, digits, '_' or '.' (1 to 31), got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	}
	static const struct {
		int col;
		const char *name;
		bool required;
	} texts[] = {
		{I_NAME_VI, "name_vi", true},     {I_NAME_EN, "name_en", true},
		{I_MEASURE_VI, "measure_vi", true}, {I_MEASURE_EN, "measure_en", false},
		{I_BASIS, "basis", false},        {I_NOTE_VI, "note_vi", false},
		{I_NOTE_EN, "note_en", false},
	};
	char *strs[sizeof texts / sizeof texts[0]] = {0};
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		v = F(texts[k].col);
		strs[k] = text_dup(v);
		if (!strs[k] || (texts[k].required && v->len == 0)) {
			diag_error(d, file, line, texts[k].name, "%s", strs[k] ? "is empty" : "is not valid text");
			ok = false;
		}
	}
	def.name_vi = strs[0];
	def.name_en = strs[1];
	def.measure_vi = strs[2];
	def.measure_en = strs[3] && *strs[3] ? strs[3] : gn_xstrdup(strs[2] ? strs[2] : "");
	if (strs[3] && !*strs[3])
		free(strs[3]);
	def.basis = strs[4];
	def.note_vi = strs[5];
	def.note_en = strs[6];

	v = F(I_DIRECTION);
	if (!ind_direction_parse(v->p, v->len, &def.dir)) {
		diag_error(d, file, line, "direction", "expected up or down, got \"%.*s\"", shown(v->len),
			   v->p);
		ok = false;
	}
	v = F(I_LEVEL);
	if (field_is(v, "project")) {
		def.project_level = true;
	} else if (!field_is(v, "programme")) {
		diag_error(d, file, line, "level", "expected programme or project, got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	}
	v = F(I_PROJECT);
	if (v->len && (!project_shape(v) || !project_known(rd, v))) {
		diag_error(d, file, line, "project",
			   "expected a project code of data/me/projects.csv (DA1 ... DA7.2), got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	} else if (def.project_level && v->len == 0) {
		diag_error(d, file, line, "project", "a project-level indicator needs its project");
		ok = false;
	}
	def.project = gn_xstrndup(v->p, v->len);

	v = F(I_AGG);
	if (!ind_agg_parse(v->p, v->len, &def.agg)) {
		diag_error(d, file, line, "aggregation",
			   "expected sum, ratio, reduction or none, got \"%.*s\"", shown(v->len), v->p);
		ok = false;
	}
	v = F(I_COMPUTED);
	if (!ind_computed_parse(v->p, v->len, &def.computed)) {
		buf keys;
		buf_init(&keys, 1024);
		for (int k = 1; k < IND_COMP_COUNT; k++)
			buf_printf(&keys, "%s%s", k > 1 ? ", " : "", ind_computed_name((ind_computed)k));
		diag_error(d, file, line, "computed", "expected one of %s (or empty), got \"%.*s\"",
			   buf_cstr(&keys), shown(v->len), v->p);
		buf_free(&keys);
		ok = false;
	}
	int64_t dec = 0;
	v = F(I_DECIMALS);
	if (!val_count(v->p, v->len, IND_MAX_DECIMALS, &dec)) {
		diag_error(d, file, line, "decimals", "expected 0 to %d, got \"%.*s\"", IND_MAX_DECIMALS,
			   shown(v->len), v->p);
		ok = false;
	}
	def.decimals = (int)dec;
	v = F(I_BASELINE);
	if (v->len) {
		if (!indval_parse_number(v->p, v->len, &def.baseline) ||
		    !ind_fits_decimals(def.baseline, def.decimals)) {
			diag_error(d, file, line, "baseline",
				   "expected a number with at most %d decimals ('.' as the decimal point), got \"%.*s\"",
				   def.decimals, shown(v->len), v->p);
			ok = false;
		} else {
			def.has_baseline = true;
		}
	}
	v = F(I_BASELINE_YEAR);
	if (v->len && !val_year(v->p, v->len, &def.baseline_year)) {
		diag_error(d, file, line, "baseline_year", "expected a year, got \"%.*s\"", shown(v->len),
			   v->p);
		ok = false;
	}
	int64_t head = 0;
	v = F(I_HEADLINE);
	if (v->len && !val_count(v->p, v->len, 99, &head)) {
		diag_error(d, file, line, "headline", "expected an order 1 to 99 (or empty), got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	}
	def.headline = (int)head;

	v = F(I_FORMULA);
	bool needs = (def.agg == IND_AGG_RATIO || def.agg == IND_AGG_REDUCTION) &&
		     def.computed == IND_COMP_NONE;
	if (needs && v->len == 0) {
		diag_error(d, file, line, "formula", "a %s needs its formula (%s)", ind_agg_name(def.agg),
			   def.agg == IND_AGG_RATIO ? "NUMERATOR/DENOMINATOR" : "the indicator reduced");
		ok = false;
	}
	if (ok && def.computed == IND_COMP_POOR_NEAR_REDUCED_PCT && def.baseline_year == 0) {
		diag_error(d, file, line, "baseline_year",
			   "poor_near_reduced_pct counts from the baseline year: give it");
		ok = false;
	}
	if (!ok) {
		ind_def_clear(&def);
		return;
	}
	def.code = gn_xstrndup(F(I_CODE)->p, F(I_CODE)->len);
	char *formula = v->len ? gn_xstrndup(v->p, v->len) : NULL;
	gn_err rc = ind_catalogue_add(rd->c, &def);
	if (rc == GN_EEXIST) {
		diag_error(d, file, line, "code", "indicator %.*s is defined twice",
			   shown(F(I_CODE)->len), F(I_CODE)->p);
		ind_def_clear(&def);
		free(formula);
		return;
	}
	size_t at = ind_count(rd->c) - 1;
	if (at >= rd->npend) {
		size_t cap = rd->npend ? rd->npend * 2 : 32;
		while (cap <= at)
			cap *= 2;
		rd->pend = gn_xreallocarray(rd->pend, cap, sizeof *rd->pend);
		memset(rd->pend + rd->npend, 0, (cap - rd->npend) * sizeof *rd->pend);
		rd->npend = cap;
	}
	rd->pend[at] = (pending){formula, line};
}

/* Links the formulas of every indicator (by then all are known). */
static void link_formulas(reader *rd, const char *file)
{
	gn_diag *d = rd->d;
	for (size_t i = 0; i < ind_count(rd->c); i++) {
		ind_def *def = ind_at_mut(rd->c, i);
		const char *fm = i < rd->npend ? rd->pend[i].formula : NULL;
		long line = def->line;
		if (!fm)
			continue;
		const char *slash = strchr(fm, '/');
		if (def->agg == IND_AGG_RATIO) {
			if (!slash) {
				diag_error(d, file, line, "formula",
					   "a ratio is NUMERATOR/DENOMINATOR, got \"%s\"", fm);
				continue;
			}
			def->num = ind_find(rd->c, fm, (size_t)(slash - fm));
			def->den = ind_find(rd->c, slash + 1, strlen(slash + 1));
			if (def->num < 0 || def->den < 0)
				diag_error(d, file, line, "formula", "unknown indicator \"%.*s\" in \"%s\"",
					   def->num < 0 ? (int)(slash - fm) : (int)strlen(slash + 1),
					   def->num < 0 ? fm : slash + 1, fm);
		} else if (def->agg == IND_AGG_REDUCTION) {
			def->num = ind_find(rd->c, fm, strlen(fm));
			if (def->num < 0)
				diag_error(d, file, line, "formula", "unknown indicator \"%s\"", fm);
		} else if (def->computed == IND_COMP_NONE) {
			diag_error(d, file, line, "formula",
				   "only a ratio or a reduction has a formula, got \"%s\"", fm);
		}
	}
	for (size_t i = 0; i < ind_count(rd->c); i++)
		if (ind_has_cycle(rd->c, (int)i))
			diag_error(d, file, ind_at(rd->c, i)->line, "formula",
				   "the formula of %s refers back to it", ind_at(rd->c, i)->code);
}

static gn_err read_indicators(reader *rd, csv_reader *r)
{
	gn_diag *d = rd->d;
	int idx[I_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, ind_spec, I_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_indicator(rd, r, f, n, idx);
	}
	csv_free_names(hdr, width);
	if (rc == GN_EIO)
		return GN_EIO;
	link_formulas(rd, csv_name(r));
	return GN_OK;
}

/* ---- indicator_targets.csv ----------------------------------------------------------- */

enum { T_INDICATOR, T_PERIOD, T_TARGET, T_HIGH, T_SCOPE, T_BASIS, T_N };
static const csv_colspec tgt_spec[T_N] = {
	{"indicator", true}, {"period", true}, {"target", true},
	{"target_high", false}, {"scope", false}, {"basis", false},
};

static void read_target(reader *rd, csv_reader *r, const csv_field *f, size_t n, const int *idx)
{
	gn_diag *d = rd->d;
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	ind_target t = {.line = line};
	const csv_field *v = F(T_INDICATOR);
	int i = ind_find(rd->c, v->p, v->len);
	ind_def *def = i >= 0 ? ind_at_mut(rd->c, (size_t)i) : NULL;
	if (!def) {
		diag_error(d, file, line, "indicator", "unknown indicator \"%.*s\"", shown(v->len), v->p);
		ok = false;
	}
	v = F(T_PERIOD);
	if (!ind_period_parse(v->p, v->len, &t.period)) {
		diag_error(d, file, line, "period",
			   "expected a period (2024, 2024S1, 2024Q3, 2024M05), got \"%.*s\"",
			   shown(v->len), v->p);
		ok = false;
	}
	int dec = def ? def->decimals : IND_MAX_DECIMALS;
	v = F(T_TARGET);
	if (!indval_parse_number(v->p, v->len, &t.low) || !ind_fits_decimals(t.low, dec)) {
		diag_error(d, file, line, "target",
			   "expected a number with at most %d decimals ('.' as the decimal point), got \"%.*s\"",
			   dec, shown(v->len), v->p);
		ok = false;
	}
	t.high = t.low;
	v = F(T_HIGH);
	if (v->len) {
		if (!indval_parse_number(v->p, v->len, &t.high) || !ind_fits_decimals(t.high, dec)) {
			diag_error(d, file, line, "target_high",
				   "expected a number with at most %d decimals, got \"%.*s\"", dec,
				   shown(v->len), v->p);
			ok = false;
		} else if (ok && t.high < t.low) {
			diag_error(d, file, line, "target_high", "the top of the range is below its bottom");
			ok = false;
		}
	}
	v = F(T_SCOPE);
	if (field_is(v, "national")) {
		t.national = true;
	} else if (v->len && !field_is(v, "all")) {
		diag_error(d, file, line, "scope", "expected all or national, got \"%.*s\"", shown(v->len),
			   v->p);
		ok = false;
	}
	if (ok && ind_programme_target(def, &t.period, true)) {
		char per[IND_PERIOD_LEN];
		ind_period_format(&t.period, per);
		diag_error(d, file, line, "period", "a target of %s for %s is already given", def->code,
			   per);
		ok = false;
	}
	if (!ok)
		return;
	t.basis = text_dup(F(T_BASIS));
	if (!t.basis)
		t.basis = gn_xstrdup("");
	def->targets = gn_xreallocarray(def->targets, def->ntargets + 1, sizeof *def->targets);
	def->targets[def->ntargets++] = t;
}

static gn_err read_targets(reader *rd, csv_reader *r)
{
	gn_diag *d = rd->d;
	int idx[T_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, tgt_spec, T_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_target(rd, r, f, n, idx);
	}
	csv_free_names(hdr, width);
	return rc == GN_EIO ? GN_EIO : GN_OK;
}

/* ---- entry points ----------------------------------------------------------------------- */

static void reader_done(reader *rd)
{
	for (size_t i = 0; i < rd->npend; i++)
		free(rd->pend[i].formula);
	free(rd->pend);
}

/* Reads both (already opened) sources; tr may be NULL. */
static gn_err read_both(reader *rd, csv_reader *ir, csv_reader *tr, ind_catalogue **out)
{
	size_t before = diag_errors(rd->d);
	rd->c = ind_catalogue_new();
	gn_err rc = read_indicators(rd, ir);
	if (!rc && tr && diag_errors(rd->d) == before)
		rc = read_targets(rd, tr);
	if (!rc && diag_errors(rd->d) > before)
		rc = GN_EINPUT;
	reader_done(rd);
	if (rc) {
		ind_catalogue_free(rd->c);
		rd->c = NULL;
	}
	*out = rd->c;
	return rc;
}

gn_err indfile_parse(const char *ind_name, const char *ind_text, size_t ind_len,
		     const char *tgt_name, const char *tgt_text, size_t tgt_len,
		     const char *const *projects, size_t nprojects, gn_diag *d,
		     ind_catalogue **out)
{
	*out = NULL;
	csv_reader *ir = NULL, *tr = NULL;
	gn_err rc = csv_open_mem(ind_name, ind_text, ind_len, &ir);
	if (!rc && tgt_text)
		rc = csv_open_mem(tgt_name, tgt_text, tgt_len, &tr);
	if (!rc) {
		reader rd = {.projects = projects, .nprojects = nprojects, .d = d};
		rc = read_both(&rd, ir, tr, out);
	}
	csv_close(ir);
	csv_close(tr);
	return rc;
}

/* The codes of DIR/projects.csv (its `code` column), or none when there
 * is no such file. */
static gn_err read_projects(const char *path, gn_diag *d, char ***codes, size_t *n)
{
	*codes = NULL;
	*n = 0;
	struct stat sb;
	if (stat(path, &sb) != 0)
		return GN_OK;
	gn_diag *own = diag_new(20); /* its other columns' warnings are not ours */
	csv_reader *r = NULL;
	gn_err rc = csv_open(path, path, own, &r);
	int idx[1];
	size_t width = 0;
	char **hdr = NULL;
	static const csv_colspec spec[1] = {{"code", true}};
	if (!rc)
		rc = csv_read_header(r, spec, 1, idx, own, &hdr, &width);
	const csv_field *f;
	size_t nf, cap = 0;
	while (!rc && (rc = csv_next(r, own, &f, &nf)) == GN_OK) {
		if ((size_t)idx[0] >= nf)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*codes = gn_xreallocarray(*codes, cap, sizeof **codes);
		}
		(*codes)[(*n)++] = gn_xstrndup(f[idx[0]].p, f[idx[0]].len);
	}
	if (rc == GN_ENOTFOUND)
		rc = GN_OK;
	if (rc)
		diag_error(d, path, 0, "", "cannot read the project codes of this file");
	csv_free_names(hdr, width);
	csv_close(r);
	diag_free(own);
	return rc;
}

gn_err indfile_load_dir(const char *dir, gn_diag *d, ind_catalogue **out)
{
	*out = NULL;
	buf ip, tp, pp;
	buf_init(&ip, 0);
	buf_init(&tp, 0);
	buf_init(&pp, 0);
	buf_printf(&ip, "%s/indicators.csv", dir);
	buf_printf(&tp, "%s/indicator_targets.csv", dir);
	buf_printf(&pp, "%s/projects.csv", dir);
	char **projects = NULL;
	size_t np = 0;
	csv_reader *ir = NULL, *tr = NULL;
	struct stat sb;
	gn_err rc = read_projects(buf_cstr(&pp), d, &projects, &np);
	if (!rc)
		rc = csv_open(buf_cstr(&ip), buf_cstr(&ip), d, &ir);
	if (!rc && stat(buf_cstr(&tp), &sb) == 0)
		rc = csv_open(buf_cstr(&tp), buf_cstr(&tp), d, &tr);
	if (!rc) {
		reader rd = {.projects = np ? (const char *const *)projects : NULL,
			     .nprojects = np, .d = d};
		rc = read_both(&rd, ir, tr, out);
	}
	csv_close(ir);
	csv_close(tr);
	for (size_t i = 0; i < np; i++)
		free(projects[i]);
	free(projects);
	buf_free(&ip);
	buf_free(&tp);
	buf_free(&pp);
	return rc;
}
