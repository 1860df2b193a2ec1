//! The API's routes, the extractors that turn every bad request into a JSON error, and the
//! handlers for sessions, accounts and regions. Each role's handlers live in their own file.

pub(crate) mod employer;
pub(crate) mod jobhunter;
pub(crate) mod youth;

use crate::auth::{
    self, Account, NewAccount, Role, LIMIT_PER_ACCOUNT, LIMIT_PER_ADDRESS, LIMIT_PER_ADDRESS_AND_ACCOUNT, LIMIT_WINDOW,
    MAX_EMAIL, MAX_PASSWORD,
};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::limit::{self, Budget};
use crate::page::{Page, PageQuery};
use crate::pool::{Candidate, RegionPool};
use crate::{attest, AppState};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rusqlite::{params, Connection};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;
use std::sync::Arc;
use vaardig_api::{AccountRow, Availability, CandidateCard, Created, Login, Region, SessionInfo};

/// Every route of the API.
pub fn api() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/regions", get(regions))
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/session", get(session))
        .route("/api/accounts", get(list_accounts).post(create_account))
        .route("/api/candidates", post(youth::publish))
        .route("/api/candidates/{id}", get(youth::show).put(youth::update).delete(youth::withdraw))
        .route("/api/candidates/{id}/requests", get(youth::requests))
        .route("/api/candidates/{id}/requests/{request}", post(youth::answer))
        .route("/api/candidates/{id}/views", get(youth::views))
        .route("/api/attestations", post(attest::create))
        .route("/api/attestations/{token}", get(attest::show).post(attest::confirm))
        .route("/api/attestations/{token}/result", get(attest::result))
        .route("/api/status/{list}", get(attest::status_list))
        .route("/.well-known/did.json", get(attest::did_document))
        .route("/api/openings", get(employer::list).post(employer::create))
        .route("/api/openings/preview", post(employer::preview))
        .route("/api/openings/{id}/advice", get(employer::advice))
        .route("/api/openings/{id}", get(employer::show).put(employer::update).delete(employer::delete))
        .route("/api/openings/{id}/candidates", get(employer::candidates))
        .route("/api/openings/{id}/candidates/{candidate}", get(employer::candidate))
        .route("/api/contact-requests", get(employer::contacts).post(employer::request_contact))
        .route("/api/region/candidates", get(jobhunter::candidates))
        .route("/api/region/openings", get(jobhunter::openings))
        .route("/api/region/rank/candidates", post(jobhunter::rank_candidates))
        .route("/api/region/rank/openings", post(jobhunter::rank_openings))
        .route("/api/region/what-if", post(jobhunter::what_if))
        .route("/api/region/candidates/{id}/evidence", post(jobhunter::record_evidence))
        .route("/api/region/candidates/{id}/attestations", post(jobhunter::attestation_link))
        .route("/api/region/match-table", post(jobhunter::match_table))
        .route("/api/shortlists", get(jobhunter::shortlists).post(jobhunter::create_shortlist))
        .route("/api/shortlists/{id}", get(jobhunter::shortlist).delete(jobhunter::delete_shortlist))
        .route(
            "/api/shortlists/{id}/candidates/{candidate}",
            put(jobhunter::add_to_shortlist).delete(jobhunter::remove_from_shortlist),
        )
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "This path does not take that method.")
        })
}

/// A JSON body; a malformed, oversized or unknown-field body becomes a JSON error.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Body<T>, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_large",
                    format!("The body is larger than {} kB.", crate::BODY_LIMIT / 1024),
                ),
                StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Send the body as JSON with Content-Type: application/json.",
                ),
                _ => ApiError::bad_request(rejection.body_text()),
            }),
        }
    }
}

/// The query string, parsed; a bad one becomes a JSON error.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Query<T>, ApiError> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| Query(q.0))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// Path parameters, parsed; a bad one becomes a JSON error.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Path<T>, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// The secret a young person's device holds, sent as `Authorization: Bearer …`.
pub struct Secret(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Secret {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Secret, ApiError> {
        parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.get(..7).filter(|p| p.eq_ignore_ascii_case("bearer ")).map(|_| &v[7..]))
            .filter(|s| !s.is_empty() && s.len() <= 100)
            .map(|s| Secret(s.to_string()))
            .ok_or_else(ApiError::unauthorized)
    }
}

