//! The region's pool in memory: the consenting candidates (cut to their current consent again at
//! every load, with coach evidence applied while allowed) and the region's openings, each behind `matching-core`'s ranking index.
//! Built from the database on first use and dropped whenever something in the region changes.

use crate::db::now;
use axum::body::Bytes;
use matching_core::{
    Evidence, ItemRef, Level, Opening, OpeningPool, Parts, PeoplePool, Profile, RankOptions, Ranking, Taxonomy,
};
use rusqlite::{params, Connection};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// How deep a browse ranking goes at least: five pages of 20, so paging on needs no new ranking.
pub const BROWSE_DEPTH: usize = 100;

/// The most cached browse rankings per region (about 100 explanations each); past it the cache
/// starts over.
pub const BROWSE_CACHE: usize = 10_000;

/// The most bytes of answered browse pages kept per region: the first page of all 5,000 openings
/// of the load test (about 97 kB each) fits; past it the pages start over (the rankings stay).
pub const BROWSE_PAGE_BYTES: usize = 768 << 20;

/// One published candidate as the pool holds it (never serialized whole: answers go through
/// `CandidateCard`).
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The server's id.
    pub id: String,
    /// The name employers see.
    pub pseudonym: String,
    /// Which parts were published.
    pub fields: Parts,
    /// Last day of the consent.
    pub until: String,
    /// Whether a jobhunter may record coach-confirmed evidence.
    pub coach_evidence: bool,
    /// The published profile, coach evidence applied.
    pub profile: Profile,
}

/// One opening with who put it in.
#[derive(Clone, Debug)]
pub struct OpeningEntry {
    /// The opening.
    pub opening: Opening,
    /// The employer's account.
    pub account_id: i64,
}

/// Everything of one region that ranking needs.
pub struct RegionPool {
    /// Candidates, in pool order.
    pub candidates: Vec<Candidate>,
    /// Candidates ranked for an opening.
    pub people: PeoplePool,
    /// Openings, in pool order.
    pub openings: Vec<OpeningEntry>,
    /// Openings ranked for a candidate.
    pub opening_pool: OpeningPool,
    candidate_index: BTreeMap<String, usize>,
    opening_index: BTreeMap<String, usize>,
    /// The best candidates per stored opening, as employers page through them, and the pages
    /// already answered. It lives as long as this pool: any change in the region drops the pool
    /// and with it every cached ranking and page.
    browse: Mutex<BrowseCache>,
}

/// Rankings per opening id, and the pages answered from them.
#[derive(Default)]
struct BrowseCache {
    rankings: BTreeMap<String, Arc<Ranking>>,
    /// (opening id, offset, limit) → the answer.
    pages: BTreeMap<(String, usize, usize), Arc<ListedPage>>,
    /// The JSON bytes in `pages`.
    page_bytes: usize,
}

/// One page of a browse answer as sent: the JSON body and the candidates on it, whom every request
/// for the page logs anew ("who looked").
#[derive(Debug)]
pub struct ListedPage {
    /// The answer's body.
    pub json: Bytes,
    /// The ids of the candidates listed, in order.
    pub candidates: Vec<String>,
}

