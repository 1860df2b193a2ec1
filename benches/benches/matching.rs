//! Criterion benchmarks of the hot paths on demo data: ranking both ways, explaining, advice and
//! lookup. Issue 5 grows these to national scale; numbers go to benches/RESULTS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use matching_core::{advise, explain, lookup, RankOptions};

fn ranking(c: &mut Criterion) {
    let (taxonomy, pool, profiles) = vaardig_benches::fixture(20_000, 10);
    let options = RankOptions { top: 20, include_knocked_out: false };
    c.bench_function("rank 20k openings for one profile, top 20", |b| {
        b.iter(|| pool.rank(taxonomy, black_box(&profiles[0]), options))
    });
    let opening = &pool.openings()[0];
    c.bench_function("explain one profile against one opening", |b| {
        b.iter(|| explain(taxonomy, black_box(&profiles[1]), opening))
    });
    let (taxonomy, people, opening) = vaardig_benches::people(20_000);
    c.bench_function("rank 20k people for one opening, top 50", |b| {
        b.iter(|| people.rank(taxonomy, black_box(&opening), RankOptions { top: 50, include_knocked_out: false }))
    });
}

fn advice(c: &mut Criterion) {
    let (taxonomy, pool, profiles) = vaardig_benches::fixture(2_000, 4);
    c.bench_function("advise over 2k openings", |b| b.iter(|| advise(taxonomy, black_box(&profiles[2]), &pool, 5)));
}

fn lookups(c: &mut Criterion) {
    let taxonomy = vaardig_taxonomy::embedded();
    let queries = ["heftruk", "kasa", "klantvrindelijk", "vca", "rijbewys", "heftruckchauffeur", "schoonm", "hygiene"];
    c.bench_function("lookup 8 typo and prefix queries", |b| {
        b.iter(|| queries.iter().map(|q| lookup(taxonomy, black_box(q), 10).len()).sum::<usize>())
    });
}

criterion_group!(benches, ranking, advice, lookups);
criterion_main!(benches);
