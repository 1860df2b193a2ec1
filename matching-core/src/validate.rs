//! Checks on taxonomy data that serde cannot express: both languages filled, no empty text,
//! four level descriptions, known sectors, well-formed codes and levels.

use crate::model::Text;
use crate::taxonomy::{Labels, TaxonomyData};

/// Returns one line per problem; empty when the data holds together (references are checked
/// while the indices are built).
pub(crate) fn check(data: &TaxonomyData) -> Vec<String> {
    let mut problems = Vec::new();
    let mut text = |what: &str, t: &Text| {
        if t.nl.trim().is_empty() || t.en.trim().is_empty() {
            problems.push(format!("{what}: a text is empty in nl or en"));
        }
    };
    for s in &data.sectors {
        text(&format!("sector {:?}", s.id), &s.label);
    }
    for s in &data.soft_skills {
        let what = format!("soft skill {:?}", s.id);
        text(&what, &s.label);
        s.questions.iter().for_each(|q| text(&what, q));
        s.levels.iter().for_each(|l| text(&what, l));
    }
    for c in &data.certificates {
        text(&format!("certificate {:?}", c.id), &c.label);
        text(&format!("certificate {:?}", c.id), &c.note);
    }
    for q in &data.qualifications {
        let what = format!("qualification {:?}", q.id);
        text(&what, &q.name);
        for t in &q.core_tasks {
            text(&what, &t.title);
            t.work_processes.iter().for_each(|w| text(&what, &w.title));
        }
    }
    let sector_known = |id: &str| data.sectors.iter().any(|s| s.id == id);
    let mut labels = |what: &str, l: &Labels, required: bool| {
        if required && (l.nl.is_empty() || l.en.is_empty()) {
            problems.push(format!("{what}: needs at least one label in nl and in en"));
        }
        if l.nl.iter().chain(&l.en).any(|t| t.trim().is_empty()) {
            problems.push(format!("{what}: an empty label or search word"));
        }
    };
    for s in &data.skills {
        labels(&format!("skill {:?}", s.id), &s.labels, true);
        labels(&format!("skill {:?}", s.id), &s.syn, false);
    }
    for c in &data.certificates {
        labels(&format!("certificate {:?}", c.id), &c.syn, false);
    }
    for s in &data.skills {
        if !sector_known(&s.sector) || !s.id.starts_with(&format!("{}.", s.sector)) {
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
    }
    for q in &data.qualifications {
        if !sector_known(&q.sector) || !(1..=4).contains(&q.level) || !q.id.starts_with("q.") {
            problems.push(format!("qualification {:?}: unknown sector, level outside 1-4 or id without q.", q.id));
        }
        let crebo_ok = q.crebo.is_empty() || (q.crebo.len() == 5 && q.crebo.bytes().all(|b| b.is_ascii_digit()));
        if !crebo_ok {
            problems.push(format!("qualification {:?}: a crebo number has five digits", q.id));
        }
        for t in &q.core_tasks {
            for w in &t.work_processes {
                if !w.code.starts_with(&format!("{}-W", t.code)) {
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
