/*
 * csv.c - the strict RFC 4180 reader and the small writer (csv.h).
 *
 * Layer: io. The reader looks at a window of the input: a block read from
 * the file into its own buffer, or, for csv_open_mem, the caller's bytes up
 * to the last line feed (no copy). Records are cut out of the window in
 * place: a field slice points into the window unless it held doubled
 * quotes, which are undone in a scratch buffer. A record that does not end
 * inside the window is parsed again from its start once the window has been
 * refilled (its start moved to the front of the buffer, the buffer grown if
 * needed), so each byte is normally scanned once.
 *
 * The scanning loops have no bounds checks: they stop on a byte that is
 * special in every state ('\n', '\r', '"', NUL), and the window guarantees
 * one is there, either because its last byte is '\n' (memory input) or
 * because a NUL follows it (own buffer, `padded`). A NUL at the window end
 * is told from a NUL in the data by its position. On x86-64 plain records
 * are cut 16 bytes at a time with SSE2 compares; everything else (quotes,
 * errors, the end of the window) goes through the byte-at-a-time loop.
 */
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../core/mem.h"
#include "csv_int.h"
#include "text.h"

#define BLOCK ((size_t)1 << 20) /* first read size */
#define PAD 64			/* readable bytes after the data */
#define NO_END ((off_t)INT64_MAX)

/* Settings that only tests change (csv_int.h). */
static size_t block_size = BLOCK;
static bool short_reads = false; /* one read of block_size per refill */
static bool fast_path = true;

void csv_testing(size_t block, bool fast)
{
	block_size = block ? block : BLOCK;
	short_reads = block != 0;
	fast_path = fast;
}

struct csv_reader {
	char *name;
	int fd; /* -1 for memory input */

	/* The window: data[0..len) are the input bytes at offset base. */
	const char *data;
	size_t len, pos; /* pos: where the next record (or empty line) starts */
	off_t base;
	bool padded; /* data[len] is a NUL and PAD bytes are readable */
	bool eof;    /* nothing follows data[len) */

	char *own; /* the reader's buffer: own_cap bytes + PAD */
	size_t own_cap;

	const char *mem; /* memory input */
	size_t mem_len;

	off_t end;     /* no record starting at or after end is returned */
	off_t next_off;
	bool done;
	bool bom_checked;
	bool resync; /* skip past the next '\n' before the next record */

	size_t peek_len; /* bytes of the record csv_peek_simple returned */
	long line; /* physical line of data[pos] */
	long first_line;
	long rec_line;
	off_t rec_off;

	csv_field *fields;
	size_t fcap;
	size_t *dq; /* indices of the fields that hold "" */
	size_t dqcap;
	char *scratch;
	size_t scratch_cap;
};

/* ---- diagnostics --------------------------------------------------------- */

static void report(const csv_reader *r, gn_diag *d, long line, size_t col,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* An error about the record at line; col is the 1-based field number, 0 for
 * none. d may be NULL (the caller only wants the return code). */
static void report(const csv_reader *r, gn_diag *d, long line, size_t col,
		   const char *fmt, ...)
{
	if (!d)
		return;
	char colname[24] = "";
	if (col)
		snprintf(colname, sizeof colname, "%zu", col);
	buf text;
	buf_init(&text, 4096);
	va_list ap;
	va_start(ap, fmt);
	if (buf_vprintf(&text, fmt, ap) != GN_OK)
		buf_reset(&text);
	va_end(ap);
	diag_error(d, r->name, line, colname, "%s", buf_cstr(&text));
	buf_free(&text);
}

/* ---- opening and closing ------------------------------------------------- */

static csv_reader *reader_new(const char *name)
{
	csv_reader *r = gn_xcalloc(1, sizeof *r);
	r->name = gn_xstrdup(name ? name : "");
	r->fd = -1;
	r->end = NO_END;
	r->line = 1;
	r->first_line = 1;
	r->rec_line = 0;
	r->fcap = 64;
	r->fields = gn_xreallocarray(NULL, r->fcap, sizeof *r->fields);
	return r;
}

gn_err csv_open(const char *path, const char *name, gn_diag *d,
		csv_reader **out)
{
	return csv_open_range(path, name, 0, NO_END, 1, d, out);
}

gn_err csv_open_range(const char *path, const char *name, off_t begin,
		      off_t end, long first_line, gn_diag *d,
		      csv_reader **out)
{
	*out = NULL;
	if (!name)
		name = path;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (d)
			diag_error(d, name, 0, "", "cannot open: %s",
				   strerror(errno));
		return GN_EIO;
	}
	if (begin > 0 && lseek(fd, begin, SEEK_SET) < 0) {
		if (d)
			diag_error(d, name, 0, "", "cannot seek: %s",
				   strerror(errno));
		close(fd);
		return GN_EIO;
	}
	csv_reader *r = reader_new(name);
	r->fd = fd;
	r->base = begin;
	r->end = end;
	r->line = first_line;
	r->first_line = first_line;
	r->own_cap = block_size;
	r->own = gn_xcalloc(1, r->own_cap + PAD);
	r->data = r->own;
	r->padded = true;
	r->bom_checked = begin != 0;
	*out = r;
	return GN_OK;
}

