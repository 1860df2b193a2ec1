//! The scoring contract (DESIGN.md, "The scoring contract"): credit per requirement by the best
//! route, unknown as an interval, exact per-mille sums. Everything here is integer arithmetic, so
//! the browser and the server compute the same bits.

use crate::explain::{Explanation, Interval, Line, MustCount, Relevance, Route, SubScores, WishFit};
use crate::model::{Evidence, Importance, ItemKind, Level};
use crate::opening::Opening;
use crate::practical::{OpeningPractical, PracticalView};
use crate::profile::Profile;
use crate::taxonomy::{ItemIdx, Permille, Taxonomy};

/// Full credit: 1000 per-mille.
pub const FULL: u32 = 1000;
/// Credit cap when the evidence is below what the requirement asks: half, "not shown yet".
pub const EVIDENCE_CAP: u32 = 500;

/// How a person holds an item, in order of preference when credits tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Via {
    Direct,
    WorkProcess(ItemIdx),
    Certificate(ItemIdx),
    Related(ItemIdx, Permille),
}

/// One way a person holds an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Holding {
    pub item: ItemIdx,
    pub via: Via,
    pub level: u8,
    pub evidence: Evidence,
}

/// A profile resolved against the taxonomy: every way it holds every item, sorted by item.
#[derive(Clone, Debug)]
pub struct Person {
    pub(crate) holdings: Vec<Holding>,
    pub(crate) unsure: Vec<ItemIdx>,
    pub(crate) certificates_answered: bool,
    pub(crate) work_processes_answered: bool,
    pub(crate) practical: PracticalView,
}

impl Person {
    /// Resolves a profile: direct claims, skills implied by claimed work processes, related skills.
    /// Claims on items the taxonomy does not know are left out (validate profiles first).
    pub fn new(taxonomy: &Taxonomy, profile: &Profile) -> Person {
        let mut holdings = Vec::new();
        for claim in &profile.claims {
            let Some(item) = taxonomy.index_of(&claim.item) else { continue };
            let (level, evidence) = (claim.level.get(), claim.evidence);
            holdings.push(Holding { item, via: Via::Direct, level, evidence });
            let certificate = taxonomy.items[item as usize].kind == ItemKind::Certificate;
            for &(implied, implied_level) in &taxonomy.implies[item as usize] {
                // Doing a process with help shows its skills with help: the claim's level caps them.
                // A certificate has no level: holding it shows its skills at the taxonomy's level.
                let (level, via) = if certificate {
                    (implied_level, Via::Certificate(item))
                } else {
                    (implied_level.min(level), Via::WorkProcess(item))
                };
                holdings.push(Holding { item: implied, via, level, evidence });
            }
            for &(other, strength) in &taxonomy.related[item as usize] {
                holdings.push(Holding { item: other, via: Via::Related(item, strength), level, evidence });
            }
        }
        crate::sort::sort(&mut holdings);
        holdings.dedup();
        let mut unsure: Vec<ItemIdx> = profile.answered.unsure.iter().filter_map(|i| taxonomy.index_of(i)).collect();
        crate::sort::sort(&mut unsure);
        unsure.dedup();
        Person {
            holdings,
            unsure,
            certificates_answered: profile.answered.certificates,
            work_processes_answered: profile.answered.work_processes,
            practical: PracticalView::new(taxonomy, profile),
        }
    }

    pub(crate) fn holdings_of(&self, item: ItemIdx) -> &[Holding] {
        let start = self.holdings.partition_point(|h| h.item < item);
        let end = start + self.holdings[start..].partition_point(|h| h.item == item);
        &self.holdings[start..end]
    }

    /// The items where this person differs from the default of the item's kind, each once.
    pub(crate) fn touched_items(&self) -> impl Iterator<Item = ItemIdx> + '_ {
        let mut items: Vec<ItemIdx> = self.holdings.iter().map(|h| h.item).chain(self.unsure.iter().copied()).collect();
        crate::sort::sort(&mut items);
        items.dedup();
        items.into_iter()
    }

    /// What a requirement of `kind` gets when the person says nothing about the item.
    pub(crate) fn default_outcome(&self, kind: ItemKind) -> Outcome {
        default_outcome(self.variant(), kind)
    }

    /// Which of the four defaults applies: bit 0, certificates answered; bit 1, work
    /// processes answered. Everything a person says nothing about depends only on this.
    pub(crate) fn variant(&self) -> usize {
        usize::from(self.certificates_answered) | usize::from(self.work_processes_answered) << 1
    }
}

