/*
 * api_import.c - imports and exports of the interchange files (docs/api.md,
 * "Import and export"): preview an uploaded file (a dry run of the import
 * engine, every error listed), commit it, and export CSV by scope.
 *
 * Layer: api. The engine is app/import.h and app/export.h; this file adds
 * who may do what (roles.h: import_data for population and households,
 * import_map for units and lineage) and the caller's area: the engine is
 * given the caller's scope, so a row on a unit outside it, or touching a
 * household or review recorded outside it, is an error naming its line
 * and column, and nothing outside the scope can be written by an import.
 * A national user ("*") has no limit.
 *
 * A preview stores the upload only when the file is clean (nothing else
 * could be committed); a commit re-runs the import for real from the
 * stored bytes (the data may have changed meanwhile: a review locked),
 * all or nothing, then deletes the upload. Two commits of one upload at
 * once both write the same rows (imports replace): harmless.
 *
 * After a commit the live aggregates are rebuilt from the store
 * (api_dashboard_start): simple and right, and quick enough for a
 * province. At national scale the engine would rather hand each review
 * it writes to api_on_review_change (a per-row hook), so that nothing is
 * reloaded. A units or lineage commit reloads the world
 * (api_reload_units), which rebuilds the aggregates too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/export.h"
#include "../app/import.h"
#include "../io/csv.h"
#include "../io/text.h"
#include "../io/xlsx_read.h"
#include "api_int.h"

#define PREVIEW_ROWS 20
#define DIAG_MAX 1000 /* messages listed; past it, "truncated": true */

/* ---- permissions ---------------------------------------------------------------- */

/* Whether the caller may import files of kind k; else writes the 403. */
static bool may_import(api_ctx *c, file_kind k, int *status)
{
	bool ok;
	if (k == FILE_UNITS || k == FILE_LINEAGE)
		ok = c->role->import_map;
	else if (k == FILE_HOUSEHOLDS)
		ok = c->role->import_data && c->role->read_personal;
	else if (k == FILE_BUDGET)
		ok = c->role->write_me;
	else if (k == FILE_INDICATOR_VALUES)
		ok = c->role->write_me;
	else
		ok = c->role->import_data;
	if (!ok)
		*status = api_error(c, 403, "forbidden", "Vai trò không được nhập loại tệp này",
				    "This role may not import this kind of file");
	return ok;
}

/* ---- the preview ------------------------------------------------------------------ */

typedef struct preview_review {
	char id[ST_CODE];
	int year;
	char unit[ST_CODE];
	const char *head_name;
	int members;
	int64_t income, score_a;
	char cls[12];
} preview_review;

typedef struct preview {
	/* households: the first valid rows, typed and classified */
	preview_review hh[PREVIEW_ROWS];
	size_t nhh;
	/* other kinds: the header and the first records, as text */
	const char **cols;
	size_t ncols;
	const char **cells[PREVIEW_ROWS];
	size_t ncells[PREVIEW_ROWS];
	size_t nrec;
	size_t records; /* data records of the file */
} preview;

/* What the engine's callbacks see. */
typedef struct import_ctx {
	api_ctx *c;
	preview *p; /* NULL on commit */
} import_ctx;

static bool in_caller_area(void *ctx, const char *code)
{
	const import_ctx *x = ctx;
	return api_in_scope(x->c, code);
}

static void on_review(void *ctx, long line, const st_review *r)
{
	(void)line;
	import_ctx *x = ctx;
	preview *p = x->p;
	if (!p || p->nhh == PREVIEW_ROWS)
		return;
	preview_review *v = &p->hh[p->nhh++];
	memcpy(v->id, r->household_id, sizeof v->id);
	v->year = r->year;
	memcpy(v->unit, r->unit_code, sizeof v->unit);
	v->head_name = arena_strdup(x->c->ar, r->head_name ? r->head_name : "");
	v->members = r->members;
	v->income = r->income;
	v->score_a = r->score_a;
	memcpy(v->cls, r->cls, sizeof v->cls);
}

/* The engine's options for the caller: the area is the caller's scope,
 * none for the national scope. */
static import_opts caller_opts(import_ctx *x, bool dry_run)
{
	api_ctx *c = x->c;
	import_opts o = {
		.standards = c->stds,
		.catalogue = api_projects(c->app),
		.indicators = api_indicators(c->app),
		.user = c->user->id,
		.dry_run = dry_run,
		.on_review = on_review,
		.ctx = x,
	};
	if (!c->scope || !scope_is_all(c->scope)) {
		o.in_area = in_caller_area;
		o.outside_msg = c->en ? "outside your area" : "ngoài phạm vi quản lý";
	}
	return o;
}

static const char *field_dup(api_ctx *c, const csv_field *f)
{
	return arena_strndup(c->ar, f->p, f->len);
}

/* Counts the data records of the CSV text and keeps the header and the
 * first records (structural errors are the engine's to report: the count
 * stops there). */
