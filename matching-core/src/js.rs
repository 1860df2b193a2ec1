//! The JavaScript API (feature `js`): one [`Matcher`] that holds a checked taxonomy and the two
//! pools, exported with wasm-bindgen, taking and giving plain JSON-compatible JS values.
//!
//! Values cross as JSON text: `JSON.stringify` → [`crate::format`] parsing (with the same checks
//! against the taxonomy as the CLI) on the way in, `serde_json` → `JSON.parse` on the way out. So
//! the JS objects have exactly the serde shapes of the Rust types (snake_case fields, `{"skill":
//! id}` item references), which the hand-written TypeScript interfaces below describe. Bad input
//! throws a JS `Error` naming the field ("profile: field `claims[0].item`: unknown skill …") and
//! leaves the matcher as it was. The one shape made here rather than by a Rust type is
//! [`ScoreSummary`] (camelCase, like the method names).

use crate::error::FormatError;
use crate::format::{self, FORMAT_VERSION, OPENINGS_FORMAT, PROFILE_FORMAT};
use crate::{Explanation, Opening, OpeningPool, PeoplePool, Profile, RankOptions, Taxonomy};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A taxonomy item, named by its kind: `{ skill: "log.heftruck_rijden" }`. */
export type ItemRef = { skill: string } | { soft_skill: string } | { certificate: string } | { work_process: string };
export type ItemKind = "skill" | "soft_skill" | "certificate" | "work_process";
/** 1 with help · 2 on my own, simple work · 3 on my own · 4 can teach others. */
export type Level = 1 | 2 | 3 | 4;
/** Who says so, weakest first. */
export type Evidence = "self" | "coach" | "practice" | "formal";
export type Lang = "nl" | "en";
export type RouteType = "job" | "ontwikkelbaan" | "stage" | "bbl" | "leerwerktraject" | "praktijkverklaring_route";
export type Shift = "day" | "evening" | "night" | "weekend";
export type Importance = "must" | "nice";
/** A calendar date written `YYYY-MM-DD`. */
export type DateString = string;
export interface Text { nl: string; en: string }

/** The taxonomy file (`taxonomy.json` in this package). */
export interface TaxonomyData {
  sectors: Sector[];
  skills: Skill[];
  soft_skills: SoftSkill[];
  certificates: Certificate[];
  qualifications: Qualification[];
  towns: Town[];
}
export interface Labels { nl: string[]; en: string[] }
export interface Sector { id: string; icon: string; label: Text }
export interface Skill {
  id: string;
  sector: string;
  labels: Labels;
  syn: Labels;
  /** Related skill id → strength in (0, 1). */
  related: Record<string, number>;
  esco?: string;
}
export interface SoftSkill { id: string; icon: string; group: string; label: Text; questions: Text[]; levels: Text[] }
export interface Certificate { id: string; label: Text; syn: Labels; sector: string; hours: number; note: Text; valid_years?: number; min_age?: number; by_law?: boolean; law?: string; exam?: string; read_aloud?: boolean; sources?: string[]; implies?: Record<string, number> }
export interface Qualification {
  id: string;
  name: Text;
  level: number;
  sector: string;
  crebo: string;
  cohort?: string;
  source: "dossier" | "ours";
  sources?: string[];
  core_tasks: CoreTask[];
}
export interface CoreTask { code: string; title: Text; work_processes: WorkProcess[] }
export interface WorkProcess { id: string; code: string; title: Text; implies: Record<string, number>; official?: boolean; plain?: Text }
export interface Town { name: string; province: string; lat: number; lon: number }

/** A young person's profile (format `vaardig.profile`, version 1). Unknown fields are refused. */
export interface Profile {
  format: "vaardig.profile";
  version: 1;
  id: string;
  claims?: Claim[];
  answered?: Answered;
  practical?: Practical;
  wishes?: Wishes;
  synthetic?: boolean;
}
export interface Claim { item: ItemRef; level: Level; evidence?: Evidence }
export interface Answered { certificates?: boolean; work_processes?: boolean; unsure?: ItemRef[] }
/** Missing means not answered (unknown), never "no limit". */
export interface Practical {
  max_hours_per_week?: number;
  shifts?: Shift[];
  home_town?: string;
  max_travel_km?: number;
  transport?: string;
  available_from?: DateString;
}
export interface Wishes { sectors?: string[]; routes?: RouteType[]; hours_per_week?: number }

