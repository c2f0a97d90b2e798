/*
 * workflow.c - the review workflow (workflow.h): the transition table,
 * the actions and their fields as data, the pure decision (role, state,
 * checks, fields, outcome) and the writes that apply a decision.
 *
 * Layer: app. Nothing here knows a role name, a holiday or a number of
 * days: roles arrive as capabilities, days from the calendar, numbers
 * from the procedure (data/review/procedure.csv).
 */
#include "workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/standard.h"
#include "../core/transition.h"

#define OFFICER WF_CAP_OFFICER
#define CHAIR WF_CAP_CHAIR

/* ---- the table ------------------------------------------------------------------ */

static const wf_transition table[] = {
	/* kind       from        action                 outcome              to           who      checks */
	{WF_PERIODIC, WF_LIST,    WA_START_SURVEY,       WHEN_ALWAYS,         WF_SURVEY,   OFFICER, 0},
	{WF_PERIODIC, WF_SURVEY,  WA_RECORD_MEETING,     WHEN_MEETING_PASSES, WF_MEETING,  OFFICER, WC_REVIEWS_ENTERED},
	{WF_PERIODIC, WF_SURVEY,  WA_RECORD_MEETING,     WHEN_MEETING_FAILS,  WF_SURVEY,   OFFICER, WC_REVIEWS_ENTERED},
	{WF_PERIODIC, WF_MEETING, WA_START_POSTING,      WHEN_ALWAYS,         WF_POSTING,  OFFICER, 0},
	{WF_PERIODIC, WF_POSTING, WA_ADD_COMPLAINT,      WHEN_ALWAYS,         WF_RECHECK,  OFFICER, 0},
	{WF_PERIODIC, WF_POSTING, WA_APPROVE,            WHEN_ALWAYS,         WF_APPROVED, CHAIR,   WC_POSTING_OVER | WC_ALL_RESOLVED},
	{WF_PERIODIC, WF_RECHECK, WA_ADD_COMPLAINT,      WHEN_ALWAYS,         WF_RECHECK,  OFFICER, 0},
	{WF_PERIODIC, WF_RECHECK, WA_RECHECK_COMPLAINT,  WHEN_ALWAYS,         WF_RECHECK,  OFFICER, 0},
	{WF_PERIODIC, WF_RECHECK, WA_START_POSTING,      WHEN_ALWAYS,         WF_POSTING,  OFFICER, WC_NO_OPEN_COMPLAINT},
	{WF_REGULAR,  WF_OPEN,    WA_SURVEY_APPLICATION, WHEN_ALWAYS,         WF_OPEN,     OFFICER, 0},
	{WF_REGULAR,  WF_OPEN,    WA_APPROVE,            WHEN_ALWAYS,         WF_APPROVED, CHAIR,   WC_HAS_APPLICATIONS | WC_ALL_SURVEYED},
};
#define NTABLE (sizeof table / sizeof table[0])

const wf_transition *wf_table(size_t *n)
{
	*n = NTABLE;
	return table;
}

/* ---- fields and actions ------------------------------------------------------------- */

#define OFF(m) offsetof(wf_input, m)
static const wf_field_info fields[WFF_COUNT] = {
	[WFF_NOTE] = {"note", WT_TEXT, 1000, OFF(note), "Ghi chú", "Note"},
	[WFF_MEETING_DATE] = {"meeting_date", WT_DATE, 0, OFF(meeting_date), "Ngày họp dân", "Meeting date"},
	[WFF_ATTENDEES] = {"attendees", WT_INT, 1000000, OFF(attendees), "Số người dự họp", "Attendees"},
	[WFF_VOTES_FOR] = {"votes_for", WT_INT, 1000000, OFF(votes_for), "Số người đồng ý", "Votes for"},
	[WFF_START] = {"start", WT_DATE, 0, OFF(start), "Ngày bắt đầu niêm yết", "Posting start"},
	[WFF_HOUSEHOLD_ID] = {"household_id", WT_TEXT, ST_CODE - 1, OFF(household_id), "Mã hộ", "Household"},
	[WFF_RECEIVED] = {"received", WT_DATE, 0, OFF(received), "Ngày nhận khiếu nại", "Received on"},
	[WFF_TEXT] = {"text", WT_TEXT, 2000, OFF(text), "Nội dung khiếu nại", "Complaint"},
	[WFF_COMPLAINT_ID] = {"complaint_id", WT_INT, INT64_MAX, OFF(complaint_id), "Khiếu nại", "Complaint"},
	[WFF_RESULT] = {"result", WT_TEXT, 2000, OFF(result), "Kết quả phúc tra", "Re-check result"},
	[WFF_DATE] = {"date", WT_DATE, 0, OFF(date), "Ngày", "Date"},
	[WFF_APPLICATION_ID] = {"application_id", WT_INT, INT64_MAX, OFF(application_id), "Đơn", "Application"},
	[WFF_DECISION_NO] = {"decision_no", WT_TEXT, 63, OFF(decision_no), "Số quyết định", "Decision number"},
	[WFF_DECISION_DATE] = {"decision_date", WT_DATE, 0, OFF(decision_date), "Ngày quyết định", "Decision date"},
};

