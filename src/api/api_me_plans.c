/*
 * api_me_plans.c - monitoring and evaluation, area "plans" (docs/api.md,
 * "Monitoring and evaluation: plans"): the catalogue of projects, plans
 * (kế hoạch) with their numeric targets, activities and declared funding,
 * budget lines (allocations and disbursements) with their totals and
 * disbursement rates, and one line recorded from a form.
 *
 * Layer: api. Plans and lines are checked here field by field (422 naming
 * the field: "number", "funding.0.total", "targets.1.value"...), the rules
 * that need the stored data by app/budget.h, the figures come from
 * report/budget.h. Scope: a plan belongs to its issuing unit, a line to
 * its unit; outside the caller's area they answer 404 (never 403, so
 * that their existence is not disclosed); lists keep what is inside.
 * Writes (R_ME: write_me) run in one transaction and are audited by the
 * store.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/budget.h"
#include "../core/budget.h"
#include "../core/mem.h"
#include "../io/text.h"
#include "../report/budget.h"
#include "../report/render.h"
#include "api_int.h"

#define PLANS_MAX 500
#define LINES_MAX 1000
#define TARGETS_MAX 60
#define ACTIVITIES_MAX 120
#define FUNDING_MAX 60
#define PARTS_MAX (BS_COUNT * BC_COUNT)
#define TEXT_LONG 20000

/* ---- small helpers ------------------------------------------------------------ */

static const me_catalogue *projects(api_ctx *c)
{
	return api_projects(c->app);
}

static int no_catalogue(api_ctx *c)
{
	return api_internal(c, "the catalogue of projects is not loaded", GN_EINTERNAL);
}

static const char *fname(api_ctx *c, const char *list, size_t i, const char *key)
{
	char b[96];
	snprintf(b, sizeof b, "%s.%zu.%s", list, i, key);
	return arena_strdup(c->ar, b);
}

/* "targets.2": the prefix of an element's fields. */
static const char *item(api_ctx *c, const char *list, size_t i)
{
	char b[64];
	snprintf(b, sizeof b, "%s.%zu", list, i);
	return arena_strdup(c->ar, b);
}

static const char *fname2(api_ctx *c, size_t i, size_t k, const char *key)
{
	char b[96];
	snprintf(b, sizeof b, "funding.%zu.parts.%zu.%s", i, k, key);
	return arena_strdup(c->ar, b);
}

static bool has_control(const char *s, size_t n, bool multiline)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (multiline && (ch == '\n' || ch == '\t'))
			continue;
		if (ch < 0x20 || ch == 0x7f)
			return true;
	}
	return false;
}

enum { T_REQUIRED = 1, T_MULTILINE = 2 };

/* The text member key of obj, NFC, trimmed of surrounding spaces, in the
 * arena: "" when absent or null; NULL (an error recorded for `field`)
 * when it is not text, too long, holds control characters, or is empty
 * and required. */
static const char *get_text(api_ctx *c, api_fields *f, json_t *obj, const char *key,
			    const char *field, size_t max, unsigned flags)
{
	json_t *v = json_object_get(obj, key);
	const char *s = "";
	size_t n = 0;
	if (v && !json_is_null(v)) {
		if (!json_is_string(v)) {
			api_field(c, f, field, "Phải là văn bản", "expected text");
			return NULL;
		}
		s = json_string_value(v);
		n = json_string_length(v);
	}
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (n == 0) {
		if (flags & T_REQUIRED) {
			api_field(c, f, field, "Không được để trống", "required");
			return NULL;
		}
		return "";
	}
	buf b;
	buf_init(&b, 0);
	/* CR LF typed in a textarea becomes LF */
	buf lf;
	buf_init(&lf, 0);
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n'))
			buf_putc(&lf, s[i]);
	const char *res = NULL;
	if (has_control(buf_cstr(&lf), lf.len, (flags & T_MULTILINE) != 0))
		api_field(c, f, field, "Không được chứa ký tự điều khiển",
			  "control characters are not allowed");
	else if (text_nfc(buf_cstr(&lf), lf.len, &b) != GN_OK)
		api_field(c, f, field, "Văn bản không hợp lệ", "invalid text");
	else if (b.len > max)
		api_field(c, f, field, "Quá dài", "too long");
	else
		res = arena_strndup(c->ar, buf_cstr(&b), b.len);
	buf_free(&b);
	buf_free(&lf);
	return res;
}

/* A whole number member in [lo, hi]; dflt when absent or null; false (an
 * error recorded) otherwise. */
static bool get_int(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *field,
		    int64_t lo, int64_t hi, int64_t dflt, bool required, int64_t *out)
{
	json_t *v = json_object_get(obj, key);
	*out = dflt;
	if (!v || json_is_null(v)) {
		if (required) {
			api_field(c, f, field, "Không được để trống", "required");
			return false;
		}
		return true;
	}
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
		char vi[96], en[96];
		snprintf(vi, sizeof vi, "Phải là số nguyên từ %lld đến %lld", (long long)lo,
			 (long long)hi);
		snprintf(en, sizeof en, "expected a whole number from %lld to %lld", (long long)lo,
			 (long long)hi);
		api_field(c, f, field, vi, en);
		return false;
	}
	*out = (int64_t)json_integer_value(v);
	return true;
}

#define MONEY_MAX INT64_C(1000000000000000) /* 10^15 đồng, far above any budget */

static bool get_money(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *field,
		      bool required, int64_t *out)
{
	json_t *v = json_object_get(obj, key);
	*out = 0;
	if (!v || json_is_null(v)) {
		if (required)
			api_field(c, f, field, "Nhập số tiền (đồng)", "an amount (đồng) is required");
		return !required;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > MONEY_MAX) {
		api_field(c, f, field, "Số tiền phải là số đồng nguyên, không âm",
			  "expected whole đồng, not negative");
		return false;
	}
	*out = (int64_t)json_integer_value(v);
	return true;
}

/* A date member (YYYY-MM-DD or DD/MM/YYYY) as ISO into out (11 bytes); ""
 * when absent and not required. */
static bool get_date(api_ctx *c, api_fields *f, json_t *obj, const char *key, bool required,
		     char out[11], gn_date *d)
{
	json_t *v = json_object_get(obj, key);
	out[0] = '\0';
	if (!v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
		if (required)
			api_field(c, f, key, "Nhập ngày (dd/mm/yyyy)", "a date is required");
		return !required;
	}
	gn_date t;
	if (!json_is_string(v) || !date_parse(json_string_value(v), json_string_length(v), &t)) {
		api_field(c, f, key, "Phải là một ngày (dd/mm/yyyy)", "expected a date (YYYY-MM-DD)");
		return false;
	}
	date_format_iso(t, out);
	if (d)
		*d = t;
	return true;
}

/* "2023Q2" -> year and quarter. */
static bool parse_quarter(const char *s, int *year, int *q)
{
	if (strlen(s) != 6 || (s[4] != 'Q' && s[4] != 'q') || s[5] < '1' || s[5] > '4')
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		y = y * 10 + (s[i] - '0');
	}
	*year = y;
	*q = s[5] - '0';
	return true;
}

