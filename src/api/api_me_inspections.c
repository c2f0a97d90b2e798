/*
 * api_me_inspections.c - inspections and monitoring missions over HTTP
 * (docs/api.md, "Monitoring and evaluation: capacity"): missions with the
 * units they inspected and their findings, recommendations (kiến nghị)
 * with the unit responsible, a due date and a status (open -> in
 * progress -> resolved, with the date and evidence), overdue ones, and
 * the mission's report due 15 working days after its end (the number is
 * data: data/me/capacity.csv; working days: the holiday calendar).
 *
 * Layer: api. Scope: a mission is seen by the callers who see its
 * inspecting unit, one of the units it inspected, or the unit responsible
 * for one of its recommendations; those who do not see the inspecting
 * unit see only their own units, the findings about them (or about all)
 * and the recommendations addressed to them. A mission and its
 * recommendations are written by those who may write for the inspecting
 * unit; the status of a recommendation also by those who may write for
 * the unit responsible. Today is the server's (world_today, $GNBV_TODAY).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../core/mem.h"
#include "me_capacity_int.h"

#define EVIDENCE_MAX (512 * 1024)
#define LIST_MAX 500

/* ---- loading and visibility -------------------------------------------------------- */

typedef struct mission_ctx {
	st_mission m;
	st_finding *f;
	size_t nf;
	st_recommendation *r;
	size_t nr;
	bool own;                 /* the caller sees the inspecting unit */
} mission_ctx;

static void mission_release(void *p)
{
	mission_ctx *x = p;
	st_mission_clear(&x->m);
	store_findings_free(x->f, x->nf);
	store_recommendations_free(x->r, x->nr);
}

static bool mission_visible(api_ctx *c, const mission_ctx *x)
{
	if (x->own)
		return true;
	for (size_t i = 0; i < x->m.nunits; i++)
		if (capx_visible(c, x->m.units[i]))
			return true;
	for (size_t i = 0; i < x->nr; i++)
		if (capx_visible(c, x->r[i].unit_code))
			return true;
	return false;
}

/* Loads mission id with its findings and recommendations when the caller
 * sees it; 404 or 500 in *status when NULL is returned. */
static mission_ctx *load_mission(api_ctx *c, int64_t id, int *status)
{
	mission_ctx *x = arena_calloc(c->ar, 1, sizeof *x);
	gn_err rc = id > 0 ? store_mission_get(c->st, id, &x->m) : GN_ENOTFOUND;
	if (rc == GN_ENOTFOUND) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "mission", rc);
		return NULL;
	}
	arena_defer(c->ar, mission_release, x);
	st_recommendation_filter rf = {.mission_id = id};
	if ((rc = store_findings_of(c->st, id, &x->f, &x->nf)) ||
	    (rc = store_recommendations_list(c->st, &rf, &x->r, &x->nr))) {
		*status = api_internal(c, "mission details", rc);
		return NULL;
	}
	x->own = capx_visible(c, x->m.unit_code);
	if (!mission_visible(c, x)) {
		*status = api_not_found(c);
		return NULL;
	}
	return x;
}

static bool can_write_mission(api_ctx *c, const st_mission *m)
{
	return c->role && c->role->write_me && capx_writable(c, m->unit_code);
}

static bool can_update_rec(api_ctx *c, const st_mission *m, const st_recommendation *r)
{
	return c->role && c->role->write_me &&
	       (capx_writable(c, m->unit_code) || capx_writable(c, r->unit_code));
}

/* ---- writers ------------------------------------------------------------------------ */

