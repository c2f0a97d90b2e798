"""test_me_drafts.py - the M&E report drafts over HTTP (issue 5,
GET /api/v1/me/drafts/{form}): a commune officer downloads its Mẫu 01 as a
Word document whose figures are the dashboard's and whose budget sentence
is its budget lines'; the tables as a workbook with a sheet per table;
Mẫu 02 with its evaluation sections; another commune's draft is 404, a bad
period or format 422, an unknown form 404, no login 401; the supervisor
(aggregates only) may download the drafts of its area."""
import io
import os
import re
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnbvtest as g  # noqa: E402

BUDGET = ("plan,unit_code,year,project,source,capital,amount,carried_over,kind,date\n"
          "12/KH-UBND 2024,00001,2024,DA2,central,recurrent,100.000.000,,allocated,\n"
          "12/KH-UBND 2024,00001,2024,DA2,central,recurrent,40.000.000,,disbursed,2024-07-01\n")


def document_text(raw):
    """The text of word/document.xml, a '|' after each paragraph."""
    xml = zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml").decode()
    xml = re.sub(r"</w:p>", "|", xml)
    return re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&").replace("&lt;", "<")


def vn(n):
    return "{:,}".format(n).replace(",", ".")


class Drafts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = g.Database()
        path = os.path.join(cls.db.dir, "budget.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(BUDGET)
        g.run(["import", "--db", cls.db.path, "budget", path])
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

    def test_mau01_docx(self):
        c = self.as_("officer_x")
        s = c.get("/api/v1/dashboard/summary?unit=00001&year=2024&asof=2024-12-31")
        self.assertEqual(s.status, 200, s)
        poor = s.json["unit"]["poor"]
        r = c.get("/api/v1/me/drafts/mau-01?unit=00001&year=2024&period=year")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.raw.startswith(b"PK"))
        self.assertEqual(r.headers["Content-Type"],
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        self.assertEqual(r.headers["Content-Disposition"],
                         'attachment; filename="mau-01-00001-2024-year.docx"')
        t = document_text(r.raw)
        self.assertIn("XÃ AN", t)
        self.assertIn("BÁO CÁO GIÁM SÁT", t)
        self.assertIn("|Theo kết quả rà soát năm 2024", t)
        self.assertIn("; %s hộ nghèo, chiếm" % vn(poor), t)
        self.assertIn("Tổng cộng: kinh phí được giao 100.000.000 đồng, đã giải ngân "
                      "40.000.000 đồng, đạt 40,00%.", t)
        self.assertIn("VII. ĐỀ XUẤT, KIẾN NGHỊ", t)
        # the default unit is the officer's own
        r2 = c.get("/api/v1/me/drafts/mau-01?year=2024")
        self.assertEqual(r2.status, 200, r2)
        self.assertIn("XÃ AN", document_text(r2.raw))

    def test_xlsx_and_mau02(self):
        c = self.as_("province")
        r = c.get("/api/v1/me/drafts/mau-01?unit=01&year=2024&period=s1&format=xlsx")
        self.assertEqual(r.status, 200, r)
        wb = zipfile.ZipFile(io.BytesIO(r.raw)).read("xl/workbook.xml").decode()
        self.assertEqual(re.findall(r'<sheet name="([^"]+)"', wb)[:2],
                         ["Ra soat ho ngheo", "Kinh phi"])
        r = c.get("/api/v1/me/drafts/mau-02?unit=01&year=2024&period=final")
        self.assertEqual(r.status, 200, r)
        t = document_text(r.raw)
        self.assertIn("BÁO CÁO ĐÁNH GIÁ", t)
        self.assertIn("kết thúc (năm 2024)", t)
        self.assertIn("4. Tính bền vững", t)

    def test_refusals(self):
        x = self.as_("officer_x")
        self.assertEqual(x.get("/api/v1/me/drafts/mau-01?unit=00002&year=2024").status, 404)
        self.assertEqual(x.get("/api/v1/me/drafts/mau-03?year=2024").status, 404)
        r = x.get("/api/v1/me/drafts/mau-01?year=2024&period=midterm&format=pdf")
        self.assertEqual(r.status, 422, r)
        self.assertEqual(sorted(r.json["fields"]), ["format", "period"])
        self.assertEqual(self.as_(None).get("/api/v1/me/drafts/mau-01?year=2024").status, 401)
        sup = self.as_("supervisor").get("/api/v1/me/drafts/mau-01?unit=01&year=2024")
        self.assertEqual(sup.status, 200, sup)


if __name__ == "__main__":
    g.main()
