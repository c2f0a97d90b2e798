/*
 * api_rounds.c - the review workflow over HTTP (docs/api.md, "Review
 * workflow"): review rounds of a commune (periodic: yearly; regular:
 * monthly), their actions, events, complaints and deadlines, and the
 * households' applications (Form 01 / Form 04).
 *
 * Layer: api. The state machine is app/workflow.h (a table); this file
 * only reads requests, builds the workflow's view of a round from the
 * store, maps its answers to HTTP and writes JSON:
 *   403 the caller's role may not take the action (or open rounds),
 *   404 a round or unit outside the caller's scope (not disclosed),
 *   409 the action is not one of the round's state ("state"), or a check
 *       of the table fails ("check": posting_over, all_resolved...), or
 *       the round exists already ("exists"),
 *   422 bad fields, named in "fields".
 * An action is decided and applied inside one write transaction, on the
 * round as it is then (two officers clicking at once: the second sees the
 * first's result). Names of households and complaint texts are personal:
 * roles without read_personal get null there.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/workflow.h"
#include "../core/mem.h"
#include "../io/text.h"
#include "api_int.h"

#define ROUNDS_MAX 1000

static unsigned caps_of(const api_ctx *c)
{
	unsigned caps = 0;
	if (c->role && c->role->manage_rounds)
		caps |= WF_CAP_OFFICER;
	if (c->role && c->role->approve)
		caps |= WF_CAP_CHAIR;
	return caps;
}

/* Writes {"error":code,"message":...} plus one more string key, and
 * returns status. */
static int error_with(api_ctx *c, int status, const char *code, const char *vi,
		      const char *en, const char *key, const char *value)
{
	buf_reset(http_out(c->rq));
	jw_init(c->json, http_out(c->rq));
	jw_object(c->json);
	jw_kstr(c->json, "error", code);
	jw_kstr(c->json, "message", c->en ? en : vi);
	if (key)
		jw_kstr(c->json, key, value);
	jw_object_end(c->json);
	return status;
}

static int forbidden(api_ctx *c)
{
	return api_error(c, 403, "forbidden", "Vai trò của bạn không được làm việc này",
			 "Your role may not do this");
}

static void write_date_or_null(jw *w, const char *key, const char *iso)
{
	jw_key(w, key);
	if (iso && *iso)
		jw_str(w, iso);
	else
		jw_null(w);
}

/* A date under key, or as a bare value when key is NULL (after jw_key). */
static void write_date(jw *w, const char *key, gn_date d)
{
	char iso[11];
	date_format_iso(d, iso);
	if (key)
		jw_kstr(w, key, iso);
	else
		jw_str(w, iso);
}

static bool parse_iso(const char *s, gn_date *out)
{
	return s && *s && date_parse(s, strlen(s), out);
}

/* ---- the round and its view ------------------------------------------------------ */

typedef struct round_ctx {
	st_round r;
	st_complaint *c;
	size_t nc;
	st_application *a;
	size_t na;
	bool *reviewed;
	const char **units;         /* codes whose reviews are the commune's */
	size_t nunits;
	size_t reviews, locked;     /* of the round's year */
	size_t prev_poor, prev_near; /* the year before: the lists to review */
	wf_view v;
	api_ctx *api;
} round_ctx;

static void round_release(void *p)
{
	round_ctx *x = p;
	store_complaints_free(x->c, x->nc);
	store_applications_free(x->a, x->na);
	free(x->reviewed);
}

/* The codes whose reviews belong to the commune `code`: its subtree on
 * today's map and every code that lineage carries into it; the code
 * alone when it is not on today's map. */
static void commune_units(api_ctx *c, const char *code, const char ***out, size_t *n)
{
	int32_t u = units_find(c->units, code, strlen(code));
	const scope *sc = u >= 0 && unit_map_version(c->today, u) ? world_scope(c->w, u) : NULL;
	if (sc && !scope_is_all(sc) && scope_count(sc) > 0) {
		size_t k = scope_count(sc);
		const int32_t *codes = scope_codes(sc);
		const char **names = arena_alloc(c->ar, k * sizeof *names);
		for (size_t i = 0; i < k; i++)
			names[i] = units_code(c->units, codes[i]);
		*out = names;
		*n = k;
		return;
	}
	const char **one = arena_alloc(c->ar, sizeof *one);
	one[0] = arena_strdup(c->ar, code);
	*out = one;
	*n = 1;
}

