/* test_me_capacity.c - capacity building and inspections: the pure rules
 * (core/capacity.h: distinct people, shares, lengths, overdue, status
 * moves, the mission report's due date over Tết 2025 and 30/4-1/5 with the
 * shipped holidays), the files (io/capacity_file.h: settings and pasted
 * participants lists, every error with its line and column), the store
 * (store_me_capacity.h: duplicates of people, attendance, staff counts,
 * missions, findings, recommendations, evidence, audit) and the rule that
 * picks a registered person (app/capacity.h), each store test on a fresh
 * database under /tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/capacity.h"
#include "core/buf.h"
#include "core/capacity.h"
#include "core/mem.h"
#include "io/capacity_file.h"
#include "io/holidays_file.h"
#include "store/store.h"

static gn_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* ---- distinct counting --------------------------------------------------------------- */

static void test_tally_distinct(void **state)
{
	(void)state;
	cap_attendance a[] = {
		/* person 1 (a woman, staff) at classes 10 and 11, and at 10 again */
		{1, 10, 'F', true, CAP_TRAINING, "cán bộ giảm nghèo xã"},
		{2, 10, 'M', true, CAP_TRAINING, "trưởng thôn"},
		{1, 11, 'F', true, CAP_CONFERENCE, "cán bộ giảm nghèo xã"},
		{3, 11, 'F', false, CAP_CONFERENCE, "trưởng thôn"},
		{1, 10, 'F', true, CAP_TRAINING, "cán bộ giảm nghèo xã"},
		{4, 12, 'M', false, CAP_STUDY_TOUR, ""},
	};
	cap_tally t;
	cap_tally_of(a, sizeof a / sizeof a[0], &t);
	assert_int_equal(t.attendances, 5); /* the repeated 1 x 10 counts once */
	assert_int_equal(t.people, 4);
	assert_int_equal(t.women, 2);
	assert_int_equal(t.staff, 2);
	assert_int_equal(t.classes, 3);
	assert_int_equal(t.attendances_by_kind[CAP_TRAINING], 2);
	assert_int_equal(t.attendances_by_kind[CAP_CONFERENCE], 2);
	assert_int_equal(t.attendances_by_kind[CAP_STUDY_TOUR], 1);
	assert_int_equal(t.people_by_kind[CAP_TRAINING], 2);
	assert_int_equal(t.people_by_kind[CAP_CONFERENCE], 2);
	/* by role: distinct people, most first, then by name */
	assert_int_equal(t.npositions, 3);
	assert_string_equal(t.positions[0].position, "trưởng thôn");
	assert_int_equal(t.positions[0].people, 2);
	assert_int_equal(t.positions[0].women, 1);
	assert_string_equal(t.positions[1].position, "");
	assert_string_equal(t.positions[2].position, "cán bộ giảm nghèo xã");
	assert_int_equal(t.positions[2].people, 1);
	cap_tally_free(&t);
	cap_tally_of(a, 0, &t);
	assert_int_equal(t.people, 0);
	assert_int_equal(t.npositions, 0);
	cap_tally_free(&t);
}

static void test_shares_and_lengths(void **state)
{
	(void)state;
	assert_int_equal(cap_share_hundredths(1, 3), 3333);
	assert_int_equal(cap_share_hundredths(2, 3), 6667);
	assert_int_equal(cap_share_hundredths(4, 4), 10000);
	assert_int_equal(cap_share_hundredths(5, 4), 12500); /* counts entered too low show */
	assert_int_equal(cap_share_hundredths(0, 7), 0);
	assert_int_equal(cap_share_hundredths(3, 0), -1);
	assert_int_equal(cap_span_days(D(2025, 3, 10), D(2025, 3, 11)), 2);
	assert_int_equal(cap_span_days(D(2025, 3, 10), D(2025, 3, 10)), 1);
	assert_int_equal(cap_span_days(D(2025, 3, 10), D(2025, 3, 9)), 0);
	assert_true(cap_half_days_ok(1, D(2025, 6, 2), D(2025, 6, 2))); /* half a day */
	assert_true(cap_half_days_ok(4, D(2025, 6, 2), D(2025, 6, 3)));
	assert_false(cap_half_days_ok(5, D(2025, 6, 2), D(2025, 6, 3)));
	assert_false(cap_half_days_ok(0, D(2025, 6, 2), D(2025, 6, 3)));
	assert_false(cap_half_days_ok(1, D(2025, 6, 3), D(2025, 6, 2)));
	cap_kind k;
	assert_true(cap_kind_parse("study_tour", &k));
	assert_int_equal(k, CAP_STUDY_TOUR);
	assert_false(cap_kind_parse("party", &k));
	cap_level l;
	assert_true(cap_level_parse("central", &l));
	assert_string_equal(cap_level_label(l, false), "Trung ương");
}