/** A vacancy or learning place. Unknown fields are refused. */
export interface Opening {
  id: string;
  title: string;
  employer?: string;
  route: RouteType;
  sector?: string;
  hours: Hours;
  place: string;
  shifts?: Shift[];
  start?: DateString;
  requirements: Requirement[];
  synthetic?: boolean;
}
export interface Hours { min: number; max: number }
export interface Requirement {
  item: ItemRef;
  importance: Importance;
  /** Default 2. */
  min_level?: Level;
  /** 1-100; default 3 for must, 1 for nice. */
  weight?: number;
  min_evidence?: Evidence;
}
/** An openings file (format `vaardig.openings`, version 1), as `vaardig demo` writes it. */
export interface OpeningSet { format: "vaardig.openings"; version: 1; synthetic?: boolean; openings: Opening[] }

/** Per-mille: `low` counts unknowns as 0, `high` as full credit. */
export interface Interval { low: number; high: number }
export type Route =
  | { route: "direct" }
  | { route: "work_process"; work_process: string }
  | { route: "certificate"; certificate: string }
  | { route: "related"; skill: string; strength: number }
  | { route: "not_listed" }
  | { route: "not_held" }
  | { route: "not_done" }
  | { route: "unknown" };
/** One requirement, scored; the contributions of all lines add up exactly to the score. */
export interface Line {
  item: ItemRef;
  kind: ItemKind;
  importance: Importance;
  weight: number;
  min_level: Level;
  min_evidence: Evidence | null;
  level: Level | null;
  evidence: Evidence | null;
  route: Route;
  capped: boolean;
  /** Per-mille; null when unknown. */
  credit: number | null;
  contribution: Interval;
}
export interface MustCount { total: number; met: number; unmet: number; unknown: number }
export interface SubScores {
  skills: Interval | null;
  soft_skills: Interval | null;
  certificates: Interval | null;
  work_processes: Interval | null;
}
export interface WishFit { sector: boolean | null; route: boolean | null; hours: boolean | null }
export type KnockOut =
  | { reason: "hours"; needed: number; available: number }
  | { reason: "travel"; km: number; max_km: number }
  | { reason: "shift"; shift: Shift }
  | { reason: "start"; start: DateString; available_from: DateString };
export type OpenQuestion = "hours" | "shifts" | "travel" | "start_date";
/** Everything about one profile against one opening. */
export interface Explanation {
  profile: string;
  opening: string;
  score: Interval;
  sub_scores: SubScores;
  musts: MustCount;
  lines: Line[];
  knock_outs: KnockOut[];
  open_practical: OpenQuestion[];
  wish_fit: WishFit;
}
/** `Matcher.score`: the numbers of an explanation without its lines. */
export interface ScoreSummary {
  profile: string;
  opening: string;
  /** Per-mille, unknowns as 0. */
  low: number;
  /** Per-mille, unknowns as full credit. */
  high: number;
  mustsTotal: number;
  mustsMet: number;
  mustsUnmet: number;
  mustsUnknown: number;
  knockedOut: boolean;
  /** Not knocked out and no unmet must-have: a match (unknown must-haves allowed). */
  isMatch: boolean;
  /** A match whose low bound is at least 500‰: what advice counts as "fits". */
  fits: boolean;
}
export interface Ranked {
  /** Position of the opening or profile in its pool. */
  index: number;
  explanation: Explanation;
}
export interface Ranking {
  /** Best first, at most `top`. */
  matches: Ranked[];
  /** The best `top` of the knocked-out ones, same order. */
  knocked_out: Ranked[];
  ranked_total: number;
  knocked_out_total: number;
}
export interface Hit {
  item: ItemRef;
  /** The label or search word that matched. */
  matched: string;
  lang: Lang;
  /** Similarity, per-mille (600-1000). */
  score: number;
}
export type Action =
  | { action: "get_certificate"; certificate: string }
  | { action: "do_work_process"; work_process: string }
  | { action: "raise_skill"; item: ItemRef; to: Level };
