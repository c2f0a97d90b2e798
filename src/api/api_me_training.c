/*
 * api_me_training.c - capacity building over HTTP (docs/api.md,
 * "Monitoring and evaluation: capacity"): training classes, study tours
 * and conferences (DA7.1), the people attending them, the staff counts of
 * units, and the year's figures of a unit: classes, attendances, distinct
 * people, women, by role, and the share of poverty-reduction staff
 * trained.
 *
 * Layer: api. Scope: a class is seen by the callers who see its organiser
 * or one of its participants' units (who see only those participants when
 * the organiser is not theirs); it is written by those who may write for
 * its organiser ("*", the central level: national users). People are
 * seen and written within the caller's area. Names of people are not
 * households' personal data (they are the programme's staff), but their
 * year of birth is shown only to roles that read personal data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/capacity.h"
#include "../core/mem.h"
#include "me_capacity_int.h"

#define PERSONS_MAX 200

/* ---- writers -------------------------------------------------------------------- */

static void write_person(api_ctx *c, const st_person *p)
{
	jw *w = c->json;
	bool personal = c->role && c->role->read_personal;
	jw_object(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "full_name", p->full_name);
	char sex[2] = {p->sex, 0};
	jw_kstr(w, "sex", sex);
	jw_key(w, "birth_year");
	if (personal && p->birth_year)
		jw_int(w, p->birth_year);
	else
		jw_null(w);
	jw_kstr(w, "unit_code", p->unit_code);
	jw_kstr(w, "unit_name", capx_unit_name(c, p->unit_code));
	jw_kstr(w, "position", p->position);
	jw_kbool(w, "staff", p->staff);
	jw_object_end(w);
}

static void write_days(jw *w, const char *key, int64_t half_days)
{
	jw_key(w, key);
	if (half_days % 2 == 0)
		jw_int(w, half_days / 2);
	else
		jw_decimal(w, half_days * 5, 1);
}

static void write_class(api_ctx *c, const st_training_class *k)
{
	jw *w = c->json;
	cap_kind kind = CAP_TRAINING;
	cap_level level = CAP_LEVEL_COMMUNE;
	bool kk = cap_kind_parse(k->kind, &kind), lk = cap_level_parse(k->level, &level);
	jw_object(w);
	jw_kint(w, "id", k->id);
	jw_kstr(w, "kind", k->kind);
	jw_kstr(w, "kind_label", kk ? cap_kind_label(kind, c->en) : k->kind);
	jw_kstr(w, "title", k->title);
	jw_kstr(w, "unit_code", k->unit_code);
	jw_kstr(w, "unit_name", capx_unit_name(c, k->unit_code));
	jw_kstr(w, "level", k->level);
	jw_kstr(w, "level_label", lk ? cap_level_label(level, c->en) : k->level);
	jw_kstr(w, "place", k->place);
	jw_kstr(w, "start_date", k->start_date);
	jw_kstr(w, "end_date", k->end_date);
	write_days(w, "days", k->half_days);
	jw_kstr(w, "topics", k->topics);
	jw_kstr(w, "project", k->project);
	jw_key(w, "funding");
	if (k->funding >= 0)
		jw_int(w, k->funding);
	else
		jw_null(w);
	jw_kint(w, "participants", k->participants);
	jw_kbool(w, "can_edit", c->role && c->role->write_me && capx_writable(c, k->unit_code));
	jw_kint(w, "created_by", k->created_by);
	jw_kint(w, "updated_at", k->updated_at);
	jw_object_end(w);
}

static void persons_release(void *p)
{
	void **x = p;
	store_persons_free(x[0], (size_t)(uintptr_t)x[1]);
}

static void hold_persons(api_ctx *c, st_person *p, size_t n)
{
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = p;
	hold[1] = (void *)(uintptr_t)n;
	arena_defer(c->ar, persons_release, hold);
}

static void class_release(void *p)
{
	st_training_class_clear(p);
}

/* Loads class id when the caller sees it (its organiser, or one of its
 * participants); *participants receives the people, released with the
 * arena. 404 or 500 in *status when NULL is returned. */
static st_training_class *load_class(api_ctx *c, int64_t id, st_person **participants, size_t *np,
				     int *status)
{
	st_training_class *k = arena_calloc(c->ar, 1, sizeof *k);
	gn_err rc = id > 0 ? store_training_class_get(c->st, id, k) : GN_ENOTFOUND;
	if (rc == GN_ENOTFOUND) {
		*status = api_not_found(c);
		return NULL;
	}
	if (rc) {
		*status = api_internal(c, "class", rc);
		return NULL;
	}
	arena_defer(c->ar, class_release, k);
	if ((rc = store_training_participants(c->st, id, participants, np))) {
		*status = api_internal(c, "participants", rc);
		return NULL;
	}
	hold_persons(c, *participants, *np);
	bool seen = capx_visible(c, k->unit_code);
	for (size_t i = 0; i < *np && !seen; i++)
		seen = capx_visible(c, (*participants)[i].unit_code);
	if (!seen) {
		*status = api_not_found(c);
		return NULL;
	}
	return k;
}

/* The whole class: {"class", "participants", "participants_hidden",
 * "history"}; participants of other areas are left out (counted) when the
 * organiser is not the caller's. */
static int answer_class(api_ctx *c, int64_t id, int status, int64_t added, int64_t already)
{
	st_person *p;
	size_t np;
	int st;
	st_training_class *k = load_class(c, id, &p, &np, &st);
	if (!k)
		return st;
	bool own = capx_visible(c, k->unit_code);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "class");
	write_class(c, k);
	jw_key(w, "participants");
	jw_array(w);
	int64_t hidden = 0;
	for (size_t i = 0; i < np; i++) {
		if (own || capx_visible(c, p[i].unit_code))
			write_person(c, &p[i]);
		else
			hidden++;
	}
	jw_array_end(w);
	jw_kint(w, "participants_hidden", hidden);
	if (added >= 0) {
		jw_kint(w, "added", added);
		jw_kint(w, "already", already);
	}
	if (own) {
		char key[48];
		snprintf(key, sizeof key, "training/class/%lld", (long long)id);
		if (capx_write_history(c, key))
			return api_internal(c, "history", GN_EIO);
	}
	jw_object_end(w);
	return status;
}

/* ---- person fields ------------------------------------------------------------- */

static const char *pname(api_ctx *c, const char *prefix, const char *field)
{
	if (!prefix || !*prefix)
		return field;
	size_t n = strlen(prefix) + strlen(field) + 2;
	char *s = arena_alloc(c->ar, n);
	snprintf(s, n, "%s.%s", prefix, field);
	return s;
}