gn_err csv_open_mem(const char *name, const char *data, size_t len,
		    csv_reader **out)
{
	csv_reader *r = reader_new(name);
	r->mem = data;
	r->mem_len = len;
	/* The window is the input up to its last '\n'; what follows (one
	 * record at most) is copied with a NUL after it on the refill. */
	const char *nl = len ? memrchr(data, '\n', len) : NULL;
	r->data = data;
	r->len = nl ? (size_t)(nl - data) + 1 : 0;
	r->eof = r->len == len;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 && r->len) {
		r->pos = 3;
		r->bom_checked = true;
	} else {
		r->bom_checked = r->len != 0;
	}
	*out = r;
	return GN_OK;
}

void csv_close(csv_reader *r)
{
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	free(r->name);
	free(r->own);
	free(r->fields);
	free(r->dq);
	free(r->scratch);
	free(r);
}

/* ---- refilling the window ------------------------------------------------ */

static size_t count_lf(const char *p, size_t n)
{
	size_t k = 0;
	const char *e = p + n;
	while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* The record at pos has grown past CSV_MAX_RECORD without ending: report
 * it and drop the window, counting its lines. */
static gn_err too_long(csv_reader *r, gn_diag *d)
{
	report(r, d, r->line, 0, "record longer than %zu MiB",
	       CSV_MAX_RECORD >> 20);
	r->line += (long)count_lf(r->data + r->pos, r->len - r->pos);
	r->pos = r->len;
	r->resync = true;
	return GN_EINPUT;
}

/* Memory input: the rest after the window becomes a window of its own. */
static gn_err refill_mem(csv_reader *r, gn_diag *d)
{
	size_t from = (size_t)r->base + r->pos;
	size_t rest = r->mem_len - from;
	if (rest > CSV_MAX_RECORD) {
		/* No '\n' after the old window: this is one record. */
		r->data = r->mem;
		r->base = 0;
		r->pos = from;
		r->len = r->mem_len;
		r->eof = true;
		r->padded = false;
		gn_err rc = too_long(r, d);
		r->done = true;
		r->next_off = (off_t)r->mem_len;
		return rc;
	}
	r->own = gn_xmalloc(rest + PAD);
	memcpy(r->own, r->mem + from, rest);
	memset(r->own + rest, 0, PAD);
	r->own_cap = rest;
	r->data = r->own;
	r->base = (off_t)from;
	r->pos = 0;
	r->len = rest;
	r->padded = true;
	r->eof = true;
	return GN_OK;
}

/* File input: keeps data[pos..len), moved to the front, and reads until
 * the buffer is full or the file ends. */
static gn_err refill(csv_reader *r, gn_diag *d)
{
	if (r->fd < 0)
		return refill_mem(r, d);

	size_t keep = r->len - r->pos;
	if (keep > CSV_MAX_RECORD)
		return too_long(r, d);
	if (r->pos) {
		memmove(r->own, r->own + r->pos, keep);
		r->base += (off_t)r->pos;
		r->pos = 0;
		r->len = keep;
	}
	if (r->len == r->own_cap) {
		/* The window never grows past a whole record and a block. */
		size_t cap = r->own_cap * 2;
		if (cap > CSV_MAX_RECORD + block_size)
			cap = CSV_MAX_RECORD + block_size;
		r->own = gn_xrealloc(r->own, cap + PAD);
		memset(r->own + r->own_cap, 0, cap - r->own_cap + PAD);
		r->own_cap = cap;
		r->data = r->own;
	}
	while (r->len < r->own_cap) {
		size_t want = r->own_cap - r->len;
		if (short_reads && want > block_size)
			want = block_size;
		ssize_t got = read(r->fd, r->own + r->len, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			if (d)
				diag_error(d, r->name, 0, "", "read error: %s",
					   strerror(errno));
			r->done = true;
			return GN_EIO;
		}
		if (got == 0) {
			r->eof = true;
			break;
		}
		r->len += (size_t)got;
		if (short_reads)
			break;
	}
	r->own[r->len] = '\0';
	return GN_OK;
}

/* ---- the record parser --------------------------------------------------- */

enum { P_REC, P_MORE, P_ERR, P_END };

/* Byte classes: nonzero stops the scan of an unquoted field (PLAIN) or of
 * a quoted one (QUOTED). */
enum { PLAIN = 1, QUOTED = 2 };
static const unsigned char cls[256] = {
	['\0'] = PLAIN | QUOTED,
	['\n'] = PLAIN | QUOTED,
	['\r'] = PLAIN | QUOTED,
	['"'] = PLAIN | QUOTED,
	[','] = PLAIN,
};

static void grow_fields(csv_reader *r, size_t need)
{
	if (need <= r->fcap)
		return;
	size_t cap = r->fcap * 2;
	while (cap < need)
		cap *= 2;
	r->fields = gn_xreallocarray(r->fields, cap, sizeof *r->fields);
	r->fcap = cap;
}

static inline void push(csv_reader *r, size_t *nf, const char *p, size_t len)
{
	if (*nf == r->fcap)
		grow_fields(r, *nf + 1);
	r->fields[*nf].p = p;
	r->fields[*nf].len = len;
	(*nf)++;
}

static void push_dq(csv_reader *r, size_t *ndq, size_t field)
{
	if (*ndq == r->dqcap) {
		r->dqcap = r->dqcap ? r->dqcap * 2 : 8;
		r->dq = gn_xreallocarray(r->dq, r->dqcap, sizeof *r->dq);
	}
	r->dq[(*ndq)++] = field;
}

/* Undoes the doubled quotes of the fields listed in r->dq. */
static void unescape(csv_reader *r, size_t ndq)
{
	size_t total = 0;
	for (size_t k = 0; k < ndq; k++)
		total += r->fields[r->dq[k]].len;
	if (total > r->scratch_cap) {
		free(r->scratch);
		r->scratch = gn_xmalloc(total);
		r->scratch_cap = total;
	}
	char *w = r->scratch;
	for (size_t k = 0; k < ndq; k++) {
		csv_field *f = &r->fields[r->dq[k]];
		const char *s = f->p, *e = f->p + f->len;
		char *start = w;
		while (s < e) {
			const char *q = memchr(s, '"', (size_t)(e - s));
			size_t run = q ? (size_t)(q - s) + 1 : (size_t)(e - s);
			memcpy(w, s, run);
			w += run;
			s += run + (q != NULL); /* skip the second quote */
		}
		f->p = start;
		f->len = (size_t)(w - start);
	}
}

#if defined(__SSE2__)
/* Cuts the unquoted fields of the record at *pp 16 bytes at a time, up to
 * the first special byte ('\n', '\r', '"', NUL). Returns true when the
 * record ended there on a '\n' (*pp then points at it); false leaves *pp
 * at the start of the field to finish byte by byte. *high collects the
 * bytes >= 0x80 seen. */
static inline bool cut_fast(csv_reader *r, const char **pp, const char *end,
			    size_t *nfp, unsigned *high)
{
	const char *p = *pp, *fstart = p;
	size_t nf = *nfp;
	const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'),
		      cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"'),
		      zero = _mm_setzero_si128();

	while (r->padded || end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned mc = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
		__m128i s = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)),
			_mm_or_si128(_mm_cmpeq_epi8(v, quote),
				     _mm_cmpeq_epi8(v, zero)));
		unsigned ms = (unsigned)_mm_movemask_epi8(s);
		unsigned first = 16, before = 0xFFFF;
		if (ms) {
			first = (unsigned)__builtin_ctz(ms);
			before = (1u << first) - 1;
			mc &= before;
		}
		*high |= (unsigned)_mm_movemask_epi8(v) & before;
		if (nf + 16 > r->fcap)
			grow_fields(r, nf + 16);
		csv_field *f = r->fields + nf;
		nf += (size_t)__builtin_popcount(mc);
		while (mc) {
			const char *q = p + __builtin_ctz(mc);
			f->p = fstart;
			f->len = (size_t)(q - fstart);
			f++;
			fstart = q + 1;
			mc &= mc - 1;
		}
		if (ms) {
			p += first;
			*nfp = nf;
			if (*p == '\n') {
				push(r, nfp, fstart, (size_t)(p - fstart));
				*pp = p;
				return true;
			}
			*pp = fstart;
			return false;
		}
		p += 16;
	}
	*nfp = nf;
	*pp = fstart;
	return false;
}
#endif

