/*
 * api_dashboard.c - the dashboard's figures, kept live (docs/api.md,
 * "Dashboard"): summary by child unit, trend over years, deprivation
 * profile, and the public summary.
 *
 * Layer: api. The figures come from one in-memory aggregate (core/agg.h)
 * built from the store on start and changed by api_on_review_change after
 * every committed review write, so an edit shows on every level at once,
 * with no rebuild job. The aggregate has its own copy of the units (its
 * code indexes are its own); scope is checked by code. Answers are cached
 * per (path, query) and served from the cache while the aggregate's
 * generation is unchanged: a dashboard polled by many users costs a hash
 * look-up.
 *
 * Locking: one rwlock over the aggregate (readers: queries; writer:
 * changes and the start); a mutex over the answer cache.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/agg.h"
#include "../core/mem.h"
#include "../core/strmap.h"
#include "api_int.h"

#define CACHE_SLOTS 512
#define MAP_SLOTS 8

typedef struct cached {
	uint64_t gen;
	uint64_t hash;
	char *key;
	char *body;
	size_t len;
} cached;

static struct {
	pthread_rwlock_t lock;
	bool ready;
	/* Added to the aggregate's generation, so that the generation keeps
	 * increasing across rebuilds (after an import) and the answer cache
	 * never serves the figures of a former aggregate. */
	uint64_t gen_base;
	unit_set *u;
	agg *a;
	const std_set *stds;
	struct {
		gn_date date;
		unit_map *m;
	} maps[MAP_SLOTS];
	size_t nmaps;
	pthread_mutex_t cache_lock;
	cached cache[CACHE_SLOTS];
} dash = {
	.lock = PTHREAD_RWLOCK_INITIALIZER,
	.cache_lock = PTHREAD_MUTEX_INITIALIZER,
};

/* ---- from a stored review to the aggregate's view ------------------------ */

static uint32_t flags_of(const std_set *s, int year, const char *keys)
{
	const standard *st = std_set_for_year(s, year);
	uint32_t m = 0;
	const char *p = keys ? keys : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int bit = std_set_find_indicator(s, p, n);
		if (bit >= 0)
			m |= 1u << bit;
		p += n + (e != NULL);
	}
	return st ? m & st->mask : m;
}

static bool to_agg(const st_review *r, agg_review *out)
{
	int32_t unit = units_find(dash.u, r->unit_code, strlen(r->unit_code));
	hh_class c;
	if (unit < 0 || !class_parse(r->cls, strlen(r->cls), &c))
		return false;
	const char *e = r->head_ethnicity ? r->head_ethnicity : "";
	*out = (agg_review){
		.year = r->year,
		.unit = unit,
		.cls = c,
		.flags = flags_of(dash.stds, r->year, r->deprivations),
		.members = r->members,
		.minority = (int8_t)(e[0] == '\0' ? -1 : strcasecmp(e, "Kinh") != 0),
		.female = (int8_t)(r->head_sex == 'F' ? 1 : r->head_sex == 'M' ? 0 : -1),
		.merit = r->merit == 1,
		.no_labour = r->no_labour == 1,
	};
	return true;
}

static bool load_review(void *ctx, const st_review *r)
{
	(void)ctx;
	agg_review ar;
	if (to_agg(r, &ar))
		agg_set(dash.a, r->household_id, strlen(r->household_id), &ar);
	return true;
}

static bool load_population(void *ctx, const st_population *p)
{
	(void)ctx;
	int32_t code = units_find(dash.u, p->unit_code, strlen(p->unit_code));
	if (code >= 0)
		agg_set_population(dash.a, code, p->year, p->households, p->persons);
	return true;
}

static void drop_all(void)
{
	if (dash.a)
		dash.gen_base += agg_generation(dash.a) + 1;
	for (size_t i = 0; i < dash.nmaps; i++)
		unit_map_free(dash.maps[i].m);
	dash.nmaps = 0;
	agg_free(dash.a);
	units_free(dash.u);
	dash.a = NULL;
	dash.u = NULL;
	dash.ready = false;
}

