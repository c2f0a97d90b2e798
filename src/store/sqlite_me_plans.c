/*
 * sqlite_me_plans.c - plans, their targets, activities and declared
 * funding, and budget lines in the SQLite store (store_me_plans.h, issue
 * 5); the tables are in sql_me_plans.h.
 *
 * Layer: store. The M&E tables are small: each call prepares its
 * statements (sqlite3_prepare_v2) and finalizes them. Writes of several
 * rows run in a savepoint (all or nothing inside the caller's
 * transaction); every change is audited there (see the header).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/budget.h"
#include "../core/date.h"
#include "../core/mem.h"
#include "store_int.h"

/* ---- helpers ----------------------------------------------------------------- */

static sqlite3_stmt *prep(store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	return st_prepare(st, sql, &s) == GN_OK ? s : NULL;
}

static void bind_codes(sqlite3_stmt *s, int i, const char *const *codes, size_t n, buf *b)
{
	if (!codes)
		return; /* NULL: no filter */
	buf_reset(b);
	st_json_codes(b, codes, n);
	sqlite3_bind_text(s, i, buf_cstr(b), (int)b->len, SQLITE_TRANSIENT);
}

/* The year of an ISO date, 0 when it is not one. */
static int year_of(const char *iso)
{
	gn_date d;
	if (!iso || !date_parse(iso, strlen(iso), &d))
		return 0;
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y;
}

/* ---- plans: reading ---------------------------------------------------------- */

#define PLAN_COLS \
	"id, unit_code, issuer, number, date, ref, year_from, year_to, title, " \
	"legal_basis, objectives, created_by, created_at, updated_by, updated_at"

static void read_plan(sqlite3_stmt *s, st_plan *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, p->unit_code, sizeof p->unit_code);
	p->issuer = st_col_dup(s, 2);
	st_col_copy(s, 3, p->number, sizeof p->number);
	st_col_copy(s, 4, p->date, sizeof p->date);
	st_col_copy(s, 5, p->ref, sizeof p->ref);
	p->year_from = sqlite3_column_int(s, 6);
	p->year_to = sqlite3_column_int(s, 7);
	p->title = st_col_dup(s, 8);
	p->legal_basis = st_col_dup(s, 9);
	p->objectives = st_col_dup(s, 10);
	p->created_by = sqlite3_column_int64(s, 11);
	p->created_at = sqlite3_column_int64(s, 12);
	p->updated_by = sqlite3_column_int64(s, 13);
	p->updated_at = sqlite3_column_int64(s, 14);
}

void st_plan_clear(st_plan *p)
{
	if (!p)
		return;
	free(p->issuer);
	free(p->title);
	free(p->legal_basis);
	free(p->objectives);
	for (size_t i = 0; i < p->ntargets; i++) {
		free(p->targets[i].text);
		free(p->targets[i].measure);
	}
	free(p->targets);
	for (size_t i = 0; i < p->nactivities; i++) {
		st_plan_activity *a = &p->activities[i];
		free(a->name);
		free(a->lead_unit);
		free(a->coordinating_units);
		free(a->place);
		free(a->beneficiaries);
	}
	free(p->activities);
	for (size_t i = 0; i < p->nfunding; i++)
		free(p->funding[i].parts);
	free(p->funding);
	memset(p, 0, sizeof *p);
}

void store_plans_free(st_plan *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		st_plan_clear(&p[i]);
	free(p);
}

