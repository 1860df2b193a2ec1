//! A young person's profile: claims with level and evidence, practical facts, wishes, and which
//! parts were answered (so unanswered stays unknown instead of becoming zero).

use crate::date::Date;
use crate::format::{FORMAT_VERSION, PROFILE_FORMAT};
use crate::model::{Evidence, ItemKind, ItemRef, Level, RouteType, Shift};
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

/// A young person's profile, as stored on the device and exported (format `vaardig.profile`, version 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Always `vaardig.profile`.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^vaardig\.profile$"))]
    pub format: String,
    /// Format version, 1.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1))]
    pub version: u32,
    /// Stable id or pseudonym; never a name.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S"))]
    pub id: String,
    /// What the person can do, with level and evidence.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Which parts were answered.
    #[serde(default)]
    pub answered: Answered,
    /// Hours, shifts, town, travel, start date.
    #[serde(default)]
    pub practical: Practical,
    /// What the person wants; never changes the employer-side score.
    #[serde(default)]
    pub wishes: Wishes,
    /// True for generated demo data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
}

/// One claim: "I can do this, at this level, and this is who says so".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What the claim is about.
    pub item: ItemRef,
    /// Level 1-4 (for a certificate: ignored, holding it is enough).
    pub level: Level,
    /// Who says so.
    #[serde(default)]
    pub evidence: Evidence,
}

/// Which parts of the self-assessment were answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Answered {
    /// The certificate checklist was gone through: a certificate not claimed is not held.
    #[serde(default)]
    pub certificates: bool,
    /// The work processes were gone through: a process not claimed is not done yet.
    #[serde(default)]
    pub work_processes: bool,
    /// Items answered with "I don't know": unknown whatever the rest says.
    #[serde(default)]
    pub unsure: Vec<ItemRef>,
}

/// The parts of a profile a person can choose to share: with a region's pool (the consent's
/// `fields`) or in a "show an employer" link. Nothing is shared unless chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// Hard skills.
    #[serde(default)]
    pub skills: bool,
    /// Soft skills.
    #[serde(default)]
    pub soft_skills: bool,
    /// Certificates.
    #[serde(default)]
    pub certificates: bool,
    /// Work processes.
    #[serde(default)]
    pub work_processes: bool,
    /// Hours, shifts, start date and how far the person can travel.
    #[serde(default)]
    pub availability: bool,
    /// Home town (needed to check travel).
    #[serde(default)]
    pub region: bool,
}

impl Parts {
    /// Every part.
    pub const ALL: Parts = Parts {
        skills: true,
        soft_skills: true,
        certificates: true,
        work_processes: true,
        availability: true,
        region: true,
    };

    /// Whether claims of this kind are shared.
    pub fn allows(&self, kind: ItemKind) -> bool {
        match kind {
            ItemKind::Skill => self.skills,
            ItemKind::SoftSkill => self.soft_skills,
            ItemKind::Certificate => self.certificates,
            ItemKind::WorkProcess => self.work_processes,
        }
    }

    /// True when nothing at all would be shared.
    pub fn is_empty(&self) -> bool {
        *self == Parts::default()
    }
}

/// Practical facts; `None` means not answered (unknown), never "no limit".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Practical {
    /// The most hours per week the person can work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hours_per_week: Option<u8>,
    /// Shifts the person can work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts: Option<Vec<Shift>>,
    /// Home town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_town: Option<String>,
    /// How far the person can travel, in km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_travel_km: Option<u16>,
    /// How the person travels (free text such as "fiets", "bus"), shown, not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    /// The first day the person can start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_from: Option<Date>,
}

/// What the person wants: the "fits what you want" signal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Wishes {
    /// Sector ids the person likes.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Route types the person likes.
    #[serde(default)]
    pub routes: Vec<RouteType>,
    /// Hours per week the person would like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<u8>,
}

impl Profile {
    /// An empty profile with an id.
    pub fn new(id: impl Into<String>) -> Profile {
        Profile {
            format: PROFILE_FORMAT.into(),
            version: FORMAT_VERSION,
            id: id.into(),
            claims: Vec::new(),
            answered: Answered::default(),
            practical: Practical::default(),
            wishes: Wishes::default(),
            synthetic: false,
        }
    }