/*
 * Cuts the next record out of the window. P_REC: r->fields holds it and
 * r->pos is past it. P_MORE: the window ends inside it (r->pos at its
 * start): refill and call again. P_END: no record left (in the range).
 * P_ERR: reported; r->pos and r->resync say where to go on.
 */
static int parse(csv_reader *r, gn_diag *d, size_t *nout)
{
	const char *const data = r->data;
	const char *const end = data + r->len;
	const char *p = data + r->pos;
	long line = r->line;
	const bool eof = r->eof;

	/* Empty lines, and the end of the range or of the input. */
	for (;;) {
		if (r->base + (off_t)(p - data) >= r->end) {
			r->pos = (size_t)(p - data);
			r->line = line;
			r->next_off = r->base + (off_t)r->pos;
			return P_END;
		}
		if (p == end) {
			r->pos = r->len;
			r->line = line;
			if (!eof)
				return P_MORE;
			r->next_off = r->base + (off_t)r->len;
			return P_END;
		}
		if (*p == '\n') {
			p++;
			line++;
			continue;
		}
		if (*p == '\r' && p + 1 < end && p[1] == '\n') {
			p += 2;
			line++;
			continue;
		}
		if (*p == '\r' && p + 1 == end && !eof) {
			r->pos = (size_t)(p - data);
			r->line = line;
			return P_MORE;
		}
		break;
	}
	r->pos = (size_t)(p - data);
	r->line = line;

	const char *const rec = p;
	const long rec_line = line;
	const char *fstart, *rec_end, *err_at;
	size_t nf = 0, ndq = 0, err_col;
	unsigned high = 0;
	long qline;

#if defined(__SSE2__)
	if (fast_path && cut_fast(r, &p, end, &nf, &high)) {
		rec_end = p;
		p++;
		line++;
		goto record;
	}
#endif
	/* Byte by byte from here: check the whole record's UTF-8 at the end
	 * (a record is valid exactly when each of its fields is). */
	high = 1;

field:
	fstart = p;
	if (*p == '"')
		goto quoted;
	for (;;) {
		while (!(cls[(unsigned char)*p] & PLAIN))
			p++;
		switch (*p) {
		case ',':
			push(r, &nf, fstart, (size_t)(p - fstart));
			p++;
			goto field;
		case '\n':
			push(r, &nf, fstart, (size_t)(p - fstart));
			rec_end = p;
			p++;
			line++;
			goto record;
		case '\r':
			if (p + 1 == end && !eof)
				return P_MORE;
			if (p + 1 < end && p[1] == '\n') {
				push(r, &nf, fstart, (size_t)(p - fstart));
				rec_end = p;
				p += 2;
				line++;
				goto record;
			}
			err_at = p;
			err_col = nf + 1;
			goto bare_cr;
		case '"':
			report(r, d, rec_line, nf + 1,
			       "malformed quoting: quote inside an unquoted field");
			err_at = p;
			goto resync;
		default: /* NUL */
			if (p == end) {
				if (!eof)
					return P_MORE;
				push(r, &nf, fstart, (size_t)(p - fstart));
				rec_end = p;
				goto record;
			}
			err_at = p;
			err_col = nf + 1;
			goto nul;
		}
	}

quoted:
	qline = line;
	p++;
	fstart = p;
	for (;;) {
		while (!(cls[(unsigned char)*p] & QUOTED))
			p++;
		switch (*p) {
		case '"':
			if (p + 1 == end) {
				if (!eof)
					return P_MORE;
			} else if (p[1] == '"') {
				if (ndq == 0 || r->dq[ndq - 1] != nf)
					push_dq(r, &ndq, nf);
				p += 2;
				continue;
			}
			push(r, &nf, fstart, (size_t)(p - fstart));
			p++;
			if (*p == ',') {
				p++;
				goto field;
			}
			if (*p == '\n') {
				rec_end = p;
				p++;
				line++;
				goto record;
			}
			if (*p == '\r') {
				if (p + 1 == end && !eof)
					return P_MORE;
				if (p + 1 < end && p[1] == '\n') {
					rec_end = p;
					p += 2;
					line++;
					goto record;
				}
				err_at = p;
				err_col = nf;
				goto bare_cr;
			}
			if (p == end) {
				if (!eof)
					return P_MORE;
				rec_end = p;
				goto record;
			}
			report(r, d, rec_line, nf,
			       "malformed quoting: text after closing quote");
			err_at = p;
			goto resync;
		case '\n':
			p++;
			line++;
			if (p == end)
				goto quote_at_end;
			continue;
		case '\r':
			if (p + 1 == end)
				goto quote_at_end;
			if (p[1] == '\n') {
				p += 2;
				line++;
				if (p == end)
					goto quote_at_end;
				continue;
			}
			err_at = p;
			err_col = nf + 1;
			goto bare_cr;
		default: /* NUL */
			if (p == end)
				goto quote_at_end;
			err_at = p;
			err_col = nf + 1;
			goto nul;
		}
	}

quote_at_end:
	if (!eof)
		return P_MORE;
	report(r, d, rec_line, nf + 1,
	       "unterminated quoted field (opened on line %ld)", qline);
	r->pos = r->len;
	r->line = line;
	r->resync = false;
	return P_ERR;

bare_cr:
	report(r, d, rec_line, err_col, "bare carriage return");
	goto resync;
nul:
	report(r, d, rec_line, err_col, "NUL byte");
resync:
	r->pos = (size_t)(err_at - data);
	r->line = line;
	r->resync = true;
	return P_ERR;

record:
	/* The record is whole: from here on errors skip just it. */
	r->pos = (size_t)(p - data);
	r->line = line;
	r->resync = false;
	r->rec_line = rec_line;
	r->rec_off = r->base + (off_t)(rec - data);
	if ((size_t)(rec_end - rec) > CSV_MAX_RECORD) {
		report(r, d, rec_line, 0, "record longer than %zu MiB",
		       CSV_MAX_RECORD >> 20);
		return P_ERR;
	}
	size_t bad;
	if (high && !text_valid_utf8(rec, (size_t)(rec_end - rec), &bad)) {
		const char *b = rec + bad;
		size_t k = 0;
		while (k + 1 < nf && r->fields[k + 1].p <= b)
			k++;
		report(r, d, rec_line, k + 1,
		       "invalid UTF-8 at byte %zu of the field",
		       (size_t)(b - r->fields[k].p) + 1);
		return P_ERR;
	}
	if (ndq)
		unescape(r, ndq);
	*nout = nf;
	return P_REC;
}

