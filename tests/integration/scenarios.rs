//! Scenarios written the way the seeds describe the people they protect.

use matching_core::{
    advise, explain, text, Action, Evidence, ItemRef, KnockOut, Lang, Level, OpeningPool, PeoplePool, RankOptions,
    Route, Taxonomy,
};
use vaardig_tests::*;

fn taxonomy() -> &'static Taxonomy {
    vaardig_taxonomy::embedded()
}

fn find<'a>(openings: &'a [matching_core::Opening], id: &str) -> &'a matching_core::Opening {
    openings.iter().find(|o| o.id == id).expect("scenario opening exists")
}

#[test]
fn a_young_person_who_can_work_20_hours_sees_a_24_hour_development_job_under_does_not_fit() {
    let t = taxonomy();
    let openings = openings(t);
    let pool = OpeningPool::new(t, openings.clone());
    let ranking = pool.rank(t, &sanne(), RankOptions::default());
    assert!(ranking.matches.iter().all(|r| r.explanation.opening != "ontwikkelbaan-magazijn"));
    let out = ranking.knocked_out.iter().find(|r| r.explanation.opening == "ontwikkelbaan-magazijn").expect("listed");
    assert_eq!(out.explanation.knock_outs, vec![KnockOut::Hours { needed: 24, available: 20 }]);
    assert_eq!(
        text::knock_out(&out.explanation.knock_outs[0], Lang::Nl),
        "Dit werk is minstens 24 uur per week. Jij kunt 20 uur."
    );
    // Her skills do fit: the score itself is not lowered by the knock-out.
    assert_eq!(out.explanation.score.low, out.explanation.score.high);
    assert!(out.explanation.musts.unmet == 0);
    // The 12-20 hour orderpicker job is a match for her.
    assert_eq!(ranking.matches[0].explanation.opening, "orderpicker-parttime");
    // A jobhunter may override the knock-out.
    let overridden = pool.rank(t, &sanne(), RankOptions { top: 10, include_knocked_out: true });
    assert!(overridden.matches.iter().any(|r| r.explanation.opening == "ontwikkelbaan-magazijn"));
}

#[test]
fn a_forklift_certificate_turns_a_near_match_into_a_match_and_is_the_top_advice() {
    let t = taxonomy();
    let openings = openings(t);
    let job = find(&openings, "heftruck-baan");
    let before = explain(t, &mo(), job);
    assert_eq!(
        (before.musts.met, before.musts.total, before.musts.unmet),
        (1, 2, 1),
        "a near match: 1 of 2 must-haves"
    );
    assert!(!before.is_match());
    let line = before.lines.iter().find(|l| l.item == cert("cert.heftruck")).expect("certificate line");
    assert_eq!(line.route, Route::NotHeld);

    let pool = OpeningPool::new(t, openings.clone());
    let advice = advise(t, &mo(), &pool, 3);
    let top = &advice.steps[0];
    assert_eq!(top.action, Action::GetCertificate { certificate: "cert.heftruck".into() });
    assert!(top.openings.contains(&"heftruck-baan".to_string()));
    let hours = t.certificate("cert.heftruck").expect("in the taxonomy").hours;
    assert_eq!(top.effort_hours, hours);
    assert!(text::step(t, top, Lang::Nl).starts_with("Haal Heftruckcertificaat"));

    let after = explain(t, &mo().with_claim(cert("cert.heftruck"), Level::CAN_TEACH, Evidence::Formal), job);
    assert!(after.is_match());
    assert_eq!(after.score.low, 1000);
}

#[test]
fn a_praktijkverklaring_with_work_processes_from_two_qualifications_satisfies_an_opening_asking_both() {
    let t = taxonomy();
    let openings = openings(t);
    let (a, b) = two_work_processes(t);
    let qa = t.work_process(a.id()).expect("known").0;
    let qb = t.work_process(b.id()).expect("known").0;
    assert_ne!(qa.id, qb.id, "two different qualifications");
    let e = explain(t, &amira(t), find(&openings, "praktijkroute"));
    assert_eq!(e.musts.met, 2);
    assert!(e.is_match());
    assert_eq!(e.score.low, 1000);
    // Each work process also shows the skills it implies, with the route named in the explanation.
    let implied = &t.work_process(a.id()).expect("known").1.implies;
    let (skill_id, _) = implied.iter().next().expect("implies skills");
    let probe = vaardig_tests::opening(
        "probe",
        "probe",
        matching_core::RouteType::Job,
        (16, 24),
        vec![req(
            if skill_id.starts_with("soft.") { soft(skill_id) } else { skill(skill_id) },
            matching_core::Importance::Must,
            1,
        )],
    );
    let via = explain(t, &amira(t), &probe);
    assert_eq!(via.lines[0].route, Route::WorkProcess { work_process: a.id().to_string() });
}

