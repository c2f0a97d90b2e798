/*
 * me_draft.h - the drafts of the programme's monitoring report (Mẫu 01)
 * and evaluation report (Mẫu 02) of Circular 10/2022/TT-BLĐTBXH,
 * Phụ lục II, pre-filled with every number the system holds.
 *
 * Layer: draft (above app and report, below http/api and cli): a draft
 * gathers the review's figures (report/figures.h and the "results"
 * layout), the plans and budgets, the results framework, training and
 * inspections of a unit's subtree, and lays them out as an editable Word
 * document (report/docx.h) an officer finishes: every number is filled
 * in; the narrative sections (assessment, difficulties, recommendations)
 * are highlighted paragraphs saying what to write. The same tables are
 * returned as report_docs, for an XLSX workbook beside the DOCX.
 *
 * Ownership: me_draft_free releases a draft and everything in it.
 */
#ifndef GN_DRAFT_ME_DRAFT_H
#define GN_DRAFT_ME_DRAFT_H

#include "../app/indicators.h"
#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../io/catalogue_file.h"
#include "../report/doc.h"
#include "../report/docx.h"
#include "../report/engine.h"
#include "../store/store.h"

typedef enum me_form {
	ME_FORM_01, /* Mẫu 01: monitoring report (báo cáo giám sát) */
	ME_FORM_02, /* Mẫu 02: evaluation report (báo cáo đánh giá) */
} me_form;

/* The periods each form is made for: Mẫu 01 "s1" (six months), "year",
 * "adhoc"; Mẫu 02 "baseline", "midterm", "final", "year", "adhoc". */
bool me_draft_period_valid(me_form form, const char *period);
/* "6 tháng đầu năm 2024", "năm 2024", "giữa kỳ giai đoạn 2021-2025"...
 * into out (a static phrase plus the year). */
void me_draft_period_phrase(me_form form, const char *period, int year, char *out,
			    size_t n);

typedef struct me_draft_opts {
	me_form form;
	const char *period;
	const char *unit_code;
	int year;
	gn_date asof;                   /* the map the figures are placed on */
	gn_date today;                  /* the date line, overdue flags */
	const std_set *stds;            /* borrowed */
	const report_layout *results;   /* the "results" layout (borrowed) */
	const ind_catalogue *indicators; /* the results framework (borrowed) */
	const me_catalogue *projects;   /* data/me/projects.csv (borrowed) */
} me_draft_opts;

typedef struct me_draft {
	docx *doc;
	report_doc **tables;  /* the draft's tables, in order (sheets of the XLSX) */
	const char **sheet_names;
	size_t ntables;
} me_draft;

/* Builds the draft of o->form for the unit's subtree. GN_ENOTFOUND when
 * the unit is not on the map (message in d), GN_EINPUT for a bad period,
 * GN_EIO from the store. */
gn_err me_draft_build(store *st, const me_draft_opts *o, gn_diag *d, me_draft **out);
void me_draft_free(me_draft *x);

#endif
