"""test_me_results.py - the results framework over the API (docs/api.md,
"Monitoring and evaluation: results"): the catalogue with Decision 90's
targets; the registry's computed indicators equal to the dashboard's
figures (/api/v1/dashboard/summary) at the commune and the province, for
two years; an entered indicator adding up the hierarchy (village ->
commune -> province, a value entered at a parent winning and the page told
what the units below add up to); achievement against local and programme
targets; entry refused outside the area (404), to read-only roles (403), and
for bad fields (422), every change audited; indicator_values.csv through
the import page (preview, area, commit) and the export.

The database is gnbvtest's tiny country plus population for 2023-2024 and
reviews of 2023 and 2024 with the heads' ethnicity (replacing the
fixture's 2024 ones): X = 00001 (village V001; 00003 merged into it in
2025), Y = 00002, province 01. GNBV_TODAY is 2025-12-31.
"""
import decimal
import os
import sqlite3
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y, P = "00001", "00002", "01"

POPULATION = ("unit_code,year,households,persons\n"
              "00001,2023,40,150\n00002,2023,30,110\n00003,2023,12,40\n"
              "00001,2024,41,152\n00002,2024,31,112\n00003,2024,12,41\n")

HEAD = ("household_id,year,unit_code,village,members,income,head_name,head_ethnicity,"
        + g.FLAGS)
# poor: income 1,200,000-1,450,000 with 3 deprivations or more (rural line
# 1,500,000); the 4th flag is d_health_insurance.
HOUSEHOLDS = (HEAD + "\n"
              "X1,2023,00001,,4,1200000,Nguyễn Văn An,Thái,1,1,1,1,0,0,0,0,0,0,0,0\n"
              "X1,2024,00001,,4,1400000,Nguyễn Văn An,Thái,1,1,1,1,0,0,0,0,0,0,0,0\n"
              "X2,2023,V001,,3,1300000,Trần Thị Hoa,Kinh,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "X2,2024,V001,,3,3000000,Trần Thị Hoa,Kinh,0,0,0,0,0,0,0,0,0,0,0,0\n"
              "X4,2023,00001,,5,1250000,Lò Văn Bốn,Mường,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "X4,2024,00001,,5,3100000,Lò Văn Bốn,Mường,0,0,0,0,0,0,0,0,0,0,0,0\n"
              "X5,2024,00001,,2,1100000,Cầm Thị Năm,Thái,1,1,1,0,1,0,0,0,0,0,0,0\n"
              "OLD1,2023,00003,,2,1200000,Phạm Văn Cũ,Kinh,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "OLD1,2024,00003,,2,1200000,Phạm Văn Cũ,Kinh,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "Y1,2023,00002,,5,1300000,Lê Thị Bình Yên,Dao,1,1,1,1,0,0,0,0,0,0,0,0\n"
              "Y1,2024,00002,,5,1300000,Lê Thị Bình Yên,Dao,1,1,1,0,0,0,0,0,0,0,0,0\n"
              "Y2,2024,V002,Thôn Hai,2,1450000,Hoàng Văn Ybí,Kinh,0,1,0,0,0,0,0,0,0,0,0,0\n")


def pct(num, den):
    """100 * num / den with two decimals, half away from zero (as the server)."""
    q = decimal.Decimal(100 * num) / decimal.Decimal(den)
    return float(q.quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))


def by_code(rows):
    return {r["code"]: r for r in rows}


def value(cell):
    return None if cell is None else cell["value"]


