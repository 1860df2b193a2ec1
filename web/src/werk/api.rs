//! The pool server's API as the work app uses it (`server/openapi.json`): JSON over `fetch` with the
//! session cookie (`credentials: same-origin`), the session's CSRF token on every change, and errors
//! as `{"error": {code, message}}` kept as their code so the page can say them in its own words.

use gloo_net::http::{Method, RequestBuilder};
use matching_core::{Claim, Date, Explanation, Hours, ItemRef, Level, Opening, Requirement, RouteType, Shift, Text};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use web_sys::RequestCredentials;

/// An error answer, or a failed connection (`network`) or unreadable answer (`bad_answer`).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// HTTP status; 0 when the server was not reached.
    pub status: u16,
    /// The server's stable code (`not_found`, `csrf`, …).
    pub code: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorInner,
}

#[derive(Deserialize)]
struct ErrorInner {
    code: String,
}

thread_local! {
    /// The session's CSRF token, sent as `X-CSRF-Token` on every POST, PUT and DELETE.
    static CSRF: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the CSRF token of the current session (empty after logging out).
pub fn set_csrf(token: &str) {
    CSRF.with(|c| *c.borrow_mut() = token.to_string());
}

fn request(method: Method, path: &str) -> RequestBuilder {
    let builder = RequestBuilder::new(path).method(method.clone()).credentials(RequestCredentials::SameOrigin);
    if method == Method::GET {
        builder
    } else {
        CSRF.with(|c| builder.header("X-CSRF-Token", &c.borrow()))
    }
}

async fn finish(response: Result<gloo_net::http::Response, gloo_net::Error>) -> Result<String, ApiError> {
    let response = response.map_err(|_| ApiError { status: 0, code: "network".into() })?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError { status, code: "network".into() })?;
    if response.ok() {
        return Ok(text);
    }
    let code = serde_json::from_str::<ErrorBody>(&text).map(|b| b.error.code).unwrap_or_else(|_| "other".into());
    Err(ApiError { status, code })
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError { status: 200, code: "bad_answer".into() })
}

/// GET `path`, answer as `T`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    parse(&finish(request(Method::GET, path).send().await).await?)
}

/// `method` with a JSON body, answer as `T`.
pub async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let built = request(method, path).json(body).map_err(|_| ApiError { status: 0, code: "other".into() })?;
    parse(&finish(built.send().await).await?)
}

/// `method` with an optional JSON body, for answers without a body (204).
pub async fn call<B: Serialize + ?Sized>(method: Method, path: &str, body: Option<&B>) -> Result<(), ApiError> {
    let builder = request(method, path);
    let response = match body {
        Some(body) => builder.json(body).map_err(|_| ApiError { status: 0, code: "other".into() })?.send().await,
        None => builder.send().await,
    };
    finish(response).await.map(|_| ())
}

