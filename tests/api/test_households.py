"""test_households.py - households and reviews over the API: personal-data
gating per role, id-number redaction, review validation (422 naming each
field), the class computed by the year's standard, transitions, the audit
history on the household page, create/replace, search, locked lists."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402


class Households(unittest.TestCase):
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

    def test_aggregates_only_roles(self):
        personal = [(m, p) for m, p, flags, _ in g.routes() if "personal" in flags]
        self.assertGreaterEqual(len(personal), 5)
        for user in ("ministry", "supervisor", "admin"):
            c = self.as_(user)
            for method, pattern in personal:
                path = pattern.replace("{id}", "X1").replace("{year}", "2025")
                body = None if method == "GET" else g.review_body()
                r = c.request(method, path, body=body)
                self.assertEqual(r.status, 403, "%s %s %s: %r" % (user, method, path, r))
                self.assertEqual(r.json["error"], "aggregates only")
                self.assertNotIn("Nguyễn Văn An", r.text)
            me = c.get("/api/v1/me")
            self.assertEqual(me.status, 200)
            self.assertFalse(me.json["user"]["permissions"]["read_personal"])
            # units are not personal: the whole country from the top
            r = c.get("/api/v1/units")
            self.assertEqual(r.status, 200, r)
            self.assertIsNone(r.json["parent"])
            self.assertEqual([u["code"] for u in r.json["units"]], ["01"])

    def test_id_numbers_by_role(self):
        body = g.review_body()
        body["id_number"] = "001234567890"
        r = self.as_("officer_x").put("/api/v1/households/X2/reviews/2023", body)
        self.assertEqual(r.status, 200, r)
        for user, sees in (("officer_x", True), ("collab_x", True), ("chair_x", True),
                           ("district", False), ("province", False)):
            c = self.as_(user)
            r = c.get("/api/v1/households/X2")
            self.assertEqual(r.status, 200, "%s: %r" % (user, r))
            self.assertEqual(r.json["household"]["head_name"], "Trần Thị Hoa")
            review = [x for x in r.json["reviews"] if x["year"] == 2023][0]
            if sees:
                self.assertEqual(review["id_number"], "001234567890")
            else:
                self.assertIsNone(review["id_number"])
                # nor in the audit history
                self.assertNotIn("001234567890", r.text)

    def test_read_only_and_non_writing_roles(self):
        for user in ("district", "province"):
            c = self.as_(user)
            r = c.put("/api/v1/households/X1/reviews/2025", g.review_body())
            self.assertEqual(r.status, 403, "%s: %r" % (user, r))
            r = c.post("/api/v1/households", {"unit_code": "00001"})
            self.assertEqual(r.status, 403)

    def test_review_validation_names_fields(self):
        c = self.as_("officer_x")
        before = c.get("/api/v1/households/X1").json["reviews"]
        body = g.review_body()
        body.update({"members": 0, "income": "1,5 triệu", "d_water": 2, "head_sex": "X",
                     "head_birth_year": 85, "id_number": "123", "causes": ["land", "luck"],
                     "score_b": 10, "area": "city", "merit": "maybe", "nonsense": 1})
        del body["d_sanitation"]
        r = c.put("/api/v1/households/X1/reviews/2025", body)
        self.assertEqual(r.status, 422, r)
        self.assertEqual(r.json["error"], "invalid")
        fields = r.json["fields"]
        for f in ("members", "income", "d_water", "d_sanitation", "head_sex",
                  "head_birth_year", "id_number", "causes", "area", "merit", "nonsense"):
            self.assertIn(f, fields, "no message for %s: %s" % (f, fields))
        # Vietnamese by default
        r = c.put("/api/v1/households/X1/reviews/2025", body,
                  headers={"Accept-Language": "vi"})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json["fields"]["members"], "Số nhân khẩu phải là số nguyên, ít nhất 1")
        # neither income nor score_a
        body = g.review_body()
        del body["income"]
        r = c.put("/api/v1/households/X1/reviews/2025", body)
        self.assertEqual(r.status, 422)
        self.assertIn("income", r.json["fields"])
        # score_b must agree with the flags
        body = g.review_body()
        body["score_b"] = 20
        r = c.put("/api/v1/households/X1/reviews/2025", body)
        self.assertEqual(r.status, 422)
        self.assertIn("score_b", r.json["fields"])
        # a year without a standard; a year that is not one
        r = c.put("/api/v1/households/X1/reviews/2015", g.review_body())
        self.assertEqual(r.status, 422)
        self.assertIn("year", r.json["fields"])
        self.assertEqual(c.put("/api/v1/households/X1/reviews/20x5", g.review_body()).status, 404)
        # wrong types and bad JSON
        r = c.put("/api/v1/households/X1/reviews/2025", [1, 2])
        self.assertEqual(r.status, 400)
        body = g.review_body()
        body["members"] = {"n": 4}
        r = c.put("/api/v1/households/X1/reviews/2025", body)
        self.assertEqual(r.status, 422)
        self.assertIn("members", r.json["fields"])
        # nothing was stored
        self.assertEqual(c.get("/api/v1/households/X1").json["reviews"], before)

    def test_class_and_transition_computed(self):
        c = self.as_("officer_x")
        # income at the rural line (1,500,000) with 3 deprivations: POOR
        r = c.put("/api/v1/households/X2/reviews/2025", g.review_body(1500000))
        self.assertEqual(r.status, 200, r)
        rv = r.json["review"]
        self.assertEqual(rv["class"], "POOR")
        self.assertEqual(rv["deprivations_count"], 3)
        self.assertEqual(rv["score_b"], 30)
        self.assertEqual(rv["transition"], "new_poor")  # X2 was NOT_POOR in 2024
        self.assertEqual(rv["standard"], "2022-2025")
        self.assertTrue(rv["d_employment"])
        self.assertFalse(rv["d_water"])
        # dotted money, two flags: NEAR_POOR
        body = g.review_body("1.500.000", ("d_water", "d_sanitation"))
        r = c.put("/api/v1/households/X2/reviews/2025", body)
        self.assertEqual(r.json["review"]["class"], "NEAR_POOR")
        self.assertEqual(r.json["review"]["income"], 1500000)
        self.assertEqual(r.json["review"]["transition"], "new_near")
        # one dong above the line: AVERAGE
        r = c.put("/api/v1/households/X2/reviews/2025", g.review_body(1500001))
        self.assertEqual(r.json["review"]["class"], "AVERAGE")
        # X1 was POOR in 2024 and escapes
        r = c.put("/api/v1/households/X1/reviews/2025", g.review_body(5000000))
        self.assertEqual(r.json["review"]["class"], "NOT_POOR")
        self.assertEqual(r.json["review"]["transition"], "escaped_poor")
        # score A instead of income (rural cut-off 140)
        body = g.review_body()
        del body["income"]
        body["score_a"] = 120.5
        r = c.put("/api/v1/households/OLD1/reviews/2025", body)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["review"]["class"], "POOR")
        self.assertEqual(r.json["review"]["score_a"], 120.5)
        self.assertEqual(r.json["review"]["transition"], "remain_poor")
        # area override: urban line is 2,000,000
        body = g.review_body(1800000)
        body["area"] = "urban"
        r = c.put("/api/v1/households/X2/reviews/2024", body)
        self.assertEqual(r.json["review"]["class"], "POOR")
        self.assertEqual(r.json["review"]["area"], "urban")

    def test_history_on_household_page(self):
        c = self.as_("chair_x")
        body = g.review_body(1400000)
        body["support_needs"] = "Vay vốn"
        r = c.put("/api/v1/households/X1/reviews/2024", body)
        self.assertEqual(r.status, 200, r)
        body["members"] = 5
        self.assertEqual(c.put("/api/v1/households/X1/reviews/2024", body).status, 200)
        page = c.get("/api/v1/households/X1")
        self.assertEqual(page.status, 200)
        hist = page.json["history"]
        self.assertTrue(hist, page)
        members = [h for h in hist if h["record_key"] == "X1/2024" and h["field"] == "members"]
        self.assertTrue(members, hist)
        self.assertEqual(members[0]["old"], "4")
        self.assertEqual(members[0]["new"], "5")
        self.assertEqual(members[0]["user"], "chair_x")
        ids = [h["id"] for h in hist]
        self.assertEqual(ids, sorted(ids, reverse=True))  # newest first

    def test_create_replace_and_search(self):
        c = self.as_("officer_x")
        body = {"unit_code": "V001", "village": "Thôn Một", "head_name": "Đặng Thị Đức",
                "address": "Số 1", "members": [
                    {"name": "Đặng Thị Đức", "sex": "F", "birth_year": 1970,
                     "relation": "chủ hộ", "id_number": "012345678901",
                     "health_insurance": True},
                    {"name": "Đặng Văn Con", "sex": "M", "birth_year": 2010}]}
        r = c.post("/api/v1/households", body)
        self.assertEqual(r.status, 201, r)
        hid = r.json["household"]["id"]
        self.assertEqual(r.headers.get("Location"), "/api/v1/households/" + hid)
        self.assertEqual(len(r.json["household"]["members"]), 2)
        self.assertEqual(r.json["household"]["members"][0]["id_number"], "012345678901")
        # search, diacritics-insensitive
        r = c.get("/api/v1/households?q=duc")
        self.assertIn(hid, [x["id"] for x in r.json["rows"]])
        # replace
        body["head_name"] = "Đặng Thị Đức Mới"
        body["members"] = body["members"][:1]
        r = c.put("/api/v1/households/" + hid, body)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["household"]["head_name"], "Đặng Thị Đức Mới")
        self.assertEqual(len(r.json["household"]["members"]), 1)
        # bad forms name their fields
        bad = {"unit_code": "00002", "members": [{"sex": "Q", "birth_year": 3000,
                                                  "id_number": "12", "x": 1}],
               "id": "X1", "extra": True}
        r = c.post("/api/v1/households", bad)
        self.assertEqual(r.status, 422, r)
        for f in ("unit_code", "members.0.sex", "members.0.birth_year",
                  "members.0.id_number", "members.0.x", "id", "extra"):
            self.assertIn(f, r.json["fields"])
        r = c.post("/api/v1/households", {"unit_code": "01"})
        self.assertEqual(r.status, 422)
        # moving a household out of scope is refused
        r = c.put("/api/v1/households/" + hid, {"unit_code": "00002"})
        self.assertEqual(r.status, 422)
        self.assertIn("unit_code", r.json["fields"])

    def test_list_filters(self):
        c = self.as_("province")
        r = c.get("/api/v1/households?year=2024&class=POOR&limit=500")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(all(x["class"] == "POOR" for x in r.json["rows"]))
        r = c.get("/api/v1/households?unit=00002")
        self.assertEqual(sorted(x["id"] for x in r.json["rows"]), ["Y1", "Y2"])
        self.assertEqual(r.json["total"], 2)
        r = c.get("/api/v1/households?unit=00002&limit=1&offset=1")
        self.assertEqual(r.json["total"], 2)
        self.assertEqual(len(r.json["rows"]), 1)
        for q in ("class=RICH", "limit=0", "limit=x", "offset=-1", "year=20"):
            self.assertEqual(c.get("/api/v1/households?" + q).status, 400, q)

    def test_locked_review(self):
        c = self.as_("officer_x")
        self.db.sql("UPDATE reviews SET status = 'locked' WHERE household_id = 'X1' AND year = 2024")
        try:
            r = c.put("/api/v1/households/X1/reviews/2024", g.review_body())
            self.assertEqual(r.status, 409, r)
            self.assertEqual(r.json["error"], "locked")
        finally:
            self.db.sql("UPDATE reviews SET status = 'draft' WHERE household_id = 'X1' AND year = 2024")

    def test_concurrent_requests(self):
        """Reads and writes from several connections at once (each worker
        thread has its own store): every answer is right."""
        import threading
        errors = []

        def worker(n):
            try:
                c = g.Client(self.srv)
                if c.login("officer_x" if n % 2 else "collab_x").status != 200:
                    errors.append("login")
                    return
                for i in range(15):
                    r = c.get("/api/v1/households/X2")
                    if r.status != 200:
                        errors.append("get %d" % r.status)
                    r = c.get("/api/v1/households?limit=10")
                    if r.status != 200:
                        errors.append("list %d" % r.status)
                    body = g.review_body(1000000 + 1000 * (n * 100 + i))
                    r = c.put("/api/v1/households/X2/reviews/2022", body)
                    if r.status != 200:
                        errors.append("put %d %s" % (r.status, r.text[:200]))
                c.close()
            except Exception as e:  # noqa: BLE001
                errors.append(repr(e))
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])

    def test_maps(self):
        c = self.as_("officer_x")
        r = c.get("/api/v1/maps")
        self.assertEqual(r.status, 200, r)
        dates = [m["date"] for m in r.json["maps"]]
        self.assertEqual(dates, ["2024-12-31", "2025-12-31"])
        r = c.get("/api/v1/maps", headers={"Accept-Language": "vi"})
        self.assertEqual(r.json["maps"][1]["label"], "Bản đồ 2025")


if __name__ == "__main__":
    g.main()