/* Reads a person's fields (full_name, sex, birth_year, unit_code,
 * position, staff) from obj into p; errors named prefix.field. */
static bool read_person(api_ctx *c, api_fields *f, json_t *obj, const char *prefix, st_person *p)
{
	size_t before = f->n;
	memset(p, 0, sizeof *p);
	capx_text(c, f, obj, "full_name", pname(c, prefix, "full_name"), 120, true, false,
		  &p->full_name);
	json_t *v = json_object_get(obj, "sex");
	if (json_is_string(v) && strcmp(json_string_value(v), "M") == 0)
		p->sex = 'M';
	else if (json_is_string(v) && strcmp(json_string_value(v), "F") == 0)
		p->sex = 'F';
	else
		api_field(c, f, pname(c, prefix, "sex"), "Chọn Nam (M) hoặc Nữ (F)",
			  "expected M or F");
	int y, m, d;
	date_to_ymd(world_today(c->w), &y, &m, &d);
	int64_t by;
	if (capx_int(c, f, obj, "birth_year", pname(c, prefix, "birth_year"), 1900, y, false, 0, &by))
		p->birth_year = (int)by;
	v = json_object_get(obj, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || strcmp(unit, "*") == 0 || !capx_writable(c, unit))
		api_field(c, f, pname(c, prefix, "unit_code"), "Phải là một đơn vị thuộc phạm vi của bạn",
			  "must be a unit of your area");
	else
		snprintf(p->unit_code, sizeof p->unit_code, "%s", unit);
	capx_text(c, f, obj, "position", pname(c, prefix, "position"), 120, false, false,
		  &p->position);
	v = json_object_get(obj, "staff");
	if (v && !json_is_null(v) && !json_is_boolean(v))
		api_field(c, f, pname(c, prefix, "staff"), "Phải là true hoặc false",
			  "expected true or false");
	p->staff = json_is_true(v);
	return f->n == before;
}

/* ---- participants: entries, resolution ------------------------------------------------- */

typedef struct pentry {
	const char *name;       /* "participants[2]" */
	int64_t person_id;      /* given, or resolved */
	st_person p;            /* a person described (arena strings) */
} pentry;

typedef struct perr {
	long line;
	const char *column;     /* CSV column, or the JSON field name */
	const char *vi, *en;
} perr;

typedef struct perrs {
	perr *v;
	size_t n, cap;
} perrs;

static void perr_add(api_ctx *c, perrs *e, long line, const char *column, const char *vi,
		     const char *en)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		perr *nv = arena_alloc(c->ar, cap * sizeof *nv);
		if (e->n)
			memcpy(nv, e->v, e->n * sizeof *nv);
		e->v = nv;
		e->cap = cap;
	}
	e->v[e->n++] = (perr){line, arena_strdup(c->ar, column), arena_strdup(c->ar, vi),
			      arena_strdup(c->ar, en)};
}

/* Reads body.participants (JSON) into entries; errors in f. */
static bool read_entries_json(api_ctx *c, api_fields *f, json_t *arr, pentry **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!arr || json_is_null(arr))
		return true;
	if (!json_is_array(arr) || json_array_size(arr) > 1000) {
		api_field(c, f, "participants", "Phải là một danh sách (tối đa 1.000 người)",
			  "expected a list (up to 1,000 people)");
		return false;
	}
	size_t k = json_array_size(arr);
	pentry *e = arena_calloc(c->ar, k ? k : 1, sizeof *e);
	size_t before = f->n;
	for (size_t i = 0; i < k; i++) {
		char name[40];
		snprintf(name, sizeof name, "participants[%zu]", i);
		e[i].name = arena_strdup(c->ar, name);
		json_t *o = json_array_get(arr, i);
		if (!json_is_object(o)) {
			api_field(c, f, name, "Phải là một người", "expected a person");
			continue;
		}
		json_t *id = json_object_get(o, "person_id");
		if (id && !json_is_null(id)) {
			if (json_object_size(o) != 1 || !json_is_integer(id) || json_integer_value(id) <= 0)
				api_field(c, f, name, "Chỉ ghi person_id, hoặc các thông tin của người mới",
					  "give person_id alone, or a new person's fields");
			else
				e[i].person_id = (int64_t)json_integer_value(id);
			continue;
		}
		static const char *const keys[] = {"full_name", "sex", "birth_year",
						   "unit_code", "position", "staff"};
		api_unknown_fields_at(c, f, o, keys, sizeof keys / sizeof keys[0], name);
		read_person(c, f, o, name, &e[i].p);
	}
	*out = e;
	*n = k;
	return f->n == before;
}

/* The reader's messages (io/capacity_file.c, io/csv.c) are English, as
 * the command line prints them: Vietnamese by their fixed beginnings, the
 * rest (the quoted values) kept. */
static const char *msg_vi(api_ctx *c, const char *text)
{
	static const struct {
		const char *en, *vi;
	} table[] = {
		{"the name is empty", "họ và tên để trống"},
		{"longer than 120 bytes", "dài quá 120 byte"},
		{"invalid text", "văn bản không hợp lệ"},
		{"expected M, F, Nam or Nữ, got", "giới tính phải là Nam hoặc Nữ (M hoặc F); nhận được"},
		{"expected a year (1900-2199) or nothing, got", "năm sinh phải gồm 4 chữ số hoặc để trống; nhận được"},
		{"expected a unit code, got", "cần mã đơn vị; nhận được"},
		{"expected 1 or 0 (có/không, x or nothing), got", "phải là có hoặc không (1/0, x hoặc để trống); nhận được"},
		{"no participant in the list", "danh sách không có ai"},
		{"not a unit you may enter people for:", "không phải đơn vị thuộc phạm vi của bạn:"},
		{"several people of this name in the unit: give the year of birth",
		 "đơn vị có nhiều người trùng tên: ghi năm sinh"},
		{"the same person as on line", "trùng người ở dòng"},
		{"unexpected extra field", "thừa ô so với dòng tiêu đề"},
		{"required column missing", "thiếu cột bắt buộc"},
		{"duplicate column", "cột bị lặp"},
		{"unknown column, ignored", "cột không được hỗ trợ, bỏ qua"},
		{"malformed quoting", "sai dấu ngoặc kép"},
		{"unterminated quoted field", "ô mở dấu ngoặc kép nhưng không đóng"},
		{"the file is empty", "danh sách rỗng (cần dòng tiêu đề)"},
	};
	if (c->en)
		return text;
	unsigned long have, want;
	if (sscanf(text, "missing (record has %lu fields, header has %lu)", &have, &want) == 2) {
		char vi[128];
		snprintf(vi, sizeof vi, "thiếu ô (dòng có %lu ô, dòng tiêu đề có %lu cột)", have, want);
		return arena_strdup(c->ar, vi);
	}
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		size_t n = strlen(table[i].en);
		if (strncmp(text, table[i].en, n) == 0) {
			buf b;
			buf_init(&b, 0);
			buf_puts(&b, table[i].vi);
			buf_puts(&b, text + n);
			const char *out = arena_strndup(c->ar, buf_cstr(&b), b.len);
			buf_free(&b);
			return out;
		}
	}
	return text;
}

