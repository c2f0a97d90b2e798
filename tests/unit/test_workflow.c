/* test_workflow.c - the review workflow (app/workflow.h): the table's
 * shape, the pure decisions (role, state, checks, fields, outcome) of
 * every action, and whole rounds applied to a real store (reviews
 * approved then locked, tallies by transition, events in order, audit),
 * plus the regular round of applications. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/workflow.h"
#include "core/mem.h"
#include "io/holidays_file.h"

static gn_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static review_procedure proc(void)
{
	review_procedure p;
	procedure_defaults(&p);
	return p;
}

/* ---- the table ---------------------------------------------------------------- */

static void test_table_shape(void **state)
{
	(void)state;
	size_t n;
	const wf_transition *t = wf_table(&n);
	assert_true(n >= 10);
	bool reached[WF_STATE_COUNT] = {false};
	reached[WF_LIST] = reached[WF_OPEN] = true;
	for (size_t i = 0; i < n; i++) {
		reached[t[i].to] = true;
		/* one capability per action, whatever the state */
		for (size_t k = 0; k < n; k++)
			if (t[k].action == t[i].action)
				assert_int_equal(t[k].needs, t[i].needs);
		/* no two rows for the same state, action and outcome */
		for (size_t k = i + 1; k < n; k++)
			assert_false(t[k].kind == t[i].kind && t[k].from == t[i].from &&
				     t[k].action == t[i].action && t[k].when == t[i].when);
		assert_true(t[i].from != WF_APPROVED); /* final */
		if (t[i].action == WA_APPROVE)
			assert_int_equal(t[i].needs, WF_CAP_CHAIR);
		else
			assert_int_equal(t[i].needs, WF_CAP_OFFICER);
	}
	for (int s = 0; s < WF_STATE_COUNT; s++)
		assert_true(reached[s]);
	/* names round-trip */
	for (int s = 0; s < WF_STATE_COUNT; s++) {
		wf_state x;
		assert_true(wf_state_parse(wf_state_name((wf_state)s), &x));
		assert_int_equal(x, s);
		assert_true(strlen(wf_state_label((wf_state)s, false)) > 0);
	}
	for (int a = 0; a < WA_COUNT; a++) {
		wf_action x;
		assert_true(wf_action_parse(wf_action_at((wf_action)a)->name, &x));
		assert_int_equal(x, a);
	}
	wf_action x;
	assert_false(wf_action_parse("delete_everything", &x));
	assert_string_equal(wf_check_name(WC_POSTING_OVER), "posting_over");
	assert_int_equal(wf_initial_state(WF_PERIODIC), WF_LIST);
	assert_int_equal(wf_initial_state(WF_REGULAR), WF_OPEN);
}

/* ---- pure decisions --------------------------------------------------------------- */

typedef struct world {
	st_round r;
	st_complaint c[4];
	size_t nc;
	st_application a[4];
	bool reviewed[4];
	size_t na;
	review_procedure p;
	wf_view v;
} world;

static void world_init(world *w, const char *kind, const char *state)
{
	memset(w, 0, sizeof *w);
	snprintf(w->r.unit_code, sizeof w->r.unit_code, "00001");
	w->r.id = 1;
	w->r.year = 2025;
	snprintf(w->r.kind, sizeof w->r.kind, "%s", kind);
	w->r.month = strcmp(kind, "regular") == 0 ? 3 : 0;
	snprintf(w->r.state, sizeof w->r.state, "%s", state);
	w->p = proc();
	w->v.round = &w->r;
	w->v.complaints = w->c;
	w->v.apps = w->a;
	w->v.app_reviewed = w->reviewed;
	w->v.nreviews = 3;
	w->v.today = D(2025, 12, 31);
	w->v.proc = &w->p;
}

static void sync_view(world *w)
{
	w->v.ncomplaints = w->nc;
	w->v.napps = w->na;
}

static bool field_named(const wf_result *r, const char *name)
{
	for (size_t i = 0; i < r->nerrors; i++)
		if (strcmp(r->errors[i].field, name) == 0)
			return true;
	return false;
}

static const unsigned OFFICER = WF_CAP_OFFICER;
static const unsigned CHAIR = WF_CAP_OFFICER | WF_CAP_CHAIR;

