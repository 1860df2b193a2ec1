//! The pool server's API types: every request and answer body, written once. The server
//! (`vaardig-server`) reads requests and writes answers with them; the work app and the pool page
//! (`vaardig-web`'s `werk/` and `delen/`) write requests and read answers with the same types, so
//! the two sides cannot drift. Domain types (profiles, openings, explanations, `Parts`, `Reach`,
//! job carving, what-if places) come from `matching-core`. No IO here: it builds for wasm32.
//!
//! Requests are `deny_unknown_fields`: a misspelt field is an error, never silently ignored.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod account;
pub mod page;
mod pool;
mod youth;

pub use account::*;
pub use page::{Limit, Offset, Page, PageQuery, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};
pub use pool::*;
pub use youth::*;

use serde::{Deserialize, Serialize};

/// Every error answer: `{"error": {"code", "message"}}`. The code is stable (`not_found`, `csrf`,
/// `rate_limited`, …) so a page can say it in its own words; the message is English for developers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(examples(json!({"error": {"code": "not_found", "message": "There is no such opening."}}))))]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// The inside of [`ErrorBody`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable machine code: bad_request, unauthorized, forbidden, csrf, wrong_host, not_found,
    /// conflict, consent_outdated, no_consent, unknown_town, bad_login, rate_limited, busy, timeout,
    /// too_large, unsupported_media_type, method_not_allowed or internal.
    pub code: String,
    /// What went wrong and what to do, in plain English.
    pub message: String,
}
