//! The employer's side: openings of their own, the region's consenting candidates ranked for
//! one of them (every candidate shown is logged), and contact requests.

use super::{audit, card, log_listed, region_pool, Body, Path, Query};
use crate::auth::{Account, Role};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::page::{Page, PageQuery};
use crate::pool::{ListedPage, RegionPool};
use crate::{secret, AppState};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use matching_core::advice::Carvings;
use matching_core::{explain, Opening, Ranking, Reach};
use rusqlite::{params, OptionalExtension};
use std::sync::Arc;
use vaardig_api::{ContactIn, ContactView, OpeningIn, RankedCandidate};

/// The longest message with a contact request.
pub const MAX_MESSAGE: usize = 2000;

/// The opening an employer wrote, under `id`, checked against the taxonomy.
pub fn into_opening(body: OpeningIn, id: &str, company: &str, state: &AppState) -> ApiResult<Opening> {
    if body.title.trim().is_empty() || body.title.len() > 200 {
        return Err(ApiError::bad_request("title: give a title of at most 200 characters."));
    }
    if body.requirements.len() > 60 {
        return Err(ApiError::bad_request("requirements: at most 60 per opening."));
    }
    if !state.taxonomy.has_town(&body.place) {
        return Err(ApiError::bad_request(format!("place: '{}' is not a town we know.", body.place)));
    }
    let opening = Opening {
        id: id.to_string(),
        title: body.title.trim().to_string(),
        employer: company.to_string(),
        route: body.route,
        sector: body.sector,
        hours: body.hours,
        place: body.place,
        shifts: body.shifts,
        start: body.start,
        requirements: body.requirements,
        synthetic: false,
    };
    match opening.check(state.taxonomy) {
        Some((field, message)) => Err(ApiError::bad_request(format!("{field}: {message}"))),
        None => Ok(opening),
    }
}

fn employer(account: &Account) -> ApiResult<&str> {
    account.require(Role::Employer)?;
    account.region()
}

/// The employer's own opening.
fn own_opening(state: &AppState, account: &Account, id: &str) -> ApiResult<Opening> {
    let body: Option<String> = state
        .db
        .lock()
        .query_row("SELECT body FROM openings WHERE id = ?1 AND account_id = ?2", params![id, account.id], |r| r.get(0))
        .optional()?;
    let body = body.ok_or_else(|| ApiError::not_found("opening"))?;
    serde_json::from_str(&body).map_err(ApiError::internal)
}

