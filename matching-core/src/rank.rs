//! Ranking in both directions over inverted indices with top-k: openings for a person, people for
//! an opening. The order is the contract's total order: knock-outs out; then holding something
//! hard that is asked before holding nothing hard; then fewer must-haves not known to be met; then
//! higher low bound; then higher high bound; then id (see [`Relevance`]).

use crate::explain::Explanation;
use crate::explain::Relevance;
use crate::model::Evidence;
use crate::model::ItemKind;
use crate::opening::{Opening, MAX_WEIGHT};
use crate::practical::OpeningPractical;
use crate::profile::Profile;
use crate::score::{
    credit, default_outcome, evaluate, explain_person, CompiledOpening, CompiledRequirement, Outcome, Person, Tally,
    Via, FULL,
};
use crate::taxonomy::Taxonomy;
use ndarray::Array2;
use serde::{Deserialize, Serialize};
use std::collections::BinaryHeap;

/// How many results to return, and whether a jobhunter overrides knock-outs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ranked {
    /// Position of the opening or profile in its pool.
    pub index: usize,
    /// Why it scores as it does.
    pub explanation: Explanation,
}

/// The result of a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// The sort key packed into one integer; smaller is better. From the top bits down: 1 when the
/// person holds nothing hard the opening asks (1 bit), must-haves not known to be met (15 bits,
/// saturating; see [`Relevance`]), 1000 − low (10 bits), 1000 − high (10 bits), and the position of
/// the id in sorted id order (28 bits). Id positions are unique, so keys are a total order, and
/// the same for the indexed path and the explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key(u64);

/// Largest pool the key can order (2^28 entries).
const MAX_POOL: usize = 1 << 28;

/// Largest count of open must-haves the key tells apart.
const MAX_OPEN: u32 = 0x7fff;

impl Key {
    fn new(tally: &Tally, total_weight: u32, id_rank: u32) -> Key {
        let score = tally.interval(total_weight);
        let low = u64::from(FULL as u16 - score.low);
        let high = u64::from(FULL as u16 - score.high);
        Key(Key::relevance_bits(tally.relevance()) | low << 38 | high << 28 | u64::from(id_rank))
    }

    /// The top 16 bits of a key with this relevance.
    fn relevance_bits(r: Relevance) -> u64 {
        u64::from(!r.holds_hard) << 63 | u64::from(r.musts_open.min(MAX_OPEN)) << 48
    }

    fn id_rank(self) -> usize {
        (self.0 & (MAX_POOL as u64 - 1)) as usize
    }

    /// The relevance this key holds (open must-haves saturated at [`MAX_OPEN`]).
    fn relevance(self) -> Relevance {
        Relevance::new(self.0 >> 63 == 0, (self.0 >> 48 & u64::from(MAX_OPEN)) as u32)
    }

    /// The guaranteed score this key holds.
    fn low(self) -> u16 {
        FULL as u16 - (self.0 >> 38 & 0x3ff) as u16
    }
}