static void scan_csv(api_ctx *c, const char *csv, size_t len, bool keep, preview *p)
{
	csv_reader *r = NULL;
	if (csv_open_mem("preview", csv, len, &r) != GN_OK)
		return;
	gn_diag *quiet = diag_new(1);
	const csv_field *f;
	size_t n;
	bool header = true;
	while (csv_next(r, quiet, &f, &n) == GN_OK) {
		if (header) {
			header = false;
			if (keep) {
				p->cols = arena_alloc(c->ar, (n ? n : 1) * sizeof *p->cols);
				for (size_t i = 0; i < n; i++)
					p->cols[i] = field_dup(c, &f[i]);
				p->ncols = n;
			}
			continue;
		}
		p->records++;
		if (keep && p->nrec < PREVIEW_ROWS) {
			const char **row = arena_alloc(c->ar, (n ? n : 1) * sizeof *row);
			for (size_t i = 0; i < n; i++)
				row[i] = field_dup(c, &f[i]);
			p->cells[p->nrec] = row;
			p->ncells[p->nrec++] = n;
		}
	}
	diag_free(quiet);
	csv_close(r);
}

/* A decimal v / 10^scale without the trailing zeros of its fraction. */
static void write_trimmed(jw *w, int64_t v, int scale)
{
	while (scale > 0 && v % 10 == 0) {
		v /= 10;
		scale--;
	}
	jw_decimal(w, v, scale);
}

static void write_preview(jw *w, file_kind kind, const preview *p)
{
	jw_key(w, "preview");
	jw_array(w);
	if (kind == FILE_HOUSEHOLDS) {
		for (size_t i = 0; i < p->nhh; i++) {
			const preview_review *v = &p->hh[i];
			jw_object(w);
			jw_kstr(w, "household_id", v->id);
			jw_kint(w, "year", v->year);
			jw_kstr(w, "unit_code", v->unit);
			jw_kstr(w, "head_name", v->head_name);
			jw_kint(w, "members", v->members);
			jw_key(w, "income");
			if (v->income >= 0)
				jw_int(w, v->income);
			else
				jw_null(w);
			jw_key(w, "score_a");
			if (v->score_a >= 0)
				write_trimmed(w, v->score_a, 4);
			else
				jw_null(w);
			jw_kstr(w, "class", v->cls);
			jw_object_end(w);
		}
	} else {
		/* the file's own columns (names as written), values as text */
		for (size_t i = 0; i < p->nrec; i++) {
			jw_object(w);
			for (size_t k = 0; k < p->ncols; k++) {
				bool repeated = false;
				for (size_t j = 0; j < k && !repeated; j++)
					repeated = strcmp(p->cols[j], p->cols[k]) == 0;
				if (repeated || !*p->cols[k])
					continue;
				jw_kstr(w, p->cols[k], k < p->ncells[i] ? p->cells[i][k] : "");
			}
			jw_object_end(w);
		}
	}
	jw_array_end(w);
}

/* ---- the readers' messages in Vietnamese ---------------------------------------------- */

/*
 * The file readers (io/csv.c, io/households_file.c, io/units_file.c,
 * core/units.c, io/hhscan.c, io/xlsx_read.c) and the import engine
 * (app/import.c) write their messages in English, as the command line
 * prints them. A Vietnamese request gets them translated here, by a table
 * of (English pattern, Vietnamese template): in a pattern "{}" stands for
 * any text, kept as it is (the quoted values of the file), and "{w}" for a
 * word translated by vi_word (a level of the map, a date); in a template
 * "{1}".."{4}" are those texts in the pattern's order. A pattern matches
 * the whole message; the first that matches wins, so specific patterns
 * come before general ones. A message no pattern matches stays as it is.
 */
typedef struct msg_vi {
	const char *en, *vi;
} msg_vi;

