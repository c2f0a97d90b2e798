"""test_leak.py - THE LEAK TEST: every route of the route table (read from
`gnbv serve --list-routes`, so routes added later are covered without
touching this file), called as a commune officer of commune X with the ids
and codes of commune Y, must return nothing of Y (404 or 403, or an answer
without any of Y's data) and change nothing (the database, sessions aside,
is identical before and after). Control calls with X's own ids prove the
requests were well-formed: the refusals come from the scope, not from a
bad body.
"""
import io
import os
import sys
import unittest
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y = "00001", "00002"
X_HH, Y_HH = "X1", "Y1"

# Values for path parameters: Y's where a Y thing can go.
Y_PARAMS = {"id": Y_HH, "year": "2024", "unit": Y, "code": Y, "kind": "households", "form": "mau-01"}
X_PARAMS = {"id": X_HH, "year": "2024", "unit": X, "code": X, "kind": "households", "form": "mau-01"}


def fill(pattern, params):
    out = []
    for seg in pattern.split("/"):
        if seg.startswith("{") and seg.endswith("}"):
            seg = urllib.parse.quote(params.get(seg[1:-1], params["unit"]), safe="")
        out.append(seg)
    return "/".join(out)


def queries(unit, q):
    """Query strings to try: none, and every unit-like argument pointing at
    `unit` (with search text, a year and a date for the routes that take
    them)."""
    common = {"year": "2024", "asof": "2025-12-31", "lang": "en"}
    yield ""
    for key in ("unit", "parent", "unit_code", "code"):
        yield "?" + urllib.parse.urlencode(dict(common, **{key: unit}))
    yield "?" + urllib.parse.urlencode(dict(common, q=q))


def bodies(pattern, unit_for_body):
    """Bodies for a state-changing route, valid if the target were in scope."""
    if pattern.endswith("/reviews/{year}"):
        b = g.review_body()
        b["head_name"] = "LEAK TEST"
        return [b]
    if "households" in pattern:
        return [{"unit_code": unit_for_body, "head_name": "LEAK TEST",
                 "members": [{"name": "LEAK TEST", "sex": "M", "birth_year": 1980}]},
                {"unit_code": Y, "head_name": "LEAK TEST"}]
    return [{"unit_code": Y, "unit": Y, "household_id": Y_HH}]


