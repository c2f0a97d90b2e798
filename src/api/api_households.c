/*
 * api_households.c - households and reviews (personal data, scoped):
 * list and search, one household's page (members, reviews with class and
 * transition, audit history), create, replace, and the review upsert.
 *
 * Layer: api. Every handler checks that the household's unit is in the
 * caller's scope and answers 404 otherwise (existence is not disclosed).
 * Citizen id numbers are left out (null) for roles that may not read
 * them, in members, reviews and the audit history alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../core/mem.h"
#include "../core/transition.h"
#include "../io/text.h"
#include "api_int.h"

/* The hook of the live aggregates (api_dashboard.c defines the real one;
 * this empty weak definition lets the api link without it). */
__attribute__((weak)) void api_on_review_change(const st_review *old, const st_review *new_)
{
	(void)old;
	(void)new_;
}

#define HH_MAX_MEMBERS 100
#define TEXT_MAX 500

static const char *class_label(api_ctx *c, hh_class k)
{
	static const char *const en[CLASS_COUNT] = {
		"not poor", "average living standard", "near-poor", "poor",
	};
	return c->en ? en[k] : class_name_vi(k);
}

/* ---- reading and writing records ---------------------------------------- */

static void household_release(void *p)
{
	st_household_clear(p);
}

static void review_release(void *p)
{
	st_review_clear(p);
}

/* The household id, loaded and in scope, or a 404 written into *status. */
static st_household *load_household(api_ctx *c, const char *id, int *status)
{
	st_household *h = arena_calloc(c->ar, 1, sizeof *h);
	if (!id || strlen(id) >= ST_CODE) {
		*status = api_not_found(c);
		return NULL;
	}
	gn_err rc = store_household_get(c->st, id, h);
	if (rc == GN_ENOTFOUND) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "household", rc);
		return NULL;
	}
	arena_defer(c->ar, household_release, h);
	if (!api_in_scope(c, h->unit_code)) {
		*status = api_not_found(c);
		return NULL;
	}
	return h;
}

static void write_household(api_ctx *c, const st_household *h)
{
	jw *w = c->json;
	int32_t unit = units_find(c->units, h->unit_code, strlen(h->unit_code));
	jw_object(w);
	jw_kstr(w, "id", h->id);
	jw_kstr(w, "unit_code", h->unit_code);
	jw_kstr(w, "unit_name", api_unit_name(c, unit, world_today(c->w)));
	jw_kstr(w, "village", h->village ? h->village : "");
	jw_kstr(w, "head_name", h->head_name ? h->head_name : "");
	jw_kstr(w, "address", h->address ? h->address : "");
	jw_kint(w, "updated_at", h->updated_at);
	jw_key(w, "members");
	jw_array(w);
	for (size_t i = 0; i < h->nmembers; i++) {
		const st_member *m = &h->members[i];
		jw_object(w);
		jw_kint(w, "seq", m->seq);
		jw_kstr(w, "name", m->name ? m->name : "");
		jw_kstrn(w, "sex", &m->sex, m->sex ? 1 : 0);
		jw_key(w, "birth_year");
		if (m->birth_year)
			jw_int(w, m->birth_year);
		else
			jw_null(w);
		jw_kstr(w, "ethnicity", m->ethnicity ? m->ethnicity : "");
		jw_kstr(w, "relation", m->relation ? m->relation : "");
		jw_key(w, "id_number");
		if (c->role->read_id_numbers)
			jw_str(w, m->id_number);
		else
			jw_null(w);
		jw_key(w, "health_insurance");
		if (m->health_insurance < 0)
			jw_null(w);
		else
			jw_bool(w, m->health_insurance == 1);
		jw_kstr(w, "schooling", m->schooling ? m->schooling : "");
		jw_kstr(w, "labour", m->labour ? m->labour : "");
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

/* Catalogue bits of a ';'-joined list of indicator keys. */
static uint32_t flags_of(const std_set *s, const char *list)
{
	uint32_t f = 0;
	const char *p = list ? list : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int b = std_set_find_indicator(s, p, n);
		if (b >= 0)
			f |= 1u << b;
		p += n;
		if (*p == ';')
			p++;
	}
	return f;
}

static bool parse_class(const char *s, hh_class *out)
{
	return s && class_parse(s, strlen(s), out);
}

static void history_of(const st_review *r, size_t n, hh_history *h)
{
	memset(h, 0, sizeof *h);
	for (size_t i = 0; i < n; i++) {
		hh_class k;
		if (history_year_ok(r[i].year) && parse_class(r[i].cls, &k))
			history_add(h, r[i].year, k);
	}
}

static void write_split(jw *w, const char *key, const char *list)
{
	jw_key(w, key);
	jw_array(w);
	const char *p = list ? list : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n)
			jw_strn(w, p, n);
		p += n;
		if (*p == ';')
			p++;
	}
	jw_array_end(w);
}

