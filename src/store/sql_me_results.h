/*
 * sql_me_results.h - the tables of the results framework: indicators, targets, values (indicator_values.csv), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 *
 * The indicators and the programme's targets are data files
 * (data/me/indicators.csv, indicator_targets.csv), not tables: the table
 * holds what users enter or import, one row per indicator, unit and
 * period (canonical text "2024", "2024S1", "2024Q3", "2024M05"; `year` is
 * its year, for filters): the actual value and the local target, each
 * x 10^4 (core/indicators.h IND_SCALE) and NULL when not given, with
 * where each came from ("entered" in the UI, "imported" from a file).
 */
#ifndef GN_SQL_ME_RESULTS_H
#define GN_SQL_ME_RESULTS_H

#define ME_RESULTS_SQL \
	"CREATE TABLE result_values(" \
	"  indicator TEXT NOT NULL," \
	"  unit_code TEXT NOT NULL," \
	"  period TEXT NOT NULL," \
	"  year INTEGER NOT NULL," \
	"  value INTEGER," \
	"  target INTEGER," \
	"  value_source TEXT NOT NULL DEFAULT ''," \
	"  target_source TEXT NOT NULL DEFAULT ''," \
	"  updated_at INTEGER NOT NULL DEFAULT 0," \
	"  updated_by INTEGER NOT NULL DEFAULT 0," \
	"  PRIMARY KEY(indicator, unit_code, period)," \
	"  CHECK(value IS NOT NULL OR target IS NOT NULL)" \
	") WITHOUT ROWID;" \
	"CREATE INDEX result_values_unit ON result_values(unit_code, year);" \
	"CREATE INDEX result_values_year ON result_values(year, indicator);"

#endif
