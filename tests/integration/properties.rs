//! The contract as properties: score in [0, 1000], low ≤ high, lines sum exactly to the total,
//! monotone, deterministic, ranking a total order equal to sorting every explanation, JSON round-trip.

use matching_core::{
    explain, Answered, Claim, Evidence, Explanation, Hours, Importance, ItemKind, ItemRef, Level, Opening, OpeningPool,
    PeoplePool, Practical, Profile, RankOptions, Requirement, RouteType, Shift, Taxonomy,
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

fn key(e: &Explanation) -> (u16, std::cmp::Reverse<u16>, std::cmp::Reverse<u16>, String) {
    (e.musts.unmet, std::cmp::Reverse(e.score.low), std::cmp::Reverse(e.score.high), e.opening.clone())
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
    fn ranking_people_equals_sorting_every_explanation(ps in prop::collection::vec(profile(), 1..12), o in opening()) {
        let mut ps = ps;
        for (i, p) in ps.iter_mut().enumerate() {
            p.id = format!("{}-{i}", p.id);
        }
        let t = taxonomy();
        let pool = PeoplePool::new(t, ps.clone());
        let ranking = pool.rank(t, &o, RankOptions { top: ps.len(), include_knocked_out: false });
        let by_profile = |e: &Explanation| (e.musts.unmet, std::cmp::Reverse(e.score.low), std::cmp::Reverse(e.score.high), e.profile.clone());
        let mut expected: Vec<Explanation> = ps.iter().map(|p| explain(t, p, &o)).filter(|e| e.knock_outs.is_empty()).collect();
        expected.sort_by_key(by_profile);
        let got: Vec<Explanation> = ranking.matches.into_iter().map(|r| r.explanation).collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(ranking.ranked_total + ranking.knocked_out_total, ps.len());
    }

    #[test]
    fn profiles_and_openings_survive_a_json_round_trip(p in profile(), o in opening()) {
        let back: Profile = serde_json::from_str(&serde_json::to_string(&p).expect("serialises")).expect("parses");
        prop_assert_eq!(back, p);
        let back: Opening = serde_json::from_str(&serde_json::to_string(&o).expect("serialises")).expect("parses");
        prop_assert_eq!(back, o);
    }
}
