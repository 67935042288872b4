#!/usr/bin/env python3
"""Builds 4,074 respondents to the reconstructed seed 002 questionnaire (ipa-sme-security-2021)
whose answers reproduce the figures published in seed 002 (seed002_published.yaml).

For every chart the counts are chosen so that count / n, rounded half up to one decimal, is the
published percent; single answers sum to their base, the follow-ups' bases are the counts that
lead to them (3,802 PC users, 1,259 who did not invest, 111 with a virus, 1,065 with obligations),
and the two published breakdowns hold by construction: reasons for not investing by the size
class (derived by chosa from industry, employees and capital under the legal definition) and
obligations by supply-chain position. Everything else is assigned at random (fixed seed).

usage: seed002_data.py OUT.csv
"""
import csv
import itertools
import random
import sys
from fractions import Fraction
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
N = 4074
# Size classes as chosa derives them (data/analyses/ipa-sme-security-2021.analysis.yaml).
SMALL, MID, LARGE = "小規模企業者", "中小企業（100人以下）", "中小企業（101人以上）"
SIZE_TARGET = {SMALL: 2650, MID: 1250, LARGE: 158}  # not published; the rest: industry unknown
# Legal category of each industry code: small-enterprise employee limit (20, or 5 for commerce
# and services).
SMALL_LIMIT = {code: 20 for code in range(1, 21)}
SMALL_LIMIT.update({code: 5 for code in [10, 11, 14, 15, 16, 17, 18, 19, 20]})


def rounds_to(count, n, percent):
    """count / n as a percent, half up to one decimal, equals `percent`."""
    if n == 0:
        return percent == 0
    tenths = Fraction(1000 * count, n)
    return int(tenths + Fraction(1, 2)) == round(percent * 10)


def valid_counts(n, percent):
    centre = round(percent * n / 100)
    return [c for c in range(max(0, centre - 3), min(n, centre + 3) + 1) if rounds_to(c, n, percent)]


def single_counts(n, percents, fixed=None):
    """Counts per entry (options then 無回答) summing to n, each rounding to its percent."""
    choices = []
    for i, p in enumerate(percents):
        if fixed and fixed[i] is not None:
            assert rounds_to(fixed[i], n, p), (fixed[i], n, p)
            choices.append([fixed[i]])
        else:
            choices.append(valid_counts(n, p))
        assert choices[-1], (n, p)
    counts = [min(c, key=lambda x: abs(x - p * n / 100)) for c, p in zip(choices, percents)]
    # Move counts within their valid ranges until they sum to n.
    while sum(counts) != n:
        step = 1 if sum(counts) < n else -1
        movable = [i for i, c in enumerate(choices) if counts[i] + step in c]
        assert movable, ("cannot reach", n, percents)
        i = max(movable, key=lambda i: step * (percents[i] * n / 100 - counts[i]))
        counts[i] += step
    return counts


def multi_counts(n, percents, fixed=None):
    out = []
    for i, p in enumerate(percents):
        if fixed and fixed[i] is not None:
            assert rounds_to(fixed[i], n, p)
            out.append(fixed[i])
        else:
            out.append(min(valid_counts(n, p), key=lambda x: abs(x - p * n / 100)))
    return out


def grouped_counts(group_ns, group_percents, total_percents):
    """Per entry, one count per group such that each group's and the total's percents hold."""
    per_entry = []
    total_n = sum(group_ns)
    for e in range(len(total_percents)):
        options = [valid_counts(n, ps[e]) for n, ps in zip(group_ns, group_percents)]
        combo = next((c for c in itertools.product(*options)
                      if rounds_to(sum(c), total_n, total_percents[e])), None)
        assert combo is not None, ("no combination for entry", e)
        per_entry.append(list(combo))
    return [[per_entry[e][g] for e in range(len(total_percents))] for g in range(len(group_ns))]


