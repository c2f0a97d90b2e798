/*
 * households.c - the list for public posting (households.h).
 */
#include "households.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/hhindex.h"
#include "../core/mem.h"
#include "../core/rollup.h"
#include "../core/transition.h"
#include "../core/units.h"
#include "../io/text.h"

#define NO_VILLAGE "Không rõ thôn"

typedef struct hrow {
	int32_t hh;        /* hhindex index */
	int32_t unit;      /* recorded on */
	int32_t dest;      /* placed on */
	uint8_t cls;
	int members;
	int ndep;
	char *head;
	char *village;     /* the review's village text (may be "") */
	char *vkey, *hkey; /* sort keys: village, head */
} hrow;

typedef struct hload {
	const unit_set *u;
	const std_set *stds;
	const standard *std;
	int year;
	hh_index *hx;
	hrow *rows;
	size_t n, cap;
} hload;

static int deprivations_of(const hload *l, const char *keys)
{
	uint32_t m = 0;
	const char *p = keys ? keys : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int bit = l->stds ? std_set_find_indicator(l->stds, p, n) : -1;
		if (bit >= 0)
			m |= 1u << bit;
		p += n + (e != NULL);
	}
	if (l->std)
		m &= l->std->mask;
	return __builtin_popcount(m);
}

static bool load_review(void *ctx, const st_review *r)
{
	hload *l = ctx;
	hh_class c;
	if (!history_year_ok(r->year) || !class_parse(r->cls, strlen(r->cls), &c))
		return true;
	bool dup;
	int32_t hh = hhindex_add(l->hx, r->household_id, strlen(r->household_id), r->year,
				 c, &dup);
	if (r->year != l->year || dup || (c != CLASS_POOR && c != CLASS_NEAR_POOR))
		return true;
	int32_t unit = units_find(l->u, r->unit_code, strlen(r->unit_code));
	if (unit < 0)
		return true;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->rows = gn_xreallocarray(l->rows, l->cap, sizeof *l->rows);
	}
	l->rows[l->n++] = (hrow){hh, unit, -1, (uint8_t)c, r->members,
				 deprivations_of(l, r->deprivations),
				 gn_xstrdup(r->head_name ? r->head_name : ""),
				 gn_xstrdup(r->village ? r->village : ""), NULL, NULL};
	return true;
}

static char *sortkey(const char *s)
{
	buf b;
	buf_init(&b, 0);
	if (text_vn_sortkey(s, strlen(s), &b) != GN_OK) {
		buf_reset(&b);
		buf_printf(&b, "%s", s);
	}
	char *k = gn_xstrdup(buf_cstr(&b));
	buf_free(&b);
	return k;
}

static const hh_index *sort_hx;

static int cmp_rows(const void *x, const void *y)
{
	const hrow *a = x, *b = y;
	/* "Không rõ thôn" last */
	bool na = !a->village[0], nb = !b->village[0];
	if (na != nb)
		return na ? 1 : -1;
	int c = strcmp(a->vkey, b->vkey);
	if (!c)
		c = strcmp(a->village, b->village);
	if (!c)
		c = strcmp(a->hkey, b->hkey);
	if (!c) {
		size_t la, lb;
		const char *ia = hhindex_id(sort_hx, a->hh, &la);
		const char *ib = hhindex_id(sort_hx, b->hh, &lb);
		c = strcmp(ia, ib);
	}
	return c;
}

/* Replaces {year} and {unit} in s. */
static const char *fill(report_doc *doc, const char *s, int year, const char *unit)
{
	buf b;
	buf_init(&b, 0);
	for (const char *p = s; *p; p++) {
		if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(&b, "%d", year);
			p += 5;
		} else if (strncmp(p, "{unit}", 6) == 0) {
			buf_printf(&b, "%s", unit);
			p += 5;
		} else {
			buf_printf(&b, "%c", *p);
		}
	}
	const char *r = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return r;
}

static const char *const keys[] = {"stt", "head", "household_id", "members",
				   "class", "transition", "deprivations"};
static const char *const heads[] = {"STT", "Họ và tên chủ hộ", "Mã hộ", "Số nhân khẩu",
				    "Phân loại hộ", "Biến động", "Số chỉ số thiếu hụt"};
static const int widths[] = {6, 30, 14, 10, 16, 26, 12};

