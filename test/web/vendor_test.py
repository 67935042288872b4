#!/usr/bin/env python3
"""IT vendors over real HTTP (issue 5, seed 003): a vendor account invites its customers to the
self-diagnosis with one link each and sees their scores, trends, weakest items and who lacks the
basics; it prints an advice sheet per customer (HTML and PDF through Chromium). One vendor never
sees another's customers; customer names are sealed in the database and appear in no admin page,
export or log; figures across vendors are anonymous.
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chosa_server import BIN, Browser, Server  # noqa: E402

SURVEY = "self-check-25"
PASSWORD = "vendor-no-pasuwaado-77"
ADMIN_PASSWORD = "kanri-no-pasuwaado-99"
PROFILE = {"industry": "8", "employees": "15"}


def add_user(db, name, role, password):
    r = subprocess.run([BIN, "user", "add", name, "--role", role, "--db", db],
                       input=password + "\n", capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True,
                              text=True, check=True).stdout


def answer_all(b, codes):
    """Answers the diagnosis from /a/1 with item codes `codes` (25) and submits; the result."""
    answers = {"D%02d" % (i + 1): str(c) for i, c in enumerate(codes)}
    pages = [PROFILE] + [{k: answers[k] for k in ["D%02d" % i for i in range(lo, hi)]}
                         for lo, hi in ((1, 6), (6, 19), (19, 26))]
    for page, fields in enumerate(pages, start=1):
        status, hdrs, body = b.answer(page, fields)
        assert status == 303, re.findall(r'class="error"[^<]*<', body)
    _, _, review = b.get("/a/review")
    status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
    assert (status, hdrs["Location"]) == (303, "/a/done")
    return b.get("/a/done")[2]


def answer_link(base, link, codes):
    """A customer opens its link and answers: the result page."""
    b = Browser(base)
    path = link[link.index("/c/"):]
    status, _, landing = b.get(path)
    assert status == 200, landing
    assert "IT ベンダーから送られた診断用のリンク" in landing  # the customer is told who sees it
    status, hdrs, _ = b.post(path + "/start", {"_csrf": b.csrf(landing)})
    assert (status, hdrs["Location"]) == (303, "/a/1"), (status, hdrs)
    return answer_all(b, codes)


class VendorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="chosa_vendor_")
        cls.db = os.path.join(cls.dir, "chosa.db")
        for name in ("hokuriku-it", "minato-sys", "kaga-net"):
            add_user(cls.db, name, "vendor", PASSWORD)
        add_user(cls.db, "kanri", "admin", ADMIN_PASSWORD)
        cls.server = Server("-q", SURVEY, "--open-link", db=cls.db)
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0, cls.server.stderr

    def login(self, user, password=PASSWORD, where="/vendor"):
        b = Browser(self.base)
        _, _, form = b.get(where + "/login")
        status, hdrs, body = b.post(where + "/login",
                                    {"_csrf": b.csrf(form), "user": user, "password": password})
        return b, status, hdrs, body

    def vendor(self, user):
        b, status, hdrs, body = self.login(user)
        self.assertEqual((status, hdrs.get("Location")), (303, "/vendor"), body)
        return b

    def add_customer(self, b, name, contact=""):
        """Adds a customer: (customer id, its link)."""
        _, _, page = b.get("/vendor")
        status, hdrs, body = b.post("/vendor/customers",
                                    {"_csrf": b.csrf(page), "name": name, "contact": contact})
        self.assertEqual(status, 303, body)
        cid = int(re.fullmatch(r"/vendor/customers/(\d+)", hdrs["Location"]).group(1))
        status, _, page = b.get(hdrs["Location"])
        self.assertEqual(status, 200)
        link = re.search(r'value="(http://[^"]+/c/[0-9a-f]{32})"', page).group(1)
        return cid, link

    def test_portfolio_trends_weakest_items_and_advice_sheet(self):
        a = self.vendor("hokuriku-it")
        c1, link1 = self.add_customer(a, "株式会社能登精機", "総務部 山田")
        c2, link2 = self.add_customer(a, "加賀物産有限会社")
        c3, _ = self.add_customer(a, "まだ答えていない商店")
        # Customer 1 answers twice: first with Part 1 gaps (D02 no, D04 partly), then better.
        first = [1] * 25
        first[1], first[3], first[10], first[23] = 3, 2, 3, 3  # D02, D04, D11, D24
        result = answer_link(self.base, link1, first)
        self.assertIn("<strong>86点</strong>", result)  # 100 - 4 - 2 - 4 - 4
        second = list(first)
        second[1], second[3] = 1, 1
        result = answer_link(self.base, link1, second)
        self.assertIn("<strong>92点</strong>", result)
        self.assertIn("前回から 6点上がりました。", result)
        # Customer 2 lacks D01 and D11 as well, and does not know about D20: 100 - 4 - 4 - 5.
        third = [1] * 25
        third[0], third[10], third[19] = 3, 3, 4  # D01 no, D11 no, D20 わからない
        answer_link(self.base, link2, third)

        status, _, page = a.get("/vendor")
        self.assertEqual(status, 200)
        self.assertIn("顧客 3社のうち 2社が診断済み・平均 %.1f点" % ((92 + 87) / 2), page)
        row1 = re.search(r"株式会社能登精機</a>.*?</tr>", page, re.S).group(0)
        self.assertIn("<td class=\"num\">92点</td>", row1)
        self.assertIn("86点 → 92点（+6）", row1)
        self.assertIn("達成", row1)
        row2 = re.search(r"加賀物産有限会社</a>.*?</tr>", page, re.S).group(0)
        self.assertIn("87点", row2)
        self.assertIn("未達（1項目）", row2)
        self.assertRegex(page, r"(?s)まだ答えていない商店</a>.*?未回答")
        lacking = re.search(r'<ul class="lacking">(.*?)</ul>', page, re.S).group(1)
        self.assertIn("加賀物産有限会社", lacking)
        self.assertIn("OS やソフトウェアを最新に保つ", lacking)
        self.assertNotIn("株式会社能登精機", lacking)  # its latest diagnosis has the basics
        # Weakest across customers: backups (D11) are missing at both, first in the table.
        weakest = re.search(r'<table class="admin weakest">(.*?)</table>', page, re.S).group(1)
        first_row = re.findall(r"<tr><td>(.*?)</tr>", weakest)[0]
        self.assertIn("（Part 2）", first_row)
        self.assertIn("0 / 2社", first_row)
        self.assertIn("ほかの IT ベンダーの顧客との比較は", page)  # one vendor only so far

        # The advice sheet: the customer, its latest score, the items, the responsibility split.
        status, hdrs, sheet = a.get("/vendor/customers/%d/sheet" % c2)
        self.assertEqual(status, 200)
        self.assertIn("加賀物産有限会社 様", sheet)
        self.assertIn("<strong>87点</strong>", sheet)
        self.assertIn("IT ベンダーと貴社の役割分担", sheet)
        split = re.search(r'<table class="split">(.*?)</table>', sheet, re.S).group(1)
        rows = re.findall(r"<tr( class=\"open\")?><th scope=\"row\">(.*?)</th>", split)
        open_areas = [area for is_open, area in rows if is_open]
        self.assertEqual(open_areas[:3], ["ソフトウェアの更新", "情報収集と従業員教育", "バックアップと復旧"])
        self.assertIn("□ 取り決め済み", split)
        self.assertIn('href="/static/sheet.css"', sheet)
        status, hdrs, _ = a.get("/vendor/customers/%d/sheet" % c3)
        self.assertEqual(status, 404)  # no answer yet: nothing to advise on
        # As PDF through Chromium.
        pdf = a.request_bytes("/vendor/customers/%d/sheet.pdf" % c1)
        self.assertEqual(pdf[0], 200)
        self.assertEqual(pdf[1]["Content-Type"], "application/pdf")
        self.assertTrue(pdf[2].startswith(b"%PDF"))
        text = pdf_text(pdf[2])
        self.assertIn("株式会社能登精機 様", text)
        self.assertIn("92点", text)
        self.assertIn("役割分担", text)
        self.assertIn("86点", text)  # the history

        # Another vendor sees none of it.
        b = self.vendor("minato-sys")
        _, _, other = b.get("/vendor")
        for name in ("株式会社能登精機", "加賀物産有限会社", "まだ答えていない商店"):
            self.assertNotIn(name, other)
        self.assertIn("顧客 0社のうち 0社が診断済み", other)
        for cid in (c1, c2, c3):
            for suffix in ("", "/sheet", "/sheet.pdf"):
                status, _, body = b.get("/vendor/customers/%d%s" % (cid, suffix))
                self.assertEqual(status, 404, (cid, suffix))
                self.assertNotIn("能登", body)
        own, _ = self.add_customer(b, "港システム顧客")
        # Ids are shared across vendors; A cannot open B's either.
        self.assertEqual(a.get("/vendor/customers/%d" % own)[0], 404)
        self.assertNotIn("港システム顧客", a.get("/vendor")[2])
        # Nor delete another vendor's customer.
        _, _, page = b.get("/vendor")
        status, _, _ = b.post("/vendor/customers/%d/delete" % c1, {"_csrf": b.csrf(page), "confirm": "yes"})
        self.assertEqual(status, 404)
        self.assertEqual(a.get("/vendor/customers/%d" % c1)[0], 200)

        # A removes a customer: confirmation needed; then its page, sheet and link are gone, and
        # its diagnoses remain as anonymous answers (the survey still counts them).
        _, _, page = a.get("/vendor/customers/%d" % c2)
        status, _, body = a.post("/vendor/customers/%d/delete" % c2, {"_csrf": a.csrf(page)})
        self.assertEqual(status, 400)
        self.assertIn("チェックを入れてから", body)
        status, hdrs, _ = a.post("/vendor/customers/%d/delete" % c2, {"_csrf": a.csrf(page), "confirm": "yes"})
        self.assertEqual((status, hdrs["Location"]), (303, "/vendor"))
        self.assertNotIn("加賀物産有限会社", a.get("/vendor")[2])
        self.assertEqual(a.get("/vendor/customers/%d/sheet" % c2)[0], 404)
        self.assertEqual(Browser(self.base).get(link2[link2.index("/c/"):])[0], 404)
        with open(self.db, "rb") as f:
            self.assertNotIn("加賀物産".encode(), f.read())

    def test_logins_are_kept_apart_and_forms_need_the_token(self):
        # Without a login: to the login page.
        anon = Browser(self.base)
        for path in ("/vendor", "/vendor/customers/1", "/vendor/customers/1/sheet.pdf"):
            status, hdrs, _ = anon.get(path)
            self.assertEqual((status, hdrs["Location"]), (303, "/vendor/login"), path)
        # A vendor account cannot enter the admin console, nor an admin the vendor pages.
        _, status, _, body = self.login("hokuriku-it", where="/admin")
        self.assertEqual(status, 403)
        self.assertIn("ユーザー名またはパスワードが違います", body)
        _, status, _, _ = self.login("kanri", ADMIN_PASSWORD, where="/vendor")
        self.assertEqual(status, 403)
        v = self.vendor("kaga-net")
        status, hdrs, _ = v.get("/admin")
        self.assertEqual((status, hdrs["Location"]), (303, "/admin/login"))
        # The vendor cookie is sent to /vendor only.
        self.assertEqual({c.path for c in v.jar if c.name == "chosa_vendor"}, {"/vendor"})
        # Forms without the session's token change nothing.
        status, _, _ = v.post("/vendor/customers", {"_csrf": "0" * 32, "name": "偽の顧客"})
        self.assertEqual(status, 403)
        self.assertNotIn("偽の顧客", v.get("/vendor")[2])
        # Bad input is refused in Japanese, and what was typed is escaped everywhere.
        _, _, page = v.get("/vendor")
        status, _, body = v.post("/vendor/customers", {"_csrf": v.csrf(page), "name": "  "})
        self.assertEqual(status, 400)
        self.assertIn("会社名を入力してください。", body)
        status, _, body = v.post("/vendor/customers", {"_csrf": v.csrf(page), "name": "あ" * 101})
        self.assertEqual(status, 400)
        cid, link = self.add_customer(v, "<script>alert(1)</script>商会", "<b>x</b>")
        answer_link(self.base, link, [1] * 25)
        for path in ("/vendor", "/vendor/customers/%d" % cid, "/vendor/customers/%d/sheet" % cid):
            body = v.get(path)[2]
            self.assertNotIn("<script>alert(1)", body, path)
            self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;商会", body, path)
        # Renaming: the identity is sealed again, the link stays; bad input stays on the page;
        # another vendor cannot.
        _, _, page = v.get("/vendor/customers/%d" % cid)
        status, _, body = v.post("/vendor/customers/%d/edit" % cid, {"_csrf": v.csrf(page), "name": ""})
        self.assertEqual(status, 400)
        self.assertIn("会社名を入力してください。", body)
        self.assertIn(link, body)
        other = self.vendor("minato-sys")
        _, _, other_page = other.get("/vendor")
        status, _, _ = other.post("/vendor/customers/%d/edit" % cid,
                                  {"_csrf": other.csrf(other_page), "name": "乗っ取り"})
        self.assertEqual(status, 404)
        status, hdrs, _ = v.post("/vendor/customers/%d/edit" % cid,
                                 {"_csrf": v.csrf(page), "name": "改名商会", "contact": "新担当"})
        self.assertEqual((status, hdrs["Location"]), (303, "/vendor/customers/%d" % cid))
        page = v.get("/vendor/customers/%d" % cid)[2]
        self.assertIn("<h1>改名商会</h1>", page)
        self.assertIn(link, page)
        self.assertNotIn("乗っ取り", page)
        self.assertIn("改名商会", v.get("/vendor")[2])
        # A wrong link is a 404 and counts toward the guessing limit.
        status, _, _ = anon.get("/c/" + "0" * 32)
        self.assertEqual(status, 404)
        # Logging out ends the session.
        _, _, page = v.get("/vendor")
        status, hdrs, _ = v.post("/vendor/logout", {"_csrf": v.csrf(page)})
        self.assertEqual((status, hdrs["Location"]), (303, "/vendor/login"))
        self.assertEqual(v.get("/vendor")[0], 303)

    def test_identities_are_sealed_and_absent_from_admin_views(self):
        v = self.vendor("kaga-net")
        cid, link = self.add_customer(v, "秘匿テスト工業株式会社", "経理 佐藤")
        answer_link(self.base, link, [2] * 25)
        for path in (self.db, self.db + "-wal"):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    data = f.read()
                self.assertNotIn("秘匿テスト工業".encode(), data)
                self.assertNotIn("佐藤".encode(), data)
                self.assertNotIn(link.rsplit("/", 1)[1].encode(), data)  # only its hash
        admin = Browser(self.base)
        _, _, form = admin.get("/admin/login")
        status, _, _ = admin.post("/admin/login", {"_csrf": admin.csrf(form), "user": "kanri",
                                                  "password": ADMIN_PASSWORD})
        self.assertEqual(status, 303)
        for path in ("/admin", "/admin/s/%s" % SURVEY, "/admin/s/%s/responses" % SURVEY,
                     "/admin/s/%s/answers.csv" % SURVEY, "/admin/s/%s/respondents.csv" % SURVEY,
                     "/admin/audit"):
            status, _, body = admin.get(path)
            self.assertEqual(status, 200, path)
            self.assertNotIn("秘匿テスト工業", body, path)
        # The vendor's actions are audited without the names.
        audit = admin.get("/admin/audit")[2]
        self.assertIn("customer-add", audit)
        self.assertIn("customer %d" % cid, audit)

    def test_figures_across_vendors_are_anonymous_and_need_enough_vendors(self):
        # A server of its own: exactly three vendors with ten answering customers between them.
        db = os.path.join(tempfile.mkdtemp(prefix="chosa_vendor_across_"), "chosa.db")
        for name in ("v1", "v2", "v3"):
            add_user(db, name, "vendor", PASSWORD)
        server = Server("-q", SURVEY, db=db)
        self.addCleanup(server.stop)
        saved, self.base = self.base, server.base
        self.addCleanup(setattr, self, "base", saved)
        vendors = {name: self.vendor(name) for name in ("v1", "v2", "v3")}
        plan = {"v1": [1, 1, 3, 3], "v2": [1, 3, 3], "v3": [3, 3, 1]}
        for name, d01_codes in plan.items():
            for i, d01 in enumerate(d01_codes):
                _, link = self.add_customer(vendors[name], "%s の顧客 %d" % (name, i))
                answer_link(self.base, link, [d01] + [1] * 24)
        page = vendors["v1"].get("/vendor")[2]
        self.assertIn("IT ベンダー 3社の顧客 10社の平均", page)
        mean_all = (4 * 100 + 6 * 96) / 10
        self.assertIn("平均 %.1f点" % mean_all, page)
        weakest = re.search(r'<table class="admin weakest">(.*?)</table>', page, re.S).group(1)
        self.assertIn("全ベンダーの顧客（匿名）", weakest)
        row = re.search(r"<tr><td>OS やソフトウェアを最新に保つ.*?</tr>", weakest).group(0)
        self.assertIn("2 / 4社", row)   # v1's own customers
        self.assertIn(">50%<", row)     # v1's share
        self.assertIn(">40%<", row)     # all vendors: 4 of 10
        for name in ("v2 の顧客", "v3 の顧客"):
            self.assertNotIn(name, page)

    def test_pdfs_are_limited_per_client(self):
        # A server of its own whose "Chromium" fails at once (the real one is tested above):
        # each PDF request is counted, and the 21st within ten minutes is refused.
        db = os.path.join(tempfile.mkdtemp(prefix="chosa_vendor_pdf_"), "chosa.db")
        add_user(db, "v1", "vendor", PASSWORD)
        saved_env = os.environ.get("CHOSA_CHROMIUM")
        os.environ["CHOSA_CHROMIUM"] = "/bin/false"
        try:
            server = Server("-q", SURVEY, db=db)
        finally:
            if saved_env is None:
                del os.environ["CHOSA_CHROMIUM"]
            else:
                os.environ["CHOSA_CHROMIUM"] = saved_env
        self.addCleanup(server.stop)
        saved, self.base = self.base, server.base
        self.addCleanup(setattr, self, "base", saved)
        v = self.vendor("v1")
        cid, link = self.add_customer(v, "制限テスト商事")
        answer_link(self.base, link, [1] * 25)
        for _ in range(20):
            status, _, body = v.request_bytes("/vendor/customers/%d/sheet.pdf" % cid)
            self.assertEqual(status, 503)
            self.assertIn("PDF を作れませんでした", body.decode())
        status, _, body = v.request_bytes("/vendor/customers/%d/sheet.pdf" % cid)
        self.assertEqual(status, 429)
        self.assertIn("短時間に多くの PDF", body.decode())
        self.assertEqual(v.get("/vendor/customers/%d/sheet" % cid)[0], 200)  # the page still opens

    def test_company_result_as_pdf(self):
        b = Browser(self.base)
        b.start_open(SURVEY)
        self.assertEqual(b.get("/a/result.pdf")[0], 404)  # not answered yet
        codes = [1] * 25
        codes[2] = 3
        page = answer_all(b, codes)
        self.assertIn('href="/a/result.pdf"', page)
        status, hdrs, data = b.request_bytes("/a/result.pdf")
        self.assertEqual(status, 200)
        self.assertIn("attachment", hdrs["Content-Disposition"])
        text = pdf_text(data)
        self.assertIn("96点", text)
        self.assertIn("推測されにくいパスワードを使う", text)
        self.assertIn("SECURITY ACTION", text)
        self.assertNotIn("役割分担", text)  # that is the vendor's sheet
        self.assertEqual(Browser(self.base).get("/a/result.pdf")[0], 403)  # no session


if __name__ == "__main__":
    unittest.main()
