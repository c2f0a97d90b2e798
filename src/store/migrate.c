/*
 * migrate.c - the schema of the SQLite store as an ordered list of
 * migration steps.
 *
 * Layer: store. Step k (1-based) brings a database from version k-1 to
 * version k; the table schema_version holds the version reached. At open
 * the steps not yet applied run in one IMMEDIATE transaction (two
 * processes opening a new database at once: the second waits and then
 * sees the version the first wrote), so a database is never left half
 * migrated. A released step is never edited: a change of the schema is a
 * new step appended at the end.
 *
 * Conventions of the schema: codes and ids are TEXT (leading zeros
 * matter); dates are ISO TEXT with '' for an open end (units valid
 * "always" or "still"); money and scores are INTEGER (scores x 10^4);
 * text columns are NOT NULL DEFAULT '' unless "not given" differs from
 * empty; numbers that may be unknown are NULL then.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../core/diag.h"
#include "store_int.h"
#include "sql_me_calendar.h"
#include "sql_me_capacity.h"
#include "sql_me_plans.h"
#include "sql_me_results.h"

static const char *const steps[] = {
	/* 1: the first schema (issue 3). */
	"CREATE TABLE units("
	"  code TEXT NOT NULL,"
	"  valid_from TEXT NOT NULL DEFAULT '',"  /* '' = always */
	"  valid_to TEXT NOT NULL DEFAULT '',"    /* '' = still exists */
	"  name TEXT NOT NULL,"
	"  level TEXT NOT NULL,"
	"  type TEXT NOT NULL DEFAULT '',"
	"  urban INTEGER,"                        /* NULL: not given */
	"  parent_code TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY(code, valid_from)"
	") WITHOUT ROWID;"
	"CREATE TABLE lineage("
	"  id INTEGER PRIMARY KEY,"
	"  old_code TEXT NOT NULL,"
	"  new_code TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  share_num INTEGER NOT NULL DEFAULT 1,"
	"  share_den INTEGER NOT NULL DEFAULT 1,"
	"  CHECK(share_den > 0 AND share_num > 0 AND share_num <= share_den)"
	");"
	"CREATE INDEX lineage_old ON lineage(old_code, date);"
	"CREATE TABLE population("
	"  unit_code TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  households INTEGER NOT NULL,"
	"  persons INTEGER,"                      /* NULL: unknown */
	"  PRIMARY KEY(unit_code, year)"
	") WITHOUT ROWID;"
	"CREATE TABLE households("
	"  id TEXT NOT NULL PRIMARY KEY,"
	"  unit_code TEXT NOT NULL,"
	"  village TEXT NOT NULL DEFAULT '',"
	"  head_name TEXT NOT NULL DEFAULT '',"
	"  address TEXT NOT NULL DEFAULT '',"
	"  name_fold TEXT NOT NULL DEFAULT '',"   /* text_fold(head_name): search */
	"  sort_key BLOB NOT NULL DEFAULT x'',"   /* text_vn_sortkey(head_name) */
	"  updated_at INTEGER NOT NULL DEFAULT 0"
	") WITHOUT ROWID;"
	"CREATE INDEX households_unit ON households(unit_code);"
	"CREATE INDEX households_sort ON households(sort_key, id);"
	"CREATE TABLE members("
	"  household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  sex TEXT NOT NULL DEFAULT '',"
	"  birth_year INTEGER NOT NULL DEFAULT 0,"
	"  ethnicity TEXT NOT NULL DEFAULT '',"
	"  relation TEXT NOT NULL DEFAULT '',"
	"  id_number TEXT NOT NULL DEFAULT '',"
	"  health_insurance INTEGER NOT NULL DEFAULT -1,"
	"  schooling TEXT NOT NULL DEFAULT '',"
	"  labour TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY(household_id, seq)"
	") WITHOUT ROWID;"
	"CREATE INDEX members_id_number ON members(id_number) WHERE id_number <> '';"
	"CREATE TABLE reviews("
	"  household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL,"
	"  unit_code TEXT NOT NULL,"
	"  village TEXT NOT NULL DEFAULT '',"
	"  members INTEGER NOT NULL,"
	"  income INTEGER,"                       /* NULL: not given */
	"  score_a INTEGER,"                      /* x 10^4; NULL: not given */
	"  deprivations TEXT NOT NULL DEFAULT '',"
	"  area TEXT NOT NULL DEFAULT '',"
	"  head_name TEXT NOT NULL DEFAULT '',"
	"  head_sex TEXT NOT NULL DEFAULT '',"
	"  head_birth_year INTEGER NOT NULL DEFAULT 0,"
	"  head_ethnicity TEXT NOT NULL DEFAULT '',"
	"  id_number TEXT NOT NULL DEFAULT '',"
	"  merit INTEGER NOT NULL DEFAULT 0,"
	"  no_labour INTEGER NOT NULL DEFAULT 0,"
	"  social_protection INTEGER NOT NULL DEFAULT 0,"
	"  causes TEXT NOT NULL DEFAULT '',"
	"  support_needs TEXT NOT NULL DEFAULT '',"
	"  cls TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'draft',"
	"  round_id INTEGER NOT NULL DEFAULT 0,"
	"  updated_at INTEGER NOT NULL DEFAULT 0,"
	"  updated_by INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY(household_id, year)"
	") WITHOUT ROWID;"
	"CREATE INDEX reviews_year ON reviews(year, unit_code);"
	"CREATE INDEX reviews_id_number ON reviews(id_number) WHERE id_number <> '';"
	"CREATE TABLE users("
	"  id INTEGER PRIMARY KEY,"
	"  username TEXT NOT NULL UNIQUE,"
	"  full_name TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL DEFAULT '',"
	"  unit_code TEXT NOT NULL DEFAULT '',"
	"  pw_hash TEXT NOT NULL DEFAULT '',"
	"  disabled INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE sessions("
	"  token_hash TEXT NOT NULL PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  expires_at INTEGER NOT NULL"
	");"
	"CREATE INDEX sessions_user ON sessions(user_id);"
	"CREATE TABLE login_failures("
	"  id INTEGER PRIMARY KEY,"
	"  username TEXT NOT NULL,"
	"  ip TEXT NOT NULL DEFAULT '',"
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX login_failures_user ON login_failures(username, at);"
	"CREATE INDEX login_failures_ip ON login_failures(ip, at);"
	"CREATE TABLE audit("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  user_id INTEGER NOT NULL,"             /* 0: the system (imports from the CLI) */
	"  entity TEXT NOT NULL,"
	"  record_key TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_value TEXT"
	");"
	"CREATE INDEX audit_key ON audit(record_key, id);"
	"CREATE TABLE uploads("
	"  id INTEGER PRIMARY KEY,"
	"  user_id INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  filename TEXT NOT NULL,"
	"  data BLOB NOT NULL,"
	"  created_at INTEGER NOT NULL"
	");",
	/* 2: the review workflow (issue 9): rounds of the periodic (yearly) and
	 * regular (monthly) reviews of a commune, their events, the complaints
	 * of the public posting, the households' applications (Form 01 to
	 * enter the lists, Form 04 to leave them) and the counts recorded at
	 * approval. month is 0 for a periodic round. */
	"CREATE TABLE review_rounds("
	"  id INTEGER PRIMARY KEY,"
	"  unit_code TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK(kind IN ('periodic', 'regular')),"
	"  month INTEGER NOT NULL DEFAULT 0,"
	"  state TEXT NOT NULL,"
	"  opened_at INTEGER NOT NULL,"
	"  meeting_date TEXT NOT NULL DEFAULT '',"
	"  attendees INTEGER NOT NULL DEFAULT 0,"
	"  votes_for INTEGER NOT NULL DEFAULT 0,"
	"  posting_start TEXT NOT NULL DEFAULT '',"
	"  posting_end TEXT NOT NULL DEFAULT '',"
	"  postings INTEGER NOT NULL DEFAULT 0,"
	"  decision_no TEXT NOT NULL DEFAULT '',"
	"  decision_date TEXT NOT NULL DEFAULT '',"
	"  certified INTEGER NOT NULL DEFAULT 0,"
	"  created_by INTEGER NOT NULL DEFAULT 0,"
	"  updated_at INTEGER NOT NULL DEFAULT 0,"
	"  CHECK((kind = 'periodic' AND month = 0) OR"
	"        (kind = 'regular' AND month BETWEEN 1 AND 12))"
	");"
	"CREATE UNIQUE INDEX review_rounds_key ON review_rounds(unit_code, year, kind, month);"
	"CREATE TABLE round_events("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,"
	"  at INTEGER NOT NULL,"
	"  user_id INTEGER NOT NULL,"
	"  action TEXT NOT NULL DEFAULT '',"
	"  from_state TEXT NOT NULL DEFAULT '',"
	"  to_state TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX round_events_round ON round_events(round_id, id);"
	"CREATE TABLE complaints("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,"
	"  household_id TEXT NOT NULL DEFAULT '',"
	"  received TEXT NOT NULL,"
	"  text TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK(status IN ('open', 'rechecked', 'resolved')),"
	"  result TEXT NOT NULL DEFAULT '',"
	"  rechecked_at TEXT NOT NULL DEFAULT '',"
	"  resolved_at TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX complaints_round ON complaints(round_id, id);"
	"CREATE TABLE applications("
	"  id INTEGER PRIMARY KEY,"
	"  household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,"
	"  unit_code TEXT NOT NULL,"
	"  form TEXT NOT NULL CHECK(form IN ('01', '04')),"
	"  date TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'registered',"
	"  round_id INTEGER NOT NULL DEFAULT 0,"   /* 0: none */
	"  note TEXT NOT NULL DEFAULT '',"
	"  created_by INTEGER NOT NULL DEFAULT 0,"
	"  updated_at INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX applications_unit ON applications(unit_code, date);"
	"CREATE INDEX applications_round ON applications(round_id);"
	"CREATE INDEX applications_household ON applications(household_id);"
	"CREATE TABLE round_tallies("
	"  round_id INTEGER NOT NULL REFERENCES review_rounds(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"                    /* 'class' | 'transition' */
	"  key TEXT NOT NULL,"
	"  households INTEGER NOT NULL,"
	"  PRIMARY KEY(round_id, kind, key)"
	") WITHOUT ROWID;",
	/* 3: the programme's monitoring and evaluation (issue 5), one part per
	 * area, each in its own file: plans, activities and budgets; the
	 * results framework; training and inspections; the reporting
	 * calendar and report submissions. */
	ME_PLANS_SQL ME_RESULTS_SQL ME_CAPACITY_SQL ME_CALENDAR_SQL,
};
#define NSTEPS ((int)(sizeof steps / sizeof steps[0]))

