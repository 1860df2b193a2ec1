//! Errors as the API gives them: an HTTP status, a stable machine code and a readable message,
//! always as JSON `{"error": {"code": …, "message": …}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// An error answer of the API.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code a client can switch on (`not_found`, `csrf`, …).
    pub code: &'static str,
    /// What went wrong and what to do, in plain English.
    pub message: String,
    /// Seconds to wait before trying again (`Retry-After`), on 429 and 503.
    pub retry_after: Option<i64>,
}

impl ApiError {
    /// An error with its status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), retry_after: None }
    }

    /// The same error with `Retry-After: seconds`.
    pub fn retry_after(mut self, seconds: i64) -> ApiError {
        self.retry_after = Some(seconds.max(1));
        self
    }

    /// 400: the body or a parameter is wrong.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401: no valid session or secret.
    pub fn unauthorized() -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "Log in first, or send the secret of this profile.")
    }

    /// 403: logged in, but this role or region may not do this.
    pub fn forbidden() -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", "Your account may not do this.")
    }

    /// 404: there is no such thing (or the caller may not know it exists).
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("There is no such {what}."))
    }

    /// 409: the state does not allow this (already answered, already used).
    pub fn conflict(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 500, logged on the server; the client gets no internals.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("vaardig-server: internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Something went wrong on the server. Try again.")
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// What handlers return.
pub type ApiResult<T> = Result<T, ApiError>;
