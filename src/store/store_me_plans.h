/*
 * store_me_plans.h - the part of the storage interface (store.h) for the
 * programme's monitoring and evaluation, area "plans" (issue 5). Included
 * by store.h; conventions as there. Implementation: sqlite_me_plans.c.
 *
 * Plans (kế hoạch) with their numeric targets, activities and declared
 * funding, and the budget lines of budget.csv (allocations and
 * disbursements). Codes of projects, sources, capital types and kinds are
 * stored as the words of formats.md ("DA3.1", "central", "recurrent",
 * "allocated"); the callers check them (core/budget.h, the catalogue).
 *
 * Audit, in the caller's transaction: a plan under key "plan/ID" (entity
 * "plan": "created" with the plan's reference, then one row per changed
 * field; the lists as the fields "targets", "activities", "funding" with
 * their whole text before and after); a budget line under "budget/ID"
 * (entity "budget_line": "created" with its amount, then "amount",
 * "carried_over", "date", "plan" when they change).
 *
 * Ownership: st_plan_clear releases a plan's strings and lists (a zeroed
 * plan is accepted); arrays of plans are freed with store_plans_free;
 * arrays of budget lines with free().
 */
#ifndef GN_STORE_ME_PLANS_H
#define GN_STORE_ME_PLANS_H

#define ST_PLAN_NUMBER 64
#define ST_PLAN_REF 128
#define ST_PROJECT 8

typedef struct st_plan_target {
	char *text;               /* "giảm hộ nghèo" */
	bool has_value;
	int64_t value;            /* hundredths: 218 is 21800 */
	char *measure;            /* "hộ", "%" */
} st_plan_target;

typedef struct st_plan_activity {
	char project[ST_PROJECT]; /* "DA2" */
	char *name;               /* what is done */
	char *lead_unit;          /* đơn vị chủ trì */
	char *coordinating_units; /* đơn vị phối hợp */
	char *place;
	char time_from[8];        /* "2023Q2", "" */
	char time_to[8];
	char *beneficiaries;
} st_plan_activity;

typedef struct st_plan_part {
	char source[12];          /* "central" */
	char capital[12];         /* "recurrent" */
	int64_t amount;
	int64_t carried_over;
} st_plan_part;

/* The funding a plan declares for a project in a year: a total and its
 * parts ("Tổng nguồn vốn Dự án 2: 2.243 triệu đồng, trong đó NSTW 1.950,
 * NS tỉnh 98, NS huyện 195"). */
typedef struct st_plan_funding {
	char project[ST_PROJECT];
	int year;
	int64_t total;
	st_plan_part *parts;
	size_t nparts;
} st_plan_funding;

typedef struct st_plan {
	int64_t id;
	char unit_code[ST_CODE];      /* the issuing unit */
	char *issuer;                 /* the issuing body as written: "UBND huyện Hớn Quản" */
	char number[ST_PLAN_NUMBER];  /* "32/KH-UBND" */
	char date[11];                /* "2023-09-15" */
	char ref[ST_PLAN_REF];        /* set by the store: "32/KH-UBND 2023" */
	int year_from, year_to;
	char *title;                  /* trích yếu */
	char *legal_basis;            /* căn cứ, several lines */
	char *objectives;
	st_plan_target *targets;
	size_t ntargets;
	st_plan_activity *activities;
	size_t nactivities;
	st_plan_funding *funding;
	size_t nfunding;
	int64_t created_by, created_at, updated_by, updated_at;
} st_plan;

void st_plan_clear(st_plan *p);
void store_plans_free(st_plan *p, size_t n);

/* Adds p with its lists (sets p->id, p->ref and the times). GN_EEXIST when
 * the issuing unit has a plan of that reference already; GN_EINPUT for a
 * plan without unit, number, date or with years out of order. */
gn_err store_plan_add(store *st, st_plan *p, int64_t user);
/* The plan with its lists. GN_ENOTFOUND. */
gn_err store_plan_get(store *st, int64_t id, st_plan *out);
/* Replaces the plan p->id and its lists (the issuing unit never changes),
 * auditing each change; sets p->ref. When the reference changes, the
 * budget lines of the old reference on the n units `units` follow it
 * (each audited). GN_ENOTFOUND, GN_EEXIST (reference taken), GN_EINPUT. */
gn_err store_plan_update(store *st, st_plan *p, const char *const *units, size_t n,
			 int64_t user);

typedef struct st_plan_filter {
	const char *const *unit_codes; /* issuing units; NULL: all */
	size_t nunits;
	int year;                      /* plans whose years cover it; 0: any */
	const char *ref;               /* only this reference; NULL: any */
} st_plan_filter;

/* Plans matching f, newest first (date, then id), with their declared
 * funding (targets and activities left empty); free with store_plans_free. */
gn_err store_plans_list(store *st, const st_plan_filter *f, st_plan **out, size_t *n);

/* ---- budget lines ------------------------------------------------------------- */

typedef struct st_budget_line {
	int64_t id;
	char plan[ST_PLAN_REF];   /* "32/KH-UBND 2023" */
	char unit_code[ST_CODE];
	int year;
	char project[ST_PROJECT];
	char source[12];
	char capital[12];
	char kind[12];            /* "allocated", "disbursed" */
	char date[11];            /* a disbursement's day; an allocation's decision, or "" */
	int64_t amount;
	int64_t carried_over;
	int64_t updated_by, updated_at;
} st_budget_line;

/* The stored line with l's key (plan, unit, year, project, source,
 * capital, kind, and the date of a disbursement). GN_ENOTFOUND. */
gn_err store_budget_find(store *st, const st_budget_line *l, st_budget_line *out);
/* Adds l, or replaces the amounts and date of the stored line with its
 * key (audited); sets l->id. GN_EINPUT for a line the table refuses
 * (negative amount, carry-over above it, a disbursement without date). */
gn_err store_budget_put(store *st, st_budget_line *l, int64_t user);

typedef struct st_budget_filter {
	const char *const *unit_codes; /* NULL: all */
	size_t nunits;
	int year;                      /* 0: any */
	const char *plan;              /* NULL: any */
	const char *kind;              /* NULL: any */
} st_budget_filter;

/* Lines matching f ordered by year, plan, unit, project, source, capital,
 * kind and date; free() the array. */
gn_err store_budget_list(store *st, const st_budget_filter *f, st_budget_line **out,
			 size_t *n);

#endif
