/* test_report.c - the reports' document (report/doc.h), layouts and their
 * engine (report/engine.h), figures from a store (report/figures.h) and
 * the CSV renderer: a hand-built layout over hand-built figures; layout
 * errors with their lines; figures of a small province with every
 * movement, lineage and a unit on two maps, checked value by value; the
 * identity end = start - out + in and "subtotal = sum of the rows under
 * it" on every row; every shipped layout built. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/mem.h"
#include "io/standard_file.h"
#include "report/doc.h"
#include "report/engine.h"
#include "report/figures.h"
#include "report/render.h"
#include "store/store.h"

static std_set *standards(void)
{
	const char *data = getenv("GNBV_DATA");
	char dir[512];
	snprintf(dir, sizeof dir, "%s/standards", data ? data : "data");
	std_set *s = std_set_new();
	gn_diag *d = diag_new(10);
	assert_int_equal(std_load_dir(s, dir, d), GN_OK);
	diag_free(d);
	return s;
}

static report_layout *parse(const char *text, gn_diag *d)
{
	report_layout *l = NULL;
	report_layout_parse("t.rpt", text, strlen(text), d, &l);
	return l;
}

static char *csv_of(const report_doc *doc)
{
	buf b;
	buf_init(&b, 0);
	assert_int_equal(report_csv(doc, &b), GN_OK);
	return buf_take(&b);
}

/* ---- doc ------------------------------------------------------------------ */

