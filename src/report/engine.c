/*
 * engine.c - report layouts (data/reports/NAME.rpt) and the one engine that
 * draws them. Layer: report. See engine.h; the file format is documented
 * at the top of data/reports/results.rpt.
 *
 * A layout is kept as its directives (kind, tokens, line); report_build
 * expands the `indicators` blocks over the year's standard, substitutes
 * the placeholders, resolves columns and header cells, and evaluates each
 * column's measure on each row of the figures. The measures are one table
 * (name -> function of a unit's figures).
 */
#include "engine.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/rollup.h"
#include "../io/households_file.h"

/* ---- measures ------------------------------------------------------------- */

typedef int64_t (*measure_fn)(const report_figures *rf, const rfig *f, int bit);

#define M(name, expr)                                                                  \
	static int64_t m_##name(const report_figures *rf, const rfig *f, int bit)      \
	{                                                                              \
		(void)rf;                                                              \
		(void)bit;                                                             \
		return (expr);                                                         \
	}
M(households, f->households)
M(persons, f->persons)
M(reviewed, f->reviewed)
M(poor, f->cls[CLASS_POOR])
M(near_poor, f->cls[CLASS_NEAR_POOR])
M(poor_near, f->cls[CLASS_POOR] + f->cls[CLASS_NEAR_POOR])
M(poor_start, rfig_poor_start(f))
M(escaped_poor, f->tr[TR_ESCAPED_POOR])
M(poor_to_near, f->tr[TR_POOR_TO_NEAR])
M(poor_out, rfig_poor_out(f))
M(new_poor, f->tr[TR_NEW_POOR])
M(re_poor, f->tr[TR_RE_POOR])
M(near_to_poor, f->tr[TR_NEAR_TO_POOR])
M(poor_in, rfig_poor_in(f))
M(poor_end, f->cls[CLASS_POOR])
M(remain_poor, f->tr[TR_REMAIN_POOR])
M(near_start, rfig_near_start(f))
M(escaped_near, f->tr[TR_ESCAPED_NEAR])
M(near_out, rfig_near_out(f))
M(new_near, f->tr[TR_NEW_NEAR])
M(re_near, f->tr[TR_RE_NEAR])
M(near_in, rfig_near_in(f))
M(near_end, f->cls[CLASS_NEAR_POOR])
M(remain_near, f->tr[TR_REMAIN_NEAR])
M(dep_poor, f->dep_poor[bit])
M(dep_near, f->dep_near[bit])
M(poor_minority, f->grp_poor[GRP_MINORITY])
M(poor_no_labour, f->grp_poor[GRP_NO_LABOUR])
M(poor_merit, f->grp_poor[GRP_MERIT])
M(poor_other, f->grp_poor[GRP_OTHER])
M(near_minority, f->grp_near[GRP_MINORITY])
M(near_no_labour, f->grp_near[GRP_NO_LABOUR])
M(near_merit, f->grp_near[GRP_MERIT])
M(near_other, f->grp_near[GRP_OTHER])
M(cause_poor, f->cause_poor[bit])
M(cause_near, f->cause_near[bit])
M(poor_kinh, f->kinh_poor)
M(near_kinh, f->kinh_near)
M(eth_poor, bit >= 0 ? f->eth_poor[bit] : 0)
M(eth_near, bit >= 0 ? f->eth_near[bit] : 0)
M(child_poor, f->child_poor)
M(child_near, f->child_near)
M(af_n, f->af.n)
M(af_q, f->af.q)
#undef M

/* Alkire-Foster measures (core/af.h) of a unit, x 10000 rounded half up
 * (a percentage with 2 decimals, a proportion with 4). */
