/*
 * api_me_calendar.c - the reporting calendar over HTTP (docs/api.md,
 * "Monitoring and evaluation: calendar"): the report types, the reports a
 * unit and the units under it are expected to send in a year with their
 * due dates and status, submissions (submit, return for correction,
 * approve, with their history), completeness and timeliness, the
 * dashboard's reminders, local deadlines and ad hoc requests.
 *
 * Layer: api. The rules are core/reporting.h (pure); this file builds its
 * view from the store and the world (maps, scopes), maps its answers to
 * HTTP and writes JSON:
 *   403 the caller may not take the action (a unit's own officer submits;
 *       an officer of a unit above it returns or approves),
 *   404 a unit, submission or deadline outside the caller's area,
 *   409 "locked" (approved), "state" (not in a state the action starts
 *       from), "not started" (a period that has not begun),
 *   422 bad fields, named in "fields".
 * Actions are decided and applied in one write transaction on the
 * submission as it is then. Today is the world's (GNBV_TODAY in tests).
 *
 * Who is whose: a unit's own officer is a user of that unit, or of the
 * unit that took it over through lineage (a commune formed on 1/7/2025
 * sends the reports its old communes still owe); "above" is any other
 * unit of the caller's area, the national scope included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/reporting.h"
#include "../core/strmap.h"
#include "../io/text.h"
#include "api_int.h"

#define NOTE_MAX 4000
#define FIGURES_MAX 65536
#define NAME_MAX_LEN 255
#define PLAN_REF_MAX 500
#define TITLE_MAX 500
#define LIST_MAX 5000
#define REMINDERS_MAX 200

/* ---- small helpers ------------------------------------------------------------ */

static int forbidden(api_ctx *c)
{
	return api_error(c, 403, "forbidden", "Vai trò của bạn không được làm việc này",
			 "Your role may not do this");
}

static void write_date(jw *w, const char *key, gn_date d)
{
	char iso[11];
	date_format_iso(d, iso);
	jw_kstr(w, key, iso);
}

static void write_date_or_null(jw *w, const char *key, const char *iso)
{
	jw_key(w, key);
	if (iso && *iso)
		jw_str(w, iso);
	else
		jw_null(w);
}

static bool has_control(const char *s, size_t n, bool multiline)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (multiline && (ch == '\n' || ch == '\t' || ch == '\r'))
			continue;
		if (ch < 0x20 || ch == 0x7f)
			return true;
	}
	return false;
}

/* Reads an optional text member (null or absent: *out = ""): NFC, at
 * most max bytes, no control characters. False (and a field error) when
 * it is not that. */
static bool read_text(api_ctx *c, api_fields *f, json_t *body, const char *key, size_t max,
		      bool multiline, const char **out)
{
	*out = "";
	json_t *v = json_object_get(body, key);
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v)) {
		api_field(c, f, key, "Phải là văn bản", "expected text");
		return false;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (n > max) {
		api_field(c, f, key, "Quá dài", "too long");
		return false;
	}
	if (has_control(s, n, multiline)) {
		api_field(c, f, key, "Không được chứa ký tự điều khiển",
			  "control characters are not allowed");
		return false;
	}
	buf b;
	buf_init(&b, 0);
	if (text_nfc(s, n, &b) != GN_OK) {
		buf_free(&b);
		api_field(c, f, key, "Văn bản không hợp lệ", "invalid text");
		return false;
	}
	/* trim surrounding spaces */
	const char *p = buf_cstr(&b);
	size_t a = 0, e = b.len;
	while (a < e && (p[a] == ' ' || p[a] == '\n' || p[a] == '\t' || p[a] == '\r'))
		a++;
	while (e > a && (p[e - 1] == ' ' || p[e - 1] == '\n' || p[e - 1] == '\t' || p[e - 1] == '\r'))
		e--;
	*out = arena_strndup(c->ar, p + a, e - a);
	buf_free(&b);
	return true;
}

#define FIGURES_DEPTH 8

static int json_depth(json_t *v)
{
	int d = 0;
	if (json_is_object(v)) {
		const char *k;
		json_t *e;
		json_object_foreach(v, k, e) {
			int x = json_depth(e);
			if (x > d)
				d = x;
			if (d > FIGURES_DEPTH)
				break;
		}
		return d + 1;
	}
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			int x = json_depth(e);
			if (x > d)
				d = x;
			if (d > FIGURES_DEPTH)
				break;
		}
		return d + 1;
	}
	return 0;
}

/* Writes a JSON value read back from the store (figures): numbers that
 * are not whole are written with the fewest decimals (up to 6) that hold
 * them. */
static void write_json(jw *w, json_t *v, int depth)
{
	if (depth > FIGURES_DEPTH) {
		jw_null(w);
		return;
	}
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *k;
		json_t *e;
		jw_object(w);
		json_object_foreach(v, k, e) {
			jw_key(w, k);
			write_json(w, e, depth + 1);
		}
		jw_object_end(w);
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *e;
		jw_array(w);
		json_array_foreach(v, i, e)
			write_json(w, e, depth + 1);
		jw_array_end(w);
		break;
	}
	case JSON_STRING:
		jw_strn(w, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		jw_int(w, (int64_t)json_integer_value(v));
		break;
	case JSON_REAL: {
		double x = json_real_value(v);
		int scale = 0;
		double m = x;
		while (scale < 6 && m != (double)(int64_t)m) {
			m *= 10;
			scale++;
		}
		if (m > 9e15 || m < -9e15)
			jw_null(w);
		else
			jw_decimal(w, (int64_t)(m < 0 ? m - 0.5 : m + 0.5), scale);
		break;
	}
	case JSON_TRUE:
		jw_bool(w, true);
		break;
	case JSON_FALSE:
		jw_bool(w, false);
		break;
	case JSON_NULL:
	default:
		jw_null(w);
		break;
	}
}

/* The figures member: a JSON object or array (compact text), or null. */
static bool read_figures(api_ctx *c, api_fields *f, json_t *body, const char **out)
{
	*out = "";
	json_t *v = json_object_get(body, "figures");
	if (!v || json_is_null(v))
		return true;
	if (!json_is_object(v) && !json_is_array(v)) {
		api_field(c, f, "figures", "Số liệu phải là một đối tượng JSON",
			  "expected a JSON object (or array) of figures");
		return false;
	}
	if (json_depth(v) > FIGURES_DEPTH) {
		api_field(c, f, "figures", "Số liệu lồng nhau quá sâu", "nested too deeply");
		return false;
	}
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	if (!s) {
		api_field(c, f, "figures", "Số liệu không hợp lệ", "invalid figures");
		return false;
	}
	if (strlen(s) > FIGURES_MAX) {
		free(s);
		api_field(c, f, "figures", "Số liệu quá lớn (tối đa 64 KB)", "too large (64 KB at most)");
		return false;
	}
	*out = arena_strdup(c->ar, s);
	free(s);
	return true;
}

static const char *level_label(unit_level l, bool en)
{
	static const char *const vi[] = {"Cả nước", "Tỉnh", "Huyện", "Xã", "Thôn"};
	static const char *const eng[] = {"Country", "Province", "District", "Commune", "Village"};
	if ((unsigned)l >= LEVEL_COUNT)
		return "";
	return en ? eng[l] : vi[l];
}

/* ---- the calendar of a request: types, locals, requests, submissions ---------- */

typedef struct sub_row {
	int64_t id;
	rp_state state;
	gn_date first_on, last_on;
} sub_row;

typedef struct cal {
	api_ctx *c;
	const rp_types *types;
	int32_t view;                 /* the unit viewed; -1 national */
	st_calendar_deadline *dl;
	size_t ndl;
	rp_local *locals;
	size_t nlocals;
	st_calendar_request *rq;
	size_t nrq;
	rp_request *reqs;
	size_t nreqs;
	strmap *subs_idx;             /* "type\x1fperiod\x1funit" -> index */
	sub_row *subs;
	size_t nsubs, capsubs;
	bool loaded_year[2];
	int years[2];
	/* maps: the days on which the map changes (sorted), and the maps of
	 * this request by the change day they start on */
	gn_date *changes;
	size_t nchanges;
	bool have_changes;
	gn_date mdate[32];
	const unit_map *mmap[32];
	size_t nm;
} cal;

static void cal_release(void *p)
{
	cal *x = p;
	store_calendar_deadlines_free(x->dl, x->ndl);
	store_calendar_requests_free(x->rq, x->nrq);
	free(x->locals);
	free(x->reqs);
	strmap_free(x->subs_idx);
	free(x->subs);
	free(x->changes);
}

static int cmp_date(const void *a, const void *b)
{
	gn_date x = *(const gn_date *)a, y = *(const gn_date *)b;
	return x < y ? -1 : x > y;
}

/* The days on which the map changes: a version starts or ends, a
 * lineage row takes effect. */
static void find_changes(cal *x)
{
	const unit_set *u = x->c->units;
	size_t nc = units_ncodes(u), cap = 64, n = 0;
	gn_date *d = gn_xmalloc(cap * sizeof *d);
	size_t nl;
	const lineage *l = units_lineage(u, &nl);
	for (size_t i = 0; i < nc + nl; i++) {
		gn_date add[64];
		size_t k = 0;
		if (i < nc) {
			size_t nv;
			const unit_version *v = units_versions(u, (int32_t)i, &nv);
			for (size_t j = 0; j < nv && k + 2 <= 64; j++) {
				if (v[j].from != GN_DATE_MIN)
					add[k++] = v[j].from;
				if (v[j].to != GN_DATE_MAX)
					add[k++] = v[j].to + 1;
			}
		} else {
			add[k++] = l[i - nc].date;
		}
		for (size_t j = 0; j < k; j++) {
			if (n == cap) {
				cap *= 2;
				d = gn_xreallocarray(d, cap, sizeof *d);
			}
			d[n++] = add[j];
		}
	}
	if (n > 1)
		qsort(d, n, sizeof *d, cmp_date);
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (w == 0 || d[w - 1] != d[i])
			d[w++] = d[i];
	x->changes = d;
	x->nchanges = w;
	x->have_changes = true;
}

/* The first day of the stretch of days whose map is the map of d (the
 * maps of every day between two changes are the same): so that a year's
 * dozen due dates share one or two maps, in the world's cache. */
