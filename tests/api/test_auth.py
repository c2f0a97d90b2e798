"""test_auth.py - sessions, cookies, CSRF, throttling, security headers,
keep-alive, body caps and static files of `gnbv serve`."""
import http.client
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class Auth(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        cls.srv = g.Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def client(self):
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        return c

    def assertSecure(self, r):
        for k, v in SECURITY.items():
            self.assertEqual(r.headers.get(k), v, "%s on %r" % (k, r))
        csp = r.headers.get("Content-Security-Policy", "")
        self.assertIn("default-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)

    def test_login_ok_and_cookie_flags(self):
        c = self.client()
        r = c.login("officer_x")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["user"]["username"], "officer_x")
        self.assertEqual(r.json["user"]["role"], "commune_officer")
        self.assertEqual(r.json["user"]["unit_code"], "00001")
        self.assertEqual(r.json["user"]["unit_name"], "Xã An")
        self.assertEqual(len(r.json["csrf"]), 64)
        cookie = [v for v in r.headers.get_all("Set-Cookie") if v.startswith("gnbv_session=")]
        self.assertEqual(len(cookie), 1)
        attrs = [a.strip() for a in cookie[0].split(";")]
        self.assertIn("HttpOnly", attrs)
        self.assertIn("SameSite=Strict", attrs)
        self.assertIn("Path=/", attrs)
        self.assertEqual(len(attrs[0].split("=", 1)[1]), 64)
        me = c.get("/api/v1/me")
        self.assertEqual(me.status, 200, me)
        self.assertEqual(me.json["csrf"], r.json["csrf"])
        for k in ("id", "username", "full_name", "role", "unit_code", "unit_name"):
            self.assertIn(k, me.json["user"])
        self.assertNotIn("pw_hash", me.text)
        self.assertNotIn("argon2", me.text)

    def test_login_bad(self):
        c = self.client()
        r = c.login("officer_x", "wrong password")
        self.assertEqual(r.status, 401, r)
        self.assertEqual(r.json["error"], "bad credentials")
        self.assertIsNone(r.headers.get("Set-Cookie"))
        r = c.login("nobody-at-all", "wrong password")
        self.assertEqual(r.status, 401, r)
        self.assertEqual(r.json["error"], "bad credentials")
        for body in ({}, {"username": "officer_x"}, {"username": 1, "password": "x"}):
            r = c.post("/api/v1/login", body)
            self.assertEqual(r.status, 400, r)
        r = c.request("POST", "/api/v1/login", raw=b"{not json",
                      headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r)
        # a successful login clears the username's failures
        self.assertEqual(c.login("officer_x").status, 200)

    def test_login_required(self):
        c = self.client()
        for method, pattern, flags, _ in g.routes():
            if "login" not in flags:
                continue
            path = pattern.replace("{id}", "X1").replace("{year}", "2024")
            for p in ("{kind}", "{unit}"):
                path = path.replace(p, "x")
            r = c.request(method, path, body={} if method != "GET" else None)
            self.assertEqual(r.status, 401, "%s %s: %r" % (method, path, r))
            self.assertEqual(r.json["error"], "login required")
            self.assertSecure(r)
        # a forged or malformed cookie is no session
        for cookie in ("0" * 64, "zz", "", "a" * 65):
            c.cookie = cookie
            self.assertEqual(c.get("/api/v1/me").status, 401)

    def test_csrf_required(self):
        c = self.client()
        self.assertEqual(c.login("officer_x").status, 200)
        for method, pattern, flags, _ in g.routes():
            if method == "GET" or "login" not in flags:
                continue
            self.assertIn("csrf", flags, pattern)
            path = pattern.replace("{id}", "X1").replace("{year}", "2025")
            for p in ("{kind}", "{unit}"):
                path = path.replace(p, "x")
            body = g.review_body() if "reviews" in pattern else {"unit_code": "00001"}
            r = c.request(method, path, body=body, csrf=False)
            self.assertEqual(r.status, 403, "%s %s: %r" % (method, path, r))
            self.assertEqual(r.json["error"], "csrf")
            r = c.request(method, path, body=body, csrf=False,
                          headers={"X-CSRF-Token": "0" * 64})
            self.assertEqual(r.status, 403, "%s %s: %r" % (method, path, r))
            self.assertEqual(r.json["error"], "csrf")
        # nothing was written, the session is still there
        page = c.get("/api/v1/households/X1")
        self.assertEqual([x["year"] for x in page.json["reviews"]], [2024])
        self.assertEqual(c.get("/api/v1/me").status, 200)

    def test_logout_invalidates(self):
        c = self.client()
        self.assertEqual(c.login("collab_x").status, 200)
        cookie = c.cookie
        self.assertEqual(c.get("/api/v1/me").status, 200)
        r = c.post("/api/v1/logout")
        self.assertEqual(r.status, 204, r)
        cleared = [v for v in r.headers.get_all("Set-Cookie") if v.startswith("gnbv_session=")]
        self.assertTrue(cleared and "Max-Age=0" in cleared[0])
        c.cookie = cookie  # a client that keeps the old cookie
        self.assertEqual(c.get("/api/v1/me").status, 401)
        # read-only roles may log out too
        s = self.client()
        self.assertEqual(s.login("supervisor").status, 200)
        self.assertEqual(s.post("/api/v1/logout").status, 204)

    def test_session_idle_expiry(self):
        """Sessions end after 8 hours without a request; each request moves
        the end forward (at most once a minute)."""
        import hashlib
        import sqlite3
        import time
        c = self.client()
        self.assertEqual(c.login("collab_x").status, 200)
        th = hashlib.sha256(bytes.fromhex(c.cookie)).hexdigest()

        def expires():
            con = sqlite3.connect(self.db.path)
            try:
                row = con.execute("SELECT expires_at FROM sessions WHERE token_hash = ?",
                                  (th,)).fetchone()
                return row[0] if row else None
            finally:
                con.close()
        # the database keeps the token's hash, never the token
        self.assertIsNotNone(expires())
        now = int(time.time())
        self.assertTrue(now + 8 * 3600 - 60 <= expires() <= now + 8 * 3600 + 5)
        self.db.sql("UPDATE sessions SET expires_at = ? WHERE token_hash = ?",
                    (now + 3600, th))
        self.assertEqual(c.get("/api/v1/me").status, 200)
        self.assertTrue(expires() >= now + 8 * 3600 - 5)  # slid forward
        self.db.sql("UPDATE sessions SET expires_at = ? WHERE token_hash = ?", (now - 1, th))
        self.assertEqual(c.get("/api/v1/me").status, 401)
        self.assertIsNone(expires())  # and removed

    def test_two_sessions_are_independent(self):
        a, b = self.client(), self.client()
        self.assertEqual(a.login("chair_x").status, 200)
        self.assertEqual(b.login("chair_x").status, 200)
        self.assertNotEqual(a.cookie, b.cookie)
        self.assertNotEqual(a.csrf, b.csrf)
        # one session's token does not work with the other
        r = a.request("POST", "/api/v1/logout", csrf=False, headers={"X-CSRF-Token": b.csrf})
        self.assertEqual(r.status, 403)
        self.assertEqual(a.post("/api/v1/logout").status, 204)
        self.assertEqual(b.get("/api/v1/me").status, 200)

    def test_disabled_user(self):
        c = self.client()
        g.run(["user", "add", "temp_user", "--role", "collaborator", "--unit", "00001",
               "--db", self.db.path], stdin=g.PASSWORD + "\n")
        self.assertEqual(c.login("temp_user").status, 200)
        g.run(["user", "disable", "temp_user", "--db", self.db.path])
        self.assertEqual(c.get("/api/v1/me").status, 401)
        self.assertEqual(c.login("temp_user").status, 401)

    def test_security_headers_everywhere(self):
        c = self.client()
        answers = [c.get("/api/v1/me"), c.get("/api/v1/nothing"), c.get("/"),
                   c.get("/no-such-file.js"), c.request("DELETE", "/api/v1/me")]
        c.login("officer_x")
        answers += [c.get("/api/v1/me"), c.get("/api/v1/households/NOPE"),
                    c.post("/api/v1/households", {"bad": 1})]
        for r in answers:
            self.assertSecure(r)
        self.assertEqual(answers[0].headers.get("Cache-Control"), "no-store")

    def test_static_and_errors(self):
        c = self.client()
        r = c.get("/")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers.get("Content-Type").startswith("text/html"))
        r = c.get("/index.html")
        self.assertEqual(r.status, 200)
        self.assertEqual(c.get("/no-such-file.js").status, 404)
        self.assertEqual(c.get("/api/v1/nothing").status, 404)
        r = c.request("DELETE", "/api/v1/me")
        self.assertEqual(r.status, 405)
        self.assertIn("GET", r.headers.get("Allow"))
        self.assertEqual(c.request("POST", "/index.html", raw=b"").status, 405)

    def test_keep_alive(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        self.addCleanup(conn.close)
        socks = set()
        for _ in range(5):
            conn.request("GET", "/api/v1/me")
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 401)
            self.assertNotEqual((r.getheader("Connection") or "").lower(), "close")
            socks.add(id(conn.sock))
        self.assertEqual(len(socks), 1)

    def test_body_caps(self):
        c = self.client()
        c.login("officer_x")
        # A declared size over the 1 MiB cap is refused before the body is
        # read (and the connection closed): a raw socket, as a client that
        # waits for the answer before sending.
        import socket
        sock = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)
        self.addCleanup(sock.close)
        sock.sendall(("PUT /api/v1/households/X1/reviews/2025 HTTP/1.1\r\n"
                      "Host: 127.0.0.1\r\nCookie: gnbv_session=%s\r\n"
                      "X-CSRF-Token: %s\r\nContent-Type: application/json\r\n"
                      "Content-Length: %d\r\n\r\n" % (c.cookie, c.csrf, (1 << 20) + 1)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
        self.assertTrue(head.startswith(b"HTTP/1.1 413"), head[:200])
        self.assertIn(b"X-Frame-Options: DENY", head)
        # also when the size is not announced (chunked)
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        self.addCleanup(conn.close)

        def chunks():
            for _ in range(20):
                yield b"x" * 65536
        conn.request("PUT", "/api/v1/households/X1/reviews/2025", body=chunks(),
                     headers={"Cookie": "gnbv_session=" + c.cookie, "X-CSRF-Token": c.csrf},
                     encode_chunked=True)
        r = conn.getresponse()
        r.read()
        self.assertEqual(r.status, 413)
        # GET carries no body
        r = c.request("GET", "/api/v1/me", raw=b"abc")
        self.assertEqual(r.status, 413)

    def test_english_and_vietnamese(self):
        c = self.client()
        r = c.get("/api/v1/me", headers={"Accept-Language": "vi"})
        self.assertEqual(r.json["error"], "login required")
        self.assertEqual(r.json["message"], "Cần đăng nhập")
        r = c.get("/api/v1/me?lang=en", headers={"Accept-Language": "vi"})
        self.assertEqual(r.json["message"], "Login required")


class Throttle(unittest.TestCase):
    """Its own database: the failures would block the other tests' logins
    from 127.0.0.1 for 15 minutes."""

    def test_throttled_after_five_failures(self):
        db = g.Database(users=[("victim", "commune_officer", "00001"),
                               ("other", "collaborator", "00001")])
        srv = g.Server(db)
        try:
            c = g.Client(srv)
            for _ in range(5):
                self.assertEqual(c.login("victim", "wrong-password").status, 401)
            r = c.login("victim")  # even the right password now
            self.assertEqual(r.status, 429, r)
            self.assertEqual(r.json["error"], "too many attempts")
            self.assertTrue(0 < r.json["retry_after"] <= 900)
            self.assertEqual(r.headers.get("Retry-After"), str(r.json["retry_after"]))
            # the address is throttled too, whatever the username
            self.assertEqual(c.login("other").status, 429)
            c.close()
        finally:
            srv.stop()
            db.remove()


class UserCommand(unittest.TestCase):
    """`gnbv user`: bad input exits 2 with a message and changes nothing."""

    def test_errors_exit_2(self):
        db = g.Database(users=[("someone", "collaborator", "00001")])
        try:
            cases = [
                (["add", "u1", "--role", "king", "--unit", "00001"], g.PASSWORD, "unknown role"),
                (["add", "u1", "--role", "collaborator", "--unit", "99999"], g.PASSWORD,
                 "unknown unit"),
                (["add", "u1", "--role", "collaborator", "--unit", "*"], g.PASSWORD,
                 "whole country"),
                (["add", "u1", "--role", "collaborator", "--unit", "00001"], "short", "8 to 1024"),
                (["add", "u1", "--role", "collaborator", "--unit", "00001"], None, "no password"),
                (["add", "someone", "--role", "collaborator", "--unit", "00001"], g.PASSWORD,
                 "exists"),
                (["add", "bad name!", "--role", "collaborator", "--unit", "00001"], g.PASSWORD,
                 "bad username"),
                (["add", "u1", "--unit", "00001"], g.PASSWORD, "--role"),
                (["passwd", "nobody"], g.PASSWORD, "no user"),
                (["disable", "nobody"], "", "no user"),
                (["frobnicate", "x"], "", "unknown action"),
                (["list", "x"], "", "no username"),
            ]
            before = db.dump()
            for args, stdin, message in cases:
                p = g.run(["user"] + args + ["--db", db.path],
                          stdin="" if stdin is None else stdin + "\n", check=False)
                self.assertEqual(p.returncode, 2, "%s: %s" % (args, p.stderr))
                self.assertIn(message, p.stderr, args)
                self.assertEqual(p.stdout, "", args)
            self.assertEqual(before, db.dump())
            p = g.run(["user", "list", "--db", db.path, "--name", "x"], check=False)
            self.assertEqual(p.returncode, 2)
            p = g.run(["user", "add", "u1", "--db", os.path.join(db.dir, "missing.db"),
                       "--role", "collaborator", "--unit", "00001"], stdin=g.PASSWORD + "\n",
                      check=False)
            self.assertNotEqual(p.returncode, 0)
        finally:
            db.remove()

    def test_passwd_and_list(self):
        db = g.Database(users=[("someone", "collaborator", "00001"),
                               ("boss", "ministry", "*")])
        srv = g.Server(db)
        try:
            # a session open before the change ends with it
            old = g.Client(srv)
            self.assertEqual(old.login("someone").status, 200)
            self.assertEqual(old.get("/api/v1/me").status, 200)
            g.run(["user", "passwd", "someone", "--db", db.path], stdin="a-new-password\n")
            self.assertEqual(old.get("/api/v1/me").status, 401)
            old.close()
            c = g.Client(srv)
            self.assertEqual(c.login("someone").status, 401)
            self.assertEqual(c.login("someone", "a-new-password").status, 200)
            c.close()
            out = g.run(["user", "list", "--db", db.path]).stdout.splitlines()
            self.assertEqual(out[0], "username,full_name,role,unit_code,disabled")
            self.assertIn("boss,Người dùng boss,ministry,*,0", out)
            self.assertNotIn("argon2", "\n".join(out))
        finally:
            srv.stop()
            db.remove()


if __name__ == "__main__":
    g.main()
