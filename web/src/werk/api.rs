//! The pool server's API as the work app uses it (its OpenAPI document, `GET /api/openapi.json`), through the one client
//! (`crate::shared::api`: the session cookie, the CSRF token on every change, errors kept as their
//! code so the page can say them in its own words); the wire types are `vaardig_api`'s.

pub use crate::shared::api::{call, get, seg, send, set_csrf, ApiError, Method};
pub use matching_core::advice::{Carving, CarvingGain, Carvings, Place};
pub use matching_core::{KindWeights, Reach};
pub use vaardig_api::page::{Limit, Offset};
pub use vaardig_api::{
    CandidateCard, Cell, ConfirmIn, Confirmed, Contact, ContactIn, ContactView, CreateIn, EntryIn, Link, LinkView,
    MatchTable, Named, OpeningIn, Page, RankCandidatesIn, RankOpeningsIn, RankedCandidate, RankedOpening, Shortlist,
    ShortlistEntry, ShortlistIn, ShortlistSummary, TableIn, WhatIf, WhatIfChange, WhatIfIn,
};

pub use vaardig_api::{Account, Login, Role, SessionInfo};
