#!/usr/bin/env python3
"""Write synthetic workload files in the format the Rust bench writes for the peer scripts.

    python3 fake_data.py DIR [--size tiny|quick|full] [--seed 42] [--reps R]

This file is the reference for that format. Everything is little-endian; in DIR:

  meta.json  {"items": N,
              "a": {"openings": nA, "top": 20, "reps": R},
              "b": {"people": nB, "top": 50, "reps": R},
              "c": {"people": nCp, "openings": nCo, "top": 10},
              "d": {"top": 10}}
             (any workload key may be missing; the peer scripts then skip it)

  A CSR matrix <name> is three files, rows from meta.json, N columns (item index < N):
    <name>.indptr.u32   uint32, rows + 1 values
    <name>.indices.u32  uint32 column (item) per stored value
    <name>.data.f32     float32 value per stored value

  A  a_openings (CSR: openings x items, requirement weight, each row sums to 1)
     a_profile.f32 (float32[N]: the profile's credit per item, in [0, 1])
     a_hours.u8 (uint8 per opening: minimum hours per week it needs)
     a_profile.json {"max_hours": 24}: an opening whose minimum hours > max_hours is knocked out
  B  b_people (CSR: people x items, credit in [0, 1]), b_opening.f32 (float32[N] weights)
  C  c_people (CSR: people x items, credit), c_openings (CSR: openings x items, row-normalised)
  D  d_labels.json   [{"text": "heftruck rijden", "item": "log.heftruck"}, ...]
     d_queries.json  [{"query": "heftruk", "item": "log.heftruck"}, ...]  (typo / prefix queries;
                     "item" is the intended item)

Only numpy is needed (run it with benches/peers/.venv/bin/python).
"""
import argparse
import json
import os
import sys

import numpy as np

SIZES = {
    # name: (items, A openings, B people, C people, C openings, D labels, D queries, reps)
    "tiny": (700, 2_000, 1_000, 200, 100, 2_000, 100, 5),
    "quick": (700, 50_000, 20_000, 2_000, 1_000, 15_000, 1_000, 20),
    "full": (700, 400_000, 100_000, 20_000, 5_000, 15_000, 1_000, 50),
}


def zipf_weights(n, s=1.0, rng=None):
    """Zipf-like item popularity, randomly permuted over item indices."""
    w = 1.0 / np.arange(1, n + 1) ** s
    w /= w.sum()
    return w[rng.permutation(n)] if rng is not None else w


def sample_csr(rng, rows, n_items, lo, hi, popularity, chunk=20_000):
    """Rows with lo..hi distinct items each, drawn by popularity (Gumbel top-k, no replacement).

    Returns (indptr uint32, indices uint32) with sorted indices in each row."""
    counts = rng.integers(lo, hi + 1, size=rows)
    indptr = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    indices = np.empty(indptr[-1], dtype=np.uint32)
    logw = np.log(popularity).astype(np.float32)
    for start in range(0, rows, chunk):
        stop = min(rows, start + chunk)
        m = stop - start
        keys = logw[None, :] - np.log(-np.log(rng.random((m, n_items), dtype=np.float32) + 1e-12))
        # The hi best keys per row, best first; each row keeps its first counts[r].
        part = np.argpartition(-keys, hi - 1, axis=1)[:, :hi]
        order = np.argsort(-np.take_along_axis(keys, part, axis=1), axis=1)
        best = np.take_along_axis(part, order, axis=1)
        for r in range(m):
            c = counts[start + r]
            o = indptr[start + r]
            indices[o:o + c] = np.sort(best[r, :c])
    return indptr.astype(np.uint32), indices


def write_csr(d, name, indptr, indices, data):
    assert indptr.dtype == np.uint32 and indices.dtype == np.uint32 and data.dtype == np.float32
    indptr.astype("<u4").tofile(os.path.join(d, f"{name}.indptr.u32"))
    indices.astype("<u4").tofile(os.path.join(d, f"{name}.indices.u32"))
    data.astype("<f4").tofile(os.path.join(d, f"{name}.data.f32"))


