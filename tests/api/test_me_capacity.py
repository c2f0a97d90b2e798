"""test_me_capacity.py - capacity building (training, DA7.1) and inspections
over the API (docs/api.md, "Monitoring and evaluation: capacity").

Training: a class with its participants, the same person in a second class
counted once (distinct people), a person typed again picked, not
re-created; women, roles, staff counts and the share of poverty-reduction
staff trained; a pasted CSV list, all or nothing with line and column;
bad fields (end before start...) answer 422 naming them.

Inspections: the province's mission over communes X and Y with a
recommendation past due for X: overdue for X's officer and for the
province, not for Y's officer, who sees only Y's part of the mission; the
report due 15 working days after the mission's end (over 30/4-1/5 2025 and
its make-up Saturday); status transitions open -> in progress -> resolved
with a date, a note and a file, and back; 403 for the supervisor's writes.

GNBV_TODAY is 2025-12-31.
"""
import base64
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

X, Y, P = "00001", "00002", "01"
API = "/api/v1/me"


def person(name, sex, unit, **kw):
    d = {"full_name": name, "sex": sex, "unit_code": unit}
    d.update(kw)
    return d


class Capacity(unittest.TestCase):
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

    def count(self, table):
        import sqlite3
        con = sqlite3.connect(self.db.path)
        try:
            return con.execute("SELECT count(*) FROM " + table).fetchone()[0]
        finally:
            con.close()

    # ---- training ----------------------------------------------------------------

    def test_class_with_participants_counts_people_once(self):
        x = self.as_("officer_x")
        body = {"kind": "training", "title": "Tập huấn nghiệp vụ giảm nghèo 2025",
                "unit_code": X, "place": "Hội trường UBND xã", "start_date": "2025-03-10",
                "end_date": "11/03/2025", "topics": "Rà soát hộ nghèo\nChính sách",
                "funding": 12500000,
                "participants": [
                    person("Lò Thị Mai", "F", X, birth_year=1985,
                           position="cán bộ giảm nghèo xã", staff=True),
                    person("Quàng Văn Sáu", "M", "V001", position="trưởng thôn", staff=True)]}
        r = x.post(API + "/training/classes", body)
        self.assertEqual(r.status, 201, r)
        k = r.json["class"]
        self.assertEqual((k["kind"], k["level"], k["days"], k["project"], k["funding"],
                          k["participants"], k["unit_name"]),
                         ("training", "commune", 2, "DA7.1", 12500000, 2, "Xã An"))
        self.assertEqual(r.json["added"], 2)
        self.assertTrue(r.headers["Location"].endswith("/training/classes/%d" % k["id"]))
        people = {p["full_name"]: p for p in r.json["participants"]}
        mai = people["Lò Thị Mai"]
        self.assertEqual((mai["sex"], mai["birth_year"], mai["staff"]), ("F", 1985, True))
        self.assertEqual([h["field"] for h in r.json["history"]][-1], "created")
        self.assertIn("participant", [h["field"] for h in r.json["history"]])

        # a half-day conference: Mai picked by id, Sáu typed again (no year:
        # the one Sáu of V001 is picked, not registered twice)
        r = x.post(API + "/training/classes", {
            "kind": "conference", "title": "Hội nghị sơ kết", "unit_code": X,
            "start_date": "2025-06-02", "end_date": "2025-06-02", "days": 0.5,
            "participants": [{"person_id": mai["id"]},
                             person("quàng văn sáu", "M", "V001"),
                             person("Đinh Thị Hoa", "F", X, position="cộng tác viên")]})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["class"]["days"], 0.5)
        self.assertEqual(self.count("training_persons"), 3)
        ids = sorted(p["id"] for p in r.json["participants"])
        self.assertIn(mai["id"], ids)
        self.assertIn(people["Quàng Văn Sáu"]["id"], ids)

        # the same person twice in one list: 422 naming the second
        r = x.post(API + "/training/classes", {
            "kind": "training", "title": "Lớp 3", "unit_code": X,
            "start_date": "2025-07-01", "end_date": "2025-07-01",
            "participants": [{"person_id": mai["id"]}, {"person_id": mai["id"]}]})
        self.assertEqual(r.status, 422, r)
        self.assertEqual(list(r.json["fields"]), ["participants[1]"])

        # staff of the commune itself and of its village
        self.assertEqual(x.put(API + "/training/staff",
                               {"unit_code": X, "year": 2025, "staff": 3}).status, 200)
        self.assertEqual(x.put(API + "/training/staff",
                               {"unit_code": "V001", "year": 2025, "staff": 1}).status, 200)
        r = x.get(API + "/training/summary?year=2025")
        self.assertEqual(r.status, 200, r)
        s = r.json
        self.assertEqual((s["unit"]["code"], s["organised"]["classes"], s["organised"]["days"],
                          s["organised"]["funding"]), (X, 2, 2.5, 12500000))
        self.assertEqual((s["attendances"], s["people"], s["women"], s["classes_attended"]),
                         (5, 3, 2, 2))
        self.assertEqual(s["women_percent"], 66.67)
        # staff: Mai and Sáu trained of 3 + 1
        self.assertEqual((s["staff"]["trained"], s["staff"]["total"], s["staff"]["share_percent"],
                          s["target_percent"]), (2, 4, 50.0, 100))
        roles = {p["position"]: p["people"] for p in s["positions"]}
        self.assertEqual(roles, {"cán bộ giảm nghèo xã": 1, "trưởng thôn": 1, "cộng tác viên": 1})
        kinds = {k["kind"]: (k["organised"], k["attendances"], k["people"]) for k in s["by_kind"]}
        self.assertEqual(kinds["training"], (1, 2, 2))
        self.assertEqual(kinds["conference"], (1, 3, 3))
        self.assertEqual([c["code"] for c in s["children"]], ["V001"])
        self.assertEqual(s["children"][0]["people"], 1)

        # the province sees the commune's people among its own
        p = self.as_("province")
        r = p.get(API + "/training/summary?year=2025")
        self.assertEqual((r.json["unit"]["code"], r.json["people"], r.json["staff"]["total"]),
                         (P, 3, 4))
        kids = {c["code"]: c for c in r.json["children"]}
        self.assertEqual((kids[X]["people"], kids[X]["share_percent"]), (3, 50.0))
        self.assertEqual(kids[Y]["people"], 0)
        self.assertIsNone(kids[Y]["share_percent"])
        # another year: nothing
        self.assertEqual(p.get(API + "/training/summary?year=2024").json["people"], 0)

        # commune Y sees none of it
        y = self.as_("officer_y")
        self.assertEqual(y.get(API + "/training/summary?year=2025").json["people"], 0)
        self.assertEqual(y.get(API + "/training/classes/%d" % k["id"]).status, 404)
        self.assertEqual(y.get(API + "/training/classes?year=2025").json["classes"], [])
        self.assertEqual(y.get(API + "/training/persons?q=mai").json["persons"], [])
        self.assertEqual(y.get(API + "/training/summary?unit=" + X).status, 404)
        r = y.post(API + "/training/classes/%d/participants" % k["id"],
                   {"participants": [person("Lê Y", "M", Y)]})
        self.assertEqual(r.status, 404, r)
        r = y.put(API + "/training/classes/%d" % k["id"], body)
        self.assertEqual(r.status, 404, r)
        r = y.request("DELETE", API + "/training/classes/%d/participants/%d" % (k["id"], mai["id"]))
        self.assertEqual(r.status, 404, r)
        for path in ("/training/persons?unit=" + X, "/training/staff?unit=" + X,
                     "/training/classes?unit=" + X, "/inspections/missions?unit=" + X,
                     "/inspections/recommendations?unit=" + X):
            self.assertEqual(y.get(API + path).status, 404, path)
        r = y.put(API + "/training/persons/%d" % mai["id"], person("Lò Thị Mai", "F", Y))
        self.assertEqual(r.status, 404, r)
        r = y.put(API + "/training/staff", {"unit_code": X, "year": 2025, "staff": 9})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["unit_code"]), r)
        # the organiser corrects the class: audited field by field
        fixed = dict(body, title="Tập huấn nghiệp vụ giảm nghèo năm 2025", funding=None)
        del fixed["participants"]
        r = x.put(API + "/training/classes/%d" % k["id"], fixed)
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["class"]["title"], r.json["class"]["funding"],
                          r.json["class"]["participants"]),
                         ("Tập huấn nghiệp vụ giảm nghèo năm 2025", None, 2))
        changed = {h["field"]: (h["old"], h["new"]) for h in r.json["history"]}
        self.assertEqual(changed["title"], ("Tập huấn nghiệp vụ giảm nghèo 2025",
                                            "Tập huấn nghiệp vụ giảm nghèo năm 2025"))
        self.assertEqual(changed["funding"], ("12500000", None))
        # search by name, without diacritics
        r = x.get(API + "/training/persons?q=quang%20van%20sau")
        self.assertEqual([q["full_name"] for q in r.json["persons"]], ["Quàng Văn Sáu"])
        # the same name and year registered again: 409 with the id
        r = x.post(API + "/training/persons", person("LÒ THỊ MAI", "F", X, birth_year=1985))
        self.assertEqual((r.status, r.json["error"], r.json["id"]), (409, "exists", mai["id"]))
        # the supervisor reads, without years of birth, and may not write
        sup = self.as_("supervisor")
        r = sup.get(API + "/training/classes/%d" % k["id"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(all(q["birth_year"] is None for q in r.json["participants"]))
        r = sup.post(API + "/training/classes", body)
        self.assertEqual(r.status, 403, r)

    def test_class_fields_refused(self):
        x = self.as_("officer_x")
        n = self.count("training_classes")
        r = x.post(API + "/training/classes", {
            "kind": "party", "title": "", "unit_code": Y, "start_date": "2025-05-10",
            "end_date": "2025-05-09", "days": 0.3, "project": "DA9", "colour": "red"})
        self.assertEqual(r.status, 422, r)
        self.assertEqual(set(r.json["fields"]),
                         {"kind", "title", "unit_code", "end_date", "days", "project", "colour"})
        r = x.post(API + "/training/classes", {
            "kind": "training", "title": "Lớp", "unit_code": X, "start_date": "2025-05-10",
            "end_date": "2025-05-11", "days": 3})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["days"]))
        r = x.post(API + "/training/classes", {
            "kind": "training", "title": "Lớp", "unit_code": X, "start_date": "2026-02-01",
            "end_date": "2026-02-02"})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["start_date"]))
        r = x.post(API + "/training/classes", {
            "kind": "study_tour", "title": "Tham quan", "unit_code": X,
            "start_date": "2025-05-10", "end_date": "2025-05-12",
            "participants": [person("A", "X", Y, birth_year=1800)]})
        self.assertEqual(r.status, 422, r)
        self.assertEqual(set(r.json["fields"]), {"participants[0].sex", "participants[0].unit_code",
                                                 "participants[0].birth_year"})
        self.assertEqual(self.count("training_classes"), n)

    def test_pasted_list_all_or_nothing(self):
        x = self.as_("officer_x")
        r = x.post(API + "/training/classes", {
            "kind": "training", "title": "Lớp dán danh sách", "unit_code": X,
            "start_date": "2025-09-15", "end_date": "2025-09-16"})
        self.assertEqual(r.status, 201, r)
        cid = r.json["class"]["id"]
        persons = self.count("training_persons")
        bad = ("full_name,sex,birth_year,unit_code,position,staff\n"
               "Hà Văn Một,Nam,1979,00001,trưởng thôn,có\n"
               "Hà Thị Hai,Nữ,19x0,00001,,\n"
               "Hà Văn Ba,?,1990,00002,,1\n")
        r = x.post(API + "/training/classes/%d/participants" % cid, {"participants_csv": bad})
        self.assertEqual(r.status, 422, r)
        errs = sorted((e["line"], e["column"]) for e in r.json["errors"])
        self.assertEqual(errs, [(3, "birth_year"), (4, "sex")])
        self.assertIn("participants_csv", r.json["fields"])
        self.assertEqual(self.count("training_persons"), persons)
        # a unit out of the area is refused with its line too
        r = x.post(API + "/training/classes/%d/participants" % cid, {"participants_csv":
                   "full_name,sex,unit_code\nHà Văn Ba,M,00002\n"})
        self.assertEqual(r.status, 422, r)
        self.assertEqual([(e["line"], e["column"]) for e in r.json["errors"]], [(2, "unit_code")])
        good = ("full_name,sex,birth_year,unit_code,position,staff\n"
                "Hà Văn Một,Nam,1979,00001,trưởng thôn,có\n"
                "Hà Thị Hai,Nữ,1980,V001,,\n")
        r = x.post(API + "/training/classes/%d/participants" % cid, {"participants_csv": good})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["added"], r.json["class"]["participants"]), (2, 2))
        # pasted again: nobody twice
        r = x.post(API + "/training/classes/%d/participants" % cid, {"participants_csv": good})
        self.assertEqual((r.status, r.json["added"], r.json["already"]), (200, 0, 2))
        self.assertEqual(self.count("training_persons"), persons + 2)
        # removing one
        pid = r.json["participants"][0]["id"]
        r = x.request("DELETE", API + "/training/classes/%d/participants/%d" % (cid, pid))
        self.assertEqual((r.status, r.json["class"]["participants"]), (200, 1))
        r = x.request("DELETE", API + "/training/classes/%d/participants/%d" % (cid, pid))
        self.assertEqual(r.status, 404)

    # ---- inspections -------------------------------------------------------------------

    def mission(self, c, **kw):
        body = {"kind": "monitoring", "name": "Giám sát thực hiện Chương trình năm 2025",
                "decision_no": "45/QĐ-UBND", "unit_code": P, "start_date": "2025-10-06",
                "end_date": "2025-10-10", "team": "Trần Thị Bình (trưởng đoàn)\nLê Văn C",
                "units": [X, Y],
                "findings": [{"unit_code": X, "text": "Hồ sơ rà soát thiếu biên bản họp thôn"},
                             {"unit_code": Y, "text": "Chậm giải ngân Dự án 2"},
                             "Sổ theo dõi chưa cập nhật"],
                "recommendations": [
                    {"text": "Bổ sung biên bản họp thôn", "unit_code": X,
                     "due_date": "2025-11-30"},
                    {"text": "Đẩy nhanh giải ngân", "unit_code": Y, "due_date": "2026-03-01"}]}
        body.update(kw)
        return c.post(API + "/inspections/missions", body)

    def test_recommendation_overdue_for_unit_and_parents(self):
        p = self.as_("province")
        r = self.mission(p)
        self.assertEqual(r.status, 201, r)
        m = r.json["mission"]
        # Friday 10/10/2025 + 15 working days = Friday 31/10/2025
        self.assertEqual((m["report_due"], m["report_late"], m["report_date"]),
                         ("2025-10-31", True, None))
        self.assertEqual(m["recommendations"]["overdue"], 1)
        self.assertEqual(len(r.json["findings"]), 3)
        rx = [k for k in r.json["recommendations"] if k["unit_code"] == X][0]
        self.assertEqual((rx["overdue"], rx["days_late"], rx["status"]), (True, 31, "open"))

        # overdue on X's dashboard list, and on the province's
        x = self.as_("officer_x")
        r = x.get(API + "/inspections/recommendations?overdue=1")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([k["id"] for k in r.json["recommendations"]], [rx["id"]])
        self.assertEqual((r.json["counts"]["overdue"], r.json["counts"]["unresolved"]), (1, 1))
        self.assertEqual(r.json["recommendations"][0]["mission"]["id"], m["id"])
        r = p.get(API + "/inspections/recommendations?overdue=1")
        self.assertEqual([k["id"] for k in r.json["recommendations"]], [rx["id"]])
        self.assertEqual(r.json["counts"]["unresolved"], 2)
        # not on Y's: its own recommendation is not due yet
        y = self.as_("officer_y")
        r = y.get(API + "/inspections/recommendations?overdue=1")
        self.assertEqual((r.json["recommendations"], r.json["counts"]["overdue"],
                          r.json["counts"]["unresolved"]), ([], 0, 1))
        # Y sees its part of the mission only
        r = y.get(API + "/inspections/missions/%d" % m["id"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual([u["code"] for u in r.json["mission"]["units"]], [Y])
        self.assertEqual([k["unit_code"] for k in r.json["recommendations"]], [Y])
        self.assertEqual([f["text"] for f in r.json["findings"]],
                         ["Chậm giải ngân Dự án 2", "Sổ theo dõi chưa cập nhật"])
        self.assertNotIn("Xã An", r.text)
        self.assertNotIn("history", r.json)
        self.assertEqual(r.json["mission"]["team"], "")
        self.assertEqual(y.get(API + "/inspections/recommendations/%d" % rx["id"] + "/evidence").status, 404)
        # and cannot write it
        self.assertEqual(y.put(API + "/inspections/missions/%d" % m["id"], {}).status, 403)
        r = y.post(API + "/inspections/missions/%d/recommendations" % m["id"],
                   {"text": "x", "unit_code": Y, "due_date": "2026-01-31"})
        self.assertEqual(r.status, 403, r)
        r = y.post(API + "/inspections/recommendations/%d/status" % rx["id"], {"status": "in_progress"})
        self.assertEqual(r.status, 404, r)
        # the report submitted on 30/10: on time
        r = p.put(API + "/inspections/missions/%d" % m["id"], {
            "kind": "monitoring", "name": m["name"], "decision_no": m["decision_no"],
            "unit_code": P, "start_date": m["start_date"], "end_date": m["end_date"],
            "team": m["team"], "units": [X, Y], "report_date": "2025-10-30"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["mission"]["report_date"], r.json["mission"]["report_late"]),
                         ("2025-10-30", False))
        self.assertEqual(len(r.json["findings"]), 3)  # not given: kept
        self.assertIn("report_date", [h["field"] for h in r.json["history"]])

    def test_report_due_over_holidays(self):
        p = self.as_("province")
        # Friday 25/4/2025: Saturday 26/4 is worked (make-up day), 30/4, 1/5
        # and 2/5 are off: the 15th working day is Tuesday 20/5/2025
        r = self.mission(p, start_date="2025-04-21", end_date="2025-04-25", recommendations=[],
                         findings=[])
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["mission"]["report_due"], "2025-05-20")
        # Tết 2025 (27/1-31/1 off, with the weekends 25/1-2/2): a mission ending
        # Friday 24/1 has its report due Friday 21/2 (14/2 without the holidays)
        r = self.mission(p, start_date="2025-01-20", end_date="2025-01-24", recommendations=[],
                         findings=[])
        self.assertEqual(r.json["mission"]["report_due"], "2025-02-21")

    def test_status_transitions(self):
        p = self.as_("province")
        r = self.mission(p, name="Kiểm tra Dự án 7")
        self.assertEqual(r.status, 201, r)
        mid = r.json["mission"]["id"]
        rid = [k for k in r.json["recommendations"] if k["unit_code"] == X][0]["id"]
        url = API + "/inspections/recommendations/%d/status" % rid
        x = self.as_("officer_x")
        r = x.post(url, {"status": "in_progress", "evidence": "Đang bổ sung"})
        self.assertEqual((r.status, r.json["recommendation"]["status"]), (200, "in_progress"), r)
        self.assertTrue(r.json["recommendation"]["overdue"])
        # resolved needs a note; a date after today is refused
        r = x.post(url, {"status": "resolved", "evidence": ""})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["evidence"]), r)
        r = x.post(url, {"status": "resolved", "date": "2026-01-05", "evidence": "Đã bổ sung"})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["date"]), r)
        r = x.post(url, {"status": "done"})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["status"]), r)
        pdf = b"%PDF-1.4 bien ban\n"
        r = x.post(url, {"status": "resolved", "date": "20/12/2025",
                         "evidence": "Đã bổ sung biên bản họp 3 thôn",
                         "file": {"name": "biên bản.pdf",
                                  "data": base64.b64encode(pdf).decode()}})
        self.assertEqual(r.status, 200, r)
        rec = r.json["recommendation"]
        self.assertEqual((rec["status"], rec["resolved_date"], rec["overdue"], rec["days_late"],
                          rec["file"]["name"], rec["file"]["size"]),
                         ("resolved", "2025-12-20", False, 0, "biên bản.pdf", len(pdf)))
        r = x.get(API + "/inspections/recommendations/%d/evidence" % rid)
        self.assertEqual((r.status, r.raw), (200, pdf))
        self.assertEqual(r.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", r.headers["Content-Disposition"])
        # not on the overdue lists any more
        r = p.get(API + "/inspections/recommendations?overdue=1")
        self.assertNotIn(rid, [k["id"] for k in r.json["recommendations"]])
        # resolved -> open is not a move; back to in progress is
        r = x.post(url, {"status": "open"})
        self.assertEqual((r.status, r.json["error"]), (409, "state"), r)
        r = p.post(url, {"status": "in_progress", "evidence": "Biên bản chưa đủ chữ ký"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["recommendation"]["status"], r.json["recommendation"]["resolved_date"]),
                         ("in_progress", None))
        # a file of another kind is refused
        r = x.post(url, {"status": "in_progress",
                         "file": {"name": "x.exe", "data": base64.b64encode(b"MZ").decode()}})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["file"]), r)
        # only the inspecting unit changes the text; the supervisor nothing
        r = x.put(API + "/inspections/recommendations/%d" % rid,
                  {"text": "Khác", "unit_code": X, "due_date": "2025-12-31"})
        self.assertEqual(r.status, 403, r)
        r = p.put(API + "/inspections/recommendations/%d" % rid,
                  {"text": "Bổ sung biên bản họp thôn và danh sách", "unit_code": X,
                   "due_date": "2025-12-31"})
        self.assertEqual((r.status, r.json["recommendation"]["overdue"]), (200, False), r)
        sup = self.as_("supervisor")
        self.assertEqual(sup.post(url, {"status": "resolved", "evidence": "x"}).status, 403)
        self.assertEqual(sup.get(API + "/inspections/missions/%d" % mid).status, 200)
        # every change is in the history
        fields = [(h["entity"], h["field"]) for h in
                  p.get(API + "/inspections/missions/%d" % mid).json["history"]]
        for want in [("recommendation", "status"), ("recommendation", "resolved_date"),
                     ("recommendation", "evidence"), ("recommendation", "evidence_file"),
                     ("recommendation", "text"), ("recommendation", "due_date"),
                     ("mission", "created"), ("finding", "created")]:
            self.assertIn(want, fields)
        # a recommendation added later, due before the mission: refused
        r = p.post(API + "/inspections/missions/%d/recommendations" % mid,
                   {"text": "Sớm quá", "unit_code": X, "due_date": "2025-01-01"})
        self.assertEqual((r.status, list(r.json["fields"])), (422, ["due_date"]), r)
        r = p.post(API + "/inspections/missions/%d/recommendations" % mid,
                   {"text": "Báo cáo kết quả khắc phục", "unit_code": Y, "due_date": "2026-01-15"})
        self.assertEqual((r.status, len(r.json["recommendations"])), (201, 3), r)

    def test_mission_fields_refused(self):
        p = self.as_("province")
        n = self.count("inspection_missions")
        r = self.mission(p, kind="visit", end_date="2025-10-01", units=[], unit_code="99",
                         findings=[])
        self.assertEqual(r.status, 422, r)
        self.assertEqual(set(r.json["fields"]), {"kind", "end_date", "units", "unit_code"})
        x = self.as_("officer_x")
        # a commune may not record the province's mission, nor name Y
        r = self.mission(x)
        self.assertEqual(r.status, 422, r)
        self.assertIn("unit_code", r.json["fields"])
        self.assertIn("units[1]", r.json["fields"])
        self.assertIn("recommendations[1].unit_code", r.json["fields"])
        self.assertEqual(self.count("inspection_missions"), n)
        self.assertEqual(self.as_("supervisor").post(API + "/inspections/missions", {}).status, 403)


if __name__ == "__main__":
    g.main()
