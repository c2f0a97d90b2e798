/*
 * sqlite_me_capacity.c - training (people, classes, attendance, staff
 * counts) and inspections (missions, findings, recommendations,
 * evidence) in the SQLite store (store_me_capacity.h, issue 5).
 *
 * Layer: store. The tables are small, so each call prepares its own
 * statements (no entry in the cache of store_int.h). Writes of more than
 * one row run in a savepoint (all or nothing inside the caller's
 * transaction). Audit as described in store_me_capacity.h, with ""
 * written as NULL ("not given").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../io/text.h"
#include "store_int.h"

/* ---- helpers ---------------------------------------------------------------- */

/* As audit_int for a number that may be "not given" (negative): NULL. */
static gn_err audit_opt_int(store *st, int64_t user, const char *entity, const char *key,
			    const char *field, int64_t old_v, int64_t new_v)
{
	if (old_v == new_v || (old_v < 0 && new_v < 0))
		return GN_OK;
	char a[24], b[24];
	snprintf(a, sizeof a, "%lld", (long long)old_v);
	snprintf(b, sizeof b, "%lld", (long long)new_v);
	return st_audit_put(st, user, entity, key, field, old_v < 0 ? NULL : a, new_v < 0 ? NULL : b);
}

/* Binds the JSON list of codes at i; NULL codes leave the parameter NULL. */
static void bind_codes(sqlite3_stmt *s, int i, const char *const *codes, size_t n, buf *b)
{
	if (!codes)
		return;
	buf_reset(b);
	st_json_codes(b, codes, n);
	st_bind_textn(s, i, buf_cstr(b), b->len);
}

static void like_escape(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			buf_putc(b, '\\');
		buf_putc(b, s[i]);
	}
}

static bool blank(const char *s)
{
	return !s || !*s;
}

/* ---- people ------------------------------------------------------------------- */

#define PERSON_COLS "id, full_name, sex, birth_year, unit_code, position, staff, created_by, updated_at"

void st_person_clear(st_person *p)
{
	if (!p)
		return;
	free(p->full_name);
	free(p->position);
	memset(p, 0, sizeof *p);
}

void store_persons_free(st_person *p, size_t n)
{
	if (!p)
		return;
	for (size_t i = 0; i < n; i++)
		st_person_clear(&p[i]);
	free(p);
}

static void read_person(sqlite3_stmt *s, void *out)
{
	st_person *p = out;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->full_name = st_col_dup(s, 1);
	const unsigned char *sex = sqlite3_column_text(s, 2);
	p->sex = sex ? (char)sex[0] : 0;
	p->birth_year = sqlite3_column_int(s, 3);
	st_col_copy(s, 4, p->unit_code, sizeof p->unit_code);
	p->position = st_col_dup(s, 5);
	p->staff = sqlite3_column_int(s, 6) != 0;
	p->created_by = sqlite3_column_int64(s, 7);
	p->updated_at = sqlite3_column_int64(s, 8);
}

static void person_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "training/person/%lld", (long long)id);
}

/* The search fold and the Vietnamese sort key of a name. */
static gn_err name_keys(store *st, const char *name, buf *fold, buf *key)
{
	gn_err err = text_fold(name, strlen(name), fold);
	if (!err && key)
		err = text_vn_sortkey(name, strlen(name), key);
	if (err)
		return st_refuse(st, "a name is not valid UTF-8");
	/* "lo thi  mai " is "lo thi mai": spaces do not make another person */
	size_t k = 0;
	for (size_t i = 0; i < fold->len; i++) {
		char ch = fold->p[i] == '\t' ? ' ' : fold->p[i];
		if (ch == ' ' && (k == 0 || fold->p[k - 1] == ' '))
			continue;
		fold->p[k++] = ch;
	}
	while (k && fold->p[k - 1] == ' ')
		k--;
	fold->len = k;
	if (fold->p)
		fold->p[k] = '\0';
	return GN_OK;
}

static gn_err person_check(store *st, const st_person *p)
{
	if (blank(p->full_name) || !p->unit_code[0] || (p->sex != 'M' && p->sex != 'F'))
		return st_refuse(st, "a person needs a name, a unit and a sex (M or F)");
	return GN_OK;
}

static void bind_person(sqlite3_stmt *s, const st_person *p, const buf *fold, const buf *key)
{
	char sex[2] = {p->sex, 0};
	st_bind_text(s, 2, p->full_name);
	st_bind_textn(s, 3, buf_cstr(fold), fold->len);
	sqlite3_bind_blob64(s, 4, key->len ? key->p : "", key->len, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, sex, 1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 6, p->birth_year);
	st_bind_text(s, 7, p->unit_code);
	st_bind_text(s, 8, p->position);
	sqlite3_bind_int(s, 9, p->staff ? 1 : 0);
}

