/* test_store.c - the SQLite store (src/store/store.h): migrations, every
 * record type, the audit trail, search and its Vietnamese order, uploads,
 * transactions; and the households import (src/app/import.h). Each test
 * works on a fresh database file under /tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/export.h"
#include "app/import.h"
#include "core/mem.h"
#include "io/standard_file.h"
#include "store/store.h"

typedef struct fixture {
	char dir[64];
	char path[96];
	store *st;
} fixture;

static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_store_XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (store_open(f->path, true, NULL, &f->st) != GN_OK)
		return -1;
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
	free(f);
	return 0;
}

/* ---- open and migrations ------------------------------------------------------- */

static void test_open_migrations(void **state)
{
	fixture *f = *state;
	int v = store_schema_version(f->st);
	assert_true(v >= 1);
	st_user u = {.role = "admin"};
	snprintf(u.username, sizeof u.username, "admin");
	assert_int_equal(store_user_add(f->st, &u), GN_OK);
	/* Reopening an up-to-date database migrates nothing and keeps data. */
	for (int k = 0; k < 2; k++) {
		store_close(f->st);
		f->st = NULL;
		assert_int_equal(store_open(f->path, k == 0, NULL, &f->st), GN_OK);
		assert_int_equal(store_schema_version(f->st), v);
		st_user got;
		assert_int_equal(store_user_get(f->st, "admin", &got), GN_OK);
		assert_int_equal(got.id, u.id);
	}
	/* A missing database is not created without `create`. */
	char missing[128];
	snprintf(missing, sizeof missing, "%s/none.db", f->dir);
	gn_diag *d = diag_new(10);
	store *st = NULL;
	assert_int_equal(store_open(missing, false, d, &st), GN_EIO);
	assert_null(st);
	assert_int_equal(diag_errors(d), 1);
	assert_non_null(strstr(diag_at(d, 0)->text, "gnbv init"));
	assert_int_not_equal(access(missing, F_OK), 0);
	diag_free(d);
}

/* ---- units, lineage, population ------------------------------------------------- */

static void add_unit(unit_set *u, const char *code, const char *parent,
		     unit_level level, unit_type type, int urban, gn_date from,
		     gn_date to, const char *name)
{
	unit_version v = {
		.code = units_intern(u, code, strlen(code)),
		.parent = parent ? units_intern(u, parent, strlen(parent)) : -1,
		.level = level, .type = type, .urban = (int8_t)urban,
		.from = from, .to = to, .name = name,
	};
	units_add_version(u, &v);
}

static unit_set *sample_units(bool with_split)
{
	unit_set *u = units_new();
	gn_date cut = date_from_ymd(2025, 7, 1);
	add_unit(u, "14", NULL, LEVEL_PROVINCE, UTYPE_TINH, -1, GN_DATE_MIN, GN_DATE_MAX,
		 "Tỉnh Sơn La");
	add_unit(u, "116", "14", LEVEL_DISTRICT, UTYPE_HUYEN, -1, GN_DATE_MIN, cut - 1,
		 "Huyện Mai Sơn");
	add_unit(u, "04000", "116", LEVEL_COMMUNE, UTYPE_XA, -1, GN_DATE_MIN, cut - 1,
		 "Xã Cũ");
	add_unit(u, "04000", "14", LEVEL_COMMUNE, UTYPE_PHUONG, 1, cut, GN_DATE_MAX,
		 "Phường Mới");
	add_unit(u, "04001", "116", LEVEL_COMMUNE, UTYPE_XA, 0, GN_DATE_MIN, cut - 1,
		 "Xã Hai");
	if (with_split) {
		add_unit(u, "04002", "14", LEVEL_COMMUNE, UTYPE_XA, -1, cut, GN_DATE_MAX,
			 "Xã Ba");
		lineage l = {units_intern(u, "04001", 5), units_intern(u, "04000", 5), cut,
			     {7, 20}, 0};
		units_add_lineage(u, &l);
		l.new_code = units_intern(u, "04002", 5);
		l.share = (share){13, 20};
		units_add_lineage(u, &l);
	}
	gn_diag *d = diag_new(10);
	assert_int_equal(units_check(u, "t", "t", d), GN_OK);
	diag_free(d);
	return u;
}

