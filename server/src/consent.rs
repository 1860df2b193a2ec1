//! What a young person agreed to publish, and the one function that cuts a profile down to it.
//! The server stores only the cut profile, so nothing outside the consent can reach any response.

use matching_core::{Answered, ItemKind, Practical, Profile, Wishes};
use serde::{Deserialize, Serialize};

/// The version of the consent text the app shows; stored with every consent record.
pub const CONSENT_TEXT_VERSION: &str = "2026-11-nl-1";

/// How long a consent lasts when the young person picks no date: three months.
pub const DEFAULT_CONSENT_DAYS: i64 = 91;

/// The longest a consent may last: one year, then the young person is asked again.
pub const MAX_CONSENT_DAYS: i64 = 366;

/// The parts of a profile a young person can choose to publish.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fields {
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

impl Fields {
    /// Whether claims of this kind are published.
    pub fn allows(&self, kind: ItemKind) -> bool {
        match kind {
            ItemKind::Skill => self.skills,
            ItemKind::SoftSkill => self.soft_skills,
            ItemKind::Certificate => self.certificates,
            ItemKind::WorkProcess => self.work_processes,
        }
    }

    /// True when nothing at all would be published.
    pub fn is_empty(&self) -> bool {
        *self == Fields::default()
    }
}

/// The profile as published: only the chosen parts, under the server's id. Wishes and the
/// free-text way of travelling are never published; "answered" flags follow the chosen parts, so a
/// part that was not shared stays unknown instead of reading as "has none".
pub fn cut(profile: &Profile, fields: &Fields, id: &str) -> Profile {
    let mut out = Profile::new(id);
    out.claims = profile.claims.iter().filter(|c| fields.allows(c.item.kind())).cloned().collect();
    out.answered = Answered {
        certificates: fields.certificates && profile.answered.certificates,
        work_processes: fields.work_processes && profile.answered.work_processes,
        unsure: profile.answered.unsure.iter().filter(|i| fields.allows(i.kind())).cloned().collect(),
    };
    let p = &profile.practical;
    out.practical = Practical {
        max_hours_per_week: p.max_hours_per_week.filter(|_| fields.availability),
        shifts: p.shifts.clone().filter(|_| fields.availability),
        home_town: p.home_town.clone().filter(|_| fields.region),
        max_travel_km: p.max_travel_km.filter(|_| fields.availability && fields.region),
        transport: None,
        available_from: p.available_from.filter(|_| fields.availability),
    };
    out.wishes = Wishes::default();
    out.synthetic = profile.synthetic;
    out
}
