/*
 * certificates.c - the certificates of poor and near-poor households
 * (giấy chứng nhận hộ nghèo, hộ cận nghèo; households.h).
 *
 * Layer: report. One document, one A4 portrait page per household: the
 * document is `bare` and each certificate is a run of rows starting with
 * a page break (doc.h): ROW_TEXT rows for the issuing commune and motto,
 * number and date, title, legal basis, the household and the signature,
 * a ROW_HEAD row and plain rows for the members' table. The wording is
 * read from data/reports/certificates.form (the format is documented at
 * its top); the household's members come from the store (st_household),
 * or, when none were entered, the head from the review followed by empty
 * numbered rows to fill in by hand.
 */
#include "households.h"
#include "households_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#define MAX_BASIS 16
#define MAX_NOTES 8
#define MAX_BLANK_MEMBERS 15 /* empty rows when the members are not entered */

/* ---- the wording (certificates.form) ------------------------------------------------- */

typedef struct cert_basis {
	int from, to; /* review years it applies to */
	char *text;
} cert_basis;

typedef struct cert_form {
	char *title[2];      /* [0] POOR, [1] NEAR_POOR */
	char *number, *certify, *members, *signer, *sign_note;
	char *class_line[2];
	cert_basis basis[MAX_BASIS];
	size_t nbasis;
	char *notes[MAX_NOTES];
	size_t nnotes;
} cert_form;

static void form_free(cert_form *f)
{
	for (int i = 0; i < 2; i++) {
		free(f->title[i]);
		free(f->class_line[i]);
	}
	free(f->number);
	free(f->certify);
	free(f->members);
	free(f->signer);
	free(f->sign_note);
	for (size_t i = 0; i < f->nbasis; i++)
		free(f->basis[i].text);
	for (size_t i = 0; i < f->nnotes; i++)
		free(f->notes[i]);
	memset(f, 0, sizeof *f);
}

static const char *const placeholders[] = {
	"year", "commune", "number", "standard", "standard_basis", "decision",
	"decision_date",
};
#define NPLACEHOLDERS (sizeof placeholders / sizeof placeholders[0])

/* Checks the {placeholders} of text; false (reported) for an unknown one. */
static bool check_placeholders(const char *file, long line, const char *text, gn_diag *d)
{
	bool ok = true;
	for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		size_t n = e ? (size_t)(e - p - 1) : 0;
		bool known = false;
		for (size_t i = 0; e && i < NPLACEHOLDERS; i++)
			known |= strlen(placeholders[i]) == n && strncmp(p + 1, placeholders[i], n) == 0;
		if (!known) {
			diag_error(d, file, line, "", "unknown placeholder \"%.*s\" (known: {year}, "
				   "{commune}, {number}, {standard}, {standard_basis}, {decision}, "
				   "{decision_date})", e ? (int)(e - p + 1) : (int)strlen(p), p);
			ok = false;
		}
	}
	return ok;
}

/* Parses "2022-2024", "2025-", "-2024" into [from, to]; false when it is
 * not such a range. */
static bool parse_years(const char *s, size_t n, int *from, int *to)
{
	const char *dash = memchr(s, '-', n);
	if (!dash || n < 5)
		return false;
	for (const char *p = s; p < s + n; p++)
		if (p != dash && !isdigit((unsigned char)*p))
			return false;
	size_t a = (size_t)(dash - s), b = n - a - 1;
	if ((a != 0 && a != 4) || (b != 0 && b != 4) || (a == 0 && b == 0))
		return false;
	*from = a ? atoi(s) : 0;
	*to = b ? atoi(dash + 1) : 9999;
	return *from <= *to;
}

