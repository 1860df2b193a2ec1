//! The stable performance gate: one workload per run, at a reduced size, meant to be counted with
//! `valgrind --tool=callgrind` (see `cargo xtask gate`). Instruction counts do not jitter the way
//! wall-clock time does on a shared machine, so CI can compare them with a committed baseline.
//!
//! `gate a`: workload A at 20,000 openings: rank one profile, top 20.
//! `gate d`: 100 of workload D's typo and prefix queries against the embedded taxonomy, top 10.
//! Both use the data of `vaardig_benches::workloads`, as criterion and `bench-peers` do.

use matching_core::{lookup, OpeningPool, Profile, RankOptions, Taxonomy};
use std::hint::black_box;
use vaardig_benches::workloads;

/// Openings in workload A.
const A_OPENINGS: usize = 20_000;
/// Queries in workload D.
const D_QUERIES: usize = 100;

#[inline(never)]
fn gate_workload_a(taxonomy: &Taxonomy, pool: &OpeningPool, profile: &Profile) -> usize {
    pool.rank(taxonomy, profile, RankOptions { top: 20, include_knocked_out: false }).matches.len()
}

#[inline(never)]
fn gate_workload_d(taxonomy: &Taxonomy, queries: &[String]) -> usize {
    queries.iter().map(|q| lookup(taxonomy, q, 10).len()).sum()
}

fn main() {
    let taxonomy = vaardig_taxonomy::embedded();
    match std::env::args().nth(1).as_deref() {
        Some("a") => {
            let pool = OpeningPool::new(taxonomy, workloads::openings(taxonomy, A_OPENINGS));
            let profile = workloads::profile(taxonomy);
            println!("a: {} matches", gate_workload_a(taxonomy, black_box(&pool), black_box(&profile)));
        }
        Some("d") => {
            let queries: Vec<String> = workloads::queries(taxonomy, D_QUERIES).into_iter().map(|(q, _)| q).collect();
            // Build the lazy index outside the counted function.
            let _ = lookup(taxonomy, "warm", 1);
            println!("d: {} hits", gate_workload_d(taxonomy, black_box(&queries)));
        }
        _ => {
            eprintln!("usage: gate a|d");
            std::process::exit(2);
        }
    }
}
