/*
 * me_plans.test.js - browser tests of the plans, budgets and disbursement
 * pages (web/me_plans.js) against the real binary, on the synthetic
 * province of lib/gnbv.js (today 2025-12-31). What issue 5 asks:
 *
 * - the commune officer enters a plan (a reduced seed 001: number, date,
 *   two objectives, two targets, two activities, Dự án 2's declared
 *   funding 2.243.000.000 = 1.950.000.000 + 98.000.000 + 195.000.000);
 *   first with a total its parts do not add up to: the server's 422 is
 *   shown under the total, and nothing is stored;
 * - on the plan's page the officer records the allocated lines (the
 *   declared funding now "matches"), then a disbursement, and a second
 *   one that would exceed the allocation (refused, inline);
 * - the dashboard's card shows the disbursement rate of the commune's year
 *   (975.000.000 / 2.243.000.000 = 43,47 %) as a figure and as a bar;
 * - the province officer sees the commune's money added up at the
 *   province, with the commune in the units below.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/me_plans.test.js
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch, vnInt, vnPct } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

const SHOTS = process.env.GNBV_SCREENSHOTS || '';

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

async function shot(page, name) {
	if (SHOTS) {
		await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
	}
}

function noProblems(page) {
	assert.deepEqual(page.problems, [], 'the page reported errors');
}

/* Sends a line form and waits for the page to show the plan again (a new
 * flash) or an error in the form. */
async function sendLine(page, pre, values) {
	for (const [k, v] of Object.entries(values)) {
		const sel = `#${pre}-${k}`;
		const tag = await page.$eval(sel, (el) => el.tagName);
		if (tag === 'SELECT') {
			await page.selectOption(sel, String(v));
		} else {
			await page.fill(sel, String(v));
		}
	}
	await page.evaluate(() => {
		const f = document.querySelector('#mp-flash');
		if (f) {
			f.dataset.old = '1';
		}
	});
	await page.click(`#${pre}-submit`);
	await page.waitForFunction((p) => {
		const f = document.querySelector('#mp-flash');
		const err = document.querySelector(`#${p}-error`);
		return (f && !f.dataset.old) || (err && !err.hidden);
	}, pre);
}

