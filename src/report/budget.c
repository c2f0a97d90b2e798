/*
 * budget.c - the funds of a unit and year, and the budget report
 * (budget.h).
 *
 * Layer: report. Every line of the year is placed on the map, then added
 * to its project's row and to the row of the unit right under the
 * reported unit it falls in; the projects are added up last
 * (budget_rollup), so the total, the projects and the units' rows come
 * from the same lines and agree.
 */
#include "budget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../io/text.h"

/* ---- strings owned by the figures ----------------------------------------------- */

typedef struct pool {
	char **s;
	size_t n;
} pool;

static const char *keep(budget_figures *f, const char *s)
{
	pool *p = f->pool;
	p->s = gn_xreallocarray(p->s, p->n + 1, sizeof *p->s);
	p->s[p->n] = gn_xstrdup(s ? s : "");
	return p->s[p->n++];
}

void budget_figures_free(budget_figures *f)
{
	if (!f)
		return;
	pool *p = f->pool;
	if (p) {
		for (size_t i = 0; i < p->n; i++)
			free(p->s[i]);
		free(p->s);
		free(p);
	}
	free(f->projects);
	free(f->units);
	free(f);
}

/* ---- placing a line on the map ----------------------------------------------------- */

/* The code valid on m where the lines of code c go: c itself, or its
 * successor taking the largest share (the first on a tie); -1 when none. */
static int32_t place(const unit_map *m, int32_t c)
{
	if (c < 0)
		return -1;
	if (unit_map_version(m, c))
		return c;
	size_t nd;
	const unit_dest *d = unit_map_dest(m, c, &nd);
	int32_t best = -1;
	share bs = {0, 1};
	for (size_t i = 0; i < nd; i++) {
		/* a/b > c/d  <=>  a*d > c*b (shares are small fractions) */
		__int128 l = (__int128)d[i].share.num * bs.den, r = (__int128)bs.num * d[i].share.den;
		if (best < 0 || l > r) {
			best = d[i].code;
			bs = d[i].share;
		}
	}
	return best;
}

/* The row of f->units that code c (placed) falls in, or -1 when c is not
 * under the unit. */
static long unit_row_of(const budget_figures *f, const unit_map *m, int32_t c, long own)
{
	int32_t below = -1;
	for (int depth = 0; c >= 0 && depth < 16; depth++) {
		if (c == f->unit) {
			if (below < 0)
				return own;
			for (size_t i = 0; i < f->nunits; i++)
				if (f->units[i].code == below && !f->units[i].own)
					return (long)i;
			return -1;
		}
		below = c;
		c = unit_map_parent(m, c);
	}
	return -1;
}

/* One pass over the map: has[c] tells whether code c has units under it. */
static bool *parents_of(const unit_set *u, const unit_map *m)
{
	size_t nc = units_ncodes(u);
	bool *has = gn_xcalloc(nc ? nc : 1, sizeof *has);
	for (int lv = 0; lv < LEVEL_COUNT; lv++) {
		size_t n;
		const int32_t *codes = unit_map_units(m, (unit_level)lv, &n);
		for (size_t i = 0; i < n; i++) {
			int32_t p = unit_map_parent(m, codes[i]);
			if (p >= 0 && (size_t)p < nc)
				has[p] = true;
		}
	}
	return has;
}