#define B(f) (1u << (f))
static const wf_action_info actions[WA_COUNT] = {
	[WA_START_SURVEY] = {"start_survey", "Bắt đầu điều tra, chấm điểm", "Start the survey",
			     0, B(WFF_NOTE)},
	[WA_RECORD_MEETING] = {"record_meeting", "Ghi kết quả họp dân", "Record the village meeting",
			       B(WFF_MEETING_DATE) | B(WFF_ATTENDEES) | B(WFF_VOTES_FOR), B(WFF_NOTE)},
	[WA_START_POSTING] = {"start_posting", "Niêm yết công khai", "Post the lists", B(WFF_START),
			      B(WFF_NOTE)},
	[WA_ADD_COMPLAINT] = {"add_complaint", "Ghi nhận khiếu nại", "Record a complaint",
			      B(WFF_RECEIVED) | B(WFF_TEXT), B(WFF_HOUSEHOLD_ID) | B(WFF_NOTE)},
	[WA_RECHECK_COMPLAINT] = {"recheck_complaint", "Ghi kết quả phúc tra", "Record a re-check",
				  B(WFF_COMPLAINT_ID) | B(WFF_RESULT) | B(WFF_DATE), B(WFF_NOTE)},
	[WA_SURVEY_APPLICATION] = {"survey_application", "Xác nhận đã rà soát đơn",
				   "Mark an application surveyed", B(WFF_APPLICATION_ID), B(WFF_NOTE)},
	[WA_APPROVE] = {"approve", "Phê duyệt, công nhận danh sách", "Approve the lists",
			B(WFF_DECISION_NO) | B(WFF_DECISION_DATE), B(WFF_NOTE)},
};

const wf_field_info *wf_field_at(wf_field f)
{
	return f < WFF_COUNT ? &fields[f] : NULL;
}

const wf_action_info *wf_action_at(wf_action a)
{
	return a < WA_COUNT ? &actions[a] : NULL;
}

void wf_input_set_text(wf_input *in, wf_field f, const char *s)
{
	*(const char **)((char *)in + fields[f].off) = s;
	in->present |= B(f);
}

void wf_input_set_date(wf_input *in, wf_field f, gn_date d)
{
	*(gn_date *)((char *)in + fields[f].off) = d;
	in->present |= B(f);
}

void wf_input_set_int(wf_input *in, wf_field f, int64_t v)
{
	*(int64_t *)((char *)in + fields[f].off) = v;
	in->present |= B(f);
}

/* ---- names -------------------------------------------------------------------------- */

static const char *const kind_names[WF_KIND_COUNT] = {"periodic", "regular"};

static const struct {
	const char *name, *vi, *en;
} states[WF_STATE_COUNT] = {
	[WF_LIST] = {"list", "Lập danh sách", "Listing households"},
	[WF_SURVEY] = {"survey", "Điều tra, chấm điểm", "Survey and scoring"},
	[WF_MEETING] = {"meeting", "Đã họp dân, chờ niêm yết", "Meeting passed, to be posted"},
	[WF_POSTING] = {"posting", "Niêm yết công khai", "Public posting"},
	[WF_RECHECK] = {"recheck", "Phúc tra khiếu nại", "Re-checking complaints"},
	[WF_OPEN] = {"open", "Tiếp nhận, rà soát đơn", "Receiving applications"},
	[WF_APPROVED] = {"approved", "Đã công nhận", "Approved"},
};