/* The codes of scope sc as strings in the arena; NULL for the national
 * scope. *n receives their number (at least one entry is allocated). */
static const char **scope_names(api_ctx *c, const scope *sc, size_t *n)
{
	*n = 0;
	if (!sc || scope_is_all(sc))
		return NULL;
	size_t k = scope_count(sc);
	const int32_t *codes = scope_codes(sc);
	const char **names = arena_alloc(c->ar, (k ? k : 1) * sizeof *names);
	for (size_t i = 0; i < k; i++)
		names[i] = units_code(c->units, codes[i]);
	if (k == 0) {
		names[0] = "";
		k = 1;
	}
	*n = k;
	return names;
}

static void plan_release(void *p)
{
	st_plan_clear(p);
}

static void plans_release(void *p)
{
	void **x = p;
	store_plans_free(x[0], (size_t)(uintptr_t)x[1]);
}

static const char *username_of(api_ctx *c, int64_t id)
{
	st_user u;
	if (id > 0 && store_user_get_id(c->st, id, &u) == GN_OK)
		return arena_strdup(c->ar, u.username);
	return "";
}

/* A rate in hundredths of a percent as a number with two decimals, null
 * when nothing is allocated. */
static void write_rate(jw *w, const char *key, const budget_amounts *a)
{
	jw_key(w, key);
	if (a->allocated > 0)
		jw_decimal(w, budget_rate(a), 2);
	else
		jw_null(w);
}

static void write_amounts(jw *w, const budget_amounts *a)
{
	jw_kint(w, "allocated", a->allocated);
	jw_kint(w, "carried_over", a->carried_over);
	jw_kint(w, "disbursed", a->disbursed);
	write_rate(w, "rate", a);
}

/* A figures row: the amounts, and by source and capital type the cells
 * that hold money. */
static void write_row(jw *w, const budget_row *r)
{
	write_amounts(w, &r->total);
	jw_key(w, "by");
	jw_array(w);
	for (int s = 0; s < BS_COUNT; s++)
		for (int k = 0; k < BC_COUNT; k++) {
			const budget_amounts *a = &r->cell[s][k];
			if (!a->allocated && !a->disbursed)
				continue;
			jw_object(w);
			jw_kstr(w, "source", budget_source_name((budget_source)s));
			jw_kstr(w, "capital", budget_capital_name((budget_capital)k));
			write_amounts(w, a);
			jw_object_end(w);
		}
	jw_array_end(w);
}

/* ---- GET /api/v1/me/projects ------------------------------------------------------- */

int api_me_projects(api_ctx *c)
{
	const me_catalogue *cat = projects(c);
	if (!cat)
		return no_catalogue(c);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "projects");
	jw_array(w);
	for (size_t i = 0; i < cat->n; i++) {
		const me_project *p = &cat->v[i];
		jw_object(w);
		jw_kstr(w, "code", p->code);
		jw_key(w, "parent");
		jw_str(w, p->parent >= 0 ? cat->v[p->parent].code : NULL);
		jw_kstr(w, "name", c->en ? p->name_en : p->name_vi);
		jw_kstr(w, "name_vi", p->name_vi);
		jw_kstr(w, "name_en", p->name_en);
		jw_kstr(w, "short", c->en ? p->short_en : p->short_vi);
		jw_kbool(w, "has_children", p->has_children);
		jw_key(w, "forms");
		jw_array(w);
		for (const char *s = p->forms; *s;) {
			const char *e = strchr(s, ';');
			size_t len = e ? (size_t)(e - s) : strlen(s);
			jw_strn(w, s, len);
			s += len + (e ? 1 : 0);
		}
		jw_array_end(w);
		jw_kstr(w, "forms_basis", p->forms_basis);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "sources");
	jw_array(w);
	for (int s = 0; s < BS_COUNT; s++) {
		jw_object(w);
		jw_kstr(w, "code", budget_source_name((budget_source)s));
		jw_kstr(w, "name", budget_source_label((budget_source)s, c->en));
		jw_kstr(w, "short", budget_source_short((budget_source)s));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "capitals");
	jw_array(w);
	for (int k = 0; k < BC_COUNT; k++) {
		jw_object(w);
		jw_kstr(w, "code", budget_capital_name((budget_capital)k));
		jw_kstr(w, "name", budget_capital_label((budget_capital)k, c->en));
		jw_kstr(w, "short", budget_capital_short((budget_capital)k));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- a plan from a request body ------------------------------------------------------ */

static const char *const plan_keys[] = {
	"unit_code", "issuer", "number", "date", "year_from", "year_to", "title",
	"legal_basis", "objectives", "targets", "activities", "funding",
};

/* The array member key of obj, at most max elements; NULL when absent or
 * bad (an error recorded then). */
static json_t *get_array(api_ctx *c, api_fields *f, json_t *obj, const char *key, size_t max)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_array(v)) {
		api_field(c, f, key, "Phải là một danh sách", "expected a list");
		return NULL;
	}
	if (json_array_size(v) > max) {
		api_field(c, f, key, "Danh sách quá dài", "too many elements");
		return NULL;
	}
	return v;
}

static void read_targets(api_ctx *c, api_fields *f, json_t *body, st_plan *p)
{
	json_t *a = get_array(c, f, body, "targets", TARGETS_MAX);
	if (!a)
		return;
	p->targets = arena_calloc(c->ar, json_array_size(a) + 1, sizeof *p->targets);
	static const char *const keys[] = {"text", "value", "measure"};
	size_t i;
	json_t *e;
	json_array_foreach(a, i, e) {
		if (!json_is_object(e)) {
			api_field(c, f, fname(c, "targets", i, "text"), "Chỉ tiêu không hợp lệ",
				  "expected an object");
			continue;
		}
		api_unknown_fields_at(c, f, e, keys, 3, item(c, "targets", i));
		json_t *v;
		st_plan_target *t = &p->targets[p->ntargets++];
		const char *txt = get_text(c, f, e, "text", fname(c, "targets", i, "text"), 500,
					   T_REQUIRED);
		t->text = (char *)(txt ? txt : "");
		const char *m = get_text(c, f, e, "measure", fname(c, "targets", i, "measure"), 40, 0);
		t->measure = (char *)(m ? m : "");
		v = json_object_get(e, "value");
		if (v && !json_is_null(v)) {
			double d = json_is_number(v) ? json_number_value(v) : -1;
			double h = d * 100.0;
			if (!json_is_number(v) || !(d >= 0) || d > 1e12 || fabs(h - round(h)) > 1e-6) {
				api_field(c, f, fname(c, "targets", i, "value"),
					  "Phải là số không âm, tối đa hai chữ số thập phân",
					  "expected a number, not negative, with at most two decimals");
			} else {
				t->has_value = true;
				t->value = json_is_integer(v) ? (int64_t)json_integer_value(v) * 100
							      : (int64_t)llround(h);
			}
		}
	}
}