class Builder:
    def __init__(self, questionnaire, rng):
        self.rng = rng
        self.rows = [{"id": f"R{i + 1:05d}"} for i in range(N)]
        self.questions = {}
        for section in questionnaire["sections"]:
            for q in section["questions"]:
                self.questions[q["id"]] = q
        self.option_sets = questionnaire.get("option_sets", {})

    def codes(self, qid):
        q = self.questions[qid]
        if q["type"] == "prefecture":
            return list(range(1, 48))
        options = q["options"]
        if isinstance(options, str):
            options = self.option_sets[options]
        return [o["code"] if isinstance(o, dict) else i + 1 for i, o in enumerate(options)]

    def exclusive(self, qid):
        options = self.questions[qid]["options"]
        if isinstance(options, str):
            return set()
        return {o["code"] for o in options if isinstance(o, dict) and o.get("exclusive")}

    def deal(self, people, counts, values):
        """Gives counts[i] of `people` (in random order) the value values[i]; returns the groups."""
        people = list(people)
        self.rng.shuffle(people)
        assert sum(counts) == len(people), (sum(counts), len(people))
        groups, at = [], 0
        for c in counts:
            groups.append(people[at:at + c])
            at += c
        return dict(zip(values, groups))

    def single(self, qid, people, counts, column=None):
        """Counts per option then 無回答; returns {code: people}."""
        codes = self.codes(qid) + [None]
        groups = self.deal(people, counts, codes)
        for code, members in groups.items():
            for r in members:
                self.rows[r][column or qid] = "" if code is None else str(code)
        return groups

    def multi(self, qid, people, counts):
        """Counts per option then 無回答. Exclusive options and 無回答 take their respondents; the
        others' mentions are dealt round-robin over the remaining respondents, so each of them
        chooses at least one option and nobody chooses an option twice."""
        codes = self.codes(qid)
        exclusive = self.exclusive(qid)
        people = list(people)
        self.rng.shuffle(people)
        at = 0
        chosen = {r: set() for r in people}
        for code, c in zip(codes + [None], counts):
            if code in exclusive or code is None:
                for r in people[at:at + c]:
                    chosen[r] = {code} if code is not None else None
                at += c
        rest = people[at:]
        others = [(code, c) for code, c in zip(codes, counts) if code not in exclusive]
        assert sum(c for _, c in others) >= len(rest) and all(c <= len(rest) for _, c in others), qid
        pos = 0
        for code, c in others:
            for k in range(c):
                chosen[rest[(pos + k) % len(rest)]].add(code)
            pos = (pos + c) % len(rest) if rest else 0
        for r in people:
            for code in codes:
                self.rows[r][f"{qid}_{code}"] = "" if chosen[r] is None else (
                    "1" if code in chosen[r] else "0")
        return {code: [r for r in people if chosen[r] and code in chosen[r]] for code in codes}


