/*
 * reports.test.js - browser tests of the dashboard's Reports block for the
 * lists of households (issue 4): a commune officer is offered the posting
 * list, the decision annex and the certificates beside the summary tables,
 * clicks a download and gets the same bytes as `gnbv report` (one row per
 * poor or near-poor household of the commune, as the dashboard counts
 * them), then the certificates as a PDF; the supervisor (aggregates only)
 * is offered none and refused the file; a province officer is offered the
 * lists on a commune's dashboard, not on the province's.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { startGnbv, readCsv, BIN } = require('./lib/gnbv');
const { launch, watch } = require('./lib/browser');
const { ApiSession } = require('./lib/api');

const SHOTS = process.env.GNBV_SCREENSHOTS || '';
const LISTS = ['posting-list', 'decision-annex', 'certificates'];

let srv;
let ctx;

async function pageAs(user, hash) {
	await ctx.clearCookies();
	const page = await ctx.newPage();
	page.problems = watch(page);
	await page.goto(srv.base + '/#/login');
	await page.waitForSelector('#login-form');
	await page.fill('#login-username', user.username);
	await page.fill('#login-password', user.password);
	await page.click('#login-submit');
	await page.waitForSelector('#menu a[data-menu="dashboard"]');
	if (hash) {
		await page.goto(srv.base + '/' + hash);
	}
	await page.waitForSelector('.summary-table');
	await page.waitForSelector('#rep-name option', { state: 'attached' });
	return page;
}

async function offered(page) {
	return page.$$eval('#rep-name option', (os) => os.map((o) => o.value));
}

async function dashState(page) {
	return { year: await page.inputValue('#dash-year'), asof: await page.inputValue('#dash-map') };
}

/* Clicks the download link and returns {name, bytes}. */
async function download(page) {
	const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#rep-download')]);
	const file = await dl.path();
	return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('dashboard: lists of households', { concurrency: false }, () => {
	before(async () => {
		srv = await startGnbv();
		ctx = await launch({ acceptDownloads: true });
	});

	after(async () => {
		if (ctx) {
			await ctx.close();
		}
		if (srv) {
			await srv.stop();
		}
	});

	it('a commune officer downloads the posting list and the certificates', async () => {
		const officer = srv.user('commune_officer');
		const page = await pageAs(officer);
		const names = await offered(page);
		for (const l of LISTS) {
			assert.ok(names.includes(l), `${l} offered: ${names}`);
		}
		assert.ok(names.includes('results'));
		const groups = await page.$$eval('#rep-name optgroup', (gs) => gs.map((g) => g.label));
		assert.deepEqual(groups, ['Biểu tổng hợp', 'Danh sách hộ (có thông tin cá nhân)']);
		assert.equal(await page.isVisible('#rep-note'), false); /* a table: no note */

		/* the posting list as CSV: the file is the CLI's, one row per poor
		 * or near-poor household the dashboard counts */
		await page.selectOption('#rep-name', 'posting-list');
		await page.selectOption('#rep-format', 'csv');
		assert.match(await page.textContent('#rep-note'), /thông tin cá nhân|họ tên/);
		const { year, asof } = await dashState(page);
		const got = await download(page);
		assert.equal(got.name, `posting-list-${srv.commune}-${year}.csv`);
		const out = path.join(srv.dir, 'pl.csv');
		const r = spawnSync(BIN, ['report', 'posting-list', '--db', srv.db, '--unit', srv.commune,
			'--year', year, '--as-of', asof, '--format', 'csv', '-o', out], { env: process.env, encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		assert.equal(got.bytes.toString('utf8'), fs.readFileSync(out, 'utf8'));
		const rows = readCsv(out).filter((x) => x.style === 'unit');
		const s = new ApiSession(srv.base);
		await s.login(officer.username, officer.password);
		const sum = await s.get(`/api/v1/dashboard/summary?unit=${srv.commune}&year=${year}&asof=${asof}`);
		assert.equal(rows.length, Number(sum.unit.poor) + Number(sum.unit.near_poor));
		assert.ok(rows.length > 0);

		/* the certificates as PDF: approved households only (the note says
		 * so); nothing approved yet in the synthetic data: a page saying so */
		await page.selectOption('#rep-name', 'certificates');
		await page.selectOption('#rep-format', 'pdf');
		assert.match(await page.textContent('#rep-note'), /phê duyệt/);
		const cert = await download(page);
		assert.equal(cert.name, `certificates-${srv.commune}-${year}.pdf`);
		assert.equal(cert.bytes.subarray(0, 4).toString(), '%PDF');
		await page.selectOption('#rep-format', 'csv');
		assert.match(await page.textContent('#rep-note'), /mỗi thành viên một dòng/);
		if (SHOTS) {
			await page.locator('#reports').screenshot({ path: path.join(SHOTS, 'dashboard-lists.png') });
		}
		assert.deepEqual(page.problems, []);
		await page.close();
	});

	it('the supervisor is offered no list and is refused the file', async () => {
		const page = await pageAs(srv.user('supervisor'), `#/dashboard?path=14,${srv.commune}`);
		const names = await offered(page);
		assert.ok(names.includes('results'));
		for (const l of LISTS) {
			assert.ok(!names.includes(l), `${l} offered to the supervisor`);
		}
		const status = await page.evaluate(async (u) => (await fetch(u)).status,
			`/api/v1/reports/posting-list?unit=${srv.commune}&format=csv`);
		assert.equal(status, 403);
		assert.deepEqual(page.problems, []);
		await page.close();
	});

	it('a province officer gets the lists on a commune, not on the province', async () => {
		const page = await pageAs(srv.user('province_officer'));
		let names = await offered(page);
		for (const l of LISTS) {
			assert.ok(!names.includes(l), `${l} offered for the province`);
		}
		await page.goto(srv.base + `/#/dashboard?path=14,${srv.commune}`);
		await page.waitForFunction(() => document.querySelectorAll('#rep-name optgroup').length === 2);
		names = await offered(page);
		for (const l of LISTS) {
			assert.ok(names.includes(l), `${l} not offered for the commune`);
		}
		await page.selectOption('#rep-name', 'decision-annex');
		await page.selectOption('#rep-format', 'xlsx');
		const got = await download(page);
		assert.match(got.name, new RegExp(`^decision-annex-${srv.commune}-\\d{4}\\.xlsx$`));
		assert.equal(got.bytes.subarray(0, 2).toString(), 'PK');
		assert.deepEqual(page.problems, []);
		await page.close();
	});
});
