#!/bin/sh
# The README's first command: installs every dependency (Debian packages, npm), builds chosa
# (release), and runs the main job on the embedded default — a SQLite database in ./var with
# the built-in questionnaires: check them, load the seed 001 answers, and print the simple
# tallies (単純集計) as published in seed 001, plus an .xlsx workbook and a CSV export; then
# start the web answering system with seed 000's questionnaire and the administrator console
# (an account "admin" is made on the first run; its password is printed and kept in
# var/admin-password.txt). CHOSA_NO_SERVE=1 stops before the server.
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
echo "== クロス集計 (chosa analyze): 従業員規模別・製造業／非製造業別、検定つき"
$chosa analyze -a data/analyses/osaka-supply-chain-2019.analysis.yaml -s osaka-supply-chain-2019 --only Q1_1,Q7_1,Q10
echo "== 報告書 (chosa report): HTML と PDF、SPSS ファイル"
$chosa report -a data/analyses/osaka-supply-chain-2019.analysis.yaml -s osaka-supply-chain-2019 \
  -o var/osaka-supply-chain-2019-report.html --pdf var/osaka-supply-chain-2019-report.pdf \
  --xlsx var/osaka-supply-chain-2019-report.xlsx
$chosa export -s osaka-supply-chain-2019 -o var/osaka-supply-chain-2019.sav
$chosa export -s osaka-supply-chain-2019 -o var/osaka-supply-chain-2019.csv
echo "== seed 002 の報告書を回答データから再現 (4,074 社、公表値と同じ集計になる試験データ)"
python3 test/acceptance/seed002_data.py var/ipa-sme-security-2021-answers.csv
$chosa import -q ipa-sme-security-2021 var/ipa-sme-security-2021-answers.csv --replace
$chosa report -a data/analyses/ipa-sme-security-2021.analysis.yaml -s ipa-sme-security-2021 \
  -o var/ipa-sme-security-2021-report.html --pdf var/ipa-sme-security-2021-report.pdf
echo "== 完了: var/ に集計表 (.xlsx)、報告書 (.html, .pdf, .xlsx)、回答データ (.csv とコードブック, SPSS .sav) があります"
[ "${CHOSA_NO_SERVE:-0}" = 1 ] && exit 0

echo "== ウェブ回答システム (chosa serve): 組み込み調査票 ipa-it-vendor-role と自社診断 self-check-25"
if ! $chosa user list | grep -q .; then
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
  printf '%s\n' "$password" | $chosa user add admin --role admin
  (umask 077 && printf '%s\n' "$password" > var/admin-password.txt)
fi
if ! $chosa user list | grep -q '^vendor-demo'; then
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
  printf '%s\n' "$password" | $chosa user add vendor-demo --role vendor
  (umask 077 && printf '%s\n' "$password" > var/vendor-password.txt)
fi
echo "   回答: http://127.0.0.1:8080/s/ipa-it-vendor-role"
echo "   管理画面: http://127.0.0.1:8080/admin （ユーザー admin、パスワードは var/admin-password.txt）"
echo "   自社診断: http://127.0.0.1:8080/s/self-check-25"
echo "   IT ベンダー: http://127.0.0.1:8080/vendor （ユーザー vendor-demo、パスワードは var/vendor-password.txt）"
exec $chosa serve -q ipa-it-vendor-role -q self-check-25 --open-link