gn_err store_person_add(store *st, st_person *p, int64_t user)
{
	gn_err err = person_check(st, p);
	if (err)
		return err;
	buf fold, key;
	buf_init(&fold, 0);
	buf_init(&key, 0);
	sqlite3_stmt *s = NULL;
	if ((err = name_keys(st, p->full_name, &fold, &key)) ||
	    (err = st_prepare(st,
			"INSERT INTO training_persons(id, full_name, name_fold, sort_key, sex, "
			"birth_year, unit_code, position, staff, created_by, updated_at) "
			"VALUES(NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			&s)))
		goto out;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		goto out;
	}
	if (!p->updated_at)
		p->updated_at = st_now();
	if (!p->created_by)
		p->created_by = user;
	bind_person(s, p, &fold, &key);
	sqlite3_bind_int64(s, 10, p->created_by);
	sqlite3_bind_int64(s, 11, p->updated_at);
	if ((err = st_exec_final(st, s)))
		goto done;
	p->id = sqlite3_last_insert_rowid(st->db);
	char k[48];
	person_key(k, sizeof k, p->id);
	err = st_audit_put(st, user, "training_person", k, "created", NULL, p->full_name);
done:
	if (err)
		st_rollback_to(st);
	else
		err = st_release(st);
out:
	buf_free(&fold);
	buf_free(&key);
	return err;
}

gn_err store_person_get(store *st, int64_t id, st_person *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " PERSON_COLS " FROM training_persons WHERE id = ?", &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_person, out);
}

gn_err store_person_update(store *st, const st_person *p, int64_t user)
{
	gn_err err = person_check(st, p);
	if (err)
		return err;
	st_person old = {0};
	buf fold, key;
	buf_init(&fold, 0);
	buf_init(&key, 0);
	if ((err = name_keys(st, p->full_name, &fold, &key)))
		goto out;
	if ((err = st_savepoint(st)))
		goto out;
	sqlite3_stmt *s;
	if ((err = store_person_get(st, p->id, &old)) ||
	    (err = st_prepare(st,
			"UPDATE training_persons SET full_name = ?2, name_fold = ?3, sort_key = ?4, "
			"sex = ?5, birth_year = ?6, unit_code = ?7, position = ?8, staff = ?9, "
			"updated_at = ?10 WHERE id = ?1",
			&s)))
		goto done;
	sqlite3_bind_int64(s, 1, p->id);
	bind_person(s, p, &fold, &key);
	sqlite3_bind_int64(s, 10, p->updated_at ? p->updated_at : st_now());
	if ((err = st_exec_final(st, s)))
		goto done;
	char k[48];
	person_key(k, sizeof k, p->id);
	const char *e = "training_person";
	char os[2] = {old.sex, 0}, ns[2] = {p->sex, 0};
	if ((err = st_audit_change(st, user, e, k, "full_name", old.full_name, p->full_name)) ||
	    (err = st_audit_change(st, user, e, k, "sex", os, ns)) ||
	    (err = st_audit_int(st, user, e, k, "birth_year", old.birth_year, p->birth_year)) ||
	    (err = st_audit_change(st, user, e, k, "unit_code", old.unit_code, p->unit_code)) ||
	    (err = st_audit_change(st, user, e, k, "position", old.position, p->position)) ||
	    (err = st_audit_int(st, user, e, k, "staff", old.staff, p->staff)))
		goto done;
done:
	if (err)
		st_rollback_to(st);
	else
		err = st_release(st);
out:
	st_person_clear(&old);
	buf_free(&fold);
	buf_free(&key);
	return err;
}

gn_err store_persons_find(store *st, const char *const *codes, size_t ncodes, const char *q,
			  size_t limit, st_person **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	buf jcodes, fold, pattern;
	buf_init(&jcodes, 0);
	buf_init(&fold, 0);
	buf_init(&pattern, 0);
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT " PERSON_COLS " FROM training_persons "
			  "WHERE (?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) "
			  "AND (?2 IS NULL OR name_fold LIKE ?2 ESCAPE '\\') "
			  "ORDER BY sort_key, id LIMIT ?3",
			  &s);
	if (err)
		goto out;
	bind_codes(s, 1, codes, ncodes, &jcodes);
	if (!blank(q)) {
		if ((err = text_fold(q, strlen(q), &fold))) {
			sqlite3_finalize(s);
			err = st_refuse(st, "the search text is not valid UTF-8");
			goto out;
		}
		buf_putc(&pattern, '%');
		like_escape(&pattern, buf_cstr(&fold), fold.len);
		buf_putc(&pattern, '%');
		st_bind_textn(s, 2, buf_cstr(&pattern), pattern.len);
	}
	sqlite3_bind_int64(s, 3, (int64_t)limit);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_person), read_person, &rows, n);
	if (err) {
		store_persons_free(rows, *n);
		*n = 0;
	} else {
		*out = rows;
	}
out:
	buf_free(&jcodes);
	buf_free(&fold);
	buf_free(&pattern);
	return err;
}

gn_err store_persons_same_name(store *st, const char *unit, const char *full_name,
			       st_person **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	buf fold;
	buf_init(&fold, 0);
	sqlite3_stmt *s;
	gn_err err = name_keys(st, full_name ? full_name : "", &fold, NULL);
	if (!err)
		err = st_prepare(st,
			   "SELECT " PERSON_COLS " FROM training_persons "
			   "WHERE unit_code = ?1 AND name_fold = ?2 ORDER BY birth_year, id",
			   &s);
	if (!err) {
		st_bind_text(s, 1, unit);
		st_bind_textn(s, 2, buf_cstr(&fold), fold.len);
		void *rows;
		err = st_all_rows(st, s, false, sizeof(st_person), read_person, &rows, n);
		if (err) {
			store_persons_free(rows, *n);
			*n = 0;
		} else {
			*out = rows;
		}
	}
	buf_free(&fold);
	return err;
}

/* ---- training classes ---------------------------------------------------------- */

#define CLASS_COLS                                                                   \
	"c.id, c.kind, c.title, c.unit_code, c.level, c.place, c.start_date, c.end_date, " \
	"c.half_days, c.topics, c.project, c.funding, c.created_by, c.updated_at, "       \
	"(SELECT count(*) FROM training_attendance a WHERE a.class_id = c.id)"

void st_training_class_clear(st_training_class *c)
{
	if (!c)
		return;
	free(c->title);
	free(c->place);
	free(c->topics);
	memset(c, 0, sizeof *c);
}

void store_training_classes_free(st_training_class *c, size_t n)
{
	if (!c)
		return;
	for (size_t i = 0; i < n; i++)
		st_training_class_clear(&c[i]);
	free(c);
}

