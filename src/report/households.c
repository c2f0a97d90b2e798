/*
 * households.c - the lists of households (households.h): the loading and
 * placing shared with the certificates (households_int.h), the posting
 * list and the decision annex.
 */
#include "households.h"
#include "households_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "../core/hhindex.h"
#include "../core/mem.h"
#include "../core/rollup.h"
#include "../io/text.h"

static const report_list lists[] = {
	{REPORT_POSTING_LIST, REPORT_POSTING_LIST_TITLE, "LIST FOR PUBLIC POSTING", false},
	{REPORT_DECISION_ANNEX, REPORT_DECISION_ANNEX_TITLE,
	 "POOR AND NEAR-POOR HOUSEHOLDS RECOGNISED (ANNEX OF THE DECISION)", true},
	{REPORT_CERTIFICATES, REPORT_CERTIFICATES_TITLE,
	 "CERTIFICATES OF POOR AND NEAR-POOR HOUSEHOLDS", true},
};

const report_list *report_lists(size_t *n)
{
	*n = sizeof lists / sizeof lists[0];
	return lists;
}

const report_list *report_list_find(const char *name)
{
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		if (name && strcmp(lists[i].name, name) == 0)
			return &lists[i];
	return NULL;
}

gn_err report_list_build(const report_list *l, const report_list_args *a, gn_diag *d,
			 report_doc **out, size_t *households)
{
	*out = NULL;
	gn_err rc;
	if (strcmp(l->name, REPORT_CERTIFICATES) == 0)
		return report_certificates(a, d, out, households);
	if (strcmp(l->name, REPORT_DECISION_ANNEX) == 0)
		rc = report_decision_annex(a->st, a->stds, a->unit_code, a->year, a->asof, d, out);
	else
		rc = report_posting_list(a->st, a->stds, a->unit_code, a->year, a->asof, d, out);
	if (households && *out) {
		/* the rows of households are the plain ones */
		size_t n = 0;
		for (size_t i = 0; i < (*out)->nrows; i++)
			n += (*out)->rows[i].style == ROW_PLAIN;
		*households = n;
	}
	return rc;
}

/* ---- loading ------------------------------------------------------------------------ */

typedef struct hload {
	const unit_set *u;
	const std_set *stds;
	const standard *std;
	int year;
	bool approved_only;
	hh_index *hx;
	hl_item *rows;
	int32_t *hh;       /* each row's hhindex index */
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

static bool approved(const st_review *r)
{
	return strcmp(r->status, "approved") == 0 || strcmp(r->status, "locked") == 0;
}

static bool load_review(void *ctx, const st_review *r)
{
	hload *l = ctx;
	hh_class c;
	if (!history_year_ok(r->year) || !class_parse(r->cls, strlen(r->cls), &c))
		return true;
	/* every review goes into the histories (transitions need them all) */
	bool dup;
	int32_t hh = hhindex_add(l->hx, r->household_id, strlen(r->household_id), r->year,
				 c, &dup);
	if (r->year != l->year || dup || (c != CLASS_POOR && c != CLASS_NEAR_POOR))
		return true;
	if (l->approved_only && !approved(r))
		return true;
	int32_t unit = units_find(l->u, r->unit_code, strlen(r->unit_code));
	if (unit < 0)
		return true;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->rows = gn_xreallocarray(l->rows, l->cap, sizeof *l->rows);
		l->hh = gn_xreallocarray(l->hh, l->cap, sizeof *l->hh);
	}
	hl_item *x = &l->rows[l->n];
	memset(x, 0, sizeof *x);
	l->hh[l->n++] = hh;
	x->unit = unit;
	x->dest = -1;
	x->cls = c;
	x->members = r->members;
	x->ndep = deprivations_of(l, r->deprivations);
	x->head = gn_xstrdup(r->head_name ? r->head_name : "");
	x->village = gn_xstrdup(r->village ? r->village : "");
	x->sex = r->head_sex;
	x->birth_year = r->head_birth_year;
	x->ethnicity = gn_xstrdup(r->head_ethnicity ? r->head_ethnicity : "");
	memcpy(x->id_number, r->id_number, sizeof x->id_number);
	x->id_number[sizeof x->id_number - 1] = '\0';
	x->merit = r->merit;
	x->no_labour = r->no_labour;
	x->social_protection = r->social_protection;
	return true;
}