static gn_err load_funding(store *st, st_plan *p)
{
	sqlite3_stmt *s = prep(st, "SELECT seq, project, year, total FROM plan_funding "
				   "WHERE plan_id = ? ORDER BY seq");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, p->id);
	size_t cap = 0;
	int rc;
	int *seqs = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (p->nfunding == cap) {
			cap = cap ? cap * 2 : 8;
			p->funding = gn_xreallocarray(p->funding, cap, sizeof *p->funding);
			seqs = gn_xreallocarray(seqs, cap, sizeof *seqs);
		}
		st_plan_funding *f = &p->funding[p->nfunding];
		memset(f, 0, sizeof *f);
		seqs[p->nfunding] = sqlite3_column_int(s, 0);
		st_col_copy(s, 1, f->project, sizeof f->project);
		f->year = sqlite3_column_int(s, 2);
		f->total = sqlite3_column_int64(s, 3);
		p->nfunding++;
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	if (err || p->nfunding == 0) {
		free(seqs);
		return err;
	}
	s = prep(st, "SELECT funding_seq, source, capital, amount, carried_over "
		     "FROM plan_funding_parts WHERE plan_id = ? ORDER BY funding_seq, seq");
	if (!s) {
		free(seqs);
		return GN_EIO;
	}
	sqlite3_bind_int64(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int fs = sqlite3_column_int(s, 0);
		st_plan_funding *f = NULL;
		for (size_t i = 0; i < p->nfunding && !f; i++)
			if (seqs[i] == fs)
				f = &p->funding[i];
		if (!f)
			continue;
		f->parts = gn_xreallocarray(f->parts, f->nparts + 1, sizeof *f->parts);
		st_plan_part *pt = &f->parts[f->nparts++];
		memset(pt, 0, sizeof *pt);
		st_col_copy(s, 1, pt->source, sizeof pt->source);
		st_col_copy(s, 2, pt->capital, sizeof pt->capital);
		pt->amount = sqlite3_column_int64(s, 3);
		pt->carried_over = sqlite3_column_int64(s, 4);
	}
	err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	free(seqs);
	return err;
}

static gn_err load_lists(store *st, st_plan *p)
{
	sqlite3_stmt *s = prep(st, "SELECT text, value, measure FROM plan_targets "
				   "WHERE plan_id = ? ORDER BY seq");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, p->id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		p->targets = gn_xreallocarray(p->targets, p->ntargets + 1, sizeof *p->targets);
		st_plan_target *t = &p->targets[p->ntargets++];
		memset(t, 0, sizeof *t);
		t->text = st_col_dup(s, 0);
		t->has_value = sqlite3_column_type(s, 1) != SQLITE_NULL;
		t->value = sqlite3_column_int64(s, 1);
		t->measure = st_col_dup(s, 2);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	if (err)
		return err;
	s = prep(st, "SELECT project, name, lead_unit, coordinating_units, place, time_from, "
		     "time_to, beneficiaries FROM plan_activities WHERE plan_id = ? ORDER BY seq");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		p->activities = gn_xreallocarray(p->activities, p->nactivities + 1,
						 sizeof *p->activities);
		st_plan_activity *a = &p->activities[p->nactivities++];
		memset(a, 0, sizeof *a);
		st_col_copy(s, 0, a->project, sizeof a->project);
		a->name = st_col_dup(s, 1);
		a->lead_unit = st_col_dup(s, 2);
		a->coordinating_units = st_col_dup(s, 3);
		a->place = st_col_dup(s, 4);
		st_col_copy(s, 5, a->time_from, sizeof a->time_from);
		st_col_copy(s, 6, a->time_to, sizeof a->time_to);
		a->beneficiaries = st_col_dup(s, 7);
	}
	err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	if (err)
		return err;
	return load_funding(st, p);
}

gn_err store_plan_get(store *st, int64_t id, st_plan *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " PLAN_COLS " FROM plan_plans WHERE id = ?");
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW)
		read_plan(s, out);
	else
		err = rc == SQLITE_DONE ? GN_ENOTFOUND : st_fail(st, rc);
	sqlite3_finalize(s);
	if (!err && (err = load_lists(st, out)))
		st_plan_clear(out);
	return err;
}