gn_err budget_figures_compute(store *st, const me_catalogue *cat, const unit_set *u,
			      const unit_map *m, const char *unit_code, int year,
			      const char *plan, gn_diag *d, budget_figures **out)
{
	*out = NULL;
	int32_t root = units_find(u, unit_code, strlen(unit_code));
	const unit_version *rv = root >= 0 ? unit_map_version(m, root) : NULL;
	if (!rv) {
		char day[11];
		date_format_iso(unit_map_date(m), day);
		if (d)
			diag_error(d, "report", 0, "", "unit \"%s\" is not on the map of %s%s", unit_code,
				   day, root < 0 ? " (not in the database)" : "");
		return GN_ENOTFOUND;
	}
	budget_figures *f = gn_xcalloc(1, sizeof *f);
	f->pool = gn_xcalloc(1, sizeof(pool));
	f->cat = cat;
	f->unit = root;
	f->unit_code = keep(f, unit_code);
	f->unit_name = keep(f, rv->name);
	int32_t pc = unit_map_parent(m, root);
	const unit_version *pv = pc >= 0 ? unit_map_version(m, pc) : NULL;
	f->parent_name = pv ? keep(f, pv->name) : NULL;
	f->level = rv->level;
	f->year = year;
	f->plan = plan ? keep(f, plan) : NULL;
	f->asof = unit_map_date(m);
	f->projects = gn_xcalloc(cat->n ? cat->n : 1, sizeof *f->projects);

	/* the units right under the unit, by code, across the levels below */
	bool *has = parents_of(u, m);
	size_t cap = 0;
	for (int lv = 0; lv < LEVEL_COUNT; lv++) {
		size_t n;
		const int32_t *codes = unit_map_units(m, (unit_level)lv, &n);
		for (size_t i = 0; i < n; i++) {
			if (unit_map_parent(m, codes[i]) != root)
				continue;
			if (f->nunits == cap) {
				cap = cap ? cap * 2 : 16;
				f->units = gn_xreallocarray(f->units, cap, sizeof *f->units);
			}
			budget_unit_row *ur = &f->units[f->nunits++];
			memset(ur, 0, sizeof *ur);
			ur->code = codes[i];
			ur->code_text = keep(f, units_code(u, codes[i]));
			const unit_version *v = unit_map_version(m, codes[i]);
			ur->name = keep(f, v ? v->name : "");
			ur->has_children = has[codes[i]];
		}
	}
	free(has);
	/* and a row of its own lines, kept only when it has some */
	f->units = gn_xreallocarray(f->units, f->nunits + 1, sizeof *f->units);
	budget_unit_row *own = &f->units[f->nunits];
	memset(own, 0, sizeof *own);
	own->code = root;
	own->code_text = f->unit_code;
	own->name = f->unit_name;
	own->own = true;
	long own_row = (long)f->nunits;

	st_budget_filter bf = {.year = year, .plan = plan};
	st_budget_line *l = NULL;
	size_t nl = 0;
	gn_err err = store_budget_list(st, &bf, &l, &nl);
	if (err)
		goto done;
	bool own_used = false;
	for (size_t i = 0; i < nl && !err; i++) {
		int32_t code = place(m, units_find(u, l[i].unit_code, strlen(l[i].unit_code)));
		if (code < 0) {
			f->unplaced++;
			continue;
		}
		long row = unit_row_of(f, m, code, own_row);
		if (row < 0)
			continue;
		int32_t p = catalogue_find(cat, l[i].project, strlen(l[i].project));
		budget_source s;
		budget_capital c;
		if (p < 0 || !budget_source_parse(l[i].source, strlen(l[i].source), &s) ||
		    !budget_capital_parse(l[i].capital, strlen(l[i].capital), &c)) {
			f->unplaced++;
			continue;
		}
		bool disb = strcmp(l[i].kind, "disbursed") == 0;
		if ((err = budget_row_add_line(&f->projects[p], s, c, disb, l[i].amount,
					       l[i].carried_over)) ||
		    (err = budget_row_add_line(&f->units[row].r, s, c, disb, l[i].amount,
					       l[i].carried_over)))
			break;
		if (row == own_row)
			own_used = true;
		f->lines++;
	}
	free(l);
	if (err)
		goto done;
	if (own_used)
		f->nunits++;
	err = budget_rollup(f->projects, cat->parent, cat->n, &f->total);
done:
	if (err) {
		budget_figures_free(f);
		if (d && err == GN_ERANGE)
			diag_error(d, "report", 0, "", "the sums of the budget lines do not fit in a number");
		return err;
	}
	*out = f;
	return GN_OK;
}

gn_err budget_figures_load(store *st, const me_catalogue *cat, const char *unit_code,
			   int year, const char *plan, gn_date asof, gn_diag *d,
			   budget_figures **out)
{
	*out = NULL;
	unit_set *u = NULL;
	gn_err err = store_units_load(st, &u);
	if (err)
		return err;
	unit_map *m = unit_map_new(u, asof);
	err = budget_figures_compute(st, cat, u, m, unit_code, year, plan, d, out);
	unit_map_free(m);
	units_free(u);
	return err;
}

/* ---- the report ------------------------------------------------------------------- */

/* "Dự án 3. Phát triển sản xuất, dinh dưỡng" / "Tiểu dự án 1. ..." from
 * the code DA3 / DA3.1 and the short name (the full names are long for a
 * table's row). */
static void project_title(const me_project *p, buf *b)
{
	const char *dot = strchr(p->code, '.');
	if (dot)
		buf_printf(b, "Tiểu dự án %s. %s", dot + 1, p->short_vi);
	else
		buf_printf(b, "Dự án %s. %s", p->code + 2, p->short_vi);
}

