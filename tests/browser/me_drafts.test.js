/*
 * me_drafts.test.js - the drafts of the M&E reports on the monitoring hub
 * (#/me, issue 5): a commune officer chooses Mẫu 01, the year and the
 * period, downloads the Word draft (a .docx whose document names the
 * commune and carries the highlighted places to fill in), switches to
 * Mẫu 02 (its own periods offered) and downloads the tables as a workbook.
 *
 *   GNBV_BIN=build/gnbv node --test tests/browser/
 */
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const { startGnbv } = require('./lib/gnbv');
const { launch, watch } = require('./lib/browser');

let srv;
let ctx;

/* The named part of a zip, as text (unzip -p). */
function part(file, name) {
	const r = spawnSync('python3', ['-c',
		'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())',
		file, name], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	return r.stdout;
}

async function download(page, sel) {
	const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
	return { name: dl.suggestedFilename(), file: await dl.path() };
}

describe('monitoring hub: report drafts', { concurrency: false }, () => {
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

	it('a commune officer downloads Mẫu 01 as Word and Mẫu 02 tables as Excel', async () => {
		const officer = srv.user('commune_officer');
		const page = await ctx.newPage();
		page.problems = watch(page);
		await page.goto(srv.base + '/#/login');
		await page.fill('#login-username', officer.username);
		await page.fill('#login-password', officer.password);
		await page.click('#login-submit');
		await page.waitForSelector('#menu a[data-menu="me"]');
		await page.click('#menu a[data-menu="me"]');
		await page.waitForSelector('#me-drafts');
		assert.equal(await page.inputValue('#draft-unit'), officer.unit);
		assert.deepEqual(await page.$$eval('#draft-period option', (os) => os.map((o) => o.value)),
			['year', 's1', 'adhoc']);
		await page.selectOption('#draft-year', '2025');
		await page.selectOption('#draft-period', 's1');
		const docx = await download(page, '#draft-docx');
		assert.equal(docx.name, `mau-01-${officer.unit}-2025-s1.docx`);
		const xml = part(docx.file, 'word/document.xml');
		assert.match(xml, /BÁO CÁO GIÁM SÁT/);
		assert.match(xml, /6 tháng đầu năm 2025/);
		assert.match(xml, /Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2024/);
		assert.match(xml, /w:highlight w:val="yellow"/);

		await page.selectOption('#draft-form', 'mau-02');
		assert.deepEqual(await page.$$eval('#draft-period option', (os) => os.map((o) => o.value)),
			['year', 'baseline', 'midterm', 'final', 'adhoc']);
		await page.selectOption('#draft-period', 'midterm');
		const xlsx = await download(page, '#draft-xlsx');
		assert.equal(xlsx.name, `mau-02-${officer.unit}-2025-midterm.xlsx`);
		const wb = part(xlsx.file, 'xl/workbook.xml');
		assert.match(wb, /<sheet name="Ra soat ho ngheo"/);
		assert.match(wb, /<sheet name="Kinh phi"/);
		assert.ok(fs.statSync(xlsx.file).size > 1000);
		assert.deepEqual(page.problems, []);
		await page.close();
	});
});