static int64_t af_measure(const report_figures *rf, const rfig *f, int bit, int which)
{
	if (!rf->std)
		return 0;
	af_result r;
	af_compute(&f->af, &rf->af, &r);
	int j = 0;
	while (j < rf->std->nind && rf->std->ind[j].bit != bit)
		j++;
	switch (which) {
	case 0: return af_frac_round(r.H, 10000);
	case 1: return af_frac_round(r.A, 10000);
	case 2: return af_frac_round(r.M0, 10000);
	case 3: return j < r.nind ? af_frac_round(r.hdk[j], 10000) : 0;
	default: return j < r.nind ? af_frac_round(r.pctb[j], 10000) : 0;
	}
}
#define A(name, which) \
	static int64_t m_af_##name(const report_figures *rf, const rfig *f, int bit) \
	{ return af_measure(rf, f, bit, which); }
A(H, 0)
A(A, 1)
A(M0, 2)
A(hdk, 3)
A(pctb, 4)
#undef A

typedef enum param_kind { P_NONE, P_INDICATOR, P_CAUSE, P_ETHNICITY } param_kind;

typedef struct measure {
	const char *name;
	param_kind param;
	measure_fn fn;  /* NULL: a text measure */
	int decimals;   /* 0: a count; else fn gives value x 10^decimals */
} measure;

#define E(name) {#name, P_NONE, m_##name, 0}
static const measure measures[] = {
	{"name", P_NONE, NULL, 0},   /* the unit's name ("Tổng cộng" on the total) */
	{"code", P_NONE, NULL, 0},   /* the unit's code */
	{"level", P_NONE, NULL, 0},  /* the unit's level in Vietnamese */
	E(households), E(persons), E(reviewed),
	E(poor), E(near_poor), E(poor_near),
	E(poor_start), E(escaped_poor), E(poor_to_near), E(poor_out),
	E(new_poor), E(re_poor), E(near_to_poor), E(poor_in), E(poor_end), E(remain_poor),
	E(near_start), E(escaped_near), E(near_out), E(new_near), E(re_near),
	E(near_in), E(near_end), E(remain_near),
	{"dep_poor", P_INDICATOR, m_dep_poor, 0},
	{"dep_near", P_INDICATOR, m_dep_near, 0},
	E(poor_minority), E(poor_no_labour), E(poor_merit), E(poor_other),
	E(near_minority), E(near_no_labour), E(near_merit), E(near_other),
	{"cause_poor", P_CAUSE, m_cause_poor, 0},
	{"cause_near", P_CAUSE, m_cause_near, 0},
	E(poor_kinh), E(near_kinh),
	{"eth_poor", P_ETHNICITY, m_eth_poor, 0},
	{"eth_near", P_ETHNICITY, m_eth_near, 0},
	E(child_poor), E(child_near),
	E(af_n), E(af_q),
	{"af_H", P_NONE, m_af_H, 2},
	{"af_A", P_NONE, m_af_A, 2},
	{"af_M0", P_NONE, m_af_M0, 4},
	{"af_hdk", P_INDICATOR, m_af_hdk, 2},
	{"af_pctb", P_INDICATOR, m_af_pctb, 2},
};
#undef E
#define NMEASURES (sizeof measures / sizeof measures[0])

static const measure *find_measure(const char *s, size_t n)
{
	for (size_t i = 0; i < NMEASURES; i++)
		if (strlen(measures[i].name) == n && memcmp(measures[i].name, s, n) == 0)
			return &measures[i];
	return NULL;
}

/* A term of a column's measure: a figure with its indicator bit. */
typedef struct term {
	const measure *m;
	int bit;
} term;

/* ---- layouts -------------------------------------------------------------- */

typedef enum item_kind {
	IT_SUBTITLE,
	IT_COLUMN,
	IT_HEAD,
	IT_NOTE,
	IT_SIGNER,
} item_kind;

#define MAX_TOK 5

typedef struct item {
	item_kind kind;
	long line;
	int block;            /* 0, or the number of the indicators/ethnicities block */
	bool eth;             /* in an ethnicities block */
	char *tok[MAX_TOK];   /* the last one runs to the end of the line */
	int ntok;
} item;

struct report_layout {
	char *file;
	char *name, *title, *form, *issuer, *issuer_parent, *date, *total;
	int number;
	bool portrait, numbered;
	item *items;
	size_t nitems;
};

static const char *const placeholders[] = {
	"unit", "year", "prev", "asof", "parent", "key", "name", "n",
};

