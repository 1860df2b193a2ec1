//! The young person's side (the pool page, no account: a device secret) and the workplace
//! trainer's link.

use matching_core::{Date, ItemRef, Level, Parts, Profile, Text};
use serde::{Deserialize, Serialize};

/// The version of the consent text the pool page shows; the server refuses a consent given to any
/// other. Change it whenever the pool page's texts `intro.*`, `parts.*`, `until.*` or `coach.*`
/// change in meaning.
pub const CONSENT_TEXT_VERSION: &str = "2026-11-nl-1";

/// One region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    /// Id, such as `midden-brabant`.
    pub id: String,
    /// Name to show.
    pub name: String,
}

/// What the young person agreed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentIn {
    /// Which parts to publish.
    pub fields: Parts,
    /// The region's id (see `/api/regions`).
    pub region: String,
    /// Last day (`YYYY-MM-DD`); default three months from today, at most a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The version of the consent text the person saw ([`CONSENT_TEXT_VERSION`]).
    pub text_version: String,
    /// Whether a jobhunter may confirm claims as a coach.
    #[serde(default)]
    pub coach_evidence: bool,
}

/// One work process confirmed by a workplace trainer: what the device shows, and the credential
/// that proves it (an Open Badges 3.0 credential as a compact JWS, `vc+jwt`). The plain fields must
/// say what the credential says, or the server does not take it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// The work process id.
    pub work_process: String,
    /// The level the trainer saw.
    pub level: Level,
    /// The trainer's name.
    pub name: String,
    /// The learning company.
    pub company: String,
    /// The day it was confirmed.
    pub date: Date,
    /// The credential.
    pub credential: String,
}

/// A publish or update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(examples(json!({
        "profile": {"format": "vaardig.profile", "version": 1, "id": "device-1", "claims": [{"item": {"skill": "log.heftruck_rijden"}, "level": 3, "evidence": "self"}, {"item": {"soft_skill": "soft.op_tijd"}, "level": 3}], "practical": {"max_hours_per_week": 32, "shifts": ["day"], "home_town": "Goirle", "max_travel_km": 20}},
        "consent": {"fields": {"skills": true, "soft_skills": true, "availability": true, "region": true}, "region": "midden-brabant", "text_version": "2026-11-nl-1", "coach_evidence": true}}))))]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The profile as the device holds it; the server keeps only the consented parts.
    pub profile: Profile,
    /// The consent.
    pub consent: ConsentIn,
    /// Workplace credentials this server issued for this publication; a `practice` claim on a work
    /// process needs one.
    #[serde(default)]
    pub attestations: Vec<Attestation>,
}

/// The answer to a publish or update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Published {
    /// The server's id.
    pub id: String,
    /// What employers see instead of a name.
    pub pseudonym: String,
    /// Shown once, on the first publish: the device keeps it to update or withdraw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Last day of the consent.
    pub until: String,
    /// Claims whose evidence the server could not check (`practice` without a valid credential
    /// for this publication, `coach` or `formal` from the device), stored as `self`.
    #[serde(default)]
    pub downgraded: Vec<ItemRef>,
}

/// A contact request as the young person sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestView {
    /// Id.
    pub id: String,
    /// The employer's company (may be empty).
    pub company: String,
    /// The opening it is about.
    #[serde(default)]
    pub opening_title: Option<String>,
    /// The employer's message.
    pub message: String,
    /// `open`, `accepted` or `declined`.
    pub status: String,
    /// When it was sent (Unix seconds).
    pub created: i64,
}

/// The young person's answer to a contact request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Yes or no.
    pub accept: bool,
    /// The details given with a yes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<crate::Contact>,
}

/// One line of "who looked".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewLine {
    /// Company, or `Jobhunter <region>`.
    pub who: String,
    /// `listed`, `viewed`, `contact_requested`, `shortlisted`, `coach_evidence`,
    /// `attestation_link` or `note`.
    pub action: String,
    /// The opening, if any.
    #[serde(default)]
    pub opening_title: Option<String>,
    /// Unix seconds; for `listed`, the last time.
    pub at: i64,
    /// How often (`listed` counts every showing in the same list).
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub times: i64,
    /// For `note`: what a jobhunter wrote about the young person on a shortlist, as it is now.
    #[serde(default)]
    pub note: Option<String>,
}

/// What a trainer link asks a trainer to confirm, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(examples(json!({"candidate": "c-3kq9x2mw7p", "work_processes": ["wp.assistent_logistiek.b1_k1_w1"], "company": "Magazijn Tilburg"}))))]
#[serde(deny_unknown_fields)]
pub struct CreateIn {
    /// The publication (on `POST /api/attestations`, with its secret); a jobhunter names it in the path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<String>,
    /// Work process ids.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub work_processes: Vec<String>,
    /// The learning company where the young person did the work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub company: Option<String>,
}

/// A new trainer link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    /// The trainer's part: goes in the link.
    pub token: String,
    /// The link to send the trainer.
    pub link: String,
    /// The device's part: fetches the credentials (absent on a jobhunter's link, whose result
    /// goes onto the published profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// When it stops working (Unix seconds).
    pub expires: i64,
}

/// One work process on a trainer link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcessView {
    /// Id.
    pub id: String,
    /// The dossier's code, only for an official process (`WorkProcess::shown_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Title.
    pub title: Text,
    /// Its qualification.
    pub qualification: Text,
}

/// What the trainer sees: the work processes to confirm, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkView {
    /// What the trainer is asked about.
    pub work_processes: Vec<ProcessView>,
    /// The learning company the link names, if it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Already confirmed.
    pub done: bool,
}

/// One work process the trainer confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Confirmed {
    /// Work process id.
    pub work_process: String,
    /// The level seen.
    pub level: Level,
}

/// The trainer's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConfirmIn {
    /// The trainer's name.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 200))]
    pub name: String,
    /// The trainer's company; must be the one the link names, when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 200))]
    pub company: Option<String>,
    /// What they saw.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub confirmed: Vec<Confirmed>,
}

/// The trainer's answer so far, for the device that asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultView {
    /// The trainer has confirmed.
    pub done: bool,
    /// The credentials (empty until done).
    #[serde(default)]
    pub attestations: Vec<Attestation>,
}