static gn_date canonical_day(cal *x, gn_date d)
{
	if (!x->have_changes)
		find_changes(x);
	if (!x->nchanges)
		return world_today(x->c->w);
	if (d < x->changes[0])
		return x->changes[0] - 1;
	size_t lo = 0, hi = x->nchanges;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->changes[mid] <= d)
			lo = mid;
		else
			hi = mid;
	}
	return x->changes[lo];
}

/* The map of day d, shared by the days of its stretch. */
static const unit_map *cal_map(cal *x, gn_date d)
{
	gn_date k = canonical_day(x, d);
	for (size_t i = 0; i < x->nm; i++)
		if (x->mdate[i] == k)
			return x->mmap[i];
	const unit_map *m = k == canonical_day(x, world_today(x->c->w))
				    ? x->c->today : world_map(x->c->w, k, x->c->ar);
	if (x->nm < sizeof x->mdate / sizeof x->mdate[0]) {
		x->mdate[x->nm] = k;
		x->mmap[x->nm++] = m;
	}
	return m;
}

static gn_date iso_date(const char *s)
{
	gn_date d;
	return s && *s && date_parse(s, strlen(s), &d) ? d : GN_DATE_MIN;
}

/* Loads the local deadlines and the requests (all years: small tables).
 * NULL (and the answer in *status) on a store failure. */
static cal *cal_open(api_ctx *c, int *status)
{
	cal *x = arena_calloc(c->ar, 1, sizeof *x);
	x->c = c;
	x->types = api_report_types(c->app);
	x->view = -1;
	x->subs_idx = strmap_new(256);
	arena_defer(c->ar, cal_release, x);
	if (!x->types) {
		*status = api_error(c, 503, "unavailable", "Chưa nạp danh mục loại báo cáo",
				    "The report types are not loaded");
		return NULL;
	}
	gn_err rc = store_calendar_deadlines(c->st, &x->dl, &x->ndl);
	if (!rc)
		rc = store_calendar_requests(c->st, 0, &x->rq, &x->nrq);
	if (rc) {
		*status = api_internal(c, "calendar", rc);
		return NULL;
	}
	x->locals = gn_xcalloc(x->ndl ? x->ndl : 1, sizeof *x->locals);
	for (size_t i = 0; i < x->ndl; i++) {
		const st_calendar_deadline *d = &x->dl[i];
		rp_local l = {.id = d->id};
		l.unit = units_find(c->units, d->unit_code, strlen(d->unit_code));
		l.type = rp_types_find(x->types, d->type_code);
		l.year_from = d->year_from;
		l.year_to = d->year_to;
		if (l.unit < 0 || !l.type || !rp_kind_parse(d->period_kind, strlen(d->period_kind), &l.kind) ||
		    !rp_rule_parse(d->rule, strlen(d->rule), &l.rule, NULL) ||
		    !rp_levels_parse(d->levels, strlen(d->levels), &l.levels))
			continue; /* a row that no longer fits the data: ignored */
		x->locals[x->nlocals++] = l;
	}
	x->reqs = gn_xcalloc(x->nrq ? x->nrq : 1, sizeof *x->reqs);
	for (size_t i = 0; i < x->nrq; i++) {
		const st_calendar_request *q = &x->rq[i];
		rp_request r = {.id = q->id};
		r.unit = units_find(c->units, q->unit_code, strlen(q->unit_code));
		r.type = rp_types_find(x->types, q->type_code);
		r.date = iso_date(q->request_date);
		r.due = iso_date(q->due_date);
		if (r.unit < 0 || !r.type || r.date == GN_DATE_MIN || r.due == GN_DATE_MIN ||
		    !rp_levels_parse(q->levels, strlen(q->levels), &r.levels))
			continue;
		x->reqs[x->nreqs++] = r;
	}
	return x;
}

static const st_calendar_deadline *deadline_of(const cal *x, int64_t id)
{
	for (size_t i = 0; i < x->ndl; i++)
		if (x->dl[i].id == id)
			return &x->dl[i];
	return NULL;
}

static const st_calendar_request *request_of(const cal *x, int64_t id)
{
	for (size_t i = 0; i < x->nrq; i++)
		if (x->rq[i].id == id)
			return &x->rq[i];
	return NULL;
}

static void sub_key(buf *b, const char *type, const char *period, const char *unit)
{
	buf_reset(b);
	buf_puts(b, type);
	buf_putc(b, '\x1f');
	buf_puts(b, period);
	buf_putc(b, '\x1f');
	buf_puts(b, unit);
}

typedef struct load_ctx {
	cal *x;
	buf key;
} load_ctx;

static bool load_sub(void *ctx, const st_calendar_submission *s)
{
	load_ctx *l = ctx;
	cal *x = l->x;
	rp_state st;
	if (!rp_state_parse(s->state, &st))
		return true;
	sub_key(&l->key, s->type_code, s->period, s->unit_code);
	bool added;
	int32_t id = strmap_intern(x->subs_idx, l->key.p, l->key.len, &added);
	if ((size_t)id >= x->capsubs) {
		x->capsubs = x->capsubs ? x->capsubs * 2 : 64;
		while ((size_t)id >= x->capsubs)
			x->capsubs *= 2;
		x->subs = gn_xreallocarray(x->subs, x->capsubs, sizeof *x->subs);
	}
	x->subs[id] = (sub_row){s->id, st, iso_date(s->first_submitted_on), iso_date(s->submitted_on)};
	if ((size_t)id >= x->nsubs)
		x->nsubs = (size_t)id + 1;
	return true;
}

/* Loads the submissions of year y (once). */
static gn_err cal_load_year(cal *x, int y)
{
	for (int i = 0; i < 2; i++)
		if (x->loaded_year[i] && x->years[i] == y)
			return GN_OK;
	load_ctx l = {.x = x};
	buf_init(&l.key, 0);
	gn_err rc = store_calendar_submissions_each(x->c->st, y, load_sub, &l);
	buf_free(&l.key);
	for (int i = 0; i < 2; i++) {
		if (!x->loaded_year[i]) {
			x->loaded_year[i] = true;
			x->years[i] = y;
			break;
		}
	}
	return rc;
}

/* The submission of an item, or NULL. */
static const sub_row *sub_of(cal *x, const rp_item *it, buf *key)
{
	char period[RP_KEY_MAX];
	rp_period_key(&it->period, period);
	sub_key(key, it->type->code, period, units_code(x->c->units, it->unit));
	int32_t id = strmap_find(x->subs_idx, key->p, key->len);
	return id >= 0 && (size_t)id < x->nsubs && x->subs[id].id ? &x->subs[id] : NULL;
}

/* ---- who is whose ------------------------------------------------------------- */

static bool at_or_above(const unit_map *m, int32_t a, int32_t u)
{
	for (int guard = 0; u >= 0 && guard < 64; guard++) {
		if (u == a)
			return true;
		u = unit_map_parent(m, u);
	}
	return false;
}

/* Whether unit u (valid on map m) lies under v (itself included): on m,
 * or, for a v of today's map, through v's scope (lineage, history). */
static bool under(api_ctx *c, int32_t v, int32_t u, const unit_map *m)
{
	if (v < 0)
		return true;
	if (at_or_above(m, v, u))
		return true;
	if (unit_map_version(c->today, v))
		return scope_has(world_scope(c->w, v), u);
	return false;
}

/* Whether u is v or one of v's children (on m), or a unit gone from
 * today's map whose successor is v or a child of v. */
static bool near(api_ctx *c, int32_t v, int32_t u, const unit_map *m)
{
	if (u == v)
		return true;
	int32_t p = unit_map_parent(m, u);
	if (p == v && v >= 0)
		return true;
	if (v < 0) {
		const unit_version *pv = p >= 0 ? unit_map_version(m, p) : NULL;
		return p < 0 || (pv && pv->level == LEVEL_COUNTRY);
	}
	if (!unit_map_version(c->today, u)) {
		size_t nd;
		const unit_dest *d = unit_map_dest(c->today, u, &nd);
		for (size_t i = 0; i < nd; i++)
			if (d[i].code == v || unit_map_parent(c->today, d[i].code) == v)
				return true;
	}
	return false;
}

/* Whether the caller is unit u's own: a user of u, or of the unit that
 * took u over (u gone from today's map, all its successors the user's). */
static bool is_own(api_ctx *c, int32_t u)
{
	int32_t mine = api_user_unit(c);
	if (mine < 0 || u < 0)
		return false;
	if (u == mine)
		return true;
	if (unit_map_version(c->today, u))
		return false;
	size_t nd;
	const unit_dest *d = unit_map_dest(c->today, u, &nd);
	if (nd == 0)
		return false;
	for (size_t i = 0; i < nd; i++)
		if (d[i].code != mine)
			return false;
	return true;
}

static bool may_write(api_ctx *c)
{
	return c->role && c->role->write_me && !c->role->read_only;
}

/* Whether the caller is above unit u: u in the caller's area, not its own. */
static bool is_above(api_ctx *c, int32_t u)
{
	return c->scope && scope_has(c->scope, u) && !is_own(c, u);
}

/* ---- the view: expected items --------------------------------------------------- */

typedef struct view_ctx {
	api_ctx *c;
	cal *cal;
	int32_t v;
	int32_t only;    /* >= 0: this unit alone */
} view_ctx;

static const unit_map *map_cb(void *ctx, gn_date d)
{
	view_ctx *x = ctx;
	return cal_map(x->cal, d);
}

static bool in_view_cb(void *ctx, const unit_map *m, int32_t u)
{
	view_ctx *x = ctx;
	if (x->only >= 0)
		return u == x->only && x->c->scope && scope_has(x->c->scope, u);
	return x->c->scope && scope_has(x->c->scope, u) && under(x->c, x->v, u, m);
}

/* The items of year y under unit v (or unit `only` alone), of one type
 * (NULL: all). *out is released with the arena. */
static gn_err expected(cal *x, int32_t v, int32_t only, int y, const char *type, rp_item **out,
		       size_t *n)
{
	view_ctx vc = {x->c, x, v, only};
	rp_view rv = {
		.units = x->c->units,
		.cal = api_calendar(x->c->app),
		.types = x->types,
		.locals = x->locals,
		.nlocals = x->nlocals,
		.requests = x->reqs,
		.nrequests = x->nreqs,
		.year = y,
		.type_code = type,
		.map = map_cb,
		.in_view = in_view_cb,
		.ctx = &vc,
	};
	gn_err rc = rp_expected(&rv, out, n);
	if (rc == GN_OK)
		arena_defer(x->c->ar, free, *out);
	if (rc == GN_OK)
		rc = cal_load_year(x, y);
	return rc;
}

