/*
 * api.c - the dispatcher: finds the route of a request, enforces its flags
 * (session, CSRF, role) and calls its handler (api.h describes the order).
 * Paths outside /api/ are the web UI's files.
 *
 * Layer: api.
 */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "../http/static.h"
#include "api_int.h"

static bool wants_english(http_req *rq)
{
	const char *q = http_query(rq, "lang");
	if (q && *q)
		return strncasecmp(q, "en", 2) == 0;
	const char *h = http_header(rq, "Accept-Language");
	if (!h)
		return false;
	while (*h == ' ')
		h++;
	return strncasecmp(h, "en", 2) == 0 && (h[2] == '\0' || h[2] == '-' ||
						 h[2] == ',' || h[2] == ';');
}

static bool is_api_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

/* The route for method m and path, or NULL; *path_known tells whether
 * some route has this path with another method. */
static const api_route *find_route(http_method m, const char *path,
				   http_param *params, size_t *nparams,
				   bool *path_known)
{
	size_t n;
	const api_route *r = api_routes(&n);
	if (m == HTTP_HEAD)
		m = HTTP_GET;
	*path_known = false;
	for (size_t i = 0; i < n; i++) {
		if (!http_route_match(r[i].pattern, path, params, nparams))
			continue;
		if (r[i].method == m)
			return &r[i];
		*path_known = true;
	}
	return NULL;
}

size_t api_body_limit(void *app, http_method m, const char *path)
{
	(void)app;
	if (!is_api_path(path))
		return 0;
	http_param params[HTTP_MAX_PARAMS];
	size_t np;
	bool known;
	const api_route *r = find_route(m, path, params, &np, &known);
	if (r && (r->flags & R_UPLOAD))
		return API_UPLOAD_MAX;
	if (http_method_changes_state(m))
		return API_JSON_MAX;
	return 0;
}

static void allow_header(api_ctx *c, const char *path)
{
	size_t n;
	const api_route *r = api_routes(&n);
	char allow[64] = "";
	size_t k = 0;
	http_param params[HTTP_MAX_PARAMS];
	size_t np;
	for (size_t i = 0; i < n; i++) {
		if (!http_route_match(r[i].pattern, path, params, &np))
			continue;
		const char *name = http_method_name(r[i].method);
		size_t len = strlen(name);
		if (k + len + 3 > sizeof allow)
			break;
		if (k) {
			memcpy(allow + k, ", ", 2);
			k += 2;
		}
		memcpy(allow + k, name, len + 1);
		k += len;
	}
	http_add_header(c->rq, "Allow", allow);
}

/* The checks of the route's flags; 0 to go on, else the status. */
static int check_access(api_ctx *c)
{
	const api_route *r = c->route;
	http_method m = http_method_of(c->rq);
	if (!(r->flags & R_LOGIN))
		return 0;
	int status = api_authenticate(c);
	if (status)
		return status;
	if (http_method_changes_state(m)) {
		/* Every state-changing request of a session carries the token,
		 * whatever the table says (R_CSRF documents it). */
		const char *tok = http_header(c->rq, "X-CSRF-Token");
		size_t want = strlen(c->session->csrf);
		if (!tok || strlen(tok) != want || want == 0 ||
		    sodium_memcmp(tok, c->session->csrf, want) != 0)
			return api_error(c, 403, "csrf", "Thiếu hoặc sai mã CSRF",
					 "Missing or wrong CSRF token");
	}
	if ((r->flags & R_PERSONAL) && !c->role->read_personal)
		return api_error(c, 403, "aggregates only", "Chỉ được xem số liệu tổng hợp",
				 "Aggregates only");
	if (http_method_changes_state(m) && c->role->read_only && !(r->flags & R_ANY_ROLE))
		return api_error(c, 403, "forbidden", "Vai trò chỉ được xem",
				 "This role may only read");
	if ((r->flags & R_WRITE) && !c->role->write_reviews)
		return api_error(c, 403, "forbidden", "Vai trò không được sửa dữ liệu hộ",
				 "This role may not change households");
	if ((r->flags & R_ME) && !c->role->write_me)
		return api_error(c, 403, "forbidden", "Vai trò không được nhập số liệu giám sát, đánh giá",
				 "This role may not enter monitoring data");
	if ((r->flags & R_ADMIN) && !c->role->manage_users)
		return api_error(c, 403, "forbidden", "Chỉ quản trị viên", "Administrators only");
	return 0;
}

int api_handle(void *app, http_req *rq)
{
	api *a = app;
	const char *path = http_path(rq);
	if (!is_api_path(path))
		return http_serve_static(rq);

	jw json;
	jw_init(&json, http_out(rq));
	api_ctx ctx = {0};
	api_ctx *c = &ctx;
	c->app = a;
	c->rq = rq;
	c->ar = http_arena(rq);
	c->json = &json;
	c->en = wants_english(rq);
	c->stds = api_standards(a);

	http_param params[HTTP_MAX_PARAMS];
	size_t np = 0;
	bool known = false;
	c->route = find_route(http_method_of(rq), path, params, &np, &known);
	if (!c->route) {
		if (known) {
			allow_header(c, path);
			return api_error(c, 405, "method not allowed", "Phương thức không được phép",
					 "Method not allowed");
		}
		return api_not_found(c);
	}
	http_set_params(rq, params, np);

	c->st = api_thread_store(a);
	if (!c->st)
		return api_internal(c, "store", GN_EIO);
	c->w = api_world_acquire(a, c->st, c->ar);
	if (!c->w)
		return api_internal(c, "units", GN_EIO);
	c->units = world_units(c->w);
	c->today = world_today_map(c->w);

	int status = check_access(c);
	if (status)
		return status;
	status = c->route->handler(c);
	gn_err jerr = jw_error(&json);
	if (jerr != GN_OK)
		return api_internal(c, "writing the answer", jerr);
	return status;
}
