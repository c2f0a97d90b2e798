/*
 * capacity.h - the rules of capacity building (training, DA7.1) and of
 * inspections (kiểm tra, giám sát), apart from any storage: kinds and
 * levels of training events, their length in days, the tally of
 * attendances into distinct people, the share of poverty-reduction staff
 * trained, the statuses of a recommendation and their moves, when a
 * recommendation is overdue, and when a mission's report is due.
 *
 * Layer: core (pure). Numbers that the law may change (15 working days
 * for a mission's report, the 100% target) are not here: they are data
 * (data/me/capacity.csv, read by io/capacity_file.h) and come in as
 * arguments.
 *
 * Ownership: cap_tally_* keep nothing of their arguments but the position
 * strings, which are copied; cap_tally_free releases a tally (a zeroed
 * tally is fine).
 */
#ifndef GN_CAPACITY_H
#define GN_CAPACITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "date.h"

/* ---- training ----------------------------------------------------------- */

typedef enum cap_kind {
	CAP_TRAINING,   /* lớp tập huấn, bồi dưỡng */
	CAP_STUDY_TOUR, /* tham quan học tập, trao đổi kinh nghiệm */
	CAP_CONFERENCE, /* hội nghị, hội thảo */
	CAP_KIND_COUNT
} cap_kind;

typedef enum cap_level {
	CAP_LEVEL_COMMUNE,
	CAP_LEVEL_DISTRICT,
	CAP_LEVEL_PROVINCE,
	CAP_LEVEL_CENTRAL,
	CAP_LEVEL_COUNT
} cap_level;

/* Names as stored and sent ("training", "study_tour", "conference";
 * "commune" ... "central"), labels for people. */
const char *cap_kind_name(cap_kind k);
const char *cap_kind_label(cap_kind k, bool en);
bool cap_kind_parse(const char *s, cap_kind *out);
const char *cap_level_name(cap_level l);
const char *cap_level_label(cap_level l, bool en);
bool cap_level_parse(const char *s, cap_level *out);

/* Calendar days from start to end, both counted (1 for a one-day class);
 * 0 when end < start. */
int cap_span_days(gn_date start, gn_date end);
/* Checks a length given in half days (a class of half a day is 1) against
 * the dates: at least 1 and at most 2 x the calendar days. */
bool cap_half_days_ok(int half_days, gn_date start, gn_date end);

/* One attendance: a person at a class. */
typedef struct cap_attendance {
	int64_t person_id;
	int64_t class_id;
	char sex;                /* 'M' or 'F' */
	bool staff;              /* poverty-reduction staff */
	cap_kind kind;           /* of the class */
	const char *position;    /* the person's role ("trưởng thôn"), may be "" */
} cap_attendance;

typedef struct cap_position_count {
	char *position;          /* "" for none given */
	int64_t people;          /* distinct people */
	int64_t women;
} cap_position_count;

/* What a set of attendances adds up to. */
typedef struct cap_tally {
	int64_t attendances;           /* lượt người */
	int64_t people;                /* distinct people */
	int64_t women;                 /* distinct women */
	int64_t staff;                 /* distinct poverty-reduction staff */
	int64_t classes;               /* distinct classes attended */
	int64_t attendances_by_kind[CAP_KIND_COUNT];
	int64_t people_by_kind[CAP_KIND_COUNT]; /* distinct people per kind */
	cap_position_count *positions; /* distinct people per position, most first */
	size_t npositions;
} cap_tally;

/* Tallies the n attendances at a (reordered in place: sorted by person,
 * then class; a person x class listed twice counts once). */
void cap_tally_of(cap_attendance *a, size_t n, cap_tally *out);
void cap_tally_free(cap_tally *t);

/* The share part / whole in hundredths of a percent, rounded half up
 * (1 of 3 -> 3333, i.e. 33.33%); -1 when whole is 0. */
int64_t cap_share_hundredths(int64_t part, int64_t whole);

/* ---- inspections ---------------------------------------------------------- */

typedef enum cap_mission_kind {
	CAP_MISSION_INSPECTION, /* kiểm tra */
	CAP_MISSION_MONITORING, /* giám sát */
	CAP_MISSION_JOINT,      /* kiểm tra, giám sát */
	CAP_MISSION_KIND_COUNT
} cap_mission_kind;

const char *cap_mission_kind_name(cap_mission_kind k);
const char *cap_mission_kind_label(cap_mission_kind k, bool en);
bool cap_mission_kind_parse(const char *s, cap_mission_kind *out);

typedef enum cap_status {
	CAP_OPEN,        /* chưa thực hiện */
	CAP_IN_PROGRESS, /* đang thực hiện */
	CAP_RESOLVED,    /* đã khắc phục */
	CAP_STATUS_COUNT
} cap_status;

const char *cap_status_name(cap_status s);
const char *cap_status_label(cap_status s, bool en);
bool cap_status_parse(const char *s, cap_status *out);
/* Whether a recommendation may move from `from` to `to`: open ->
 * in_progress -> resolved, open -> resolved, and back (in_progress ->
 * open, resolved -> in_progress: a resolution found wanting). A move to
 * the same status is not a move. */
bool cap_status_move_ok(cap_status from, cap_status to);

/* Overdue: not resolved and its due date is before today. */
bool cap_overdue(cap_status s, gn_date due, gn_date today);
/* Days late: today - due when overdue, else 0. */
int cap_days_late(cap_status s, gn_date due, gn_date today);

/* The day a mission's report is due: `working_days` working days after
 * its last day (cal NULL: weekends only). */
gn_date cap_report_due(const calendar *cal, gn_date end, int working_days);
/* Whether the report is late: submitted after the due date, or not
 * submitted yet (submitted == GN_DATE_MIN) and today is after it. */
bool cap_report_late(gn_date due, gn_date submitted, gn_date today);

#endif
