/*
 * hhscan.h - reads households.csv on several threads into the histories of
 * every household, keeping the rows of one year.
 *
 * Layer: io. The national file holds tens of millions of rows; a summary
 * needs each household's whole history (re_poor) but only one year's rows.
 * The file is cut into byte ranges at line ends, one per thread; each
 * thread validates and classifies its rows (hhfile_next) and files compact
 * records by a hash partition of the household id; then each thread builds
 * the histories of one partition (no locks: a household lives in exactly
 * one partition). A range cut inside a quoted field is detected (the
 * ranges do not chain) and any bad row makes the whole scan run again on
 * one thread, so that messages carry exact line numbers and the
 * all-or-nothing rule holds.
 *
 * Ownership: hhscan_run's result is freed with hhscan_free (NULL ok); the
 * ids in its rows point into its indexes.
 */
#ifndef GN_HHSCAN_H
#define GN_HHSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/hhindex.h"
#include "../core/standard.h"
#include "../core/units.h"

typedef struct hh_scan_row {
	const char *id; /* the household id (NUL-terminated) */
	uint32_t id_len;
	int32_t unit;   /* code the row was recorded on */
	int32_t part;   /* partition of the household */
	int32_t hh;     /* index of the household in its partition */
	uint8_t cls;    /* hh_class */
} hh_scan_row;

typedef struct hh_scan {
	size_t nparts;
	hh_index **part;
	hh_scan_row *rows; /* rows of the kept year, in no particular order */
	size_t nrows;
	size_t nread;      /* rows read in all */
	int threads;       /* threads used (1 after a fallback) */
} hh_scan;

/* Scans path (`name` labels messages). keep_year 0 keeps no row. threads
 * 0 means one per online CPU. GN_EINPUT with every error in d when a row
 * breaks a rule (nothing is kept); GN_EIO when the file cannot be read. */
gn_err hhscan_run(const char *path, const char *name, const unit_set *u,
		  const std_set *s, int keep_year, int threads, gn_diag *d,
		  hh_scan **out);
/* The same, scanning on several threads only files of at least min_bytes
 * (hhscan_run uses 32 MiB; tests use less). */
gn_err hhscan_run_ex(const char *path, const char *name, const unit_set *u,
		     const std_set *s, int keep_year, int threads,
		     long long min_bytes, gn_diag *d, hh_scan **out);
void hhscan_free(hh_scan *sc);

/* The history of a household, or NULL when the file has no row of it. */
const hh_history *hhscan_find(const hh_scan *sc, const char *id, size_t n);
static inline const hh_history *hhscan_history(const hh_scan *sc,
					       const hh_scan_row *r)
{
	return hhindex_history(sc->part[r->part], r->hh);
}

#endif
