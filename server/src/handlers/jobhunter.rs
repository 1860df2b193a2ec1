//! The jobhunter's workbench for one region: the pool and the openings, ranked both ways with
//! weights per search, what-if (nothing stored), shortlists, and coach-confirmed evidence where the
//! young person allowed it.

use super::employer::ranked_page;
use super::{audit, card, log_listed, region_pool, Body, Path, Query};
use crate::auth::{Account, Role};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::page::{Page, PageQuery};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use matching_core::advice::{self};
use matching_core::{ItemRef, KindWeights, Level, Opening, OpeningPool, RankOptions, WEIGHT_PERCENT};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use std::sync::Arc;
use vaardig_api::{
    CandidateCard, Cell, EntryIn, MatchTable, Named, RankCandidatesIn, RankOpeningsIn, RankedCandidate, RankedOpening,
    Shortlist, ShortlistEntry, ShortlistIn, ShortlistSummary, TableIn, WhatIf, WhatIfChange, WhatIfIn,
};

fn jobhunter(account: &Account) -> ApiResult<&str> {
    account.require(Role::Jobhunter)?;
    account.region()
}

/// The sliders' weights, or a clear error when one is out of range.
fn checked(weights: KindWeights) -> ApiResult<KindWeights> {
    if weights.is_valid() {
        Ok(weights)
    } else {
        Err(ApiError::bad_request(format!(
            "weights: each weight is a percentage from {} to {}.",
            WEIGHT_PERCENT.start(),
            WEIGHT_PERCENT.end()
        )))
    }
}

#[utoipa::path(
    get,
    path = "/api/region/candidates",
    operation_id = "regionCandidates",
    tag = "jobhunter",
    summary = r#"The region's candidates"#,
    description = r#"Every consenting candidate of the jobhunter's region, in publishing order; every candidate listed is logged. Role: jobhunter (own region)."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of candidates."#, body = vaardig_api::Page<vaardig_api::CandidateCard>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn candidates(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<CandidateCard>>> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    let page = page.of(pool.candidates.iter().map(card).collect());
    log_listed(&state, &account, page.items.iter().map(|c| c.id.as_str()), None, "").await?;
    Ok(Json(page))
}

#[utoipa::path(
    get,
    path = "/api/region/openings",
    operation_id = "regionOpenings",
    tag = "jobhunter",
    summary = r#"The region's openings"#,
    description = r#"Every opening of the jobhunter's region, oldest first. Role: jobhunter (own region)."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of openings."#, body = vaardig_api::Page<matching_core::Opening>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn openings(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<Opening>>> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    Ok(Json(page.of(pool.openings.iter().map(|o| o.opening.clone()).collect())))
}

