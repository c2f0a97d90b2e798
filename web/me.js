/*
 * me.js - the programme's monitoring and evaluation (M&E) part of the UI
 * (issue 5, docs/api.md "Monitoring and evaluation"): a hub page #/me
 * with one tab per area, and the M&E cards of the dashboard.
 *
 * Each area lives in its own file, loaded after this one and before
 * app.js, and registers itself:
 *
 *   GNBV.me.register({
 *     id: 'plans', order: 1,
 *     title: 'mp.tab',            // i18n key of the tab (the area adds its strings with I.add)
 *     href: '#/me/plans',         // where the tab leads
 *     init: function (app) {      // app: the helpers app.js passes to page modules
 *       return {
 *         routes: [{ re: /^\/me\/plans$/, view: fn(ctx), perm: 'write_me' (optional) }],
 *         dashboard: fn(ctx, box, sel)  // optional: fill box (an element already on the
 *                                       // dashboard) for sel = {unit, year, asof}
 *       };
 *     }
 *   });
 *
 * app.js calls GNBV.me.init(app) once, adds the routes it returns (menu
 * "me") and calls dashboard(ctx, root, sel) at the end of the dashboard.
 * Every page of an area starts with app.meTabs(id) (the tab bar).
 *
 * Plain ES2017, no modules; no innerHTML, no inline style or handler
 * (Content Security Policy default-src 'self').
 */
