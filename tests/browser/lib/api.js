/*
 * api.js - a JSON API session from Node, apart from the browser's cookie
 * jar: the tests use it to read the figures the page must show and to
 * write as another user while a page is open.
 */
'use strict';

class ApiSession {
	constructor(base) {
		this.base = base;
		this.cookie = '';
		this.csrf = '';
	}

	async request(method, path, body, headers) {
		const h = Object.assign({ Accept: 'application/json' }, headers || {});
		if (this.cookie) {
			h.Cookie = this.cookie;
		}
		if (method !== 'GET' && this.csrf) {
			h['X-CSRF-Token'] = this.csrf;
		}
		let payload;
		if (body !== undefined && body !== null) {
			if (Buffer.isBuffer(body) || typeof body === 'string') {
				payload = body;
			} else {
				payload = JSON.stringify(body);
				h['Content-Type'] = 'application/json';
			}
		}
		const res = await fetch(this.base + path, { method, headers: h, body: payload });
		const set = res.headers.get('set-cookie');
		if (set) {
			const m = /gnbv_session=([^;]*)/.exec(set);
			if (m) {
				this.cookie = 'gnbv_session=' + m[1];
			}
		}
		const text = await res.text();
		let data = null;
		try {
			data = text ? JSON.parse(text) : null;
		} catch (e) {
			data = text;
		}
		return { status: res.status, data, headers: res.headers };
	}

	async login(username, password) {
		const r = await this.request('POST', '/api/v1/login', { username, password });
		if (r.status !== 200) {
			throw new Error(`login ${username}: HTTP ${r.status} ${JSON.stringify(r.data)}`);
		}
		this.csrf = r.data.csrf;
		return r.data;
	}

	async get(path) {
		const r = await this.request('GET', path);
		if (r.status !== 200) {
			throw new Error(`GET ${path}: HTTP ${r.status} ${JSON.stringify(r.data)}`);
		}
		return r.data;
	}
}

module.exports = { ApiSession };
