/*
 * reporting.h - the reporting calendar of the programme's monitoring and
 * evaluation (Circular 10/2022/TT-BLĐTBXH, domain.md 5; issue 5): report
 * types, their periods, due dates, the reports a set of units is expected
 * to send, and their completeness and timeliness.
 *
 * Layer: core (pure: no I/O, no clock). The report types are data
 * (data/me/report_types.csv, read by io/report_types_file.h); local
 * deadlines (from plans) and ad hoc requests come from the store; today,
 * the maps and the working-day calendar come from the caller.
 *
 * Periods. A period has a kind and a key:
 *   year         "2025"     1/1 - 31/12
 *   half         "2025S1"   1/1 - 30/6  (the six-month report)
 *   nine_months  "2025N9"   1/1 - 30/9
 *   quarter      "2025Q3"   1/7 - 30/9
 *   month        "2025M05"  1/5 - 31/5
 *   once         "2025"     1/1 - 31/12 of a year the type lists
 *                           (baseline, mid-term, final evaluations)
 *   adhoc        "2025R17"  the day of ad hoc request 17
 *
 * Due rules (one grammar for the data file and for local deadlines):
 *   before MM-DD             the day before MM-DD of the period's year
 *                            ("trước ngày 01/6": 31/5)
 *   on MM-DD                 MM-DD of the period's year
 *   day D next-month         day D of the month after the period's end
 *   day D last-month         day D of the period's last month
 *   working-days N after end       N working days after the period's end
 *   working-days N after request   N working days after an ad hoc request
 * "on" and "day" rules may end in " roll": a due date that falls on a day
 * off moves to the next working day (Civil Code 2015, art. 148). Days of
 * a month past its end are clamped to its last day. Working days are
 * those of core/calendar.h (weekends, the listed holidays, make-up days),
 * counted from the day after the event.
 *
 * Expected reports (rp_expected): every type x period of a year x unit
 * of a level the type lists, on the map of the circular's due date of the
 * period (the units that exist when the report is due send it, to their
 * parent on that map: districts, abolished on 1/7/2025, are expected only
 * for periods due before then), in the caller's view. A local deadline,
 * set by a unit for the units of some levels under it (itself included),
 * applies to a unit when its setting unit is the unit or an ancestor on
 * that map and the period's year is within its years; with the type's own
 * period kind it moves the due date earlier (the earlier date wins), with
 * another kind (a quarterly report a plan asks for) it adds expected
 * reports, on the map of the period's end. Ad hoc requests expect one
 * report from the units of their levels under the requesting unit, on the
 * map of the request's day.
 *
 * Ownership: rp_types_new's set is freed by rp_types_free (NULL accepted);
 * strings are copied in. rp_expected's array is the caller's (free()); its
 * items point at the types of the view.
 */
#ifndef GN_REPORTING_H
#define GN_REPORTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "calendar.h"
#include "date.h"
#include "err.h"
#include "units.h"

/* ---- periods ------------------------------------------------------------------- */

typedef enum rp_kind {
	RP_YEAR,
	RP_HALF,
	RP_NINE,
	RP_QUARTER,
	RP_MONTH,
	RP_ONCE,
	RP_ADHOC,
	RP_KIND_COUNT
} rp_kind;

/* "year", "half", "nine_months", "quarter", "month", "once", "adhoc";
 * NULL past range. */
const char *rp_kind_name(rp_kind k);
/* "Năm", "6 tháng", ... or the English label. */
const char *rp_kind_label(rp_kind k, bool en);
bool rp_kind_parse(const char *s, size_t n, rp_kind *out);

typedef struct rp_period {
	rp_kind kind;
	int year;
	int64_t index;  /* half 1, nine months 9, quarter 1-4, month 1-12,
			 * ad hoc: the request's id; 0 for year and once */
	gn_date start, end;
} rp_period;

#define RP_KEY_MAX 32

/* Writes the key ("2025S1") into out. */
void rp_period_key(const rp_period *p, char out[RP_KEY_MAX]);
/* Parses a key into *out (start and end set; an ad hoc period's days are
 * the caller's: set to 1/1 of the year). A key of a bare year gives
 * RP_YEAR (a caller expecting RP_ONCE changes the kind). False when the
 * text is not a key (years 1900-2199). */
