/*
 * date.h - calendar dates as day numbers.
 *
 * Layer: core. A gn_date counts days since 1970-01-01 (proleptic
 * Gregorian), so intervals compare with < and >=. Parsing accepts the two
 * spellings of formats.md: YYYY-MM-DD and the Vietnamese DD/MM/YYYY.
 */
#ifndef GN_DATE_H
#define GN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t gn_date;

#define GN_DATE_MIN INT32_MIN /* "always" as a start */
#define GN_DATE_MAX INT32_MAX /* "still exists" as an end */

gn_date date_from_ymd(int y, int m, int d);
void date_to_ymd(gn_date t, int *y, int *m, int *d);
/* 31 December of year y. */
gn_date date_year_end(int y);
/* True for a valid date with year 1000..9999; writes *out. */
bool date_valid_ymd(int y, int m, int d);
/* Parses "YYYY-MM-DD" or "DD/MM/YYYY" (D and M may have one digit in the
 * second form). False when the text is not such a valid date. */
bool date_parse(const char *s, size_t n, gn_date *out);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format_iso(gn_date t, char out[11]);
/* Writes "DD/MM/YYYY" into out (at least 11 bytes). */
void date_format_vn(gn_date t, char out[11]);
/* Day of week, 0 = Monday .. 6 = Sunday. */
int date_weekday(gn_date t);

#endif
