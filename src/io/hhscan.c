/* hhscan.c - households.csv on several threads. Layer: io. See hhscan.h. */
#include "hhscan.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "../core/mem.h"
#include "../core/strmap.h"
#include "households_file.h"

#define MAX_THREADS 8
#define PARALLEL_MIN_BYTES ((off_t)32 << 20)

/* A row in compact form, filed by partition; the id is in the arena of
 * the worker that read it. */
typedef struct rec {
	uint64_t h;
	uint64_t off;
	uint32_t len;
	int32_t unit;
	uint16_t year;
	uint8_t cls;
} rec;

typedef struct recvec {
	rec *v;
	size_t n, cap;
} recvec;

typedef struct worker {
	/* phase 1: parse a byte range */
	const hh_reader *proto;
	off_t begin, end, next_off;
	size_t nparts;
	recvec recs[MAX_THREADS];
	char *arena;
	size_t alen, acap;
	size_t nread;
	bool failed;
	/* phase 2: build one partition */
	struct worker *all;
	size_t nworkers;
	size_t part;
	int keep_year;
	hh_index *x;
	hh_scan_row *rows;
	size_t nrows, caprows;
	bool dup;
} worker;

/* With GNBV_TIMING set, phases report their wall time on stderr. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void timing(const char *what, double since)
{
	if (getenv("GNBV_TIMING"))
		fprintf(stderr, "gnbv: %s: %.3f s\n", what, now() - since);
}

static inline size_t part_of(uint64_t h, size_t nparts)
{
	return nparts == 1 ? 0 : (size_t)((uint32_t)(h >> 40) % nparts);
}

static void push_rec(recvec *v, rec r)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4096;
		v->v = gn_xreallocarray(v->v, v->cap, sizeof *v->v);
	}
	v->v[v->n++] = r;
}

static void push_row(hh_scan_row **rows, size_t *n, size_t *cap, hh_scan_row r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*rows = gn_xreallocarray(*rows, *cap, sizeof **rows);
	}
	(*rows)[(*n)++] = r;
}

static void *parse_range(void *arg)
{
	worker *w = arg;
	gn_diag *d = diag_new(1);
	hh_reader *r;
	if (hhfile_open_range(w->proto, w->begin, w->end, 0, d, &r) != GN_OK) {
		w->failed = true;
		diag_free(d);
		return NULL;
	}
	hh_row row;
	gn_err rc;
	while ((rc = hhfile_next(r, &row, d)) == GN_OK) {
		uint64_t h = strmap_hash(row.id, row.id_len);
		if (w->alen + row.id_len > w->acap) {
			w->acap = w->acap ? w->acap * 2 : (size_t)1 << 20;
			while (w->acap < w->alen + row.id_len)
				w->acap *= 2;
			w->arena = gn_xrealloc(w->arena, w->acap);
		}
		memcpy(w->arena + w->alen, row.id, row.id_len);
		push_rec(&w->recs[part_of(h, w->nparts)],
			 (rec){h, w->alen, (uint32_t)row.id_len, row.unit,
			       (uint16_t)row.year, (uint8_t)row.cls});
		w->alen += row.id_len;
		w->nread++;
	}
	if (rc != GN_ENOTFOUND)
		w->failed = true;
	w->next_off = hhfile_next_offset(r);
	hhfile_close(r);
	diag_free(d);
	return NULL;
}

static void *build_part(void *arg)
{
	worker *w = arg;
	size_t total = 0;
	for (size_t t = 0; t < w->nworkers; t++)
		total += w->all[t].recs[w->part].n;
	w->x = hhindex_new(total / 2 + 16);
	for (size_t t = 0; t < w->nworkers && !w->dup; t++) {
		const worker *src = &w->all[t];
		const recvec *v = &src->recs[w->part];
		for (size_t i = 0; i < v->n; i++) {
			const rec *e = &v->v[i];
			if (i + 16 < v->n)
				hhindex_prefetch(w->x, v->v[i + 16].h);
			bool dup;
			int32_t hh = hhindex_add_h(w->x, src->arena + e->off, e->len, e->h,
						   e->year, (hh_class)e->cls, &dup);
			if (dup) {
				w->dup = true;
				break;
			}
			if (e->year == w->keep_year)
				push_row(&w->rows, &w->nrows, &w->caprows,
					 (hh_scan_row){NULL, e->len, e->unit, (int32_t)w->part,
						       hh, e->cls});
		}
	}
	return NULL;
}

/* Finds the first record start at or after `at`: just past a line end. */
static off_t line_start_after(int fd, off_t at, off_t size)
{
	char chunk[65536];
	while (at < size) {
		ssize_t n = pread(fd, chunk, sizeof chunk, at);
		if (n <= 0)
			return size;
		char *nl = memchr(chunk, '\n', (size_t)n);
		if (nl)
			return at + (off_t)(nl - chunk) + 1;
		at += n;
	}
	return size;
}

