/*
 * review_form.c - a review sent as JSON (PUT .../reviews/{year}), checked
 * by exactly the rules of households.csv.
 *
 * Layer: api. The body's fields are those of households.csv (formats.md
 * 4) plus support_needs. Rather than a second set of rules that could
 * drift from the file's, the form is written as a one-row households.csv
 * (its header naming every column) and read back by the file reader
 * (io/households_file.h), which validates each value, finds the standard
 * of the year and the area of the unit, counts the deprivations and
 * classifies. Its messages name columns, which are the form's field
 * names, so they become the `fields` of the 422 answer as they are.
 *
 * JSON values map to cells as: strings as they are, integers in decimal,
 * decimals as written by %.15g (score_a "120.5"), true/false as 1/0, null
 * as an empty cell, `causes` as an array of codes joined by ';'. What a
 * cell cannot hold (objects, arrays elsewhere, control characters, NUL) is
 * refused here, as is an unknown field. Unlike a file, where an empty cell
 * of a flag column reads 0, a form must give every flag of its year's
 * standard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../io/csv.h"
#include "../io/households_file.h"
#include "../io/text.h"
#include "api_int.h"

/* The households.csv columns a form may carry, in header order. */
static const char *const form_columns[] = {
	"village", "members", "income", "score_a", "score_b", "area", "head_name",
	"head_sex", "head_birth_year", "head_ethnicity", "id_number", "merit",
	"no_labour", "social_protection", "causes",
};
#define NFORM (sizeof form_columns / sizeof form_columns[0])

/* Fields a client may send back as it received them; ignored. */
static const char *const echo_fields[] = {
	"household_id", "year", "unit_code", "class", "deprivations",
	"deprivations_count", "transition", "status", "updated_at", "updated_by",
	"unit_name", "class_label", "transition_label",
};

/* Vietnamese messages by field; the English detail is the reader's. */
static const struct {
	const char *field, *vi;
} vi_messages[] = {
	{"members", "Số nhân khẩu phải là số nguyên, ít nhất 1"},
	{"income", "Thu nhập phải là số tiền (đồng), ví dụ 1500000 hoặc 1.500.000"},
	{"score_a", "Điểm A phải là một số không âm"},
	{"score_b", "Điểm B phải bằng 10 điểm nhân số chỉ số thiếu hụt"},
	{"area", "Khu vực phải là urban (thành thị) hoặc rural (nông thôn)"},
	{"head_sex", "Giới tính chủ hộ phải là M hoặc F"},
	{"head_birth_year", "Năm sinh phải có 4 chữ số"},
	{"id_number", "Số định danh cá nhân phải có 12 chữ số"},
	{"causes", "Nguyên nhân nghèo không hợp lệ"},
	{"year", "Năm không hợp lệ hoặc chưa có chuẩn nghèo cho năm này"},
	{"unit_code", "Đơn vị hành chính không hợp lệ"},
};

static const char *vi_message(const char *field)
{
	for (size_t i = 0; i < sizeof vi_messages / sizeof vi_messages[0]; i++)
		if (strcmp(vi_messages[i].field, field) == 0)
			return vi_messages[i].vi;
	if (strncmp(field, "d_", 2) == 0)
		return "Chỉ số thiếu hụt phải là có/không (true/false)";
	return "Giá trị không hợp lệ";
}

static bool in_list(const char *const *list, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], key) == 0)
			return true;
	return false;
}

/* True when s (n bytes) has a NUL or a control character (tabs and line
 * breaks too: every form column is one line). */
static bool has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return true;
	return false;
}

/* The cell text of value v for column key into cell; false (with a field
 * error) when v cannot be a cell. */
