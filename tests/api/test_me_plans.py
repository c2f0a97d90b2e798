"""test_me_plans.py - monitoring and evaluation, area "plans", over the API
(docs/api.md, "Monitoring and evaluation: plans"): the catalogue of
projects; a plan entered, read, changed (audited, its budget lines follow
a new number), refused field by field (422: a declared total its parts do
not add up to, names the field); who may write (write_me) and what each
caller sees (scope: another commune's plans and lines answer 404); budget
lines entered one by one (a disbursement beyond the allocation is refused),
the figures by project, source, capital type and unit with exact rates;
budget.csv through the import page (preview, errors by line, the caller's
area, a declared total) and the export; lines of a commune that ceased,
carried by lineage to its successor.

The country of gnbvtest: province 01, communes X (00001) and Y (00002), and
00003, merged into X on 2025-07-01. GNBV_TODAY is 2025-12-31.
"""
import json
import os
import sys
import unicodedata
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y, OLD = "00001", "00002", "00003"
M = 1000000  # triệu đồng


def seed_plan(unit=X, number="245/KH-UBND", **over):
    """A reduced seed 001 (Hớn Quản's 2023 plan) on unit, for 2025."""
    body = {
        "unit_code": unit,
        "issuer": "UBND huyện Hớn Quản",
        "number": number,
        "date": "2025-03-15",
        "year_from": 2025,
        "year_to": 2025,
        "title": "Thực hiện các Dự án thuộc Chương trình MTQG giảm nghèo bền vững",
        "legal_basis": "Căn cứ Kế hoạch số 226/KH-UBND ngày 02/8/2022 của UBND tỉnh;\n"
                       "Quyết định 842/QĐ-UBND ngày 20/7/2023.",
        "objectives": "1. Mục tiêu tổng quát: giảm nghèo đa chiều.\n2. Giảm 218 hộ nghèo.",
        "targets": [{"text": "Giảm hộ nghèo", "value": 218, "measure": "hộ"},
                    {"text": "Cán bộ được tập huấn", "value": 100, "measure": "%"},
                    {"text": "Tỷ lệ hộ nghèo giảm", "value": 1.5, "measure": "%"}],
        "activities": [
            {"project": "DA2", "name": "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",
             "lead_unit": "Trung tâm Dịch vụ nông nghiệp", "coordinating_units":
             "Phòng Nông nghiệp và PTNT; Phòng LĐ-TB&XH", "place": "Toàn huyện",
             "from": "2025Q2", "to": "2025Q4", "beneficiaries": "Hộ nghèo, cận nghèo"},
            {"project": "da4.3", "name": "Hỗ trợ việc làm bền vững", "from": "2025Q3"}],
        "funding": [
            {"project": "DA2", "total": 2243 * M, "parts": [
                {"source": "central", "capital": "recurrent", "amount": 1950 * M},
                {"source": "provincial", "amount": 98 * M},
                {"source": "district", "amount": 195 * M}]},
            {"project": "DA4.3", "year": 2025, "total": 397 * M, "parts": [
                {"source": "central", "amount": 216 * M},
                {"source": "central", "capital": "investment", "amount": 148 * M,
                 "carried_over": 33 * M},
                {"source": "provincial", "amount": 11 * M},
                {"source": "district", "amount": 22 * M}]}],
    }
    body.update(over)
    return body


def line(plan, unit, project, source, amount, kind="allocated", date=None, year=2025,
         capital="recurrent", carried=0):
    b = {"plan": plan, "unit_code": unit, "year": year, "project": project, "source": source,
         "capital": capital, "kind": kind, "amount": amount}
    if kind == "allocated":
        b["carried_over"] = carried
    if date:
        b["date"] = date
    return b