export interface Step { action: Action; effort_hours: number; opens: number; openings: string[] }
export interface Advice { fits_now: number; steps: Step[]; undecided: number; open_questions: number }
export type Status =
  | { status: "done"; evidence: Evidence }
  | { status: "ready" }
  | { status: "partly"; have: number; of: number }
  | { status: "not_yet" };
export interface ProcessStatus { work_process: string; code?: string; status: Status }
export type Ladder = "start" | "praktijkverklaring" | "core_task" | "diploma";
export interface Progress {
  qualification: string;
  level: number;
  done: number;
  ready: number;
  total: number;
  ladder: Ladder;
  processes: ProcessStatus[];
}
"#;

/// What [`Matcher::score`] returns: the numbers of an [`Explanation`] without its lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreSummary {
    /// Profile id.
    pub profile: String,
    /// Opening id.
    pub opening: String,
    /// Score with unknowns as 0, per-mille.
    pub low: u16,
    /// Score with unknowns as full credit, per-mille.
    pub high: u16,
    /// Must-haves asked.
    pub musts_total: u16,
    /// Must-haves met in full.
    pub musts_met: u16,
    /// Must-haves known and not met in full.
    pub musts_unmet: u16,
    /// Must-haves unknown.
    pub musts_unknown: u16,
    /// A practical knock-out applies.
    pub knocked_out: bool,
    /// [`Explanation::is_match`].
    pub is_match: bool,
    /// Whether it fits ([`crate::explain::fits`]).
    pub fits: bool,
}

impl ScoreSummary {
    /// The summary of an explanation.
    pub fn of(e: &Explanation) -> ScoreSummary {
        ScoreSummary {
            profile: e.profile.clone(),
            opening: e.opening.clone(),
            low: e.score.low,
            high: e.score.high,
            musts_total: e.musts.total,
            musts_met: e.musts.met,
            musts_unmet: e.musts.unmet,
            musts_unknown: e.musts.unknown,
            knocked_out: !e.knock_outs.is_empty(),
            is_match: e.is_match(),
            fits: e.fits(),
        }
    }
}

/// A JS `Error` with `message`.
fn error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

/// A [`FormatError`] for a JS caller: the field, not the line and column of text they never saw.
fn format_error(what: &str, e: FormatError) -> JsError {
    match e.field {
        Some(field) => error(format!("{what}: field `{field}`: {}", e.message)),
        None => error(format!("{what}: {}", e.message)),
    }
}

/// The message of a thrown JS value.
fn message_of(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => thrown.as_string().unwrap_or_else(|| "not JSON-compatible".into()),
    }
}

/// `JSON.stringify(value)`; `what` names the argument in the error.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    let text = js_sys::JSON::stringify(value).map_err(|e| error(format!("{what}: {}", message_of(&e))))?;
    JsValue::from(text).as_string().ok_or_else(|| {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        error(format!("{what}: expected a JSON-compatible value, found {kind}"))
    })
}

/// Writes `value` as a plain JS value through JSON (for crates that export more functions).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|e| error(message_of(&e)))
}

/// A list of profiles, read under one key so a serde error names `profiles[i]…`.
#[derive(Deserialize)]
struct People {
    profiles: Vec<Profile>,
}

/// A taxonomy with an optional pool of openings and an optional pool of people, for JavaScript.
#[wasm_bindgen]
pub struct Matcher {
    taxonomy: Taxonomy,
    openings: Option<OpeningPool>,
    people: Option<PeoplePool>,
}