static char *sortkey(const char *s)
{
	buf b;
	buf_init(&b, 0);
	if (text_vn_sortkey(s, strlen(s), &b) != GN_OK) {
		buf_reset(&b);
		buf_puts(&b, s);
	}
	char *k = gn_xstrdup(buf_cstr(&b));
	buf_free(&b);
	return k;
}

static void item_free(hl_item *x)
{
	free(x->id);
	free(x->head);
	free(x->village);
	free(x->ethnicity);
	free(x->vkey);
	free(x->hkey);
}

static bool under(const unit_map *m, int32_t c, int32_t root)
{
	for (; c >= 0; c = unit_map_parent(m, c))
		if (c == root)
			return true;
	return false;
}

gn_err hl_load(store *st, const std_set *stds, const char *report, const char *unit_code,
	       int year, gn_date asof, bool approved_only, bool whole_commune, gn_diag *d,
	       hl_list *out)
{
	memset(out, 0, sizeof *out);
	out->root = out->commune = -1;
	hload l = {0};
	place_item *items = NULL;
	int32_t *dest = NULL;
	gn_err rc = store_units_load(st, &out->u);
	if (rc)
		goto done;
	out->m = unit_map_new(out->u, asof);
	int32_t root = units_find(out->u, unit_code, strlen(unit_code));
	const unit_version *rv = root >= 0 ? unit_map_version(out->m, root) : NULL;
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
				   report, unit_code, unit_level_name(rv->level));
		rc = GN_EINPUT;
		goto done;
	}
	out->root = root;
	out->rv = rv;
	out->commune = rv->level == LEVEL_COMMUNE ? root
		: unit_map_ancestor(out->m, root, LEVEL_COMMUNE);
	int32_t base = whole_commune && out->commune >= 0 ? out->commune : root;
	l.u = out->u;
	l.stds = stds;
	l.std = out->std = stds ? std_set_for_year(stds, year) : NULL;
	l.year = year;
	l.approved_only = approved_only;
	l.hx = hhindex_new(1 << 12);
	if ((rc = store_reviews_each(st, 0, load_review, &l)))
		goto done;
	size_t n = l.n;
	items = gn_xmalloc((n ? n : 1) * sizeof *items);
	dest = gn_xmalloc((n ? n : 1) * sizeof *dest);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *id = hhindex_id(l.hx, l.hh[i], &len);
		items[i] = (place_item){l.rows[i].unit, (uint32_t)len, id};
	}
	rollup_place(out->m, items, n, dest);
	/* keep the rows placed in base's subtree */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		hl_item r = l.rows[i];
		if (!under(out->m, dest[i], base)) {
			item_free(&r);
			continue;
		}
		size_t len;
		const char *id = hhindex_id(l.hx, l.hh[i], &len);
		r.id = gn_xstrndup(id, len);
		r.tr = transition_of(hhindex_history(l.hx, l.hh[i]), year, r.cls);
		r.dest = dest[i];
		r.in_root = under(out->m, dest[i], root);
		const unit_version *dv = unit_map_version(out->m, r.dest);
		if (dv && dv->level == LEVEL_VILLAGE) {
			free(r.village);
			r.village = gn_xstrdup(dv->name ? dv->name : "");
		}
		r.vkey = sortkey(r.village);
		r.hkey = sortkey(r.head);
		l.rows[k++] = r;
	}
	out->items = l.rows;
	out->n = k;
	l.rows = NULL;
	l.n = 0;

done:
	for (size_t i = 0; i < l.n; i++)
		item_free(&l.rows[i]);
	free(l.rows);
	free(l.hh);
	free(items);
	free(dest);
	hhindex_free(l.hx);
	if (rc)
		hl_free(out);
	return rc;
}

