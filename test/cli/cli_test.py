#!/usr/bin/env python3
"""End-to-end tests of the `chosa` command: real binary, real SQLite files, real CSV/XLSX files.

Run by CTest with CHOSA_BIN (the binary) and CHOSA_SOURCE_DIR set.
"""
import csv
import io
import json
import os
import shutil
import stat
import subprocess
import tempfile
import unittest
import zipfile

BIN = os.environ["CHOSA_BIN"]
SRC = os.environ["CHOSA_SOURCE_DIR"]
SEED001 = os.path.join(SRC, "test", "golden", "seed001")


def run(*args, cwd=None, check=None):
    p = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True)
    if check is not None:
        assert p.returncode == check, "exit %d, wanted %d\nstdout:\n%s\nstderr:\n%s" % (
            p.returncode, check, p.stdout, p.stderr)
    return p


def xlsx_from_rows(path, rows, sheet="回答"):
    """A minimal .xlsx (inline strings) written with the standard library."""
    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    def esc(t):
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = []
    for r, row in enumerate(rows, 1):
        cells = "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(c), r, esc(v))
                        for c, v in enumerate(row) if v != "")
        body.append('<row r="%d">%s</row>' % (r, cells))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % sheet)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   "<worksheet><sheetData>%s</sheetData></worksheet>" % "".join(body))


class ChosaCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="chosa_cli_")
        self.db = os.path.join(self.dir, "chosa.db")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def import_seed001(self, *extra, file="answers.csv"):
        return run("import", "-q", "osaka-supply-chain-2019", os.path.join(SEED001, file), "--db", self.db,
                   *extra, check=0)

    def tally_json(self, *args):
        return json.loads(run("tabulate", "--format", "json", *args, check=0).stdout)

    def test_check_builtins_and_broken_files(self):
        p = run("check", "ipa-it-vendor-role", "osaka-supply-chain-2019", check=0)
        self.assertIn("条件分岐 12件", p.stdout)
        broken = self.path("broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("survey: {id: b, title: t}\nsections:\n  - id: s\n    questions:\n"
                    "      - {id: Q1, type: single, text: t, options: [a]}\n"
                    "      - {id: Q2, type: single, text: t, when: Q1 == 2, options: [a]}\n")
        p = run("check", broken, check=1)
        self.assertIn("broken.yaml:6:", p.stderr)
        self.assertIn("Q1 に選択肢コード 2 はありません", p.stderr)
        p = run("check", "no-such-survey", check=1)
        self.assertIn("ipa-it-vendor-role", p.stderr)

    def test_import_and_tabulate_seed001(self):
        p = self.import_seed001()
        self.assertIn("118行を取り込みました", p.stdout)
        key = self.db + ".key"
        self.assertEqual(stat.S_IMODE(os.stat(key).st_mode), 0o600)
        text = run("tabulate", "-s", "osaka-supply-chain-2019", "--db", self.db, "--only", "Q10", check=0).stdout
        self.assertIn("中小企業自身が自衛すべき", text)
        j = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db, "--only", "Q7_1")
        rows = {r["label"]: r for r in j["tables"][0]["rows"]}
        self.assertEqual(rows["標的型メールが届く"]["n"], 15)
        self.assertEqual(rows["標的型メールが届く"]["display"], ["50", "13"])
        # Straight from the file gives the same tables as from the database.
        direct = self.tally_json("-q", "osaka-supply-chain-2019", "-d", os.path.join(SEED001, "answers_cp932.csv"))
        stored = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db)
        self.assertEqual(direct["tables"], stored["tables"])

    def test_import_is_all_or_nothing(self):
        bad = self.path("bad.csv")
        with open(os.path.join(SEED001, "answers.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        rows[5][rows[0].index("Q3")] = "7"        # no such code
        rows[9][rows[0].index("Q4_1")] = "yes"    # not 0/1
        with open(bad, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        p = run("import", "-q", "osaka-supply-chain-2019", bad, "--db", self.db, check=1)
        self.assertIn("bad.csv 6行目", p.stderr)
        self.assertIn("（Q3）: エラー: 問 Q3: 選択肢にない値 \"7\" です", p.stderr)
        self.assertIn("bad.csv 10行目", p.stderr)
        self.assertIn("何も書き込んでいません", p.stderr)
        self.assertIn("回答 0件", run("survey", "list", "--db", self.db, check=0).stdout)
        p = run("import", "-q", "osaka-supply-chain-2019", bad, "--db", self.db, "--skip-invalid",
                "--rejects", self.path("rejects.csv"), check=0)
        self.assertIn("116行を取り込みました", p.stdout)
        with open(self.path("rejects.csv"), encoding="utf-8-sig") as f:
            rejected = list(csv.reader(f))
        self.assertEqual(len(rejected), 3)
        self.assertEqual(rejected[0][-1], "エラー内容")
        # The same ids again: refused unless --replace.
        p = run("import", "-q", "osaka-supply-chain-2019", os.path.join(SEED001, "answers.csv"), "--db", self.db,
                check=1)
        self.assertIn("既に取り込まれています", p.stderr)
        p = run("import", "-q", "osaka-supply-chain-2019", os.path.join(SEED001, "answers.csv"), "--db", self.db,
                "--replace", check=0)
        self.assertIn("置き換え 116行", p.stdout)

    def test_xlsx_import_matches_csv(self):
        with open(os.path.join(SEED001, "answers.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        xlsx = self.path("answers.xlsx")
        xlsx_from_rows(xlsx, rows)
        p = run("import", "-q", "osaka-supply-chain-2019", xlsx, "--db", self.db, "--sheet", "回答", check=0)
        self.assertIn("118行を取り込みました", p.stdout)
        direct = self.tally_json("-q", "osaka-supply-chain-2019", "-d", os.path.join(SEED001, "answers.csv"))
        stored = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db)
        self.assertEqual(direct["tables"], stored["tables"])
        rows[3][rows[0].index("Q1_1")] = "99"
        xlsx_from_rows(xlsx, rows)
        p = run("import", "-q", "osaka-supply-chain-2019", xlsx, "--db", self.path("other.db"), check=1)
        self.assertIn("answers.xlsx シート「回答」 F4（Q1_1）", p.stderr)

    def test_personal_data_never_leaves_encrypted_storage(self):
        outputs = [self.import_seed001().stdout]
        outputs.append(run("export", "-s", "osaka-supply-chain-2019", "--db", self.db, "-o", self.path("out.csv"),
                           check=0).stdout)
        for fmt in ("text", "json", "csv", "long"):
            outputs.append(run("tabulate", "-s", "osaka-supply-chain-2019", "--db", self.db, "-f", fmt,
                               check=0).stdout)
        files = [self.path("out.csv"), self.path("out.codebook.csv"), self.db]
        if os.path.exists(self.db + "-wal"):
            files.append(self.db + "-wal")
        for name in files:
            with open(name, "rb") as f:
                outputs.append(f.read().decode("utf-8", "replace"))
        for text in outputs:
            self.assertNotIn("サンプル工業株式会社", text)
            self.assertNotIn("survey001@example.jp", text)
            self.assertNotIn("company", text.split("\n")[0] if text.startswith("\ufeffid") else "")

    def test_export_round_trip_encodings_and_formula_guard(self):
        src = self.path("in.csv")
        with open(os.path.join(SEED001, "answers.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        h = rows[0]
        rows[1][h.index("Q10_7")] = "1"
        rows[1][h.index("Q10_7_text")] = '=HYPERLINK("http://evil.example","x")'
        with open(src, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        run("import", "-q", "osaka-supply-chain-2019", src, "--db", self.db, check=0)
        run("export", "-s", "osaka-supply-chain-2019", "--db", self.db, "-o", self.path("out.csv"), check=0)
        with open(self.path("out.csv"), "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbfid,"))
        self.assertIn("'=HYPERLINK(", raw.decode("utf-8"))
        run("export", "-s", "osaka-supply-chain-2019", "--db", self.db, "-o", self.path("sjis.csv"),
            "--encoding", "cp932", check=0)
        with open(self.path("sjis.csv"), "rb") as f:
            f.read().decode("cp932")  # raises if not CP932
        # Re-importing the export reproduces the same tables.
        other = self.path("copy.db")
        run("import", "-q", "osaka-supply-chain-2019", self.path("sjis.csv"), "--db", other, check=0)
        a = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db)
        b = self.tally_json("-s", "osaka-supply-chain-2019", "--db", other)
        self.assertEqual(a["tables"], b["tables"])
        # The same through an .xlsx export (sheet 回答), with the formula text kept as text.
        p = run("export", "-s", "osaka-supply-chain-2019", "--db", self.db, "-o", self.path("out.xlsx"), check=0)
        self.assertIn("シート: 回答、コードブック", p.stdout)
        with zipfile.ZipFile(self.path("out.xlsx")) as z:
            strings = z.read("xl/sharedStrings.xml").decode()
            self.assertTrue('<t>=HYPERLINK("http://evil.example","x")</t>' in strings, "a string cell, unprefixed")
        third = self.path("xlsx.db")
        run("import", "-q", "osaka-supply-chain-2019", self.path("out.xlsx"), "--db", third, check=0)
        c = self.tally_json("-s", "osaka-supply-chain-2019", "--db", third)
        self.assertEqual(a["tables"], c["tables"])

    def test_backup_and_xlsx_output(self):
        self.import_seed001()
        backup = self.path("backup.db")
        p = run("backup", backup, "--db", self.db, check=0)
        self.assertIn(".key は別に保管", p.stdout)
        self.assertIn("回答 118件", run("survey", "list", "--db", backup, check=0).stdout)
        run("backup", backup, "--db", self.db, check=1)  # never overwrites
        out = self.path("gt.xlsx")
        run("tabulate", "-s", "osaka-supply-chain-2019", "--db", self.db, "-f", "xlsx", "-o", out, check=0)
        with zipfile.ZipFile(out) as z:
            self.assertIn("xl/workbook.xml", z.namelist())

    def test_analyze_cross_tables_from_database_and_file(self):
        self.import_seed001()
        spec = self.path("analysis.yaml")
        with open(spec, "w", encoding="utf-8") as f:
            f.write("analysis: size\nsettings: {small_base: 30}\n"
                    "breakdowns:\n  - {by: employees, questions: [Q1_1, Q7_1]}\n")
        stored = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db, check=0).stdout
        direct = run("analyze", "-a", spec, "-q", "osaka-supply-chain-2019",
                     "-d", os.path.join(SEED001, "answers_cp932.csv"), check=0).stdout
        self.assertEqual(stored, direct)
        cross = stored[stored.index("＝＝ クロス集計 ＝＝"):]
        self.assertIn("× ", cross)
        self.assertIn("全体", cross)
        self.assertIn("カイ二乗検定", cross)
        self.assertIn("※", cross)  # 118 companies split by size: some groups under 30
        # The long form sums: per group bases add up to the total of those with a known size.
        long_form = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db,
                        "-f", "long", check=0).stdout
        bases = [float(l.split(",")[6]) for l in long_form.splitlines()
                 if l.startswith("xt_sa,Q1_1,employees,base,")]
        j = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db, "--only", "Q1_1")
        self.assertLessEqual(sum(bases), j["tables"][0]["counts"]["answered"])
        self.assertGreater(sum(bases), 0)
        # A wrong analysis file: located errors, nothing computed.
        with open(spec, "w", encoding="utf-8") as f:
            f.write("analysis: size\nbreakdowns:\n  - {by: Q7_1, questions: [NOPE]}\n")
        p = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db, check=1)
        self.assertIn("analysis.yaml:3:5: エラー: by の質問「Q7_1」は単一回答か都道府県の質問にしてください",
                      p.stderr)
        self.assertIn("questions の質問「NOPE」は調査票「osaka-supply-chain-2019」にありません", p.stderr)
        self.assertEqual(p.stdout, "")

    def test_analyze_with_derived_variables_of_the_builtin_analysis(self):
        self.import_seed001()
        spec = os.path.join(os.environ["CHOSA_SOURCE_DIR"], "data/analyses/osaka-supply-chain-2019.analysis.yaml")
        text = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db,
                   "--only", "Q1_1,size,maker", check=0).stdout
        self.assertIn("■ 問1　1-1：仕入・外注・委託先(買い先) × 従業員規模", text)
        self.assertIn("■ 製造業／非製造業 × 従業員規模", text)  # a derived variable by another
        long_form = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db,
                        "--only", "size,maker", "-f", "long", check=0).stdout
        rows = [l.split(",") for l in long_form.splitlines()]
        gt = {r[3]: float(r[6]) for r in rows if r[:2] == ["gt_sa", "maker"] and r[5] == "n"}
        tally = self.tally_json("-s", "osaka-supply-chain-2019", "--db", self.db, "--only", "industry")
        manufacturing = [r["n"] for r in tally["tables"][0]["rows"] if r.get("code") == 1][0]
        self.assertEqual(gt["1"], manufacturing)  # 製造業 = industry code 1

    def test_analyze_compares_with_a_previous_wave(self):
        self.import_seed001()
        # The "previous wave": the same questionnaire under another id, with the same answers.
        with open(os.path.join(os.environ["CHOSA_SOURCE_DIR"],
                               "data/questionnaires/osaka-supply-chain-2019.yaml"), encoding="utf-8") as f:
            yaml_text = f.read().replace("id: osaka-supply-chain-2019", "id: osaka-previous", 1)
        previous = self.path("previous.yaml")
        with open(previous, "w", encoding="utf-8") as f:
            f.write(yaml_text)
        run("import", "-q", previous, os.path.join(SEED001, "answers.csv"), "--db", self.db, check=0)
        spec = self.path("waves.yaml")
        with open(spec, "w", encoding="utf-8") as f:
            f.write("analysis: w\nwaves:\n"
                    "  - {id: stored, label: 前回(回答), survey: osaka-previous, questions: [Q1_1, Q7_1]}\n"
                    "  - id: published\n    label: 前回(公表値)\n"
                    "    figures:\n      Q1_1: {n: 200, percents: {1: 30, 2: 15, 3: 16, 4: 9, 5: 7, 6: 8, 7: 15}}\n")
        out = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db,
                  "--only", "Q1_1", check=0).stdout
        self.assertIn("前回(回答)(n=117)", out)
        self.assertIn("前回(公表値)(n=200)", out)
        rows = [l.split(",") for l in run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019",
                                          "--db", self.db, "--only", "Q1_1", "-f", "long", check=0).stdout.splitlines()]
        wave = [r for r in rows if r[0] == "wave" and r[1] == "Q1_1"]
        stored = [r for r in wave[:2 + 7 * 4]]
        prev = {r[3]: r[6] for r in stored if r[4] == "previous" and r[5] == "pct"}
        cur = {r[3]: r[6] for r in stored if r[4] == "current" and r[5] == "pct"}
        self.assertEqual(prev, cur)  # the same answers: the same percents, no difference
        published = wave[2 + 7 * 4:]
        p1 = [float(r[6]) for r in published if r[3] == "1" and r[4] == "diff" and r[5] == "p"][0]
        self.assertLess(p1, 0.001)  # 30% then, 9% now among 117 and 200 companies
        # An unknown survey as the previous wave: a clear error.
        with open(spec, "w", encoding="utf-8") as f:
            f.write("analysis: w\nwaves:\n  - {id: old, survey: no-such-survey, questions: [Q1_1]}\n")
        p = run("analyze", "-a", spec, "-s", "osaka-supply-chain-2019", "--db", self.db, check=1)
        self.assertIn("前回調査「old」の回答を読めません", p.stderr)

    def test_report_html_and_pdf_escape_what_respondents_typed(self):
        payload = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
        questionnaire = self.path("q.yaml")
        with open(questionnaire, "w", encoding="utf-8") as f:
            f.write("survey: {id: xss, title: 報告書テスト}\nsections:\n  - id: s\n    questions:\n"
                    "      - {id: size, type: single, text: 規模, options: [小, 大]}\n"
                    "      - id: Q1\n        type: single\n        text: 対策\n        options:\n"
                    "          - 実施\n          - \"</script><script>alert(3)</script>\"\n"
                    "          - {code: 9, label: その他, other: true}\n")
        answers = self.path("answers.csv")
        with open(answers, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "size", "Q1", "Q1_9_text"])
            for i in range(40):
                w.writerow(["r%d" % i, 1 + i % 2, [1, 2, 9][i % 3], payload if i % 3 == 2 else ""])
        spec = self.path("a.yaml")
        with open(spec, "w", encoding="utf-8") as f:
            f.write("analysis: r\ntitle: テスト報告書\nbreakdowns: [{by: size}]\n")
        html, pdf = self.path("r.html"), self.path("r.pdf")
        p = run("report", "-a", spec, "-q", questionnaire, "-d", answers, "-o", html, "--pdf", pdf, check=0)
        self.assertIn("クロス集計 1", p.stdout)
        with open(html, encoding="utf-8") as f:
            page = f.read()
        self.assertIn("<title>テスト報告書</title>", page)
        self.assertIn("対策について、「実施」の割合が最も高く", page)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)", page)
        self.assertFalse("<script>alert(2)" in page)
        self.assertFalse("<script>alert(3)" in page)  # option labels escaped in tables and chart data
        self.assertIn("\\u003c/script>\\u003cscript>alert(3)", page)
        self.assertEqual(page.count('class="chart-data"'), 3)  # size, Q1, Q1 x size
        with open(pdf, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")

    def test_classify_names_the_rule(self):
        p = run("classify", "--industry", "rubber", "--capital", "5億", "--employees", "850", check=0)
        self.assertIn("判定: 中小企業者", p.stdout)
        self.assertIn("ゴム製品製造業の特例", p.stdout)
        p = run("classify", "--industry", "service", "--capital", "５，０００万円", "--employees", "5", check=0)
        self.assertIn("判定: 小規模企業者", p.stdout)
        p = run("classify", "--industry", "wholesale", "--capital", "2億", "--employees", "101", check=0)
        self.assertIn("判定: 大企業", p.stdout)
        p = run("classify", "--industry", "mining", "--employees", "3", check=1)
        self.assertIn("業種「mining」はありません", p.stderr)

    def test_diagnose_scores_advises_and_compares_with_peers(self):
        def answers(codes):
            return ",".join("D%02d=%d" % (i + 1, c) for i, c in enumerate(codes))
        p = run("diagnose", "--answers", answers([1] * 25), check=0)
        self.assertIn("合計: 100点 / 100点（100点）", p.stdout)
        self.assertIn("一つ星: 宣言できます", p.stdout)
        # Gaps: D03 partly, D11 not done, D20 unknown; D09 does not apply (no wireless LAN).
        codes = [1] * 25
        codes[2], codes[10], codes[19], codes[8] = 2, 3, 4, 9
        p = run("diagnose", "--answers", answers(codes), "--top", "3", check=0)
        self.assertIn("合計: 89点 / 100点（70～99点）", p.stdout)
        first = p.stdout.index("1. [Part 1] D03")
        self.assertLess(first, p.stdout.index("2. [Part 2] D11"))
        self.assertLess(p.stdout.index("2. [Part 2] D11"), p.stdout.index("3. [Part 3] D20"))
        self.assertIn("該当しない（実施とみなした）項目: D09", p.stdout)
        self.assertIn("一つ星: あと 1 項目（ D03 ）", p.stdout)
        self.assertIn("https://www.ipa.go.jp/security/guide/sme/about.html", p.stdout)
        p = run("diagnose", "--answers", "D01=7", check=1)
        self.assertIn("--answers の「D01=7」が読めません", p.stderr)
        p = run("diagnose", "--answers", "D26=1", check=1)

        # Peers: 40 stored companies (industry 1 製造業, 10 staff: small enterprises), scores
        # 0..100 in steps; the comparison is computed here independently.
        import statistics
        rows = ["id,industry,employees,capital," + ",".join("D%02d" % (i + 1) for i in range(25))]
        scores = []
        for k in range(40):
            done = k % 26  # items implemented, the rest not done
            item = [1 if i < done else 3 for i in range(25)]
            scores.append(4 * done)
            rows.append("c%d,1,10,1,%s" % (k, ",".join(map(str, item))))
        data = self.path("peers.csv")
        with open(data, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        run("import", "-q", "self-check-25", data, "--db", self.db, check=0)
        p = run("diagnose", "--answers", answers(codes), "--compare", "--industry", "1",
                "--employees", "10", "--capital", "1", "--db", self.db, check=0)
        mine = 89
        below = sum(1 for x in scores if x < mine) + sum(1 for x in scores if x == mine) / 2
        self.assertIn("比べた相手: 製造業・小規模企業者（n=40）", p.stdout)
        self.assertIn("平均 %.1f点、標準偏差 %.1f" % (statistics.mean(scores), statistics.pstdev(scores)),
                      p.stdout)
        self.assertIn("パーセンタイル %.1f（下位からの位置）、偏差値 %.1f" % (
            100 * below / 40,
            (mine - statistics.mean(scores)) / statistics.pstdev(scores) * 10 + 50), p.stdout)
        # Another industry has no answers: the comparison falls back to the size class, and
        # without peers of the size either, to everyone.
        p = run("diagnose", "--answers", answers(codes), "--compare", "--industry", "6",
                "--employees", "3", "--db", self.db, check=0)
        self.assertIn("比べた相手: 小規模企業者（全業種）（n=40）", p.stdout)
        p = run("diagnose", "--answers", answers(codes), "--compare", "--industry", "6",
                "--employees", "200", "--capital", "1", "--db", self.db, check=0)
        self.assertIn("比べた相手: 回答企業全体（n=40）", p.stdout)

    def test_weighted_tally_from_a_file(self):
        q = self.path("w.yaml")
        with open(q, "w", encoding="utf-8") as f:
            f.write("survey: {id: w, title: ウェイト}\nsections:\n  - id: s\n    questions:\n"
                    "      - {id: Q1, type: single, text: t, options: [a, b]}\n"
                    "      - {id: wt, type: number, text: w, decimals: 2}\n")
        data = self.path("w.csv")
        with open(data, "w", encoding="utf-8") as f:
            f.write("id,Q1,wt\n1,1,3\n2,2,1\n")
        p = run("tabulate", "-q", q, "-d", data, "--weight", "wt", "-f", "long", "--only", "Q1", check=0)
        self.assertIn("gtw_sa,Q1,,1,,pct,75\n", p.stdout)
        self.assertIn("gt_sa,Q1,,1,,pct,50\n", p.stdout)


if __name__ == "__main__":
    unittest.main()
