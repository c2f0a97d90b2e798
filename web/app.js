/*
 * app.js - the gnbv single-page application.
 *
 * - API client (fetch; XMLHttpRequest for uploads, to show progress):
 *   sends X-CSRF-Token on POST/PUT/PATCH/DELETE, Accept-Language with the
 *   chosen language, and shows the login page on any 401.
 * - Router on location.hash:
 *     #/login
 *     #/dashboard?year=2024&asof=2025-12-31&path=14,03361
 *     #/households?q=duc&year=2024&class=POOR&offset=0
 *     #/households/ID
 *     #/households/ID/reviews/2024
 *     #/import
 *     #/rounds, #/rounds/ID, #/applications   (rounds.js: the review workflow)
 * - Menu entries by role (from GET /api/v1/me): supervisors, the ministry
 *   and administrators see aggregates only.
 *
 * Plain ES2017 (no modules, no build step); depends on i18n.js, charts.js,
 * ui.js and rounds.js, loaded before it.
 */
(function () {
	'use strict';

	var I = window.GNBV.i18n;
	var t = I.t;
	var C = window.GNBV.charts;
	var U = window.GNBV.ui;
	var h = U.h;

	var API = '/api/v1';
	var POLL_MS = 5000;
	var FIRST_YEAR = 2022;

	/* Roles that may see personal data (names): api.md "Roles". */
	var PERSONAL_ROLES = ['collaborator', 'commune_officer', 'commune_chair',
		'district_officer', 'province_officer'];
	/* Roles that may enter reviews, and import files (src/api/roles.c). */
	var WRITE_ROLES = ['collaborator', 'commune_officer', 'commune_chair'];
	var IMPORT_ROLES = ['commune_officer', 'district_officer', 'province_officer'];
	var MAP_ROLES = ['province_officer', 'admin']; /* units and lineage files */
	/* Roles that run the review rounds, and the one that approves them. */
	var ROUND_ROLES = ['commune_officer', 'commune_chair'];
	var APPROVE_ROLES = ['commune_chair'];
	/* Who sees the review rounds: those who run or approve them, and the
	 * personal-data roles above them (read-only). */
	var SEE_ROUNDS = ['read_personal', 'manage_rounds', 'approve'];

	var INDICATORS_2022 = ['d_employment', 'd_dependents', 'd_nutrition', 'd_health_insurance',
		'd_adult_education', 'd_child_schooling', 'd_housing_quality', 'd_housing_area',
		'd_water', 'd_sanitation', 'd_telecom', 'd_info_access'];
	var INDICATORS_2027 = INDICATORS_2022.slice(0, 10).concat(['d_waste', 'd_digital']);
	var ALL_INDICATORS = INDICATORS_2022.concat(['d_waste', 'd_digital']);
	var CAUSES = ['land', 'capital', 'labour', 'tools', 'knowhow', 'skills', 'illness', 'other'];
	var CLASSES = ['POOR', 'NEAR_POOR', 'AVERAGE', 'NOT_POOR'];

	var state = {
		me: null,        /* {id, username, full_name, role, unit_code, unit_name} */
		csrf: '',
		returnTo: '',
		expired: false,
		maps: null,      /* [{date, label}] of /maps, per language */
		mapsLang: '',
		names: {},       /* asof|code -> unit name, for the breadcrumb */
		rootCode: ''     /* the top unit of a national user */
	};

	function indicatorsOf(year) {
		return Number(year) >= 2027 ? INDICATORS_2027 : INDICATORS_2022;
	}

	function thisYear() {
		return new Date().getFullYear();
	}

	function yearRange() {
		var ys = [];
		for (var y = thisYear(); y >= FIRST_YEAR; y--) {
			ys.push(y);
		}
		return ys;
	}

	function roleIn(list) {
		return !!state.me && list.indexOf(state.me.role) >= 0;
	}

	/* What the user may do: the `permissions` of GET /me when the server
	 * sends them, else the role tables above. */
	var PERM_ROLES = {
		read_personal: PERSONAL_ROLES,
		write_reviews: WRITE_ROLES,
		import_data: IMPORT_ROLES,
		import_map: MAP_ROLES,
		manage_rounds: ROUND_ROLES,
		approve: APPROVE_ROLES
	};

	function can(perm) {
		if (Array.isArray(perm)) { /* any of them */
			return perm.some(can);
		}
		var p = state.me && state.me.permissions;
		if (p && p[perm] !== undefined) {
			return !!p[perm];
		}
		return roleIn(PERM_ROLES[perm] || []);
	}

	/* ===== API client ============================================================ */

	function ApiError(status, data, retryAfter) {
		this.status = status;
		this.data = data || {};
		this.retryAfter = retryAfter;
		this.message = (data && (data.message || data.error)) || ('HTTP ' + status);
	}
	ApiError.prototype = Object.create(Error.prototype);
	ApiError.prototype.constructor = ApiError;

	function qs(params) {
		var parts = [];
		Object.keys(params || {}).forEach(function (k) {
			var v = params[k];
			if (v !== null && v !== undefined && v !== '') {
				parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
			}
		});
		return parts.length ? '?' + parts.join('&') : '';
	}

	function handleUnauthorized() {
		var wasIn = !!state.me;
		state.me = null;
		state.csrf = '';
		state.expired = wasIn;
		renderChrome();
		var cur = location.hash;
		if (!/^#\/login/.test(cur)) {
			state.returnTo = cur;
			location.hash = '#/login';
		}
	}

	/*
	 * api('GET', '/dashboard/summary', null, {query: {...}}) -> the JSON
	 * answer; throws ApiError for any status >= 400 (after sending the user
	 * to the login page on 401, unless opts.noAuthRedirect).
	 */
	async function api(method, path, body, opts) {
		opts = opts || {};
		var headers = { 'Accept': 'application/json', 'Accept-Language': I.getLang() };
		if (method !== 'GET' && method !== 'HEAD') {
			headers['X-CSRF-Token'] = state.csrf;
		}
		var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
		if (body !== null && body !== undefined) {
			headers['Content-Type'] = 'application/json';
			init.body = JSON.stringify(body);
		}
		var res;
		try {
			res = await fetch(API + path + qs(opts.query), init);
		} catch (e) {
			throw new ApiError(0, { error: t('app.offline') });
		}
		var data = null;
		var text = await res.text();
		if (text) {
			try {
				data = JSON.parse(text);
			} catch (e) {
				data = { error: text.slice(0, 200) };
			}
		}
		if (res.status === 401 && !opts.noAuthRedirect) {
			handleUnauthorized();
		}
		if (!res.ok) {
			throw new ApiError(res.status, data, res.headers.get('Retry-After'));
		}
		return data;
	}

	/* Uploads a File with XMLHttpRequest so that progress can be shown.
	 * onProgress(fraction 0..1 or null when unknown). */
	function upload(path, query, file, onProgress) {
		return new Promise(function (resolve, reject) {
			var xhr = new XMLHttpRequest();
			xhr.open('POST', API + path + qs(query));
			xhr.setRequestHeader('X-CSRF-Token', state.csrf);
			xhr.setRequestHeader('Accept', 'application/json');
			xhr.setRequestHeader('Accept-Language', I.getLang());
			var ct = /\.xlsx$/i.test(file.name)
				? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				: 'text/csv; charset=utf-8';
			xhr.setRequestHeader('Content-Type', ct);
			xhr.upload.addEventListener('progress', function (ev) {
				onProgress(ev.lengthComputable ? ev.loaded / ev.total : null);
			});
			xhr.upload.addEventListener('load', function () {
				onProgress(1);
			});
			xhr.addEventListener('load', function () {
				var data = null;
				try {
					data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
				} catch (e) {
					data = { error: xhr.responseText.slice(0, 200) };
				}
				if (xhr.status === 401) {
					handleUnauthorized();
				}
				if (xhr.status >= 200 && xhr.status < 300) {
					resolve(data);
				} else {
					reject(new ApiError(xhr.status, data));
				}
			});
			xhr.addEventListener('error', function () {
				reject(new ApiError(0, { error: t('app.offline') }));
			});
			xhr.send(file);
		});
	}

	/* The server's words for an error: `message` (in the language asked
	 * for) when it sends one, else `error`. */
	function serverText(data) {
		if (!data) {
			return '';
		}
		return data.message || data.error || '';
	}

	function errorText(e) {
		if (!e) {
			return t('app.error');
		}
		if (e.status === 403 && e.data && e.data.error === 'aggregates only') {
			return t('app.aggregates_only');
		}
		if (e.status === 404) {
			return serverText(e.data) || t('app.notfound');
		}
		return serverText(e.data) || e.message || t('app.error');
	}

	/* ===== router ================================================================ */

	var nav = { seq: 0, cleanups: [] };

	function parseHash() {
		var raw = location.hash.replace(/^#/, '');
		if (!raw || raw === '/') {
			raw = '/dashboard';
		}
		var qi = raw.indexOf('?');
		var path = qi >= 0 ? raw.slice(0, qi) : raw;
		var query = {};
		if (qi >= 0) {
			new URLSearchParams(raw.slice(qi + 1)).forEach(function (v, k) {
				query[k] = v;
			});
		}
		return { path: path, query: query };
	}

	function hashFor(path, query) {
		return '#' + path + qs(query);
	}

	function go(path, query) {
		var hsh = hashFor(path, query);
		if (location.hash === hsh) {
			route();
		} else {
			location.hash = hsh;
		}
	}

	/* The review workflow's pages (rounds.js), given what they need here. */
	var R = window.GNBV.rounds.init({
		api: api,
		can: can,
		errorText: errorText,
		serverText: serverText,
		loading: loading,
		hashFor: hashFor,
		thisYear: thisYear,
		yearRange: yearRange,
		me: function () {
			return state.me;
		}
	});

	/* The monitoring and evaluation pages (me.js and its areas). */
	var M = window.GNBV.me.init({
		api: api,
		can: can,
		errorText: errorText,
		serverText: serverText,
		loading: loading,
		hashFor: hashFor,
		go: go,
		thisYear: thisYear,
		yearRange: yearRange,
		me: function () {
			return state.me;
		}
	});

	var ROUTES = [
		{ re: /^\/dashboard$/, view: viewDashboard, menu: 'dashboard' },
		{ re: /^\/households$/, view: viewHouseholds, menu: 'households', perm: 'read_personal' },
		{ re: /^\/households\/([^/]+)$/, view: viewHousehold, menu: 'households', perm: 'read_personal' },
		{ re: /^\/households\/([^/]+)\/reviews\/(\d{4})$/, view: viewReview, menu: 'households', perm: 'write_reviews' },
		{ re: /^\/import$/, view: viewImport, menu: 'import', perm: ['import_data', 'import_map', 'write_me'] },
		{ re: /^\/rounds$/, view: R.viewRounds, menu: 'rounds', perm: SEE_ROUNDS },
		{ re: /^\/rounds\/(\d+)$/, view: R.viewRound, menu: 'rounds', perm: SEE_ROUNDS },
		{ re: /^\/applications$/, view: R.viewApplications, menu: 'rounds', perm: SEE_ROUNDS }
	].concat(M.routes);
	var MENU_TITLES = { households: 'hh.title', 'import': 'imp.title', rounds: 'rd.title', me: 'me.title' };

	function runCleanups() {
		var list = nav.cleanups;
		nav.cleanups = [];
		list.forEach(function (fn) {
			try {
				fn();
			} catch (e) {
				/* ignore */
			}
		});
	}

	function route() {
		nav.seq++;
		runCleanups();
		var seq = nav.seq;
		var r = parseHash();
		var root = document.getElementById('view');
		U.clear(root);
		var ctx = {
			root: root,
			query: r.query,
			params: [],
			alive: function () {
				return seq === nav.seq;
			},
			onCleanup: function (fn) {
				nav.cleanups.push(fn);
			}
		};
		if (r.path === '/login') {
			if (state.me) {
				go('/dashboard');
				return;
			}
			renderChrome('');
			viewLogin(ctx);
			return;
		}
		if (!state.me) {
			state.returnTo = location.hash;
			location.replace('#/login');
			return;
		}
		var found = null;
		for (var i = 0; i < ROUTES.length; i++) {
			var m = ROUTES[i].re.exec(r.path);
			if (m) {
				found = ROUTES[i];
				ctx.params = m.slice(1).map(decodeURIComponent);
				break;
			}
		}
		if (!found) {
			renderChrome('');
			root.appendChild(U.message('error', t('app.notfound')));
			return;
		}
		renderChrome(found.menu);
		if (found.perm && !can(found.perm)) {
			root.appendChild(h('h1', { text: t(MENU_TITLES[found.menu] || 'app.title') }));
			root.appendChild(U.message('error', t('app.forbidden')));
			return;
		}
		Promise.resolve(found.view(ctx)).catch(function (e) {
			if (!ctx.alive() || (e && e.status === 401)) {
				return;
			}
			showError(ctx, e);
		});
		root.focus({ preventScroll: true });
	}

	function showError(ctx, e) {
		U.clear(ctx.root);
		ctx.root.appendChild(U.message('error', errorText(e)));
		ctx.root.appendChild(h('button', {
			type: 'button', class: 'secondary', text: t('app.retry'),
			on: { click: route }
		}));
	}

	function loading(root) {
		U.clear(root);
		root.appendChild(h('p', { class: 'loading', text: t('app.loading') }));
	}

	/* ===== chrome: top bar, menu ================================================== */

	var chromeActive = '';

	function renderChrome(active) {
		if (active !== undefined) {
			chromeActive = active;
		}
		I.applyStatic(document);
		var menu = document.getElementById('menu');
		var who = document.getElementById('whoami');
		var logout = document.getElementById('logout');
		U.clear(menu);
		U.clear(who);
		if (!state.me) {
			menu.hidden = true;
			logout.hidden = true;
			return;
		}
		var entries = [{ id: 'dashboard', href: '#/dashboard', label: 'nav.dashboard' }];
		if (can('read_personal')) {
			entries.push({ id: 'households', href: '#/households', label: 'nav.households' });
		}
		if (can(SEE_ROUNDS)) {
			entries.push({ id: 'rounds', href: '#/rounds', label: 'nav.rounds' });
		}
		if (can(['import_data', 'import_map', 'write_me'])) {
			entries.push({ id: 'import', href: '#/import', label: 'nav.import' });
		}
		entries.push({ id: 'me', href: '#/me', label: 'nav.me' });
		entries.forEach(function (e) {
			menu.appendChild(h('a', {
				href: e.href, text: t(e.label), dataset: { menu: e.id },
				'aria-current': e.id === chromeActive ? 'page' : null
			}));
		});
		menu.hidden = false;
		logout.hidden = false;
		var me = state.me;
		who.appendChild(h('span', { class: 'who-name', text: me.full_name || me.username }));
		who.appendChild(h('span', { class: 'who-role', text: I.has('role.' + me.role) ? t('role.' + me.role) : (me.role_label || me.role) }));
		if (me.unit_name) {
			who.appendChild(h('span', { class: 'who-unit', text: me.unit_name }));
		}
	}

	/* ===== login ================================================================== */

	function viewLogin(ctx) {
		var user = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
		var pass = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
		var err = h('p', { id: 'login-error', class: 'msg msg-error', role: 'alert', hidden: true });
		var btn = h('button', { type: 'submit', class: 'primary', id: 'login-submit', text: t('login.submit') });
		var timer = null;
		ctx.onCleanup(function () {
			if (timer) {
				clearInterval(timer);
			}
		});

		function showErr(text) {
			err.textContent = text;
			err.hidden = false;
		}

		function throttle(seconds) {
			var until = Date.now() + seconds * 1000;
			btn.disabled = true;
			function tick() {
				var left = Math.ceil((until - Date.now()) / 1000);
				if (left <= 0) {
					clearInterval(timer);
					timer = null;
					btn.disabled = false;
					err.hidden = true;
					return;
				}
				showErr(t('login.throttled', { wait: I.fmtWait(left) }));
			}
			if (timer) {
				clearInterval(timer);
			}
			timer = setInterval(tick, 1000);
			tick();
		}

		var form = h('form', { id: 'login-form', novalidate: true, on: { submit: async function (ev) {
			ev.preventDefault();
			err.hidden = true;
			if (!user.value.trim() || !pass.value) {
				showErr(t('login.required'));
				(user.value.trim() ? pass : user).focus();
				return;
			}
			btn.disabled = true;
			btn.textContent = t('login.busy');
			try {
				var data = await api('POST', '/login', { username: user.value.trim(), password: pass.value }, { noAuthRedirect: true });
				state.me = data.user;
				state.csrf = data.csrf;
				state.expired = false;
				state.rootCode = '';
				var back = state.returnTo && !/^#\/login/.test(state.returnTo) ? state.returnTo : '#/dashboard';
				state.returnTo = '';
				if (location.hash === back) {
					route();
				} else {
					location.hash = back;
				}
			} catch (e) {
				if (!ctx.alive()) {
					return;
				}
				btn.textContent = t('login.submit');
				btn.disabled = false;
				pass.value = '';
				if (e.status === 429) {
					var wait = Number(e.data && e.data.retry_after) || Number(e.retryAfter) || 60;
					throttle(wait);
				} else if (e.status === 401) {
					showErr(t('login.bad'));
					pass.focus();
				} else {
					showErr(errorText(e));
				}
			}
		} } }, [
			U.field(t('login.username'), user),
			U.field(t('login.password'), pass),
			err,
			h('div', { class: 'actions' }, btn)
		]);

		ctx.root.appendChild(h('section', { class: 'card login-card' }, [
			h('h1', { text: t('login.title') }),
			h('p', { class: 'muted', text: t('login.intro') }),
			state.expired ? U.message('info', t('login.expired')) : null,
			form,
			h('p', { class: 'small' }, h('a', { href: 'public.html', text: t('login.public_link') }))
		]));
		user.focus();
	}

	/* ===== dashboard ================================================================= */

	async function loadMaps() {
		if (state.maps && state.mapsLang === I.getLang()) {
			return state.maps;
		}
		var data = await api('GET', '/maps');
		state.maps = (data && data.maps) || [];
		state.mapsLang = I.getLang();
		return state.maps;
	}

	function nameKey(asof, code) {
		return asof + '|' + code;
	}

	async function viewDashboard(ctx) {
		var root = ctx.root;
		loading(root);
		var q = ctx.query;
		var maps = await loadMaps();
		var asof = q.asof || (maps.length ? maps[maps.length - 1].date : '');
		/* national users ("*") start from the top unit the server answers with */
		var rootCode = state.me.unit_code && state.me.unit_code !== '*' ? state.me.unit_code : state.rootCode;
		if (!rootCode) {
			var top = await api('GET', '/dashboard/summary', null, { query: { asof: asof } });
			rootCode = state.rootCode = top.unit.code;
			state.names[nameKey(asof, rootCode)] = top.unit.name;
		}
		var path = q.path ? q.path.split(',').filter(Boolean) : [];
		if (!path.length || path[0] !== rootCode) {
			path = [rootCode];
		}
		var unit = path[path.length - 1];
		if (rootCode === state.me.unit_code && state.me.unit_name) {
			state.names[nameKey(asof, rootCode)] = state.names[nameKey(asof, rootCode)] || state.me.unit_name;
		}

		var trendP = api('GET', '/dashboard/trend', null, { query: { unit: unit, asof: asof } }).catch(function (e) {
			if (e.status === 401) {
				throw e;
			}
			return null; /* the figures can still be shown */
		});
		function getSummary(y) {
			return api('GET', '/dashboard/summary', null, { query: { year: y || null, asof: asof, unit: unit } });
		}
		var year = Number(q.year) || 0;
		var trend;
		var summary;
		if (year) {
			var both = await Promise.all([trendP, getSummary(year)]);
			trend = both[0];
			summary = both[1];
		} else {
			/* no year asked: the latest year that has figures */
			trend = await trendP;
			var ys0 = trend && trend.years ? trend.years : [];
			for (var i = ys0.length - 1; i >= 0; i--) {
				if ((Number(ys0[i].poor) || 0) + (Number(ys0[i].near_poor) || 0) > 0) {
					year = Number(ys0[i].year);
					break;
				}
			}
			summary = await getSummary(year);
		}
		var trendYears = trend && trend.years ? trend.years : [];
		if (!ctx.alive()) {
			return;
		}
		year = Number(summary.year) || year;
		if (summary.asof && !asof) {
			asof = summary.asof;
		}

		function link(p, y, a) {
			return hashFor('/dashboard', { year: y || year, asof: a || asof, path: p.join(',') });
		}
		function open(child) {
			location.hash = link(path.concat([child.code]));
		}

		/* ---- controls ---- */
		var years = {};
		trendYears.forEach(function (ty) {
			years[ty.year] = true;
		});
		years[year] = true;
		var yearList = Object.keys(years).map(Number).sort(function (a, b) {
			return b - a;
		});
		var yearSel = U.select({ id: 'dash-year', name: 'year' }, yearList.map(function (y) {
			return { value: y, label: String(y) };
		}), year);
		yearSel.addEventListener('change', function () {
			location.hash = link(path, Number(yearSel.value));
		});
		var mapOpts = maps.map(function (m) {
			return { value: m.date, label: m.label || t('dash.map_asof', { date: I.fmtDate(m.date) }) };
		});
		if (asof && !maps.some(function (m) {
			return m.date === asof;
		})) {
			mapOpts.push({ value: asof, label: t('dash.map_asof', { date: I.fmtDate(asof) }) });
		}
		var mapSel = U.select({ id: 'dash-map', name: 'asof' }, mapOpts, asof);
		mapSel.addEventListener('change', function () {
			/* the units differ between maps: start again from the user's unit */
			location.hash = link([rootCode], year, mapSel.value);
		});
		var updated = h('p', { class: 'live small muted', id: 'dash-updated', 'aria-live': 'polite' });

		/* ---- layout ---- */
		var crumbs = h('nav', { class: 'breadcrumb', id: 'breadcrumb', 'aria-label': t('dash.breadcrumb') });
		var kpiBox = h('div', { id: 'dash-kpis' });
		var tableBox = h('div', { id: 'dash-table' });
		var rateBox = h('div', { class: 'chart-box scroll-y', id: 'chart-rates' });
		var trendBox = h('div', { class: 'chart-box', id: 'chart-trend' });
		var moveBox = h('div', { id: 'dash-movements' });
		var profileBox = h('div', { class: 'chart-box', id: 'chart-profile' });
		var profileNote = h('p', { class: 'small muted' });
		var afBox = h('div', { id: 'dash-af' });
		var afNote = h('p', { class: 'small muted', id: 'dash-af-note' });
		var afContribBox = h('div', { class: 'chart-box', id: 'chart-af-contrib' });

		U.clear(root);
		root.appendChild(h('div', { class: 'page-head' }, [
			h('h1', { text: t('dash.title') }),
			h('form', { class: 'controls', on: { submit: function (ev) {
				ev.preventDefault();
			} } }, [
				U.field(t('dash.year'), yearSel),
				U.field(t('dash.map'), mapSel)
			]),
			updated
		]));
		root.appendChild(crumbs);
		root.appendChild(kpiBox);
		root.appendChild(h('div', { class: 'grid2' }, [
			h('section', { class: 'card' }, [h('h2', { text: t('dash.chart_rates') }), rateBox]),
			h('section', { class: 'card' }, [h('h2', { text: t('dash.chart_trend') }), trendBox, moveBox])
		]));
		root.appendChild(h('section', { class: 'card' }, [
			h('h2', { text: t('dash.children') }),
			h('p', { class: 'small muted', text: t('dash.children_hint') }),
			tableBox
		]));
		root.appendChild(h('div', { class: 'grid2' }, [
			h('section', { class: 'card' }, [h('h2', { text: t('dash.chart_profile') }), profileNote, profileBox]),
			h('section', { class: 'card' }, [h('h2', { text: t('dash.af_contrib') }), afNote, afContribBox])
		]));
		root.appendChild(h('section', { class: 'card' }, [
			h('h2', { text: t('dash.af') }),
			afBox
		]));
		var reportBox = h('div', { id: 'dash-reports' });
		root.appendChild(h('section', { class: 'card', id: 'reports' }, [
			h('h2', { text: t('rep.title') }),
			h('p', { class: 'small muted', text: t('rep.hint') }),
			reportBox
		]));
		var meBox = h('div', { id: 'dash-me', class: 'grid2' });
		root.appendChild(meBox);
		M.dashboard(ctx, meBox, { unit: unit, year: year, asof: asof });

		function renderCrumbs() {
			U.clear(crumbs);
			var ol = h('ol');
			path.forEach(function (code, i) {
				var name = state.names[nameKey(asof, code)] || code;
				var last = i === path.length - 1;
				ol.appendChild(h('li', null, last
					? h('span', { 'aria-current': 'page', text: name, dataset: { code: code } })
					: h('a', { href: link(path.slice(0, i + 1)), text: name, dataset: { code: code } })));
			});
			crumbs.appendChild(ol);
		}

		function renderSummary(s) {
			if (s.unit && s.unit.name) {
				state.names[nameKey(asof, s.unit.code || unit)] = s.unit.name;
			}
			(s.children || []).forEach(function (c) {
				state.names[nameKey(asof, c.code)] = c.name;
			});
			renderCrumbs();
			U.clear(kpiBox).appendChild(U.kpis(s.unit || {}));
			U.clear(tableBox);
			if (!s.children || !s.children.length) {
				tableBox.appendChild(h('p', { class: 'muted', text: t('dash.no_children') }));
			}
			tableBox.appendChild(U.summaryTable(s, function (c) {
				return link(path.concat([c.code]));
			}, open));
			U.rateChart(rateBox, s, open);
			U.clear(moveBox);
			var mv = U.movements(s.unit || {}, year);
			if (mv) {
				moveBox.appendChild(mv);
			}
			updated.textContent = t('dash.updated', { time: I.fmtTime(new Date()) }) + ' · ' + t('dash.live');
		}

		function renderTrend(tr) {
			var ys = (tr && tr.years) || [];
			C.line(trendBox, ys.map(function (y) {
				return y.year;
			}), [
				{ name: t('series.poor_rate'), cls: 'c-poor', values: ys.map(function (y) {
					return y.poor_rate;
				}) },
				{ name: t('series.near_poor_rate'), cls: 'c-near', values: ys.map(function (y) {
					return y.near_poor_rate;
				}) }
			], {
				ariaLabel: t('dash.chart_trend'),
				format: function (v) {
					return I.fmtNum(v, Number(v) % 1 === 0 ? 0 : 2);
				}
			});
		}

		async function loadProfile() {
			try {
				var p = await api('GET', '/dashboard/profile', null, { query: { year: year, unit: unit, asof: asof } });
				if (!ctx.alive()) {
					return;
				}
				profileNote.textContent = p.standard ? t('dash.profile_standard', { std: p.standard }) : '';
				var inds = p.indicators || [];
				C.stacked(profileBox, inds.map(function (d) {
					return {
						label: I.has('ind.' + d.key) ? t('ind.' + d.key) : (d.name || d.key),
						values: [d.poor, d.near_poor],
						titles: [
							I.fmtNum(d.poor) + ' (' + I.fmtPct(d.poor_pct, 1) + ')',
							I.fmtNum(d.near_poor) + ' (' + I.fmtPct(d.near_poor_pct, 1) + ')'
						]
					};
				}), [
					{ name: t('series.poor'), cls: 'c-poor' },
					{ name: t('series.near_poor'), cls: 'c-near' }
				], { ariaLabel: t('dash.chart_profile') });
			} catch (e) {
				if (ctx.alive() && e.status !== 401) {
					U.clear(profileBox).appendChild(U.message('error', errorText(e)));
				}
			}
		}

		async function loadAf() {
			try {
				var a = await api('GET', '/dashboard/af', null, {
					query: { year: year, unit: unit, asof: asof }
				});
				if (!ctx.alive()) {
					return;
				}
				renderAf(a);
			} catch (e) {
				if (ctx.alive() && e.status !== 401) {
					U.clear(afBox).appendChild(U.message('error', errorText(e)));
					U.clear(afContribBox);
					afNote.textContent = '';
				}
			}
		}

		/* The AF table: each child, then the unit itself as the total
		 * (docs/api.md: {unit, children} with code, name, n, q, H, A, M0). */
		function afRows(a) {
			var out = [];
			((a && a.children) || []).forEach(function (c) {
				out.push({ name: c.name, code: c.code, n: c.n, q: c.q, H: c.H, A: c.A, M0: c.M0 });
			});
			if (a && a.unit) {
				var u = a.unit;
				out.push({ total: true, name: u.name, code: u.code, n: u.n, q: u.q, H: u.H, A: u.A, M0: u.M0 });
			}
			return out;
		}

		/* The unit's H, A, M0 and the contribution of each indicator to its
		 * M0 (pctb, sums to 100 %), when the answer carries them. */
		function renderContrib(a) {
			var u = a && a.unit;
			var inds = u && Array.isArray(u.indicators) ? u.indicators : [];
			afNote.textContent = u && u.M0 !== undefined ? t('dash.af_measures', {
				H: I.fmtPct(u.H), A: I.fmtPct(u.A), M0: I.fmtNum(u.M0, 4),
				k: a.k && a.k.deprivations ? a.k.deprivations + '/' + (a.k.of || 12) : ''
			}) : '';
			/* labels above the bars (stacked, one series): long names stay whole */
			C.stacked(afContribBox, inds.filter(function (d) {
				return d.pctb !== undefined;
			}).map(function (d) {
				return { label: I.has('ind.' + d.key) ? t('ind.' + d.key) : d.key, values: [d.pctb] };
			}), [{ name: t('dash.af_contrib'), cls: 'c-af' }], {
				ariaLabel: t('dash.af_contrib'),
				format: function (v) {
					return I.fmtPct(v);
				}
			});
		}

		function renderAf(a) {
			var rows = afRows(a);
			renderContrib(a);
			U.clear(afBox);
			if (!rows.length) {
				afBox.appendChild(h('p', { class: 'muted', text: t('app.nodata') }));
				return;
			}
			var cols = [
				{ key: 'n', label: 'dash.af_n', f: function (v) {
					return I.fmtNum(v);
				} },
				{ key: 'q', label: 'dash.af_q', f: function (v) {
					return I.fmtNum(v);
				} },
				{ key: 'H', label: 'dash.af_H', f: function (v) {
					return I.fmtNum(v, 2);
				} },
				{ key: 'A', label: 'dash.af_A', f: function (v) {
					return I.fmtNum(v, 2);
				} },
				{ key: 'M0', label: 'dash.af_M0', f: function (v) {
					return I.fmtNum(v, 4);
				} }
			];
			afBox.appendChild(h('div', { class: 'table-wrap scroll-y' }, h('table', { class: 'data af-table' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', class: 'col-name', text: t('dash.unit') }),
					cols.map(function (c) {
						return h('th', { scope: 'col', class: 'num', text: t(c.label) });
					})
				])),
				h('tbody', null, rows.map(function (r) {
					return h('tr', { class: r.total ? 'total' : null, dataset: { code: r.code } }, [
						h('th', { scope: 'row', class: 'col-name', text: r.total ? t('dash.total') + (r.name ? ': ' + r.name : '') : (r.name || r.code) }),
						cols.map(function (c) {
							return h('td', { class: 'num', dataset: { field: c.key }, text: c.f(r[c.key]) });
						})
					]);
				}))
			])));
		}


		/* ---- reports: the official summary tables of the unit, year and map
		 * shown, as files (GET /reports/{name}; a plain link: the session
		 * cookie goes with it); for a commune or a village, also the lists
		 * of households (posting list, decision annex, certificates), which
		 * the API offers only to the roles that may read personal data ---- */
		if (!I.has('rep.lists')) {
			I.add({
				vi: {
					'rep.tables': 'Biểu tổng hợp',
					'rep.lists': 'Danh sách hộ (có thông tin cá nhân)',
					'rep.list_note': 'Danh sách có họ tên, mã hộ của người dân: chỉ dùng theo quy định, không chia sẻ ra ngoài.',
					'rep.approved_note': 'Chỉ gồm các hộ đã được Chủ tịch UBND xã phê duyệt (công nhận).',
					'rep.csv_members': 'Giấy chứng nhận ở dạng CSV: mỗi thành viên một dòng.'
				},
				en: {
					'rep.tables': 'Summary tables',
					'rep.lists': 'Lists of households (personal data)',
					'rep.list_note': 'The list holds people\'s names and household ids: use it as the law allows, do not share it.',
					'rep.approved_note': 'Only the households the commune chair approved (recognised).',
					'rep.csv_members': 'Certificates as CSV: one line per member.'
				}
			});
		}
		function reportHref(name, format) {
			return API + '/reports/' + encodeURIComponent(name) +
				qs({ unit: unit, year: year, asof: asof, format: format });
		}

		async function loadReports() {
			try {
				var list = await api('GET', '/reports');
				if (!ctx.alive()) {
					return;
				}
				renderReports((list && list.reports) || []);
			} catch (e) {
				if (ctx.alive() && e.status !== 401) {
					U.clear(reportBox).appendChild(U.message('error', errorText(e)));
				}
			}
		}

		function renderReports(all) {
			U.clear(reportBox);
			/* the lists are drawn for a commune or a village only */
			var level = summary && summary.unit ? summary.unit.level : '';
			var reports = all.filter(function (r) {
				return r.kind !== 'list' || (r.levels || []).indexOf(level) >= 0;
			});
			if (!reports.length) {
				reportBox.appendChild(h('p', { class: 'muted', text: t('rep.none') }));
				return;
			}
			var en = I.getLang() === 'en';
			var byName = {};
			function option(r) {
				byName[r.name] = r;
				var title = en ? (r.title_en || r.title_vi) : r.title_vi;
				return h('option', { value: r.name, text: (r.number ? r.number + '. ' : '') + title });
			}
			var tables = reports.filter(function (r) {
				return r.kind !== 'list';
			});
			var lists = reports.filter(function (r) {
				return r.kind === 'list';
			});
			var nameSel = h('select', { id: 'rep-name', name: 'report' }, lists.length ? [
				h('optgroup', { label: t('rep.tables') }, tables.map(option)),
				h('optgroup', { label: t('rep.lists') }, lists.map(option))
			] : tables.map(option));
			nameSel.value = reports[0].name;
			var fmtSel = U.select({ id: 'rep-format', name: 'format' }, [
				{ value: 'xlsx', label: t('rep.xlsx') },
				{ value: 'pdf', label: t('rep.pdf') },
				{ value: 'csv', label: t('rep.csv') }
			], 'xlsx');
			var dl = h('a', { class: 'button', id: 'rep-download', download: '', text: t('rep.download') });
			var note = h('p', { class: 'small muted', id: 'rep-note', 'aria-live': 'polite' });
			function update() {
				dl.setAttribute('href', reportHref(nameSel.value, fmtSel.value));
				var r = byName[nameSel.value] || {};
				var lines = [];
				if (r.kind === 'list') {
					lines.push(t('rep.list_note'));
					if (r.approved_only) {
						lines.push(t('rep.approved_note'));
					}
					if (r.name === 'certificates' && fmtSel.value === 'csv') {
						lines.push(t('rep.csv_members'));
					}
				}
				note.textContent = lines.join(' ');
				note.hidden = !lines.length;
			}
			nameSel.addEventListener('change', update);
			fmtSel.addEventListener('change', update);
			update();
			reportBox.appendChild(h('form', { class: 'controls', on: { submit: function (ev) {
				ev.preventDefault();
			} } }, [
				U.field(t('rep.report'), nameSel),
				U.field(t('rep.format'), fmtSel),
				h('div', { class: 'field' }, dl)
			]));
			reportBox.appendChild(note);
		}

		renderSummary(summary);
		renderTrend(trend);
		loadProfile();
		loadAf();
		loadReports();
		fillMissingNames();

		/* Names of ancestors opened directly from a link (reload). */
		async function fillMissingNames() {
			var missing = path.filter(function (c) {
				return !state.names[nameKey(asof, c)];
			});
			for (var k = 0; k < missing.length; k++) {
				try {
					var s = await api('GET', '/dashboard/summary', null, { query: { year: year, asof: asof, unit: missing[k] } });
					if (s.unit && s.unit.name) {
						state.names[nameKey(asof, missing[k])] = s.unit.name;
					}
				} catch (e) {
					/* keep the code */
				}
			}
			if (missing.length && ctx.alive()) {
				renderCrumbs();
			}
		}

		/* ---- live refresh: poll; re-render when `generation` changes ---- */
		var generation = summary.generation;
		var timer = null;
		var stopped = false;
		ctx.onCleanup(function () {
			stopped = true;
			if (timer) {
				clearTimeout(timer);
			}
		});
		async function poll() {
			timer = null;
			if (stopped) {
				return;
			}
			if (!document.hidden) {
				try {
					var s = await api('GET', '/dashboard/summary', null, { query: { year: year, asof: asof, unit: unit } });
					if (stopped || !ctx.alive()) {
						return;
					}
					if (s.generation !== generation) {
						generation = s.generation;
						renderSummary(s);
						api('GET', '/dashboard/trend', null, { query: { unit: unit, asof: asof } }).then(function (tr) {
							if (ctx.alive()) {
								renderTrend(tr);
							}
						}, function () {});
						loadProfile();
						loadAf();
					} else {
						updated.textContent = t('dash.updated', { time: I.fmtTime(new Date()) }) + ' · ' + t('dash.live');
					}
				} catch (e) {
					if (e.status === 401) {
						return;
					}
				}
			}
			if (!stopped) {
				timer = setTimeout(poll, POLL_MS);
			}
		}
		timer = setTimeout(poll, POLL_MS);
	}

	/* ===== households ================================================================ */

	function classBadge(cls) {
		if (!cls) {
			return h('span', { class: 'muted', text: t('app.dash') });
		}
		return h('span', { class: 'badge badge-' + String(cls).toLowerCase(), dataset: { cls: cls }, text: t('class.' + cls) });
	}

	function viewHouseholds(ctx) {
		var root = ctx.root;
		var q = ctx.query;
		var limit = 50;
		var offset = Number(q.offset) || 0;
		var search = h('input', {
			id: 'hh-search', type: 'search', name: 'q', value: q.q || '', autocomplete: 'off',
			'aria-describedby': 'hh-search-hint'
		});
		var yearSel = U.select({ id: 'hh-year', name: 'year' }, [{ value: '', label: t('hh.any_year') }].concat(
			yearRange().map(function (y) {
				return { value: y, label: String(y) };
			})), q.year || '');
		var classSel = U.select({ id: 'hh-class', name: 'class' }, [{ value: '', label: t('class.any') }].concat(
			CLASSES.map(function (c) {
				return { value: c, label: t('class.' + c) };
			})), q['class'] || '');
		var results = h('div', { id: 'hh-results', 'aria-live': 'polite' });
		var reqSeq = 0;
		var debounce = null;
		ctx.onCleanup(function () {
			if (debounce) {
				clearTimeout(debounce);
			}
		});

		function current() {
			return { q: search.value.trim() || null, year: yearSel.value || null, 'class': classSel.value || null, offset: offset || null };
		}

		async function load() {
			var my = ++reqSeq;
			var cur = current();
			history.replaceState(null, '', hashFor('/households', cur));
			results.setAttribute('aria-busy', 'true');
			try {
				var data = await api('GET', '/households', null, {
					query: { q: cur.q, year: cur.year, 'class': cur['class'], offset: offset, limit: limit }
				});
				if (my !== reqSeq || !ctx.alive()) {
					return;
				}
				renderResults(data);
			} catch (e) {
				if (my === reqSeq && ctx.alive() && e.status !== 401) {
					U.clear(results).appendChild(U.message('error', errorText(e)));
				}
			} finally {
				results.removeAttribute('aria-busy');
			}
		}

		function renderResults(data) {
			U.clear(results);
			/* what the list shows, for tests and assistive tools */
			results.dataset.q = search.value.trim();
			var rows = data.rows || [];
			var total = Number(data.total) || 0;
			if (!rows.length) {
				results.appendChild(h('p', { class: 'muted', id: 'hh-none', text: t('hh.none') }));
				return;
			}
			results.appendChild(h('p', { class: 'small', id: 'hh-total', text: t('hh.total', { n: I.fmtNum(total) }) }));
			results.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data hh-table' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', text: t('hh.head') }),
					h('th', { scope: 'col', class: 'col-id', text: t('hh.id') }),
					h('th', { scope: 'col', class: 'col-unit', text: t('hh.unit') }),
					h('th', { scope: 'col', text: t('hh.village') }),
					h('th', { scope: 'col', text: t('hh.class') })
				])),
				h('tbody', null, rows.map(function (r) {
					var href = '#/households/' + encodeURIComponent(r.id);
					var tr = h('tr', { class: 'clickable', dataset: { id: r.id } }, [
						h('th', { scope: 'row' }, h('a', { href: href, text: r.head_name || r.id })),
						h('td', { class: 'mono col-id', text: r.id }),
						h('td', { class: 'col-unit', text: r.unit_name || r.unit_code || '', title: r.unit_code || null }),
						h('td', { text: r.village || '' }),
						h('td', null, classBadge(r['class']))
					]);
					tr.addEventListener('click', function (ev) {
						if (ev.target.tagName !== 'A') {
							location.hash = href;
						}
					});
					return tr;
				}))
			])));
			if (total > rows.length) {
				var prev = h('button', { type: 'button', class: 'secondary', text: t('hh.prev'), disabled: offset <= 0 });
				var next = h('button', { type: 'button', class: 'secondary', text: t('hh.next'), disabled: offset + rows.length >= total });
				prev.addEventListener('click', function () {
					offset = Math.max(0, offset - limit);
					load();
				});
				next.addEventListener('click', function () {
					offset += limit;
					load();
				});
				results.appendChild(h('div', { class: 'pager' }, [
					prev,
					h('span', { class: 'small', text: t('hh.page', { from: I.fmtNum(offset + 1), to: I.fmtNum(offset + rows.length), total: I.fmtNum(total) }) }),
					next
				]));
			}
		}

		search.addEventListener('input', function () {
			if (debounce) {
				clearTimeout(debounce);
			}
			debounce = setTimeout(function () {
				offset = 0;
				load();
			}, 300);
		});
		[yearSel, classSel].forEach(function (s) {
			s.addEventListener('change', function () {
				offset = 0;
				load();
			});
		});

		root.appendChild(h('h1', { text: t('hh.title') }));
		root.appendChild(h('form', { class: 'controls search-form', role: 'search', on: { submit: function (ev) {
			ev.preventDefault();
			offset = 0;
			load();
		} } }, [
			h('div', { class: 'field grow' }, [
				h('label', { for: 'hh-search', text: t('hh.search') }),
				search,
				h('p', { class: 'hint', id: 'hh-search-hint', text: t('hh.search_hint') })
			]),
			U.field(t('hh.year'), yearSel),
			U.field(t('hh.class'), classSel)
		]));
		root.appendChild(results);
		search.focus();
		return load();
	}

	function auditValue(v) {
		return v === null || v === undefined || v === '' ? t('app.dash') : String(v);
	}

	async function viewHousehold(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		loading(root);
		var data = await api('GET', '/households/' + encodeURIComponent(id));
		if (!ctx.alive()) {
			return;
		}
		U.clear(root);
		var hh = data.household || {};
		var members = hh.members || [];
		var reviews = (data.reviews || []).slice().sort(function (a, b) {
			return Number(b.year) - Number(a.year);
		});
		var history = data.history || [];

		root.appendChild(h('p', { class: 'small' }, h('a', { href: '#/households', text: '‹ ' + t('hh.title') })));
		root.appendChild(h('h1', { text: t('hd.title', { name: hh.head_name || id }) }));

		root.appendChild(h('section', { class: 'card' }, [
			h('h2', { text: t('hd.info') }),
			h('dl', { class: 'facts' }, [
				h('dt', { text: t('hh.id') }), h('dd', { class: 'mono', text: hh.id || id }),
				h('dt', { text: t('hh.head') }), h('dd', { text: hh.head_name || t('app.dash') }),
				h('dt', { text: t('hh.unit') }), h('dd', { text: (hh.unit_name ? hh.unit_name + ' ' : '') + '(' + (hh.unit_code || '') + ')' }),
				h('dt', { text: t('hh.village') }), h('dd', { text: hh.village || t('app.dash') }),
				hh.address ? [h('dt', { text: t('hh.address') }), h('dd', { text: hh.address })] : null,
				hh.updated_at ? [h('dt', { text: t('hd.updated_at') }), h('dd', { text: I.fmtDateTime(hh.updated_at) })] : null
			]),
			can('manage_rounds') ? h('p', { class: 'actions' }, h('a', {
				class: 'button secondary', id: 'hd-application',
				href: hashFor('/applications', { household: hh.id || id }), text: t('ap.from_household')
			})) : null
		]));

		/* reviews */
		var yearSel = U.select({ id: 'hd-review-year' }, yearRange().map(function (y) {
			return { value: y, label: String(y) };
		}), reviews.length ? reviews[0].year : thisYear() - 1);
		var openBtn = h('button', { type: 'button', class: 'primary', id: 'hd-review-open', text: t('hd.new_review_btn') });
		openBtn.addEventListener('click', function () {
			location.hash = '#/households/' + encodeURIComponent(id) + '/reviews/' + yearSel.value;
		});
		var revSection = h('section', { class: 'card', id: 'hd-reviews' }, [
			h('h2', { text: t('hd.reviews') }),
			can('write_reviews') ? h('div', { class: 'controls' }, [U.field(t('hd.new_review'), yearSel), h('div', { class: 'field' }, openBtn)]) : null
		]);
		if (!reviews.length) {
			revSection.appendChild(h('p', { class: 'muted', text: t('hd.no_reviews') }));
		} else {
			revSection.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, [
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', text: t('hd.year') }),
					h('th', { scope: 'col', text: t('hd.class') }),
					h('th', { scope: 'col', text: t('hd.deprivations') }),
					h('th', { scope: 'col', text: t('hd.transition') }),
					h('th', { scope: 'col', text: t('hd.status') }),
					h('th', { scope: 'col', text: '' })
				])),
				h('tbody', null, reviews.map(function (r) {
					var keys = reviewDeprivations(r);
					var n = r.deprivations_count !== undefined ? r.deprivations_count : keys.length;
					return h('tr', { dataset: { year: r.year } }, [
						h('th', { scope: 'row', text: String(r.year) }),
						h('td', null, classBadge(r['class'] || r.cls)),
						h('td', null, [
							h('span', { text: t('hd.deprivations_n', { n: n }) }),
							keys.length ? h('span', { class: 'small muted block', text: keys.map(function (k) {
								return t('ind.' + k);
							}).join('; ') }) : null
						]),
						h('td', { text: r.transition ? t('transition.' + r.transition) : t('app.dash') }),
						h('td', { text: r.status ? (I.has('status.' + r.status) ? t('status.' + r.status) : r.status) : t('app.dash') }),
						h('td', null, can('write_reviews') ? h('a', { href: '#/households/' + encodeURIComponent(id) + '/reviews/' + r.year, text: t('hd.edit') }) : null)
					]);
				}))
			])));
		}
		root.appendChild(revSection);

		/* members */
		var memSection = h('section', { class: 'card' }, h('h2', { text: t('hd.members') }));
		if (!members.length) {
			memSection.appendChild(h('p', { class: 'muted', text: t('hd.no_members') }));
		} else {
			memSection.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, [
				h('thead', null, h('tr', null, ['hd.member_name', 'hd.member_relation', 'hd.member_sex', 'hd.member_birth',
					'hd.member_ethnicity', 'hd.member_id', 'hd.member_insurance', 'hd.member_schooling', 'hd.member_labour'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				h('tbody', null, members.map(function (m) {
					var ins = m.health_insurance;
					return h('tr', null, [
						h('th', { scope: 'row', text: m.name || '' }),
						h('td', { text: m.relation || '' }),
						h('td', { text: m.sex ? t('sex.' + m.sex) : '' }),
						h('td', { text: m.birth_year ? String(m.birth_year) : '' }),
						h('td', { text: m.ethnicity || '' }),
						h('td', { class: 'mono', text: m.id_number || '' }),
						h('td', { text: ins === true || ins === 1 ? t('app.yes') : (ins === false || ins === 0 ? t('app.no') : '') }),
						h('td', { text: m.schooling || '' }),
						h('td', { text: m.labour || '' })
					]);
				}))
			])));
		}
		root.appendChild(memSection);

		/* history (audit log) */
		var histSection = h('section', { class: 'card', id: 'hd-history' }, h('h2', { text: t('hd.history') }));
		if (!history.length) {
			histSection.appendChild(h('p', { class: 'muted', text: t('hd.no_history') }));
		} else {
			histSection.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, [
				h('thead', null, h('tr', null, ['hd.when', 'hd.who', 'hd.record', 'hd.field', 'hd.change'].map(function (k) {
					return h('th', { scope: 'col', text: t(k) });
				}))),
				h('tbody', null, history.map(function (e) {
					var who = e.username || e.user_name || e.full_name || e.user ||
						(Number(e.user_id) > 0 ? '#' + e.user_id : t('hd.system'));
					var oldV = e.old_value !== undefined ? e.old_value : e.old;
					var newV = e.new_value !== undefined ? e.new_value : e['new'];
					return h('tr', null, [
						h('td', { class: 'nowrap', text: I.fmtDateTime(e.at !== undefined ? e.at : (e.when || e.time)) }),
						h('td', { text: String(who) }),
						h('td', { class: 'mono', text: e.record_key || e.entity || '' }),
						h('td', { class: 'mono', text: e.field || '' }),
						h('td', null, [
							h('span', { class: oldV === null || oldV === undefined || oldV === '' ? 'muted' : 'old', text: auditValue(oldV) }),
							' → ',
							h('span', { class: 'new', text: auditValue(newV) })
						])
					]);
				}))
			])));
		}
		root.appendChild(histSection);
	}

	/* The set deprivation keys of a review as returned by the server: d_*
	 * booleans, or a `deprivations` array or ';'-joined string. */
	function reviewDeprivations(r) {
		var keys = [];
		if (Array.isArray(r.deprivations)) {
			keys = r.deprivations.slice();
		} else if (typeof r.deprivations === 'string' && r.deprivations) {
			keys = r.deprivations.split(';').filter(Boolean);
		}
		ALL_INDICATORS.forEach(function (k) {
			if ((r[k] === true || r[k] === 1 || r[k] === '1') && keys.indexOf(k) < 0) {
				keys.push(k);
			}
		});
		return keys;
	}

	/* ===== review form ================================================================= */

	async function viewReview(ctx) {
		var root = ctx.root;
		var id = ctx.params[0];
		var year = Number(ctx.params[1]);
		loading(root);
		var data = await api('GET', '/households/' + encodeURIComponent(id));
		if (!ctx.alive()) {
			return;
		}
		var hh = data.household || {};
		var existing = null;
		var earlier = null; /* the latest review before this year */
		(data.reviews || []).forEach(function (r) {
			var ry = Number(r.year);
			if (ry === year) {
				existing = r;
			} else if (ry < year && (!earlier || ry > Number(earlier.year))) {
				earlier = r;
			}
		});
		/* prefill: this year's review, else a copy of the latest earlier
		 * one (the annual review starts from last year's answers), else
		 * what the household record knows */
		var base = existing || earlier || {
			members: (hh.members || []).length || '',
			village: hh.village || '',
			head_name: hh.head_name || ''
		};
		var indicators = indicatorsOf(year);
		var setKeys = base === existing || base === earlier ? reviewDeprivations(base) : [];
		var causes = Array.isArray(base.causes) ? base.causes
			: String(base.causes || '').split(';').filter(Boolean);

		var errs = {};   /* field -> <p class="field-error"> */
		var inputs = {}; /* field -> control */

		function errSlot(name) {
			var p = h('p', { class: 'field-error', id: 'err-' + name, role: 'alert', hidden: true, dataset: { field: name } });
			errs[name] = p;
			return p;
		}

		function textInput(name, value, attrs) {
			var a = { id: 'rv-' + name, name: name, value: value === null || value === undefined || value === -1 ? '' : String(value), 'aria-describedby': 'err-' + name };
			Object.keys(attrs || {}).forEach(function (k) {
				a[k] = attrs[k];
			});
			var el = h('input', a);
			inputs[name] = el;
			return el;
		}

		function fieldRow(name, label, control, hint) {
			return h('div', { class: 'field', dataset: { field: name } }, [
				h('label', { for: control.id, text: label }),
				control,
				hint ? h('p', { class: 'hint', text: hint }) : null,
				errSlot(name)
			]);
		}

		function checkbox(name, label, checked) {
			var cb = h('input', { type: 'checkbox', id: 'rv-' + name, name: name, checked: !!checked });
			inputs[name] = cb;
			return h('div', { class: 'check', dataset: { field: name } }, [
				cb, h('label', { for: cb.id, text: label }), errSlot(name)
			]);
		}

		function truthy(v) {
			return v === true || v === 1 || v === '1' || v === 'true';
		}

		var incomeVal = base.income !== undefined && base.income !== null && Number(base.income) >= 0 ? I.fmtNum(base.income) : '';
		var scoreAVal = base.score_a !== undefined && base.score_a !== null && Number(base.score_a) >= 0 ? String(base.score_a) : '';
		var areaSel = U.select({ id: 'rv-area', name: 'area', 'aria-describedby': 'err-area' }, [
			{ value: '', label: t('rv.area_default') },
			{ value: 'rural', label: t('rv.area_rural') },
			{ value: 'urban', label: t('rv.area_urban') }
		], base.area || '');
		inputs.area = areaSel;
		var sexSel = U.select({ id: 'rv-head_sex', name: 'head_sex', 'aria-describedby': 'err-head_sex' }, [
			{ value: '', label: t('rv.head_sex_none') },
			{ value: 'M', label: t('sex.M') },
			{ value: 'F', label: t('sex.F') }
		], base.head_sex || '');
		inputs.head_sex = sexSel;
		var needs = h('textarea', { id: 'rv-support_needs', name: 'support_needs', rows: 3, 'aria-describedby': 'err-support_needs' });
		needs.value = base.support_needs || '';
		inputs.support_needs = needs;
		var deprCount = h('p', { class: 'small muted', id: 'rv-depr-count', 'aria-live': 'polite' });

		var formError = h('div', { class: 'msg msg-error', id: 'rv-form-error', role: 'alert', hidden: true });
		var result = h('div', { id: 'rv-result', 'aria-live': 'polite' });
		var saveBtn = h('button', { type: 'submit', class: 'primary', id: 'rv-save', text: t('rv.save') });

		var deprBoxes = indicators.map(function (k) {
			return checkbox(k, t('ind.' + k), setKeys.indexOf(k) >= 0);
		});

		var form = h('form', { id: 'review-form', class: 'review-form', novalidate: true }, [
			h('fieldset', null, [
				h('legend', { text: t('rv.part_general') }),
				h('div', { class: 'row' }, [
					fieldRow('members', t('rv.members'), textInput('members', base.members, { inputmode: 'numeric', required: true, 'aria-required': 'true' })),
					fieldRow('village', t('rv.village'), textInput('village', base.village)),
					fieldRow('area', t('rv.area'), areaSel)
				])
			]),
			h('fieldset', null, [
				h('legend', { text: t('rv.part_income') }),
				h('div', { class: 'row' }, [
					fieldRow('income', t('rv.income'), textInput('income', incomeVal, { inputmode: 'numeric' }), t('rv.income_hint')),
					fieldRow('score_a', t('rv.score_a'), textInput('score_a', scoreAVal, { inputmode: 'decimal' }))
				])
			]),
			h('fieldset', null, [
				h('legend', { text: t('rv.part_depr') }),
				h('div', { class: 'checks' }, deprBoxes),
				deprCount,
				h('div', { class: 'row' }, [
					fieldRow('score_b', t('rv.score_b'), textInput('score_b', base.score_b, { inputmode: 'numeric' }), t('rv.score_b_hint'))
				])
			]),
			h('fieldset', null, [
				h('legend', { text: t('rv.part_head') }),
				h('div', { class: 'row' }, [
					fieldRow('head_name', t('rv.head_name'), textInput('head_name', base.head_name, { autocomplete: 'off' })),
					fieldRow('head_sex', t('rv.head_sex'), sexSel),
					fieldRow('head_birth_year', t('rv.head_birth_year'), textInput('head_birth_year', base.head_birth_year || '', { inputmode: 'numeric' })),
					fieldRow('head_ethnicity', t('rv.head_ethnicity'), textInput('head_ethnicity', base.head_ethnicity)),
					fieldRow('id_number', t('rv.id_number'), textInput('id_number', base.id_number, { inputmode: 'numeric', autocomplete: 'off', maxlength: 12 }))
				])
			]),
			h('fieldset', null, [
				h('legend', { text: t('rv.part_groups') }),
				h('div', { class: 'checks' }, [
					checkbox('merit', t('rv.merit'), truthy(base.merit)),
					checkbox('no_labour', t('rv.no_labour'), truthy(base.no_labour)),
					checkbox('social_protection', t('rv.social_protection'), truthy(base.social_protection))
				]),
				h('div', { class: 'field', dataset: { field: 'causes' } }, [
					h('span', { class: 'label', id: 'rv-causes-label', text: t('rv.causes') }),
					h('div', { class: 'checks', role: 'group', 'aria-labelledby': 'rv-causes-label' }, CAUSES.map(function (c) {
						var cb = h('input', { type: 'checkbox', id: 'rv-cause-' + c, name: 'causes', value: c, checked: causes.indexOf(c) >= 0 });
						return h('div', { class: 'check' }, [cb, h('label', { for: cb.id, text: t('cause.' + c) })]);
					})),
					errSlot('causes')
				]),
				fieldRow('support_needs', t('rv.support_needs'), needs)
			]),
			formError,
			h('div', { class: 'actions' }, [
				saveBtn,
				h('a', { class: 'button secondary', href: '#/households/' + encodeURIComponent(id), text: t('rv.cancel') })
			]),
			result
		]);

		/* a year whose lists are approved and locked: the review is read only */
		var readOnly = !!existing && existing.status === 'locked';
		if (readOnly) {
			form.querySelectorAll('fieldset').forEach(function (fs) {
				fs.disabled = true;
			});
			saveBtn.remove();
		}

		U.clear(root);
		root.appendChild(h('p', { class: 'small' }, h('a', { href: '#/households/' + encodeURIComponent(id), text: '‹ ' + (hh.head_name || id) })));
		root.appendChild(h('h1', { text: t('rv.title', { year: year, id: id }) }));
		if (readOnly) {
			root.appendChild(h('p', { class: 'msg msg-info', id: 'rv-locked', role: 'status', text: t('rv.locked_readonly', { year: year }) }));
		} else if (existing && existing.status === 'approved') {
			root.appendChild(h('p', { class: 'msg msg-info', id: 'rv-approved', text: t('rv.approved_note') }));
		}
		if (existing && (existing['class'] || existing.cls)) {
			root.appendChild(h('p', null, [t('rv.result') + ': ', classBadge(existing['class'] || existing.cls)]));
		} else if (!existing) {
			root.appendChild(h('p', { class: 'muted', id: 'rv-new', text: earlier ? t('rv.new_from', { year: earlier.year }) : t('rv.new') }));
		}
		root.appendChild(form);

		function checkedDepr() {
			return indicators.filter(function (k) {
				return inputs[k].checked;
			});
		}
		function updateCount() {
			deprCount.textContent = t('rv.depr_count', { n: checkedDepr().length });
		}
		indicators.forEach(function (k) {
			inputs[k].addEventListener('change', function () {
				updateCount();
				if (inputs.score_b.value.trim()) {
					validateField('score_b');
				}
			});
		});
		updateCount();

		function setError(name, msg) {
			var p = errs[name];
			var ctl = inputs[name];
			if (!p) {
				return false;
			}
			if (msg) {
				p.textContent = msg;
				p.hidden = false;
				if (ctl) {
					ctl.setAttribute('aria-invalid', 'true');
				}
				var wrap = p.parentNode;
				if (wrap) {
					wrap.classList.add('invalid');
				}
			} else {
				p.textContent = '';
				p.hidden = true;
				if (ctl) {
					ctl.removeAttribute('aria-invalid');
				}
				if (p.parentNode) {
					p.parentNode.classList.remove('invalid');
				}
			}
			return true;
		}

		/* Inline rules (the server checks them again). Returns the message or ''. */
		function rule(name) {
			var v = inputs[name] ? String(inputs[name].value).trim() : '';
			var n;
			switch (name) {
			case 'members':
				if (!v) {
					return t('val.required');
				}
				if (!/^\d+$/.test(v)) {
					return t('val.int');
				}
				return Number(v) >= 1 ? '' : t('val.min', { min: 1 });
			case 'income':
				if (!v) {
					return inputs.score_a.value.trim() ? '' : t('val.income_or_score');
				}
				return I.parseMoney(v) === null ? t('val.money') : '';
			case 'score_a':
				if (!v) {
					return inputs.income.value.trim() ? '' : t('val.income_or_score');
				}
				n = I.parseNum(v);
				if (n === null) {
					return t('val.number');
				}
				return n >= 0 ? '' : t('val.min', { min: 0 });
			case 'score_b':
				if (!v) {
					return '';
				}
				if (!/^\d+$/.test(v)) {
					return t('val.int');
				}
				n = checkedDepr().length;
				return Number(v) === 10 * n ? '' : t('val.score_b', { n: n });
			case 'head_birth_year':
				if (!v) {
					return '';
				}
				if (!/^\d{4}$/.test(v) || Number(v) < 1900 || Number(v) > thisYear()) {
					return t('val.range', { min: 1900, max: thisYear() });
				}
				return '';
			case 'id_number':
				if (!v) {
					return '';
				}
				return /^\d{12}$/.test(v) ? '' : t('val.id12');
			default:
				return '';
			}
		}

		function validateField(name) {
			/* income and score_a answer for each other */
			var names = name === 'income' || name === 'score_a' ? ['income', 'score_a'] : [name];
			var ok = true;
			names.forEach(function (n) {
				var m = rule(n);
				setError(n, m);
				if (m) {
					ok = false;
				}
			});
			return ok;
		}

		var CHECKED = ['members', 'income', 'score_a', 'score_b', 'head_birth_year', 'id_number'];
		CHECKED.forEach(function (name) {
			inputs[name].addEventListener('blur', function () {
				validateField(name);
			});
			inputs[name].addEventListener('input', function () {
				if (inputs[name].getAttribute('aria-invalid')) {
					validateField(name);
				}
			});
		});

		function body() {
			var b = {};
			var v;
			b.members = Number(inputs.members.value.trim());
			v = inputs.income.value.trim();
			if (v) {
				b.income = I.parseMoney(v);
			}
			v = inputs.score_a.value.trim();
			if (v) {
				b.score_a = I.parseNum(v);
			}
			indicators.forEach(function (k) {
				b[k] = inputs[k].checked;
			});
			v = inputs.score_b.value.trim();
			if (v) {
				b.score_b = Number(v);
			}
			['area', 'village', 'head_name', 'head_sex', 'head_ethnicity', 'id_number', 'support_needs'].forEach(function (k) {
				v = String(inputs[k].value).trim();
				if (v) {
					b[k] = v;
				}
			});
			v = inputs.head_birth_year.value.trim();
			if (v) {
				b.head_birth_year = Number(v);
			}
			b.merit = inputs.merit.checked;
			b.no_labour = inputs.no_labour.checked;
			b.social_protection = inputs.social_protection.checked;
			b.causes = CAUSES.filter(function (c) {
				return document.getElementById('rv-cause-' + c).checked;
			});
			return b;
		}

		function clearErrors() {
			Object.keys(errs).forEach(function (k) {
				setError(k, '');
			});
			formError.hidden = true;
			U.clear(formError);
		}

		function showFormError(lines) {
			U.clear(formError);
			lines.forEach(function (l) {
				formError.appendChild(h('p', { text: l }));
			});
			formError.hidden = false;
		}

		function focusFirstError() {
			var first = form.querySelector('[aria-invalid="true"]');
			if (first) {
				first.focus();
			}
		}

		form.addEventListener('submit', async function (ev) {
			ev.preventDefault();
			if (readOnly) {
				return;
			}
			clearErrors();
			U.clear(result);
			var ok = true;
			CHECKED.forEach(function (name) {
				var m = rule(name);
				if (m) {
					ok = false;
					setError(name, m);
				}
			});
			if (!ok) {
				showFormError([t('rv.invalid')]);
				focusFirstError();
				return;
			}
			saveBtn.disabled = true;
			saveBtn.textContent = t('rv.saving');
			try {
				var res = await api('PUT', '/households/' + encodeURIComponent(id) + '/reviews/' + year, body());
				if (!ctx.alive()) {
					return;
				}
				var r = (res && res.review) || {};
				var cls = r['class'] || r.cls;
				result.appendChild(h('div', { class: 'msg msg-ok result-box', role: 'status' }, [
					h('p', null, [t('rv.result') + ': ', classBadge(cls)]),
					h('p', { text: t('rv.saved', { cls: cls ? t('class.' + cls) : t('app.dash') }) , class: 'sr-only' }),
					r.deprivations_count !== undefined ? h('p', { text: t('rv.result_depr', { n: r.deprivations_count }) }) : null,
					r.transition ? h('p', { text: t('rv.result_transition', { t: t('transition.' + r.transition) }) }) : null
				]));
				result.scrollIntoView({ block: 'nearest' });
			} catch (e) {
				if (!ctx.alive() || e.status === 401) {
					return;
				}
				var lines = [];
				if (e.status === 422 && e.data && e.data.fields) {
					Object.keys(e.data.fields).forEach(function (k) {
						if (!setError(k, e.data.fields[k])) {
							lines.push(k + ': ' + e.data.fields[k]);
						}
					});
					lines.unshift(serverText(e.data) || t('rv.invalid'));
					showFormError(lines);
					focusFirstError();
				} else if (e.status === 409) {
					showFormError([t('rv.locked'), serverText(e.data)].filter(Boolean));
				} else {
					showFormError([errorText(e)]);
				}
			} finally {
				if (ctx.alive()) {
					saveBtn.disabled = false;
					saveBtn.textContent = t('rv.save');
				}
			}
		});
	}

	/* ===== import ========================================================================= */

	function viewImport(ctx) {
		var root = ctx.root;
		/* households and population: import_data; units and lineage (they
		 * change the map): import_map */
		var kinds = (can('import_data') ? ['households', 'population'] : []).concat(
			can('import_map') ? ['units', 'lineage'] : [],
			can('write_me') ? ['budget'] : [], /* budget.csv: M&E (me_plans.js) */
			can('write_me') ? ['indicator_values'] : []); /* indicator_values.csv: me_results.js */
		var kindSel = U.select({ id: 'imp-kind', name: 'kind' }, kinds.map(function (k) {
			return { value: k, label: t('imp.kind.' + k) };
		}), ctx.query.kind || kinds[0]);
		var fileIn = h('input', { type: 'file', id: 'imp-file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		var upBtn = h('button', { type: 'submit', class: 'primary', id: 'imp-upload', text: t('imp.upload') });
		var progress = h('progress', { id: 'imp-progress', max: '100', value: '0', hidden: true });
		var progressText = h('span', { class: 'small', id: 'imp-progress-text', 'aria-live': 'polite' });
		var out = h('div', { id: 'imp-result' });

		var form = h('form', { id: 'import-form', class: 'card', novalidate: true }, [
			h('p', { class: 'small muted', text: t('imp.hint') }),
			h('div', { class: 'controls' }, [
				U.field(t('imp.kind'), kindSel),
				U.field(t('imp.file'), fileIn)
			]),
			h('div', { class: 'actions' }, [upBtn, progress, progressText])
		]);

		form.addEventListener('submit', async function (ev) {
			ev.preventDefault();
			U.clear(out);
			var file = fileIn.files && fileIn.files[0];
			if (!file) {
				out.appendChild(U.message('error', t('imp.choose')));
				return;
			}
			if (!/\.(csv|xlsx)$/i.test(file.name)) {
				out.appendChild(U.message('error', t('imp.bad_type')));
				return;
			}
			upBtn.disabled = true;
			progress.hidden = false;
			progress.value = 0;
			progressText.textContent = t('imp.uploading', { pct: '0 %' });
			try {
				var res = await upload('/imports', { kind: kindSel.value, filename: file.name }, file, function (f) {
					if (f === null) {
						progress.removeAttribute('value');
						progressText.textContent = t('imp.uploading', { pct: '' });
						return;
					}
					progress.value = Math.round(f * 100);
					progressText.textContent = f >= 1 ? t('imp.checking') : t('imp.uploading', { pct: I.fmtPct(f * 100, 0) });
				});
				if (!ctx.alive()) {
					return;
				}
				progress.value = 100;
				progressText.textContent = '';
				renderPreview(res, file.name);
			} catch (e) {
				if (!ctx.alive() || e.status === 401) {
					return;
				}
				progressText.textContent = '';
				progress.hidden = true;
				out.appendChild(U.message('error', errorText(e)));
				if (e.data && Array.isArray(e.data.errors)) {
					out.appendChild(errorTable(e.data.errors));
				}
			} finally {
				if (ctx.alive()) {
					upBtn.disabled = false;
				}
			}
		});

		function errorTable(errors) {
			return h('div', { class: 'table-wrap' }, h('table', { class: 'data errors-table', id: 'imp-errors' }, [
				h('caption', { text: t('imp.errors') + ' (' + I.fmtNum(errors.length) + ')' }),
				h('thead', null, h('tr', null, [
					h('th', { scope: 'col', class: 'num', text: t('imp.line') }),
					h('th', { scope: 'col', text: t('imp.column') }),
					h('th', { scope: 'col', text: t('imp.message') })
				])),
				h('tbody', null, errors.map(function (er) {
					return h('tr', { dataset: { line: er.line, column: er.column } }, [
						h('td', { class: 'num', text: er.line !== undefined && er.line !== null ? String(er.line) : t('imp.whole_file') }),
						h('td', { class: 'mono', text: er.column || '' }),
						h('td', { text: er.message || '' })
					]);
				}))
			]));
		}

		function previewTable(rows) {
			if (!rows || !rows.length) {
				return null;
			}
			var cols;
			var body;
			if (Array.isArray(rows[0])) {
				cols = null;
				body = rows;
			} else {
				cols = [];
				rows.forEach(function (r) {
					Object.keys(r).forEach(function (k) {
						if (cols.indexOf(k) < 0) {
							cols.push(k);
						}
					});
				});
				body = rows.map(function (r) {
					return cols.map(function (k) {
						return r[k];
					});
				});
			}
			return h('div', { class: 'table-wrap' }, h('table', { class: 'data preview-table', id: 'imp-preview' }, [
				h('caption', { text: t('imp.preview') }),
				cols ? h('thead', null, h('tr', null, cols.map(function (c) {
					return h('th', { scope: 'col', class: 'mono', text: c });
				}))) : null,
				h('tbody', null, body.map(function (r) {
					return h('tr', null, r.map(function (v) {
						return h('td', { text: v === null || v === undefined ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v)) });
					}));
				}))
			]));
		}

		function renderPreview(res, filename) {
			U.clear(out);
			var errors = (res && res.errors) || [];
			var nerr = res && res.error_count !== undefined && res.error_count !== null ? Number(res.error_count) : errors.length;
			out.appendChild(h('p', { id: 'imp-summary', text: t('imp.summary', {
				file: res.filename || filename, rows: I.fmtNum(res.rows), errors: I.fmtNum(nerr)
			}) }));
			var warnings = (res && res.warnings) || [];
			if (warnings.length) {
				out.appendChild(h('div', { class: 'msg msg-info', id: 'imp-warnings' }, [
					h('p', { text: t('imp.warnings') }),
					h('ul', null, warnings.map(function (w) {
						return h('li', { text: typeof w === 'string' ? w : [w.line ? t('imp.line') + ' ' + w.line : '', w.column || '', w.message || ''].filter(Boolean).join(': ') });
					}))
				]));
			}
			if (nerr > 0 || errors.length) {
				out.appendChild(U.message('error', t('imp.fix')));
				if (res.truncated) {
					out.appendChild(U.message('info', t('imp.truncated', { shown: I.fmtNum(errors.length), total: I.fmtNum(nerr) })));
				}
				out.appendChild(errorTable(errors));
			} else if (res.id === null || res.id === undefined) {
				out.appendChild(U.message('error', t('app.error')));
			} else {
				var commitBtn = h('button', { type: 'button', class: 'primary', id: 'imp-commit', text: t('imp.commit') });
				var commitOut = h('div', { id: 'imp-commit-result', 'aria-live': 'polite' });
				commitBtn.addEventListener('click', async function () {
					commitBtn.disabled = true;
					commitBtn.textContent = t('imp.committing');
					U.clear(commitOut);
					try {
						var c = await api('POST', '/imports/' + encodeURIComponent(res.id) + '/commit');
						if (!ctx.alive()) {
							return;
						}
						commitBtn.remove();
						commitOut.appendChild(U.message('ok', t('imp.written', { n: I.fmtNum(c && c.written) })));
					} catch (e) {
						if (!ctx.alive() || e.status === 401) {
							return;
						}
						commitBtn.disabled = false;
						commitBtn.textContent = t('imp.commit');
						commitOut.appendChild(U.message('error', errorText(e)));
						if (e.data && Array.isArray(e.data.errors)) {
							commitOut.appendChild(errorTable(e.data.errors));
						}
					}
				});
				out.appendChild(U.message('info', t('imp.ready')));
				out.appendChild(h('div', { class: 'actions' }, commitBtn));
				out.appendChild(commitOut);
			}
			var pv = previewTable(res.preview);
			if (pv) {
				out.appendChild(pv);
			}
		}

		root.appendChild(h('h1', { text: t('imp.title') }));
		root.appendChild(form);
		root.appendChild(out);
	}

	/* ===== start ======================================================================== */

	function setupChrome() {
		var langBtn = document.getElementById('lang-switch');
		langBtn.addEventListener('click', function () {
			I.setLang(I.getLang() === 'vi' ? 'en' : 'vi');
		});
		I.onChange(function () {
			/* the server's own words (map labels, messages) follow the language */
			state.maps = null;
			route();
		});
		document.getElementById('logout').addEventListener('click', async function () {
			try {
				await api('POST', '/logout', null, { noAuthRedirect: true });
			} catch (e) {
				/* the session is gone either way */
			}
			state.me = null;
			state.csrf = '';
			state.expired = false;
			state.returnTo = '';
			state.rootCode = '';
			renderChrome('');
			location.hash = '#/login';
		});
	}

	async function start() {
		setupChrome();
		renderChrome('');
		try {
			var me = await api('GET', '/me', null, { noAuthRedirect: true });
			state.me = me.user;
			state.csrf = me.csrf;
		} catch (e) {
			state.me = null;
			if (e.status !== 401) {
				var root = document.getElementById('view');
				U.clear(root).appendChild(U.message('error', errorText(e)));
			}
		}
		window.addEventListener('hashchange', route);
		route();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
})();