gn_err store_plans_list(store *st, const st_plan_filter *f, st_plan **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = prep(st,
		"SELECT " PLAN_COLS " FROM plan_plans "
		"WHERE (?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) "
		"AND (?2 = 0 OR (year_from <= ?2 AND year_to >= ?2)) "
		"AND (?3 IS NULL OR ref = ?3) "
		"ORDER BY date DESC, id DESC");
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f ? f->unit_codes : NULL, f ? f->nunits : 0, &codes);
	sqlite3_bind_int(s, 2, f ? f->year : 0);
	if (f && f->ref)
		st_bind_text(s, 3, f->ref);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		read_plan(s, &(*out)[(*n)++]);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	buf_free(&codes);
	for (size_t i = 0; i < *n && !err; i++)
		err = load_funding(st, &(*out)[i]);
	if (err) {
		store_plans_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return err;
}

/* ---- plans: writing ------------------------------------------------------------ */

static gn_err check_plan(store *st, st_plan *p)
{
	int y = year_of(p->date);
	if (!p->unit_code[0] || !p->number[0] || !y || p->year_from <= 0 ||
	    p->year_to < p->year_from)
		return st_refuse(st, "a plan needs an issuing unit, a number, a date and years in order");
	budget_plan_ref(p->number, y, p->ref, sizeof p->ref);
	return GN_OK;
}

static gn_err insert_lists(store *st, const st_plan *p)
{
	sqlite3_stmt *s = prep(st, "INSERT INTO plan_targets(plan_id, seq, text, value, measure) "
				   "VALUES(?, ?, ?, ?, ?)");
	gn_err err = s ? GN_OK : GN_EIO;
	for (size_t i = 0; i < p->ntargets && !err; i++) {
		const st_plan_target *t = &p->targets[i];
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		st_bind_text(s, 3, t->text);
		if (t->has_value)
			sqlite3_bind_int64(s, 4, t->value);
		else
			sqlite3_bind_null(s, 4);
		st_bind_text(s, 5, t->measure);
		err = st_exec_stmt(st, s);
	}
	sqlite3_finalize(s);
	if (err)
		return err;
	s = prep(st, "INSERT INTO plan_activities(plan_id, seq, project, name, lead_unit, "
		     "coordinating_units, place, time_from, time_to, beneficiaries) "
		     "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	err = s ? GN_OK : GN_EIO;
	for (size_t i = 0; i < p->nactivities && !err; i++) {
		const st_plan_activity *a = &p->activities[i];
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		st_bind_text(s, 3, a->project);
		st_bind_text(s, 4, a->name);
		st_bind_text(s, 5, a->lead_unit);
		st_bind_text(s, 6, a->coordinating_units);
		st_bind_text(s, 7, a->place);
		st_bind_text(s, 8, a->time_from);
		st_bind_text(s, 9, a->time_to);
		st_bind_text(s, 10, a->beneficiaries);
		err = st_exec_stmt(st, s);
	}
	sqlite3_finalize(s);
	if (err)
		return err;
	s = prep(st, "INSERT INTO plan_funding(plan_id, seq, project, year, total) "
		     "VALUES(?, ?, ?, ?, ?)");
	sqlite3_stmt *sp = prep(st, "INSERT INTO plan_funding_parts(plan_id, funding_seq, seq, "
				    "source, capital, amount, carried_over) VALUES(?, ?, ?, ?, ?, ?, ?)");
	err = s && sp ? GN_OK : GN_EIO;
	for (size_t i = 0; i < p->nfunding && !err; i++) {
		const st_plan_funding *f = &p->funding[i];
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int64(s, 2, (int64_t)i + 1);
		st_bind_text(s, 3, f->project);
		sqlite3_bind_int(s, 4, f->year);
		sqlite3_bind_int64(s, 5, f->total);
		err = st_exec_stmt(st, s);
		for (size_t k = 0; k < f->nparts && !err; k++) {
			const st_plan_part *pt = &f->parts[k];
			sqlite3_bind_int64(sp, 1, p->id);
			sqlite3_bind_int64(sp, 2, (int64_t)i + 1);
			sqlite3_bind_int64(sp, 3, (int64_t)k + 1);
			st_bind_text(sp, 4, pt->source);
			st_bind_text(sp, 5, pt->capital);
			sqlite3_bind_int64(sp, 6, pt->amount);
			sqlite3_bind_int64(sp, 7, pt->carried_over);
			err = st_exec_stmt(st, sp);
		}
	}
	sqlite3_finalize(s);
	sqlite3_finalize(sp);
	return err;
}

static gn_err delete_lists(store *st, int64_t id)
{
	static const char *const sql[] = {
		"DELETE FROM plan_targets WHERE plan_id = ?",
		"DELETE FROM plan_activities WHERE plan_id = ?",
		"DELETE FROM plan_funding_parts WHERE plan_id = ?",
		"DELETE FROM plan_funding WHERE plan_id = ?",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *s = prep(st, sql[i]);
		if (!s)
			return GN_EIO;
		sqlite3_bind_int64(s, 1, id);
		gn_err err = st_exec_final(st, s);
		if (err)
			return err;
	}
	return GN_OK;
}

static void put_hundredths(buf *b, int64_t v)
{
	if (v < 0) {
		buf_putc(b, '-');
		v = -v;
	}
	buf_put_i64(b, v / 100);
	if (v % 100)
		buf_printf(b, ".%02d", (int)(v % 100));
}

/* The lists as text, for the audit: one line per element. */
static void targets_text(const st_plan *p, buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < p->ntargets; i++) {
		const st_plan_target *t = &p->targets[i];
		buf_printf(b, "%s%s", i ? "\n" : "", t->text ? t->text : "");
		if (t->has_value) {
			buf_puts(b, " | ");
			put_hundredths(b, t->value);
		}
		if (t->measure && *t->measure)
			buf_printf(b, " %s", t->measure);
	}
}

