//! The young person's side: publish with consent, update, withdraw (deleting everything derived),
//! contact requests and who looked. No account: the secret handed out on publishing proves
//! ownership, and only its hash is stored.

use super::{Body, Path, Query, Secret};
use crate::attest::{self};
use crate::consent::{DEFAULT_CONSENT_DAYS, MAX_CONSENT_DAYS};
use crate::credential;
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::page::{Page, PageQuery};
use crate::{limit, secret, AppState};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use matching_core::format::{FORMAT_VERSION, PROFILE_FORMAT};
use matching_core::{Date, Profile};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::net::SocketAddr;
use std::sync::Arc;
use vaardig_api::CONSENT_TEXT_VERSION;
use vaardig_api::{Answer, ConsentIn, Publish, Published, RequestView, ViewLine};

/// Checks the consent and cuts the profile; returns (cut profile, until date, downgraded claims).
fn prepare(
    state: &AppState,
    conn: &Connection,
    body: &Publish,
    id: &str,
) -> ApiResult<(Profile, Date, Vec<matching_core::ItemRef>)> {
    let c = &body.consent;
    if c.text_version != CONSENT_TEXT_VERSION {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "consent_outdated",
            format!("consent.text_version: the consent text is now version {CONSENT_TEXT_VERSION}; show it again."),
        ));
    }
    if c.fields.is_empty() {
        return Err(ApiError::bad_request("consent.fields: choose at least one part to publish."));
    }
    let known: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM regions WHERE id = ?1)", [&c.region], |r| r.get(0))?;
    if !known {
        return Err(ApiError::bad_request(format!("consent.region: there is no region '{}'.", c.region)));
    }
    let today = now().div_euclid(86_400);
    let until = match &c.until {
        None => Date::from_day_number(today + DEFAULT_CONSENT_DAYS),
        Some(text) => {
            Date::parse(text).ok_or_else(|| ApiError::bad_request("consent.until: write the date as YYYY-MM-DD."))?
        }
    };
    if until.day_number() < today || until.day_number() > today + MAX_CONSENT_DAYS {
        return Err(ApiError::bad_request(format!(
            "consent.until: choose a day from today to at most {MAX_CONSENT_DAYS} days from now."
        )));
    }
    if body.profile.format != PROFILE_FORMAT || body.profile.version != FORMAT_VERSION {
        return Err(ApiError::bad_request(format!(
            "profile.format: this is not a {PROFILE_FORMAT} version {FORMAT_VERSION} profile."
        )));
    }
    if let Some((field, message)) = body.profile.check(state.taxonomy) {
        return Err(ApiError::bad_request(format!("profile.{field}: {message}")));
    }
    let mut profile = body.profile.only(&c.fields, id);
    profile.synthetic = false;
    profile.practical.home_town = known_town(state, profile.practical.home_town.as_deref())?;
    let downgraded = attest::require_evidence(&mut profile, &body.attestations, |jws| {
        credential::check(conn, &state.keys, jws, id).ok()
    });
    Ok((profile, until, downgraded))
}

/// The home town as the taxonomy spells it, or none; anything not on the list of towns is refused
/// (it would reach every employer and jobhunter of the region).
fn known_town(state: &AppState, town: Option<&str>) -> ApiResult<Option<String>> {
    let Some(town) = town.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let wanted = matching_core::normalize(town);
    match state.taxonomy.data().towns.iter().find(|t| matching_core::normalize(&t.name) == wanted) {
        Some(known) => Ok(Some(known.name.clone())),
        None => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "unknown_town",
            "profile.practical.home_town: this is not a town on the list; choose a town from the list, or leave it empty.",
        )),
    }
}

fn store_consent(conn: &Connection, id: &str, c: &ConsentIn, until: Date) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO consents (candidate_id, fields, region, given, until, until_ts, text_version, coach_evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (candidate_id) DO UPDATE SET fields = ?2, region = ?3, given = ?4, until = ?5, until_ts = ?6,
           text_version = ?7, coach_evidence = ?8",
        params![
            id,
            serde_json::to_string(&c.fields).unwrap_or_default(),
            c.region,
            now(),
            until.to_string(),
            (until.day_number() + 1) * 86_400,
            c.text_version,
            c.coach_evidence
        ],
    )
    .map(|_| ())
}

/// A pseudonym such as "Kandidaat K7F3": enough to tell people apart, nothing about who they are.
fn pseudonym() -> String {
    let id = secret::id("x");
    format!("Kandidaat {}", id[2..6].to_uppercase())
}