static void write_rec(api_ctx *c, const st_mission *m, const st_recommendation *r,
		      bool with_mission)
{
	jw *w = c->json;
	gn_date today = world_today(c->w), due;
	cap_status s = CAP_OPEN;
	bool sk = cap_status_parse(r->status, &s);
	bool has_due = date_parse(r->due_date, strlen(r->due_date), &due);
	jw_object(w);
	jw_kint(w, "id", r->id);
	jw_kint(w, "mission_id", r->mission_id);
	if (with_mission && m) {
		jw_key(w, "mission");
		jw_object(w);
		jw_kint(w, "id", m->id);
		jw_kstr(w, "name", m->name);
		jw_kstr(w, "decision_no", m->decision_no);
		jw_kstr(w, "unit_code", m->unit_code);
		jw_kstr(w, "unit_name", capx_unit_name(c, m->unit_code));
		jw_object_end(w);
	}
	jw_kstr(w, "text", r->text);
	jw_kstr(w, "unit_code", r->unit_code);
	jw_kstr(w, "unit_name", capx_unit_name(c, r->unit_code));
	jw_kstr(w, "due_date", r->due_date);
	jw_kstr(w, "status", r->status);
	jw_kstr(w, "status_label", sk ? cap_status_label(s, c->en) : r->status);
	capx_date_or_null(w, "resolved_date", r->resolved_date);
	jw_kstr(w, "evidence", r->evidence);
	jw_key(w, "file");
	if (r->file_name && *r->file_name) {
		jw_object(w);
		jw_kstr(w, "name", r->file_name);
		jw_kint(w, "size", r->file_size);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_kbool(w, "overdue", sk && has_due && cap_overdue(s, due, today));
	jw_kint(w, "days_late", sk && has_due ? cap_days_late(s, due, today) : 0);
	jw_kbool(w, "can_update", m && can_update_rec(c, m, r));
	jw_kbool(w, "can_edit", m && can_write_mission(c, m));
	jw_kint(w, "updated_at", r->updated_at);
	jw_object_end(w);
}

static void write_mission(api_ctx *c, const mission_ctx *x, bool counts)
{
	jw *w = c->json;
	const st_mission *m = &x->m;
	cap_mission_kind k = CAP_MISSION_INSPECTION;
	bool kk = cap_mission_kind_parse(m->kind, &k);
	const cap_settings *cs = capx_settings(c);
	int days = cs ? cs->report_working_days : 15;
	gn_date today = world_today(c->w), end, rep = GN_DATE_MIN;
	jw_object(w);
	jw_kint(w, "id", m->id);
	jw_kstr(w, "kind", m->kind);
	jw_kstr(w, "kind_label", kk ? cap_mission_kind_label(k, c->en) : m->kind);
	jw_kstr(w, "name", m->name);
	jw_kstr(w, "decision_no", m->decision_no);
	jw_kstr(w, "unit_code", m->unit_code);
	jw_kstr(w, "unit_name", capx_unit_name(c, m->unit_code));
	jw_kstr(w, "start_date", m->start_date);
	jw_kstr(w, "end_date", m->end_date);
	jw_kstr(w, "team", x->own ? m->team : "");
	jw_kstr(w, "project", m->project);
	jw_key(w, "units");
	jw_array(w);
	for (size_t i = 0; i < m->nunits; i++) {
		if (!x->own && !capx_visible(c, m->units[i]))
			continue;
		jw_object(w);
		jw_kstr(w, "code", m->units[i]);
		jw_kstr(w, "name", capx_unit_name(c, m->units[i]));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "report_working_days", days);
	if (date_parse(m->end_date, strlen(m->end_date), &end)) {
		char iso[11];
		gn_date due = cap_report_due(api_calendar(c->app), end, days);
		date_format_iso(due, iso);
		jw_kstr(w, "report_due", iso);
		if (m->report_date[0])
			date_parse(m->report_date, strlen(m->report_date), &rep);
		jw_kbool(w, "report_late", cap_report_late(due, rep, today));
	} else {
		jw_knull(w, "report_due");
		jw_kbool(w, "report_late", false);
	}
	capx_date_or_null(w, "report_date", m->report_date);
	if (counts) {
		int64_t n[CAP_STATUS_COUNT] = {0}, overdue = 0, total = 0;
		for (size_t i = 0; i < x->nr; i++) {
			const st_recommendation *r = &x->r[i];
			if (!x->own && !capx_visible(c, r->unit_code))
				continue;
			cap_status s;
			gn_date due;
			if (!cap_status_parse(r->status, &s))
				continue;
			total++;
			n[s]++;
			if (date_parse(r->due_date, strlen(r->due_date), &due) &&
			    cap_overdue(s, due, today))
				overdue++;
		}
		jw_key(w, "recommendations");
		jw_object(w);
		jw_kint(w, "total", total);
		for (int s = 0; s < CAP_STATUS_COUNT; s++)
			jw_kint(w, cap_status_name((cap_status)s), n[s]);
		jw_kint(w, "overdue", overdue);
		jw_object_end(w);
	}
	jw_kbool(w, "own", x->own);
	jw_kbool(w, "can_edit", can_write_mission(c, m));
	jw_kint(w, "created_by", m->created_by);
	jw_kint(w, "updated_at", m->updated_at);
	jw_object_end(w);
}

static int answer_mission(api_ctx *c, int64_t id, int status)
{
	int st;
	mission_ctx *x = load_mission(c, id, &st);
	if (!x)
		return st;
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "mission");
	write_mission(c, x, true);
	jw_key(w, "findings");
	jw_array(w);
	for (size_t i = 0; i < x->nf; i++) {
		const st_finding *f = &x->f[i];
		if (!x->own && f->unit_code[0] && !capx_visible(c, f->unit_code))
			continue;
		jw_object(w);
		jw_kint(w, "id", f->id);
		jw_kstr(w, "unit_code", f->unit_code);
		jw_kstr(w, "unit_name", capx_unit_name(c, f->unit_code));
		jw_kstr(w, "text", f->text);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "recommendations");
	jw_array(w);
	for (size_t i = 0; i < x->nr; i++)
		if (x->own || capx_visible(c, x->r[i].unit_code))
			write_rec(c, &x->m, &x->r[i], false);
	jw_array_end(w);
	if (x->own) {
		char key[48];
		snprintf(key, sizeof key, "inspection/mission/%lld", (long long)id);
		if (capx_write_history(c, key))
			return api_internal(c, "history", GN_EIO);
	}
	jw_object_end(w);
	return status;
}