/* Every {word} of s must be a known placeholder. */
static bool check_placeholders(const char *s, const char *file, long line, gn_diag *d)
{
	bool ok = true;
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		size_t n = e ? (size_t)(e - p - 1) : 0;
		bool known = false;
		for (size_t i = 0; e && i < sizeof placeholders / sizeof *placeholders; i++)
			known |= strlen(placeholders[i]) == n && memcmp(placeholders[i], p + 1, n) == 0;
		if (!known) {
			diag_error(d, file, line, "", "unknown placeholder at \"%.20s\"", p);
			ok = false;
		}
	}
	return ok;
}

/* Splits s into at most max tokens at blanks, the last taking the rest. */
static int split(char *s, char **tok, int max)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		tok[n++] = s;
		if (n == max)
			break;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* Checks the syntax of a measure: TERM or TERM/TERM, TERM = NAME[:PARAM]. */
static bool check_measure(const char *s, const char *file, long line, gn_diag *d)
{
	const char *slash = strchr(s, '/');
	for (int part = 0; part < (slash ? 2 : 1); part++) {
		const char *a = part ? slash + 1 : s;
		const char *end = part || !slash ? a + strlen(a) : slash;
		const char *colon = memchr(a, ':', (size_t)(end - a));
		size_t n = (size_t)((colon ? colon : end) - a);
		const measure *m = find_measure(a, n);
		if (!m) {
			diag_error(d, file, line, "", "unknown measure \"%.*s\"", (int)n, a);
			return false;
		}
		if ((m->param != P_NONE) != (colon != NULL) || (colon && colon + 1 == end)) {
			diag_error(d, file, line, "", "measure \"%s\" %s", m->name,
				   m->param == P_INDICATOR ? "needs an indicator: NAME:KEY"
				   : m->param == P_CAUSE ? "needs a cause: NAME:CAUSE"
				   : m->param == P_ETHNICITY ? "needs an ethnicity: NAME:KEY"
							   : "takes no parameter");
			return false;
		}
		if (m->param == P_CAUSE && colon[1] != '{') {
			size_t kn = (size_t)(end - colon - 1);
			bool known = false;
			for (int k = 0; k < RF_CAUSES; k++)
				known |= strlen(cause_name(k)) == kn &&
					 memcmp(cause_name(k), colon + 1, kn) == 0;
			if (!known) {
				diag_error(d, file, line, "", "unknown cause \"%.*s\"", (int)kn,
					   colon + 1);
				return false;
			}
		}
		if (!m->fn && slash) {
			diag_error(d, file, line, "", "\"%s\" is text: it cannot be part of a rate",
				   m->name);
			return false;
		}
		if (m->decimals && slash) {
			diag_error(d, file, line, "", "\"%s\" is a ratio: it cannot be part of a rate",
				   m->name);
			return false;
		}
	}
	return true;
}

void report_layout_free(report_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nitems; i++)
		for (int k = 0; k < l->items[i].ntok; k++)
			free(l->items[i].tok[k]);
	free(l->items);
	free(l->file);
	free(l->name);
	free(l->title);
	free(l->form);
	free(l->issuer);
	free(l->issuer_parent);
	free(l->date);
	free(l->total);
	free(l);
}

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = gn_xstrdup(v);
}

