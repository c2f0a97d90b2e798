/*
 * sqlite_hh.c - households, members, reviews and the household search of
 * the SQLite store (store.h), with their audit trail.
 *
 * Layer: store (uses io/text.h for folding and the Vietnamese sort key).
 *
 * Audit: a put compares the record with the stored one and appends one
 * audit row per field that changed (old -> new, as text; NULL for "not
 * given"), in a savepoint, so inside the caller's transaction when there
 * is one and in its own otherwise. A record that did not exist gets one
 * row, field "created" (new value: the class of a review, the head's name
 * of a household, the name of a member), rather than one per field: an
 * import of 100,000 reviews writes 100,000 audit rows, not 2.5 million. A
 * member that disappears gets a row "deleted" with its old name.
 * Record keys: "H0001" (household), "H0001/2024" (review),
 * "H0001/member/2" (member).
 *
 * Search: households keep two shadow columns computed from the head's
 * name on every write: name_fold (text_fold: "duc" finds "Đức") searched
 * with LIKE '%q%', and sort_key (text_vn_sortkey) that orders the result
 * the Vietnamese way with a plain memcmp (BLOB order), so no collation
 * has to be registered and the same key serves any other database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../io/text.h"
#include "store_int.h"

/* ---- records ----------------------------------------------------------------- */

static void member_clear(st_member *m)
{
	free(m->name);
	free(m->ethnicity);
	free(m->relation);
	free(m->schooling);
	free(m->labour);
	memset(m, 0, sizeof *m);
}

void st_household_clear(st_household *h)
{
	if (!h)
		return;
	free(h->village);
	free(h->head_name);
	free(h->address);
	for (size_t i = 0; i < h->nmembers; i++)
		member_clear(&h->members[i]);
	free(h->members);
	memset(h, 0, sizeof *h);
}

void st_review_clear(st_review *r)
{
	if (!r)
		return;
	free(r->village);
	free(r->deprivations);
	free(r->head_name);
	free(r->head_ethnicity);
	free(r->causes);
	free(r->support_needs);
	memset(r, 0, sizeof *r);
}

void store_rows_free(st_household_row *rows, size_t n)
{
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++) {
		free(rows[i].village);
		free(rows[i].head_name);
	}
	free(rows);
}

static bool empty(const char *s)
{
	return !s || !*s;
}

/* ---- households and members --------------------------------------------------- */

static gn_err members_load(store *st, const char *id, st_household *h)
{
	sqlite3_stmt *s = st_stmt(st, Q_MEMBERS_GET);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (h->nmembers == cap) {
			cap = cap ? cap * 2 : 8;
			h->members = gn_xreallocarray(h->members, cap, sizeof *h->members);
		}
		st_member *m = &h->members[h->nmembers++];
		memset(m, 0, sizeof *m);
		m->seq = sqlite3_column_int(s, 0);
		m->name = st_col_dup(s, 1);
		const unsigned char *sex = sqlite3_column_text(s, 2);
		m->sex = sex && (sex[0] == 'M' || sex[0] == 'F') ? (char)sex[0] : 0;
		m->birth_year = sqlite3_column_int(s, 3);
		m->ethnicity = st_col_dup(s, 4);
		m->relation = st_col_dup(s, 5);
		st_col_copy(s, 6, m->id_number, sizeof m->id_number);
		m->health_insurance = (int8_t)sqlite3_column_int(s, 7);
		m->schooling = st_col_dup(s, 8);
		m->labour = st_col_dup(s, 9);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	return err;
}

static gn_err household_get(store *st, const char *id, bool with_members,
			    st_household *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_HH_GET);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, id);
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW) {
		st_col_copy(s, 0, out->id, sizeof out->id);
		st_col_copy(s, 1, out->unit_code, sizeof out->unit_code);
		out->village = st_col_dup(s, 2);
		out->head_name = st_col_dup(s, 3);
		out->address = st_col_dup(s, 4);
		out->updated_at = sqlite3_column_int64(s, 5);
	} else {
		err = rc == SQLITE_DONE ? GN_ENOTFOUND : st_fail(st, rc);
	}
	st_done(s);
	if (!err && with_members)
		err = members_load(st, id, out);
	if (err)
		st_household_clear(out);
	return err;
}

