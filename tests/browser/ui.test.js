/*
 * ui.test.js - browser tests of the gnbv web UI against the real binary
 * (node --test). One server and one Chromium for the whole file; the
 * tests run in order (the throttling test is last: it locks a user out).
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/
 *
 * GNBV_SCREENSHOTS=DIR saves screenshots of the pages there.
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { startGnbv, fold } = require('./lib/gnbv');
const { launch, watch, vnInt, vnPct, enInt } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

const SHOTS = process.env.GNBV_SCREENSHOTS || '';

let srv;
let ctx;

async function shot(page, name) {
	if (SHOTS) {
		await page.screenshot({ path: path.join(SHOTS, name + '.png') });
	}
}

async function api(user) {
	const s = new ApiSession(srv.base);
	await s.login(user.username, user.password);
	return s;
}

/* A new page logged in as user, on the dashboard. */
async function pageAs(user) {
	await ctx.clearCookies();
	const page = await ctx.newPage();
	const problems = watch(page);
	await page.goto(srv.base + '/#/login');
	await page.waitForSelector('#login-form');
	await page.fill('#login-username', user.username);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	await page.waitForSelector('#menu a[data-menu="dashboard"]');
	page.problems = problems;
	return page;
}

function noProblems(page) {
	assert.deepEqual(page.problems, [], 'the page reported errors');
}

/* The rows of the dashboard's table: code -> {name, level, cells}. */
async function tableRows(page) {
	return page.$$eval('.summary-table tbody tr', (trs) => trs.map((tr) => ({
		code: tr.dataset.code,
		level: tr.dataset.level,
		name: tr.querySelector('th').textContent.trim(),
		clickable: tr.classList.contains('clickable'),
		cells: Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.field, td.textContent.trim()]))
	})));
}

async function totalRow(page) {
	return page.$$eval('.summary-table tfoot td', (tds) => Object.fromEntries(tds.map((td) => [td.dataset.field, td.textContent.trim()])));
}

const INT_FIELDS = ['households', 'poor', 'near_poor', 'new_poor', 're_poor', 'escaped_poor', 'escaped_near'];
const PCT_FIELDS = ['poor_rate', 'near_poor_rate'];

function expectCells(actual, u, what) {
	for (const f of INT_FIELDS) {
		assert.equal(actual[f], vnInt(u[f]), `${what}: ${f}`);
	}
	for (const f of PCT_FIELDS) {
		assert.equal(actual[f], vnPct(u[f]), `${what}: ${f}`);
	}
}

/* The page's table and totals show exactly the API's figures. */
async function expectSummary(page, data) {
	const rows = await tableRows(page);
	assert.equal(rows.length, data.children.length, 'one row per child unit');
	const byCode = new Map(rows.map((r) => [r.code, r]));
	for (const c of data.children) {
		const r = byCode.get(c.code);
		assert.ok(r, `row of ${c.code} ${c.name}`);
		assert.equal(r.name, c.name);
		expectCells(r.cells, c, `${c.code} ${c.name}`);
	}
	expectCells(await totalRow(page), data.unit, 'total ' + data.unit.code);
	return rows;
}

async function dashState(page) {
	return {
		year: await page.inputValue('#dash-year'),
		asof: await page.inputValue('#dash-map')
	};
}

async function crumbs(page) {
	return page.$$eval('#breadcrumb li', (lis) => lis.map((li) => li.textContent.trim()));
}

/* A households.csv text with the header of formats.md 4. */
const FLAGS = ['d_employment', 'd_dependents', 'd_nutrition', 'd_health_insurance', 'd_adult_education',
	'd_child_schooling', 'd_housing_quality', 'd_housing_area', 'd_water', 'd_sanitation', 'd_telecom', 'd_info_access'];
function householdsCsv(rows) {
	const head = ['household_id', 'year', 'unit_code', 'village', 'members', 'income', 'score_a'].concat(FLAGS, ['head_name']);
	return head.join(',') + '\n' + rows.map((r) => head.map((k) => (r[k] === undefined ? '' : String(r[k]))).join(',')).join('\n') + '\n';
}