int migrate_latest(void)
{
	return NSTEPS;
}

static gn_err fail(sqlite3 *db, gn_diag *d, const char *what)
{
	diag_error(d, sqlite3_db_filename(db, "main"), 0, "", "%s: %s", what,
		   sqlite3_errmsg(db));
	return GN_EIO;
}

/* The version recorded, 0 for a new database. */
static int read_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT version FROM schema_version", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(s);
	return rc;
}

gn_err migrate_run(sqlite3 *db, gn_diag *d, int *version)
{
	int v = 0;
	/* Cheap check first: an up-to-date database needs no write lock. */
	if (read_version(db, &v) == SQLITE_OK && v == NSTEPS) {
		*version = v;
		return GN_OK;
	}
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, d, "cannot lock the database to update its schema");
	gn_err err = GN_OK;
	if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    read_version(db, &v) != SQLITE_OK) {
		err = fail(db, d, "cannot read the schema version");
		goto done;
	}
	if (v > NSTEPS) {
		diag_error(d, sqlite3_db_filename(db, "main"), 0, "",
			   "the database has schema version %d, newer than this program knows (%d); use a newer gnbv",
			   v, NSTEPS);
		err = GN_EIO;
		goto done;
	}
	for (int k = v; k < NSTEPS; k++) {
		if (sqlite3_exec(db, steps[k], NULL, NULL, NULL) != SQLITE_OK) {
			err = fail(db, d, "schema migration failed");
			goto done;
		}
	}
	if (v < NSTEPS) {
		char sql[96];
		snprintf(sql, sizeof sql, "DELETE FROM schema_version;"
			 "INSERT INTO schema_version(version) VALUES(%d)", NSTEPS);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			err = fail(db, d, "cannot record the schema version");
			goto done;
		}
	}
done:
	if (err) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return err;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, d, "cannot commit the schema migration");
	*version = NSTEPS;
	return GN_OK;
}