static void read_activities(api_ctx *c, api_fields *f, json_t *body, st_plan *p,
			    const me_catalogue *cat)
{
	json_t *a = get_array(c, f, body, "activities", ACTIVITIES_MAX);
	if (!a)
		return;
	p->activities = arena_calloc(c->ar, json_array_size(a) + 1, sizeof *p->activities);
	static const char *const keys[] = {"project", "name", "lead_unit", "coordinating_units",
					   "place", "from", "to", "beneficiaries"};
	size_t i;
	json_t *e;
	json_array_foreach(a, i, e) {
		if (!json_is_object(e)) {
			api_field(c, f, fname(c, "activities", i, "name"), "Hoạt động không hợp lệ",
				  "expected an object");
			continue;
		}
		api_unknown_fields_at(c, f, e, keys, sizeof keys / sizeof keys[0],
				      item(c, "activities", i));
		st_plan_activity *x = &p->activities[p->nactivities++];
		const char *pr = get_text(c, f, e, "project", fname(c, "activities", i, "project"),
					  ST_PROJECT, T_REQUIRED);
		int32_t pi = pr ? catalogue_find(cat, pr, strlen(pr)) : -1;
		if (pr && pi < 0)
			api_field(c, f, fname(c, "activities", i, "project"),
				  "Không có trong danh mục dự án", "not a project of the catalogue");
		else if (pi >= 0)
			snprintf(x->project, sizeof x->project, "%s", cat->v[pi].code);
		const char *s;
		/* a project's section of a plan (its aim, content, assignment) may
		 * run to a page: room for it, lines kept */
		s = get_text(c, f, e, "name", fname(c, "activities", i, "name"), 8000,
			     T_REQUIRED | T_MULTILINE);
		x->name = (char *)(s ? s : "");
		s = get_text(c, f, e, "lead_unit", fname(c, "activities", i, "lead_unit"), 300, 0);
		x->lead_unit = (char *)(s ? s : "");
		s = get_text(c, f, e, "coordinating_units",
			     fname(c, "activities", i, "coordinating_units"), 1000, T_MULTILINE);
		x->coordinating_units = (char *)(s ? s : "");
		s = get_text(c, f, e, "place", fname(c, "activities", i, "place"), 300, 0);
		x->place = (char *)(s ? s : "");
		s = get_text(c, f, e, "beneficiaries", fname(c, "activities", i, "beneficiaries"),
			     4000, T_MULTILINE);
		x->beneficiaries = (char *)(s ? s : "");
		/* the time: quarters within the plan's years */
		const char *from = get_text(c, f, e, "from", fname(c, "activities", i, "from"), 6, 0);
		const char *to = get_text(c, f, e, "to", fname(c, "activities", i, "to"), 6, 0);
		int y1 = 0, q1 = 0, y2 = 0, q2 = 0;
		bool ok1 = from && (!*from || parse_quarter(from, &y1, &q1));
		bool ok2 = to && (!*to || parse_quarter(to, &y2, &q2));
		if (from && !ok1)
			api_field(c, f, fname(c, "activities", i, "from"), "Quý phải viết 2023Q2",
				  "expected a quarter such as 2023Q2");
		if (to && !ok2)
			api_field(c, f, fname(c, "activities", i, "to"), "Quý phải viết 2023Q4",
				  "expected a quarter such as 2023Q4");
		if (!ok1 || !ok2)
			continue;
		if (!*from && *to) {
			y1 = y2;
			q1 = q2;
		} else if (*from && !*to) {
			y2 = y1;
			q2 = q1;
		}
		if (y1 && (y1 < p->year_from || y1 > p->year_to))
			api_field(c, f, fname(c, "activities", i, "from"),
				  "Ngoài thời gian của kế hoạch", "outside the plan's years");
		else if (y2 && (y2 < p->year_from || y2 > p->year_to))
			api_field(c, f, fname(c, "activities", i, "to"), "Ngoài thời gian của kế hoạch",
				  "outside the plan's years");
		else if (y1 && (y2 * 4 + q2 < y1 * 4 + q1))
			api_field(c, f, fname(c, "activities", i, "to"), "Quý kết thúc trước quý bắt đầu",
				  "ends before it starts");
		if (y1) {
			snprintf(x->time_from, sizeof x->time_from, "%04dQ%d", y1, q1);
			snprintf(x->time_to, sizeof x->time_to, "%04dQ%d", y2, q2);
		}
	}
}

