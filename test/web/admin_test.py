#!/usr/bin/env python3
"""The administrator console over real HTTP: accounts made with `chosa user`, login with
Argon2id passwords, roles, the survey dashboard fed by real answers, the audit log, and what an
attacker would try (guessing, forged forms, script in the user name, removed accounts)."""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chosa_server import BIN, Browser, Server  # noqa: E402
from web_test import PATH_A, SURVEY  # noqa: E402

ADMIN_PASSWORD = "kanri-no-pasuwaado-2026"
ANALYST_PASSWORD = "bunseki-yo-no-kagi-42"


def chosa(*args, stdin=""):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True)


def add_user(db, name, role, password):
    r = chosa("user", "add", name, "--role", role, "--db", db, stdin=password + "\n")
    assert r.returncode == 0, r.stderr


class AdminTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="chosa_admin_")
        cls.db = os.path.join(cls.dir, "chosa.db")
        add_user(cls.db, "kanri", "admin", ADMIN_PASSWORD)
        add_user(cls.db, "bunseki", "analyst", ANALYST_PASSWORD)
        cls.server = Server("-q", SURVEY, "--open-link", db=cls.db)
        # One respondent completes path A; another stops after page 2.
        done = Browser(cls.server.base)
        done.start_open(SURVEY)
        for page in range(1, 9):
            assert done.answer(page, PATH_A[page])[0] == 303
        _, _, review = done.get("/a/review")
        assert done.post("/a/submit", {"_csrf": done.csrf(review)})[0] == 303
        half = Browser(cls.server.base)
        half.start_open(SURVEY)
        for page in (1, 2):
            assert half.answer(page, PATH_A[page])[0] == 303

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0, cls.server.stderr

    def login(self, user, password, browser=None):
        b = browser or Browser(self.server.base)
        status, _, form = b.get("/admin/login")
        self.assertEqual(status, 200)
        status, hdrs, body = b.post("/admin/login",
                                    {"_csrf": b.csrf(form), "user": user, "password": password})
        return b, status, hdrs, body

    def test_cli_refuses_short_passwords_and_bad_names(self):
        r = chosa("user", "add", "tanaka", "--db", self.db, stdin="short\n")
        self.assertEqual(r.returncode, 1)
        self.assertIn("パスワードは10文字以上", r.stderr)
        r = chosa("user", "add", "<b>x", "--db", self.db, stdin=ADMIN_PASSWORD + "\n")
        self.assertEqual(r.returncode, 1)
        self.assertIn("使えません", r.stderr)
        listing = chosa("user", "list", "--db", self.db).stdout
        self.assertIn("kanri\tadmin", listing)
        self.assertNotIn("argon2", listing)
        with open(self.db, "rb") as f:
            data = f.read()
        self.assertNotIn(ADMIN_PASSWORD.encode(), data)
        self.assertIn(b"$argon2id$", data)

    def test_pages_need_a_login(self):
        b = Browser(self.server.base)
        for path in ("/admin", "/admin/s/" + SURVEY, "/admin/audit", "/admin/s/%s/respondents.csv" % SURVEY,
                     "/admin/s/%s/answers.csv" % SURVEY, "/admin/s/%s/invitations" % SURVEY):
            status, hdrs, _ = b.get(path)
            self.assertEqual((status, hdrs["Location"]), (303, "/admin/login"), path)
        # A forged session cookie is not a session.
        status, _, _ = b.request("GET", "/admin", headers={"Cookie": "chosa_admin=" + "0" * 64})
        self.assertEqual(status, 303)

    def test_admin_sees_dashboard_and_audit_log(self):
        b, status, hdrs, _ = self.login("kanri", ADMIN_PASSWORD)
        self.assertEqual((status, hdrs["Location"]), (303, "/admin"))
        cookie = hdrs["Set-Cookie"]
        for attr in ("Path=/admin", "HttpOnly", "SameSite=Strict"):
            self.assertIn(attr, cookie)
        status, _, index = b.get("/admin")
        self.assertEqual(status, 200)
        self.assertIn('href="/admin/s/%s"' % SURVEY, index)
        status, _, dash = b.get("/admin/s/" + SURVEY)
        self.assertEqual(status, 200)
        cells = lambda label: re.search(r"<th scope=\"row\">%s</th><td class=\"num\">([^<]*)</td>" % label, dash).group(1)
        self.assertEqual(cells("回答完了"), "1")
        self.assertEqual(cells("回答中"), "1")
        self.assertEqual(cells("完了率"), "50.0%")
        # The half-done respondent stopped at page 3; the tally counts the completed answer.
        self.assertRegex(dash, r"<td>3\. [^<]*</td><td class=\"num\">1</td><td class=\"num\">100\.0</td>")
        self.assertIn("単純集計（回答完了 1件）", dash)
        self.assertRegex(dash, r"<td>ほとんど相談を受けたことはない</td><td class=\"num\">1</td><td class=\"num\">100\.0</td>")
        # Personal data and free text never reach the dashboard.
        for secret in ("山田", "テスト工業", "taro@example.jp", "人材育成と相談窓口の整備"):
            self.assertNotIn(secret, dash)
        status, _, audit = b.get("/admin/audit")
        self.assertEqual(status, 200)
        self.assertRegex(audit, r"<td>kanri</td><td>login</td>")
        self.assertIn("user-add", audit)  # accounts made on the command line are logged too

    def test_cross_tables_of_the_built_in_analysis(self):
        for user, password in (("kanri", ADMIN_PASSWORD), ("bunseki", ANALYST_PASSWORD)):
            b, status, _, _ = self.login(user, password)
            self.assertEqual(status, 303)
            status, _, page = b.get("/admin/s/%s/cross" % SURVEY)
            self.assertEqual(status, 200)
            self.assertIn('href="/admin/s/%s/cross" aria-current="page"' % SURVEY, page)
            self.assertIn("クロス集計（回答完了 1件）", page)
            self.assertIn("分析ファイル: IT ベンダーの役割に関するアンケート 基本集計", page)
            # Every question by the size class derived by the legal definition, with charts.
            self.assertRegex(page, r"<h3>問5　[^<]* × 企業規模（中小企業基本法）</h3>")
            self.assertIn("<th scope=\"row\">小規模企業者</th>", page)
            self.assertIn('<canvas data-chart="{&quot;datasets&quot;:', page)
            self.assertRegex(page, r"<tr><th scope=\"row\">全体</th><td class=\"num\">※1</td>")
            for secret in ("山田", "テスト工業", "taro@example.jp"):
                self.assertNotIn(secret, page)

    def test_analyst_sees_statistics_but_not_the_audit_log(self):
        b, status, _, _ = self.login("bunseki", ANALYST_PASSWORD)
        self.assertEqual(status, 303)
        self.assertEqual(b.get("/admin/s/" + SURVEY)[0], 200)
        status, _, body = b.get("/admin/audit")
        self.assertEqual(status, 403)
        self.assertIn("管理者だけ", body)
        self.assertNotIn('href="/admin/audit"', b.get("/admin")[2])

    def test_wrong_passwords_are_refused_logged_and_escaped(self):
        b, status, _, body = self.login("kanri", "wrong-password-123")
        self.assertEqual(status, 403)
        self.assertIn("ユーザー名またはパスワードが違います", body)
        _, status2, _, body2 = self.login("nobody", "wrong-password-123")
        self.assertEqual(status2, 403)
        self.assertIn("ユーザー名またはパスワードが違います", body2)  # same answer: no user probing
        attack = '<script>alert("x")</script>'
        self.login(attack, "whatever-password")
        b, _, _, _ = self.login("kanri", ADMIN_PASSWORD)
        _, _, audit = b.get("/admin/audit")
        self.assertIn("login-failed", audit)
        self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", audit)
        self.assertNotIn(attack, audit)

    def test_forged_forms_and_logout(self):
        b, status, _, _ = self.login("kanri", ADMIN_PASSWORD)
        # Login without the pre-session token of the form.
        status, _, _ = Browser(self.server.base).post(
            "/admin/login", {"_csrf": "0" * 32, "user": "kanri", "password": ADMIN_PASSWORD})
        self.assertEqual(status, 403)
        # Logout needs the session's token; a forged one leaves the session alive.
        self.assertEqual(b.post("/admin/logout", {"_csrf": "f" * 32})[0], 403)
        self.assertEqual(b.get("/admin")[0], 200)
        _, _, index = b.get("/admin")
        status, hdrs, _ = b.post("/admin/logout", {"_csrf": b.csrf(index)})
        self.assertEqual((status, hdrs["Location"]), (303, "/admin/login"))
        self.assertEqual(b.get("/admin")[0], 303)

    def test_removed_accounts_lose_their_sessions(self):
        add_user(self.db, "ichiji", "analyst", "ichiji-no-pasuwaado")
        b, status, _, _ = self.login("ichiji", "ichiji-no-pasuwaado")
        self.assertEqual(b.get("/admin")[0], 200)
        r = chosa("user", "remove", "ichiji", "--db", self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(b.get("/admin")[0], 303)

    def test_invitations_made_in_the_console(self):
        b, _, _, _ = self.login("kanri", ADMIN_PASSWORD)
        path = "/admin/s/%s/invitations" % SURVEY
        status, _, page = b.get(path)
        self.assertEqual(status, 200)
        # Bad counts are refused with a message; full-width digits are fine.
        for bad in ("0", "abc", "10001"):
            status, _, body = b.post(path, {"_csrf": b.csrf(page), "count": bad, "label": "x"})
            self.assertEqual(status, 400, bad)
            self.assertIn("作る数は 1～10000 の整数で入力してください", body)
        status, hdrs, body = b.post(path, {"_csrf": b.csrf(page), "count": "３", "label": "製造業・小規模"})
        self.assertEqual(status, 200)
        self.assertIn("attachment", hdrs["Content-Disposition"])
        self.assertEqual(hdrs["Cache-Control"], "no-store")
        rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
        self.assertEqual(rows[0], ["no", "label", "url"])
        self.assertEqual(len(rows), 4)
        urls = [r[2] for r in rows[1:]]
        for url in urls:
            self.assertRegex(url, r"^%s/i/[0-9a-f]{32}$" % re.escape(self.server.base))
        with open(self.db, "rb") as f:
            data = f.read()
        for url in urls:
            self.assertNotIn(url.rsplit("/", 1)[1].encode(), data, "only hashes are stored")
        # One invitee answers page 1 and leaves.
        invitee = Browser(self.server.base)
        _, _, landing = invitee.get(urls[0][len(self.server.base):])
        invitee.post(urls[0][len(self.server.base):] + "/start", {"_csrf": invitee.csrf(landing)})
        self.assertEqual(invitee.answer(1, PATH_A[1])[0], 303)
        status, _, page = b.get(path)
        self.assertRegex(page, r"<td>製造業・小規模</td><td class=\"num\">3</td><td class=\"num\">2</td>"
                               r"<td class=\"num\">1</td><td class=\"num\">0</td>")
        self.assertIn("<td>回答中</td><td>2ページ目</td>", page)
        status, hdrs, body = b.get(path + ".csv")
        self.assertEqual(status, 200)
        states = [r[3] for r in csv.reader(io.StringIO(body.lstrip("\ufeff")))][1:]
        self.assertEqual(states.count("回答中"), 1)
        self.assertEqual(states.count("未回答"), len(states) - 1)
        _, _, audit = b.get("/admin/audit")
        self.assertIn("invitations-create", audit)
        self.assertIn("count=3 label=製造業・小規模", audit)
        # Analysts see the states but cannot make invitations.
        a, _, _, _ = self.login("bunseki", ANALYST_PASSWORD)
        status, _, page = a.get(path)
        self.assertEqual(status, 200)
        self.assertNotIn('name="count"', page)
        status, _, _ = a.post(path, {"_csrf": a.csrf(page), "count": "1", "label": ""})
        self.assertEqual(status, 403)

    def test_response_browser_shows_answers_but_no_personal_data(self):
        b, _, _, _ = self.login("bunseki", ANALYST_PASSWORD)
        status, _, listing = b.get("/admin/s/%s/responses" % SURVEY)
        self.assertEqual(status, 200)
        self.assertIn("回答済み", listing)
        _, _, complete = b.get("/admin/s/%s/responses?status=complete" % SURVEY)
        self.assertNotIn("<td>回答中</td>", complete)
        links = re.findall(r'href="(/admin/s/[^"]+/response\?key=[^"]+)"', complete)
        self.assertTrue(links)
        status, _, one = b.get(links[0].replace("&amp;", "&"))
        self.assertEqual(status, 200)
        self.assertIn("人材育成と相談窓口の整備", one)
        for secret in ("山田", "テスト工業", "taro@example.jp"):
            self.assertNotIn(secret, one)
            self.assertNotIn(secret, listing)
        self.assertEqual(b.get("/admin/s/%s/response?key=nobody" % SURVEY)[0], 404)

    def test_what_respondents_typed_is_escaped_in_the_console(self):
        payload = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
        r = Browser(self.server.base)
        r.start_open(SURVEY)
        pages = dict(PATH_A)
        pages[2] = dict(PATH_A[2], Q1="14", Q1_14_text=payload)
        pages[8] = dict(PATH_A[8], Q35=payload)
        for page in range(1, 9):
            self.assertEqual(r.answer(page, pages[page])[0], 303)
        b, _, _, _ = self.login("kanri", ADMIN_PASSWORD)
        _, _, listing = b.get("/admin/s/%s/responses" % SURVEY)
        for link in re.findall(r'href="(/admin/s/[^"]+/response\?key=[^"]+)"', listing):
            _, _, body = b.get(link.replace("&amp;", "&"))
            self.assertNotIn("<script>alert", body)
            self.assertNotIn("<img src=x", body)
            if "&lt;script&gt;alert(1)&lt;/script&gt;" in body:
                break
        else:
            self.fail("the payload was not shown (escaped) on any response page")

    def test_exports_and_the_respondent_list(self):
        a, _, _, _ = self.login("bunseki", ANALYST_PASSWORD)
        status, hdrs, body = a.get("/admin/s/%s/answers.csv" % SURVEY)
        self.assertEqual(status, 200)
        self.assertIn("attachment", hdrs["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
        self.assertEqual(rows[0][0], "id")
        self.assertEqual(len(rows), 2, "the completed response only")
        self.assertNotIn("山田", body)
        self.assertNotIn("テスト工業", body)
        req = a.opener.open(self.server.base + "/admin/s/%s/answers.xlsx" % SURVEY)
        book = zipfile.ZipFile(io.BytesIO(req.read()))
        sheets = book.read("xl/workbook.xml").decode()
        self.assertIn('name="回答"', sheets)
        self.assertIn('name="コードブック"', sheets)
        strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("人材育成と相談窓口の整備", strings)
        self.assertNotIn("テスト工業", strings)
        status, _, _ = a.get("/admin/s/%s/respondents.csv" % SURVEY)
        self.assertEqual(status, 403, "analysts never see personal data")
        b, _, _, _ = self.login("kanri", ADMIN_PASSWORD)
        status, hdrs, body = b.get("/admin/s/%s/respondents.csv" % SURVEY)
        self.assertEqual(status, 200)
        self.assertEqual(hdrs["Cache-Control"], "no-store")
        self.assertIn("テスト工業株式会社", body)
        self.assertIn("taro@example.jp", body)
        _, _, audit = b.get("/admin/audit")
        self.assertRegex(audit, r"<td>kanri</td><td>view-personal</td><td>%s-respondents-[0-9-]+\.csv rows=\d+</td>" % SURVEY)
        self.assertRegex(audit, r"<td>bunseki</td><td>export</td><td>%s-answers-[0-9-]+\.xlsx rows=1</td>" % SURVEY)

    def test_password_guessing_is_rate_limited(self):
        server = Server("-q", SURVEY, db=os.path.join(tempfile.mkdtemp(), "c.db"))
        try:
            add_user(server.db, "kanri", "admin", ADMIN_PASSWORD)
            b = Browser(server.base)
            statuses = []
            for i in range(21):
                _, form = b.get("/admin/login")[0], b.last[2]
                statuses.append(b.post("/admin/login", {"_csrf": b.csrf(form), "user": "kanri",
                                                        "password": "guess-%04d-xx" % i})[0])
            self.assertEqual(statuses[:20], [403] * 20)
            self.assertEqual(statuses[20], 429)
            # Even the right password waits out the lockout.
            _, form = b.get("/admin/login")[0], b.last[2]
            status, _, body = b.post("/admin/login", {"_csrf": b.csrf(form), "user": "kanri",
                                                      "password": ADMIN_PASSWORD})
            self.assertEqual(status, 429)
            self.assertIn("しばらくログインできません", body)
        finally:
            self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    unittest.main()
