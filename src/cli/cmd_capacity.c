/*
 * cmd_capacity.c - `gnbv capacity class|staff|mission`: capacity building
 * and inspections (issue 5) from the command line, for offices that keep
 * attendance lists and recommendations in spreadsheets.
 *
 *   class FILE     a training class, study tour or conference with its
 *                  participants list (CSV: full_name, sex, birth_year,
 *                  unit_code, position, staff); a person registered
 *                  already is picked, not registered twice
 *                  (app/capacity.h); all or nothing
 *   staff          a unit's own count of poverty-reduction staff in a year
 *   mission [FILE] an inspection or monitoring mission of --unit over
 *                  --units, with its recommendations (CSV: unit_code,
 *                  due_date, text); all or nothing
 *
 * Layer: cli. Every write is audited under the user "cli" (id 0), as the
 * imports are. Errors name file, line and column (exit 2); nothing is
 * written then. Today is $GNBV_TODAY when set (tests), else the clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/capacity.h"
#include "../core/capacity.h"
#include "../io/capacity_file.h"
#include "../io/value.h"
#include "commands.h"
#include "inputs.h"

static const cli_opt opts[] = {
	{"unit", "CODE", false, "the organising (class) or inspecting (mission) unit, or the unit counted (staff)"},
	{"title", "TEXT", false, "class: its title"},
	{"kind", "KIND", false, "class: training, study_tour or conference (default training); mission: inspection, monitoring or joint (default inspection)"},
	{"start", "DATE", false, "first day (YYYY-MM-DD or DD/MM/YYYY)"},
	{"end", "DATE", false, "last day (default: the first)"},
	{"days", "N", false, "class: its length in days, in halves (default: from the dates)"},
	{"level", "LEVEL", false, "class: commune, district, province or central (default: the unit's)"},
	{"place", "TEXT", false, "class: where it was held"},
	{"topics", "TEXT", false, "class: what was taught"},
	{"project", "CODE", false, "the project of data/me/projects.csv (default DA7.1 for a class, DA7.2 for a mission)"},
	{"funding", "VND", false, "class: its cost in đồng"},
	{"year", "Y", false, "staff: the year"},
	{"staff", "N", false, "staff: the count (- removes it)"},
	{"name", "TEXT", false, "mission: its name"},
	{"decision", "NO", false, "mission: the decision number"},
	{"team", "TEXT", false, "mission: its members"},
	{"units", "CODES", false, "mission: the units inspected, comma-separated"},
	{"report-date", "DATE", false, "mission: the day its report was submitted"},
	{"db", "FILE", false, "database (default gnbv.db)"},
};

static gn_date today(void)
{
	gn_date d;
	const char *env = getenv("GNBV_TODAY");
	if (env && date_parse(env, strlen(env), &d))
		return d;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The options the subcommand does not take, named in one error. */
static bool only(const cli_command *cmd, const cli_args *a, const char *sub,
		 const char *const *allowed, size_t n)
{
	for (size_t i = 0; i < cmd->nopts; i++) {
		if (!a->set[i])
			continue;
		bool ok = strcmp(cmd->opts[i].name, "db") == 0;
		for (size_t k = 0; k < n && !ok; k++)
			ok = strcmp(cmd->opts[i].name, allowed[k]) == 0;
		if (!ok) {
			cli_error(cmd, "--%s is not an option of `capacity %s`", cmd->opts[i].name, sub);
			return false;
		}
	}
	return true;
}

static const char *need(const cli_command *cmd, const cli_args *a, const char *name)
{
	const char *v = cli_get(cmd, a, name);
	if (!v || !*v)
		cli_error(cmd, "--%s is required", name);
	return v && *v ? v : NULL;
}

typedef struct units_ctx {
	unit_set *u;
} units_ctx;

/* Whether unit `code` is in the database (any of its versions). */
static bool known_unit(void *ctx, const char *code)
{
	units_ctx *x = ctx;
	size_t nv = 0;
	int32_t k = x->u ? units_find(x->u, code, strlen(code)) : -1;
	return k >= 0 && units_versions(x->u, k, &nv) && nv > 0;
}