static void read_funding(api_ctx *c, api_fields *f, json_t *body, st_plan *p,
			 const me_catalogue *cat)
{
	json_t *a = get_array(c, f, body, "funding", FUNDING_MAX);
	if (!a)
		return;
	size_t nf = json_array_size(a);
	p->funding = arena_calloc(c->ar, nf + 1, sizeof *p->funding);
	int32_t *proj = arena_calloc(c->ar, nf + 1, sizeof *proj);
	bool *good = arena_calloc(c->ar, nf + 1, sizeof *good);
	static const char *const keys[] = {"project", "year", "total", "parts"};
	static const char *const part_keys[] = {"source", "capital", "amount", "carried_over"};
	size_t i;
	json_t *e;
	json_array_foreach(a, i, e) {
		if (!json_is_object(e)) {
			api_field(c, f, fname(c, "funding", i, "total"), "Kinh phí không hợp lệ",
				  "expected an object");
			continue;
		}
		api_unknown_fields_at(c, f, e, keys, 4, item(c, "funding", i));
		json_t *v;
		size_t fi = p->nfunding++;
		st_plan_funding *x = &p->funding[fi];
		bool ok = true;
		const char *pr = get_text(c, f, e, "project", fname(c, "funding", i, "project"),
					  ST_PROJECT, T_REQUIRED);
		proj[fi] = pr ? catalogue_find(cat, pr, strlen(pr)) : -1;
		if (pr && proj[fi] < 0)
			api_field(c, f, fname(c, "funding", i, "project"), "Không có trong danh mục dự án",
				  "not a project of the catalogue");
		if (proj[fi] < 0)
			ok = false;
		else
			snprintf(x->project, sizeof x->project, "%s", cat->v[proj[fi]].code);
		int64_t year;
		if (!get_int(c, f, e, "year", fname(c, "funding", i, "year"), p->year_from,
			     p->year_to, p->year_from, false, &year))
			ok = false;
		x->year = (int)year;
		if (!get_money(c, f, e, "total", fname(c, "funding", i, "total"), true, &x->total))
			ok = false;
		else if (x->total <= 0) {
			api_field(c, f, fname(c, "funding", i, "total"), "Tổng kinh phí phải lớn hơn 0",
				  "the total must be more than 0");
			ok = false;
		}
		json_t *parts = json_object_get(e, "parts");
		budget_part *bp = NULL;
		if (parts && !json_is_null(parts)) {
			if (!json_is_array(parts) || json_array_size(parts) > PARTS_MAX) {
				api_field(c, f, fname(c, "funding", i, "parts"),
					  "Phải là danh sách các nguồn vốn", "expected a list of parts");
				ok = false;
				parts = NULL;
			}
		}
		size_t np = parts ? json_array_size(parts) : 0;
		x->parts = arena_calloc(c->ar, np + 1, sizeof *x->parts);
		bp = arena_calloc(c->ar, np + 1, sizeof *bp);
		for (size_t k = 0; k < np; k++) {
			json_t *pe = json_array_get(parts, k);
			if (!json_is_object(pe)) {
				api_field(c, f, fname2(c, i, k, "amount"), "Nguồn vốn không hợp lệ",
					  "expected an object");
				ok = false;
				continue;
			}
			char pre[64];
			snprintf(pre, sizeof pre, "funding.%zu.parts.%zu", i, k);
			if (api_unknown_fields_at(c, f, pe, part_keys, 4, pre))
				ok = false;
			st_plan_part *pt = &x->parts[x->nparts++];
			v = json_object_get(pe, "source");
			if (!json_is_string(v) ||
			    !budget_source_parse(json_string_value(v), json_string_length(v),
						 &bp[k].source)) {
				api_field(c, f, fname2(c, i, k, "source"), "Nguồn vốn không hợp lệ",
					  "expected central, provincial, district, commune, mobilised, credit or household");
				ok = false;
			}
			v = json_object_get(pe, "capital");
			bp[k].capital = BC_RECURRENT;
			if (v && !json_is_null(v) &&
			    !(json_is_string(v) &&
			      budget_capital_parse(json_string_value(v), json_string_length(v),
						   &bp[k].capital))) {
				api_field(c, f, fname2(c, i, k, "capital"),
					  "Loại vốn phải là sự nghiệp hoặc đầu tư",
					  "expected recurrent or investment");
				ok = false;
			}
			if (!get_money(c, f, pe, "amount", fname2(c, i, k, "amount"), true, &bp[k].amount) ||
			    !get_money(c, f, pe, "carried_over", fname2(c, i, k, "carried_over"), false,
				       &bp[k].carried_over))
				ok = false;
			snprintf(pt->source, sizeof pt->source, "%s", budget_source_name(bp[k].source));
			snprintf(pt->capital, sizeof pt->capital, "%s", budget_capital_name(bp[k].capital));
			pt->amount = bp[k].amount;
			pt->carried_over = bp[k].carried_over;
		}
		if (!ok)
			continue;
		size_t at;
		int64_t sum;
		char vi[200], en[200], s1[28], s2[28];
		switch (budget_funding_check(x->total, bp, x->nparts, &at, &sum)) {
		case BF_OK:
			good[fi] = true;
			break;
		case BF_TOTAL:
			budget_money_vn(sum, s1);
			budget_money_vn(x->total, s2);
			snprintf(vi, sizeof vi, "Các nguồn cộng lại %s đồng, khác tổng kinh phí %s đồng",
				 s1, s2);
			snprintf(en, sizeof en, "the parts add up to %s đồng, not the total of %s đồng",
				 s1, s2);
			api_field(c, f, fname(c, "funding", i, "total"), vi, en);
			break;
		case BF_DUPLICATE:
			api_field(c, f, fname2(c, i, at, "source"), "Nguồn vốn và loại vốn này đã có",
				  "this source and capital type is given twice");
			break;
		case BF_AMOUNT:
			api_field(c, f, fname2(c, i, at, "amount"), "Số tiền phải lớn hơn 0",
				  "must be more than 0");
			break;
		case BF_CARRIED:
			api_field(c, f, fname2(c, i, at, "carried_over"),
				  "Vốn chuyển sang không được lớn hơn số tiền",
				  "cannot be more than the amount");
			break;
		case BF_OVERFLOW:
			api_field(c, f, fname(c, "funding", i, "total"), "Số quá lớn", "too large");
			break;
		}
	}
	/* each (project, year) once; sub-projects within their project */
	for (size_t x = 0; x < p->nfunding; x++) {
		if (!good[x])
			continue;
		for (size_t y = 0; y < x; y++)
			if (good[y] && proj[y] == proj[x] && p->funding[y].year == p->funding[x].year)
				api_field(c, f, fname(c, "funding", x, "project"),
					  "Dự án này đã có kinh phí của năm này",
					  "this project has a funding of that year already");
		if (cat->v[proj[x]].has_children) {
			int64_t subs = 0;
			for (size_t y = 0; y < p->nfunding; y++)
				if (good[y] && y != x && cat->v[proj[y]].parent == proj[x] &&
				    p->funding[y].year == p->funding[x].year)
					subs += p->funding[y].total;
			if (subs > p->funding[x].total) {
				char vi[200], en[200], s1[28], s2[28];
				budget_money_vn(subs, s1);
				budget_money_vn(p->funding[x].total, s2);
				snprintf(vi, sizeof vi, "Các tiểu dự án cộng lại %s đồng, lớn hơn tổng của dự án %s đồng",
					 s1, s2);
				snprintf(en, sizeof en, "the sub-projects add up to %s đồng, more than the project's %s đồng",
					 s1, s2);
				api_field(c, f, fname(c, "funding", x, "total"), vi, en);
			}
		}
	}
}

/* Reads a plan body into p (strings in the arena). `stored`: the plan
 * replaced (its unit is kept), or NULL for a new one. Returns 0, or the
 * status of the 422 written. */
static int read_plan(api_ctx *c, json_t *body, const st_plan *stored, st_plan *p)
{
	const me_catalogue *cat = projects(c);
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, plan_keys, sizeof plan_keys / sizeof plan_keys[0]);
	memset(p, 0, sizeof *p);
	json_t *v = json_object_get(body, "unit_code");
	if (stored) {
		memcpy(p->unit_code, stored->unit_code, sizeof p->unit_code);
		if (v && !json_is_null(v) &&
		    !(json_is_string(v) && strcmp(json_string_value(v), stored->unit_code) == 0))
			api_field(c, f, "unit_code", "Không đổi được đơn vị ban hành",
				  "the issuing unit cannot change");
	} else {
		const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
		if (!unit || api_unit_in_scope(c, unit) < 0 || strlen(unit) >= ST_CODE)
			api_field(c, f, "unit_code", "Phải là một đơn vị thuộc phạm vi của bạn",
				  "must be a unit of your area");
		else
			snprintf(p->unit_code, sizeof p->unit_code, "%s", unit);
	}
	const char *s = get_text(c, f, body, "number", "number", ST_PLAN_NUMBER - 4, T_REQUIRED);
	if (s)
		snprintf(p->number, sizeof p->number, "%s", s);
	s = get_text(c, f, body, "issuer", "issuer", 300, 0);
	p->issuer = (char *)(s ? s : "");
	get_date(c, f, body, "date", true, p->date, NULL);
	int64_t y1, y2;
	bool ok1 = get_int(c, f, body, "year_from", "year_from", 2000, 2100, 0, true, &y1);
	bool ok2 = get_int(c, f, body, "year_to", "year_to", 2000, 2100, y1, false, &y2);
	if (ok1 && ok2 && y2 < y1)
		api_field(c, f, "year_to", "Năm kết thúc trước năm bắt đầu", "ends before it starts");
	else if (ok1 && ok2 && y2 - y1 > 10)
		api_field(c, f, "year_to", "Kế hoạch dài quá 10 năm", "a plan of more than 10 years");
	p->year_from = (int)y1;
	p->year_to = (int)(ok2 ? y2 : y1);
	s = get_text(c, f, body, "title", "title", 1000, T_MULTILINE);
	p->title = (char *)(s ? s : "");
	s = get_text(c, f, body, "legal_basis", "legal_basis", TEXT_LONG, T_MULTILINE);
	p->legal_basis = (char *)(s ? s : "");
	s = get_text(c, f, body, "objectives", "objectives", TEXT_LONG, T_MULTILINE);
	p->objectives = (char *)(s ? s : "");
	read_targets(c, f, body, p);
	if (ok1 && ok2 && y2 >= y1) {
		read_activities(c, f, body, p, cat);
		read_funding(c, f, body, p, cat);
	}
	return f->n ? api_fields_reply(c, f) : 0;
}

