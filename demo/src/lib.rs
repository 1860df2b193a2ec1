//! Deterministic synthetic data: openings and profiles over the real taxonomy and real Dutch
//! towns, every one marked `synthetic`. The same seed gives the same bytes on every machine.

use matching_core::{
    Answered, Claim, Date, Evidence, Hours, Importance, ItemRef, Lang, Level, Opening, OpeningSet, Practical, Profile,
    Requirement, RouteType, Shift, Taxonomy, Wishes,
};

/// SplitMix64: small, fast and the same everywhere; good enough for demo data, not for secrets.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_f00d_cafe_b0ba)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// An index in `0..n` with Zipf-like popularity: index 0 most often, the tail rarely.
    pub fn zipf(&mut self, n: usize) -> usize {
        // Inverse of a 1/(i+1) cumulative curve, approximated in integers: repeated halving.
        let mut i = self.below(n);
        while i > 0 && self.chance(55) {
            i /= 2;
        }
        i
    }
}

/// How big the demo data is.
#[derive(Clone, Copy, Debug)]
pub struct DemoSize {
    /// Number of openings.
    pub openings: usize,
    /// Number of profiles.
    pub profiles: usize,
    /// Fewest requirements per opening.
    pub min_requirements: usize,
    /// Most requirements per opening.
    pub max_requirements: usize,
}

impl DemoSize {
    /// The default shape: 4-9 requirements per opening.
    pub fn new(openings: usize, profiles: usize) -> DemoSize {
        DemoSize { openings, profiles, min_requirements: 4, max_requirements: 9 }
    }

    /// The national-scale benchmark shape (issue 5): 8-15 requirements per opening. Profiles keep
    /// their shape (1-2 sectors, 20-40 claims with the soft skills).
    pub fn national(openings: usize, profiles: usize) -> DemoSize {
        DemoSize { openings, profiles, min_requirements: 8, max_requirements: 15 }
    }
}

/// Towns of Midden-Brabant are where the demo region is; other towns appear less.
const REGION_SHARE_PERCENT: u64 = 80;
/// The first start date of demo openings.
const FIRST_START: (i32, u8, u8) = (2027, 1, 4);

struct Pools<'t> {
    taxonomy: &'t Taxonomy,
    sectors: Vec<&'t str>,
    region: Vec<&'t str>,
    towns: Vec<&'t str>,
    /// Per sector (same order as `sectors`): its skills, certificates and work processes.
    by_sector: Vec<(Vec<&'t str>, Vec<&'t str>, Vec<&'t str>)>,
}

impl<'t> Pools<'t> {
    fn new(taxonomy: &'t Taxonomy) -> Pools<'t> {
        let data = taxonomy.data();
        let region: Vec<&str> = data.towns.iter().take(18).map(|t| t.name.as_str()).collect();
        let sectors: Vec<&str> = data.sectors.iter().filter(|s| s.id != "alg").map(|s| s.id.as_str()).collect();
        let by_sector = sectors
            .iter()
            .map(|&sector| {
                let skills = data.skills.iter().filter(|s| s.sector == sector).map(|s| s.id.as_str()).collect();
                let certificates = data
                    .certificates
                    .iter()
                    .filter(|c| c.sector == sector || c.sector == "alg")
                    .map(|c| c.id.as_str())
                    .collect();
                let work_processes = data
                    .qualifications
                    .iter()
                    .filter(|q| q.sector == sector)
                    .flat_map(|q| q.core_tasks.iter().flat_map(|t| t.work_processes.iter().map(|w| w.id.as_str())))
                    .collect();
                (skills, certificates, work_processes)
            })
            .collect();
        Pools { taxonomy, sectors, region, towns: data.towns.iter().map(|t| t.name.as_str()).collect(), by_sector }
    }

    fn of(&self, sector: &str) -> &(Vec<&'t str>, Vec<&'t str>, Vec<&'t str>) {
        let i = self.sectors.iter().position(|s| *s == sector).unwrap_or(0);
        &self.by_sector[i]
    }

    fn town(&self, rng: &mut Rng) -> String {
        if rng.chance(REGION_SHARE_PERCENT) {
            self.region[rng.below(self.region.len())].to_string()
        } else {
            self.towns[rng.below(self.towns.len())].to_string()
        }
    }

    fn skills_of(&self, sector: &str) -> &[&'t str] {
        &self.of(sector).0
    }

    fn certificates_of(&self, sector: &str) -> &[&'t str] {
        &self.of(sector).1
    }

    fn work_processes_of(&self, sector: &str) -> &[&'t str] {
        &self.of(sector).2
    }

    fn soft_skills(&self) -> Vec<&'t str> {
        self.taxonomy.data().soft_skills.iter().map(|s| s.id.as_str()).collect()
    }
}