/* Builds the aggregate from the store; the caller holds the write lock. */
static gn_err start_locked(store *st, const std_set *stds)
{
	drop_all();
	dash.stds = stds;
	gn_err rc = store_units_load(st, &dash.u);
	if (rc)
		return rc;
	dash.a = agg_new(dash.u);
	/* the AF cutoff in deprivations, from the latest standard */
	const standard *latest = NULL;
	for (size_t i = 0; i < std_set_count(stds); i++)
		if (!latest || std_set_at(stds, i)->year_to > latest->year_to)
			latest = std_set_at(stds, i);
	if (latest && latest->k_den)
		agg_set_af_cutoff(dash.a, (int)((latest->k_num * latest->nind + latest->k_den - 1) /
						latest->k_den));
	rc = store_reviews_each(st, 0, load_review, NULL);
	if (rc == GN_OK)
		rc = store_population_each(st, load_population, NULL);
	if (rc) {
		drop_all();
		return rc;
	}
	dash.ready = true;
	return GN_OK;
}

gn_err api_dashboard_start(store *st, const std_set *stds)
{
	pthread_rwlock_wrlock(&dash.lock);
	gn_err rc = start_locked(st, stds);
	pthread_rwlock_unlock(&dash.lock);
	return rc;
}

static void api_dashboard_reset(void)
{
	pthread_rwlock_wrlock(&dash.lock);
	drop_all();
	pthread_rwlock_unlock(&dash.lock);
}

void api_dashboard_stop(void)
{
	api_dashboard_reset();
	pthread_mutex_lock(&dash.cache_lock);
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		free(dash.cache[i].key);
		free(dash.cache[i].body);
		dash.cache[i] = (cached){0, 0, NULL, NULL, 0};
	}
	pthread_mutex_unlock(&dash.cache_lock);
}

void api_on_review_change(const st_review *old, const st_review *new_)
{
	pthread_rwlock_wrlock(&dash.lock);
	if (dash.ready) {
		agg_review ar;
		if (new_ && to_agg(new_, &ar))
			agg_set(dash.a, new_->household_id, strlen(new_->household_id), &ar);
		else if (old)
			agg_unset(dash.a, old->household_id, strlen(old->household_id), old->year);
	}
	pthread_rwlock_unlock(&dash.lock);
}

/* Reads under the lock, starting the aggregate on first use. Returns false
 * when it cannot be built. The caller unlocks. */
static bool read_lock(api_ctx *c)
{
	pthread_rwlock_rdlock(&dash.lock);
	if (dash.ready)
		return true;
	pthread_rwlock_unlock(&dash.lock);
	pthread_rwlock_wrlock(&dash.lock);
	gn_err rc = dash.ready ? GN_OK : start_locked(c->st, c->stds);
	pthread_rwlock_unlock(&dash.lock);
	if (rc)
		return false;
	pthread_rwlock_rdlock(&dash.lock);
	return dash.ready;
}

/* The map of a date, built once and kept (a few dates are asked for);
 * past MAP_SLOTS dates, a map is built for the request (*tmp: free it).
 * The caller holds the read lock: the slots have their own mutex, and a
 * kept map is never freed while the aggregate lives. */
static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

static const unit_map *map_of(gn_date d, unit_map **tmp)
{
	*tmp = NULL;
	pthread_mutex_lock(&map_lock);
	const unit_map *m = NULL;
	for (size_t i = 0; i < dash.nmaps && !m; i++)
		if (dash.maps[i].date == d)
			m = dash.maps[i].m;
	if (!m && dash.nmaps < MAP_SLOTS) {
		dash.maps[dash.nmaps].date = d;
		dash.maps[dash.nmaps].m = unit_map_new(dash.u, d);
		m = dash.maps[dash.nmaps++].m;
	}
	pthread_mutex_unlock(&map_lock);
	if (!m)
		m = *tmp = unit_map_new(dash.u, d);
	return m;
}

