/*
 * app_state.c - the api's shared state: the world snapshot (units, today's
 * map, cached maps and scopes), one store per worker thread, the password
 * hashing gate.
 *
 * Layer: api. The world is immutable once built except for its caches,
 * which fill under the world's lock; a request takes a reference for its
 * whole life (released by its arena), so a world replaced when the date
 * changes, or after a units import, stays valid for the requests that
 * still use it. unit_map_new is not thread-safe (core/units.c sorts with
 * a file-level comparator context), so every map is built under one
 * process-wide lock.
 */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "../core/mem.h"
#include "api_int.h"

#define MAP_CACHE 16
#define MAX_STORES 256

struct api_world {
	atomic_int refs;
	unit_set *units;
	gn_date today;
	unit_map *today_map;
	pthread_mutex_t mu;        /* guards the caches below */
	scope **scopes;            /* per code index, built on first use */
	scope *national;
	gn_date map_date[MAP_CACHE];
	unit_map *maps[MAP_CACHE];
	size_t nmaps;
	api_map_choice *choices;
	size_t nchoices;
};

struct api {
	char *db_path;
	std_set *stds;
	pthread_mutex_t mu;        /* guards world and stores */
	api_world *world;
	store *stores[MAX_STORES];
	size_t nstores;
	sem_t hash_gate;
	char dummy_hash[crypto_pwhash_STRBYTES];
	gn_date fixed_today;       /* from $GNBV_TODAY, or GN_DATE_MIN */
	calendar *cal;             /* public holidays (owned) */
	review_procedure proc;     /* numbers of the review procedure */
	char *reports_dir;         /* the report layouts (NULL: none) */
	rp_types *report_types;    /* the reporting calendar's report types (owned) */
	ind_catalogue *indicators; /* the results framework's catalogue (owned) */
	me_catalogue *projects;    /* the programme's projects (owned) */
};

static pthread_mutex_t map_build_mu = PTHREAD_MUTEX_INITIALIZER;

static unit_map *map_build(const unit_set *u, gn_date d)
{
	pthread_mutex_lock(&map_build_mu);
	unit_map *m = unit_map_new(u, d);
	pthread_mutex_unlock(&map_build_mu);
	return m;
}

/* ---- the world ------------------------------------------------------ */

/* A fingerprint of the map of date d: which versions are valid. */
static uint64_t map_fingerprint(const unit_set *u, gn_date d)
{
	uint64_t h = 1469598103934665603u;
	size_t nc = units_ncodes(u);
	for (size_t c = 0; c < nc; c++) {
		const unit_version *v = units_at(u, (int32_t)c, d);
		uint64_t x = v ? (uint64_t)(uintptr_t)v : 0;
		h = (h ^ x) * 1099511628211u;
	}
	return h;
}

static bool map_has_level(const unit_set *u, gn_date d, unit_level l)
{
	size_t nc = units_ncodes(u);
	for (size_t c = 0; c < nc; c++) {
		const unit_version *v = units_at(u, (int32_t)c, d);
		if (v && v->level == l)
			return true;
	}
	return false;
}

/* The maps worth offering: the end of every year from 2016 to this one in
 * which the map changes, keeping the last year-end of each run of equal
 * maps ("Bản đồ 2024 (có cấp huyện)", "Bản đồ 2025"). */
static void compute_choices(api_world *w)
{
	int y0 = 2016, y1, m, d;
	date_to_ymd(w->today, &y1, &m, &d);
	if (y1 < y0)
		y1 = y0;
	size_t cap = (size_t)(y1 - y0 + 1);
	w->choices = gn_xcalloc(cap, sizeof *w->choices);
	uint64_t prev = 0;
	for (int y = y1; y >= y0; y--) {
		gn_date end = date_year_end(y);
		uint64_t f = map_fingerprint(w->units, end);
		if (y != y1 && f == prev)
			continue;
		prev = f;
		if (!map_has_level(w->units, end, LEVEL_COMMUNE) &&
		    !map_has_level(w->units, end, LEVEL_PROVINCE))
			continue;
		w->choices[w->nchoices++] = (api_map_choice){
			end, map_has_level(w->units, end, LEVEL_DISTRICT)};
	}
	/* Oldest first. */
	for (size_t i = 0; i < w->nchoices / 2; i++) {
		api_map_choice t = w->choices[i];
		w->choices[i] = w->choices[w->nchoices - 1 - i];
		w->choices[w->nchoices - 1 - i] = t;
	}
}

static void world_free(api_world *w)
{
	if (!w)
		return;
	if (w->scopes)
		for (size_t i = 0; i < units_ncodes(w->units); i++)
			scope_free(w->scopes[i]);
	free(w->scopes);
	scope_free(w->national);
	for (size_t i = 0; i < w->nmaps; i++)
		unit_map_free(w->maps[i]);
	unit_map_free(w->today_map);
	free(w->choices);
	pthread_mutex_destroy(&w->mu);
	units_free(w->units);
	free(w);
}

static void world_release(void *p)
{
	api_world *w = p;
	if (w && atomic_fetch_sub(&w->refs, 1) == 1)
		world_free(w);
}