static int load_units(const cli_command *cmd, store *st, units_ctx *x)
{
	if (store_units_load(st, &x->u) != GN_OK) {
		cli_error(cmd, "cannot read the units of the database");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int check_unit(const cli_command *cmd, units_ctx *x, const char *opt, const char *code,
		      bool central_ok)
{
	if (central_ok && strcmp(code, "*") == 0)
		return EXIT_OK;
	if (!known_unit(x, code)) {
		cli_error(cmd, "--%s: no unit \"%s\" in the database", opt, code);
		return EXIT_BADINPUT;
	}
	return EXIT_OK;
}

static int project_of(const cli_command *cmd, const cli_args *a, const char *dflt, char out[16])
{
	const char *p = cli_get(cmd, a, "project");
	snprintf(out, 16, "%s", dflt);
	if (!p)
		return EXIT_OK;
	me_catalogue *cat = NULL;
	int status = inputs_catalogue(&cat);
	if (status)
		return status;
	int32_t k = catalogue_find(cat, p, strlen(p));
	if (k < 0) {
		cli_error(cmd, "--project: \"%s\" is not a project of the catalogue (DA1 ... DA7.2)", p);
		status = EXIT_BADINPUT;
	} else {
		snprintf(out, 16, "%s", cat->v[k].code);
	}
	catalogue_free(cat);
	return status;
}

static int dates(const cli_command *cmd, const cli_args *a, gn_date *start, gn_date *end,
		 char s_iso[11], char e_iso[11])
{
	const char *s = need(cmd, a, "start");
	if (!s)
		return EXIT_BADINPUT;
	int status = inputs_date(cmd, "start", s, start);
	if (status)
		return status;
	const char *e = cli_get(cmd, a, "end");
	*end = *start;
	if (e && (status = inputs_date(cmd, "end", e, end)))
		return status;
	if (*end < *start) {
		cli_error(cmd, "--end: the end date is before the start date");
		return EXIT_BADINPUT;
	}
	date_format_iso(*start, s_iso);
	date_format_iso(*end, e_iso);
	return EXIT_OK;
}

/* The text of an option, NFC with its spaces collapsed (NULL: ""). */
static char *clean_opt(const cli_command *cmd, const cli_args *a, const char *name)
{
	const char *v = cli_get(cmd, a, name);
	char *out = NULL;
	if (cap_clean_name(v ? v : "", v ? strlen(v) : 0, &out) != GN_OK) {
		cli_error(cmd, "--%s: invalid text", name);
		return NULL;
	}
	return out;
}

/* ---- class ------------------------------------------------------------------------ */

static int run_class(const cli_command *cmd, const cli_args *a, const char *file)
{
	static const char *const allowed[] = {"unit", "title", "kind", "start", "end", "days",
					      "level", "place", "topics", "project", "funding"};
	if (!only(cmd, a, "class", allowed, sizeof allowed / sizeof allowed[0]))
		return EXIT_BADINPUT;
	if (!file) {
		cli_error(cmd, "class: the participants file is missing");
		return EXIT_BADINPUT;
	}
	const char *unit = need(cmd, a, "unit");
	char *title = clean_opt(cmd, a, "title"), *place = NULL, *topics = NULL;
	int status = EXIT_OK;
	store *st = NULL;
	units_ctx ux = {0};
	cap_participant_row *rows = NULL;
	size_t nrows = 0;
	gn_diag *d = diag_new(100);
	buf text;
	buf_init(&text, 0);
	st_training_class k = {0};
	if (!unit || !title) {
		status = EXIT_BADINPUT;
		goto done;
	}
	if (!*title) {
		cli_error(cmd, "--title is required");
		status = EXIT_BADINPUT;
		goto done;
	}
	if (!(place = clean_opt(cmd, a, "place")) || !(topics = clean_opt(cmd, a, "topics"))) {
		status = EXIT_BADINPUT;
		goto done;
	}
	cap_kind kind = CAP_TRAINING;
	const char *ks = cli_get(cmd, a, "kind");
	if (ks && !cap_kind_parse(ks, &kind)) {
		cli_error(cmd, "--kind: expected training, study_tour or conference, got \"%s\"", ks);
		status = EXIT_BADINPUT;
		goto done;
	}
	gn_date start, end;
	if ((status = dates(cmd, a, &start, &end, k.start_date, k.end_date)))
		goto done;
	if (start > today()) {
		cli_error(cmd, "--start: in the future: record a class once it has started");
		status = EXIT_BADINPUT;
		goto done;
	}
	k.half_days = 2 * cap_span_days(start, end);
	const char *days = cli_get(cmd, a, "days");
	if (days) {
		int64_t tenths;
		if (!val_decimal(days, strlen(days), 1, &tenths) || tenths > 8000 || tenths % 5 ||
		    !cap_half_days_ok((int)(tenths / 5), start, end)) {
			cli_error(cmd, "--days: expected a number of days in halves, at most the days from --start to --end, got \"%s\"",
				  days);
			status = EXIT_BADINPUT;
			goto done;
		}
		k.half_days = (int)(tenths / 5);
	}
	k.funding = -1;
	const char *funding = cli_get(cmd, a, "funding");
	if (funding && !val_money(funding, strlen(funding), &k.funding)) {
		cli_error(cmd, "--funding: expected an amount in đồng (digits, or 12.500.000), got \"%s\"",
			  funding);
		status = EXIT_BADINPUT;
		goto done;
	}
	if ((status = project_of(cmd, a, "DA7.1", k.project)))
		goto done;
	if ((status = inputs_read_file(file, &text)))
		goto done;
	if (cap_participants_parse(file, buf_cstr(&text), text.len, d, &rows, &nrows)) {
		cli_print_diag(d);
		status = EXIT_BADINPUT;
		goto done;
	}
	if ((status = inputs_store(cli_get(cmd, a, "db"), false, &st)) ||
	    (status = load_units(cmd, st, &ux)) ||
	    (status = check_unit(cmd, &ux, "unit", unit, true)))
		goto done;
	unit_level ul = LEVEL_COUNTRY;
	if (strcmp(unit, "*") != 0) {
		size_t nv;
		const unit_version *v = units_versions(ux.u, units_find(ux.u, unit, strlen(unit)), &nv);
		ul = v[nv - 1].level; /* its latest version */
	}
	cap_level level = ul == LEVEL_COUNTRY	 ? CAP_LEVEL_CENTRAL
			  : ul == LEVEL_PROVINCE ? CAP_LEVEL_PROVINCE
			  : ul == LEVEL_DISTRICT ? CAP_LEVEL_DISTRICT
						 : CAP_LEVEL_COMMUNE;
	const char *ls = cli_get(cmd, a, "level");
	if (ls && !cap_level_parse(ls, &level)) {
		cli_error(cmd, "--level: expected commune, district, province or central, got \"%s\"", ls);
		status = EXIT_BADINPUT;
		goto done;
	}
	snprintf(k.kind, sizeof k.kind, "%s", cap_kind_name(kind));
	snprintf(k.level, sizeof k.level, "%s", cap_level_name(level));
	snprintf(k.unit_code, sizeof k.unit_code, "%s", unit);
	k.title = title;
	k.place = place;
	k.topics = topics;
	int64_t added = 0, already = 0;
	gn_err rc = store_begin(st);
	if (!rc)
		rc = store_training_class_add(st, &k, 0);
	if (!rc)
		rc = capacity_add_participants(st, k.id, rows, nrows, known_unit, &ux, 0, file, d,
					       &added, &already);
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		store_rollback(st);
		cli_print_diag(d);
		if (rc != GN_EINPUT)
			cli_error(cmd, "cannot record the class: %s", gn_strerror(rc));
		status = rc == GN_EINPUT ? EXIT_BADINPUT : EXIT_FAIL;
		goto done;
	}
	printf("class %lld: %s, %s to %s, participants: %lld\n", (long long)k.id, k.kind,
	       k.start_date, k.end_date, (long long)added);
done:
	free(title);
	free(place);
	free(topics);
	cap_participants_free(rows, nrows);
	buf_free(&text);
	diag_free(d);
	units_free(ux.u);
	store_close(st);
	return status;
}

/* ---- staff --------------------------------------------------------------------------- */

static int run_staff(const cli_command *cmd, const cli_args *a)
{
	static const char *const allowed[] = {"unit", "year", "staff"};
	if (!only(cmd, a, "staff", allowed, 3))
		return EXIT_BADINPUT;
	const char *unit = need(cmd, a, "unit");
	const char *sv = need(cmd, a, "staff");
	long year;
	if (!unit || !sv || !need(cmd, a, "year") || !cli_get_int(cmd, a, "year", 2000, 2099, 0, &year))
		return EXIT_BADINPUT;
	int64_t staff = -1;
	if (strcmp(sv, "-") != 0 && !val_count(sv, strlen(sv), 1000000, &staff)) {
		cli_error(cmd, "--staff: expected a whole number (or - to remove the count), got \"%s\"", sv);
		return EXIT_BADINPUT;
	}
	store *st = NULL;
	units_ctx ux = {0};
	int status;
	if (!(status = inputs_store(cli_get(cmd, a, "db"), false, &st)) &&
	    !(status = load_units(cmd, st, &ux)) &&
	    !(status = check_unit(cmd, &ux, "unit", unit, false))) {
		gn_err rc = store_begin(st);
		if (!rc)
			rc = store_training_staff_put(st, unit, (int)year, staff, 0);
		if (!rc)
			rc = store_commit(st);
		if (rc) {
			store_rollback(st);
			cli_error(cmd, "cannot record the count: %s", gn_strerror(rc));
			status = EXIT_FAIL;
		} else if (staff < 0) {
			printf("staff %s %ld: removed\n", unit, year);
		} else {
			printf("staff %s %ld: %lld\n", unit, year, (long long)staff);
		}
	}
	units_free(ux.u);
	store_close(st);
	return status;
}

/* ---- mission -------------------------------------------------------------------------- */

static int load_settings(const cli_command *cmd, cap_settings *s)
{
	buf path;
	buf_init(&path, 0);
	buf_printf(&path, "%s/me/capacity.csv", cli_data_dir());
	gn_diag *d = diag_new(20);
	gn_err rc = cap_settings_load(buf_cstr(&path), buf_cstr(&path), s, d);
	cli_print_diag(d);
	diag_free(d);
	buf_free(&path);
	if (rc)
		cli_error(cmd, "cannot read the settings of data/me/capacity.csv");
	return rc ? EXIT_FAIL : EXIT_OK;
}

static int run_mission(const cli_command *cmd, const cli_args *a, const char *file)
{
	static const char *const allowed[] = {"unit", "kind", "start", "end", "project", "name",
					      "decision", "team", "units", "report-date"};
	if (!only(cmd, a, "mission", allowed, sizeof allowed / sizeof allowed[0]))
		return EXIT_BADINPUT;
	const char *unit = need(cmd, a, "unit");
	const char *list = need(cmd, a, "units");
	char *name = clean_opt(cmd, a, "name"), *decision = NULL, *team = NULL;
	int status = EXIT_OK;
	store *st = NULL;
	units_ctx ux = {0};
	cap_rec_row *recs = NULL;
	size_t nrecs = 0;
	gn_diag *d = diag_new(100);
	buf text;
	buf_init(&text, 0);
	st_mission m = {0};
	char (*codes)[ST_CODE] = NULL;
	calendar *cal = NULL;
	cap_settings cs;
	if (!unit || !list || !name) {
		status = EXIT_BADINPUT;
		goto done;
	}
	if (!*name) {
		cli_error(cmd, "--name is required");
		status = EXIT_BADINPUT;
		goto done;
	}
	if (!(decision = clean_opt(cmd, a, "decision")) || !(team = clean_opt(cmd, a, "team"))) {
		status = EXIT_BADINPUT;
		goto done;
	}
	cap_mission_kind kind = CAP_MISSION_INSPECTION;
	const char *ks = cli_get(cmd, a, "kind");
	if (ks && !cap_mission_kind_parse(ks, &kind)) {
		cli_error(cmd, "--kind: expected inspection, monitoring or joint, got \"%s\"", ks);
		status = EXIT_BADINPUT;
		goto done;
	}
	gn_date start, end;
	if ((status = dates(cmd, a, &start, &end, m.start_date, m.end_date)) ||
	    (status = project_of(cmd, a, "DA7.2", m.project)))
		goto done;
	const char *rd = cli_get(cmd, a, "report-date");
	if (rd) {
		gn_date r;
		if ((status = inputs_date(cmd, "report-date", rd, &r)))
			goto done;
		if (r < start || r > today()) {
			cli_error(cmd, "--report-date: before the mission started, or in the future");
			status = EXIT_BADINPUT;
			goto done;
		}
		date_format_iso(r, m.report_date);
	}
	if (file) {
		if ((status = inputs_read_file(file, &text)))
			goto done;
		if (cap_recommendations_parse(file, buf_cstr(&text), text.len, d, &recs, &nrecs)) {
			cli_print_diag(d);
			status = EXIT_BADINPUT;
			goto done;
		}
	}
	if ((status = inputs_store(cli_get(cmd, a, "db"), false, &st)) ||
	    (status = load_units(cmd, st, &ux)) ||
	    (status = check_unit(cmd, &ux, "unit", unit, true)) ||
	    (status = load_settings(cmd, &cs)) || (status = inputs_calendar(&cal)))
		goto done;
	/* the units inspected */
	size_t ncodes = 1;
	for (const char *p = list; *p; p++)
		ncodes += *p == ',';
	codes = calloc(ncodes, sizeof *codes);
	if (!codes) {
		status = EXIT_FAIL;
		goto done;
	}
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0 || len >= ST_CODE) {
			cli_error(cmd, "--units: expected unit codes separated by commas");
			status = EXIT_BADINPUT;
			goto done;
		}
		memcpy(codes[m.nunits], p, len);
		codes[m.nunits][len] = '\0';
		if ((status = check_unit(cmd, &ux, "units", codes[m.nunits], false)))
			goto done;
		m.nunits++;
		p += len + (e ? 1 : 0);
	}
	for (size_t i = 0; i < nrecs; i++) {
		if (!known_unit(&ux, recs[i].unit_code))
			diag_error(d, file, recs[i].line, "unit_code", "no unit \"%s\" in the database",
				   recs[i].unit_code);
		if (recs[i].due < start)
			diag_error(d, file, recs[i].line, "due_date", "due before the mission started");
	}
	if (diag_errors(d)) {
		cli_print_diag(d);
		status = EXIT_BADINPUT;
		goto done;
	}
	snprintf(m.kind, sizeof m.kind, "%s", cap_mission_kind_name(kind));
	snprintf(m.unit_code, sizeof m.unit_code, "%s", unit);
	m.name = name;
	m.decision_no = decision;
	m.team = team;
	m.units = codes;
	gn_err rc = store_begin(st);
	if (!rc)
		rc = store_mission_add(st, &m, 0);
	for (size_t i = 0; i < nrecs && !rc; i++) {
		st_recommendation r = {0};
		r.mission_id = m.id;
		r.text = recs[i].text;
		snprintf(r.unit_code, sizeof r.unit_code, "%s", recs[i].unit_code);
		date_format_iso(recs[i].due, r.due_date);
		rc = store_recommendation_add(st, &r, 0);
	}
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		store_rollback(st);
		cli_error(cmd, "cannot record the mission: %s", gn_strerror(rc));
		status = EXIT_FAIL;
		goto done;
	}
	char due[11];
	date_format_iso(cap_report_due(cal, end, cs.report_working_days), due);
	printf("mission %lld: %zu units, %zu recommendations, report due %s\n", (long long)m.id,
	       m.nunits, nrecs, due);
