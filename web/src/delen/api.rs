//! The pool server's calls as the young person's device makes them (`GET /api/openapi.json`):
//! publish, update, withdraw, contact requests, who looked, trainer links; all through the one
//! client (`crate::shared::api`), with the publication's secret as bearer token.

use crate::shared::api::{call, get, seg, send, ApiError, Method};
pub use vaardig_api::{
    Answer, ConsentIn, Contact, CreateIn, Link, Page, Publish, Published, Region, RequestView, ResultView, ViewLine,
};

pub use vaardig_api::CONSENT_TEXT_VERSION;

fn candidate(id: &str) -> String {
    format!("api/candidates/{}", seg(id))
}

/// `GET /api/regions`.
pub async fn regions() -> Result<Vec<Region>, ApiError> {
    get("api/regions", None).await
}

/// `POST /api/candidates`: the first publish (the answer holds the secret).
pub async fn publish(body: &Publish) -> Result<Published, ApiError> {
    send(Method::POST, "api/candidates", None, body).await
}

/// `PUT /api/candidates/{id}`.
pub async fn update(id: &str, secret: &str, body: &Publish) -> Result<Published, ApiError> {
    send(Method::PUT, &candidate(id), Some(secret), body).await
}

/// `DELETE /api/candidates/{id}`: withdraw, deleting everything on the server.
pub async fn withdraw(id: &str, secret: &str) -> Result<(), ApiError> {
    call::<()>(Method::DELETE, &candidate(id), Some(secret), None).await
}

/// `GET /api/candidates/{id}/requests` (the newest 100).
pub async fn requests(id: &str, secret: &str) -> Result<Vec<RequestView>, ApiError> {
    let url = format!("{}/requests?limit=100", candidate(id));
    get::<Page<RequestView>>(&url, Some(secret)).await.map(|p| p.items)
}

/// `POST /api/candidates/{id}/requests/{request}`: accept with contact details, or decline.
pub async fn answer(id: &str, secret: &str, request: &str, contact: Option<Contact>) -> Result<(), ApiError> {
    let url = format!("{}/requests/{}", candidate(id), seg(request));
    let body = Answer { accept: contact.is_some(), contact };
    call(Method::POST, &url, Some(secret), Some(&body)).await
}

/// `GET /api/candidates/{id}/views` (the newest 100).
pub async fn views(id: &str, secret: &str) -> Result<Vec<ViewLine>, ApiError> {
    let url = format!("{}/views?limit=100", candidate(id));
    get::<Page<ViewLine>>(&url, Some(secret)).await.map(|p| p.items)
}

/// `POST /api/attestations`: a one-time link for a workplace trainer, for the published profile
/// `candidate` (with its secret).
pub async fn make_link(candidate: &str, secret: &str, work_processes: &[String]) -> Result<Link, ApiError> {
    let body =
        CreateIn { candidate: Some(candidate.to_string()), work_processes: work_processes.to_vec(), company: None };
    send(Method::POST, "api/attestations", Some(secret), &body).await
}

/// `GET /api/attestations/{token}/result`, with the link's claim secret.
pub async fn link_result(token: &str, claim: &str) -> Result<ResultView, ApiError> {
    let url = format!("api/attestations/{}/result", seg(token));
    get(&url, Some(claim)).await
}

/// The work processes' titles, from the app's own `taxonomy.json` (cached by the service worker).
pub async fn work_process_titles() -> Option<Vec<(String, matching_core::Text)>> {
    let data = crate::shared::fetch_taxonomy_data().await?;
    Some(
        data.qualifications
            .into_iter()
            .flat_map(|q| q.core_tasks)
            .flat_map(|c| c.work_processes)
            .map(|w| (w.id, w.title))
            .collect(),
    )
}
