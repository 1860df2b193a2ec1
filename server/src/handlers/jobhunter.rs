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

pub async fn openings(
    State(state): State<Arc<AppState>>,
    account: Account,
    Query(page): Query<PageQuery>,
) -> ApiResult<Json<Page<Opening>>> {
    jobhunter(&account)?;
    let pool = region_pool(&state, &account)?;
    Ok(Json(page.of(pool.openings.iter().map(|o| o.opening.clone()).collect())))
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceIn {
    item: ItemRef,
    level: Level,
}

/// A jobhunter confirms a claim as a coach, where the young person allowed it.
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
