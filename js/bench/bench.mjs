// The "Wasm under Node" side of the side-by-side benchmark: the JS package (VAARDIG_JS_PKG,
// default target/js-pkg) on workloads A, B and D of the files the Rust bench writes into DIR.
//
//   node js/bench/bench.mjs DIR OUT.json
//
// DIR/meta.json {"seed": 42, "a": {"openings", "top", "reps"}, "b": {"people", "top", "reps"},
// "d": {"top"}} (a missing key skips that workload); A ranks DIR/a_profile_full.json over
// loadDemoOpenings(n, seed), B ranks loadDemoPeople(n, seed) for DIR/b_opening_full.json — the
// same generator calls as the native side, so both rank the same data; D looks up every query of
// DIR/d_queries.json ({"query", "item"}) in DIR/d_taxonomy.json (the native side's taxonomy with
// generated search words; the package's taxonomy.json when it is missing). Timings are per call
// of the JS API, JSON in and out included. Writes a JSON array of results to OUT.json.

import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SYSTEM = "vaardig (wasm, node)";
const WARM_UPS = 2;
const D_WARM_UP_QUERIES = 20;
const RECALL_AT = 10;

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error("usage: node js/bench/bench.mjs DIR OUT.json");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(process.env.VAARDIG_JS_PKG ?? join(here, "..", "..", "target", "js-pkg"));
const require = createRequire(import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const meta = readJson(join(dir, "meta.json"));
const seed = meta.seed ?? 42;
const version = `vaardig ${readJson(join(pkg, "package.json")).version}, node ${process.version}`;

/** A fresh instance of the package, so each workload's Wasm memory is its own (it never shrinks). */
function freshPackage() {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(pkg)) delete require.cache[key];
  }
  return require(pkg);
}

/** Bytes of Wasm memory, or the process's resident set where the package cannot say. */
function memoryBytes(vaardig) {
  const bytes = typeof vaardig.wasmMemoryBytes === "function" ? vaardig.wasmMemoryBytes() : 0;
  return bytes > 0 ? [bytes, "Wasm memory"] : [process.memoryUsage().rss, "process RSS"];
}

/** Milliseconds `f` takes. */
function time(f) {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median and 95th percentile, picked the way the native side picks them. */
function stats(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  return [at(0.5), at(0.95)];
}

function entry(workload, ms, recall, memory, n, note) {
  const [median, p95] = stats(ms);
  return {
    workload,
    system: SYSTEM,
    version,
    median_ms: median,
    p95_ms: p95,
    recall_at_10: recall,
    memory_bytes: memory[0],
    n,
    note: `${note}; memory = ${memory[1]} after loading`,
  };
}

/** Ranks `count` demo entries `reps` times after the warm-ups. */
function rankWorkload(workload, spec, load, rank, what) {
  const vaardig = freshPackage();
  const matcher = new vaardig.Matcher(readFileSync(join(pkg, "taxonomy.json"), "utf8"));
  const count = spec.openings ?? spec.people;
  const started = process.hrtime.bigint();
  const loaded = vaardig[load](matcher, count, seed);
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (loaded !== count) throw new Error(`${load} loaded ${loaded}, not ${count}`);
  const memory = memoryBytes(vaardig);
  const input = readJson(join(dir, what.file));
  const top = spec.top ?? 20;
  const reps = spec.reps ?? 10;
  let shown = 0;
  for (let i = 0; i < WARM_UPS; i++) shown = matcher[rank](input, top).matches.length;
  const ms = Array.from({ length: reps }, () => time(() => matcher[rank](input, top)));
  matcher.free();
  const note = `${count} ${what.pool} (${load}, seed ${seed}, generated in ${loadMs.toFixed(0)} ms), top ${top}; ${shown} shown with full explanations; ${reps} reps after ${WARM_UPS} warm-ups; JSON in and out included`;
  return entry(workload, ms, null, memory, count, note);
}

function lookupWorkload(spec) {
  const vaardig = freshPackage();
  const expanded = join(dir, "d_taxonomy.json");
  const taxonomyFile = existsSync(expanded) ? expanded : join(pkg, "taxonomy.json");
  const matcher = new vaardig.Matcher(readFileSync(taxonomyFile, "utf8"));
  const queries = readJson(join(dir, "d_queries.json"));
  const top = spec.top ?? RECALL_AT;
  const idOf = (item) => (typeof item === "string" ? item : Object.values(item)[0]);
  for (const { query } of queries.slice(0, D_WARM_UP_QUERIES)) matcher.lookup(query, top);
  const memory = memoryBytes(vaardig);
  let found = 0;
  const ms = queries.map(({ query, item }) => {
    let hits;
    const took = time(() => {
      hits = matcher.lookup(query, top);
    });
    const wanted = idOf(item);
    found += hits.slice(0, RECALL_AT).some((hit) => idOf(hit.item) === wanted) ? 1 : 0;
    return took;
  });
  matcher.free();
  const source = taxonomyFile === expanded ? "d_taxonomy.json" : "the package's taxonomy.json";
  const note = `${queries.length} queries, top ${top}, over ${source}; warm-up: ${D_WARM_UP_QUERIES} queries (builds the lookup index)`;
  return entry("D", ms, queries.length ? found / queries.length : null, memory, queries.length, note);
}

const results = [];
if (meta.a) {
  results.push(rankWorkload("A", meta.a, "loadDemoOpenings", "rankOpenings", { file: "a_profile_full.json", pool: "openings" }));
}
if (meta.b) {
  results.push(rankWorkload("B", meta.b, "loadDemoPeople", "rankPeople", { file: "b_opening_full.json", pool: "profiles" }));
}
if (meta.d) results.push(lookupWorkload(meta.d));

writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
for (const r of results) {
  const recall = r.recall_at_10 === null ? "" : `, recall@10 ${r.recall_at_10.toFixed(3)}`;
  console.log(
    `${r.workload} ${r.system}: median ${r.median_ms.toFixed(3)} ms, p95 ${r.p95_ms.toFixed(3)} ms${recall}, ` +
      `memory ${(r.memory_bytes / 1e6).toFixed(1)} MB, n ${r.n}`,
  );
}