/* ---- reading bodies -------------------------------------------------------------------- */

static const char *const mission_keys[] = {"kind",     "name",  "decision_no", "unit_code",
					   "start_date", "end_date", "team", "project",
					   "units",    "findings", "report_date"};
#define NMISSION_KEYS (sizeof mission_keys / sizeof mission_keys[0])

/* Reads a mission's fields into m (units in the arena); *start receives
 * the start date (GN_DATE_MIN when bad). */
static void read_mission(api_ctx *c, api_fields *f, json_t *body, st_mission *m, gn_date *start)
{
	memset(m, 0, sizeof *m);
	json_t *v = json_object_get(body, "kind");
	cap_mission_kind k;
	if (!json_is_string(v) || !cap_mission_kind_parse(json_string_value(v), &k))
		api_field(c, f, "kind", "Chọn: inspection (kiểm tra), monitoring (giám sát) hoặc joint",
			  "expected inspection, monitoring or joint");
	else
		snprintf(m->kind, sizeof m->kind, "%s", cap_mission_kind_name(k));
	capx_text(c, f, body, "name", "name", 300, true, false, &m->name);
	capx_text(c, f, body, "decision_no", "decision_no", 100, false, false, &m->decision_no);
	v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || !capx_writable(c, unit))
		api_field(c, f, "unit_code", "Đơn vị kiểm tra phải thuộc phạm vi của bạn",
			  "the inspecting unit must be of your area");
	else
		snprintf(m->unit_code, sizeof m->unit_code, "%s", unit);
	gn_date end, rep;
	bool ds = capx_date(c, f, body, "start_date", "start_date", true, start, m->start_date);
	bool de = capx_date(c, f, body, "end_date", "end_date", true, &end, m->end_date);
	if (ds && de && end < *start)
		api_field(c, f, "end_date", "Ngày kết thúc trước ngày bắt đầu",
			  "the end date is before the start date");
	if (capx_date(c, f, body, "report_date", "report_date", false, &rep, m->report_date) &&
	    m->report_date[0]) {
		if (rep > world_today(c->w))
			api_field(c, f, "report_date", "Không được là ngày trong tương lai",
				  "cannot be in the future");
		else if (ds && rep < *start)
			api_field(c, f, "report_date", "Trước ngày bắt đầu đợt kiểm tra",
				  "before the mission started");
	}
	capx_text(c, f, body, "team", "team", 2000, false, true, &m->team);
	capx_project(c, f, body, "DA7.2", m->project);
	v = json_object_get(body, "units");
	if (!json_is_array(v) || json_array_size(v) == 0 || json_array_size(v) > 500) {
		api_field(c, f, "units", "Chọn ít nhất một đơn vị được kiểm tra",
			  "give at least one unit inspected (up to 500)");
		return;
	}
	size_t n = json_array_size(v);
	m->units = arena_calloc(c->ar, n, sizeof *m->units);
	for (size_t i = 0; i < n; i++) {
		json_t *u = json_array_get(v, i);
		const char *code = json_is_string(u) ? json_string_value(u) : NULL;
		if (!code || strcmp(code, "*") == 0 || !capx_writable(c, code)) {
			char name[32];
			snprintf(name, sizeof name, "units[%zu]", i);
			api_field(c, f, name, "Không phải đơn vị thuộc phạm vi của bạn",
				  "not a unit of your area");
			continue;
		}
		bool dup = false;
		for (size_t k2 = 0; k2 < m->nunits && !dup; k2++)
			dup = strcmp(m->units[k2], code) == 0;
		if (!dup)
			snprintf(m->units[m->nunits++], ST_CODE, "%s", code);
	}
}

/* Reads body.findings: strings or {id, unit_code, text}; a unit must be
 * one of the mission's. *present false when the key is absent. */
