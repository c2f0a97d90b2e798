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
#define NPARTS 64      /* partitions of the histories, each with a lock */
#define BATCH 128      /* rows a thread gathers for a partition per lock */
#define BATCH_IDS 4096 /* id bytes per batch */

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

static void push_row(hh_scan_row **rows, size_t *n, size_t *cap, hh_scan_row r)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*rows = gn_xreallocarray(*rows, *cap, sizeof **rows);
	}
	(*rows)[(*n)++] = r;
}

/* One partition of the histories, shared by the threads under its lock. */
typedef struct part {
	pthread_mutex_t lock;
	hh_index *x;
	hh_scan_row *rows; /* kept rows of households of this partition */
	size_t nrows, caprows;
	bool dup;
} part;

/* A thread's rows for one partition, waiting for its lock. */
typedef struct batch {
	uint64_t h[BATCH];
	uint16_t off[BATCH], len[BATCH], year[BATCH];
	int32_t unit[BATCH];
	uint8_t cls[BATCH];
	size_t n, idlen;
	char ids[BATCH_IDS];
} batch;

typedef struct worker {
	const hh_reader *proto;
	off_t begin, end, next_off;
	part *parts;
	int keep_year;
	batch *b;           /* NPARTS batches */
	size_t nread;
	bool failed;
} worker;

static void flush(worker *w, size_t p)
{
	batch *b = &w->b[p];
	part *pt = &w->parts[p];
	if (b->n == 0)
		return;
	pthread_mutex_lock(&pt->lock);
	for (size_t i = 0; i < b->n; i++) {
		bool dup;
		int32_t hh = hhindex_add_h(pt->x, b->ids + b->off[i], b->len[i], b->h[i],
					   b->year[i], (hh_class)b->cls[i], &dup);
		if (dup)
			pt->dup = true;
		else if (b->year[i] == w->keep_year)
			push_row(&pt->rows, &pt->nrows, &pt->caprows,
				 (hh_scan_row){NULL, b->len[i], b->unit[i], (int32_t)p, hh,
					       b->cls[i]});
	}
	pthread_mutex_unlock(&pt->lock);
	b->n = 0;
	b->idlen = 0;
}

static void *parse_range(void *arg)
{
	worker *w = arg;
	gn_diag *d = diag_new(1);
	hh_reader *r;
	w->b = gn_xcalloc(NPARTS, sizeof *w->b);
	if (hhfile_open_range(w->proto, w->begin, w->end, 0, d, &r) != GN_OK) {
		w->failed = true;
		diag_free(d);
		return NULL;
	}
	hh_row row;
	gn_err rc;
	while ((rc = hhfile_next(r, &row, d)) == GN_OK) {
		if (row.id_len > 255) {
			w->failed = true; /* the one-thread scan takes such ids */
			break;
		}
		uint64_t h = strmap_hash(row.id, row.id_len);
		size_t p = part_of(h, NPARTS);
		batch *b = &w->b[p];
		if (b->n == BATCH || b->idlen + row.id_len > BATCH_IDS)
			flush(w, p);
		memcpy(b->ids + b->idlen, row.id, row.id_len);
		b->h[b->n] = h;
		b->off[b->n] = (uint16_t)b->idlen;
		b->len[b->n] = (uint16_t)row.id_len;
		b->year[b->n] = (uint16_t)row.year;
		b->unit[b->n] = row.unit;
		b->cls[b->n] = (uint8_t)row.cls;
		b->n++;
		b->idlen += row.id_len;
		w->nread++;
	}
	if (rc != GN_ENOTFOUND)
		w->failed = true;
	for (size_t p = 0; p < NPARTS; p++)
		flush(w, p);
	w->next_off = hhfile_next_offset(r);
	hhfile_close(r);
	diag_free(d);
	free(w->b);
	w->b = NULL;
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

static void free_parts(part *parts)
{
	for (size_t p = 0; p < NPARTS; p++) {
		pthread_mutex_destroy(&parts[p].lock);
		hhindex_free(parts[p].x);
		free(parts[p].rows);
	}
	free(parts);
}

/* The parallel scan. GN_OK with *out; GN_EINPUT when anything went wrong
 * (a bad row, a repeat, ranges that do not chain): the caller then scans
 * on one thread, which reports exactly. */
static gn_err scan_parallel(const char *path, const hh_reader *proto,
			    off_t data_start, off_t size, size_t nt,
			    int keep_year, hh_scan **out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return GN_EIO;
	worker w[MAX_THREADS];
	memset(w, 0, sizeof w);
	part *parts = gn_xcalloc(NPARTS, sizeof *parts);
	size_t guess = (size_t)(size / 120 / NPARTS / 2) + 16; /* households */
	for (size_t p = 0; p < NPARTS; p++) {
		pthread_mutex_init(&parts[p].lock, NULL);
		parts[p].x = hhindex_new(guess);
	}
	off_t at = data_start;
	size_t n = 0;
	for (size_t k = 0; k < nt; k++) {
		off_t end = k + 1 == nt ? size
			: line_start_after(fd, data_start + (size - data_start) * (off_t)(k + 1) / (off_t)nt, size);
		if (end <= at)
			continue;
		w[n] = (worker){.proto = proto, .begin = at, .end = end, .parts = parts,
				.keep_year = keep_year};
		n++;
		at = end;
	}
	close(fd);

	double t0 = now();
	pthread_t tid[MAX_THREADS];
	for (size_t i = 1; i < n; i++)
		if (pthread_create(&tid[i], NULL, parse_range, &w[i]))
			abort();
	parse_range(&w[0]);
	for (size_t i = 1; i < n; i++)
		pthread_join(tid[i], NULL);
	timing("scan: parse and histories on all threads", t0);
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		ok = ok && !w[i].failed;
		if (i + 1 < n)
			ok = ok && w[i].next_off == w[i + 1].begin;
	}
	for (size_t p = 0; p < NPARTS; p++)
		ok = ok && !parts[p].dup;
	if (!ok) {
		free_parts(parts);
		return GN_EINPUT;
	}

	hh_scan *sc = gn_xcalloc(1, sizeof *sc);
	sc->nparts = NPARTS;
	sc->part = gn_xcalloc(NPARTS, sizeof *sc->part);
	sc->threads = (int)n;
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		sc->nread += w[i].nread;
	for (size_t p = 0; p < NPARTS; p++)
		total += parts[p].nrows;
	sc->rows = gn_xmalloc((total ? total : 1) * sizeof *sc->rows);
	for (size_t p = 0; p < NPARTS; p++) {
		sc->part[p] = parts[p].x;
		parts[p].x = NULL;
		for (size_t i = 0; i < parts[p].nrows; i++) {
			hh_scan_row r = parts[p].rows[i];
			r.id = hhindex_id(sc->part[p], r.hh, NULL);
			sc->rows[sc->nrows++] = r;
		}
	}
	free_parts(parts);
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