static bool count_review(void *ctx, const st_review *r)
{
	round_ctx *x = ctx;
	x->reviews++;
	if (strcmp(r->status, "locked") == 0)
		x->locked++;
	return true;
}

static bool count_previous(void *ctx, const st_review *r)
{
	round_ctx *x = ctx;
	if (strcmp(r->cls, "POOR") == 0)
		x->prev_poor++;
	else if (strcmp(r->cls, "NEAR_POOR") == 0)
		x->prev_near++;
	return true;
}

static bool household_of_round(void *ctx, const char *id)
{
	round_ctx *x = ctx;
	st_household h;
	if (strlen(id) >= ST_CODE || store_household_get(x->api->st, id, &h) != GN_OK)
		return false;
	bool ok = false;
	for (size_t i = 0; i < x->nunits && !ok; i++)
		ok = strcmp(x->units[i], h.unit_code) == 0;
	st_household_clear(&h);
	return ok;
}

/* Loads round id with everything the workflow looks at. *status: 404
 * (missing or out of scope) or 500 when NULL is returned. */
static round_ctx *load_round(api_ctx *c, int64_t id, int *status)
{
	if (id <= 0) {
		*status = api_not_found(c);
		return NULL;
	}
	round_ctx *x = arena_calloc(c->ar, 1, sizeof *x);
	x->api = c;
	gn_err rc = store_round_get(c->st, id, &x->r);
	if (rc == GN_ENOTFOUND || (rc == GN_OK && !api_in_scope(c, x->r.unit_code))) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "round", rc);
		return NULL;
	}
	arena_defer(c->ar, round_release, x);
	st_application_filter af = {.round_id = x->r.id};
	if ((rc = store_complaints_of(c->st, x->r.id, &x->c, &x->nc)) ||
	    (rc = store_applications_list(c->st, &af, &x->a, &x->na))) {
		*status = api_internal(c, "round details", rc);
		return NULL;
	}
	x->reviewed = gn_xcalloc(x->na ? x->na : 1, sizeof *x->reviewed);
	for (size_t i = 0; i < x->na; i++) {
		st_review rv;
		rc = store_review_get(c->st, x->a[i].household_id, x->r.year, &rv);
		if (rc == GN_OK) {
			x->reviewed[i] = true;
			st_review_clear(&rv);
		} else if (rc != GN_ENOTFOUND) {
			*status = api_internal(c, "review", rc);
			return NULL;
		}
	}
	commune_units(c, x->r.unit_code, &x->units, &x->nunits);
	if ((rc = store_reviews_in_units(c->st, x->r.year, x->units, x->nunits, count_review, x)) ||
	    (rc = store_reviews_in_units(c->st, x->r.year - 1, x->units, x->nunits,
					 count_previous, x))) {
		*status = api_internal(c, "reviews", rc);
		return NULL;
	}
	x->v = (wf_view){
		.round = &x->r,
		.complaints = x->c,
		.ncomplaints = x->nc,
		.apps = x->a,
		.app_reviewed = x->reviewed,
		.napps = x->na,
		.nreviews = x->reviews,
		.today = world_today(c->w),
		.cal = api_calendar(c->app),
		.proc = api_procedure(c->app),
		.household_ok = household_of_round,
		.ctx = x,
	};
	return x;
}

/* ---- writing ------------------------------------------------------------------------ */