static void diag_to_errs(api_ctx *c, const gn_diag *d, perrs *errs)
{
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind == DIAG_ERROR)
			perr_add(c, errs, it->line, it->column, msg_vi(c, it->text), it->text);
	}
}

static void rows_release(void *p)
{
	void **x = p;
	cap_participants_free(x[0], (size_t)(uintptr_t)x[1]);
}

/* Reads a pasted CSV list (released with the arena); errors (line,
 * column) in errs. */
static void read_rows_csv(api_ctx *c, const char *text, cap_participant_row **out, size_t *n,
			  perrs *errs)
{
	*out = NULL;
	*n = 0;
	gn_diag *d = diag_new(100);
	gn_err rc = cap_participants_parse(c->en ? "list" : "danh sách", text, strlen(text), d, out, n);
	if (rc) {
		diag_to_errs(c, d, errs);
		if (errs->n == 0)
			perr_add(c, errs, 0, "", "Danh sách không đọc được", "The list cannot be read");
	} else {
		void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
		hold[0] = *out;
		hold[1] = (void *)(uintptr_t)*n;
		arena_defer(c->ar, rows_release, hold);
	}
	diag_free(d);
}

static bool row_unit_ok(void *ctx, const char *unit)
{
	return strcmp(unit, "*") != 0 && capx_writable(ctx, unit);
}

/* Records the attendances of a pasted list at class_id (inside the
 * caller's transaction, app/capacity.h); errors (line, column) in errs. */
static gn_err attend_rows(api_ctx *c, int64_t class_id, const cap_participant_row *rows, size_t n,
			  perrs *errs, int64_t *added, int64_t *already)
{
	gn_diag *d = diag_new(100);
	gn_err rc = capacity_add_participants(c->st, class_id, rows, n, row_unit_ok, c, c->user->id,
					      c->en ? "list" : "danh sách", d, added, already);
	if (rc == GN_EINPUT) {
		diag_to_errs(c, d, errs);
		rc = GN_OK;
	}
	diag_free(d);
	return rc;
}

/* Finds the person an entry describes, or registers them (inside the
 * caller's transaction; the rule of app/capacity.h). */
static gn_err resolve_entry(api_ctx *c, pentry *e, perrs *errs)
{
	if (e->person_id > 0) {
		st_person p;
		gn_err rc = store_person_get(c->st, e->person_id, &p);
		if (rc == GN_ENOTFOUND || (rc == GN_OK && !capx_visible(c, p.unit_code))) {
			perr_add(c, errs, 0, e->name, "Không có người này trong phạm vi của bạn",
				 "no such person in your area");
			rc = GN_OK;
			e->person_id = 0;
		}
		st_person_clear(&p);
		return rc;
	}
	gn_err rc = capacity_pick_person(c->st, &e->p, c->user->id, &e->person_id);
	if (rc == GN_EINPUT) {
		perr_add(c, errs, 0, pname(c, e->name, "full_name"),
			 "Đơn vị có nhiều người trùng tên: chọn người trong danh sách hoặc ghi năm sinh",
			 "several people of this name in the unit: pick one or give the year of birth");
		return GN_OK;
	}
	return rc;
}

/* Resolves every entry and records the attendances of class_id (inside
 * the caller's transaction). *added and *already count them. */
static gn_err attend_all(api_ctx *c, int64_t class_id, pentry *e, size_t n, perrs *errs,
			 int64_t *added, int64_t *already)
{
	*added = *already = 0;
	for (size_t i = 0; i < n; i++) {
		gn_err rc = resolve_entry(c, &e[i], errs);
		if (rc)
			return rc;
	}
	if (errs->n)
		return GN_OK;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (e[j].person_id == e[i].person_id) {
				perr_add(c, errs, 0, e[i].name, "Người này đã có trong danh sách",
					 "this person is listed twice");
				break;
			}
		}
	}
	if (errs->n)
		return GN_OK;
	for (size_t i = 0; i < n; i++) {
		gn_err rc = store_training_attend(c->st, class_id, e[i].person_id, c->user->id);
		if (rc == GN_EEXIST) {
			(*already)++;
			continue;
		}
		if (rc)
			return rc;
		(*added)++;
	}
	return GN_OK;
}

/* 422 for entry errors: JSON entries by field name; a CSV list as
 * {"fields":{"participants_csv": first}, "errors":[{line,column,message}]}. */
