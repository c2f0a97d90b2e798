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
				'me.dash': 'Giám sát, đánh giá'
			},
			en: {
				'nav.me': 'Monitoring',
				'me.title': 'Programme monitoring and evaluation',
				'me.hint': 'Plans, budgets, results framework, training, inspections and the reporting calendar of your unit and the units below it (Circular 10/2022).',
				'me.tabs': 'Monitoring sections',
				'me.dash': 'Monitoring and evaluation'
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