static void test_units(void **state)
{
	fixture *f = *state;
	unit_set *u = sample_units(true), *got = NULL;
	assert_int_equal(store_units_replace(f->st, u), GN_OK);
	assert_int_equal(store_units_load(f->st, &got), GN_OK);
	assert_int_equal(units_ncodes(got), units_ncodes(u));
	for (size_t c = 0; c < units_ncodes(u); c++) {
		const char *code = units_code(u, (int32_t)c);
		int32_t g = units_find(got, code, strlen(code));
		assert_true(g >= 0);
		size_t na, nb;
		const unit_version *a = units_versions(u, (int32_t)c, &na);
		const unit_version *b = units_versions(got, g, &nb);
		assert_int_equal(na, nb);
		for (size_t k = 0; k < na; k++) {
			assert_string_equal(a[k].name, b[k].name);
			assert_int_equal(a[k].level, b[k].level);
			assert_int_equal(a[k].type, b[k].type);
			assert_int_equal(a[k].urban, b[k].urban);
			assert_int_equal(a[k].from, b[k].from);
			assert_int_equal(a[k].to, b[k].to);
			if (a[k].parent < 0)
				assert_int_equal(b[k].parent, -1);
			else
				assert_string_equal(units_code(u, a[k].parent),
						    units_code(got, b[k].parent));
		}
	}
	size_t nl;
	const lineage *l = units_lineage(got, &nl);
	assert_int_equal(nl, 2);
	assert_string_equal(units_code(got, l[0].old_code), "04001");
	assert_int_equal(l[0].share.num + l[1].share.num, 20);
	assert_int_equal(l[0].share.den, 20);
	units_free(got);
	units_free(u);

	/* Replacing drops what the new set lacks. */
	u = sample_units(false);
	assert_int_equal(store_units_replace(f->st, u), GN_OK);
	assert_int_equal(store_units_load(f->st, &got), GN_OK);
	assert_int_equal(units_find(got, "04002", 5), -1);
	units_lineage(got, &nl);
	assert_int_equal(nl, 0);
	units_free(got);
	units_free(u);
}

typedef struct pop_list {
	st_population v[8];
	size_t n;
} pop_list;

static bool collect_pop(void *ctx, const st_population *p)
{
	pop_list *l = ctx;
	if (l->n < 8)
		l->v[l->n++] = *p;
	return true;
}

static void test_population(void **state)
{
	fixture *f = *state;
	st_population a = {"04000", 2024, 120, 480}, b = {"04000", 2023, 110, -1};
	assert_int_equal(store_population_put(f->st, &a), GN_OK);
	assert_int_equal(store_population_put(f->st, &b), GN_OK);
	a.households = 125; /* the same (unit, year) replaces */
	assert_int_equal(store_population_put(f->st, &a), GN_OK);
	pop_list l = {0};
	assert_int_equal(store_population_each(f->st, collect_pop, &l), GN_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].year, 2023);
	assert_int_equal(l.v[0].persons, -1);
	assert_int_equal(l.v[1].households, 125);
	assert_int_equal(l.v[1].persons, 480);
}

/* ---- households, members, reviews, audit --------------------------------------------- */

static st_household make_household(const char *id, const char *unit, const char *head)
{
	st_household h = {0};
	snprintf(h.id, sizeof h.id, "%s", id);
	snprintf(h.unit_code, sizeof h.unit_code, "%s", unit);
	h.village = gn_xstrdup("Bản Mòng");
	h.head_name = gn_xstrdup(head);
	h.address = gn_xstrdup("");
	return h;
}

static void add_member(st_household *h, int seq, const char *name, char sex, int birth,
		       const char *relation)
{
	h->members = gn_xreallocarray(h->members, h->nmembers + 1, sizeof *h->members);
	st_member *m = &h->members[h->nmembers++];
	memset(m, 0, sizeof *m);
	m->seq = seq;
	m->name = gn_xstrdup(name);
	m->sex = sex;
	m->birth_year = birth;
	m->ethnicity = gn_xstrdup("Thái");
	m->relation = gn_xstrdup(relation);
	m->health_insurance = 1;
	m->schooling = gn_xstrdup("");
	m->labour = gn_xstrdup("");
}

static size_t count_field(const st_audit *a, size_t n, const char *key, const char *field)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].record_key, key) == 0 && strcmp(a[i].field, field) == 0)
			c++;
	return c;
}

static const st_audit *find_audit(const st_audit *a, size_t n, const char *key,
				  const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].record_key, key) == 0 && strcmp(a[i].field, field) == 0)
			return &a[i];
	return NULL;
}

