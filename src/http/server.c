/* server.c - HTTP server on libmicrohttpd. Layer: http. See server.h. */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "../core/mem.h"

#define OUT_MAX ((size_t)256 << 20)

struct http_server {
	struct MHD_Daemon *d;
	http_server_config cfg;
	unsigned port;
};

typedef struct header {
	struct header *next;
	const char *name, *value;
} header;

struct http_req {
	arena *ar;
	http_server *srv;
	struct MHD_Connection *con;
	http_method method;
	const char *path;
	/* body */
	buf body;
	size_t limit;
	bool too_large;
	size_t discarded;
	/* router */
	http_param params[HTTP_MAX_PARAMS];
	size_t nparams;
	/* response */
	buf out;
	const char *type;
	header *headers;
	const void *static_data;
	size_t static_len;
	bool is_static;
	char ip[INET6_ADDRSTRLEN];
	bool ip_done;
};

static const char *const method_names[] = {
	"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER",
};

const char *http_method_name(http_method m)
{
	return (unsigned)m <= HTTP_OTHER ? method_names[m] : "OTHER";
}

bool http_method_changes_state(http_method m)
{
	return m == HTTP_POST || m == HTTP_PUT || m == HTTP_PATCH || m == HTTP_DELETE;
}

static http_method parse_method(const char *s)
{
	for (int m = HTTP_GET; m < HTTP_OTHER; m++)
		if (strcmp(s, method_names[m]) == 0)
			return (http_method)m;
	return HTTP_OTHER;
}

/* ---- request accessors ---------------------------------------------- */

arena *http_arena(http_req *rq)
{
	return rq->ar;
}

http_method http_method_of(const http_req *rq)
{
	return rq->method;
}

const char *http_path(const http_req *rq)
{
	return rq->path;
}

const char *http_query(http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->con, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header(http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->con, MHD_HEADER_KIND, name);
}

const char *http_cookie(http_req *rq, const char *name)
{
	const char *v;
	size_t n;
	if (!http_cookie_find(http_header(rq, "Cookie"), name, &v, &n))
		return NULL;
	return arena_strndup(rq->ar, v, n);
}

const char *http_body(const http_req *rq, size_t *len)
{
	*len = rq->body.len;
	return buf_cstr(&rq->body);
}

const char *http_client_ip(http_req *rq)
{
	if (rq->ip_done)
		return rq->ip;
	rq->ip_done = true;
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(rq->con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return rq->ip;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			  rq->ip, sizeof rq->ip);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  rq->ip, sizeof rq->ip);
	return rq->ip;
}

void http_set_params(http_req *rq, const http_param *p, size_t n)
{
	if (n > HTTP_MAX_PARAMS)
		n = HTTP_MAX_PARAMS;
	memcpy(rq->params, p, n * sizeof *p);
	rq->nparams = n;
}

const char *http_param_get(http_req *rq, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < rq->nparams; i++) {
		http_param *p = &rq->params[i];
		if (p->name_len == len && memcmp(p->name, name, len) == 0)
			return arena_strndup(rq->ar, p->val, p->val_len);
	}
	return NULL;
}

buf *http_out(http_req *rq)
{
	return &rq->out;
}

void http_set_type(http_req *rq, const char *mime)
{
	rq->type = mime;
}

void http_add_header(http_req *rq, const char *name, const char *value)
{
	header *h = arena_alloc(rq->ar, sizeof *h);
	h->name = arena_strdup(rq->ar, name);
	h->value = arena_strdup(rq->ar, value);
	h->next = rq->headers;
	rq->headers = h;
}

void http_set_static(http_req *rq, const void *data, size_t len)
{
	rq->is_static = true;
	rq->static_data = data;
	rq->static_len = len;
}

/* ---- request life cycle ---------------------------------------------- */

static void free_body(void *p)
{
	buf_free(p);
}

static http_req *req_new(http_server *s, struct MHD_Connection *con,
			 const char *url, const char *method)
{
	arena *ar = arena_new();
	http_req *rq = arena_calloc(ar, 1, sizeof *rq);
	rq->ar = ar;
	rq->srv = s;
	rq->con = con;
	rq->method = parse_method(method);
	rq->path = arena_strdup(ar, url);
	rq->type = "application/json";
	rq->limit = s->cfg.body_limit ? s->cfg.body_limit(s->cfg.app, rq->method, rq->path) : 0;
	buf_init(&rq->body, rq->limit ? rq->limit : 1);
	buf_init(&rq->out, OUT_MAX);
	arena_defer(ar, free_body, &rq->body);
	arena_defer(ar, free_body, &rq->out);
	return rq;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)con;
	(void)toe;
	http_req *rq = *con_cls;
	if (rq)
		arena_free(rq->ar);
	*con_cls = NULL;
}

static const char csp[] =
	"default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

