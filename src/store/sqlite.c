/*
 * sqlite.c - the SQLite implementation of store.h: opening, transactions,
 * the statement cache, units, population, users, sessions, login
 * throttling, the audit log and uploads. Households, members, reviews and
 * search are in sqlite_hh.c; the schema is in migrate.c.
 *
 * Layer: store. The database runs in WAL mode (readers do not block the
 * one writer), with foreign keys on, a busy timeout so that concurrent
 * writers wait instead of failing, and synchronous=NORMAL (in WAL a crash
 * may lose the last commits but never corrupts; imports of 100,000 rows
 * commit in one transaction). Transactions are BEGIN IMMEDIATE: a writer
 * takes the write lock at once rather than failing with SQLITE_BUSY when a
 * read transaction tries to become a write one. The page cache is 64 MiB
 * (allocated as used): with SQLite's default 2 MiB, a 100,000-row import
 * spills dirty pages to the WAL in mid-transaction and takes twice as
 * long.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/mem.h"
#include "sqlite_rounds_sql.h"
#include "store_int.h"

#define BUSY_TIMEOUT_MS 10000

#define REVIEW_COLS                                                          \
	"household_id, year, unit_code, village, members, income, score_a, " \
	"deprivations, area, head_name, head_sex, head_birth_year, "         \
	"head_ethnicity, id_number, merit, no_labour, social_protection, "   \
	"causes, support_needs, cls, status, round_id, updated_at, updated_by"
/* Households matching a search (store_households_search): ?1 year (0:
 * any; the class is then the latest review's), ?2 JSON array of unit
 * codes or NULL, ?3 LIKE pattern on the folded name or NULL, ?4 LIKE
 * prefix pattern on the id and the citizen ids, ?5 class or NULL. */
#define SEARCH_HITS                                                              \
	"WITH hit AS (SELECT h.id, h.unit_code, h.village, h.head_name, h.sort_key, " \
	"  CASE WHEN ?1 > 0 THEN (SELECT cls FROM reviews r "                     \
	"                         WHERE r.household_id = h.id AND r.year = ?1) "   \
	"       ELSE (SELECT cls FROM reviews r WHERE r.household_id = h.id "      \
	"             ORDER BY r.year DESC LIMIT 1) END AS cls "                   \
	" FROM households h "                                                      \
	" WHERE (?2 IS NULL OR h.unit_code IN (SELECT value FROM json_each(?2))) " \
	"   AND (?3 IS NULL OR h.name_fold LIKE ?3 ESCAPE '\\' "                  \
	"        OR h.id LIKE ?4 ESCAPE '\\' "                                    \
	"        OR EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id "  \
	"                   AND m.id_number LIKE ?4 ESCAPE '\\') "                \
	"        OR EXISTS (SELECT 1 FROM reviews r WHERE r.household_id = h.id "  \
	"                   AND r.id_number LIKE ?4 ESCAPE '\\'))) "
#define USER_COLS "id, username, full_name, role, unit_code, pw_hash, disabled"