fn route_and_hours(rng: &mut Rng) -> (RouteType, Hours) {
    match rng.below(10) {
        0..=2 => (RouteType::Job, Hours { min: [12, 16, 24, 32][rng.below(4)], max: 38 }),
        3..=5 => (RouteType::Ontwikkelbaan, Hours { min: 24, max: 28 }),
        6 => (RouteType::Stage, Hours { min: 16, max: 32 }),
        7 => (RouteType::Bbl, Hours { min: 32, max: 38 }),
        8 => (RouteType::Leerwerktraject, Hours { min: 20, max: 32 }),
        _ => (RouteType::PraktijkverklaringRoute, Hours { min: 16, max: 24 }),
    }
}

/// A demo opening's title in `lang`: the kind of place and its first skill, "Baan: heftruck rijden".
pub fn title(taxonomy: &Taxonomy, route: RouteType, skill: &str, lang: Lang) -> String {
    let skill = taxonomy.name(&ItemRef::Skill(skill.to_string()), lang);
    let route = match (route, lang) {
        (RouteType::Job, Lang::Nl) => "Baan",
        (RouteType::Ontwikkelbaan, Lang::Nl) => "Ontwikkelbaan",
        (RouteType::Stage, Lang::Nl) => "Stage",
        (RouteType::Bbl, Lang::Nl) => "BBL-plek",
        (RouteType::Leerwerktraject, Lang::Nl) => "Leerwerktraject",
        (RouteType::PraktijkverklaringRoute, Lang::Nl) => "Praktijkverklaring-route",
        (RouteType::Job, Lang::En) => "Job",
        (RouteType::Ontwikkelbaan, Lang::En) => "Development job",
        (RouteType::Stage, Lang::En) => "Placement",
        (RouteType::Bbl, Lang::En) => "BBL place",
        (RouteType::Leerwerktraject, Lang::En) => "Work-and-learn route",
        (RouteType::PraktijkverklaringRoute, Lang::En) => "Praktijkverklaring route",
    };
    format!("{route}: {skill}")
}

/// The title of `opening` to show in `lang`: a demo opening's generated title in that language;
/// any other title as its author wrote it (`None` when that is not known to be in `lang`, so the
/// page can mark it as Dutch).
pub fn title_in(taxonomy: &Taxonomy, opening: &Opening, lang: Lang) -> (String, Option<Lang>) {
    let first_skill = opening.requirements.iter().find_map(|r| match &r.item {
        ItemRef::Skill(id) => Some(id.as_str()),
        _ => None,
    });
    if let Some(skill) = first_skill.filter(|_| opening.synthetic) {
        if title(taxonomy, opening.route, skill, Lang::Nl) == opening.title {
            return (title(taxonomy, opening.route, skill, lang), Some(lang));
        }
    }
    (opening.title.clone(), (lang == Lang::Nl).then_some(Lang::Nl))
}

fn requirement(item: ItemRef, must: bool, level: u8, rng: &mut Rng) -> Requirement {
    let mut req = Requirement::new(item, if must { Importance::Must } else { Importance::Nice });
    req.min_level = Level::new(level);
    if must && rng.chance(10) {
        req.min_evidence = Some(Evidence::Coach);
    }
    req
}

