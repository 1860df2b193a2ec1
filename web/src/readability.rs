//! Readability of the Dutch a young person reads (test only): Flesch-Douma over the translation
//! tables, the word explanations, matching-core's sentences and the taxonomy texts. Every text of
//! 5 words or more must score 60 or more (B1); `cargo test -p vaardig-web readability --
//! --nocapture` prints the median and the worst 10 (copied into `data/taxonomy/SOURCES.md`).
//!
//! Flesch-Douma (Douma 1960, the Dutch form of Flesch's reading ease):
//! `206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)`.

/// The Dutch vowel units that sound as one syllable, longest first: a group of vowels is cut into
/// these from the left, and every other vowel is a syllable of its own ("materiaal" = ma-te-ri-aal);
/// French "eau" is one ("niveau" = ni-veau).
const UNITS: [&str; 20] = [
    "eau", "aai", "ooi", "oei", "eeu", "ieu", "ij", "ei", "ui", "ou", "au", "oe", "ie", "eu", "aa", "ee", "oo", "uu",
    "ai", "oi",
];

/// Abbreviations written in lower case that are spelled out when read ("mbo" = em-bee-o).
const SPELLED: [&str; 4] = ["mbo", "vmbo", "hbo", "qr"];

/// Syllables in one Dutch word. Letters with a diaeresis (ë, ï) start a new syllable, as the
/// spelling means them to ("geïnteresseerd"); other accents are folded away. A word written in
/// capitals (VCA, BHV) is spelled out: one syllable per letter. Digits count as one word of two
/// syllables ("24" is read "vierentwintig", "8" is read "acht": two is the middle).
pub fn syllables(word: &str) -> usize {
    if word.contains('-') {
        return word.split('-').map(syllables).sum();
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return if word.chars().any(|c| c.is_ascii_digit()) { 2 } else { 0 };
    }
    let lower = letters.to_lowercase();
    if (letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase())) || SPELLED.contains(&lower.as_str())
    {
        return letters.chars().count();
    }
    let mut count = 0;
    // Vowel groups, cut where a diaeresis starts a new syllable; `j` after `i` belongs to `ij`.
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut group = String::new();
    let flush = |group: &mut String, count: &mut usize| {
        *count += units_in(group);
        group.clear();
    };
    for (i, &c) in chars.iter().enumerate() {
        let (base, breaks) = match c {
            'ë' => ('e', true),
            'ï' => ('i', true),
            'ö' => ('o', true),
            'ü' => ('u', true),
            'á' | 'à' | 'â' => ('a', false),
            'é' | 'è' | 'ê' => ('e', false),
            'í' | 'ì' | 'î' => ('i', false),
            'ó' | 'ò' | 'ô' => ('o', false),
            'ú' | 'ù' | 'û' => ('u', false),
            other => (other, false),
        };
        let vowel = "aeiouy".contains(base) || (base == 'j' && i > 0 && chars[i - 1] == 'i' && !group.is_empty());
        if vowel {
            if breaks {
                flush(&mut group, &mut count);
            }
            group.push(base);
        } else {
            flush(&mut group, &mut count);
        }
    }
    flush(&mut group, &mut count);
    count.max(1)
}

/// Syllables in one group of vowels: the units of [`UNITS`] from the left, every other vowel one.
fn units_in(group: &str) -> usize {
    let mut rest = group;
    let mut n = 0;
    while !rest.is_empty() {
        let unit = UNITS.iter().find(|u| rest.starts_with(**u)).map_or(1, |u| u.len());
        // `j` only ever arrives as part of `ij`; a lone one is no syllable.
        if !(rest.starts_with('j')) {
            n += 1;
        }
        rest = &rest[unit.min(rest.len())..];
    }
    n
}

/// The words of a text: split on white space; a placeholder (`{n}`) is one word of two syllables,
/// as a number or short name is; tokens without letters or digits (→, —, ·) are no words.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| if w.contains('{') { "12".to_string() } else { w.to_string() })
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect()
}