gn_err store_household_get(store *st, const char *id, st_household *out)
{
	return household_get(st, id, true, out);
}

/* Text of a member's fields, in a fixed order, for the audit. */
enum { MF_NAME, MF_SEX, MF_BIRTH, MF_ETHN, MF_RELATION, MF_IDNUM, MF_HEALTH,
       MF_SCHOOLING, MF_LABOUR, MF_N };
static const char *const member_field[MF_N] = {
	"name", "sex", "birth_year", "ethnicity", "relation", "id_number",
	"health_insurance", "schooling", "labour",
};

static void member_text(const st_member *m, buf v[MF_N])
{
	for (int i = 0; i < MF_N; i++)
		buf_reset(&v[i]);
	buf_puts(&v[MF_NAME], m->name ? m->name : "");
	if (m->sex)
		buf_putc(&v[MF_SEX], m->sex);
	if (m->birth_year)
		buf_put_i64(&v[MF_BIRTH], m->birth_year);
	buf_puts(&v[MF_ETHN], m->ethnicity ? m->ethnicity : "");
	buf_puts(&v[MF_RELATION], m->relation ? m->relation : "");
	buf_puts(&v[MF_IDNUM], m->id_number);
	if (m->health_insurance >= 0)
		buf_put_i64(&v[MF_HEALTH], m->health_insurance);
	buf_puts(&v[MF_SCHOOLING], m->schooling ? m->schooling : "");
	buf_puts(&v[MF_LABOUR], m->labour ? m->labour : "");
}

/* NULL for an empty value: "not given" in the audit. */
static const char *or_null(const buf *b)
{
	return b->len ? buf_cstr(b) : NULL;
}

static gn_err audit_diff(store *st, int64_t user, const char *entity,
			 const char *key, const char *const *names, buf *old_v,
			 buf *new_v, int n)
{
	gn_err err = GN_OK;
	for (int i = 0; i < n && !err; i++)
		if (old_v[i].len != new_v[i].len ||
		    memcmp(buf_cstr(&old_v[i]), buf_cstr(&new_v[i]), old_v[i].len) != 0)
			err = st_audit_put(st, user, entity, key, names[i],
					   or_null(&old_v[i]), or_null(&new_v[i]));
	return err;
}

static void bufs_init(buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_init(&b[i], 0);
}

static void bufs_free(buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_free(&b[i]);
}

static const st_member *member_by_seq(const st_household *h, int seq)
{
	for (size_t i = 0; i < h->nmembers; i++)
		if (h->members[i].seq == seq)
			return &h->members[i];
	return NULL;
}

/* Replaces the members of h->id by those of h, auditing the changes
 * against old (the stored household, or NULL when new). */
static gn_err members_write(store *st, const st_household *h,
			    const st_household *old, int64_t user)
{
	for (size_t i = 0; i < h->nmembers; i++)
		for (size_t j = i + 1; j < h->nmembers; j++)
			if (h->members[i].seq == h->members[j].seq) {
				buf_reset(&st->err);
				buf_printf(&st->err, "household %s: two members with seq %d",
					   h->id, h->members[i].seq);
				return GN_EINPUT;
			}
	sqlite3_stmt *s = st_stmt(st, Q_MEMBERS_DELETE);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, h->id);
	gn_err err = st_exec_stmt(st, s);
	if (err || !(s = st_stmt(st, Q_MEMBER_INSERT)))
		return err ? err : GN_EIO;
	buf ov[MF_N], nv[MF_N], key;
	bufs_init(ov, MF_N);
	bufs_init(nv, MF_N);
	buf_init(&key, 0);
	for (size_t i = 0; i < h->nmembers && !err; i++) {
		const st_member *m = &h->members[i];
		char sex[2] = {m->sex == 'M' || m->sex == 'F' ? m->sex : 0, 0};
		st_bind_text(s, 1, h->id);
		sqlite3_bind_int(s, 2, m->seq);
		st_bind_text(s, 3, m->name);
		st_bind_text(s, 4, sex);
		sqlite3_bind_int(s, 5, m->birth_year);
		st_bind_text(s, 6, m->ethnicity);
		st_bind_text(s, 7, m->relation);
		st_bind_text(s, 8, m->id_number);
		sqlite3_bind_int(s, 9, m->health_insurance);
		st_bind_text(s, 10, m->schooling);
		st_bind_text(s, 11, m->labour);
		err = st_exec_stmt(st, s);
		if (err)
			break;
		buf_reset(&key);
		buf_printf(&key, "%s/member/%d", h->id, m->seq);
		const st_member *was = old ? member_by_seq(old, m->seq) : NULL;
		if (!was) {
			err = st_audit_put(st, user, "member", buf_cstr(&key), "created", NULL,
					   m->name ? m->name : "");
			continue;
		}
		member_text(was, ov);
		member_text(m, nv);
		err = audit_diff(st, user, "member", buf_cstr(&key), member_field, ov, nv, MF_N);
	}
	for (size_t i = 0; old && i < old->nmembers && !err; i++) {
		const st_member *m = &old->members[i];
		if (member_by_seq(h, m->seq))
			continue;
		buf_reset(&key);
		buf_printf(&key, "%s/member/%d", h->id, m->seq);
		err = st_audit_put(st, user, "member", buf_cstr(&key), "deleted",
				   m->name ? m->name : "", NULL);
	}
	bufs_free(ov, MF_N);
	bufs_free(nv, MF_N);
	buf_free(&key);
	return err;
}

