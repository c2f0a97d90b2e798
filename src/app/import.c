/*
 * import.c - interchange files into a store, all or nothing (import.h).
 *
 * Layer: app. Reading and checking reuse the io readers unchanged; this
 * file adds what needs the store: the units already stored (households
 * and population refer to them; a units file keeps the stored lineage),
 * the rule that a (household, year) appears once per file, and the write
 * in one transaction. Speed: a households import writes through the
 * store's cached prepared statements inside one transaction (WAL,
 * synchronous=NORMAL), about 100,000 rows a second or more.
 */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "budget.h"
#include "indicators.h"
#include "../io/households_file.h"
#include "../io/text.h"
#include "../io/units_file.h"
#include "../io/xlsx_read.h"

static const char *const kind_names[FILE_KIND_COUNT] = {
	"units", "lineage", "population", "households",
	[FILE_BUDGET] = "budget",
	[FILE_INDICATOR_VALUES] = "indicator_values",
};

const char *file_kind_name(file_kind k)
{
	return (unsigned)k < FILE_KIND_COUNT ? kind_names[k] : NULL;
}

bool file_kind_parse(const char *s, file_kind *out)
{
	for (int k = 0; k < FILE_KIND_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (file_kind)k;
			return true;
		}
	return false;
}

gn_err import_to_csv(const char *name, const void *data, size_t len, gn_diag *d,
		     buf *out)
{
	if (xlsx_is(data, len))
		return xlsx_to_csv(data, len, name, d, out);
	return buf_put(out, data, len);
}

/* A database failure, reported with the store's message. */
static gn_err db_error(store *st, const char *name, gn_diag *d, gn_err err)
{
	diag_error(d, name, 0, "", "database: %s (%s)", gn_strerror(err), store_errmsg(st));
	return err == GN_ENOMEM ? err : GN_EIO;
}

/* Commits, or rolls back in a dry run. */
static gn_err finish(store *st, const import_opts *o, const char *name, gn_diag *d)
{
	if (o->dry_run) {
		store_rollback(st);
		return GN_OK;
	}
	gn_err err = store_commit(st);
	if (err) {
		store_rollback(st);
		return db_error(st, name, d, err);
	}
	return GN_OK;
}

/* Adds every version of src to dst (a set not yet checked). */
static void copy_versions(unit_set *dst, const unit_set *src)
{
	size_t nc = units_ncodes(src);
	for (size_t c = 0; c < nc; c++) {
		size_t nv;
		const unit_version *v = units_versions(src, (int32_t)c, &nv);
		for (size_t k = 0; k < nv; k++) {
			unit_version x = v[k];
			const char *code = units_code(src, (int32_t)c);
			x.code = units_intern(dst, code, strlen(code));
			if (x.parent >= 0) {
				const char *p = units_code(src, x.parent);
				x.parent = units_intern(dst, p, strlen(p));
			}
			units_add_version(dst, &x);
		}
	}
}

static void copy_lineage(unit_set *dst, const unit_set *src)
{
	size_t nl;
	const lineage *l = units_lineage(src, &nl);
	for (size_t k = 0; k < nl; k++) {
		lineage x = l[k];
		const char *o = units_code(src, x.old_code), *n = units_code(src, x.new_code);
		x.old_code = units_intern(dst, o, strlen(o));
		x.new_code = units_intern(dst, n, strlen(n));
		units_add_lineage(dst, &x);
	}
}

/* ---- the caller's area ---------------------------------------------------------- */

static bool outside(const import_opts *o, const char *code)
{
	return o->in_area && !o->in_area(o->ctx, code);
}

static const char *outside_msg(const import_opts *o)
{
	return o->outside_msg ? o->outside_msg : "outside your area";
}

/* ---- units and lineage ------------------------------------------------------ */

typedef struct used_ctx {
	const unit_set *u;
	const char *name;
	gn_diag *d;
} used_ctx;

static bool check_used(void *p, const char *code)
{
	used_ctx *c = p;
	if (strcmp(code, "*") == 0)
		return true; /* a user's national scope, not a unit */
	int32_t i = units_find(c->u, code, strlen(code));
	size_t nv = 0;
	if (i >= 0)
		units_versions(c->u, i, &nv);
	if (nv == 0)
		diag_error(c->d, c->name, 0, "code",
			   "unit \"%s\" is missing, but the database holds households, population, users or programme records (plans, budgets, indicators, training, inspections, reports) on it",
			   code);
	return true;
}

