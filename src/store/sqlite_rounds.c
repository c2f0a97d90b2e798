/*
 * sqlite_rounds.c - review rounds, their events, complaints, applications
 * and tallies in the SQLite store (store.h, issue 9); the statements'
 * SQL is in sqlite_rounds_sql.h.
 *
 * Layer: store. Writes that touch more than one row run in a savepoint
 * (all or nothing inside the caller's transaction). Audit: "created" for
 * a new record (new value: the round's state, the complaint's household,
 * the application's form), then one row per field that changed, with ""
 * written as NULL ("not given").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "store_int.h"

/* ---- helpers ----------------------------------------------------------------- */

static void round_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "round/%lld", (long long)id);
}

static void complaint_key(char *out, size_t cap, const st_complaint *c)
{
	snprintf(out, cap, "round/%lld/complaint/%lld", (long long)c->round_id, (long long)c->id);
}

static void application_key(char *out, size_t cap, const st_application *a)
{
	snprintf(out, cap, "%s/application/%lld", a->household_id, (long long)a->id);
}

static void bind_codes(sqlite3_stmt *s, int i, const char *const *codes, size_t n, buf *b)
{
	if (!codes)
		return;
	buf_reset(b);
	st_json_codes(b, codes, n);
	st_bind_textn(s, i, buf_cstr(b), b->len);
}

/* ---- rounds ---------------------------------------------------------------------- */

static bool round_kind_ok(const st_round *r)
{
	if (strcmp(r->kind, "periodic") == 0)
		return r->month == 0;
	if (strcmp(r->kind, "regular") == 0)
		return r->month >= 1 && r->month <= 12;
	return false;
}

static void read_round(sqlite3_stmt *s, void *p)
{
	st_round *r = p;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, r->unit_code, sizeof r->unit_code);
	r->year = sqlite3_column_int(s, 2);
	st_col_copy(s, 3, r->kind, sizeof r->kind);
	r->month = sqlite3_column_int(s, 4);
	st_col_copy(s, 5, r->state, sizeof r->state);
	r->opened_at = sqlite3_column_int64(s, 6);
	st_col_copy(s, 7, r->meeting_date, sizeof r->meeting_date);
	r->attendees = sqlite3_column_int(s, 8);
	r->votes_for = sqlite3_column_int(s, 9);
	st_col_copy(s, 10, r->posting_start, sizeof r->posting_start);
	st_col_copy(s, 11, r->posting_end, sizeof r->posting_end);
	r->postings = sqlite3_column_int(s, 12);
	st_col_copy(s, 13, r->decision_no, sizeof r->decision_no);
	st_col_copy(s, 14, r->decision_date, sizeof r->decision_date);
	r->certified = sqlite3_column_int(s, 15) != 0;
	r->created_by = sqlite3_column_int64(s, 16);
	r->updated_at = sqlite3_column_int64(s, 17);
}

gn_err store_round_add(store *st, st_round *r, int64_t user)
{
	if (!r->unit_code[0] || r->year <= 0 || !r->state[0] || !round_kind_ok(r)) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a round needs a unit, a year, a state and a kind that agrees with its month");
		return GN_EINPUT;
	}
	sqlite3_stmt *s = st_stmt(st, Q_ROUND_ADD);
	if (!s)
		return GN_EIO;
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	int64_t now = st_now();
	if (!r->opened_at)
		r->opened_at = now;
	if (!r->updated_at)
		r->updated_at = now;
	st_bind_text(s, 1, r->unit_code);
	sqlite3_bind_int(s, 2, r->year);
	st_bind_text(s, 3, r->kind);
	sqlite3_bind_int(s, 4, r->month);
	st_bind_text(s, 5, r->state);
	sqlite3_bind_int64(s, 6, r->opened_at);
	st_bind_text(s, 7, r->meeting_date);
	sqlite3_bind_int(s, 8, r->attendees);
	sqlite3_bind_int(s, 9, r->votes_for);
	st_bind_text(s, 10, r->posting_start);
	st_bind_text(s, 11, r->posting_end);
	sqlite3_bind_int(s, 12, r->postings);
	st_bind_text(s, 13, r->decision_no);
	st_bind_text(s, 14, r->decision_date);
	sqlite3_bind_int(s, 15, r->certified ? 1 : 0);
	sqlite3_bind_int64(s, 16, r->created_by ? r->created_by : user);
	sqlite3_bind_int64(s, 17, r->updated_at);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	r->id = sqlite3_last_insert_rowid(st->db);
	if (!r->created_by)
		r->created_by = user;
	char key[48];
	round_key(key, sizeof key, r->id);
	err = st_audit_put(st, user, "round", key, "created", NULL, r->state);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_round_get(store *st, int64_t id, st_round *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_ROUND_GET);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, true, read_round, out);
}

