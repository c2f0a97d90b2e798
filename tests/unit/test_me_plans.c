/* test_me_plans.c - plans, budgets and disbursement (issue 5): the
 * arithmetic of core/budget.h on the seed plans' own figures, the
 * catalogue of projects and the budget.csv reader (every rule, with its
 * message), plans and budget lines in the store (audit), the import's
 * rules against the store (plans by reference, declared funding,
 * disbursements within allocations, re-import), the export round trip,
 * and the figures and document of the budget report. Databases live
 * under /tmp; the catalogue is data/me/projects.csv ($GNBV_DATA), the
 * fixtures tests/fixtures/budget ($GNBV_SRC). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/budget.h"
#include "app/export.h"
#include "app/import.h"
#include "core/budget.h"
#include "core/mem.h"
#include "io/budget_file.h"
#include "io/catalogue_file.h"
#include "report/budget.h"
#include "report/render.h"
#include "store/store.h"

#define M(x) ((int64_t)(x) * 1000000) /* triệu đồng */

static me_catalogue *cat; /* data/me/projects.csv, loaded once */

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf b;
	buf_init(&b, 0);
	char block[4096];
	size_t n;
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		buf_put(&b, block, n);
	fclose(f);
	*len = b.len;
	return buf_take(&b);
}

static char *fixture(const char *name, size_t *len)
{
	const char *src = getenv("GNBV_SRC");
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/budget/%s", src ? src : ".", name);
	char *s = read_all(path, len);
	assert_non_null(s);
	return s;
}

static int group_setup(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	char path[512];
	snprintf(path, sizeof path, "%s/me/projects.csv", data ? data : "data");
	gn_diag *d = diag_new(10);
	gn_err rc = catalogue_load_file(path, path, d, &cat);
	diag_free(d);
	return rc == GN_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	catalogue_free(cat);
	return 0;
}

static int32_t P(const char *code)
{
	int32_t p = catalogue_find(cat, code, strlen(code));
	assert_true(p >= 0);
	return p;
}

/* Whether some diagnostic of d holds text (and names line and column
 * when given). */
static bool has_diag(const gn_diag *d, long line, const char *column, const char *text)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if ((line < 0 || it->line == line) && (!column || strcmp(it->column, column) == 0) &&
		    strstr(it->text, text))
			return true;
	}
	return false;
}

static void print_diag(const gn_diag *d)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		fprintf(stderr, "  %s:%ld: column %s: %s\n", it->file, it->line, it->column, it->text);
	}
}

/* ---- core: seed 001's own arithmetic ---------------------------------------------- */

typedef struct seed_line {
	const char *project;
	budget_source s;
	budget_capital c;
	int64_t amount, carried;
} seed_line;

/* Seed 001 (UBND huyện Hớn Quản, 2023), in triệu đồng. */
static const seed_line seed001[] = {
	{"DA2", BS_CENTRAL, BC_RECURRENT, 1950, 0}, {"DA2", BS_PROVINCIAL, BC_RECURRENT, 98, 0},
	{"DA2", BS_DISTRICT, BC_RECURRENT, 195, 0},
	{"DA3.1", BS_CENTRAL, BC_RECURRENT, 838, 0}, {"DA3.1", BS_PROVINCIAL, BC_RECURRENT, 42, 0},
	{"DA3.1", BS_DISTRICT, BC_RECURRENT, 84, 0},
	{"DA3.2", BS_CENTRAL, BC_RECURRENT, 269, 0}, {"DA3.2", BS_PROVINCIAL, BC_RECURRENT, 13, 0},
	{"DA3.2", BS_DISTRICT, BC_RECURRENT, 27, 0},
	{"DA4.1", BS_CENTRAL, BC_RECURRENT, 802, 0}, {"DA4.1", BS_PROVINCIAL, BC_RECURRENT, 40, 0},
	{"DA4.1", BS_DISTRICT, BC_RECURRENT, 80, 0},
	{"DA4.3", BS_CENTRAL, BC_RECURRENT, 216, 0}, {"DA4.3", BS_CENTRAL, BC_INVESTMENT, 148, 33},
	{"DA4.3", BS_PROVINCIAL, BC_RECURRENT, 11, 0}, {"DA4.3", BS_DISTRICT, BC_RECURRENT, 22, 0},
	{"DA6", BS_CENTRAL, BC_RECURRENT, 154, 0}, {"DA6", BS_PROVINCIAL, BC_RECURRENT, 8, 0},
	{"DA6", BS_DISTRICT, BC_RECURRENT, 15, 0},
	{"DA7", BS_CENTRAL, BC_RECURRENT, 458, 0}, {"DA7", BS_PROVINCIAL, BC_RECURRENT, 23, 0},
	{"DA7", BS_DISTRICT, BC_RECURRENT, 46, 0},
};

static void test_core_seed001_totals(void **state)
{
	(void)state;
	budget_row *rows = gn_xcalloc(cat->n, sizeof *rows);
	for (size_t i = 0; i < sizeof seed001 / sizeof seed001[0]; i++) {
		const seed_line *l = &seed001[i];
		assert_int_equal(budget_row_add_line(&rows[P(l->project)], l->s, l->c, false,
						     M(l->amount), M(l->carried)),
				 GN_OK);
	}
	budget_row total;
	assert_int_equal(budget_rollup(rows, cat->parent, cat->n, &total), GN_OK);
	/* the plan's own totals per project */
	assert_int_equal(rows[P("DA2")].total.allocated, M(2243));
	assert_int_equal(rows[P("DA3.1")].total.allocated, M(964));
	assert_int_equal(rows[P("DA3.2")].total.allocated, M(309));
	assert_int_equal(rows[P("DA4.1")].total.allocated, M(922));
	assert_int_equal(rows[P("DA4.3")].total.allocated, M(397));
	assert_int_equal(rows[P("DA6")].total.allocated, M(177));
	assert_int_equal(rows[P("DA7")].total.allocated, M(527));
	/* sub-projects add up into their project */
	assert_int_equal(rows[P("DA3")].total.allocated, M(964 + 309));
	assert_int_equal(rows[P("DA4")].total.allocated, M(922 + 397));
	assert_int_equal(rows[P("DA4")].cell[BS_CENTRAL][BC_INVESTMENT].carried_over, M(33));
	/* by source, capital type, and in total */
	assert_int_equal(total.total.allocated, M(5539));
	assert_int_equal(total.cell[BS_CENTRAL][BC_RECURRENT].allocated +
				 total.cell[BS_CENTRAL][BC_INVESTMENT].allocated,
			 M(4835));
	assert_int_equal(total.cell[BS_CENTRAL][BC_INVESTMENT].allocated, M(148));
	assert_int_equal(total.cell[BS_PROVINCIAL][BC_RECURRENT].allocated, M(235));
	assert_int_equal(total.cell[BS_DISTRICT][BC_RECURRENT].allocated, M(469));
	assert_int_equal(total.total.carried_over, M(33));
	int64_t cells = 0;
	for (int s = 0; s < BS_COUNT; s++)
		for (int c = 0; c < BC_COUNT; c++)
			cells += total.cell[s][c].allocated;
	assert_int_equal(cells, total.total.allocated);
	/* a disbursement and its rate, exact hundredths */
	assert_int_equal(budget_row_add_line(&rows[P("DA2")], BS_CENTRAL, BC_RECURRENT, true,
					     975000000, 0),
			 GN_OK);
	assert_int_equal(budget_rate(&rows[P("DA2")].total), 4347); /* 43,4685 % */
	budget_amounts none = {0};
	assert_int_equal(budget_rate(&none), 0);
	free(rows);
}

