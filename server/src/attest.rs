//! Workplace trainer attestation (the praktijkverklaring at work). A link is asked for a
//! publication: by the young person's device (its secret) or by a jobhunter the young person
//! allowed to add evidence; it names the learning company. The trainer opens it without an
//! account and confirms each work process with their name; a confirmation sent with the
//! publication's own secret or the asking jobhunter's session is refused. Each confirmed work
//! process becomes an Open Badges 3.0 credential signed by the pool (`credential.rs`), bound to
//! that publication. On publishing and on every update, `practice` on a work process stays only
//! where such a credential backs it, and `formal` is never taken from a device (no issuing body
//! sends us a credential yet); whatever enters the stored profile later passes the consent of that
//! moment.

use crate::credential::{self, Backed, Confirmation};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::handlers::{Body, Path, Secret};
use crate::{secret, AppState};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use matching_core::{Date, Evidence, ItemRef, Profile};
use rusqlite::{params, Connection, OptionalExtension};
use std::sync::Arc;
pub use vaardig_api::Attestation;
use vaardig_api::{ConfirmIn, CreateIn, Link, LinkView, ProcessView, ResultView};

/// How long a trainer's link stays valid: two weeks, long enough to catch a busy trainer.
pub const LINK_DAYS: i64 = 14;

/// The most work processes one link may carry: one qualification's worth.
pub const MAX_PROCESSES: usize = 20;

/// The longest name or company name taken.
pub const MAX_NAME: usize = 200;

/// Whether an attestation's plain fields say what its checked credential says.
pub fn matches(a: &Attestation, backed: &Backed) -> bool {
    a.work_process == backed.work_process
        && a.level == backed.level
        && a.name == backed.trainer
        && a.company == backed.company
}

/// Keeps only evidence the server can stand behind, given `check` (the credential checker for this
/// publication). `practice` on a work process stays where a credential backs it (at no higher level
/// than attested, and only when the plain fields match it); `coach` is recorded on the server by a
/// jobhunter, never taken from the device; `formal` needs a credential from the issuing body, and no
/// such credential reaches the pool yet, so a diploma or certificate from the device counts as the
/// person's own word until a jobhunter who saw the paper records it (`coach`). Everything else
/// becomes `self`.
/// Returns the claims that were lowered.
pub fn require_evidence(
    profile: &mut Profile,
    attestations: &[Attestation],
    check: impl Fn(&str) -> Option<Backed>,
) -> Vec<ItemRef> {
    let backed: Vec<(&Attestation, Backed)> =
        attestations.iter().filter_map(|a| check(&a.credential).filter(|b| matches(a, b)).map(|b| (a, b))).collect();
    let mut lowered = Vec::new();
    for claim in &mut profile.claims {
        let level = match (&claim.item, claim.evidence) {
            (ItemRef::WorkProcess(id), Evidence::Practice) => {
                backed.iter().filter(|(_, b)| &b.work_process == id).map(|(_, b)| b.level).max()
            }
            (_, Evidence::Practice | Evidence::Coach | Evidence::Formal) => None,
            (_, Evidence::Self_) => continue,
        };
        match level {
            Some(level) => claim.level = claim.level.min(level),
            None => {
                claim.evidence = Evidence::Self_;
                lowered.push(claim.item.clone());
            }
        }
    }
    lowered
}

/// A trimmed name without control characters (a newline could re-split what is shown), at most
/// [`MAX_NAME`] bytes; `None` when empty or too long.
pub fn clean_name(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= MAX_NAME && !text.chars().any(char::is_control)).then_some(text)
}

