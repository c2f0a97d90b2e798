/*
 * households_int.h - private to the lists of households (households.c,
 * certificates.c): the households of a year placed on a map, kept when
 * they land in a commune's or village's subtree.
 *
 * Layer: report. Ownership: hl_load fills the caller's hl_list,
 * which owns everything in it until hl_free.
 */
#ifndef GN_REPORT_HOUSEHOLDS_INT_H
#define GN_REPORT_HOUSEHOLDS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../core/transition.h"
#include "../core/units.h"
#include "../store/store.h"
#include "doc.h"

#define HL_NO_VILLAGE "Không rõ thôn"

/* One POOR or NEAR_POOR household of the year, from its review. */
typedef struct hl_item {
	char *id;
	int32_t unit;        /* recorded on */
	int32_t dest;        /* placed on (the map of the list's date) */
	hh_class cls;
	hh_transition tr;    /* from the household's whole history */
	int members;
	int ndep;            /* deprivations of the year's standard */
	char *head, *village; /* village: the village unit's name when placed
			       * on one, else the review's text ("" none) */
	char sex;            /* the head's: 'M', 'F', 0 */
	int birth_year;      /* the head's, 0 unknown */
	char *ethnicity;     /* the head's ("" unknown) */
	char id_number[16];  /* the head's citizen id ("" none) */
	int8_t merit, no_labour, social_protection; /* 1, 0, -1 unknown */
	bool in_root;        /* in the subtree of the unit asked */
	char *vkey, *hkey;   /* Vietnamese sort keys: village, head */
} hl_item;

typedef struct hl_list {
	unit_set *u;
	unit_map *m;
	int32_t root;        /* the unit asked (a commune or a village) */
	const unit_version *rv;
	int32_t commune;     /* root, or the commune above the village root;
			      * -1 when a village has none */
	const standard *std; /* of the year, or NULL */
	hl_item *items;
	size_t n;
} hl_list;

/* Loads the households of `year` whose class is POOR or NEAR_POOR,
 * placed on the map of asof like the figures (rollup_place: lineage,
 * splits in household-id order), keeping those that land in the subtree
 * of unit_code (a commune or a village; report names the list in
 * messages) or, with whole_commune, of the commune above a village
 * (in_root tells which lie under unit_code). approved_only keeps the
 * reviews the commune chair approved (status "approved" or "locked").
 * Items come in no order. GN_ENOTFOUND when the unit is not on the map,
 * GN_EINPUT when it is not a commune or village (messages in d, NULL
 * accepted); GN_EIO from the store. */
gn_err hl_load(store *st, const std_set *stds, const char *report, const char *unit_code,
	       int year, gn_date asof, bool approved_only, bool whole_commune, gn_diag *d,
	       hl_list *out);
void hl_free(hl_list *l);

/* Sorts the items by village (Vietnamese order, "Không rõ thôn" last),
 * then head, then id; with by_class, poor households first. */
void hl_sort(hl_list *l, bool by_class);

/* The name of unit i on the list's map (its code when it has none). */
const char *hl_unit_name(const hl_list *l, int32_t i);
/* Appends s in capitals (Vietnamese letters too: "Xã Đắk Ơ" -> "XÃ ĐẮK Ơ"). */
void hl_upper(buf *b, const char *s);
/* "UBND XÃ AN" for the commune of the list (or the root). */
const char *hl_issuer(report_doc *doc, const hl_list *l);
/* Replaces {year} and {unit} in s; a copy owned by doc. */
const char *hl_fill(report_doc *doc, const char *s, int year, const char *unit);

/* The commune's chair's decision recognising the lists of the year (the
 * periodic round's decision), when recorded: number and date ("" when
 * not). */
typedef struct hl_decision {
	char no[64];
	gn_date date;
	bool has_date;
} hl_decision;
void hl_decision_of(store *st, const hl_list *l, int year, hl_decision *out);
/* "Xã An, ngày 10 tháng 12 năm 2025" (the decision's date), else
 * "........, ngày ..... tháng ..... năm YEAR". */
const char *hl_place_date(report_doc *doc, const hl_list *l, const hl_decision *dec,
			  int year);

#endif