static void test_households(void **state)
{
	fixture *f = *state;
	int64_t t0 = (int64_t)time(NULL);
	st_household h = make_household("H1", "04000", "Lò Văn Khánh");
	add_member(&h, 1, "Lò Văn Khánh", 'M', 1970, "chủ hộ");
	add_member(&h, 2, "Cầm Thị Ón", 'F', 1974, "vợ");
	add_member(&h, 3, "Lò Văn Tú", 'M', 2001, "con");
	snprintf(h.members[0].id_number, sizeof h.members[0].id_number, "014070111222");
	assert_int_equal(store_household_put(f->st, &h, 7), GN_OK);
	st_household other = make_household("H10", "04000", "Lò Thị Hoa");
	assert_int_equal(store_household_put(f->st, &other, 7), GN_OK);

	st_household got;
	assert_int_equal(store_household_get(f->st, "H1", &got), GN_OK);
	assert_string_equal(got.unit_code, "04000");
	assert_string_equal(got.head_name, "Lò Văn Khánh");
	assert_string_equal(got.village, "Bản Mòng");
	assert_int_equal(got.nmembers, 3);
	assert_string_equal(got.members[1].name, "Cầm Thị Ón");
	assert_int_equal(got.members[1].sex, 'F');
	assert_int_equal(got.members[1].birth_year, 1974);
	assert_string_equal(got.members[0].id_number, "014070111222");
	assert_int_equal(got.members[2].health_insurance, 1);
	assert_true(got.updated_at >= t0);
	st_household_clear(&got);
	assert_int_equal(store_household_get(f->st, "H2", &got), GN_ENOTFOUND);

	/* Change the head's name, a member's birth year; drop member 3. */
	free(h.head_name);
	h.head_name = gn_xstrdup("Lò Văn Khánh Anh");
	h.members[1].birth_year = 1975;
	free(h.members[2].name);
	free(h.members[2].ethnicity);
	free(h.members[2].relation);
	free(h.members[2].schooling);
	free(h.members[2].labour);
	h.nmembers = 2;
	assert_int_equal(store_household_put(f->st, &h, 9), GN_OK);
	assert_int_equal(store_household_get(f->st, "H1", &got), GN_OK);
	assert_int_equal(got.nmembers, 2);
	assert_string_equal(got.head_name, "Lò Văn Khánh Anh");
	st_household_clear(&got);

	/* put_info leaves the members alone. */
	st_household info = make_household("H1", "04001", "Lò Văn Khánh Anh");
	assert_int_equal(store_household_put_info(f->st, &info, 9), GN_OK);
	assert_int_equal(store_household_get(f->st, "H1", &got), GN_OK);
	assert_int_equal(got.nmembers, 2);
	assert_string_equal(got.unit_code, "04001");
	st_household_clear(&got);

	st_audit *a;
	size_t n;
	assert_int_equal(store_audit_of(f->st, "H1", &a, &n), GN_OK);
	/* created: household + 3 members; then head_name, member 2's
	 * birth_year, member 3 deleted; then unit_code. H10 is not "H1/". */
	assert_int_equal(n, 4 + 3 + 1);
	assert_int_equal(count_field(a, n, "H1", "created"), 1);
	assert_int_equal(count_field(a, n, "H1/member/1", "created"), 1);
	const st_audit *e = find_audit(a, n, "H1", "head_name");
	assert_non_null(e);
	assert_string_equal(e->old_value, "Lò Văn Khánh");
	assert_string_equal(e->new_value, "Lò Văn Khánh Anh");
	assert_int_equal(e->user_id, 9);
	assert_true(e->at >= t0);
	assert_string_equal(e->entity, "household");
	e = find_audit(a, n, "H1/member/2", "birth_year");
	assert_non_null(e);
	assert_string_equal(e->old_value, "1974");
	assert_string_equal(e->new_value, "1975");
	assert_string_equal(e->entity, "member");
	e = find_audit(a, n, "H1/member/3", "deleted");
	assert_non_null(e);
	assert_null(e->new_value);
	e = find_audit(a, n, "H1", "unit_code");
	assert_non_null(e);
	assert_string_equal(e->new_value, "04001");
	assert_true(a[0].id > a[n - 1].id); /* newest first */
	store_audit_free(a, n);

	/* Writing the same household again audits nothing. */
	assert_int_equal(store_household_put_info(f->st, &info, 9), GN_OK);
	assert_int_equal(store_audit_of(f->st, "H1", &a, &n), GN_OK);
	assert_int_equal(n, 8);
	store_audit_free(a, n);

	/* Duplicate member numbers and bad records are refused. */
	add_member(&h, 2, "Hai lần", 'M', 2000, "con");
	assert_int_equal(store_household_put(f->st, &h, 9), GN_EINPUT);
	st_household empty = {0};
	assert_int_equal(store_household_put(f->st, &empty, 9), GN_EINPUT);
	st_household_clear(&h);
	st_household_clear(&other);
	st_household_clear(&info);
	st_household_clear(&empty);
}