static void test_core_rules(void **state)
{
	(void)state;
	budget_row r;
	memset(&r, 0, sizeof r);
	assert_int_equal(budget_row_add_line(&r, BS_CENTRAL, BC_RECURRENT, false, 10, 11), GN_EINPUT);
	assert_int_equal(budget_row_add_line(&r, BS_CENTRAL, BC_RECURRENT, false, -1, 0), GN_EINPUT);
	assert_int_equal(budget_row_add_line(&r, BS_CENTRAL, BC_RECURRENT, true, 10, 1), GN_EINPUT);
	assert_int_equal(budget_row_add_line(&r, BS_CENTRAL, BC_RECURRENT, false, INT64_MAX, 0), GN_OK);
	assert_int_equal(budget_row_add_line(&r, BS_CENTRAL, BC_RECURRENT, false, 1, 0), GN_ERANGE);
	assert_int_equal(r.total.allocated, INT64_MAX); /* unchanged by the refused line */
	int32_t bad[] = {-1, 2, 1};
	budget_row rows[3], total;
	memset(rows, 0, sizeof rows);
	assert_int_equal(budget_rollup(rows, bad, 3, &total), GN_EINPUT);

	/* a declared funding: seed 001's DA2 and DA4.3 add up */
	budget_part da2[] = {{BS_CENTRAL, BC_RECURRENT, M(1950), 0},
			     {BS_PROVINCIAL, BC_RECURRENT, M(98), 0},
			     {BS_DISTRICT, BC_RECURRENT, M(195), 0}};
	size_t at;
	int64_t sum;
	assert_int_equal(budget_funding_check(M(2243), da2, 3, &at, &sum), BF_OK);
	assert_int_equal(sum, M(2243));
	assert_int_equal(budget_funding_check(M(2200), da2, 3, &at, &sum), BF_TOTAL);
	assert_int_equal(sum, M(2243));
	budget_part da43[] = {{BS_CENTRAL, BC_RECURRENT, M(216), 0},
			      {BS_CENTRAL, BC_INVESTMENT, M(148), M(33)},
			      {BS_PROVINCIAL, BC_RECURRENT, M(11), 0},
			      {BS_DISTRICT, BC_RECURRENT, M(22), 0}};
	assert_int_equal(budget_funding_check(M(397), da43, 4, &at, &sum), BF_OK);
	da43[1].carried_over = M(149);
	assert_int_equal(budget_funding_check(M(397), da43, 4, &at, &sum), BF_CARRIED);
	assert_int_equal(at, 1);
	da43[1].carried_over = 0;
	da43[3].source = BS_CENTRAL;
	da43[3].capital = BC_RECURRENT;
	assert_int_equal(budget_funding_check(M(397), da43, 4, &at, &sum), BF_DUPLICATE);
	assert_int_equal(at, 3);
	da43[3].source = BS_DISTRICT;
	da43[2].amount = 0;
	assert_int_equal(budget_funding_check(M(386), da43, 4, &at, &sum), BF_AMOUNT);
	/* a total alone (no parts) is fine */
	assert_int_equal(budget_funding_check(7999553000, NULL, 0, &at, &sum), BF_OK);

	/* words, references, money */
	budget_source s;
	budget_capital c;
	assert_true(budget_source_parse("Central", 7, &s) && s == BS_CENTRAL);
	assert_true(budget_source_parse("household", 9, &s) && s == BS_HOUSEHOLD);
	assert_false(budget_source_parse("NSTW", 4, &s));
	assert_true(budget_capital_parse("investment", 10, &c) && c == BC_INVESTMENT);
	assert_string_equal(budget_source_short(BS_CENTRAL), "NSTW");
	char ref[64];
	budget_plan_ref("32/KH-UBND", 2023, ref, sizeof ref);
	assert_string_equal(ref, "32/KH-UBND 2023");
	budget_plan_ref("32/KH-UBND", 2023, ref, 8);
	assert_string_equal(ref, "32/KH-U");
	char m[28];
	budget_money_vn(7999553000, m);
	assert_string_equal(m, "7.999.553.000");
	budget_money_vn(0, m);
	assert_string_equal(m, "0");
	budget_money_vn(-1000, m);
	assert_string_equal(m, "-1.000");
	budget_money_vn(INT64_MIN, m);
	assert_string_equal(m, "-9.223.372.036.854.775.808");
}

/* ---- io: the catalogue ------------------------------------------------------------------ */

static void test_catalogue(void **state)
{
	(void)state;
	assert_int_equal(cat->n, 16);
	int32_t da31 = P("DA3.1");
	assert_string_equal(cat->v[cat->v[da31].parent].code, "DA3");
	assert_true(cat->v[P("DA3")].has_children);
	assert_false(cat->v[P("DA2")].has_children);
	assert_int_equal(catalogue_find(cat, "da3.1", 5), da31);
	assert_int_equal(catalogue_find(cat, "DA8", 3), -1);
	assert_true(catalogue_within(cat, da31, P("DA3")));
	assert_false(catalogue_within(cat, da31, P("DA4")));
	assert_string_equal(cat->v[P("DA2")].forms, "05");
	assert_string_equal(cat->v[P("DA2")].forms_basis, "seed-001");
	for (size_t i = 0; i < cat->n; i++)
		assert_true(cat->parent[i] < (int32_t)i);

	static const char bad[] =
		"code,parent,name_vi,name_en,forms\n"
		"DA1,,Một,One,03;04\n"
		"DA3.1,DA3,Ba một,Three one,06\n"     /* line 3: parent after */
		"DA2,DA1,Hai,Two,05\n"                /* line 4: a project with a parent */
		"DA4,,Bốn,,08\n"                      /* line 5: empty English name */
		"DA4.1,DA2,Bốn một,Four one,08\n"     /* line 6: wrong parent */
		"DA1,,Một,One,03\n"                   /* line 7: twice */
		"X7,,Bảy,Seven,5\n";                  /* line 8: bad code and forms */
	gn_diag *d = diag_new(50);
	me_catalogue *c = NULL;
	assert_int_equal(catalogue_parse("projects.csv", bad, sizeof bad - 1, d, &c), GN_EINPUT);
	assert_null(c);
	assert_true(has_diag(d, 3, "parent", "DA3 must be listed before its sub-projects"));
	assert_true(has_diag(d, 4, "parent", "a project (DA2) has no parent"));
	assert_true(has_diag(d, 5, "name_en", "empty name"));
	assert_true(has_diag(d, 6, "parent", "the parent of DA4.1 is DA4, got \"DA2\""));
	assert_true(has_diag(d, 7, "code", "DA1 is listed twice (line 2)"));
	assert_true(has_diag(d, 8, "code", "expected a project code"));
	assert_true(has_diag(d, 8, "forms", "two-digit"));
	diag_free(d);
}

