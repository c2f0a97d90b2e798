/*
 * api_me_capacity.c - what the training and inspection handlers share
 * (me_capacity_int.h): the area's settings, unit checks, body readers,
 * history and small writers.
 *
 * Layer: api. The settings file is read once per process, on first use,
 * under a lock, and never changes afterwards (as the holidays are read
 * once at `serve` start); the project catalogue is the api's
 * (api_projects, loaded by `serve`).
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../io/text.h"
#include "me_capacity_int.h"

/* ---- data files -------------------------------------------------------------- */

static pthread_mutex_t data_lock = PTHREAD_MUTEX_INITIALIZER;
static bool data_tried;
static bool settings_ok;
static cap_settings settings;

/* The data folder: $GNBV_DATA, else the parent of the report layouts'
 * folder (DATA/reports), else "data". */
static void data_dir(api_ctx *c, buf *out)
{
	const char *env = getenv("GNBV_DATA");
	if (env && *env) {
		buf_puts(out, env);
		return;
	}
	const char *rep = api_reports_dir(c->app);
	const char *slash = rep ? strrchr(rep, '/') : NULL;
	if (slash && slash != rep)
		buf_put(out, rep, (size_t)(slash - rep));
	else
		buf_puts(out, "data");
}

static void print_diag(const gn_diag *d)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		fprintf(stderr, "gnbv serve: %s:%ld: %s%s%s\n", it->file, it->line,
			it->column[0] ? "column " : "", it->column[0] ? it->column : "", it->text);
	}
}

static void load_data(api_ctx *c)
{
	pthread_mutex_lock(&data_lock);
	if (!data_tried) {
		data_tried = true;
		buf dir, path;
		buf_init(&dir, 0);
		buf_init(&path, 0);
		data_dir(c, &dir);
		gn_diag *d = diag_new(20);
		buf_printf(&path, "%s/me/capacity.csv", buf_cstr(&dir));
		settings_ok = cap_settings_load(buf_cstr(&path), buf_cstr(&path), &settings, d) == GN_OK;
		print_diag(d);
		diag_free(d);
		buf_free(&dir);
		buf_free(&path);
	}
	pthread_mutex_unlock(&data_lock);
}

const cap_settings *capx_settings(api_ctx *c)
{
	load_data(c);
	return settings_ok ? &settings : NULL;
}

const me_catalogue *capx_catalogue(api_ctx *c)
{
	return api_projects(c->app);
}

/* ---- units ---------------------------------------------------------------------- */

static bool is_central(const char *code)
{
	return code && strcmp(code, "*") == 0;
}

bool capx_visible(const api_ctx *c, const char *code)
{
	if (!c->scope || !code || !*code)
		return false;
	if (is_central(code))
		return scope_is_all(c->scope);
	return api_in_scope(c, code);
}

bool capx_writable(const api_ctx *c, const char *code)
{
	if (!c->scope || !code || !*code)
		return false;
	if (is_central(code))
		return scope_is_all(c->scope);
	return api_unit_in_scope(c, code) >= 0;
}

const char *capx_unit_name(const api_ctx *c, const char *code)
{
	if (is_central(code))
		return c->en ? "Central" : "Trung ương";
	if (!code || !*code)
		return "";
	return api_unit_name(c, units_find(c->units, code, strlen(code)), world_today(c->w));
}

bool capx_unit_level(const api_ctx *c, const char *code, unit_level *out)
{
	if (is_central(code)) {
		*out = LEVEL_COUNTRY;
		return true;
	}
	int32_t u = code ? units_find(c->units, code, strlen(code)) : -1;
	const unit_version *v = u >= 0 ? unit_map_version(c->today, u) : NULL;
	if (!v)
		return false;
	*out = v->level;
	return true;
}