static st_review make_review(const char *id, int year, const char *cls)
{
	st_review r = {0};
	snprintf(r.household_id, sizeof r.household_id, "%s", id);
	r.year = year;
	snprintf(r.unit_code, sizeof r.unit_code, "04000");
	r.village = gn_xstrdup("Bản Mòng");
	r.members = 4;
	r.income = 1200000;
	r.score_a = -1;
	r.deprivations = gn_xstrdup("d_water;d_sanitation;d_housing_area");
	r.head_name = gn_xstrdup("Lò Văn Khánh");
	r.head_sex = 'M';
	r.head_birth_year = 1970;
	r.head_ethnicity = gn_xstrdup("Thái");
	snprintf(r.id_number, sizeof r.id_number, "014070999888");
	r.causes = gn_xstrdup("land;capital");
	r.support_needs = gn_xstrdup("Hỗ trợ vốn");
	snprintf(r.cls, sizeof r.cls, "%s", cls);
	return r;
}

typedef struct count_ctx {
	size_t n;
	int64_t income_sum;
} count_ctx;

static bool count_review(void *ctx, const st_review *r)
{
	count_ctx *c = ctx;
	c->n++;
	c->income_sum += r->income;
	return true;
}

static void test_reviews(void **state)
{
	fixture *f = *state;
	st_household h = make_household("H1", "04000", "Lò Văn Khánh");
	assert_int_equal(store_household_put(f->st, &h, 1), GN_OK);
	st_household_clear(&h);

	st_review r = make_review("H1", 2024, "POOR");
	assert_int_equal(store_review_put(f->st, &r, 3), GN_OK);
	st_review r23 = make_review("H1", 2023, "NEAR_POOR");
	r23.score_a = 1205000;
	r23.income = -1;
	assert_int_equal(store_review_put(f->st, &r23, 3), GN_OK);

	st_review got;
	assert_int_equal(store_review_get(f->st, "H1", 2024, &got), GN_OK);
	assert_int_equal(got.income, 1200000);
	assert_int_equal(got.score_a, -1);
	assert_string_equal(got.deprivations, "d_water;d_sanitation;d_housing_area");
	assert_string_equal(got.cls, "POOR");
	assert_string_equal(got.status, "draft");
	assert_string_equal(got.support_needs, "Hỗ trợ vốn");
	assert_string_equal(got.id_number, "014070999888");
	assert_int_equal(got.head_sex, 'M');
	assert_int_equal(got.updated_by, 3);
	assert_string_equal(got.area, "");
	st_review_clear(&got);
	assert_int_equal(store_review_get(f->st, "H1", 2022, &got), GN_ENOTFOUND);

	/* Two fields change: two audit rows, old -> new. */
	r.income = 2500000;
	snprintf(r.cls, sizeof r.cls, "AVERAGE");
	assert_int_equal(store_review_put(f->st, &r, 4), GN_OK);
	st_audit *a;
	size_t n;
	assert_int_equal(store_audit_of(f->st, "H1/2024", &a, &n), GN_OK);
	assert_int_equal(n, 3); /* created, income, class */
	const st_audit *e = find_audit(a, n, "H1/2024", "income");
	assert_non_null(e);
	assert_string_equal(e->old_value, "1200000");
	assert_string_equal(e->new_value, "2500000");
	assert_int_equal(e->user_id, 4);
	e = find_audit(a, n, "H1/2024", "class");
	assert_non_null(e);
	assert_string_equal(e->old_value, "POOR");
	assert_string_equal(e->new_value, "AVERAGE");
	assert_string_equal(a[n - 1].field, "created");
	store_audit_free(a, n);
	/* The household's key covers its reviews. */
	assert_int_equal(store_audit_of(f->st, "H1", &a, &n), GN_OK);
	assert_int_equal(n, 1 + 3 + 1);
	store_audit_free(a, n);

	st_review *all;
	assert_int_equal(store_reviews_of(f->st, "H1", &all, &n), GN_OK);
	assert_int_equal(n, 2);
	assert_int_equal(all[0].year, 2023);
	assert_int_equal(all[0].score_a, 1205000);
	assert_int_equal(all[0].income, -1);
	assert_int_equal(all[1].year, 2024);
	for (size_t i = 0; i < n; i++)
		st_review_clear(&all[i]);
	free(all);

	count_ctx c = {0};
	assert_int_equal(store_reviews_each(f->st, 2024, count_review, &c), GN_OK);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.income_sum, 2500000);
	c = (count_ctx){0};
	assert_int_equal(store_reviews_each(f->st, 0, count_review, &c), GN_OK);
	assert_int_equal(c.n, 2);

	/* Locked: refused, unchanged. */
	snprintf(r.status, sizeof r.status, "locked");
	assert_int_equal(store_review_put(f->st, &r, 4), GN_OK);
	r.income = 1;
	assert_int_equal(store_review_put(f->st, &r, 4), GN_EINPUT);
	assert_non_null(strstr(store_errmsg(f->st), "locked"));
	assert_int_equal(store_review_get(f->st, "H1", 2024, &got), GN_OK);
	assert_int_equal(got.income, 2500000);
	st_review_clear(&got);

	/* A review needs its household. */
	st_review orphan = make_review("NOBODY", 2024, "POOR");
	assert_int_equal(store_review_put(f->st, &orphan, 4), GN_ENOTFOUND);
	st_review_clear(&orphan);
	st_review_clear(&r);
	st_review_clear(&r23);
}