gn_err report_layout_parse(const char *file, const char *text, size_t n, gn_diag *d,
			   report_layout **out)
{
	report_layout *l = gn_xcalloc(1, sizeof *l);
	l->file = gn_xstrdup(file);
	size_t errors0 = diag_errors(d);
	size_t cap = 0;
	int block = 0, nblocks = 0;
	bool eth_block = false;
	long block_line = 0;
	long line = 0;
	const char *p = text, *end = text + n;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		char *s = gn_xstrndup(p, (size_t)(le - p));
		p = nl ? nl + 1 : end;
		size_t len = strlen(s);
		while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
			s[--len] = '\0';
		char *t = s;
		while (*t == ' ' || *t == '\t')
			t++;
		if (!*t || *t == '#') {
			free(s);
			continue;
		}
		char *word[2] = {NULL, NULL};
		int nw = split(t, word, 2);
		const char *w = word[0], *rest = nw > 1 ? word[1] : "";
		if (!check_placeholders(rest, file, line, d)) {
			free(s);
			continue;
		}
		item it = {0};
		it.line = line;
		it.block = block;
		it.eth = eth_block;
		bool is_item = false;
		if (strcmp(w, "name") == 0 || strcmp(w, "title") == 0 || strcmp(w, "form") == 0 ||
		    strcmp(w, "issuer") == 0 || strcmp(w, "issuer_parent") == 0 ||
		    strcmp(w, "date") == 0 || strcmp(w, "total") == 0) {
			if (!*rest)
				diag_error(d, file, line, "", "%s: text expected", w);
			char **field = w[0] == 'n' ? &l->name : w[0] == 't' && w[1] == 'i' ? &l->title
				: w[0] == 't' ? &l->total : w[0] == 'f' ? &l->form
				: w[0] == 'd' ? &l->date : strcmp(w, "issuer") == 0 ? &l->issuer
				: &l->issuer_parent;
			set_str(field, rest);
		} else if (strcmp(w, "number") == 0) {
			long v;
			if (!parse_int(rest, 1, 99, &v))
				diag_error(d, file, line, "", "number: 1 to 99 expected");
			else
				l->number = (int)v;
		} else if (strcmp(w, "portrait") == 0 || strcmp(w, "numbered") == 0) {
			*(w[0] == 'p' ? &l->portrait : &l->numbered) = true;
		} else if (strcmp(w, "indicators") == 0 || strcmp(w, "ethnicities") == 0) {
			if (block)
				diag_error(d, file, line, "", "%s: blocks do not nest", w);
			block = ++nblocks;
			eth_block = w[0] == 'e';
			block_line = line;
		} else if (strcmp(w, "end") == 0) {
			if (!block)
				diag_error(d, file, line, "", "end without indicators or ethnicities");
			block = 0;
		} else if (strcmp(w, "subtitle") == 0 || strcmp(w, "note") == 0 ||
			   strcmp(w, "signer") == 0) {
			it.kind = w[0] == 's' && w[1] == 'u' ? IT_SUBTITLE : w[0] == 'n' ? IT_NOTE
											  : IT_SIGNER;
			it.tok[0] = gn_xstrdup(rest);
			it.ntok = 1;
			is_item = true;
			if (block)
				diag_error(d, file, line, "", "%s: not allowed in a repeated block", w);
		} else if (strcmp(w, "column") == 0) {
			char *r = gn_xstrdup(rest);
			char *tok[4];
			int k = split(r, tok, 4);
			long width;
			if (k != 3)
				diag_error(d, file, line, "", "column: KEY WIDTH MEASURE expected");
			else if (!parse_int(tok[1], 0, 200, &width))
				diag_error(d, file, line, "", "column: width 0 to 200 expected");
			else if (check_measure(tok[2], file, line, d)) {
				it.kind = IT_COLUMN;
				for (int j = 0; j < 3; j++)
					it.tok[j] = gn_xstrdup(tok[j]);
				it.ntok = 3;
				is_item = true;
			}
			free(r);
		} else if (strcmp(w, "head") == 0) {
			char *r = gn_xstrdup(rest);
			char *tok[5];
			int k = split(r, tok, 5);
			long v;
			if (k != 5)
				diag_error(d, file, line, "", "head: ROW FIRST LAST ROWSPAN TEXT expected");
			else if (!parse_int(tok[0], 0, 9, &v) || !parse_int(tok[3], 1, 10, &v))
				diag_error(d, file, line, "", "head: ROW 0 to 9 and ROWSPAN 1 to 10 expected");
			else {
				it.kind = IT_HEAD;
				for (int j = 0; j < 5; j++)
					it.tok[j] = gn_xstrdup(tok[j]);
				it.ntok = 5;
				is_item = true;
			}
			free(r);
		} else {
			diag_error(d, file, line, "", "unknown directive \"%s\"", w);
		}
		free(s);
		if (is_item) {
			if (l->nitems == cap) {
				cap = cap ? cap * 2 : 32;
				l->items = gn_xreallocarray(l->items, cap, sizeof *l->items);
			}
			l->items[l->nitems++] = it;
		}
	}
	if (block)
		diag_error(d, file, block_line, "", "%s block without end",
			   eth_block ? "ethnicities" : "indicators");
	if (!l->name)
		diag_error(d, file, 0, "", "no name");
	if (!l->title)
		diag_error(d, file, 0, "", "no title");
	size_t ncols = 0;
	for (size_t i = 0; i < l->nitems; i++)
		ncols += l->items[i].kind == IT_COLUMN;
	if (!ncols)
		diag_error(d, file, 0, "", "no column");
	if (diag_errors(d) > errors0) {
		report_layout_free(l);
		*out = NULL;
		return GN_EINPUT;
	}
	if (!l->total)
		l->total = gn_xstrdup("Tổng cộng");
	*out = l;
	return GN_OK;
}