void capx_subtree(api_ctx *c, int32_t u, const char ***codes, size_t *n)
{
	*codes = NULL;
	*n = 0;
	if (u < 0)
		return;
	const scope *sc = world_scope(c->w, u);
	size_t k = sc ? scope_count(sc) : 0;
	const int32_t *list = sc ? scope_codes(sc) : NULL;
	const char **names = arena_alloc(c->ar, (k + 1) * sizeof *names);
	for (size_t i = 0; i < k; i++)
		names[i] = units_code(c->units, list[i]);
	names[k] = "";
	*codes = names;
	*n = k ? k : 1; /* an empty area still filters: [""] matches nothing */
}

bool capx_area(api_ctx *c, const char ***codes, size_t *n, const char **unit, int32_t *u,
	       int *status)
{
	*codes = NULL;
	*n = 0;
	*u = -1;
	if (!c->scope) {
		*status = api_not_found(c);
		return false;
	}
	const char *q = api_query(c, "unit");
	if (q && *q && !is_central(q)) {
		*u = api_unit_in_scope(c, q);
		if (*u < 0) {
			*status = api_not_found(c);
			return false;
		}
		*unit = units_code(c->units, *u);
	} else if (q && is_central(q) && !scope_is_all(c->scope)) {
		*status = api_not_found(c);
		return false;
	} else if (scope_is_all(c->scope)) {
		*unit = "*";
	} else {
		*u = api_user_unit(c);
		if (*u < 0 || !unit_map_version(c->today, *u)) {
			*status = api_not_found(c);
			return false;
		}
		*unit = units_code(c->units, *u);
	}
	capx_subtree(c, *u, codes, n);
	return true;
}

/* ---- body readers ------------------------------------------------------------------ */

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

bool capx_text(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	       size_t max, bool required, bool multiline, char **out)
{
	*out = arena_strdup(c->ar, "");
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v)) {
		if (required)
			api_field(c, f, name, "Bắt buộc", "required");
		return !required;
	}
	if (!json_is_string(v)) {
		api_field(c, f, name, "Phải là văn bản", "expected text");
		return false;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (has_control(s, n, multiline)) {
		api_field(c, f, name, "Không được chứa ký tự điều khiển",
			  "control characters are not allowed");
		return false;
	}
	char *clean = NULL;
	if (multiline) {
		buf b;
		buf_init(&b, 0);
		gn_err rc = text_nfc(s, n, &b);
		if (!rc) {
			/* trim surrounding blank space, keep the lines */
			const char *p = buf_cstr(&b);
			size_t len = b.len;
			while (len && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
				p++;
				len--;
			}
			while (len && (p[len - 1] == ' ' || p[len - 1] == '\n' || p[len - 1] == '\r' ||
				       p[len - 1] == '\t'))
				len--;
			clean = gn_xstrndup(p, len);
		}
		buf_free(&b);
	} else if (cap_clean_name(s, n, &clean) != GN_OK) {
		clean = NULL;
	}
	if (!clean) {
		api_field(c, f, name, "Văn bản không hợp lệ", "invalid text");
		return false;
	}
	bool ok = true;
	if (strlen(clean) > max) {
		char vi[96], en[96];
		snprintf(vi, sizeof vi, "Dài quá %zu byte", max);
		snprintf(en, sizeof en, "longer than %zu bytes", max);
		api_field(c, f, name, vi, en);
		ok = false;
	} else if (required && !*clean) {
		api_field(c, f, name, "Bắt buộc", "required");
		ok = false;
	} else {
		*out = arena_strdup(c->ar, clean);
	}
	free(clean);
	return ok;
}

bool capx_date(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	       bool required, gn_date *out, char iso[11])
{
	iso[0] = '\0';
	*out = GN_DATE_MIN;
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) {
		if (required)
			api_field(c, f, name, "Bắt buộc", "required");
		return !required;
	}
	if (!json_is_string(v) || !date_parse(json_string_value(v), json_string_length(v), out)) {
		api_field(c, f, name, "Phải là một ngày (YYYY-MM-DD hoặc DD/MM/YYYY)",
			  "expected a date (YYYY-MM-DD or DD/MM/YYYY)");
		*out = GN_DATE_MIN;
		return false;
	}
	int y, m, d;
	date_to_ymd(*out, &y, &m, &d);
	if (y < 2000 || y > 2099) {
		api_field(c, f, name, "Năm phải từ 2000 đến 2099", "the year must be 2000 to 2099");
		*out = GN_DATE_MIN;
		return false;
	}
	date_format_iso(*out, iso);
	return true;
}