/// The Rust side: for crates that build pools without going through JSON (`vaardig-js`).
impl Matcher {
    /// A matcher over a checked taxonomy, with no pools.
    pub fn from_taxonomy(taxonomy: Taxonomy) -> Matcher {
        Matcher { taxonomy, openings: None, people: None }
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// Replaces the openings pool (check the openings first: see [`Opening::check`]).
    pub fn set_opening_pool(&mut self, openings: Vec<Opening>) {
        self.openings = Some(OpeningPool::new(&self.taxonomy, openings));
    }

    /// Replaces the people pool (check the profiles first: see [`Profile::check`]).
    pub fn set_people_pool(&mut self, profiles: Vec<Profile>) {
        self.people = Some(PeoplePool::new(&self.taxonomy, profiles));
    }

    fn profile(&self, value: &JsValue) -> Result<Profile, JsError> {
        let json = json_text(value, "profile")?;
        format::parse_profile(&json, &self.taxonomy).map_err(|e| format_error("profile", e))
    }

    fn opening(&self, value: &JsValue) -> Result<Opening, JsError> {
        let json = json_text(value, "opening")?;
        format::parse_opening(&json, &self.taxonomy).map_err(|e| format_error("opening", e))
    }

    fn opening_pool(&self, what: &str) -> Result<&OpeningPool, JsError> {
        self.openings.as_ref().ok_or_else(|| error(format!("{what} needs openings: call setOpenings first")))
    }
}

#[wasm_bindgen]
impl Matcher {
    /// Checks a taxonomy (the object of `taxonomy.json`, or its JSON text) and builds its indices.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TaxonomyData | string")] taxonomy: &JsValue,
    ) -> Result<Matcher, JsError> {
        let json = match taxonomy.as_string() {
            Some(text) => text,
            None => json_text(taxonomy, "taxonomy")?,
        };
        let taxonomy = Taxonomy::from_json(&json).map_err(|e| error(e.to_string().trim_end()))?;
        Ok(Matcher::from_taxonomy(taxonomy))
    }

    /// Skills, soft skills and certificates for what was typed, best first, typos and all.
    #[wasm_bindgen(unchecked_return_type = "Hit[]")]
    pub fn lookup(&self, query: &str, limit: u32) -> Result<JsValue, JsError> {
        to_js(&crate::lookup(&self.taxonomy, query, limit as usize))
    }

