/* units.c - units with history, lineage, and maps as of a date.
 * Layer: core. See units.h for the model. */
#include "units.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strmap.h"

static const char *const level_names[LEVEL_COUNT] = {
	"country", "province", "district", "commune", "village",
};
static const char *const level_names_vi[LEVEL_COUNT] = {
	"Toàn quốc", "Tỉnh/thành phố", "Huyện/quận", "Xã/phường", "Thôn/tổ dân phố",
};
static const char *const type_names[UTYPE_COUNT] = {
	"", "tinh", "thanh_pho", "huyen", "quan", "thi_xa",
	"xa", "phuong", "thi_tran", "dac_khu", "thon",
};

const char *unit_level_name(unit_level l)
{
	return (unsigned)l < LEVEL_COUNT ? level_names[l] : NULL;
}

const char *unit_level_name_vi(unit_level l)
{
	return (unsigned)l < LEVEL_COUNT ? level_names_vi[l] : NULL;
}

const char *unit_type_name(unit_type t)
{
	return (unsigned)t < UTYPE_COUNT ? type_names[t] : NULL;
}

static bool match(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

bool unit_level_parse(const char *s, size_t n, unit_level *out)
{
	for (int i = 0; i < LEVEL_COUNT; i++)
		if (match(s, n, level_names[i])) {
			*out = (unit_level)i;
			return true;
		}
	return false;
}

bool unit_type_parse(const char *s, size_t n, unit_type *out)
{
	for (int i = 1; i < UTYPE_COUNT; i++)
		if (match(s, n, type_names[i])) {
			*out = (unit_type)i;
			return true;
		}
	return false;
}

bool unit_level_holds_households(unit_level l)
{
	return l == LEVEL_COMMUNE || l == LEVEL_VILLAGE;
}

/* ---- shares ------------------------------------------------------------ */

static int64_t gcd64(int64_t a, int64_t b)
{
	if (a < 0)
		a = -a;
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a ? a : 1;
}

static bool share_make(__int128 num, __int128 den, share *out)
{
	if (den <= 0)
		return false;
	__int128 a = num < 0 ? -num : num, b = den;
	while (b) {
		__int128 t = a % b;
		a = b;
		b = t;
	}
	if (a == 0)
		a = 1;
	num /= a;
	den /= a;
	if (num > INT64_MAX || num < INT64_MIN || den > INT64_MAX)
		return false;
	out->num = (int64_t)num;
	out->den = (int64_t)den;
	return true;
}

bool share_mul(share a, share b, share *out)
{
	return share_make((__int128)a.num * b.num, (__int128)a.den * b.den, out);
}

bool share_add(share a, share b, share *out)
{
	int64_t g = gcd64(a.den, b.den);
	__int128 den = (__int128)a.den / g * b.den;
	__int128 num = (__int128)a.num * (b.den / g) + (__int128)b.num * (a.den / g);
	return share_make(num, den, out);
}

/* ---- the set ------------------------------------------------------------ */

struct unit_set {
	strmap *codes;
	unit_version *v; /* sorted by (code, from) after check */
	size_t nv, capv;
	size_t *first;   /* per code: index of its first version */
	size_t *count;   /* per code: number of versions */
	lineage *lin;
	size_t nlin, caplin;
	size_t *lin_first, *lin_count; /* per code: its lineage rows as old */
	bool checked;
};

unit_set *units_new(void)
{
	unit_set *u = gn_xcalloc(1, sizeof *u);
	u->codes = strmap_new(1024);
	return u;
}

void units_free(unit_set *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->nv; i++)
		free((char *)u->v[i].name);
	free(u->v);
	free(u->first);
	free(u->count);
	free(u->lin);
	free(u->lin_first);
	free(u->lin_count);
	strmap_free(u->codes);
	free(u);
}

int32_t units_intern(unit_set *u, const char *s, size_t n)
{
	return strmap_intern(u->codes, s, n, NULL);
}

int32_t units_find(const unit_set *u, const char *s, size_t n)
{
	return strmap_find(u->codes, s, n);
}

const char *units_code(const unit_set *u, int32_t code)
{
	return strmap_key(u->codes, code, NULL);
}

size_t units_ncodes(const unit_set *u)
{
	return strmap_count(u->codes);
}

void units_add_version(unit_set *u, const unit_version *v)
{
	if (u->nv == u->capv) {
		u->capv = u->capv ? u->capv * 2 : 256;
		u->v = gn_xreallocarray(u->v, u->capv, sizeof *u->v);
	}
	unit_version *d = &u->v[u->nv++];
	*d = *v;
	d->name = gn_xstrdup(v->name ? v->name : "");
}

