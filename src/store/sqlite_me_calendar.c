/*
 * sqlite_me_calendar.c - the reporting calendar in the SQLite store
 * (store_me_calendar.h; tables in sql_me_calendar.h): report submissions
 * and their events, local deadlines, ad hoc requests.
 *
 * Layer: store. The M&E tables are small: each call prepares its
 * statement (sqlite3_prepare_v2) and finalizes it. Writes of more than
 * one row run in a savepoint (all or nothing inside the caller's
 * transaction); every change is audited with st_audit_put, "" written as
 * NULL ("not given").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "store_int.h"

/* ---- helpers ----------------------------------------------------------------- */

static sqlite3_stmt *prep(store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	return st_prepare(st, sql, &s) == GN_OK ? s : NULL;
}

static gn_err finish(store *st, gn_err err)
{
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

/* ---- submissions --------------------------------------------------------------- */

#define SUB_COLS \
	"id, type_code, period, year, unit_code, state, first_submitted_on, submitted_on," \
	" submitted_by, decided_on, decided_by, note, figures, attachment, reason, created_at," \
	" updated_at"

static const char *const E_SUB = "report_submission";

static void sub_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "calendar/submission/%lld", (long long)id);
}

void st_calendar_submission_clear(st_calendar_submission *s)
{
	if (!s)
		return;
	free(s->note);
	free(s->figures);
	free(s->attachment);
	free(s->reason);
	s->note = s->figures = s->attachment = s->reason = NULL;
}

static void read_sub(sqlite3_stmt *s, void *p)
{
	st_calendar_submission *r = p;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, r->type_code, sizeof r->type_code);
	st_col_copy(s, 2, r->period, sizeof r->period);
	r->year = sqlite3_column_int(s, 3);
	st_col_copy(s, 4, r->unit_code, sizeof r->unit_code);
	st_col_copy(s, 5, r->state, sizeof r->state);
	st_col_copy(s, 6, r->first_submitted_on, sizeof r->first_submitted_on);
	st_col_copy(s, 7, r->submitted_on, sizeof r->submitted_on);
	r->submitted_by = sqlite3_column_int64(s, 8);
	st_col_copy(s, 9, r->decided_on, sizeof r->decided_on);
	r->decided_by = sqlite3_column_int64(s, 10);
	r->note = st_col_dup(s, 11);
	r->figures = st_col_dup(s, 12);
	r->attachment = st_col_dup(s, 13);
	r->reason = st_col_dup(s, 14);
	r->created_at = sqlite3_column_int64(s, 15);
	r->updated_at = sqlite3_column_int64(s, 16);
}

gn_err store_calendar_submission_add(store *st, st_calendar_submission *r, int64_t user)
{
	if (!r->type_code[0] || !r->period[0] || !r->unit_code[0] || !r->state[0] ||
	    !r->first_submitted_on[0]) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a submission needs a type, a period, a unit, a state and a date");
		return GN_EINPUT;
	}
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	sqlite3_stmt *s = prep(st,
		"INSERT INTO calendar_submissions(type_code, period, year, unit_code, state,"
		" first_submitted_on, submitted_on, submitted_by, decided_on, decided_by, note, figures,"
		" attachment, reason, created_at, updated_at)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	if (!s)
		return finish(st, GN_EIO);
	int64_t now = st_now();
	if (!r->created_at)
		r->created_at = now;
	if (!r->updated_at)
		r->updated_at = now;
	st_bind_text(s, 1, r->type_code);
	st_bind_text(s, 2, r->period);
	sqlite3_bind_int(s, 3, r->year);
	st_bind_text(s, 4, r->unit_code);
	st_bind_text(s, 5, r->state);
	st_bind_text(s, 6, r->first_submitted_on);
	st_bind_text(s, 7, r->submitted_on[0] ? r->submitted_on : r->first_submitted_on);
	sqlite3_bind_int64(s, 8, r->submitted_by ? r->submitted_by : user);
	st_bind_text(s, 9, r->decided_on);
	sqlite3_bind_int64(s, 10, r->decided_by);
	st_bind_text(s, 11, r->note);
	st_bind_text(s, 12, r->figures);
	st_bind_text(s, 13, r->attachment);
	st_bind_text(s, 14, r->reason);
	sqlite3_bind_int64(s, 15, r->created_at);
	sqlite3_bind_int64(s, 16, r->updated_at);
	if ((err = st_exec_final(st, s)))
		return finish(st, err);
	r->id = sqlite3_last_insert_rowid(st->db);
	char key[64];
	sub_key(key, sizeof key, r->id);
	char what[128];
	snprintf(what, sizeof what, "%s %s %s: %s", r->type_code, r->period, r->unit_code, r->state);
	err = st_audit_put(st, user, E_SUB, key, "created", NULL, what);
	return finish(st, err);
}

