/* test_synth.c - the synthetic country generator (src/cli/synth.c):
 * determinism, the 2025 map, lineage shares, validity intervals, the
 * classes and transitions of the households, shares of poor households,
 * one province as a subset of the country, and the files read back by the
 * project's own readers. Small scales keep it to a second or two. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/synth.h"
#include "core/date.h"
#include "core/mem.h"
#include "io/households_file.h"
#include "io/standard_file.h"
#include "io/units_file.h"

#define SCALE 0.002

static const char *const files[4] = {"units.csv", "lineage.csv",
				     "population.csv", "households.csv"};

/* ---- helpers ------------------------------------------------------------ */

static char *make_dir(void)
{
	char tmpl[] = "/tmp/gnbv_test_synth_XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return gn_xstrdup(d);
}

static void remove_dir(char *dir)
{
	char path[512];
	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	free(dir);
}

static char *gen(uint64_t seed, double scale, const char *prov, int y1, int y2,
		 synth_stats *st)
{
	char *dir = make_dir();
	synth_opts o;
	synth_opts_init(&o);
	o.seed = seed;
	o.scale = scale;
	o.province = prov;
	o.year_from = y1;
	o.year_to = y2;
	buf msg;
	buf_init(&msg, 0);
	gn_err rc = synth_write(&o, dir, st, &msg);
	if (rc)
		fprintf(stderr, "synth_write: %s\n", buf_cstr(&msg));
	assert_int_equal(rc, GN_OK);
	buf_free(&msg);
	return dir;
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = gn_xmalloc((size_t)n + 2);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	p[n] = '\0';
	p[n + 1] = '\0';
	*len = (size_t)n;
	return p;
}

/* A whole CSV file parsed in place: field (r, c) is f[r * ncol + c], row 0
 * the header. */
typedef struct table {
	char *data;
	char **f;
	size_t n, cap, ncol, nrows;
} table;

static void table_push(table *t, char *s)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->f = gn_xreallocarray(t->f, t->cap, sizeof *t->f);
	}
	t->f[t->n++] = s;
}

static void table_load(table *t, const char *dir, const char *name)
{
	memset(t, 0, sizeof *t);
	size_t len;
	char *s = slurp(dir, name, &len);
	t->data = s;
	size_t i = 0;
	while (i < len) {
		size_t nf = 0;
		for (;;) {
			char *start = s + i, *w = start;
			if (s[i] == '"') {
				i++;
				for (;;) {
					assert_true(i < len);
					if (s[i] == '"' && s[i + 1] == '"') {
						*w++ = '"';
						i += 2;
					} else if (s[i] == '"') {
						i++;
						break;
					} else {
						*w++ = s[i++];
					}
				}
			} else {
				while (i < len && s[i] != ',' && s[i] != '\n')
					*w++ = s[i++];
			}
			char sep = i < len ? s[i] : '\n';
			assert_true(sep == ',' || sep == '\n');
			*w = '\0';
			table_push(t, start);
			nf++;
			i++;
			if (sep == '\n')
				break;
		}
		if (t->nrows == 0)
			t->ncol = nf;
		assert_int_equal(nf, t->ncol); /* same width as the header */
		t->nrows++;
	}
}

static void table_free(table *t)
{
	free(t->data);
	free(t->f);
}

static int col(const table *t, const char *name)
{
	for (size_t c = 0; c < t->ncol; c++)
		if (strcmp(t->f[c], name) == 0)
			return (int)c;
	return -1;
}

static const char *cell(const table *t, size_t r, int c)
{
	return c < 0 ? "" : t->f[r * t->ncol + (size_t)c];
}

static gn_date parse_date(const char *s, gn_date dflt)
{
	if (!*s)
		return dflt;
	gn_date d;
	assert_true(date_parse(s, strlen(s), &d));
	return d;
}

/* Units: versions sorted by code then valid_from, for lookups. */
typedef struct uver {
	const char *code, *parent, *level, *type, *urban;
	gn_date from, to;
} uver;

typedef struct uset {
	table t;
	uver *v;
	size_t n;
} uset;

static int uver_cmp(const void *a, const void *b)
{
	const uver *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	if (c)
		return c;
	return x->from < y->from ? -1 : x->from > y->from;
}

