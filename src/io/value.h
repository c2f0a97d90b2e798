/*
 * value.h - typed values of the interchange formats (formats.md, general
 * rules): booleans, counts, money, decimals, shares, dates, codes.
 *
 * Layer: io. Each parser takes the raw field bytes (surrounding spaces are
 * NOT trimmed: " 1" is not a count), returns true and writes *out on
 * success, false otherwise; the caller reports the error with
 * val_describe's wording so that messages are uniform.
 */
#ifndef GN_VALUE_H
#define GN_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/date.h"

/* 1/0, true/false, x/empty, có/không (any case; NFC or NFD). Empty is 0. */
bool val_bool(const char *s, size_t n, bool *out);
/* A count: plain decimal digits, at most max. */
bool val_count(const char *s, size_t n, int64_t max, int64_t *out);
/* Whole VND: digits, or digits grouped by '.' in threes ("2.481.000.000"). */
bool val_money(const char *s, size_t n, int64_t *out);
/* A non-negative decimal with at most `scale_digits` decimals after '.',
 * returned scaled: val_decimal("120.5", 4) gives 1205000. */
bool val_decimal(const char *s, size_t n, int scale_digits, int64_t *out);
/* A fraction in [0, 1] written as a decimal ("0.35", "1", ".5"), returned
 * as the reduced fraction num/den (den > 0). */
bool val_share(const char *s, size_t n, int64_t *num, int64_t *den);
/* A date: YYYY-MM-DD or DD/MM/YYYY. */
bool val_date(const char *s, size_t n, gn_date *out);
/* A year: four digits, 1900..2199. */
bool val_year(const char *s, size_t n, int *out);

#endif