#[utoipa::path(
    post,
    path = "/api/region/rank/candidates",
    operation_id = "rankCandidates",
    tag = "jobhunter",
    summary = r#"Rank candidates for an opening"#,
    description = r#"Ranks the region's candidates for one of its openings, best first (fewest unmet must-haves, then score), with optional per-search weights (the explanation's lines carry the weights used) and, when asked, the candidates a practical knock-out rules out ranked with the rest (their explanations list the knock-outs); every candidate listed is logged. Nothing is stored. Role: jobhunter (own region)."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::RankCandidatesIn,
    responses(
        (status = 200, description = r#"One page of ranked candidates."#, body = vaardig_api::Page<vaardig_api::RankedCandidate>),
        (status = 400, description = r#"`bad_request`: the body is malformed or invalid: an unknown field, a `limit` outside 1-100, an `offset` above 1000000 or a weight outside 10-500."#, body = vaardig_api::ErrorBody),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn rank_candidates(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<RankCandidatesIn>,
) -> ApiResult<Json<Page<RankedCandidate>>> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    let entry = pool.opening(&body.opening).ok_or_else(|| ApiError::not_found("opening in your region"))?;
    let opening = match body.weights {
        Some(w) => checked(w)?.apply(&entry.opening),
        None => entry.opening.clone(),
    };
    let page = PageQuery { offset: body.offset, limit: body.limit };
    let options = RankOptions { top: page.offset() + page.limit(), include_knocked_out: body.include_knocked_out };
    let ranking = pool.people.rank(state.taxonomy, &opening, options);
    let page = ranked_page(&pool, &ranking, page, body.include_knocked_out);
    log_listed(&state, &account, page.items.iter().map(|i| i.candidate.id.as_str()), Some(&opening.id), "").await?;
    Ok(Json(page))
}

#[utoipa::path(
    post,
    path = "/api/region/rank/openings",
    operation_id = "rankOpenings",
    tag = "jobhunter",
    summary = r#"Rank openings for a candidate"#,
    description = r#"Ranks the region's openings for one of its candidates, best first (fewest unmet must-haves, then score), with optional per-search weights and, when asked, the openings a practical knock-out rules out ranked with the rest. Each opening is given as stored; the search's weights show in the explanation's lines. The view is logged. Nothing is stored. Role: jobhunter (own region)."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::RankOpeningsIn,
    responses(
        (status = 200, description = r#"One page of ranked openings."#, body = vaardig_api::Page<vaardig_api::RankedOpening>),
        (status = 400, description = r#"`bad_request`: the body is malformed or invalid: an unknown field, a `limit` outside 1-100, an `offset` above 1000000 or a weight outside 10-500."#, body = vaardig_api::ErrorBody),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn rank_openings(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<RankOpeningsIn>,
) -> ApiResult<Json<Page<RankedOpening>>> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    let candidate = pool.candidate(&body.candidate).ok_or_else(|| ApiError::not_found("candidate in your region"))?;
    let page = PageQuery { offset: body.offset, limit: body.limit };
    let reweighted;
    let openings: &OpeningPool = match body.weights {
        Some(w) => {
            let w = checked(w)?;
            reweighted = OpeningPool::new(state.taxonomy, pool.openings.iter().map(|o| w.apply(&o.opening)).collect());
            &reweighted
        }
        None => &pool.opening_pool,
    };
    let options = RankOptions { top: page.offset() + page.limit(), include_knocked_out: body.include_knocked_out };
    let ranking = openings.rank(state.taxonomy, &candidate.profile, options);
    let total = ranking.ranked_total + if body.include_knocked_out { ranking.knocked_out_total } else { 0 };
    let items = ranking
        .matches
        .into_iter()
        .enumerate()
        .skip(page.offset())
        .map(|(i, r)| RankedOpening {
            rank: i + 1,
            opening: pool.openings[r.index].opening.clone(),
            explanation: r.explanation,
        })
        .collect();
    audit(&state.db.lock(), Some(account.id), "viewed", Some(&candidate.id), None, "rank openings")?;
    Ok(Json(Page { items, total, offset: page.offset(), limit: page.limit() }))
}

/// What would change if the candidate had these claims too (`matching_core::advice::what_if`).
/// Nothing is stored.
#[utoipa::path(
    post,
    path = "/api/region/what-if",
    operation_id = "whatIf",
    tag = "jobhunter",
    summary = r#"What if the candidate could do more"#,
    description = r#"What would change for a candidate of the region with these claims added: openings that fit, every changed score or rank, and optionally the place among all candidates for one opening. Nothing is stored. Role: jobhunter (own region)."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::WhatIfIn,
    responses(
        (status = 200, description = r#"The changes."#, body = vaardig_api::WhatIf),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such candidate (or opening) in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn what_if(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<WhatIfIn>,
) -> ApiResult<Json<WhatIf>> {
    jobhunter(&account)?;
    if body.add.is_empty() || body.add.len() > 20 {
        return Err(ApiError::bad_request("add: give 1 to 20 claims to try."));
    }
    if let Some(i) = body.add.iter().position(|claim| !state.taxonomy.contains(&claim.item)) {
        return Err(ApiError::bad_request(format!("add[{i}].item: there is no such item in the taxonomy.")));
    }
    let pool = region_pool(&state, &account)?;
    let candidate = pool.candidate(&body.candidate).ok_or_else(|| ApiError::not_found("candidate in your region"))?;
    let result = advice::what_if(state.taxonomy, &pool.opening_pool, &candidate.profile, &body.add);
    let mut changes: Vec<WhatIfChange> = result
        .changes
        .iter()
        .map(|c| WhatIfChange {
            opening: pool.openings[c.index].opening.id.clone(),
            title: pool.openings[c.index].opening.title.clone(),
            before: c.before,
            after: c.after,
        })
        .collect();
    changes.sort_by(|x, y| {
        (x.after.rank.is_none(), x.after.rank, &x.opening).cmp(&(y.after.rank.is_none(), y.after.rank, &y.opening))
    });
    let among_candidates = match &body.opening {
        None => None,
        Some(id) => {
            let entry = pool.opening(id).ok_or_else(|| ApiError::not_found("opening in your region"))?;
            let at = pool.candidates.iter().position(|c| c.id == candidate.id).unwrap_or_default();
            Some(advice::place_among(state.taxonomy, &pool.people, at, &result.profile, &entry.opening))
        }
    };
    audit(&state.db.lock(), Some(account.id), "viewed", Some(&candidate.id), body.opening.as_deref(), "what-if")?;
    Ok(Json(WhatIf { fits_before: result.fits_before, fits_after: result.fits_after, changes, among_candidates }))
}

/// A coach's confirmation of one claim.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceIn {
    item: ItemRef,
    level: Level,
}

/// A jobhunter confirms a claim as a coach, where the young person allowed it.
#[utoipa::path(
    post,
    path = "/api/region/candidates/{id}/evidence",
    operation_id = "recordEvidence",
    tag = "jobhunter",
    summary = r#"Confirm a claim as coach"#,
    description = r#"A jobhunter confirms a published claim as coach, where the young person allowed coach evidence. A claim with `self` or `coach` evidence then shows `coach` evidence at the level seen; a claim with stronger evidence (`practice`, `formal`) stays as it is. Recorded and logged either way. Role: jobhunter (own region)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = String, Path, description = r#"A candidate of the jobhunter's region."#)),
    request_body = EvidenceIn,
    responses(
        (status = 204, description = r#"Recorded."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `no_consent`: the young person did not allow coach evidence; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn record_evidence(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
    Body(body): Body<EvidenceIn>,
) -> ApiResult<StatusCode> {
    let region = jobhunter(&account)?.to_string();
    let pool = region_pool(&state, &account)?;
    let candidate = pool.candidate(&id).ok_or_else(|| ApiError::not_found("candidate in your region"))?;
    if !candidate.coach_evidence {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "no_consent",
            "This young person did not allow coach evidence.",
        ));
    }
    if !candidate.profile.claims.iter().any(|c| c.item == body.item) {
        return Err(ApiError::bad_request("item: the young person has not published this claim."));
    }
    {
        let conn = state.db.lock();
        conn.execute(
            "INSERT INTO coach_evidence (candidate_id, item, level, account_id, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (candidate_id, item) DO UPDATE SET level = ?3, account_id = ?4, at = ?5",
            params![
                id,
                serde_json::to_string(&body.item).map_err(ApiError::internal)?,
                u8::from(body.level),
                account.id,
                now()
            ],
        )?;
        audit(&conn, Some(account.id), "coach_evidence", Some(&id), None, "")?;
    }
    state.pools.invalidate(&region);
    Ok(StatusCode::NO_CONTENT)
}

fn own_shortlist(state: &AppState, account: &Account, id: i64) -> ApiResult<(String, i64)> {
    state
        .db
        .lock()
        .query_row(
            "SELECT name, created FROM shortlists WHERE id = ?1 AND account_id = ?2",
            params![id, account.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found("shortlist"))
}

#[utoipa::path(
    get,
    path = "/api/shortlists",
    operation_id = "listShortlists",
    tag = "jobhunter",
    summary = r#"Own shortlists"#,
    description = r#"The jobhunter's shortlists, oldest first, each with its size (not its entries). Role: jobhunter (own shortlists)."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of shortlists."#, body = vaardig_api::Page<vaardig_api::ShortlistSummary>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn shortlists(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<ShortlistSummary>>> {
    jobhunter(&account)?;
    let conn = state.db.lock();
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name, s.created, (SELECT COUNT(*) FROM shortlist_entries e WHERE e.shortlist_id = s.id)
         FROM shortlists s WHERE s.account_id = ?1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map([account.id], |r| {
        Ok(ShortlistSummary { id: r.get(0)?, name: r.get(1)?, created: r.get(2)?, size: r.get(3)? })
    })?;
    Ok(Json(page.of(rows.collect::<rusqlite::Result<_>>()?)))
}

#[utoipa::path(
    post,
    path = "/api/shortlists",
    operation_id = "createShortlist",
    tag = "jobhunter",
    summary = r#"Make a shortlist"#,
    description = r#"Makes an empty shortlist. Role: jobhunter."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::ShortlistIn,
    responses(
        (status = 201, description = r#"Made."#, body = vaardig_api::ShortlistSummary),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn create_shortlist(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<ShortlistIn>,
) -> ApiResult<(StatusCode, Json<ShortlistSummary>)> {
    jobhunter(&account)?;
    let name = body.name.trim();
    if name.is_empty() || name.len() > 200 {
        return Err(ApiError::bad_request("name: give a name of at most 200 characters."));
    }
    let created = now();
    let conn = state.db.lock();
    conn.execute(
        "INSERT INTO shortlists (account_id, name, created) VALUES (?1, ?2, ?3)",
        params![account.id, name, created],
    )?;
    let shortlist = ShortlistSummary { id: conn.last_insert_rowid(), name: name.to_string(), created, size: 0 };
    Ok((StatusCode::CREATED, Json(shortlist)))
}

#[utoipa::path(
    get,
    path = "/api/shortlists/{id}",
    operation_id = "showShortlist",
    tag = "jobhunter",
    summary = r#"Read a shortlist"#,
    description = r#"One of the jobhunter's shortlists with its entries still in the region's pool. Each candidate shown is logged for the young person to see. Role: jobhunter (own shortlists)."#,
    security(("session" = [])),
    params(("id" = i64, Path, description = r#"One of the jobhunter's own shortlists."#)),
    responses(
        (status = 200, description = r#"The shortlist."#, body = vaardig_api::Shortlist),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such shortlist of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn shortlist(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<i64>,
) -> ApiResult<Json<Shortlist>> {
    jobhunter(&account)?;
    let (name, created) = own_shortlist(&state, &account, id)?;
    let pool = region_pool(&state, &account)?;
    let entries: Vec<(String, String)> = {
        let conn = state.db.lock();
        let mut stmt =
            conn.prepare("SELECT candidate_id, note FROM shortlist_entries WHERE shortlist_id = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let candidates: Vec<ShortlistEntry> = entries
        .into_iter()
        .filter_map(|(c, note)| Some(ShortlistEntry { candidate: card(pool.candidate(&c)?), note }))
        .collect();
    // Full cards: every candidate on it sees this showing in "who looked".
    log_listed(&state, &account, candidates.iter().map(|e| e.candidate.id.as_str()), None, "shortlist").await?;
    Ok(Json(Shortlist { id, name, created, candidates }))
}

#[utoipa::path(
    delete,
    path = "/api/shortlists/{id}",
    operation_id = "deleteShortlist",
    tag = "jobhunter",
    summary = r#"Delete a shortlist"#,
    description = r#"Deletes one of the jobhunter's shortlists. Role: jobhunter (own shortlists)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = i64, Path, description = r#"One of the jobhunter's own shortlists."#)),
    responses(
        (status = 204, description = r#"Deleted."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such shortlist of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn delete_shortlist(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    jobhunter(&account)?;
    own_shortlist(&state, &account, id)?;
    state.db.lock().execute("DELETE FROM shortlists WHERE id = ?1", [id])?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    put,
    path = "/api/shortlists/{id}/candidates/{candidate}",
    operation_id = "putShortlistEntry",
    tag = "jobhunter",
    summary = r#"Put a candidate on a shortlist"#,
    description = r#"Adds a candidate of the region to one of the jobhunter's shortlists, or changes the note. A JSON body is needed (`{}` for no note). Every call is logged for the young person to see, and the young person reads the note as it is now (with the jobhunter's organisation) in `GET /api/candidates/{id}/views`. Role: jobhunter (own shortlists, own region)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = i64, Path, description = r#"One of the jobhunter's own shortlists."#), ("candidate" = String, Path, description = r#"A candidate id."#)),
    request_body = vaardig_api::EntryIn,
    responses(
        (status = 204, description = r#"Added or changed."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such shortlist of this account, or no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn add_to_shortlist(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path((id, candidate)): Path<(i64, String)>,
    Body(body): Body<EntryIn>,
) -> ApiResult<StatusCode> {
    jobhunter(&account)?;
    own_shortlist(&state, &account, id)?;
    let pool = region_pool(&state, &account)?;
    pool.candidate(&candidate).ok_or_else(|| ApiError::not_found("candidate in your region"))?;
    if body.note.len() > 1000 {
        return Err(ApiError::bad_request("note: at most 1000 characters."));
    }
    let mut conn = state.db.lock();
    // The entry and its line in "who looked" together; the note's time is this line's (`youth::views`).
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO shortlist_entries (shortlist_id, candidate_id, note) VALUES (?1, ?2, ?3)
         ON CONFLICT (shortlist_id, candidate_id) DO UPDATE SET note = ?3",
        params![id, candidate, body.note],
    )?;
    audit(&tx, Some(account.id), "shortlisted", Some(&candidate), None, &format!("shortlist {id}"))?;
    tx.commit()?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    delete,
    path = "/api/shortlists/{id}/candidates/{candidate}",
    operation_id = "deleteShortlistEntry",
    tag = "jobhunter",
    summary = r#"Take a candidate off a shortlist"#,
    description = r#"Removes a candidate from one of the jobhunter's shortlists (no error when it was not on it). Role: jobhunter (own shortlists)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = i64, Path, description = r#"One of the jobhunter's own shortlists."#), ("candidate" = String, Path, description = r#"A candidate id."#)),
    responses(
        (status = 204, description = r#"Removed."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such shortlist of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn remove_from_shortlist(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path((id, candidate)): Path<(i64, String)>,
) -> ApiResult<StatusCode> {
    jobhunter(&account)?;
    own_shortlist(&state, &account, id)?;
    state.db.lock().execute(
        "DELETE FROM shortlist_entries WHERE shortlist_id = ?1 AND candidate_id = ?2",
        params![id, candidate],
    )?;
    Ok(StatusCode::NO_CONTENT)
}

/// The most openings and candidates in one match table: a meeting's worth.
pub const TABLE_OPENINGS: usize = 30;

/// See [`TABLE_OPENINGS`].
pub const TABLE_CANDIDATES: usize = 60;

/// The match table for a matching meeting: chosen openings × chosen candidates, every cell from
/// the same pass the ranking uses (`OpeningPool::summaries`).
#[utoipa::path(
    post,
    path = "/api/region/match-table",
    operation_id = "matchTable",
    tag = "jobhunter",
    summary = r#"Match table"#,
    description = r#"Chosen openings × chosen candidates of the region, every cell from the ranking's own pass, for a matching meeting. Each candidate shown is logged. Role: jobhunter (own region)."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::TableIn,
    responses(
        (status = 200, description = r#"The table."#, body = vaardig_api::MatchTable),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token, or the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: an opening or candidate is not in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn match_table(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<TableIn>,
) -> ApiResult<Json<MatchTable>> {
    jobhunter(&account)?;
    if body.openings.is_empty()
        || body.openings.len() > TABLE_OPENINGS
        || body.candidates.is_empty()
        || body.candidates.len() > TABLE_CANDIDATES
    {
        return Err(ApiError::bad_request(format!(
            "openings, candidates: choose 1 to {TABLE_OPENINGS} openings and 1 to {TABLE_CANDIDATES} candidates."
        )));
    }
    let pool = region_pool(&state, &account)?;
    let openings: Vec<&Opening> = body
        .openings
        .iter()
        .map(|id| pool.opening(id).map(|o| &o.opening).ok_or_else(|| ApiError::not_found("opening in your region")))
        .collect::<ApiResult<_>>()?;
    let candidates: Vec<&crate::pool::Candidate> = body
        .candidates
        .iter()
        .map(|id| pool.candidate(id).ok_or_else(|| ApiError::not_found("candidate in your region")))
        .collect::<ApiResult<_>>()?;
    let table = OpeningPool::new(state.taxonomy, openings.iter().map(|o| (*o).clone()).collect());
    let columns: Vec<Vec<matching_core::Summary>> = candidates
        .iter()
        .map(|c| table.summaries(state.taxonomy, &matching_core::Person::new(state.taxonomy, &c.profile)))
        .collect();
    let cells = (0..openings.len())
        .map(|o| {
            columns
                .iter()
                .map(|column| Cell { low: column[o].score.low, high: column[o].score.high, fits: column[o].fits() })
                .collect()
        })
        .collect();
    log_listed(&state, &account, candidates.iter().map(|c| c.id.as_str()), None, "match table").await?;
    Ok(Json(MatchTable {
        openings: openings.iter().map(|o| Named { id: o.id.clone(), name: o.title.clone() }).collect(),
        candidates: candidates.iter().map(|c| Named { id: c.id.clone(), name: c.pseudonym.clone() }).collect(),
        cells,
    }))
}

/// A trainer link for a candidate's work processes, made by the jobhunter; the trainer's
/// confirmation goes straight onto the published profile.
#[utoipa::path(
    post,
    path = "/api/region/candidates/{id}/attestations",
    operation_id = "candidateAttestationLink",
    tag = "jobhunter",
    summary = r#"Trainer link for a candidate"#,
    description = r#"A one-time link for a workplace trainer to confirm a candidate's work processes; the confirmation becomes `practice` evidence on the published profile. Needs the young person's consent to coach evidence and a published work-process part. Role: jobhunter (own region). The link may name the learning company (`company`); `candidate` in the body is not used. The jobhunter's own session cannot confirm it, and it is cancelled as soon as the young person stops sharing work processes or allowing a jobhunter's evidence."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = String, Path)),
    request_body = vaardig_api::CreateIn,
    responses(
        (status = 201, description = r#"The link (without a device claim)."#, body = vaardig_api::Link),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not a jobhunter with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token, or the request's `Origin` is another site. `no_consent`: the young person did not allow it."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn attestation_link(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
    Body(body): Body<vaardig_api::CreateIn>,
) -> ApiResult<(StatusCode, Json<vaardig_api::Link>)> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    let candidate = pool.candidate(&id).ok_or_else(|| ApiError::not_found("candidate in your region"))?;
    if !candidate.coach_evidence || !candidate.fields.work_processes {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "no_consent",
            "This young person did not allow a jobhunter to add evidence to their work processes.",
        ));
    }
    let link = crate::attest::make_link(&state, &body, &candidate.id, Some(account.id))?;
    audit(&state.db.lock(), Some(account.id), "attestation_link", Some(&candidate.id), None, "")?;
    Ok((StatusCode::CREATED, Json(link)))
}