static gn_err world_new(store *st, gn_date today, api_world **out)
{
	unit_set *u = NULL;
	gn_err rc = store_units_load(st, &u);
	if (rc)
		return rc;
	api_world *w = gn_xcalloc(1, sizeof *w);
	atomic_init(&w->refs, 1);
	pthread_mutex_init(&w->mu, NULL);
	w->units = u;
	w->today = today;
	w->today_map = map_build(u, today);
	w->scopes = gn_xcalloc(units_ncodes(u) ? units_ncodes(u) : 1, sizeof *w->scopes);
	compute_choices(w);
	*out = w;
	return GN_OK;
}

const unit_set *world_units(const api_world *w)
{
	return w->units;
}

gn_date world_today(const api_world *w)
{
	return w->today;
}

const unit_map *world_today_map(const api_world *w)
{
	return w->today_map;
}

const api_map_choice *world_map_choices(const api_world *w, size_t *n)
{
	*n = w->nchoices;
	return w->choices;
}

static void map_free_cb(void *p)
{
	unit_map_free(p);
}

const unit_map *world_map(api_world *w, gn_date d, arena *ar)
{
	if (d == w->today)
		return w->today_map;
	pthread_mutex_lock(&w->mu);
	const unit_map *found = NULL;
	for (size_t i = 0; i < w->nmaps && !found; i++)
		if (w->map_date[i] == d)
			found = w->maps[i];
	if (!found && w->nmaps < MAP_CACHE) {
		unit_map *m = map_build(w->units, d);
		w->map_date[w->nmaps] = d;
		w->maps[w->nmaps++] = m;
		found = m;
	}
	pthread_mutex_unlock(&w->mu);
	if (!found) {
		/* The cache is full (clients may ask for any date): this map
		 * lives as long as the request. */
		unit_map *m = map_build(w->units, d);
		arena_defer(ar, map_free_cb, m);
		found = m;
	}
	return found;
}

const scope *world_scope(api_world *w, int32_t code)
{
	pthread_mutex_lock(&w->mu);
	scope *s;
	if (code < 0) {
		if (!w->national)
			w->national = scope_new(w->units, w->today_map, -1);
		s = w->national;
	} else {
		if (!w->scopes[code])
			w->scopes[code] = scope_new(w->units, w->today_map, code);
		s = w->scopes[code];
	}
	pthread_mutex_unlock(&w->mu);
	return s;
}

/* ---- the api ----------------------------------------------------------- */

static _Thread_local api *tl_owner;
static _Thread_local store *tl_store;

store *api_thread_store(api *a)
{
	if (tl_owner == a && tl_store)
		return tl_store;
	gn_diag *d = diag_new(8);
	store *st = NULL;
	gn_err rc = store_open(a->db_path, false, d, &st);
	if (rc) {
		for (size_t i = 0; i < diag_count(d); i++)
			fprintf(stderr, "gnbv serve: %s\n", diag_at(d, i)->text);
		fprintf(stderr, "gnbv serve: cannot open %s: %s\n", a->db_path, gn_strerror(rc));
		diag_free(d);
		return NULL;
	}
	diag_free(d);
	pthread_mutex_lock(&a->mu);
	if (a->nstores == MAX_STORES) {
		pthread_mutex_unlock(&a->mu);
		store_close(st);
		fprintf(stderr, "gnbv serve: more than %d worker threads\n", MAX_STORES);
		return NULL;
	}
	a->stores[a->nstores++] = st;
	pthread_mutex_unlock(&a->mu);
	tl_owner = a;
	tl_store = st;
	return st;
}

int64_t api_now(void)
{
	return (int64_t)time(NULL);
}