static void read_class(sqlite3_stmt *s, void *out)
{
	st_training_class *c = out;
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, c->kind, sizeof c->kind);
	c->title = st_col_dup(s, 2);
	st_col_copy(s, 3, c->unit_code, sizeof c->unit_code);
	st_col_copy(s, 4, c->level, sizeof c->level);
	c->place = st_col_dup(s, 5);
	st_col_copy(s, 6, c->start_date, sizeof c->start_date);
	st_col_copy(s, 7, c->end_date, sizeof c->end_date);
	c->half_days = sqlite3_column_int(s, 8);
	c->topics = st_col_dup(s, 9);
	st_col_copy(s, 10, c->project, sizeof c->project);
	c->funding = sqlite3_column_type(s, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 11);
	c->created_by = sqlite3_column_int64(s, 12);
	c->updated_at = sqlite3_column_int64(s, 13);
	c->participants = sqlite3_column_int64(s, 14);
}

static void class_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "training/class/%lld", (long long)id);
}

static gn_err class_check(store *st, const st_training_class *c)
{
	if (!c->kind[0] || blank(c->title) || !c->unit_code[0] || !c->level[0] ||
	    !c->start_date[0] || !c->end_date[0] || c->half_days <= 0)
		return st_refuse(st, "a class needs a kind, a title, a unit, a level, dates and a length");
	return GN_OK;
}

/* Binds the fields of c from parameter 2 on (kind ... funding: 2..12). */
static void bind_class(sqlite3_stmt *s, const st_training_class *c)
{
	st_bind_text(s, 2, c->kind);
	st_bind_text(s, 3, c->title);
	st_bind_text(s, 4, c->unit_code);
	st_bind_text(s, 5, c->level);
	st_bind_text(s, 6, c->place);
	st_bind_text(s, 7, c->start_date);
	st_bind_text(s, 8, c->end_date);
	sqlite3_bind_int(s, 9, c->half_days);
	st_bind_text(s, 10, c->topics);
	st_bind_text(s, 11, c->project[0] ? c->project : "DA7.1");
	if (c->funding >= 0)
		sqlite3_bind_int64(s, 12, c->funding);
}

gn_err store_training_class_add(store *st, st_training_class *c, int64_t user)
{
	gn_err err = class_check(st, c);
	if (err)
		return err;
	sqlite3_stmt *s;
	if ((err = st_prepare(st,
			"INSERT INTO training_classes(id, kind, title, unit_code, level, place, "
			"start_date, end_date, half_days, topics, project, funding, created_by, "
			"updated_at) VALUES(NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
			&s)))
		return err;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	if (!c->updated_at)
		c->updated_at = st_now();
	if (!c->created_by)
		c->created_by = user;
	bind_class(s, c);
	sqlite3_bind_int64(s, 13, c->created_by);
	sqlite3_bind_int64(s, 14, c->updated_at);
	if ((err = st_exec_final(st, s)))
		goto done;
	c->id = sqlite3_last_insert_rowid(st->db);
	char k[48];
	class_key(k, sizeof k, c->id);
	err = st_audit_put(st, user, "training_class", k, "created", NULL, c->title);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_training_class_get(store *st, int64_t id, st_training_class *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " CLASS_COLS " FROM training_classes c WHERE c.id = ?", &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_class, out);
}

gn_err store_training_class_update(store *st, const st_training_class *c, int64_t user)
{
	gn_err err = class_check(st, c);
	if (err)
		return err;
	if ((err = st_savepoint(st)))
		return err;
	st_training_class old = {0};
	sqlite3_stmt *s;
	if ((err = store_training_class_get(st, c->id, &old)) ||
	    (err = st_prepare(st,
			"UPDATE training_classes SET kind = ?2, title = ?3, unit_code = ?4, level = ?5, "
			"place = ?6, start_date = ?7, end_date = ?8, half_days = ?9, topics = ?10, "
			"project = ?11, funding = ?12, updated_at = ?13 WHERE id = ?1",
			&s)))
		goto done;
	sqlite3_bind_int64(s, 1, c->id);
	bind_class(s, c);
	sqlite3_bind_int64(s, 13, c->updated_at ? c->updated_at : st_now());
	if ((err = st_exec_final(st, s)))
		goto done;
	char k[48];
	class_key(k, sizeof k, c->id);
	const char *e = "training_class";
	if ((err = st_audit_change(st, user, e, k, "kind", old.kind, c->kind)) ||
	    (err = st_audit_change(st, user, e, k, "title", old.title, c->title)) ||
	    (err = st_audit_change(st, user, e, k, "unit_code", old.unit_code, c->unit_code)) ||
	    (err = st_audit_change(st, user, e, k, "level", old.level, c->level)) ||
	    (err = st_audit_change(st, user, e, k, "place", old.place, c->place)) ||
	    (err = st_audit_change(st, user, e, k, "start_date", old.start_date, c->start_date)) ||
	    (err = st_audit_change(st, user, e, k, "end_date", old.end_date, c->end_date)) ||
	    (err = st_audit_int(st, user, e, k, "half_days", old.half_days, c->half_days)) ||
	    (err = st_audit_change(st, user, e, k, "topics", old.topics, c->topics)) ||
	    (err = st_audit_change(st, user, e, k, "project", old.project,
				c->project[0] ? c->project : "DA7.1")) ||
	    (err = audit_opt_int(st, user, e, k, "funding", old.funding, c->funding)))
		goto done;
done:
	st_training_class_clear(&old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_training_classes_list(store *st, const st_training_filter *f,
				   st_training_class **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(
		st,
		"SELECT " CLASS_COLS " FROM training_classes c "
		"WHERE (?2 = 0 OR substr(c.start_date, 1, 4) = printf('%04d', ?2)) "
		"AND (?3 IS NULL OR c.kind = ?3) "
		"AND (?1 IS NULL OR c.unit_code IN (SELECT value FROM json_each(?1)) "
		"     OR (?4 = 0 AND EXISTS (SELECT 1 FROM training_attendance a "
		"         JOIN training_persons p ON p.id = a.person_id WHERE a.class_id = c.id "
		"         AND p.unit_code IN (SELECT value FROM json_each(?1))))) "
		"ORDER BY c.start_date DESC, c.id DESC",
		&s);
	if (err)
		return err;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f->unit_codes, f->nunits, &codes);
	sqlite3_bind_int(s, 2, f->year);
	if (f->kind)
		st_bind_text(s, 3, f->kind);
	sqlite3_bind_int(s, 4, f->organised_only ? 1 : 0);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_training_class), read_class, &rows, n);
	buf_free(&codes);
	if (err) {
		store_training_classes_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

gn_err store_training_attend(store *st, int64_t class_id, int64_t person_id, int64_t user)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "INSERT INTO training_attendance(class_id, person_id) VALUES(?, ?)", &s);
	if (err)
		return err;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	sqlite3_bind_int64(s, 1, class_id);
	sqlite3_bind_int64(s, 2, person_id);
	if ((err = st_exec_final(st, s)))
		goto done;
	char k[48], v[24];
	class_key(k, sizeof k, class_id);
	snprintf(v, sizeof v, "%lld", (long long)person_id);
	err = st_audit_put(st, user, "training_class", k, "participant", NULL, v);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_training_unattend(store *st, int64_t class_id, int64_t person_id, int64_t user)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "DELETE FROM training_attendance WHERE class_id = ? AND person_id = ?", &s);
	if (err)
		return err;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	sqlite3_bind_int64(s, 1, class_id);
	sqlite3_bind_int64(s, 2, person_id);
	if ((err = st_exec_final(st, s)))
		goto done;
	if (sqlite3_changes(st->db) == 0) {
		err = GN_ENOTFOUND;
		goto done;
	}
	char k[48], v[24];
	class_key(k, sizeof k, class_id);
	snprintf(v, sizeof v, "%lld", (long long)person_id);
	err = st_audit_put(st, user, "training_class", k, "participant", v, NULL);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_training_participants(store *st, int64_t class_id, st_person **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT p.id, p.full_name, p.sex, p.birth_year, p.unit_code, p.position, "
			  "p.staff, p.created_by, p.updated_at FROM training_attendance a "
			  "JOIN training_persons p ON p.id = a.person_id WHERE a.class_id = ? "
			  "ORDER BY p.sort_key, p.id",
			  &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, class_id);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_person), read_person, &rows, n);
	if (err) {
		store_persons_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

gn_err store_training_attendance(store *st, int year, const char *const *codes, size_t ncodes,
				 bool (*fn)(void *ctx, const st_attendance_row *r), void *ctx)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT a.person_id, a.class_id, p.sex, p.staff, c.kind, p.unit_code, "
			  "p.position FROM training_attendance a "
			  "JOIN training_classes c ON c.id = a.class_id "
			  "JOIN training_persons p ON p.id = a.person_id "
			  "WHERE (?1 = 0 OR substr(c.start_date, 1, 4) = printf('%04d', ?1)) "
			  "AND (?2 IS NULL OR p.unit_code IN (SELECT value FROM json_each(?2)))",
			  &s);
	if (err)
		return err;
	buf jcodes;
	buf_init(&jcodes, 0);
	sqlite3_bind_int(s, 1, year);
	bind_codes(s, 2, codes, ncodes, &jcodes);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_attendance_row r;
		memset(&r, 0, sizeof r);
		r.person_id = sqlite3_column_int64(s, 0);
		r.class_id = sqlite3_column_int64(s, 1);
		const unsigned char *sex = sqlite3_column_text(s, 2);
		r.sex = sex ? (char)sex[0] : 0;
		r.staff = sqlite3_column_int(s, 3) != 0;
		st_col_copy(s, 4, r.kind, sizeof r.kind);
		st_col_copy(s, 5, r.unit_code, sizeof r.unit_code);
		const unsigned char *pos = sqlite3_column_text(s, 6);
		r.position = pos ? (const char *)pos : "";
		if (!fn(ctx, &r)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	buf_free(&jcodes);
	return err;
}

