/* households_file.c - households.csv reader. Layer: io.
 * See households_file.h for the contract. */
#include "households_file.h"

#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../core/mem.h"
#include "csv.h"
#include "text.h"
#include "value.h"

static const char *const cause_names[CAUSE_COUNT] = {
	"land", "capital", "labour", "tools", "knowhow", "skills", "illness", "other",
};
static const char *const cause_names_vi[CAUSE_COUNT] = {
	"Thiếu đất sản xuất", "Thiếu vốn", "Thiếu lao động", "Thiếu phương tiện sản xuất",
	"Không biết cách làm ăn", "Không có tay nghề", "Ốm đau, bệnh nặng", "Nguyên nhân khác",
};

const char *cause_name(int i)
{
	return i >= 0 && i < CAUSE_COUNT ? cause_names[i] : NULL;
}

const char *cause_name_vi(int i)
{
	return i >= 0 && i < CAUSE_COUNT ? cause_names_vi[i] : NULL;
}

enum {
	C_ID, C_YEAR, C_UNIT, C_VILLAGE, C_MEMBERS, C_INCOME, C_SCORE_A, C_SCORE_B,
	C_AREA, C_HEAD_NAME, C_HEAD_SEX, C_HEAD_BIRTH, C_HEAD_ETHN, C_ID_NUMBER,
	C_MERIT, C_NO_LABOUR, C_SOCIAL, C_CAUSES, C_FIXED
};

static const csv_colspec fixed_spec[C_FIXED] = {
	{"household_id", true}, {"year", true}, {"unit_code", true},
	{"village", false}, {"members", true}, {"income", false},
	{"score_a", false}, {"score_b", false}, {"area", false},
	{"head_name", false}, {"head_sex", false}, {"head_birth_year", false},
	{"head_ethnicity", false}, {"id_number", false}, {"merit", false},
	{"no_labour", false}, {"social_protection", false}, {"causes", false},
};

/* What the fast path does with a field, by position (see parse_fast). */
enum {
	K_OTHER, K_ID, K_YEAR, K_UNIT, K_VILLAGE, K_NAME, K_MEMBERS, K_INCOME, K_SCORE_A,
	K_SCORE_B, K_AREA, K_SEX, K_BIRTH, K_ETHN, K_IDNUM, K_MERIT, K_NO_LABOUR,
	K_SOCIAL, K_CAUSES, K_FLAG
};
#define FAST_MAX_WIDTH 64

typedef struct binding {
	size_t width;
	uint8_t kind[FAST_MAX_WIDTH];  /* by field position */
	uint8_t bit[FAST_MAX_WIDTH];   /* catalogue bit of a K_FLAG field */
	uint8_t attr[FAST_MAX_WIDTH];  /* positions the fast path parses one by one */
	size_t nattr;
	char **names;             /* header names, for messages */
	int idx[C_FIXED + STD_MAX_CATALOGUE];
	size_t nflags;            /* catalogue size */
	const char *flag_key[STD_MAX_CATALOGUE];
	int refs;
} binding;

struct hh_reader {
	csv_reader *csv;
	binding *b;
	const unit_set *u;
	const std_set *s;
	char *path;
	uint32_t reported_missing; /* flag columns already reported */
	/* one-entry cache of the last unit code and year */
	char last_code[32];
	size_t last_code_len;
	int last_year;
	int32_t last_unit;
	int last_area;
	int last_unit_err;         /* 0 ok, 1 unknown, 2 wrong level */
	int std_year;              /* cache of the standard of a year */
	const standard *std;
	bool std_cols;             /* the file has every flag column of std */
	uint8_t fpos[STD_MAX_INDICATORS]; /* field positions of std's flags */
	uint8_t fbit[STD_MAX_INDICATORS]; /* and their catalogue bits */
	int nf;
	bool fast;                 /* try parse_fast first */
};

static bool fast_enabled = true;

void hhfile_testing(bool fast)
{
	fast_enabled = fast;
}

static gn_err parse_general(hh_reader *r, hh_row *row, gn_diag *d);

static void binding_release(binding *b)
{
	if (!b || --b->refs > 0)
		return;
	for (size_t i = 0; i < b->width; i++)
		free(b->names[i]);
	free(b->names);
	free(b);
}

const char *hhfile_name(const hh_reader *r)
{
	return csv_name(r->csv);
}