def build(published):
    rng = random.Random(2021)
    qn = yaml.safe_load((ROOT / "data/questionnaires/ipa-sme-security-2021.yaml").read_text())
    b = Builder(qn, rng)
    tallies = {t["question"]: t for t in published["tallies"]}
    crosses = {c["question"]: c for c in published["crosses"]}
    everyone = list(range(N))

    def sa(qid, people):
        t = tallies[qid]
        assert t["n"] == len(people), (qid, t["n"], len(people))
        return b.single(qid, people, single_counts(len(people), t["percents"], t.get("counts")))

    def ma(qid, people):
        t = tallies[qid]
        assert t["n"] == len(people), (qid, t["n"], len(people))
        return b.multi(qid, people, multi_counts(len(people), t["percents"], t.get("counts")))

    b.single("prefecture", everyone, single_counts(N, tallies["prefecture"]["percents"]))
    sa("role", everyone)
    pc = sa("pc_use", everyone)
    users = pc[1]
    ma("services", users)
    sa("it_invest", users)
    invest = sa("sec_invest", users)
    # Industry: those who leave it blank are outside the size breakdown, so not non-investors.
    no_invest = invest[1]
    counts = single_counts(N, tallies["industry"]["percents"])
    others = [r for r in everyone if r not in set(no_invest)]
    rng.shuffle(others)
    blank_industry = others[:counts[-1]]
    industry = b.single("industry", [r for r in everyone if r not in set(blank_industry)],
                        counts[:-1] + [0])
    for r in blank_industry:
        b.rows[r]["industry"] = ""
    industry[None] = blank_industry
    with_industry = [r for code, members in industry.items() if code is not None for r in members]
    industry_of = {r: code for code, members in industry.items() for r in members}

    # Size: the 1,259 who did not invest are split as the breakdown says; everyone else with an
    # industry gets the remaining targets. Employees follow the class and the industry's limits.
    reasons = crosses["no_invest_reason"]
    group_rows = reasons["rows"][1:]
    size_groups = b.deal(no_invest, [row["n"] for row in group_rows], [SMALL, MID, LARGE])
    rest = [r for r in with_industry if r not in set(no_invest)]
    left = [SIZE_TARGET[s] - len(size_groups[s]) for s in (SMALL, MID, LARGE)]
    left[0] += len(rest) - sum(left)
    for size, members in b.deal(rest, left, [SMALL, MID, LARGE]).items():
        size_groups[size] = size_groups[size] + members
    for size, members in size_groups.items():
        for r in members:
            limit = SMALL_LIMIT[industry_of[r]]
            low, high = {SMALL: (1, limit), MID: (limit + 1, 100), LARGE: (101, 300)}[size]
            b.rows[r]["employees"] = str(rng.randint(low, high))
            b.rows[r]["capital"] = str(rng.randint(1, 3))  # up to 5,000万円: an SME by capital
    for r in everyone:
        if industry_of[r] is None:  # size unknown without an industry
            b.rows[r]["employees"] = str(rng.randint(1, 300))
            b.rows[r]["capital"] = str(rng.randint(1, 3))

    counts = grouped_counts([row["n"] for row in group_rows],
                            [row["percents"] for row in group_rows], reasons["rows"][0]["percents"])
    no_invest_set = set(no_invest)
    for size, c in zip((SMALL, MID, LARGE), counts):
        b.multi("no_invest_reason", [r for r in size_groups[size] if r in no_invest_set], c)

    # The threat grid: the same respondents leave all four items blank (10.1% each).
    blank = set(rng.sample(everyone, 412))
    answering = [r for r in everyone if r not in blank]
    for item in ("virus", "access", "dos", "apt"):
        t = tallies[f"threat_{item}"]
        c = single_counts(N, t["percents"], [None] * (len(t["percents"]) - 1) + [len(blank)])
        groups = b.deal(answering, c[:-1], b.codes("threat"))
        for code, members in groups.items():
            for r in members:
                b.rows[r][f"threat_{item}"] = str(code)
        for r in blank:
            b.rows[r][f"threat_{item}"] = ""

    ma("consult", everyone)
    ma("education", everyone)
    ma("needs", everyone)
    damage = ma("damage", everyone)
    virus = damage[1]
    for q in ("virus_route", "virus_damage", "partner_impact"):
        ma(q, virus)

    # Position and obligation: each position group as the 100% stacked chart says; the 84
    # without a position take what the total needs.
    chart = crosses["obligation"]
    groups = chart["rows"][1:]
    total = chart["rows"][0]
    unknown = N - sum(g["n"] for g in groups)
    position_counts = [g["n"] for g in groups] + [unknown]
    positions = b.single("position", everyone, position_counts)
    per_group = [single_counts(g["n"], g["percents"]) for g in groups]
    sums = [sum(c[e] for c in per_group) for e in range(3)]
    totals = single_counts(N, total["percents"], tallies["obligation"]["counts"])
    rest_counts = [t - s for t, s in zip(totals, sums)]
    assert all(c >= 0 for c in rest_counts) and sum(rest_counts) == unknown, rest_counts
    obliged = []
    for code, c in zip(b.codes("position") + [None], per_group + [rest_counts]):
        got = b.single("obligation", positions[code], c)
        obliged += got[1]
    ma("contract_buyer", obliged)
    ma("contract_supplier", obliged)
    ma("challenges", everyone)
    sa("cost_burden", everyone)
    return b.rows


def columns(rows):
    names = ["id"]
    for r in rows:
        for k in r:
            if k not in names:
                names.append(k)
    return names


def main():
    published = yaml.safe_load((HERE / "seed002_published.yaml").read_text())
    rows = build(published)
    with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns(rows), restval="")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