/// What a requirement of `kind` gets from a person of `variant` who says nothing about the item.
pub(crate) fn default_outcome(variant: usize, kind: ItemKind) -> Outcome {
    let missing = match kind {
        ItemKind::Skill => Missing::NotListed,
        ItemKind::SoftSkill => Missing::Unknown,
        ItemKind::Certificate if variant & 1 != 0 => Missing::NotHeld,
        ItemKind::WorkProcess if variant & 2 != 0 => Missing::NotDone,
        ItemKind::Certificate | ItemKind::WorkProcess => Missing::Unknown,
    };
    Outcome::missing(missing)
}

/// A requirement resolved against the taxonomy.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CompiledRequirement {
    pub item: ItemIdx,
    pub kind: ItemKind,
    pub must: bool,
    pub min_level: u8,
    pub weight: u32,
    pub min_evidence: Option<Evidence>,
}

/// An opening resolved against the taxonomy.
#[derive(Clone, Debug)]
pub(crate) struct CompiledOpening {
    pub requirements: Vec<CompiledRequirement>,
    pub practical: OpeningPractical,
    pub total_weight: u32,
}

impl CompiledOpening {
    pub fn new(taxonomy: &Taxonomy, opening: &Opening) -> CompiledOpening {
        let requirements: Vec<CompiledRequirement> = opening
            .requirements
            .iter()
            .filter_map(|req| {
                let item = taxonomy.index_of(&req.item)?;
                let kind = req.item.kind();
                Some(CompiledRequirement {
                    item,
                    kind,
                    must: req.importance == Importance::Must,
                    // Holding a certificate is all there is to it: no levels.
                    min_level: if kind == ItemKind::Certificate { 1 } else { req.level().get() },
                    // Validation rejects larger weights; the pool packs at most this many.
                    weight: u32::from(req.weight().min(crate::opening::MAX_WEIGHT)),
                    min_evidence: req.min_evidence,
                })
            })
            .collect();
        let total_weight = requirements.iter().map(|r| r.weight).sum();
        CompiledOpening { requirements, practical: OpeningPractical::new(taxonomy, opening), total_weight }
    }
}

/// Why a requirement got no route at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Missing {
    NotListed,
    NotHeld,
    NotDone,
    Unknown,
}

/// The credit one requirement gets and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Per-mille credit; `None` when unknown.
    pub credit: Option<u32>,
    /// The holding that gave the credit, or why there is none.
    pub via: Result<Via, Missing>,
    pub level: Option<u8>,
    pub evidence: Option<Evidence>,
    pub capped: bool,
}

impl Outcome {
    fn missing(missing: Missing) -> Outcome {
        let credit = (missing != Missing::Unknown).then_some(0);
        Outcome { credit, via: Err(missing), level: None, evidence: None, capped: false }
    }

    pub fn low(&self) -> u32 {
        self.credit.unwrap_or(0)
    }
    pub fn high(&self) -> u32 {
        self.credit.unwrap_or(FULL)
    }
    pub fn unmet(&self) -> bool {
        matches!(self.credit, Some(c) if c < FULL)
    }
    /// Known to give some credit: the person holds something of what is asked.
    pub fn held(&self) -> bool {
        matches!(self.credit, Some(c) if c > 0)
    }
}

/// Credit of one holding against a requirement: direct `min(1, L / min_level)`, related skills
/// times the strength, capped at half below the required evidence.
fn holding_credit(req: &CompiledRequirement, h: &Holding) -> (u32, bool) {
    let strength = match h.via {
        Via::Related(_, strength) => strength,
        Via::Direct | Via::WorkProcess(_) | Via::Certificate(_) => FULL,
    };
    credit(req, h.level, h.evidence, strength)
}