static const unit_map *item_map(cal *x, const rp_item *it)
{
	return cal_map(x, it->map_date);
}

static int cmp_items(const void *a, const void *b)
{
	const rp_item *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->period.kind != y->period.kind)
		return x->period.kind < y->period.kind ? -1 : 1;
	if (x->period.index != y->period.index)
		return x->period.index < y->period.index ? -1 : 1;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

/* The actions the caller may take on an item in state s. */
static unsigned actions_of(api_ctx *c, const rp_item *it, rp_state s)
{
	if (!may_write(c))
		return 0;
	bool own = is_own(c, it->unit), above = is_above(c, it->unit);
	unsigned a = 0;
	for (int k = 0; k < RPA_COUNT; k++)
		if (rp_decide((rp_action)k, s, own, above, it->period.start, world_today(c->w)) == RPR_OK)
			a |= 1u << k;
	return a;
}

static void write_unit_ref(api_ctx *c, const char *kc, const char *kn, int32_t u, gn_date d)
{
	jw *w = c->json;
	if (u < 0) {
		jw_knull(w, kc);
		jw_kstr(w, kn, "");
		return;
	}
	jw_kstr(w, kc, units_code(c->units, u));
	jw_kstr(w, kn, api_unit_name(c, u, d));
}

static void write_item(cal *x, const rp_item *it, const sub_row *s)
{
	api_ctx *c = x->c;
	jw *w = c->json;
	bool en = c->en;
	gn_date today = world_today(c->w);
	rp_state st = s ? s->state : RS_NONE;
	char key[RP_KEY_MAX];
	rp_period_key(&it->period, key);
	buf b;
	buf_init(&b, 0);
	jw_object(w);
	jw_kstr(w, "type", it->type->code);
	jw_kstr(w, "type_name", en ? it->type->name_en : it->type->name_vi);
	jw_kstr(w, "form", it->type->form);
	jw_kstr(w, "period", key);
	jw_kstr(w, "period_kind", rp_kind_name(it->period.kind));
	rp_period_label(&it->period, en, &b);
	jw_kstr(w, "period_label", buf_cstr(&b));
	write_date(w, "period_start", it->period.start);
	write_date(w, "period_end", it->period.end);
	write_unit_ref(c, "unit_code", "unit_name", it->unit, it->map_date);
	jw_kstr(w, "level", unit_level_name(it->level));
	/* to the parent on the map; a province (parent: none or the country) to the ministry */
	const unit_version *pv = it->to >= 0 ? units_at(c->units, it->to, it->map_date) : NULL;
	if (pv && pv->level != LEVEL_COUNTRY) {
		write_unit_ref(c, "to_code", "to_name", it->to, it->map_date);
	} else {
		jw_knull(w, "to_code");
		jw_kstr(w, "to_name", en ? "The ministry" : "Bộ (cơ quan trung ương)");
	}
	write_date(w, "due", it->due);
	jw_kint(w, "days_left", (int64_t)it->due - today);
	jw_key(w, "circular_due");
	if (it->circular_due != GN_DATE_MIN && !it->request_id) {
		char iso[11];
		date_format_iso(it->circular_due, iso);
		jw_str(w, iso);
	} else {
		jw_null(w);
	}
	buf_reset(&b);
	const st_calendar_deadline *dl = it->local_id ? deadline_of(x, it->local_id) : NULL;
	const st_calendar_request *rq = it->request_id ? request_of(x, it->request_id) : NULL;
	if (dl) {
		rp_rule r;
		if (rp_rule_parse(dl->rule, strlen(dl->rule), &r, NULL))
			rp_rule_label(&r, en, &b);
		jw_kstr(w, "due_source", "local");
		jw_kint(w, "local_id", it->local_id);
		jw_kstr(w, "plan_ref", dl->plan_ref ? dl->plan_ref : "");
		write_unit_ref(c, "set_by_code", "set_by_name",
			       units_find(c->units, dl->unit_code, strlen(dl->unit_code)), it->map_date);
	} else if (it->request_id) {
		jw_kstr(w, "due_source", "request");
		jw_kint(w, "request_id", it->request_id);
		jw_kstr(w, "request_title", rq && rq->title ? rq->title : "");
		write_unit_ref(c, "set_by_code", "set_by_name",
			       rq ? units_find(c->units, rq->unit_code, strlen(rq->unit_code)) : -1,
			       it->map_date);
	} else {
		rp_rule_label(&it->type->due, en, &b);
		jw_kstr(w, "due_source", "circular");
	}
	jw_kstr(w, "due_rule", buf_cstr(&b));
	rp_status stt = rp_status_of(st, it->due, it->type->remind_days, today);
	jw_kstr(w, "status", rp_status_name(stt));
	jw_kstr(w, "status_label", rp_status_label(stt, en));
	jw_kstr(w, "state", rp_state_name(st));
	jw_key(w, "submission_id");
	if (s)
		jw_int(w, s->id);
	else
		jw_null(w);
	jw_key(w, "first_submitted_on");
	if (s) {
		char iso[11];
		date_format_iso(s->first_on, iso);
		jw_str(w, iso);
	} else {
		jw_null(w);
	}
	jw_key(w, "submitted_on");
	if (s) {
		char iso[11];
		date_format_iso(s->last_on, iso);
		jw_str(w, iso);
	} else {
		jw_null(w);
	}
	jw_key(w, "on_time");
	if (s)
		jw_bool(w, s->first_on <= it->due);
	else
		jw_null(w);
	unsigned acts = actions_of(c, it, st);
	jw_key(w, "actions");
	jw_array(w);
	for (int k = 0; k < RPA_COUNT; k++)
		if (acts & (1u << k))
			jw_str(w, rp_action_name((rp_action)k));
	jw_array_end(w);
	jw_object_end(w);
	buf_free(&b);
}

/* ---- arguments: unit and year ---------------------------------------------------- */

/* The unit viewed: ?unit= (any unit of the caller's area, on any map),
 * else the caller's own, else (national) the single top unit of today's
 * map or -1. *status holds the answer (404) when false. */
static bool view_unit(api_ctx *c, int32_t *out, int *status)
{
	if (!c->scope) {
		*status = api_not_found(c);
		return false;
	}
	const char *code = api_query(c, "unit");
	if (code && *code) {
		int32_t u = units_find(c->units, code, strlen(code));
		if (u < 0 || !scope_has(c->scope, u)) {
			*status = api_not_found(c);
			return false;
		}
		*out = u;
		return true;
	}
	int32_t mine = api_user_unit(c);
	if (mine >= 0) {
		*out = mine;
		return true;
	}
	if (c->user && strcmp(c->user->unit_code, "*") != 0) {
		*status = api_not_found(c);
		return false;
	}
	/* national: the top unit when there is one */
	int32_t root = -1;
	size_t nroots = 0, nc = units_ncodes(c->units);
	for (size_t i = 0; i < nc; i++)
		if (unit_map_version(c->today, (int32_t)i) && unit_map_parent(c->today, (int32_t)i) < 0) {
			root = (int32_t)i;
			nroots++;
		}
	*out = nroots == 1 ? root : -1;
	return true;
}

static int today_year(api_ctx *c)
{
	int y, m, d;
	date_to_ymd(world_today(c->w), &y, &m, &d);
	return y;
}

static bool year_arg(api_ctx *c, int *y, int *status)
{
	int64_t v;
	if (!api_query_int(c, "year", 2000, 2100, today_year(c), &v, status))
		return false;
	*y = (int)v;
	return true;
}

static void write_view_unit(api_ctx *c, int32_t v)
{
	jw *w = c->json;
	jw_key(w, "unit");
	if (v < 0) {
		jw_null(w);
		return;
	}
	const unit_version *uv = units_nearest(c->units, v, world_today(c->w));
	jw_object(w);
	jw_kstr(w, "code", units_code(c->units, v));
	jw_kstr(w, "name", uv ? uv->name : "");
	jw_kstr(w, "level", uv ? unit_level_name(uv->level) : "");
	jw_kbool(w, "current", unit_map_version(c->today, v) != NULL);
	jw_object_end(w);
}

/* ---- GET /api/v1/me/report-types ------------------------------------------------------ */

