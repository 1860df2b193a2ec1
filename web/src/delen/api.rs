//! The pool server's API as the young person's device uses it (`GET /api/openapi.json`): publish,
//! update, withdraw, contact requests, who looked, trainer links. Every call is same-origin; a
//! failure is either "no network" or the server's stable error code, never a panic.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
pub use vaardig_api::{
    Answer, ConsentIn, Contact, CreateIn, Link, Page, Publish, Published, Region, RequestView, ResultView, ViewLine,
};
use web_sys::RequestCredentials;

pub use vaardig_api::CONSENT_TEXT_VERSION;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fail {
    /// The request did not reach the server (offline, server down).
    Offline,
    /// The server answered with an error: its stable code (`not_found`, `conflict`, …).
    Code(String),
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
    let code = match response.json::<vaardig_api::ErrorBody>().await {
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
pub async fn publish(body: &Publish) -> Result<Published, Fail> {
    json(with(Request::post("api/candidates"), None).json(body)).await
}

/// `PUT /api/candidates/{id}`.
pub async fn update(id: &str, secret: &str, body: &Publish) -> Result<Published, Fail> {
    json(with(Request::put(&candidate(id)), Some(secret)).json(body)).await
}

/// `DELETE /api/candidates/{id}`: withdraw, deleting everything on the server.
pub async fn withdraw(id: &str, secret: &str) -> Result<(), Fail> {
    send(with(Request::delete(&candidate(id)), Some(secret)).build()).await.map(|_| ())
}

/// `GET /api/candidates/{id}/requests` (the newest 100).
pub async fn requests(id: &str, secret: &str) -> Result<Vec<RequestView>, Fail> {
    let url = format!("{}/requests?limit=100", candidate(id));
    json::<Page<RequestView>>(with(Request::get(&url), Some(secret)).build()).await.map(|p| p.items)
}

/// `POST /api/candidates/{id}/requests/{request}`: accept with contact details, or decline.
pub async fn answer(id: &str, secret: &str, request: &str, contact: Option<Contact>) -> Result<(), Fail> {
    let url = format!("{}/requests/{}", candidate(id), js_sys::encode_uri_component(request));
    let body = Answer { accept: contact.is_some(), contact };
    send(with(Request::post(&url), Some(secret)).json(&body)).await.map(|_| ())
}

/// `GET /api/candidates/{id}/views` (the newest 100).
pub async fn views(id: &str, secret: &str) -> Result<Vec<ViewLine>, Fail> {
    let url = format!("{}/views?limit=100", candidate(id));
    json::<Page<ViewLine>>(with(Request::get(&url), Some(secret)).build()).await.map(|p| p.items)
}

/// `POST /api/attestations`: a one-time link for a workplace trainer, for the published profile
/// `candidate` (with its secret).
pub async fn make_link(candidate: &str, secret: &str, work_processes: &[String]) -> Result<Link, Fail> {
    let body =
        CreateIn { candidate: Some(candidate.to_string()), work_processes: work_processes.to_vec(), company: None };
    json(with(Request::post("api/attestations"), Some(secret)).json(&body)).await
}

/// `GET /api/attestations/{token}/result`, with the link's claim secret.
pub async fn link_result(token: &str, claim: &str) -> Result<ResultView, Fail> {
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
