/*
 * me_capacity.test.js - browser tests of capacity building and inspections
 * (web/me_capacity.js) against the real binary: a commune officer records a
 * training class with two participants typed in, then a conference where
 * one of them is found by a search and picked (counted once among the
 * people trained); a bad date is refused next to its field. Then the
 * officer records a mission with a recommendation due in the past: the
 * mission shows it overdue and its report late, the dashboard of the
 * commune and of its province list it with its unit, due date and days
 * late, and once resolved it leaves them.
 *
 * The server's today is 2025-12-31 (lib/gnbv.js).
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/me_capacity.test.js
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

let srv;
let ctx;
let provCtx;

/* A page logged in as user in context c (one session per context). */
async function pageAs(user, c) {
	c = c || ctx;
	await c.clearCookies();
	const page = await c.newPage();
	page.problems = watch(page);
	await page.goto(srv.base + '/#/login');
	await page.waitForSelector('#login-form');
	await page.fill('#login-username', user.username);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	await page.waitForSelector('#menu a[data-menu="dashboard"]');
	return page;
}

async function api(user) {
	const s = new ApiSession(srv.base);
	await s.login(user.username, user.password);
	return s;
}

function noProblems(page) {
	assert.deepEqual(page.problems, [], 'the page reported errors');
}

/* Types a new person into the participants editor and adds them. */
async function addNewPerson(page, p) {
	await page.fill('#cap-pn-full_name', p.name);
	await page.selectOption('#cap-pn-sex', p.sex);
	if (p.birth) {
		await page.fill('#cap-pn-birth_year', String(p.birth));
	}
	if (p.position) {
		await page.fill('#cap-pn-position', p.position);
	}
	if (p.staff) {
		await page.check('#cap-pn-staff');
	}
	const before = await page.$$eval('#cap-p-pending-table tbody tr', (trs) => trs.length).catch(() => 0);
	await page.click('#cap-pn-add');
	await page.waitForFunction((n) => document.querySelectorAll('#cap-p-pending-table tbody tr').length === n + 1, before);
}

