/*
 * me_plans.js - monitoring and evaluation, area "plans" (issue 5; docs/api.md
 * "Monitoring and evaluation: plans"): plans (kế hoạch), their targets,
 * activities and declared funding; budgets and disbursement.
 *
 *   #/me/plans?year=2023           the plans of the user's area
 *   #/me/plans/new                 enter a plan (write_me)
 *   #/me/plans/ID                  a plan: its lists, its funding against the
 *                                  budget lines, lines entered from forms
 *                                  (allocations, disbursements), history
 *   #/me/plans/ID/edit             change a plan (write_me)
 *   #/me/budget?unit=&year=        funds of a unit: by project, by unit
 *                                  below, rates, lines; record a disbursement
 *
 * and a dashboard card: allocated vs disbursed by project for the
 * dashboard's unit and year, the disbursement rate as bars and the overall
 * rate as a figure.
 *
 * The server checks everything (422 with the field: "number",
 * "funding.0.total", "funding.0.parts.1.amount"...); the page puts each
 * message under its field. Money is typed the Vietnamese way
 * ("2.243.000.000") and sent as whole đồng. Registered with
 * GNBV.me.register (me.js). Plain ES2017; no innerHTML, no inline style or
 * handler (Content Security Policy default-src 'self').
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;

	I.add({
		vi: {
			'mp.tab': 'Kế hoạch, kinh phí',
			'mp.summary': 'Kế hoạch thực hiện các dự án, kinh phí được giao theo nguồn vốn và giải ngân.',
			'mp.plans': 'Kế hoạch thực hiện Chương trình',
			'mp.plans_hint': 'Kế hoạch do đơn vị bạn và các đơn vị trực thuộc ban hành: mục tiêu, chỉ tiêu, hoạt động theo dự án và kinh phí từng dự án.',
			'mp.new': 'Nhập kế hoạch mới',
			'mp.budget_link': 'Kinh phí và giải ngân',
			'mp.year': 'Năm',
			'mp.year_any': 'Mọi năm',
			'mp.none': 'Chưa có kế hoạch nào.',
			'mp.col_number': 'Số kế hoạch',
			'mp.col_date': 'Ngày',
			'mp.col_unit': 'Đơn vị ban hành',
			'mp.col_years': 'Thời gian',
			'mp.col_title': 'Trích yếu',
			'mp.col_declared': 'Kinh phí (đồng)',
			'mp.back': 'Danh sách kế hoạch',
			'mp.plan_title': 'Kế hoạch số {number} ngày {date}',
			'mp.edit': 'Sửa kế hoạch',
			'mp.form_new': 'Nhập kế hoạch',
			'mp.form_edit': 'Sửa kế hoạch số {number}',
			'mp.f_unit': 'Đơn vị ban hành',
			'mp.f_issuer': 'Cơ quan ban hành (như trên văn bản)',
			'mp.f_issuer_hint': 'Ví dụ: UBND huyện Hớn Quản',
			'mp.f_number': 'Số kế hoạch',
			'mp.f_number_hint': 'Ví dụ: 32/KH-UBND',
			'mp.f_date': 'Ngày ban hành',
			'mp.f_year_from': 'Từ năm',
			'mp.f_year_to': 'Đến năm',
			'mp.f_title': 'Trích yếu',
			'mp.f_legal_basis': 'Căn cứ',
			'mp.f_objectives': 'Mục tiêu',
			'mp.targets': 'Chỉ tiêu cụ thể',
			'mp.targets_hint': 'Mỗi chỉ tiêu: nội dung, con số và đơn vị tính (ví dụ: giảm hộ nghèo, 218, hộ; cán bộ được tập huấn, 100, %).',
			'mp.t_text': 'Nội dung',
			'mp.t_value': 'Con số',
			'mp.t_measure': 'Đơn vị tính',
			'mp.add_target': 'Thêm chỉ tiêu',
			'mp.activities': 'Hoạt động theo dự án',
			'mp.a_project': 'Dự án, tiểu dự án',
			'mp.a_name': 'Nội dung hoạt động',
			'mp.a_lead': 'Đơn vị chủ trì',
			'mp.a_coord': 'Đơn vị phối hợp',
			'mp.a_place': 'Địa bàn',
			'mp.a_from': 'Từ quý',
			'mp.a_to': 'Đến quý',
			'mp.a_benef': 'Đối tượng thụ hưởng',
			'mp.a_time': 'Thời gian',
			'mp.add_activity': 'Thêm hoạt động',
			'mp.activity_n': 'Hoạt động {n}',
			'mp.funding': 'Kinh phí theo dự án',
			'mp.funding_hint': 'Tổng kinh phí của từng dự án và các nguồn vốn như kế hoạch ghi (ví dụ: Dự án 2: 2.243.000.000 đồng, trong đó NSTW 1.950.000.000, NS tỉnh 98.000.000, NS huyện 195.000.000). Các nguồn phải cộng lại bằng tổng.',
			'mp.funding_n': 'Kinh phí {n}',
			'mp.fu_project': 'Dự án',
			'mp.fu_year': 'Năm',
			'mp.fu_total': 'Tổng kinh phí (đồng)',
			'mp.fu_parts': 'Các nguồn vốn',
			'mp.fu_sum': 'Các nguồn cộng lại: {sum} đồng',
			'mp.fu_sum_diff': 'Các nguồn cộng lại {sum} đồng, khác tổng {total} đồng',
			'mp.p_source': 'Nguồn vốn',
			'mp.p_capital': 'Loại vốn',
			'mp.p_amount': 'Số tiền (đồng)',
			'mp.p_carried': 'Trong đó năm trước chuyển sang',
			'mp.add_part': 'Thêm nguồn vốn',
			'mp.add_funding': 'Thêm kinh phí một dự án',
			'mp.remove': 'Bỏ',
			'mp.save': 'Lưu kế hoạch',
			'mp.saving': 'Đang lưu…',
			'mp.saved': 'Đã lưu kế hoạch.',
			'mp.err_invalid': 'Kế hoạch chưa lưu: xem các ô được đánh dấu.',
			'mp.err_money': 'Nhập số đồng, ví dụ 1.950.000.000',
			'mp.err_number': 'Nhập một con số, ví dụ 218 hoặc 1,5',
			'mp.err_date': 'Nhập ngày dạng dd/mm/yyyy',
			'mp.info': 'Thông tin chung',
			'mp.i_issuer': 'Cơ quan ban hành',
			'mp.i_unit': 'Đơn vị',
			'mp.i_ref': 'Mã tham chiếu (cột plan của budget.csv)',
			'mp.i_years': 'Thời gian thực hiện',
			'mp.fs_declared': 'Kế hoạch ghi',
			'mp.fs_allocated': 'Được giao',
			'mp.fs_disbursed': 'Đã giải ngân',
			'mp.fs_rate': 'Tỷ lệ giải ngân',
			'mp.fs_status': 'Đối chiếu',
			'mp.fs_ok': 'Khớp',
			'mp.fs_diff': 'Chưa khớp',
			'mp.fs_parts': 'Nguồn vốn',
			'mp.allocate_declared': 'Giao theo kế hoạch',
			'mp.allocate_declared_title': 'Ghi các nguồn vốn của kế hoạch làm kinh phí được giao cho {unit}',
			'mp.lines': 'Kinh phí được giao và giải ngân',
			'mp.lines_none': 'Chưa có dòng kinh phí nào.',
			'mp.l_unit': 'Đơn vị',
			'mp.l_plan': 'Kế hoạch',
			'mp.l_year': 'Năm',
			'mp.l_project': 'Dự án',
			'mp.l_source': 'Nguồn vốn',
			'mp.l_capital': 'Loại vốn',
			'mp.l_kind': 'Loại',
			'mp.l_date': 'Ngày',
			'mp.l_amount': 'Số tiền (đồng)',
			'mp.l_carried': 'Năm trước chuyển sang',
			'mp.kind.allocated': 'Được giao',
			'mp.kind.disbursed': 'Giải ngân',
			'mp.alloc_form': 'Ghi kinh phí được giao',
			'mp.alloc_hint': 'Một dòng cho mỗi đơn vị, dự án, nguồn vốn và loại vốn; ghi lại cùng dòng thì số mới thay số cũ.',
			'mp.alloc_submit': 'Ghi kinh phí',
			'mp.disb_form': 'Ghi giải ngân',
			'mp.disb_hint': 'Số tiền đã giải ngân trong ngày; tổng giải ngân không được vượt số được giao.',
			'mp.disb_submit': 'Ghi giải ngân',
			'mp.line_saved': 'Đã ghi {kind} {amount} đồng ({project}).',
			'mp.history': 'Lịch sử thay đổi',
			'mp.h_created': 'Tạo kế hoạch',
			'mp.budget': 'Kinh phí và giải ngân',
			'mp.budget_hint': 'Kinh phí của đơn vị và các đơn vị trực thuộc; dự án gồm các tiểu dự án. Tỷ lệ giải ngân = đã giải ngân / được giao.',
			'mp.b_unit': 'Đơn vị',
			'mp.k_allocated': 'Được giao',
			'mp.k_carried': 'trong đó năm trước chuyển sang: {v}',
			'mp.k_disbursed': 'Đã giải ngân',
			'mp.k_rate': 'Tỷ lệ giải ngân',
			'mp.by_project': 'Theo dự án',
			'mp.by_unit': 'Theo đơn vị',
			'mp.chart_rates': 'Tỷ lệ giải ngân theo dự án (%)',
			'mp.b_project': 'Dự án, tiểu dự án',
			'mp.total': 'Tổng cộng',
			'mp.own': '{name} (kinh phí của chính đơn vị)',
			'mp.export': 'Tải budget.csv',
			'mp.report_xlsx': 'Biểu kinh phí (Excel)',
			'mp.report_pdf': 'Biểu kinh phí (PDF)',
			'mp.no_money': 'Chưa có kinh phí được giao năm {year}.',
			'mp.dash_title': 'Kinh phí và giải ngân năm {year}',
			'mp.dash_more': 'Xem chi tiết kinh phí',
			'mp.dash_of': '{disbursed} / {allocated} đồng',
			'mp.plan_ref': 'Kế hoạch (số và năm, ví dụ 32/KH-UBND 2023)',
			'mp.quarter': 'Quý {q}/{year}',
			'mp.show_idle': 'Hiện cả {n} đơn vị chưa có kinh phí',
			'mp.remove_activity': 'Bỏ hoạt động này',
			'mp.remove_funding': 'Bỏ khoản kinh phí này',
			'imp.kind.budget': 'Kinh phí và giải ngân (budget)'
		},
		en: {
			'mp.tab': 'Plans and budgets',
			'mp.summary': 'Plans of the projects, funds allocated by source and their disbursement.',
			'mp.plans': 'Programme plans',
			'mp.plans_hint': 'Plans issued by your unit and the units below it: objectives, targets, activities by project and the funding of each project.',
			'mp.new': 'Enter a new plan',
			'mp.budget_link': 'Budgets and disbursement',
			'mp.year': 'Year',
			'mp.year_any': 'Any year',
			'mp.none': 'No plan yet.',
			'mp.col_number': 'Plan number',
			'mp.col_date': 'Date',
			'mp.col_unit': 'Issuing unit',
			'mp.col_years': 'Years',
			'mp.col_title': 'Subject',
			'mp.col_declared': 'Funding (VND)',
			'mp.back': 'List of plans',
			'mp.plan_title': 'Plan {number} of {date}',
			'mp.edit': 'Edit the plan',
			'mp.form_new': 'Enter a plan',
			'mp.form_edit': 'Edit plan {number}',
			'mp.f_unit': 'Issuing unit',
			'mp.f_issuer': 'Issuing body (as on the document)',
			'mp.f_issuer_hint': 'For example: UBND huyện Hớn Quản',
			'mp.f_number': 'Plan number',
			'mp.f_number_hint': 'For example: 32/KH-UBND',
			'mp.f_date': 'Date issued',
			'mp.f_year_from': 'From year',
			'mp.f_year_to': 'To year',
			'mp.f_title': 'Subject',
			'mp.f_legal_basis': 'Legal basis',
			'mp.f_objectives': 'Objectives',
			'mp.targets': 'Numeric targets',
			'mp.targets_hint': 'Each target: what, a number and its unit (e.g. poor households reduced, 218, households; staff trained, 100, %).',
			'mp.t_text': 'Target',
			'mp.t_value': 'Number',
			'mp.t_measure': 'Unit of measure',
			'mp.add_target': 'Add a target',
			'mp.activities': 'Activities by project',
			'mp.a_project': 'Project or sub-project',
			'mp.a_name': 'Activity',
			'mp.a_lead': 'Lead unit',
			'mp.a_coord': 'Coordinating units',
			'mp.a_place': 'Place',
			'mp.a_from': 'From quarter',
			'mp.a_to': 'To quarter',
			'mp.a_benef': 'Beneficiaries',
			'mp.a_time': 'Time',
			'mp.add_activity': 'Add an activity',
			'mp.activity_n': 'Activity {n}',
			'mp.funding': 'Funding by project',
			'mp.funding_hint': 'The total of each project and its sources as the plan writes them (e.g. Project 2: 2,243,000,000 VND, of which central 1,950,000,000, provincial 98,000,000, district 195,000,000). The sources must add up to the total.',
			'mp.funding_n': 'Funding {n}',
			'mp.fu_project': 'Project',
			'mp.fu_year': 'Year',
			'mp.fu_total': 'Total (VND)',
			'mp.fu_parts': 'Sources',
			'mp.fu_sum': 'The sources add up to {sum} VND',
			'mp.fu_sum_diff': 'The sources add up to {sum} VND, not the total of {total} VND',
			'mp.p_source': 'Source',
			'mp.p_capital': 'Capital type',
			'mp.p_amount': 'Amount (VND)',
			'mp.p_carried': 'Of which carried over',
			'mp.add_part': 'Add a source',
			'mp.add_funding': 'Add the funding of a project',
			'mp.remove': 'Remove',
			'mp.save': 'Save the plan',
			'mp.saving': 'Saving…',
			'mp.saved': 'The plan is saved.',
			'mp.err_invalid': 'The plan is not saved: see the marked fields.',
			'mp.err_money': 'Type whole đồng, e.g. 1,950,000,000',
			'mp.err_number': 'Type a number, e.g. 218 or 1.5',
			'mp.err_date': 'Type a date as dd/mm/yyyy',
			'mp.info': 'General',
			'mp.i_issuer': 'Issuing body',
			'mp.i_unit': 'Unit',
			'mp.i_ref': 'Reference (plan column of budget.csv)',
			'mp.i_years': 'Years',
			'mp.fs_declared': 'Declared',
			'mp.fs_allocated': 'Allocated',
			'mp.fs_disbursed': 'Disbursed',
			'mp.fs_rate': 'Disbursement rate',
			'mp.fs_status': 'Check',
			'mp.fs_ok': 'Matches',
			'mp.fs_diff': 'Differs',
			'mp.fs_parts': 'Sources',
			'mp.allocate_declared': 'Allocate as declared',
			'mp.allocate_declared_title': 'Record the plan\'s sources as funds allocated to {unit}',
			'mp.lines': 'Funds allocated and disbursed',
			'mp.lines_none': 'No budget line yet.',
			'mp.l_unit': 'Unit',
			'mp.l_plan': 'Plan',
			'mp.l_year': 'Year',
			'mp.l_project': 'Project',
			'mp.l_source': 'Source',
			'mp.l_capital': 'Capital',
			'mp.l_kind': 'Kind',
			'mp.l_date': 'Date',
			'mp.l_amount': 'Amount (VND)',
			'mp.l_carried': 'Carried over',
			'mp.kind.allocated': 'Allocated',
			'mp.kind.disbursed': 'Disbursed',
			'mp.alloc_form': 'Record an allocation',
			'mp.alloc_hint': 'One line per unit, project, source and capital type; recording the same line again replaces its amount.',
			'mp.alloc_submit': 'Record the allocation',
			'mp.disb_form': 'Record a disbursement',
			'mp.disb_hint': 'The amount disbursed that day; disbursements may not exceed the allocation.',
			'mp.disb_submit': 'Record the disbursement',
			'mp.line_saved': 'Recorded: {kind} {amount} VND ({project}).',
			'mp.history': 'History',
			'mp.h_created': 'Plan created',
			'mp.budget': 'Budgets and disbursement',
			'mp.budget_hint': 'Funds of the unit and the units below it; projects include their sub-projects. Disbursement rate = disbursed / allocated.',
			'mp.b_unit': 'Unit',
			'mp.k_allocated': 'Allocated',
			'mp.k_carried': 'of which carried over: {v}',
			'mp.k_disbursed': 'Disbursed',
			'mp.k_rate': 'Disbursement rate',
			'mp.by_project': 'By project',
			'mp.by_unit': 'By unit',
			'mp.chart_rates': 'Disbursement rate by project (%)',
			'mp.b_project': 'Project or sub-project',
			'mp.total': 'Total',
			'mp.own': '{name} (its own funds)',
			'mp.export': 'Download budget.csv',
			'mp.report_xlsx': 'Budget table (Excel)',
			'mp.report_pdf': 'Budget table (PDF)',
			'mp.no_money': 'No funds allocated in {year} yet.',
			'mp.dash_title': 'Budget and disbursement {year}',
			'mp.dash_more': 'Budget details',
			'mp.dash_of': '{disbursed} / {allocated} VND',
			'mp.plan_ref': 'Plan (number and year, e.g. 32/KH-UBND 2023)',
			'mp.quarter': 'Q{q} {year}',
			'mp.show_idle': 'Show the {n} units without funds too',
			'mp.remove_activity': 'Remove this activity',
			'mp.remove_funding': 'Remove this funding',
			'imp.kind.budget': 'Budgets and disbursements (budget)'
		}
	});

	var SOURCES = ['central', 'provincial', 'district', 'commune', 'mobilised', 'credit', 'household'];
	var CAPITALS = ['recurrent', 'investment'];
	var SOURCE_VI = {
		central: 'Ngân sách trung ương', provincial: 'Ngân sách tỉnh', district: 'Ngân sách huyện',
		commune: 'Ngân sách xã', mobilised: 'Vốn huy động', credit: 'Vốn tín dụng', household: 'Hộ dân đóng góp'
	};
	var SOURCE_EN = {
		central: 'Central budget', provincial: 'Provincial budget', district: 'District budget',
		commune: 'Commune budget', mobilised: 'Mobilised funds', credit: 'Credit', household: 'Households'
	};
	var SOURCE_SHORT_VI = {
		central: 'NSTW', provincial: 'NS tỉnh', district: 'NS huyện', commune: 'NS xã',
		mobilised: 'Huy động', credit: 'Tín dụng', household: 'Hộ dân'
	};
	var SOURCE_SHORT_EN = {
		central: 'Central', provincial: 'Province', district: 'District', commune: 'Commune',
		mobilised: 'Mobilised', credit: 'Credit', household: 'Households'
	};
	var CAPITAL_VI = { recurrent: 'Sự nghiệp', investment: 'Đầu tư' };
	var CAPITAL_EN = { recurrent: 'Recurrent', investment: 'Investment' };

	function sourceLabel(s) {
		return (I.getLang() === 'en' ? SOURCE_EN : SOURCE_VI)[s] || s;
	}

	function sourceShort(s) {
		return (I.getLang() === 'en' ? SOURCE_SHORT_EN : SOURCE_SHORT_VI)[s] || s;
	}

	function capitalLabel(c) {
		return (I.getLang() === 'en' ? CAPITAL_EN : CAPITAL_VI)[c] || c;
	}

	function init(app) {
		var U = window.GNBV.ui;
		var C = window.GNBV.charts;
		var h = U.h;

		/* the catalogue of projects, once per page load */
		var catalogueP = null;
		function catalogue() {
			if (!catalogueP) {
				catalogueP = app.api('GET', '/me/projects').catch(function (e) {
					catalogueP = null;
					throw e;
				});
			}
			return catalogueP;
		}

		function projectName(cat, code) {
			var p = (cat.projects || []).filter(function (x) {
				return x.code === code;
			})[0];
			return p ? p.name : '';
		}

		function projectOptions(cat) {
			return (cat.projects || []).map(function (p) {
				return { value: p.code, label: (p.parent ? '\u2003' : '') + p.code + ' - ' + (p.short || p.name) };
			});
		}

		function money(v) {
			return I.fmtNum(v, 0);
		}

		function rateText(r) {
			return r === null || r === undefined ? t('app.dash') : I.fmtPct(r);
		}

		function yearOptions(extra) {
			var ys = app.yearRange().slice();
			(extra || []).forEach(function (y) {
				if (y && ys.indexOf(Number(y)) < 0) {
					ys.push(Number(y));
				}
			});
			var next = app.thisYear() + 1;
			if (ys.indexOf(next) < 0) {
				ys.unshift(next);
			}
			ys.sort(function (a, b) {
				return b - a;
			});
			return ys.map(function (y) {
				return { value: y, label: String(y) };
			});
		}

		function tabs() {
			return app.meTabs('plans');
		}

		function subNav(active) {
			return h('p', { class: 'mp-subnav' }, [
				h('a', { href: '#/me/plans', id: 'mp-nav-plans', 'aria-current': active === 'plans' ? 'page' : null, text: t('mp.plans') }),
				h('a', { href: '#/me/budget', id: 'mp-nav-budget', 'aria-current': active === 'budget' ? 'page' : null, text: t('mp.budget_link') })
			]);
		}

		/* ---- form fields with their error slots ------------------------------------ */

		/*
		 * A field: label, control, hint and an error line; kit.fields[name]
		 * (a name as the server says it: "funding.0.total") finds it.
		 */
		function makeKit(prefix) {
			var kit = { fields: {}, box: null };
			kit.box = h('div', { class: 'msg msg-error', id: prefix + '-error', role: 'alert', hidden: true });
			kit.field = function (name, labelText, control, hint, cls) {
				var id = prefix + '-' + name.replace(/\./g, '-');
				control.id = id;
				control.setAttribute('aria-describedby', 'err-' + id);
				var err = h('p', { class: 'field-error', id: 'err-' + id, role: 'alert', hidden: true, dataset: { field: name } });
				var el = h('div', { class: 'field' + (cls ? ' ' + cls : ''), dataset: { field: name } }, [
					h('label', { for: id, text: labelText }),
					control,
					hint ? h('p', { class: 'hint', text: hint }) : null,
					err
				]);
				kit.fields[name] = { el: el, control: control, err: err };
				return el;
			};
			kit.rename = function (from, to) {
				var f = kit.fields[from];
				if (f) {
					delete kit.fields[from];
					kit.fields[to] = f;
					f.err.dataset.field = to;
					f.el.dataset.field = to;
				}
			};
			kit.setError = function (name, msg) {
				var f = kit.fields[name];
				if (!f) {
					return false;
				}
				f.err.textContent = msg || '';
				f.err.hidden = !msg;
				if (msg) {
					f.control.setAttribute('aria-invalid', 'true');
				} else {
					f.control.removeAttribute('aria-invalid');
				}
				f.el.classList.toggle('invalid', !!msg);
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
				Object.keys(kit.fields).forEach(function (k) {
					kit.setError(k, '');
				});
				kit.message(null);
			};
			kit.focusFirst = function () {
				var names = Object.keys(kit.fields);
				for (var i = 0; i < names.length; i++) {
					var c = kit.fields[names[i]].control;
					if (c.getAttribute('aria-invalid') && c.isConnected) {
						c.focus();
						return;
					}
				}
			};
			kit.showFields = function (e, intro) {
				var rest = [];
				var fields = (e.data && e.data.fields) || {};
				Object.keys(fields).forEach(function (k) {
					if (!kit.setError(k, fields[k])) {
						rest.push(k + ': ' + fields[k]);
					}
				});
				kit.message([intro || app.serverText(e.data) || t('mp.err_invalid')].concat(rest));
				kit.focusFirst();
			};
			return kit;
		}

		function textIn(value, attrs) {
			return h('input', Object.assign({ type: 'text', autocomplete: 'off', value: value === undefined || value === null ? '' : String(value) }, attrs || {}));
		}

		function moneyIn(value) {
			var el = textIn(value === undefined || value === null || value === '' ? '' : money(value), { inputmode: 'numeric', class: 'money-input' });
			el.addEventListener('blur', function () {
				var v = I.parseMoney(el.value);
				if (v !== null) {
					el.value = money(v);
				}
			});
			return el;
		}

		function dateIn(value) {
			return textIn(value ? I.fmtDate(value) : '', { inputmode: 'numeric', placeholder: 'dd/mm/yyyy', class: 'date-input' });
		}

		function area(value, rows) {
			var el = h('textarea', { rows: String(rows || 3) });
			el.value = value || '';
			return el;
		}

		/* Reads a money field: a number, null when empty, or false (an error set). */
		function readMoney(kit, name, el, required) {
			var s = el.value.trim();
			if (!s) {
				return required ? undefined : null;
			}
			var v = I.parseMoney(s);
			if (v === null) {
				kit.setError(name, t('mp.err_money'));
				return false;
			}
			return v;
		}

		/* The units a user may pick: theirs and those right under it. */
		async function unitChoices() {
			var me = app.me();
			var data = await app.api('GET', '/units');
			var out = [];
			if (data.parent && data.parent.code) {
				out.push({ value: data.parent.code, label: data.parent.name });
			} else if (me.unit_code && me.unit_code !== '*') {
				out.push({ value: me.unit_code, label: me.unit_name || me.unit_code });
			}
			(data.units || []).forEach(function (u) {
				out.push({ value: u.code, label: '\u2003' + u.name });
			});
			return out;
		}

		/* ===== the list of plans ===================================================== */

		async function viewPlans(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			root.appendChild(h('h1', { text: t('me.title') }));
			root.appendChild(tabs());
			root.appendChild(subNav('plans'));
			root.appendChild(h('p', { class: 'muted small', text: t('mp.plans_hint') }));
			if (app.can('write_me')) {
				root.appendChild(h('p', null, h('a', { class: 'button primary', id: 'mp-new', href: '#/me/plans/new', text: t('mp.new') })));
			}
			var yearSel = U.select({ id: 'mp-filter-year', name: 'year' }, [{ value: '', label: t('mp.year_any') }].concat(yearOptions()), q.year || '');
			var out = h('div', { id: 'mp-list-box', 'aria-live': 'polite' });
			yearSel.addEventListener('change', function () {
				history.replaceState(null, '', app.hashFor('/me/plans', { year: yearSel.value }));
				load();
			});
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('mp.plans') }),
				h('form', { class: 'controls', on: { submit: function (ev) {
					ev.preventDefault();
				} } }, [U.field(t('mp.year'), yearSel)]),
				out
			]));

			async function load() {
				out.setAttribute('aria-busy', 'true');
				try {
					var data = await app.api('GET', '/me/plans', null, { query: { year: yearSel.value } });
					if (ctx.alive()) {
						render(data.plans || []);
					}
				} catch (e) {
					if (ctx.alive() && e.status !== 401) {
						U.clear(out).appendChild(U.message('error', app.errorText(e)));
					}
				} finally {
					out.removeAttribute('aria-busy');
				}
			}

			function render(plans) {
				U.clear(out);
				if (!plans.length) {
					out.appendChild(h('p', { class: 'muted', id: 'mp-none', text: t('mp.none') }));
					return;
				}
				out.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'mp-list' }, [
					h('thead', null, h('tr', null, ['mp.col_number', 'mp.col_date', 'mp.col_unit', 'mp.col_years', 'mp.col_title', 'mp.col_declared'].map(function (k, i) {
						return h('th', { scope: 'col', class: i === 5 ? 'num' : null, text: t(k) });
					}))),
					h('tbody', null, plans.map(function (p) {
						var href = '#/me/plans/' + p.id;
						var tr = h('tr', { class: 'clickable', dataset: { id: p.id } }, [
							h('th', { scope: 'row' }, h('a', { href: href, text: p.number })),
							h('td', { class: 'nowrap', text: I.fmtDate(p.date) }),
							h('td', { text: p.issuer || p.unit_name }),
							h('td', { class: 'nowrap', text: p.year_from === p.year_to ? String(p.year_from) : p.year_from + '–' + p.year_to }),
							h('td', { text: p.title || '' }),
							h('td', { class: 'num', text: p.declared_total ? money(p.declared_total) : t('app.dash') })
						]);
						tr.addEventListener('click', function (ev) {
							if (ev.target.tagName !== 'A') {
								location.hash = href;
							}
						});
						return tr;
					}))
				])));
			}
			return load();
		}

		/* ===== the plan form ============================================================= */

		async function viewPlanNew(ctx) {
			app.loading(ctx.root);
			var both = await Promise.all([catalogue(), unitChoices()]);
			if (!ctx.alive()) {
				return;
			}
			planForm(ctx, both[0], both[1], null);
		}

		async function viewPlanEdit(ctx) {
			app.loading(ctx.root);
			var both = await Promise.all([catalogue(), app.api('GET', '/me/plans/' + encodeURIComponent(ctx.params[0]))]);
			if (!ctx.alive()) {
				return;
			}
			planForm(ctx, both[0], null, both[1].plan);
		}

		/* "2023Q2" -> "Quý 2/2023" (vi), "Q2 2023" (en) */
		function quarterText(s) {
			var m = /^(\d{4})Q([1-4])$/.exec(s || '');
			return m ? t('mp.quarter', { q: m[2], year: m[1] }) : (s || '');
		}

		function quarterOptions(yFrom, yTo) {
			var out = [{ value: '', label: t('app.dash') }];
			for (var y = yFrom; y <= yTo && y - yFrom < 11; y++) {
				for (var q = 1; q <= 4; q++) {
					out.push({ value: y + 'Q' + q, label: quarterText(y + 'Q' + q) });
				}
			}
			return out;
		}

		function planForm(ctx, cat, units, plan) {
			var root = ctx.root;
			U.clear(root);
			var kit = makeKit('mp');
			var p = plan || {};
			var me = app.me();
			var thisYear = app.thisYear();
			root.appendChild(h('p', { class: 'small' }, h('a', { href: plan ? '#/me/plans/' + plan.id : '#/me/plans', text: '‹ ' + t('mp.back') })));
			root.appendChild(h('h1', { id: 'mp-form-title', text: plan ? t('mp.form_edit', { number: plan.number }) : t('mp.form_new') }));

			/* general */
			var unitCtl = plan
				? h('output', { class: 'field-value', text: (p.unit_name || '') + ' (' + p.unit_code + ')' })
				: U.select({ name: 'unit_code' }, units, me.unit_code);
			var issuer = textIn(p.issuer || (plan ? '' : 'UBND ' + (me.unit_name || '')));
			var number = textIn(p.number);
			var date = dateIn(p.date);
			var years = yearOptions([p.year_from, p.year_to]);
			var yFrom = U.select({ name: 'year_from' }, years, p.year_from || thisYear);
			var yTo = U.select({ name: 'year_to' }, years, p.year_to || p.year_from || thisYear);
			var title = area(p.title, 2);
			var basis = area(p.legal_basis, 5);
			var objectives = area(p.objectives, 6);

			/* lists: rows in order; each knows its controls and its field names */
			var lists = { targets: [], activities: [], funding: [] };
			var counters = { targets: 0, activities: 0, funding: 0 };
			var targetsBox = h('div', { id: 'mp-targets' });
			var activitiesBox = h('div', { id: 'mp-activities' });
			var fundingBox = h('div', { id: 'mp-funding' });

			function yearsNow() {
				var a = Number(yFrom.value);
				var b = Number(yTo.value);
				return { from: a, to: b >= a ? b : a };
			}

			function removeButton(list, row, box) {
				var label = list === 'activities' ? 'mp.remove_activity' : list === 'funding' ? 'mp.remove_funding' : 'mp.remove';
				return h('button', { type: 'button', class: 'secondary small-button', text: t(label), on: { click: function () {
					var i = lists[list].indexOf(row);
					if (i >= 0) {
						lists[list].splice(i, 1);
					}
					box.removeChild(row.el);
				} } });
			}

			function addTarget(v) {
				v = v || {};
				var n = counters.targets++;
				var row = { ctl: {} };
				var base = 'targets.' + n + '.';
				row.ctl.text = textIn(v.text);
				row.ctl.value = textIn(v.value === null || v.value === undefined ? '' : I.fmtNum(v.value, Number(v.value) % 1 ? 2 : 0), { inputmode: 'decimal', class: 'num-input' });
				row.ctl.measure = textIn(v.measure, { class: 'short-input' });
				row.names = { text: base + 'text', value: base + 'value', measure: base + 'measure' };
				row.el = h('div', { class: 'mp-row', dataset: { list: 'targets' } }, [
					kit.field(row.names.text, t('mp.t_text'), row.ctl.text, null, 'grow'),
					kit.field(row.names.value, t('mp.t_value'), row.ctl.value),
					kit.field(row.names.measure, t('mp.t_measure'), row.ctl.measure),
					h('div', { class: 'field' }, removeButton('targets', row, targetsBox))
				]);
				lists.targets.push(row);
				targetsBox.appendChild(row.el);
				return row;
			}

			function addActivity(v) {
				v = v || {};
				var n = counters.activities++;
				var row = { ctl: {} };
				var base = 'activities.' + n + '.';
				var ys = yearsNow();
				row.ctl.project = U.select({}, projectOptions(cat), v.project || 'DA2');
				row.ctl.name = area(v.name, 3);
				row.ctl.lead_unit = textIn(v.lead_unit);
				row.ctl.coordinating_units = textIn(v.coordinating_units);
				row.ctl.place = textIn(v.place);
				row.ctl.from = U.select({}, quarterOptions(ys.from, ys.to), v.from || '');
				row.ctl.to = U.select({}, quarterOptions(ys.from, ys.to), v.to || '');
				row.ctl.beneficiaries = area(v.beneficiaries, 2);
				row.names = {};
				Object.keys(row.ctl).forEach(function (k) {
					row.names[k] = base + k;
				});
				row.el = h('fieldset', { class: 'mp-item', dataset: { list: 'activities' } }, [
					h('legend', { text: t('mp.activity_n', { n: lists.activities.length + 1 }) }),
					h('div', { class: 'row' }, [
						kit.field(row.names.project, t('mp.a_project'), row.ctl.project),
						kit.field(row.names.lead_unit, t('mp.a_lead'), row.ctl.lead_unit),
						kit.field(row.names.coordinating_units, t('mp.a_coord'), row.ctl.coordinating_units),
						kit.field(row.names.place, t('mp.a_place'), row.ctl.place),
						kit.field(row.names.from, t('mp.a_from'), row.ctl.from),
						kit.field(row.names.to, t('mp.a_to'), row.ctl.to)
					]),
					kit.field(row.names.name, t('mp.a_name'), row.ctl.name),
					kit.field(row.names.beneficiaries, t('mp.a_benef'), row.ctl.beneficiaries),
					removeButton('activities', row, activitiesBox)
				]);
				lists.activities.push(row);
				activitiesBox.appendChild(row.el);
				return row;
			}

			function addPart(frow, v) {
				v = v || {};
				var k = frow.partCount++;
				var part = { ctl: {} };
				var base = frow.base + 'parts.' + k + '.';
				part.ctl.source = U.select({}, SOURCES.map(function (s) {
					return { value: s, label: sourceLabel(s) };
				}), v.source || SOURCES[Math.min(frow.parts.length, SOURCES.length - 1)]);
				part.ctl.capital = U.select({}, CAPITALS.map(function (c) {
					return { value: c, label: capitalLabel(c) };
				}), v.capital || 'recurrent');
				part.ctl.amount = moneyIn(v.amount);
				part.ctl.carried_over = moneyIn(v.carried_over || '');
				part.names = {};
				Object.keys(part.ctl).forEach(function (key) {
					part.names[key] = base + key;
				});
				part.ctl.amount.addEventListener('input', frow.updateSum);
				part.el = h('div', { class: 'mp-row', dataset: { list: 'parts' } }, [
					kit.field(part.names.source, t('mp.p_source'), part.ctl.source),
					kit.field(part.names.capital, t('mp.p_capital'), part.ctl.capital),
					kit.field(part.names.amount, t('mp.p_amount'), part.ctl.amount),
					kit.field(part.names.carried_over, t('mp.p_carried'), part.ctl.carried_over),
					h('div', { class: 'field' }, h('button', { type: 'button', class: 'secondary small-button', text: t('mp.remove'), on: { click: function () {
						var i = frow.parts.indexOf(part);
						if (i >= 0) {
							frow.parts.splice(i, 1);
						}
						frow.partsBox.removeChild(part.el);
						frow.updateSum();
					} } }))
				]);
				frow.parts.push(part);
				frow.partsBox.appendChild(part.el);
				return part;
			}

			function addFunding(v) {
				v = v || {};
				var n = counters.funding++;
				var row = { ctl: {}, parts: [], partCount: 0 };
				row.base = 'funding.' + n + '.';
				var ys = yearsNow();
				var yopts = [];
				for (var y = ys.from; y <= ys.to; y++) {
					yopts.push({ value: y, label: String(y) });
				}
				row.ctl.project = U.select({}, projectOptions(cat), v.project || 'DA2');
				row.ctl.year = U.select({}, yopts, v.year || ys.from);
				row.ctl.total = moneyIn(v.total);
				row.names = { project: row.base + 'project', year: row.base + 'year', total: row.base + 'total' };
				row.partsBox = h('div', { class: 'mp-parts' });
				row.sum = h('p', { class: 'hint mp-sum', id: 'mp-funding-' + n + '-sum', 'aria-live': 'polite' });
				row.updateSum = function () {
					var sum = 0;
					var any = false;
					row.parts.forEach(function (pt) {
						var a = I.parseMoney(pt.ctl.amount.value);
						if (a !== null) {
							sum += a;
							any = true;
						}
					});
					var total = I.parseMoney(row.ctl.total.value);
					if (!any) {
						row.sum.textContent = '';
						row.sum.classList.remove('mp-sum-diff');
						return;
					}
					var differs = total !== null && total !== sum;
					row.sum.textContent = differs ? t('mp.fu_sum_diff', { sum: money(sum), total: money(total) }) : t('mp.fu_sum', { sum: money(sum) });
					row.sum.classList.toggle('mp-sum-diff', differs);
				};
				row.ctl.total.addEventListener('input', row.updateSum);
				row.el = h('fieldset', { class: 'mp-item', dataset: { list: 'funding' } }, [
					h('legend', { text: t('mp.funding_n', { n: lists.funding.length + 1 }) }),
					h('div', { class: 'row' }, [
						kit.field(row.names.project, t('mp.fu_project'), row.ctl.project),
						kit.field(row.names.year, t('mp.fu_year'), row.ctl.year),
						kit.field(row.names.total, t('mp.fu_total'), row.ctl.total)
					]),
					h('h4', { text: t('mp.fu_parts') }),
					row.partsBox,
					row.sum,
					h('div', { class: 'actions' }, [
						h('button', { type: 'button', class: 'secondary', id: 'mp-funding-' + n + '-add-part', text: t('mp.add_part'), on: { click: function () {
							addPart(row).ctl.amount.focus();
						} } }),
						removeButton('funding', row, fundingBox)
					])
				]);
				lists.funding.push(row);
				fundingBox.appendChild(row.el);
				(v.parts || []).forEach(function (pt) {
					addPart(row, pt);
				});
				if (!v.parts) {
					addPart(row);
				}
				row.updateSum();
				return row;
			}

			(p.targets || []).forEach(addTarget);
			(p.activities || []).forEach(addActivity);
			(p.funding || []).forEach(addFunding);
			if (!plan) {
				addTarget();
			}

			/* the quarters follow the plan's years */
			function refreshYears() {
				var ys = yearsNow();
				lists.activities.forEach(function (row) {
					['from', 'to'].forEach(function (k) {
						var old = row.ctl[k].value;
						U.clear(row.ctl[k]);
						quarterOptions(ys.from, ys.to).forEach(function (o) {
							row.ctl[k].appendChild(h('option', { value: o.value, text: o.label, selected: o.value === old }));
						});
					});
				});
				lists.funding.forEach(function (row) {
					var old = Number(row.ctl.year.value);
					U.clear(row.ctl.year);
					for (var y = ys.from; y <= ys.to; y++) {
						row.ctl.year.appendChild(h('option', { value: String(y), text: String(y), selected: y === old }));
					}
				});
			}
			yFrom.addEventListener('change', refreshYears);
			yTo.addEventListener('change', refreshYears);

			var saveBtn = h('button', { type: 'submit', class: 'primary', id: 'mp-save', text: t('mp.save') });
			var form = h('form', { id: 'mp-form', novalidate: true }, [
				h('section', { class: 'card' }, [
					h('h2', { text: t('mp.info') }),
					h('div', { class: 'row' }, [
						kit.field('unit_code', t('mp.f_unit'), unitCtl),
						kit.field('issuer', t('mp.f_issuer'), issuer, t('mp.f_issuer_hint')),
						kit.field('number', t('mp.f_number'), number, t('mp.f_number_hint')),
						kit.field('date', t('mp.f_date'), date),
						kit.field('year_from', t('mp.f_year_from'), yFrom),
						kit.field('year_to', t('mp.f_year_to'), yTo)
					]),
					kit.field('title', t('mp.f_title'), title),
					kit.field('legal_basis', t('mp.f_legal_basis'), basis),
					kit.field('objectives', t('mp.f_objectives'), objectives)
				]),
				h('section', { class: 'card' }, [
					h('h2', { text: t('mp.targets') }),
					h('p', { class: 'hint', text: t('mp.targets_hint') }),
					targetsBox,
					h('button', { type: 'button', class: 'secondary', id: 'mp-add-target', text: t('mp.add_target'), on: { click: function () {
						addTarget().ctl.text.focus();
					} } })
				]),
				h('section', { class: 'card' }, [
					h('h2', { text: t('mp.activities') }),
					activitiesBox,
					h('button', { type: 'button', class: 'secondary', id: 'mp-add-activity', text: t('mp.add_activity'), on: { click: function () {
						addActivity().ctl.name.focus();
					} } })
				]),
				h('section', { class: 'card' }, [
					h('h2', { text: t('mp.funding') }),
					h('p', { class: 'hint', text: t('mp.funding_hint') }),
					fundingBox,
					h('button', { type: 'button', class: 'secondary', id: 'mp-add-funding', text: t('mp.add_funding'), on: { click: function () {
						addFunding().ctl.total.focus();
					} } })
				]),
				kit.box,
				h('div', { class: 'actions' }, saveBtn)
			]);
			root.appendChild(form);

			/* The body in the order of the rows; the server's field names
			 * ("funding.0.total") then refer to these positions, so each
			 * row's fields are renamed to its position first. */
			function collect() {
				var ok = true;
				var body = {
					issuer: issuer.value,
					number: number.value,
					year_from: Number(yFrom.value),
					year_to: Number(yTo.value),
					title: title.value,
					legal_basis: basis.value,
					objectives: objectives.value,
					targets: [],
					activities: [],
					funding: []
				};
				if (!plan) {
					body.unit_code = unitCtl.value;
				}
				var d = date.value.trim() ? I.parseDate(date.value) : '';
				if (d === null) {
					kit.setError('date', t('mp.err_date'));
					ok = false;
				} else {
					body.date = d || null;
				}
				function rename(row, key, name) {
					if (row.names[key] !== name) {
						kit.rename(row.names[key], name);
						row.names[key] = name;
					}
				}
				lists.targets.forEach(function (row, i) {
					Object.keys(row.ctl).forEach(function (k) {
						rename(row, k, 'targets.' + i + '.' + k);
					});
					var val = row.ctl.value.value.trim();
					var num = val ? I.parseNum(val) : null;
					if (val && num === null) {
						kit.setError(row.names.value, t('mp.err_number'));
						ok = false;
					}
					body.targets.push({ text: row.ctl.text.value, value: num, measure: row.ctl.measure.value });
				});
				lists.activities.forEach(function (row, i) {
					var a = {};
					Object.keys(row.ctl).forEach(function (k) {
						rename(row, k, 'activities.' + i + '.' + k);
						a[k] = row.ctl[k].value || null;
					});
					body.activities.push(a);
				});
				lists.funding.forEach(function (row, i) {
					Object.keys(row.ctl).forEach(function (k) {
						rename(row, k, 'funding.' + i + '.' + k);
					});
					row.base = 'funding.' + i + '.';
					var total = readMoney(kit, row.names.total, row.ctl.total, true);
					var fu = { project: row.ctl.project.value, year: Number(row.ctl.year.value), total: total === undefined ? null : total, parts: [] };
					if (total === false) {
						ok = false;
					}
					row.parts.forEach(function (part, k) {
						Object.keys(part.ctl).forEach(function (key) {
							var name = 'funding.' + i + '.parts.' + k + '.' + key;
							if (part.names[key] !== name) {
								kit.rename(part.names[key], name);
								part.names[key] = name;
							}
						});
						var amount = readMoney(kit, part.names.amount, part.ctl.amount, true);
						var carried = readMoney(kit, part.names.carried_over, part.ctl.carried_over, false);
						if (amount === false || carried === false) {
							ok = false;
						}
						fu.parts.push({
							source: part.ctl.source.value,
							capital: part.ctl.capital.value,
							amount: amount === undefined ? null : amount,
							carried_over: carried || 0
						});
					});
					body.funding.push(fu);
				});
				return ok ? body : null;
			}

			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var body = collect();
				if (!body) {
					kit.message([t('mp.err_invalid')]);
					kit.focusFirst();
					return;
				}
				saveBtn.disabled = true;
				saveBtn.textContent = t('mp.saving');
				try {
					var res = plan
						? await app.api('PUT', '/me/plans/' + plan.id, body)
						: await app.api('POST', '/me/plans', body);
					if (!ctx.alive()) {
						return;
					}
					location.hash = '#/me/plans/' + res.plan.id;
				} catch (e) {
					if (!ctx.alive() || e.status === 401) {
						return;
					}
					if (e.status === 422) {
						kit.showFields(e, t('mp.err_invalid'));
					} else {
						kit.message([app.errorText(e)]);
					}
				} finally {
					saveBtn.disabled = false;
					saveBtn.textContent = t('mp.save');
				}
			});
		}

		/* ===== a plan ========================================================================= */

		async function viewPlan(ctx) {
			app.loading(ctx.root);
			var both = await Promise.all([catalogue(), app.api('GET', '/me/plans/' + encodeURIComponent(ctx.params[0]))]);
			if (!ctx.alive()) {
				return;
			}
			renderPlan(ctx, both[0], both[1], null);
		}

		function partsText(parts) {
			return (parts || []).map(function (pt) {
				var s = sourceLabel(pt.source) + ' (' + capitalLabel(pt.capital).toLowerCase() + '): ' + money(pt.amount);
				if (pt.carried_over) {
					s += ' (' + t('mp.k_carried', { v: money(pt.carried_over) }) + ')';
				}
				return s;
			}).join('; ');
		}

		function renderPlan(ctx, cat, data, flash) {
			var root = ctx.root;
			var p = data.plan;
			U.clear(root);
			root.appendChild(h('p', { class: 'small' }, h('a', { href: '#/me/plans', text: '‹ ' + t('mp.back') })));
			root.appendChild(h('div', { class: 'page-head' }, [
				h('h1', { id: 'mp-plan-title', text: t('mp.plan_title', { number: p.number, date: I.fmtDate(p.date) }) }),
				app.can('write_me') ? h('a', { class: 'button secondary', id: 'mp-edit', href: '#/me/plans/' + p.id + '/edit', text: t('mp.edit') }) : null
			]));
			var flashBox = h('div', { id: 'mp-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);

			var items = [];
			function fact(key, value, id) {
				items.push(h('dt', { text: t(key) }));
				items.push(h('dd', { id: id || null, class: 'pre' }, value));
			}
			fact('mp.i_issuer', p.issuer || t('app.dash'));
			fact('mp.i_unit', (p.unit_name || '') + ' (' + p.unit_code + ')');
			fact('mp.i_years', p.year_from === p.year_to ? String(p.year_from) : p.year_from + '–' + p.year_to);
			fact('mp.i_ref', p.ref, 'mp-ref');
			if (p.title) {
				fact('mp.f_title', p.title);
			}
			if (p.legal_basis) {
				fact('mp.f_legal_basis', p.legal_basis);
			}
			if (p.objectives) {
				fact('mp.f_objectives', p.objectives, 'mp-objectives');
			}
			root.appendChild(h('section', { class: 'card', id: 'mp-info' }, [h('h2', { text: t('mp.info') }), h('dl', { class: 'facts' }, items)]));

			if ((p.targets || []).length) {
				root.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: t('mp.targets') }),
					h('table', { class: 'data', id: 'mp-targets-table' }, [
						h('thead', null, h('tr', null, [
							h('th', { scope: 'col', text: t('mp.t_text') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.t_value') }),
							h('th', { scope: 'col', text: t('mp.t_measure') })
						])),
						h('tbody', null, p.targets.map(function (x) {
							return h('tr', null, [
								h('td', { text: x.text }),
								h('td', { class: 'num', text: x.value === null ? t('app.dash') : I.fmtNum(x.value, Number(x.value) % 1 ? 2 : 0) }),
								h('td', { text: x.measure || '' })
							]);
						}))
					])
				]));
			}
			if ((p.activities || []).length) {
				root.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: t('mp.activities') }),
					h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'mp-activities-table' }, [
						h('thead', null, h('tr', null, ['mp.a_project', 'mp.a_name', 'mp.a_lead', 'mp.a_coord', 'mp.a_place', 'mp.a_time', 'mp.a_benef'].map(function (k) {
							return h('th', { scope: 'col', text: t(k) });
						}))),
						h('tbody', null, p.activities.map(function (a) {
							var time = a.from ? (a.from === a.to ? quarterText(a.from) : quarterText(a.from) + ' – ' + quarterText(a.to)) : t('app.dash');
							return h('tr', null, [
								h('td', { class: 'nowrap', title: projectName(cat, a.project), text: a.project }),
								h('td', { class: 'pre', text: a.name }),
								h('td', { text: a.lead_unit || '' }),
								h('td', { text: a.coordinating_units || '' }),
								h('td', { text: a.place || '' }),
								h('td', { class: 'nowrap', text: time }),
								h('td', { text: a.beneficiaries || '' })
							]);
						}))
					]))
				]));
			}

			/* the declared funding against the lines */
			var status = data.funding_status || [];
			if ((p.funding || []).length) {
				root.appendChild(h('section', { class: 'card', id: 'mp-funding-status' }, [
					h('h2', { text: t('mp.funding') }),
					h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'mp-funding-table' }, [
						h('thead', null, h('tr', null, [
							h('th', { scope: 'col', text: t('mp.fu_project') }),
							h('th', { scope: 'col', text: t('mp.fu_year') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.fs_declared') }),
							h('th', { scope: 'col', text: t('mp.fs_parts') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.fs_allocated') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.fs_disbursed') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.fs_rate') }),
							h('th', { scope: 'col', text: t('mp.fs_status') }),
							app.can('write_me') ? h('th', { scope: 'col', text: '' }) : null
						])),
						h('tbody', null, p.funding.map(function (fu, i) {
							var st = status[i] || {};
							var btn = null;
							if (app.can('write_me') && !st.matches && (fu.parts || []).length) {
								btn = h('button', { type: 'button', class: 'secondary small-button', id: 'mp-allocate-' + i,
									title: t('mp.allocate_declared_title', { unit: p.unit_name || p.unit_code }), text: t('mp.allocate_declared') });
								btn.addEventListener('click', function () {
									allocateDeclared(ctx, cat, p, fu, btn);
								});
							}
							return h('tr', { dataset: { project: fu.project, year: fu.year } }, [
								h('th', { scope: 'row', title: projectName(cat, fu.project), text: fu.project }),
								h('td', { text: String(fu.year) }),
								h('td', { class: 'num', text: money(fu.total) }),
								h('td', { class: 'small', text: partsText(fu.parts) }),
								h('td', { class: 'num', dataset: { field: 'allocated' }, text: money(st.allocated || 0) }),
								h('td', { class: 'num', dataset: { field: 'disbursed' }, text: money(st.disbursed || 0) }),
								h('td', { class: 'num', dataset: { field: 'rate' }, text: rateText(st.rate) }),
								h('td', null, h('span', { class: 'badge ' + (st.matches ? 'badge-ok' : 'badge-warn'), text: st.matches ? t('mp.fs_ok') : t('mp.fs_diff') })),
								app.can('write_me') ? h('td', null, btn) : null
							]);
						}))
					]))
				]));
			}

			root.appendChild(linesSection(cat, data.lines || [], 'mp-lines'));
			if (app.can('write_me')) {
				root.appendChild(h('div', { class: 'grid2' }, [
					lineForm(ctx, cat, { kind: 'allocated', plan: p.ref, unit: p.unit_code, unitName: p.unit_name, years: [p.year_from, p.year_to], funding: p.funding }, reload),
					lineForm(ctx, cat, { kind: 'disbursed', plan: p.ref, unit: p.unit_code, unitName: p.unit_name, years: [p.year_from, p.year_to], funding: p.funding }, reload)
				]));
			}
			root.appendChild(historyBox(data.history || []));

			async function reload(msg) {
				var fresh = await app.api('GET', '/me/plans/' + p.id);
				if (ctx.alive()) {
					renderPlan(ctx, cat, fresh, msg);
				}
			}
			ctx.reloadPlan = reload;
		}

		/* Records each declared part of a funding as an allocation to the
		 * plan's unit, one request per part. */
		async function allocateDeclared(ctx, cat, p, fu, btn) {
			btn.disabled = true;
			try {
				for (var i = 0; i < fu.parts.length; i++) {
					var pt = fu.parts[i];
					await app.api('POST', '/me/budget', {
						plan: p.ref, unit_code: p.unit_code, year: fu.year, project: fu.project,
						source: pt.source, capital: pt.capital, kind: 'allocated',
						amount: pt.amount, carried_over: pt.carried_over || 0
					});
				}
				if (ctx.alive() && ctx.reloadPlan) {
					await ctx.reloadPlan({ kind: 'ok', text: t('mp.line_saved', { kind: t('mp.kind.allocated').toLowerCase(), amount: money(fu.total), project: fu.project }) });
				}
			} catch (e) {
				btn.disabled = false;
				if (ctx.alive() && e.status !== 401) {
					var box = document.getElementById('mp-flash');
					U.clear(box).appendChild(U.message('error', app.errorText(e) + (e.data && e.data.fields ? ': ' + Object.keys(e.data.fields).map(function (k) {
						return e.data.fields[k];
					}).join('; ') : '')));
				}
			}
		}

		function linesSection(cat, lines, id) {
			var body;
			if (!lines.length) {
				body = h('p', { class: 'muted', id: id + '-none', text: t('mp.lines_none') });
			} else {
				body = h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: id }, [
					h('thead', null, h('tr', null, ['mp.l_unit', 'mp.l_plan', 'mp.l_year', 'mp.l_project', 'mp.l_source', 'mp.l_capital', 'mp.l_kind', 'mp.l_date', 'mp.l_amount', 'mp.l_carried'].map(function (k, i) {
						return h('th', { scope: 'col', class: i >= 8 ? 'num' : null, text: t(k) });
					}))),
					h('tbody', null, lines.map(function (l) {
						return h('tr', { dataset: { id: l.id, kind: l.kind, project: l.project } }, [
							h('td', { text: l.unit_name || l.unit_code }),
							h('td', { class: 'nowrap', text: l.plan }),
							h('td', { text: String(l.year) }),
							h('td', { title: projectName(cat, l.project), text: l.project }),
							h('td', { class: 'nowrap', title: sourceLabel(l.source), text: sourceShort(l.source) }),
							h('td', { text: capitalLabel(l.capital) }),
							h('td', null, h('span', { class: 'badge badge-' + l.kind, text: t('mp.kind.' + l.kind) })),
							h('td', { class: 'nowrap', text: l.date ? I.fmtDate(l.date) : t('app.dash') }),
							h('td', { class: 'num', text: money(l.amount) }),
							h('td', { class: 'num', text: l.carried_over ? money(l.carried_over) : '' })
						]);
					}))
				]));
			}
			return h('section', { class: 'card', id: id + '-card' }, [h('h2', { text: t('mp.lines') }), body]);
		}

		/*
		 * A form recording one budget line: an allocation or a
		 * disbursement. o: {kind, plan (a reference, or null: typed), unit,
		 * unitName, units (choices), years: [from, to], funding}.
		 */
		function lineForm(ctx, cat, o, done) {
			var kind = o.kind;
			var pre = kind === 'allocated' ? 'mp-alloc' : 'mp-disb';
			var kit = makeKit(pre);
			var planIn = o.plan ? null : textIn('', { list: 'mp-plan-refs' });
			var unitSel = U.select({}, o.units || [{ value: o.unit, label: o.unitName || o.unit }], o.unit);
			var yopts = [];
			var y0 = o.years ? o.years[0] : app.thisYear();
			var y1 = o.years ? o.years[1] : app.thisYear();
			for (var y = y1; y >= y0; y--) {
				yopts.push({ value: y, label: String(y) });
			}
			var thisYear = app.thisYear();
			var yearSel = U.select({}, yopts, y0 <= thisYear && thisYear <= y1 ? thisYear : y0);
			if (o.year) {
				yearSel.value = String(o.year);
			}
			var declared = (o.funding || []).map(function (f) {
				return f.project;
			});
			var projSel = U.select({}, projectOptions(cat), declared[0] || 'DA2');
			var srcSel = U.select({}, SOURCES.map(function (s) {
				return { value: s, label: sourceLabel(s) };
			}), 'central');
			var capSel = U.select({}, CAPITALS.map(function (c) {
				return { value: c, label: capitalLabel(c) };
			}), 'recurrent');
			var amount = moneyIn('');
			var carried = moneyIn('');
			var date = dateIn('');
			var btn = h('button', { type: 'submit', class: 'primary', id: pre + '-submit', text: t(kind === 'allocated' ? 'mp.alloc_submit' : 'mp.disb_submit') });
			var fields = [];
			if (planIn) {
				fields.push(kit.field('plan', t('mp.plan_ref'), planIn, null, 'grow'));
			}
			fields.push(kit.field('unit_code', t('mp.l_unit'), unitSel));
			fields.push(kit.field('year', t('mp.l_year'), yearSel));
			fields.push(kit.field('project', t('mp.l_project'), projSel));
			fields.push(kit.field('source', t('mp.l_source'), srcSel));
			fields.push(kit.field('capital', t('mp.l_capital'), capSel));
			if (kind === 'disbursed') {
				fields.push(kit.field('date', t('mp.l_date'), date));
			}
			fields.push(kit.field('amount', t('mp.l_amount'), amount));
			if (kind === 'allocated') {
				fields.push(kit.field('carried_over', t('mp.l_carried'), carried));
			}
			var form = h('form', { class: 'card', id: pre + '-form', novalidate: true }, [
				h('h2', { text: t(kind === 'allocated' ? 'mp.alloc_form' : 'mp.disb_form') }),
				h('p', { class: 'hint', text: t(kind === 'allocated' ? 'mp.alloc_hint' : 'mp.disb_hint') }),
				h('div', { class: 'row' }, fields),
				kit.box,
				h('div', { class: 'actions' }, btn)
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var ok = true;
				var a = readMoney(kit, 'amount', amount, true);
				if (a === false) {
					ok = false;
				}
				var c = kind === 'allocated' ? readMoney(kit, 'carried_over', carried, false) : null;
				if (c === false) {
					ok = false;
				}
				var d = null;
				if (kind === 'disbursed' && date.value.trim()) {
					d = I.parseDate(date.value);
					if (d === null) {
						kit.setError('date', t('mp.err_date'));
						ok = false;
					}
				}
				if (!ok) {
					kit.focusFirst();
					return;
				}
				var body = {
					plan: planIn ? planIn.value : o.plan,
					unit_code: unitSel.value,
					year: Number(yearSel.value),
					project: projSel.value,
					source: srcSel.value,
					capital: capSel.value,
					kind: kind,
					amount: a === undefined ? null : a
				};
				if (kind === 'allocated') {
					body.carried_over = c || 0;
				} else {
					body.date = d;
				}
				btn.disabled = true;
				try {
					var res = await app.api('POST', '/me/budget', body);
					if (!ctx.alive()) {
						return;
					}
					await done({ kind: 'ok', text: t('mp.line_saved', { kind: t('mp.kind.' + kind).toLowerCase(), amount: money(res.line.amount), project: res.line.project }) });
				} catch (e) {
					if (!ctx.alive() || e.status === 401) {
						return;
					}
					if (e.status === 422) {
						kit.showFields(e, app.serverText(e.data));
					} else {
						kit.message([app.errorText(e)]);
					}
				} finally {
					btn.disabled = false;
				}
			});
			return form;
		}

		function historyBox(hist) {
			if (!hist.length) {
				return null;
			}
			return h('section', { class: 'card', id: 'mp-history' }, [
				h('h2', { text: t('mp.history') }),
				h('ul', { class: 'history' }, hist.map(function (e) {
					var labels = {
						issuer: 'mp.f_issuer', number: 'mp.f_number', date: 'mp.f_date',
						year_from: 'mp.f_year_from', year_to: 'mp.f_year_to', title: 'mp.f_title',
						legal_basis: 'mp.f_legal_basis', objectives: 'mp.f_objectives',
						targets: 'mp.targets', activities: 'mp.activities', funding: 'mp.funding'
					};
					var what = e.field === 'created' ? t('mp.h_created') + ': ' + (e.new || '')
						: (labels[e.field] ? t(labels[e.field]) : e.field);
					return h('li', null, [
						h('span', { class: 'muted small', text: I.fmtDateTime(e.at) + ' · ' + (e.user || '') + ' · ' }),
						h('span', { text: what }),
						e.field !== 'created' ? h('div', { class: 'small pre muted', text: (e.old || t('app.dash')) + ' → ' + (e.new || t('app.dash')) }) : null
					]);
				}))
			]);
		}

		/* ===== budgets ======================================================================== */

		function projectItems(data, topOnly) {
			return (data.projects || []).filter(function (p) {
				return p.allocated > 0 && (!topOnly || !p.parent);
			}).map(function (p) {
				return {
					label: p.code + ' ' + (p.short || p.name),
					value: p.rate,
					title: p.code + ' ' + p.name + ' (' + t('mp.dash_of', { disbursed: money(p.disbursed), allocated: money(p.allocated) }) + ')',
					cls: 'c-disb'
				};
			});
		}

		function kpiCards(total, idPre) {
			function card(label, value, sub, cls, id) {
				return h('div', { class: 'kpi ' + (cls || ''), id: id || null }, [
					h('div', { class: 'kpi-label', text: label }),
					h('div', { class: 'kpi-value', text: value }),
					sub ? h('div', { class: 'kpi-sub', text: sub }) : null
				]);
			}
			return h('div', { class: 'kpis' }, [
				card(t('mp.k_allocated'), money(total.allocated), total.carried_over ? t('mp.k_carried', { v: money(total.carried_over) }) : null, '', idPre + '-allocated'),
				card(t('mp.k_disbursed'), money(total.disbursed), null, '', idPre + '-disbursed'),
				card(t('mp.k_rate'), rateText(total.rate), null, 'kpi-good', idPre + '-rate')
			]);
		}

		function projectTable(data) {
			var rows = (data.projects || []).filter(function (p) {
				return p.allocated > 0 || p.disbursed > 0;
			});
			function tr(p, cls) {
				return h('tr', { class: cls || (p.parent ? 'sub' : null), dataset: { project: p.code || '' } }, [
					h('th', { scope: 'row', title: p.name || null, text: p.code ? p.code + ' ' + (p.short || p.name) : t('mp.total') }),
					h('td', { class: 'num', dataset: { field: 'allocated' }, text: money(p.allocated) }),
					h('td', { class: 'num', text: p.carried_over ? money(p.carried_over) : '' }),
					h('td', { class: 'num', dataset: { field: 'disbursed' }, text: money(p.disbursed) }),
					h('td', { class: 'num', dataset: { field: 'rate' }, text: rateText(p.rate) })
				]);
			}
			return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'mp-by-project' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', text: t('mp.b_project') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_allocated') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.l_carried') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_disbursed') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_rate') })
				])),
				h('tbody', null, rows.map(function (p) {
					return tr(p);
				})),
				h('tfoot', null, tr(Object.assign({ code: '', name: '' }, data.total), 'total'))
			]));
		}

		async function viewBudget(ctx, flash) {
			var root = ctx.root;
			var q = ctx.query;
			app.loading(root);
			var year = Number(q.year) || app.thisYear();
			var unit = q.unit || '';
			var both = await Promise.all([catalogue(), app.api('GET', '/me/budget', null, { query: { unit: unit, year: year } }), unitChoices()]);
			if (!ctx.alive()) {
				return;
			}
			var cat = both[0];
			var data = both[1];
			var units = both[2];
			U.clear(root);
			root.appendChild(h('h1', { text: t('me.title') }));
			root.appendChild(tabs());
			root.appendChild(subNav('budget'));
			var flashBox = h('div', { id: 'mp-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);
			var yearSel = U.select({ id: 'mp-b-year', name: 'year' }, yearOptions([year]), year);
			yearSel.addEventListener('change', function () {
				location.hash = app.hashFor('/me/budget', { unit: q.unit, year: yearSel.value });
			});
			var exportHref = '/api/v1/exports/budget?' + new URLSearchParams({ unit: data.unit.code, year: String(year) }).toString();
			function reportHref(format) {
				return '/api/v1/me/budget/report?' + new URLSearchParams({ unit: data.unit.code, year: String(year), format: format }).toString();
			}
			root.appendChild(h('div', { class: 'page-head' }, [
				h('h2', { id: 'mp-b-title', text: t('mp.budget') + ': ' + data.unit.name + ' – ' + year }),
				h('form', { class: 'controls', on: { submit: function (ev) {
					ev.preventDefault();
				} } }, [U.field(t('mp.year'), yearSel)]),
				h('a', { class: 'button secondary', id: 'mp-b-xlsx', href: reportHref('xlsx'), text: t('mp.report_xlsx') }),
				h('a', { class: 'button secondary', id: 'mp-b-pdf', href: reportHref('pdf'), text: t('mp.report_pdf') }),
				h('a', { class: 'button secondary', href: exportHref, download: 'budget.csv', text: t('mp.export') })
			]));
			root.appendChild(h('p', { class: 'muted small', text: t('mp.budget_hint') }));
			root.appendChild(kpiCards(data.total, 'mp-b'));
			var chartBox = h('div', { class: 'chart-box', id: 'mp-b-chart' });
			root.appendChild(h('section', { class: 'card' }, [h('h2', { text: t('mp.by_project') }), projectTable(data)]));
			root.appendChild(h('section', { class: 'card' }, [h('h2', { text: t('mp.chart_rates') }), chartBox]));
			C.bar(chartBox, projectItems(data, false), {
				ariaLabel: t('mp.chart_rates'),
				emptyText: t('mp.no_money', { year: year }),
				format: function (v) {
					return rateText(v);
				}
			});
			/* the units below: those with money first; the others on demand */
			var unitRows = (data.units || []).slice().sort(function (a, b) {
				return (b.allocated - a.allocated) || (b.disbursed - a.disbursed);
			});
			var idle = unitRows.filter(function (u) {
				return !u.allocated && !u.disbursed;
			}).length;
			if (unitRows.length) {
				var more = idle && idle < unitRows.length ? h('button', { type: 'button', class: 'secondary small-button', id: 'mp-by-unit-all',
					text: t('mp.show_idle', { n: idle }) }) : null;
				var unitTable = h('table', { class: 'data' + (more ? ' mp-hide-idle' : ''), id: 'mp-by-unit' }, [
						h('thead', null, h('tr', null, [
							h('th', { scope: 'col', text: t('mp.b_unit') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.k_allocated') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.k_disbursed') }),
							h('th', { scope: 'col', class: 'num', text: t('mp.k_rate') })
						])),
						h('tbody', null, unitRows.map(function (u) {
							var name = u.own ? t('mp.own', { name: u.name }) : u.name;
							var cell = u.own || !u.has_children ? h('span', { text: name })
								: h('a', { href: app.hashFor('/me/budget', { unit: u.code, year: year }), text: name });
							return h('tr', { class: !u.allocated && !u.disbursed ? 'mp-idle' : null, dataset: { code: u.code } }, [
								h('th', { scope: 'row' }, cell),
								h('td', { class: 'num', text: money(u.allocated) }),
								h('td', { class: 'num', text: money(u.disbursed) }),
								h('td', { class: 'num', text: rateText(u.rate) })
							]);
						}))
					]);
				if (more) {
					more.addEventListener('click', function () {
						unitTable.classList.remove('mp-hide-idle');
						more.hidden = true;
					});
				}
				root.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: t('mp.by_unit') }),
					h('div', { class: 'table-wrap' }, unitTable),
					more
				]));
			}
			root.appendChild(linesSection(cat, data.lines || [], 'mp-b-lines'));
			if (app.can('write_me')) {
				var plans = await app.api('GET', '/me/plans', null, { query: { year: year } }).catch(function () {
					return { plans: [] };
				});
				if (!ctx.alive()) {
					return;
				}
				var refs = {};
				(plans.plans || []).forEach(function (pl) {
					refs[pl.ref] = true;
				});
				(data.lines || []).forEach(function (l) {
					refs[l.plan] = true;
				});
				root.appendChild(h('datalist', { id: 'mp-plan-refs' }, Object.keys(refs).map(function (r) {
					return h('option', { value: r });
				})));
				root.appendChild(lineForm(ctx, cat, { kind: 'disbursed', plan: null, unit: data.unit.code, units: units, years: [year, year], year: year }, function (msg) {
					return viewBudget(ctx, msg);
				}));
			}
		}

		/* ===== the dashboard card ================================================================ */

		async function dashboard(ctx, box, sel) {
			var data = await app.api('GET', '/me/budget', null, { query: { unit: sel.unit, year: sel.year, asof: sel.asof, lines: 0 } });
			if (!ctx.alive()) {
				return;
			}
			var year = data.year;
			var card = h('section', { class: 'card', id: 'mp-dash' }, [
				h('h2', { text: t('mp.dash_title', { year: year }) })
			]);
			U.clear(box).appendChild(card);
			var link = h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/budget', { unit: data.unit.code, year: year }), id: 'mp-dash-more', text: t('mp.dash_more') }));
			if (!(data.total.allocated > 0)) {
				card.appendChild(h('p', { class: 'muted', id: 'mp-dash-none', text: t('mp.no_money', { year: year }) }));
				card.appendChild(link);
				return;
			}
			card.appendChild(kpiCards(data.total, 'mp-dash'));
			var chart = h('div', { class: 'chart-box', id: 'mp-dash-chart' });
			card.appendChild(h('h3', { text: t('mp.chart_rates') }));
			card.appendChild(chart);
			C.bar(chart, projectItems(data, true), {
				ariaLabel: t('mp.chart_rates'),
				format: function (v) {
					return rateText(v);
				}
			});
			/* allocated vs disbursed, project by project */
			card.appendChild(h('table', { class: 'data', id: 'mp-dash-table' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', text: t('mp.fu_project') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_allocated') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_disbursed') }),
					h('th', { scope: 'col', class: 'num', text: t('mp.k_rate') })
				])),
				h('tbody', null, (data.projects || []).filter(function (p) {
					return !p.parent && p.allocated > 0;
				}).map(function (p) {
					return h('tr', { dataset: { project: p.code } }, [
						h('th', { scope: 'row', title: (p.short || '') + ' – ' + p.name, text: p.code }),
						h('td', { class: 'num', text: money(p.allocated) }),
						h('td', { class: 'num', text: money(p.disbursed) }),
						h('td', { class: 'num', text: rateText(p.rate) })
					]);
				}))
			]));
			card.appendChild(link);
		}

		return {
			routes: [
				{ re: /^\/me\/plans$/, view: viewPlans },
				{ re: /^\/me\/plans\/new$/, view: viewPlanNew, perm: 'write_me' },
				{ re: /^\/me\/plans\/(\d+)$/, view: viewPlan },
				{ re: /^\/me\/plans\/(\d+)\/edit$/, view: viewPlanEdit, perm: 'write_me' },
				{ re: /^\/me\/budget$/, view: function (ctx) {
					return viewBudget(ctx, null);
				} }
			],
			dashboard: dashboard
		};
	}

	window.GNBV.me.register({
		id: 'plans',
		order: 1,
		title: 'mp.tab',
		summary: 'mp.summary',
		href: '#/me/plans',
		init: init
	});
})();
