/*
 * store_int.h - private to the SQLite store (sqlite.c, sqlite_hh.c,
 * migrate.c): the store struct, the cache of prepared statements and the
 * small helpers every file of the module uses.
 *
 * Layer: store. Nothing outside src/store includes this file. The public
 * interface is store.h; when the PostgreSQL implementation arrives, the
 * functions of store.h become a table of operations chosen at open, and
 * this file keeps the SQLite half.
 */
#ifndef GN_STORE_INT_H
#define GN_STORE_INT_H

#include <sqlite3.h>

#include "../core/buf.h"
#include "store.h"

/* Every statement the store runs, prepared once per store on first use
 * (SQLITE_PREPARE_PERSISTENT) and reset after each use. The SQL text of
 * each is in the table of sqlite.c, in this order. */
typedef enum stmt_id {
	Q_BEGIN, Q_COMMIT, Q_ROLLBACK,
	Q_SAVEPOINT, Q_RELEASE, Q_ROLLBACK_TO,
	Q_UNITS_DELETE, Q_LINEAGE_DELETE, Q_UNIT_INSERT, Q_LINEAGE_INSERT,
	Q_UNITS_SELECT, Q_LINEAGE_SELECT, Q_UNIT_CODES_USED,
	Q_POP_PUT, Q_POP_EACH,
	Q_HH_GET, Q_HH_INSERT, Q_HH_UPDATE, Q_MEMBERS_GET, Q_MEMBERS_DELETE,
	Q_MEMBER_INSERT,
	Q_REVIEW_GET, Q_REVIEW_PUT, Q_REVIEWS_OF, Q_REVIEWS_EACH, Q_REVIEWS_ALL,
	Q_SEARCH, Q_SEARCH_COUNT,
	Q_USER_ADD, Q_USER_GET, Q_USER_GET_ID, Q_USER_UPDATE, Q_USERS_LIST,
	Q_SESSION_PUT, Q_SESSION_GET, Q_SESSION_DELETE, Q_SESSION_DELETE_USER,
	Q_LOGIN_FAIL, Q_LOGIN_COUNT, Q_LOGIN_CLEAR,
	Q_AUDIT_PUT, Q_AUDIT_OF,
	Q_UPLOAD_PUT, Q_UPLOAD_GET, Q_UPLOAD_DELETE,
	/* review rounds (SQL in sqlite_rounds_sql.h, used by sqlite_rounds.c) */
	Q_ROUND_ADD, Q_ROUND_GET, Q_ROUND_FIND, Q_ROUND_UPDATE, Q_ROUNDS_LIST,
	Q_EVENT_ADD, Q_EVENTS_OF,
	Q_COMPLAINT_ADD, Q_COMPLAINT_GET, Q_COMPLAINT_UPDATE, Q_COMPLAINTS_OF,
	Q_APP_ADD, Q_APP_GET, Q_APP_UPDATE, Q_APPS_LIST,
	Q_TALLY_DELETE, Q_TALLY_PUT, Q_TALLIES_OF,
	Q_REVIEW_SET_STATUS, Q_REVIEWS_IN_UNITS,
	Q_COUNT
} stmt_id;

struct store {
	sqlite3 *db;
	int version;                /* schema version after migrations */
	sqlite3_stmt *stmt[Q_COUNT];
	buf err;                    /* last database error, for store_errmsg */
	buf tmp;                    /* scratch for folding and keys */
};

/* The cached statement id, prepared on first use; NULL on failure (the
 * message is kept in st->err). The caller binds, steps and then calls
 * st_done. */
sqlite3_stmt *st_stmt(store *st, stmt_id id);
/* Resets a statement taken with st_stmt (its bindings are cleared). */
void st_done(sqlite3_stmt *s);
/* Maps an SQLite result code to a gn_err, keeping the message:
 * constraint UNIQUE/PRIMARY KEY -> GN_EEXIST, FOREIGN KEY -> GN_ENOTFOUND,
 * NOMEM -> GN_ENOMEM, anything else -> GN_EIO. */
gn_err st_fail(store *st, int rc);
/* Steps a statement that returns no row (INSERT, UPDATE, DELETE), then
 * resets it. */
gn_err st_exec_stmt(store *st, sqlite3_stmt *s);

/* A savepoint around a write made of several statements, so that it is
 * all or nothing inside the caller's transaction or on its own. */
gn_err st_savepoint(store *st);
gn_err st_release(store *st);
void st_rollback_to(store *st);

/* Unix time now. */
int64_t st_now(void);

/* Binding and reading helpers: text NULL binds as ''; columns read as
 * NULL give "" (a fresh malloc'd copy in st_col_dup). */
void st_bind_text(sqlite3_stmt *s, int i, const char *text);
void st_bind_textn(sqlite3_stmt *s, int i, const char *text, size_t n);
char *st_col_dup(sqlite3_stmt *s, int i);
/* Copies column i into dst (size cap bytes, NUL-terminated, truncated). */
void st_col_copy(sqlite3_stmt *s, int i, char *dst, size_t cap);

/* snprintf into a fixed array: copies src (NULL: ""), truncating. */
void st_copy_fixed(char *dst, size_t cap, const char *src);

/* Appends a JSON array of the n strings (for `IN (SELECT value FROM
 * json_each(?))`). */
void st_json_codes(buf *b, const char *const *codes, size_t n);

/* Prepares sql without caching it (the M&E tables are small and their
 * statements many): *out is finalized by the caller. The error (kept in
 * st->err) as st_fail. */
gn_err st_prepare(store *st, const char *sql, sqlite3_stmt **out);
/* Steps a statement that returns no row and finalizes it; GN_EIO for a
 * NULL statement (a failed prepare). */
gn_err st_exec_final(store *st, sqlite3_stmt *s);
/* Steps s expecting at most one row, read by fn (GN_ENOTFOUND when none),
 * then releases s: reset when cached (st_stmt), else finalized. */
gn_err st_one_row(store *st, sqlite3_stmt *s, bool cached, void (*fn)(sqlite3_stmt *, void *),
		  void *out);
/* Steps s, appending every row (zeroed, then filled by fn) to a growing
 * array of elements of size bytes, then releases s as st_one_row. On
 * failure the rows read so far stay in *out (the caller frees them). */
gn_err st_all_rows(store *st, sqlite3_stmt *s, bool cached, size_t size,
		   void (*fn)(sqlite3_stmt *, void *), void **out, size_t *n);
/* GN_EINPUT with why as the store's message (store_errmsg): a record the
 * store refuses. */
gn_err st_refuse(store *st, const char *why);
/* NULL for NULL or "", else s: how the audit log writes "nothing". */
const char *st_or_null(const char *s);
/* An audit row for field when the old and new values differ (as text, or
 * as whole numbers). */
gn_err st_audit_change(store *st, int64_t user, const char *entity, const char *key,
		       const char *field, const char *old_value, const char *new_value);
gn_err st_audit_int(store *st, int64_t user, const char *entity, const char *key,
		    const char *field, int64_t old_value, int64_t new_value);

/* Appends an audit row (store_audit without its argument checks). */
gn_err st_audit_put(store *st, int64_t user, const char *entity,
		    const char *key, const char *field, const char *old_value,
		    const char *new_value);

/* Brings the schema of an open database to the latest version inside one
 * transaction; *version receives it. GN_EIO with a message in d. */
gn_err migrate_run(sqlite3 *db, gn_diag *d, int *version);
/* The latest schema version this build knows. */
int migrate_latest(void);

#endif
