//! The stable performance gate: one workload per run, at a reduced size, meant to be counted with
//! `valgrind --tool=callgrind` (see `cargo xtask gate`). Instruction counts do not jitter the way
//! wall-clock time does on a shared machine, so CI can compare them with a committed baseline.
//!
//! `gate a`: rank one profile against 20,000 openings (8-15 requirements each), top 20.
//! `gate d`: 100 typo and prefix lookups against every label and search word, top 10.

use matching_core::{lookup, normalize, OpeningPool, Profile, RankOptions, Taxonomy};
use std::hint::black_box;
use vaardig::demo::{self, DemoSize, Rng};

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

/// A query as a person types it: a prefix, a dropped or swapped letter, a missing diacritic.
pub fn typo_queries(taxonomy: &Taxonomy, count: usize, seed: u64) -> Vec<String> {
    let labels: Vec<&str> = taxonomy
        .data()
        .skills
        .iter()
        .flat_map(|s| s.labels.nl.iter().chain(&s.labels.en))
        .map(String::as_str)
        .collect();
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let word: Vec<char> = normalize(labels[rng.below(labels.len())]).chars().collect();
            let mut q = word.clone();
            match rng.below(4) {
                0 if q.len() > 4 => q.truncate(3 + rng.below(q.len() - 3)),
                1 if q.len() > 3 => {
                    q.remove(1 + rng.below(q.len() - 2));
                }
                2 if q.len() > 3 => {
                    let i = 1 + rng.below(q.len() - 2);
                    q.swap(i - 1, i);
                }
                _ if q.len() > 2 => {
                    let i = rng.below(q.len());
                    q[i] = 'e';
                }
                _ => {}
            }
            q.into_iter().collect()
        })
        .collect()
}

fn main() {
    let taxonomy = vaardig_taxonomy::embedded();
    match std::env::args().nth(1).as_deref() {
        Some("a") => {
            let size = DemoSize { openings: A_OPENINGS, profiles: 1, min_requirements: 8, max_requirements: 15 };
            let pool = OpeningPool::new(taxonomy, demo::openings(taxonomy, size, 42).openings);
            let profile = demo::profiles(taxonomy, size, 42).remove(0);
            println!("a: {} matches", gate_workload_a(taxonomy, black_box(&pool), black_box(&profile)));
        }
        Some("d") => {
            let queries = typo_queries(taxonomy, D_QUERIES, 42);
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