static gn_date current_date(const api *a)
{
	if (a->fixed_today != GN_DATE_MIN)
		return a->fixed_today;
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Replaces the world (a->mu held). */
static gn_err swap_world(api *a, store *st, gn_date today)
{
	api_world *w = NULL;
	gn_err rc = world_new(st, today, &w);
	if (rc)
		return rc;
	api_world *old = a->world;
	a->world = w;
	world_release(old);
	return GN_OK;
}

api_world *api_world_acquire(api *a, store *st, arena *ar)
{
	gn_date today = current_date(a);
	pthread_mutex_lock(&a->mu);
	if (!a->world || a->world->today != today) {
		gn_err rc = swap_world(a, st, today);
		if (rc && !a->world) {
			pthread_mutex_unlock(&a->mu);
			return NULL;
		}
	}
	api_world *w = a->world;
	atomic_fetch_add(&w->refs, 1);
	pthread_mutex_unlock(&a->mu);
	arena_defer(ar, world_release, w);
	return w;
}

gn_err api_reload_units(api *a)
{
	store *st = api_thread_store(a);
	if (!st)
		return GN_EIO;
	pthread_mutex_lock(&a->mu);
	gn_err rc = swap_world(a, st, current_date(a));
	pthread_mutex_unlock(&a->mu);
	if (rc == GN_OK)
		rc = api_dashboard_start(st, a->stds);
	return rc;
}

const std_set *api_standards(const api *a)
{
	return a->stds;
}

const char *api_reports_dir(const api *a)
{
	return a->reports_dir;
}

const calendar *api_calendar(const api *a)
{
	return a->cal;
}

const review_procedure *api_procedure(const api *a)
{
	return &a->proc;
}

const rp_types *api_report_types(const api *a)
{
	return a->report_types;
}

const ind_catalogue *api_indicators(const api *a)
{
	return a->indicators;
}

const me_catalogue *api_projects(const api *a)
{
	return a->projects;
}

bool api_password_verify(api *a, const char *hash, const char *password)
{
	while (sem_wait(&a->hash_gate) != 0)
		;
	int r = crypto_pwhash_str_verify(hash, password, strlen(password));
	sem_post(&a->hash_gate);
	return r == 0;
}

const char *api_dummy_hash(const api *a)
{
	return a->dummy_hash;
}

gn_err api_password_hash(const char *password, char out[API_HASH_MAX])
{
	size_t n = strlen(password);
	if (n < 8 || n > 1024)
		return GN_EINPUT;
	if (sodium_init() < 0)
		return GN_EINTERNAL;
	_Static_assert(crypto_pwhash_STRBYTES <= API_HASH_MAX, "hash size");
	if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return GN_ENOMEM;
	return GN_OK;
}

gn_err api_new(const api_config *cfg, gn_diag *d, api **out)
{
	if (sodium_init() < 0) {
		diag_error(d, "libsodium", 0, "", "cannot initialise libsodium");
		return GN_EINTERNAL;
	}
	api *a = gn_xcalloc(1, sizeof *a);
	a->db_path = gn_xstrdup(cfg->db_path);
	a->reports_dir = cfg->reports_dir ? gn_xstrdup(cfg->reports_dir) : NULL;
	a->stds = cfg->stds;
	a->cal = cfg->cal;
	a->report_types = cfg->report_types;
	a->indicators = cfg->indicators;
	a->projects = cfg->projects;
	if (cfg->proc)
		a->proc = *cfg->proc;
	else
		procedure_defaults(&a->proc);
	a->fixed_today = GN_DATE_MIN;
	pthread_mutex_init(&a->mu, NULL);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	/* at most CPUs - 1 hashes at once: a core stays for the others */
	unsigned gate = cfg->hash_threads ? cfg->hash_threads : (cpus > 1 ? (unsigned)cpus - 1 : 1);
	sem_init(&a->hash_gate, 0, gate);
	gn_err rc = GN_OK;
	const char *today = getenv("GNBV_TODAY");
	if (today && *today) {
		gn_date t;
		if (!date_parse(today, strlen(today), &t)) {
			diag_error(d, "GNBV_TODAY", 0, "", "expected a date (YYYY-MM-DD), got \"%s\"", today);
			rc = GN_EINPUT;
			goto done;
		}
		a->fixed_today = t;
	}
	/* A password nobody knows, hashed like the real ones. */
	unsigned char rnd[24];
	char pw[49];
	randombytes_buf(rnd, sizeof rnd);
	for (size_t i = 0; i < sizeof rnd; i++) {
		pw[2 * i] = "0123456789abcdef"[rnd[i] >> 4];
		pw[2 * i + 1] = "0123456789abcdef"[rnd[i] & 15];
	}
	pw[48] = '\0';
	if ((rc = api_password_hash(pw, a->dummy_hash)) != GN_OK) {
		diag_error(d, "libsodium", 0, "", "cannot hash a password (out of memory?)");
		goto done;
	}
	/* The store must be there, and the units load. */
	store *st = NULL;
	rc = store_open(a->db_path, false, d, &st);
	if (rc == GN_OK) {
		pthread_mutex_lock(&a->mu);
		rc = swap_world(a, st, current_date(a));
		pthread_mutex_unlock(&a->mu);
		if (rc)
			diag_error(d, a->db_path, 0, "", "cannot load the units: %s", gn_strerror(rc));
		/* the live aggregates of the dashboard, from the whole store */
		if (rc == GN_OK && (rc = api_dashboard_start(st, a->stds)) != GN_OK)
			diag_error(d, a->db_path, 0, "", "cannot load the aggregates: %s",
				   gn_strerror(rc));
		store_close(st);
	}
done:
	if (rc) {
		a->stds = NULL; /* stays the caller's on failure */
		a->cal = NULL;
		a->report_types = NULL;
		a->indicators = NULL;
		a->projects = NULL;
		api_free(a);
		return rc;
	}
	*out = a;
	return GN_OK;
}

void api_free(api *a)
{
	if (!a)
		return;
	api_dashboard_stop();
	for (size_t i = 0; i < a->nstores; i++)
		store_close(a->stores[i]);
	world_release(a->world);
	std_set_free(a->stds);
	cal_free(a->cal);
	rp_types_free(a->report_types);
	ind_catalogue_free(a->indicators);
	catalogue_free(a->projects);
	sem_destroy(&a->hash_gate);
	pthread_mutex_destroy(&a->mu);
	free(a->db_path);
	free(a->reports_dir);
	free(a);
}