/* The versions of code c of src added to dst (a set not yet checked). */
static void copy_code(unit_set *dst, const unit_set *src, int32_t c)
{
	size_t nv;
	const unit_version *v = units_versions(src, c, &nv);
	const char *code = units_code(src, c);
	for (size_t k = 0; k < nv; k++) {
		unit_version x = v[k];
		x.code = units_intern(dst, code, strlen(code));
		if (x.parent >= 0) {
			const char *p = units_code(src, x.parent);
			x.parent = units_intern(dst, p, strlen(p));
		}
		units_add_version(dst, &x);
	}
}

/* The code of a (checked) set, -1 when it has no version there. */
static int32_t code_in(const unit_set *u, const char *code)
{
	int32_t i = units_find(u, code, strlen(code));
	size_t nv = 0;
	if (i >= 0)
		units_versions(u, i, &nv);
	return nv ? i : -1;
}

static bool same_version(const unit_set *ua, const unit_version *a, const unit_set *ub,
			 const unit_version *b)
{
	if (a->level != b->level || a->type != b->type || a->urban != b->urban ||
	    a->from != b->from || a->to != b->to || strcmp(a->name, b->name) != 0 ||
	    (a->parent < 0) != (b->parent < 0))
		return false;
	return a->parent < 0 ||
	       strcmp(units_code(ua, a->parent), units_code(ub, b->parent)) == 0;
}

/* Whether v (of set u) is one of the versions of code sc in stored. */
static bool version_stored(const unit_set *u, const unit_version *v, const unit_set *stored,
			   int32_t sc)
{
	size_t nv = 0;
	const unit_version *w = sc >= 0 ? units_versions(stored, sc, &nv) : NULL;
	for (size_t k = 0; k < nv; k++)
		if (same_version(u, v, stored, &w[k]))
			return true;
	return false;
}

/* Inside the area: a stored code the callback accepts; a new code all of
 * whose versions have a parent inside. Memoised in state (0 unknown, 1
 * inside, 2 outside); parents sit on higher levels (checked), so the
 * recursion is as deep as the levels. */
static bool code_inside(const unit_set *u, const unit_set *stored, const import_opts *o,
			int32_t c, int8_t *state)
{
	if (state[c])
		return state[c] == 1;
	const char *code = units_code(u, c);
	bool in;
	if (code_in(stored, code) >= 0) {
		in = !outside(o, code);
	} else {
		size_t nv;
		const unit_version *v = units_versions(u, c, &nv);
		in = nv > 0;
		for (size_t k = 0; k < nv && in; k++)
			in = v[k].parent >= 0 && code_inside(u, stored, o, v[k].parent, state);
	}
	state[c] = in ? 1 : 2;
	return in;
}

/* A units file under an area: the file's versions, plus the stored
 * versions of the codes outside the area that the file leaves out. The
 * file's own versions keep their lines (stored ones have line 0). */
static void units_in_area(unit_set *u, const unit_set *file, const unit_set *stored,
			  const import_opts *o)
{
	copy_versions(u, file);
	size_t nc = units_ncodes(stored);
	for (size_t c = 0; c < nc; c++) {
		const char *code = units_code(stored, (int32_t)c);
		size_t nv;
		units_versions(stored, (int32_t)c, &nv);
		if (nv && code_in(file, code) < 0 && outside(o, code))
			copy_code(u, stored, (int32_t)c);
	}
}

/* Reports the versions of the file (u, checked) that change the map
 * outside the area. */