gn_err store_calendar_submission_get(store *st, int64_t id, st_calendar_submission *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " SUB_COLS " FROM calendar_submissions WHERE id = ?1");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_sub, out);
}

gn_err store_calendar_submission_find(store *st, const char *type_code, const char *period,
				      const char *unit_code, st_calendar_submission *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " SUB_COLS " FROM calendar_submissions"
				   " WHERE type_code = ?1 AND period = ?2 AND unit_code = ?3");
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, type_code);
	st_bind_text(s, 2, period);
	st_bind_text(s, 3, unit_code);
	return st_one_row(st, s, false, read_sub, out);
}

gn_err store_calendar_submission_update(store *st, const st_calendar_submission *r, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_calendar_submission old;
	if ((err = store_calendar_submission_get(st, r->id, &old)))
		return finish(st, err);
	if (strcmp(old.state, "approved") == 0) {
		st_calendar_submission_clear(&old);
		buf_reset(&st->err);
		buf_puts(&st->err, "the report is approved: it is locked");
		return finish(st, GN_EINPUT);
	}
	sqlite3_stmt *s = prep(st,
		"UPDATE calendar_submissions SET state = ?2, first_submitted_on = ?3, submitted_on = ?4,"
		" submitted_by = ?5, decided_on = ?6, decided_by = ?7, note = ?8, figures = ?9,"
		" attachment = ?10, reason = ?11, updated_at = ?12 WHERE id = ?1");
	if (!s) {
		st_calendar_submission_clear(&old);
		return finish(st, GN_EIO);
	}
	sqlite3_bind_int64(s, 1, r->id);
	st_bind_text(s, 2, r->state);
	st_bind_text(s, 3, r->first_submitted_on);
	st_bind_text(s, 4, r->submitted_on);
	sqlite3_bind_int64(s, 5, r->submitted_by);
	st_bind_text(s, 6, r->decided_on);
	sqlite3_bind_int64(s, 7, r->decided_by);
	st_bind_text(s, 8, r->note);
	st_bind_text(s, 9, r->figures);
	st_bind_text(s, 10, r->attachment);
	st_bind_text(s, 11, r->reason);
	sqlite3_bind_int64(s, 12, r->updated_at ? r->updated_at : st_now());
	if ((err = st_exec_final(st, s)) == GN_OK) {
		char key[64];
		sub_key(key, sizeof key, r->id);
		const char *e = E_SUB;
		(void)((err = st_audit_change(st, user, e, key, "state", old.state, r->state)) ||
		    (err = st_audit_change(st, user, e, key, "first_submitted_on", old.first_submitted_on,
					r->first_submitted_on)) ||
		    (err = st_audit_change(st, user, e, key, "submitted_on", old.submitted_on,
					r->submitted_on)) ||
		    (err = st_audit_int(st, user, e, key, "submitted_by", old.submitted_by,
				     r->submitted_by)) ||
		    (err = st_audit_change(st, user, e, key, "decided_on", old.decided_on, r->decided_on)) ||
		    (err = st_audit_int(st, user, e, key, "decided_by", old.decided_by, r->decided_by)) ||
		    (err = st_audit_change(st, user, e, key, "note", old.note, r->note)) ||
		    (err = st_audit_change(st, user, e, key, "figures", old.figures, r->figures)) ||
		    (err = st_audit_change(st, user, e, key, "attachment", old.attachment, r->attachment)) ||
		    (err = st_audit_change(st, user, e, key, "reason", old.reason, r->reason)));
	}
	st_calendar_submission_clear(&old);
	return finish(st, err);
}

gn_err store_calendar_submissions_each(store *st, int year,
				       bool (*fn)(void *ctx, const st_calendar_submission *s),
				       void *ctx)
{
	sqlite3_stmt *s = prep(st, "SELECT " SUB_COLS " FROM calendar_submissions"
				   " WHERE ?1 = 0 OR year = ?1 ORDER BY id");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int(s, 1, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_calendar_submission r;
		read_sub(s, &r);
		bool go = fn(ctx, &r);
		st_calendar_submission_clear(&r);
		if (!go) {
			rc = SQLITE_DONE;
			break;
		}
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, sqlite3_extended_errcode(st->db));
	sqlite3_finalize(s);
	return err;
}