/// Writes one line of the audit log.
pub fn audit(
    conn: &Connection,
    account: Option<i64>,
    action: &str,
    candidate: Option<&str>,
    opening: Option<&str>,
    detail: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, account_id, action, candidate_id, opening_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![now(), account, action, candidate, opening, detail],
    )
    .map(|_| ())
}

/// Logs that an account was shown these candidates: one more showing each in "who looked",
/// durable before the answer goes out (group commit, see `audit.rs`).
pub async fn log_listed<'a>(
    state: &AppState,
    account: &Account,
    candidates: impl IntoIterator<Item = &'a str>,
    opening: Option<&str>,
    detail: &str,
) -> ApiResult<()> {
    let lines = candidates
        .into_iter()
        .map(|candidate| crate::audit::Line {
            account: account.id,
            candidate: candidate.to_string(),
            opening: opening.map(str::to_string),
            detail: detail.to_string(),
        })
        .collect();
    state.audit.log(lines).await.map_err(ApiError::internal)
}

/// The region pool of an account that works in one.
pub fn region_pool(state: &AppState, account: &Account) -> ApiResult<Arc<RegionPool>> {
    Ok(state.pools.get(&state.db, state.taxonomy, account.region()?)?)
}

/// The card of a pool candidate.
pub fn card(c: &Candidate) -> CandidateCard {
    let p = &c.profile.practical;
    CandidateCard {
        id: c.id.clone(),
        pseudonym: c.pseudonym.clone(),
        claims: c.profile.claims.clone(),
        availability: c.fields.availability.then(|| Availability {
            max_hours_per_week: p.max_hours_per_week,
            shifts: p.shifts.clone(),
            available_from: p.available_from,
            max_travel_km: p.max_travel_km,
        }),
        home_town: p.home_town.clone(),
        fields: c.fields,
        until: c.until.clone(),
        synthetic: c.profile.synthetic,
    }
}

#[utoipa::path(
    get,
    path = "/api/health",
    operation_id = "health",
    tag = "public",
    summary = r#"Health check"#,
    description = r#"Says the server is up. Anyone may call it."#,
    responses(
        (status = 200, description = r#"The server is up."#, body = crate::openapi::Health)
    )
)]
pub(crate) async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "openapi",
    tag = "public",
    summary = r#"This API description"#,
    description = r#"The OpenAPI document of this API. Anyone may call it."#,
    responses(
        (status = 200, description = r#"The OpenAPI document (this one), generated from the API types."#, body = serde_json::Value)
    )
)]
pub(crate) async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::openapi::document()).into_response()
}