/// Sentences: ends at `.`, `!`, `?` or `…` followed by a space or the end; at least one.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| ".!?…".contains(*c) && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
        .count();
    // A text ending without a full stop still ends its last sentence.
    let open_end = chars.last().is_some_and(|c| !".!?…".contains(*c));
    (ends + usize::from(open_end)).max(1)
}

/// Flesch-Douma reading ease of `text`, and its number of words.
pub fn flesch_douma(text: &str) -> (f64, usize) {
    let words = words(text);
    if words.is_empty() {
        return (100.0, 0);
    }
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s) = (words.len() as f64, sentences(text) as f64);
    (206.835 - 0.93 * (w / s) - 77.0 * (syllables as f64 / w), words.len())
}

/// B1: a text of at least [`MIN_WORDS`] words scores at least this.
pub const B1: f64 = 60.0;
/// Shorter texts (labels, buttons) are not scored: the formula means nothing on three words.
pub const MIN_WORDS: usize = 5;

/// The Dutch sentences of matching-core's `text.rs`, as written: the first string after every
/// `Lang::Nl` arm and the first argument of every `pick(lang, …)`.
fn core_sentences() -> Vec<(String, String)> {
    let source = include_str!("../../matching-core/src/text.rs");
    let mut out = Vec::new();
    for marker in ["Lang::Nl", "pick(lang,"] {
        for (at, _) in source.match_indices(marker) {
            let rest = &source[at + marker.len()..];
            // `fn pick(lang: Lang, nl: &str, …)` itself is no call.
            let Some(open) = rest.find('"') else { continue };
            if rest[..open].contains("Lang::En") || rest[..open].contains(';') {
                continue;
            }
            let body = &rest[open + 1..];
            let mut literal = String::new();
            let mut chars = body.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => literal.extend(chars.next()),
                    '"' => break,
                    c => literal.push(c),
                }
            }
            let line = source[..at].lines().count() + 1;
            out.push((format!("text.rs:{line}"), literal));
        }
    }
    out
}

/// Every Dutch text a young person reads that this branch owns: the app's table, the pool page's
/// table, the word explanations, matching-core's sentences and the soft-skill questions and levels;
/// and the view page's table (for the employer, but it shows the young person's words too).
fn owned() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for (table, name) in [
        (crate::i18n::TEXTS, "i18n"),
        (crate::delen::texts::TEXTS, "delen"),
        (crate::words::WORDS, "words"),
        (crate::view::texts::TEXTS, "view"),
    ] {
        all.extend(table.iter().map(|(k, nl, _)| (format!("{name}:{k}"), nl.to_string())));
    }
    all.extend(core_sentences());
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    for s in &data.soft_skills {
        all.extend(s.questions.iter().enumerate().map(|(i, q)| (format!("{}.q{}", s.id, i + 1), q.nl.clone())));
        all.extend(s.levels.iter().enumerate().map(|(i, l)| (format!("{}.level{}", s.id, i + 1), l.nl.clone())));
    }
    all
}

/// The other taxonomy texts a young person reads (names, titles, notes): reported, not enforced
/// here, because another branch owns that data.
fn reported() -> Vec<(String, String)> {
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    let mut all = Vec::new();
    for q in &data.qualifications {
        all.push((q.id.clone(), q.name.nl.clone()));
        for t in &q.core_tasks {
            all.push((format!("{} {}", q.id, t.title.nl), t.title.nl.clone()));
            all.extend(t.work_processes.iter().map(|w| (w.id.clone(), w.title.nl.clone())));
        }
    }
    for c in &data.certificates {
        all.push((c.id.clone(), c.label.nl.clone()));
        all.push((format!("{}.note", c.id), c.note.nl.clone()));
    }
    all.extend(data.skills.iter().flat_map(|s| s.labels.nl.iter().map(|l| (s.id.clone(), l.clone()))));
    all.extend(data.sectors.iter().map(|s| (s.id.clone(), s.label.nl.clone())));
    all
}

/// The plain B1 lines beside the official work-process titles (`plain` in the data): they exist
/// to be read by the young person, so they are enforced like the texts this branch owns.
fn plain_lines() -> Vec<(String, String)> {
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    data.qualifications
        .iter()
        .flat_map(|q| &q.core_tasks)
        .flat_map(|t| &t.work_processes)
        .filter_map(|w| w.plain.as_ref().map(|p| (format!("{}.plain", w.id), p.nl.clone())))
        .collect()
}