bool rp_period_parse(const char *s, size_t n, rp_period *out);
/* "6 tháng đầu năm 2025", "Quý 3/2025", "Tháng 5/2025"... into b. */
void rp_period_label(const rp_period *p, bool en, buf *b);
/* The periods of kind k in year y, in order, into out (room for 12):
 * month periods only for the months of the mask (bit m-1); none for
 * RP_ADHOC (they come from requests). Returns how many. */
size_t rp_periods_of_year(rp_kind k, int year, uint16_t months, rp_period out[12]);
/* The period of ad hoc request id dated d. */
rp_period rp_adhoc_period(int64_t id, gn_date d);

/* ---- due rules ----------------------------------------------------------------- */

typedef enum rp_rule_kind {
	RR_BEFORE,       /* before MM-DD */
	RR_ON,           /* on MM-DD */
	RR_DAY_NEXT,     /* day D next-month */
	RR_DAY_LAST,     /* day D last-month */
	RR_WD_END,       /* working-days N after end */
	RR_WD_REQUEST,   /* working-days N after request */
	RR_COUNT
} rp_rule_kind;

typedef struct rp_rule {
	rp_rule_kind kind;
	int month, day;  /* before / on: the date; day rules: the day */
	int n;           /* working-days rules */
	bool roll;       /* a day off moves the date to the next working day */
} rp_rule;

#define RP_RULE_MAX 64

/* Parses a rule; on failure *why (when not NULL) receives an English
 * sentence saying what was expected. */
bool rp_rule_parse(const char *s, size_t n, rp_rule *out, const char **why);
/* The canonical text of a rule ("before 06-01") into out. */
void rp_rule_format(const rp_rule *r, char out[RP_RULE_MAX]);
/* "trước ngày 01/06", "ngày 5 tháng sau", ... into b. */
void rp_rule_label(const rp_rule *r, bool en, buf *b);
/* Whether the rule can date periods of kind k (fixed dates for the year
 * kinds, days of a month for months and quarters, requests for ad hoc). */
bool rp_rule_fits(const rp_rule *r, rp_kind k);
/* The due date of period p under rule r (request periods: their start is
 * the request's day). */
gn_date rp_due(const rp_rule *r, const rp_period *p, const calendar *cal);

/* ---- report types ------------------------------------------------------------------- */

#define RP_ALL_MONTHS ((uint16_t)0x0fff)

typedef struct rp_type {
	char *code;        /* "m01_half" */
	char *form;        /* "Mẫu 01", "" */
	char *name_vi, *name_en;
	rp_kind period;
	uint16_t months;   /* month periods: bit m-1 (RP_ALL_MONTHS) */
	int year_from, year_to; /* years it exists (0: open) */
	unsigned levels;   /* who sends it: bit (1u << unit_level) */
	rp_rule due;
	int remind_days;   /* reminders start this many days before the due date */
	char *basis, *note;
	long line;         /* in the data file, for messages */
} rp_type;

typedef struct rp_types rp_types;

rp_types *rp_types_new(void);
void rp_types_free(rp_types *ts);
/* Adds a copy of t. GN_EEXIST when the code is taken. */
gn_err rp_types_add(rp_types *ts, const rp_type *t);
size_t rp_types_count(const rp_types *ts);
const rp_type *rp_types_at(const rp_types *ts, size_t i);
/* The type called code, or NULL. */
const rp_type *rp_types_find(const rp_types *ts, const char *code);
/* Whether year y is within the type's years. */
bool rp_type_has_year(const rp_type *t, int y);

/* Levels as a mask: "commune;district" -> bits; false for an unknown
 * name, a level that sends no report (country, village) or an empty
 * list. */
bool rp_levels_parse(const char *s, size_t n, unsigned *out);
/* "commune;district" of a mask into b. */
void rp_levels_format(unsigned levels, buf *b);

/* ---- expected reports ------------------------------------------------------------------ */

typedef struct rp_local {
	int64_t id;
	int32_t unit;          /* the setting unit (code index); < 0: ignored */
	const rp_type *type;
	rp_kind kind;
	rp_rule rule;
	unsigned levels;
	int year_from, year_to; /* 0: open */
} rp_local;

typedef struct rp_request {
	int64_t id;
	int32_t unit;          /* the requesting unit */
	const rp_type *type;
	gn_date date, due;
	unsigned levels;
} rp_request;