#[utoipa::path(
    get,
    path = "/api/regions",
    operation_id = "listRegions",
    tag = "public",
    summary = r#"List regions"#,
    description = r#"All regions, ordered by name (not paginated). Anyone may call it."#,
    responses(
        (status = 200, description = r#"The regions."#, body = [vaardig_api::Region]),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub(crate) async fn regions(State(state): State<Arc<AppState>>) -> ApiResult<Json<Vec<Region>>> {
    let conn = state.db.lock();
    let mut stmt = conn.prepare("SELECT id, name FROM regions ORDER BY name")?;
    let rows = stmt.query_map([], |r| Ok(Region { id: r.get(0)?, name: r.get(1)? }))?;
    Ok(Json(rows.collect::<rusqlite::Result<_>>()?))
}

#[utoipa::path(
    post,
    path = "/api/login",
    operation_id = "login",
    tag = "public",
    summary = r#"Log in"#,
    description = r#"Starts a 12-hour session for an employer, jobhunter or admin account: sets the session cookie and returns the account and the CSRF token to send on changes. Anyone may call it. Every attempt is counted before the password is checked, within 5 minutes: 5 per account from one client address, 50 per account from all addresses, 100 per client address over all accounts; beyond any of them, logins are refused with 429 until the window passes. A right password gives its attempts back. An e-mail address over 254 characters or a password over 1024 is refused with 400 before anything is counted. At most one password check per core runs at once and 16 wait; beyond that the answer is 503 `busy` with `Retry-After: 1`."#,
    request_body = vaardig_api::Login,
    responses(
        (status = 200, description = r#"Logged in."#, body = vaardig_api::SessionInfo, headers(("Set-Cookie" = String, description = r#"`vaardig_session=<token>; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200` (plus `Secure` behind HTTPS)."#))),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, description = r#"`bad_login`: the e-mail address or password is wrong."#, body = vaardig_api::ErrorBody),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 429, description = r#"`rate_limited`: too many login attempts; try again after `Retry-After` seconds."#, body = vaardig_api::ErrorBody, headers(("Retry-After" = u32, description = r#"Seconds to wait."#))),
        (status = 500, response = crate::openapi::Internal),
        (status = 503, description = r#"`busy`: many logins are being checked right now; try again after `Retry-After` seconds (the attempt was not counted)."#, body = vaardig_api::ErrorBody, headers(("Retry-After" = u32, description = r#"Seconds to wait."#)))
    )
)]
pub(crate) async fn login(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(login): Body<Login>,
) -> ApiResult<Response> {
    let email = auth::normalize_email(&login.email);
    // Refused before anything about it is kept or hashed.
    if email.len() > MAX_EMAIL || login.password.len() > MAX_PASSWORD {
        return Err(ApiError::bad_request(format!(
            "An e-mail address has at most {MAX_EMAIL} characters and a password at most {MAX_PASSWORD}."
        )));
    }
    let client = limit::client_address(peer, &headers, &state.config.trusted_proxies);
    let address = client.to_string();
    let budget = |key, limit| Budget { key, limit, window: LIMIT_WINDOW };
    let pair = limit::key(&[b"login: account from address", email.as_bytes(), address.as_bytes()]);
    let budgets = [
        budget(pair, LIMIT_PER_ADDRESS_AND_ACCOUNT),
        budget(limit::key(&[b"login: account", email.as_bytes()]), LIMIT_PER_ACCOUNT),
        budget(limit::key(&[b"login: address", address.as_bytes()]), LIMIT_PER_ADDRESS),
    ];
    // Counted before the password is checked: a parallel burst passes at most the limit.
    let at = now();
    if let Err(wait) = state.limiter.take(&budgets, at) {
        let message = format!("Too many login attempts. Try again in {} minutes.", limit::minutes(wait));
        return Err(limit::too_many(wait, message));
    }
    let stored: Option<(i64, String)> = {
        let conn = state.db.lock();
        conn.query_row("SELECT id, password_hash FROM accounts WHERE email = ?1", [&email], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .ok()
    };
    // Verify even for an unknown address, so timing does not tell which addresses exist.
    let (id, hash) = stored.clone().unwrap_or((0, DUMMY_HASH.to_string()));
    let password = login.password;
    let checked = state.password_checks.run(move || auth::verify_password(&password, &hash)).await;
    let good = match checked {
        Ok(good) => good && stored.is_some(),
        Err(busy) => {
            // Not checked: the attempt does not count.
            for b in &budgets {
                state.limiter.give_back(&b.key, at);
            }
            return Err(busy);
        }
    };
    if !good {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "bad_login", "The e-mail address or password is wrong."));
    }
    for b in &budgets[1..] {
        state.limiter.give_back(&b.key, at);
    }
    state.limiter.clear(&pair);
    let conn = state.db.lock();
    let (token, csrf) = auth::start_session(&conn, id)?;
    audit(&conn, Some(id), "login", None, None, "")?;
    let account = conn.query_row("SELECT email, role, region, company FROM accounts WHERE id = ?1", [id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?))
    })?;
    let role = serde_json::from_value(serde_json::Value::String(account.1)).map_err(ApiError::internal)?;
    let info = Account { id, email: account.0, role, region: account.2, company: account.3, csrf }.session_info();
    let cookie = auth::session_cookie_header(&token, state.config.secure_cookies);
    Ok(([(header::SET_COOKIE, cookie)], Json(info)).into_response())
}