static const struct {
	wf_check check;
	const char *name, *vi, *en;
} checks[] = {
	{WC_REVIEWS_ENTERED, "reviews_entered", "Chưa nhập phiếu rà soát nào của xã cho năm này",
	 "No review of the commune has been entered for this year"},
	{WC_NO_OPEN_COMPLAINT, "no_open_complaint", "Còn khiếu nại chưa phúc tra",
	 "Some complaints have not been re-checked"},
	{WC_POSTING_OVER, "posting_over", "Thời gian niêm yết chưa kết thúc",
	 "The posting period has not ended"},
	{WC_ALL_RESOLVED, "all_resolved", "Còn khiếu nại chưa giải quyết xong",
	 "Some complaints are not resolved"},
	{WC_HAS_APPLICATIONS, "has_applications", "Đợt rà soát chưa có đơn nào",
	 "The round has no application"},
	{WC_ALL_SURVEYED, "all_surveyed", "Còn đơn chưa được rà soát",
	 "Some applications have not been surveyed"},
};
#define NCHECKS (sizeof checks / sizeof checks[0])

const char *wf_kind_name(wf_kind k)
{
	return k < WF_KIND_COUNT ? kind_names[k] : "";
}

bool wf_kind_parse(const char *s, wf_kind *out)
{
	for (int k = 0; s && k < WF_KIND_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (wf_kind)k;
			return true;
		}
	return false;
}

const char *wf_state_name(wf_state s)
{
	return s < WF_STATE_COUNT ? states[s].name : "";
}

const char *wf_state_label(wf_state s, bool en)
{
	return s < WF_STATE_COUNT ? (en ? states[s].en : states[s].vi) : "";
}

bool wf_state_parse(const char *s, wf_state *out)
{
	for (int k = 0; s && k < WF_STATE_COUNT; k++)
		if (strcmp(s, states[k].name) == 0) {
			*out = (wf_state)k;
			return true;
		}
	return false;
}

bool wf_action_parse(const char *s, wf_action *out)
{
	for (int k = 0; s && k < WA_COUNT; k++)
		if (strcmp(s, actions[k].name) == 0) {
			*out = (wf_action)k;
			return true;
		}
	return false;
}

const char *wf_check_name(wf_check c)
{
	for (size_t i = 0; i < NCHECKS; i++)
		if (checks[i].check == c)
			return checks[i].name;
	return "";
}

const char *wf_check_message(wf_check c, bool en)
{
	for (size_t i = 0; i < NCHECKS; i++)
		if (checks[i].check == c)
			return en ? checks[i].en : checks[i].vi;
	return "";
}

wf_state wf_initial_state(wf_kind k)
{
	return k == WF_REGULAR ? WF_OPEN : WF_LIST;
}

/* ---- deadlines ---------------------------------------------------------------------- */

gn_date wf_posting_end(const calendar *cal, const review_procedure *p, gn_date start)
{
	return cal_add_working_days(cal, start, p->posting_days);
}

gn_date wf_recheck_due(const calendar *cal, const review_procedure *p, gn_date received)
{
	return cal_add_working_days(cal, received, p->recheck_days);
}

void wf_periodic_window(const review_procedure *p, int year, gn_date *from, gn_date *to)
{
	*from = date_from_ymd(year, p->periodic_start_month, p->periodic_start_day);
	*to = date_from_ymd(year, p->periodic_end_month, p->periodic_end_day);
}

void wf_regular_month(const review_procedure *p, gn_date d, int *year, int *month)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	if (day > p->regular_day && ++m > 12) {
		m = 1;
		y++;
	}
	*year = y;
	*month = m;
}

/* ---- deciding ----------------------------------------------------------------------- */

static bool parse_iso(const char *s, gn_date *out)
{
	return s && *s && date_parse(s, strlen(s), out);
}

static bool round_state(const st_round *r, wf_state *s)
{
	return wf_state_parse(r->state, s);
}

static bool round_kind(const st_round *r, wf_kind *k)
{
	return wf_kind_parse(r->kind, k);
}

