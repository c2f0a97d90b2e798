/*
 * rounds.js - the review workflow pages (docs/api.md, "Review workflow"):
 *
 *   #/rounds?year=2025&kind=periodic   the rounds of the user's area, and
 *                                      "Mở đợt rà soát" for those who run them
 *   #/rounds/ID                        a round: its steps, deadlines, the
 *                                      actions the server allows the caller,
 *                                      complaints, tallies, history
 *   #/applications?household=X         households' applications (Form 01 /
 *                                      Form 04): list and registration
 *
 * The server decides: the round JSON lists the actions the caller may take
 * now (with their fields); the page offers exactly those, checks what it
 * can before sending (inline), and puts the server's 422 messages next to
 * the fields and its 409/403 answers in the form.
 *
 * Loaded before app.js, which calls GNBV.rounds.init(helpers) and routes
 * to the views returned. Plain ES2017, no modules; no innerHTML, no inline
 * style or handler (Content Security Policy default-src 'self').
 */
(function () {
	'use strict';

	var PERIODIC_STEPS = ['list', 'survey', 'meeting', 'posting', 'approve', 'certified'];
	var REGULAR_STEPS = ['open', 'approve', 'approved'];
	/* the step of the bar each state is at */
	var PERIODIC_AT = { list: 0, survey: 1, meeting: 3, posting: 3, recheck: 3, approved: 5 };
	var REGULAR_AT = { open: 0, approved: 2 };
	var CLASSES = ['POOR', 'NEAR_POOR', 'AVERAGE', 'NOT_POOR'];
	var TRANSITIONS = ['new_poor', 're_poor', 'near_to_poor', 'remain_poor', 'escaped_poor',
		'poor_to_near', 'new_near', 're_near', 'remain_near', 'escaped_near'];

	function init(app) {
		var I = window.GNBV.i18n;
		var t = I.t;
		var U = window.GNBV.ui;
		var h = U.h;

		function label(prefix, key, fallback) {
			return I.has(prefix + key) ? t(prefix + key) : (fallback || key || t('app.dash'));
		}

		function stateLabel(s, fallback) {
			return label('rd.state.', s, fallback);
		}

		function kindText(r) {
			var k = label('rd.kind.', r.kind);
			return r.kind === 'regular' && r.month ? k + ', ' + t('rd.month_of', { month: r.month, year: r.year }) : k;
		}

		function stateBadge(r) {
			return h('span', { class: 'badge badge-state state-' + r.state, dataset: { state: r.state },
				text: r.state_label || stateLabel(r.state) });
		}

		function roundTitle(r) {
			var unit = r.unit_name || r.unit_code;
			return r.kind === 'regular'
				? t('rd.page_regular', { month: r.month, year: r.year, unit: unit })
				: t('rd.page_periodic', { year: r.year, unit: unit });
		}

		function tabs(active) {
			return h('nav', { class: 'tabs', 'aria-label': t('rd.title') }, [
				h('a', { href: '#/rounds', id: 'tab-rounds', text: t('rd.tab_rounds'), 'aria-current': active === 'rounds' ? 'page' : null }),
				h('a', { href: '#/applications', id: 'tab-apps', text: t('rd.tab_apps'), 'aria-current': active === 'apps' ? 'page' : null })
			]);
		}

		/* ---- a form field with its error slot -------------------------------------- */

		/*
		 * A small form kit: fields by name, each with an error <p> next to
		 * it; setError(name, msg) marks the control; showErrors(fields) puts
		 * the server's 422 messages next to their fields (the others in the
		 * form's message box).
		 */
		function formKit(prefix) {
			var kit = { controls: {}, errs: {}, box: null };
			kit.box = h('div', { class: 'msg msg-error', id: prefix + '-error', role: 'alert', hidden: true });
			kit.field = function (name, labelText, control, hint) {
				control.id = prefix + '-' + name;
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
				var c = kit.controls[name];
				if (!p) {
					return false;
				}
				p.textContent = msg || '';
				p.hidden = !msg;
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
			/* The server's 422 fields: next to theirs, the rest in the box. */
			kit.showFields = function (e, intro) {
				var rest = [];
				var fields = (e.data && e.data.fields) || {};
				Object.keys(fields).forEach(function (k) {
					if (!kit.setError(k, fields[k])) {
						rest.push(k + ': ' + fields[k]);
					}
				});
				kit.message([intro || app.serverText(e.data) || t('rd.err_invalid')].concat(rest));
				kit.focusFirst();
			};
			return kit;
		}

		function dateInput(value) {
			return h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy',
				value: value ? I.fmtDate(value) : '', class: 'date-input' });
		}

		/* ===== the list of rounds ====================================================== */

		async function viewRounds(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			var me = app.me();
			var years = app.yearRange();

			root.appendChild(h('h1', { text: t('rd.title') }));
			root.appendChild(tabs('rounds'));
			root.appendChild(h('p', { class: 'muted small', text: t('rd.intro') }));

			if (app.can('manage_rounds')) {
				root.appendChild(openForm(me, years));
			}

			var yearSel = U.select({ id: 'rd-filter-year', name: 'year' }, [{ value: '', label: t('rd.year_any') }].concat(
				years.map(function (y) {
					return { value: y, label: String(y) };
				})), q.year || '');
			var kindSel = U.select({ id: 'rd-filter-kind', name: 'kind' }, [
				{ value: '', label: t('rd.kind_any') },
				{ value: 'periodic', label: t('rd.kind.periodic') },
				{ value: 'regular', label: t('rd.kind.regular') }
			], q.kind || '');
			var out = h('div', { id: 'rd-list-box', 'aria-live': 'polite' });
			[yearSel, kindSel].forEach(function (s) {
				s.addEventListener('change', function () {
					history.replaceState(null, '', app.hashFor('/rounds', { year: yearSel.value, kind: kindSel.value }));
					load();
				});
			});
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('rd.tab_rounds') }),
				h('form', { class: 'controls', on: { submit: function (ev) {
					ev.preventDefault();
				} } }, [U.field(t('rd.filter_year'), yearSel), U.field(t('rd.filter_kind'), kindSel)]),
				out
			]));

			async function load() {
				out.setAttribute('aria-busy', 'true');
				try {
					var data = await app.api('GET', '/rounds', null, { query: { year: yearSel.value, kind: kindSel.value } });
					if (ctx.alive()) {
						renderList(data.rounds || []);
					}
				} catch (e) {
					if (ctx.alive() && e.status !== 401) {
						U.clear(out).appendChild(U.message('error', app.errorText(e)));
					}
				} finally {
					out.removeAttribute('aria-busy');
				}
			}

			function renderList(rounds) {
				U.clear(out);
				if (!rounds.length) {
					out.appendChild(h('p', { class: 'muted', id: 'rd-none', text: t('rd.none') }));
					return;
				}
				out.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'rd-list' }, [
					h('thead', null, h('tr', null, ['rd.col_unit', 'rd.col_year', 'rd.col_kind', 'rd.col_state',
						'rd.col_meeting', 'rd.col_posting', 'rd.col_decision'].map(function (k) {
						return h('th', { scope: 'col', text: t(k) });
					}))),
					h('tbody', null, rounds.map(function (r) {
						var href = '#/rounds/' + r.id;
						var tr = h('tr', { class: 'clickable', dataset: { id: r.id, state: r.state } }, [
							h('th', { scope: 'row' }, h('a', { href: href, text: r.unit_name || r.unit_code })),
							h('td', { text: String(r.year) }),
							h('td', { text: kindText(r) }),
							h('td', null, stateBadge(r)),
							h('td', { class: 'nowrap', text: r.meeting_date ? I.fmtDate(r.meeting_date) : t('app.dash') }),
							h('td', { class: 'nowrap', text: r.posting_start ? I.fmtDate(r.posting_start) + ' – ' + I.fmtDate(r.posting_end) : t('app.dash') }),
							h('td', { text: r.decision_no ? t('rd.f_decision_value', { no: r.decision_no, date: I.fmtDate(r.decision_date) }) : t('app.dash') })
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

		/* "Mở đợt rà soát": the caller's commune, a year, a kind (and a month). */
		function openForm(me, years) {
			var kit = formKit('rd-open');
			var thisYear = app.thisYear();
			var yearSel = U.select({ name: 'year' }, years.concat(years.indexOf(thisYear) < 0 ? [thisYear] : []).map(function (y) {
				return { value: y, label: String(y) };
			}), thisYear);
			var kindSel = U.select({ name: 'kind' }, ['periodic', 'regular'].map(function (k) {
				return { value: k, label: t('rd.kind.' + k) };
			}), 'periodic');
			var months = [];
			for (var m = 1; m <= 12; m++) {
				months.push({ value: m, label: String(m) });
			}
			var monthSel = U.select({ name: 'month' }, months, new Date().getMonth() + 1);
			var unitOut = h('output', { class: 'field-value', text: (me.unit_name || '') + ' (' + me.unit_code + ')' });
			var monthField = kit.field('month', t('rd.open_month'), monthSel);
			var btn = h('button', { type: 'submit', class: 'primary', id: 'rd-open-submit', text: t('rd.open_submit') });
			function syncMonth() {
				monthField.hidden = kindSel.value !== 'regular';
			}
			kindSel.addEventListener('change', syncMonth);
			syncMonth();
			var form = h('form', { class: 'card', id: 'rd-open', novalidate: true }, [
				h('h2', { text: t('rd.open_title') }),
				h('div', { class: 'controls' }, [
					kit.field('unit_code', t('rd.open_unit'), unitOut),
					kit.field('year', t('rd.open_year'), yearSel),
					kit.field('kind', t('rd.open_kind'), kindSel),
					monthField,
					h('div', { class: 'field' }, btn)
				]),
				kit.box
			]);
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				var body = { unit_code: me.unit_code, year: Number(yearSel.value), kind: kindSel.value };
				if (kindSel.value === 'regular') {
					body.month = Number(monthSel.value);
				}
				btn.disabled = true;
				btn.textContent = t('rd.open_busy');
				try {
					var res = await app.api('POST', '/rounds', body);
					location.hash = '#/rounds/' + res.round.id;
				} catch (e) {
					if (e.status === 401) {
						return;
					}
					if (e.status === 422) {
						kit.showFields(e);
					} else if (e.status === 409 && e.data && e.data.id) {
						kit.message([app.serverText(e.data) || t('rd.open_exists'),
							h('p', null, h('a', { href: '#/rounds/' + e.data.id, id: 'rd-open-existing', text: t('rd.open_exists_link') }))]);
					} else {
						kit.message([app.errorText(e)]);
					}
				} finally {
					btn.disabled = false;
					btn.textContent = t('rd.open_submit');
				}
			});
			return form;
		}

		/* ===== a round ===================================================================== */

		async function viewRound(ctx) {
			var root = ctx.root;
			var id = ctx.params[0];
			app.loading(root);
			var data = await app.api('GET', '/rounds/' + encodeURIComponent(id));
			if (!ctx.alive()) {
				return;
			}
			renderRound(ctx, data, null);
		}

		function renderRound(ctx, data, flash) {
			var root = ctx.root;
			var r = data.round;
			U.clear(root);
			root.appendChild(h('p', { class: 'small' }, h('a', { href: '#/rounds', text: '‹ ' + t('rd.back') })));
			root.appendChild(h('div', { class: 'page-head round-head' }, [
				h('h1', { id: 'rd-title', text: roundTitle(r) }),
				stateBadge(r)
			]));
			root.appendChild(stepBar(data));
			var flashBox = h('div', { id: 'rd-flash', 'aria-live': 'polite' });
			if (flash) {
				flashBox.appendChild(U.message(flash.kind || 'ok', flash.text));
			}
			root.appendChild(flashBox);
			root.appendChild(h('div', { class: 'grid2 round-grid' }, [
				h('section', { class: 'card', id: 'rd-info' }, [h('h2', { text: t('rd.info') }), facts(data)]),
				h('section', { class: 'card', id: 'rd-actions' }, [h('h2', { text: t('rd.actions') }), actionsBox(ctx, data)])
			]));
			if (data.tallies) {
				root.appendChild(talliesBox(data.tallies));
			}
			if (r.kind === 'regular') {
				root.appendChild(applicationsBox(data));
			} else {
				root.appendChild(complaintsBox(data));
			}
			root.appendChild(eventsBox(data));
		}

		function stepBar(data) {
			var r = data.round;
			var regular = r.kind === 'regular';
			var steps = regular ? REGULAR_STEPS : PERIODIC_STEPS;
			var at = (regular ? REGULAR_AT : PERIODIC_AT)[r.state];
			if (at === undefined) {
				at = 0;
			}
			var finished = r.state === 'approved';
			function detail(key) {
				switch (key) {
				case 'meeting':
					return r.meeting_date ? I.fmtDate(r.meeting_date) : '';
				case 'posting':
					return r.posting_start ? I.fmtDate(r.posting_start) + ' – ' + I.fmtDate(r.posting_end) : '';
				case 'approve':
					return r.decision_date ? I.fmtDate(r.decision_date) : '';
				default:
					return '';
				}
			}
			return h('ol', { class: 'steps', id: 'rd-steps', 'aria-label': t('rd.steps') }, steps.map(function (key, i) {
				var status = finished || i < at ? 'done' : (i === at ? 'current' : 'todo');
				/* the current step says where it stands (its dates, or the
				 * state when that says more: waiting, re-checking) */
				var sub = detail(key);
				if (i === at && !finished && (!sub || r.state !== key)) {
					sub = r.state_label || stateLabel(r.state);
				}
				return h('li', {
					class: 'step step-' + status, dataset: { step: key, status: status },
					'aria-current': i === at ? 'step' : null
				}, [
					h('span', { class: 'step-mark', 'aria-hidden': 'true', text: status === 'done' ? '✓' : String(i + 1) }),
					h('span', { class: 'step-body' }, [
						h('span', { class: 'step-label', text: t('rd.step.' + key) }),
						h('span', { class: 'sr-only', text: ' (' + t('rd.step_' + status) + ')' }),
						sub ? h('span', { class: 'step-sub', text: sub }) : null
					])
				]);
			}));
		}

		function facts(data) {
			var r = data.round;
			var dl = data.deadlines || {};
			var rv = data.reviews || {};
			var items = [];
			function add(key, value, attrs) {
				items.push(h('dt', { text: t(key) }));
				items.push(h('dd', attrs || null, value));
			}
			add('rd.f_unit', (r.unit_name || '') + ' (' + r.unit_code + ')');
			add('rd.f_kind', kindText(r));
			add('rd.f_state', r.state_label || stateLabel(r.state), { id: 'rd-state' });
			if (r.kind === 'regular') {
				add('rd.f_review_from', I.fmtDate(dl.review_from));
			} else {
				add('rd.f_window', I.fmtDate(dl.window_start) + ' – ' + I.fmtDate(dl.window_end));
				var pct = Number(dl.meeting_pass_percent) || 50;
				var meeting;
				if (r.meeting_date) {
					var share = r.attendees ? 100 * r.votes_for / r.attendees : 0;
					var passed = r.votes_for * 100 >= r.attendees * pct;
					meeting = [
						h('span', { text: t('rd.f_meeting_value', {
							date: I.fmtDate(r.meeting_date), votes: I.fmtNum(r.votes_for),
							attendees: I.fmtNum(r.attendees), pct: I.fmtPct(share, 0)
						}) + ': ' }),
						h('strong', { class: passed ? 'ok' : 'bad', text: t(passed ? 'rd.f_meeting_passed' : 'rd.f_meeting_failed') })
					];
				} else {
					meeting = h('span', { class: 'muted', text: t('rd.f_meeting_none') });
				}
				add('rd.f_meeting', [meeting, h('span', { class: 'hint block', text: t('rd.f_meeting_rule', { pct: I.fmtPct(pct, 0) }) })], { id: 'rd-meeting' });
				var posting;
				if (r.posting_start) {
					posting = [
						h('span', { id: 'rd-posting-dates', text: t('rd.f_posting_value', { start: I.fmtDate(r.posting_start), end: I.fmtDate(r.posting_end) }) }),
						r.postings > 1 ? h('span', { class: 'muted', text: ' (' + t('rd.f_posting_count', { n: r.postings }) + ')' }) : null
					];
				} else {
					posting = h('span', { class: 'muted', text: t('rd.f_posting_none') });
				}
				add('rd.f_posting', [posting, h('span', { class: 'hint block', text: t('rd.f_posting_rule', { n: dl.posting_working_days || 3 }) })],
					{ id: 'rd-posting', dataset: { start: r.posting_start || '', end: r.posting_end || '' } });
				if (dl.approve_from && r.state !== 'approved') {
					add('rd.f_approve_from', I.fmtDate(dl.approve_from), { id: 'rd-approve-from' });
				}
			}
			add('rd.f_decision', r.decision_no
				? t('rd.f_decision_value', { no: r.decision_no, date: I.fmtDate(r.decision_date) })
				: h('span', { class: 'muted', text: t('rd.f_decision_none') }), { id: 'rd-decision' });
			if (r.kind !== 'regular') {
				add('rd.f_certified', t(r.certified ? 'rd.f_certified_yes' : 'rd.f_certified_no'), { id: 'rd-certified' });
				add('rd.f_reviews', t('rd.f_reviews_value', { entered: I.fmtNum(rv.entered), locked: I.fmtNum(rv.locked) }), { id: 'rd-reviews' });
				add('rd.f_previous', t('rd.f_previous_value', { poor: I.fmtNum(rv.previous_poor), near: I.fmtNum(rv.previous_near_poor) }));
			}
			return h('div', null, [
				h('dl', { class: 'facts', id: 'rd-facts' }, items),
				dl.calendar_covers === false ? U.message('info', t('rd.calendar_warn')) : null
			]);
		}

		/* ---- the actions the server allows ------------------------------------------------ */

		function actionsBox(ctx, data) {
			var actions = data.actions || [];
			if (!actions.length) {
				var key = data.round.state === 'approved' ? 'rd.actions_none_done'
					: (app.can('manage_rounds') || app.can('approve') ? 'rd.actions_none_role' : 'rd.actions_none_read');
				return h('p', { class: 'muted', id: 'rd-no-actions', text: t(key) });
			}
			return h('div', { class: 'action-list' }, actions.map(function (a) {
				return actionForm(ctx, data, a);
			}));
		}

		/* Fields in the order a person fills them: the required ones as the
		 * server lists them, then the optional ones, the note last. */
		function orderedFields(a) {
			var fs = (a.fields || []).slice();
			function rank(f) {
				return f.name === 'note' ? 2 : (f.required ? 0 : 1);
			}
			return fs.map(function (f, i) {
				return { f: f, i: i };
			}).sort(function (x, y) {
				return rank(x.f) - rank(y.f) || x.i - y.i;
			}).map(function (x) {
				return x.f;
			});
		}

		function actionForm(ctx, data, a) {
			var r = data.round;
			var prefix = 'act-' + a.action;
			var kit = formKit(prefix);
			var fields = orderedFields(a);
			var preview = null;

			function control(f) {
				if (f.name === 'complaint_id') {
					var open = (data.complaints || []).filter(function (c) {
						return c.status === 'open';
					});
					return U.select({ name: f.name }, [{ value: '', label: t('rd.pick') }].concat(open.map(function (c) {
						var what = (c.household_id ? c.household_id + ': ' : '') + (c.text || '');
						if (what.length > 48) {
							what = what.slice(0, 47) + '…';
						}
						return { value: c.id, label: t('rd.complaint_option', { id: c.id, what: what, date: I.fmtDate(c.received) }) };
					})), open.length === 1 ? open[0].id : '');
				}
				if (f.name === 'application_id') {
					var apps = (data.applications || []).filter(function (x) {
						return x.status === 'registered';
					});
					return U.select({ name: f.name }, [{ value: '', label: t('rd.pick') }].concat(apps.map(function (x) {
						return { value: x.id, label: t('rd.application_option', { id: x.id, household: x.household_id || t('app.dash'), form: x.form, date: I.fmtDate(x.date) }) };
					})), '');
				}
				if (f.type === 'date') {
					return dateInput('');
				}
				if (f.type === 'integer') {
					return h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', name: f.name, class: 'num-input' });
				}
				if (f.name === 'note' || f.name === 'text' || f.name === 'result') {
					return h('textarea', { name: f.name, rows: f.name === 'note' ? 2 : 3 });
				}
				return h('input', { type: 'text', name: f.name, autocomplete: 'off' });
			}

			var rows = fields.map(function (f) {
				var c = control(f);
				c.name = f.name;
				if (f.required) {
					c.setAttribute('aria-required', 'true');
				}
				/* a plain "Ngày" says too little next to the other forms' dates */
				var name = a.action === 'recheck_complaint' && f.name === 'date' ? t('rd.recheck_date') : (f.label || f.name);
				var text = name + (f.required ? ' *' : '');
				return kit.field(f.name, text, c, f.type === 'date' ? t('rd.date_hint') : null);
			});

			if (a.action === 'record_meeting') {
				preview = h('p', { class: 'small', id: prefix + '-preview', 'aria-live': 'polite' });
			}
			var btn = h('button', { type: 'submit', class: 'primary', id: prefix + '-submit', text: a.label || t('rd.submit'), disabled: !a.ready });
			var form = h('form', { class: 'action-form', id: prefix, novalidate: true, dataset: { action: a.action, ready: a.ready ? '1' : '0' } }, [
				h('h3', { text: a.label || a.action }),
				a.ready ? null : h('p', { class: 'msg msg-info blocked', id: prefix + '-blocked', text: t('rd.blocked', { msg: a.blocked_message || a.blocked_by || '' }) }),
				h('fieldset', { disabled: !a.ready }, [
					h('legend', { class: 'sr-only', text: a.label || a.action }),
					h('div', { class: 'row' }, rows),
					preview
				]),
				kit.box,
				h('div', { class: 'actions' }, btn)
			]);

			function val(name) {
				var c = kit.controls[name];
				return c ? String(c.value).trim() : '';
			}

			/* The rules the page can check itself (the server checks them all
			 * again); '' when fine. */
			function rule(name) {
				var f = null;
				fields.forEach(function (x) {
					if (x.name === name) {
						f = x;
					}
				});
				if (!f) {
					return '';
				}
				var v = val(name);
				if (!v) {
					return f.required ? t('val.required') : '';
				}
				if (f.type === 'date') {
					var iso = I.parseDate(v);
					if (!iso) {
						return t('val.date');
					}
					return dateRule(name, iso);
				}
				if (f.type === 'integer' && f.name !== 'complaint_id' && f.name !== 'application_id') {
					if (!/^\d+$/.test(v)) {
						return t('val.int');
					}
					if (name === 'attendees' && Number(v) < 1) {
						return t('val.min', { min: 1 });
					}
					if (name === 'votes_for' && /^\d+$/.test(val('attendees')) && Number(v) > Number(val('attendees'))) {
						return t('val.votes_le_attendees');
					}
				}
				return '';
			}

			function dateRule(name, iso) {
				var complaint;
				if (name === 'start' && r.meeting_date && iso < r.meeting_date) {
					return t('val.date_from', { date: I.fmtDate(r.meeting_date) });
				}
				if (name === 'start' && r.posting_start && a.action === 'start_posting' && r.state === 'recheck' && iso <= r.posting_start) {
					return t('val.date_after', { date: I.fmtDate(r.posting_start) });
				}
				if (name === 'received' && r.posting_start && r.posting_end && (iso < r.posting_start || iso > r.posting_end)) {
					return t('val.date_within', { from: I.fmtDate(r.posting_start), to: I.fmtDate(r.posting_end) });
				}
				if (name === 'date' && a.action === 'recheck_complaint') {
					(data.complaints || []).forEach(function (c) {
						if (String(c.id) === val('complaint_id')) {
							complaint = c;
						}
					});
					if (complaint && iso < complaint.received) {
						return t('val.date_from', { date: I.fmtDate(complaint.received) });
					}
				}
				if (name === 'decision_date' && r.kind === 'periodic' && r.posting_end && iso <= r.posting_end) {
					return t('val.date_after', { date: I.fmtDate(r.posting_end) });
				}
				if (name === 'decision_date' && r.kind === 'regular' && data.deadlines && data.deadlines.review_from && iso < data.deadlines.review_from) {
					return t('val.date_from', { date: I.fmtDate(data.deadlines.review_from) });
				}
				return '';
			}

			function check(name) {
				var m = rule(name);
				kit.setError(name, m);
				return !m;
			}

			function updatePreview() {
				if (!preview) {
					return;
				}
				var at = val('attendees');
				var vf = val('votes_for');
				if (!/^\d+$/.test(at) || !/^\d+$/.test(vf) || Number(at) < 1 || Number(vf) > Number(at)) {
					preview.textContent = '';
					return;
				}
				var pct = Number((data.deadlines || {}).meeting_pass_percent) || 50;
				var passes = Number(vf) * 100 >= Number(at) * pct;
				preview.textContent = t('rd.meeting_preview', {
					votes: I.fmtNum(vf), attendees: I.fmtNum(at), pct: I.fmtPct(100 * Number(vf) / Number(at), 0),
					result: t(passes ? 'rd.f_meeting_passed' : 'rd.f_meeting_failed')
				});
				preview.className = 'small ' + (passes ? 'ok' : 'bad');
			}

			fields.forEach(function (f) {
				var c = kit.controls[f.name];
				c.addEventListener('blur', function (ev) {
					/* leaving for the submit button: the submit checks it all
					 * (a message appearing now would move the button away
					 * from under the pointer, and the click would be lost) */
					if (ev.relatedTarget === btn) {
						return;
					}
					if (val(f.name) || c.getAttribute('aria-invalid')) {
						check(f.name);
					}
					if (f.name === 'attendees' && val('votes_for')) {
						check('votes_for');
					}
				});
				c.addEventListener('input', function () {
					if (c.getAttribute('aria-invalid')) {
						check(f.name);
					}
					updatePreview();
				});
				c.addEventListener('change', function () {
					if (c.getAttribute('aria-invalid')) {
						check(f.name);
					}
				});
			});

			function body() {
				var b = { action: a.action };
				fields.forEach(function (f) {
					var v = val(f.name);
					if (!v) {
						return;
					}
					if (f.type === 'date') {
						b[f.name] = I.parseDate(v);
					} else if (f.type === 'integer') {
						b[f.name] = Number(v);
					} else {
						b[f.name] = v;
					}
				});
				return b;
			}

			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				if (!a.ready) {
					return;
				}
				kit.clear();
				var ok = true;
				fields.forEach(function (f) {
					if (!check(f.name)) {
						ok = false;
					}
				});
				if (!ok) {
					kit.message([t('rd.err_invalid')]);
					kit.focusFirst();
					return;
				}
				btn.disabled = true;
				btn.textContent = t('rd.busy');
				var sent = body();
				try {
					var res = await app.api('POST', '/rounds/' + r.id + '/actions', sent);
					if (!ctx.alive()) {
						return;
					}
					renderRound(ctx, res, { kind: 'ok', text: doneText(a, sent, data, res) });
					var fl = document.getElementById('rd-flash');
					if (fl && fl.scrollIntoView) {
						fl.scrollIntoView({ block: 'nearest' });
					}
				} catch (e) {
					if (!ctx.alive() || e.status === 401) {
						return;
					}
					btn.disabled = false;
					btn.textContent = a.label || t('rd.submit');
					if (e.status === 422) {
						kit.showFields(e);
					} else if (e.status === 409 && e.data && e.data.error === 'state') {
						/* someone else moved the round on: show it as it is now */
						var now = await app.api('GET', '/rounds/' + r.id).catch(function () {
							return null;
						});
						if (now && ctx.alive()) {
							renderRound(ctx, now, { kind: 'error', text: t('rd.err_state', { state: now.round.state_label || stateLabel(now.round.state) }) });
						} else {
							kit.message([app.errorText(e)]);
						}
					} else if (e.status === 403) {
						kit.message([app.serverText(e.data) || t('rd.err_forbidden')]);
					} else {
						kit.message([app.errorText(e)]);
					}
				}
			});
			return form;
		}

		/* What the page says after an action went through. */
		function doneText(a, sent, before, after) {
			var r = after.round;
			var dl = after.deadlines || {};
			if (a.action === 'record_meeting') {
				var passed = r.state === 'meeting';
				return t(passed ? 'rd.done_meeting_passed' : 'rd.done_meeting_failed', {
					votes: I.fmtNum(sent.votes_for), attendees: I.fmtNum(sent.attendees),
					pct: I.fmtPct(Number(dl.meeting_pass_percent) || 50, 0)
				});
			}
			if (a.action === 'start_posting') {
				return t('rd.done_posting', { start: I.fmtDate(r.posting_start), end: I.fmtDate(r.posting_end) });
			}
			return t('rd.done', { action: a.label || a.action, state: r.state_label || stateLabel(r.state) });
		}

		/* ---- complaints, applications, tallies, events ----------------------------------- */

		function complaintsBox(data) {
			var list = data.complaints || [];
			var sec = h('section', { class: 'card', id: 'rd-complaints' }, h('h2', { text: t('rd.complaints') }));
			if (!list.length) {
				sec.appendChild(h('p', { class: 'muted', text: t('rd.complaints_none') }));
				return sec;
			}
			sec.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide' }, [
				h('thead', null, h('tr', null, ['rd.c_id', 'rd.c_household', 'rd.c_received', 'rd.c_text', 'rd.c_status',
					'rd.c_due', 'rd.c_result'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				h('tbody', null, list.map(function (c) {
					var when = c.resolved_at || c.rechecked_at;
					return h('tr', { dataset: { id: c.id, status: c.status } }, [
						h('td', { class: 'num', text: '#' + c.id }),
						h('td', null, c.household_id ? h('a', { href: '#/households/' + encodeURIComponent(c.household_id), class: 'mono', text: c.household_id }) : t('app.dash')),
						h('td', { class: 'nowrap', text: I.fmtDate(c.received) }),
						h('td', { text: c.text === null || c.text === undefined ? t('app.dash') : c.text }),
						h('td', null, [
							h('span', { class: 'badge badge-c-' + c.status, text: label('rd.cstatus.', c.status) }),
							when ? h('span', { class: 'small muted block', text: I.fmtDate(when) }) : null
						]),
						h('td', { class: 'nowrap', text: I.fmtDate(c.recheck_due) }),
						h('td', { text: c.result || t('app.dash') })
					]);
				}))
			])));
			return sec;
		}

		function applicationsBox(data) {
			var list = data.applications || [];
			var sec = h('section', { class: 'card', id: 'rd-applications' }, h('h2', { text: t('rd.applications') }));
			if (!list.length) {
				sec.appendChild(h('p', { class: 'muted', text: t('ap.none') }));
				return sec;
			}
			sec.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, [
				h('thead', null, h('tr', null, ['ap.c_id', 'ap.c_household', 'ap.c_form', 'ap.c_date', 'ap.c_status', 'ap.c_review'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				h('tbody', null, list.map(function (x) {
					var rv = x.household_id ? '#/households/' + encodeURIComponent(x.household_id) + '/reviews/' + data.round.year : null;
					return h('tr', { dataset: { id: x.id, status: x.status } }, [
						h('td', { class: 'num', text: '#' + x.id }),
						h('td', null, x.household_id ? h('a', { href: '#/households/' + encodeURIComponent(x.household_id), class: 'mono', text: x.household_id }) : t('app.dash')),
						h('td', { text: label('ap.form_short.', x.form) }),
						h('td', { class: 'nowrap', text: I.fmtDate(x.date) }),
						h('td', { text: label('ap.status.', x.status) }),
						h('td', null, rv && app.can('write_reviews')
							? h('a', { href: rv, text: t(x.review_entered ? 'ap.review_entered' : 'ap.review_missing') })
							: t(x.review_entered ? 'ap.review_entered' : 'ap.review_missing'))
					]);
				}))
			])));
			return sec;
		}

		function talliesBox(tl) {
			var classes = tl.classes || {};
			var trans = tl.transitions || {};
			function table(id, caption, keys, values, prefix) {
				return h('div', { class: 'table-wrap' }, h('table', { class: 'data tally-table', id: id }, [
					h('caption', { text: caption }),
					h('thead', null, h('tr', null, [h('th', { scope: 'col', text: '' }), h('th', { scope: 'col', class: 'num', text: t('rd.tallies_n') })])),
					h('tbody', null, keys.filter(function (k) {
						return values[k] !== undefined;
					}).concat(Object.keys(values).filter(function (k) {
						return keys.indexOf(k) < 0;
					})).map(function (k) {
						return h('tr', { dataset: { key: k } }, [
							h('th', { scope: 'row', text: label(prefix, k) }),
							h('td', { class: 'num', text: I.fmtNum(values[k]) })
						]);
					}))
				]));
			}
			return h('section', { class: 'card', id: 'rd-tallies' }, [
				h('h2', { text: t('rd.tallies') }),
				h('p', { id: 'rd-tallies-reviews', text: t('rd.tallies_reviews', { n: I.fmtNum(tl.reviews) }) }),
				h('div', { class: 'grid2' }, [
					table('rd-tally-classes', t('rd.tallies_classes'), CLASSES, classes, 'class.'),
					table('rd-tally-transitions', t('rd.tallies_transitions'), TRANSITIONS, trans, 'transition.')
				])
			]);
		}

		/* The system's summary in an event's note has ISO dates
		 * ("2025-11-14..2025-11-19"): written the local way here. */
		function noteText(note) {
			return String(note).replace(/\b(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\b/g, function (m, a, b) {
				return I.fmtDate(a) + ' – ' + I.fmtDate(b);
			}).replace(/\b\d{4}-\d{2}-\d{2}\b/g, function (m) {
				return I.fmtDate(m);
			});
		}

		function eventsBox(data) {
			var list = data.events || [];
			var sec = h('section', { class: 'card', id: 'rd-events' }, h('h2', { text: t('rd.events') }));
			if (!list.length) {
				sec.appendChild(h('p', { class: 'muted', text: t('rd.events_none') }));
				return sec;
			}
			sec.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide' }, [
				h('thead', null, h('tr', null, ['rd.e_when', 'rd.e_who', 'rd.e_action', 'rd.e_states', 'rd.e_note'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				h('tbody', null, list.map(function (e) {
					return h('tr', { dataset: { action: e.action, from: e.from || '', to: e.to } }, [
						h('td', { class: 'nowrap', text: I.fmtDateTime(e.at) }),
						h('td', { text: e.user || (e.user_id ? '#' + e.user_id : t('app.dash')) }),
						h('td', { text: label('rd.ev.', e.action) }),
						h('td', { class: 'small', text: (e.from ? stateLabel(e.from) + ' → ' : '') + stateLabel(e.to) }),
						h('td', { text: e.note === null || e.note === undefined || e.note === '' ? t('app.dash') : noteText(e.note) })
					]);
				}))
			])));
			return sec;
		}

		/* ===== applications (Form 01 / Form 04) =============================================== */

		async function viewApplications(ctx) {
			var root = ctx.root;
			var q = ctx.query;
			var years = app.yearRange();
			root.appendChild(h('h1', { text: t('rd.title') }));
			root.appendChild(tabs('apps'));
			root.appendChild(h('p', { class: 'muted small', text: t('ap.intro') }));
			var list = h('div', { id: 'ap-list-box', 'aria-live': 'polite' });

			if (app.can('manage_rounds')) {
				root.appendChild(applicationForm(ctx, q.household || '', function () {
					load();
				}));
			}
			var yearSel = U.select({ id: 'ap-filter-year', name: 'year' }, [{ value: '', label: t('rd.year_any') }].concat(
				years.map(function (y) {
					return { value: y, label: String(y) };
				})), q.year || '');
			var statusSel = U.select({ id: 'ap-filter-status', name: 'status' }, [{ value: '', label: t('ap.status_any') }].concat(
				['registered', 'surveyed', 'approved'].map(function (s) {
					return { value: s, label: t('ap.status.' + s) };
				})), q.status || '');
			[yearSel, statusSel].forEach(function (s) {
				s.addEventListener('change', function () {
					load();
				});
			});
			root.appendChild(h('section', { class: 'card' }, [
				h('h2', { text: t('ap.list') }),
				h('form', { class: 'controls', on: { submit: function (ev) {
					ev.preventDefault();
				} } }, [U.field(t('rd.filter_year'), yearSel), U.field(t('ap.filter_status'), statusSel)]),
				list
			]));

			async function load() {
				list.setAttribute('aria-busy', 'true');
				try {
					var data = await app.api('GET', '/applications', null, { query: { year: yearSel.value, status: statusSel.value } });
					if (ctx.alive()) {
						renderList(data);
					}
				} catch (e) {
					if (ctx.alive() && e.status !== 401) {
						U.clear(list).appendChild(U.message('error', app.errorText(e)));
					}
				} finally {
					list.removeAttribute('aria-busy');
				}
			}

			function renderList(data) {
				var rows = data.applications || [];
				U.clear(list);
				if (!rows.length) {
					list.appendChild(h('p', { class: 'muted', id: 'ap-none', text: t('ap.none') }));
					return;
				}
				list.appendChild(h('p', { class: 'small', text: t('ap.total', { n: I.fmtNum(data.total) }) }));
				list.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data wide', id: 'ap-list' }, [
					h('thead', null, h('tr', null, ['ap.c_id', 'ap.c_household', 'ap.c_unit', 'ap.c_form', 'ap.c_date', 'ap.c_status', 'ap.c_round'].map(function (k) {
						return h('th', { scope: 'col', text: t(k) });
					}))),
					h('tbody', null, rows.map(function (x) {
						return h('tr', { dataset: { id: x.id, status: x.status } }, [
							h('td', { class: 'num', text: '#' + x.id }),
							h('th', { scope: 'row' }, [
								h('a', { href: '#/households/' + encodeURIComponent(x.household_id), text: x.head_name || x.household_id }),
								h('span', { class: 'small muted block mono', text: x.household_id })
							]),
							h('td', { text: x.unit_name || x.unit_code }),
							h('td', { text: label('ap.form_short.', x.form) }),
							h('td', { class: 'nowrap', text: I.fmtDate(x.date) }),
							h('td', { text: label('ap.status.', x.status) }),
							h('td', null, x.round_id ? h('a', { href: '#/rounds/' + x.round_id, text: '#' + x.round_id }) : t('app.dash'))
						]);
					}))
				])));
			}

			return load();
		}

		function applicationForm(ctx, household, onSaved) {
			var kit = formKit('ap');
			var hh = h('input', { type: 'text', name: 'household_id', autocomplete: 'off', value: household, 'aria-required': 'true' });
			var formSel = U.select({ name: 'form' }, ['01', '04'].map(function (f) {
				return { value: f, label: t('ap.form.' + f) };
			}), '01');
			var date = dateInput('');
			var note = h('textarea', { name: 'note', rows: 2 });
			var btn = h('button', { type: 'submit', class: 'primary', id: 'ap-submit', text: t('ap.submit') });
			var done = h('div', { id: 'ap-result', 'aria-live': 'polite' });
			var form = h('form', { class: 'card', id: 'ap-register', novalidate: true }, [
				h('h2', { text: t('ap.new') }),
				h('div', { class: 'row' }, [
					kit.field('household_id', t('ap.household') + ' *', hh, t('ap.household_hint')),
					kit.field('form', t('ap.form') + ' *', formSel),
					kit.field('date', t('ap.date'), date, t('ap.date_hint'))
				]),
				kit.field('note', t('ap.note'), note),
				kit.box,
				h('div', { class: 'actions' }, btn),
				done
			]);
			function rule(name) {
				if (name === 'household_id') {
					return hh.value.trim() ? '' : t('val.required');
				}
				if (name === 'date') {
					return !date.value.trim() || I.parseDate(date.value) ? '' : t('val.date');
				}
				return '';
			}
			['household_id', 'date'].forEach(function (n) {
				kit.controls[n].addEventListener('blur', function (ev) {
					if (ev.relatedTarget === btn) {
						return; /* the submit checks it (see actionForm) */
					}
					kit.setError(n, rule(n));
				});
			});
			form.addEventListener('submit', async function (ev) {
				ev.preventDefault();
				kit.clear();
				U.clear(done);
				var bad = ['household_id', 'date'].filter(function (n) {
					var m = rule(n);
					kit.setError(n, m);
					return !!m;
				});
				if (bad.length) {
					kit.message([t('rd.err_invalid')]);
					kit.focusFirst();
					return;
				}
				var body = { household_id: hh.value.trim(), form: formSel.value };
				if (date.value.trim()) {
					body.date = I.parseDate(date.value);
				}
				if (note.value.trim()) {
					body.note = note.value.trim();
				}
				btn.disabled = true;
				btn.textContent = t('ap.busy');
				try {
					var res = await app.api('POST', '/applications', body);
					if (!ctx.alive()) {
						return;
					}
					var a = res.application || {};
					done.appendChild(h('div', { class: 'msg msg-ok', role: 'status' }, [
						h('p', { text: t('ap.saved', { id: a.id, household: (a.head_name ? a.head_name + ' ' : '') + '(' + a.household_id + ')' }) }),
						a.round_id ? h('p', null, h('a', { href: '#/rounds/' + a.round_id, id: 'ap-round-link', text: t('ap.saved_round') })) : null
					]));
					note.value = '';
					onSaved();
				} catch (e) {
					if (!ctx.alive() || e.status === 401) {
						return;
					}
					if (e.status === 422) {
						kit.showFields(e);
					} else {
						kit.message([app.errorText(e)]);
					}
				} finally {
					if (ctx.alive()) {
						btn.disabled = false;
						btn.textContent = t('ap.submit');
					}
				}
			});
			return form;
		}

		return {
			viewRounds: viewRounds,
			viewRound: viewRound,
			viewApplications: viewApplications
		};
	}

	window.GNBV = window.GNBV || {};
	window.GNBV.rounds = { init: init };
})();
