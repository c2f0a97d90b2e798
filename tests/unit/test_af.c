/* test_af.c - Alkire-Foster measures (core/af.h), checked against hand
 * computations with exact fractions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/af.h"

/* A standard with n indicators on catalogue bits 0..n-1 and the given
 * weights; only the fields af.c reads are set. */
static standard make_std(int n, const int *weights, int64_t k_num, int64_t k_den)
{
	standard s;
	memset(&s, 0, sizeof s);
	s.nind = n;
	for (int j = 0; j < n; j++) {
		s.ind[j].bit = j;
		s.ind[j].weight = weights ? weights[j] : 1;
		s.weight_total += s.ind[j].weight;
		s.mask |= 1u << j;
	}
	s.k_num = k_num;
	s.k_den = k_den;
	return s;
}

static uint32_t bits(int n, const int *j)
{
	uint32_t f = 0;
	for (int i = 0; i < n; i++)
		f |= 1u << j[i];
	return f;
}

#define FRAC_EQ(f, num, den) assert_true(af_frac_eq((f), (af_frac){(num), (den)}))

/*
 * The hand example: 12 equal weights (1/12), k = 3/12, four households
 * of weight 1:
 *   h1 deprived in 0,1,2,3  c = 4/12  poor
 *   h2 deprived in 8,9      c = 2/12  not poor
 *   h3 deprived in 0,1,2    c = 3/12  poor (exactly k)
 *   h4 none                 c = 0     not poor
 * n = 4, q = 2: H = 1/2 (50.00%);
 * A = (4/12 + 3/12) / 2 = 7/24 (29.17%); M0 = H A = 7/48 (0.1458).
 * hd:  j0..j2 = 2/4, j3 = 1/4, j8 = j9 = 1/4, others 0.
 * hdk: j0..j2 = 2/4, j3 = 1/4, j8 = j9 = 0 (h2 is not poor).
 * actb = hdk / 12: j0..j2 = 1/24, j3 = 1/48; sum 7/48 = M0.
 * pctb = actb / M0: j0..j2 = 2/7 (28.57%), j3 = 1/7 (14.29%); sum 1.
 */
static const int h1[] = {0, 1, 2, 3}, h2[] = {8, 9}, h3[] = {0, 1, 2};

static void feed_example(af_cell *c, const af_params *p, const int64_t *w)
{
	af_cell_add(c, p, bits(4, h1), w[0]);
	af_cell_add(c, p, bits(2, h2), w[1]);
	af_cell_add(c, p, bits(3, h3), w[2]);
	af_cell_add(c, p, 0, w[3]);
}

static void test_hand_example(void **state)
{
	(void)state;
	standard s = make_std(12, NULL, 3, 12);
	af_params p;
	af_params_init(&p, &s);
	af_cell c = {0};
	const int64_t ones[4] = {1, 1, 1, 1};
	feed_example(&c, &p, ones);
	af_result r;
	af_compute(&c, &p, &r);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.q, 2);
	FRAC_EQ(r.H, 1, 2);
	FRAC_EQ(r.A, 7, 24);
	FRAC_EQ(r.M0, 7, 48);
	assert_int_equal(af_frac_round(r.H, 10000), 5000);   /* 50.00 */
	assert_int_equal(af_frac_round(r.A, 10000), 2917);   /* 29.17 */
	assert_int_equal(af_frac_round(r.M0, 10000), 1458);  /* 0.1458 */
	for (int j = 0; j < 3; j++) {
		FRAC_EQ(r.hd[j], 1, 2);
		FRAC_EQ(r.hdk[j], 1, 2);
		FRAC_EQ(r.actb[j], 1, 24);
		FRAC_EQ(r.pctb[j], 2, 7);
		assert_int_equal(af_frac_round(r.pctb[j], 10000), 2857);
	}
	FRAC_EQ(r.hd[3], 1, 4);
	FRAC_EQ(r.hdk[3], 1, 4);
	FRAC_EQ(r.actb[3], 1, 48);
	FRAC_EQ(r.pctb[3], 1, 7);
	assert_int_equal(af_frac_round(r.pctb[3], 10000), 1429);
	FRAC_EQ(r.hd[8], 1, 4);
	FRAC_EQ(r.hd[9], 1, 4);
	FRAC_EQ(r.hdk[8], 0, 1);
	FRAC_EQ(r.pctb[8], 0, 1);
	for (int j = 4; j < 8; j++)
		FRAC_EQ(r.hd[j], 0, 1);
	FRAC_EQ(r.hd[10], 0, 1);
	FRAC_EQ(r.hd[11], 0, 1);
	/* sum of pctb: 3 x 2/7 + 1/7 = 1; in rounded hundredths 3 x 2857 + 1429 */
	assert_int_equal(3 * 2857 + 1429, 10000);
}