/* ---- overdue, status moves ------------------------------------------------------------------ */

static void test_overdue_rule(void **state)
{
	(void)state;
	gn_date today = D(2025, 12, 31);
	assert_true(cap_overdue(CAP_OPEN, D(2025, 11, 30), today));
	assert_int_equal(cap_days_late(CAP_OPEN, D(2025, 11, 30), today), 31);
	assert_true(cap_overdue(CAP_IN_PROGRESS, D(2025, 12, 30), today));
	assert_int_equal(cap_days_late(CAP_IN_PROGRESS, D(2025, 12, 30), today), 1);
	/* due today is not late yet */
	assert_false(cap_overdue(CAP_OPEN, today, today));
	assert_int_equal(cap_days_late(CAP_OPEN, today, today), 0);
	/* resolved is never overdue */
	assert_false(cap_overdue(CAP_RESOLVED, D(2025, 1, 1), today));
	assert_int_equal(cap_days_late(CAP_RESOLVED, D(2025, 1, 1), today), 0);

	assert_true(cap_status_move_ok(CAP_OPEN, CAP_IN_PROGRESS));
	assert_true(cap_status_move_ok(CAP_OPEN, CAP_RESOLVED));
	assert_true(cap_status_move_ok(CAP_IN_PROGRESS, CAP_RESOLVED));
	assert_true(cap_status_move_ok(CAP_IN_PROGRESS, CAP_OPEN));
	assert_true(cap_status_move_ok(CAP_RESOLVED, CAP_IN_PROGRESS));
	assert_false(cap_status_move_ok(CAP_RESOLVED, CAP_OPEN));
	assert_false(cap_status_move_ok(CAP_OPEN, CAP_OPEN));
	cap_status s;
	assert_true(cap_status_parse("in_progress", &s));
	assert_int_equal(s, CAP_IN_PROGRESS);
	assert_false(cap_status_parse("overdue", &s)); /* derived, never stored */
}

static calendar *load_vn(void)
{
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/holidays/vn.csv", data);
	calendar *c = cal_new();
	gn_diag *d = diag_new(20);
	assert_int_equal(holidays_load_file(c, buf_cstr(&p), "vn.csv", d), GN_OK);
	diag_free(d);
	buf_free(&p);
	return c;
}

static void test_report_due(void **state)
{
	(void)state;
	calendar *c = load_vn();
	/* an ordinary month: Friday 10/10/2025 + 15 working days = Friday 31/10 */
	assert_int_equal(cap_report_due(c, D(2025, 10, 10), 15), D(2025, 10, 31));
	/* Tết 2025: 27/1-31/1 off, around the weekends 25-26/1 and 1-2/2 */
	assert_int_equal(cap_report_due(c, D(2025, 1, 24), 15), D(2025, 2, 21));
	assert_int_equal(cap_report_due(NULL, D(2025, 1, 24), 15), D(2025, 2, 14));
	/* 30/4-1/5 2025: Saturday 26/4 is worked, Friday 2/5 is off */
	assert_int_equal(cap_report_due(c, D(2025, 4, 25), 15), D(2025, 5, 20));
	assert_int_equal(cap_report_due(NULL, D(2025, 4, 25), 15), D(2025, 5, 16));
	/* late: submitted after the due date, or not yet and today is after it */
	gn_date due = D(2025, 10, 31);
	assert_false(cap_report_late(due, D(2025, 10, 31), D(2025, 12, 31)));
	assert_true(cap_report_late(due, D(2025, 11, 3), D(2025, 11, 3)));
	assert_false(cap_report_late(due, GN_DATE_MIN, D(2025, 10, 31)));
	assert_true(cap_report_late(due, GN_DATE_MIN, D(2025, 11, 1)));
	cal_free(c);
}

