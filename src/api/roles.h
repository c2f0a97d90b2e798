/*
 * roles.h - the eight roles of docs/api.md and what each may do, as a
 * table (roles.c).
 *
 * Layer: api. Personal data (names, members, reviews) goes to the
 * collaborator, the commune officer and chair, and the district and
 * province officers; citizen id numbers only to the first three; the
 * others (ministry, supervisor, admin) see aggregates only. Writes of
 * households and reviews are commune work. Imports of population and
 * households files: the commune officer (who enters the data) and the
 * district and province officers (who consolidate their communes'
 * files), always within their area; units and lineage (the map): the
 * administrator and the province officer. The programme's monitoring data
 * (plans, budgets, indicators, training, inspections, reports): the
 * officers of every level and the ministry, within their area. The table is the one place
 * these rules live; handlers ask it, never compare role names.
 */
#ifndef GN_ROLES_H
#define GN_ROLES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct role_info {
	const char *name;        /* as stored: "commune_officer" */
	const char *label_vi;    /* "Cán bộ xã" */
	const char *label_en;
	bool read_personal;      /* names, members, reviews, household lists */
	bool read_id_numbers;    /* citizen id numbers */
	bool write_reviews;      /* create/replace households, upsert reviews */
	bool approve;            /* approve the year's lists */
	bool import_data;        /* import population and households files of their area */
	bool import_map;         /* import units and lineage files (they change the map) */
	bool manage_users;
	bool read_only;          /* no state-changing request but logout */
	bool national;           /* may be given the whole country ("*") */
	bool manage_rounds;      /* run the review rounds of their commune (open, record
				  * meetings, postings, complaints; register applications);
				  * approving them is `approve` */
	bool write_me;           /* enter the programme's M&E data of their area: plans,
				  * budgets, indicator values, training, inspections,
				  * report submissions and approvals (issue 5) */
} role_info;

/* The role called name, or NULL. */
const role_info *role_find(const char *name);
size_t roles_count(void);
const role_info *role_at(size_t i);

#endif