void hhfile_close(hh_reader *r)
{
	if (!r)
		return;
	csv_close(r->csv);
	binding_release(r->b);
	free(r->path);
	free(r);
}

static gn_err bind(hh_reader *r, gn_diag *d)
{
	const csv_field *f;
	size_t n;
	gn_err rc = csv_next(r->csv, d, &f, &n);
	const char *name = csv_name(r->csv);
	if (rc == GN_ENOTFOUND) {
		diag_error(d, name, 1, "", "the file is empty (a header row is required)");
		return GN_EINPUT;
	}
	if (rc)
		return rc;
	binding *b = gn_xcalloc(1, sizeof *b);
	b->refs = 1;
	r->b = b;
	b->width = n;
	b->names = gn_xcalloc(n ? n : 1, sizeof *b->names);
	for (size_t i = 0; i < n; i++)
		b->names[i] = gn_xstrndup(f[i].p, f[i].len);
	csv_colspec spec[C_FIXED + STD_MAX_CATALOGUE];
	memcpy(spec, fixed_spec, sizeof fixed_spec);
	b->nflags = std_set_nindicators(r->s);
	for (size_t i = 0; i < b->nflags; i++) {
		b->flag_key[i] = std_set_catalogue(r->s, (int)i)->key;
		spec[C_FIXED + i] = (csv_colspec){b->flag_key[i], false};
	}
	rc = csv_bind_header(r->csv, f, n, spec, C_FIXED + b->nflags, b->idx, d);
	if (rc == GN_OK && n <= FAST_MAX_WIDTH) {
		static const uint8_t fixed_kind[C_FIXED] = {
			[C_ID] = K_ID, [C_YEAR] = K_YEAR, [C_UNIT] = K_UNIT,
			[C_VILLAGE] = K_VILLAGE, [C_MEMBERS] = K_MEMBERS,
			[C_INCOME] = K_INCOME, [C_SCORE_A] = K_SCORE_A,
			[C_SCORE_B] = K_SCORE_B, [C_AREA] = K_AREA,
			[C_HEAD_NAME] = K_NAME, [C_HEAD_SEX] = K_SEX,
			[C_HEAD_BIRTH] = K_BIRTH, [C_HEAD_ETHN] = K_ETHN,
			[C_ID_NUMBER] = K_IDNUM, [C_MERIT] = K_MERIT,
			[C_NO_LABOUR] = K_NO_LABOUR, [C_SOCIAL] = K_SOCIAL,
			[C_CAUSES] = K_CAUSES,
		};
		for (int c = 0; c < C_FIXED; c++)
			if (b->idx[c] >= 0)
				b->kind[b->idx[c]] = fixed_kind[c];
		for (size_t i = 0; i < b->nflags; i++) {
			int pos = b->idx[C_FIXED + i];
			if (pos >= 0) {
				b->kind[pos] = K_FLAG;
				b->bit[pos] = (uint8_t)i;
			}
		}
		for (size_t k = 0; k < n; k++)
			if (b->kind[k] != K_OTHER && b->kind[k] != K_FLAG &&
			    b->kind[k] != K_YEAR && b->kind[k] != K_UNIT)
				b->attr[b->nattr++] = (uint8_t)k;
		r->fast = fast_enabled;
	}
	if (rc == GN_OK && b->idx[C_INCOME] < 0 && b->idx[C_SCORE_A] < 0) {
		diag_error(d, name, 1, "income",
			   "neither an income nor a score_a column (one of them is required)");
		rc = GN_EINPUT;
	}
	return rc;
}

static hh_reader *reader_new(const unit_set *u, const std_set *s)
{
	hh_reader *r = gn_xcalloc(1, sizeof *r);
	r->u = u;
	r->s = s;
	r->last_year = -1;
	r->std_year = -1;
	return r;
}

gn_err hhfile_open(const char *path, const char *name, const unit_set *u,
		   const std_set *s, gn_diag *d, hh_reader **out)
{
	hh_reader *r = reader_new(u, s);
	r->path = gn_xstrdup(path);
	gn_err rc = csv_open(path, name, d, &r->csv);
	if (rc == GN_OK)
		rc = bind(r, d);
	if (rc) {
		hhfile_close(r);
		return rc;
	}
	*out = r;
	return GN_OK;
}