/* Whether check c holds on the view. */
static bool check_holds(const wf_view *v, wf_check c)
{
	switch (c) {
	case WC_REVIEWS_ENTERED:
		return v->nreviews > 0;
	case WC_NO_OPEN_COMPLAINT:
		for (size_t i = 0; i < v->ncomplaints; i++)
			if (strcmp(v->complaints[i].status, "open") == 0)
				return false;
		return true;
	case WC_POSTING_OVER: {
		gn_date end;
		return parse_iso(v->round->posting_end, &end) && v->today > end;
	}
	case WC_ALL_RESOLVED:
		for (size_t i = 0; i < v->ncomplaints; i++)
			if (strcmp(v->complaints[i].status, "resolved") != 0)
				return false;
		return true;
	case WC_HAS_APPLICATIONS:
		return v->napps > 0;
	case WC_ALL_SURVEYED:
		for (size_t i = 0; i < v->napps; i++)
			if (strcmp(v->apps[i].status, "registered") == 0)
				return false;
		return true;
	}
	return false;
}

/* The first check of `mask` that fails, or 0. */
static wf_check first_failing(const wf_view *v, unsigned mask)
{
	for (size_t i = 0; i < NCHECKS; i++)
		if ((mask & (unsigned)checks[i].check) && !check_holds(v, checks[i].check))
			return checks[i].check;
	return 0;
}

/* Who may take an action: the capability of its rows (one per action). */
static unsigned action_needs(wf_action a)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i].action == a)
			return table[i].needs;
	return 0;
}

wf_status wf_allowed(const wf_view *v, wf_action action, unsigned caps, wf_result *out)
{
	memset(out, 0, sizeof *out);
	wf_kind kind;
	wf_state state;
	if (action >= WA_COUNT || !round_kind(v->round, &kind) || !round_state(v->round, &state))
		return out->status = WF_ESTATE;
	if (!(caps & action_needs(action)))
		return out->status = WF_EROLE;
	for (size_t i = 0; i < NTABLE; i++) {
		const wf_transition *t = &table[i];
		if (t->kind != kind || t->from != state || t->action != action)
			continue;
		out->row = t;
		if ((out->failed = first_failing(v, t->checks)) != 0)
			return out->status = WF_ECHECK;
		return out->status = WF_OK;
	}
	return out->status = WF_ESTATE;
}

static void field_error(wf_result *r, wf_field f, const char *vi, const char *en)
{
	for (size_t i = 0; i < r->nerrors; i++)
		if (strcmp(r->errors[i].field, fields[f].name) == 0)
			return;
	if (r->nerrors < WF_MAX_ERRORS)
		r->errors[r->nerrors++] = (wf_field_error){fields[f].name, vi, en};
}

static bool has(const wf_input *in, wf_field f)
{
	return (in->present & B(f)) != 0;
}

static const st_complaint *complaint_of(const wf_view *v, int64_t id)
{
	for (size_t i = 0; i < v->ncomplaints; i++)
		if (v->complaints[i].id == id)
			return &v->complaints[i];
	return NULL;
}

static size_t app_index(const wf_view *v, int64_t id)
{
	for (size_t i = 0; i < v->napps; i++)
		if (v->apps[i].id == id)
			return i;
	return v->napps;
}

