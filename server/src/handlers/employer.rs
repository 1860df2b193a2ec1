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

pub async fn show(
    State(state): State<Arc<AppState>>,
    account: Account,
    Path(id): Path<String>,
) -> ApiResult<Json<Opening>> {
    employer(&account)?;
    Ok(Json(own_opening(&state, &account, &id)?))
}

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