/* Skips past the next '\n' after an error inside a line. */
static gn_err skip_line(csv_reader *r, gn_diag *d)
{
	for (;;) {
		const char *s = r->data + r->pos;
		const char *nl = memchr(s, '\n', r->len - r->pos);
		if (nl) {
			r->pos = (size_t)(nl - r->data) + 1;
			r->line++;
			r->resync = false;
			return GN_OK;
		}
		r->pos = r->len;
		if (r->eof) {
			r->resync = false;
			return GN_OK;
		}
		gn_err rc = refill(r, d);
		if (rc)
			return rc;
	}
}

gn_err csv_next(csv_reader *r, gn_diag *d, const csv_field **fields,
		size_t *n)
{
	*fields = NULL;
	*n = 0;
	for (;;) {
		if (r->done)
			return GN_ENOTFOUND;
		if (r->resync) {
			gn_err rc = skip_line(r, d);
			if (rc)
				return rc;
		}
		if (!r->bom_checked) {
			if (r->len - r->pos < 3 && !r->eof) {
				gn_err rc = refill(r, d);
				if (rc)
					return rc;
				continue;
			}
			if (r->base == 0 && r->pos == 0 && r->len >= 3 &&
			    memcmp(r->data, "\xEF\xBB\xBF", 3) == 0)
				r->pos = 3;
			r->bom_checked = true;
		}
		size_t nf = 0;
		switch (parse(r, d, &nf)) {
		case P_REC:
			*fields = r->fields;
			*n = nf;
			return GN_OK;
		case P_ERR:
			return GN_EINPUT;
		case P_END:
			r->done = true;
			return GN_ENOTFOUND;
		default: {
			gn_err rc = refill(r, d);
			if (rc)
				return rc;
		}
		}
	}
}