static const char *const stmt_sql[Q_COUNT] = {
	[Q_BEGIN] = "BEGIN IMMEDIATE",
	[Q_COMMIT] = "COMMIT",
	[Q_ROLLBACK] = "ROLLBACK",
	[Q_SAVEPOINT] = "SAVEPOINT gn_write",
	[Q_RELEASE] = "RELEASE gn_write",
	[Q_ROLLBACK_TO] = "ROLLBACK TO gn_write",
	[Q_UNITS_DELETE] = "DELETE FROM units",
	[Q_LINEAGE_DELETE] = "DELETE FROM lineage",
	[Q_UNIT_INSERT] = "INSERT INTO units(code, valid_from, valid_to, name, level, "
			  "type, urban, parent_code) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_LINEAGE_INSERT] = "INSERT INTO lineage(old_code, new_code, date, share_num, "
			     "share_den) VALUES(?, ?, ?, ?, ?)",
	[Q_UNITS_SELECT] = "SELECT code, valid_from, valid_to, name, level, type, urban, "
			   "parent_code FROM units ORDER BY code, valid_from",
	[Q_LINEAGE_SELECT] = "SELECT old_code, new_code, date, share_num, share_den "
			     "FROM lineage ORDER BY id",
	[Q_UNIT_CODES_USED] = "SELECT unit_code FROM households UNION "
			      "SELECT unit_code FROM reviews UNION "
			      "SELECT unit_code FROM population UNION "
			      "SELECT unit_code FROM review_rounds UNION "
			      "SELECT unit_code FROM applications UNION "
			      /* the programme's M&E records (migration step 3) */
			      "SELECT unit_code FROM plan_plans UNION "
			      "SELECT unit_code FROM budget_lines UNION "
			      "SELECT unit_code FROM result_values UNION "
			      "SELECT unit_code FROM training_persons UNION "
			      "SELECT unit_code FROM training_classes UNION "
			      "SELECT unit_code FROM training_staff UNION "
			      "SELECT unit_code FROM inspection_missions WHERE unit_code <> '*' UNION "
			      "SELECT unit_code FROM inspection_units UNION "
			      "SELECT unit_code FROM inspection_findings WHERE unit_code <> '' UNION "
			      "SELECT unit_code FROM inspection_recommendations UNION "
			      "SELECT unit_code FROM calendar_submissions UNION "
			      "SELECT unit_code FROM calendar_deadlines UNION "
			      "SELECT unit_code FROM calendar_requests UNION "
			      "SELECT unit_code FROM users WHERE unit_code <> ''",
	[Q_POP_PUT] = "INSERT INTO population(unit_code, year, households, persons) "
		      "VALUES(?, ?, ?, ?) ON CONFLICT(unit_code, year) DO UPDATE SET "
		      "households = excluded.households, persons = excluded.persons",
	[Q_POP_EACH] = "SELECT unit_code, year, households, persons FROM population "
		       "ORDER BY unit_code, year",
	[Q_HH_GET] = "SELECT id, unit_code, village, head_name, address, updated_at "
		     "FROM households WHERE id = ?",
	[Q_HH_INSERT] = "INSERT INTO households(id, unit_code, village, head_name, address, "
			"name_fold, sort_key, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[Q_HH_UPDATE] = "UPDATE households SET unit_code = ?2, village = ?3, head_name = ?4, "
			"address = ?5, name_fold = ?6, sort_key = ?7, updated_at = ?8 "
			"WHERE id = ?1",
	[Q_MEMBERS_GET] = "SELECT seq, name, sex, birth_year, ethnicity, relation, id_number, "
			  "health_insurance, schooling, labour FROM members "
			  "WHERE household_id = ? ORDER BY seq",
	[Q_MEMBERS_DELETE] = "DELETE FROM members WHERE household_id = ?",
	[Q_MEMBER_INSERT] = "INSERT INTO members(household_id, seq, name, sex, birth_year, "
			    "ethnicity, relation, id_number, health_insurance, schooling, "
			    "labour) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_REVIEW_GET] = "SELECT " REVIEW_COLS " FROM reviews WHERE household_id = ? AND year = ?",
	[Q_REVIEW_PUT] = "INSERT OR REPLACE INTO reviews(" REVIEW_COLS ") VALUES(?, ?, ?, ?, "
			 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_REVIEWS_OF] = "SELECT " REVIEW_COLS " FROM reviews WHERE household_id = ? ORDER BY year",
	[Q_REVIEWS_EACH] = "SELECT " REVIEW_COLS " FROM reviews WHERE year = ?",
	[Q_REVIEWS_ALL] = "SELECT " REVIEW_COLS " FROM reviews",
	[Q_SEARCH] = SEARCH_HITS
		"SELECT id, unit_code, village, head_name, coalesce(cls, '') FROM hit "
		"WHERE (?1 = 0 OR cls IS NOT NULL) AND (?5 IS NULL OR cls = ?5) "
		"ORDER BY sort_key, id LIMIT ?6 OFFSET ?7",
	[Q_SEARCH_COUNT] = SEARCH_HITS
		"SELECT count(*) FROM hit "
		"WHERE (?1 = 0 OR cls IS NOT NULL) AND (?5 IS NULL OR cls = ?5)",
	[Q_USER_ADD] = "INSERT INTO users(username, full_name, role, unit_code, pw_hash, "
		       "disabled) VALUES(?, ?, ?, ?, ?, ?)",
	[Q_USER_GET] = "SELECT " USER_COLS " FROM users WHERE username = ?",
	[Q_USER_GET_ID] = "SELECT " USER_COLS " FROM users WHERE id = ?",
	[Q_USER_UPDATE] = "UPDATE users SET username = ?2, full_name = ?3, role = ?4, "
			  "unit_code = ?5, pw_hash = ?6, disabled = ?7 WHERE id = ?1",
	[Q_USERS_LIST] = "SELECT " USER_COLS " FROM users ORDER BY username",
	[Q_SESSION_PUT] = "INSERT OR REPLACE INTO sessions(token_hash, user_id, csrf, "
			  "created_at, expires_at) VALUES(?, ?, ?, ?, ?)",
	[Q_SESSION_GET] = "SELECT token_hash, user_id, csrf, created_at, expires_at "
			  "FROM sessions WHERE token_hash = ?",
	[Q_SESSION_DELETE] = "DELETE FROM sessions WHERE token_hash = ?",
	[Q_SESSION_DELETE_USER] = "DELETE FROM sessions WHERE user_id = ?",
	[Q_LOGIN_FAIL] = "INSERT INTO login_failures(username, ip, at) VALUES(?, ?, ?)",
	[Q_LOGIN_COUNT] = "SELECT count(*) FROM login_failures WHERE at >= ?3 AND "
			  "(username = ?1 OR (?2 <> '' AND ip = ?2))",
	[Q_LOGIN_CLEAR] = "DELETE FROM login_failures WHERE username = ?",
	[Q_AUDIT_PUT] = "INSERT INTO audit(at, user_id, entity, record_key, field, "
			"old_value, new_value) VALUES(?, ?, ?, ?, ?, ?, ?)",
	[Q_AUDIT_OF] = "SELECT id, at, user_id, entity, record_key, field, old_value, "
		       "new_value FROM audit WHERE record_key = ?1 OR "
		       "(record_key >= ?1 || '/' AND record_key < ?1 || '0') "
		       "ORDER BY id DESC",
	[Q_UPLOAD_PUT] = "INSERT INTO uploads(user_id, kind, filename, data, created_at) "
			 "VALUES(?, ?, ?, ?, ?)",
	[Q_UPLOAD_GET] = "SELECT user_id, kind, filename, data FROM uploads WHERE id = ?",
	[Q_UPLOAD_DELETE] = "DELETE FROM uploads WHERE id = ?",
	ROUND_STATEMENTS
};