gn_err report_layout_load(const char *path, gn_diag *d, report_layout **out)
{
	*out = NULL;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		diag_error(d, path, 0, "", "cannot read: %s", strerror(errno));
		return GN_EIO;
	}
	buf b;
	buf_init(&b, 1 << 20);
	char chunk[4096];
	size_t got;
	gn_err rc = GN_OK;
	while (rc == GN_OK && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		rc = buf_put(&b, chunk, got);
	if (rc == GN_OK && ferror(fp))
		rc = GN_EIO;
	fclose(fp);
	if (rc)
		diag_error(d, path, 0, "", "cannot read (or larger than 1 MiB)");
	else
		rc = report_layout_parse(path, buf_cstr(&b), b.len, d, out);
	buf_free(&b);
	return rc;
}

const char *report_layout_name(const report_layout *l)
{
	return l->name;
}

const char *report_layout_title(const report_layout *l)
{
	return l->title;
}

int report_layout_number(const report_layout *l)
{
	return l->number;
}

/* ---- building ------------------------------------------------------------- */

typedef struct subst {
	const char *name, *value;
} subst;

/* Copies s into out with every {name} of vars replaced; others kept. */
static void expand(buf *out, const char *s, const subst *vars, size_t nvars)
{
	buf_reset(out);
	buf_puts(out, "");
	while (*s) {
		if (*s == '{') {
			const char *e = strchr(s, '}');
			size_t i;
			for (i = 0; e && i < nvars; i++)
				if (strlen(vars[i].name) == (size_t)(e - s - 1) &&
				    memcmp(vars[i].name, s + 1, (size_t)(e - s - 1)) == 0)
					break;
			if (e && i < nvars) {
				buf_puts(out, vars[i].value);
				s = e + 1;
				continue;
			}
		}
		buf_putc(out, *s++);
	}
}

/* An item after expansion: tokens with the placeholders replaced. */
typedef struct xitem {
	const item *src;
	char *tok[MAX_TOK];
} xitem;

typedef struct column {
	const char *key;
	const measure *text;  /* a text measure, or NULL */
	term num, den;        /* den.m NULL: a count */
} column;

static bool resolve_term(const report_figures *f, const char *s, size_t n, term *t,
			 const char *file, long line, gn_diag *d)
{
	const char *colon = memchr(s, ':', n);
	t->m = find_measure(s, colon ? (size_t)(colon - s) : n);
	t->bit = 0;
	if (!t->m)
		return false; /* checked at parse time */
	if (colon && t->m->param == P_CAUSE) {
		const char *key = colon + 1;
		size_t kn = n - (size_t)(key - s);
		for (int k = 0; k < RF_CAUSES; k++)
			if (strlen(cause_name(k)) == kn && memcmp(cause_name(k), key, kn) == 0) {
				t->bit = k;
				return true;
			}
		diag_error(d, file, line, "", "unknown cause \"%.*s\"", (int)kn, key);
		return false;
	}
	if (colon && t->m->param == P_ETHNICITY) {
		const char *key = colon + 1;
		size_t kn = n - (size_t)(key - s);
		for (int k = 0; k < f->neth; k++)
			if (strlen(f->eth_key[k]) == kn && memcmp(f->eth_key[k], key, kn) == 0) {
				t->bit = k;
				return true;
			}
		/* an ethnicity with no household in the data: counts 0 */
		t->bit = -1;
		return true;
	}
	if (colon) {
		const char *key = colon + 1;
		size_t kn = n - (size_t)(key - s);
		int bit = f->stds ? std_set_find_indicator(f->stds, key, kn) : -1;
		if (bit < 0 || !f->std || !(f->std->mask & (1u << bit))) {
			diag_error(d, file, line, "", "indicator \"%.*s\" is not in the standard of %d",
				   (int)kn, key, f->year);
			return false;
		}
		t->bit = bit;
	}
	return true;
}