gn_err store_training_staff_put(store *st, const char *unit, int year, int64_t staff,
				int64_t user)
{
	if (blank(unit) || year <= 0)
		return st_refuse(st, "a staff count needs a unit and a year");
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	int64_t old = -1;
	sqlite3_stmt *s;
	if ((err = st_prepare(st, "SELECT staff FROM training_staff WHERE unit_code = ? AND year = ?", &s)))
		goto done;
	st_bind_text(s, 1, unit);
	sqlite3_bind_int(s, 2, year);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		old = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		err = st_fail(st, rc);
	sqlite3_finalize(s);
	if (err)
		goto done;
	if (staff < 0)
		err = st_prepare(st, "DELETE FROM training_staff WHERE unit_code = ?1 AND year = ?2", &s);
	else
		err = st_prepare(st,
			   "INSERT INTO training_staff(unit_code, year, staff) VALUES(?1, ?2, ?3) "
			   "ON CONFLICT(unit_code, year) DO UPDATE SET staff = excluded.staff",
			   &s);
	if (err)
		goto done;
	st_bind_text(s, 1, unit);
	sqlite3_bind_int(s, 2, year);
	if (staff >= 0)
		sqlite3_bind_int64(s, 3, staff);
	if ((err = st_exec_final(st, s)))
		goto done;
	if (old != staff) {
		char k[80], a[24], b[24];
		snprintf(k, sizeof k, "training/staff/%s/%d", unit, year);
		snprintf(a, sizeof a, "%lld", (long long)old);
		snprintf(b, sizeof b, "%lld", (long long)staff);
		err = st_audit_put(st, user, "training_staff", k, "staff", old < 0 ? NULL : a,
				   staff < 0 ? NULL : b);
	}
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_training_staff_each(store *st, int year, const char *const *codes, size_t ncodes,
				 bool (*fn)(void *ctx, const char *unit, int64_t staff),
				 void *ctx)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT unit_code, staff FROM training_staff WHERE year = ?1 "
			  "AND (?2 IS NULL OR unit_code IN (SELECT value FROM json_each(?2))) "
			  "ORDER BY unit_code",
			  &s);
	if (err)
		return err;
	buf jcodes;
	buf_init(&jcodes, 0);
	sqlite3_bind_int(s, 1, year);
	bind_codes(s, 2, codes, ncodes, &jcodes);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *u = sqlite3_column_text(s, 0);
		if (!fn(ctx, u ? (const char *)u : "", sqlite3_column_int64(s, 1))) {
			rc = SQLITE_DONE;
			break;
		}
	}
	err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	sqlite3_finalize(s);
	buf_free(&jcodes);
	return err;
}

