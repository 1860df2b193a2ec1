//! Ranking in both directions over inverted indices with top-k: openings for a person, people for
//! an opening. The order is the contract's total order: knock-outs out; then fewer unmet
//! must-haves; then higher low bound; then higher high bound; then id.

use crate::explain::Explanation;
use crate::explain::Interval;
use crate::model::Evidence;
use crate::model::ItemKind;
use crate::opening::Opening;
use crate::profile::Profile;
use crate::score::{
    credit, default_outcome, evaluate, explain_person, CompiledOpening, CompiledRequirement, Outcome, Person, Tally,
    Via, FULL, VARIANTS,
};
use crate::taxonomy::{ItemIdx, Taxonomy};
use ndarray::Array2;
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

/// The sort key packed into one integer; smaller is better. From the top bits down: unmet
/// must-haves (16 bits, saturating), 1000 − low (10 bits), 1000 − high (10 bits), and the
/// position of the id in sorted id order (28 bits). Id positions are unique, so keys are a total
/// order, and the same for the indexed path and the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key(u64);

/// Largest pool the key can order (2^28 entries).
const MAX_POOL: usize = 1 << 28;

impl Key {
    fn new(tally: &Tally, total_weight: u32, id_rank: u32) -> Key {
        let score = tally.interval(total_weight);
        let unmet = u64::from(tally.unmet_musts.min(0xffff));
        let low = u64::from(FULL as u16 - score.low);
        let high = u64::from(FULL as u16 - score.high);
        Key(unmet << 48 | low << 38 | high << 28 | u64::from(id_rank))
    }

    fn id_rank(self) -> usize {
        (self.0 & (MAX_POOL as u64 - 1)) as usize
    }