static void read_findings(api_ctx *c, api_fields *f, json_t *body, const st_mission *m,
			  st_finding **out, size_t *n, bool *present)
{
	*out = NULL;
	*n = 0;
	json_t *v = json_object_get(body, "findings");
	*present = v && !json_is_null(v);
	if (!*present)
		return;
	if (!json_is_array(v) || json_array_size(v) > 200) {
		api_field(c, f, "findings", "Phải là một danh sách (tối đa 200)",
			  "expected a list (up to 200)");
		return;
	}
	size_t k = json_array_size(v);
	st_finding *fs = arena_calloc(c->ar, k ? k : 1, sizeof *fs);
	size_t m_out = 0;
	for (size_t i = 0; i < k; i++) {
		json_t *o = json_array_get(v, i);
		char name[32];
		snprintf(name, sizeof name, "findings[%zu]", i);
		st_finding *x = &fs[m_out];
		if (json_is_string(o)) {
			json_t *wrap = json_pack("{sO}", "text", o);
			capx_text(c, f, wrap, "text", name, 4000, false, true, &x->text);
			json_decref(wrap);
		} else if (json_is_object(o)) {
			static const char *const keys[] = {"id", "unit_code", "text"};
			api_unknown_fields_at(c, f, o, keys, 3, name);
			int64_t id;
			if (capx_int(c, f, o, "id", name, 1, INT64_MAX, false, 0, &id))
				x->id = id;
			json_t *u = json_object_get(o, "unit_code");
			const char *code = json_is_string(u) ? json_string_value(u) : "";
			bool ok = !*code;
			for (size_t j = 0; j < m->nunits && !ok; j++)
				ok = strcmp(m->units[j], code) == 0;
			if (!ok || (u && !json_is_null(u) && !json_is_string(u)))
				api_field(c, f, name, "Đơn vị phải là một đơn vị được kiểm tra",
					  "the unit must be one of the units inspected");
			else
				snprintf(x->unit_code, sizeof x->unit_code, "%s", code);
			capx_text(c, f, o, "text", name, 4000, false, true, &x->text);
		} else {
			api_field(c, f, name, "Phải là văn bản", "expected text");
			continue;
		}
		if (x->text && *x->text)
			m_out++; /* an empty line is no finding */
		else
			memset(x, 0, sizeof *x);
	}
	*out = fs;
	*n = m_out;
}

static const char *const rec_keys[] = {"text", "unit_code", "due_date"};

/* Reads a recommendation {text, unit_code, due_date} (names prefixed);
 * the due date may not be before the mission's start. */
static void read_rec(api_ctx *c, api_fields *f, json_t *o, const char *prefix, gn_date start,
		     st_recommendation *r)
{
	memset(r, 0, sizeof *r);
	char n1[48], n2[48], n3[48];
	snprintf(n1, sizeof n1, "%s%stext", prefix, *prefix ? "." : "");
	snprintf(n2, sizeof n2, "%s%sunit_code", prefix, *prefix ? "." : "");
	snprintf(n3, sizeof n3, "%s%sdue_date", prefix, *prefix ? "." : "");
	api_unknown_fields_at(c, f, o, rec_keys, 3, prefix);
	capx_text(c, f, o, "text", n1, 2000, true, true, &r->text);
	json_t *v = json_object_get(o, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || strcmp(unit, "*") == 0 || !capx_writable(c, unit))
		api_field(c, f, n2, "Đơn vị chịu trách nhiệm phải thuộc phạm vi của bạn",
			  "the unit responsible must be of your area");
	else
		snprintf(r->unit_code, sizeof r->unit_code, "%s", unit);
	gn_date due;
	if (capx_date(c, f, o, "due_date", n3, true, &due, r->due_date) && start != GN_DATE_MIN &&
	    due < start)
		api_field(c, f, n3, "Hạn xử lý trước ngày bắt đầu đợt kiểm tra",
			  "due before the mission started");
	snprintf(r->status, sizeof r->status, "open");
}

/* ---- missions ---------------------------------------------------------------------------- */

static void missions_release(void *p)
{
	void **x = p;
	store_missions_free(x[0], (size_t)(uintptr_t)x[1]);
}