static gn_err form_parse(const char *file, const char *text, size_t len, gn_diag *d,
			 cert_form *f)
{
	memset(f, 0, sizeof *f);
	size_t errors = 0;
	long line = 0;
	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		line++;
		char *s = gn_xstrndup(p, n);
		p += n + (nl != NULL);
		size_t k = strlen(s);
		while (k && (s[k - 1] == '\r' || s[k - 1] == ' ' || s[k - 1] == '\t'))
			s[--k] = '\0';
		char *w = s;
		while (*w == ' ' || *w == '\t')
			w++;
		if (!*w || *w == '#') {
			free(s);
			continue;
		}
		char *arg = w + strcspn(w, " \t");
		size_t wl = (size_t)(arg - w);
		while (*arg == ' ' || *arg == '\t')
			arg++;
		/* the class of title/class */
		int cls = -1;
		bool by_class = (wl == 5 && strncmp(w, "title", 5) == 0) ||
				(wl == 5 && strncmp(w, "class", 5) == 0);
		if (by_class) {
			size_t cl = strcspn(arg, " \t");
			if (cl == 4 && strncmp(arg, "POOR", 4) == 0)
				cls = 0;
			else if (cl == 9 && strncmp(arg, "NEAR_POOR", 9) == 0)
				cls = 1;
			else {
				diag_error(d, file, line, "", "%.*s: expected POOR or NEAR_POOR, got "
					   "\"%.*s\"", (int)wl, w, (int)cl, arg);
				errors++;
				free(s);
				continue;
			}
			arg += cl;
			while (*arg == ' ' || *arg == '\t')
				arg++;
		}
		int from = 0, to = 9999;
		bool is_basis = wl == 5 && strncmp(w, "basis", 5) == 0;
		if (is_basis) {
			size_t yl = strcspn(arg, " \t");
			if (parse_years(arg, yl, &from, &to)) {
				arg += yl;
				while (*arg == ' ' || *arg == '\t')
					arg++;
			}
		}
		if (!*arg) {
			diag_error(d, file, line, "", "%.*s: no text", (int)wl, w);
			errors++;
			free(s);
			continue;
		}
		if (!check_placeholders(file, line, arg, d)) {
			errors++;
			free(s);
			continue;
		}
		char **slot = NULL;
		if (wl == 5 && strncmp(w, "title", 5) == 0)
			slot = &f->title[cls];
		else if (wl == 5 && strncmp(w, "class", 5) == 0)
			slot = &f->class_line[cls];
		else if (wl == 6 && strncmp(w, "number", 6) == 0)
			slot = &f->number;
		else if (wl == 7 && strncmp(w, "certify", 7) == 0)
			slot = &f->certify;
		else if (wl == 7 && strncmp(w, "members", 7) == 0)
			slot = &f->members;
		else if (wl == 6 && strncmp(w, "signer", 6) == 0)
			slot = &f->signer;
		else if (wl == 9 && strncmp(w, "sign_note", 9) == 0)
			slot = &f->sign_note;
		if (slot) {
			if (*slot) {
				diag_error(d, file, line, "", "%.*s given twice", (int)wl, w);
				errors++;
			} else {
				*slot = gn_xstrdup(arg);
			}
		} else if (is_basis) {
			if (f->nbasis == MAX_BASIS) {
				diag_error(d, file, line, "", "more than %d basis lines", MAX_BASIS);
				errors++;
			} else {
				f->basis[f->nbasis++] = (cert_basis){from, to, gn_xstrdup(arg)};
			}
		} else if (wl == 4 && strncmp(w, "note", 4) == 0) {
			if (f->nnotes == MAX_NOTES) {
				diag_error(d, file, line, "", "more than %d notes", MAX_NOTES);
				errors++;
			} else {
				f->notes[f->nnotes++] = gn_xstrdup(arg);
			}
		} else {
			diag_error(d, file, line, "", "unknown directive \"%.*s\" (title, number, basis, "
				   "certify, class, members, signer, sign_note, note)", (int)wl, w);
			errors++;
		}
		free(s);
	}
	static const char *const need[] = {"title POOR", "title NEAR_POOR", "number", "certify",
					   "class POOR", "class NEAR_POOR", "members", "signer"};
	char *have[] = {f->title[0], f->title[1], f->number, f->certify, f->class_line[0],
			f->class_line[1], f->members, f->signer};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!have[i]) {
			diag_error(d, file, 0, "", "missing directive \"%s\"", need[i]);
			errors++;
		}
	if (errors) {
		form_free(f);
		return GN_EINPUT;
	}
	return GN_OK;
}

