/* test_report_lists.c - the lists of households (report/households.h): the
 * posting list, the decision annex and the certificates, on a small
 * store: approved reviews only for the annex and the certificates (a
 * draft and a household of another commune left out), the order (poor
 * first, villages and heads in Vietnamese order), the subtotals, the
 * decision recorded on the commune's round, certificate numbers in the
 * commune's order (also for a village), members from the household or
 * the head alone with empty rows, one page break per certificate, the
 * table form for CSV; the certificates rendered as XLSX (row breaks read
 * back with xlsx_info) and PDF (one page each, Vietnamese text intact);
 * the wording file's errors with their lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/mem.h"
#include "io/standard_file.h"
#include "io/xlsx_info.h"
#include "io/xlsx_read.h"
#include "report/doc.h"
#include "report/households.h"
#include "report/pdf.h"
#include "report/render.h"
#include "report/xlsx.h"
#include "store/store.h"

typedef struct fixture {
	char dir[64], path[96];
	store *st;
	std_set *s;
} fixture;

static const char *data_dir(void)
{
	const char *data = getenv("GNBV_DATA");
	return data ? data : "data";
}

static std_set *standards(void)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/standards", data_dir());
	std_set *s = std_set_new();
	gn_diag *d = diag_new(10);
	assert_int_equal(std_load_dir(s, dir, d), GN_OK);
	diag_free(d);
	return s;
}

static void add_unit(unit_set *u, const char *code, const char *name, const char *parent,
		     unit_level level, unit_type type)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = type, .urban = -1, .from = GN_DATE_MIN, .to = GN_DATE_MAX,
		.name = name, .line = 1,
	};
	units_add_version(u, &v);
}

typedef struct rv {
	const char *id, *unit, *village;
	int year;
	const char *cls, *status, *head;
	char sex;
	int birth;
	const char *ethnicity, *id_number;
	int members, merit, no_labour, social;
} rv;

static void put(store *st, const rv *x)
{
	st_household h = {0};
	st_household got;
	if (store_household_get(st, x->id, &got) == GN_OK) {
		st_household_clear(&got);
	} else {
		snprintf(h.id, sizeof h.id, "%s", x->id);
		snprintf(h.unit_code, sizeof h.unit_code, "%s", x->unit);
		h.head_name = gn_xstrdup(x->head);
		assert_int_equal(store_household_put(st, &h, 1), GN_OK);
		st_household_clear(&h);
	}
	st_review r = {0};
	snprintf(r.household_id, sizeof r.household_id, "%s", x->id);
	r.year = x->year;
	snprintf(r.unit_code, sizeof r.unit_code, "%s", x->unit);
	r.village = gn_xstrdup(x->village ? x->village : "");
	r.members = x->members;
	r.income = 1000000;
	r.score_a = -1;
	r.deprivations = gn_xstrdup("d_water;d_sanitation;d_nutrition");
	r.head_name = gn_xstrdup(x->head);
	r.head_sex = x->sex;
	r.head_birth_year = x->birth;
	r.head_ethnicity = gn_xstrdup(x->ethnicity);
	snprintf(r.id_number, sizeof r.id_number, "%s", x->id_number ? x->id_number : "");
	r.merit = (int8_t)x->merit;
	r.no_labour = (int8_t)x->no_labour;
	r.social_protection = (int8_t)x->social;
	snprintf(r.cls, sizeof r.cls, "%s", x->cls);
	snprintf(r.status, sizeof r.status, "%s", x->status);
	assert_int_equal(store_review_put(st, &r, 1), GN_OK);
	st_review_clear(&r);
}

/*
 * VN > P1 Tỉnh Một > C1 Xã Một > V1 Thôn Một, V2 Thôn Hai
 *                  > C2 Xã Hai > V3 Thôn Ba
 * 2025: A1 (V1, poor, approved; near-poor in 2024), A2 (V2, poor,
 * locked), A3 (C1 with village text "Bản Mới", near-poor, approved), A4
 * (V1, poor, draft), A5 (V1, not poor, approved), B1 (V3, poor, approved).
 * A1's members are entered; the others have none.
 */