gn_err store_round_find(store *st, const char *unit_code, int year, const char *kind,
			int month, st_round *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_ROUND_FIND);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, unit_code);
	sqlite3_bind_int(s, 2, year);
	st_bind_text(s, 3, kind);
	sqlite3_bind_int(s, 4, month);
	return st_one_row(st, s, true, read_round, out);
}

gn_err store_round_update(store *st, const st_round *r, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_round old;
	if ((err = store_round_get(st, r->id, &old)))
		goto done;
	sqlite3_stmt *s = st_stmt(st, Q_ROUND_UPDATE);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	sqlite3_bind_int64(s, 1, r->id);
	st_bind_text(s, 2, r->state);
	st_bind_text(s, 3, r->meeting_date);
	sqlite3_bind_int(s, 4, r->attendees);
	sqlite3_bind_int(s, 5, r->votes_for);
	st_bind_text(s, 6, r->posting_start);
	st_bind_text(s, 7, r->posting_end);
	sqlite3_bind_int(s, 8, r->postings);
	st_bind_text(s, 9, r->decision_no);
	st_bind_text(s, 10, r->decision_date);
	sqlite3_bind_int(s, 11, r->certified ? 1 : 0);
	sqlite3_bind_int64(s, 12, r->updated_at ? r->updated_at : st_now());
	if ((err = st_exec_stmt(st, s)))
		goto done;
	char key[48];
	round_key(key, sizeof key, r->id);
	const char *e = "round";
	if ((err = st_audit_change(st, user, e, key, "state", old.state, r->state)) ||
	    (err = st_audit_change(st, user, e, key, "meeting_date", old.meeting_date, r->meeting_date)) ||
	    (err = st_audit_int(st, user, e, key, "attendees", old.attendees, r->attendees)) ||
	    (err = st_audit_int(st, user, e, key, "votes_for", old.votes_for, r->votes_for)) ||
	    (err = st_audit_change(st, user, e, key, "posting_start", old.posting_start, r->posting_start)) ||
	    (err = st_audit_change(st, user, e, key, "posting_end", old.posting_end, r->posting_end)) ||
	    (err = st_audit_int(st, user, e, key, "postings", old.postings, r->postings)) ||
	    (err = st_audit_change(st, user, e, key, "decision_no", old.decision_no, r->decision_no)) ||
	    (err = st_audit_change(st, user, e, key, "decision_date", old.decision_date, r->decision_date)) ||
	    (err = st_audit_int(st, user, e, key, "certified", old.certified, r->certified)))
		goto done;
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_rounds_list(store *st, const st_round_filter *f, st_round **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_ROUNDS_LIST);
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f->unit_codes, f->nunits, &codes);
	sqlite3_bind_int(s, 2, f->year);
	if (f->kind)
		st_bind_text(s, 3, f->kind);
	void *rows;
	gn_err err = st_all_rows(st, s, true, sizeof(st_round), read_round, &rows, n);
	buf_free(&codes);
	if (err) {
		free(rows);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

/* ---- events ---------------------------------------------------------------------- */

static void read_event(sqlite3_stmt *s, void *p)
{
	st_round_event *e = p;
	e->id = sqlite3_column_int64(s, 0);
	e->round_id = sqlite3_column_int64(s, 1);
	e->at = sqlite3_column_int64(s, 2);
	e->user_id = sqlite3_column_int64(s, 3);
	st_col_copy(s, 4, e->action, sizeof e->action);
	st_col_copy(s, 5, e->from_state, sizeof e->from_state);
	st_col_copy(s, 6, e->to_state, sizeof e->to_state);
	e->note = st_col_dup(s, 7);
}

gn_err store_round_event_add(store *st, st_round_event *e)
{
	sqlite3_stmt *s = st_stmt(st, Q_EVENT_ADD);
	if (!s)
		return GN_EIO;
	if (!e->at)
		e->at = st_now();
	sqlite3_bind_int64(s, 1, e->round_id);
	sqlite3_bind_int64(s, 2, e->at);
	sqlite3_bind_int64(s, 3, e->user_id);
	st_bind_text(s, 4, e->action);
	st_bind_text(s, 5, e->from_state);
	st_bind_text(s, 6, e->to_state);
	st_bind_text(s, 7, e->note);
	gn_err err = st_exec_stmt(st, s);
	if (!err)
		e->id = sqlite3_last_insert_rowid(st->db);
	return err;
}

gn_err store_round_events(store *st, int64_t round_id, st_round_event **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_EVENTS_OF);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, round_id);
	void *rows;
	gn_err err = st_all_rows(st, s, true, sizeof(st_round_event), read_event, &rows, n);
	if (err) {
		store_round_events_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

void store_round_events_free(st_round_event *e, size_t n)
{
	if (!e)
		return;
	for (size_t i = 0; i < n; i++)
		free(e[i].note);
	free(e);
}

/* ---- complaints -------------------------------------------------------------------- */

void st_complaint_clear(st_complaint *c)
{
	if (!c)
		return;
	free(c->text);
	free(c->result);
	memset(c, 0, sizeof *c);
}

static void read_complaint(sqlite3_stmt *s, void *p)
{
	st_complaint *c = p;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->round_id = sqlite3_column_int64(s, 1);
	st_col_copy(s, 2, c->household_id, sizeof c->household_id);
	st_col_copy(s, 3, c->received, sizeof c->received);
	c->text = st_col_dup(s, 4);
	st_col_copy(s, 5, c->status, sizeof c->status);
	c->result = st_col_dup(s, 6);
	st_col_copy(s, 7, c->rechecked_at, sizeof c->rechecked_at);
	st_col_copy(s, 8, c->resolved_at, sizeof c->resolved_at);
}

static void bind_complaint(sqlite3_stmt *s, int first, const st_complaint *c)
{
	st_bind_text(s, first, c->household_id);
	st_bind_text(s, first + 1, c->received);
	st_bind_text(s, first + 2, c->text);
	st_bind_text(s, first + 3, c->status[0] ? c->status : "open");
	st_bind_text(s, first + 4, c->result);
	st_bind_text(s, first + 5, c->rechecked_at);
	st_bind_text(s, first + 6, c->resolved_at);
}

gn_err store_complaint_add(store *st, st_complaint *c, int64_t user)
{
	sqlite3_stmt *s = st_stmt(st, Q_COMPLAINT_ADD);
	if (!s)
		return GN_EIO;
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, c->round_id);
	bind_complaint(s, 2, c);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	c->id = sqlite3_last_insert_rowid(st->db);
	if (!c->status[0])
		snprintf(c->status, sizeof c->status, "open");
	char key[96];
	complaint_key(key, sizeof key, c);
	err = st_audit_put(st, user, "complaint", key, "created", NULL, c->household_id);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_complaint_get(store *st, int64_t id, st_complaint *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_COMPLAINT_GET);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, true, read_complaint, out);
}