/* ---- the answer cache ------------------------------------------------------ */

static bool cache_get(const char *key, uint64_t gen, buf *out)
{
	uint64_t h = strmap_hash(key, strlen(key));
	cached *e = &dash.cache[h % CACHE_SLOTS];
	bool hit = false;
	pthread_mutex_lock(&dash.cache_lock);
	if (e->body && e->gen == gen && e->hash == h && strcmp(e->key, key) == 0)
		hit = buf_put(out, e->body, e->len) == GN_OK;
	pthread_mutex_unlock(&dash.cache_lock);
	return hit;
}

static void cache_put(const char *key, uint64_t gen, const buf *body)
{
	uint64_t h = strmap_hash(key, strlen(key));
	cached *e = &dash.cache[h % CACHE_SLOTS];
	char *k = gn_xstrdup(key), *b = gn_xstrndup(buf_cstr(body), body->len);
	pthread_mutex_lock(&dash.cache_lock);
	char *ok = e->key, *ob = e->body;
	*e = (cached){gen, h, k, b, body->len};
	pthread_mutex_unlock(&dash.cache_lock);
	free(ok);
	free(ob);
}

/* ---- writing figures ----------------------------------------------------------- */

static void jw_rate(jw *w, const char *k, int64_t count, int64_t total)
{
	jw_key(w, k);
	jw_decimal(w, rate_hundredths(count, total), 2);
}

static void write_figures(jw *w, const agg_figures *f)
{
	const tally *t = &f->t;
	jw_kint(w, "households", t->households);
	jw_kint(w, "persons", t->persons);
	jw_kint(w, "reviewed", t->reviewed);
	jw_kint(w, "poor", t->cls[CLASS_POOR]);
	jw_kint(w, "near_poor", t->cls[CLASS_NEAR_POOR]);
	jw_rate(w, "poor_rate", t->cls[CLASS_POOR], t->households);
	jw_rate(w, "near_poor_rate", t->cls[CLASS_NEAR_POOR], t->households);
	jw_kint(w, "new_poor", t->tr[TR_NEW_POOR]);
	jw_kint(w, "re_poor", t->tr[TR_RE_POOR]);
	jw_kint(w, "escaped_poor", t->tr[TR_ESCAPED_POOR] + t->tr[TR_POOR_TO_NEAR]);
	jw_kint(w, "escaped_near", t->tr[TR_ESCAPED_NEAR]);
	jw_kint(w, "new_near", t->tr[TR_NEW_NEAR]);
	jw_kint(w, "re_near", t->tr[TR_RE_NEAR]);
	jw_kint(w, "poor_to_near", t->tr[TR_POOR_TO_NEAR]);
	jw_kint(w, "near_to_poor", t->tr[TR_NEAR_TO_POOR]);
	jw_kint(w, "poor_start", agg_poor_start(t));
	jw_kint(w, "poor_end", t->cls[CLASS_POOR]);
	jw_kint(w, "near_start", agg_near_start(t));
	jw_kint(w, "near_end", t->cls[CLASS_NEAR_POOR]);
	jw_kint(w, "poor_persons", f->members[CLASS_POOR]);
	jw_kint(w, "poor_minority", f->minority[CLASS_POOR]);
	jw_kint(w, "poor_female_head", f->female[CLASS_POOR]);
}

static void write_unit(jw *w, int32_t code, const unit_map *m)
{
	const unit_version *v = code >= 0 ? unit_map_version(m, code) : NULL;
	jw_kstr(w, "code", code >= 0 ? units_code(dash.u, code) : "");
	jw_kstr(w, "name", v ? v->name : (code >= 0 ? "" : "Toàn quốc"));
	jw_kstr(w, "level", v ? unit_level_name(v->level) : "country");
}

/* ---- shared argument handling ------------------------------------------------ */

typedef struct dash_args {
	int year;
	gn_date asof;
	int32_t unit;       /* in the aggregate's units; -1: the whole map */
	const char *code;
} dash_args;