/* A decimal v / 10^scale with the trailing zeros of its fraction cut. */
static void write_trimmed(jw *w, int64_t v, int scale)
{
	while (scale > 0 && v % 10 == 0) {
		v /= 10;
		scale--;
	}
	jw_decimal(w, v, scale);
}

static void write_review(api_ctx *c, const st_review *r, const hh_history *hist)
{
	jw *w = c->json;
	const standard *std = std_set_for_year(c->stds, r->year);
	uint32_t flags = flags_of(c->stds, r->deprivations);
	int dep = std ? std_deprivations(std, flags) : 0;
	hh_class k = CLASS_NOT_POOR;
	bool has_class = parse_class(r->cls, &k);
	jw_object(w);
	jw_kstr(w, "household_id", r->household_id);
	jw_kint(w, "year", r->year);
	jw_kstr(w, "unit_code", r->unit_code);
	jw_kstr(w, "village", r->village ? r->village : "");
	jw_kint(w, "members", r->members);
	jw_key(w, "income");
	if (r->income >= 0)
		jw_int(w, r->income);
	else
		jw_null(w);
	jw_key(w, "score_a");
	if (r->score_a >= 0)
		write_trimmed(w, r->score_a, 4);
	else
		jw_null(w);
	if (std) {
		for (int i = 0; i < std->nind; i++) {
			int bit = std->ind[i].bit;
			jw_kbool(w, std_set_catalogue(c->stds, bit)->key, (flags >> bit) & 1u);
		}
		jw_kint(w, "score_b", (int64_t)std->score_b_per_indicator * dep);
		jw_kstr(w, "standard", std->id);
	}
	write_split(w, "deprivations", r->deprivations);
	jw_kint(w, "deprivations_count", dep);
	jw_kstr(w, "area", r->area);
	jw_kstr(w, "head_name", r->head_name ? r->head_name : "");
	jw_kstrn(w, "head_sex", &r->head_sex, r->head_sex ? 1 : 0);
	jw_key(w, "head_birth_year");
	if (r->head_birth_year)
		jw_int(w, r->head_birth_year);
	else
		jw_null(w);
	jw_kstr(w, "head_ethnicity", r->head_ethnicity ? r->head_ethnicity : "");
	jw_key(w, "id_number");
	if (c->role->read_id_numbers)
		jw_str(w, r->id_number);
	else
		jw_null(w);
	jw_kbool(w, "merit", r->merit == 1);
	jw_kbool(w, "no_labour", r->no_labour == 1);
	jw_kbool(w, "social_protection", r->social_protection == 1);
	write_split(w, "causes", r->causes);
	jw_kstr(w, "support_needs", r->support_needs ? r->support_needs : "");
	jw_kstr(w, "class", r->cls);
	if (has_class) {
		jw_kstr(w, "class_label", class_label(c, k));
		hh_transition t = transition_of(hist, r->year, k);
		jw_kstr(w, "transition", transition_name(t));
		jw_kstr(w, "transition_label", c->en ? transition_name(t) : transition_name_vi(t));
	}
	jw_kstr(w, "status", r->status);
	jw_kint(w, "updated_at", r->updated_at);
	jw_kint(w, "updated_by", r->updated_by);
	jw_object_end(w);
}

