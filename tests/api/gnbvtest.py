"""gnbvtest.py - fixture for the API tests: a fresh database with a tiny
country, one user per role, and `gnbv serve` on a free port of 127.0.0.1.

Python 3 standard library only. The tests drive the real binary over a real
socket (STYLE.md: kcgi's regression tests). Usage:

    python3 tests/api/test_auth.py path/to/gnbv

The country (GNBV_TODAY is fixed at 2025-12-31):
    01      Tỉnh Thử (province)
      00001 Xã An     (commune X)   village V001 Thôn Một
      00002 Xã Bình   (commune Y)   village V002 Thôn Hai
      00003 Xã Cũ     (until 2025-06-30, merged into 00001: lineage)
Households: X1 X2 (X), OLD1 (on 00003, so X's through lineage), Y1 Y2 (Y).
"""
import http.client
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

GNBV = None  # set by main()
PASSWORD = "mật-khẩu-đủ-dài"

UNITS = """code,name,level,parent_code,type,urban,valid_from,valid_to
01,Tỉnh Thử,province,,tinh,,,
00001,Xã An,commune,01,xa,,,
00002,Xã Bình,commune,01,xa,,,
00003,Xã Cũ,commune,01,xa,,,2025-06-30
V001,Thôn Một,village,00001,thon,,,
V002,Thôn Hai,village,00002,thon,,,
"""

LINEAGE = """old_code,new_code,date,share
00003,00001,2025-07-01,1
"""

FLAGS = ("d_employment,d_dependents,d_nutrition,d_health_insurance,d_adult_education,"
         "d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,"
         "d_telecom,d_info_access")

HOUSEHOLDS = ("household_id,year,unit_code,village,members,income,head_name,id_number,"
              + FLAGS + "\n"
              "X1,2024,00001,Thôn Một,4,1400000,Nguyễn Văn An,001234567890,1,1,1,1,0,0,0,0,0,0,0,0\n"
              "X2,2024,V001,,3,3000000,Trần Thị Hoa,,0,0,0,0,0,0,0,0,0,0,0,0\n"
              "OLD1,2024,00003,,2,1200000,Phạm Văn Cũ,,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "Y1,2024,00002,,5,1300000,Lê Thị Bình Yên,009876543210,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "Y2,2024,V002,Thôn Hai,2,1450000,Hoàng Văn Ybí,,0,1,0,0,0,0,0,0,0,0,0,0\n")

# (username, role, unit)
USERS = [
    ("collab_x", "collaborator", "00001"),
    ("officer_x", "commune_officer", "00001"),
    ("chair_x", "commune_chair", "00001"),
    ("officer_y", "commune_officer", "00002"),
    ("district", "district_officer", "01"),
    ("province", "province_officer", "01"),
    ("ministry", "ministry", "*"),
    ("supervisor", "supervisor", "*"),
    ("admin", "admin", "*"),
]

# What belongs to commune Y: none of it may reach an officer of X.
Y_PERSONAL = ["Y1", "Y2", "Lê Thị Bình Yên", "Hoàng Văn Ybí", "009876543210"]
Y_UNITS = ["00002", "V002", "Xã Bình", "Thôn Hai"]