static void test_roles_and_states(void **state)
{
	(void)state;
	world w;
	world_init(&w, "periodic", "list");
	sync_view(&w);
	wf_input in = {0};
	wf_result r;
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_SURVEY);
	/* a role without the capability */
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, 0, &in, &r), WF_EROLE);
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, WF_CAP_CHAIR, &in, &r), WF_EROLE);
	/* approve: the officer is refused whatever the state (403 before 409) */
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, OFFICER, &in, &r), WF_EROLE);
	/* the chair: not in this state */
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ESTATE);
	/* actions of the other kind of round */
	assert_int_equal(wf_decide(&w.v, WA_SURVEY_APPLICATION, OFFICER, &in, &r), WF_ESTATE);
	/* an unknown note field type is fine; a field of another action is not */
	wf_input_set_text(&in, WFF_NOTE, "ghi chú");
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, OFFICER, &in, &r), WF_OK);
	wf_input_set_int(&in, WFF_ATTENDEES, 3);
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "attendees"));
	/* options: the officer sees start_survey, ready */
	wf_option o[WA_COUNT];
	assert_int_equal(wf_options(&w.v, OFFICER, o), 1);
	assert_int_equal(o[0].action, WA_START_SURVEY);
	assert_true(o[0].ready);
	assert_int_equal(wf_options(&w.v, 0, o), 0);
	/* a round in a state the table does not know */
	snprintf(w.r.state, sizeof w.r.state, "bogus");
	assert_int_equal(wf_decide(&w.v, WA_START_SURVEY, OFFICER, &in, &r), WF_ESTATE);
}

static void test_meeting(void **state)
{
	(void)state;
	world w;
	world_init(&w, "periodic", "survey");
	sync_view(&w);
	wf_input in = {0};
	wf_result r;
	/* fields missing */
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "meeting_date") && field_named(&r, "attendees") &&
		    field_named(&r, "votes_for"));
	wf_input_set_date(&in, WFF_MEETING_DATE, D(2025, 11, 10));
	wf_input_set_int(&in, WFF_ATTENDEES, 40);
	wf_input_set_int(&in, WFF_VOTES_FOR, 19);
	/* 19 of 40: less than half, back to survey */
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->when, WHEN_MEETING_FAILS);
	assert_int_equal(r.row->to, WF_SURVEY);
	/* 20 of 40: exactly half passes */
	wf_input_set_int(&in, WFF_VOTES_FOR, 20);
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_MEETING);
	/* the percentage is data */
	w.p.meeting_pass_pct = 75;
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_SURVEY);
	w.p.meeting_pass_pct = 50;
	/* more votes than attendees; no attendee; a future date */
	wf_input_set_int(&in, WFF_VOTES_FOR, 41);
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "votes_for"));
	wf_input_set_int(&in, WFF_VOTES_FOR, 0);
	wf_input_set_int(&in, WFF_ATTENDEES, 0);
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "attendees"));
	wf_input_set_int(&in, WFF_ATTENDEES, 10);
	wf_input_set_date(&in, WFF_MEETING_DATE, D(2026, 1, 1));
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "meeting_date"));
	/* no review entered: the check, before the fields */
	w.v.nreviews = 0;
	assert_int_equal(wf_decide(&w.v, WA_RECORD_MEETING, OFFICER, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_REVIEWS_ENTERED);
	wf_option o[WA_COUNT];
	assert_int_equal(wf_options(&w.v, OFFICER, o), 1);
	assert_false(o[0].ready);
	assert_int_equal(o[0].blocked, WC_REVIEWS_ENTERED);
}

static bool only_x(void *ctx, const char *id)
{
	(void)ctx;
	return id[0] == 'X';
}