gn_err csv_peek_simple(csv_reader *r, gn_diag *d, const char **p, size_t *n)
{
	if (r->done || r->resync || !r->bom_checked)
		return GN_ENOTFOUND;
	for (;;) {
		if (r->base + (off_t)r->pos >= r->end)
			return GN_ENOTFOUND;
		const char *s = r->data + r->pos;
		size_t avail = r->len - r->pos;
		/* One pass: the line end, and whether a quote, CR or NUL comes
		 * before it. */
		const char *nl = NULL;
		unsigned odd = 0;
		size_t i = 0;
#ifdef __SSE2__
		const __m128i lf = _mm_set1_epi8('\n'), qu = _mm_set1_epi8('"'),
			      cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();
		for (; i + 16 <= avail; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			unsigned e = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf));
			unsigned o = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, qu), _mm_cmpeq_epi8(v, cr)),
				_mm_cmpeq_epi8(v, nul)));
			if (e) {
				unsigned k = (unsigned)__builtin_ctz(e);
				odd |= o & ((1u << k) - 1);
				nl = s + i + k;
				break;
			}
			odd |= o;
			if (odd)
				return GN_ENOTFOUND;
		}
#endif
		for (; !nl && i < avail; i++) {
			char c = s[i];
			if (c == '\n')
				nl = s + i;
			else if (c == '"' || c == '\r' || c == '\0')
				return GN_ENOTFOUND;
		}
		if (odd)
			return GN_ENOTFOUND;
		if (!nl) {
			/* Refill only for an ordinary line cut by the window's end;
			 * anything long or final is csv_next's. */
			if (r->eof || avail > ((size_t)1 << 16))
				return GN_ENOTFOUND;
			gn_err rc = refill(r, d);
			if (rc)
				return rc == GN_EIO ? GN_EIO : GN_ENOTFOUND;
			continue;
		}
		size_t len = (size_t)(nl - s);
		if (len == 0)
			return GN_ENOTFOUND;
		r->peek_len = len;
		*p = s;
		*n = len;
		return GN_OK;
	}
}

