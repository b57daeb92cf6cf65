#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of this module's benchmarks into the Markdown tables of
docs/benchmarks.md: every score with its error and allocation, then SnapshotMap's ratio to
ConcurrentHashMap from the same run, checked against the targets.

Usage: python3 benchmarks/jmh-table.py jmh-result.json
"""
import json
import sys

# Targets are ratios to ConcurrentHashMap in the same run, SnapshotMap / ConcurrentHashMap for
# throughput (higher is better), ConcurrentHashMap / SnapshotMap for time (the speed-up).
TARGETS = {
    # issue #14
    "getHit": 0.95,
    "getMiss": 0.95,
    "put": 0.90,
    "remove": 0.90,
    "computeIfAbsent": 0.90,
    "merge": 0.90,
    ("clear", "1000000"): 1000.0,
    ("swap", "1000000"): 1.0,
    # earlier targets, kept for the operations issue #14 does not name
    "mixed90Read10Write": 0.85,
}

THROUGHPUT_OPS = (
    "getHit", "getMiss", "put", "remove", "computeIfAbsent", "merge", "mixed90Read10Write",
    "put1Thread", "put2Threads", "put4Threads",
)


def fmt(x):
    if x != x:  # NaN: JMH gives no error for fewer than two iterations
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def main(path):
    with open(path) as f:
        runs = json.load(f)
    rows = {}
    print("| benchmark | impl / variant | size | mode | score | error (99.9%) | unit | alloc B/op |")
    print("|---|---|---|---|---:|---:|---|---:|")
    for r in runs:
        cls, method = r["benchmark"].rsplit(".", 1)
        cls = cls.rsplit(".", 1)[1]
        params = r.get("params", {})
        impl = params.get("impl", "")
        size = params.get(
            "size", str(1 << 14) if cls in ("MapReadWriteBenchmark", "WriteScalingBenchmark") else "")
        if cls == "WholeMapBenchmark":
            op, impl = method.split("_", 1)
        else:
            op = method
        if r.get("threads", 1) > 1:
            op += f" ({r['threads']} threads)"
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        alloc_s = "n/a" if alloc is None else fmt(alloc)
        if cls == "WholeMapBenchmark" and alloc is not None:
            alloc_s += " (incl. refill)"
        print(
            f"| {op} | {impl} | {size} | {r['mode']} | {fmt(pm['score'])} | "
            f"{fmt(pm['scoreError'])} | {pm['scoreUnit']} | {alloc_s} |"
        )
        rows[(method, impl, size)] = pm["score"]

    print()
    print("| operation | size | SnapshotMap vs ConcurrentHashMap | ratio | target | met |")
    print("|---|---|---|---:|---:|---|")

    def line(name, size, how, ratio, target):
        met = "" if target is None else ("yes" if ratio >= target else "**no**")
        tgt = "" if target is None else (f"≥ {target:g}×" if target >= 10 else f"≥ {target:.2f}")
        print(f"| {name} | {size} | {how} | {ratio:.2f}{'×' if target is None or target >= 10 else ''} | {tgt} | {met} |")

    for op in THROUGHPUT_OPS:
        size = str(1 << 14)
        chm = rows.get((op, "ConcurrentHashMap", size))
        snap = rows.get((op, "SnapshotMap", size))
        if chm and snap:
            line(op, size, "throughput SnapshotMap / CHM", snap / chm, TARGETS.get(op))
    pairs = [
        ("clear", "clear_snapshotMap", "clear_chm", "CHM.clear() time / SnapshotMap.clear() time"),
        ("clear", "clear_snapshotMap", "clear_chmIterateRemove",
         "CHM iterate-and-remove time / SnapshotMap.clear() time"),
        ("drain", "drain_snapshotMap", "drain_chmCopyThenClear",
         "CHM copy-then-clear time / SnapshotMap.drain() time"),
        ("swap", "swap_snapshotMap", "swap_chmClearThenPutAll",
         "CHM clear-then-putAll time / SnapshotMap.swap() time"),
    ]
    for size in ("1000", "1000000"):
        for op, snap_m, chm_m, how in pairs:
            snap = rows.get((snap_m, snap_m.split("_", 1)[1], size))
            chm = rows.get((chm_m, chm_m.split("_", 1)[1], size))
            if chm and snap:
                target = (
                    TARGETS.get((op, size))
                    if chm_m in ("clear_chm", "swap_chmClearThenPutAll")
                    else None
                )
                line(op, size, how, chm / snap, target)


if __name__ == "__main__":
    main(sys.argv[1])
