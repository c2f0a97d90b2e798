/*
 * public.js - the public transparency page (công khai): aggregate figures
 * only, from GET /api/v1/public/summary, no login.
 *
 * State in location.hash: #year=2024&path=VN,14 (the units opened, from
 * the top one the server answers with).
 *
 * Plain ES2017, no modules; depends on i18n.js, charts.js and ui.js.
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;
	var U = window.GNBV.ui;
	var h = U.h;
	var FIRST_YEAR = 2022;
	var names = {};
	var seq = 0;

	function readHash() {
		var q = {};
		new URLSearchParams(location.hash.replace(/^#/, '')).forEach(function (v, k) {
			q[k] = v;
		});
		return {
			year: Number(q.year) || 0,
			path: q.path ? q.path.split(',').filter(Boolean) : []
		};
	}

	function hashOf(year, path) {
		var p = new URLSearchParams();
		if (year) {
			p.set('year', String(year));
		}
		if (path.length) {
			p.set('path', path.join(','));
		}
		return '#' + p.toString();
	}

	async function fetchSummary(year, unit) {
		var params = new URLSearchParams();
		if (year) {
			params.set('year', String(year));
		}
		if (unit) {
			params.set('unit', unit);
		}
		var s = params.toString();
		var res = await fetch('/api/v1/public/summary' + (s ? '?' + s : ''), {
			headers: { 'Accept': 'application/json', 'Accept-Language': I.getLang() },
			credentials: 'omit',
			cache: 'no-store'
		});
		var data = null;
		try {
			data = await res.json();
		} catch (e) {
			data = null;
		}
		if (!res.ok) {
			var err = new Error((data && (data.message || data.error)) || 'HTTP ' + res.status);
			err.status = res.status;
			throw err;
		}
		return data;
	}

	function empty(u) {
		return !u || ((Number(u.poor) || 0) + (Number(u.near_poor) || 0) + (Number(u.reviewed) || 0)) === 0;
	}

	async function render() {
		var my = ++seq;
		var st = readHash();
		var table = document.getElementById('pub-table');
		var kpiBox = document.getElementById('pub-kpis');
		var chart = document.getElementById('chart-rates');
		var crumbs = document.getElementById('breadcrumb');
		var unit = st.path.length ? st.path[st.path.length - 1] : '';
		var data;
		try {
			data = await fetchSummary(st.year, unit);
			/* no year asked: the latest year that has figures */
			if (!st.year && empty(data.unit) && data.year) {
				for (var k = 1; k <= 4; k++) {
					var older = await fetchSummary(Number(data.year) - k, unit);
					if (!empty(older.unit)) {
						data = older;
						break;
					}
				}
			}
		} catch (e) {
			if (my !== seq) {
				return;
			}
			U.clear(table).appendChild(U.message('error', e.status ? e.message : t('app.offline')));
			return;
		}
		if (my !== seq) {
			return;
		}
		var year = Number(data.year) || st.year;
		var path = st.path.length ? st.path : [data.unit.code];
		if (data.unit) {
			names[data.unit.code] = data.unit.name;
		}
		(data.children || []).forEach(function (c) {
			names[c.code] = c.name;
		});

		/* year selector */
		var sel = document.getElementById('pub-year');
		U.clear(sel);
		var last = Math.max(new Date().getFullYear(), year);
		for (var y = last; y >= FIRST_YEAR; y--) {
			sel.appendChild(h('option', { value: String(y), text: String(y), selected: y === year }));
		}

		function open(child) {
			location.hash = hashOf(year, path.concat([child.code]));
		}

		/* breadcrumb */
		U.clear(crumbs);
		var ol = h('ol');
		path.forEach(function (code, i) {
			var label = names[code] || code;
			ol.appendChild(h('li', null, i === path.length - 1
				? h('span', { 'aria-current': 'page', text: label })
				: h('a', { href: hashOf(year, path.slice(0, i + 1)), text: label })));
		});
		crumbs.appendChild(ol);

		U.clear(kpiBox).appendChild(U.kpis(data.unit || {}));
		U.clear(table);
		if (!data.children || !data.children.length) {
			table.appendChild(h('p', { class: 'muted', text: t('dash.no_children') }));
		}
		table.appendChild(U.summaryTable(data, function (c) {
			return hashOf(year, path.concat([c.code]));
		}, open));
		U.rateChart(chart, data, open);
	}

	function start() {
		I.applyStatic(document);
		document.title = t('pub.title');
		document.getElementById('lang-switch').addEventListener('click', function () {
			I.setLang(I.getLang() === 'vi' ? 'en' : 'vi');
		});
		I.onChange(function () {
			document.title = t('pub.title');
			render();
		});
		document.getElementById('pub-year').addEventListener('change', function (ev) {
			var st = readHash();
			location.hash = hashOf(Number(ev.target.value), st.path);
		});
		document.getElementById('pub-controls').addEventListener('submit', function (ev) {
			ev.preventDefault();
		});
		window.addEventListener('hashchange', render);
		render();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
})();