/* ---- files ------------------------------------------------------------------------------------ */

static bool has_error(const gn_diag *d, long line, const char *column)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind == DIAG_ERROR && it->line == line && strcmp(it->column, column) == 0)
			return true;
	}
	return false;
}

static void test_settings_file(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	assert_non_null(data);
	buf p;
	buf_init(&p, 0);
	buf_printf(&p, "%s/me/capacity.csv", data);
	cap_settings s;
	gn_diag *d = diag_new(20);
	assert_int_equal(cap_settings_load(buf_cstr(&p), "capacity.csv", &s, d), GN_OK);
	assert_int_equal(s.report_working_days, 15);
	assert_int_equal(s.staff_target_percent, 100);
	buf_free(&p);

	static const char bad[] = "key,value,note\n"
				  "mission_report_working_days,fifteen,\n"
				  "staff_trained_targett_percent,100,\n"
				  "mission_report_working_days,15,\n"
				  "mission_report_working_days,20,\n";
	diag_clear(d);
	assert_int_equal(cap_settings_parse("s.csv", bad, sizeof bad - 1, &s, d), GN_EINPUT);
	assert_true(has_error(d, 2, "value"));
	assert_true(has_error(d, 3, "key"));
	assert_true(has_error(d, 5, "key"));        /* listed twice */
	assert_true(has_error(d, 0, "key"));        /* the target is missing */
	assert_int_equal(diag_errors(d), 4);
	diag_free(d);
}

static void test_participants_file(void **state)
{
	(void)state;
	static const char good[] = "unit_code,full_name,sex,staff,position,birth_year\n"
				   "00001,  Lò   Thị Mai ,NỮ,có,cán bộ giảm nghèo xã,1985\n"
				   "V001,Quàng Văn Sáu,nam,,trưởng thôn,\n"
				   "V001,\"Hà, Văn Ba\",M,x,,1990\n";
	gn_diag *d = diag_new(20);
	cap_participant_row *r;
	size_t n;
	assert_int_equal(cap_participants_parse("l.csv", good, sizeof good - 1, d, &r, &n), GN_OK);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].full_name, "Lò Thị Mai");
	assert_int_equal(r[0].sex, 'F');
	assert_true(r[0].staff);
	assert_int_equal(r[0].birth_year, 1985);
	assert_int_equal(r[0].line, 2);
	assert_int_equal(r[1].sex, 'M');
	assert_false(r[1].staff);
	assert_int_equal(r[1].birth_year, 0);
	assert_string_equal(r[1].position, "trưởng thôn");
	assert_string_equal(r[2].full_name, "Hà, Văn Ba");
	assert_true(r[2].staff);
	cap_participants_free(r, n);

	static const char bad[] = "full_name,sex,birth_year,unit_code,staff\n"
				  ",F,1980,00001,\n"
				  "Lò Thị Mai,W,1980,00001,\n"
				  "Lò Thị Mai,F,80,00001,maybe\n"
				  "Lò Thị Mai,F,1980,,\n"
				  "Lò Thị Mai,F\n";
	diag_clear(d);
	assert_int_equal(cap_participants_parse("l.csv", bad, sizeof bad - 1, d, &r, &n), GN_EINPUT);
	assert_null(r);
	assert_true(has_error(d, 2, "full_name"));
	assert_true(has_error(d, 3, "sex"));
	assert_true(has_error(d, 4, "birth_year"));
	assert_true(has_error(d, 4, "staff"));
	assert_true(has_error(d, 5, "unit_code"));
	assert_true(has_error(d, 6, "birth_year")); /* the record is short: the first missing column */
	diag_clear(d);
	static const char nobody[] = "full_name,sex,unit_code\n";
	assert_int_equal(cap_participants_parse("l.csv", nobody, sizeof nobody - 1, d, &r, &n),
			 GN_EINPUT);
	static const char nohead[] = "name,sex\nA,M\n";
	diag_clear(d);
	assert_int_equal(cap_participants_parse("l.csv", nohead, sizeof nohead - 1, d, &r, &n),
			 GN_EINPUT);
	assert_true(has_error(d, 1, "full_name") || has_error(d, 1, ""));
	diag_free(d);

	char *clean;
	assert_int_equal(cap_clean_name(" a \t b  ", 8, &clean), GN_OK);
	assert_string_equal(clean, "a b");
	free(clean);
	assert_int_equal(cap_clean_name("a\x01", 2, &clean), GN_EINPUT);
}