    /// Adds a claim (builder style).
    pub fn with_claim(mut self, item: ItemRef, level: Level, evidence: Evidence) -> Profile {
        self.claims.push(Claim { item, level, evidence });
        self
    }

    /// Sets the claim on `claim.item` (level and evidence replace what was there, in its place);
    /// the item is no longer "I don't know", and claiming a certificate answers the certificate
    /// checklist. The app's "I can do this", the jobhunter's what-if and a coach's confirmation
    /// all add a claim this way.
    pub fn add_claim(&mut self, claim: Claim) {
        self.answered.unsure.retain(|i| i != &claim.item);
        if claim.item.kind() == ItemKind::Certificate {
            self.answered.certificates = true;
        }
        match self.claims.iter().position(|c| c.item == claim.item) {
            Some(at) => {
                // Any second claim on the same item goes: the item is held once, as given.
                let mut first = true;
                self.claims.retain(|c| c.item != claim.item || std::mem::take(&mut first));
                self.claims[at] = claim;
            }
            None => self.claims.push(claim),
        }
    }

    /// The profile with only the chosen parts, under `id`: what a pool stores after consent and
    /// what a "show an employer" link carries. Wishes and the free-text way of travelling are never
    /// shared; the "answered" flags and "I don't know" answers follow the chosen parts, so a part
    /// that was not shared stays unknown instead of reading as "has none"; the travel distance goes
    /// only with the home town it is measured from.
    pub fn only(&self, parts: &Parts, id: &str) -> Profile {
        let mut out = Profile::new(id);
        out.claims = self.claims.iter().filter(|c| parts.allows(c.item.kind())).cloned().collect();
        out.answered = Answered {
            certificates: parts.certificates && self.answered.certificates,
            work_processes: parts.work_processes && self.answered.work_processes,
            unsure: self.answered.unsure.iter().filter(|i| parts.allows(i.kind())).cloned().collect(),
        };
        let p = &self.practical;
        out.practical = Practical {
            max_hours_per_week: p.max_hours_per_week.filter(|_| parts.availability),
            shifts: p.shifts.clone().filter(|_| parts.availability),
            home_town: p.home_town.clone().filter(|_| parts.region),
            max_travel_km: p.max_travel_km.filter(|_| parts.availability && parts.region),
            transport: None,
            available_from: p.available_from.filter(|_| parts.availability),
        };
        out.synthetic = self.synthetic;
        out
    }

    /// Returns the first problem as (field path, message): unknown ids, unknown sectors.
    pub fn check(&self, taxonomy: &Taxonomy) -> Option<(String, String)> {
        if self.id.trim().is_empty() {
            return Some(("id".into(), "the profile id is empty".into()));
        }
        for (i, claim) in self.claims.iter().enumerate() {
            if !taxonomy.contains(&claim.item) {
                return Some((format!("claims[{i}].item"), unknown_item(&claim.item)));
            }
        }
        for (i, item) in self.answered.unsure.iter().enumerate() {
            if !taxonomy.contains(item) {
                return Some((format!("answered.unsure[{i}]"), unknown_item(item)));
            }
        }
        for (i, sector) in self.wishes.sectors.iter().enumerate() {
            if !taxonomy.data().sectors.iter().any(|s| &s.id == sector) {
                return Some((format!("wishes.sectors[{i}]"), format!("unknown sector {sector:?}")));
            }
        }
        None
    }

    /// How many soft-skill questions in the taxonomy are still open for this person.
    pub fn open_soft_skills(&self, taxonomy: &Taxonomy) -> usize {
        taxonomy
            .data()
            .soft_skills
            .iter()
            .filter(|s| !self.claims.iter().any(|c| c.item == ItemRef::SoftSkill(s.id.clone())))
            .count()
    }
}

pub(crate) fn unknown_item(item: &ItemRef) -> String {
    let kind = match item.kind() {
        ItemKind::Skill => "skill",
        ItemKind::SoftSkill => "soft skill",
        ItemKind::Certificate => "certificate",
        ItemKind::WorkProcess => "work process",
    };
    format!("unknown {kind} {:?}: not in the taxonomy", item.id())
}