int api_me_report_types(api_ctx *c)
{
	const rp_types *ts = api_report_types(c->app);
	jw *w = c->json;
	bool en = c->en;
	buf b;
	buf_init(&b, 0);
	jw_object(w);
	jw_key(w, "types");
	jw_array(w);
	for (size_t i = 0; i < rp_types_count(ts); i++) {
		const rp_type *t = rp_types_at(ts, i);
		char rule[RP_RULE_MAX];
		jw_object(w);
		jw_kstr(w, "code", t->code);
		jw_kstr(w, "form", t->form);
		jw_kstr(w, "name", en ? t->name_en : t->name_vi);
		jw_kstr(w, "name_vi", t->name_vi);
		jw_kstr(w, "name_en", t->name_en);
		jw_kstr(w, "period", rp_kind_name(t->period));
		jw_kstr(w, "period_label", rp_kind_label(t->period, en));
		jw_key(w, "months");
		jw_array(w);
		if (t->period == RP_MONTH)
			for (int m = 1; m <= 12; m++)
				if (t->months & (1u << (m - 1)))
					jw_int(w, m);
		jw_array_end(w);
		jw_key(w, "year_from");
		if (t->year_from)
			jw_int(w, t->year_from);
		else
			jw_null(w);
		jw_key(w, "year_to");
		if (t->year_to)
			jw_int(w, t->year_to);
		else
			jw_null(w);
		jw_key(w, "levels");
		jw_array(w);
		for (int l = 0; l < LEVEL_COUNT; l++)
			if (t->levels & (1u << l))
				jw_str(w, unit_level_name((unit_level)l));
		jw_array_end(w);
		rp_rule_format(&t->due, rule);
		jw_kstr(w, "due", rule);
		buf_reset(&b);
		rp_rule_label(&t->due, en, &b);
		jw_kstr(w, "due_label", buf_cstr(&b));
		jw_kint(w, "remind_days", t->remind_days);
		jw_kstr(w, "basis", t->basis);
		jw_kstr(w, "note", t->note);
		jw_object_end(w);
	}
	jw_array_end(w);
	/* the period kinds a local deadline may use, with the rules that fit */
	jw_key(w, "period_kinds");
	jw_array(w);
	for (int k = 0; k < RP_KIND_COUNT; k++) {
		if (k == RP_ADHOC)
			continue;
		jw_object(w);
		jw_kstr(w, "kind", rp_kind_name((rp_kind)k));
		jw_kstr(w, "label", rp_kind_label((rp_kind)k, en));
		jw_key(w, "rules");
		jw_array(w);
		static const char *const rule_names[RR_COUNT] = {
			"before", "on", "day_next_month", "day_last_month", "working_days_after_end",
			"working_days_after_request",
		};
		for (int r = 0; r < RR_COUNT; r++) {
			rp_rule probe = {.kind = (rp_rule_kind)r, .month = 1, .day = 1, .n = 1};
			if (rp_rule_fits(&probe, (rp_kind)k))
				jw_str(w, rule_names[r]);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	buf_free(&b);
	return 200;
}

/* ---- GET /api/v1/me/calendar --------------------------------------------------------- */

static bool status_filter(const char *s, rp_status *out)
{
	for (int k = 0; k < RPS_COUNT; k++) {
		if (strcmp(s, rp_status_name((rp_status)k)) == 0) {
			*out = (rp_status)k;
			return true;
		}
	}
	return false;
}

int api_me_calendar(api_ctx *c)
{
	int status, y;
	int32_t v;
	if (!view_unit(c, &v, &status) || !year_arg(c, &y, &status))
		return status;
	const char *type = api_query(c, "type");
	const char *st_q = api_query(c, "status");
	const char *period_q = api_query(c, "period");
	const char *depth = api_query(c, "depth");
	rp_status want = RPS_UPCOMING;
	if (st_q && *st_q && !status_filter(st_q, &want))
		return api_bad_request(c, "Trạng thái không hợp lệ", "Unknown status");
	if (depth && *depth && strcmp(depth, "children") != 0 && strcmp(depth, "all") != 0)
		return api_bad_request(c, "depth phải là children hoặc all", "depth must be children or all");
	bool all = depth && strcmp(depth, "all") == 0;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	if (type && *type && !rp_types_find(x->types, type))
		return api_bad_request(c, "Loại báo cáo không có trong danh mục", "Unknown report type");
	rp_item *items;
	size_t n;
	gn_err rc = expected(x, v, -1, y, type && *type ? type : NULL, &items, &n);
	if (rc)
		return api_internal(c, "calendar", rc);
	if (n > 1)
		qsort(items, n, sizeof *items, cmp_items);
	gn_date today = world_today(c->w);
	buf key;
	buf_init(&key, 0);
	jw *w = c->json;
	jw_object(w);
	write_view_unit(c, v);
	jw_kint(w, "year", y);
	write_date(w, "today", today);
	int64_t by_status[RPS_COUNT] = {0};
	size_t shown = 0, matched = 0;
	jw_key(w, "items");
	jw_array(w);
	for (size_t i = 0; i < n; i++) {
		const rp_item *it = &items[i];
		if (!all && !near(c, v, it->unit, item_map(x, it)))
			continue;
		if (period_q && *period_q) {
			char k[RP_KEY_MAX];
			rp_period_key(&it->period, k);
			if (strcmp(k, period_q) != 0)
				continue;
		}
		const sub_row *s = sub_of(x, it, &key);
		rp_state st = s ? s->state : RS_NONE;
		rp_status stt = rp_status_of(st, it->due, it->type->remind_days, today);
		by_status[stt]++;
		if (st_q && *st_q && stt != want)
			continue;
		matched++;
		if (shown < LIST_MAX) {
			write_item(x, it, s);
			shown++;
		}
	}
	jw_array_end(w);
	jw_kint(w, "total", (int64_t)matched);
	jw_kbool(w, "truncated", matched > shown);
	/* the counts by status, whatever the status asked */
	jw_key(w, "by_status");
	jw_object(w);
	for (int k = 0; k < RPS_COUNT; k++)
		jw_kint(w, rp_status_name((rp_status)k), by_status[k]);
	jw_object_end(w);
	buf_free(&key);
	jw_object_end(w);
	return 200;
}

/* ---- counts ---------------------------------------------------------------------------- */

static void write_rate(jw *w, const char *k, int64_t v)
{
	jw_key(w, k);
	if (v < 0)
		jw_null(w);
	else
		jw_decimal(w, v, 2);
}

/* The members of counts c, inside the object being written. */
static void write_counts(jw *w, const rp_counts *k)
{
	jw_kint(w, "expected", k->expected);
	jw_kint(w, "due", k->due);
	jw_kint(w, "submitted", k->submitted);
	jw_kint(w, "on_time", k->on_time);
	jw_kint(w, "late", k->late);
	jw_kint(w, "missing", k->missing);
	jw_kint(w, "upcoming", k->upcoming);
	jw_kint(w, "waiting", k->waiting);
	jw_kint(w, "returned", k->returned);
	jw_kint(w, "approved", k->approved);
	write_rate(w, "completeness", rp_completeness(k));
	write_rate(w, "timeliness", rp_timeliness(k));
}

/* The children of v for the table: on today's map when v is on it, else
 * on the map of v's last day. */
static const unit_map *children_map(cal *x, int32_t v)
{
	api_ctx *c = x->c;
	if (v < 0 || unit_map_version(c->today, v))
		return c->today;
	size_t nv;
	const unit_version *vs = units_versions(c->units, v, &nv);
	if (!nv)
		return c->today;
	return cal_map(x, vs[nv - 1].to);
}

int api_me_completeness(api_ctx *c)
{
	int status, y;
	int32_t v;
	if (!view_unit(c, &v, &status) || !year_arg(c, &y, &status))
		return status;
	const char *period_q = api_query(c, "period");
	rp_period pq;
	if (period_q && *period_q && !rp_period_parse(period_q, strlen(period_q), &pq))
		return api_bad_request(c, "Kỳ báo cáo không hợp lệ", "Unknown period");
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	rp_item *items;
	size_t n;
	gn_err rc = expected(x, v, -1, period_q && *period_q ? pq.year : y, NULL, &items, &n);
	if (rc)
		return api_internal(c, "completeness", rc);
	if (period_q && *period_q) {
		/* one period only (2025S1: the six-month reports; 2025: the year's) */
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			char key[RP_KEY_MAX];
			rp_period_key(&items[i].period, key);
			if (strcmp(key, period_q) == 0)
				items[k++] = items[i];
		}
		n = k;
		y = pq.year;
	}
	gn_date today = world_today(c->w);
	/* the children of v: rows of the table */
	const unit_map *cm = children_map(x, v);
	size_t nc = units_ncodes(c->units);
	int32_t *kids = arena_alloc(c->ar, (nc ? nc : 1) * sizeof *kids);
	size_t nkids = 0;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		size_t nu;
		const int32_t *us = unit_map_units(cm, (unit_level)l, &nu);
		for (size_t i = 0; i < nu; i++) {
			int32_t p = unit_map_parent(cm, us[i]);
			bool child = v >= 0 ? p == v
					    : (p < 0 || unit_map_version(cm, p)->level == LEVEL_COUNTRY);
			unit_level lv = unit_map_version(cm, us[i])->level;
			if (child && us[i] != v && c->scope && scope_has(c->scope, us[i]) &&
			    lv >= LEVEL_PROVINCE && lv <= LEVEL_COMMUNE)
				kids[nkids++] = us[i];
		}
	}
	rp_counts total = {0}, own = {0}, other = {0};
	rp_counts levels[LEVEL_COUNT];
	memset(levels, 0, sizeof levels);
	rp_counts *per = arena_calloc(c->ar, nkids ? nkids : 1, sizeof *per);
	buf key;
	buf_init(&key, 0);
	for (size_t i = 0; i < n; i++) {
		const rp_item *it = &items[i];
		const sub_row *s = sub_of(x, it, &key);
		rp_state st = s ? s->state : RS_NONE;
		gn_date first = s ? s->first_on : 0;
		rp_counts_add(&total, st, it->due, first, today);
		rp_counts_add(&levels[it->level], st, it->due, first, today);
		if (it->unit == v) {
			rp_counts_add(&own, st, it->due, first, today);
			continue;
		}
		const unit_map *m = item_map(x, it);
		bool placed = false;
		for (size_t k = 0; k < nkids && !placed; k++) {
			if (under(c, kids[k], it->unit, m)) {
				rp_counts_add(&per[k], st, it->due, first, today);
				placed = true;
			}
		}
		if (!placed)
			rp_counts_add(&other, st, it->due, first, today);
	}
	buf_free(&key);
	jw *w = c->json;
	bool en = c->en;
	jw_object(w);
	write_view_unit(c, v);
	jw_kint(w, "year", y);
	jw_key(w, "period");
	jw_str(w, period_q && *period_q ? period_q : NULL);
	write_date(w, "today", today);
	jw_key(w, "total");
	jw_object(w);
	write_counts(w, &total);
	jw_object_end(w);
	jw_key(w, "levels");
	jw_array(w);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		if (!levels[l].expected)
			continue;
		jw_object(w);
		jw_kstr(w, "level", unit_level_name((unit_level)l));
		jw_kstr(w, "label", level_label((unit_level)l, en));
		write_counts(w, &levels[l]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "own");
	if (own.expected) {
		jw_object(w);
		write_counts(w, &own);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "children");
	jw_array(w);
	size_t ncu = units_ncodes(c->units);
	int32_t *nkid = arena_calloc(c->ar, ncu ? ncu : 1, sizeof *nkid);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		size_t nu;
		const int32_t *us = unit_map_units(cm, (unit_level)l, &nu);
		for (size_t i = 0; i < nu; i++) {
			int32_t p = unit_map_parent(cm, us[i]);
			if (p >= 0)
				nkid[p]++;
		}
	}
	for (size_t k = 0; k < nkids; k++) {
		const unit_version *uv = unit_map_version(cm, kids[k]);
		jw_object(w);
		jw_kstr(w, "code", units_code(c->units, kids[k]));
		jw_kstr(w, "name", uv->name);
		jw_kstr(w, "level", unit_level_name(uv->level));
		jw_kbool(w, "has_children", uv->level < LEVEL_COMMUNE && nkid[kids[k]] > 0);
		write_counts(w, &per[k]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "other");
	if (other.expected) {
		jw_object(w);
		write_counts(w, &other);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/me/calendar/reminders ------------------------------------------------ */

typedef struct reminder {
	const rp_item *it;
	const sub_row *s;
	rp_status status;
	bool own;
} reminder;

static int status_rank(rp_status s)
{
	return s == RPS_DUE_SOON ? 0 : s == RPS_RETURNED ? 1 : 2;
}

static int cmp_reminders(const void *a, const void *b)
{
	const reminder *x = a, *y = b;
	int rx = status_rank(x->status), ry = status_rank(y->status);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->own != y->own)
		return x->own ? -1 : 1;
	if (x->it->due != y->it->due) {
		bool later_first = x->status == RPS_OVERDUE;
		return (x->it->due < y->it->due) != later_first ? -1 : 1;
	}
	return cmp_items(x->it, y->it);
}

int api_me_reminders(api_ctx *c)
{
	int status, y;
	int32_t v;
	if (!view_unit(c, &v, &status) || !year_arg(c, &y, &status))
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	gn_date today = world_today(c->w);
	int ty = today_year(c);
	/* reminders: this year's reports and last year's still owed */
	rp_item *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	gn_err rc = expected(x, v, -1, ty - 1, NULL, &a, &na);
	if (!rc)
		rc = expected(x, v, -1, ty, NULL, &b, &nb);
	if (rc)
		return api_internal(c, "reminders", rc);
	rp_item *all = arena_alloc(c->ar, (na + nb ? na + nb : 1) * sizeof *all);
	if (na)
		memcpy(all, a, na * sizeof *all);
	if (nb)
		memcpy(all + na, b, nb * sizeof *all);
	size_t n = na + nb;
	if (n > 1)
		qsort(all, n, sizeof *all, cmp_items);
	buf key;
	buf_init(&key, 0);
	jw *w = c->json;
	jw_object(w);
	write_view_unit(c, v);
	write_date(w, "today", today);
	jw_kint(w, "year", y);
	size_t total = 0, overdue = 0, soon = 0, returned = 0, waiting = 0;
	reminder *r = arena_alloc(c->ar, (n ? n : 1) * sizeof *r);
	for (size_t i = 0; i < n; i++) {
		const rp_item *it = &all[i];
		if (!near(c, v, it->unit, item_map(x, it)))
			continue;
		const sub_row *s = sub_of(x, it, &key);
		rp_state st = s ? s->state : RS_NONE;
		rp_status stt = rp_status_of(st, it->due, it->type->remind_days, today);
		if (stt == RPS_SUBMITTED && it->unit != v && is_above(c, it->unit))
			waiting++;
		if (stt != RPS_OVERDUE && stt != RPS_DUE_SOON && stt != RPS_RETURNED)
			continue;
		overdue += stt == RPS_OVERDUE;
		soon += stt == RPS_DUE_SOON;
		returned += stt == RPS_RETURNED;
		r[total++] = (reminder){it, s, stt, it->unit == v || is_own(c, it->unit)};
	}
	/* the most urgent first: due soon, returned, then overdue (the latest
	 * first); the unit's own before its children's */
	if (total > 1)
		qsort(r, total, sizeof *r, cmp_reminders);
	jw_key(w, "items");
	jw_array(w);
	for (size_t i = 0; i < total && i < REMINDERS_MAX; i++)
		write_item(x, r[i].it, r[i].s);
	jw_array_end(w);
	jw_kint(w, "total", (int64_t)total);
	jw_kint(w, "overdue", (int64_t)overdue);
	jw_kint(w, "due_soon", (int64_t)soon);
	jw_kint(w, "returned", (int64_t)returned);
	jw_kint(w, "waiting_approval", (int64_t)waiting);
	/* the completeness of v's whole area for the year asked */
	rp_item *yi;
	size_t ny;
	if ((rc = expected(x, v, -1, y, NULL, &yi, &ny))) {
		buf_free(&key);
		return api_internal(c, "reminders", rc);
	}
	rp_counts k = {0};
	for (size_t i = 0; i < ny; i++) {
		const sub_row *s = sub_of(x, &yi[i], &key);
		rp_counts_add(&k, s ? s->state : RS_NONE, yi[i].due, s ? s->first_on : 0, today);
	}
	buf_free(&key);
	jw_key(w, "completeness");
	jw_object(w);
	write_counts(w, &k);
	jw_object_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- submissions ----------------------------------------------------------------------- */

/* The item of (type, period, unit), found among the reports expected of
 * the unit; false when none is. */
static bool find_item(cal *x, const char *type, const rp_period *p, int32_t u, rp_item *out,
		      gn_err *rc)
{
	rp_item *items;
	size_t n;
	*rc = expected(x, -1, u, p->year, type, &items, &n);
	if (*rc)
		return false;
	char want[RP_KEY_MAX];
	rp_period_key(p, want);
	for (size_t i = 0; i < n; i++) {
		char k[RP_KEY_MAX];
		rp_period_key(&items[i].period, k);
		if (strcmp(k, want) == 0) {
			*out = items[i];
			return true;
		}
	}
	return false;
}

static const char *user_label(api_ctx *c, int64_t id)
{
	st_user u;
	if (id > 0 && store_user_get_id(c->st, id, &u) == GN_OK) {
		buf b;
		buf_init(&b, 0);
		buf_printf(&b, "%s (%s)", u.full_name, u.username);
		char *s = arena_strdup(c->ar, buf_cstr(&b));
		buf_free(&b);
		return s;
	}
	return "";
}

static void events_release(void *p)
{
	void **h = p;
	store_calendar_events_free(h[0], (size_t)(uintptr_t)h[1]);
}

static void sub_release(void *p)
{
	st_calendar_submission_clear(p);
}

/* Answers {"submission", "report" (the expected item, or null), "actions",
 * "events"}. */
static int answer_submission(api_ctx *c, cal *x, const st_calendar_submission *s, int status)
{
	st_calendar_event *ev = NULL;
	size_t ne = 0;
	gn_err rc = store_calendar_events(c->st, s->id, &ev, &ne);
	if (rc)
		return api_internal(c, "events", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = ev;
	hold[1] = (void *)(uintptr_t)ne;
	arena_defer(c->ar, events_release, hold);
	int32_t u = units_find(c->units, s->unit_code, strlen(s->unit_code));
	rp_period p;
	rp_item it;
	bool have = false;
	const rp_type *t = rp_types_find(x->types, s->type_code);
	if (t && rp_period_parse(s->period, strlen(s->period), &p)) {
		if (p.kind == RP_YEAR && t->period == RP_ONCE)
			p.kind = RP_ONCE;
		have = find_item(x, s->type_code, &p, u, &it, &rc);
		if (rc)
			return api_internal(c, "submission", rc);
	}
	rp_state st = RS_NONE;
	rp_state_parse(s->state, &st);
	bool en = c->en;
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "submission");
	jw_object(w);
	jw_kint(w, "id", s->id);
	jw_kstr(w, "type", s->type_code);
	jw_kstr(w, "type_name", t ? (en ? t->name_en : t->name_vi) : s->type_code);
	jw_kstr(w, "form", t ? t->form : "");
	jw_kstr(w, "period", s->period);
	if (have) {
		buf b;
		buf_init(&b, 0);
		rp_period_label(&it.period, en, &b);
		jw_kstr(w, "period_label", buf_cstr(&b));
		buf_free(&b);
	} else {
		jw_kstr(w, "period_label", s->period);
	}
	jw_kstr(w, "unit_code", s->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kstr(w, "state", s->state);
	rp_status stt = rp_status_of(st, have ? it.due : GN_DATE_MAX, 0, world_today(c->w));
	jw_kstr(w, "state_label", rp_status_label(stt, en));
	write_date_or_null(w, "first_submitted_on", s->first_submitted_on);
	write_date_or_null(w, "submitted_on", s->submitted_on);
	jw_kint(w, "submitted_by", s->submitted_by);
	jw_kstr(w, "submitted_by_name", user_label(c, s->submitted_by));
	write_date_or_null(w, "decided_on", s->decided_on);
	jw_key(w, "decided_by");
	if (s->decided_by)
		jw_int(w, s->decided_by);
	else
		jw_null(w);
	jw_kstr(w, "decided_by_name", user_label(c, s->decided_by));
	jw_kstr(w, "note", s->note ? s->note : "");
	jw_key(w, "figures");
	json_t *fig = s->figures && *s->figures ? json_loads(s->figures, 0, NULL) : NULL;
	if (fig)
		write_json(w, fig, 0);
	else
		jw_null(w);
	json_decref(fig);
	jw_kstr(w, "attachment", s->attachment ? s->attachment : "");
	jw_kstr(w, "reason", s->reason ? s->reason : "");
	jw_kbool(w, "locked", st == RS_APPROVED);
	jw_key(w, "on_time");
	if (have)
		jw_bool(w, iso_date(s->first_submitted_on) <= it.due);
	else
		jw_null(w);
	jw_object_end(w);
	jw_key(w, "report");
	if (have) {
		/* the submission as it is now (the year's may be loaded from before) */
		sub_row now = {s->id, st, iso_date(s->first_submitted_on), iso_date(s->submitted_on)};
		write_item(x, &it, &now);
	} else {
		jw_null(w);
	}
	jw_key(w, "events");
	jw_array(w);
	for (size_t i = 0; i < ne; i++) {
		jw_object(w);
		jw_kint(w, "id", ev[i].id);
		jw_kint(w, "at", ev[i].at);
		jw_kstr(w, "on", ev[i].on_date);
		jw_kint(w, "user_id", ev[i].user_id);
		jw_kstr(w, "user", user_label(c, ev[i].user_id));
		jw_kstr(w, "action", ev[i].action);
		jw_key(w, "from");
		jw_str(w, ev[i].from_state[0] ? ev[i].from_state : NULL);
		jw_kstr(w, "to", ev[i].to_state);
		jw_kstr(w, "note", ev[i].note ? ev[i].note : "");
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return status;
}

/* The answer to a refusal of rp_decide. */
static int refusal(api_ctx *c, rp_refusal r, rp_action a)
{
	switch (r) {
	case RPR_ROLE:
		if (a == RPA_SUBMIT)
			return api_error(c, 403, "forbidden",
					 "Chỉ cán bộ của chính đơn vị mới nộp được báo cáo của đơn vị",
					 "Only the unit's own officers submit its report");
		return api_error(c, 403, "forbidden",
				 "Chỉ cán bộ đơn vị cấp trên mới trả lại hoặc duyệt được báo cáo này",
				 "Only an officer of a unit above may return or approve this report");
	case RPR_LOCKED:
		return api_error(c, 409, "locked",
				 "Báo cáo đã được duyệt nên đã khóa: không thể thay đổi",
				 "The report is approved and locked: it cannot change any more");
	case RPR_STATE:
		if (a == RPA_SUBMIT)
			return api_error(c, 409, "state",
					 "Báo cáo đã nộp, đang chờ đơn vị cấp trên xem xét",
					 "The report is submitted already and waits for the unit above");
		return api_error(c, 409, "state",
				 "Chỉ trả lại hoặc duyệt được báo cáo đã nộp, đang chờ xem xét",
				 "Only a submitted report waiting for review can be returned or approved");
	case RPR_NOT_STARTED:
		return api_error(c, 409, "not started", "Kỳ báo cáo chưa bắt đầu",
				 "The report's period has not begun");
	case RPR_OK:
		break;
	}
	return api_internal(c, "decide", GN_EINTERNAL);
}

/* Applies action a to submission s (NULL: none yet, a first submit) in
 * the current transaction; *id receives the submission's id. */
static gn_err apply(api_ctx *c, const rp_item *it, st_calendar_submission *s, rp_action a,
		    const char *note, const char *figures, const char *attachment, int64_t *id)
{
	char today[11];
	date_format_iso(world_today(c->w), today);
	int64_t user = c->user->id;
	gn_err rc;
	const char *from = s ? s->state : "";
	rp_state next = rp_next_state(a);
	if (!s) {
		st_calendar_submission n = {0};
		snprintf(n.type_code, sizeof n.type_code, "%s", it->type->code);
		rp_period_key(&it->period, n.period);
		n.year = it->period.year;
		snprintf(n.unit_code, sizeof n.unit_code, "%s", units_code(c->units, it->unit));
		snprintf(n.state, sizeof n.state, "%s", rp_state_name(next));
		memcpy(n.first_submitted_on, today, sizeof today);
		memcpy(n.submitted_on, today, sizeof today);
		n.submitted_by = user;
		n.note = (char *)note;
		n.figures = (char *)figures;
		n.attachment = (char *)attachment;
		n.reason = "";
		if ((rc = store_calendar_submission_add(c->st, &n, user)))
			return rc;
		*id = n.id;
	} else {
		st_calendar_submission n = *s;
		snprintf(n.state, sizeof n.state, "%s", rp_state_name(next));
		n.updated_at = 0;
		if (a == RPA_SUBMIT) {
			memcpy(n.submitted_on, today, sizeof today);
			n.submitted_by = user;
			n.note = (char *)note;
			if (figures)
				n.figures = (char *)figures;
			if (attachment)
				n.attachment = (char *)attachment;
		} else {
			memcpy(n.decided_on, today, sizeof today);
			n.decided_by = user;
			if (a == RPA_RETURN)
				n.reason = (char *)note;
		}
		if ((rc = store_calendar_submission_update(c->st, &n, user)))
			return rc;
		*id = s->id;
	}
	st_calendar_event e = {.submission_id = *id, .user_id = user};
	memcpy(e.on_date, today, sizeof today);
	snprintf(e.action, sizeof e.action, "%s", rp_action_name(a));
	snprintf(e.from_state, sizeof e.from_state, "%s", from);
	snprintf(e.to_state, sizeof e.to_state, "%s", rp_state_name(next));
	e.note = (char *)note;
	return store_calendar_event_add(c->st, &e);
}

int api_me_submission_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"type", "period", "unit_code", "note", "figures",
					   "attachment"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	json_t *v = json_object_get(body, "unit_code");
	const char *unit = NULL;
	if (!v || json_is_null(v))
		unit = c->user->unit_code;
	else if (json_is_string(v))
		unit = json_string_value(v);
	int32_t u = unit ? units_find(c->units, unit, strlen(unit)) : -1;
	if (!unit || u < 0 || !scope_has(c->scope, u))
		api_field(c, f, "unit_code", "Phải là một đơn vị thuộc phạm vi của bạn",
			  "must be a unit of your area");
	v = json_object_get(body, "type");
	const rp_type *t = json_is_string(v) ? rp_types_find(x->types, json_string_value(v)) : NULL;
	if (!t)
		api_field(c, f, "type", "Loại báo cáo không có trong danh mục", "unknown report type");
	v = json_object_get(body, "period");
	rp_period p = {0};
	bool have_p = json_is_string(v) && rp_period_parse(json_string_value(v), json_string_length(v), &p);
	if (!have_p)
		api_field(c, f, "period", "Kỳ báo cáo không hợp lệ (2025, 2025S1, 2025Q3, 2025M05...)",
			  "expected a period (2025, 2025S1, 2025N9, 2025Q3, 2025M05, 2025R7)");
	const char *note, *figures, *attachment;
	read_text(c, f, body, "note", NOTE_MAX, true, &note);
	read_figures(c, f, body, &figures);
	read_text(c, f, body, "attachment", NAME_MAX_LEN, false, &attachment);
	if (f->n)
		return api_fields_reply(c, f);
	if (p.kind == RP_YEAR && t->period == RP_ONCE)
		p.kind = RP_ONCE;
	rp_item it;
	gn_err rc;
	if (!find_item(x, t->code, &p, u, &it, &rc)) {
		if (rc)
			return api_internal(c, "submission", rc);
		api_field(c, f, "period", "Đơn vị không phải nộp báo cáo này cho kỳ này",
			  "this report is not expected of the unit for this period");
		return api_fields_reply(c, f);
	}
	if (!may_write(c))
		return forbidden(c);
	/* decide and apply on the submission as it is under the write lock */
	if ((rc = store_begin(c->st)))
		return api_internal(c, "begin", rc);
	st_calendar_submission *old = arena_calloc(c->ar, 1, sizeof *old);
	char key[RP_KEY_MAX];
	rp_period_key(&it.period, key);
	rc = store_calendar_submission_find(c->st, t->code, key, units_code(c->units, u), old);
	bool exists = rc == GN_OK;
	if (exists)
		arena_defer(c->ar, sub_release, old);
	if (rc && rc != GN_ENOTFOUND) {
		store_rollback(c->st);
		return api_internal(c, "submission", rc);
	}
	rp_state st = RS_NONE;
	if (exists)
		rp_state_parse(old->state, &st);
	rp_refusal r = rp_decide(RPA_SUBMIT, st, is_own(c, u), is_above(c, u), it.period.start,
				 world_today(c->w));
	if (r != RPR_OK) {
		store_rollback(c->st);
		return refusal(c, r, RPA_SUBMIT);
	}
	int64_t id = 0;
	rc = apply(c, &it, exists ? old : NULL, RPA_SUBMIT, note, figures, attachment, &id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT)
			return refusal(c, RPR_LOCKED, RPA_SUBMIT);
		return api_internal(c, "submit", rc);
	}
	st_calendar_submission *now = arena_calloc(c->ar, 1, sizeof *now);
	if ((rc = store_calendar_submission_get(c->st, id, now)))
		return api_internal(c, "submission", rc);
	arena_defer(c->ar, sub_release, now);
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/calendar/submissions/%lld", (long long)id);
	http_add_header(c->rq, "Location", loc);
	return answer_submission(c, x, now, exists ? 200 : 201);
}

/* Loads submission {id} in the caller's area; NULL with the answer (404,
 * 500) in *status. */
static st_calendar_submission *load_submission(api_ctx *c, int *status)
{
	int64_t id = api_param_id(c, "id");
	st_calendar_submission *s = arena_calloc(c->ar, 1, sizeof *s);
	gn_err rc = id > 0 ? store_calendar_submission_get(c->st, id, s) : GN_ENOTFOUND;
	if (rc == GN_OK)
		arena_defer(c->ar, sub_release, s);
	if (rc == GN_ENOTFOUND || (rc == GN_OK && !api_in_scope(c, s->unit_code))) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "submission", rc);
		return NULL;
	}
	return s;
}