/* c_i exactly equal to k is poor; just below is not. */
static void test_cutoff_edge(void **state)
{
	(void)state;
	standard s = make_std(12, NULL, 3, 12);
	af_params p;
	af_params_init(&p, &s);
	assert_true(af_is_poor(&p, 3));
	assert_false(af_is_poor(&p, 2));
	/* k = 1/4 written differently: still exact */
	p.k_num = 1;
	p.k_den = 4;
	assert_true(af_is_poor(&p, 3));
	assert_false(af_is_poor(&p, 2));
	/* k = 4/12: h3 (c = 3/12) is no longer poor: q = 1, H = 1/4,
	 * A = 4/12 = 1/3, M0 = 1/12; hdk of j0 = 1/4, pctb of j0 = 1/4. */
	p.k_num = 4;
	p.k_den = 12;
	af_cell c = {0};
	const int64_t ones[4] = {1, 1, 1, 1};
	feed_example(&c, &p, ones);
	af_result r;
	af_compute(&c, &p, &r);
	assert_int_equal(r.q, 1);
	FRAC_EQ(r.H, 1, 4);
	FRAC_EQ(r.A, 1, 3);
	FRAC_EQ(r.M0, 1, 12);
	FRAC_EQ(r.hdk[0], 1, 4);
	FRAC_EQ(r.pctb[0], 1, 4);
	/* union (k = 1/12): h2 becomes poor too; intersection (k = 1): none. */
	p.k_num = 1;
	p.k_den = 12;
	memset(&c, 0, sizeof c);
	feed_example(&c, &p, ones);
	assert_int_equal(c.q, 3);
	p.k_num = 1;
	p.k_den = 1;
	memset(&c, 0, sizeof c);
	feed_example(&c, &p, ones);
	assert_int_equal(c.q, 0);
	af_compute(&c, &p, &r);
	/* no one poor: A and pctb undefined, printed 0 */
	assert_int_equal(af_frac_round(r.A, 10000), 0);
	assert_int_equal(af_frac_round(r.pctb[0], 10000), 0);
	FRAC_EQ(r.M0, 0, 1);
	/* an empty cell: everything undefined, rounds to 0 */
	af_cell empty = {0};
	af_compute(&empty, &p, &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(af_frac_round(r.H, 10000), 0);
	assert_int_equal(af_frac_round(r.M0, 10000), 0);
}

/*
 * Unequal weights: 3 indicators weighted 2, 1, 1 (W = 4: 1/2, 1/4, 1/4),
 * k = 1/2.
 *   a: {0}        c = 2/4  poor (exactly k)
 *   b: {1, 2}     c = 2/4  poor
 *   c: {1}        c = 1/4  not poor
 *   d: {0, 1, 2}  c = 4/4  poor
 * n = 4, q = 3, H = 3/4; A = (1/2 + 1/2 + 1) / 3 = 2/3; M0 = 1/2.
 * hd: j0 = 2/4, j1 = 3/4, j2 = 2/4. hdk: 2/4 each.
 * actb: j0 = 1/2 x 1/2 = 1/4, j1 = j2 = 1/4 x 1/2 = 1/8 (sum 1/2 = M0).
 * pctb: j0 = 1/2, j1 = j2 = 1/4.
 */
static void test_unequal_weights(void **state)
{
	(void)state;
	const int w[3] = {2, 1, 1};
	standard s = make_std(3, w, 1, 2);
	af_params p;
	af_params_init(&p, &s);
	af_cell c = {0};
	af_cell_add(&c, &p, 0x1, 1);
	af_cell_add(&c, &p, 0x6, 1);
	af_cell_add(&c, &p, 0x2, 1);
	af_cell_add(&c, &p, 0x7, 1);
	/* a flag outside the standard is ignored */
	assert_int_equal(af_score(&s, 0x1 | 0x100), 2);
	af_result r;
	af_compute(&c, &p, &r);
	assert_int_equal(r.q, 3);
	FRAC_EQ(r.H, 3, 4);
	FRAC_EQ(r.A, 2, 3);
	FRAC_EQ(r.M0, 1, 2);
	FRAC_EQ(r.hd[0], 1, 2);
	FRAC_EQ(r.hd[1], 3, 4);
	FRAC_EQ(r.hd[2], 1, 2);
	for (int j = 0; j < 3; j++)
		FRAC_EQ(r.hdk[j], 1, 2);
	FRAC_EQ(r.actb[0], 1, 4);
	FRAC_EQ(r.actb[1], 1, 8);
	FRAC_EQ(r.actb[2], 1, 8);
	FRAC_EQ(r.pctb[0], 1, 2);
	FRAC_EQ(r.pctb[1], 1, 4);
	FRAC_EQ(r.pctb[2], 1, 4);
}

/*
 * People-weighted: the hand example with members 5, 3, 2, 6.
 * n = 16, q = 5 + 2 = 7, H = 7/16 (43.75%).
 * sum over the poor of w c = 5 x 4/12 + 2 x 3/12 = 26/12;
 * A = (26/12) / 7 = 13/42 (30.95%); M0 = (26/12) / 16 = 13/96 (0.1354)
 * = H A = 7/16 x 13/42. hdk j0 = 7/16, j3 = 5/16; hd j8 = 3/16.
 */
static void test_persons(void **state)
{
	(void)state;
	standard s = make_std(12, NULL, 3, 12);
	af_params p;
	af_params_init(&p, &s);
	af_cell c = {0};
	const int64_t members[4] = {5, 3, 2, 6};
	feed_example(&c, &p, members);
	af_result r;
	af_compute(&c, &p, &r);
	assert_int_equal(r.n, 16);
	assert_int_equal(r.q, 7);
	FRAC_EQ(r.H, 7, 16);
	FRAC_EQ(r.A, 13, 42);
	FRAC_EQ(r.M0, 13, 96);
	assert_int_equal(af_frac_round(r.H, 10000), 4375);
	assert_int_equal(af_frac_round(r.A, 10000), 3095);
	assert_int_equal(af_frac_round(r.M0, 10000), 1354);
	FRAC_EQ(r.hdk[0], 7, 16);
	FRAC_EQ(r.hdk[3], 5, 16);
	FRAC_EQ(r.hd[8], 3, 16);
	FRAC_EQ(r.hdk[8], 0, 1);
}

/* ---- exact fraction sums for the identities ----------------------------- */

typedef struct q128 {
	__int128 num, den;
} q128;

static __int128 gcd128(__int128 a, __int128 b)
{
	if (a < 0)
		a = -a;
	while (b) {
		__int128 t = a % b;
		a = b;
		b = t;
	}
	return a ? a : 1;
}

static q128 q_add(q128 a, q128 b)
{
	q128 r = {a.num * b.den + b.num * a.den, a.den * b.den};
	__int128 g = gcd128(r.num, r.den);
	return (q128){r.num / g, r.den / g};
}

static q128 q_mul(q128 a, q128 b)
{
	q128 r = {a.num * b.num, a.den * b.den};
	__int128 g = gcd128(r.num, r.den);
	return (q128){r.num / g, r.den / g};
}

static q128 q_of(af_frac f)
{
	return (q128){f.num, f.den};
}

static bool q_eq(q128 a, q128 b)
{
	return a.num * b.den == b.num * a.den;
}

/* A deterministic PRNG (xorshift64*). */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717u) >> 32);
}