gn_err hhfile_open_mem(const char *name, const char *data, size_t len,
		       const unit_set *u, const std_set *s, gn_diag *d,
		       hh_reader **out)
{
	hh_reader *r = reader_new(u, s);
	gn_err rc = csv_open_mem(name, data, len, &r->csv);
	if (rc == GN_OK)
		rc = bind(r, d);
	if (rc) {
		hhfile_close(r);
		return rc;
	}
	*out = r;
	return GN_OK;
}

gn_err hhfile_open_range(const hh_reader *proto, off_t begin, off_t end,
			 long first_line, gn_diag *d, hh_reader **out)
{
	if (!proto->path)
		return GN_EINTERNAL;
	hh_reader *r = reader_new(proto->u, proto->s);
	r->path = gn_xstrdup(proto->path);
	gn_err rc = csv_open_range(proto->path, csv_name(proto->csv), begin, end,
				   first_line, d, &r->csv);
	if (rc) {
		hhfile_close(r);
		return rc;
	}
	r->b = proto->b;
	r->b->refs++;
	r->fast = proto->fast;
	*out = r;
	return GN_OK;
}

off_t hhfile_next_offset(const hh_reader *r)
{
	return csv_next_offset(r->csv);
}

/* ---- one row ------------------------------------------------------------- */

static const csv_field empty_field = {"", 0};

static inline const csv_field *col(const binding *b, const csv_field *f, int c)
{
	int i = b->idx[c];
	return i >= 0 ? &f[i] : &empty_field;
}

#define SHOW(v) (int)((v)->len > 60 ? 60 : (v)->len), (v)->p

static inline bool flag_value(const csv_field *v, bool *out)
{
	if (v->len == 1 && (v->p[0] == '0' || v->p[0] == '1')) {
		*out = v->p[0] == '1';
		return true;
	}
	return val_bool(v->p, v->len, out);
}

/* Resolves the unit of a row, with a one-entry cache. */
static int resolve_unit(hh_reader *r, const csv_field *code, int year,
			int32_t *unit, int *area)
{
	if (year == r->last_year && code->len == r->last_code_len &&
	    memcmp(code->p, r->last_code, code->len) == 0) {
		*unit = r->last_unit;
		*area = r->last_area;
		return r->last_unit_err;
	}
	int err = 0;
	int32_t c = units_find(r->u, code->p, code->len);
	size_t nv = 0;
	if (c >= 0)
		units_versions(r->u, c, &nv);
	if (nv == 0) {
		err = 1;
	} else {
		const unit_version *v = units_nearest(r->u, c, date_year_end(year));
		if (!unit_level_holds_households(v->level))
			err = 2;
		else
			*area = units_urban(r->u, c, date_year_end(year)) ? AREA_URBAN : AREA_RURAL;
	}
	*unit = c;
	if (code->len <= sizeof r->last_code) {
		memcpy(r->last_code, code->p, code->len);
		r->last_code_len = code->len;
		r->last_year = year;
		r->last_unit = c;
		r->last_area = *area;
		r->last_unit_err = err;
	} else {
		r->last_year = -1;
	}
	return err;
}

/* The CAUSE_* bit of the n bytes at s, or -1. */
static int cause_bit(const char *s, size_t n)
{
	static const size_t len[CAUSE_COUNT] = {4, 7, 6, 5, 7, 6, 7, 5};
	for (int k = 0; k < CAUSE_COUNT; k++)
		if (len[k] == n && s[0] == cause_names[k][0] &&
		    memcmp(cause_names[k], s, n) == 0)
			return k;
	return -1;
}

static bool parse_causes(const csv_field *v, uint16_t *out)
{
	uint16_t m = 0;
	const char *p = v->p, *end = v->p + v->len;
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *a = p, *e = semi ? semi : end;
		while (a < e && *a == ' ')
			a++;
		while (e > a && e[-1] == ' ')
			e--;
		if (e > a) {
			int k = cause_bit(a, (size_t)(e - a));
			if (k < 0)
				return false;
			m = (uint16_t)(m | (1u << k));
		}
		p = semi ? semi + 1 : end;
	}
	*out = m;
	return true;
}

/* Whether a head's ethnicity is Kinh (the majority; all others count as
 * ethnic minorities, DTTS). The NFC form of text with any non-ASCII byte
 * is not ASCII, so only four ASCII letters can spell it. */