    /// One profile against one opening, line by line; the lines add up to the score exactly.
    #[wasm_bindgen(unchecked_return_type = "Explanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Opening")] opening: &JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&crate::explain(&self.taxonomy, &self.profile(profile)?, &self.opening(opening)?))
    }

    /// The numbers of `explain` without the lines: score interval, must-haves, whether it fits.
    #[wasm_bindgen(unchecked_return_type = "ScoreSummary")]
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Opening")] opening: &JsValue,
    ) -> Result<JsValue, JsError> {
        let explanation = crate::explain(&self.taxonomy, &self.profile(profile)?, &self.opening(opening)?);
        to_js(&ScoreSummary::of(&explanation))
    }

    /// Replaces the openings pool (an array, or an openings file); returns how many it holds.
    /// Every opening is checked against the taxonomy, and ids must be unique.
    #[wasm_bindgen(js_name = setOpenings)]
    pub fn set_openings(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Opening[] | OpeningSet")] openings: &JsValue,
    ) -> Result<usize, JsError> {
        let json = json_text(openings, "openings")?;
        let json = if js_sys::Array::is_array(openings) {
            format!("{{\"format\":\"{OPENINGS_FORMAT}\",\"version\":{FORMAT_VERSION},\"openings\":{json}}}")
        } else {
            json
        };
        let set = format::parse_openings(&json, &self.taxonomy).map_err(|e| format_error("openings", e))?;
        let count = set.openings.len();
        self.set_opening_pool(set.openings);
        Ok(count)
    }

    /// Ranks the openings pool for one person: matches and near matches, then knock-outs.
    #[wasm_bindgen(js_name = rankOpenings, unchecked_return_type = "Ranking")]
    pub fn rank_openings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: &JsValue,
        top: u32,
        #[wasm_bindgen(js_name = includeKnockedOut)] include_knocked_out: Option<bool>,
    ) -> Result<JsValue, JsError> {
        let pool = self.opening_pool("rankOpenings")?;
        let profile = self.profile(profile)?;
        let options = options(top, pool.len(), include_knocked_out);
        to_js(&pool.rank(&self.taxonomy, &profile, options))
    }

    /// Replaces the people pool; returns how many it holds. Every profile is checked against the
    /// taxonomy, and ids must be unique.
    #[wasm_bindgen(js_name = setPeople)]
    pub fn set_people(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Profile[]")] profiles: &JsValue,
    ) -> Result<usize, JsError> {
        let json = format!("{{\"profiles\":{}}}", json_text(profiles, "profiles")?);
        let People { profiles } =
            serde_json::from_str(&json).map_err(|e| format_error("profiles", FormatError::from_json(e, &json)))?;
        let mut seen = std::collections::BTreeSet::new();
        for (i, profile) in profiles.iter().enumerate() {
            let problem = if profile.format != PROFILE_FORMAT {
                Some(("format".into(), format!("expected format {PROFILE_FORMAT:?}, found {:?}", profile.format)))
            } else if profile.version != FORMAT_VERSION {
                Some((
                    "version".into(),
                    format!("version {} is not supported; this build reads version {FORMAT_VERSION}", profile.version),
                ))
            } else if !seen.insert(profile.id.as_str()) {
                Some(("id".into(), format!("profile id {:?} is used twice", profile.id)))
            } else {
                profile.check(&self.taxonomy)
            };
            if let Some((field, message)) = problem {
                return Err(error(format!("profiles: field `profiles[{i}].{field}`: {message}")));
            }
        }
        let count = profiles.len();
        self.set_people_pool(profiles);
        Ok(count)
    }

    /// Ranks the people pool for one opening (the employer's and the jobhunter's view).
    #[wasm_bindgen(js_name = rankPeople, unchecked_return_type = "Ranking")]
    pub fn rank_people(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Opening")] opening: &JsValue,
        top: u32,
        #[wasm_bindgen(js_name = includeKnockedOut)] include_knocked_out: Option<bool>,
    ) -> Result<JsValue, JsError> {
        let pool = self.people.as_ref().ok_or_else(|| error("rankPeople needs people: call setPeople first"))?;
        let opening = self.opening(opening)?;
        let options = options(top, pool.profiles().len(), include_knocked_out);
        to_js(&pool.rank(&self.taxonomy, &opening, options))
    }

    /// Next steps over the openings pool: which one action makes the most openings fit per hour.
    #[wasm_bindgen(unchecked_return_type = "Advice")]
    pub fn advise(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: &JsValue,
        #[wasm_bindgen(js_name = maxSteps)] max_steps: u32,
    ) -> Result<JsValue, JsError> {
        let pool = self.opening_pool("advise")?;
        let profile = self.profile(profile)?;
        to_js(&crate::advise(&self.taxonomy, &profile, pool, max_steps as usize))
    }

    /// The qualification ladder: progress on every qualification the person has started.
    #[wasm_bindgen(unchecked_return_type = "Progress[]")]
    pub fn progress(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile")] profile: &JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&crate::progress(&self.taxonomy, &self.profile(profile)?))
    }

    /// Openings in the pool (0 before `setOpenings`).
    #[wasm_bindgen(getter, js_name = openingCount)]
    pub fn opening_count(&self) -> usize {
        self.openings.as_ref().map_or(0, OpeningPool::len)
    }

    /// Profiles in the pool (0 before `setPeople`).
    #[wasm_bindgen(getter, js_name = peopleCount)]
    pub fn people_count(&self) -> usize {
        self.people.as_ref().map_or(0, |p| p.profiles().len())
    }
}

/// Rank options; `top` is capped at the pool size, which gives the same ranking and keeps a
/// careless `top` (say -1, which arrives as 4294967295) from reserving memory for it.
fn options(top: u32, pool_len: usize, include_knocked_out: Option<bool>) -> RankOptions {
    RankOptions { top: (top as usize).min(pool_len), include_knocked_out: include_knocked_out.unwrap_or(false) }
}