(function () {
	'use strict';

	var areas = [];

	function register(area) {
		areas.push(area);
	}

	function init(app) {
		var I = window.GNBV.i18n;
		var t = I.t;
		var U = window.GNBV.ui;
		var h = U.h;

		I.add({
			vi: {
				'nav.me': 'Giám sát, đánh giá',
				'me.title': 'Giám sát, đánh giá Chương trình',
				'me.hint': 'Kế hoạch, kinh phí, khung kết quả, đào tạo, kiểm tra và lịch báo cáo của đơn vị bạn và các đơn vị trực thuộc (Thông tư 10/2022/TT-BLĐTBXH).',
				'me.tabs': 'Các mục giám sát, đánh giá',
				'me.dash': 'Giám sát, đánh giá',
				'me.drafts': 'Bản thảo báo cáo giám sát, đánh giá',
				'me.drafts_hint': 'Báo cáo theo Mẫu số 01, 02 (Thông tư 10/2022/TT-BLĐTBXH) đã điền sẵn mọi số liệu trong hệ thống; cán bộ chỉ viết các phần nhận xét được tô vàng.',
				'me.drafts_form': 'Mẫu báo cáo',
				'me.drafts_m01': 'Mẫu 01 - Báo cáo giám sát',
				'me.drafts_m02': 'Mẫu 02 - Báo cáo đánh giá',
				'me.drafts_period': 'Kỳ báo cáo',
				'me.drafts_year': 'Năm',
				'me.drafts_unit': 'Mã đơn vị',
				'me.drafts_docx': 'Tải báo cáo (Word)',
				'me.drafts_xlsx': 'Tải các biểu (Excel)',
				'me.period.s1': '6 tháng đầu năm',
				'me.period.year': 'Hằng năm',
				'me.period.adhoc': 'Đột xuất',
				'me.period.baseline': 'Đầu kỳ',
				'me.period.midterm': 'Giữa kỳ',
				'me.period.final': 'Kết thúc'
			},
			en: {
				'nav.me': 'Monitoring',
				'me.title': 'Programme monitoring and evaluation',
				'me.hint': 'Plans, budgets, results framework, training, inspections and the reporting calendar of your unit and the units below it (Circular 10/2022).',
				'me.tabs': 'Monitoring sections',
				'me.dash': 'Monitoring and evaluation',
				'me.drafts': 'Drafts of the monitoring and evaluation reports',
				'me.drafts_hint': 'Reports in the layout of Forms 01 and 02 (Circular 10/2022) with every figure of the system filled in; the officer writes the highlighted assessments only.',
				'me.drafts_form': 'Form',
				'me.drafts_m01': 'Form 01 - Monitoring report',
				'me.drafts_m02': 'Form 02 - Evaluation report',
				'me.drafts_period': 'Period',
				'me.drafts_year': 'Year',
				'me.drafts_unit': 'Unit code',
				'me.drafts_docx': 'Download the report (Word)',
				'me.drafts_xlsx': 'Download the tables (Excel)',
				'me.period.s1': 'First six months',
				'me.period.year': 'Annual',
				'me.period.adhoc': 'Ad hoc',
				'me.period.baseline': 'Baseline',
				'me.period.midterm': 'Mid-term',
				'me.period.final': 'Final'
			}
		});

		areas.sort(function (a, b) {
			return (a.order || 0) - (b.order || 0);
		});

		function tabs(active) {
			var nav = h('nav', { class: 'tabs', 'aria-label': t('me.tabs') });
			areas.forEach(function (a) {
				nav.appendChild(h('a', {
					href: a.href, text: t(a.title), dataset: { tab: a.id },
					'aria-current': a.id === active ? 'page' : null
				}));
			});
			return nav;
		}

		var helpers = Object.assign({}, app, { meTabs: tabs });
		var made = areas.map(function (a) {
			return { area: a, parts: a.init(helpers) || {} };
		});

		function viewHub(ctx) {
			var root = ctx.root;
			U.clear(root);
			root.appendChild(h('h1', { text: t('me.title') }));
			root.appendChild(tabs(''));
			root.appendChild(h('p', { class: 'muted', text: t('me.hint') }));
			var list = h('div', { class: 'grid2' });
			made.forEach(function (m) {
				list.appendChild(h('section', { class: 'card' }, [
					h('h2', null, h('a', { href: m.area.href, text: t(m.area.title) })),
					m.area.summary ? h('p', { class: 'small muted', text: t(m.area.summary) }) : null
				]));
			});
			root.appendChild(list);
			root.appendChild(draftsCard());
		}

		/* The drafts of Mẫu 01 and 02 (GET /api/v1/me/drafts/{form}): plain
		 * links, the session cookie goes with them. */
		var PERIODS = { 'mau-01': ['year', 's1', 'adhoc'],
			'mau-02': ['year', 'baseline', 'midterm', 'final', 'adhoc'] };

		function draftsCard() {
			var me = app.me() || {};
			var y = app.thisYear();
			var form = U.select({ id: 'draft-form', name: 'form' }, [
				{ value: 'mau-01', label: t('me.drafts_m01') },
				{ value: 'mau-02', label: t('me.drafts_m02') }
			]);
			var period = h('select', { id: 'draft-period', name: 'period' });
			var year = U.select({ id: 'draft-year', name: 'year' }, app.yearRange().map(function (v) {
				return { value: String(v), label: String(v) };
			}), String(y));
			var unit = h('input', { id: 'draft-unit', name: 'unit', inputmode: 'numeric',
				value: me.unit_code && me.unit_code !== '*' ? me.unit_code : '' });
			var docx = h('a', { class: 'button', id: 'draft-docx', download: '', text: t('me.drafts_docx') });
			var xlsx = h('a', { class: 'button secondary', id: 'draft-xlsx', download: '', text: t('me.drafts_xlsx') });

			function periods() {
				var keep = period.value;
				U.clear(period);
				PERIODS[form.value].forEach(function (p) {
					period.appendChild(h('option', { value: p, text: t('me.period.' + p) }));
				});
				if (PERIODS[form.value].indexOf(keep) >= 0) {
					period.value = keep;
				}
			}
			function links() {
				var q = new URLSearchParams({ year: year.value, period: period.value });
				if (unit.value.trim()) {
					q.set('unit', unit.value.trim());
				}
				var base = '/api/v1/me/drafts/' + form.value + '?' + q.toString();
				docx.href = base + '&format=docx';
				xlsx.href = base + '&format=xlsx';
			}
			form.addEventListener('change', function () {
				periods();
				links();
			});
			[period, year].forEach(function (e) {
				e.addEventListener('change', links);
			});
			unit.addEventListener('input', links);
			periods();
			links();
			return h('section', { class: 'card', id: 'me-drafts' }, [
				h('h2', { text: t('me.drafts') }),
				h('p', { class: 'small muted', text: t('me.drafts_hint') }),
				h('div', { class: 'controls' }, [
					U.field(t('me.drafts_form'), form), U.field(t('me.drafts_period'), period),
					U.field(t('me.drafts_year'), year), U.field(t('me.drafts_unit'), unit)
				]),
				h('p', { class: 'actions' }, [docx, ' ', xlsx])
			]);
		}

		var routes = [{ re: /^\/me$/, view: viewHub, menu: 'me' }];
		made.forEach(function (m) {
			(m.parts.routes || []).forEach(function (r) {
				routes.push({ re: r.re, view: r.view, menu: 'me', perm: r.perm });
			});
		});

		/* The M&E cards of the dashboard, in the areas' order; an area whose
		 * card fails shows its own message and the others go on. */
		function dashboard(ctx, root, sel) {
			made.forEach(function (m) {
				if (!m.parts.dashboard) {
					return;
				}
				var box = h('div', { class: 'me-dash', dataset: { area: m.area.id } });
				root.appendChild(box);
				Promise.resolve()
					.then(function () {
						return m.parts.dashboard(ctx, box, sel);
					})
					.catch(function (e) {
						if (!ctx.alive() || (e && e.status === 401)) {
							return;
						}
						U.clear(box).appendChild(U.message('error', app.errorText(e)));
					});
			});
		}

		return { routes: routes, dashboard: dashboard, tabs: tabs };
	}

	window.GNBV = window.GNBV || {};
	window.GNBV.me = { register: register, init: init };
})();