static int latest_year(void)
{
	int years[64];
	size_t n = agg_years(dash.a, years, 64);
	return n ? years[n - 1] : 0;
}

/* Parses year, asof and unit; checks scope (public: everything). Returns
 * 0, or the status of the answer written. Holds the read lock. */
static int parse_args(api_ctx *c, bool public_, dash_args *a)
{
	int status = 0;
	int64_t y;
	if (!api_query_int(c, "year", 1900, 2199, latest_year(), &y, &status))
		return status;
	a->year = (int)y;
	if (!api_query_date(c, "asof", world_today(c->w), &a->asof, &status))
		return status;
	const char *code = api_query(c, "unit");
	if (!code && !public_ && c->user && strcmp(c->user->unit_code, "*") != 0)
		code = c->user->unit_code;
	a->code = code;
	a->unit = -1;
	if (code && *code) {
		a->unit = units_find(dash.u, code, strlen(code));
		if (a->unit < 0 || (!public_ && !api_in_scope(c, code)))
			return api_not_found(c);
	} else {
		/* the whole map: when it has a single top unit (the country),
		 * show that unit and its children rather than a list of one */
		unit_map *tmp;
		const unit_map *m = map_of(a->asof, &tmp);
		int32_t root = -1;
		size_t nroots = 0, nc = units_ncodes(dash.u);
		for (size_t i = 0; i < nc; i++)
			if (unit_map_version(m, (int32_t)i) && unit_map_parent(m, (int32_t)i) < 0) {
				root = (int32_t)i;
				nroots++;
			}
		unit_map_free(tmp);
		if (nroots == 1)
			a->unit = root;
	}
	return 0;
}

static void cache_key(api_ctx *c, const char *what, buf *key)
{
	const char *q[] = {"year", "asof", "unit", "lang"};
	buf_puts(key, what);
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		const char *v = api_query(c, q[i]);
		buf_printf(key, "|%s", v ? v : "");
	}
	/* the default unit depends on the user */
	buf_printf(key, "|%s|%d", c->user ? c->user->unit_code : "", c->en);
}

/* ---- handlers ------------------------------------------------------------------ */