/// A path segment, escaped.
pub fn seg(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `{items, total, offset, limit}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Page<T> {
    /// This page.
    pub items: Vec<T>,
    /// All there are.
    pub total: u64,
    /// Where this page starts.
    pub offset: u64,
}

/// The logged-in account.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    /// Its e-mail address.
    pub email: String,
    /// `employer`, `jobhunter` or `admin`.
    pub role: String,
    /// Its company.
    pub company: String,
}

/// The login (or session) answer.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SessionInfo {
    /// The account.
    pub account: Account,
    /// The token to send on changes.
    pub csrf: String,
}

/// The login body.
#[derive(Serialize)]
pub struct Login<'a> {
    /// E-mail address.
    pub email: &'a str,
    /// Password.
    pub password: &'a str,
}

/// An opening as the employer sends it (`OpeningIn`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpeningIn {
    /// Title.
    pub title: String,
    /// Kind of route.
    pub route: RouteType,
    /// Hours per week.
    pub hours: Hours,
    /// Town.
    pub place: String,
    /// Shifts the work needs.
    pub shifts: Vec<Shift>,
    /// First working day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// What the work asks.
    pub requirements: Vec<Requirement>,
}

impl From<&Opening> for OpeningIn {
    fn from(o: &Opening) -> OpeningIn {
        OpeningIn {
            title: o.title.clone(),
            route: o.route,
            hours: o.hours,
            place: o.place.clone(),
            shifts: o.shifts.clone(),
            start: o.start,
            requirements: o.requirements.clone(),
        }
    }
}

/// `POST /api/openings/preview`: candidates of the region for an opening being written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Preview {
    /// No knock-out, every must-have met.
    pub fits: u32,
    /// No knock-out, some must-haves unmet.
    pub near: u32,
    /// Ruled out by hours, travel, shifts or start date.
    pub knocked_out: u32,
    /// Everyone in the region.
    pub total: u32,
}

/// One change to an opening that would let more candidates fit (job carving).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Make a must-have a nice-to-have.
    MakeNice {
        /// The requirement.
        item: ItemRef,
    },
    /// Ask a lower level.
    LowerLevel {
        /// The requirement.
        item: ItemRef,
        /// The level to ask.
        to: Level,
    },
    /// Ask fewer hours.
    FewerHours {
        /// The new minimum.
        min: u8,
    },
    /// A change this page does not know yet.
    #[serde(other)]
    Other,
}

/// One piece of advice.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AdviceChange {
    /// What to change.
    pub change: Change,
    /// Candidates fitting after it.
    pub fits: u32,
    /// Candidates gained.
    pub gain: u32,
}

/// `GET /api/openings/{id}/advice`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Advice {
    /// Candidates fitting now.
    pub fits: u32,
    /// Best gain first.
    pub changes: Vec<AdviceChange>,
}

/// What a candidate makes available.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Availability {
    /// Hours per week at most.
    pub max_hours_per_week: Option<u8>,
    /// Shifts possible.
    pub shifts: Option<Vec<Shift>>,
    /// Can start on.
    pub available_from: Option<Date>,
    /// Travels at most.
    pub max_travel_km: Option<u16>,
}

/// A candidate as employers and jobhunters see them: only what they published.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Card {
    /// Id.
    pub id: String,
    /// The name shown instead of theirs.
    pub pseudonym: String,
    /// Published claims.
    pub claims: Vec<Claim>,
    /// Availability, if published.
    pub availability: Option<Availability>,
    /// Home town, if published.
    pub home_town: Option<String>,
}

/// A candidate with their explanation for an opening.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RankedCandidate {
    /// Place in the ranking (absent for one candidate opened on their own).
    pub rank: Option<u32>,
    /// The candidate.
    pub candidate: Card,
    /// Why.
    pub explanation: Explanation,
}

/// An opening with its explanation for a candidate.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RankedOpening {
    /// Place in the ranking.
    pub rank: u32,
    /// The opening.
    pub opening: Opening,
    /// Why.
    pub explanation: Explanation,
}

/// A contact request the employer made.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ContactRequest {
    /// Id.
    pub id: String,
    /// The candidate's pseudonym.
    pub pseudonym: String,
    /// The message sent.
    pub message: String,
    /// `open`, `accepted` or `declined`.
    pub status: String,
    /// The young person's details, once accepted.
    pub contact: Option<Contact>,
}

/// Contact details the young person gave.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Contact {
    /// Name.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Their message.
    pub message: Option<String>,
}

/// Per-kind weights of a search, in percent (10-500).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Weights {
    /// Hard skills.
    pub skill: u16,
    /// Soft skills.
    pub soft_skill: u16,
    /// Certificates.
    pub certificate: u16,
    /// Work processes.
    pub work_process: u16,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights { skill: 100, soft_skill: 100, certificate: 100, work_process: 100 }
    }
}

/// A place in one ranking before or after a what-if.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Place {
    /// Rank, if ranked.
    pub rank: Option<u32>,
    /// Score.
    pub score: matching_core::Interval,
    /// Must-haves not met.
    pub musts_unmet: u16,
}

/// One opening a what-if changes.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WhatIfChange {
    /// Opening id.
    pub opening: String,
    /// Its title.
    pub title: String,
    /// Before.
    pub before: Place,
    /// After.
    pub after: Place,
}

/// `POST /api/region/what-if`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WhatIf {
    /// Openings fitting now.
    pub fits_before: u32,
    /// Openings fitting with the added claims.
    pub fits_after: u32,
    /// The openings that change.
    pub changes: Vec<WhatIfChange>,
}

/// A shortlist in a list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ShortlistSummary {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Candidates on it.
    pub size: u32,
}

/// One candidate on a shortlist.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Entry {
    /// The candidate.
    pub candidate: Card,
    /// The jobhunter's note.
    pub note: String,
}

/// A shortlist.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Shortlist {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Its candidates.
    pub candidates: Vec<Entry>,
}

/// A row or column head of the match table: an opening's title or a candidate's pseudonym.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Head {
    /// Id.
    pub id: String,
    /// What to show.
    #[serde(alias = "title", alias = "pseudonym")]
    pub name: String,
}

/// One cell: the score interval in per-mille, and whether it is a match without knock-outs.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Cell {
    /// Low bound.
    pub low: u16,
    /// High bound.
    pub high: u16,
    /// A match.
    pub fits: bool,
}

/// `POST /api/region/match-table`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MatchTable {
    /// Rows.
    pub openings: Vec<Head>,
    /// Columns.
    pub candidates: Vec<Head>,
    /// One row per opening, one cell per candidate.
    pub cells: Vec<Vec<Cell>>,
}

/// A trainer link made for a candidate.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AttestationLink {
    /// The link to give the trainer.
    pub link: String,
    /// Until when it works (Unix seconds).
    pub expires: i64,
}

/// One work process on a trainer link.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ProcessView {
    /// Id.
    pub id: String,
    /// The dossier's code, only for an official process; absent for our own description.
    #[serde(default)]
    pub code: Option<String>,
    /// Title.
    pub title: Text,
    /// Its qualification.
    pub qualification: Text,
}

/// `GET /api/attestations/{token}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AttestationView {
    /// What the trainer is asked about.
    pub work_processes: Vec<ProcessView>,
    /// Already used.
    pub done: bool,
}

/// One process the trainer confirms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Confirmed {
    /// Work process id.
    pub work_process: String,
    /// Level seen.
    pub level: Level,
}

/// The trainer's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Confirm {
    /// Trainer's name.
    pub name: String,
    /// Company.
    pub company: String,
    /// What they saw.
    pub confirmed: Vec<Confirmed>,
}