/* ---- helpers (store_int.h) ------------------------------------------------ */

static void keep_error(store *st, const char *what)
{
	buf_reset(&st->err);
	buf_printf(&st->err, "%s: %s", what, sqlite3_errmsg(st->db));
}

sqlite3_stmt *st_stmt(store *st, stmt_id id)
{
	if (st->stmt[id])
		return st->stmt[id];
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				    &s, NULL);
	if (rc != SQLITE_OK) {
		keep_error(st, "cannot prepare a statement");
		sqlite3_finalize(s);
		return NULL;
	}
	st->stmt[id] = s;
	return s;
}

void st_done(sqlite3_stmt *s)
{
	if (!s)
		return;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

gn_err st_fail(store *st, int rc)
{
	keep_error(st, "database");
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return GN_EEXIST;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return GN_ENOTFOUND;
	case SQLITE_NOMEM:
		return GN_ENOMEM;
	default:
		return GN_EIO;
	}
}

gn_err st_exec_stmt(store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, sqlite3_extended_errcode(st->db));
	st_done(s);
	return err;
}

static gn_err run(store *st, stmt_id id)
{
	sqlite3_stmt *s = st_stmt(st, id);
	return s ? st_exec_stmt(st, s) : GN_EIO;
}

gn_err st_savepoint(store *st) { return run(st, Q_SAVEPOINT); }
gn_err st_release(store *st) { return run(st, Q_RELEASE); }

void st_rollback_to(store *st)
{
	run(st, Q_ROLLBACK_TO);
	run(st, Q_RELEASE);
}

int64_t st_now(void)
{
	return (int64_t)time(NULL);
}

void st_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	sqlite3_bind_text(s, i, text ? text : "", -1, SQLITE_STATIC);
}

void st_bind_textn(sqlite3_stmt *s, int i, const char *text, size_t n)
{
	sqlite3_bind_text64(s, i, text ? text : "", text ? n : 0, SQLITE_STATIC, SQLITE_UTF8);
}