static bool is_kinh(const csv_field *v)
{
	return v->len == 4 && (v->p[0] | 0x20) == 'k' && (v->p[1] | 0x20) == 'i' &&
	       (v->p[2] | 0x20) == 'n' && (v->p[3] | 0x20) == 'h';
}

/* val_year for the common case of four plain digits. */
static inline bool year_value(const csv_field *v, int *out)
{
	if (v->len == 4) {
		unsigned a = (unsigned)(v->p[0] - '0'), b = (unsigned)(v->p[1] - '0'),
			 c = (unsigned)(v->p[2] - '0'), e = (unsigned)(v->p[3] - '0');
		if (a < 10 && b < 10 && c < 10 && e < 10) {
			int y = (int)(a * 1000 + b * 100 + c * 10 + e);
			if (y >= 1900 && y <= 2199) {
				*out = y;
				return true;
			}
			return false;
		}
	}
	return val_year(v->p, v->len, out);
}

/* ---- the fast path --------------------------------------------------------
 *
 * Most rows are plain: one line, no quotes, digits and 0/1 flags. For them
 * the fields are cut with SSE2 and parsed in one go, straight into the
 * row. The fast path only ever *accepts*: whatever it is not sure of (a
 * dotted income, a decimal score, a bad value, a missing column...) makes
 * it return false, and the same record is read again by the general path
 * below, which is the reference and reports the errors. A differential
 * test and fuzz harness (tests/fuzz/fuzz_households.c) hold the two to the
 * same results.
 */

/* Up to `max` plain digits, none: false. */
static inline bool fast_digits(const char *p, size_t n, size_t max, int64_t *out)
{
	if (n == 0 || n > max)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned)(p[i] - '0');
		if (c > 9)
			return false;
		v = v * 10 + c;
	}
	*out = v;
	return true;
}

/* "" -> 0, "0" -> 0, "1" -> 1; anything else: -1. */
static inline int fast_bit(const char *p, size_t n)
{
	if (n == 0)
		return 0;
	if (n == 1 && (p[0] == '0' || p[0] == '1'))
		return p[0] - '0';
	return -1;
}

static bool parse_fast(hh_reader *r, const char *p, size_t n, hh_row *row)
{
	const binding *b = r->b;
	const size_t width = b->width;
	uint32_t off[FAST_MAX_WIDTH + 18]; /* slack: checked per 16 bytes */
	size_t nf = 0;
	unsigned high = 0;
	size_t i = 0;
	off[0] = 0;
#ifdef __SSE2__
	const __m128i comma = _mm_set1_epi8(',');
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
		high |= (unsigned)_mm_movemask_epi8(v);
		while (m) {
			off[++nf] = (uint32_t)(i + (unsigned)__builtin_ctz(m) + 1);
			m &= m - 1;
		}
		if (nf >= width)
			return false;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		high |= c & 0x80u;
		if (c == ',') {
			if (++nf >= width)
				return false;
			off[nf] = (uint32_t)(i + 1);
		}
	}
	if (nf + 1 != width || n > UINT32_MAX - 1)
		return false;
	off[width] = (uint32_t)n + 1;
	/* A comma cannot sit inside a valid multi-byte sequence, so checking
	 * the line checks every field. */
	if (high && !text_valid_utf8(p, n, NULL))
		return false;

	/* The year, the standard and the unit come first: the rest depends
	 * on them. Field k is p[off[k] .. off[k+1] - 1). */