/* ---- writing a plan ---------------------------------------------------------------- */

static void write_hundredths(jw *w, int64_t v)
{
	if (v % 100 == 0)
		jw_int(w, v / 100);
	else
		jw_decimal(w, v, 2);
}

/* Declared totals of top-level projects only, so that a project and its
 * sub-projects are not both counted. */
static int64_t declared_top(api_ctx *c, const st_plan *p)
{
	const me_catalogue *cat = projects(c);
	int64_t t = 0;
	for (size_t i = 0; i < p->nfunding; i++) {
		int32_t k = cat ? catalogue_find(cat, p->funding[i].project,
						 strlen(p->funding[i].project))
				: -1;
		bool covered = false;
		if (k >= 0 && cat->v[k].parent >= 0)
			for (size_t j = 0; j < p->nfunding && !covered; j++)
				covered = j != i && p->funding[j].year == p->funding[i].year &&
					  strcmp(p->funding[j].project, cat->v[cat->v[k].parent].code) == 0;
		if (!covered)
			t += p->funding[i].total;
	}
	return t;
}

static void write_plan(api_ctx *c, const st_plan *p, bool full)
{
	jw *w = c->json;
	int32_t u = units_find(c->units, p->unit_code, strlen(p->unit_code));
	jw_object(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "unit_code", p->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kstr(w, "issuer", p->issuer);
	jw_kstr(w, "number", p->number);
	jw_kstr(w, "date", p->date);
	jw_kstr(w, "ref", p->ref);
	jw_kint(w, "year_from", p->year_from);
	jw_kint(w, "year_to", p->year_to);
	jw_kstr(w, "title", p->title);
	jw_kint(w, "declared_total", declared_top(c, p));
	if (full) {
		jw_kstr(w, "legal_basis", p->legal_basis);
		jw_kstr(w, "objectives", p->objectives);
		jw_key(w, "targets");
		jw_array(w);
		for (size_t i = 0; i < p->ntargets; i++) {
			const st_plan_target *t = &p->targets[i];
			jw_object(w);
			jw_kstr(w, "text", t->text);
			jw_key(w, "value");
			if (t->has_value)
				write_hundredths(w, t->value);
			else
				jw_null(w);
			jw_kstr(w, "measure", t->measure);
			jw_object_end(w);
		}
		jw_array_end(w);
		jw_key(w, "activities");
		jw_array(w);
		for (size_t i = 0; i < p->nactivities; i++) {
			const st_plan_activity *a = &p->activities[i];
			jw_object(w);
			jw_kstr(w, "project", a->project);
			jw_kstr(w, "name", a->name);
			jw_kstr(w, "lead_unit", a->lead_unit);
			jw_kstr(w, "coordinating_units", a->coordinating_units);
			jw_kstr(w, "place", a->place);
			jw_key(w, "from");
			jw_str(w, a->time_from[0] ? a->time_from : NULL);
			jw_key(w, "to");
			jw_str(w, a->time_to[0] ? a->time_to : NULL);
			jw_kstr(w, "beneficiaries", a->beneficiaries);
			jw_object_end(w);
		}
		jw_array_end(w);
	}
	jw_key(w, "funding");
	jw_array(w);
	for (size_t i = 0; i < p->nfunding; i++) {
		const st_plan_funding *fu = &p->funding[i];
		jw_object(w);
		jw_kstr(w, "project", fu->project);
		jw_kint(w, "year", fu->year);
		jw_kint(w, "total", fu->total);
		jw_key(w, "parts");
		jw_array(w);
		for (size_t k = 0; k < fu->nparts; k++) {
			jw_object(w);
			jw_kstr(w, "source", fu->parts[k].source);
			jw_kstr(w, "capital", fu->parts[k].capital);
			jw_kint(w, "amount", fu->parts[k].amount);
			jw_kint(w, "carried_over", fu->parts[k].carried_over);
			jw_object_end(w);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "created_by", p->created_by);
	jw_kint(w, "created_at", p->created_at);
	jw_kint(w, "updated_by", p->updated_by);
	jw_kint(w, "updated_at", p->updated_at);
	jw_object_end(w);
}

static void write_line(api_ctx *c, const st_budget_line *l)
{
	jw *w = c->json;
	int32_t u = units_find(c->units, l->unit_code, strlen(l->unit_code));
	jw_object(w);
	jw_kint(w, "id", l->id);
	jw_kstr(w, "plan", l->plan);
	jw_kstr(w, "unit_code", l->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kint(w, "year", l->year);
	jw_kstr(w, "project", l->project);
	jw_kstr(w, "source", l->source);
	jw_kstr(w, "capital", l->capital);
	jw_kstr(w, "kind", l->kind);
	jw_key(w, "date");
	jw_str(w, l->date[0] ? l->date : NULL);
	jw_kint(w, "amount", l->amount);
	jw_kint(w, "carried_over", l->carried_over);
	jw_kint(w, "updated_at", l->updated_at);
	jw_object_end(w);
}

/* ---- the units a plan's lines lie on ---------------------------------------------- */

/* The codes of the plan's issuing unit's subtree (today's map, with what
 * lineage carries into it), less the subtrees of units under it that
 * issued a plan of the same reference themselves (their lines are theirs). */
static const char **plan_units(api_ctx *c, const st_plan *p, const char *ref, size_t *n)
{
	*n = 0;
	int32_t u = units_find(c->units, p->unit_code, strlen(p->unit_code));
	if (u < 0)
		return NULL;
	const scope *sc = world_scope(c->w, u);
	if (!sc)
		return NULL;
	st_plan_filter pf = {.ref = ref};
	st_plan *others = NULL;
	size_t no = 0;
	if (store_plans_list(c->st, &pf, &others, &no) != GN_OK)
		no = 0;
	size_t k = scope_count(sc);
	const int32_t *codes = scope_codes(sc);
	const char **names = arena_alloc(c->ar, (k ? k : 1) * sizeof *names);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		bool theirs = false;
		for (size_t j = 0; j < no && !theirs; j++) {
			if (strcmp(others[j].unit_code, p->unit_code) == 0)
				continue;
			int32_t ou = units_find(c->units, others[j].unit_code,
						strlen(others[j].unit_code));
			if (ou < 0 || ou == u || !scope_has(sc, ou))
				continue;
			const scope *osc = world_scope(c->w, ou);
			theirs = osc && scope_has(osc, codes[i]);
		}
		if (!theirs)
			names[m++] = units_code(c->units, codes[i]);
	}
	store_plans_free(others, no);
	if (m == 0)
		names[m++] = "";
	*n = m;
	return names;
}

/* ---- GET /api/v1/me/plans ------------------------------------------------------------ */

int api_me_plans_list(api_ctx *c)
{
	int status;
	int64_t year;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status))
		return status;
	if (!c->scope)
		return api_not_found(c);
	const scope *sc = c->scope;
	const char *unit = api_query(c, "unit");
	if (unit && *unit) {
		int32_t u = api_unit_in_scope(c, unit);
		if (u < 0)
			return api_not_found(c);
		sc = world_scope(c->w, u);
	}
	size_t n;
	const char **codes = scope_names(c, sc, &n);
	st_plan_filter f = {.unit_codes = codes, .nunits = n, .year = (int)year};
	st_plan *rows = NULL;
	size_t nr = 0;
	gn_err rc = store_plans_list(c->st, &f, &rows, &nr);
	if (rc)
		return api_internal(c, "plans", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = rows;
	hold[1] = (void *)(uintptr_t)nr;
	arena_defer(c->ar, plans_release, hold);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "plans");
	jw_array(w);
	for (size_t i = 0; i < nr && i < PLANS_MAX; i++)
		if (api_in_scope(c, rows[i].unit_code))
			write_plan(c, &rows[i], false);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/me/plans/{id} ---------------------------------------------------------- */

/* Loads plan id when it is in the caller's scope: 0, or the status written. */
static int load_plan(api_ctx *c, int64_t id, st_plan *p)
{
	if (id <= 0)
		return api_not_found(c);
	gn_err rc = store_plan_get(c->st, id, p);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "plan", rc);
	if (!api_in_scope(c, p->unit_code)) {
		st_plan_clear(p);
		return api_not_found(c);
	}
	return 0;
}