impl RegionPool {
    /// Reads the region's live candidates and openings.
    pub fn load(conn: &Connection, taxonomy: &Taxonomy, region: &str) -> rusqlite::Result<RegionPool> {
        let mut coach: BTreeMap<String, Vec<(ItemRef, Level)>> = BTreeMap::new();
        let mut stmt = conn.prepare(
            "SELECT e.candidate_id, e.item, e.level FROM coach_evidence e JOIN candidates c ON c.id = e.candidate_id
             WHERE c.region = ?1",
        )?;
        for row in
            stmt.query_map([region], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u8>(2)?)))?
        {
            let (id, item, level) = row?;
            if let (Ok(item), Ok(level)) = (serde_json::from_str::<ItemRef>(&item), Level::try_from(level)) {
                coach.entry(id).or_default().push((item, level));
            }
        }
        let mut stmt = conn.prepare(
            "SELECT c.id, c.pseudonym, c.profile, k.fields, k.until, k.coach_evidence FROM candidates c
             JOIN consents k ON k.candidate_id = c.id WHERE c.region = ?1 AND k.until_ts >= ?2 ORDER BY c.published, c.id",
        )?;
        let rows = stmt.query_map(params![region, now()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let mut candidates = Vec::new();
        for row in rows {
            let (id, pseudonym, profile, fields, until, coach_evidence) = row?;
            let (Ok(mut profile), Ok(fields)) =
                (serde_json::from_str::<Profile>(&profile), serde_json::from_str::<Parts>(&fields))
            else {
                eprintln!("vaardig-server: candidate {id} has a stored profile that does not parse; left out");
                continue;
            };
            // Consent at every read: the stored profile is cut to the consent of this moment again,
            // and coach evidence counts only while the young person allows it.
            profile = profile.only(&fields, &id);
            for (item, level) in coach.get(&id).into_iter().flatten().filter(|_| coach_evidence) {
                apply_coach(&mut profile, item, *level);
            }
            candidates.push(Candidate { id, pseudonym, fields, until, coach_evidence, profile });
        }
        let mut stmt = conn.prepare("SELECT body, account_id FROM openings WHERE region = ?1 ORDER BY created, id")?;
        let openings: Vec<OpeningEntry> = stmt
            .query_map([region], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
            .filter_map(|row| {
                let (body, account_id) = row.ok()?;
                Some(OpeningEntry { opening: serde_json::from_str(&body).ok()?, account_id })
            })
            .collect();
        let people = PeoplePool::new(taxonomy, candidates.iter().map(|c| c.profile.clone()).collect());
        let opening_pool = OpeningPool::new(taxonomy, openings.iter().map(|o| o.opening.clone()).collect());
        let candidate_index = candidates.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let opening_index = openings.iter().enumerate().map(|(i, o)| (o.opening.id.clone(), i)).collect();
        Ok(RegionPool {
            candidates,
            people,
            openings,
            opening_pool,
            candidate_index,
            opening_index,
            browse: Mutex::new(BrowseCache::default()),
        })
    }

    /// A candidate by id.
    pub fn candidate(&self, id: &str) -> Option<&Candidate> {
        self.candidate_index.get(id).map(|&i| &self.candidates[i])
    }

    /// The region's candidates ranked for a stored opening, at least `top` deep: from the cache
    /// when an earlier request went as deep, else ranked now (at least [`BROWSE_DEPTH`] deep) and
    /// kept. Ranking is deterministic, so a cached page equals a fresh one.
    pub fn browse(&self, taxonomy: &Taxonomy, opening: &Opening, top: usize) -> Arc<Ranking> {
        if let Some(cached) = self.browse.lock().unwrap_or_else(|p| p.into_inner()).rankings.get(&opening.id) {
            if cached.matches.len() >= top || cached.matches.len() == cached.ranked_total {
                return cached.clone();
            }
        }
        let options = RankOptions { top: top.max(BROWSE_DEPTH), include_knocked_out: false };
        let ranking = Arc::new(self.people.rank(taxonomy, opening, options));
        let mut cache = self.browse.lock().unwrap_or_else(|p| p.into_inner());
        if cache.rankings.len() >= BROWSE_CACHE {
            cache.rankings.clear();
        }
        cache.rankings.insert(opening.id.clone(), ranking.clone());
        ranking
    }

    /// One page of a stored opening's browse answer: from the cache when it was answered before
    /// from this pool, else `build` makes it from the ranking ([`RegionPool::browse`]) and it is
    /// kept. The page is as fresh as the ranking it came from: both go with the pool.
    pub fn browse_page<E>(
        &self,
        taxonomy: &Taxonomy,
        opening: &Opening,
        (offset, limit): (usize, usize),
        build: impl FnOnce(&Ranking) -> Result<ListedPage, E>,
    ) -> Result<Arc<ListedPage>, E> {
        let key = (opening.id.clone(), offset, limit);
        if let Some(page) = self.browse.lock().unwrap_or_else(|p| p.into_inner()).pages.get(&key) {
            return Ok(page.clone());
        }
        let page = Arc::new(build(&self.browse(taxonomy, opening, offset + limit))?);
        let mut cache = self.browse.lock().unwrap_or_else(|p| p.into_inner());
        if cache.page_bytes + page.json.len() > BROWSE_PAGE_BYTES {
            cache.pages.clear();
            cache.page_bytes = 0;
        }
        cache.page_bytes += page.json.len();
        if let Some(old) = cache.pages.insert(key, page.clone()) {
            cache.page_bytes -= old.json.len();
        }
        Ok(page)
    }

    /// An opening by id.
    pub fn opening(&self, id: &str) -> Option<&OpeningEntry> {
        self.opening_index.get(id).map(|&i| &self.openings[i])
    }
}

/// A coach confirms a claim the young person made: the claim takes the level the coach saw, with
/// `Coach` evidence. Stronger evidence (a workplace attestation, a diploma) stands as it is, and a
/// claim that was not published is not created.
pub fn apply_coach(profile: &mut Profile, item: &ItemRef, level: Level) {
    if let Some(claim) = profile.claims.iter_mut().find(|c| &c.item == item && c.evidence <= Evidence::Coach) {
        claim.level = level;
        claim.evidence = Evidence::Coach;
    }
}

/// The pools of all regions, built on demand.
#[derive(Default)]
pub struct Pools {
    regions: Mutex<BTreeMap<String, Arc<RegionPool>>>,
}

impl Pools {
    /// The region's pool, loading it when something changed since the last use. Loading holds the
    /// lock, so concurrent requests wait for one load instead of each doing their own.
    pub fn get(&self, db: &crate::db::Db, taxonomy: &Taxonomy, region: &str) -> rusqlite::Result<Arc<RegionPool>> {
        let mut regions = self.regions.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(pool) = regions.get(region) {
            return Ok(pool.clone());
        }
        let pool = {
            let conn = db.lock();
            Arc::new(RegionPool::load(&conn, taxonomy, region)?)
        };
        regions.insert(region.to_string(), pool.clone());
        Ok(pool)
    }

    /// Forgets a region's pool; call after the change is committed.
    pub fn invalidate(&self, region: &str) {
        self.regions.lock().unwrap_or_else(|p| p.into_inner()).remove(region);
    }

    /// Forgets every pool (after expiry removed candidates).
    pub fn invalidate_all(&self) {
        self.regions.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
