/*
 * fuzz_capacity.c - libFuzzer harness for the files of capacity building
 * and inspections (io/capacity_file.h). Any input is read as each of:
 *   - data/me/capacity.csv: GN_OK with no error and both numbers set
 *     (at least 1), or GN_EINPUT with at least one error;
 *   - a pasted participants list: GN_OK with no error and at least one
 *     row, each with a clean name, M or F, a unit and a year of birth of
 *     0 or 1900-2199, lines in order; or GN_EINPUT with errors and no row;
 *   - a recommendations list: GN_OK with rows each with a unit and a text,
 *     or GN_EINPUT with errors and no row;
 * and, when short, as a name: cleaning it twice gives the same text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/capacity_file.h"

static void check_settings(const char *data, size_t size)
{
	cap_settings s;
	gn_diag *d = diag_new(50);
	gn_err rc = cap_settings_parse("s.csv", data, size, &s, d);
	if (rc == GN_OK) {
		if (diag_errors(d) || s.report_working_days < 1 || s.staff_target_percent < 1)
			abort();
	} else if (rc != GN_EINPUT || diag_errors(d) == 0) {
		abort();
	}
	diag_free(d);
}

static void check_participants(const char *data, size_t size)
{
	cap_participant_row *r = NULL;
	size_t n = 0;
	gn_diag *d = diag_new(50);
	gn_err rc = cap_participants_parse("p.csv", data, size, d, &r, &n);
	if (rc == GN_OK) {
		if (diag_errors(d) || n == 0 || !r)
			abort();
		for (size_t i = 0; i < n; i++) {
			if (!r[i].full_name[0] || (r[i].sex != 'M' && r[i].sex != 'F') ||
			    !r[i].unit_code[0] || !r[i].position ||
			    (r[i].birth_year && (r[i].birth_year < 1900 || r[i].birth_year > 2199)) ||
			    (i && r[i].line <= r[i - 1].line))
				abort();
			char *again = NULL;
			if (cap_clean_name(r[i].full_name, strlen(r[i].full_name), &again) ||
			    strcmp(again, r[i].full_name) != 0)
				abort();
			free(again);
		}
	} else if (rc != GN_EINPUT || diag_errors(d) == 0 || r || n) {
		abort();
	}
	cap_participants_free(r, n);
	diag_free(d);
}

static void check_recommendations(const char *data, size_t size)
{
	cap_rec_row *r = NULL;
	size_t n = 0;
	gn_diag *d = diag_new(50);
	gn_err rc = cap_recommendations_parse("r.csv", data, size, d, &r, &n);
	if (rc == GN_OK) {
		if (diag_errors(d))
			abort();
		for (size_t i = 0; i < n; i++)
			if (!r[i].unit_code[0] || !r[i].text[0])
				abort();
	} else if (rc != GN_EINPUT || diag_errors(d) == 0 || r || n) {
		abort();
	}
	cap_recommendations_free(r, n);
	diag_free(d);
}

static void check_name(const char *data, size_t size)
{
	char *once = NULL, *twice = NULL;
	if (cap_clean_name(data, size, &once) != GN_OK)
		return;
	if (cap_clean_name(once, strlen(once), &twice) != GN_OK || strcmp(once, twice) != 0)
		abort();
	free(once);
	free(twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_settings(s, size);
	check_participants(s, size);
	check_recommendations(s, size);
	if (size <= 256)
		check_name(s, size);
	return 0;
}
