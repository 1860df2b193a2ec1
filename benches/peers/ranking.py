#!/usr/bin/env python3
"""Peer for workloads A, B and C: the weighted-sum ranking in scipy.sparse + numpy, one core.

    ranking.py DIR OUT.json

DIR holds the files described in fake_data.py. Writes a JSON array, one object per workload
present in DIR/meta.json, and prints a one-line summary of each to stderr.
"""
import os

# One core: must be set before numpy is imported.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.sparse as sp  # noqa: E402

SYSTEM = "scipy.sparse"
VERSION = scipy.__version__
NUMPY = f"numpy {np.__version__}"
WARMUPS = 2
C_CHUNK = 1_000


def load_csr(d, name, rows, n_items):
    indptr = np.fromfile(os.path.join(d, f"{name}.indptr.u32"), dtype="<u4")
    indices = np.fromfile(os.path.join(d, f"{name}.indices.u32"), dtype="<u4")
    data = np.fromfile(os.path.join(d, f"{name}.data.f32"), dtype="<f4")
    if len(indptr) != rows + 1 or indptr[-1] != len(indices) or len(indices) != len(data):
        raise SystemExit(f"ranking.py: {name}: inconsistent CSR files "
                         f"(rows {rows}, indptr {len(indptr)}, indices {len(indices)}, data {len(data)})")
    if len(indices) and int(indices.max()) >= n_items:
        raise SystemExit(f"ranking.py: {name}: column index >= items ({n_items})")
    # scipy keeps int32 indices; the values fit (nnz and N are far below 2^31).
    m = sp.csr_matrix((data.astype(np.float32), indices.astype(np.int32), indptr.astype(np.int32)),
                      shape=(rows, n_items))
    return m


def load_dense(d, name, dtype, n):
    v = np.fromfile(os.path.join(d, name), dtype=dtype)
    if len(v) != n:
        raise SystemExit(f"ranking.py: {name}: {len(v)} values, expected {n}")
    return v


def csr_bytes(m):
    return int(m.data.nbytes + m.indices.nbytes + m.indptr.nbytes)


def top_k(scores, k):
    """Indices of the k best scores, best first; -inf (knocked out) never included."""
    n = len(scores)
    if k < n:
        idx = np.argpartition(-scores, k)[:k]
    else:
        idx = np.arange(n)
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return idx[np.isfinite(scores[idx])]


def pct(ns, q):
    return float(np.percentile(np.asarray(ns, dtype=np.float64), q)) / 1e6


def entry(workload, **kw):
    e = {"workload": workload, "system": SYSTEM, "version": VERSION, "median_ms": None,
         "p95_ms": None, "memory_bytes": None, "bytes_per_requirement": None,
         "recall_at_10": None, "pairs_per_sec": None, "n": 0, "note": ""}
    e.update(kw)
    return e


def one_vector(workload, mat, vec, knocked_out, k, reps, what):
    def run():
        scores = mat @ vec
        if knocked_out is not None:
            scores[knocked_out] = -np.inf
        return top_k(scores, k)

    for _ in range(WARMUPS):
        run()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        top = run()
        times.append(time.perf_counter_ns() - t0)
    mem = csr_bytes(mat)
    return entry(workload, median_ms=pct(times, 50), p95_ms=pct(times, 95), memory_bytes=mem,
                 bytes_per_requirement=mem / max(1, mat.nnz), n=reps, top=[int(i) for i in top],
                 note=f"{what}; {mat.shape[0]} rows, nnz {mat.nnz}, top {k}; one core; {NUMPY}; "
                      f"'top' = result indices best first")


def workload_a(d, meta, n_items):
    a = meta["a"]
    rows, k, reps = a["openings"], a["top"], a["reps"]
    W = load_csr(d, "a_openings", rows, n_items)
    p = load_dense(d, "a_profile.f32", "<f4", n_items).astype(np.float32)
    hours = load_dense(d, "a_hours.u8", np.uint8, rows)
    with open(os.path.join(d, "a_profile.json")) as f:
        max_hours = json.load(f)["max_hours"]
    knocked = np.flatnonzero(hours > max_hours)  # precomputed once, like the Rust side's filter
    e = one_vector("A", W, p, knocked, k, reps,
                   f"scores = W @ p, {len(knocked)} knocked out (hours > {max_hours}) set to -inf, "
                   f"argpartition + sort")
    return e


def workload_b(d, meta, n_items):
    b = meta["b"]
    rows, k, reps = b["people"], b["top"], b["reps"]
    P = load_csr(d, "b_people", rows, n_items)
    w = load_dense(d, "b_opening.f32", "<f4", n_items).astype(np.float32)
    return one_vector("B", P, w, None, k, reps, "scores = P @ w, argpartition + sort")


def batch_chunk(P_chunk, WcT, k):
    S = (P_chunk @ WcT).toarray()
    n = S.shape[1]
    if k < n:
        idx = np.argpartition(-S, k, axis=1)[:, :k]
    else:
        idx = np.broadcast_to(np.arange(n), S.shape).copy()
    vals = np.take_along_axis(S, idx, axis=1)
    order = np.argsort(-vals, axis=1, kind="stable")
    return np.take_along_axis(idx, order, axis=1)


def workload_c(d, meta, n_items):
    c = meta["c"]
    n_p, n_o, k = c["people"], c["openings"], c["top"]
    P = load_csr(d, "c_people", n_p, n_items)
    Wc = load_csr(d, "c_openings", n_o, n_items)
    WcT = Wc.T.tocsr()  # set-up, not timed: scipy would otherwise convert Wc.T on every chunk
    batch_chunk(P[:C_CHUNK], WcT, k)  # warm-up on the first chunk
    t0 = time.perf_counter_ns()
    checksum = 0
    for start in range(0, n_p, C_CHUNK):
        top = batch_chunk(P[start:start + C_CHUNK], WcT, k)
        checksum += int(top[:, 0].sum())
    ns = time.perf_counter_ns() - t0
    ms = ns / 1e6
    mem = csr_bytes(P) + csr_bytes(Wc)
    return entry("C", median_ms=ms, p95_ms=ms, total_ms=ms, memory_bytes=mem,
                 bytes_per_requirement=mem / max(1, P.nnz + Wc.nnz),
                 pairs_per_sec=n_p * n_o / (ns / 1e9), n=1,
                 note=f"one timed batch of {n_p} people x {n_o} openings, top {k} per person, chunks "
                      f"of {C_CHUNK}: (P_chunk @ Wc.T).toarray(), argpartition, sort; median_ms = p95_ms = "
                      f"total; Wc.T converted to CSR once before timing; memory = P + Wc; {NUMPY}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: ranking.py DIR OUT.json")
    d, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)
    n_items = meta["items"]
    results = []
    for key, fn in (("a", workload_a), ("b", workload_b), ("c", workload_c)):
        if key not in meta:
            print(f"ranking.py: no '{key}' in meta.json, skipping {key.upper()}", file=sys.stderr)
            continue
        e = fn(d, meta, n_items)
        results.append(e)
        extra = (f"pairs/s {e['pairs_per_sec']:.3g}" if e["pairs_per_sec"] is not None
                 else f"p95 {e['p95_ms']:.3f} ms")
        print(f"{e['workload']} {SYSTEM}: median {e['median_ms']:.3f} ms, {extra}, "
              f"memory {e['memory_bytes']} B ({e['bytes_per_requirement']:.2f} B/requirement), "
              f"n {e['n']}", file=sys.stderr)
    with open(out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