gn_err store_complaint_update(store *st, const st_complaint *c, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_complaint old;
	if ((err = store_complaint_get(st, c->id, &old)))
		goto done;
	sqlite3_stmt *s = st_stmt(st, Q_COMPLAINT_UPDATE);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	sqlite3_bind_int64(s, 1, c->id);
	bind_complaint(s, 2, c);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	char key[96];
	complaint_key(key, sizeof key, &old);
	const char *e = "complaint";
	if ((err = st_audit_change(st, user, e, key, "household_id", old.household_id, c->household_id)) ||
	    (err = st_audit_change(st, user, e, key, "received", old.received, c->received)) ||
	    (err = st_audit_change(st, user, e, key, "text", old.text, c->text)) ||
	    (err = st_audit_change(st, user, e, key, "status", old.status, c->status)) ||
	    (err = st_audit_change(st, user, e, key, "result", old.result, c->result)) ||
	    (err = st_audit_change(st, user, e, key, "rechecked_at", old.rechecked_at, c->rechecked_at)) ||
	    (err = st_audit_change(st, user, e, key, "resolved_at", old.resolved_at, c->resolved_at)))
		goto done;
done:
	st_complaint_clear(&old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_complaints_of(store *st, int64_t round_id, st_complaint **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_COMPLAINTS_OF);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, round_id);
	void *rows;
	gn_err err = st_all_rows(st, s, true, sizeof(st_complaint), read_complaint, &rows, n);
	if (err) {
		store_complaints_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

void store_complaints_free(st_complaint *c, size_t n)
{
	if (!c)
		return;
	for (size_t i = 0; i < n; i++)
		st_complaint_clear(&c[i]);
	free(c);
}

/* ---- applications -------------------------------------------------------------------- */

void st_application_clear(st_application *a)
{
	if (!a)
		return;
	free(a->note);
	memset(a, 0, sizeof *a);
}

static void read_application(sqlite3_stmt *s, void *p)
{
	st_application *a = p;
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, a->household_id, sizeof a->household_id);
	st_col_copy(s, 2, a->unit_code, sizeof a->unit_code);
	st_col_copy(s, 3, a->form, sizeof a->form);
	st_col_copy(s, 4, a->date, sizeof a->date);
	st_col_copy(s, 5, a->status, sizeof a->status);
	a->round_id = sqlite3_column_int64(s, 6);
	a->note = st_col_dup(s, 7);
	a->created_by = sqlite3_column_int64(s, 8);
	a->updated_at = sqlite3_column_int64(s, 9);
}

gn_err store_application_add(store *st, st_application *a, int64_t user)
{
	if (!a->household_id[0] || !a->unit_code[0] || !a->date[0] ||
	    (strcmp(a->form, "01") != 0 && strcmp(a->form, "04") != 0)) {
		buf_reset(&st->err);
		buf_puts(&st->err, "an application needs a household, a unit, a date and form 01 or 04");
		return GN_EINPUT;
	}
	sqlite3_stmt *s = st_stmt(st, Q_APP_ADD);
	if (!s)
		return GN_EIO;
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	if (!a->status[0])
		snprintf(a->status, sizeof a->status, "registered");
	if (!a->updated_at)
		a->updated_at = st_now();
	if (!a->created_by)
		a->created_by = user;
	st_bind_text(s, 1, a->household_id);
	st_bind_text(s, 2, a->unit_code);
	st_bind_text(s, 3, a->form);
	st_bind_text(s, 4, a->date);
	st_bind_text(s, 5, a->status);
	sqlite3_bind_int64(s, 6, a->round_id);
	st_bind_text(s, 7, a->note);
	sqlite3_bind_int64(s, 8, a->created_by);
	sqlite3_bind_int64(s, 9, a->updated_at);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	a->id = sqlite3_last_insert_rowid(st->db);
	char key[96];
	application_key(key, sizeof key, a);
	err = st_audit_put(st, user, "application", key, "created", NULL, a->form);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_application_get(store *st, int64_t id, st_application *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_APP_GET);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, true, read_application, out);
}