int api_me_submission_get(api_ctx *c)
{
	int status = 0;
	st_calendar_submission *s = load_submission(c, &status);
	if (!s)
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	return answer_submission(c, x, s, 200);
}

int api_me_submission_action(api_ctx *c)
{
	int status;
	st_calendar_submission *probe = load_submission(c, &status);
	if (!probe)
		return status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"action", "note", "reason", "figures", "attachment"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	json_t *v = json_object_get(body, "action");
	rp_action a = RPA_SUBMIT;
	if (!json_is_string(v) || !rp_action_parse(json_string_value(v), &a))
		api_field(c, f, "action", "Thao tác phải là submit, return hoặc approve",
			  "expected submit, return or approve");
	const char *note, *reason, *figures = NULL, *attachment = NULL;
	read_text(c, f, body, "note", NOTE_MAX, true, &note);
	read_text(c, f, body, "reason", NOTE_MAX, true, &reason);
	if (json_object_get(body, "figures"))
		read_figures(c, f, body, &figures);
	if (json_object_get(body, "attachment"))
		read_text(c, f, body, "attachment", NAME_MAX_LEN, false, &attachment);
	if (f->n)
		return api_fields_reply(c, f);
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	int32_t u = units_find(c->units, probe->unit_code, strlen(probe->unit_code));
	const rp_type *t = rp_types_find(x->types, probe->type_code);
	rp_period p;
	rp_item it;
	gn_err rc = GN_OK;
	if (!t || !rp_period_parse(probe->period, strlen(probe->period), &p))
		return api_error(c, 409, "gone", "Loại báo cáo này không còn trong danh mục",
				 "This report type is no longer in the catalogue");
	if (p.kind == RP_YEAR && t->period == RP_ONCE)
		p.kind = RP_ONCE;
	if (!find_item(x, t->code, &p, u, &it, &rc)) {
		if (rc)
			return api_internal(c, "submission", rc);
		return api_error(c, 409, "gone", "Đơn vị không còn phải nộp báo cáo này",
				 "The unit no longer owes this report");
	}
	if (!may_write(c))
		return forbidden(c);
	if ((rc = store_begin(c->st)))
		return api_internal(c, "begin", rc);
	st_calendar_submission *s = arena_calloc(c->ar, 1, sizeof *s);
	if ((rc = store_calendar_submission_get(c->st, probe->id, s))) {
		store_rollback(c->st);
		return api_internal(c, "submission", rc);
	}
	arena_defer(c->ar, sub_release, s);
	rp_state st = RS_NONE;
	rp_state_parse(s->state, &st);
	rp_refusal r = rp_decide(a, st, is_own(c, u), is_above(c, u), it.period.start,
				 world_today(c->w));
	if (r != RPR_OK) {
		store_rollback(c->st);
		return refusal(c, r, a);
	}
	if (a == RPA_RETURN && !*reason) {
		store_rollback(c->st);
		api_field(c, f, "reason", "Cần ghi lý do trả lại", "a reason is required");
		return api_fields_reply(c, f);
	}
	int64_t id = 0;
	const char *text = a == RPA_RETURN ? reason : note;
	if (a == RPA_SUBMIT && !json_object_get(body, "note"))
		text = s->note; /* a resubmission keeps the note unless a new one is given */
	rc = apply(c, &it, s, a, text, figures, attachment, &id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT)
			return refusal(c, RPR_LOCKED, a);
		return api_internal(c, "action", rc);
	}
	st_calendar_submission *now = arena_calloc(c->ar, 1, sizeof *now);
	if ((rc = store_calendar_submission_get(c->st, id, now)))
		return api_internal(c, "submission", rc);
	arena_defer(c->ar, sub_release, now);
	return answer_submission(c, x, now, 200);
}

