/* calendar.c - working days over a sorted list of listed days (calendar.h).
 * Layer: core. A few hundred days at most: a sorted array, binary search. */
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

struct calendar {
	cal_day *days; /* sorted by date, dates unique */
	size_t n, cap;
};

calendar *cal_new(void)
{
	return gn_xcalloc(1, sizeof(calendar));
}

void cal_free(calendar *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free((char *)c->days[i].name);
	free(c->days);
	free(c);
}

/* The index of the first day >= d. */
static size_t lower_bound(const calendar *c, gn_date d)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->days[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool weekend(gn_date d)
{
	return date_weekday(d) >= 5;
}

gn_err cal_add(calendar *c, gn_date d, cal_kind kind, const char *name)
{
	if (kind == CAL_WORKING_DAY && !weekend(d))
		return GN_EINPUT;
	size_t i = lower_bound(c, d);
	if (i < c->n && c->days[i].date == d)
		return GN_EEXIST;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->days = gn_xreallocarray(c->days, c->cap, sizeof *c->days);
	}
	memmove(&c->days[i + 1], &c->days[i], (c->n - i) * sizeof *c->days);
	c->days[i] = (cal_day){d, kind, gn_xstrdup(name ? name : "")};
	c->n++;
	return GN_OK;
}

const cal_day *cal_find(const calendar *c, gn_date d)
{
	if (!c)
		return NULL;
	size_t i = lower_bound(c, d);
	return i < c->n && c->days[i].date == d ? &c->days[i] : NULL;
}

bool cal_is_working(const calendar *c, gn_date d)
{
	const cal_day *x = cal_find(c, d);
	if (x)
		return x->kind == CAL_WORKING_DAY;
	return !weekend(d);
}

gn_date cal_add_working_days(const calendar *c, gn_date d, int n)
{
	int step = n < 0 ? -1 : 1;
	int left = n < 0 ? -n : n;
	while (left > 0) {
		d += step;
		if (cal_is_working(c, d))
			left--;
	}
	return d;
}

int cal_working_days_between(const calendar *c, gn_date from, gn_date to)
{
	int k = 0;
	for (gn_date d = from + 1; d <= to; d++)
		if (cal_is_working(c, d))
			k++;
	return k;
}

bool cal_covers(const calendar *c, int year)
{
	if (!c)
		return false;
	size_t i = lower_bound(c, date_from_ymd(year, 1, 1));
	return i < c->n && c->days[i].date <= date_year_end(year);
}

const cal_day *cal_days(const calendar *c, size_t *n)
{
	*n = c ? c->n : 0;
	return c ? c->days : NULL;
}