/* The field rules of each action, on top of presence and types. */
static void check_fields(const wf_view *v, wf_action action, const wf_input *in, wf_result *r)
{
	const wf_action_info *ai = &actions[action];
	for (int f = 0; f < WFF_COUNT; f++) {
		bool given = has(in, (wf_field)f);
		if ((ai->required & B(f)) && !given)
			field_error(r, (wf_field)f, "Bắt buộc", "required");
		else if (given && !((ai->required | ai->optional) & B(f)))
			field_error(r, (wf_field)f, "Không dùng cho thao tác này",
				    "not a field of this action");
		else if (given && fields[f].type == WT_DATE &&
			 *(const gn_date *)((const char *)in + fields[f].off) > v->today)
			field_error(r, (wf_field)f, "Không được là ngày trong tương lai",
				    "cannot be in the future");
		else if (given && fields[f].type == WT_TEXT) {
			const char *s = *(const char *const *)((const char *)in + fields[f].off);
			if ((ai->required & B(f)) && (!s || !*s))
				field_error(r, (wf_field)f, "Bắt buộc", "required");
		}
	}
	if (r->nerrors)
		return;
	const st_round *rd = v->round;
	gn_date d;
	switch (action) {
	case WA_RECORD_MEETING:
		if (in->attendees < 1)
			field_error(r, WFF_ATTENDEES, "Phải có ít nhất 1 người dự họp",
				    "at least 1 attendee");
		if (in->votes_for < 0 || in->votes_for > in->attendees)
			field_error(r, WFF_VOTES_FOR, "Phải từ 0 đến số người dự họp",
				    "must be between 0 and the number of attendees");
		break;
	case WA_START_POSTING:
		if (parse_iso(rd->meeting_date, &d) && in->start < d)
			field_error(r, WFF_START, "Không được trước ngày họp dân",
				    "cannot be before the meeting date");
		if (parse_iso(rd->posting_start, &d) && in->start <= d)
			field_error(r, WFF_START, "Phải sau ngày bắt đầu niêm yết lần trước",
				    "must be after the start of the previous posting");
		for (size_t i = 0; i < v->ncomplaints; i++)
			if (parse_iso(v->complaints[i].rechecked_at, &d) && in->start < d)
				field_error(r, WFF_START, "Không được trước ngày phúc tra",
					    "cannot be before a re-check");
		break;
	case WA_ADD_COMPLAINT: {
		gn_date s, e;
		if (!parse_iso(rd->posting_start, &s) || !parse_iso(rd->posting_end, &e) ||
		    in->received < s || in->received > e)
			field_error(r, WFF_RECEIVED, "Phải trong thời gian niêm yết",
				    "must be within the posting period");
		if (has(in, WFF_HOUSEHOLD_ID) && in->household_id && *in->household_id &&
		    v->household_ok && !v->household_ok(v->ctx, in->household_id))
			field_error(r, WFF_HOUSEHOLD_ID, "Không phải hộ của xã này",
				    "not a household of this commune");
		break;
	}
	case WA_RECHECK_COMPLAINT: {
		const st_complaint *c = complaint_of(v, in->complaint_id);
		if (!c || strcmp(c->status, "open") != 0)
			field_error(r, WFF_COMPLAINT_ID, "Không phải khiếu nại đang chờ phúc tra của đợt này",
				    "not an open complaint of this round");
		else if (parse_iso(c->received, &d) && in->date < d)
			field_error(r, WFF_DATE, "Không được trước ngày nhận khiếu nại",
				    "cannot be before the complaint was received");
		break;
	}
	case WA_SURVEY_APPLICATION: {
		size_t i = app_index(v, in->application_id);
		if (i == v->napps || strcmp(v->apps[i].status, "registered") != 0)
			field_error(r, WFF_APPLICATION_ID, "Không phải đơn chờ rà soát của đợt này",
				    "not a registered application of this round");
		else if (!v->app_reviewed || !v->app_reviewed[i])
			field_error(r, WFF_APPLICATION_ID, "Chưa nhập phiếu rà soát của hộ cho năm này",
				    "the household's review of the year has not been entered");
		break;
	}
	case WA_APPROVE: {
		wf_kind kind = WF_PERIODIC;
		round_kind(rd, &kind);
		if (kind == WF_PERIODIC) {
			if (!parse_iso(rd->posting_end, &d) || in->decision_date <= d)
				field_error(r, WFF_DECISION_DATE, "Phải sau ngày kết thúc niêm yết",
					    "must be after the end of the posting");
		} else if (in->decision_date <
			   date_from_ymd(rd->year, rd->month, v->proc->regular_day)) {
			field_error(r, WFF_DECISION_DATE, "Không được trước ngày rà soát của tháng",
				    "cannot be before the review day of the round's month");
		}
		break;
	}
	case WA_START_SURVEY:
	case WA_COUNT:
		break;
	}
}

wf_status wf_decide(const wf_view *v, wf_action action, unsigned caps, const wf_input *in,
		    wf_result *out)
{
	if (wf_allowed(v, action, caps, out) != WF_OK)
		return out->status;
	check_fields(v, action, in, out);
	if (out->nerrors) {
		out->row = NULL;
		return out->status = WF_EFIELDS;
	}
	wf_when when = WHEN_ALWAYS;
	if (action == WA_RECORD_MEETING)
		when = procedure_meeting_passes(v->proc, (long)in->attendees, (long)in->votes_for)
			       ? WHEN_MEETING_PASSES
			       : WHEN_MEETING_FAILS;
	const wf_transition *from = out->row;
	out->row = NULL;
	for (size_t i = 0; i < NTABLE; i++) {
		const wf_transition *t = &table[i];
		if (t->kind == from->kind && t->from == from->from && t->action == action &&
		    t->when == when) {
			out->row = t;
			break;
		}
	}
	if (!out->row)
		return out->status = WF_ESTATE;
	if (action == WA_START_POSTING)
		out->posting_end = wf_posting_end(v->cal, v->proc, in->start);
	return out->status = WF_OK;
}