static void test_posting_and_complaints(void **state)
{
	(void)state;
	world w;
	world_init(&w, "periodic", "meeting");
	snprintf(w.r.meeting_date, sizeof w.r.meeting_date, "2025-11-10");
	sync_view(&w);
	wf_input in = {0};
	wf_result r;
	/* before the meeting: no */
	wf_input_set_date(&in, WFF_START, D(2025, 11, 7));
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "start"));
	/* Friday 14/11/2025: 3 working days later, Wednesday 19/11 */
	wf_input_set_date(&in, WFF_START, D(2025, 11, 14));
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_POSTING);
	assert_int_equal(r.posting_end, D(2025, 11, 19));
	/* the number of days is data */
	w.p.posting_days = 5;
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.posting_end, D(2025, 11, 21));
	w.p.posting_days = 3;

	/* posting 14/11 - 19/11 */
	snprintf(w.r.state, sizeof w.r.state, "posting");
	snprintf(w.r.posting_start, sizeof w.r.posting_start, "2025-11-14");
	snprintf(w.r.posting_end, sizeof w.r.posting_end, "2025-11-19");
	w.r.postings = 1;
	memset(&in, 0, sizeof in);
	wf_input_set_date(&in, WFF_RECEIVED, D(2025, 11, 20)); /* after the end */
	wf_input_set_text(&in, WFF_TEXT, "Hộ tôi bị bỏ sót");
	assert_int_equal(wf_decide(&w.v, WA_ADD_COMPLAINT, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "received"));
	wf_input_set_date(&in, WFF_RECEIVED, D(2025, 11, 18));
	w.v.household_ok = only_x;
	wf_input_set_text(&in, WFF_HOUSEHOLD_ID, "Y1");
	assert_int_equal(wf_decide(&w.v, WA_ADD_COMPLAINT, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "household_id"));
	wf_input_set_text(&in, WFF_HOUSEHOLD_ID, "X1");
	assert_int_equal(wf_decide(&w.v, WA_ADD_COMPLAINT, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_RECHECK);
	/* an empty text is refused */
	wf_input_set_text(&in, WFF_TEXT, "");
	assert_int_equal(wf_decide(&w.v, WA_ADD_COMPLAINT, OFFICER, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "text"));

	/* the chair may not approve before the posting is over */
	w.v.today = D(2025, 11, 19);
	memset(&in, 0, sizeof in);
	wf_input_set_text(&in, WFF_DECISION_NO, "123/QĐ-UBND");
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 11, 19));
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_POSTING_OVER);
	w.v.today = D(2025, 11, 20);
	/* a decision dated within the posting */
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_EFIELDS);
	assert_true(field_named(&r, "decision_date"));
	/* ... or in the future */
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 11, 21));
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_EFIELDS);
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 11, 20));
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_APPROVED);
	/* a complaint not resolved blocks the approval */
	w.c[0] = (st_complaint){.id = 7, .round_id = 1, .status = "rechecked", .received = "2025-11-18"};
	w.nc = 1;
	sync_view(&w);
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_ALL_RESOLVED);

	/* recheck state */
	w.v.today = D(2025, 12, 31);
	snprintf(w.r.state, sizeof w.r.state, "recheck");
	snprintf(w.c[0].status, sizeof w.c[0].status, "open");
	memset(&in, 0, sizeof in);
	wf_input_set_date(&in, WFF_START, D(2025, 11, 21));
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_NO_OPEN_COMPLAINT);
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ESTATE);
	wf_input rc = {0};
	wf_input_set_int(&rc, WFF_COMPLAINT_ID, 8);
	wf_input_set_text(&rc, WFF_RESULT, "Đã phúc tra");
	wf_input_set_date(&rc, WFF_DATE, D(2025, 11, 19));
	assert_int_equal(wf_decide(&w.v, WA_RECHECK_COMPLAINT, OFFICER, &rc, &r), WF_EFIELDS);
	assert_true(field_named(&r, "complaint_id"));
	wf_input_set_int(&rc, WFF_COMPLAINT_ID, 7);
	wf_input_set_date(&rc, WFF_DATE, D(2025, 11, 17)); /* before it was received */
	assert_int_equal(wf_decide(&w.v, WA_RECHECK_COMPLAINT, OFFICER, &rc, &r), WF_EFIELDS);
	assert_true(field_named(&r, "date"));
	wf_input_set_date(&rc, WFF_DATE, D(2025, 11, 19));
	assert_int_equal(wf_decide(&w.v, WA_RECHECK_COMPLAINT, OFFICER, &rc, &r), WF_OK);
	assert_int_equal(r.row->to, WF_RECHECK);
	/* rechecked: a new posting, after the re-check and the previous start */
	snprintf(w.c[0].status, sizeof w.c[0].status, "rechecked");
	snprintf(w.c[0].rechecked_at, sizeof w.c[0].rechecked_at, "2025-11-19");
	wf_input_set_date(&in, WFF_START, D(2025, 11, 14));
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_EFIELDS);
	wf_input_set_date(&in, WFF_START, D(2025, 11, 21));
	assert_int_equal(wf_decide(&w.v, WA_START_POSTING, OFFICER, &in, &r), WF_OK);
	assert_int_equal(r.row->to, WF_POSTING);
	assert_int_equal(r.posting_end, D(2025, 11, 26));
	/* options in recheck for the chair: add_complaint, recheck, start_posting */
	wf_option o[WA_COUNT];
	assert_int_equal(wf_options(&w.v, CHAIR, o), 3);
}

