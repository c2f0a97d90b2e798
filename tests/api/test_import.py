"""test_import.py - imports and exports over the API: the preview (a dry run
listing every error with its line and column, nothing written), the
commit (all or nothing, only by the uploader, the dashboard following the
data as `gnbv summary` computes it on the same files), the caller's area
(a row outside it is an error naming its line; units and lineage files
change only the caller's part of the map), XLSX uploads (built here with
zipfile), and CSV exports by scope and role."""
import csv
import io
import os
import sys
import tempfile
import unittest
import urllib.parse
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

HEADER = "household_id,year,unit_code,village,members,income,head_name," + g.FLAGS

# New households of commune X (00001 and its village V001), with their
# expected classes (rural line 1,500,000: poor with 3 deprivations or
# more, near-poor with fewer):
#   N1 POOR in 2023, NEAR_POOR in 2024 (poor_to_near: escaped poor)
#   N2 POOR in 2024 (new_poor); N3 POOR in 2022 and 2024 (re_poor)
#   X2 replaced in 2024: NOT_POOR -> POOR
GOOD = (HEADER + "\n"
        "N1,2023,00001,,3,1200000,Đỗ Thị Một,1,1,1,0,0,0,0,0,0,0,0,0\n"
        "N1,2024,00001,,3,1400000,Đỗ Thị Một,1,0,0,0,0,0,0,0,0,0,0,0\n"
        "N2,2024,V001,Thôn Một,5,900000,Vũ Văn Hai,1,1,1,1,0,0,0,0,0,0,0,0\n"
        "N3,2022,00001,,2,1000000,Lý Thị Ba,1,1,1,0,0,0,0,0,0,0,0,0\n"
        "N3,2024,00001,,2,1000000,Lý Thị Ba,1,1,1,0,0,0,0,0,0,0,0,0\n"
        "X2,2024,V001,,3,1400000,Trần Thị Hoa,1,1,1,0,0,0,0,0,0,0,0,0\n")
GOOD_ROWS = 6

POPULATION = "unit_code,year,households,persons\n00001,2024,40,150\n00002,2024,25,90\n"


def errors_at(r):
    return {(e["line"], e["column"]) for e in r.json["errors"]}


def xlsx(rows):
    """A minimal workbook (one sheet, inline strings and numbers) made with
    zipfile alone, as a spreadsheet program would save it."""
    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s
    sheet = []
    for n, row in enumerate(rows, start=1):
        cells = []
        for i, v in enumerate(row):
            ref = "%s%d" % (col(i), n)
            if v is None or v == "":
                continue
            if isinstance(v, int):
                cells.append('<c r="%s"><v>%d</v></c>' % (ref, v))
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
        sheet.append('<row r="%d">%s</row>' % (n, "".join(cells)))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>' % rel,
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
            '<sheet name="Hộ" sheetId="1" r:id="rId1"/></sheets></workbook>' % (main, rel),
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>' % rel,
        "xl/worksheets/sheet1.xml":
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (main, "".join(sheet)),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


class Base(unittest.TestCase):
    def as_(self, user):
        c = g.Client(self.srv)
        self.addCleanup(c.close)
        r = c.login(user)
        self.assertEqual(r.status, 200, r)
        return c

    def preview(self, c, kind, text, filename="x.csv", **kw):
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        q = urllib.parse.urlencode({"kind": kind, "filename": filename})
        return c.post("/api/v1/imports?" + q, raw=data, **kw)

    def total(self, c, q=""):
        r = c.get("/api/v1/households?limit=1" + q)
        self.assertEqual(r.status, 200, r)
        return r.json["total"]

    def data_tables(self):
        """The database without sessions and uploads: what an import may
        not change before its commit."""
        return self.db.dump(skip=("sessions", "login_failures", "uploads"))


