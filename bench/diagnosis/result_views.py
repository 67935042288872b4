#!/usr/bin/env python3
"""Times result views of the self-diagnosis over HTTP (see bench/diagnosis.sh)."""
import os
import random
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "web"))
os.environ.setdefault("CHOSA_BIN", "unused")
from chosa_server import Browser  # noqa: E402
from vendor_test import answer_all, answer_link  # noqa: E402

base, n, customers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


first, again, pdf = [], [], []
for k in range(5):
    b = Browser(base)
    b.start_open("self-check-25")
    answer_all(b, [1] * 24 + [k % 3 + 1])
    Browser(base).start_open("self-check-25")  # someone starts answering: the responses changed
    ms, (status, _, body) = timed(lambda: b.get("/a/done"))
    assert status == 200 and "比べた相手" in body
    first.append(ms)
    for _ in range(20):
        again.append(timed(lambda: b.get("/a/done"))[0])
    if k < 3:
        ms, (status, _, data) = timed(lambda: b.request_bytes("/a/result.pdf"))
        assert status == 200 and data.startswith(b"%PDF")
        pdf.append(ms)
print("stored diagnoses: %d" % n)
print("result view, first after a change (median of %d): %.1f ms" % (len(first), statistics.median(first)))
print("result view, unchanged (median of %d): %.1f ms" % (len(again), statistics.median(again)))
print("result as PDF through Chromium (median of %d): %.0f ms" % (len(pdf), statistics.median(pdf)))

# (d) A vendor with `customers` customers, each diagnosed twice through its link.
vendor = Browser(base)
_, _, form = vendor.get("/vendor/login")
vendor.post("/vendor/login", {"_csrf": vendor.csrf(form), "user": "bench-vendor",
                              "password": "bench-vendor-password"})
rng = random.Random(7)
_, _, page = vendor.get("/vendor")
for i in range(customers):
    _, hdrs, _ = vendor.post("/vendor/customers", {"_csrf": vendor.csrf(page), "name": "顧客%d" % i})
    link = re.search(r'value="(http://[^"]+/c/[0-9a-f]{32})"', vendor.get(hdrs["Location"])[2]).group(1)
    for _ in range(2):
        answer_link(base, link, [rng.choice([1, 1, 2, 3]) for _ in range(25)])
portfolio = []
for _ in range(10):
    ms, (status, _, body) = timed(lambda: vendor.get("/vendor"))
    assert status == 200 and "顧客 %d社のうち %d社が診断済み" % (customers, customers) in body
    portfolio.append(ms)
print("vendor portfolio, %d customers x 2 diagnoses (median of %d): %.1f ms"
      % (customers, len(portfolio), statistics.median(portfolio)))