int api_missions_list(api_ctx *c)
{
	int status;
	const char **codes;
	size_t ncodes;
	const char *unit;
	int32_t u;
	if (!capx_area(c, &codes, &ncodes, &unit, &u, &status))
		return status;
	int64_t year;
	if (!api_query_int(c, "year", 2000, 2099, 0, &year, &status))
		return status;
	st_mission_filter mf = {.unit_codes = codes, .nunits = ncodes, .year = (int)year};
	st_mission *rows = NULL;
	size_t n = 0;
	gn_err rc = store_missions_list(c->st, &mf, &rows, &n);
	if (rc)
		return api_internal(c, "missions", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = rows;
	hold[1] = (void *)(uintptr_t)n;
	arena_defer(c->ar, missions_release, hold);
	jw *w = c->json;
	jw_object(w);
	jw_kstr(w, "unit", unit);
	jw_key(w, "missions");
	jw_array(w);
	for (size_t i = 0; i < n && i < LIST_MAX; i++) {
		mission_ctx x = {.m = rows[i]};
		st_recommendation_filter rf = {.mission_id = rows[i].id};
		if ((rc = store_recommendations_list(c->st, &rf, &x.r, &x.nr)))
			break;
		x.own = capx_visible(c, x.m.unit_code);
		if (mission_visible(c, &x))
			write_mission(c, &x, true);
		store_recommendations_free(x.r, x.nr);
	}
	if (rc)
		return api_internal(c, "recommendations", rc);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_mission_get(api_ctx *c)
{
	return answer_mission(c, api_param_id(c, "id"), 200);
}

int api_mission_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (!api_known_key(mission_keys, NMISSION_KEYS, key) &&
		    strcmp(key, "recommendations") != 0)
			api_field(c, f, key, "Trường không được hỗ trợ", "unknown field");
	}
	st_mission m;
	gn_date start;
	read_mission(c, f, body, &m, &start);
	st_finding *fs;
	size_t nfs;
	bool has_findings;
	read_findings(c, f, body, &m, &fs, &nfs, &has_findings);
	json_t *recs = json_object_get(body, "recommendations");
	size_t nr = 0;
	st_recommendation *rs = NULL;
	if (recs && !json_is_null(recs)) {
		if (!json_is_array(recs) || json_array_size(recs) > 200) {
			api_field(c, f, "recommendations", "Phải là một danh sách (tối đa 200)",
				  "expected a list (up to 200)");
		} else {
			nr = json_array_size(recs);
			rs = arena_calloc(c->ar, nr ? nr : 1, sizeof *rs);
			for (size_t i = 0; i < nr; i++) {
				char name[40];
				snprintf(name, sizeof name, "recommendations[%zu]", i);
				json_t *o = json_array_get(recs, i);
				if (!json_is_object(o))
					api_field(c, f, name, "Phải là một kiến nghị", "expected a recommendation");
				else
					read_rec(c, f, o, name, start, &rs[i]);
			}
		}
	}
	if (f->n)
		return api_fields_reply(c, f);
	if (!capx_settings(c))
		return api_internal(c, "data/me/capacity.csv", GN_EIO);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_mission_add(c->st, &m, c->user->id);
	if (!rc && nfs)
		rc = store_findings_set(c->st, m.id, fs, nfs, c->user->id);
	for (size_t i = 0; i < nr && !rc; i++) {
		rs[i].mission_id = m.id;
		rc = store_recommendation_add(c->st, &rs[i], c->user->id);
	}
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "mission", rc);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/inspections/missions/%lld", (long long)m.id);
	http_add_header(c->rq, "Location", loc);
	return answer_mission(c, m.id, 201);
}

int api_mission_update(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	mission_ctx *x = load_mission(c, id, &status);
	if (!x)
		return status;
	if (!capx_writable(c, x->m.unit_code))
		return api_error(c, 403, "forbidden", "Đợt kiểm tra của đơn vị khác",
				 "The mission is another unit's");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, mission_keys, NMISSION_KEYS);
	st_mission m;
	gn_date start;
	read_mission(c, f, body, &m, &start);
	st_finding *fs;
	size_t nfs;
	bool has_findings;
	read_findings(c, f, body, &m, &fs, &nfs, &has_findings);
	/* a recommendation due before the new start would be absurd */
	for (size_t i = 0; i < x->nr && start != GN_DATE_MIN; i++) {
		gn_date due;
		if (date_parse(x->r[i].due_date, strlen(x->r[i].due_date), &due) && due < start) {
			api_field(c, f, "start_date", "Sau hạn xử lý của một kiến nghị",
				  "after the due date of a recommendation");
			break;
		}
	}
	if (f->n)
		return api_fields_reply(c, f);
	m.id = id;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_mission_update(c->st, &m, c->user->id);
	if (!rc && has_findings)
		rc = store_findings_set(c->st, id, fs, nfs, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_ENOTFOUND) {
			api_fields *g = arena_calloc(c->ar, 1, sizeof *g);
			api_field(c, g, "findings", "Một phát hiện không thuộc đợt kiểm tra này",
				  "a finding id is not one of this mission's");
			return api_fields_reply(c, g);
		}
		return api_internal(c, "mission", rc);
	}
	return answer_mission(c, id, 200);
}

/* ---- recommendations ---------------------------------------------------------------------- */