class Preview(Base):
    """Previews only: one database for the class, never changed."""

    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        cls.srv = g.Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def test_good_file(self):
        c = self.as_("officer_x")
        before, total = self.data_tables(), self.total(c)
        r = self.preview(c, "households", GOOD, filename="hộ 2024.csv")
        self.assertEqual(r.status, 200, r)
        j = r.json
        self.assertIsInstance(j["id"], int)
        self.assertEqual(j["kind"], "households")
        self.assertEqual(j["filename"], "hộ 2024.csv")
        self.assertEqual(j["rows"], GOOD_ROWS)
        self.assertEqual(j["errors"], [])
        self.assertFalse(j["truncated"])
        self.assertEqual(len(j["preview"]), GOOD_ROWS)
        first = j["preview"][0]
        self.assertEqual(first, {"household_id": "N1", "year": 2023, "unit_code": "00001",
                                 "head_name": "Đỗ Thị Một", "members": 3, "income": 1200000,
                                 "score_a": None, "class": "POOR"})
        self.assertEqual([p["class"] for p in j["preview"]],
                         ["POOR", "NEAR_POOR", "POOR", "POOR", "POOR", "POOR"])
        # nothing written
        self.assertEqual(self.total(c), total)
        self.assertEqual(self.data_tables(), before)
        self.assertEqual(c.get("/api/v1/households/N1").status, 404)

    def test_preview_shows_first_twenty_rows(self):
        c = self.as_("officer_x")
        lines = [HEADER] + ["P%02d,2024,00001,,2,3000000,Người %d,%s" % (i, i, ",".join("0" * 12))
                            for i in range(30)]
        r = self.preview(c, "households", "\n".join(lines) + "\n")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["rows"], 30)
        self.assertEqual([p["household_id"] for p in r.json["preview"]],
                         ["P%02d" % i for i in range(20)])

    def test_every_error_listed(self):
        c = self.as_("officer_x")
        before = self.db.dump(skip=("sessions", "login_failures"))  # uploads too
        bad = (HEADER + "\n"
               "B1,2024,00001,,3,1200000,Một,1,1,1,0,0,0,0,0,0,0,0,0\n"      # 2: fine
               "B2,2024,00001,,3,1200000,Hai,1,1,1,0,0,0,0,0,2,0,0,0\n"      # 3: d_water
               "B3,2024,00001,,0,1200000,Ba,1,1,1,0,0,0,0,0,0,0,0,0\n"       # 4: members
               "B4,2024,00099,,3,1200000,Bốn,1,1,1,0,0,0,0,0,0,0,0,0\n"      # 5: unit_code
               "B1,2024,00001,,3,1200000,Một,1,1,1,0,0,0,0,0,0,0,0,0\n"      # 6: repeat
               "B6,2024,00001,,3,nhiều,Sáu,1,1,1,0,0,0,0,0,0,0,0,0\n")       # 7: income
        r = self.preview(c, "households", bad)
        self.assertEqual(r.status, 200, r)
        j = r.json
        self.assertIsNone(j["id"])
        self.assertEqual(j["rows"], 6)
        got = errors_at(r)
        for want in ((3, "d_water"), (4, "members"), (5, "unit_code"), (6, "household_id"),
                     (7, "income")):
            self.assertIn(want, got, j["errors"])
        self.assertEqual(j["error_count"], len(j["errors"]))
        self.assertTrue(all(e["message"] for e in j["errors"]))
        # nothing written, not even the upload; no commit possible
        self.assertEqual(self.db.dump(skip=("sessions", "login_failures")), before)

    def test_errors_past_the_cap(self):
        c = self.as_("officer_x")
        lines = [HEADER] + ["T%04d,2024,00001,,0,1200000,Tên,%s" % (i, ",".join("0" * 12))
                            for i in range(1100)]
        r = self.preview(c, "households", "\n".join(lines) + "\n")
        self.assertEqual(r.status, 200, r)
        j = r.json
        self.assertTrue(j["truncated"])
        self.assertEqual(len(j["errors"]), 1000)
        self.assertGreaterEqual(j["error_count"], 1100)
        self.assertEqual(j["errors"][0]["line"], 2)
        self.assertEqual(j["errors"][999]["line"], 1001)

    def test_rows_outside_the_area(self):
        c = self.as_("officer_x")
        before = self.data_tables()
        text = (HEADER + "\n"
                "Z1,2024,00001,,3,1200000,Trong,1,1,1,0,0,0,0,0,0,0,0,0\n"
                "Z2,2024,00002,,3,1200000,Ngoài,1,1,1,0,0,0,0,0,0,0,0,0\n"   # Y's commune
                "Z3,2024,V002,,3,1200000,Ngoài,1,1,1,0,0,0,0,0,0,0,0,0\n"    # Y's village
                "Y1,2024,00001,,3,1200000,Chiếm,1,1,1,0,0,0,0,0,0,0,0,0\n")  # Y's household
        r = self.preview(c, "households", text)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(errors_at(r), {(3, "unit_code"), (4, "unit_code"), (5, "household_id")})
        for e in r.json["errors"]:
            self.assertIn("outside your area", e["message"])
        self.assertIsNone(r.json["id"])
        r = self.preview(c, "households", text, headers={"Accept-Language": "vi"})
        self.assertIn("ngoài phạm vi quản lý", r.json["errors"][0]["message"])
        # nothing of Y leaks through the preview but what the file said
        self.assertNotIn("Lê Thị Bình Yên", r.text)
        # population rows too
        r = self.preview(c, "population", POPULATION)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(errors_at(r), {(3, "unit_code")})
        self.assertEqual(self.data_tables(), before)
        # the district officer's area holds both
        r = self.preview(self.as_("district"), "households", text)
        self.assertEqual(r.json["errors"], [], r)

    def test_messages_in_the_request_language(self):
        """The readers' messages are English; a Vietnamese request gets them
        in Vietnamese, the quoted values of the file kept as they are."""
        c = self.as_("officer_x")
        vi = {"Accept-Language": "vi"}
        bad = (HEADER + "\n"
               "M1,2024,00001,,0,1200000,Một,1,1,1,0,0,0,0,0,0,0,0,0\n"      # 2: members
               "M2,2024,00001,,3,1200000,Hai,1,1,1,0,0,0,0,0,2,0,0,0\n"      # 3: d_water
               "M3,2024,0009\"9,,3,1200000,Ba,1,1,1,0,0,0,0,0,0,0,0,0\n"    # 4: quoting
               "M4,2024,00099,,3,nhiều,Bốn,1,1,1,0,0,0,0,0,0,0,0,0\n"        # 5: unit, income
               "M5,2024,00001,,3,1200000,Năm,1,1,1,0,0,0,0,0,0,0,0,0\n"      # 6: fine
               "M5,2024,00001,,3,1200000,Năm,1,1,1,0,0,0,0,0,0,0,0,0\n")     # 7: repeat

        def by_place(r):
            self.assertEqual(r.status, 200, r)
            return {(e["line"], e["column"]): e["message"] for e in r.json["errors"]}

        en = by_place(self.preview(c, "households", bad))
        self.assertEqual(en[(2, "members")],
                         'expected a whole number of members, at least 1, got "0"')
        got = by_place(self.preview(c, "households", bad, headers=vi))
        self.assertEqual(set(got), set(en))
        self.assertEqual(got[(2, "members")],
                         'số nhân khẩu phải là số nguyên, ít nhất là 1; nhận được "0"')
        self.assertEqual(got[(3, "d_water")], 'phải là 0 hoặc 1; nhận được "2"')
        self.assertEqual(got[(5, "unit_code")], 'không có đơn vị hành chính mã "00099"')
        self.assertIn('nhận được "nhiều"', got[(5, "income")])
        self.assertTrue(got[(4, "3")].startswith("sai dấu ngoặc kép"), got)
        self.assertEqual(got[(7, "household_id")],
                         'hộ "M5" đã có một dòng của năm 2024 (dòng 6)')
        # ?lang=en wins for English; every message of this file has a translation
        q = urllib.parse.urlencode({"kind": "households", "filename": "x.csv", "lang": "en"})
        r = c.post("/api/v1/imports?" + q, raw=bad.encode("utf-8"), headers=vi)
        self.assertEqual(by_place(r), en)
        for k, m in got.items():
            self.assertNotEqual(m, en[k], k)
        # a missing column; values of another file kind
        r = self.preview(c, "households", "household_id,year,unit_code,members\n", headers=vi)
        self.assertIn("không có cột income hoặc score_a",
                      " ".join(e["message"] for e in r.json["errors"]))
        r = self.preview(c, "population", "unit_code,year\n00001,2024\n", headers=vi)
        self.assertEqual(by_place(r)[(1, "households")], "thiếu cột bắt buộc")
        r = self.preview(c, "population", "unit_code,year,households\n00001,2024,nhiều\n",
                         headers=vi)
        self.assertEqual(by_place(r)[(2, "households")], 'phải là số nguyên; nhận được "nhiều"')
        r = self.preview(self.as_("province"), "units",
                         g.UNITS.replace(",commune,", ",xa,", 1), headers=vi)
        self.assertIn("nhận được \"xa\"", " ".join(e["message"] for e in r.json["errors"]))

    def test_a_later_review_of_another_area(self):
        """A household now of X whose stored review of a year was recorded
        on Y: the file may not replace that review."""
        c = self.as_("officer_x")
        self.db.sql("INSERT INTO reviews (household_id, year, unit_code, members, income, cls) "
                    "VALUES ('X1', 2023, '00002', 3, 1200000, 'POOR')")
        try:
            text = (HEADER + "\n"
                    "X1,2023,00001,,3,1200000,Nguyễn Văn An,1,1,1,0,0,0,0,0,0,0,0,0\n"
                    "X1,2024,00001,,3,1200000,Nguyễn Văn An,1,1,1,0,0,0,0,0,0,0,0,0\n")
            r = self.preview(c, "households", text)
            self.assertEqual(errors_at(r), {(2, "household_id")}, r)
        finally:
            self.db.sql("DELETE FROM reviews WHERE household_id = 'X1' AND year = 2023")

    def test_xlsx_preview_names_spreadsheet_rows(self):
        c = self.as_("officer_x")
        head = HEADER.split(",")
        rows = [head,
                ["W1", 2024, "00001", "", 3, 1200000, "Bùi Thị Sheet"] + [1, 1, 1] + [0] * 9,
                [],  # a blank row: line numbers stay the sheet's
                ["W2", 2024, "00001", "", 0, 1200000, "Sai"] + [0] * 12,
                ["W3", 2024, "00002", "", 2, 1200000, "Ngoài"] + [0] * 12]
        r = self.preview(c, "households", xlsx(rows), filename="ho.xlsx")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(errors_at(r), {(4, "members"), (5, "unit_code")}, r)
        self.assertEqual(r.json["preview"][0]["head_name"], "Bùi Thị Sheet")
        self.assertEqual(r.json["preview"][0]["class"], "POOR")
        r = self.preview(c, "households", b"PK\x03\x04 not a workbook", filename="ho.xlsx")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["errors"])
        self.assertIsNone(r.json["id"])

    def test_other_kinds_preview_their_columns(self):
        c = self.as_("officer_x")
        r = self.preview(c, "population", "unit_code,year,households\n00001,2024,40\n")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["errors"], [])
        self.assertEqual(r.json["preview"], [{"unit_code": "00001", "year": "2024",
                                              "households": "40"}])
        r = self.preview(self.as_("province"), "units", g.UNITS)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["errors"], [])
        self.assertEqual(r.json["rows"], 6)
        self.assertEqual(r.json["preview"][1]["name"], "Xã An")

    def test_roles(self):
        for user in ("collab_x", "chair_x", "ministry", "admin"):
            r = self.preview(self.as_(user), "households", GOOD)
            self.assertEqual(r.status, 403, "%s: %r" % (user, r))
        r = self.preview(self.as_("supervisor"), "households", GOOD)
        self.assertEqual(r.status, 403)
        for user in ("officer_x", "district", "collab_x", "ministry", "supervisor"):
            for kind in ("units", "lineage"):
                r = self.preview(self.as_(user), kind, g.UNITS)
                self.assertEqual(r.status, 403, "%s %s: %r" % (user, kind, r))
        for user in ("admin", "province"):
            r = self.preview(self.as_(user), "lineage", g.LINEAGE)
            self.assertEqual(r.status, 200, "%s: %r" % (user, r))
            self.assertEqual(r.json["errors"], [])
        for user in ("officer_x", "district", "province"):
            r = self.preview(self.as_(user), "households", GOOD)
            self.assertEqual(r.status, 200, "%s: %r" % (user, r))
            self.assertEqual(r.json["errors"], [])

    def test_bad_requests(self):
        c = self.as_("officer_x")
        r = c.post("/api/v1/imports?filename=a.csv", raw=GOOD.encode())
        self.assertEqual(r.status, 422, r)
        self.assertIn("kind", r.json["fields"])
        r = c.post("/api/v1/imports?kind=grants", raw=GOOD.encode())
        self.assertEqual(r.status, 422, r)
        r = c.post("/api/v1/imports?kind=households&filename=a%01b.csv", raw=GOOD.encode())
        self.assertEqual(r.status, 422, r)
        self.assertIn("filename", r.json["fields"])
        r = c.post("/api/v1/imports?kind=households", raw=b"")
        self.assertEqual(r.status, 400, r)
        # the directories of a file name are dropped
        r = self.preview(c, "households", GOOD, filename="C:\\Users\\x\\ho.csv")
        self.assertEqual(r.json["filename"], "ho.csv")
        r = c.post("/api/v1/imports?kind=households", raw=GOOD.encode())
        self.assertEqual(r.json["filename"], "households.csv")
        # a commit of what is not an upload
        for id_ in ("0", "x", "-1", "99999", "1e3"):
            self.assertEqual(c.post("/api/v1/imports/%s/commit" % id_).status, 404, id_)

    def test_csrf_required(self):
        c = self.as_("officer_x")
        r = self.preview(c, "households", GOOD, csrf=False)
        self.assertEqual(r.status, 403, r)
        self.assertEqual(r.json["error"], "csrf")
        r = self.preview(c, "households", GOOD)
        self.assertEqual(r.status, 200, r)
        r = c.post("/api/v1/imports/%d/commit" % r.json["id"], csrf=False)
        self.assertEqual(r.status, 403, r)
        self.assertEqual(r.json["error"], "csrf")
        self.assertEqual(c.get("/api/v1/households/N1").status, 404)


