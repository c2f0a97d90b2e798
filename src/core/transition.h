/*
 * transition.h - a household's movement between review years
 * (formats.md 7.1): the class of Y-1 decides first, and re_X needs the
 * whole history ("poor again after having escaped in an earlier year").
 *
 * Layer: core. A household's history is three bit masks over years
 * (bit = year - STD_YEAR_BASE): years it was POOR, years it was NEAR_POOR,
 * years it has a row at all. Rows may arrive in any order: fill the
 * history from every row first, then ask for transitions.
 */
#ifndef GN_TRANSITION_H
#define GN_TRANSITION_H

#include <stdbool.h>
#include <stdint.h>

#include "standard.h"

typedef enum hh_transition {
	TR_NONE,
	TR_REMAIN_POOR,
	TR_POOR_TO_NEAR,
	TR_ESCAPED_POOR,
	TR_NEAR_TO_POOR,
	TR_REMAIN_NEAR,
	TR_ESCAPED_NEAR,
	TR_NEW_POOR,
	TR_RE_POOR,
	TR_NEW_NEAR,
	TR_RE_NEAR,
	TR_COUNT
} hh_transition;

typedef struct hh_history {
	uint64_t poor, near, seen;
} hh_history;

/* "remain_poor", ...; "none". */
const char *transition_name(hh_transition t);
/* Vietnamese label ("thoát nghèo", "tái nghèo", ...). */
const char *transition_name_vi(hh_transition t);

/* True when year is within the history window. */
static inline bool history_year_ok(int year)
{
	return year >= STD_YEAR_BASE && year <= STD_YEAR_LAST;
}

/* Records that the household holds class c in year. Returns false when
 * the household already has a row for that year (a duplicate). */
static inline bool history_add(hh_history *h, int year, hh_class c)
{
	uint64_t bit = (uint64_t)1 << (year - STD_YEAR_BASE);
	if (h->seen & bit)
		return false;
	h->seen |= bit;
	if (c == CLASS_POOR)
		h->poor |= bit;
	else if (c == CLASS_NEAR_POOR)
		h->near |= bit;
	return true;
}

/* The transition of a row of `year` holding class c, given the complete
 * history. */
hh_transition transition_of(const hh_history *h, int year, hh_class c);

/* True for transitions that take a household off the poor list in the
 * official "escaped poverty" figure (escaped_poor and poor_to_near). */
static inline bool transition_leaves_poor(hh_transition t)
{
	return t == TR_ESCAPED_POOR || t == TR_POOR_TO_NEAR;
}

#endif
