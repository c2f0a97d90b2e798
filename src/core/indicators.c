/*
 * indicators.c - periods, exact values, the catalogue, achievement and the
 * resolution of an indicator's value at a unit (indicators.h).
 *
 * Layer: core.
 */
#include "indicators.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strmap.h"

/* ---- periods -------------------------------------------------------------------- */

static bool digits(const char *s, size_t n, int *out)
{
	int v = 0;
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool ind_period_parse(const char *s, size_t n, ind_period *out)
{
	ind_period p = {0, IND_YEAR, 0};
	if (n < 4 || !digits(s, 4, &p.year) || p.year < IND_YEAR_MIN || p.year > IND_YEAR_MAX)
		return false;
	if (n == 4) {
		*out = p;
		return true;
	}
	char k = s[4];
	if (k >= 'a' && k <= 'z')
		k = (char)(k - 'a' + 'A');
	int max;
	size_t want;
	switch (k) {
	case 'S':
		p.kind = IND_HALF, max = 2, want = 6;
		break;
	case 'Q':
		p.kind = IND_QUARTER, max = 4, want = 6;
		break;
	case 'M':
		p.kind = IND_MONTH, max = 12, want = 7;
		break;
	default:
		return false;
	}
	if (n != want || !digits(s + 5, n - 5, &p.n) || p.n < 1 || p.n > max)
		return false;
	*out = p;
	return true;
}

void ind_period_format(const ind_period *p, char out[IND_PERIOD_LEN])
{
	static const char letter[] = {'\0', 'S', 'Q', 'M'};
	int y = p->year < 0 ? 0 : p->year > 9999 ? 9999 : p->year;
	int n = p->n < 0 ? 0 : p->n > 99 ? 99 : p->n;
	size_t k = 0;
	out[k++] = (char)('0' + y / 1000);
	out[k++] = (char)('0' + y / 100 % 10);
	out[k++] = (char)('0' + y / 10 % 10);
	out[k++] = (char)('0' + y % 10);
	if (p->kind != IND_YEAR && (unsigned)p->kind < sizeof letter) {
		out[k++] = letter[p->kind];
		if (p->kind == IND_MONTH)
			out[k++] = (char)('0' + n / 10);
		out[k++] = (char)('0' + n % 10);
	}
	out[k] = '\0';
}

static int months_of(ind_period_kind k)
{
	return k == IND_YEAR ? 12 : k == IND_HALF ? 6 : k == IND_QUARTER ? 3 : 1;
}

int ind_period_first_month(const ind_period *p)
{
	return p->kind == IND_YEAR ? 1 : (p->n - 1) * months_of(p->kind) + 1;
}

int ind_period_last_month(const ind_period *p)
{
	return ind_period_first_month(p) + months_of(p->kind) - 1;
}

int ind_period_cmp(const ind_period *a, const ind_period *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	int fa = ind_period_first_month(a), fb = ind_period_first_month(b);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	int la = months_of(a->kind), lb = months_of(b->kind);
	if (la != lb)
		return la > lb ? -1 : 1;
	return 0;
}

ind_period ind_period_prev(const ind_period *p)
{
	ind_period q = *p;
	if (q.kind == IND_YEAR) {
		q.year--;
		return q;
	}
	if (q.n > 1) {
		q.n--;
		return q;
	}
	q.year--;
	q.n = 12 / months_of(q.kind);
	return q;
}

/* ---- numbers ---------------------------------------------------------------------- */

static int64_t pow10i(int k)
{
	int64_t v = 1;
	while (k-- > 0)
		v *= 10;
	return v;
}

/* num / den rounded half away from zero (den > 0). */
static __int128 div_round(__int128 num, __int128 den)
{
	bool neg = num < 0;
	__int128 m = neg ? -num : num;
	__int128 q = (2 * m + den) / (2 * den);
	return neg ? -q : q;
}

int64_t ind_round(int64_t v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals >= IND_MAX_DECIMALS)
		return v;
	int64_t unit = pow10i(IND_MAX_DECIMALS - decimals);
	return (int64_t)(div_round(v, unit) * unit);
}