enum { HF_UNIT, HF_VILLAGE, HF_HEAD, HF_ADDRESS, HF_N };
static const char *const household_field[HF_N] = {
	"unit_code", "village", "head_name", "address",
};

static void household_text(const st_household *h, buf v[HF_N])
{
	for (int i = 0; i < HF_N; i++)
		buf_reset(&v[i]);
	buf_puts(&v[HF_UNIT], h->unit_code);
	buf_puts(&v[HF_VILLAGE], h->village ? h->village : "");
	buf_puts(&v[HF_HEAD], h->head_name ? h->head_name : "");
	buf_puts(&v[HF_ADDRESS], h->address ? h->address : "");
}

static gn_err household_write(store *st, const st_household *h, int64_t user,
			      bool with_members)
{
	if (empty(h->id) || empty(h->unit_code)) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a household needs an id and a unit code");
		return GN_EINPUT;
	}
	const char *head = h->head_name ? h->head_name : "";
	buf fold, key;
	buf_init(&fold, 0);
	buf_init(&key, 0);
	gn_err err = text_fold(head, strlen(head), &fold);
	if (!err)
		err = text_vn_sortkey(head, strlen(head), &key);
	if (err) {
		buf_reset(&st->err);
		buf_printf(&st->err, "household %s: the head's name is not valid UTF-8", h->id);
		buf_free(&fold);
		buf_free(&key);
		return err;
	}
	st_household old;
	bool exists = false;
	if ((err = st_savepoint(st)))
		goto out;
	err = household_get(st, h->id, with_members, &old);
	if (err == GN_OK)
		exists = true;
	else if (err != GN_ENOTFOUND)
		goto done;
	sqlite3_stmt *s = st_stmt(st, exists ? Q_HH_UPDATE : Q_HH_INSERT);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	st_bind_text(s, 1, h->id);
	st_bind_text(s, 2, h->unit_code);
	st_bind_text(s, 3, h->village);
	st_bind_text(s, 4, head);
	st_bind_text(s, 5, h->address);
	st_bind_textn(s, 6, buf_cstr(&fold), fold.len);
	sqlite3_bind_blob64(s, 7, key.len ? key.p : "", key.len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, st_now());
	if ((err = st_exec_stmt(st, s)))
		goto done;
	if (!exists) {
		err = st_audit_put(st, user, "household", h->id, "created", NULL, head);
	} else {
		buf ov[HF_N], nv[HF_N];
		bufs_init(ov, HF_N);
		bufs_init(nv, HF_N);
		household_text(&old, ov);
		household_text(h, nv);
		err = audit_diff(st, user, "household", h->id, household_field, ov, nv, HF_N);
		bufs_free(ov, HF_N);
		bufs_free(nv, HF_N);
	}
	if (!err && with_members)
		err = members_write(st, h, exists ? &old : NULL, user);