/* ---- local deadlines ---------------------------------------------------------------- */

/* Whether the caller may see deadline d: set by a unit of the caller's
 * area, or by one above the caller's unit (it applies to them). *inherited
 * tells which. */
static bool deadline_visible(api_ctx *c, const st_calendar_deadline *d, bool *inherited)
{
	*inherited = false;
	if (api_in_scope(c, d->unit_code))
		return true;
	int32_t mine = api_user_unit(c);
	int32_t s = units_find(c->units, d->unit_code, strlen(d->unit_code));
	if (mine < 0 || s < 0)
		return false;
	/* set by a unit above the caller's on today's map: it applies to them */
	if (at_or_above(c->today, s, mine)) {
		*inherited = true;
		return true;
	}
	return false;
}

static void write_deadline(api_ctx *c, cal *x, const st_calendar_deadline *d, bool inherited)
{
	jw *w = c->json;
	bool en = c->en;
	int32_t u = units_find(c->units, d->unit_code, strlen(d->unit_code));
	const rp_type *t = rp_types_find(x->types, d->type_code);
	rp_kind k = RP_YEAR;
	bool kok = rp_kind_parse(d->period_kind, strlen(d->period_kind), &k);
	rp_rule r;
	buf b;
	buf_init(&b, 0);
	jw_object(w);
	jw_kint(w, "id", d->id);
	jw_kstr(w, "unit_code", d->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kstr(w, "type", d->type_code);
	jw_kstr(w, "type_name", t ? (en ? t->name_en : t->name_vi) : d->type_code);
	jw_kstr(w, "period_kind", d->period_kind);
	jw_kstr(w, "period_kind_label", kok ? rp_kind_label(k, en) : d->period_kind);
	jw_kstr(w, "rule", d->rule);
	if (rp_rule_parse(d->rule, strlen(d->rule), &r, NULL))
		rp_rule_label(&r, en, &b);
	jw_kstr(w, "rule_label", buf_cstr(&b));
	unsigned levels = 0;
	rp_levels_parse(d->levels, strlen(d->levels), &levels);
	jw_key(w, "levels");
	jw_array(w);
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (levels & (1u << l))
			jw_str(w, unit_level_name((unit_level)l));
	jw_array_end(w);
	jw_kint(w, "year_from", d->year_from);
	jw_key(w, "year_to");
	if (d->year_to)
		jw_int(w, d->year_to);
	else
		jw_null(w);
	jw_kstr(w, "plan_ref", d->plan_ref ? d->plan_ref : "");
	jw_kbool(w, "inherited", inherited);
	jw_kbool(w, "editable", !inherited && may_write(c));
	jw_kint(w, "updated_at", d->updated_at);
	jw_object_end(w);
	buf_free(&b);
}

int api_me_deadlines_list(api_ctx *c)
{
	int status;
	int32_t v;
	if (!view_unit(c, &v, &status))
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	jw *w = c->json;
	jw_object(w);
	write_view_unit(c, v);
	jw_key(w, "deadlines");
	jw_array(w);
	for (size_t i = 0; i < x->ndl; i++) {
		const st_calendar_deadline *d = &x->dl[i];
		bool inherited;
		if (!deadline_visible(c, d, &inherited))
			continue;
		/* a unit asked: its own, those above it, and those of its subtree */
		if (api_query(c, "unit") && v >= 0) {
			int32_t s = units_find(c->units, d->unit_code, strlen(d->unit_code));
			if (!(s == v || at_or_above(c->today, s, v) || under(c, v, s, c->today)))
				continue;
		}
		write_deadline(c, x, d, inherited);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* Reads the body of a deadline into d (unit_code only when creating).
 * Returns 0, or the status of the answer written (404 for a unit outside
 * the area, 422 with fields). */
static int read_deadline(api_ctx *c, cal *x, json_t *body, bool create, st_calendar_deadline *d)
{
	static const char *const keys[] = {"unit_code", "type", "period_kind", "rule", "levels",
					   "year_from", "year_to", "plan_ref"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	json_t *v;
	const unit_version *uv = NULL;
	if (create) {
		v = json_object_get(body, "unit_code");
		const char *unit = (!v || json_is_null(v)) ? c->user->unit_code
							    : json_is_string(v) ? json_string_value(v) : NULL;
		int32_t u = unit ? units_find(c->units, unit, strlen(unit)) : -1;
		uv = u >= 0 && c->scope && scope_has(c->scope, u)
			     ? units_nearest(c->units, u, world_today(c->w)) : NULL;
		if (!uv || !(uv->level == LEVEL_PROVINCE || uv->level == LEVEL_DISTRICT ||
			     uv->level == LEVEL_COMMUNE))
			api_field(c, f, "unit_code",
				  "Phải là một tỉnh, huyện hoặc xã thuộc phạm vi của bạn",
				  "must be a province, district or commune of your area");
		else
			snprintf(d->unit_code, sizeof d->unit_code, "%s", unit);
	} else {
		v = json_object_get(body, "unit_code");
		if (v && !json_is_null(v) &&
		    !(json_is_string(v) && strcmp(json_string_value(v), d->unit_code) == 0))
			api_field(c, f, "unit_code", "Không đổi được đơn vị ban hành",
				  "the unit that sets a deadline cannot change");
		int32_t u = units_find(c->units, d->unit_code, strlen(d->unit_code));
		uv = u >= 0 ? units_nearest(c->units, u, world_today(c->w)) : NULL;
	}
	v = json_object_get(body, "type");
	const rp_type *t = json_is_string(v) ? rp_types_find(x->types, json_string_value(v)) : NULL;
	if (!t || t->period == RP_ADHOC)
		api_field(c, f, "type", "Loại báo cáo không có trong danh mục (báo cáo đột xuất dùng yêu cầu)",
			  "unknown report type (ad hoc reports are asked with a request)");
	else
		snprintf(d->type_code, sizeof d->type_code, "%s", t->code);
	v = json_object_get(body, "period_kind");
	rp_kind k = t ? t->period : RP_YEAR;
	if (v && !json_is_null(v) &&
	    !(json_is_string(v) && rp_kind_parse(json_string_value(v), json_string_length(v), &k)))
		api_field(c, f, "period_kind", "Kỳ không hợp lệ", "unknown period kind");
	else if (k == RP_ADHOC)
		api_field(c, f, "period_kind", "Báo cáo đột xuất dùng yêu cầu, không dùng hạn định kỳ",
			  "ad hoc reports are asked with a request");
	else
		snprintf(d->period_kind, sizeof d->period_kind, "%s", rp_kind_name(k));
	v = json_object_get(body, "rule");
	rp_rule r;
	const char *why = NULL;
	if (!json_is_string(v) || !rp_rule_parse(json_string_value(v), json_string_length(v), &r, &why))
		api_field(c, f, "rule", "Cách tính hạn không hợp lệ (ví dụ: before 05-20)",
			  why ? why : "expected a due rule (before 05-20)");
	else if (!rp_rule_fits(&r, k))
		api_field(c, f, "rule", "Cách tính hạn này không dùng được cho kỳ đã chọn",
			  "this rule cannot date periods of that kind");
	else
		rp_rule_format(&r, d->rule);
	v = json_object_get(body, "levels");
	unsigned levels = 0;
	bool lok = false;
	if (json_is_array(v) && json_array_size(v) > 0) {
		lok = true;
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			unsigned one;
			if (!json_is_string(e) ||
			    !rp_levels_parse(json_string_value(e), json_string_length(e), &one))
				lok = false;
			else
				levels |= one;
		}
	} else if (json_is_string(v)) {
		lok = rp_levels_parse(json_string_value(v), json_string_length(v), &levels);
	}
	if (!lok) {
		api_field(c, f, "levels", "Chọn cấp phải nộp: xã, huyện, tỉnh",
			  "expected the levels that send it (commune, district, province)");
	} else if (uv) {
		/* the unit itself or units under it */
		for (int l = 0; l < LEVEL_COUNT; l++)
			if ((levels & (1u << l)) && (unit_level)l < uv->level)
				lok = false;
		if (!lok)
			api_field(c, f, "levels", "Chỉ áp dụng cho đơn vị ban hành và cấp dưới",
				  "only the unit itself and the levels under it");
	}
	if (lok) {
		buf b;
		buf_init(&b, 0);
		rp_levels_format(levels, &b);
		snprintf(d->levels, sizeof d->levels, "%s", buf_cstr(&b));
		buf_free(&b);
	}
	v = json_object_get(body, "year_from");
	if (json_is_integer(v) && json_integer_value(v) >= 2000 && json_integer_value(v) <= 2100)
		d->year_from = (int)json_integer_value(v);
	else
		api_field(c, f, "year_from", "Năm không hợp lệ", "expected a year (2000 to 2100)");
	v = json_object_get(body, "year_to");
	d->year_to = 0;
	if (v && !json_is_null(v)) {
		if (json_is_integer(v) && json_integer_value(v) >= 2000 && json_integer_value(v) <= 2100 &&
		    json_integer_value(v) >= d->year_from)
			d->year_to = (int)json_integer_value(v);
		else
			api_field(c, f, "year_to", "Năm kết thúc phải từ năm bắt đầu trở đi",
				  "expected a year not before year_from");
	}
	const char *plan;
	if (read_text(c, f, body, "plan_ref", PLAN_REF_MAX, true, &plan)) {
		if (!*plan)
			api_field(c, f, "plan_ref", "Ghi số, ngày của kế hoạch quy định hạn này",
				  "name the plan that sets this deadline");
		d->plan_ref = (char *)plan;
	}
	return f->n ? api_fields_reply(c, f) : 0;
}

int api_me_deadline_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	st_calendar_deadline d = {0};
	if ((status = read_deadline(c, x, body, true, &d)))
		return status;
	if (!may_write(c))
		return forbidden(c);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_calendar_deadline_add(c->st, &d, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "deadline", rc);
	}
	st_calendar_deadline got;
	if ((rc = store_calendar_deadline_get(c->st, d.id, &got)))
		return api_internal(c, "deadline", rc);
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/calendar/deadlines/%lld", (long long)d.id);
	http_add_header(c->rq, "Location", loc);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "deadline");
	write_deadline(c, x, &got, false);
	jw_object_end(w);
	st_calendar_deadline_clear(&got);
	return 201;
}

