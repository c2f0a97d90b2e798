/*
 * api_int.h - what the api's own files share: the request context, the
 * world snapshot (units, maps, scopes), helpers for answers, query
 * arguments and scope checks. Not for other layers (they use api.h).
 *
 * Layer: api. Strings and records returned by the helpers live in the
 * request's arena (c->ar) unless said otherwise.
 */
#ifndef GN_API_INT_H
#define GN_API_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "../core/date.h"
#include "../core/standard.h"
#include "../core/units.h"
#include "../http/arena.h"
#include "../http/json.h"
#include "../http/server.h"
#include "../report/render.h"
#include "../store/store.h"
#include "api.h"
#include "roles.h"
#include "scope.h"

/* ---- the world: an immutable snapshot of the units and what derives
 * from them (today's map, scopes, the maps worth offering), shared by the
 * requests that hold a reference. Lazily filled caches inside are guarded
 * by the world's own lock. */
typedef struct api_world api_world;

typedef struct api_map_choice {
	gn_date date;
	bool has_district;
} api_map_choice;

const unit_set *world_units(const api_world *w);
gn_date world_today(const api_world *w);
const unit_map *world_today_map(const api_world *w);
/* The map of date d (cached; built on first use; past the cache's size,
 * built for the request and freed with its arena). */
const unit_map *world_map(api_world *w, gn_date d, arena *ar);
/* The scope of a code index (< 0: national), cached. */
const scope *world_scope(api_world *w, int32_t code);
const api_map_choice *world_map_choices(const api_world *w, size_t *n);

/* ---- the request context ---------------------------------------------- */

struct api_ctx {
	api *app;
	http_req *rq;
	arena *ar;
	store *st;                /* the calling thread's store */
	api_world *w;
	const unit_set *units;    /* world_units(w) */
	const unit_map *today;    /* world_today_map(w) */
	const std_set *stds;
	const api_route *route;
	/* set on R_LOGIN routes */
	const st_user *user;
	const role_info *role;
	const scope *scope;
	const st_session *session;
	bool en;                  /* English messages */
	jw *json;                 /* writer into the response body */
};

/* ---- shared state (app_state.c) --------------------------------------- */

/* The calling thread's store, opened on first use; NULL (and a message on
 * standard error) when the database cannot be opened. */
store *api_thread_store(api *a);
/* A reference to the current world (rebuilt when the date has changed);
 * released when the request's arena is freed. NULL on a store failure. */
api_world *api_world_acquire(api *a, store *st, arena *ar);
const std_set *api_standards(const api *a);
/* The public holidays (NULL: weekends only) and the review procedure
 * (api_config), for the review workflow. */
const calendar *api_calendar(const api *a);
/* The directory of the report layouts (api_config), NULL when none. */
const char *api_reports_dir(const api *a);
const review_procedure *api_procedure(const api *a);
/* The programme's projects (data/me/projects.csv); NULL when not loaded. */
const me_catalogue *api_projects(const api *a);
/* Runs crypto_pwhash_str_verify with at most hash_threads at once. */
bool api_password_verify(api *a, const char *hash, const char *password);
/* A hash of a random password: verified against when the user does not
 * exist, so that timing does not tell which usernames exist. */
const char *api_dummy_hash(const api *a);
/* Unix seconds now. */
int64_t api_now(void);

/* ---- answers (api_util.c) ---------------------------------------------- */

/* Writes {"error":code,"message":vi or en} and returns status. */
int api_error(api_ctx *c, int status, const char *code, const char *msg_vi,
	      const char *msg_en);
int api_not_found(api_ctx *c);
int api_bad_request(api_ctx *c, const char *msg_vi, const char *msg_en);
int api_internal(api_ctx *c, const char *what, gn_err rc);

/* Form errors, keyed by form field name. */
typedef struct api_fields {
	size_t n;
	const char *name[64];
	const char *msg[64];
} api_fields;
/* Records an error for a field (the first message of a field wins). */
void api_field(api_ctx *c, api_fields *f, const char *name, const char *msg_vi,
	       const char *msg_en);