def run(args, stdin=None, check=True):
    env = dict(os.environ)
    p = subprocess.run([GNBV] + args, input=stdin, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise AssertionError("gnbv %s: exit %d\n%s%s" % (" ".join(args), p.returncode,
                                                         p.stdout, p.stderr))
    return p


class Database:
    """A database in a temporary folder, with units, households and users."""

    def __init__(self, users=USERS):
        self.dir = tempfile.mkdtemp(prefix="gnbv-api-")
        self.path = os.path.join(self.dir, "gnbv.db")
        files = {"units.csv": UNITS, "lineage.csv": LINEAGE, "households.csv": HOUSEHOLDS}
        for name, text in files.items():
            with open(os.path.join(self.dir, name), "w", encoding="utf-8") as f:
                f.write(text)
        run(["init", "--db", self.path])
        run(["import", "--db", self.path, "units", os.path.join(self.dir, "units.csv")])
        run(["import", "--db", self.path, "lineage", os.path.join(self.dir, "lineage.csv")])
        run(["import", "--db", self.path, "households",
             os.path.join(self.dir, "households.csv")])
        for name, role, unit in users:
            run(["user", "add", name, "--role", role, "--unit", unit, "--name",
                 "Người dùng " + name, "--db", self.path], stdin=PASSWORD + "\n")

    def dump(self, skip=("sessions", "login_failures")):
        """Every row of every table but the session tables, for before/after
        comparisons."""
        con = sqlite3.connect(self.path)
        try:
            out = {}
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            for t in tables:
                if t in skip:
                    continue
                out[t] = sorted(repr(r) for r in con.execute('SELECT * FROM "%s"' % t))
            return out
        finally:
            con.close()

    def sql(self, statement, args=()):
        con = sqlite3.connect(self.path)
        try:
            con.execute(statement, args)
            con.commit()
        finally:
            con.close()

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    """`gnbv serve --port 0` on a database; the port is read from its first
    line of output."""

    def __init__(self, db, extra_env=None):
        env = dict(os.environ)
        env["GNBV_TODAY"] = "2025-12-31"
        if extra_env:
            env.update(extra_env)
        self.proc = subprocess.Popen([GNBV, "serve", "--db", db.path, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env)
        line = self.proc.stdout.readline()
        if "http://127.0.0.1:" not in line:
            self.proc.kill()
            raise AssertionError("gnbv serve did not start: %r %s" %
                                 (line, self.proc.stderr.read()))
        self.port = int(line.split("http://127.0.0.1:")[1].split("/")[0])

    def stop(self):
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("gnbv serve did not stop on SIGTERM")
        err = self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        if code != 0:
            # the end of its standard error says why (a sanitizer's report)
            raise AssertionError("gnbv serve exited with %d:\n%s" % (code, err[-6000:]))


class Response:
    def __init__(self, r):
        self.status = r.status
        self.headers = r.headers
        self.raw = r.read()
        self.text = self.raw.decode("utf-8", "replace")
        ctype = r.headers.get("Content-Type", "")
        self.json = json.loads(self.text) if ctype.startswith("application/json") and self.raw else None

    def __repr__(self):
        return "<%d %s>" % (self.status, self.text[:300])


class Client:
    """One keep-alive connection with its session cookie and CSRF token."""

    def __init__(self, server):
        self.server = server
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, csrf=True, raw=None):
        h = {"Accept-Language": "en"}
        if self.cookie:
            h["Cookie"] = "gnbv_session=" + self.cookie
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        try:
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
        resp = Response(r)
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body=body, **kw)

    def login(self, username, password=PASSWORD):
        r = self.post("/api/v1/login", {"username": username, "password": password})
        if r.status == 200:
            for v in r.headers.get_all("Set-Cookie") or []:
                if v.startswith("gnbv_session="):
                    self.cookie = v.split(";")[0].split("=", 1)[1]
            self.csrf = r.json["csrf"]
        return r

    def close(self):
        self.conn.close()


def routes():
    """The route table, from `gnbv serve --list-routes`: (method, pattern,
    flags, summary)."""
    out = []
    for line in run(["serve", "--list-routes"]).stdout.splitlines():
        method, pattern, flags, summary = line.split("\t")
        out.append((method, pattern, set(flags.split(",")), summary))
    return out


def review_body(income=1500000, flags=("d_employment", "d_dependents", "d_nutrition")):
    body = {"members": 4, "income": income}
    for k in FLAGS.split(","):
        body[k] = k in flags
    return body


def main():
    global GNBV
    if len(sys.argv) < 2:
        sys.exit("usage: %s path/to/gnbv [unittest options]" % sys.argv[0])
    GNBV = os.path.abspath(sys.argv.pop(1))
    unittest.main(module="__main__", verbosity=2)