static int entry_errors(api_ctx *c, const perrs *e, bool csv)
{
	if (!csv) {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		for (size_t i = 0; i < e->n; i++)
			api_field(c, f, e->v[i].column, e->v[i].vi, e->v[i].en);
		return api_fields_reply(c, f);
	}
	buf first;
	buf_init(&first, 0);
	if (e->n) {
		if (e->v[0].line)
			buf_printf(&first, c->en ? "line %ld, " : "dòng %ld, ", e->v[0].line);
		if (e->v[0].column && *e->v[0].column)
			buf_printf(&first, c->en ? "column %s: " : "cột %s: ", e->v[0].column);
		buf_puts(&first, c->en ? e->v[0].en : e->v[0].vi);
	}
	buf_reset(http_out(c->rq));
	jw *w = c->json;
	jw_init(w, http_out(c->rq));
	jw_object(w);
	jw_kstr(w, "error", "invalid");
	jw_kstr(w, "message", c->en ? "The list of participants has errors: nothing was saved"
				    : "Danh sách người tham gia có lỗi: chưa lưu gì");
	jw_key(w, "fields");
	jw_object(w);
	jw_kstr(w, "participants_csv", buf_cstr(&first));
	jw_object_end(w);
	jw_key(w, "errors");
	jw_array(w);
	for (size_t i = 0; i < e->n; i++) {
		jw_object(w);
		jw_kint(w, "line", e->v[i].line);
		jw_kstr(w, "column", e->v[i].column);
		jw_kstr(w, "message", c->en ? e->v[i].en : e->v[i].vi);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	buf_free(&first);
	return 422;
}

/* ---- class fields ------------------------------------------------------------------ */

static const char *const class_keys[] = {"kind",   "title",   "unit_code", "level",
					 "place",  "start_date", "end_date", "days",
					 "topics", "project", "funding"};
#define NCLASS_KEYS (sizeof class_keys / sizeof class_keys[0])

/* Reads a class's fields from body into k (for create and replace). */
static void read_class(api_ctx *c, api_fields *f, json_t *body, st_training_class *k)
{
	memset(k, 0, sizeof *k);
	json_t *v = json_object_get(body, "kind");
	cap_kind kind;
	if (!json_is_string(v) || !cap_kind_parse(json_string_value(v), &kind))
		api_field(c, f, "kind", "Chọn loại: training, study_tour hoặc conference",
			  "expected training, study_tour or conference");
	else
		snprintf(k->kind, sizeof k->kind, "%s", cap_kind_name(kind));
	capx_text(c, f, body, "title", "title", 300, true, false, &k->title);
	v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	unit_level ul = LEVEL_COMMUNE;
	if (!unit || !capx_writable(c, unit) || !capx_unit_level(c, unit, &ul)) {
		api_field(c, f, "unit_code", "Đơn vị tổ chức phải thuộc phạm vi của bạn",
			  "the organising unit must be of your area");
	} else {
		snprintf(k->unit_code, sizeof k->unit_code, "%s", unit);
	}
	cap_level level = ul == LEVEL_COUNTRY	 ? CAP_LEVEL_CENTRAL
			  : ul == LEVEL_PROVINCE ? CAP_LEVEL_PROVINCE
			  : ul == LEVEL_DISTRICT ? CAP_LEVEL_DISTRICT
						 : CAP_LEVEL_COMMUNE;
	v = json_object_get(body, "level");
	if (v && !json_is_null(v) &&
	    !(json_is_string(v) && cap_level_parse(json_string_value(v), &level)))
		api_field(c, f, "level", "Chọn cấp: commune, district, province hoặc central",
			  "expected commune, district, province or central");
	snprintf(k->level, sizeof k->level, "%s", cap_level_name(level));
	capx_text(c, f, body, "place", "place", 300, false, false, &k->place);
	gn_date start, end;
	bool ds = capx_date(c, f, body, "start_date", "start_date", true, &start, k->start_date);
	bool de = capx_date(c, f, body, "end_date", "end_date", true, &end, k->end_date);
	if (ds && start > world_today(c->w))
		api_field(c, f, "start_date", "Chưa đến ngày này: chỉ ghi lớp đã tổ chức",
			  "in the future: record a class once it has started");
	if (ds && de && end < start)
		api_field(c, f, "end_date", "Ngày kết thúc trước ngày bắt đầu",
			  "the end date is before the start date");
	if (ds && de && cap_span_days(start, end) > 366)
		api_field(c, f, "end_date", "Dài quá một năm", "longer than a year");
	bool dates_ok = ds && de && end >= start;
	v = json_object_get(body, "days");
	if (!v || json_is_null(v)) {
		if (dates_ok)
			k->half_days = 2 * cap_span_days(start, end);
	} else {
		double x = json_is_number(v) ? json_number_value(v) : -1;
		int half = x > 0 && x <= 800 ? (int)(x * 2 + 0.5) : 0;
		if (half == 0 || (double)half != x * 2) {
			api_field(c, f, "days", "Số ngày phải là bội của 0,5 (ví dụ 0,5; 1; 2)",
				  "expected a number of days in halves (0.5, 1, 2...)");
		} else if (dates_ok && !cap_half_days_ok(half, start, end)) {
			api_field(c, f, "days", "Nhiều hơn số ngày từ ngày bắt đầu đến ngày kết thúc",
				  "more days than from the start date to the end date");
		} else {
			k->half_days = half;
		}
	}
	capx_text(c, f, body, "topics", "topics", 4000, false, true, &k->topics);
	capx_project(c, f, body, "DA7.1", k->project);
	int64_t funding;
	if (capx_int(c, f, body, "funding", "funding", 0, INT64_MAX / 4, false, -1, &funding))
		k->funding = funding;
	else
		k->funding = -1;
}

/* ---- GET /me/training/options ---------------------------------------------------------- */

int api_training_options(api_ctx *c)
{
	const cap_settings *cs = capx_settings(c);
	const me_catalogue *cat = capx_catalogue(c);
	if (!cs)
		return api_internal(c, "data/me/capacity.csv", GN_EIO);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "kinds");
	jw_array(w);
	for (int i = 0; i < CAP_KIND_COUNT; i++) {
		jw_object(w);
		jw_kstr(w, "name", cap_kind_name((cap_kind)i));
		jw_kstr(w, "label", cap_kind_label((cap_kind)i, c->en));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "levels");
	jw_array(w);
	for (int i = 0; i < CAP_LEVEL_COUNT; i++) {
		jw_object(w);
		jw_kstr(w, "name", cap_level_name((cap_level)i));
		jw_kstr(w, "label", cap_level_label((cap_level)i, c->en));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "mission_kinds");
	jw_array(w);
	for (int i = 0; i < CAP_MISSION_KIND_COUNT; i++) {
		jw_object(w);
		jw_kstr(w, "name", cap_mission_kind_name((cap_mission_kind)i));
		jw_kstr(w, "label", cap_mission_kind_label((cap_mission_kind)i, c->en));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "statuses");
	jw_array(w);
	for (int i = 0; i < CAP_STATUS_COUNT; i++) {
		jw_object(w);
		jw_kstr(w, "name", cap_status_name((cap_status)i));
		jw_kstr(w, "label", cap_status_label((cap_status)i, c->en));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "projects");
	jw_array(w);
	for (size_t i = 0; cat && i < cat->n; i++) {
		jw_object(w);
		jw_kstr(w, "code", cat->v[i].code);
		jw_kstr(w, "name", c->en ? cat->v[i].name_en : cat->v[i].name_vi);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "staff_target_percent", cs->staff_target_percent);
	jw_kint(w, "mission_report_working_days", cs->report_working_days);
	char today[11];
	date_format_iso(world_today(c->w), today);
	jw_kstr(w, "today", today);
	jw_object_end(w);
	return 200;
}

/* ---- GET /me/training/summary ----------------------------------------------------------- */

typedef struct summary_ctx {
	api_ctx *c;
	cap_attendance *a;
	int32_t *unit;            /* code index of each attendance's person */
	size_t n, cap;
	int64_t staff_total;
	size_t staff_units;
	const char **staff_code;  /* the staff counts, for the children */
	int64_t *staff_n;
	size_t nstaff, staff_cap;
} summary_ctx;

