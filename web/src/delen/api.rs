//! The pool server's API as the young person's device uses it (`server/openapi.json`): publish,
//! update, withdraw, contact requests, who looked, trainer links. Every call is same-origin; a
//! failure is either "no network" or the server's stable error code, never a panic.

use super::pool::Signed;
use gloo_net::http::{Request, RequestBuilder, Response};
use matching_core::{Parts, Profile};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use web_sys::RequestCredentials;

/// The version of the consent text this page shows; the server refuses any other
/// (`server/src/consent.rs`, `CONSENT_TEXT_VERSION`; a test keeps the two equal). Change it
/// whenever the texts `intro.*`, `parts.*`, `until.*` or `coach.*` change in meaning.
pub const CONSENT_TEXT_VERSION: &str = "2026-11-nl-1";

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fail {
    /// The request did not reach the server (offline, server down).
    Offline,
    /// The server answered with an error: its stable code (`not_found`, `conflict`, …).
    Code(String),
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorInner,
}

#[derive(Deserialize)]
struct ErrorInner {
    code: String,
}

/// One region.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Region {
    /// Id, such as `midden-brabant`.
    pub id: String,
    /// Name to show.
    pub name: String,
}

/// The consent as sent.
#[derive(Serialize)]
pub struct ConsentOut<'a> {
    /// Which parts.
    pub fields: Parts,
    /// Region id.
    pub region: &'a str,
    /// Last day.
    pub until: &'a str,
    /// [`CONSENT_TEXT_VERSION`].
    pub text_version: &'a str,
    /// Whether a jobhunter may confirm claims.
    pub coach_evidence: bool,
}

/// A publish or update.
#[derive(Serialize)]
pub struct PublishOut<'a> {
    /// The whole profile; the server cuts it to the consent.
    pub profile: &'a Profile,
    /// The consent.
    pub consent: ConsentOut<'a>,
    /// Trainer attestations with their credentials.
    pub attestations: &'a [Signed],
}

/// The answer to a publish or update.
#[derive(Clone, Debug, Deserialize)]
pub struct Published {
    /// Server id.
    pub id: String,
    /// What employers see.
    pub pseudonym: String,
    /// Only on the first publish.
    #[serde(default)]
    pub secret: Option<String>,
    /// Last day.
    pub until: String,
    /// Claims whose evidence the server lowered to "self".
    #[serde(default)]
    pub downgraded: Vec<matching_core::ItemRef>,
}

/// A contact request from an employer.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Incoming {
    /// Request id.
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
    /// Unix seconds.
    pub created: i64,
}

/// One line of "who looked".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ViewLine {
    /// Company, or `Jobhunter <region>`.
    pub who: String,
    /// `listed`, `viewed`, `contact_requested`, `shortlisted`, `coach_evidence`, `attestation_link`
    /// or `note`.
    pub action: String,
    /// The opening, if any.
    #[serde(default)]
    pub opening_title: Option<String>,
    /// Unix seconds; for `listed`, the last time.
    pub at: i64,
    /// How often (`listed` counts every showing in the same list).
    #[serde(default)]
    pub times: i64,
    /// For `note`: what a jobhunter wrote about the person, as it is now.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct Page<T> {
    items: Vec<T>,
}

/// Contact details for one employer; empty ones are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Serialize)]
struct AnswerOut<'a> {
    accept: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<&'a Contact>,
}

/// A new trainer link.
#[derive(Clone, Debug, Deserialize)]
pub struct LinkIn {
    /// The trainer's part.
    pub token: String,
    /// The link to send.
    pub link: String,
    /// The device's part.
    pub claim: String,
    /// Unix seconds.
    pub expires: i64,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    candidate: &'a str,
    work_processes: &'a [String],
}

/// The trainer's answer so far.
#[derive(Clone, Debug, Deserialize)]
pub struct LinkResult {
    /// The trainer has confirmed.
    pub done: bool,
    /// The signed attestations (empty until done).
    #[serde(default)]
    pub attestations: Vec<Signed>,
}

