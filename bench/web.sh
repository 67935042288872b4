#!/bin/bash
# Web answering system benchmark (issue 3), on demand, not a test. In one run:
#   (a) GET of an answering page (seed 000, page 2, with a respondent session)
#   (b) POST of that page's answers: validated by the answer engine and committed durably
#       (64 sessions in turn)
# against nginx (from Debian, the anchors' config) serving a static page of the same size,
# with `wrk -t2 -c64 -d10s`, RUNS times each, alternating. Prints requests/s, p99 and ratios.
#   bench/web.sh            RUNS=5 bench/web.sh
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
ANCHORS=${ANCHORS:-$(cd "$REPO/../shared/bench-anchors" && pwd)}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WORK=${WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/chosa-bench-web}
rm -rf "$WORK" && mkdir -p "$WORK"
WWW=$(mktemp -d /tmp/chosa-bench-www.XXXXXX)  # nginx's workers must be able to read it
chmod 755 "$WWW"
command -v wrk > /dev/null && command -v nginx > /dev/null || "$ANCHORS/run.sh" setup
"$REPO/scripts/setup.sh" > /dev/null
(cd "$REPO" && cmake --preset release > /dev/null && cmake --build --preset release > /dev/null)
CHOSA=$REPO/build/release/src/cli/chosa
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
CP=$(free_port); NP=$(free_port)

"$CHOSA" serve --port "$CP" --db "$WORK/chosa.db" > "$WORK/serve.log" 2>&1 &
CPID=$!
NPID=
trap 'kill $CPID $NPID 2>/dev/null || true; rm -rf "$WWW"' EXIT
for _ in $(seq 50); do grep -q 待ち受けています "$WORK/serve.log" 2>/dev/null && break; sleep 0.1; done
COOKIE=$(python3 "$REPO/bench/web/sessions.py" "http://127.0.0.1:$CP" 64 "$WORK/post.lua")
SIZE=$(curl -s -b "chosa_session=$COOKIE" "http://127.0.0.1:$CP/a/2" | wc -c)
head -c "$SIZE" /dev/zero | tr '\0' 'x' > "$WWW/q.html"
chmod 644 "$WWW/q.html"
sed -e "s|@RUN@|$WORK|g" -e "s|@WWW@|$WWW|g" -e "s|@PORT@|$NP|g" "$ANCHORS/limits/nginx.conf.in" > "$WORK/nginx.conf"
nginx -p "$WORK" -e "$WORK/nginx.err" -c "$WORK/nginx.conf" &
NPID=$!
sleep 1
for url in "http://127.0.0.1:$NP/q.html"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "nginx answers $code for $url; see $WORK/error.log" >&2; exit 1; }
done
code=$(curl -s -o /dev/null -w '%{http_code}' -b "chosa_session=$COOKIE" "http://127.0.0.1:$CP/a/2")
[ "$code" = 200 ] || { echo "chosa answers $code for /a/2" >&2; exit 1; }

row() {  # label wrk-output
  awk -v label="$1" '/Requests\/sec/ {rps=$2} /^     99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%s\t%s\t%s\t%s\n", label, rps, p99, (bad==""?0:bad)}' "$2"
}
echo -e "test\treq_per_s\tp99\tnon2xx" > "$WORK/results.tsv"
wrk -t2 -c64 -d2s "http://127.0.0.1:$NP/q.html" > /dev/null
wrk -t2 -c64 -d2s -H "Cookie: chosa_session=$COOKIE" "http://127.0.0.1:$CP/a/2" > /dev/null
for r in $(seq "$RUNS"); do
  wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$NP/q.html" > "$WORK/n.txt"; row nginx-get "$WORK/n.txt" >> "$WORK/results.tsv"
  wrk -t2 -c64 -d"$DURATION" --latency -H "Cookie: chosa_session=$COOKIE" "http://127.0.0.1:$CP/a/2" > "$WORK/g.txt"; row chosa-get "$WORK/g.txt" >> "$WORK/results.tsv"
  wrk -t2 -c64 -d"$DURATION" --latency -s "$WORK/post.lua" "http://127.0.0.1:$CP/a/2" > "$WORK/p.txt"; row chosa-post "$WORK/p.txt" >> "$WORK/results.tsv"
done
python3 - "$WORK/results.tsv" "$SIZE" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
by = {}
for r in rows:
    by.setdefault(r["test"], []).append((float(r["req_per_s"]), ms(r["p99"]), int(r["non2xx"])))
print("page size: %s bytes; wrk -t2 -c64; runs: %s" % (sys.argv[2], ", ".join("%.0f" % x for x, _, _ in by["chosa-get"])))
print("| test | median req/s | median p99 ms | non-2xx | ratio to nginx |")
print("|---|---:|---:|---:|---:|")
n = statistics.median(x for x, _, _ in by["nginx-get"])
for t in ("nginx-get", "chosa-get", "chosa-post"):
    v = by[t]
    rps = statistics.median(x for x, _, _ in v)
    print("| %s | %.0f | %.2f | %d | %.2f |" % (t, rps, statistics.median(p for _, p, _ in v), sum(b for _, _, b in v), rps / n))
PY
