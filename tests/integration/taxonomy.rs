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
    // A qualification may have no work processes: where no source gives the dossier's, we add
    // none rather than invent them (SOURCES.md). Enough have our own for the app's checklist.
    assert!(d.qualifications.iter().filter(|q| !q.core_tasks.is_empty()).count() >= 15);
    for q in &d.qualifications {
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

/// `data/taxonomy/SOURCES.md`, where every source key used in the data is listed.
fn sources_md() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/taxonomy/SOURCES.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether SOURCES.md has a table row for `key` (`| C1 | …`).
fn listed(md: &str, key: &str) -> bool {
    md.lines().any(|l| {
        l.trim_start().strip_prefix('|').is_some_and(|rest| rest.trim_start().starts_with(&format!("{key} |")))
    })
}

#[test]
fn every_qualification_has_a_level_a_crebo_and_a_source() {
    let d = taxonomy().data();
    let md = sources_md();
    for q in &d.qualifications {
        assert!((1..=4).contains(&q.level), "{}: level {}", q.id, q.level);
        assert!(q.crebo.len() == 5 && q.crebo.bytes().all(|b| b.is_ascii_digit()), "{}: crebo {:?}", q.id, q.crebo);
        assert!(!q.sources.is_empty(), "{} names no source", q.id);
        for key in &q.sources {
            assert!(listed(&md, key), "{}: source {key} is not listed in SOURCES.md", q.id);
        }
        assert!(!q.cohort.is_empty(), "{}: which version of the structure?", q.id);
    }
    let crebos: BTreeSet<_> = d.qualifications.iter().map(|q| &q.crebo).collect();
    assert_eq!(crebos.len(), d.qualifications.len(), "a crebo number names one qualification");
    // The counts: every Entree profile of the 2015 list, at least 35 mbo-2 qualifications.
    assert_eq!(d.qualifications.iter().filter(|q| q.level == 1).count(), 9, "Entree profiles");
    assert!(d.qualifications.iter().filter(|q| q.level == 2).count() >= 35);
}

#[test]
fn names_that_do_not_exist_in_sbbs_list_are_gone() {
    // A jobhunter found these names are not SBB's as written; without a source for the right
    // name they are left out rather than guessed (SOURCES.md).
    let d = taxonomy().data();
    for wrong in
        ["Verkoopmedewerker", "Schoonmaakspecialist", "Medewerker ICT support", "Productiemedewerker voedingsindustrie"]
    {
        assert!(d.qualifications.iter().all(|q| q.name.nl != wrong), "{wrong} is back");
    }
}

#[test]
fn certificate_facts_name_their_sources_and_the_known_wrong_notes_are_fixed() {
    let d = taxonomy().data();
    let md = sources_md();
    for c in &d.certificates {
        for key in &c.sources {
            assert!(listed(&md, key), "{}: source {key} is not listed in SOURCES.md", c.id);
        }
        let facts = c.valid_years.is_some() || c.min_age.is_some() || c.by_law.is_some() || c.read_aloud.is_some();
        assert!(!facts || !c.sources.is_empty(), "{}: facts without a source", c.id);
        assert!(c.by_law != Some(true) || !c.law.is_empty(), "{}: required by law, but which law?", c.id);
    }
    let cert = |id: &str| taxonomy().certificate(id).unwrap_or_else(|| panic!("{id}"));
    let forklift = cert("cert.heftruck");
    assert_eq!((forklift.by_law, forklift.min_age), (Some(false), Some(18)), "not a legal duty; 18+");
    assert!(forklift.note.nl.contains("16 of 17"), "16-17 only under supervision is said");
    assert_eq!(cert("cert.ehbo_kinderen").by_law, Some(true), "a legal duty in childcare since 2018");
    assert!(cert("cert.ehbo_kinderen").law.contains("2018"));
    assert_eq!(cert("cert.haccp").by_law, Some(false), "a HACCP certificate is not mandatory");
    assert!(cert("cert.code95").note.nl.contains("basiskwalificatie"), "the starter's route, not only the refresher");
    assert!(!cert("cert.bhv").note.nl.contains("elk jaar"), "a yearly repeat is practice, not law");
    assert_eq!(cert("cert.vca_basis").read_aloud, Some(true));
}

#[test]
fn certificates_imply_real_skills() {
    let t = taxonomy();
    let forklift = t.certificate("cert.heftruck").expect("forklift certificate");
    assert_eq!(forklift.implies.get("log.heftruck_rijden"), Some(&2));
    for c in &t.data().certificates {
        for skill in c.implies.keys() {
            assert!(t.contains(&matching_core::ItemRef::Skill(skill.clone())), "{}: implies unknown {skill}", c.id);
        }
    }
}

#[test]
fn new_sectors_have_skills_young_people_can_find_by_their_own_words() {
    let d = taxonomy().data();
    assert!(d.sectors.iter().any(|s| s.id == "uit"), "hair and beauty");
    assert!(d.skills.iter().filter(|s| s.sector == "uit").count() >= 8);
}

#[test]
fn every_shown_work_process_code_is_official_with_a_source_or_not_shown_at_all() {
    let t = taxonomy();
    let profile = matching_core::Profile::new("codes");
    for q in &t.data().qualifications {
        for task in &q.core_tasks {
            if task.shown_code().is_some() {
                assert!(task.work_processes.iter().all(|w| w.official), "{}: core task code shown", q.id);
            }
            for wp in &task.work_processes {
                let item = matching_core::ItemRef::WorkProcess(wp.id.clone());
                for lang in [matching_core::Lang::Nl, matching_core::Lang::En] {
                    let name = t.name(&item, lang);
                    match wp.shown_code() {
                        Some(code) => {
                            assert!(wp.official && q.source == Source::Dossier && !q.sources.is_empty(), "{}", wp.id);
                            assert!(name.contains(code));
                        }
                        None => assert!(!name.contains(&wp.code), "{}: our code {} shown in {name:?}", wp.id, wp.code),
                    }
                }
            }
        }
        // The ladder (progress, also exported as JSON) carries only shown codes.
        for p in matching_core::progress(t, &profile) {
            for s in &p.processes {
                let (_, wp) = t.work_process(&s.work_process).expect("known process");
                assert_eq!(s.code.as_deref(), wp.shown_code(), "{}", wp.id);
            }
        }
    }
}

#[test]
fn the_renderers_read_a_work_process_code_only_through_shown_code() {
    // Every place that shows a code (app, work app, trainer page, CLI, server answers, JS) reads it
    // through `WorkProcess::shown_code`; only the model itself, the packed format and the
    // validation touch the field.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let allowed = ["matching-core/src/taxonomy.rs", "matching-core/src/packed.rs", "matching-core/src/validate.rs"];
    let mut files = Vec::new();
    for dir in ["web/src", "cli/src", "demo/src", "server/src", "matching-core/src", "js/src"] {
        collect_rs(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the scan found only {} files", files.len());
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).expect("under the root").to_string_lossy().replace('\\', "/");
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            for var in ["wp", "w", "t", "task", "p", "process"] {
                let needle = format!("{var}.code");
                let mut at = 0;
                while let Some(i) = line[at..].find(&needle) {
                    let start = at + i;
                    let end = start + needle.len();
                    let before_ok = start == 0
                        || !line.as_bytes()[start - 1].is_ascii_alphanumeric()
                            && line.as_bytes()[start - 1] != b'_'
                            && line.as_bytes()[start - 1] != b'.';
                    let after = line[end..].chars().next();
                    // `e.code`, `p.code()` (a method) and longer names are not the field.
                    let field = after.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '(');
                    if before_ok && field && !line.contains("ProcessView") && !line.contains("p.code.as_ref()") {
                        found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                    }
                    at = end;
                }
            }
        }
    }
    assert!(found.is_empty(), "codes read past shown_code:\n{}", found.join("\n"));
}

fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
