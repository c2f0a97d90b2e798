/*
 * store.h - the one storage interface of gnbv.
 *
 * Layer: store (beside io, above core). Every read and write of persistent
 * data goes through these functions; handlers, commands and reports never
 * see SQL. Today there is one implementation, SQLite (sqlite.c: WAL,
 * foreign keys, versioned migrations in migrate.c); a PostgreSQL one for
 * national scale implements the same `store_ops` table (store_int.h)
 * without touching callers.
 *
 * Conventions:
 * - Functions return gn_err; GN_ENOTFOUND for a missing record, GN_EEXIST
 *   for a unique key taken, GN_EINPUT for a rule broken (message in the
 *   diag when one is passed), GN_EIO for a database failure.
 * - Records are plain structs; strings inside are owned by the struct and
 *   released by its *_clear function (which accepts a zeroed struct).
 *   Fixed-size char arrays hold bounded codes.
 * - Writes that belong together run inside store_begin/store_commit (or
 *   store_rollback); imports use one transaction per file (all or
 *   nothing). Every change of a user-entered record also appends to the
 *   audit log (store_audit) inside the same transaction: who, when, which
 *   record, field, old and new value.
 * - A store is used by one thread at a time; the HTTP server opens one per
 *   worker thread (SQLite WAL lets readers and one writer proceed).
 */
#ifndef GN_STORE_H
#define GN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/units.h"

#define ST_CODE 32   /* unit codes, household ids fit in 31 bytes */
#define ST_NAME 128

typedef struct store store;

/* Opens (creating when create is true) the database at path and brings
 * its schema to the latest version (migrations run in one transaction).
 * GN_EIO with a message in d when it cannot. */
gn_err store_open(const char *path, bool create, gn_diag *d, store **out);
void store_close(store *st);
/* The schema version after migrations. */
int store_schema_version(store *st);
/* The message of the last database error of st ("" when none), for logs;
 * valid until the next call on st. (Addition, issue 3.) */
const char *store_errmsg(const store *st);

gn_err store_begin(store *st);
gn_err store_commit(store *st);
void store_rollback(store *st);

/* ---- units, lineage, population --------------------------------------- */

/* Replaces all units and lineage with those of u (already checked). */
gn_err store_units_replace(store *st, const unit_set *u);
/* Loads units and lineage into a new checked set (units_free it). */
gn_err store_units_load(store *st, unit_set **out);
/* Calls fn with every distinct unit code that households, reviews,
 * population rows, review rounds, applications, users or the M&E records
 * (plans, budget lines, indicator values, training, inspections, report
 * submissions and deadlines) refer to, in byte order; stops early when fn
 * returns false. (Addition, issue 3: an import of units checks that no
 * code in use disappears.) */
gn_err store_unit_codes_used(store *st, bool (*fn)(void *ctx, const char *code),
			     void *ctx);

typedef struct st_population {
	char unit_code[ST_CODE];
	int year;
	int64_t households;
	int64_t persons; /* -1 unknown */
} st_population;

gn_err store_population_put(store *st, const st_population *p);
/* Calls fn for every row; stops early when fn returns false. */
gn_err store_population_each(store *st, bool (*fn)(void *ctx, const st_population *p),
			     void *ctx);

/* ---- households, members, reviews --------------------------------------- */

typedef struct st_member {
	int seq;                 /* 1 = head */
	char *name;
	char sex;                /* 'M', 'F' or 0 */
	int birth_year;          /* 0 unknown */
	char *ethnicity;
	char *relation;          /* "chủ hộ", "vợ", "con"... */
	char id_number[16];      /* 12-digit citizen id or "" */
	int8_t health_insurance; /* 1/0/-1 unknown */
	char *schooling;         /* free text: level or "đang đi học" */
	char *labour;            /* free text: labour status */
} st_member;

typedef struct st_household {
	char id[ST_CODE];
	char unit_code[ST_CODE]; /* commune or village it is recorded on now */
	char *village;
	char *head_name;
	char *address;
	st_member *members;
	size_t nmembers;
	int64_t updated_at;      /* unix seconds */
} st_household;

void st_household_clear(st_household *h);

/* The review record of one household for one year: the survey (B1/B2),
 * the group flags, causes, needs, and the class computed from them. */