char *st_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	int n = sqlite3_column_bytes(s, i);
	return gn_xstrndup(t ? (const char *)t : "", t ? (size_t)n : 0);
}

void st_col_copy(sqlite3_stmt *s, int i, char *dst, size_t cap)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, t, n);
	dst[n] = '\0';
}

/* Copies a C string into a fixed array, truncating. */
static void copy_fixed(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

/* ---- open, close, transactions -------------------------------------------- */

static gn_err pragma(sqlite3 *db, const char *sql, gn_diag *d, const char *path)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return GN_OK;
	diag_error(d, path, 0, "", "cannot set up the database (%s): %s", sql,
		   sqlite3_errmsg(db));
	return GN_EIO;
}

gn_err store_open(const char *path, bool create, gn_diag *d, store **out)
{
	gn_diag *own = d ? NULL : diag_new(10);
	if (!d)
		d = own;
	*out = NULL;
	store *st = gn_xcalloc(1, sizeof *st);
	buf_init(&st->err, 4096);
	buf_init(&st->tmp, 0);
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	gn_err err = GN_OK;
	int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	if (rc != SQLITE_OK) {
		diag_error(d, path, 0, "", "cannot open the database: %s%s",
			   st->db ? sqlite3_errmsg(st->db) : "out of memory",
			   create ? "" : " (create it with gnbv init)");
		err = GN_EIO;
		goto done;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	/* The journal mode must be set outside a transaction; it persists in
	 * the file. foreign_keys and synchronous are per connection. */
	if ((err = pragma(st->db, "PRAGMA journal_mode=WAL", d, path)) ||
	    (err = pragma(st->db, "PRAGMA foreign_keys=ON", d, path)) ||
	    (err = pragma(st->db, "PRAGMA synchronous=NORMAL", d, path)) ||
	    (err = pragma(st->db, "PRAGMA cache_size=-65536", d, path)) ||
	    (err = pragma(st->db, "PRAGMA temp_store=MEMORY", d, path)))
		goto done;
	err = migrate_run(st->db, d, &st->version);
done:
	diag_free(own);
	if (err) {
		store_close(st);
		return err;
	}
	*out = st;
	return GN_OK;
}

void store_close(store *st)
{
	if (!st)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	buf_free(&st->err);
	buf_free(&st->tmp);
	free(st);
}

int store_schema_version(store *st)
{
	return st->version;
}

const char *store_errmsg(const store *st)
{
	return buf_cstr(&st->err);
}

gn_err store_begin(store *st) { return run(st, Q_BEGIN); }
gn_err store_commit(store *st) { return run(st, Q_COMMIT); }

void store_rollback(store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run(st, Q_ROLLBACK);
}

/* ---- units, lineage, population ------------------------------------------- */

/* '' for an open end, else YYYY-MM-DD. */
static void date_text(gn_date t, char out[11])
{
	if (t == GN_DATE_MIN || t == GN_DATE_MAX)
		out[0] = '\0';
	else
		date_format_iso(t, out);
}

gn_err store_units_replace(store *st, const unit_set *u)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	if ((err = run(st, Q_UNITS_DELETE)) || (err = run(st, Q_LINEAGE_DELETE)))
		goto done;
	sqlite3_stmt *s = st_stmt(st, Q_UNIT_INSERT);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	size_t nc = units_ncodes(u);
	for (size_t c = 0; c < nc && !err; c++) {
		size_t nv;
		const unit_version *v = units_versions(u, (int32_t)c, &nv);
		for (size_t k = 0; k < nv && !err; k++) {
			char from[11], to[11];
			date_text(v[k].from, from);
			date_text(v[k].to, to);
			st_bind_text(s, 1, units_code(u, (int32_t)c));
			st_bind_text(s, 2, from);
			st_bind_text(s, 3, to);
			st_bind_text(s, 4, v[k].name);
			st_bind_text(s, 5, unit_level_name(v[k].level));
			st_bind_text(s, 6, unit_type_name(v[k].type));
			if (v[k].urban >= 0)
				sqlite3_bind_int(s, 7, v[k].urban);
			st_bind_text(s, 8, v[k].parent >= 0 ? units_code(u, v[k].parent) : "");
			err = st_exec_stmt(st, s);
		}
	}
	size_t nl;
	const lineage *l = units_lineage(u, &nl);
	s = err ? NULL : st_stmt(st, Q_LINEAGE_INSERT);
	if (!err && !s)
		err = GN_EIO;
	for (size_t k = 0; k < nl && !err; k++) {
		char day[11];
		date_format_iso(l[k].date, day);
		st_bind_text(s, 1, units_code(u, l[k].old_code));
		st_bind_text(s, 2, units_code(u, l[k].new_code));
		st_bind_text(s, 3, day);
		sqlite3_bind_int64(s, 4, l[k].share.num);
		sqlite3_bind_int64(s, 5, l[k].share.den);
		err = st_exec_stmt(st, s);
	}
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

static bool col_date(sqlite3_stmt *s, int i, gn_date open_end, gn_date *out)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;
	if (n == 0) {
		*out = open_end;
		return true;
	}
	return date_parse(t, n, out);
}