void hl_free(hl_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		item_free(&l->items[i]);
	free(l->items);
	unit_map_free(l->m);
	units_free(l->u);
	memset(l, 0, sizeof *l);
	l->root = l->commune = -1;
}

static int cmp_village_head(const hl_item *a, const hl_item *b)
{
	/* "Không rõ thôn" last */
	bool na = !a->village[0], nb = !b->village[0];
	if (na != nb)
		return na ? 1 : -1;
	int c = strcmp(a->vkey, b->vkey);
	if (!c)
		c = strcmp(a->village, b->village);
	if (!c)
		c = strcmp(a->hkey, b->hkey);
	if (!c)
		c = strcmp(a->id, b->id);
	return c;
}

static int cmp_items(const void *x, const void *y)
{
	return cmp_village_head(x, y);
}

static int cmp_items_class(const void *x, const void *y)
{
	const hl_item *a = x, *b = y;
	if (a->cls != b->cls)
		return a->cls == CLASS_POOR ? -1 : 1;
	return cmp_village_head(a, b);
}

void hl_sort(hl_list *l, bool by_class)
{
	if (l->n > 1)
		qsort(l->items, l->n, sizeof *l->items, by_class ? cmp_items_class : cmp_items);
}

/* ---- shared pieces of the documents --------------------------------------------------- */

const char *hl_unit_name(const hl_list *l, int32_t i)
{
	const unit_version *v = i >= 0 ? unit_map_version(l->m, i) : NULL;
	return v && v->name && *v->name ? v->name : i >= 0 ? units_code(l->u, i) : "";
}

void hl_upper(buf *b, const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) { /* not UTF-8: the rest as it is */
			buf_put(b, p, (size_t)left);
			return;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_toupper(cp), enc);
		buf_put(b, enc, (size_t)e);
		p += k;
		left -= k;
	}
}

const char *hl_issuer(report_doc *doc, const hl_list *l)
{
	buf b;
	buf_init(&b, 0);
	buf_puts(&b, "UBND ");
	hl_upper(&b, hl_unit_name(l, l->commune >= 0 ? l->commune : l->root));
	const char *s = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return s;
}

const char *hl_fill(report_doc *doc, const char *s, int year, const char *unit)
{
	buf b;
	buf_init(&b, 0);
	for (const char *p = s; *p; p++) {
		if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(&b, "%d", year);
			p += 5;
		} else if (strncmp(p, "{unit}", 6) == 0) {
			buf_puts(&b, unit);
			p += 5;
		} else {
			buf_putc(&b, *p);
		}
	}
	const char *r = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return r;
}

void hl_decision_of(store *st, const hl_list *l, int year, hl_decision *out)
{
	memset(out, 0, sizeof *out);
	if (l->commune < 0)
		return;
	st_round r;
	memset(&r, 0, sizeof r);
	if (store_round_find(st, units_code(l->u, l->commune), year, "periodic", 0, &r) != GN_OK)
		return;
	snprintf(out->no, sizeof out->no, "%s", r.decision_no);
	if (r.decision_date[0] && date_parse(r.decision_date, strlen(r.decision_date),
					     &out->date))
		out->has_date = true;
}

