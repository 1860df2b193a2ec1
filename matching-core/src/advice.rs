//! Next-step advice: which one action (a certificate, a work process, a skill a level up) turns the
//! most openings into a fit, per hour of effort; and how many openings wait on open questions.

use crate::explain::Interval;
use crate::explain::FIT_THRESHOLD;
use crate::model::{Evidence, Importance, ItemKind, ItemRef, Level};
use crate::opening::{Opening, DEFAULT_NICE_WEIGHT};
use crate::profile::{Claim, Profile};
use crate::rank::{OpeningPool, PeoplePool, RankOptions, Summary};
use crate::score::{evaluate, tally, Person, FULL};
use crate::taxonomy::Taxonomy;
use ndarray::{Array2, Axis};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Effort of doing and showing one work process at a workplace: about a week of practice.
pub const WORK_PROCESS_HOURS: u32 = 40;
/// Effort of raising a skill one level: about two days of practice with guidance.
pub const SKILL_STEP_HOURS: u32 = 16;
/// At most this many openings are named per step.
const NAMED_OPENINGS: usize = 5;

/// One thing a person can do next.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// Get a certificate.
    GetCertificate {
        /// Certificate id.
        certificate: String,
    },
    /// Do a work process at a workplace and have it attested.
    DoWorkProcess {
        /// Work process id.
        work_process: String,
    },
    /// Raise a skill or soft skill to a level.
    RaiseSkill {
        /// The item.
        item: ItemRef,
        /// The level to reach.
        to: Level,
    },
}

/// A ranked next step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    /// What to do.
    pub action: Action,
    /// Typical effort in hours.
    pub effort_hours: u32,
    /// How many more openings would fit.
    pub opens: u32,
    /// Ids of some of those openings.
    pub openings: Vec<String>,
}

/// Advice for one person over a pool.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Advice {
    /// Openings that fit now.
    pub fits_now: u32,
    /// Best steps first: most openings opened per hour of effort.
    pub steps: Vec<Step>,
    /// Openings that might fit, depending on answers not given yet.
    pub undecided: u32,
    /// Questions (soft skills, certificates, work processes) those openings wait on.
    pub open_questions: u32,
}

/// Computes next-step advice for a profile over a pool of openings; at most `max_steps` steps.
pub fn advise(taxonomy: &Taxonomy, profile: &Profile, pool: &OpeningPool, max_steps: usize) -> Advice {
    let person = Person::new(taxonomy, profile);
    let now = pool.summaries(taxonomy, &person);
    let fits_now = now.iter().filter(|s| s.fits()).count() as u32;

    // Candidate actions and open questions come from the openings that do not fit yet.
    let mut actions = BTreeSet::new();
    let mut questions = BTreeSet::new();
    let mut undecided = 0;
    for (o, summary) in now.iter().enumerate() {
        if summary.fits() || summary.knocked_out {
            continue;
        }
        let might_fit = summary.unmet_musts == 0 && u32::from(summary.score.high) >= FIT_THRESHOLD;
        for req in &pool.compiled(o).requirements {
            let outcome = evaluate(&person, req);
            match outcome.credit {
                None if might_fit => {
                    questions.insert(req.item);
                }
                None => {}
                Some(c) if c < FULL => {
                    if let Some(action) = action_for(taxonomy, req.item, req.kind, req.min_level) {
                        actions.insert(action);
                    }
                }
                Some(_) => {}
            }
        }
        undecided += u32::from(might_fit);
    }

    let actions: Vec<Action> = actions.into_iter().collect();
    let mut considered: Vec<usize> = Vec::new();
    let mut changed_by: Vec<Vec<(usize, Summary)>> = Vec::with_capacity(actions.len());
    for action in &actions {
        let changed = apply(taxonomy, profile, pool, &now, action);
        considered.extend(changed.iter().map(|(o, _)| *o));
        changed_by.push(changed);
    }
    crate::sort::sort(&mut considered);
    considered.dedup();
    // Rows: actions; columns: openings some action touches; 1 where the action makes it fit.
    let mut opens = Array2::<u32>::zeros((actions.len(), considered.len()));
    for (a, changed) in changed_by.iter().enumerate() {
        for (o, after) in changed {
            if after.fits() && !now[*o].fits() {
                let column = considered.binary_search(o).unwrap_or_default();
                opens[[a, column]] = 1;
            }
        }
    }
    let totals = opens.sum_axis(Axis(1));
    let mut steps: Vec<Step> = actions
        .into_iter()
        .enumerate()
        .filter(|(a, _)| totals[*a] > 0)
        .map(|(a, action)| {
            let openings = opens
                .row(a)
                .iter()
                .zip(&considered)
                .filter(|(&hit, _)| hit == 1)
                .take(NAMED_OPENINGS)
                .map(|(_, &o)| pool.openings()[o].id.clone())
                .collect();
            Step { effort_hours: effort_hours(taxonomy, profile, &action), action, opens: totals[a], openings }
        })
        .collect();
    // Most openings per hour first; compare opens_a/effort_a with opens_b/effort_b exactly.
    crate::sort::sort_by(&mut steps, |a, b| {
        (u64::from(b.opens) * u64::from(a.effort_hours))
            .cmp(&(u64::from(a.opens) * u64::from(b.effort_hours)))
            .then(b.opens.cmp(&a.opens))
            .then(a.effort_hours.cmp(&b.effort_hours))
            .then(a.action.cmp(&b.action))
    });
    steps.truncate(max_steps);
    Advice { fits_now, steps, undecided, open_questions: questions.len() as u32 }
}

