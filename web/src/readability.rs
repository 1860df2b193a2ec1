//! Readability of the Dutch a young person reads (test only): Flesch-Douma over the translation
//! tables, the word explanations, matching-core's sentences and the taxonomy texts. Every text of
//! 5 words or more must score 60 or more (B1), except the official names of the taxonomy, which
//! stay as published (see [`taxonomy_texts`]); `cargo test -p vaardig-web --lib readability --
//! --nocapture --test-threads 1` prints the median and the worst 10 (copied into
//! `data/taxonomy/SOURCES.md`).
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
/// Texts to score, each with where it comes from: (where, text).
type Texts = Vec<(String, String)>;

fn core_sentences() -> Texts {
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
fn owned() -> Texts {
    let mut all = Vec::new();
    for (table, name) in [
        (crate::app::texts::TEXTS, "app"),
        (crate::delen::texts::TEXTS, "delen"),
        (crate::shared::words::WORDS, "words"),
        (crate::view::texts::TEXTS, "view"),
    ] {
        // A plural ("one|other") is read as its two forms.
        all.extend(
            table
                .iter()
                .flat_map(|(k, nl, _)| nl.split('|').map(move |form| (format!("{name}:{k}"), form.to_string()))),
        );
    }
    all.extend(core_sentences());
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    for s in &data.soft_skills {
        all.extend(s.questions.iter().enumerate().map(|(i, q)| (format!("{}.q{}", s.id, i + 1), q.nl.clone())));
        all.extend(s.levels.iter().enumerate().map(|(i, l)| (format!("{}.level{}", s.id, i + 1), l.nl.clone())));
    }
    all
}

/// The taxonomy texts a young person reads (names, titles, notes, labels), in two lists: the
/// texts that are ours, enforced at B1, and the official names, which stay exactly as published
/// and are exempt (the young person reads a plain line or note of ours beside each). Exempt, by
/// the data's own flags:
/// - every qualification name: it is SBB's name as Q0/Q4 publish it (a test elsewhere refuses a
///   qualification without a source);
/// - a work-process title with `official`: the dossier's title (it always has a `plain` line);
/// - a certificate's name when the certificate names a source (`sources`): the name on the paper,
///   as its issuer, the law or the exam body writes it. Only the name before a bracket is exempt:
///   a gloss in brackets ("(vrachtwagen met aanhanger)") is ours and is scored on its own. A
///   certificate without a source has a name of ours and is scored whole.
///
/// Core tasks carry no `official` flag: the one core task whose processes are all official has a
/// title of ours ("Basisdeel Dienstverlening"), so every core-task title is enforced.
fn taxonomy_texts() -> (Texts, Texts) {
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    let (mut ours, mut official) = (Vec::new(), Vec::new());
    for q in &data.qualifications {
        official.push((q.id.clone(), q.name.nl.clone()));
        // Keyed by position: a core task's code is ours and is shown only through `shown_code`.
        for (i, t) in q.core_tasks.iter().enumerate() {
            ours.push((format!("{}.task{}", q.id, i + 1), t.title.nl.clone()));
            for w in &t.work_processes {
                let list = if w.official { &mut official } else { &mut ours };
                list.push((w.id.clone(), w.title.nl.clone()));
            }
        }
    }
    for c in &data.certificates {
        let (name, gloss) = name_and_gloss(&c.label.nl);
        if c.sources.is_empty() {
            ours.push((c.id.clone(), c.label.nl.clone()));
        } else {
            official.push((c.id.clone(), name.to_string()));
            ours.extend(gloss.map(|g| (format!("{}.gloss", c.id), g.to_string())));
        }
        ours.push((format!("{}.note", c.id), c.note.nl.clone()));
    }
    ours.extend(data.skills.iter().flat_map(|s| s.labels.nl.iter().map(|l| (s.id.clone(), l.clone()))));
    ours.extend(data.sectors.iter().map(|s| (s.id.clone(), s.label.nl.clone())));
    (ours, official)
}

/// A certificate label cut into the name and the gloss in brackets at its end, if any:
/// "Rijbewijs CE (vrachtwagen met aanhanger)" → ("Rijbewijs CE", Some("vrachtwagen met aanhanger")).
fn name_and_gloss(label: &str) -> (&str, Option<&str>) {
    match (label.strip_suffix(')'), label.find(" (")) {
        (Some(body), Some(open)) if open + 2 <= body.len() => (&label[..open], Some(&body[open + 2..])),
        _ => (label, None),
    }
}

/// The plain B1 lines beside the official work-process titles (`plain` in the data): they exist
/// to be read by the young person, so they are enforced like the texts this branch owns.
fn plain_lines() -> Texts {
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

/// The taxonomy texts that are ours read at B1: every one of 5 words or more scores at least 60.
/// The official names are exempt (see [`taxonomy_texts`]); the test prints how many there are.
#[test]
fn readability_taxonomy_texts_are_b1_except_official_names() {
    let (ours, official) = taxonomy_texts();
    assert!(ours.len() > 1000, "the texts were found ({})", ours.len());
    let scores = scored(&ours);
    report("taxonomy texts of ours (labels, titles, notes, sectors)", &scores);
    let exempt = scored(&official);
    println!(
        "official names (exempt): {} in all, {} of {MIN_WORDS}+ words, {} of them below {B1}",
        official.len(),
        exempt.len(),
        exempt.iter().filter(|s| s.0 < B1).count()
    );
    for (score, key, text) in exempt.iter().filter(|s| s.0 < B1) {
        println!("| {score:.1} | `{key}` | {text} |");
    }
    println!();
    let below: Vec<String> = scores.iter().filter(|s| s.0 < B1).map(|(s, k, t)| format!("{s:.1} {k}: {t}")).collect();
    assert!(below.is_empty(), "below B1 ({B1}):\n{}", below.join("\n"));
}

/// Only the official name is exempt: a certificate's gloss in brackets is cut off and scored as
/// ours, and nothing else of the taxonomy lands on the exempt list.
#[test]
fn readability_exempts_only_official_names() {
    assert_eq!(
        name_and_gloss("Rijbewijs CE (vrachtwagen met aanhanger)"),
        ("Rijbewijs CE", Some("vrachtwagen met aanhanger"))
    );
    assert_eq!(name_and_gloss("NEN 3140 Vakbekwaam Persoon (VP)"), ("NEN 3140 Vakbekwaam Persoon", Some("VP")));
    assert_eq!(name_and_gloss("Code 95"), ("Code 95", None));
    let data = vaardig_taxonomy::data().expect("the taxonomy reads");
    let (ours, official) = taxonomy_texts();
    let names: std::collections::BTreeSet<&str> = official.iter().map(|(k, _)| k.as_str()).collect();
    for (key, _) in &official {
        let k = key.as_str();
        let allowed = data.qualifications.iter().any(|q| q.id == k)
            || data
                .qualifications
                .iter()
                .flat_map(|q| &q.core_tasks)
                .flat_map(|t| &t.work_processes)
                .any(|w| w.id == k && w.official)
            || data.certificates.iter().any(|c| c.id == k && !c.sources.is_empty());
        assert!(allowed, "{k} is exempt without an official flag or a source");
    }
    // Every work process that is ours, every core task, note, skill label and sector is scored.
    let ours_keys: std::collections::BTreeSet<&str> = ours.iter().map(|(k, _)| k.as_str()).collect();
    for w in data.qualifications.iter().flat_map(|q| &q.core_tasks).flat_map(|t| &t.work_processes) {
        assert_eq!(ours_keys.contains(w.id.as_str()), !w.official, "{}", w.id);
        assert_eq!(names.contains(w.id.as_str()), w.official, "{}", w.id);
    }
    assert!(data.skills.iter().all(|s| ours_keys.contains(s.id.as_str())));
    assert!(data.sectors.iter().all(|s| ours_keys.contains(s.id.as_str())));
    assert!(data.certificates.iter().all(|c| ours_keys.contains(format!("{}.note", c.id).as_str())));
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
