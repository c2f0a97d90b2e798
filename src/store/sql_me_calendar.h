/*
 * sql_me_calendar.h - the tables of the reporting calendar: report types, expected reports, submissions, returns, approvals, part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 *
 * The report types and the expected reports are not stored: types are
 * data (data/me/report_types.csv) and expected reports are computed
 * (core/reporting.h). Stored are what people enter:
 *   calendar_submissions  one per (type, period, unit): its state
 *                         (submitted, returned, approved), the note, the
 *                         figures (JSON text) or a file name, who and when;
 *   calendar_events       its history: submit, return (with the reason),
 *                         approve;
 *   calendar_deadlines    local deadlines a unit sets for the units under
 *                         it (a rule of core/reporting.h, the levels, the
 *                         years, the plan's reference);
 *   calendar_requests     ad hoc reports a unit asks of the units under it.
 */
#ifndef GN_SQL_ME_CALENDAR_H
#define GN_SQL_ME_CALENDAR_H

#define ME_CALENDAR_SQL \
	"CREATE TABLE calendar_submissions(" \
	"  id INTEGER PRIMARY KEY," \
	"  type_code TEXT NOT NULL," \
	"  period TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  unit_code TEXT NOT NULL," \
	"  state TEXT NOT NULL CHECK(state IN ('submitted', 'returned', 'approved'))," \
	"  first_submitted_on TEXT NOT NULL," \
	"  submitted_on TEXT NOT NULL," \
	"  submitted_by INTEGER NOT NULL DEFAULT 0," \
	"  decided_on TEXT NOT NULL DEFAULT ''," \
	"  decided_by INTEGER NOT NULL DEFAULT 0," \
	"  note TEXT NOT NULL DEFAULT ''," \
	"  figures TEXT NOT NULL DEFAULT ''," \
	"  attachment TEXT NOT NULL DEFAULT ''," \
	"  reason TEXT NOT NULL DEFAULT ''," \
	"  created_at INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0" \
	");" \
	"CREATE UNIQUE INDEX calendar_submissions_key" \
	"  ON calendar_submissions(type_code, period, unit_code);" \
	"CREATE INDEX calendar_submissions_year ON calendar_submissions(year, unit_code);" \
	"CREATE TABLE calendar_events(" \
	"  id INTEGER PRIMARY KEY," \
	"  submission_id INTEGER NOT NULL REFERENCES calendar_submissions(id) ON DELETE CASCADE," \
	"  at INTEGER NOT NULL," \
	"  on_date TEXT NOT NULL," \
	"  user_id INTEGER NOT NULL," \
	"  action TEXT NOT NULL," \
	"  from_state TEXT NOT NULL DEFAULT ''," \
	"  to_state TEXT NOT NULL," \
	"  note TEXT NOT NULL DEFAULT ''" \
	");" \
	"CREATE INDEX calendar_events_submission ON calendar_events(submission_id, id);" \
	"CREATE TABLE calendar_deadlines(" \
	"  id INTEGER PRIMARY KEY," \
	"  unit_code TEXT NOT NULL," \
	"  type_code TEXT NOT NULL," \
	"  period_kind TEXT NOT NULL," \
	"  rule TEXT NOT NULL," \
	"  levels TEXT NOT NULL," \
	"  year_from INTEGER NOT NULL DEFAULT 0," \
	"  year_to INTEGER NOT NULL DEFAULT 0," \
	"  plan_ref TEXT NOT NULL DEFAULT ''," \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  updated_at INTEGER NOT NULL DEFAULT 0" \
	");" \
	"CREATE INDEX calendar_deadlines_unit ON calendar_deadlines(unit_code);" \
	"CREATE TABLE calendar_requests(" \
	"  id INTEGER PRIMARY KEY," \
	"  unit_code TEXT NOT NULL," \
	"  type_code TEXT NOT NULL," \
	"  title TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  request_date TEXT NOT NULL," \
	"  due_date TEXT NOT NULL," \
	"  levels TEXT NOT NULL," \
	"  created_by INTEGER NOT NULL DEFAULT 0," \
	"  created_at INTEGER NOT NULL DEFAULT 0" \
	");" \
	"CREATE INDEX calendar_requests_year ON calendar_requests(year, unit_code);"

#endif