done:
	if (exists)
		st_household_clear(&old);
	if (err)
		st_rollback_to(st);
	else
		err = st_release(st);
out:
	buf_free(&fold);
	buf_free(&key);
	return err;
}

gn_err store_household_put(store *st, const st_household *h, int64_t user)
{
	return household_write(st, h, user, true);
}

gn_err store_household_put_info(store *st, const st_household *h, int64_t user)
{
	return household_write(st, h, user, false);
}

/* ---- reviews --------------------------------------------------------------------- */

/* Reads the columns of REVIEW_COLS. With copy, strings are malloc'd;
 * without, they point into the statement (valid until its next step). */
static void read_review(sqlite3_stmt *s, st_review *r, bool copy)
{
	memset(r, 0, sizeof *r);
#define TEXT(i) (copy ? st_col_dup(s, (i)) : (char *)(sqlite3_column_text(s, (i)) ? (const char *)sqlite3_column_text(s, (i)) : ""))
	st_col_copy(s, 0, r->household_id, sizeof r->household_id);
	r->year = sqlite3_column_int(s, 1);
	st_col_copy(s, 2, r->unit_code, sizeof r->unit_code);
	r->village = TEXT(3);
	r->members = sqlite3_column_int(s, 4);
	r->income = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 5);
	r->score_a = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 6);
	r->deprivations = TEXT(7);
	st_col_copy(s, 8, r->area, sizeof r->area);
	r->head_name = TEXT(9);
	const unsigned char *sex = sqlite3_column_text(s, 10);
	r->head_sex = sex && (sex[0] == 'M' || sex[0] == 'F') ? (char)sex[0] : 0;
	r->head_birth_year = sqlite3_column_int(s, 11);
	r->head_ethnicity = TEXT(12);
	st_col_copy(s, 13, r->id_number, sizeof r->id_number);
	r->merit = (int8_t)sqlite3_column_int(s, 14);
	r->no_labour = (int8_t)sqlite3_column_int(s, 15);
	r->social_protection = (int8_t)sqlite3_column_int(s, 16);
	r->causes = TEXT(17);
	r->support_needs = TEXT(18);
	st_col_copy(s, 19, r->cls, sizeof r->cls);
	st_col_copy(s, 20, r->status, sizeof r->status);
	r->round_id = sqlite3_column_int64(s, 21);
	r->updated_at = sqlite3_column_int64(s, 22);
	r->updated_by = sqlite3_column_int64(s, 23);
#undef TEXT
}

gn_err store_review_get(store *st, const char *household_id, int year,
			st_review *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = st_stmt(st, Q_REVIEW_GET);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, household_id);
	sqlite3_bind_int(s, 2, year);
	int rc = sqlite3_step(s);
	gn_err err = GN_OK;
	if (rc == SQLITE_ROW)
		read_review(s, out, true);
	else
		err = rc == SQLITE_DONE ? GN_ENOTFOUND : st_fail(st, rc);
	st_done(s);
	return err;
}

enum {
	RF_UNIT, RF_VILLAGE, RF_MEMBERS, RF_INCOME, RF_SCORE_A, RF_DEPRIVATIONS,
	RF_AREA, RF_HEAD, RF_SEX, RF_BIRTH, RF_ETHN, RF_IDNUM, RF_MERIT,
	RF_NO_LABOUR, RF_SOCIAL, RF_CAUSES, RF_NEEDS, RF_CLASS, RF_STATUS,
	RF_ROUND, RF_N
};
static const char *const review_field[RF_N] = {
	"unit_code", "village", "members", "income", "score_a", "deprivations",
	"area", "head_name", "head_sex", "head_birth_year", "head_ethnicity",
	"id_number", "merit", "no_labour", "social_protection", "causes",
	"support_needs", "class", "status", "round_id",
};

/* A score x 10^4 as a decimal: 1205000 -> "120.5". */
static void put_score(buf *b, int64_t v)
{
	buf_put_i64(b, v / 10000);
	int64_t f = v % 10000;
	if (f) {
		char d[16];
		snprintf(d, sizeof d, ".%04lld", (long long)f);
		size_t n = strlen(d);
		while (d[n - 1] == '0')
			n--;
		buf_put(b, d, n);
	}
}

