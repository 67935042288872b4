#!/usr/bin/env python3
"""The report workbook (chosa report --xlsx) has a sheet and a native Excel chart per table,
and LibreOffice (headless, from Debian) converts it without error.

Imports seed 001 into a real SQLite file, writes the report with the built-in analysis, checks
the workbook's parts (sheets, charts reading the table cells, withheld cells as x), and converts
it to PDF with `soffice --headless --convert-to pdf`. Needs CHOSA_BIN, CHOSA_SOURCE_DIR, soffice.
"""
import os
import re
import subprocess
import tempfile
import unittest
import zipfile

CHOSA = os.environ.get("CHOSA_BIN", "chosa")
SOURCE = os.environ.get("CHOSA_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


def run(*args):
    return subprocess.run([CHOSA, *args], check=True, capture_output=True, text=True)


class XlsxTest(unittest.TestCase):
    def test_workbook_with_native_charts_opens_in_libreoffice(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "chosa.db")
            run("import", "-q", "osaka-supply-chain-2019", os.path.join(SOURCE, "test/golden/seed001/answers.csv"),
                "--db", db)
            xlsx = os.path.join(tmp, "report.xlsx")
            done = run("report", "-a", os.path.join(SOURCE, "data/analyses/osaka-supply-chain-2019.analysis.yaml"),
                      "-s", "osaka-supply-chain-2019", "--db", db, "-o", os.path.join(tmp, "r.html"),
                      "--xlsx", xlsx, "--suppress-below", "3")
            self.assertNotIn("WARNING", done.stderr)  # libxlsxwriter found every sheet it refers to
            counts = re.search(r"単純集計 (\d+)、クロス集計 (\d+)", done.stdout)
            tallies, crosses = int(counts.group(1)), int(counts.group(2))
            with zipfile.ZipFile(xlsx) as z:
                names = z.namelist()
                charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
                sheets = [n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
                workbook = z.read("xl/workbook.xml").decode()
                chart1 = z.read("xl/charts/chart1.xml").decode()
                strings = z.read("xl/sharedStrings.xml").decode()
            self.assertEqual(len(sheets), len(charts) + 1)  # the contents sheet has no chart
            self.assertGreaterEqual(len(charts), crosses)
            self.assertLessEqual(len(charts), tallies + crosses)
            self.assertIn('name="目次"', workbook)
            self.assertIn('name="Q1_1_by_size"', workbook)
            self.assertRegex(chart1, r"<c:val><c:numRef><c:f>[^<!]+!\$C\$4:\$C\$\d+</c:f>")
            # Every chart reads cells of a sheet that exists.
            sheet_names = set(re.findall(r'<sheet name="([^"]+)"', workbook))
            for chart in charts[:20]:
                with zipfile.ZipFile(xlsx) as z:
                    xml = z.read(chart).decode()
                for ref in re.findall(r"<c:f>([^<]+)</c:f>", xml):
                    name = ref.rsplit("!", 1)[0]
                    if name.startswith("'") and name.endswith("'"):
                        name = name[1:-1].replace("''", "'")
                    self.assertIn(name, sheet_names, ref)
            self.assertIn("<t>x</t>", strings)  # withheld cells (disclosure control on)
            subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", tmp, xlsx],
                           check=True, capture_output=True, timeout=240,
                           env={**os.environ, "HOME": tmp})
            with open(os.path.join(tmp, "report.pdf"), "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")


if __name__ == "__main__":
    unittest.main()
