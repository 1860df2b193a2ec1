//! Explanations as data: one [`Line`] per requirement, whose contributions add up exactly to the
//! score. The CLI and the app only render these values (see [`crate::text`]).

use crate::model::{Evidence, Importance, ItemKind, ItemRef, Level};
use crate::opening::Opening;
use crate::practical::{KnockOut, OpenQuestion};
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// A score interval in per-mille: `low` counts unknowns as 0, `high` counts them as full credit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interval {
    /// Score with unknowns as 0, per-mille.
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub low: u16,
    /// Score with unknowns as full credit, per-mille.
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub high: u16,
}

impl Interval {
    /// Whether the score is known exactly.
    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// Rounded percentages, "62-80" or "75".
    pub fn percent(&self) -> String {
        let (low, high) = ((u32::from(self.low) + 5) / 10, (u32::from(self.high) + 5) / 10);
        if low == high {
            format!("{low}%")
        } else {
            format!("{low}-{high}%")
        }
    }
}

/// The route by which a requirement got its credit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "route")]
pub enum Route {
    /// The person claims the item itself.
    Direct,
    /// A work process the person has done shows the skill.
    WorkProcess {
        /// Work process id.
        work_process: String,
    },
    /// A certificate the person holds shows the skill.
    Certificate {
        /// Certificate id.
        certificate: String,
    },
    /// A related skill the person has partly transfers.
    Related {
        /// The skill the person has.
        skill: String,
        /// Relation strength, per-mille.
        strength: u16,
    },
    /// A hard skill the person did not list: counts as 0.
    NotListed,
    /// A certificate the person said they do not have.
    NotHeld,
    /// A work process the person has not done yet.
    NotDone,
    /// Not answered (or "I don't know"): the score becomes an interval.
    Unknown,
}

/// One requirement of the opening, scored. `contribution` adds up exactly to the total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Line {
    /// What the opening asks.
    pub item: ItemRef,
    /// Kind of item.
    pub kind: ItemKind,
    /// Must or nice.
    pub importance: Importance,
    /// Weight.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub weight: u16,
    /// Level needed.
    pub min_level: Level,
    /// Evidence needed for full credit, if any.
    pub min_evidence: Option<Evidence>,
    /// The level the person has by the chosen route.
    pub level: Option<Level>,
    /// The evidence of the chosen route.
    pub evidence: Option<Evidence>,
    /// How the credit was earned.
    pub route: Route,
    /// True when credit was capped because the evidence is below what is asked ("not shown yet").
    pub capped: bool,
    /// Credit per-mille; `None` when unknown.
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub credit: Option<u16>,
    /// This line's share of the total, per-mille.
    pub contribution: Interval,
}

/// Must-haves counted: "4 of 5 must-haves".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MustCount {
    /// Number of must-haves.
    pub total: u16,
    /// Met in full.
    pub met: u16,
    /// Known and not met in full.
    pub unmet: u16,
    /// Unknown.
    pub unknown: u16,
}

/// Sub-scores per kind; `None` where the opening asks nothing of that kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubScores {
    /// Hard skills.
    pub skills: Option<Interval>,
    /// Soft skills.
    pub soft_skills: Option<Interval>,
    /// Certificates.
    pub certificates: Option<Interval>,
    /// Work processes.
    pub work_processes: Option<Interval>,
}

impl SubScores {
    pub(crate) fn from_parts(parts: [Option<Interval>; 4]) -> SubScores {
        let [skills, soft_skills, certificates, work_processes] = parts;
        SubScores { skills, soft_skills, certificates, work_processes }
    }

    /// The sub-score of one kind.
    pub fn get(&self, kind: ItemKind) -> Option<Interval> {
        match kind {
            ItemKind::Skill => self.skills,
            ItemKind::SoftSkill => self.soft_skills,
            ItemKind::Certificate => self.certificates,
            ItemKind::WorkProcess => self.work_processes,
        }
    }
}