bool ind_fits_decimals(int64_t v, int decimals)
{
	if (decimals >= IND_MAX_DECIMALS)
		return true;
	return v % pow10i(IND_MAX_DECIMALS - (decimals < 0 ? 0 : decimals)) == 0;
}

bool ind_percent(int64_t num, int64_t den, int decimals, int64_t *out)
{
	if (den == 0)
		return false;
	if (decimals < 0)
		decimals = 0;
	if (decimals > IND_MAX_DECIMALS)
		decimals = IND_MAX_DECIMALS;
	__int128 n = (__int128)num * 100 * pow10i(decimals);
	__int128 d = den;
	if (d < 0) {
		n = -n;
		d = -d;
	}
	__int128 q = div_round(n, d) * pow10i(IND_MAX_DECIMALS - decimals);
	if (q > IND_VALUE_MAX || q < -IND_VALUE_MAX)
		return false;
	*out = (int64_t)q;
	return true;
}

bool ind_add(int64_t a, int64_t b, int64_t *out)
{
	if (a > IND_VALUE_MAX || a < -IND_VALUE_MAX || b > IND_VALUE_MAX || b < -IND_VALUE_MAX)
		return false;
	int64_t s = a + b; /* |a|, |b| <= 10^17: no overflow */
	if (s > IND_VALUE_MAX || s < -IND_VALUE_MAX)
		return false;
	*out = s;
	return true;
}

gn_err ind_format(buf *b, int64_t v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > IND_MAX_DECIMALS)
		decimals = IND_MAX_DECIMALS;
	v = ind_round(v, decimals);
	uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = m / IND_SCALE, fp = m % IND_SCALE;
	gn_err rc = buf_printf(b, "%s%llu", v < 0 ? "-" : "", (unsigned long long)ip);
	if (rc || decimals == 0)
		return rc;
	fp /= (uint64_t)pow10i(IND_MAX_DECIMALS - decimals);
	return buf_printf(b, ".%0*llu", decimals, (unsigned long long)fp);
}

/* ---- names --------------------------------------------------------------------------- */

static const char *const agg_names[IND_AGG_COUNT] = {"sum", "ratio", "reduction", "none"};

static const char *const computed_names[IND_COMP_COUNT] = {
	"", "poor", "near_poor", "poor_rate", "near_poor_rate", "poor_rate_reduction",
	"poor_reduced", "poor_minority", "poor_minority_reduced", "health_insurance_poor",
	"poor_near_reduced_pct",
};

static bool name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

const char *ind_agg_name(ind_agg a)
{
	return (unsigned)a < IND_AGG_COUNT ? agg_names[a] : NULL;
}

const char *ind_computed_name(ind_computed c)
{
	return (unsigned)c < IND_COMP_COUNT ? computed_names[c] : NULL;
}

bool ind_agg_parse(const char *s, size_t n, ind_agg *out)
{
	for (int i = 0; i < IND_AGG_COUNT; i++)
		if (name_is(s, n, agg_names[i])) {
			*out = (ind_agg)i;
			return true;
		}
	return false;
}

bool ind_computed_parse(const char *s, size_t n, ind_computed *out)
{
	for (int i = 0; i < IND_COMP_COUNT; i++)
		if (name_is(s, n, computed_names[i])) {
			*out = (ind_computed)i;
			return true;
		}
	return false;
}

bool ind_direction_parse(const char *s, size_t n, ind_direction *out)
{
	if (name_is(s, n, "up"))
		*out = IND_UP;
	else if (name_is(s, n, "down"))
		*out = IND_DOWN;
	else
		return false;
	return true;
}

const char *ind_direction_name(ind_direction d)
{
	return d == IND_DOWN ? "down" : "up";
}