describe('gnbv web UI', { concurrency: false }, () => {
	before(async () => {
		srv = await startGnbv();
		ctx = await launch();
	});

	after(async () => {
		if (ctx) {
			await ctx.close();
		}
		if (srv) {
			await srv.stop();
		}
	});

	it('login: a bad password is refused, then the good one opens the dashboard', async () => {
		const officer = srv.user('commune_officer');
		await ctx.clearCookies();
		const page = await ctx.newPage();
		page.problems = watch(page);
		await page.goto(srv.base + '/');
		await page.waitForSelector('#login-form');
		assert.equal(await page.textContent('h1'), 'Đăng nhập');
		/* empty fields: refused in the page */
		await page.click('#login-submit');
		await page.waitForSelector('#login-error:not([hidden])');
		assert.match(await page.textContent('#login-error'), /Vui lòng nhập/);
		/* a wrong password: the server's 401 */
		await page.fill('#login-username', officer.username);
		await page.fill('#login-password', 'sai-mat-khau');
		await page.click('#login-submit');
		await page.waitForFunction(() => /không đúng/.test(document.querySelector('#login-error').textContent));
		assert.equal(await page.isVisible('#menu a'), false);
		/* the good one */
		await page.fill('#login-password', officer.password);
		await page.click('#login-submit');
		await page.waitForSelector('#menu a[data-menu="dashboard"]');
		await page.waitForFunction(() => /#\/dashboard/.test(location.hash));
		assert.match(await page.textContent('#whoami'), new RegExp(officer.name));
		/* a commune officer has households, the review rounds and import */
		const menu = await page.$$eval('#menu a', (as) => as.map((a) => a.dataset.menu));
		assert.deepEqual(menu, ['dashboard', 'households', 'rounds', 'import', 'me']);
		noProblems(page);
		await page.close();
	});

	it('dashboard: province -> commune drill-down and back up by the breadcrumb; figures match the API', async () => {
		const prov = srv.user('province_officer');
		const s = await api(prov);
		const page = await pageAs(prov);
		await page.waitForSelector('.summary-table');
		const { year, asof } = await dashState(page);
		assert.match(year, /^\d{4}$/);
		assert.match(asof, /^\d{4}-\d{2}-\d{2}$/);
		const top = await s.get(`/api/v1/dashboard/summary?year=${year}&asof=${asof}&unit=14`);
		assert.equal(top.unit.code, '14');
		const rows = await expectSummary(page, top);
		assert.deepEqual(await crumbs(page), [top.unit.name]);
		/* KPI cards */
		const kpi = await page.textContent('#dash-kpis');
		assert.ok(kpi.includes(vnInt(top.unit.households)), 'households in the KPI cards');
		assert.ok(kpi.includes(vnPct(top.unit.poor_rate)), 'poverty rate in the KPI cards');
		/* the charts are drawn: one bar per child, a trend line */
		assert.equal(await page.$$eval('#chart-rates rect.bar', (r) => r.length), top.children.length);
		await page.waitForSelector('#chart-trend polyline');
		await page.waitForSelector('#chart-profile rect.bar');
		/* the year's movements add up: end = start + in - out */
		if (top.unit.poor_start !== undefined) {
			const mv = await page.$$eval('#dash-movements tbody tr', (trs) => trs.map((tr) =>
				[...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
			const num = (s) => (s === '—' ? 0 : Number(s.replace(/\./g, '')));
			for (const col of [0, 1]) {
				const v = mv.map((r) => num(r[col]));
				assert.equal(v[0] + v[1] + v[2] + v[3] - v[4] - v[5], v[6], `movements column ${col} add up: ${JSON.stringify(mv)}`);
			}
			assert.equal(mv[0][0], vnInt(top.unit.poor_start));
			assert.equal(mv[6][0], vnInt(top.unit.poor_end));
		}
		/* Alkire-Foster: one row per child and the total, n and M0 as the API says */
		const af = await s.get(`/api/v1/dashboard/af?year=${year}&unit=14&asof=${asof}`);
		const afRows = af.children.map((c) => ({ unit_name: c.name, n: c.n, M0: c.M0 }))
			.concat([{ unit_name: af.unit.name, n: af.unit.n, M0: af.unit.M0 }]);
		await page.waitForSelector('#dash-af tbody tr');
		const shown = await page.$$eval('#dash-af tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
		assert.equal(shown.length, afRows.length, 'AF rows');
		afRows.forEach((r, i) => {
			assert.ok(shown[i][0].endsWith(r.unit_name), `AF row ${i}: ${shown[i][0]}`);
			assert.equal(shown[i][1], vnInt(r.n));
			assert.equal(shown[i][shown[i].length - 1], Number(r.M0).toFixed(4).replace('.', ','));
		});
		await shot(page, 'dashboard-province');

		/* down: a commune (on the current map, the province's children) */
		const child = top.children.find((c) => c.has_children) || top.children[0];
		assert.ok(rows.find((r) => r.code === child.code).clickable, 'a unit with children can be opened');
		assert.equal(child.level, 'commune');
		await page.click(`.summary-table tbody tr[data-code="${child.code}"] td[data-field="households"]`);
		await page.waitForFunction((n) => document.querySelectorAll('#breadcrumb li').length === n, 2);
		await page.waitForSelector(`.summary-table tfoot tr[data-code="${child.code}"]`);
		assert.deepEqual(await crumbs(page), [top.unit.name, child.name]);
		const down = await s.get(`/api/v1/dashboard/summary?year=${year}&asof=${asof}&unit=${child.code}`);
		await expectSummary(page, down);
		assert.equal(await page.inputValue('#dash-year'), year, 'the year is kept');

		/* up again by the breadcrumb */
		await page.click('#breadcrumb li:first-child a');
		await page.waitForFunction(() => document.querySelectorAll('#breadcrumb li').length === 1);
		await page.waitForSelector('.summary-table tfoot tr[data-code="14"]');
		await expectSummary(page, top);

		/* the browser's back button goes down again */
		await page.goBack();
		await page.waitForSelector(`.summary-table tfoot tr[data-code="${child.code}"]`);
		noProblems(page);
		await page.close();
	});

	it('dashboard: the Reports block lists the reports and its links download them', async () => {
		const prov = srv.user('province_officer');
		const s = await api(prov);
		const list = await s.get('/api/v1/reports');
		assert.ok(list.reports.length > 0, 'some reports');
		const page = await pageAs(prov);
		await page.waitForSelector('.summary-table');
		const { year, asof } = await dashState(page);
		await page.waitForSelector('#rep-name option', { state: 'attached' });
		const names = await page.$$eval('#rep-name option', (os) => os.map((o) => o.value));
		/* the province: the tables; the lists of households (offered to this
		 * role) only for a commune or a village (reports.test.js) */
		const tables = list.reports.filter((r) => r.kind !== 'list');
		assert.ok(list.reports.some((r) => r.kind === 'list'), 'lists offered to the role');
		assert.deepEqual(names, tables.map((r) => r.name));
		assert.equal(await page.$$eval('#rep-name optgroup', (gs) => gs.length), 0);
		const labels = await page.$$eval('#rep-name option', (os) => os.map((o) => o.textContent));
		assert.ok(labels[0].includes(list.reports[0].title_vi), labels[0]);
		assert.equal(await page.inputValue('#rep-format'), 'xlsx');
		const want = `/api/v1/reports/${list.reports[0].name}?unit=14&year=${year}&asof=${asof}&format=xlsx`;
		const href = await page.getAttribute('#rep-download', 'href');
		assert.equal(href, want);
		assert.notEqual(await page.getAttribute('#rep-download', 'download'), null);
		/* the link works with the page's session cookie */
		const got = await page.evaluate(async (u) => {
			const r = await fetch(u);
			const b = new Uint8Array(await r.arrayBuffer());
			return { status: r.status, disp: r.headers.get('Content-Disposition'), pk: b[0] === 0x50 && b[1] === 0x4b };
		}, href);
		assert.equal(got.status, 200);
		assert.ok(got.pk, 'an XLSX (zip) file');
		assert.equal(got.disp, `attachment; filename="${list.reports[0].name}-14-${year}.xlsx"`);
		/* another format changes the link */
		await page.selectOption('#rep-format', 'pdf');
		assert.ok((await page.getAttribute('#rep-download', 'href')).endsWith('&format=pdf'));
		await shot(page, 'dashboard-reports');
		noProblems(page);
		await page.close();
	});

	it('dashboard: switching the map date to 2024 shows the districts', async () => {
		const prov = srv.user('province_officer');
		const s = await api(prov);
		const page = await pageAs(prov);
		await page.waitForSelector('.summary-table');
		const maps = await s.get('/api/v1/maps');
		const labels = await page.$$eval('#dash-map option', (os) => os.map((o) => ({ value: o.value, label: o.textContent })));
		assert.deepEqual(labels.map((l) => l.value), maps.maps.map((m) => m.date));
		assert.deepEqual(labels.map((l) => l.label), maps.maps.map((m) => m.label));
		const old = maps.maps.find((m) => /2024/.test(m.date));
		assert.ok(old, 'a 2024 map is offered');
		assert.equal(old.label, 'Bản đồ 2024 (có cấp huyện)');
		assert.ok(labels.some((l) => l.label === 'Bản đồ 2025'), 'the 2025 map is offered');
		const { year } = await dashState(page);

		await page.selectOption('#dash-map', old.date);
		await page.waitForSelector('.summary-table tbody tr[data-level="district"]');
		const data = await s.get(`/api/v1/dashboard/summary?year=${year}&asof=${old.date}&unit=14`);
		assert.ok(data.children.every((c) => c.level === 'district'));
		await expectSummary(page, data);
		assert.equal(await page.inputValue('#dash-map'), old.date);

		/* a district, then back */
		const d = data.children.find((c) => c.has_children) || data.children[0];
		const dd = await s.get(`/api/v1/dashboard/summary?year=${year}&asof=${old.date}&unit=${d.code}`);
		await page.click(`.summary-table tbody tr[data-code="${d.code}"] td[data-field="poor"]`);
		await page.waitForSelector(`.summary-table tfoot tr[data-code="${d.code}"]`);
		assert.ok(dd.children.every((c) => c.level === 'commune'));
		await expectSummary(page, dd);
		await page.click('#breadcrumb li:first-child a');
		await page.waitForSelector('.summary-table tfoot tr[data-code="14"]');
		await page.waitForSelector('.summary-table tbody tr[data-level="district"]');
		await shot(page, 'dashboard-2024-map');
		noProblems(page);
		await page.close();
	});

	it('households: a search without diacritics ("duc") finds "Đức"', async () => {
		const officer = srv.user('commune_officer');
		const s = await api(officer);
		const page = await pageAs(officer);
		await page.click('#menu a[data-menu="households"]');
		await page.waitForSelector('#hh-search');
		await page.fill('#hh-search', 'duc');
		const data = await s.get('/api/v1/households?q=duc&offset=0&limit=50');
		assert.ok(data.total > 0, 'the commune has a head named Đức');
		await page.waitForSelector('#hh-results[data-q="duc"] #hh-total');
		assert.match(page.url(), /#\/households\?q=duc/);
		assert.equal(await page.$$eval('.hh-table tbody tr', (trs) => trs.length), data.rows.length);
		const names = await page.$$eval('.hh-table tbody tr th', (ths) => ths.map((th) => th.textContent.trim()));
		assert.deepEqual(names, data.rows.map((r) => r.head_name || r.id), 'listed as the server sorted them');
		assert.ok(names.some((n) => n.includes('Đức')), 'a name with Đ is found from "duc"');
		for (const n of names) {
			assert.ok(fold(n).includes('duc'), `${n} matches duc`);
		}
		assert.match(await page.textContent('#hh-total'), new RegExp(vnInt(data.total)));
		await shot(page, 'households-search');
		noProblems(page);
		await page.close();
	});

	it('review: an inline validation error, a field error from the server, then a good save shows the class', async () => {
		const officer = srv.user('commune_officer');
		const s = await api(officer);
		const list = await s.get('/api/v1/households?q=duc&limit=5');
		const hid = list.rows[0].id;
		const year = Math.max(...srv.synth.households.map((h) => Number(h.year)));
		const page = await pageAs(officer);
		const puts = [];
		page.on('request', (r) => {
			if (r.method() === 'PUT') {
				puts.push(r.url());
			}
		});
		await page.goto(`${srv.base}/#/households/${encodeURIComponent(hid)}`);
		await page.waitForSelector('#hd-reviews');
		await page.selectOption('#hd-review-year', String(year));
		await page.click('#hd-review-open');
		await page.waitForSelector('#review-form');

		/* inline: members required, a citizen id of 5 digits */
		await page.fill('#rv-members', '');
		await page.fill('#rv-id_number', '12345');
		await page.press('#rv-id_number', 'Tab');
		await page.click('#rv-save');
		await page.waitForSelector('#err-members:not([hidden])');
		assert.match(await page.textContent('#err-members'), /Bắt buộc/);
		assert.match(await page.textContent('#err-id_number'), /12 chữ số/);
		assert.equal(await page.getAttribute('#rv-members', 'aria-invalid'), 'true');
		assert.deepEqual(puts, [], 'nothing is sent while the form has errors');

		/* valid in the page: 4 members, income 1.200.000, three deprivations */
		await page.fill('#rv-members', '4');
		await page.fill('#rv-id_number', '');
		await page.fill('#rv-income', '1.200.000');
		await page.fill('#rv-score_a', '');
		await page.fill('#rv-score_b', '');
		const boxes = await page.$$('#review-form .checks input[name^="d_"]');
		for (let i = 0; i < boxes.length; i++) {
			await boxes[i].setChecked(i < 3);
		}
		assert.match(await page.textContent('#rv-depr-count'), /3/);
		await page.press('#rv-income', 'Tab');
		assert.equal(await page.isVisible('#err-members'), false, 'the error goes once corrected');

		/* a value only the server refuses: its 422 message sits next to the field */
		await page.evaluate(() => {
			const sel = document.querySelector('#rv-area');
			sel.add(new Option('moon', 'moon'));
			sel.value = 'moon';
		});
		await page.click('#rv-save');
		await page.waitForSelector('#err-area:not([hidden])');
		assert.ok((await page.textContent('#err-area')).length > 3, 'the server says what is wrong with area');
		assert.equal(puts.length, 1, 'the form was sent once');

		/* the good save */
		await page.selectOption('#rv-area', '');
		await page.click('#rv-save');
		await page.waitForSelector('#rv-result .badge');
		assert.equal(await page.getAttribute('#rv-result .badge', 'data-cls'), 'POOR');
		assert.equal(await page.textContent('#rv-result .badge'), 'Hộ nghèo');
		assert.equal(await page.isVisible('#err-area'), false);
		await shot(page, 'review-saved');

		/* the household page shows the year's class and the change in its history */
		const got = await s.get(`/api/v1/households/${encodeURIComponent(hid)}`);
		const rev = got.reviews.find((r) => Number(r.year) === year);
		assert.equal(rev.class, 'POOR');
		await page.click('a.button.secondary');
		await page.waitForSelector(`#hd-reviews tr[data-year="${year}"]`);
		assert.equal(await page.getAttribute(`#hd-reviews tr[data-year="${year}"] .badge`, 'data-cls'), 'POOR');
		assert.ok(await page.$$eval('#hd-history tbody tr', (trs) => trs.length) > 0, 'the audit log lists the change');
		noProblems(page);
		await page.close();
	});

	it('import: every error listed by line and column, then a good file committed', async () => {
		const officer = srv.user('commune_officer');
		const c = srv.commune;
		const page = await pageAs(officer);
		await page.click('#menu a[data-menu="import"]');
		await page.waitForSelector('#import-form');
		await page.selectOption('#imp-kind', 'households');
		const flags = (n) => Object.fromEntries(FLAGS.map((f, i) => [f, i < n ? 1 : 0]));
		const bad = householdsCsv([
			Object.assign({ household_id: 'TEST-0001', year: 2025, unit_code: c, members: 3, income: 1100000, head_name: 'Hà Văn Thử' }, flags(3)),
			Object.assign({ household_id: 'TEST-0002', year: 2025, unit_code: c, members: 0, income: 1100000, head_name: 'Hà Thị Hai' }, flags(1)),
			Object.assign({ household_id: 'TEST-0003', year: 2025, unit_code: c, members: 2, income: 900000, head_name: 'Hà Văn Ba' }, flags(0), { d_water: 2 }),
			Object.assign({ household_id: 'TEST-0004', year: 2025, unit_code: '99999', members: 2, income: 900000, head_name: 'Hà Văn Bốn' }, flags(0))
		]);
		await page.setInputFiles('#imp-file', { name: 'ho-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
		await page.click('#imp-upload');
		await page.waitForSelector('#imp-summary, #imp-result .msg-error');
		assert.equal(await page.$('#imp-summary') !== null, true,
			'upload answered: ' + (await page.textContent('#imp-result')));
		await page.waitForSelector('#imp-errors');
		const errors = await page.$$eval('#imp-errors tbody tr', (trs) => trs.map((tr) => ({
			line: tr.children[0].textContent.trim(), column: tr.children[1].textContent.trim(), message: tr.children[2].textContent.trim()
		})));
		for (const [line, column] of [['3', 'members'], ['4', 'd_water'], ['5', 'unit_code']]) {
			assert.ok(errors.some((e) => e.line === line && e.column === column && e.message),
				`error at line ${line} column ${column} in ${JSON.stringify(errors)}`);
		}
		assert.equal(await page.$('#imp-commit'), null, 'no commit with errors');
		assert.equal(await page.getAttribute('#imp-progress', 'value'), '100');
		await shot(page, 'import-errors');

		const good = householdsCsv([
			Object.assign({ household_id: 'TEST-0001', year: 2025, unit_code: c, members: 3, income: 1100000, head_name: 'Hà Văn Thử' }, flags(3)),
			Object.assign({ household_id: 'TEST-0002', year: 2025, unit_code: c, members: 2, income: 1100000, head_name: 'Hà Thị Hai' }, flags(1))
		]);
		await page.setInputFiles('#imp-file', { name: 'ho-tot.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
		await page.click('#imp-upload');
		await page.waitForSelector('#imp-commit');
		assert.equal(await page.$('#imp-errors'), null);
		assert.match(await page.textContent('#imp-summary'), /2 dòng, 0 lỗi/);
		await page.click('#imp-commit');
		await page.waitForSelector('#imp-commit-result .msg-ok');
		assert.match(await page.textContent('#imp-commit-result'), /Đã ghi 2 dòng/);
		const s = await api(officer);
		const h1 = await s.get('/api/v1/households/TEST-0001');
		assert.equal(h1.reviews.find((r) => Number(r.year) === 2025).class, 'POOR');
		noProblems(page);
		await page.close();
	});

	it('live: the dashboard shows a write made elsewhere without a reload', async () => {
		const prov = srv.user('province_officer');
		const officer = srv.user('commune_officer');
		const page = await pageAs(prov);
		await page.waitForSelector('.summary-table');
		const { year, asof } = await dashState(page);
		const ps = await api(prov);
		const before = await ps.get(`/api/v1/dashboard/summary?year=${year}&asof=${asof}&unit=14`);
		/* a household of the officer's commune becomes poor, entered by the officer */
		const os = await api(officer);
		const body = { members: 2, income: 800000 };
		const std = Number(year) >= 2027 ? FLAGS.slice(0, 10).concat(['d_waste', 'd_digital']) : FLAGS;
		std.forEach((f, i) => {
			body[f] = i < 4;
		});
		const cand = await os.get(`/api/v1/households?year=${year}&class=NOT_POOR&offset=0&limit=1`);
		assert.ok(cand.rows.length > 0, 'a household that is not poor this year');
		const hid = cand.rows[0].id;
		const put = await os.request('PUT', `/api/v1/households/${encodeURIComponent(hid)}/reviews/${year}`, body);
		assert.equal(put.status, 200, JSON.stringify(put.data));
		assert.equal(put.data.review.class, 'POOR');
		const after = await ps.get(`/api/v1/dashboard/summary?year=${year}&asof=${asof}&unit=14`);
		assert.notEqual(after.generation, before.generation);
		assert.equal(after.unit.poor, before.unit.poor + 1);
		await page.waitForFunction((want) => {
			const td = document.querySelector('.summary-table tfoot td[data-field="poor"]');
			return td && td.textContent.trim() === want;
		}, vnInt(after.unit.poor), { timeout: 20000 });
		noProblems(page);
		await page.close();
	});

	it('language: the switch turns the UI to English and back', async () => {
		const prov = srv.user('province_officer');
		const page = await pageAs(prov);
		await page.waitForSelector('.summary-table');
		assert.equal(await page.textContent('#menu a[data-menu="dashboard"]'), 'Tổng quan');
		const total = await totalRow(page);
		await page.click('#lang-switch');
		await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('h1').textContent === 'Poverty dashboard');
		await page.waitForSelector('.summary-table');
		assert.equal(await page.textContent('#menu a[data-menu="dashboard"]'), 'Dashboard');
		assert.equal(await page.textContent('#lang-switch'), 'Tiếng Việt');
		assert.equal(await page.getAttribute('html', 'lang'), 'en');
		assert.equal(await page.textContent('label[for="dash-year"]'), 'Year');
		const en = await totalRow(page);
		assert.equal(en.households, total.households.replace(/\./g, ','), 'English thousands separators');
		/* kept across a reload */
		await page.reload();
		await page.waitForSelector('.summary-table');
		assert.equal(await page.textContent('h1'), 'Poverty dashboard');
		await shot(page, 'dashboard-english');
		await page.click('#lang-switch');
		await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('h1').textContent === 'Tổng quan giảm nghèo');
		noProblems(page);
		await page.close();
	});

	it('roles: a supervisor sees the dashboard and the monitoring pages, read only', async () => {
		const sup = srv.user('supervisor');
		const page = await pageAs(sup);
		await page.waitForSelector('.summary-table');
		const menu = await page.$$eval('#menu a', (as) => as.map((a) => a.dataset.menu));
		assert.deepEqual(menu, ['dashboard', 'me']);
		await page.goto(srv.base + '/#/households');
		await page.waitForSelector('.msg-error');
		assert.equal(await page.$('#hh-search'), null);
		noProblems(page);
		await page.close();
	});

	it('public page: aggregates without login', async () => {
		await ctx.clearCookies();
		const page = await ctx.newPage();
		page.problems = watch(page);
		await page.goto(srv.base + '/public.html');
		await page.waitForSelector('.summary-table');
		const year = await page.inputValue('#pub-year');
		const r = await fetch(`${srv.base}/api/v1/public/summary?year=${year}`);
		assert.equal(r.status, 200);
		const data = await r.json();
		await expectSummary(page, data);
		assert.equal(await page.$('#menu a'), null);
		noProblems(page);
		await page.close();
	});

	it('phone: the dashboard fits a 360px screen', async () => {
		const prov = srv.user('province_officer');
		const page = await pageAs(prov);
		await page.setViewportSize({ width: 360, height: 740 });
		await page.waitForSelector('.summary-table');
		await page.waitForTimeout(300);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(width <= 360, `page is ${width}px wide`);
		assert.ok(await page.isVisible('#dash-year'));
		assert.ok(await page.isVisible('#menu a[data-menu="households"]'));
		await shot(page, 'dashboard-phone');
		noProblems(page);
		await page.close();
	});

	it('login: after 5 failures the page shows the wait time (429)', async () => {
		const chair = srv.user('commune_chair');
		await ctx.clearCookies();
		const page = await ctx.newPage();
		page.problems = watch(page);
		await page.goto(srv.base + '/#/login');
		await page.waitForSelector('#login-form');
		let throttled = false;
		for (let i = 0; i < 7 && !throttled; i++) {
			await page.fill('#login-username', chair.username);
			await page.fill('#login-password', 'sai-' + i);
			await page.click('#login-submit');
			await page.waitForFunction(() => {
				const e = document.querySelector('#login-error');
				return e && !e.hidden && e.textContent;
			});
			throttled = /thử lại sau/.test(await page.textContent('#login-error'));
			if (!throttled) {
				await page.waitForFunction(() => !document.querySelector('#login-submit').disabled);
			}
		}
		assert.ok(throttled, 'throttled after 5 failures');
		assert.match(await page.textContent('#login-error'), /thử lại sau \d+ (phút|giây)/);
		assert.equal(await page.isDisabled('#login-submit'), true);
		noProblems(page);
		await page.close();
	});
});
