//! The scenario set, shared by the native tests and the Wasm test: the same people and openings,
//! described the way the seeds describe them, and one report of every result as JSON. The native
//! run compares the report with `golden/scenarios.json`; the Wasm run compares with the same file,
//! so native and Wasm give byte-identical results.

use matching_core::{
    advise, explain, lookup, progress, Answered, Date, Evidence, Hours, Importance, ItemRef, Level, Opening,
    OpeningPool, PeoplePool, Practical, Profile, RankOptions, Requirement, RouteType, Shift, Taxonomy,
};
use serde_json::{json, Value};

/// A requirement with explicit level and importance.
pub fn req(item: ItemRef, importance: Importance, level: u8) -> Requirement {
    let mut r = Requirement::new(item, importance);
    r.min_level = Level::new(level);
    r
}

/// An opening in Tilburg, day shifts, starting 2027-02-01.
pub fn opening(id: &str, title: &str, route: RouteType, hours: (u8, u8), requirements: Vec<Requirement>) -> Opening {
    Opening {
        id: id.into(),
        title: title.into(),
        employer: "Scenario BV".into(),
        route,
        sector: Some("log".into()),
        hours: Hours { min: hours.0, max: hours.1 },
        place: "Tilburg".into(),
        shifts: vec![Shift::Day],
        start: Date::new(2027, 2, 1),
        requirements,
        synthetic: true,
    }
}

/// Skill reference.
pub fn skill(id: &str) -> ItemRef {
    ItemRef::Skill(id.into())
}
/// Soft skill reference.
pub fn soft(id: &str) -> ItemRef {
    ItemRef::SoftSkill(id.into())
}
/// Certificate reference.
pub fn cert(id: &str) -> ItemRef {
    ItemRef::Certificate(id.into())
}

/// A young person living in Tilburg who travels up to 15 km and works days.
pub fn person(id: &str, max_hours: Option<u8>) -> Profile {
    let mut p = Profile::new(id);
    p.practical = Practical {
        max_hours_per_week: max_hours,
        shifts: Some(vec![Shift::Day]),
        home_town: Some("Tilburg".into()),
        max_travel_km: Some(15),
        transport: Some("fiets".into()),
        available_from: Date::new(2027, 1, 15),
    };
    p.answered = Answered { certificates: true, work_processes: true, unsure: Vec::new() };
    p
}

/// Sanne, 19: can work at most 20 hours, picks orders on her own, is always on time.
pub fn sanne() -> Profile {
    person("sanne", Some(20)).with_claim(skill("log.orders_verzamelen"), Level::ON_MY_OWN, Evidence::Self_).with_claim(
        soft("soft.op_tijd"),
        Level::ON_MY_OWN,
        Evidence::Self_,
    )
}

/// Mo, 21: drives a forklift (learnt at a cousin's warehouse) but has no forklift certificate.
pub fn mo() -> Profile {
    person("mo", Some(32))
        .with_claim(skill("log.heftruck_rijden"), Level::ON_MY_OWN, Evidence::Coach)
        .with_claim(skill("log.orders_verzamelen"), Level::ON_MY_OWN_SIMPLE, Evidence::Self_)
        .with_claim(soft("soft.op_tijd"), Level::ON_MY_OWN, Evidence::Self_)
        .with_claim(soft("soft.samenwerken"), Level::ON_MY_OWN, Evidence::Self_)
}

/// Jay, 17: filled in his skills but skipped every soft-skill question.
pub fn jay() -> Profile {
    person("jay", Some(28)).with_claim(skill("log.orders_verzamelen"), Level::ON_MY_OWN, Evidence::Self_).with_claim(
        skill("log.handscanner_gebruiken"),
        Level::ON_MY_OWN,
        Evidence::Self_,
    )
}

/// The first work process of two different qualifications: a praktijkverklaring may combine them.
pub fn two_work_processes(taxonomy: &Taxonomy) -> (ItemRef, ItemRef) {
    let quals = &taxonomy.data().qualifications;
    let first = |q: &matching_core::Qualification| ItemRef::WorkProcess(q.core_tasks[0].work_processes[0].id.clone());
    let a = &quals[0];
    let b = quals.iter().find(|q| q.sector != a.sector).unwrap_or(&quals[1]);
    (first(a), first(b))
}