const char *ind_origin_name(ind_origin o)
{
	static const char *const names[] = {"", "entered", "imported", "computed", "sum", "derived"};
	return (unsigned)o < sizeof names / sizeof names[0] ? names[o] : "";
}

/* ---- the catalogue --------------------------------------------------------------------- */

struct ind_catalogue {
	strmap *codes;      /* code -> index in defs */
	ind_def *defs;
	size_t n, cap;
};

void ind_def_clear(ind_def *d)
{
	if (!d)
		return;
	free(d->code);
	free(d->name_vi);
	free(d->name_en);
	free(d->measure_vi);
	free(d->measure_en);
	free(d->project);
	free(d->basis);
	free(d->note_vi);
	free(d->note_en);
	for (size_t i = 0; i < d->ntargets; i++)
		free(d->targets[i].basis);
	free(d->targets);
	memset(d, 0, sizeof *d);
}

ind_catalogue *ind_catalogue_new(void)
{
	ind_catalogue *c = gn_xcalloc(1, sizeof *c);
	c->codes = strmap_new(64);
	return c;
}

void ind_catalogue_free(ind_catalogue *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		ind_def_clear(&c->defs[i]);
	free(c->defs);
	strmap_free(c->codes);
	free(c);
}

gn_err ind_catalogue_add(ind_catalogue *c, ind_def *d)
{
	const char *code = d->code ? d->code : "";
	size_t len = strlen(code);
	if (strmap_find(c->codes, code, len) >= 0)
		return GN_EEXIST;
	strmap_intern(c->codes, code, len, NULL);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->defs = gn_xreallocarray(c->defs, c->cap, sizeof *c->defs);
	}
	c->defs[c->n++] = *d;
	memset(d, 0, sizeof *d);
	return GN_OK;
}

size_t ind_count(const ind_catalogue *c)
{
	return c ? c->n : 0;
}

const ind_def *ind_at(const ind_catalogue *c, size_t i)
{
	return i < c->n ? &c->defs[i] : NULL;
}

ind_def *ind_at_mut(ind_catalogue *c, size_t i)
{
	return i < c->n ? &c->defs[i] : NULL;
}

int ind_find(const ind_catalogue *c, const char *s, size_t n)
{
	return c ? (int)strmap_find(c->codes, s, n) : -1;
}

static bool reaches(const ind_catalogue *c, int from, int target, int depth)
{
	if (from < 0 || (size_t)from >= c->n || depth > (int)c->n)
		return depth > (int)c->n; /* deeper than the catalogue: a cycle */
	const ind_def *d = &c->defs[from];
	if (d->agg != IND_AGG_RATIO && d->agg != IND_AGG_REDUCTION)
		return false;
	if (d->computed != IND_COMP_NONE)
		return false; /* computed: its formula is not followed */
	int next[2] = {d->num, d->agg == IND_AGG_RATIO ? d->den : -1};
	for (int k = 0; k < 2; k++) {
		if (next[k] < 0)
			continue;
		if (next[k] == target || reaches(c, next[k], target, depth + 1))
			return true;
	}
	return false;
}

bool ind_has_cycle(const ind_catalogue *c, int i)
{
	return reaches(c, i, i, 0);
}

const ind_target *ind_programme_target(const ind_def *d, const ind_period *p, bool national)
{
	for (size_t i = 0; i < d->ntargets; i++) {
		const ind_target *t = &d->targets[i];
		if (ind_period_cmp(&t->period, p) == 0 && t->period.kind == p->kind &&
		    (national || !t->national))
			return t;
	}
	return NULL;
}

int64_t ind_target_required(const ind_def *d, const ind_target *t)
{
	return d->dir == IND_DOWN ? t->high : t->low;
}

/* ---- achievement ------------------------------------------------------------------------ */

