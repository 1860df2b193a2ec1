//! What the pool page keeps on the device: the publication (server id and secret), open trainer
//! links and signed attestations, under `vaardig.pool` (format `vaardig.pool`, version 1). Like
//! `store.rs`, a missing, blocked or broken storage never stops the page: it says so instead.

use crate::app::state::Saved;
use crate::app::store;
use gloo_storage::{LocalStorage, Storage};
use matching_core::{Evidence, ItemRef, Parts, Profile};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Where the pool page keeps its data.
pub const KEY: &str = "vaardig.pool";
/// Where an unreadable `vaardig.pool` is copied before anything new is written.
pub const BACKUP_KEY: &str = "vaardig.pool.backup";
/// The format tag of what the pool page saves.
pub const FORMAT: &str = "vaardig.pool";
/// The version of what the pool page saves.
pub const VERSION: u32 = 1;

/// One part's flag inside [`Parts`].
pub type Flag = fn(&mut Parts) -> &mut bool;

/// The parts in the order the page shows them, with their text key and an accessor.
pub const PARTS: [(&str, Flag); 6] = [
    ("skills", |f| &mut f.skills),
    ("soft_skills", |f| &mut f.soft_skills),
    ("certificates", |f| &mut f.certificates),
    ("work_processes", |f| &mut f.work_processes),
    ("availability", |f| &mut f.availability),
    ("region", |f| &mut f.region),
];

/// The names of the chosen parts.
pub fn chosen(parts: &Parts) -> Vec<&'static str> {
    let mut copy = *parts;
    PARTS.iter().filter(|(_, get)| *get(&mut copy)).map(|(name, _)| *name).collect()
}

/// A published profile as the device knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// The server's id.
    pub id: String,
    /// The device secret: proves ownership for updates, answers and withdrawal.
    pub secret: String,
    /// The name employers see ("Kandidaat K7F3").
    #[serde(default)]
    pub pseudonym: String,
    /// Region id.
    pub region: String,
    /// Region name, for showing.
    #[serde(default)]
    pub region_name: String,
    /// Last day (`YYYY-MM-DD`).
    pub until: String,
    /// What is published.
    pub fields: Parts,
    /// Whether a jobhunter may confirm claims as a coach.
    #[serde(default)]
    pub coach_evidence: bool,
}

/// A one-time link for a workplace trainer, waiting for the trainer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainerLink {
    /// The trainer's part (in the link).
    pub token: String,
    /// The device's part: fetches the signed result.
    pub claim: String,
    /// The link to send.
    pub link: String,
    /// Work process ids on the link.
    pub work_processes: Vec<String>,
    /// When it stops working (Unix seconds).
    pub expires: i64,
}

/// One work process confirmed by a workplace trainer, with the credential the pool signed for this
/// publication (`vaardig_api::Attestation`); kept here and sent back with every update so the
/// server keeps `practice` evidence.
pub use vaardig_api::Attestation as Signed;

/// Everything under [`KEY`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolDoc {
    /// Always `vaardig.pool`.
    pub format: String,
    /// Version of this envelope.
    pub version: u32,
    /// The publication, while there is one.
    #[serde(default)]
    pub published: Option<Publication>,
    /// Trainer links still waiting.
    #[serde(default)]
    pub links: Vec<TrainerLink>,
    /// Signed attestations collected so far.
    #[serde(default)]
    pub attestations: Vec<Signed>,
}

impl Default for PoolDoc {
    fn default() -> PoolDoc {
        PoolDoc {
            format: FORMAT.into(),
            version: VERSION,
            published: None,
            links: Vec::new(),
            attestations: Vec::new(),
        }
    }
}

impl PoolDoc {
    /// True when there is nothing worth keeping.
    pub fn is_empty(&self) -> bool {
        self.published.is_none() && self.links.is_empty() && self.attestations.is_empty()
    }
}

/// What reading storage found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Storage works and was read.
    Ok,
    /// Storage is missing or blocked.
    Blocked,
    /// `vaardig.pool` could not be read as a whole; it was copied to [`BACKUP_KEY`] and every
    /// part that reads on its own was kept.
    Broken,
    /// As `Broken`, but the copy could not be written (storage full): `vaardig.pool` is left as it
    /// is and the page works in memory.
    BrokenUncopied,
}

/// Reads `vaardig.pool`.
pub fn load() -> (PoolDoc, Found) {
    if !store::available() {
        return (PoolDoc::default(), Found::Blocked);
    }
    let raw: Option<String> = LocalStorage::raw().get_item(KEY).ok().flatten();
    let Some(raw) = raw else { return (PoolDoc::default(), Found::Ok) };
    match serde_json::from_str::<PoolDoc>(&raw) {
        Ok(doc) if doc.format == FORMAT && doc.version == VERSION => (doc, Found::Ok),
        _ => {
            let found = if store::keep_backup(BACKUP_KEY, &raw) { Found::Broken } else { Found::BrokenUncopied };
            (salvage(&raw), found)
        }
    }
}