static void write_round(api_ctx *c, const st_round *r)
{
	jw *w = c->json;
	int32_t u = units_find(c->units, r->unit_code, strlen(r->unit_code));
	wf_state s = WF_LIST;
	bool known = wf_state_parse(r->state, &s);
	jw_object(w);
	jw_kint(w, "id", r->id);
	jw_kstr(w, "unit_code", r->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kint(w, "year", r->year);
	jw_kstr(w, "kind", r->kind);
	jw_key(w, "month");
	if (r->month)
		jw_int(w, r->month);
	else
		jw_null(w);
	jw_kstr(w, "state", r->state);
	jw_kstr(w, "state_label", known ? wf_state_label(s, c->en) : r->state);
	jw_kint(w, "opened_at", r->opened_at);
	write_date_or_null(w, "meeting_date", r->meeting_date);
	jw_key(w, "attendees");
	if (r->meeting_date[0])
		jw_int(w, r->attendees);
	else
		jw_null(w);
	jw_key(w, "votes_for");
	if (r->meeting_date[0])
		jw_int(w, r->votes_for);
	else
		jw_null(w);
	write_date_or_null(w, "posting_start", r->posting_start);
	write_date_or_null(w, "posting_end", r->posting_end);
	jw_kint(w, "postings", r->postings);
	jw_key(w, "decision_no");
	if (r->decision_no[0])
		jw_str(w, r->decision_no);
	else
		jw_null(w);
	write_date_or_null(w, "decision_date", r->decision_date);
	jw_kbool(w, "certified", r->certified);
	jw_kint(w, "created_by", r->created_by);
	jw_kint(w, "updated_at", r->updated_at);
	jw_object_end(w);
}

static const char *username_of(api_ctx *c, int64_t id)
{
	st_user u;
	if (id > 0 && store_user_get_id(c->st, id, &u) == GN_OK)
		return arena_strdup(c->ar, u.username);
	return "";
}

static void events_release(void *p)
{
	void **x = p;
	store_round_events_free(x[0], (size_t)(uintptr_t)x[1]);
}

static void write_actions(api_ctx *c, const round_ctx *x)
{
	jw *w = c->json;
	wf_option o[WA_COUNT];
	size_t n = wf_options(&x->v, caps_of(c), o);
	jw_key(w, "actions");
	jw_array(w);
	for (size_t i = 0; i < n; i++) {
		const wf_action_info *ai = wf_action_at(o[i].action);
		jw_object(w);
		jw_kstr(w, "action", ai->name);
		jw_kstr(w, "label", c->en ? ai->label_en : ai->label_vi);
		jw_kbool(w, "ready", o[i].ready);
		jw_key(w, "blocked_by");
		jw_str(w, o[i].ready ? NULL : wf_check_name(o[i].blocked));
		jw_key(w, "blocked_message");
		jw_str(w, o[i].ready ? NULL : wf_check_message(o[i].blocked, c->en));
		jw_key(w, "fields");
		jw_array(w);
		for (int f = 0; f < WFF_COUNT; f++) {
			unsigned bit = 1u << f;
			if (!((ai->required | ai->optional) & bit))
				continue;
			const wf_field_info *fi = wf_field_at((wf_field)f);
			static const char *const types[] = {"text", "date", "integer"};
			jw_object(w);
			jw_kstr(w, "name", fi->name);
			jw_kstr(w, "type", types[fi->type]);
			jw_kbool(w, "required", (ai->required & bit) != 0);
			jw_kstr(w, "label", c->en ? fi->label_en : fi->label_vi);
			jw_object_end(w);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
}

static void write_deadlines(api_ctx *c, const round_ctx *x)
{
	jw *w = c->json;
	const review_procedure *p = api_procedure(c->app);
	const calendar *cal = api_calendar(c->app);
	const st_round *r = &x->r;
	jw_key(w, "deadlines");
	jw_object(w);
	jw_kint(w, "posting_working_days", p->posting_days);
	jw_kint(w, "recheck_working_days", p->recheck_days);
	jw_kint(w, "meeting_pass_percent", p->meeting_pass_pct);
	if (strcmp(r->kind, "regular") == 0) {
		write_date(w, "review_from", date_from_ymd(r->year, r->month, p->regular_day));
		jw_kbool(w, "calendar_covers", cal_covers(cal, r->year));
	} else {
		gn_date from, to, end;
		wf_periodic_window(p, r->year, &from, &to);
		write_date(w, "window_start", from);
		write_date(w, "window_end", to);
		write_date_or_null(w, "posting_end", r->posting_end);
		jw_key(w, "approve_from");
		if (parse_iso(r->posting_end, &end))
			write_date(w, NULL, end + 1);
		else
			jw_null(w);
		jw_kbool(w, "calendar_covers", cal_covers(cal, r->year) && cal_covers(cal, r->year + 1));
	}
	jw_object_end(w);
}

/* Answers the whole round: {"round", "deadlines", "reviews", "actions",
 * "events", "complaints", "applications", "tallies"}. */
static int answer_round(api_ctx *c, const round_ctx *x, int status)
{
	st_round_event *ev = NULL;
	size_t ne = 0;
	st_tally *t = NULL;
	size_t nt = 0;
	gn_err rc = store_round_events(c->st, x->r.id, &ev, &ne);
	if (rc)
		return api_internal(c, "events", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = ev;
	hold[1] = (void *)(uintptr_t)ne;
	arena_defer(c->ar, events_release, hold);
	if ((rc = store_round_tallies(c->st, x->r.id, &t, &nt)))
		return api_internal(c, "tallies", rc);
	arena_defer(c->ar, free, t);

	const review_procedure *p = api_procedure(c->app);
	const calendar *cal = api_calendar(c->app);
	bool personal = c->role && c->role->read_personal;
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "round");
	write_round(c, &x->r);
	write_deadlines(c, x);
	jw_key(w, "reviews");
	jw_object(w);
	jw_kint(w, "entered", (int64_t)x->reviews);
	jw_kint(w, "locked", (int64_t)x->locked);
	jw_kint(w, "previous_poor", (int64_t)x->prev_poor);
	jw_kint(w, "previous_near_poor", (int64_t)x->prev_near);
	jw_object_end(w);
	write_actions(c, x);

	jw_key(w, "events");
	jw_array(w);
	for (size_t i = 0; i < ne; i++) {
		jw_object(w);
		jw_kint(w, "id", ev[i].id);
		jw_kint(w, "at", ev[i].at);
		jw_kint(w, "user_id", ev[i].user_id);
		jw_kstr(w, "user", username_of(c, ev[i].user_id));
		jw_kstr(w, "action", ev[i].action);
		jw_key(w, "from");
		jw_str(w, ev[i].from_state[0] ? ev[i].from_state : NULL);
		jw_kstr(w, "to", ev[i].to_state);
		/* notes may name people: personal data */
		jw_key(w, "note");
		jw_str(w, personal ? ev[i].note : NULL);
		jw_object_end(w);
	}
	jw_array_end(w);

	jw_key(w, "complaints");
	jw_array(w);
	for (size_t i = 0; i < x->nc; i++) {
		const st_complaint *k = &x->c[i];
		gn_date rec;
		jw_object(w);
		jw_kint(w, "id", k->id);
		jw_key(w, "household_id");
		jw_str(w, personal && k->household_id[0] ? k->household_id : NULL);
		jw_kstr(w, "received", k->received);
		jw_key(w, "text");
		jw_str(w, personal ? k->text : NULL);
		jw_kstr(w, "status", k->status);
		jw_key(w, "result");
		jw_str(w, personal && k->result && *k->result ? k->result : NULL);
		write_date_or_null(w, "rechecked_at", k->rechecked_at);
		write_date_or_null(w, "resolved_at", k->resolved_at);
		jw_key(w, "recheck_due");
		if (parse_iso(k->received, &rec))
			write_date(w, NULL, wf_recheck_due(cal, p, rec));
		else
			jw_null(w);
		jw_object_end(w);
	}
	jw_array_end(w);

	jw_key(w, "applications");
	jw_array(w);
	for (size_t i = 0; i < x->na; i++) {
		const st_application *a = &x->a[i];
		jw_object(w);
		jw_kint(w, "id", a->id);
		jw_key(w, "household_id");
		jw_str(w, personal ? a->household_id : NULL);
		jw_kstr(w, "form", a->form);
		jw_kstr(w, "date", a->date);
		jw_kstr(w, "status", a->status);
		jw_kbool(w, "review_entered", x->reviewed[i]);
		jw_object_end(w);
	}
	jw_array_end(w);

	jw_key(w, "tallies");
	if (nt == 0) {
		jw_null(w);
	} else {
		jw_object(w);
		for (size_t i = 0; i < nt; i++)
			if (strcmp(t[i].kind, "total") == 0)
				jw_kint(w, t[i].key, t[i].households);
		static const char *const groups[][2] = {{"class", "classes"},
							{"transition", "transitions"}};
		for (size_t g = 0; g < 2; g++) {
			jw_key(w, groups[g][1]);
			jw_object(w);
			for (size_t i = 0; i < nt; i++)
				if (strcmp(t[i].kind, groups[g][0]) == 0)
					jw_kint(w, t[i].key, t[i].households);
			jw_object_end(w);
		}
		jw_object_end(w);
	}
	jw_object_end(w);
	return status;
}

/* ---- GET /api/v1/rounds ----------------------------------------------------------- */

/* The unit codes to look in: ?unit= (in scope, else a 404 in *status) or
 * the caller's scope; NULL with *n 0 for the national scope. */
static bool scope_codes_of(api_ctx *c, const char ***out, size_t *n, int *status)
{
	*out = NULL;
	*n = 0;
	if (!c->scope) {
		*status = api_not_found(c);
		return false;
	}
	const scope *sc = c->scope;
	const char *unit = api_query(c, "unit");
	if (unit && *unit) {
		int32_t u = api_unit_in_scope(c, unit);
		if (u < 0) {
			*status = api_not_found(c);
			return false;
		}
		sc = world_scope(c->w, u);
	}
	if (scope_is_all(sc))
		return true;
	size_t k = scope_count(sc);
	const int32_t *codes = scope_codes(sc);
	const char **names = arena_alloc(c->ar, (k ? k : 1) * sizeof *names);
	for (size_t i = 0; i < k; i++)
		names[i] = units_code(c->units, codes[i]);
	*out = names;
	*n = k;
	if (k == 0)
		names[0] = "";
	return true;
}

int api_rounds_list(api_ctx *c)
{
	int status;
	int64_t year;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status))
		return status;
	const char *kind = api_query(c, "kind");
	wf_kind k;
	if (kind && *kind && !wf_kind_parse(kind, &k))
		return api_bad_request(c, "Loại đợt phải là periodic hoặc regular",
				       "kind must be periodic or regular");
	const char **codes;
	size_t n;
	if (!scope_codes_of(c, &codes, &n, &status))
		return status;
	st_round_filter f = {.unit_codes = codes, .nunits = codes ? (n ? n : 1) : 0,
			     .year = (int)year, .kind = kind && *kind ? kind : NULL};
	st_round *rows = NULL;
	size_t nr = 0;
	gn_err rc = store_rounds_list(c->st, &f, &rows, &nr);
	if (rc)
		return api_internal(c, "rounds", rc);
	arena_defer(c->ar, free, rows);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "rounds");
	jw_array(w);
	for (size_t i = 0; i < nr && i < ROUNDS_MAX; i++)
		if (api_in_scope(c, rows[i].unit_code))
			write_round(c, &rows[i]);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/rounds/{id} ------------------------------------------------------------ */

int api_round_get(api_ctx *c)
{
	int status;
	round_ctx *x = load_round(c, api_param_id(c, "id"), &status);
	if (!x)
		return status;
	return answer_round(c, x, 200);
}

/* ---- POST /api/v1/rounds ------------------------------------------------------------------ */

int api_round_create(api_ctx *c)
{
	if (!(caps_of(c) & WF_CAP_OFFICER))
		return forbidden(c);
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"unit_code", "year", "kind", "month"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	json_t *v;
	st_round r = {0};
	v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	int32_t u = unit ? api_unit_in_scope(c, unit) : -1;
	const unit_version *uv = u >= 0 ? unit_map_version(c->today, u) : NULL;
	if (!uv || uv->level != LEVEL_COMMUNE)
		api_field(c, f, "unit_code", "Phải là một xã thuộc phạm vi của bạn",
			  "must be a commune of your area");
	else
		snprintf(r.unit_code, sizeof r.unit_code, "%s", unit);
	v = json_object_get(body, "year");
	if (json_is_integer(v) && json_integer_value(v) >= 2000 && json_integer_value(v) <= 2063)
		r.year = (int)json_integer_value(v);
	else
		api_field(c, f, "year", "Năm không hợp lệ", "expected a year (2000 to 2063)");
	v = json_object_get(body, "kind");
	wf_kind kind = WF_PERIODIC;
	if (v && !json_is_null(v) && !(json_is_string(v) && wf_kind_parse(json_string_value(v), &kind)))
		api_field(c, f, "kind", "Phải là periodic hoặc regular", "expected periodic or regular");
	snprintf(r.kind, sizeof r.kind, "%s", wf_kind_name(kind));
	v = json_object_get(body, "month");
	if (kind == WF_REGULAR) {
		if (json_is_integer(v) && json_integer_value(v) >= 1 && json_integer_value(v) <= 12)
			r.month = (int)json_integer_value(v);
		else
			api_field(c, f, "month", "Tháng từ 1 đến 12", "expected a month (1 to 12)");
	} else if (v && !json_is_null(v)) {
		api_field(c, f, "month", "Chỉ dùng cho đợt rà soát thường xuyên",
			  "only for a regular round");
	}
	if (f->n)
		return api_fields_reply(c, f);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = wf_open_round(c->st, &r, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EEXIST) {
			st_round old;
			int64_t oid = 0;
			if (store_round_find(c->st, r.unit_code, r.year, r.kind, r.month, &old) == GN_OK)
				oid = old.id;
			/* {"error","message"} and the round's id */
			buf_reset(http_out(c->rq));
			jw_init(c->json, http_out(c->rq));
			jw_object(c->json);
			jw_kstr(c->json, "error", "exists");
			jw_kstr(c->json, "message", c->en ? "This round is open already"
							  : "Đợt rà soát này đã được mở");
			jw_kint(c->json, "id", oid);
			jw_object_end(c->json);
			return 409;
		}
		return api_internal(c, "open round", rc);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/rounds/%lld", (long long)r.id);
	http_add_header(c->rq, "Location", loc);
	round_ctx *x = load_round(c, r.id, &status);
	if (!x)
		return status;
	return answer_round(c, x, 201);
}

/* ---- POST /api/v1/rounds/{id}/actions ------------------------------------------------ */

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

/* Reads the fields of an action from body into in (types only; the
 * workflow checks the rest). 0, or the status of the answer written. */
static int read_input(api_ctx *c, json_t *body, wf_input *in)
{
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "action") == 0)
			continue;
		int fid = 0;
		while (fid < WFF_COUNT && strcmp(wf_field_at((wf_field)fid)->name, key) != 0)
			fid++;
		if (fid == WFF_COUNT) {
			api_field(c, f, key, "Trường không được hỗ trợ", "unknown field");
			continue;
		}
		if (json_is_null(v))
			continue; /* null: not given */
		const wf_field_info *fi = wf_field_at((wf_field)fid);
		switch (fi->type) {
		case WT_TEXT: {
			if (!json_is_string(v)) {
				api_field(c, f, key, "Phải là văn bản", "expected text");
				break;
			}
			const char *s = json_string_value(v);
			size_t n = json_string_length(v);
			bool multiline = fid == WFF_TEXT || fid == WFF_RESULT || fid == WFF_NOTE;
			if ((int64_t)n > fi->max) {
				api_field(c, f, key, "Quá dài", "too long");
				break;
			}
			if (has_control(s, n, multiline)) {
				api_field(c, f, key, "Không được chứa ký tự điều khiển",
					  "control characters are not allowed");
				break;
			}
			buf b;
			buf_init(&b, 0);
			if (text_nfc(s, n, &b) != GN_OK) {
				buf_free(&b);
				api_field(c, f, key, "Văn bản không hợp lệ", "invalid text");
				break;
			}
			char *t = arena_strndup(c->ar, buf_cstr(&b), b.len);
			buf_free(&b);
			wf_input_set_text(in, (wf_field)fid, t);
			break;
		}
		case WT_DATE: {
			gn_date d;
			if (!json_is_string(v) ||
			    !date_parse(json_string_value(v), json_string_length(v), &d)) {
				api_field(c, f, key, "Phải là một ngày (YYYY-MM-DD)",
					  "expected a date (YYYY-MM-DD)");
				break;
			}
			wf_input_set_date(in, (wf_field)fid, d);
			break;
		}
		case WT_INT:
			if (!json_is_integer(v) || json_integer_value(v) < 0 ||
			    json_integer_value(v) > fi->max) {
				api_field(c, f, key, "Phải là số nguyên không âm",
					  "expected a whole number, not negative");
				break;
			}
			wf_input_set_int(in, (wf_field)fid, (int64_t)json_integer_value(v));
			break;
		}
	}
	return f->n ? api_fields_reply(c, f) : 0;
}

