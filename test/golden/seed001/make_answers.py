#!/usr/bin/env python3
"""Builds answers.csv (UTF-8) and answers_cp932.csv: 118 respondents whose tallies reproduce every
table published in seed 001 (Osaka CCI 2019). Deterministic; standard library only.

The counts below are transcribed from the seed's tables; expected.txt holds the tables as
published (counts and integer percents) and the test compares chosa's output with it. Options a
company may combine are spread round-robin over the companies a question applies to, so every
company that answers a multi-answer question picks at least one option when mentions allow.
"""
import csv
import io
import os
import random

N = 118
HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20190510)
ids = ["R%03d" % i for i in range(1, N + 1)]
rows = {i: {} for i in ids}


def assign_single(col, counts, na, among=None):
    among = list(among if among is not None else ids)
    values = [c for c, k in counts.items() for _ in range(k)] + [""] * na
    assert len(values) == len(among), (col, len(values), len(among))
    rng.shuffle(values)
    for rid, v in zip(among, values):
        rows[rid][col] = str(v)
    return {c: [r for r in among if rows[r][col] == str(c)] for c in counts}


def assign_multi(col, codes, counts, among=None, exclusive=None, texts=None, other=None):
    """counts: code -> number of companies choosing it; `exclusive` code is chosen alone."""
    among = list(among if among is not None else ids)
    rng.shuffle(among)
    chosen = {r: set() for r in among}
    rest = among
    if exclusive is not None:
        k = counts[exclusive]
        for r in among[:k]:
            chosen[r].add(exclusive)
        rest = among[k:]
    p = 0
    m = len(rest)
    for code in codes:
        if code == exclusive or counts.get(code, 0) == 0:
            continue
        k = counts[code]
        assert k <= m, (col, code)
        for t in range(k):
            chosen[rest[(p + t) % m]].add(code)
        p = (p + k) % m
    write_multi(col, codes, among, chosen, texts, other)
    return chosen


def write_multi(col, codes, among, chosen, texts=None, other=None):
    pending = list(texts or [])
    for r in ids:
        if r not in chosen:
            continue
        answered = bool(chosen[r])
        for code in codes:
            rows[r]["%s_%d" % (col, code)] = ("1" if code in chosen[r] else "0") if answered else ""
        if other is not None and other in chosen[r] and pending:
            rows[r]["%s_%d_text" % (col, other)] = pending.pop(0)


# Profile
assign_single("industry", {1: 36, 2: 19, 3: 16, 4: 9, 5: 9, 6: 9, 7: 6, 8: 6, 9: 5, 10: 2, 11: 1}, 0)
assign_single("employees", {1: 36, 2: 7, 3: 19, 4: 19, 5: 6, 6: 5, 7: 5, 8: 11, 9: 8, 10: 2}, 0)
# Q1
assign_single("Q1_1", {1: 10, 2: 18, 3: 19, 4: 10, 5: 8, 6: 35, 7: 17}, 1)
assign_single("Q1_2", {1: 11, 2: 12, 3: 15, 4: 6, 5: 10, 6: 37, 7: 22}, 5)
# Q2: (status 1, status 2, no answer), reasons of status 1 by code, reasons of status 2 by code
Q2 = {
    "1A": ((34, 78, 6), {1: 15, 2: 9, 3: 13, 4: 1}, {1: 36, 2: 23, 3: 22, 4: 3},
           ["把握が必要な場合は個別対応"], ["対象数が多いため", "取引先数が多く全体の把握が困難なため"]),
    "1B": ((28, 82, 8), {1: 11, 2: 9, 3: 10, 4: 2}, {1: 40, 2: 23, 3: 22, 4: 3},
           ["把握が必要な場合は個別対応"], ["対象数が多いため"]),
    "2A": ((64, 45, 9), {1: 40, 2: 18, 3: 16, 4: 1}, {1: 21, 2: 13, 3: 11, 4: 1},
           ["把握が必要な場合は個別対応"], []),
    "2B": ((33, 77, 8), {1: 18, 2: 10, 3: 10, 4: 1}, {1: 37, 2: 24, 3: 20, 4: 2},
           ["把握が必要な場合は個別対応"], []),
    "3A": ((22, 88, 8), {1: 10, 2: 7, 3: 7, 4: 1}, {1: 40, 2: 27, 3: 25, 4: 1},
           ["把握が必要な場合は個別対応"], []),
    "3B": ((28, 82, 8), {1: 14, 2: 9, 3: 8, 4: 1}, {1: 40, 2: 24, 3: 23, 4: 1},
           ["把握が必要な場合は個別対応"], []),
}
for key, ((s1, s2, na), r1, r2, t1, t2) in Q2.items():
    groups = assign_single("Q2_" + key, {1: s1, 2: s2}, na)
    assign_multi("Q2_%s_R1" % key, [1, 2, 3, 4], r1, among=groups[1], texts=t1, other=4)
    assign_multi("Q2_%s_R2" % key, [1, 2, 3, 4], r2, among=groups[2], texts=t2, other=4)
