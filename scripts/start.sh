#!/bin/sh
# The README's first command: installs every dependency (Debian packages), builds chosa
# (release), and runs the main job on the embedded default — a SQLite database in ./var with
# the built-in questionnaires: check them, load the seed 001 answers, and print the simple
# tallies (単純集計) as published in seed 001, plus an .xlsx workbook and a CSV export.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset release > /dev/null
cmake --build --preset release
chosa=build/release/src/cli/chosa
mkdir -p var
export CHOSA_DB=var/chosa.db   # personal-data key: var/chosa.db.key (created on first use, mode 0600)

echo "== 組み込み調査票の検査 (chosa check)"
$chosa check ipa-it-vendor-role osaka-supply-chain-2019
echo "== 回答ファイルの取り込み (chosa import): seed 001 の 118 社"
$chosa import -q osaka-supply-chain-2019 test/golden/seed001/answers_cp932.csv --replace --max-errors 3
$chosa survey list
echo "== 単純集計 (chosa tabulate)"
$chosa tabulate -s osaka-supply-chain-2019 --only industry,employees,Q1_1,Q2_1A,Q2_1A_R1,Q4,Q7_1,Q7_2,Q9,Q10
$chosa tabulate -s osaka-supply-chain-2019 -f xlsx -o var/osaka-supply-chain-2019-gt.xlsx
$chosa export -s osaka-supply-chain-2019 -o var/osaka-supply-chain-2019.csv
echo "== 完了: var/ に集計表 (.xlsx) と回答データ (.csv, コードブック付き) があります"
