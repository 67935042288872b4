#!/usr/bin/python3
"""The simple-tally part (gt_sa, gtw_sa, gt_ma) of the anchors' peer (c), pandas, same code.
Usage: /usr/bin/python3 gt_pandas.py <survey.csv> <codebook.json> <out.csv>
"""
import csv
import json
import sys

import numpy as np
import pandas as pd

csv_path, cb_path, out_path = sys.argv[1:4]
with open(cb_path, encoding="utf-8") as fh:
    cb = json.load(fh)
sa = [(q["name"], len(q["codes"])) for q in cb["questions"] if q["type"] == "SA"]
ma = [(q["name"], q["columns"]) for q in cb["questions"] if q["type"] == "MA"]
df = pd.read_csv(csv_path)
rows = []


def emit(section, var, by, row, col, stat, values):
    vals = np.atleast_1d(np.asarray(values, dtype=float))
    n = len(vals)
    rr = row if isinstance(row, (list, tuple, np.ndarray, pd.Index)) else [row] * n
    cc = col if isinstance(col, (list, tuple, np.ndarray, pd.Index)) else [col] * n
    for r, c, v in zip(rr, cc, vals):
        rows.append((section, var, by, r, c, stat, "NA" if np.isnan(v) else repr(float(v))))


w = df["weight"]
for q, k in sa:
    codes = list(range(1, k + 1))
    x = df[q]
    na = x.isna()
    vc = x.value_counts().reindex(codes, fill_value=0)
    base = vc.sum()
    emit("gt_sa", q, "", codes, "", "n", vc.values)
    emit("gt_sa", q, "", codes, "", "pct", 100.0 * vc.values / base)
    emit("gt_sa", q, "", "NA", "", "n", na.sum())
    emit("gt_sa", q, "", "base", "", "n", base)
    wv = w.groupby(x).sum().reindex(codes, fill_value=0.0)
    wb = wv.sum()
    emit("gtw_sa", q, "", codes, "", "wn", wv.values)
    emit("gtw_sa", q, "", codes, "", "pct", 100.0 * wv.values / wb)
    emit("gtw_sa", q, "", "NA", "", "wn", w[na].sum())
    emit("gtw_sa", q, "", "base", "", "wn", wb)
for q, cols in ma:
    opts = list(range(1, len(cols) + 1))
    m = df[cols]
    ans = m.notna().any(axis=1)
    cnt = m[ans].sum().values
    nresp = int(ans.sum())
    ment = cnt.sum()
    emit("gt_ma", q, "", opts, "", "n", cnt)
    emit("gt_ma", q, "", opts, "", "pct_cases", 100.0 * cnt / nresp)
    emit("gt_ma", q, "", opts, "", "pct_resp", 100.0 * cnt / ment)
    emit("gt_ma", q, "", "NA", "", "n", len(df) - nresp)
    emit("gt_ma", q, "", "base", "", "n", nresp)
    emit("gt_ma", q, "", "mentions", "", "n", ment)
with open(out_path, "w", newline="") as fh:
    wr = csv.writer(fh, lineterminator="\n")
    wr.writerow(["section", "var", "by", "row", "col", "stat", "value"])
    wr.writerows(rows)
