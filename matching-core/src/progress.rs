//! Readiness per work process and progress per qualification: how far a person is on the way to
//! the official steps praktijkverklaring → mbo-certificaat → mbo diploma, "7 of 12 work processes
//! of Logistiek medewerker". Only a school issues those papers; the ladder is our estimate.

use crate::model::{Evidence, ItemRef};
use crate::profile::Profile;
use crate::score::{evaluate, CompiledRequirement, Person, FULL};
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

/// Where a work process stands for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Done, with this evidence.
    Done {
        /// Who says so.
        evidence: Evidence,
    },
    /// Not done, but every skill it shows is there at the level: ready to do it at work.
    Ready,
    /// Some of its skills are there.
    Partly {
        /// Skills there at the level.
        have: u16,
        /// Skills it shows.
        of: u16,
    },
    /// None of its skills yet.
    NotYet,
}

/// One work process and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcessStatus {
    /// Work process id.
    pub work_process: String,
    /// The dossier's code, only for an official process (`WorkProcess::shown_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Where it stands.
    pub status: Status,
}

/// The step on the ladder a person has reached for a qualification. These thresholds are ours
/// (ARCHITECTURE.md, "Ladder (ours)"): one process attested at work is on the way to a
/// praktijkverklaring, a whole core task attested at work is a step we name ourselves (no official
/// paper: an mbo-certificaat needs a school's exam), every process formally shown is the diploma.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Ladder {
    /// Nothing attested yet.
    Start,
    /// At least one work process attested at work: on the way to a praktijkverklaring, which a
    /// school issues with a recognised learning company.
    Praktijkverklaring,
    /// Every work process of at least one core task attested at work (ours, not an official paper).
    CoreTask,
    /// Every work process formally shown: the mbo certificate or diploma.
    Diploma,
}

/// Progress towards one qualification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    /// Qualification id.
    pub qualification: String,
    /// mbo level (1 is Entree).
    pub level: u8,
    /// Work processes done.
    pub done: u16,
    /// Not done but ready.
    pub ready: u16,
    /// Work processes in the qualification.
    pub total: u16,
    /// Ladder step reached.
    pub ladder: Ladder,
    /// Every work process and where it stands.
    pub processes: Vec<ProcessStatus>,
}

/// Progress on every qualification the person has started or is ready for part of, most
/// advanced first (done, then ready, then id).
pub fn progress(taxonomy: &Taxonomy, profile: &Profile) -> Vec<Progress> {
    let person = Person::new(taxonomy, profile);
    let mut all: Vec<Progress> = taxonomy
        .data()
        .qualifications
        .iter()
        .map(|q| qualification_progress(taxonomy, &person, profile, q))
        .filter(|p| p.done + p.ready > 0 || p.processes.iter().any(|s| matches!(s.status, Status::Partly { .. })))
        .collect();
    crate::sort::sort_by(&mut all, |a, b| {
        b.done.cmp(&a.done).then(b.ready.cmp(&a.ready)).then(a.qualification.cmp(&b.qualification))
    });
    all
}

fn qualification_progress(
    taxonomy: &Taxonomy,
    person: &Person,
    profile: &Profile,
    q: &crate::taxonomy::Qualification,
) -> Progress {
    let mut processes = Vec::new();
    let mut ladder = Ladder::Start;
    let mut any_task_attested = false;
    let mut all_formal = true;
    for task in &q.core_tasks {
        let mut task_attested = true;
        for wp in &task.work_processes {
            let status = status_of(taxonomy, person, profile, &wp.id);
            let evidence = match status {
                Status::Done { evidence } => Some(evidence),
                _ => None,
            };
            if evidence.is_some_and(|e| e >= Evidence::Practice) {
                ladder = ladder.max(Ladder::Praktijkverklaring);
            } else {
                task_attested = false;
            }
            all_formal &= evidence == Some(Evidence::Formal);
            processes.push(ProcessStatus {
                work_process: wp.id.clone(),
                code: wp.shown_code().map(str::to_string),
                status,
            });
        }
        any_task_attested |= task_attested && !task.work_processes.is_empty();
    }
    if any_task_attested {
        ladder = ladder.max(Ladder::CoreTask);
    }
    if all_formal && !processes.is_empty() {
        ladder = Ladder::Diploma;
    }
    let count = |f: fn(&Status) -> bool| processes.iter().filter(|p| f(&p.status)).count() as u16;
    Progress {
        qualification: q.id.clone(),
        level: q.level,
        done: count(|s| matches!(s, Status::Done { .. })),
        ready: count(|s| matches!(s, Status::Ready)),
        total: processes.len() as u16,
        ladder,
        processes,
    }
}

/// Readiness of one work process: done (with evidence), or how many of its skills are there.
pub fn readiness(taxonomy: &Taxonomy, profile: &Profile, work_process: &str) -> Option<Status> {
    taxonomy.work_process(work_process)?;
    Some(status_of(taxonomy, &Person::new(taxonomy, profile), profile, work_process))
}

fn status_of(taxonomy: &Taxonomy, person: &Person, profile: &Profile, work_process: &str) -> Status {
    let item = ItemRef::WorkProcess(work_process.to_string());
    if let Some(evidence) = profile.claims.iter().filter(|c| c.item == item).map(|c| c.evidence).max() {
        return Status::Done { evidence };
    }
    let Some(idx) = taxonomy.index_of(&item) else { return Status::NotYet };
    let implied = &taxonomy.implies[idx as usize];
    let have = implied
        .iter()
        .filter(|&&(skill, level)| {
            let req = CompiledRequirement {
                item: skill,
                kind: taxonomy.items[skill as usize].kind,
                must: true,
                min_level: level,
                weight: 1,
                min_evidence: None,
            };
            evaluate(person, &req).credit == Some(FULL)
        })
        .count() as u16;
    match (have, implied.len() as u16) {
        (0, _) => Status::NotYet,
        (have, of) if have == of => Status::Ready,
        (have, of) => Status::Partly { have, of },
    }
}
