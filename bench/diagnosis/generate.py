#!/usr/bin/env python3
"""Writes N self-check-25 diagnoses as an import CSV (seeded, so runs are comparable)."""
import random
import sys

n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261122)
may_not_apply = {9, 13, 21, 23}
with open(path, "w") as f:
    f.write("id,industry,employees,capital," + ",".join("D%02d" % i for i in range(1, 26)) + "\n")
    for r in range(n):
        row = [str(r + 1), str(rng.randint(1, 11)), str(rng.randint(1, 300)), str(rng.randint(1, 6))]
        for i in range(1, 26):
            row.append(str(rng.choice([1, 1, 1, 2, 3, 4] + ([9] if i in may_not_apply else []))))
        f.write(",".join(row) + "\n")