#[test]
fn unanswered_soft_skills_give_an_interval_not_a_zero() {
    let t = taxonomy();
    let openings = openings(t);
    let e = explain(t, &jay(), find(&openings, "orderpicker-parttime"));
    // Must: orderpicking ×3 (has it), nice: two soft skills ×1 each, unanswered.
    assert_eq!(e.score.low, 600);
    assert_eq!(e.score.high, 1000);
    assert_eq!(e.unknown_count(), 2);
    assert_eq!(e.score.percent(), "60-100%");
    assert!(text::summary(&e, Lang::Nl).contains("beantwoord nog 2 vragen"));
    assert!(e.lines.iter().filter(|l| l.kind == matching_core::ItemKind::SoftSkill).all(|l| l.route == Route::Unknown));
}

#[test]
fn why_this_one_is_said_in_words_before_any_number() {
    let t = taxonomy();
    let openings = openings(t);
    let e = explain(t, &jay(), find(&openings, "orderpicker-parttime"));
    // Orderpicking held in full (must, ×3), two soft skills unanswered (nice, ×1 each).
    assert_eq!(
        text::why(t, &e, Lang::Nl),
        "Je kunt 1 van de 3 dingen die ze vragen. Over 2 dingen weten we nog niets."
    );
    assert_eq!(text::why(t, &e, Lang::En), "You can do 1 of the 3 things they ask. 2 things are not known yet.");
    let words: Vec<String> = (0..e.lines.len()).map(|i| text::line_words(t, &e, i, Lang::Nl)).collect();
    assert!(words[0].ends_with("Moet, telt zwaar."), "{}", words[0]);
    assert!(words[1].ends_with("Mooi meegenomen, telt mee."), "{}", words[1]);
    for w in words.iter().chain(std::iter::once(&text::why(t, &e, Lang::Nl))) {
        assert!(!w.contains('%') && !w.contains('×') && !w.contains('→'), "numbers in words: {w}");
    }
    let sanne = explain(t, &sanne(), find(&openings, "heftruck-baan"));
    assert!(text::why(t, &sanne, Lang::Nl).contains("Nog nodig: "), "{}", text::why(t, &sanne, Lang::Nl));
}

#[test]
fn a_hard_skill_not_listed_counts_as_zero_with_a_line_that_says_so() {
    let t = taxonomy();
    let openings = openings(t);
    let e = explain(t, &sanne(), find(&openings, "heftruck-baan"));
    let line = e.lines.iter().find(|l| l.item == skill("log.heftruck_rijden")).expect("line");
    assert_eq!((line.route.clone(), line.credit), (Route::NotListed, Some(0)));
    assert!(text::line(t, line, Lang::Nl).contains("voeg het toe als je het kunt"));
}

#[test]
fn an_employer_sees_candidates_ranked_with_the_best_fit_first() {
    let t = taxonomy();
    let openings = openings(t);
    let pool = PeoplePool::new(t, people(t));
    let ranking = pool.rank(t, find(&openings, "heftruck-baan"), RankOptions::default());
    let order: Vec<&str> = ranking.matches.iter().map(|r| r.explanation.profile.as_str()).collect();
    // Mo drives a forklift (1 unmet must: the certificate); the others miss both musts.
    assert_eq!(order[0], "mo");
    assert_eq!(ranking.matches[0].explanation.musts.unmet, 1);
    assert!(ranking.matches.windows(2).all(|w| w[0].explanation.musts.unmet <= w[1].explanation.musts.unmet));
}

#[test]
fn evidence_below_what_is_asked_caps_the_credit_with_not_shown_yet() {
    let t = taxonomy();
    let mut job = find(&openings(t), "heftruck-baan").clone();
    job.requirements[0].min_evidence = Some(Evidence::Practice);
    let e = explain(t, &mo(), &job);
    assert_eq!(e.lines[0].credit, Some(500));
    assert!(e.lines[0].capped);
    assert!(text::line(t, &e.lines[0], Lang::Nl).contains("Nog niet laten zien"));
}