static void lines_release(void *p)
{
	free(p);
}

/* The plan, what its lines add up to against its declared funding, its
 * lines and its history. */
static int answer_plan(api_ctx *c, const st_plan *p, int status)
{
	const me_catalogue *cat = projects(c);
	size_t nu;
	const char **units = plan_units(c, p, p->ref, &nu);
	st_budget_filter bf = {.unit_codes = units, .nunits = nu, .plan = p->ref};
	st_budget_line *l = NULL;
	size_t nl = 0;
	gn_err rc = units ? store_budget_list(c->st, &bf, &l, &nl) : GN_OK;
	if (rc)
		return api_internal(c, "budget lines", rc);
	arena_defer(c->ar, lines_release, l);
	st_audit *au = NULL;
	size_t na = 0;
	char key[32];
	snprintf(key, sizeof key, "plan/%lld", (long long)p->id);
	if ((rc = store_audit_of(c->st, key, &au, &na)))
		return api_internal(c, "history", rc);

	jw *w = c->json;
	jw_object(w);
	jw_key(w, "plan");
	write_plan(c, p, true);
	/* each declared funding against the plan's lines of its project
	 * (with its sub-projects) and year */
	jw_key(w, "funding_status");
	jw_array(w);
	for (size_t i = 0; i < p->nfunding; i++) {
		const st_plan_funding *fu = &p->funding[i];
		int32_t fp = cat ? catalogue_find(cat, fu->project, strlen(fu->project)) : -1;
		budget_row r;
		memset(&r, 0, sizeof r);
		for (size_t k = 0; k < nl && fp >= 0; k++) {
			int32_t lp = catalogue_find(cat, l[k].project, strlen(l[k].project));
			budget_source s;
			budget_capital cp;
			if (l[k].year != fu->year || lp < 0 || !catalogue_within(cat, lp, fp) ||
			    !budget_source_parse(l[k].source, strlen(l[k].source), &s) ||
			    !budget_capital_parse(l[k].capital, strlen(l[k].capital), &cp))
				continue;
			budget_row_add_line(&r, s, cp, strcmp(l[k].kind, "disbursed") == 0,
					    l[k].amount, l[k].carried_over);
		}
		jw_object(w);
		jw_kstr(w, "project", fu->project);
		jw_kint(w, "year", fu->year);
		jw_kint(w, "declared", fu->total);
		write_amounts(w, &r.total);
		jw_kbool(w, "matches", r.total.allocated == fu->total);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "lines_total", (int64_t)nl);
	jw_key(w, "lines");
	jw_array(w);
	for (size_t k = 0; k < nl && k < LINES_MAX; k++)
		if (api_in_scope(c, l[k].unit_code))
			write_line(c, &l[k]);
	jw_array_end(w);
	jw_key(w, "history");
	jw_array(w);
	for (size_t i = 0; i < na; i++) {
		jw_object(w);
		jw_kint(w, "at", au[i].at);
		jw_kstr(w, "user", username_of(c, au[i].user_id));
		jw_kstr(w, "field", au[i].field);
		jw_key(w, "old");
		jw_str(w, au[i].old_value);
		jw_key(w, "new");
		jw_str(w, au[i].new_value);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	store_audit_free(au, na);
	return status;
}

int api_me_plan_get(api_ctx *c)
{
	if (!projects(c))
		return no_catalogue(c);
	st_plan *p = arena_calloc(c->ar, 1, sizeof *p);
	int status = load_plan(c, api_param_id(c, "id"), p);
	if (status)
		return status;
	arena_defer(c->ar, plan_release, p);
	return answer_plan(c, p, 200);
}

/* ---- POST /api/v1/me/plans, PUT /api/v1/me/plans/{id} ---------------------------------- */

static int ref_taken(api_ctx *c)
{
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_field(c, f, "number",
		  "Đơn vị đã có kế hoạch cùng số hiệu trong năm này",
		  "the unit has a plan of this number in that year already");
	return api_fields_reply(c, f);
}

int api_me_plan_create(api_ctx *c)
{
	if (!projects(c))
		return no_catalogue(c);
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	st_plan p;
	if ((status = read_plan(c, body, NULL, &p)))
		return status;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_plan_add(c->st, &p, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EEXIST)
			return ref_taken(c);
		return api_internal(c, "add plan", rc);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/plans/%lld", (long long)p.id);
	http_add_header(c->rq, "Location", loc);
	st_plan *got = arena_calloc(c->ar, 1, sizeof *got);
	if ((status = load_plan(c, p.id, got)))
		return status;
	arena_defer(c->ar, plan_release, got);
	return answer_plan(c, got, 201);
}

int api_me_plan_update(api_ctx *c)
{
	if (!projects(c))
		return no_catalogue(c);
	st_plan *old = arena_calloc(c->ar, 1, sizeof *old);
	int status = load_plan(c, api_param_id(c, "id"), old);
	if (status)
		return status;
	arena_defer(c->ar, plan_release, old);
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	st_plan p;
	if ((status = read_plan(c, body, old, &p)))
		return status;
	p.id = old->id;
	/* a new reference takes the plan's lines along */
	size_t nu;
	const char **units = plan_units(c, old, old->ref, &nu);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_plan_update(c->st, &p, units, units ? nu : 0, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EEXIST)
			return ref_taken(c);
		if (rc == GN_ENOTFOUND)
			return api_not_found(c);
		return api_internal(c, "update plan", rc);
	}
	st_plan *got = arena_calloc(c->ar, 1, sizeof *got);
	if ((status = load_plan(c, p.id, got)))
		return status;
	arena_defer(c->ar, plan_release, got);
	return answer_plan(c, got, 200);
}