static const msg_vi MSG_VI[] = {
	/* io/csv.c: the structure of the file */
	{"malformed quoting: quote inside an unquoted field",
	 "sai dấu ngoặc kép: có dấu ngoặc kép bên trong một ô không mở bằng dấu ngoặc kép"},
	{"malformed quoting: text after closing quote",
	 "sai dấu ngoặc kép: có ký tự ngay sau dấu ngoặc kép đóng"},
	{"unterminated quoted field (opened on line {})",
	 "ô mở dấu ngoặc kép nhưng không đóng (mở ở dòng {1})"},
	{"bare carriage return", "có ký tự xuống dòng CR đứng riêng"},
	{"NUL byte", "có byte NUL"},
	{"record longer than {} MiB", "dòng dài quá {1} MiB"},
	{"invalid UTF-8 at byte {} of the field",
	 "không phải văn bản UTF-8 hợp lệ (byte thứ {1} của ô)"},
	{"unknown column, ignored", "cột không được hỗ trợ, bỏ qua"},
	{"duplicate column (also column {})", "cột bị lặp (trùng với cột {1})"},
	{"too many columns", "quá nhiều cột"},
	{"required column missing (standard {}, which applies to year {} on line {}, needs it)",
	 "thiếu cột bắt buộc (chuẩn nghèo {1}, áp dụng cho năm {2} ở dòng {3}, cần cột này)"},
	{"required column missing", "thiếu cột bắt buộc"},
	{"missing (record has {} fields, header has {})",
	 "thiếu ô (dòng có {1} ô, dòng tiêu đề có {2} cột)"},
	{"unexpected extra field", "thừa ô so với dòng tiêu đề"},
	{"cannot open: {}", "không mở được tệp: {1}"},
	{"cannot read: {}", "không đọc được tệp: {1}"},
	{"read error: {}", "lỗi khi đọc tệp: {1}"},
	{"the file is too large", "tệp quá lớn"},
	{"the file is empty (a header row is required)", "tệp rỗng (cần có dòng tiêu đề)"},
	{"invalid UTF-8 at byte {}", "không phải văn bản UTF-8 hợp lệ (byte thứ {1})"},

	/* io/households_file.c and io/hhscan.c: households.csv */
	{"neither an income nor a score_a column (one of them is required)",
	 "không có cột income hoặc score_a (cần ít nhất một trong hai cột)"},
	{"empty household id", "mã hộ để trống"},
	{"expected a year (4 digits), got \"{}\"", "cần năm gồm 4 chữ số; nhận được \"{1}\""},
	{"no poverty standard is installed for year {}", "chưa có chuẩn nghèo áp dụng cho năm {1}"},
	{"unknown unit \"{}\"", "không có đơn vị hành chính mã \"{1}\""},
	{"unit \"{}\" is not a commune or a village; households belong to one",
	 "đơn vị \"{1}\" không phải là xã hoặc thôn; hộ phải thuộc một xã hoặc một thôn"},
	{"expected a whole number of members, at least 1, got \"{}\"",
	 "số nhân khẩu phải là số nguyên, ít nhất là 1; nhận được \"{1}\""},
	{"expected a score (a number, decimal point allowed), got \"{}\"",
	 "điểm phải là một số (được dùng dấu chấm thập phân); nhận được \"{1}\""},
	{"expected an amount in VND (digits, or 1.500.000), got \"{}\"",
	 "số tiền phải tính bằng đồng (chỉ gồm chữ số, hoặc dạng 1.500.000); nhận được \"{1}\""},
	{"neither income nor score_a is given", "chưa có thu nhập (income) hoặc điểm B1 (score_a)"},
	{"expected 0 or 1, got \"{}\"", "phải là 0 hoặc 1; nhận được \"{1}\""},
	{"expected a whole number of points, got \"{}\"",
	 "số điểm phải là số nguyên; nhận được \"{1}\""},
	{"is {} but {} flags are set ({} points each: {} expected)",
	 "là {1} nhưng có {2} chỉ số thiếu hụt được đánh dấu (mỗi chỉ số {3} điểm: phải là {4})"},
	{"expected urban or rural, got \"{}\"",
	 "phải là urban (thành thị) hoặc rural (nông thôn); nhận được \"{1}\""},
	{"expected M or F, got \"{}\"", "phải là M (nam) hoặc F (nữ); nhận được \"{1}\""},
	{"expected a 12-digit citizen id, got \"{}\"",
	 "số định danh cá nhân phải gồm đúng 12 chữ số; nhận được \"{1}\""},
	{"expected codes separated by ';' among land, capital, labour, tools, knowhow, skills, "
	 "illness, other; got \"{}\"",
	 "phải là các mã cách nhau bởi dấu ';' trong số land, capital, labour, tools, knowhow, "
	 "skills, illness, other; nhận được \"{1}\""},
	{"household \"{}\" already has a row for year {} (line {})",
	 "hộ \"{1}\" đã có một dòng của năm {2} (dòng {3})"},
	{"household \"{}\" already has a row for year {}",
	 "hộ \"{1}\" đã có một dòng của năm {2}"},

	/* io/units_file.c: units.csv, lineage.csv, population.csv */
	{"empty unit code", "mã đơn vị để trống"},
	{"empty unit name", "tên đơn vị để trống"},
	{"expected country, province, district, commune or village, got \"{}\"",
	 "cấp phải là country, province, district, commune hoặc village; nhận được \"{1}\""},
	{"expected tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, dac_khu or thon, "
	 "got \"{}\"",
	 "loại phải là tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, dac_khu "
	 "hoặc thon; nhận được \"{1}\""},
	{"expected 1 or 0, got \"{}\"", "phải là 1 hoặc 0; nhận được \"{1}\""},
	{"expected a date (YYYY-MM-DD or DD/MM/YYYY), got \"{}\"",
	 "phải là một ngày (DD/MM/YYYY hoặc YYYY-MM-DD); nhận được \"{1}\""},
	{"expected a whole number, got \"{}\"", "phải là số nguyên; nhận được \"{1}\""},
	{"expected a fraction above 0 and at most 1, got \"{}\"",
	 "tỷ lệ phải lớn hơn 0 và không quá 1; nhận được \"{1}\""},
	{"valid_to is before valid_from",
	 "ngày hết hiệu lực (valid_to) trước ngày bắt đầu hiệu lực (valid_from)"},
	{"a unit cannot be its own parent", "đơn vị không thể là đơn vị cấp trên của chính nó"},
	{"unit \"{}\" already has households for year {} (line {})",
	 "đơn vị \"{1}\" đã có số hộ của năm {2} (dòng {3})"},

	/* core/units.c: the map as a whole */
	{"parent \"{}\" is not a unit of this file",
	 "đơn vị cấp trên \"{1}\" không có trong tệp này"},
	{"parent \"{}\" is a {w}, not above a {w}",
	 "đơn vị cấp trên \"{1}\" là cấp {2}, không cao hơn cấp {3}"},
	{"parent \"{}\" does not exist on {w}, within this unit's validity",
	 "đơn vị cấp trên \"{1}\" không tồn tại vào {2}, trong thời gian hiệu lực của đơn vị này"},
	{"unit \"{}\" has overlapping validity intervals (see line {})",
	 "đơn vị \"{1}\" có các khoảng thời gian hiệu lực chồng lên nhau (xem dòng {2})"},
	{"a {w} needs a parent", "đơn vị cấp {1} phải có đơn vị cấp trên"},
	{"a unit cannot succeed itself", "đơn vị không thể kế thừa chính nó"},
	{"shares of \"{}\" add up to more than 1", "tổng tỷ lệ chia của \"{1}\" lớn hơn 1"},

	/* io/xlsx_read.c: workbooks */
	{"not a readable spreadsheet (.xlsx): {}", "không đọc được tệp bảng tính (.xlsx): {1}"},
	{"the workbook has no worksheet ({})", "tệp bảng tính không có trang tính nào ({1})"},
	{"cannot read {} from the workbook: {}", "không đọc được {1} trong tệp bảng tính: {2}"},
	{"{} is larger than 1 GiB; split the workbook",
	 "{1} lớn hơn 1 GiB; hãy chia nhỏ tệp bảng tính"},

	/* app/import.c: the engine (scope, locked reviews, the database) */
	{"\"{}\": outside your area", "\"{1}\": ngoài phạm vi quản lý"},
	{"\"{}\" {}: outside your area", "\"{1}\" {2}: ngoài phạm vi quản lý"},
	{"the review of household \"{}\" for {} is locked and cannot be replaced",
	 "phiếu rà soát năm {2} của hộ \"{1}\" đã khóa, không thể thay thế"},
	{"unit \"{}\" is missing, but the database holds households, population or users on it",
	 "thiếu đơn vị \"{1}\" trong khi cơ sở dữ liệu còn hộ, số liệu dân số hoặc người dùng "
	 "thuộc đơn vị này"},
	{"household id longer than {} bytes", "mã hộ dài quá {1} byte"},
	{"unit code longer than {} bytes", "mã đơn vị dài quá {1} byte"},
	{"no poverty standards given to classify households",
	 "không có chuẩn nghèo để phân loại hộ"},
	{"database: {} ({})", "lỗi cơ sở dữ liệu: {1} ({2})"},

	/* io/indicator_values_file.c, app/indicators.c: indicator_values.csv (M&E results) */
	{"unknown indicator \"{}\" (see data/me/indicators.csv)",
	 "không có chỉ tiêu \"{1}\" trong khung kết quả (data/me/indicators.csv)"},
	{"indicator {} is computed from the registry ({}): give only its target",
	 "chỉ tiêu {1} được tính tự động từ cơ sở dữ liệu hộ ({2}): chỉ nhập chỉ tiêu kế hoạch (cột target)"},
	{"unknown unit \"{}\" (not in the database)", "không có đơn vị \"{1}\" trong cơ sở dữ liệu"},
	{"the unit code is empty", "thiếu mã đơn vị"},
	{"expected a period: 2024, 2024S1 (half-year), 2024Q3 (quarter) or 2024M05 (month), got \"{}\"",
	 "kỳ phải là 2024, 2024S1 (6 tháng), 2024Q3 (quý) hoặc 2024M05 (tháng), nhận được \"{1}\""},
	{"expected a number with '.' as the decimal point (no decimal comma, no thousands separator), got \"{}\"",
	 "phải là một số dùng dấu chấm thập phân (không dùng dấu phẩy thập phân, không có dấu phân cách "
	 "hàng nghìn), nhận được \"{1}\""},
	{"expected a number with '.' as the decimal point, got \"{}\"",
	 "phải là một số dùng dấu chấm thập phân, nhận được \"{1}\""},
	{"indicator {} takes at most {} decimals (no thousands separator), got \"{}\"",
	 "chỉ tiêu {1} có tối đa {2} chữ số thập phân (không có dấu phân cách hàng nghìn), nhận được \"{3}\""},
	{"give a value, a target or both",
	 "cần giá trị thực hiện (value), chỉ tiêu kế hoạch (target) hoặc cả hai"},
	{"indicator {}, unit \"{}\", period {} is already on line {}",
	 "chỉ tiêu {1}, đơn vị \"{2}\", kỳ {3} đã có ở dòng {4}"},
	{"missing: the file needs a value column, a target column or both",
	 "thiếu: tệp cần cột value, cột target hoặc cả hai"},
	{"no indicator catalogue (data/me/indicators.csv) was loaded",
	 "chưa nạp khung kết quả (data/me/indicators.csv)"},

	/* io/budget_file.c, app/budget.c: budget.csv (M&E plans and budgets) */
	{"empty plan reference (such as \"32/KH-UBND 2023\")",
	 "chưa ghi kế hoạch (số và năm, ví dụ \"32/KH-UBND 2023\")"},
	{"the plan reference holds a control character", "mã kế hoạch có ký tự điều khiển"},
	{"the plan reference is longer than {} bytes", "mã kế hoạch dài quá {1} byte"},
	{"expected a unit code, got \"{}\"", "phải là mã đơn vị; nhận được \"{1}\""},
	{"expected a year (four digits), got \"{}\"", "cần năm gồm 4 chữ số; nhận được \"{1}\""},
	{"expected a project of the catalogue (DA1 ... DA7, or a sub-project such as DA3.1), got \"{}\"",
	 "phải là một dự án trong danh mục (DA1 ... DA7, hoặc tiểu dự án như DA3.1); nhận được \"{1}\""},
	{"expected central, provincial, district, commune, mobilised, credit or household, got \"{}\"",
	 "nguồn vốn phải là central (NSTW), provincial (NS tỉnh), district (NS huyện), commune (NS xã), "
	 "mobilised (huy động), credit (tín dụng) hoặc household (hộ dân); nhận được \"{1}\""},
	{"expected recurrent or investment, got \"{}\"",
	 "loại vốn phải là recurrent (sự nghiệp) hoặc investment (đầu tư); nhận được \"{1}\""},
	{"expected allocated or disbursed, got \"{}\"",
	 "phải là allocated (được giao) hoặc disbursed (giải ngân); nhận được \"{1}\""},
	{"expected whole đồng ({} or {}), got \"{}\"",
	 "số tiền phải là số đồng nguyên ({1} hoặc {2}); nhận được \"{3}\""},
	{"a disbursement must be more than 0", "số giải ngân phải lớn hơn 0"},
	{"only an allocation carries money over from the year before",
	 "chỉ kinh phí được giao mới có phần năm trước chuyển sang"},
	{"the part carried over ({}) is more than the amount ({})",
	 "phần năm trước chuyển sang ({1}) lớn hơn số tiền ({2})"},
	{"a disbursement needs its date", "dòng giải ngân phải có ngày giải ngân"},
	{"the disbursement of {} is dated in {}: money spent after 31 December is the next year's "
	 "allocation, carried over",
	 "khoản giải ngân của năm {1} lại ghi ngày của năm {2}: tiền chi sau ngày 31/12 là kinh phí "
	 "năm sau (vốn năm trước chuyển sang)"},
	{"a second allocation of the same plan, unit, year, project, source and capital (line {})",
	 "trùng kinh phí được giao (cùng kế hoạch, đơn vị, năm, dự án, nguồn vốn, loại vốn) với dòng {1}"},
	{"a second disbursement of the same plan, unit, year, project, source and capital on {} "
	 "(line {}): give one line per day",
	 "trùng khoản giải ngân ngày {1} (cùng kế hoạch, đơn vị, năm, dự án, nguồn vốn, loại vốn) với "
	 "dòng {2}: mỗi ngày ghi một dòng"},
	{"plan \"{}\" is not in the database: its lines are kept under that reference (enter the "
	 "plan to check them against its declared funding)",
	 "kế hoạch \"{1}\" chưa có trong hệ thống: các dòng được lưu theo mã này (nhập kế hoạch để "
	 "đối chiếu với kinh phí kế hoạch ghi)"},
	{"plan \"{}\" covers {}-{}, not {}",
	 "kế hoạch \"{1}\" áp dụng cho năm {2}-{3}, không phải năm {4}"},
	{"allocated lines of {} add up to {} đồng (lines: {}), but their plan declares {} đồng",
	 "các dòng kinh phí được giao của {1} cộng lại {2} đồng (dòng: {3}), nhưng kế hoạch ghi {4} đồng"},
	{"carried over in the allocated lines of {}: {} đồng (lines: {}), but their plan declares {} "
	 "đồng",
	 "phần năm trước chuyển sang trong các dòng kinh phí được giao của {1}: {2} đồng (dòng: {3}), "
	 "nhưng kế hoạch ghi {4} đồng"},
	{"the allocated lines of {} do not fit in a number (lines: {})",
	 "tổng các dòng kinh phí được giao của {1} quá lớn (dòng: {2})"},
	{"disbursements of {} add up to {} đồng, more than the {} đồng allocated",
	 "các khoản giải ngân của {1} cộng lại {2} đồng, vượt số được giao {3} đồng"},
	{"no catalogue of projects given to check budget lines",
	 "chưa nạp danh mục dự án (data/me/projects.csv)"},
};