static void uset_load(uset *u, const char *dir)
{
	table_load(&u->t, dir, "units.csv");
	const table *t = &u->t;
	int cc = col(t, "code"), cp = col(t, "parent_code"), cl = col(t, "level"),
	    ct = col(t, "type"), cu = col(t, "urban"), cf = col(t, "valid_from"),
	    cv = col(t, "valid_to");
	assert_true(cc >= 0 && cp >= 0 && cl >= 0 && ct >= 0 && cu >= 0 &&
		    cf >= 0 && cv >= 0);
	u->n = t->nrows - 1;
	u->v = gn_xcalloc(u->n, sizeof *u->v);
	for (size_t r = 1; r < t->nrows; r++) {
		uver *v = &u->v[r - 1];
		v->code = cell(t, r, cc);
		v->parent = cell(t, r, cp);
		v->level = cell(t, r, cl);
		v->type = cell(t, r, ct);
		v->urban = cell(t, r, cu);
		v->from = parse_date(cell(t, r, cf), GN_DATE_MIN);
		v->to = parse_date(cell(t, r, cv), GN_DATE_MAX);
	}
	qsort(u->v, u->n, sizeof *u->v, uver_cmp);
}

static void uset_free(uset *u)
{
	table_free(&u->t);
	free(u->v);
}

