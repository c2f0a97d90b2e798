/*
 * capacity_file.h - the files of capacity building and inspections: the
 * settings the law fixes (data/me/capacity.csv) and a participants list
 * pasted or uploaded by an officer (CSV).
 *
 * Layer: io.
 *
 * data/me/capacity.csv: columns key, value, note; keys
 *   mission_report_working_days   working days after a mission's last day
 *                                 within which its report is due (15)
 *   staff_trained_target_percent  the share of poverty-reduction staff to
 *                                 train each year (100)
 * Both are required; an unknown key is an error (a typo would otherwise
 * leave a default in force).
 *
 * Participants CSV: columns (by name, any order) full_name (required),
 * sex (required: M, F, Nam, Nữ), birth_year (four digits or empty),
 * unit_code (required), position (text), staff (1/0, x, có/không; empty:
 * no). Every broken rule is reported in d with the line and the column;
 * the reader keeps going to report them all.
 *
 * Recommendations CSV (gnbv capacity mission): columns unit_code,
 * due_date, text, all required.
 *
 * Ownership: the rows of cap_participants_parse and
 * cap_recommendations_parse are freed with cap_participants_free and
 * cap_recommendations_free.
 */
#ifndef GN_CAPACITY_FILE_H
#define GN_CAPACITY_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/date.h"
#include "../core/diag.h"
#include "../core/err.h"

typedef struct cap_settings {
	int report_working_days;
	int staff_target_percent;
} cap_settings;

/* Reads the settings file at path (name labels the messages). GN_EIO when
 * it cannot be read, GN_EINPUT when a row is bad or a key is missing. */
gn_err cap_settings_load(const char *path, const char *name, cap_settings *out,
			 gn_diag *d);
/* The same over CSV text in memory. */
gn_err cap_settings_parse(const char *name, const char *text, size_t len,
			  cap_settings *out, gn_diag *d);

typedef struct cap_participant_row {
	long line;            /* of the file, for messages */
	char *full_name;      /* NFC, inner spaces collapsed */
	char sex;             /* 'M' or 'F' */
	int birth_year;       /* 0: not given */
	char *unit_code;
	char *position;       /* NFC, "" when not given */
	bool staff;
} cap_participant_row;

/* Reads a participants list from len bytes of CSV text. GN_EINPUT (rows
 * NULL) when anything is wrong, every error in d; GN_OK with the rows
 * otherwise (an empty list is an error: "no participant"). */
gn_err cap_participants_parse(const char *name, const char *text, size_t len,
			      gn_diag *d, cap_participant_row **rows, size_t *n);
void cap_participants_free(cap_participant_row *rows, size_t n);

typedef struct cap_rec_row {
	long line;
	char *unit_code;      /* the unit responsible */
	gn_date due;
	char *text;           /* NFC */
} cap_rec_row;

/* Reads recommendations from len bytes of CSV text: columns unit_code,
 * due_date (YYYY-MM-DD or DD/MM/YYYY) and text, all required. As
 * cap_participants_parse: GN_EINPUT with every error in d, or the rows
 * (an empty list is fine). */
gn_err cap_recommendations_parse(const char *name, const char *text, size_t len, gn_diag *d,
				 cap_rec_row **rows, size_t *n);
void cap_recommendations_free(cap_rec_row *rows, size_t n);

/* Normalises a person's name or any one-line text as typed: NFC,
 * surrounding spaces removed, runs of spaces and tabs made one space.
 * *out receives a malloc'd string (free it); GN_EINPUT for invalid UTF-8
 * or a control character. */
gn_err cap_clean_name(const char *s, size_t n, char **out);

#endif