gn_err store_units_load(store *st, unit_set **out)
{
	*out = NULL;
	unit_set *u = units_new();
	gn_err err = GN_OK;
	sqlite3_stmt *s = st_stmt(st, Q_UNITS_SELECT);
	if (!s) {
		units_free(u);
		return GN_EIO;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		unit_version v = {.parent = -1, .urban = -1};
		const char *code = (const char *)sqlite3_column_text(s, 0);
		const char *level = (const char *)sqlite3_column_text(s, 4);
		const char *type = (const char *)sqlite3_column_text(s, 5);
		const char *parent = (const char *)sqlite3_column_text(s, 7);
		if (!code || !level ||
		    !unit_level_parse(level, (size_t)sqlite3_column_bytes(s, 4), &v.level) ||
		    (type && type[0] &&
		     !unit_type_parse(type, (size_t)sqlite3_column_bytes(s, 5), &v.type)) ||
		    !col_date(s, 1, GN_DATE_MIN, &v.from) || !col_date(s, 2, GN_DATE_MAX, &v.to)) {
			buf_reset(&st->err);
			buf_printf(&st->err, "database: a bad row in the units table (code %s)",
				   code ? code : "NULL");
			err = GN_EIO;
			break;
		}
		v.code = units_intern(u, code, (size_t)sqlite3_column_bytes(s, 0));
		if (parent && parent[0])
			v.parent = units_intern(u, parent, (size_t)sqlite3_column_bytes(s, 7));
		if (sqlite3_column_type(s, 6) != SQLITE_NULL)
			v.urban = sqlite3_column_int(s, 6) ? 1 : 0;
		v.name = (const char *)sqlite3_column_text(s, 3);
		if (!v.name)
			v.name = "";
		units_add_version(u, &v);
	}
	if (!err && rc != SQLITE_DONE)
		err = st_fail(st, rc);
	st_done(s);
	if (!err && !(s = st_stmt(st, Q_LINEAGE_SELECT)))
		err = GN_EIO;
	while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		lineage l = {0};
		const char *oc = (const char *)sqlite3_column_text(s, 0);
		const char *nc = (const char *)sqlite3_column_text(s, 1);
		l.share.num = sqlite3_column_int64(s, 3);
		l.share.den = sqlite3_column_int64(s, 4);
		if (!oc || !nc || !col_date(s, 2, GN_DATE_MIN, &l.date) ||
		    l.date == GN_DATE_MIN || l.share.den <= 0) {
			buf_reset(&st->err);
			buf_puts(&st->err, "database: a bad row in the lineage table");
			err = GN_EIO;
			break;
		}
		l.old_code = units_intern(u, oc, (size_t)sqlite3_column_bytes(s, 0));
		l.new_code = units_intern(u, nc, (size_t)sqlite3_column_bytes(s, 1));
		units_add_lineage(u, &l);
	}
	if (!err && rc != SQLITE_DONE)
		err = st_fail(st, rc);
	if (s)
		st_done(s);
	if (!err) {
		gn_diag *d = diag_new(1);
		if (units_check(u, "database", "database", d) != GN_OK) {
			const diag_item *it = diag_count(d) ? diag_at(d, 0) : NULL;
			buf_reset(&st->err);
			buf_printf(&st->err, "database: the stored units do not check: %s",
				   it ? it->text : "?");
			err = GN_EIO;
		}
		diag_free(d);
	}
	if (err) {
		units_free(u);
		return err;
	}
	*out = u;
	return GN_OK;
}

