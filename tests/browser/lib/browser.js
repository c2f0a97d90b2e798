/*
 * browser.js - Debian's Chromium driven by playwright-core (no browser
 * download: see /work/shared/NOTES.md "Browser tests"), plus the small
 * helpers the tests share.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

/* A persistent context in a fresh profile directory (chromium.launch()
 * refuses --user-data-dir). */
async function launch(opts) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnbv-chromium-'));
	const context = await chromium.launchPersistentContext(dir, Object.assign({
		executablePath: CHROMIUM,
		headless: true,
		args: ARGS,
		viewport: { width: 1024, height: 768 },
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	}, opts || {}));
	context.setDefaultTimeout(15000);
	const close = context.close.bind(context);
	context.close = async () => {
		await close();
		fs.rmSync(dir, { recursive: true, force: true });
	};
	return context;
}

/* Collects what a page reports that a test should fail on: uncaught
 * errors and Content Security Policy violations. */
function watch(page) {
	const problems = [];
	page.on('pageerror', (e) => problems.push('page error: ' + e.message));
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) {
			problems.push('console: ' + m.text());
		}
	});
	return problems;
}

/* Vietnamese number formats, as the UI must write them. */
function vnInt(n) {
	const s = String(Math.round(Math.abs(Number(n))));
	return (Number(n) < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function vnPct(x) {
	const n = Number(x);
	const [i, d] = Math.abs(n).toFixed(2).split('.');
	return (n < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ',' + d + ' %';
}

function enInt(n) {
	return String(Math.round(Number(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

module.exports = { launch, watch, vnInt, vnPct, enInt, CHROMIUM };