/// Openings one at a time, so a browser can build a pool in small steps between frames.
pub struct OpeningStream<'t> {
    pools: Pools<'t>,
    rng: Rng,
    soft: Vec<&'t str>,
    first_start: i64,
    size: DemoSize,
    made: usize,
}

impl<'t> OpeningStream<'t> {
    /// A stream of `size.openings` openings from `seed`.
    pub fn new(taxonomy: &'t Taxonomy, size: DemoSize, seed: u64) -> OpeningStream<'t> {
        let pools = Pools::new(taxonomy);
        let soft = pools.soft_skills();
        let first_start = Date::new(FIRST_START.0, FIRST_START.1, FIRST_START.2).expect("a valid date").day_number();
        OpeningStream { pools, rng: Rng::new(seed), soft, first_start, size, made: 0 }
    }
}

impl Iterator for OpeningStream<'_> {
    type Item = Opening;

    fn next(&mut self) -> Option<Opening> {
        if self.made >= self.size.openings {
            return None;
        }
        let (pools, rng, soft, size) = (&self.pools, &mut self.rng, &self.soft, self.size);
        let taxonomy = pools.taxonomy;
        let n = self.made;
        self.made += 1;
        let sector = pools.sectors[rng.zipf(pools.sectors.len())];
        let skills = pools.skills_of(sector);
        let (route, hours) = route_and_hours(rng);
        let count = size.min_requirements + rng.below(size.max_requirements - size.min_requirements + 1);
        let mut requirements: Vec<Requirement> = Vec::new();
        let push = |req: Requirement, list: &mut Vec<Requirement>| {
            if !list.iter().any(|r| r.item == req.item) {
                list.push(req);
            }
        };
        while requirements.len() < count {
            let roll = rng.below(100);
            let must = rng.chance(40);
            let level = 1 + rng.zipf(3) as u8;
            let req = if roll < 60 || requirements.is_empty() {
                let level = if level == 1 { 2 } else { level };
                requirement(ItemRef::Skill(skills[rng.zipf(skills.len())].into()), must, level, rng)
            } else if roll < 85 {
                requirement(ItemRef::SoftSkill(soft[rng.zipf(soft.len())].into()), must, 2, rng)
            } else if roll < 95 {
                let certs = pools.certificates_of(sector);
                requirement(ItemRef::Certificate(certs[rng.zipf(certs.len())].into()), must, 1, rng)
            } else {
                let wps = pools.work_processes_of(sector);
                if wps.is_empty() {
                    continue;
                }
                requirement(ItemRef::WorkProcess(wps[rng.below(wps.len())].into()), must, 2, rng)
            };
            push(req, &mut requirements);
        }
        let first_skill = requirements.iter().find_map(|r| match &r.item {
            ItemRef::Skill(id) => Some(id.clone()),
            _ => None,
        });
        let shifts = match sector {
            "hor" => vec![Shift::Day, Shift::Evening, Shift::Weekend],
            "zrg" if rng.chance(50) => vec![Shift::Day, Shift::Evening, Shift::Weekend],
            "log" | "voe" if rng.chance(30) => vec![Shift::Day, Shift::Evening, Shift::Night],
            "ret" if rng.chance(60) => vec![Shift::Day, Shift::Weekend],
            _ => vec![Shift::Day],
        };
        let start_day = self.first_start + rng.below(120) as i64;
        Some(Opening {
            id: format!("o-{:06}", n + 1),
            title: title(taxonomy, route, first_skill.as_deref().unwrap_or(skills[0]), Lang::Nl),
            employer: format!("Demobedrijf {} (fictief)", 1 + rng.below(size.openings.max(4) / 4)),
            route,
            sector: Some(sector.to_string()),
            hours,
            place: pools.town(rng),
            shifts,
            start: Some(Date::from_day_number(start_day)),
            requirements,
            synthetic: true,
        })
    }
}

/// Generates `size.openings` openings.
pub fn openings(taxonomy: &Taxonomy, size: DemoSize, seed: u64) -> OpeningSet {
    OpeningSet::new(OpeningStream::new(taxonomy, size, seed).collect(), true)
}