/// Amira, 23: has a praktijkverklaring with one work process of each of two qualifications.
pub fn amira(taxonomy: &Taxonomy) -> Profile {
    let (a, b) = two_work_processes(taxonomy);
    person("amira", Some(36))
        .with_claim(a, Level::ON_MY_OWN, Evidence::Practice)
        .with_claim(b, Level::ON_MY_OWN, Evidence::Practice)
        .with_claim(soft("soft.op_tijd"), Level::CAN_TEACH, Evidence::Coach)
}

/// The scenario openings.
pub fn openings(taxonomy: &Taxonomy) -> Vec<Opening> {
    let (wp_a, wp_b) = two_work_processes(taxonomy);
    vec![
        opening(
            "ontwikkelbaan-magazijn",
            "Ontwikkelbaan magazijn",
            RouteType::Ontwikkelbaan,
            (24, 28),
            vec![
                req(skill("log.orders_verzamelen"), Importance::Must, 2),
                req(soft("soft.op_tijd"), Importance::Must, 2),
                req(skill("log.handscanner_gebruiken"), Importance::Nice, 2),
            ],
        ),
        opening(
            "heftruck-baan",
            "Heftruckchauffeur",
            RouteType::Job,
            (16, 32),
            vec![
                req(skill("log.heftruck_rijden"), Importance::Must, 2),
                req(cert("cert.heftruck"), Importance::Must, 1),
                req(soft("soft.op_tijd"), Importance::Nice, 2),
            ],
        ),
        opening(
            "praktijkroute",
            "Praktijkverklaring-route",
            RouteType::PraktijkverklaringRoute,
            (16, 24),
            vec![
                req(wp_a, Importance::Must, 2),
                req(wp_b, Importance::Must, 2),
                req(soft("soft.op_tijd"), Importance::Nice, 2),
            ],
        ),
        opening(
            "orderpicker-parttime",
            "Orderpicker",
            RouteType::Job,
            (12, 20),
            vec![
                req(skill("log.orders_verzamelen"), Importance::Must, 2),
                req(soft("soft.samenwerken"), Importance::Nice, 2),
                req(soft("soft.durven_vragen"), Importance::Nice, 2),
            ],
        ),
    ]
}

/// Everyone in the scenarios.
pub fn people(taxonomy: &Taxonomy) -> Vec<Profile> {
    vec![sanne(), mo(), jay(), amira(taxonomy)]
}

/// Every result of the scenario set as one JSON value: explanations, rankings both ways,
/// advice, progress and lookups.
pub fn report(taxonomy: &Taxonomy) -> Value {
    let openings = openings(taxonomy);
    let people = people(taxonomy);
    let pool = OpeningPool::new(taxonomy, openings.clone());
    let options = RankOptions { top: 10, include_knocked_out: false };
    let explanations: Vec<Value> = people
        .iter()
        .flat_map(|p| openings.iter().map(move |o| (p, o)))
        .map(|(p, o)| json!(explain(taxonomy, p, o)))
        .collect();
    let rankings: Vec<Value> = people.iter().map(|p| json!(pool.rank(taxonomy, p, options))).collect();
    let people_pool = PeoplePool::new(taxonomy, people.clone());
    let candidates: Vec<Value> = openings.iter().map(|o| json!(people_pool.rank(taxonomy, o, options))).collect();
    let advice: Vec<Value> = people.iter().map(|p| json!(advise(taxonomy, p, &pool, 5))).collect();
    let ladders: Vec<Value> = people.iter().map(|p| json!(progress(taxonomy, p))).collect();
    let lookups: Vec<Value> = ["heftruk", "kasa", "klantvrindelijk", "vca", "rijbewys", "heftruckchauffeur", "hygiëne"]
        .iter()
        .map(|q| json!({"query": q, "hits": lookup(taxonomy, q, 5)}))
        .collect();
    json!({
        "explanations": explanations,
        "rankings": rankings,
        "candidates": candidates,
        "advice": advice,
        "progress": ladders,
        "lookups": lookups,
    })
}

/// The report as the exact text stored in `golden/scenarios.json`.
pub fn report_text(taxonomy: &Taxonomy) -> String {
    serde_json::to_string_pretty(&report(taxonomy)).expect("a JSON value always serialises") + "\n"
}