class Results(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        for name, text in (("population.csv", POPULATION), ("reviews.csv", HOUSEHOLDS)):
            path = os.path.join(cls.db.dir, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        g.run(["import", "--db", cls.db.path, "population", os.path.join(cls.db.dir, "population.csv")])
        g.run(["import", "--db", cls.db.path, "households", os.path.join(cls.db.dir, "reviews.csv")])
        cls.srv = g.Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def as_(self, user):
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        r = c.login(user)
        self.assertEqual(r.status, 200, r)
        return c

    def results(self, c, **q):
        r = c.get("/api/v1/me/results?" + urllib.parse.urlencode(q))
        self.assertEqual(r.status, 200, r)
        return r.json

    def put(self, c, body, status=200):
        r = c.put("/api/v1/me/values", body)
        self.assertEqual(r.status, status, r)
        return r.json

    # ---- the catalogue ------------------------------------------------------------

    def test_catalogue(self):
        c = self.as_("supervisor")
        r = c.get("/api/v1/me/indicators")
        self.assertEqual(r.status, 200, r)
        ind = by_code(r.json["indicators"])
        red = ind["poor_rate_reduction"]
        self.assertEqual(red["computed"], "poor_rate_reduction")
        self.assertEqual(red["direction"], "up")
        self.assertEqual([(t["period"], t["target"], t["target_high"], t["scope"]) for t in red["targets"]],
                         [(str(y), 1.0, 1.5, "all") for y in range(2022, 2026)])
        self.assertIn("90/QĐ-TTg", red["targets"][0]["basis"])
        em = ind["poor_rate_minority_reduction"]
        self.assertEqual(em["formula"], "poor_rate_minority")
        self.assertEqual(em["targets"][0]["target"], 3.0)
        self.assertEqual(ind["poor_rate_minority"]["formula"], "poor_minority/hh_minority")
        self.assertEqual(ind["models"]["project"], "DA2")
        self.assertEqual(ind["models"]["level"], "project")
        # every target says where it comes from and whether it was verified
        for i in r.json["indicators"]:
            for t in i["targets"]:
                self.assertIn("verified", t["basis"], i["code"])

    # ---- computed from the registry = the dashboard ---------------------------------

    def test_computed_equal_the_dashboard(self):
        for user, unit in (("officer_x", X), ("province", P), ("ministry", P)):
            c = self.as_(user)
            for year in (2023, 2024):
                with self.subTest(user=user, year=year):
                    res = self.results(c, unit=unit, period=year, asof="2025-12-31")
                    self.assertEqual(res["unit"]["code"], unit)
                    ind = by_code(res["indicators"])
                    d = c.get("/api/v1/dashboard/summary?year=%d&unit=%s&asof=2025-12-31" % (year, unit))
                    self.assertEqual(d.status, 200, d)
                    u = d.json["unit"]
                    for code, field in (("poor", "poor"), ("near_poor", "near_poor"),
                                        ("poor_rate", "poor_rate"),
                                        ("near_poor_rate", "near_poor_rate"),
                                        ("poor_minority", "poor_minority")):
                        self.assertEqual(ind[code]["actual"], {"value": u[field], "source": "computed"},
                                         code)
                    self.assertEqual(value(ind["poor_reduced"]["actual"]), u["poor_start"] - u["poor_end"])
                    if year == 2024:
                        p = c.get("/api/v1/dashboard/summary?year=2023&unit=%s&asof=2025-12-31" % unit).json["unit"]
                        self.assertEqual(value(ind["poor_rate_reduction"]["actual"]),
                                         round(p["poor_rate"] - u["poor_rate"], 2))
                        self.assertEqual(value(ind["poor_minority_reduced"]["actual"]),
                                         p["poor_minority"] - u["poor_minority"])
                    else:  # no reviews of 2022: no reduction, not a zero
                        self.assertIsNone(ind["poor_rate_reduction"]["actual"])
        # X in 2024, on the map of the period's end (00003 joins X only in
        # 2025): X1 and X5 poor (both Thái), X1 deprived on health
        # insurance; 2023: X1, X2 (Kinh), X4 (Mường) poor
        c = self.as_("officer_x")
        ind = by_code(self.results(c, period=2024)["indicators"])
        self.assertEqual(value(ind["poor"]["actual"]), 2)
        self.assertEqual(value(ind["poor_reduced"]["actual"]), 1)  # 3 - 2
        self.assertEqual(value(ind["poor_minority"]["actual"]), 2)
        self.assertEqual(value(ind["poor_minority_reduced"]["actual"]), 0)  # X1, X4 -> X1, X5
        self.assertEqual(value(ind["health_insurance_poor"]["actual"]), 50.0)  # 1 of 2
        # on today's map X holds OLD1 too (lineage): 3 poor, 2 of 3 insured
        ind = by_code(self.results(c, period=2024, asof="2025-12-31")["indicators"])
        self.assertEqual(value(ind["poor"]["actual"]), 3)
        self.assertEqual(value(ind["health_insurance_poor"]["actual"]), 66.67)
        # the programme's target of the reduction applies to the commune
        red = ind["poor_rate_reduction"]
        self.assertEqual(red["target"]["source"], "programme")
        self.assertEqual((red["target"]["low"], red["target"]["high"]), (1.0, 1.5))
        a = value(red["actual"])
        self.assertEqual(red["achievement"]["met"], a >= 1.0)
        self.assertAlmostEqual(red["achievement"]["pct"], round(a * 100, 2))
        # a computed value cannot be entered; its target can
        r = self.put(c, {"indicator": "poor_rate", "unit_code": X, "period": "2024", "value": 5},
                     status=422)
        self.assertIn("value", r["fields"])
        r = self.put(c, {"indicator": "poor_rate", "unit_code": X, "period": "2024", "target": "20"})
        self.assertEqual(r["indicator"]["target"]["source"], "local")
        self.assertEqual(r["indicator"]["achievement"]["met"], value(r["indicator"]["actual"]) <= 20)

    def test_headline_card(self):
        c = self.as_("province")
        res = self.results(c, period=2024, headline=1)
        self.assertEqual([r["code"] for r in res["indicators"]],
                         ["poor_rate_reduction", "poor_rate_minority_reduction", "poor_reduced",
                          "poor_minority_reduced"])
        self.assertEqual(res["unit"]["code"], P)

    # ---- entered values up the hierarchy ---------------------------------------------

    def test_entered_values_add_up(self):
        x, y, prov = self.as_("officer_x"), self.as_("officer_y"), self.as_("province")
        q = dict(period="2024Q2")
        self.put(x, {"indicator": "houses_supported", "unit_code": "V001", "period": "2024q2", "value": 2})
        ind = by_code(self.results(x, **q)["indicators"])["houses_supported"]
        self.assertEqual(ind["actual"], {"value": 2, "source": "sum", "units": 1})
        r = self.put(x, {"indicator": "houses_supported", "unit_code": X, "period": "2024Q2",
                         "value": "3", "target": 4})
        self.assertEqual(r["indicator"]["actual"], {"value": 3, "source": "entered"})
        self.assertEqual(r["indicator"]["below"], {"value": 2, "source": "sum", "units": 1})
        self.assertEqual(r["indicator"]["achievement"], {"pct": 75.0, "met": False})
        self.put(y, {"indicator": "houses_supported", "unit_code": Y, "period": "2024Q2", "value": 4})
        # the province adds its communes (X's own value, not its village's)
        ind = by_code(self.results(prov, **q)["indicators"])["houses_supported"]
        self.assertEqual(ind["actual"], {"value": 7, "source": "sum", "units": 2})
        self.assertIsNone(ind["target"])
        detail = prov.get("/api/v1/me/indicators/houses_supported?period=2024Q2")
        self.assertEqual(detail.status, 200, detail)
        kids = {k["code"]: value(k["actual"]) for k in detail.json["children"]}
        self.assertEqual(kids, {X: 3, Y: 4, "00003": None})  # the 2024 map
        self.assertEqual([s["period"] for s in detail.json["series"]],
                         ["2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2"])
        self.assertEqual(value(detail.json["series"][-1]["actual"]), 7)
        # a value entered at the province wins, and the page is told
        r = self.put(prov, {"indicator": "houses_supported", "unit_code": P, "period": "2024Q2", "value": 9})
        self.assertEqual(r["indicator"]["actual"], {"value": 9, "source": "entered"})
        self.assertEqual(value(r["indicator"]["below"]), 7)
        # cleared: the sum again
        r = self.put(prov, {"indicator": "houses_supported", "unit_code": P, "period": "2024Q2", "value": None})
        self.assertEqual(r["indicator"]["actual"]["source"], "sum")
        # a ratio of a computed numerator and entered denominators:
        # poor_rate_minority = poor_minority / hh_minority, and its reduction
        for user, unit, h23, h24 in (("officer_x", X, 20, 20), ("officer_y", Y, 10, 10)):
            c = self.as_(user)
            self.put(c, {"indicator": "hh_minority", "unit_code": unit, "period": "2023", "value": h23})
            self.put(c, {"indicator": "hh_minority", "unit_code": unit, "period": "2024", "value": h24})
        ind = by_code(self.results(prov, period=2024)["indicators"])
        d23 = prov.get("/api/v1/dashboard/summary?year=2023&unit=01").json["unit"]
        d24 = prov.get("/api/v1/dashboard/summary?year=2024&unit=01").json["unit"]
        self.assertEqual(value(ind["hh_minority"]["actual"]), 30)
        r23 = pct(d23["poor_minority"], 30)
        r24 = pct(d24["poor_minority"], 30)
        self.assertEqual(ind["poor_rate_minority"]["actual"], {"value": r24, "source": "derived"})
        red = ind["poor_rate_minority_reduction"]
        self.assertEqual(red["actual"], {"value": round(r23 - r24, 2), "source": "derived"})
        self.assertEqual(red["target"]["value"], 3.0)
        self.assertEqual(red["target"]["source"], "programme")
        # every change audited in the store
        con = sqlite3.connect(self.db.path)
        try:
            rows = con.execute("SELECT field, old_value, new_value FROM audit "
                               "WHERE record_key = 'indicator/houses_supported/01/2024Q2' ORDER BY id").fetchall()
        finally:
            con.close()
        self.assertEqual(rows, [("created", None, "2024Q2"), ("value", None, "9"), ("value", "9", None)])

    # ---- refusals ----------------------------------------------------------------------

    def test_refusals(self):
        x = self.as_("officer_x")
        body = {"indicator": "models", "unit_code": Y, "period": "2024", "value": 1}
        self.assertEqual(x.put("/api/v1/me/values", body).status, 404)
        self.assertEqual(x.get("/api/v1/me/results?unit=" + Y).status, 404)
        self.assertEqual(x.get("/api/v1/me/indicators/models?unit=" + Y).status, 404)
        self.assertEqual(x.get("/api/v1/me/indicators/nope").status, 404)
        self.assertEqual(x.get("/api/v1/me/results?period=2024Q5").status, 400)
        for user in ("supervisor", "collab_x", "admin"):
            c = self.as_(user)
            r = c.put("/api/v1/me/values", dict(body, unit_code=X))
            self.assertEqual(r.status, 403, (user, r))
            self.assertFalse(self.results(c, unit=X)["can_write"])
        r = self.put(x, {"indicator": "models", "unit_code": X, "period": "2024", "value": "1.5",
                         "target": "hai", "note": 1}, status=422)
        self.assertEqual(sorted(r["fields"]), ["note", "target", "value"])
        r = self.put(x, {"indicator": "nope", "unit_code": X, "period": "24"}, status=422)
        self.assertEqual(sorted(r["fields"]), ["indicator", "period", "value"])
        self.assertEqual(x.put("/api/v1/me/values", body, csrf=False).status, 403)

    # ---- the file, through the import page and the export -------------------------------

    def test_import_and_export(self):
        x = self.as_("officer_x")
        text = ("indicator,unit_code,period,value,target\n"
                "models,00001,2025,2,3\n"
                "models,00002,2025,5,\n"     # Y's: outside X's area
                "models,V001,2025,1,\n")
        q = urllib.parse.urlencode({"kind": "indicator_values", "filename": "chỉ tiêu.csv"})
        r = x.post("/api/v1/imports?" + q, raw=text.encode("utf-8"))
        self.assertEqual(r.status, 200, r)
        self.assertEqual([(e["line"], e["column"]) for e in r.json["errors"]], [(3, "unit_code")])
        self.assertIn("outside your area", r.json["errors"][0]["message"])
        r = x.post("/api/v1/imports?" + q, raw=text.encode("utf-8"), headers={"Accept-Language": "vi"})
        self.assertIn("ngoài phạm vi quản lý", r.json["errors"][0]["message"])
        bad = text.replace("models,00001,2025,2,3", "models,00001,2025,\"2,5\",")
        r = x.post("/api/v1/imports?" + q, raw=bad.encode("utf-8"), headers={"Accept-Language": "vi"})
        self.assertIn("dấu chấm thập phân", r.json["errors"][0]["message"])
        good = text.replace("models,00002,2025,5,\n", "")
        r = x.post("/api/v1/imports?" + q, raw=good.encode("utf-8"))
        self.assertEqual(r.json["errors"], [], r)
        r = x.post("/api/v1/imports/%d/commit" % r.json["id"])
        self.assertEqual(r.status, 200, r)
        ind = by_code(self.results(x, period=2025)["indicators"])["models"]
        self.assertEqual(ind["actual"], {"value": 2, "source": "imported"})
        self.assertEqual(ind["achievement"]["pct"], 66.67)
        r = x.get("/api/v1/exports/indicator_values?year=2025")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.text, "indicator,unit_code,period,value,target\n"
                                 "models,00001,2025,2,3\nmodels,V001,2025,1,\n")
        # roles without write_me may not import it
        r = self.as_("collab_x").post("/api/v1/imports?" + q, raw=good.encode("utf-8"))
        self.assertEqual(r.status, 403, r)


if __name__ == "__main__":
    g.main()
