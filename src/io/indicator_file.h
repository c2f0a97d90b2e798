/*
 * indicator_file.h - reads the results framework's catalogue: the
 * indicators (data/me/indicators.csv) and the programme targets
 * (data/me/indicator_targets.csv: Decision 90/QĐ-TTg's for 2021-2025),
 * both documented in data/me/indicators.md.
 *
 * Layer: io. indicators.csv columns, by name: code, name_vi, name_en,
 * measure_vi, direction (up|down), level (programme|project), aggregation
 * (sum|ratio|reduction|none), decimals (0-4) are required; measure_en,
 * project (DA1 ... DA7.2: required for level project, one of projects.csv
 * when that file is given), formula (ratio: NUM/DEN, reduction: X, codes
 * of the catalogue), computed (a key of core/indicators.h's ind_computed),
 * baseline, baseline_year, headline (order on the dashboard card), basis,
 * note_vi, note_en are optional. indicator_targets.csv: indicator, period,
 * target (required), target_high (the top of a range "1-1.5"), scope (all:
 * every unit's reference, the default; national: the programme's own
 * total), basis. Every broken rule is an error naming the file, line and
 * column (an unknown code, a formula naming an unknown indicator or
 * forming a cycle, a ratio without NUM/DEN, a number with too many
 * decimals, a target twice for the same indicator and period...).
 *
 * Ownership: *out is freed with ind_catalogue_free.
 */
#ifndef GN_INDICATOR_FILE_H
#define GN_INDICATOR_FILE_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/indicators.h"

/* Reads DIR/indicators.csv and DIR/indicator_targets.csv (project codes
 * checked against DIR/projects.csv when it exists). GN_EIO when a file
 * cannot be read, GN_EINPUT with every error in d; *out NULL then. */
gn_err indfile_load_dir(const char *dir, gn_diag *d, ind_catalogue **out);

/* The same from texts in memory; targets may be NULL (no targets),
 * projects NULL (project codes not checked against a list). */
gn_err indfile_parse(const char *ind_name, const char *ind_text, size_t ind_len,
		     const char *tgt_name, const char *tgt_text, size_t tgt_len,
		     const char *const *projects, size_t nprojects, gn_diag *d,
		     ind_catalogue **out);

#endif
