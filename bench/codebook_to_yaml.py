#!/usr/bin/env python3
"""Writes a chosa questionnaire (YAML) for the benchmark anchors' synthetic survey.

Usage: codebook_to_yaml.py codebook.json > bench.yaml
The anchors' codebook (../shared/bench-anchors/gen.py) lists 40 single-answer questions, 20
multi-answer questions in the dichotomy layout, size class, industry, prefecture, a weight and
five numeric variables; each becomes a question with the same column names.
"""
import json
import sys


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


cb = json.load(open(sys.argv[1], encoding="utf-8"))
out = ["survey:", "  id: bench-anchors", "  version: 1", "  title: ベンチマーク用 合成調査",
       "tabulation: {decimals: 1, base: answered}", "sections:", "  - id: profile", "    questions:"]
for name in ("size_class", "industry", "prefecture"):
    out.append("      - id: %s" % name)
    out.append("        type: single")
    out.append("        text: %s" % name)
    out.append("        options:")
    for code, label in cb[name]["codes"].items():
        out.append("          - {code: %s, label: %s}" % (code, q(label)))
out.append("      - {id: weight, type: number, text: %s, decimals: 4}" % q(cb["weight"]["label"]))
out += ["  - id: main", "    questions:"]
for item in cb["questions"]:
    kind = "single" if item["type"] == "SA" else "multi"
    labels = item["codes"] if kind == "single" else item["options"]
    out.append("      - id: %s" % item["name"])
    out.append("        type: %s" % kind)
    out.append("        text: %s" % q(item["label"]))
    out.append("        options:")
    for code, label in labels.items():
        out.append("          - {code: %s, label: %s}" % (code, q(label)))
for num in cb["numeric"]:
    out.append("      - {id: %s, type: number, text: %s}" % (num["name"], q(num["label"])))
print("\n".join(out))
