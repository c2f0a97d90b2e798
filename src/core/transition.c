/* transition.c - transitions between review years. Layer: core. */
#include "transition.h"

static const char *const names[TR_COUNT] = {
	"none", "remain_poor", "poor_to_near", "escaped_poor",
	"near_to_poor", "remain_near", "escaped_near",
	"new_poor", "re_poor", "new_near", "re_near",
};
static const char *const names_vi[TR_COUNT] = {
	"Không thay đổi", "Tiếp tục nghèo", "Nghèo sang cận nghèo", "Thoát nghèo",
	"Cận nghèo sang nghèo", "Tiếp tục cận nghèo", "Thoát cận nghèo",
	"Nghèo phát sinh mới", "Tái nghèo", "Cận nghèo phát sinh mới",
	"Tái cận nghèo",
};

const char *transition_name(hh_transition t)
{
	return (unsigned)t < TR_COUNT ? names[t] : "?";
}

const char *transition_name_vi(hh_transition t)
{
	return (unsigned)t < TR_COUNT ? names_vi[t] : "?";
}

hh_transition transition_of(const hh_history *h, int year, hh_class c)
{
	int prev = year - 1 - STD_YEAR_BASE;
	uint64_t pbit = prev >= 0 ? (uint64_t)1 << prev : 0;
	/* years strictly before Y-1 */
	uint64_t earlier = prev > 0 ? ((uint64_t)1 << prev) - 1 : 0;
	bool poor = c == CLASS_POOR, near = c == CLASS_NEAR_POOR;

	if (h->poor & pbit)
		return poor ? TR_REMAIN_POOR : near ? TR_POOR_TO_NEAR : TR_ESCAPED_POOR;
	if (h->near & pbit)
		return poor ? TR_NEAR_TO_POOR : near ? TR_REMAIN_NEAR : TR_ESCAPED_NEAR;
	if (poor)
		return (h->poor & earlier) ? TR_RE_POOR : TR_NEW_POOR;
	if (near)
		return (h->near & earlier) ? TR_RE_NEAR : TR_NEW_NEAR;
	return TR_NONE;
}