static bool cell_of(api_ctx *c, api_fields *f, const char *key, json_t *v, buf *cell)
{
	buf_reset(cell);
	char num[64];
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (has_control(json_string_value(v), json_string_length(v))) {
			api_field(c, f, key, "Không được chứa ký tự điều khiển",
				  "control characters are not allowed");
			return false;
		}
		buf_put(cell, json_string_value(v), json_string_length(v));
		return true;
	case JSON_INTEGER:
		buf_put_i64(cell, (int64_t)json_integer_value(v));
		return true;
	case JSON_REAL:
		snprintf(num, sizeof num, "%.15g", json_real_value(v));
		buf_puts(cell, num);
		return true;
	case JSON_TRUE:
		buf_putc(cell, '1');
		return true;
	case JSON_FALSE:
		buf_putc(cell, '0');
		return true;
	case JSON_NULL:
		return true;
	case JSON_ARRAY:
		if (strcmp(key, "causes") == 0) {
			size_t i;
			json_t *e;
			json_array_foreach(v, i, e) {
				if (!json_is_string(e) ||
				    has_control(json_string_value(e), json_string_length(e)) ||
				    memchr(json_string_value(e), ';', json_string_length(e))) {
					api_field(c, f, key, vi_message(key),
						  "expected an array of cause codes");
					return false;
				}
				if (i)
					buf_putc(cell, ';');
				buf_put(cell, json_string_value(e), json_string_length(e));
			}
			return true;
		}
		break;
	case JSON_OBJECT:
		break;
	}
	api_field(c, f, key, "Sai kiểu dữ liệu", "wrong type of value");
	return false;
}

static char *dup_nfc(const char *s, size_t n)
{
	buf b;
	buf_init(&b, 0);
	if (text_nfc(s, n, &b) != GN_OK) {
		buf_free(&b);
		return gn_xstrndup(s, n);
	}
	return buf_take(&b);
}

/* A string field of the body (NFC, malloc'd), or a copy of dflt. */
static char *text_field(json_t *body, const char *key, const char *dflt)
{
	json_t *v = json_object_get(body, key);
	if (json_is_string(v))
		return dup_nfc(json_string_value(v), json_string_length(v));
	return gn_xstrdup(dflt ? dflt : "");
}

static void review_release(void *p)
{
	st_review_clear(p);
}