static void test_doc(void **state)
{
	(void)state;
	report_doc *d = report_doc_new(2);
	char s[32];
	for (int i = 0; i < 200; i++) {
		report_row *r = report_doc_add_row(d, ROW_PLAIN, i % 3);
		snprintf(s, sizeof s, "row %d", i);
		report_cell_text(d, r, 0, s);
		report_cell_int(r, 1, i);
	}
	char big[10000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	const char *kept = report_doc_str(d, big);
	assert_int_equal(d->nrows, 200);
	for (int i = 0; i < 200; i++) {
		snprintf(s, sizeof s, "row %d", i);
		assert_string_equal(d->rows[i].cells[0].text, s);
		assert_int_equal(d->rows[i].cells[1].value, i);
		assert_int_equal(d->rows[i].indent, i % 3);
	}
	assert_int_equal(strlen(kept), sizeof big - 1);
	report_doc_head(d, 0, 0, 2, 1, "A");
	report_doc_head(d, 1, 1, 2, 1, "B");
	assert_int_equal(d->head_rows, 3);
	assert_string_equal(d->heads[1].text, "B");
	report_doc_free(d);
	report_doc_free(NULL);
}

/* ---- engine on hand-built figures ----------------------------------------- */

/* P (total) with D1 {C1, C2} and D2 {C3}; rows in display order. */
static report_figures *hand_figures(const std_set *s)
{
	report_figures *f = report_figures_new(s, 2024, date_from_ymd(2024, 12, 31));
	size_t d1 = report_figures_add_row(f, "D1", "Huyện Một", LEVEL_DISTRICT, 1, 5);
	size_t c1 = report_figures_add_row(f, "C1", "Xã \"Một\", A", LEVEL_COMMUNE, 2, 0);
	size_t c2 = report_figures_add_row(f, "C2", "Xã Hai", LEVEL_COMMUNE, 2, 0);
	size_t d2 = report_figures_add_row(f, "D2", "Huyện Hai", LEVEL_DISTRICT, 1, 5);
	size_t c3 = report_figures_add_row(f, "C3", "Xã Ba", LEVEL_COMMUNE, 2, 3);
	size_t p = report_figures_add_row(f, "P", "Tỉnh Thử", LEVEL_PROVINCE, 0, -1);
	f->rows[p].has_children = true;
	int water = std_set_find_indicator(s, "d_water", 7);
	/* leaves: households, poor via remain/escaped/new/re... consistent */
	rfig *x = &f->rows[c1].f;
	x->households = 10;
	x->persons = 40;
	x->cls[CLASS_POOR] = 1;
	x->tr[TR_REMAIN_POOR] = 1;
	x->tr[TR_ESCAPED_POOR] = 1;
	x->dep_poor[water] = 1;
	x = &f->rows[c2].f;
	x->households = 20;
	x->persons = 80;
	x->cls[CLASS_POOR] = 2;
	x->tr[TR_NEW_POOR] = 1;
	x->tr[TR_RE_POOR] = 1;
	x->dep_poor[water] = 2;
	x = &f->rows[c3].f;
	x->households = 3;
	x->cls[CLASS_NEAR_POOR] = 1;
	x->tr[TR_POOR_TO_NEAR] = 1;
	rfig_add(&f->rows[d1].f, &f->rows[c1].f);
	rfig_add(&f->rows[d1].f, &f->rows[c2].f);
	rfig_add(&f->rows[d2].f, &f->rows[c3].f);
	rfig_add(&f->rows[p].f, &f->rows[d1].f);
	rfig_add(&f->rows[p].f, &f->rows[d2].f);
	return f;
}

static const char hand_layout[] =
	"# a comment\n"
	"name t\n"
	"number 3\n"
	"title BIỂU THỬ\n"
	"subtitle Năm {year} - {unit} ({asof}), trước: {prev}\n"
	"form Biểu số 99\n"
	"total Toàn tỉnh\n"
	"numbered\n"
	"column name 20 name\n"
	"column code 6 code\n"
	"column hh 8 households\n"
	"column poor 8 poor\n"
	"column rate 6 poor/households\n"
	"indicators\n"
	"column {key} 6 dep_poor:{key}\n"
	"head 0 {key} {key} 2 {n}. {name}\n"
	"end\n"
	"head 0 name code 1 Đơn vị\n"
	"head 1 name name 1 Tên\n"
	"head 1 code code 1 Mã\n"
	"head 0 hh hh 2 Hộ\n"
	"head 0 poor rate 1 Hộ nghèo\n"
	"head 1 poor poor 1 Số hộ\n"
	"head 1 rate rate 1 %\n"
	"note Ghi chú {year}\n"
	"signer NGƯỜI LẬP BIỂU\n"
	"signer CHỦ TỊCH\n";

static void test_engine(void **state)
{
	(void)state;
	std_set *s = standards();
	report_figures *f = hand_figures(s);
	assert_int_equal(report_figures_check(f, NULL), GN_OK);
	gn_diag *d = diag_new(20);
	report_layout *l = parse(hand_layout, d);
	assert_non_null(l);
	assert_string_equal(report_layout_name(l), "t");
	assert_int_equal(report_layout_number(l), 3);
	report_doc *doc = NULL;
	assert_int_equal(report_build(l, f, d, &doc), GN_OK);
	assert_int_equal(diag_count(d), 0);

	assert_string_equal(doc->title, "BIỂU THỬ");
	assert_string_equal(doc->form_code, "Biểu số 99");
	assert_int_equal(doc->nsubtitles, 1);
	assert_string_equal(doc->subtitles[0], "Năm 2024 - Tỉnh Thử (31/12/2024), trước: 2023");
	assert_int_equal(doc->nnotes, 1);
	assert_string_equal(doc->notes[0], "Ghi chú 2024");
	assert_int_equal(doc->nsigners, 2);
	assert_string_equal(doc->signers[1], "CHỦ TỊCH");
	assert_true(doc->numbered);
	assert_true(doc->landscape);
	/* 5 columns + one per indicator of the 2022-2025 standard (12) */
	assert_int_equal(doc->ncols, 17);
	assert_string_equal(doc->col_keys[5], "d_employment");
	assert_string_equal(doc->col_keys[16], "d_info_access");
	assert_int_equal(doc->col_widths[0], 20);
	assert_int_equal(doc->head_rows, 2);
	/* heads: 12 indicators, then the 7 written after the block */
	assert_int_equal(doc->nheads, 19);
	assert_string_equal(doc->heads[8].text, "9. Nguồn nước sinh hoạt");
	assert_int_equal(doc->heads[8].col, 13);
	assert_int_equal(doc->heads[8].rowspan, 2);
	const report_head *h = &doc->heads[12]; /* "Đơn vị" over name and code */
	assert_string_equal(h->text, "Đơn vị");
	assert_int_equal(h->col, 0);
	assert_int_equal(h->colspan, 2);
	h = &doc->heads[16];
	assert_string_equal(h->text, "Hộ nghèo");
	assert_int_equal(h->col, 3);
	assert_int_equal(h->colspan, 2);

	assert_int_equal(doc->nrows, 6);
	assert_int_equal(doc->rows[0].style, ROW_SUBTOTAL);
	assert_int_equal(doc->rows[1].style, ROW_PLAIN);
	assert_int_equal(doc->rows[1].indent, 1);
	assert_int_equal(doc->rows[5].style, ROW_TOTAL);
	assert_string_equal(doc->rows[5].cells[0].text, "Toàn tỉnh");
	assert_int_equal(doc->rows[2].cells[4].kind, CELL_DECIMAL);
	assert_int_equal(doc->rows[2].cells[4].value, 1000); /* 2/20 = 10.00% */

	char *csv = csv_of(doc);
	assert_string_equal(csv,
		"style,depth,name,code,hh,poor,rate,d_employment,d_dependents,d_nutrition,"
		"d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,"
		"d_housing_area,d_water,d_sanitation,d_telecom,d_info_access\n"
		"subtotal,0,Huyện Một,D1,30,3,10.00,0,0,0,0,0,0,0,0,3,0,0,0\n"
		"unit,1,\"Xã \"\"Một\"\", A\",C1,10,1,10.00,0,0,0,0,0,0,0,0,1,0,0,0\n"
		"unit,1,Xã Hai,C2,20,2,10.00,0,0,0,0,0,0,0,0,2,0,0,0\n"
		"subtotal,0,Huyện Hai,D2,3,0,0.00,0,0,0,0,0,0,0,0,0,0,0,0\n"
		"unit,1,Xã Ba,C3,3,0,0.00,0,0,0,0,0,0,0,0,0,0,0,0\n"
		"total,0,Toàn tỉnh,P,33,3,9.09,0,0,0,0,0,0,0,0,3,0,0,0\n");
	free(csv);
	report_doc_free(doc);

	/* the 2027 standard has other indicators: the same layout follows */
	f->year = 2027;
	f->std = std_set_for_year(s, 2027);
	assert_int_equal(report_build(l, f, d, &doc), GN_OK);
	assert_int_equal(doc->ncols, 17);
	assert_string_equal(doc->col_keys[15], "d_waste");
	report_doc_free(doc);
	/* no standard for the year: an error, no document */
	f->year = 2010;
	f->std = NULL;
	assert_int_equal(report_build(l, f, d, &doc), GN_EINPUT);
	assert_null(doc);
	assert_true(diag_errors(d) > 0);

	report_layout_free(l);
	report_figures_free(f);
	diag_free(d);
	std_set_free(s);
}

/* The layout errors: each names its line. */
static void test_layout_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} cases[] = {
		{"name x\ntitle T\ncolumn a 5 poor\nbogus 1\n", 4, "unknown directive"},
		{"name x\ntitle T\ncolumn a 5 poorest\n", 3, "unknown measure"},
		{"name x\ntitle T\ncolumn a 5 dep_poor\n", 3, "needs an indicator"},
		{"name x\ntitle T\ncolumn a 5 poor:d_water\n", 3, "takes no parameter"},
		{"name x\ntitle T\ncolumn a 5 name/poor\n", 3, "cannot be part of a rate"},
		{"name x\ntitle T\ncolumn a x poor\n", 3, "width"},
		{"name x\ntitle T\ncolumn a 5\n", 3, "KEY WIDTH MEASURE"},
		{"name x\ntitle T {month}\ncolumn a 5 poor\n", 2, "unknown placeholder"},
		{"name x\ntitle T\nindicators\ncolumn a 5 poor\n", 3, "without end"},
		{"name x\ntitle T\nend\ncolumn a 5 poor\n", 3, "end without"},
		{"name x\ntitle T\ncolumn a 5 poor\nhead 0 a a\n", 4, "ROW FIRST LAST"},
		{"name x\ntitle T\ncolumn a 5 poor\nindicators\nnote n\nend\n", 5, "not allowed"},
		{"title T\ncolumn a 5 poor\n", 0, "no name"},
		{"name x\ntitle T\n", 0, "no column"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		gn_diag *d = diag_new(10);
		report_layout *l = parse(cases[i].text, d);
		if (l || diag_count(d) == 0 || diag_at(d, 0)->line != cases[i].line ||
		    !strstr(diag_at(d, 0)->text, cases[i].msg))
			fail_msg("case %zu: got %s (line %ld)", i,
				 diag_count(d) ? diag_at(d, 0)->text : "no error",
				 diag_count(d) ? diag_at(d, 0)->line : -1);
		diag_free(d);
	}
	/* errors found when building: heads and indicators */
	static const char *const build_cases[][2] = {
		{"name x\ntitle T\ncolumn a 5 poor\ncolumn b 5 poor\nhead 0 b a 1 X\n", "in order"},
		{"name x\ntitle T\ncolumn a 5 poor\ncolumn a 5 poor\n", "twice"},
		{"name x\ntitle T\ncolumn a 5 dep_poor:d_nothing\n", "not in the standard"},
		{"name x\ntitle T\ncolumn a 5 dep_poor:d_waste\n", "not in the standard"},
		{"name x\ntitle T\ncolumn a 5 poor\ncolumn b 5 poor\nhead 0 a b 1 X\nhead 0 b b 1 Y\n", "overlap"},
		{"name x\ntitle T\ncolumn a 5 poor\ncolumn b 5 poor\nhead 0 a a 2 X\nhead 0 b b 1 Y\n", "no cell"},
	};
	std_set *s = standards();
	report_figures *f = hand_figures(s);
	for (size_t i = 0; i < sizeof build_cases / sizeof build_cases[0]; i++) {
		gn_diag *d = diag_new(10);
		report_layout *l = parse(build_cases[i][0], d);
		assert_non_null(l);
		report_doc *doc = NULL;
		assert_int_equal(report_build(l, f, d, &doc), GN_EINPUT);
		assert_null(doc);
		if (diag_count(d) == 0 || !strstr(diag_at(d, 0)->text, build_cases[i][1]))
			fail_msg("build case %zu: got %s", i,
				 diag_count(d) ? diag_at(d, 0)->text : "no error");
		report_layout_free(l);
		diag_free(d);
	}
	report_figures_free(f);
	std_set_free(s);
}

