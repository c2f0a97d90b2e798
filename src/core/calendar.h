/*
 * calendar.h - working days: Monday to Friday, minus public holidays, plus
 * the official make-up Saturdays (làm bù), for deadlines counted in
 * working days ("trong 03 ngày làm việc").
 *
 * Layer: core (pure). The holidays are data (data/holidays/vn.csv, read by
 * io/holidays_file.h): Tết follows the lunar calendar and the government
 * fixes the days off each year, so no rule here knows a date. A calendar
 * is filled once, then only read; reading is thread-safe.
 *
 * Counting: cal_add_working_days(cal, d, n) is the n-th working day after
 * d, d itself not counted (as the Civil Code counts a period from the day
 * after the event): 3 working days after Friday 14/11/2025 is Wednesday
 * 19/11/2025. Years the data does not cover count weekends only
 * (cal_covers tells, so a caller can warn).
 *
 * Ownership: cal_new's calendar is freed by cal_free (NULL accepted);
 * names are copied in.
 */
#ifndef GN_CALENDAR_H
#define GN_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "err.h"

typedef enum cal_kind {
	CAL_HOLIDAY,     /* no work that day (holiday, compensatory or swapped day off) */
	CAL_WORKING_DAY  /* a weekend day worked (official make-up day) */
} cal_kind;

typedef struct cal_day {
	gn_date date;
	cal_kind kind;
	const char *name;
} cal_day;

typedef struct calendar calendar;

/* An empty calendar: Monday to Friday are working days. */
calendar *cal_new(void);
void cal_free(calendar *c);
/* Adds a day. GN_EEXIST when the date is already listed; GN_EINPUT for a
 * CAL_WORKING_DAY that is not a Saturday or Sunday. */
gn_err cal_add(calendar *c, gn_date d, cal_kind kind, const char *name);

/* Whether d is a working day. */
bool cal_is_working(const calendar *c, gn_date d);
/* The date n working days after d (n < 0: before; n = 0: d itself). */
gn_date cal_add_working_days(const calendar *c, gn_date d, int n);
/* Working days in (from, to]: how many working days after `from` `to` is
 * (0 when to <= from). */
int cal_working_days_between(const calendar *c, gn_date from, gn_date to);
/* The listed day d, or NULL. */
const cal_day *cal_find(const calendar *c, gn_date d);
/* Whether the data lists any day of year y (otherwise only weekends
 * count as days off that year). */
bool cal_covers(const calendar *c, int year);
/* The listed days, in date order. */
const cal_day *cal_days(const calendar *c, size_t *n);

#endif