static void test_posting_over_holidays(void **state)
{
	(void)state;
	calendar *cal = cal_new();
	const char *data = getenv("GNBV_DATA");
	char path[512];
	snprintf(path, sizeof path, "%s/holidays/vn.csv", data);
	gn_diag *d = diag_new(10);
	assert_int_equal(holidays_load_file(cal, path, "vn.csv", d), GN_OK);
	diag_free(d);
	review_procedure p = proc();
	/* Monday 29/12/2025: Tue 30, Wed 31, (1/1 off) Fri 2/1/2026 */
	assert_int_equal(wf_posting_end(cal, &p, D(2025, 12, 29)), D(2026, 1, 2));
	/* Friday 23/1/2026? no holiday: Wed 28/1 */
	assert_int_equal(wf_posting_end(cal, &p, D(2026, 1, 23)), D(2026, 1, 28));
	/* a complaint on Friday 13/2/2026, before Tết Bính Ngọ: due Wed 25/2 */
	assert_int_equal(wf_recheck_due(cal, &p, D(2026, 2, 13)), D(2026, 2, 25));
	gn_date from, to;
	wf_periodic_window(&p, 2025, &from, &to);
	assert_int_equal(from, D(2025, 9, 1));
	assert_int_equal(to, D(2025, 12, 14));
	int y, m;
	wf_regular_month(&p, D(2025, 3, 15), &y, &m);
	assert_true(y == 2025 && m == 3);
	wf_regular_month(&p, D(2025, 3, 16), &y, &m);
	assert_true(y == 2025 && m == 4);
	wf_regular_month(&p, D(2025, 12, 20), &y, &m);
	assert_true(y == 2026 && m == 1);
	cal_free(cal);
}

static void test_regular_decisions(void **state)
{
	(void)state;
	world w;
	world_init(&w, "regular", "open");
	sync_view(&w);
	wf_input in = {0};
	wf_result r;
	wf_input_set_text(&in, WFF_DECISION_NO, "5/QĐ");
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 3, 20));
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_HAS_APPLICATIONS);
	w.a[0] = (st_application){.id = 4, .household_id = "X1", .form = "01",
				  .date = "2025-03-02", .status = "registered", .round_id = 1};
	w.na = 1;
	sync_view(&w);
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_ECHECK);
	assert_int_equal(r.failed, WC_ALL_SURVEYED);
	wf_input s = {0};
	wf_input_set_int(&s, WFF_APPLICATION_ID, 4);
	assert_int_equal(wf_decide(&w.v, WA_SURVEY_APPLICATION, OFFICER, &s, &r), WF_EFIELDS);
	assert_true(field_named(&r, "application_id")); /* review not entered */
	w.reviewed[0] = true;
	assert_int_equal(wf_decide(&w.v, WA_SURVEY_APPLICATION, OFFICER, &s, &r), WF_OK);
	assert_int_equal(r.row->to, WF_OPEN);
	snprintf(w.a[0].status, sizeof w.a[0].status, "surveyed");
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_OK);
	/* not before the 15th of the round's month */
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 3, 14));
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, CHAIR, &in, &r), WF_EFIELDS);
	assert_int_equal(wf_decide(&w.v, WA_APPROVE, OFFICER, &in, &r), WF_EROLE);
}

/* ---- applied to a store -------------------------------------------------------------- */

typedef struct fixture {
	char dir[64];
	char path[96];
	store *st;
} fixture;