static int summary(api_ctx *c, bool public_)
{
	if (!read_lock(c))
		return api_internal(c, "dashboard", GN_EIO);
	uint64_t gen = dash.gen_base + agg_generation(dash.a);
	buf key;
	buf_init(&key, 4096);
	cache_key(c, public_ ? "public" : "summary", &key);
	if (cache_get(buf_cstr(&key), gen, c->json->b)) {
		pthread_rwlock_unlock(&dash.lock);
		buf_free(&key);
		return 200;
	}
	dash_args a;
	int status = parse_args(c, public_, &a);
	if (status) {
		pthread_rwlock_unlock(&dash.lock);
		buf_free(&key);
		return status;
	}
	unit_map *tmp;
	const unit_map *m = map_of(a.asof, &tmp);
	agg_figures total, *kids;
	size_t nk;
	agg_children(dash.a, m, a.year, a.unit, &total, &kids, &nk);
	/* which children have children of their own */
	size_t nc = units_ncodes(dash.u);
	bool *has = gn_xcalloc(nc ? nc : 1, sizeof *has);
	for (size_t i = 0; i < nc; i++) {
		int32_t p = unit_map_parent(m, (int32_t)i);
		if (unit_map_version(m, (int32_t)i) && p >= 0)
			has[p] = true;
	}
	size_t start = c->json->b->len;
	jw *w = c->json;
	char day[11];
	date_format_iso(a.asof, day);
	jw_object(w);
	jw_kint(w, "year", a.year);
	jw_kstr(w, "asof", day);
	jw_key(w, "unit");
	jw_object(w);
	write_unit(w, a.unit, m);
	write_figures(w, &total);
	jw_object_end(w);
	jw_key(w, "children");
	jw_array(w);
	for (size_t i = 0; i < nk; i++) {
		jw_object(w);
		write_unit(w, kids[i].code, m);
		jw_kbool(w, "has_children", has[kids[i].code]);
		write_figures(w, &kids[i]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_kint(w, "generation", (int64_t)gen);
	jw_object_end(w);
	unit_map_free(tmp);
	pthread_rwlock_unlock(&dash.lock);
	free(has);
	free(kids);
	if (jw_error(w) == GN_OK) {
		buf body;
		buf_init(&body, 0);
		buf_put(&body, c->json->b->p + start, c->json->b->len - start);
		cache_put(buf_cstr(&key), gen, &body);
		buf_free(&body);
	}
	buf_free(&key);
	return 200;
}

int api_dashboard_summary(api_ctx *c)
{
	return summary(c, false);
}

int api_public_summary(api_ctx *c)
{
	return summary(c, true);
}

int api_dashboard_trend(api_ctx *c)
{
	if (!read_lock(c))
		return api_internal(c, "dashboard", GN_EIO);
	dash_args a;
	int status = parse_args(c, false, &a);
	if (status) {
		pthread_rwlock_unlock(&dash.lock);
		return status;
	}
	unit_map *tmp;
	const unit_map *m = map_of(a.asof, &tmp);
	int years[64];
	size_t ny = agg_years(dash.a, years, 64);
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "unit");
	jw_object(w);
	write_unit(w, a.unit, m);
	jw_object_end(w);
	jw_key(w, "years");
	jw_array(w);
	for (size_t i = 0; i < ny; i++) {
		agg_figures total, *kids;
		size_t nk;
		agg_children(dash.a, m, years[i], a.unit, &total, &kids, &nk);
		free(kids);
		jw_object(w);
		jw_kint(w, "year", years[i]);
		write_figures(w, &total);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	unit_map_free(tmp);
	pthread_rwlock_unlock(&dash.lock);
	return 200;
}

int api_dashboard_profile(api_ctx *c)
{
	if (!read_lock(c))
		return api_internal(c, "dashboard", GN_EIO);
	dash_args a;
	int status = parse_args(c, false, &a);
	if (status) {
		pthread_rwlock_unlock(&dash.lock);
		return status;
	}
	unit_map *tmp;
	const unit_map *m = map_of(a.asof, &tmp);
	agg_figures total, *kids;
	size_t nk;
	agg_children(dash.a, m, a.year, a.unit, &total, &kids, &nk);
	free(kids);
	unit_map_free(tmp);
	pthread_rwlock_unlock(&dash.lock);
	const standard *st = std_set_for_year(c->stds, a.year);
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "year", a.year);
	jw_kstr(w, "standard", st ? st->id : "");
	jw_kint(w, "poor", total.t.cls[CLASS_POOR]);
	jw_kint(w, "near_poor", total.t.cls[CLASS_NEAR_POOR]);
	jw_key(w, "indicators");
	jw_array(w);
	for (int i = 0; st && i < st->nind; i++) {
		int bit = st->ind[i].bit;
		const std_catalogue_entry *e = std_set_catalogue(c->stds, bit);
		jw_object(w);
		jw_kstr(w, "key", e->key);
		jw_kstr(w, "name", c->en ? e->name_en : e->name_vi);
		jw_kstr(w, "dimension", e->dimension);
		jw_kint(w, "poor", total.dep_poor[bit]);
		jw_rate(w, "poor_pct", total.dep_poor[bit], total.t.cls[CLASS_POOR]);
		jw_kint(w, "near_poor", total.dep_near[bit]);
		jw_rate(w, "near_poor_pct", total.dep_near[bit], total.t.cls[CLASS_NEAR_POOR]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	return 200;
}

/* Alkire-Foster measures (domain.md 3.3) of the reviewed households, at
 * the standard's cutoff, with its indicators equally weighted (as in the
 * shipped standards; `gnbv af` computes any weights and cutoff). Percents
 * with 2 decimals, M0 with 4, as `gnbv af` prints them. */
static void write_af(jw *w, const agg_figures *f, const standard *st, int k)
{
	int64_t n = f->t.reviewed, q = 0, s = 0;
	for (int d = k; d <= AGG_MAX_DEP; d++) {
		q += f->ndep[d];
		s += (int64_t)d * f->ndep[d];
	}
	int64_t nind = st->nind;
	jw_kint(w, "n", n);
	jw_kint(w, "q", q);
	jw_rate(w, "H", q, n);
	jw_rate(w, "A", s, q * nind);
	jw_key(w, "M0");
	jw_decimal(w, rate_hundredths(s, n * nind), 4);
	jw_key(w, "indicators");
	jw_array(w);
	for (int i = 0; i < st->nind; i++) {
		int bit = st->ind[i].bit;
		jw_object(w);
		jw_kstr(w, "key", std_set_catalogue(dash.stds, bit)->key);
		jw_rate(w, "hd", f->dep_all[bit], n);
		jw_rate(w, "hdk", f->dep_k[bit], n);
		jw_rate(w, "pctb", f->dep_k[bit], s);
		jw_object_end(w);
	}
	jw_array_end(w);
}

int api_dashboard_af(api_ctx *c)
{
	if (!read_lock(c))
		return api_internal(c, "dashboard", GN_EIO);
	dash_args a;
	int status = parse_args(c, false, &a);
	if (status) {
		pthread_rwlock_unlock(&dash.lock);
		return status;
	}
	const standard *st = std_set_for_year(c->stds, a.year);
	bool equal = st != NULL;
	for (int i = 0; st && i < st->nind; i++)
		equal = equal && st->ind[i].weight == st->ind[0].weight;
	int k = agg_af_cutoff(dash.a);
	if (!equal || (int64_t)k * st->k_den != st->k_num * st->nind) {
		pthread_rwlock_unlock(&dash.lock);
		return api_error(c, 422, "weights",
				 "Chuẩn nghèo của năm này có trọng số hoặc ngưỡng khác: dùng lệnh gnbv af.",
				 "This year's standard has other weights or cutoff: use gnbv af.");
	}
	unit_map *tmp;
	const unit_map *m = map_of(a.asof, &tmp);
	agg_figures total, *kids;
	size_t nk;
	agg_children(dash.a, m, a.year, a.unit, &total, &kids, &nk);
	jw *w = c->json;
	jw_object(w);
	jw_kint(w, "year", a.year);
	jw_kstr(w, "standard", st->id);
	jw_key(w, "k");
	jw_object(w);
	jw_kint(w, "deprivations", k);
	jw_kint(w, "of", st->nind);
	jw_object_end(w);
	jw_key(w, "unit");
	jw_object(w);
	write_unit(w, a.unit, m);
	write_af(w, &total, st, k);
	jw_object_end(w);
	jw_key(w, "children");
	jw_array(w);
	for (size_t i = 0; i < nk; i++) {
		jw_object(w);
		write_unit(w, kids[i].code, m);
		write_af(w, &kids[i], st, k);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
	free(kids);
	unit_map_free(tmp);
	pthread_rwlock_unlock(&dash.lock);
	return 200;
}

/* ---- the figures of one unit, for the results framework (api_me_results.c) ---- */

bool api_dashboard_figures(api_ctx *c, const char *code, int year, gn_date asof,
			   agg_figures *out)
{
	if (!read_lock(c))
		return false;
	int32_t unit = -1;
	if (code && *code && (unit = units_find(dash.u, code, strlen(code))) < 0) {
		pthread_rwlock_unlock(&dash.lock);
		return false;
	}
	unit_map *tmp;
	const unit_map *m = map_of(asof, &tmp);
	agg_figures *kids;
	size_t nk;
	agg_children(dash.a, m, year, unit, out, &kids, &nk);
	free(kids);
	unit_map_free(tmp);
	pthread_rwlock_unlock(&dash.lock);
	return true;
}