/* ---- GET /api/v1/me/budget ------------------------------------------------------------- */

static void figures_release(void *p)
{
	budget_figures_free(p);
}

int api_me_budget(api_ctx *c)
{
	const me_catalogue *cat = projects(c);
	if (!cat)
		return no_catalogue(c);
	int status;
	int64_t year, with_lines;
	gn_date asof;
	int ty, tm, td;
	date_to_ymd(world_today(c->w), &ty, &tm, &td);
	if (!api_query_int(c, "year", 2000, 2100, ty, &year, &status) ||
	    !api_query_int(c, "lines", 0, 1, 1, &with_lines, &status) ||
	    !api_query_date(c, "asof", world_today(c->w), &asof, &status))
		return status;
	const char *plan = api_query(c, "plan");
	if (plan && (!*plan || strlen(plan) >= ST_PLAN_REF))
		plan = NULL;
	if (!c->scope)
		return api_not_found(c);
	const unit_map *m = world_map(c->w, asof, c->ar);
	const char *code = api_query(c, "unit");
	int32_t u = -1;
	if (code && *code) {
		u = units_find(c->units, code, strlen(code));
		if (u < 0 || !api_in_scope(c, code))
			return api_not_found(c);
	} else if (c->user && strcmp(c->user->unit_code, "*") != 0) {
		u = units_find(c->units, c->user->unit_code, strlen(c->user->unit_code));
	} else {
		/* the whole map: its single top unit (the country) */
		size_t nc = units_ncodes(c->units), nroots = 0;
		for (size_t i = 0; i < nc; i++)
			if (unit_map_version(m, (int32_t)i) && unit_map_parent(m, (int32_t)i) < 0) {
				u = (int32_t)i;
				nroots++;
			}
		if (nroots != 1)
			return api_bad_request(c, "Chọn một đơn vị (?unit=)", "Choose a unit (?unit=)");
	}
	if (u < 0 || !unit_map_version(m, u))
		return api_not_found(c);
	budget_figures *fig = NULL;
	gn_err rc = budget_figures_compute(c->st, cat, c->units, m, units_code(c->units, u),
					   (int)year, plan, NULL, &fig);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "budget figures", rc);
	arena_defer(c->ar, figures_release, fig);

	jw *w = c->json;
	jw_object(w);
	jw_key(w, "unit");
	jw_object(w);
	jw_kstr(w, "code", fig->unit_code);
	jw_kstr(w, "name", fig->unit_name);
	jw_kstr(w, "level", unit_level_name(fig->level));
	jw_object_end(w);
	jw_kint(w, "year", fig->year);
	char day[11];
	date_format_iso(fig->asof, day);
	jw_kstr(w, "asof", day);
	jw_key(w, "plan");
	jw_str(w, fig->plan);
	jw_key(w, "total");
	jw_object(w);
	write_row(w, &fig->total);
	jw_object_end(w);
	jw_key(w, "projects");
	jw_array(w);
	for (size_t i = 0; i < cat->n; i++) {
		const me_project *p = &cat->v[i];
		jw_object(w);
		jw_kstr(w, "code", p->code);
		jw_key(w, "parent");
		jw_str(w, p->parent >= 0 ? cat->v[p->parent].code : NULL);
		jw_kstr(w, "name", c->en ? p->name_en : p->name_vi);
		jw_kstr(w, "short", c->en ? p->short_en : p->short_vi);
		jw_kbool(w, "has_children", p->has_children);
		write_row(w, &fig->projects[i]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "units");
	jw_array(w);
	for (size_t i = 0; i < fig->nunits; i++) {
		const budget_unit_row *r = &fig->units[i];
		jw_object(w);
		jw_kstr(w, "code", r->code_text);
		jw_kstr(w, "name", r->name);
		jw_kbool(w, "own", r->own);
		jw_kbool(w, "has_children", r->has_children);
		write_amounts(w, &r->r.total);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "lines_counted", (int64_t)fig->lines);
	if (with_lines) {
		size_t n;
		const char **codes = scope_names(c, world_scope(c->w, u), &n);
		st_budget_filter bf = {.unit_codes = codes, .nunits = n, .year = (int)year,
				       .plan = plan};
		st_budget_line *l = NULL;
		size_t nl = 0;
		if ((rc = store_budget_list(c->st, &bf, &l, &nl)))
			return api_internal(c, "budget lines", rc);
		arena_defer(c->ar, lines_release, l);
		jw_kint(w, "lines_total", (int64_t)nl);
		jw_key(w, "lines");
		jw_array(w);
		for (size_t k = 0; k < nl && k < LINES_MAX; k++)
			if (api_in_scope(c, l[k].unit_code))
				write_line(c, &l[k]);
		jw_array_end(w);
	}
	jw_object_end(w);
	return 200;
}

/* ---- POST /api/v1/me/budget ----------------------------------------------------------- */