/// Whether [`OpeningPool::best`] leaves an opening at its first must-haves once the top is full.
/// The result is the same either way (the property `the_best_few_equal_the_first_few_of_sorting_
/// everything` holds both); the exit pays at national scale (gate A −52 %) and costs the young
/// person's app, which ranks 2,400 openings, 238 bytes brotli it does not have (measured with
/// `cargo xtask dist`, web/BUDGET.md). So: natively and in the JS package, not in the web app.
const EARLY_EXIT: bool = cfg!(any(not(target_arch = "wasm32"), feature = "js"));

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

    /// The worst key kept, once `k` are kept.
    fn worst(&self) -> Option<Key> {
        if self.heap.len() < self.k {
            None
        } else {
            self.heap.peek().copied()
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

    /// The list an entry goes to, and its count.
    fn list(&mut self, knocked_out: bool) -> (&mut TopK, &mut usize) {
        if knocked_out && !self.include_knocked_out {
            (&mut self.knocked, &mut self.knocked_out_total)
        } else {
            (&mut self.ranked, &mut self.ranked_total)
        }
    }

    /// Counts an entry that cannot be among the best of its list.
    fn count(&mut self, knocked_out: bool) {
        *self.list(knocked_out).1 += 1;
    }

    /// When the list an entry goes to is full and all its entries hold something hard: the most
    /// must-haves not known to be met an entry may have and still enter.
    fn open_limit(&self, knocked_out: bool) -> Option<u64> {
        let list = if knocked_out && !self.include_knocked_out { &self.knocked } else { &self.ranked };
        let worst = list.worst()?.relevance();
        // A saturated count would tie with larger ones in the key: no limit then.
        (worst.holds_hard && worst.musts_open < MAX_OPEN).then_some(u64::from(worst.musts_open))
    }

    /// Counts an entry and keeps its key if it can be among the best of its list. A tally that is
    /// surely worse than every kept key (a worse relevance, or the same and a lower low bound,
    /// tested without dividing: `div_round(n, w) < L` ⇔ `2n + w < 2wL`) never gets a key: forming
    /// one costs two divisions.
    #[inline]
    fn consider(&mut self, t: &Tally, total_weight: u32, id_rank: u32, knocked_out: bool) {
        let (list, total) = self.list(knocked_out);
        *total += 1;
        if let Some(worst) = list.worst() {
            let (mine, theirs) = (Key::relevance_bits(t.relevance()), worst.0 & !((1 << 48) - 1));
            let w = u64::from(total_weight.max(1));
            if mine > theirs || (mine == theirs && 2 * t.low_num + w < 2 * w * u64::from(worst.low())) {
                return;
            }
        }
        list.offer(Key::new(t, total_weight, id_rank));
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
    let mut t = Tally::default();
    for kind in ItemKind::ALL {
        let outcome = default_outcome(variant, kind);
        let k = kind.index();
        t.low_num += u64::from(weights[k] * outcome.low());
        t.high_num += u64::from(weights[k] * outcome.high());
        t.unmet_musts += if outcome.unmet() { musts[k] } else { 0 };
        t.unknown_musts += if outcome.credit.is_none() { musts[k] } else { 0 };
        // Saying nothing about an item never holds it: no default gives known credit.
        debug_assert!(!outcome.held());
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
        t.unknown_musts = t.unknown_musts + u32::from(actual.is_none()) - u32::from(default.credit.is_none());
    }
    if req.kind.is_hard() {
        // No default holds anything (see `default_tally`): a move can only add a holding.
        t.hard_held |= actual.is_some_and(|c| c > 0);
    }
}

/// A pool of openings, ready to rank for any person.
///
/// Ranking streams once through every requirement of the pool, front to back, with the person's
/// credits in a small table (one entry per item and demand, filled before the pass): no jumps
/// around memory and no branches per requirement, like a sparse matrix-vector product. Keys are
/// only formed (two divisions) for openings that can still enter the top.
#[derive(Clone, Debug)]
pub struct OpeningPool {
    openings: Vec<Opening>,
    /// Every requirement, opening after opening (`needs[starts[o]..starts[o + 1]]`).
    needs: Vec<Need>,
    starts: Vec<u32>,
    /// The must-haves again, on their own (`musts[must_starts[o]..must_starts[o + 1]]`): once
    /// the kept entries all hold something hard with at most k open must-haves, an opening is
    /// read must-haves first and left at its (k + 1)-th open one.
    musts: Vec<Need>,
    must_starts: Vec<u32>,
    practical: Vec<OpeningPractical>,
    total_weight: Vec<u32>,
    /// Per item: the openings asking it (for advice).
    postings: Vec<Vec<u32>>,
    /// Per item: its kind.
    kinds: Vec<ItemKind>,
    /// The (item, demand) pairs some requirement makes, numbered densely: a person's credit
    /// table has one entry per pair, small enough to stay in the fastest cache.
    slots: Vec<(u32, u8)>,
    /// Per item: its slots as (demand, slot).
    item_slots: Vec<Vec<(u8, u32)>>,
    id_rank: Vec<u32>,
    /// Openings in id order: `by_rank[id_rank[o]] == o`.
    by_rank: Vec<u32>,
}

/// One requirement with what scoring needs, in 4 bytes: bit 0 must, bits 1-7 weight (at most
/// [`MAX_WEIGHT`]), bits 8-31 the slot of its credit (see `OpeningPool::slots`).
#[derive(Clone, Copy, Debug)]
struct Need(u32);

impl Need {
    fn new(req: &CompiledRequirement, slot: u32) -> Need {
        // `CompiledOpening` caps weights at MAX_WEIGHT, so they fit in seven bits.
        debug_assert!(req.weight <= u32::from(MAX_WEIGHT));
        Need(slot << 8 | req.weight << 1 | u32::from(req.must))
    }

    #[inline]
    fn slot(self) -> usize {
        (self.0 >> 8) as usize
    }

    #[inline]
    fn weight(self) -> u32 {
        self.0 >> 1 & 0x7f
    }

    #[inline]
    fn must(self) -> bool {
        self.0 & 1 != 0
    }
}

/// Bit of a demand that marks a must-have: a must-have and a nice-to-have with the same item and
/// level get slots of their own, so the pass counts must-haves without looking at the need.
const MUST_DEMAND: u8 = 0x80;

/// The demand of a requirement: minimum level (4) × minimum evidence (none or one of 4), and
/// whether it is a must-have ([`MUST_DEMAND`]).
fn demand(req: &CompiledRequirement) -> u8 {
    let evidence = req.min_evidence.map_or(0, |e| 1 + Evidence::ALL.iter().position(|&x| x == e).unwrap_or(0));
    ((req.min_level.clamp(1, 4) - 1) * 5 + evidence as u8) | if req.must { MUST_DEMAND } else { 0 }
}

/// The requirement of `item` with `demand`, weight left to the caller.
fn demanding(item: u32, kind: ItemKind, demand: u8) -> CompiledRequirement {
    let (must, demand) = (demand & MUST_DEMAND != 0, demand & !MUST_DEMAND);
    CompiledRequirement {
        item,
        kind,
        must,
        min_level: demand / 5 + 1,
        weight: 1,
        min_evidence: usize::from(demand % 5).checked_sub(1).map(|i| Evidence::ALL[i]),
    }
}

/// A person's outcome for every slot, packed for the pass: low credit (bits 0-9), 1 at bit 15 when
/// the item is hard and held, high credit (bits 16-31), and for a must-have's slot 1 at bit 32 when
/// it is known unmet and 1 at bit 48 when it is unknown (see [`Tally`]; the pass only learns
/// whether some requirement is hard and held, not how many).
fn credit_table(pool: &OpeningPool, person: &Person) -> Vec<u64> {
    let pack = |outcome: &Outcome, kind: ItemKind, must: bool| {
        u64::from(outcome.low())
            | u64::from(kind.is_hard() && outcome.held()) << 15
            | u64::from(outcome.high()) << 16
            | u64::from(must && outcome.unmet()) << 32
            | u64::from(must && outcome.credit.is_none()) << 48
    };
    let variant = person.variant();
    let by_kind = [false, true].map(|must| ItemKind::ALL.map(|k| pack(&default_outcome(variant, k), k, must)));
    let mut table: Vec<u64> = pool
        .slots
        .iter()
        .map(|&(item, demand)| by_kind[usize::from(demand & MUST_DEMAND != 0)][pool.kinds[item as usize].index()])
        .collect();
    // A power-of-two length lets the pass index with a mask instead of a bounds check.
    table.resize(table.len().next_power_of_two(), 0);
    for item in person.touched_items() {
        for &(demand, slot) in &pool.item_slots[item as usize] {
            let kind = pool.kinds[item as usize];
            let req = demanding(item, kind, demand);
            table[slot as usize] = pack(&evaluate(person, &req), kind, req.must);
        }
    }
    table
}

impl OpeningPool {
    /// Indexes openings (validate them first: requirements on unknown items are left out).
    pub fn new(taxonomy: &Taxonomy, openings: Vec<Opening>) -> OpeningPool {
        let kinds: Vec<ItemKind> = taxonomy.items.iter().map(|i| i.kind).collect();
        let mut postings = vec![Vec::new(); kinds.len()];
        let mut slot_of = std::collections::BTreeMap::new();
        let mut slots = Vec::new();
        let mut item_slots = vec![Vec::new(); kinds.len()];
        let mut needs = Vec::new();
        let mut starts = Vec::with_capacity(openings.len() + 1);
        let (mut musts, mut must_starts) = (Vec::new(), Vec::with_capacity(openings.len() + 1));
        must_starts.push(0);
        let mut practical = Vec::with_capacity(openings.len());
        let mut total_weight = Vec::with_capacity(openings.len());
        starts.push(0);
        for (o, opening) in openings.iter().enumerate() {
            let compiled = CompiledOpening::new(taxonomy, opening);
            for req in &compiled.requirements {
                let key = (req.item, demand(req));
                let slot = *slot_of.entry(key).or_insert_with(|| {
                    slots.push(key);
                    item_slots[req.item as usize].push((key.1, slots.len() as u32 - 1));
                    slots.len() as u32 - 1
                });
                postings[req.item as usize].push(o as u32);
                needs.push(Need::new(req, slot));
                if req.must {
                    musts.push(Need::new(req, slot));
                }
            }
            starts.push(needs.len() as u32);
            must_starts.push(musts.len() as u32);
            practical.push(compiled.practical);
            total_weight.push(compiled.total_weight);
        }
        needs.shrink_to_fit();
        musts.shrink_to_fit();
        for list in &mut postings {
            list.shrink_to_fit();
        }
        let (id_rank, by_rank) = id_ranks(openings.iter().map(|o| o.id.as_str()));
        OpeningPool {
            openings,
            needs,
            starts,
            musts,
            must_starts,
            practical,
            total_weight,
            postings,
            kinds,
            slots,
            item_slots,
            id_rank,
            by_rank,
        }
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
            explain_person(taxonomy, &person, profile, &self.openings[o], &self.compiled(o))
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
    /// opening (columns), per mille, from the same pass the ranking uses.
    pub fn score_matrix(&self, taxonomy: &Taxonomy, profiles: &[Profile]) -> Array2<u16> {
        let mut scores = Array2::zeros((profiles.len(), self.len()));
        for (mut row, profile) in scores.rows_mut().into_iter().zip(profiles) {
            let table = credit_table(self, &Person::new(taxonomy, profile));
            for (o, score) in row.iter_mut().enumerate() {
                *score = self.tally(&table, o).interval(self.total_weight[o]).low;
            }
        }
        scores
    }

    /// The ranking numbers (score interval, unmet must-haves, knocked out) of every opening for a
    /// person, in pool order: the input of advice.
    pub fn summaries(&self, taxonomy: &Taxonomy, person: &Person) -> Vec<Summary> {
        let filter = person.practical.filter(taxonomy);
        let table = credit_table(self, person);
        (0..self.len())
            .map(|o| {
                let t = self.tally(&table, o);
                Summary {
                    score: t.interval(self.total_weight[o]),
                    unmet_musts: t.unmet_musts,
                    knocked_out: filter.knocks_out(&self.practical[o]),
                }
            })
            .collect()
    }

    /// The best keys for a person: one pass, keys formed only where they can still count. Once a
    /// list is full of entries that hold something hard with at most k open must-haves, an
    /// opening whose must-haves already show k + 1 open ones cannot enter it: it is counted and
    /// left there, before its other requirements are read.
    fn best(&self, taxonomy: &Taxonomy, person: &Person, options: RankOptions) -> Best {
        let filter = person.practical.filter(taxonomy);
        let table = credit_table(self, person);
        let mask = table.len() - 1;
        let mut best = Best::new(options);
        for o in 0..self.len() {
            let knocked_out = filter.knocks_out(&self.practical[o]);
            if let Some(limit) = best.open_limit(knocked_out).filter(|_| EARLY_EXIT) {
                let musts = &self.musts[self.must_starts[o] as usize..self.must_starts[o + 1] as usize];
                let mut open = 0;
                let too_many = musts.iter().any(|need| {
                    let entry = table[need.slot() & mask];
                    open += (entry >> 32 & 1) + (entry >> 48 & 1);
                    open > limit
                });
                if too_many {
                    best.count(knocked_out);
                    continue;
                }
            }
            best.consider(&self.tally(&table, o), self.total_weight[o], self.id_rank[o], knocked_out);
        }
        best
    }

    /// Opening `o`'s tally from a credit table: a weighted sum with no branches.
    #[inline]
    fn tally(&self, table: &[u64], o: usize) -> Tally {
        let (mut low, mut high, mut musts, mut any) = (0u64, 0u64, 0u64, 0u64);
        let mask = table.len() - 1;
        for &need in &self.needs[self.starts[o] as usize..self.starts[o + 1] as usize] {
            let entry = table[need.slot() & mask];
            let w = u64::from(need.weight());
            low += w * (entry & 0x3ff);
            high += w * (entry >> 16 & 0xffff);
            // A must-have's slot holds "unmet" at bit 32 and "unknown" at bit 48: one add counts
            // both (16 bits each: a valid opening asks each item once, and the taxonomy has fewer
            // than 65,536 items). "Hard and held" (bit 15) only needs to be seen once.
            musts += entry >> 32;
            any |= entry;
        }
        Tally {
            low_num: low,
            high_num: high,
            unmet_musts: (musts & 0xffff) as u32,
            unknown_musts: (musts >> 16 & 0xffff) as u32,
            hard_held: any >> 15 & 1 != 0,
        }
    }

    /// Opening `o` resolved against the taxonomy, from the pool's own lists.
    pub(crate) fn compiled(&self, o: usize) -> CompiledOpening {
        CompiledOpening {
            requirements: self.needs[self.starts[o] as usize..self.starts[o + 1] as usize]
                .iter()
                .map(|need| {
                    let (item, demand) = self.slots[need.slot()];
                    CompiledRequirement {
                        must: need.must(),
                        weight: need.weight(),
                        ..demanding(item, self.kinds[item as usize], demand)
                    }
                })
                .collect(),
            practical: self.practical[o].clone(),
            total_weight: self.total_weight[o],
        }
    }

    /// The openings asking for an item.
    pub(crate) fn postings(&self, item: u32) -> &[u32] {
        &self.postings[item as usize]
    }
}

/// The ranking numbers of one opening for one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// Score interval.
    pub score: crate::explain::Interval,
    /// Known unmet must-haves.
    pub unmet_musts: u32,
    /// Whether a knock-out applies.
    pub knocked_out: bool,
}

impl Summary {
    /// Whether the opening fits (see [`crate::explain::fits`]).
    pub fn fits(&self) -> bool {
        crate::explain::fits(self.knocked_out, self.unmet_musts, self.score)
    }
}

/// How many people of a pool an opening would reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reach {
    /// Fit ([`crate::explain::fits`]): no knock-out, every known must-have met, and the guaranteed
    /// score at least the fit threshold.
    pub fits: usize,
    /// Not knocked out, but not a fit yet.
    pub near: usize,
    /// Knocked out by hours, travel, shifts or start date.
    pub knocked_out: usize,
    /// Everyone in the pool.
    pub total: usize,
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
                    Via::Direct | Via::WorkProcess(_) | Via::Certificate(_) => FULL,
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

    /// How many of the people an opening would reach, counted with the ranking's own explanations.
    pub fn reach(&self, taxonomy: &Taxonomy, opening: &Opening) -> Reach {
        let all = RankOptions { top: self.profiles.len().max(1), include_knocked_out: false };
        let ranking = self.rank(taxonomy, opening, all);
        let fits = ranking.matches.iter().filter(|r| r.explanation.fits()).count();
        Reach {
            fits,
            near: ranking.ranked_total - fits,
            knocked_out: ranking.knocked_out_total,
            total: self.profiles.len(),
        }
    }

    /// Ranks every person for one opening (the employer's and jobhunter's view).
    pub fn rank(&self, taxonomy: &Taxonomy, opening: &Opening, options: RankOptions) -> Ranking {
        let compiled = CompiledOpening::new(taxonomy, opening);
        let (mut w, mut m) = ([0u32; 4], [0u32; 4]);
        for req in &compiled.requirements {
            w[req.kind.index()] += req.weight;
            m[req.kind.index()] += u32::from(req.must);
        }
        let defaults: [Tally; 4] = std::array::from_fn(|variant| default_tally(variant, &w, &m));
        let mut tallies: Vec<Tally> = self.persons.iter().map(|p| defaults[p.variant()]).collect();
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
        let metres = compiled.practical.metres_to_towns(taxonomy);
        let mut best = Best::new(options);
        for (p, t) in tallies.iter().enumerate() {
            let knocked_out = self.persons[p].practical.knocks_out_near(&compiled.practical, &metres);
            best.consider(t, compiled.total_weight, self.id_rank[p], knocked_out);
        }
        best.explain(&self.by_rank, |p| {
            explain_person(taxonomy, &self.persons[p], &self.profiles[p], opening, &compiled)
        })
    }
}
