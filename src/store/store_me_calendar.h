/*
 * store_me_calendar.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "calendar" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_calendar.c.
 *
 * The reporting calendar: report submissions with their history, the
 * local deadlines units set, and ad hoc report requests. Dates are
 * "YYYY-MM-DD" ("" when not set); periods are the keys of
 * core/reporting.h ("2025S1"). Every write is audited in the caller's
 * transaction: entity "report_submission" under key
 * "calendar/submission/ID" ("created", then one row per changed field),
 * "report_deadline" under "calendar/deadline/ID" ("created", changes,
 * "deleted"), "report_request" under "calendar/request/ID" ("created").
 * Records with char * fields are released by their *_clear function.
 */
#ifndef GN_STORE_ME_CALENDAR_H
#define GN_STORE_ME_CALENDAR_H

#define ST_RTYPE 32   /* report type codes fit in 31 bytes */
#define ST_PERIOD 32  /* period keys */

typedef struct st_calendar_submission {
	int64_t id;
	char type_code[ST_RTYPE];
	char period[ST_PERIOD];
	int year;                    /* the period's year */
	char unit_code[ST_CODE];     /* the unit that sends it */
	char state[12];              /* "submitted", "returned", "approved" */
	char first_submitted_on[11]; /* timeliness is judged on this day */
	char submitted_on[11];       /* the last (re)submission */
	int64_t submitted_by;
	char decided_on[11];         /* the last return or the approval */
	int64_t decided_by;
	char *note;                  /* the sender's note */
	char *figures;               /* the figures as JSON text, or "" */
	char *attachment;            /* a file's name or reference, or "" */
	char *reason;                /* the reason of the last return, or "" */
	int64_t created_at, updated_at;
} st_calendar_submission;

void st_calendar_submission_clear(st_calendar_submission *s);
/* Adds s (sets s->id; created_at and updated_at when 0). GN_EEXIST when
 * the unit has that type and period already. */
gn_err store_calendar_submission_add(store *st, st_calendar_submission *s, int64_t user);
gn_err store_calendar_submission_get(store *st, int64_t id, st_calendar_submission *out);
gn_err store_calendar_submission_find(store *st, const char *type_code, const char *period,
				      const char *unit_code, st_calendar_submission *out);
/* Writes the changeable fields of s (state, dates, people, note,
 * figures, attachment, reason; type, period and unit never change),
 * auditing each change. GN_ENOTFOUND without the record; GN_EINPUT when
 * the stored one is approved (locked). */
gn_err store_calendar_submission_update(store *st, const st_calendar_submission *s,
					int64_t user);
/* Calls fn for every submission of `year` (0: all years), by id; stops
 * early when fn returns false. Strings are valid during the call only. */
gn_err store_calendar_submissions_each(store *st, int year,
				       bool (*fn)(void *ctx, const st_calendar_submission *s),
				       void *ctx);

typedef struct st_calendar_event {
	int64_t id, submission_id, at, user_id;
	char on_date[11];
	char action[12];             /* "submit", "return", "approve" */
	char from_state[12];         /* "" for the first submission */
	char to_state[12];
	char *note;                  /* the note, or the reason of a return */
} st_calendar_event;

/* Appends an event (sets e->id; e->at when 0). */
gn_err store_calendar_event_add(store *st, st_calendar_event *e);
/* The events of a submission, oldest first; free with
 * store_calendar_events_free. */
gn_err store_calendar_events(store *st, int64_t submission_id, st_calendar_event **out,
			     size_t *n);
void store_calendar_events_free(st_calendar_event *e, size_t n);

typedef struct st_calendar_deadline {
	int64_t id;
	char unit_code[ST_CODE];     /* the unit that sets it */
	char type_code[ST_RTYPE];
	char period_kind[16];        /* a kind of core/reporting.h: "half", "quarter"... */
	char rule[64];               /* a due rule: "before 05-20" */
	char levels[48];             /* "commune;district" */
	int year_from, year_to;      /* 0: open */
	char *plan_ref;              /* "Kế hoạch 32/KH-UBND ngày 15/3/2023, mục VI.9" */
	int64_t created_by, updated_at;
} st_calendar_deadline;

void st_calendar_deadline_clear(st_calendar_deadline *d);
gn_err store_calendar_deadline_add(store *st, st_calendar_deadline *d, int64_t user); /* sets id */
gn_err store_calendar_deadline_get(store *st, int64_t id, st_calendar_deadline *out);
/* Writes every field but the setting unit, auditing each change. */
gn_err store_calendar_deadline_update(store *st, const st_calendar_deadline *d, int64_t user);
/* Deletes it (audited "deleted" with the rule as old value). */
gn_err store_calendar_deadline_delete(store *st, int64_t id, int64_t user);
/* Every local deadline, by unit then id; free with
 * store_calendar_deadlines_free. */
gn_err store_calendar_deadlines(store *st, st_calendar_deadline **out, size_t *n);
void store_calendar_deadlines_free(st_calendar_deadline *d, size_t n);

typedef struct st_calendar_request {
	int64_t id;
	char unit_code[ST_CODE];     /* the unit that asks */
	char type_code[ST_RTYPE];    /* an ad hoc type */
	char *title;                 /* what is asked */
	int year;                    /* of the request's day */
	char request_date[11];
	char due_date[11];
	char levels[48];             /* who answers, under the unit */
	int64_t created_by, created_at;
} st_calendar_request;

void st_calendar_request_clear(st_calendar_request *r);
gn_err store_calendar_request_add(store *st, st_calendar_request *r, int64_t user); /* sets id */
gn_err store_calendar_request_get(store *st, int64_t id, st_calendar_request *out);
/* The requests of `year` (0: all), by date then id; free with
 * store_calendar_requests_free. */
gn_err store_calendar_requests(store *st, int year, st_calendar_request **out, size_t *n);
void store_calendar_requests_free(st_calendar_request *r, size_t n);

#endif