#define MSG_HOLES 4
#define MSG_MAX_LEN 2048       /* longer messages are left as they are */
#define MSG_MAX_STEPS 20000    /* matching work per pattern and message */

typedef struct msg_hole {
	const char *p;
	size_t n;
	bool word;
} msg_hole;

/* Whether pat matches [s, e) whole; the holes' texts into holes[k..]. */
static bool msg_match(const char *pat, const char *s, const char *e, msg_hole *holes, int k,
		      long *steps)
{
	for (;;) {
		if (--*steps < 0)
			return false;
		if (*pat == '\0')
			return s == e;
		bool word = pat[0] == '{' && pat[1] == 'w' && pat[2] == '}';
		if (word || (pat[0] == '{' && pat[1] == '}')) {
			const char *rest = pat + (word ? 3 : 2);
			if (k == MSG_HOLES)
				return false;
			for (const char *q = s; q <= e; q++) {
				/* shortest first: the next literal must follow */
				if (*rest && *rest != '{' && (q == e || *q != *rest))
					continue;
				holes[k] = (msg_hole){s, (size_t)(q - s), word};
				if (msg_match(rest, q, e, holes, k + 1, steps))
					return true;
				if (*steps < 0)
					return false;
			}
			return false;
		}
		if (s == e || *pat != *s)
			return false;
		pat++;
		s++;
	}
}

