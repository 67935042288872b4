#!/usr/bin/env python3
"""Cross tables, chi-square tests and per-cell tests of `chosa analyze` agree with R within 1e-9.

Generates answers with real differences between groups (so that cells are marked at both
levels), some empty cells and respondents without a group, runs `chosa analyze -f long`
straight from the CSV and test/analysis/r_check.R on the same file, and compares every value
of the sections xt_sa, xt_ma, xt_test and chisq. Also checks that the text output marks the
cells R finds significant. Needs CHOSA_BIN and Rscript.
"""
import csv
import math
import os
import random
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHOSA = os.environ.get("CHOSA_BIN", "chosa")

QUESTIONNAIRE = """survey: {id: rcheck, title: R照合}
sections:
  - id: s
    questions:
      - {id: grp, type: single, text: 業種, options: [製造業, 建設業, 卸売業, サービス業]}
      - {id: Q1, type: single, text: 対策の状況, options: [十分, ある程度, 不十分, 未実施, 不明]}
      - {id: Q2, type: multi, text: 導入済みの対策, options: [ウイルス対策, バックアップ, 教育, 規程, 保険, 監視]}
"""

ANALYSIS = """analysis: rcheck
breakdowns:
  - {by: grp, chi_square: true}
"""


def make_answers(path, n=3000, seed=20261121):
    rnd = random.Random(seed)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "grp", "Q1"] + ["Q2_%d" % i for i in range(1, 7)])
        for i in range(n):
            grp = rnd.choice([1, 2, 3, 4, 4, ""]) if rnd.random() > 0.03 else ""
            g = grp or 1
            q1 = "" if rnd.random() < 0.05 else min(5, max(1, int(rnd.gauss(1.5 + 0.5 * g, 1.1))))
            q2 = [""] * 6
            if rnd.random() > 0.04:
                for o in range(6):
                    q2[o] = 1 if rnd.random() < 0.15 + 0.08 * o + (0.15 if g == o % 4 + 1 else 0) else ""
                if not any(q2):
                    q2[0] = 1
            w.writerow(["r%d" % i, grp, q1] + q2)


def load(path, sections):
    out = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            if r["section"] in sections:
                key = (r["section"], r["var"], r["row"], r["col"], r["stat"])
                out[key] = float("nan") if r["value"].strip() == "NA" else float(r["value"])
    return out


class RCheckTest(unittest.TestCase):
    def test_cross_tables_and_tests_agree_with_r(self):
        with tempfile.TemporaryDirectory() as tmp:
            qn, an, data = (os.path.join(tmp, f) for f in ("q.yaml", "a.yaml", "answers.csv"))
            for path, text in ((qn, QUESTIONNAIRE), (an, ANALYSIS)):
                with open(path, "w") as fh:
                    fh.write(text)
            make_answers(data)
            ours = os.path.join(tmp, "chosa.csv")
            subprocess.run([CHOSA, "analyze", "-q", qn, "-d", data, "-a", an, "-f", "long", "-o", ours],
                           check=True)
            theirs = os.path.join(tmp, "r.csv")
            subprocess.run(["Rscript", os.path.join(HERE, "r_check.R"), data, theirs], check=True)
            sections = {"xt_sa", "xt_ma", "xt_test", "chisq"}
            a, b = load(ours, sections), load(theirs, sections)
            self.assertEqual(set(a), set(b))
            self.assertGreater(len(a), 150)
            bad = [(k, a[k], b[k]) for k in a
                   if not (math.isnan(a[k]) and math.isnan(b[k]))
                   and not math.isclose(a[k], b[k], rel_tol=1e-9, abs_tol=1e-12)]
            self.assertEqual(bad, [])
            # The data has differences at both levels, and R finds them too.
            ps = [v for k, v in b.items() if k[0] == "xt_test" and k[4] == "p" and not math.isnan(v)]
            self.assertTrue(any(p < 0.01 for p in ps))
            self.assertTrue(any(0.01 <= p < 0.05 for p in ps))
            self.assertLess(b[("chisq", "Q1", "", "", "p")], 0.01)
            # The text output carries as many marks as R has significant cells.
            text = subprocess.run([CHOSA, "analyze", "-q", qn, "-d", data, "-a", an],
                                  check=True, capture_output=True, text=True).stdout
            cross = text[text.index("＝＝ クロス集計 ＝＝"):]
            strict = sum(1 for p in ps if p < 0.01)
            loose = sum(1 for p in ps if 0.01 <= p < 0.05)
            self.assertEqual(cross.count("▲") + cross.count("▼") - 2, strict)  # the legend has one of each
            self.assertEqual(cross.count("△") + cross.count("▽") - 2, loose)


