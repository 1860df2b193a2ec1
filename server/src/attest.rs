//! Workplace trainer attestation (the praktijkverklaring at work): a young person makes a one-time
//! link for chosen work processes; the trainer opens it without an account and confirms each with
//! name and company; the device collects the result, signed by this server. On publishing, a
//! `practice` claim on a work process without a valid signature is stored as `self`, so the device
//! cannot forge workplace evidence.

use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::handlers::{Body, Path, Secret};
use crate::{secret, AppState};
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use matching_core::{Date, Evidence, ItemRef, Level, Profile, Text};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How long a trainer's link stays valid: two weeks, long enough to catch a busy trainer.
pub const LINK_DAYS: i64 = 14;

/// The most work processes one link may carry: one qualification's worth.
pub const MAX_PROCESSES: usize = 20;

/// One work process confirmed by a workplace trainer, signed by the server.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SignedAttestation {
    /// The work process id.
    pub work_process: String,
    /// The level the trainer saw.
    pub level: Level,
    /// The trainer's name.
    pub name: String,
    /// The trainer's company.
    pub company: String,
    /// The day it was confirmed.
    pub date: Date,
    /// HMAC-SHA256 by the server over all of the above.
    pub signature: String,
}

impl SignedAttestation {
    fn message(&self) -> String {
        format!(
            "vaardig.attestation.v1\n{}\n{}\n{}\n{}\n{}",
            self.work_process,
            u8::from(self.level),
            self.name,
            self.company,
            self.date
        )
    }

    /// Whether the server signed exactly this.
    pub fn is_valid(&self, key: &[u8]) -> bool {
        secret::verify(key, &self.message(), &self.signature)
    }
}

/// Keeps only evidence the server can stand behind. `practice` on a work process stays where a
/// valid attestation backs it (at no higher level than attested); `coach` is recorded on the
/// server by a jobhunter, never taken from the device; other `practice` claims cannot be checked.
/// Those become `self`. `formal` (a diploma or certificate) stays: employers check the paper.
/// Returns the claims that were lowered.
pub fn require_signatures(profile: &mut Profile, attestations: &[SignedAttestation], key: &[u8]) -> Vec<ItemRef> {
    let mut lowered = Vec::new();
    for claim in &mut profile.claims {
        let backed = match (&claim.item, claim.evidence) {
            (ItemRef::WorkProcess(id), Evidence::Practice) => {
                attestations.iter().filter(|a| &a.work_process == id && a.is_valid(key)).map(|a| a.level).max()
            }
            (_, Evidence::Practice | Evidence::Coach) => None,
            _ => continue,
        };
        match backed {
            Some(level) => claim.level = claim.level.min(level),
            None => {
                claim.evidence = Evidence::Self_;
                lowered.push(claim.item.clone());
            }
        }
    }
    lowered
}

/// The work processes a link asks a trainer to confirm.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateIn {
    work_processes: Vec<String>,
}

/// A new trainer link.
#[derive(Serialize)]
pub struct Link {
    /// The trainer's part: goes in the link.
    token: String,
    /// The link to send the trainer.
    link: String,
    /// The device's part: fetches the signed result (absent on a jobhunter's link, whose result
    /// goes onto the published profile).
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<String>,
    expires: i64,
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: axum::http::HeaderMap,
    Body(body): Body<CreateIn>,
) -> ApiResult<(StatusCode, Json<Link>)> {
    crate::limit::write(&state, peer, &headers, "trainer link")?;
    Ok((StatusCode::CREATED, Json(make_link(&state, &body, None)?)))
}

/// Stores a new one-time link; with a candidate, the confirmation is applied to that published
/// profile (a jobhunter's link) instead of waiting for a device to collect it.
pub fn make_link(state: &AppState, body: &CreateIn, candidate: Option<&str>) -> ApiResult<Link> {
    if body.work_processes.is_empty() || body.work_processes.len() > MAX_PROCESSES {
        return Err(ApiError::bad_request(format!("work_processes: choose 1 to {MAX_PROCESSES} work processes.")));
    }
    for (i, id) in body.work_processes.iter().enumerate() {
        if state.taxonomy.work_process(id).is_none() {
            return Err(ApiError::bad_request(format!("work_processes[{i}]: there is no work process '{id}'.")));
        }
    }
    let (token, claim) = (secret::token(), secret::token());
    let expires = now() + LINK_DAYS * 86_400;
    state.db.lock().execute(
        "INSERT INTO attestations (token_hash, claim_hash, work_processes, created, expires, candidate_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            secret::hash(&token),
            secret::hash(&claim),
            serde_json::to_string(&body.work_processes).unwrap_or_default(),
            now(),
            expires,
            candidate
        ],
    )?;
    let link = format!("{}/werk.html#attest/{token}", state.config.public_url.trim_end_matches('/'));
    Ok(Link { token, link, claim: candidate.is_none().then_some(claim), expires })
}

struct Stored {
    work_processes: Vec<String>,
    claim_hash: Vec<u8>,
    result: Option<Vec<SignedAttestation>>,
}