static void check_units_area(const unit_set *u, const unit_set *stored, const import_opts *o,
			     const char *name, gn_diag *d)
{
	size_t nc = units_ncodes(u);
	int8_t *state = gn_xcalloc(nc ? nc : 1, sizeof *state);
	for (size_t c = 0; c < nc; c++) {
		size_t nv, ns = 0;
		const unit_version *v = units_versions(u, (int32_t)c, &nv);
		const char *code = units_code(u, (int32_t)c);
		int32_t sc = code_in(stored, code);
		if (sc >= 0)
			units_versions(stored, sc, &ns);
		bool changed = nv != ns;
		for (size_t k = 0; k < nv && !changed; k++)
			changed = !version_stored(u, &v[k], stored, sc);
		if (!changed)
			continue;
		bool in = code_inside(u, stored, o, (int32_t)c, state);
		for (size_t k = 0; k < nv; k++) {
			if (version_stored(u, &v[k], stored, sc) && in)
				continue;
			if (!in) {
				/* the first line of the code in the file */
				diag_error(d, name, v[k].line, "code", "\"%s\": %s", code,
					   outside_msg(o));
				break;
			}
			if (v[k].parent >= 0 && !code_inside(u, stored, o, v[k].parent, state))
				diag_error(d, name, v[k].line, "parent_code", "\"%s\": %s",
					   units_code(u, v[k].parent), outside_msg(o));
		}
	}
	free(state);
}

static bool same_lineage(const unit_set *ua, const lineage *a, const unit_set *ub,
			 const lineage *b)
{
	return a->date == b->date &&
	       (__int128)a->share.num * b->share.den == (__int128)b->share.num * a->share.den &&
	       strcmp(units_code(ua, a->old_code), units_code(ub, b->old_code)) == 0 &&
	       strcmp(units_code(ua, a->new_code), units_code(ub, b->new_code)) == 0;
}

/* A lineage file under an area (u holds the stored versions and the
 * file's rows, unchecked): reports the file's new rows that touch the
 * outside, then adds the stored rows touching the outside that the file
 * leaves out. */
static void lineage_in_area(unit_set *u, const unit_set *stored, const import_opts *o,
			    const char *name, gn_diag *d)
{
	size_t nf, ns;
	const lineage *sl = units_lineage(stored, &ns);
	units_lineage(u, &nf);
	for (size_t i = 0; i < nf; i++) {
		const lineage *l = &units_lineage(u, &nf)[i];
		bool known = false;
		for (size_t k = 0; k < ns && !known; k++)
			known = same_lineage(u, l, stored, &sl[k]);
		if (known)
			continue;
		const char *oc = units_code(u, l->old_code), *nc = units_code(u, l->new_code);
		if (outside(o, oc))
			diag_error(d, name, l->line, "old_code", "\"%s\": %s", oc, outside_msg(o));
		else if (outside(o, nc))
			diag_error(d, name, l->line, "new_code", "\"%s\": %s", nc, outside_msg(o));
	}
	for (size_t k = 0; k < ns; k++) {
		const char *oc = units_code(stored, sl[k].old_code);
		const char *nc = units_code(stored, sl[k].new_code);
		if (!outside(o, oc) && !outside(o, nc))
			continue; /* inside: the file decides */
		bool in_file = false;
		for (size_t i = 0; i < nf && !in_file; i++)
			in_file = same_lineage(u, &units_lineage(u, &nf)[i], stored, &sl[k]);
		if (in_file)
			continue;
		lineage x = sl[k];
		x.old_code = units_intern(u, oc, strlen(oc));
		x.new_code = units_intern(u, nc, strlen(nc));
		x.line = 0;
		units_add_lineage(u, &x);
	}
}