WEIGHT_QUESTIONNAIRE = QUESTIONNAIRE + """      - {id: size, type: single, text: 規模, options: [小規模, 中規模, 大規模]}
"""

POSTSTRATIFY = """analysis: w
weighting:
  id: w
  method: poststratify
  variables: [grp, size]
  strata:
""" + "".join("    - {codes: [%d, %d], population: %d}\n" % (g, z, 1000 * (g * 3 + z * 2))
              for g in range(1, 5) for z in range(1, 4)) + """breakdowns:
  - {by: grp, questions: [Q1, Q2]}
"""

RAKE = """analysis: w
weighting:
  id: w
  method: rake
  variables: [grp, size]
  margins:
    grp: {1: 40000, 2: 25000, 3: 20000, 4: 15000}
    size: {1: 70000, 2: 25000, 3: 5000}
breakdowns:
  - {by: grp, questions: [Q1, Q2]}
"""


def make_weighted_answers(path, n=2000, seed=7):
    rnd = random.Random(seed)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "grp", "Q1"] + ["Q2_%d" % i for i in range(1, 7)] + ["size"])
        for i in range(n):
            grp = rnd.choice([1, 1, 2, 3, 4])
            size = rnd.choice([1, 2, 2, 3, 3, 3])  # over-represents the large, as surveys do
            q1 = "" if rnd.random() < 0.05 else min(5, max(1, int(rnd.gauss(1 + 0.6 * size, 1.0))))
            q2 = [1 if rnd.random() < 0.1 + 0.1 * o + 0.05 * size else "" for o in range(6)]
            w.writerow(["r%d" % i, grp, q1] + q2 + [size])


class RWeightCheckTest(unittest.TestCase):
    def check(self, method, spec, population):
        with tempfile.TemporaryDirectory() as tmp:
            qn, an, data = (os.path.join(tmp, f) for f in ("q.yaml", "a.yaml", "answers.csv"))
            for path, text in ((qn, WEIGHT_QUESTIONNAIRE), (an, spec)):
                with open(path, "w") as fh:
                    fh.write(text)
            make_weighted_answers(data)
            ours = os.path.join(tmp, "chosa.csv")
            subprocess.run([CHOSA, "analyze", "-q", qn, "-d", data, "-a", an, "-f", "long", "-o", ours],
                           check=True)
            theirs = os.path.join(tmp, "r.csv")
            subprocess.run(["Rscript", os.path.join(HERE, "r_weight_check.R"), data, method, theirs],
                           check=True)
            b = load(theirs, {"weighting", "gtw_sa", "xtw_sa", "xtw_ma"})
            a = load(ours, {"weighting", "gtw_sa", "xtw_sa", "xtw_ma"})
            missing = [k for k in b if k not in a]
            self.assertEqual(missing, [])
            bad = [(k, a[k], b[k]) for k in b if not math.isclose(a[k], b[k], rel_tol=1e-9, abs_tol=1e-9)]
            self.assertEqual(bad, [])
            self.assertAlmostEqual(a[("weighting", "w", "", "", "sum")], population, places=6)
            self.assertLess(a[("weighting", "w", "", "", "neff")], 2000)  # weights cost precision
            text = subprocess.run([CHOSA, "analyze", "-q", qn, "-d", data, "-a", an],
                                  check=True, capture_output=True, text=True).stdout
            self.assertIn("有効標本サイズ", text)
            self.assertIn("％はウエイト付き、n はウエイトなしの回答者数です。", text)

    def test_post_stratification_agrees_with_r_survey(self):
        self.check("poststratify", POSTSTRATIFY, 138000)  # the strata's populations

    def test_raking_agrees_with_r_survey(self):
        self.check("rake", RAKE, 100000)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[1:])