/* report_figures_check finds a broken identity and a wrong subtotal. */
static void test_check(void **state)
{
	(void)state;
	std_set *s = standards();
	report_figures *f = hand_figures(s);
	gn_diag *d = diag_new(10);
	f->rows[1].f.cls[CLASS_POOR]++; /* C1: end no longer start - out + in */
	assert_int_equal(report_figures_check(f, d), GN_EINTERNAL);
	assert_true(strstr(diag_at(d, 0)->text, "unit C1: poor: end 2 != start 2 - out 1 + in 0") != NULL);
	/* and D1 is no longer the sum of C1 and C2 */
	assert_true(diag_count(d) >= 2);
	report_figures_free(f);
	diag_free(d);
	std_set_free(s);
}

/* ---- figures from a store -------------------------------------------------- */

typedef struct fixture {
	char dir[64];
	char path[96];
	store *st;
	std_set *s;
} fixture;

static void add_unit(unit_set *u, const char *code, const char *name, const char *parent,
		     unit_level level, unit_type type, gn_date to)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = type, .urban = -1, .from = GN_DATE_MIN, .to = to,
		.name = name, .line = 1,
	};
	units_add_version(u, &v);
}

static void put_review(store *st, const char *id, const char *unit, int year, const char *cls,
		       const char *deps, const char *ethnicity, int merit, int no_labour)
{
	st_household h = {0};
	snprintf(h.id, sizeof h.id, "%s", id);
	snprintf(h.unit_code, sizeof h.unit_code, "%s", unit);
	h.head_name = gn_xstrdup("Lò Văn A");
	st_household got;
	if (store_household_get(st, id, &got) == GN_OK)
		st_household_clear(&got);
	else
		assert_int_equal(store_household_put(st, &h, 1), GN_OK);
	st_household_clear(&h);
	st_review r = {0};
	snprintf(r.household_id, sizeof r.household_id, "%s", id);
	r.year = year;
	snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
	r.members = 3;
	r.income = 1000000;
	r.score_a = -1;
	r.deprivations = gn_xstrdup(deps);
	r.head_name = gn_xstrdup("Lò Văn A");
	r.head_ethnicity = gn_xstrdup(ethnicity);
	r.merit = (int8_t)merit;
	r.no_labour = (int8_t)no_labour;
	snprintf(r.cls, sizeof r.cls, "%s", cls);
	snprintf(r.status, sizeof r.status, "draft");
	assert_int_equal(store_review_put(st, &r, 1), GN_OK);
	st_review_clear(&r);
}

