/*
 * auth.c - sessions, login, logout and the current user.
 *
 * Layer: api. The session token is 32 random bytes (randombytes_buf),
 * sent as 64 hex digits in the cookie gnbv_session (HttpOnly,
 * SameSite=Strict, Path=/); the database keeps only its SHA-256, so a
 * copy of the database does not give working sessions. A session ends
 * after SESSION_IDLE seconds without a request (its expiry moves forward
 * at most once a minute, to spare the database a write per request).
 * Each session has its own CSRF token, returned by login and me, checked
 * by the dispatcher on every state-changing request.
 *
 * Login throttling: LOGIN_MAX_FAILURES failures for a username, or from
 * an address, within LOGIN_WINDOW seconds answer 429 with retry_after,
 * before any password is hashed. Passwords are argon2id (libsodium), at
 * most as many hashes at once as CPUs; an unknown username is checked
 * against a dummy hash, so that timing does not reveal which names exist.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "api_int.h"

#define SESSION_IDLE (8 * 3600)
#define SESSION_REFRESH 60
#define LOGIN_MAX_FAILURES 5
#define LOGIN_WINDOW (15 * 60)
#define COOKIE_NAME "gnbv_session"

static void hash_token(const unsigned char tok[32], char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, tok, 32);
	http_hex(h, sizeof h, out);
}

static int login_required(api_ctx *c)
{
	return api_error(c, 401, "login required", "Cần đăng nhập", "Login required");
}

int api_authenticate(api_ctx *c)
{
	const char *cookie = http_cookie(c->rq, COOKIE_NAME);
	unsigned char tok[32];
	if (!cookie || !http_unhex(cookie, strlen(cookie), tok, sizeof tok))
		return login_required(c);
	char th[65];
	hash_token(tok, th);
	sodium_memzero(tok, sizeof tok);

	st_session *s = arena_calloc(c->ar, 1, sizeof *s);
	gn_err rc = store_session_get(c->st, th, s);
	if (rc == GN_ENOTFOUND)
		return login_required(c);
	if (rc)
		return api_internal(c, "session", rc);
	int64_t now = api_now();
	if (s->expires_at <= now) {
		store_session_delete(c->st, th);
		return login_required(c);
	}
	st_user *u = arena_calloc(c->ar, 1, sizeof *u);
	rc = store_user_get_id(c->st, s->user_id, u);
	if (rc == GN_ENOTFOUND || (rc == GN_OK && u->disabled)) {
		store_session_delete(c->st, th);
		return login_required(c);
	}
	if (rc)
		return api_internal(c, "user", rc);
	const role_info *role = role_find(u->role);
	if (!role)
		return login_required(c);
	if (s->expires_at - now < SESSION_IDLE - SESSION_REFRESH) {
		s->expires_at = now + SESSION_IDLE;
		rc = store_session_put(c->st, s);
		if (rc)
			return api_internal(c, "session refresh", rc);
	}
	c->session = s;
	c->user = u;
	c->role = role;
	/* The whole country ("*") only for national roles; a unit unknown
	 * to the map sees nothing. */
	if (strcmp(u->unit_code, "*") == 0) {
		c->scope = role->national ? world_scope(c->w, -1) : NULL;
	} else {
		int32_t unit = units_find(c->units, u->unit_code, strlen(u->unit_code));
		c->scope = unit >= 0 ? world_scope(c->w, unit) : NULL;
	}
	return 0;
}

/* {"user":{...},"csrf":"..."} */
static void write_user(api_ctx *c, const st_user *u, const char *csrf)
{
	jw *w = c->json;
	const role_info *role = role_find(u->role);
	jw_object(w);
	jw_key(w, "user");
	jw_object(w);
	jw_kint(w, "id", u->id);
	jw_kstr(w, "username", u->username);
	jw_kstr(w, "full_name", u->full_name);
	jw_kstr(w, "role", u->role);
	if (role)
		jw_kstr(w, "role_label", c->en ? role->label_en : role->label_vi);
	jw_kstr(w, "unit_code", u->unit_code);
	int32_t unit = strcmp(u->unit_code, "*") == 0
			       ? -1
			       : units_find(c->units, u->unit_code, strlen(u->unit_code));
	if (unit >= 0) {
		const unit_version *v = units_nearest(c->units, unit, world_today(c->w));
		jw_kstr(w, "unit_name", v ? v->name : "");
		jw_kstr(w, "unit_level", v ? unit_level_name(v->level) : "");
	} else {
		jw_kstr(w, "unit_name", strcmp(u->unit_code, "*") == 0
						? (c->en ? "Whole country" : "Toàn quốc")
						: "");
	}
	if (role) {
		jw_key(w, "permissions");
		jw_object(w);
		jw_kbool(w, "read_personal", role->read_personal);
		jw_kbool(w, "read_id_numbers", role->read_id_numbers);
		jw_kbool(w, "write_reviews", role->write_reviews);
		jw_kbool(w, "approve", role->approve);
		jw_kbool(w, "import_data", role->import_data);
		jw_kbool(w, "import_map", role->import_map);
		jw_kbool(w, "manage_users", role->manage_users);
		jw_kbool(w, "manage_rounds", role->manage_rounds);
		jw_kbool(w, "write_me", role->write_me);
		jw_kbool(w, "read_only", role->read_only);
		jw_object_end(w);
	}
	jw_object_end(w);
	jw_kstr(w, "csrf", csrf);
	jw_object_end(w);
}