/* ---- search ------------------------------------------------------------------------------- */

static void put_hh(store *st, const char *id, const char *unit, const char *head,
		   int year, const char *cls)
{
	st_household h = make_household(id, unit, head);
	assert_int_equal(store_household_put(st, &h, 1), GN_OK);
	st_household_clear(&h);
	if (year) {
		st_review r = make_review(id, year, cls);
		snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
		assert_int_equal(store_review_put(st, &r, 1), GN_OK);
		st_review_clear(&r);
	}
}

static void search(store *st, const char *q, const char *const *units, size_t nunits,
		   int year, const char *cls, size_t offset, size_t limit,
		   const char *want, size_t want_total)
{
	st_search s = {units, nunits, q, year, cls, offset, limit};
	st_household_row *rows;
	size_t n, total;
	assert_int_equal(store_households_search(st, &s, &rows, &n, &total), GN_OK);
	buf got;
	buf_init(&got, 0);
	for (size_t i = 0; i < n; i++)
		buf_printf(&got, "%s%s", i ? " " : "", rows[i].id);
	if (strcmp(buf_cstr(&got), want) != 0 || total != want_total)
		fail_msg("search \"%s\": got [%s] (%zu), want [%s] (%zu)", q ? q : "",
			 buf_cstr(&got), total, want, want_total);
	if (n && year)
		assert_string_not_equal(rows[0].cls, "");
	buf_free(&got);
	store_rows_free(rows, n);
}

static void test_search(void **state)
{
	fixture *f = *state;
	store *st = f->st;
	put_hh(st, "A1", "04000", "Hoàng Văn Dũng", 2024, "POOR");
	put_hh(st, "A2", "04000", "Phạm Đức", 2024, "NEAR_POOR");
	put_hh(st, "A3", "04001", "Nguyễn Văn An", 2023, "POOR");
	put_hh(st, "A4", "04001", "Trần Thị Hồng", 2024, "POOR");
	put_hh(st, "A5", "04000", "Lê Văn Bình", 0, NULL);
	put_hh(st, "B6", "04001", "Trần Thị Ánh", 2024, "NOT_POOR");
	put_hh(st, "A7", "04001", "ĐẶNG VĂN ĐỨC", 2024, "POOR");

	/* Vietnamese order by given name: An, Ánh, Bình, Dũng, Đức, Đức,
	 * Hồng; the two Đức by family name: Đặng before Phạm (đ < p). */
	search(st, NULL, NULL, 0, 0, NULL, 0, 0, "A3 B6 A5 A1 A7 A2 A4", 7);
	search(st, "duc", NULL, 0, 0, NULL, 0, 0, "A7 A2", 2);
	search(st, "ĐỨC", NULL, 0, 0, NULL, 0, 0, "A7 A2", 2);
	search(st, "hong", NULL, 0, 0, NULL, 0, 0, "A4", 1);
	search(st, "  thi ", NULL, 0, 0, NULL, 0, 0, "B6 A4", 2);
	search(st, "van an", NULL, 0, 0, NULL, 0, 0, "A3", 1);
	search(st, "b", NULL, 0, 0, NULL, 0, 0, "B6 A5", 2); /* id B6; Bình */
	search(st, "0140709", NULL, 0, 0, NULL, 0, 0, "A3 B6 A1 A7 A2 A4", 6); /* review ids */
	search(st, "%", NULL, 0, 0, NULL, 0, 0, "", 0);
	search(st, "_", NULL, 0, 0, NULL, 0, 0, "", 0);
	const char *const u0[] = {"04000"};
	search(st, NULL, u0, 1, 0, NULL, 0, 0, "A5 A1 A2", 3);
	search(st, NULL, u0, 0, 0, NULL, 0, 0, "", 0);
	search(st, NULL, NULL, 0, 2024, NULL, 0, 0, "B6 A1 A7 A2 A4", 5);
	search(st, NULL, NULL, 0, 2024, "POOR", 0, 0, "A1 A7 A4", 3);
	search(st, NULL, NULL, 0, 0, "POOR", 0, 0, "A3 A1 A7 A4", 4);
	search(st, NULL, NULL, 0, 2024, "POOR", 1, 1, "A7", 3);
	search(st, NULL, NULL, 0, 2024, "POOR", 5, 1, "", 3);
}

/* ---- users, sessions, login, uploads, transactions --------------------------------- */

