/*
 * me_results.test.js - browser tests of the results framework pages
 * (web/me_results.js) against the real binary, on the synthetic province
 * of lib/gnbv.js (today 2025-12-31):
 *
 * - the commune officer opens the results framework: the poverty rate of
 *   the commune is computed live and equals the dashboard's; Decision 90's
 *   target of the poverty-rate reduction is shown with its achievement;
 * - on an entered indicator (houses supported, DA5) the page refuses a
 *   value that is not a number, inline and without sending anything, then
 *   the officer enters a target and a value and sees the achievement
 *   (7 of 10: 70,00 %), and the province officer sees the commune's value
 *   added up at the province with the commune in the units below;
 * - the dashboard's card lists the headline indicators against Decision 90;
 * - the supervisor (Fatherland Front) reads but has no entry form.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/me_results.test.js
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch, vnPct } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

let srv;
let ctx;

async function api(user) {
	const s = new ApiSession(srv.base);
	await s.login(user.username, user.password);
	return s;
}

async function pageAs(user) {
	await ctx.clearCookies();
	const page = await ctx.newPage();
	page.problems = watch(page);
	await page.goto(srv.base + '/#/login');
	await page.waitForSelector('#login-form');
	await page.fill('#login-username', user.username);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	await page.waitForSelector('#menu a[data-menu="dashboard"]');
	return page;
}

function noProblems(page) {
	assert.deepEqual(page.problems, [], 'the page reported errors');
}

async function cellText(page, code, field) {
	return (await page.textContent(`tr[data-code="${code}"] td[data-field="${field}"]`)).trim();
}

describe('results framework pages', { concurrency: false }, () => {
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

	it('computed indicators equal the dashboard; entering a value shows its achievement', async () => {
		const officer = srv.user('commune_officer');
		const os = await api(officer);
		const dash = await os.get(`/api/v1/dashboard/summary?year=2025&unit=${srv.commune}`);

		const page = await pageAs(officer);
		await page.click('#menu a[data-menu="me"]');
		await page.click('nav.tabs a[data-tab="results"]');
		await page.waitForSelector('tr[data-code="poor_rate"]');
		assert.equal(await page.inputValue('#mr-year'), '2025');
		assert.equal(await page.inputValue('#mr-unit'), srv.commune);
		/* the poverty rate, live from the registry, as the dashboard has it */
		assert.match(await cellText(page, 'poor_rate', 'actual'), new RegExp('^' + vnPct(dash.unit.poor_rate).replace(' %', '').replace(/\./g, '\\.') + ' Tự động'));
		assert.equal(await page.getAttribute('tr[data-code="poor_rate"] .mr-src', 'data-source'), 'computed');
		/* Decision 90: the poverty rate down 1 to 1.5 points a year */
		assert.match(await cellText(page, 'poor_rate_reduction', 'target'), /^1,00 – 1,50 QĐ 90$/);
		const res = await os.get(`/api/v1/me/results?unit=${srv.commune}&period=2025`);
		const red = res.indicators.find((r) => r.code === 'poor_rate_reduction');
		const a = red.achievement;
		const want = !a ? '—' : a.pct !== null ? vnPct(a.pct) : (a.met ? 'Đạt' : 'Chưa đạt');
		assert.equal((await cellText(page, 'poor_rate_reduction', 'achievement')), want);

		/* ---- an entered indicator: houses supported (DA5) ---- */
		await page.click('tr[data-code="houses_supported"] a');
		await page.waitForSelector('#mi-form');
		assert.equal(await page.textContent('#mi-title'), 'Số hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở');
		const puts = [];
		page.on('request', (r) => {
			if (r.method() === 'PUT') {
				puts.push(r.postDataJSON());
			}
		});
		await page.fill('#mi-value', 'bảy');
		await page.fill('#mi-target', '2,5');
		await page.click('#mi-save');
		await page.waitForSelector('#mi-err-value:not([hidden])');
		assert.match(await page.textContent('#mi-err-value'), /Nhập một số/);
		assert.match(await page.textContent('#mi-err-target'), /Tối đa 0 chữ số thập phân/);
		assert.equal(await page.getAttribute('#mi-value', 'aria-invalid'), 'true');
		assert.deepEqual(puts, [], 'nothing sent while the form has errors');

		await page.fill('#mi-value', '7');
		await page.fill('#mi-target', '10');
		await page.click('#mi-save');
		await page.waitForSelector('#mi-msg.msg-ok');
		assert.deepEqual(puts, [{ indicator: 'houses_supported', unit_code: srv.commune, period: '2025', value: '7', target: '10' }]);
		assert.equal((await page.textContent('#mi-kpis [data-field="actual"] .kpi-value')).trim(), '7');
		assert.equal((await page.textContent('#mi-kpis [data-field="target"] .kpi-value')).trim(), '10');
		assert.equal((await page.textContent('#mi-kpis [data-field="achievement"] .kpi-value')).trim(), '70,00 %');
		assert.equal(await page.inputValue('#mi-value'), '7', 'the form shows what is stored');

		/* back to the list: the row and the chart of achievements */
		await page.click('text=‹ Khung kết quả');
		await page.waitForSelector('tr[data-code="houses_supported"]');
		assert.match(await cellText(page, 'houses_supported', 'actual'), /^7 Nhập$/);
		assert.equal(await page.textContent('tr[data-code="houses_supported"] .mr-ach-text'), '70,00 %');
		const bars = await page.$$eval('#mr-chart svg .bar-row title', (ts) => ts.map((x) => x.textContent));
		assert.ok(bars.some((b) => /^Số hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở.*70,00 %$/.test(b)), bars.join('\n'));

		/* ---- the dashboard's card ---- */
		await page.click('#menu a[data-menu="dashboard"]');
		await page.waitForSelector('#mr-card tr[data-code="poor_rate_reduction"]');
		const card = await page.$$eval('#mr-card tbody tr', (trs) => trs.map((tr) => tr.dataset.code));
		assert.deepEqual(card, ['poor_rate_reduction', 'poor_rate_minority_reduction', 'poor_reduced', 'poor_minority_reduced']);
		assert.match(await page.textContent('#mr-card h2'), /Quyết định 90/);
		noProblems(page);
		await page.close();

		/* ---- the province adds the commune's value up ---- */
		const province = srv.user('province_officer');
		const ps = await api(province);
		const mine = await ps.get('/api/v1/me/indicators/houses_supported?period=2025');
		assert.equal(mine.unit.code, '14');
		assert.equal(mine.indicator.actual.value, 7);
		assert.equal(mine.indicator.actual.source, 'sum');

		const pp = await pageAs(province);
		await pp.goto(srv.base + '/#/me/results/houses_supported?period=2025');
		await pp.waitForSelector('#mi-children');
		assert.equal((await pp.textContent('#mi-kpis [data-field="actual"] .kpi-value')).trim(), '7');
		assert.match(await pp.textContent('#mi-kpis [data-field="actual"]'), /Cộng 1 đơn vị/);
		noProblems(pp);
		await pp.close();
	});

	it('the supervisor reads the results and has no entry form', async () => {
		const page = await pageAs(srv.user('supervisor'));
		await page.goto(srv.base + '/#/me/results/houses_supported?period=2025');
		await page.waitForSelector('#mi-entry');
		assert.match(await page.textContent('#mi-entry'), /chỉ được xem/);
		assert.equal(await page.$('#mi-form'), null);
		noProblems(page);
		await page.close();
	});
});
