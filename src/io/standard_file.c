/* standard_file.c - the *.std reader. Layer: io. See standard_file.h. */
#include "standard_file.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "text.h"
#include "value.h"

#define MAX_TOKENS 12

typedef struct tok {
	const char *p;
	size_t n;
} tok;

static bool tok_is(tok t, const char *s)
{
	return strlen(s) == t.n && memcmp(t.p, s, t.n) == 0;
}

static char *tok_dup(tok t)
{
	return gn_xstrndup(t.p, t.n);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static tok trim(const char *p, size_t n)
{
	while (n && is_space(*p)) {
		p++;
		n--;
	}
	while (n && is_space(p[n - 1]))
		n--;
	return (tok){p, n};
}

/* Splits on blanks; at most max tokens, the rest of the line stays in the
 * last one. */
static size_t split(tok line, tok *out, size_t max)
{
	size_t k = 0, i = 0;
	while (i < line.n && k < max) {
		while (i < line.n && is_space(line.p[i]))
			i++;
		if (i == line.n)
			break;
		size_t j = i;
		if (k == max - 1)
			j = line.n;
		else
			while (j < line.n && !is_space(line.p[j]))
				j++;
		out[k++] = trim(line.p + i, j - i);
		i = j;
	}
	return k;
}

typedef struct parse_ctx {
	std_set *set;
	standard *s;
	const char *name;
	gn_diag *d;
	long line;
	bool have_years;
} parse_ctx;

#define ERR(c, key, ...) diag_error((c)->d, (c)->name, (c)->line, (key), __VA_ARGS__)

static void parse_header_field(parse_ctx *c, tok key, tok val)
{
	standard *s = c->s;
	char *k = tok_dup(key);
	if (tok_is(key, "id")) {
		free(s->id);
		s->id = tok_dup(val);
	} else if (tok_is(key, "name")) {
		free(s->name);
		s->name = tok_dup(val);
	} else if (tok_is(key, "legal_basis")) {
		free(s->legal_basis);
		s->legal_basis = tok_dup(val);
	} else if (tok_is(key, "scope")) {
		free(s->scope);
		s->scope = tok_dup(val);
	} else if (tok_is(key, "years")) {
		int a, b;
		const char *dash = memchr(val.p, '-', val.n);
		if (!dash || !val_year(val.p, (size_t)(dash - val.p), &a) ||
		    !val_year(dash + 1, val.n - (size_t)(dash - val.p) - 1, &b) || b < a) {
			ERR(c, k, "expected YEAR-YEAR, got \"%.*s\"", (int)val.n, val.p);
		} else if (a < STD_YEAR_BASE || b > STD_YEAR_LAST) {
			ERR(c, k, "years must lie within %d-%d", STD_YEAR_BASE, STD_YEAR_LAST);
		} else {
			s->year_from = a;
			s->year_to = b;
			c->have_years = true;
		}
	} else if (tok_is(key, "score_b_per_indicator")) {
		int64_t v;
		if (!val_count(val.p, val.n, 1000, &v) || v == 0)
			ERR(c, k, "expected a whole number of points, got \"%.*s\"",
			    (int)val.n, val.p);
		else
			s->score_b_per_indicator = (int)v;
	} else if (tok_is(key, "af_cutoff")) {
		const char *slash = memchr(val.p, '/', val.n);
		int64_t a, b;
		if (!slash || !val_count(val.p, (size_t)(slash - val.p), 1000, &a) ||
		    !val_count(slash + 1, val.n - (size_t)(slash - val.p) - 1, 1000, &b) ||
		    b == 0 || a > b)
			ERR(c, k, "expected a fraction like 3/12, got \"%.*s\"",
			    (int)val.n, val.p);
		else {
			s->k_num = a;
			s->k_den = b;
		}
	} else {
		ERR(c, k, "unknown key");
	}
	free(k);
}

static void parse_line_def(parse_ctx *c, const tok *t, size_t n)
{
	standard *s = c->s;
	if (n != 4 && n != 7) {
		ERR(c, "line", "expected: line NAME RURAL URBAN [score RURAL URBAN]");
		return;
	}
	if (s->nlines == STD_MAX_LINES) {
		ERR(c, "line", "too many lines (at most %d)", STD_MAX_LINES);
		return;
	}
	std_line *l = &s->line[s->nlines];
	memset(l, 0, sizeof *l);
	if (t[1].n == 0 || t[1].n >= sizeof l->name || tok_is(t[1], "any")) {
		ERR(c, "line", "bad line name \"%.*s\"", (int)t[1].n, t[1].p);
		return;
	}
	memcpy(l->name, t[1].p, t[1].n);
	for (int a = 0; a < 2; a++)
		if (!val_money(t[2 + a].p, t[2 + a].n, &l->income[a])) {
			ERR(c, "line", "expected an amount in VND, got \"%.*s\"",
			    (int)t[2 + a].n, t[2 + a].p);
			return;
		}
	if (n == 7) {
		if (!tok_is(t[4], "score")) {
			ERR(c, "line", "expected \"score\", got \"%.*s\"", (int)t[4].n, t[4].p);
			return;
		}
		for (int a = 0; a < 2; a++)
			if (!val_decimal(t[5 + a].p, t[5 + a].n, 4, &l->score[a])) {
				ERR(c, "line", "expected a score, got \"%.*s\"",
				    (int)t[5 + a].n, t[5 + a].p);
				return;
			}
		l->has_score = true;
	}
	s->nlines++;
}

static void parse_rule(parse_ctx *c, const tok *t, size_t n)
{
	standard *s = c->s;
	if (n != 4) {
		ERR(c, "rule", "expected: rule LINE|any MIN_DEPRIVATIONS|any CLASS");
		return;
	}
	if (s->nrules == STD_MAX_RULES) {
		ERR(c, "rule", "too many rules (at most %d)", STD_MAX_RULES);
		return;
	}
	std_rule r = {-1, -1, CLASS_NOT_POOR};
	if (!tok_is(t[1], "any")) {
		for (int i = 0; i < s->nlines; i++)
			if (tok_is(t[1], s->line[i].name))
				r.line = i;
		if (r.line < 0) {
			ERR(c, "rule", "unknown line \"%.*s\" (define it above)",
			    (int)t[1].n, t[1].p);
			return;
		}
	}
	if (!tok_is(t[2], "any")) {
		int64_t v;
		if (!val_count(t[2].p, t[2].n, STD_MAX_INDICATORS, &v)) {
			ERR(c, "rule", "expected a deprivation count or any, got \"%.*s\"",
			    (int)t[2].n, t[2].p);
			return;
		}
		r.min_dep = (int)v;
	}
	if (!class_parse(t[3].p, t[3].n, &r.cls)) {
		ERR(c, "rule", "unknown class \"%.*s\"", (int)t[3].n, t[3].p);
		return;
	}
	s->rule[s->nrules++] = r;
}

static void parse_indicator(parse_ctx *c, tok rest)
{
	standard *s = c->s;
	/* KEY DIMENSION WEIGHT | name_vi | name_en */
	const char *bar = memchr(rest.p, '|', rest.n);
	tok head = trim(rest.p, bar ? (size_t)(bar - rest.p) : rest.n);
	tok names[2] = {{"", 0}, {"", 0}};
	if (bar) {
		const char *p = bar + 1, *end = rest.p + rest.n;
		const char *bar2 = memchr(p, '|', (size_t)(end - p));
		names[0] = trim(p, (size_t)((bar2 ? bar2 : end) - p));
		if (bar2)
			names[1] = trim(bar2 + 1, (size_t)(end - bar2 - 1));
	}
	tok t[4];
	size_t n = split(head, t, 4);
	int64_t w;
	if (n != 3 || !val_count(t[2].p, t[2].n, 1000, &w) || w == 0) {
		ERR(c, "indicator", "expected: indicator KEY DIMENSION WEIGHT | tên | name");
		return;
	}
	if (s->nind == STD_MAX_INDICATORS) {
		ERR(c, "indicator", "too many indicators (at most %d)", STD_MAX_INDICATORS);
		return;
	}
	if (t[0].n < 3 || memcmp(t[0].p, "d_", 2) != 0) {
		ERR(c, "indicator", "indicator keys start with d_, got \"%.*s\"",
		    (int)t[0].n, t[0].p);
		return;
	}
	char *key = tok_dup(t[0]), *dim = tok_dup(t[1]);
	char *vi = tok_dup(names[0]), *en = tok_dup(names[1]);
	int bit = std_set_indicator(c->set, key, vi[0] ? vi : NULL,
				    en[0] ? en : NULL, dim);
	if (bit < 0)
		ERR(c, "indicator", "the indicator catalogue is full (%d keys)",
		    STD_MAX_CATALOGUE);
	else if (s->mask & (1u << bit))
		ERR(c, "indicator", "indicator %s listed twice", key);
	else {
		std_indicator *ind = &s->ind[s->nind++];
		ind->bit = bit;
		ind->weight = (int)w;
		ind->dimension = dim;
		dim = NULL;
		s->mask |= 1u << bit;
		s->weight_total += (int)w;
	}
	free(key);
	free(dim);
	free(vi);
	free(en);
}

gn_err std_parse(std_set *set, const char *name, const char *text,
		 size_t len, gn_diag *d)
{
	size_t before = diag_errors(d);
	parse_ctx c = {set, gn_xcalloc(1, sizeof(standard)), name, d, 0, false};
	size_t bad;
	if (!text_valid_utf8(text, len, &bad)) {
		diag_error(d, name, 0, "", "invalid UTF-8 at byte %zu", bad);
		standard_free(c.s);
		return GN_EINPUT;
	}
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		c.line++;
		tok line = trim(p, (size_t)(le - p));
		p = nl ? nl + 1 : end;
		if (line.n == 0 || line.p[0] == '#')
			continue;
		const char *eq = memchr(line.p, '=', line.n);
		tok t[MAX_TOKENS];
		size_t n = split(line, t, MAX_TOKENS);
		if (tok_is(t[0], "line")) {
			parse_line_def(&c, t, n);
		} else if (tok_is(t[0], "rule")) {
			parse_rule(&c, t, n);
		} else if (tok_is(t[0], "indicator")) {
			tok rest = trim(t[0].p + t[0].n, line.n - t[0].n);
			parse_indicator(&c, rest);
		} else if (eq) {
			parse_header_field(&c, trim(line.p, (size_t)(eq - line.p)),
					   trim(eq + 1, line.n - (size_t)(eq - line.p) - 1));
		} else {
			ERR(&c, "", "cannot read \"%.*s\"", (int)line.n, line.p);
		}
	}
	standard *s = c.s;
	c.line = 0;
	if (!s->id)
		ERR(&c, "id", "missing");
	if (!c.have_years)
		ERR(&c, "years", "missing");
	if (!s->name)
		s->name = gn_xstrdup(s->id ? s->id : "");
	if (!s->scope)
		s->scope = gn_xstrdup("national");
	if (s->nind == 0)
		ERR(&c, "indicator", "a standard needs indicators");
	if (s->nrules == 0)
		ERR(&c, "rule", "a standard needs rules");
	if (s->score_b_per_indicator == 0)
		s->score_b_per_indicator = 10;
	if (s->k_den == 0) {
		s->k_num = 1;
		s->k_den = 3;
	}
	if (diag_errors(d) > before) {
		standard_free(s);
		return GN_EINPUT;
	}
	return std_set_add(set, s, name, d);
}