/* Whether k is one of the n keys. */
bool api_known_key(const char *const *keys, size_t n, const char *k);
/* Records "unknown field" in f for every member of the object obj whose
 * name is not one of the n keys. */
void api_unknown_fields(api_ctx *c, api_fields *f, json_t *obj,
			const char *const *keys, size_t n);
/* The same for an object inside the body: the fields are named
 * PREFIX.KEY ("targets.2.unit"); returns how many were unknown. */
size_t api_unknown_fields_at(api_ctx *c, api_fields *f, json_t *obj,
			     const char *const *keys, size_t n, const char *prefix);
/* Writes 422 {"error":"invalid","message":...,"fields":{...}}. */
int api_fields_reply(api_ctx *c, const api_fields *f);

/* ---- request helpers (api_util.c) --------------------------------------- */

const char *api_param(api_ctx *c, const char *name);
/* Runs write(ctx, path) on a new temporary file (for renderers that
 * write files: libxlsxwriter, cairo), appends the file's bytes to out and
 * removes the file. */
gn_err api_via_file(gn_err (*write)(const void *ctx, const char *path), const void *ctx,
		    buf *out);
/* doc rendered with fmt (report/render.h) onto the end of out. */
gn_err api_render_doc(const report_format *fmt, const report_doc *doc, buf *out);
/* A path parameter as a positive decimal id (at most 18 digits), else 0. */
int64_t api_param_id(api_ctx *c, const char *name);
const char *api_query(api_ctx *c, const char *name);
/* The JSON body, which must be an object; NULL when it is missing or bad
 * (then *status holds the answer already written: 400). The value is
 * released with the arena. */
json_t *api_body_json(api_ctx *c, int *status);
/* Query argument as an integer in [lo, hi], dflt when absent; false (and
 * a 400 written into *status) when bad. */
bool api_query_int(api_ctx *c, const char *name, int64_t lo, int64_t hi,
		   int64_t dflt, int64_t *out, int *status);
/* Query argument as a date, dflt when absent. */
bool api_query_date(api_ctx *c, const char *name, gn_date dflt, gn_date *out,
		    int *status);

/* ---- scope helpers (api_util.c) ----------------------------------------- */

/* Whether unit code `code` is in the caller's scope. */
bool api_in_scope(const api_ctx *c, const char *code);
/* The code index of `code` when it is valid on today's map and in the
 * caller's scope, else -1. */
int32_t api_unit_in_scope(const api_ctx *c, const char *code);
/* The caller's own unit index (-1 for the national scope "*"). */
int32_t api_user_unit(const api_ctx *c);
/* Name of a code on a date (nearest version), "" when unknown. */
const char *api_unit_name(const api_ctx *c, int32_t code, gn_date d);

/* ---- handlers (one file per resource) ------------------------------------ */

int api_login(api_ctx *c);
int api_logout(api_ctx *c);
int api_me(api_ctx *c);
int api_units(api_ctx *c);
int api_maps(api_ctx *c);
int api_households_list(api_ctx *c);
int api_household_get(api_ctx *c);
int api_household_create(api_ctx *c);
int api_household_replace(api_ctx *c);
int api_review_put(api_ctx *c);
int api_dashboard_summary(api_ctx *c);
int api_dashboard_trend(api_ctx *c);
int api_dashboard_profile(api_ctx *c);
int api_dashboard_af(api_ctx *c);
int api_public_summary(api_ctx *c);
int api_import_preview(api_ctx *c);
int api_import_commit(api_ctx *c);
int api_export(api_ctx *c);
int api_rounds_list(api_ctx *c);
int api_round_create(api_ctx *c);
int api_round_get(api_ctx *c);
int api_round_action(api_ctx *c);
int api_applications_list(api_ctx *c);
int api_application_create(api_ctx *c);
int api_reports_list(api_ctx *c);
int api_report_get(api_ctx *c);

/* The live aggregates (api_dashboard.c): built from the whole store by
 * api_dashboard_start (at api_new and after a units reload; a failure
 * leaves them to be built on the first dashboard request), followed by
 * api_on_review_change, released by api_dashboard_stop. */