def row_normalised_weights(rng, indptr, nnz):
    w = rng.uniform(0.5, 3.0, size=nnz).astype(np.float64)
    sums = np.add.reduceat(w, indptr[:-1].astype(np.int64))
    counts = np.diff(indptr.astype(np.int64))
    return (w / np.repeat(sums, counts)).astype(np.float32)


def credits(rng, nnz):
    # Credit in [0, 1]: many full claims, some partial (levels 1..4 of 4, some evidence discount).
    lvl = rng.integers(1, 5, size=nnz) / 4.0
    ev = rng.choice([1.0, 0.9, 0.75], size=nnz, p=[0.6, 0.3, 0.1])
    return (lvl * ev).astype(np.float32)


# --- D: labels and queries -------------------------------------------------------------------

DOMAINS = ["log", "bouw", "zorg", "ict", "horeca", "tech", "adm", "agro", "retail", "onderwijs"]
ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
          "br", "dr", "gr", "kl", "kr", "pl", "pr", "sch", "sl", "sp", "st", "str", "tr", "vl", "zw"]
VOWELS = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "ui", "ij", "ei", "ou", "ie", "oe", "eu"]
CODAS = ["", "", "k", "l", "m", "n", "r", "s", "t", "ft", "ng", "nd", "rk", "ld", "cht", "ck"]
WORDS = ["rijden", "bedienen", "onderhoud", "onderhouden", "plannen", "controleren", "repareren",
         "installeren", "medewerker", "monteur", "beheer", "ervaring", "kennis van", "basis",
         "gevorderd", "veilig", "werken met", "opleiding", "certificaat", "coördinatie",
         "begeleiden", "klantcontact", "administratie", "inspectie", "afstellen", "schoonmaken"]
EN_WORDS = ["operation", "maintenance", "driving", "planning", "repair", "inspection", "basic",
            "advanced", "safety", "handling", "support", "management"]


def word(rng):
    n = rng.integers(2, 4)
    s = "".join(ONSETS[rng.integers(len(ONSETS))] + VOWELS[rng.integers(len(VOWELS))]
                + CODAS[rng.integers(len(CODAS))] for _ in range(n))
    if rng.random() < 0.05:  # a diacritic now and then (queries may drop it)
        s = s.replace("e", "ë", 1) if "e" in s else s + "é"
    return s