static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_report_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(f->path, true, NULL, &f->st) != GN_OK)
		return -1;
	f->s = standards();
	unit_set *u = units_new();
	gn_date end = date_from_ymd(2025, 6, 30);
	add_unit(u, "VN", "Việt Nam", NULL, LEVEL_COUNTRY, UTYPE_NONE, GN_DATE_MAX);
	add_unit(u, "P1", "Tỉnh Một", "VN", LEVEL_PROVINCE, UTYPE_TINH, GN_DATE_MAX);
	add_unit(u, "D1", "Huyện Một", "P1", LEVEL_DISTRICT, UTYPE_HUYEN, GN_DATE_MAX);
	add_unit(u, "D2", "Huyện Hai", "P1", LEVEL_DISTRICT, UTYPE_HUYEN, GN_DATE_MAX);
	add_unit(u, "C1", "Xã Một", "D1", LEVEL_COMMUNE, UTYPE_XA, GN_DATE_MAX);
	add_unit(u, "C2", "Xã Hai", "D1", LEVEL_COMMUNE, UTYPE_XA, GN_DATE_MAX);
	add_unit(u, "C3", "Xã Ba", "D2", LEVEL_COMMUNE, UTYPE_XA, GN_DATE_MAX);
	add_unit(u, "C4", "Xã Bốn", "D2", LEVEL_COMMUNE, UTYPE_XA, end);
	lineage ln = {units_intern(u, "C4", 2), units_intern(u, "C3", 2), date_from_ymd(2025, 7, 1),
		      {1, 1}, 1};
	units_add_lineage(u, &ln);
	gn_diag *d = diag_new(10);
	if (units_check(u, "units.csv", "lineage.csv", d) != GN_OK)
		return -1;
	diag_free(d);
	if (store_units_replace(f->st, u) != GN_OK)
		return -1;
	units_free(u);
	static const st_population pops[] = {
		{"C1", 2024, 10, 40}, {"C2", 2024, 20, 80}, {"C3", 2024, 30, -1},
		{"C4", 2024, 5, 20}, {"C1", 2023, 99, 99},
	};
	for (size_t i = 0; i < sizeof pops / sizeof pops[0]; i++)
		if (store_population_put(f->st, &pops[i]) != GN_OK)
			return -1;
	store *st = f->st;
	put_review(st, "H1", "C1", 2023, "POOR", "", "Kinh", 0, 0);
	put_review(st, "H1", "C1", 2024, "POOR", "d_water;d_sanitation", "Kinh", 0, 0);
	put_review(st, "H2", "C1", 2023, "POOR", "", "Kinh", 0, 0);
	put_review(st, "H2", "C1", 2024, "NOT_POOR", "d_water", "Kinh", 0, 0);
	put_review(st, "H3", "C2", 2022, "POOR", "", "Kinh", 0, 0);
	put_review(st, "H3", "C2", 2023, "NOT_POOR", "", "Kinh", 0, 0);
	put_review(st, "H3", "C2", 2024, "POOR", "", "Kinh", 1, 1);
	put_review(st, "H4", "C2", 2024, "POOR", "d_water", "Thái", 0, 0);
	put_review(st, "H5", "C3", 2023, "NEAR_POOR", "", "Mông", 0, 0);
	put_review(st, "H5", "C3", 2024, "POOR", "", "Mông", 0, 1);
	put_review(st, "H6", "C3", 2023, "POOR", "", "Kinh", 0, 0);
	put_review(st, "H6", "C3", 2024, "NEAR_POOR", "d_nutrition", "Kinh", 0, 0);
	put_review(st, "H7", "C4", 2024, "NEAR_POOR", "d_nutrition", "", 1, 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	store_close(f->st);
	static const char *const ext[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s%s", f->path, ext[i]);
		unlink(p);
	}
	rmdir(f->dir);
	std_set_free(f->s);
	free(f);
	return 0;
}