/* ---- missions ---------------------------------------------------------------------- */

#define MISSION_COLS                                                                       \
	"m.id, m.kind, m.name, m.decision_no, m.unit_code, m.start_date, m.end_date, m.team, " \
	"m.project, m.report_date, m.created_by, m.updated_at, "                               \
	"(SELECT group_concat(unit_code, ';') FROM (SELECT unit_code FROM inspection_units u " \
	"  WHERE u.mission_id = m.id ORDER BY unit_code))"

void st_mission_clear(st_mission *m)
{
	if (!m)
		return;
	free(m->name);
	free(m->decision_no);
	free(m->team);
	free(m->units);
	memset(m, 0, sizeof *m);
}

void store_missions_free(st_mission *m, size_t n)
{
	if (!m)
		return;
	for (size_t i = 0; i < n; i++)
		st_mission_clear(&m[i]);
	free(m);
}

static void read_mission(sqlite3_stmt *s, void *out)
{
	st_mission *m = out;
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	st_col_copy(s, 1, m->kind, sizeof m->kind);
	m->name = st_col_dup(s, 2);
	m->decision_no = st_col_dup(s, 3);
	st_col_copy(s, 4, m->unit_code, sizeof m->unit_code);
	st_col_copy(s, 5, m->start_date, sizeof m->start_date);
	st_col_copy(s, 6, m->end_date, sizeof m->end_date);
	m->team = st_col_dup(s, 7);
	st_col_copy(s, 8, m->project, sizeof m->project);
	st_col_copy(s, 9, m->report_date, sizeof m->report_date);
	m->created_by = sqlite3_column_int64(s, 10);
	m->updated_at = sqlite3_column_int64(s, 11);
	const char *list = (const char *)sqlite3_column_text(s, 12);
	if (list && *list) {
		size_t k = 1;
		for (const char *p = list; *p; p++)
			k += *p == ';';
		m->units = gn_xcalloc(k, sizeof *m->units);
		const char *p = list;
		while (*p) {
			const char *e = strchr(p, ';');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			if (len >= ST_CODE)
				len = ST_CODE - 1;
			memcpy(m->units[m->nunits], p, len);
			m->units[m->nunits][len] = '\0';
			m->nunits++;
			p += e ? (size_t)(e - p) + 1 : strlen(p);
		}
	}
}

static void mission_key(char *out, size_t cap, int64_t id)
{
	snprintf(out, cap, "inspection/mission/%lld", (long long)id);
}

static gn_err mission_check(store *st, const st_mission *m)
{
	if (!m->kind[0] || blank(m->name) || !m->unit_code[0] || !m->start_date[0] ||
	    !m->end_date[0])
		return st_refuse(st, "a mission needs a kind, a name, a unit and dates");
	return GN_OK;
}

static void bind_mission(sqlite3_stmt *s, const st_mission *m)
{
	st_bind_text(s, 2, m->kind);
	st_bind_text(s, 3, m->name);
	st_bind_text(s, 4, m->decision_no);
	st_bind_text(s, 5, m->unit_code);
	st_bind_text(s, 6, m->start_date);
	st_bind_text(s, 7, m->end_date);
	st_bind_text(s, 8, m->team);
	st_bind_text(s, 9, m->project[0] ? m->project : "DA7.2");
	st_bind_text(s, 10, m->report_date);
}

static gn_err put_units(store *st, const st_mission *m, bool replace)
{
	sqlite3_stmt *s;
	gn_err err;
	if (replace) {
		if ((err = st_prepare(st, "DELETE FROM inspection_units WHERE mission_id = ?", &s)))
			return err;
		sqlite3_bind_int64(s, 1, m->id);
		if ((err = st_exec_final(st, s)))
			return err;
	}
	if (m->nunits == 0)
		return GN_OK;
	if ((err = st_prepare(st,
			"INSERT OR IGNORE INTO inspection_units(mission_id, unit_code) VALUES(?, ?)",
			&s)))
		return err;
	for (size_t i = 0; i < m->nunits && !err; i++) {
		sqlite3_bind_int64(s, 1, m->id);
		st_bind_text(s, 2, m->units[i]);
		err = st_exec_stmt(st, s);
	}
	sqlite3_finalize(s);
	return err;
}