static bool get_string(json_t *body, const char *key, size_t max, const char **out)
{
	json_t *v = json_object_get(body, key);
	if (!json_is_string(v))
		return false;
	size_t n = json_string_length(v);
	const char *s = json_string_value(v);
	if (n == 0 || n > max || memchr(s, '\0', n))
		return false;
	*out = s;
	return true;
}

int api_login(api_ctx *c)
{
	int status;
	json_t *body = api_body_json(c, &status);
	if (!body)
		return status;
	const char *username, *password;
	if (!get_string(body, "username", 63, &username) ||
	    !get_string(body, "password", 1024, &password))
		return api_bad_request(c, "Cần tên đăng nhập và mật khẩu",
				       "username and password are required");
	const char *ip = http_client_ip(c->rq);
	int64_t now = api_now();
	int failures = 0;
	gn_err rc = store_login_failures(c->st, username, ip, now - LOGIN_WINDOW, &failures);
	if (rc)
		return api_internal(c, "login failures", rc);
	if (failures >= LOGIN_MAX_FAILURES) {
		http_add_header(c->rq, "Retry-After", "900");
		jw *w = c->json;
		jw_object(w);
		jw_kstr(w, "error", "too many attempts");
		jw_kstr(w, "message", c->en ? "Too many failed logins; try again later"
					    : "Đăng nhập sai quá nhiều lần; hãy thử lại sau");
		jw_kint(w, "retry_after", LOGIN_WINDOW);
		jw_object_end(w);
		return 429;
	}

	st_user *u = arena_calloc(c->ar, 1, sizeof *u);
	rc = store_user_get(c->st, username, u);
	if (rc && rc != GN_ENOTFOUND)
		return api_internal(c, "user", rc);
	bool known = rc == GN_OK && !u->disabled && role_find(u->role);
	bool ok = api_password_verify(c->app, known ? u->pw_hash : api_dummy_hash(c->app),
				      password);
	if (!ok || !known) {
		rc = store_login_failure(c->st, username, ip, now);
		if (rc)
			return api_internal(c, "login failure", rc);
		return api_error(c, 401, "bad credentials", "Sai tên đăng nhập hoặc mật khẩu",
				 "Wrong username or password");
	}
	rc = store_login_clear(c->st, username);
	if (rc)
		return api_internal(c, "login clear", rc);
	if (crypto_pwhash_str_needs_rehash(u->pw_hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) == 1) {
		char h[API_HASH_MAX];
		if (api_password_hash(password, h) == GN_OK && strlen(h) < sizeof u->pw_hash) {
			memcpy(u->pw_hash, h, strlen(h) + 1);
			store_user_update(c->st, u); /* best effort */
		}
	}

	unsigned char tok[32], csrf[32];
	randombytes_buf(tok, sizeof tok);
	randombytes_buf(csrf, sizeof csrf);
	st_session *s = arena_calloc(c->ar, 1, sizeof *s);
	hash_token(tok, s->token_hash);
	http_hex(csrf, sizeof csrf, s->csrf);
	s->user_id = u->id;
	s->created_at = now;
	s->expires_at = now + SESSION_IDLE;
	rc = store_session_put(c->st, s);
	if (rc)
		return api_internal(c, "session", rc);
	char hex[65], cookie[160];
	http_hex(tok, sizeof tok, hex);
	sodium_memzero(tok, sizeof tok);
	snprintf(cookie, sizeof cookie, COOKIE_NAME "=%s; Path=/; HttpOnly; SameSite=Strict", hex);
	http_add_header(c->rq, "Set-Cookie", cookie);
	write_user(c, u, s->csrf);
	return 200;
}

int api_logout(api_ctx *c)
{
	gn_err rc = store_session_delete(c->st, c->session->token_hash);
	if (rc && rc != GN_ENOTFOUND)
		return api_internal(c, "logout", rc);
	http_add_header(c->rq, "Set-Cookie",
			COOKIE_NAME "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	return 204;
}

int api_me(api_ctx *c)
{
	write_user(c, c->user, c->session->csrf);
	return 200;
}
