//! Checks on taxonomy data that serde cannot express: both languages filled, no empty text,
//! four level descriptions, known sectors, well-formed codes and levels, a plain line for every
//! official work process.

use crate::model::Text;
use crate::taxonomy::{Labels, TaxonomyData};

/// Whether any of the texts is empty in either language.
fn empty<'a>(mut texts: impl Iterator<Item = &'a Text>) -> bool {
    texts.any(|t| t.nl.trim().is_empty() || t.en.trim().is_empty())
}

/// Returns one line per problem; empty when the data holds together (references are checked
/// while the indices are built).
pub(crate) fn check(data: &TaxonomyData) -> Vec<String> {
    let mut problems = Vec::new();
    // Messages are only formatted for a problem: this runs on every phone at start-up.
    let mut text = |kind: &str, id: &str, any_empty: bool| {
        if any_empty {
            problems.push(format!("{kind} {id:?}: a text is empty in nl or en"));
        }
    };
    for s in &data.sectors {
        text("sector", &s.id, empty(std::iter::once(&s.label)));
    }
    for s in &data.soft_skills {
        text("soft skill", &s.id, empty(std::iter::once(&s.label).chain(&s.questions).chain(&s.levels)));
    }
    for c in &data.certificates {
        text("certificate", &c.id, empty([&c.label, &c.note].into_iter()));
    }
    for q in &data.qualifications {
        let tasks = q.core_tasks.iter().flat_map(|t| {
            std::iter::once(&t.title)
                .chain(t.work_processes.iter().flat_map(|w| [&w.title].into_iter().chain(&w.plain)))
        });
        text("qualification", &q.id, empty(std::iter::once(&q.name).chain(tasks)));
    }
    let sector_known = |id: &str| data.sectors.iter().any(|s| s.id == id);
    let mut labels = |kind: &str, id: &str, l: &Labels, required: bool| {
        if required && (l.nl.is_empty() || l.en.is_empty()) {
            problems.push(format!("{kind} {id:?}: needs at least one label in nl and in en"));
        }
        if l.nl.iter().chain(&l.en).any(|t| t.trim().is_empty()) {
            problems.push(format!("{kind} {id:?}: an empty label or search word"));
        }
    };
    for s in &data.skills {
        labels("skill", &s.id, &s.labels, true);
        labels("skill", &s.id, &s.syn, false);
    }
    for c in &data.certificates {
        labels("certificate", &c.id, &c.syn, false);
    }
    for s in &data.skills {
        let prefixed = s.id.strip_prefix(s.sector.as_str()).is_some_and(|rest| rest.starts_with('.'));
        if !sector_known(&s.sector) || !prefixed {
            problems.push(format!("skill {:?}: sector {:?} unknown or not the id's prefix", s.id, s.sector));
        }
        if s.related.values().any(|&v| !(v > 0.0 && v < 1.0)) {
            problems.push(format!("skill {:?}: related strengths must lie strictly between 0 and 1", s.id));
        }
        if s.esco.as_deref().is_some_and(|u| !u.starts_with("http://data.europa.eu/esco/skill/")) {
            problems.push(format!("skill {:?}: not an ESCO skill URI", s.id));
        }
    }
    for s in &data.soft_skills {
        if s.levels.len() != 4 {
            problems.push(format!("soft skill {:?}: needs exactly 4 level descriptions", s.id));
        }
        if !(2..=4).contains(&s.questions.len()) {
            problems.push(format!("soft skill {:?}: needs 2-4 questions", s.id));
        }
        if !s.id.starts_with("soft.") || s.icon.is_empty() {
            problems.push(format!("soft skill {:?}: id must start with soft. and an icon is needed", s.id));
        }
    }
    for c in &data.certificates {
        if !sector_known(&c.sector) || c.hours == 0 || !c.id.starts_with("cert.") {
            problems.push(format!("certificate {:?}: unknown sector, zero hours or id without cert.", c.id));
        }
        let facts = c.valid_years.is_some() || c.min_age.is_some() || c.by_law.is_some() || c.read_aloud.is_some();
        if facts && c.sources.iter().all(|k| k.trim().is_empty()) {
            problems.push(format!("certificate {:?}: facts without a source", c.id));
        }
    }
    for q in &data.qualifications {
        if !sector_known(&q.sector) || !(1..=4).contains(&q.level) || !q.id.starts_with("q.") {
            problems.push(format!("qualification {:?}: unknown sector, level outside 1-4 or id without q.", q.id));
        }
        let crebo_ok = q.crebo.is_empty() || (q.crebo.len() == 5 && q.crebo.bytes().all(|b| b.is_ascii_digit()));
        if !crebo_ok {
            problems.push(format!("qualification {:?}: a crebo number has five digits", q.id));
        }
        let sourced = !q.sources.is_empty() && q.sources.iter().all(|k| !k.trim().is_empty());
        if q.source == crate::taxonomy::Source::Dossier && !sourced {
            problems.push(format!("qualification {:?}: follows a dossier but names no source", q.id));
        }
        for t in &q.core_tasks {
            for w in &t.work_processes {
                if w.official && (q.source != crate::taxonomy::Source::Dossier || !sourced) {
                    problems.push(format!(
                        "work process {:?}: official, but its qualification does not follow a named dossier",
                        w.id
                    ));
                }
                if w.official && w.plain.is_none() {
                    problems.push(format!("work process {:?}: official, but without a plain B1 line", w.id));
                }
                if !w.code.strip_prefix(t.code.as_str()).is_some_and(|rest| rest.starts_with("-W")) {
                    problems.push(format!(
                        "work process {:?}: code {:?} is not under core task {:?}",
                        w.id, w.code, t.code
                    ));
                }
                if w.implies.len() < 2 {
                    problems.push(format!("work process {:?}: must imply at least 2 skills", w.id));
                }
            }
        }
    }
    problems
}