/* A word of a "{w}" hole in Vietnamese: a level of the map, a date
 * YYYY-MM-DD as "ngày DD/MM/YYYY"; other words as they are. */
static void vi_word(buf *out, const char *p, size_t n)
{
	static const char *const words[][2] = {
		{"country", "toàn quốc"}, {"province", "tỉnh"}, {"district", "huyện"},
		{"commune", "xã"},        {"village", "thôn"},  {"its first day", "ngày đầu tiên của nó"},
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i][0]) == n && memcmp(words[i][0], p, n) == 0) {
			buf_puts(out, words[i][1]);
			return;
		}
	bool iso = n == 10 && p[4] == '-' && p[7] == '-';
	for (size_t i = 0; iso && i < n; i++)
		iso = i == 4 || i == 7 || (p[i] >= '0' && p[i] <= '9');
	if (iso) {
		buf_puts(out, "ngày ");
		buf_put(out, p + 8, 2);
		buf_putc(out, '/');
		buf_put(out, p + 5, 2);
		buf_putc(out, '/');
		buf_put(out, p, 4);
		return;
	}
	buf_put(out, p, n);
}

/* The message text for the request: as written for English, else its
 * Vietnamese translation when the table has one. */
static const char *message_for(api_ctx *c, const char *text)
{
	size_t len = strlen(text);
	if (c->en || len > MSG_MAX_LEN)
		return text;
	for (size_t i = 0; i < sizeof MSG_VI / sizeof MSG_VI[0]; i++) {
		msg_hole holes[MSG_HOLES] = {{0}};
		long steps = MSG_MAX_STEPS;
		if (!msg_match(MSG_VI[i].en, text, text + len, holes, 0, &steps))
			continue;
		buf out;
		buf_init(&out, 0);
		for (const char *t = MSG_VI[i].vi; *t; t++) {
			if (t[0] == '{' && t[1] >= '1' && t[1] < '1' + MSG_HOLES && t[2] == '}') {
				const msg_hole *h = &holes[t[1] - '1'];
				if (h->p && h->word)
					vi_word(&out, h->p, h->n);
				else if (h->p)
					buf_put(&out, h->p, h->n);
				t += 2;
			} else {
				buf_putc(&out, *t);
			}
		}
		const char *vi = arena_strndup(c->ar, buf_cstr(&out), out.len);
		buf_free(&out);
		return vi;
	}
	return text;
}