const char *hl_place_date(report_doc *doc, const hl_list *l, const hl_decision *dec,
			  int year)
{
	buf b;
	buf_init(&b, 0);
	if (dec->has_date) {
		int y, m, dd;
		date_to_ymd(dec->date, &y, &m, &dd);
		buf_printf(&b, "%s, ngày %d tháng %d năm %d",
			   hl_unit_name(l, l->commune >= 0 ? l->commune : l->root), dd, m, y);
	} else {
		buf_printf(&b, "........, ngày ..... tháng ..... năm %d", year);
	}
	const char *s = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* ---- the posting list ------------------------------------------------------------------ */

static const char *const keys[] = {"stt", "head", "household_id", "members",
				   "class", "transition", "deprivations"};
static const char *const heads[] = {"STT", "Họ và tên chủ hộ", "Mã hộ", "Số nhân khẩu",
				    "Phân loại hộ", "Biến động", "Số chỉ số thiếu hụt"};
static const int widths[] = {6, 30, 14, 10, 16, 26, 12};

gn_err report_posting_list(store *st, const std_set *stds, const char *unit_code,
			   int year, gn_date asof, gn_diag *d, report_doc **out)
{
	*out = NULL;
	hl_list l;
	gn_err rc = hl_load(st, stds, REPORT_POSTING_LIST, unit_code, year, asof, false, false,
			    d, &l);
	if (rc)
		return rc;
	hl_sort(&l, false);

	size_t nc = sizeof keys / sizeof *keys;
	report_doc *doc = report_doc_new(nc);
	const char *uname = hl_unit_name(&l, l.root);
	doc->title = hl_fill(doc, REPORT_POSTING_TITLE, year, uname);
	doc->subtitles[doc->nsubtitles++] = hl_fill(doc, "{unit}", year, uname);
	doc->subtitles[doc->nsubtitles++] =
		report_doc_str(doc, "(Kèm theo danh sách niêm yết công khai)");
	doc->issuer = hl_issuer(doc, &l);
	for (size_t i = 0; i < nc; i++) {
		doc->col_keys[i] = report_doc_str(doc, keys[i]);
		doc->col_widths[i] = widths[i];
		report_doc_head(doc, 0, (int)i, 1, 1, heads[i]);
	}
	doc->head_rows = 1;
	doc->numbered = true;
	const char *cur = NULL;
	int64_t stt = 0;
	for (size_t i = 0; i < l.n; i++) {
		const hl_item *r = &l.items[i];
		if (!cur || strcmp(cur, r->village) != 0) {
			report_row *vr = report_doc_add_row(doc, ROW_SUBTOTAL, 0);
			report_cell_text(doc, vr, 1, r->village[0] ? r->village : HL_NO_VILLAGE);
			cur = r->village;
		}
		report_row *x = report_doc_add_row(doc, ROW_PLAIN, 1);
		report_cell_int(x, 0, ++stt);
		report_cell_text(doc, x, 1, r->head);
		report_cell_text(doc, x, 2, r->id);
		report_cell_int(x, 3, r->members);
		report_cell_text(doc, x, 4, r->cls == CLASS_POOR ? "Hộ nghèo" : "Hộ cận nghèo");
		report_cell_text(doc, x, 5, transition_name_vi(r->tr));
		report_cell_int(x, 6, r->ndep);
	}
	doc->notes[doc->nnotes++] = report_doc_str(
		doc, "Danh sách có thông tin cá nhân: chỉ dùng để niêm yết công khai theo quy định.");
	doc->place_date = hl_fill(doc, "........, ngày ..... tháng ..... năm {year}", year, uname);
	doc->signers[doc->nsigners++] = report_doc_str(doc, "NGƯỜI LẬP BIỂU");
	doc->signers[doc->nsigners++] = report_doc_str(doc, "CHỦ TỊCH UBND");
	doc->landscape = true;
	hl_free(&l);
	*out = doc;
	return GN_OK;
}

/* ---- the decision annex ---------------------------------------------------------------- */

enum {
	AX_STT, AX_HEAD, AX_ID, AX_VILLAGE, AX_SEX, AX_BIRTH, AX_ETHNICITY, AX_MEMBERS,
	AX_MINORITY, AX_NO_LABOUR, AX_MERIT, AX_SOCIAL, AX_NOTE, AX_N
};
static const struct {
	const char *key, *head;
	int width;
} ax_cols[AX_N] = {
	{"stt", "STT", 5},
	{"head", "Họ và tên chủ hộ", 24},
	{"household_id", "Mã hộ", 12},
	{"village", "Thôn, bản", 15},
	{"head_sex", "Giới tính chủ hộ", 7},
	{"head_birth_year", "Năm sinh chủ hộ", 7},
	{"head_ethnicity", "Dân tộc", 9},
	{"members", "Số nhân khẩu", 8},
	{"minority", "Dân tộc thiểu số", 9},
	{"no_labour", "Không có khả năng lao động", 10},
	{"merit", "Có người có công", 9},
	{"social_protection", "Hưởng trợ cấp bảo trợ xã hội", 10},
	{"transition", "Ghi chú (biến động)", 16},
};
#define AX_GROUPS 4 /* minority, no labour, merit, social protection */

static bool minority(const hl_item *x)
{
	return x->ethnicity[0] && strcasecmp(x->ethnicity, "Kinh") != 0;
}

/* A subtotal or total row's counts: members and each group. */
typedef struct ax_sums {
	int64_t households, members, groups[AX_GROUPS];
} ax_sums;

static void ax_add(ax_sums *s, const hl_item *x)
{
	s->households++;
	s->members += x->members;
	s->groups[0] += minority(x);
	s->groups[1] += x->no_labour == 1;
	s->groups[2] += x->merit == 1;
	s->groups[3] += x->social_protection == 1;
}

static void ax_put_sums(report_row *r, const ax_sums *s)
{
	report_cell_int(r, AX_MEMBERS, s->members);
	for (int g = 0; g < AX_GROUPS; g++)
		report_cell_int(r, (size_t)(AX_MINORITY + g), s->groups[g]);
}

gn_err report_decision_annex(store *st, const std_set *stds, const char *unit_code,
			     int year, gn_date asof, gn_diag *d, report_doc **out)
{
	*out = NULL;
	hl_list l;
	gn_err rc = hl_load(st, stds, REPORT_DECISION_ANNEX, unit_code, year, asof, true, false,
			    d, &l);
	if (rc)
		return rc;
	hl_sort(&l, true);
	hl_decision dec;
	hl_decision_of(st, &l, year, &dec);

	report_doc *doc = report_doc_new(AX_N);
	const char *uname = hl_unit_name(&l, l.root);
	const char *cname = hl_unit_name(&l, l.commune >= 0 ? l.commune : l.root);
	doc->issuer = hl_issuer(doc, &l);
	doc->title = hl_fill(doc, REPORT_DECISION_ANNEX_TITLE " NĂM {year}", year, uname);
	buf b;
	buf_init(&b, 0);
	if (l.commune >= 0 && l.commune != l.root)
		buf_printf(&b, "%s - %s", uname, cname);
	else
		buf_puts(&b, uname);
	doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, buf_cstr(&b));
	buf_reset(&b);
	buf_puts(&b, "(Kèm theo Quyết định số ");
	buf_puts(&b, dec.no[0] ? dec.no : "........");
	if (dec.has_date) {
		int y, m, dd;
		date_to_ymd(dec.date, &y, &m, &dd);
		buf_printf(&b, " ngày %d tháng %d năm %d", dd, m, y);
	} else {
		buf_puts(&b, " ngày ..... tháng ..... năm .......");
	}
	buf_printf(&b, " của Chủ tịch Ủy ban nhân dân %s)", cname);
	doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);

	for (size_t i = 0; i < AX_N; i++) {
		doc->col_keys[i] = report_doc_str(doc, ax_cols[i].key);
		doc->col_widths[i] = ax_cols[i].width;
		if (i < AX_MINORITY || i == AX_NOTE)
			report_doc_head(doc, 0, (int)i, 2, 1, ax_cols[i].head);
		else
			report_doc_head(doc, 1, (int)i, 1, 1, ax_cols[i].head);
	}
	report_doc_head(doc, 0, AX_MINORITY, 1, AX_GROUPS, "Thuộc nhóm đối tượng");
	doc->numbered = true;

	/* class blocks, village blocks under them, households under those;
	 * the subtotal rows are filled once their block is complete */
	ax_sums total = {0}, cls_sums = {0}, vil_sums = {0};
	report_row *cls_row = NULL, *vil_row = NULL;
	size_t cls_at = 0, vil_at = 0; /* rows move when the array grows: indexes */
	int cur_cls = -1;
	const char *cur_vil = NULL;
	int64_t stt = 0;
	for (size_t i = 0; i <= l.n; i++) {
		const hl_item *x = i < l.n ? &l.items[i] : NULL;
		bool new_cls = !x || (int)x->cls != cur_cls;
		bool new_vil = new_cls || strcmp(cur_vil, x->village) != 0;
		if (new_vil && vil_row) {
			ax_put_sums(&doc->rows[vil_at], &vil_sums);
			vil_row = NULL;
		}
		if (new_cls && cls_row) {
			ax_put_sums(&doc->rows[cls_at], &cls_sums);
			cls_row = NULL;
		}
		if (!x)
			break;
		if (new_cls) {
			cur_cls = (int)x->cls;
			cls_row = report_doc_add_row(doc, ROW_SUBTOTAL, 0);
			cls_at = doc->nrows - 1;
			bool poor = x->cls == CLASS_POOR;
			report_cell_text(doc, cls_row, AX_STT, poor ? "I" : "II");
			report_cell_text(doc, cls_row, AX_HEAD, poor ? "HỘ NGHÈO" : "HỘ CẬN NGHÈO");
			memset(&cls_sums, 0, sizeof cls_sums);
		}
		if (new_vil) {
			cur_vil = x->village;
			vil_row = report_doc_add_row(doc, ROW_SUBTOTAL, 1);
			vil_at = doc->nrows - 1;
			report_cell_text(doc, vil_row, AX_HEAD,
					 x->village[0] ? x->village : HL_NO_VILLAGE);
			memset(&vil_sums, 0, sizeof vil_sums);
		}
		report_row *r = report_doc_add_row(doc, ROW_PLAIN, 2);
		report_cell_int(r, AX_STT, ++stt);
		report_cell_text(doc, r, AX_HEAD, x->head);
		report_cell_text(doc, r, AX_ID, x->id);
		report_cell_text(doc, r, AX_VILLAGE, x->village[0] ? x->village : "");
		report_cell_text(doc, r, AX_SEX, x->sex == 'F' ? "Nữ" : x->sex == 'M' ? "Nam" : "");
		if (x->birth_year > 0) { /* a year: text, not 1.976 */
			char yb[16];
			snprintf(yb, sizeof yb, "%d", x->birth_year);
			report_cell_text(doc, r, AX_BIRTH, yb);
		}
		report_cell_text(doc, r, AX_ETHNICITY, x->ethnicity);
		report_cell_int(r, AX_MEMBERS, x->members);
		bool g[AX_GROUPS] = {minority(x), x->no_labour == 1, x->merit == 1,
				     x->social_protection == 1};
		for (int k = 0; k < AX_GROUPS; k++)
			if (g[k])
				report_cell_text(doc, r, (size_t)(AX_MINORITY + k), "x");
		report_cell_text(doc, r, AX_NOTE, transition_name_vi(x->tr));
		ax_add(&cls_sums, x);
		ax_add(&vil_sums, x);
		ax_add(&total, x);
	}
	report_row *t = report_doc_add_row(doc, ROW_TOTAL, 0);
	report_cell_text(doc, t, AX_HEAD, "TỔNG CỘNG");
	ax_put_sums(t, &total);

	buf_init(&b, 0);
	int64_t poor = 0;
	for (size_t i = 0; i < l.n; i++)
		poor += l.items[i].cls == CLASS_POOR;
	buf_printf(&b, "Tổng số: %lld hộ nghèo, %lld hộ cận nghèo, %lld nhân khẩu.",
		   (long long)poor, (long long)(total.households - poor), (long long)total.members);
	doc->notes[doc->nnotes++] = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	if (l.n == 0)
		doc->notes[doc->nnotes++] = hl_fill(doc,
			"Chưa có kết quả rà soát năm {year} nào được Chủ tịch Ủy ban nhân dân xã phê "
			"duyệt: danh sách chỉ gồm các hộ đã được công nhận.", year, uname);
	doc->notes[doc->nnotes++] = report_doc_str(
		doc, "Danh sách có thông tin cá nhân: chỉ dùng theo quy định.");
	doc->place_date = hl_place_date(doc, &l, &dec, year);
	doc->signers[doc->nsigners++] = report_doc_str(doc, "CHỦ TỊCH");
	doc->landscape = true;
	hl_free(&l);
	*out = doc;
	return GN_OK;
}