/// Every part of an unreadable `vaardig.pool` that reads on its own: above all the publication,
/// whose secret is the only way to take the profile back.
fn salvage(raw: &str) -> PoolDoc {
    let mut doc = PoolDoc::default();
    let Some(root) = js_sys::JSON::parse(raw).ok().filter(JsValue::is_object) else { return doc };
    doc.published = store::get(&root, "published").and_then(|v| store::read(&v));
    let list = |key: &str| {
        store::get(&root, key).filter(js_sys::Array::is_array).map(|v| js_sys::Array::from(&v)).unwrap_or_default()
    };
    doc.links = list("links").iter().filter_map(|v| store::read(&v)).collect();
    doc.attestations = list("attestations").iter().filter_map(|v| store::read(&v)).collect();
    doc
}

/// Saves `doc` (deleting the key when it is empty); false when storage is missing, blocked or full.
pub fn save(doc: &PoolDoc) -> bool {
    if !store::available() {
        return false;
    }
    if doc.is_empty() {
        LocalStorage::delete(KEY);
        return LocalStorage::raw().get_item(KEY).ok().flatten().is_none();
    }
    LocalStorage::set(KEY, doc).is_ok()
}

/// Whether a write works right now (before publishing: without storage the secret would be lost,
/// and with it the way to take the profile back).
pub fn writable() -> bool {
    const PROBE: &str = "vaardig.pool.probe";
    let ok = store::available() && LocalStorage::raw().set_item(PROBE, "1").is_ok();
    if ok {
        LocalStorage::delete(PROBE);
    }
    ok
}

/// The young person's profile from the app's storage, if there is one.
pub fn profile() -> (Option<Saved>, bool) {
    let loaded = store::load();
    (loaded.saved, loaded.storage_ok)
}

/// Marks the attested work processes as "shown at work" in the app's saved profile (at no higher
/// level than the trainer saw), in the same saved shape; returns the new profile when it was saved.
pub fn apply_attestations(signed: &[Signed]) -> Option<Profile> {
    let mut saved = store::load().saved?;
    apply_to(&mut saved.profile, signed);
    (store::save(&saved) == store::Saving::Done).then_some(saved.profile)
}

/// The pure part of [`apply_attestations`].
pub fn apply_to(profile: &mut Profile, signed: &[Signed]) {
    for claim in &mut profile.claims {
        let ItemRef::WorkProcess(id) = &claim.item else { continue };
        if let Some(level) = signed.iter().filter(|s| &s.work_process == id).map(|s| s.level).max() {
            if claim.evidence < Evidence::Practice {
                claim.evidence = Evidence::Practice;
            }
            claim.level = claim.level.min(level);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use matching_core::Claim;

    #[test]
    fn attestations_raise_evidence_and_cap_the_level() {
        let mut profile = Profile::new("p");
        let level = |n| matching_core::Level::try_from(n).unwrap();
        for (id, n) in [("wp.a", 3), ("wp.b", 2)] {
            profile.claims.push(Claim {
                item: ItemRef::WorkProcess(id.into()),
                level: level(n),
                evidence: Evidence::Self_,
            });
        }
        let signed = Signed {
            work_process: "wp.a".into(),
            level: level(2),
            name: "An".into(),
            company: "Demo".into(),
            date: matching_core::Date::parse("2026-11-28").expect("a date"),
            credential: "x".into(),
        };
        apply_to(&mut profile, &[signed]);
        assert_eq!(profile.claims[0].evidence, Evidence::Practice);
        assert_eq!(profile.claims[0].level, level(2));
        assert_eq!(profile.claims[1].evidence, Evidence::Self_);
    }

    #[test]
    fn the_stored_shape_round_trips_and_old_fields_default() {
        let doc: PoolDoc = serde_json::from_str(
            r#"{"format":"vaardig.pool","version":1,"published":{"id":"c-1","secret":"s","region":"midden-brabant","until":"2027-02-27","fields":{"skills":true}}}"#,
        )
        .unwrap();
        let p = doc.published.as_ref().unwrap();
        assert!(p.fields.skills && !p.fields.availability && !p.coach_evidence);
        assert_eq!(chosen(&p.fields), vec!["skills"]);
        let again: PoolDoc = serde_json::from_str(&serde_json::to_string(&doc).unwrap()).unwrap();
        assert_eq!(again, doc);
        assert!(!doc.is_empty() && PoolDoc::default().is_empty());
    }
}