gn_err api_dashboard_start(store *st, const std_set *stds);
void api_dashboard_stop(void);

/* Checks a review body (review_form.c) for household h and year against
 * the rules of households.csv; old is the stored review or NULL. Returns 0
 * and fills *out (released with the arena) and *deprivations, or the
 * status of the answer written (422 with fields). */
int review_from_json(api_ctx *c, json_t *body, const st_household *h, int year,
		     const st_review *old, st_review *out, int *deprivations);

/* Session check of the dispatcher (auth.c): 0 when the request carries a
 * valid session (c->user, c->role, c->session set), else the status of
 * the answer written. */
int api_authenticate(api_ctx *c);

/* ---- M&E: the results framework (api_me_results.c; issue 5) ---------------- */

/* The results framework's catalogue (api_config), NULL when none. */
const ind_catalogue *api_indicators(const api *a);
/* The live figures (api_dashboard.c) of unit `code` (NULL or "": the whole
 * map) for year on the map of asof, as the dashboard's summary computes
 * them; false when the code is unknown or the aggregate cannot be built. */
struct agg_figures;
bool api_dashboard_figures(api_ctx *c, const char *code, int year, gn_date asof,
			   struct agg_figures *out);
int api_me_indicators(api_ctx *c);
int api_me_results(api_ctx *c);
int api_me_indicator(api_ctx *c);
int api_me_value_put(api_ctx *c);

/* ---- M&E: capacity building and inspections (api_me_training.c,
 * api_me_inspections.c; helpers in me_capacity_int.h; issue 5) ---------- */
int api_training_options(api_ctx *c);
int api_training_summary(api_ctx *c);
int api_training_classes(api_ctx *c);
int api_training_class_get(api_ctx *c);
int api_training_class_create(api_ctx *c);
int api_training_class_update(api_ctx *c);
int api_training_participants_add(api_ctx *c);
int api_training_participant_remove(api_ctx *c);
int api_training_persons(api_ctx *c);
int api_training_person_create(api_ctx *c);
int api_training_person_update(api_ctx *c);
int api_training_staff(api_ctx *c);
int api_training_staff_put(api_ctx *c);
int api_missions_list(api_ctx *c);
int api_mission_get(api_ctx *c);
int api_mission_create(api_ctx *c);
int api_mission_update(api_ctx *c);
int api_recommendation_create(api_ctx *c);
int api_recommendation_update(api_ctx *c);
int api_recommendation_status(api_ctx *c);
int api_recommendations_list(api_ctx *c);
int api_recommendation_evidence(api_ctx *c);

/* ---- M&E: plans, budgets and disbursement (api_me_plans.c; issue 5) -------- */
int api_me_projects(api_ctx *c);
int api_me_plans_list(api_ctx *c);
int api_me_plan_create(api_ctx *c);
int api_me_plan_get(api_ctx *c);
int api_me_plan_update(api_ctx *c);
int api_me_budget(api_ctx *c);
int api_me_budget_put(api_ctx *c);
int api_me_budget_report(api_ctx *c);

/* ---- M&E: the reporting calendar, submissions and approvals
 * (api_me_calendar.c; issue 5). The report types are loaded at serve
 * start (api_config.report_types, kept in app_state.c). */
const rp_types *api_report_types(const api *a);
int api_me_report_types(api_ctx *c);
int api_me_calendar(api_ctx *c);
int api_me_completeness(api_ctx *c);
int api_me_reminders(api_ctx *c);
int api_me_submission_create(api_ctx *c);
int api_me_submission_get(api_ctx *c);
int api_me_submission_action(api_ctx *c);
int api_me_deadlines_list(api_ctx *c);
int api_me_deadline_create(api_ctx *c);
int api_me_deadline_update(api_ctx *c);
int api_me_deadline_delete(api_ctx *c);
int api_me_requests_list(api_ctx *c);
int api_me_request_create(api_ctx *c);

/* ---- monitoring and evaluation: report drafts (api_me_drafts.c) ---------- */
int api_me_draft_get(api_ctx *c);

#endif
