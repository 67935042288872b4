#!/usr/bin/env python3
"""Prints the simple-tally benchmark summary (markdown) from bench.py TSV files.
Usage: summarize.py chosa_results.tsv anchors_peers.tsv check.txt
"""
import csv
import statistics
import sys


def load(path):
    runs = {}
    try:
        with open(path) as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                if r["status"] != "ok":
                    continue
                runs.setdefault((r["tool"], int(r["n"])), []).append((float(r["wall_s"]), int(r["maxrss_kb"])))
    except FileNotFoundError:
        pass
    return runs


ours, peers = load(sys.argv[1]), load(sys.argv[2])
runs = {**ours, **{("R-full" if t == "base" else "pandas-full", n): v for (t, n), v in peers.items()}}
sizes = sorted({n for _, n in runs})
tools = ["chosa-csv", "chosa-db", "chosa-import", "chosa-report-db", "chosa-report-csv", "r-gt",
         "pandas-gt", "R-full", "pandas-full"]


def med(tool, n):
    v = runs.get((tool, n))
    return (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) if v else (None, None)


print("| tool | N | median wall s | max RSS MiB |")
print("|---|---:|---:|---:|")
for n in sizes:
    for t in tools:
        w, m = med(t, n)
        if w is not None:
            print("| %s | %s | %.2f | %.0f |" % (t, format(n, ","), w, m / 1024))
print()
print("Ratios (peer time / chosa time; > 1 means chosa is faster):")
print()
print("| N | chosa-csv vs R GT | vs pandas GT | chosa-db vs R GT | vs pandas GT | chosa-csv vs R full | vs pandas full |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    c, d = med("chosa-csv", n)[0], med("chosa-db", n)[0]

    def ratio(peer, mine):
        p = med(peer, n)[0]
        return "%.1fx" % (p / mine) if p and mine else "-"
    print("| %s | %s | %s | %s | %s | %s | %s |" % (format(n, ","), ratio("r-gt", c), ratio("pandas-gt", c),
                                                     ratio("r-gt", d), ratio("pandas-gt", d),
                                                     ratio("R-full", c), ratio("pandas-full", c)))
print()
print("Full report (WORKLOAD.md) ratios (peer time / chosa time):")
print()
print("| N | chosa-report-db vs R full | vs pandas full | chosa-report-csv vs R full | vs pandas full |")
print("|---:|---:|---:|---:|---:|")
for n in sizes:
    d, c = med("chosa-report-db", n)[0], med("chosa-report-csv", n)[0]

    def ratio(peer, mine):
        p = med(peer, n)[0]
        return "%.1fx" % (p / mine) if p and mine else "-"
    print("| %s | %s | %s | %s | %s |" % (format(n, ","), ratio("R-full", d), ratio("pandas-full", d),
                                          ratio("R-full", c), ratio("pandas-full", c)))
print()
print("Checks (anchors' compare.py, relative tolerance 1e-9):")
print()
with open(sys.argv[3]) as fh:
    for line in fh:
        print("- " + line.strip())
