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
tools = ["chosa-csv", "chosa-db", "chosa-import", "chosa-report-db", "chosa-report-records",
         "chosa-report-csv", "r-gt",
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


def ratio_table(title, columns):
    """Prints a table of peer time / chosa time; `columns` is a list of (heading, peer, chosa)."""
    print(title)
    print()
    print("| N | " + " | ".join(h for h, _, _ in columns) + " |")
    print("|---:|" + "---:|" * len(columns))
    for n in sizes:
        cells = []
        for _, peer, mine in columns:
            p, m = med(peer, n)[0], med(mine, n)[0]
            cells.append("%.1fx" % (p / m) if p and m else "-")
        print("| %s | %s |" % (format(n, ","), " | ".join(cells)))
    print()


ratio_table("Ratios (peer time / chosa time; > 1 means chosa is faster):",
            [("chosa-csv vs R GT", "r-gt", "chosa-csv"), ("vs pandas GT", "pandas-gt", "chosa-csv"),
             ("chosa-db vs R GT", "r-gt", "chosa-db"), ("vs pandas GT", "pandas-gt", "chosa-db"),
             ("chosa-csv vs R full", "R-full", "chosa-csv"), ("vs pandas full", "pandas-full", "chosa-csv")])
ratio_table("Full report (WORKLOAD.md) ratios (peer time / chosa time):",
            [("chosa-report-db vs R full", "R-full", "chosa-report-db"),
             ("vs pandas full", "pandas-full", "chosa-report-db"),
             ("chosa-report-records vs R full", "R-full", "chosa-report-records"),
             ("vs pandas full", "pandas-full", "chosa-report-records"),
             ("chosa-report-csv vs R full", "R-full", "chosa-report-csv"),
             ("vs pandas full", "pandas-full", "chosa-report-csv")])
print("Checks (anchors' compare.py, relative tolerance 1e-9):")
print()
with open(sys.argv[3]) as fh:
    for line in fh:
        print("- " + line.strip())
