/*
 * me_calendar.test.js - browser tests of the reporting calendar
 * (web/me_calendar.js) against the real binary, on the synthetic province
 * of lib/gnbv.js with the server's today at 25/11/2025: the annual
 * monitoring report (Mẫu 01) of the commune is due on 30/11/2025.
 *
 * The commune officer sees the reminder on the dashboard ("còn 5 ngày"),
 * submits the report from the calendar page; the province officer, in a
 * second browser, returns it for correction (a reason is required), the
 * officer resubmits, the province approves; the submission's page shows
 * the history and the lock; the dashboard no longer reminds of it and its
 * completeness has grown by one report. Then the province sets a local
 * deadline (seed 001: the six-month report before 20/5) and the commune's
 * calendar shows the earlier date.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/me_calendar.test.js
 */
'use strict';

/* the server's today, read by lib/gnbv.js (this file runs in its own process) */
process.env.GNBV_TODAY = '2025-11-25';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch, vnInt, vnPct } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

let srv;
let officerCtx;
let provinceCtx;

async function api(user) {
	const s = new ApiSession(srv.base);
	await s.login(user.username, user.password);
	return s;
}

async function pageAs(context, user) {
	await context.clearCookies();
	const page = await context.newPage();
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

function rowSel(type, period, unit) {
	return `#cal-list tr.cal-row[data-type="${type}"][data-period="${period}"][data-unit="${unit}"]`;
}

/* Clicks an action of a row, fills the form, sends it and waits for the
 * page to show the list again with a new flash message. */
async function rowAction(page, row, action, fields) {
	await page.click(`${row} button[data-action="${action}"]`);
	await page.waitForSelector('#cal-form');
	for (const [k, v] of Object.entries(fields || {})) {
		await page.fill(`#cal-f-${k}`, v);
	}
	await page.evaluate(() => {
		document.querySelector('#cal-flash').dataset.old = '1';
	});
	await page.click('#cal-f-send');
	await page.waitForFunction(() => {
		const f = document.querySelector('#cal-flash');
		const err = document.querySelector('#cal-f-error');
		return (f && !f.dataset.old && f.textContent) || (err && !err.hidden) ||
			document.querySelector('#cal-form .field-error:not([hidden])');
	});
}

describe('reporting calendar pages', { concurrency: false }, () => {
	before(async () => {
		srv = await startGnbv();
		officerCtx = await launch();
		provinceCtx = await launch();
	});

	after(async () => {
		for (const c of [officerCtx, provinceCtx]) {
			if (c) {
				await c.close();
			}
		}
		if (srv) {
			await srv.stop();
		}
	});

	it('a commune submits, the province returns then approves; the dashboard shows the reminder, then the completeness', async () => {
		const officer = srv.user('commune_officer');
		const province = srv.user('province_officer');
		const commune = srv.commune;
		const os = await api(officer);
		const before = await os.get(`/api/v1/me/calendar/reminders?unit=${commune}&year=2025`);
		const due = before.items.find((x) => x.type === 'm01_year' && x.period === '2025' && x.unit_code === commune);
		assert.ok(due, 'the annual report is among the reminders');
		assert.equal(due.status, 'due_soon');
		assert.equal(due.days_left, 5);

		/* ---- the dashboard reminds the officer ---- */
		const page = await pageAs(officerCtx, officer);
		await page.waitForSelector('#cal-card #cal-reminders');
		const li = `#cal-reminders li[data-type="m01_year"][data-period="2025"][data-unit="${commune}"]`;
		await page.waitForSelector(li);
		assert.equal(await page.getAttribute(li, 'data-status'), 'due_soon');
		assert.match(await page.textContent(li), /Sắp đến hạn/);
		assert.match(await page.textContent(li), /Báo cáo giám sát năm/);
		assert.match(await page.textContent(li), /30\/11\/2025 \(còn 5 ngày\)/);
		assert.equal(await page.textContent('#cal-dash-complete .kpi-value'), vnPct(before.completeness.completeness));
		assert.equal(await page.textContent('#cal-dash-missing .kpi-value'), vnInt(before.completeness.missing));

		/* ---- the calendar page: submit ---- */
		await page.click('#cal-dash-more');
		const row = rowSel('m01_year', '2025', commune);
		await page.waitForSelector(row);
		assert.equal(await page.getAttribute(`${row} .cal-chip`, 'data-status'), 'due_soon');
		assert.equal(await page.textContent(`${row} td:nth-child(5)`), due.to_name);
		assert.deepEqual(await page.$$eval(`${row} button`, (bs) => bs.map((b) => b.dataset.action)), ['submit']);
		await rowAction(page, row, 'submit', { note: 'Kết quả giám sát năm 2025 của xã', attachment: 'BC-giam-sat-2025.docx' });
		assert.match(await page.textContent('#cal-flash'), /Đã nộp báo cáo "Báo cáo giám sát năm"/);
		await page.waitForSelector(`${row} .cal-chip[data-status="submitted"]`);
		assert.match(await page.textContent(row), /nộp ngày 25\/11\/2025 · đúng hạn/);
		assert.equal(await page.$$eval(`${row} button`, (bs) => bs.length), 0, 'nothing more to do while it waits');

		/* ---- the province: a return needs a reason, then approval ---- */
		const pp = await pageAs(provinceCtx, province);
		await pp.goto(`${srv.base}/#/me/calendar?unit=${commune}&year=2025`);
		await pp.waitForSelector(row);
		assert.deepEqual(await pp.$$eval(`${row} button`, (bs) => bs.map((b) => b.dataset.action).sort()), ['approve', 'return']);
		await pp.click(`${row} button[data-action="return"]`);
		await pp.waitForSelector('#cal-form');
		await pp.click('#cal-f-send');
		await pp.waitForSelector('#err-cal-f-reason:not([hidden])');
		assert.match(await pp.textContent('#err-cal-f-reason'), /Cần ghi lý do/);
		await pp.click('#cal-f-cancel');
		await rowAction(pp, row, 'return', { reason: 'Bổ sung số liệu giải ngân Dự án 2' });
		assert.match(await pp.textContent('#cal-flash'), /Đã trả lại/);
		await pp.waitForSelector(`${row} .cal-chip[data-status="returned"]`);

		/* the officer sees it returned and resubmits */
		await page.reload();
		await page.waitForSelector(`${row} .cal-chip[data-status="returned"]`);
		await rowAction(page, row, 'submit', { note: 'Đã bổ sung số liệu giải ngân' });
		await page.waitForSelector(`${row} .cal-chip[data-status="submitted"]`);

		await pp.reload();
		await pp.waitForSelector(`${row} .cal-chip[data-status="submitted"]`);
		await rowAction(pp, row, 'approve', { note: 'Đồng ý' });
		assert.match(await pp.textContent('#cal-flash'), /Đã duyệt báo cáo .* Báo cáo đã được khóa/);
		await pp.waitForSelector(`${row} .cal-chip[data-status="approved"]`);
		assert.equal(await pp.$$eval(`${row} button`, (bs) => bs.length), 0);

		/* ---- the submission's page: history and lock ---- */
		await page.reload();
		await page.waitForSelector(`${row} .cal-chip[data-status="approved"]`);
		await page.click(`${row} a.cal-open`);
		await page.waitForSelector('#cal-history');
		assert.match(await page.textContent('#cal-sub-title'), /Báo cáo giám sát năm - Năm 2025/);
		assert.deepEqual(await page.$$eval('#cal-history li', (lis) => lis.map((l) => l.dataset.action)),
			['submit', 'return', 'submit', 'approve']);
		assert.match(await page.textContent('#cal-history'), /Bổ sung số liệu giải ngân Dự án 2/);
		assert.match(await page.textContent('#view'), /đã được duyệt và khóa/);
		assert.match(await page.textContent('#cal-sub-facts'), /BC-giam-sat-2025\.docx/);
		assert.equal(await page.$$eval('#cal-sub-actions button', (bs) => bs.length), 0);

		/* ---- the dashboard after: no reminder of it, one more report in the completeness ---- */
		const after = await os.get(`/api/v1/me/calendar/reminders?unit=${commune}&year=2025`);
		assert.equal(after.completeness.submitted, before.completeness.submitted + 1);
		assert.equal(after.completeness.approved, before.completeness.approved + 1);
		await page.click('#menu a[data-menu="dashboard"]');
		await page.waitForSelector('#cal-card #cal-dash-complete');
		await page.waitForFunction((sel) => !document.querySelector(sel), li);
		assert.equal(await page.textContent('#cal-dash-complete .kpi-value'), vnPct(after.completeness.completeness));
		assert.match(await page.textContent('#cal-dash-complete .kpi-sub'),
			new RegExp(`${vnInt(after.completeness.submitted)}/${vnInt(after.completeness.due)}`));
		assert.notEqual(after.completeness.completeness, before.completeness.completeness);

		/* ---- the province's completeness table: the commune's row ---- */
		const ps = await api(province);
		const co = await ps.get('/api/v1/me/calendar/completeness?year=2025');
		const mine = co.children.find((c) => c.code === commune);
		await pp.goto(`${srv.base}/#/me/calendar/completeness?year=2025`);
		await pp.waitForSelector(`#cal-co-table tr[data-code="${commune}"]`);
		assert.equal(await pp.textContent(`#cal-co-table tr[data-code="${commune}"] td[data-field="submitted"]`), vnInt(mine.submitted));
		assert.equal(await pp.textContent(`#cal-co-table tr[data-code="${commune}"] td[data-field="completeness"]`),
			vnPct(mine.completeness));
		assert.equal(await pp.textContent('#cal-co-table tfoot td[data-field="expected"]'), vnInt(co.total.expected));
		await pp.waitForSelector('#cal-co-chart svg');
		noProblems(page);
		noProblems(pp);
	});

	it('a local deadline from a plan moves the communes\' due date earlier', async () => {
		const province = srv.user('province_officer');
		const officer = srv.user('commune_officer');
		const commune = srv.commune;
		const pp = await pageAs(provinceCtx, province);
		await pp.goto(`${srv.base}/#/me/calendar/deadlines`);
		await pp.waitForSelector('#cal-dl-form');
		await pp.selectOption('#cal-dl-type', 'm01_half');
		assert.equal(await pp.inputValue('#cal-dl-period_kind'), 'half');
		await pp.selectOption('#cal-dl-rule', 'before');
		await pp.fill('#cal-dl-day', '20');
		await pp.fill('#cal-dl-month', '5');
		await pp.check('#cal-dl-lv-commune');
		await pp.fill('#cal-dl-year_from', '2025');
		/* no plan named: the server's message next to the field */
		await pp.click('#cal-dl-save');
		await pp.waitForSelector('#err-cal-dl-plan_ref:not([hidden])');
		assert.match(await pp.textContent('#err-cal-dl-plan_ref'), /kế hoạch/);
		await pp.fill('#cal-dl-plan_ref', 'Kế hoạch số 32/KH-UBND ngày 15/3/2025, mục VI.9');
		await pp.click('#cal-dl-save');
		await pp.waitForSelector('#cal-dl-list tr[data-type="m01_half"]');
		assert.match(await pp.textContent('#cal-flash'), /Đã lưu/);
		assert.match(await pp.textContent('#cal-dl-list tr[data-type="m01_half"]'), /trước ngày 20\/05/);

		const page = await pageAs(officerCtx, officer);
		await page.goto(`${srv.base}/#/me/calendar?year=2025`);
		const row = rowSel('m01_half', '2025S1', commune);
		await page.waitForSelector(row);
		assert.match(await page.textContent(`${row} td:first-child`), /19\/05\/2025/);
		assert.match(await page.textContent(`${row} .cal-source`), /Theo kế hoạch: Kế hoạch số 32\/KH-UBND .*\(quy định: 31\/05\/2025\)/);
		/* the officer reads the province's deadline, and may not change it */
		await page.click('#cal-nav-deadlines');
		await page.waitForSelector('#cal-dl-list');
		assert.match(await page.textContent('#cal-dl-list'), /của cấp trên/);
		assert.equal(await page.$$eval('#cal-dl-list button', (bs) => bs.length), 0);
		noProblems(page);
		noProblems(pp);
	});

	it('a province\'s long list comes a page of 100 at a time', async () => {
		const province = srv.user('province_officer');
		const ps = await api(province);
		const all = await ps.get('/api/v1/me/calendar?year=2025');
		const total = all.items.length;
		assert.ok(total > 100, `the test province owes ${total} reports in 2025: more than a page`);
		const page = await pageAs(provinceCtx, province);
		await page.goto(`${srv.base}/#/me/calendar?year=2025`);
		await page.waitForSelector('#cal-list');
		const rows = () => page.$$eval('#cal-list tr.cal-row', (rs) => rs.length);
		assert.equal(await rows(), 100);
		assert.equal(await page.isVisible('#cal-more'), true);
		await page.click('#cal-more');
		assert.equal(await rows(), Math.min(total, 200));
		assert.equal(await page.isVisible('#cal-more'), total > 200);
		noProblems(page);
	});
});
