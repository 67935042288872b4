#!/usr/bin/env python3
"""Acceptance test of issue 5's survey use of the self-diagnosis: a survey that asks the 25 items
inside it (data/questionnaires/sme-security-survey.yaml, `include: self-check-25`) is answered by
generated companies, imported into SQLite, and analysed with its analysis file: each company's
score band is a derived variable, so the tables show per industry the share of companies at 70
points or more, and incidents and losses by score band. Every figure is checked against an
independent computation here (the points of the scale, written out below, not read from chosa).

Run by CTest with CHOSA_BIN and CHOSA_SOURCE_DIR set.
"""
import csv
import os
import random
import sqlite3
import statistics
import subprocess
import tempfile
import unittest
from pathlib import Path

BIN = os.environ["CHOSA_BIN"]
SRC = Path(os.environ["CHOSA_SOURCE_DIR"])
ANALYSIS = SRC / "data" / "analyses" / "sme-security-survey.analysis.yaml"
SURVEY = "sme-security-survey"

POINTS = {1: 4, 2: 2, 3: 0, 4: -1, 9: 4}  # 実施 / 一部 / 未実施 / わからない / 該当しない
MAY_NOT_APPLY = {9, 13, 21, 23}
INDUSTRIES = range(1, 12)


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    assert p.returncode == 0, "%s\n%s\n%s" % (args, p.stdout, p.stderr)
    return p


def band_of(score):
    return 1 if score == 100 else 2 if score >= 70 else 3 if score >= 50 else 4


def companies(n, seed=20261122):
    """Generated companies: diligent ones score higher and (as IPA found) lose less."""
    rng = random.Random(seed)
    out = []
    for r in range(n):
        skill = rng.random() ** 0.7
        items = []
        for i in range(1, 26):
            x = rng.random()
            if i in MAY_NOT_APPLY and x < 0.08:
                items.append(9)
            elif x < skill:
                items.append(1)
            elif x < skill + (1 - skill) * 0.5:
                items.append(2)
            elif x < 0.97:
                items.append(3)
            else:
                items.append(4)
        if r % 97 == 0:
            items[rng.randrange(25)] = None  # an item left blank: no score, no band
        score = None if None in items else sum(POINTS[c] for c in items)
        incident = 1 if rng.random() < 0.55 - 0.4 * skill else (2 if rng.random() < 0.93 else 3)
        loss = None
        if incident == 1 and rng.random() < 0.9:
            loss = int(rng.uniform(5, 60) * (1 + 4 * (1 - skill)))
        out.append({"id": r + 1, "industry": rng.choice(INDUSTRIES), "employees": rng.randint(1, 300),
                    "capital": rng.randint(1, 6), "items": items, "score": score,
                    "incident": incident, "kind": rng.randint(1, 6), "loss": loss,
                    "partners": rng.randint(1, 3)})
    return out


def write_csv(path, rows):
    header = (["id", "industry", "employees", "capital"] + ["D%02d" % i for i in range(1, 26)] +
              ["incident"] + ["kinds_%d" % i for i in range(1, 7)] + ["loss", "partners"])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for c in rows:
            hit = c["incident"] == 1
            kinds = [("1" if k == c["kind"] else "0") if hit else "" for k in range(1, 7)]
            w.writerow([c["id"], c["industry"], c["employees"], c["capital"]] +
                       ["" if x is None else x for x in c["items"]] + [c["incident"]] + kinds +
                       ["" if not hit or c["loss"] is None else c["loss"], c["partners"] if hit else ""])


class DiagnosisSurveyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="chosa_diag_survey_")
        cls.db = os.path.join(cls.dir, "chosa.db")
        cls.rows = companies(1500)
        data = os.path.join(cls.dir, "answers.csv")
        write_csv(data, cls.rows)
        run("import", "-q", SURVEY, data, "--db", cls.db)
        out = run("analyze", "-a", str(ANALYSIS), "-s", SURVEY, "--db", cls.db, "-f", "long").stdout
        cls.long = [line.split(",") for line in out.splitlines()]

    def cell(self, kind, question, by, group, code, stat):
        """A figure of the long format: the row of `question`'s `code` in `by`'s `group`."""
        for r in self.long:
            if r[:3] == [kind, question, by] and r[3] == str(code) and r[4] == str(group) and r[5] == stat:
                return float(r[6])
        self.fail("no %s" % ([kind, question, by, group, code, stat],))

    def test_the_registered_survey_stands_alone(self):
        with sqlite3.connect(self.db) as db:
            (definition,) = db.execute("SELECT definition FROM survey_versions WHERE survey_id = ?",
                                       (SURVEY,)).fetchone()
        self.assertNotIn("include", definition)
        self.assertIn("D25", definition)
        self.assertIn("該当しない", definition)

    def test_share_at_70_points_or_more_per_industry(self):
        for industry in INDUSTRIES:
            scored = [c["score"] for c in self.rows if c["industry"] == industry and c["score"] is not None]
            at70 = sum(1 for s in scored if s >= 70)
            self.assertEqual(self.cell("xt_sa", "over70", "industry", industry, 1, "n"), at70)
            self.assertAlmostEqual(self.cell("xt_sa", "over70", "industry", industry, 1, "colpct"),
                                   100 * at70 / len(scored), places=9)
            for band in (1, 2, 3, 4):
                self.assertEqual(self.cell("xt_sa", "band", "industry", industry, band, "n"),
                                 sum(1 for s in scored if band_of(s) == band), (industry, band))

    def test_incidents_and_losses_by_score_band(self):
        for band in (1, 2, 3, 4):
            group = [c for c in self.rows if c["score"] is not None and band_of(c["score"]) == band]
            if not group:
                continue
            hit = sum(1 for c in group if c["incident"] == 1)
            self.assertAlmostEqual(self.cell("xt_sa", "incident", "band", band, 1, "colpct"),
                                   100 * hit / len(group), places=9)
            losses = [c["loss"] for c in group if c["incident"] == 1 and c["loss"] is not None]
            if losses:
                self.assertEqual(self.cell("num", "loss", "band", band, "", "n"), len(losses))
                self.assertAlmostEqual(self.cell("num", "loss", "band", band, "", "mean"),
                                       statistics.mean(losses), places=9)
                self.assertAlmostEqual(self.cell("num", "loss", "band", band, "", "median"),
                                       statistics.median(losses), places=9)
        # The generated effect shows: companies at 70 or more lose less on average.
        self.assertLess(self.cell("num", "loss", "band", 2, "", "mean"),
                        self.cell("num", "loss", "band", 4, "", "mean"))

    def test_the_report_shows_the_tables(self):
        html_path = os.path.join(self.dir, "report.html")
        run("report", "-a", str(ANALYSIS), "-s", SURVEY, "--db", self.db, "-o", html_path)
        text = Path(html_path).read_text(encoding="utf-8")
        self.assertIn("自社診断70点以上", text)
        self.assertIn("被害額", text)


if __name__ == "__main__":
    unittest.main()