/// Generates `size.profiles` profiles.
pub fn profiles(taxonomy: &Taxonomy, size: DemoSize, seed: u64) -> Vec<Profile> {
    let pools = Pools::new(taxonomy);
    let mut rng = Rng::new(seed.wrapping_add(1));
    let soft = pools.soft_skills();
    let first_start = Date::new(FIRST_START.0, FIRST_START.1, FIRST_START.2).expect("a valid date").day_number();
    (0..size.profiles)
        .map(|n| {
            let mut profile = Profile::new(format!("p-{:06}", n + 1));
            profile.synthetic = true;
            let sectors: Vec<&str> =
                (0..1 + rng.below(2)).map(|_| pools.sectors[rng.zipf(pools.sectors.len())]).collect();
            let mut claims: Vec<Claim> = Vec::new();
            let claim = |item: ItemRef, level: u8, evidence: Evidence, claims: &mut Vec<Claim>| {
                if !claims.iter().any(|c| c.item == item) {
                    claims.push(Claim { item, level: Level::new(level).unwrap_or(Level::WITH_HELP), evidence });
                }
            };
            for sector in &sectors {
                let skills = pools.skills_of(sector);
                for _ in 0..4 + rng.below(8) {
                    let evidence = if rng.chance(20) { Evidence::Coach } else { Evidence::Self_ };
                    let id = skills[rng.zipf(skills.len())];
                    claim(ItemRef::Skill(id.into()), 1 + rng.below(4) as u8, evidence, &mut claims);
                }
            }
            for id in &soft {
                if rng.chance(55) {
                    claim(ItemRef::SoftSkill((*id).into()), 1 + rng.below(4) as u8, Evidence::Self_, &mut claims);
                }
            }
            let certificates_answered = rng.chance(70);
            if certificates_answered {
                let certs = pools.certificates_of(sectors[0]);
                for _ in 0..rng.below(3) {
                    claim(ItemRef::Certificate(certs[rng.zipf(certs.len())].into()), 4, Evidence::Formal, &mut claims);
                }
            }
            let work_processes_answered = rng.chance(50);
            if work_processes_answered {
                let wps = pools.work_processes_of(sectors[0]);
                for _ in 0..rng.below(4).min(wps.len()) {
                    let evidence = if rng.chance(50) { Evidence::Practice } else { Evidence::Self_ };
                    claim(
                        ItemRef::WorkProcess(wps[rng.below(wps.len())].into()),
                        2 + rng.below(2) as u8,
                        evidence,
                        &mut claims,
                    );
                }
            }
            profile.claims = claims;
            profile.answered = Answered {
                certificates: certificates_answered,
                work_processes: work_processes_answered,
                unsure: Vec::new(),
            };
            profile.practical = Practical {
                max_hours_per_week: rng.chance(85).then(|| [16, 20, 24, 28, 32, 36, 40][rng.below(7)]),
                shifts: rng.chance(80).then(|| {
                    let mut s = vec![Shift::Day];
                    if rng.chance(50) {
                        s.push(Shift::Evening);
                    }
                    if rng.chance(40) {
                        s.push(Shift::Weekend);
                    }
                    if rng.chance(15) {
                        s.push(Shift::Night);
                    }
                    s
                }),
                home_town: Some(pools.town(&mut rng)),
                max_travel_km: rng.chance(90).then(|| [5, 10, 15, 25, 40][rng.below(5)]),
                transport: Some(["fiets", "bus", "scooter", "auto"][rng.below(4)].to_string()),
                available_from: rng.chance(80).then(|| Date::from_day_number(first_start + rng.below(90) as i64)),
            };
            profile.wishes = Wishes {
                sectors: sectors.iter().map(|s| s.to_string()).collect(),
                routes: if rng.chance(50) { vec![RouteType::Ontwikkelbaan, RouteType::Job] } else { Vec::new() },
                hours_per_week: rng.chance(50).then_some(24),
            };
            profile
        })
        .collect()
}
