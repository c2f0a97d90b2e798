/* agg.c - live aggregates. Layer: core. See agg.h. */
#include "agg.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strmap.h"

typedef struct hrow {
	int16_t year;
	uint16_t members;
	int32_t unit;
	uint32_t flags;
	uint8_t cls;
	int8_t minority, female, merit, no_labour;
} hrow;

typedef struct household {
	hrow *rows;
	uint8_t n, cap;
} household;

/* A leaf: the figures of one recorded code in one year. */
typedef struct leaf {
	agg_figures f;
	int year;
	int32_t *hh;        /* households, only for codes that may split */
	size_t nhh, caphh;
} leaf;

typedef struct pop {
	int32_t code;
	int year;
	int64_t households, persons;
} pop;

struct agg {
	const unit_set *u;
	strmap *ids;
	household *hh;
	size_t caphh;
	leaf *leaves;
	size_t nleaves, capleaves;
	int32_t *slots;     /* open addressing: (code, year) -> leaf index */
	size_t mask;
	bool *split_prone;  /* per code: lineage with a share < 1 or several successors */
	pop *pops;
	size_t npops, cappops;
	int64_t year_rows[64];
	uint64_t generation;
	int af_k;
};

static inline uint64_t leaf_key(int32_t code, int year)
{
	return (uint64_t)(uint32_t)code << 8 | (uint64_t)(year - STD_YEAR_BASE);
}

static inline size_t leaf_hash(uint64_t k, size_t mask)
{
	k *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(k >> 20) & mask;
}

static void rehash(agg *a, size_t nslots)
{
	free(a->slots);
	a->slots = gn_xmalloc(nslots * sizeof *a->slots);
	for (size_t i = 0; i < nslots; i++)
		a->slots[i] = -1;
	a->mask = nslots - 1;
	for (size_t i = 0; i < a->nleaves; i++) {
		size_t j = leaf_hash(leaf_key(a->leaves[i].f.code, a->leaves[i].year), a->mask);
		while (a->slots[j] >= 0)
			j = (j + 1) & a->mask;
		a->slots[j] = (int32_t)i;
	}
}

static leaf *get_leaf(agg *a, int32_t code, int year)
{
	uint64_t k = leaf_key(code, year);
	size_t j = leaf_hash(k, a->mask);
	while (a->slots[j] >= 0) {
		leaf *l = &a->leaves[a->slots[j]];
		if (l->f.code == code && l->year == year)
			return l;
		j = (j + 1) & a->mask;
	}
	if (a->nleaves == a->capleaves) {
		a->capleaves = a->capleaves ? a->capleaves * 2 : 1024;
		a->leaves = gn_xreallocarray(a->leaves, a->capleaves, sizeof *a->leaves);
	}
	leaf *l = &a->leaves[a->nleaves];
	memset(l, 0, sizeof *l);
	l->f.code = code;
	l->year = year;
	a->slots[j] = (int32_t)a->nleaves++;
	if (a->nleaves * 2 > a->mask + 1)
		rehash(a, (a->mask + 1) * 2);
	return l;
}

agg *agg_new(const unit_set *u)
{
	agg *a = gn_xcalloc(1, sizeof *a);
	a->u = u;
	a->af_k = 3;
	a->ids = strmap_new(1 << 16);
	rehash(a, 4096);
	size_t nc = units_ncodes(u);
	a->split_prone = gn_xcalloc(nc ? nc : 1, sizeof *a->split_prone);
	size_t nl;
	const lineage *l = units_lineage(u, &nl);
	for (size_t i = 0; i < nl; i++) {
		bool partial = l[i].share.num != l[i].share.den;
		bool several = (i > 0 && l[i - 1].old_code == l[i].old_code) ||
			       (i + 1 < nl && l[i + 1].old_code == l[i].old_code);
		if (partial || several)
			a->split_prone[l[i].old_code] = true;
	}
	return a;
}

void agg_free(agg *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < strmap_count(a->ids); i++)
		free(a->hh[i].rows);
	for (size_t i = 0; i < a->nleaves; i++)
		free(a->leaves[i].hh);
	free(a->hh);
	free(a->leaves);
	free(a->slots);
	free(a->split_prone);
	free(a->pops);
	strmap_free(a->ids);
	free(a);
}