static gn_err form_load(const char *path, gn_diag *d, cert_form *f)
{
	memset(f, 0, sizeof *f);
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		diag_error(d, path, 0, "", "cannot read the certificates' wording");
		return GN_EIO;
	}
	buf b;
	buf_init(&b, 0);
	char block[4096];
	size_t got;
	gn_err rc = GN_OK;
	while (rc == GN_OK && (got = fread(block, 1, sizeof block, fp)) > 0)
		rc = buf_put(&b, block, got);
	if (rc == GN_OK && ferror(fp))
		rc = GN_EIO;
	fclose(fp);
	if (rc == GN_OK)
		rc = form_parse(path, b.p ? b.p : "", b.len, d, f);
	buf_free(&b);
	return rc;
}

/* ---- filling in ----------------------------------------------------------------------- */

typedef struct cert_vars {
	int year;
	const char *commune, *standard, *standard_basis, *decision, *decision_date;
	int64_t number;
} cert_vars;

static const char *expand(report_doc *doc, const char *t, const cert_vars *v)
{
	buf b;
	buf_init(&b, 0);
	for (const char *p = t; *p; p++) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		if (!e) {
			buf_putc(&b, *p);
			continue;
		}
		size_t n = (size_t)(e - p - 1);
#define IS(k) (n == strlen(k) && strncmp(p + 1, k, n) == 0)
		if (IS("year"))
			buf_printf(&b, "%d", v->year);
		else if (IS("commune"))
			buf_puts(&b, v->commune);
		else if (IS("number"))
			buf_printf(&b, "%lld", (long long)v->number);
		else if (IS("standard"))
			buf_puts(&b, v->standard);
		else if (IS("standard_basis"))
			buf_puts(&b, v->standard_basis);
		else if (IS("decision"))
			buf_puts(&b, v->decision);
		else if (IS("decision_date"))
			buf_puts(&b, v->decision_date);
		else
			buf_put(&b, p, n + 2);
#undef IS
		p = e;
	}
	const char *s = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* The columns of the members' table (and of the page). */
enum { CT_STT, CT_NAME, CT_ETHNICITY, CT_RELATION, CT_BIRTH_M, CT_BIRTH_F, CT_ID, CT_NOTE, CT_N };
static const struct {
	const char *key, *head;
	int width;
} ct_cols[CT_N] = {
	{"stt", "STT", 4},
	{"name", "Họ và tên", 22},
	{"ethnicity", "Dân tộc", 8},
	{"relation", "Quan hệ với chủ hộ", 11},
	{"birth_year_male", "Năm sinh (Nam)", 6},
	{"birth_year_female", "Năm sinh (Nữ)", 6},
	{"id_number", "Số định danh cá nhân", 13},
	{"note", "Ghi chú", 8},
};
#define LEFT_END CT_ETHNICITY /* the issuing unit over columns 0..2, the motto after */
#define RIGHT_BEGIN CT_RELATION

/* The columns of the table form (CSV): one row per member. */
enum { TB_CERT, TB_HH, TB_CLASS, TB_VILLAGE, TB_HEAD, TB_SEQ, TB_NAME, TB_RELATION, TB_SEX,
       TB_BIRTH, TB_ETHNICITY, TB_ID, TB_N };
static const char *const tb_keys[TB_N] = {
	"certificate", "household_id", "class", "village", "head", "member", "name",
	"relation", "sex", "birth_year", "ethnicity", "id_number",
};

static report_row *text(report_doc *doc, size_t col, const char *s, unsigned look)
{
	report_row *r = report_doc_add_row(doc, ROW_TEXT, 0);
	if (s)
		report_cell_look(doc, r, col, s, look);
	return r;
}

/* "Thôn Một, Xã An, Tỉnh Thử": the household's village and the units
 * above it on the map, up to the province. */