static int setup(void **state)
{
	fixture *f = gn_xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/gnbv_test_wf_XXXXXX");
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

static void put_review(store *st, const char *id, const char *unit, int year, const char *cls)
{
	st_household h = {0};
	snprintf(h.id, sizeof h.id, "%s", id);
	snprintf(h.unit_code, sizeof h.unit_code, "%s", unit);
	st_household probe;
	if (store_household_get(st, id, &probe) == GN_OK)
		st_household_clear(&probe);
	else
		assert_int_equal(store_household_put(st, &h, 1), GN_OK);
	st_review r = {0};
	snprintf(r.household_id, sizeof r.household_id, "%s", id);
	snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
	r.year = year;
	r.members = 3;
	r.income = -1;
	r.score_a = -1;
	snprintf(r.cls, sizeof r.cls, "%s", cls);
	assert_int_equal(store_review_put(st, &r, 1), GN_OK);
}

/* The view of a stored round, as the API builds it. */
typedef struct loaded {
	st_round r;
	st_complaint *c;
	size_t nc;
	st_application *a;
	size_t na;
	bool reviewed[16];
	review_procedure p;
	wf_view v;
} loaded;

static bool count_cb(void *ctx, const st_review *r)
{
	(void)r;
	(*(size_t *)ctx)++;
	return true;
}

static const char *const UNITS[] = {"00001", "V001"};

static void load(store *st, int64_t id, gn_date today, loaded *x)
{
	memset(x, 0, sizeof *x);
	assert_int_equal(store_round_get(st, id, &x->r), GN_OK);
	assert_int_equal(store_complaints_of(st, id, &x->c, &x->nc), GN_OK);
	st_application_filter af = {.round_id = id};
	assert_int_equal(store_applications_list(st, &af, &x->a, &x->na), GN_OK);
	for (size_t i = 0; i < x->na && i < 16; i++) {
		st_review rv;
		x->reviewed[i] = store_review_get(st, x->a[i].household_id, x->r.year, &rv) == GN_OK;
		if (x->reviewed[i])
			st_review_clear(&rv);
	}
	x->p = proc();
	x->v = (wf_view){.round = &x->r, .complaints = x->c, .ncomplaints = x->nc,
			 .apps = x->a, .app_reviewed = x->reviewed, .napps = x->na,
			 .today = today, .proc = &x->p};
	assert_int_equal(store_reviews_in_units(st, x->r.year, UNITS, 2, count_cb, &x->v.nreviews),
			 GN_OK);
}

static void unload(loaded *x)
{
	store_complaints_free(x->c, x->nc);
	store_applications_free(x->a, x->na);
}

/* Decides and applies in one transaction; returns the decision status. */
static wf_status act(store *st, int64_t id, gn_date today, wf_action a, unsigned caps,
		     const wf_input *in)
{
	loaded x;
	load(st, id, today, &x);
	wf_result res;
	wf_status s = wf_decide(&x.v, a, caps, in, &res);
	if (s == WF_OK) {
		assert_int_equal(store_begin(st), GN_OK);
		assert_int_equal(wf_apply(st, &x.v, a, in, &res, UNITS, 2, 9, NULL), GN_OK);
		assert_int_equal(store_commit(st), GN_OK);
	}
	unload(&x);
	return s;
}

static void test_periodic_round_in_store(void **state)
{
	fixture *f = *state;
	store *st = f->st;
	/* H1: poor in 2024, not poor in 2025 (escaped); H2: new poor in 2025;
	 * H3 in the village, near-poor both years; Z1 in another commune */
	put_review(st, "H1", "00001", 2024, "POOR");
	put_review(st, "H1", "00001", 2025, "NOT_POOR");
	put_review(st, "H2", "00001", 2025, "POOR");
	put_review(st, "H3", "V001", 2024, "NEAR_POOR");
	put_review(st, "H3", "V001", 2025, "NEAR_POOR");
	put_review(st, "Z1", "00002", 2025, "POOR");

	st_round r = {.year = 2025};
	snprintf(r.unit_code, sizeof r.unit_code, "00001");
	snprintf(r.kind, sizeof r.kind, "periodic");
	assert_int_equal(store_begin(st), GN_OK);
	assert_int_equal(wf_open_round(st, &r, 9), GN_OK);
	assert_int_equal(store_commit(st), GN_OK);
	assert_string_equal(r.state, "list");
	/* one periodic round per commune and year */
	st_round again = r;
	assert_int_equal(store_round_add(st, &again, 9), GN_EEXIST);
	/* kind and month must agree */
	st_round bad = r;
	bad.month = 3;
	assert_int_equal(store_round_add(st, &bad, 9), GN_EINPUT);

	gn_date today = D(2025, 12, 31);
	wf_input in = {0};
	assert_int_equal(act(st, r.id, today, WA_START_SURVEY, OFFICER, &in), WF_OK);
	/* a meeting that fails, then one that passes */
	wf_input_set_date(&in, WFF_MEETING_DATE, D(2025, 11, 3));
	wf_input_set_int(&in, WFF_ATTENDEES, 30);
	wf_input_set_int(&in, WFF_VOTES_FOR, 14);
	assert_int_equal(act(st, r.id, today, WA_RECORD_MEETING, OFFICER, &in), WF_OK);
	st_round got;
	assert_int_equal(store_round_get(st, r.id, &got), GN_OK);
	assert_string_equal(got.state, "survey");
	wf_input_set_date(&in, WFF_MEETING_DATE, D(2025, 11, 10));
	wf_input_set_int(&in, WFF_VOTES_FOR, 15);
	assert_int_equal(act(st, r.id, today, WA_RECORD_MEETING, OFFICER, &in), WF_OK);
	assert_int_equal(store_round_get(st, r.id, &got), GN_OK);
	assert_string_equal(got.state, "meeting");
	assert_int_equal(got.votes_for, 15);
	/* posting, a complaint, its re-check, a new posting */
	memset(&in, 0, sizeof in);
	wf_input_set_date(&in, WFF_START, D(2025, 11, 14));
	assert_int_equal(act(st, r.id, today, WA_START_POSTING, OFFICER, &in), WF_OK);
	assert_int_equal(store_round_get(st, r.id, &got), GN_OK);
	assert_string_equal(got.posting_end, "2025-11-19");
	memset(&in, 0, sizeof in);
	wf_input_set_date(&in, WFF_RECEIVED, D(2025, 11, 17));
	wf_input_set_text(&in, WFF_TEXT, "Hộ H2 chưa đúng");
	wf_input_set_text(&in, WFF_HOUSEHOLD_ID, "H2");
	assert_int_equal(act(st, r.id, today, WA_ADD_COMPLAINT, OFFICER, &in), WF_OK);
	st_complaint *c;
	size_t nc;
	assert_int_equal(store_complaints_of(st, r.id, &c, &nc), GN_OK);
	assert_int_equal(nc, 1);
	int64_t cid = c[0].id;
	assert_string_equal(c[0].status, "open");
	store_complaints_free(c, nc);
	memset(&in, 0, sizeof in);
	wf_input_set_int(&in, WFF_COMPLAINT_ID, cid);
	wf_input_set_text(&in, WFF_RESULT, "Giữ nguyên");
	wf_input_set_date(&in, WFF_DATE, D(2025, 11, 19));
	assert_int_equal(act(st, r.id, today, WA_RECHECK_COMPLAINT, OFFICER, &in), WF_OK);
	memset(&in, 0, sizeof in);
	wf_input_set_date(&in, WFF_START, D(2025, 11, 21));
	assert_int_equal(act(st, r.id, today, WA_START_POSTING, OFFICER, &in), WF_OK);
	assert_int_equal(store_round_get(st, r.id, &got), GN_OK);
	assert_string_equal(got.posting_start, "2025-11-21");
	assert_string_equal(got.posting_end, "2025-11-26");
	assert_int_equal(got.postings, 2);
	assert_int_equal(store_complaints_of(st, r.id, &c, &nc), GN_OK);
	assert_string_equal(c[0].status, "resolved");
	assert_string_equal(c[0].resolved_at, "2025-11-21");
	store_complaints_free(c, nc);
	/* the officer may not approve; the chair may, after the posting */
	memset(&in, 0, sizeof in);
	wf_input_set_text(&in, WFF_DECISION_NO, "45/QĐ-UBND");
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 11, 27));
	assert_int_equal(act(st, r.id, today, WA_APPROVE, OFFICER, &in), WF_EROLE);
	assert_int_equal(act(st, r.id, D(2025, 11, 26), WA_APPROVE, CHAIR, &in), WF_ECHECK);
	assert_int_equal(act(st, r.id, today, WA_APPROVE, CHAIR, &in), WF_OK);
	assert_int_equal(store_round_get(st, r.id, &got), GN_OK);
	assert_string_equal(got.state, "approved");
	assert_true(got.certified);
	assert_string_equal(got.decision_no, "45/QĐ-UBND");

	/* the commune's reviews of 2025 are locked, others untouched */
	st_review rv;
	static const char *const mine[] = {"H1", "H2", "H3"};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(store_review_get(st, mine[i], 2025, &rv), GN_OK);
		assert_string_equal(rv.status, "locked");
		assert_int_equal(rv.round_id, r.id);
		rv.members = 9;
		assert_int_equal(store_review_put(st, &rv, 1), GN_EINPUT);
		assert_int_equal(store_review_set_status(st, mine[i], 2025, "draft", 0, 1), GN_EINPUT);
		st_review_clear(&rv);
	}
	assert_int_equal(store_review_get(st, "Z1", 2025, &rv), GN_OK);
	assert_string_equal(rv.status, "draft");
	st_review_clear(&rv);
	assert_int_equal(store_review_get(st, "H1", 2024, &rv), GN_OK);
	assert_string_equal(rv.status, "draft");
	st_review_clear(&rv);
	/* approved then locked, in the audit */
	st_audit *au;
	size_t nau;
	assert_int_equal(store_audit_of(st, "H2/2025", &au, &nau), GN_OK);
	bool approved = false, locked = false;
	for (size_t i = 0; i < nau; i++) {
		if (strcmp(au[i].field, "status") != 0)
			continue;
		approved |= strcmp(au[i].new_value, "approved") == 0;
		locked |= strcmp(au[i].new_value, "locked") == 0 &&
			  strcmp(au[i].old_value, "approved") == 0;
	}
	assert_true(approved && locked);
	store_audit_free(au, nau);

	/* tallies: 3 reviews; escaped_poor H1, new_poor H2, remain_near H3 */
	st_tally *t;
	size_t nt;
	assert_int_equal(store_round_tallies(st, r.id, &t, &nt), GN_OK);
	int64_t total = -1, escaped = -1, newp = -1, remain_near = -1, poor = -1;
	for (size_t i = 0; i < nt; i++) {
		if (strcmp(t[i].kind, "total") == 0)
			total = t[i].households;
		if (strcmp(t[i].key, "escaped_poor") == 0)
			escaped = t[i].households;
		if (strcmp(t[i].key, "new_poor") == 0)
			newp = t[i].households;
		if (strcmp(t[i].key, "remain_near") == 0)
			remain_near = t[i].households;
		if (strcmp(t[i].kind, "class") == 0 && strcmp(t[i].key, "POOR") == 0)
			poor = t[i].households;
	}
	free(t);
	assert_int_equal(total, 3);
	assert_int_equal(escaped, 1);
	assert_int_equal(newp, 1);
	assert_int_equal(remain_near, 1);
	assert_int_equal(poor, 1);

	/* events in order */
	st_round_event *ev;
	size_t ne;
	assert_int_equal(store_round_events(st, r.id, &ev, &ne), GN_OK);
	static const char *const want[][3] = {
		{"open", "", "list"},
		{"start_survey", "list", "survey"},
		{"record_meeting", "survey", "survey"},
		{"record_meeting", "survey", "meeting"},
		{"start_posting", "meeting", "posting"},
		{"add_complaint", "posting", "recheck"},
		{"recheck_complaint", "recheck", "recheck"},
		{"start_posting", "recheck", "posting"},
		{"approve", "posting", "approved"},
	};
	assert_int_equal(ne, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < ne; i++) {
		assert_string_equal(ev[i].action, want[i][0]);
		assert_string_equal(ev[i].from_state, want[i][1]);
		assert_string_equal(ev[i].to_state, want[i][2]);
		assert_int_equal(ev[i].user_id, 9);
		if (i)
			assert_true(ev[i].id > ev[i - 1].id);
	}
	assert_string_equal(ev[2].note, "không đạt: 14/30");
	store_round_events_free(ev, ne);
	/* the round's audit */
	assert_int_equal(store_audit_of(st, "round/1", &au, &nau), GN_OK);
	bool created = false, state_change = false, tally_row = false, complaint = false;
	for (size_t i = 0; i < nau; i++) {
		created |= strcmp(au[i].field, "created") == 0 && strcmp(au[i].entity, "round") == 0;
		state_change |= strcmp(au[i].field, "state") == 0;
		tally_row |= strcmp(au[i].field, "tally.transition.new_poor") == 0;
		complaint |= strcmp(au[i].entity, "complaint") == 0;
	}
	assert_true(created && state_change && tally_row && complaint);
	store_audit_free(au, nau);
	/* listing */
	st_round *rs;
	size_t nr;
	const char *const codes[] = {"00001"};
	st_round_filter rf = {.unit_codes = codes, .nunits = 1, .year = 2025};
	assert_int_equal(store_rounds_list(st, &rf, &rs, &nr), GN_OK);
	assert_int_equal(nr, 1);
	free(rs);
	const char *const other[] = {"00002"};
	rf.unit_codes = other;
	assert_int_equal(store_rounds_list(st, &rf, &rs, &nr), GN_OK);
	assert_int_equal(nr, 0);
	free(rs);
}

