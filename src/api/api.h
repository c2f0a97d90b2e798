/*
 * api.h - gnbv's JSON API (docs/api.md): the application behind the HTTP
 * server, the handler contract and the route table.
 *
 * Layer: api (above store, report, core; beside http). The CLI's `serve`
 * builds an api with api_new and gives api_handle and api_body_limit to
 * the HTTP server (http/server.h); everything else happens here.
 *
 * ---- The handler contract (as lwan and kcgi: handlers return a status) --
 *
 *     typedef int (*api_handler)(api_ctx *c);
 *
 * A handler reads the request through c (path parameters with api_param,
 * query arguments with api_query, the JSON body with api_body_json),
 * writes its JSON answer with the streaming writer c->json (http/json.h)
 * and returns the HTTP status. It allocates from c->ar (the request's
 * arena: everything is released when the request ends; arena_defer
 * registers cleanups, e.g. for store records) and never frees.
 * Errors are answered with api_error / api_fields_reply (api_int.h),
 * which write {"error": CODE, "message": TEXT[, "fields": {...}]} and
 * return the status, so a handler ends with `return api_error(...)`.
 * `error` is a stable English code ("login required", "csrf",
 * "aggregates only", "not found"...); `message` is Vietnamese, or English
 * with Accept-Language: en or ?lang=en.
 *
 * Before a handler runs, the dispatcher (api.c) has already enforced the
 * route's flags, in this order:
 *   R_LOGIN    a valid session (cookie gnbv_session), else 401;
 *              c->user, c->role, c->scope, c->session are then set;
 *   R_CSRF     on POST/PUT/PATCH/DELETE, header X-CSRF-Token equal to
 *              the session's token, else 403 {"error":"csrf"} (checked on
 *              every state-changing request of a session, flag or not);
 *   R_PERSONAL the role may read personal data, else 403 "aggregates only";
 *   (read-only roles are refused state-changing routes, 403 "forbidden",
 *   unless the route has R_ANY_ROLE: logout);
 *   R_WRITE    the role may write households and reviews, else 403;
 *   R_ADMIN    the role may manage users, else 403;
 *   R_ME       the role may enter M&E data (role_info.write_me), else 403.
 * Scope is the handler's job, on every record it touches: a household,
 * review, unit or export outside c->scope answers 404 (api_in_scope,
 * api_unit_in_scope), never 403, so its existence is not disclosed.
 *
 * Threads: handlers run on several MHD worker threads at once; c->st is
 * the calling thread's own store handle; the world (units, maps, scopes)
 * is an immutable snapshot shared by reference.
 *
 * ---- Ownership --------------------------------------------------------
 * api_new's api is freed by api_free (NULL accepted), after the HTTP
 * server that uses it has stopped. On success api_new takes ownership of
 * cfg->stds, cfg->cal, cfg->report_types, cfg->indicators and cfg->projects (on failure
 * they stay the caller's).
 */
#ifndef GN_API_H
#define GN_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/calendar.h"
#include "../core/diag.h"
#include "../core/err.h"
#include "../core/indicators.h"
#include "../core/procedure.h"
#include "../core/reporting.h"
#include "../core/standard.h"
#include "../http/server.h"
#include "../io/catalogue_file.h"
#include "../store/store.h"

typedef struct api api;
typedef struct api_ctx api_ctx;
typedef int (*api_handler)(api_ctx *c);

enum {
	R_LOGIN = 1 << 0,
	R_CSRF = 1 << 1,
	R_PERSONAL = 1 << 2,
	R_WRITE = 1 << 3,
	R_ADMIN = 1 << 4,
	R_UPLOAD = 1 << 5,   /* body up to API_UPLOAD_MAX instead of API_JSON_MAX */
	R_ANY_ROLE = 1 << 6, /* state-changing, yet allowed to read-only roles */
	R_ME = 1 << 7,       /* the role may enter M&E data (plans, budgets...) */
};

#define API_JSON_MAX ((size_t)1 << 20)    /* 1 MiB */
#define API_UPLOAD_MAX ((size_t)64 << 20) /* 64 MiB */

typedef struct api_route {
	http_method method;
	const char *pattern;   /* "/api/v1/households/{id}/reviews/{year}" */
	api_handler handler;
	unsigned flags;        /* R_* */
	const char *summary;
} api_route;

/* The route table (routes.c), in matching order. */
const api_route *api_routes(size_t *n);
/* Writes the flags as "login,csrf,personal" ("public" for none) into out
 * and returns it. */
const char *api_route_flags(unsigned flags, char out[96]);

typedef struct api_config {
	const char *db_path;
	std_set *stds;          /* taken */
	unsigned hash_threads;  /* concurrent password hashes; 0: online CPUs */
	calendar *cal;          /* public holidays (taken); NULL: weekends only */
	const review_procedure *proc; /* review procedure (copied); NULL: defaults */
	const char *reports_dir; /* the report layouts (data/reports, copied); NULL: none */
	rp_types *report_types; /* the reporting calendar's report types (taken); NULL: none */
	ind_catalogue *indicators; /* the results framework's catalogue (taken); NULL: none */
	me_catalogue *projects;  /* the programme's projects DA1 ... DA7.2 (taken); NULL: none */
} api_config;

/* Opens the store at cfg->db_path once to load the units (and check that
 * the database is there), prepares the shared state. GN_EIO / GN_EINPUT
 * with a message in d. Honours $GNBV_TODAY (YYYY-MM-DD) as today's date,
 * for tests. */
gn_err api_new(const api_config *cfg, gn_diag *d, api **out);
void api_free(api *a);
/* Reloads the units from the store (after an import of units). */
gn_err api_reload_units(api *a);

/* The two callbacks of http_server_config. */
int api_handle(void *app, http_req *rq);
size_t api_body_limit(void *app, http_method m, const char *path);

/* Hashes a password with argon2id (libsodium crypto_pwhash_str at the
 * INTERACTIVE limits) into out. GN_EINPUT for a password shorter than 8
 * bytes or longer than 1024; GN_ENOMEM when hashing fails. */
#define API_HASH_MAX 128
gn_err api_password_hash(const char *password, char out[API_HASH_MAX]);

/* Called after each successful commit of a review write, with the review
 * before (NULL when new) and after; the live aggregates of the dashboard
 * (api_dashboard.c) follow the data through it. May run on several
 * threads at once. */
void api_on_review_change(const st_review *old, const st_review *new_);

#endif