class Commit(Base):
    """Commits: a fresh database for every test."""

    def setUp(self):
        self.db = g.Database()
        self.addCleanup(self.db.remove)
        self.srv = g.Server(self.db)
        self.addCleanup(self.srv.stop)

    def commit(self, c, id_):
        return c.post("/api/v1/imports/%d/commit" % id_)

    def upload(self, c, kind, text, **kw):
        r = self.preview(c, kind, text, **kw)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["errors"], [], r)
        return r.json["id"]

    def summary_cli(self, households, population, year):
        """`gnbv summary` on the same files, per commune of the 2025 map."""
        d = tempfile.mkdtemp(prefix="gnbv-sum-", dir=self.db.dir)
        files = {"units.csv": g.UNITS, "lineage.csv": g.LINEAGE,
                 "households.csv": households, "population.csv": population}
        for name, text in files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)
        p = g.run(["summary", "--units", os.path.join(d, "units.csv"),
                   "--lineage", os.path.join(d, "lineage.csv"),
                   "--households", os.path.join(d, "households.csv"),
                   "--population", os.path.join(d, "population.csv"),
                   "--year", str(year), "--level", "commune", "--as-of", "2025-12-31"])
        return {row["unit_code"]: row for row in csv_rows(p.stdout)}

    def assertDashboardIs(self, c, want, year):
        r = c.get("/api/v1/dashboard/summary?unit=01&year=%d&asof=2025-12-31" % year)
        self.assertEqual(r.status, 200, r)
        kids = {k["code"]: k for k in r.json["children"]}
        self.assertEqual(sorted(kids), ["00001", "00002"])
        for code in kids:
            for f in ("households", "poor", "near_poor", "new_poor", "re_poor",
                      "escaped_poor", "escaped_near"):
                self.assertEqual(kids[code][f], int(want[code][f]), "%s %s" % (code, f))
            for f in ("poor_rate", "near_poor_rate"):
                self.assertEqual("%.2f" % kids[code][f], want[code][f], "%s %s" % (code, f))
        return kids

    def test_commit_writes_and_the_dashboard_follows(self):
        x, prov = self.as_("officer_x"), self.as_("province")
        total = self.total(x)
        # population of both communes, by the province officer
        r = self.commit(prov, self.upload(prov, "population", POPULATION))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], 2)
        before = self.assertDashboardIs(prov, self.summary_cli(g.HOUSEHOLDS, POPULATION, 2024),
                                        2024)
        self.assertEqual(before["00001"]["households"], 40)
        gen = prov.get("/api/v1/dashboard/summary?unit=01&year=2024").json["generation"]
        # the households file of commune X, by its officer
        id_ = self.upload(x, "households", GOOD)
        self.assertEqual(self.total(x), total)
        r = self.commit(x, id_)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], GOOD_ROWS)
        self.assertEqual(self.total(x), total + 3)
        page = x.get("/api/v1/households/N2")
        self.assertEqual(page.status, 200, page)
        self.assertEqual(page.json["household"]["head_name"], "Vũ Văn Hai")
        self.assertEqual(page.json["reviews"][0]["class"], "POOR")
        self.assertEqual(page.json["history"][0]["user"], "officer_x")
        # the live figures equal gnbv summary on the same files
        merged = g.HOUSEHOLDS.replace("X2,2024,V001,,3,3000000,Trần Thị Hoa,,0,0,0,",
                                      "X2,2024,V001,,3,1400000,Trần Thị Hoa,,1,1,1,")
        self.assertNotEqual(merged, g.HOUSEHOLDS)
        merged += "".join("%s,%s,%s,%s,%s,%s,%s,,%s\n" % tuple(line.split(",", 7))
                          for line in GOOD.splitlines()[1:] if not line.startswith("X2,"))
        for year in (2022, 2023, 2024):
            after = self.assertDashboardIs(prov, self.summary_cli(merged, POPULATION, year),
                                           year)
        self.assertEqual(after["00001"]["poor"], before["00001"]["poor"] + 3)
        self.assertEqual(after["00001"]["new_poor"], before["00001"]["new_poor"] + 2)
        self.assertEqual(after["00001"]["re_poor"], 1)
        self.assertEqual(after["00001"]["escaped_poor"], 1)
        self.assertEqual(after["00002"], dict(before["00002"]))
        # a poller sees a new generation (it never goes back across rebuilds)
        self.assertGreater(
            prov.get("/api/v1/dashboard/summary?unit=01&year=2024").json["generation"], gen)
        # the upload is gone
        self.assertEqual(self.commit(x, id_).status, 404)

    def test_only_the_uploader_commits(self):
        x = self.as_("officer_x")
        id_ = self.upload(x, "households", GOOD)
        before = self.data_tables()
        for user in ("officer_y", "chair_x", "district", "province", "admin"):
            r = self.commit(self.as_(user), id_)
            self.assertEqual(r.status, 404, "%s: %r" % (user, r))
        self.assertEqual(self.data_tables(), before)
        r = self.commit(x, id_)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.commit(x, id_).status, 404)

    def test_commit_refused_when_a_review_got_locked(self):
        x = self.as_("officer_x")
        id_ = self.upload(x, "households", GOOD)
        self.db.sql("UPDATE reviews SET status = 'locked' WHERE household_id = 'X2' AND year = 2024")
        before = self.data_tables()
        r = self.commit(x, id_)
        self.assertEqual(r.status, 422, r)
        self.assertEqual(r.json["error"], "invalid")
        self.assertEqual(errors_at(r), {(7, "year")})
        self.assertEqual(self.data_tables(), before)  # all or nothing
        self.assertEqual(self.commit(x, id_).status, 404)  # the upload is gone
        # a new preview says so too
        r = self.preview(x, "households", GOOD)
        self.assertEqual(errors_at(r), {(7, "year")})
        r = self.preview(x, "households", GOOD, headers={"Accept-Language": "vi"})
        self.assertEqual(r.json["errors"][0]["message"],
                         'phiếu rà soát năm 2024 của hộ "X2" đã khóa, không thể thay thế')

    def test_xlsx_commit(self):
        x = self.as_("officer_x")
        head = HEADER.split(",")
        rows = [head, ["W1", 2024, "V001", "Thôn Một", 3, 1200000, "Bùi Thị Sheet"] +
                [1, 1, 1] + [0] * 9]
        id_ = self.upload(x, "households", xlsx(rows), filename="ho.xlsx")
        r = self.commit(x, id_)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], 1)
        page = x.get("/api/v1/households/W1")
        self.assertEqual(page.status, 200, page)
        self.assertEqual(page.json["household"]["village"], "Thôn Một")
        self.assertEqual(page.json["reviews"][0]["income"], 1200000)

    def test_map_changes_stay_in_the_area(self):
        admin, prov = self.as_("admin"), self.as_("province")
        # the administrator adds a second province (no area: the country)
        units = g.UNITS + "02,Tỉnh Khác,province,,tinh,,,\n00009,Xã Xa,commune,02,xa,,,\n"
        r = self.commit(admin, self.upload(admin, "units", units))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], 8)
        self.assertEqual([u["code"] for u in admin.get("/api/v1/units").json["units"]],
                         ["01", "02"])
        # the province officer of 01 may not touch 02's units...
        renamed = units.replace("00009,Xã Xa,", "00009,Xã Đổi Tên,")
        r = self.preview(prov, "units", renamed)
        self.assertEqual(errors_at(r), {(9, "code")}, r)
        moved = units.replace("00001,Xã An,commune,01,", "00001,Xã An,commune,02,")
        r = self.preview(prov, "units", moved)
        self.assertEqual(errors_at(r), {(3, "parent_code")}, r)
        r = self.preview(prov, "lineage", g.LINEAGE + "00009,00001,2025-07-01,\n")
        self.assertEqual(errors_at(r), {(3, "old_code")}, r)
        # ...nor is its area's file a way to drop them: left out, they stay
        mine = g.UNITS + "00004,Xã Mới,commune,01,xa,,2025-07-01,\n"
        r = self.commit(prov, self.upload(prov, "units", mine))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], 7)
        self.assertEqual([u["code"] for u in prov.get("/api/v1/units").json["units"]],
                         ["00001", "00002", "00004"])
        self.assertEqual([u["code"] for u in admin.get("/api/v1/units").json["units"]],
                         ["01", "02"])
        self.assertEqual(admin.get("/api/v1/units?parent=02").json["units"][0]["name"], "Xã Xa")
        # the new commune is usable at once
        x4 = (HEADER + "\n" "M1,2025,00004,,2,1200000,Mai,1,1,1,0,0,0,0,0,0,0,0,0\n")
        r = self.commit(prov, self.upload(prov, "households", x4))
        self.assertEqual(r.status, 200, r)
        # the province's lineage file (its rows only) keeps 02's rows
        self.assertEqual(self.commit(admin, self.upload(
            admin, "lineage", g.LINEAGE + "00009,00004,2025-07-01,0.5\n")).status, 200)
        r = self.commit(prov, self.upload(prov, "lineage", "old_code,new_code,date,share\n"))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], 0)
        lin = csv_rows(admin.get("/api/v1/exports/lineage").text)
        self.assertEqual([(x["old_code"], x["new_code"]) for x in lin], [("00009", "00004")])