fn load(state: &AppState, token: &str) -> ApiResult<Stored> {
    let row: Option<(String, Vec<u8>, Option<String>)> = state
        .db
        .lock()
        .query_row(
            "SELECT work_processes, claim_hash, result FROM attestations WHERE token_hash = ?1 AND expires > ?2",
            params![secret::hash(token), now()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let (processes, claim_hash, result) =
        row.ok_or_else(|| ApiError::not_found("attestation link (or it has expired)"))?;
    Ok(Stored {
        work_processes: serde_json::from_str(&processes).map_err(ApiError::internal)?,
        claim_hash,
        result: result.map(|r| serde_json::from_str(&r)).transpose().map_err(ApiError::internal)?,
    })
}

#[derive(Serialize)]
pub struct ProcessView {
    id: String,
    /// The dossier's code, only for an official process (`WorkProcess::shown_code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    title: Text,
    qualification: Text,
}

#[derive(Serialize)]
pub struct LinkView {
    work_processes: Vec<ProcessView>,
    done: bool,
}

/// What the trainer sees: the work processes to confirm.
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
    Ok(Json(LinkView { work_processes, done: stored.result.is_some() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confirmed {
    work_process: String,
    level: Level,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmIn {
    name: String,
    company: String,
    confirmed: Vec<Confirmed>,
}

/// The trainer confirms; the link can be used once.
pub async fn confirm(
    State(state): State<Arc<AppState>>,
    Path(token): Path<String>,
    Body(body): Body<ConfirmIn>,
) -> ApiResult<StatusCode> {
    let stored = load(&state, &token)?;
    if stored.result.is_some() {
        return Err(ApiError::conflict("This link was already used."));
    }
    let (name, company) = (body.name.trim(), body.company.trim());
    if name.is_empty() || company.is_empty() || name.len() > 200 || company.len() > 200 {
        return Err(ApiError::bad_request("name, company: give your name and your company (at most 200 characters)."));
    }
    let mut seen = std::collections::BTreeSet::new();
    if body.confirmed.is_empty() || !body.confirmed.iter().all(|c| seen.insert(&c.work_process)) {
        return Err(ApiError::bad_request("confirmed: confirm at least one work process, each once."));
    }
    let date = Date::from_day_number(now().div_euclid(86_400));
    let mut signed = Vec::new();
    for (i, c) in body.confirmed.iter().enumerate() {
        if !stored.work_processes.contains(&c.work_process) {
            return Err(ApiError::bad_request(format!("confirmed[{i}]: this work process is not on the link.")));
        }
        let mut a = SignedAttestation {
            work_process: c.work_process.clone(),
            level: c.level,
            name: name.to_string(),
            company: company.to_string(),
            date,
            signature: String::new(),
        };
        a.signature = secret::sign(&state.signing_key, &a.message());
        signed.push(a);
    }
    let changed = state.db.lock().execute(
        "UPDATE attestations SET result = ?2 WHERE token_hash = ?1 AND result IS NULL",
        params![secret::hash(&token), serde_json::to_string(&signed).map_err(ApiError::internal)?],
    )?;
    if changed == 0 {
        return Err(ApiError::conflict("This link was already used."));
    }
    apply_to_candidate(&state, &token, &signed)?;
    Ok(StatusCode::NO_CONTENT)
}

/// On a jobhunter's link, the confirmed work processes become `practice` claims of the published
/// profile at the level the trainer saw (a stronger `formal` claim stays as it is).
fn apply_to_candidate(state: &AppState, token: &str, signed: &[SignedAttestation]) -> ApiResult<()> {
    let region = {
        let mut conn = state.db.lock();
        let tx = conn.transaction()?;
        let row: Option<(String, String, String)> = tx
            .query_row(
                "SELECT c.id, c.profile, c.region FROM attestations a JOIN candidates c ON c.id = a.candidate_id
                 WHERE a.token_hash = ?1",
                [secret::hash(token)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, profile, region)) = row else { return Ok(()) };
        let mut profile: Profile = serde_json::from_str(&profile).map_err(ApiError::internal)?;
        for a in signed {
            let item = ItemRef::WorkProcess(a.work_process.clone());
            match profile.claims.iter_mut().find(|c| c.item == item) {
                Some(claim) if claim.evidence <= Evidence::Practice => {
                    claim.level = a.level;
                    claim.evidence = Evidence::Practice;
                }
                Some(_) => {}
                None => {
                    profile.claims.push(matching_core::Claim { item, level: a.level, evidence: Evidence::Practice })
                }
            }
        }
        tx.execute(
            "UPDATE candidates SET profile = ?2, updated = ?3 WHERE id = ?1",
            params![id, serde_json::to_string(&profile).map_err(ApiError::internal)?, now()],
        )?;
        tx.commit()?;
        region
    };
    state.pools.invalidate(&region);
    Ok(())
}

#[derive(Serialize)]
pub struct ResultView {
    done: bool,
    attestations: Vec<SignedAttestation>,
}

/// The device collects the signed result with its claim secret.
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