/* ---- io: budget.csv -------------------------------------------------------------------- */

static void test_budget_file_good(void **state)
{
	(void)state;
	size_t len;
	char *text = fixture("seed001.csv", &len);
	gn_diag *d = diag_new(20);
	budget_rows t;
	assert_int_equal(budget_file_parse(cat, "seed001.csv", text, len, d, &t), GN_OK);
	assert_int_equal(t.n, 22);
	const budget_in *b = &t.v[13]; /* DA4.3 central investment, line 15 */
	assert_int_equal(b->line, 15);
	assert_string_equal(b->plan, "245/KH-UBND 2023");
	assert_int_equal(b->project, P("DA4.3"));
	assert_int_equal(b->capital, BC_INVESTMENT);
	assert_int_equal(b->amount, M(148));
	assert_int_equal(b->carried_over, M(33));
	assert_false(b->disbursed);
	budget_rows_free(&t);
	free(text);

	/* a BOM, columns in another order, names in capitals, a CRLF file,
	 * kinds and dates in both spellings, a plan text in NFD */
	static const char other[] =
		"\xEF\xBB\xBF" "KIND,Date,Amount,Source,Project,Year,Unit_Code,Plan\r\n"
		"disbursed,15/10/2023,500.000.000,central,da2,2023,693,SO\xCC\x82/KH 2023\r\n"
		",,1950000000,CENTRAL,DA2,2023,693,SO\xCC\x82/KH 2023\r\n";
	assert_int_equal(budget_file_parse(cat, "b.csv", other, sizeof other - 1, d, &t), GN_OK);
	assert_int_equal(t.n, 2);
	assert_true(t.v[0].disbursed && t.v[0].has_date);
	assert_int_equal(t.v[0].date, date_from_ymd(2023, 10, 15));
	assert_string_equal(t.v[0].plan, "S\xC3\x94/KH 2023"); /* NFC: "SÔ" */
	assert_false(t.v[1].disbursed);
	assert_int_equal(t.v[1].capital, BC_RECURRENT);
	budget_rows_free(&t);
	diag_free(d);
}

static void test_budget_file_errors(void **state)
{
	(void)state;
	static const char bad[] =
		"plan,unit_code,year,project,source,capital,amount,carried_over,kind,date\n"
		",693,2023,DA2,central,recurrent,1,,,\n"                       /* 2 plan */
		"P 2023,,23,DA9,nstw,current,1.0,,,\n"                           /* 3 unit year project source capital amount */
		"P 2023,693,2023,DA2,central,,100,101,,\n"                      /* 4 carried > amount */
		"P 2023,693,2023,DA2,central,,100,5,disbursed,2023-01-01\n"     /* 5 carry-over on a disbursement */
		"P 2023,693,2023,DA2,central,,100,,disbursed,\n"                /* 6 no date */
		"P 2023,693,2023,DA2,central,,100,,disbursed,2024-01-31\n"      /* 7 outside the year */
		"P 2023,693,2023,DA2,central,,0,,disbursed,2023-02-01\n"        /* 8 zero disbursement */
		"P 2023,693,2023,DA2,central,,100,,granted,31/02/2023\n"        /* 9 kind, date */
		"P 2023,693,2023,DA6,central,,100,,,\n"                         /* 10 */
		"P 2023,693,2023,DA6,central,,200,,,\n"                         /* 11 dup of 10 */
		"P 2023,693,2023,DA6,central,,100,,disbursed,2023-05-05\n"      /* 12 */
		"P 2023,693,2023,DA6,central,,100,,disbursed,05/05/2023\n"      /* 13 dup of 12 */
		"P 2023,693,2023,DA6,central,,100\n";                           /* 14 short */
	gn_diag *d = diag_new(100);
	budget_rows t;
	assert_int_equal(budget_file_parse(cat, "b.csv", bad, sizeof bad - 1, d, &t), GN_EINPUT);
	assert_int_equal(t.n, 0);
	assert_true(has_diag(d, 2, "plan", "empty plan reference"));
	assert_true(has_diag(d, 3, "unit_code", "empty unit code"));
	assert_true(has_diag(d, 3, "year", "expected a year"));
	assert_true(has_diag(d, 3, "project", "got \"DA9\""));
	assert_true(has_diag(d, 3, "source", "got \"nstw\""));
	assert_true(has_diag(d, 3, "capital", "got \"current\""));
	assert_true(has_diag(d, 3, "amount", "got \"1.0\""));
	assert_true(has_diag(d, 4, "carried_over", "(101) is more than the amount (100)"));
	assert_true(has_diag(d, 5, "carried_over", "only an allocation carries money over"));
	assert_true(has_diag(d, 6, "date", "a disbursement needs its date"));
	assert_true(has_diag(d, 7, "date", "the disbursement of 2023 is dated in 2024"));
	assert_true(has_diag(d, 8, "amount", "a disbursement must be more than 0"));
	assert_true(has_diag(d, 9, "kind", "got \"granted\""));
	assert_true(has_diag(d, 9, "date", "got \"31/02/2023\""));
	assert_true(has_diag(d, 11, "amount", "a second allocation of the same plan, unit, year, project, source and capital (line 10)"));
	assert_true(has_diag(d, 13, "amount", "on 2023-05-05 (line 12): give one line per day"));
	assert_true(has_diag(d, 14, "carried_over", "missing"));
	assert_false(has_diag(d, 10, NULL, ""));
	assert_false(has_diag(d, 12, NULL, ""));
	diag_free(d);
}

/* ---- store and app ------------------------------------------------------------------------ */

typedef struct fixture_db {
	char dir[64];
	char path[96];
	store *st;
} fixture_db;

