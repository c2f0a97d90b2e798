"""test_rounds.py - the review workflow over the API (docs/api.md, "Review
workflow"): a whole periodic review of commune X for 2025, from the list to
the chair's approval, as its officer and its chair -- a village meeting
that fails goes back to the survey, the posting ends 3 working days later
(over a weekend, and over New Year's Day), a complaint forces a re-check
and a new posting, the approval is refused to the officer (403) and while
the posting runs (409), after it the year's reviews are locked (409 on
edit), and the events are recorded in order. Then the regular monthly
review of applications (Form 01 / 04), the fields of every refusal (422),
and scope: another commune's rounds answer 404.

GNBV_TODAY is 2025-12-31; the approval runs on a second server started on
the same database with GNBV_TODAY=2026-01-06, after the posting's end.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y = "00001", "00002"
USERS = g.USERS + [("chair_y", "commune_chair", Y)]


class Rounds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database(users=USERS)
        cls.srv = g.Server(cls.db)

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

    def act(self, c, rid, action, **fields):
        body = dict(fields, action=action)
        return c.post("/api/v1/rounds/%d/actions" % rid, body)

    def review(self, c, hh, year, income, flags=("d_employment", "d_dependents", "d_nutrition")):
        r = c.put("/api/v1/households/%s/reviews/%d" % (hh, year), g.review_body(income, flags))
        self.assertEqual(r.status, 200, r)
        return r.json["review"]

    # ---- the periodic review, from the list to the approval ---------------------

    def test_periodic_review(self):
        officer, chair = self.as_("officer_x"), self.as_("chair_x")
        r = officer.post("/api/v1/rounds", {"unit_code": X, "year": 2025, "kind": "periodic",
                                            "bogus": 1})
        self.assertEqual(r.status, 422, r)
        self.assertIn("bogus", r.json["fields"])
        r = officer.post("/api/v1/rounds", {"unit_code": X, "year": 2025, "kind": "periodic"})
        self.assertEqual(r.status, 201, r)
        rid = r.json["round"]["id"]
        self.assertEqual(r.headers["Location"], "/api/v1/rounds/%d" % rid)
        rd = r.json["round"]
        self.assertEqual((rd["unit_code"], rd["unit_name"], rd["year"], rd["kind"], rd["month"],
                          rd["state"]), (X, "Xã An", 2025, "periodic", None, "list"))
        self.assertEqual(r.json["deadlines"]["window_start"], "2025-09-01")
        self.assertEqual(r.json["deadlines"]["window_end"], "2025-12-14")
        self.assertEqual(r.json["deadlines"]["posting_working_days"], 3)
        self.assertTrue(r.json["deadlines"]["calendar_covers"])
        # the lists to review: 2024's poor and near-poor of X (X1 and OLD1, by lineage)
        self.assertEqual(r.json["reviews"]["previous_poor"], 2)
        self.assertEqual([a["action"] for a in r.json["actions"]], ["start_survey"])
        self.assertEqual([e["action"] for e in r.json["events"]], ["open"])
        # one periodic round per commune and year
        again = officer.post("/api/v1/rounds", {"unit_code": X, "year": 2025})
        self.assertEqual(again.status, 409, again)
        self.assertEqual(again.json["error"], "exists")
        self.assertEqual(again.json["id"], rid)
        # what each role may do from here
        collab = self.as_("collab_x")
        self.assertEqual(collab.get("/api/v1/rounds/%d" % rid).json["actions"], [])
        self.assertEqual(self.act(collab, rid, "start_survey").status, 403)

        r = self.act(officer, rid, "start_survey", note="Bắt đầu rà soát")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "survey")

        # the meeting needs reviews of the year: a check of the table, 409
        r = self.act(officer, rid, "record_meeting", meeting_date="2025-11-03", attendees=30,
                     votes_for=20)
        self.assertEqual(r.status, 409, r)
        self.assertEqual((r.json["error"], r.json["check"]), ("check", "reviews_entered"))
        # the survey: X1 escapes poverty, X2 becomes poor
        self.assertEqual(self.review(officer, "X1", 2025, 3000000)["transition"], "escaped_poor")
        self.assertEqual(self.review(officer, "X2", 2025, 1400000)["transition"], "new_poor")

        # bad fields: 422 naming each
        r = self.act(officer, rid, "record_meeting", meeting_date="3/13/2025", attendees=-1,
                     votes_for="many", colour="red")
        self.assertEqual(r.status, 422, r)
        self.assertEqual(set(r.json["fields"]), {"meeting_date", "attendees", "votes_for", "colour"})
        r = self.act(officer, rid, "record_meeting")
        self.assertEqual(r.status, 422, r)
        self.assertEqual(set(r.json["fields"]), {"meeting_date", "attendees", "votes_for"})
        r = self.act(officer, rid, "record_meeting", meeting_date="2025-11-03", attendees=30,
                     votes_for=31)
        self.assertEqual(set(r.json["fields"]), {"votes_for"})
        r = self.act(officer, rid, "record_meeting", meeting_date="2026-02-01", attendees=30,
                     votes_for=20)
        self.assertEqual(set(r.json["fields"]), {"meeting_date"})
        r = self.act(officer, rid, "start_posting", start="2025-11-01", attendees=3)
        self.assertEqual(r.status, 409, r)  # not an action of this state
        self.assertEqual((r.json["error"], r.json["state"]), ("state", "survey"))
        r = officer.post("/api/v1/rounds/%d/actions" % rid, {"action": "dance"})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["action"]))

        # a meeting with less than half in favour: back to the survey
        r = self.act(officer, rid, "record_meeting", meeting_date="2025-11-03", attendees=30,
                     votes_for=14)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "survey")
        self.assertEqual((r.json["round"]["attendees"], r.json["round"]["votes_for"]), (30, 14))
        # exactly half passes
        r = self.act(officer, rid, "record_meeting", meeting_date="2025-11-10", attendees=30,
                     votes_for=15)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "meeting")

        # approval: refused to the officer whatever the state, and out of state for the chair
        r = self.act(officer, rid, "approve", decision_no="1/QĐ", decision_date="2025-11-11")
        self.assertEqual(r.status, 403, r)
        r = self.act(chair, rid, "approve", decision_no="1/QĐ", decision_date="2025-11-11")
        self.assertEqual((r.status, r.json["error"]), (409, "state"))

        # posting from Friday 14/11: 3 working days over the weekend -> Wednesday 19/11
        r = self.act(officer, rid, "start_posting", start="2025-11-07")
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"start"}))  # before the meeting
        r = self.act(officer, rid, "start_posting", start="2025-11-14")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "posting")
        self.assertEqual(r.json["round"]["posting_start"], "2025-11-14")
        self.assertEqual(r.json["round"]["posting_end"], "2025-11-19")
        self.assertEqual(r.json["deadlines"]["approve_from"], "2025-11-20")
        actions = {a["action"]: a for a in chair.get("/api/v1/rounds/%d" % rid).json["actions"]}
        self.assertEqual(set(actions), {"add_complaint", "approve"})
        self.assertTrue(actions["approve"]["ready"])
        self.assertEqual([f["name"] for f in actions["approve"]["fields"] if f["required"]],
                         ["decision_no", "decision_date"])

        # complaints: received within the posting, about a household of X
        r = self.act(officer, rid, "add_complaint", received="2025-11-20", text="Bỏ sót")
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"received"}))
        r = self.act(officer, rid, "add_complaint", received="2025-11-17", text="Bỏ sót",
                     household_id="Y1")
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"household_id"}))
        r = self.act(officer, rid, "add_complaint", received="2025-11-17",
                     text="Hộ X2 khai thiếu thu nhập", household_id="X2")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "recheck")
        c = r.json["complaints"][0]
        self.assertEqual((c["status"], c["household_id"], c["received"], c["recheck_due"]),
                         ("open", "X2", "2025-11-17", "2025-11-20"))
        # nothing moves on while a complaint is open
        r = self.act(chair, rid, "approve", decision_no="1/QĐ", decision_date="2025-11-21")
        self.assertEqual((r.status, r.json["error"]), (409, "state"))
        r = self.act(officer, rid, "start_posting", start="2025-11-21")
        self.assertEqual((r.status, r.json["check"]), (409, "no_open_complaint"))
        # the re-check (phúc tra), then a NEW posting, from Monday 29/12:
        # Tue 30, Wed 31, (Thu 1/1/2026 New Year) Fri 2/1/2026
        r = self.act(officer, rid, "recheck_complaint", complaint_id=c["id"] + 100,
                     result="x", date="2025-11-19")
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"complaint_id"}))
        r = self.act(officer, rid, "recheck_complaint", complaint_id=c["id"],
                     result="Đã phúc tra: giữ nguyên kết quả", date="2025-11-19")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["complaints"][0]["status"], "rechecked")
        r = self.act(officer, rid, "start_posting", start="2025-12-29")
        self.assertEqual(r.status, 200, r)
        rd = r.json["round"]
        self.assertEqual((rd["state"], rd["posting_start"], rd["posting_end"], rd["postings"]),
                         ("posting", "2025-12-29", "2026-01-02", 2))
        self.assertEqual(r.json["complaints"][0]["status"], "resolved")
        self.assertEqual(r.json["complaints"][0]["resolved_at"], "2025-12-29")

        # the posting runs until 2/1/2026: the chair must wait (409), the officer never may (403)
        actions = {a["action"]: a for a in chair.get("/api/v1/rounds/%d" % rid).json["actions"]}
        self.assertFalse(actions["approve"]["ready"])
        self.assertEqual(actions["approve"]["blocked_by"], "posting_over")
        r = self.act(chair, rid, "approve", decision_no="45/QĐ-UBND", decision_date="2025-12-31")
        self.assertEqual(r.status, 409, r)
        self.assertEqual((r.json["error"], r.json["check"]), ("check", "posting_over"))
        r = self.act(officer, rid, "approve", decision_no="45/QĐ-UBND", decision_date="2025-12-31")
        self.assertEqual(r.status, 403, r)
        # reviews are still editable
        self.review(officer, "X2", 2025, 1450000)

        # a week later (a server with GNBV_TODAY=2026-01-06 on the same database)
        later = g.Server(self.db, {"GNBV_TODAY": "2026-01-06"})
        try:
            chair2, officer2 = self.as_("chair_x", later), self.as_("officer_x", later)
            r = self.act(chair2, rid, "approve", decision_no="45/QĐ-UBND",
                         decision_date="2026-01-02")  # within the posting
            self.assertEqual((r.status, set(r.json["fields"])), (422, {"decision_date"}))
            r = self.act(chair2, rid, "approve", decision_no="45/QĐ-UBND",
                         decision_date="2026-01-07")  # in the future
            self.assertEqual((r.status, set(r.json["fields"])), (422, {"decision_date"}))
            r = self.act(officer2, rid, "approve", decision_no="45/QĐ-UBND",
                         decision_date="2026-01-05")
            self.assertEqual(r.status, 403, r)
            r = self.act(chair2, rid, "approve", decision_no="45/QĐ-UBND",
                         decision_date="2026-01-05", note="Công nhận danh sách")
            self.assertEqual(r.status, 200, r)
            rd = r.json["round"]
            self.assertEqual((rd["state"], rd["decision_no"], rd["decision_date"], rd["certified"]),
                             ("approved", "45/QĐ-UBND", "2026-01-05", True))
            self.assertEqual(r.json["actions"], [])
            # counts by class and transition, from the households' histories
            t = r.json["tallies"]
            self.assertEqual(t["reviews"], 2)
            self.assertEqual(t["transitions"]["escaped_poor"], 1)
            self.assertEqual(t["transitions"]["new_poor"], 1)
            self.assertEqual(t["classes"]["POOR"], 1)
            self.assertEqual(t["classes"]["NOT_POOR"], 1)
            self.assertEqual(r.json["reviews"]["locked"], 2)

            # the year's reviews of X are locked: 409 on edit; other years and communes are not
            for hh in ("X1", "X2"):
                r = officer2.put("/api/v1/households/%s/reviews/2025" % hh, g.review_body())
                self.assertEqual((r.status, r.json["error"]), (409, "locked"), r)
            page = officer2.get("/api/v1/households/X2").json
            self.assertEqual([v["status"] for v in page["reviews"] if v["year"] == 2025], ["locked"])
            changes = [(h["field"], h["old"], h["new"]) for h in page["history"]
                       if h["record_key"] == "X2/2025" and h["field"] == "status"]
            self.assertIn(("status", "approved", "locked"), changes)
            self.assertIn(("status", "draft", "approved"), changes)
            self.assertEqual(officer2.put("/api/v1/households/X2/reviews/2024",
                                          g.review_body()).status, 200)
            officer_y = self.as_("officer_y", later)
            self.assertEqual(officer_y.put("/api/v1/households/Y1/reviews/2025",
                                           g.review_body()).status, 200)
            # a finished round takes no more action
            r = self.act(officer2, rid, "add_complaint", received="2025-12-30", text="muộn")
            self.assertEqual((r.status, r.json["error"]), (409, "state"))

            # the events, in order
            ev = chair2.get("/api/v1/rounds/%d" % rid).json["events"]
            self.assertEqual([(e["action"], e["from"], e["to"]) for e in ev], [
                ("open", None, "list"),
                ("start_survey", "list", "survey"),
                ("record_meeting", "survey", "survey"),
                ("record_meeting", "survey", "meeting"),
                ("start_posting", "meeting", "posting"),
                ("add_complaint", "posting", "recheck"),
                ("recheck_complaint", "recheck", "recheck"),
                ("start_posting", "recheck", "posting"),
                ("approve", "posting", "approved"),
            ])
            self.assertEqual([e["user"] for e in ev],
                             ["officer_x"] * 8 + ["chair_x"])
            self.assertEqual(ev[2]["note"], "không đạt: 14/30")
            self.assertTrue(ev[1]["note"].endswith("Bắt đầu rà soát"))
            self.assertEqual(sorted(e["at"] for e in ev), [e["at"] for e in ev])
            self.assertEqual([e["id"] for e in ev], sorted(e["id"] for e in ev))
        finally:
            later.stop()

        # the round in the list of X, not of Y
        rounds = officer.get("/api/v1/rounds?year=2025").json["rounds"]
        self.assertIn(rid, [x["id"] for x in rounds])
        self.assertEqual(self.as_("officer_y").get("/api/v1/rounds").json["rounds"], [])

    # ---- the regular monthly review of applications ------------------------------

    def new_household(self, c, name):
        r = c.post("/api/v1/households", {"unit_code": "V001", "head_name": name})
        self.assertEqual(r.status, 201, r)
        return r.json["household"]["id"]

    def test_regular_review(self):
        officer, chair = self.as_("officer_x"), self.as_("chair_x")
        r1 = self.new_household(officer, "Đinh Văn Một")
        r2 = self.new_household(officer, "Đinh Thị Hai")
        self.review(officer, r2, 2024, 1200000)  # poor in 2024

        def apply(body):
            return officer.post("/api/v1/applications", body)

        r = apply({"household_id": r1, "form": "01", "date": "2025-03-10", "note": "Xin vào"})
        self.assertEqual(r.status, 201, r)
        a1 = r.json["application"]
        self.assertEqual((a1["status"], a1["unit_code"], a1["head_name"], a1["form"]),
                         ("registered", X, "Đinh Văn Một", "01"))
        march = a1["round_id"]
        r = apply({"household_id": r2, "form": "04", "date": "2025-03-15"})
        self.assertEqual(r.status, 201, r)
        a2 = r.json["application"]
        self.assertEqual(a2["round_id"], march)  # up to the 15th: this month's round
        r = apply({"household_id": r1, "form": "01", "date": "2025-03-16"})
        self.assertEqual(r.status, 201, r)
        april = r.json["application"]["round_id"]
        self.assertNotEqual(april, march)
        # refusals
        r = apply({"household_id": r1, "form": "04", "date": "2025-03-10"})
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"form"}))  # not on a list
        r = apply({"household_id": "Y1", "form": "07", "date": "2026-01-01", "x": 1})
        self.assertEqual((r.status, set(r.json["fields"])),
                         (422, {"household_id", "form", "date", "x"}))
        self.assertEqual(self.as_("collab_x").post(
            "/api/v1/applications", {"household_id": r1, "form": "01"}).status, 403)

        rd = officer.get("/api/v1/rounds/%d" % march).json
        self.assertEqual((rd["round"]["kind"], rd["round"]["month"], rd["round"]["state"]),
                         ("regular", 3, "open"))
        self.assertEqual(rd["deadlines"]["review_from"], "2025-03-15")
        self.assertEqual([(a["id"], a["review_entered"]) for a in rd["applications"]],
                         [(a2["id"], False), (a1["id"], False)])
        self.assertEqual([e["action"] for e in rd["events"]], ["open"])
        # the chair cannot approve before the surveys
        r = self.act(chair, march, "approve", decision_no="7/QĐ", decision_date="2025-03-20")
        self.assertEqual((r.status, r.json["check"]), (409, "all_surveyed"))
        r = self.act(officer, march, "survey_application", application_id=a1["id"])
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"application_id"}))
        # the surveys (reviews of 2025), then mark the applications surveyed
        self.assertEqual(self.review(officer, r1, 2025, 1300000)["class"], "POOR")
        self.assertEqual(self.review(officer, r2, 2025, 4000000)["class"], "NOT_POOR")
        for a in (a1, a2):
            r = self.act(officer, march, "survey_application", application_id=a["id"])
            self.assertEqual(r.status, 200, r)
        r = self.act(officer, march, "survey_application", application_id=a1["id"])
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"application_id"}))
        r = self.act(officer, march, "approve", decision_no="7/QĐ", decision_date="2025-03-20")
        self.assertEqual(r.status, 403, r)
        r = self.act(chair, march, "approve", decision_no="7/QĐ", decision_date="2025-03-14")
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"decision_date"}))
        r = self.act(chair, march, "approve", decision_no="7/QĐ", decision_date="2025-03-20")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["round"]["state"], "approved")
        self.assertEqual({a["status"] for a in r.json["applications"]}, {"approved"})
        self.assertEqual(r.json["tallies"]["transitions"]["new_poor"], 1)
        self.assertEqual(r.json["tallies"]["transitions"]["escaped_poor"], 1)
        # the reviews are approved, not locked (the periodic review comes later)
        page = officer.get("/api/v1/households/%s" % r1).json
        self.assertEqual([v["status"] for v in page["reviews"] if v["year"] == 2025], ["approved"])
        self.assertIn("application", {h["entity"] for h in page["history"]})
        # lists
        apps = officer.get("/api/v1/applications?unit=%s&year=2025" % X).json["applications"]
        self.assertEqual({a["id"] for a in apps} >= {a1["id"], a2["id"]}, True)
        apps = officer.get("/api/v1/applications?status=approved").json["applications"]
        self.assertEqual(sorted(a["id"] for a in apps), sorted([a1["id"], a2["id"]]))
        apps = officer.get("/api/v1/applications?round=%d" % april).json["applications"]
        self.assertEqual(len(apps), 1)
        rounds = officer.get("/api/v1/rounds?kind=regular&year=2025").json["rounds"]
        self.assertEqual(sorted((x["month"], x["state"]) for x in rounds),
                         [(3, "approved"), (4, "open")])
        self.assertEqual(self.as_("officer_y").get("/api/v1/applications").json["applications"], [])

    # ---- scope, roles, requests ---------------------------------------------------

    def test_scope_and_roles(self):
        oy = self.as_("officer_y")
        r = oy.post("/api/v1/rounds", {"unit_code": Y, "year": 2024})
        self.assertEqual(r.status, 201, r)
        yid = r.json["round"]["id"]
        ox = self.as_("officer_x")
        # Y's round is not X's: 404 everywhere, nothing listed
        self.assertEqual(ox.get("/api/v1/rounds/%d" % yid).status, 404)
        r = self.act(ox, yid, "start_survey")
        self.assertEqual(r.status, 404, r)
        self.assertNotIn("Xã Bình", r.text)
        self.assertEqual(ox.get("/api/v1/rounds?unit=" + Y).status, 404)
        self.assertNotIn(yid, [x["id"] for x in ox.get("/api/v1/rounds").json["rounds"]])
        for bad in ("abc", "0", "-1", "99999999999999999999"):
            self.assertEqual(ox.get("/api/v1/rounds/" + bad).status, 404)
        # opening a round: a commune of one's area, a year, a kind (and a month)
        r = ox.post("/api/v1/rounds", {"unit_code": Y, "year": 2024})
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"unit_code"}))
        r = ox.post("/api/v1/rounds", {"unit_code": "V001", "year": 1999, "kind": "weekly"})
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"unit_code", "year", "kind"}))
        r = ox.post("/api/v1/rounds", {"unit_code": X, "year": 2024, "kind": "regular"})
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"month"}))
        r = ox.post("/api/v1/rounds", {"unit_code": X, "year": 2024, "month": 2})
        self.assertEqual((r.status, set(r.json["fields"])), (422, {"month"}))
        # who may open rounds
        for user in ("collab_x", "chair_x", "district", "supervisor"):
            r = self.as_(user).post("/api/v1/rounds", {"unit_code": X, "year": 2023})
            want = 201 if user == "chair_x" else 403
            self.assertEqual(r.status, want, "%s: %r" % (user, r))
        # the province sees Y's round with its complaints' texts; the supervisor
        # (aggregates only) sees the round without them
        self.act(oy, yid, "start_survey")
        self.review(oy, "Y1", 2024, 1300000)
        self.act(oy, yid, "record_meeting", meeting_date="2024-11-04", attendees=10, votes_for=9)
        self.act(oy, yid, "start_posting", start="2024-11-11")
        r = self.act(oy, yid, "add_complaint", received="2024-11-12", text="Khiếu nại riêng",
                     household_id="Y1")
        self.assertEqual(r.status, 200, r)
        p = self.as_("province").get("/api/v1/rounds/%d" % yid)
        self.assertEqual(p.status, 200, p)
        self.assertEqual(p.json["complaints"][0]["text"], "Khiếu nại riêng")
        self.assertEqual(p.json["actions"], [])
        s = self.as_("supervisor").get("/api/v1/rounds/%d" % yid)
        self.assertEqual(s.status, 200, s)
        self.assertIsNone(s.json["complaints"][0]["text"])
        self.assertIsNone(s.json["complaints"][0]["household_id"])
        self.assertNotIn("Y1", s.text)
        self.assertNotIn("Khiếu nại riêng", s.text)
        self.assertEqual(self.act(self.as_("supervisor"), yid, "start_posting",
                                  start="2024-11-20").status, 403)
        # CSRF as everywhere
        r = oy.request("POST", "/api/v1/rounds/%d/actions" % yid,
                       body={"action": "start_survey"}, csrf=False)
        self.assertEqual((r.status, r.json["error"]), (403, "csrf"))
        # the chair of Y may not approve while a complaint waits
        r = self.act(self.as_("chair_y"), yid, "approve", decision_no="1", decision_date="2024-12-01")
        self.assertEqual((r.status, r.json["error"]), (409, "state"))


if __name__ == "__main__":
    g.main()
