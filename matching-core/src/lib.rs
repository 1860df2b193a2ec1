//! # matching-core
//!
//! Vaardig's matching library: it scores young people against openings (vacancies, development
//! jobs, placements, BBL places) on hard skills, soft skills, certificates and work processes, and
//! explains every score line by line. It is pure — no IO, clock, randomness or threads — so the
//! same code gives the same bits natively and in WebAssembly.
//!
//! The pieces, in the order data flows through them:
//! - [`Taxonomy`] checks the taxonomy data and builds the indices;
//! - [`Profile`] and [`Opening`] are the versioned JSON formats ([`format`] reads them with
//!   line/column/field errors);
//! - [`explain`] scores one profile against one opening ([`Explanation`]: the lines *are* the score);
//! - [`OpeningPool`] and [`PeoplePool`] rank in both directions with top-k;
//! - [`advise`] finds the next small step; [`progress`] shows the qualification ladder;
//! - [`lookup`] finds skills while typing, typos and all; [`text`] puts results in plain words.
//!
//! ```
//! use matching_core::{explain, Evidence, Importance, ItemRef, Level, Opening, Profile, Requirement, Taxonomy};
//!
//! let taxonomy = Taxonomy::from_json(r#"{
//!   "sectors": [{"id": "log", "icon": "package", "label": {"nl": "Logistiek", "en": "Logistics"}}],
//!   "skills": [{"id": "log.orderpicken", "sector": "log",
//!               "labels": {"nl": ["orderpicken"], "en": ["order picking"]},
//!               "syn": {"nl": [], "en": []}, "related": {}}],
//!   "soft_skills": [], "certificates": [], "qualifications": [], "towns": []
//! }"#).unwrap();
//!
//! let profile = Profile::new("p-1").with_claim(
//!     ItemRef::Skill("log.orderpicken".into()), Level::ON_MY_OWN, Evidence::Coach);
//! let opening: Opening = serde_json::from_str(r#"{
//!   "id": "o-1", "title": "Orderpicker", "route": "ontwikkelbaan",
//!   "hours": {"min": 24, "max": 28}, "place": "Tilburg",
//!   "requirements": [{"item": {"skill": "log.orderpicken"}, "importance": "must"}]
//! }"#).unwrap();
//!
//! let explanation = explain(&taxonomy, &profile, &opening);
//! assert_eq!(explanation.score.low, 1000);
//! assert_eq!(explanation.musts.met, 1);
//! let total: u16 = explanation.lines.iter().map(|l| l.contribution.low).sum();
//! assert_eq!(total, explanation.score.low);
//! # let _ = (Importance::Must, Requirement::new(ItemRef::Skill("x".into()), Importance::Nice));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod advice;
mod date;
mod error;
mod explain;
pub mod format;
#[cfg(feature = "js")]
pub mod js;
pub mod link;
mod lookup;
mod model;
mod opening;
pub mod packed;
mod practical;
mod profile;
pub mod progress;
mod rank;
mod score;
pub mod sort;
mod taxonomy;
pub mod text;
mod validate;

pub use advice::{advise, Action, Advice, Step};
pub use date::Date;
pub use error::{FormatError, TaxonomyError};
pub use explain::{fits, Explanation, Interval, Line, MustCount, Relevance, Route, SubScores, WishFit, FIT_THRESHOLD};
pub use lookup::{good_matches, lookup, normalize, Hit, GOOD_MATCH, GOOD_MATCH_MARGIN, MIN_SIMILARITY};
pub use model::{Evidence, Importance, ItemKind, ItemRef, Lang, Level, RouteType, Shift, Text};
pub use opening::{
    Hours, KindWeights, Opening, OpeningSet, Requirement, DEFAULT_MIN_LEVEL, DEFAULT_MUST_WEIGHT, DEFAULT_NICE_WEIGHT,
    MAX_WEIGHT, WEIGHT_PERCENT,
};
pub use practical::{KnockOut, OpenQuestion, ROAD_FACTOR, START_GRACE_DAYS};
pub use profile::{Answered, Claim, Parts, Practical, Profile, Wishes};
pub use progress::{progress, readiness, Ladder, ProcessStatus, Progress, Status};
pub use rank::{OpeningPool, PeoplePool, RankOptions, Ranked, Ranking, Reach, Summary};
pub use score::{explain, Person, EVIDENCE_CAP, FULL};
pub use taxonomy::{
    Certificate, CoreTask, Labels, Qualification, Sector, Skill, SoftSkill, Source, Taxonomy, TaxonomyData, Town,
    WorkProcess,
};