/* ---- the store ----------------------------------------------------------------------------------- */

typedef struct fixture {
	char dir[64];
	char path[96];
	store *st;
} fixture;

static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_capacity_XXXXXX");
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

static size_t audit_rows(store *st, const char *key, const char *field)
{
	st_audit *a;
	size_t n, k = 0;
	assert_int_equal(store_audit_of(st, key, &a, &n), GN_OK);
	for (size_t i = 0; i < n; i++)
		k += strcmp(a[i].field, field) == 0;
	store_audit_free(a, n);
	return k;
}

static st_person P(const char *name, char sex, int by, const char *unit, bool staff)
{
	st_person p = {0};
	p.full_name = (char *)name;
	p.sex = sex;
	p.birth_year = by;
	snprintf(p.unit_code, sizeof p.unit_code, "%s", unit);
	p.position = (char *)"";
	p.staff = staff;
	return p;
}

typedef struct rows {
	size_t n, staff;
	int64_t people[16];
} rows;

static bool collect(void *ctx, const st_attendance_row *r)
{
	rows *x = ctx;
	if (x->n < 16)
		x->people[x->n] = r->person_id;
	x->n++;
	x->staff += r->staff;
	return true;
}

static bool sum_staff(void *ctx, const char *unit, int64_t staff)
{
	(void)unit;
	*(int64_t *)ctx += staff;
	return true;
}

