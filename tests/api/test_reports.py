"""test_reports.py - the official reports over HTTP (issue 4): the list of
reports, a report of a unit as XLSX (a zip: "PK", with its
Content-Disposition), PDF ("%PDF") and CSV (its TOTAL row equals `gnbv
report` run by the CLI on the same database), scope (404 for another
commune), 422 for a bad format or year, 401 without login; the lists of
households (posting list, decision annex, certificates): listed and
downloadable for the roles that read personal data only (403 for the
supervisor and the ministry), in the caller's area only (404 for another
commune), for a commune or a village (422 for a province), approved reviews
only in the annex and the certificates, the same bytes as the CLI."""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

Q = "year=2024&asof=2025-12-31"


class Reports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        # the chair approved X1 and Y1 (2024); OLD1 (on 00003, X's on the
        # 2025 map) stays a draft
        cls.db.sql("UPDATE reviews SET status = 'approved' "
                   "WHERE household_id IN ('X1', 'Y1') AND year = 2024")
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

    def test_list(self):
        r = self.as_("ministry").get("/api/v1/reports")
        self.assertEqual(r.status, 200, r)
        names = [x["name"] for x in r.json["reports"]]
        self.assertIn("results", names)
        self.assertIn("poor-movements", names)
        first = r.json["reports"][0]
        self.assertEqual(first["name"], "results")
        self.assertEqual(first["number"], 1)
        self.assertTrue(first["title_vi"].startswith("KẾT QUẢ RÀ SOÁT"))
        self.assertTrue(first["title_en"])
        self.assertEqual(sorted(r.json["formats"]), ["csv", "pdf", "xlsx"])

    def test_xlsx_province(self):
        r = self.as_("province").get("/api/v1/reports/results?unit=01&format=xlsx&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"PK"))
        self.assertEqual(r.headers["Content-Type"],
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="results-01-2024.xlsx"')
        # the default format is xlsx, the default unit the user's own
        r2 = self.as_("province").get("/api/v1/reports/results?" + Q)
        self.assertEqual(r2.status, 200, r2)
        self.assertEqual(r2.headers["Content-Disposition"],
                         'attachment; filename="results-01-2024.xlsx"')

    def test_pdf(self):
        r = self.as_("district").get("/api/v1/reports/poor-movements?unit=01&format=pdf&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"%PDF"))
        self.assertEqual(r.headers["Content-Type"], "application/pdf")
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="poor-movements-01-2024.pdf"')

    def test_csv_equals_cli(self):
        # aggregates: a role without personal data may download them too
        r = self.as_("supervisor").get("/api/v1/reports/results?unit=01&format=csv&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
        out = os.path.join(self.db.dir, "results.csv")
        g.run(["report", "results", "--db", self.db.path, "--unit", "01", "--year", "2024",
               "--as-of", "2025-12-31", "--format", "csv", "-o", out])
        with open(out, encoding="utf-8") as f:
            want = f.read()
        self.assertEqual(r.text, want)
        total = [row for row in csv.DictReader(io.StringIO(r.text)) if row["style"] == "total"]
        self.assertEqual(len(total), 1)
        want_total = [row for row in csv.DictReader(io.StringIO(want))
                      if row["style"] == "total"]
        self.assertEqual(total, want_total)

    def test_commune_scope(self):
        c = self.as_("officer_x")
        r = c.get("/api/v1/reports/results?unit=00002&format=csv&" + Q)
        self.assertEqual(r.status, 404, r)
        self.assertNotIn("Xã Bình", r.text)
        r = c.get("/api/v1/reports/results?unit=01&format=csv&" + Q)
        self.assertEqual(r.status, 404, r)
        # its own commune, by default
        r = c.get("/api/v1/reports/results?format=csv&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertIn("Xã An", r.text)
        self.assertNotIn("Xã Bình", r.text)
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="results-00001-2024.csv"')

    def test_bad_arguments(self):
        c = self.as_("province")
        r = c.get("/api/v1/reports/results?unit=01&format=docx&" + Q)
        self.assertEqual(r.status, 422, r)
        self.assertIn("format", r.json["fields"])
        r = c.get("/api/v1/reports/results?unit=01&format=csv&year=abc")
        self.assertEqual(r.status, 422, r)
        self.assertIn("year", r.json["fields"])
        r = c.get("/api/v1/reports/no-such-report?unit=01&" + Q)
        self.assertEqual(r.status, 404, r)

    LISTS = ["posting-list", "decision-annex", "certificates"]

    def test_lists_listed_for_personal_roles(self):
        r = self.as_("officer_x").get("/api/v1/reports")
        self.assertEqual(r.status, 200, r)
        lists = [x for x in r.json["reports"] if x.get("kind") == "list"]
        self.assertEqual([x["name"] for x in lists], self.LISTS)
        for x in lists:
            self.assertTrue(x["personal"])
            self.assertEqual(x["levels"], ["commune", "village"])
            self.assertTrue(x["title_vi"] and x["title_en"])
        self.assertEqual([x["approved_only"] for x in lists], [False, True, True])
        self.assertEqual(lists[1]["title_vi"], "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC CÔNG NHẬN")
        tables = [x for x in r.json["reports"] if x.get("kind") == "table"]
        self.assertEqual(tables[0]["name"], "results")
        # aggregates-only roles are not offered the lists
        for user in ("supervisor", "ministry", "admin"):
            r = self.as_(user).get("/api/v1/reports")
            self.assertEqual(r.status, 200, r)
            self.assertEqual([x["name"] for x in r.json["reports"] if x.get("kind") != "table"],
                             [], user)

    def test_lists_refused_without_personal_data(self):
        for user in ("supervisor", "ministry"):
            c = self.as_(user)
            for name in self.LISTS:
                for q in ("unit=00001&", ""):
                    r = c.get("/api/v1/reports/%s?%sformat=csv&%s" % (name, q, Q))
                    self.assertEqual(r.status, 403, (user, name, r))
                    self.assertNotIn("Nguyễn Văn An", r.text)

    def test_lists_scope(self):
        c = self.as_("officer_x")
        for name in self.LISTS:
            for unit in ("00002", "V002", "01"):
                r = c.get("/api/v1/reports/%s?unit=%s&format=csv&%s" % (name, unit, Q))
                self.assertEqual(r.status, 404, (name, unit, r))
                for marker in g.Y_PERSONAL + ["Xã Bình", "Thôn Hai"]:
                    self.assertNotIn(marker, r.text)
            # its own village works
            r = c.get("/api/v1/reports/%s?unit=V001&format=csv&%s" % (name, Q))
            self.assertEqual(r.status, 200, (name, r))
        # a province is not a commune or a village: 422 naming the unit
        r = self.as_("province").get("/api/v1/reports/decision-annex?unit=01&format=csv&" + Q)
        self.assertEqual(r.status, 422, r)
        self.assertIn("unit", r.json["fields"])

    def test_decision_annex(self):
        c = self.as_("officer_x")
        # the default unit is the officer's commune
        r = c.get("/api/v1/reports/decision-annex?format=csv&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="decision-annex-00001-2024.csv"')
        rows = list(csv.DictReader(io.StringIO(r.text)))
        households = [x for x in rows if x["style"] == "unit"]
        # X1 approved; OLD1 (a draft, placed on X on the 2025 map) is not
        self.assertEqual([x["household_id"] for x in households], ["X1"])
        self.assertEqual(households[0]["head"], "Nguyễn Văn An")
        self.assertEqual(rows[0]["head"], "HỘ NGHÈO")
        self.assertEqual(rows[-1]["style"], "total")
        self.assertEqual(rows[-1]["members"], "4")
        # the posting list shows the draft too
        r = c.get("/api/v1/reports/posting-list?format=csv&" + Q)
        self.assertEqual(r.status, 200, r)
        ids = [x["household_id"] for x in csv.DictReader(io.StringIO(r.text)) if x["style"] == "unit"]
        self.assertEqual(sorted(ids), ["OLD1", "X1"])
        # the same bytes as the CLI
        out = os.path.join(self.db.dir, "annex.csv")
        g.run(["report", "decision-annex", "--db", self.db.path, "--unit", "00001", "--year",
               "2024", "--as-of", "2025-12-31", "--format", "csv", "-o", out])
        with open(out, encoding="utf-8") as f:
            r = c.get("/api/v1/reports/decision-annex?unit=00001&format=csv&" + Q)
            self.assertEqual(r.text, f.read())
        # XLSX and PDF
        r = c.get("/api/v1/reports/decision-annex?unit=00001&format=xlsx&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"PK"))
        r = self.as_("province").get("/api/v1/reports/decision-annex?unit=00001&format=pdf&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"%PDF"))

    def test_certificates(self):
        c = self.as_("chair_x")
        r = c.get("/api/v1/reports/certificates?unit=00001&format=pdf&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["Content-Type"], "application/pdf")
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="certificates-00001-2024.pdf"')
        self.assertTrue(r.raw.startswith(b"%PDF"))
        if shutil.which("pdftotext") and shutil.which("pdfinfo"):
            d = tempfile.mkdtemp(prefix="gnbv-cert-")
            self.addCleanup(shutil.rmtree, d, True)
            path = os.path.join(d, "c.pdf")
            with open(path, "wb") as f:
                f.write(r.raw)
            info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
            self.assertIn("Pages:           1\n", info)  # X1 only: one page
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                                  capture_output=True, text=True).stdout
            for want in ("GIẤY CHỨNG NHẬN HỘ NGHÈO", "Nguyễn Văn An", "UBND XÃ AN",
                         "Số: 1/GCN-HN.HCN", "001234567890", "CHỦ TỊCH"):
                self.assertIn(want, text)
            self.assertNotIn("Phạm Văn Cũ", text)
        # CSV: one row per member (the head, no members entered)
        r = c.get("/api/v1/reports/certificates?unit=00001&format=csv&" + Q)
        self.assertEqual(r.status, 200, r)
        rows = list(csv.DictReader(io.StringIO(r.text)))
        self.assertEqual([(x["certificate"], x["household_id"], x["name"], x["relation"])
                          for x in rows], [("1", "X1", "Nguyễn Văn An", "Chủ hộ")])
        r = c.get("/api/v1/reports/certificates?unit=00001&format=xlsx&" + Q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"PK"))

    def test_login_required(self):
        c = self.as_(None)
        self.assertEqual(c.get("/api/v1/reports").status, 401)
        self.assertEqual(c.get("/api/v1/reports/results?unit=01&" + Q).status, 401)


if __name__ == "__main__":
    g.main()
