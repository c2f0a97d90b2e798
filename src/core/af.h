/*
 * af.h - Alkire-Foster multidimensional poverty measures (domain.md 3.3).
 *
 * Layer: core (pure). With indicator weights w_j (the standard's integer
 * weights over their total W, so 1/12 each in the shipped standards) and
 * a cutoff k = k_num/k_den, a household's deprivation score is
 * c_i = sum_j w_j g_ij and it is poor when c_i >= k. Over a population:
 *     H = q/n                    headcount ratio
 *     A = sum_{poor} c_i / q     intensity
 *     M0 = H A                   adjusted headcount ratio
 *     hd_j                       uncensored headcount ratio of indicator j
 *     hdk_j                      censored headcount ratio (among the poor)
 *     actb_j = w_j hdk_j         absolute contribution (sums to M0)
 *     pctb_j = w_j hdk_j / M0    percentage contribution (sums to 1)
 * Names follow OPHI's mpitb so that analysts can cross-check. Each
 * household has a weight: 1 (households) or its members (persons, as OPHI
 * does), so n and q are sums of weights.
 *
 * Everything is kept as exact integers: a score S_i = W c_i is an integer,
 * and the poverty test c_i >= k is S_i k_den >= k_num W without rounding.
 * Results are exact fractions; af_frac_round turns one into a fixed-point
 * number rounded half up. Sums are additive, so the af_cell of a unit is
 * the af_cell_merge of its subgroups' cells and M0 = sum_g (n_g/n) M0_g
 * holds exactly.
 *
 * Ownership: nothing here allocates. An af_params borrows its standard.
 */
#ifndef GN_AF_H
#define GN_AF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "standard.h"

/* The measure's parameters: the standard's indicators and weights, and
 * the cutoff k = k_num / k_den with 0 < k <= 1. */
typedef struct af_params {
	const standard *std;
	int64_t k_num, k_den;
} af_params;

/* Parameters with the standard's own cutoff (af_cutoff in its file). */
void af_params_init(af_params *p, const standard *s);

/* Parses a cutoff written "3/12", "0.25" or "25%" (a decimal may also
 * carry a "%") into a reduced fraction. False, with *why set to a short
 * English reason, when the text is not one of these forms or k is not in
 * (0, 1]. */
bool af_cutoff_parse(const char *s, size_t n, int64_t *num, int64_t *den,
		     const char **why);

/* The deprivation score of a household with catalogue flags `flags`:
 * sum of the weights of the standard's indicators it is deprived in, an
 * integer over s->weight_total (flags outside the standard are ignored). */
int af_score(const standard *s, uint32_t flags);
/* Whether a score (over weight_total) meets the cutoff: score/W >= k. */
bool af_is_poor(const af_params *p, int score);

/* The sums over the households of one cell (a unit x group). All are
 * sums of household weights w_i; arrays follow the standard's indicator
 * order. */
typedef struct af_cell {
	int64_t n;                          /* sum w_i */
	int64_t q;                          /* sum w_i over the poor */
	int64_t score;                      /* sum w_i W c_i over the poor */
	int64_t dep[STD_MAX_INDICATORS];    /* sum w_i g_ij */
	int64_t depk[STD_MAX_INDICATORS];   /* sum w_i g_ij over the poor */
} af_cell;

/* Adds one household with catalogue flags `flags` and weight w >= 0. */
void af_cell_add(af_cell *c, const af_params *p, uint32_t flags, int64_t w);
/* to += from (cells of the same parameters). */
void af_cell_merge(af_cell *to, const af_cell *from);

/* An exact non-negative ratio; den == 0 stands for an undefined value
 * (no households, or no poor for A and pctb), which rounds to 0. */
typedef struct af_frac {
	int64_t num, den;
} af_frac;

/* f x scale rounded half up (half away from zero when negative); 0 when
 * f.den == 0. A percentage with 2 decimals and a proportion with 4
 * decimals are both scale 10000 (the caller places the point). */
int64_t af_frac_round(af_frac f, int64_t scale);
/* f as a double (0 when undefined); for display and plots only. */
double af_frac_value(af_frac f);
/* a == b as numbers, exactly; two undefined values are equal, an
 * undefined and a defined one are not. */
bool af_frac_eq(af_frac a, af_frac b);

typedef struct af_result {
	int64_t n, q;
	af_frac H, A, M0;
	int nind;                       /* the standard's indicators */
	af_frac hd[STD_MAX_INDICATORS];
	af_frac hdk[STD_MAX_INDICATORS];
	af_frac actb[STD_MAX_INDICATORS];
	af_frac pctb[STD_MAX_INDICATORS];
} af_result;

/* The measures of a cell. */
void af_compute(const af_cell *c, const af_params *p, af_result *out);

/* Change of one measure between two results: the value in the earlier
 * (from) and the later (to) year. */
typedef struct af_change {
	af_frac from, to;
} af_change;

typedef struct af_changes {
	af_change H, A, M0;
} af_changes;

/* The changes of H, A and M0 from y0 to y1. */
void af_changes_of(const af_result *y0, const af_result *y1, af_changes *out);
/* Absolute change (to - from) x scale, exactly, rounded half away from
 * zero (an undefined value counts as 0). */
int64_t af_change_abs(const af_change *c, int64_t scale);
/* Relative change (to - from) / from x scale, rounded the same way; false
 * when from is 0 or undefined (no relative change). */
bool af_change_rel(const af_change *c, int64_t scale, int64_t *out);

#endif