#[test]
fn a_related_skill_gives_partial_credit_named_in_the_line() {
    let t = taxonomy();
    let reach = t.data().skills.iter().find(|s| s.id == "log.heftruck_rijden").expect("forklift").related.clone();
    let (other, strength) = reach.iter().next().expect("forklift has related skills");
    let probe = vaardig_tests::opening(
        "probe",
        "probe",
        matching_core::RouteType::Job,
        (16, 24),
        vec![req(skill(other), matching_core::Importance::Nice, 2)],
    );
    let e = explain(t, &mo(), &probe);
    match &e.lines[0].route {
        Route::Related { skill, strength: s } => {
            assert!(skill == "log.heftruck_rijden" || *s as f64 >= strength * 1000.0 - 1.0);
        }
        other => panic!("expected a related route, got {other:?}"),
    }
    let credit = e.lines[0].credit.expect("known");
    assert!(credit > 0 && credit < 1000);
}

#[test]
fn explanations_of_the_scenarios_are_snapshotted() {
    let t = taxonomy();
    let openings = openings(t);
    let e = explain(t, &mo(), find(&openings, "heftruck-baan"));
    let lines: Vec<String> = e.lines.iter().map(|l| text::line(t, l, Lang::Nl)).collect();
    insta::assert_json_snapshot!("mo_heftruck_baan", (&e, lines));
    let e = explain(t, &jay(), find(&openings, "orderpicker-parttime"));
    let lines: Vec<String> = e.lines.iter().map(|l| text::line(t, l, Lang::En)).collect();
    insta::assert_json_snapshot!("jay_orderpicker_en", (&e, lines));
}

