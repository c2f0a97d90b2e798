/*
 * workflow.h - the review of a commune as a state machine (domain.md 4,
 * Decision 24/2021/QĐ-TTg): the periodic review of a year and the regular
 * monthly review of applications, as one TABLE of transitions (state,
 * action, outcome, next state, who may, checks) that the API, its
 * documentation and the tests all read.
 *
 * Layer: app (uses store, io-free core: calendar, procedure, transition).
 *
 * Periodic round (rà soát định kỳ), one per commune and year:
 *
 *   list --start_survey--> survey --record_meeting--> meeting --start_posting--> posting
 *                            ^            | votes < 50%                            |   |
 *                            +------------+            +------add_complaint--------+   |
 *                                                      v                               |
 *                          recheck (recheck_complaint, add_complaint) --start_posting--+
 *                                                                                      |
 *                                               approved <--approve (chair)------------+
 *
 * - record_meeting passes when votes_for * 100 >= attendees * pass%
 *   (procedure.csv: 50, i.e. votes_for * 2 >= attendees), otherwise the
 *   round goes back to survey, to survey again and hold a new meeting.
 * - start_posting: the lists are posted from `start`; the posting ends
 *   posting_days working days later (procedure.csv: 3, verify), counted
 *   on the holiday calendar (core/calendar.h: the end is the 3rd working
 *   day after the start). A complaint received during the posting moves
 *   the round to recheck (phúc tra, due recheck_days working days after
 *   it was received); when every complaint is rechecked, a NEW posting
 *   (new start, new end) publishes the results and the rechecked
 *   complaints become resolved.
 * - approve: the commune chair only, once the posting period is over
 *   (today after posting_end) and every complaint is resolved, with the
 *   decision's number and date (after posting_end, not in the future).
 *   All reviews of the commune and year become "approved", then
 *   "locked" (store_review_put refuses them); the round records the
 *   counts by class and by transition (new poor, escaped, re-poor...,
 *   from the households' whole history) and is marked certified:
 *   certificates may be issued.
 *
 * Regular round (rà soát thường xuyên), one per commune and month: an
 * application (Form 01: enter the lists; Form 04: leave them) received up
 * to day regular_day (15) of a month is reviewed in that month's round,
 * later ones in the next month's (wf_register_application creates the
 * round when needed). open --survey_application--> open (the household's
 * review of the year is entered); open --approve (chair)--> approved:
 * applications and their reviews become "approved" (not locked: the
 * periodic review of the year still comes), counts recorded.
 *
 * Error order for an action (the API maps them): the caller's role
 * (WF_EROLE, 403), the round's state (WF_ESTATE, 409), the checks of the
 * table (WF_ECHECK, 409), then the fields (WF_EFIELDS, 422).
 *
 * Ownership: the view is borrowed; results point into static tables or
 * the view.
 */
#ifndef GN_WORKFLOW_H
#define GN_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/calendar.h"
#include "../core/date.h"
#include "../core/procedure.h"
#include "../store/store.h"

typedef enum wf_kind { WF_PERIODIC, WF_REGULAR, WF_KIND_COUNT } wf_kind;

typedef enum wf_state {
	WF_LIST,      /* lập danh sách */
	WF_SURVEY,    /* điều tra, chấm điểm */
	WF_MEETING,   /* họp dân thống nhất; chờ niêm yết */
	WF_POSTING,   /* niêm yết công khai */
	WF_RECHECK,   /* phúc tra khiếu nại */
	WF_OPEN,      /* regular round: receiving and surveying applications */
	WF_APPROVED,  /* công nhận; giấy chứng nhận */
	WF_STATE_COUNT
} wf_state;

typedef enum wf_action {
	WA_START_SURVEY,
	WA_RECORD_MEETING,
	WA_START_POSTING,
	WA_ADD_COMPLAINT,
	WA_RECHECK_COMPLAINT,
	WA_SURVEY_APPLICATION,
	WA_APPROVE,
	WA_COUNT
} wf_action;