int api_recommendation_create(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	mission_ctx *x = load_mission(c, id, &status);
	if (!x)
		return status;
	if (!capx_writable(c, x->m.unit_code))
		return api_error(c, 403, "forbidden", "Đợt kiểm tra của đơn vị khác",
				 "The mission is another unit's");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	gn_date start = GN_DATE_MIN;
	date_parse(x->m.start_date, strlen(x->m.start_date), &start);
	st_recommendation r;
	read_rec(c, f, body, "", start, &r);
	if (f->n)
		return api_fields_reply(c, f);
	r.mission_id = id;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_recommendation_add(c->st, &r, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "recommendation", rc);
	}
	return answer_mission(c, id, 201);
}

typedef struct rec_ctx {
	st_recommendation r;
	mission_ctx *x;
} rec_ctx;

static void rec_release(void *p)
{
	st_recommendation_clear(&((rec_ctx *)p)->r);
}

/* Loads recommendation id and its mission when the caller sees the
 * recommendation (its unit, or the mission's inspecting unit). */
static rec_ctx *load_rec(api_ctx *c, int64_t id, int *status)
{
	rec_ctx *k = arena_calloc(c->ar, 1, sizeof *k);
	gn_err rc = id > 0 ? store_recommendation_get(c->st, id, &k->r) : GN_ENOTFOUND;
	if (rc == GN_ENOTFOUND) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "recommendation", rc);
		return NULL;
	}
	arena_defer(c->ar, rec_release, k);
	if (!(k->x = load_mission(c, k->r.mission_id, status)))
		return NULL;
	if (!k->x->own && !capx_visible(c, k->r.unit_code)) {
		*status = api_not_found(c);
		return NULL;
	}
	return k;
}

static int answer_rec(api_ctx *c, int64_t id, int status)
{
	int st;
	rec_ctx *k = load_rec(c, id, &st);
	if (!k)
		return st;
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "recommendation");
	write_rec(c, &k->x->m, &k->r, true);
	jw_object_end(w);
	return status;
}

int api_recommendation_update(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	rec_ctx *k = load_rec(c, id, &status);
	if (!k)
		return status;
	if (!capx_writable(c, k->x->m.unit_code))
		return api_error(c, 403, "forbidden",
				 "Chỉ đơn vị kiểm tra được sửa nội dung kiến nghị",
				 "Only the inspecting unit may change a recommendation");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	gn_date start = GN_DATE_MIN;
	date_parse(k->x->m.start_date, strlen(k->x->m.start_date), &start);
	st_recommendation r;
	read_rec(c, f, body, "", start, &r);
	if (f->n)
		return api_fields_reply(c, f);
	r.id = id;
	r.mission_id = k->r.mission_id;
	snprintf(r.status, sizeof r.status, "%s", k->r.status);
	snprintf(r.resolved_date, sizeof r.resolved_date, "%s", k->r.resolved_date);
	r.evidence = k->r.evidence;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_recommendation_update(c->st, &r, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "recommendation", rc);
	}
	return answer_rec(c, id, 200);
}

/* The content type of an evidence file by its extension, NULL when the
 * kind is not accepted. */
static const char *evidence_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".pdf", "application/pdf"},
		{".jpg", "image/jpeg"},
		{".jpeg", "image/jpeg"},
		{".png", "image/png"},
		{".doc", "application/msword"},
		{".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{".odt", "application/vnd.oasis.opendocument.text"},
		{".xls", "application/vnd.ms-excel"},
		{".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{".ods", "application/vnd.oasis.opendocument.spreadsheet"},
	};
	const char *dot = strrchr(name, '.');
	if (!dot)
		return NULL;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t n = strlen(types[i].ext);
		if (strlen(dot) != n)
			continue;
		bool same = true;
		for (size_t j = 0; j < n && same; j++) {
			char ch = dot[j];
			if (ch >= 'A' && ch <= 'Z')
				ch = (char)(ch - 'A' + 'a');
			same = ch == types[i].ext[j];
		}
		if (same)
			return types[i].type;
	}
	return NULL;
}