static enum MHD_Result send_response(http_req *rq, int status)
{
	struct MHD_Response *r;
	if (rq->is_static) {
		r = MHD_create_response_from_buffer(rq->static_len, (void *)rq->static_data,
						    MHD_RESPMEM_PERSISTENT);
	} else if (rq->out.len == 0 || status == 204 || status == 304) {
		r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	} else {
		size_t n = rq->out.len;
		r = MHD_create_response_from_buffer(n, buf_take(&rq->out),
						    MHD_RESPMEM_MUST_FREE);
	}
	if (!r)
		return MHD_NO;
	bool has_cache = false;
	for (header *h = rq->headers; h; h = h->next) {
		MHD_add_response_header(r, h->name, h->value);
		if (strcasecmp(h->name, "Cache-Control") == 0)
			has_cache = true;
	}
	if (status != 204 && status != 304)
		MHD_add_response_header(r, "Content-Type", rq->type);
	if (!has_cache)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	enum MHD_Result ok = MHD_queue_response(rq->con, (unsigned)status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result too_large(http_req *rq)
{
	buf_reset(&rq->out);
	rq->type = "application/json";
	rq->is_static = false;
	char msg[96];
	snprintf(msg, sizeof msg, "{\"error\":\"too large\",\"limit\":%zu}", rq->limit);
	buf_puts(&rq->out, msg);
	return send_response(rq, 413);
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *con,
				 const char *url, const char *method,
				 const char *version, const char *upload_data,
				 size_t *upload_data_size, void **con_cls)
{
	(void)version;
	http_server *s = cls;
	http_req *rq = *con_cls;
	if (!rq) {
		/* First call: headers only. Answering now would make MHD 0.9.75
		 * close the connection, so only a body declared too large (which
		 * must close it anyway) is answered here. */
		rq = req_new(s, con, url, method);
		*con_cls = rq;
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
							     "Content-Length");
		if (cl && *cl) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			if (*end || errno || n > rq->limit) {
				rq->too_large = true;
				return too_large(rq);
			}
			if (n && buf_grow(&rq->body, (size_t)n) != GN_OK) {
				rq->too_large = true;
				return too_large(rq);
			}
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (!rq->too_large && buf_put(&rq->body, upload_data, n) != GN_OK) {
			rq->too_large = true;
			buf_free(&rq->body);
		}
		if (rq->too_large) {
			/* A chunked body past the cap: MHD cannot answer in the
			 * middle of an upload; read on to answer 413, but cut the
			 * connection when the client insists. */
			rq->discarded += n;
			if (rq->discarded > rq->limit + ((size_t)1 << 20))
				return MHD_NO;
		}
		return MHD_YES;
	}
	if (rq->too_large)
		return too_large(rq);
	int status = s->cfg.handle(s->cfg.app, rq);
	if (status < 100 || status > 599)
		status = 500;
	return send_response(rq, status);
}

/* ---- the daemon ------------------------------------------------------- */

static unsigned online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 && n < 1024 ? (unsigned)n : 1;
}

gn_err http_server_start(const http_server_config *cfg, char *err,
			 size_t errlen, http_server **out)
{
	const char *bind_addr = cfg->bind ? cfg->bind : "127.0.0.1";
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
	struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	memset(&v4, 0, sizeof v4);
	memset(&v6, 0, sizeof v6);
	if (inet_pton(AF_INET, bind_addr, &v4.sin_addr) == 1) {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((uint16_t)cfg->port);
		sa = (struct sockaddr *)&v4;
	} else if (inet_pton(AF_INET6, bind_addr, &v6.sin6_addr) == 1) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((uint16_t)cfg->port);
		sa = (struct sockaddr *)&v6;
		flags |= MHD_USE_IPv6;
	} else {
		snprintf(err, errlen, "bad address to listen on: \"%s\" (expected an IP address such as 127.0.0.1)",
			 bind_addr);
		return GN_EIO;
	}
	if (cfg->port > 65535) {
		snprintf(err, errlen, "bad port %u", cfg->port);
		return GN_EIO;
	}
	http_server *s = gn_xcalloc(1, sizeof *s);
	s->cfg = *cfg;
	/* Two workers more than CPUs: a login's password hash (argon2id,
	 * ~140 ms) must not leave the other users without a worker. */
	unsigned threads = cfg->threads ? cfg->threads : online_cpus() + 2;
	s->d = MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL, on_access, s,
				MHD_OPTION_SOCK_ADDR, sa,
				MHD_OPTION_THREAD_POOL_SIZE, threads,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
				MHD_OPTION_END);
	if (!s->d) {
		snprintf(err, errlen, "cannot listen on %s port %u (in use, or not allowed)",
			 bind_addr, cfg->port);
		free(s);
		return GN_EIO;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : cfg->port;
	*out = s;
	return GN_OK;
}

unsigned http_server_port(const http_server *s)
{
	return s->port;
}

void http_server_stop(http_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}