static void test_store_training(void **state)
{
	store *st = ((fixture *)*state)->st;
	st_person mai = P("Lò Thị Mai", 'F', 1985, "00001", true);
	assert_int_equal(store_person_add(st, &mai, 7), GN_OK);
	assert_true(mai.id > 0);
	/* the same person typed without marks or in capitals: a duplicate */
	st_person again = P("LO THI MAI", 'F', 1985, "00001", false);
	assert_int_equal(store_person_add(st, &again, 7), GN_EEXIST);
	/* the same name elsewhere, or another year of birth: someone else */
	st_person other = P("Lò Thị Mai", 'F', 1985, "00002", false);
	assert_int_equal(store_person_add(st, &other, 7), GN_OK);
	st_person young = P("Lò Thị Mai", 'F', 2001, "00001", false);
	assert_int_equal(store_person_add(st, &young, 7), GN_OK);
	st_person bad = P("", 'F', 0, "00001", false);
	assert_int_equal(store_person_add(st, &bad, 7), GN_EINPUT);
	st_person *same;
	size_t ns;
	assert_int_equal(store_persons_same_name(st, "00001", "lò thị mai", &same, &ns), GN_OK);
	assert_int_equal(ns, 2);
	store_persons_free(same, ns);
	const char *x[] = {"00001"};
	assert_int_equal(store_persons_find(st, x, 1, "mai", 10, &same, &ns), GN_OK);
	assert_int_equal(ns, 2);
	store_persons_free(same, ns);
	assert_int_equal(store_persons_find(st, NULL, 0, "", 10, &same, &ns), GN_OK);
	assert_int_equal(ns, 3);
	store_persons_free(same, ns);

	st_training_class k = {0};
	snprintf(k.kind, sizeof k.kind, "training");
	k.title = (char *)"Tập huấn";
	snprintf(k.unit_code, sizeof k.unit_code, "00001");
	snprintf(k.level, sizeof k.level, "commune");
	snprintf(k.start_date, sizeof k.start_date, "2025-03-10");
	snprintf(k.end_date, sizeof k.end_date, "2025-03-11");
	k.half_days = 4;
	k.funding = -1;
	assert_int_equal(store_training_class_add(st, &k, 7), GN_OK);
	st_training_class k2 = k;
	snprintf(k2.kind, sizeof k2.kind, "conference");
	snprintf(k2.start_date, sizeof k2.start_date, "2024-12-30");
	snprintf(k2.end_date, sizeof k2.end_date, "2025-01-02");
	assert_int_equal(store_training_class_add(st, &k2, 7), GN_OK);
	assert_int_equal(store_training_attend(st, k.id, mai.id, 7), GN_OK);
	assert_int_equal(store_training_attend(st, k.id, mai.id, 7), GN_EEXIST);
	assert_int_equal(store_training_attend(st, k.id, 999, 7), GN_ENOTFOUND);
	assert_int_equal(store_training_attend(st, k.id, other.id, 7), GN_OK);
	assert_int_equal(store_training_attend(st, k2.id, mai.id, 7), GN_OK);
	/* 2025: the class of March only (the other started in 2024) */
	rows r = {0};
	assert_int_equal(store_training_attendance(st, 2025, NULL, 0, collect, &r), GN_OK);
	assert_int_equal(r.n, 2);
	r = (rows){0};
	assert_int_equal(store_training_attendance(st, 2025, x, 1, collect, &r), GN_OK);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.people[0], mai.id);
	assert_int_equal(r.staff, 1);
	r = (rows){0};
	assert_int_equal(store_training_attendance(st, 2024, x, 1, collect, &r), GN_OK);
	assert_int_equal(r.n, 1);

	st_training_class got;
	assert_int_equal(store_training_class_get(st, k.id, &got), GN_OK);
	assert_int_equal(got.participants, 2);
	assert_int_equal(got.funding, -1);
	assert_string_equal(got.project, "DA7.1");
	got.funding = 5000000;
	free(got.place);
	got.place = gn_xstrdup("Hội trường");
	assert_int_equal(store_training_class_update(st, &got, 8), GN_OK);
	st_training_class_clear(&got);
	assert_int_equal(audit_rows(st, "training/class/1", "funding"), 1);
	assert_int_equal(audit_rows(st, "training/class/1", "place"), 1);
	assert_int_equal(audit_rows(st, "training/class/1", "participant"), 2);

	st_training_filter tf = {.unit_codes = (const char *const[]){"00002"}, .nunits = 1,
				 .year = 2025};
	st_training_class *list;
	size_t nl;
	/* organised by 00001, attended by a person of 00002 */
	assert_int_equal(store_training_classes_list(st, &tf, &list, &nl), GN_OK);
	assert_int_equal(nl, 1);
	store_training_classes_free(list, nl);
	tf.organised_only = true;
	assert_int_equal(store_training_classes_list(st, &tf, &list, &nl), GN_OK);
	assert_int_equal(nl, 0);
	store_training_classes_free(list, nl);

	assert_int_equal(store_training_unattend(st, k.id, other.id, 7), GN_OK);
	assert_int_equal(store_training_unattend(st, k.id, other.id, 7), GN_ENOTFOUND);
	st_person *pp;
	size_t np;
	assert_int_equal(store_training_participants(st, k.id, &pp, &np), GN_OK);
	assert_int_equal(np, 1);
	assert_string_equal(pp[0].full_name, "Lò Thị Mai");
	store_persons_free(pp, np);

	/* the person renamed onto another's key: refused */
	st_person moved = young;
	moved.birth_year = 1985;
	assert_int_equal(store_person_update(st, &moved, 7), GN_EEXIST);
	moved.birth_year = 2002;
	moved.staff = true;
	assert_int_equal(store_person_update(st, &moved, 7), GN_OK);
	char key[48];
	snprintf(key, sizeof key, "training/person/%lld", (long long)young.id);
	assert_int_equal(audit_rows(st, key, "birth_year"), 1);
	assert_int_equal(audit_rows(st, key, "staff"), 1);

	int64_t total = 0;
	assert_int_equal(store_training_staff_put(st, "00001", 2025, 4, 7), GN_OK);
	assert_int_equal(store_training_staff_put(st, "00001", 2025, 5, 7), GN_OK);
	assert_int_equal(store_training_staff_put(st, "V001", 2025, 2, 7), GN_OK);
	assert_int_equal(store_training_staff_each(st, 2025, NULL, 0, sum_staff, &total), GN_OK);
	assert_int_equal(total, 7);
	assert_int_equal(store_training_staff_put(st, "V001", 2025, -1, 7), GN_OK);
	total = 0;
	assert_int_equal(store_training_staff_each(st, 2025, x, 1, sum_staff, &total), GN_OK);
	assert_int_equal(total, 5);
	assert_int_equal(audit_rows(st, "training/staff/00001/2025", "staff"), 2);
	assert_int_equal(audit_rows(st, "training/staff/V001/2025", "staff"), 2);
}