int api_recommendation_status(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	rec_ctx *k = load_rec(c, id, &status);
	if (!k)
		return status;
	if (!can_update_rec(c, &k->x->m, &k->r))
		return api_error(c, 403, "forbidden",
				 "Chỉ đơn vị kiểm tra hoặc đơn vị chịu trách nhiệm được cập nhật",
				 "Only the inspecting unit or the unit responsible may update it");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"status", "date", "evidence", "file"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, 4);
	json_t *v = json_object_get(body, "status");
	cap_status to = CAP_OPEN, from = CAP_OPEN;
	cap_status_parse(k->r.status, &from);
	if (!json_is_string(v) || !cap_status_parse(json_string_value(v), &to))
		api_field(c, f, "status", "Chọn: open, in_progress hoặc resolved",
			  "expected open, in_progress or resolved");
	char *evidence = NULL;
	bool ev_given = json_object_get(body, "evidence") &&
			!json_is_null(json_object_get(body, "evidence"));
	capx_text(c, f, body, "evidence", "evidence", 4000, false, true, &evidence);
	gn_date date, today = world_today(c->w), start = GN_DATE_MIN;
	char iso[11];
	date_parse(k->x->m.start_date, strlen(k->x->m.start_date), &start);
	bool dk = capx_date(c, f, body, "date", "date", false, &date, iso);
	if (dk && iso[0] && date > today)
		api_field(c, f, "date", "Không được là ngày trong tương lai", "cannot be in the future");
	else if (dk && iso[0] && date < start)
		api_field(c, f, "date", "Trước ngày bắt đầu đợt kiểm tra", "before the mission started");
	/* the file: {"name": "bien-ban.pdf", "data": BASE64} */
	const char *fname = NULL, *ftype = NULL;
	unsigned char *fdata = NULL;
	size_t flen = 0;
	json_t *file = json_object_get(body, "file");
	if (file && !json_is_null(file)) {
		json_t *nm = json_object_get(file, "name"), *data = json_object_get(file, "data");
		if (!json_is_object(file) || json_object_size(file) != 2 || !json_is_string(nm) ||
		    !json_is_string(data) || json_string_length(nm) == 0 ||
		    json_string_length(nm) > 120) {
			api_field(c, f, "file", "Tệp phải có name và data (base64)",
				  "a file needs a name and its data (base64)");
		} else if (!(ftype = evidence_type(json_string_value(nm)))) {
			api_field(c, f, "file", "Chỉ nhận tệp PDF, ảnh JPG/PNG, Word, Excel, ODF",
				  "PDF, JPG/PNG images, Word, Excel or ODF files only");
		} else {
			size_t b64 = json_string_length(data);
			size_t cap = b64 / 4 * 3 + 3;
			fdata = arena_alloc(c->ar, cap ? cap : 1);
			if (cap > EVIDENCE_MAX + 3 ||
			    sodium_base642bin(fdata, cap, json_string_value(data), b64, " \r\n", &flen,
					      NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
				api_field(c, f, "file", "Tệp lớn quá 512 KB hoặc không đọc được",
					  "larger than 512 KB, or not base64");
			} else if (flen == 0 || flen > EVIDENCE_MAX) {
				api_field(c, f, "file", "Tệp rỗng hoặc lớn quá 512 KB",
					  "empty, or larger than 512 KB");
			} else {
				char *clean = NULL;
				if (cap_clean_name(json_string_value(nm), json_string_length(nm), &clean) ||
				    strchr(clean, '/') || strchr(clean, '\\') || strchr(clean, '"'))
					api_field(c, f, "file", "Tên tệp không hợp lệ", "invalid file name");
				else
					fname = arena_strdup(c->ar, clean);
				free(clean);
			}
		}
	}
	if (f->n)
		return api_fields_reply(c, f);
	if (to != from && !cap_status_move_ok(from, to)) {
		char vi[160], en[160];
		snprintf(vi, sizeof vi, "Không thể chuyển từ \"%s\" sang \"%s\"",
			 cap_status_label(from, false), cap_status_label(to, false));
		snprintf(en, sizeof en, "Cannot move from \"%s\" to \"%s\"",
			 cap_status_label(from, true), cap_status_label(to, true));
		buf_reset(http_out(c->rq));
		jw_init(c->json, http_out(c->rq));
		jw_object(c->json);
		jw_kstr(c->json, "error", "state");
		jw_kstr(c->json, "message", c->en ? en : vi);
		jw_kstr(c->json, "status", k->r.status);
		jw_object_end(c->json);
		return 409;
	}
	st_recommendation r = k->r;
	snprintf(r.status, sizeof r.status, "%s", cap_status_name(to));
	if (ev_given)
		r.evidence = evidence;
	if (to == CAP_RESOLVED) {
		if (iso[0])
			snprintf(r.resolved_date, sizeof r.resolved_date, "%s", iso);
		else if (!r.resolved_date[0])
			date_format_iso(today, r.resolved_date);
		if (!r.evidence || !*r.evidence) {
			api_field(c, f, "evidence", "Ghi kết quả khắc phục (minh chứng)",
				  "describe what was done (the evidence)");
			return api_fields_reply(c, f);
		}
	} else {
		r.resolved_date[0] = '\0';
	}
	r.updated_at = 0;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_recommendation_update(c->st, &r, c->user->id);
	if (!rc && fname)
		rc = store_evidence_put(c->st, id, fname, ftype, fdata, flen, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "recommendation", rc);
	}
	return answer_rec(c, id, 200);
}