static void test_users(void **state)
{
	fixture *f = *state;
	st_user u = {0};
	snprintf(u.username, sizeof u.username, "xa04000");
	snprintf(u.full_name, sizeof u.full_name, "Cán bộ xã");
	snprintf(u.role, sizeof u.role, "commune_officer");
	snprintf(u.unit_code, sizeof u.unit_code, "04000");
	snprintf(u.pw_hash, sizeof u.pw_hash, "$argon2id$v=19$...");
	assert_int_equal(store_user_add(f->st, &u), GN_OK);
	assert_true(u.id > 0);
	st_user dup = u;
	assert_int_equal(store_user_add(f->st, &dup), GN_EEXIST);
	st_user v = {0};
	snprintf(v.username, sizeof v.username, "tinh14");
	snprintf(v.role, sizeof v.role, "province_officer");
	assert_int_equal(store_user_add(f->st, &v), GN_OK);

	st_user got;
	assert_int_equal(store_user_get(f->st, "xa04000", &got), GN_OK);
	assert_string_equal(got.full_name, "Cán bộ xã");
	assert_string_equal(got.pw_hash, "$argon2id$v=19$...");
	assert_false(got.disabled);
	assert_int_equal(store_user_get(f->st, "nobody", &got), GN_ENOTFOUND);
	got.disabled = true;
	snprintf(got.role, sizeof got.role, "commune_chair");
	assert_int_equal(store_user_update(f->st, &got), GN_OK);
	assert_int_equal(store_user_get_id(f->st, u.id, &got), GN_OK);
	assert_true(got.disabled);
	assert_string_equal(got.role, "commune_chair");
	snprintf(got.username, sizeof got.username, "tinh14");
	assert_int_equal(store_user_update(f->st, &got), GN_EEXIST);
	got.id = 999;
	assert_int_equal(store_user_update(f->st, &got), GN_ENOTFOUND);

	st_user *list;
	size_t n;
	assert_int_equal(store_users_list(f->st, &list, &n), GN_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].username, "tinh14");
	free(list);

	st_session s = {.user_id = u.id, .created_at = 100, .expires_at = 200};
	snprintf(s.token_hash, sizeof s.token_hash, "%064d", 7);
	snprintf(s.csrf, sizeof s.csrf, "csrf-token");
	assert_int_equal(store_session_put(f->st, &s), GN_OK);
	st_session gs;
	assert_int_equal(store_session_get(f->st, s.token_hash, &gs), GN_OK);
	assert_int_equal(gs.user_id, u.id);
	assert_string_equal(gs.csrf, "csrf-token");
	assert_int_equal(gs.expires_at, 200);
	assert_int_equal(store_session_delete(f->st, s.token_hash), GN_OK);
	assert_int_equal(store_session_get(f->st, s.token_hash, &gs), GN_ENOTFOUND);
	st_session bad = s;
	bad.user_id = 12345;
	assert_int_equal(store_session_put(f->st, &bad), GN_ENOTFOUND); /* foreign key */

	int count;
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_login_failure(f->st, "xa04000", "10.0.0.1", 1000 + i), GN_OK);
	assert_int_equal(store_login_failure(f->st, "other", "10.0.0.2", 1005), GN_OK);
	assert_int_equal(store_login_failures(f->st, "xa04000", "", 0, &count), GN_OK);
	assert_int_equal(count, 3);
	assert_int_equal(store_login_failures(f->st, "xa04000", "", 1001, &count), GN_OK);
	assert_int_equal(count, 2);
	assert_int_equal(store_login_failures(f->st, "someone", "10.0.0.2", 0, &count), GN_OK);
	assert_int_equal(count, 1);
	assert_int_equal(store_login_clear(f->st, "xa04000"), GN_OK);
	assert_int_equal(store_login_failures(f->st, "xa04000", "", 0, &count), GN_OK);
	assert_int_equal(count, 0);
}

static void test_uploads(void **state)
{
	fixture *f = *state;
	static const char blob[] = "PK\x03\x04\0\0binary\xff\xfe data";
	int64_t id;
	assert_int_equal(store_upload_put(f->st, 5, "households", "rà soát.xlsx", blob,
					  sizeof blob, &id), GN_OK);
	int64_t user;
	char kind[24], name[ST_NAME];
	void *data;
	size_t len;
	assert_int_equal(store_upload_get(f->st, id, &user, kind, name, &data, &len), GN_OK);
	assert_int_equal(user, 5);
	assert_string_equal(kind, "households");
	assert_string_equal(name, "rà soát.xlsx");
	assert_int_equal(len, sizeof blob);
	assert_memory_equal(data, blob, sizeof blob);
	free(data);
	assert_int_equal(store_upload_put(f->st, 5, "units", "empty.csv", NULL, 0, &id), GN_OK);
	assert_int_equal(store_upload_get(f->st, id, NULL, NULL, NULL, &data, &len), GN_OK);
	assert_int_equal(len, 0);
	free(data);
	assert_int_equal(store_upload_delete(f->st, id), GN_OK);
	assert_int_equal(store_upload_delete(f->st, id), GN_ENOTFOUND);
	assert_int_equal(store_upload_get(f->st, id, NULL, NULL, NULL, &data, &len), GN_ENOTFOUND);
	assert_null(data);
}

