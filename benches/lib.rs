//! Shared set-up for the benchmarks: the embedded taxonomy and deterministic demo data.

use matching_core::{OpeningPool, PeoplePool, Profile, Taxonomy};
use vaardig::demo::{self, DemoSize};

/// The seed every benchmark uses, so runs compare.
pub const SEED: u64 = 42;

/// A pool of `openings` demo openings and `profiles` demo profiles.
pub fn fixture(openings: usize, profiles: usize) -> (&'static Taxonomy, OpeningPool, Vec<Profile>) {
    let taxonomy = vaardig_taxonomy::embedded();
    let size = DemoSize::new(openings, profiles);
    let pool = OpeningPool::new(taxonomy, demo::openings(taxonomy, size, SEED).openings);
    (taxonomy, pool, demo::profiles(taxonomy, size, SEED))
}

/// A pool of demo people.
pub fn people(profiles: usize) -> (&'static Taxonomy, PeoplePool, matching_core::Opening) {
    let taxonomy = vaardig_taxonomy::embedded();
    let size = DemoSize::new(1, profiles);
    let opening = demo::openings(taxonomy, size, SEED).openings.remove(0);
    (taxonomy, PeoplePool::new(taxonomy, demo::profiles(taxonomy, size, SEED)), opening)
}