fn with(builder: RequestBuilder, secret: Option<&str>) -> RequestBuilder {
    let builder = builder.credentials(RequestCredentials::SameOrigin);
    match secret {
        Some(secret) => builder.header("Authorization", &format!("Bearer {secret}")),
        None => builder,
    }
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, Fail> {
    let response = request.map_err(|_| Fail::Code("bad_request".into()))?.send().await.map_err(|_| Fail::Offline)?;
    if response.ok() {
        return Ok(response);
    }
    let code = match response.json::<ErrorBody>().await {
        Ok(body) => body.error.code,
        // Not the API's error shape: a proxy or a server that is not (yet) there.
        Err(_) if response.status() >= 500 => "offline".into(),
        Err(_) => "internal".into(),
    };
    Err(if code == "offline" { Fail::Offline } else { Fail::Code(code) })
}

async fn json<T: DeserializeOwned>(request: Result<Request, gloo_net::Error>) -> Result<T, Fail> {
    send(request).await?.json::<T>().await.map_err(|_| Fail::Code("internal".into()))
}

fn candidate(id: &str) -> String {
    format!("api/candidates/{}", js_sys::encode_uri_component(id))
}

/// `GET /api/regions`.
pub async fn regions() -> Result<Vec<Region>, Fail> {
    json(with(Request::get("api/regions"), None).build()).await
}

/// `POST /api/candidates`: the first publish (the answer holds the secret).
pub async fn publish(body: &PublishOut<'_>) -> Result<Published, Fail> {
    json(with(Request::post("api/candidates"), None).json(body)).await
}

/// `PUT /api/candidates/{id}`.
pub async fn update(id: &str, secret: &str, body: &PublishOut<'_>) -> Result<Published, Fail> {
    json(with(Request::put(&candidate(id)), Some(secret)).json(body)).await
}

/// `DELETE /api/candidates/{id}`: withdraw, deleting everything on the server.
pub async fn withdraw(id: &str, secret: &str) -> Result<(), Fail> {
    send(with(Request::delete(&candidate(id)), Some(secret)).build()).await.map(|_| ())
}

/// `GET /api/candidates/{id}/requests` (the newest 100).
pub async fn requests(id: &str, secret: &str) -> Result<Vec<Incoming>, Fail> {
    let url = format!("{}/requests?limit=100", candidate(id));
    json::<Page<Incoming>>(with(Request::get(&url), Some(secret)).build()).await.map(|p| p.items)
}

/// `POST /api/candidates/{id}/requests/{request}`: accept with contact details, or decline.
pub async fn answer(id: &str, secret: &str, request: &str, contact: Option<&Contact>) -> Result<(), Fail> {
    let url = format!("{}/requests/{}", candidate(id), js_sys::encode_uri_component(request));
    let body = AnswerOut { accept: contact.is_some(), contact };
    send(with(Request::post(&url), Some(secret)).json(&body)).await.map(|_| ())
}

/// `GET /api/candidates/{id}/views` (the newest 100).
pub async fn views(id: &str, secret: &str) -> Result<Vec<ViewLine>, Fail> {
    let url = format!("{}/views?limit=100", candidate(id));
    json::<Page<ViewLine>>(with(Request::get(&url), Some(secret)).build()).await.map(|p| p.items)
}

/// `POST /api/attestations`: a one-time link for a workplace trainer, for the published profile
/// `candidate` (with its secret).
pub async fn make_link(candidate: &str, secret: &str, work_processes: &[String]) -> Result<LinkIn, Fail> {
    json(with(Request::post("api/attestations"), Some(secret)).json(&LinkOut { candidate, work_processes })).await
}

/// `GET /api/attestations/{token}/result`, with the link's claim secret.
pub async fn link_result(token: &str, claim: &str) -> Result<LinkResult, Fail> {
    let url = format!("api/attestations/{}/result", js_sys::encode_uri_component(token));
    json(with(Request::get(&url), Some(claim)).build()).await
}

/// The work processes' titles, from the app's own `taxonomy.json` (cached by the service worker).
pub async fn work_process_titles() -> Option<Vec<(String, matching_core::Text)>> {
    let text = Request::get("taxonomy.json").send().await.ok()?.text().await.ok()?;
    let data = matching_core::packed::from_packed(&text)?;
    Some(
        data.qualifications
            .into_iter()
            .flat_map(|q| q.core_tasks)
            .flat_map(|c| c.work_processes)
            .map(|w| (w.id, w.title))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_consent_text_version_is_the_servers() {
        let server = include_str!("../../../server/src/consent.rs");
        let line = format!("pub const CONSENT_TEXT_VERSION: &str = \"{}\";", super::CONSENT_TEXT_VERSION);
        assert!(server.contains(&line), "server/src/consent.rs has another CONSENT_TEXT_VERSION");
    }
}