gn_err store_unit_codes_used(store *st, bool (*fn)(void *ctx, const char *code),
			     void *ctx)
{
	sqlite3_stmt *s = st_stmt(st, Q_UNIT_CODES_USED);
	if (!s)
		return GN_EIO;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(s, 0);
		if (code && !fn(ctx, code)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	return err;
}

gn_err store_population_put(store *st, const st_population *p)
{
	sqlite3_stmt *s = st_stmt(st, Q_POP_PUT);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, p->unit_code);
	sqlite3_bind_int(s, 2, p->year);
	sqlite3_bind_int64(s, 3, p->households);
	if (p->persons >= 0)
		sqlite3_bind_int64(s, 4, p->persons);
	return st_exec_stmt(st, s);
}

gn_err store_population_each(store *st, bool (*fn)(void *ctx, const st_population *p),
			     void *ctx)
{
	sqlite3_stmt *s = st_stmt(st, Q_POP_EACH);
	if (!s)
		return GN_EIO;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_population p;
		st_col_copy(s, 0, p.unit_code, sizeof p.unit_code);
		p.year = sqlite3_column_int(s, 1);
		p.households = sqlite3_column_int64(s, 2);
		p.persons = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1
								      : sqlite3_column_int64(s, 3);
		if (!fn(ctx, &p)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	return err;
}

/* ---- users, sessions, login throttling ------------------------------------ */

static void read_user(sqlite3_stmt *s, st_user *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, u->username, sizeof u->username);
	st_col_copy(s, 2, u->full_name, sizeof u->full_name);
	st_col_copy(s, 3, u->role, sizeof u->role);
	st_col_copy(s, 4, u->unit_code, sizeof u->unit_code);
	st_col_copy(s, 5, u->pw_hash, sizeof u->pw_hash);
	u->disabled = sqlite3_column_int(s, 6) != 0;
}

static void read_user_cb(sqlite3_stmt *s, void *out) { read_user(s, out); }

gn_err store_user_add(store *st, st_user *u)
{
	sqlite3_stmt *s = st_stmt(st, Q_USER_ADD);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, u->username);
	st_bind_text(s, 2, u->full_name);
	st_bind_text(s, 3, u->role);
	st_bind_text(s, 4, u->unit_code);
	st_bind_text(s, 5, u->pw_hash);
	sqlite3_bind_int(s, 6, u->disabled ? 1 : 0);
	gn_err err = st_exec_stmt(st, s);
	if (!err)
		u->id = sqlite3_last_insert_rowid(st->db);
	return err;
}

gn_err store_user_get(store *st, const char *username, st_user *out)
{
	sqlite3_stmt *s = st_stmt(st, Q_USER_GET);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, username);
	return st_one_row(st, s, true, read_user_cb, out);
}

gn_err store_user_get_id(store *st, int64_t id, st_user *out)
{
	sqlite3_stmt *s = st_stmt(st, Q_USER_GET_ID);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, true, read_user_cb, out);
}

gn_err store_user_update(store *st, const st_user *u)
{
	sqlite3_stmt *s = st_stmt(st, Q_USER_UPDATE);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, u->id);
	st_bind_text(s, 2, u->username);
	st_bind_text(s, 3, u->full_name);
	st_bind_text(s, 4, u->role);
	st_bind_text(s, 5, u->unit_code);
	st_bind_text(s, 6, u->pw_hash);
	sqlite3_bind_int(s, 7, u->disabled ? 1 : 0);
	gn_err err = st_exec_stmt(st, s);
	if (!err && sqlite3_changes(st->db) == 0)
		err = GN_ENOTFOUND;
	return err;
}

gn_err store_users_list(store *st, st_user **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_USERS_LIST);
	if (!s)
		return GN_EIO;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		read_user(s, &(*out)[(*n)++]);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	if (err) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

static void read_session(sqlite3_stmt *s, void *out)
{
	st_session *x = out;
	memset(x, 0, sizeof *x);
	st_col_copy(s, 0, x->token_hash, sizeof x->token_hash);
	x->user_id = sqlite3_column_int64(s, 1);
	st_col_copy(s, 2, x->csrf, sizeof x->csrf);
	x->created_at = sqlite3_column_int64(s, 3);
	x->expires_at = sqlite3_column_int64(s, 4);
}

