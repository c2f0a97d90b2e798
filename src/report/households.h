/*
 * households.h - reports whose rows are households, not units (issue 4):
 * the list for public posting (niêm yết) of a commune or village.
 *
 * Layer: report. A second small builder beside the layout engine
 * (engine.c works on units' figures; these lists hold personal data, one
 * row per household): it reads the store, places the year's household rows
 * on the map of D exactly as the figures do (rollup_place: lineage, splits
 * in household-id order), keeps the POOR and NEAR_POOR households landing
 * in the unit's subtree, and fills a report_doc rendered by the same CSV,
 * XLSX and PDF renderers.
 *
 * Ownership: the document is freed by report_doc_free.
 */
#ifndef GN_REPORT_HOUSEHOLDS_H
#define GN_REPORT_HOUSEHOLDS_H

#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../store/store.h"
#include "doc.h"

#define REPORT_POSTING_LIST "posting-list"
#define REPORT_POSTING_TITLE "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {year}"
/* The title in `gnbv report --list` (without the year). */
#define REPORT_POSTING_LIST_TITLE "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"

/* The posting list of unit_code (a commune or a village on the map of
 * asof) for year: a block of rows per village (a subtotal-styled row with
 * the village's name, "Không rõ thôn" for households with none), villages
 * in Vietnamese order, then the households sorted the Vietnamese way by
 * the head's name (then id): STT, head, household id, members, class,
 * transition, deprivations of the year's standard. GN_ENOTFOUND when the
 * unit is not on the map; GN_EINPUT when it is not a commune or village
 * (messages in d); GN_EIO from the store. */
gn_err report_posting_list(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_doc **out);

#endif
