/*
 * server.h - the HTTP server: libmicrohttpd underneath, one request object
 * per request with its own arena, the body read up to a cap, and one
 * application callback that answers with a status.
 *
 * Layer: http. The server knows nothing of gnbv's API: it calls
 * cfg.handle(app, rq) once per request, when the whole body is in, and
 * sends what the callback put in the response (http_out, http_set_*),
 * with the status it returned. Every answer carries the security headers
 * (Content-Security-Policy default-src 'self', X-Content-Type-Options
 * nosniff, Referrer-Policy same-origin, X-Frame-Options DENY).
 *
 * Threads: MHD's internal thread pool (one epoll loop per worker, as many
 * workers as online CPUs unless told), so cfg.handle runs on several
 * threads at once, each request on one of them.
 *
 * libmicrohttpd 0.9.75: a response queued on the first call of a request
 * makes MHD answer "Connection: close" (NOTES.md); the server therefore
 * answers on the second call, except for a body declared too large, which
 * must close the connection anyway.
 *
 * Ownership: strings returned by the request accessors live in the
 * request's arena (or in MHD's memory for the request) and are valid
 * until the request ends; the caller never frees them.
 */
#ifndef GN_HTTP_SERVER_H
#define GN_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "arena.h"
#include "parse.h"

typedef enum http_method {
	HTTP_GET,
	HTTP_HEAD,
	HTTP_POST,
	HTTP_PUT,
	HTTP_PATCH,
	HTTP_DELETE,
	HTTP_OPTIONS,
	HTTP_OTHER
} http_method;

/* "GET", ...; "OTHER". */
const char *http_method_name(http_method m);
/* True for POST, PUT, PATCH and DELETE. */
bool http_method_changes_state(http_method m);

typedef struct http_req http_req;
typedef struct http_server http_server;

typedef struct http_server_config {
	const char *bind;  /* IPv4 or IPv6 address literal; NULL: 127.0.0.1 */
	unsigned port;     /* 0: a free port chosen by the system */
	unsigned threads;  /* worker threads; 0: online CPUs */
	/* The body cap of a request, decided from its method and path before
	 * any byte of body is read; beyond it the answer is 413. */
	size_t (*body_limit)(void *app, http_method m, const char *path);
	/* Answers a request: fills the response and returns the status. */
	int (*handle)(void *app, http_req *rq);
	void *app;
} http_server_config;

/* Starts listening and serving. On failure returns GN_EIO and writes a
 * message into err (errlen bytes). */
gn_err http_server_start(const http_server_config *cfg, char *err,
			 size_t errlen, http_server **out);
/* The port actually bound (useful with port 0). */
unsigned http_server_port(const http_server *s);
/* Stops accepting, waits for the workers, frees the server (NULL ok). */
void http_server_stop(http_server *s);

/* ---- the request ---------------------------------------------------- */

arena *http_arena(http_req *rq);
http_method http_method_of(const http_req *rq);
/* The path without the query string, percent-decoded by MHD. */
const char *http_path(const http_req *rq);
/* Query argument (decoded), or NULL. */
const char *http_query(http_req *rq, const char *name);
/* Request header (case-insensitive name), or NULL. */
const char *http_header(http_req *rq, const char *name);
/* Cookie from the Cookie header, NUL-terminated in the arena, or NULL. */
const char *http_cookie(http_req *rq, const char *name);
/* The body (NUL-terminated for convenience; may hold NULs); *len its size. */
const char *http_body(const http_req *rq, size_t *len);
/* The client's address as text ("127.0.0.1"), "" when unknown. */
const char *http_client_ip(http_req *rq);

/* Path parameters, set by the router (http_route_match) and read by
 * handlers: value of {name} or NULL. */
void http_set_params(http_req *rq, const http_param *p, size_t n);
const char *http_param_get(http_req *rq, const char *name);

/* ---- the response --------------------------------------------------- */

/* The response body buffer (capped at 256 MiB). */
buf *http_out(http_req *rq);
/* Content type of the response (default "application/json"); the string
 * must outlive the request (a literal, or arena memory). */
void http_set_type(http_req *rq, const char *mime);
/* Adds a response header; name and value are copied. */
void http_add_header(http_req *rq, const char *name, const char *value);
/* Answers with static bytes (not copied: they must outlive the server)
 * instead of the body buffer. */
void http_set_static(http_req *rq, const void *data, size_t len);

#endif