gn_err store_session_put(store *st, const st_session *x)
{
	sqlite3_stmt *s = st_stmt(st, Q_SESSION_PUT);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, x->token_hash);
	sqlite3_bind_int64(s, 2, x->user_id);
	st_bind_text(s, 3, x->csrf);
	sqlite3_bind_int64(s, 4, x->created_at);
	sqlite3_bind_int64(s, 5, x->expires_at);
	return st_exec_stmt(st, s);
}

gn_err store_session_get(store *st, const char *token_hash, st_session *out)
{
	sqlite3_stmt *s = st_stmt(st, Q_SESSION_GET);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, token_hash);
	return st_one_row(st, s, true, read_session, out);
}

gn_err store_session_delete(store *st, const char *token_hash)
{
	sqlite3_stmt *s = st_stmt(st, Q_SESSION_DELETE);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, token_hash);
	return st_exec_stmt(st, s);
}

gn_err store_sessions_delete_user(store *st, int64_t user_id)
{
	sqlite3_stmt *s = st_stmt(st, Q_SESSION_DELETE_USER);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, user_id);
	return st_exec_stmt(st, s);
}

gn_err store_login_failure(store *st, const char *username, const char *ip,
			   int64_t at)
{
	sqlite3_stmt *s = st_stmt(st, Q_LOGIN_FAIL);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, username);
	st_bind_text(s, 2, ip);
	sqlite3_bind_int64(s, 3, at);
	return st_exec_stmt(st, s);
}

gn_err store_login_failures(store *st, const char *username, const char *ip,
			    int64_t since, int *count)
{
	*count = 0;
	sqlite3_stmt *s = st_stmt(st, Q_LOGIN_COUNT);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, username);
	st_bind_text(s, 2, ip);
	sqlite3_bind_int64(s, 3, since);
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int(s, 0);
	else
		err = st_fail(st, rc);
	st_done(s);
	return err;
}

gn_err store_login_clear(store *st, const char *username)
{
	sqlite3_stmt *s = st_stmt(st, Q_LOGIN_CLEAR);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, username);
	return st_exec_stmt(st, s);
}

/* ---- audit ------------------------------------------------------------------ */

gn_err st_audit_put(store *st, int64_t user, const char *entity, const char *key,
		    const char *field, const char *old_value, const char *new_value)
{
	sqlite3_stmt *s = st_stmt(st, Q_AUDIT_PUT);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, st_now());
	sqlite3_bind_int64(s, 2, user);
	st_bind_text(s, 3, entity);
	st_bind_text(s, 4, key);
	st_bind_text(s, 5, field);
	if (old_value)
		st_bind_text(s, 6, old_value);
	if (new_value)
		st_bind_text(s, 7, new_value);
	return st_exec_stmt(st, s);
}

gn_err store_audit(store *st, int64_t user, const char *entity,
		   const char *record_key, const char *field,
		   const char *old_value, const char *new_value)
{
	if (!entity || !record_key || !field)
		return GN_EINPUT;
	return st_audit_put(st, user, entity, record_key, field, old_value, new_value);
}

gn_err store_audit_of(store *st, const char *key, st_audit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_AUDIT_OF);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, key);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		st_audit *a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(s, 0);
		a->at = sqlite3_column_int64(s, 1);
		a->user_id = sqlite3_column_int64(s, 2);
		st_col_copy(s, 3, a->entity, sizeof a->entity);
		st_col_copy(s, 4, a->record_key, sizeof a->record_key);
		st_col_copy(s, 5, a->field, sizeof a->field);
		a->old_value = sqlite3_column_type(s, 6) == SQLITE_NULL ? NULL : st_col_dup(s, 6);
		a->new_value = sqlite3_column_type(s, 7) == SQLITE_NULL ? NULL : st_col_dup(s, 7);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	if (err) {
		store_audit_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return err;
}

void store_audit_free(st_audit *a, size_t n)
{
	if (!a)
		return;
	for (size_t i = 0; i < n; i++) {
		free(a[i].old_value);
		free(a[i].new_value);
	}
	free(a);
}

/* ---- uploads ------------------------------------------------------------------ */