/* Who may (capabilities the API derives from the caller's role). */
enum {
	WF_CAP_OFFICER = 1 << 0, /* runs the review: commune officer (and chair) */
	WF_CAP_CHAIR = 1 << 1,   /* approves: the commune chair only */
};

/* Checks of the table, evaluated on the round before any field. */
typedef enum wf_check {
	WC_REVIEWS_ENTERED = 1 << 0,   /* at least one review of the commune's year */
	WC_NO_OPEN_COMPLAINT = 1 << 1, /* every complaint rechecked */
	WC_POSTING_OVER = 1 << 2,      /* today is after posting_end */
	WC_ALL_RESOLVED = 1 << 3,      /* every complaint resolved */
	WC_HAS_APPLICATIONS = 1 << 4,  /* the round has applications */
	WC_ALL_SURVEYED = 1 << 5,      /* none of them is still only registered */
} wf_check;

/* Which outcome a row stands for (record_meeting has two). */
typedef enum wf_when { WHEN_ALWAYS, WHEN_MEETING_PASSES, WHEN_MEETING_FAILS } wf_when;

typedef struct wf_transition {
	wf_kind kind;
	wf_state from;
	wf_action action;
	wf_when when;
	wf_state to;
	unsigned needs;   /* WF_CAP_* */
	unsigned checks;  /* wf_check bits */
} wf_transition;

/* The table, in order. */
const wf_transition *wf_table(size_t *n);

/* ---- fields of the actions -------------------------------------------------- */

typedef enum wf_field {
	WFF_NOTE,
	WFF_MEETING_DATE,
	WFF_ATTENDEES,
	WFF_VOTES_FOR,
	WFF_START,
	WFF_HOUSEHOLD_ID,
	WFF_RECEIVED,
	WFF_TEXT,
	WFF_COMPLAINT_ID,
	WFF_RESULT,
	WFF_DATE,
	WFF_APPLICATION_ID,
	WFF_DECISION_NO,
	WFF_DECISION_DATE,
	WFF_COUNT
} wf_field;

typedef enum wf_type { WT_TEXT, WT_DATE, WT_INT } wf_type;

typedef struct wf_field_info {
	const char *name;     /* JSON key */
	wf_type type;
	int64_t max;          /* WT_TEXT: bytes; WT_INT: largest value */
	size_t off;           /* of the member of wf_input */
	const char *label_vi, *label_en;
} wf_field_info;

typedef struct wf_action_info {
	const char *name;     /* "record_meeting" */
	const char *label_vi, *label_en;
	unsigned required;    /* bits 1 << wf_field */
	unsigned optional;
} wf_action_info;

const wf_field_info *wf_field_at(wf_field f);
const wf_action_info *wf_action_at(wf_action a);

/* The values given with an action; `present` has bit 1 << f for each
 * field given. Strings are borrowed. */
typedef struct wf_input {
	unsigned present;
	const char *note, *household_id, *text, *result, *decision_no;
	gn_date meeting_date, start, received, date, decision_date;
	int64_t attendees, votes_for, complaint_id, application_id;
} wf_input;

void wf_input_set_text(wf_input *in, wf_field f, const char *s);
void wf_input_set_date(wf_input *in, wf_field f, gn_date d);
void wf_input_set_int(wf_input *in, wf_field f, int64_t v);

/* ---- names ---------------------------------------------------------------------- */

const char *wf_kind_name(wf_kind k);          /* "periodic", "regular" */
bool wf_kind_parse(const char *s, wf_kind *out);
const char *wf_state_name(wf_state s);        /* "list", ... */
const char *wf_state_label(wf_state s, bool en);
bool wf_state_parse(const char *s, wf_state *out);
bool wf_action_parse(const char *s, wf_action *out);
const char *wf_check_name(wf_check c);        /* "posting_not_over", ... */
const char *wf_check_message(wf_check c, bool en);
/* The state a new round starts in: list (periodic) or open (regular). */
wf_state wf_initial_state(wf_kind k);

/* ---- deciding ------------------------------------------------------------------- */

