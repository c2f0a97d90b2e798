/*
 * report_types_file.h - reads the report types of the reporting calendar
 * (data/me/report_types.csv) into a core/reporting.h set.
 *
 * Layer: io. Columns, matched by name (described for people in
 * data/me/report_types.md):
 *   code         a key of lower-case letters, digits and '_' (m01_half)
 *   form         the form of Circular 10/2022 ("Mẫu 01"), may be empty
 *   name_vi, name_en
 *   period       year | half | nine_months | quarter | month | once | adhoc
 *   months       month periods only: "1-8" or "1;4;7;10" (empty: every month)
 *   years        "2022" or "2021-2025" (empty: every year; required for once)
 *   levels       who sends it: "commune;district;province"
 *   due          a due rule of core/reporting.h ("before 06-01")
 *   remind_days  how many days before the due date reminders start (0-90;
 *                empty: 7)
 *   basis, note  where the rule comes from; free text
 * Every broken rule is reported in d naming the file, the line and the
 * column (an unknown period or level, a bad rule or one that cannot date
 * the type's periods, months on a type that is not monthly, a code listed
 * twice...); the reader keeps going to report them all and returns
 * GN_EINPUT when there was any (the set then holds the good rows only:
 * callers drop it).
 */
#ifndef GN_REPORT_TYPES_FILE_H
#define GN_REPORT_TYPES_FILE_H

#include <stddef.h>

#include "../core/diag.h"
#include "../core/err.h"
#include "../core/reporting.h"

/* Reads the file at path (name labels the messages) into ts. GN_EIO when
 * it cannot be read, GN_EINPUT when a row is bad or the file has none. */
gn_err report_types_load_file(rp_types *ts, const char *path, const char *name, gn_diag *d);
/* The same over CSV text in memory (len bytes at text). */
gn_err report_types_parse(rp_types *ts, const char *name, const char *text, size_t len,
			  gn_diag *d);

#endif