void csv_consume_simple(csv_reader *r)
{
	r->rec_line = r->line;
	r->rec_off = r->base + (off_t)r->pos;
	r->pos += r->peek_len + 1;
	r->line++;
}

long csv_line(const csv_reader *r) { return r->rec_line; }
off_t csv_offset(const csv_reader *r) { return r->rec_off; }
off_t csv_next_offset(const csv_reader *r) { return r->next_off; }
long csv_lines_read(const csv_reader *r) { return r->line - r->first_line; }
const char *csv_name(const csv_reader *r) { return r->name; }

/* ---- header binding ------------------------------------------------------ */

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool name_is(const char *s, size_t n, const char *lower)
{
	size_t k = strlen(lower);
	if (n != k)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lower[i])
			return false;
	}
	return true;
}

gn_err csv_bind_header(csv_reader *r, const csv_field *hdr, size_t n,
		       const csv_colspec *spec, size_t nspec, int *index,
		       gn_diag *d)
{
	const char *name = r ? r->name : "";
	long line = r && r->rec_line ? r->rec_line : 1;
	size_t errors = 0;
	buf norm;
	buf_init(&norm, 0);

	for (size_t i = 0; i < nspec; i++)
		index[i] = -1;
	for (size_t j = 0; j < n; j++) {
		const char *s = hdr[j].p;
		size_t len = hdr[j].len;
		while (len && is_space(*s)) {
			s++;
			len--;
		}
		while (len && is_space(s[len - 1]))
			len--;
		buf_reset(&norm);
		if (text_nfc(s, len, &norm) != GN_OK) {
			buf_reset(&norm);
			buf_put(&norm, s, len);
		}
		const char *h = buf_cstr(&norm);
		char pos[24];
		snprintf(pos, sizeof pos, "%zu", j + 1);
		const char *label = norm.len ? h : pos;

		size_t i = 0;
		while (i < nspec && !name_is(h, norm.len, spec[i].name))
			i++;
		if (i == nspec) {
			if (d)
				diag_warn(d, name, line, label,
					  "unknown column, ignored");
		} else if (index[i] >= 0) {
			errors++;
			if (d)
				diag_error(d, name, line, label,
					   "duplicate column (also column %d)",
					   index[i] + 1);
		} else if (j > (size_t)INT32_MAX) {
			errors++;
			if (d)
				diag_error(d, name, line, label,
					   "too many columns");
		} else {
			index[i] = (int)j;
		}
	}
	for (size_t i = 0; i < nspec; i++) {
		if (spec[i].required && index[i] < 0) {
			errors++;
			if (d)
				diag_error(d, name, line, spec[i].name,
					   "required column missing");
		}
	}
	buf_free(&norm);
	return errors ? GN_EINPUT : GN_OK;
}