static gn_err import_units(store *st, file_kind kind, const char *name,
			   const char *csv, size_t len, const import_opts *o,
			   gn_diag *d, size_t *rows)
{
	size_t before = diag_errors(d);
	unit_set *stored = NULL, *u = units_new(), *file = NULL;
	gn_err err = store_units_load(st, &stored);
	if (err) {
		err = db_error(st, name, d, err);
		goto done;
	}
	if (kind == FILE_UNITS && o->in_area) {
		/* The file alone, indexed to tell which codes it holds (its
		 * own checks come below, on the whole). */
		file = units_new();
		unitfile_read_units_mem(file, name, csv, len, d);
		if (diag_errors(d) == before) {
			gn_diag *quiet = diag_new(1);
			units_check(file, name, name, quiet);
			diag_free(quiet);
			units_in_area(u, file, stored, o);
		}
		copy_lineage(u, stored);
	} else if (kind == FILE_UNITS) {
		unitfile_read_units_mem(u, name, csv, len, d);
		copy_lineage(u, stored);
	} else {
		copy_versions(u, stored);
		unitfile_read_lineage_mem(u, name, csv, len, d);
		if (diag_errors(d) == before && o->in_area)
			lineage_in_area(u, stored, o, name, d);
	}
	if (diag_errors(d) == before)
		units_check(u, kind == FILE_UNITS ? name : "units (database)",
			    kind == FILE_UNITS ? "lineage (database)" : name, d);
	if (diag_errors(d) == before && kind == FILE_UNITS && o->in_area)
		check_units_area(u, stored, o, name, d);
	if (diag_errors(d) == before && kind == FILE_UNITS) {
		used_ctx c = {u, name, d};
		if ((err = store_unit_codes_used(st, check_used, &c))) {
			err = db_error(st, name, d, err);
			goto done;
		}
	}
	if (diag_errors(d) > before) {
		err = GN_EINPUT;
		goto done;
	}
	if ((err = store_begin(st))) {
		err = db_error(st, name, d, err);
		goto done;
	}
	if ((err = store_units_replace(st, u))) {
		store_rollback(st);
		err = db_error(st, name, d, err);
		goto done;
	}
	if ((err = finish(st, o, name, d)))
		goto done;
	/* The file's records (kept stored ones have line 0). */
	size_t n = 0;
	if (kind == FILE_UNITS) {
		size_t nc = units_ncodes(u), nv;
		for (size_t c = 0; c < nc; c++) {
			const unit_version *v = units_versions(u, (int32_t)c, &nv);
			for (size_t k = 0; k < nv; k++)
				n += v[k].line > 0;
		}
	} else {
		size_t nl;
		const lineage *l = units_lineage(u, &nl);
		for (size_t k = 0; k < nl; k++)
			n += l[k].line > 0;
	}
	*rows = n;
done:
	units_free(file);
	units_free(u);
	units_free(stored);
	return err;
}

/* ---- population ------------------------------------------------------------------ */

static gn_err import_population(store *st, const char *name, const char *csv,
				size_t len, const import_opts *o, gn_diag *d,
				size_t *rows)
{
	unit_set *u = NULL;
	pop_table pop = {0};
	gn_err err = store_units_load(st, &u);
	if (err) {
		err = db_error(st, name, d, err);
		goto done;
	}
	if ((err = popfile_load_mem(u, name, csv, len, d, &pop)))
		goto done;
	size_t before = diag_errors(d);
	for (size_t i = 0; i < pop.n; i++) {
		const char *code = units_code(u, pop.rows[i].code);
		if (outside(o, code))
			diag_error(d, name, pop.rows[i].line, "unit_code", "\"%s\": %s", code,
				   outside_msg(o));
	}
	if (diag_errors(d) > before) {
		err = GN_EINPUT;
		goto done;
	}
	if ((err = store_begin(st))) {
		err = db_error(st, name, d, err);
		goto done;
	}
	for (size_t i = 0; i < pop.n && !err; i++) {
		st_population p = {.year = pop.rows[i].year,
				   .households = pop.rows[i].households,
				   .persons = pop.rows[i].persons};
		snprintf(p.unit_code, sizeof p.unit_code, "%s", units_code(u, pop.rows[i].code));
		err = store_population_put(st, &p);
	}
	if (err) {
		store_rollback(st);
		err = db_error(st, name, d, err);
		goto done;
	}
	if (!(err = finish(st, o, name, d)))
		*rows = pop.n;
done:
	poptable_free(&pop);
	units_free(u);
	return err;
}

/* ---- households ------------------------------------------------------------------------ */

typedef struct imp_row {
	st_review r;
	long line;
} imp_row;

typedef struct imp_rows {
	imp_row *v;
	size_t n, cap;
} imp_rows;

static void rows_free(imp_rows *t)
{
	for (size_t i = 0; i < t->n; i++)
		st_review_clear(&t->v[i].r);
	free(t->v);
}