/// The credit of holding a requirement's item at `level` with `evidence` through a route of
/// `strength` (per-mille; full for direct and work-process routes), and whether it was capped.
pub(crate) fn credit(req: &CompiledRequirement, level: u8, evidence: Evidence, strength: Permille) -> (u32, bool) {
    let direct = (u32::from(level) * FULL / u32::from(req.min_level)).min(FULL);
    let base = if strength < FULL { direct * strength / FULL } else { direct };
    let capped = req.min_evidence.is_some_and(|needed| evidence < needed);
    if capped {
        (base.min(EVIDENCE_CAP), true)
    } else {
        (base, false)
    }
}

/// The best route for a requirement; ties go to the earlier route (direct, then work process, then related).
pub(crate) fn evaluate(person: &Person, req: &CompiledRequirement) -> Outcome {
    let holdings = person.holdings_of(req.item);
    if holdings.is_empty() {
        // "I don't know" keeps an item unknown; anything the person does hold wins over it.
        if person.unsure.binary_search(&req.item).is_ok() {
            return Outcome::missing(Missing::Unknown);
        }
        return person.default_outcome(req.kind);
    }
    let mut best: Option<Outcome> = None;
    for h in holdings {
        let (credit, capped) = holding_credit(req, h);
        if best.is_none_or(|b| credit > b.low()) {
            best = Some(Outcome {
                credit: Some(credit),
                via: Ok(h.via),
                level: Some(h.level),
                evidence: Some(h.evidence),
                capped,
            });
        }
    }
    best.unwrap_or_else(|| person.default_outcome(req.kind))
}

/// Rounds `num / den` to the nearest integer, halves up.
pub(crate) fn div_round(num: u64, den: u64) -> u64 {
    (2 * num + den) / (2 * den)
}

/// The numbers ranking needs, without the explanation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub low_num: u64,
    pub high_num: u64,
    /// Must-haves known not met in full.
    pub unmet_musts: u32,
    /// Must-haves whose credit is unknown.
    pub unknown_musts: u32,
    /// Some hard requirement (see [`ItemKind::is_hard`]) has known credit.
    pub hard_held: bool,
}

impl Tally {
    pub fn add(&mut self, req: &CompiledRequirement, outcome: &Outcome) {
        self.low_num += u64::from(req.weight * outcome.low());
        self.high_num += u64::from(req.weight * outcome.high());
        self.unmet_musts += u32::from(req.must && outcome.unmet());
        self.unknown_musts += u32::from(req.must && outcome.credit.is_none());
        self.hard_held |= req.kind.is_hard() && outcome.held();
    }

    /// Where the tally stands in the contract's order, before the score decides.
    pub fn relevance(&self) -> Relevance {
        Relevance::new(self.hard_held, self.unmet_musts + self.unknown_musts)
    }

    pub fn interval(&self, total_weight: u32) -> Interval {
        let w = u64::from(total_weight.max(1));
        Interval { low: div_round(self.low_num, w) as u16, high: div_round(self.high_num, w) as u16 }
    }
}

pub(crate) fn tally(person: &Person, opening: &CompiledOpening) -> Tally {
    let mut t = Tally::default();
    for req in &opening.requirements {
        t.add(req, &evaluate(person, req));
    }
    t
}

/// Splits `total` into integer parts proportional to `nums` (each `num / den`) that add up to
/// exactly `total`: floors first, then one more to the largest remainders (ties: earlier line).
pub(crate) fn apportion(nums: &[u64], den: u64, total: u64) -> Vec<u16> {
    let mut parts: Vec<u64> = nums.iter().map(|n| n / den).collect();
    let assigned: u64 = parts.iter().sum();
    // Largest remainder first, then the earlier line: packed into one integer key per line.
    let mut order: Vec<u64> = nums.iter().enumerate().map(|(i, n)| (den - n % den) << 32 | i as u64).collect();
    crate::sort::sort(&mut order);
    for &key in order.iter().take(total.saturating_sub(assigned) as usize) {
        parts[(key & 0xffff_ffff) as usize] += 1;
    }
    parts.into_iter().map(|p| p as u16).collect()
}