fn action_for(taxonomy: &Taxonomy, item: u32, kind: ItemKind, min_level: u8) -> Option<Action> {
    let id = taxonomy.items[item as usize].id.clone();
    Some(match kind {
        ItemKind::Certificate => Action::GetCertificate { certificate: id },
        ItemKind::WorkProcess => Action::DoWorkProcess { work_process: id },
        ItemKind::Skill | ItemKind::SoftSkill => {
            Action::RaiseSkill { item: ItemRef::new(kind, id), to: Level::new(min_level)? }
        }
    })
}

/// The profile after taking the action: a certificate is formal evidence, an attested work
/// process is practice, a raised skill keeps the evidence the person already had for it.
fn with_action(profile: &Profile, action: &Action) -> Profile {
    let mut next = profile.clone();
    let claim = match action {
        Action::GetCertificate { certificate } => Claim {
            item: ItemRef::Certificate(certificate.clone()),
            level: Level::CAN_TEACH,
            evidence: Evidence::Formal,
        },
        Action::DoWorkProcess { work_process } => Claim {
            item: ItemRef::WorkProcess(work_process.clone()),
            level: Level::ON_MY_OWN,
            evidence: Evidence::Practice,
        },
        Action::RaiseSkill { item, to } => {
            let evidence =
                profile.claims.iter().filter(|c| &c.item == item).map(|c| c.evidence).max().unwrap_or_default();
            Claim { item: item.clone(), level: *to, evidence }
        }
    };
    next.claims.retain(|c| c.item != claim.item || c.level > claim.level);
    next.claims.push(claim);
    next
}

/// The items whose holdings an action can change: the item itself, what a work process implies,
/// and the skills related to a raised skill. Only openings asking for these can change.
fn affected_items(taxonomy: &Taxonomy, action: &Action) -> Vec<u32> {
    let item = match action {
        Action::GetCertificate { certificate } => ItemRef::Certificate(certificate.clone()),
        Action::DoWorkProcess { work_process } => ItemRef::WorkProcess(work_process.clone()),
        Action::RaiseSkill { item, .. } => item.clone(),
    };
    let Some(idx) = taxonomy.index_of(&item) else { return Vec::new() };
    let mut items = vec![idx];
    items.extend(taxonomy.implies[idx as usize].iter().map(|&(i, _)| i));
    items.extend(taxonomy.related[idx as usize].iter().map(|&(i, _)| i));
    items
}