static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_lists_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(f->path, true, NULL, &f->st) != GN_OK)
		return -1;
	f->s = standards();
	unit_set *u = units_new();
	add_unit(u, "VN", "Việt Nam", NULL, LEVEL_COUNTRY, UTYPE_NONE);
	add_unit(u, "P1", "Tỉnh Một", "VN", LEVEL_PROVINCE, UTYPE_TINH);
	add_unit(u, "C1", "Xã Một", "P1", LEVEL_COMMUNE, UTYPE_XA);
	add_unit(u, "C2", "Xã Hai", "P1", LEVEL_COMMUNE, UTYPE_XA);
	add_unit(u, "V1", "Thôn Một", "C1", LEVEL_VILLAGE, UTYPE_THON);
	add_unit(u, "V2", "Thôn Hai", "C1", LEVEL_VILLAGE, UTYPE_THON);
	add_unit(u, "V3", "Thôn Ba", "C2", LEVEL_VILLAGE, UTYPE_THON);
	gn_diag *d = diag_new(10);
	if (units_check(u, "units.csv", "lineage.csv", d) != GN_OK)
		return -1;
	diag_free(d);
	if (store_units_replace(f->st, u) != GN_OK)
		return -1;
	units_free(u);
	static const rv rows[] = {
		{"A1", "V1", "", 2024, "NEAR_POOR", "locked", "Nguyễn Văn Đức", 'M', 1970, "Kinh",
		 "001070000001", 4, 1, 0, 0},
		{"A1", "V1", "", 2025, "POOR", "approved", "Nguyễn Văn Đức", 'M', 1970, "Kinh",
		 "001070000001", 4, 1, 0, 0},
		{"A2", "V2", "", 2025, "POOR", "locked", "Lò Thị Ánh", 'F', 1980, "Thái", NULL, 3, 0, 1,
		 0},
		{"A3", "C1", "Bản Mới", 2025, "NEAR_POOR", "approved", "Trần Văn Bình", 'M', 1990, "Kinh",
		 NULL, 2, 0, 0, 1},
		{"A4", "V1", "", 2025, "POOR", "draft", "Hà Văn Nháp", 'M', 1960, "Kinh", NULL, 5, 0, 0,
		 0},
		{"A5", "V1", "", 2025, "NOT_POOR", "approved", "Đỗ Thị Khá", 'F', 1975, "Kinh", NULL, 4, 0,
		 0, 0},
		{"B1", "V3", "", 2025, "POOR", "approved", "Lê Thị Bình Yên", 'F', 1965, "Mông", NULL, 6,
		 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		put(f->st, &rows[i]);
	/* A1's members */
	st_household h;
	assert_int_equal(store_household_get(f->st, "A1", &h), GN_OK);
	st_member m[3] = {
		{.seq = 1, .name = "Nguyễn Văn Đức", .sex = 'M', .birth_year = 1970,
		 .ethnicity = "Kinh", .relation = "Chủ hộ", .id_number = "001070000001"},
		{.seq = 2, .name = "Phạm Thị Hương", .sex = 'F', .birth_year = 1972,
		 .ethnicity = "Kinh", .relation = "Vợ", .id_number = "001172000002"},
		{.seq = 3, .name = "Nguyễn Văn Ẩn", .sex = 'M', .birth_year = 2010,
		 .ethnicity = "Kinh", .relation = "Con", .id_number = ""},
	};
	st_household h2 = h;
	h2.members = m;
	h2.nmembers = 3;
	h2.address = "Xóm Đồi, Thôn Một, Xã Một, Tỉnh Một";
	assert_int_equal(store_household_put(f->st, &h2, 1), GN_OK);
	st_household_clear(&h);
	/* the commune's periodic round with the chair's decision */
	st_round r = {0};
	snprintf(r.unit_code, sizeof r.unit_code, "C1");
	r.year = 2025;
	snprintf(r.kind, sizeof r.kind, "periodic");
	snprintf(r.state, sizeof r.state, "approved");
	assert_int_equal(store_round_add(f->st, &r, 1), GN_OK);
	snprintf(r.decision_no, sizeof r.decision_no, "15/QĐ-UBND");
	snprintf(r.decision_date, sizeof r.decision_date, "2025-12-10");
	r.certified = true;
	assert_int_equal(store_round_update(f->st, &r, 1), GN_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	store_close(f->st);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	int rc = system(cmd);
	std_set_free(f->s);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* ---- helpers ------------------------------------------------------------------------ */

static size_t col(const report_doc *doc, const char *key)
{
	for (size_t c = 0; c < doc->ncols; c++)
		if (strcmp(doc->col_keys[c], key) == 0)
			return c;
	fail_msg("no column %s", key);
	return 0;
}

static const char *text_at(const report_doc *doc, size_t i, const char *key)
{
	const report_cell *c = &doc->rows[i].cells[col(doc, key)];
	return c->kind == CELL_TEXT ? c->text : "";
}

static int64_t int_at(const report_doc *doc, size_t i, const char *key)
{
	const report_cell *c = &doc->rows[i].cells[col(doc, key)];
	assert_int_equal(c->kind, CELL_INT);
	return c->value;
}

/* True when some ROW_TEXT cell of rows [from, to) holds exactly s. */
static bool has_text(const report_doc *doc, size_t from, size_t to, const char *s)
{
	for (size_t i = from; i < to && i < doc->nrows; i++)
		for (size_t c = 0; c < doc->ncols; c++)
			if (doc->rows[i].cells[c].kind == CELL_TEXT &&
			    strcmp(doc->rows[i].cells[c].text, s) == 0)
				return true;
	return false;
}

static gn_date day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static char *reports_dir(void)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/reports", data_dir());
	return gn_xstrdup(dir);
}

/* ---- the decision annex -------------------------------------------------------------- */

static void test_annex(void **state)
{
	fixture *fx = *state;
	gn_diag *d = diag_new(10);
	report_doc *doc = NULL;
	assert_int_equal(report_decision_annex(fx->st, fx->s, "C1", 2025, day(2025, 12, 31), d,
					       &doc),
			 GN_OK);
	assert_int_equal(diag_count(d), 0);
	assert_string_equal(doc->title,
			    "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN NĂM 2025");
	assert_string_equal(doc->issuer, "UBND XÃ MỘT");
	assert_string_equal(doc->subtitles[0], "Xã Một");
	assert_string_equal(doc->subtitles[1], "(Kèm theo Quyết định số 15/QĐ-UBND ngày 10 "
			    "tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân Xã Một)");
	assert_string_equal(doc->place_date, "Xã Một, ngày 10 tháng 12 năm 2025");
	assert_true(doc->landscape);
	assert_true(doc->numbered);
	/* I poor: Thôn Hai (A2), Thôn Một (A1); II near-poor: Bản Mới (A3);
	 * total. A4 (draft), A5 (not poor) and B1 (Xã Hai) are not listed. */
	assert_int_equal(doc->nrows, 9);
	static const struct {
		row_style st;
		int depth;
		const char *stt, *head;
	} want[] = {
		{ROW_SUBTOTAL, 0, "I", "HỘ NGHÈO"},
		{ROW_SUBTOTAL, 1, "", "Thôn Hai"},
		{ROW_PLAIN, 2, NULL, "Lò Thị Ánh"},
		{ROW_SUBTOTAL, 1, "", "Thôn Một"},
		{ROW_PLAIN, 2, NULL, "Nguyễn Văn Đức"},
		{ROW_SUBTOTAL, 0, "II", "HỘ CẬN NGHÈO"},
		{ROW_SUBTOTAL, 1, "", "Bản Mới"},
		{ROW_PLAIN, 2, NULL, "Trần Văn Bình"},
		{ROW_TOTAL, 0, "", "TỔNG CỘNG"},
	};
	int64_t stt = 0;
	for (size_t i = 0; i < 9; i++) {
		assert_int_equal(doc->rows[i].style, want[i].st);
		assert_int_equal(doc->rows[i].indent, want[i].depth);
		assert_string_equal(text_at(doc, i, "head"), want[i].head);
		if (want[i].stt)
			assert_string_equal(text_at(doc, i, "stt"), want[i].stt);
		else
			assert_int_equal(int_at(doc, i, "stt"), ++stt);
	}
	/* A2: a Thái woman of 1980, no labour capacity */
	assert_string_equal(text_at(doc, 2, "household_id"), "A2");
	assert_string_equal(text_at(doc, 2, "village"), "Thôn Hai");
	assert_string_equal(text_at(doc, 2, "head_sex"), "Nữ");
	assert_string_equal(text_at(doc, 2, "head_birth_year"), "1980");
	assert_string_equal(text_at(doc, 2, "head_ethnicity"), "Thái");
	assert_int_equal(int_at(doc, 2, "members"), 3);
	assert_string_equal(text_at(doc, 2, "minority"), "x");
	assert_string_equal(text_at(doc, 2, "no_labour"), "x");
	assert_string_equal(text_at(doc, 2, "merit"), "");
	/* A1: near-poor in 2024, poor now */
	assert_string_equal(text_at(doc, 4, "merit"), "x");
	assert_string_equal(text_at(doc, 4, "minority"), "");
	assert_string_equal(text_at(doc, 4, "transition"), "Cận nghèo sang nghèo");
	assert_string_equal(text_at(doc, 7, "social_protection"), "x");
	assert_string_equal(text_at(doc, 7, "village"), "Bản Mới");
	/* subtotals: members and groups of the rows under them */
	assert_int_equal(int_at(doc, 0, "members"), 7);
	assert_int_equal(int_at(doc, 0, "minority"), 1);
	assert_int_equal(int_at(doc, 0, "no_labour"), 1);
	assert_int_equal(int_at(doc, 0, "merit"), 1);
	assert_int_equal(int_at(doc, 0, "social_protection"), 0);
	assert_int_equal(int_at(doc, 1, "members"), 3);
	assert_int_equal(int_at(doc, 3, "members"), 4);
	assert_int_equal(int_at(doc, 5, "members"), 2);
	assert_int_equal(int_at(doc, 5, "social_protection"), 1);
	assert_int_equal(int_at(doc, 8, "members"), 9);
	assert_int_equal(int_at(doc, 8, "minority"), 1);
	assert_int_equal(int_at(doc, 8, "social_protection"), 1);
	assert_string_equal(doc->notes[0], "Tổng số: 2 hộ nghèo, 1 hộ cận nghèo, 9 nhân khẩu.");
	report_doc_free(doc);

	/* the posting list shows every review: the draft A4 too */
	assert_int_equal(report_posting_list(fx->st, fx->s, "C1", 2025, day(2025, 12, 31), d,
					     &doc),
			 GN_OK);
	size_t n = 0;
	bool draft = false;
	for (size_t i = 0; i < doc->nrows; i++)
		if (doc->rows[i].style == ROW_PLAIN) {
			n++;
			draft |= strcmp(text_at(doc, i, "household_id"), "A4") == 0;
		}
	assert_int_equal(n, 4);
	assert_true(draft);
	report_doc_free(doc);

	/* a village: its households only, the commune named after it */
	assert_int_equal(report_decision_annex(fx->st, fx->s, "V1", 2025, day(2025, 12, 31), d,
					       &doc),
			 GN_OK);
	assert_string_equal(doc->subtitles[0], "Thôn Một - Xã Một");
	assert_int_equal(doc->nrows, 4); /* I, Thôn Một, A1, total */
	assert_string_equal(text_at(doc, 2, "household_id"), "A1");
	report_doc_free(doc);

	/* another commune, no decision recorded: dots to fill in */
	assert_int_equal(report_decision_annex(fx->st, fx->s, "C2", 2025, day(2025, 12, 31), d,
					       &doc),
			 GN_OK);
	assert_non_null(strstr(doc->subtitles[1], "Quyết định số ........ ngày ..... tháng"));
	assert_string_equal(doc->place_date, "........, ngày ..... tháng ..... năm 2025");
	report_doc_free(doc);

	/* nothing approved in 2024 but A1 (locked): one household */
	assert_int_equal(report_decision_annex(fx->st, fx->s, "C1", 2024, day(2024, 12, 31), d,
					       &doc),
			 GN_OK);
	assert_int_equal(doc->nrows, 4);
	assert_string_equal(text_at(doc, 0, "head"), "HỘ CẬN NGHÈO");
	report_doc_free(doc);

	/* a province, a unit nowhere */
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(report_decision_annex(fx->st, fx->s, "P1", 2025, day(2025, 12, 31), d,
					       &doc),
			 GN_EINPUT);
	assert_null(doc);
	assert_non_null(strstr(diag_at(d, 0)->text, "decision-annex: unit \"P1\" is a province"));
	assert_int_equal(report_decision_annex(fx->st, fx->s, "X9", 2025, day(2025, 12, 31), d,
					       &doc),
			 GN_ENOTFOUND);
	diag_free(d);
}

/* ---- the certificates ------------------------------------------------------------------ */

/* The indexes of the rows that start a page. */
static size_t breaks_of(const report_doc *doc, size_t *at, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->nrows; i++)
		if (doc->rows[i].page_break && n < max)
			at[n++] = i;
	return n;
}

static void test_certificates(void **state)
{
	fixture *fx = *state;
	char *dir = reports_dir();
	gn_diag *d = diag_new(10);
	report_list_args a = {fx->st, fx->s, dir, "C1", 2025, day(2025, 12, 31), false};
	report_doc *doc = NULL;
	size_t count = 0;
	assert_int_equal(report_certificates(&a, d, &doc, &count), GN_OK);
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(count, 3);
	assert_true(doc->bare);
	assert_false(doc->landscape);
	size_t at[8];
	assert_int_equal(breaks_of(doc, at, 8), 3);
	assert_int_equal(at[0], 0);
	/* in the order of the annex: A2 (1), A1 (2), A3 (3) */
	static const char *const num[] = {"Số: 1/GCN-HN.HCN", "Số: 2/GCN-HN.HCN",
					  "Số: 3/GCN-HN.HCN"};
	static const char *const title[] = {"GIẤY CHỨNG NHẬN HỘ NGHÈO", "GIẤY CHỨNG NHẬN HỘ NGHÈO",
					    "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO"};
	static const char *const head[] = {"Hộ gia đình bà: Lò Thị Ánh",
					   "Hộ gia đình ông: Nguyễn Văn Đức",
					   "Hộ gia đình ông: Trần Văn Bình"};
	for (size_t k = 0; k < 3; k++) {
		size_t end = k < 2 ? at[k + 1] : doc->nrows;
		assert_int_equal(doc->rows[at[k]].style, ROW_TEXT);
		assert_string_equal(doc->rows[at[k]].cells[0].text, "UBND XÃ MỘT");
		assert_true(has_text(doc, at[k], end, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
		assert_true(has_text(doc, at[k], end, num[k]));
		assert_true(has_text(doc, at[k], end, title[k]));
		assert_true(has_text(doc, at[k], end, head[k]));
		assert_true(has_text(doc, at[k], end, "Xã Một, ngày 10 tháng 12 năm 2025"));
		assert_true(has_text(doc, at[k], end, "CHỦ TỊCH"));
		/* the wording of 2025: the 2025 law, the decision, the standard */
		assert_true(has_text(doc, at[k], end,
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"));
		assert_true(has_text(doc, at[k], end,
			"Căn cứ Quyết định số 15/QĐ-UBND ngày 10/12/2025 của Chủ tịch Ủy ban nhân "
			"dân Xã Một về việc công nhận hộ nghèo, hộ cận nghèo năm 2025;"));
		assert_false(has_text(doc, at[k], end, "Căn cứ Luật Tổ chức chính quyền địa "
			"phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
			"Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
			"tháng 11 năm 2019;"));
	}
	/* A1 (the second): its address and its three members */
	assert_true(has_text(doc, at[1], at[2], "Nơi thường trú: Xóm Đồi, Thôn Một, Xã Một, Tỉnh Một"));
	assert_true(has_text(doc, at[1], at[2], "Số định danh cá nhân của chủ hộ: 001070000001"));
	size_t h = at[1];
	while (doc->rows[h].style != ROW_HEAD)
		h++;
	assert_string_equal(text_at(doc, h, "name"), "Họ và tên");
	assert_string_equal(text_at(doc, h + 1, "name"), "Nguyễn Văn Đức");
	assert_string_equal(text_at(doc, h + 1, "birth_year_male"), "1970");
	assert_string_equal(text_at(doc, h + 2, "name"), "Phạm Thị Hương");
	assert_string_equal(text_at(doc, h + 2, "relation"), "Vợ");
	assert_string_equal(text_at(doc, h + 2, "birth_year_female"), "1972");
	assert_string_equal(text_at(doc, h + 2, "birth_year_male"), "");
	assert_string_equal(text_at(doc, h + 2, "id_number"), "001172000002");
	assert_string_equal(text_at(doc, h + 3, "name"), "Nguyễn Văn Ẩn");
	assert_int_equal(doc->rows[h + 4].style, ROW_TEXT);
	/* A2 (the first): no members entered: the head, then 2 empty rows */
	h = at[0];
	while (doc->rows[h].style != ROW_HEAD)
		h++;
	assert_string_equal(text_at(doc, h + 1, "name"), "Lò Thị Ánh");
	assert_string_equal(text_at(doc, h + 1, "relation"), "Chủ hộ");
	assert_string_equal(text_at(doc, h + 1, "birth_year_female"), "1980");
	assert_int_equal(int_at(doc, h + 3, "stt"), 3);
	assert_string_equal(text_at(doc, h + 3, "name"), "");
	assert_int_equal(doc->rows[h + 4].style, ROW_TEXT);
	assert_true(has_text(doc, at[0], at[1], "Nơi thường trú: Thôn Hai, Xã Một, Tỉnh Một"));
	assert_true(has_text(doc, at[2], doc->nrows,
			     "Nơi thường trú: Bản Mới, Xã Một, Tỉnh Một"));
	report_doc_free(doc);

	/* a village: A1 alone, with its number in the commune (2) */
	a.unit_code = "V1";
	assert_int_equal(report_certificates(&a, d, &doc, &count), GN_OK);
	assert_int_equal(count, 1);
	assert_int_equal(breaks_of(doc, at, 8), 1);
	assert_true(has_text(doc, 0, doc->nrows, "Số: 2/GCN-HN.HCN"));
	report_doc_free(doc);

	/* the table form (CSV): one row per member */
	a.unit_code = "C1";
	a.table = true;
	assert_int_equal(report_certificates(&a, d, &doc, &count), GN_OK);
	assert_int_equal(count, 3);
	char *csv;
	buf b;
	buf_init(&b, 0);
	assert_int_equal(report_csv(doc, &b), GN_OK);
	csv = buf_take(&b);
	assert_string_equal(csv,
		"style,depth,certificate,household_id,class,village,head,member,name,relation,sex,"
		"birth_year,ethnicity,id_number\n"
		"unit,0,1,A2,POOR,Thôn Hai,Lò Thị Ánh,1,Lò Thị Ánh,Chủ hộ,F,1980,Thái,\n"
		"unit,0,2,A1,POOR,Thôn Một,Nguyễn Văn Đức,1,Nguyễn Văn Đức,Chủ hộ,M,1970,Kinh,"
		"001070000001\n"
		"unit,0,2,A1,POOR,Thôn Một,Nguyễn Văn Đức,2,Phạm Thị Hương,Vợ,F,1972,Kinh,"
		"001172000002\n"
		"unit,0,2,A1,POOR,Thôn Một,Nguyễn Văn Đức,3,Nguyễn Văn Ẩn,Con,M,2010,Kinh,\n"
		"unit,0,3,A3,NEAR_POOR,Bản Mới,Trần Văn Bình,1,Trần Văn Bình,Chủ hộ,M,1990,Kinh,\n");
	free(csv);
	report_doc_free(doc);

	/* 2024: the wording of the 2015 law */
	a.table = false;
	a.year = 2024;
	a.asof = day(2024, 12, 31);
	assert_int_equal(report_certificates(&a, d, &doc, &count), GN_OK);
	assert_int_equal(count, 1);
	assert_true(has_text(doc, 0, doc->nrows, "Căn cứ Luật Tổ chức chính quyền địa phương ngày "
		"19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính "
		"phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"));
	assert_true(has_text(doc, 0, doc->nrows, "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO"));
	report_doc_free(doc);

	/* nothing approved (2023): one page saying so */
	a.year = 2023;
	assert_int_equal(report_certificates(&a, d, &doc, &count), GN_OK);
	assert_int_equal(count, 0);
	bool says = false;
	for (size_t i = 0; i < doc->nrows; i++)
		says |= doc->rows[i].cells[0].kind == CELL_TEXT &&
			strstr(doc->rows[i].cells[0].text, "chưa có hộ nghèo, hộ cận nghèo nào") != NULL;
	assert_true(says);
	report_doc_free(doc);
	assert_int_equal(diag_count(d), 0);

	/* through the table of lists */
	const report_list *l = report_list_find("certificates");
	assert_non_null(l);
	assert_true(l->approved_only);
	assert_false(report_list_find("posting-list")->approved_only);
	assert_null(report_list_find("results"));
	a.year = 2025;
	a.asof = day(2025, 12, 31);
	assert_int_equal(report_list_build(report_list_find("decision-annex"), &a, d, &doc, &count),
			 GN_OK);
	assert_int_equal(count, 3);
	report_doc_free(doc);
	diag_free(d);
	free(dir);
}

/* The certificates rendered: XLSX with a manual row break above each
 * certificate but the first (read back with the project's readers), PDF
 * with one A4 portrait page each and its Vietnamese text intact. */
static void test_certificates_rendered(void **state)
{
	fixture *fx = *state;
	char *dir = reports_dir();
	report_list_args a = {fx->st, fx->s, dir, "C1", 2025, day(2025, 12, 31), false};
	report_doc *doc = NULL;
	assert_int_equal(report_certificates(&a, NULL, &doc, NULL), GN_OK);
	size_t at[8];
	assert_int_equal(breaks_of(doc, at, 8), 3);

	char path[160];
	snprintf(path, sizeof path, "%s/c.xlsx", fx->dir);
	assert_int_equal(report_render_xlsx(doc, path), GN_OK);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	buf data, csv;
	buf_init(&data, 0);
	buf_init(&csv, 0);
	char block[4096];
	size_t got;
	while ((got = fread(block, 1, sizeof block, fp)) > 0)
		buf_put(&data, block, got);
	fclose(fp);
	xlsx_info info;
	gn_diag *d = diag_new(10);
	assert_int_equal(xlsx_read_info(data.p, data.len, "c.xlsx", d, &info), GN_OK);
	assert_int_equal(xlsx_to_csv(data.p, data.len, "c.xlsx", d, &csv), GN_OK);
	/* the sheet's rows are the document's rows: breaks at at[1], at[2] */
	assert_int_equal(info.nrow_breaks, 2);
	assert_int_equal(info.row_breaks[0], (int)at[1]);
	assert_int_equal(info.row_breaks[1], (int)at[2]);
	assert_string_equal(info.orientation, "portrait");
	assert_false(info.fit_to_page);
	/* the CSV of the sheet: line at[1] + 1 starts the second certificate */
	const char *line = buf_cstr(&csv);
	for (size_t i = 0; i < at[1]; i++) {
		line = strchr(line, '\n');
		assert_non_null(line);
		line++;
	}
	assert_true(strncmp(line, "UBND XÃ MỘT,", strlen("UBND XÃ MỘT,")) == 0);
	assert_non_null(strstr(buf_cstr(&csv), "Nguyễn Văn Ẩn"));
	xlsx_info_free(&info);
	buf_free(&data);
	buf_free(&csv);
	diag_free(d);

	if (system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1")
	    == 0) {
		snprintf(path, sizeof path, "%s/c.pdf", fx->dir);
		assert_int_equal(report_render_pdf(doc, path), GN_OK);
		char cmd[512];
		snprintf(cmd, sizeof cmd, "pdfinfo '%s' | grep -q '^Pages: *3$'", path);
		assert_int_equal(system(cmd), 0);
		static const char *const pages[3][2] = {
			{"Lò Thị Ánh", "Số: 1/GCN-HN.HCN"},
			{"Phạm Thị Hương", "Số: 2/GCN-HN.HCN"},
			{"Trần Văn Bình", "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO"},
		};
		for (int p = 0; p < 3; p++)
			for (int k = 0; k < 2; k++) {
				snprintf(cmd, sizeof cmd,
					 "pdftotext -enc UTF-8 -f %d -l %d '%s' - | grep -qF '%s'",
					 p + 1, p + 1, path, pages[p][k]);
				if (system(cmd) != 0)
					fail_msg("page %d lacks \"%s\"", p + 1, pages[p][k]);
			}
	}
	report_doc_free(doc);
	free(dir);
}

/* ---- the wording file ------------------------------------------------------------------ */

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void test_form_errors(void **state)
{
	fixture *fx = *state;
	char dir[128], path[192];
	snprintf(dir, sizeof dir, "%s/forms", fx->dir);
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/certificates.form", dir);
	report_list_args a = {fx->st, fx->s, dir, "C1", 2025, day(2025, 12, 31), false};
	report_doc *doc = NULL;
	gn_diag *d = diag_new(20);

	/* no file */
	assert_int_equal(report_certificates(&a, d, &doc, NULL), GN_EIO);
	assert_null(doc);
	assert_int_equal(diag_count(d), 1);
	diag_clear(d);

	write_file(path,
		   "# a comment\n"
		   "title POOR GIẤY CHỨNG NHẬN HỘ NGHÈO\n"
		   "title RICH GIẤY\n"                 /* 3: bad class */
		   "number Số {number} {nope}\n"       /* 4: unknown placeholder */
		   "stamp here\n"                      /* 5: unknown directive */
		   "basis 2025- \n"                    /* 6: no text */
		   "certify Chứng nhận:\n"
		   "certify again\n"                   /* 8: twice */
		   "class POOR Là hộ nghèo.\n");
	assert_int_equal(report_certificates(&a, d, &doc, NULL), GN_EINPUT);
	assert_null(doc);
	static const struct {
		long line;
		const char *text;
	} want[] = {
		{3, "title: expected POOR or NEAR_POOR, got \"RICH\""},
		{4, "unknown placeholder \"{nope}\""},
		{5, "unknown directive \"stamp\""},
		{6, "basis: no text"},
		{8, "certify given twice"},
		{0, "missing directive \"title NEAR_POOR\""},
		{0, "missing directive \"number\""}, /* its line was refused */
		{0, "missing directive \"class NEAR_POOR\""},
		{0, "missing directive \"members\""},
		{0, "missing directive \"signer\""},
	};
	assert_int_equal(diag_count(d), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const diag_item *it = diag_at(d, i);
		assert_string_equal(it->file, path);
		assert_int_equal(it->line, want[i].line);
		if (!strstr(it->text, want[i].text))
			fail_msg("message %zu: \"%s\" lacks \"%s\"", i, it->text, want[i].text);
	}
	diag_clear(d);

	/* a minimal good file; the table form does not need it */
	write_file(path,
		   "title POOR A\ntitle NEAR_POOR B\nnumber N {number}\ncertify C {commune}\n"
		   "class POOR P {year}\nclass NEAR_POOR Q\nmembers M\nsigner S\n"
		   "basis 2022-2024 OLD\nbasis 2025-2030 NEW {standard}\n");
	assert_int_equal(report_certificates(&a, d, &doc, NULL), GN_OK);
	assert_true(has_text(doc, 0, doc->nrows, "N 1"));
	assert_true(has_text(doc, 0, doc->nrows, "C Xã Một"));
	assert_true(has_text(doc, 0, doc->nrows, "P 2025"));
	assert_true(has_text(doc, 0, doc->nrows, "NEW Chuẩn nghèo đa chiều giai đoạn 2022-2025"));
	assert_false(has_text(doc, 0, doc->nrows, "OLD"));
	report_doc_free(doc);
	unlink(path);
	a.table = true;
	assert_int_equal(report_certificates(&a, d, &doc, NULL), GN_OK);
	report_doc_free(doc);
	assert_int_equal(diag_count(d), 0);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_annex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_certificates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_certificates_rendered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