bool capx_int(api_ctx *c, api_fields *f, json_t *obj, const char *key, const char *name,
	      int64_t lo, int64_t hi, bool required, int64_t dflt, int64_t *out)
{
	*out = dflt;
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v)) {
		if (required)
			api_field(c, f, name, "Bắt buộc", "required");
		return !required;
	}
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
		char vi[128], en[128];
		snprintf(vi, sizeof vi, "Phải là số nguyên từ %lld đến %lld", (long long)lo,
			 (long long)hi);
		snprintf(en, sizeof en, "expected a whole number from %lld to %lld", (long long)lo,
			 (long long)hi);
		api_field(c, f, name, vi, en);
		return false;
	}
	*out = (int64_t)json_integer_value(v);
	return true;
}

bool capx_project(api_ctx *c, api_fields *f, json_t *obj, const char *dflt, char out[16])
{
	snprintf(out, 16, "%s", dflt);
	json_t *v = json_object_get(obj, "project");
	if (!v || json_is_null(v))
		return true;
	const me_catalogue *cat = capx_catalogue(c);
	int32_t p = json_is_string(v) && cat
			    ? catalogue_find(cat, json_string_value(v), json_string_length(v))
			    : -1;
	if (p < 0) {
		api_field(c, f, "project", "Không phải mã dự án trong danh mục (DA1 ... DA7.2)",
			  "not a project code of the catalogue (DA1 ... DA7.2)");
		return false;
	}
	snprintf(out, 16, "%s", cat->v[p].code);
	return true;
}

/* ---- writers -------------------------------------------------------------------- */

const char *capx_username(api_ctx *c, int64_t id)
{
	st_user u;
	if (id > 0 && store_user_get_id(c->st, id, &u) == GN_OK)
		return arena_strdup(c->ar, u.username);
	return "";
}

void capx_date_or_null(jw *w, const char *key, const char *iso)
{
	jw_key(w, key);
	if (iso && *iso)
		jw_str(w, iso);
	else
		jw_null(w);
}

static void audit_release(void *p)
{
	void **x = p;
	store_audit_free(x[0], (size_t)(uintptr_t)x[1]);
}

int capx_write_history(api_ctx *c, const char *key)
{
	st_audit *a = NULL;
	size_t n = 0;
	gn_err rc = store_audit_of(c->st, key, &a, &n);
	if (rc)
		return -1;
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = a;
	hold[1] = (void *)(uintptr_t)n;
	arena_defer(c->ar, audit_release, hold);
	jw *w = c->json;
	jw_key(w, "history");
	jw_array(w);
	for (size_t i = 0; i < n && i < 500; i++) {
		jw_object(w);
		jw_kint(w, "at", a[i].at);
		jw_kstr(w, "user", capx_username(c, a[i].user_id));
		jw_kstr(w, "entity", a[i].entity);
		jw_kstr(w, "record", a[i].record_key);
		jw_kstr(w, "field", a[i].field);
		jw_kstr(w, "old", a[i].old_value);
		jw_kstr(w, "new", a[i].new_value);
		jw_object_end(w);
	}
	jw_array_end(w);
	return 0;
}

int capx_conflict(api_ctx *c, const char *code, const char *vi, const char *en, int64_t id)
{
	buf_reset(http_out(c->rq));
	jw_init(c->json, http_out(c->rq));
	jw_object(c->json);
	jw_kstr(c->json, "error", code);
	jw_kstr(c->json, "message", c->en ? en : vi);
	if (id > 0)
		jw_kint(c->json, "id", id);
	jw_object_end(c->json);
	return 409;
}