typedef struct reviews {
	st_review *r;
	size_t n;
} reviews;

static void reviews_release(void *p)
{
	reviews *x = p;
	for (size_t i = 0; i < x->n; i++)
		st_review_clear(&x->r[i]);
	free(x->r);
}

static gn_err load_reviews(api_ctx *c, const char *id, reviews **out)
{
	reviews *x = arena_calloc(c->ar, 1, sizeof *x);
	gn_err rc = store_reviews_of(c->st, id, &x->r, &x->n);
	if (rc == GN_ENOTFOUND) {
		x->r = NULL;
		x->n = 0;
		rc = GN_OK;
	}
	if (rc)
		return rc;
	arena_defer(c->ar, reviews_release, x);
	*out = x;
	return GN_OK;
}

/* ---- GET /api/v1/households ----------------------------------------------- */

static void rows_release(void *p)
{
	void **x = p;
	store_rows_free(x[0], (size_t)(uintptr_t)x[1]);
}

int api_households_list(api_ctx *c)
{
	int status;
	int64_t year, offset, limit;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status) ||
	    !api_query_int(c, "offset", 0, 1000000000, 0, &offset, &status) ||
	    !api_query_int(c, "limit", 1, 500, 50, &limit, &status))
		return status;
	const char *cls = api_query(c, "class");
	hh_class k;
	if (cls && *cls && !parse_class(cls, &k))
		return api_bad_request(c, "Loại hộ phải là POOR, NEAR_POOR, AVERAGE hoặc NOT_POOR",
				       "class must be POOR, NEAR_POOR, AVERAGE or NOT_POOR");
	if (!c->scope)
		return api_not_found(c);
	const scope *sc = c->scope;
	const char *unit = api_query(c, "unit");
	if (unit && *unit) {
		int32_t u = api_unit_in_scope(c, unit);
		if (u < 0)
			return api_not_found(c);
		sc = world_scope(c->w, u);
	}
	st_search s = {0};
	if (!scope_is_all(sc)) {
		size_t n = scope_count(sc);
		const int32_t *codes = scope_codes(sc);
		const char **names = arena_alloc(c->ar, (n ? n : 1) * sizeof *names);
		for (size_t i = 0; i < n; i++)
			names[i] = units_code(c->units, codes[i]);
		s.unit_codes = names;
		s.nunits = n;
	}
	const char *q = api_query(c, "q");
	s.query = q && *q ? q : NULL;
	s.year = (int)year;
	s.cls = cls && *cls ? class_name(k) : NULL;
	s.offset = (size_t)offset;
	s.limit = (size_t)limit;

	st_household_row *rows = NULL;
	size_t n = 0, total = 0;
	if (!scope_is_all(sc) && s.nunits == 0) {
		n = total = 0;
	} else {
		gn_err rc = store_households_search(c->st, &s, &rows, &n, &total);
		if (rc)
			return api_internal(c, "search", rc);
		void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
		hold[0] = rows;
		hold[1] = (void *)(uintptr_t)n;
		arena_defer(c->ar, rows_release, hold);
	}
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "total", (int64_t)total);
	jw_key(w, "rows");
	jw_array(w);
	for (size_t i = 0; i < n; i++) {
		const st_household_row *r = &rows[i];
		/* The store searched the scope's units; check again anyway. */
		if (!api_in_scope(c, r->unit_code))
			continue;
		int32_t u = units_find(c->units, r->unit_code, strlen(r->unit_code));
		jw_object(w);
		jw_kstr(w, "id", r->id);
		jw_kstr(w, "unit_code", r->unit_code);
		jw_kstr(w, "unit_name", api_unit_name(c, u, world_today(c->w)));
		jw_kstr(w, "village", r->village ? r->village : "");
		jw_kstr(w, "head_name", r->head_name ? r->head_name : "");
		jw_kstr(w, "class", r->cls);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/households/{id} ----------------------------------------- */

static void audit_release(void *p)
{
	void **x = p;
	store_audit_free(x[0], (size_t)(uintptr_t)x[1]);
}

static const char *username_of(api_ctx *c, int64_t id, int64_t *ids, const char **names,
			       size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		if (ids[i] == id)
			return names[i];
	st_user u;
	const char *name = "";
	if (store_user_get_id(c->st, id, &u) == GN_OK)
		name = arena_strdup(c->ar, u.username);
	if (*n < 32) {
		ids[*n] = id;
		names[(*n)++] = name;
	}
	return name;
}

int api_household_get(api_ctx *c)
{
	int status;
	st_household *h = load_household(c, api_param(c, "id"), &status);
	if (!h)
		return status;
	reviews *rv;
	gn_err rc = load_reviews(c, h->id, &rv);
	if (rc)
		return api_internal(c, "reviews", rc);
	st_audit *au = NULL;
	size_t nau = 0;
	rc = store_audit_of(c->st, h->id, &au, &nau);
	if (rc == GN_ENOTFOUND)
		rc = GN_OK;
	if (rc)
		return api_internal(c, "audit", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = au;
	hold[1] = (void *)(uintptr_t)nau;
	arena_defer(c->ar, audit_release, hold);

	hh_history hist;
	history_of(rv->r, rv->n, &hist);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "household");
	write_household(c, h);
	jw_key(w, "reviews");
	jw_array(w);
	for (size_t i = 0; i < rv->n; i++)
		write_review(c, &rv->r[i], &hist);
	jw_array_end(w);
	jw_key(w, "history");
	jw_array(w);
	int64_t ids[32];
	const char *names[32];
	size_t nnames = 0;
	for (size_t i = 0; i < nau; i++) {
		const st_audit *a = &au[i];
		bool hide = !c->role->read_id_numbers && strstr(a->field, "id_number");
		jw_object(w);
		jw_kint(w, "id", a->id);
		jw_kint(w, "at", a->at);
		jw_kint(w, "user_id", a->user_id);
		jw_kstr(w, "user", username_of(c, a->user_id, ids, names, &nnames));
		jw_kstr(w, "entity", a->entity);
		jw_kstr(w, "record_key", a->record_key);
		jw_kstr(w, "field", a->field);
		jw_key(w, "old");
		jw_str(w, hide ? NULL : a->old_value);
		jw_key(w, "new");
		jw_str(w, hide ? NULL : a->new_value);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* ---- household forms ------------------------------------------------------ */

static bool has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return true;
	return false;
}

/* A text field of at most max bytes, one line, NFC; NULL (with a field
 * error when the value is bad) when absent or bad. *present tells. */
static char *form_text(api_ctx *c, api_fields *f, json_t *obj, const char *key,
		       const char *field, size_t max)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		api_field(c, f, field, "Phải là văn bản", "expected text");
		return NULL;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	if (n > max) {
		api_field(c, f, field, "Quá dài", "too long");
		return NULL;
	}
	if (has_control(s, n)) {
		api_field(c, f, field, "Không được chứa ký tự điều khiển",
			  "control characters are not allowed");
		return NULL;
	}
	buf b;
	buf_init(&b, 0);
	if (text_nfc(s, n, &b) != GN_OK) {
		buf_free(&b);
		api_field(c, f, field, "Văn bản không hợp lệ", "invalid text");
		return NULL;
	}
	return buf_take(&b);
}

static const char *const household_keys[] = {
	"id", "unit_code", "village", "head_name", "address", "members",
	"updated_at", "unit_name", "reviews", "history",
};
static const char *const member_keys[] = {
	"seq", "name", "sex", "birth_year", "ethnicity", "relation", "id_number",
	"health_insurance", "schooling", "labour",
};

static void parse_member(api_ctx *c, api_fields *f, json_t *o, size_t i, st_member *m,
			 int this_year)
{
	char field[64];
	const char *key;
	json_t *v;
	m->seq = (int)i + 1;
	m->health_insurance = -1;
	if (!json_is_object(o)) {
		snprintf(field, sizeof field, "members.%zu", i);
		api_field(c, f, field, "Phải là một đối tượng", "expected an object");
		return;
	}
	json_object_foreach(o, key, v) {
		if (!api_known_key(member_keys, sizeof member_keys / sizeof member_keys[0], key)) {
			snprintf(field, sizeof field, "members.%zu.%.32s", i, key);
			api_field(c, f, field, "Trường không được hỗ trợ", "unknown field");
		}
	}
#define FIELD(k) (snprintf(field, sizeof field, "members.%zu.%s", i, k), field)
	m->name = form_text(c, f, o, "name", FIELD("name"), 200);
	m->ethnicity = form_text(c, f, o, "ethnicity", FIELD("ethnicity"), 100);
	m->relation = form_text(c, f, o, "relation", FIELD("relation"), 100);
	m->schooling = form_text(c, f, o, "schooling", FIELD("schooling"), 200);
	m->labour = form_text(c, f, o, "labour", FIELD("labour"), 200);
	v = json_object_get(o, "sex");
	if (json_is_string(v) && (strcmp(json_string_value(v), "M") == 0 ||
				  strcmp(json_string_value(v), "F") == 0))
		m->sex = json_string_value(v)[0];
	else if (v && !json_is_null(v) && !(json_is_string(v) && json_string_length(v) == 0))
		api_field(c, f, FIELD("sex"), "Giới tính phải là M hoặc F", "expected M or F");
	v = json_object_get(o, "birth_year");
	if (json_is_integer(v) && json_integer_value(v) >= 1900 &&
	    json_integer_value(v) <= this_year)
		m->birth_year = (int)json_integer_value(v);
	else if (v && !json_is_null(v))
		api_field(c, f, FIELD("birth_year"), "Năm sinh không hợp lệ",
			  "expected a year of birth (1900 to this year)");
	v = json_object_get(o, "id_number");
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		bool ok = n == 0 || n == 12;
		for (size_t k = 0; ok && k < n; k++)
			ok = s[k] >= '0' && s[k] <= '9';
		if (ok)
			memcpy(m->id_number, s, n + 1);
		else
			api_field(c, f, FIELD("id_number"), "Số định danh cá nhân phải có 12 chữ số",
				  "expected a 12-digit citizen id");
	} else if (v && !json_is_null(v)) {
		api_field(c, f, FIELD("id_number"), "Số định danh cá nhân phải có 12 chữ số",
			  "expected a 12-digit citizen id");
	}
	v = json_object_get(o, "health_insurance");
	if (json_is_boolean(v))
		m->health_insurance = json_is_true(v) ? 1 : 0;
	else if (v && !json_is_null(v))
		api_field(c, f, FIELD("health_insurance"), "Phải là có/không",
			  "expected true, false or null");
#undef FIELD
}

