//! The contract as properties: score in [0, 1000], low ≤ high, lines sum exactly to the total,
//! monotone, deterministic, ranking a total order equal to sorting every explanation, JSON round-trip.

use matching_core::{
    advice, explain, Answered, Claim, Evidence, Explanation, Hours, Importance, ItemKind, ItemRef, KindWeights, Level,
    Opening, OpeningPool, Parts, PeoplePool, Practical, Profile, RankOptions, Requirement, RouteType, Shift, Taxonomy,
    MAX_WEIGHT,
};
use proptest::prelude::*;

fn taxonomy() -> &'static Taxonomy {
    vaardig_taxonomy::embedded()
}

/// Items drawn from a small slice of the taxonomy so profiles and openings overlap often.
fn item_ids() -> Vec<ItemRef> {
    let d = taxonomy().data();
    let mut items: Vec<ItemRef> = Vec::new();
    items.extend(d.skills.iter().filter(|s| s.sector == "log").take(12).map(|s| ItemRef::Skill(s.id.clone())));
    items.extend(d.soft_skills.iter().take(6).map(|s| ItemRef::SoftSkill(s.id.clone())));
    items.extend(d.certificates.iter().take(4).map(|c| ItemRef::Certificate(c.id.clone())));
    let wps = d.qualifications.iter().flat_map(|q| q.core_tasks.iter().flat_map(|t| &t.work_processes));
    items.extend(wps.take(4).map(|w| ItemRef::WorkProcess(w.id.clone())));
    items
}

fn evidence() -> impl Strategy<Value = Evidence> {
    prop::sample::select(Evidence::ALL.to_vec())
}

fn level() -> impl Strategy<Value = Level> {
    (1u8..=4).prop_map(|l| Level::new(l).expect("1-4"))
}

fn claim() -> impl Strategy<Value = Claim> {
    (prop::sample::select(item_ids()), level(), evidence()).prop_map(|(item, level, evidence)| Claim {
        item,
        level,
        evidence,
    })
}

fn profile() -> impl Strategy<Value = Profile> {
    let towns = vec!["Tilburg", "Breda", "Waalwijk", "Eindhoven", "Groningen"];
    (
        prop::collection::vec(claim(), 0..12),
        any::<(bool, bool)>(),
        prop::option::of(8u8..40),
        prop::sample::select(towns),
        prop::option::of(1u16..60),
        "[a-z]{1,6}",
    )
        .prop_map(|(claims, (certificates, work_processes), hours, town, travel, id)| {
            let mut p = Profile::new(id);
            p.claims = claims;
            p.answered = Answered { certificates, work_processes, unsure: Vec::new() };
            p.practical = Practical {
                max_hours_per_week: hours,
                shifts: Some(vec![Shift::Day, Shift::Weekend]),
                home_town: Some(town.into()),
                max_travel_km: travel,
                transport: None,
                available_from: None,
            };
            p
        })
}

fn requirement() -> impl Strategy<Value = Requirement> {
    (prop::sample::select(item_ids()), any::<bool>(), level(), prop::option::of(1u16..6), prop::option::of(evidence()))
        .prop_map(|(item, must, level, weight, min_evidence)| Requirement {
            item,
            importance: if must { Importance::Must } else { Importance::Nice },
            min_level: Some(level),
            weight,
            min_evidence,
        })
}

fn opening() -> impl Strategy<Value = Opening> {
    let towns = vec!["Tilburg", "Oss", "Breda", "Zwolle"];
    (prop::collection::vec(requirement(), 1..8), 8u8..36, prop::sample::select(towns), "[a-z]{1,6}").prop_map(
        |(mut requirements, min, place, id)| {
            let mut seen = Vec::new();
            requirements.retain(|r| {
                let fresh = !seen.contains(&r.item);
                seen.push(r.item.clone());
                fresh
            });
            Opening {
                id,
                title: "t".into(),
                employer: String::new(),
                route: RouteType::Job,
                sector: None,
                hours: Hours { min, max: 40 },
                place: place.into(),
                shifts: vec![Shift::Day],
                start: None,
                requirements,
                synthetic: true,
            }
        },
    )
}

