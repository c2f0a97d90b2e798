/* af.c - Alkire-Foster measures in exact integers. Layer: core. */
#include "af.h"

#include <string.h>

void af_params_init(af_params *p, const standard *s)
{
	p->std = s;
	p->k_num = s->k_num;
	p->k_den = s->k_den;
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

#define CUTOFF_MAX_DIGITS 9 /* per part; keeps 10^digits x 100 in int64 */

/* Reads up to CUTOFF_MAX_DIGITS digits at s[*i]; returns how many. */
static size_t read_digits(const char *s, size_t n, size_t *i, int64_t *v,
			  bool *too_long)
{
	size_t start = *i;
	*v = 0;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		if (*i - start == CUTOFF_MAX_DIGITS)
			*too_long = true;
		else
			*v = *v * 10 + (s[*i] - '0');
		(*i)++;
	}
	return *i - start;
}

bool af_cutoff_parse(const char *s, size_t n, int64_t *num, int64_t *den,
		     const char **why)
{
	static const char form[] = "expected a fraction like 3/12, a decimal like 0.25 or a percentage like 25%";
	size_t i = 0;
	bool too_long = false;
	int64_t a, b = 1;
	size_t nint = read_digits(s, n, &i, &a, &too_long);
	if (i < n && s[i] == '/') {
		i++;
		if (nint == 0 || read_digits(s, n, &i, &b, &too_long) == 0 || i != n) {
			*why = form;
			return false;
		}
		if (b == 0) {
			*why = "the denominator of the fraction is 0";
			return false;
		}
	} else {
		size_t nfrac = 0;
		if (i < n && s[i] == '.') {
			i++;
			int64_t f;
			nfrac = read_digits(s, n, &i, &f, &too_long);
			for (size_t d = 0; d < nfrac && d < CUTOFF_MAX_DIGITS; d++) {
				a *= 10;
				b *= 10;
			}
			a += f;
			if (nfrac == 0) {
				*why = form;
				return false;
			}
		}
		if (nint + nfrac == 0) {
			*why = form;
			return false;
		}
		if (i < n && s[i] == '%') {
			i++;
			b *= 100;
		}
		if (i != n) {
			*why = form;
			return false;
		}
	}
	if (too_long) {
		*why = "too many digits (at most 9 before and 9 after the point)";
		return false;
	}
	if (a == 0 || a > b) {
		*why = "the cutoff k must be greater than 0 and at most 1 (100%)";
		return false;
	}
	int64_t g = gcd64(a, b);
	*num = a / g;
	*den = b / g;
	return true;
}

int af_score(const standard *s, uint32_t flags)
{
	int score = 0;
	for (int j = 0; j < s->nind; j++)
		if ((flags >> s->ind[j].bit) & 1u)
			score += s->ind[j].weight;
	return score;
}

bool af_is_poor(const af_params *p, int score)
{
	return (__int128)score * p->k_den >=
	       (__int128)p->k_num * p->std->weight_total;
}

void af_cell_add(af_cell *c, const af_params *p, uint32_t flags, int64_t w)
{
	const standard *s = p->std;
	int score = af_score(s, flags);
	bool poor = af_is_poor(p, score);
	c->n += w;
	if (poor) {
		c->q += w;
		c->score += w * score;
	}
	for (int j = 0; j < s->nind; j++) {
		if (!((flags >> s->ind[j].bit) & 1u))
			continue;
		c->dep[j] += w;
		if (poor)
			c->depk[j] += w;
	}
}

void af_cell_merge(af_cell *to, const af_cell *from)
{
	to->n += from->n;
	to->q += from->q;
	to->score += from->score;
	for (int j = 0; j < STD_MAX_INDICATORS; j++) {
		to->dep[j] += from->dep[j];
		to->depk[j] += from->depk[j];
	}
}

/* num x scale / den rounded half away from zero; den > 0. */
static int64_t round_div(__int128 num, __int128 den)
{
	bool neg = num < 0;
	__int128 m = neg ? -num : num;
	__int128 r = (2 * m + den) / (2 * den);
	return (int64_t)(neg ? -r : r);
}

int64_t af_frac_round(af_frac f, int64_t scale)
{
	if (f.den == 0)
		return 0;
	return round_div((__int128)f.num * scale, f.den);
}

double af_frac_value(af_frac f)
{
	return f.den == 0 ? 0.0 : (double)f.num / (double)f.den;
}

bool af_frac_eq(af_frac a, af_frac b)
{
	if (a.den == 0 || b.den == 0)
		return a.den == b.den; /* both undefined */
	return (__int128)a.num * b.den == (__int128)b.num * a.den;
}

static af_frac frac(int64_t num, int64_t den)
{
	return (af_frac){den ? num : 0, den};
}

void af_compute(const af_cell *c, const af_params *p, af_result *out)
{
	const standard *s = p->std;
	int64_t w = s->weight_total;
	memset(out, 0, sizeof *out);
	out->n = c->n;
	out->q = c->q;
	out->H = frac(c->q, c->n);
	out->A = frac(c->score, c->q ? w * c->q : 0);
	out->M0 = frac(c->score, w * c->n);
	out->nind = s->nind;
	for (int j = 0; j < s->nind; j++) {
		int64_t wj = s->ind[j].weight;
		out->hd[j] = frac(c->dep[j], c->n);
		out->hdk[j] = frac(c->depk[j], c->n);
		out->actb[j] = frac(wj * c->depk[j], w * c->n);
		out->pctb[j] = frac(wj * c->depk[j], c->score);
	}
}

void af_changes_of(const af_result *y0, const af_result *y1, af_changes *out)
{
	out->H = (af_change){y0->H, y1->H};
	out->A = (af_change){y0->A, y1->A};
	out->M0 = (af_change){y0->M0, y1->M0};
}

/* f with an undefined value read as 0/1. */
static af_frac defined(af_frac f)
{
	return f.den ? f : (af_frac){0, 1};
}

int64_t af_change_abs(const af_change *c, int64_t scale)
{
	af_frac a = defined(c->to), b = defined(c->from);
	/* x/y - u/v = (x v - u y) / (y v) */
	__int128 num = (__int128)a.num * b.den - (__int128)b.num * a.den;
	__int128 den = (__int128)a.den * b.den;
	return round_div(num * scale, den);
}

bool af_change_rel(const af_change *c, int64_t scale, int64_t *out)
{
	af_frac a = defined(c->to), b = defined(c->from);
	if (b.num == 0)
		return false;
	/* (x/y - u/v) / (u/v) = (x v - u y) / (y u) */
	__int128 num = (__int128)a.num * b.den - (__int128)b.num * a.den;
	__int128 den = (__int128)a.den * b.num;
	*out = round_div(num * scale, den);
	return true;
}