typedef struct st_review {
	char household_id[ST_CODE];
	int year;
	char unit_code[ST_CODE];
	char *village;
	int members;
	int64_t income;          /* VND per person per month, -1 not given */
	int64_t score_a;         /* x STD_SCORE_SCALE, -1 not given */
	char *deprivations;      /* ';'-joined indicator keys set: "d_water;d_sanitation" */
	char area[8];            /* "", "urban", "rural" (override) */
	char *head_name;
	char head_sex;           /* 'M', 'F', 0 */
	int head_birth_year;
	char *head_ethnicity;
	char id_number[16];
	int8_t merit, no_labour, social_protection;
	char *causes;            /* ';'-joined cause codes */
	char *support_needs;     /* free text */
	char cls[12];            /* class computed on save: POOR ... NOT_POOR */
	char status[12];         /* "draft", "approved", "locked" */
	int64_t round_id;        /* review round it belongs to, 0 none */
	int64_t updated_at;
	int64_t updated_by;      /* user id */
} st_review;

void st_review_clear(st_review *r);

gn_err store_household_get(store *st, const char *id, st_household *out);
/* Creates or replaces a household and its members (audited by user). */
gn_err store_household_put(store *st, const st_household *h, int64_t user);
/* The same for the household's own fields only (unit, village, head's
 * name, address): its members stay as stored and h->members is ignored.
 * (Addition, issue 3: imports carry no member list.) */
gn_err store_household_put_info(store *st, const st_household *h, int64_t user);
gn_err store_review_get(store *st, const char *household_id, int year,
			st_review *out);
/* Creates or replaces a review (audited field by field by user). GN_EINPUT
 * when the existing one is locked. */
gn_err store_review_put(store *st, const st_review *r, int64_t user);
/* Reviews of one household, by year; *out is an array of n reviews to be
 * cleared one by one and freed. */
gn_err store_reviews_of(store *st, const char *household_id, st_review **out,
			size_t *n);
/* Calls fn for every review (year 0: all years), in no given order. */
gn_err store_reviews_each(store *st, int year,
			  bool (*fn)(void *ctx, const st_review *r), void *ctx);

typedef struct st_search {
	const char *const *unit_codes; /* recorded units to look in; NULL: all */
	size_t nunits;
	const char *query;   /* diacritics-insensitive: "duc" finds "Đức" */
	int year;            /* with a review that year (0: any) */
	const char *cls;     /* that review's class (year 0: the latest review's), or NULL */
	size_t offset, limit; /* limit 0: no limit */
} st_search;

typedef struct st_household_row {
	char id[ST_CODE];
	char unit_code[ST_CODE];
	char *village;
	char *head_name;
	char cls[12];        /* class in the year searched, "" */
} st_household_row;

/* Households matching s, sorted the Vietnamese way: by given name (last
 * word), then family name, with the alphabet a ă â b c d đ e ê ... o ô ơ
 * ... u ư ..., tones after letters. *total receives the match count. Free
 * the rows with store_rows_free. */
gn_err store_households_search(store *st, const st_search *s,
			       st_household_row **out, size_t *n, size_t *total);
void store_rows_free(st_household_row *rows, size_t n);

/* ---- users, sessions, login throttling ---------------------------------- */

typedef struct st_user {
	int64_t id;
	char username[64];
	char full_name[ST_NAME];
	char role[24];           /* see api/roles.h */
	char unit_code[ST_CODE]; /* scope: this unit and its subtree */
	char pw_hash[160];       /* libsodium crypto_pwhash_str (argon2id) */
	bool disabled;
} st_user;

gn_err store_user_add(store *st, st_user *u);          /* sets u->id */
gn_err store_user_get(store *st, const char *username, st_user *out);
gn_err store_user_get_id(store *st, int64_t id, st_user *out);
gn_err store_user_update(store *st, const st_user *u);
gn_err store_users_list(store *st, st_user **out, size_t *n); /* free() */

typedef struct st_session {
	char token_hash[65];     /* hex SHA-256 of the cookie token */
	int64_t user_id;
	char csrf[65];
	int64_t created_at, expires_at;
} st_session;