static void recs_release(void *p)
{
	void **x = p;
	store_recommendations_free(x[0], (size_t)(uintptr_t)x[1]);
}

int api_recommendations_list(api_ctx *c)
{
	int status;
	const char **codes;
	size_t ncodes;
	const char *unit;
	int32_t u;
	if (!capx_area(c, &codes, &ncodes, &unit, &u, &status))
		return status;
	int64_t limit, overdue_only;
	if (!api_query_int(c, "limit", 1, LIST_MAX, 100, &limit, &status) ||
	    !api_query_int(c, "overdue", 0, 1, 0, &overdue_only, &status))
		return status;
	const char *sq = api_query(c, "status");
	cap_status want = CAP_OPEN;
	if (sq && *sq && !cap_status_parse(sq, &want))
		return api_bad_request(c, "status phải là open, in_progress hoặc resolved",
				       "status must be open, in_progress or resolved");
	st_recommendation_filter rf = {.unit_codes = codes, .nunits = ncodes};
	st_recommendation *rows = NULL;
	size_t n = 0;
	gn_err rc = store_recommendations_list(c->st, &rf, &rows, &n);
	if (rc)
		return api_internal(c, "recommendations", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = rows;
	hold[1] = (void *)(uintptr_t)n;
	arena_defer(c->ar, recs_release, hold);
	gn_date today = world_today(c->w);
	int64_t counts[CAP_STATUS_COUNT] = {0}, overdue = 0;
	bool *show = arena_calloc(c->ar, n ? n : 1, sizeof *show);
	bool *late = arena_calloc(c->ar, n ? n : 1, sizeof *late);
	for (size_t i = 0; i < n; i++) {
		cap_status s;
		gn_date due;
		if (!capx_visible(c, rows[i].unit_code) || !cap_status_parse(rows[i].status, &s))
			continue;
		counts[s]++;
		late[i] = date_parse(rows[i].due_date, strlen(rows[i].due_date), &due) &&
			  cap_overdue(s, due, today);
		overdue += late[i];
		show[i] = (!overdue_only || late[i]) && (!(sq && *sq) || s == want);
	}
	jw *w = c->json;
	char iso[11];
	date_format_iso(today, iso);
	jw_object(w);
	jw_kstr(w, "today", iso);
	jw_key(w, "unit");
	jw_object(w);
	jw_kstr(w, "code", unit);
	jw_kstr(w, "name", u >= 0 ? api_unit_name(c, u, today) : (c->en ? "Whole country" : "Toàn quốc"));
	jw_object_end(w);
	jw_key(w, "counts");
	jw_object(w);
	for (int s = 0; s < CAP_STATUS_COUNT; s++)
		jw_kint(w, cap_status_name((cap_status)s), counts[s]);
	jw_kint(w, "unresolved", counts[CAP_OPEN] + counts[CAP_IN_PROGRESS]);
	jw_kint(w, "overdue", overdue);
	jw_object_end(w);
	jw_key(w, "recommendations");
	jw_array(w);
	int64_t shown = 0;
	/* most overdue first when listing overdue ones; else by due date */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n && shown < limit; i++) {
			if (!show[i] || (pass == 0) != late[i])
				continue;
			st_mission m;
			if (store_mission_get(c->st, rows[i].mission_id, &m) != GN_OK)
				continue;
			write_rec(c, &m, &rows[i], true);
			st_mission_clear(&m);
			shown++;
		}
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_recommendation_evidence(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int status;
	rec_ctx *k = load_rec(c, id, &status);
	if (!k)
		return status;
	char name[ST_NAME], type[64];
	void *data = NULL;
	size_t len = 0;
	gn_err rc = store_evidence_get(c->st, id, name, type, &data, &len);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "evidence", rc);
	buf *out = http_out(c->rq);
	buf_reset(out);
	rc = buf_put(out, data, len);
	free(data);
	if (rc)
		return api_internal(c, "evidence", rc);
	http_set_type(c->rq, arena_strdup(c->ar, type)); /* kept past this call */
	buf disp;
	buf_init(&disp, 0);
	/* an ASCII fallback name, and the real one (RFC 5987) */
	buf_puts(&disp, "attachment; filename=\"");
	for (const char *p = name; *p; p++)
		buf_putc(&disp, (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\') ? *p : '_');
	buf_puts(&disp, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_')
			buf_putc(&disp, (char)*p);
		else
			buf_printf(&disp, "%%%02X", *p);
	}
	http_add_header(c->rq, "Content-Disposition", buf_cstr(&disp));
	buf_free(&disp);
	return 200;
}
