"""test_me_calendar.py - the reporting calendar over the API (docs/api.md,
"Monitoring and evaluation: calendar"): the reports expected of the tiny
country of gnbvtest.py in 2025 with their due dates (the circular's, a
province's local deadlines, an ad hoc request), the submission workflow
bottom-up (submit -> return for correction -> resubmit -> approve ->
locked, 409), who may do what (a commune officer or chair cannot approve
their own report, a province officer approves a commune's, a supervisor
writes nothing), completeness and timeliness counts, the dashboard's
reminders, and scope (commune Y sees nothing of X's submissions).

The main server runs with GNBV_TODAY=2025-11-25 (the annual reports are
due 30/11: five days left, "due soon"); counts after the due dates are
read from a second server on the same database at 2025-12-31.

The country (gnbvtest.py): province 01 over communes 00001 (X), 00002 (Y)
and 00003 (until 30/6/2025, then merged into X: X's officer sends what it
still owes for the first half of 2025).
"""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y, OLD, P = "00001", "00002", "00003", "01"
CAL = "/api/v1/me/calendar"


def item(items, type_, period, unit):
    for it in items:
        if it["type"] == type_ and it["period"] == period and it["unit_code"] == unit:
            return it
    return None


class Calendar(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        cls.srv = g.Server(cls.db, {"GNBV_TODAY": "2025-11-25"})

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def as_(self, user, srv=None):
        c = g.Client(srv or self.srv)
        self.addCleanup(c.close)
        r = c.login(user)
        self.assertEqual(r.status, 200, r)
        return c

    def audit(self, key_prefix):
        con = sqlite3.connect(self.db.path)
        try:
            return [r for r in con.execute(
                "SELECT entity, record_key, field, old_value, new_value FROM audit"
                " WHERE record_key LIKE ? ORDER BY id", (key_prefix + "%",))]
        finally:
            con.close()

    # ---- report types and the expected reports --------------------------------------

    def test_report_types(self):
        c = self.as_("supervisor")
        r = c.get("/api/v1/me/report-types")
        self.assertEqual(r.status, 200, r)
        types = {t["code"]: t for t in r.json["types"]}
        for code in ("m01_half", "m01_year", "m01_adhoc", "m02_baseline", "m02_midterm",
                     "m02_final", "m02_year", "m02_adhoc", "review_month", "review_prelim",
                     "review_official"):
            self.assertIn(code, types)
        self.assertEqual(types["m01_half"]["due"], "before 06-01")
        self.assertEqual(types["m01_half"]["due_label"], "before 01/06")
        self.assertEqual(types["review_month"]["months"], [1, 2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(types["review_prelim"]["levels"], ["province"])
        kinds = {k["kind"]: k["rules"] for k in r.json["period_kinds"]}
        self.assertIn("before", kinds["half"])
        self.assertIn("day_next_month", kinds["quarter"])
        self.assertNotIn("adhoc", kinds)

    def test_expected_reports(self):
        c = self.as_("officer_x")
        r = c.get(CAL + "?year=2025")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["unit"]["code"], X)
        self.assertEqual(r.json["today"], "2025-11-25")
        items = r.json["items"]
        # the six-month report of the first half: X and the old commune it took over
        half = item(items, "m01_half", "2025S1", X)
        self.assertEqual((half["due"], half["due_source"], half["to_code"], half["to_name"]),
                         ("2025-05-31", "circular", P, "Tỉnh Thử"))
        self.assertEqual(half["status"], "overdue")
        self.assertEqual(half["actions"], ["submit"])
        old = item(items, "m01_half", "2025S1", OLD)
        self.assertIsNotNone(old)
        self.assertEqual(old["actions"], ["submit"])
        # the monthly review report, rolled over the weekend and Giỗ Tổ (7/4)
        self.assertEqual(item(items, "review_month", "2025M03", X)["due"], "2025-04-08")
        self.assertIsNone(item(items, "review_month", "2025M06", OLD))
        # the annual report: due in five days
        year = item(items, "m01_year", "2025", X)
        self.assertEqual((year["due"], year["status"], year["days_left"]),
                         ("2025-11-30", "due_soon", 5))
        # nothing of Y, nothing of the province (not a child of X)
        self.assertFalse([it for it in items if it["unit_code"] in (Y, P)])
        # the province sees its own and its communes'; it may not submit theirs
        p = self.as_("province")
        r = p.get(CAL + "?year=2025")
        items = r.json["items"]
        self.assertEqual(item(items, "review_prelim", "2025", P)["due"], "2025-11-14")
        self.assertEqual(item(items, "review_official", "2025", P)["due"], "2025-12-19")
        self.assertEqual(item(items, "m01_year", "2025", P)["to_name"], "The ministry")
        self.assertEqual(item(items, "m01_year", "2025", Y)["actions"], [])
        self.assertEqual(item(items, "m01_year", "2025", P)["actions"], ["submit"])
        # filters
        r = p.get(CAL + "?year=2025&type=review_month&unit=" + Y)
        self.assertEqual({it["period"] for it in r.json["items"]},
                         {"2025M%02d" % m for m in range(1, 9)})
        whole = p.get(CAL + "?year=2025").json
        r = p.get(CAL + "?year=2025&status=due_soon")
        self.assertTrue(r.json["items"])
        self.assertTrue(all(it["status"] == "due_soon" for it in r.json["items"]))
        # the counts by status do not depend on the status asked
        self.assertEqual(r.json["by_status"], whole["by_status"])
        self.assertEqual(r.json["by_status"]["due_soon"], r.json["total"])
        self.assertEqual(sum(whole["by_status"].values()), whole["total"])
        self.assertGreater(whole["by_status"]["overdue"], 0)
        self.assertEqual(p.get(CAL + "?year=2025&status=bogus").status, 400)
        self.assertEqual(p.get(CAL + "?year=2025&type=bogus").status, 400)
        # 2024: no final evaluation; the old commune is there all year
        r = p.get(CAL + "?year=2024&type=m01_year")
        self.assertEqual(sorted(it["unit_code"] for it in r.json["items"]), [X, Y, OLD, P])
        # a supervisor reads, with no action
        s = self.as_("supervisor")
        r = s.get(CAL + "?year=2025&unit=" + X)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(all(it["actions"] == [] for it in r.json["items"]))

    # ---- the workflow ------------------------------------------------------------------

    def test_submit_return_resubmit_approve_lock(self):
        officer, chair, prov, y = (self.as_(u) for u in ("officer_x", "chair_x", "province",
                                                          "officer_y"))
        body = {"type": "m02_year", "period": "2025", "note": "Báo cáo đánh giá năm 2025",
                "figures": {"households_escaped": 12, "rate": 4.5}, "attachment": "bc-2025.docx"}
        # the province may not submit the commune's report
        r = prov.post(CAL + "/submissions", dict(body, unit_code=X))
        self.assertEqual(r.status, 403, r)
        r = officer.post(CAL + "/submissions", body)
        self.assertEqual(r.status, 201, r)
        sid = r.json["submission"]["id"]
        self.assertEqual(r.headers["Location"], CAL + "/submissions/%d" % sid)
        s = r.json["submission"]
        self.assertEqual((s["unit_code"], s["state"], s["first_submitted_on"], s["on_time"],
                          s["note"], s["figures"], s["attachment"], s["locked"]),
                         (X, "submitted", "2025-11-25", True, "Báo cáo đánh giá năm 2025",
                          {"households_escaped": 12, "rate": 4.5}, "bc-2025.docx", False))
        self.assertEqual(r.json["report"]["status"], "submitted")
        self.assertEqual(r.json["report"]["actions"], [])
        # twice: waiting already
        r = officer.post(CAL + "/submissions", body)
        self.assertEqual((r.status, r.json["error"]), (409, "state"), r)
        # the commune's officer and chair cannot approve their own report
        for c in (officer, chair):
            r = c.post(CAL + "/submissions/%d/actions" % sid, {"action": "approve"})
            self.assertEqual(r.status, 403, r)
        # another commune does not see it
        self.assertEqual(y.get(CAL + "/submissions/%d" % sid).status, 404)
        r = y.post(CAL + "/submissions/%d/actions" % sid, {"action": "approve"})
        self.assertEqual(r.status, 404, r)
        # the province sees it waiting, may return or approve
        r = prov.get(CAL + "/submissions/%d" % sid)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(sorted(r.json["report"]["actions"]), ["approve", "return"])
        # a return needs a reason
        r = prov.post(CAL + "/submissions/%d/actions" % sid, {"action": "return"})
        self.assertEqual(r.status, 422, r)
        self.assertIn("reason", r.json["fields"])
        r = prov.post(CAL + "/submissions/%d/actions" % sid,
                      {"action": "return", "reason": "Thiếu số liệu Dự án 2"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["submission"]["state"], r.json["submission"]["reason"]),
                         ("returned", "Thiếu số liệu Dự án 2"))
        # approving a returned report: 409 state
        r = prov.post(CAL + "/submissions/%d/actions" % sid, {"action": "approve"})
        self.assertEqual((r.status, r.json["error"]), (409, "state"), r)
        # the officer sees it returned and resubmits (the same POST works too)
        r = officer.get(CAL + "?year=2025&type=m02_year")
        it = item(r.json["items"], "m02_year", "2025", X)
        self.assertEqual((it["status"], it["actions"]), ("returned", ["submit"]))
        r = officer.post(CAL + "/submissions/%d/actions" % sid,
                         {"action": "submit", "note": "Đã bổ sung số liệu",
                          "figures": {"households_escaped": 14}})
        self.assertEqual(r.status, 200, r)
        s = r.json["submission"]
        self.assertEqual((s["state"], s["note"], s["figures"], s["attachment"],
                          s["first_submitted_on"]),
                         ("submitted", "Đã bổ sung số liệu", {"households_escaped": 14},
                          "bc-2025.docx", "2025-11-25"))
        # the province approves: locked
        r = prov.post(CAL + "/submissions/%d/actions" % sid,
                      {"action": "approve", "note": "Đồng ý"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["submission"]["state"], r.json["submission"]["locked"],
                          r.json["submission"]["decided_on"]), ("approved", True, "2025-11-25"))
        self.assertEqual([(e["action"], e["from"], e["to"]) for e in r.json["events"]],
                         [("submit", None, "submitted"), ("return", "submitted", "returned"),
                          ("submit", "returned", "submitted"), ("approve", "submitted", "approved")])
        self.assertEqual(r.json["events"][1]["note"], "Thiếu số liệu Dự án 2")
        self.assertIn("province", r.json["events"][3]["user"])
        for c, act in ((officer, {"action": "submit", "note": "sửa"}),
                       (prov, {"action": "return", "reason": "lại"}),
                       (prov, {"action": "approve"})):
            r = c.post(CAL + "/submissions/%d/actions" % sid, act)
            self.assertEqual((r.status, r.json["error"]), (409, "locked"), r)
        r = officer.post(CAL + "/submissions", body)
        self.assertEqual((r.status, r.json["error"]), (409, "locked"), r)
        self.assertIn("locked", r.json["message"])
        # every step audited
        rows = self.audit("calendar/submission/%d" % sid)
        fields = [r[2] for r in rows]
        self.assertEqual(fields[0], "created")
        self.assertEqual(fields.count("state"), 3)  # to returned, submitted, approved
        self.assertIn("reason", fields)
        self.assertIn("note", fields)

    def test_bad_submissions(self):
        officer = self.as_("officer_x")
        cases = [
            ({"type": "m01_year", "period": "2025", "bogus": 1}, "bogus"),
            ({"type": "nope", "period": "2025"}, "type"),
            ({"type": "m01_year", "period": "2025S3"}, "period"),
            ({"type": "review_prelim", "period": "2025"}, "period"),   # a province's report
            ({"type": "review_month", "period": "2025M10"}, "period"),  # months 1-8 only
            ({"type": "m01_year", "period": "2025", "unit_code": Y}, "unit_code"),
            ({"type": "m01_year", "period": "2025", "figures": 3}, "figures"),
            ({"type": "m01_year", "period": "2025", "note": "a\x01b"}, "note"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                r = officer.post(CAL + "/submissions", body)
                self.assertEqual(r.status, 422, r)
                self.assertIn(field, r.json["fields"])
        # a period that has not begun
        r = officer.post(CAL + "/submissions", {"type": "m01_year", "period": "2026"})
        self.assertEqual((r.status, r.json["error"]), (409, "not started"), r)
        # read-only roles
        s = self.as_("supervisor")
        r = s.post(CAL + "/submissions", {"type": "m01_year", "period": "2025", "unit_code": X})
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.as_("admin").get(CAL + "/submissions/999").status, 404)

    def test_old_commune_sent_by_its_successor(self):
        officer, prov = self.as_("officer_x"), self.as_("province")
        r = officer.post(CAL + "/submissions", {"type": "m01_half", "period": "2025S1",
                                                "unit_code": OLD, "note": "Xã Cũ"})
        self.assertEqual(r.status, 201, r)
        sid = r.json["submission"]["id"]
        self.assertEqual(r.json["submission"]["on_time"], False)  # due 31/5
        self.assertEqual(r.json["report"]["to_code"], P)
        r = prov.post(CAL + "/submissions/%d/actions" % sid, {"action": "approve"})
        self.assertEqual(r.status, 200, r)

    # ---- local deadlines and ad hoc requests --------------------------------------------

    def test_local_deadlines(self):
        prov, officer, y, sup = (self.as_(u) for u in ("province", "officer_x", "officer_y",
                                                        "supervisor"))
        body = {"type": "m01_half", "period_kind": "half", "rule": "before 05-20",
                "levels": ["commune"], "year_from": 2025,
                "plan_ref": "Kế hoạch 32/KH-UBND ngày 15/3/2025, mục VI.9"}
        r = prov.post(CAL + "/deadlines", body)
        self.assertEqual(r.status, 201, r)
        d = r.json["deadline"]
        self.assertEqual((d["unit_code"], d["rule"], d["rule_label"], d["levels"], d["year_to"],
                          d["inherited"], d["editable"]),
                         (P, "before 05-20", "before 20/05", ["commune"], None, False, True))
        did = d["id"]
        # the communes' six-month report is now due 19/5; the province's is not moved
        r = officer.get(CAL + "?year=2025&type=m01_half")
        it = item(r.json["items"], "m01_half", "2025S1", X)
        self.assertEqual((it["due"], it["circular_due"], it["due_source"], it["local_id"],
                          it["plan_ref"], it["set_by_code"]),
                         ("2025-05-19", "2025-05-31", "local", did, body["plan_ref"], P))
        r = prov.get(CAL + "?year=2025&type=m01_half")
        self.assertEqual(item(r.json["items"], "m01_half", "2025S1", P)["due"], "2025-05-31")
        # 2024 is before the plan
        r = officer.get(CAL + "?year=2024&type=m01_half")
        self.assertEqual(item(r.json["items"], "m01_half", "2024S1", X)["due"], "2024-05-31")
        # the communes see it (set above them), read-only
        for c in (officer, y):
            r = c.get(CAL + "/deadlines")
            ds = {x["id"]: x for x in r.json["deadlines"]}
            self.assertTrue(ds[did]["inherited"])
            self.assertFalse(ds[did]["editable"])
            self.assertEqual(c.put(CAL + "/deadlines/%d" % did, body).status, 404)
            self.assertEqual(c.request("DELETE", CAL + "/deadlines/%d" % did).status, 404)
        # a quarterly report the province asks of its communes: added
        r = prov.post(CAL + "/deadlines", dict(body, type="m01_year", period_kind="quarter",
                                               rule="day 20 last-month", year_to=2025))
        self.assertEqual(r.status, 201, r)
        qid = r.json["deadline"]["id"]
        r = officer.get(CAL + "?year=2025&type=m01_year")
        q3 = item(r.json["items"], "m01_year", "2025Q3", X)
        self.assertEqual((q3["due"], q3["circular_due"], q3["period_label"]),
                         ("2025-09-20", None, "Q3 2025"))
        self.assertIsNone(item(r.json["items"], "m01_year", "2025Q3", OLD))
        self.assertIsNotNone(item(r.json["items"], "m01_year", "2025Q2", OLD))
        # change it (audited), then delete it
        r = prov.put(CAL + "/deadlines/%d" % qid, dict(body, type="m01_year",
                                                       period_kind="quarter",
                                                       rule="day 25 last-month"))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["deadline"]["rule"], "day 25 last-month")
        r = prov.request("DELETE", CAL + "/deadlines/%d" % qid)
        self.assertEqual(r.status, 200, r)
        r = officer.get(CAL + "?year=2025&type=m01_year")
        self.assertIsNone(item(r.json["items"], "m01_year", "2025Q3", X))
        fields = [row[2] for row in self.audit("calendar/deadline/%d" % qid)]
        self.assertEqual(fields, ["created", "rule", "year_to", "deleted"])
        # X's own deadline is not Y's business
        r = officer.post(CAL + "/deadlines", dict(body, rule="before 05-15", levels="commune",
                                                  plan_ref="KH xã An"))
        self.assertEqual(r.status, 201, r)
        xid = r.json["deadline"]["id"]
        self.assertNotIn(xid, [x["id"] for x in y.get(CAL + "/deadlines").json["deadlines"]])
        self.assertEqual(y.put(CAL + "/deadlines/%d" % xid, body).status, 404)
        r = officer.get(CAL + "?year=2025&type=m01_half")
        self.assertEqual(item(r.json["items"], "m01_half", "2025S1", X)["due"], "2025-05-14")
        self.assertEqual(officer.request("DELETE", CAL + "/deadlines/%d" % xid).status, 200)
        # bad fields
        cases = [
            (dict(body, rule="day 5 next-month"), "rule"),       # cannot date a half year
            (dict(body, rule="sometime"), "rule"),
            (dict(body, type="m01_adhoc"), "type"),
            (dict(body, period_kind="weekly"), "period_kind"),
            (dict(body, levels=["village"]), "levels"),
            (dict(body, year_from=2025, year_to=2024), "year_to"),
            (dict(body, plan_ref=""), "plan_ref"),
            (dict(body, unit_code=Y), "unit_code"),
        ]
        for b, field in cases:
            with self.subTest(field=field):
                r = officer.post(CAL + "/deadlines", b)
                self.assertEqual(r.status, 422, r)
                self.assertIn(field, r.json["fields"])
        # a commune cannot set a deadline for the province
        r = officer.post(CAL + "/deadlines", dict(body, levels=["province"]))
        self.assertEqual(r.status, 422, r)
        self.assertIn("levels", r.json["fields"])
        self.assertEqual(sup.post(CAL + "/deadlines", body).status, 403)
        prov.request("DELETE", CAL + "/deadlines/%d" % did)

    def test_adhoc_request(self):
        prov, officer, y = self.as_("province"), self.as_("officer_x"), self.as_("officer_y")
        r = prov.post(CAL + "/requests", {"type": "m01_adhoc",
                                          "title": "Báo cáo nhanh tình hình thiệt hại do bão"})
        self.assertEqual(r.status, 201, r)
        q = r.json["request"]
        # 10 working days after Tuesday 25/11/2025
        self.assertEqual((q["request_date"], q["due"], q["levels"], q["unit_code"]),
                         ("2025-11-25", "2025-12-09", ["district", "commune"], P))
        period = q["period"]
        self.assertEqual(period, "2025R%d" % q["id"])
        for c, unit in ((officer, X), (y, Y)):
            r = c.get(CAL + "?year=2025&type=m01_adhoc")
            it = item(r.json["items"], "m01_adhoc", period, unit)
            self.assertEqual((it["due"], it["due_source"], it["request_title"]),
                             ("2025-12-09", "request", q["title"]))
            self.assertEqual([x["id"] for x in c.get(CAL + "/requests").json["requests"]],
                             [q["id"]])
        r = officer.post(CAL + "/submissions", {"type": "m01_adhoc", "period": period,
                                                "note": "Không có thiệt hại"})
        self.assertEqual(r.status, 201, r)
        self.assertTrue(r.json["submission"]["on_time"])
        # communes cannot ask their province; bad fields
        r = officer.post(CAL + "/requests", {"type": "m01_adhoc", "title": "x"})
        self.assertEqual(r.status, 422, r)
        self.assertIn("unit_code", r.json["fields"])
        r = prov.post(CAL + "/requests", {"type": "m01_year", "title": "", "due": "2025-01-01"})
        self.assertEqual(r.status, 422, r)
        self.assertEqual(sorted(r.json["fields"]), ["due", "title", "type"])

    # ---- completeness, reminders -------------------------------------------------------

    def test_reminders_and_completeness(self):
        officer, prov, y = self.as_("officer_x"), self.as_("province"), self.as_("officer_y")
        # before: the annual monitoring report is due in 5 days
        r = officer.get(CAL + "/reminders")
        self.assertEqual(r.status, 200, r)
        due = [it for it in r.json["items"] if it["type"] == "m01_year" and it["unit_code"] == X
               and it["period"] == "2025"]
        self.assertEqual(len(due), 1)
        self.assertEqual((due[0]["status"], due[0]["days_left"]), ("due_soon", 5))
        self.assertGreater(r.json["overdue"], 0)
        self.assertTrue(all(it["status"] in ("due_soon", "overdue", "returned")
                            for it in r.json["items"]))
        self.assertTrue(all(it["unit_code"] in (X, OLD) for it in r.json["items"]))
        # the province is reminded of its own and its communes' reports
        units = {it["unit_code"] for it in prov.get(CAL + "/reminders").json["items"]}
        self.assertEqual(units, {P, X, Y, OLD})
        # Y sends its annual report: gone from Y's reminders, waiting for the province
        r = y.post(CAL + "/submissions", {"type": "m01_year", "period": "2025"})
        self.assertEqual(r.status, 201, r)
        ysid = r.json["submission"]["id"]
        r = y.get(CAL + "/reminders")
        self.assertFalse([it for it in r.json["items"]
                          if it["type"] == "m01_year" and it["period"] == "2025"])
        # last year's, still owed, stays
        self.assertTrue([it for it in r.json["items"]
                         if it["type"] == "m01_year" and it["period"] == "2024"])
        self.assertGreaterEqual(prov.get(CAL + "/reminders").json["waiting_approval"], 1)
        # X cannot see Y's submission, nor Y's calendar
        self.assertEqual(officer.get(CAL + "/submissions/%d" % ysid).status, 404)
        self.assertEqual(officer.get(CAL + "?unit=" + Y).status, 404)
        self.assertEqual(officer.get(CAL + "/completeness?unit=" + Y).status, 404)
        self.assertEqual(officer.get(CAL + "/reminders?unit=" + Y).status, 404)
        r = prov.post(CAL + "/submissions/%d/actions" % ysid, {"action": "approve"})
        self.assertEqual(r.status, 200, r)

        # the year's counts, read on the last day of the year
        later = g.Server(self.db, {"GNBV_TODAY": "2025-12-31"})
        self.addCleanup(later.stop)
        p2 = self.as_("province", later)
        r = p2.get(CAL + "/completeness?year=2025")
        self.assertEqual(r.status, 200, r)
        j = r.json
        # 2025: six-month 4 (01, X, Y, the old commune), annual, final and annual
        # evaluation 3 each, monthly 5x3 + 3x2, the province's 2 review results,
        # and the ad hoc request's answers when test_adhoc_request ran first
        adhoc = len(prov.get(CAL + "/requests").json["requests"]) * 2
        expected = 4 + 3 + 3 + 3 + 21 + 2 + adhoc
        t = j["total"]
        self.assertEqual(t["expected"], expected)
        self.assertEqual(t["upcoming"], 0)
        self.assertEqual(t["due"], expected)
        self.assertEqual(t["submitted"], t["on_time"] + t["late"])
        self.assertEqual(t["missing"], expected - t["submitted"])
        self.assertEqual(t["approved"] + t["waiting"] + t["returned"], t["submitted"])
        self.assertEqual(t["completeness"], round(100 * t["submitted"] / expected, 2))
        self.assertEqual(t["timeliness"], round(100 * t["on_time"] / expected, 2))
        # the rows add up: own + children + other = total
        rows = [j["own"]] + j["children"] + ([j["other"]] if j["other"] else [])
        for k in ("expected", "submitted", "on_time", "late", "missing", "approved"):
            self.assertEqual(sum(row[k] for row in rows), t[k], k)
        self.assertEqual([c["code"] for c in j["children"]], [X, Y])
        kids = {c["code"]: c for c in j["children"]}
        self.assertEqual(kids[X]["expected"], 18 + adhoc // 2)  # with the old commune's 6
        self.assertEqual(kids[Y]["expected"], 12 + adhoc // 2)
        self.assertEqual(kids[Y]["on_time"], 1)
        self.assertEqual(j["own"]["expected"], 6)
        levels = {lv["level"]: lv for lv in j["levels"]}
        self.assertEqual(levels["province"]["expected"], 6)
        self.assertEqual(levels["commune"]["expected"], expected - 6)
        # one period: the first half's six-month reports (01, X, Y, the old commune)
        r = p2.get(CAL + "/completeness?period=2025S1")
        self.assertEqual((r.json["period"], r.json["total"]["expected"]), ("2025S1", 4))
        self.assertEqual(r.json["total"]["approved"], 1)  # the old commune's, sent by X
        self.assertEqual(p2.get(CAL + "/completeness?period=2025X").status, 400)
        # drill down: X's own view
        x2 = self.as_("officer_x", later)
        r = x2.get(CAL + "/completeness?year=2025")
        self.assertEqual(r.json["total"]["expected"], kids[X]["expected"])
        # the reminders carry the year's completeness
        r = p2.get(CAL + "/reminders?year=2025")
        self.assertEqual(r.json["completeness"]["expected"], expected)
        self.assertEqual(r.json["completeness"]["submitted"], t["submitted"])


if __name__ == "__main__":
    g.main()