typedef struct rp_view {
	const unit_set *units;
	const calendar *cal;    /* NULL: weekends only */
	const rp_types *types;
	const rp_local *locals;
	size_t nlocals;
	const rp_request *requests;
	size_t nrequests;
	int year;               /* the year of the periods */
	const char *type_code;  /* only this type; NULL: all */
	/* the map of a date (owned by the caller, valid during the call) */
	const unit_map *(*map)(void *ctx, gn_date d);
	/* whether unit `code`, valid on map m, is in the caller's view */
	bool (*in_view)(void *ctx, const unit_map *m, int32_t code);
	void *ctx;
} rp_view;

typedef struct rp_item {
	const rp_type *type;
	rp_period period;
	int32_t unit;
	unit_level level;
	int32_t to;             /* the parent on the map; -1: none (the national level) */
	gn_date map_date;
	gn_date due;
	gn_date circular_due;   /* GN_DATE_MIN when only a local deadline expects it */
	int64_t local_id;       /* the local deadline that set `due`; 0: the type's own rule */
	int64_t request_id;     /* ad hoc */
} rp_item;

/* Every report expected in the view, by type (in the file's order), then
 * period, then level and code. *out is the caller's (free()). */
gn_err rp_expected(const rp_view *v, rp_item **out, size_t *n);

/* ---- submissions: state, status, counts, decisions ------------------------------------- */

typedef enum rp_state {
	RS_NONE,        /* not sent */
	RS_SUBMITTED,   /* sent, waiting for the parent unit */
	RS_RETURNED,    /* returned for correction */
	RS_APPROVED     /* approved: locked */
} rp_state;

/* "none", "submitted", "returned", "approved"; parse the three stored. */
const char *rp_state_name(rp_state s);
bool rp_state_parse(const char *s, rp_state *out);

typedef enum rp_status {
	RPS_UPCOMING,   /* chưa đến hạn */
	RPS_DUE_SOON,   /* sắp đến hạn: within the type's reminder days */
	RPS_OVERDUE,    /* quá hạn: past the due date, not sent */
	RPS_SUBMITTED,  /* đã nộp */
	RPS_RETURNED,   /* trả lại */
	RPS_APPROVED,   /* đã duyệt */
	RPS_COUNT
} rp_status;

const char *rp_status_name(rp_status s);
const char *rp_status_label(rp_status s, bool en);
/* The status of a report in state s due on `due`, today. Due today is
 * not yet overdue. */
rp_status rp_status_of(rp_state s, gn_date due, int remind_days, gn_date today);

typedef struct rp_counts {
	int64_t expected;
	int64_t due;          /* expected less upcoming: due by today, or sent */
	int64_t submitted;    /* sent at least once */
	int64_t on_time;      /* first sent on or before the due date */
	int64_t late;         /* first sent after it */
	int64_t missing;      /* not sent, past the due date */
	int64_t upcoming;     /* not sent, not due yet */
	int64_t waiting;      /* sent, waiting for the parent unit */
	int64_t returned;
	int64_t approved;
} rp_counts;

/* Counts one report: state s, due date, the day it was first sent
 * (ignored for RS_NONE). */
void rp_counts_add(rp_counts *c, rp_state s, gn_date due, gn_date first_sent, gn_date today);
void rp_counts_sum(rp_counts *into, const rp_counts *c);
/* Completeness (sent / due) and timeliness (on time / due), in
 * hundredths of a percent rounded half up; -1 when nothing is due. */
int64_t rp_completeness(const rp_counts *c);
int64_t rp_timeliness(const rp_counts *c);

typedef enum rp_action { RPA_SUBMIT, RPA_RETURN, RPA_APPROVE, RPA_COUNT } rp_action;

const char *rp_action_name(rp_action a);
bool rp_action_parse(const char *s, rp_action *out);

typedef enum rp_refusal {
	RPR_OK,
	RPR_ROLE,        /* not the unit's own (submit) or not above it (return, approve): 403 */
	RPR_LOCKED,      /* approved: nothing changes any more: 409 */
	RPR_STATE,       /* not in a state the action starts from: 409 */
	RPR_NOT_STARTED  /* a period that has not begun: 409 */
} rp_refusal;

/* Whether action a may be taken on a report in state s by a caller who
 * is the unit's own (own) or above it (above), today; checks in the order
 * role, locked, state, period. */
rp_refusal rp_decide(rp_action a, rp_state s, bool own, bool above, gn_date period_start,
		     gn_date today);
/* The state after a (allowed) action. */
rp_state rp_next_state(rp_action a);

#endif