void agg_set_af_cutoff(agg *a, int k)
{
	a->af_k = k < 1 ? 1 : k;
}

int agg_af_cutoff(const agg *a)
{
	return a->af_k;
}

uint64_t agg_generation(const agg *a)
{
	return a->generation;
}

size_t agg_years(const agg *a, int *years, size_t max)
{
	size_t n = 0;
	for (int i = 0; i < 64 && n < max; i++)
		if (a->year_rows[i] > 0)
			years[n++] = STD_YEAR_BASE + i;
	return n;
}

static hh_history history_of(const household *h)
{
	hh_history hist = {0, 0, 0};
	for (uint8_t i = 0; i < h->n; i++)
		history_add(&hist, h->rows[i].year, (hh_class)h->rows[i].cls);
	return hist;
}

/* Adds (sign 1) or takes back (-1) one row's part of the figures. */
static void contrib(agg_figures *f, const hh_history *hist, const hrow *r,
		    int64_t sign, int af_k)
{
	int d = __builtin_popcount(r->flags);
	f->ndep[d > AGG_MAX_DEP ? AGG_MAX_DEP : d] += sign;
	for (uint32_t m = r->flags; m; m &= m - 1) {
		f->dep_all[__builtin_ctz(m)] += sign;
		if (d >= af_k)
			f->dep_k[__builtin_ctz(m)] += sign;
	}
	hh_class c = (hh_class)r->cls;
	f->t.reviewed += sign;
	f->t.cls[c] += sign;
	f->t.tr[transition_of(hist, r->year, c)] += sign;
	f->members[c] += sign * r->members;
	f->minority[c] += sign * (r->minority == 1);
	f->female[c] += sign * (r->female == 1);
	f->merit[c] += sign * (r->merit == 1);
	f->no_labour[c] += sign * (r->no_labour == 1);
	if (c == CLASS_POOR || c == CLASS_NEAR_POOR) {
		int64_t *dep = c == CLASS_POOR ? f->dep_poor : f->dep_near;
		for (uint32_t m = r->flags; m; m &= m - 1)
			dep[__builtin_ctz(m)] += sign;
	}
}

static void leaf_add_hh(leaf *l, int32_t hh)
{
	if (l->nhh == l->caphh) {
		l->caphh = l->caphh ? l->caphh * 2 : 16;
		l->hh = gn_xreallocarray(l->hh, l->caphh, sizeof *l->hh);
	}
	l->hh[l->nhh++] = hh;
}

static void leaf_remove_hh(leaf *l, int32_t hh)
{
	for (size_t i = 0; i < l->nhh; i++)
		if (l->hh[i] == hh) {
			l->hh[i] = l->hh[--l->nhh];
			return;
		}
}

/* Takes back (sign -1) or adds (1) every row of household `slot`. */
static void household_contrib(agg *a, int32_t slot, int64_t sign)
{
	const household *h = &a->hh[slot];
	hh_history hist = history_of(h);
	for (uint8_t i = 0; i < h->n; i++) {
		const hrow *r = &h->rows[i];
		leaf *l = get_leaf(a, r->unit, r->year);
		contrib(&l->f, &hist, r, sign, a->af_k);
		if (a->split_prone[r->unit]) {
			if (sign < 0)
				leaf_remove_hh(l, slot);
			else
				leaf_add_hh(l, slot);
		}
	}
}

static int32_t household_slot(agg *a, const char *id, size_t n)
{
	bool added;
	int32_t slot = strmap_intern(a->ids, id, n, &added);
	if (added) {
		if ((size_t)slot >= a->caphh) {
			a->caphh = a->caphh ? a->caphh * 2 : 1024;
			a->hh = gn_xreallocarray(a->hh, a->caphh, sizeof *a->hh);
		}
		a->hh[slot] = (household){NULL, 0, 0};
	}
	return slot;
}

