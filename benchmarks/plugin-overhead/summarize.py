#!/usr/bin/env python3
"""Summarize measure.sh results: per label, median/min wall and CPU (user+sys) time of the
baseline and of every other variant (plugin, listener), their ratios to the baseline, and the
per-round paired ratio (variant / baseline of the same round), which cancels most of the drift of a shared, noisy machine.

Usage: summarize.py results.csv [--runs]   (--runs also prints every run as a Markdown table)
"""
import csv
import statistics
import sys
from collections import defaultdict


def main() -> None:
    path = sys.argv[1]
    rows = [r for r in csv.DictReader(open(path)) if r["exit"] == "0"]
    by = defaultdict(lambda: defaultdict(dict))
    for r in rows:
        by[r["label"]][r["round"]][r["variant"]] = r
    if "--runs" in sys.argv:
        print("| JDK | round | baseline wall s | plugin wall s | wall ratio | baseline CPU s | plugin CPU s | CPU ratio | load1 (A/B) |")
        print("|---|---|---|---|---|---|---|---|---|")
        for label, rounds in by.items():
            for rnd, v in sorted(rounds.items(), key=lambda kv: int(kv[0])):
                if "baseline" not in v or "plugin" not in v:
                    continue
                a, b = v["baseline"], v["plugin"]
                aw, bw = float(a["wall_s"]), float(b["wall_s"])
                ac = float(a["user_s"]) + float(a["sys_s"])
                bc = float(b["user_s"]) + float(b["sys_s"])
                print(f"| {label} | {rnd} | {aw:.2f} | {bw:.2f} | {bw / aw:.3f} | {ac:.2f} | {bc:.2f} | {bc / ac:.3f} | {a['load1']} / {b['load1']} |")
        print()
    print("| JDK | variant | n | metric | baseline median | baseline min | variant median | variant min | ratio of medians | ratio of mins | median paired ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, rounds in by.items():
        variants = sorted({v for r in rounds.values() for v in r if v != "baseline"})
        for variant in variants:
            pairs = [v for v in rounds.values() if "baseline" in v and variant in v]
            if not pairs:
                continue
            for metric, f in (
                ("wall", lambda r: float(r["wall_s"])),
                ("CPU user+sys", lambda r: float(r["user_s"]) + float(r["sys_s"])),
            ):
                a = [f(p["baseline"]) for p in pairs]
                b = [f(p[variant]) for p in pairs]
                paired = statistics.median(f(p[variant]) / f(p["baseline"]) for p in pairs)
                print(
                    f"| {label} | {variant} | {len(pairs)} | {metric} | {statistics.median(a):.2f} s | {min(a):.2f} s | "
                    f"{statistics.median(b):.2f} s | {min(b):.2f} s | {statistics.median(b) / statistics.median(a):.3f} | "
                    f"{min(b) / min(a):.3f} | {paired:.3f} |"
                )

if __name__ == "__main__":
    main()