/// How an opening fits what the young person wants; never part of the employer-side score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishFit {
    /// In a wished sector; `None` without sector wishes.
    pub sector: Option<bool>,
    /// A wished route type; `None` without route wishes.
    pub route: Option<bool>,
    /// Wished hours within the opening's range; `None` without an hours wish.
    pub hours: Option<bool>,
}

impl WishFit {
    pub(crate) fn new(profile: &Profile, opening: &Opening) -> WishFit {
        let w = &profile.wishes;
        WishFit {
            sector: (!w.sectors.is_empty()).then(|| opening.sector.as_ref().is_some_and(|s| w.sectors.contains(s))),
            route: (!w.routes.is_empty()).then(|| w.routes.contains(&opening.route)),
            hours: w.hours_per_week.map(|h| (opening.hours.min..=opening.hours.max).contains(&h)),
        }
    }
}

/// Everything about one profile against one opening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explanation {
    /// Profile id.
    pub profile: String,
    /// Opening id.
    pub opening: String,
    /// Total score interval.
    pub score: Interval,
    /// Sub-scores per kind.
    pub sub_scores: SubScores,
    /// Must-haves counted.
    pub musts: MustCount,
    /// One line per requirement, in the opening's order.
    pub lines: Vec<Line>,
    /// Practical reasons it does not fit.
    pub knock_outs: Vec<KnockOut>,
    /// Practical facts that could not be checked.
    pub open_practical: Vec<OpenQuestion>,
    /// Fit with the person's wishes.
    pub wish_fit: WishFit,
}

/// Guaranteed score (per-mille) from which an opening counts as fitting: below half of what is
/// asked, an employer would not invite the person, whatever the must-haves say.
pub const FIT_THRESHOLD: u32 = 500;

/// The one meaning of "fits", used by the ranking's summaries, advice, the employer's reach, the
/// jobhunter's what-if and match table, and the JS package: not knocked out, no known unmet
/// must-have, and a guaranteed score of at least [`FIT_THRESHOLD`].
pub fn fits(knocked_out: bool, unmet_musts: u32, score: Interval) -> bool {
    !knocked_out && unmet_musts == 0 && u32::from(score.low) >= FIT_THRESHOLD
}

/// The first parts of the contract's order, before the score decides: an opening where the person
/// holds something hard it asks (a skill, certificate or work process with some known credit)
/// comes before one where they hold nothing hard — soft skills refine the order, they do not make
/// a job fit; then fewer must-haves not known to be met (unmet or unknown: a met must-have that is
/// known ranks above one nobody answered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relevance {
    /// Some hard requirement has known credit.
    pub holds_hard: bool,
    /// Must-haves not known to be met in full: unmet plus unknown.
    pub musts_open: u32,
}

impl Relevance {
    /// The relevance of a person who holds something hard (or not) with `musts_open` must-haves open.
    pub fn new(holds_hard: bool, musts_open: u32) -> Relevance {
        Relevance { holds_hard, musts_open }
    }
}

impl Ord for Relevance {
    /// Better first: holding something hard, then fewer open must-haves.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (!self.holds_hard, self.musts_open).cmp(&(!other.holds_hard, other.musts_open))
    }
}

impl PartialOrd for Relevance {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Explanation {
    /// Where this explanation stands in the contract's order before the score (see [`Relevance`]).
    pub fn relevance(&self) -> Relevance {
        let holds_hard = self.lines.iter().any(|l| l.kind.is_hard() && l.credit.is_some_and(|c| c > 0));
        Relevance::new(holds_hard, u32::from(self.musts.unmet) + u32::from(self.musts.unknown))
    }

    /// A match: not knocked out and no unmet must-have.
    pub fn is_match(&self) -> bool {
        self.knock_outs.is_empty() && self.musts.unmet == 0
    }

    /// Whether the opening fits (see [`fits`]).
    pub fn fits(&self) -> bool {
        fits(!self.knock_outs.is_empty(), u32::from(self.musts.unmet), self.score)
    }

    /// Number of requirements whose credit is unknown: "answer N more questions to know".
    pub fn unknown_count(&self) -> usize {
        self.lines.iter().filter(|l| l.credit.is_none()).count()
    }
}