/* Deadline {id} set by a unit of the caller's area (404 otherwise: one
 * set above is read-only and answers 404 too, as for any record the
 * caller may not change). */
static bool load_deadline(api_ctx *c, st_calendar_deadline *d, int *status)
{
	int64_t id = api_param_id(c, "id");
	gn_err rc = id > 0 ? store_calendar_deadline_get(c->st, id, d) : GN_ENOTFOUND;
	if (rc == GN_OK && !api_in_scope(c, d->unit_code)) {
		st_calendar_deadline_clear(d);
		rc = GN_ENOTFOUND;
	}
	if (rc == GN_ENOTFOUND) {
		*status = api_not_found(c);
		return false;
	}
	if (rc) {
		*status = api_internal(c, "deadline", rc);
		return false;
	}
	return true;
}

static void dl_release(void *p)
{
	st_calendar_deadline_clear(p);
}

int api_me_deadline_update(api_ctx *c)
{
	int status;
	st_calendar_deadline *d = arena_calloc(c->ar, 1, sizeof *d);
	if (!load_deadline(c, d, &status))
		return status;
	arena_defer(c->ar, dl_release, d);
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	st_calendar_deadline n = *d;
	n.plan_ref = NULL;
	n.updated_at = 0;
	if ((status = read_deadline(c, x, body, false, &n)))
		return status;
	if (!may_write(c))
		return forbidden(c);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_calendar_deadline_update(c->st, &n, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "deadline", rc);
	}
	st_calendar_deadline got;
	if ((rc = store_calendar_deadline_get(c->st, n.id, &got)))
		return api_internal(c, "deadline", rc);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "deadline");
	write_deadline(c, x, &got, false);
	jw_object_end(w);
	st_calendar_deadline_clear(&got);
	return 200;
}

