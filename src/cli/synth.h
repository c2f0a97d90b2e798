/*
 * synth.h - a deterministic synthetic Vietnam: administrative units with
 * the 2025 map change, lineage, population denominators and the reviewed
 * households of each year, written in the interchange formats of
 * formats.md sections 1-4 (units.csv, lineage.csv, population.csv,
 * households.csv).
 *
 * Layer: cli (used by `gnbv synth`, the unit tests and the benchmarks).
 * The model is described at the top of synth.c. The same options give
 * byte-identical files; the output for one --province is exactly the
 * subset of the national output that concerns that province, and the
 * output for a range of years is the subset of a wider range (except the
 * d_waste/d_digital header columns, present only when the range reaches
 * 2027).
 */
#ifndef GN_SYNTH_H
#define GN_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

#define SYNTH_YEAR_MIN 2022 /* first year of the 2022-2025 standard */
#define SYNTH_YEAR_MAX 2030 /* last year of the 2027-2030 standard */
#define SYNTH_SCALE_MAX 100.0
#define SYNTH_NYEARS (SYNTH_YEAR_MAX - SYNTH_YEAR_MIN + 1)

typedef struct synth_opts {
	double scale;         /* multiplies households: 1.0 = real size (~27 M) */
	uint64_t seed;        /* any value; the same seed gives the same files */
	const char *province; /* NULL or "": the whole country; else one of the
	                       * 34 province codes ("01", "79", ...) */
	int year_from;        /* review years written, SYNTH_YEAR_MIN.. */
	int year_to;          /* ..SYNTH_YEAR_MAX, year_from <= year_to */
	bool progress;        /* progress and summary lines on standard error */
} synth_opts;

typedef struct synth_year_stats {
	int year;
	uint64_t households; /* resident households (population.csv) */
	uint64_t persons;
	uint64_t rows;       /* rows of households.csv */
	uint64_t poor, near_poor, average, not_poor; /* rows by class */
} synth_year_stats;

typedef struct synth_stats {
	uint64_t units, lineage, population, households; /* rows, no header */
	uint64_t bytes[4];   /* file sizes, in the order above */
	size_t nyears;
	synth_year_stats year[SYNTH_NYEARS];
	double seconds;      /* wall time of synth_write */
} synth_stats;

/* Defaults: scale 0.01, seed 1, whole country, 2022-2025, no progress. */
void synth_opts_init(synth_opts *o);

/* True when code is one of the 34 province codes of the 2025 map. */
bool synth_province_known(const char *code);

/* The n-th (0..33) province code, or NULL past the end. */
const char *synth_province_code(size_t n);

/* Checks o. On GN_EUSAGE appends a message for people to msg. */
gn_err synth_check(const synth_opts *o, buf *msg);

/* Generates the synthetic country and writes units.csv, lineage.csv,
 * population.csv and households.csv in dir (created when missing; the
 * files are replaced). st may be NULL. Returns GN_EUSAGE for bad options,
 * GN_EIO when a directory or file cannot be created or written; in both
 * cases a message naming the problem is appended to msg. With
 * o->progress, prints progress lines and a summary on standard error;
 * never writes to standard output. */
gn_err synth_write(const synth_opts *o, const char *dir, synth_stats *st,
		   buf *msg);

#endif
