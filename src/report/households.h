/*
 * households.h - reports whose rows are households, not units (issue 4):
 * the list for public posting (niêm yết) of a commune or village, the
 * annex of the commune chair's decision recognising the poor and
 * near-poor households, and their certificates (one A4 page each).
 *
 * Layer: report. A second small builder beside the layout engine
 * (engine.c works on units' figures; these lists hold personal data, one
 * row per household): it reads the store, places the year's household rows
 * on the map of D exactly as the figures do (rollup_place: lineage, splits
 * in household-id order), keeps the POOR and NEAR_POOR households landing
 * in the unit's subtree, and fills a report_doc rendered by the same CSV,
 * XLSX and PDF renderers.
 *
 * The posting list shows every review of the year whatever its status
 * (it is posted before the chair decides); the decision annex and the
 * certificates show the approved reviews only (status "approved" or
 * "locked"): they certify the chair's decision.
 *
 * Ownership: the document is freed by report_doc_free.
 */
#ifndef GN_REPORT_HOUSEHOLDS_H
#define GN_REPORT_HOUSEHOLDS_H

#include <stdbool.h>
#include <stddef.h>

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

#define REPORT_DECISION_ANNEX "decision-annex"
#define REPORT_DECISION_ANNEX_TITLE "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN"

#define REPORT_CERTIFICATES "certificates"
#define REPORT_CERTIFICATES_TITLE "GIẤY CHỨNG NHẬN HỘ NGHÈO, HỘ CẬN NGHÈO"
/* The wording of the certificates, in the reports directory (data/reports). */
#define REPORT_CERTIFICATES_FORM "certificates.form"

/* The lists, as a table: `gnbv report --list`, `report all`, the API. */
typedef struct report_list {
	const char *name;       /* "posting-list" */
	const char *title_vi;   /* "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO" */
	const char *title_en;
	bool approved_only;     /* approved reviews only */
} report_list;

/* The lists in order (posting list, decision annex, certificates). */
const report_list *report_lists(size_t *n);
/* The list called name, or NULL. */
const report_list *report_list_find(const char *name);

typedef struct report_list_args {
	store *st;
	const std_set *stds;
	const char *reports_dir; /* data/reports: the certificates' wording */
	const char *unit_code;   /* a commune or a village on the map of asof */
	int year;
	gn_date asof;
	bool table;              /* CSV: the certificates as one row per member */
} report_list_args;

/* Builds list l. *households (NULL accepted) receives the number of
 * households listed. GN_ENOTFOUND when the unit is not on the map;
 * GN_EINPUT when it is not a commune or village, or the certificates'
 * wording file is bad (messages in d, NULL accepted); GN_EIO from the
 * store or when the wording file cannot be read. */
gn_err report_list_build(const report_list *l, const report_list_args *a, gn_diag *d,
			 report_doc **out, size_t *households);

/* The posting list of unit_code (a commune or a village on the map of
 * asof) for year: a block of rows per village (a subtotal-styled row with
 * the village's name, "Không rõ thôn" for households with none), villages
 * in Vietnamese order, then the households sorted the Vietnamese way by
 * the head's name (then id): STT, head, household id, members, class,
 * transition, deprivations of the year's standard. Every review of the
 * year, whatever its status. Errors as report_list_build. */
gn_err report_posting_list(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_doc **out);

/* The annex of the commune chair's decision recognising the poor and
 * near-poor households of year (approved reviews only): the poor, then
 * the near-poor (a subtotal row each, "I. HỘ NGHÈO", "II. HỘ CẬN
 * NGHÈO"), by village (a subtotal row each), heads in Vietnamese order:
 * STT, head, household id, village, the head's sex, year of birth and
 * ethnicity, members, the groups (ethnic minority, no labour capacity,
 * person of merit, social protection: "x"), and the transition. Subtotal
 * rows and the total count the members and the households of each group.
 * The subtitle cites the decision recorded on the commune's periodic
 * round of the year (dots to fill in when none). Errors as
 * report_list_build. */
gn_err report_decision_annex(store *st, const std_set *stds, const char *unit_code,
			     int year, gn_date asof, gn_diag *d, report_doc **out);

/* The certificates (certificates.c): one A4 portrait page per approved
 * poor or near-poor household of unit_code (a commune or a village), in
 * the order of the commune's decision annex, the certificate number being
 * the household's place in that order. The wording comes from
 * reports_dir/certificates.form. With table, one row per member instead
 * (for CSV). Errors as report_list_build. */
gn_err report_certificates(const report_list_args *a, gn_diag *d, report_doc **out,
			   size_t *households);

#endif
