//! Ranking in both directions over inverted indices with top-k: openings for a person, people for
//! an opening. The order is the contract's total order: knock-outs out; then fewer unmet
//! must-haves; then higher low bound; then higher high bound; then id.

use crate::explain::Explanation;
use crate::model::Evidence;
use crate::model::ItemKind;
use crate::opening::Opening;
use crate::profile::Profile;
use crate::score::{
    credit, evaluate, explain_person, CompiledOpening, CompiledRequirement, Outcome, Person, Tally, Via, FULL,
};
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};
use std::collections::BinaryHeap;

/// How many results to return, and whether a jobhunter overrides knock-outs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankOptions {
    /// Number of results in each list.
    pub top: usize,
    /// Rank knocked-out entries with the rest (the jobhunter's override); their explanation
    /// still lists the knock-outs.
    pub include_knocked_out: bool,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions { top: 20, include_knocked_out: false }
    }
}

/// One ranked entry with its full explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    /// Position of the opening or profile in its pool.
    pub index: usize,
    /// Why it scores as it does.
    pub explanation: Explanation,
}

/// The result of a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranking {
    /// Best first, at most `top`: matches and near matches (unmet must-haves are shown, not hidden).
    pub matches: Vec<Ranked>,
    /// "Does not fit because …": the best `top` of the knocked-out ones, in the same order.
    pub knocked_out: Vec<Ranked>,
    /// How many were ranked (not knocked out).
    pub ranked_total: usize,
    /// How many were knocked out.
    pub knocked_out_total: usize,
}

/// The sort key; smaller is better. Identical for the indexed path and the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    unmet_musts: u32,
    low_desc: u16,
    high_desc: u16,
    id_rank: u32,
    index: u32,
}

impl Key {
    fn new(tally: &Tally, total_weight: u32, id_rank: u32, index: usize) -> Key {
        let score = tally.interval(total_weight);
        Key {
            unmet_musts: tally.unmet_musts,
            low_desc: u16::MAX - score.low,
            high_desc: u16::MAX - score.high,
            id_rank,
            index: index as u32,
        }
    }
}

/// Keeps the `k` smallest keys.
struct TopK {
    k: usize,
    heap: BinaryHeap<Key>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK { k, heap: BinaryHeap::with_capacity(k + 1) }
    }

    fn offer(&mut self, key: Key) {
        if self.heap.len() < self.k {
            self.heap.push(key);
        } else if self.heap.peek().is_some_and(|worst| key < *worst) {
            self.heap.pop();
            self.heap.push(key);
        }
    }

    fn into_sorted(self) -> Vec<Key> {
        self.heap.into_sorted_vec()
    }
}

