/*
 * rounds.test.js - browser tests of the review workflow pages (web/rounds.js)
 * against the real binary: a commune officer runs the periodic review of the
 * latest synthetic year from the opening of the round to the second public
 * posting (a village meeting that fails and one that passes, a complaint and
 * its re-check), the commune chair approves it in a second browser, and the
 * year's reviews of the commune are then read-only. Then an application
 * (Form 01) is registered.
 *
 * The server's today is 2025-12-31 (lib/gnbv.js), so every date below is in
 * the past and the second posting is over by then: the chair may approve.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/
 *
 * GNBV_SCREENSHOTS=DIR saves screenshots of the pages there.
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch, vnInt } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

const SHOTS = process.env.GNBV_SCREENSHOTS || '';

let srv;
let officerCtx;
let chairCtx;

async function shot(page, name) {
	if (SHOTS) {
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: path.join(SHOTS, name + '.png') });
		await page.screenshot({ path: path.join(SHOTS, name + '-full.png'), fullPage: true });
	}
}

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

/* "2025-11-19" -> "19/11/2025" */
function vnDate(iso) {
	const [y, m, d] = iso.split('-');
	return `${d}/${m}/${y}`;
}

async function currentStep(page) {
	return page.getAttribute('#rd-steps li[aria-current="step"]', 'data-step');
}

async function actionsOffered(page) {
	return page.$$eval('#rd-actions form.action-form', (fs) => fs.map((f) => f.dataset.action));
}

/* Fills an action's form (field -> value) and sends it; waits for the page
 * to show the round again (a new flash message) or an error in the form. */
async function act(page, action, values) {
	for (const [k, v] of Object.entries(values)) {
		const sel = `#act-${action}-${k}`;
		const tag = await page.$eval(sel, (el) => el.tagName);
		if (tag === 'SELECT') {
			await page.selectOption(sel, String(v));
		} else {
			await page.fill(sel, String(v));
		}
	}
	await page.evaluate(() => {
		const f = document.querySelector('#rd-flash');
		if (f) {
			f.dataset.old = '1';
		}
	});
	await page.click(`#act-${action}-submit`);
	await page.waitForFunction((a) => {
		const f = document.querySelector('#rd-flash');
		const err = document.querySelector(`#act-${a}-error`);
		return (f && !f.dataset.old) || (err && !err.hidden);
	}, action);
}