/* The first version of code (index), or -1. */
static long uset_first(const uset *u, const char *code)
{
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(u->v[mid].code, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < u->n && strcmp(u->v[lo].code, code) == 0 ? (long)lo : -1;
}

static const uver *uset_at(const uset *u, const char *code, gn_date d)
{
	long i = uset_first(u, code);
	if (i < 0)
		return NULL;
	for (size_t k = (size_t)i; k < u->n && strcmp(u->v[k].code, code) == 0; k++)
		if (u->v[k].from <= d && d <= u->v[k].to)
			return &u->v[k];
	return NULL;
}

static bool uver_urban(const uset *u, const uver *v, gn_date d)
{
	if (v->urban[0])
		return strcmp(v->urban, "1") == 0;
	if (strcmp(v->level, "village") == 0) {
		const uver *p = uset_at(u, v->parent, d);
		assert_non_null(p);
		return uver_urban(u, p, d);
	}
	return strcmp(v->type, "phuong") == 0 || strcmp(v->type, "thi_tran") == 0;
}

/* ---- classification (formats.md 7.1), written independently ------------- */

enum { NOT_POOR, AVERAGE, NEAR_POOR, POOR };
static const char *const ind_a[12] = {
	"d_employment",	      "d_dependents",	   "d_nutrition",
	"d_health_insurance", "d_adult_education", "d_child_schooling",
	"d_housing_quality",  "d_housing_area",	   "d_water",
	"d_sanitation",	      "d_telecom",	   "d_info_access",
};

static int64_t parse_money(const char *s)
{
	int64_t v = 0;
	for (; *s; s++) {
		if (*s == '.')
			continue;
		assert_true(*s >= '0' && *s <= '9');
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* A score in tenths ("139.5" -> 1395). */
static int64_t parse_score10(const char *s)
{
	int64_t v = 0;
	int dec = -1;
	for (; *s; s++) {
		if (*s == '.') {
			dec = 0;
			continue;
		}
		assert_true(*s >= '0' && *s <= '9');
		if (dec >= 0 && ++dec > 1)
			continue;
		v = v * 10 + (*s - '0');
	}
	return dec >= 1 ? v : v * 10;
}

typedef struct hrow {
	const char *id;
	int year;
	int cls;
	int deprivations;
} hrow;

/* Classifies every row of households.csv; checks the per-row rules. */
static hrow *classify_all(const table *h, const uset *u, size_t *n)
{
	int c_id = col(h, "household_id"), c_year = col(h, "year"),
	    c_unit = col(h, "unit_code"), c_inc = col(h, "income"),
	    c_sa = col(h, "score_a"), c_sb = col(h, "score_b"),
	    c_area = col(h, "area"), c_mem = col(h, "members"),
	    c_causes = col(h, "causes");
	int c_ind[14];
	for (int k = 0; k < 12; k++)
		c_ind[k] = col(h, ind_a[k]);
	c_ind[12] = col(h, "d_waste");
	c_ind[13] = col(h, "d_digital");
	hrow *rows = gn_xcalloc(h->nrows, sizeof *rows);
	for (size_t r = 1; r < h->nrows; r++) {
		hrow *x = &rows[r - 1];
		x->id = cell(h, r, c_id);
		x->year = atoi(cell(h, r, c_year));
		const char *unit = cell(h, r, c_unit);
		gn_date dec31 = date_year_end(x->year);
		const uver *v = uset_at(u, unit, dec31);
		assert_non_null(v);
		assert_true(strcmp(v->level, "commune") == 0 ||
			    strcmp(v->level, "village") == 0);
		/* old map before 2025, new map after */
		assert_true((x->year < 2025) == (v->to != GN_DATE_MAX));
		assert_true(atoi(cell(h, r, c_mem)) >= 1);
		bool urban = uver_urban(u, v, dec31);
		const char *area = cell(h, r, c_area);
		if (area[0]) {
			assert_true(strcmp(area, "urban") == 0 ||
				    strcmp(area, "rural") == 0);
			urban = strcmp(area, "urban") == 0;
		}
		bool std_b = x->year >= 2027;
		int64_t line = std_b ? (urban ? 2800000 : 2200000) :
			       (urban ? 2000000 : 1500000);
		int64_t cut10 = urban ? 1750 : 1400;
		int d = 0;
		for (int k = 0; k < 14; k++) {
			bool in_std = std_b ? (k < 10 || k >= 12) : k < 12;
			const char *f = cell(h, r, c_ind[k]);
			if (in_std) {
				assert_true(strcmp(f, "0") == 0 || strcmp(f, "1") == 0);
				d += f[0] == '1';
			}
		}
		x->deprivations = d;
		const char *sb = cell(h, r, c_sb);
		if (sb[0])
			assert_int_equal(atoi(sb), 10 * d);
		const char *inc = cell(h, r, c_inc), *sa = cell(h, r, c_sa);
		assert_true((inc[0] != '\0') != (sa[0] != '\0'));
		bool low;
		if (sa[0]) {
			low = parse_score10(sa) <= cut10;
			x->cls = low ? (d >= 3 ? POOR : NEAR_POOR) : NOT_POOR;
		} else {
			int64_t v64 = parse_money(inc);
			low = v64 <= line;
			x->cls = low ? (d >= 3 ? POOR : NEAR_POOR) :
				 2 * v64 <= 3 * line ? AVERAGE : NOT_POOR;
		}
		/* causes only on poor and near-poor rows */
		assert_true((cell(h, r, c_causes)[0] != '\0') == low);
		/* order: year, unit_code, household_id */
		if (r > 1) {
			int py = atoi(cell(h, r - 1, c_year));
			int c = py != x->year ? (py < x->year ? -1 : 1) :
				strcmp(cell(h, r - 1, c_unit), unit);
			if (c == 0)
				c = strcmp(cell(h, r - 1, c_id), x->id);
			assert_true(c < 0);
		}
	}
	*n = h->nrows - 1;
	return rows;
}

/* ---- transitions --------------------------------------------------------- */

enum { T_REMAIN_POOR, T_POOR_TO_NEAR, T_ESCAPED_POOR, T_NEAR_TO_POOR,
       T_REMAIN_NEAR, T_ESCAPED_NEAR, T_NEW_POOR, T_RE_POOR, T_NEW_NEAR,
       T_RE_NEAR, T_NONE, NTRANS };
static const char *const trans_name[NTRANS] = {
	"remain_poor", "poor_to_near", "escaped_poor", "near_to_poor",
	"remain_near", "escaped_near", "new_poor",     "re_poor",
	"new_near",    "re_near",      "none",
};

#define NYRS SYNTH_NYEARS

typedef struct hist {
	const char *id;
	int8_t cls[NYRS]; /* -1: no row */
} hist;

/* Open-addressing map from household id to its history. */
typedef struct hmap {
	hist *e;
	size_t cap;
} hmap;

static uint64_t sh(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static hist *hmap_get(hmap *m, const char *id)
{
	size_t i = (size_t)(sh(id) & (m->cap - 1));
	while (m->e[i].id && strcmp(m->e[i].id, id) != 0)
		i = (i + 1) & (m->cap - 1);
	if (!m->e[i].id) {
		m->e[i].id = id;
		memset(m->e[i].cls, -1, sizeof m->e[i].cls);
	}
	return &m->e[i];
}

static void count_transitions(const hrow *rows, size_t n,
			      size_t counts[NYRS][NTRANS])
{
	hmap m;
	m.cap = 1;
	while (m.cap < 2 * n + 16)
		m.cap *= 2;
	m.e = gn_xcalloc(m.cap, sizeof *m.e);
	for (size_t i = 0; i < n; i++) {
		hist *h = hmap_get(&m, rows[i].id);
		int yi = rows[i].year - SYNTH_YEAR_MIN;
		assert_true(yi >= 0 && yi < NYRS);
		assert_int_equal(h->cls[yi], -1); /* (id, year) at most once */
		h->cls[yi] = (int8_t)rows[i].cls;
	}
	memset(counts, 0, sizeof(size_t) * NYRS * NTRANS);
	for (size_t i = 0; i < n; i++) {
		const hist *h = hmap_get(&m, rows[i].id);
		int yi = rows[i].year - SYNTH_YEAR_MIN;
		int prev = yi > 0 ? h->cls[yi - 1] : -1;
		if (prev == AVERAGE || prev < 0)
			prev = NOT_POOR;
		int cur = rows[i].cls, t;
		if (prev == POOR) {
			t = cur == POOR ? T_REMAIN_POOR :
			    cur == NEAR_POOR ? T_POOR_TO_NEAR : T_ESCAPED_POOR;
		} else if (prev == NEAR_POOR) {
			t = cur == POOR ? T_NEAR_TO_POOR :
			    cur == NEAR_POOR ? T_REMAIN_NEAR : T_ESCAPED_NEAR;
		} else if (cur == POOR || cur == NEAR_POOR) {
			bool before = false;
			for (int k = 0; k < yi - 1; k++)
				before |= h->cls[k] == cur;
			t = cur == POOR ? (before ? T_RE_POOR : T_NEW_POOR) :
			    (before ? T_RE_NEAR : T_NEW_NEAR);
		} else {
			t = T_NONE;
		}
		counts[yi][t]++;
	}
	free(m.e);
}

/* ---- tests --------------------------------------------------------------- */

/* Datasets shared by the tests (made once: generation dominates the time,
 * above all under the sanitizers). */
static char *dir_a; /* seed 7, 2022-2025 */
static char *dir_w; /* seed 7, 2022-2030 */
static synth_stats stats_a;

static int setup(void **state)
{
	(void)state;
	dir_a = gen(7, SCALE, NULL, 2022, 2025, &stats_a);
	dir_w = gen(7, SCALE, NULL, 2022, 2030, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_dir(dir_a);
	remove_dir(dir_w);
	return 0;
}

static void test_determinism(void **state)
{
	(void)state;
	char *b = gen(7, SCALE, NULL, 2022, 2025, NULL);
	char *c = gen(8, SCALE, NULL, 2022, 2025, NULL);
	for (size_t i = 0; i < 4; i++) {
		size_t la, lb, lc;
		char *pa = slurp(dir_a, files[i], &la);
		char *pb = slurp(b, files[i], &lb);
		char *pc = slurp(c, files[i], &lc);
		assert_int_equal(la, lb);
		assert_memory_equal(pa, pb, la);
		if (i == 0 || i == 3) /* names and households differ */
			assert_true(la != lc || memcmp(pa, pc, la) != 0);
		free(pa);
		free(pb);
		free(pc);
	}
	/* the first years of 2022-2030 are those of 2022-2025, but for the
	 * two columns of the 2027-2030 standard */
	size_t la, lw;
	char *pa = slurp(dir_a, files[2], &la);
	char *pw = slurp(dir_w, files[2], &lw);
	assert_true(lw > la);
	assert_memory_equal(pa, pw, la);
	free(pa);
	free(pw);
	remove_dir(b);
	remove_dir(c);
}

static void test_units_and_lineage(void **state)
{
	(void)state;
	const char *dir = dir_a;
	uset u;
	uset_load(&u, dir);
	size_t provinces = 0, new_communes = 0, old_communes = 0,
	       districts = 0, dac_khu = 0, villages = 0;
	gn_date cut_old = date_from_ymd(2025, 6, 30);
	gn_date cut_new = date_from_ymd(2025, 7, 1);
	for (size_t i = 0; i < u.n; i++) {
		const uver *v = &u.v[i];
		if (strcmp(v->level, "province") == 0)
			provinces++;
		if (strcmp(v->level, "district") == 0)
			districts++;
		if (strcmp(v->level, "village") == 0)
			villages++;
		if (strcmp(v->level, "commune") == 0) {
			if (v->from == cut_new && v->to == GN_DATE_MAX)
				new_communes++;
			else if (v->to == cut_old)
				old_communes++;
			else
				fail_msg("commune %s with an unexpected interval", v->code);
			if (strcmp(v->type, "dac_khu") == 0) {
				dac_khu++;
				assert_true(v->urban[0] == '0' || v->urban[0] == '1');
			}
		}
		/* no overlap with the next version of the same code */
		if (i + 1 < u.n && strcmp(u.v[i + 1].code, v->code) == 0)
			assert_true(v->to < u.v[i + 1].from);
		/* the parent exists over the child's whole interval */
		if (v->parent[0]) {
			gn_date d = v->from;
			for (;;) {
				const uver *p = uset_at(&u, v->parent, d);
				if (!p)
					fail_msg("%s: parent %s missing", v->code, v->parent);
				if (p->to >= v->to)
					break;
				d = p->to + 1;
			}
		} else {
			assert_string_equal(v->level, "country");
		}
	}
	assert_int_equal(provinces, 34);
	assert_int_equal(new_communes, 3321);
	assert_int_equal(dac_khu, 13);
	assert_true(old_communes > 9500 && old_communes < 11000);
	assert_true(districts > 600 && districts < 800);
	assert_true(villages > 0);

	/* lineage: old codes of the old map, new codes of the new one, shares
	 * (in thousandths) summing to 1 per old code */
	table l;
	table_load(&l, dir, "lineage.csv");
	int co = col(&l, "old_code"), cn = col(&l, "new_code"),
	    cd = col(&l, "date"), cs = col(&l, "share");
	size_t splits = 0;
	for (size_t r = 1; r < l.nrows;) {
		const char *old = cell(&l, r, co);
		long sum = 0;
		size_t k = r;
		for (; k < l.nrows && strcmp(cell(&l, k, co), old) == 0; k++) {
			const uver *ov = uset_at(&u, old, cut_old);
			const uver *nv = uset_at(&u, cell(&l, k, cn), cut_new);
			assert_non_null(ov);
			assert_non_null(nv);
			assert_null(uset_at(&u, old, cut_new)); /* code ceased */
			assert_string_equal(cell(&l, k, cd), "2025-07-01");
			const char *s = cell(&l, k, cs);
			if (!s[0]) {
				sum += 1000;
			} else {
				assert_true(s[0] == '0' && s[1] == '.');
				long th = 0;
				int digits = 0;
				for (const char *p = s + 2; *p; p++, digits++)
					th = th * 10 + (*p - '0');
				for (; digits < 3; digits++)
					th *= 10;
				sum += th;
			}
		}
		if (k - r > 1)
			splits++;
		assert_int_equal(sum, 1000);
		r = k;
	}
	assert_true(splits > 50); /* about 1% of old communes */
	/* every old commune lives on: its code reused, or lineage */
	for (size_t i = 0; i < u.n; i++) {
		const uver *v = &u.v[i];
		if (strcmp(v->level, "commune") || v->to != cut_old)
			continue;
		if (uset_at(&u, v->code, cut_new))
			continue;
		bool found = false;
		for (size_t r = 1; r < l.nrows && !found; r++)
			found = strcmp(cell(&l, r, co), v->code) == 0;
		assert_true(found);
	}
	table_free(&l);
	uset_free(&u);
}

static void check_households(const char *dir, int y1, int y2)
{
	uset u;
	uset_load(&u, dir);
	table h;
	table_load(&h, dir, "households.csv");
	assert_true((col(&h, "d_waste") >= 0) == (y2 >= 2027));
	size_t n;
	hrow *rows = classify_all(&h, &u, &n);
	size_t counts[NYRS][NTRANS];
	count_transitions(rows, n, counts);

	/* every transition occurs (the first year has no history) */
	for (int t = 0; t < NTRANS; t++) {
		size_t total = 0;
		for (int y = y1 + 1; y <= y2; y++)
			total += counts[y - SYNTH_YEAR_MIN][t];
		if (total == 0)
			fail_msg("transition %s never occurs", trans_name[t]);
	}
	/* both re_ transitions occur from the third year on, every year */
	for (int y = y1 + 2; y <= y2; y++) {
		assert_true(counts[y - SYNTH_YEAR_MIN][T_RE_POOR] > 0);
		assert_true(counts[y - SYNTH_YEAR_MIN][T_RE_NEAR] > 0);
	}

	/* shares of all resident households, per year */
	table p;
	table_load(&p, dir, "population.csv");
	int cy = col(&p, "year"), chh = col(&p, "households");
	for (int y = y1; y <= y2; y++) {
		long households = 0, poor = 0, near = 0, reviewed = 0;
		for (size_t r = 1; r < p.nrows; r++)
			if (atoi(cell(&p, r, cy)) == y)
				households += atol(cell(&p, r, chh));
		for (size_t i = 0; i < n; i++) {
			if (rows[i].year != y)
				continue;
			reviewed++;
			poor += rows[i].cls == POOR;
			near += rows[i].cls == NEAR_POOR;
		}
		double sp = 100.0 * (double)poor / (double)households;
		double sn = 100.0 * (double)near / (double)households;
		double sr = 100.0 * (double)reviewed / (double)households;
		if (y < 2027) {
			if (sp < 2.0 || sp > 4.0)
				fail_msg("%d: poor share %.2f%%", y, sp);
		}
		if (sn < 1.5 || sn > 4.0)
			fail_msg("%d: near-poor share %.2f%%", y, sn);
		if (sr < 7.5 || sr > 11.0)
			fail_msg("%d: reviewed share %.2f%%", y, sr);
	}
	table_free(&p);
	free(rows);
	table_free(&h);
	uset_free(&u);
}

static void test_households(void **state)
{
	(void)state;
	assert_int_equal(stats_a.nyears, 4);
	assert_true(stats_a.households > 10000);
	assert_int_equal(stats_a.year[0].year, 2022);
	check_households(dir_a, 2022, 2025);
}

static void test_households_2030(void **state)
{
	(void)state;
	check_households(dir_w, 2022, 2030);
}

/* Lines of sub all occur in full (both files sorted the same way). */
static void assert_lines_subset(const char *sub, size_t ls, const char *full,
				size_t lf)
{
	const char *f = full, *fe = full + lf;
	for (const char *s = sub; s < sub + ls;) {
		const char *se = memchr(s, '\n', (size_t)(sub + ls - s));
		size_t n = (size_t)(se - s) + 1;
		for (;;) {
			assert_true(f < fe);
			const char *e = memchr(f, '\n', (size_t)(fe - f));
			size_t m = (size_t)(e - f) + 1;
			f += m;
			if (m == n && memcmp(f - m, s, n) == 0)
				break;
		}
		s += n;
	}
}

static void test_province_subset(void **state)
{
	(void)state;
	char *one = gen(7, SCALE, "04", 2022, 2025, NULL);
	for (size_t i = 0; i < 4; i++) {
		size_t la, lo;
		char *pa = slurp(dir_a, files[i], &la);
		char *po = slurp(one, files[i], &lo);
		assert_true(lo < la);
		assert_true(memchr(po, '\n', lo) != NULL);
		const char *body = (const char *)memchr(po, '\n', lo) + 1;
		assert_true(body < po + lo); /* rows besides the header */
		assert_lines_subset(po, lo, pa, la);
		free(pa);
		free(po);
	}
	/* and the range 2024-2025 is the tail of 2022-2025 */
	char *tail = gen(7, SCALE, "04", 2024, 2025, NULL);
	size_t la, lt;
	char *pa = slurp(one, files[3], &la);
	char *pt = slurp(tail, files[3], &lt);
	assert_lines_subset(pt, lt, pa, la);
	free(pa);
	free(pt);
	remove_dir(tail);
	remove_dir(one);
}

static void test_options(void **state)
{
	(void)state;
	synth_opts o;
	synth_opts_init(&o);
	buf msg;
	buf_init(&msg, 0);
	assert_int_equal(synth_check(&o, &msg), GN_OK);
	o.scale = 0;
	assert_int_equal(synth_check(&o, &msg), GN_EUSAGE);
	synth_opts_init(&o);
	o.province = "02"; /* Hà Giang: merged into Tuyên Quang in 2025 */
	assert_int_equal(synth_check(&o, &msg), GN_EUSAGE);
	synth_opts_init(&o);
	o.year_from = 2021;
	assert_int_equal(synth_check(&o, &msg), GN_EUSAGE);
	synth_opts_init(&o);
	o.year_from = 2026;
	o.year_to = 2025;
	assert_int_equal(synth_check(&o, &msg), GN_EUSAGE);
	assert_true(synth_province_known("96"));
	assert_false(synth_province_known("97"));
	size_t k = 0;
	while (synth_province_code(k))
		k++;
	assert_int_equal(k, 34);
	buf_free(&msg);
}

/* The project's own readers accept the files and classify every row as
 * this test does. */
static void test_project_readers(void **state)
{
	(void)state;
	const char *data = getenv("GNBV_DATA");
	if (!data || !*data) {
		skip();
		return;
	}
	const char *dir = dir_w;
	char up[512], lp[512], pp[512], hp[512], sd[512];
	snprintf(up, sizeof up, "%s/units.csv", dir);
	snprintf(lp, sizeof lp, "%s/lineage.csv", dir);
	snprintf(pp, sizeof pp, "%s/population.csv", dir);
	snprintf(hp, sizeof hp, "%s/households.csv", dir);
	snprintf(sd, sizeof sd, "%s/standards", data);
	gn_diag *d = diag_new(20);
	unit_set *units = NULL;
	gn_err rc = unitfile_load(up, "units.csv", lp, "lineage.csv", d, &units);
	for (size_t i = 0; i < diag_count(d); i++)
		fprintf(stderr, "%ld: %s: %s\n", diag_at(d, i)->line,
			diag_at(d, i)->column, diag_at(d, i)->text);
	assert_int_equal(rc, GN_OK);
	assert_int_equal(diag_errors(d), 0);
	pop_table pop;
	assert_int_equal(popfile_load(units, pp, "population.csv", d, &pop), GN_OK);
	std_set *stds = std_set_new();
	assert_int_equal(std_load_dir(stds, sd, d), GN_OK);

	uset u;
	uset_load(&u, dir);
	table h;
	table_load(&h, dir, "households.csv");
	size_t n;
	hrow *rows = classify_all(&h, &u, &n);
	hh_reader *r = NULL;
	assert_int_equal(hhfile_open(hp, "households.csv", units, stds, d, &r),
			 GN_OK);
	static const hh_class want[] = {CLASS_NOT_POOR, CLASS_AVERAGE,
					CLASS_NEAR_POOR, CLASS_POOR};
	size_t i = 0;
	hh_row row;
	while ((rc = hhfile_next(r, &row, d)) == GN_OK) {
		assert_true(i < n);
		assert_int_equal(row.cls, want[rows[i].cls]);
		assert_int_equal(row.deprivations, rows[i].deprivations);
		i++;
	}
	for (size_t k = 0; k < diag_count(d); k++)
		fprintf(stderr, "%ld: %s: %s\n", diag_at(d, k)->line,
			diag_at(d, k)->column, diag_at(d, k)->text);
	assert_int_equal(rc, GN_ENOTFOUND);
	assert_int_equal(i, n);
	assert_int_equal(diag_errors(d), 0);
	hhfile_close(r);
	free(rows);
	table_free(&h);
	uset_free(&u);
	std_set_free(stds);
	poptable_free(&pop);
	units_free(units);
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_determinism),
		cmocka_unit_test(test_units_and_lineage),
		cmocka_unit_test(test_households),
		cmocka_unit_test(test_households_2030),
		cmocka_unit_test(test_province_subset),
		cmocka_unit_test(test_project_readers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