static bool add_attendance(void *ctx, const st_attendance_row *r)
{
	summary_ctx *x = ctx;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->a = gn_xreallocarray(x->a, x->cap, sizeof *x->a);
		x->unit = gn_xreallocarray(x->unit, x->cap, sizeof *x->unit);
	}
	cap_kind k = CAP_TRAINING;
	cap_kind_parse(r->kind, &k);
	x->a[x->n] = (cap_attendance){r->person_id, r->class_id, r->sex, r->staff, k,
				      arena_strdup(x->c->ar, r->position)};
	x->unit[x->n] = units_find(x->c->units, r->unit_code, strlen(r->unit_code));
	x->n++;
	return true;
}

static bool add_staff(void *ctx, const char *unit, int64_t staff)
{
	summary_ctx *x = ctx;
	x->staff_total += staff;
	x->staff_units++;
	if (x->nstaff == x->staff_cap) {
		x->staff_cap = x->staff_cap ? x->staff_cap * 2 : 64;
		x->staff_code = gn_xreallocarray(x->staff_code, x->staff_cap, sizeof *x->staff_code);
		x->staff_n = gn_xreallocarray(x->staff_n, x->staff_cap, sizeof *x->staff_n);
	}
	x->staff_code[x->nstaff] = arena_strdup(x->c->ar, unit);
	x->staff_n[x->nstaff] = staff;
	x->nstaff++;
	return true;
}

static void summary_release(void *p)
{
	summary_ctx *x = p;
	free(x->a);
	free(x->unit);
	free(x->staff_code);
	free(x->staff_n);
}

static void write_share(jw *w, const char *key, int64_t part, int64_t whole)
{
	int64_t h = cap_share_hundredths(part, whole);
	jw_key(w, key);
	if (h < 0)
		jw_null(w);
	else
		jw_decimal(w, h, 2);
}

/* The children of unit u on today's map that the caller sees (national,
 * u < 0: the units without a parent). */
static int32_t *children_of(api_ctx *c, int32_t u, size_t *n)
{
	size_t nc = units_ncodes(c->units);
	int32_t *kids = arena_alloc(c->ar, (nc ? nc : 1) * sizeof *kids);
	*n = 0;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		size_t k;
		const int32_t *at = unit_map_units(c->today, (unit_level)l, &k);
		for (size_t i = 0; i < k; i++)
			if (unit_map_parent(c->today, at[i]) == u && scope_has(c->scope, at[i]))
				kids[(*n)++] = at[i];
	}
	return kids;
}