static void test_store_inspections(void **state)
{
	store *st = ((fixture *)*state)->st;
	char units[3][ST_CODE] = {"00002", "00001", "00001"};
	st_mission m = {0};
	snprintf(m.kind, sizeof m.kind, "monitoring");
	m.name = (char *)"Giám sát 2025";
	m.decision_no = (char *)"45/QĐ-UBND";
	snprintf(m.unit_code, sizeof m.unit_code, "01");
	snprintf(m.start_date, sizeof m.start_date, "2025-10-06");
	snprintf(m.end_date, sizeof m.end_date, "2025-10-10");
	m.team = (char *)"";
	m.units = units;
	m.nunits = 3;
	assert_int_equal(store_mission_add(st, &m, 7), GN_OK);
	st_mission got;
	assert_int_equal(store_mission_get(st, m.id, &got), GN_OK);
	assert_int_equal(got.nunits, 2); /* in code order, once */
	assert_string_equal(got.units[0], "00001");
	assert_string_equal(got.units[1], "00002");
	assert_string_equal(got.project, "DA7.2");
	snprintf(got.report_date, sizeof got.report_date, "2025-10-30");
	got.nunits = 1;
	assert_int_equal(store_mission_update(st, &got, 8), GN_OK);
	st_mission_clear(&got);
	assert_int_equal(store_mission_get(st, m.id, &got), GN_OK);
	assert_int_equal(got.nunits, 1);
	assert_string_equal(got.report_date, "2025-10-30");
	st_mission_clear(&got);
	assert_int_equal(audit_rows(st, "inspection/mission/1", "units"), 2);
	assert_int_equal(audit_rows(st, "inspection/mission/1", "report_date"), 1);

	st_finding f[2] = {{0, 0, "00001", (char *)"Thiếu biên bản"}, {0, 0, "", (char *)"Chung"}};
	assert_int_equal(store_findings_set(st, m.id, f, 2, 7), GN_OK);
	assert_true(f[0].id > 0 && f[1].id > f[0].id);
	st_finding g[2] = {{f[1].id, 0, "", (char *)"Chung, đã sửa"}, {0, 0, "", (char *)"Mới"}};
	assert_int_equal(store_findings_set(st, m.id, g, 2, 7), GN_OK);
	st_finding *fs;
	size_t nf;
	assert_int_equal(store_findings_of(st, m.id, &fs, &nf), GN_OK);
	assert_int_equal(nf, 2);
	assert_string_equal(fs[0].text, "Chung, đã sửa");
	assert_string_equal(fs[1].text, "Mới");
	store_findings_free(fs, nf);
	st_finding h[1] = {{9999, 0, "", (char *)"?"}};
	assert_int_equal(store_findings_set(st, m.id, h, 1, 7), GN_ENOTFOUND);
	assert_int_equal(store_findings_of(st, m.id, &fs, &nf), GN_OK);
	assert_int_equal(nf, 2); /* nothing changed */
	store_findings_free(fs, nf);
	assert_int_equal(audit_rows(st, "inspection/mission/1", "deleted"), 1);

	st_recommendation r = {0};
	r.mission_id = m.id;
	r.text = (char *)"Bổ sung biên bản";
	snprintf(r.unit_code, sizeof r.unit_code, "00001");
	snprintf(r.due_date, sizeof r.due_date, "2025-11-30");
	assert_int_equal(store_recommendation_add(st, &r, 7), GN_OK);
	st_recommendation r2 = r;
	snprintf(r2.unit_code, sizeof r2.unit_code, "00002");
	snprintf(r2.due_date, sizeof r2.due_date, "2025-11-01");
	r2.status[0] = '\0';
	assert_int_equal(store_recommendation_add(st, &r2, 7), GN_OK);
	st_recommendation *rs;
	size_t nr;
	st_recommendation_filter rf = {.unit_codes = (const char *const[]){"00001"}, .nunits = 1};
	assert_int_equal(store_recommendations_list(st, &rf, &rs, &nr), GN_OK);
	assert_int_equal(nr, 1);
	assert_string_equal(rs[0].status, "open");
	store_recommendations_free(rs, nr);
	rf = (st_recommendation_filter){.mission_id = m.id};
	assert_int_equal(store_recommendations_list(st, &rf, &rs, &nr), GN_OK);
	assert_int_equal(nr, 2);
	assert_int_equal(rs[0].id, r2.id); /* by due date */
	store_recommendations_free(rs, nr);

	st_recommendation cur;
	assert_int_equal(store_recommendation_get(st, r.id, &cur), GN_OK);
	snprintf(cur.status, sizeof cur.status, "resolved");
	snprintf(cur.resolved_date, sizeof cur.resolved_date, "2025-12-20");
	free(cur.evidence);
	cur.evidence = gn_xstrdup("Đã bổ sung");
	assert_int_equal(store_recommendation_update(st, &cur, 9), GN_OK);
	st_recommendation_clear(&cur);
	rf = (st_recommendation_filter){.mission_id = m.id, .unresolved = true};
	assert_int_equal(store_recommendations_list(st, &rf, &rs, &nr), GN_OK);
	assert_int_equal(nr, 1);
	store_recommendations_free(rs, nr);
	assert_int_equal(store_evidence_put(st, r.id, "bb.pdf", "application/pdf", "%PDF", 4, 9),
			 GN_OK);
	assert_int_equal(store_evidence_put(st, r.id, "bb2.pdf", "application/pdf", "%PDF-1", 6, 9),
			 GN_OK);
	char name[ST_NAME], type[64];
	void *data;
	size_t len;
	assert_int_equal(store_evidence_get(st, r.id, name, type, &data, &len), GN_OK);
	assert_string_equal(name, "bb2.pdf");
	assert_int_equal(len, 6);
	assert_memory_equal(data, "%PDF-1", 6);
	free(data);
	assert_int_equal(store_evidence_get(st, r2.id, name, type, &data, &len), GN_ENOTFOUND);
	assert_int_equal(store_recommendation_get(st, r.id, &cur), GN_OK);
	assert_string_equal(cur.file_name, "bb2.pdf");
	assert_int_equal(cur.file_size, 6);
	st_recommendation_clear(&cur);
	char key[96];
	snprintf(key, sizeof key, "inspection/mission/%lld/recommendation/%lld", (long long)m.id,
		 (long long)r.id);
	assert_int_equal(audit_rows(st, key, "status"), 1);
	assert_int_equal(audit_rows(st, key, "evidence_file"), 2);
	/* the mission, three findings, two recommendations */
	assert_int_equal(audit_rows(st, "inspection/mission/1", "created"), 6);

	/* the missions of a unit: inspecting, inspected or responsible */
	st_mission *ms;
	size_t nm;
	st_mission_filter mf = {.unit_codes = (const char *const[]){"00002"}, .nunits = 1};
	assert_int_equal(store_missions_list(st, &mf, &ms, &nm), GN_OK);
	assert_int_equal(nm, 1); /* through its recommendation: no longer inspected */
	store_missions_free(ms, nm);
	mf = (st_mission_filter){.unit_codes = (const char *const[]){"V009"}, .nunits = 1};
	assert_int_equal(store_missions_list(st, &mf, &ms, &nm), GN_OK);
	assert_int_equal(nm, 0);
	store_missions_free(ms, nm);
}