/* Fills *h from body; old is the stored household when replacing. Returns
 * 0, or the status of the answer written. */
static int household_from_json(api_ctx *c, json_t *body, const st_household *old,
			       st_household *h)
{
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, household_keys,
			   sizeof household_keys / sizeof household_keys[0]);
	json_t *v = json_object_get(body, "id");
	if (v && !json_is_null(v) &&
	    !(old && json_is_string(v) && strcmp(json_string_value(v), old->id) == 0))
		api_field(c, f, "id", old ? "Mã hộ không khớp với địa chỉ" : "Mã hộ do hệ thống cấp",
			  old ? "does not match the household of the URL"
			      : "ids are given by the server");

	/* The unit: valid today, holding households, in scope. */
	v = json_object_get(body, "unit_code");
	const char *unit = old ? old->unit_code : NULL;
	if (v && !json_is_null(v)) {
		unit = json_is_string(v) ? json_string_value(v) : "";
	}
	if (!unit || !*unit) {
		api_field(c, f, "unit_code", "Bắt buộc", "required");
	} else {
		int32_t u = api_unit_in_scope(c, unit);
		const unit_version *uv = u >= 0 ? unit_map_version(c->today, u) : NULL;
		if (!uv)
			api_field(c, f, "unit_code", "Đơn vị không thuộc phạm vi của bạn",
				  "not a unit of your area on today's map");
		else if (!unit_level_holds_households(uv->level))
			api_field(c, f, "unit_code", "Hộ phải thuộc một xã hoặc thôn",
				  "households belong to a commune or a village");
		else
			snprintf(h->unit_code, sizeof h->unit_code, "%s", unit);
	}
	h->village = form_text(c, f, body, "village", "village", 200);
	h->head_name = form_text(c, f, body, "head_name", "head_name", 200);
	h->address = form_text(c, f, body, "address", "address", TEXT_MAX);

	int y, mo, d;
	date_to_ymd(world_today(c->w), &y, &mo, &d);
	v = json_object_get(body, "members");
	if (v && !json_is_null(v)) {
		if (!json_is_array(v)) {
			api_field(c, f, "members", "Phải là một danh sách", "expected an array");
		} else if (json_array_size(v) > HH_MAX_MEMBERS) {
			api_field(c, f, "members", "Quá nhiều thành viên", "too many members");
		} else {
			h->nmembers = json_array_size(v);
			h->members = gn_xcalloc(h->nmembers ? h->nmembers : 1, sizeof *h->members);
			for (size_t i = 0; i < h->nmembers; i++)
				parse_member(c, f, json_array_get(v, i), i, &h->members[i], y);
		}
	}
	if (!h->village)
		h->village = gn_xstrdup("");
	if (!h->head_name)
		h->head_name = gn_xstrdup(h->nmembers && h->members[0].name ? h->members[0].name : "");
	if (!h->address)
		h->address = gn_xstrdup("");
	for (size_t i = 0; i < h->nmembers; i++) {
		st_member *m = &h->members[i];
		if (!m->name)
			m->name = gn_xstrdup("");
		if (!m->ethnicity)
			m->ethnicity = gn_xstrdup("");
		if (!m->relation)
			m->relation = gn_xstrdup("");
		if (!m->schooling)
			m->schooling = gn_xstrdup("");
		if (!m->labour)
			m->labour = gn_xstrdup("");
	}
	if (f->n)
		return api_fields_reply(c, f);
	h->updated_at = api_now();
	return 0;
}

