//! The pool server's API as the work app uses it (its OpenAPI document, `GET /api/openapi.json`): JSON over `fetch` with the
//! session cookie (`credentials: same-origin`), the session's CSRF token on every change, and errors
//! as `{"error": {code, message}}` kept as their code so the page can say them in its own words.

use gloo_net::http::{Method, RequestBuilder};
pub use matching_core::advice::{Carving, CarvingGain, Carvings, Place};
pub use matching_core::{KindWeights, Reach};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
pub use vaardig_api::page::{Limit, Offset};
pub use vaardig_api::{
    Account, CandidateCard, Cell, ConfirmIn, Confirmed, Contact, ContactIn, ContactView, CreateIn, EntryIn, Link,
    LinkView, MatchTable, Named, OpeningIn, Page, RankCandidatesIn, RankOpeningsIn, RankedCandidate, RankedOpening,
    Shortlist, ShortlistEntry, ShortlistIn, ShortlistSummary, TableIn, WhatIf, WhatIfChange, WhatIfIn,
};
pub use vaardig_api::{Login, Role, SessionInfo};
use web_sys::RequestCredentials;

/// An error answer, or a failed connection (`network`) or unreadable answer (`bad_answer`).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    /// HTTP status; 0 when the server was not reached.
    pub status: u16,
    /// The server's stable code (`not_found`, `csrf`, …).
    pub code: String,
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
    let code =
        serde_json::from_str::<vaardig_api::ErrorBody>(&text).map(|b| b.error.code).unwrap_or_else(|_| "other".into());
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
