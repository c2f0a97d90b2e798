/*
 * budget.h - the programme's funds as numbers (issue 5, domain.md 6):
 * funding sources, capital types, and the arithmetic of budget lines:
 * totals by source and capital type, projects that add up their
 * sub-projects, the checks of a declared funding (a total and its parts),
 * and disbursement rates in exact integers.
 *
 * Layer: core (pure: no I/O). Money is int64_t đồng; every sum is checked
 * for overflow (GN_ERANGE), never rounded; a rate is hundredths of a
 * percent (rate_hundredths of rollup.h: 87,50 % is 8750).
 *
 * The lists of sources and capital types are those of formats.md 5
 * (budget.csv), in its order; their names are the file's words.
 */
#ifndef GN_BUDGET_H
#define GN_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef enum budget_source {
	BS_CENTRAL,     /* ngân sách trung ương (NSTW) */
	BS_PROVINCIAL,  /* ngân sách tỉnh */
	BS_DISTRICT,    /* ngân sách huyện (đối ứng) */
	BS_COMMUNE,     /* ngân sách xã */
	BS_MOBILISED,   /* vốn huy động */
	BS_CREDIT,      /* vốn tín dụng */
	BS_HOUSEHOLD,   /* đóng góp của hộ dân */
	BS_COUNT
} budget_source;

typedef enum budget_capital {
	BC_RECURRENT,   /* vốn sự nghiệp (the default) */
	BC_INVESTMENT,  /* vốn đầu tư */
	BC_COUNT
} budget_capital;

/* "central" ... "household"; NULL out of range. */
const char *budget_source_name(budget_source s);
/* "Ngân sách trung ương" / "Central budget". */
const char *budget_source_label(budget_source s, bool en);
/* The short form of Vietnamese tables: "NSTW", "NS tỉnh"... */
const char *budget_source_short(budget_source s);
/* The n bytes at s as a source name (ASCII case ignored). */
bool budget_source_parse(const char *s, size_t n, budget_source *out);

/* "recurrent", "investment". */
const char *budget_capital_name(budget_capital c);
/* "Vốn sự nghiệp" / "Recurrent". */
const char *budget_capital_label(budget_capital c, bool en);
/* "sự nghiệp", "đầu tư". */
const char *budget_capital_short(budget_capital c);
bool budget_capital_parse(const char *s, size_t n, budget_capital *out);

/* ---- amounts ---------------------------------------------------------------- */

typedef struct budget_amounts {
	int64_t allocated;     /* allocated (giao), carry-over included */
	int64_t carried_over;  /* part of allocated carried over from the year before */
	int64_t disbursed;     /* disbursed (giải ngân) */
} budget_amounts;

/* A project's (or a unit's) figures: by source and capital type, and in
 * total (the sum of the cells). */
typedef struct budget_row {
	budget_amounts cell[BS_COUNT][BC_COUNT];
	budget_amounts total;
} budget_row;

/* *a += *b, field by field. GN_ERANGE (and *a unchanged) on overflow. */
gn_err budget_amounts_add(budget_amounts *a, const budget_amounts *b);
/* Adds one budget line to r: an allocation (amount, of which carried_over
 * came from the year before) or a disbursement (amount). GN_EINPUT for a
 * negative amount, carried_over outside [0, amount] or carried_over on a
 * disbursement; GN_ERANGE on overflow; r unchanged then. */
gn_err budget_row_add_line(budget_row *r, budget_source s, budget_capital c,
			   bool disbursed, int64_t amount, int64_t carried_over);
/* *dst += *src, cell by cell. GN_ERANGE (dst unchanged) on overflow. */
gn_err budget_row_add(budget_row *dst, const budget_row *src);

/* Adds sub-projects up into their projects: rows[i] holds the lines of
 * project i itself; afterwards it holds them plus those of every project
 * under it. parent[i] is the index of i's parent or -1, and a parent
 * comes before its children (parent[i] < i). *total receives the sum of
 * the top-level rows (those with parent -1). GN_EINPUT when the order is
 * broken, GN_ERANGE on overflow. */
gn_err budget_rollup(budget_row *rows, const int32_t *parent, size_t n, budget_row *total);

/* Disbursed / allocated in hundredths of a percent, rounded half up,
 * exactly; 0 when nothing is allocated. */
int64_t budget_rate(const budget_amounts *a);

/* ---- a declared funding: a total and its parts ---------------------------- */

typedef struct budget_part {
	budget_source source;
	budget_capital capital;
	int64_t amount;        /* > 0 */
	int64_t carried_over;  /* part of amount from the year before, 0..amount */
} budget_part;

typedef enum budget_funding_error {
	BF_OK,
	BF_TOTAL,        /* the parts do not add up to the total */
	BF_DUPLICATE,    /* a source and capital type given twice (index: the second) */
	BF_AMOUNT,       /* a part's amount is not positive (index) */
	BF_CARRIED,      /* a part's carried_over is outside 0..amount (index) */
	BF_OVERFLOW,     /* the sum does not fit */
} budget_funding_error;

/* Checks a declared funding: parts positive, carry-over within them, each
 * (source, capital) once, and, when there are parts, their sum equal to
 * total. *index receives the part at fault, *sum the parts' sum (valid
 * unless BF_OVERFLOW). */
budget_funding_error budget_funding_check(int64_t total, const budget_part *parts,
					  size_t n, size_t *index, int64_t *sum);

/* The reference of a plan in budget.csv: its number and the year of its
 * date, "32/KH-UBND 2023", into out (cap bytes, truncated). */
void budget_plan_ref(const char *number, int year, char *out, size_t cap);

/* Formats v đồng with '.' thousands separators ("2.243.000.000"), as
 * Vietnamese documents write money, into out (at least 28 bytes). */
void budget_money_vn(int64_t v, char out[28]);

#endif