static void activities_text(const st_plan *p, buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < p->nactivities; i++) {
		const st_plan_activity *a = &p->activities[i];
		buf_printf(b, "%s%s | %s | %s | %s | %s | %s-%s | %s", i ? "\n" : "", a->project,
			   a->name ? a->name : "", a->lead_unit ? a->lead_unit : "",
			   a->coordinating_units ? a->coordinating_units : "",
			   a->place ? a->place : "", a->time_from, a->time_to,
			   a->beneficiaries ? a->beneficiaries : "");
	}
}

static void funding_text(const st_plan *p, buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < p->nfunding; i++) {
		const st_plan_funding *f = &p->funding[i];
		buf_printf(b, "%s%s %d: %lld", i ? "\n" : "", f->project, f->year,
			   (long long)f->total);
		for (size_t k = 0; k < f->nparts; k++) {
			const st_plan_part *pt = &f->parts[k];
			buf_printf(b, "%s%s/%s %lld", k ? "; " : " = ", pt->source, pt->capital,
				   (long long)pt->amount);
			if (pt->carried_over)
				buf_printf(b, " (carried over %lld)", (long long)pt->carried_over);
		}
	}
}

static void plan_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "plan/%lld", (long long)id);
}

gn_err store_plan_add(store *st, st_plan *p, int64_t user)
{
	gn_err err = check_plan(st, p);
	if (err)
		return err;
	sqlite3_stmt *s = prep(st, "INSERT INTO plan_plans(unit_code, issuer, number, date, ref, "
				   "year_from, year_to, title, legal_basis, objectives, created_by, "
				   "created_at, updated_by, updated_at) "
				   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!s)
		return GN_EIO;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	int64_t now = st_now();
	st_bind_text(s, 1, p->unit_code);
	st_bind_text(s, 2, p->issuer);
	st_bind_text(s, 3, p->number);
	st_bind_text(s, 4, p->date);
	st_bind_text(s, 5, p->ref);
	sqlite3_bind_int(s, 6, p->year_from);
	sqlite3_bind_int(s, 7, p->year_to);
	st_bind_text(s, 8, p->title);
	st_bind_text(s, 9, p->legal_basis);
	st_bind_text(s, 10, p->objectives);
	sqlite3_bind_int64(s, 11, user);
	sqlite3_bind_int64(s, 12, now);
	sqlite3_bind_int64(s, 13, user);
	sqlite3_bind_int64(s, 14, now);
	err = st_exec_final(st, s);
	if (err)
		goto done;
	p->id = sqlite3_last_insert_rowid(st->db);
	p->created_by = p->updated_by = user;
	p->created_at = p->updated_at = now;
	if ((err = insert_lists(st, p)))
		goto done;
	char key[32];
	plan_key(key, sizeof key, p->id);
	err = st_audit_put(st, user, "plan", key, "created", NULL, p->ref);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

/* The budget lines of reference `from` on the n units follow the plan to
 * reference `to`, each audited. */
static gn_err move_lines(store *st, const char *from, const char *to,
			 const char *const *units, size_t n, int64_t user)
{
	if (!n)
		return GN_OK;
	sqlite3_stmt *s = prep(st, "SELECT id FROM budget_lines WHERE plan_ref = ?1 AND "
				   "unit_code IN (SELECT value FROM json_each(?2)) ORDER BY id");
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	st_bind_text(s, 1, from);
	bind_codes(s, 2, units, n, &codes);
	int64_t *ids = NULL;
	size_t nid = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ids = gn_xreallocarray(ids, nid + 1, sizeof *ids);
		ids[nid++] = sqlite3_column_int64(s, 0);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	buf_free(&codes);
	for (size_t i = 0; i < nid && !err; i++) {
		s = prep(st, "UPDATE budget_lines SET plan_ref = ?, updated_by = ?, updated_at = ? "
			     "WHERE id = ?");
		if (!s) {
			err = GN_EIO;
			break;
		}
		st_bind_text(s, 1, to);
		sqlite3_bind_int64(s, 2, user);
		sqlite3_bind_int64(s, 3, st_now());
		sqlite3_bind_int64(s, 4, ids[i]);
		if ((err = st_exec_final(st, s)))
			break;
		char key[32];
		snprintf(key, sizeof key, "budget/%lld", (long long)ids[i]);
		err = st_audit_put(st, user, "budget_line", key, "plan", from, to);
	}
	free(ids);
	return err;
}

gn_err store_plan_update(store *st, st_plan *p, const char *const *units, size_t n,
			 int64_t user)
{
	st_plan old;
	gn_err err = store_plan_get(st, p->id, &old);
	if (err)
		return err;
	/* the issuing unit never changes */
	memcpy(p->unit_code, old.unit_code, sizeof p->unit_code);
	if ((err = check_plan(st, p))) {
		st_plan_clear(&old);
		return err;
	}
	sqlite3_stmt *s = prep(st, "UPDATE plan_plans SET issuer = ?2, number = ?3, date = ?4, "
				   "ref = ?5, year_from = ?6, year_to = ?7, title = ?8, "
				   "legal_basis = ?9, objectives = ?10, updated_by = ?11, "
				   "updated_at = ?12 WHERE id = ?1");
	if (!s) {
		st_plan_clear(&old);
		return GN_EIO;
	}
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		st_plan_clear(&old);
		return err;
	}
	buf a, b;
	buf_init(&a, 0);
	buf_init(&b, 0);
	int64_t now = st_now();
	sqlite3_bind_int64(s, 1, p->id);
	st_bind_text(s, 2, p->issuer);
	st_bind_text(s, 3, p->number);
	st_bind_text(s, 4, p->date);
	st_bind_text(s, 5, p->ref);
	sqlite3_bind_int(s, 6, p->year_from);
	sqlite3_bind_int(s, 7, p->year_to);
	st_bind_text(s, 8, p->title);
	st_bind_text(s, 9, p->legal_basis);
	st_bind_text(s, 10, p->objectives);
	sqlite3_bind_int64(s, 11, user);
	sqlite3_bind_int64(s, 12, now);
	if ((err = st_exec_final(st, s)))
		goto done;
	p->created_by = old.created_by;
	p->created_at = old.created_at;
	p->updated_by = user;
	p->updated_at = now;
	if ((err = delete_lists(st, p->id)) || (err = insert_lists(st, p)))
		goto done;
	char key[32];
	plan_key(key, sizeof key, p->id);
	if ((err = st_audit_change(st, user, "plan", key, "issuer", old.issuer, p->issuer)) ||
	    (err = st_audit_change(st, user, "plan", key, "number", old.number, p->number)) ||
	    (err = st_audit_change(st, user, "plan", key, "date", old.date, p->date)) ||
	    (err = st_audit_int(st, user, "plan", key, "year_from", old.year_from, p->year_from)) ||
	    (err = st_audit_int(st, user, "plan", key, "year_to", old.year_to, p->year_to)) ||
	    (err = st_audit_change(st, user, "plan", key, "title", old.title, p->title)) ||
	    (err = st_audit_change(st, user, "plan", key, "legal_basis", old.legal_basis,
				p->legal_basis)) ||
	    (err = st_audit_change(st, user, "plan", key, "objectives", old.objectives,
				p->objectives)))
		goto done;
	targets_text(&old, &a);
	targets_text(p, &b);
	if ((err = st_audit_change(st, user, "plan", key, "targets", buf_cstr(&a), buf_cstr(&b))))
		goto done;
	activities_text(&old, &a);
	activities_text(p, &b);
	if ((err = st_audit_change(st, user, "plan", key, "activities", buf_cstr(&a), buf_cstr(&b))))
		goto done;
	funding_text(&old, &a);
	funding_text(p, &b);
	if ((err = st_audit_change(st, user, "plan", key, "funding", buf_cstr(&a), buf_cstr(&b))))
		goto done;
	if (strcmp(old.ref, p->ref) != 0)
		err = move_lines(st, old.ref, p->ref, units, n, user);
done:
	buf_free(&a);
	buf_free(&b);
	st_plan_clear(&old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

/* ---- budget lines ------------------------------------------------------------ */

#define LINE_COLS \
	"id, plan_ref, unit_code, year, project, source, capital, kind, date, amount, " \
	"carried_over, updated_by, updated_at"

static void read_line(sqlite3_stmt *s, st_budget_line *l)
{
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, l->plan, sizeof l->plan);
	st_col_copy(s, 2, l->unit_code, sizeof l->unit_code);
	l->year = sqlite3_column_int(s, 3);
	st_col_copy(s, 4, l->project, sizeof l->project);
	st_col_copy(s, 5, l->source, sizeof l->source);
	st_col_copy(s, 6, l->capital, sizeof l->capital);
	st_col_copy(s, 7, l->kind, sizeof l->kind);
	st_col_copy(s, 8, l->date, sizeof l->date);
	l->amount = sqlite3_column_int64(s, 9);
	l->carried_over = sqlite3_column_int64(s, 10);
	l->updated_by = sqlite3_column_int64(s, 11);
	l->updated_at = sqlite3_column_int64(s, 12);
}

static const char *key_date(const st_budget_line *l)
{
	return strcmp(l->kind, "disbursed") == 0 ? l->date : "";
}

gn_err store_budget_find(store *st, const st_budget_line *l, st_budget_line *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = prep(st, "SELECT " LINE_COLS " FROM budget_lines WHERE plan_ref = ? AND "
				   "unit_code = ? AND year = ? AND project = ? AND source = ? AND "
				   "capital = ? AND kind = ? AND key_date = ?");
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, l->plan);
	st_bind_text(s, 2, l->unit_code);
	sqlite3_bind_int(s, 3, l->year);
	st_bind_text(s, 4, l->project);
	st_bind_text(s, 5, l->source);
	st_bind_text(s, 6, l->capital);
	st_bind_text(s, 7, l->kind);
	st_bind_text(s, 8, key_date(l));
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW)
		read_line(s, out);
	else
		err = rc == SQLITE_DONE ? GN_ENOTFOUND : st_fail(st, rc);
	sqlite3_finalize(s);
	return err;
}