gn_err store_session_put(store *st, const st_session *s);
gn_err store_session_get(store *st, const char *token_hash, st_session *out);
gn_err store_session_delete(store *st, const char *token_hash);
/* Ends every session of a user (after a password change or disabling). */
gn_err store_sessions_delete_user(store *st, int64_t user_id);
gn_err store_login_failure(store *st, const char *username, const char *ip,
			   int64_t at);
/* Failures of username (or from ip) since `since`. */
gn_err store_login_failures(store *st, const char *username, const char *ip,
			    int64_t since, int *count);
gn_err store_login_clear(store *st, const char *username);

/* ---- audit ---------------------------------------------------------------- */

/* Puts write one row per changed field; a record that did not exist gets
 * one row with field "created" (new value: a review's class, a
 * household's head name, a member's name) and a member removed one row
 * "deleted". Keys: "H0001", "H0001/2024" (review), "H0001/member/2". */

typedef struct st_audit {
	int64_t id, at, user_id;
	char entity[24];         /* "household", "review", "member", "round", "user" */
	char record_key[96];     /* "H0001", "H0001/2024", ... */
	char field[48];
	char *old_value, *new_value;
} st_audit;

gn_err store_audit(store *st, int64_t user, const char *entity,
		   const char *record_key, const char *field,
		   const char *old_value, const char *new_value);
/* Entries whose record_key is key or starts with key + "/", newest first. */
gn_err store_audit_of(store *st, const char *key, st_audit **out, size_t *n);
void store_audit_free(st_audit *a, size_t n);

/* ---- uploads (import preview, then commit) ------------------------------- */

gn_err store_upload_put(store *st, int64_t user, const char *kind,
			const char *filename, const void *data, size_t len,
			int64_t *id);
/* *data is malloc'd (free it). */
gn_err store_upload_get(store *st, int64_t id, int64_t *user, char kind[24],
			char filename[ST_NAME], void **data, size_t *len);
gn_err store_upload_delete(store *st, int64_t id);

/* ---- review rounds, their events and complaints; applications ------------
 * (Addition, issue 9: the review workflow of app/workflow.h.) Every write
 * is audited in the caller's transaction: a round under key "round/ID"
 * (entity "round": "created", then one row per changed field, and the
 * tallies as fields "tally.KIND.KEY"), a complaint under
 * "round/ID/complaint/CID" (entity "complaint"), an application under
 * "HOUSEHOLD/application/AID" (entity "application", so it shows in the
 * household's history). Dates are "YYYY-MM-DD", "" when not set. */

typedef struct st_round {
	int64_t id;
	char unit_code[ST_CODE];   /* the commune */
	int year;                  /* the review year */
	char kind[12];             /* "periodic" or "regular" */
	int month;                 /* regular: 1..12; periodic: 0 */
	char state[16];            /* a state of app/workflow.h */
	int64_t opened_at;         /* unix seconds */
	char meeting_date[11];     /* the last village meeting */
	int attendees, votes_for;
	char posting_start[11];    /* the current (last) posting */
	char posting_end[11];
	int postings;              /* postings so far: 1 + re-postings after complaints */
	char decision_no[64];      /* the chair's decision (quyết định công nhận) */
	char decision_date[11];
	bool certified;            /* certificates may be issued */
	int64_t created_by;
	int64_t updated_at;
} st_round;

/* Adds r (sets r->id; opened_at and updated_at when 0). GN_EEXIST when the
 * unit already has that round (periodic: one per year; regular: one per
 * month); GN_EINPUT for a kind/month that do not agree. */
gn_err store_round_add(store *st, st_round *r, int64_t user);
gn_err store_round_get(store *st, int64_t id, st_round *out);
/* The round of unit, year, kind and month (0 for periodic). */
gn_err store_round_find(store *st, const char *unit_code, int year, const char *kind,
			int month, st_round *out);
/* Writes the changeable fields of r (state, meeting, posting, decision,
 * certified; unit, year, kind and month never change), auditing each
 * change. GN_ENOTFOUND when there is no such round. */
gn_err store_round_update(store *st, const st_round *r, int64_t user);

typedef struct st_round_filter {
	const char *const *unit_codes; /* NULL: all */
	size_t nunits;
	int year;                      /* 0: any */
	const char *kind;              /* NULL: any */
} st_round_filter;