/// Position of each id in sorted order, so ties break by id with an integer compare.
fn id_ranks<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let ids: Vec<&str> = ids.collect();
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    crate::sort::sort_by(&mut order, |&a, &b| ids[a as usize].cmp(ids[b as usize]).then(a.cmp(&b)));
    let mut rank = vec![0; ids.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// The default tally of a requirement set for a person who says nothing about any item.
fn default_tally(person: &Person, weights: &[u32; 4], musts: &[u32; 4]) -> Tally {
    let mut t = Tally { low_num: 0, high_num: 0, unmet_musts: 0 };
    for kind in ItemKind::ALL {
        let outcome = person.default_outcome(kind);
        let k = kind.index();
        t.low_num += u64::from(weights[k] * outcome.low());
        t.high_num += u64::from(weights[k] * outcome.high());
        t.unmet_musts += if outcome.unmet() { musts[k] } else { 0 };
    }
    t
}

/// Moves a tally from a requirement's default outcome to its actual outcome.
fn adjust(t: &mut Tally, req: &CompiledRequirement, person: &Person) {
    let default = person.default_outcome(req.kind);
    move_tally(t, req, &default, evaluate(person, req).credit);
}

/// Moves a tally from the `default` outcome to an actual credit (`None`: unknown).
fn move_tally(t: &mut Tally, req: &CompiledRequirement, default: &Outcome, actual: Option<u32>) {
    let w = u64::from(req.weight);
    let (low, high) = (actual.unwrap_or(0), actual.unwrap_or(FULL));
    t.low_num = t.low_num + w * u64::from(low) - w * u64::from(default.low());
    t.high_num = t.high_num + w * u64::from(high) - w * u64::from(default.high());
    if req.must {
        let unmet = actual.is_some_and(|c| c < FULL);
        t.unmet_musts = t.unmet_musts + u32::from(unmet) - u32::from(default.unmet());
    }
}

/// A pool of openings indexed by item, ready to rank for any person.
#[derive(Clone, Debug)]
pub struct OpeningPool {
    openings: Vec<Opening>,
    compiled: Vec<CompiledOpening>,
    /// Per item: (opening, requirement position).
    postings: Vec<Vec<(u32, u16)>>,
    /// Per opening: total weight and must-haves per kind.
    weights: Vec<[u32; 4]>,
    musts: Vec<[u32; 4]>,
    id_rank: Vec<u32>,
}

impl OpeningPool {
    /// Indexes openings (validate them first: requirements on unknown items are left out).
    pub fn new(taxonomy: &Taxonomy, openings: Vec<Opening>) -> OpeningPool {
        let compiled: Vec<CompiledOpening> = openings.iter().map(|o| CompiledOpening::new(taxonomy, o)).collect();
        let mut postings = vec![Vec::new(); taxonomy.items.len()];
        let mut weights = Vec::with_capacity(compiled.len());
        let mut musts = Vec::with_capacity(compiled.len());
        for (o, c) in compiled.iter().enumerate() {
            let (mut w, mut m) = ([0u32; 4], [0u32; 4]);
            for (r, req) in c.requirements.iter().enumerate() {
                postings[req.item as usize].push((o as u32, r as u16));
                w[req.kind.index()] += req.weight;
                m[req.kind.index()] += u32::from(req.must);
            }
            weights.push(w);
            musts.push(m);
        }
        let id_rank = id_ranks(openings.iter().map(|o| o.id.as_str()));
        OpeningPool { openings, compiled, postings, weights, musts, id_rank }
    }

    /// The openings, in pool order.
    pub fn openings(&self) -> &[Opening] {
        &self.openings
    }

    /// Number of openings.
    pub fn len(&self) -> usize {
        self.openings.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.openings.is_empty()
    }

    /// Ranks every opening for one person.
    pub fn rank(&self, taxonomy: &Taxonomy, profile: &Profile, options: RankOptions) -> Ranking {
        let person = Person::new(taxonomy, profile);
        let tallies = self.tallies(&person);
        top_k(
            tallies.len(),
            options,
            |o| Key::new(&tallies[o], self.compiled[o].total_weight, self.id_rank[o], o),
            |o| person.practical.knocks_out(taxonomy, &self.compiled[o].practical),
            |o| explain_person(taxonomy, &person, profile, &self.openings[o], &self.compiled[o]),
        )
    }

    /// Ranking numbers for every opening, walking only the postings of items the person touches.
    fn tallies(&self, person: &Person) -> Vec<Tally> {
        let mut tallies: Vec<Tally> =
            self.weights.iter().zip(&self.musts).map(|(w, m)| default_tally(person, w, m)).collect();
        for item in person.touched_items() {
            for &(o, r) in &self.postings[item as usize] {
                let req = &self.compiled[o as usize].requirements[r as usize];
                adjust(&mut tallies[o as usize], req, person);
            }
        }
        tallies
    }

    /// The ranking numbers (score interval, unmet must-haves, knocked out) of every opening for a
    /// person, in pool order: the input of advice and of the jobhunter's match table.
    pub fn summaries(&self, taxonomy: &Taxonomy, person: &Person) -> Vec<Summary> {
        self.tallies(person)
            .iter()
            .zip(&self.compiled)
            .map(|(t, c)| Summary {
                score: t.interval(c.total_weight),
                unmet_musts: t.unmet_musts,
                knocked_out: person.practical.knocks_out(taxonomy, &c.practical),
            })
            .collect()
    }

    pub(crate) fn compiled(&self, o: usize) -> &CompiledOpening {
        &self.compiled[o]
    }

    pub(crate) fn postings(&self, item: u32) -> &[(u32, u16)] {
        &self.postings[item as usize]
    }
}

/// The ranking numbers of one opening for one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Score interval.
    pub score: crate::explain::Interval,
    /// Known unmet must-haves.
    pub unmet_musts: u32,
    /// Whether a knock-out applies.
    pub knocked_out: bool,
}

impl Summary {
    /// A fit: not knocked out, every must-have that is known is met, and the guaranteed score at
    /// least [`crate::advice::FIT_THRESHOLD`].
    pub fn fits(&self) -> bool {
        !self.knocked_out && self.unmet_musts == 0 && u32::from(self.score.low) >= crate::advice::FIT_THRESHOLD
    }
}

/// One way one person holds one item, flattened into the item's posting list so ranking people
/// never has to visit the person's own data.
#[derive(Clone, Copy, Debug)]
struct Posting {
    person: u32,
    level: u8,
    evidence: Evidence,
    strength: u32,
}

