/*
 * households_file.h - the reader of households.csv (formats.md section 4):
 * one validated, classified row at a time.
 *
 * Layer: io. The reader checks every rule of a row (types, members >= 1,
 * income or score_a, known unit on a household level, a standard for the
 * year, the flags that standard needs, score_b = points x flags) and
 * classifies it by the standard of its year on the area of its unit as of
 * 31 December of that year. Rules across rows (a repeated household and
 * year) are the caller's, who keeps the histories.
 *
 * Ownership: hhfile_open's reader is freed by hhfile_close (NULL ok); the
 * strings in an hh_row point into the reader and stay valid until the
 * next hhfile_next. The unit and standard sets must outlive the reader.
 */
#ifndef GN_HOUSEHOLDS_FILE_H
#define GN_HOUSEHOLDS_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/standard.h"
#include "../core/units.h"

/* Causes of poverty (formats.md 4, `causes`). */
enum {
	CAUSE_LAND = 1 << 0,
	CAUSE_CAPITAL = 1 << 1,
	CAUSE_LABOUR = 1 << 2,
	CAUSE_TOOLS = 1 << 3,
	CAUSE_KNOWHOW = 1 << 4,
	CAUSE_SKILLS = 1 << 5,
	CAUSE_ILLNESS = 1 << 6,
	CAUSE_OTHER = 1 << 7,
};
#define CAUSE_COUNT 8
/* "land", ... by bit position; NULL past the end. */
const char *cause_name(int i);
const char *cause_name_vi(int i);

typedef struct hh_row {
	const char *id;
	size_t id_len;
	int year;
	int32_t unit;      /* code index in the unit set */
	long line;         /* physical line where the record starts */
	off_t offset;      /* byte offset of the record */
	int64_t members;
	bool use_score;    /* score A decides the income test */
	int64_t income;    /* VND, when given (-1 otherwise) */
	int64_t score;     /* score A x STD_SCORE_SCALE, when given (-1) */
	uint32_t flags;    /* catalogue bits set (all d_* columns read) */
	int area;          /* AREA_RURAL or AREA_URBAN */
	int8_t area_given; /* the area column itself: AREA_* or -1 when empty */
	const standard *std;
	int deprivations;  /* flags within the standard */
	hh_class cls;
	/* attributes (always validated; filled in) */
	int8_t head_female;   /* 1, 0, or -1 unknown */
	int8_t minority;      /* head_ethnicity given and not Kinh: 1; Kinh 0; -1 */
	int8_t merit, no_labour, social_protection; /* 1/0 (empty = 0) */
	uint16_t causes;      /* CAUSE_* bits */
	int head_birth_year;  /* 0 unknown */
	const char *ethnicity;
	size_t ethnicity_len;
	const char *village;
	size_t village_len;
	const char *head_name; /* raw (not NFC) text of the column */
	size_t head_name_len;
	const char *id_number;
	size_t id_number_len;
} hh_row;

typedef struct hh_reader hh_reader;

/* Opens households.csv and binds its header. GN_EINPUT (errors in d) when
 * a required column is missing or the header is broken. */
gn_err hhfile_open(const char *path, const char *name, const unit_set *u,
		   const std_set *s, gn_diag *d, hh_reader **out);
/* The same, over the len bytes at data (which must outlive the reader). */
gn_err hhfile_open_mem(const char *name, const char *data, size_t len,
		       const unit_set *u, const std_set *s, gn_diag *d,
		       hh_reader **out);
/* A reader for the records starting in [begin, end) of the same file as
 * `proto` (which has read the header), sharing its column binding; see
 * csv_open_range. */
gn_err hhfile_open_range(const hh_reader *proto, off_t begin, off_t end,
			 long first_line, gn_diag *d, hh_reader **out);
void hhfile_close(hh_reader *r);

/* Reads the next row. GN_OK: *row is valid. GN_ENOTFOUND: end of input.
 * GN_EINPUT: the row broke a rule (reported to d); call again to go on.
 * GN_EIO: a read error. */
gn_err hhfile_next(hh_reader *r, hh_row *row, gn_diag *d);
/* Turns the fast path for plain rows on or off for readers opened later
 * (tests compare the two; not thread-safe). */
void hhfile_testing(bool fast);
/* After GN_ENOTFOUND on a range reader: where the next record starts. */
off_t hhfile_next_offset(const hh_reader *r);
/* The diagnostics label. */
const char *hhfile_name(const hh_reader *r);

#endif