    /// The ranking numbers this key holds.
    fn summary(self, knocked_out: bool) -> Summary {
        let low = FULL as u16 - (self.0 >> 38 & 0x3ff) as u16;
        let high = FULL as u16 - (self.0 >> 28 & 0x3ff) as u16;
        Summary { score: Interval { low, high }, unmet_musts: (self.0 >> 48) as u32, knocked_out }
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

    #[inline]
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

/// The best entries of a ranking, split into ranked and knocked out, with the counts.
struct Best {
    ranked: TopK,
    knocked: TopK,
    ranked_total: usize,
    knocked_out_total: usize,
    include_knocked_out: bool,
}

impl Best {
    fn new(options: RankOptions) -> Best {
        Best {
            ranked: TopK::new(options.top),
            knocked: TopK::new(options.top),
            ranked_total: 0,
            knocked_out_total: 0,
            include_knocked_out: options.include_knocked_out,
        }
    }

    #[inline]
    fn offer(&mut self, key: Key, knocked_out: bool) {
        if knocked_out && !self.include_knocked_out {
            self.knocked_out_total += 1;
            self.knocked.offer(key);
        } else {
            self.ranked_total += 1;
            self.ranked.offer(key);
        }
    }

    /// Explains the kept entries, best first; `by_rank` maps id positions to pool positions.
    fn explain(self, by_rank: &[u32], explain: impl Fn(usize) -> Explanation) -> Ranking {
        let explain = |k: Key| {
            let index = by_rank[k.id_rank()] as usize;
            Ranked { index, explanation: explain(index) }
        };
        Ranking {
            matches: self.ranked.into_sorted().into_iter().map(explain).collect(),
            knocked_out: self.knocked.into_sorted().into_iter().map(explain).collect(),
            ranked_total: self.ranked_total,
            knocked_out_total: self.knocked_out_total,
        }
    }
}

/// Sorts ids: returns each entry's position in id order (ties by entry) and the entries in id order.
fn id_ranks<'a>(ids: impl Iterator<Item = &'a str>) -> (Vec<u32>, Vec<u32>) {
    let ids: Vec<&str> = ids.collect();
    debug_assert!(ids.len() < MAX_POOL, "a pool holds at most 2^28 entries");
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    crate::sort::sort_by(&mut order, |&a, &b| ids[a as usize].cmp(ids[b as usize]).then(a.cmp(&b)));
    let mut rank = vec![0; ids.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    (rank, order)
}

/// The default tally of a requirement set for a person of `variant` who says nothing about any item.
fn default_tally(variant: usize, weights: &[u32; 4], musts: &[u32; 4]) -> Tally {
    let mut t = Tally { low_num: 0, high_num: 0, unmet_musts: 0 };
    for kind in ItemKind::ALL {
        let outcome = default_outcome(variant, kind);
        let k = kind.index();
        t.low_num += u64::from(weights[k] * outcome.low());
        t.high_num += u64::from(weights[k] * outcome.high());
        t.unmet_musts += if outcome.unmet() { musts[k] } else { 0 };
    }
    t
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
///
/// Ranking visits the postings of the items a person touches, and for every other opening takes
/// a key computed when the pool was built (one per default variant): the work per person is the
/// postings plus one cheap pass over the pool.
#[derive(Clone, Debug)]
pub struct OpeningPool {
    openings: Vec<Opening>,
    compiled: Vec<CompiledOpening>,
    /// Per item: every requirement on it, with what scoring needs.
    postings: Vec<Vec<Need>>,
    /// Per opening: total weight and must-haves per kind.
    weights: Vec<[u32; 4]>,
    musts: Vec<[u32; 4]>,
    id_rank: Vec<u32>,
    /// Openings in id order: `by_rank[id_rank[o]] == o`.
    by_rank: Vec<u32>,
    /// Per default variant ([`Person::variant`]), per opening: the key for a person who says
    /// nothing about any of its items.
    default_keys: [Vec<Key>; VARIANTS],
}

/// One requirement in its item's posting list, carrying what scoring needs (8 bytes), so ranking
/// reads the list front to back and never jumps to the opening.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Need {
    pub opening: u32,
    weight: u16,
    min_level: u8,
    /// Bit 0: must; bits 1-3: minimum evidence (0 none, else 1 + its position in
    /// [`Evidence::ALL`]); bits 4-5: the item's kind.
    flags: u8,
}

impl Need {
    fn new(opening: usize, req: &CompiledRequirement) -> Need {
        let evidence = req.min_evidence.map_or(0, |e| 1 + Evidence::ALL.iter().position(|&x| x == e).unwrap_or(0));
        Need {
            opening: opening as u32,
            weight: req.weight.min(u32::from(u16::MAX)) as u16,
            min_level: req.min_level,
            flags: u8::from(req.must) | (evidence as u8) << 1 | (req.kind.index() as u8) << 4,
        }
    }

    /// The requirement again, for the scoring functions.
    fn requirement(self, item: ItemIdx) -> CompiledRequirement {
        let evidence = usize::from(self.flags >> 1 & 0b111);
        CompiledRequirement {
            item,
            kind: ItemKind::ALL[usize::from(self.flags >> 4 & 0b11)],
            must: self.flags & 1 != 0,
            min_level: self.min_level,
            weight: u32::from(self.weight),
            min_evidence: evidence.checked_sub(1).map(|i| Evidence::ALL[i]),
        }
    }

    /// Which of the 20 (level, evidence) demands this is: requirements with the same demand on
    /// the same item get the same credit from a person.
    fn demand(self) -> usize {
        usize::from(self.min_level.clamp(1, 4) - 1) * 5 + usize::from(self.flags >> 1 & 0b111)
    }
}

/// The openings whose items a person touches, with their tallies: `slot[o]` is 1 + the position
/// in `tallies`, or 0 for an opening the person says nothing about.
struct Touched {
    slot: Vec<u32>,
    tallies: Vec<Tally>,
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
            for req in &c.requirements {
                postings[req.item as usize].push(Need::new(o, req));
                w[req.kind.index()] += req.weight;
                m[req.kind.index()] += u32::from(req.must);
            }
            weights.push(w);
            musts.push(m);
        }
        for list in &mut postings {
            list.shrink_to_fit();
        }
        let (id_rank, by_rank) = id_ranks(openings.iter().map(|o| o.id.as_str()));
        let default_keys = std::array::from_fn(|variant| {
            (0..compiled.len())
                .map(|o| {
                    Key::new(&default_tally(variant, &weights[o], &musts[o]), compiled[o].total_weight, id_rank[o])
                })
                .collect()
        });
        OpeningPool { openings, compiled, postings, weights, musts, id_rank, by_rank, default_keys }
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
        self.best(taxonomy, &person, options).explain(&self.by_rank, |o| {
            explain_person(taxonomy, &person, profile, &self.openings[o], &self.compiled[o])
        })
    }