static bool resolve_column(const report_figures *f, const xitem *x, column *c, gn_diag *d,
			   const char *file)
{
	const char *ms = x->tok[2];
	c->key = x->tok[0];
	c->text = NULL;
	c->den.m = NULL;
	const char *slash = strchr(ms, '/');
	size_t n1 = slash ? (size_t)(slash - ms) : strlen(ms);
	if (!resolve_term(f, ms, n1, &c->num, file, x->src->line, d))
		return false;
	if (!c->num.m->fn) {
		c->text = c->num.m;
		return true;
	}
	if (slash && !resolve_term(f, slash + 1, strlen(slash + 1), &c->den, file,
				   x->src->line, d))
		return false;
	return true;
}

static int col_index(const column *cols, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(cols[i].key, key) == 0)
			return (int)i;
	return -1;
}

gn_err report_build(const report_layout *l, const report_figures *f, gn_diag *d,
		    report_doc **out)
{
	*out = NULL;
	size_t errors0 = diag_errors(d);
	report_doc *doc = NULL;
	const rf_row *root = f->nrows ? &f->rows[f->nrows - 1] : NULL;
	char year[16], prev[16], asof[11];
	snprintf(year, sizeof year, "%d", f->year);
	snprintf(prev, sizeof prev, "%d", f->year - 1);
	date_format_vn(f->asof, asof);
	subst vars[8] = {
		{"unit", root ? root->name : ""}, {"year", year}, {"prev", prev},
		{"asof", asof}, {"parent", f->parent_name ? f->parent_name : ""},
		{"key", ""}, {"name", ""}, {"n", ""},
	};
	buf tmp;
	buf_init(&tmp, 1 << 16);

	/* expand the indicators and ethnicities blocks */
	xitem *xs = NULL;
	size_t nx = 0, capx = 0;
	for (size_t i = 0; i < l->nitems;) {
		const item *it = &l->items[i];
		size_t j = i + 1;
		int reps = 1;
		if (it->block) {
			while (j < l->nitems && l->items[j].block == it->block)
				j++;
			if (it->eth) {
				reps = f->nshown;
			} else if (!f->std) {
				diag_error(d, l->file, it->line, "",
					   "no standard covers %d: no indicators to repeat over", f->year);
				reps = 0;
			} else
				reps = f->std->nind;
		}
		for (int r = 0; r < reps; r++) {
			char nbuf[16];
			snprintf(nbuf, sizeof nbuf, "%d", r + 1);
			if (it->block && it->eth) {
				int slot = f->eth_shown[r];
				vars[5].value = f->eth_key[slot];
				vars[6].value = f->eth_name[slot];
				vars[7].value = nbuf;
			} else if (it->block) {
				const std_catalogue_entry *e =
					std_set_catalogue(f->stds, f->std->ind[r].bit);
				vars[5].value = e->key;
				vars[6].value = e->name_vi ? e->name_vi : e->key;
				vars[7].value = nbuf;
			}
			for (size_t k = i; k < j; k++) {
				if (nx == capx) {
					capx = capx ? capx * 2 : 64;
					xs = gn_xreallocarray(xs, capx, sizeof *xs);
				}
				xitem *x = &xs[nx++];
				memset(x, 0, sizeof *x);
				x->src = &l->items[k];
				for (int t = 0; t < l->items[k].ntok; t++) {
					expand(&tmp, l->items[k].tok[t], vars, 8);
					x->tok[t] = gn_xstrdup(buf_cstr(&tmp));
				}
			}
		}
		vars[5].value = vars[6].value = vars[7].value = "";
		i = j;
	}

	/* columns */
	size_t ncols = 0;
	for (size_t i = 0; i < nx; i++)
		ncols += xs[i].src->kind == IT_COLUMN;
	column *cols = gn_xcalloc(ncols ? ncols : 1, sizeof *cols);
	size_t nc = 0;
	doc = report_doc_new(ncols);
	for (size_t i = 0; i < nx; i++) {
		if (xs[i].src->kind != IT_COLUMN)
			continue;
		if (col_index(cols, nc, xs[i].tok[0]) >= 0)
			diag_error(d, l->file, xs[i].src->line, "", "column \"%s\" twice",
				   xs[i].tok[0]);
		if (!resolve_column(f, &xs[i], &cols[nc], d, l->file))
			continue;
		doc->col_keys[nc] = report_doc_str(doc, xs[i].tok[0]);
		doc->col_widths[nc] = atoi(xs[i].tok[1]);
		cols[nc].key = doc->col_keys[nc];
		nc++;
	}
	/* the rest of the directives, in order */
	for (size_t i = 0; i < nx && diag_errors(d) == errors0; i++) {
		const xitem *x = &xs[i];
		switch (x->src->kind) {
		case IT_SUBTITLE:
			if (doc->nsubtitles < sizeof doc->subtitles / sizeof *doc->subtitles)
				doc->subtitles[doc->nsubtitles++] = report_doc_str(doc, x->tok[0]);
			else
				diag_error(d, l->file, x->src->line, "", "more than 4 subtitles");
			break;
		case IT_NOTE:
			if (doc->nnotes < sizeof doc->notes / sizeof *doc->notes)
				doc->notes[doc->nnotes++] = report_doc_str(doc, x->tok[0]);
			else
				diag_error(d, l->file, x->src->line, "", "more than 8 notes");
			break;
		case IT_SIGNER:
			if (doc->nsigners < sizeof doc->signers / sizeof *doc->signers)
				doc->signers[doc->nsigners++] = report_doc_str(doc, x->tok[0]);
			else
				diag_error(d, l->file, x->src->line, "", "more than 3 signers");
			break;
		case IT_HEAD: {
			int a = col_index(cols, nc, x->tok[1]), b = col_index(cols, nc, x->tok[2]);
			if (a < 0 || b < 0 || b < a) {
				diag_error(d, l->file, x->src->line, "",
					   "head: columns \"%s\"..\"%s\" are not columns in order",
					   x->tok[1], x->tok[2]);
				break;
			}
			report_doc_head(doc, atoi(x->tok[0]), a, atoi(x->tok[3]), b - a + 1,
					x->tok[4]);
			break;
		}
		case IT_COLUMN:
			break;
		}
	}
	if (diag_errors(d) > errors0)
		goto done;

	/* the header cells must not overlap, and must cover the header */
	if (doc->head_rows > 0) {
		size_t cells = (size_t)doc->head_rows * ncols;
		unsigned char *used = gn_xcalloc(cells, 1);
		for (size_t h = 0; h < doc->nheads; h++) {
			const report_head *hd = &doc->heads[h];
			for (int r = hd->row; r < hd->row + hd->rowspan; r++)
				for (int c = hd->col; c < hd->col + hd->colspan; c++)
					if (used[(size_t)r * ncols + (size_t)c]++)
						diag_error(d, l->file, 0, "",
							   "header cells overlap at row %d, column \"%s\"",
							   r, cols[c].key);
		}
		for (size_t k = 0; k < cells && diag_errors(d) == errors0; k++)
			if (!used[k])
				diag_error(d, l->file, 0, "", "header row %zu has no cell over column \"%s\"",
					   k / ncols, cols[k % ncols].key);
		free(used);
		if (diag_errors(d) > errors0)
			goto done;
	}

	/* the blocks around the table */
	expand(&tmp, l->title, vars, 5);
	doc->title = report_doc_str(doc, buf_cstr(&tmp));
	const char **fields[] = {&doc->form_code, &doc->issuer, &doc->issuer_parent,
				 &doc->place_date};
	const char *srcs[] = {l->form, l->issuer, l->issuer_parent, l->date};
	for (size_t k = 0; k < 4; k++)
		if (srcs[k]) {
			expand(&tmp, srcs[k], vars, 5);
			*fields[k] = report_doc_str(doc, buf_cstr(&tmp));
		}
	doc->numbered = l->numbered;
	doc->landscape = !l->portrait;

	/* the rows */
	for (size_t i = 0; i < f->nrows; i++) {
		const rf_row *fr = &f->rows[i];
		bool total = i + 1 == f->nrows;
		row_style st = total ? ROW_TOTAL : fr->has_children ? ROW_SUBTOTAL : ROW_PLAIN;
		report_row *r = report_doc_add_row(doc, st, total ? 0 : fr->depth - 1);
		for (size_t c = 0; c < nc; c++) {
			const column *col = &cols[c];
			if (col->text) {
				const char *s = col->text->name[0] == 'n' ? (total ? l->total : fr->name)
					: col->text->name[0] == 'c' ? fr->code
					: unit_level_name_vi(fr->level);
				report_cell_text(doc, r, c, s);
			} else if (col->num.m->decimals) {
				report_cell_decimal(r, c, col->num.m->fn(f, &fr->f, col->num.bit),
						    col->num.m->decimals);
			} else if (!col->den.m) {
				report_cell_int(r, c, col->num.m->fn(f, &fr->f, col->num.bit));
			} else {
				int64_t a = col->num.m->fn(f, &fr->f, col->num.bit);
				int64_t b = col->den.m->fn(f, &fr->f, col->den.bit);
				report_cell_decimal(r, c, rate_hundredths(a, b), 2);
			}
		}
	}

done:
	for (size_t i = 0; i < nx; i++)
		for (int t = 0; t < MAX_TOK; t++)
			free(xs[i].tok[t]);
	free(xs);
	free(cols);
	buf_free(&tmp);
	if (diag_errors(d) > errors0) {
		report_doc_free(doc);
		return GN_EINPUT;
	}
	*out = doc;
	return GN_OK;
}