/* The answer of a refusal of the workflow. */
static int refusal(api_ctx *c, const round_ctx *x, wf_action a, const wf_result *res)
{
	switch (res->status) {
	case WF_EROLE:
		return forbidden(c);
	case WF_ESTATE: {
		char vi[160], en[160];
		snprintf(vi, sizeof vi, "Không thể %s khi đợt rà soát ở bước \"%s\"",
			 wf_action_at(a)->name, x->r.state);
		snprintf(en, sizeof en, "Cannot %s while the round is in state \"%s\"",
			 wf_action_at(a)->name, x->r.state);
		return error_with(c, 409, "state", vi, en, "state", x->r.state);
	}
	case WF_ECHECK:
		return error_with(c, 409, "check", wf_check_message(res->failed, false),
				  wf_check_message(res->failed, true), "check",
				  wf_check_name(res->failed));
	case WF_EFIELDS: {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		for (size_t i = 0; i < res->nerrors; i++)
			api_field(c, f, res->errors[i].field, res->errors[i].vi, res->errors[i].en);
		return api_fields_reply(c, f);
	}
	case WF_OK:
		break;
	}
	return api_internal(c, "workflow", GN_EINTERNAL);
}

int api_round_action(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	/* Scope first (404), outside the write transaction. */
	st_round probe;
	gn_err rc = id > 0 ? store_round_get(c->st, id, &probe) : GN_ENOTFOUND;
	if (rc == GN_ENOTFOUND || (rc == GN_OK && !api_in_scope(c, probe.unit_code)))
		return api_not_found(c);
	if (rc)
		return api_internal(c, "round", rc);
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	json_t *an = json_object_get(body, "action");
	wf_action action;
	if (!json_is_string(an) || !wf_action_parse(json_string_value(an), &action)) {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		api_field(c, f, "action", "Thao tác không hợp lệ", "unknown action");
		return api_fields_reply(c, f);
	}
	/* Decide and apply on the round as it is under the write lock. */
	if ((rc = store_begin(c->st)))
		return api_internal(c, "begin", rc);
	round_ctx *x = load_round(c, id, &status);
	if (!x) {
		store_rollback(c->st);
		return status;
	}
	wf_result res;
	if (wf_allowed(&x->v, action, caps_of(c), &res) != WF_OK) {
		store_rollback(c->st);
		return refusal(c, x, action, &res);
	}
	wf_input in = {0};
	if ((status = read_input(c, body, &in)) != 0) {
		store_rollback(c->st);
		return status;
	}
	if (wf_decide(&x->v, action, caps_of(c), &in, &res) != WF_OK) {
		store_rollback(c->st);
		return refusal(c, x, action, &res);
	}
	size_t locked = 0;
	rc = wf_apply(c->st, &x->v, action, &in, &res, x->units, x->nunits, c->user->id, &locked);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT)
			return api_error(c, 409, "locked", "Có phiếu rà soát đã khóa",
					 "A review is locked");
		return api_internal(c, "apply action", rc);
	}
	round_ctx *now = load_round(c, id, &status);
	if (!now)
		return status;
	return answer_round(c, now, 200);
}