/// A pool of profiles indexed by item, ready to rank for any opening.
#[derive(Clone, Debug)]
pub struct PeoplePool {
    profiles: Vec<Profile>,
    persons: Vec<Person>,
    /// Per item: every holding of it, sorted by person.
    postings: Vec<Vec<Posting>>,
    /// Per item: the people who said "I don't know", sorted.
    unsure: Vec<Vec<u32>>,
    id_rank: Vec<u32>,
}

impl PeoplePool {
    /// Indexes profiles (validate them first).
    pub fn new(taxonomy: &Taxonomy, profiles: Vec<Profile>) -> PeoplePool {
        let persons: Vec<Person> = profiles.iter().map(|p| Person::new(taxonomy, p)).collect();
        let mut postings = vec![Vec::new(); taxonomy.items.len()];
        let mut unsure = vec![Vec::new(); taxonomy.items.len()];
        for (p, person) in persons.iter().enumerate() {
            for h in &person.holdings {
                let strength = match h.via {
                    Via::Related(_, strength) => strength,
                    Via::Direct | Via::WorkProcess(_) => FULL,
                };
                postings[h.item as usize].push(Posting {
                    person: p as u32,
                    level: h.level,
                    evidence: h.evidence,
                    strength,
                });
            }
            for &item in &person.unsure {
                unsure[item as usize].push(p as u32);
            }
        }
        let id_rank = id_ranks(profiles.iter().map(|p| p.id.as_str()));
        PeoplePool { profiles, persons, postings, unsure, id_rank }
    }

    /// The profiles, in pool order.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    /// Ranks every person for one opening (the employer's and jobhunter's view).
    pub fn rank(&self, taxonomy: &Taxonomy, opening: &Opening, options: RankOptions) -> Ranking {
        let compiled = CompiledOpening::new(taxonomy, opening);
        let (mut w, mut m) = ([0u32; 4], [0u32; 4]);
        for req in &compiled.requirements {
            w[req.kind.index()] += req.weight;
            m[req.kind.index()] += u32::from(req.must);
        }
        let mut tallies: Vec<Tally> = self.persons.iter().map(|p| default_tally(p, &w, &m)).collect();
        for req in &compiled.requirements {
            let list = &self.postings[req.item as usize];
            let mut i = 0;
            while i < list.len() {
                // The best route of this person: the maximum over their postings for the item.
                let person = list[i].person;
                let mut best = 0;
                while i < list.len() && list[i].person == person {
                    let p = &list[i];
                    best = best.max(credit(req, p.level, p.evidence, p.strength).0);
                    i += 1;
                }
                let default = self.persons[person as usize].default_outcome(req.kind);
                move_tally(&mut tallies[person as usize], req, &default, Some(best));
            }
            // "I don't know" keeps an item unknown, unless the person holds it some other way.
            for &person in &self.unsure[req.item as usize] {
                if list.binary_search_by_key(&person, |p| p.person).is_err() {
                    let default = self.persons[person as usize].default_outcome(req.kind);
                    move_tally(&mut tallies[person as usize], req, &default, None);
                }
            }
        }
        top_k(
            tallies.len(),
            options,
            |p| Key::new(&tallies[p], compiled.total_weight, self.id_rank[p], p),
            |p| self.persons[p].practical.knocks_out(taxonomy, &compiled.practical),
            |p| explain_person(taxonomy, &self.persons[p], &self.profiles[p], opening, &compiled),
        )
    }
}

/// Splits entries into ranked and knocked out, keeps the best `top` of each, and explains those.
fn top_k(
    len: usize,
    options: RankOptions,
    key: impl Fn(usize) -> Key,
    knocks_out: impl Fn(usize) -> bool,
    explain: impl Fn(usize) -> Explanation,
) -> Ranking {
    let (mut ranked, mut knocked) = (TopK::new(options.top), TopK::new(options.top));
    let (mut ranked_total, mut knocked_out_total) = (0, 0);
    for i in 0..len {
        if !options.include_knocked_out && knocks_out(i) {
            knocked_out_total += 1;
            knocked.offer(key(i));
        } else {
            ranked_total += 1;
            ranked.offer(key(i));
        }
    }
    let explain = |k: Key| Ranked { index: k.index as usize, explanation: explain(k.index as usize) };
    Ranking {
        matches: ranked.into_sorted().into_iter().map(explain).collect(),
        knocked_out: knocked.into_sorted().into_iter().map(explain).collect(),
        ranked_total,
        knocked_out_total,
    }
}
