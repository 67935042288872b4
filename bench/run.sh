#!/bin/bash
# Simple-tally benchmark (単純集計): chosa against the R and pandas references of
# ../shared/bench-anchors, on the same machine in the same run. Run on demand, not a test.
#
#   bench/run.sh                         # N = 4,074, 100,000, 1,000,000; 3 runs each
#   SIZES="4074 100000" RUNS=5 bench/run.sh
#
# For each N it times, with the anchors' bench.py (/usr/bin/time: wall s and max RSS):
#   chosa-csv     chosa tabulate straight from the CSV (parse, check every row, tally)
#   chosa-import  chosa import into a fresh SQLite database (check, encode, durable commit)
#   chosa-db      chosa tabulate from that database
#   r-gt, pandas-gt   the gt_sa/gtw_sa/gt_ma part of the anchors' peers (bench/peers_gt)
#   chosa-report-db   the whole full-report workload (WORKLOAD.md: tallies, 120 cross tables,
#                     chi-square tests, number summaries) from the database, by
#                     `chosa analyze -a bench/full-report.analysis.yaml`, reading the column
#                     snapshot the first chosa-db run left beside the database
#   chosa-report-records  the same with --no-snapshot: every stored record read and decoded
#   chosa-report-csv  the same straight from the CSV (parse and check every row first)
# and runs the anchors' full-report peers (R base, pandas) through their own run.sh. Every
# chosa output is checked against the R output with the anchors' compare.py. Figures go to
# $ANCHOR_DIR/chosa/summary.md and stdout.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
ANCHORS=${ANCHORS:-$(cd "$REPO/../shared/bench-anchors" && pwd)}
export ANCHOR_DIR=${ANCHOR_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chosa-bench-anchors}
SIZES=${SIZES:-"4074 100000 1000000"}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-900}
DATA=$ANCHOR_DIR/data
WORK=$ANCHOR_DIR/chosa
PY=/usr/bin/python3
mkdir -p "$WORK/out"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

"$ANCHORS/run.sh" setup
"$REPO/scripts/setup.sh" > /dev/null
(cd "$REPO" && cmake --preset release > /dev/null)
(cd "$REPO" && cmake --build --preset release > /dev/null)
CHOSA=$REPO/build/release/src/cli/chosa
for n in $SIZES; do
  [ -f "$DATA/survey_$n.csv" ] || SIZES=$n "$ANCHORS/run.sh" gen
done
$PY "$REPO/bench/codebook_to_yaml.py" "$DATA/codebook.json" > "$WORK/bench.yaml"
"$CHOSA" check "$WORK/bench.yaml" > /dev/null

log "full-report peers (R base, pandas) through the anchors' run.sh"
SIZES="$SIZES" RUNS=$RUNS TIMEOUT=$TIMEOUT PEERS="base pandas" "$ANCHORS/run.sh" peers

TSV=$WORK/results.tsv
rm -f "$TSV"
: > "$WORK/check.txt"
GT_ONLY="--skip size_class,industry,prefecture"
for n in $SIZES; do
  csv=$DATA/survey_$n.csv
  db=$WORK/bench_$n.db
  cat "$csv" > /dev/null  # warm the page cache, as the anchors do
  time_it() { $PY "$ANCHORS/bench.py" --tool "$1" --n "$n" --runs "$RUNS" --timeout "$TIMEOUT" --out "$TSV" -- "${@:2}"; }
  log "chosa N=$n"
  time_it chosa-csv "$CHOSA" tabulate -q "$WORK/bench.yaml" -d "$csv" -f long --weight weight $GT_ONLY \
    -o "$WORK/out/chosa_csv_$n.csv"
  time_it chosa-import sh -c "rm -rf '$db' '$db-wal' '$db-shm' '$db.cache'; exec '$CHOSA' import -q '$WORK/bench.yaml' '$csv' --db '$db'"
  time_it chosa-db "$CHOSA" tabulate -s bench-anchors --db "$db" -f long --weight weight $GT_ONLY \
    -o "$WORK/out/chosa_db_$n.csv"
  REPORT="-a $REPO/bench/full-report.analysis.yaml -f long --weight weight --skip size_class,industry,prefecture,weight"
  time_it chosa-report-db "$CHOSA" analyze -s bench-anchors --db "$db" $REPORT -o "$WORK/out/chosa_report_db_$n.csv"
  time_it chosa-report-records "$CHOSA" analyze -s bench-anchors --db "$db" $REPORT --no-snapshot \
    -o "$WORK/out/chosa_report_records_$n.csv"
  time_it chosa-report-csv "$CHOSA" analyze -q "$WORK/bench.yaml" -d "$csv" $REPORT -o "$WORK/out/chosa_report_csv_$n.csv"
  log "GT-only peers N=$n"
  time_it r-gt Rscript "$REPO/bench/peers_gt/gt_base.R" "$csv" "$DATA/codebook_flat.tsv" "$WORK/out/r_gt_$n.csv" "$ANCHORS"
  time_it pandas-gt $PY "$REPO/bench/peers_gt/gt_pandas.py" "$csv" "$DATA/codebook.json" "$WORK/out/pandas_gt_$n.csv"
  for out in chosa_csv chosa_db chosa_report_db chosa_report_records chosa_report_csv r_gt pandas_gt; do
    echo "N=$n base-R full report vs $out: $($PY "$ANCHORS/compare.py" "$DATA/out/base_$n.csv" "$WORK/out/${out}_$n.csv" | head -1)" >> "$WORK/check.txt"
  done
  ls -l "$db" | awk -v n="$n" '{print "N=" n " database size: " $5 " bytes"}' >> "$WORK/check.txt"
done
$PY "$REPO/bench/summarize.py" "$TSV" "$ANCHOR_DIR/results/peers.tsv" "$WORK/check.txt" | tee "$WORK/summary.md"