/// Openings whose numbers change by the action, with their new summary.
fn apply(
    taxonomy: &Taxonomy,
    profile: &Profile,
    pool: &OpeningPool,
    now: &[Summary],
    action: &Action,
) -> Vec<(usize, Summary)> {
    let after = Person::new(taxonomy, &with_action(profile, action));
    let mut touched: Vec<usize> = Vec::new();
    for item in affected_items(taxonomy, action) {
        touched.extend(pool.postings(item).iter().map(|&o| o as usize));
    }
    crate::sort::sort(&mut touched);
    touched.dedup();
    touched
        .into_iter()
        .filter(|&o| !now[o].knocked_out)
        .filter_map(|o| {
            let compiled = pool.compiled(o);
            let t = tally(&after, &compiled);
            let summary = Summary { score: t.interval(compiled.total_weight), unmet_musts: t.unmet_musts, ..now[o] };
            (summary != now[o]).then_some((o, summary))
        })
        .collect()
}

fn effort_hours(taxonomy: &Taxonomy, profile: &Profile, action: &Action) -> u32 {
    match action {
        Action::GetCertificate { certificate } => taxonomy.certificate(certificate).map_or(8, |c| c.hours.max(1)),
        Action::DoWorkProcess { .. } => WORK_PROCESS_HOURS,
        Action::RaiseSkill { item, to } => {
            let had = profile.claims.iter().filter(|c| &c.item == item).map(|c| c.level.get()).max().unwrap_or(0);
            SKILL_STEP_HOURS * u32::from(to.get().saturating_sub(had).max(1))
        }
    }
}

/// Where one opening stands for a person, or one person for an opening: the rank among those that
/// fit (from 1; `None` when it does not fit), the score and the unmet must-haves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    /// Rank among the ones that fit, from 1; `None` when it does not fit.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub rank: Option<usize>,
    /// Score interval.
    pub score: Interval,
    /// Known unmet must-haves.
    pub musts_unmet: u16,
}

/// One opening whose place changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceChange {
    /// Position of the opening in its pool.
    pub index: usize,
    /// Before the claims were added.
    pub before: Place,
    /// After.
    pub after: Place,
}

/// What would change if a person had some claims too: the jobhunter's what-if.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// The profile with the claims added (see [`Profile::add_claim`]).
    pub profile: Profile,
    /// Openings that fit before.
    pub fits_before: usize,
    /// Openings that fit after.
    pub fits_after: usize,
    /// Every opening whose rank or score changes, in pool order.
    pub changes: Vec<PlaceChange>,
}

/// Every opening's place for `profile`, in pool order; ranks count the openings that fit
/// ([`crate::explain::fits`]), knocked-out ones included in the list but never fitting.
fn places(taxonomy: &Taxonomy, openings: &OpeningPool, profile: &Profile) -> Vec<Place> {
    let all = RankOptions { top: openings.len().max(1), include_knocked_out: true };
    let ranking = openings.rank(taxonomy, profile, all);
    let mut places = vec![Place { rank: None, score: Interval::default(), musts_unmet: 0 }; openings.len()];
    let mut rank = 0;
    for r in &ranking.matches {
        let fits = r.explanation.fits();
        rank += usize::from(fits);
        places[r.index] =
            Place { rank: fits.then_some(rank), score: r.explanation.score, musts_unmet: r.explanation.musts.unmet };
    }
    places
}

/// What would change for `profile` across `openings` if it had the claims in `add` too. Nothing is
/// kept: the answer holds the changed profile for a follow-up question.
pub fn what_if(taxonomy: &Taxonomy, openings: &OpeningPool, profile: &Profile, add: &[Claim]) -> WhatIf {
    let mut changed = profile.clone();
    for claim in add {
        changed.add_claim(claim.clone());
    }
    let (before, after) = (places(taxonomy, openings, profile), places(taxonomy, openings, &changed));
    let changes = before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (b, a))| b.rank != a.rank || b.score != a.score)
        .map(|(index, (b, a))| PlaceChange { index, before: *b, after: *a })
        .collect();
    let count = |places: &[Place]| places.iter().filter(|p| p.rank.is_some()).count();
    WhatIf { fits_before: count(&before), fits_after: count(&after), changes, profile: changed }
}

