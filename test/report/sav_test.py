#!/usr/bin/env python3
"""chosa export to .sav is read back by R (haven) with the right labels, missing values and data.

Imports seed 001's answers into a real SQLite file, exports them as CSV and as .sav, reads the
.sav with haven::read_sav(user_na = TRUE) and checks: the same respondents and values as the
CSV export; variable labels from the questions; value labels from the options plus 無回答 (-1)
and 非該当 (-2) as user-missing values; multiple answers as 0/1 variables; the .sps defines
them as dichotomy sets. Needs CHOSA_BIN, CHOSA_SOURCE_DIR, Rscript with haven.
"""
import csv
import os
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHOSA = os.environ.get("CHOSA_BIN", "chosa")
SOURCE = os.environ.get("CHOSA_SOURCE_DIR", os.path.join(HERE, "..", ".."))
SEED001 = os.path.join(SOURCE, "test/golden/seed001/answers.csv")


def run(*args):
    return subprocess.run([CHOSA, *args], check=True, capture_output=True, text=True)


def read_csv(path, encoding="utf-8-sig"):
    with open(path, newline="", encoding=encoding) as fh:
        return list(csv.DictReader(fh))


class SavTest(unittest.TestCase):
    def test_r_reads_labels_missing_values_and_data(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "chosa.db")
            run("import", "-q", "osaka-supply-chain-2019", SEED001, "--db", db)
            run("export", "-s", "osaka-supply-chain-2019", "--db", db, "-o", os.path.join(tmp, "a.csv"))
            out = run("export", "-s", "osaka-supply-chain-2019", "--db", db, "-o", os.path.join(tmp, "a.sav"))
            self.assertIn("118行を書き出しました（SPSS", out.stdout)
            subprocess.run(["Rscript", os.path.join(HERE, "sav_read.R"), os.path.join(tmp, "a.sav"),
                            os.path.join(tmp, "r_data.csv"), os.path.join(tmp, "r_meta.csv")], check=True)
            exported = read_csv(os.path.join(tmp, "a.csv"))
            data = read_csv(os.path.join(tmp, "r_data.csv"))
            meta = {m["name"]: m for m in read_csv(os.path.join(tmp, "r_meta.csv"))}
            self.assertEqual(len(data), len(exported))
            # Variable and value labels, missing values.
            self.assertEqual(meta["Q1_1"]["label"], "問1 1-1：仕入・外注・委託先(買い先)")
            labels = meta["Q1_1"]["value_labels"].split("|")
            self.assertIn("1=～50社", labels)
            self.assertIn("-1=無回答", labels)
            self.assertIn("-2=非該当", labels)
            self.assertEqual(sorted(meta["Q1_1"]["na_values"].split("|")), ["-1", "-2"])
            self.assertIn("1=選択", meta["Q7_1_1"]["value_labels"].split("|"))
            self.assertIn("標的型メールが届く", meta["Q7_1_1"]["label"])
            # Every value as in the CSV export: empty there is -1 (no answer) or -2 (not asked)
            # here; 0/1 for multiple answers; texts equal.
            columns = [c for c in exported[0] if c != "id"]
            na_kinds = set()
            for row_csv, row_r in zip(exported, data):
                for col in columns:
                    a, b = row_csv[col], row_r[col]
                    if col.endswith("_text"):
                        self.assertEqual(a, b, col)
                    elif a == "":
                        self.assertIn(b, {"-1", "-2"}, col)
                        na_kinds.add(b)
                    else:
                        self.assertEqual(float(a), float(b), col)
            self.assertEqual(na_kinds, {"-1", "-2"})  # both kinds occur in seed 001
            with open(os.path.join(tmp, "a.sps"), encoding="utf-8") as fh:
                sps = fh.read()
            self.assertIn("MRSETS", sps)
            self.assertIn("/MDGROUP NAME=$Q7_1", sps)
            self.assertIn("VARIABLES= Q7_1_1 Q7_1_2", sps)


if __name__ == "__main__":
    unittest.main()
