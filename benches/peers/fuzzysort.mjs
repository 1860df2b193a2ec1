#!/usr/bin/env node
// Peer for workload D: typo and prefix lookup over the labels with fuzzysort (Node, one thread).
//
//   node --expose-gc fuzzysort.mjs DIR OUT.json
//
// The targets are prepared once (fuzzysort.prepare); then per query, timed alone,
// fuzzysort.go(query, prepared, {limit: top}) with fuzzysort's default threshold.
// recall_at_10: the fraction of queries whose intended item is among the items of the returned
// labels. A result carries only the label text, so a text shared by labels of several items counts
// for all of them. Further entries, each with a "variant" field: the same with threshold 0 (any
// subsequence match), and fuzzysort.snapshot, which fuzzysort 4 recommends for fixed targets.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fuzzysort from 'fuzzysort'

const WARMUP_PASSES = 2 // JIT warm-up: untimed passes over all queries before timing
const version = JSON.parse(
  readFileSync(new URL('./node_modules/fuzzysort/package.json', import.meta.url), 'utf8'),
).version

function percentile(sorted, q) {
  // Linear interpolation, as numpy.percentile's default.
  const pos = ((sorted.length - 1) * q) / 100
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

function heapAfterGc() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc()
    globalThis.gc()
  }
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers // typed arrays live outside the JS heap
}

function run(variant, note, targets, queries, itemsOf, top, memory, extra = {}) {
  const options = { limit: top, ...extra }
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const q of queries) fuzzysort.go(q.query, targets, options)
  }
  const times = []
  let hits = 0
  for (const q of queries) {
    const t0 = process.hrtime.bigint()
    const res = fuzzysort.go(q.query, targets, options)
    times.push(Number(process.hrtime.bigint() - t0))
    if (res.slice(0, 10).some((r) => itemsOf.get(r.target).has(q.item))) hits++
  }
  times.sort((a, b) => a - b)
  return {
    workload: 'D',
    system: 'fuzzysort',
    version,
    median_ms: percentile(times, 50) / 1e6,
    p95_ms: percentile(times, 95) / 1e6,
    memory_bytes: memory,
    bytes_per_requirement: null,
    recall_at_10: queries.length ? hits / queries.length : null,
    pairs_per_sec: null,
    n: times.length,
    variant,
    note,
  }
}

function main() {
  if (process.argv.length !== 4) {
    console.error('usage: node fuzzysort.mjs DIR OUT.json')
    process.exit(2)
  }
  const [dir, out] = process.argv.slice(2)
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))
  const results = []
  if (!('d' in meta)) {
    console.error("fuzzysort.mjs: no 'd' in meta.json, skipping D")
  } else {
    const top = meta.d.top
    const labels = JSON.parse(readFileSync(join(dir, 'd_labels.json'), 'utf8'))
    const queries = JSON.parse(readFileSync(join(dir, 'd_queries.json'), 'utf8'))
    const texts = labels.map((l) => l.text)
    const itemsOf = new Map()
    for (const l of labels) {
      if (!itemsOf.has(l.text)) itemsOf.set(l.text, new Set())
      itemsOf.get(l.text).add(l.item)
    }
    const gcNote = typeof globalThis.gc === 'function' ? 'after gc' : 'no gc available (run node --expose-gc)'
    const common = `${texts.length} labels, ${queries.length} queries, top ${top}, default threshold, one query at a time`

    let before = heapAfterGc()
    const prepared = texts.map((t) => fuzzysort.prepare(t))
    const preparedBytes = heapAfterGc() - before
    results.push(
      run(
        'prepare',
        `fuzzysort.go over fuzzysort.prepare'd targets; ${common}; memory = approximate ` +
          `process.memoryUsage() heapUsed + arrayBuffers delta from preparing (${gcNote}), not counting ` +
          `the label strings themselves`,
        prepared,
        queries,
        itemsOf,
        top,
        preparedBytes,
      ),
    )
    results.push(
      run(
        'prepare, threshold 0',
        `as 'prepare' but {limit: top, threshold: 0}: every subsequence match may be returned, ` +
          `not only those scoring >= 0.5; ${common.replace(', default threshold', '')}; memory as 'prepare'`,
        prepared,
        queries,
        itemsOf,
        top,
        preparedBytes,
        { threshold: 0 },
      ),
    )

    before = heapAfterGc()
    const snap = fuzzysort.snapshot(texts)
    fuzzysort.go('a', snap, { limit: 1 }) // builds the snapshot now (it is otherwise built lazily)
    const snapBytes = heapAfterGc() - before
    results.push(
      run(
        'snapshot',
        `fuzzysort.go over fuzzysort.snapshot(texts), built before timing; ${common} in file order ` +
          `(the snapshot reuses work when a query extends the previous one); memory = approximate ` +
          `process.memoryUsage() heapUsed + arrayBuffers delta from building it (${gcNote})`,
        snap,
        queries,
        itemsOf,
        top,
        snapBytes,
      ),
    )
    for (const e of results) {
      console.error(
        `D fuzzysort ${e.variant}: median ${e.median_ms.toFixed(3)} ms, p95 ${e.p95_ms.toFixed(3)} ms, ` +
          `recall@10 ${e.recall_at_10.toFixed(3)}, memory ~${e.memory_bytes} B, n ${e.n}`,
      )
    }
  }
  writeFileSync(out, JSON.stringify(results, null, 1))
}

main()