static int db_setup(void **state)
{
	fixture_db *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_plans_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(f->path, true, NULL, &f->st) != GN_OK)
		return -1;
	size_t len;
	char *units = fixture("units.csv", &len);
	gn_diag *d = diag_new(10);
	import_opts o = {0};
	size_t rows;
	gn_err rc = import_mem(f->st, FILE_UNITS, "units.csv", units, len, &o, d, &rows);
	print_diag(d);
	diag_free(d);
	free(units);
	*state = f;
	return rc == GN_OK ? 0 : -1;
}

static int db_teardown(void **state)
{
	fixture_db *f = *state;
	store_close(f->st);
	static const char *const ext[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s%s", f->path, ext[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Seed 001's plan as the district enters it (reduced: DA2 and DA4.3 with
 * their parts, DA7 as a total). */
static void seed001_plan(st_plan *p, st_plan_funding *fu, st_plan_part *parts)
{
	memset(p, 0, sizeof *p);
	snprintf(p->unit_code, sizeof p->unit_code, "693");
	p->issuer = "UBND huyện Hớn Quản";
	snprintf(p->number, sizeof p->number, "245/KH-UBND");
	snprintf(p->date, sizeof p->date, "2023-09-15");
	p->year_from = p->year_to = 2023;
	p->title = "Thực hiện các Dự án thuộc Chương trình MTQG giảm nghèo bền vững năm 2023";
	p->legal_basis = "Căn cứ Kế hoạch số 226/KH-UBND ngày 02/8/2022;\nQuyết định 842/QĐ-UBND.";
	p->objectives = "Năm 2023 giảm 218 hộ nghèo.";
	static st_plan_target targets[2];
	targets[0] = (st_plan_target){"Giảm hộ nghèo", true, 21800, "hộ"};
	targets[1] = (st_plan_target){"Cán bộ được tập huấn", true, 10000, "%"};
	p->targets = targets;
	p->ntargets = 2;
	static st_plan_activity acts[1];
	memset(acts, 0, sizeof acts);
	snprintf(acts[0].project, sizeof acts[0].project, "DA2");
	acts[0].name = "Đa dạng hóa sinh kế";
	acts[0].lead_unit = "Trung tâm Dịch vụ nông nghiệp huyện";
	acts[0].coordinating_units = "Phòng Nông nghiệp và PTNT; Phòng LĐ-TB&XH";
	acts[0].place = "Thanh An, Tân Hưng";
	snprintf(acts[0].time_from, sizeof acts[0].time_from, "2023Q2");
	snprintf(acts[0].time_to, sizeof acts[0].time_to, "2023Q4");
	acts[0].beneficiaries = "Hộ nghèo, cận nghèo";
	p->activities = acts;
	p->nactivities = 1;
	static const struct {
		const char *s, *c;
		int64_t a, k;
	} pd[] = {{"central", "recurrent", M(1950), 0}, {"provincial", "recurrent", M(98), 0},
		  {"district", "recurrent", M(195), 0}, {"central", "recurrent", M(216), 0},
		  {"central", "investment", M(148), M(33)}, {"provincial", "recurrent", M(11), 0},
		  {"district", "recurrent", M(22), 0}};
	for (size_t i = 0; i < 7; i++) {
		memset(&parts[i], 0, sizeof parts[i]);
		snprintf(parts[i].source, sizeof parts[i].source, "%s", pd[i].s);
		snprintf(parts[i].capital, sizeof parts[i].capital, "%s", pd[i].c);
		parts[i].amount = pd[i].a;
		parts[i].carried_over = pd[i].k;
	}
	memset(fu, 0, 3 * sizeof *fu);
	snprintf(fu[0].project, sizeof fu[0].project, "DA2");
	fu[0].year = 2023;
	fu[0].total = M(2243);
	fu[0].parts = parts;
	fu[0].nparts = 3;
	snprintf(fu[1].project, sizeof fu[1].project, "DA4.3");
	fu[1].year = 2023;
	fu[1].total = M(397);
	fu[1].parts = parts + 3;
	fu[1].nparts = 4;
	snprintf(fu[2].project, sizeof fu[2].project, "DA7");
	fu[2].year = 2023;
	fu[2].total = M(527);
	p->funding = fu;
	p->nfunding = 3;
}

static void test_store_plans(void **state)
{
	fixture_db *f = *state;
	st_plan p;
	st_plan_funding fu[3];
	st_plan_part parts[7];
	seed001_plan(&p, fu, parts);
	assert_int_equal(store_begin(f->st), GN_OK);
	assert_int_equal(store_plan_add(f->st, &p, 7), GN_OK);
	assert_int_equal(store_commit(f->st), GN_OK);
	assert_true(p.id > 0);
	assert_string_equal(p.ref, "245/KH-UBND 2023");

	st_plan got;
	assert_int_equal(store_plan_get(f->st, p.id, &got), GN_OK);
	assert_string_equal(got.issuer, "UBND huyện Hớn Quản");
	assert_string_equal(got.legal_basis, p.legal_basis);
	assert_int_equal(got.ntargets, 2);
	assert_int_equal(got.targets[0].value, 21800);
	assert_string_equal(got.targets[1].measure, "%");
	assert_int_equal(got.nactivities, 1);
	assert_string_equal(got.activities[0].time_to, "2023Q4");
	assert_string_equal(got.activities[0].coordinating_units, p.activities[0].coordinating_units);
	assert_int_equal(got.nfunding, 3);
	assert_int_equal(got.funding[1].nparts, 4);
	assert_string_equal(got.funding[1].parts[1].capital, "investment");
	assert_int_equal(got.funding[1].parts[1].carried_over, M(33));
	assert_int_equal(got.funding[2].nparts, 0);
	assert_int_equal(got.created_by, 7);
	st_plan_clear(&got);

	/* the same number in the same year for the same unit: taken */
	st_plan dup = p;
	dup.id = 0;
	assert_int_equal(store_plan_add(f->st, &dup, 7), GN_EEXIST);
	/* ... but a commune numbers its own plans */
	snprintf(dup.unit_code, sizeof dup.unit_code, "25320");
	assert_int_equal(store_plan_add(f->st, &dup, 8), GN_OK);
	/* a plan with its years reversed is refused */
	st_plan bad = p;
	bad.id = 0;
	snprintf(bad.number, sizeof bad.number, "1/KH");
	bad.year_to = 2022;
	assert_int_equal(store_plan_add(f->st, &bad, 7), GN_EINPUT);

	/* lines on the old reference follow a new number, audited */
	st_budget_line l = {.year = 2023, .amount = M(1950)};
	snprintf(l.plan, sizeof l.plan, "245/KH-UBND 2023");
	snprintf(l.unit_code, sizeof l.unit_code, "693");
	snprintf(l.project, sizeof l.project, "DA2");
	snprintf(l.source, sizeof l.source, "central");
	snprintf(l.capital, sizeof l.capital, "recurrent");
	snprintf(l.kind, sizeof l.kind, "allocated");
	assert_int_equal(store_budget_put(f->st, &l, 7), GN_OK);
	st_plan upd = p;
	snprintf(upd.number, sizeof upd.number, "245A/KH-UBND");
	upd.objectives = "Năm 2023 giảm 218 hộ nghèo (162 hộ DTTS).";
	upd.nactivities = 0;
	const char *units[] = {"693", "25320", "25321"};
	assert_int_equal(store_plan_update(f->st, &upd, units, 3, 9), GN_OK);
	assert_string_equal(upd.ref, "245A/KH-UBND 2023");
	st_budget_line moved;
	snprintf(l.plan, sizeof l.plan, "245A/KH-UBND 2023");
	assert_int_equal(store_budget_find(f->st, &l, &moved), GN_OK);
	assert_int_equal(moved.amount, M(1950));
	st_audit *a = NULL;
	size_t na = 0;
	char key[32];
	snprintf(key, sizeof key, "plan/%lld", (long long)p.id);
	assert_int_equal(store_audit_of(f->st, key, &a, &na), GN_OK);
	bool number = false, objectives = false, activities = false, created = false;
	for (size_t i = 0; i < na; i++) {
		number |= strcmp(a[i].field, "number") == 0 &&
			  strcmp(a[i].new_value, "245A/KH-UBND") == 0;
		objectives |= strcmp(a[i].field, "objectives") == 0;
		activities |= strcmp(a[i].field, "activities") == 0 && a[i].new_value == NULL &&
			      strstr(a[i].old_value, "Đa dạng hóa sinh kế");
		created |= strcmp(a[i].field, "created") == 0;
		assert_false(strcmp(a[i].field, "funding") == 0); /* unchanged */
	}
	assert_true(number && objectives && activities && created);
	store_audit_free(a, na);
	snprintf(key, sizeof key, "budget/%lld", (long long)l.id);
	assert_int_equal(store_audit_of(f->st, key, &a, &na), GN_OK);
	assert_int_equal(na, 2);
	assert_string_equal(a[0].field, "plan");
	assert_string_equal(a[0].old_value, "245/KH-UBND 2023");
	store_audit_free(a, na);

	/* lists by scope and year */
	st_plan *ps = NULL;
	size_t n = 0;
	const char *only[] = {"25320"};
	st_plan_filter pf = {.unit_codes = only, .nunits = 1, .year = 2023};
	assert_int_equal(store_plans_list(f->st, &pf, &ps, &n), GN_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ps[0].unit_code, "25320");
	assert_int_equal(ps[0].nfunding, 3); /* the list carries the funding */
	store_plans_free(ps, n);
	pf = (st_plan_filter){.year = 2024};
	assert_int_equal(store_plans_list(f->st, &pf, &ps, &n), GN_OK);
	assert_int_equal(n, 0);
	store_plans_free(ps, n);
}

static void test_store_lines(void **state)
{
	fixture_db *f = *state;
	st_budget_line l = {.year = 2023, .amount = 100};
	snprintf(l.plan, sizeof l.plan, "P 2023");
	snprintf(l.unit_code, sizeof l.unit_code, "693");
	snprintf(l.project, sizeof l.project, "DA2");
	snprintf(l.source, sizeof l.source, "central");
	snprintf(l.capital, sizeof l.capital, "recurrent");
	snprintf(l.kind, sizeof l.kind, "allocated");
	assert_int_equal(store_budget_put(f->st, &l, 1), GN_OK);
	int64_t id = l.id;
	l.amount = 150;
	l.carried_over = 50;
	assert_int_equal(store_budget_put(f->st, &l, 2), GN_OK);
	assert_int_equal(l.id, id); /* the same key: replaced */
	st_budget_line d = l;
	snprintf(d.kind, sizeof d.kind, "disbursed");
	d.carried_over = 0;
	d.amount = 40;
	snprintf(d.date, sizeof d.date, "2023-05-01");
	assert_int_equal(store_budget_put(f->st, &d, 2), GN_OK);
	snprintf(d.date, sizeof d.date, "2023-06-01");
	assert_int_equal(store_budget_put(f->st, &d, 2), GN_OK);
	assert_true(d.id != id);
	/* what the table refuses */
	st_budget_line bad = d;
	bad.date[0] = '\0';
	assert_int_equal(store_budget_put(f->st, &bad, 2), GN_EINPUT);
	bad = l;
	bad.carried_over = 200;
	assert_int_equal(store_budget_put(f->st, &bad, 2), GN_EINPUT);

	st_budget_line *ls = NULL;
	size_t n = 0;
	st_budget_filter bf = {.year = 2023, .plan = "P 2023"};
	assert_int_equal(store_budget_list(f->st, &bf, &ls, &n), GN_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ls[0].kind, "allocated");
	assert_int_equal(ls[0].amount, 150);
	assert_int_equal(ls[0].carried_over, 50);
	assert_string_equal(ls[2].date, "2023-06-01");
	free(ls);
	bf.kind = "disbursed";
	const char *units[] = {"25320"};
	bf.unit_codes = units;
	bf.nunits = 1;
	assert_int_equal(store_budget_list(f->st, &bf, &ls, &n), GN_OK);
	assert_int_equal(n, 0);
	free(ls);
	st_audit *a = NULL;
	size_t na = 0;
	char key[32];
	snprintf(key, sizeof key, "budget/%lld", (long long)id);
	assert_int_equal(store_audit_of(f->st, key, &a, &na), GN_OK);
	assert_int_equal(na, 3); /* created, amount, carried_over */
	assert_string_equal(a[0].field, "carried_over");
	assert_string_equal(a[1].field, "amount");
	assert_string_equal(a[1].old_value, "100");
	assert_string_equal(a[2].field, "created");
	store_audit_free(a, na);
}

static gn_err import_text(store *st, const char *name, const char *text, bool dry, gn_diag *d,
			  size_t *rows)
{
	import_opts o = {.catalogue = cat, .user = 3, .dry_run = dry};
	return import_mem(st, FILE_BUDGET, name, text, strlen(text), &o, d, rows);
}

static int64_t count_lines(store *st)
{
	st_budget_line *ls = NULL;
	size_t n = 0;
	assert_int_equal(store_budget_list(st, NULL, &ls, &n), GN_OK);
	free(ls);
	return (int64_t)n;
}

static void test_import_against_plan(void **state)
{
	fixture_db *f = *state;
	st_plan p;
	st_plan_funding fu[3];
	st_plan_part parts[7];
	seed001_plan(&p, fu, parts);
	assert_int_equal(store_plan_add(f->st, &p, 7), GN_OK);
	gn_diag *d = diag_new(50);
	size_t rows;

	/* seed 001's file adds up to the declared funding: imported, no warning */
	size_t len;
	char *seed = fixture("seed001.csv", &len);
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "seed001.csv", seed, len,
				    &(import_opts){.catalogue = cat, .user = 3}, d, &rows),
			 GN_OK);
	print_diag(d);
	assert_int_equal(rows, 22);
	assert_int_equal(diag_count(d), 0);
	/* again: nothing doubles */
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "seed001.csv", seed, len,
				    &(import_opts){.catalogue = cat, .user = 3}, d, &rows),
			 GN_OK);
	assert_int_equal(count_lines(f->st), 22);
	free(seed);

	/* a file whose DA2 lines do not add up to the declared total */
	static const char short_da2[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,693,2023,DA2,central,1.950.000.000\n"
		"245/KH-UBND 2023,693,2023,DA2,provincial,98.000.000\n"
		"245/KH-UBND 2023,693,2023,DA2,district,150.000.000\n";
	assert_int_equal(import_text(f->st, "b.csv", short_da2, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "amount",
			     "allocated lines of DA2, 2023 add up to 2.198.000.000 đồng (lines: 2-4), but their plan declares 2.243.000.000 đồng"));
	diag_clear(d);
	/* the right total, the wrong split between sources */
	static const char split[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,693,2023,DA2,central,2.048.000.000\n"
		"245/KH-UBND 2023,693,2023,DA2,district,195.000.000\n";
	assert_int_equal(import_text(f->st, "b.csv", split, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "amount", "allocated lines of DA2, 2023, central, recurrent add up to 2.048.000.000 đồng (lines: 2-3), but their plan declares 1.950.000.000 đồng"));
	assert_true(has_diag(d, 2, "amount", "allocated lines of DA2, 2023, provincial, recurrent add up to 0 đồng (lines: 2-3), but their plan declares 98.000.000 đồng"));
	diag_clear(d);
	/* the carry-over of DA4.3's investment is declared too */
	static const char carry[] =
		"plan,unit_code,year,project,source,capital,amount,carried_over\n"
		"245/KH-UBND 2023,693,2023,DA4.3,central,recurrent,216.000.000,\n"
		"245/KH-UBND 2023,693,2023,DA4.3,central,investment,148.000.000,\n"
		"245/KH-UBND 2023,693,2023,DA4.3,provincial,recurrent,11.000.000,\n"
		"245/KH-UBND 2023,693,2023,DA4.3,district,recurrent,22.000.000,\n";
	assert_int_equal(import_text(f->st, "b.csv", carry, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "carried_over", "carried over in the allocated lines of DA4.3, 2023, central, investment: 0 đồng (lines: 2-5), but their plan declares 33.000.000 đồng"));
	diag_clear(d);
	/* DA7 declares a total only: the lines of its sub-projects add up to it */
	static const char da7[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,693,2023,DA7.1,central,300.000.000\n"
		"245/KH-UBND 2023,25320,2023,DA7.2,commune,227.000.000\n";
	assert_int_equal(import_text(f->st, "b.csv", da7, false, d, &rows), GN_OK);
	print_diag(d);
	assert_int_equal(diag_count(d), 0); /* the commune's line is the district plan's */
	static const char da7_bad[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,693,2023,DA7.1,central,300.000.000\n";
	assert_int_equal(import_text(f->st, "b.csv", da7_bad, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "amount", "allocated lines of DA7, 2023 add up to 300.000.000 đồng (lines: 2), but their plan declares 527.000.000 đồng"));
	diag_clear(d);
	/* a line of the plan outside its years */
	static const char year[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,693,2024,DA5,central,1.000\n";
	assert_int_equal(import_text(f->st, "b.csv", year, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "year", "plan \"245/KH-UBND 2023\" covers 2023-2023, not 2024"));
	diag_clear(d);

	/* disbursements: within the allocation, counting the stored ones */
	static const char disb[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"245/KH-UBND 2023,693,2023,DA2,central,1.000.000.000,disbursed,2023-10-01\n"
		"245/KH-UBND 2023,693,2023,DA2,central,500.000.000,disbursed,2023-11-01\n";
	assert_int_equal(import_text(f->st, "b.csv", disb, false, d, &rows), GN_OK);
	int64_t before = count_lines(f->st);
	static const char over[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"245/KH-UBND 2023,693,2023,DA2,central,500.000.000,disbursed,2023-12-01\n";
	assert_int_equal(import_text(f->st, "b.csv", over, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "amount", "add up to 2.000.000.000 đồng, more than the 1.950.000.000 đồng allocated"));
	diag_clear(d);
	/* replacing a stored day's disbursement is not adding to it */
	static const char replace[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"245/KH-UBND 2023,693,2023,DA2,central,950.000.000,disbursed,2023-10-01\n"
		"245/KH-UBND 2023,693,2023,DA2,central,500.000.000,disbursed,2023-12-01\n";
	assert_int_equal(import_text(f->st, "b.csv", replace, false, d, &rows), GN_OK);
	print_diag(d);
	assert_int_equal(count_lines(f->st), before + 1);
	/* an allocation lowered under what is disbursed names the allocation */
	static const char lower[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"245/KH-UBND 2023,693,2023,DA2,central,1.900.000.000,,\n"
		"245/KH-UBND 2023,693,2023,DA2,provincial,98.000.000,,\n"
		"245/KH-UBND 2023,693,2023,DA2,district,245.000.000,,\n";
	assert_int_equal(import_text(f->st, "b.csv", lower, false, d, &rows), GN_EINPUT);
	assert_true(has_diag(d, 2, "amount", "add up to 1.950.000.000 đồng, more than the 1.900.000.000 đồng allocated"));
	diag_clear(d);
	/* a dry run checks and writes nothing */
	static const char fresh[] =
		"plan,unit_code,year,project,source,amount\n"
		"KHÁC 2023,25321,2023,DA5,commune,5.000.000\n";
	before = count_lines(f->st);
	assert_int_equal(import_text(f->st, "b.csv", fresh, true, d, &rows), GN_OK);
	assert_int_equal(rows, 1);
	assert_true(has_diag(d, 2, "plan", "plan \"KHÁC 2023\" is not in the database"));
	assert_int_equal(count_lines(f->st), before);
	diag_free(d);
}

static bool outside_25321(void *ctx, const char *code)
{
	(void)ctx;
	return strcmp(code, "25321") != 0;
}

static void test_import_area_and_nearest_plan(void **state)
{
	fixture_db *f = *state;
	/* the district's plan and a commune's plan of the same reference */
	st_plan p;
	st_plan_funding fu[3];
	st_plan_part parts[7];
	seed001_plan(&p, fu, parts);
	p.nfunding = 1; /* DA2 only */
	assert_int_equal(store_plan_add(f->st, &p, 7), GN_OK);
	st_plan c = p;
	c.id = 0;
	snprintf(c.unit_code, sizeof c.unit_code, "25320");
	st_plan_funding cf = {.year = 2023, .total = M(10)};
	snprintf(cf.project, sizeof cf.project, "DA2");
	c.funding = &cf;
	c.nfunding = 1;
	assert_int_equal(store_plan_add(f->st, &c, 7), GN_OK);
	gn_diag *d = diag_new(20);
	size_t rows;
	/* the commune's DA2 lines are its own plan's (10 triệu), the other
	 * commune's go to the district's plan (2.243 triệu) */
	static const char both[] =
		"plan,unit_code,year,project,source,amount\n"
		"245/KH-UBND 2023,25320,2023,DA2,commune,10.000.000\n"
		"245/KH-UBND 2023,25321,2023,DA2,central,1.950.000.000\n"
		"245/KH-UBND 2023,25321,2023,DA2,provincial,98.000.000\n"
		"245/KH-UBND 2023,693,2023,DA2,district,195.000.000\n";
	assert_int_equal(import_text(f->st, "b.csv", both, false, d, &rows), GN_OK);
	print_diag(d);
	unit_set *u = NULL;
	assert_int_equal(store_units_load(f->st, &u), GN_OK);
	st_plan got;
	assert_int_equal(budget_plan_of(f->st, u, "245/KH-UBND 2023", "25320", 2023, &got), GN_OK);
	assert_string_equal(got.unit_code, "25320");
	st_plan_clear(&got);
	assert_int_equal(budget_plan_of(f->st, u, "245/KH-UBND 2023", "25321", 2023, &got), GN_OK);
	assert_string_equal(got.unit_code, "693");
	st_plan_clear(&got);
	assert_int_equal(budget_plan_of(f->st, u, "245/KH-UBND 2023", "502", 2023, &got),
			 GN_ENOTFOUND);

	/* the caller's area (the web): a unit outside it is an error */
	static const char outside[] =
		"plan,unit_code,year,project,source,amount\n"
		"X 2023,25321,2023,DA5,central,1.000\n"
		"X 2023,99999,2023,DA5,central,1.000\n";
	import_opts o = {.catalogue = cat, .in_area = outside_25321, .outside_msg = "outside your area"};
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "b.csv", outside, sizeof outside - 1, &o, d,
				    &rows),
			 GN_EINPUT);
	assert_true(has_diag(d, 2, "unit_code", "\"25321\": outside your area"));
	assert_true(has_diag(d, 3, "unit_code", "unknown unit \"99999\""));
	/* without a catalogue: a usage error */
	o.catalogue = NULL;
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "b.csv", outside, sizeof outside - 1, &o, d,
				    &rows),
			 GN_EUSAGE);

	/* one line from a form: the same rules, the refusal names the field */
	st_budget_line l = {.year = 2023, .amount = M(20)};
	snprintf(l.plan, sizeof l.plan, "245/KH-UBND 2023");
	snprintf(l.unit_code, sizeof l.unit_code, "25320");
	snprintf(l.project, sizeof l.project, "DA2");
	snprintf(l.source, sizeof l.source, "commune");
	snprintf(l.capital, sizeof l.capital, "recurrent");
	snprintf(l.kind, sizeof l.kind, "disbursed");
	snprintf(l.date, sizeof l.date, "2023-07-01");
	budget_refusal why;
	assert_int_equal(budget_record(f->st, cat, u, &l, 5, &why), GN_EINPUT);
	assert_string_equal(why.field, "amount");
	assert_non_null(strstr(why.vi, "20.000.000 đồng vượt số được giao 10.000.000 đồng"));
	l.amount = M(4);
	assert_int_equal(budget_record(f->st, cat, u, &l, 5, &why), GN_OK);
	l.year = 2024;
	assert_int_equal(budget_record(f->st, cat, u, &l, 5, &why), GN_EINPUT);
	assert_string_equal(why.field, "year");
	/* an allocation lowered under the disbursements */
	l.year = 2023;
	snprintf(l.kind, sizeof l.kind, "allocated");
	l.date[0] = '\0';
	l.amount = M(3);
	assert_int_equal(budget_record(f->st, cat, u, &l, 5, &why), GN_EINPUT);
	assert_string_equal(why.field, "amount");
	units_free(u);
	diag_free(d);
}

static void test_export_round_trip(void **state)
{
	fixture_db *f = *state;
	size_t len;
	char *seed = fixture("seed002.csv", &len);
	gn_diag *d = diag_new(20);
	size_t rows;
	import_opts o = {.catalogue = cat};
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "seed002.csv", seed, len, &o, d, &rows),
			 GN_OK);
	free(seed);
	static const char disb[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"95/KH-SLĐTBXH 2022,49,2022,DA7.1,central,\"1.000.000.000\",disbursed,2022-11-30\n";
	assert_int_equal(import_text(f->st, "d.csv", disb, false, d, &rows), GN_OK);
	buf a, b;
	buf_init(&a, 0);
	buf_init(&b, 0);
	export_opts eo = {0};
	assert_int_equal(export_csv(f->st, FILE_BUDGET, &eo, &a), GN_OK);
	assert_string_equal(buf_cstr(&a),
			    BUDGET_FILE_HEADER
			    "95/KH-SLĐTBXH 2022,49,2022,DA7.1,central,recurrent,1312938000,,allocated,\n"
			    "95/KH-SLĐTBXH 2022,49,2022,DA7.1,central,recurrent,1000000000,,disbursed,2022-11-30\n"
			    "95/KH-SLĐTBXH 2022,49,2022,DA7.2,central,recurrent,914757000,,allocated,\n"
			    "95/KH-SLĐTBXH 2022,502,2022,DA7,central,recurrent,2885929000,,allocated,\n"
			    "95/KH-SLĐTBXH 2022,503,2022,DA7,central,recurrent,2885929000,,allocated,\n");
	/* imported again, it exports the same */
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "again.csv", a.p, a.len, &o, d, &rows),
			 GN_OK);
	assert_int_equal(rows, 5);
	assert_int_equal(export_csv(f->st, FILE_BUDGET, &eo, &b), GN_OK);
	assert_string_equal(buf_cstr(&a), buf_cstr(&b));
	/* by scope and year */
	const char *units[] = {"502"};
	eo = (export_opts){.unit_codes = units, .nunits = 1, .year = 2022};
	buf_reset(&b);
	assert_int_equal(export_csv(f->st, FILE_BUDGET, &eo, &b), GN_OK);
	assert_string_equal(buf_cstr(&b), BUDGET_FILE_HEADER
			    "95/KH-SLĐTBXH 2022,502,2022,DA7,central,recurrent,2885929000,,allocated,\n");
	eo.year = 2023;
	buf_reset(&b);
	assert_int_equal(export_csv(f->st, FILE_BUDGET, &eo, &b), GN_OK);
	assert_string_equal(buf_cstr(&b), BUDGET_FILE_HEADER);
	buf_free(&a);
	buf_free(&b);
	diag_free(d);
}

/* ---- report: figures and document ------------------------------------------------------ */

static void test_report_seed002(void **state)
{
	fixture_db *f = *state;
	size_t len;
	char *seed = fixture("seed002.csv", &len);
	gn_diag *d = diag_new(20);
	size_t rows;
	import_opts o = {.catalogue = cat};
	assert_int_equal(import_mem(f->st, FILE_BUDGET, "seed002.csv", seed, len, &o, d, &rows),
			 GN_OK);
	free(seed);
	/* half of a city's allocation, all of the province's DA7.2 */
	static const char disb[] =
		"plan,unit_code,year,project,source,amount,kind,date\n"
		"95/KH-SLĐTBXH 2022,502,2022,DA7,central,1.442.964.500,disbursed,2022-12-15\n"
		"95/KH-SLĐTBXH 2022,49,2022,DA7.2,central,914.757.000,disbursed,2022-12-30\n";
	assert_int_equal(import_text(f->st, "d.csv", disb, false, d, &rows), GN_OK);

	budget_figures *fig = NULL;
	assert_int_equal(budget_figures_load(f->st, cat, "49", 2022, NULL, date_year_end(2022), d,
					     &fig),
			 GN_OK);
	assert_int_equal(fig->lines, 6);
	assert_int_equal(fig->total.total.allocated, 7999553000);
	assert_int_equal(fig->projects[P("DA7")].total.allocated, 7999553000);
	assert_int_equal(fig->projects[P("DA7.1")].total.allocated, 1312938000);
	assert_int_equal(fig->projects[P("DA7.2")].total.allocated, 914757000);
	assert_int_equal(fig->total.total.disbursed, INT64_C(1442964500) + 914757000);
	assert_int_equal(budget_rate(&fig->total.total), 2947); /* 29,4732 % */
	/* the units below: the two cities, then the province's own lines */
	assert_int_equal(fig->nunits, 3);
	assert_string_equal(fig->units[0].code_text, "502");
	assert_int_equal(fig->units[0].r.total.allocated, 2885929000);
	assert_int_equal(budget_rate(&fig->units[0].r.total), 5000);
	assert_true(fig->units[2].own);
	assert_int_equal(fig->units[2].r.total.allocated, 2227695000);
	int64_t sum = 0;
	for (size_t i = 0; i < fig->nunits; i++)
		sum += fig->units[i].r.total.allocated;
	assert_int_equal(sum, fig->total.total.allocated);

	report_doc *doc = NULL;
	assert_int_equal(report_budget(fig, &doc), GN_OK);
	assert_true(doc->landscape && doc->numbered);
	assert_int_equal(doc->head_rows, 2);
	assert_string_equal(doc->issuer, "UBND TỈNH QUẢNG NAM");
	assert_string_equal(doc->subtitles[0], "Năm 2022 - Tỉnh Quảng Nam");
	assert_int_equal(doc->ncols, 2 + 1 + 4); /* one source and capital type has money */
	assert_int_equal(doc->nrows, cat->n + 1);
	buf csv;
	buf_init(&csv, 0);
	assert_int_equal(report_csv(doc, &csv), GN_OK);
	assert_non_null(strstr(buf_cstr(&csv),
			       "style,depth,project,name,central_recurrent,allocated,carried_over,disbursed,rate\n"));
	assert_non_null(strstr(buf_cstr(&csv),
			       "subtotal,0,DA7,\"Dự án 7. Nâng cao năng lực, giám sát, đánh giá\",7999553000,7999553000,0,2357721500,29.47\n"));
	assert_non_null(strstr(buf_cstr(&csv),
			       "unit,1,DA7.2,\"Tiểu dự án 2. Giám sát, đánh giá\",914757000,914757000,0,914757000,100.00\n"));
	assert_non_null(strstr(buf_cstr(&csv), "total,0,,TỔNG CỘNG,7999553000,7999553000,0,2357721500,29.47\n"));
	/* a project without money has no rate */
	assert_non_null(strstr(buf_cstr(&csv), "unit,0,DA5,"));
	assert_non_null(strstr(buf_cstr(&csv), ",0,0,0,0,\n"));
	buf_free(&csv);
	report_doc_free(doc);
	budget_figures_free(fig);

	/* a city alone; a plan filter; a unit not on the map */
	assert_int_equal(budget_figures_load(f->st, cat, "502", 2022, "95/KH-SLĐTBXH 2022",
					     date_year_end(2022), d, &fig),
			 GN_OK);
	assert_int_equal(fig->total.total.allocated, 2885929000);
	assert_int_equal(fig->nunits, 1);
	assert_true(fig->units[0].own);
	budget_figures_free(fig);
	assert_int_equal(budget_figures_load(f->st, cat, "49", 2022, "OTHER 2022",
					     date_year_end(2022), d, &fig),
			 GN_OK);
	assert_int_equal(fig->lines, 0);
	budget_figures_free(fig);
	assert_int_equal(budget_figures_load(f->st, cat, "77", 2022, NULL, date_year_end(2022), d,
					     &fig),
			 GN_ENOTFOUND);
	assert_true(has_diag(d, 0, NULL, "unit \"77\" is not on the map"));
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_core_seed001_totals),
		cmocka_unit_test(test_core_rules),
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_budget_file_good),
		cmocka_unit_test(test_budget_file_errors),
		cmocka_unit_test_setup_teardown(test_store_plans, db_setup, db_teardown),
		cmocka_unit_test_setup_teardown(test_store_lines, db_setup, db_teardown),
		cmocka_unit_test_setup_teardown(test_import_against_plan, db_setup, db_teardown),
		cmocka_unit_test_setup_teardown(test_import_area_and_nearest_plan, db_setup,
						db_teardown),
		cmocka_unit_test_setup_teardown(test_export_round_trip, db_setup, db_teardown),
		cmocka_unit_test_setup_teardown(test_report_seed002, db_setup, db_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