/// The person at `at` in `people` among all of them for `opening`, before and after their profile
/// becomes `changed`.
pub fn place_among(
    taxonomy: &Taxonomy,
    people: &PeoplePool,
    at: usize,
    changed: &Profile,
    opening: &Opening,
) -> (Place, Place) {
    let place = |people: &PeoplePool| {
        let all = RankOptions { top: people.profiles().len().max(1), include_knocked_out: false };
        let ranking = people.rank(taxonomy, opening, all);
        let found = ranking.matches.iter().filter(|r| r.explanation.fits()).position(|r| r.index == at);
        let e = crate::explain(taxonomy, &people.profiles()[at], opening);
        Place { rank: found.map(|p| p + 1), score: e.score, musts_unmet: e.musts.unmet }
    };
    let before = place(people);
    let mut profiles = people.profiles().to_vec();
    profiles[at] = changed.clone();
    (before, place(&PeoplePool::new(taxonomy, profiles)))
}

/// Hours a development job may ask at least; lowering below it is not suggested.
pub const MIN_SUGGESTED_HOURS: u8 = 8;

/// One change an employer could make to an opening (job carving).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Carving {
    /// Make a must-have a nice-to-have.
    MakeNice {
        /// The requirement.
        item: ItemRef,
    },
    /// Ask one level lower.
    LowerLevel {
        /// The requirement.
        item: ItemRef,
        /// The new minimum level.
        to: Level,
    },
    /// Ask fewer hours per week at least.
    FewerHours {
        /// The new minimum hours.
        min: u8,
    },
}

/// A carving with what it brings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CarvingGain {
    /// The change.
    pub change: Carving,
    /// People who would fit after it.
    pub fits: usize,
    /// How many more than now.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub gain: usize,
}

/// Job carving for one opening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Carvings {
    /// People who fit now.
    pub fits: usize,
    /// Changes that add people who fit, most first.
    pub changes: Vec<CarvingGain>,
}

/// Every single change job carving tries, with the changed opening: each must-have made a
/// nice-to-have, each level one lower (not on certificates, which have no level), and 4 or 8 hours
/// fewer at least (never below [`MIN_SUGGESTED_HOURS`]).
pub fn carvings(opening: &Opening) -> Vec<(Carving, Opening)> {
    let mut variants = Vec::new();
    for (i, r) in opening.requirements.iter().enumerate() {
        if r.importance == Importance::Must {
            let mut o = opening.clone();
            o.requirements[i].importance = Importance::Nice;
            o.requirements[i].weight = r.weight.map(|_| DEFAULT_NICE_WEIGHT);
            variants.push((Carving::MakeNice { item: r.item.clone() }, o));
        }
        if let Some(lower) =
            Level::new(r.level().get().saturating_sub(1)).filter(|_| r.item.kind() != ItemKind::Certificate)
        {
            let mut o = opening.clone();
            o.requirements[i].min_level = Some(lower);
            variants.push((Carving::LowerLevel { item: r.item.clone(), to: lower }, o));
        }
    }
    for fewer in [4, 8] {
        let min = opening.hours.min.saturating_sub(fewer);
        if min >= MIN_SUGGESTED_HOURS {
            let mut o = opening.clone();
            o.hours.min = min;
            variants.push((Carving::FewerHours { min }, o));
        }
    }
    variants
}

/// Job carving: which single change to the opening would add the most people who fit, each
/// counted with the ranking's own contract ([`PeoplePool::reach`]).
pub fn carve(taxonomy: &Taxonomy, people: &PeoplePool, opening: &Opening) -> Carvings {
    let fits = people.reach(taxonomy, opening).fits;
    let mut changes: Vec<CarvingGain> = carvings(opening)
        .into_iter()
        .map(|(change, o)| {
            let after = people.reach(taxonomy, &o).fits;
            CarvingGain { change, fits: after, gain: after.saturating_sub(fits) }
        })
        .filter(|c| c.gain > 0)
        .collect();
    changes.sort_by_key(|c| std::cmp::Reverse(c.gain));
    Carvings { fits, changes }
}