done:
	free(name);
	free(decision);
	free(team);
	free(codes);
	cap_recommendations_free(recs, nrecs);
	buf_free(&text);
	diag_free(d);
	units_free(ux.u);
	cal_free(cal);
	store_close(st);
	return status;
}

static int run(const cli_command *cmd, const cli_args *a)
{
	const char *sub = a->pos[0];
	const char *file = a->npos > 1 ? a->pos[1] : NULL;
	if (strcmp(sub, "class") == 0)
		return run_class(cmd, a, file);
	if (file && strcmp(sub, "staff") == 0) {
		cli_error(cmd, "staff takes no file");
		return EXIT_BADINPUT;
	}
	if (strcmp(sub, "staff") == 0)
		return run_staff(cmd, a);
	if (strcmp(sub, "mission") == 0)
		return run_mission(cmd, a, file);
	cli_error(cmd, "unknown subcommand \"%s\" (class, staff or mission)", sub);
	return EXIT_BADINPUT;
}

const cli_command cmd_capacity = {
	.name = "capacity",
	.args = "class|staff|mission [FILE]",
	.summary = "record a training class with its participants, a staff count, or a mission with its recommendations",
	.details =
		"Capacity building (Project 7.1) and inspections, from files an office keeps:\n"
		"\n"
		"  gnbv capacity class PARTICIPANTS.csv --unit CODE --title TEXT --start DATE\n"
		"      [--end DATE] [--kind training|study_tour|conference] [--days N] [--level L]\n"
		"      [--place TEXT] [--topics TEXT] [--project DA7.1] [--funding VND]\n"
		"  gnbv capacity staff --unit CODE --year Y --staff N|-\n"
		"  gnbv capacity mission [RECOMMENDATIONS.csv] --unit CODE --name TEXT --start DATE\n"
		"      --units CODE,CODE... [--end DATE] [--kind inspection|monitoring|joint]\n"
		"      [--decision NO] [--team TEXT] [--report-date DATE] [--project DA7.2]\n"
		"\n"
		"PARTICIPANTS.csv: columns full_name, sex (M, F, Nam, Nữ), birth_year (or empty),\n"
		"unit_code, position, staff (1/0, có/không: poverty-reduction staff). A person\n"
		"already registered in the unit (same name without marks, same year of birth,\n"
		"or the only one of that name) is picked, not registered twice.\n"
		"RECOMMENDATIONS.csv: columns unit_code (the unit responsible), due_date, text.\n"
		"--unit * is the central level. Every error names file, line and column (exit 2)\n"
		"and then nothing is written. The mission's report is due the number of working\n"
		"days of data/me/capacity.csv after --end (holidays: data/holidays/vn.csv).",
	.opts = opts,
	.nopts = sizeof opts / sizeof opts[0],
	.min_pos = 1,
	.max_pos = 2,
	.run = run,
};