static gn_err save_household(api_ctx *c, const st_household *h)
{
	gn_err rc = store_begin(c->st);
	if (rc)
		return rc;
	rc = store_household_put(c->st, h, c->user->id);
	if (rc == GN_OK)
		rc = store_commit(c->st);
	if (rc)
		store_rollback(c->st);
	return rc;
}

/* Answers {"household":{...}} with the stored record. */
static int answer_household(api_ctx *c, const char *id, int status)
{
	st_household *h = arena_calloc(c->ar, 1, sizeof *h);
	gn_err rc = store_household_get(c->st, id, h);
	if (rc)
		return api_internal(c, "household", rc);
	arena_defer(c->ar, household_release, h);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "household");
	write_household(c, h);
	jw_object_end(w);
	return status;
}

int api_household_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	st_household *h = arena_calloc(c->ar, 1, sizeof *h);
	arena_defer(c->ar, household_release, h);
	if ((status = household_from_json(c, body, NULL, h)) != 0)
		return status;
	/* A fresh id: "H" and 12 random hex digits. */
	for (int attempt = 0;; attempt++) {
		unsigned char rnd[6];
		randombytes_buf(rnd, sizeof rnd);
		h->id[0] = 'H';
		http_hex(rnd, sizeof rnd, h->id + 1);
		for (char *p = h->id; *p; p++)
			if (*p >= 'a' && *p <= 'f')
				*p = (char)(*p - 'a' + 'A');
		st_household probe = {0};
		gn_err rc = store_household_get(c->st, h->id, &probe);
		st_household_clear(&probe);
		if (rc == GN_ENOTFOUND)
			break;
		if (rc != GN_OK || attempt == 8)
			return api_internal(c, "household id", rc ? rc : GN_EEXIST);
	}
	gn_err rc = save_household(c, h);
	if (rc)
		return api_internal(c, "save household", rc);
	char loc[96];
	snprintf(loc, sizeof loc, "/api/v1/households/%s", h->id);
	http_add_header(c->rq, "Location", loc);
	return answer_household(c, h->id, 201);
}