size_t wf_options(const wf_view *v, unsigned caps, wf_option out[WA_COUNT])
{
	size_t n = 0;
	wf_kind kind;
	wf_state state;
	if (!round_kind(v->round, &kind) || !round_state(v->round, &state))
		return 0;
	for (size_t i = 0; i < NTABLE; i++) {
		const wf_transition *t = &table[i];
		if (t->kind != kind || t->from != state || !(caps & t->needs))
			continue;
		bool seen = false;
		for (size_t k = 0; k < n; k++)
			seen |= out[k].action == t->action;
		if (seen)
			continue;
		wf_check c = first_failing(v, t->checks);
		out[n++] = (wf_option){t->action, c == 0, c};
	}
	return n;
}

/* ---- doing -------------------------------------------------------------------------- */

static void iso(char out[11], gn_date d)
{
	date_format_iso(d, out);
}

gn_err wf_open_round(store *st, st_round *r, int64_t user)
{
	wf_kind k;
	if (!wf_kind_parse(r->kind, &k))
		return GN_EINPUT;
	snprintf(r->state, sizeof r->state, "%s", wf_state_name(wf_initial_state(k)));
	r->created_by = user;
	gn_err rc = store_round_add(st, r, user);
	if (rc)
		return rc;
	st_round_event e = {.round_id = r->id, .user_id = user};
	snprintf(e.action, sizeof e.action, "open");
	snprintf(e.to_state, sizeof e.to_state, "%s", r->state);
	return store_round_event_add(st, &e);
}

/* Households whose reviews an approval concerns. */
typedef struct hh_list {
	char (*id)[ST_CODE];
	size_t n, cap;
} hh_list;

static void hh_push(hh_list *l, const char *id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->id = gn_xreallocarray(l->id, l->cap, sizeof *l->id);
	}
	snprintf(l->id[l->n++], ST_CODE, "%s", id);
}

static bool collect_review(void *ctx, const st_review *r)
{
	hh_push(ctx, r->household_id);
	return true;
}

/* Counts by class and by transition of the households' reviews of year
 * (transitions from each household's whole history). */
static gn_err tally(store *st, const hh_list *l, int year, int64_t round_id, int64_t user)
{
	int64_t cls[CLASS_COUNT] = {0}, tr[TR_COUNT] = {0}, total = 0;
	gn_err rc = GN_OK;
	for (size_t i = 0; i < l->n && !rc; i++) {
		st_review *rv = NULL;
		size_t nr = 0;
		if ((rc = store_reviews_of(st, l->id[i], &rv, &nr)))
			break;
		hh_history h = {0};
		hh_class mine = CLASS_NOT_POOR;
		bool found = false;
		for (size_t k = 0; k < nr; k++) {
			hh_class c;
			if (!class_parse(rv[k].cls, strlen(rv[k].cls), &c) || !history_year_ok(rv[k].year))
				continue;
			history_add(&h, rv[k].year, c);
			if (rv[k].year == year) {
				mine = c;
				found = true;
			}
		}
		if (found) {
			cls[mine]++;
			tr[transition_of(&h, year, mine)]++;
			total++;
		}
		for (size_t k = 0; k < nr; k++)
			st_review_clear(&rv[k]);
		free(rv);
	}
	if (rc)
		return rc;
	st_tally t[1 + CLASS_COUNT + TR_COUNT];
	size_t n = 0;
	memset(t, 0, sizeof t);
	snprintf(t[n].kind, sizeof t[n].kind, "total");
	snprintf(t[n].key, sizeof t[n].key, "reviews");
	t[n++].households = total;
	for (int c = 0; c < CLASS_COUNT; c++) {
		snprintf(t[n].kind, sizeof t[n].kind, "class");
		snprintf(t[n].key, sizeof t[n].key, "%s", class_name((hh_class)c));
		t[n++].households = cls[c];
	}
	for (int k = 0; k < TR_COUNT; k++) {
		if (k == TR_NONE)
			continue;
		snprintf(t[n].kind, sizeof t[n].kind, "transition");
		snprintf(t[n].key, sizeof t[n].key, "%s", transition_name((hh_transition)k));
		t[n++].households = tr[k];
	}
	return store_round_tallies_put(st, round_id, t, n, user);
}