static void review_text(const st_review *r, buf v[RF_N])
{
	for (int i = 0; i < RF_N; i++)
		buf_reset(&v[i]);
	buf_puts(&v[RF_UNIT], r->unit_code);
	buf_puts(&v[RF_VILLAGE], r->village ? r->village : "");
	buf_put_i64(&v[RF_MEMBERS], r->members);
	if (r->income >= 0)
		buf_put_i64(&v[RF_INCOME], r->income);
	if (r->score_a >= 0)
		put_score(&v[RF_SCORE_A], r->score_a);
	buf_puts(&v[RF_DEPRIVATIONS], r->deprivations ? r->deprivations : "");
	buf_puts(&v[RF_AREA], r->area);
	buf_puts(&v[RF_HEAD], r->head_name ? r->head_name : "");
	if (r->head_sex)
		buf_putc(&v[RF_SEX], r->head_sex);
	if (r->head_birth_year)
		buf_put_i64(&v[RF_BIRTH], r->head_birth_year);
	buf_puts(&v[RF_ETHN], r->head_ethnicity ? r->head_ethnicity : "");
	buf_puts(&v[RF_IDNUM], r->id_number);
	buf_put_i64(&v[RF_MERIT], r->merit);
	buf_put_i64(&v[RF_NO_LABOUR], r->no_labour);
	buf_put_i64(&v[RF_SOCIAL], r->social_protection);
	buf_puts(&v[RF_CAUSES], r->causes ? r->causes : "");
	buf_puts(&v[RF_NEEDS], r->support_needs ? r->support_needs : "");
	buf_puts(&v[RF_CLASS], r->cls);
	buf_puts(&v[RF_STATUS], r->status);
	buf_put_i64(&v[RF_ROUND], r->round_id);
}

gn_err store_review_put(store *st, const st_review *r, int64_t user)
{
	if (empty(r->household_id) || r->year <= 0 || empty(r->unit_code)) {
		buf_reset(&st->err);
		buf_puts(&st->err, "a review needs a household id, a year and a unit code");
		return GN_EINPUT;
	}
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_review old;
	bool exists = false;
	err = store_review_get(st, r->household_id, r->year, &old);
	if (err == GN_OK) {
		exists = true;
		if (strcmp(old.status, "locked") == 0) {
			buf_reset(&st->err);
			buf_printf(&st->err, "the review of household %s for %d is locked",
				   r->household_id, r->year);
			err = GN_EINPUT;
			goto done;
		}
	} else if (err != GN_ENOTFOUND) {
		goto done;
	}
	sqlite3_stmt *s = st_stmt(st, Q_REVIEW_PUT);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	char sex[2] = {r->head_sex == 'M' || r->head_sex == 'F' ? r->head_sex : 0, 0};
	st_bind_text(s, 1, r->household_id);
	sqlite3_bind_int(s, 2, r->year);
	st_bind_text(s, 3, r->unit_code);
	st_bind_text(s, 4, r->village);
	sqlite3_bind_int(s, 5, r->members);
	if (r->income >= 0)
		sqlite3_bind_int64(s, 6, r->income);
	if (r->score_a >= 0)
		sqlite3_bind_int64(s, 7, r->score_a);
	st_bind_text(s, 8, r->deprivations);
	st_bind_text(s, 9, r->area);
	st_bind_text(s, 10, r->head_name);
	st_bind_text(s, 11, sex);
	sqlite3_bind_int(s, 12, r->head_birth_year);
	st_bind_text(s, 13, r->head_ethnicity);
	st_bind_text(s, 14, r->id_number);
	sqlite3_bind_int(s, 15, r->merit);
	sqlite3_bind_int(s, 16, r->no_labour);
	sqlite3_bind_int(s, 17, r->social_protection);
	st_bind_text(s, 18, r->causes);
	st_bind_text(s, 19, r->support_needs);
	st_bind_text(s, 20, r->cls);
	st_bind_text(s, 21, r->status[0] ? r->status : "draft");
	sqlite3_bind_int64(s, 22, r->round_id);
	sqlite3_bind_int64(s, 23, r->updated_at ? r->updated_at : st_now());
	sqlite3_bind_int64(s, 24, user);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	char key[ST_CODE + 16];
	snprintf(key, sizeof key, "%s/%d", r->household_id, r->year);
	if (!exists) {
		err = st_audit_put(st, user, "review", key, "created", NULL, r->cls);
	} else {
		buf ov[RF_N], nv[RF_N];
		bufs_init(ov, RF_N);
		bufs_init(nv, RF_N);
		review_text(&old, ov);
		review_text(r, nv);
		if (!r->status[0])
			buf_puts(&nv[RF_STATUS], "draft");
		err = audit_diff(st, user, "review", key, review_field, ov, nv, RF_N);
		bufs_free(ov, RF_N);
		bufs_free(nv, RF_N);
	}
done:
	if (exists)
		st_review_clear(&old);
	if (err)
		st_rollback_to(st);
	else
		err = st_release(st);
	return err;
}

