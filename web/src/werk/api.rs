//! The pool server's API as the work app uses it (`server/openapi.json`), through the one client
//! (`crate::shared::api`: the session cookie, the CSRF token on every change, errors kept as their
//! code so the page can say them in its own words); the wire types are `vaardig_api`'s.

pub use crate::shared::api::{call, get, seg, send, set_csrf, ApiError, Method};
pub use matching_core::advice::{Carving, CarvingGain, Carvings, Place};
pub use matching_core::{KindWeights, Reach};
use serde::{Deserialize, Serialize};
pub use vaardig_api::page::{Limit, Offset};
pub use vaardig_api::{
    CandidateCard, Cell, ConfirmIn, Confirmed, Contact, ContactIn, ContactView, CreateIn, EntryIn, Link, LinkView,
    MatchTable, Named, OpeningIn, Page, RankCandidatesIn, RankOpeningsIn, RankedCandidate, RankedOpening, Shortlist,
    ShortlistEntry, ShortlistIn, ShortlistSummary, TableIn, WhatIf, WhatIfChange, WhatIfIn,
};

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