gn_err std_load_file(std_set *set, const char *path, gn_diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(d, path, 0, "", "cannot open the standard file");
		return GN_EIO;
	}
	buf b;
	buf_init(&b, 1 << 20);
	char chunk[4096];
	size_t n;
	gn_err rc = GN_OK;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if ((rc = buf_put(&b, chunk, n)) != GN_OK)
			break;
	if (ferror(f))
		rc = GN_EIO;
	fclose(f);
	if (rc == GN_OK)
		rc = std_parse(set, path, buf_cstr(&b), b.len, d);
	else
		diag_error(d, path, 0, "", "cannot read the standard file");
	buf_free(&b);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

gn_err std_load_dir(std_set *set, const char *dir, gn_diag *d)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		diag_error(d, dir, 0, "", "cannot open the folder of standards");
		return GN_EIO;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".std") == 0) {
			names = gn_xreallocarray(names, n + 1, sizeof *names);
			names[n++] = gn_xstrdup(e->d_name);
		}
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	gn_err rc = GN_OK;
	for (size_t i = 0; i < n; i++) {
		buf path;
		buf_init(&path, 0);
		buf_printf(&path, "%s/%s", dir, names[i]);
		gn_err r = std_load_file(set, buf_cstr(&path), d);
		if (r != GN_OK && rc == GN_OK)
			rc = r;
		buf_free(&path);
		free(names[i]);
	}
	free(names);
	if (n == 0) {
		diag_error(d, dir, 0, "", "no poverty standard (*.std) in this folder");
		rc = GN_EINPUT;
	}
	return rc;
}