class Leak(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        cls.srv = g.Server(cls.db)
        cls.routes = g.routes()
        # Y has a review round: /rounds/{id} is tried with its real id
        y = g.Client(cls.srv)
        assert y.login("officer_y").status == 200
        r = y.post("/api/v1/rounds", {"unit_code": Y, "year": 2024})
        assert r.status == 201, r
        cls.y_round = str(r.json["round"]["id"])
        y.close()

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def assertNoY(self, r, what, public=False):
        """r must be a refusal, or carry nothing of Y."""
        if r.status in (403, 404):
            return
        markers = g.Y_PERSONAL + ([] if public else g.Y_UNITS)
        text = r.text
        if r.raw[:4] == b"PK\x03\x04":
            # an Office file: what a reader sees is its XML, not the
            # compressed bytes (where "Y2" can occur by chance)
            z = zipfile.ZipFile(io.BytesIO(r.raw))
            text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        for m in markers:
            self.assertNotIn(m, text, "%s answered %d with Y's %r: %s" %
                             (what, r.status, m, r.text[:400]))

    def test_every_route_as_officer_of_x(self):
        self.assertTrue(any(p.startswith("/api/v1/households") for _, p, _, _ in self.routes))
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        self.assertEqual(c.login("officer_x").status, 200)
        before = self.db.dump()
        tried = 0
        for method, pattern, flags, _ in self.routes:
            if pattern.endswith("/login") or pattern.endswith("/logout"):
                continue
            public = "/public/" in pattern
            params = dict(Y_PARAMS, id=self.y_round) if "/rounds/" in pattern else Y_PARAMS
            path = fill(pattern, params)
            with self.subTest(route="%s %s" % (method, pattern)):
                if method == "GET":
                    for q in queries(Y, "Bình Yên"):
                        r = c.get(path + q)
                        tried += 1
                        self.assertLess(r.status, 500, "%s %s%s: %r" % (method, path, q, r))
                        self.assertNoY(r, "%s %s%s" % (method, path, q), public)
                else:
                    # Y's record with a body naming X (moving it in) or Y;
                    # a route without a record in its path gets Y's unit.
                    for body in bodies(pattern, X if "{" in pattern else Y):
                        for q in ("", "?unit=" + Y):
                            r = c.request(method, path + q, body=body)
                            tried += 1
                            self.assertIn(r.status, (403, 404, 405, 409, 422),
                                          "%s %s%s %r: %r" % (method, path, q, body, r))
                            self.assertNoY(r, "%s %s" % (method, path), public)
        self.assertGreater(tried, 20)
        after = self.db.dump()
        for table in before:
            self.assertEqual(before[table], after[table], "table %s changed" % table)

    def test_controls_with_own_ids_succeed(self):
        """The same requests with X's ids work: the body and paths above are
        valid, so their refusals were the scope's."""
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        self.assertEqual(c.login("officer_x").status, 200)
        for method, pattern, flags, _ in self.routes:
            if pattern.endswith("/login") or pattern.endswith("/logout"):
                continue
            if not pattern.startswith("/api/v1/households"):
                continue
            path = fill(pattern, X_PARAMS)
            with self.subTest(route="%s %s" % (method, pattern)):
                if method == "GET":
                    r = c.get(path + "?unit=" + X)
                    self.assertEqual(r.status, 200, "%s %s: %r" % (method, path, r))
                else:
                    r = c.request(method, path, body=bodies(pattern, X)[0])
                    self.assertIn(r.status, (200, 201), "%s %s: %r" % (method, path, r))

    def test_reports_of_y(self):
        """/reports/{name} above is walked with a name that is no report;
        here every report X's officer is offered (the tables and the lists
        of households: posting list, decision annex, certificates), in
        every format, for Y's units and with Y's units in every query
        argument: nothing of Y. Y1's review is approved so that Y's annex
        and certificates would hold it. Controls: X's own lists work."""
        self.db.sql("UPDATE reviews SET status = 'approved' WHERE household_id = ?", (Y_HH,))
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        self.assertEqual(c.login("officer_x").status, 200)
        names = [r["name"] for r in c.get("/api/v1/reports").json["reports"]]
        for lst in ("posting-list", "decision-annex", "certificates"):
            self.assertIn(lst, names)
        for name in names:
            for fmt in ("csv", "xlsx", "pdf"):
                for unit in (Y, "V002"):
                    for q in queries(unit, "Bình Yên"):
                        path = "/api/v1/reports/%s%s%sformat=%s" % (
                            name, q, "&" if q else "?", fmt)
                        r = c.get(path)
                        with self.subTest(path=path):
                            self.assertLess(r.status, 500, "%s: %r" % (path, r))
                            # XLSX and PDF are compressed, not searchable:
                            # the CSV answers are searched, and Y's unit in
                            # "unit" must be refused whatever the format
                            if fmt == "csv":
                                self.assertNoY(r, path)
                            if "?unit=" + unit in q or "&unit=" + unit in q:
                                self.assertIn(r.status, (403, 404), path)
            r = c.get("/api/v1/reports/%s?unit=%s&year=2024&format=csv" % (name, X))
            self.assertEqual(r.status, 200, "%s of X: %r" % (name, r))

    def test_lineage_carries_into_scope(self):
        """OLD1 was recorded on 00003, merged into X in 2025: X's officer
        sees it, Y's does not."""
        x, y = g.Client(self.srv), g.Client(self.srv)
        self.addCleanup(x.close)
        self.addCleanup(y.close)
        x.login("officer_x")
        y.login("officer_y")
        self.assertEqual(x.get("/api/v1/households/OLD1").status, 200)
        self.assertEqual(y.get("/api/v1/households/OLD1").status, 404)
        ids = [row["id"] for row in x.get("/api/v1/households?limit=500").json["rows"]]
        self.assertIn("OLD1", ids)
        self.assertNotIn("Y1", ids)
        ids = [row["id"] for row in y.get("/api/v1/households?limit=500").json["rows"]]
        self.assertEqual(sorted(ids), ["Y1", "Y2"])
        # and the reverse: Y's officer sees nothing of X
        for hh in ("X1", "X2", "OLD1"):
            self.assertEqual(y.get("/api/v1/households/" + hh).status, 404)
            r = y.put("/api/v1/households/%s/reviews/2025" % hh, g.review_body())
            self.assertEqual(r.status, 404)

    def test_units_scope(self):
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        c.login("officer_x")
        r = c.get("/api/v1/units")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["parent"]["code"], X)
        self.assertEqual([u["code"] for u in r.json["units"]], ["V001"])
        for parent in (Y, "01", "V002", "nope"):
            self.assertEqual(c.get("/api/v1/units?parent=" + parent).status, 404)
        # the province officer sees both communes; the old one is gone today
        p = g.Client(self.srv)
        self.addCleanup(p.close)
        p.login("province")
        r = p.get("/api/v1/units")
        self.assertEqual([u["code"] for u in r.json["units"]], [X, Y])
        self.assertEqual([u["children"] for u in r.json["units"]], [1, 1])
        # on the 2024 map the old commune is there
        r = p.get("/api/v1/units?asof=2024-12-31")
        self.assertEqual([u["code"] for u in r.json["units"]], [X, Y, "00003"])


if __name__ == "__main__":
    g.main()