/* ---- applications ------------------------------------------------------------------------ */

static void write_application(api_ctx *c, const st_application *a, const char *head)
{
	jw *w = c->json;
	int32_t u = units_find(c->units, a->unit_code, strlen(a->unit_code));
	jw_object(w);
	jw_kint(w, "id", a->id);
	jw_kstr(w, "household_id", a->household_id);
	jw_kstr(w, "head_name", head ? head : "");
	jw_kstr(w, "unit_code", a->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
	jw_kstr(w, "form", a->form);
	jw_kstr(w, "date", a->date);
	jw_kstr(w, "status", a->status);
	jw_kint(w, "round_id", a->round_id);
	jw_kstr(w, "note", a->note ? a->note : "");
	jw_kint(w, "created_by", a->created_by);
	jw_kint(w, "updated_at", a->updated_at);
	jw_object_end(w);
}

static void apps_release(void *p)
{
	void **x = p;
	store_applications_free(x[0], (size_t)(uintptr_t)x[1]);
}

int api_applications_list(api_ctx *c)
{
	int status;
	int64_t year, round, limit;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status) ||
	    !api_query_int(c, "round", 0, INT64_MAX, 0, &round, &status) ||
	    !api_query_int(c, "limit", 1, 1000, 200, &limit, &status))
		return status;
	const char *st = api_query(c, "status");
	const char **codes;
	size_t n;
	if (!scope_codes_of(c, &codes, &n, &status))
		return status;
	st_application_filter f = {.unit_codes = codes, .nunits = codes ? (n ? n : 1) : 0,
				   .round_id = round, .year = (int)year,
				   .status = st && *st ? st : NULL};
	st_application *rows = NULL;
	size_t nr = 0;
	gn_err rc = store_applications_list(c->st, &f, &rows, &nr);
	if (rc)
		return api_internal(c, "applications", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = rows;
	hold[1] = (void *)(uintptr_t)nr;
	arena_defer(c->ar, apps_release, hold);
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "total", (int64_t)nr);
	jw_key(w, "applications");
	jw_array(w);
	for (size_t i = 0; i < nr && (int64_t)i < limit; i++) {
		if (!api_in_scope(c, rows[i].unit_code))
			continue;
		st_household h;
		const char *head = NULL;
		if (store_household_get(c->st, rows[i].household_id, &h) == GN_OK) {
			head = arena_strdup(c->ar, h.head_name ? h.head_name : "");
			st_household_clear(&h);
		}
		write_application(c, &rows[i], head);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* The commune of a household's unit on today's map, in the caller's
 * scope, or -1. */
static int32_t commune_of(api_ctx *c, const char *code)
{
	int32_t u = units_find(c->units, code, strlen(code));
	if (u < 0)
		return -1;
	size_t nd;
	const unit_dest *dest = unit_map_dest(c->today, u, &nd);
	for (size_t i = 0; i < nd; i++) {
		int32_t k = unit_map_ancestor(c->today, dest[i].code, LEVEL_COMMUNE);
		if (k >= 0 && scope_has(c->scope, k))
			return k;
	}
	return -1;
}

int api_application_create(api_ctx *c)
{
	if (!(caps_of(c) & WF_CAP_OFFICER))
		return forbidden(c);
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"household_id", "form", "date", "note"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, sizeof keys / sizeof keys[0]);
	json_t *v;
	st_application a = {0};
	st_household *h = arena_calloc(c->ar, 1, sizeof *h);
	bool have_h = false;
	v = json_object_get(body, "household_id");
	const char *hid = json_is_string(v) ? json_string_value(v) : NULL;
	int32_t commune = -1;
	if (hid && strlen(hid) < ST_CODE && store_household_get(c->st, hid, h) == GN_OK) {
		have_h = true;
		if (api_in_scope(c, h->unit_code))
			commune = commune_of(c, h->unit_code);
	}
	if (commune < 0) {
		api_field(c, f, "household_id", "Không phải hộ thuộc phạm vi của bạn",
			  "not a household of your area");
	} else {
		snprintf(a.household_id, sizeof a.household_id, "%s", hid);
		snprintf(a.unit_code, sizeof a.unit_code, "%s", units_code(c->units, commune));
	}
	v = json_object_get(body, "form");
	if (json_is_string(v) && (strcmp(json_string_value(v), "01") == 0 ||
				  strcmp(json_string_value(v), "04") == 0))
		snprintf(a.form, sizeof a.form, "%s", json_string_value(v));
	else
		api_field(c, f, "form", "Mẫu đơn phải là 01 (đề nghị) hoặc 04 (thoát nghèo)",
			  "expected 01 (to enter the lists) or 04 (to leave them)");
	v = json_object_get(body, "date");
	gn_date d = world_today(c->w);
	if (v && !json_is_null(v) &&
	    !(json_is_string(v) && date_parse(json_string_value(v), json_string_length(v), &d)))
		api_field(c, f, "date", "Phải là một ngày (YYYY-MM-DD)", "expected a date (YYYY-MM-DD)");
	else if (d > world_today(c->w))
		api_field(c, f, "date", "Không được là ngày trong tương lai", "cannot be in the future");
	date_format_iso(d, a.date);
	v = json_object_get(body, "note");
	if (v && !json_is_null(v)) {
		if (!json_is_string(v) || json_string_length(v) > 1000 ||
		    has_control(json_string_value(v), json_string_length(v), true))
			api_field(c, f, "note", "Ghi chú không hợp lệ", "invalid note");
		else
			a.note = (char *)json_string_value(v);
	}
	/* Form 04 (leaving the lists) needs a household on them: its latest
	 * review is poor or near-poor. */
	if (!f->n && strcmp(a.form, "04") == 0) {
		st_review *rv = NULL;
		size_t nr = 0;
		bool on_list = false;
		if (store_reviews_of(c->st, a.household_id, &rv, &nr) == GN_OK && nr > 0)
			on_list = strcmp(rv[nr - 1].cls, "POOR") == 0 ||
				  strcmp(rv[nr - 1].cls, "NEAR_POOR") == 0;
		for (size_t i = 0; i < nr; i++)
			st_review_clear(&rv[i]);
		free(rv);
		if (!on_list)
			api_field(c, f, "form", "Hộ không có trong danh sách hộ nghèo, cận nghèo",
				  "the household is not on the poor or near-poor lists");
	}
	if (have_h)
		st_household_clear(h);
	if (f->n)
		return api_fields_reply(c, f);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = wf_register_application(c->st, api_procedure(c->app), &a, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT)
			return error_with(c, 409, "closed",
					  "Các đợt rà soát thường xuyên của năm tới đã phê duyệt",
					  "Every regular round of the coming year is approved", NULL, NULL);
		return api_internal(c, "application", rc);
	}
	st_application *got = arena_calloc(c->ar, 1, sizeof *got);
	if ((rc = store_application_get(c->st, a.id, got)))
		return api_internal(c, "application", rc);
	st_household hh;
	char *head = NULL;
	if (store_household_get(c->st, got->household_id, &hh) == GN_OK) {
		head = arena_strdup(c->ar, hh.head_name ? hh.head_name : "");
		st_household_clear(&hh);
	}
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "application");
	write_application(c, got, head);
	jw_object_end(w);
	st_application_clear(got);
	return 201;
}