static void test_transactions(void **state)
{
	fixture *f = *state;
	st_population p = {"04000", 2030, 1, 2};
	pop_list l = {0};
	assert_int_equal(store_begin(f->st), GN_OK);
	assert_int_equal(store_population_put(f->st, &p), GN_OK);
	store_rollback(f->st);
	assert_int_equal(store_population_each(f->st, collect_pop, &l), GN_OK);
	assert_int_equal(l.n, 0);
	/* A put inside a transaction writes its audit rows in it too. */
	assert_int_equal(store_begin(f->st), GN_OK);
	assert_int_equal(store_population_put(f->st, &p), GN_OK);
	st_household h = make_household("T1", "04000", "Vi Văn Tâm");
	assert_int_equal(store_household_put(f->st, &h, 1), GN_OK);
	store_rollback(f->st);
	st_audit *a;
	size_t n;
	assert_int_equal(store_audit_of(f->st, "T1", &a, &n), GN_OK);
	assert_int_equal(n, 0);
	free(a);
	assert_int_equal(store_begin(f->st), GN_OK);
	assert_int_equal(store_household_put(f->st, &h, 1), GN_OK);
	assert_int_equal(store_population_put(f->st, &p), GN_OK);
	assert_int_equal(store_commit(f->st), GN_OK);
	assert_int_equal(store_population_each(f->st, collect_pop, &l), GN_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(store_audit_of(f->st, "T1", &a, &n), GN_OK);
	assert_int_equal(n, 1);
	store_audit_free(a, n);
	st_household_clear(&h);
	store_rollback(f->st); /* outside a transaction: nothing happens */
}

/* ---- imports through the app layer ------------------------------------------------------- */

static std_set *load_standards(void)
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

static const char units_csv[] =
	"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
	"14,Tỉnh Sơn La,province,,tinh,,,\n"
	"04000,Xã Chiềng Cơi,commune,14,xa,,,\n"
	"04001,Phường Tô Hiệu,commune,14,phuong,,,\n";

#define HH_HEADER "household_id,year,unit_code,members,income,d_employment,d_dependents," \
	"d_nutrition,d_health_insurance,d_adult_education,d_child_schooling,"          \
	"d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_access," \
	"area,head_name\n"

static gn_err import_text(store *st, file_kind k, const char *text, const std_set *s,
			  gn_diag *d, size_t *rows)
{
	import_opts o = {.standards = s, .user = 0};
	return import_mem(st, k, "x.csv", text, strlen(text), &o, d, rows);
}

static void test_import_households(void **state)
{
	fixture *f = *state;
	std_set *s = load_standards();
	gn_diag *d = diag_new(100);
	size_t rows;
	assert_int_equal(import_text(f->st, FILE_UNITS, units_csv, s, d, &rows), GN_OK);
	assert_int_equal(rows, 3);

	const char *hh = HH_HEADER
		"P1,2024,04000,3,1000000,1,1,1,0,0,0,0,0,0,0,0,0,,Lò Văn Khánh\n"
		"P1,2023,04000,3,1.000.000,0,0,0,0,0,0,0,0,0,0,0,0,urban,Lò Văn Khánh\n"
		"P2,2024,04001,2,5000000,0,0,0,0,0,0,0,0,0,0,0,0,,Cầm Thị Ón\n";
	assert_int_equal(import_text(f->st, FILE_HOUSEHOLDS, hh, s, d, &rows), GN_OK);
	assert_int_equal(rows, 3);
	assert_int_equal(diag_errors(d), 0);
	st_review r;
	assert_int_equal(store_review_get(f->st, "P1", 2024, &r), GN_OK);
	assert_string_equal(r.cls, "POOR");
	assert_string_equal(r.deprivations, "d_employment;d_dependents;d_nutrition");
	st_review_clear(&r);
	assert_int_equal(store_review_get(f->st, "P1", 2023, &r), GN_OK);
	assert_int_equal(r.income, 1000000);
	assert_string_equal(r.area, "urban");
	assert_string_equal(r.cls, "NEAR_POOR");
	st_review_clear(&r);

	/* Errors everywhere: every one reported, nothing written. */
	const char *bad = HH_HEADER
		"P3,2024,04000,3,1000000,0,0,0,0,0,0,0,0,0,0,0,0,,Tòng Văn Ba\n"
		"P4,2024,99999,3,1000000,0,0,0,0,0,0,0,0,0,0,0,0,,X\n"
		"P3,2024,04000,3,1000000,0,0,0,0,0,0,0,0,2,0,0,0,,Tòng Văn Ba\n"
		"P3,2024,04000,3,1000000,0,0,0,0,0,0,0,0,0,0,0,0,,Tòng Văn Ba\n";
	assert_int_equal(import_text(f->st, FILE_HOUSEHOLDS, bad, s, d, &rows), GN_EINPUT);
	assert_int_equal(diag_errors(d), 3);
	assert_int_equal(diag_at(d, 0)->line, 3);
	assert_string_equal(diag_at(d, 0)->column, "unit_code");
	assert_int_equal(diag_at(d, 1)->line, 4);
	assert_string_equal(diag_at(d, 1)->column, "d_water");
	assert_int_equal(diag_at(d, 2)->line, 5);
	assert_non_null(strstr(diag_at(d, 2)->text, "already has a row for year 2024 (line 2)"));
	assert_int_equal(store_review_get(f->st, "P3", 2024, &r), GN_ENOTFOUND);
	diag_clear(d);

	/* A locked review cannot be replaced: the whole file is refused. */
	assert_int_equal(store_review_get(f->st, "P2", 2024, &r), GN_OK);
	snprintf(r.status, sizeof r.status, "locked");
	assert_int_equal(store_review_put(f->st, &r, 1), GN_OK);
	st_review_clear(&r);
	const char *relock = HH_HEADER
		"P5,2024,04000,3,1000000,0,0,0,0,0,0,0,0,0,0,0,0,,Quàng Văn Năm\n"
		"P2,2024,04001,2,900000,0,0,0,0,0,0,0,0,0,0,0,0,,Cầm Thị Ón\n";
	assert_int_equal(import_text(f->st, FILE_HOUSEHOLDS, relock, s, d, &rows), GN_EINPUT);
	assert_int_equal(diag_errors(d), 1);
	assert_int_equal(diag_at(d, 0)->line, 3);
	assert_non_null(strstr(diag_at(d, 0)->text, "locked"));
	st_household h;
	assert_int_equal(store_household_get(f->st, "P5", &h), GN_ENOTFOUND);
	diag_clear(d);

	/* Units in use cannot disappear. */
	const char *fewer = "code,name,level,parent_code\n14,Tỉnh Sơn La,province,\n"
			    "04000,Xã Chiềng Cơi,commune,14\n";
	assert_int_equal(import_text(f->st, FILE_UNITS, fewer, s, d, &rows), GN_EINPUT);
	assert_non_null(strstr(diag_at(d, 0)->text, "\"04001\""));
	diag_clear(d);

	/* Export: one row per review, money as digits, by id and year. */
	buf out;
	buf_init(&out, 0);
	export_opts eo = {.standards = s};
	assert_int_equal(export_csv(f->st, FILE_HOUSEHOLDS, &eo, &out), GN_OK);
	const char *lines = strchr(buf_cstr(&out), '\n') + 1;
	assert_string_equal(lines,
		"P1,2023,04000,,3,1000000,,0,0,0,0,0,0,0,0,0,0,0,0,,urban,Lò Văn Khánh,,,,,0,0,0,\n"
		"P1,2024,04000,,3,1000000,,1,1,1,0,0,0,0,0,0,0,0,0,,,Lò Văn Khánh,,,,,0,0,0,\n"
		"P2,2024,04001,,2,5000000,,0,0,0,0,0,0,0,0,0,0,0,0,,,Cầm Thị Ón,,,,,0,0,0,\n");
	buf_reset(&out);
	const char *const scope[] = {"04001"};
	eo.unit_codes = scope;
	eo.nunits = 1;
	assert_int_equal(export_csv(f->st, FILE_HOUSEHOLDS, &eo, &out), GN_OK);
	assert_non_null(strstr(buf_cstr(&out), "\nP2,2024,"));
	assert_null(strstr(buf_cstr(&out), "\nP1,"));
	buf_reset(&out);
	assert_int_equal(export_csv(f->st, FILE_UNITS, &eo, &out), GN_OK);
	assert_string_equal(buf_cstr(&out),
		"code,name,level,parent_code,type,urban,valid_from,valid_to\n"
		"14,Tỉnh Sơn La,province,,tinh,,,\n"
		"04001,Phường Tô Hiệu,commune,14,phuong,,,\n");
	buf_free(&out);
	diag_free(d);
	std_set_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_migrations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_units, setup, teardown),
		cmocka_unit_test_setup_teardown(test_population, setup, teardown),
		cmocka_unit_test_setup_teardown(test_households, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reviews, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uploads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_households, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
