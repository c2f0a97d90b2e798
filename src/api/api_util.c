/* api_util.c - answers, request arguments and scope checks shared by the
 * handlers. Layer: api. See api_int.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api_int.h"

int api_error(api_ctx *c, int status, const char *code, const char *msg_vi,
	      const char *msg_en)
{
	buf_reset(http_out(c->rq));
	jw_init(c->json, http_out(c->rq));
	jw_object(c->json);
	jw_kstr(c->json, "error", code);
	jw_kstr(c->json, "message", c->en ? msg_en : msg_vi);
	jw_object_end(c->json);
	return status;
}

int api_not_found(api_ctx *c)
{
	return api_error(c, 404, "not found", "Không tìm thấy", "Not found");
}

int api_bad_request(api_ctx *c, const char *msg_vi, const char *msg_en)
{
	return api_error(c, 400, "bad request", msg_vi, msg_en);
}

int api_internal(api_ctx *c, const char *what, gn_err rc)
{
	fprintf(stderr, "gnbv serve: %s %s: %s: %s\n", http_method_name(http_method_of(c->rq)),
		http_path(c->rq), what, gn_strerror(rc));
	return api_error(c, 500, "internal", "Lỗi máy chủ", "Server error");
}

void api_field(api_ctx *c, api_fields *f, const char *name, const char *msg_vi,
	       const char *msg_en)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return;
	if (f->n == sizeof f->name / sizeof f->name[0])
		return;
	f->name[f->n] = arena_strdup(c->ar, name);
	f->msg[f->n] = arena_strdup(c->ar, c->en ? msg_en : msg_vi);
	f->n++;
}

int api_fields_reply(api_ctx *c, const api_fields *f)
{
	buf_reset(http_out(c->rq));
	jw_init(c->json, http_out(c->rq));
	jw_object(c->json);
	jw_kstr(c->json, "error", "invalid");
	jw_kstr(c->json, "message", c->en ? "Some fields are not valid"
					  : "Một số trường không hợp lệ");
	jw_key(c->json, "fields");
	jw_object(c->json);
	for (size_t i = 0; i < f->n; i++)
		jw_kstr(c->json, f->name[i], f->msg[i]);
	jw_object_end(c->json);
	jw_object_end(c->json);
	return 422;
}

const char *api_param(api_ctx *c, const char *name)
{
	return http_param_get(c->rq, name);
}

const char *api_query(api_ctx *c, const char *name)
{
	return http_query(c->rq, name);
}

static void json_release(void *p)
{
	json_decref(p);
}

json_t *api_body_json(api_ctx *c, int *status)
{
	size_t len;
	const char *body = http_body(c->rq, &len);
	if (len == 0) {
		*status = api_bad_request(c, "Thiếu nội dung JSON", "A JSON body is required");
		return NULL;
	}
	json_error_t e;
	json_t *v = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
	if (!v) {
		char en[256], vi[256];
		snprintf(en, sizeof en, "Bad JSON at line %d, column %d: %s", e.line, e.column, e.text);
		snprintf(vi, sizeof vi, "JSON không hợp lệ ở dòng %d, cột %d: %s", e.line, e.column, e.text);
		*status = api_bad_request(c, vi, en);
		return NULL;
	}
	arena_defer(c->ar, json_release, v);
	if (!json_is_object(v)) {
		*status = api_bad_request(c, "Nội dung phải là một đối tượng JSON",
					  "The body must be a JSON object");
		return NULL;
	}
	return v;
}

bool api_query_int(api_ctx *c, const char *name, int64_t lo, int64_t hi,
		   int64_t dflt, int64_t *out, int *status)
{
	const char *s = api_query(c, name);
	if (!s || !*s) {
		*out = dflt;
		return true;
	}
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end || errno || v < lo || v > hi || !(*s >= '0' && *s <= '9')) {
		char vi[160], en[160];
		snprintf(vi, sizeof vi, "Tham số %s phải là số nguyên từ %lld đến %lld", name,
			 (long long)lo, (long long)hi);
		snprintf(en, sizeof en, "Parameter %s must be a whole number from %lld to %lld",
			 name, (long long)lo, (long long)hi);
		*status = api_bad_request(c, vi, en);
		return false;
	}
	*out = v;
	return true;
}

bool api_query_date(api_ctx *c, const char *name, gn_date dflt, gn_date *out,
		    int *status)
{
	const char *s = api_query(c, name);
	if (!s || !*s) {
		*out = dflt;
		return true;
	}
	if (!date_parse(s, strlen(s), out)) {
		char vi[160], en[160];
		snprintf(vi, sizeof vi, "Tham số %s phải là một ngày (YYYY-MM-DD)", name);
		snprintf(en, sizeof en, "Parameter %s must be a date (YYYY-MM-DD)", name);
		*status = api_bad_request(c, vi, en);
		return false;
	}
	return true;
}

bool api_in_scope(const api_ctx *c, const char *code)
{
	return c->scope && scope_has_code(c->scope, c->units, code);
}

int32_t api_unit_in_scope(const api_ctx *c, const char *code)
{
	if (!code || !c->scope)
		return -1;
	int32_t u = units_find(c->units, code, strlen(code));
	if (u < 0 || !unit_map_version(c->today, u) || !scope_has(c->scope, u))
		return -1;
	return u;
}

int32_t api_user_unit(const api_ctx *c)
{
	if (!c->user || strcmp(c->user->unit_code, "*") == 0)
		return -1;
	return units_find(c->units, c->user->unit_code, strlen(c->user->unit_code));
}

const char *api_unit_name(const api_ctx *c, int32_t code, gn_date d)
{
	if (code < 0)
		return "";
	const unit_version *v = units_nearest(c->units, code, d);
	return v ? v->name : "";
}

bool api_known_key(const char *const *keys, size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], k) == 0)
			return true;
	return false;
}

void api_unknown_fields(api_ctx *c, api_fields *f, json_t *obj,
			const char *const *keys, size_t n)
{
	api_unknown_fields_at(c, f, obj, keys, n, NULL);
}

size_t api_unknown_fields_at(api_ctx *c, api_fields *f, json_t *obj,
			     const char *const *keys, size_t n, const char *prefix)
{
	const char *key;
	json_t *v;
	size_t unknown = 0;
	json_object_foreach(obj, key, v) {
		if (api_known_key(keys, n, key))
			continue;
		const char *name = key;
		if (prefix && *prefix) {
			size_t len = strlen(prefix) + strlen(key) + 2;
			char *s = arena_alloc(c->ar, len);
			snprintf(s, len, "%s.%s", prefix, key);
			name = s;
		}
		api_field(c, f, name, "Trường không được hỗ trợ", "unknown field");
		unknown++;
	}
	return unknown;
}

int64_t api_param_id(api_ctx *c, const char *name)
{
	const char *s = api_param(c, name);
	if (!s || !*s || strlen(s) > 18)
		return 0;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	return v;
}

gn_err api_via_file(gn_err (*write)(const void *ctx, const char *path), const void *ctx, buf *out)
{
	const char *tmpdir = getenv("TMPDIR");
	buf path;
	buf_init(&path, 0);
	buf_printf(&path, "%s/gnbv-file-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path.p);
	gn_err rc = GN_EIO;
	if (fd >= 0) {
		close(fd);
		rc = write(ctx, buf_cstr(&path));
		FILE *f = rc == GN_OK ? fopen(buf_cstr(&path), "rb") : NULL;
		if (rc == GN_OK && !f)
			rc = GN_EIO;
		if (f) {
			char block[1 << 16];
			size_t got;
			while (rc == GN_OK && (got = fread(block, 1, sizeof block, f)) > 0)
				rc = buf_put(out, block, got);
			if (rc == GN_OK && ferror(f))
				rc = GN_EIO;
			fclose(f);
		}
		unlink(buf_cstr(&path));
	}
	buf_free(&path);
	return rc;
}

typedef struct doc_job {
	const report_format *fmt;
	const report_doc *doc;
} doc_job;

static gn_err render_job(const void *ctx, const char *path)
{
	const doc_job *j = ctx;
	return j->fmt->render(j->doc, path);
}

gn_err api_render_doc(const report_format *fmt, const report_doc *doc, buf *out)
{
	doc_job j = {fmt, doc};
	return api_via_file(render_job, &j, out);
}