void agg_set(agg *a, const char *id, size_t n, const agg_review *r)
{
	if (!history_year_ok(r->year))
		return;
	int32_t slot = household_slot(a, id, n);
	household *h = &a->hh[slot];
	household_contrib(a, slot, -1);
	uint8_t i;
	for (i = 0; i < h->n && h->rows[i].year != r->year; i++)
		;
	if (i == h->n) {
		if (h->n == h->cap) {
			h->cap = (uint8_t)(h->cap ? (h->cap < 128 ? h->cap * 2 : 255) : 4);
			h->rows = gn_xreallocarray(h->rows, h->cap, sizeof *h->rows);
		}
		if (h->n == 255)
			return; /* cannot happen: at most 64 years */
		h->n++;
		a->year_rows[r->year - STD_YEAR_BASE]++;
	}
	h->rows[i] = (hrow){
		.year = (int16_t)r->year,
		.members = (uint16_t)(r->members < 0 ? 0 : r->members > 65535 ? 65535 : r->members),
		.unit = r->unit, .flags = r->flags, .cls = (uint8_t)r->cls,
		.minority = r->minority, .female = r->female, .merit = r->merit,
		.no_labour = r->no_labour,
	};
	household_contrib(a, slot, 1);
	a->generation++;
}

void agg_unset(agg *a, const char *id, size_t n, int year)
{
	int32_t slot = strmap_find(a->ids, id, n);
	if (slot < 0)
		return;
	household *h = &a->hh[slot];
	uint8_t i;
	for (i = 0; i < h->n && h->rows[i].year != year; i++)
		;
	if (i == h->n)
		return;
	household_contrib(a, slot, -1);
	h->rows[i] = h->rows[--h->n];
	a->year_rows[year - STD_YEAR_BASE]--;
	household_contrib(a, slot, 1);
	a->generation++;
}

void agg_set_population(agg *a, int32_t code, int year, int64_t households,
			int64_t persons)
{
	for (size_t i = 0; i < a->npops; i++)
		if (a->pops[i].code == code && a->pops[i].year == year) {
			a->pops[i].households = households;
			a->pops[i].persons = persons;
			a->generation++;
			return;
		}
	if (a->npops == a->cappops) {
		a->cappops = a->cappops ? a->cappops * 2 : 1024;
		a->pops = gn_xreallocarray(a->pops, a->cappops, sizeof *a->pops);
	}
	a->pops[a->npops++] = (pop){code, year, households, persons};
	a->generation++;
}

/* ---- queries ------------------------------------------------------------- */

static void figures_add(agg_figures *to, const agg_figures *from)
{
	tally_add(&to->t, &from->t);
	for (int i = 0; i < STD_MAX_CATALOGUE; i++) {
		to->dep_poor[i] += from->dep_poor[i];
		to->dep_near[i] += from->dep_near[i];
	}
	for (int i = 0; i < STD_MAX_CATALOGUE; i++) {
		to->dep_all[i] += from->dep_all[i];
		to->dep_k[i] += from->dep_k[i];
	}
	for (int i = 0; i <= AGG_MAX_DEP; i++)
		to->ndep[i] += from->ndep[i];
	for (int c = 0; c < CLASS_COUNT; c++) {
		to->members[c] += from->members[c];
		to->minority[c] += from->minority[c];
		to->female[c] += from->female[c];
		to->merit[c] += from->merit[c];
		to->no_labour[c] += from->no_labour[c];
	}
}

typedef struct query {
	const agg *a;
	const unit_map *m;
	int32_t parent;
	int32_t *child_index; /* per code: index in children, -1 */
	agg_figures *total, *children;
	int64_t *pop_field;   /* which count rollup_place_count feeds */
	bool persons;
} query;

/* The child of the parent that holds code on the map: -2 when code is the
 * parent itself, -1 when it is not under the parent. */
static int32_t child_of(const query *q, int32_t code)
{
	for (int depth = 0; code >= 0 && depth < 16; depth++) {
		if (code == q->parent)
			return -2;
		int32_t p = unit_map_parent(q->m, code);
		if (p == q->parent)
			return q->child_index[code];
		code = p;
	}
	return -1;
}

static void place_figures(query *q, int32_t dest, const agg_figures *f)
{
	int32_t c = child_of(q, dest);
	if (c == -1)
		return;
	if (c >= 0)
		figures_add(&q->children[c], f);
	figures_add(q->total, f);
}

static void put_pop(void *ctx, int32_t dest, int64_t part)
{
	query *q = ctx;
	int32_t c = child_of(q, dest);
	if (c == -1)
		return;
	if (q->persons) {
		if (c >= 0)
			q->children[c].t.persons += part;
		q->total->t.persons += part;
	} else {
		if (c >= 0)
			q->children[c].t.households += part;
		q->total->t.households += part;
	}
}

