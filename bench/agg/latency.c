/*
 * latency.c - how long an edit takes to show in the national aggregate.
 *
 * Loads units and every household row of a synthetic country into the
 * live aggregate (core/agg.h) exactly as the server does, then changes
 * reviews one at a time (flipping a household's class) and after each
 * change recomputes the national figure on the 2025 map, timing the
 * change + recomputation. Prints p50, p99 and max in microseconds.
 *
 *   latency UNITS.csv LINEAGE.csv HOUSEHOLDS.csv YEAR [EDITS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/agg.h"
#include "io/households_file.h"
#include "io/standard_file.h"
#include "io/units_file.h"

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: latency UNITS LINEAGE HOUSEHOLDS YEAR [EDITS]\n");
		return 2;
	}
	int year = atoi(argv[4]);
	int edits = argc > 5 ? atoi(argv[5]) : 1000;
	gn_diag *d = diag_new(20);
	unit_set *u = NULL;
	std_set *s = std_set_new();
	const char *data = getenv("GNBV_DATA");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/standards", data ? data : "data");
	if (unitfile_load(argv[1], argv[1], argv[2], argv[2], d, &u) ||
	    std_load_dir(s, dir, d)) {
		fprintf(stderr, "cannot load units or standards\n");
		return 1;
	}
	agg *a = agg_new(u);
	hh_reader *r;
	if (hhfile_open(argv[3], argv[3], u, s, d, &r)) {
		fprintf(stderr, "cannot open %s\n", argv[3]);
		return 1;
	}
	size_t cap = 1 << 16, n = 0;
	char (*ids)[32] = malloc(cap * sizeof *ids);
	agg_review *revs = malloc(cap * sizeof *revs);
	hh_row row;
	double t0 = now_us();
	gn_err rc;
	while ((rc = hhfile_next(r, &row, d)) != GN_ENOTFOUND) {
		if (rc)
			continue;
		agg_review ar = {row.year, row.unit, row.cls, row.flags, (int)row.members,
				 row.minority, row.head_female, row.merit, row.no_labour};
		agg_set(a, row.id, row.id_len, &ar);
		if (row.year == year && row.id_len < 32) {
			if (n == cap) {
				cap *= 2;
				ids = realloc(ids, cap * sizeof *ids);
				revs = realloc(revs, cap * sizeof *revs);
			}
			memcpy(ids[n], row.id, row.id_len);
			ids[n][row.id_len] = '\0';
			revs[n++] = ar;
		}
	}
	hhfile_close(r);
	double load = now_us() - t0;
	unit_map *m = unit_map_new(u, date_from_ymd(2025, 12, 31));
	double *lat = malloc((size_t)edits * sizeof *lat);
	agg_figures total, *kids;
	size_t nk;
	srand(1);
	int64_t before = 0;
	for (int i = 0; i < edits && n; i++) {
		size_t k = (size_t)rand() % n;
		agg_review ar = revs[k];
		ar.cls = ar.cls == CLASS_POOR ? CLASS_NOT_POOR : CLASS_POOR;
		revs[k] = ar;
		double t = now_us();
		agg_set(a, ids[k], strlen(ids[k]), &ar);
		agg_children(a, m, year, -1, &total, &kids, &nk);
		lat[i] = now_us() - t;
		free(kids);
		if (i > 0 && total.t.cls[CLASS_POOR] == before)
			fprintf(stderr, "edit %d did not change the national figure\n", i);
		before = total.t.cls[CLASS_POOR];
	}
	qsort(lat, (size_t)edits, sizeof *lat, cmp_double);
	printf("households rows loaded: %zu of year %d; load %.0f ms\n", n, year, load / 1e3);
	printf("edit + national recompute (us): p50 %.0f  p99 %.0f  max %.0f  (%d edits)\n",
	       lat[edits / 2], lat[edits * 99 / 100], lat[edits - 1], edits);
	free(lat);
	free(ids);
	free(revs);
	unit_map_free(m);
	agg_free(a);
	units_free(u);
	std_set_free(s);
	diag_free(d);
	return 0;
}
