/*
 * me_capacity.js - capacity building (training, DA7.1) and inspections
 * (kiểm tra, giám sát): two areas of the M&E hub (me.js), each its own
 * tab, and their dashboard cards (docs/api.md, "Monitoring and
 * evaluation: capacity").
 *
 *   #/me/training?year=2025        a unit's figures of the year (distinct
 *                                  people, women, roles, staff trained vs
 *                                  the target) and its classes
 *   #/me/training/new              record a class with its participants
 *   #/me/training/ID[/edit]        a class: participants, add more (search,
 *                                  a new person, a list pasted from Excel)
 *   #/me/training/staff?year=      the staff counts of the unit and its
 *                                  children
 *   #/me/inspections?year=         missions, and the recommendations overdue
 *   #/me/inspections/new           record a mission with its recommendations
 *   #/me/inspections/ID[/edit]     a mission: report due, findings,
 *                                  recommendations and their status
 *
 * The server decides who may write (can_edit, can_update in its answers)
 * and checks everything; the page checks what it can before sending and
 * puts the server's 422 messages next to their fields.
 *
 * Plain ES2017, no modules; no innerHTML, no inline style or handler
 * (Content Security Policy default-src 'self').
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;

	I.add({
		vi: {
			'cap.tab_training': 'Đào tạo, tập huấn',
			'cap.tab_insp': 'Kiểm tra, giám sát',
			'cap.sum_training': 'Lớp tập huấn, tham quan học tập, hội nghị (Dự án 7.1): người được đào tạo, tỷ lệ cán bộ giảm nghèo được tập huấn.',
			'cap.sum_insp': 'Đoàn kiểm tra, giám sát, kiến nghị và việc khắc phục; kiến nghị quá hạn.',
			'cap.year': 'Năm',
			'cap.unit': 'Đơn vị',
			'cap.none': 'Chưa có dữ liệu.',
			'cap.save': 'Lưu',
			'cap.saving': 'Đang lưu…',
			'cap.cancel': 'Hủy',
			'cap.edit': 'Sửa',
			'cap.back': 'Quay lại',
			'cap.remove': 'Bỏ',
			'cap.history': 'Lịch sử thay đổi',
			'cap.err_invalid': 'Một số trường chưa đúng, xem các ghi chú màu đỏ.',
			'cap.err_required': 'Bắt buộc',
			'cap.err_date': 'Ngày dạng dd/mm/yyyy',
			'cap.err_number': 'Không phải số',
			'cap.central': 'Trung ương',
			'cap.saved': 'Đã lưu.',
			/* training */
			'cap.tr_title': 'Đào tạo, tập huấn cán bộ giảm nghèo',
			'cap.tr_hint': 'Mỗi người được ghi một lần và có thể dự nhiều lớp: số người được đào tạo đếm mỗi người một lần, số lượt người đếm mỗi lần dự.',
			'cap.tr_new': 'Thêm lớp, hội nghị',
			'cap.tr_staff_link': 'Số cán bộ làm công tác giảm nghèo',
			'cap.kpi_classes': 'Lớp, hội nghị tổ chức',
			'cap.kpi_days': '{days} ngày',
			'cap.kpi_attendances': 'Lượt người',
			'cap.kpi_people': 'Số người được đào tạo',
			'cap.kpi_women': 'Nữ: {n} ({pct})',
			'cap.kpi_share': 'Cán bộ giảm nghèo được tập huấn',
			'cap.kpi_share_sub': '{trained} / {total} người · mục tiêu {target} %',
			'cap.kpi_share_none': '{trained} người · chưa nhập số cán bộ',
			'cap.chart_share': 'Tỷ lệ cán bộ giảm nghèo được tập huấn so với mục tiêu',
			'cap.bar_share': 'Đã tập huấn',
			'cap.bar_target': 'Mục tiêu',
			'cap.by_kind': 'Theo loại hình',
			'cap.col_kind': 'Loại hình',
			'cap.col_organised': 'Số lớp tổ chức',
			'cap.col_attendances': 'Lượt người',
			'cap.col_people': 'Số người',
			'cap.col_women': 'Nữ',
			'cap.by_role': 'Theo chức danh (số người)',
			'cap.col_position': 'Chức danh',
			'cap.no_position': '(không ghi)',
			'cap.children': 'Theo đơn vị trực thuộc',
			'cap.col_staff_trained': 'Cán bộ GN được tập huấn',
			'cap.col_staff_total': 'Số cán bộ GN',
			'cap.col_share': 'Tỷ lệ',
			'cap.classes': 'Các lớp, hội nghị',
			'cap.col_dates': 'Thời gian',
			'cap.col_class': 'Tên lớp, hội nghị',
			'cap.col_organiser': 'Đơn vị tổ chức',
			'cap.col_days': 'Số ngày',
			'cap.col_participants': 'Người dự',
			'cap.class_new': 'Thêm lớp tập huấn, tham quan học tập, hội nghị',
			'cap.class_edit': 'Sửa lớp, hội nghị',
			'cap.f_kind': 'Loại hình',
			'cap.f_title': 'Tên lớp, hội nghị',
			'cap.f_organiser': 'Đơn vị tổ chức',
			'cap.f_level': 'Cấp',
			'cap.f_place': 'Địa điểm',
			'cap.f_start': 'Từ ngày',
			'cap.f_end': 'Đến ngày',
			'cap.f_days': 'Số ngày',
			'cap.f_days_hint': 'Để trống: tính theo ngày; lớp nửa ngày ghi 0,5',
			'cap.f_topics': 'Nội dung',
			'cap.f_project': 'Dự án',
			'cap.f_funding': 'Kinh phí (đồng)',
			'cap.level_auto': 'Theo đơn vị tổ chức',
			'cap.participants': 'Người tham gia',
			'cap.participants_n': 'Người tham gia ({n})',
			'cap.participants_hidden': 'và {n} người của đơn vị khác',
			'cap.p_search': 'Tìm người đã có (gõ họ tên)',
			'cap.p_search_hint': 'Người đã ghi ở lớp trước: chọn, không nhập lại.',
			'cap.p_pick': 'Chọn',
			'cap.p_picked': 'Đã chọn',
			'cap.p_nomatch': 'Không tìm thấy: nhập người mới bên dưới.',
			'cap.p_new': 'Người mới',
			'cap.p_name': 'Họ và tên',
			'cap.p_sex': 'Giới tính',
			'cap.p_male': 'Nam',
			'cap.p_female': 'Nữ',
			'cap.p_birth': 'Năm sinh',
			'cap.p_unit': 'Đơn vị công tác',
			'cap.p_position': 'Chức danh',
			'cap.p_staff': 'Cán bộ làm công tác giảm nghèo',
			'cap.p_add': 'Thêm vào danh sách',
			'cap.p_pending': 'Danh sách sẽ lưu',
			'cap.p_pending_none': 'Chưa có ai trong danh sách.',
			'cap.p_new_mark': 'mới',
			'cap.p_paste': 'Dán danh sách từ Excel',
			'cap.p_paste_hint': 'Mỗi dòng một người, các cột: Họ và tên, Giới tính (Nam/Nữ), Năm sinh, Mã đơn vị, Chức danh, Cán bộ giảm nghèo (có/không). Có lỗi ở dòng nào thì không lưu gì.',
			'cap.p_paste_errors': 'Danh sách dán có lỗi:',
			'cap.p_line': 'Dòng {line}, cột {column}: {message}',
			'cap.col.full_name': 'Họ và tên',
			'cap.col.sex': 'Giới tính',
			'cap.col.birth_year': 'Năm sinh',
			'cap.col.unit_code': 'Mã đơn vị',
			'cap.col.position': 'Chức danh',
			'cap.col.staff': 'Cán bộ giảm nghèo',
			'cap.p_save': 'Lưu người tham gia',
			'cap.p_add_title': 'Thêm người tham gia',
			'cap.p_added': 'Đã thêm {added} người ({already} người đã có trong lớp).',
			'cap.p_remove_confirm': 'Bỏ {name} khỏi lớp?',
			'cap.col_name': 'Họ và tên',
			'cap.col_sex': 'Giới tính',
			'cap.col_birth': 'Năm sinh',
			'cap.col_unit': 'Đơn vị',
			'cap.col_staff': 'Cán bộ GN',
			'cap.yes': 'Có',
			'cap.staff_title': 'Số cán bộ làm công tác giảm nghèo',
			'cap.staff_hint': 'Ghi số cán bộ làm công tác giảm nghèo của chính đơn vị đó (không cộng đơn vị cấp dưới) trong năm. Tỷ lệ được tập huấn = số cán bộ giảm nghèo đã dự ít nhất một lớp trong năm / tổng số cán bộ; mục tiêu {target} %.',
			'cap.col_staff_count': 'Số cán bộ',
			'cap.col_trained': 'Đã tập huấn',
			/* inspections */
			'cap.in_title': 'Kiểm tra, giám sát',
			'cap.in_hint': 'Báo cáo kết quả giám sát phải xong trong {days} ngày làm việc sau khi kết thúc đợt (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết).',
			'cap.in_new': 'Thêm đợt kiểm tra, giám sát',
			'cap.missions': 'Các đợt kiểm tra, giám sát',
			'cap.col_mission': 'Đợt kiểm tra',
			'cap.col_inspector': 'Đơn vị kiểm tra',
			'cap.col_inspected': 'Đơn vị được kiểm tra',
			'cap.col_report': 'Báo cáo',
			'cap.col_recs': 'Kiến nghị',
			'cap.recs_counts': '{total} (quá hạn {overdue})',
			'cap.report_due': 'hạn {date}',
			'cap.report_done': 'đã nộp {date}',
			'cap.report_late': 'chậm',
			'cap.mission_new': 'Thêm đợt kiểm tra, giám sát',
			'cap.mission_edit': 'Sửa đợt kiểm tra, giám sát',
			'cap.f_mkind': 'Hình thức',
			'cap.f_mname': 'Tên đợt',
			'cap.f_decision': 'Quyết định số',
			'cap.f_inspector': 'Đơn vị kiểm tra',
			'cap.f_team': 'Thành viên đoàn',
			'cap.f_units': 'Đơn vị được kiểm tra',
			'cap.f_findings': 'Kết quả kiểm tra, phát hiện (mỗi dòng một ý)',
			'cap.f_report_date': 'Ngày nộp báo cáo',
			'cap.recs': 'Kiến nghị',
			'cap.rec_add': 'Thêm kiến nghị',
			'cap.rec_n': 'Kiến nghị {n}',
			'cap.rec_text': 'Nội dung kiến nghị',
			'cap.rec_unit': 'Đơn vị thực hiện',
			'cap.rec_due': 'Hạn xử lý',
			'cap.rec_status': 'Tình trạng',
			'cap.rec_overdue': 'Quá hạn {n} ngày',
			'cap.rec_resolved_on': 'Khắc phục ngày {date}',
			'cap.rec_update': 'Cập nhật',
			'cap.rec_date': 'Ngày khắc phục',
			'cap.rec_evidence': 'Kết quả, minh chứng',
			'cap.rec_file': 'Tệp minh chứng (PDF, ảnh, Word, Excel; tối đa 512 KB)',
			'cap.rec_file_big': 'Tệp lớn quá 512 KB',
			'cap.rec_file_link': 'Tệp: {name}',
			'cap.rec_none': 'Chưa có kiến nghị.',
			'cap.report_due_f': 'Hạn nộp báo cáo',
			'cap.report_wd': '{n} ngày làm việc sau ngày kết thúc',
			'cap.h_when': 'Thời điểm',
			'cap.h_user': 'Người sửa',
			'cap.h_field': 'Nội dung',
			'cap.h_change': 'Cũ → mới',
			'cap.report_date_f': 'Đã nộp ngày',
			'cap.report_not': 'Chưa nộp',
			'cap.findings': 'Kết quả kiểm tra, phát hiện',
			'cap.overdue_title': 'Kiến nghị quá hạn',
			'cap.overdue_none': 'Không có kiến nghị quá hạn.',
			'cap.open_count': 'Kiến nghị chưa khắc phục: {n} · quá hạn: {m}',
			'cap.col_due': 'Hạn',
			'cap.col_late': 'Số ngày quá hạn',
			/* dashboard */
			'cap.dash_training': 'Đào tạo, tập huấn năm {year}',
			'cap.dash_insp': 'Kiến nghị sau kiểm tra, giám sát',
			'cap.dash_more': 'Xem chi tiết',
			'cap.dash_old_map': 'Đơn vị này không còn trên bản đồ hiện nay: số liệu đào tạo, kiểm tra được ghi theo các đơn vị hiện nay.'
		},
		en: {
			'cap.tab_training': 'Training',
			'cap.tab_insp': 'Inspections',
			'cap.sum_training': 'Training classes, study tours, conferences (Project 7.1): people trained, share of poverty-reduction staff trained.',
			'cap.sum_insp': 'Inspection and monitoring missions, recommendations and their follow-up; overdue recommendations.',
			'cap.year': 'Year',
			'cap.unit': 'Unit',
			'cap.none': 'No data yet.',
			'cap.save': 'Save',
			'cap.saving': 'Saving…',
			'cap.cancel': 'Cancel',
			'cap.edit': 'Edit',
			'cap.back': 'Back',
			'cap.remove': 'Remove',
			'cap.history': 'History of changes',
			'cap.err_invalid': 'Some fields are not right: see the notes in red.',
			'cap.err_required': 'Required',
			'cap.err_date': 'A date as dd/mm/yyyy',
			'cap.err_number': 'Not a number',
			'cap.central': 'Central',
			'cap.saved': 'Saved.',
			'cap.tr_title': 'Training of poverty-reduction staff',
			'cap.tr_hint': 'Each person is registered once and may attend many classes: people trained counts each person once, attendances count each time.',
			'cap.tr_new': 'Add a class or conference',
			'cap.tr_staff_link': 'Poverty-reduction staff counts',
			'cap.kpi_classes': 'Classes and conferences held',
			'cap.kpi_days': '{days} days',
			'cap.kpi_attendances': 'Attendances',
			'cap.kpi_people': 'People trained',
			'cap.kpi_women': 'Women: {n} ({pct})',
			'cap.kpi_share': 'Poverty-reduction staff trained',
			'cap.kpi_share_sub': '{trained} / {total} people · target {target}%',
			'cap.kpi_share_none': '{trained} people · staff count not entered',
			'cap.chart_share': 'Share of poverty-reduction staff trained against the target',
			'cap.bar_share': 'Trained',
			'cap.bar_target': 'Target',
			'cap.by_kind': 'By kind',
			'cap.col_kind': 'Kind',
			'cap.col_organised': 'Held',
			'cap.col_attendances': 'Attendances',
			'cap.col_people': 'People',
			'cap.col_women': 'Women',
			'cap.by_role': 'By role (people)',
			'cap.col_position': 'Role',
			'cap.no_position': '(not given)',
			'cap.children': 'By unit below',
			'cap.col_staff_trained': 'Staff trained',
			'cap.col_staff_total': 'Staff',
			'cap.col_share': 'Share',
			'cap.classes': 'Classes and conferences',
			'cap.col_dates': 'Dates',
			'cap.col_class': 'Class or conference',
			'cap.col_organiser': 'Organiser',
			'cap.col_days': 'Days',
			'cap.col_participants': 'Participants',
			'cap.class_new': 'Add a training class, study tour or conference',
			'cap.class_edit': 'Edit the class',
			'cap.f_kind': 'Kind',
			'cap.f_title': 'Title',
			'cap.f_organiser': 'Organising unit',
			'cap.f_level': 'Level',
			'cap.f_place': 'Place',
			'cap.f_start': 'From',
			'cap.f_end': 'To',
			'cap.f_days': 'Days',
			'cap.f_days_hint': 'Empty: counted from the dates; half a day is 0.5',
			'cap.f_topics': 'Topics',
			'cap.f_project': 'Project',
			'cap.f_funding': 'Funding (VND)',
			'cap.level_auto': 'From the organising unit',
			'cap.participants': 'Participants',
			'cap.participants_n': 'Participants ({n})',
			'cap.participants_hidden': 'and {n} people of other units',
			'cap.p_search': 'Find a registered person (type the name)',
			'cap.p_search_hint': 'People of earlier classes: pick them, do not type them again.',
			'cap.p_pick': 'Pick',
			'cap.p_picked': 'Picked',
			'cap.p_nomatch': 'Not found: enter a new person below.',
			'cap.p_new': 'New person',
			'cap.p_name': 'Full name',
			'cap.p_sex': 'Sex',
			'cap.p_male': 'Male',
			'cap.p_female': 'Female',
			'cap.p_birth': 'Year of birth',
			'cap.p_unit': 'Unit',
			'cap.p_position': 'Role',
			'cap.p_staff': 'Poverty-reduction staff',
			'cap.p_add': 'Add to the list',
			'cap.p_pending': 'List to save',
			'cap.p_pending_none': 'Nobody in the list yet.',
			'cap.p_new_mark': 'new',
			'cap.p_paste': 'Paste a list from Excel',
			'cap.p_paste_hint': 'One person a line, columns: full name, sex (M/F), year of birth, unit code, role, poverty-reduction staff (1/0). Any error and nothing is saved.',
			'cap.p_paste_errors': 'The pasted list has errors:',
			'cap.p_line': 'Line {line}, column {column}: {message}',
			'cap.col.full_name': 'full name',
			'cap.col.sex': 'sex',
			'cap.col.birth_year': 'year of birth',
			'cap.col.unit_code': 'unit code',
			'cap.col.position': 'role',
			'cap.col.staff': 'poverty-reduction staff',
			'cap.p_save': 'Save participants',
			'cap.p_add_title': 'Add participants',
			'cap.p_added': '{added} people added ({already} were in the class already).',
			'cap.p_remove_confirm': 'Remove {name} from the class?',
			'cap.col_name': 'Full name',
			'cap.col_sex': 'Sex',
			'cap.col_birth': 'Born',
			'cap.col_unit': 'Unit',
			'cap.col_staff': 'PR staff',
			'cap.yes': 'Yes',
			'cap.staff_title': 'Poverty-reduction staff counts',
			'cap.staff_hint': 'Enter the poverty-reduction staff of the unit itself (not of the units below it) in the year. Share trained = staff who attended at least one class in the year / staff; target {target}%.',
			'cap.col_staff_count': 'Staff',
			'cap.col_trained': 'Trained',
			'cap.in_title': 'Inspections and monitoring',
			'cap.in_hint': 'The mission report is due within {days} working days after the mission ends (weekends, holidays and Tết excluded).',
			'cap.in_new': 'Add a mission',
			'cap.missions': 'Missions',
			'cap.col_mission': 'Mission',
			'cap.col_inspector': 'Inspecting unit',
			'cap.col_inspected': 'Units inspected',
			'cap.col_report': 'Report',
			'cap.col_recs': 'Recommendations',
			'cap.recs_counts': '{total} ({overdue} overdue)',
			'cap.report_due': 'due {date}',
			'cap.report_done': 'submitted {date}',
			'cap.report_late': 'late',
			'cap.mission_new': 'Add an inspection or monitoring mission',
			'cap.mission_edit': 'Edit the mission',
			'cap.f_mkind': 'Kind',
			'cap.f_mname': 'Name',
			'cap.f_decision': 'Decision no.',
			'cap.f_inspector': 'Inspecting unit',
			'cap.f_team': 'Team members',
			'cap.f_units': 'Units inspected',
			'cap.f_findings': 'Findings (one a line)',
			'cap.f_report_date': 'Report submitted on',
			'cap.recs': 'Recommendations',
			'cap.rec_add': 'Add a recommendation',
			'cap.rec_n': 'Recommendation {n}',
			'cap.rec_text': 'Recommendation',
			'cap.rec_unit': 'Unit responsible',
			'cap.rec_due': 'Due',
			'cap.rec_status': 'Status',
			'cap.rec_overdue': '{n} days overdue',
			'cap.rec_resolved_on': 'Resolved on {date}',
			'cap.rec_update': 'Update',
			'cap.rec_date': 'Date resolved',
			'cap.rec_evidence': 'What was done, evidence',
			'cap.rec_file': 'Evidence file (PDF, image, Word, Excel; up to 512 KB)',
			'cap.rec_file_big': 'The file is larger than 512 KB',
			'cap.rec_file_link': 'File: {name}',
			'cap.rec_none': 'No recommendation.',
			'cap.report_due_f': 'Report due',
			'cap.report_wd': '{n} working days after the last day',
			'cap.h_when': 'When',
			'cap.h_user': 'User',
			'cap.h_field': 'Field',
			'cap.h_change': 'Old → new',
			'cap.report_date_f': 'Submitted on',
			'cap.report_not': 'Not yet',
			'cap.findings': 'Findings',
			'cap.overdue_title': 'Overdue recommendations',
			'cap.overdue_none': 'No overdue recommendation.',
			'cap.open_count': 'Unresolved recommendations: {n} · overdue: {m}',
			'cap.col_due': 'Due',
			'cap.col_late': 'Days late',
			'cap.dash_training': 'Training in {year}',
			'cap.dash_insp': 'Recommendations of inspections',
			'cap.dash_more': 'Details',
			'cap.dash_old_map': 'This unit is not on today\'s map: training and inspections are recorded by today\'s units.'
		}
	});

	var POSITIONS = ['cán bộ giảm nghèo xã', 'cán bộ Văn hóa - Xã hội', 'trưởng thôn', 'cộng tác viên giảm nghèo',
		'cán bộ chi hội đoàn thể', 'người có uy tín', 'cán bộ huyện', 'cán bộ tỉnh'];
	var FILE_MAX = 512 * 1024;

	var app;
	var U;
	var h;

	/* ---- shared helpers ------------------------------------------------------------ */

	function api(method, path, body, query) {
		return app.api(method, '/me' + path, body, query ? { query: query } : undefined);
	}

	var optionsCache = { lang: '', p: null };
	/* kinds, levels, statuses, projects, today (the server's), target */
	function options() {
		if (!optionsCache.p || optionsCache.lang !== I.getLang()) {
			optionsCache.lang = I.getLang();
			optionsCache.p = api('GET', '/training/options').catch(function (e) {
				optionsCache.p = null;
				throw e;
			});
		}
		return optionsCache.p;
	}

	function todayYear(opts) {
		return Number(String(opts.today || '').slice(0, 4)) || app.thisYear();
	}

	function yearsFrom(opts) {
		var ys = [];
		for (var y = todayYear(opts); y >= 2021; y--) {
			ys.push(y);
		}
		return ys;
	}

	/* The units of the caller's area, for pickers: the caller's unit, its
	 * children and grandchildren (national users: the provinces, and the
	 * central level "*"). [{code, name, level, depth}] */
	var unitsCache = { key: '', p: null };
	function areaUnits() {
		var me = app.me() || {};
		var key = me.username + '|' + me.unit_code;
		if (unitsCache.key === key && unitsCache.p) {
			return unitsCache.p;
		}
		unitsCache.key = key;
		unitsCache.p = (async function () {
			var out = [];
			var national = me.unit_code === '*';
			if (national) {
				out.push({ code: '*', name: t('cap.central'), level: 'country', depth: 0 });
			}
			var top = await app.api('GET', '/units');
			if (top.parent) {
				out.push({ code: top.parent.code, name: top.parent.name, level: top.parent.level, depth: 0 });
			}
			var depth0 = top.parent ? 1 : 0;
			var maxDepth = national ? 0 : 1;
			async function walk(list, depth) {
				for (var i = 0; i < list.length; i++) {
					var u = list[i];
					out.push({ code: u.code, name: u.name, level: u.level, depth: depth });
					if (depth - depth0 < maxDepth && u.children > 0) {
						var sub = await app.api('GET', '/units', null, { query: { parent: u.code } });
						await walk(sub.units || [], depth + 1);
					}
				}
			}
			await walk(top.units || [], depth0);
			return out;
		})().catch(function (e) {
			unitsCache.p = null;
			throw e;
		});
		return unitsCache.p;
	}

	function unitOptions(units) {
		return units.map(function (u) {
			var pad = '';
			for (var i = 0; i < u.depth; i++) {
				pad += '\u2003';
			}
			return { value: u.code, label: pad + u.name + (u.code !== '*' ? ' (' + u.code + ')' : '') };
		});
	}

	/* A small form kit: fields by name with an error line each; the
	 * server's 422 fields go next to theirs, the rest in the box. */
	function formKit(prefix) {
		var kit = { controls: {}, errs: {} };
		kit.box = h('div', { class: 'msg msg-error', id: prefix + '-error', role: 'alert', hidden: true });
		kit.field = function (name, label, control, hint, extraClass) {
			if (!control.id) {
				control.id = prefix + '-' + name.replace(/[^a-z0-9_-]/gi, '_');
			}
			var err = h('p', { class: 'field-error', id: 'err-' + control.id, role: 'alert', hidden: true, dataset: { field: name } });
			control.setAttribute('aria-describedby', err.id);
			kit.controls[name] = control;
			kit.errs[name] = err;
			return h('div', { class: 'field' + (extraClass ? ' ' + extraClass : ''), dataset: { field: name } }, [
				h('label', { for: control.id, text: label }),
				control,
				hint ? h('p', { class: 'hint', text: hint }) : null,
				err
			]);
		};
		/* an error slot without a control of its own (a row of a list) */
		kit.slot = function (name, el) {
			kit.errs[name] = el;
		};
		kit.setError = function (name, msg) {
			var p = kit.errs[name];
			if (!p) {
				return false;
			}
			p.textContent = msg || '';
			p.hidden = !msg;
			var c = kit.controls[name];
			if (c) {
				if (msg) {
					c.setAttribute('aria-invalid', 'true');
				} else {
					c.removeAttribute('aria-invalid');
				}
			}
			if (p.parentNode && p.parentNode.classList) {
				p.parentNode.classList.toggle('invalid', !!msg);
			}
			return true;
		};
		kit.clear = function () {
			Object.keys(kit.errs).forEach(function (k) {
				kit.setError(k, '');
			});
			kit.message(null);
		};
		kit.message = function (lines, kind) {
			U.clear(kit.box);
			kit.box.className = 'msg msg-' + (kind || 'error');
			if (!lines || !lines.length) {
				kit.box.hidden = true;
				return;
			}
			lines.forEach(function (l) {
				if (l) {
					kit.box.appendChild(typeof l === 'string' ? h('p', { text: l }) : l);
				}
			});
			kit.box.hidden = false;
		};
		kit.focusFirst = function () {
			var names = Object.keys(kit.controls);
			for (var i = 0; i < names.length; i++) {
				if (kit.controls[names[i]].getAttribute('aria-invalid')) {
					kit.controls[names[i]].focus();
					return;
				}
			}
		};
		kit.showServer = function (e) {
			if (e.status !== 422) {
				kit.message([app.errorText(e)]);
				return;
			}
			var rest = [];
			var fields = (e.data && e.data.fields) || {};
			Object.keys(fields).forEach(function (k) {
				if (!kit.setError(k, fields[k])) {
					rest.push(k + ': ' + fields[k]);
				}
			});
			kit.message([app.serverText(e.data) || t('cap.err_invalid')].concat(rest));
			kit.focusFirst();
		};
		return kit;
	}

	function dateInput(value) {
		return h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy',
			value: value ? I.fmtDate(value) : '', class: 'date-input' });
	}

	/* The ISO date typed in an input; '' when empty; null (and the error
	 * set) when it is not a date. */
	function readDate(kit, name, required) {
		var v = kit.controls[name].value.trim();
		if (!v) {
			if (required) {
				kit.setError(name, t('cap.err_required'));
				return null;
			}
			return '';
		}
		var iso = I.parseDate(v);
		if (!iso) {
			kit.setError(name, t('cap.err_date'));
			return null;
		}
		return iso;
	}

	function fmtDays(d) {
		return I.fmtNum(d, Number(d) % 1 ? 1 : 0);
	}

	function dates(a, b) {
		return a === b || !b ? I.fmtDate(a) : I.fmtDate(a) + ' – ' + I.fmtDate(b);
	}

	function table(id, cols, rows, cls) {
		return h('div', { class: 'table-wrap' }, h('table', { class: 'data' + (cls ? ' ' + cls : ''), id: id }, [
			h('thead', null, h('tr', null, cols.map(function (c) {
				return h('th', { scope: 'col', class: c.num ? 'num' : null, text: c.label });
			}))),
			h('tbody', null, rows)
		]));
	}

	function yearSelect(id, years, year, onChange) {
		var sel = U.select({ id: id, name: 'year' }, years.map(function (y) {
			return { value: y, label: String(y) };
		}), year);
		sel.addEventListener('change', function () {
			onChange(Number(sel.value));
		});
		return U.field(t('cap.year'), sel);
	}

	function historyBox(list) {
		if (!list || !list.length) {
			return null;
		}
		return h('details', { class: 'card', id: 'cap-history' }, [
			h('summary', { text: t('cap.history') + ' (' + list.length + ')' }),
			table('cap-history-table', [{ label: t('cap.h_when') }, { label: t('cap.h_user') }, { label: t('cap.h_field') },
				{ label: t('cap.h_change') }], list.map(function (x) {
				return h('tr', null, [
					h('td', { class: 'nowrap', text: I.fmtDateTime(x.at) }),
					h('td', { text: x.user }),
					h('td', { text: x.entity + '.' + x.field }),
					h('td', null, [
						x.old !== null ? h('span', { class: 'old', text: x.old }) : null,
						x.old !== null && x.new !== null ? ' → ' : null,
						x.new !== null ? h('span', { class: 'new', text: x.new }) : null
					])
				]);
			}))
		]);
	}

	/* The share of staff trained against the target, as two bars. */
	function shareChart(el, staff, target) {
		if (staff.share_percent === null || staff.share_percent === undefined) {
			U.clear(el);
			return;
		}
		window.GNBV.charts.bar(el, [
			{ label: t('cap.bar_share'), value: staff.share_percent, cls: Number(staff.share_percent) >= target ? 'c-cap-ok' : 'c-cap-share' },
			{ label: t('cap.bar_target'), value: target, cls: 'c-cap-target' }
		], {
			ariaLabel: t('cap.chart_share'),
			format: function (v) {
				return I.fmtPct(v);
			}
		});
	}

	function kpi(label, value, sub, id, cls) {
		return h('div', { class: 'kpi ' + (cls || ''), id: id || null }, [
			h('div', { class: 'kpi-label', text: label }),
			h('div', { class: 'kpi-value', text: value }),
			sub ? h('div', { class: 'kpi-sub', text: sub }) : null
		]);
	}

	function shareText(s) {
		return s.share_percent === null || s.share_percent === undefined ? t('app.dash') : I.fmtPct(s.share_percent);
	}

	function shareSub(s, target) {
		return s.total === null || s.total === undefined
			? t('cap.kpi_share_none', { trained: I.fmtNum(s.trained) })
			: t('cap.kpi_share_sub', { trained: I.fmtNum(s.trained), total: I.fmtNum(s.total), target: target });
	}

	/* ===== training ================================================================== */

	async function viewTraining(ctx) {
		var root = ctx.root;
		app.loading(root);
		var opts = await options();
		var year = Number(ctx.query.year) || todayYear(opts);
		var unit = ctx.query.unit || null;
		var both = await Promise.all([
			api('GET', '/training/summary', null, { year: year, unit: unit }),
			api('GET', '/training/classes', null, { year: year, unit: unit })
		]);
		if (!ctx.alive()) {
			return;
		}
		var s = both[0];
		var classes = both[1].classes || [];
		U.clear(root);
		root.appendChild(h('h1', { text: t('cap.tr_title') }));
		root.appendChild(app.meTabs('training'));
		root.appendChild(h('p', { class: 'muted small', text: t('cap.tr_hint') }));
		var controls = h('form', { class: 'controls', on: { submit: function (ev) {
			ev.preventDefault();
		} } }, [
			yearSelect('cap-tr-year', yearsFrom(opts), year, function (y) {
				location.hash = app.hashFor('/me/training', { year: y, unit: unit });
			}),
			h('p', { class: 'field' }, h('a', { href: app.hashFor('/me/training/staff', { year: year }), id: 'cap-staff-link', text: t('cap.tr_staff_link') }))
		]);
		if (app.can('write_me')) {
			controls.appendChild(h('p', { class: 'field' }, h('a', { class: 'button cap-primary', href: '#/me/training/new', id: 'cap-tr-new', text: t('cap.tr_new') })));
		}
		root.appendChild(controls);
		root.appendChild(h('p', { class: 'small muted', text: s.unit.name + ' · ' + year }));
		root.appendChild(h('div', { class: 'kpis', id: 'cap-kpis' }, [
			kpi(t('cap.kpi_classes'), I.fmtNum(s.organised.classes), t('cap.kpi_days', { days: fmtDays(s.organised.days) }), 'cap-kpi-classes'),
			kpi(t('cap.kpi_attendances'), I.fmtNum(s.attendances), null, 'cap-kpi-attendances'),
			kpi(t('cap.kpi_people'), I.fmtNum(s.people), t('cap.kpi_women', { n: I.fmtNum(s.women), pct: s.women_percent === null ? t('app.dash') : I.fmtPct(s.women_percent) }), 'cap-kpi-people', 'kpi-good'),
			kpi(t('cap.kpi_share'), shareText(s.staff), shareSub(s.staff, s.target_percent), 'cap-kpi-share')
		]));
		var chart = h('div', { class: 'chart-box', id: 'cap-share-chart' });
		root.appendChild(h('div', { class: 'grid2' }, [
			h('section', { class: 'card' }, [h('h2', { text: t('cap.chart_share') }), chart]),
			h('section', { class: 'card' }, [
				h('h2', { text: t('cap.by_kind') }),
				table('cap-by-kind', [{ label: t('cap.col_kind') }, { label: t('cap.col_organised'), num: true },
					{ label: t('cap.col_attendances'), num: true }, { label: t('cap.col_people'), num: true }],
				s.by_kind.map(function (k) {
					return h('tr', { dataset: { kind: k.kind } }, [
						h('th', { scope: 'row', text: k.label }),
						h('td', { class: 'num', text: I.fmtNum(k.organised) }),
						h('td', { class: 'num', text: I.fmtNum(k.attendances) }),
						h('td', { class: 'num', text: I.fmtNum(k.people) })
					]);
				}))
			])
		]));
		shareChart(chart, s.staff, s.target_percent);
		if (!chart.firstChild) {
			chart.appendChild(h('p', { class: 'chart-empty', text: shareSub(s.staff, s.target_percent) }));
		}
		var row2 = [];
		if (s.children && s.children.length) {
			row2.push(h('section', { class: 'card' }, [
				h('h2', { text: t('cap.children') }),
				table('cap-children', [{ label: t('cap.unit') }, { label: t('cap.col_people'), num: true },
					{ label: t('cap.col_women'), num: true }, { label: t('cap.col_staff_trained'), num: true },
					{ label: t('cap.col_staff_total'), num: true }, { label: t('cap.col_share'), num: true }],
				s.children.map(function (c) {
					return h('tr', { dataset: { code: c.code } }, [
						h('th', { scope: 'row' }, h('a', { href: app.hashFor('/me/training', { year: year, unit: c.code }), text: c.name })),
						h('td', { class: 'num', text: I.fmtNum(c.people) }),
						h('td', { class: 'num', text: I.fmtNum(c.women) }),
						h('td', { class: 'num', text: I.fmtNum(c.staff_trained) }),
						h('td', { class: 'num', text: I.fmtNum(c.staff_total) }),
						h('td', { class: 'num', text: c.share_percent === null ? t('app.dash') : I.fmtPct(c.share_percent) })
					]);
				}))
			]));
		}
		if (s.positions && s.positions.length) {
			row2.push(h('section', { class: 'card' }, [
				h('h2', { text: t('cap.by_role') }),
				table('cap-roles', [{ label: t('cap.col_position') }, { label: t('cap.col_people'), num: true },
					{ label: t('cap.col_women'), num: true }], s.positions.map(function (p) {
					return h('tr', null, [
						h('th', { scope: 'row', text: p.position || t('cap.no_position') }),
						h('td', { class: 'num', text: I.fmtNum(p.people) }),
						h('td', { class: 'num', text: I.fmtNum(p.women) })
					]);
				}))
			]));
		}
		if (row2.length) {
			root.appendChild(h('div', { class: 'grid2' }, row2));
		}
		var list = h('section', { class: 'card' }, [h('h2', { text: t('cap.classes') })]);
		if (!classes.length) {
			list.appendChild(h('p', { class: 'muted', id: 'cap-classes-none', text: t('cap.none') }));
		} else {
			list.appendChild(table('cap-classes', [{ label: t('cap.col_dates') }, { label: t('cap.col_class') },
				{ label: t('cap.col_kind') }, { label: t('cap.col_organiser') }, { label: t('cap.col_days'), num: true },
				{ label: t('cap.col_participants'), num: true }], classes.map(function (k) {
				var href = '#/me/training/' + k.id;
				var tr = h('tr', { class: 'clickable', dataset: { id: k.id } }, [
					h('td', { class: 'nowrap', text: dates(k.start_date, k.end_date) }),
					h('th', { scope: 'row' }, h('a', { href: href, text: k.title })),
					h('td', { text: k.kind_label }),
					h('td', { text: k.unit_name }),
					h('td', { class: 'num', text: fmtDays(k.days) }),
					h('td', { class: 'num', text: I.fmtNum(k.participants) })
				]);
				tr.addEventListener('click', function (ev) {
					if (ev.target.tagName !== 'A') {
						location.hash = href;
					}
				});
				return tr;
			}), 'wide'));
		}
		root.appendChild(list);
	}

	/* ---- participants: search, new person, paste ------------------------------------------ */

	/*
	 * The widget that builds a list of participants to save: people picked
	 * from a search, new people typed in, and a pasted list. get() ->
	 * {participants: [...], participants_csv: '...'}; showErrors(e) puts
	 * the server's 422 next to the rows and the pasted lines.
	 */
	function participantsEditor(units, defaultUnit) {
		var pending = [];        /* {person_id, label...} or {new: {...}} */
		var kit = formKit('cap-p');
		var listBox = h('div', { id: 'cap-p-pending' });
		var results = h('ul', { class: 'cap-results', id: 'cap-p-results', 'aria-live': 'polite' });
		var search = h('input', { type: 'search', id: 'cap-p-search', autocomplete: 'off' });
		var timer = null;
		var seq = 0;

		function keyOf(p) {
			return p.person_id ? 'id:' + p.person_id : 'new:' + p.full_name.toLowerCase() + '|' + p.unit_code + '|' + (p.birth_year || '');
		}

		function renderPending() {
			U.clear(listBox);
			if (!pending.length) {
				listBox.appendChild(h('p', { class: 'muted small', text: t('cap.p_pending_none') }));
				return;
			}
			listBox.appendChild(table('cap-p-pending-table', [{ label: '#' }, { label: t('cap.col_name') }, { label: t('cap.col_sex') },
				{ label: t('cap.col_birth') }, { label: t('cap.col_unit') }, { label: t('cap.col_position') },
				{ label: t('cap.col_staff') }, { label: '' }], pending.map(function (p, i) {
				var err = h('p', { class: 'field-error', role: 'alert', hidden: true });
				kit.slot('participants[' + i + ']', err);
				['full_name', 'sex', 'birth_year', 'unit_code', 'position', 'staff'].forEach(function (f) {
					kit.slot('participants[' + i + '].' + f, err);
				});
				return h('tr', { dataset: { index: i } }, [
					h('td', { text: String(i + 1) }),
					h('th', { scope: 'row' }, [p.full_name, p.person_id ? null : h('span', { class: 'badge cap-new', text: t('cap.p_new_mark') }), err]),
					h('td', { text: p.sex === 'F' ? t('cap.p_female') : t('cap.p_male') }),
					h('td', { text: p.birth_year ? String(p.birth_year) : t('app.dash') }),
					h('td', { text: p.unit_name || p.unit_code }),
					h('td', { text: p.position || '' }),
					h('td', { text: p.staff ? t('cap.yes') : '' }),
					h('td', null, h('button', { type: 'button', class: 'link-button', text: t('cap.remove'), on: { click: function () {
						pending.splice(i, 1);
						renderPending();
					} } }))
				]);
			})));
		}

		function add(p) {
			var k = keyOf(p);
			if (pending.some(function (q) {
				return keyOf(q) === k;
			})) {
				return false;
			}
			pending.push(p);
			renderPending();
			return true;
		}

		async function doSearch() {
			var q = search.value.trim();
			var my = ++seq;
			if (q.length < 2) {
				U.clear(results);
				return;
			}
			try {
				var res = await api('GET', '/training/persons', null, { q: q, limit: 10 });
				if (my !== seq) {
					return;
				}
				U.clear(results);
				var ps = res.persons || [];
				if (!ps.length) {
					results.appendChild(h('li', { class: 'muted small', text: t('cap.p_nomatch') }));
					newName.value = newName.value || q;
				}
				ps.forEach(function (p) {
					var btn = h('button', { type: 'button', class: 'secondary', text: t('cap.p_pick'), dataset: { id: p.id } });
					btn.addEventListener('click', function () {
						add({ person_id: p.id, full_name: p.full_name, sex: p.sex, birth_year: p.birth_year,
							unit_code: p.unit_code, unit_name: p.unit_name, position: p.position, staff: p.staff });
						btn.disabled = true;
						btn.textContent = t('cap.p_picked');
					});
					results.appendChild(h('li', null, [
						btn, ' ',
						h('strong', { text: p.full_name }),
						h('span', { class: 'small muted', text: ' · ' + [p.birth_year, p.unit_name, p.position].filter(Boolean).join(' · ') })
					]));
				});
			} catch (e) {
				if (e.status !== 401 && my === seq) {
					U.clear(results).appendChild(h('li', { class: 'field-error', text: app.errorText(e) }));
				}
			}
		}
		search.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(doSearch, 250);
		});
		search.addEventListener('keydown', function (ev) {
			if (ev.key === 'Enter') {
				ev.preventDefault();
				clearTimeout(timer);
				doSearch();
			}
		});

		/* a new person */
		var nk = formKit('cap-pn');
		var newName = h('input', { type: 'text', autocomplete: 'off' });
		var newSex = U.select({}, [{ value: '', label: '' }, { value: 'F', label: t('cap.p_female') }, { value: 'M', label: t('cap.p_male') }], '');
		var newBirth = h('input', { type: 'text', inputmode: 'numeric', class: 'num-input', maxlength: 4 });
		var newUnit = U.select({}, unitOptions(units.filter(function (u) {
			return u.code !== '*';
		})), defaultUnit);
		var dl = h('datalist', { id: 'cap-positions' }, POSITIONS.map(function (p) {
			return h('option', { value: p });
		}));
		var newPos = h('input', { type: 'text', list: 'cap-positions', autocomplete: 'off' });
		var newStaff = h('input', { type: 'checkbox', id: 'cap-pn-staff' });
		var addBtn = h('button', { type: 'button', class: 'secondary', id: 'cap-pn-add', text: t('cap.p_add') });
		addBtn.addEventListener('click', function () {
			nk.clear();
			var ok = true;
			var name = newName.value.trim().replace(/\s+/g, ' ');
			if (!name) {
				nk.setError('full_name', t('cap.err_required'));
				ok = false;
			}
			if (!newSex.value) {
				nk.setError('sex', t('cap.err_required'));
				ok = false;
			}
			var by = newBirth.value.trim();
			if (by && !/^(19|20)\d\d$/.test(by)) {
				nk.setError('birth_year', t('cap.err_number'));
				ok = false;
			}
			if (!ok) {
				nk.focusFirst();
				return;
			}
			var unit = units.filter(function (u) {
				return u.code === newUnit.value;
			})[0] || {};
			add({ full_name: name, sex: newSex.value, birth_year: by ? Number(by) : null, unit_code: newUnit.value,
				unit_name: unit.name, position: newPos.value.trim(), staff: newStaff.checked });
			newName.value = '';
			newBirth.value = '';
			newSex.value = '';
			newStaff.checked = false;
			newName.focus();
		});
		newName.addEventListener('keydown', function (ev) {
			if (ev.key === 'Enter') {
				ev.preventDefault();
				addBtn.click();
			}
		});

		/* a pasted list */
		var paste = h('textarea', { id: 'cap-p-paste', rows: 5, spellcheck: 'false' });
		var pasteErrors = h('div', { id: 'cap-p-paste-errors', class: 'msg msg-error', role: 'alert', hidden: true });

		var box = h('div', { class: 'cap-participants' }, [
			kit.field('search', t('cap.p_search'), search, t('cap.p_search_hint')),
			results,
			h('fieldset', { class: 'cap-new-person' }, [
				h('legend', { text: t('cap.p_new') }),
				h('div', { class: 'controls' }, [
					nk.field('full_name', t('cap.p_name'), newName, null, 'grow'),
					nk.field('sex', t('cap.p_sex'), newSex),
					nk.field('birth_year', t('cap.p_birth'), newBirth),
					nk.field('unit_code', t('cap.p_unit'), newUnit),
					nk.field('position', t('cap.p_position'), newPos),
					h('div', { class: 'field check' }, [newStaff, h('label', { for: newStaff.id, text: t('cap.p_staff') })]),
					h('div', { class: 'field' }, addBtn)
				]),
				dl
			]),
			h('h3', { text: t('cap.p_pending') }),
			listBox,
			h('details', { class: 'cap-paste', id: 'cap-p-paste-box' }, [
				h('summary', { text: t('cap.p_paste') }),
				h('p', { class: 'hint', text: t('cap.p_paste_hint') }),
				paste,
				pasteErrors
			]),
			kit.box
		]);
		renderPending();

		/* Excel gives tab-separated lines: made CSV, with the header when
		 * the first line is not one. */
		var prepended = false;
		function pastedCsv() {
			prepended = false;
			/* blank lines around the list go; the empty cells at the end of
			 * a row (Excel copies them as tabs) stay */
			var lines = paste.value.replace(/\r\n?/g, '\n').split('\n').filter(function (l) {
				return l.trim() !== '';
			});
			if (!lines.length) {
				return '';
			}
			var tabs = lines[0].indexOf('\t') >= 0;
			function csvField(s) {
				s = s.trim();
				return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
			}
			if (tabs) {
				lines = lines.map(function (l) {
					return l.split('\t').map(csvField).join(',');
				});
			}
			if (!/full_name/i.test(lines[0])) {
				/* our header: rows of fewer cells get empty ones */
				prepended = true;
				lines = lines.map(function (l) {
					var n = (l.match(/,/g) || []).length + 1;
					while (n < 6) {
						l += ',';
						n++;
					}
					return l;
				});
				lines.unshift('full_name,sex,birth_year,unit_code,position,staff');
			}
			return lines.join('\n') + '\n';
		}

		return {
			el: box,
			count: function () {
				return pending.length + (paste.value.trim() ? 1 : 0);
			},
			get: function () {
				var out = {};
				if (pending.length) {
					out.participants = pending.map(function (p) {
						if (p.person_id) {
							return { person_id: p.person_id };
						}
						var o = { full_name: p.full_name, sex: p.sex, unit_code: p.unit_code, staff: !!p.staff };
						if (p.birth_year) {
							o.birth_year = p.birth_year;
						}
						if (p.position) {
							o.position = p.position;
						}
						return o;
					});
				}
				var csv = pastedCsv();
				if (csv) {
					out.participants_csv = csv;
				}
				return out;
			},
			clear: function () {
				kit.clear();
				pasteErrors.hidden = true;
				U.clear(pasteErrors);
			},
			reset: function () {
				pending = [];
				paste.value = '';
				search.value = '';
				U.clear(results);
				renderPending();
			},
			/* returns the names of the fields it showed */
			showErrors: function (e) {
				var shown = {};
				var fields = (e.data && e.data.fields) || {};
				Object.keys(fields).forEach(function (k) {
					if (/^participants\[/.test(k) && kit.setError(k, fields[k])) {
						shown[k] = true;
					}
				});
				if (e.data && e.data.errors && e.data.errors.length) {
					U.clear(pasteErrors);
					pasteErrors.appendChild(h('p', { text: t('cap.p_paste_errors') }));
					pasteErrors.appendChild(h('ul', null, e.data.errors.map(function (x) {
						/* lines of the list as pasted: without the header we added */
						var line = prepended && x.line > 0 ? x.line - 1 : x.line;
						var col = I.has('cap.col.' + x.column) ? t('cap.col.' + x.column) : x.column;
						return h('li', { text: line ? t('cap.p_line', { line: line, column: col, message: x.message }) : x.message });
					})));
					pasteErrors.hidden = false;
					document.getElementById('cap-p-paste-box').open = true;
					shown.participants_csv = true;
				}
				return shown;
			}
		};
	}

	/* ---- a class: create, edit ---------------------------------------------------------------- */

	async function viewClassForm(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		app.loading(root);
		var all = await Promise.all([options(), areaUnits(), id ? api('GET', '/training/classes/' + encodeURIComponent(id)) : null]);
		if (!ctx.alive()) {
			return;
		}
		var opts = all[0];
		var units = all[1];
		var old = all[2] ? all[2].class : null;
		var me = app.me();
		var defUnit = old ? old.unit_code : (me.unit_code === '*' ? '*' : me.unit_code);
		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: old ? '#/me/training/' + old.id : '#/me/training', text: '‹ ' + t('cap.back') })));
		root.appendChild(h('h1', { text: t(old ? 'cap.class_edit' : 'cap.class_new') }));
		root.appendChild(app.meTabs('training'));

		var kit = formKit('cap-c');
		var kind = U.select({}, opts.kinds.map(function (k) {
			return { value: k.name, label: k.label };
		}), old ? old.kind : 'training');
		var title = h('input', { type: 'text', value: old ? old.title : '', autocomplete: 'off' });
		var unit = U.select({}, unitOptions(units), defUnit);
		var level = U.select({}, [{ value: '', label: t('cap.level_auto') }].concat(opts.levels.map(function (l) {
			return { value: l.name, label: l.label };
		})), old ? old.level : '');
		var place = h('input', { type: 'text', value: old ? old.place : '' });
		var start = dateInput(old ? old.start_date : '');
		var end = dateInput(old ? old.end_date : '');
		var days = h('input', { type: 'text', inputmode: 'decimal', class: 'num-input', value: old ? fmtDays(old.days) : '' });
		var topics = h('textarea', { rows: 3 });
		topics.value = old ? old.topics : '';
		var project = U.select({}, opts.projects.map(function (p) {
			return { value: p.code, label: p.code + ' – ' + p.name };
		}), old ? old.project : 'DA7.1');
		var funding = h('input', { type: 'text', inputmode: 'numeric', value: old && old.funding !== null ? I.fmtNum(old.funding) : '' });
		var editor = old ? null : participantsEditor(units, defUnit === '*' ? (units[1] || {}).code : defUnit);
		var btn = h('button', { type: 'submit', class: 'primary', id: 'cap-c-submit', text: t('cap.save') });
		var form = h('form', { class: 'card', id: 'cap-class-form', novalidate: true }, [
			h('div', { class: 'controls' }, [
				kit.field('kind', t('cap.f_kind'), kind),
				kit.field('title', t('cap.f_title'), title, null, 'grow')
			]),
			h('div', { class: 'controls' }, [
				kit.field('unit_code', t('cap.f_organiser'), unit),
				kit.field('level', t('cap.f_level'), level),
				kit.field('place', t('cap.f_place'), place, null, 'grow')
			]),
			h('div', { class: 'controls' }, [
				kit.field('start_date', t('cap.f_start'), start),
				kit.field('end_date', t('cap.f_end'), end),
				kit.field('days', t('cap.f_days'), days, t('cap.f_days_hint')),
				kit.field('funding', t('cap.f_funding'), funding),
				kit.field('project', t('cap.f_project'), project)
			]),
			kit.field('topics', t('cap.f_topics'), topics),
			editor ? h('fieldset', null, [h('legend', { text: t('cap.participants') }), editor.el]) : null,
			kit.box,
			h('div', { class: 'actions' }, [btn, ' ', h('a', { href: old ? '#/me/training/' + old.id : '#/me/training', text: t('cap.cancel') })])
		]);
		root.appendChild(form);
		form.addEventListener('submit', async function (ev) {
			ev.preventDefault();
			kit.clear();
			if (editor) {
				editor.clear();
			}
			var ok = true;
			var body = { kind: kind.value, title: title.value.trim(), unit_code: unit.value, place: place.value.trim(),
				topics: topics.value, project: project.value };
			if (!body.title) {
				kit.setError('title', t('cap.err_required'));
				ok = false;
			}
			body.start_date = readDate(kit, 'start_date', true);
			body.end_date = readDate(kit, 'end_date', false);
			if (body.end_date === '') {
				body.end_date = body.start_date; /* one day */
			}
			if (body.start_date === null || body.end_date === null) {
				ok = false;
			}
			if (level.value) {
				body.level = level.value;
			}
			if (days.value.trim()) {
				var d = I.parseNum(days.value);
				if (d === null) {
					kit.setError('days', t('cap.err_number'));
					ok = false;
				} else {
					body.days = d;
				}
			}
			if (funding.value.trim()) {
				var m = I.parseMoney(funding.value);
				if (m === null) {
					kit.setError('funding', t('cap.err_number'));
					ok = false;
				} else {
					body.funding = m;
				}
			}
			if (!ok) {
				kit.message([t('cap.err_invalid')]);
				kit.focusFirst();
				return;
			}
			if (editor) {
				Object.assign(body, editor.get());
			}
			btn.disabled = true;
			btn.textContent = t('cap.saving');
			try {
				var res = old ? await api('PUT', '/training/classes/' + old.id, body) : await api('POST', '/training/classes', body);
				location.hash = '#/me/training/' + res.class.id;
			} catch (e) {
				if (e.status === 401) {
					return;
				}
				var shown = editor && e.status === 422 ? editor.showErrors(e) : {};
				if (e.status === 422) {
					var rest = {};
					Object.keys((e.data && e.data.fields) || {}).forEach(function (k) {
						if (!shown[k]) {
							rest[k] = e.data.fields[k];
						}
					});
					kit.showServer({ status: 422, data: { message: e.data.message, fields: rest } });
				} else {
					kit.showServer(e);
				}
			} finally {
				btn.disabled = false;
				btn.textContent = t('cap.save');
			}
		});
	}

	async function viewClass(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		app.loading(root);
		var both = await Promise.all([api('GET', '/training/classes/' + encodeURIComponent(id)), areaUnits()]);
		if (!ctx.alive()) {
			return;
		}
		renderClass(ctx, both[0], both[1], null);
	}

	function renderClass(ctx, data, units, flash) {
		var root = ctx.root;
		var k = data.class;
		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/training', { year: k.start_date.slice(0, 4) }), text: '‹ ' + t('cap.back') })));
		root.appendChild(h('div', { class: 'page-head' }, [
			h('h1', { id: 'cap-class-title', text: k.title }),
			h('span', { class: 'badge badge-state', text: k.kind_label })
		]));
		root.appendChild(app.meTabs('training'));
		var flashBox = h('div', { id: 'cap-flash', 'aria-live': 'polite' });
		if (flash) {
			flashBox.appendChild(U.message('ok', flash));
		}
		root.appendChild(flashBox);
		var facts = [];
		function fact(label, value, id2) {
			facts.push(h('dt', { text: label }));
			facts.push(h('dd', { id: id2 || null, class: 'cap-pre', text: value }));
		}
		fact(t('cap.f_organiser'), k.unit_name + ' (' + k.unit_code + ')');
		fact(t('cap.f_level'), k.level_label);
		fact(t('cap.col_dates'), dates(k.start_date, k.end_date));
		fact(t('cap.f_days'), fmtDays(k.days), 'cap-class-days');
		if (k.place) {
			fact(t('cap.f_place'), k.place);
		}
		fact(t('cap.f_project'), k.project);
		if (k.funding !== null) {
			fact(t('cap.f_funding'), I.fmtMoney(k.funding));
		}
		if (k.topics) {
			fact(t('cap.f_topics'), k.topics);
		}
		root.appendChild(h('section', { class: 'card' }, [
			h('dl', { class: 'facts' }, facts),
			k.can_edit ? h('p', null, h('a', { class: 'button secondary', id: 'cap-class-edit', href: '#/me/training/' + k.id + '/edit', text: t('cap.edit') })) : null
		]));

		var ps = data.participants || [];
		var sec = h('section', { class: 'card', id: 'cap-participants' }, [
			h('h2', { id: 'cap-participants-title', text: t('cap.participants_n', { n: k.participants }) })
		]);
		if (data.participants_hidden) {
			sec.appendChild(h('p', { class: 'small muted', text: t('cap.participants_hidden', { n: data.participants_hidden }) }));
		}
		sec.appendChild(ps.length ? table('cap-participants-table', [{ label: '#' }, { label: t('cap.col_name') },
			{ label: t('cap.col_sex') }, { label: t('cap.col_birth') }, { label: t('cap.col_unit') },
			{ label: t('cap.col_position') }, { label: t('cap.col_staff') }, { label: '' }], ps.map(function (p, i) {
			var rm = null;
			if (k.can_edit) {
				rm = h('button', { type: 'button', class: 'link-button', text: t('cap.remove'), dataset: { person: p.id } });
				rm.addEventListener('click', async function () {
					if (!window.confirm(t('cap.p_remove_confirm', { name: p.full_name }))) {
						return;
					}
					try {
						var res = await api('DELETE', '/training/classes/' + k.id + '/participants/' + p.id);
						if (ctx.alive()) {
							renderClass(ctx, res, units, null);
						}
					} catch (e) {
						if (e.status !== 401) {
							flashBox.appendChild(U.message('error', app.errorText(e)));
						}
					}
				});
			}
			return h('tr', { dataset: { id: p.id } }, [
				h('td', { text: String(i + 1) }),
				h('th', { scope: 'row', text: p.full_name }),
				h('td', { text: p.sex === 'F' ? t('cap.p_female') : t('cap.p_male') }),
				h('td', { text: p.birth_year ? String(p.birth_year) : t('app.dash') }),
				h('td', { text: p.unit_name }),
				h('td', { text: p.position }),
				h('td', { text: p.staff ? t('cap.yes') : '' }),
				h('td', null, rm)
			]);
		})) : h('p', { class: 'muted', text: t('cap.p_pending_none') }));
		root.appendChild(sec);

		if (k.can_edit && app.can('write_me')) {
			var editor = participantsEditor(units, k.unit_code === '*' ? (units[1] || {}).code : k.unit_code);
			var btn = h('button', { type: 'submit', class: 'primary', id: 'cap-p-submit', text: t('cap.p_save') });
			var box = h('div', { class: 'msg msg-error', role: 'alert', hidden: true, id: 'cap-p-add-error' });
			var form = h('form', { class: 'card', id: 'cap-add-form', novalidate: true }, [
				h('h2', { text: t('cap.p_add_title') }),
				editor.el,
				box,
				h('div', { class: 'actions' }, btn)
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				editor.clear();
				box.hidden = true;
				btn.disabled = true;
				btn.textContent = t('cap.saving');
				try {
					var res = await api('POST', '/training/classes/' + k.id + '/participants', editor.get());
					if (ctx.alive()) {
						renderClass(ctx, res, units, t('cap.p_added', { added: res.added, already: res.already }));
					}
				} catch (e) {
					if (e.status === 401) {
						return;
					}
					var shown = e.status === 422 ? editor.showErrors(e) : {};
					var rest = Object.keys((e.data && e.data.fields) || {}).filter(function (f) {
						return !shown[f];
					}).map(function (f) {
						return e.data.fields[f];
					});
					U.clear(box).appendChild(h('p', { text: app.serverText(e.data) || app.errorText(e) }));
					rest.forEach(function (r) {
						box.appendChild(h('p', { text: r }));
					});
					box.hidden = false;
				} finally {
					btn.disabled = false;
					btn.textContent = t('cap.p_save');
				}
			});
			root.appendChild(form);
		}
		var hist = historyBox(data.history);
		if (hist) {
			root.appendChild(hist);
		}
	}

	/* ---- staff counts ----------------------------------------------------------------------------- */

	async function viewStaff(ctx) {
		var root = ctx.root;
		app.loading(root);
		var opts = await options();
		var year = Number(ctx.query.year) || todayYear(opts);
		var data = await api('GET', '/training/staff', null, { year: year });
		if (!ctx.alive()) {
			return;
		}
		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/training', { year: year }), text: '‹ ' + t('cap.back') })));
		root.appendChild(h('h1', { text: t('cap.staff_title') }));
		root.appendChild(app.meTabs('training'));
		root.appendChild(h('p', { class: 'muted small', text: t('cap.staff_hint', { target: opts.staff_target_percent }) }));
		root.appendChild(h('form', { class: 'controls', on: { submit: function (ev) {
			ev.preventDefault();
		} } }, [yearSelect('cap-staff-year', yearsFrom(opts), year, function (y) {
			location.hash = app.hashFor('/me/training/staff', { year: y });
		})]));
		root.appendChild(h('section', { class: 'card' }, table('cap-staff', [{ label: t('cap.unit') },
			{ label: t('cap.col_staff_count'), num: true }, { label: t('cap.col_trained'), num: true },
			{ label: t('cap.col_share'), num: true }, { label: '' }], data.units.map(function (u) {
			var share = h('td', { class: 'num', text: u.share_percent === null ? t('app.dash') : I.fmtPct(u.share_percent) });
			var cell = h('td', { class: 'num', text: u.staff === null ? t('app.dash') : I.fmtNum(u.staff) });
			var action = h('td');
			if (u.can_edit) {
				var input = h('input', { type: 'text', inputmode: 'numeric', class: 'num-input', id: 'cap-staff-' + u.code,
					value: u.staff === null ? '' : String(u.staff), 'aria-label': t('cap.col_staff_count') + ' ' + u.name });
				var msg = h('span', { class: 'small', 'aria-live': 'polite' });
				var save = h('button', { type: 'button', class: 'secondary', text: t('cap.save'), dataset: { code: u.code } });
				save.addEventListener('click', async function () {
					var v = input.value.trim();
					if (v !== '' && !/^\d+$/.test(v)) {
						msg.className = 'field-error';
						msg.textContent = t('cap.err_number');
						return;
					}
					save.disabled = true;
					try {
						var res = await api('PUT', '/training/staff', { unit_code: u.code, year: year, staff: v === '' ? null : Number(v) });
						msg.className = 'small ok';
						msg.textContent = t('cap.saved');
						u.staff = res.staff;
						var pct = res.staff ? Math.round(u.trained * 10000 / res.staff) / 100 : null;
						share.textContent = pct === null ? t('app.dash') : I.fmtPct(pct);
					} catch (e) {
						if (e.status !== 401) {
							msg.className = 'field-error';
							var f = e.data && e.data.fields;
							msg.textContent = f ? Object.keys(f).map(function (k) {
								return f[k];
							}).join('; ') : app.errorText(e);
						}
					} finally {
						save.disabled = false;
					}
				});
				U.clear(cell).appendChild(input);
				action.appendChild(save);
				action.appendChild(msg);
			}
			return h('tr', { dataset: { code: u.code } }, [
				h('th', { scope: 'row', text: u.name + ' (' + u.code + ')' }),
				cell,
				h('td', { class: 'num', text: I.fmtNum(u.trained) }),
				share,
				action
			]);
		}))));
	}

	/* ===== inspections ================================================================================ */

	function recStatusBadge(r) {
		var cls = r.overdue ? 'cap-overdue' : 'cap-st-' + r.status;
		return h('span', { class: 'badge badge-state ' + cls, dataset: { status: r.status, overdue: r.overdue ? '1' : '0' },
			text: r.overdue ? r.status_label + ' · ' + t('cap.rec_overdue', { n: r.days_late }) : r.status_label });
	}

	function reportCell(m) {
		var txt = m.report_date ? t('cap.report_done', { date: I.fmtDate(m.report_date) }) : t('cap.report_due', { date: I.fmtDate(m.report_due) });
		return [h('span', { text: txt }), m.report_late ? h('span', { class: 'badge cap-overdue', text: t('cap.report_late') }) : null];
	}

	/* Overdue recommendations; compact (the dashboard's card): the text
	 * links to the mission, named in its title. */
	function overdueTable(id, recs, compact) {
		var cols = [{ label: t('cap.rec_text') }, { label: t('cap.rec_unit') }, { label: t('cap.col_due') },
			{ label: t('cap.col_late'), num: true }];
		if (!compact) {
			cols.push({ label: t('cap.col_mission') });
		}
		return table(id, cols, recs.map(function (r) {
			var href = '#/me/inspections/' + r.mission.id;
			return h('tr', { dataset: { id: r.id } }, [
				h('th', { scope: 'row' }, compact ? h('a', { href: href, title: r.mission.name, text: r.text }) : r.text),
				h('td', { text: r.unit_name }),
				h('td', { class: 'nowrap', text: I.fmtDate(r.due_date) }),
				h('td', { class: 'num bad', text: I.fmtNum(r.days_late) }),
				compact ? null : h('td', null, h('a', { href: href, text: r.mission.name }))
			]);
		}));
	}

	async function viewMissions(ctx) {
		var root = ctx.root;
		app.loading(root);
		var opts = await options();
		var year = ctx.query.year ? Number(ctx.query.year) : 0;
		var both = await Promise.all([
			api('GET', '/inspections/missions', null, { year: year || null }),
			api('GET', '/inspections/recommendations', null, { overdue: 1, limit: 50 })
		]);
		if (!ctx.alive()) {
			return;
		}
		var missions = both[0].missions || [];
		var recs = both[1];
		U.clear(root);
		root.appendChild(h('h1', { text: t('cap.in_title') }));
		root.appendChild(app.meTabs('inspections'));
		root.appendChild(h('p', { class: 'muted small', text: t('cap.in_hint', { days: opts.mission_report_working_days }) }));
		var yearSel = U.select({ id: 'cap-in-year', name: 'year' }, [{ value: '', label: '—' }].concat(yearsFrom(opts).map(function (y) {
			return { value: y, label: String(y) };
		})), year || '');
		yearSel.addEventListener('change', function () {
			location.hash = app.hashFor('/me/inspections', { year: yearSel.value });
		});
		var controls = h('form', { class: 'controls', on: { submit: function (ev) {
			ev.preventDefault();
		} } }, [U.field(t('cap.year'), yearSel)]);
		if (app.can('write_me')) {
			controls.appendChild(h('p', { class: 'field' }, h('a', { class: 'button cap-primary', href: '#/me/inspections/new', id: 'cap-in-new', text: t('cap.in_new') })));
		}
		root.appendChild(controls);
		var od = h('section', { class: 'card', id: 'cap-overdue' }, [
			h('h2', { text: t('cap.overdue_title') }),
			h('p', { class: 'small', id: 'cap-open-count', text: t('cap.open_count', { n: I.fmtNum(recs.counts.unresolved), m: I.fmtNum(recs.counts.overdue) }) })
		]);
		od.appendChild(recs.recommendations.length ? overdueTable('cap-overdue-table', recs.recommendations)
			: h('p', { class: 'muted', text: t('cap.overdue_none') }));
		root.appendChild(od);
		var list = h('section', { class: 'card' }, [h('h2', { text: t('cap.missions') })]);
		if (!missions.length) {
			list.appendChild(h('p', { class: 'muted', id: 'cap-missions-none', text: t('cap.none') }));
		} else {
			list.appendChild(table('cap-missions', [{ label: t('cap.col_dates') }, { label: t('cap.col_mission') },
				{ label: t('cap.col_inspector') }, { label: t('cap.col_inspected') }, { label: t('cap.col_report') },
				{ label: t('cap.col_recs') }], missions.map(function (m) {
				var href = '#/me/inspections/' + m.id;
				var rc = m.recommendations || {};
				var tr = h('tr', { class: 'clickable', dataset: { id: m.id } }, [
					h('td', { class: 'nowrap', text: dates(m.start_date, m.end_date) }),
					h('th', { scope: 'row' }, [h('a', { href: href, text: m.name }), m.decision_no ? h('div', { class: 'small muted', text: m.decision_no }) : null]),
					h('td', { text: m.unit_name }),
					h('td', { text: m.units.map(function (u) {
						return u.name;
					}).join(', ') }),
					h('td', null, reportCell(m)),
					h('td', { class: rc.overdue ? 'bad' : null, text: t('cap.recs_counts', { total: rc.total || 0, overdue: rc.overdue || 0 }) })
				]);
				tr.addEventListener('click', function (ev) {
					if (ev.target.tagName !== 'A') {
						location.hash = href;
					}
				});
				return tr;
			}), 'wide'));
		}
		root.appendChild(list);
	}

	/* one row of the recommendations of the mission form */
	function recRow(units, kit, i, onRemove) {
		var text = h('textarea', { rows: 2, id: 'cap-m-rec-' + i + '-text' });
		var unit = U.select({ id: 'cap-m-rec-' + i + '-unit' }, unitOptions(units.filter(function (u) {
			return u.code !== '*';
		})), '');
		var due = dateInput('');
		due.id = 'cap-m-rec-' + i + '-due';
		var err = h('p', { class: 'field-error', role: 'alert', hidden: true });
		['', '.text', '.unit_code', '.due_date'].forEach(function (f) {
			kit.slot('recommendations[' + i + ']' + f, err);
		});
		var row = h('fieldset', { class: 'cap-rec-row', dataset: { index: i } }, [
			h('legend', { text: t('cap.rec_n', { n: i + 1 }) }),
			h('div', { class: 'controls' }, [
				h('div', { class: 'field grow' }, [h('label', { for: text.id, text: t('cap.rec_text') }), text]),
				h('div', { class: 'field' }, [h('label', { for: unit.id, text: t('cap.rec_unit') }), unit]),
				h('div', { class: 'field' }, [h('label', { for: due.id, text: t('cap.rec_due') }), due]),
				h('div', { class: 'field' }, h('button', { type: 'button', class: 'link-button', text: t('cap.remove'), on: { click: onRemove } }))
			]),
			err
		]);
		return {
			el: row,
			read: function () {
				var iso = due.value.trim() ? I.parseDate(due.value) : '';
				if (iso === null) {
					err.textContent = t('cap.err_date');
					err.hidden = false;
					return null;
				}
				return { text: text.value.trim(), unit_code: unit.value, due_date: iso };
			}
		};
	}

	async function viewMissionForm(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		app.loading(root);
		var all = await Promise.all([options(), areaUnits(), id ? api('GET', '/inspections/missions/' + encodeURIComponent(id)) : null]);
		if (!ctx.alive()) {
			return;
		}
		var opts = all[0];
		var units = all[1];
		var old = all[2] ? all[2].mission : null;
		var oldFindings = all[2] ? all[2].findings : [];
		var me = app.me();
		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: old ? '#/me/inspections/' + old.id : '#/me/inspections', text: '‹ ' + t('cap.back') })));
		root.appendChild(h('h1', { text: t(old ? 'cap.mission_edit' : 'cap.mission_new') }));
		root.appendChild(app.meTabs('inspections'));
		var kit = formKit('cap-m');
		var kind = U.select({}, opts.mission_kinds.map(function (k) {
			return { value: k.name, label: k.label };
		}), old ? old.kind : 'inspection');
		var name = h('input', { type: 'text', value: old ? old.name : '' });
		var decision = h('input', { type: 'text', value: old ? old.decision_no : '' });
		var unit = U.select({}, unitOptions(units), old ? old.unit_code : (me.unit_code === '*' ? '*' : me.unit_code));
		var start = dateInput(old ? old.start_date : '');
		var end = dateInput(old ? old.end_date : '');
		var team = h('textarea', { rows: 3 });
		team.value = old ? old.team : '';
		var reportDate = dateInput(old ? old.report_date : '');
		var inspected = {};
		(old ? old.units : []).forEach(function (u) {
			inspected[u.code] = true;
		});
		var checks = h('div', { class: 'checks cap-unit-checks', id: 'cap-m-units' }, units.filter(function (u) {
			return u.code !== '*';
		}).map(function (u) {
			var cb = h('input', { type: 'checkbox', id: 'cap-m-unit-' + u.code, value: u.code, checked: !!inspected[u.code] });
			return h('div', { class: 'check' + (u.depth ? ' cap-depth' + Math.min(u.depth, 2) : '') }, [cb, h('label', { for: cb.id, text: u.name + ' (' + u.code + ')' })]);
		}));
		var unitsErr = h('p', { class: 'field-error', role: 'alert', hidden: true });
		kit.slot('units', unitsErr);
		var findings = h('textarea', { rows: 4, id: 'cap-m-findings' });
		findings.value = oldFindings.filter(function (f) {
			return !f.unit_code;
		}).map(function (f) {
			return f.text.replace(/\n/g, ' ');
		}).join('\n');
		var keptFindings = oldFindings.filter(function (f) {
			return f.unit_code;
		});
		var recs = [];
		var recBox = h('div', { id: 'cap-m-recs' });
		var n = 0;
		function addRec() {
			var i = n++;
			var r = recRow(units, kit, i, function () {
				recs = recs.filter(function (x) {
					return x !== r;
				});
				recBox.removeChild(r.el);
			});
			recs.push(r);
			recBox.appendChild(r.el);
		}
		var btn = h('button', { type: 'submit', class: 'primary', id: 'cap-m-submit', text: t('cap.save') });
		var form = h('form', { class: 'card', id: 'cap-mission-form', novalidate: true }, [
			h('div', { class: 'controls' }, [
				kit.field('kind', t('cap.f_mkind'), kind),
				kit.field('name', t('cap.f_mname'), name, null, 'grow'),
				kit.field('decision_no', t('cap.f_decision'), decision)
			]),
			h('div', { class: 'controls' }, [
				kit.field('unit_code', t('cap.f_inspector'), unit),
				kit.field('start_date', t('cap.f_start'), start),
				kit.field('end_date', t('cap.f_end'), end),
				old ? kit.field('report_date', t('cap.f_report_date'), reportDate) : null
			]),
			kit.field('team', t('cap.f_team'), team),
			h('fieldset', null, [h('legend', { text: t('cap.f_units') }), checks, unitsErr]),
			kit.field('findings', t('cap.f_findings'), findings),
			old ? null : h('fieldset', null, [
				h('legend', { text: t('cap.recs') }),
				recBox,
				h('button', { type: 'button', class: 'secondary', id: 'cap-m-rec-add', text: t('cap.rec_add'), on: { click: addRec } })
			]),
			kit.box,
			h('div', { class: 'actions' }, [btn, ' ', h('a', { href: old ? '#/me/inspections/' + old.id : '#/me/inspections', text: t('cap.cancel') })])
		]);
		root.appendChild(form);
		form.addEventListener('submit', async function (ev) {
			ev.preventDefault();
			kit.clear();
			var ok = true;
			var body = { kind: kind.value, name: name.value.trim(), decision_no: decision.value.trim(), unit_code: unit.value,
				team: team.value };
			if (!body.name) {
				kit.setError('name', t('cap.err_required'));
				ok = false;
			}
			body.start_date = readDate(kit, 'start_date', true);
			body.end_date = readDate(kit, 'end_date', false);
			if (body.end_date === '') {
				body.end_date = body.start_date;
			}
			if (old) {
				body.report_date = readDate(kit, 'report_date', false);
				if (body.report_date === null) {
					ok = false;
				}
			}
			if (body.start_date === null || body.end_date === null) {
				ok = false;
			}
			body.units = Array.prototype.slice.call(checks.querySelectorAll('input:checked')).map(function (cb) {
				return cb.value;
			});
			if (!body.units.length) {
				kit.setError('units', t('cap.err_required'));
				ok = false;
			}
			body.findings = keptFindings.filter(function (f) {
				return body.units.indexOf(f.unit_code) >= 0;
			}).map(function (f) {
				return { id: f.id, unit_code: f.unit_code, text: f.text };
			}).concat(findings.value.split('\n').map(function (l) {
				return l.trim();
			}).filter(Boolean).map(function (l) {
				var same = oldFindings.filter(function (f) {
					return !f.unit_code && f.text.replace(/\n/g, ' ') === l;
				})[0];
				return same ? { id: same.id, text: same.text } : { text: l };
			}));
			if (!old) {
				body.recommendations = [];
				recs.forEach(function (r) {
					var v = r.read();
					if (v === null) {
						ok = false;
					} else if (v.text || v.due_date) {
						body.recommendations.push(v);
					}
				});
			}
			if (!ok) {
				kit.message([t('cap.err_invalid')]);
				kit.focusFirst();
				return;
			}
			btn.disabled = true;
			btn.textContent = t('cap.saving');
			try {
				var res = old ? await api('PUT', '/inspections/missions/' + old.id, body) : await api('POST', '/inspections/missions', body);
				location.hash = '#/me/inspections/' + res.mission.id;
			} catch (e) {
				if (e.status !== 401) {
					kit.showServer(e);
				}
			} finally {
				btn.disabled = false;
				btn.textContent = t('cap.save');
			}
		});
		if (!old) {
			addRec();
		}
	}

	async function viewMission(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		app.loading(root);
		var all = await Promise.all([api('GET', '/inspections/missions/' + encodeURIComponent(id)), options(), areaUnits()]);
		if (!ctx.alive()) {
			return;
		}
		renderMission(ctx, all[0], all[1], all[2], null);
	}

	function readFile(file) {
		return new Promise(function (resolve, reject) {
			var r = new FileReader();
			r.onload = function () {
				var s = String(r.result);
				resolve(s.slice(s.indexOf(',') + 1));
			};
			r.onerror = function () {
				reject(r.error);
			};
			r.readAsDataURL(file);
		});
	}

	/* The status form of a recommendation. */
	function statusForm(ctx, r, opts, units, reload) {
		var kit = formKit('cap-r' + r.id);
		var st = U.select({}, opts.statuses.map(function (s) {
			return { value: s.name, label: s.label };
		}), r.status);
		var date = dateInput(r.resolved_date || '');
		var ev = h('textarea', { rows: 2 });
		ev.value = r.evidence || '';
		var file = h('input', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,.doc,.docx,.odt,.xls,.xlsx,.ods' });
		var dateField = kit.field('date', t('cap.rec_date'), date);
		function sync() {
			dateField.hidden = st.value !== 'resolved';
		}
		st.addEventListener('change', sync);
		sync();
		var btn = h('button', { type: 'submit', class: 'secondary', text: t('cap.rec_update') });
		var form = h('form', { class: 'cap-status-form', novalidate: true, dataset: { id: r.id } }, [
			h('div', { class: 'controls' }, [
				kit.field('status', t('cap.rec_status'), st),
				dateField,
				kit.field('evidence', t('cap.rec_evidence'), ev, null, 'grow')
			]),
			kit.field('file', t('cap.rec_file'), file),
			kit.box,
			h('div', { class: 'actions' }, btn)
		]);
		form.addEventListener('submit', async function (e0) {
			e0.preventDefault();
			kit.clear();
			var body = { status: st.value, evidence: ev.value };
			if (st.value === 'resolved') {
				var d = readDate(kit, 'date', false);
				if (d === null) {
					return;
				}
				if (d) {
					body.date = d;
				}
			}
			if (file.files && file.files[0]) {
				var f = file.files[0];
				if (f.size > FILE_MAX) {
					kit.setError('file', t('cap.rec_file_big'));
					return;
				}
				body.file = { name: f.name, data: await readFile(f) };
			}
			btn.disabled = true;
			try {
				await api('POST', '/inspections/recommendations/' + r.id + '/status', body);
				reload(t('cap.saved'));
			} catch (e) {
				if (e.status !== 401) {
					kit.showServer(e);
				}
			} finally {
				btn.disabled = false;
			}
		});
		return form;
	}

	function renderMission(ctx, data, opts, units, flash) {
		var root = ctx.root;
		var m = data.mission;
		function reload(msg) {
			api('GET', '/inspections/missions/' + m.id).then(function (d) {
				if (ctx.alive()) {
					renderMission(ctx, d, opts, units, msg);
				}
			}).catch(function (e) {
				if (e.status !== 401 && ctx.alive()) {
					root.appendChild(U.message('error', app.errorText(e)));
				}
			});
		}
		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: '#/me/inspections', text: '‹ ' + t('cap.back') })));
		root.appendChild(h('div', { class: 'page-head' }, [
			h('h1', { id: 'cap-mission-title', text: m.name }),
			h('span', { class: 'badge badge-state', text: m.kind_label })
		]));
		root.appendChild(app.meTabs('inspections'));
		var flashBox = h('div', { id: 'cap-flash', 'aria-live': 'polite' });
		if (flash) {
			flashBox.appendChild(U.message('ok', flash));
		}
		root.appendChild(flashBox);
		var facts = [];
		function fact(label, value, id2, cls) {
			facts.push(h('dt', { text: label }));
			facts.push(h('dd', { id: id2 || null, class: cls || null }, value));
		}
		if (m.decision_no) {
			fact(t('cap.f_decision'), m.decision_no);
		}
		fact(t('cap.f_inspector'), m.unit_name);
		fact(t('cap.col_dates'), dates(m.start_date, m.end_date));
		fact(t('cap.f_units'), m.units.map(function (u) {
			return u.name;
		}).join(', '));
		if (m.team) {
			fact(t('cap.f_team'), m.team, null, 'cap-pre');
		}
		fact(t('cap.report_due_f'), [I.fmtDate(m.report_due), h('span', { class: 'small muted', text: ' (' + t('cap.report_wd', { n: m.report_working_days }) + ')' })], 'cap-report-due');
		fact(t('cap.report_date_f'), [m.report_date ? I.fmtDate(m.report_date) : t('cap.report_not'),
			m.report_late ? h('span', { class: 'badge cap-overdue', id: 'cap-report-late', text: t('cap.report_late') }) : null], 'cap-report-date');
		root.appendChild(h('section', { class: 'card' }, [
			h('dl', { class: 'facts' }, facts),
			m.can_edit ? h('p', null, h('a', { class: 'button secondary', id: 'cap-mission-edit', href: '#/me/inspections/' + m.id + '/edit', text: t('cap.edit') })) : null
		]));
		if (data.findings && data.findings.length) {
			root.appendChild(h('section', { class: 'card', id: 'cap-findings' }, [
				h('h2', { text: t('cap.findings') }),
				h('ul', null, data.findings.map(function (f) {
					return h('li', null, [f.unit_code ? h('strong', { text: f.unit_name + ': ' }) : null, f.text]);
				}))
			]));
		}
		var recSec = h('section', { class: 'card', id: 'cap-recs' }, [h('h2', { text: t('cap.recs') })]);
		var recs = data.recommendations || [];
		if (!recs.length) {
			recSec.appendChild(h('p', { class: 'muted', text: t('cap.rec_none') }));
		}
		recs.forEach(function (r) {
			var item = h('article', { class: 'cap-rec' + (r.overdue ? ' cap-rec-overdue' : ''), dataset: { id: r.id } }, [
				h('p', { class: 'cap-rec-head' }, [recStatusBadge(r), ' ', h('strong', { text: r.text })]),
				h('p', { class: 'small' }, [
					t('cap.rec_unit') + ': ' + r.unit_name + ' · ' + t('cap.rec_due') + ': ' + I.fmtDate(r.due_date),
					r.resolved_date ? ' · ' + t('cap.rec_resolved_on', { date: I.fmtDate(r.resolved_date) }) : ''
				]),
				r.evidence ? h('p', { class: 'small cap-pre', text: r.evidence }) : null,
				r.file ? h('p', { class: 'small' }, h('a', { href: '/api/v1/me/inspections/recommendations/' + r.id + '/evidence',
					text: t('cap.rec_file_link', { name: r.file.name }) })) : null
			]);
			if (r.can_update) {
				item.appendChild(h('details', null, [h('summary', { text: t('cap.rec_update') }), statusForm(ctx, r, opts, units, reload)]));
			}
			recSec.appendChild(item);
		});
		if (m.can_edit) {
			var kit = formKit('cap-ra');
			var text = h('textarea', { rows: 2 });
			var unit = U.select({}, unitOptions(units.filter(function (u) {
				return u.code !== '*';
			})), (m.units[0] || {}).code);
			var due = dateInput('');
			var btn = h('button', { type: 'submit', class: 'secondary', id: 'cap-ra-submit', text: t('cap.rec_add') });
			var form = h('form', { class: 'cap-rec-add', id: 'cap-rec-add', novalidate: true }, [
				h('h3', { text: t('cap.rec_add') }),
				h('div', { class: 'controls' }, [
					kit.field('text', t('cap.rec_text'), text, null, 'grow'),
					kit.field('unit_code', t('cap.rec_unit'), unit),
					kit.field('due_date', t('cap.rec_due'), due)
				]),
				kit.box,
				h('div', { class: 'actions' }, btn)
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var d = readDate(kit, 'due_date', true);
				if (!text.value.trim()) {
					kit.setError('text', t('cap.err_required'));
					return;
				}
				if (d === null) {
					return;
				}
				btn.disabled = true;
				try {
					var res = await api('POST', '/inspections/missions/' + m.id + '/recommendations', { text: text.value, unit_code: unit.value, due_date: d });
					if (ctx.alive()) {
						renderMission(ctx, res, opts, units, t('cap.saved'));
					}
				} catch (e) {
					if (e.status !== 401) {
						kit.showServer(e);
					}
				} finally {
					btn.disabled = false;
				}
			});
			recSec.appendChild(form);
		}
		root.appendChild(recSec);
		var hist = historyBox(data.history);
		if (hist) {
			root.appendChild(hist);
		}
	}

	/* ===== dashboard cards ================================================================================= */

	/* A unit of an older map (a district before 1/7/2025) is not a unit of
	 * today's: the M&E records follow today's map. */
	function dashGone(box, title) {
		U.clear(box).appendChild(h('section', { class: 'card' }, [
			h('h2', { text: title }),
			h('p', { class: 'muted small', text: t('cap.dash_old_map') })
		]));
	}

	async function dashTraining(ctx, box, sel) {
		var s;
		try {
			s = await api('GET', '/training/summary', null, { unit: sel.unit, year: sel.year || null });
		} catch (e) {
			if (e.status === 404 && ctx.alive()) {
				dashGone(box, t('cap.dash_training', { year: sel.year || '' }));
				return;
			}
			throw e;
		}
		if (!ctx.alive()) {
			return;
		}
		var chart = h('div', { class: 'chart-box', id: 'cap-dash-chart' });
		U.clear(box).appendChild(h('section', { class: 'card', id: 'cap-dash-training' }, [
			h('h2', { text: t('cap.dash_training', { year: s.year }) }),
			h('div', { class: 'kpis' }, [
				kpi(t('cap.kpi_people'), I.fmtNum(s.people), t('cap.kpi_women', { n: I.fmtNum(s.women), pct: s.women_percent === null ? t('app.dash') : I.fmtPct(s.women_percent) }), 'cap-dash-people', 'kpi-good'),
				kpi(t('cap.kpi_share'), shareText(s.staff), shareSub(s.staff, s.target_percent), 'cap-dash-share')
			]),
			chart,
			h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/training', { year: s.year, unit: sel.unit }), text: t('cap.dash_more') }))
		]));
		shareChart(chart, s.staff, s.target_percent);
	}

	async function dashInspections(ctx, box, sel) {
		var r;
		try {
			r = await api('GET', '/inspections/recommendations', null, { unit: sel.unit, overdue: 1, limit: 10 });
		} catch (e) {
			if (e.status === 404 && ctx.alive()) {
				dashGone(box, t('cap.dash_insp'));
				return;
			}
			throw e;
		}
		if (!ctx.alive()) {
			return;
		}
		var sec = h('section', { class: 'card', id: 'cap-dash-insp' }, [
			h('h2', { text: t('cap.dash_insp') }),
			h('p', { id: 'cap-dash-counts', class: r.counts.overdue ? 'bad' : null,
				text: t('cap.open_count', { n: I.fmtNum(r.counts.unresolved), m: I.fmtNum(r.counts.overdue) }) })
		]);
		sec.appendChild(r.recommendations.length ? overdueTable('cap-dash-overdue', r.recommendations, true)
			: h('p', { class: 'muted small', text: t('cap.overdue_none') }));
		sec.appendChild(h('p', { class: 'small' }, h('a', { href: '#/me/inspections', text: t('cap.dash_more') })));
		U.clear(box).appendChild(sec);
	}

	/* ===== registration ============================================================================================= */

	function setup(helpers) {
		app = helpers;
		U = window.GNBV.ui;
		h = U.h;
	}

	function init(helpers) {
		setup(helpers);
		return {
			routes: [
				{ re: /^\/me\/training$/, view: viewTraining },
				{ re: /^\/me\/training\/new$/, view: viewClassForm, perm: 'write_me' },
				{ re: /^\/me\/training\/staff$/, view: viewStaff },
				{ re: /^\/me\/training\/(\d+)$/, view: viewClass },
				{ re: /^\/me\/training\/(\d+)\/edit$/, view: viewClassForm, perm: 'write_me' }
			],
			dashboard: dashTraining
		};
	}

	function initInspections(helpers) {
		setup(helpers);
		return {
			routes: [
				{ re: /^\/me\/inspections$/, view: viewMissions },
				{ re: /^\/me\/inspections\/new$/, view: viewMissionForm, perm: 'write_me' },
				{ re: /^\/me\/inspections\/(\d+)$/, view: viewMission },
				{ re: /^\/me\/inspections\/(\d+)\/edit$/, view: viewMissionForm, perm: 'write_me' }
			],
			dashboard: dashInspections
		};
	}

	window.GNBV.me.register({
		id: 'training', order: 3, title: 'cap.tab_training', href: '#/me/training', summary: 'cap.sum_training',
		init: init
	});
	window.GNBV.me.register({
		id: 'inspections', order: 4, title: 'cap.tab_insp', href: '#/me/inspections', summary: 'cap.sum_insp',
		init: initInspections
	});
})();
