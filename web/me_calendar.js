/*
 * me_calendar.js - the reporting calendar of the M&E pages (docs/api.md,
 * "Monitoring and evaluation: calendar"):
 *
 *   #/me/calendar?unit=&year=&status=        the reports a unit and the units
 *                                            under it owe in a year: due dates,
 *                                            status chips, and the actions the
 *                                            server allows (submit, return for
 *                                            correction, approve); ad hoc
 *                                            requests to the units below
 *   #/me/calendar/submissions/ID             one submission: the report, the
 *                                            note, figures, history, actions
 *   #/me/calendar/completeness?unit=&year=   completeness and timeliness by
 *                                            child unit (drill down), a chart
 *   #/me/calendar/deadlines                  local deadlines set by plans
 *
 * plus the dashboard card: the reports due soon or overdue of the unit and
 * its children, and the completeness of the unit's area for the year.
 * The server decides everything (due dates, status, who may do what); the
 * page offers exactly the actions it lists, checks what it can before
 * sending and puts the server's 422 messages next to their fields.
 *
 * Registers itself with GNBV.me.register (me.js). Plain ES2017, no
 * modules; no innerHTML, no inline style or handler.
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;

	var STATUSES = ['upcoming', 'due_soon', 'overdue', 'submitted', 'returned', 'approved'];
	var PAGE = 100; /* rows of the list shown at a time */
	var LEVELS = ['province', 'district', 'commune'];
	var RULE_KINDS = ['before', 'on', 'day_next_month', 'day_last_month', 'working_days_after_end'];
	var CHART_MAX = 25;

	I.add({
		vi: {
			'cal.tab': 'Lịch báo cáo',
			'cal.summary': 'Báo cáo phải nộp, hạn nộp, nộp, trả lại, duyệt; tỷ lệ nộp đủ, đúng hạn.',
			'cal.title': 'Lịch báo cáo',
			'cal.intro': 'Các báo cáo đơn vị và các đơn vị trực thuộc phải nộp trong năm (Thông tư 10/2022/TT-BLĐTBXH, Quyết định 24/2021/QĐ-TTg), hạn nộp theo quy định hoặc theo kế hoạch của địa phương (lấy hạn sớm hơn). Báo cáo đã duyệt được khóa.',
			'cal.nav_list': 'Báo cáo phải nộp',
			'cal.nav_completeness': 'Tình hình nộp báo cáo',
			'cal.nav_deadlines': 'Hạn nộp theo kế hoạch',
			'cal.year': 'Năm',
			'cal.status': 'Trạng thái',
			'cal.status_any': 'Tất cả',
			'cal.depth': 'Phạm vi',
			'cal.depth_children': 'Đơn vị và cấp dưới trực tiếp',
			'cal.depth_all': 'Toàn bộ đơn vị trực thuộc',
			'cal.unit': 'Đơn vị',
			'cal.back_mine': '↑ Về đơn vị của tôi',
			'cal.st.upcoming': 'Chưa đến hạn',
			'cal.st.due_soon': 'Sắp đến hạn',
			'cal.st.overdue': 'Quá hạn',
			'cal.st.submitted': 'Đã nộp',
			'cal.st.returned': 'Trả lại',
			'cal.st.approved': 'Đã duyệt',
			'cal.col_due': 'Hạn nộp',
			'cal.col_report': 'Báo cáo',
			'cal.col_period': 'Kỳ báo cáo',
			'cal.col_unit': 'Đơn vị nộp',
			'cal.col_to': 'Nộp cho',
			'cal.col_status': 'Trạng thái',
			'cal.col_actions': 'Thao tác',
			'cal.days_left': 'còn {n} ngày',
			'cal.today_due': 'hạn hôm nay',
			'cal.days_late': 'quá hạn {n} ngày',
			'cal.sent_on': 'nộp ngày {d}',
			'cal.late': 'nộp muộn',
			'cal.on_time': 'đúng hạn',
			'cal.src_local': 'Theo kế hoạch: {ref}',
			'cal.src_request': 'Yêu cầu đột xuất: {title}',
			'cal.src_circular': 'Theo quy định: {rule}',
			'cal.circular_was': '(quy định: {d})',
			'cal.none': 'Không có báo cáo nào phải nộp theo bộ lọc này.',
			'cal.truncated': 'Chỉ hiện {n} báo cáo đầu tiên; hãy lọc thêm.',
			'cal.a.submit': 'Nộp báo cáo',
			'cal.a.return': 'Trả lại',
			'cal.a.approve': 'Duyệt',
			'cal.open': 'Chi tiết',
			'cal.more': 'Hiện thêm {n} báo cáo (còn {left})',
			'cal.f_note': 'Nội dung, ghi chú',
			'cal.f_note_hint': 'Tóm tắt kết quả hoặc ghi chú gửi đơn vị cấp trên.',
			'cal.f_attachment': 'Tên tệp báo cáo (nếu có)',
			'cal.f_attachment_hint': 'Ví dụ: BC-giam-sat-nam-2025.docx',
			'cal.f_reason': 'Lý do trả lại',
			'cal.f_reason_need': 'Cần ghi lý do trả lại để đơn vị sửa.',
			'cal.f_approve_note': 'Ý kiến (nếu có)',
			'cal.f_send': 'Gửi báo cáo',
			'cal.f_send_return': 'Trả lại để sửa',
			'cal.f_send_approve': 'Duyệt báo cáo',
			'cal.f_cancel': 'Hủy',
			'cal.f_busy': 'Đang gửi…',
			'cal.done.submit': 'Đã nộp báo cáo "{r}" ({p}) của {u}.',
			'cal.done.return': 'Đã trả lại báo cáo "{r}" ({p}) của {u} để sửa.',
			'cal.done.approve': 'Đã duyệt báo cáo "{r}" ({p}) của {u}. Báo cáo đã được khóa.',
			'cal.err_invalid': 'Một số trường chưa hợp lệ.',
			'cal.counts': 'Số báo cáo theo trạng thái',
			'cal.req_title': 'Yêu cầu báo cáo đột xuất',
			'cal.req_hint': 'Gửi yêu cầu báo cáo đột xuất tới các đơn vị trực thuộc. Để trống hạn nộp để tính theo quy định ({rule}).',
			'cal.req_type': 'Loại báo cáo',
			'cal.req_what': 'Nội dung yêu cầu',
			'cal.req_due': 'Hạn nộp (dd/mm/yyyy)',
			'cal.req_send': 'Gửi yêu cầu',
			'cal.req_done': 'Đã gửi yêu cầu; hạn nộp {d}.',
			'cal.req_list': 'Yêu cầu đột xuất trong năm',
			'cal.req_from': 'của {u}, ngày {d}, hạn {due}',
			'cal.bad_date': 'Nhập ngày theo dạng dd/mm/yyyy',
			'cal.sub_title': '{r} - {p}',
			'cal.sub_back': '‹ Lịch báo cáo',
			'cal.sub_facts': 'Thông tin báo cáo',
			'cal.sub_unit': 'Đơn vị nộp',
			'cal.sub_to': 'Nộp cho',
			'cal.sub_due': 'Hạn nộp',
			'cal.sub_first': 'Nộp lần đầu',
			'cal.sub_last': 'Nộp lần gần nhất',
			'cal.sub_decided': 'Trả lại / duyệt ngày',
			'cal.sub_note': 'Nội dung',
			'cal.sub_attachment': 'Tệp báo cáo',
			'cal.sub_reason': 'Lý do trả lại',
			'cal.sub_figures': 'Số liệu kèm theo',
			'cal.sub_locked': 'Báo cáo đã được duyệt và khóa: không thể thay đổi.',
			'cal.sub_actions': 'Thao tác',
			'cal.sub_no_action': 'Bạn không có thao tác nào với báo cáo này lúc này.',
			'cal.history': 'Lịch sử',
			'cal.ev.submit': 'Nộp',
			'cal.ev.return': 'Trả lại',
			'cal.ev.approve': 'Duyệt',
			'cal.ev_by': '{who}, ngày {d}',
			'cal.co_title': 'Tình hình nộp báo cáo năm {year}',
			'cal.co_expected': 'Phải nộp',
			'cal.co_due': 'Đã đến hạn',
			'cal.co_submitted': 'Đã nộp',
			'cal.co_on_time': 'Đúng hạn',
			'cal.co_late': 'Muộn',
			'cal.co_missing': 'Quá hạn chưa nộp',
			'cal.co_waiting': 'Chờ duyệt',
			'cal.co_returned': 'Trả lại',
			'cal.co_approved': 'Đã duyệt',
			'cal.co_completeness': 'Tỷ lệ nộp đủ',
			'cal.co_timeliness': 'Tỷ lệ đúng hạn',
			'cal.co_rates_hint': 'Tính trên các báo cáo đã đến hạn (hoặc đã nộp).',
			'cal.co_chart': 'Tỷ lệ nộp đủ theo đơn vị trực thuộc',
			'cal.co_chart_lowest': '{n} đơn vị có tỷ lệ thấp nhất.',
			'cal.co_children': 'Theo đơn vị trực thuộc',
			'cal.co_children_hint': 'Bấm vào tên đơn vị để xem chi tiết các đơn vị bên dưới.',
			'cal.co_own': 'Báo cáo của chính đơn vị',
			'cal.co_other': 'Đơn vị không còn trên bản đồ hiện hành',
			'cal.co_levels': 'Theo cấp',
			'cal.co_total': 'Tổng cộng',
			'cal.co_list_link': 'Xem danh sách báo cáo',
			'cal.dl_title': 'Hạn nộp theo kế hoạch của địa phương',
			'cal.dl_intro': 'Kế hoạch của tỉnh, huyện, xã có thể quy định hạn nộp sớm hơn Thông tư (ví dụ: báo cáo 6 tháng trước ngày 20/5, báo cáo năm trước ngày 15/11) hoặc thêm báo cáo quý, 9 tháng. Hạn sớm hơn được áp dụng cho các đơn vị trực thuộc.',
			'cal.dl_set_by': 'Đơn vị ban hành',
			'cal.dl_kind': 'Kỳ',
			'cal.dl_rule': 'Hạn nộp',
			'cal.dl_levels': 'Áp dụng cho',
			'cal.dl_years': 'Năm áp dụng',
			'cal.dl_plan': 'Căn cứ (kế hoạch)',
			'cal.dl_from_above': 'của cấp trên',
			'cal.dl_none': 'Chưa có hạn nộp nào theo kế hoạch.',
			'cal.dl_edit': 'Sửa',
			'cal.dl_delete': 'Xóa',
			'cal.dl_confirm': 'Xóa hạn nộp này?',
			'cal.dl_deleted': 'Đã xóa.',
			'cal.dl_saved': 'Đã lưu hạn nộp.',
			'cal.dl_new': 'Thêm hạn nộp theo kế hoạch',
			'cal.dl_editing': 'Sửa hạn nộp',
			'cal.dl_unit': 'Mã đơn vị ban hành',
			'cal.dl_rule_kind': 'Cách tính hạn',
			'cal.dl_day': 'Ngày',
			'cal.dl_month': 'Tháng',
			'cal.dl_n': 'Số ngày làm việc',
			'cal.dl_year_from': 'Từ năm',
			'cal.dl_year_to': 'Đến năm (để trống: không hạn)',
			'cal.dl_save': 'Lưu',
			'cal.dl_plan_hint': 'Ví dụ: Kế hoạch số 32/KH-UBND ngày 15/3/2023 của UBND huyện, mục VI.9',
			'cal.rk.before': 'Trước ngày (ngày/tháng)',
			'cal.rk.on': 'Đến hết ngày (ngày/tháng)',
			'cal.rk.day_next_month': 'Ngày … của tháng sau kỳ báo cáo',
			'cal.rk.day_last_month': 'Ngày … của tháng cuối kỳ',
			'cal.rk.working_days_after_end': '… ngày làm việc sau khi hết kỳ',
			'cal.lv.province': 'Tỉnh',
			'cal.lv.district': 'Huyện',
			'cal.lv.commune': 'Xã',
			'cal.need_number': 'Nhập một số hợp lệ',
			'cal.need_level': 'Chọn ít nhất một cấp',
			'cal.dash_title': 'Lịch báo cáo: sắp đến hạn, quá hạn',
			'cal.dash_none': 'Không có báo cáo nào sắp đến hạn hoặc quá hạn.',
			'cal.dash_more': 'Xem tất cả ({n}) trong lịch báo cáo',
			'cal.dash_waiting': '{n} báo cáo của đơn vị trực thuộc đang chờ bạn duyệt.',
			'cal.dash_complete': 'Nộp đủ năm {year}',
			'cal.dash_complete_sub': '{s}/{d} báo cáo đã đến hạn',
			'cal.dash_timely': 'Đúng hạn năm {year}',
			'cal.dash_missing': 'Quá hạn chưa nộp',
			'cal.dash_missing_sub': 'năm {year}'
		},
		en: {
			'cal.tab': 'Reporting calendar',
			'cal.summary': 'Reports due, deadlines, submission, return, approval; completeness and timeliness.',
			'cal.title': 'Reporting calendar',
			'cal.intro': 'The reports your unit and the units below it owe this year (Circular 10/2022, Decision 24/2021), due on the legal date or a local plan\'s earlier date. Approved reports are locked.',
			'cal.nav_list': 'Reports due',
			'cal.nav_completeness': 'Completeness',
			'cal.nav_deadlines': 'Local deadlines',
			'cal.year': 'Year',
			'cal.status': 'Status',
			'cal.status_any': 'All',
			'cal.depth': 'Scope',
			'cal.depth_children': 'The unit and the units right below',
			'cal.depth_all': 'Every unit below',
			'cal.unit': 'Unit',
			'cal.back_mine': '↑ Back to my unit',
			'cal.st.upcoming': 'Not yet due',
			'cal.st.due_soon': 'Due soon',
			'cal.st.overdue': 'Overdue',
			'cal.st.submitted': 'Submitted',
			'cal.st.returned': 'Returned',
			'cal.st.approved': 'Approved',
			'cal.col_due': 'Due',
			'cal.col_report': 'Report',
			'cal.col_period': 'Period',
			'cal.col_unit': 'Unit',
			'cal.col_to': 'Sent to',
			'cal.col_status': 'Status',
			'cal.col_actions': 'Actions',
			'cal.days_left': '{n} days left',
			'cal.today_due': 'due today',
			'cal.days_late': '{n} days late',
			'cal.sent_on': 'sent {d}',
			'cal.late': 'late',
			'cal.on_time': 'on time',
			'cal.src_local': 'Local plan: {ref}',
			'cal.src_request': 'Ad hoc request: {title}',
			'cal.src_circular': 'By law: {rule}',
			'cal.circular_was': '(by law: {d})',
			'cal.none': 'No report is due with these filters.',
			'cal.truncated': 'Only the first {n} reports are shown; filter further.',
			'cal.a.submit': 'Submit',
			'cal.a.return': 'Return',
			'cal.a.approve': 'Approve',
			'cal.open': 'Details',
			'cal.more': 'Show {n} more reports ({left} left)',
			'cal.f_note': 'Content, note',
			'cal.f_note_hint': 'A summary of the results or a note to the unit above.',
			'cal.f_attachment': 'Report file name (if any)',
			'cal.f_attachment_hint': 'For example: monitoring-report-2025.docx',
			'cal.f_reason': 'Why it is returned',
			'cal.f_reason_need': 'Say why, so that the unit can correct it.',
			'cal.f_approve_note': 'Comment (optional)',
			'cal.f_send': 'Send the report',
			'cal.f_send_return': 'Return for correction',
			'cal.f_send_approve': 'Approve the report',
			'cal.f_cancel': 'Cancel',
			'cal.f_busy': 'Sending…',
			'cal.done.submit': 'Report "{r}" ({p}) of {u} submitted.',
			'cal.done.return': 'Report "{r}" ({p}) of {u} returned for correction.',
			'cal.done.approve': 'Report "{r}" ({p}) of {u} approved. It is now locked.',
			'cal.err_invalid': 'Some fields are not valid.',
			'cal.counts': 'Reports by status',
			'cal.req_title': 'Ask for an ad hoc report',
			'cal.req_hint': 'Ask the units below for an ad hoc report. Leave the due date empty to use the rule ({rule}).',
			'cal.req_type': 'Report type',
			'cal.req_what': 'What is asked',
			'cal.req_due': 'Due date (dd/mm/yyyy)',
			'cal.req_send': 'Send the request',
			'cal.req_done': 'Request sent; due {d}.',
			'cal.req_list': 'Ad hoc requests of the year',
			'cal.req_from': 'by {u}, {d}, due {due}',
			'cal.bad_date': 'Type the date as dd/mm/yyyy',
			'cal.sub_title': '{r} - {p}',
			'cal.sub_back': '‹ Reporting calendar',
			'cal.sub_facts': 'The report',
			'cal.sub_unit': 'Unit',
			'cal.sub_to': 'Sent to',
			'cal.sub_due': 'Due',
			'cal.sub_first': 'First submitted',
			'cal.sub_last': 'Last submitted',
			'cal.sub_decided': 'Returned / approved on',
			'cal.sub_note': 'Content',
			'cal.sub_attachment': 'Report file',
			'cal.sub_reason': 'Why it was returned',
			'cal.sub_figures': 'Figures sent',
			'cal.sub_locked': 'The report is approved and locked: it cannot change.',
			'cal.sub_actions': 'Actions',
			'cal.sub_no_action': 'You have no action on this report now.',
			'cal.history': 'History',
			'cal.ev.submit': 'Submitted',
			'cal.ev.return': 'Returned',
			'cal.ev.approve': 'Approved',
			'cal.ev_by': '{who}, {d}',
			'cal.co_title': 'Reports sent in {year}',
			'cal.co_expected': 'Expected',
			'cal.co_due': 'Due so far',
			'cal.co_submitted': 'Submitted',
			'cal.co_on_time': 'On time',
			'cal.co_late': 'Late',
			'cal.co_missing': 'Overdue, missing',
			'cal.co_waiting': 'Waiting',
			'cal.co_returned': 'Returned',
			'cal.co_approved': 'Approved',
			'cal.co_completeness': 'Completeness',
			'cal.co_timeliness': 'Timeliness',
			'cal.co_rates_hint': 'Over the reports due so far (or sent).',
			'cal.co_chart': 'Completeness by unit below',
			'cal.co_chart_lowest': 'The {n} units with the lowest rates.',
			'cal.co_children': 'By unit below',
			'cal.co_children_hint': 'Click a unit to see the units below it.',
			'cal.co_own': 'The unit\'s own reports',
			'cal.co_other': 'Units no longer on today\'s map',
			'cal.co_levels': 'By level',
			'cal.co_total': 'Total',
			'cal.co_list_link': 'See the list of reports',
			'cal.dl_title': 'Local deadlines from plans',
			'cal.dl_intro': 'Plans of a province, district or commune may set earlier dates than the circular (six-month report before 20/5, annual before 15/11) or ask for quarterly and nine-month reports. The earlier date applies to the units below.',
			'cal.dl_set_by': 'Set by',
			'cal.dl_kind': 'Period',
			'cal.dl_rule': 'Due',
			'cal.dl_levels': 'Applies to',
			'cal.dl_years': 'Years',
			'cal.dl_plan': 'Basis (plan)',
			'cal.dl_from_above': 'from above',
			'cal.dl_none': 'No local deadline yet.',
			'cal.dl_edit': 'Edit',
			'cal.dl_delete': 'Delete',
			'cal.dl_confirm': 'Delete this deadline?',
			'cal.dl_deleted': 'Deleted.',
			'cal.dl_saved': 'Deadline saved.',
			'cal.dl_new': 'Add a local deadline',
			'cal.dl_editing': 'Edit the deadline',
			'cal.dl_unit': 'Code of the unit that sets it',
			'cal.dl_rule_kind': 'Rule',
			'cal.dl_day': 'Day',
			'cal.dl_month': 'Month',
			'cal.dl_n': 'Working days',
			'cal.dl_year_from': 'From year',
			'cal.dl_year_to': 'To year (empty: open)',
			'cal.dl_save': 'Save',
			'cal.dl_plan_hint': 'For example: Plan 32/KH-UBND of 15/3/2023 of the district, section VI.9',
			'cal.rk.before': 'Before day/month',
			'cal.rk.on': 'By day/month',
			'cal.rk.day_next_month': 'Day … of the following month',
			'cal.rk.day_last_month': 'Day … of the period\'s last month',
			'cal.rk.working_days_after_end': '… working days after the period',
			'cal.lv.province': 'Province',
			'cal.lv.district': 'District',
			'cal.lv.commune': 'Commune',
			'cal.need_number': 'Type a valid number',
			'cal.need_level': 'Choose at least one level',
			'cal.dash_title': 'Reporting calendar: due soon, overdue',
			'cal.dash_none': 'No report is due soon or overdue.',
			'cal.dash_more': 'See all ({n}) in the reporting calendar',
			'cal.dash_waiting': '{n} reports of the units below wait for your approval.',
			'cal.dash_complete': 'Completeness {year}',
			'cal.dash_complete_sub': '{s}/{d} reports due so far',
			'cal.dash_timely': 'On time {year}',
			'cal.dash_missing': 'Overdue, missing',
			'cal.dash_missing_sub': 'in {year}'
		}
	});

	function init(app) {
		var U = window.GNBV.ui;
		var C = window.GNBV.charts;
		var h = U.h;

		var typesCache = { lang: '', data: null };

		async function loadTypes() {
			if (typesCache.data && typesCache.lang === I.getLang()) {
				return typesCache.data;
			}
			var data = await app.api('GET', '/me/report-types');
			typesCache = { lang: I.getLang(), data: data };
			return data;
		}

		function myUnit() {
			var me = app.me();
			return me && me.unit_code !== '*' ? me.unit_code : '';
		}

		function canWrite() {
			return app.can('write_me');
		}

		/* ---- small pieces --------------------------------------------------------------- */

		function subnav(active, query) {
			var q = { unit: query.unit || null, year: query.year || null };
			function link(id, path, key) {
				return h('a', {
					href: app.hashFor(path, path === '/me/calendar/deadlines' ? { unit: q.unit } : q),
					id: 'cal-nav-' + id, text: t(key),
					'aria-current': active === id ? 'page' : null
				});
			}
			return h('nav', { class: 'tabs cal-subnav', 'aria-label': t('cal.title') }, [
				link('list', '/me/calendar', 'cal.nav_list'),
				link('completeness', '/me/calendar/completeness', 'cal.nav_completeness'),
				link('deadlines', '/me/calendar/deadlines', 'cal.nav_deadlines')
			]);
		}

		function chip(status, label) {
			return h('span', {
				class: 'badge cal-chip st-' + status, dataset: { status: status },
				text: label || t('cal.st.' + status)
			});
		}

		function daysText(it) {
			if (it.status === 'submitted' || it.status === 'approved' || it.status === 'returned') {
				var sent = t('cal.sent_on', { d: I.fmtDate(it.first_submitted_on) });
				return sent + ' · ' + t(it.on_time ? 'cal.on_time' : 'cal.late');
			}
			var n = Number(it.days_left);
			if (n > 0) {
				return t('cal.days_left', { n: n });
			}
			if (n === 0) {
				return t('cal.today_due');
			}
			return t('cal.days_late', { n: -n });
		}

		function sourceText(it) {
			if (it.due_source === 'local') {
				return t('cal.src_local', { ref: it.plan_ref || it.set_by_name || '' }) +
					(it.circular_due ? ' ' + t('cal.circular_was', { d: I.fmtDate(it.circular_due) }) : '');
			}
			if (it.due_source === 'request') {
				return t('cal.src_request', { title: it.request_title || '' });
			}
			return t('cal.src_circular', { rule: it.due_rule || '' });
		}

		function yearOptions(selected) {
			var ys = app.yearRange();
			var ty = app.thisYear();
			if (ys.indexOf(ty + 1) < 0) {
				ys.unshift(ty + 1);
			}
			if (selected && ys.indexOf(Number(selected)) < 0) {
				ys.push(Number(selected));
			}
			return ys.map(function (y) {
				return { value: y, label: String(y) };
			});
		}

		/*
		 * A small form kit as in rounds.js: fields by name, each with an
		 * error <p> next to it; showFields puts a 422's messages next to
		 * their fields (the others in the form's message box).
		 */
		function formKit(prefix) {
			var kit = { controls: {}, errs: {} };
			kit.box = h('div', { class: 'msg msg-error', id: prefix + '-error', role: 'alert', hidden: true });
			kit.field = function (name, labelText, control, hint) {
				control.id = control.id || prefix + '-' + name;
				control.setAttribute('aria-describedby', 'err-' + prefix + '-' + name);
				kit.controls[name] = control;
				var p = h('p', { class: 'field-error', id: 'err-' + prefix + '-' + name, role: 'alert', hidden: true, dataset: { field: name } });
				kit.errs[name] = p;
				return h('div', { class: 'field', dataset: { field: name } }, [
					h('label', { for: control.id, text: labelText }),
					control,
					hint ? h('p', { class: 'hint', text: hint }) : null,
					p
				]);
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
				p.parentNode.classList.toggle('invalid', !!msg);
				return true;
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
			kit.clear = function () {
				Object.keys(kit.errs).forEach(function (k) {
					kit.setError(k, '');
				});
				kit.message(null);
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
			kit.showError = function (e) {
				if (e.status === 422) {
					var rest = [];
					var fields = (e.data && e.data.fields) || {};
					Object.keys(fields).forEach(function (k) {
						if (!kit.setError(k, fields[k])) {
							rest.push(k + ': ' + fields[k]);
						}
					});
					kit.message([app.serverText(e.data) || t('cal.err_invalid')].concat(rest));
					kit.focusFirst();
				} else {
					kit.message([app.errorText(e)]);
				}
			};
			return kit;
		}

		/* The form of an action (submit, return, approve) on report `it`;
		 * onDone(answer) after the server accepted it. */
		function actionForm(it, action, onDone, onCancel) {
			var pre = 'cal-f';
			var kit = formKit(pre);
			var fields = [];
			var note = null;
			var attachment = null;
			var reason = null;
			if (action === 'submit') {
				note = h('textarea', { name: 'note', rows: 3, maxlength: 4000 });
				attachment = h('input', { type: 'text', name: 'attachment', maxlength: 255, autocomplete: 'off' });
				fields.push(kit.field('note', t('cal.f_note'), note, t('cal.f_note_hint')));
				fields.push(kit.field('attachment', t('cal.f_attachment'), attachment, t('cal.f_attachment_hint')));
			} else if (action === 'return') {
				reason = h('textarea', { name: 'reason', rows: 3, maxlength: 4000 });
				fields.push(kit.field('reason', t('cal.f_reason'), reason));
			} else {
				note = h('textarea', { name: 'note', rows: 2, maxlength: 4000 });
				fields.push(kit.field('note', t('cal.f_approve_note'), note));
			}
			var sendKey = action === 'submit' ? 'cal.f_send' : (action === 'return' ? 'cal.f_send_return' : 'cal.f_send_approve');
			var btn = h('button', { type: 'submit', class: action === 'return' ? 'secondary' : 'primary', id: pre + '-send', text: t(sendKey) });
			var cancel = h('button', { type: 'button', class: 'secondary', id: pre + '-cancel', text: t('cal.f_cancel'), on: { click: onCancel } });
			var form = h('form', { class: 'cal-action-form', id: 'cal-form', novalidate: true, dataset: { action: action } }, [
				h('p', { class: 'small muted', text: it.type_name + ' · ' + it.period_label + ' · ' + it.unit_name }),
				fields,
				kit.box,
				h('div', { class: 'actions' }, [btn, cancel])
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var body;
				var path;
				if (action === 'return' && !reason.value.trim()) {
					kit.setError('reason', t('cal.f_reason_need'));
					kit.focusFirst();
					return;
				}
				if (action === 'submit' && !it.submission_id) {
					path = '/me/calendar/submissions';
					body = { type: it.type, period: it.period, unit_code: it.unit_code };
				} else {
					path = '/me/calendar/submissions/' + it.submission_id + '/actions';
					body = { action: action };
				}
				if (note && note.value.trim()) {
					body.note = note.value.trim();
				}
				if (attachment && attachment.value.trim()) {
					body.attachment = attachment.value.trim();
				}
				if (reason) {
					body.reason = reason.value.trim();
				}
				btn.disabled = true;
				btn.textContent = t('cal.f_busy');
				try {
					var res = await app.api('POST', path, body);
					onDone(res);
				} catch (e) {
					if (e.status !== 401) {
						kit.showError(e);
					}
				} finally {
					btn.disabled = false;
					btn.textContent = t(sendKey);
				}
			});
			setTimeout(function () {
				var first = form.querySelector('textarea, input');
				if (first) {
					first.focus();
				}
			}, 0);
			return form;
		}

		function doneText(action, it) {
			return t('cal.done.' + action, { r: it.type_name, p: it.period_label, u: it.unit_name });
		}

		/* ===== the list of expected reports ============================================ */

		async function viewCalendar(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			app.loading(root);
			/* no year asked: the server's (its today may not be the browser's) */
			var year = Number(q.year) || null;
			var query = { year: year, unit: q.unit || null, status: q.status || null, depth: q.depth || null };
			var results = await Promise.all([
				app.api('GET', '/me/calendar', null, { query: query }),
				app.api('GET', '/me/calendar/requests', null, { query: { year: year, unit: q.unit || null } }),
				loadTypes()
			]);
			if (!ctx.alive()) {
				return;
			}
			var flash = ctx.flash || null;
			ctx.flash = null;
			renderCalendar(ctx, results[0], results[1], results[2], flash);
		}

		function renderCalendar(ctx, data, reqs, types, flash) {
			var root = ctx.root;
			var q = ctx.query;
			var year = data.year;
			U.clear(root);
			root.appendChild(h('h1', { text: t('cal.title') }));
			root.appendChild(app.meTabs('calendar'));
			root.appendChild(subnav('list', { unit: q.unit, year: year }));
			root.appendChild(h('p', { class: 'muted small', text: t('cal.intro') }));

			function go(changes) {
				var next = Object.assign({ unit: q.unit, year: year, status: q.status, depth: q.depth }, changes);
				location.hash = app.hashFor('/me/calendar', next);
			}

			var yearSel = U.select({ id: 'cal-year', name: 'year' }, yearOptions(year), year);
			yearSel.addEventListener('change', function () {
				go({ year: yearSel.value });
			});
			var statusSel = U.select({ id: 'cal-status', name: 'status' }, [{ value: '', label: t('cal.status_any') }].concat(
				STATUSES.map(function (s) {
					return { value: s, label: t('cal.st.' + s) };
				})), q.status || '');
			statusSel.addEventListener('change', function () {
				go({ status: statusSel.value || null });
			});
			var depthSel = U.select({ id: 'cal-depth', name: 'depth' }, [
				{ value: '', label: t('cal.depth_children') },
				{ value: 'all', label: t('cal.depth_all') }
			], q.depth || '');
			depthSel.addEventListener('change', function () {
				go({ depth: depthSel.value || null });
			});
			var unitName = data.unit ? data.unit.name : t('cal.unit');
			root.appendChild(h('form', { class: 'controls', on: { submit: function (ev) {
				ev.preventDefault();
			} } }, [
				h('div', { class: 'field' }, [
					h('span', { class: 'field-label', text: t('cal.unit') }),
					h('strong', { id: 'cal-unit', dataset: { code: data.unit ? data.unit.code : '' }, text: unitName })
				]),
				U.field(t('cal.year'), yearSel),
				U.field(t('cal.status'), statusSel),
				U.field(t('cal.depth'), depthSel),
				q.unit && q.unit !== myUnit()
					? h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/calendar', { year: year }), text: t('cal.back_mine') }))
					: null
			]));

			var flashBox = h('div', { id: 'cal-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);

			/* counts by status (whatever the filter): chips that filter */
			var counts = data.by_status || {};
			root.appendChild(h('div', { class: 'cal-counts', id: 'cal-counts', 'aria-label': t('cal.counts') }, STATUSES.map(function (s) {
				return h('a', {
					href: app.hashFor('/me/calendar', { unit: q.unit, year: year, depth: q.depth, status: q.status === s ? null : s }),
					class: 'cal-count' + (q.status === s ? ' active' : ''), dataset: { status: s }
				}, [chip(s), h('span', { class: 'cal-count-n', text: I.fmtNum(counts[s] || 0) })]);
			})));

			var box = h('div', { id: 'cal-list-box' });
			root.appendChild(h('section', { class: 'card' }, box));
			if (!data.items.length) {
				box.appendChild(h('p', { class: 'muted', id: 'cal-none', text: t('cal.none') }));
			} else {
				box.appendChild(listTable(ctx, data));
				if (data.truncated) {
					box.appendChild(h('p', { class: 'small muted', text: t('cal.truncated', { n: data.items.length }) }));
				}
			}

			/* ad hoc requests: the year's, and the form for units with units below */
			root.appendChild(requestsBox(ctx, reqs, types, year));
		}

		function listTable(ctx, data) {
			var tbody = h('tbody');
			var open = { row: null };
			function closeForm() {
				if (open.row) {
					open.row.parentNode.removeChild(open.row);
					open.row = null;
				}
			}
			function addRow(it) {
				var href = it.submission_id ? '#/me/calendar/submissions/' + it.submission_id : null;
				var actions = h('td', { class: 'cal-actions' });
				var tr = h('tr', {
					class: 'cal-row st-row-' + it.status,
					dataset: { type: it.type, period: it.period, unit: it.unit_code, status: it.status }
				}, [
					h('td', { class: 'nowrap' }, [
						h('strong', { text: I.fmtDate(it.due) }),
						h('br'),
						h('span', { class: 'small cal-days', text: daysText(it) })
					]),
					h('td', null, [
						h('span', { text: it.type_name }),
						it.form ? h('span', { class: 'small muted', text: ' (' + it.form + ')' }) : null,
						h('br'),
						h('span', { class: 'small muted cal-source', text: sourceText(it) })
					]),
					h('td', { text: it.period_label }),
					h('td', null, it.unit_code !== (data.unit && data.unit.code) && it.level !== 'commune'
						? h('a', { href: app.hashFor('/me/calendar', { unit: it.unit_code, year: data.year }), text: it.unit_name })
						: h('span', { text: it.unit_name })),
					h('td', { text: it.to_name }),
					h('td', null, chip(it.status, it.status_label)),
					actions
				]);
				(it.actions || []).forEach(function (a) {
					actions.appendChild(h('button', {
						type: 'button', class: a === 'approve' ? 'primary' : 'secondary',
						dataset: { action: a }, text: t('cal.a.' + a),
						on: { click: function () {
							closeForm();
							var cell = h('td', { colspan: 7 });
							var row = h('tr', { class: 'cal-form-row' }, cell);
							cell.appendChild(actionForm(it, a, function () {
								closeForm();
								ctx.flash = { kind: 'ok', text: doneText(a, it) };
								viewCalendar(ctx).catch(function (e) {
									if (ctx.alive() && e.status !== 401) {
										ctx.root.appendChild(U.message('error', app.errorText(e)));
									}
								});
							}, closeForm));
							tr.parentNode.insertBefore(row, tr.nextSibling);
							open.row = row;
						} }
					}));
				});
				if (href) {
					actions.appendChild(h('a', { href: href, class: 'small cal-open', text: t('cal.open') }));
				}
				tbody.appendChild(tr);
			}
			/* a province has hundreds of expected reports a year: they come a
			 * page at a time (the counts above cover them all) */
			var shown = 0;
			var more = h('button', { type: 'button', class: 'secondary', id: 'cal-more' });
			function showMore() {
				data.items.slice(shown, shown + PAGE).forEach(addRow);
				shown = Math.min(data.items.length, shown + PAGE);
				var left = data.items.length - shown;
				more.hidden = left <= 0;
				more.textContent = t('cal.more', { n: I.fmtNum(Math.min(left, PAGE)), left: I.fmtNum(left) });
			}
			more.addEventListener('click', showMore);
			showMore();
			return h('div', null, [h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'cal-list' }, [
				h('caption', { class: 'sr-only', text: t('cal.nav_list') }),
				h('thead', null, h('tr', null, ['cal.col_due', 'cal.col_report', 'cal.col_period', 'cal.col_unit',
					'cal.col_to', 'cal.col_status', 'cal.col_actions'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				tbody
			])), h('p', null, more)]);
		}

		function requestsBox(ctx, reqs, types, year) {
			var me = app.me();
			var section = h('section', { class: 'card', id: 'cal-requests' }, [h('h2', { text: t('cal.req_list') })]);
			var list = reqs.requests || [];
			if (list.length) {
				section.appendChild(h('ul', { class: 'cal-req-list' }, list.map(function (r) {
					return h('li', { dataset: { id: r.id } }, [
						h('strong', { text: r.title }),
						' — ' + r.type_name + ', ' + t('cal.req_from', {
							u: r.unit_name, d: I.fmtDate(r.request_date), due: I.fmtDate(r.due)
						})
					]);
				})));
			} else {
				section.appendChild(h('p', { class: 'muted small', text: '—' }));
			}
			var adhoc = (types.types || []).filter(function (x) {
				return x.period === 'adhoc';
			});
			var level = me && me.unit_level;
			if (!canWrite() || !adhoc.length || (level !== 'province' && level !== 'district')) {
				return section;
			}
			var kit = formKit('cal-req');
			var typeSel = U.select({ name: 'type' }, adhoc.map(function (x) {
				return { value: x.code, label: x.name + (x.form ? ' (' + x.form + ')' : '') };
			}), adhoc[0].code);
			var title = h('input', { type: 'text', name: 'title', maxlength: 500, autocomplete: 'off' });
			var due = h('input', { type: 'text', name: 'due', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', class: 'date-input', autocomplete: 'off' });
			var btn = h('button', { type: 'submit', class: 'primary', id: 'cal-req-send', text: t('cal.req_send') });
			var hint = h('p', { class: 'small muted' });
			function syncHint() {
				var x = adhoc.filter(function (a) {
					return a.code === typeSel.value;
				})[0];
				hint.textContent = t('cal.req_hint', { rule: x ? x.due_label : '' });
			}
			typeSel.addEventListener('change', syncHint);
			syncHint();
			var form = h('form', { id: 'cal-req-form', novalidate: true }, [
				h('h3', { text: t('cal.req_title') }),
				hint,
				h('div', { class: 'controls' }, [
					kit.field('type', t('cal.req_type'), typeSel),
					kit.field('title', t('cal.req_what'), title),
					kit.field('due', t('cal.req_due'), due),
					h('div', { class: 'field' }, btn)
				]),
				kit.box
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var body = { type: typeSel.value, title: title.value.trim() };
				if (due.value.trim()) {
					var iso = I.parseDate(due.value);
					if (!iso) {
						kit.setError('due', t('cal.bad_date'));
						kit.focusFirst();
						return;
					}
					body.due = iso;
				}
				btn.disabled = true;
				try {
					var res = await app.api('POST', '/me/calendar/requests', body);
					ctx.flash = { kind: 'ok', text: t('cal.req_done', { d: I.fmtDate(res.request.due) }) };
					await viewCalendar(ctx);
				} catch (e) {
					if (e.status !== 401) {
						kit.showError(e);
					}
				} finally {
					btn.disabled = false;
				}
			});
			section.appendChild(form);
			return section;
		}

		/* ===== one submission ============================================================ */

		async function viewSubmission(ctx) {
			var root = ctx.root;
			app.loading(root);
			var data = await app.api('GET', '/me/calendar/submissions/' + encodeURIComponent(ctx.params[0]));
			if (!ctx.alive()) {
				return;
			}
			renderSubmission(ctx, data, null);
		}

		function renderSubmission(ctx, data, flash) {
			var root = ctx.root;
			var s = data.submission;
			var it = data.report;
			U.clear(root);
			root.appendChild(h('p', { class: 'small' }, h('a', {
				href: app.hashFor('/me/calendar', { year: it ? it.period_start.slice(0, 4) : null }), text: t('cal.sub_back')
			})));
			root.appendChild(h('div', { class: 'page-head' }, [
				h('h1', { id: 'cal-sub-title', text: t('cal.sub_title', { r: s.type_name, p: s.period_label }) }),
				it ? chip(it.status, it.status_label) : null
			]));
			var flashBox = h('div', { id: 'cal-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);
			if (s.locked) {
				root.appendChild(U.message('info', t('cal.sub_locked')));
			}
			function fact(k, v) {
				return [h('dt', { text: t(k) }), h('dd', { text: v || t('app.dash') })];
			}
			var facts = h('dl', { class: 'facts', id: 'cal-sub-facts' }, [
				fact('cal.sub_unit', s.unit_name),
				fact('cal.sub_to', it ? it.to_name : ''),
				fact('cal.sub_due', it ? I.fmtDate(it.due) + ' · ' + sourceText(it) : ''),
				fact('cal.sub_first', I.fmtDate(s.first_submitted_on) + (s.on_time === null ? '' : ' · ' + t(s.on_time ? 'cal.on_time' : 'cal.late'))),
				fact('cal.sub_last', I.fmtDate(s.submitted_on) + (s.submitted_by_name ? ' · ' + s.submitted_by_name : '')),
				fact('cal.sub_decided', s.decided_on ? I.fmtDate(s.decided_on) + ' · ' + s.decided_by_name : ''),
				fact('cal.sub_note', s.note),
				fact('cal.sub_attachment', s.attachment),
				s.reason ? fact('cal.sub_reason', s.reason) : null
			]);
			var actionsBox = h('div', { id: 'cal-sub-actions' });
			var acts = it ? it.actions || [] : [];
			if (!acts.length) {
				actionsBox.appendChild(h('p', { class: 'muted small', text: t('cal.sub_no_action') }));
			}
			acts.forEach(function (a) {
				actionsBox.appendChild(h('button', {
					type: 'button', class: a === 'approve' ? 'primary' : 'secondary', dataset: { action: a },
					text: t('cal.a.' + a), on: { click: function () {
						U.clear(actionsBox);
						actionsBox.appendChild(actionForm(it, a, function (res) {
							renderSubmission(ctx, res, { kind: 'ok', text: doneText(a, it) });
						}, function () {
							renderSubmission(ctx, data, null);
						}));
					} }
				}));
			});
			root.appendChild(h('div', { class: 'grid2' }, [
				h('section', { class: 'card' }, [h('h2', { text: t('cal.sub_facts') }), facts]),
				h('section', { class: 'card' }, [h('h2', { text: t('cal.sub_actions') }), actionsBox])
			]));
			if (s.figures && typeof s.figures === 'object') {
				root.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: t('cal.sub_figures') }),
					figuresTable(s.figures)
				]));
			}
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('cal.history') }),
				h('ol', { class: 'cal-history', id: 'cal-history' }, (data.events || []).map(function (e) {
					return h('li', { dataset: { action: e.action } }, [
						h('strong', { text: t('cal.ev.' + e.action) }),
						' — ' + t('cal.ev_by', { who: e.user || '', d: I.fmtDate(e.on) }),
						e.note ? h('div', { class: 'small', text: e.note }) : null
					]);
				}))
			]));
		}

		function figuresTable(fig) {
			var rows = [];
			function walk(prefix, v) {
				if (v && typeof v === 'object') {
					Object.keys(v).forEach(function (k) {
						walk(prefix ? prefix + ' › ' + k : k, v[k]);
					});
				} else {
					rows.push([prefix, v]);
				}
			}
			walk('', fig);
			return h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, h('tbody', null, rows.map(function (r) {
				var v = r[1];
				return h('tr', null, [
					h('th', { scope: 'row', text: r[0] }),
					h('td', { class: typeof v === 'number' ? 'num' : null, text: typeof v === 'number' ? I.fmtNum(v, v % 1 ? 2 : 0) : String(v) })
				]);
			}))));
		}

		/* ===== completeness ============================================================== */

		function pct(v) {
			return v === null || v === undefined ? t('app.dash') : I.fmtPct(v);
		}

		async function viewCompleteness(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			app.loading(root);
			var data = await app.api('GET', '/me/calendar/completeness', null, { query: { year: Number(q.year) || null, unit: q.unit || null } });
			if (!ctx.alive()) {
				return;
			}
			var year = data.year;
			U.clear(root);
			root.appendChild(h('h1', { text: t('cal.title') }));
			root.appendChild(app.meTabs('calendar'));
			root.appendChild(subnav('completeness', { unit: q.unit, year: year }));
			var yearSel = U.select({ id: 'cal-year', name: 'year' }, yearOptions(year), year);
			yearSel.addEventListener('change', function () {
				location.hash = app.hashFor('/me/calendar/completeness', { unit: q.unit, year: yearSel.value });
			});
			root.appendChild(h('form', { class: 'controls', on: { submit: function (ev) {
				ev.preventDefault();
			} } }, [
				U.field(t('cal.year'), yearSel),
				q.unit && q.unit !== myUnit()
					? h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/calendar/completeness', { year: year }), text: t('cal.back_mine') }))
					: null
			]));
			var tot = data.total;
			root.appendChild(h('h2', { id: 'cal-co-title', text: t('cal.co_title', { year: data.year }) + (data.unit ? ' — ' + data.unit.name : '') }));
			root.appendChild(kpis(tot, data.year));
			root.appendChild(h('p', { class: 'small muted', text: t('cal.co_rates_hint') }));

			var children = data.children || [];
			/* the chart: the units with the lowest completeness first (those to
			 * chase), when anything is due */
			var charted = children.filter(function (c) {
				return c.completeness !== null;
			}).sort(function (a, b) {
				return a.completeness - b.completeness;
			});
			var anySent = charted.some(function (c) {
				return c.submitted > 0;
			});
			if (charted.length && anySent) {
				var chartBox = h('div', { class: 'chart-box', id: 'cal-co-chart' });
				var shownN = Math.min(charted.length, CHART_MAX);
				root.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: t('cal.co_chart') }),
					charted.length > CHART_MAX ? h('p', { class: 'small muted', text: t('cal.co_chart_lowest', { n: CHART_MAX }) }) : null,
					chartBox
				]));
				C.bar(chartBox, charted.slice(0, shownN).map(function (c) {
					return {
						label: c.name, value: c.completeness === null ? 0 : c.completeness,
						title: c.name + ' (' + c.submitted + '/' + c.due + ')',
						cls: c.completeness !== null && c.completeness >= 100 ? 'c-good' : 'c-poor', child: c
					};
				}), {
					ariaLabel: t('cal.co_chart'),
					format: function (v) {
						return I.fmtNum(v, 2) + ' %';
					},
					onClick: function (item) {
						location.hash = app.hashFor('/me/calendar/completeness', { unit: item.child.code, year: data.year });
					}
				});
			}
			var rows = [];
			if (data.own) {
				rows.push({ label: t('cal.co_own'), c: data.own, cls: 'cal-own' });
			}
			children.forEach(function (c) {
				rows.push({ label: c.name, c: c, code: c.code, drill: c.has_children });
			});
			if (data.other) {
				rows.push({ label: t('cal.co_other'), c: data.other, cls: 'cal-other' });
			}
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('cal.co_children') }),
				h('p', { class: 'small muted', text: t('cal.co_children_hint') }),
				countsTable('cal-co-table', rows, { label: t('cal.co_total'), c: tot }, data.year)
			]));
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('cal.co_levels') }),
				countsTable('cal-co-levels', (data.levels || []).map(function (l) {
					return { label: l.label, c: l };
				}), null, data.year)
			]));
			root.appendChild(h('p', null, h('a', {
				href: app.hashFor('/me/calendar', { unit: q.unit, year: data.year }), text: t('cal.co_list_link')
			})));
		}

		function kpis(tot, year) {
			function card(label, value, sub, cls, id) {
				return h('div', { class: 'kpi ' + (cls || ''), id: id || null }, [
					h('div', { class: 'kpi-label', text: label }),
					h('div', { class: 'kpi-value', text: value }),
					sub ? h('div', { class: 'kpi-sub', text: sub }) : null
				]);
			}
			return h('div', { class: 'kpis', id: 'cal-kpis' }, [
				card(t('cal.co_completeness'), pct(tot.completeness),
					t('cal.dash_complete_sub', { s: I.fmtNum(tot.submitted), d: I.fmtNum(tot.due) }), 'kpi-good', 'cal-kpi-complete'),
				card(t('cal.co_timeliness'), pct(tot.timeliness),
					t('cal.co_on_time') + ': ' + I.fmtNum(tot.on_time) + ' · ' + t('cal.co_late') + ': ' + I.fmtNum(tot.late), '', 'cal-kpi-timely'),
				card(t('cal.co_missing'), I.fmtNum(tot.missing), t('cal.dash_missing_sub', { year: year }), 'kpi-poor', 'cal-kpi-missing'),
				card(t('cal.co_approved'), I.fmtNum(tot.approved),
					t('cal.co_waiting') + ': ' + I.fmtNum(tot.waiting) + ' · ' + t('cal.co_returned') + ': ' + I.fmtNum(tot.returned), '', 'cal-kpi-approved')
			]);
		}

		var COLS = [
			['expected', 'cal.co_expected'], ['due', 'cal.co_due'], ['submitted', 'cal.co_submitted'],
			['on_time', 'cal.co_on_time'], ['late', 'cal.co_late'], ['missing', 'cal.co_missing'],
			['approved', 'cal.co_approved'], ['completeness', 'cal.co_completeness'], ['timeliness', 'cal.co_timeliness']
		];

		function countsTable(id, rows, total, year) {
			function cells(c) {
				return COLS.map(function (col) {
					var v = c[col[0]];
					var isPct = col[0] === 'completeness' || col[0] === 'timeliness';
					return h('td', { class: 'num', dataset: { field: col[0] }, text: isPct ? pct(v) : I.fmtNum(v) });
				});
			}
			return h('div', { class: 'table-wrap' }, h('table', { class: 'data summary-table', id: id }, [
				h('thead', null, h('tr', null, [h('th', { scope: 'col', text: t('cal.unit') })].concat(COLS.map(function (col) {
					return h('th', { scope: 'col', class: 'num', text: t(col[1]) });
				})))),
				h('tbody', null, rows.map(function (r) {
					var name = r.code && r.drill
						? h('a', { href: app.hashFor('/me/calendar/completeness', { unit: r.code, year: year }), text: r.label })
						: (r.code ? h('a', { href: app.hashFor('/me/calendar', { unit: r.code, year: year }), text: r.label }) : h('span', { text: r.label }));
					return h('tr', { class: r.cls || null, dataset: { code: r.code || null } }, [h('th', { scope: 'row' }, name)].concat(cells(r.c)));
				})),
				total ? h('tfoot', null, h('tr', null, [h('th', { scope: 'row', text: total.label })].concat(cells(total.c)))) : null
			]));
		}

		/* ===== local deadlines =========================================================== */

		async function viewDeadlines(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			app.loading(root);
			var results = await Promise.all([
				app.api('GET', '/me/calendar/deadlines', null, { query: { unit: q.unit || null } }),
				loadTypes()
			]);
			if (!ctx.alive()) {
				return;
			}
			var flash = ctx.flash || null;
			ctx.flash = null;
			renderDeadlines(ctx, results[0], results[1], flash);
		}

		function ruleParts(rule) {
			var m;
			if ((m = /^(before|on) (\d\d)-(\d\d)/.exec(rule))) {
				return { kind: m[1], month: Number(m[2]), day: Number(m[3]) };
			}
			if ((m = /^day (\d+) (next|last)-month/.exec(rule))) {
				return { kind: m[2] === 'next' ? 'day_next_month' : 'day_last_month', day: Number(m[1]) };
			}
			if ((m = /^working-days (\d+) after end/.exec(rule))) {
				return { kind: 'working_days_after_end', n: Number(m[1]) };
			}
			return { kind: 'before' };
		}

		function pad2(n) {
			return (n < 10 ? '0' : '') + n;
		}

		function renderDeadlines(ctx, data, types, flash) {
			var root = ctx.root;
			var q = ctx.query;
			U.clear(root);
			root.appendChild(h('h1', { text: t('cal.title') }));
			root.appendChild(app.meTabs('calendar'));
			root.appendChild(subnav('deadlines', { unit: q.unit }));
			root.appendChild(h('h2', { text: t('cal.dl_title') }));
			root.appendChild(h('p', { class: 'muted small', text: t('cal.dl_intro') }));
			var flashBox = h('div', { id: 'cal-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);
			var formBox = h('div', { id: 'cal-dl-form-box' });
			var list = data.deadlines || [];
			var box = h('section', { class: 'card' });
			if (!list.length) {
				box.appendChild(h('p', { class: 'muted', id: 'cal-dl-none', text: t('cal.dl_none') }));
			} else {
				box.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'cal-dl-list' }, [
					h('thead', null, h('tr', null, ['cal.dl_set_by', 'cal.col_report', 'cal.dl_kind', 'cal.dl_rule', 'cal.dl_levels',
						'cal.dl_years', 'cal.dl_plan', 'cal.col_actions'].map(function (k) {
						return h('th', { scope: 'col', text: t(k) });
					}))),
					h('tbody', null, list.map(function (d) {
						var acts = h('td', { class: 'cal-actions' });
						if (d.editable) {
							acts.appendChild(h('button', { type: 'button', class: 'secondary', dataset: { action: 'edit' }, text: t('cal.dl_edit'), on: { click: function () {
								U.clear(formBox).appendChild(deadlineForm(ctx, types, d));
								formBox.scrollIntoView();
							} } }));
							acts.appendChild(h('button', { type: 'button', class: 'secondary', dataset: { action: 'delete' }, text: t('cal.dl_delete'), on: { click: async function () {
								if (!window.confirm(t('cal.dl_confirm'))) {
									return;
								}
								try {
									await app.api('DELETE', '/me/calendar/deadlines/' + d.id);
									ctx.flash = { kind: 'ok', text: t('cal.dl_deleted') };
									await viewDeadlines(ctx);
								} catch (e) {
									if (e.status !== 401) {
										U.clear(flashBox).appendChild(U.message('error', app.errorText(e)));
									}
								}
							} } }));
						}
						return h('tr', { dataset: { id: d.id, type: d.type } }, [
							h('td', null, [h('span', { text: d.unit_name }), d.inherited ? h('span', { class: 'small muted', text: ' (' + t('cal.dl_from_above') + ')' }) : null]),
							h('td', { text: d.type_name }),
							h('td', { text: d.period_kind_label }),
							h('td', { text: d.rule_label }),
							h('td', { text: d.levels.map(function (l) {
								return t('cal.lv.' + l);
							}).join(', ') }),
							h('td', { class: 'nowrap', text: d.year_from + '–' + (d.year_to || '') }),
							h('td', { class: 'small', text: d.plan_ref }),
							acts
						]);
					}))
				])));
			}
			root.appendChild(box);
			if (canWrite()) {
				formBox.appendChild(deadlineForm(ctx, types, null));
				root.appendChild(formBox);
			}
		}

		/* The form of a new local deadline (d null) or of d. */
		function deadlineForm(ctx, types, d) {
			var me = app.me();
			var kit = formKit('cal-dl');
			var usable = (types.types || []).filter(function (x) {
				return x.period !== 'adhoc';
			});
			var kinds = types.period_kinds || [];
			var typeSel = U.select({ name: 'type' }, usable.map(function (x) {
				return { value: x.code, label: x.name + (x.form ? ' (' + x.form + ')' : '') };
			}), d ? d.type : (usable[0] && usable[0].code));
			var kindSel = U.select({ name: 'period_kind' }, kinds.map(function (k) {
				return { value: k.kind, label: k.label };
			}), d ? d.period_kind : (usable[0] && usable[0].period));
			var parts = d ? ruleParts(d.rule) : { kind: 'before' };
			var ruleSel = h('select', { name: 'rule_kind' });
			var day = h('input', { type: 'number', name: 'day', min: 1, max: 31, class: 'num-input', value: parts.day || '' });
			var month = h('input', { type: 'number', name: 'month', min: 1, max: 12, class: 'num-input', value: parts.month || '' });
			var n = h('input', { type: 'number', name: 'n', min: 1, max: 366, class: 'num-input', value: parts.n || '' });
			var myLevel = me && me.unit_level;
			var levelBoxes = {};
			var levelsWrap = h('div', { class: 'checks', id: 'cal-dl-levels' }, LEVELS.filter(function (l) {
				return !myLevel || LEVELS.indexOf(l) >= LEVELS.indexOf(myLevel);
			}).map(function (l) {
				var cb = h('input', {
					type: 'checkbox', name: 'levels', value: l, id: 'cal-dl-lv-' + l,
					checked: d ? d.levels.indexOf(l) >= 0 : l === 'commune'
				});
				levelBoxes[l] = cb;
				return h('label', { class: 'check' }, [cb, ' ' + t('cal.lv.' + l)]);
			}));
			var yearFrom = h('input', { type: 'number', name: 'year_from', min: 2000, max: 2100, class: 'num-input', value: d ? d.year_from : app.thisYear() });
			var yearTo = h('input', { type: 'number', name: 'year_to', min: 2000, max: 2100, class: 'num-input', value: d && d.year_to ? d.year_to : '' });
			var plan = h('textarea', { name: 'plan_ref', rows: 2, maxlength: 500, value: d ? d.plan_ref : '' });
			var unitInput = null;
			if (!d && (!me || me.unit_code === '*')) {
				unitInput = h('input', { type: 'text', name: 'unit_code', autocomplete: 'off' });
			}
			var dayField = kit.field('day', t('cal.dl_day'), day);
			var monthField = kit.field('month', t('cal.dl_month'), month);
			var nField = kit.field('n', t('cal.dl_n'), n);

			function syncRules() {
				var k = kinds.filter(function (x) {
					return x.kind === kindSel.value;
				})[0];
				var allowed = (k ? k.rules : []).filter(function (r) {
					return RULE_KINDS.indexOf(r) >= 0;
				});
				var cur = ruleSel.value || parts.kind;
				U.clear(ruleSel);
				allowed.forEach(function (r) {
					ruleSel.appendChild(h('option', { value: r, text: t('cal.rk.' + r), selected: r === cur }));
				});
				syncInputs();
			}
			function syncInputs() {
				var r = ruleSel.value;
				dayField.hidden = r === 'working_days_after_end';
				monthField.hidden = !(r === 'before' || r === 'on');
				nField.hidden = r !== 'working_days_after_end';
			}
			typeSel.addEventListener('change', function () {
				var x = usable.filter(function (u) {
					return u.code === typeSel.value;
				})[0];
				if (x && !d) {
					kindSel.value = x.period;
					syncRules();
				}
			});
			kindSel.addEventListener('change', syncRules);
			ruleSel.addEventListener('change', syncInputs);
			syncRules();

			var btn = h('button', { type: 'submit', class: 'primary', id: 'cal-dl-save', text: t('cal.dl_save') });
			var form = h('form', { class: 'card', id: 'cal-dl-form', novalidate: true, dataset: { id: d ? d.id : null } }, [
				h('h2', { text: t(d ? 'cal.dl_editing' : 'cal.dl_new') }),
				h('div', { class: 'controls' }, [
					unitInput ? kit.field('unit_code', t('cal.dl_unit'), unitInput) : null,
					kit.field('type', t('cal.col_report'), typeSel),
					kit.field('period_kind', t('cal.dl_kind'), kindSel),
					kit.field('rule', t('cal.dl_rule_kind'), ruleSel),
					dayField, monthField, nField
				]),
				h('div', { class: 'controls' }, [
					kit.field('levels', t('cal.dl_levels'), levelsWrap),
					kit.field('year_from', t('cal.dl_year_from'), yearFrom),
					kit.field('year_to', t('cal.dl_year_to'), yearTo)
				]),
				kit.field('plan_ref', t('cal.dl_plan'), plan, t('cal.dl_plan_hint')),
				kit.box,
				h('div', { class: 'actions' }, [btn])
			]);
			function whole(input) {
				var v = String(input.value || '').trim();
				return /^\d+$/.test(v) ? Number(v) : null;
			}
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var r = ruleSel.value;
				var rule = '';
				var bad = false;
				if (r === 'working_days_after_end') {
					if (!whole(n)) {
						kit.setError('n', t('cal.need_number'));
						bad = true;
					}
					rule = 'working-days ' + whole(n) + ' after end';
				} else {
					if (!whole(day) || whole(day) > 31) {
						kit.setError('day', t('cal.need_number'));
						bad = true;
					}
					if (r === 'before' || r === 'on') {
						if (!whole(month) || whole(month) > 12) {
							kit.setError('month', t('cal.need_number'));
							bad = true;
						}
						rule = r + ' ' + pad2(whole(month)) + '-' + pad2(whole(day));
					} else {
						rule = 'day ' + whole(day) + (r === 'day_next_month' ? ' next-month' : ' last-month');
					}
				}
				var levels = Object.keys(levelBoxes).filter(function (l) {
					return levelBoxes[l].checked;
				});
				if (!levels.length) {
					kit.setError('levels', t('cal.need_level'));
					bad = true;
				}
				if (!whole(yearFrom)) {
					kit.setError('year_from', t('cal.need_number'));
					bad = true;
				}
				if (String(yearTo.value || '').trim() && !whole(yearTo)) {
					kit.setError('year_to', t('cal.need_number'));
					bad = true;
				}
				if (bad) {
					kit.focusFirst();
					return;
				}
				var body = {
					type: typeSel.value, period_kind: kindSel.value, rule: rule, levels: levels,
					year_from: whole(yearFrom), year_to: whole(yearTo), plan_ref: plan.value.trim()
				};
				if (unitInput) {
					body.unit_code = unitInput.value.trim();
				}
				btn.disabled = true;
				try {
					if (d) {
						await app.api('PUT', '/me/calendar/deadlines/' + d.id, body);
					} else {
						await app.api('POST', '/me/calendar/deadlines', body);
					}
					ctx.flash = { kind: 'ok', text: t('cal.dl_saved') };
					await viewDeadlines(ctx);
				} catch (e) {
					if (e.status !== 401) {
						if (e.status === 422 && e.data && e.data.fields && e.data.fields.rule) {
							/* the rule is built from day, month, N: show it by the rule */
							kit.setError('rule', e.data.fields.rule);
						}
						kit.showError(e);
					}
				} finally {
					btn.disabled = false;
				}
			});
			return form;
		}

		/* ===== the dashboard card ========================================================= */

		async function dashboard(ctx, root, sel) {
			var data = await app.api('GET', '/me/calendar/reminders', null, {
				query: { unit: sel.unit || null, year: sel.year || null }
			});
			if (!ctx.alive()) {
				return;
			}
			var card = h('section', { class: 'card', id: 'cal-card' }, [h('h2', { text: t('cal.dash_title') })]);
			var co = data.completeness;
			var year = data.year;
			card.appendChild(h('div', { class: 'kpis cal-dash-kpis' }, [
				h('div', { class: 'kpi kpi-good', id: 'cal-dash-complete' }, [
					h('div', { class: 'kpi-label', text: t('cal.dash_complete', { year: year }) }),
					h('div', { class: 'kpi-value', text: pct(co.completeness) }),
					h('div', { class: 'kpi-sub', text: t('cal.dash_complete_sub', { s: I.fmtNum(co.submitted), d: I.fmtNum(co.due) }) })
				]),
				h('div', { class: 'kpi', id: 'cal-dash-timely' }, [
					h('div', { class: 'kpi-label', text: t('cal.dash_timely', { year: year }) }),
					h('div', { class: 'kpi-value', text: pct(co.timeliness) })
				]),
				h('div', { class: 'kpi kpi-poor', id: 'cal-dash-missing' }, [
					h('div', { class: 'kpi-label', text: t('cal.dash_missing') }),
					h('div', { class: 'kpi-value', text: I.fmtNum(co.missing) }),
					h('div', { class: 'kpi-sub', text: t('cal.dash_missing_sub', { year: year }) })
				])
			]));
			if (data.waiting_approval) {
				card.appendChild(h('p', { class: 'msg msg-info', id: 'cal-dash-waiting', text: t('cal.dash_waiting', { n: data.waiting_approval }) }));
			}
			var items = data.items || [];
			if (!items.length) {
				card.appendChild(h('p', { class: 'muted', id: 'cal-dash-none', text: t('cal.dash_none') }));
			} else {
				/* the server sends the most urgent first (due soon, returned,
				 * then overdue, the unit's own before its children's) */
				card.appendChild(h('ul', { class: 'cal-reminders', id: 'cal-reminders' }, items.slice(0, 8).map(function (it) {
					return h('li', { dataset: { type: it.type, period: it.period, unit: it.unit_code, status: it.status } }, [
						chip(it.status, it.status_label), ' ',
						h('strong', { text: it.type_name }), ' — ' + it.period_label + ' — ' + it.unit_name + ': ',
						h('span', { class: 'cal-days', text: I.fmtDate(it.due) + ' (' + daysText(it) + ')' })
					]);
				})));
			}
			card.appendChild(h('p', { class: 'small' }, h('a', {
				href: app.hashFor('/me/calendar', { unit: sel.unit || null }), id: 'cal-dash-more',
				text: t('cal.dash_more', { n: data.total })
			})));
			U.clear(root).appendChild(card);
		}

		return {
			routes: [
				{ re: /^\/me\/calendar$/, view: viewCalendar },
				{ re: /^\/me\/calendar\/submissions\/(\d+)$/, view: viewSubmission },
				{ re: /^\/me\/calendar\/completeness$/, view: viewCompleteness },
				{ re: /^\/me\/calendar\/deadlines$/, view: viewDeadlines }
			],
			dashboard: dashboard
		};
	}

	window.GNBV.me.register({
		id: 'calendar',
		order: 5,
		title: 'cal.tab',
		summary: 'cal.summary',
		href: '#/me/calendar',
		init: init
	});
})();
