/*
 * sqlite_me_results.c - the results framework's entered and imported
 * values and local targets in the SQLite store (store_me_results.h; table
 * result_values of sql_me_results.h).
 *
 * Layer: store. The M&E tables are small: each call prepares its
 * statement (sqlite3_prepare_v2) instead of the cache of store_int.h.
 * Writes run in a savepoint (all or nothing inside the caller's
 * transaction) and are audited field by field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/indicators.h"
#include "store_int.h"

#define COLS "indicator, unit_code, period, year, value, target, value_source, " \
	     "target_source, updated_at, updated_by"

static void read_row(sqlite3_stmt *s, st_result *r)
{
	memset(r, 0, sizeof *r);
	st_col_copy(s, 0, r->indicator, sizeof r->indicator);
	st_col_copy(s, 1, r->unit_code, sizeof r->unit_code);
	st_col_copy(s, 2, r->period, sizeof r->period);
	r->year = sqlite3_column_int(s, 3);
	r->has_value = sqlite3_column_type(s, 4) != SQLITE_NULL;
	r->value = r->has_value ? sqlite3_column_int64(s, 4) : 0;
	r->has_target = sqlite3_column_type(s, 5) != SQLITE_NULL;
	r->target = r->has_target ? sqlite3_column_int64(s, 5) : 0;
	st_col_copy(s, 6, r->value_source, sizeof r->value_source);
	st_col_copy(s, 7, r->target_source, sizeof r->target_source);
	r->updated_at = sqlite3_column_int64(s, 8);
	r->updated_by = sqlite3_column_int64(s, 9);
}

/* A value as audit text: the shortest exact decimal ("1.25", "3"). */
static void value_text(char *out, size_t cap, bool has, int64_t v)
{
	if (!has) {
		out[0] = '\0';
		return;
	}
	int dec = IND_MAX_DECIMALS;
	while (dec > 0 && ind_fits_decimals(v, dec - 1))
		dec--;
	buf b;
	buf_init(&b, 64);
	ind_format(&b, v, dec);
	st_copy_fixed(out, cap, buf_cstr(&b));
	buf_free(&b);
}

static void record_key(char *out, size_t cap, const char *ind, const char *unit, const char *per)
{
	snprintf(out, cap, "indicator/%s/%s/%s", ind, unit, per);
}

static gn_err audit_field(store *st, int64_t user, const char *key, const char *field,
			  bool had, int64_t old_v, bool has, int64_t new_v)
{
	if (had == has && (!has || old_v == new_v))
		return GN_OK;
	char a[40], b[40];
	value_text(a, sizeof a, had, old_v);
	value_text(b, sizeof b, has, new_v);
	return st_audit_put(st, user, "indicator_value", key, field, had ? a : NULL,
			    has ? b : NULL);
}

/* The canonical period text and its year; false when p is not a period. */
static bool canonical(const char *p, char out[8], int *year)
{
	ind_period per;
	if (!p || !ind_period_parse(p, strlen(p), &per))
		return false;
	ind_period_format(&per, out);
	*year = per.year;
	return true;
}

gn_err store_result_get(store *st, const char *indicator, const char *unit_code,
			const char *period, st_result *out)
{
	char per[8];
	int year;
	if (!canonical(period, per, &year))
		return GN_ENOTFOUND;
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " COLS " FROM result_values "
				 "WHERE indicator = ? AND unit_code = ? AND period = ?", &s);
	if (err)
		return err;
	st_bind_text(s, 1, indicator);
	st_bind_text(s, 2, unit_code);
	st_bind_text(s, 3, per);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_row(s, out);
	else if (rc == SQLITE_DONE)
		err = GN_ENOTFOUND;
	else
		err = st_fail(st, sqlite3_extended_errcode(st->db));
	sqlite3_finalize(s);
	return err;
}

static gn_err write_row(store *st, const st_result *r)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "INSERT INTO result_values(" COLS ") "
				 "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				 "ON CONFLICT(indicator, unit_code, period) DO UPDATE SET "
				 "value = excluded.value, target = excluded.target, "
				 "value_source = excluded.value_source, "
				 "target_source = excluded.target_source, "
				 "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
			     &s);
	if (err)
		return err;
	st_bind_text(s, 1, r->indicator);
	st_bind_text(s, 2, r->unit_code);
	st_bind_text(s, 3, r->period);
	sqlite3_bind_int(s, 4, r->year);
	if (r->has_value)
		sqlite3_bind_int64(s, 5, r->value);
	if (r->has_target)
		sqlite3_bind_int64(s, 6, r->target);
	st_bind_text(s, 7, r->has_value ? r->value_source : "");
	st_bind_text(s, 8, r->has_target ? r->target_source : "");
	sqlite3_bind_int64(s, 9, r->updated_at);
	sqlite3_bind_int64(s, 10, r->updated_by);
	return st_exec_final(st, s);
}

