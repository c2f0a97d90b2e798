/*
 * gnbv.js - starts the real gnbv binary for the browser tests: a fresh
 * database in a temporary directory, seeded from `gnbv synth`, with test
 * users, then `gnbv serve` on a free port.
 *
 * Environment: GNBV_BIN (the binary; default ../../build/gnbv), GNBV_DATA
 * (its data folder, passed through), GNBV_TODAY (the server's today;
 * default 2025-12-31, the end of the synthetic data), GNBV_KEEP=1 keeps
 * the temporary directory, GNBV_SERVER_LOG=1 copies the server's output
 * to stderr.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const BIN = process.env.GNBV_BIN || path.resolve(__dirname, '../../../build/gnbv');

/* The test users: username -> role, unit, full name, password. The unit
 * of the commune users is chosen from the synthetic data (pickCommune). */
const PASSWORD = 'Mật-khẩu-thử-1';
function testUsers(commune) {
	return [
		{ username: 'xa.canbo', role: 'commune_officer', unit: commune, name: 'Nguyễn Văn An', password: PASSWORD },
		{ username: 'xa.chutich', role: 'commune_chair', unit: commune, name: 'Lò Thị Bích', password: PASSWORD },
		{ username: 'tinh.canbo', role: 'province_officer', unit: '14', name: 'Trần Thị Bình', password: PASSWORD },
		{ username: 'mttq', role: 'supervisor', unit: '14', name: 'Lường Văn Cường', password: PASSWORD }
	];
}

function run(args, opts) {
	const r = spawnSync(BIN, args, Object.assign({ encoding: 'utf8', env: process.env, timeout: 120000 }, opts || {}));
	if (r.error) {
		throw new Error(`gnbv ${args.join(' ')}: ${r.error.message}`);
	}
	if (r.status !== 0) {
		throw new Error(`gnbv ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
	}
	return r;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

/* A tiny CSV reader for the synthetic files (no quoted commas in them
 * except possibly names: handle RFC 4180 quotes anyway). */
function readCsv(file) {
	const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	const rows = [];
	let row = [];
	let cell = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') {
				q = false;
			} else {
				cell += c;
			}
		} else if (c === '"') {
			q = true;
		} else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') {
				i++;
			}
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else {
			cell += c;
		}
	}
	if (cell !== '' || row.length) {
		row.push(cell);
		rows.push(row);
	}
	const head = rows.shift();
	return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((k, i) => [k, r[i] === undefined ? '' : r[i]])));
}

/* "Đức" -> "duc": what the server's search must match. */
function fold(s) {
	return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/*
 * The commune of the commune users: valid on the 2025 map, with the most
 * household rows in the latest year among those whose heads include an
 * "Đức" (so that the search test has something to find).
 */
function pickCommune(units, households) {
	const current = new Set(units.filter((u) => u.level === 'commune' && !u.valid_to).map((u) => u.code));
	const years = households.map((h) => Number(h.year));
	const last = Math.max(...years);
	const count = new Map();
	const duc = new Set();
	for (const h of households) {
		if (!current.has(h.unit_code)) {
			continue;
		}
		if (Number(h.year) === last) {
			count.set(h.unit_code, (count.get(h.unit_code) || 0) + 1);
		}
		if (/(^|\s)duc(\s|$)/.test(fold(h.head_name))) {
			duc.add(h.unit_code);
		}
	}
	const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]);
	const withDuc = ranked.find(([code]) => duc.has(code));
	return (withDuc || ranked[0])[0];
}

async function waitUp(url, child, ms) {
	const until = Date.now() + ms;
	let last = '';
	while (Date.now() < until) {
		if (child.exitCode !== null) {
			throw new Error(`gnbv serve exited with ${child.exitCode}`);
		}
		try {
			const r = await fetch(url);
			if (r.status < 500) {
				return;
			}
			last = `HTTP ${r.status}`;
		} catch (e) {
			last = e.message;
		}
		await new Promise((res) => setTimeout(res, 150));
	}
	throw new Error(`gnbv serve did not answer ${url} within ${ms} ms (${last})`);
}

/*
 * Seeds a database and starts the server. Returns {base, users, commune,
 * synth: {units, households, population}, dir, stop()}.
 */
async function startGnbv() {
	if (!fs.existsSync(BIN)) {
		throw new Error(`gnbv binary not found at ${BIN} (set GNBV_BIN)`);
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnbv-browser-'));
	try {
		return await seedAndServe(dir);
	} catch (e) {
		if (!process.env.GNBV_KEEP) {
			fs.rmSync(dir, { recursive: true, force: true });
		}
		throw e;
	}
}

async function seedAndServe(dir) {
	const syn = path.join(dir, 'synth');
	const db = path.join(dir, 'gnbv.db');
	run(['synth', '--province', '14', '--scale', '0.02', '--out', syn]);
	const units = readCsv(path.join(syn, 'units.csv'));
	const households = readCsv(path.join(syn, 'households.csv'));
	const population = readCsv(path.join(syn, 'population.csv'));
	const commune = pickCommune(units, households);

	run(['init', '--db', db]);
	for (const kind of ['units', 'lineage', 'population', 'households']) {
		run(['import', '--db', db, kind, path.join(syn, kind + '.csv')]);
	}
	const users = testUsers(commune);
	for (const u of users) {
		run(['user', 'add', u.username, '--role', u.role, '--unit', u.unit, '--name', u.name,
			'--db', db], { input: u.password + '\n' });
	}

	const port = await freePort();
	const log = fs.openSync(path.join(dir, 'serve.log'), 'a');
	/* "today" fixed at the end of the last synthetic year, so that the maps
	 * offered are 2024 (with districts) and 2025 whatever the clock says */
	const env = Object.assign({ GNBV_TODAY: '2025-12-31' }, process.env);
	const child = spawn(BIN, ['serve', '--port', String(port), '--db', db], {
		env,
		stdio: ['ignore', process.env.GNBV_SERVER_LOG ? 'inherit' : log, process.env.GNBV_SERVER_LOG ? 'inherit' : log]
	});
	/* never leave a server behind, whatever ends the test process */
	const reap = () => {
		if (child.exitCode === null) {
			child.kill('SIGKILL');
		}
	};
	process.once('exit', reap);
	const base = `http://127.0.0.1:${port}`;
	try {
		await waitUp(base + '/api/v1/maps', child, 20000);
	} catch (e) {
		child.kill('SIGKILL');
		fs.closeSync(log);
		throw new Error(`${e.message}\n${fs.readFileSync(path.join(dir, 'serve.log'), 'utf8').slice(-3000)}`);
	}

	async function stop() {
		if (child.exitCode === null) {
			const gone = new Promise((res) => child.once('exit', res));
			child.kill('SIGTERM');
			const t = setTimeout(() => child.kill('SIGKILL'), 5000);
			await gone;
			clearTimeout(t);
		}
		fs.closeSync(log);
		if (!process.env.GNBV_KEEP) {
			fs.rmSync(dir, { recursive: true, force: true });
		} else {
			process.stderr.write(`gnbv test files kept in ${dir}\n`);
		}
	}

	return {
		base, dir, db, commune, users,
		user: (role) => users.find((u) => u.role === role),
		synth: { units, households, population },
		log: () => fs.readFileSync(path.join(dir, 'serve.log'), 'utf8'),
		stop
	};
}

module.exports = { startGnbv, readCsv, fold, BIN };