int api_training_summary(api_ctx *c)
{
	int status;
	const char **codes;
	size_t ncodes;
	const char *unit;
	int32_t u;
	if (!capx_area(c, &codes, &ncodes, &unit, &u, &status))
		return status;
	int ty, tm, td;
	date_to_ymd(world_today(c->w), &ty, &tm, &td);
	int64_t year;
	if (!api_query_int(c, "year", 2000, 2099, ty, &year, &status))
		return status;
	const cap_settings *cs = capx_settings(c);
	if (!cs)
		return api_internal(c, "data/me/capacity.csv", GN_EIO);

	summary_ctx *x = arena_calloc(c->ar, 1, sizeof *x);
	x->c = c;
	arena_defer(c->ar, summary_release, x);
	gn_err rc = store_training_attendance(c->st, (int)year, codes, ncodes, add_attendance, x);
	if (!rc)
		rc = store_training_staff_each(c->st, (int)year, codes, ncodes, add_staff, x);
	if (rc)
		return api_internal(c, "attendance", rc);
	st_training_filter tf = {.unit_codes = codes, .nunits = ncodes, .year = (int)year,
				 .organised_only = true};
	st_training_class *cls = NULL;
	size_t ncls = 0;
	if ((rc = store_training_classes_list(c->st, &tf, &cls, &ncls)))
		return api_internal(c, "classes", rc);
	int64_t by_kind[CAP_KIND_COUNT] = {0}, half_days = 0, funding = 0;
	for (size_t i = 0; i < ncls; i++) {
		cap_kind k;
		if (cap_kind_parse(cls[i].kind, &k))
			by_kind[k]++;
		half_days += cls[i].half_days;
		if (cls[i].funding > 0)
			funding += cls[i].funding;
	}
	store_training_classes_free(cls, ncls);

	/* the children's attendances, before the whole list is reordered */
	size_t nkids;
	int32_t *kids = children_of(c, u, &nkids);
	cap_tally *kt = arena_calloc(c->ar, nkids ? nkids : 1, sizeof *kt);
	int64_t *kstaff = arena_calloc(c->ar, nkids ? nkids : 1, sizeof *kstaff);
	cap_attendance *tmp = gn_xmalloc((x->n ? x->n : 1) * sizeof *tmp);
	for (size_t k = 0; k < nkids; k++) {
		const scope *sk = world_scope(c->w, kids[k]);
		size_t m = 0;
		for (size_t i = 0; i < x->n; i++)
			if (sk && scope_has(sk, x->unit[i]))
				tmp[m++] = x->a[i];
		cap_tally_of(tmp, m, &kt[k]);
		for (size_t i = 0; i < x->nstaff; i++)
			if (sk && scope_has_code(sk, c->units, x->staff_code[i]))
				kstaff[k] += x->staff_n[i];
	}
	free(tmp);
	cap_tally t;
	cap_tally_of(x->a, x->n, &t);

	jw *w = c->json;
	jw_object(w);
	jw_key(w, "unit");
	jw_object(w);
	jw_kstr(w, "code", unit);
	jw_kstr(w, "name", u >= 0 ? api_unit_name(c, u, world_today(c->w))
				  : (c->en ? "Whole country" : "Toàn quốc"));
	jw_object_end(w);
	jw_kint(w, "year", year);
	jw_kint(w, "target_percent", cs->staff_target_percent);
	jw_key(w, "organised");
	jw_object(w);
	jw_kint(w, "classes", (int64_t)ncls);
	write_days(w, "days", half_days);
	jw_kint(w, "funding", funding);
	jw_object_end(w);
	jw_kint(w, "classes_attended", t.classes);
	jw_kint(w, "attendances", t.attendances);
	jw_kint(w, "people", t.people);
	jw_kint(w, "women", t.women);
	write_share(w, "women_percent", t.women, t.people);
	jw_key(w, "by_kind");
	jw_array(w);
	for (int k = 0; k < CAP_KIND_COUNT; k++) {
		jw_object(w);
		jw_kstr(w, "kind", cap_kind_name((cap_kind)k));
		jw_kstr(w, "label", cap_kind_label((cap_kind)k, c->en));
		jw_kint(w, "organised", by_kind[k]);
		jw_kint(w, "attendances", t.attendances_by_kind[k]);
		jw_kint(w, "people", t.people_by_kind[k]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "staff");
	jw_object(w);
	jw_kint(w, "trained", t.staff);
	jw_key(w, "total");
	if (x->staff_units)
		jw_int(w, x->staff_total);
	else
		jw_null(w);
	jw_kint(w, "units_counted", (int64_t)x->staff_units);
	write_share(w, "share_percent", t.staff, x->staff_units ? x->staff_total : 0);
	jw_object_end(w);
	jw_key(w, "positions");
	jw_array(w);
	for (size_t i = 0; i < t.npositions; i++) {
		jw_object(w);
		jw_kstr(w, "position", t.positions[i].position);
		jw_kint(w, "people", t.positions[i].people);
		jw_kint(w, "women", t.positions[i].women);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key(w, "children");
	jw_array(w);
	for (size_t k = 0; k < nkids; k++) {
		const unit_version *v = unit_map_version(c->today, kids[k]);
		jw_object(w);
		jw_kstr(w, "code", units_code(c->units, kids[k]));
		jw_kstr(w, "name", v ? v->name : "");
		jw_kstr(w, "level", v ? unit_level_name(v->level) : "");
		jw_kint(w, "attendances", kt[k].attendances);
		jw_kint(w, "people", kt[k].people);
		jw_kint(w, "women", kt[k].women);
		jw_kint(w, "staff_trained", kt[k].staff);
		jw_kint(w, "staff_total", kstaff[k]);
		write_share(w, "share_percent", kt[k].staff, kstaff[k]);
		jw_object_end(w);
		cap_tally_free(&kt[k]);
	}
	jw_array_end(w);
	jw_object_end(w);
	cap_tally_free(&t);
	return 200;
}

/* ---- classes ---------------------------------------------------------------------------- */

static void classes_release(void *p)
{
	void **x = p;
	store_training_classes_free(x[0], (size_t)(uintptr_t)x[1]);
}

int api_training_classes(api_ctx *c)
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
	const char *kind = api_query(c, "kind");
	cap_kind k;
	if (kind && *kind && !cap_kind_parse(kind, &k))
		return api_bad_request(c, "Loại phải là training, study_tour hoặc conference",
				       "kind must be training, study_tour or conference");
	st_training_filter tf = {.unit_codes = codes, .nunits = ncodes, .year = (int)year,
				 .kind = kind && *kind ? kind : NULL};
	st_training_class *rows = NULL;
	size_t n = 0;
	gn_err rc = store_training_classes_list(c->st, &tf, &rows, &n);
	if (rc)
		return api_internal(c, "classes", rc);
	void **hold = arena_alloc(c->ar, 2 * sizeof *hold);
	hold[0] = rows;
	hold[1] = (void *)(uintptr_t)n;
	arena_defer(c->ar, classes_release, hold);
	jw *w = c->json;
	jw_object(w);
	jw_kstr(w, "unit", unit);
	jw_key(w, "classes");
	jw_array(w);
	for (size_t i = 0; i < n && i < 2000; i++)
		write_class(c, &rows[i]);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_training_class_get(api_ctx *c)
{
	return answer_class(c, api_param_id(c, "id"), 200, -1, -1);
}

int api_training_class_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	static const char *const extra[] = {"participants", "participants_csv"};
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (!api_known_key(class_keys, NCLASS_KEYS, key) && !api_known_key(extra, 2, key))
			api_field(c, f, key, "Trường không được hỗ trợ", "unknown field");
	}
	st_training_class k;
	read_class(c, f, body, &k);
	pentry *ej = NULL;
	size_t nj = 0;
	read_entries_json(c, f, json_object_get(body, "participants"), &ej, &nj);
	char *csv = NULL;
	capx_text(c, f, body, "participants_csv", "participants_csv", 512 * 1024, false, true, &csv);
	if (f->n)
		return api_fields_reply(c, f);
	perrs *errs = arena_calloc(c->ar, 1, sizeof *errs);
	cap_participant_row *rows = NULL;
	size_t nc = 0;
	if (csv && *csv) {
		read_rows_csv(c, csv, &rows, &nc, errs);
		if (errs->n)
			return entry_errors(c, errs, true);
	}
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_training_class_add(c->st, &k, c->user->id);
	int64_t added = 0, already = 0, a2 = 0, b2 = 0;
	bool csv_pass = false;
	if (!rc)
		rc = attend_all(c, k.id, ej, nj, errs, &added, &already);
	if (!rc && !errs->n && nc) {
		/* a person both picked and in the list is there once */
		csv_pass = true;
		rc = attend_rows(c, k.id, rows, nc, errs, &a2, &b2);
	}
	if (!rc && errs->n) {
		store_rollback(c->st);
		return entry_errors(c, errs, csv_pass);
	}
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "class", rc);
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/api/v1/me/training/classes/%lld", (long long)k.id);
	http_add_header(c->rq, "Location", loc);
	return answer_class(c, k.id, 201, added + a2, already + b2);
}

int api_training_class_update(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	st_person *p;
	size_t np;
	int status;
	st_training_class *old = load_class(c, id, &p, &np, &status);
	if (!old)
		return status;
	if (!capx_writable(c, old->unit_code))
		return api_error(c, 403, "forbidden", "Lớp do đơn vị khác tổ chức",
				 "The class is organised by another unit");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, class_keys, NCLASS_KEYS);
	st_training_class k;
	read_class(c, f, body, &k);
	if (f->n)
		return api_fields_reply(c, f);
	k.id = id;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_training_class_update(c->st, &k, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "class", rc);
	}
	return answer_class(c, id, 200, -1, -1);
}