/// Scores of the texts of 5 words or more, lowest first.
fn scored(texts: &[(String, String)]) -> Vec<(f64, &str, &str)> {
    let mut out: Vec<(f64, &str, &str)> = texts
        .iter()
        .map(|(k, t)| (flesch_douma(t), k.as_str(), t.as_str()))
        .filter(|((_, n), _, _)| *n >= MIN_WORDS)
        .map(|((score, _), k, t)| (score, k, t))
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    out
}

fn report(name: &str, scores: &[(f64, &str, &str)]) {
    let median = scores.get(scores.len() / 2).map_or(0.0, |s| s.0);
    println!("{name}: {} texts of {MIN_WORDS}+ words, median {median:.1}", scores.len());
    println!("| score | where | text |\n| --- | --- | --- |");
    for (score, key, text) in scores.iter().take(10) {
        println!("| {score:.1} | `{key}` | {text} |");
    }
    let below: Vec<_> = scores.iter().filter(|s| s.0 < B1).collect();
    println!("{} below {B1}\n", below.len());
}

#[test]
fn syllables_follow_dutch_spelling() {
    for (word, n) in [
        ("werk", 1),
        ("huis", 1),
        ("vrij", 1),
        ("nieuw", 1),
        ("mooi", 1),
        ("koeien", 2),
        ("praktijkverklaring", 5),
        ("materiaal", 4),
        ("niveau", 2),
        ("situatie", 4),
        ("geïnteresseerd", 5),
        ("ideeën", 3),
        ("VCA", 3),
        ("mbo-certificaat", 7),
        ("werkproces", 3),
        ("jongeren", 3),
        ("24", 2),
        ("→", 0),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn flesch_douma_scores_known_texts() {
    // 6 words, 6 syllables, one sentence: 206.835 − 0.93·6 − 77·1 = 124.255.
    let (score, n) = flesch_douma("Ik kom op tijd op werk.");
    assert_eq!(n, 6);
    assert!((score - 124.255).abs() < 1e-9, "{score}");
    // Long words and one long sentence score low: this is the kind of text the test refuses.
    let (hard, _) = flesch_douma(
        "Beroepspraktijkvorming binnen erkende leerbedrijven vereist afstemming tussen onderwijsinstellingen en praktijkopleiders.",
    );
    assert!(hard < B1, "{hard}");
    assert_eq!(sentences("Eén. Twee? Drie"), 3);
}

/// The texts this branch owns read at B1: every one of 5 words or more scores at least 60.
#[test]
fn readability_every_young_person_text_is_b1() {
    let owned = owned();
    assert!(owned.len() > 300, "the texts were found ({})", owned.len());
    assert!(core_sentences().len() > 20, "matching-core's sentences were found");
    let scores = scored(&owned);
    report("owned (tables, words, text.rs, soft skills)", &scores);
    let below: Vec<String> = scores.iter().filter(|s| s.0 < B1).map(|(s, k, t)| format!("{s:.1} {k}: {t}")).collect();
    assert!(below.is_empty(), "below B1 ({B1}):\n{}", below.join("\n"));
}

/// The rest of the taxonomy, reported only.
#[test]
fn readability_report_of_the_other_taxonomy_texts() {
    let texts = reported();
    assert!(!texts.is_empty());
    report("other taxonomy texts (reported, not enforced)", &scored(&texts));
}

/// Every plain line beside an official work-process title reads at B1.
#[test]
fn readability_plain_work_process_lines_are_b1() {
    let lines = plain_lines();
    assert!(!lines.is_empty(), "the plain lines were found");
    let scores = scored(&lines);
    report("plain lines of official work processes", &scores);
    let below: Vec<String> = scores.iter().filter(|s| s.0 < B1).map(|(s, k, t)| format!("{s:.1} {k}: {t}")).collect();
    assert!(below.is_empty(), "below B1 ({B1}):\n{}", below.join("\n"));
}
