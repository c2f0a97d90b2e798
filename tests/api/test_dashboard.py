"""test_dashboard.py - the live dashboard: figures equal `gnbv summary` and
`gnbv af` on the same files (on the 2025 map, through lineage), an edit shows
at once (generation), scope (404 outside), the public summary needs no login
and carries no personal data, trend and deprivation profile."""
import csv
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

POPULATION = """unit_code,year,households,persons
00001,2024,120,480
00002,2024,80,300
00003,2024,40,150
"""


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


class Dashboard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        pop = os.path.join(cls.db.dir, "population.csv")
        with open(pop, "w", encoding="utf-8") as f:
            f.write(POPULATION)
        g.run(["import", "--db", cls.db.path, "population", pop])
        cls.srv = g.Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def as_(self, user):
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        if user:
            self.assertEqual(c.login(user).status, 200)
        return c

    def files(self, *names):
        return [os.path.join(self.db.dir, n) for n in names]

    def test_summary_equals_cli(self):
        units, hh, pop, lin = self.files("units.csv", "households.csv", "population.csv",
                                         "lineage.csv")
        out = g.run(["summary", "--units", units, "--households", hh, "--population", pop,
                     "--lineage", lin, "--year", "2024", "--level", "commune",
                     "--as-of", "2025-12-31"]).stdout
        want = {r["unit_code"]: r for r in csv_rows(out)}
        r = self.as_("province").get("/api/v1/dashboard/summary?year=2024&asof=2025-12-31")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["unit"]["code"], "01")
        got = {c["code"]: c for c in r.json["children"]}
        self.assertEqual(sorted(got), ["00001", "00002"])
        got["TOTAL"] = r.json["unit"]
        for code, row in want.items():
            for k in ("households", "poor", "near_poor", "new_poor", "re_poor",
                      "escaped_poor", "escaped_near"):
                self.assertEqual(got[code][k], int(row[k]), (code, k))
            for k in ("poor_rate", "near_poor_rate"):
                self.assertEqual("%.2f" % got[code][k], row[k], (code, k))
        # OLD1 (recorded on 00003, merged into 00001) counts in 00001
        self.assertEqual(got["00001"]["households"], 160)
        # end = start - out + in on every row
        for f in list(got.values()):
            self.assertEqual(f["poor_end"], f["poor_start"] - f["escaped_poor"]
                             + f["new_poor"] + f["re_poor"] + f["near_to_poor"])

    def test_af_equals_cli(self):
        units, hh, lin = self.files("units.csv", "households.csv", "lineage.csv")
        out = g.run(["af", "--units", units, "--households", hh, "--lineage", lin,
                     "--year", "2024", "--level", "commune", "--as-of", "2025-12-31"]).stdout
        want = {r["unit_code"]: r for r in csv_rows(out)}
        r = self.as_("province").get("/api/v1/dashboard/af?year=2024&asof=2025-12-31")
        self.assertEqual(r.status, 200, r)
        got = {c["code"]: c for c in r.json["children"]}
        got["TOTAL"] = r.json["unit"]
        for code in ("00001", "00002", "TOTAL"):
            w, x = want[code], got[code]
            self.assertEqual(x["n"], int(w["n"]))
            self.assertEqual(x["q"], int(w["q"]))
            self.assertEqual("%.2f" % x["H"], w["H"])
            self.assertEqual("%.2f" % x["A"], w["A"])
            self.assertEqual("%.4f" % x["M0"], w["M0"])
            for ind in x["indicators"]:
                self.assertEqual("%.2f" % ind["hdk"], w["hdk_" + ind["key"]], ind["key"])
                self.assertEqual("%.2f" % ind["pctb"], w["pctb_" + ind["key"]], ind["key"])

    def test_edit_shows_at_once(self):
        prov = self.as_("province")
        officer = self.as_("officer_x")
        url = "/api/v1/dashboard/summary?year=2024&asof=2025-12-31"
        before = prov.get(url).json
        x_before = {c["code"]: c for c in before["children"]}["00001"]["poor"]
        # X2 (3,000,000 VND, no deprivation: AVERAGE) becomes poor
        r = officer.put("/api/v1/households/X2/reviews/2024",
                        g.review_body(income=1000000, flags=("d_water", "d_sanitation",
                                                             "d_telecom", "d_info_access")))
        self.assertEqual(r.status, 200, r)
        after = prov.get(url).json
        self.assertGreater(after["generation"], before["generation"])
        self.assertEqual({c["code"]: c for c in after["children"]}["00001"]["poor"],
                         x_before + 1)
        self.assertEqual(after["unit"]["poor"], before["unit"]["poor"] + 1)
        # and back
        r = officer.put("/api/v1/households/X2/reviews/2024",
                        g.review_body(income=3000000, flags=()))
        self.assertEqual(r.status, 200, r)
        again = prov.get(url).json
        self.assertEqual(again["unit"]["poor"], before["unit"]["poor"])

    def test_scope(self):
        officer = self.as_("officer_x")
        r = officer.get("/api/v1/dashboard/summary?year=2024")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["unit"]["code"], "00001")
        for path in ("summary", "trend", "profile", "af"):
            r = officer.get("/api/v1/dashboard/%s?year=2024&unit=00002" % path)
            self.assertEqual(r.status, 404, (path, r))
            r = officer.get("/api/v1/dashboard/%s?year=2024&unit=01" % path)
            self.assertEqual(r.status, 404, (path, r))
        self.assertEqual(self.as_(None).get("/api/v1/dashboard/summary").status, 401)

    def test_public(self):
        anon = self.as_(None)
        r = anon.get("/api/v1/public/summary?year=2024&asof=2025-12-31")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["unit"]["code"], "01")
        for secret in ["Nguyễn Văn An", "001234567890", "X1", "Y1"] + g.Y_PERSONAL:
            self.assertNotIn(secret, r.text)
        r = anon.get("/api/v1/public/summary?year=2024&unit=00002")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["unit"]["code"], "00002")
        self.assertEqual(anon.get("/api/v1/public/summary?unit=NOPE").status, 404)

    def test_trend_and_profile(self):
        prov = self.as_("province")
        r = prov.get("/api/v1/dashboard/trend?asof=2025-12-31")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([y["year"] for y in r.json["years"]], [2024])
        r = prov.get("/api/v1/dashboard/profile?year=2024&asof=2025-12-31")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["standard"], "2022-2025")
        keys = [i["key"] for i in r.json["indicators"]]
        self.assertEqual(len(keys), 12)
        self.assertIn("d_water", keys)
        emp = r.json["indicators"][keys.index("d_employment")]
        # poor households deprived in employment: X1, OLD1, Y1 (3 flags each)
        self.assertEqual(emp["poor"], 3)
        self.assertEqual(r.json["poor"], 3)
        self.assertEqual(emp["poor_pct"], 100.0)


if __name__ == "__main__":
    g.main()