/* What the checks and fields look at: the round and what hangs on it. */
typedef struct wf_view {
	const st_round *round;
	const st_complaint *complaints;
	size_t ncomplaints;
	const st_application *apps;      /* the round's applications */
	const bool *app_reviewed;        /* per app: its review of the year is entered */
	size_t napps;
	size_t nreviews;                 /* reviews of the commune's year */
	gn_date today;
	const calendar *cal;             /* NULL: weekends only */
	const review_procedure *proc;
	/* Whether a household id belongs to the round's commune (NULL: any). */
	bool (*household_ok)(void *ctx, const char *household_id);
	void *ctx;
} wf_view;

typedef enum wf_status { WF_OK, WF_EROLE, WF_ESTATE, WF_ECHECK, WF_EFIELDS } wf_status;

#define WF_MAX_ERRORS 8

typedef struct wf_field_error {
	const char *field;
	const char *vi, *en;
} wf_field_error;

typedef struct wf_result {
	wf_status status;
	const wf_transition *row;   /* WF_OK: the transition taken */
	wf_check failed;            /* WF_ECHECK */
	size_t nerrors;             /* WF_EFIELDS */
	wf_field_error errors[WF_MAX_ERRORS];
	gn_date posting_end;        /* start_posting: the end computed */
} wf_result;

/* Role, state and checks only (no fields): WF_OK when `caps` may take
 * `action` now. out->row is one row of the action from the state. */
wf_status wf_allowed(const wf_view *v, wf_action action, unsigned caps, wf_result *out);
/* Everything: role, state, checks, then the fields of `in`, then the
 * outcome. On WF_OK out->row is the transition to take. Pure. */
wf_status wf_decide(const wf_view *v, wf_action action, unsigned caps, const wf_input *in,
		    wf_result *out);

/* The actions the caller may take from the round's state, in table order,
 * one per action: ready tells whether the checks pass now (else blocked
 * names the first that fails). Returns how many (at most WA_COUNT). */
typedef struct wf_option {
	wf_action action;
	bool ready;
	wf_check blocked;
} wf_option;
size_t wf_options(const wf_view *v, unsigned caps, wf_option out[WA_COUNT]);

/* ---- deadlines ------------------------------------------------------------------ */

/* The end of a posting that starts on `start`. */
gn_date wf_posting_end(const calendar *cal, const review_procedure *p, gn_date start);
/* When the re-check of a complaint received on `received` is due. */
gn_date wf_recheck_due(const calendar *cal, const review_procedure *p, gn_date received);
/* The window of the periodic review of `year` (1/9 .. 14/12). */
void wf_periodic_window(const review_procedure *p, int year, gn_date *from, gn_date *to);
/* The month (year and month) of the regular round that reviews an
 * application received on `d`. */
void wf_regular_month(const review_procedure *p, gn_date d, int *year, int *month);

/* ---- doing ---------------------------------------------------------------------- */

/* Opens a round (r: unit_code, year, kind, month; the state is set here)
 * and records the "open" event. GN_EEXIST when it exists. Runs inside the
 * caller's transaction. */
gn_err wf_open_round(store *st, st_round *r, int64_t user);

/* Applies a decided action (res from wf_decide with WF_OK) to the store:
 * the round's fields and state, the event, complaints, applications,
 * and on approval the reviews' status and the tallies. units (n) are the
 * unit codes whose reviews belong to the round's commune (its subtree and
 * the codes lineage carries into it). Runs inside the caller's
 * transaction; *locked receives how many reviews were locked (NULL ok).
 * The caller re-reads the round afterwards. */
gn_err wf_apply(store *st, const wf_view *v, wf_action action, const wf_input *in,
		const wf_result *res, const char *const *units, size_t nunits, int64_t user,
		size_t *locked);

/* Registers an application (a: household_id, unit_code = the commune,
 * form, date, note) in the regular round of its month (wf_regular_month;
 * the next month's when that one is approved), creating the round when
 * needed; sets a->round_id and a->id. Inside the caller's transaction. */
gn_err wf_register_application(store *st, const review_procedure *p, st_application *a,
			       int64_t user);

#endif