gn_err store_budget_put(store *st, st_budget_line *l, int64_t user)
{
	bool disbursed = strcmp(l->kind, "disbursed") == 0;
	if ((!disbursed && strcmp(l->kind, "allocated") != 0) || l->amount < 0 ||
	    l->carried_over < 0 || l->carried_over > l->amount || (disbursed && !l->date[0]) ||
	    (disbursed && l->carried_over) || !l->plan[0] || !l->unit_code[0] || !l->project[0])
		return st_refuse(st, "a budget line that the table refuses");
	st_budget_line old;
	gn_err err = store_budget_find(st, l, &old);
	if (err && err != GN_ENOTFOUND)
		return err;
	bool exists = err == GN_OK;
	if ((err = st_savepoint(st)))
		return err;
	int64_t now = st_now();
	sqlite3_stmt *s;
	if (exists) {
		s = prep(st, "UPDATE budget_lines SET date = ?, amount = ?, carried_over = ?, "
			     "updated_by = ?, updated_at = ? WHERE id = ?");
		if (!s) {
			err = GN_EIO;
			goto done;
		}
		st_bind_text(s, 1, l->date);
		sqlite3_bind_int64(s, 2, l->amount);
		sqlite3_bind_int64(s, 3, l->carried_over);
		sqlite3_bind_int64(s, 4, user);
		sqlite3_bind_int64(s, 5, now);
		sqlite3_bind_int64(s, 6, old.id);
		if ((err = st_exec_final(st, s)))
			goto done;
		l->id = old.id;
	} else {
		s = prep(st, "INSERT INTO budget_lines(plan_ref, unit_code, year, project, source, "
			     "capital, kind, key_date, date, amount, carried_over, updated_by, "
			     "updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		if (!s) {
			err = GN_EIO;
			goto done;
		}
		st_bind_text(s, 1, l->plan);
		st_bind_text(s, 2, l->unit_code);
		sqlite3_bind_int(s, 3, l->year);
		st_bind_text(s, 4, l->project);
		st_bind_text(s, 5, l->source);
		st_bind_text(s, 6, l->capital);
		st_bind_text(s, 7, l->kind);
		st_bind_text(s, 8, key_date(l));
		st_bind_text(s, 9, l->date);
		sqlite3_bind_int64(s, 10, l->amount);
		sqlite3_bind_int64(s, 11, l->carried_over);
		sqlite3_bind_int64(s, 12, user);
		sqlite3_bind_int64(s, 13, now);
		if ((err = st_exec_final(st, s)))
			goto done;
		l->id = sqlite3_last_insert_rowid(st->db);
	}
	l->updated_by = user;
	l->updated_at = now;
	char key[32];
	snprintf(key, sizeof key, "budget/%lld", (long long)l->id);
	if (!exists) {
		char v[24];
		snprintf(v, sizeof v, "%lld", (long long)l->amount);
		err = st_audit_put(st, user, "budget_line", key, "created", NULL, v);
	} else if (!(err = st_audit_int(st, user, "budget_line", key, "amount", old.amount,
				      l->amount)) &&
		   !(err = st_audit_int(st, user, "budget_line", key, "carried_over",
				     old.carried_over, l->carried_over))) {
		err = st_audit_change(st, user, "budget_line", key, "date", old.date, l->date);
	}
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_budget_list(store *st, const st_budget_filter *f, st_budget_line **out,
			 size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = prep(st,
		"SELECT " LINE_COLS " FROM budget_lines "
		"WHERE (?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) "
		"AND (?2 = 0 OR year = ?2) AND (?3 IS NULL OR plan_ref = ?3) "
		"AND (?4 IS NULL OR kind = ?4) "
		"ORDER BY year, plan_ref, unit_code, project, source, capital, kind, key_date");
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f ? f->unit_codes : NULL, f ? f->nunits : 0, &codes);
	sqlite3_bind_int(s, 2, f ? f->year : 0);
	if (f && f->plan)
		st_bind_text(s, 3, f->plan);
	if (f && f->kind)
		st_bind_text(s, 4, f->kind);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		read_line(s, &(*out)[(*n)++]);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	buf_free(&codes);
	if (err) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}