gn_err report_posting_list(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_doc **out)
{
	*out = NULL;
	unit_set *u = NULL;
	unit_map *m = NULL;
	hload l = {0};
	place_item *items = NULL;
	int32_t *dest = NULL;
	report_doc *doc = NULL;
	gn_err rc = store_units_load(st, &u);
	if (rc)
		goto done;
	m = unit_map_new(u, asof);
	int32_t root = units_find(u, unit_code, strlen(unit_code));
	const unit_version *rv = root >= 0 ? unit_map_version(m, root) : NULL;
	if (!rv) {
		char day[11];
		date_format_iso(asof, day);
		if (d)
			diag_error(d, "report", 0, "", "unit \"%s\" is not on the map of %s%s",
				   unit_code, day, root < 0 ? " (not in the database)" : "");
		rc = GN_ENOTFOUND;
		goto done;
	}
	if (rv->level != LEVEL_COMMUNE && rv->level != LEVEL_VILLAGE) {
		if (d)
			diag_error(d, "report", 0, "",
				   "%s: unit \"%s\" is a %s; the list is drawn for a commune or a village",
				   REPORT_POSTING_LIST, unit_code, unit_level_name(rv->level));
		rc = GN_EINPUT;
		goto done;
	}
	l.u = u;
	l.stds = stds;
	l.std = stds ? std_set_for_year(stds, year) : NULL;
	l.year = year;
	l.hx = hhindex_new(1 << 12);
	if ((rc = store_reviews_each(st, 0, load_review, &l)))
		goto done;
	size_t n = l.n;
	items = gn_xmalloc((n ? n : 1) * sizeof *items);
	dest = gn_xmalloc((n ? n : 1) * sizeof *dest);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *id = hhindex_id(l.hx, l.rows[i].hh, &len);
		items[i] = (place_item){l.rows[i].unit, (uint32_t)len, id};
	}
	rollup_place(m, items, n, dest);
	/* keep the rows placed in root's subtree */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		hrow r = l.rows[i];
		bool in = false;
		for (int32_t c = dest[i]; c >= 0 && !in; c = unit_map_parent(m, c))
			in = c == root;
		if (!in) {
			free(r.head);
			free(r.village);
			continue;
		}
		r.dest = dest[i];
		const unit_version *dv = unit_map_version(m, r.dest);
		if (dv && dv->level == LEVEL_VILLAGE) {
			free(r.village);
			r.village = gn_xstrdup(dv->name ? dv->name : "");
		}
		r.vkey = sortkey(r.village);
		r.hkey = sortkey(r.head);
		l.rows[k++] = r;
	}
	l.n = k;
	sort_hx = l.hx;
	qsort(l.rows, k, sizeof *l.rows, cmp_rows);

	size_t nc = sizeof keys / sizeof *keys;
	doc = report_doc_new(nc);
	const char *uname = rv->name ? rv->name : unit_code;
	doc->title = fill(doc, REPORT_POSTING_TITLE, year, uname);
	doc->subtitles[doc->nsubtitles++] = fill(doc, "{unit}", year, uname);
	doc->subtitles[doc->nsubtitles++] =
		report_doc_str(doc, "(Kèm theo danh sách niêm yết công khai)");
	int32_t pp = unit_map_parent(m, root);
	const unit_version *pv = pp >= 0 ? unit_map_version(m, pp) : NULL;
	buf b;
	buf_init(&b, 0);
	if (rv->level == LEVEL_VILLAGE && pv)
		buf_printf(&b, "UBND %s", pv->name ? pv->name : "");
	else
		buf_printf(&b, "UBND %s", uname);
	doc->issuer = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	for (size_t i = 0; i < nc; i++) {
		doc->col_keys[i] = report_doc_str(doc, keys[i]);
		doc->col_widths[i] = widths[i];
		report_doc_head(doc, 0, (int)i, 1, 1, heads[i]);
	}
	doc->head_rows = 1;
	doc->numbered = true;
	const char *cur = NULL;
	int64_t stt = 0;
	for (size_t i = 0; i < k; i++) {
		const hrow *r = &l.rows[i];
		if (!cur || strcmp(cur, r->village) != 0) {
			report_row *vr = report_doc_add_row(doc, ROW_SUBTOTAL, 0);
			report_cell_text(doc, vr, 1, r->village[0] ? r->village : NO_VILLAGE);
			cur = r->village;
		}
		report_row *x = report_doc_add_row(doc, ROW_PLAIN, 1);
		size_t len;
		const char *id = hhindex_id(l.hx, r->hh, &len);
		hh_class c = (hh_class)r->cls;
		report_cell_int(x, 0, ++stt);
		report_cell_text(doc, x, 1, r->head);
		report_cell_text(doc, x, 2, id);
		report_cell_int(x, 3, r->members);
		report_cell_text(doc, x, 4, c == CLASS_POOR ? "Hộ nghèo" : "Hộ cận nghèo");
		report_cell_text(doc, x, 5,
				 transition_name_vi(transition_of(hhindex_history(l.hx, r->hh),
								  year, c)));
		report_cell_int(x, 6, r->ndep);
	}
	doc->notes[doc->nnotes++] = report_doc_str(
		doc, "Danh sách có thông tin cá nhân: chỉ dùng để niêm yết công khai theo quy định.");
	doc->place_date = fill(doc, "........, ngày ..... tháng ..... năm {year}", year, uname);
	doc->signers[doc->nsigners++] = report_doc_str(doc, "NGƯỜI LẬP BIỂU");
	doc->signers[doc->nsigners++] = report_doc_str(doc, "CHỦ TỊCH UBND");
	doc->landscape = true;

done:
	for (size_t i = 0; i < l.n; i++) {
		free(l.rows[i].head);
		free(l.rows[i].village);
		free(l.rows[i].vkey);
		free(l.rows[i].hkey);
	}
	free(l.rows);
	free(items);
	free(dest);
	hhindex_free(l.hx);
	unit_map_free(m);
	units_free(u);
	*out = doc;
	return rc;
}