/* Over a random population split into 3 groups: the all-groups cell is
 * the merge of the group cells; M0 = sum (n_g/n) M0_g; H A = M0;
 * sum actb = M0; sum pctb = 1 - exactly, for households and persons and
 * for equal and unequal weights. */
static void test_decomposition(void **state)
{
	(void)state;
	const int uneq[12] = {3, 1, 2, 2, 1, 1, 4, 1, 2, 1, 1, 5};
	for (int variant = 0; variant < 4; variant++) {
		standard s = make_std(12, variant & 1 ? uneq : NULL, 3, 12);
		af_params p;
		af_params_init(&p, &s);
		af_cell g[3], all = {0}, direct = {0};
		memset(g, 0, sizeof g);
		for (int i = 0; i < 5000; i++) {
			uint32_t flags = 0;
			int rate = (int)(rng() % 5); /* households differ in how deprived */
			for (int j = 0; j < 12; j++)
				if ((int)(rng() % 10) < rate)
					flags |= 1u << j;
			int64_t w = variant & 2 ? 1 + (int64_t)(rng() % 9) : 1;
			int grp = (int)(rng() % 3);
			af_cell_add(&g[grp], &p, flags, w);
			af_cell_add(&direct, &p, flags, w);
		}
		for (int k = 0; k < 3; k++)
			af_cell_merge(&all, &g[k]);
		assert_memory_equal(&all, &direct, sizeof all);
		af_result r, rg[3];
		af_compute(&all, &p, &r);
		assert_true(r.q > 0 && r.q < r.n);
		q128 sum = {0, 1};
		for (int k = 0; k < 3; k++) {
			af_compute(&g[k], &p, &rg[k]);
			assert_true(rg[k].n > 0);
			sum = q_add(sum, q_mul((q128){rg[k].n, r.n}, q_of(rg[k].M0)));
		}
		assert_true(q_eq(sum, q_of(r.M0)));
		assert_true(q_eq(q_mul(q_of(r.H), q_of(r.A)), q_of(r.M0)));
		q128 actb = {0, 1}, pctb = {0, 1};
		for (int j = 0; j < 12; j++) {
			actb = q_add(actb, q_of(r.actb[j]));
			pctb = q_add(pctb, q_of(r.pctb[j]));
		}
		assert_true(q_eq(actb, q_of(r.M0)));
		assert_true(q_eq(pctb, (q128){1, 1}));
		/* and in doubles, as a reader of the table would check it */
		double d = 0;
		for (int k = 0; k < 3; k++)
			d += (double)rg[k].n / (double)r.n * af_frac_value(rg[k].M0);
		assert_float_equal(d, af_frac_value(r.M0), 1e-12);
	}
}