/* ---- events ---------------------------------------------------------------------- */

gn_err store_calendar_event_add(store *st, st_calendar_event *e)
{
	sqlite3_stmt *s = prep(st, "INSERT INTO calendar_events(submission_id, at, on_date, user_id,"
				   " action, from_state, to_state, note) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!s)
		return GN_EIO;
	if (!e->at)
		e->at = st_now();
	sqlite3_bind_int64(s, 1, e->submission_id);
	sqlite3_bind_int64(s, 2, e->at);
	st_bind_text(s, 3, e->on_date);
	sqlite3_bind_int64(s, 4, e->user_id);
	st_bind_text(s, 5, e->action);
	st_bind_text(s, 6, e->from_state);
	st_bind_text(s, 7, e->to_state);
	st_bind_text(s, 8, e->note);
	gn_err err = st_exec_final(st, s);
	if (!err)
		e->id = sqlite3_last_insert_rowid(st->db);
	return err;
}

static void read_event(sqlite3_stmt *s, void *p)
{
	st_calendar_event *e = p;
	e->id = sqlite3_column_int64(s, 0);
	e->submission_id = sqlite3_column_int64(s, 1);
	e->at = sqlite3_column_int64(s, 2);
	st_col_copy(s, 3, e->on_date, sizeof e->on_date);
	e->user_id = sqlite3_column_int64(s, 4);
	st_col_copy(s, 5, e->action, sizeof e->action);
	st_col_copy(s, 6, e->from_state, sizeof e->from_state);
	st_col_copy(s, 7, e->to_state, sizeof e->to_state);
	e->note = st_col_dup(s, 8);
}

gn_err store_calendar_events(store *st, int64_t submission_id, st_calendar_event **out, size_t *n)
{
	sqlite3_stmt *s = prep(st, "SELECT id, submission_id, at, on_date, user_id, action, from_state,"
				   " to_state, note FROM calendar_events WHERE submission_id = ?1 ORDER BY id");
	if (!s) {
		*out = NULL;
		*n = 0;
		return GN_EIO;
	}
	sqlite3_bind_int64(s, 1, submission_id);
	return st_all_rows(st, s, false, sizeof **out, read_event, (void **)out, n);
}

void store_calendar_events_free(st_calendar_event *e, size_t n)
{
	if (!e)
		return;
	for (size_t i = 0; i < n; i++)
		free(e[i].note);
	free(e);
}

/* ---- local deadlines ---------------------------------------------------------------- */

static const char *const E_DL = "report_deadline";

static void dl_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "calendar/deadline/%lld", (long long)id);
}

void st_calendar_deadline_clear(st_calendar_deadline *d)
{
	if (!d)
		return;
	free(d->plan_ref);
	d->plan_ref = NULL;
}

#define DL_COLS \
	"id, unit_code, type_code, period_kind, rule, levels, year_from, year_to, plan_ref," \
	" created_by, updated_at"

static void read_dl(sqlite3_stmt *s, void *p)
{
	st_calendar_deadline *d = p;
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, d->unit_code, sizeof d->unit_code);
	st_col_copy(s, 2, d->type_code, sizeof d->type_code);
	st_col_copy(s, 3, d->period_kind, sizeof d->period_kind);
	st_col_copy(s, 4, d->rule, sizeof d->rule);
	st_col_copy(s, 5, d->levels, sizeof d->levels);
	d->year_from = sqlite3_column_int(s, 6);
	d->year_to = sqlite3_column_int(s, 7);
	d->plan_ref = st_col_dup(s, 8);
	d->created_by = sqlite3_column_int64(s, 9);
	d->updated_at = sqlite3_column_int64(s, 10);
}