gn_err csv_read_header(csv_reader *r, const csv_colspec *spec, size_t nspec,
		       int *index, gn_diag *d, char ***names, size_t *width)
{
	const csv_field *f;
	size_t n;
	gn_err rc = csv_next(r, d, &f, &n);
	if (rc == GN_ENOTFOUND) {
		diag_error(d, r->name, 1, "", "the file is empty (a header row is required)");
		return GN_EINPUT;
	}
	if (rc)
		return rc;
	if ((rc = csv_bind_header(r, f, n, spec, nspec, index, d)))
		return rc;
	char **nm = gn_xcalloc(n ? n : 1, sizeof *nm);
	for (size_t i = 0; i < n; i++)
		nm[i] = gn_xstrndup(f[i].p, f[i].len);
	*names = nm;
	*width = n;
	return GN_OK;
}

void csv_free_names(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

bool csv_check_width(const csv_reader *r, size_t n, size_t width,
		     const char *const *hdr_names, gn_diag *d)
{
	if (n == width)
		return true;
	if (!d)
		return false;
	char col[24];
	if (n < width) {
		const char *label = hdr_names ? hdr_names[n] : NULL;
		if (!label) {
			snprintf(col, sizeof col, "%zu", n + 1);
			label = col;
		}
		diag_error(d, r->name, r->rec_line, label,
			   "missing (record has %zu fields, header has %zu)", n,
			   width);
	} else {
		snprintf(col, sizeof col, "%zu", width + 1);
		diag_error(d, r->name, r->rec_line, col,
			   "unexpected extra field");
	}
	return false;
}

/* ---- writer -------------------------------------------------------------- */

gn_err csv_put_field(buf *out, const char *s, size_t n)
{
	bool quote = false;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
			s[i] == '\n';
	if (!quote)
		return buf_put(out, s, n);

	gn_err rc = buf_putc(out, '"');
	const char *e = s + n;
	while (!rc && s < e) {
		const char *q = memchr(s, '"', (size_t)(e - s));
		size_t run = q ? (size_t)(q - s) + 1 : (size_t)(e - s);
		rc = buf_put(out, s, run);
		if (!rc && q)
			rc = buf_putc(out, '"');
		s += run;
	}
	if (!rc)
		rc = buf_putc(out, '"');
	return rc;
}

gn_err csv_put_record(buf *out, const char *const *fields, size_t n)
{
	gn_err rc = GN_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		if (i)
			rc = buf_putc(out, ',');
		if (!rc)
			rc = csv_put_field(out, fields[i],
					   fields[i] ? strlen(fields[i]) : 0);
	}
	if (!rc)
		rc = buf_putc(out, '\n');
	return rc;
}
