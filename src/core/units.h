/*
 * units.h - administrative units with history: versions valid over date
 * intervals, a parent per version, and lineage (merges and splits).
 *
 * Layer: core. A unit *code* (interned to an int32 index) may have several
 * *versions*, each valid over [from, to] (inclusive days) with its own name,
 * level, type and parent code. "The hierarchy as of date D" takes the
 * version of each code valid on D. Lineage rows say that an old code
 * ceased and handed all or a share of its households to a new code on a
 * date; unit_map (below) uses them to carry data of ceased units onto the
 * map of any later date (formats.md 7.2).
 *
 * Levels are the five of formats.md, ordered from the top; the hierarchy's
 * depth is not fixed (the 2025 map has no district level): a parent only
 * has to sit on a higher level than its child.
 *
 * Ownership: units_new's set is freed by units_free (NULL accepted); the
 * strings and versions it returns belong to the set. A unit_map borrows
 * its set, which must outlive it.
 */
#ifndef GN_UNITS_H
#define GN_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "diag.h"
#include "err.h"

typedef enum unit_level {
	LEVEL_COUNTRY,
	LEVEL_PROVINCE,
	LEVEL_DISTRICT,
	LEVEL_COMMUNE,
	LEVEL_VILLAGE,
	LEVEL_COUNT
} unit_level;

typedef enum unit_type {
	UTYPE_NONE,
	UTYPE_TINH,
	UTYPE_THANH_PHO,
	UTYPE_HUYEN,
	UTYPE_QUAN,
	UTYPE_THI_XA,
	UTYPE_XA,
	UTYPE_PHUONG,
	UTYPE_THI_TRAN,
	UTYPE_DAC_KHU,
	UTYPE_THON,
	UTYPE_COUNT
} unit_type;

/* Names as written in units.csv ("commune", "thi_tran"); NULL past range. */
const char *unit_level_name(unit_level l);
const char *unit_type_name(unit_type t);
/* Vietnamese display name of a level ("Xã/phường"). */
const char *unit_level_name_vi(unit_level l);
/* Exact (lower-case) match of the n bytes at s; false when unknown. */
bool unit_level_parse(const char *s, size_t n, unit_level *out);
bool unit_type_parse(const char *s, size_t n, unit_type *out);
/* True for the levels whose units may hold households (commune, village). */
bool unit_level_holds_households(unit_level l);

/* A share of households as an exact fraction num/den, den > 0. */
typedef struct share {
	int64_t num, den;
} share;

typedef struct unit_version {
	int32_t code;   /* this version's code index */
	int32_t parent; /* parent's code index, or -1 at the top */
	unit_level level;
	unit_type type;
	int8_t urban;   /* 1 urban, 0 rural, -1 not given */
	gn_date from;   /* first valid day, GN_DATE_MIN for always */
	gn_date to;     /* last valid day, GN_DATE_MAX for still valid */
	const char *name;
	long line;      /* line of units.csv, for messages */
} unit_version;

typedef struct lineage {
	int32_t old_code, new_code;
	gn_date date;
	share share;
	long line;
} lineage;

typedef struct unit_set unit_set;

unit_set *units_new(void);
void units_free(unit_set *u);

/* Index of the code (the n bytes at s), adding it when absent. */
int32_t units_intern(unit_set *u, const char *s, size_t n);
/* Index of the code, or -1 when the set has never seen it. */
int32_t units_find(const unit_set *u, const char *s, size_t n);
/* The code's text (NUL-terminated). */
const char *units_code(const unit_set *u, int32_t code);
size_t units_ncodes(const unit_set *u);

/* Adds a version (v->name is copied). Versions are checked by units_check. */
void units_add_version(unit_set *u, const unit_version *v);
/* Adds a lineage row. */
void units_add_lineage(unit_set *u, const lineage *l);

/* Validates and indexes the set: versions of one code must not overlap;
 * a parent must exist, on a higher level, over the child's whole interval;
 * lineage codes must be known; shares of one old code must not add up to
 * more than 1. Errors go to d naming `file` and the line of the offending
 * row (lineage errors name lineage_file). Returns GN_EINPUT on error. Must
 * be called once, after the last add and before any look-up. */
gn_err units_check(unit_set *u, const char *file, const char *lineage_file,
		   gn_diag *d);

/* Versions of a code, sorted by date; *n receives their number. */
const unit_version *units_versions(const unit_set *u, int32_t code, size_t *n);
/* The version of code valid on day d, or NULL. */
const unit_version *units_at(const unit_set *u, int32_t code, gn_date d);
/* The version valid on d, else the last one ending before d, else the
 * first one; NULL only for a code without versions. */
const unit_version *units_nearest(const unit_set *u, int32_t code, gn_date d);
/* Whether households of the code on day d live in an urban area: the
 * version's urban value if given; a village without one takes its
 * parent's; else the type (phuong and thi_tran urban, others rural). */
bool units_urban(const unit_set *u, int32_t code, gn_date d);
/* True when the code's versions sit on a level that holds households. */
bool units_holds_households(const unit_set *u, int32_t code);
/* All lineage rows, sorted by old code then date. */
const lineage *units_lineage(const unit_set *u, size_t *n);

/*
 * The map as of a date: which codes are valid, their ancestors at a level,
 * and where the data of a code that is not valid goes.
 */
typedef struct unit_map unit_map;

typedef struct unit_dest {
	int32_t code; /* code valid on the map's date */
	share share;  /* fraction of the old code's households */
} unit_dest;

/* Builds the map of u as of day d. Free with unit_map_free (NULL ok). */
unit_map *unit_map_new(const unit_set *u, gn_date d);
void unit_map_free(unit_map *m);
gn_date unit_map_date(const unit_map *m);
/* Codes valid on the map's date at `level`, sorted by code (byte order). */
const int32_t *unit_map_units(const unit_map *m, unit_level level, size_t *n);
/* The parent of a code valid on the map, or -1 (top, or not valid). */
int32_t unit_map_parent(const unit_map *m, int32_t code);
/* The version of a code valid on the map's date, or NULL. */
const unit_version *unit_map_version(const unit_map *m, int32_t code);
/* The ancestor (or the code itself) at `level` on the map, or -1. */
int32_t unit_map_ancestor(const unit_map *m, int32_t code, unit_level level);
/* Where the data of `code` goes on the map: itself when valid on the date;
 * else its successors through lineage dated on or before the date,
 * recursively, shares multiplied along the path, sorted by code. *n = 0
 * when it cannot be placed. The array belongs to the map. */
const unit_dest *unit_map_dest(const unit_map *m, int32_t code, size_t *n);

/* Splits n ordered items among the m destinations by formats.md 7.2:
 * with cumulative shares C_k, B_k = floor(n * C_k + 1/2), clamped to n;
 * bounds[k] receives B_(k+1) (so item i goes to the first k with
 * i < bounds[k]; items at or past bounds[m-1] cannot be placed). */
void unit_split_bounds(uint64_t n, const unit_dest *dest, size_t m,
		       uint64_t *bounds);

/* Exact share arithmetic; false on int64 overflow. */
bool share_mul(share a, share b, share *out);
bool share_add(share a, share b, share *out);

#endif