static const rf_row *row_of(const report_figures *f, const char *code)
{
	for (size_t i = 0; i < f->nrows; i++)
		if (strcmp(f->rows[i].code, code) == 0)
			return &f->rows[i];
	fail_msg("no row %s", code);
	return NULL;
}

static void test_figures(void **state)
{
	fixture *fx = *state;
	gn_diag *d = diag_new(10);
	report_figures *f = NULL;
	assert_int_equal(report_figures_load(fx->st, fx->s, "P1", 2024, date_from_ymd(2024, 12, 31),
					     d, &f),
			 GN_OK);
	/* display order: D1, C1, C2, D2, C3, C4, P1 (total last) */
	static const char *const order[] = {"D1", "C1", "C2", "D2", "C3", "C4", "P1"};
	assert_int_equal(f->nrows, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(f->rows[i].code, order[i]);
	assert_true(f->rows[0].has_children);
	assert_false(f->rows[1].has_children);
	assert_int_equal(f->rows[1].parent, 0);
	assert_int_equal(f->rows[0].parent, 6);
	assert_int_equal(f->rows[6].parent, -1);
	assert_string_equal(f->parent_name, "Việt Nam");

	const rfig *c1 = &row_of(f, "C1")->f, *c2 = &row_of(f, "C2")->f;
	const rfig *c3 = &row_of(f, "C3")->f, *c4 = &row_of(f, "C4")->f;
	const rfig *p = &row_of(f, "P1")->f;
	int water = std_set_find_indicator(fx->s, "d_water", 7);
	int nutrition = std_set_find_indicator(fx->s, "d_nutrition", 11);
	assert_int_equal(c1->households, 10);
	assert_int_equal(c1->persons, 40);
	assert_int_equal(c1->reviewed, 2);
	assert_int_equal(c1->cls[CLASS_POOR], 1);
	assert_int_equal(rfig_poor_start(c1), 2);
	assert_int_equal(c1->tr[TR_ESCAPED_POOR], 1);
	assert_int_equal(c1->dep_poor[water], 1); /* H2 escaped: not counted */
	assert_int_equal(c2->tr[TR_RE_POOR], 1);
	assert_int_equal(c2->tr[TR_NEW_POOR], 1);
	assert_int_equal(c2->grp_poor[GRP_MINORITY], 1);
	assert_int_equal(c2->grp_poor[GRP_MERIT], 1);
	assert_int_equal(c2->grp_poor[GRP_NO_LABOUR], 1);
	assert_int_equal(c2->grp_poor[GRP_OTHER], 0);
	assert_int_equal(c3->tr[TR_NEAR_TO_POOR], 1);
	assert_int_equal(c3->tr[TR_POOR_TO_NEAR], 1);
	assert_int_equal(rfig_near_start(c3), 1);
	assert_int_equal(c3->grp_near[GRP_OTHER], 1);
	assert_int_equal(c3->dep_near[nutrition], 1);
	assert_int_equal(c3->persons, 0); /* unknown */
	assert_int_equal(c4->tr[TR_NEW_NEAR], 1);
	assert_int_equal(c4->grp_near[GRP_MERIT], 1);
	assert_int_equal(p->households, 65);
	assert_int_equal(p->persons, 140);
	assert_int_equal(p->cls[CLASS_POOR], 4);
	assert_int_equal(p->cls[CLASS_NEAR_POOR], 2);
	assert_int_equal(rfig_poor_start(p), 3);
	assert_int_equal(rfig_poor_out(p), 2);
	assert_int_equal(rfig_poor_in(p), 3);
	assert_int_equal(p->dep_poor[water], 2);
	assert_int_equal(report_figures_check(f, d), GN_OK);
	report_figures_free(f);

	/* the same year on the map of 2025-12-31: C4 went into C3 */
	assert_int_equal(report_figures_load(fx->st, fx->s, "P1", 2024, date_from_ymd(2025, 12, 31),
					     d, &f),
			 GN_OK);
	assert_int_equal(f->nrows, 6);
	c3 = &row_of(f, "C3")->f;
	assert_int_equal(c3->households, 35);
	assert_int_equal(c3->cls[CLASS_NEAR_POOR], 2);
	assert_int_equal(c3->persons, 20);
	assert_int_equal(row_of(f, "P1")->f.cls[CLASS_NEAR_POOR], 2);
	report_figures_free(f);

	/* a district; a commune alone (just its total row) */
	assert_int_equal(report_figures_load(fx->st, fx->s, "D1", 2024, date_from_ymd(2024, 12, 31),
					     d, &f),
			 GN_OK);
	assert_int_equal(f->nrows, 3);
	assert_string_equal(f->parent_name, "Tỉnh Một");
	assert_int_equal(f->rows[2].f.cls[CLASS_POOR], 3);
	report_figures_free(f);
	assert_int_equal(report_figures_load(fx->st, fx->s, "C2", 2024, date_from_ymd(2024, 12, 31),
					     d, &f),
			 GN_OK);
	assert_int_equal(f->nrows, 1);
	assert_false(f->rows[0].has_children);
	assert_int_equal(f->rows[0].f.cls[CLASS_POOR], 2);
	report_figures_free(f);
	assert_int_equal(diag_count(d), 0);

	/* C4 is not on the 2025 map; X9 is nowhere */
	assert_int_equal(report_figures_load(fx->st, fx->s, "C4", 2024, date_from_ymd(2025, 12, 31),
					     d, &f),
			 GN_ENOTFOUND);
	assert_null(f);
	assert_int_equal(report_figures_load(fx->st, fx->s, "X9", 2024, date_from_ymd(2025, 12, 31),
					     d, &f),
			 GN_ENOTFOUND);
	assert_true(strstr(diag_at(d, 1)->text, "not in the database") != NULL);
	diag_free(d);
}

/* The value of column key on row i of doc (an integer cell). */
static int64_t cell(const report_doc *doc, size_t i, const char *key)
{
	for (size_t c = 0; c < doc->ncols; c++)
		if (strcmp(doc->col_keys[c], key) == 0)
			return doc->rows[i].cells[c].value;
	fail_msg("no column %s", key);
	return 0;
}

/* Every shipped layout builds on the store's figures; the movements hold
 * end = start - out + in on every row, and subtotals are sums. */
static void test_shipped_layouts(void **state)
{
	fixture *fx = *state;
	const char *data = getenv("GNBV_DATA");
	char dir[512];
	snprintf(dir, sizeof dir, "%s/reports", data ? data : "data");
	gn_diag *d = diag_new(20);
	report_layout **ls = NULL;
	size_t nl = 0;
	assert_int_equal(report_layouts_load(dir, d, &ls, &nl), GN_OK);
	static const char *const names[] = {"results", "poor-movements", "near-poor-movements",
					    "poor-deprivations", "near-poor-deprivations",
					    "groups", "ethnicity", "causes", "children", "af"};
	assert_int_equal(nl, 10);
	for (size_t i = 0; i < nl; i++)
		assert_string_equal(report_layout_name(ls[i]), names[i]);
	report_figures *f = NULL;
	assert_int_equal(report_figures_load(fx->st, fx->s, "P1", 2024, date_from_ymd(2024, 12, 31),
					     d, &f),
			 GN_OK);
	for (size_t i = 0; i < nl; i++) {
		report_doc *doc = NULL;
		assert_int_equal(report_build(ls[i], f, d, &doc), GN_OK);
		assert_int_equal(doc->nrows, f->nrows);
		assert_true(doc->head_rows >= 2);
		const char *p = strcmp(names[i], "poor-movements") == 0 ? "poor"
			: strcmp(names[i], "near-poor-movements") == 0 ? "near" : NULL;
		char k[4][32];
		if (p) {
			snprintf(k[0], sizeof k[0], "%s_start", p);
			snprintf(k[1], sizeof k[1], "%s_out", p);
			snprintf(k[2], sizeof k[2], "%s_in", p);
			snprintf(k[3], sizeof k[3], "%s_end", p);
			for (size_t r = 0; r < doc->nrows; r++)
				assert_int_equal(cell(doc, r, k[3]),
						 cell(doc, r, k[0]) - cell(doc, r, k[1]) + cell(doc, r, k[2]));
		}
		/* every integer column: a subtotal or total is the sum of its rows */
		for (size_t c = 0; c < doc->ncols; c++) {
			for (size_t r = 0; r < f->nrows; r++) {
				if (!f->rows[r].has_children || doc->rows[r].cells[c].kind != CELL_INT)
					continue;
				int64_t sum = 0;
				for (size_t q = 0; q < f->nrows; q++)
					if (f->rows[q].parent == (int)r)
						sum += doc->rows[q].cells[c].value;
				assert_int_equal(sum, doc->rows[r].cells[c].value);
			}
		}
		report_doc_free(doc);
	}
	assert_int_equal(diag_count(d), 0);
	report_figures_free(f);
	for (size_t i = 0; i < nl; i++)
		report_layout_free(ls[i]);
	free(ls);
	diag_free(d);
}

/* Tables 9 (ethnicities block), 11 (children) and AF on the fixture: 2024
 * poor H1, H3 (Kinh), H4 (Thái), H5 (Mông); near-poor H6 (Kinh, nutrition),
 * H7 (no ethnicity, nutrition); 7 rows, none with 3 deprivations. */
static void test_ethnicity_children_af(void **state)
{
	fixture *fx = *state;
	gn_diag *d = diag_new(20);
	report_figures *f = NULL;
	assert_int_equal(report_figures_load(fx->st, fx->s, "P1", 2024, date_from_ymd(2024, 12, 31),
					     d, &f),
			 GN_OK);
	static const char *const shown[] = {"Kinh", "Mông", "Thái", "Không rõ"};
	assert_int_equal(f->nshown, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(f->eth_name[f->eth_shown[i]], shown[i]);
	assert_string_equal(f->eth_key[f->eth_shown[1]], "mong");
	assert_string_equal(f->eth_key[f->eth_shown[3]], "khong_ro");
	const rfig *t = &f->rows[f->nrows - 1].f;
	assert_int_equal(t->kinh_poor, 2);
	assert_int_equal(t->kinh_near, 1);
	assert_int_equal(t->grp_poor[GRP_MINORITY], 2);
	assert_int_equal(t->eth_near[f->eth_shown[3]], 1);
	assert_int_equal(t->child_poor, 0);
	assert_int_equal(t->child_near, 2);
	assert_int_equal(t->af.n, 7);
	assert_int_equal(t->af.q, 0);

	const char *text = "name t\ntitle T\n"
			   "column name 0 name\ncolumn poor 0 poor\n"
			   "ethnicities\ncolumn {key}_poor 0 eth_poor:{key}\n"
			   "column {key}_near 0 eth_near:{key}\nend\n"
			   "column c 0 child_near\ncolumn n 0 af_n\ncolumn H 0 af_H\ncolumn M0 0 af_M0\n"
			   "column land 0 cause_poor:land\n";
	report_layout *l = parse(text, d);
	assert_non_null(l);
	report_doc *doc = NULL;
	assert_int_equal(report_build(l, f, d, &doc), GN_OK);
	char *csv = csv_of(doc);
	assert_non_null(strstr(csv, "name,poor,kinh_poor,kinh_near,mong_poor,mong_near,"
				    "thai_poor,thai_near,khong_ro_poor,khong_ro_near,c,n,H,M0,land\n"));
	assert_non_null(strstr(csv, ",Tổng cộng,4,2,1,1,0,1,0,0,1,2,7,0.00,0.0000,0\n"));
	free(csv);
	report_doc_free(doc);
	report_layout_free(l);
	assert_int_equal(diag_count(d), 0);

	/* errors: an unknown cause, a cause missing, an open block */
	static const char *const bad[] = {
		"name t\ntitle T\ncolumn a 0 cause_poor:luck\n",
		"name t\ntitle T\ncolumn a 0 cause_near\n",
		"name t\ntitle T\nethnicities\ncolumn {key} 0 eth_poor:{key}\n",
		"name t\ntitle T\ncolumn a 0 af_H/poor\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		gn_diag *d2 = diag_new(10);
		assert_null(parse(bad[i], d2));
		assert_true(diag_errors(d2) > 0);
		diag_free(d2);
	}
	report_figures_free(f);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_engine),
		cmocka_unit_test(test_layout_errors),
		cmocka_unit_test(test_check),
		cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shipped_layouts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ethnicity_children_af, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
