//! Shared set-up for the benchmarks: the embedded taxonomy and deterministic demo data.

use matching_core::{OpeningPool, Profile, Taxonomy};
use vaardig_demo::{self as demo, DemoSize};

/// The seed every benchmark uses, so runs compare.
pub const SEED: u64 = 42;

/// A pool of `openings` demo openings and `profiles` demo profiles.
pub fn fixture(openings: usize, profiles: usize) -> (&'static Taxonomy, OpeningPool, Vec<Profile>) {
    let taxonomy = vaardig_taxonomy::embedded();
    let size = DemoSize::new(openings, profiles);
    let pool = OpeningPool::new(taxonomy, demo::openings(taxonomy, size, SEED).openings);
    (taxonomy, pool, demo::profiles(taxonomy, size, SEED))
}

/// The national-scale workloads of issue 5, shared by the criterion benches, the gate and
/// `bench-peers` (and mirrored by the JS package's demo loaders), so every system ranks the
/// same data.
pub mod workloads {
    use super::SEED;
    use matching_core::{normalize, ItemRef, Opening, Profile, Taxonomy, TaxonomyData};
    use vaardig_demo::{self as demo, DemoSize, Rng};

    /// Sizes of the four workloads.
    #[derive(Clone, Copy, Debug)]
    pub struct Sizes {
        /// A: openings ranked for one profile.
        pub a_openings: usize,
        /// B: profiles ranked for one opening.
        pub b_people: usize,
        /// C: profiles in the batch.
        pub c_people: usize,
        /// C: openings in the batch.
        pub c_openings: usize,
        /// D: lookup queries.
        pub d_queries: usize,
        /// Timed repetitions of A and B.
        pub reps: usize,
    }

    /// The sizes the issue asks for: the Netherlands' ~400,000 vacancies.
    pub const NATIONAL: Sizes = Sizes {
        a_openings: 400_000,
        b_people: 100_000,
        c_people: 20_000,
        c_openings: 5_000,
        d_queries: 1_000,
        reps: 30,
    };
    /// `--quick`: the same shapes, smaller, for a run of a few minutes.
    pub const QUICK: Sizes =
        Sizes { a_openings: 50_000, b_people: 20_000, c_people: 2_000, c_openings: 1_000, d_queries: 1_000, reps: 15 };

    /// Labels D searches: at least this many, with generated variants where the taxonomy has fewer.
    pub const D_MIN_LABELS: usize = 15_000;
    /// Results per query in D.
    pub const D_TOP: usize = 10;

    /// `count` demo openings of the national shape (8-15 requirements, Zipf-like popularity).
    /// The JS package's `loadDemoOpenings(count, 42)` makes the same ones.
    pub fn openings(taxonomy: &Taxonomy, count: usize) -> Vec<Opening> {
        demo::openings(taxonomy, DemoSize::national(count, 0), SEED).openings
    }

    /// `count` demo profiles (20-40 claims). The JS package's `loadDemoPeople(count, 42)` makes
    /// the same ones.
    pub fn people(taxonomy: &Taxonomy, count: usize) -> Vec<Profile> {
        demo::profiles(taxonomy, DemoSize::national(0, count), SEED)
    }

    /// The one profile of A: a demo profile from another seed, so it is not in B's pool.
    pub fn profile(taxonomy: &Taxonomy) -> Profile {
        demo::profiles(taxonomy, DemoSize::national(0, 1), SEED + 1).remove(0)
    }

    /// The one opening of B, from another seed.
    pub fn opening(taxonomy: &Taxonomy) -> Opening {
        demo::openings(taxonomy, DemoSize::national(1, 0), SEED + 1).openings.remove(0)
    }

    /// The taxonomy of D: the embedded one, with generated search words added to skills (job
    /// titles built from labels) until the lookup has at least [`D_MIN_LABELS`] texts.
    pub fn expanded_taxonomy(taxonomy: &Taxonomy) -> Taxonomy {
        let mut data: TaxonomyData = taxonomy.data().clone();
        let mut seen: std::collections::BTreeSet<String> =
            taxonomy.search_texts().iter().map(|(_, text)| normalize(text)).collect();
        const NL: [&str; 4] = ["medewerker {}", "{} ervaring", "assistent {}", "{} op niveau 2"];
        const EN: [&str; 4] = ["{} assistant", "{} experience", "junior {}", "{} at entry level"];
        let mut round = 0;
        while seen.len() < D_MIN_LABELS && round < NL.len() {
            for skill in &mut data.skills {
                if seen.len() >= D_MIN_LABELS {
                    break;
                }
                let nl: Vec<String> = skill.labels.nl.iter().chain(&skill.syn.nl).cloned().collect();
                let en: Vec<String> = skill.labels.en.iter().chain(&skill.syn.en).cloned().collect();
                for (labels, pattern, out) in [(nl, NL[round], &mut skill.syn.nl), (en, EN[round], &mut skill.syn.en)] {
                    for label in labels {
                        let text = pattern.replace("{}", &label.to_lowercase());
                        if seen.insert(normalize(&text)) {
                            out.push(text);
                        }
                    }
                }
            }
            round += 1;
        }
        Taxonomy::new(data).expect("generated search words keep the taxonomy valid")
    }

    /// D's queries with the item each one means: typed the way people type — one or two wrong,
    /// dropped or swapped letters, the start of a word, or no diacritics.
    pub fn queries(taxonomy: &Taxonomy, count: usize) -> Vec<(String, ItemRef)> {
        let texts = taxonomy.search_texts();
        let mut rng = Rng::new(SEED + 2);
        (0..count)
            .map(|_| {
                let (item, text) = &texts[rng.below(texts.len())];
                let word: Vec<char> = text.to_lowercase().chars().collect();
                let query: String = match rng.below(10) {
                    0..=3 => typo(&word, 1, &mut rng),
                    4..=5 => typo(&word, 2, &mut rng),
                    6..=8 => {
                        let keep = (word.len() * (40 + rng.below(40)) / 100).max(3).min(word.len());
                        word[..keep].iter().collect()
                    }
                    _ => strip_diacritics(&word, &mut rng),
                };
                (query.trim().to_string(), item.clone())
            })
            .collect()
    }

    fn typo(word: &[char], edits: usize, rng: &mut Rng) -> String {
        let mut q = word.to_vec();
        for _ in 0..edits {
            if q.len() < 4 {
                break;
            }
            let i = 1 + rng.below(q.len() - 2);
            match rng.below(4) {
                0 => {
                    q.remove(i);
                }
                1 => q.swap(i - 1, i),
                2 => q.insert(i, q[i]),
                _ => q[i] = ['a', 'e', 'i', 'o', 'k', 's'][rng.below(6)],
            }
        }
        q.into_iter().collect()
    }

    /// Drops the diacritics; words without any get one typo instead.
    fn strip_diacritics(word: &[char], rng: &mut Rng) -> String {
        let plain: String = word
            .iter()
            .map(|&c| match c {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ç' => 'c',
                c => c,
            })
            .collect();
        if plain.chars().eq(word.iter().copied()) {
            typo(word, 1, rng)
        } else {
            plain
        }
    }
}