gn_err store_application_update(store *st, const st_application *a, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_application old;
	if ((err = store_application_get(st, a->id, &old)))
		goto done;
	sqlite3_stmt *s = st_stmt(st, Q_APP_UPDATE);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	sqlite3_bind_int64(s, 1, a->id);
	st_bind_text(s, 2, a->status);
	sqlite3_bind_int64(s, 3, a->round_id);
	st_bind_text(s, 4, a->note);
	sqlite3_bind_int64(s, 5, a->updated_at ? a->updated_at : st_now());
	if ((err = st_exec_stmt(st, s)))
		goto done;
	char key[96];
	application_key(key, sizeof key, &old);
	const char *e = "application";
	if ((err = st_audit_change(st, user, e, key, "status", old.status, a->status)) ||
	    (err = st_audit_int(st, user, e, key, "round_id", old.round_id, a->round_id)) ||
	    (err = st_audit_change(st, user, e, key, "note", old.note, a->note)))
		goto done;
done:
	st_application_clear(&old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_applications_list(store *st, const st_application_filter *f,
			       st_application **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_APPS_LIST);
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f->unit_codes, f->nunits, &codes);
	sqlite3_bind_int64(s, 2, f->round_id);
	sqlite3_bind_int(s, 3, f->year);
	if (f->status)
		st_bind_text(s, 4, f->status);
	void *rows;
	gn_err err = st_all_rows(st, s, true, sizeof(st_application), read_application, &rows, n);
	buf_free(&codes);
	if (err) {
		store_applications_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

void store_applications_free(st_application *a, size_t n)
{
	if (!a)
		return;
	for (size_t i = 0; i < n; i++)
		st_application_clear(&a[i]);
	free(a);
}

/* ---- tallies ------------------------------------------------------------------------ */

static void read_tally(sqlite3_stmt *s, void *p)
{
	st_tally *t = p;
	st_col_copy(s, 0, t->kind, sizeof t->kind);
	st_col_copy(s, 1, t->key, sizeof t->key);
	t->households = sqlite3_column_int64(s, 2);
}

gn_err store_round_tallies_put(store *st, int64_t round_id, const st_tally *t, size_t n,
			       int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_tally *old = NULL;
	size_t nold = 0;
	if ((err = store_round_tallies(st, round_id, &old, &nold)))
		goto done;
	sqlite3_stmt *s = st_stmt(st, Q_TALLY_DELETE);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	sqlite3_bind_int64(s, 1, round_id);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	if (!(s = st_stmt(st, Q_TALLY_PUT))) {
		err = GN_EIO;
		goto done;
	}
	char key[48];
	round_key(key, sizeof key, round_id);
	for (size_t i = 0; i < n && !err; i++) {
		sqlite3_bind_int64(s, 1, round_id);
		st_bind_text(s, 2, t[i].kind);
		st_bind_text(s, 3, t[i].key);
		sqlite3_bind_int64(s, 4, t[i].households);
		if ((err = st_exec_stmt(st, s)))
			break;
		int64_t was = 0;
		for (size_t k = 0; k < nold; k++)
			if (strcmp(old[k].kind, t[i].kind) == 0 && strcmp(old[k].key, t[i].key) == 0)
				was = old[k].households;
		char field[48];
		snprintf(field, sizeof field, "tally.%s.%s", t[i].kind, t[i].key);
		err = st_audit_int(st, user, "round", key, field, was, t[i].households);
	}
done:
	free(old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_round_tallies(store *st, int64_t round_id, st_tally **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_TALLIES_OF);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, round_id);
	void *rows;
	gn_err err = st_all_rows(st, s, true, sizeof(st_tally), read_tally, &rows, n);
	if (err) {
		free(rows);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}