/* Periodic approval: every review of the commune's year approved, then
 * locked. */
static gn_err lock_reviews(store *st, const st_round *r, const hh_list *l, int64_t user,
			   size_t *locked)
{
	gn_err rc = GN_OK;
	for (size_t i = 0; i < l->n && !rc; i++) {
		st_review cur;
		if ((rc = store_review_get(st, l->id[i], r->year, &cur)))
			break;
		bool was_locked = strcmp(cur.status, "locked") == 0;
		bool was_approved = strcmp(cur.status, "approved") == 0;
		st_review_clear(&cur);
		if (was_locked)
			continue;
		if (!was_approved)
			rc = store_review_set_status(st, l->id[i], r->year, "approved", r->id, user);
		if (!rc)
			rc = store_review_set_status(st, l->id[i], r->year, "locked", r->id, user);
		if (!rc && locked)
			(*locked)++;
	}
	return rc;
}

/* Regular approval: the applications and their households' reviews of the
 * year approved (reviews already locked by a periodic round stay so). */
static gn_err approve_applications(store *st, const wf_view *v, hh_list *l, int64_t user)
{
	gn_err rc = GN_OK;
	const st_round *r = v->round;
	for (size_t i = 0; i < v->napps && !rc; i++) {
		st_application a = v->apps[i];
		snprintf(a.status, sizeof a.status, "approved");
		a.updated_at = 0;
		if ((rc = store_application_update(st, &a, user)))
			break;
		bool dup = false;
		for (size_t k = 0; k < l->n; k++)
			dup |= strcmp(l->id[k], a.household_id) == 0;
		if (dup)
			continue;
		st_review cur;
		rc = store_review_get(st, a.household_id, r->year, &cur);
		if (rc == GN_ENOTFOUND) {
			rc = GN_OK;
			continue;
		}
		if (rc)
			break;
		bool locked = strcmp(cur.status, "locked") == 0;
		st_review_clear(&cur);
		hh_push(l, a.household_id);
		if (!locked)
			rc = store_review_set_status(st, a.household_id, r->year, "approved", r->id, user);
	}
	return rc;
}

static gn_err resolve_rechecked(store *st, const wf_view *v, gn_date start, int64_t user)
{
	gn_err rc = GN_OK;
	for (size_t i = 0; i < v->ncomplaints && !rc; i++) {
		if (strcmp(v->complaints[i].status, "rechecked") != 0)
			continue;
		st_complaint c = v->complaints[i];
		snprintf(c.status, sizeof c.status, "resolved");
		iso(c.resolved_at, start);
		rc = store_complaint_update(st, &c, user);
	}
	return rc;
}