static int cmp_hh(const void *x, const void *y, void *ctx)
{
	const agg *a = ctx;
	size_t nx, ny;
	const char *kx = strmap_key(a->ids, *(const int32_t *)x, &nx);
	const char *ky = strmap_key(a->ids, *(const int32_t *)y, &ny);
	int c = memcmp(kx, ky, nx < ny ? nx : ny);
	return c ? c : (nx < ny ? -1 : nx > ny);
}

static int cmp_code(const void *x, const void *y, void *ctx)
{
	const unit_set *u = ctx;
	return strcmp(units_code(u, *(const int32_t *)x), units_code(u, *(const int32_t *)y));
}

/* A leaf that splits on the map: households in id order, by the bounds. */
static void place_split(query *q, const leaf *l, const unit_dest *d, size_t nd)
{
	const agg *a = q->a;
	int32_t *hh = gn_xmalloc((l->nhh ? l->nhh : 1) * sizeof *hh);
	memcpy(hh, l->hh, l->nhh * sizeof *hh);
	qsort_r(hh, l->nhh, sizeof *hh, cmp_hh, (void *)a);
	uint64_t bounds[64];
	uint64_t *b = nd <= 64 ? bounds : gn_xmalloc(nd * sizeof *b);
	unit_split_bounds(l->nhh, d, nd, b);
	size_t k = 0;
	for (size_t i = 0; i < l->nhh; i++) {
		while (k < nd && i >= b[k])
			k++;
		if (k == nd)
			break;
		const household *h = &a->hh[hh[i]];
		hh_history hist = history_of(h);
		for (uint8_t j = 0; j < h->n; j++) {
			if (h->rows[j].year != l->year || h->rows[j].unit != l->f.code)
				continue;
			agg_figures f;
			memset(&f, 0, sizeof f);
			contrib(&f, &hist, &h->rows[j], 1, a->af_k);
			place_figures(q, d[k].code, &f);
		}
	}
	if (b != bounds)
		free(b);
	free(hh);
}

void agg_children(const agg *a, const unit_map *m, int year, int32_t parent,
		  agg_figures *total, agg_figures **children, size_t *n)
{
	size_t nc = units_ncodes(a->u);
	query q = {a, m, parent, gn_xmalloc((nc ? nc : 1) * sizeof(int32_t)), total,
		   NULL, NULL, false};
	int32_t *kids = gn_xmalloc((nc ? nc : 1) * sizeof *kids);
	size_t nk = 0;
	for (size_t c = 0; c < nc; c++) {
		q.child_index[c] = -1;
		if (unit_map_version(m, (int32_t)c) && unit_map_parent(m, (int32_t)c) == parent)
			kids[nk++] = (int32_t)c;
	}
	if (nk > 1)
		qsort_r(kids, nk, sizeof *kids, cmp_code, (void *)a->u);
	q.children = gn_xcalloc(nk ? nk : 1, sizeof *q.children);
	for (size_t i = 0; i < nk; i++) {
		q.child_index[kids[i]] = (int32_t)i;
		q.children[i].code = kids[i];
	}
	memset(total, 0, sizeof *total);
	total->code = parent;

	for (size_t i = 0; i < a->nleaves; i++) {
		const leaf *l = &a->leaves[i];
		if (l->year != year || l->f.t.reviewed == 0)
			continue;
		size_t nd;
		const unit_dest *d = unit_map_dest(m, l->f.code, &nd);
		if (nd == 0)
			continue;
		if (nd == 1 && d[0].share.num == d[0].share.den)
			place_figures(&q, d[0].code, &l->f);
		else if (a->split_prone[l->f.code])
			place_split(&q, l, d, nd);
	}
	for (size_t i = 0; i < a->npops; i++) {
		const pop *p = &a->pops[i];
		if (p->year != year)
			continue;
		q.persons = false;
		rollup_place_count(m, p->code, p->households, put_pop, &q);
		if (p->persons >= 0) {
			q.persons = true;
			rollup_place_count(m, p->code, p->persons, put_pop, &q);
		}
	}
	free(q.child_index);
	free(kids);
	*children = q.children;
	*n = nk;
}