class Export(Base):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        cls.srv = g.Server(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.db.remove()

    def test_households_of_the_commune_round_trip(self):
        c = self.as_("officer_x")
        r = c.get("/api/v1/exports/households")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"), r.headers)
        self.assertEqual(r.headers["Content-Disposition"], "attachment; filename=households.csv")
        rows = csv_rows(r.text)
        self.assertEqual([x["household_id"] for x in rows], ["OLD1", "X1", "X2"])
        self.assertEqual(rows[1]["id_number"], "001234567890")
        for m in g.Y_PERSONAL + ["00002", "V002"]:
            self.assertNotIn(m, r.text)
        # the export imports again, unchanged
        before = self.data_tables()
        p = self.preview(c, "households", r.raw)
        self.assertEqual(p.status, 200, p)
        self.assertEqual(p.json["errors"], [])
        self.assertEqual(p.json["rows"], 3)
        self.assertEqual(self.data_tables(), before)
        # by year; by a unit of the scope; never out of it
        r2 = c.get("/api/v1/exports/households?year=2023")
        self.assertEqual(csv_rows(r2.text), [])
        r2 = c.get("/api/v1/exports/households?unit=V001")
        self.assertEqual([x["household_id"] for x in csv_rows(r2.text)], ["X2"])
        for q in ("?unit=00002", "?unit=V002", "?unit=01", "?unit=nope"):
            self.assertEqual(c.get("/api/v1/exports/households" + q).status, 404, q)
        self.assertEqual(c.get("/api/v1/exports/grants").status, 404)
        self.assertEqual(c.get("/api/v1/exports/households?year=20").status, 400)

    def test_other_kinds_by_scope(self):
        c = self.as_("officer_x")
        units = csv_rows(c.get("/api/v1/exports/units").text)
        self.assertEqual(sorted(u["code"] for u in units), ["00001", "00003", "01", "V001"])
        lin = csv_rows(c.get("/api/v1/exports/lineage").text)
        self.assertEqual([(x["old_code"], x["new_code"]) for x in lin], [("00003", "00001")])
        r = c.get("/api/v1/exports/population")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.text, "unit_code,year,households,persons\n")

    def test_roles(self):
        for user in ("supervisor", "ministry", "admin"):
            c = self.as_(user)
            r = c.get("/api/v1/exports/households")
            self.assertEqual(r.status, 403, "%s: %r" % (user, r))
            self.assertEqual(r.json["error"], "aggregates only")
            self.assertNotIn("Nguyễn", r.text)
            r = c.get("/api/v1/exports/units")
            self.assertEqual(r.status, 200, "%s: %r" % (user, r))
            self.assertEqual(len(csv_rows(r.text)), 6)
        # district and province officers: names, not citizen ids
        for user in ("district", "province"):
            r = self.as_(user).get("/api/v1/exports/households")
            self.assertEqual(r.status, 200, r)
            rows = csv_rows(r.text)
            self.assertEqual(len(rows), 5)
            self.assertEqual({x["id_number"] for x in rows}, {""})
            self.assertIn("Lê Thị Bình Yên", r.text)
        r = self.as_("officer_y").get("/api/v1/exports/households")
        self.assertEqual([x["household_id"] for x in csv_rows(r.text)], ["Y1", "Y2"])
        anon = g.Client(self.srv)
        self.addCleanup(anon.close)
        self.assertEqual(anon.get("/api/v1/exports/units").status, 401)


if __name__ == "__main__":
    g.main()