#[test]
fn item_refs_name_their_kind_in_json() {
    let json = serde_json::to_string(&ItemRef::Certificate("cert.vca_basis".into())).expect("serialises");
    assert_eq!(json, r#"{"certificate":"cert.vca_basis"}"#);
}

#[test]
fn a_forklift_certificate_credits_forklift_driving_and_the_line_says_it_came_through_the_certificate() {
    let t = taxonomy();
    let job = opening(
        "heftruck-rijden",
        "Heftruckchauffeur",
        matching_core::RouteType::Job,
        (24, 38),
        vec![req(skill("log.heftruck_rijden"), matching_core::Importance::Must, 2)],
    );
    let without = explain(t, &person("kim", Some(36)), &job);
    assert_eq!(without.score.low, 0, "no claim: 0");
    let kim = person("kim", Some(36)).with_claim(cert("cert.heftruck"), Level::ON_MY_OWN_SIMPLE, Evidence::Formal);
    let e = explain(t, &kim, &job);
    let line = &e.lines[0];
    assert_eq!(line.route, Route::Certificate { certificate: "cert.heftruck".into() });
    assert_eq!(line.credit, Some(1000), "the certificate shows forklift driving at level 2");
    assert_eq!((e.musts.met, e.score.low, e.score.high), (1, 1000, 1000));
    let nl = text::line(t, line, Lang::Nl);
    assert!(nl.contains("met je certificaat Heftruckcertificaat"), "{nl}");
    assert!(text::line(t, line, Lang::En).contains("shown by your certificate"));
    // Explanation = score: the one line carries the whole score.
    assert_eq!(line.contribution.low, e.score.low as u16);
    // A direct claim at level 1 does not beat the certificate: the best route wins.
    let both = kim.clone().with_claim(skill("log.heftruck_rijden"), Level::new(1).expect("level"), Evidence::Self_);
    assert_eq!(explain(t, &both, &job).score.low, 1000, "adding a claim never lowers the low bound");
    // The same through the pool (one packed pass) as through explain.
    let pool = OpeningPool::new(t, vec![job.clone()]);
    let ranked = pool.rank(t, &kim, RankOptions::default());
    assert_eq!(ranked.matches[0].explanation.score, e.score);
    // And from the employer's side: ranking people.
    let people = PeoplePool::new(t, vec![kim.clone(), person("niemand", Some(36))]);
    let top = people.rank(t, &job, RankOptions::default());
    assert_eq!(top.matches[0].explanation.score.low, 1000);
}

#[test]
fn a_certificate_line_never_shows_a_level() {
    let t = taxonomy();
    let job = opening(
        "vca-nodig",
        "Bouwplaats",
        matching_core::RouteType::Job,
        (24, 38),
        vec![req(cert("cert.vca_basis"), matching_core::Importance::Must, 1)],
    );
    let p =
        person("lars", Some(36)).with_claim(cert("cert.vca_basis"), Level::new(2).expect("level"), Evidence::Formal);
    let e = explain(t, &p, &job);
    for lang in [Lang::Nl, Lang::En] {
        let line = text::line(t, &e.lines[0], lang);
        assert!(!line.contains("niveau") && !line.contains("level"), "{line}");
    }
    assert!(text::line(t, &e.lines[0], Lang::Nl).contains("jij hebt het"));
}

#[test]
fn advice_says_a_certificates_minimum_age_without_asking_for_one() {
    let t = taxonomy();
    let openings = openings(t);
    let pool = OpeningPool::new(t, openings.clone());
    let advice = advise(t, &mo(), &pool, 3);
    let step = advice.steps.iter().find(|s| s.action == Action::GetCertificate { certificate: "cert.heftruck".into() });
    let step = step.expect("the forklift certificate is advised");
    assert!(text::step(t, step, Lang::Nl).contains("(vanaf 18 jaar)"), "{}", text::step(t, step, Lang::Nl));
    assert!(text::step(t, step, Lang::En).contains("(from age 18)"));
    // No age enters scoring: the profile format has no age at all.
    let json = serde_json::to_string(&mo()).expect("serialises");
    assert!(!json.contains("age") && !json.contains("birth"), "{json}");
}

#[test]
fn kapper_and_abbreviations_with_dots_find_the_right_items() {
    let t = taxonomy();
    let hits = matching_core::good_matches(matching_core::lookup(t, "kapper", 8));
    assert!(!hits.is_empty());
    assert!(hits.iter().take(4).all(|h| h.item.id().starts_with("uit.")), "{hits:?}");
    assert!(hits.iter().all(|h| h.item.id() != "hor.bier_tappen"));
    for (typed, want) in [("v.c.a.", "cert.vca_basis"), ("V.C.A", "cert.vca_basis"), ("b.h.v.", "cert.bhv")] {
        let hits = matching_core::lookup(t, typed, 5);
        assert_eq!(hits.first().map(|h| h.item.id()), Some(want), "{typed}: {hits:?}");
    }
    for (typed, want) in [
        ("haren wassen", "uit.haren_wassen"),
        ("friet bakken", "hor.frituren"),
        ("luiers verschonen", "zrg.baby_verzorgen"),
    ] {
        let hits = matching_core::good_matches(matching_core::lookup(t, typed, 5));
        assert!(hits.iter().any(|h| h.item.id() == want), "{typed}: {hits:?}");
    }
}

#[test]
fn a_query_without_a_good_match_gives_no_weak_hits() {
    let t = taxonomy();
    for typed in ["tandarts", "astronaut", "voetballen", "piloot"] {
        let raw = matching_core::lookup(t, typed, 8);
        assert!(raw.iter().all(|h| h.score < matching_core::GOOD_MATCH), "{typed} has a good match now: {raw:?}");
        assert!(matching_core::good_matches(raw).is_empty(), "{typed}");
    }
    // Typos still find: one letter off.
    for typed in ["heftruk", "rijbewys", "kasa"] {
        assert!(!matching_core::good_matches(matching_core::lookup(t, typed, 8)).is_empty(), "{typed}");
    }
}

#[test]
fn a_qualifications_ladder_uses_the_official_work_processes_and_shows_only_their_codes() {
    // No dossier's work processes are sourced in the data yet (SOURCES.md), so this builds one:
    // the first qualification, its first core task marked as the dossier's.
    let mut data = taxonomy().data().clone();
    let q = &mut data.qualifications[0];
    let task = &mut q.core_tasks[0];
    for wp in &mut task.work_processes {
        wp.official = true;
    }
    let official: Vec<String> = task.work_processes.iter().map(|w| w.id.clone()).collect();
    let codes: Vec<String> = task.work_processes.iter().map(|w| w.code.clone()).collect();
    let qid = q.id.clone();
    // An official process in a qualification that is ours, or names no dossier, is refused.
    assert!(Taxonomy::new(data.clone()).is_err(), "official codes need a dossier with a source");
    data.qualifications[0].source = matching_core::Source::Dossier;
    data.qualifications[0].sources = vec!["TEST".into()];
    // An official process without a plain B1 line beside its dossier title is refused too.
    assert!(Taxonomy::new(data.clone()).is_err(), "official processes need a plain line");
    for wp in &mut data.qualifications[0].core_tasks[0].work_processes {
        wp.plain = Some(matching_core::Text { nl: "Je doet dit werk.".into(), en: "You do this work.".into() });
    }
    let t = Taxonomy::new(data).expect("a dossier with a source");
    let mut p = person("ilse", Some(36));
    for id in &official {
        p = p.with_claim(ItemRef::WorkProcess(id.clone()), Level::ON_MY_OWN, Evidence::Practice);
    }
    let all = matching_core::progress(&t, &p);
    let mine = all.iter().find(|g| g.qualification == qid).expect("progress on the qualification");
    assert_eq!(mine.ladder, matching_core::Ladder::CoreTask, "a whole core task attested");
    let shown: Vec<_> = mine.processes.iter().filter_map(|s| s.code.clone()).collect();
    assert_eq!(shown, codes, "exactly the official codes are shown, in the dossier's order");
    assert!(mine.processes.iter().filter(|s| !official.contains(&s.work_process)).all(|s| s.code.is_none()));
    let name = t.name(&ItemRef::WorkProcess(official[0].clone()), Lang::Nl);
    assert!(name.ends_with(&format!("({})", codes[0])), "{name}");
}

#[test]
fn helpende_zorg_en_welzijns_ladder_uses_the_dossiers_basisdeel() {
    // The five official work processes of the Dienstverlening basisdeel (SOURCES.md, Q4).
    let t = taxonomy();
    let q = t.data().qualifications.iter().find(|q| q.id == "q.helpende_zorg_welzijn").expect("in the taxonomy");
    assert_eq!((q.crebo.as_str(), q.level, q.source), ("25960", 2, matching_core::Source::Dossier));
    let official: Vec<_> = q.core_tasks.iter().flat_map(|c| &c.work_processes).filter(|w| w.official).collect();
    let codes: Vec<_> = official.iter().filter_map(|w| w.shown_code()).collect();
    assert_eq!(codes, ["B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5"]);
    assert_eq!(official[1].title.nl, "Treedt op als online en/of offline aanspreekpunt");
    let mut p = person("noor", Some(32));
    for w in &official {
        p = p.with_claim(ItemRef::WorkProcess(w.id.clone()), Level::ON_MY_OWN, Evidence::Practice);
    }
    let all = matching_core::progress(t, &p);
    let mine = all.iter().find(|g| g.qualification == q.id).expect("progress on Helpende Zorg en Welzijn");
    assert_eq!(mine.ladder, matching_core::Ladder::CoreTask, "the basisdeel is attested at work");
    assert_eq!(mine.done, 5);
    let shown: Vec<_> = mine.processes.iter().filter_map(|s| s.code.as_deref()).collect();
    assert_eq!(shown, codes, "only the dossier's codes are shown, in its order");
    assert!(t.name(&ItemRef::WorkProcess(official[0].id.clone()), Lang::Nl).ends_with("(B1-K1-W1)"));
}

#[test]
fn demo_openings_have_their_title_in_either_language() {
    let t = taxonomy();
    let set = vaardig_demo::openings(t, vaardig_demo::DemoSize::new(200, 0), 2027);
    for o in &set.openings {
        assert_eq!(vaardig_demo::title_in(t, o, Lang::Nl), (o.title.clone(), Some(Lang::Nl)));
        let (en, lang) = vaardig_demo::title_in(t, o, Lang::En);
        assert_eq!(lang, Some(Lang::En));
        assert_ne!(en, o.title, "no English title for {}", o.title);
    }
    // A title someone wrote is shown as written, and not claimed to be English.
    let mut own = set.openings[0].clone();
    own.title = "Magazijnmedewerker gezocht".into();
    assert_eq!(vaardig_demo::title_in(t, &own, Lang::En), ("Magazijnmedewerker gezocht".into(), None));
}

#[test]
fn a_link_code_is_short_and_refuses_other_data() {
    let t = taxonomy();
    let people = vaardig_demo::profiles(t, vaardig_demo::DemoSize::new(0, 50), 7);
    let biggest = people.iter().max_by_key(|p| p.claims.len()).expect("people");
    let shared = biggest.only(&matching_core::Parts { region: false, ..matching_core::Parts::ALL }, "gedeeld");
    let code = matching_core::link::encode(t, &shared);
    let json = serde_json::to_string(&shared).expect("json");
    assert!(code.len() * 8 < json.len(), "{} bytes against {} of JSON", code.len(), json.len());
    assert_eq!(matching_core::link::decode(t, &code, "gedeeld").as_ref(), Ok(&shared));
    let mut other = code.clone();
    other[1] ^= 1;
    assert_eq!(matching_core::link::decode(t, &other, "gedeeld"), Err(matching_core::link::LinkError::OtherTaxonomy));
    assert_eq!(
        matching_core::link::decode(t, &code[..code.len() - 1], "gedeeld"),
        Err(matching_core::link::LinkError::Broken)
    );
}