/* A copy of the n bytes at s in NFC (the reader keeps text as written). */
static char *nfc_dup(const char *s, size_t n, buf *tmp)
{
	buf_reset(tmp);
	if (text_nfc(s, n, tmp) != GN_OK)
		return gn_xstrndup(s, n); /* the reader has validated UTF-8 */
	return gn_xstrndup(buf_cstr(tmp), tmp->len);
}

/* Converts a validated row to a review. false (reported) when a code is
 * too long for the store. */
static bool to_review(const hh_row *row, const unit_set *u, const std_set *s,
		      const char *name, gn_diag *d, buf *tmp, st_review *r)
{
	memset(r, 0, sizeof *r);
	const char *unit = units_code(u, row->unit);
	if (row->id_len >= sizeof r->household_id) {
		diag_error(d, name, row->line, "household_id",
			   "household id longer than %zu bytes", sizeof r->household_id - 1);
		return false;
	}
	if (strlen(unit) >= sizeof r->unit_code) {
		diag_error(d, name, row->line, "unit_code", "unit code longer than %zu bytes",
			   sizeof r->unit_code - 1);
		return false;
	}
	memcpy(r->household_id, row->id, row->id_len);
	r->household_id[row->id_len] = '\0';
	r->year = row->year;
	snprintf(r->unit_code, sizeof r->unit_code, "%s", unit);
	r->village = nfc_dup(row->village, row->village_len, tmp);
	r->members = (int)row->members;
	r->income = row->income;
	r->score_a = row->score;
	buf_reset(tmp);
	for (uint32_t m = row->flags; m; m &= m - 1) {
		const std_catalogue_entry *e = std_set_catalogue(s, __builtin_ctz(m));
		if (tmp->len)
			buf_putc(tmp, ';');
		buf_puts(tmp, e->key);
	}
	r->deprivations = gn_xstrndup(buf_cstr(tmp), tmp->len);
	snprintf(r->area, sizeof r->area, "%s",
		 row->area_given == AREA_URBAN	 ? "urban"
		 : row->area_given == AREA_RURAL ? "rural"
						 : "");
	r->head_name = nfc_dup(row->head_name, row->head_name_len, tmp);
	r->head_sex = row->head_female == 1 ? 'F' : row->head_female == 0 ? 'M' : 0;
	r->head_birth_year = row->head_birth_year;
	r->head_ethnicity = nfc_dup(row->ethnicity, row->ethnicity_len, tmp);
	if (row->id_number_len < sizeof r->id_number) {
		memcpy(r->id_number, row->id_number, row->id_number_len);
		r->id_number[row->id_number_len] = '\0';
	}
	r->merit = row->merit;
	r->no_labour = row->no_labour;
	r->social_protection = row->social_protection;
	buf_reset(tmp);
	for (int k = 0; k < CAUSE_COUNT; k++)
		if (row->causes & (1u << k)) {
			if (tmp->len)
				buf_putc(tmp, ';');
			buf_puts(tmp, cause_name(k));
		}
	r->causes = gn_xstrndup(buf_cstr(tmp), tmp->len);
	r->support_needs = gn_xstrdup("");
	snprintf(r->cls, sizeof r->cls, "%s", class_name(row->cls));
	snprintf(r->status, sizeof r->status, "draft");
	return true;
}