# Q3
assign_single("Q3", {1: 74, 2: 27, 3: 5, 4: 3}, 9)
# Q4 and Q5 share the options; 9 = 何も（殆ど）せず is exclusive, 10 = その他
REQ = list(range(1, 11))
assign_multi("Q4", REQ, {1: 29, 2: 24, 3: 15, 4: 10, 5: 8, 6: 6, 7: 1, 8: 1, 9: 66, 10: 10}, exclusive=9, other=10,
             texts=["必要な場合は契約締結", "セキュリティという名目で安易に他社へ確認を求めること疑問",
                    "取引の内容や取引先との関係により異なる",
                    "外部委託先管理の一環として定期的にサイバーセキュリティへの取組状況を確認",
                    "IT関連パートナーにはセキュリティ要件を求めている", "セキュリティテスト実施",
                    "セキュリティ現状確認アンケートを一部の取引先に対し実施", "情報漏えい防止誓約書の提出",
                    "情報セキュリティ対策に関する定期的な自己診断の依頼",
                    "重要な情報やシステムの連携先は自社セキュリティ基準や共通システムの採用・準拠を依頼"])
assign_multi("Q5", REQ, {1: 49, 2: 40, 3: 23, 4: 22, 5: 18, 6: 15, 7: 4, 8: 5, 9: 23, 10: 8}, exclusive=9, other=10,
             texts=["必要な場合は契約締結可能か", "セキュリティという名目で安易に他社へ確認を求めることに疑問",
                    "販売先がアナログであり今は必要性を感じない", "取引契約へのサイバー攻撃被害に関する保証規定の追記等",
                    "取引の内容や取引先との関係により異なる",
                    "サイバーセキュリティ管理体制や取組状況に関する十分な情報開示", "情報漏えい防止誓約書の提出",
                    "弊社に関する情報セキュリティインシデント発生時の迅速な報告体制の整備"])
assign_multi("Q6", list(range(1, 9)), {1: 45, 2: 44, 3: 37, 4: 32, 5: 28, 6: 21, 7: 16, 8: 10}, other=8,
             texts=["各社各様確認しないとわからない", "取引先数が多いため、作業が煩雑になる", "取引内容や関係により異なる",
                    "再委託先や再々委託先以降の把握", "取引先のIT環境が不明", "取引先が多すぎて、現実的ではない"])
# Q7: 30 companies had the experience; content and damage asked of them only
exp = assign_single("Q7", {1: 30, 2: 88}, 0)[1]
assign_multi("Q7_1", list(range(1, 7)), {1: 15, 2: 13, 3: 9, 4: 6, 5: 2, 6: 2}, among=exp, other=6,
             texts=["詳細回示不可"])
# Damage: 24 "no damage"; 8 companies with 11 damage mentions, 2 of them also "no damage" (seed: ※)
e = list(exp)
rng.shuffle(e)
damage = {r: set() for r in e}
for r in e[:24]:
    damage[r].add(1)
