#!/usr/bin/env python3
"""The web answering system end to end over real HTTP: seed 000's questionnaire answered along
two skip paths, validation errors fixed, leave and resume, review, submit, receipt and copy;
invitations; and the security properties of every page (CSRF, cookies, CSP, escaping, limits).
"""
import csv
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chosa_server import BIN, Browser, Server  # noqa: E402

SURVEY = "ipa-it-vendor-role"

# Answers per page along path A: rarely consulted (Q13=8), no incident (Q27=4), no security
# products (Q8 without 1), every "often?" question answered 全くない (4).
PATH_A = {
    1: {"company": "テスト工業株式会社", "name": "山田 太郎", "email": "taro@example.jp"},
    2: {"Q1": "3", "Q2": "3", "Q3": "2", "Q4": "1", "Q5": "4", "Q6": "10", "Q7": "27"},
    3: {"Q8": ["2", "13"], "Q9": ["1", "3"], "Q10": ["6"]},
    4: {"Q12": "3", "Q13": "8"},
    5: {"Q17": "4", "Q19": "2", "Q20": ["1"], "Q21": "4", "Q23": "4"},
    6: {"Q25": "4", "Q27": ["4"]},
    7: {"Q31": ["3", "22"], "Q32": "3", "Q33": ["1"]},
    8: {"Q34": ["11"], "Q35": "人材育成と相談窓口の整備", "Q36": ["1", "6"]},
}

# Path B: security products (Q11 asked), consulted often with Q15 option 4 (Q16 asked),
# incidents on both sides (Q28-Q30 asked), "other" texts and full-width digits.
PATH_B = {
    1: {"company": "B社"},
    2: {"Q1": "14", "Q1_14_text": "セキュリティ専業", "Q2": "10", "Q2_10_text": "独立系", "Q3": "３",
        "Q4": "2", "Q5": "5", "Q6": "９", "Q7": "13"},
    3: {"Q8": ["1", "2"], "Q9": ["20"], "Q10": ["12"], "Q11": ["2", "7"]},
    4: {"Q12": "11", "Q13": "3", "Q14": ["7", "8"], "Q15": ["4", "6"], "Q16": ["2", "5"],
        "Q16_5_text": "ログの分析"},
    5: {"Q17": "1", "Q18": ["4"], "Q19": "1", "Q20": ["3"], "Q21": "2", "Q22": ["5"], "Q23": "3", "Q24": ["3"]},
    6: {"Q25": "2", "Q26": ["2"], "Q27": ["1", "2"], "Q28": ["1"], "Q29": ["2"], "Q30": ["1", "3"]},
    7: {"Q31": ["27"], "Q32": "1", "Q33": ["7"]},
    8: {"Q34": ["21"], "Q35": "特になし", "Q36": ["8"]},
}


def tally(db, *args):
    out = subprocess.run([BIN, "tabulate", "-s", SURVEY, "--db", db, "-f", "json", *args],
                         capture_output=True, text=True, check=True).stdout
    return {t["question"]: t for t in json.loads(out)["tables"]}


class WebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("-q", SURVEY, "--open-link")

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        assert code == 0, "graceful shutdown on SIGTERM, got %s: %s" % (code, cls.server.stderr)

    def start_open(self):
        b = Browser(self.server.base)
        body, status, hdrs = b.start_open(SURVEY)
        self.assertIn("調査票に回答する前に必ずお読みください", body)
        self.assertIn("<table>", body)  # the SME definition table, rendered from Markdown
        self.assertEqual(status, 303)
        self.assertEqual(hdrs["Location"], "/a/1")
        cookie = hdrs["Set-Cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        return b

    def answer_page(self, b, page, fields, expect_next):
        status, hdrs, body = b.answer(page, fields)
        self.assertEqual(status, 303, "page %d not accepted:\n%s" % (page, re.findall(r'class="error"[^<]*<', body)))
        self.assertEqual(hdrs["Location"], expect_next)

    def test_path_a_skips_follow_ups_and_submits(self):
        b = self.start_open()
        nexts = {1: "/a/2", 2: "/a/3", 3: "/a/4", 4: "/a/5", 5: "/a/6", 6: "/a/7", 7: "/a/8", 8: "/a/review"}
        for page in range(1, 9):
            self.answer_page(b, page, PATH_A[page], nexts[page])
        status, _, review = b.get("/a/review")
        self.assertEqual(status, 200)
        self.assertIn("回答内容の確認", review)
        self.assertNotIn("問14", review)  # skipped follow-ups are not listed
        self.assertIn("ほとんど相談を受けたことはない", review)
        status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
        self.assertEqual((status, hdrs["Location"]), (303, "/a/done"))
        status, _, done = b.get("/a/done")
        self.assertIn("回答を受け付けました", done)
        status, _, copy = b.get("/a/copy")
        self.assertIn("人材育成と相談窓口の整備", copy)
        self.assertNotIn("山田", copy)  # the copy holds answers, not personal data
        # Stored: complete, skipped questions as 非該当, personal data only encrypted.
        t = tally(self.server.db)
        self.assertGreaterEqual(t["Q13"]["counts"]["answered"], 1)
        self.assertGreaterEqual(t["Q14"]["counts"]["not_applicable"], 1)
        with open(self.server.db, "rb") as f:
            self.assertNotIn("山田".encode(), f.read())

    def test_path_b_with_errors_fixed_and_resume(self):
        b = self.start_open()
        self.answer_page(b, 1, PATH_B[1], "/a/2")
        # Errors: "other" without text, a code that does not exist; answers are kept.
        status, _, body = b.get("/a/2")
        bad = dict(PATH_B[2])
        bad["Q1_14_text"] = ""
        bad["Q4"] = "99"
        bad["_csrf"] = b.csrf(body)
        status, _, body = b.post("/a/2", bad)
        self.assertEqual(status, 200)
        self.assertIn("「その他（具体的に）」を選んだ場合は内容を記入してください", body)
        self.assertIn('選択肢にない値 &quot;99&quot; です', body)
        self.assertRegex(body, r'id="Q2-10" name="Q2" value="10" checked')  # kept
        self.assertIn('value="独立系"', body)
        self.answer_page(b, 2, PATH_B[2], "/a/3")
        # Exclusive option together with another: refused.
        status, _, body = b.get("/a/3")
        wrong = dict(PATH_B[3], Q9=["20", "1"], _csrf=b.csrf(body))
        status, _, body = b.post("/a/3", wrong)
        self.assertIn("「取組を実施していない」は他の選択肢と同時に選べません", body)
        self.answer_page(b, 3, PATH_B[3], "/a/4")
        # Leave: a new browser resumes only through its own session; the old one continues.
        status, _, _ = Browser(self.server.base).get("/a/4")
        self.assertEqual(status, 403)
        for page in range(4, 9):
            self.answer_page(b, page, PATH_B[page], "/a/%d" % (page + 1) if page < 8 else "/a/review")
        status, _, review = b.get("/a/review")
        self.assertIn("ログの分析", review)
        status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
        self.assertEqual(hdrs["Location"], "/a/done")
        t = tally(self.server.db)
        self.assertGreaterEqual(t["Q16"]["counts"]["answered"], 1)
        self.assertGreaterEqual(t["Q30"]["counts"]["answered"], 1)

    def test_back_saves_and_submit_checks_everything(self):
        b = self.start_open()
        self.answer_page(b, 1, {}, "/a/2")
        status, _, body = b.get("/a/2")
        status, hdrs, _ = b.post("/a/2", {"Q1": "5", "_csrf": b.csrf(body), "_action": "back"})
        self.assertEqual((status, hdrs["Location"]), (303, "/a/1"))
        status, _, body = b.get("/a/2")
        self.assertRegex(body, r'value="5" checked')  # saved without validation on the way back
        status, _, review = b.get("/a/review")
        self.assertIn("未回答または確認が必要な項目", review)
        status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
        self.assertEqual(hdrs["Location"], "/a/2?check=1")
        status, _, body = b.get("/a/2?check=1")
        self.assertIn("回答してください（必須）", body)

    def test_invitations_one_response_each(self):
        out = os.path.join(self.server.dir, "inv.csv")
        subprocess.run([BIN, "invite", "-s", SURVEY, "-n", "2", "--label", "製造業・小規模", "--db", self.server.db,
                        "--base-url", self.server.base, "-o", out], check=True, capture_output=True)
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 2)
        path = rows[0]["url"][len(self.server.base):]
        self.assertRegex(path, r"^/i/[0-9a-f]{32}$")  # 128 bits
        b = Browser(self.server.base)
        status, _, body = b.get(path)
        self.assertIn("回答を始める", body)
        status, hdrs, _ = b.post(path + "/start", {"_csrf": b.csrf(body)})
        self.assertEqual(hdrs["Location"], "/a/1")
        for page in range(1, 9):
            self.answer_page(b, page, PATH_A[page], "/a/%d" % (page + 1) if page < 8 else "/a/review")
        # Leave and come back through the same link in another browser: resumes at the review.
        b2 = Browser(self.server.base)
        status, _, body = b2.get(path)
        self.assertIn("回答を再開する", body)
        status, hdrs, _ = b2.post(path + "/start", {"_csrf": b2.csrf(body)})
        self.assertEqual(hdrs["Location"], "/a/9")
        status, hdrs, _ = b2.get("/a/9")
        self.assertEqual(hdrs["Location"], "/a/review")
        status, _, review = b2.get("/a/review")
        b2.post("/a/submit", {"_csrf": b2.csrf(review)})
        status, _, body = Browser(self.server.base).get(path)
        self.assertIn("受け付け済み", body)
        # The database knows the invitation only by hash.
        with open(self.server.db, "rb") as f:
            self.assertNotIn(path[3:].encode(), f.read())

    def test_security_headers_csrf_and_limits(self):
        b = Browser(self.server.base)
        status, hdrs, _ = b.get("/s/" + SURVEY)
        csp = hdrs["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(hdrs["X-Content-Type-Options"], "nosniff")
        # Start without the pre-session CSRF token.
        status, _, _ = Browser(self.server.base).post("/s/%s/start" % SURVEY, {"_csrf": "0" * 32})
        self.assertEqual(status, 403)
        # A page post with a wrong token is refused and saves nothing.
        b = self.start_open()
        status, _, _ = b.post("/a/2", {"Q1": "1", "_csrf": "f" * 32, "_action": "next"})
        self.assertEqual(status, 403)
        # Paths and limits.
        self.assertEqual(b.get("/static/..%2Fchosa.db")[0], 404)
        self.assertEqual(b.get("/static/chosa.css")[0], 200)
        status, _, body = b.request("POST", "/a/2", raw_body=b"x" * (300 * 1024))
        self.assertEqual(status, 413)
        self.assertIn("送信内容が大きすぎます", body)
        self.assertEqual(b.get("/nope")[0], 404)
        self.assertEqual(b.request("DELETE", "/a/1")[0], 405)

    def test_respondent_text_is_escaped_everywhere(self):
        payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>",
                    "javascript:alert(1)", "</textarea><script>x</script>"]
        b = self.start_open()
        self.answer_page(b, 1, {"company": payloads[0], "department": payloads[1]}, "/a/2")
        fields = dict(PATH_A[2], Q1="14", Q1_14_text=payloads[2])
        self.answer_page(b, 2, fields, "/a/3")
        for page in range(3, 9):
            f = dict(PATH_A[page])
            if page == 8:
                f["Q35"] = payloads[4] + payloads[3]
            self.answer_page(b, page, f, "/a/%d" % (page + 1) if page < 8 else "/a/review")
        pages = [b.get("/a/1")[2], b.get("/a/2")[2], b.get("/a/8")[2], b.get("/a/review")[2]]
        for body in pages:
            for p in payloads:
                if p.startswith("javascript"):
                    continue
                self.assertNotIn(p, body)
            self.assertNotIn("<script>", body.replace('<script src="/static/chosa.js" defer></script>', ""))
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", pages[0])

    def test_invitation_guessing_is_rate_limited(self):
        server = Server("-q", SURVEY)  # its own server: the lockout applies to the client address
        try:
            b = Browser(server.base)
            codes = [b.get("/i/%032x" % i)[0] for i in range(25)]
            self.assertEqual(codes[:20], [404] * 20)
            self.assertEqual(codes[20:], [429] * 5)
        finally:
            self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    unittest.main()