#[utoipa::path(
    get,
    path = "/api/openings",
    operation_id = "listOpenings",
    tag = "employer",
    summary = r#"List own openings"#,
    description = r#"The employer's own openings, newest first. Role: employer (own openings only)."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of openings."#, body = vaardig_api::Page<matching_core::Opening>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn list(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<Opening>>> {
    employer(&account)?;
    let conn = state.db.lock();
    let mut stmt = conn.prepare("SELECT body FROM openings WHERE account_id = ?1 ORDER BY created DESC, id")?;
    let rows: Vec<String> = stmt.query_map([account.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let openings = rows.iter().filter_map(|b| serde_json::from_str(b).ok()).collect();
    Ok(Json(page.of(openings)))
}

#[utoipa::path(
    post,
    path = "/api/openings",
    operation_id = "createOpening",
    tag = "employer",
    summary = r#"Put in an opening"#,
    description = r#"Adds an opening in the employer's region, under the account's company. Role: employer."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::OpeningIn,
    responses(
        (status = 201, description = r#"Created."#, body = matching_core::Opening),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn create(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<OpeningIn>,
) -> ApiResult<(StatusCode, Json<Opening>)> {
    let region = employer(&account)?.to_string();
    let opening = into_opening(body, &secret::id("o"), &account.company, &state)?;
    {
        let conn = state.db.lock();
        conn.execute(
            "INSERT INTO openings (id, account_id, region, body, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![
                opening.id,
                account.id,
                region,
                serde_json::to_string(&opening).map_err(ApiError::internal)?,
                now()
            ],
        )?;
        audit(&conn, Some(account.id), "opening_created", None, Some(&opening.id), "")?;
    }
    state.pools.invalidate(&region);
    Ok((StatusCode::CREATED, Json(opening)))
}

#[utoipa::path(
    get,
    path = "/api/openings/{id}",
    operation_id = "showOpening",
    tag = "employer",
    summary = r#"Read an opening"#,
    description = r#"One of the employer's own openings. Role: employer (own openings only)."#,
    security(("session" = [])),
    params(("id" = String, Path, description = r#"One of the employer's own openings."#)),
    responses(
        (status = 200, description = r#"The opening."#, body = matching_core::Opening),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn show(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
) -> ApiResult<Json<Opening>> {
    employer(&account)?;
    Ok(Json(own_opening(&state, &account, &id)?))
}

#[utoipa::path(
    put,
    path = "/api/openings/{id}",
    operation_id = "updateOpening",
    tag = "employer",
    summary = r#"Change an opening"#,
    description = r#"Replaces one of the employer's own openings. Role: employer (own openings only)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = String, Path, description = r#"One of the employer's own openings."#)),
    request_body = vaardig_api::OpeningIn,
    responses(
        (status = 200, description = r#"Changed."#, body = matching_core::Opening),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn update(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
    Body(body): Body<OpeningIn>,
) -> ApiResult<Json<Opening>> {
    let region = employer(&account)?.to_string();
    own_opening(&state, &account, &id)?;
    let opening = into_opening(body, &id, &account.company, &state)?;
    state.db.lock().execute(
        "UPDATE openings SET body = ?3, updated = ?4 WHERE id = ?1 AND account_id = ?2",
        params![id, account.id, serde_json::to_string(&opening).map_err(ApiError::internal)?, now()],
    )?;
    state.pools.invalidate(&region);
    Ok(Json(opening))
}

#[utoipa::path(
    delete,
    path = "/api/openings/{id}",
    operation_id = "deleteOpening",
    tag = "employer",
    summary = r#"Delete an opening"#,
    description = r#"Deletes one of the employer's own openings. Role: employer (own openings only)."#,
    security(("session" = [], "csrf" = [])),
    params(("id" = String, Path, description = r#"One of the employer's own openings."#)),
    responses(
        (status = 204, description = r#"Deleted."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn delete(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let region = employer(&account)?.to_string();
    let gone =
        state.db.lock().execute("DELETE FROM openings WHERE id = ?1 AND account_id = ?2", params![id, account.id])?;
    if gone == 0 {
        return Err(ApiError::not_found("opening"));
    }
    state.pools.invalidate(&region);
    Ok(StatusCode::NO_CONTENT)
}

/// One page of a ranking of the region's candidates, best first.
pub fn ranked_page(
    pool: &RegionPool,
    ranking: &Ranking,
    page: PageQuery,
    include_knocked_out: bool,
) -> Page<RankedCandidate> {
    let items = ranking
        .matches
        .iter()
        .enumerate()
        .skip(page.offset())
        .take(page.limit())
        .map(|(i, r)| RankedCandidate {
            rank: Some(i + 1),
            candidate: card(&pool.candidates[r.index]),
            explanation: r.explanation.clone(),
        })
        .collect();
    let total =
        if include_knocked_out { ranking.ranked_total + ranking.knocked_out_total } else { ranking.ranked_total };
    Page { items, total, offset: page.offset(), limit: page.limit() }
}

/// Candidates for one of the employer's openings, best first. The opening is taken from the
/// region pool (which changes only with the database: every change to an opening drops it), and
/// the page's JSON is kept with the pool's ranking, so a repeated page costs a lookup, its audit
/// lines and no serializing.
#[utoipa::path(
    get,
    path = "/api/openings/{id}/candidates",
    operation_id = "rankForOpening",
    tag = "employer",
    summary = r#"Candidates for an opening"#,
    description = r#"The region's consenting candidates for one of the employer's openings, except those a practical fact (hours, travel, shift, start date) rules out; best first (fewest unmet must-haves, then score), each with its explanation. Every candidate listed is logged for the young person to see. Role: employer (own openings, own region)."#,
    security(("session" = [])),
    params(("id" = String, Path, description = r#"One of the employer's own openings."#), vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of ranked candidates."#, body = vaardig_api::Page<vaardig_api::RankedCandidate>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn candidates(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
    Query(page): Query<PageQuery>,
) -> ApiResult<Response> {
    employer(&account)?;
    let pool = region_pool(&state, &account)?;
    let opening = &pool
        .opening(&id)
        .filter(|o| o.account_id == account.id)
        .ok_or_else(|| ApiError::not_found("opening"))?
        .opening;
    let listed = pool.browse_page(state.taxonomy, opening, (page.offset(), page.limit()), |ranking| {
        let page = ranked_page(&pool, ranking, page, false);
        let json = serde_json::to_vec(&page).map_err(ApiError::internal)?;
        Ok::<_, ApiError>(ListedPage {
            json: json.into(),
            candidates: page.items.into_iter().map(|i| i.candidate.id).collect(),
        })
    })?;
    log_listed(&state, &account, listed.candidates.iter().map(String::as_str), Some(&opening.id), "").await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], listed.json.clone()).into_response())
}

#[utoipa::path(
    get,
    path = "/api/openings/{id}/candidates/{candidate}",
    operation_id = "candidateForOpening",
    tag = "employer",
    summary = r#"One candidate for an opening"#,
    description = r#"One candidate of the region explained against one of the employer's openings (no `rank`); the view is logged. Role: employer (own openings, own region)."#,
    security(("session" = [])),
    params(("id" = String, Path, description = r#"One of the employer's own openings."#), ("candidate" = String, Path, description = r#"A candidate of the employer's region."#)),
    responses(
        (status = 200, description = r#"The candidate."#, body = vaardig_api::RankedCandidate),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account, or no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn candidate(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path((id, candidate)): Path<(String, String)>,
) -> ApiResult<Json<RankedCandidate>> {
    employer(&account)?;
    let opening = own_opening(&state, &account, &id)?;
    let pool = region_pool(&state, &account)?;
    let c = pool.candidate(&candidate).ok_or_else(|| ApiError::not_found("candidate"))?;
    let explanation = explain(state.taxonomy, &c.profile, &opening);
    audit(&state.db.lock(), Some(account.id), "viewed", Some(&c.id), Some(&opening.id), "")?;
    Ok(Json(RankedCandidate { rank: None, candidate: card(c), explanation }))
}

#[utoipa::path(
    post,
    path = "/api/contact-requests",
    operation_id = "requestContact",
    tag = "employer",
    summary = r#"Ask a candidate for contact"#,
    description = r#"Asks a candidate of the region for contact, optionally about one of the employer's openings; one open request per candidate at a time, and none after the candidate declined one of this employer's. Logged for the young person. Role: employer."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::ContactIn,
    responses(
        (status = 201, description = r#"Asked."#, body = vaardig_api::ContactView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account, or no such candidate in the region."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`conflict`: this account already has an open request to this candidate, or the candidate declined an earlier one."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 429, response = crate::openapi::RateLimited),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn request_contact(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: axum::http::HeaderMap,
    account: Account,
    Body(body): Body<ContactIn>,
) -> ApiResult<(StatusCode, Json<ContactView>)> {
    employer(&account)?;
    crate::limit::write(&state, peer, &headers, "contact request")?;
    let message = body.message.trim();
    if message.is_empty() || message.len() > MAX_MESSAGE {
        return Err(ApiError::bad_request(format!("message: write a message of at most {MAX_MESSAGE} characters.")));
    }
    if let Some(opening) = &body.opening {
        own_opening(&state, &account, opening)?;
    }
    let pool = region_pool(&state, &account)?;
    let c = pool.candidate(&body.candidate).ok_or_else(|| ApiError::not_found("candidate"))?;
    let id = secret::id("r");
    let conn = state.db.lock();
    let open: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM contact_requests WHERE candidate_id = ?1 AND account_id = ?2 AND status IN ('open', 'declined'))",
        params![c.id, account.id],
        |r| r.get(0),
    )?;
    if open {
        return Err(ApiError::conflict(
            "You already asked this candidate: wait for the answer, and do not ask again after a no.",
        ));
    }
    let created = now();
    conn.execute(
        "INSERT INTO contact_requests (id, candidate_id, account_id, opening_id, message, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, c.id, account.id, body.opening, message, created],
    )?;
    audit(&conn, Some(account.id), "contact_requested", Some(&c.id), body.opening.as_deref(), "")?;
    let view = ContactView {
        id,
        candidate: c.id.clone(),
        pseudonym: c.pseudonym.clone(),
        opening: body.opening,
        message: message.to_string(),
        status: "open".into(),
        contact: None,
        created,
    };
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(
    get,
    path = "/api/contact-requests",
    operation_id = "listContactRequests",
    tag = "employer",
    summary = r#"Own contact requests"#,
    description = r#"The employer's contact requests, newest first, with the young person's details once accepted. Each candidate on the page is logged for the young person to see. Role: employer."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of requests."#, body = vaardig_api::Page<vaardig_api::ContactView>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn contacts(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<ContactView>>> {
    employer(&account)?;
    let page = {
        let conn = state.db.lock();
        contact_page(&conn, &account, page)?
    };
    // The pseudonyms (and, once accepted, the details given): a list read like any other.
    log_listed(&state, &account, page.items.iter().map(|c| c.candidate.as_str()), None, "contact requests").await?;
    Ok(Json(page))
}

fn contact_page(conn: &rusqlite::Connection, account: &Account, page: PageQuery) -> ApiResult<Page<ContactView>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.candidate_id, c.pseudonym, r.opening_id, r.message, r.status, r.contact, r.created
         FROM contact_requests r JOIN candidates c ON c.id = r.candidate_id
         WHERE r.account_id = ?1 ORDER BY r.created DESC, r.id",
    )?;
    let rows = stmt.query_map([account.id], |r| {
        let status: String = r.get(5)?;
        let contact: Option<String> = r.get(6)?;
        Ok(ContactView {
            id: r.get(0)?,
            candidate: r.get(1)?,
            pseudonym: r.get(2)?,
            opening: r.get(3)?,
            message: r.get(4)?,
            contact: contact.filter(|_| status == "accepted").and_then(|c| serde_json::from_str(&c).ok()),
            status,
            created: r.get(7)?,
        })
    })?;
    Ok(page.of(rows.collect::<rusqlite::Result<_>>()?))
}

#[utoipa::path(
    post,
    path = "/api/openings/preview",
    operation_id = "previewOpening",
    tag = "employer",
    summary = r#"Preview an opening's reach"#,
    description = r#"How many of the region's consenting candidates an opening as written would reach, while the employer writes it. Nothing is stored or logged. Role: employer."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::OpeningIn,
    responses(
        (status = 200, description = r#"Counts."#, body = matching_core::Reach),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region; `csrf`: the `X-CSRF-Token` header is missing or not this session's token, or the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn preview(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(body): Body<OpeningIn>,
) -> ApiResult<Json<Reach>> {
    employer(&account)?;
    let opening = into_opening(body, "preview", &account.company, &state)?;
    let pool = region_pool(&state, &account)?;
    Ok(Json(pool.people.reach(state.taxonomy, &opening)))
}

/// Job carving: which single change to the opening would add the most fitting candidates
/// (`matching_core::advice::carve`).
#[utoipa::path(
    get,
    path = "/api/openings/{id}/advice",
    operation_id = "openingAdvice",
    tag = "employer",
    summary = r#"Job carving advice"#,
    description = r#"Which single change to the opening (a must-have made nice-to-have, a level lower, fewer hours) would add the most fitting candidates, counted with the same contract as the ranking. Role: employer (own openings only)."#,
    security(("session" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, description = r#"The advice."#, body = matching_core::advice::Carvings),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an employer with a region."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such opening of this account."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn advice(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
) -> ApiResult<Json<Carvings>> {
    employer(&account)?;
    let opening = own_opening(&state, &account, &id)?;
    let pool = region_pool(&state, &account)?;
    Ok(Json(matching_core::advice::carve(state.taxonomy, &pool.people, &opening)))
}
