/*
 * standard.h - poverty standards (chuẩn nghèo) as data, and the legal
 * classification and transitions they define.
 *
 * Layer: core. A standard covers a range of years and holds named income
 * lines per area (rural/urban), each optionally with the equivalent score-A
 * cut-off; the indicator set with weights; and an ordered rule list: the
 * first rule whose income line and minimum deprivation count a household
 * meets gives its class. The 2022-2025 rule, for instance, is
 *     income <= poverty and d >= 3 -> POOR;  income <= poverty -> NEAR_POOR;
 *     income <= average -> AVERAGE;          otherwise NOT_POOR
 * and 2016-2020's (income <= extreme -> POOR first) needs only another
 * file. When a household has a score A instead of an income, lines without
 * a score cut-off are skipped, so AVERAGE is never reported from scores.
 * Files are parsed by io/standard_file.c; nothing here does I/O.
 *
 * Indicators across all standards form one catalogue (std_set): each
 * indicator key (d_water, d_waste, ...) has a bit; a household's flags
 * are a bit mask over that catalogue and each standard counts only its
 * own bits.
 *
 * Ownership: a std_set owns its standards; std_set_add takes ownership.
 */
#ifndef GN_STANDARD_H
#define GN_STANDARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "err.h"

#define STD_MAX_INDICATORS 16 /* per standard */
#define STD_MAX_CATALOGUE 32  /* indicator keys across all standards */
#define STD_MAX_LINES 8
#define STD_MAX_RULES 12
#define STD_SCORE_SCALE 10000 /* score A values are kept x 10^4 */
#define STD_YEAR_BASE 2000    /* history bit 0 (transition.h) */
#define STD_YEAR_LAST 2063

typedef enum hh_class {
	CLASS_NOT_POOR,
	CLASS_AVERAGE,
	CLASS_NEAR_POOR,
	CLASS_POOR,
	CLASS_COUNT
} hh_class;

/* "POOR", "NEAR_POOR", "AVERAGE", "NOT_POOR". */
const char *class_name(hh_class c);
/* "hộ nghèo", "hộ cận nghèo", ... */
const char *class_name_vi(hh_class c);
bool class_parse(const char *s, size_t n, hh_class *out);

enum { AREA_RURAL = 0, AREA_URBAN = 1 };

typedef struct std_line {
	char name[32];
	int64_t income[2]; /* VND per person per month, by area */
	bool has_score;
	int64_t score[2];  /* score A cut-off x STD_SCORE_SCALE, by area */
} std_line;

typedef struct std_rule {
	int line;      /* index into lines, or -1: any income */
	int min_dep;   /* minimum deprivation count, or -1: any */
	hh_class cls;
} std_rule;

typedef struct std_indicator {
	int bit;        /* position in the catalogue */
	int weight;     /* relative weight (AF); weights sum to weight_total */
	char *dimension;
} std_indicator;

typedef struct standard {
	char *id;           /* "2022-2025" */
	char *name;         /* Vietnamese title */
	char *legal_basis;
	char *scope;        /* "national", or a unit code for a local standard */
	int year_from, year_to;
	int nind;
	std_indicator ind[STD_MAX_INDICATORS];
	int weight_total;
	uint32_t mask;      /* catalogue bits of its indicators */
	int nlines;
	std_line line[STD_MAX_LINES];
	int nrules;
	std_rule rule[STD_MAX_RULES];
	int score_b_per_indicator; /* points of part B2 per deprivation */
	int64_t k_num, k_den;      /* default AF cutoff */
} standard;

/* Frees a standard (NULL accepted). */
void standard_free(standard *s);

/* The class of a household. area is AREA_RURAL or AREA_URBAN; when
 * use_score, value is score A x STD_SCORE_SCALE, else income in VND;
 * deprivations counts its flags within s->mask. */
hh_class std_classify(const standard *s, int area, bool use_score,
		      int64_t value, int deprivations);
/* Number of flags of `flags` that belong to s (a portable popcount: the
 * x86-64 baseline has no POPCNT instruction and libgcc's is a call). */
static inline int std_deprivations(const standard *s, uint32_t flags)
{
	uint32_t v = flags & s->mask;
	v = v - ((v >> 1) & 0x55555555u);
	v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
	return (int)((((v + (v >> 4)) & 0x0f0f0f0fu) * 0x01010101u) >> 24);
}

/* ---- the set of installed standards and the indicator catalogue ------ */

typedef struct std_set std_set;

typedef struct std_catalogue_entry {
	char *key;       /* column name, "d_water" */
	char *name_vi;   /* "Nguồn nước sinh hoạt" */
	char *name_en;
	char *dimension; /* "water" */
} std_catalogue_entry;

std_set *std_set_new(void);
void std_set_free(std_set *s);
/* The catalogue bit of key, adding it (with its names) when new; -1 when
 * the catalogue is full. */
int std_set_indicator(std_set *s, const char *key, const char *name_vi,
		      const char *name_en, const char *dimension);
/* The bit of key or -1. */
int std_set_find_indicator(const std_set *s, const char *key, size_t n);
size_t std_set_nindicators(const std_set *s);
const std_catalogue_entry *std_set_catalogue(const std_set *s, int bit);
/* Adds a standard (ownership passes to the set). GN_EINPUT, reported to d
 * naming `file`, when a national standard's years overlap another's. */
gn_err std_set_add(std_set *s, standard *take, const char *file, gn_diag *d);
/* The national standard covering year, or NULL. */
const standard *std_set_for_year(const std_set *s, int year);
size_t std_set_count(const std_set *s);
const standard *std_set_at(const std_set *s, size_t i);
/* Catalogue bits used by any standard covering a year in [y0, y1]. */
uint32_t std_set_mask_for_years(const std_set *s, int y0, int y1);

#endif
