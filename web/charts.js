/*
 * charts.js - hand-written SVG charts for the gnbv web UI (no library).
 *
 *   GNBV.charts.bar(el, items, opts)            horizontal bars
 *   GNBV.charts.line(el, xs, series, opts)      lines over years
 *   GNBV.charts.stacked(el, items, series, opts) horizontal stacked bars
 *
 * Each draws into the container el at its current width and redraws when
 * the window is resized. Colours come from CSS classes (style.css), never
 * from style attributes (the Content Security Policy forbids them). Every
 * mark carries a <title> so a pointer shows the exact figure.
 *
 * Plain ES2017, no modules: exposes window.GNBV.charts.
 */
(function () {
	'use strict';

	var SVGNS = 'http://www.w3.org/2000/svg';
	var CHAR_W = 6.6; /* average width of a 12px character, for truncation */

	function i18n() {
		return window.GNBV.i18n;
	}

	function svgEl(tag, attrs, text) {
		var el = document.createElementNS(SVGNS, tag);
		if (attrs) {
			Object.keys(attrs).forEach(function (k) {
				if (attrs[k] !== undefined && attrs[k] !== null) {
					el.setAttribute(k, String(attrs[k]));
				}
			});
		}
		if (text !== undefined && text !== null) {
			el.textContent = String(text);
		}
		return el;
	}

	function withTitle(el, text) {
		el.appendChild(svgEl('title', null, text));
		return el;
	}

	function clear(el) {
		while (el.firstChild) {
			el.removeChild(el.firstChild);
		}
	}

	function truncate(label, width) {
		var s = String(label === undefined || label === null ? '' : label);
		var max = Math.max(3, Math.floor(width / CHAR_W));
		return s.length <= max ? s : s.slice(0, max - 1) + '…';
	}

	/* A round upper bound and tick step for an axis from 0 to max. */
	function niceScale(max, ticks) {
		if (!(max > 0)) {
			return { max: 1, step: 0.25 };
		}
		var n = ticks || 4;
		var raw = max / n;
		var mag = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
		var steps = [1, 2, 2.5, 5, 10];
		var step = mag * 10;
		for (var i = 0; i < steps.length; i++) {
			if (mag * steps[i] >= raw) {
				step = mag * steps[i];
				break;
			}
		}
		return { max: step * Math.ceil(max / step - 1e-9), step: step };
	}

	function num(v) {
		var n = i18n().toNumber(v);
		return n === null ? 0 : n;
	}

	function emptyNote(el, text) {
		var p = document.createElement('p');
		p.className = 'chart-empty';
		p.textContent = text || i18n().t('app.nodata');
		el.appendChild(p);
	}

	function legend(series) {
		var ul = document.createElement('ul');
		ul.className = 'chart-legend';
		series.forEach(function (s) {
			var li = document.createElement('li');
			var sw = document.createElement('span');
			sw.className = 'swatch ' + (s.cls || '');
			sw.setAttribute('aria-hidden', 'true');
			li.appendChild(sw);
			li.appendChild(document.createTextNode(s.name));
			ul.appendChild(li);
		});
		return ul;
	}

	/* ---- redraw on resize --------------------------------------------------- */

	var drawn = [];
	var resizeTimer = null;

	function register(el, draw) {
		el.gnbvDraw = draw;
		if (drawn.indexOf(el) < 0) {
			drawn.push(el);
		}
		draw();
	}

	window.addEventListener('resize', function () {
		if (resizeTimer) {
			clearTimeout(resizeTimer);
		}
		resizeTimer = setTimeout(function () {
			drawn = drawn.filter(function (el) {
				return document.body.contains(el);
			});
			drawn.forEach(function (el) {
				if (el.gnbvDraw && el.clientWidth !== el.gnbvWidth) {
					el.gnbvDraw();
				}
			});
		}, 150);
	});

	function widthOf(el) {
		var w = el.clientWidth || (el.parentNode && el.parentNode.clientWidth) || 600;
		el.gnbvWidth = el.clientWidth;
		return Math.max(240, w);
	}

	/* ---- horizontal bars ------------------------------------------------------ */

	/*
	 * items: [{label, value, title?}]; opts: {format(v), ariaLabel, cls,
	 * onClick(item)}. Bars are drawn in the order given.
	 */
	function bar(el, items, opts) {
		opts = opts || {};
		register(el, function () {
			clear(el);
			if (!items || items.length === 0) {
				emptyNote(el, opts.emptyText);
				return;
			}
			var fmt = opts.format || function (v) {
				return i18n().fmtNum(v);
			};
			var tfmt = opts.tickFormat || function (v) {
				return i18n().fmtNum(v, Math.abs(v - Math.round(v)) < 1e-9 ? 0 : 1);
			};
			var W = widthOf(el);
			var labelW = Math.min(Math.round(W * 0.38), 210);
			var valueW = 64;
			var rowH = 22;
			var barH = 15;
			var top = 4;
			var axisH = 22;
			var plotW = Math.max(40, W - labelW - valueW - 8);
			var H = top + items.length * rowH + axisH;
			var max = 0;
			items.forEach(function (it) {
				max = Math.max(max, num(it.value));
			});
			var sc = niceScale(max, 4);
			var svg = svgEl('svg', {
				width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
				role: 'img', 'aria-label': opts.ariaLabel || '', class: 'chart chart-bar'
			});
			var x0 = labelW + 6;
			/* grid and axis */
			for (var v = 0; v <= sc.max + 1e-9; v += sc.step) {
				var gx = x0 + (v / sc.max) * plotW;
				svg.appendChild(svgEl('line', {
					x1: gx, x2: gx, y1: top, y2: H - axisH + 2, class: v === 0 ? 'axis' : 'grid'
				}));
				svg.appendChild(svgEl('text', {
					x: gx, y: H - 6, 'text-anchor': 'middle', class: 'tick'
				}, tfmt(v)));
			}
			items.forEach(function (it, i) {
				var y = top + i * rowH;
				var val = num(it.value);
				var w = sc.max > 0 ? (val / sc.max) * plotW : 0;
				var g = svgEl('g', { class: 'bar-row' + (opts.onClick && it.clickable !== false ? ' clickable' : '') });
				var full = (it.title || it.label) + ': ' + fmt(it.value);
				withTitle(g, full);
				g.appendChild(svgEl('text', {
					x: labelW, y: y + barH - 3, 'text-anchor': 'end', class: 'label'
				}, truncate(it.label, labelW)));
				g.appendChild(svgEl('rect', {
					x: x0, y: y, width: Math.max(w, val > 0 ? 1 : 0), height: barH,
					class: 'bar ' + (it.cls || opts.cls || 'c-poor')
				}));
				g.appendChild(svgEl('text', {
					x: x0 + w + 4, y: y + barH - 3, class: 'value'
				}, fmt(it.value)));
				if (opts.onClick && it.clickable !== false) {
					g.addEventListener('click', function () {
						opts.onClick(it);
					});
				}
				svg.appendChild(g);
			});
			el.appendChild(svg);
		});
	}

	/* ---- lines over years -------------------------------------------------------- */

	/*
	 * xs: [2022, 2023, ...]; series: [{name, values: [..], cls}]; opts:
	 * {format(v), xFormat(x), ariaLabel}.
	 */
	function line(el, xs, series, opts) {
		opts = opts || {};
		register(el, function () {
			clear(el);
			if (!xs || xs.length === 0) {
				emptyNote(el, opts.emptyText);
				return;
			}
			var fmt = opts.format || function (v) {
				return i18n().fmtNum(v);
			};
			var xfmt = opts.xFormat || String;
			var W = widthOf(el);
			var H = opts.height || 220;
			var m = { l: 52, r: 18, t: 12, b: 26 };
			var pw = W - m.l - m.r;
			var ph = H - m.t - m.b;
			var max = 0;
			series.forEach(function (s) {
				s.values.forEach(function (v) {
					max = Math.max(max, num(v));
				});
			});
			var sc = niceScale(max, 4);
			var svg = svgEl('svg', {
				width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
				role: 'img', 'aria-label': opts.ariaLabel || '', class: 'chart chart-line'
			});
			function X(i) {
				return xs.length === 1 ? m.l + pw / 2 : m.l + (i / (xs.length - 1)) * pw;
			}
			function Y(v) {
				return m.t + ph - (num(v) / sc.max) * ph;
			}
			for (var v = 0; v <= sc.max + 1e-9; v += sc.step) {
				svg.appendChild(svgEl('line', {
					x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v), class: v === 0 ? 'axis' : 'grid'
				}));
				svg.appendChild(svgEl('text', {
					x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'tick'
				}, fmt(v)));
			}
			xs.forEach(function (x, i) {
				svg.appendChild(svgEl('text', {
					x: X(i), y: H - 8, 'text-anchor': 'middle', class: 'tick'
				}, xfmt(x)));
			});
			series.forEach(function (s) {
				var pts = [];
				s.values.forEach(function (val, i) {
					if (val !== null && val !== undefined) {
						pts.push(X(i).toFixed(1) + ',' + Y(val).toFixed(1));
					}
				});
				svg.appendChild(svgEl('polyline', { points: pts.join(' '), class: 'line ' + (s.cls || '') }));
				s.values.forEach(function (val, i) {
					if (val === null || val === undefined) {
						return;
					}
					var c = svgEl('circle', { cx: X(i), cy: Y(val), r: 4, class: 'dot ' + (s.cls || '') });
					withTitle(c, s.name + ' ' + xfmt(xs[i]) + ': ' + fmt(val));
					svg.appendChild(c);
				});
			});
			el.appendChild(svg);
			el.appendChild(legend(series));
		});
	}

	/* ---- horizontal stacked bars ---------------------------------------------------- */

	/*
	 * items: [{label, values: [a, b, ...], titles?: [..]}]; series: [{name,
	 * cls}] in the order of values; opts: {format(v), ariaLabel}. The label
	 * is written above its bar so that long indicator names stay readable
	 * on a phone.
	 */
	function stacked(el, items, series, opts) {
		opts = opts || {};
		register(el, function () {
			clear(el);
			if (!items || items.length === 0) {
				emptyNote(el, opts.emptyText);
				return;
			}
			var fmt = opts.format || function (v) {
				return i18n().fmtNum(v);
			};
			var W = widthOf(el);
			var labelH = 15;
			var barH = 13;
			var rowH = labelH + barH + 8;
			var valueW = 60;
			var plotW = W - valueW - 4;
			var H = items.length * rowH + 4;
			var max = 0;
			items.forEach(function (it) {
				var sum = 0;
				it.values.forEach(function (v) {
					sum += num(v);
				});
				max = Math.max(max, sum);
			});
			var svg = svgEl('svg', {
				width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
				role: 'img', 'aria-label': opts.ariaLabel || '', class: 'chart chart-stacked'
			});
			items.forEach(function (it, i) {
				var y = i * rowH + 2;
				var g = svgEl('g', { class: 'bar-row' });
				var total = 0;
				var parts = [];
				it.values.forEach(function (v, j) {
					total += num(v);
					parts.push(series[j].name + ': ' + (it.titles ? it.titles[j] : fmt(v)));
				});
				withTitle(g, it.label + '\n' + parts.join('\n'));
				g.appendChild(svgEl('text', { x: 0, y: y + labelH - 4, class: 'label' }, truncate(it.label, W)));
				var x = 0;
				it.values.forEach(function (v, j) {
					var w = max > 0 ? (num(v) / max) * plotW : 0;
					g.appendChild(svgEl('rect', {
						x: x, y: y + labelH, width: w, height: barH, class: 'bar ' + (series[j].cls || '')
					}));
					x += w;
				});
				g.appendChild(svgEl('text', { x: x + 4, y: y + labelH + barH - 2, class: 'value' }, fmt(total)));
				svg.appendChild(g);
			});
			el.appendChild(svg);
			el.appendChild(legend(series));
		});
	}

	window.GNBV = window.GNBV || {};
	window.GNBV.charts = { bar: bar, line: line, stacked: stacked, niceScale: niceScale };
})();
