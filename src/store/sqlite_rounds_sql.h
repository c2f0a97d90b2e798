/*
 * sqlite_rounds_sql.h - the SQL of the review-round statements, as
 * designated initializers that sqlite.c puts into its statement table
 * (store_int.h lists the ids). Private to src/store.
 *
 * Layer: store. Uses REVIEW_COLS of sqlite.c (expanded there).
 */
#ifndef GN_SQLITE_ROUNDS_SQL_H
#define GN_SQLITE_ROUNDS_SQL_H

#define ROUND_COLS                                                             \
	"id, unit_code, year, kind, month, state, opened_at, meeting_date, "   \
	"attendees, votes_for, posting_start, posting_end, postings, "         \
	"decision_no, decision_date, certified, created_by, updated_at"
#define COMPLAINT_COLS                                                         \
	"id, round_id, household_id, received, text, status, result, "         \
	"rechecked_at, resolved_at"
#define APP_COLS                                                               \
	"id, household_id, unit_code, form, date, status, round_id, note, "    \
	"created_by, updated_at"

#define ROUND_STATEMENTS                                                                \
	[Q_ROUND_ADD] = "INSERT INTO review_rounds(unit_code, year, kind, month, state, "  \
			"opened_at, meeting_date, attendees, votes_for, posting_start, "    \
			"posting_end, postings, decision_no, decision_date, certified, "    \
			"created_by, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "  \
			"?, ?, ?, ?, ?, ?)",                                                \
	[Q_ROUND_GET] = "SELECT " ROUND_COLS " FROM review_rounds WHERE id = ?",           \
	[Q_ROUND_FIND] = "SELECT " ROUND_COLS " FROM review_rounds WHERE unit_code = ? "   \
			 "AND year = ? AND kind = ? AND month = ?",                          \
	[Q_ROUND_UPDATE] = "UPDATE review_rounds SET state = ?2, meeting_date = ?3, "      \
			   "attendees = ?4, votes_for = ?5, posting_start = ?6, "            \
			   "posting_end = ?7, postings = ?8, decision_no = ?9, "             \
			   "decision_date = ?10, certified = ?11, updated_at = ?12 "         \
			   "WHERE id = ?1",                                                  \
	[Q_ROUNDS_LIST] = "SELECT " ROUND_COLS " FROM review_rounds WHERE "                \
			  "(?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) " \
			  "AND (?2 = 0 OR year = ?2) AND (?3 IS NULL OR kind = ?3) "        \
			  "ORDER BY year DESC, unit_code, kind, month, id",                 \
	[Q_EVENT_ADD] = "INSERT INTO round_events(round_id, at, user_id, action, "         \
			"from_state, to_state, note) VALUES(?, ?, ?, ?, ?, ?, ?)",          \
	[Q_EVENTS_OF] = "SELECT id, round_id, at, user_id, action, from_state, to_state, " \
			"note FROM round_events WHERE round_id = ? ORDER BY id",            \
	[Q_COMPLAINT_ADD] = "INSERT INTO complaints(round_id, household_id, received, "    \
			    "text, status, result, rechecked_at, resolved_at) "             \
			    "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",                               \
	[Q_COMPLAINT_GET] = "SELECT " COMPLAINT_COLS " FROM complaints WHERE id = ?",      \
	[Q_COMPLAINT_UPDATE] = "UPDATE complaints SET household_id = ?2, received = ?3, "  \
			       "text = ?4, status = ?5, result = ?6, rechecked_at = ?7, "   \
			       "resolved_at = ?8 WHERE id = ?1",                            \
	[Q_COMPLAINTS_OF] = "SELECT " COMPLAINT_COLS " FROM complaints WHERE round_id = ? " \
			    "ORDER BY id",                                                  \
	[Q_APP_ADD] = "INSERT INTO applications(household_id, unit_code, form, date, "     \
		      "status, round_id, note, created_by, updated_at) "                    \
		      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",                                  \
	[Q_APP_GET] = "SELECT " APP_COLS " FROM applications WHERE id = ?",                \
	[Q_APP_UPDATE] = "UPDATE applications SET status = ?2, round_id = ?3, note = ?4, " \
			 "updated_at = ?5 WHERE id = ?1",                                   \
	[Q_APPS_LIST] = "SELECT " APP_COLS " FROM applications WHERE "                     \
			"(?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) "   \
			"AND (?2 = 0 OR round_id = ?2) "                                    \
			"AND (?3 = 0 OR substr(date, 1, 4) = printf('%04d', ?3)) "          \
			"AND (?4 IS NULL OR status = ?4) ORDER BY date DESC, id DESC",      \
	[Q_TALLY_DELETE] = "DELETE FROM round_tallies WHERE round_id = ?",                 \
	[Q_TALLY_PUT] = "INSERT INTO round_tallies(round_id, kind, key, households) "      \
			"VALUES(?, ?, ?, ?)",                                               \
	[Q_TALLIES_OF] = "SELECT kind, key, households FROM round_tallies "                \
			 "WHERE round_id = ? ORDER BY kind, key",                           \
	[Q_REVIEW_SET_STATUS] = "UPDATE reviews SET status = ?3, round_id = ?4, "          \
				"updated_at = ?5, updated_by = ?6 "                         \
				"WHERE household_id = ?1 AND year = ?2",                    \
	[Q_REVIEWS_IN_UNITS] = "SELECT " REVIEW_COLS " FROM reviews WHERE year = ?1 AND "  \
			       "unit_code IN (SELECT value FROM json_each(?2)) "            \
			       "ORDER BY household_id",

#endif