gn_err store_calendar_deadline_add(store *st, st_calendar_deadline *d, int64_t user)
{
	if (!d->unit_code[0] || !d->type_code[0] || !d->period_kind[0] || !d->rule[0] ||
	    !d->levels[0]) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a local deadline needs a unit, a type, a period kind, a rule and levels");
		return GN_EINPUT;
	}
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	sqlite3_stmt *s = prep(st, "INSERT INTO calendar_deadlines(unit_code, type_code, period_kind,"
				   " rule, levels, year_from, year_to, plan_ref, created_by, updated_at)"
				   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (!s)
		return finish(st, GN_EIO);
	if (!d->updated_at)
		d->updated_at = st_now();
	if (!d->created_by)
		d->created_by = user;
	st_bind_text(s, 1, d->unit_code);
	st_bind_text(s, 2, d->type_code);
	st_bind_text(s, 3, d->period_kind);
	st_bind_text(s, 4, d->rule);
	st_bind_text(s, 5, d->levels);
	sqlite3_bind_int(s, 6, d->year_from);
	sqlite3_bind_int(s, 7, d->year_to);
	st_bind_text(s, 8, d->plan_ref);
	sqlite3_bind_int64(s, 9, d->created_by);
	sqlite3_bind_int64(s, 10, d->updated_at);
	if ((err = st_exec_final(st, s)))
		return finish(st, err);
	d->id = sqlite3_last_insert_rowid(st->db);
	char key[64], what[160];
	dl_key(key, sizeof key, d->id);
	snprintf(what, sizeof what, "%s %s %s: %s", d->unit_code, d->type_code, d->period_kind, d->rule);
	err = st_audit_put(st, user, E_DL, key, "created", NULL, what);
	return finish(st, err);
}

gn_err store_calendar_deadline_get(store *st, int64_t id, st_calendar_deadline *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " DL_COLS " FROM calendar_deadlines WHERE id = ?1");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_dl, out);
}

gn_err store_calendar_deadline_update(store *st, const st_calendar_deadline *d, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_calendar_deadline old;
	if ((err = store_calendar_deadline_get(st, d->id, &old)))
		return finish(st, err);
	sqlite3_stmt *s = prep(st, "UPDATE calendar_deadlines SET type_code = ?2, period_kind = ?3,"
				   " rule = ?4, levels = ?5, year_from = ?6, year_to = ?7, plan_ref = ?8,"
				   " updated_at = ?9 WHERE id = ?1");
	if (!s) {
		st_calendar_deadline_clear(&old);
		return finish(st, GN_EIO);
	}
	sqlite3_bind_int64(s, 1, d->id);
	st_bind_text(s, 2, d->type_code);
	st_bind_text(s, 3, d->period_kind);
	st_bind_text(s, 4, d->rule);
	st_bind_text(s, 5, d->levels);
	sqlite3_bind_int(s, 6, d->year_from);
	sqlite3_bind_int(s, 7, d->year_to);
	st_bind_text(s, 8, d->plan_ref);
	sqlite3_bind_int64(s, 9, d->updated_at ? d->updated_at : st_now());
	if ((err = st_exec_final(st, s)) == GN_OK) {
		char key[64];
		dl_key(key, sizeof key, d->id);
		const char *e = E_DL;
		(void)((err = st_audit_change(st, user, e, key, "type_code", old.type_code, d->type_code)) ||
		    (err = st_audit_change(st, user, e, key, "period_kind", old.period_kind,
					d->period_kind)) ||
		    (err = st_audit_change(st, user, e, key, "rule", old.rule, d->rule)) ||
		    (err = st_audit_change(st, user, e, key, "levels", old.levels, d->levels)) ||
		    (err = st_audit_int(st, user, e, key, "year_from", old.year_from, d->year_from)) ||
		    (err = st_audit_int(st, user, e, key, "year_to", old.year_to, d->year_to)) ||
		    (err = st_audit_change(st, user, e, key, "plan_ref", old.plan_ref, d->plan_ref)));
	}
	st_calendar_deadline_clear(&old);
	return finish(st, err);
}

gn_err store_calendar_deadline_delete(store *st, int64_t id, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_calendar_deadline old;
	if ((err = store_calendar_deadline_get(st, id, &old)))
		return finish(st, err);
	sqlite3_stmt *s = prep(st, "DELETE FROM calendar_deadlines WHERE id = ?1");
	if (!s) {
		st_calendar_deadline_clear(&old);
		return finish(st, GN_EIO);
	}
	sqlite3_bind_int64(s, 1, id);
	if ((err = st_exec_final(st, s)) == GN_OK) {
		char key[64], what[160];
		dl_key(key, sizeof key, id);
		snprintf(what, sizeof what, "%s %s %s: %s", old.unit_code, old.type_code,
			 old.period_kind, old.rule);
		err = st_audit_put(st, user, E_DL, key, "deleted", what, NULL);
	}
	st_calendar_deadline_clear(&old);
	return finish(st, err);
}