static int cmp_row(const void *a, const void *b)
{
	const imp_row *x = a, *y = b;
	int c = strcmp(x->r.household_id, y->r.household_id);
	if (c)
		return c;
	if (x->r.year != y->r.year)
		return x->r.year < y->r.year ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static gn_err read_households(const char *name, const char *csv, size_t len,
			      const unit_set *u, const import_opts *o, gn_diag *d,
			      imp_rows *t)
{
	const std_set *s = o->standards;
	size_t before = diag_errors(d);
	hh_reader *r = NULL;
	gn_err err = hhfile_open_mem(name, csv, len, u, s, d, &r);
	if (err)
		return err;
	buf tmp;
	buf_init(&tmp, 0);
	hh_row row;
	while ((err = hhfile_next(r, &row, d)) != GN_ENOTFOUND) {
		if (err == GN_EIO)
			break;
		if (err)
			continue;
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 1024;
			t->v = gn_xreallocarray(t->v, t->cap, sizeof *t->v);
		}
		imp_row *x = &t->v[t->n];
		if (!to_review(&row, u, s, name, d, &tmp, &x->r)) {
			st_review_clear(&x->r);
			continue;
		}
		if (outside(o, x->r.unit_code)) {
			diag_error(d, name, row.line, "unit_code", "\"%s\": %s", x->r.unit_code,
				   outside_msg(o));
			st_review_clear(&x->r);
			continue;
		}
		if (o->on_review)
			o->on_review(o->ctx, row.line, &x->r);
		x->line = row.line;
		t->n++;
	}
	buf_free(&tmp);
	hhfile_close(r);
	if (err == GN_EIO)
		return err;
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, cmp_row);
	for (size_t i = 1; i < t->n; i++) {
		const st_review *a = &t->v[i - 1].r, *b = &t->v[i].r;
		if (a->year == b->year && strcmp(a->household_id, b->household_id) == 0)
			diag_error(d, name, t->v[i].line, "household_id",
				   "household \"%s\" already has a row for year %d (line %ld)",
				   b->household_id, b->year, t->v[i - 1].line);
	}
	return diag_errors(d) > before ? GN_EINPUT : GN_OK;
}

static void locked(long line, const st_review *r, const char *name, gn_diag *d)
{
	diag_error(d, name, line, "year",
		   "the review of household \"%s\" for %d is locked and cannot be replaced",
		   r->household_id, r->year);
}

/* Writes the household of rows v[0..n) (one id, sorted by year) and its
 * reviews. Locked reviews, and records of another area, are reported and
 * skipped; the caller rolls back when any was. When write is false, only
 * checks and reports. */
static gn_err write_household(store *st, imp_row *v, size_t n, const import_opts *o,
			      bool write, const char *name, gn_diag *d)
{
	const st_review *latest = &v[n - 1].r;
	st_household old;
	gn_err err = store_household_get(st, latest->household_id, &old);
	bool exists = err == GN_OK, update = true;
	if (err && err != GN_ENOTFOUND)
		return db_error(st, name, d, err);
	bool foreign = false; /* a record of another area */
	if (exists && outside(o, old.unit_code)) {
		long first = v[0].line;
		for (size_t k = 1; k < n; k++)
			first = v[k].line < first ? v[k].line : first;
		diag_error(d, name, first, "household_id", "\"%s\": %s", latest->household_id,
			   outside_msg(o));
		foreign = true;
	}
	if (exists) {
		st_review *rv = NULL;
		size_t nr = 0;
		if ((err = store_reviews_of(st, latest->household_id, &rv, &nr))) {
			st_household_clear(&old);
			return db_error(st, name, d, err);
		}
		/* A later year stored than the file's latest: keep its record. */
		update = nr == 0 || rv[nr - 1].year <= latest->year;
		for (size_t i = 0; i < nr; i++) {
			/* Keep what the file does not carry. */
			for (size_t k = 0; k < n; k++)
				if (v[k].r.year == rv[i].year) {
					if (!foreign && outside(o, rv[i].unit_code)) {
						diag_error(d, name, v[k].line, "household_id",
							   "\"%s\" %d: %s", v[k].r.household_id,
							   v[k].r.year, outside_msg(o));
						foreign = true;
					}
					if ((!write || foreign) && strcmp(rv[i].status, "locked") == 0)
						locked(v[k].line, &v[k].r, name, d);
					free(v[k].r.support_needs);
					v[k].r.support_needs = rv[i].support_needs;
					rv[i].support_needs = NULL;
					v[k].r.round_id = rv[i].round_id;
				}
			st_review_clear(&rv[i]);
		}
		free(rv);
	}
	if (foreign || !write) {
		/* reported; the caller rolls back */
		if (exists)
			st_household_clear(&old);
		return GN_OK;
	}
	if (update) {
		st_household h = {0};
		snprintf(h.id, sizeof h.id, "%s", latest->household_id);
		snprintf(h.unit_code, sizeof h.unit_code, "%s", latest->unit_code);
		h.village = latest->village;
		h.head_name = latest->head_name;
		h.address = exists ? old.address : NULL;
		err = store_household_put_info(st, &h, o->user);
	}
	if (exists)
		st_household_clear(&old);
	if (err)
		return db_error(st, name, d, err);
	for (size_t k = 0; k < n; k++) {
		err = store_review_put(st, &v[k].r, o->user);
		if (err == GN_EINPUT) {
			locked(v[k].line, &v[k].r, name, d);
			continue;
		}
		if (err)
			return db_error(st, name, d, err);
	}
	return GN_OK;
}