static bool unit_00001(void *ctx, const char *unit)
{
	(void)ctx;
	return strcmp(unit, "00001") == 0;
}

/* The rule that picks a registered person (app/capacity.h), and a pasted
 * list recorded all or nothing. */
static void test_pick_person(void **state)
{
	store *st = ((fixture *)*state)->st;
	int64_t id, id2;
	st_person mai = P("Lò Thị Mai", 'F', 0, "00001", true);
	assert_int_equal(capacity_pick_person(st, &mai, 7, &id), GN_OK); /* registered */
	st_person typed = P("lo thi  mai", 'F', 1985, "00001", false);
	/* a year now, none before: the one Mai of the unit */
	assert_int_equal(capacity_pick_person(st, &typed, 7, &id2), GN_OK);
	assert_int_equal(id2, id);
	st_person other = P("Lò Thị Mai", 'F', 1990, "00001", false);
	st_person tmp = other;
	assert_int_equal(store_person_add(st, &tmp, 7), GN_OK); /* a second Mai, born 1990 */
	assert_int_equal(capacity_pick_person(st, &other, 7, &id2), GN_OK);
	assert_int_equal(id2, tmp.id);
	/* two Mai now and no year: the caller must choose */
	st_person vague = P("LÒ THỊ MAI", 'F', 0, "00001", false);
	assert_int_equal(capacity_pick_person(st, &vague, 7, &id2), GN_EINPUT);
	/* elsewhere: someone new */
	st_person there = P("Lò Thị Mai", 'F', 0, "00002", false);
	assert_int_equal(capacity_pick_person(st, &there, 7, &id2), GN_OK);
	assert_true(id2 != id && id2 != tmp.id);

	st_training_class k = {0};
	snprintf(k.kind, sizeof k.kind, "training");
	k.title = (char *)"Lớp";
	snprintf(k.unit_code, sizeof k.unit_code, "00001");
	snprintf(k.level, sizeof k.level, "commune");
	snprintf(k.start_date, sizeof k.start_date, "2025-03-10");
	snprintf(k.end_date, sizeof k.end_date, "2025-03-10");
	k.half_days = 2;
	k.funding = -1;
	assert_int_equal(store_training_class_add(st, &k, 7), GN_OK);
	static const char list[] = "full_name,sex,birth_year,unit_code\n"
				   "Lò Thị Mai,F,1990,00001\n"
				   "Hà Văn Mới,M,,00001\n"
				   "Hà Văn Ba,M,,00002\n"
				   "Lo Thi Mai,F,1990,00001\n";
	gn_diag *d = diag_new(20);
	cap_participant_row *list_rows;
	size_t n;
	assert_int_equal(cap_participants_parse("l.csv", list, sizeof list - 1, d, &list_rows, &n), GN_OK);
	int64_t added, already;
	assert_int_equal(store_begin(st), GN_OK);
	assert_int_equal(capacity_add_participants(st, k.id, list_rows, n, unit_00001, NULL, 7, "l.csv", d,
						   &added, &already),
			 GN_EINPUT);
	store_rollback(st);
	assert_true(has_error(d, 4, "unit_code"));
	assert_true(has_error(d, 5, "full_name")); /* the same person as on line 2 */
	assert_int_equal(diag_errors(d), 2);
	cap_participants_free(list_rows, n);
	/* nothing written: "Hà Văn Mới" was not registered */
	st_person *found;
	size_t nf;
	assert_int_equal(store_persons_find(st, NULL, 0, "moi", 10, &found, &nf), GN_OK);
	assert_int_equal(nf, 0);
	store_persons_free(found, nf);

	static const char good[] = "full_name,sex,birth_year,unit_code\n"
				   "Lò Thị Mai,F,1990,00001\n"
				   "Hà Văn Mới,M,,00001\n";
	diag_clear(d);
	assert_int_equal(cap_participants_parse("l.csv", good, sizeof good - 1, d, &list_rows, &n), GN_OK);
	assert_int_equal(capacity_add_participants(st, k.id, list_rows, n, unit_00001, NULL, 7, "l.csv", d,
						   &added, &already),
			 GN_OK);
	assert_int_equal(added, 2);
	assert_int_equal(already, 0);
	assert_int_equal(capacity_add_participants(st, k.id, list_rows, n, unit_00001, NULL, 7, "l.csv", d,
						   &added, &already),
			 GN_OK);
	assert_int_equal(added, 0);
	assert_int_equal(already, 2);
	cap_participants_free(list_rows, n);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally_distinct),
		cmocka_unit_test(test_shares_and_lengths),
		cmocka_unit_test(test_overdue_rule),
		cmocka_unit_test(test_report_due),
		cmocka_unit_test(test_settings_file),
		cmocka_unit_test(test_participants_file),
		cmocka_unit_test_setup_teardown(test_store_training, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_inspections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pick_person, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