/// The contract's order, spelled out from the explanation alone: holding something hard that is
/// asked first; then fewer must-haves not known to be met; then higher low, higher high, id.
type Order = (bool, u16, std::cmp::Reverse<u16>, std::cmp::Reverse<u16>, String);

fn order(e: &Explanation, id: &str) -> Order {
    let holds_hard = e.lines.iter().any(|l| l.kind != ItemKind::SoftSkill && l.credit.is_some_and(|c| c > 0));
    let open = e.musts.unmet + e.musts.unknown;
    (!holds_hard, open, std::cmp::Reverse(e.score.low), std::cmp::Reverse(e.score.high), id.to_string())
}

fn key(e: &Explanation) -> Order {
    order(e, &e.opening)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn scores_are_bounded_and_lines_add_up_exactly(p in profile(), o in opening()) {
        let e = explain(taxonomy(), &p, &o);
        prop_assert!(e.score.low <= e.score.high && e.score.high <= 1000);
        let low: u16 = e.lines.iter().map(|l| l.contribution.low).sum();
        let high: u16 = e.lines.iter().map(|l| l.contribution.high).sum();
        prop_assert_eq!(low, e.score.low);
        prop_assert_eq!(high, e.score.high);
        prop_assert_eq!(e.musts.total, e.musts.met + e.musts.unmet + e.musts.unknown);
        for kind in ItemKind::ALL {
            if let Some(s) = e.sub_scores.get(kind) {
                prop_assert!(s.low <= s.high && s.high <= 1000);
            }
        }
    }

    #[test]
    fn adding_a_claim_never_lowers_the_guaranteed_score(p in profile(), o in opening(), c in claim()) {
        let before = explain(taxonomy(), &p, &o);
        let after = explain(taxonomy(), &p.clone().with_claim(c.item, c.level, c.evidence), &o);
        prop_assert!(after.score.low >= before.score.low);
        prop_assert!(after.musts.met >= before.musts.met);
    }

    #[test]
    fn raising_levels_or_evidence_never_lowers_any_score(p in profile(), o in opening(), i in any::<prop::sample::Index>()) {
        prop_assume!(!p.claims.is_empty());
        let before = explain(taxonomy(), &p, &o);
        let mut better = p.clone();
        let c = &mut better.claims[i.index(p.claims.len())];
        c.level = Level::new((c.level.get() + 1).min(4)).expect("1-4");
        c.evidence = Evidence::ALL[(c.evidence as usize + 1).min(3)];
        let after = explain(taxonomy(), &better, &o);
        prop_assert!(after.score.low >= before.score.low);
        prop_assert!(after.score.high >= before.score.high);
    }

    #[test]
    fn scoring_is_deterministic(p in profile(), o in opening()) {
        prop_assert_eq!(explain(taxonomy(), &p, &o), explain(taxonomy(), &p, &o));
    }

    #[test]
    fn ranking_equals_sorting_every_explanation(p in profile(), os in prop::collection::vec(opening(), 1..12)) {
        let mut os = os;
        for (i, o) in os.iter_mut().enumerate() {
            o.id = format!("{}-{i}", o.id);
        }
        let t = taxonomy();
        let pool = OpeningPool::new(t, os.clone());
        let ranking = pool.rank(t, &p, RankOptions { top: os.len(), include_knocked_out: false });
        let mut expected: Vec<Explanation> = os.iter().map(|o| explain(t, &p, o)).filter(|e| e.knock_outs.is_empty()).collect();
        expected.sort_by_key(key);
        let got: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(ranking.ranked_total + ranking.knocked_out_total, os.len());
    }

    #[test]
    fn the_best_few_equal_the_first_few_of_sorting_everything(p in profile(), os in prop::collection::vec(opening(), 1..40), top in 1usize..6, musts in 0u8..3) {
        // Pools where no opening, some, or every requirement is a must-have, so the must-haves-first
        // exit of a full list is taken often, sometimes and never.
        let mut os = unique_openings(os);
        for o in &mut os {
            for r in &mut o.requirements {
                match musts {
                    0 => r.importance = Importance::Nice,
                    2 => r.importance = Importance::Must,
                    _ => {}
                }
            }
        }
        let t = taxonomy();
        let ranking = OpeningPool::new(t, os.clone()).rank(t, &p, RankOptions { top, include_knocked_out: false });
        let mut all: Vec<Explanation> = os.iter().map(|o| explain(t, &p, o)).collect();
        all.sort_by_key(key);
        let (fit, out): (Vec<Explanation>, Vec<Explanation>) = all.into_iter().partition(|e| e.knock_outs.is_empty());
        prop_assert_eq!((ranking.ranked_total, ranking.knocked_out_total), (fit.len(), out.len()));
        let got: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        prop_assert_eq!(got, fit.into_iter().take(top).collect::<Vec<_>>());
        let got: Vec<Explanation> = ranking.knocked_out.into_iter().map(|r| r.explanation).collect();
        prop_assert_eq!(got, out.into_iter().take(top).collect::<Vec<_>>());
    }

    #[test]
    fn ranking_people_equals_sorting_every_explanation(ps in prop::collection::vec(profile(), 1..12), o in opening()) {
        let mut ps = ps;
        for (i, p) in ps.iter_mut().enumerate() {
            p.id = format!("{}-{i}", p.id);
        }
        let t = taxonomy();
        let pool = PeoplePool::new(t, ps.clone());
        let ranking = pool.rank(t, &o, RankOptions { top: ps.len(), include_knocked_out: false });
        let by_profile = |e: &Explanation| order(e, &e.profile);
        let mut expected: Vec<Explanation> = ps.iter().map(|p| explain(t, p, &o)).filter(|e| e.knock_outs.is_empty()).collect();
        expected.sort_by_key(by_profile);
        let got: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(ranking.ranked_total + ranking.knocked_out_total, ps.len());
    }

    #[test]
    fn holding_nothing_hard_never_outranks_holding_something(p in profile(), os in prop::collection::vec(opening(), 1..30), soft_only in any::<bool>()) {
        let mut p = p;
        if soft_only {
            // A person who only answered soft-skill questions: every opening is in the lower band.
            p.claims.retain(|c| matches!(c.item, ItemRef::SoftSkill(_)));
        }
        let os = unique_openings(os);
        let t = taxonomy();
        let ranking = OpeningPool::new(t, os.clone()).rank(t, &p, RankOptions { top: os.len(), include_knocked_out: true });
        let relevance: Vec<_> = ranking.matches.iter().map(|r| r.explanation.relevance()).collect();
        for pair in relevance.windows(2) {
            prop_assert!(pair[0].holds_hard || !pair[1].holds_hard, "an opening with nothing hard held came first");
            prop_assert!(pair[0] <= pair[1]);
        }
        for r in &ranking.matches {
            let e = &r.explanation;
            prop_assert_eq!(e.relevance().holds_hard, !order(e, "").0);
            if soft_only {
                prop_assert!(!e.relevance().holds_hard);
            }
        }
    }

    #[test]
    fn a_known_met_must_have_ranks_above_an_unknown_one(p in profile(), o in opening(), soft in 0usize..6) {
        // The same person twice: once with a must-have soft skill answered in full, once "I don't know".
        let t = taxonomy();
        let item = ItemRef::SoftSkill(t.data().soft_skills[soft].id.clone());
        let mut o = o;
        o.requirements.retain(|r| r.item != item);
        o.requirements.push(Requirement { item: item.clone(), importance: Importance::Must, min_level: Level::new(2), weight: None, min_evidence: None });
        let mut unknown = p.clone();
        unknown.claims.retain(|c| c.item != item);
        unknown.answered.unsure.push(item.clone());
        unknown.id = "b".into();
        let mut known = unknown.clone().with_claim(item.clone(), Level::new(4).expect("1-4"), Evidence::Self_);
        known.id = "a-later-in-id-order-z".into();
        unknown.id = "a".into();
        // Another claim may show the soft skill already (a work process can); then it is not unknown.
        prop_assume!(explain(t, &unknown, &o).lines.iter().any(|l| l.item == item && l.credit.is_none()));
        let pool = PeoplePool::new(t, vec![unknown.clone(), known.clone()]);
        let ranking = pool.rank(t, &o, RankOptions { top: 2, include_knocked_out: true });
        let first = &ranking.matches[0].explanation;
        prop_assert_eq!(&first.profile, &known.id);
        prop_assert!(first.relevance() < ranking.matches[1].explanation.relevance());
    }

    #[test]
    fn a_shared_profile_survives_its_short_link_code(p in profile(), parts in any::<[bool; 5]>(), unsure in prop::collection::vec(prop::sample::select(item_ids()), 0..4), day in prop::option::of(-800_000i64..800_000)) {
        let t = taxonomy();
        let mut p = p;
        p.answered.unsure = unsure;
        p.practical.available_from = day.map(matching_core::Date::from_day_number);
        let [skills, soft_skills, certificates, work_processes, availability] = parts;
        let chosen = Parts { skills, soft_skills, certificates, work_processes, availability, region: false };
        let shared = p.only(&chosen, "gedeeld");
        let code = matching_core::link::encode(t, &shared);
        prop_assert_eq!(matching_core::link::decode(t, &code, "gedeeld"), Ok(shared.clone()));
        // A code is a few bytes per claim, not JSON.
        prop_assert!(code.len() <= 16 + 4 * (shared.claims.len() + shared.answered.unsure.len()));
    }

    #[test]
    fn any_bytes_read_as_a_link_code_give_a_profile_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..64), keep_header in any::<bool>()) {
        let t = taxonomy();
        let mut code = bytes;
        if keep_header {
            let mut header = vec![matching_core::link::VERSION];
            header.extend_from_slice(&matching_core::link::fingerprint(t).to_le_bytes());
            code.splice(0..0, header);
        }
        // Never a panic; a wrong version or fingerprint is refused.
        let read = matching_core::link::decode(t, &code, "x");
        if !keep_header {
            prop_assert!(read.is_err() || code.get(1..5) == Some(&matching_core::link::fingerprint(t).to_le_bytes()[..]));
        }
    }

    #[test]
    fn profiles_and_openings_survive_a_json_round_trip(p in profile(), o in opening()) {
        let back: Profile = serde_json::from_str(&serde_json::to_string(&p).expect("serialises")).expect("parses");
        prop_assert_eq!(back, p);
        let back: Opening = serde_json::from_str(&serde_json::to_string(&o).expect("serialises")).expect("parses");
        prop_assert_eq!(back, o);
    }

    #[test]
    fn what_if_equals_explaining_every_opening_again(p in profile(), os in prop::collection::vec(opening(), 1..10), add in prop::collection::vec(claim(), 1..4)) {
        let os = unique_openings(os);
        let t = taxonomy();
        let pool = OpeningPool::new(t, os.clone());
        let result = advice::what_if(t, &pool, &p, &add);
        let mut changed = p.clone();
        for c in &add {
            changed.add_claim(c.clone());
        }
        prop_assert_eq!(&result.profile, &changed);
        let fitting = |profile: &Profile| os.iter().filter(|o| explain(t, profile, o).fits()).count();
        prop_assert_eq!(result.fits_before, fitting(&p));
        prop_assert_eq!(result.fits_after, fitting(&changed));
        for (i, o) in os.iter().enumerate() {
            let (b, a) = (explain(t, &p, o), explain(t, &changed, o));
            match result.changes.iter().find(|c| c.index == i) {
                Some(c) => {
                    prop_assert_eq!((c.before.score, c.after.score), (b.score, a.score));
                    prop_assert_eq!((c.before.rank.is_some(), c.after.rank.is_some()), (b.fits(), a.fits()));
                }
                None => prop_assert_eq!(b.score, a.score, "an opening whose score changes is listed"),
            }
        }
    }

    #[test]
    fn carving_gains_equal_counting_every_variant_again(ps in prop::collection::vec(profile(), 1..10), o in opening()) {
        let t = taxonomy();
        let pool = PeoplePool::new(t, ps.clone());
        let count = |o: &Opening| ps.iter().filter(|p| explain(t, p, o).fits()).count();
        let carved = advice::carve(t, &pool, &o);
        prop_assert_eq!(carved.fits, count(&o));
        let variants = advice::carvings(&o);
        for gain in &carved.changes {
            let (_, variant) = variants.iter().find(|(c, _)| c == &gain.change).expect("a carving of this opening");
            prop_assert_eq!(gain.fits, count(variant));
            prop_assert_eq!(gain.gain, gain.fits - carved.fits);
            prop_assert!(gain.gain > 0);
        }
        let listed = variants.iter().filter(|(_, v)| count(v) > carved.fits).count();
        prop_assert_eq!(carved.changes.len(), listed, "every carving that helps is listed");
        let reach = pool.reach(t, &o);
        prop_assert_eq!(reach.fits + reach.near + reach.knocked_out, ps.len());
    }

    #[test]
    fn a_cut_profile_holds_only_the_chosen_parts(p in profile(), chosen in any::<[bool; 6]>()) {
        let [skills, soft_skills, certificates, work_processes, availability, region] = chosen;
        let parts = Parts { skills, soft_skills, certificates, work_processes, availability, region };
        let cut = p.only(&parts, "x");
        prop_assert!(cut.claims.iter().all(|c| parts.allows(c.item.kind())));
        prop_assert!(cut.answered.unsure.iter().all(|i| parts.allows(i.kind())));
        prop_assert_eq!(cut.claims.len(), p.claims.iter().filter(|c| parts.allows(c.item.kind())).count());
        prop_assert!(!cut.answered.certificates || parts.certificates);
        prop_assert!(!cut.answered.work_processes || parts.work_processes);
        prop_assert!(cut.practical.home_town.is_none() || parts.region);
        prop_assert!(cut.practical.max_travel_km.is_none() || (parts.region && parts.availability));
        prop_assert!(cut.practical.max_hours_per_week.is_none() || parts.availability);
        prop_assert!(cut.practical.transport.is_none());
        prop_assert_eq!(&cut.wishes, &Profile::new("x").wishes);
        prop_assert_eq!(cut.only(&parts, "x"), cut.clone(), "cutting twice changes nothing");
    }

    #[test]
    fn an_added_claim_is_held_once_as_given(p in profile(), c in claim()) {
        let mut added = p.clone();
        added.add_claim(c.clone());
        let held: Vec<&Claim> = added.claims.iter().filter(|x| x.item == c.item).collect();
        prop_assert_eq!(held.len(), 1);
        prop_assert_eq!(held[0], &c);
        prop_assert!(!added.answered.unsure.contains(&c.item));
        prop_assert!(added.claims.len() <= p.claims.len() + 1);
    }

    #[test]
    fn reweighting_scales_weights_and_keeps_must_haves(o in opening(), w in prop::array::uniform4(10u16..=500)) {
        let weights = KindWeights { skill: w[0], soft_skill: w[1], certificate: w[2], work_process: w[3] };
        prop_assert!(weights.is_valid());
        let scaled = weights.apply(&o);
        prop_assert_eq!(scaled.requirements.len(), o.requirements.len());
        for (a, b) in o.requirements.iter().zip(&scaled.requirements) {
            prop_assert_eq!(a.importance, b.importance);
            prop_assert!((1..=MAX_WEIGHT).contains(&b.weight()));
        }
        prop_assert_eq!(KindWeights::default().apply(&o).requirements.iter().map(|r| r.weight()).collect::<Vec<_>>(),
            o.requirements.iter().map(|r| r.weight()).collect::<Vec<_>>());
    }
}

/// Openings with distinct ids, as a pool holds them.
fn unique_openings(mut os: Vec<Opening>) -> Vec<Opening> {
    for (i, o) in os.iter_mut().enumerate() {
        o.id = format!("{}-{i}", o.id);
    }
    os
}