/// `POST /api/attestations`: the young person's device asks a link for its publication.
#[utoipa::path(
    post,
    path = "/api/attestations",
    operation_id = "createAttestation",
    tag = "attestation",
    summary = r#"Make a trainer link"#,
    description = r#"The young person's device asks a one-time link, valid 14 days, for 1 to 20 work processes, for its publication (`candidate`, with the publication's secret as bearer), naming the learning company. The answer's `claim` is the bearer secret that later collects the credentials."#,
    security(("deviceSecret" = [])),
    request_body = vaardig_api::CreateIn,
    responses(
        (status = 201, description = r#"The link."#, body = vaardig_api::Link),
        (status = 400, description = r#"`bad_request`: the body is malformed, `candidate` is missing, a work process is unknown, or `company` is blank, longer than 200 bytes or more than one line."#, body = vaardig_api::ErrorBody),
        (status = 403, description = r#"`csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 429, response = crate::openapi::RateLimited),
        (status = 500, response = crate::openapi::Internal),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 404, description = r#"`not_found`: no such publication, or the secret is wrong."#, body = vaardig_api::ErrorBody)
    )
)]
pub async fn create(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    secret: Secret,
    Body(body): Body<CreateIn>,
) -> ApiResult<(StatusCode, Json<Link>)> {
    crate::limit::write(&state, peer, &headers, "trainer link")?;
    let candidate = body.candidate.clone().ok_or_else(|| {
        ApiError::bad_request("candidate: publish first; a trainer link is made for your published profile.")
    })?;
    crate::handlers::youth::owned(&state.db.lock(), &candidate, &secret)?;
    Ok((StatusCode::CREATED, Json(make_link(&state, &body, &candidate, None)?)))
}

/// Stores a new one-time link for publication `candidate`, asked by its device (`account` none)
/// or by a jobhunter's account, whose confirmation goes onto the published profile.
pub fn make_link(state: &AppState, body: &CreateIn, candidate: &str, account: Option<i64>) -> ApiResult<Link> {
    if body.work_processes.is_empty() || body.work_processes.len() > MAX_PROCESSES {
        return Err(ApiError::bad_request(format!("work_processes: choose 1 to {MAX_PROCESSES} work processes.")));
    }
    for (i, id) in body.work_processes.iter().enumerate() {
        if state.taxonomy.work_process(id).is_none() {
            return Err(ApiError::bad_request(format!("work_processes[{i}]: there is no work process '{id}'.")));
        }
    }
    let company = match &body.company {
        None => None,
        Some(c) => Some(clean_name(c).ok_or_else(|| {
            ApiError::bad_request(format!(
                "company: give the company's name, one line of at most {MAX_NAME} characters."
            ))
        })?),
    };
    let (token, claim) = (secret::token(), secret::token());
    let expires = now() + LINK_DAYS * 86_400;
    state.db.lock().execute(
        "INSERT INTO attestations (token_hash, claim_hash, work_processes, created, expires, candidate_id, account_id, company)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            secret::hash(&token),
            secret::hash(&claim),
            serde_json::to_string(&body.work_processes).unwrap_or_default(),
            now(),
            expires,
            candidate,
            account,
            company
        ],
    )?;
    let link = format!("{}/werk.html#attest/{token}", state.config.public_url.trim_end_matches('/'));
    Ok(Link { token, link, claim: account.is_none().then_some(claim), expires })
}

/// Cancels the pending jobhunters' links of a publication whose consent no longer covers them (work
/// processes not shared, or coach evidence not allowed). A link the young person asked stays: its
/// credentials go to the phone, and onto the profile only through an update that shares work
/// processes. Returns how many went.
pub fn cancel_pending(
    conn: &Connection,
    candidate: &str,
    work_processes: bool,
    coach_evidence: bool,
) -> rusqlite::Result<usize> {
    if work_processes && coach_evidence {
        return Ok(0);
    }
    conn.execute(
        "DELETE FROM attestations WHERE candidate_id = ?1 AND result IS NULL AND account_id IS NOT NULL",
        [candidate],
    )
}

struct Stored {
    work_processes: Vec<String>,
    claim_hash: Vec<u8>,
    result: Option<Vec<Attestation>>,
    candidate: Option<String>,
    account: Option<i64>,
    company: Option<String>,
}