int api_household_replace(api_ctx *c)
{
	int status;
	st_household *old = load_household(c, api_param(c, "id"), &status);
	if (!old)
		return status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	st_household *h = arena_calloc(c->ar, 1, sizeof *h);
	arena_defer(c->ar, household_release, h);
	if ((status = household_from_json(c, body, old, h)) != 0)
		return status;
	memcpy(h->id, old->id, sizeof h->id);
	gn_err rc = save_household(c, h);
	if (rc)
		return api_internal(c, "save household", rc);
	return answer_household(c, h->id, 200);
}

/* ---- PUT /api/v1/households/{id}/reviews/{year} ---------------------------- */

int api_review_put(api_ctx *c)
{
	int status;
	st_household *h = load_household(c, api_param(c, "id"), &status);
	if (!h)
		return status;
	const char *ys = api_param(c, "year");
	int year = 0;
	if (!ys || strlen(ys) != 4 || ys[0] < '1' || ys[0] > '9' ||
	    !(ys[1] >= '0' && ys[1] <= '9') || !(ys[2] >= '0' && ys[2] <= '9') ||
	    !(ys[3] >= '0' && ys[3] <= '9') || !history_year_ok(year = atoi(ys)))
		return api_not_found(c);
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;

	st_review *old = arena_calloc(c->ar, 1, sizeof *old);
	gn_err rc = store_review_get(c->st, h->id, year, old);
	bool had_old = rc == GN_OK;
	if (rc && rc != GN_ENOTFOUND)
		return api_internal(c, "review", rc);
	if (had_old) {
		arena_defer(c->ar, review_release, old);
		if (strcmp(old->status, "locked") == 0)
			return api_error(c, 409, "locked", "Danh sách của năm này đã khóa",
					 "The list of this year is locked");
	}
	st_review *nr = arena_calloc(c->ar, 1, sizeof *nr);
	int dep = 0;
	if ((status = review_from_json(c, body, h, year, had_old ? old : NULL, nr, &dep)) != 0)
		return status;

	rc = store_begin(c->st);
	if (rc == GN_OK)
		rc = store_review_put(c->st, nr, c->user->id);
	if (rc == GN_OK)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_EINPUT)
			return api_error(c, 409, "locked", "Danh sách của năm này đã khóa",
					 "The list of this year is locked");
		return api_internal(c, "save review", rc);
	}
	api_on_review_change(had_old ? old : NULL, nr);

	reviews *rv;
	rc = load_reviews(c, h->id, &rv);
	if (rc)
		return api_internal(c, "reviews", rc);
	hh_history hist;
	history_of(rv->r, rv->n, &hist);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "review");
	write_review(c, nr, &hist);
	jw_object_end(w);
	(void)dep;
	return 200;
}
