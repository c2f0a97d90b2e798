/* catalogue_file.c - data/me/projects.csv into a catalogue of projects
 * (catalogue_file.h). Layer: io. */
#include "catalogue_file.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "csv.h"
#include "text.h"

enum { P_CODE, P_PARENT, P_NAME_VI, P_NAME_EN, P_FORMS, P_BASIS, P_SHORT_VI, P_SHORT_EN, P_N };
static const csv_colspec spec[P_N] = {
	{"code", true}, {"parent", true}, {"name_vi", true}, {"name_en", true},
	{"forms", false}, {"forms_basis", false}, {"short_vi", false}, {"short_en", false},
};

static const csv_field empty_field = {"", 0};
#define F(i) (idx[i] >= 0 && (size_t)idx[i] < n ? &f[idx[i]] : &empty_field)

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "DA<digits>" (project) or "DA<digits>.<digits>" (sub-project); *dot
 * receives the position of the '.' (0 for a project). */
static bool code_shape(const char *s, size_t n, size_t *dot)
{
	*dot = 0;
	if (n < 3 || n >= ME_PROJECT_CODE || s[0] != 'D' || s[1] != 'A')
		return false;
	size_t i = 2;
	while (i < n && is_digit(s[i]))
		i++;
	if (i == 2)
		return false;
	if (i == n)
		return true;
	if (s[i] != '.' || i + 1 == n)
		return false;
	*dot = i;
	for (size_t j = i + 1; j < n; j++)
		if (!is_digit(s[j]))
			return false;
	return true;
}

/* "05;06": two-digit numbers separated by ';'. */
static bool forms_shape(const char *s, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i += 3) {
		if (i + 2 > n || !is_digit(s[i]) || !is_digit(s[i + 1]))
			return false;
		if (i + 2 < n && s[i + 2] != ';')
			return false;
		if (i + 2 < n && i + 3 == n)
			return false;
	}
	return true;
}

static char *nfc_dup(const csv_field *v, buf *tmp)
{
	buf_reset(tmp);
	if (text_nfc(v->p, v->len, tmp) != GN_OK)
		return NULL;
	return gn_xstrndup(buf_cstr(tmp), tmp->len);
}

static void read_row(me_catalogue *c, size_t *cap, csv_reader *r, const csv_field *f,
		     size_t n, const int *idx, gn_diag *d, buf *tmp)
{
	const char *file = csv_name(r);
	long line = csv_line(r);
	bool ok = true;
	const csv_field *code = F(P_CODE), *par = F(P_PARENT);
	size_t dot;
	if (!code_shape(code->p, code->len, &dot)) {
		diag_error(d, file, line, "code", "expected a project code such as DA2 or DA3.1, got \"%.*s\"",
			   (int)(code->len > 40 ? 40 : code->len), code->p);
		ok = false;
	} else if (catalogue_find(c, code->p, code->len) >= 0) {
		diag_error(d, file, line, "code", "%.*s is listed twice (line %ld)", (int)code->len,
			   code->p, c->v[catalogue_find(c, code->p, code->len)].line);
		ok = false;
	}
	int32_t parent = -1;
	if (ok && dot == 0 && par->len) {
		diag_error(d, file, line, "parent", "a project (%.*s) has no parent", (int)code->len,
			   code->p);
		ok = false;
	} else if (ok && dot > 0) {
		parent = catalogue_find(c, par->p, par->len);
		if (par->len != dot || memcmp(par->p, code->p, dot) != 0) {
			diag_error(d, file, line, "parent", "the parent of %.*s is %.*s, got \"%.*s\"",
				   (int)code->len, code->p, (int)dot, code->p,
				   (int)(par->len > 40 ? 40 : par->len), par->p);
			ok = false;
		} else if (parent < 0) {
			diag_error(d, file, line, "parent", "%.*s must be listed before its sub-projects",
				   (int)par->len, par->p);
			ok = false;
		}
	}
	char *vi = nfc_dup(F(P_NAME_VI), tmp);
	char *en = nfc_dup(F(P_NAME_EN), tmp);
	if (!vi || !*vi) {
		diag_error(d, file, line, "name_vi", "empty name");
		ok = false;
	}
	if (!en || !*en) {
		diag_error(d, file, line, "name_en", "empty name");
		ok = false;
	}
	const csv_field *forms = F(P_FORMS);
	if (!forms_shape(forms->p, forms->len)) {
		diag_error(d, file, line, "forms", "expected two-digit Biểu numbers separated by ';' (05;06), got \"%.*s\"",
			   (int)(forms->len > 40 ? 40 : forms->len), forms->p);
		ok = false;
	}
	char *basis = nfc_dup(F(P_BASIS), tmp);
	char *svi = nfc_dup(F(P_SHORT_VI), tmp);
	char *sen = nfc_dup(F(P_SHORT_EN), tmp);
	if (!ok) {
		free(vi);
		free(en);
		free(basis);
		free(svi);
		free(sen);
		return;
	}
	if (c->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		c->v = gn_xreallocarray(c->v, *cap, sizeof *c->v);
	}
	me_project *p = &c->v[c->n++];
	memset(p, 0, sizeof *p);
	memcpy(p->code, code->p, code->len);
	p->code[code->len] = '\0';
	p->parent = parent;
	p->name_vi = vi;
	p->name_en = en;
	if (!svi || !*svi) {
		free(svi);
		svi = gn_xstrdup(vi);
	}
	if (!sen || !*sen) {
		free(sen);
		sen = gn_xstrdup(en);
	}
	p->short_vi = svi;
	p->short_en = sen;
	p->forms = gn_xstrndup(forms->p, forms->len);
	p->forms_basis = basis ? basis : gn_xstrdup("");
	p->line = line;
	if (parent >= 0)
		c->v[parent].has_children = true;
}