/* ---- answers ------------------------------------------------------------------------ */

static void write_diag(api_ctx *c, const gn_diag *d, diag_kind kind)
{
	jw *w = c->json;
	jw_array(w);
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag_item *it = diag_at(d, i);
		if (it->kind != kind)
			continue;
		jw_object(w);
		jw_key(w, "line");
		if (it->line > 0)
			jw_int(w, it->line);
		else
			jw_null(w);
		jw_kstr(w, "column", it->column);
		jw_kstr(w, "message", message_for(c, it->text));
		jw_object_end(w);
	}
	jw_array_end(w);
}

/* "errors" (every one, up to DIAG_MAX messages), "error_count",
 * "truncated" and "warnings", as members of the object being written;
 * the messages in the request's language. */
static void write_problems(api_ctx *c, const gn_diag *d)
{
	jw *w = c->json;
	jw_key(w, "errors");
	write_diag(c, d, DIAG_ERROR);
	jw_kint(w, "error_count", (int64_t)diag_errors(d));
	jw_kbool(w, "truncated", diag_truncated(d));
	jw_key(w, "warnings");
	write_diag(c, d, DIAG_WARNING);
}

static void diag_release(void *p)
{
	diag_free(p);
}

static void buf_release(void *p)
{
	buf_free(p);
}