int api_me_budget_put(api_ctx *c)
{
	const me_catalogue *cat = projects(c);
	if (!cat)
		return no_catalogue(c);
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"plan", "unit_code", "year", "project", "source",
					   "capital", "kind", "amount", "carried_over", "date"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	st_budget_line l;
	memset(&l, 0, sizeof l);
	const char *s = get_text(c, f, body, "plan", "plan", 100, T_REQUIRED);
	if (s)
		snprintf(l.plan, sizeof l.plan, "%s", s);
	json_t *v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || strlen(unit) >= ST_CODE || units_find(c->units, unit, strlen(unit)) < 0 ||
	    !api_in_scope(c, unit))
		api_field(c, f, "unit_code", "Phải là một đơn vị thuộc phạm vi của bạn",
			  "must be a unit of your area");
	else
		snprintf(l.unit_code, sizeof l.unit_code, "%s", unit);
	int64_t year;
	bool year_ok = get_int(c, f, body, "year", "year", 2000, 2100, 0, true, &year);
	l.year = (int)year;
	s = get_text(c, f, body, "project", "project", ST_PROJECT, T_REQUIRED);
	int32_t p = s ? catalogue_find(cat, s, strlen(s)) : -1;
	if (s && p < 0)
		api_field(c, f, "project", "Không có trong danh mục dự án",
			  "not a project of the catalogue");
	else if (p >= 0)
		snprintf(l.project, sizeof l.project, "%s", cat->v[p].code);
	budget_source bs = BS_CENTRAL;
	budget_capital bc = BC_RECURRENT;
	v = json_object_get(body, "source");
	if (!json_is_string(v) || !budget_source_parse(json_string_value(v), json_string_length(v), &bs))
		api_field(c, f, "source", "Nguồn vốn không hợp lệ",
			  "expected central, provincial, district, commune, mobilised, credit or household");
	v = json_object_get(body, "capital");
	if (v && !json_is_null(v) &&
	    !(json_is_string(v) &&
	      budget_capital_parse(json_string_value(v), json_string_length(v), &bc)))
		api_field(c, f, "capital", "Loại vốn phải là sự nghiệp hoặc đầu tư",
			  "expected recurrent or investment");
	snprintf(l.source, sizeof l.source, "%s", budget_source_name(bs));
	snprintf(l.capital, sizeof l.capital, "%s", budget_capital_name(bc));
	v = json_object_get(body, "kind");
	bool disbursed = false;
	if (v && !json_is_null(v)) {
		if (json_is_string(v) && strcmp(json_string_value(v), "disbursed") == 0)
			disbursed = true;
		else if (!(json_is_string(v) && strcmp(json_string_value(v), "allocated") == 0))
			api_field(c, f, "kind", "Phải là allocated hoặc disbursed",
				  "expected allocated or disbursed");
	}
	snprintf(l.kind, sizeof l.kind, "%s", disbursed ? "disbursed" : "allocated");
	if (get_money(c, f, body, "amount", "amount", true, &l.amount) && disbursed && l.amount == 0)
		api_field(c, f, "amount", "Số giải ngân phải lớn hơn 0", "must be more than 0");
	get_money(c, f, body, "carried_over", "carried_over", false, &l.carried_over);
	if (disbursed && l.carried_over)
		api_field(c, f, "carried_over", "Chỉ dùng cho kinh phí được giao",
			  "only for an allocation");
	else if (l.carried_over > l.amount)
		api_field(c, f, "carried_over", "Không được lớn hơn số tiền",
			  "cannot be more than the amount");
	gn_date day = 0;
	if (get_date(c, f, body, "date", disbursed, l.date, &day) && disbursed && year_ok) {
		int y, m, d;
		date_to_ymd(day, &y, &m, &d);
		if (y != l.year)
			api_field(c, f, "date", "Ngày giải ngân phải trong năm của kinh phí",
				  "a disbursement is dated within its year");
		else if (day > world_today(c->w))
			api_field(c, f, "date", "Không được là ngày trong tương lai",
				  "cannot be in the future");
	}
	if (f->n)
		return api_fields_reply(c, f);
	st_budget_line old;
	gn_err rc = store_begin(c->st);
	bool existed = false;
	budget_refusal why = {0};
	if (!rc) {
		gn_err e = store_budget_find(c->st, &l, &old);
		existed = e == GN_OK;
		rc = e == GN_OK || e == GN_ENOTFOUND ? GN_OK : e;
	}
	if (!rc)
		rc = budget_record(c->st, cat, c->units, &l, c->user->id, &why);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT && why.field) {
			api_field(c, f, why.field, why.vi, why.en);
			return api_fields_reply(c, f);
		}
		return api_internal(c, "budget line", rc);
	}
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "line");
	write_line(c, &l);
	jw_kbool(w, "replaced", existed);
	jw_object_end(w);
	return existed ? 200 : 201;
}

/* ---- GET /api/v1/me/budget/report ------------------------------------------------------ */

/* The budget report (report/budget.h) of a unit and year as a file, the
 * table of `gnbv report budget`: ?unit=&year=&asof=&format=xlsx|pdf|csv
 * (defaults: the caller's unit, today's year, 31 December of the year,
 * xlsx). */
int api_me_budget_report(api_ctx *c)
{
	const me_catalogue *cat = projects(c);
	if (!cat)
		return no_catalogue(c);
	int status;
	int ty, tm, td;
	date_to_ymd(world_today(c->w), &ty, &tm, &td);
	int64_t year;
	if (!api_query_int(c, "year", 2000, 2100, ty, &year, &status))
		return status;
	gn_date asof;
	if (!api_query_date(c, "asof", date_year_end((int)year), &asof, &status))
		return status;
	const char *fs = api_query(c, "format");
	const report_format *fmt = report_format_find(fs && *fs ? fs : "xlsx");
	if (!fmt) {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		api_field(c, f, "format", "Định dạng không hợp lệ (xlsx, pdf, csv)",
			  "Unknown format (xlsx, pdf, csv)");
		return api_fields_reply(c, f);
	}
	const char *code = api_query(c, "unit");
	if (!code || !*code)
		code = c->user && strcmp(c->user->unit_code, "*") != 0 ? c->user->unit_code : NULL;
	if (!code)
		return api_bad_request(c, "Chọn một đơn vị (?unit=)", "Choose a unit (?unit=)");
	if (units_find(c->units, code, strlen(code)) < 0 || !api_in_scope(c, code))
		return api_not_found(c);
	const unit_map *m = world_map(c->w, asof, c->ar);
	budget_figures *fig = NULL;
	gn_err rc = budget_figures_compute(c->st, cat, c->units, m, code, (int)year, NULL, NULL,
					   &fig);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "budget figures", rc);
	arena_defer(c->ar, figures_release, fig);
	report_doc *doc = NULL;
	if ((rc = report_budget(fig, &doc)))
		return api_internal(c, "budget report", rc);
	buf *out = http_out(c->rq);
	buf_reset(out);
	rc = api_render_doc(fmt, doc, out);
	report_doc_free(doc);
	if (rc)
		return api_internal(c, "budget report rendering", rc);
	http_set_type(c->rq, fmt->mime);
	char disp[160];
	char safe[ST_CODE];
	size_t k = 0;
	for (const char *p = code; *p && k + 1 < sizeof safe; p++)
		safe[k++] = (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
				    (*p >= 'a' && *p <= 'z')
			    ? *p
			    : '_';
	safe[k] = '\0';
	snprintf(disp, sizeof disp, "attachment; filename=\"budget-%s-%d%s\"", safe, (int)year,
		 fmt->extension);
	http_add_header(c->rq, "Content-Disposition", disp);
	return 200;
}
