/* budget.c - funding sources, capital types and the arithmetic of budget
 * lines (budget.h). Layer: core. */
#include "budget.h"

#include <string.h>

#include "rollup.h"

static const struct {
	const char *name, *vi, *en, *shrt;
} sources[BS_COUNT] = {
	[BS_CENTRAL] = {"central", "Ngân sách trung ương", "Central budget", "NSTW"},
	[BS_PROVINCIAL] = {"provincial", "Ngân sách tỉnh", "Provincial budget", "NS tỉnh"},
	[BS_DISTRICT] = {"district", "Ngân sách huyện", "District budget", "NS huyện"},
	[BS_COMMUNE] = {"commune", "Ngân sách xã", "Commune budget", "NS xã"},
	[BS_MOBILISED] = {"mobilised", "Vốn huy động", "Mobilised funds", "Huy động"},
	[BS_CREDIT] = {"credit", "Vốn tín dụng", "Credit", "Tín dụng"},
	[BS_HOUSEHOLD] = {"household", "Đóng góp của hộ dân", "Households' contribution", "Hộ dân"},
};

static const struct {
	const char *name, *vi, *en, *shrt;
} capitals[BC_COUNT] = {
	[BC_RECURRENT] = {"recurrent", "Vốn sự nghiệp", "Recurrent", "sự nghiệp"},
	[BC_INVESTMENT] = {"investment", "Vốn đầu tư", "Investment", "đầu tư"},
};

const char *budget_source_name(budget_source s)
{
	return (unsigned)s < BS_COUNT ? sources[s].name : NULL;
}

const char *budget_source_label(budget_source s, bool en)
{
	return (unsigned)s < BS_COUNT ? (en ? sources[s].en : sources[s].vi) : NULL;
}

const char *budget_source_short(budget_source s)
{
	return (unsigned)s < BS_COUNT ? sources[s].shrt : NULL;
}

