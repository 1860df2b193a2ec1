//! An opening: a vacancy, development job, placement, BBL place or praktijkverklaring route, with
//! its practical facts and its requirements.

use crate::date::Date;
use crate::format::{FORMAT_VERSION, OPENINGS_FORMAT};
use crate::model::{Evidence, Importance, ItemKind, ItemRef, Level, RouteType, Shift};
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

/// Weight of a must-have when the opening gives none: three nice-to-haves weigh as much (DESIGN.md).
pub const DEFAULT_MUST_WEIGHT: u16 = 3;
/// Weight of a nice-to-have when the opening gives none.
pub const DEFAULT_NICE_WEIGHT: u16 = 1;
/// Minimum level when the opening gives none: "on my own, simple work" is what entry work asks.
pub const DEFAULT_MIN_LEVEL: Level = Level::ON_MY_OWN_SIMPLE;
/// Highest weight accepted, so that sums stay far from overflow and one line cannot drown the rest.
pub const MAX_WEIGHT: u16 = 100;

/// A file of openings (format `vaardig.openings`, version 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpeningSet {
    /// Always `vaardig.openings`.
    pub format: String,
    /// Format version, 1.
    pub version: u32,
    /// True when every opening is generated demo data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// The openings.
    pub openings: Vec<Opening>,
}

impl OpeningSet {
    /// Wraps openings in the current format.
    pub fn new(openings: Vec<Opening>, synthetic: bool) -> OpeningSet {
        OpeningSet { format: OPENINGS_FORMAT.into(), version: FORMAT_VERSION, synthetic, openings }
    }
}

/// A vacancy or learning place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// Stable id, unique in its set.
    pub id: String,
    /// Title as the employer writes it.
    pub title: String,
    /// Employer name (for synthetic data, a made-up one).
    #[serde(default)]
    pub employer: String,
    /// Kind of route.
    pub route: RouteType,
    /// Sector id, for wishes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Hours per week.
    pub hours: Hours,
    /// Town where the work is.
    pub place: String,
    /// Shifts the work needs.
    #[serde(default)]
    pub shifts: Vec<Shift>,
    /// First working day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// What the work asks.
    pub requirements: Vec<Requirement>,
    /// True for generated demo data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

/// Hours per week, from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// Fewest hours per week the work needs.
    #[cfg_attr(feature = "openapi", schema(maximum = 80))]
    pub min: u8,
    /// Most hours per week on offer.
    #[cfg_attr(feature = "openapi", schema(maximum = 80))]
    pub max: u8,
}

/// One thing an opening asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// What is asked.
    pub item: ItemRef,
    /// Must or nice.
    pub importance: Importance,
    /// Minimum level; default 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<Level>,
    /// Weight; default 3 for must, 1 for nice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub weight: Option<u16>,
    /// Evidence needed for full credit; below it credit is capped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_evidence: Option<Evidence>,
}

impl Requirement {
    /// A requirement with the defaults for its importance.
    pub fn new(item: ItemRef, importance: Importance) -> Requirement {
        Requirement { item, importance, min_level: None, weight: None, min_evidence: None }
    }

    /// The minimum level, with the default filled in.
    pub fn level(&self) -> Level {
        self.min_level.unwrap_or(DEFAULT_MIN_LEVEL)
    }

    /// The weight, with the default filled in.
    pub fn weight(&self) -> u16 {
        self.weight.unwrap_or(match self.importance {
            Importance::Must => DEFAULT_MUST_WEIGHT,
            Importance::Nice => DEFAULT_NICE_WEIGHT,
        })
    }
}

impl Opening {
    /// Returns the first problem as (field path, message).
    pub fn check(&self, taxonomy: &Taxonomy) -> Option<(String, String)> {
        if self.id.trim().is_empty() {
            return Some(("id".into(), "the opening id is empty".into()));
        }
        if self.hours.min > self.hours.max || self.hours.max > 80 {
            return Some(("hours".into(), "hours must satisfy min ≤ max ≤ 80".into()));
        }
        if self.requirements.is_empty() {
            return Some(("requirements".into(), "an opening needs at least one requirement".into()));
        }
        if let Some(sector) = &self.sector {
            if !taxonomy.data().sectors.iter().any(|s| &s.id == sector) {
                return Some(("sector".into(), format!("unknown sector {sector:?}")));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, req) in self.requirements.iter().enumerate() {
            if !taxonomy.contains(&req.item) {
                return Some((format!("requirements[{i}].item"), crate::profile::unknown_item(&req.item)));
            }
            if !seen.insert(&req.item) {
                return Some((format!("requirements[{i}].item"), "this item is asked twice".into()));
            }
            if !(1..=MAX_WEIGHT).contains(&req.weight()) {
                return Some((format!("requirements[{i}].weight"), format!("weight must be 1-{MAX_WEIGHT}")));
            }
        }
        None
    }
}

/// The range of a per-search weight, in percent of the opening's own weights: a slider can make a
/// kind ten times lighter or five times heavier, never remove it (the must-have count stays true).
pub const WEIGHT_PERCENT: std::ops::RangeInclusive<u16> = 10..=500;

/// Per-kind weights for one search, in percent of each opening's own weights (the jobhunter's
/// sliders); 100 leaves a kind as the opening asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KindWeights {
    /// Hard skills.
    #[serde(default = "hundred")]
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 500))]
    pub skill: u16,
    /// Soft skills.
    #[serde(default = "hundred")]
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 500))]
    pub soft_skill: u16,
    /// Certificates.
    #[serde(default = "hundred")]
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 500))]
    pub certificate: u16,
    /// Work processes.
    #[serde(default = "hundred")]
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 500))]
    pub work_process: u16,
}

fn hundred() -> u16 {
    100
}

impl Default for KindWeights {
    fn default() -> Self {
        KindWeights { skill: 100, soft_skill: 100, certificate: 100, work_process: 100 }
    }
}

impl KindWeights {
    /// Whether every weight lies in [`WEIGHT_PERCENT`].
    pub fn is_valid(&self) -> bool {
        [self.skill, self.soft_skill, self.certificate, self.work_process].iter().all(|w| WEIGHT_PERCENT.contains(w))
    }

    /// The opening with each requirement's weight scaled by its kind's percentage (rounded, kept
    /// within 1..=[`MAX_WEIGHT`]); must-haves stay must-haves.
    pub fn apply(&self, opening: &Opening) -> Opening {
        let mut out = opening.clone();
        for r in &mut out.requirements {
            let percent = match r.item.kind() {
                ItemKind::Skill => self.skill,
                ItemKind::SoftSkill => self.soft_skill,
                ItemKind::Certificate => self.certificate,
                ItemKind::WorkProcess => self.work_process,
            };
            let scaled = (u32::from(r.weight()) * u32::from(percent) + 50) / 100;
            r.weight = Some(scaled.clamp(1, u32::from(MAX_WEIGHT)) as u16);
        }
        out
    }
}