/*
 * Change between years: y0 = the hand example (H 1/2, A 7/24, M0 7/48),
 * y1 = the same households at k = 4/12 (H 1/4, A 1/3, M0 1/12).
 *   H:  1/4 - 1/2 = -1/4 -> -25.00 points; relative -1/2 -> -50.00%
 *   A:  1/3 - 7/24 = 1/24 -> 4.17 points (4.1666..); relative 1/7 -> 14.29%
 *   M0: 1/12 - 7/48 = -3/48 = -1/16 -> -0.0625; relative -3/7 -> -42.86%
 */
static void test_change(void **state)
{
	(void)state;
	standard s = make_std(12, NULL, 3, 12);
	af_params p0, p1;
	af_params_init(&p0, &s);
	af_params_init(&p1, &s);
	p1.k_num = 4;
	const int64_t ones[4] = {1, 1, 1, 1};
	af_cell c0 = {0}, c1 = {0};
	feed_example(&c0, &p0, ones);
	feed_example(&c1, &p1, ones);
	af_result r0, r1;
	af_compute(&c0, &p0, &r0);
	af_compute(&c1, &p1, &r1);
	af_changes ch;
	af_changes_of(&r0, &r1, &ch);
	int64_t rel;
	assert_int_equal(af_change_abs(&ch.H, 10000), -2500);
	assert_true(af_change_rel(&ch.H, 10000, &rel));
	assert_int_equal(rel, -5000);
	assert_int_equal(af_change_abs(&ch.A, 10000), 417);
	assert_true(af_change_rel(&ch.A, 10000, &rel));
	assert_int_equal(rel, 1429);
	assert_int_equal(af_change_abs(&ch.M0, 10000), -625);
	assert_true(af_change_rel(&ch.M0, 10000, &rel));
	assert_int_equal(rel, -4286);
	/* from an empty year: absolute change from 0, no relative change */
	af_cell empty = {0};
	af_result re;
	af_compute(&empty, &p0, &re);
	af_changes_of(&re, &r0, &ch);
	assert_int_equal(af_change_abs(&ch.M0, 10000), 1458);
	assert_false(af_change_rel(&ch.M0, 10000, &rel));
	assert_false(af_change_rel(&ch.A, 10000, &rel));
	/* rounding half away from zero, both signs */
	af_change half = {{0, 1}, {1, 8}};
	assert_int_equal(af_change_abs(&half, 100), 13);
	half = (af_change){{1, 8}, {0, 1}};
	assert_int_equal(af_change_abs(&half, 100), -13);
	assert_int_equal(af_frac_round((af_frac){1, 8}, 100), 13);
	assert_int_equal(af_frac_round((af_frac){1, 3}, 100), 33);
}

static void test_cutoff_parse(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int64_t num, den; /* 0/0: rejected */
	} cases[] = {
		{"3/12", 1, 4},   {"0.25", 1, 4},   {"25%", 1, 4},  {".25", 1, 4},
		{"25.0%", 1, 4},  {"33.3%", 333, 1000}, {"1", 1, 1}, {"100%", 1, 1},
		{"12/12", 1, 1},  {"1/3", 1, 3},    {"0.333", 333, 1000},
		{"0", 0, 0},      {"0%", 0, 0},     {"0/12", 0, 0}, {"1.5", 0, 0},
		{"13/12", 0, 0},  {"3/0", 0, 0},    {"abc", 0, 0},  {"", 0, 0},
		{"3/12%", 0, 0},  {"-0.25", 0, 0},  {".", 0, 0},    {"25 %", 0, 0},
		{"3/", 0, 0},     {"/12", 0, 0},    {"1.", 0, 0},   {"101%", 0, 0},
		{"0.3333333333", 0, 0}, {"3//12", 0, 0}, {"0.25x", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t num = -1, den = -1;
		const char *why = NULL;
		bool ok = af_cutoff_parse(cases[i].s, strlen(cases[i].s), &num, &den, &why);
		if (cases[i].den == 0) {
			assert_false(ok);
			assert_non_null(why);
		} else {
			assert_true(ok);
			assert_int_equal(num, cases[i].num);
			assert_int_equal(den, cases[i].den);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_example),
		cmocka_unit_test(test_cutoff_edge),
		cmocka_unit_test(test_unequal_weights),
		cmocka_unit_test(test_persons),
		cmocka_unit_test(test_decomposition),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_cutoff_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