#define FIELD(k) (csv_field){p + off[k], off[(k) + 1] - off[k] - 1}
	csv_field yf = FIELD(b->idx[C_YEAR]);
	if (!year_value(&yf, &row->year))
		return false;
	if (row->year != r->std_year) {
		r->std_year = row->year;
		r->std = std_set_for_year(r->s, row->year);
		/* every flag of the standard needs its column */
		r->std_cols = r->std != NULL;
		r->nf = 0;
		for (uint32_t m = r->std ? r->std->mask : 0; m; m &= m - 1) {
			int bit = __builtin_ctz(m), pos = b->idx[C_FIXED + bit];
			if (pos < 0 || r->nf == STD_MAX_INDICATORS) {
				r->std_cols = false;
				break;
			}
			r->fpos[r->nf] = (uint8_t)pos;
			r->fbit[r->nf++] = (uint8_t)bit;
		}
	}
	const standard *std = r->std;
	if (!r->std_cols)
		return false;
	csv_field uf = FIELD(b->idx[C_UNIT]);
	if (uf.len == 0 || resolve_unit(r, &uf, row->year, &row->unit, &row->area))
		return false;

	row->std = std;
	row->income = -1;
	row->score = -1;
	row->use_score = false;
	row->head_female = -1;
	row->minority = -1;
	row->merit = row->no_labour = row->social_protection = 0;
	row->causes = 0;
	row->head_birth_year = 0;
	row->ethnicity = row->village = row->head_name = row->id_number = "";
	row->ethnicity_len = row->village_len = row->head_name_len = row->id_number_len = 0;
	int64_t score_b = -1;
	int area = row->area;
	row->area_given = -1;
	uint32_t flags = 0;
	/* Flags of the standard: "0", "1" or empty; the others are ignored. */
	for (int j = 0; j < r->nf; j++) {
		size_t k = r->fpos[j];
		size_t len = off[k + 1] - off[k] - 1;
		unsigned c = (unsigned)(p[off[k]] - '0');
		if (len == 1 && c <= 1)
			flags |= c << r->fbit[j];
		else if (len != 0)
			return false;
	}
	for (size_t a = 0; a < b->nattr; a++) {
		size_t k = b->attr[a];
		const char *v = p + off[k];
		size_t len = off[k + 1] - off[k] - 1;
		int64_t x;
		int bit;
		switch (b->kind[k]) {
		case K_ID:
			if (len == 0)
				return false;
			row->id = v;
			row->id_len = len;
			break;
		case K_MEMBERS:
			if (!fast_digits(v, len, 4, &x) || x < 1 || x > 1000)
				return false;
			row->members = x;
			break;
		case K_INCOME:
			if (len && !fast_digits(v, len, 15, &row->income))
				return false;
			break;
		case K_SCORE_A:
			if (len) {
				if (!fast_digits(v, len, 9, &x))
					return false;
				row->score = x * STD_SCORE_SCALE;
				row->use_score = true;
			}
			break;
		case K_SCORE_B:
			if (len && !fast_digits(v, len, 5, &score_b))
				return false;
			break;
		case K_AREA:
			if (len == 5 && memcmp(v, "urban", 5) == 0)
				area = AREA_URBAN;
			else if (len == 5 && memcmp(v, "rural", 5) == 0)
				area = AREA_RURAL;
			else if (len)
				return false;
			if (len)
				row->area_given = (int8_t)area;
			break;
		case K_VILLAGE:
			row->village = v;
			row->village_len = len;
			break;
		case K_NAME:
			row->head_name = v;
			row->head_name_len = len;
			break;
		case K_SEX:
			if (len == 1 && (v[0] == 'F' || v[0] == 'f'))
				row->head_female = 1;
			else if (len == 1 && (v[0] == 'M' || v[0] == 'm'))
				row->head_female = 0;
			else if (len)
				return false;
			break;
		case K_BIRTH:
			if (len) {
				csv_field bf = {v, len};
				if (!year_value(&bf, &row->head_birth_year))
					return false;
			}
			break;
		case K_ETHN:
			row->ethnicity = v;
			row->ethnicity_len = len;
			if (len) {
				csv_field ef = {v, len};
				row->minority = is_kinh(&ef) ? 0 : 1;
			}
			break;
		case K_IDNUM:
			if (len && (len != 12 || !fast_digits(v, len, 12, &x)))
				return false;
			row->id_number = v;
			row->id_number_len = len;
			break;
		case K_MERIT:
			if ((bit = fast_bit(v, len)) < 0)
				return false;
			row->merit = (int8_t)bit;
			break;
		case K_NO_LABOUR:
			if ((bit = fast_bit(v, len)) < 0)
				return false;
			row->no_labour = (int8_t)bit;
			break;
		case K_SOCIAL:
			if ((bit = fast_bit(v, len)) < 0)
				return false;
			row->social_protection = (int8_t)bit;
			break;
		case K_CAUSES:
			if (len) {
				csv_field cf = {v, len};
				if (!parse_causes(&cf, &row->causes))
					return false;
			}
			break;
		default: /* K_OTHER, K_FLAG, K_YEAR, K_UNIT: not in attr[] */
			break;
		}
	}
	if (row->income < 0 && !row->use_score)
		return false;
	row->flags = flags;
	row->deprivations = std_deprivations(std, flags);
	if (score_b >= 0 &&
	    score_b != (int64_t)std->score_b_per_indicator * row->deprivations)
		return false;
	row->area = area;
	row->cls = std_classify(std, area, row->use_score,
				row->use_score ? row->score : row->income,
				row->deprivations);
	return true;
}

