#!/usr/bin/env python3
"""Peer for workload D: typo and prefix lookup over the labels with rapidfuzz, one core.

    lookup.py DIR OUT.json

Per query: process.extract(query, texts, scorer=..., processor=utils.default_process, limit=top),
timed alone. recall_at_10: the fraction of queries whose intended item is among the items of the
returned labels. Entries: WRatio (the main one), then QRatio (cheaper, no token logic), each with
a "variant" field. (Running default_process over the texts once beforehand and passing
processor=None saved under 2 % with WRatio, so it is not a separate entry.)
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import rapidfuzz  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402

SYSTEM = "rapidfuzz"
WARMUP_QUERIES = 10


def percentile(sorted_vals, q):
    # Linear interpolation, as numpy.percentile's default (no numpy needed here).
    if not sorted_vals:
        return None
    pos = (len(sorted_vals) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (pos - lo)


def run(variant, note, search, queries, label_items, top):
    for q in queries[:WARMUP_QUERIES]:
        search(q["query"])
    times, hits = [], 0
    for q in queries:
        t0 = time.perf_counter_ns()
        res = search(q["query"])
        times.append(time.perf_counter_ns() - t0)
        if any(label_items[idx] == q["item"] for _, _, idx in res[:10]):
            hits += 1
    times.sort()
    return {"workload": "D", "system": SYSTEM, "version": rapidfuzz.__version__,
            "median_ms": percentile(times, 50) / 1e6, "p95_ms": percentile(times, 95) / 1e6,
            "memory_bytes": None, "bytes_per_requirement": None,
            "recall_at_10": hits / len(queries) if queries else None, "pairs_per_sec": None,
            "n": len(times), "variant": variant, "note": note}


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: lookup.py DIR OUT.json")
    d, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)
    results = []
    if "d" not in meta:
        print("lookup.py: no 'd' in meta.json, skipping D", file=sys.stderr)
    else:
        top = meta["d"]["top"]
        with open(os.path.join(d, "d_labels.json"), encoding="utf-8") as f:
            labels = json.load(f)
        with open(os.path.join(d, "d_queries.json"), encoding="utf-8") as f:
            queries = json.load(f)
        texts = [lab["text"] for lab in labels]
        items = [lab["item"] for lab in labels]
        common = (f"{len(texts)} labels, {len(queries)} queries, top {top}, "
                  f"processor=utils.default_process, one query at a time, one core")

        def wratio(q):
            return process.extract(q, texts, scorer=fuzz.WRatio, processor=utils.default_process,
                                   limit=top)

        def qratio(q):
            return process.extract(q, texts, scorer=fuzz.QRatio, processor=utils.default_process,
                                   limit=top)

        results.append(run("WRatio", f"process.extract scorer=fuzz.WRatio; {common}",
                           wratio, queries, items, top))
        results.append(run("QRatio", f"process.extract scorer=fuzz.QRatio; {common}",
                           qratio, queries, items, top))
        for e in results:
            print(f"D {SYSTEM} {e['variant']}: median {e['median_ms']:.3f} ms, "
                  f"p95 {e['p95_ms']:.3f} ms, recall@10 {e['recall_at_10']:.3f}, n {e['n']}",
                  file=sys.stderr)
    with open(out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