static void test_regular_round_in_store(void **state)
{
	fixture *f = *state;
	store *st = f->st;
	put_review(st, "H1", "00001", 2024, "POOR");
	put_review(st, "H2", "00001", 2024, "NOT_POOR");
	review_procedure p = proc();
	/* two applications of March (up to the 15th), one of April */
	static const char *const dates[] = {"2025-03-02", "2025-03-15", "2025-03-16"};
	static const char *const who[] = {"H1", "H2", "H2"};
	static const char *const form[] = {"04", "01", "01"};
	int64_t ids[3], rounds[3];
	assert_int_equal(store_begin(st), GN_OK);
	for (size_t i = 0; i < 3; i++) {
		st_application a = {0};
		snprintf(a.household_id, sizeof a.household_id, "%s", who[i]);
		snprintf(a.unit_code, sizeof a.unit_code, "00001");
		snprintf(a.form, sizeof a.form, "%s", form[i]);
		snprintf(a.date, sizeof a.date, "%s", dates[i]);
		assert_int_equal(wf_register_application(st, &p, &a, 9), GN_OK);
		ids[i] = a.id;
		rounds[i] = a.round_id;
	}
	assert_int_equal(store_commit(st), GN_OK);
	assert_int_equal(rounds[0], rounds[1]);
	assert_true(rounds[2] != rounds[0]);
	st_round r;
	assert_int_equal(store_round_get(st, rounds[0], &r), GN_OK);
	assert_string_equal(r.kind, "regular");
	assert_int_equal(r.month, 3);
	assert_string_equal(r.state, "open");
	assert_int_equal(store_round_get(st, rounds[2], &r), GN_OK);
	assert_int_equal(r.month, 4);

	gn_date today = D(2025, 3, 25);
	wf_input in = {0};
	wf_input_set_text(&in, WFF_DECISION_NO, "7/QĐ");
	wf_input_set_date(&in, WFF_DECISION_DATE, D(2025, 3, 20));
	assert_int_equal(act(st, rounds[0], today, WA_APPROVE, CHAIR, &in), WF_ECHECK);
	/* the surveys: enter the 2025 reviews, then mark the applications */
	wf_input s = {0};
	wf_input_set_int(&s, WFF_APPLICATION_ID, ids[0]);
	assert_int_equal(act(st, rounds[0], today, WA_SURVEY_APPLICATION, OFFICER, &s), WF_EFIELDS);
	put_review(st, "H1", "00001", 2025, "NOT_POOR");
	put_review(st, "H2", "00001", 2025, "NEAR_POOR");
	assert_int_equal(act(st, rounds[0], today, WA_SURVEY_APPLICATION, OFFICER, &s), WF_OK);
	wf_input_set_int(&s, WFF_APPLICATION_ID, ids[1]);
	assert_int_equal(act(st, rounds[0], today, WA_SURVEY_APPLICATION, OFFICER, &s), WF_OK);
	/* April's application is not of this round */
	wf_input_set_int(&s, WFF_APPLICATION_ID, ids[2]);
	assert_int_equal(act(st, rounds[0], today, WA_SURVEY_APPLICATION, OFFICER, &s), WF_EFIELDS);
	assert_int_equal(act(st, rounds[0], today, WA_APPROVE, CHAIR, &in), WF_OK);
	st_application a;
	assert_int_equal(store_application_get(st, ids[0], &a), GN_OK);
	assert_string_equal(a.status, "approved");
	st_application_clear(&a);
	st_review rv;
	assert_int_equal(store_review_get(st, "H2", 2025, &rv), GN_OK);
	assert_string_equal(rv.status, "approved"); /* approved, not locked */
	st_review_clear(&rv);
	st_tally *t;
	size_t nt;
	assert_int_equal(store_round_tallies(st, rounds[0], &t, &nt), GN_OK);
	int64_t escaped = -1, new_near = -1;
	for (size_t i = 0; i < nt; i++) {
		if (strcmp(t[i].key, "escaped_poor") == 0)
			escaped = t[i].households;
		if (strcmp(t[i].key, "new_near") == 0)
			new_near = t[i].households;
	}
	free(t);
	assert_int_equal(escaped, 1);
	assert_int_equal(new_near, 1);
	/* March approved: a late March application goes to... April's round
	 * (its own month is April anyway); a March one now goes to April too */
	st_application late = {0};
	snprintf(late.household_id, sizeof late.household_id, "H1");
	snprintf(late.unit_code, sizeof late.unit_code, "00001");
	snprintf(late.form, sizeof late.form, "01");
	snprintf(late.date, sizeof late.date, "2025-03-10");
	assert_int_equal(store_begin(st), GN_OK);
	assert_int_equal(wf_register_application(st, &p, &late, 9), GN_OK);
	assert_int_equal(store_commit(st), GN_OK);
	assert_int_equal(late.round_id, rounds[2]);
	/* the household's history shows its applications */
	st_audit *au;
	size_t nau;
	assert_int_equal(store_audit_of(st, "H1", &au, &nau), GN_OK);
	size_t apps = 0;
	for (size_t i = 0; i < nau; i++)
		apps += strcmp(au[i].entity, "application") == 0 && strcmp(au[i].field, "created") == 0;
	assert_int_equal(apps, 2);
	store_audit_free(au, nau);
	st_application *list;
	size_t nl;
	const char *const codes[] = {"00001"};
	st_application_filter af = {.unit_codes = codes, .nunits = 1, .year = 2025};
	assert_int_equal(store_applications_list(st, &af, &list, &nl), GN_OK);
	assert_int_equal(nl, 4);
	store_applications_free(list, nl);
	af.status = "approved";
	assert_int_equal(store_applications_list(st, &af, &list, &nl), GN_OK);
	assert_int_equal(nl, 2);
	store_applications_free(list, nl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_roles_and_states),
		cmocka_unit_test(test_meeting),
		cmocka_unit_test(test_posting_and_complaints),
		cmocka_unit_test(test_posting_over_holidays),
		cmocka_unit_test(test_regular_decisions),
		cmocka_unit_test_setup_teardown(test_periodic_round_in_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_regular_round_in_store, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
