#!/usr/bin/env python3
"""Converts the sample's input folders into the JSON that bench/disclosure.typ
reads: the Typst peer of the benchmark.

  bench/typst_convert.py input/cangzhou-2020 input/cangzhou-2019 OUT/data.json
  cp bench/disclosure.typ OUT/ && typst compile OUT/disclosure.typ   (Typst reads data.json
  relative to the .typ file)

Typst could read the CSV files itself (csv()), but a finance office's script
usually prepares the figures first: here the change of each 三公 item against
last year, as the budgetgen document shows it.  Standard library only.
"""
import csv
import json
import os
import sys


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip()]


def money(s):
    return float(s.replace(",", "")) if s.strip() else 0.0


def main():
    cur, prev, out = sys.argv[1], sys.argv[2], sys.argv[3]
    before = dict((r[0], money(r[1])) for r in rows(os.path.join(prev, "three_public.csv"))[1:])
    tp = []
    for r in rows(os.path.join(cur, "three_public.csv"))[1:]:
        b = before.get(r[0], 0.0)
        # one decimal, a trailing .0 dropped: 11.1%, 0%, 2% (bench/peer.ini: percent_trim)
        change = ("%.1f" % ((b - money(r[1])) / b * 100)).replace(".0", "") + "%" if b else ""
        tp.append([r[0], r[1], change] + r[2:5])
    data = {
        "department": "沧州经济开发区管理委员会",
        "year": "2020",
        "unit": "万元",
        "duties": lines(os.path.join(cur, "duties.txt")),
        "overall_goal": lines(os.path.join(cur, "overall_goal.txt")),
        "notes": lines(os.path.join(cur, "notes.txt")),
        "three_public": tp,
        "performance_head": rows(os.path.join(cur, "performance.csv"))[0],
        "performance": rows(os.path.join(cur, "performance.csv"))[1:],
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