int api_me_deadline_delete(api_ctx *c)
{
	int status;
	st_calendar_deadline *d = arena_calloc(c->ar, 1, sizeof *d);
	if (!load_deadline(c, d, &status))
		return status;
	arena_defer(c->ar, dl_release, d);
	if (!may_write(c))
		return forbidden(c);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_calendar_deadline_delete(c->st, d->id, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "deadline", rc);
	}
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "deleted", d->id);
	jw_object_end(w);
	return 200;
}

/* ---- ad hoc requests ------------------------------------------------------------------ */

static void write_request(api_ctx *c, cal *x, const st_calendar_request *q, bool inherited)
{
	jw *w = c->json;
	bool en = c->en;
	int32_t u = units_find(c->units, q->unit_code, strlen(q->unit_code));
	const rp_type *t = rp_types_find(x->types, q->type_code);
	unsigned levels = 0;
	rp_levels_parse(q->levels, strlen(q->levels), &levels);
	jw_object(w);
	jw_kint(w, "id", q->id);
	jw_kstr(w, "unit_code", q->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kstr(w, "type", q->type_code);
	jw_kstr(w, "type_name", t ? (en ? t->name_en : t->name_vi) : q->type_code);
	jw_kstr(w, "title", q->title ? q->title : "");
	char period[RP_KEY_MAX];
	rp_period p = rp_adhoc_period(q->id, iso_date(q->request_date));
	rp_period_key(&p, period);
	jw_kstr(w, "period", period);
	jw_kstr(w, "request_date", q->request_date);
	jw_kstr(w, "due", q->due_date);
	jw_key(w, "levels");
	jw_array(w);
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (levels & (1u << l))
			jw_str(w, unit_level_name((unit_level)l));
	jw_array_end(w);
	jw_kbool(w, "inherited", inherited);
	jw_object_end(w);
}

int api_me_requests_list(api_ctx *c)
{
	int status, y;
	int32_t v;
	if (!view_unit(c, &v, &status) || !year_arg(c, &y, &status))
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	int32_t mine = api_user_unit(c);
	jw *w = c->json;
	jw_object(w);
	write_view_unit(c, v);
	jw_kint(w, "year", y);
	jw_key(w, "requests");
	jw_array(w);
	for (size_t i = 0; i < x->nrq; i++) {
		const st_calendar_request *q = &x->rq[i];
		if (q->year != y)
			continue;
		int32_t s = units_find(c->units, q->unit_code, strlen(q->unit_code));
		bool inherited = false;
		if (!api_in_scope(c, q->unit_code)) {
			/* asked by a unit above the caller's: it concerns them */
			if (mine < 0 || s < 0 || !at_or_above(c->today, s, mine))
				continue;
			inherited = true;
		} else if (api_query(c, "unit") && v >= 0 && !under(c, v, s, c->today) &&
			   !at_or_above(c->today, s, v)) {
			continue;
		}
		write_request(c, x, q, inherited);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_me_request_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	cal *x = cal_open(c, &status);
	if (!x)
		return status;
	static const char *const keys[] = {"unit_code", "type", "title", "levels", "due"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	st_calendar_request q = {0};
	json_t *v = json_object_get(body, "unit_code");
	const char *unit = (!v || json_is_null(v)) ? c->user->unit_code
						    : json_is_string(v) ? json_string_value(v) : NULL;
	int32_t u = unit ? units_find(c->units, unit, strlen(unit)) : -1;
	const unit_version *uv = u >= 0 && c->scope && scope_has(c->scope, u)
					 ? unit_map_version(c->today, u) : NULL;
	if (!uv || !(uv->level == LEVEL_PROVINCE || uv->level == LEVEL_DISTRICT ||
		     uv->level == LEVEL_COUNTRY))
		api_field(c, f, "unit_code", "Phải là một tỉnh hoặc huyện thuộc phạm vi của bạn",
			  "must be a province or district of your area (on today's map)");
	else
		snprintf(q.unit_code, sizeof q.unit_code, "%s", unit);
	v = json_object_get(body, "type");
	const rp_type *t = json_is_string(v) ? rp_types_find(x->types, json_string_value(v)) : NULL;
	if (!t || t->period != RP_ADHOC)
		api_field(c, f, "type", "Phải là một loại báo cáo đột xuất", "expected an ad hoc report type");
	else
		snprintf(q.type_code, sizeof q.type_code, "%s", t->code);
	const char *title;
	if (read_text(c, f, body, "title", TITLE_MAX, true, &title)) {
		if (!*title)
			api_field(c, f, "title", "Ghi nội dung yêu cầu báo cáo", "say what is asked");
		q.title = (char *)title;
	}
	v = json_object_get(body, "levels");
	unsigned levels = t ? t->levels : 0;
	if (v && !json_is_null(v)) {
		bool lok = json_is_array(v) && json_array_size(v) > 0;
		levels = 0;
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			unsigned one;
			if (!json_is_string(e) ||
			    !rp_levels_parse(json_string_value(e), json_string_length(e), &one))
				lok = false;
			else
				levels |= one;
		}
		if (!lok)
			api_field(c, f, "levels", "Chọn cấp phải nộp: xã, huyện, tỉnh",
				  "expected the levels that answer (commune, district, province)");
	}
	if (uv) {
		for (int l = 0; l < LEVEL_COUNT; l++)
			if ((levels & (1u << l)) && (unit_level)l <= uv->level)
				levels &= ~(1u << l);
		if (!levels)
			api_field(c, f, "levels", "Không có cấp dưới nào phải nộp",
				  "no level under the unit would answer");
	}
	gn_date today = world_today(c->w);
	gn_date due = GN_DATE_MIN;
	v = json_object_get(body, "due");
	if (v && !json_is_null(v)) {
		if (!json_is_string(v) || !date_parse(json_string_value(v), json_string_length(v), &due))
			api_field(c, f, "due", "Phải là một ngày (YYYY-MM-DD)", "expected a date (YYYY-MM-DD)");
		else if (due < today)
			api_field(c, f, "due", "Hạn nộp không được trước hôm nay", "cannot be before today");
	}
	if (f->n)
		return api_fields_reply(c, f);
	if (!may_write(c))
		return forbidden(c);
	if (due == GN_DATE_MIN) {
		rp_period p = rp_adhoc_period(0, today);
		due = rp_due(&t->due, &p, api_calendar(c->app));
	}
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	q.year = y;
	date_format_iso(today, q.request_date);
	date_format_iso(due, q.due_date);
	buf b;
	buf_init(&b, 0);
	rp_levels_format(levels, &b);
	snprintf(q.levels, sizeof q.levels, "%s", buf_cstr(&b));
	buf_free(&b);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_calendar_request_add(c->st, &q, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "request", rc);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/calendar/requests/%lld", (long long)q.id);
	http_add_header(c->rq, "Location", loc);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "request");
	write_request(c, x, &q, false);
	jw_object_end(w);
	return 201;
}