static gn_err read_all(csv_reader *r, gn_diag *d, me_catalogue **out)
{
	*out = NULL;
	size_t before = diag_errors(d);
	int idx[P_N];
	size_t width;
	char **hdr;
	gn_err rc = csv_read_header(r, spec, P_N, idx, d, &hdr, &width);
	if (rc)
		return rc;
	me_catalogue *c = gn_xcalloc(1, sizeof *c);
	size_t cap = 0;
	buf tmp;
	buf_init(&tmp, 1 << 16);
	const csv_field *f;
	size_t n;
	while ((rc = csv_next(r, d, &f, &n)) != GN_ENOTFOUND) {
		if (rc == GN_EIO)
			break;
		if (rc)
			continue;
		if (!csv_check_width(r, n, width, (const char *const *)hdr, d))
			continue;
		read_row(c, &cap, r, f, n, idx, d, &tmp);
	}
	buf_free(&tmp);
	csv_free_names(hdr, width);
	if (rc != GN_EIO && diag_errors(d) == before && c->n == 0) {
		diag_error(d, csv_name(r), 0, "", "no project listed");
	}
	if (rc == GN_EIO || diag_errors(d) > before) {
		catalogue_free(c);
		return rc == GN_EIO ? GN_EIO : GN_EINPUT;
	}
	c->parent = gn_xmalloc((c->n ? c->n : 1) * sizeof *c->parent);
	for (size_t i = 0; i < c->n; i++)
		c->parent[i] = c->v[i].parent;
	*out = c;
	return GN_OK;
}

gn_err catalogue_load_file(const char *path, const char *name, gn_diag *d,
			   me_catalogue **out)
{
	*out = NULL;
	csv_reader *r;
	gn_err rc = csv_open(path, name, d, &r);
	if (rc)
		return rc;
	rc = read_all(r, d, out);
	csv_close(r);
	return rc;
}

gn_err catalogue_parse(const char *name, const char *text, size_t len, gn_diag *d,
		       me_catalogue **out)
{
	*out = NULL;
	csv_reader *r;
	gn_err rc = csv_open_mem(name, text, len, &r);
	if (rc)
		return rc;
	rc = read_all(r, d, out);
	csv_close(r);
	return rc;
}

void catalogue_free(me_catalogue *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].name_vi);
		free(c->v[i].name_en);
		free(c->v[i].short_vi);
		free(c->v[i].short_en);
		free(c->v[i].forms);
		free(c->v[i].forms_basis);
	}
	free(c->v);
	free(c->parent);
	free(c);
}

int32_t catalogue_find(const me_catalogue *c, const char *s, size_t n)
{
	if (!c || !s)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		const char *k = c->v[i].code;
		if (strlen(k) != n)
			continue;
		size_t j = 0;
		for (; j < n; j++) {
			char a = s[j];
			if (a >= 'a' && a <= 'z')
				a = (char)(a - 'a' + 'A');
			if (a != k[j])
				break;
		}
		if (j == n)
			return (int32_t)i;
	}
	return -1;
}

bool catalogue_within(const me_catalogue *c, int32_t p, int32_t ancestor)
{
	while (p >= 0 && (size_t)p < c->n) {
		if (p == ancestor)
			return true;
		p = c->v[p].parent;
	}
	return false;
}