fn load(state: &AppState, token: &str) -> ApiResult<Stored> {
    type Row = (String, Vec<u8>, Option<String>, Option<String>, Option<i64>, Option<String>);
    let row: Option<Row> = state
        .db
        .lock()
        .query_row(
            "SELECT work_processes, claim_hash, result, candidate_id, account_id, company FROM attestations
             WHERE token_hash = ?1 AND expires > ?2",
            params![secret::hash(token), now()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()?;
    let (processes, claim_hash, result, candidate, account, company) =
        row.ok_or_else(|| ApiError::not_found("attestation link (or it has expired)"))?;
    Ok(Stored {
        work_processes: serde_json::from_str(&processes).map_err(ApiError::internal)?,
        claim_hash,
        // A result in an older form (before credentials) reads as done with nothing to collect.
        result: result.map(|r| serde_json::from_str(&r).unwrap_or_default()),
        candidate,
        account,
        company,
    })
}

/// What the trainer sees: the work processes to confirm, and where.
#[utoipa::path(
    get,
    path = "/api/attestations/{token}",
    operation_id = "showAttestation",
    tag = "attestation",
    summary = r#"What the trainer confirms"#,
    description = r#"The work processes on the link and whether it was used. Anyone with the link (the workplace trainer); no account."#,
    params(("token" = String, Path, description = r#"The trainer's token from the link."#)),
    responses(
        (status = 200, description = r#"The link."#, body = vaardig_api::LinkView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, description = r#"`not_found`: no such link, or it has expired."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn show(State(state): State<Arc<AppState>>, Path(token): Path<String>) -> ApiResult<Json<LinkView>> {
    let stored = load(&state, &token)?;
    let work_processes = stored
        .work_processes
        .iter()
        .filter_map(|id| state.taxonomy.work_process(id))
        .map(|(q, w)| ProcessView {
            id: w.id.clone(),
            code: w.shown_code().map(str::to_string),
            title: w.title.clone(),
            qualification: q.name.clone(),
        })
        .collect();
    Ok(Json(LinkView { work_processes, company: stored.company, done: stored.result.is_some() }))
}

/// Whether the request comes from whoever asked for the link: the publication's own secret, or a
/// session of the jobhunter who made it.
fn from_asker(conn: &Connection, headers: &HeaderMap, candidate: &str, account: Option<i64>) -> rusqlite::Result<bool> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.get(7..).filter(|_| v.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("bearer "))));
    if let Some(bearer) = bearer {
        let owner: Option<Vec<u8>> =
            conn.query_row("SELECT secret_hash FROM candidates WHERE id = ?1", [candidate], |r| r.get(0)).optional()?;
        if owner == Some(secret::hash(bearer)) {
            return Ok(true);
        }
    }
    if let (Some(account), Some(token)) = (account, crate::auth::cookie_token(headers)) {
        let session: Option<i64> = conn
            .query_row("SELECT account_id FROM sessions WHERE token_hash = ?1", [secret::hash(&token)], |r| r.get(0))
            .optional()?;
        if session == Some(account) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The trainer confirms; the link can be used once. Each confirmed work process becomes a
/// credential for the link's publication.
#[utoipa::path(
    post,
    path = "/api/attestations/{token}",
    operation_id = "confirmAttestation",
    tag = "attestation",
    summary = r#"Confirm work processes"#,
    description = r#"The workplace trainer confirms work processes with their name, for the company the link names; each confirmed work process becomes an Open Badges 3.0 credential for the link's publication. The link can be used once. Anyone with the link, but not whoever asked for it: a request with the publication's secret or the asking jobhunter's session is refused. On a jobhunter's link the confirmation goes onto the published profile only while the consent shares work processes and allows a jobhunter's evidence."#,
    params(("token" = String, Path, description = r#"The trainer's token from the link."#)),
    request_body = vaardig_api::ConfirmIn,
    responses(
        (status = 204, description = r#"Confirmed."#),
        (status = 400, description = r#"`bad_request`: the body is malformed, `name` or `company` is blank, longer than 200 bytes or more than one line, `company` is not the one the link names (or missing when the link names none), or `confirmed` is empty, names a work process twice or names one that is not on the link."#, body = vaardig_api::ErrorBody),
        (status = 403, description = r#"`self_confirmation`: sent by whoever asked for the link. `csrf`: the request's `Origin` is another site."#, body = vaardig_api::ErrorBody),
        (status = 404, description = r#"`not_found`: no such link, or it has expired."#, body = vaardig_api::ErrorBody),
        (status = 409, description = r#"`conflict`: this link was already used."#, body = vaardig_api::ErrorBody),
        (status = 413, response = crate::openapi::TooLarge),
        (status = 415, response = crate::openapi::UnsupportedMediaType),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn confirm(
    State(state): State<Arc<AppState>>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Body(body): Body<ConfirmIn>,
) -> ApiResult<StatusCode> {
    let stored = load(&state, &token)?;
    if stored.result.is_some() {
        return Err(ApiError::conflict("This link was already used."));
    }
    let Some(candidate) = stored.candidate.clone() else {
        return Err(ApiError::not_found("attestation link (or it has expired)"));
    };
    if from_asker(&state.db.lock(), &headers, &candidate, stored.account)? {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "self_confirmation",
            "The one who asked for this link cannot confirm it: the workplace trainer does.",
        ));
    }
    let name = clean_name(&body.name).ok_or_else(|| {
        ApiError::bad_request(format!("name: give your name, one line of at most {MAX_NAME} characters."))
    })?;
    let given = body.company.as_deref().map(|c| {
        clean_name(c).ok_or_else(|| {
            ApiError::bad_request(format!("company: give your company, one line of at most {MAX_NAME} characters."))
        })
    });
    let given = given.transpose()?;
    let company = match (&stored.company, given) {
        (Some(named), Some(given)) if !named.eq_ignore_ascii_case(given) => {
            return Err(ApiError::bad_request(format!("company: this link is for work at {named}.")))
        }
        (Some(named), _) => named.clone(),
        (None, Some(given)) => given.to_string(),
        (None, None) => return Err(ApiError::bad_request("company: give your company.")),
    };
    let mut seen = std::collections::BTreeSet::new();
    if body.confirmed.is_empty() || !body.confirmed.iter().all(|c| seen.insert(&c.work_process)) {
        return Err(ApiError::bad_request("confirmed: confirm at least one work process, each once."));
    }
    for (i, c) in body.confirmed.iter().enumerate() {
        if !stored.work_processes.contains(&c.work_process) {
            return Err(ApiError::bad_request(format!("confirmed[{i}]: this work process is not on the link.")));
        }
    }
    let issued = now();
    let date = Date::from_day_number(issued.div_euclid(86_400));
    let valid_until = issued + credential::VALID_DAYS * 86_400;
    let region = {
        let mut conn = state.db.lock();
        let tx = conn.transaction()?;
        let mut signed = Vec::new();
        for c in &body.confirmed {
            let Some((q, w)) = state.taxonomy.work_process(&c.work_process) else { continue };
            let index = credential::reserve_status(&tx, &candidate, valid_until)?;
            let confirmation = Confirmation {
                candidate: &candidate,
                work_process: (&w.id, w.shown_code(), &w.title.nl, &q.name.nl),
                level: c.level,
                trainer: name,
                company: &company,
            };
            let vc = credential::build(&state.keys, &state.config.public_url, &confirmation, index, issued);
            signed.push(Attestation {
                work_process: w.id.clone(),
                level: c.level,
                name: name.to_string(),
                company: company.clone(),
                date,
                credential: state.keys.sign_jws(credential::TYP, &vc),
            });
        }
        let changed = tx.execute(
            "UPDATE attestations SET result = ?2 WHERE token_hash = ?1 AND result IS NULL",
            params![secret::hash(&token), serde_json::to_string(&signed).map_err(ApiError::internal)?],
        )?;
        if changed == 0 {
            return Err(ApiError::conflict("This link was already used."));
        }
        let region = if stored.account.is_some() { apply_to_candidate(&tx, &candidate, &signed)? } else { None };
        tx.commit()?;
        region
    };
    if let Some(region) = region {
        state.pools.invalidate(&region);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// On a jobhunter's link, the confirmed work processes become `practice` claims of the published
/// profile at the level the trainer saw (a stronger `formal` claim stays as it is), but only while
/// the consent of this moment shares work processes and allows a jobhunter's evidence: the stored
/// profile never holds more than the consent. Returns the region when the profile changed.
fn apply_to_candidate(tx: &Connection, candidate: &str, signed: &[Attestation]) -> ApiResult<Option<String>> {
    let row: Option<(String, String, String, bool)> = tx
        .query_row(
            "SELECT c.profile, c.region, k.fields, k.coach_evidence FROM candidates c
             JOIN consents k ON k.candidate_id = c.id WHERE c.id = ?1",
            [candidate],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((profile, region, fields, coach_evidence)) = row else { return Ok(None) };
    let fields: matching_core::Parts = serde_json::from_str(&fields).map_err(ApiError::internal)?;
    if !fields.work_processes || !coach_evidence {
        return Ok(None);
    }
    let mut profile: Profile = serde_json::from_str(&profile).map_err(ApiError::internal)?;
    for a in signed {
        let item = ItemRef::WorkProcess(a.work_process.clone());
        match profile.claims.iter_mut().find(|c| c.item == item) {
            Some(claim) if claim.evidence <= Evidence::Practice => {
                claim.level = a.level;
                claim.evidence = Evidence::Practice;
            }
            Some(_) => {}
            None => profile.claims.push(matching_core::Claim { item, level: a.level, evidence: Evidence::Practice }),
        }
    }
    tx.execute(
        "UPDATE candidates SET profile = ?2, updated = ?3 WHERE id = ?1",
        params![candidate, serde_json::to_string(&profile).map_err(ApiError::internal)?, now()],
    )?;
    Ok(Some(region))
}

/// The device collects the credentials with its claim secret.
#[utoipa::path(
    get,
    path = "/api/attestations/{token}/result",
    operation_id = "attestationResult",
    tag = "attestation",
    summary = r#"Collect the credentials"#,
    description = r#"The attestations with their credentials, once the trainer confirmed. Caller: the device that made the link, with the `claim` secret as bearer."#,
    security(("deviceSecret" = [])),
    params(("token" = String, Path, description = r#"The trainer's token from the link."#)),
    responses(
        (status = 200, description = r#"The result so far."#, body = vaardig_api::ResultView),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 404, description = r#"`not_found`: no such link, it has expired, or the claim secret is wrong."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn result(
    State(state): State<Arc<AppState>>,
    secret: Secret,
    Path(token): Path<String>,
) -> ApiResult<Json<ResultView>> {
    let stored = load(&state, &token)?;
    if stored.claim_hash != secret::hash(&secret.0) {
        return Err(ApiError::not_found("attestation link (or it has expired)"));
    }
    Ok(Json(ResultView { done: stored.result.is_some(), attestations: stored.result.unwrap_or_default() }))
}

/// `GET /.well-known/did.json`: the pool's DID document (`did:web`), every key it signed with.
#[utoipa::path(
    get,
    path = "/.well-known/did.json",
    operation_id = "didDocument",
    tag = "attestation",
    summary = r#"The pool's DID document"#,
    description = r#"The `did:web` document of the pool's public URL: every Ed25519 key it signed credentials with, as `JsonWebKey` verification methods (`#key-1`, `#key-2`, …; the highest signs now). Anyone; no account."#,
    responses(
        (status = 200, description = r#"The DID document."#, body = crate::openapi::DidDocument),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn did_document(State(state): State<Arc<AppState>>) -> Json<serde_json::Value> {
    Json(state.keys.did_document())
}

/// `GET /api/status/{list}`: a Bitstring Status List credential (`vc+jwt`), signed now.
#[utoipa::path(
    get,
    path = "/api/status/{list}",
    operation_id = "statusList",
    tag = "attestation",
    summary = r#"A revocation status list"#,
    description = r#"A Bitstring Status List credential (W3C VC 2.0, `BitstringStatusListCredential`) as a compact JWS signed by the pool, valid one day: bit `statusListIndex` is set when that credential is revoked (its publication withdrawn or expired). 131,072 entries per list. Anyone; no account."#,
    params(("list" = i64, Path, description = r#"The status list's number, from 1."#)),
    responses(
        (status = 200, description = r#"The status list credential."#, body = String, content_type = "application/vc+jwt"),
        (status = 400, response = crate::openapi::BadRequest),
        (status = 404, description = r#"`not_found`: no such list."#, body = vaardig_api::ErrorBody),
        (status = 500, response = crate::openapi::Internal)
    )
)]
pub async fn status_list(
    State(state): State<Arc<AppState>>,
    Path(list): Path<i64>,
) -> ApiResult<([(axum::http::HeaderName, &'static str); 1], String)> {
    let highest: i64 =
        state.db.lock().query_row("SELECT COALESCE(MAX(idx), 0) FROM credential_status", [], |r| r.get(0))?;
    if list < 1 || list > highest / credential::LIST_SIZE + 1 {
        return Err(ApiError::not_found("status list"));
    }
    let jws = credential::status_list(&state.db.lock(), &state.keys, &state.config.public_url, list)?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/vc+jwt")], jws))
}