void units_add_lineage(unit_set *u, const lineage *l)
{
	if (u->nlin == u->caplin) {
		u->caplin = u->caplin ? u->caplin * 2 : 64;
		u->lin = gn_xreallocarray(u->lin, u->caplin, sizeof *u->lin);
	}
	u->lin[u->nlin++] = *l;
}

static int cmp_version(const void *a, const void *b)
{
	const unit_version *x = a, *y = b;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_lineage(const void *a, const void *b)
{
	const lineage *x = a, *y = b;
	if (x->old_code != y->old_code)
		return x->old_code < y->old_code ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void fmt_date(gn_date d, char out[11])
{
	date_format_iso(d, out);
}

/* Checks that code `parent` has versions on a higher level than `child`
 * covering the child's interval; reports the first gap. */
static bool check_parent(const unit_set *u, const unit_version *child,
			 const char *file, gn_diag *d)
{
	size_t np = u->count[child->parent];
	const unit_version *pv = u->v + u->first[child->parent];
	const char *pcode = units_code(u, child->parent);
	if (np == 0) {
		diag_error(d, file, child->line, "parent_code",
			   "parent \"%s\" is not a unit of this file", pcode);
		return false;
	}
	gn_date cur = child->from;
	for (size_t i = 0; i < np; i++) {
		if (pv[i].to < cur)
			continue;
		if (pv[i].from > cur)
			break;
		if (pv[i].level >= child->level) {
			diag_error(d, file, child->line, "parent_code",
				   "parent \"%s\" is a %s, not above a %s", pcode,
				   level_names[pv[i].level], level_names[child->level]);
			return false;
		}
		if (pv[i].to >= child->to)
			return true;
		cur = pv[i].to + 1;
	}
	char day[11];
	fmt_date(cur, day);
	diag_error(d, file, child->line, "parent_code",
		   "parent \"%s\" does not exist on %s, within this unit's validity",
		   pcode, cur == GN_DATE_MIN ? "its first day" : day);
	return false;
}

gn_err units_check(unit_set *u, const char *file, const char *lineage_file,
		   gn_diag *d)
{
	size_t before = diag_errors(d);
	size_t nc = units_ncodes(u);
	if (u->nv)
		qsort(u->v, u->nv, sizeof *u->v, cmp_version);
	u->first = gn_xcalloc(nc ? nc : 1, sizeof *u->first);
	u->count = gn_xcalloc(nc ? nc : 1, sizeof *u->count);
	for (size_t i = 0; i < u->nv; i++) {
		int32_t c = u->v[i].code;
		if (u->count[c] == 0)
			u->first[c] = i;
		u->count[c]++;
	}
	for (size_t i = 1; i < u->nv; i++) {
		const unit_version *a = &u->v[i - 1], *b = &u->v[i];
		if (a->code == b->code && b->from <= a->to)
			diag_error(d, file, b->line, "valid_from",
				   "unit \"%s\" has overlapping validity intervals (see line %ld)",
				   units_code(u, b->code), a->line);
	}
	for (size_t i = 0; i < u->nv; i++) {
		const unit_version *v = &u->v[i];
		if (v->parent >= 0)
			check_parent(u, v, file, d);
		else if (v->level > LEVEL_PROVINCE)
			diag_error(d, file, v->line, "parent_code",
				   "a %s needs a parent", level_names[v->level]);
	}

	if (u->nlin)
		qsort(u->lin, u->nlin, sizeof *u->lin, cmp_lineage);
	u->lin_first = gn_xcalloc(nc ? nc : 1, sizeof *u->lin_first);
	u->lin_count = gn_xcalloc(nc ? nc : 1, sizeof *u->lin_count);
	for (size_t i = 0; i < u->nlin; i++) {
		const lineage *l = &u->lin[i];
		if (u->lin_count[l->old_code] == 0)
			u->lin_first[l->old_code] = i;
		u->lin_count[l->old_code]++;
		if (u->count[l->old_code] == 0)
			diag_error(d, lineage_file, l->line, "old_code",
				   "unknown unit \"%s\"", units_code(u, l->old_code));
		if (u->count[l->new_code] == 0)
			diag_error(d, lineage_file, l->line, "new_code",
				   "unknown unit \"%s\"", units_code(u, l->new_code));
		if (l->old_code == l->new_code)
			diag_error(d, lineage_file, l->line, "new_code",
				   "a unit cannot succeed itself");
	}
	/* Shares of one old code on one date must not exceed 1. */
	for (size_t i = 0; i < u->nlin;) {
		size_t j = i;
		share sum = {0, 1};
		bool ok = true;
		while (j < u->nlin && u->lin[j].old_code == u->lin[i].old_code &&
		       u->lin[j].date == u->lin[i].date) {
			ok = ok && share_add(sum, u->lin[j].share, &sum);
			j++;
		}
		if (!ok || sum.num > sum.den)
			diag_error(d, lineage_file, u->lin[j - 1].line, "share",
				   "shares of \"%s\" add up to more than 1",
				   units_code(u, u->lin[i].old_code));
		i = j;
	}
	u->checked = true;
	return diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

const unit_version *units_versions(const unit_set *u, int32_t code, size_t *n)
{
	*n = u->count[code];
	return u->v + u->first[code];
}

const unit_version *units_at(const unit_set *u, int32_t code, gn_date d)
{
	size_t n = u->count[code];
	const unit_version *v = u->v + u->first[code];
	for (size_t i = 0; i < n; i++)
		if (v[i].from <= d && d <= v[i].to)
			return &v[i];
	return NULL;
}

const unit_version *units_nearest(const unit_set *u, int32_t code, gn_date d)
{
	size_t n = u->count[code];
	const unit_version *v = u->v + u->first[code];
	const unit_version *before = NULL;
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (v[i].from <= d && d <= v[i].to)
			return &v[i];
		if (v[i].to < d)
			before = &v[i];
	}
	return before ? before : &v[0];
}

bool units_urban(const unit_set *u, int32_t code, gn_date d)
{
	for (int depth = 0; depth < 8 && code >= 0; depth++) {
		const unit_version *v = units_nearest(u, code, d);
		if (!v)
			return false;
		if (v->urban >= 0)
			return v->urban == 1;
		if (v->level == LEVEL_VILLAGE && v->parent >= 0) {
			code = v->parent;
			continue;
		}
		return v->type == UTYPE_PHUONG || v->type == UTYPE_THI_TRAN;
	}
	return false;
}

bool units_holds_households(const unit_set *u, int32_t code)
{
	size_t n = u->count[code];
	const unit_version *v = u->v + u->first[code];
	for (size_t i = 0; i < n; i++)
		if (!unit_level_holds_households(v[i].level))
			return false;
	return n > 0;
}

const lineage *units_lineage(const unit_set *u, size_t *n)
{
	*n = u->nlin;
	return u->lin;
}

/* ---- maps as of a date --------------------------------------------------- */

struct unit_map {
	const unit_set *u;
	gn_date date;
	const unit_version **valid;       /* per code */
	int32_t *anc;                     /* per code and level */
	int32_t *by_level[LEVEL_COUNT];
	size_t nby_level[LEVEL_COUNT];
	size_t *dest_first, *dest_count;  /* per code */
	unit_dest *dest;
	size_t ndest, capdest;
};

/* Comparators with the set as context (qsort_r): maps are built on
 * several threads at once in the server. */
static int cmp_code(const void *a, const void *b, void *u)
{
	return strcmp(units_code(u, *(const int32_t *)a), units_code(u, *(const int32_t *)b));
}

static int cmp_dest(const void *a, const void *b, void *u)
{
	return strcmp(units_code(u, ((const unit_dest *)a)->code),
		      units_code(u, ((const unit_dest *)b)->code));
}

static void push_dest(unit_map *m, int32_t code, share s)
{
	if (m->ndest == m->capdest) {
		m->capdest = m->capdest ? m->capdest * 2 : 256;
		m->dest = gn_xreallocarray(m->dest, m->capdest, sizeof *m->dest);
	}
	m->dest[m->ndest].code = code;
	m->dest[m->ndest].share = s;
	m->ndest++;
}

/* Follows lineage of `code` dated on or before the map's date. */
static void carry(unit_map *m, int32_t code, share s, int depth)
{
	const unit_set *u = m->u;
	if (depth > 32)
		return; /* a cycle in lineage: nothing can be placed */
	size_t n = u->lin_count[code];
	const lineage *l = u->lin + u->lin_first[code];
	for (size_t i = 0; i < n; i++) {
		if (l[i].date > m->date)
			continue;
		share t;
		if (!share_mul(s, l[i].share, &t))
			continue;
		if (m->valid[l[i].new_code])
			push_dest(m, l[i].new_code, t);
		else
			carry(m, l[i].new_code, t, depth + 1);
	}
}

unit_map *unit_map_new(const unit_set *u, gn_date d)
{
	size_t nc = units_ncodes(u);
	unit_map *m = gn_xcalloc(1, sizeof *m);
	m->u = u;
	m->date = d;
	m->valid = gn_xcalloc(nc ? nc : 1, sizeof *m->valid);
	m->anc = gn_xmalloc((nc ? nc : 1) * LEVEL_COUNT * sizeof *m->anc);
	m->dest_first = gn_xcalloc(nc ? nc : 1, sizeof *m->dest_first);
	m->dest_count = gn_xcalloc(nc ? nc : 1, sizeof *m->dest_count);
	for (size_t c = 0; c < nc; c++)
		m->valid[c] = units_at(u, (int32_t)c, d);
	for (size_t c = 0; c < nc; c++) {
		int32_t *a = m->anc + c * LEVEL_COUNT;
		for (int l = 0; l < LEVEL_COUNT; l++)
			a[l] = -1;
		const unit_version *v = m->valid[c];
		for (int depth = 0; v && depth < LEVEL_COUNT + 1; depth++) {
			a[v->level] = v->code;
			v = v->parent >= 0 ? m->valid[v->parent] : NULL;
		}
		if (m->valid[c]) {
			unit_level l = m->valid[c]->level;
			if (m->nby_level[l] % 256 == 0)
				m->by_level[l] = gn_xreallocarray(m->by_level[l],
					m->nby_level[l] + 256, sizeof(int32_t));
			m->by_level[l][m->nby_level[l]++] = (int32_t)c;
		}
	}
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (m->nby_level[l])
			qsort_r(m->by_level[l], m->nby_level[l], sizeof(int32_t), cmp_code,
				(void *)u);
	for (size_t c = 0; c < nc; c++) {
		size_t start = m->ndest;
		if (m->valid[c])
			push_dest(m, (int32_t)c, (share){1, 1});
		else
			carry(m, (int32_t)c, (share){1, 1}, 0);
		/* Sort by code and merge repeated destinations. */
		size_t n = m->ndest - start;
		unit_dest *ds = m->dest + start;
		if (n > 1)
			qsort_r(ds, n, sizeof *ds, cmp_dest, (void *)u);
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (k && ds[k - 1].code == ds[i].code) {
				share_add(ds[k - 1].share, ds[i].share, &ds[k - 1].share);
				continue;
			}
			ds[k++] = ds[i];
		}
		m->ndest = start + k;
		m->dest_first[c] = start;
		m->dest_count[c] = k;
	}
	return m;
}

void unit_map_free(unit_map *m)
{
	if (!m)
		return;
	free(m->valid);
	free(m->anc);
	for (int l = 0; l < LEVEL_COUNT; l++)
		free(m->by_level[l]);
	free(m->dest_first);
	free(m->dest_count);
	free(m->dest);
	free(m);
}

gn_date unit_map_date(const unit_map *m)
{
	return m->date;
}

const int32_t *unit_map_units(const unit_map *m, unit_level level, size_t *n)
{
	*n = m->nby_level[level];
	return m->by_level[level];
}

int32_t unit_map_parent(const unit_map *m, int32_t code)
{
	const unit_version *v = m->valid[code];
	return v ? v->parent : -1;
}

const unit_version *unit_map_version(const unit_map *m, int32_t code)
{
	return m->valid[code];
}

int32_t unit_map_ancestor(const unit_map *m, int32_t code, unit_level level)
{
	return m->anc[(size_t)code * LEVEL_COUNT + level];
}

const unit_dest *unit_map_dest(const unit_map *m, int32_t code, size_t *n)
{
	*n = m->dest_count[code];
	return m->dest + m->dest_first[code];
}

void unit_split_bounds(uint64_t n, const unit_dest *dest, size_t m,
		       uint64_t *bounds)
{
	/* C_k = P/Q exactly; B_k = floor((2nP + Q) / 2Q). */
	__int128 p = 0, q = 1;
	for (size_t k = 0; k < m; k++) {
		__int128 a = dest[k].share.num, b = dest[k].share.den;
		p = p * b + a * q;
		q = q * b;
		/* keep the fraction small */
		__int128 x = p, y = q;
		while (y) {
			__int128 t = x % y;
			x = y;
			y = t;
		}
		if (x > 1) {
			p /= x;
			q /= x;
		}
		__int128 bk = (2 * (__int128)n * p + q) / (2 * q);
		bounds[k] = bk > (__int128)n ? n : (uint64_t)bk;
	}
}
