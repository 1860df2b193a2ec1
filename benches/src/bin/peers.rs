//! Our side of `cargo xtask bench-peers`: generates workloads A-D over the embedded taxonomy,
//! times our native code on them, measures the opening index's memory, runs the linear `strsim`
//! scan that D is compared with, and writes the same data for the peers (scipy.sparse and
//! rapidfuzz in Python, fuzzysort and our Wasm build in Node) into `DIR`.
//!
//! `peers DIR [--quick]` writes `DIR/meta.json`, the peer inputs described in
//! `benches/peers/README.md`, and `DIR/native.json` (one entry per workload and system).

use matching_core::{
    lookup, normalize, Evidence, ItemRef, Opening, OpeningPool, PeoplePool, Profile, RankOptions, Taxonomy,
};
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use vaardig_benches::workloads::{self, Sizes, D_TOP};

/// Counts live heap bytes, so the index's memory is measured, not estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

const SYSTEM: &str = "vaardig (native)";

/// Median and 95th percentile of timings in milliseconds.
fn stats(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

fn time_reps(reps: usize, mut f: impl FnMut()) -> Vec<f64> {
    for _ in 0..2 {
        f();
    }
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// Column of every taxonomy item in the peers' matrices.
fn columns(taxonomy: &Taxonomy) -> BTreeMap<ItemRef, u32> {
    let data = taxonomy.data();
    let items = data
        .skills
        .iter()
        .map(|s| ItemRef::Skill(s.id.clone()))
        .chain(data.soft_skills.iter().map(|s| ItemRef::SoftSkill(s.id.clone())))
        .chain(data.certificates.iter().map(|c| ItemRef::Certificate(c.id.clone())))
        .chain(
            data.qualifications
                .iter()
                .flat_map(|q| &q.core_tasks)
                .flat_map(|t| &t.work_processes)
                .map(|w| ItemRef::WorkProcess(w.id.clone())),
        );
    items.enumerate().map(|(i, item)| (item, i as u32)).collect()
}

/// A sparse matrix in compressed rows, written as the three files the peers read.
#[derive(Default)]
struct Csr {
    indptr: Vec<u32>,
    indices: Vec<u32>,
    data: Vec<f32>,
}

impl Csr {
    fn of(rows: impl Iterator<Item = Vec<(u32, f32)>>) -> Csr {
        let mut csr = Csr::default();
        rows.for_each(|row| csr.push_row(row));
        csr
    }

    fn push_row(&mut self, mut row: Vec<(u32, f32)>) {
        if self.indptr.is_empty() {
            self.indptr.push(0);
        }
        row.sort_by_key(|&(c, _)| c);
        row.dedup_by(|b, a| {
            // Keep the larger value for a repeated column.
            let same = a.0 == b.0;
            if same {
                a.1 = a.1.max(b.1);
            }
            same
        });
        for (c, v) in row {
            self.indices.push(c);
            self.data.push(v);
        }
        self.indptr.push(self.indices.len() as u32);
    }

    fn write(&self, dir: &Path, name: &str) {
        write_bytes(dir, &format!("{name}.indptr.u32"), self.indptr.iter().flat_map(|v| v.to_le_bytes()));
        write_bytes(dir, &format!("{name}.indices.u32"), self.indices.iter().flat_map(|v| v.to_le_bytes()));
        write_bytes(dir, &format!("{name}.data.f32"), self.data.iter().flat_map(|v| v.to_le_bytes()));
    }
}

fn write_bytes(dir: &Path, name: &str, bytes: impl Iterator<Item = u8>) {
    std::fs::write(dir.join(name), bytes.collect::<Vec<u8>>()).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// A dense vector over the items, as little-endian f32.
fn write_dense(dir: &Path, name: &str, row: &[(u32, f32)], len: usize) {
    write_bytes(dir, name, dense(row, len).into_iter().flat_map(f32::to_le_bytes));
}

fn write_json(dir: &Path, name: &str, value: &impl serde::Serialize) {
    let text = serde_json::to_string(value).expect("serialises");
    std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// An opening's requirements as normalised weights (a row sums to 1): the peers' weighted sum.
fn weight_row(opening: &Opening, columns: &BTreeMap<ItemRef, u32>) -> Vec<(u32, f32)> {
    let total: f32 = opening.requirements.iter().map(|r| f32::from(r.weight())).sum::<f32>().max(1.0);
    opening
        .requirements
        .iter()
        .filter_map(|r| Some((columns.get(&r.item)?.to_owned(), f32::from(r.weight()) / total)))
        .collect()
}

/// A profile's credit per item for the peers: the claimed level out of 4, halved for the
/// person's own word (our evidence cap), direct claims only. Simpler than our contract (no
/// work-process or related routes, no unknowns): the peers get the easier job.
fn credit_row(profile: &Profile, columns: &BTreeMap<ItemRef, u32>) -> Vec<(u32, f32)> {
    profile
        .claims
        .iter()
        .filter_map(|c| {
            let cap = if c.evidence == Evidence::Self_ { 0.5 } else { 1.0 };
            Some((*columns.get(&c.item)?, f32::from(c.level.get()) / 4.0 * cap))
        })
        .collect()
}

fn dense(row: &[(u32, f32)], len: usize) -> Vec<f32> {
    let mut v = vec![0.0f32; len];
    for &(c, x) in row {
        v[c as usize] = v[c as usize].max(x);
    }
    v
}

fn entry(workload: &str, system: &str, median: f64, p95: f64, n: usize, note: &str) -> Value {
    json!({"workload": workload, "system": system, "median_ms": median, "p95_ms": p95, "n": n,
           "memory_bytes": null, "bytes_per_requirement": null, "recall_at_10": null, "pairs_per_sec": null,
           "note": note})
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = argv.iter().find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: peers DIR [--quick]");
        std::process::exit(2);
    };
    let quick = argv.iter().any(|a| a == "--quick");
    // `--only A` (development): time one workload, write nothing for the others.
    let only = argv.iter().position(|a| a == "--only").and_then(|i| argv.get(i + 1)).map(|w| w.to_uppercase());
    let run = |w: &str| only.as_deref().is_none_or(|o| o == w);
    let sizes: Sizes = if quick { workloads::QUICK } else { workloads::NATIONAL };
    std::fs::create_dir_all(&dir).expect("output folder");
    let taxonomy = vaardig_taxonomy::embedded();
    let columns = columns(taxonomy);
    let mut results: Vec<Value> = Vec::new();

    // A: one profile against every opening, top 20, the full contract.
    if run("A") {
        let profile = workloads::profile(taxonomy);
        let base = live();
        let openings = workloads::openings(taxonomy, sizes.a_openings);
        let source_bytes = live() - base;
        let requirements: usize = openings.iter().map(|o| o.requirements.len()).sum();
        Csr::of(openings.iter().map(|o| weight_row(o, &columns))).write(&dir, "a_openings");
        write_bytes(&dir, "a_hours.u8", openings.iter().map(|o| o.hours.min));
        write_dense(&dir, "a_profile.f32", &credit_row(&profile, &columns), columns.len());
        write_json(
            &dir,
            "a_profile.json",
            &json!({"max_hours": profile.practical.max_hours_per_week.unwrap_or(u8::MAX)}),
        );
        write_json(&dir, "a_profile_full.json", &profile);
        let before_pool = live();
        let build = Instant::now();
        let pool = OpeningPool::new(taxonomy, openings);
        let build_ms = build.elapsed().as_secs_f64() * 1000.0;
        let index_bytes = live() - before_pool;
        let pool_bytes = index_bytes + source_bytes;
        let options = RankOptions { top: 20, include_knocked_out: false };
        let mut shown = 0;
        let (median, p95) =
            stats(time_reps(sizes.reps, || shown = pool.rank(taxonomy, &profile, options).matches.len()));
        let note = format!(
            "{} openings, {requirements} requirements; {shown} shown with full explanations; index built in \
             {build_ms:.0} ms; memory = the pool with the openings it keeps ({:.0} MB of it the openings \
             themselves, {:.0} MB the index); bytes per requirement: the index's",
            sizes.a_openings,
            source_bytes as f64 / 1e6,
            index_bytes as f64 / 1e6
        );
        let mut a = entry("A", SYSTEM, median, p95, sizes.reps, &note);
        a["memory_bytes"] = json!(pool_bytes);
        a["bytes_per_requirement"] = json!(index_bytes as f64 / requirements as f64);
        a["index_bytes"] = json!(index_bytes);
        results.push(a);
        eprintln!("A native: median {median:.2} ms, p95 {p95:.2} ms, pool {:.0} MB", pool_bytes as f64 / 1e6);
        drop(pool);
    }

    // B: every profile for one opening, top 50.
    if run("B") {
        let opening = workloads::opening(taxonomy);
        let people = workloads::people(taxonomy, sizes.b_people);
        Csr::of(people.iter().map(|p| credit_row(p, &columns))).write(&dir, "b_people");
        write_dense(&dir, "b_opening.f32", &weight_row(&opening, &columns), columns.len());
        write_json(&dir, "b_opening_full.json", &opening);
        let claims: usize = people.iter().map(|p| p.claims.len()).sum();
        let before_pool = live();
        let pool = PeoplePool::new(taxonomy, people);
        let people_bytes = live() - before_pool;
        let options = RankOptions { top: 50, include_knocked_out: false };
        let mut shown = 0;
        let (median, p95) =
            stats(time_reps(sizes.reps, || shown = pool.rank(taxonomy, &opening, options).matches.len()));
        let mut b = entry(
            "B",
            SYSTEM,
            median,
            p95,
            sizes.reps,
            &format!("{} profiles, {claims} claims; {shown} shown with full explanations", sizes.b_people),
        );
        b["memory_bytes"] = json!(people_bytes);
        results.push(b);
        eprintln!("B native: median {median:.2} ms, p95 {p95:.2} ms");
        drop(pool);
    }

    // C: a batch of profiles × openings, top 10 per profile, no explanations.
    if run("C") {
        let people: Vec<Profile> = workloads::people(taxonomy, sizes.c_people);
        let openings = workloads::openings(taxonomy, sizes.c_openings);
        Csr::of(people.iter().map(|p| credit_row(p, &columns))).write(&dir, "c_people");
        Csr::of(openings.iter().map(|o| weight_row(o, &columns))).write(&dir, "c_openings");
        let pool = OpeningPool::new(taxonomy, openings);
        let _warm = pool.best_for_each(taxonomy, &people[..people.len().min(200)], 10);
        let t = Instant::now();
        let best = pool.best_for_each(taxonomy, &people, 10);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let pairs = (sizes.c_people * sizes.c_openings) as f64;
        let mut c = entry(
            "C",
            SYSTEM,
            ms,
            ms,
            1,
            &format!(
                "{} profiles × {} openings, top 10 each ({} lists), one core",
                sizes.c_people,
                sizes.c_openings,
                best.len()
            ),
        );
        c["pairs_per_sec"] = json!(pairs / (ms / 1000.0));
        results.push(c);
        eprintln!("C native: {ms:.0} ms, {:.1} M pairs/s", pairs / ms / 1000.0);
        drop(pool);
    }

    // D: typo and prefix lookups against every label and search word.
    let mut d_labels = 0;
    let mut d_queries = 0;
    if run("D") {
        let expanded = workloads::expanded_taxonomy(taxonomy);
        let texts = expanded.search_texts();
        let queries = workloads::queries(&expanded, sizes.d_queries);
        let labels: Vec<Value> = texts.iter().map(|(item, text)| json!({"text": text, "item": item.id()})).collect();
        write_json(&dir, "d_labels.json", &labels);
        write_json(
            &dir,
            "d_queries.json",
            &queries.iter().map(|(q, item)| json!({"query": q, "item": item.id()})).collect::<Vec<_>>(),
        );
        write_json(&dir, "d_taxonomy.json", expanded.data());
        let _ = lookup(&expanded, "warm", 1);
        let (mut ms, mut found) = (Vec::new(), 0);
        for (q, item) in &queries {
            let t = Instant::now();
            let hits = lookup(&expanded, q, D_TOP);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            found += usize::from(hits.iter().any(|h| h.item == *item));
        }
        let recall = found as f64 / queries.len() as f64;
        let (median, p95) = stats(ms);
        let mut d = entry("D", SYSTEM, median, p95, queries.len(), &format!("{} labels and search words", texts.len()));
        d["recall_at_10"] = json!(recall);
        results.push(d);
        eprintln!("D native: median {median:.3} ms, p95 {p95:.3} ms, recall@10 {recall:.3}");

        // D's baseline: score every text with strsim, keep the best 10.
        let normalized: Vec<(String, &ItemRef)> = texts.iter().map(|(item, text)| (normalize(text), item)).collect();
        let scan_queries = &queries[..queries.len().min(if quick { 200 } else { 1000 })];
        let (mut ms, mut found) = (Vec::new(), 0);
        for (q, item) in scan_queries {
            let t = Instant::now();
            let q = normalize(q);
            let mut scored: Vec<(f64, usize)> = normalized
                .iter()
                .enumerate()
                .map(|(i, (text, _))| (strsim::normalized_damerau_levenshtein(&q, text), i))
                .collect();
            let top = D_TOP.min(scored.len());
            scored.select_nth_unstable_by(top.saturating_sub(1), |a, b| b.0.total_cmp(&a.0));
            scored.truncate(top);
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            found += usize::from(scored.iter().any(|&(_, i)| normalized[i].1 == item));
        }
        let recall = found as f64 / scan_queries.len() as f64;
        let (median, p95) = stats(ms);
        let mut scan = entry(
            "D",
            "strsim scan (native)",
            median,
            p95,
            scan_queries.len(),
            "normalized_damerau_levenshtein over every normalised text, best 10",
        );
        scan["recall_at_10"] = json!(recall);
        results.push(scan);
        eprintln!("D strsim scan: median {median:.3} ms, p95 {p95:.3} ms, recall@10 {recall:.3}");
        d_labels = texts.len();
        d_queries = queries.len();
    }

    write_json(
        &dir,
        "meta.json",
        &json!({
            "seed": vaardig_benches::SEED,
            "quick": quick,
            "items": columns.len(),
            "a": {"openings": sizes.a_openings, "top": 20, "reps": sizes.reps},
            "b": {"people": sizes.b_people, "top": 50, "reps": sizes.reps},
            "c": {"people": sizes.c_people, "openings": sizes.c_openings, "top": 10},
            "d": {"top": D_TOP, "labels": d_labels, "queries": d_queries},
        }),
    );
    write_json(&dir, "native.json", &results);
}
