/*
 * me_results.js - the results framework (khung kết quả) of the M&E pages
 * (docs/api.md, "Monitoring and evaluation: results"):
 *
 *   #/me/results?unit=&period=          every indicator of a unit for a
 *                                       period: baseline, target (Decision
 *                                       90's or the unit's own), actual and
 *                                       where it comes from, achievement, and
 *                                       a bar chart of the achievements
 *   #/me/results/CODE?unit=&period=     one indicator: its definition, actual
 *                                       vs target over the periods (chart),
 *                                       the units below, and the form that
 *                                       enters a value or a local target
 *
 * plus the dashboard card of the headline indicators against Decision 90.
 * The server computes everything (the registry's indicators live, sums up
 * the hierarchy, achievement); the page shows where each figure comes
 * from. Numbers are typed the Vietnamese way ("1,5") and sent as text
 * with a decimal point.
 *
 * Registers itself with GNBV.me.register (me.js). Plain ES2017, no
 * modules; no innerHTML, no inline style or handler.
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;

	I.add({
		vi: {
			'mr.tab': 'Khung kết quả',
			'mr.summary': 'Chỉ tiêu, mục tiêu Quyết định 90, kết quả thực hiện và tỷ lệ đạt.',
			'mr.title': 'Khung kết quả',
			'mr.intro': 'Các chỉ tiêu của Chương trình (Phụ lục III, Thông tư 10/2022/TT-BLĐTBXH): đầu kỳ, chỉ tiêu kế hoạch, kết quả thực hiện và tỷ lệ đạt. Chỉ tiêu ghi "Tự động" được tính từ kết quả rà soát hộ nghèo; các chỉ tiêu khác do đơn vị nhập hoặc cộng từ các đơn vị trực thuộc.',
			'mr.unit': 'Đơn vị',
			'mr.up': '↑ Về đơn vị của tôi',
			'mr.year': 'Năm',
			'mr.sub': 'Kỳ',
			'mr.sub.year': 'Cả năm',
			'mr.sub.S1': '6 tháng đầu năm',
			'mr.sub.S2': '6 tháng cuối năm',
			'mr.sub.Q': 'Quý {n}',
			'mr.sub.M': 'Tháng {n}',
			'mr.show': 'Xem',
			'mr.programme': 'Chỉ tiêu cấp Chương trình',
			'mr.projects': 'Chỉ tiêu các dự án',
			'mr.col_indicator': 'Chỉ tiêu',
			'mr.col_measure': 'Đơn vị tính',
			'mr.col_baseline': 'Đầu kỳ',
			'mr.col_target': 'Chỉ tiêu kế hoạch',
			'mr.col_actual': 'Thực hiện',
			'mr.col_ach': 'Tỷ lệ đạt',
			'mr.src.computed': 'Tự động',
			'mr.src.entered': 'Nhập',
			'mr.src.imported': 'Nhập tệp',
			'mr.src.sum': 'Cộng {n} đơn vị',
			'mr.src.derived': 'Tính từ chỉ tiêu khác',
			'mr.src.catalogue': 'Số liệu toàn quốc',
			'mr.tgt.programme': 'QĐ 90',
			'mr.tgt.local': 'Của đơn vị',
			'mr.below': 'Các đơn vị trực thuộc cộng lại: {v} (giá trị nhập ở cấp này được dùng)',
			'mr.met': 'Đạt',
			'mr.not_met': 'Chưa đạt',
			'mr.none': 'Chưa có số liệu',
			'mr.chart': 'Tỷ lệ đạt so với chỉ tiêu kế hoạch',
			'mr.chart_none': 'Chưa có chỉ tiêu nào vừa có kế hoạch vừa có kết quả trong kỳ này.',
			'mr.enter': 'Nhập',
			'mr.open': 'Chi tiết',
			'mr.back': '‹ Khung kết quả',
			'mr.def': 'Định nghĩa',
			'mr.direction.up': 'Càng cao càng tốt',
			'mr.direction.down': 'Càng thấp càng tốt',
			'mr.agg.sum': 'Cộng từ các đơn vị trực thuộc',
			'mr.agg.ratio': 'Tỷ lệ ({f})',
			'mr.agg.ratio_c': 'Tỷ lệ, tính tự động',
			'mr.agg.reduction': 'Mức giảm so với kỳ trước ({f})',
			'mr.agg.reduction_c': 'Mức giảm so với năm trước, tính tự động',
			'mr.agg.none': 'Chỉ lấy giá trị nhập của đơn vị',
			'mr.project': 'Dự án',
			'mr.basis': 'Căn cứ',
			'mr.series': 'Thực hiện và kế hoạch qua các kỳ',
			'mr.s_actual': 'Thực hiện',
			'mr.s_target': 'Kế hoạch',
			'mr.children': 'Các đơn vị trực thuộc',
			'mr.no_children': 'Không có đơn vị trực thuộc.',
			'mr.form': 'Nhập số liệu kỳ {p}',
			'mr.f_value': 'Giá trị thực hiện ({m})',
			'mr.f_target': 'Chỉ tiêu kế hoạch của đơn vị ({m})',
			'mr.f_value_hint': 'Để trống rồi lưu để xóa giá trị đã nhập.',
			'mr.f_target_hint': 'Để trống để dùng chỉ tiêu của Quyết định 90 (nếu có).',
			'mr.f_computed': 'Giá trị thực hiện được tính tự động từ kết quả rà soát hộ nghèo; chỉ nhập chỉ tiêu kế hoạch.',
			'mr.f_save': 'Lưu',
			'mr.f_saved': 'Đã lưu.',
			'mr.f_nan': 'Nhập một số, ví dụ 12 hoặc 1,5',
			'mr.f_decimals': 'Tối đa {n} chữ số thập phân',
			'mr.f_nothing': 'Chưa có gì thay đổi.',
			'mr.read_only': 'Vai trò của bạn chỉ được xem.',
			'mr.card': 'Mục tiêu giảm nghèo năm {year} (Quyết định 90/QĐ-TTg)',
			'mr.card_more': 'Xem khung kết quả',
			'imp.kind.indicator_values': 'Số liệu chỉ tiêu khung kết quả (indicator_values)'
		},
		en: {
			'mr.tab': 'Results framework',
			'mr.summary': 'Indicators, Decision 90 targets, results and achievement.',
			'mr.title': 'Results framework',
			'mr.intro': 'The programme\'s indicators (Circular 10/2022, Annex III): baseline, target, actual and achievement. Indicators marked "Automatic" are computed from the poverty review; the others are entered by the unit or added up from the units below.',
			'mr.unit': 'Unit',
			'mr.up': '↑ Back to my unit',
			'mr.year': 'Year',
			'mr.sub': 'Period',
			'mr.sub.year': 'Whole year',
			'mr.sub.S1': 'First half',
			'mr.sub.S2': 'Second half',
			'mr.sub.Q': 'Quarter {n}',
			'mr.sub.M': 'Month {n}',
			'mr.show': 'Show',
			'mr.programme': 'Programme indicators',
			'mr.projects': 'Project indicators',
			'mr.col_indicator': 'Indicator',
			'mr.col_measure': 'Unit of measure',
			'mr.col_baseline': 'Baseline',
			'mr.col_target': 'Target',
			'mr.col_actual': 'Actual',
			'mr.col_ach': 'Achievement',
			'mr.src.computed': 'Automatic',
			'mr.src.entered': 'Entered',
			'mr.src.imported': 'Imported',
			'mr.src.sum': 'Sum of {n} units',
			'mr.src.derived': 'From other indicators',
			'mr.src.catalogue': 'National figure',
			'mr.tgt.programme': 'Decision 90',
			'mr.tgt.local': 'Own target',
			'mr.below': 'The units below add up to {v} (the value entered here is used)',
			'mr.met': 'Met',
			'mr.not_met': 'Not met',
			'mr.none': 'No data',
			'mr.chart': 'Achievement against the target',
			'mr.chart_none': 'No indicator has both a target and a result for this period yet.',
			'mr.enter': 'Enter',
			'mr.open': 'Details',
			'mr.back': '‹ Results framework',
			'mr.def': 'Definition',
			'mr.direction.up': 'Higher is better',
			'mr.direction.down': 'Lower is better',
			'mr.agg.sum': 'Added up from the units below',
			'mr.agg.ratio': 'A ratio ({f})',
			'mr.agg.ratio_c': 'A ratio, computed',
			'mr.agg.reduction': 'Reduction from the period before ({f})',
			'mr.agg.reduction_c': 'Reduction from the year before, computed',
			'mr.agg.none': 'The unit\'s own entered value only',
			'mr.project': 'Project',
			'mr.basis': 'Basis',
			'mr.series': 'Actual and target over the periods',
			'mr.s_actual': 'Actual',
			'mr.s_target': 'Target',
			'mr.children': 'Units below',
			'mr.no_children': 'No units below.',
			'mr.form': 'Enter the figures of {p}',
			'mr.f_value': 'Actual value ({m})',
			'mr.f_target': 'The unit\'s own target ({m})',
			'mr.f_value_hint': 'Empty it and save to remove the value entered.',
			'mr.f_target_hint': 'Leave it empty to use Decision 90\'s target (if any).',
			'mr.f_computed': 'The actual value is computed from the poverty review; enter only the target.',
			'mr.f_save': 'Save',
			'mr.f_saved': 'Saved.',
			'mr.f_nan': 'Type a number, e.g. 12 or 1.5',
			'mr.f_decimals': 'At most {n} decimals',
			'mr.f_nothing': 'Nothing has changed.',
			'mr.read_only': 'Your role may only read.',
			'mr.card': 'Poverty-reduction targets of {year} (Decision 90/QĐ-TTg)',
			'mr.card_more': 'Open the results framework',
			'imp.kind.indicator_values': 'Results framework indicator values (indicator_values)'
		}
	});

	/* ---- small helpers ------------------------------------------------------------- */

	function num(x) {
		return x === null || x === undefined ? null : Number(x);
	}

	function fmtVal(def, v) {
		if (v === null || v === undefined) {
			return t('app.dash');
		}
		return I.fmtNum(v, def.decimals || 0);
	}

	function fmtAch(a) {
		if (!a || a.pct === null || a.pct === undefined) {
			return a ? t(a.met ? 'mr.met' : 'mr.not_met') : t('app.dash');
		}
		return I.fmtPct(a.pct);
	}

	function periodText(p) {
		var m = /^(\d{4})(?:([SQM])(\d+))?$/.exec(p || '');
		if (!m) {
			return p || '';
		}
		if (!m[2]) {
			return m[1];
		}
		var n = Number(m[3]);
		var label = m[2] === 'S' ? t('mr.sub.S' + n) : t('mr.sub.' + m[2], { n: n });
		return label + ' ' + m[1];
	}

	/* ---- the area --------------------------------------------------------------------- */

	function init(app) {
		var U = window.GNBV.ui;
		var h = U.h;
		var C = window.GNBV.charts;

		function srcBadge(v) {
			if (!v) {
				return null;
			}
			var label = v.source === 'sum' ? t('mr.src.sum', { n: v.units || 0 }) : t('mr.src.' + v.source);
			return h('span', { class: 'badge mr-src mr-src-' + v.source, dataset: { source: v.source }, text: label });
		}

		function targetText(def, tg) {
			if (!tg) {
				return t('app.dash');
			}
			if (num(tg.high) !== num(tg.low)) {
				return fmtVal(def, tg.low) + ' – ' + fmtVal(def, tg.high);
			}
			return fmtVal(def, tg.value);
		}

		function achCell(a) {
			var cell = h('td', { class: 'num mr-ach', dataset: { field: 'achievement' } });
			if (!a) {
				cell.textContent = t('app.dash');
				return cell;
			}
			cell.appendChild(h('span', { class: 'mr-ach-text ' + (a.met ? 'mr-met' : 'mr-not-met'), text: fmtAch(a) }));
			if (a.pct !== null && a.pct !== undefined) {
				var pct = Math.max(0, Math.min(100, Number(a.pct)));
				var meter = h('meter', { class: 'mr-meter', min: '0', max: '100', low: '99.99', optimum: '100', value: String(pct), 'aria-hidden': 'true' });
				cell.appendChild(meter);
			}
			return cell;
		}

		/* The period chosen: a year select and a sub-period select. */
		function periodControls(period) {
			var m = /^(\d{4})(.*)$/.exec(period) || [null, String(app.thisYear()), ''];
			var years = app.yearRange();
			if (years.indexOf(Number(m[1])) < 0) {
				years.unshift(Number(m[1]));
			}
			var yearSel = U.select({ id: 'mr-year', name: 'year' }, years.map(function (y) {
				return { value: y, label: String(y) };
			}), m[1]);
			var subs = [{ value: '', label: t('mr.sub.year') }, { value: 'S1', label: t('mr.sub.S1') },
				{ value: 'S2', label: t('mr.sub.S2') }];
			for (var q = 1; q <= 4; q++) {
				subs.push({ value: 'Q' + q, label: t('mr.sub.Q', { n: q }) });
			}
			for (var mo = 1; mo <= 12; mo++) {
				subs.push({ value: 'M' + (mo < 10 ? '0' : '') + mo, label: t('mr.sub.M', { n: mo }) });
			}
			var subSel = U.select({ id: 'mr-sub', name: 'sub' }, subs, m[2] || '');
			return {
				year: yearSel,
				sub: subSel,
				value: function () {
					return yearSel.value + subSel.value;
				}
			};
		}

		/* The unit picker: the unit shown and the units right below it. */
		async function unitPicker(ctx, data, onPick) {
			var me = app.me() || {};
			var own = me.unit_code === '*' ? '' : (me.unit_code || '');
			var cur = data.unit || {};
			var sel = U.select({ id: 'mr-unit', name: 'unit' }, [{ value: cur.code, label: cur.name }], cur.code);
			var wrap = h('div', { class: 'field' }, [h('label', { for: 'mr-unit', text: t('mr.unit') }), sel]);
			if (cur.code !== own) {
				wrap.appendChild(h('a', { href: app.hashFor('/me/results', { period: data.period }), id: 'mr-up', class: 'small', text: t('mr.up') }));
			}
			sel.addEventListener('change', function () {
				onPick(sel.value);
			});
			try {
				var q = { asof: data.asof };
				if (cur.code) {
					q.parent = cur.code;
				}
				var kids = await app.api('GET', '/units', null, { query: q });
				if (ctx.alive()) {
					(kids.units || []).forEach(function (u) {
						if (u.code !== cur.code) {
							sel.appendChild(h('option', { value: u.code, text: '— ' + u.name }));
						}
					});
				}
			} catch (e) {
				/* the picker keeps the unit shown */
			}
			return wrap;
		}

		/* ===== the list ===================================================================== */

		async function viewResults(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			root.appendChild(h('h1', { text: t('mr.title') }));
			root.appendChild(app.meTabs('results'));
			root.appendChild(h('p', { class: 'muted small', text: t('mr.intro') }));
			var box = h('div', { id: 'mr-box', 'aria-live': 'polite' });
			root.appendChild(box);
			app.loading(box);
			var data = await app.api('GET', '/me/results', null, { query: { unit: q.unit, period: q.period } });
			if (!ctx.alive()) {
				return;
			}
			U.clear(box);
			var pc = periodControls(data.period);
			function show(unit) {
				app.go('/me/results', { unit: unit, period: pc.value() });
			}
			var picker = await unitPicker(ctx, data, show);
			if (!ctx.alive()) {
				return;
			}
			box.appendChild(h('form', { class: 'card controls', id: 'mr-controls', on: { submit: function (ev) {
				ev.preventDefault();
				show(data.unit.code);
			} } }, [
				picker,
				U.field(t('mr.year'), pc.year),
				U.field(t('mr.sub'), pc.sub),
				h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'mr-show', text: t('mr.show') }))
			]));

			var rows = data.indicators || [];
			/* the chart: achievement of every indicator that has one */
			var chartBox = h('div', { class: 'chart-box', id: 'mr-chart' });
			box.appendChild(h('section', { class: 'card' }, [h('h2', { text: t('mr.chart') + ' — ' + data.unit.name + ', ' + periodText(data.period) }), chartBox]));
			var items = rows.filter(function (r) {
				return r.achievement && r.achievement.pct !== null;
			}).map(function (r) {
				return {
					label: r.name, value: num(r.achievement.pct), cls: r.achievement.met ? 'c-good' : 'c-poor',
					title: r.name + ' (' + fmtVal(r, r.actual && r.actual.value) + ' / ' + targetText(r, r.target) + ')',
					row: r
				};
			});
			C.bar(chartBox, items, {
				ariaLabel: t('mr.chart'),
				emptyText: t('mr.chart_none'),
				format: function (v) {
					return I.fmtPct(v);
				},
				onClick: function (it) {
					app.go('/me/results/' + it.row.code, { unit: data.unit.code, period: data.period });
				}
			});

			var groups = [
				{ title: t('mr.programme'), rows: rows.filter(function (r) { return r.level !== 'project'; }) },
				{ title: t('mr.projects'), rows: rows.filter(function (r) { return r.level === 'project'; }) }
			];
			groups.forEach(function (g) {
				if (!g.rows.length) {
					return;
				}
				box.appendChild(h('section', { class: 'card' }, [
					h('h2', { text: g.title }),
					h('div', { class: 'table-wrap' }, h('table', { class: 'data wide mr-table' }, [
						h('thead', null, h('tr', null, [
							h('th', { scope: 'col', text: t('mr.col_indicator') }),
							h('th', { scope: 'col', text: t('mr.col_measure') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_baseline') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_target') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_actual') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_ach') }),
							h('th', { scope: 'col', text: '' })
						])),
						h('tbody', null, g.rows.map(function (r) {
							return rowOf(r, data);
						}))
					]))
				]));
			});
		}

		function rowOf(r, data) {
			var href = app.hashFor('/me/results/' + r.code, { unit: data.unit.code, period: data.period });
			var actual = h('td', { class: 'num', dataset: { field: 'actual' } }, [
				h('span', { class: 'mr-value', text: fmtVal(r, r.actual && r.actual.value) }), ' ', srcBadge(r.actual)
			]);
			if (r.below) {
				actual.appendChild(h('div', { class: 'small muted mr-below', text: t('mr.below', { v: fmtVal(r, r.below.value) }) }));
			}
			var target = h('td', { class: 'num', dataset: { field: 'target' } }, [
				h('span', { text: targetText(r, r.target) }),
				r.target ? ' ' : null,
				r.target ? h('span', { class: 'badge mr-tgt mr-tgt-' + r.target.source, title: r.target.basis || '', text: t('mr.tgt.' + r.target.source) }) : null
			]);
			return h('tr', { dataset: { code: r.code } }, [
				h('th', { scope: 'row' }, [
					h('a', { href: href, text: r.name }),
					r.project ? h('span', { class: 'small muted', text: ' (' + r.project + ')' }) : null
				]),
				h('td', { text: r.measure }),
				h('td', { class: 'num', dataset: { field: 'baseline' }, title: r.baseline && r.baseline.year ? String(r.baseline.year) : '',
					text: r.baseline ? fmtVal(r, r.baseline.value) + (r.baseline.year ? ' (' + r.baseline.year + ')' : '') : t('app.dash') }),
				target,
				actual,
				achCell(r.achievement),
				h('td', null, h('a', { href: href, class: 'small', text: r.editable ? t('mr.enter') : t('mr.open') }))
			]);
		}

		/* ===== one indicator ================================================================== */

		async function viewIndicator(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			var code = ctx.params[0];
			root.appendChild(app.meTabs('results'));
			var box = h('div', { id: 'mi-box', 'aria-live': 'polite' });
			root.appendChild(box);
			app.loading(box);
			var data = await app.api('GET', '/me/indicators/' + encodeURIComponent(code), null, { query: { unit: q.unit, period: q.period } });
			if (!ctx.alive()) {
				return;
			}
			render(data, null);

			function render(d, flash) {
				var def = d.indicator;
				U.clear(box);
				box.appendChild(h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/results', { unit: d.unit.code, period: d.period }), text: t('mr.back') })));
				box.appendChild(h('h1', { id: 'mi-title', text: def.name }));
				box.appendChild(h('p', { class: 'muted', text: d.unit.name + ' — ' + periodText(d.period) }));

				/* the figures of the period */
				function kpi(label, value, sub, cls, field) {
					return h('div', { class: 'kpi ' + (cls || ''), dataset: { field: field } }, [
						h('div', { class: 'kpi-label', text: label }),
						h('div', { class: 'kpi-value', text: value }),
						sub ? h('div', { class: 'kpi-sub' }, sub) : null
					]);
				}
				var a = def.achievement;
				box.appendChild(h('div', { class: 'kpis', id: 'mi-kpis' }, [
					kpi(t('mr.col_actual'), fmtVal(def, def.actual && def.actual.value), srcBadge(def.actual), '', 'actual'),
					kpi(t('mr.col_target'), targetText(def, def.target),
						def.target ? h('span', { class: 'badge mr-tgt mr-tgt-' + def.target.source, text: t('mr.tgt.' + def.target.source) }) : null, '', 'target'),
					kpi(t('mr.col_ach'), fmtAch(a), a ? t(a.met ? 'mr.met' : 'mr.not_met') : null,
						a ? (a.met ? 'kpi-good' : 'kpi-poor') : '', 'achievement'),
					kpi(t('mr.col_baseline'), def.baseline ? fmtVal(def, def.baseline.value) : t('app.dash'),
						def.baseline && def.baseline.year ? String(def.baseline.year) : null, '', 'baseline')
				]));
				if (def.below) {
					box.appendChild(h('p', { class: 'small muted mr-below', text: t('mr.below', { v: fmtVal(def, def.below.value) }) }));
				}

				var grid = h('div', { class: 'grid2' });
				box.appendChild(grid);
				grid.appendChild(entryCard(d, flash));
				grid.appendChild(defCard(def));

				/* actual vs target over the periods */
				var series = d.series || [];
				var chartBox = h('div', { class: 'chart-box', id: 'mi-chart' });
				box.appendChild(h('section', { class: 'card' }, [h('h2', { text: t('mr.series') }), chartBox]));
				C.line(chartBox, series.map(function (s) {
					return s.period;
				}), [
					{ name: t('mr.s_actual'), cls: 'c-actual', values: series.map(function (s) { return s.actual ? num(s.actual.value) : null; }) },
					{ name: t('mr.s_target'), cls: 'c-target', values: series.map(function (s) { return s.target ? num(s.target.value) : null; }) }
				], {
					ariaLabel: t('mr.series'),
					xFormat: periodText,
					format: function (v) {
						return I.fmtNum(v, def.decimals || 0);
					}
				});

				/* the units below */
				var kids = d.children || [];
				var kidBox = h('section', { class: 'card', id: 'mi-children' }, h('h2', { text: t('mr.children') }));
				box.appendChild(kidBox);
				if (!kids.length) {
					kidBox.appendChild(h('p', { class: 'muted', text: t('mr.no_children') }));
				} else {
					kidBox.appendChild(h('div', { class: 'table-wrap mr-scroll' }, h('table', { class: 'data wide' }, [
						h('thead', null, h('tr', null, [
							h('th', { scope: 'col', text: t('mr.unit') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_target') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_actual') }),
							h('th', { scope: 'col', class: 'num', text: t('mr.col_ach') })
						])),
						h('tbody', null, kids.map(function (k) {
							return h('tr', { dataset: { code: k.code } }, [
								h('th', { scope: 'row' }, h('a', { href: app.hashFor('/me/results/' + def.code, { unit: k.code, period: d.period }), text: k.name })),
								h('td', { class: 'num', text: targetText(def, k.target) }),
								h('td', { class: 'num' }, [fmtVal(def, k.actual && k.actual.value), ' ', srcBadge(k.actual)]),
								achCell(k.achievement)
							]);
						}))
					])));
				}
			}

			function defCard(def) {
				var how;
				if (def.aggregation === 'ratio') {
					how = def.computed ? t('mr.agg.ratio_c') : t('mr.agg.ratio', { f: def.formula || '' });
				} else if (def.aggregation === 'reduction') {
					how = def.computed ? t('mr.agg.reduction_c') : t('mr.agg.reduction', { f: def.formula || '' });
				} else {
					how = t('mr.agg.' + def.aggregation);
				}
				var items = [
					[t('mr.col_measure'), def.measure],
					['', t('mr.direction.' + def.direction)],
					['', how]
				];
				if (def.project) {
					items.push([t('mr.project'), def.project]);
				}
				if (def.target && def.target.basis) {
					items.push([t('mr.basis'), def.target.basis]);
				}
				return h('section', { class: 'card', id: 'mi-def' }, [
					h('h2', { text: t('mr.def') }),
					h('p', { text: def.note }),
					h('ul', { class: 'small' }, items.map(function (it) {
						return h('li', null, [it[0] ? h('strong', { text: it[0] + ': ' }) : null, it[1]]);
					}))
				]);
			}

			/* The entry form: the actual value (unless computed) and the unit's
			 * own target for the period. */
			function entryCard(d, flash) {
				var def = d.indicator;
				var card = h('section', { class: 'card', id: 'mi-entry' }, h('h2', { text: t('mr.form', { p: periodText(d.period) }) }));
				if (!def.editable) {
					card.appendChild(h('p', { class: 'muted', text: t('mr.read_only') }));
					return card;
				}
				var stored = def.stored || {};
				var box = h('div', { class: 'msg', id: 'mi-msg', role: 'status', hidden: true });
				var errs = {};
				var controls = {};
				function input(name, value) {
					var el = h('input', {
						type: 'text', inputmode: 'decimal', autocomplete: 'off', id: 'mi-' + name, name: name,
						value: value === null || value === undefined ? '' : I.fmtNum(value, def.decimals || 0).replace(/\./g, I.getLang() === 'vi' ? '' : '.'),
						'aria-describedby': 'mi-err-' + name
					});
					controls[name] = el;
					errs[name] = h('p', { class: 'field-error', id: 'mi-err-' + name, role: 'alert', hidden: true });
					return el;
				}
				function setError(name, msg) {
					errs[name].textContent = msg || '';
					errs[name].hidden = !msg;
					if (msg) {
						controls[name].setAttribute('aria-invalid', 'true');
					} else {
						controls[name].removeAttribute('aria-invalid');
					}
					errs[name].parentNode.classList.toggle('invalid', !!msg);
				}
				var fields = [];
				if (def.computed) {
					fields.push(h('p', { class: 'small muted', text: t('mr.f_computed') }));
				} else {
					fields.push(h('div', { class: 'field' }, [
						h('label', { for: 'mi-value', text: t('mr.f_value', { m: def.measure }) }),
						input('value', num(stored.value)),
						h('p', { class: 'hint', text: t('mr.f_value_hint') }),
						null
					]));
					fields[fields.length - 1].appendChild(errs.value);
				}
				var tf = h('div', { class: 'field' }, [
					h('label', { for: 'mi-target', text: t('mr.f_target', { m: def.measure }) }),
					input('target', num(stored.target)),
					h('p', { class: 'hint', text: t('mr.f_target_hint') })
				]);
				tf.appendChild(errs.target);
				fields.push(tf);
				var save = h('button', { type: 'submit', class: 'primary', id: 'mi-save', text: t('mr.f_save') });
				var form = h('form', { id: 'mi-form', novalidate: true }, [fields, h('div', { class: 'actions' }, save), box]);
				card.appendChild(form);
				if (flash) {
					box.className = 'msg msg-ok';
					box.textContent = flash;
					box.hidden = false;
				}

				/* "1,5" -> "1.5"; null for empty; false when not a number */
				function read(name) {
					var raw = controls[name].value.trim();
					if (raw === '') {
						return null;
					}
					var n = I.parseNum(raw);
					if (n === null || !isFinite(n)) {
						setError(name, t('mr.f_nan'));
						return false;
					}
					var dec = def.decimals || 0;
					var s = String(n);
					var frac = s.indexOf('.') >= 0 ? s.split('.')[1].length : 0;
					if (/e/i.test(s) || frac > dec) {
						setError(name, t('mr.f_decimals', { n: dec }));
						return false;
					}
					return n.toFixed(dec);
				}

				form.addEventListener('submit', async function (ev) {
					ev.preventDefault();
					box.hidden = true;
					Object.keys(controls).forEach(function (k) {
						setError(k, '');
					});
					var body = { indicator: def.code, unit_code: d.unit.code, period: d.period };
					var bad = false;
					var changed = false;
					Object.keys(controls).forEach(function (k) {
						var v = read(k);
						if (v === false) {
							bad = true;
							return;
						}
						var old = stored[k];
						var same = (v === null && (old === null || old === undefined)) ||
							(v !== null && old !== null && old !== undefined && Number(v) === Number(old));
						if (!same) {
							body[k] = v;
							changed = true;
						}
					});
					if (bad) {
						var first = form.querySelector('[aria-invalid="true"]');
						if (first) {
							first.focus();
						}
						return;
					}
					if (!changed) {
						box.className = 'msg msg-info';
						box.textContent = t('mr.f_nothing');
						box.hidden = false;
						return;
					}
					save.disabled = true;
					try {
						await app.api('PUT', '/me/values', body);
						var fresh = await app.api('GET', '/me/indicators/' + encodeURIComponent(def.code), null, { query: { unit: d.unit.code, period: d.period } });
						if (ctx.alive()) {
							render(fresh, t('mr.f_saved'));
						}
					} catch (e) {
						if (!ctx.alive() || e.status === 401) {
							return;
						}
						var rest = [];
						var fs = (e.data && e.data.fields) || {};
						Object.keys(fs).forEach(function (k) {
							if (controls[k]) {
								setError(k, fs[k]);
							} else {
								rest.push(fs[k]);
							}
						});
						box.className = 'msg msg-error';
						box.textContent = [app.errorText(e)].concat(rest).join(' ');
						box.hidden = false;
					} finally {
						save.disabled = false;
					}
				});
				return card;
			}
		}

		/* ===== the dashboard card ============================================================== */

		async function dashboard(ctx, root, sel) {
			var data = await app.api('GET', '/me/results', null, {
				query: { unit: sel.unit || undefined, period: String(sel.year), headline: 1 }
			});
			if (!ctx.alive()) {
				return;
			}
			var rows = data.indicators || [];
			var card = h('section', { class: 'card', id: 'mr-card' }, [
				h('h2', { text: t('mr.card', { year: data.period }) })
			]);
			var table = h('table', { class: 'data mr-card-table' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', text: t('mr.col_indicator') }),
					h('th', { scope: 'col', class: 'num', text: t('mr.col_actual') }),
					h('th', { scope: 'col', class: 'num', text: t('mr.col_target') }),
					h('th', { scope: 'col', class: 'num', text: t('mr.col_ach') })
				])),
				h('tbody', null, rows.map(function (r) {
					return h('tr', { dataset: { code: r.code } }, [
						h('th', { scope: 'row' }, h('a', { href: app.hashFor('/me/results/' + r.code, { unit: data.unit.code, period: data.period }), text: r.name })),
						h('td', { class: 'num', dataset: { field: 'actual' }, text: r.actual ? fmtVal(r, r.actual.value) + ' ' + r.measure : t('mr.none') }),
						h('td', { class: 'num', dataset: { field: 'target' }, text: targetText(r, r.target) }),
						achCell(r.achievement)
					]);
				}))
			]);
			card.appendChild(h('div', { class: 'table-wrap' }, table));
			card.appendChild(h('p', { class: 'small' }, h('a', { href: app.hashFor('/me/results', { unit: data.unit.code, period: data.period }), text: t('mr.card_more') })));
			U.clear(root).appendChild(card);
		}

		return {
			routes: [
				{ re: /^\/me\/results$/, view: viewResults },
				{ re: /^\/me\/results\/([A-Za-z0-9_.]+)$/, view: viewIndicator }
			],
			dashboard: dashboard
		};
	}

	window.GNBV.me.register({
		id: 'results',
		order: 2,
		title: 'mr.tab',
		summary: 'mr.summary',
		href: '#/me/results',
		init: init
	});
})();