#[utoipa::path(
    post,
    path = "/api/candidates",
    operation_id = "publish",
    tag = "young person",
    summary = r#"Publish a profile"#,
    description = r#"A young person publishes the consented parts of their profile to a region's pool; no account. Evidence the server cannot stand behind is stored as `self` and listed in `downgraded`. The answer holds the secret (shown once) that the device sends as `Authorization: Bearer` to read, update or withdraw. Anyone may call it."#,
    request_body = vaardig_api::Publish,
    responses(
        (status = 201, description = r#"Published."#, body = vaardig_api::Published),
        (status = 400, description = r#"`bad_request`: the body is malformed or invalid: among others no part chosen in `consent.fields`, an unknown `consent.region`, a `consent.until` outside today to 366 days ahead, a profile whose `format`/`version` is not `vaardig.profile`/1, or an unknown taxonomy item or sector in the profile; `unknown_town` when `profile.practical.home_town` is not a town of the taxonomy's list (it is stored as the list spells it)."#, body = vaardig_api::ErrorBody),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`consent_outdated`: `consent.text_version` is not the current consent text; show it again."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 429, response = crate::openapi::RateLimited),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn publish(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(body): Body<Publish>,
) -> ApiResult<(StatusCode, Json<Published>)> {
    limit::write(&state, peer, &headers, "publish")?;
    let id = secret::id("c");
    let token = secret::token();
    let pseudonym = pseudonym();
    let (until, downgraded) = {
        let mut conn = state.db.lock();
        let (profile, until, downgraded) = prepare(&state, &conn, &body, &id)?;
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO candidates (id, pseudonym, secret_hash, region, profile, published, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, pseudonym, secret::hash(&token), body.consent.region, serde_json::to_string(&profile).map_err(ApiError::internal)?, now()],
        )?;
        store_consent(&tx, &id, &body.consent, until)?;
        tx.commit()?;
        (until, downgraded)
    };
    state.pools.invalidate(&body.consent.region);
    Ok((
        StatusCode::CREATED,
        Json(Published { id, pseudonym, secret: Some(token), until: until.to_string(), downgraded }),
    ))
}

/// The candidate's region when `secret` owns `id`.
pub(crate) fn owned(conn: &Connection, id: &str, secret: &Secret) -> ApiResult<String> {
    let row: Option<(Vec<u8>, String)> = conn
        .query_row("SELECT secret_hash, region FROM candidates WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((hash, region)) if hash == secret::hash(&secret.0) => Ok(region),
        // The same answer for "no such profile" and "wrong secret": ids cannot be probed.
        _ => Err(ApiError::not_found("published profile (or the secret is wrong)")),
    }
}

/// What the server holds of a published profile.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Stored {
    id: String,
    pseudonym: String,
    region: String,
    consent: ConsentIn,
    given: i64,
    profile: Profile,
}

#[utoipa::path(
    get,
    path = "/api/candidates/{id}",
    operation_id = "showPublished",
    tag = "young person",
    summary = r#"Read a published profile"#,
    description = r#"What the server holds of this profile: the cut profile and the consent. Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#)),
    responses(
        (status = 200, description = r#"The stored profile."#, body = Stored),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 404, description = r#"`not_found`: no such published profile, or the secret is wrong (the same answer for both)."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn show(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(id): Path<String>,
) -> ApiResult<Json<Stored>> {
    let conn = state.db.lock();
    owned(&conn, &id, &secret)?;
    let stored = conn.query_row(
        "SELECT c.pseudonym, c.region, c.profile, k.fields, k.until, k.text_version, k.coach_evidence, k.given
         FROM candidates c JOIN consents k ON k.candidate_id = c.id WHERE c.id = ?1",
        [&id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, i64>(7)?,
            ))
        },
    )?;
    let profile = serde_json::from_str(&stored.2).map_err(ApiError::internal)?;
    let fields = serde_json::from_str(&stored.3).map_err(ApiError::internal)?;
    Ok(Json(Stored {
        id,
        pseudonym: stored.0,
        region: stored.1.clone(),
        consent: ConsentIn {
            fields,
            region: stored.1,
            until: Some(stored.4),
            text_version: stored.5,
            coach_evidence: stored.6,
        },
        given: stored.7,
        profile,
    }))
}