describe('review workflow pages', { concurrency: false }, () => {
	before(async () => {
		srv = await startGnbv();
		officerCtx = await launch();
		chairCtx = await launch();
	});

	after(async () => {
		for (const c of [officerCtx, chairCtx]) {
			if (c) {
				await c.close();
			}
		}
		if (srv) {
			await srv.stop();
		}
	});

	it('a periodic review from the list to the approval, and the year locked after it', async () => {
		const officer = srv.user('commune_officer');
		const chair = srv.user('commune_chair');
		const year = Math.max(...srv.synth.households.map((h) => Number(h.year)));
		const os = await api(officer);
		const hh = await os.get(`/api/v1/households?year=${year}&limit=2`);
		assert.ok(hh.rows.length > 0, 'the commune has households reviewed in ' + year);
		const hid = hh.rows[0].id;

		/* ---- the officer opens the round ---- */
		const page = await pageAs(officerCtx, officer);
		const menu = await page.$$eval('#menu a', (as) => as.map((a) => a.dataset.menu));
		assert.deepEqual(menu, ['dashboard', 'households', 'rounds', 'import', 'me']);
		assert.equal(await page.textContent('#menu a[data-menu="rounds"]'), 'Rà soát');
		await page.click('#menu a[data-menu="rounds"]');
		await page.waitForSelector('#rd-open');
		await page.waitForSelector('#rd-none');
		await page.selectOption('#rd-open-year', String(year));
		await page.selectOption('#rd-open-kind', 'periodic');
		assert.equal(await page.isVisible('#rd-open-month'), false, 'no month for a periodic round');
		await page.click('#rd-open-submit');
		await page.waitForSelector('#rd-steps');
		const rid = Number(/#\/rounds\/(\d+)/.exec(page.url())[1]);
		assert.equal(await page.textContent('#rd-title'), `Rà soát định kỳ năm ${year} - ${(await os.get(`/api/v1/rounds/${rid}`)).round.unit_name}`);
		assert.equal(await currentStep(page), 'list');
		assert.deepEqual(await page.$$eval('#rd-steps li', (lis) => lis.map((li) => li.querySelector('.step-label').textContent)),
			['Lập danh sách', 'Khảo sát', 'Họp dân', 'Niêm yết', 'Phê duyệt', 'Đã cấp giấy chứng nhận/khoá']);
		assert.deepEqual(await actionsOffered(page), ['start_survey']);
		assert.match(await page.textContent('#rd-facts'), new RegExp(`01/09/${year} – 14/12/${year}`));
		await act(page, 'start_survey', { note: 'Bắt đầu rà soát' });
		assert.equal(await currentStep(page), 'survey');

		/* ---- a village meeting: first what the page refuses by itself ---- */
		const posts = [];
		page.on('request', (r) => {
			if (r.method() === 'POST' && /\/actions$/.test(r.url())) {
				posts.push(r.postDataJSON());
			}
		});
		await page.fill('#act-record_meeting-meeting_date', '31/02/' + year);
		await page.fill('#act-record_meeting-attendees', '30');
		await page.fill('#act-record_meeting-votes_for', '31');
		await page.click('#act-record_meeting-submit');
		await page.waitForSelector('#err-act-record_meeting-votes_for:not([hidden])');
		assert.match(await page.textContent('#err-act-record_meeting-meeting_date'), /ngày\/tháng\/năm/);
		assert.match(await page.textContent('#err-act-record_meeting-votes_for'), /số người dự họp/);
		assert.equal(await page.getAttribute('#act-record_meeting-votes_for', 'aria-invalid'), 'true');
		assert.deepEqual(posts, [], 'nothing sent while the form has errors');

		/* ... then a meeting with less than half in favour: back to the survey */
		await act(page, 'record_meeting', { meeting_date: `03/11/${year}`, attendees: 30, votes_for: 14 });
		assert.deepEqual(posts.pop(), { action: 'record_meeting', meeting_date: `${year}-11-03`, attendees: 30, votes_for: 14 });
		assert.match(await page.textContent('#rd-flash'), /không đạt \(14\/30 người đồng ý, dưới 50 %\)/);
		assert.equal(await currentStep(page), 'survey');
		assert.match(await page.textContent('#rd-meeting'), /03\/11\/\d{4}: 14\/30 người đồng ý \(47 %\): không đạt/);
		assert.deepEqual(await page.$$eval('#rd-events tbody tr', (trs) => trs.map((tr) => [tr.dataset.action, tr.dataset.from, tr.dataset.to])),
			[['open', '', 'list'], ['start_survey', 'list', 'survey'], ['record_meeting', 'survey', 'survey']]);

		/* exactly half passes */
		await page.fill('#act-record_meeting-attendees', '30');
		await page.fill('#act-record_meeting-votes_for', '15');
		assert.match(await page.textContent('#act-record_meeting-preview'), /15\/30 người đồng ý \(50 %\): đạt/);
		await act(page, 'record_meeting', { meeting_date: `10/11/${year}` });
		assert.match(await page.textContent('#rd-flash'), /Họp dân đạt/);
		assert.equal(await page.getAttribute('#rd-steps li[data-step="meeting"]', 'data-status'), 'done');
		assert.equal(await currentStep(page), 'posting', 'the posting is what comes now');
		assert.deepEqual(await actionsOffered(page), ['start_posting'], 'the officer may not approve');

		/* ---- the public posting: 3 working days from Friday 14/11 ---- */
		await act(page, 'start_posting', { start: `07/11/${year}` });
		assert.match(await page.textContent('#err-act-start_posting-start'), /Không được trước ngày 10\/11/);
		await act(page, 'start_posting', { start: `14/11/${year}` });
		let rd = await os.get(`/api/v1/rounds/${rid}`);
		assert.equal(rd.round.posting_end, `${year}-11-19`, 'Friday + 3 working days = Wednesday');
		assert.equal(await currentStep(page), 'posting');
		assert.equal(await page.getAttribute('#rd-posting', 'data-end'), rd.round.posting_end);
		assert.match(await page.textContent('#rd-posting'), new RegExp(`từ 14/11/${year} đến hết ${vnDate(rd.round.posting_end)}`));
		assert.match(await page.textContent('#rd-flash'), new RegExp(`hết hạn niêm yết ngày ${vnDate(rd.round.posting_end)}`));
		assert.match(await page.textContent('#rd-approve-from'), new RegExp(vnDate(rd.deadlines.approve_from)));
		await shot(page, 'round-posting');

		/* ---- a complaint: the server's 422 next to the field, then a good one ---- */
		assert.deepEqual(await actionsOffered(page), ['add_complaint']);
		await act(page, 'add_complaint', { received: `17/11/${year}`, household_id: 'KHONG-CO-HO', text: 'Hộ khai thiếu thu nhập' });
		await page.waitForSelector('#err-act-add_complaint-household_id:not([hidden])');
		assert.ok((await page.textContent('#err-act-add_complaint-household_id')).length > 3, 'the server says what is wrong');
		assert.equal(await page.isVisible('#act-add_complaint-error'), true);
		await act(page, 'add_complaint', { household_id: hid });
		assert.equal(await currentStep(page), 'posting');
		assert.equal(await page.textContent('#rd-state'), 'Phúc tra khiếu nại');
		const c1 = await page.$eval('#rd-complaints tbody tr', (tr) => ({ id: tr.dataset.id, status: tr.dataset.status, text: tr.textContent }));
		assert.equal(c1.status, 'open');
		assert.ok(c1.text.includes(hid) && c1.text.includes('Hộ khai thiếu thu nhập'));
		assert.ok(c1.text.includes(`20/11/${year}`), 're-check due 3 working days after 17/11');
		/* nothing moves on while the complaint is open: the new posting waits */
		assert.deepEqual(await actionsOffered(page), ['add_complaint', 'recheck_complaint', 'start_posting']);
		assert.equal(await page.isDisabled('#act-start_posting-submit'), true);
		assert.match(await page.textContent('#act-start_posting-blocked'), /Còn khiếu nại chưa phúc tra/);

		/* ---- the re-check, then a new posting ---- */
		await act(page, 'recheck_complaint', { result: 'Đã phúc tra: giữ nguyên kết quả', date: `19/11/${year}` });
		assert.equal(await page.getAttribute('#rd-complaints tbody tr', 'data-status'), 'rechecked');
		await act(page, 'start_posting', { start: `21/11/${year}` });
		rd = await os.get(`/api/v1/rounds/${rid}`);
		assert.equal(rd.round.postings, 2);
		assert.equal(rd.round.posting_end, `${year}-11-26`);
		assert.match(await page.textContent('#rd-posting'), new RegExp(`từ 21/11/${year} đến hết 26/11/${year} \\(lần niêm yết thứ 2\\)`));
		assert.equal(await page.getAttribute('#rd-complaints tbody tr', 'data-status'), 'resolved');
		noProblems(page);

		/* ---- the chair approves, in a second browser ---- */
		const cpage = await pageAs(chairCtx, chair);
		await cpage.goto(`${srv.base}/#/rounds/${rid}`);
		await cpage.waitForSelector('#act-approve');
		assert.equal(await cpage.isDisabled('#act-approve-submit'), false, 'the posting is over');
		await act(cpage, 'approve', { decision_no: '45/QĐ-UBND', decision_date: `26/11/${year}` });
		assert.match(await cpage.textContent('#err-act-approve-decision_date'), /Phải sau ngày 26\/11/);
		await act(cpage, 'approve', { decision_date: `28/11/${year}`, note: 'Công nhận danh sách' });
		assert.equal(await cpage.textContent('#rd-state'), 'Đã công nhận');
		assert.deepEqual(await cpage.$$eval('#rd-steps li', (lis) => lis.map((li) => li.dataset.status)),
			['done', 'done', 'done', 'done', 'done', 'done']);
		assert.match(await cpage.textContent('#rd-decision'), new RegExp(`số 45/QĐ-UBND ngày 28/11/${year}`));
		assert.match(await cpage.textContent('#rd-certified'), /Đã được cấp/);
		assert.match(await cpage.textContent('#rd-no-actions'), /đã hoàn thành/);
		rd = await os.get(`/api/v1/rounds/${rid}`);
		assert.equal(rd.round.state, 'approved');
		assert.ok(rd.tallies.reviews > 0);
		assert.match(await cpage.textContent('#rd-tallies-reviews'), new RegExp(`: ${vnInt(rd.tallies.reviews)}$`));
		for (const [k, n] of Object.entries(rd.tallies.transitions)) {
			assert.equal(await cpage.textContent(`#rd-tally-transitions tr[data-key="${k}"] td`), vnInt(n), k);
		}
		assert.equal(await cpage.$$eval('#rd-events tbody tr', (trs) => trs.length), 9);
		assert.equal(await cpage.getAttribute('#rd-events tbody tr:last-child', 'data-action'), 'approve');
		await shot(cpage, 'round-approved');
		noProblems(cpage);
		await cpage.close();

		/* ---- the year's reviews of the commune are read-only now ---- */
		await page.goto(`${srv.base}/#/households/${encodeURIComponent(hid)}/reviews/${year}`);
		await page.waitForSelector('#review-form');
		await page.waitForSelector('#rv-locked');
		assert.match(await page.textContent('#rv-locked'), new RegExp(`năm ${year} đã được phê duyệt và khoá`));
		assert.equal(await page.$('#rv-save'), null, 'no save button');
		assert.equal(await page.isDisabled('#rv-members'), true);
		const put = await os.request('PUT', `/api/v1/households/${encodeURIComponent(hid)}/reviews/${year}`,
			{ members: 3, income: 900000 }, { 'Accept-Language': 'vi' });
		assert.equal(put.status, 409);
		assert.equal(put.data.error, 'locked');
		/* the list shows the round approved */
		await page.goto(`${srv.base}/#/rounds?year=${year}`);
		await page.waitForSelector(`#rd-list tr[data-id="${rid}"]`);
		assert.equal(await page.getAttribute(`#rd-list tr[data-id="${rid}"]`, 'data-state'), 'approved');
		/* opening it again: 409 "exists", with a link to it */
		await page.selectOption('#rd-open-year', String(year));
		await page.click('#rd-open-submit');
		await page.waitForSelector('#rd-open-existing');
		assert.equal(await page.getAttribute('#rd-open-existing', 'href'), `#/rounds/${rid}`);
		noProblems(page);
		await page.close();
	});

	it('roles: the province officer reads the rounds, without actions', async () => {
		const prov = srv.user('province_officer');
		const page = await pageAs(officerCtx, prov);
		assert.deepEqual(await page.$$eval('#menu a', (as) => as.map((a) => a.dataset.menu)),
			['dashboard', 'households', 'rounds', 'import', 'me']);
		await page.click('#menu a[data-menu="rounds"]');
		await page.waitForSelector('#rd-list tbody tr');
		assert.equal(await page.$('#rd-open'), null, 'no "Mở đợt rà soát" for the province');
		await page.click('#rd-list tbody tr a');
		await page.waitForSelector('#rd-steps');
		assert.equal(await page.$('#rd-actions form'), null);
		assert.match(await page.textContent('#rd-no-actions'), /đã hoàn thành/);
		noProblems(page);
		await page.close();
	});

	it('applications: Form 01 registered from the household page, listed with its round', async () => {
		const officer = srv.user('commune_officer');
		const os = await api(officer);
		const hh = await os.get('/api/v1/households?limit=1');
		const hid = hh.rows[0].id;
		const page = await pageAs(officerCtx, officer);
		await page.goto(`${srv.base}/#/households/${encodeURIComponent(hid)}`);
		await page.click('#hd-application');
		await page.waitForSelector('#ap-register');
		assert.equal(await page.inputValue('#ap-household_id'), hid);
		await page.fill('#ap-date', '32/12/2025');
		await page.click('#ap-submit');
		await page.waitForSelector('#err-ap-date:not([hidden])');
		await page.fill('#ap-date', '10/12/2025');
		await page.selectOption('#ap-form', '01');
		await page.click('#ap-submit');
		await page.waitForSelector('#ap-result .msg-ok');
		await page.waitForSelector('#ap-list tbody tr');
		const apps = await os.get('/api/v1/applications');
		assert.equal(apps.applications.length, 1);
		const a = apps.applications[0];
		assert.equal(a.date, '2025-12-10');
		assert.equal(await page.getAttribute('#ap-round-link', 'href'), `#/rounds/${a.round_id}`);
		const row = await page.textContent(`#ap-list tr[data-id="${a.id}"]`);
		assert.ok(row.includes('10/12/2025') && row.includes('Mẫu 01'), row);
		/* its regular round: received before the 15th, December's */
		await page.click('#ap-round-link');
		await page.waitForSelector('#rd-applications');
		assert.equal(await page.textContent('#rd-title'), `Rà soát thường xuyên tháng 12/2025 - ${a.unit_name}`);
		assert.deepEqual(await page.$$eval('#rd-steps li', (lis) => lis.map((li) => li.dataset.step)), ['open', 'approve', 'approved']);
		noProblems(page);
		await page.close();
	});
});