static int by_code(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* The inspected codes joined by ';', in code order. */
static void units_joined(const st_mission *m, buf *b)
{
	buf_reset(b);
	char (*sorted)[ST_CODE] = gn_xcalloc(m->nunits ? m->nunits : 1, sizeof *sorted);
	memcpy(sorted, m->units, m->nunits * sizeof *sorted);
	qsort(sorted, m->nunits, sizeof *sorted, by_code);
	for (size_t i = 0; i < m->nunits; i++) {
		if (i && strcmp(sorted[i], sorted[i - 1]) == 0)
			continue;
		if (b->len)
			buf_putc(b, ';');
		buf_puts(b, sorted[i]);
	}
	free(sorted);
}

gn_err store_mission_add(store *st, st_mission *m, int64_t user)
{
	gn_err err = mission_check(st, m);
	if (err)
		return err;
	sqlite3_stmt *s;
	if ((err = st_prepare(st,
			"INSERT INTO inspection_missions(id, kind, name, decision_no, unit_code, "
			"start_date, end_date, team, project, report_date, created_by, updated_at) "
			"VALUES(NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
			&s)))
		return err;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	if (!m->updated_at)
		m->updated_at = st_now();
	if (!m->created_by)
		m->created_by = user;
	bind_mission(s, m);
	sqlite3_bind_int64(s, 11, m->created_by);
	sqlite3_bind_int64(s, 12, m->updated_at);
	if ((err = st_exec_final(st, s)))
		goto done;
	m->id = sqlite3_last_insert_rowid(st->db);
	if ((err = put_units(st, m, false)))
		goto done;
	char k[48];
	mission_key(k, sizeof k, m->id);
	buf u;
	buf_init(&u, 0);
	units_joined(m, &u);
	if (!(err = st_audit_put(st, user, "mission", k, "created", NULL, m->name)))
		err = st_audit_change(st, user, "mission", k, "units", "", buf_cstr(&u));
	buf_free(&u);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_mission_get(store *st, int64_t id, st_mission *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " MISSION_COLS " FROM inspection_missions m WHERE m.id = ?", &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_mission, out);
}

gn_err store_mission_update(store *st, const st_mission *m, int64_t user)
{
	gn_err err = mission_check(st, m);
	if (err)
		return err;
	if ((err = st_savepoint(st)))
		return err;
	st_mission old = {0};
	buf ou, nu;
	buf_init(&ou, 0);
	buf_init(&nu, 0);
	sqlite3_stmt *s;
	if ((err = store_mission_get(st, m->id, &old)) ||
	    (err = st_prepare(st,
			"UPDATE inspection_missions SET kind = ?2, name = ?3, decision_no = ?4, "
			"unit_code = ?5, start_date = ?6, end_date = ?7, team = ?8, project = ?9, "
			"report_date = ?10, updated_at = ?11 WHERE id = ?1",
			&s)))
		goto done;
	sqlite3_bind_int64(s, 1, m->id);
	bind_mission(s, m);
	sqlite3_bind_int64(s, 11, m->updated_at ? m->updated_at : st_now());
	if ((err = st_exec_final(st, s)) || (err = put_units(st, m, true)))
		goto done;
	units_joined(&old, &ou);
	units_joined(m, &nu);
	char k[48];
	mission_key(k, sizeof k, m->id);
	const char *e = "mission";
	if ((err = st_audit_change(st, user, e, k, "kind", old.kind, m->kind)) ||
	    (err = st_audit_change(st, user, e, k, "name", old.name, m->name)) ||
	    (err = st_audit_change(st, user, e, k, "decision_no", old.decision_no, m->decision_no)) ||
	    (err = st_audit_change(st, user, e, k, "unit_code", old.unit_code, m->unit_code)) ||
	    (err = st_audit_change(st, user, e, k, "start_date", old.start_date, m->start_date)) ||
	    (err = st_audit_change(st, user, e, k, "end_date", old.end_date, m->end_date)) ||
	    (err = st_audit_change(st, user, e, k, "team", old.team, m->team)) ||
	    (err = st_audit_change(st, user, e, k, "project", old.project,
				m->project[0] ? m->project : "DA7.2")) ||
	    (err = st_audit_change(st, user, e, k, "report_date", old.report_date, m->report_date)) ||
	    (err = st_audit_change(st, user, e, k, "units", buf_cstr(&ou), buf_cstr(&nu))))
		goto done;
done:
	st_mission_clear(&old);
	buf_free(&ou);
	buf_free(&nu);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_missions_list(store *st, const st_mission_filter *f, st_mission **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(
		st,
		"SELECT " MISSION_COLS " FROM inspection_missions m "
		"WHERE (?2 = 0 OR substr(m.start_date, 1, 4) = printf('%04d', ?2)) "
		"AND (?1 IS NULL OR m.unit_code IN (SELECT value FROM json_each(?1)) "
		"  OR EXISTS (SELECT 1 FROM inspection_units u WHERE u.mission_id = m.id "
		"             AND u.unit_code IN (SELECT value FROM json_each(?1))) "
		"  OR EXISTS (SELECT 1 FROM inspection_recommendations r WHERE r.mission_id = m.id "
		"             AND r.unit_code IN (SELECT value FROM json_each(?1)))) "
		"ORDER BY m.start_date DESC, m.id DESC",
		&s);
	if (err)
		return err;
	buf codes;
	buf_init(&codes, 0);
	bind_codes(s, 1, f->unit_codes, f->nunits, &codes);
	sqlite3_bind_int(s, 2, f->year);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_mission), read_mission, &rows, n);
	buf_free(&codes);
	if (err) {
		store_missions_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

/* ---- findings ------------------------------------------------------------------------ */

void store_findings_free(st_finding *f, size_t n)
{
	if (!f)
		return;
	for (size_t i = 0; i < n; i++)
		free(f[i].text);
	free(f);
}

static void read_finding(sqlite3_stmt *s, void *out)
{
	st_finding *f = out;
	f->id = sqlite3_column_int64(s, 0);
	f->mission_id = sqlite3_column_int64(s, 1);
	st_col_copy(s, 2, f->unit_code, sizeof f->unit_code);
	f->text = st_col_dup(s, 3);
}

gn_err store_findings_of(store *st, int64_t mission_id, st_finding **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT id, mission_id, unit_code, text FROM inspection_findings "
			  "WHERE mission_id = ? ORDER BY id",
			  &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, mission_id);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_finding), read_finding, &rows, n);
	if (err) {
		store_findings_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

static void finding_key(char *out, size_t cap, int64_t mission, int64_t id)
{
	snprintf(out, cap, "inspection/mission/%lld/finding/%lld", (long long)mission,
		 (long long)id);
}

gn_err store_findings_set(store *st, int64_t mission_id, st_finding *f, size_t n,
			  int64_t user)
{
	for (size_t i = 0; i < n; i++)
		if (blank(f[i].text))
			return st_refuse(st, "a finding needs a text");
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_finding *old = NULL;
	size_t nold = 0;
	bool *kept = NULL;
	sqlite3_stmt *ins = NULL, *upd = NULL, *del = NULL;
	if ((err = store_findings_of(st, mission_id, &old, &nold)))
		goto done;
	kept = gn_xcalloc(nold ? nold : 1, sizeof *kept);
	if ((err = st_prepare(st,
			"INSERT INTO inspection_findings(mission_id, unit_code, text) VALUES(?1, ?2, ?3)",
			&ins)) ||
	    (err = st_prepare(st, "UPDATE inspection_findings SET unit_code = ?2, text = ?3 WHERE id = ?1",
			&upd)) ||
	    (err = st_prepare(st, "DELETE FROM inspection_findings WHERE id = ?", &del)))
		goto done;
	char k[96];
	for (size_t i = 0; i < n && !err; i++) {
		f[i].mission_id = mission_id;
		if (f[i].id == 0) {
			sqlite3_bind_int64(ins, 1, mission_id);
			st_bind_text(ins, 2, f[i].unit_code);
			st_bind_text(ins, 3, f[i].text);
			if ((err = st_exec_stmt(st, ins)))
				break;
			f[i].id = sqlite3_last_insert_rowid(st->db);
			finding_key(k, sizeof k, mission_id, f[i].id);
			err = st_audit_put(st, user, "finding", k, "created", NULL, f[i].text);
			continue;
		}
		size_t j = 0;
		while (j < nold && old[j].id != f[i].id)
			j++;
		if (j == nold || kept[j]) {
			err = GN_ENOTFOUND;
			break;
		}
		kept[j] = true;
		sqlite3_bind_int64(upd, 1, f[i].id);
		st_bind_text(upd, 2, f[i].unit_code);
		st_bind_text(upd, 3, f[i].text);
		if ((err = st_exec_stmt(st, upd)))
			break;
		finding_key(k, sizeof k, mission_id, f[i].id);
		if (!(err = st_audit_change(st, user, "finding", k, "unit_code", old[j].unit_code,
					 f[i].unit_code)))
			err = st_audit_change(st, user, "finding", k, "text", old[j].text, f[i].text);
	}
	for (size_t j = 0; j < nold && !err; j++) {
		if (kept[j])
			continue;
		sqlite3_bind_int64(del, 1, old[j].id);
		if ((err = st_exec_stmt(st, del)))
			break;
		finding_key(k, sizeof k, mission_id, old[j].id);
		err = st_audit_put(st, user, "finding", k, "deleted", old[j].text, NULL);
	}
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(del);
	free(kept);
	store_findings_free(old, nold);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

/* ---- recommendations ------------------------------------------------------------------- */

#define REC_COLS                                                                            \
	"r.id, r.mission_id, r.text, r.unit_code, r.due_date, r.status, r.resolved_date, "      \
	"r.evidence, r.created_by, r.updated_at, coalesce(e.filename, ''), "                    \
	"coalesce(length(e.data), 0) FROM inspection_recommendations r "                        \
	"LEFT JOIN inspection_evidence e ON e.recommendation_id = r.id"

void st_recommendation_clear(st_recommendation *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->evidence);
	free(r->file_name);
	memset(r, 0, sizeof *r);
}

void store_recommendations_free(st_recommendation *r, size_t n)
{
	if (!r)
		return;
	for (size_t i = 0; i < n; i++)
		st_recommendation_clear(&r[i]);
	free(r);
}

static void read_rec(sqlite3_stmt *s, void *out)
{
	st_recommendation *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->mission_id = sqlite3_column_int64(s, 1);
	r->text = st_col_dup(s, 2);
	st_col_copy(s, 3, r->unit_code, sizeof r->unit_code);
	st_col_copy(s, 4, r->due_date, sizeof r->due_date);
	st_col_copy(s, 5, r->status, sizeof r->status);
	st_col_copy(s, 6, r->resolved_date, sizeof r->resolved_date);
	r->evidence = st_col_dup(s, 7);
	r->created_by = sqlite3_column_int64(s, 8);
	r->updated_at = sqlite3_column_int64(s, 9);
	r->file_name = st_col_dup(s, 10);
	r->file_size = sqlite3_column_int64(s, 11);
}

static void rec_key(char *out, size_t cap, int64_t mission, int64_t id)
{
	snprintf(out, cap, "inspection/mission/%lld/recommendation/%lld", (long long)mission,
		 (long long)id);
}

static gn_err rec_check(store *st, const st_recommendation *r)
{
	if (blank(r->text) || !r->unit_code[0] || !r->due_date[0] || r->mission_id <= 0)
		return st_refuse(st, "a recommendation needs a mission, a text, a unit and a due date");
	return GN_OK;
}

gn_err store_recommendation_add(store *st, st_recommendation *r, int64_t user)
{
	gn_err err = rec_check(st, r);
	if (err)
		return err;
	sqlite3_stmt *s;
	if ((err = st_prepare(st,
			"INSERT INTO inspection_recommendations(mission_id, text, unit_code, due_date, "
			"status, resolved_date, evidence, created_by, updated_at) "
			"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			&s)))
		return err;
	if ((err = st_savepoint(st))) {
		sqlite3_finalize(s);
		return err;
	}
	if (!r->status[0])
		snprintf(r->status, sizeof r->status, "open");
	if (!r->updated_at)
		r->updated_at = st_now();
	if (!r->created_by)
		r->created_by = user;
	sqlite3_bind_int64(s, 1, r->mission_id);
	st_bind_text(s, 2, r->text);
	st_bind_text(s, 3, r->unit_code);
	st_bind_text(s, 4, r->due_date);
	st_bind_text(s, 5, r->status);
	st_bind_text(s, 6, r->resolved_date);
	st_bind_text(s, 7, r->evidence);
	sqlite3_bind_int64(s, 8, r->created_by);
	sqlite3_bind_int64(s, 9, r->updated_at);
	if ((err = st_exec_final(st, s)))
		goto done;
	r->id = sqlite3_last_insert_rowid(st->db);
	char k[96];
	rec_key(k, sizeof k, r->mission_id, r->id);
	err = st_audit_put(st, user, "recommendation", k, "created", NULL, r->text);
done:
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_recommendation_get(store *st, int64_t id, st_recommendation *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " REC_COLS " WHERE r.id = ?", &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, id);
	return st_one_row(st, s, false, read_rec, out);
}

gn_err store_recommendation_update(store *st, const st_recommendation *r, int64_t user)
{
	gn_err err = rec_check(st, r);
	if (err)
		return err;
	if ((err = st_savepoint(st)))
		return err;
	st_recommendation old = {0};
	sqlite3_stmt *s;
	if ((err = store_recommendation_get(st, r->id, &old)) ||
	    (err = st_prepare(st,
			"UPDATE inspection_recommendations SET text = ?2, unit_code = ?3, due_date = ?4, "
			"status = ?5, resolved_date = ?6, evidence = ?7, updated_at = ?8 WHERE id = ?1",
			&s)))
		goto done;
	sqlite3_bind_int64(s, 1, r->id);
	st_bind_text(s, 2, r->text);
	st_bind_text(s, 3, r->unit_code);
	st_bind_text(s, 4, r->due_date);
	st_bind_text(s, 5, r->status[0] ? r->status : "open");
	st_bind_text(s, 6, r->resolved_date);
	st_bind_text(s, 7, r->evidence);
	sqlite3_bind_int64(s, 8, r->updated_at ? r->updated_at : st_now());
	if ((err = st_exec_final(st, s)))
		goto done;
	char k[96];
	rec_key(k, sizeof k, old.mission_id, r->id);
	const char *e = "recommendation";
	if ((err = st_audit_change(st, user, e, k, "status", old.status,
				r->status[0] ? r->status : "open")) ||
	    (err = st_audit_change(st, user, e, k, "resolved_date", old.resolved_date,
				r->resolved_date)) ||
	    (err = st_audit_change(st, user, e, k, "evidence", old.evidence, r->evidence)) ||
	    (err = st_audit_change(st, user, e, k, "text", old.text, r->text)) ||
	    (err = st_audit_change(st, user, e, k, "unit_code", old.unit_code, r->unit_code)) ||
	    (err = st_audit_change(st, user, e, k, "due_date", old.due_date, r->due_date)))
		goto done;
done:
	st_recommendation_clear(&old);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_recommendations_list(store *st, const st_recommendation_filter *f,
				  st_recommendation **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT " REC_COLS " WHERE (?1 = 0 OR r.mission_id = ?1) "
			  "AND (?2 IS NULL OR r.unit_code IN (SELECT value FROM json_each(?2))) "
			  "AND (?3 IS NULL OR r.status = ?3) "
			  "AND (?4 = 0 OR r.status <> 'resolved') ORDER BY r.due_date, r.id",
			  &s);
	if (err)
		return err;
	buf codes;
	buf_init(&codes, 0);
	sqlite3_bind_int64(s, 1, f->mission_id);
	bind_codes(s, 2, f->unit_codes, f->nunits, &codes);
	if (f->status)
		st_bind_text(s, 3, f->status);
	sqlite3_bind_int(s, 4, f->unresolved ? 1 : 0);
	void *rows;
	err = st_all_rows(st, s, false, sizeof(st_recommendation), read_rec, &rows, n);
	buf_free(&codes);
	if (err) {
		store_recommendations_free(rows, *n);
		*n = 0;
		return err;
	}
	*out = rows;
	return GN_OK;
}

gn_err store_evidence_put(store *st, int64_t rec_id, const char *filename,
			  const char *content_type, const void *data, size_t len, int64_t user)
{
	if (blank(filename) || blank(content_type))
		return st_refuse(st, "an evidence file needs a name and a type");
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_recommendation r = {0};
	sqlite3_stmt *s;
	if ((err = store_recommendation_get(st, rec_id, &r)) ||
	    (err = st_prepare(st,
			"INSERT INTO inspection_evidence(recommendation_id, filename, content_type, "
			"data, uploaded_by, uploaded_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
			"ON CONFLICT(recommendation_id) DO UPDATE SET filename = excluded.filename, "
			"content_type = excluded.content_type, data = excluded.data, "
			"uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at",
			&s)))
		goto done;
	sqlite3_bind_int64(s, 1, rec_id);
	st_bind_text(s, 2, filename);
	st_bind_text(s, 3, content_type);
	sqlite3_bind_blob64(s, 4, len ? data : "", len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, user);
	sqlite3_bind_int64(s, 6, st_now());
	if ((err = st_exec_final(st, s)))
		goto done;
	char k[96];
	rec_key(k, sizeof k, r.mission_id, rec_id);
	err = st_audit_put(st, user, "recommendation", k, "evidence_file", st_or_null(r.file_name),
			   filename);
done:
	st_recommendation_clear(&r);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_evidence_get(store *st, int64_t rec_id, char filename[ST_NAME],
			  char content_type[64], void **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	sqlite3_stmt *s;
	gn_err err = st_prepare(st,
			  "SELECT filename, content_type, data FROM inspection_evidence "
			  "WHERE recommendation_id = ?",
			  &s);
	if (err)
		return err;
	sqlite3_bind_int64(s, 1, rec_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		st_col_copy(s, 0, filename, ST_NAME);
		st_col_copy(s, 1, content_type, 64);
		const void *b = sqlite3_column_blob(s, 2);
		size_t n = (size_t)sqlite3_column_bytes(s, 2);
		*data = gn_xmalloc(n ? n : 1);
		if (n)
			memcpy(*data, b, n);
		*len = n;
	} else if (rc == SQLITE_DONE) {
		err = GN_ENOTFOUND;
	} else {
		err = st_fail(st, rc);
	}
	sqlite3_finalize(s);
	return err;
}