gn_err store_upload_put(store *st, int64_t user, const char *kind,
			const char *filename, const void *data, size_t len,
			int64_t *id)
{
	sqlite3_stmt *s = st_stmt(st, Q_UPLOAD_PUT);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, user);
	st_bind_text(s, 2, kind);
	st_bind_text(s, 3, filename);
	sqlite3_bind_blob64(s, 4, len ? data : "", len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, st_now());
	gn_err err = st_exec_stmt(st, s);
	if (!err && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return err;
}

typedef struct upload_out {
	int64_t *user;
	char *kind;
	char *filename;
	void **data;
	size_t *len;
} upload_out;

static void read_upload(sqlite3_stmt *s, void *p)
{
	upload_out *o = p;
	if (o->user)
		*o->user = sqlite3_column_int64(s, 0);
	if (o->kind)
		st_col_copy(s, 1, o->kind, 24);
	if (o->filename)
		st_col_copy(s, 2, o->filename, ST_NAME);
	const void *b = sqlite3_column_blob(s, 3);
	size_t n = (size_t)sqlite3_column_bytes(s, 3);
	void *copy = gn_xmalloc(n ? n : 1);
	if (n)
		memcpy(copy, b, n);
	*o->data = copy;
	*o->len = n;
}

gn_err store_upload_get(store *st, int64_t id, int64_t *user, char kind[24],
			char filename[ST_NAME], void **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	sqlite3_stmt *s = st_stmt(st, Q_UPLOAD_GET);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	upload_out o = {user, kind, filename, data, len};
	return st_one_row(st, s, true, read_upload, &o);
}

gn_err store_upload_delete(store *st, int64_t id)
{
	sqlite3_stmt *s = st_stmt(st, Q_UPLOAD_DELETE);
	if (!s)
		return GN_EIO;
	sqlite3_bind_int64(s, 1, id);
	gn_err err = st_exec_stmt(st, s);
	if (!err && sqlite3_changes(st->db) == 0)
		err = GN_ENOTFOUND;
	return err;
}

/* Used by sqlite_hh.c. */
void st_copy_fixed(char *dst, size_t cap, const char *src)
{
	copy_fixed(dst, cap, src);
}

/* ---- helpers of the files without cached statements ------------------------- */

gn_err st_prepare(store *st, const char *sql, sqlite3_stmt **out)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return st_fail(st, rc);
	}
	return GN_OK;
}

gn_err st_exec_final(store *st, sqlite3_stmt *s)
{
	if (!s)
		return GN_EIO;
	gn_err err = st_exec_stmt(st, s);
	sqlite3_finalize(s);
	return err;
}

gn_err st_refuse(store *st, const char *why)
{
	buf_reset(&st->err);
	buf_puts(&st->err, why);
	return GN_EINPUT;
}

const char *st_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

gn_err st_audit_change(store *st, int64_t user, const char *entity, const char *key,
		       const char *field, const char *old_value, const char *new_value)
{
	if (strcmp(old_value ? old_value : "", new_value ? new_value : "") == 0)
		return GN_OK;
	return st_audit_put(st, user, entity, key, field, st_or_null(old_value),
			    st_or_null(new_value));
}

gn_err st_audit_int(store *st, int64_t user, const char *entity, const char *key,
		    const char *field, int64_t old_value, int64_t new_value)
{
	if (old_value == new_value)
		return GN_OK;
	char a[24], b[24];
	snprintf(a, sizeof a, "%lld", (long long)old_value);
	snprintf(b, sizeof b, "%lld", (long long)new_value);
	return st_audit_put(st, user, entity, key, field, a, b);
}

static void release(sqlite3_stmt *s, bool cached)
{
	if (cached)
		st_done(s);
	else
		sqlite3_finalize(s);
}

gn_err st_one_row(store *st, sqlite3_stmt *s, bool cached, void (*fn)(sqlite3_stmt *, void *),
		  void *out)
{
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW)
		fn(s, out);
	else if (rc == SQLITE_DONE)
		err = GN_ENOTFOUND;
	else
		err = st_fail(st, sqlite3_extended_errcode(st->db));
	release(s, cached);
	return err;
}

gn_err st_all_rows(store *st, sqlite3_stmt *s, bool cached, size_t size,
		   void (*fn)(sqlite3_stmt *, void *), void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = gn_xreallocarray(*out, cap, size);
		}
		void *row = (char *)*out + *n * size;
		memset(row, 0, size);
		fn(s, row);
		(*n)++;
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	release(s, cached);
	return err;
}
