#!/usr/bin/env python3
"""The public self-diagnosis over real HTTP: a company answers the 25 items on the open link (no
login), and the receipt is its result — score and band, points per part, the items to fix first
with advice and public support, SECURITY ACTION, and the comparison with the diagnoses stored.
"""
import os
import re
import subprocess
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chosa_server import BIN, Browser, Server  # noqa: E402

SURVEY = "self-check-25"


def items(codes):
    return {"D%02d" % (i + 1): str(c) for i, c in enumerate(codes)}


class DiagnosisWebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("-q", SURVEY, "--open-link")

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def diagnose(self, profile, codes):
        b = Browser(self.server.base)
        landing, status, hdrs = b.start_open(SURVEY)
        self.assertIn("5分ほど", landing)
        self.assertEqual((status, hdrs["Location"]), (303, "/a/1"))
        return self.answer_all(b, profile, codes)

    def answer_all(self, b, profile, codes):
        """Answers the four pages from /a/1 on and submits; returns the result page."""
        answers = items(codes)
        pages = [profile,
                 {k: answers[k] for k in ["D%02d" % i for i in range(1, 6)]},
                 {k: answers[k] for k in ["D%02d" % i for i in range(6, 19)]},
                 {k: answers[k] for k in ["D%02d" % i for i in range(19, 26)]}]
        nexts = ["/a/2", "/a/3", "/a/4", "/a/review"]
        for page, (fields, expect) in enumerate(zip(pages, nexts), start=1):
            status, hdrs, body = b.answer(page, fields)
            self.assertEqual((status, hdrs.get("Location")), (303, expect),
                             re.findall(r'class="error"[^<]*<', body))
        _, _, review = b.get("/a/review")
        status, hdrs, _ = b.post("/a/submit", {"_csrf": b.csrf(review)})
        self.assertEqual((status, hdrs["Location"]), (303, "/a/done"))
        status, _, result = b.get("/a/done")
        self.assertEqual(status, 200)
        return result

    def test_result_page_scores_advises_and_compares(self):
        maker = {"industry": "1", "employees": "12", "capital": "1"}
        # Ten peers first: all implemented except item 25 (96 points).
        for _ in range(10):
            self.diagnose(maker, [1] * 24 + [3])
        codes = [1] * 25
        codes[2], codes[10], codes[19], codes[8] = 2, 3, 4, 9  # D03 partly, D11 no, D20 ?, D09 n/a
        page = self.diagnose(maker, codes)
        self.assertIn("診断結果", page)
        self.assertIn("<strong>89点</strong> / 100点", page)
        self.assertIn("（70～99点）", page)
        self.assertRegex(page, r'<progress value="18" max="20">')   # Part 1: 4 x 4 + 2
        self.assertRegex(page, r'<progress value="48" max="52">')   # Part 2: 12 x 4 + 0
        self.assertRegex(page, r'<progress value="23" max="28">')   # Part 3: 6 x 4 - 1
        # Items to fix first: the Part 1 gap before the others, each with steps and support.
        order = [page.index('id="item-%s"' % i) for i in ("D03", "D11", "D20")]
        self.assertEqual(order, sorted(order))
        self.assertIn("10文字以上で、名前や誕生日を含まないパスワードに変える", page)
        self.assertIn('href="https://www.ipa.go.jp/security/guide/sme/about.html"', page)
        self.assertIn("無線LANを安全に使う", page)  # listed as not applicable
        self.assertIn("あと 1 項目で宣言できます", page)
        # Peers: 11 manufacturers with 10-20 staff (small enterprises), this one included:
        # fewer than 30, so industry, size and everyone are tried and all have 11.
        self.assertIn("比べた相手: 回答企業全体（11社）", page)
        self.assertIn("※比べた企業が30社未満のため参考値です", page)
        mean = (10 * 96 + 89) / 11
        self.assertIn("平均点: %.1f点" % mean, page)
        # Below: none of the ten 96s; ties: itself, counted half.
        self.assertIn("パーセンタイル）: %.0f%%" % (100 * 0.5 / 11), page)

    def test_result_code_retake_and_progress(self):
        # A server of its own, so the peer comparison of the other test sees only its companies.
        server = Server("-q", SURVEY, "--open-link")
        self.addCleanup(server.stop)
        b = Browser(server.base)
        b.start_open(SURVEY)
        first = self.answer_all(b, {"industry": "10", "employees": "3"}, [3] * 5 + [1] * 20)
        code = re.search(r'class="result-code"><strong>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<', first)
        self.assertIsNotNone(code, first)
        code = code.group(1)
        self.assertNotIn("これまでの結果", first)  # one attempt so far
        self.assertEqual(code, re.search(r'result-code"><strong>([^<]+)<', b.get("/a/done")[2]).group(1))
        # The code is stored as a hash and sealed, never in the clear.
        with open(server.db, "rb") as f:
            self.assertNotIn(code.replace("-", "").encode(), f.read())
        # Retake from the result page, with the basics done now: +20 points.
        _, _, page = b.get("/a/done")
        status, hdrs, _ = b.post("/d/%s/retake" % SURVEY, {"_csrf": b.csrf(page), "code": code})
        self.assertEqual((status, hdrs["Location"]), (303, "/a/1"))
        second = self.answer_all(b, {"industry": "10", "employees": "3"}, [1] * 25)
        self.assertIn(code, second)
        self.assertIn("前回から 20点上がりました。", second)
        self.assertEqual(len(re.findall(r"<td class=\"num\">\d+点</td>", second)), 2)
        # Coming back another day with the code, typed in lower case without hyphens.
        other = Browser(server.base)
        _, _, form = other.get("/d/%s" % SURVEY)
        self.assertIn("結果コードで開く", form)
        status, _, history = other.post("/d/%s/history" % SURVEY,
                                        {"_csrf": other.csrf(form), "code": code.replace("-", "").lower()})
        self.assertEqual(status, 200)
        self.assertIn("診断結果の推移", history)
        self.assertIn("80点", history)
        self.assertIn("100点", history)
        # A wrong code is refused and counted; guessing is stopped.
        status, _, page = other.post("/d/%s/history" % SURVEY,
                                     {"_csrf": other.csrf(history), "code": "AAAA-BBBB-CCCC"})
        self.assertEqual(status, 404)
        self.assertIn("結果コードが見つかりません", page)
        status, _, _ = other.post("/d/%s/history" % SURVEY, {"_csrf": "forged", "code": code})
        self.assertEqual(status, 403)

    def test_answers_are_escaped_and_required(self):
        b = Browser(self.server.base)
        b.start_open(SURVEY)
        status, _, body = b.answer(1, {"industry": "", "employees": "<script>"})
        self.assertEqual(status, 200)  # stays on the page with errors
        self.assertIn("class=\"error\"", body)
        self.assertNotIn("<script>", body)
        self.assertIn("&lt;script&gt;", body)

    def test_classification_page(self):
        b = Browser(self.server.base)
        status, _, page = b.get("/classify")
        self.assertEqual(status, 200)
        self.assertIn("ゴム製品製造業", page)
        q = urllib.parse.urlencode({"industry": "rubber", "capital": "5億", "employees": "850"})
        status, _, page = b.get("/classify?" + q)
        self.assertEqual(status, 200)
        self.assertIn("<strong>中小企業者</strong>", page)
        self.assertIn("ゴム製品製造業", page)
        q = urllib.parse.urlencode({"industry": "service", "capital": "", "employees": "５"})
        self.assertIn("<strong>小規模企業者</strong>", b.get("/classify?" + q)[2])
        q = urllib.parse.urlencode({"industry": "mining", "capital": "<img src=x onerror=alert(1)>",
                                    "employees": "many"})
        status, _, page = b.get("/classify?" + q)
        self.assertEqual(status, 400)
        self.assertIn("業種を選んでください", page)
        self.assertIn("資本金は", page)
        self.assertIn("従業員数を 0 以上の整数で", page)
        self.assertNotIn("<img src=x", page)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", page)


if __name__ == "__main__":
    unittest.main()
