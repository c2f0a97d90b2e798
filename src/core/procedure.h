/*
 * procedure.h - the numbers of the review procedure (Decision 24/2021/QĐ-TTg,
 * domain.md 4) that the law may change or that are not confirmed: kept as
 * data (data/review/procedure.csv, read by io/procedure_file.h), never
 * written into the workflow's code.
 *
 * Layer: core (pure). procedure_defaults gives the values of the shipped
 * file, for callers that run without it (unit tests); each is marked
 * (verify) where domain.md says so.
 */
#ifndef GN_PROCEDURE_H
#define GN_PROCEDURE_H

typedef struct review_procedure {
	int posting_days;       /* niêm yết: working days (3, verify) */
	int recheck_days;       /* phúc tra after a complaint: working days (3, verify) */
	int meeting_pass_pct;   /* họp dân passes with at least this % of attendees (50) */
	int periodic_start_month, periodic_start_day; /* periodic review window: 1/9 */
	int periodic_end_month, periodic_end_day;     /* ... to 14/12 */
	int regular_day;        /* regular review: monthly from this day (15) */
} review_procedure;

static inline void procedure_defaults(review_procedure *p)
{
	p->posting_days = 3;       /* (verify) */
	p->recheck_days = 3;       /* (verify) */
	p->meeting_pass_pct = 50;
	p->periodic_start_month = 9;
	p->periodic_start_day = 1;
	p->periodic_end_month = 12;
	p->periodic_end_day = 14;
	p->regular_day = 15;
}

/* Whether votes_for of attendees carry the meeting: votes_for * 100 >=
 * attendees * pct (with 50: votes_for * 2 >= attendees). */
static inline int procedure_meeting_passes(const review_procedure *p, long attendees,
					   long votes_for)
{
	return attendees > 0 && votes_for * 100 >= attendees * (long)p->meeting_pass_pct;
}

#endif