describe('plans, budgets and disbursement pages', { concurrency: false }, () => {
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

	it('a plan with its funding, allocations, a disbursement and the rate on the dashboard', async () => {
		const officer = srv.user('commune_officer');
		const os = await api(officer);
		const me = await os.get('/api/v1/me');
		const commune = me.user.unit_code;
		/* the year the dashboard opens on: the latest of the synthetic data */
		const year = Math.max(...srv.synth.households.map((h) => Number(h.year)));

		const page = await pageAs(officer);
		await page.click('#menu a[data-menu="me"]');
		await page.click('.tabs a[data-tab="plans"]');
		await page.waitForSelector('#mp-none');
		await page.click('#mp-new');
		await page.waitForSelector('#mp-form');

		/* ---- the plan ---- */
		assert.equal(await page.inputValue('#mp-unit_code'), commune);
		await page.fill('#mp-issuer', 'UBND xã thử nghiệm');
		await page.fill('#mp-number', '32/KH-UBND');
		await page.fill('#mp-date', `15/03/${year}`);
		await page.selectOption('#mp-year_from', String(year));
		await page.selectOption('#mp-year_to', String(year));
		await page.fill('#mp-title', 'Thực hiện các Dự án thuộc Chương trình MTQG giảm nghèo bền vững');
		await page.fill('#mp-legal_basis', 'Căn cứ Kế hoạch số 226/KH-UBND ngày 02/8/2022 của UBND tỉnh;\nQuyết định 842/QĐ-UBND ngày 20/7/2023.');
		const objectives = '1. Mục tiêu tổng quát: giảm nghèo đa chiều, bao trùm, bền vững.\n2. Mục tiêu cụ thể: giảm 218 hộ nghèo, 100% cán bộ được tập huấn.';
		await page.fill('#mp-objectives', objectives);
		/* two targets: the first row is there, one more */
		await page.fill('#mp-targets-0-text', 'Giảm hộ nghèo theo chuẩn đa chiều');
		await page.fill('#mp-targets-0-value', '218');
		await page.fill('#mp-targets-0-measure', 'hộ');
		await page.click('#mp-add-target');
		await page.fill('#mp-targets-1-text', 'Cán bộ giảm nghèo được tập huấn');
		await page.fill('#mp-targets-1-value', '100');
		await page.fill('#mp-targets-1-measure', '%');
		/* two activities */
		await page.click('#mp-add-activity');
		await page.selectOption('#mp-activities-0-project', 'DA2');
		await page.fill('#mp-activities-0-name', 'Xây dựng, nhân rộng mô hình giảm nghèo');
		await page.fill('#mp-activities-0-lead_unit', 'Trung tâm Dịch vụ nông nghiệp');
		await page.fill('#mp-activities-0-coordinating_units', 'Phòng Lao động - Thương binh và Xã hội');
		await page.selectOption('#mp-activities-0-from', `${year}Q2`);
		await page.selectOption('#mp-activities-0-to', `${year}Q4`);
		await page.fill('#mp-activities-0-beneficiaries', 'Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo');
		await page.click('#mp-add-activity');
		await page.selectOption('#mp-activities-1-project', 'DA7.2');
		await page.fill('#mp-activities-1-name', 'Giám sát, đánh giá; rà soát hộ nghèo hằng năm');
		await page.fill('#mp-activities-1-lead_unit', 'Phòng Lao động - Thương binh và Xã hội');
		await page.selectOption('#mp-activities-1-from', `${year}Q3`);
		/* Dự án 2's funding, with a total the parts do not add up to */
		await page.click('#mp-add-funding');
		await page.selectOption('#mp-funding-0-project', 'DA2');
		await page.fill('#mp-funding-0-total', '2.200.000.000');
		await page.selectOption('#mp-funding-0-parts-0-source', 'central');
		await page.fill('#mp-funding-0-parts-0-amount', '1.950.000.000');
		await page.click('#mp-funding-0-add-part');
		await page.selectOption('#mp-funding-0-parts-1-source', 'provincial');
		await page.fill('#mp-funding-0-parts-1-amount', '98.000.000');
		await page.click('#mp-funding-0-add-part');
		await page.selectOption('#mp-funding-0-parts-2-source', 'district');
		await page.fill('#mp-funding-0-parts-2-amount', '195.000.000');
		assert.match(await page.textContent('#mp-funding-0-sum'), /2\.243\.000\.000 đồng, khác tổng 2\.200\.000\.000/);

		const sent = [];
		page.on('response', (r) => {
			if (/\/api\/v1\/me\/plans$/.test(r.url()) && r.request().method() === 'POST') {
				sent.push(r.status());
			}
		});
		await page.click('#mp-save');
		await page.waitForSelector('#err-mp-funding-0-total:not([hidden])');
		await shot(page, 'plan-form-422');
		assert.deepEqual(sent, [422], 'the server refused the plan');
		assert.match(await page.textContent('#err-mp-funding-0-total'), /2\.243\.000\.000 đồng, khác tổng kinh phí 2\.200\.000\.000 đồng/);
		assert.equal(await page.getAttribute('#mp-funding-0-total', 'aria-invalid'), 'true');
		assert.equal(await page.isVisible('#mp-error'), true);
		assert.deepEqual((await os.get('/api/v1/me/plans')).plans, [], 'nothing stored');

		/* corrected: saved, and the page of the plan opens */
		await page.fill('#mp-funding-0-total', '2.243.000.000');
		await page.click('#mp-save');
		await page.waitForSelector('#mp-plan-title');
		assert.deepEqual(sent, [422, 201]);
		const pid = Number(/#\/me\/plans\/(\d+)/.exec(page.url())[1]);
		assert.equal(await page.textContent('#mp-plan-title'), `Kế hoạch số 32/KH-UBND ngày 15/03/${year}`);
		assert.equal(await page.textContent('#mp-ref'), `32/KH-UBND ${year}`);
		assert.equal(await page.textContent('#mp-objectives'), objectives, 'the text as typed, lines kept');
		assert.deepEqual(await page.$$eval('#mp-targets-table tbody tr', (trs) => trs.map((tr) => tr.textContent)),
			['Giảm hộ nghèo theo chuẩn đa chiều218hộ', 'Cán bộ giảm nghèo được tập huấn100%']);
		assert.equal(await page.$$eval('#mp-activities-table tbody tr', (trs) => trs.length), 2);
		const stored = (await os.get(`/api/v1/me/plans/${pid}`)).plan;
		assert.deepEqual(stored.activities.map((a) => [a.project, a.from, a.to]), [['DA2', `${year}Q2`, `${year}Q4`], ['DA7.2', `${year}Q3`, `${year}Q3`]]);
		assert.deepEqual(stored.funding, [{
			project: 'DA2', year, total: 2243000000, parts: [
				{ source: 'central', capital: 'recurrent', amount: 1950000000, carried_over: 0 },
				{ source: 'provincial', capital: 'recurrent', amount: 98000000, carried_over: 0 },
				{ source: 'district', capital: 'recurrent', amount: 195000000, carried_over: 0 }]
		}]);
		assert.equal(await page.textContent('#mp-funding-table tr[data-project="DA2"] .badge'), 'Chưa khớp');

		/* ---- the allocated lines, one by one from the form ---- */
		for (const [source, amount] of [['central', '1.950.000.000'], ['provincial', '98.000.000'], ['district', '195.000.000']]) {
			await sendLine(page, 'mp-alloc', { project: 'DA2', source, amount });
			assert.match(await page.textContent('#mp-flash'), new RegExp(`Đã ghi được giao ${amount.replace(/\./g, '\\.')} đồng \\(DA2\\)`));
		}
		assert.equal(await page.textContent('#mp-funding-table tr[data-project="DA2"] .badge'), 'Khớp');
		assert.equal((await page.textContent('#mp-funding-table tr[data-project="DA2"] td[data-field="allocated"]')).trim(), vnInt(2243000000));
		assert.equal(await page.$$eval('#mp-lines tbody tr[data-kind="allocated"]', (trs) => trs.length), 3);

		/* ---- a disbursement ---- */
		await sendLine(page, 'mp-disb', { project: 'DA2', source: 'central', date: `15/06/${year}`, amount: '975.000.000' });
		assert.match(await page.textContent('#mp-flash'), /Đã ghi giải ngân 975\.000\.000 đồng \(DA2\)/);
		const rate = vnPct(975000000 / 2243000000 * 100);
		assert.equal(rate, '43,47 %');
		assert.equal((await page.textContent('#mp-funding-table tr[data-project="DA2"] td[data-field="rate"]')).trim(), rate);
		await shot(page, 'plan-page');
		/* more than what is left of the allocation: refused under the amount */
		await sendLine(page, 'mp-disb', { project: 'DA2', source: 'central', date: `20/06/${year}`, amount: '1.000.000.000' });
		assert.match(await page.textContent('#err-mp-disb-amount'), /1\.975\.000\.000 đồng vượt số được giao 1\.950\.000\.000 đồng/);
		assert.equal(await page.$$eval('#mp-lines tbody tr[data-kind="disbursed"]', (trs) => trs.length), 1);

		/* ---- the number assigned later: the plan edited, its lines follow ---- */
		await page.click('#mp-edit');
		await page.waitForSelector('#mp-form');
		assert.equal(await page.inputValue('#mp-number'), '32/KH-UBND');
		assert.equal(await page.inputValue('#mp-objectives'), objectives);
		assert.equal(await page.inputValue('#mp-funding-0-total'), '2.243.000.000');
		assert.equal(await page.inputValue('#mp-activities-1-project'), 'DA7.2');
		await page.fill('#mp-number', '33/KH-UBND');
		await page.click('#mp-save');
		await page.waitForFunction(() => /33\/KH-UBND/.test((document.querySelector('#mp-plan-title') || {}).textContent || ''));
		assert.equal(await page.textContent('#mp-ref'), `33/KH-UBND ${year}`);
		assert.deepEqual(await page.$$eval('#mp-lines tbody tr', (trs) => [...new Set(trs.map((tr) => tr.children[1].textContent))]),
			[`33/KH-UBND ${year}`]);
		assert.equal((await page.textContent('#mp-funding-table tr[data-project="DA2"] td[data-field="rate"]')).trim(), rate);
		assert.match(await page.textContent('#mp-history'), /Số kế hoạch.*32\/KH-UBND → 33\/KH-UBND/);

		/* ---- the dashboard: the rate as a figure and as a bar ---- */
		await page.click('#menu a[data-menu="dashboard"]');
		await page.waitForSelector('#mp-dash');
		assert.equal(await page.textContent('#mp-dash h2'), `Kinh phí và giải ngân năm ${year}`);
		await page.waitForSelector('#mp-dash-rate');
		assert.equal(await page.textContent('#mp-dash-rate .kpi-value'), rate);
		assert.equal(await page.textContent('#mp-dash-allocated .kpi-value'), vnInt(2243000000));
		assert.equal(await page.textContent('#mp-dash-disbursed .kpi-value'), vnInt(975000000));
		const bars = await page.$$eval('#mp-dash-chart svg .bar-row', (gs) => gs.map((g) => ({
			label: g.querySelector('text.label').textContent, value: g.querySelector('text.value').textContent
		})));
		assert.equal(bars.length, 1, 'one project has money: ' + JSON.stringify(bars));
		assert.match(bars[0].label, /^DA2 /);
		assert.equal(bars[0].value, rate);
		await page.$eval('#mp-dash', (el) => el.scrollIntoView());
		await shot(page, 'dashboard');
		noProblems(page);
		await page.close();

		/* ---- the province sees the commune's money at the province ---- */
		const prov = srv.user('province_officer');
		const ps = await api(prov);
		const b = await ps.get(`/api/v1/me/budget?unit=14&year=${year}`);
		assert.equal(b.total.allocated, 2243000000);
		assert.equal(b.total.disbursed, 975000000);
		assert.equal(b.total.rate, 43.47);
		const ppage = await pageAs(prov);
		await ppage.goto(srv.base + `/#/me/budget?unit=14&year=${year}`);
		await ppage.waitForSelector('#mp-by-unit');
		const withMoney = await ppage.$$eval('#mp-by-unit tbody tr', (trs) => trs.filter((tr) => tr.children[1].textContent !== '0').map((tr) => tr.dataset.code));
		assert.equal(withMoney.length, 1, 'one unit below the province has the money');
		assert.equal((await ppage.textContent('#mp-b-rate .kpi-value')), rate);
		await shot(ppage, 'budget-province');
		assert.ok(await ppage.$('#mp-disb-form'), 'the province officer may record a disbursement');
		noProblems(ppage);
		await ppage.close();
	});

	it('the supervisor reads the plan and the budget, without forms', async () => {
		const sup = srv.user('supervisor');
		const page = await pageAs(sup);
		await page.goto(srv.base + '/#/me/plans');
		await page.waitForSelector('#mp-list');
		assert.equal(await page.$('#mp-new'), null);
		await page.click('#mp-list tbody tr a');
		await page.waitForSelector('#mp-plan-title');
		assert.equal(await page.$('#mp-edit'), null);
		assert.equal(await page.$('#mp-alloc-form'), null);
		assert.equal(await page.$('#mp-disb-form'), null);
		await page.goto(srv.base + '/#/me/plans/new');
		await page.waitForSelector('.msg-error');
		noProblems(page);
		await page.close();
	});
});