static void free_workers(worker *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t p = 0; p < MAX_THREADS; p++)
			free(w[i].recs[p].v);
		free(w[i].arena);
		free(w[i].rows);
		hhindex_free(w[i].x);
	}
	free(w);
}

/* The parallel scan. Returns GN_OK with *out, or GN_EAGAIN-like GN_EINPUT
 * when anything went wrong: the caller then scans on one thread. */
static gn_err scan_parallel(const char *path, const hh_reader *proto,
			    off_t data_start, off_t size, size_t nt,
			    int keep_year, hh_scan **out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return GN_EIO;
	worker *w = gn_xcalloc(nt, sizeof *w);
	off_t at = data_start;
	size_t n = 0;
	for (size_t k = 0; k < nt; k++) {
		off_t end = k + 1 == nt ? size
			: line_start_after(fd, data_start + (size - data_start) * (off_t)(k + 1) / (off_t)nt, size);
		if (end <= at)
			continue;
		w[n].proto = proto;
		w[n].begin = at;
		w[n].end = end;
		w[n].nparts = nt;
		n++;
		at = end;
	}
	close(fd);

	bool ok = true;
	pthread_t tid[MAX_THREADS];
	double t0 = now();
	for (size_t i = 1; i < n; i++)
		if (pthread_create(&tid[i], NULL, parse_range, &w[i]))
			abort();
	parse_range(&w[0]);
	for (size_t i = 1; i < n; i++)
		pthread_join(tid[i], NULL);
	for (size_t i = 0; i < n; i++) {
		ok = ok && !w[i].failed;
		if (i + 1 < n)
			ok = ok && w[i].next_off == w[i + 1].begin;
	}
	timing("scan: parse on all threads", t0);
	if (!ok) {
		free_workers(w, nt);
		return GN_EINPUT;
	}

	/* Phase 2: partition p is built by worker p (nparts == nt). */
	for (size_t p = 0; p < nt; p++) {
		w[p].all = w;
		w[p].nworkers = n;
		w[p].part = p;
		w[p].keep_year = keep_year;
	}
	t0 = now();
	for (size_t p = 1; p < nt; p++)
		if (pthread_create(&tid[p], NULL, build_part, &w[p]))
			abort();
	build_part(&w[0]);
	for (size_t p = 1; p < nt; p++)
		pthread_join(tid[p], NULL);
	timing("scan: histories by partition", t0);
	for (size_t p = 0; p < nt; p++)
		ok = ok && !w[p].dup;
	if (!ok) {
		free_workers(w, nt);
		return GN_EINPUT;
	}

	hh_scan *sc = gn_xcalloc(1, sizeof *sc);
	sc->nparts = nt;
	sc->part = gn_xcalloc(nt, sizeof *sc->part);
	sc->threads = (int)nt;
	size_t total = 0;
	for (size_t p = 0; p < nt; p++) {
		total += w[p].nrows;
		sc->nread += w[p].nread;
	}
	sc->rows = gn_xmalloc((total ? total : 1) * sizeof *sc->rows);
	for (size_t p = 0; p < nt; p++) {
		sc->part[p] = w[p].x;
		w[p].x = NULL;
		for (size_t i = 0; i < w[p].nrows; i++) {
			hh_scan_row r = w[p].rows[i];
			size_t len;
			r.id = hhindex_id(sc->part[p], r.hh, &len);
			sc->rows[sc->nrows++] = r;
		}
	}
	free_workers(w, nt);
	*out = sc;
	return GN_OK;
}

