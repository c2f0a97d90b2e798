/*
 * csv.h - a strict, fast RFC 4180 reader and a minimal writer.
 *
 * Layer: io. The reader reads a file (or a memory block) in large blocks and
 * hands out one record at a time as an array of field slices. It accepts
 * and skips a leading UTF-8 BOM, accepts LF and CRLF line ends, quoted
 * fields with commas, quotes ("") and line breaks, and skips lines that are
 * completely empty. It rejects, with a diagnostic naming file, line and
 * column: a quote inside an unquoted field, text after a closing quote, an
 * unterminated quoted field, a bare CR, a NUL byte, invalid UTF-8, a record
 * longer than CSV_MAX_RECORD. Field counts are not checked here (the caller
 * knows the header); see csv_check_width.
 *
 * Line numbers are physical lines, 1-based, of the first byte of a record
 * (the header is line 1), so a record holding a quoted line break moves
 * the next record's line by two.
 *
 * Ownership: csv_open* return a reader that csv_close frees (NULL accepted).
 * Field slices point into the reader's memory and stay valid until the next
 * csv_next or csv_close. They are not NUL-terminated. Text is not NFC-
 * normalised here: call text_nfc (text.h) on the text columns that need it.
 */
#ifndef GN_CSV_H
#define GN_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/err.h"

#define CSV_MAX_RECORD ((size_t)16 << 20) /* 16 MiB per record */

typedef struct csv_field {
	const char *p;
	size_t len;
} csv_field;

typedef struct csv_reader csv_reader;

/* Opens path. name is the label used in diagnostics (usually the path as
 * the user typed it). GN_EIO when the file cannot be opened (reported to d
 * when d is not NULL). */
gn_err csv_open(const char *path, const char *name, gn_diag *d,
		csv_reader **out);
/* Reads from the len bytes at data, which must outlive the reader. */
gn_err csv_open_mem(const char *name, const char *data, size_t len,
		    csv_reader **out);
/* Reads the records of path that start at byte offsets in [begin, end).
 * begin must be the start of a record (0, or just after a line end that is
 * not inside quotes); the last record may run past end. Line numbers count
 * from first_line. Used to parse one file on several threads; see
 * csv_next_offset to check the guess of begin. */
gn_err csv_open_range(const char *path, const char *name, off_t begin,
		      off_t end, long first_line, gn_diag *d,
		      csv_reader **out);
void csv_close(csv_reader *r);

/* Reads the next record into *fields (n of them). Returns GN_OK, or
 * GN_ENOTFOUND at the end of input (or of the range), or GN_EINPUT after a
 * structural error, reported to d; after GN_EINPUT the reader has skipped to
 * the next line and may be called again, but callers normally stop. GN_EIO
 * on a read error. */
gn_err csv_next(csv_reader *r, gn_diag *d, const csv_field **fields,
		size_t *n);

/* A fast path for callers that can parse a plain record themselves: when
 * the next record is one physical line ending in LF, holding no quote, CR
 * or NUL byte, *p and *n receive its bytes (without the LF) and GN_OK is
 * returned; the caller then either calls csv_consume_simple (it used the
 * record) or csv_next (it did not: csv_next returns that same record).
 * GN_ENOTFOUND means "use csv_next" (any other record, or the end);
 * GN_EIO a read error. Fields are not validated here (not even UTF-8). */
gn_err csv_peek_simple(csv_reader *r, gn_diag *d, const char **p, size_t *n);
/* Consumes the record of the last csv_peek_simple; csv_line and
 * csv_offset then describe it, as after csv_next. */
void csv_consume_simple(csv_reader *r);

/* Physical line of the record returned last. */
long csv_line(const csv_reader *r);
/* Byte offset of the record returned last. */
off_t csv_offset(const csv_reader *r);
/* After csv_next returned GN_ENOTFOUND on a range reader: the offset at
 * which the first record not returned starts (>= end, or the file size). */
off_t csv_next_offset(const csv_reader *r);
/* Physical lines consumed so far (for chaining ranges). */
long csv_lines_read(const csv_reader *r);
/* The diagnostic label given at open. */
const char *csv_name(const csv_reader *r);

/*
 * Header binding: columns are matched by name, case-insensitively, in any
 * order, after NFC normalisation and trimming of surrounding spaces.
 */
typedef struct csv_colspec {
	const char *name; /* lower-case column name */
	bool required;    /* a missing one is an error naming it */
} csv_colspec;

/* Binds the header record hdr (n fields) to spec (nspec entries): index[i]
 * receives the field position of spec[i] or -1 when absent. Unknown columns
 * give a warning, a duplicate column name or a missing required column an
 * error (line 1 of the file). Returns GN_EINPUT when any error was
 * reported. width receives n. */
gn_err csv_bind_header(csv_reader *r, const csv_field *hdr, size_t n,
		       const csv_colspec *spec, size_t nspec, int *index,
		       gn_diag *d);

/* Reads the header record of r and binds it (csv_bind_header); the
 * header's names are kept for csv_check_width's messages: *names holds
 * *width of them, freed with csv_free_names. GN_EINPUT (in d) for an empty
 * file or a bad header; nothing to free then. */
gn_err csv_read_header(csv_reader *r, const csv_colspec *spec, size_t nspec,
		       int *index, gn_diag *d, char ***names, size_t *width);
void csv_free_names(char **names, size_t n);

/* Checks that a record has as many fields as the header (width). Reports
 * "column NAME: missing (record has N fields, header has M)" naming the
 * first missing column (hdr_names may be NULL: then "column N"), or
 * "column N: unexpected extra field". Returns false on error. */
bool csv_check_width(const csv_reader *r, size_t n, size_t width,
		     const char *const *hdr_names, gn_diag *d);

/*
 * Writer: formats.md 7 - fields quoted only when they hold a comma, a quote,
 * CR or LF; quotes doubled; records end with "\n".
 */
gn_err csv_put_field(buf *out, const char *s, size_t n);
/* Appends fields[0..n) as one record with its line end. */
gn_err csv_put_record(buf *out, const char *const *fields, size_t n);

#endif