gn_err wf_apply(store *st, const wf_view *v, wf_action action, const wf_input *in,
		const wf_result *res, const char *const *units, size_t nunits, int64_t user,
		size_t *locked)
{
	if (!res || res->status != WF_OK || !res->row)
		return GN_EINTERNAL;
	if (locked)
		*locked = 0;
	st_round r = *v->round;
	buf note;
	buf_init(&note, 8192);
	hh_list l = {0};
	gn_err rc = GN_OK;
	switch (action) {
	case WA_START_SURVEY:
		break;
	case WA_RECORD_MEETING:
		iso(r.meeting_date, in->meeting_date);
		r.attendees = (int)in->attendees;
		r.votes_for = (int)in->votes_for;
		buf_printf(&note, "%s: %d/%d", res->row->when == WHEN_MEETING_PASSES ? "đạt" : "không đạt",
			   r.votes_for, r.attendees);
		break;
	case WA_START_POSTING:
		if (res->row->from == WF_RECHECK)
			rc = resolve_rechecked(st, v, in->start, user);
		iso(r.posting_start, in->start);
		iso(r.posting_end, res->posting_end);
		r.postings++;
		buf_printf(&note, "%s..%s", r.posting_start, r.posting_end);
		break;
	case WA_ADD_COMPLAINT: {
		st_complaint c = {.round_id = r.id};
		snprintf(c.household_id, sizeof c.household_id, "%s",
			 in->household_id ? in->household_id : "");
		iso(c.received, in->received);
		c.text = (char *)(in->text ? in->text : "");
		c.result = (char *)"";
		rc = store_complaint_add(st, &c, user);
		buf_printf(&note, "#%lld", (long long)c.id);
		break;
	}
	case WA_RECHECK_COMPLAINT: {
		const st_complaint *old = complaint_of(v, in->complaint_id);
		if (!old) {
			rc = GN_EINTERNAL;
			break;
		}
		st_complaint c = *old;
		snprintf(c.status, sizeof c.status, "rechecked");
		c.result = (char *)(in->result ? in->result : "");
		iso(c.rechecked_at, in->date);
		rc = store_complaint_update(st, &c, user);
		buf_printf(&note, "#%lld", (long long)c.id);
		break;
	}
	case WA_SURVEY_APPLICATION: {
		size_t i = app_index(v, in->application_id);
		if (i == v->napps) {
			rc = GN_EINTERNAL;
			break;
		}
		st_application a = v->apps[i];
		snprintf(a.status, sizeof a.status, "surveyed");
		a.updated_at = 0;
		rc = store_application_update(st, &a, user);
		buf_printf(&note, "#%lld", (long long)a.id);
		break;
	}
	case WA_APPROVE:
		snprintf(r.decision_no, sizeof r.decision_no, "%s", in->decision_no ? in->decision_no : "");
		iso(r.decision_date, in->decision_date);
		r.certified = true;
		if (res->row->kind == WF_PERIODIC) {
			rc = store_reviews_in_units(st, r.year, units, nunits, collect_review, &l);
			if (!rc)
				rc = lock_reviews(st, &r, &l, user, locked);
		} else {
			rc = approve_applications(st, v, &l, user);
		}
		if (!rc)
			rc = tally(st, &l, r.year, r.id, user);
		buf_printf(&note, "%s %s", r.decision_no, r.decision_date);
		break;
	case WA_COUNT:
		rc = GN_EINTERNAL;
		break;
	}
	if (rc)
		goto done;
	wf_state from = res->row->from;
	snprintf(r.state, sizeof r.state, "%s", wf_state_name(res->row->to));
	r.updated_at = 0;
	if ((rc = store_round_update(st, &r, user)))
		goto done;
	if (has(in, WFF_NOTE) && in->note && *in->note)
		buf_printf(&note, "%s%s", note.len ? "; " : "", in->note);
	st_round_event e = {.round_id = r.id, .user_id = user, .note = (char *)buf_cstr(&note)};
	snprintf(e.action, sizeof e.action, "%s", actions[action].name);
	snprintf(e.from_state, sizeof e.from_state, "%s", wf_state_name(from));
	snprintf(e.to_state, sizeof e.to_state, "%s", r.state);
	rc = store_round_event_add(st, &e);
done:
	free(l.id);
	buf_free(&note);
	return rc;
}

gn_err wf_register_application(store *st, const review_procedure *p, st_application *a,
			       int64_t user)
{
	gn_date d;
	if (!parse_iso(a->date, &d))
		return GN_EINPUT;
	int y, m;
	wf_regular_month(p, d, &y, &m);
	st_round r;
	gn_err rc = GN_EINPUT; /* every month of a year ahead approved already */
	for (int k = 0; k < 13; k++) {
		rc = store_round_find(st, a->unit_code, y, "regular", m, &r);
		if (rc == GN_ENOTFOUND) {
			memset(&r, 0, sizeof r);
			snprintf(r.unit_code, sizeof r.unit_code, "%s", a->unit_code);
			r.year = y;
			r.month = m;
			snprintf(r.kind, sizeof r.kind, "regular");
			rc = wf_open_round(st, &r, user);
			break;
		}
		if (rc)
			return rc;
		if (strcmp(r.state, wf_state_name(WF_APPROVED)) != 0)
			break;
		rc = GN_EINPUT;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	if (rc)
		return rc;
	a->round_id = r.id;
	return store_application_add(st, a, user);
}