/* ---- the directory of layouts --------------------------------------------- */

static int cmp_layout(const void *x, const void *y)
{
	const report_layout *a = *(report_layout *const *)x, *b = *(report_layout *const *)y;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return strcmp(a->name, b->name);
}

gn_err report_layouts_load(const char *dir, gn_diag *d, report_layout ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		diag_error(d, dir, 0, "", "cannot read the directory: %s", strerror(errno));
		return GN_EIO;
	}
	report_layout **ls = NULL;
	size_t nl = 0;
	gn_err rc = GN_OK;
	struct dirent *e;
	buf path;
	buf_init(&path, 4096);
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".rpt") != 0 || e->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, e->d_name);
		report_layout *l;
		gn_err r = report_layout_load(buf_cstr(&path), d, &l);
		if (r) {
			rc = rc ? rc : r;
			continue;
		}
		if (strlen(l->name) != len - 4 || memcmp(l->name, e->d_name, len - 4) != 0) {
			diag_error(d, l->file, 0, "", "name \"%s\" is not the file's name", l->name);
			report_layout_free(l);
			rc = rc ? rc : GN_EINPUT;
			continue;
		}
		ls = gn_xreallocarray(ls, nl + 1, sizeof *ls);
		ls[nl++] = l;
	}
	closedir(dp);
	buf_free(&path);
	if (rc) {
		for (size_t i = 0; i < nl; i++)
			report_layout_free(ls[i]);
		free(ls);
		return rc;
	}
	if (nl > 1)
		qsort(ls, nl, sizeof *ls, cmp_layout);
	*out = ls;
	*n = nl;
	return GN_OK;
}
