//! Criterion benchmarks: the national workloads A-D of issue 5 (the same data as
//! `cargo xtask bench-peers`), plus explaining one pair and advice. Numbers go to
//! benches/RESULTS.md with the command that made them.
//!
//! `VAARDIG_BENCH_QUICK=1` runs the `--quick` sizes.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matching_core::{advise, explain, lookup, OpeningPool, PeoplePool, RankOptions};
use vaardig_benches::workloads::{self, Sizes, D_TOP};

fn sizes() -> Sizes {
    if std::env::var_os("VAARDIG_BENCH_QUICK").is_some() {
        workloads::QUICK
    } else {
        workloads::NATIONAL
    }
}

fn workload_a(c: &mut Criterion) {
    let taxonomy = vaardig_taxonomy::embedded();
    let sizes = sizes();
    let pool = OpeningPool::new(taxonomy, workloads::openings(taxonomy, sizes.a_openings));
    let profile = workloads::profile(taxonomy);
    let mut group = c.benchmark_group("A");
    group.sample_size(20);
    group.bench_function(format!("rank {} openings for one profile, top 20", sizes.a_openings), |b| {
        b.iter(|| pool.rank(taxonomy, black_box(&profile), RankOptions { top: 20, include_knocked_out: false }))
    });
    let opening = &pool.openings()[0];
    group.bench_function("explain one profile against one opening", |b| {
        b.iter(|| explain(taxonomy, black_box(&profile), opening))
    });
    group.finish();
}

fn workload_b(c: &mut Criterion) {
    let taxonomy = vaardig_taxonomy::embedded();
    let sizes = sizes();
    let people = PeoplePool::new(taxonomy, workloads::people(taxonomy, sizes.b_people));
    let opening = workloads::opening(taxonomy);
    let mut group = c.benchmark_group("B");
    group.sample_size(20);
    group.bench_function(format!("rank {} people for one opening, top 50", sizes.b_people), |b| {
        b.iter(|| people.rank(taxonomy, black_box(&opening), RankOptions { top: 50, include_knocked_out: false }))
    });
    group.finish();
}

fn workload_c(c: &mut Criterion) {
    let taxonomy = vaardig_taxonomy::embedded();
    let sizes = sizes();
    let pool = OpeningPool::new(taxonomy, workloads::openings(taxonomy, sizes.c_openings));
    // A slice of C's profiles per iteration: the whole batch takes seconds; bench-peers times it once.
    let profiles = workloads::people(taxonomy, 500);
    let mut group = c.benchmark_group("C");
    group.sample_size(10);
    group.bench_function(format!("batch 500 profiles × {} openings, top 10 each", sizes.c_openings), |b| {
        b.iter(|| pool.best_for_each(taxonomy, black_box(&profiles), 10))
    });
    group.bench_function(format!("match table 20 profiles × {} openings (ndarray)", sizes.c_openings), |b| {
        b.iter(|| pool.score_matrix(taxonomy, black_box(&profiles[..20])))
    });
    group.finish();
}

fn workload_d(c: &mut Criterion) {
    let expanded = workloads::expanded_taxonomy(vaardig_taxonomy::embedded());
    let queries = workloads::queries(&expanded, sizes().d_queries);
    let _ = lookup(&expanded, "warm", 1);
    let mut group = c.benchmark_group("D");
    group.sample_size(10);
    group.bench_function(
        format!("{} typo and prefix lookups over {} labels, top 10", queries.len(), expanded.label_count()),
        |b| b.iter(|| queries.iter().map(|(q, _)| lookup(&expanded, black_box(q), D_TOP).len()).sum::<usize>()),
    );
    group.finish();
}

fn advice(c: &mut Criterion) {
    let (taxonomy, pool, profiles) = vaardig_benches::fixture(2_000, 4);
    c.bench_function("advise over 2k openings", |b| b.iter(|| advise(taxonomy, black_box(&profiles[2]), &pool, 5)));
}

criterion_group!(benches, workload_a, workload_b, workload_c, workload_d, advice);
criterion_main!(benches);