def labels_and_queries(rng, n_items, n_labels, n_queries):
    items, bases = [], []
    seen = set()
    while len(items) < n_items:
        b = word(rng)
        if b in seen:
            continue
        seen.add(b)
        bases.append(b)
        items.append(f"{DOMAINS[len(items) % len(DOMAINS)]}.{b.replace('ë', 'e').replace('é', 'e')}")
    labels = []
    texts = set()
    # Every item gets its base word, then labels are spread by a mild popularity.
    for i, b in enumerate(bases):
        labels.append({"text": b, "item": items[i]})
        texts.add(b)
    pop = zipf_weights(n_items, 0.6, rng)
    extra = [word(rng) for _ in range(300)]  # shared words: labels of different items look alike
    while len(labels) < n_labels:
        i = int(rng.choice(n_items, p=pop))
        b = bases[i]
        k = rng.integers(6)
        if k == 0:
            t = f"{b} {WORDS[rng.integers(len(WORDS))]}"
        elif k == 1:
            t = f"{WORDS[rng.integers(len(WORDS))]} {b}"
        elif k == 2:
            t = f"{b}{extra[rng.integers(len(extra))]}"
        elif k == 3:
            t = f"{extra[rng.integers(len(extra))]} {b} {WORDS[rng.integers(len(WORDS))]}"
        elif k == 4:
            t = f"{b} {EN_WORDS[rng.integers(len(EN_WORDS))]}"
        else:
            t = f"{b} {extra[rng.integers(len(extra))]}"
        if t in texts:
            continue
        texts.add(t)
        labels.append({"text": t, "item": items[i]})
    order = rng.permutation(len(labels))
    labels = [labels[j] for j in order]

    queries = []
    for _ in range(n_queries):
        lab = labels[rng.integers(len(labels))]
        q = list(lab["text"].lower())
        kind = rng.integers(5)
        if kind == 0 and len(q) > 4:  # prefix
            q = q[: 3 + rng.integers(len(q) - 3)]
        elif kind == 1 and len(q) > 3:  # dropped letter
            del q[1 + rng.integers(len(q) - 2)]
        elif kind == 2 and len(q) > 3:  # swapped neighbours
            j = 1 + rng.integers(len(q) - 2)
            q[j - 1], q[j] = q[j], q[j - 1]
        elif kind == 3 and len(q) > 2:  # replaced letter
            q[rng.integers(len(q))] = "e"
        else:  # missing diacritic (or unchanged)
            q = list("".join(q).replace("ë", "e").replace("é", "e").replace("ö", "o"))
        queries.append({"query": "".join(q).strip() or lab["text"], "item": lab["item"]})
    return labels, queries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--size", choices=sorted(SIZES), default="quick")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--reps", type=int, default=None, help="repetitions for A and B")
    ap.add_argument("--only", default="abcd", help="workloads to write, e.g. 'ad'")
    args = ap.parse_args()
    n_items, n_a, n_b, n_cp, n_co, n_lab, n_q, reps = SIZES[args.size]
    reps = args.reps or reps
    os.makedirs(args.dir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    pop = zipf_weights(n_items, 1.0, rng)
    meta = {"items": n_items}
    only = args.only.lower()

    if "a" in only:
        ip, ix = sample_csr(rng, n_a, n_items, 8, 15, pop)
        write_csr(args.dir, "a_openings", ip, ix, row_normalised_weights(rng, ip, len(ix)))
        prof = np.zeros(n_items, dtype=np.float32)
        held = rng.choice(n_items, size=60, replace=False, p=pop)  # a profile holds popular items
        prof[held] = credits(rng, len(held))
        prof.astype("<f4").tofile(os.path.join(args.dir, "a_profile.f32"))
        hours = rng.choice(np.array([8, 12, 16, 20, 24, 32, 36, 40], dtype=np.uint8), size=n_a)
        hours.tofile(os.path.join(args.dir, "a_hours.u8"))
        with open(os.path.join(args.dir, "a_profile.json"), "w") as f:
            json.dump({"max_hours": 24}, f)
        meta["a"] = {"openings": n_a, "top": 20, "reps": reps}
    if "b" in only:
        ip, ix = sample_csr(rng, n_b, n_items, 20, 40, pop)
        write_csr(args.dir, "b_people", ip, ix, credits(rng, len(ix)))
        w = np.zeros(n_items, dtype=np.float32)
        req = rng.choice(n_items, size=12, replace=False, p=pop)
        w[req] = rng.uniform(0.5, 3.0, size=len(req))
        w /= w.sum()
        w.astype("<f4").tofile(os.path.join(args.dir, "b_opening.f32"))
        meta["b"] = {"people": n_b, "top": 50, "reps": reps}
    if "c" in only:
        ip, ix = sample_csr(rng, n_cp, n_items, 20, 40, pop)
        write_csr(args.dir, "c_people", ip, ix, credits(rng, len(ix)))
        ip, ix = sample_csr(rng, n_co, n_items, 8, 15, pop)
        write_csr(args.dir, "c_openings", ip, ix, row_normalised_weights(rng, ip, len(ix)))
        meta["c"] = {"people": n_cp, "openings": n_co, "top": 10}
    if "d" in only:
        labels, queries = labels_and_queries(rng, n_items, n_lab, n_q)
        with open(os.path.join(args.dir, "d_labels.json"), "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False)
        with open(os.path.join(args.dir, "d_queries.json"), "w", encoding="utf-8") as f:
            json.dump(queries, f, ensure_ascii=False)
        meta["d"] = {"top": 10}

    with open(os.path.join(args.dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(f"fake_data: wrote {args.size} workloads {sorted(k for k in meta if k != 'items')} "
          f"to {args.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