void ind_achieve(ind_direction dir, int64_t actual, int64_t target, ind_achievement *out)
{
	memset(out, 0, sizeof *out);
	if (dir == IND_UP) {
		out->met = actual >= target;
		if (target > 0) {
			out->has_pct = true;
			out->pct = (int64_t)div_round((__int128)actual * 10000, target);
		}
	} else {
		out->met = actual <= target;
		if (actual > 0 && target >= 0) {
			out->has_pct = true;
			out->pct = (int64_t)div_round((__int128)target * 10000, actual);
		}
	}
}

/* ---- resolution ------------------------------------------------------------------------------ */

static void sum_children(const ind_catalogue *c, const ind_source *src, int i, int32_t unit,
			 const ind_period *p, int depth, ind_value *out);

static void resolve(const ind_catalogue *c, const ind_source *src, int i, int32_t unit,
		    const ind_period *p, int depth, ind_value *out)
{
	memset(out, 0, sizeof *out);
	if (i < 0 || (size_t)i >= c->n || depth > 64)
		return;
	const ind_def *d = &c->defs[i];
	if (d->computed != IND_COMP_NONE) {
		if (src->computed && src->computed(src->ctx, d, unit, p, &out->v)) {
			out->has = true;
			out->origin = IND_FROM_COMPUTED;
		}
		return;
	}
	bool imported = false;
	if (src->stored && src->stored(src->ctx, i, unit, p, &out->v, &imported)) {
		out->has = true;
		out->origin = imported ? IND_FROM_IMPORTED : IND_FROM_ENTERED;
		return;
	}
	switch (d->agg) {
	case IND_AGG_SUM:
		sum_children(c, src, i, unit, p, depth, out);
		break;
	case IND_AGG_RATIO: {
		ind_value a, b;
		resolve(c, src, d->num, unit, p, depth + 1, &a);
		resolve(c, src, d->den, unit, p, depth + 1, &b);
		if (a.has && b.has && ind_percent(a.v, b.v, d->decimals, &out->v)) {
			out->has = true;
			out->origin = IND_FROM_DERIVED;
		}
		break;
	}
	case IND_AGG_REDUCTION: {
		ind_value a, b;
		ind_period q = ind_period_prev(p);
		resolve(c, src, d->num, unit, &q, depth + 1, &a);
		resolve(c, src, d->num, unit, p, depth + 1, &b);
		if (a.has && b.has && ind_add(a.v, -b.v, &out->v)) {
			out->v = ind_round(out->v, d->decimals);
			out->has = true;
			out->origin = IND_FROM_DERIVED;
		}
		break;
	}
	default:
		break;
	}
}

static void sum_children(const ind_catalogue *c, const ind_source *src, int i, int32_t unit,
			 const ind_period *p, int depth, ind_value *out)
{
	memset(out, 0, sizeof *out);
	const int32_t *kids = NULL;
	size_t nk = src->children ? src->children(src->ctx, unit, &kids) : 0;
	int64_t total = 0;
	int units = 0;
	for (size_t k = 0; k < nk; k++) {
		ind_value v;
		resolve(c, src, i, kids[k], p, depth + 1, &v);
		if (!v.has)
			continue;
		if (!ind_add(total, v.v, &total))
			return; /* out of range: no value rather than a wrong one */
		units++;
	}
	if (units > 0) {
		out->has = true;
		out->v = total;
		out->origin = IND_FROM_SUM;
		out->units = units;
	}
}

void ind_resolve(const ind_catalogue *c, const ind_source *src, int i, int32_t unit,
		 const ind_period *p, ind_value *out)
{
	resolve(c, src, i, unit, p, 0, out);
}

void ind_resolve_children_sum(const ind_catalogue *c, const ind_source *src, int i,
			      int32_t unit, const ind_period *p, ind_value *out)
{
	memset(out, 0, sizeof *out);
	if (i < 0 || (size_t)i >= c->n || c->defs[i].agg != IND_AGG_SUM ||
	    c->defs[i].computed != IND_COMP_NONE)
		return;
	sum_children(c, src, i, unit, p, 0, out);
}
