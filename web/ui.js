/*
 * ui.js - DOM helpers and the pieces shared by the application
 * (index.html + app.js) and the public page (public.html + public.js):
 * element builder, the summary table of a unit's children, the poverty
 * rate bar chart.
 *
 * Everything is built with createElement and textContent: no innerHTML
 * with data, no inline style or handler (Content Security Policy
 * default-src 'self').
 *
 * Plain ES2017, no modules: exposes window.GNBV.ui.
 */
(function () {
	'use strict';

	function I() {
		return window.GNBV.i18n;
	}

	/*
	 * h('tr', {class: 'x', on: {click: fn}, dataset: {code: '01'}, text: 'a'},
	 *   [children]) -> element. Attribute values null/undefined/false are
	 * left out; true gives an empty attribute. `value`, `checked`,
	 * `selected`, `disabled`, `hidden` are set as properties.
	 */
	function h(tag, attrs, children) {
		var el = document.createElement(tag);
		attrs = attrs || {};
		Object.keys(attrs).forEach(function (k) {
			var v = attrs[k];
			if (v === null || v === undefined || v === false) {
				return;
			}
			if (k === 'text') {
				el.textContent = String(v);
			} else if (k === 'on') {
				Object.keys(v).forEach(function (ev) {
					el.addEventListener(ev, v[ev]);
				});
			} else if (k === 'dataset') {
				Object.keys(v).forEach(function (dk) {
					if (v[dk] !== null && v[dk] !== undefined) {
						el.dataset[dk] = String(v[dk]);
					}
				});
			} else if (k === 'value' || k === 'checked' || k === 'selected' ||
				   k === 'disabled' || k === 'hidden') {
				el[k] = v;
			} else if (k === 'class') {
				el.className = v;
			} else {
				el.setAttribute(k, v === true ? '' : String(v));
			}
		});
		append(el, children);
		return el;
	}

	function append(el, children) {
		if (children === null || children === undefined || children === false) {
			return el;
		}
		if (!Array.isArray(children)) {
			children = [children];
		}
		children.forEach(function (c) {
			if (c === null || c === undefined || c === false) {
				return;
			}
			if (Array.isArray(c)) {
				append(el, c);
			} else if (typeof c === 'string' || typeof c === 'number') {
				el.appendChild(document.createTextNode(String(c)));
			} else {
				el.appendChild(c);
			}
		});
		return el;
	}

	function clear(el) {
		while (el.firstChild) {
			el.removeChild(el.firstChild);
		}
		return el;
	}

	/* <select> with options [{value, label}] and the selected value. */
	function select(attrs, options, selected) {
		var s = h('select', attrs);
		options.forEach(function (o) {
			s.appendChild(h('option', {
				value: String(o.value), text: o.label,
				selected: String(o.value) === String(selected)
			}));
		});
		return s;
	}

	/* A labelled control: <div class="field"><label>..</label>control</div> */
	function field(label, control, extra) {
		if (!control.id) {
			control.id = 'f-' + Math.random().toString(36).slice(2, 9);
		}
		return h('div', { class: 'field' }, [
			h('label', { for: control.id, text: label }),
			control,
			extra || null
		]);
	}

	function message(kind, text) {
		return h('p', { class: 'msg msg-' + kind, role: kind === 'error' ? 'alert' : 'status', text: text });
	}

	/* ---- the summary table of a unit's children -------------------------------------- */

	var NUM_COLS = [
		{ key: 'households', label: 'dash.households', kind: 'int' },
		{ key: 'poor', label: 'dash.poor', kind: 'int' },
		{ key: 'poor_rate', label: 'dash.poor_rate', kind: 'pct' },
		{ key: 'near_poor', label: 'dash.near_poor', kind: 'int' },
		{ key: 'near_poor_rate', label: 'dash.near_poor_rate', kind: 'pct' },
		{ key: 'new_poor', label: 'dash.new_poor', kind: 'int' },
		{ key: 're_poor', label: 'dash.re_poor', kind: 'int' },
		{ key: 'escaped_poor', label: 'dash.escaped_poor', kind: 'int' },
		{ key: 'escaped_near', label: 'dash.escaped_near', kind: 'int' }
	];

	function fmtCell(kind, v) {
		return kind === 'pct' ? I().fmtPct(v) : I().fmtNum(v);
	}

	function hasChildren(u) {
		if (u.has_children !== undefined) {
			return !!u.has_children;
		}
		if (u.children !== undefined) {
			return Number(u.children) > 0;
		}
		return u.level !== 'village';
	}

	/*
	 * data: the /dashboard/summary answer. hrefFor(child) -> the link that
	 * opens a child (or null when it cannot be opened); onOpen(child) is
	 * called when a row is clicked.
	 */
	function summaryTable(data, hrefFor, onOpen) {
		var t = I().t;
		var children = data.children || [];
		var thead = h('thead', null, h('tr', null, [
			h('th', { scope: 'col', class: 'col-name', text: t('dash.unit') }),
			NUM_COLS.map(function (c) {
				return h('th', { scope: 'col', class: 'num', text: t(c.label) });
			})
		]));
		var tbody = h('tbody');
		children.forEach(function (u) {
			var open = hasChildren(u) && hrefFor ? hrefFor(u) : null;
			var nameCell = h('th', { scope: 'row', class: 'col-name' },
				open ? h('a', { href: open, text: u.name, title: t('dash.drill', { name: u.name }) })
				     : h('span', { text: u.name }));
			var tr = h('tr', {
				class: open ? 'clickable' : null,
				dataset: { code: u.code, level: u.level }
			}, [nameCell, NUM_COLS.map(function (c) {
				return h('td', { class: 'num', dataset: { field: c.key }, text: fmtCell(c.kind, u[c.key]) });
			})]);
			if (open && onOpen) {
				tr.addEventListener('click', function (ev) {
					if (ev.target && ev.target.tagName === 'A') {
						return; /* the link navigates by itself */
					}
					onOpen(u);
				});
			}
			tbody.appendChild(tr);
		});
		var u0 = data.unit || {};
		var tfoot = h('tfoot', null, h('tr', { dataset: { code: u0.code } }, [
			h('th', { scope: 'row', class: 'col-name', text: t('dash.total') + (u0.name ? ': ' + u0.name : '') }),
			NUM_COLS.map(function (c) {
				return h('td', { class: 'num', dataset: { field: c.key }, text: fmtCell(c.kind, u0[c.key]) });
			})
		]));
		return h('div', { class: 'table-wrap' },
			h('table', { class: 'data summary-table' }, [
				h('caption', { class: 'sr-only', text: t('dash.children') }), thead, tbody, tfoot
			]));
	}

	/* The bar chart of poverty rate by child, highest first. */
	function rateChart(el, data, onOpen) {
		var t = I().t;
		var items = (data.children || []).map(function (u) {
			return {
				label: u.name, value: u.poor_rate, unit: u,
				clickable: hasChildren(u)
			};
		});
		items.sort(function (a, b) {
			return (I().toNumber(b.value) || 0) - (I().toNumber(a.value) || 0);
		});
		window.GNBV.charts.bar(el, items, {
			ariaLabel: t('dash.chart_rates'),
			format: function (v) {
				return I().fmtNum(v, 2);
			},
			onClick: onOpen ? function (it) {
				onOpen(it.unit);
			} : null
		});
	}

	/* KPI cards of a unit's own figures. */
	function kpis(u) {
		var t = I().t;
		function card(label, value, sub, cls) {
			return h('div', { class: 'kpi ' + (cls || '') }, [
				h('div', { class: 'kpi-label', text: label }),
				h('div', { class: 'kpi-value', text: value }),
				sub ? h('div', { class: 'kpi-sub', text: sub }) : null
			]);
		}
		return h('div', { class: 'kpis' }, [
			card(t('dash.households'), I().fmtNum(u.households),
				u.persons !== undefined ? t('dash.persons') + ': ' + I().fmtNum(u.persons) : null),
			card(t('dash.poor'), I().fmtNum(u.poor), t('dash.poor_rate') + ': ' + I().fmtPct(u.poor_rate), 'kpi-poor'),
			card(t('dash.near_poor'), I().fmtNum(u.near_poor), t('dash.near_poor_rate') + ': ' + I().fmtPct(u.near_poor_rate), 'kpi-near'),
			card(t('dash.new_poor'), I().fmtNum(u.new_poor), t('dash.re_poor') + ': ' + I().fmtNum(u.re_poor)),
			card(t('dash.escaped_poor'), I().fmtNum(u.escaped_poor), t('dash.escaped_near') + ': ' + I().fmtNum(u.escaped_near), 'kpi-good')
		]);
	}

	/*
	 * The year's movements of a unit's lists, when the server sends them:
	 * start of year + in - out = end of year, for poor and near-poor
	 * households. null when the figures are not there.
	 */
	function movements(u, year) {
		var t = I().t;
		if (u.poor_start === undefined || u.near_start === undefined) {
			return null;
		}
		function n(v) {
			return v === undefined || v === null ? null : Number(v);
		}
		function cell(v) {
			return h('td', { class: 'num', text: v === null ? t('app.dash') : I().fmtNum(v) });
		}
		function row(label, poor, near, cls) {
			return h('tr', { class: cls || null }, [h('th', { scope: 'row', text: label }), cell(poor), cell(near)]);
		}
		/* poor:  start + new + re + near->poor - escaped (which counts
		 *        poor->near, "thoát nghèo") = end
		 * near:  start + new + re + poor->near - escaped - near->poor = end */
		var rows = [
			row(t('mv.start', { year: year }), n(u.poor_start), n(u.near_start), 'total'),
			row('+ ' + t('mv.new'), n(u.new_poor), n(u.new_near)),
			row('+ ' + t('mv.re'), n(u.re_poor), n(u.re_near)),
			row('+ ' + t('mv.from_other'), n(u.near_to_poor), n(u.poor_to_near)),
			row('− ' + t('mv.escaped'), n(u.escaped_poor), n(u.escaped_near)),
			row('− ' + t('mv.to_other'), null, n(u.near_to_poor)),
			row(t('mv.end', { year: year }), n(u.poor_end), n(u.near_end), 'total')
		];
		return h('div', { class: 'table-wrap' }, h('table', { class: 'data movements-table' }, [
			h('caption', { text: t('mv.title', { year: year }) }),
			h('thead', null, h('tr', null, [
				h('th', { scope: 'col', text: '' }),
				h('th', { scope: 'col', class: 'num', text: t('dash.poor') }),
				h('th', { scope: 'col', class: 'num', text: t('dash.near_poor') })
			])),
			h('tbody', null, rows)
		]));
	}

	window.GNBV = window.GNBV || {};
	window.GNBV.ui = {
		movements: movements,
		h: h,
		append: append,
		clear: clear,
		select: select,
		field: field,
		message: message,
		summaryTable: summaryTable,
		rateChart: rateChart,
		kpis: kpis,
		hasChildren: hasChildren
	};
})();
