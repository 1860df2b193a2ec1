//! Relevance of the top 10, before and after issue 17's rule (holding something hard that is asked
//! comes first; then must-haves not known to be met), on the app's demo pool and synthetic people.
//!
//! `cargo run --release -p vaardig-benches --bin relevance [PEOPLE]` (default 1,000).
//!
//! "Before" is the contract's earlier order, knock-outs out, then fewer known unmet must-haves,
//! higher low, higher high, id, taken from the same pass (`OpeningPool::summaries`) and sorted
//! here; the property test `ranking_equals_sorting_every_explanation` held that order until the
//! rule changed. "After" is `OpeningPool::rank` and `PeoplePool::rank` as they are now.

use matching_core::{explain, Explanation, Opening, OpeningPool, PeoplePool, Person, Profile, RankOptions, Taxonomy};
use std::cmp::Reverse;
use vaardig_demo::DemoSize;

/// The app's demo pool: `web/src/app.rs` DEMO_OPENINGS and DEMO_SEED.
const OPENINGS: usize = 2400;
const SEED: u64 = 2027;
/// Openings whose employer's top 10 is compared.
const EMPLOYER_OPENINGS: usize = 300;
const TOP: usize = 10;

fn holds_hard(e: &Explanation) -> bool {
    e.relevance().holds_hard
}

/// The earlier order over explanations: fewer known unmet must-haves, higher low, higher high, id.
fn before_key(e: &Explanation, id: &str) -> (u16, Reverse<u16>, Reverse<u16>, String) {
    (e.musts.unmet, Reverse(e.score.low), Reverse(e.score.high), id.to_string())
}

#[derive(Default)]
struct Side {
    entries: usize,
    hard: usize,
    unknown_must: usize,
    fits: usize,
    lists_all_hard: usize,
    lists: usize,
}

impl Side {
    fn add(&mut self, list: &[Explanation]) {
        self.lists += 1;
        self.entries += list.len();
        self.hard += list.iter().filter(|e| holds_hard(e)).count();
        self.unknown_must += list.iter().filter(|e| e.musts.unknown > 0).count();
        self.fits += list.iter().filter(|e| e.fits()).count();
        self.lists_all_hard += usize::from(list.iter().all(holds_hard));
    }

    fn print(&self, name: &str) {
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        println!(
            "  {name:6}: {:5.1} % of top-10 entries hold something hard ({} of {}); {:5.1} % of lists all of them; \
             {:5.1} % fit; {:5.1} % have an unknown must-have",
            pct(self.hard, self.entries),
            self.hard,
            self.entries,
            pct(self.lists_all_hard, self.lists),
            pct(self.fits, self.entries),
            pct(self.unknown_must, self.entries),
        );
    }
}

fn people_side(taxonomy: &Taxonomy, pool: &OpeningPool, people: &[Profile]) {
    let openings: &[Opening] = pool.openings();
    let (mut before, mut after) = (Side::default(), Side::default());
    let mut overlap = 0;
    for profile in people {
        let person = Person::new(taxonomy, profile);
        let summaries = pool.summaries(taxonomy, &person);
        let mut order: Vec<usize> = (0..openings.len()).filter(|&o| !summaries[o].knocked_out).collect();
        order.sort_by_key(|&o| {
            let s = &summaries[o];
            (s.unmet_musts, Reverse(s.score.low), Reverse(s.score.high), openings[o].id.as_str())
        });
        let old: Vec<Explanation> = order.iter().take(TOP).map(|&o| explain(taxonomy, profile, &openings[o])).collect();
        let ranking = pool.rank(taxonomy, profile, RankOptions { top: TOP, include_knocked_out: false });
        overlap += ranking.matches.iter().filter(|r| order.iter().take(TOP).any(|&o| o == r.index)).count();
        let new: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        before.add(&old);
        after.add(&new);
    }
    println!("Young people's top 10 ({} people, {} openings):", people.len(), openings.len());
    before.print("before");
    after.print("after");
    println!("  the same opening in both top 10s: {:.1} %", 100.0 * overlap as f64 / after.entries.max(1) as f64);
}

fn employer_side(taxonomy: &Taxonomy, openings: &[Opening], people: &[Profile]) {
    let pool = PeoplePool::new(taxonomy, people.to_vec());
    let (mut before, mut after) = (Side::default(), Side::default());
    let (mut overlap, mut same_order) = (0, 0);
    for opening in openings.iter().take(EMPLOYER_OPENINGS) {
        let mut all: Vec<Explanation> =
            people.iter().map(|p| explain(taxonomy, p, opening)).filter(|e| e.knock_outs.is_empty()).collect();
        all.sort_by_key(|e| before_key(e, &e.profile));
        all.truncate(TOP);
        let ranking = pool.rank(taxonomy, opening, RankOptions { top: TOP, include_knocked_out: false });
        let new: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        overlap += new.iter().filter(|e| all.iter().any(|b| b.profile == e.profile)).count();
        same_order += usize::from(new.iter().map(|e| &e.profile).eq(all.iter().map(|e| &e.profile)));
        before.add(&all);
        after.add(&new);
    }
    let lists = after.lists;
    println!("Employers' top 10 ({lists} openings, {} people):", people.len());
    before.print("before");
    after.print("after");
    println!(
        "  the same person in both top 10s: {:.1} %; the same top 10 in the same order: {:.1} % of openings",
        100.0 * overlap as f64 / after.entries.max(1) as f64,
        100.0 * same_order as f64 / lists.max(1) as f64
    );
}

fn main() {
    let people_count: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let taxonomy = vaardig_taxonomy::embedded();
    let openings = vaardig_demo::openings(taxonomy, DemoSize::new(OPENINGS, 0), SEED).openings;
    let people = vaardig_demo::profiles(taxonomy, DemoSize::new(0, people_count), SEED);
    let pool = OpeningPool::new(taxonomy, openings.clone());
    people_side(taxonomy, &pool, &people);
    employer_side(taxonomy, &openings, &people);
}