/// An argon2id hash of a random password, checked against when the address is unknown.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$0pYgSNp8PLr3OXmW0X6XlWUCKHWIxNZPu8D0rUuYaJU";

#[utoipa::path(
    post,
    path = "/api/logout",
    operation_id = "logout",
    tags = ["employer", "jobhunter", "admin"],
    summary = r#"Log out"#,
    description = r#"Ends the session and clears the cookie. Any logged-in account (employer, jobhunter, admin)."#,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = r#"Logged out."#, headers(("Set-Cookie" = String, description = r#"`vaardig_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`."#))),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub(crate) async fn logout(
    State(state): State<Arc<AppState>>,
    account: Account,
    headers: HeaderMap,
) -> ApiResult<Response> {
    if let Some(token) = auth::cookie_token(&headers) {
        auth::end_session(&state, &token)?;
    }
    let _ = account;
    Ok(([(header::SET_COOKIE, auth::clear_cookie_header())], StatusCode::NO_CONTENT).into_response())
}

#[utoipa::path(
    get,
    path = "/api/session",
    operation_id = "session",
    tags = ["employer", "jobhunter", "admin"],
    summary = r#"Current session"#,
    description = r#"The logged-in account and the session's CSRF token. Any logged-in account (employer, jobhunter, admin)."#,
    security(("session" = [])),
    responses(
        (status = 200, description = r#"The session."#, body = vaardig_api::SessionInfo),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub(crate) async fn session(account: Account) -> Json<SessionInfo> {
    Json(account.session_info())
}

#[utoipa::path(
    get,
    path = "/api/accounts",
    operation_id = "listAccounts",
    tag = "admin",
    summary = r#"List accounts"#,
    description = r#"Every account, by id. Role: admin."#,
    security(("session" = [])),
    params(vaardig_api::PageQuery),
    responses(
        (status = 200, description = r#"One page of accounts."#, body = vaardig_api::Page<vaardig_api::AccountRow>),
        (status = 400, response = crate::openapi::BadPage),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an admin."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub(crate) async fn list_accounts(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<AccountRow>>> {
    account.require(Role::Admin)?;
    let conn = state.db.lock();
    let mut stmt = conn.prepare("SELECT id, email, role, region, company FROM accounts ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(AccountRow { id: r.get(0)?, email: r.get(1)?, role: r.get(2)?, region: r.get(3)?, company: r.get(4)? })
    })?;
    Ok(Json(page.of(rows.collect::<rusqlite::Result<_>>()?)))
}

#[utoipa::path(
    post,
    path = "/api/accounts",
    operation_id = "createAccount",
    tag = "admin",
    summary = r#"Create an account"#,
    description = r#"Creates an employer, jobhunter or admin account; employers and jobhunters need a known region. Role: admin."#,
    security(("session" = [], "csrf" = [])),
    request_body = vaardig_api::NewAccount,
    responses(
        (status = 201, description = r#"Created."#, body = vaardig_api::Created),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, description = r#"`forbidden`: the account is not an admin; `csrf`: the `X-CSRF-Token` header is missing or not this session's token; `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`conflict`: this address already has an account."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub(crate) async fn create_account(
    State(state): State<Arc<AppState>>,
    account: Account,
    Body(new): Body<NewAccount>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    account.require(Role::Admin)?;
    // Hashing takes tens of milliseconds: off the async threads.
    let id = tokio::task::spawn_blocking(move || {
        let id = auth::create_account(&state.db, &new)?;
        audit(&state.db.lock(), Some(account.id), "account_created", None, None, &new.email)?;
        Ok::<_, ApiError>(id)
    })
    .await
    .map_err(ApiError::internal)??;
    Ok((StatusCode::CREATED, Json(Created { id })))
}