describe('capacity building and inspections pages', { concurrency: false }, () => {
	before(async () => {
		srv = await startGnbv();
		ctx = await launch();
		provCtx = await launch();
	});

	after(async () => {
		for (const c of [ctx, provCtx]) {
			if (c) {
				await c.close();
			}
		}
		if (srv) {
			await srv.stop();
		}
	});

	it('a training class with two participants, one of them picked again for a conference', async () => {
		const officer = srv.user('commune_officer');
		const page = await pageAs(officer);
		await page.click('#menu a[data-menu="me"]');
		await page.click('.tabs a[data-tab="training"]');
		await page.waitForSelector('#cap-kpis');
		assert.equal(await page.textContent('#cap-kpi-people .kpi-value'), '0');
		await page.click('#cap-tr-new');
		await page.waitForSelector('#cap-class-form');

		/* a date that is no date: refused before sending */
		await page.fill('#cap-c-title', 'Tập huấn nghiệp vụ giảm nghèo năm 2025');
		await page.fill('#cap-c-start_date', '31/02/2025');
		await page.click('#cap-c-submit');
		await page.waitForSelector('#err-cap-c-start_date:not([hidden])');
		/* the end before the start: the server's 422, next to the field */
		await page.fill('#cap-c-start_date', '11/03/2025');
		await page.fill('#cap-c-end_date', '10/03/2025');
		await page.click('#cap-c-submit');
		await page.waitForSelector('#err-cap-c-end_date:not([hidden])');
		assert.match(await page.textContent('#err-cap-c-end_date'), /trước ngày bắt đầu/);
		assert.equal(await page.getAttribute('#cap-c-end_date', 'aria-invalid'), 'true');

		await page.fill('#cap-c-start_date', '10/03/2025');
		await page.fill('#cap-c-end_date', '11/03/2025');
		await page.fill('#cap-c-place', 'Hội trường UBND xã');
		await page.fill('#cap-c-funding', '12.500.000');
		await addNewPerson(page, { name: 'Lò Thị Mai', sex: 'F', birth: 1985, position: 'cán bộ giảm nghèo xã', staff: true });
		await addNewPerson(page, { name: 'Quàng Văn Sáu', sex: 'M', position: 'trưởng thôn' });
		await page.click('#cap-c-submit');
		await page.waitForSelector('#cap-participants-table');
		assert.equal(await page.textContent('#cap-class-title'), 'Tập huấn nghiệp vụ giảm nghèo năm 2025');
		assert.equal(await page.textContent('#cap-participants-title'), 'Người tham gia (2)');
		/* in Vietnamese name order: by given name first */
		assert.deepEqual(await page.$$eval('#cap-participants-table tbody th', (ths) => ths.map((th) => th.textContent)),
			['Lò Thị Mai', 'Quàng Văn Sáu']);
		assert.equal(await page.textContent('#cap-class-days'), '2');
		/* corrected: a half day shorter */
		await page.click('#cap-class-edit');
		await page.waitForSelector('#cap-class-form');
		assert.equal(await page.inputValue('#cap-c-start_date'), '10/03/2025');
		assert.equal(await page.inputValue('#cap-c-funding'), '12.500.000');
		await page.fill('#cap-c-days', '1,5');
		await page.click('#cap-c-submit');
		await page.waitForSelector('#cap-participants-table');
		assert.equal(await page.textContent('#cap-class-days'), '1,5');
		assert.equal(await page.textContent('#cap-participants-title'), 'Người tham gia (2)');

		/* a half-day conference: Mai found by a search without marks, picked */
		await page.goto(srv.base + '/#/me/training/new');
		await page.waitForSelector('#cap-class-form');
		await page.selectOption('#cap-c-kind', 'conference');
		await page.fill('#cap-c-title', 'Hội nghị sơ kết');
		await page.fill('#cap-c-start_date', '02/06/2025');
		await page.fill('#cap-c-days', '0,5');
		await page.fill('#cap-p-search', 'lo thi mai');
		await page.waitForSelector('#cap-p-results button');
		await page.click('#cap-p-results button');
		await page.waitForSelector('#cap-p-pending-table tbody tr');
		assert.equal(await page.$$eval('#cap-p-pending-table .cap-new', (b) => b.length), 0, 'picked, not new');
		await page.click('#cap-c-submit');
		await page.waitForSelector('#cap-participants-table');
		assert.equal(await page.textContent('#cap-participants-title'), 'Người tham gia (1)');
		assert.equal(await page.textContent('#cap-class-days'), '0,5');

		/* rows pasted from Excel (tabs, no header, empty cells at the end):
		 * a bad sex on the 2nd row is named with its row and nothing is
		 * saved; corrected, both are added */
		await page.click('#cap-p-paste-box summary');
		const rows = [['Hà Văn Một', 'Nam', '1979', srv.commune, 'trưởng thôn', 'có'],
			['Hà Thị Hai', 'X', '', srv.commune, '', '']];
		await page.fill('#cap-p-paste', rows.map((r) => r.join('\t')).join('\n') + '\n');
		await page.click('#cap-p-submit');
		await page.waitForSelector('#cap-p-paste-errors:not([hidden])');
		assert.match(await page.textContent('#cap-p-paste-errors'), /Dòng 2, cột Giới tính: giới tính phải là Nam hoặc Nữ/);
		assert.equal(await page.textContent('#cap-participants-title'), 'Người tham gia (1)');
		rows[1][1] = 'Nữ';
		await page.fill('#cap-p-paste', rows.map((r) => r.join('\t')).join('\n') + '\n');
		await page.click('#cap-p-submit');
		await page.waitForSelector('#cap-flash .msg-ok');
		assert.equal(await page.textContent('#cap-participants-title'), 'Người tham gia (3)');
		assert.match(await page.textContent('#cap-flash'), /Đã thêm 2 người/);

		/* the year's figures: 4 people (Mai once), 5 attendances, 2 women */
		await page.goto(srv.base + '/#/me/training?year=2025');
		await page.waitForSelector('#cap-classes');
		assert.equal(await page.textContent('#cap-kpi-people .kpi-value'), '4');
		assert.equal(await page.textContent('#cap-kpi-attendances .kpi-value'), '5');
		assert.match(await page.textContent('#cap-kpi-people .kpi-sub'), /Nữ: 2 \(50,00 %\)/);
		assert.equal(await page.$$eval('#cap-classes tbody tr', (trs) => trs.length), 2);
		const os = await api(officer);
		const s = await os.get('/api/v1/me/training/summary?year=2025');
		assert.equal(s.people, 4);
		assert.equal(s.attendances, 5);

		/* the commune's staff count: Mai and Một trained of 4, 50 % of the 100 % target */
		await page.click('#cap-staff-link');
		await page.waitForSelector(`#cap-staff-${srv.commune}`);
		await page.fill(`#cap-staff-${srv.commune}`, '4');
		await page.click(`#cap-staff button[data-code="${srv.commune}"]`);
		await page.waitForSelector('#cap-staff .ok');
		await page.goto(srv.base + '/#/me/training?year=2025');
		await page.waitForSelector('#cap-kpi-share');
		assert.equal(await page.textContent('#cap-kpi-share .kpi-value'), '50,00 %');
		assert.ok(await page.$('#cap-share-chart svg rect.c-cap-target'), 'the target is drawn');
		noProblems(page);
		await page.close();
	});

	it('a recommendation due in the past is flagged on the dashboards of its unit and of the province', async () => {
		const officer = srv.user('commune_officer');
		const page = await pageAs(officer);
		await page.goto(srv.base + '/#/me/inspections');
		await page.waitForSelector('#cap-overdue');
		await page.click('#cap-in-new');
		await page.waitForSelector('#cap-mission-form');
		await page.selectOption('#cap-m-kind', 'monitoring');
		await page.fill('#cap-m-name', 'Giám sát thực hiện Dự án 7 năm 2025');
		await page.fill('#cap-m-decision_no', '12/QĐ-UBND');
		await page.fill('#cap-m-start_date', '06/10/2025');
		await page.fill('#cap-m-end_date', '10/10/2025');
		await page.fill('#cap-m-team', 'Nguyễn Văn An, trưởng đoàn');
		await page.check(`#cap-m-unit-${srv.commune}`);
		await page.fill('#cap-m-findings', 'Sổ theo dõi hộ nghèo chưa cập nhật');
		await page.fill('#cap-m-rec-0-text', 'Cập nhật sổ theo dõi hộ nghèo');
		await page.selectOption('#cap-m-rec-0-unit', srv.commune);
		await page.fill('#cap-m-rec-0-due', '30/11/2025');
		await page.click('#cap-m-submit');
		await page.waitForSelector('#cap-recs .cap-rec');
		/* the report: 15 working days after Friday 10/10 is Friday 31/10, not submitted: late */
		assert.match(await page.textContent('#cap-report-due'), /31\/10\/2025/);
		assert.ok(await page.$('#cap-report-late'));
		const badge = await page.textContent('#cap-recs .cap-rec .badge');
		assert.match(badge, /Quá hạn 31 ngày/);
		const mid = Number(/#\/me\/inspections\/(\d+)/.exec(page.url())[1]);

		/* the commune's dashboard */
		await page.goto(srv.base + '/#/dashboard');
		await page.waitForSelector('#cap-dash-overdue tbody tr');
		const row = await page.$$eval('#cap-dash-overdue tbody tr', (trs) => trs.map((tr) =>
			[...tr.children].map((c) => c.textContent.trim())));
		const os = await api(officer);
		const unitName = (await os.get('/api/v1/me/inspections/recommendations')).recommendations[0].unit_name;
		assert.deepEqual(row, [['Cập nhật sổ theo dõi hộ nghèo', unitName, '30/11/2025', '31']]);
		assert.match(await page.textContent('#cap-dash-counts'), /chưa khắc phục: 1 · quá hạn: 1/);
		/* the recommendation leads to its mission */
		assert.equal(await page.getAttribute('#cap-dash-overdue a', 'href'), `#/me/inspections/${mid}`);
		assert.equal(await page.getAttribute('#cap-dash-overdue a', 'title'), 'Giám sát thực hiện Dự án 7 năm 2025');
		assert.ok(await page.$('#cap-dash-training'), 'the training card is there too');
		noProblems(page);

		/* the province's dashboard: the commune's overdue recommendation */
		const prov = await pageAs(srv.user('province_officer'), provCtx);
		await prov.waitForSelector('#cap-dash-overdue tbody tr');
		assert.equal(await prov.$$eval('#cap-dash-overdue tbody tr', (trs) => trs.length), 1);
		assert.match(await prov.textContent('#cap-dash-overdue'), /Cập nhật sổ theo dõi hộ nghèo/);
		noProblems(prov);
		await prov.close();

		/* resolved by the commune: off the dashboard */
		await page.goto(srv.base + `/#/me/inspections/${mid}`);
		await page.waitForSelector('#cap-recs .cap-rec details');
		await page.click('#cap-recs .cap-rec details summary');
		const form = '#cap-recs .cap-status-form';
		await page.selectOption(`${form} select`, 'resolved');
		await page.fill(`${form} .date-input`, '20/12/2025');
		await page.fill(`${form} textarea`, 'Đã cập nhật sổ theo dõi của 12 thôn');
		await page.click(`${form} button[type="submit"]`);
		await page.waitForSelector('#cap-flash .msg-ok');
		assert.match(await page.textContent('#cap-recs .cap-rec .badge'), /Đã khắc phục/);
		await page.goto(srv.base + '/#/dashboard');
		await page.waitForSelector('#cap-dash-counts');
		assert.match(await page.textContent('#cap-dash-counts'), /chưa khắc phục: 0 · quá hạn: 0/);
		assert.equal(await page.$('#cap-dash-overdue'), null);
		noProblems(page);
		await page.close();
	});

	it('the supervisor reads the pages without the forms', async () => {
		const page = await pageAs(srv.user('supervisor'));
		await page.goto(srv.base + '/#/me/training?year=2025');
		await page.waitForSelector('#cap-kpis');
		assert.equal(await page.textContent('#cap-kpi-people .kpi-value'), '4');
		assert.equal(await page.$('#cap-tr-new'), null);
		await page.goto(srv.base + '/#/me/inspections');
		await page.waitForSelector('#cap-missions');
		assert.equal(await page.$('#cap-in-new'), null);
		await page.click('#cap-missions tbody a');
		await page.waitForSelector('#cap-recs');
		assert.equal(await page.$('#cap-rec-add'), null);
		assert.equal(await page.$('#cap-recs details'), null);
		noProblems(page);
		await page.close();
	});
});