int api_training_participants_add(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	st_person *p;
	size_t np;
	int status;
	st_training_class *k = load_class(c, id, &p, &np, &status);
	if (!k)
		return status;
	if (!capx_writable(c, k->unit_code))
		return api_error(c, 403, "forbidden", "Lớp do đơn vị khác tổ chức",
				 "The class is organised by another unit");
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	static const char *const keys[] = {"participants", "participants_csv"};
	api_unknown_fields(c, f, body, keys, 2);
	pentry *ej = NULL;
	size_t nj = 0;
	read_entries_json(c, f, json_object_get(body, "participants"), &ej, &nj);
	char *csv = NULL;
	capx_text(c, f, body, "participants_csv", "participants_csv", 512 * 1024, false, true, &csv);
	if (!f->n && nj == 0 && !(csv && *csv))
		api_field(c, f, "participants", "Chưa có ai trong danh sách", "nobody to add");
	if (f->n)
		return api_fields_reply(c, f);
	perrs *errs = arena_calloc(c->ar, 1, sizeof *errs);
	cap_participant_row *rows = NULL;
	size_t nc = 0;
	if (csv && *csv) {
		read_rows_csv(c, csv, &rows, &nc, errs);
		if (errs->n)
			return entry_errors(c, errs, true);
	}
	int64_t added = 0, already = 0, a2 = 0, b2 = 0;
	bool csv_pass = false;
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = attend_all(c, id, ej, nj, errs, &added, &already);
	if (!rc && !errs->n && nc) {
		csv_pass = true;
		rc = attend_rows(c, id, rows, nc, errs, &a2, &b2);
	}
	if (!rc && errs->n) {
		store_rollback(c->st);
		return entry_errors(c, errs, csv_pass);
	}
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "participants", rc);
	}
	return answer_class(c, id, 200, added + a2, already + b2);
}

int api_training_participant_remove(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	int64_t person = api_param_id(c, "person");
	st_person *p;
	size_t np;
	int status;
	st_training_class *k = load_class(c, id, &p, &np, &status);
	if (!k)
		return status;
	if (!capx_writable(c, k->unit_code))
		return api_error(c, 403, "forbidden", "Lớp do đơn vị khác tổ chức",
				 "The class is organised by another unit");
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_training_unattend(c->st, id, person, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		if (rc == GN_ENOTFOUND)
			return api_not_found(c);
		return api_internal(c, "participant", rc);
	}
	return answer_class(c, id, 200, -1, -1);
}

/* ---- people -------------------------------------------------------------------------------- */

int api_training_persons(api_ctx *c)
{
	int status;
	const char **codes;
	size_t ncodes;
	const char *unit;
	int32_t u;
	if (!capx_area(c, &codes, &ncodes, &unit, &u, &status))
		return status;
	int64_t limit;
	if (!api_query_int(c, "limit", 1, PERSONS_MAX, 20, &limit, &status))
		return status;
	const char *q = api_query(c, "q");
	if (q && strlen(q) > 120)
		return api_bad_request(c, "Chuỗi tìm kiếm quá dài", "The search text is too long");
	st_person *rows = NULL;
	size_t n = 0;
	gn_err rc = store_persons_find(c->st, codes, ncodes, q, (size_t)limit, &rows, &n);
	if (rc == GN_EINPUT)
		return api_bad_request(c, "Chuỗi tìm kiếm không hợp lệ", "Invalid search text");
	if (rc)
		return api_internal(c, "persons", rc);
	hold_persons(c, rows, n);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "persons");
	jw_array(w);
	for (size_t i = 0; i < n; i++)
		if (capx_visible(c, rows[i].unit_code))
			write_person(c, &rows[i]);
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

static const char *const person_keys[] = {"full_name", "sex",      "birth_year",
					  "unit_code", "position", "staff"};
#define NPERSON_KEYS (sizeof person_keys / sizeof person_keys[0])

/* 409 {"error":"exists","message","id","person"}. */
static int person_exists(api_ctx *c, const st_person *p)
{
	buf_reset(http_out(c->rq));
	jw *w = c->json;
	jw_init(w, http_out(c->rq));
	jw_object(w);
	jw_kstr(w, "error", "exists");
	jw_kstr(w, "message", c->en ? "This person is registered already"
				    : "Người này đã có trong danh sách");
	jw_kint(w, "id", p->id);
	jw_key(w, "person");
	write_person(c, p);
	jw_object_end(w);
	return 409;
}

/* The person registered already under p's unit, name and year of birth
 * (the key of store_person_add), or 0. */
static int64_t same_person(api_ctx *c, const st_person *p, int64_t except, gn_err *rc)
{
	st_person *same = NULL;
	size_t ns = 0;
	*rc = store_persons_same_name(c->st, p->unit_code, p->full_name, &same, &ns);
	int64_t id = 0;
	for (size_t i = 0; i < ns; i++)
		if (same[i].birth_year == p->birth_year && same[i].id != except)
			id = same[i].id;
	store_persons_free(same, ns);
	return id;
}

int api_training_person_create(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, person_keys, NPERSON_KEYS);
	st_person p;
	read_person(c, f, body, "", &p);
	if (f->n)
		return api_fields_reply(c, f);
	gn_err rc;
	int64_t dup = same_person(c, &p, 0, &rc);
	if (rc)
		return api_internal(c, "persons", rc);
	if (dup) {
		st_person *old = arena_calloc(c->ar, 1, sizeof *old);
		if ((rc = store_person_get(c->st, dup, old)))
			return api_internal(c, "person", rc);
		int s = person_exists(c, old);
		st_person_clear(old);
		return s;
	}
	rc = store_begin(c->st);
	if (!rc)
		rc = store_person_add(c->st, &p, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "person", rc);
	}
	st_person got;
	if ((rc = store_person_get(c->st, p.id, &got)))
		return api_internal(c, "person", rc);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "person");
	write_person(c, &got);
	jw_object_end(w);
	st_person_clear(&got);
	return 201;
}

int api_training_person_update(api_ctx *c)
{
	int64_t id = api_param_id(c, "id");
	st_person old;
	gn_err rc = id > 0 ? store_person_get(c->st, id, &old) : GN_ENOTFOUND;
	if (rc == GN_OK) {
		bool visible = capx_visible(c, old.unit_code);
		st_person_clear(&old);
		if (!visible)
			rc = GN_ENOTFOUND;
	}
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "person", rc);
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, person_keys, NPERSON_KEYS);
	st_person p;
	read_person(c, f, body, "", &p);
	if (f->n)
		return api_fields_reply(c, f);
	p.id = id;
	int64_t dup = same_person(c, &p, id, &rc);
	if (rc)
		return api_internal(c, "persons", rc);
	if (dup)
		return capx_conflict(c, "exists", "Đã có người trùng tên, năm sinh ở đơn vị này",
				     "Another person of this unit has this name and year of birth",
				     dup);
	rc = store_begin(c->st);
	if (!rc)
		rc = store_person_update(c->st, &p, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "person", rc);
	}
	st_person got;
	if ((rc = store_person_get(c->st, id, &got)))
		return api_internal(c, "person", rc);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "person");
	write_person(c, &got);
	jw_object_end(w);
	st_person_clear(&got);
	return 200;
}

/* ---- staff counts ---------------------------------------------------------------------------- */

typedef struct staff_ctx {
	api_ctx *c;
	const char **code;
	int64_t *staff;
	size_t n, cap;
} staff_ctx;