/* One thread, exact messages. */
static gn_err scan_sequential(const char *path, const char *name,
			      const unit_set *u, const std_set *s,
			      int keep_year, gn_diag *d, hh_scan **out)
{
	size_t before = diag_errors(d);
	hh_reader *r;
	gn_err rc = hhfile_open(path, name, u, s, d, &r);
	if (rc)
		return rc;
	hh_scan *sc = gn_xcalloc(1, sizeof *sc);
	sc->nparts = 1;
	sc->threads = 1;
	sc->part = gn_xcalloc(1, sizeof *sc->part);
	sc->part[0] = hhindex_new(1 << 16);
	size_t cap = 0;
	hh_row row;
	while ((rc = hhfile_next(r, &row, d)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		sc->nread++;
		bool dup;
		int32_t i = hhindex_add(sc->part[0], row.id, row.id_len, row.year,
					row.cls, &dup);
		if (dup)
			diag_error(d, name, row.line, "household_id",
				   "household \"%.*s\" already has a row for year %d",
				   (int)(row.id_len > 60 ? 60 : row.id_len), row.id, row.year);
		else if (row.year == keep_year)
			push_row(&sc->rows, &sc->nrows, &cap,
				 (hh_scan_row){NULL, (uint32_t)row.id_len, row.unit, 0, i,
					       (uint8_t)row.cls});
	}
	hhfile_close(r);
	if (rc == GN_EIO || diag_errors(d) > before) {
		hhscan_free(sc);
		return rc == GN_EIO ? GN_EIO : GN_EINPUT;
	}
	for (size_t k = 0; k < sc->nrows; k++)
		sc->rows[k].id = hhindex_id(sc->part[0], sc->rows[k].hh, NULL);
	*out = sc;
	return GN_OK;
}

gn_err hhscan_run(const char *path, const char *name, const unit_set *u,
		  const std_set *s, int keep_year, int threads, gn_diag *d,
		  hh_scan **out)
{
	return hhscan_run_ex(path, name, u, s, keep_year, threads,
			     PARALLEL_MIN_BYTES, d, out);
}

gn_err hhscan_run_ex(const char *path, const char *name, const unit_set *u,
		     const std_set *s, int keep_year, int threads,
		     long long min_bytes, gn_diag *d, hh_scan **out)
{
	*out = NULL;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nt = threads > 0 ? (size_t)threads : (size_t)(ncpu > 0 ? ncpu : 1);
	if (nt > MAX_THREADS)
		nt = MAX_THREADS;
	struct stat st;
	if (nt > 1 && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= min_bytes && st.st_size > 0) {
		/* Bind the header and find the first record on the main reader;
		 * any problem there is left to the sequential scan to report. */
		gn_diag *quiet = diag_new(100);
		hh_reader *proto;
		if (hhfile_open(path, name, u, s, quiet, &proto) == GN_OK) {
			hh_row row;
			gn_err rc = hhfile_next(proto, &row, quiet);
			gn_err prc = GN_EINPUT;
			if (rc == GN_OK && diag_errors(quiet) == 0)
				prc = scan_parallel(path, proto, row.offset, st.st_size, nt,
						    keep_year, out);
			hhfile_close(proto);
			if (prc == GN_OK) {
				/* the header's warnings (unknown columns) */
				for (size_t i = 0; i < diag_count(quiet); i++) {
					const diag_item *it = diag_at(quiet, i);
					diag_add(d, it->kind, it->file, it->line, it->column,
						 "%s", it->text);
				}
				diag_free(quiet);
				return GN_OK;
			}
		}
		diag_free(quiet);
	}
	return scan_sequential(path, name, u, s, keep_year, d, out);
}

void hhscan_free(hh_scan *sc)
{
	if (!sc)
		return;
	for (size_t p = 0; p < sc->nparts; p++)
		hhindex_free(sc->part[p]);
	free(sc->part);
	free(sc->rows);
	free(sc);
}

const hh_history *hhscan_find(const hh_scan *sc, const char *id, size_t n)
{
	size_t p = part_of(strmap_hash(id, n), sc->nparts);
	int32_t i = hhindex_find(sc->part[p], id, n);
	return i < 0 ? NULL : hhindex_history(sc->part[p], i);
}