/// Scores one profile against one opening: the full explanation, whose lines are the score.
pub fn explain(taxonomy: &Taxonomy, profile: &Profile, opening: &Opening) -> Explanation {
    let person = Person::new(taxonomy, profile);
    explain_person(taxonomy, &person, profile, opening, &CompiledOpening::new(taxonomy, opening))
}

pub(crate) fn explain_person(
    taxonomy: &Taxonomy,
    person: &Person,
    profile: &Profile,
    opening: &Opening,
    compiled: &CompiledOpening,
) -> Explanation {
    let outcomes: Vec<Outcome> = compiled.requirements.iter().map(|r| evaluate(person, r)).collect();
    let mut tally = Tally::default();
    let mut musts = MustCount::default();
    for (req, outcome) in compiled.requirements.iter().zip(&outcomes) {
        tally.add(req, outcome);
        if req.must {
            musts.total += 1;
            match outcome.credit {
                Some(FULL) => musts.met += 1,
                Some(_) => musts.unmet += 1,
                None => musts.unknown += 1,
            }
        }
    }
    let score = tally.interval(compiled.total_weight);
    let den = u64::from(compiled.total_weight.max(1));
    let lows: Vec<u64> =
        compiled.requirements.iter().zip(&outcomes).map(|(r, o)| u64::from(r.weight * o.low())).collect();
    let highs: Vec<u64> =
        compiled.requirements.iter().zip(&outcomes).map(|(r, o)| u64::from(r.weight * o.high())).collect();
    let low_parts = apportion(&lows, den, u64::from(score.low));
    let high_parts = apportion(&highs, den, u64::from(score.high));
    let lines = compiled
        .requirements
        .iter()
        .zip(&outcomes)
        .enumerate()
        .map(|(i, (req, outcome))| Line {
            item: taxonomy.item_ref(req.item),
            kind: req.kind,
            importance: if req.must { Importance::Must } else { Importance::Nice },
            weight: req.weight as u16,
            min_level: Level::new(req.min_level).unwrap_or(Level::WITH_HELP),
            min_evidence: req.min_evidence,
            level: outcome.level.and_then(Level::new),
            evidence: outcome.evidence,
            route: public_route(taxonomy, outcome),
            capped: outcome.capped,
            credit: outcome.credit.map(|c| c as u16),
            contribution: Interval { low: low_parts[i], high: high_parts[i] },
        })
        .collect();
    let sub_scores = SubScores::from_parts(ItemKind::ALL.map(|kind| {
        let mut t = Tally::default();
        let mut w = 0;
        for (req, outcome) in compiled.requirements.iter().zip(&outcomes).filter(|(r, _)| r.kind == kind) {
            t.add(req, outcome);
            w += req.weight;
        }
        (w > 0).then(|| t.interval(w))
    }));
    let (knock_outs, open_practical) = person.practical.check(taxonomy, &compiled.practical);
    Explanation {
        profile: profile.id.clone(),
        opening: opening.id.clone(),
        score,
        sub_scores,
        musts,
        lines,
        knock_outs,
        open_practical,
        wish_fit: WishFit::new(profile, opening),
    }
}

fn public_route(taxonomy: &Taxonomy, outcome: &Outcome) -> Route {
    match outcome.via {
        Err(Missing::NotListed) => Route::NotListed,
        Err(Missing::NotHeld) => Route::NotHeld,
        Err(Missing::NotDone) => Route::NotDone,
        Err(Missing::Unknown) => Route::Unknown,
        Ok(Via::Direct) => Route::Direct,
        Ok(Via::WorkProcess(wp)) => Route::WorkProcess { work_process: taxonomy.items[wp as usize].id.clone() },
        Ok(Via::Certificate(c)) => Route::Certificate { certificate: taxonomy.items[c as usize].id.clone() },
        Ok(Via::Related(skill, strength)) => {
            Route::Related { skill: taxonomy.items[skill as usize].id.clone(), strength: strength as u16 }
        }
    }
}