    /// The batch of the jobhunter's match table and of workload C: for every profile, the pool
    /// positions of its best `top` openings (not knocked out), best first, without explanations.
    pub fn best_for_each(&self, taxonomy: &Taxonomy, profiles: &[Profile], top: usize) -> Vec<Vec<usize>> {
        let options = RankOptions { top, include_knocked_out: false };
        profiles
            .iter()
            .map(|profile| {
                let best = self.best(taxonomy, &Person::new(taxonomy, profile), options);
                best.ranked.into_sorted().into_iter().map(|k| self.by_rank[k.id_rank()] as usize).collect()
            })
            .collect()
    }

    /// The jobhunter's match table: the guaranteed (low) score of every profile (rows) for every
    /// opening (columns), per mille, from the same keys the ranking uses.
    pub fn score_matrix(&self, taxonomy: &Taxonomy, profiles: &[Profile]) -> Array2<u16> {
        let mut scores = Array2::zeros((profiles.len(), self.len()));
        for (mut row, profile) in scores.rows_mut().into_iter().zip(profiles) {
            self.for_each_key(&Person::new(taxonomy, profile), |o, key| row[o] = key.summary(false).score.low);
        }
        scores
    }

    /// The best keys for a person.
    fn best(&self, taxonomy: &Taxonomy, person: &Person, options: RankOptions) -> Best {
        let filter = person.practical.filter(taxonomy);
        let mut best = Best::new(options);
        self.for_each_key(person, |o, key| best.offer(key, filter.knocks_out(&self.compiled[o].practical)));
        best
    }

    /// Calls `f` with every opening's key for a person, in pool order.
    fn for_each_key(&self, person: &Person, mut f: impl FnMut(usize, Key)) {
        let touched = self.touched(person);
        let defaults = &self.default_keys[person.variant()];
        for (o, (&slot, &default)) in touched.slot.iter().zip(defaults).enumerate() {
            let key = match slot {
                0 => default,
                s => Key::new(&touched.tallies[s as usize - 1], self.compiled[o].total_weight, self.id_rank[o]),
            };
            f(o, key);
        }
    }

    /// Tallies of the openings whose items the person touches, walking only those postings.
    fn touched(&self, person: &Person) -> Touched {
        let mut slot = vec![0u32; self.len()];
        let mut tallies = Vec::new();
        let variant = person.variant();
        for item in person.touched_items() {
            // The person's credit per demand on this item, worked out once.
            let mut credits: [Option<Option<u32>>; 20] = [None; 20];
            for need in &self.postings[item as usize] {
                let o = need.opening as usize;
                if slot[o] == 0 {
                    tallies.push(default_tally(variant, &self.weights[o], &self.musts[o]));
                    slot[o] = tallies.len() as u32;
                }
                let req = need.requirement(item);
                let actual = *credits[need.demand()].get_or_insert_with(|| evaluate(person, &req).credit);
                move_tally(&mut tallies[slot[o] as usize - 1], &req, &default_outcome(variant, req.kind), actual);
            }
        }
        Touched { slot, tallies }
    }

    /// The ranking numbers (score interval, unmet must-haves, knocked out) of every opening for a
    /// person, in pool order: the input of advice.
    pub fn summaries(&self, taxonomy: &Taxonomy, person: &Person) -> Vec<Summary> {
        let filter = person.practical.filter(taxonomy);
        let mut out = Vec::with_capacity(self.len());
        self.for_each_key(person, |o, key| out.push(key.summary(filter.knocks_out(&self.compiled[o].practical))));
        out
    }

    pub(crate) fn compiled(&self, o: usize) -> &CompiledOpening {
        &self.compiled[o]
    }

    pub(crate) fn postings(&self, item: u32) -> &[Need] {
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
    /// People in id order.
    by_rank: Vec<u32>,
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
        let (id_rank, by_rank) = id_ranks(profiles.iter().map(|p| p.id.as_str()));
        PeoplePool { profiles, persons, postings, unsure, id_rank, by_rank }
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
        let mut tallies: Vec<Tally> = self.persons.iter().map(|p| default_tally(p.variant(), &w, &m)).collect();
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
        let mut best = Best::new(options);
        for (p, tally) in tallies.iter().enumerate() {
            let key = Key::new(tally, compiled.total_weight, self.id_rank[p]);
            best.offer(key, self.persons[p].practical.knocks_out(taxonomy, &compiled.practical));
        }
        best.explain(&self.by_rank, |p| {
            explain_person(taxonomy, &self.persons[p], &self.profiles[p], opening, &compiled)
        })
    }
}