/* ASCII case-insensitive equality of the n bytes at s with the word w. */
static bool word_is(const char *s, size_t n, const char *w)
{
	if (strlen(w) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char a = s[i], b = w[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return false;
	}
	return true;
}

bool budget_source_parse(const char *s, size_t n, budget_source *out)
{
	for (int i = 0; i < BS_COUNT; i++)
		if (word_is(s, n, sources[i].name)) {
			*out = (budget_source)i;
			return true;
		}
	return false;
}

const char *budget_capital_name(budget_capital c)
{
	return (unsigned)c < BC_COUNT ? capitals[c].name : NULL;
}

const char *budget_capital_label(budget_capital c, bool en)
{
	return (unsigned)c < BC_COUNT ? (en ? capitals[c].en : capitals[c].vi) : NULL;
}

const char *budget_capital_short(budget_capital c)
{
	return (unsigned)c < BC_COUNT ? capitals[c].shrt : NULL;
}

bool budget_capital_parse(const char *s, size_t n, budget_capital *out)
{
	for (int i = 0; i < BC_COUNT; i++)
		if (word_is(s, n, capitals[i].name)) {
			*out = (budget_capital)i;
			return true;
		}
	return false;
}

/* ---- amounts ------------------------------------------------------------------ */

gn_err budget_amounts_add(budget_amounts *a, const budget_amounts *b)
{
	budget_amounts r;
	if (__builtin_add_overflow(a->allocated, b->allocated, &r.allocated) ||
	    __builtin_add_overflow(a->carried_over, b->carried_over, &r.carried_over) ||
	    __builtin_add_overflow(a->disbursed, b->disbursed, &r.disbursed))
		return GN_ERANGE;
	*a = r;
	return GN_OK;
}

gn_err budget_row_add_line(budget_row *r, budget_source s, budget_capital c,
			   bool disbursed, int64_t amount, int64_t carried_over)
{
	if ((unsigned)s >= BS_COUNT || (unsigned)c >= BC_COUNT || amount < 0 ||
	    carried_over < 0 || carried_over > amount || (disbursed && carried_over))
		return GN_EINPUT;
	budget_amounts add = {0};
	if (disbursed) {
		add.disbursed = amount;
	} else {
		add.allocated = amount;
		add.carried_over = carried_over;
	}
	budget_amounts cell = r->cell[s][c], total = r->total;
	if (budget_amounts_add(&cell, &add) || budget_amounts_add(&total, &add))
		return GN_ERANGE;
	r->cell[s][c] = cell;
	r->total = total;
	return GN_OK;
}

gn_err budget_row_add(budget_row *dst, const budget_row *src)
{
	budget_row r = *dst;
	for (int s = 0; s < BS_COUNT; s++)
		for (int c = 0; c < BC_COUNT; c++)
			if (budget_amounts_add(&r.cell[s][c], &src->cell[s][c]))
				return GN_ERANGE;
	if (budget_amounts_add(&r.total, &src->total))
		return GN_ERANGE;
	*dst = r;
	return GN_OK;
}

gn_err budget_rollup(budget_row *rows, const int32_t *parent, size_t n, budget_row *total)
{
	for (size_t i = 0; i < n; i++)
		if (parent[i] >= (int32_t)i || parent[i] < -1)
			return GN_EINPUT;
	/* children come after their parents: from the last one up, each row
	 * is complete when it is added to its parent */
	for (size_t i = n; i-- > 0;)
		if (parent[i] >= 0 && budget_row_add(&rows[parent[i]], &rows[i]))
			return GN_ERANGE;
	budget_row t;
	memset(&t, 0, sizeof t);
	for (size_t i = 0; i < n; i++)
		if (parent[i] < 0 && budget_row_add(&t, &rows[i]))
			return GN_ERANGE;
	*total = t;
	return GN_OK;
}

int64_t budget_rate(const budget_amounts *a)
{
	return rate_hundredths(a->disbursed, a->allocated);
}

/* ---- declared funding ------------------------------------------------------------ */

budget_funding_error budget_funding_check(int64_t total, const budget_part *parts,
					  size_t n, size_t *index, int64_t *sum)
{
	*index = 0;
	*sum = 0;
	int64_t s = 0;
	for (size_t i = 0; i < n; i++) {
		*index = i;
		if (parts[i].amount <= 0)
			return BF_AMOUNT;
		if (parts[i].carried_over < 0 || parts[i].carried_over > parts[i].amount)
			return BF_CARRIED;
		for (size_t j = 0; j < i; j++)
			if (parts[j].source == parts[i].source && parts[j].capital == parts[i].capital)
				return BF_DUPLICATE;
		if (__builtin_add_overflow(s, parts[i].amount, &s))
			return BF_OVERFLOW;
	}
	*sum = s;
	if (n > 0 && s != total)
		return BF_TOTAL;
	return BF_OK;
}

/* Appends the n bytes at s to out[*k], keeping room for the NUL. */
static void put(char *out, size_t cap, size_t *k, const char *s, size_t n)
{
	while (n-- && *k + 1 < cap)
		out[(*k)++] = *s++;
	out[*k] = '\0';
}

/* The decimal digits of v (>= 0) into tmp, from the end; returns the
 * first digit's position. */
static size_t digits(uint64_t v, char tmp[24])
{
	size_t i = 24;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return i;
}

void budget_plan_ref(const char *number, int year, char *out, size_t cap)
{
	if (cap == 0)
		return;
	size_t k = 0;
	out[0] = '\0';
	put(out, cap, &k, number ? number : "", number ? strlen(number) : 0);
	put(out, cap, &k, " ", 1);
	char tmp[24];
	size_t i = digits(year > 0 ? (uint64_t)year : 0, tmp);
	put(out, cap, &k, tmp + i, 24 - i);
}

void budget_money_vn(int64_t v, char out[28])
{
	char tmp[24];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t i = digits(u, tmp), nd = 24 - i, k = 0;
	if (v < 0)
		out[k++] = '-';
	for (size_t j = 0; j < nd; j++) {
		if (j > 0 && (nd - j) % 3 == 0)
			out[k++] = '.';
		out[k++] = tmp[i + j];
	}
	out[k] = '\0';
}