gn_err report_budget(const budget_figures *f, report_doc **out)
{
	*out = NULL;
	/* the (source, capital) pairs that hold money */
	int pairs[BS_COUNT * BC_COUNT][2];
	size_t np = 0;
	for (int s = 0; s < BS_COUNT; s++)
		for (int c = 0; c < BC_COUNT; c++) {
			const budget_amounts *a = &f->total.cell[s][c];
			if (a->allocated || a->disbursed) {
				pairs[np][0] = s;
				pairs[np][1] = c;
				np++;
			}
		}
	if (np == 0) {
		pairs[0][0] = BS_CENTRAL;
		pairs[0][1] = BC_RECURRENT;
		np = 1;
	}
	size_t nc = 2 + np + 4;
	report_doc *doc = report_doc_new(nc);
	buf b;
	buf_init(&b, 0);

	doc->col_keys[0] = report_doc_str(doc, "project");
	doc->col_widths[0] = 9;
	doc->col_keys[1] = report_doc_str(doc, "name");
	doc->col_widths[1] = 50;
	report_doc_head(doc, 0, 0, 2, 1, "Mã");
	report_doc_head(doc, 0, 1, 2, 1, "Dự án, tiểu dự án");
	report_doc_head(doc, 0, 2, 1, (int)np, "Kinh phí được giao theo nguồn vốn");
	for (size_t k = 0; k < np; k++) {
		budget_source s = (budget_source)pairs[k][0];
		budget_capital c = (budget_capital)pairs[k][1];
		buf_reset(&b);
		buf_printf(&b, "%s_%s", budget_source_name(s), budget_capital_name(c));
		doc->col_keys[2 + k] = report_doc_str(doc, buf_cstr(&b));
		doc->col_widths[2 + k] = 15;
		buf_reset(&b);
		buf_printf(&b, "%s (%s)", budget_source_short(s), budget_capital_short(c));
		report_doc_head(doc, 1, (int)(2 + k), 1, 1, buf_cstr(&b));
	}
	static const char *const tail_keys[] = {"allocated", "carried_over", "disbursed", "rate"};
	static const char *const tail_heads[] = {"Tổng kinh phí được giao",
						 "Trong đó: năm trước chuyển sang", "Đã giải ngân",
						 "Tỷ lệ giải ngân (%)"};
	static const int tail_widths[] = {17, 15, 17, 10};
	for (size_t k = 0; k < 4; k++) {
		size_t col = 2 + np + k;
		doc->col_keys[col] = report_doc_str(doc, tail_keys[k]);
		doc->col_widths[col] = tail_widths[k];
		report_doc_head(doc, 0, (int)col, 2, 1, tail_heads[k]);
	}
	doc->head_rows = 2;
	doc->numbered = true;

	const me_catalogue *cat = f->cat;
	for (size_t i = 0; i <= cat->n; i++) {
		bool total = i == cat->n;
		const budget_row *r = total ? &f->total : &f->projects[i];
		row_style style = total ? ROW_TOTAL
				  : cat->v[i].has_children ? ROW_SUBTOTAL
							   : ROW_PLAIN;
		report_row *row = report_doc_add_row(doc, style,
						     total || cat->v[i].parent < 0 ? 0 : 1);
		buf_reset(&b);
		if (total) {
			buf_puts(&b, "TỔNG CỘNG");
		} else {
			report_cell_text(doc, row, 0, cat->v[i].code);
			project_title(&cat->v[i], &b);
		}
		report_cell_text(doc, row, 1, buf_cstr(&b));
		for (size_t k = 0; k < np; k++)
			report_cell_int(row, 2 + k, r->cell[pairs[k][0]][pairs[k][1]].allocated);
		report_cell_int(row, 2 + np, r->total.allocated);
		report_cell_int(row, 3 + np, r->total.carried_over);
		report_cell_int(row, 4 + np, r->total.disbursed);
		if (r->total.allocated > 0)
			report_cell_decimal(row, 5 + np, budget_rate(&r->total), 2);
	}

	/* the blocks around the table */
	buf up;
	buf_init(&up, 0);
	if (f->parent_name && text_upper(f->parent_name, strlen(f->parent_name), &up) == GN_OK) {
		buf_reset(&b);
		buf_printf(&b, "UBND %s", buf_cstr(&up));
		doc->issuer_parent = report_doc_str(doc, buf_cstr(&b));
	}
	buf_reset(&up);
	if (text_upper(f->unit_name, strlen(f->unit_name), &up) == GN_OK) {
		buf_reset(&b);
		buf_printf(&b, "UBND %s", buf_cstr(&up));
		doc->issuer = report_doc_str(doc, buf_cstr(&b));
	}
	buf_free(&up);
	doc->title = report_doc_str(doc, REPORT_BUDGET_TITLE);
	buf_reset(&b);
	buf_printf(&b, "Năm %d - %s", f->year, f->unit_name);
	doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, buf_cstr(&b));
	if (f->plan) {
		buf_reset(&b);
		buf_printf(&b, "Kế hoạch số %s", f->plan);
		doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, buf_cstr(&b));
	}
	doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, "(Đơn vị tính: đồng)");
	char day[11];
	date_format_vn(f->asof, day);
	buf_reset(&b);
	buf_printf(&b, "Số liệu của đơn vị và các đơn vị trực thuộc theo địa giới hành chính ngày %s; dự án gồm các tiểu dự án.",
		   day);
	doc->notes[doc->nnotes++] = report_doc_str(doc, buf_cstr(&b));
	doc->notes[doc->nnotes++] = report_doc_str(
		doc, "Tỷ lệ giải ngân = đã giải ngân / tổng kinh phí được giao (kể cả vốn năm trước chuyển sang).");
	buf_reset(&b);
	buf_printf(&b, "........, ngày ..... tháng ..... năm %d", f->year);
	doc->place_date = report_doc_str(doc, buf_cstr(&b));
	doc->signers[doc->nsigners++] = report_doc_str(doc, "NGƯỜI LẬP BIỂU");
	doc->signers[doc->nsigners++] = report_doc_str(doc, "THỦ TRƯỞNG ĐƠN VỊ");
	doc->landscape = true;
	buf_free(&b);
	*out = doc;
	return GN_OK;
}