static gn_err delete_row(store *st, const st_result *r)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "DELETE FROM result_values "
				 "WHERE indicator = ? AND unit_code = ? AND period = ?", &s);
	if (err)
		return err;
	st_bind_text(s, 1, r->indicator);
	st_bind_text(s, 2, r->unit_code);
	st_bind_text(s, 3, r->period);
	return st_exec_final(st, s);
}

/* Writes next (or deletes it when it holds nothing) in place of old
 * (found: whether there was a row), auditing the changes. */
static gn_err change(store *st, const st_result *old, bool found, st_result *next, int64_t user)
{
	char key[96];
	record_key(key, sizeof key, next->indicator, next->unit_code, next->period);
	next->updated_at = st_now();
	next->updated_by = user;
	gn_err err = st_savepoint(st);
	if (err)
		return err;
	if (!found)
		err = st_audit_put(st, user, "indicator_value", key, "created", NULL, next->period);
	if (!err)
		err = audit_field(st, user, key, "value", found && old->has_value, old->value,
				  next->has_value, next->value);
	if (!err)
		err = audit_field(st, user, key, "target", found && old->has_target, old->target,
				  next->has_target, next->target);
	if (!err)
		err = next->has_value || next->has_target ? write_row(st, next) : delete_row(st, next);
	if (err) {
		st_rollback_to(st);
		return err;
	}
	return st_release(st);
}

gn_err store_result_put(store *st, const st_result *r, int64_t user)
{
	st_result next = {0}, old = {0};
	if (!r->has_value && !r->has_target)
		return GN_EINPUT;
	if (!canonical(r->period, next.period, &next.year) || !r->indicator[0] || !r->unit_code[0])
		return GN_EINPUT;
	st_copy_fixed(next.indicator, sizeof next.indicator, r->indicator);
	st_copy_fixed(next.unit_code, sizeof next.unit_code, r->unit_code);
	gn_err err = store_result_get(st, next.indicator, next.unit_code, next.period, &old);
	if (err && err != GN_ENOTFOUND)
		return err;
	bool found = err == GN_OK;
	if (found) {
		next.has_value = old.has_value;
		next.value = old.value;
		memcpy(next.value_source, old.value_source, sizeof next.value_source);
		next.has_target = old.has_target;
		next.target = old.target;
		memcpy(next.target_source, old.target_source, sizeof next.target_source);
	}
	if (r->has_value) {
		next.has_value = true;
		next.value = r->value;
		st_copy_fixed(next.value_source, sizeof next.value_source,
			      r->value_source[0] ? r->value_source : "entered");
	}
	if (r->has_target) {
		next.has_target = true;
		next.target = r->target;
		st_copy_fixed(next.target_source, sizeof next.target_source,
			      r->target_source[0] ? r->target_source : "entered");
	}
	if (found && old.has_value == next.has_value && old.value == next.value &&
	    old.has_target == next.has_target && old.target == next.target &&
	    strcmp(old.value_source, next.value_source) == 0 &&
	    strcmp(old.target_source, next.target_source) == 0)
		return GN_OK; /* nothing changes */
	return change(st, &old, found, &next, user);
}

gn_err store_result_clear(store *st, const char *indicator, const char *unit_code,
			  const char *period, bool value, bool target, int64_t user)
{
	st_result old;
	gn_err err = store_result_get(st, indicator, unit_code, period, &old);
	if (err)
		return err;
	st_result next = old;
	if (value) {
		next.has_value = false;
		next.value = 0;
		next.value_source[0] = '\0';
	}
	if (target) {
		next.has_target = false;
		next.target = 0;
		next.target_source[0] = '\0';
	}
	if (next.has_value == old.has_value && next.has_target == old.has_target)
		return GN_OK;
	return change(st, &old, true, &next, user);
}

gn_err store_results_each(store *st, const st_result_filter *f,
			  bool (*fn)(void *ctx, const st_result *r), void *ctx)
{
	sqlite3_stmt *s;
	gn_err err = st_prepare(st, "SELECT " COLS " FROM result_values "
				 "WHERE (?1 IS NULL OR unit_code IN (SELECT value FROM json_each(?1))) "
				 "AND (?2 IS NULL OR indicator = ?2) "
				 "AND (?3 = 0 OR year >= ?3) AND (?4 = 0 OR year <= ?4) "
				 "ORDER BY indicator, unit_code, year, period",
			     &s);
	if (err)
		return err;
	buf codes;
	buf_init(&codes, 0);
	if (f && f->unit_codes) {
		st_json_codes(&codes, f->unit_codes, f->nunits);
		st_bind_textn(s, 1, buf_cstr(&codes), codes.len);
	}
	if (f && f->indicator)
		st_bind_text(s, 2, f->indicator);
	sqlite3_bind_int(s, 3, f ? f->year_from : 0);
	sqlite3_bind_int(s, 4, f ? f->year_to : 0);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		st_result r;
		read_row(s, &r);
		if (!fn(ctx, &r)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	err = rc == SQLITE_DONE ? GN_OK : st_fail(st, sqlite3_extended_errcode(st->db));
	sqlite3_finalize(s);
	buf_free(&codes);
	return err;
}