#[utoipa::path(
    put,
    path = "/api/candidates/{id}",
    operation_id = "updatePublished",
    tag = "young person",
    summary = r#"Update a published profile"#,
    description = r#"Replaces the published profile and consent (the region may change). Coach evidence on claims no longer published, or all of it when `coach_evidence` is now false, is deleted. Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#)),
    request_body = vaardig_api::Publish,
    responses(
        (status = 200, description = r#"Updated (no secret in the answer)."#, body = vaardig_api::Published),
        (status = 400, description = r#"`bad_request`: the body is malformed or invalid: among others no part chosen in `consent.fields`, an unknown `consent.region`, a `consent.until` outside today to 366 days ahead, a profile whose `format`/`version` is not `vaardig.profile`/1, or an unknown taxonomy item or sector in the profile; `unknown_town` when `profile.practical.home_town` is not a town of the taxonomy's list (it is stored as the list spells it)."#, body = vaardig_api::ErrorBody),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such published profile, or the secret is wrong."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`consent_outdated`: `consent.text_version` is not the current consent text."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn update(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(id): Path<String>,
    Body(body): Body<Publish>,
) -> ApiResult<Json<Published>> {
    let (old_region, pseudonym, until, downgraded) = {
        let mut conn = state.db.lock();
        let old_region = owned(&conn, &id, &secret)?;
        let (profile, until, downgraded) = prepare(&state, &conn, &body, &id)?;
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE candidates SET region = ?2, profile = ?3, updated = ?4 WHERE id = ?1",
            params![id, body.consent.region, serde_json::to_string(&profile).map_err(ApiError::internal)?, now()],
        )?;
        // Coach evidence on claims that are no longer published goes with them.
        let kept: Vec<String> = profile.claims.iter().filter_map(|c| serde_json::to_string(&c.item).ok()).collect();
        let kept = serde_json::to_string(&kept).unwrap_or_default();
        tx.execute(
            "DELETE FROM coach_evidence WHERE candidate_id = ?1 AND item NOT IN (SELECT value FROM json_each(?2))",
            params![id, kept],
        )?;
        if !body.consent.coach_evidence {
            tx.execute("DELETE FROM coach_evidence WHERE candidate_id = ?1", [&id])?;
        }
        // Narrowing takes effect at once: a jobhunter's link the consent no longer covers is cancelled.
        attest::cancel_pending(&tx, &id, body.consent.fields.work_processes, body.consent.coach_evidence)?;
        store_consent(&tx, &id, &body.consent, until)?;
        let pseudonym: String = tx.query_row("SELECT pseudonym FROM candidates WHERE id = ?1", [&id], |r| r.get(0))?;
        tx.commit()?;
        (old_region, pseudonym, until, downgraded)
    };
    state.pools.invalidate(&old_region);
    state.pools.invalidate(&body.consent.region);
    Ok(Json(Published { id, pseudonym, secret: None, until: until.to_string(), downgraded }))
}

/// Withdraws: deletes the candidate row; the database cascades to the consent, contact requests,
/// views, shortlist entries and coach evidence.
#[utoipa::path(
    delete,
    path = "/api/candidates/{id}",
    operation_id = "withdraw",
    tag = "young person",
    summary = r#"Withdraw a published profile"#,
    description = r#"Deletes the profile and everything derived from it (consent, contact requests, views, shortlist entries, coach evidence). Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#)),
    responses(
        (status = 204, description = r#"Withdrawn."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such published profile, or the secret is wrong."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn withdraw(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let region = {
        let conn = state.db.lock();
        let region = owned(&conn, &id, &secret)?;
        conn.execute("DELETE FROM candidates WHERE id = ?1", [&id])?;
        crate::db::erase(&conn)?;
        region
    };
    state.pools.invalidate(&region);
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/candidates/{id}/requests",
    operation_id = "incomingRequests",
    tag = "young person",
    summary = r#"Contact requests"#,
    description = r#"The contact requests employers sent this profile, newest first. Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#), vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of requests."#, body = vaardig_api::Page<vaardig_api::RequestView>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 404, description = r#"`not_found`: no such published profile, or the secret is wrong."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn requests(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(id): Path<String>,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<RequestView>>> {
    let conn = state.db.lock();
    owned(&conn, &id, &secret)?;
    let mut stmt = conn.prepare(
        "SELECT r.id, a.company, json_extract(o.body, '$.title'), r.message, r.status, r.created
         FROM contact_requests r JOIN accounts a ON a.id = r.account_id LEFT JOIN openings o ON o.id = r.opening_id
         WHERE r.candidate_id = ?1 ORDER BY r.created DESC, r.id",
    )?;
    let rows = stmt.query_map([&id], |r| {
        Ok(RequestView {
            id: r.get(0)?,
            company: r.get(1)?,
            opening_title: r.get(2)?,
            message: r.get(3)?,
            status: r.get(4)?,
            created: r.get(5)?,
        })
    })?;
    Ok(Json(page.of(rows.collect::<rusqlite::Result<_>>()?)))
}

#[utoipa::path(
    post,
    path = "/api/candidates/{id}/requests/{request}",
    operation_id = "answerRequest",
    tag = "young person",
    summary = r#"Answer a contact request"#,
    description = r#"Accepts (giving contact details to that employer only) or declines an open request; a request is answered once. Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#), ("request" = String, Path, description = r#"The contact request's id."#)),
    request_body = vaardig_api::Answer,
    responses(
        (status = 204, description = r#"Answered."#),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such published profile (or wrong secret), or no such request for it."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`conflict`: this request was already answered."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn answer(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path((id, request)): Path<(String, String)>,
    Body(answer): Body<Answer>,
) -> ApiResult<StatusCode> {
    let conn = state.db.lock();
    owned(&conn, &id, &secret)?;
    let status: Option<String> = conn
        .query_row("SELECT status FROM contact_requests WHERE id = ?1 AND candidate_id = ?2", [&request, &id], |r| {
            r.get(0)
        })
        .optional()?;
    match status.as_deref() {
        None => return Err(ApiError::not_found("contact request")),
        Some("open") => {}
        Some(_) => return Err(ApiError::conflict("This request was already answered.")),
    }
    let contact = match (answer.accept, answer.contact) {
        (false, _) => None,
        (true, Some(contact)) if contact.name.is_some() || contact.email.is_some() || contact.phone.is_some() => {
            if [&contact.name, &contact.email, &contact.phone, &contact.message]
                .iter()
                .any(|f| f.as_ref().is_some_and(|s| s.len() > 500))
            {
                return Err(ApiError::bad_request("contact: each detail may be at most 500 characters."));
            }
            Some(serde_json::to_string(&contact).map_err(ApiError::internal)?)
        }
        (true, _) => {
            return Err(ApiError::bad_request(
                "contact: to accept, give at least a name, e-mail address or phone number.",
            ))
        }
    };
    conn.execute(
        "UPDATE contact_requests SET status = ?2, contact = ?3, answered = ?4 WHERE id = ?1",
        params![request, if answer.accept { "accepted" } else { "declined" }, contact, now()],
    )?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who looked: every view and contact request logged for this candidate, the lists they were
/// shown in (one line per account, opening and kind of list, with how often and when last), and
/// every note a jobhunter keeps about them on a shortlist, as it is now (dated by the last time
/// the jobhunter put them on that shortlist, which is when a note is written or changed).
#[utoipa::path(
    get,
    path = "/api/candidates/{id}/views",
    operation_id = "views",
    tag = "young person",
    summary = r#"Who looked"#,
    description = r#"Every listing, view, contact request, shortlisting and coach confirmation logged for this profile, and every note a jobhunter keeps about it on a shortlist (as the note is now), newest first. Caller: the young person's device, with the secret."#,
    security(("deviceSecret" = [])),
    params(("id" = String, Path, description = r#"The published profile's id (from publishing)."#), vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of the log."#, body = vaardig_api::Page<vaardig_api::ViewLine>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 404, description = r#"`not_found`: no such published profile, or the secret is wrong."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn views(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(id): Path<String>,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<ViewLine>>> {
    let conn = state.db.lock();
    owned(&conn, &id, &secret)?;
    let mut stmt = conn.prepare(
        "WITH lines (account_id, action, opening_id, at, times, line, note) AS (
             SELECT account_id, action, opening_id, at, 1, id, NULL FROM audit WHERE candidate_id = ?1
             UNION ALL
             SELECT account_id, 'listed', NULLIF(opening_id, ''), last_at, times, 0, NULL FROM listed WHERE candidate_id = ?1
             UNION ALL
             SELECT s.account_id, 'note', NULL,
                    COALESCE((SELECT MAX(u.at) FROM audit u WHERE u.candidate_id = e.candidate_id
                              AND u.action = 'shortlisted' AND u.detail = 'shortlist ' || s.id), s.created),
                    1, 0, e.note
             FROM shortlist_entries e JOIN shortlists s ON s.id = e.shortlist_id
             WHERE e.candidate_id = ?1 AND e.note <> '')
         SELECT CASE WHEN a.role = 'jobhunter' THEN 'Jobhunter ' || COALESCE(NULLIF(a.company, ''), r.name, '') ELSE COALESCE(NULLIF(a.company, ''), 'Werkgever') END,
                l.action, json_extract(o.body, '$.title'), l.at, l.times, l.note
         FROM lines l LEFT JOIN accounts a ON a.id = l.account_id LEFT JOIN regions r ON r.id = a.region
         LEFT JOIN openings o ON o.id = l.opening_id
         ORDER BY l.at DESC, l.line DESC",
    )?;
    let rows = stmt.query_map([&id], |r| {
        Ok(ViewLine {
            who: r.get(0)?,
            action: r.get(1)?,
            opening_title: r.get(2)?,
            at: r.get(3)?,
            times: r.get(4)?,
            note: r.get(5)?,
        })
    })?;
    Ok(Json(page.of(rows.collect::<rusqlite::Result<_>>()?)))
}