int review_from_json(api_ctx *c, json_t *body, const st_household *h, int year,
		     const st_review *old, st_review *out, int *deprivations)
{
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	const std_set *stds = c->stds;
	const standard *std = std_set_for_year(stds, year);
	if (!std) {
		char en[96];
		snprintf(en, sizeof en, "no poverty standard is installed for year %d", year);
		api_field(c, f, "year", vi_message("year"), en);
		return api_fields_reply(c, f);
	}

	/* Every key must be known. */
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (in_list(form_columns, NFORM, key) || strcmp(key, "support_needs") == 0 ||
		    in_list(echo_fields, sizeof echo_fields / sizeof echo_fields[0], key) ||
		    std_set_find_indicator(stds, key, strlen(key)) >= 0)
			continue;
		api_field(c, f, key, "Trường không được hỗ trợ", "unknown field");
	}
	/* The flags of the year's standard are required. */
	size_t ncat = std_set_nindicators(stds);
	for (size_t b = 0; b < ncat; b++) {
		if (!((std->mask >> b) & 1u))
			continue;
		const char *k = std_set_catalogue(stds, (int)b)->key;
		json_t *fv = json_object_get(body, k);
		if (!fv || json_is_null(fv)) {
			char en[128];
			snprintf(en, sizeof en, "required by the standard %s of year %d", std->id, year);
			api_field(c, f, k, "Bắt buộc theo chuẩn nghèo của năm", en);
		}
	}
	json_t *sn = json_object_get(body, "support_needs");
	if (sn && !json_is_null(sn) &&
	    (!json_is_string(sn) || json_string_length(sn) > 4000 ||
	     memchr(json_string_value(sn), '\0', json_string_length(sn))))
		api_field(c, f, "support_needs", "Nhu cầu hỗ trợ phải là văn bản (tối đa 4000 byte)",
			  "expected text of at most 4000 bytes");

	/* The one-row households.csv. */
	buf csv, cell;
	buf_init(&csv, 0);
	buf_init(&cell, 0);
	buf_puts(&csv, "household_id,year,unit_code");
	for (size_t i = 0; i < NFORM; i++) {
		buf_putc(&csv, ',');
		buf_puts(&csv, form_columns[i]);
	}
	for (size_t b = 0; b < ncat; b++) {
		buf_putc(&csv, ',');
		buf_puts(&csv, std_set_catalogue(stds, (int)b)->key);
	}
	buf_putc(&csv, '\n');
	csv_put_field(&csv, h->id, strlen(h->id));
	buf_printf(&csv, ",%d,", year);
	csv_put_field(&csv, h->unit_code, strlen(h->unit_code));
	for (size_t i = 0; i < NFORM + ncat; i++) {
		const char *k = i < NFORM ? form_columns[i]
					  : std_set_catalogue(stds, (int)(i - NFORM))->key;
		buf_putc(&csv, ',');
		v = json_object_get(body, k);
		if (v && cell_of(c, f, k, v, &cell))
			csv_put_field(&csv, cell.p ? cell.p : "", cell.len);
	}
	buf_putc(&csv, '\n');
	buf_free(&cell);

	gn_diag *d = diag_new(64);
	hh_reader *r = NULL;
	hh_row row;
	gn_err rc = hhfile_open_mem("form", csv.p, csv.len, c->units, stds, d, &r);
	if (rc == GN_OK)
		rc = hhfile_next(r, &row, d);
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind != DIAG_ERROR)
			continue;
		const char *field = it->column[0] ? it->column : "form";
		api_field(c, f, field, vi_message(field), it->text);
	}
	diag_free(d);
	if (rc == GN_OK && f->n == 0) {
		memset(out, 0, sizeof *out);
		arena_defer(c->ar, review_release, out);
		snprintf(out->household_id, sizeof out->household_id, "%s", h->id);
		out->year = year;
		snprintf(out->unit_code, sizeof out->unit_code, "%s", h->unit_code);
		out->village = row.village_len ? dup_nfc(row.village, row.village_len)
					       : gn_xstrdup(h->village ? h->village : "");
		out->members = (int)row.members;
		out->income = row.income;
		out->score_a = row.use_score ? row.score : -1;
		buf keys;
		buf_init(&keys, 0);
		for (size_t b = 0; b < ncat; b++) {
			if (!(((row.flags & std->mask) >> b) & 1u))
				continue;
			if (keys.len)
				buf_putc(&keys, ';');
			buf_puts(&keys, std_set_catalogue(stds, (int)b)->key);
		}
		out->deprivations = buf_take(&keys);
		json_t *area = json_object_get(body, "area");
		if (json_is_string(area) && json_string_length(area))
			snprintf(out->area, sizeof out->area, "%s",
				 row.area == AREA_URBAN ? "urban" : "rural");
		out->head_name = row.head_name_len ? dup_nfc(row.head_name, row.head_name_len)
						   : gn_xstrdup(h->head_name ? h->head_name : "");
		out->head_sex = row.head_female == 1 ? 'F' : row.head_female == 0 ? 'M' : 0;
		out->head_birth_year = row.head_birth_year;
		out->head_ethnicity = text_field(body, "head_ethnicity", "");
		if (row.id_number_len && row.id_number_len < sizeof out->id_number)
			memcpy(out->id_number, row.id_number, row.id_number_len);
		out->merit = row.merit;
		out->no_labour = row.no_labour;
		out->social_protection = row.social_protection;
		buf causes;
		buf_init(&causes, 0);
		for (int k = 0; k < CAUSE_COUNT; k++) {
			if (!(((unsigned)row.causes >> k) & 1u))
				continue;
			if (causes.len)
				buf_putc(&causes, ';');
			buf_puts(&causes, cause_name(k));
		}
		out->causes = buf_take(&causes);
		out->support_needs = text_field(body, "support_needs", "");
		snprintf(out->cls, sizeof out->cls, "%s", class_name(row.cls));
		snprintf(out->status, sizeof out->status, "%s",
			 old && old->status[0] ? old->status : "draft");
		out->round_id = old ? old->round_id : 0;
		out->updated_at = api_now();
		out->updated_by = c->user->id;
		*deprivations = row.deprivations;
	}
	hhfile_close(r);
	buf_free(&csv);
	if (f->n)
		return api_fields_reply(c, f);
	if (rc)
		return api_internal(c, "review form", rc);
	return 0;
}