static bool keep_staff(void *ctx, const char *unit, int64_t staff)
{
	staff_ctx *x = ctx;
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		const char **nc = arena_alloc(x->c->ar, cap * sizeof *nc);
		int64_t *ns = arena_alloc(x->c->ar, cap * sizeof *ns);
		if (x->n) {
			memcpy(nc, x->code, x->n * sizeof *nc);
			memcpy(ns, x->staff, x->n * sizeof *ns);
		}
		x->code = nc;
		x->staff = ns;
		x->cap = cap;
	}
	x->code[x->n] = arena_strdup(x->c->ar, unit);
	x->staff[x->n] = staff;
	x->n++;
	return true;
}

typedef struct trained_ctx {
	api_ctx *c;
	const char **codes;          /* the rows' units */
	size_t nrows;
	int64_t **ids;               /* per row: staff person ids trained (with repeats) */
	size_t *nids, *caps;
} trained_ctx;

static bool count_trained(void *ctx, const st_attendance_row *r)
{
	trained_ctx *x = ctx;
	if (!r->staff)
		return true;
	for (size_t i = 0; i < x->nrows; i++) {
		if (strcmp(x->codes[i], r->unit_code) != 0)
			continue;
		if (x->nids[i] == x->caps[i]) {
			x->caps[i] = x->caps[i] ? x->caps[i] * 2 : 16;
			x->ids[i] = gn_xreallocarray(x->ids[i], x->caps[i], sizeof **x->ids);
		}
		x->ids[i][x->nids[i]++] = r->person_id;
	}
	return true;
}

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static void trained_release(void *p)
{
	trained_ctx *x = p;
	for (size_t i = 0; i < x->nrows; i++)
		free(x->ids[i]);
}

int api_training_staff(api_ctx *c)
{
	int status;
	const char **codes;
	size_t ncodes;
	const char *unit;
	int32_t u;
	if (!capx_area(c, &codes, &ncodes, &unit, &u, &status))
		return status;
	int ty, tm, td;
	date_to_ymd(world_today(c->w), &ty, &tm, &td);
	int64_t year;
	if (!api_query_int(c, "year", 2000, 2099, ty, &year, &status))
		return status;
	/* the rows: the unit itself, then its children */
	size_t nkids;
	int32_t *kids = children_of(c, u, &nkids);
	size_t nrows = nkids + (u >= 0 ? 1 : 0);
	const char **rows = arena_alloc(c->ar, (nrows ? nrows : 1) * sizeof *rows);
	int32_t *idx = arena_alloc(c->ar, (nrows ? nrows : 1) * sizeof *idx);
	size_t r = 0;
	if (u >= 0) {
		idx[r] = u;
		rows[r++] = units_code(c->units, u);
	}
	for (size_t k = 0; k < nkids; k++) {
		idx[r] = kids[k];
		rows[r++] = units_code(c->units, kids[k]);
	}
	staff_ctx sx = {.c = c};
	trained_ctx *tx = arena_calloc(c->ar, 1, sizeof *tx);
	tx->c = c;
	tx->codes = rows;
	tx->nrows = nrows;
	tx->ids = arena_calloc(c->ar, nrows ? nrows : 1, sizeof *tx->ids);
	tx->nids = arena_calloc(c->ar, nrows ? nrows : 1, sizeof *tx->nids);
	tx->caps = arena_calloc(c->ar, nrows ? nrows : 1, sizeof *tx->caps);
	arena_defer(c->ar, trained_release, tx);
	/* no unit at all (an empty map): nothing to count */
	gn_err rc = nrows ? store_training_staff_each(c->st, (int)year, rows, nrows, keep_staff, &sx)
			  : GN_OK;
	if (!rc && nrows)
		rc = store_training_attendance(c->st, (int)year, rows, nrows, count_trained, tx);
	if (rc)
		return api_internal(c, "staff", rc);
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "year", year);
	jw_key(w, "units");
	jw_array(w);
	for (size_t i = 0; i < nrows; i++) {
		const unit_version *v = unit_map_version(c->today, idx[i]);
		int64_t trained = 0;
		if (tx->nids[i] > 1)
			qsort(tx->ids[i], tx->nids[i], sizeof *tx->ids[i], by_id);
		for (size_t k = 0; k < tx->nids[i]; k++)
			trained += k == 0 || tx->ids[i][k] != tx->ids[i][k - 1];
		int64_t staff = -1;
		for (size_t k = 0; k < sx.n; k++)
			if (strcmp(sx.code[k], rows[i]) == 0)
				staff = sx.staff[k];
		jw_object(w);
		jw_kstr(w, "code", rows[i]);
		jw_kstr(w, "name", v ? v->name : "");
		jw_kstr(w, "level", v ? unit_level_name(v->level) : "");
		jw_key(w, "staff");
		if (staff >= 0)
			jw_int(w, staff);
		else
			jw_null(w);
		jw_kint(w, "trained", trained);
		write_share(w, "share_percent", trained, staff >= 0 ? staff : 0);
		jw_kbool(w, "can_edit", c->role && c->role->write_me && capx_writable(c, rows[i]));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

int api_training_staff_put(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	static const char *const keys[] = {"unit_code", "year", "staff"};
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_unknown_fields(c, f, body, keys, 3);
	json_t *v = json_object_get(body, "unit_code");
	const char *unit = json_is_string(v) ? json_string_value(v) : NULL;
	if (!unit || strcmp(unit, "*") == 0 || !capx_writable(c, unit))
		api_field(c, f, "unit_code", "Phải là một đơn vị thuộc phạm vi của bạn",
			  "must be a unit of your area");
	int ty, tm, td;
	date_to_ymd(world_today(c->w), &ty, &tm, &td);
	int64_t year, staff;
	capx_int(c, f, body, "year", "year", 2000, ty + 1, true, 0, &year);
	capx_int(c, f, body, "staff", "staff", 0, 1000000, false, -1, &staff);
	if (!json_object_get(body, "staff"))
		api_field(c, f, "staff", "Bắt buộc (null để xóa)", "required (null removes the count)");
	if (f->n)
		return api_fields_reply(c, f);
	gn_err rc = store_begin(c->st);
	if (!rc)
		rc = store_training_staff_put(c->st, unit, (int)year, staff, c->user->id);
	if (!rc)
		rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return api_internal(c, "staff", rc);
	}
	jw *w = c->json;
	jw_object(w);
	jw_kstr(w, "unit_code", unit);
	jw_kint(w, "year", year);
	jw_key(w, "staff");
	if (staff >= 0)
		jw_int(w, staff);
	else
		jw_null(w);
	jw_object_end(w);
	return 200;
}
