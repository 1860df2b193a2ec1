//! The embedded taxonomy holds together and is as rich as the product needs.

use matching_core::{Source, Taxonomy};
use std::collections::BTreeSet;

fn taxonomy() -> &'static Taxonomy {
    vaardig_taxonomy::embedded()
}

#[test]
fn every_file_parses_and_every_reference_resolves() {
    // Taxonomy::new checks unique ids, references, nl+en texts and levels; this must not fail.
    let data = vaardig_taxonomy::data().expect("every file parses");
    if let Err(e) = Taxonomy::new(data) {
        panic!("{e}");
    }
}

#[test]
fn ids_are_unique_across_every_kind() {
    let d = taxonomy().data();
    let mut ids = BTreeSet::new();
    let wps = d.qualifications.iter().flat_map(|q| q.core_tasks.iter().flat_map(|t| &t.work_processes));
    let all = d
        .skills
        .iter()
        .map(|s| &s.id)
        .chain(d.soft_skills.iter().map(|s| &s.id))
        .chain(d.certificates.iter().map(|c| &c.id))
        .chain(d.qualifications.iter().map(|q| &q.id))
        .chain(wps.map(|w| &w.id));
    for id in all {
        assert!(ids.insert(id.clone()), "{id} is used twice");
    }
}

#[test]
fn soft_skills_are_behaviours_with_questions_and_four_levels() {
    let d = taxonomy().data();
    assert!(d.soft_skills.len() >= 25, "{} soft skills", d.soft_skills.len());
    for s in &d.soft_skills {
        assert!(s.questions.len() >= 2, "{}", s.id);
        assert_eq!(s.levels.len(), 4, "{}", s.id);
        assert!(!s.icon.is_empty());
    }
    for needed in ["soft.aanwezig", "soft.op_tijd", "soft.durven_vragen"] {
        assert!(d.soft_skills.iter().any(|s| s.id == needed), "work attitude {needed} is missing");
    }
}

/// Soft-skill questions are situations with concrete answers (issue 14): a situation first, then
/// the question; never "how does that go?"; level 4 is being very good at it, not teaching others;
/// and nothing about private life, because a profile can be shared with employers.
#[test]
fn soft_skill_questions_are_work_situations_and_level_4_is_being_very_good() {
    let private = ["thuis", "ouders", "familie", "gezin", "relatie", "schulden", "verslaving", "politie"];
    for s in &taxonomy().data().soft_skills {
        for q in &s.questions {
            let (nl, en) = (q.nl.to_lowercase(), q.en.to_lowercase());
            assert!(!nl.contains("hoe gaat") && !nl.contains("hoe ga je"), "{}: asks for a judgement: {}", s.id, q.nl);
            assert!(
                !en.contains("how does") && !en.contains("how do you handle"),
                "{}: asks for a judgement: {}",
                s.id,
                q.en
            );
            for text in [&q.nl, &q.en] {
                let sentences = text.split_inclusive(['.', '?']).filter(|p| !p.trim().is_empty()).count();
                assert!(sentences >= 2 && text.ends_with('?'), "{}: a situation, then a question: {text}", s.id);
            }
            for word in private {
                assert!(
                    !nl.split(|c: char| !c.is_alphanumeric()).any(|w| w == word),
                    "{}: private life: {}",
                    s.id,
                    q.nl
                );
            }
        }
        let top = &s.levels[3];
        let (nl, en) = (top.nl.to_lowercase(), top.en.to_lowercase());
        for (text, words) in [(&nl, ["anderen", "uitleg", "leer collega"]), (&en, ["others", "teach", "explain"])] {
            assert!(
                !words.iter().any(|w| text.contains(w)),
                "{}: level 4 is being very good, not teaching: {text}",
                s.id
            );
        }
    }
}

#[test]
fn hard_skills_cover_the_sectors_young_people_enter() {
    let d = taxonomy().data();
    assert!(d.skills.len() >= 400, "{} skills", d.skills.len());
    let sectors: BTreeSet<&str> = d.skills.iter().map(|s| s.sector.as_str()).collect();
    assert!(sectors.len() >= 12, "{} sectors", sectors.len());
    let n = d.skills.len() as f64;
    let nl = d.skills.iter().map(|s| s.labels.nl.len()).sum::<usize>() as f64 / n;
    let en = d.skills.iter().map(|s| s.labels.en.len()).sum::<usize>() as f64 / n;
    assert!(nl >= 1.5 && en >= 1.5, "labels per skill: nl {nl:.2}, en {en:.2}");
    assert!(d.skills.iter().filter(|s| !s.related.is_empty()).count() * 2 > d.skills.len(), "most skills relate");
}

#[test]
fn certificates_have_a_course_length() {
    let d = taxonomy().data();
    assert!(d.certificates.len() >= 25);
    assert!(d.certificates.iter().all(|c| c.hours > 0));
}

#[test]
fn qualifications_have_work_processes_that_imply_skills() {
    let d = taxonomy().data();
    assert!(d.qualifications.len() >= 15, "{} qualifications", d.qualifications.len());
    assert!(d.qualifications.iter().any(|q| q.level == 1), "an entree qualification");
    assert!(d.qualifications.iter().any(|q| q.level == 2), "an mbo-2 qualification");
    assert!(d.qualifications.iter().any(|q| q.source == Source::Dossier));
    for q in &d.qualifications {
        assert!(!q.core_tasks.is_empty(), "{}", q.id);
        for wp in q.core_tasks.iter().flat_map(|t| &t.work_processes) {
            assert!(wp.implies.len() >= 2, "{} implies {}", wp.id, wp.implies.len());
        }
    }
}

#[test]
fn no_text_is_empty_in_either_language() {
    let json = vaardig_taxonomy::compact_json();
    assert!(!json.contains("\"\"") || json.matches("\"\"").count() == json.matches("\"crebo\":\"\"").count());
}