class Plans(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
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

    def create(self, c, body):
        r = c.post("/api/v1/me/plans", body)
        self.assertEqual(r.status, 201, r)
        return r.json["plan"]

    # ---- the catalogue ------------------------------------------------------------

    def test_projects(self):
        c = self.as_("supervisor")
        r = c.get("/api/v1/me/projects")
        self.assertEqual(r.status, 200, r)
        codes = [p["code"] for p in r.json["projects"]]
        self.assertEqual(codes[:5], ["DA1", "DA2", "DA3", "DA3.1", "DA3.2"])
        self.assertEqual(len(codes), 16)
        p = {p["code"]: p for p in r.json["projects"]}
        self.assertEqual(p["DA3.1"]["parent"], "DA3")
        self.assertEqual(p["DA2"]["forms"], ["05"])
        self.assertEqual(p["DA6"]["forms"], ["12", "13"])
        self.assertEqual([s["code"] for s in r.json["sources"]],
                         ["central", "provincial", "district", "commune", "mobilised", "credit",
                          "household"])
        self.assertEqual([k["code"] for k in r.json["capitals"]], ["recurrent", "investment"])
        self.assertEqual(c.get("/api/v1/me/projects", headers={"Cookie": ""}).status, 401)

    # ---- a plan: create, read, update --------------------------------------------------

    def test_plan_round_trip_and_audit(self):
        c = self.as_("officer_x")
        body = seed_plan(number="11/KH-UBND")
        r = c.post("/api/v1/me/plans", body)
        self.assertEqual(r.status, 201, r)
        plan = r.json["plan"]
        self.assertEqual(r.headers["Location"], "/api/v1/me/plans/%d" % plan["id"])
        self.assertEqual(plan["ref"], "11/KH-UBND 2025")
        self.assertEqual(plan["unit_name"], "Xã An")
        self.assertEqual(plan["legal_basis"], body["legal_basis"])
        self.assertEqual(plan["objectives"], body["objectives"])
        self.assertEqual([(t["text"], t["value"], t["measure"]) for t in plan["targets"]],
                         [("Giảm hộ nghèo", 218, "hộ"), ("Cán bộ được tập huấn", 100, "%"),
                          ("Tỷ lệ hộ nghèo giảm", 1.5, "%")])
        a = plan["activities"]
        self.assertEqual((a[0]["project"], a[0]["from"], a[0]["to"]), ("DA2", "2025Q2", "2025Q4"))
        self.assertEqual(a[0]["coordinating_units"], "Phòng Nông nghiệp và PTNT; Phòng LĐ-TB&XH")
        self.assertEqual((a[1]["project"], a[1]["from"], a[1]["to"]), ("DA4.3", "2025Q3", "2025Q3"))
        f = plan["funding"]
        self.assertEqual([(x["project"], x["year"], x["total"]) for x in f],
                         [("DA2", 2025, 2243 * M), ("DA4.3", 2025, 397 * M)])
        self.assertEqual(f[1]["parts"][1], {"source": "central", "capital": "investment",
                                            "amount": 148 * M, "carried_over": 33 * M})
        self.assertEqual(plan["declared_total"], 2640 * M)
        self.assertEqual(r.json["funding_status"][0],
                         {"project": "DA2", "year": 2025, "declared": 2243 * M, "allocated": 0,
                          "carried_over": 0, "disbursed": 0, "rate": None, "matches": False})
        self.assertEqual([h["field"] for h in r.json["history"]], ["created"])

        # read back, as the district (the plan lies in its area)
        got = self.as_("district").get("/api/v1/me/plans/%d" % plan["id"])
        self.assertEqual(got.status, 200, got)
        self.assertEqual(got.json["plan"], plan)

        # a line of the plan, then a new number: the line follows
        r = c.post("/api/v1/me/budget", line("11/KH-UBND 2025", X, "DA2", "central", 1950 * M))
        self.assertEqual(r.status, 201, r)
        changed = dict(body, number="12/KH-UBND", objectives="Giảm 220 hộ nghèo.",
                       activities=body["activities"][:1])
        r = c.put("/api/v1/me/plans/%d" % plan["id"], changed)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["plan"]["ref"], "12/KH-UBND 2025")
        self.assertEqual([ln["plan"] for ln in r.json["lines"]], ["12/KH-UBND 2025"])
        fields = {h["field"]: h for h in r.json["history"]}
        self.assertEqual(fields["number"]["old"], "11/KH-UBND")
        self.assertEqual(fields["number"]["new"], "12/KH-UBND")
        self.assertEqual(fields["objectives"]["new"], "Giảm 220 hộ nghèo.")
        self.assertIn("Hỗ trợ việc làm bền vững", fields["activities"]["old"])
        self.assertNotIn("funding", fields)
        self.assertEqual(fields["number"]["user"], "officer_x")
        # the issuing unit never changes
        r = c.put("/api/v1/me/plans/%d" % plan["id"], dict(changed, unit_code=Y))
        self.assertEqual(r.status, 422, r)
        self.assertIn("unit_code", r.json["fields"])

    def test_plan_refusals(self):
        c = self.as_("officer_x")
        before = self.db.dump()

        def fields(body):
            r = c.post("/api/v1/me/plans", body)
            self.assertEqual(r.status, 422, r)
            return r.json["fields"]

        # the declared total that its parts do not add up to: named
        bad = seed_plan(number="99/KH")
        bad["funding"][0]["total"] = 2200 * M
        f = fields(bad)
        self.assertEqual(list(f), ["funding.0.total"])
        self.assertEqual(f["funding.0.total"],
                         "the parts add up to 2.243.000.000 đồng, not the total of 2.200.000.000 đồng")
        r = c.post("/api/v1/me/plans", bad, headers={"Accept-Language": "vi"})
        self.assertEqual(r.json["fields"]["funding.0.total"],
                         "Các nguồn cộng lại 2.243.000.000 đồng, khác tổng kinh phí 2.200.000.000 đồng")
        # one field each
        bad = seed_plan(number="", date="31/02/2025", year_to=2024, bogus=1)
        f = fields(bad)
        for k in ("number", "date", "year_to", "bogus"):
            self.assertIn(k, f)
        bad = seed_plan(year_from=2025, year_to=2040)
        self.assertIn("year_to", fields(bad))
        bad = seed_plan(number="98/KH")
        bad["activities"][0]["project"] = "DA9"
        bad["activities"][1]["from"] = "2026Q1"
        bad["activities"][0]["to"] = "2025Q1"  # before its start
        bad["targets"][0]["value"] = 1.234
        bad["targets"][1]["text"] = " "
        bad["funding"][1]["parts"][1]["carried_over"] = 149 * M
        bad["funding"][0]["parts"][2]["source"] = "central"  # twice
        bad["funding"].append({"project": "DA2", "total": 1})
        f = fields(bad)
        for k in ("activities.0.project", "activities.1.from", "targets.0.value", "targets.1.text",
                  "funding.1.parts.1.carried_over", "funding.0.parts.2.source"):
            self.assertIn(k, f)
        # a field unknown inside a list is named by its place in it
        bad = seed_plan(number="95/KH")
        bad["targets"][1]["colour"] = "red"
        bad["activities"][0]["budget"] = 1
        bad["funding"][0]["note"] = ""
        bad["funding"][0]["parts"][1]["bank"] = "x"
        self.assertEqual(sorted(fields(bad)), ["activities.0.budget", "funding.0.note",
                                               "funding.0.parts.1.bank", "targets.1.colour"])
        bad = seed_plan(number="97/KH")
        bad["activities"][0]["to"] = "2025Q1"
        self.assertEqual(list(fields(bad)), ["activities.0.to"])
        # a project and its sub-projects: these may not exceed it
        bad = seed_plan(number="96/KH", funding=[
            {"project": "DA3", "total": 100},
            {"project": "DA3.1", "total": 80},
            {"project": "DA3.2", "total": 30}])
        self.assertEqual(list(fields(bad)), ["funding.0.total"])
        bad = seed_plan(number="95/KH", funding=[{"project": "DA2", "total": 5, "year": 2026}])
        self.assertEqual(list(fields(bad)), ["funding.0.year"])
        # a unit outside the caller's area
        self.assertEqual(list(fields(seed_plan(unit=Y))), ["unit_code"])
        self.assertEqual(c.post("/api/v1/me/plans", raw=b"{", headers={
            "Content-Type": "application/json"}).status, 400)
        self.assertEqual(self.db.dump(), before, "nothing written")

        # the same number in the same year for the same unit: taken
        self.create(c, seed_plan(number="50/KH-UBND"))
        self.assertEqual(list(fields(seed_plan(number="50/KH-UBND"))), ["number"])
        # ... but commune Y numbers its own plans
        self.create(self.as_("officer_y"), seed_plan(unit=Y, number="50/KH-UBND"))

    def test_who_may_write(self):
        for user, status in (("collab_x", 403), ("supervisor", 403), ("admin", 403),
                             ("chair_x", 201), ("district", 201), ("ministry", 201)):
            c = self.as_(user)
            r = c.post("/api/v1/me/plans", seed_plan(number="W-%s/KH" % user))
            self.assertEqual(r.status, status, "%s: %r" % (user, r))
            r = c.post("/api/v1/me/budget", line("W-%s 2025" % user, X, "DA2", "central", 10))
            self.assertEqual(r.status, 201 if status == 201 else 403, "%s: %r" % (user, r))
        # every logged-in user may read in their area
        for user in ("collab_x", "supervisor", "admin"):
            c = self.as_(user)
            self.assertEqual(c.get("/api/v1/me/plans").status, 200)
            self.assertEqual(c.get("/api/v1/me/budget?year=2025&unit=%s" % X).status, 200)

    def test_scope(self):
        y = self.as_("officer_y")
        py = self.create(y, seed_plan(unit=Y, number="Y-1/KH"))
        self.assertEqual(y.post("/api/v1/me/budget", line("Y-1/KH 2025", Y, "DA2", "central",
                                                          5 * M)).status, 201)
        x = self.as_("officer_x")
        px = self.create(x, seed_plan(number="X-1/KH"))
        self.assertEqual(x.get("/api/v1/me/plans/%d" % py["id"]).status, 404)
        self.assertEqual(x.put("/api/v1/me/plans/%d" % py["id"], seed_plan(unit=Y)).status, 404)
        self.assertEqual(x.get("/api/v1/me/plans/abc").status, 404)
        ids = [p["id"] for p in x.get("/api/v1/me/plans").json["plans"]]
        self.assertIn(px["id"], ids)
        self.assertNotIn(py["id"], ids)
        self.assertEqual(x.get("/api/v1/me/plans?unit=%s" % Y).status, 404)
        self.assertEqual(x.get("/api/v1/me/budget?year=2025&unit=%s" % Y).status, 404)
        r = x.get("/api/v1/me/budget?year=2025")
        self.assertEqual(r.json["unit"]["code"], X)
        self.assertNotIn("Y-1/KH 2025", r.text)
        r = x.post("/api/v1/me/budget", line("Y-1/KH 2025", Y, "DA2", "central", 1))
        self.assertEqual(r.status, 422, r)
        self.assertEqual(list(r.json["fields"]), ["unit_code"])
        # the district sees both communes' plans, and the province's figures add up
        d = self.as_("district")
        ids = [p["id"] for p in d.get("/api/v1/me/plans?year=2025").json["plans"]]
        self.assertIn(px["id"], ids)
        self.assertIn(py["id"], ids)
        self.assertEqual(d.get("/api/v1/me/plans?year=2024").json["plans"], [])

    # ---- budget lines and figures ------------------------------------------------------

    def test_lines_and_rates(self):
        c = self.as_("chair_x")
        p = self.create(c, seed_plan(number="R-1/KH"))
        ref = p["ref"]
        for src, amount in (("central", 1950), ("provincial", 98), ("district", 195)):
            r = c.post("/api/v1/me/budget", line(ref, X, "DA2", src, amount * M))
            self.assertEqual(r.status, 201, r)
        r = c.post("/api/v1/me/budget", line(ref, X, "DA4.3", "central", 148 * M,
                                             capital="investment", carried=33 * M))
        self.assertEqual(r.status, 201, r)
        # the same key again replaces
        r = c.post("/api/v1/me/budget", line(ref, X, "DA2", "district", 195 * M))
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["replaced"])
        # disbursements
        r = c.post("/api/v1/me/budget", line(ref, X, "DA2", "central", 975 * M, "disbursed",
                                             "15/06/2025"))
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["line"]["date"], "2025-06-15")
        r = c.post("/api/v1/me/budget", line(ref, X, "DA2", "central", 976 * M, "disbursed",
                                             "2025-07-01"))
        self.assertEqual(r.status, 422, r)
        self.assertEqual(r.json["fields"],
                         {"amount": "disbursements would add up to 1.951.000.000 đồng, more than "
                                    "the 1.950.000.000 đồng allocated (DA2, central, recurrent)"})
        for bad, field in ((line(ref, X, "DA2", "central", 1, "disbursed", "2024-12-31"), "date"),
                           (line(ref, X, "DA2", "central", 1, "disbursed"), "date"),
                           (line(ref, X, "DA2", "central", 0, "disbursed", "2025-07-01"), "amount"),
                           (line(ref, X, "DA2", "central", 1, "spent"), "kind"),
                           (line(ref, X, "DA9", "central", 1), "project"),
                           (line(ref, X, "DA2", "nstw", 1), "source"),
                           (line(ref, X, "DA2", "central", 1, capital="sự nghiệp"), "capital"),
                           (line(ref, X, "DA2", "central", 10, carried=11), "carried_over"),
                           (line(ref, X, "DA2", "central", 1, year=2024), "year"),
                           (line("", X, "DA2", "central", 1), "plan"),
                           (line(ref, X, "DA2", "central", -1), "amount"),
                           (line(ref, X, "DA2", "central", 1.5), "amount"),
                           (line(ref, X, "DA2", "central", 500 * M), "amount")):
            r = c.post("/api/v1/me/budget", bad)
            self.assertEqual(r.status, 422, "%r: %r" % (bad, r))
            self.assertIn(field, r.json["fields"], "%r: %r" % (bad, r))

        # the plan against its lines
        got = c.get("/api/v1/me/plans/%d" % p["id"]).json
        st = {s["project"]: s for s in got["funding_status"]}
        self.assertTrue(st["DA2"]["matches"])
        self.assertEqual(st["DA2"]["disbursed"], 975 * M)
        self.assertEqual(st["DA2"]["rate"], 43.47)
        self.assertFalse(st["DA4.3"]["matches"])
        self.assertEqual(st["DA4.3"]["allocated"], 148 * M)
        self.assertEqual(st["DA4.3"]["carried_over"], 33 * M)

        # the figures of the commune (the plan's lines: other tests add theirs)
        # and of the province
        q = "?year=2025&plan=" + urllib.parse.quote(ref)
        b = c.get("/api/v1/me/budget" + q).json
        self.assertEqual(b["unit"], {"code": X, "name": "Xã An", "level": "commune"})
        self.assertEqual(b["plan"], ref)
        t = b["total"]
        self.assertEqual((t["allocated"], t["carried_over"], t["disbursed"]),
                         (2391 * M, 33 * M, 975 * M))
        self.assertEqual(t["rate"], 40.78)  # 975 / 2391 = 40,7779 %
        by = {(x["source"], x["capital"]): x for x in t["by"]}
        self.assertEqual(by[("central", "recurrent")]["rate"], 50.0)
        self.assertEqual(by[("central", "investment")]["carried_over"], 33 * M)
        proj = {x["code"]: x for x in b["projects"]}
        self.assertEqual(proj["DA4"]["allocated"], 148 * M)  # its sub-project DA4.3
        self.assertEqual(proj["DA4.1"]["rate"], None)
        self.assertEqual(proj["DA2"]["rate"], 43.47)
        self.assertEqual(len(b["lines"]), b["lines_total"])
        self.assertEqual(sum(1 for ln in b["lines"] if ln["kind"] == "disbursed"), 1)
        self.assertEqual([u["own"] for u in b["units"]], [False, True])  # V001, then X itself
        self.assertEqual(b["units"][1]["allocated"], 2391 * M)
        self.assertEqual(c.get("/api/v1/me/budget?year=2025&plan=NONE").json["total"]["allocated"], 0)
        self.assertIsNone(c.get("/api/v1/me/budget?year=2025").json["plan"])
        self.assertEqual(c.get("/api/v1/me/budget?year=2025&lines=0").json.get("lines"), None)
        self.assertEqual(c.get("/api/v1/me/budget?year=1800").status, 400)
        # the province: X's money under X, Y's plan elsewhere in this class may add
        prov = self.as_("province").get("/api/v1/me/budget?year=2025&unit=01&plan=" +
                                        urllib.parse.quote(ref)).json
        self.assertEqual(prov["total"]["allocated"], 2391 * M)
        rows = {u["code"]: u for u in prov["units"]}
        self.assertEqual(rows[X]["allocated"], 2391 * M)
        self.assertEqual(rows[X]["rate"], 40.78)
        self.assertEqual(rows[Y]["allocated"], 0)
        self.assertEqual(sum(u["allocated"] for u in prov["units"]), prov["total"]["allocated"])
        # the budget report as a file, the table of `gnbv report budget`
        r = c.get("/api/v1/me/budget/report?year=2025&format=csv")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="budget-00001-2025.csv"')
        rows = {ln.split(",")[2]: ln for ln in r.text.splitlines()[1:]}
        every = c.get("/api/v1/me/budget?year=2025").json  # every plan of X, as the table
        da2 = [x for x in every["projects"] if x["code"] == "DA2"][0]
        self.assertTrue(rows["DA2"].endswith(",%d,%.2f" % (da2["disbursed"], da2["rate"])),
                        (rows["DA2"], da2))
        self.assertTrue(rows[""].startswith("total,0,,TỔNG CỘNG,"))
        self.assertIn(",%d," % every["total"]["allocated"], rows[""])
        r = c.get("/api/v1/me/budget/report?year=2025")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.raw[:2], b"PK")  # an .xlsx workbook
        self.assertEqual(c.get("/api/v1/me/budget/report?unit=%s" % Y).status, 404)
        self.assertEqual(c.get("/api/v1/me/budget/report?format=doc").status, 422)
        # a national user without ?unit= gets the country's single top unit
        self.assertEqual(self.as_("ministry").get("/api/v1/me/budget?year=2025").json["unit"]["code"],
                         "01")

    # ---- seed 001 whole: the plan without loss, its budget lines against it -------------

    def test_seed001_whole(self):
        """Seed 001 (Hớn Quản's 2023 plan, its number left blank as in the
        seed) entered whole on province 01: every text comes back as sent;
        then its budget lines (tests/fixtures/budget/seed001.csv) imported
        against it: every project adds up to what the plan declares."""
        here = os.path.dirname(os.path.abspath(__file__))
        fixtures = os.path.join(here, "..", "fixtures", "budget")
        with open(os.path.join(fixtures, "seed001_plan.json"), encoding="utf-8") as f:
            body = json.load(f)
        body["unit_code"] = "01"
        c = self.as_("province")
        r = c.post("/api/v1/me/plans", body)
        self.assertEqual(r.status, 201, r)
        got = r.json["plan"]
        self.assertEqual(got["ref"], "/KH-UBND 2023")
        for k in ("issuer", "number", "date", "year_from", "year_to", "title", "legal_basis",
                  "objectives", "targets", "funding"):
            self.assertEqual(got[k], body[k], k)
        # texts come back NFC (the seed's own text is not, in one place)
        for sent, back in zip(body["activities"], got["activities"]):
            for k in sent:
                want = unicodedata.normalize("NFC", sent[k]) if sent[k] else \
                    ("" if k not in ("from", "to") else None)
                self.assertEqual(back[k], want, (sent["project"], k))
        self.assertEqual(len(got["activities"]), 10)
        self.assertEqual(got["declared_total"], 5539 * M)
        with open(os.path.join(fixtures, "seed001.csv"), encoding="utf-8") as f:
            csv_text = f.read().replace("245/KH-UBND 2023,693,", "/KH-UBND 2023,01,")
        r = c.request("POST", "/api/v1/imports?kind=budget&filename=seed001.csv",
                      raw=csv_text.encode("utf-8"), headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["errors"], [])
        self.assertEqual(r.json["warnings"], [], "the plan is found by its reference")
        self.assertEqual(c.post("/api/v1/imports/%d/commit" % r.json["id"]).json["written"], 22)
        st = c.get("/api/v1/me/plans/%d" % got["id"]).json["funding_status"]
        self.assertEqual([(s["project"], s["allocated"], s["matches"]) for s in st],
                         [("DA2", 2243 * M, True), ("DA3.1", 964 * M, True),
                          ("DA3.2", 309 * M, True), ("DA4.1", 922 * M, True),
                          ("DA4.3", 397 * M, True), ("DA6", 177 * M, True),
                          ("DA7", 527 * M, True)])
        self.assertEqual(st[4]["carried_over"], 33 * M)
        b = c.get("/api/v1/me/budget?year=2023&unit=01&plan=%2FKH-UBND%202023").json
        proj = {x["code"]: x["allocated"] for x in b["projects"]}
        self.assertEqual((proj["DA3"], proj["DA4"], b["total"]["allocated"]),
                         (1273 * M, 1319 * M, 5539 * M))
        by = {(x["source"], x["capital"]): x["allocated"] for x in b["total"]["by"]}
        self.assertEqual(by, {("central", "recurrent"): 4687 * M,
                              ("central", "investment"): 148 * M,
                              ("provincial", "recurrent"): 235 * M,
                              ("district", "recurrent"): 469 * M})

    # ---- budget.csv through the import page, and the export ----------------------------

    def upload(self, c, text, name="budget.csv"):
        return c.request("POST", "/api/v1/imports?kind=budget&filename=" + name,
                         raw=text.encode("utf-8"), headers={"Content-Type": "text/csv"})

    def test_import_export(self):
        c = self.as_("officer_x")
        p = self.create(c, seed_plan(number="I-1/KH"))
        head = "plan,unit_code,year,project,source,capital,amount,carried_over,kind,date\n"
        # errors by line: a unit outside the area, a declared total not met
        bad = head + ("I-1/KH 2025,%s,2025,DA2,central,,1.950.000.000,,,\n"
                      "I-1/KH 2025,%s,2025,DA2,provincial,,98.000.000,,,\n"
                      "I-1/KH 2025,%s,2025,DA5,central,,1.000,,,\n") % (X, X, Y)
        r = self.upload(c, bad)
        self.assertEqual(r.status, 200, r)
        self.assertIsNone(r.json["id"])
        errors = r.json["errors"]
        self.assertTrue(any(e["line"] == 4 and e["column"] == "unit_code" and
                            "outside your area" in e["message"] for e in errors), errors)
        bad = head + ("I-1/KH 2025,%s,2025,DA2,central,,1.950.000.000,,,\n"
                      "I-1/KH 2025,%s,2025,DA2,provincial,,98.000.000,,,\n") % (X, X)
        errors = self.upload(c, bad).json["errors"]
        self.assertTrue(any(e["line"] == 2 and e["column"] == "amount" and
                            e["message"] == "allocated lines of DA2, 2025 add up to 2.048.000.000 "
                            "đồng (lines: 2-3), but their plan declares 2.243.000.000 đồng"
                            for e in errors),
                        errors)
        # in Vietnamese on the import page
        r = c.request("POST", "/api/v1/imports?kind=budget&filename=b.csv", raw=bad.encode(),
                      headers={"Content-Type": "text/csv", "Accept-Language": "vi"})
        self.assertIn("các dòng kinh phí được giao của DA2, 2025 cộng lại 2.048.000.000 đồng "
                      "(dòng: 2-3), nhưng kế hoạch ghi 2.243.000.000 đồng",
                      [e["message"] for e in r.json["errors"]])
        # a good file: previewed, committed, and no double on a second commit
        good = head + ("I-1/KH 2025,%s,2025,DA2,central,,1.950.000.000,,,\n"
                       "I-1/KH 2025,%s,2025,DA2,provincial,,98.000.000,,,\n"
                       "I-1/KH 2025,%s,2025,DA2,district,,195.000.000,,,\n"
                       "I-1/KH 2025,%s,2025,DA2,central,,300.000.000,,disbursed,2025-09-30\n"
                       "I-1/KH 2025,V001,2025,DA5,commune,,20.000.000,,,\n") % (X, X, X, X)
        for _ in range(2):
            r = self.upload(c, good)
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json["errors"], [], r)
            self.assertEqual(r.json["rows"], 5)
            r = c.post("/api/v1/imports/%d/commit" % r.json["id"])
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json["written"], 5)
        got = c.get("/api/v1/me/plans/%d" % p["id"]).json
        self.assertEqual(len(got["lines"]), 5)
        self.assertTrue(got["funding_status"][0]["matches"])
        # the export: the caller's area, the year
        r = c.get("/api/v1/exports/budget?year=2025")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
        lines = [ln for ln in r.text.splitlines() if ln.startswith("I-1/KH")]
        self.assertEqual(lines, [
            "I-1/KH 2025,00001,2025,DA2,central,recurrent,1950000000,,allocated,",
            "I-1/KH 2025,00001,2025,DA2,central,recurrent,300000000,,disbursed,2025-09-30",
            "I-1/KH 2025,00001,2025,DA2,district,recurrent,195000000,,allocated,",
            "I-1/KH 2025,00001,2025,DA2,provincial,recurrent,98000000,,allocated,",
            "I-1/KH 2025,V001,2025,DA5,commune,recurrent,20000000,,allocated,"])
        self.assertEqual(c.get("/api/v1/exports/budget?unit=%s" % Y).status, 404)
        self.assertEqual(c.get("/api/v1/exports/budget?unit=V001").text.count("\n"), 2)
        # roles without write_me may not import budget files
        r = self.upload(self.as_("collab_x"), good)
        self.assertEqual(r.status, 403, r)

    # ---- lineage: a commune that ceased ------------------------------------------------

    def test_ceased_commune(self):
        d = self.as_("district")
        r = d.post("/api/v1/me/budget", line("CU 2024", OLD, "DA7.2", "commune", 40 * M, year=2024))
        self.assertEqual(r.status, 201, r)
        r = d.post("/api/v1/me/budget", line("CU 2024", OLD, "DA7.2", "commune", 10 * M,
                                             "disbursed", "2024-12-01", year=2024))
        self.assertEqual(r.status, 201, r)
        # on today's map the old commune's money is X's
        x = self.as_("officer_x").get("/api/v1/me/budget?year=2024&plan=CU%202024").json
        self.assertEqual(x["total"]["allocated"], 40 * M)
        self.assertEqual(x["total"]["rate"], 25.0)
        self.assertEqual([ln["unit_code"] for ln in x["lines"]], [OLD, OLD])
        # on the 2024 map it is the old commune's, under the province
        p = self.as_("province").get(
            "/api/v1/me/budget?year=2024&unit=01&asof=2024-12-31&plan=CU%202024").json
        rows = {u["code"]: u for u in p["units"]}
        self.assertEqual(rows[OLD]["allocated"], 40 * M)
        self.assertEqual(rows[X]["allocated"], 0)
        # Y sees nothing of it
        y = self.as_("officer_y").get("/api/v1/me/budget?year=2024&plan=CU%202024").json
        self.assertEqual(y["total"]["allocated"], 0)
        self.assertEqual(y["lines"], [])


if __name__ == "__main__":
    g.main()
