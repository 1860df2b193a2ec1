//! The region pool as employers and jobhunters use it: openings, candidate cards, rankings,
//! contact requests, what-if, shortlists and the match table.

use crate::page::{Limit, Offset};
use matching_core::advice::Place;
use matching_core::{Claim, Date, Explanation, Hours, KindWeights, Opening, Parts, Requirement, RouteType, Shift};
use serde::{Deserialize, Serialize};

/// An opening as an employer writes it; the server gives the id and fills in the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(examples(json!({"title": "Heftruckchauffeur", "route": "ontwikkelbaan", "sector": "log", "hours": {"min": 24, "max": 32}, "place": "Tilburg", "shifts": ["day"], "requirements": [{"item": {"skill": "log.heftruck_rijden"}, "importance": "must"}, {"item": {"soft_skill": "soft.op_tijd"}, "importance": "must", "min_level": 3}, {"item": {"certificate": "cert.vca_basis"}, "importance": "nice", "min_evidence": "formal"}]}))))]
#[serde(deny_unknown_fields)]
pub struct OpeningIn {
    /// Title.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 200))]
    pub title: String,
    /// Kind of route.
    pub route: RouteType,
    /// Sector id.
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
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 60))]
    pub requirements: Vec<Requirement>,
}

impl From<&Opening> for OpeningIn {
    /// What an employer sends to save an opening as it is: every field they can write.
    fn from(o: &Opening) -> OpeningIn {
        OpeningIn {
            title: o.title.clone(),
            route: o.route,
            sector: o.sector.clone(),
            hours: o.hours,
            place: o.place.clone(),
            shifts: o.shifts.clone(),
            start: o.start,
            requirements: o.requirements.clone(),
        }
    }
}

/// Availability as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    /// Most hours per week.
    pub max_hours_per_week: Option<u8>,
    /// Shifts the person can work.
    pub shifts: Option<Vec<Shift>>,
    /// First day the person can start.
    pub available_from: Option<Date>,
    /// How far the person can travel, in km.
    pub max_travel_km: Option<u16>,
}

/// What an employer or jobhunter sees of a candidate: only what the consent covers, by
/// construction (the stored profile was cut to it), and never a name, contact or age.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateCard {
    /// The server's id.
    pub id: String,
    /// The name shown.
    pub pseudonym: String,
    /// Published claims with level and evidence.
    pub claims: Vec<Claim>,
    /// Published availability.
    pub availability: Option<Availability>,
    /// Published home town.
    pub home_town: Option<String>,
    /// What was published.
    pub fields: Parts,
    /// Last day of the consent.
    pub until: String,
    /// True for generated demo data.
    pub synthetic: bool,
}

/// One ranked candidate with the explanation that is its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedCandidate {
    /// Place in the ranking, from 1 (absent when one candidate is looked at on its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub rank: Option<usize>,
    /// The candidate.
    pub candidate: CandidateCard,
    /// Why the score is what it is.
    pub explanation: Explanation,
}

/// One ranked opening with the explanation that is its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedOpening {
    /// Place in the ranking, from 1.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub rank: usize,
    /// The opening.
    pub opening: Opening,
    /// Why the score is what it is.
    pub explanation: Explanation,
}

/// An employer asks to get in touch with a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactIn {
    /// The candidate's id.
    pub candidate: String,
    /// The opening it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
    /// The message to the young person.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 2000))]
    pub message: String,
}

/// The contact details a young person chooses to give one employer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// How to address the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub phone: Option<String>,
    /// A message back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub message: Option<String>,
}

/// A contact request as the employer who made it sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactView {
    /// Id.
    pub id: String,
    /// The candidate's id.
    pub candidate: String,
    /// The candidate's pseudonym.
    pub pseudonym: String,
    /// The opening it is about.
    pub opening: Option<String>,
    /// The message sent.
    pub message: String,
    /// `open`, `accepted` or `declined`.
    pub status: String,
    /// The details the young person chose to give, once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// When it was sent (Unix seconds).
    pub created: i64,
}

/// A jobhunter ranks the region's candidates for one opening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RankCandidatesIn {
    /// The opening's id.
    pub opening: String,
    /// Per-kind weights for this search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<KindWeights>,
    /// Rank knocked-out candidates with the rest.
    #[serde(default)]
    pub include_knocked_out: bool,
    /// Where the page starts.
    #[serde(default)]
    pub offset: Offset,
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

/// A jobhunter ranks the region's openings for one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RankOpeningsIn {
    /// The candidate's id.
    pub candidate: String,
    /// Per-kind weights for this search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<KindWeights>,
    /// Rank knocked-out openings with the rest.
    #[serde(default)]
    pub include_knocked_out: bool,
    /// Where the page starts.
    #[serde(default)]
    pub offset: Offset,
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
}

/// What if a candidate had these claims too? Nothing is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WhatIfIn {
    /// The candidate's id.
    pub candidate: String,
    /// 1 to 20 claims to try.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub add: Vec<Claim>,
    /// Also show the candidate's place among all candidates for this opening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<String>,
}

/// One opening whose place changes in a what-if.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhatIfChange {
    /// The opening's id.
    pub opening: String,
    /// Its title.
    pub title: String,
    /// Before.
    pub before: Place,
    /// After.
    pub after: Place,
}

/// What would change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhatIf {
    /// Openings that fit before.
    pub fits_before: usize,
    /// Openings that fit after.
    pub fits_after: usize,
    /// Every opening whose score or rank changes, best after first.
    pub changes: Vec<WhatIfChange>,
    /// The candidate among all candidates for `opening`, before and after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub among_candidates: Option<(Place, Place)>,
}

/// A new shortlist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ShortlistIn {
    /// Its name.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 200))]
    pub name: String,
}

/// A candidate put on a shortlist, with a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryIn {
    /// The jobhunter's note (the young person sees it).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: String,
}

/// A shortlist in a list of them: its size, not its entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShortlistSummary {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// When it was made (Unix seconds).
    pub created: i64,
    /// Candidates on it.
    pub size: usize,
}

/// One candidate on a shortlist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShortlistEntry {
    /// The candidate.
    pub candidate: CandidateCard,
    /// The jobhunter's note.
    pub note: String,
}

/// A shortlist with its candidates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shortlist {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// When it was made (Unix seconds).
    pub created: i64,
    /// Its candidates.
    pub candidates: Vec<ShortlistEntry>,
}

/// The openings and candidates of a match table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TableIn {
    /// Opening ids (rows).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 30))]
    pub openings: Vec<String>,
    /// Candidate ids (columns).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 60))]
    pub candidates: Vec<String>,
}

/// A row or column head: an opening's title or a candidate's pseudonym.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Named {
    /// Id.
    pub id: String,
    /// What to show.
    pub name: String,
}

/// One cell: the score interval in per-mille, and whether it fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cell {
    /// Low bound.
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub low: u16,
    /// High bound.
    #[cfg_attr(feature = "openapi", schema(maximum = 1000))]
    pub high: u16,
    /// Whether it fits (`matching_core::fits`).
    pub fits: bool,
}

/// The match table for a matching meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchTable {
    /// Rows.
    pub openings: Vec<Named>,
    /// Columns.
    pub candidates: Vec<Named>,
    /// One row per opening, one cell per candidate.
    pub cells: Vec<Vec<Cell>>,
}