/* Rounds matching f, newest year first, then by unit, kind and month;
 * free() the array. */
gn_err store_rounds_list(store *st, const st_round_filter *f, st_round **out, size_t *n);

typedef struct st_round_event {
	int64_t id, round_id, at, user_id;
	char action[24];           /* "open", "start_survey", "record_meeting", ... */
	char from_state[16];       /* "" for the opening */
	char to_state[16];
	char *note;
} st_round_event;

/* Appends an event (sets e->id; e->at when 0). */
gn_err store_round_event_add(store *st, st_round_event *e);
/* The events of a round, oldest first; free with store_round_events_free. */
gn_err store_round_events(store *st, int64_t round_id, st_round_event **out, size_t *n);
void store_round_events_free(st_round_event *e, size_t n);

typedef struct st_complaint {
	int64_t id, round_id;
	char household_id[ST_CODE]; /* "" when about the list as a whole */
	char received[11];
	char *text;
	char status[12];           /* "open", "rechecked", "resolved" */
	char *result;              /* of the re-check (phúc tra) */
	char rechecked_at[11];
	char resolved_at[11];
} st_complaint;

void st_complaint_clear(st_complaint *c);
gn_err store_complaint_add(store *st, st_complaint *c, int64_t user); /* sets id */
gn_err store_complaint_get(store *st, int64_t id, st_complaint *out);
gn_err store_complaint_update(store *st, const st_complaint *c, int64_t user);
/* The complaints of a round, oldest first; free with store_complaints_free. */
gn_err store_complaints_of(store *st, int64_t round_id, st_complaint **out, size_t *n);
void store_complaints_free(st_complaint *c, size_t n);

typedef struct st_application {
	int64_t id;
	char household_id[ST_CODE];
	char unit_code[ST_CODE];   /* the commune */
	char form[4];              /* "01" enter the lists, "04" leave them */
	char date[11];             /* received */
	char status[12];           /* "registered", "surveyed", "approved" */
	int64_t round_id;          /* the regular round it is reviewed in */
	char *note;
	int64_t created_by, updated_at;
} st_application;

void st_application_clear(st_application *a);
gn_err store_application_add(store *st, st_application *a, int64_t user); /* sets id */
gn_err store_application_get(store *st, int64_t id, st_application *out);
gn_err store_application_update(store *st, const st_application *a, int64_t user);

typedef struct st_application_filter {
	const char *const *unit_codes; /* NULL: all */
	size_t nunits;
	int64_t round_id;              /* 0: any */
	int year;                      /* of the date; 0: any */
	const char *status;            /* NULL: any */
} st_application_filter;

/* Applications matching f, newest first; free with store_applications_free. */
gn_err store_applications_list(store *st, const st_application_filter *f,
			       st_application **out, size_t *n);
void store_applications_free(st_application *a, size_t n);

/* Counts recorded in a round at approval: kind "class" (POOR, ...) or
 * "transition" (new_poor, escaped_poor, ...). */
typedef struct st_tally {
	char kind[12];
	char key[24];
	int64_t households;
} st_tally;

/* Replaces the tallies of a round (audited). */
gn_err store_round_tallies_put(store *st, int64_t round_id, const st_tally *t, size_t n,
			       int64_t user);
/* The tallies of a round by kind and key; free() the array. */
gn_err store_round_tallies(store *st, int64_t round_id, st_tally **out, size_t *n);

/* Sets the status ("approved", "locked") and round of one review, auditing
 * both. GN_ENOTFOUND without the review; GN_EINPUT when it is locked. */
gn_err store_review_set_status(store *st, const char *household_id, int year,
			       const char *status, int64_t round_id, int64_t user);
/* Calls fn for every review of `year` recorded on one of the n units, in
 * household id order; stops early when fn returns false. The review's
 * strings are valid during the call only. */
gn_err store_reviews_in_units(store *st, int year, const char *const *units, size_t n,
			      bool (*fn)(void *ctx, const st_review *r), void *ctx);

/* ---- the programme's monitoring and evaluation (issue 5), per area ---- */
#include "store_me_calendar.h"
#include "store_me_capacity.h"
#include "store_me_plans.h"
#include "store_me_results.h"

#endif