gn_err store_reviews_of(store *st, const char *household_id, st_review **out,
			size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = st_stmt(st, Q_REVIEWS_OF);
	if (!s)
		return GN_EIO;
	st_bind_text(s, 1, household_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		read_review(s, &(*out)[(*n)++], true);
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	if (err) {
		for (size_t i = 0; i < *n; i++)
			st_review_clear(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

gn_err store_reviews_each(store *st, int year,
			  bool (*fn)(void *ctx, const st_review *r), void *ctx)
{
	sqlite3_stmt *s = st_stmt(st, year ? Q_REVIEWS_EACH : Q_REVIEWS_ALL);
	if (!s)
		return GN_EIO;
	if (year)
		sqlite3_bind_int(s, 1, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_review r;
		read_review(s, &r, false);
		if (!fn(ctx, &r)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	return err;
}

/* ---- search ------------------------------------------------------------------------ */

/* Appends s to b with the LIKE wildcards % and _ (and the escape \)
 * escaped by a backslash. */
static void like_escape(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			buf_putc(b, '\\');
		buf_putc(b, s[i]);
	}
}

/* A JSON array of strings (st_json_codes). */
static void json_codes(buf *b, const char *const *codes, size_t n)
{
	buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		buf_putc(b, '"');
		for (const unsigned char *p = (const unsigned char *)codes[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_printf(b, "\\%c", *p);
			else if (*p < 0x20)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, (char)*p);
		}
		buf_putc(b, '"');
	}
	buf_putc(b, ']');
}

static void bind_search(sqlite3_stmt *s, const st_search *q, const buf *units,
			const buf *pattern, const buf *prefix)
{
	sqlite3_bind_int(s, 1, q->year);
	if (q->unit_codes)
		st_bind_textn(s, 2, buf_cstr(units), units->len);
	if (pattern->len) {
		st_bind_textn(s, 3, buf_cstr(pattern), pattern->len);
		st_bind_textn(s, 4, buf_cstr(prefix), prefix->len);
	}
	if (q->cls && q->cls[0])
		st_bind_text(s, 5, q->cls);
}

gn_err store_households_search(store *st, const st_search *q,
			       st_household_row **out, size_t *n, size_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	buf units, pattern, prefix, fold;
	buf_init(&units, 0);
	buf_init(&pattern, 0);
	buf_init(&prefix, 0);
	buf_init(&fold, 0);
	gn_err err = GN_OK;
	if (q->unit_codes)
		json_codes(&units, q->unit_codes, q->nunits);
	const char *text = q->query ? q->query : "";
	size_t tn = strlen(text);
	while (tn && (*text == ' ' || *text == '\t')) {
		text++;
		tn--;
	}
	while (tn && (text[tn - 1] == ' ' || text[tn - 1] == '\t'))
		tn--;
	if (tn) {
		if ((err = text_fold(text, tn, &fold))) {
			buf_reset(&st->err);
			buf_puts(&st->err, "the search text is not valid UTF-8");
			goto done;
		}
		buf_putc(&pattern, '%');
		like_escape(&pattern, buf_cstr(&fold), fold.len);
		buf_putc(&pattern, '%');
		like_escape(&prefix, text, tn);
		buf_putc(&prefix, '%');
	}
	sqlite3_stmt *s = st_stmt(st, Q_SEARCH_COUNT);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	bind_search(s, q, &units, &pattern, &prefix);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*total = (size_t)sqlite3_column_int64(s, 0);
	else
		err = st_fail(st, rc);
	st_done(s);
	if (err || *total == 0 || q->offset >= *total)
		goto done;
	if (!(s = st_stmt(st, Q_SEARCH))) {
		err = GN_EIO;
		goto done;
	}
	bind_search(s, q, &units, &pattern, &prefix);
	sqlite3_bind_int64(s, 6, q->limit ? (sqlite3_int64)q->limit : -1);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)q->offset);
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = gn_xreallocarray(*out, cap, sizeof **out);
		}
		st_household_row *row = &(*out)[(*n)++];
		memset(row, 0, sizeof *row);
		st_col_copy(s, 0, row->id, sizeof row->id);
		st_col_copy(s, 1, row->unit_code, sizeof row->unit_code);
		row->village = st_col_dup(s, 2);
		row->head_name = st_col_dup(s, 3);
		st_col_copy(s, 4, row->cls, sizeof row->cls);
	}
	if (rc != SQLITE_DONE)
		err = st_fail(st, rc);
	st_done(s);
done:
	buf_free(&units);
	buf_free(&pattern);
	buf_free(&prefix);
	buf_free(&fold);
	if (err) {
		store_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		*total = 0;
	}
	return err;
}

