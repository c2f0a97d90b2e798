"""test_reports.py - the official summary tables over HTTP (issue 4): the
list of reports, a report of a unit as XLSX (a zip: "PK", with its
Content-Disposition), PDF ("%PDF") and CSV (its TOTAL row equals `gnbv
report` run by the CLI on the same database), scope (404 for another
commune), 422 for a bad format or year, 401 without login."""
import csv
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

Q = "year=2024&asof=2025-12-31"


class Reports(unittest.TestCase):
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

    def test_login_required(self):
        c = self.as_(None)
        self.assertEqual(c.get("/api/v1/reports").status, 401)
        self.assertEqual(c.get("/api/v1/reports/results?unit=01&" + Q).status, 401)


if __name__ == "__main__":
    g.main()