gn_err hhfile_next(hh_reader *r, hh_row *row, gn_diag *d)
{
	if (r->fast) {
		const char *p;
		size_t n;
		gn_err rc = csv_peek_simple(r->csv, d, &p, &n);
		if (rc == GN_EIO)
			return rc;
		if (rc == GN_OK && parse_fast(r, p, n, row)) {
			csv_consume_simple(r->csv);
			row->line = csv_line(r->csv);
			row->offset = csv_offset(r->csv);
			return GN_OK;
		}
	}
	return parse_general(r, row, d);
}

/* The general path: the reference for every rule. */
static gn_err parse_general(hh_reader *r, hh_row *row, gn_diag *d)
{
	const csv_field *f;
	size_t n;
	gn_err rc = csv_next(r->csv, d, &f, &n);
	if (rc)
		return rc;
	const binding *b = r->b;
	const char *file = csv_name(r->csv);
	long line = csv_line(r->csv);
	if (!csv_check_width(r->csv, n, b->width, (const char *const *)b->names, d))
		return GN_EINPUT;
	size_t before = diag_errors(d);
	memset(row, 0, sizeof *row);
	row->line = line;
	row->offset = csv_offset(r->csv);

	const csv_field *v = col(b, f, C_ID);
	if (v->len == 0)
		diag_error(d, file, line, "household_id", "empty household id");
	row->id = v->p;
	row->id_len = v->len;

	v = col(b, f, C_YEAR);
	if (!year_value(v, &row->year)) {
		diag_error(d, file, line, "year", "expected a year (4 digits), got \"%.*s\"",
			   SHOW(v));
		return GN_EINPUT; /* nothing else can be checked without the year */
	}
	row->std = row->year == r->std_year ? r->std : std_set_for_year(r->s, row->year);
	if (!row->std) {
		diag_error(d, file, line, "year",
			   "no poverty standard is installed for year %d", row->year);
		return GN_EINPUT;
	}

	v = col(b, f, C_UNIT);
	int err = resolve_unit(r, v, row->year, &row->unit, &row->area);
	if (err == 1)
		diag_error(d, file, line, "unit_code", "unknown unit \"%.*s\"", SHOW(v));
	else if (err == 2)
		diag_error(d, file, line, "unit_code",
			   "unit \"%.*s\" is not a commune or a village; households belong to one",
			   SHOW(v));

	v = col(b, f, C_MEMBERS);
	if (!val_count(v->p, v->len, 1000, &row->members) || row->members < 1)
		diag_error(d, file, line, "members",
			   "expected a whole number of members, at least 1, got \"%.*s\"", SHOW(v));

	row->income = -1;
	row->score = -1;
	const csv_field *inc = col(b, f, C_INCOME), *sa = col(b, f, C_SCORE_A);
	if (sa->len) {
		if (!val_decimal(sa->p, sa->len, 4, &row->score))
			diag_error(d, file, line, "score_a",
				   "expected a score (a number, decimal point allowed), got \"%.*s\"",
				   SHOW(sa));
		row->use_score = true;
	}
	if (inc->len) {
		if (!val_money(inc->p, inc->len, &row->income))
			diag_error(d, file, line, "income",
				   "expected an amount in VND (digits, or 1.500.000), got \"%.*s\"",
				   SHOW(inc));
	}
	if (!inc->len && !sa->len)
		diag_error(d, file, line, "income", "neither income nor score_a is given");

	/* Flags: those of the year's standard are required; flags outside
	 * it are ignored (formats.md 4), not even validated. */
	uint32_t flags = 0;
	for (size_t i = 0; i < b->nflags; i++) {
		if (!((row->std->mask >> i) & 1u))
			continue;
		int ci = b->idx[C_FIXED + i];
		if (ci < 0) {
			if (!((r->reported_missing >> i) & 1u)) {
				diag_error(d, file, 1, b->flag_key[i],
					   "required column missing (standard %s, which applies to year %d on line %ld, needs it)",
					   row->std->id, row->year, line);
				r->reported_missing |= 1u << i;
			}
			return GN_EINPUT;
		}
		bool set;
		if (!flag_value(&f[ci], &set))
			diag_error(d, file, line, b->flag_key[i],
				   "expected 0 or 1, got \"%.*s\"", SHOW(&f[ci]));
		else if (set)
			flags |= 1u << i;
	}
	row->flags = flags;
	row->deprivations = std_deprivations(row->std, flags);

	v = col(b, f, C_SCORE_B);
	if (v->len) {
		int64_t sb;
		if (!val_count(v->p, v->len, 100000, &sb))
			diag_error(d, file, line, "score_b",
				   "expected a whole number of points, got \"%.*s\"", SHOW(v));
		else if (sb != (int64_t)row->std->score_b_per_indicator * row->deprivations)
			diag_error(d, file, line, "score_b",
				   "is %lld but %d flags are set (%d points each: %d expected)",
				   (long long)sb, row->deprivations,
				   row->std->score_b_per_indicator,
				   row->std->score_b_per_indicator * row->deprivations);
	}

	v = col(b, f, C_AREA);
	row->area_given = -1;
	if (v->len) {
		if (text_equal_ci(v->p, v->len, "urban", 5))
			row->area = row->area_given = AREA_URBAN;
		else if (text_equal_ci(v->p, v->len, "rural", 5))
			row->area = row->area_given = AREA_RURAL;
		else
			diag_error(d, file, line, "area",
				   "expected urban or rural, got \"%.*s\"", SHOW(v));
	}

	/* Attributes. */
	row->head_female = -1;
	v = col(b, f, C_HEAD_SEX);
	if (v->len == 1 && (v->p[0] == 'F' || v->p[0] == 'f'))
		row->head_female = 1;
	else if (v->len == 1 && (v->p[0] == 'M' || v->p[0] == 'm'))
		row->head_female = 0;
	else if (v->len)
		diag_error(d, file, line, "head_sex", "expected M or F, got \"%.*s\"", SHOW(v));
	v = col(b, f, C_HEAD_BIRTH);
	if (v->len && !year_value(v, &row->head_birth_year))
		diag_error(d, file, line, "head_birth_year",
			   "expected a year (4 digits), got \"%.*s\"", SHOW(v));
	v = col(b, f, C_HEAD_ETHN);
	row->minority = -1;
	row->ethnicity = v->p;
	row->ethnicity_len = v->len;
	if (v->len)
		row->minority = is_kinh(v) ? 0 : 1;
	v = col(b, f, C_ID_NUMBER);
	row->id_number = v->p;
	row->id_number_len = v->len;
	if (v->len) {
		bool ok = v->len == 12;
		for (size_t i = 0; ok && i < 12; i++)
			ok = v->p[i] >= '0' && v->p[i] <= '9';
		if (!ok)
			diag_error(d, file, line, "id_number",
				   "expected a 12-digit citizen id, got \"%.*s\"", SHOW(v));
	}
	static const int bool_cols[3] = {C_MERIT, C_NO_LABOUR, C_SOCIAL};
	int8_t *bool_out[3] = {&row->merit, &row->no_labour, &row->social_protection};
	for (int k = 0; k < 3; k++) {
		bool x = false;
		v = col(b, f, bool_cols[k]);
		if (!flag_value(v, &x))
			diag_error(d, file, line, fixed_spec[bool_cols[k]].name,
				   "expected 0 or 1, got \"%.*s\"", SHOW(v));
		*bool_out[k] = x ? 1 : 0;
	}
	v = col(b, f, C_CAUSES);
	if (v->len && !parse_causes(v, &row->causes))
		diag_error(d, file, line, "causes",
			   "expected codes separated by ';' among land, capital, labour, tools, knowhow, skills, illness, other; got \"%.*s\"",
			   SHOW(v));
	v = col(b, f, C_VILLAGE);
	row->village = v->p;
	row->village_len = v->len;
	v = col(b, f, C_HEAD_NAME);
	row->head_name = v->p;
	row->head_name_len = v->len;

	if (diag_errors(d) > before)
		return GN_EINPUT;
	row->cls = std_classify(row->std, row->area, row->use_score,
				row->use_score ? row->score : row->income,
				row->deprivations);
	return GN_OK;
}
