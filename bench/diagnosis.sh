#!/bin/bash
# Self-diagnosis result page benchmark (issue 5), on demand, not a test. With N stored
# diagnoses (default 50,000, imported from a generated CSV) the server shows a company its
# result with the comparison against every stored diagnosis. Measures, over real HTTP:
#   (a) the first view after the answers changed (the peer scores are read from the records),
#   (b) views while nothing changed (the peer scores kept in memory),
#   (c) the printable result as PDF through Chromium,
#   (d) an IT vendor's portfolio with CUSTOMERS customers (default 300) who answered twice each.
# No reference implementation in ../shared/bench-anchors does this; figures are absolute.
#   bench/diagnosis.sh        N=200000 bench/diagnosis.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-50000}
WORK=${WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/chosa-bench-diagnosis}
rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$REPO" && cmake --preset release > /dev/null && cmake --build --preset release > /dev/null)
CHOSA=$REPO/build/release/src/cli/chosa
python3 "$REPO/bench/diagnosis/generate.py" "$N" "$WORK/answers.csv"
"$CHOSA" import -q self-check-25 "$WORK/answers.csv" --db "$WORK/chosa.db" > /dev/null
printf 'bench-vendor-password\n' | "$CHOSA" user add bench-vendor --role vendor --db "$WORK/chosa.db" > /dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$CHOSA" serve --port "$PORT" --db "$WORK/chosa.db" -q self-check-25 --open-link > "$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q 待ち受けています "$WORK/serve.log" 2>/dev/null && break; sleep 0.1; done
python3 "$REPO/bench/diagnosis/result_views.py" "http://127.0.0.1:$PORT" "$N" "${CUSTOMERS:-300}"