static const char *address_of(report_doc *doc, const hl_list *l, const hl_item *x)
{
	buf b;
	buf_init(&b, 0);
	int32_t u = x->dest;
	const unit_version *v = u >= 0 ? unit_map_version(l->m, u) : NULL;
	if (!(v && v->level == LEVEL_VILLAGE) && x->village[0])
		buf_puts(&b, x->village);
	for (; u >= 0; u = unit_map_parent(l->m, u)) {
		v = unit_map_version(l->m, u);
		if (!v || v->level == LEVEL_COUNTRY)
			break;
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, hl_unit_name(l, u));
	}
	const char *s = report_doc_str(doc, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* One member of the members' table (page form). */
static void member_row(report_doc *doc, int64_t stt, const char *name, const char *eth,
		       const char *relation, char sex, int birth, const char *id)
{
	report_row *r = report_doc_add_row(doc, ROW_PLAIN, 0);
	report_cell_int(r, CT_STT, stt);
	report_cell_text(doc, r, CT_NAME, name);
	report_cell_text(doc, r, CT_ETHNICITY, eth);
	report_cell_text(doc, r, CT_RELATION, relation);
	char s[32]; /* a year is text: 1976, not 1.976 */
	if (birth > 0 && (sex == 'M' || sex == 'F')) {
		snprintf(s, sizeof s, "%d", birth);
		report_cell_text(doc, r, sex == 'M' ? CT_BIRTH_M : CT_BIRTH_F, s);
	} else if (birth > 0) { /* sex not known: the year goes in the note */
		snprintf(s, sizeof s, "sinh năm %d", birth);
		report_cell_text(doc, r, CT_NOTE, s);
	}
	report_cell_text(doc, r, CT_ID, id);
}

/* One member as a row of the table form. */
static void table_row(report_doc *doc, int64_t number, const hl_item *x, int seq,
		      const char *name, const char *relation, char sex, int birth,
		      const char *eth, const char *id)
{
	report_row *r = report_doc_add_row(doc, ROW_PLAIN, 0);
	report_cell_int(r, TB_CERT, number);
	report_cell_text(doc, r, TB_HH, x->id);
	report_cell_text(doc, r, TB_CLASS, x->cls == CLASS_POOR ? "POOR" : "NEAR_POOR");
	report_cell_text(doc, r, TB_VILLAGE, x->village);
	report_cell_text(doc, r, TB_HEAD, x->head);
	report_cell_int(r, TB_SEQ, seq);
	report_cell_text(doc, r, TB_NAME, name);
	report_cell_text(doc, r, TB_RELATION, relation);
	report_cell_text(doc, r, TB_SEX, sex == 'M' ? "M" : sex == 'F' ? "F" : "");
	if (birth > 0)
		report_cell_int(r, TB_BIRTH, birth);
	report_cell_text(doc, r, TB_ETHNICITY, eth);
	report_cell_text(doc, r, TB_ID, id);
}

static void certificate(report_doc *doc, const cert_form *f, const cert_vars *v,
			const hl_list *l, const hl_item *x, const st_household *h,
			const char *place_date)
{
	int ci = x->cls == CLASS_POOR ? 0 : 1;
	/* issuing commune and motto; number and place/date */
	report_row *r = text(doc, 0, hl_issuer(doc, l), LOOK_BOLD | LOOK_CENTER);
	r->page_break = true;
	report_cell_look(doc, r, RIGHT_BEGIN, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			 LOOK_BOLD | LOOK_CENTER);
	text(doc, RIGHT_BEGIN, "Độc lập - Tự do - Hạnh phúc",
	     LOOK_BOLD | LOOK_UNDERLINE | LOOK_CENTER);
	r = text(doc, 0, expand(doc, f->number, v), LOOK_CENTER);
	report_cell_look(doc, r, RIGHT_BEGIN, place_date, LOOK_ITALIC | LOOK_CENTER);
	text(doc, 0, NULL, 0);
	text(doc, 0, expand(doc, f->title[ci], v), LOOK_TITLE | LOOK_BOLD | LOOK_CENTER);
	text(doc, 0, NULL, 0);
	for (size_t i = 0; i < f->nbasis; i++)
		if (v->year >= f->basis[i].from && v->year <= f->basis[i].to)
			text(doc, 0, expand(doc, f->basis[i].text, v), LOOK_ITALIC);
	text(doc, 0, expand(doc, f->certify, v), 0);

	/* the household */
	buf b;
	buf_init(&b, 0);
	buf_printf(&b, "Hộ gia đình %s: %s", x->sex == 'M' ? "ông" : x->sex == 'F' ? "bà" : "ông/bà",
		   x->head[0] ? x->head : "....................");
	r = text(doc, 0, buf_cstr(&b), LOOK_BOLD);
	buf_reset(&b);
	buf_printf(&b, "Dân tộc: %s", x->ethnicity[0] ? x->ethnicity : "..........");
	report_cell_look(doc, r, CT_BIRTH_F, buf_cstr(&b), 0);
	const char *id = x->id_number[0] ? x->id_number
		: h && h->nmembers && h->members[0].id_number[0] ? h->members[0].id_number : "";
	buf_reset(&b);
	buf_printf(&b, "Số định danh cá nhân của chủ hộ: %s",
		   id[0] ? id : "..............................");
	text(doc, 0, buf_cstr(&b), 0);
	buf_reset(&b);
	buf_printf(&b, "Nơi thường trú: %s",
		   h && h->address && h->address[0] ? h->address : address_of(doc, l, x));
	text(doc, 0, buf_cstr(&b), 0);
	buf_reset(&b);
	buf_printf(&b, "Mã hộ: %s. Số nhân khẩu: %d.", x->id, x->members);
	text(doc, 0, buf_cstr(&b), 0);
	buf_free(&b);
	text(doc, 0, expand(doc, f->class_line[ci], v), LOOK_BOLD);
	text(doc, 0, NULL, 0);

	/* the members */
	text(doc, 0, expand(doc, f->members, v), LOOK_BOLD);
	r = report_doc_add_row(doc, ROW_HEAD, 0);
	for (size_t j = 0; j < CT_N; j++)
		report_cell_text(doc, r, j, ct_cols[j].head);
	if (h && h->nmembers) {
		for (size_t i = 0; i < h->nmembers; i++) {
			const st_member *m = &h->members[i];
			member_row(doc, (int64_t)i + 1, m->name ? m->name : "",
				   m->ethnicity ? m->ethnicity : "",
				   m->relation ? m->relation : "", m->sex, m->birth_year,
				   m->id_number);
		}
	} else {
		member_row(doc, 1, x->head, x->ethnicity, "Chủ hộ", x->sex, x->birth_year,
			   x->id_number);
		int blank = x->members - 1;
		if (blank > MAX_BLANK_MEMBERS)
			blank = MAX_BLANK_MEMBERS;
		for (int i = 0; i < blank; i++) {
			report_row *e = report_doc_add_row(doc, ROW_PLAIN, 0);
			report_cell_int(e, CT_STT, i + 2);
		}
	}

	/* the signature */
	text(doc, 0, NULL, 0);
	text(doc, RIGHT_BEGIN, expand(doc, f->signer, v), LOOK_BOLD | LOOK_CENTER);
	if (f->sign_note)
		text(doc, RIGHT_BEGIN, expand(doc, f->sign_note, v), LOOK_ITALIC | LOOK_CENTER);
	for (int i = 0; i < 4; i++)
		text(doc, 0, NULL, 0);
	for (size_t i = 0; i < f->nnotes; i++)
		text(doc, 0, expand(doc, f->notes[i], v), LOOK_ITALIC);
}

gn_err report_certificates(const report_list_args *a, gn_diag *d, report_doc **out,
			   size_t *households)
{
	*out = NULL;
	if (households)
		*households = 0;
	cert_form f;
	memset(&f, 0, sizeof f);
	gn_err rc;
	if (!a->table) {
		buf path;
		buf_init(&path, 0);
		buf_printf(&path, "%s/%s", a->reports_dir ? a->reports_dir : ".",
			   REPORT_CERTIFICATES_FORM);
		rc = form_load(buf_cstr(&path), d, &f);
		buf_free(&path);
		if (rc)
			return rc;
	}
	hl_list l;
	/* the whole commune: the numbers are places in the commune's annex */
	rc = hl_load(a->st, a->stds, REPORT_CERTIFICATES, a->unit_code, a->year, a->asof, true,
		     true, d, &l);
	if (rc) {
		form_free(&f);
		return rc;
	}
	hl_sort(&l, true);
	hl_decision dec;
	hl_decision_of(a->st, &l, a->year, &dec);

	report_doc *doc = report_doc_new(a->table ? TB_N : CT_N);
	const char *uname = hl_unit_name(&l, l.root);
	const char *cname = hl_unit_name(&l, l.commune >= 0 ? l.commune : l.root);
	doc->title = hl_fill(doc, REPORT_CERTIFICATES_TITLE " NĂM {year} - {unit}", a->year,
			     uname);
	doc->issuer = hl_issuer(doc, &l);
	doc->landscape = false;
	doc->bare = true;
	if (a->table) {
		for (size_t j = 0; j < TB_N; j++)
			doc->col_keys[j] = report_doc_str(doc, tb_keys[j]);
	} else {
		for (size_t j = 0; j < CT_N; j++) {
			doc->col_keys[j] = report_doc_str(doc, ct_cols[j].key);
			doc->col_widths[j] = ct_cols[j].width;
		}
	}
	char ddate[16] = "........";
	if (dec.has_date) {
		int y, m, dd;
		date_to_ymd(dec.date, &y, &m, &dd);
		snprintf(ddate, sizeof ddate, "%02d/%02d/%04d", dd, m, y);
	}
	cert_vars v = {
		.year = a->year,
		.commune = cname,
		.standard = l.std && l.std->name ? l.std->name : "chuẩn nghèo đa chiều",
		.standard_basis = l.std && l.std->legal_basis && *l.std->legal_basis
					  ? l.std->legal_basis : "........",
		.decision = dec.no[0] ? dec.no : "........",
		.decision_date = ddate,
	};
	const char *place_date = hl_place_date(doc, &l, &dec, a->year);
	size_t count = 0;
	for (size_t i = 0; i < l.n; i++) {
		const hl_item *x = &l.items[i];
		if (!x->in_root)
			continue;
		count++;
		v.number = (int64_t)i + 1;
		st_household h;
		memset(&h, 0, sizeof h);
		gn_err hr = store_household_get(a->st, x->id, &h);
		if (hr != GN_OK && hr != GN_ENOTFOUND) {
			st_household_clear(&h);
			rc = hr;
			break;
		}
		bool have = hr == GN_OK;
		if (a->table) {
			if (have && h.nmembers) {
				for (size_t k = 0; k < h.nmembers; k++) {
					const st_member *m = &h.members[k];
					table_row(doc, v.number, x, (int)k + 1, m->name ? m->name : "",
						  m->relation ? m->relation : "", m->sex,
						  m->birth_year, m->ethnicity ? m->ethnicity : "",
						  m->id_number);
				}
			} else {
				table_row(doc, v.number, x, 1, x->head, "Chủ hộ", x->sex,
					  x->birth_year, x->ethnicity, x->id_number);
			}
		} else {
			certificate(doc, &f, &v, &l, x, have ? &h : NULL, place_date);
		}
		st_household_clear(&h);
	}
	if (rc == GN_OK && count == 0 && !a->table) {
		/* nothing to certify: one page that says why */
		report_row *r = text(doc, 0, hl_issuer(doc, &l), LOOK_BOLD | LOOK_CENTER);
		report_cell_look(doc, r, RIGHT_BEGIN, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				 LOOK_BOLD | LOOK_CENTER);
		text(doc, 0, NULL, 0);
		text(doc, 0, hl_fill(doc, REPORT_CERTIFICATES_TITLE " NĂM {year}", a->year, uname),
		     LOOK_TITLE | LOOK_BOLD | LOOK_CENTER);
		text(doc, 0, NULL, 0);
		text(doc, 0, hl_fill(doc, "{unit}: chưa có hộ nghèo, hộ cận nghèo nào của năm {year} "
				     "được Chủ tịch Ủy ban nhân dân xã công nhận (kết quả rà soát "
				     "chưa được phê duyệt).", a->year, uname), 0);
	}
	hl_free(&l);
	form_free(&f);
	if (rc) {
		report_doc_free(doc);
		return rc;
	}
	if (households)
		*households = count;
	*out = doc;
	return GN_OK;
}