gn_err store_calendar_deadlines(store *st, st_calendar_deadline **out, size_t *n)
{
	sqlite3_stmt *s = prep(st, "SELECT " DL_COLS " FROM calendar_deadlines ORDER BY unit_code, id");
	if (!s) {
		*out = NULL;
		*n = 0;
		return GN_EIO;
	}
	return st_all_rows(st, s, false, sizeof **out, read_dl, (void **)out, n);
}

void store_calendar_deadlines_free(st_calendar_deadline *d, size_t n)
{
	if (!d)
		return;
	for (size_t i = 0; i < n; i++)
		st_calendar_deadline_clear(&d[i]);
	free(d);
}

/* ---- ad hoc requests ------------------------------------------------------------------ */

void st_calendar_request_clear(st_calendar_request *r)
{
	if (!r)
		return;
	free(r->title);
	r->title = NULL;
}

#define RQ_COLS \
	"id, unit_code, type_code, title, year, request_date, due_date, levels, created_by, created_at"

static void read_rq(sqlite3_stmt *s, void *p)
{
	st_calendar_request *r = p;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, r->unit_code, sizeof r->unit_code);
	st_col_copy(s, 2, r->type_code, sizeof r->type_code);
	r->title = st_col_dup(s, 3);
	r->year = sqlite3_column_int(s, 4);
	st_col_copy(s, 5, r->request_date, sizeof r->request_date);
	st_col_copy(s, 6, r->due_date, sizeof r->due_date);
	st_col_copy(s, 7, r->levels, sizeof r->levels);
	r->created_by = sqlite3_column_int64(s, 8);
	r->created_at = sqlite3_column_int64(s, 9);
}

gn_err store_calendar_request_add(store *st, st_calendar_request *r, int64_t user)
{
	if (!r->unit_code[0] || !r->type_code[0] || !r->request_date[0] || !r->due_date[0] ||
	    !r->levels[0] || r->year <= 0) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a request needs a unit, a type, dates, a year and levels");
		return GN_EINPUT;
	}
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	sqlite3_stmt *s = prep(st, "INSERT INTO calendar_requests(unit_code, type_code, title, year,"
				   " request_date, due_date, levels, created_by, created_at)"
				   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return finish(st, GN_EIO);
	if (!r->created_at)
		r->created_at = st_now();
	if (!r->created_by)
		r->created_by = user;
	st_bind_text(s, 1, r->unit_code);
	st_bind_text(s, 2, r->type_code);
	st_bind_text(s, 3, r->title);
	sqlite3_bind_int(s, 4, r->year);
	st_bind_text(s, 5, r->request_date);
	st_bind_text(s, 6, r->due_date);
	st_bind_text(s, 7, r->levels);
	sqlite3_bind_int64(s, 8, r->created_by);
	sqlite3_bind_int64(s, 9, r->created_at);
	if ((err = st_exec_final(st, s)))
		return finish(st, err);
	r->id = sqlite3_last_insert_rowid(st->db);
	char key[64];
	snprintf(key, sizeof key, "calendar/request/%lld", (long long)r->id);
	err = st_audit_put(st, user, "report_request", key, "created", NULL, r->title);
	return finish(st, err);
}

gn_err store_calendar_request_get(store *st, int64_t id, st_calendar_request *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " RQ_COLS " FROM calendar_requests WHERE id = ?1");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_rq, out);
}

gn_err store_calendar_requests(store *st, int year, st_calendar_request **out, size_t *n)
{
	sqlite3_stmt *s = prep(st, "SELECT " RQ_COLS " FROM calendar_requests"
				   " WHERE ?1 = 0 OR year = ?1 ORDER BY request_date, id");
	if (!s) {
		*out = NULL;
		*n = 0;
		return GN_EIO;
	}
	sqlite3_bind_int(s, 1, year);
	return st_all_rows(st, s, false, sizeof **out, read_rq, (void **)out, n);
}

void store_calendar_requests_free(st_calendar_request *r, size_t n)
{
	if (!r)
		return;
	for (size_t i = 0; i < n; i++)
		st_calendar_request_clear(&r[i]);
	free(r);
}