static gn_err import_households(store *st, const char *name, const char *csv,
				size_t len, const import_opts *o, gn_diag *d,
				size_t *rows)
{
	if (!o->standards) {
		diag_error(d, name, 0, "", "no poverty standards given to classify households");
		return GN_EUSAGE;
	}
	size_t before = diag_errors(d);
	unit_set *u = NULL;
	imp_rows t = {0};
	gn_err err = store_units_load(st, &u);
	if (err) {
		err = db_error(st, name, d, err);
		goto done;
	}
	err = read_households(name, csv, len, u, o, d, &t);
	bool write = err == GN_OK;
	if (err && err != GN_EINPUT)
		goto done;
	/* With errors already, the valid rows are still checked against the
	 * store (records of another area, locked reviews), without writing,
	 * so that one answer lists every error. */
	if (write && (err = store_begin(st))) {
		err = db_error(st, name, d, err);
		goto done;
	}
	gn_err werr = GN_OK;
	for (size_t i = 0; i < t.n && !werr;) {
		size_t j = i + 1;
		while (j < t.n && strcmp(t.v[j].r.household_id, t.v[i].r.household_id) == 0)
			j++;
		werr = write_household(st, t.v + i, j - i, o, write, name, d);
		i = j;
	}
	if (!write) {
		err = werr ? werr : GN_EINPUT;
		goto done;
	}
	err = werr;
	if (err || diag_errors(d) > before) {
		store_rollback(st);
		if (!err)
			err = GN_EINPUT;
		goto done;
	}
	if (!(err = finish(st, o, name, d)))
		*rows = t.n;
done:
	rows_free(&t);
	units_free(u);
	return err;
}

/* ---- entry points ------------------------------------------------------------------------ */

gn_err import_mem(store *st, file_kind kind, const char *name, const void *data,
		  size_t len, const import_opts *o, gn_diag *d, size_t *rows)
{
	*rows = 0;
	buf sheet;
	buf_init(&sheet, 0);
	const char *csv = data;
	size_t n = len;
	gn_err err = GN_OK;
	if (xlsx_is(data, len)) {
		if ((err = xlsx_to_csv(data, len, name, d, &sheet)))
			goto done;
		csv = buf_cstr(&sheet);
		n = sheet.len;
	}
	switch (kind) {
	case FILE_UNITS:
	case FILE_LINEAGE:
		err = import_units(st, kind, name, csv, n, o, d, rows);
		break;
	case FILE_POPULATION:
		err = import_population(st, name, csv, n, o, d, rows);
		break;
	case FILE_HOUSEHOLDS:
		err = import_households(st, name, csv, n, o, d, rows);
		break;
	case FILE_BUDGET:
		err = budget_import(st, name, csv, n, o, d, rows);
		break;
	case FILE_INDICATOR_VALUES:
		err = indicators_import(st, o->indicators, name, csv, n, o, d, rows);
		break;
	default:
		err = GN_EUSAGE;
	}
done:
	buf_free(&sheet);
	return err;
}

gn_err import_file(store *st, file_kind kind, const char *path, const char *name,
		   const import_opts *o, gn_diag *d, size_t *rows)
{
	*rows = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(d, name, 0, "", "cannot open: %s", strerror(errno));
		return GN_EIO;
	}
	buf data;
	buf_init(&data, 0);
	gn_err err = GN_OK;
	char block[1 << 16];
	size_t n;
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		if ((err = buf_put(&data, block, n)))
			break;
	if (!err && ferror(f)) {
		diag_error(d, name, 0, "", "cannot read: %s", strerror(errno));
		err = GN_EIO;
	} else if (err) {
		diag_error(d, name, 0, "", "the file is too large");
	}
	fclose(f);
	if (!err)
		err = import_mem(st, kind, name, data.len ? data.p : "", data.len, o, d, rows);
	buf_free(&data);
	return err;
}
