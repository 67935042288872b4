#!/bin/sh
# Runs every fuzzer for SECONDS (default 20) on a seed corpus made from the repository's files.
# Usage: test/fuzz/run.sh BUILD_DIR [SECONDS]. Exits non-zero if any fuzzer finds a crash.
set -eu
build=$1
seconds=${2:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$build/fuzz-work
rm -rf "$work"
mkdir -p "$work/questionnaire" "$work/expression" "$work/csv" "$work/xlsx" "$work/crashes"
cp "$src"/data/questionnaires/*.yaml "$work/questionnaire/"
printf 'Q1 in [1..7]' > "$work/expression/1"
printf 'B includes any [1, 3] and not (C >= 2.5 or D == "x")' > "$work/expression/2"
printf 'count(B) > 1 or answered(A) and G.x != 2' > "$work/expression/3"
head -c 4000 "$src/test/golden/seed001/answers_cp932.csv" > "$work/csv/seed001_cp932.csv"
printf 'id,Q1,Q1_14_text,Q3,Q8_1,Q8_19,Q8_19_text\nR1,14,"その他,\n記述",３,1,1,=x\nR2,99,,,2,0,\n' > "$work/csv/it_vendor.csv"
python3 - "$work/xlsx/min.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/sharedStrings.xml", '<sst><si><t>id</t><rPh><t>x</t></rPh></si></sst>')
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>')
PY
status=0
for pair in questionnaire_fuzzer:questionnaire expression_fuzzer:expression csv_import_fuzzer:csv xlsx_fuzzer:xlsx; do
  fuzzer=${pair%%:*}
  corpus=$work/${pair##*:}
  echo "== $fuzzer (${seconds}s)"
  if ! "$build/test/fuzz/$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/crashes/$fuzzer-" -print_final_stats=1 "$corpus" > "$work/$fuzzer.log" 2>&1; then
    echo "FAILED: $fuzzer (see $work/$fuzzer.log)"; tail -40 "$work/$fuzzer.log"; status=1
  else
    grep -E 'stat::number_of_executed_units|Done' "$work/$fuzzer.log" | tail -2
  fi
done
exit $status