for idx in (22, 23, 24, 25, 26):
    damage[e[idx]].add(2)
for idx in (27, 28, 29):
    damage[e[idx]].add(3)
for idx in (24, 27, 29):
    damage[e[idx]].add(4)
write_multi("Q7_2", list(range(1, 7)), e, damage)
# Q8: 11 = 何も（殆ど）せず exclusive, 12 = その他
assign_multi("Q8", list(range(1, 13)),
             {1: 60, 2: 29, 3: 27, 4: 28, 5: 44, 6: 12, 7: 3, 8: 11, 9: 55, 10: 34, 11: 4, 12: 8},
             exclusive=11, other=12,
             texts=["ケースバイケースでの判断となる", "再発防止策の提出を求める", "取引先との力関係による", "わからない",
                    "フォレンジック調査", "公的機関（ＩＰＡ等）への報告要請",
                    "お客さま本位の観点からその他何らかの要請は有り得る", "改善提案"])
# Q9 and its follow-ups
q9 = assign_single("Q9", {1: 13, 2: 30, 3: 27, 4: 45}, 3)
assign_single("Q9_1", {1: 7, 2: 1, 3: 5}, 0, among=q9[1])
q92 = assign_single("Q9_2", {1: 15, 2: 9, 3: 4, 4: 17}, 0, among=q9[4])
for r in q92[4][:1]:
    rows[r]["Q9_2_4_text"] = "対象の線引きが困難だが、サイバーセキュリティに関する記述等は有ると思われる"
assign_multi("Q10", list(range(1, 8)), {1: 71, 2: 53, 3: 35, 4: 32, 5: 27, 6: 22, 7: 6}, other=7,
             texts=["セキュリティソフトの導入を促す政策を整備する必要がある。",
                    "契約上、セキュリティ義務を果たしても、実際にテストや監査までは手が回らない。",
                    "単独での対応はコスト面で困難。",
                    "中国の様に国として国外からの攻撃を防ぐことが効果的と考え、末端での施策に対し、費用や技術指導等の助成が必要。",
                    "自己防衛が基本。"])
# Personal data (fictitious): must end up encrypted and never in tables or exports.
for n, r in enumerate(ids, 1):
    rows[r]["company"] = "サンプル工業株式会社%03d" % n
    rows[r]["email"] = "survey%03d@example.jp" % n


def columns():
    cols = ["id", "company", "email", "industry", "employees", "Q1_1", "Q1_2"]
    for key in Q2:
        cols.append("Q2_" + key)
        for part in ("R1", "R2"):
            cols += ["Q2_%s_%s_%d" % (key, part, c) for c in range(1, 5)] + ["Q2_%s_%s_4_text" % (key, part)]
    cols.append("Q3")
    for q, k, other in (("Q4", 10, 10), ("Q5", 10, 10), ("Q6", 8, 8)):
        cols += ["%s_%d" % (q, c) for c in range(1, k + 1)] + ["%s_%d_text" % (q, other)]
    cols.append("Q7")
    cols += ["Q7_1_%d" % c for c in range(1, 7)] + ["Q7_1_6_text"]
    cols += ["Q7_2_%d" % c for c in range(1, 7)]
    cols += ["Q8_%d" % c for c in range(1, 13)] + ["Q8_12_text"]
    cols += ["Q9", "Q9_1", "Q9_2", "Q9_2_4_text"]
    cols += ["Q10_%d" % c for c in range(1, 8)] + ["Q10_7_text"]
    return cols


buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
cols = columns()
w.writerow(cols)
for r in ids:
    w.writerow([r if c == "id" else rows[r].get(c, "") for c in cols])
text = buf.getvalue()
with open(os.path.join(HERE, "answers.csv"), "w", encoding="utf-8-sig", newline="") as fh:
    fh.write(text)
with open(os.path.join(HERE, "answers_cp932.csv"), "w", encoding="cp932", newline="") as fh:
    fh.write(text)
print("wrote answers.csv and answers_cp932.csv:", N, "rows,", len(cols), "columns")