/* ---- POST /api/v1/imports ----------------------------------------------------------- */

/* The file name of the query, checked: its last path component, UTF-8
 * without control characters, shorter than ST_NAME; dflt when absent.
 * NULL (a 422 written) when bad. */
static const char *upload_name(api_ctx *c, const char *dflt, int *status)
{
	const char *s = api_query(c, "filename");
	if (!s || !*s)
		return dflt;
	for (const char *p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			s = p + 1;
	size_t n = strlen(s);
	bool ok = n > 0 && n < ST_NAME && text_valid_utf8(s, n, NULL);
	for (size_t i = 0; ok && i < n; i++)
		ok = (unsigned char)s[i] >= 0x20 && s[i] != 0x7f;
	if (!ok) {
		api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
		api_field(c, f, "filename", "Tên tệp không hợp lệ", "invalid file name");
		*status = api_fields_reply(c, f);
		return NULL;
	}
	return s;
}

/* The kind named s; false (a 422 naming the field kind written) when bad. */
static bool parse_kind(api_ctx *c, const char *s, file_kind *k, int *status)
{
	if (s && file_kind_parse(s, k))
		return true;
	api_fields *f = arena_calloc(c->ar, 1, sizeof *f);
	api_field(c, f, "kind", "Loại tệp phải là units, lineage, population hoặc households",
		  "kind must be units, lineage, population or households");
	*status = api_fields_reply(c, f);
	return false;
}

int api_import_preview(api_ctx *c)
{
	int status;
	file_kind kind;
	if (!parse_kind(c, api_query(c, "kind"), &kind, &status) ||
	    !may_import(c, kind, &status))
		return status;
	char dflt[32];
	snprintf(dflt, sizeof dflt, "%s.csv", file_kind_name(kind));
	const char *name = upload_name(c, dflt, &status);
	if (!name)
		return status;
	size_t len;
	const char *body = http_body(c->rq, &len);
	if (len == 0)
		return api_bad_request(c, "Tệp rỗng", "The file is empty");

	gn_diag *d = diag_new(DIAG_MAX);
	arena_defer(c->ar, diag_release, d);
	preview *p = arena_calloc(c->ar, 1, sizeof *p);
	import_ctx x = {c, p};
	import_opts o = caller_opts(&x, true);

	/* A workbook is read once, as CSV, for the scan and the dry run
	 * (line numbers are its row numbers either way). */
	const char *csv = body;
	size_t csv_len = len;
	gn_err rc = GN_OK;
	size_t rows = 0;
	if (xlsx_is(body, len)) {
		buf *sheet = arena_calloc(c->ar, 1, sizeof *sheet);
		buf_init(sheet, 0);
		arena_defer(c->ar, buf_release, sheet);
		rc = import_to_csv(name, body, len, d, sheet);
		csv = buf_cstr(sheet);
		csv_len = sheet->len;
	}
	if (rc == GN_OK) {
		scan_csv(c, csv, csv_len, kind != FILE_HOUSEHOLDS, p);
		rc = import_mem(c->st, kind, name, csv, csv_len, &o, d, &rows);
	}
	if (rc != GN_OK && rc != GN_EINPUT)
		return api_internal(c, "import preview", rc);
	if (rc == GN_EINPUT && diag_errors(d) == 0)
		diag_error(d, name, 0, "", "%s", c->en ? "the file cannot be read"
						       : "không đọc được tệp");

	int64_t id = 0;
	if (rc == GN_OK) {
		rc = store_upload_put(c->st, c->user->id, file_kind_name(kind), name, body, len,
				      &id);
		if (rc)
			return api_internal(c, "store upload", rc);
	}
	jw *w = c->json;
	jw_object(w);
	jw_key(w, "id");
	if (id)
		jw_int(w, id);
	else
		jw_null(w);
	jw_kstr(w, "kind", file_kind_name(kind));
	jw_kstr(w, "filename", name);
	jw_kint(w, "rows", (int64_t)(diag_errors(d) ? p->records : rows));
	write_problems(c, d);
	write_preview(w, kind, p);
	jw_object_end(w);
	return 200;
}

/* ---- POST /api/v1/imports/{id}/commit ----------------------------------------------- */

static void free_release(void *p)
{
	free(p);
}

int api_import_commit(api_ctx *c)
{
	const char *ids = api_param(c, "id");
	char *end = NULL;
	long long id = ids && *ids >= '1' && *ids <= '9' ? strtoll(ids, &end, 10) : 0;
	if (id <= 0 || !end || *end)
		return api_not_found(c);
	int64_t owner = 0;
	char kname[24], name[ST_NAME];
	void *data = NULL;
	size_t len = 0;
	gn_err rc = store_upload_get(c->st, id, &owner, kname, name, &data, &len);
	if (rc == GN_ENOTFOUND)
		return api_not_found(c);
	if (rc)
		return api_internal(c, "upload", rc);
	arena_defer(c->ar, free_release, data);
	/* only the uploader's own uploads exist for them */
	if (owner != c->user->id)
		return api_not_found(c);
	int status;
	file_kind kind;
	if (!file_kind_parse(kname, &kind))
		return api_internal(c, "upload kind", GN_EINTERNAL);
	if (!may_import(c, kind, &status))
		return status;

	gn_diag *d = diag_new(DIAG_MAX);
	arena_defer(c->ar, diag_release, d);
	import_ctx x = {c, NULL};
	import_opts o = caller_opts(&x, false);
	size_t written = 0;
	rc = import_mem(c->st, kind, name, data, len, &o, d, &written);
	if (rc != GN_OK && rc != GN_EINPUT)
		return api_internal(c, "import", rc); /* the upload stays: retry */
	gn_err del = store_upload_delete(c->st, id);
	if (del && del != GN_ENOTFOUND)
		fprintf(stderr, "gnbv serve: deleting upload %lld: %s\n", id, gn_strerror(del));
	if (rc == GN_EINPUT) {
		if (diag_errors(d) == 0)
			diag_error(d, name, 0, "", "%s", c->en ? "the file cannot be read"
							       : "không đọc được tệp");
		buf_reset(http_out(c->rq));
		jw_init(c->json, http_out(c->rq));
		jw *w = c->json;
		jw_object(w);
		jw_kstr(w, "error", "invalid");
		jw_kstr(w, "message", c->en ? "The file has errors; nothing was written"
					    : "Tệp có lỗi; không có gì được ghi");
		write_problems(c, d);
		jw_object_end(w);
		return 422;
	}

	/* The figures follow the data. */
	gn_err after = kind == FILE_UNITS || kind == FILE_LINEAGE
			       ? api_reload_units(c->app)
			       : api_dashboard_start(c->st, c->stds);
	if (after)
		fprintf(stderr, "gnbv serve: after the import of upload %lld: %s (rebuilt on the next dashboard request)\n",
			id, gn_strerror(after));
	jw *w = c->json;
	jw_object(w);
	jw_kstr(w, "kind", file_kind_name(kind));
	jw_kint(w, "written", (int64_t)written);
	jw_object_end(w);
	return 200;
}

/* ---- GET /api/v1/exports/{kind} ------------------------------------------------------- */

int api_export(api_ctx *c)
{
	file_kind kind;
	const char *ks = api_param(c, "kind");
	if (!ks || !file_kind_parse(ks, &kind))
		return api_not_found(c);
	if (kind == FILE_HOUSEHOLDS && !c->role->read_personal)
		return api_error(c, 403, "aggregates only", "Chỉ được xem số liệu tổng hợp",
				 "Aggregates only");
	int status;
	int64_t year;
	if (!api_query_int(c, "year", 1900, 2199, 0, &year, &status))
		return status;
	if (!c->scope)
		return api_not_found(c);
	const scope *sc = c->scope;
	const char *unit = api_query(c, "unit");
	if (unit && *unit) {
		int32_t u = api_unit_in_scope(c, unit);
		if (u < 0)
			return api_not_found(c);
		sc = world_scope(c->w, u);
	}
	export_opts o = {
		.year = (int)year,
		.standards = c->stds,
		.hide_id_numbers = !c->role->read_id_numbers,
	};
	if (!scope_is_all(sc)) {
		size_t n = scope_count(sc);
		const int32_t *codes = scope_codes(sc);
		const char **names = arena_alloc(c->ar, (n ? n : 1) * sizeof *names);
		for (size_t i = 0; i < n; i++)
			names[i] = units_code(c->units, codes[i]);
		o.unit_codes = names;
		o.nunits = n;
	}
	buf *out = http_out(c->rq);
	gn_err rc = export_csv(c->st, kind, &o, out);
	if (rc)
		return api_internal(c, "export", rc);
	http_set_type(c->rq, "text/csv; charset=utf-8");
	char disp[64];
	snprintf(disp, sizeof disp, "attachment; filename=%s.csv", file_kind_name(kind));
	http_add_header(c->rq, "Content-Disposition", disp);
	return 200;
}
