//! One client for the pool server's API (its OpenAPI document, `GET /api/openapi.json`), used by the work app and the pool
//! page: JSON over `fetch`, same-origin (the work app's session cookie), the session's CSRF token
//! on every change, the pool page's publication secret as a bearer token. A failure is one
//! [`ApiError`] (the server's stable code, or `network`) that each page says in its own words;
//! what is being fetched is one [`Loading`].

pub use gloo_net::http::Method;
use gloo_net::http::{RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::RequestCredentials;

/// An error answer, or a failed connection (`network`) or unreadable answer (`bad_answer`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status; 0 when the server was not reached.
    pub status: u16,
    /// The server's stable code (`not_found`, `csrf`, …); `other` when the answer had none.
    pub code: String,
}

impl ApiError {
    fn new(status: u16, code: &str) -> ApiError {
        ApiError { status, code: code.into() }
    }

    /// The server was not reached, or something in between answered for it (a proxy's 5xx page
    /// without the API's error shape).
    pub fn offline(&self) -> bool {
        self.code == "network" || (self.status >= 500 && self.code == "other")
    }
}

/// Something fetched from the server.
#[derive(Debug, PartialEq)]
pub enum Loading<T> {
    /// Not asked yet.
    Idle,
    /// Asked; waiting for the server.
    Busy,
    /// The answer.
    Ready(Rc<T>),
    /// The server said no, or could not be reached.
    Failed(ApiError),
}

impl<T> Clone for Loading<T> {
    fn clone(&self) -> Loading<T> {
        match self {
            Loading::Idle => Loading::Idle,
            Loading::Busy => Loading::Busy,
            Loading::Ready(v) => Loading::Ready(v.clone()),
            Loading::Failed(e) => Loading::Failed(e.clone()),
        }
    }
}

impl<T> From<Result<T, ApiError>> for Loading<T> {
    fn from(result: Result<T, ApiError>) -> Loading<T> {
        match result {
            Ok(v) => Loading::Ready(Rc::new(v)),
            Err(e) => Loading::Failed(e),
        }
    }
}

thread_local! {
    /// The work app's session CSRF token, sent as `X-CSRF-Token` on every POST, PUT and DELETE.
    static CSRF: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the CSRF token of the current session (empty after logging out).
pub fn set_csrf(token: &str) {
    CSRF.with(|c| *c.borrow_mut() = token.to_string());
}

/// The one request: `method` on `path` with the bearer `secret` and a JSON `body`, if any; the
/// answer's text, or the error.
async fn fetch(method: Method, path: &str, secret: Option<&str>, body: Option<String>) -> Result<String, ApiError> {
    let mut builder = RequestBuilder::new(path).method(method.clone()).credentials(RequestCredentials::SameOrigin);
    if let Some(secret) = secret {
        builder = builder.header("Authorization", &format!("Bearer {secret}"));
    }
    if method != Method::GET {
        builder = CSRF.with(|c| match c.borrow().as_str() {
            "" => builder,
            token => builder.header("X-CSRF-Token", token),
        });
    }
    let response = match body {
        Some(body) => {
            let request = builder.header("Content-Type", "application/json").body(body);
            request.map_err(|_| ApiError::new(0, "other"))?.send().await
        }
        None => builder.send().await,
    };
    finish(response).await
}

async fn finish(response: Result<Response, gloo_net::Error>) -> Result<String, ApiError> {
    let response = response.map_err(|_| ApiError::new(0, "network"))?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::new(status, "network"))?;
    if response.ok() {
        return Ok(text);
    }
    let code =
        serde_json::from_str::<vaardig_api::ErrorBody>(&text).map(|b| b.error.code).unwrap_or_else(|_| "other".into());
    Err(ApiError { status, code })
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::new(200, "bad_answer"))
}

fn to_json<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::new(0, "other"))
}

/// GET `path` (with the bearer `secret`, if any), answer as `T`.
pub async fn get<T: DeserializeOwned>(path: &str, secret: Option<&str>) -> Result<T, ApiError> {
    parse(&fetch(Method::GET, path, secret, None).await?)
}

/// `method` with a JSON body, answer as `T`.
pub async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
    method: Method,
    path: &str,
    secret: Option<&str>,
    body: &B,
) -> Result<T, ApiError> {
    let body = to_json(body)?;
    parse(&fetch(method, path, secret, Some(body)).await?)
}

/// `method` with an optional JSON body, for answers without a body (204).
pub async fn call<B: Serialize + ?Sized>(
    method: Method,
    path: &str,
    secret: Option<&str>,
    body: Option<&B>,
) -> Result<(), ApiError> {
    let body = match body {
        Some(body) => Some(to_json(body)?),
        None => None,
    };
    fetch(method, path, secret, body).await.map(|_| ())
}

/// A path segment, escaped.
pub fn seg(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}