void st_json_codes(buf *b, const char *const *codes, size_t n)
{
	json_codes(b, codes, n);
}

/* ---- review status, reviews of a commune (issue 9) ------------------------------------ */

gn_err store_review_set_status(store *st, const char *household_id, int year,
			       const char *status, int64_t round_id, int64_t user)
{
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	st_review old;
	bool have = false;
	if ((err = store_review_get(st, household_id, year, &old)))
		goto done;
	have = true;
	if (strcmp(old.status, "locked") == 0) {
		buf_reset(&st->err);
		buf_printf(&st->err, "the review of household %s for %d is locked", household_id,
			   year);
		err = GN_EINPUT;
		goto done;
	}
	sqlite3_stmt *s = st_stmt(st, Q_REVIEW_SET_STATUS);
	if (!s) {
		err = GN_EIO;
		goto done;
	}
	st_bind_text(s, 1, household_id);
	sqlite3_bind_int(s, 2, year);
	st_bind_text(s, 3, status);
	sqlite3_bind_int64(s, 4, round_id);
	sqlite3_bind_int64(s, 5, st_now());
	sqlite3_bind_int64(s, 6, user);
	if ((err = st_exec_stmt(st, s)))
		goto done;
	char key[ST_CODE + 16];
	snprintf(key, sizeof key, "%s/%d", household_id, year);
	if (strcmp(old.status, status) != 0)
		err = st_audit_put(st, user, "review", key, "status", old.status[0] ? old.status : NULL,
				   status[0] ? status : NULL);
	if (!err && old.round_id != round_id) {
		char a[24], b[24];
		snprintf(a, sizeof a, "%lld", (long long)old.round_id);
		snprintf(b, sizeof b, "%lld", (long long)round_id);
		err = st_audit_put(st, user, "review", key, "round_id", a, b);
	}
done:
	if (have)
		st_review_clear(&old);
	if (err)
		st_rollback_to(st);
	else
		err = st_release(st);
	return err;
}

gn_err store_reviews_in_units(store *st, int year, const char *const *units, size_t n,
			      bool (*fn)(void *ctx, const st_review *r), void *ctx)
{
	if (n == 0)
		return GN_OK;
	sqlite3_stmt *s = st_stmt(st, Q_REVIEWS_IN_UNITS);
	if (!s)
		return GN_EIO;
	buf codes;
	buf_init(&codes, 0);
	json_codes(&codes, units, n);
	sqlite3_bind_int(s, 1, year);
	st_bind_textn(s, 2, buf_cstr(&codes), codes.len);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_review r;
		read_review(s, &r, false);
		if (!fn(ctx, &r)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	gn_err err = rc == SQLITE_DONE ? GN_OK : st_fail(st, rc);
	st_done(s);
	buf_free(&codes);
	return err;
}
