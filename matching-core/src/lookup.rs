//! Typo-tolerant lookup over every label and search word, Dutch and English: a trigram index and a
//! sorted token list find candidates fast; `strsim` gives the final similarity. Handles prefixes
//! (results while typing), diacritics, `ij`/`y`, compounds and abbreviations.

use crate::model::{ItemKind, ItemRef, Lang};
use crate::taxonomy::{ItemIdx, Taxonomy};
use serde::{Deserialize, Serialize};

/// Hits below this similarity (per-mille) are noise, not typos.
pub const MIN_SIMILARITY: u16 = 600;
/// A best hit below this (per-mille) is a guess, not an answer: "tandarts" finding "taart" at 81 %.
/// [`good_matches`] then gives nothing, and the caller says so and offers the sectors instead.
pub const GOOD_MATCH: u16 = 820;
/// At most this many candidates from the trigram index get the full similarity.
const MAX_CANDIDATES: usize = 150;
/// A candidate must share at least 1/CANDIDATE_SHARE of the best candidate's trigram hits.
const CANDIDATE_SHARE: u16 = 4;
/// Score of a word that starts with what was typed: high, because that is what typing looks like.
const PREFIX_SCORE: f64 = 0.92;
/// Score of a compound match ("heftruckchauffeur" holds "heftruck") when the part is tiny; it
/// grows to `COMPOUND_BASE + COMPOUND_SPAN` as the part covers more of the whole word.
const COMPOUND_BASE: f64 = 0.6;
const COMPOUND_SPAN: f64 = 0.3;
/// Jaro-Winkler counts at 90 %: it forgives more than edit distance, so it must not outrank it.
const JARO_WINKLER_SHARE: f64 = 0.9;
/// Shortest part of a compound that counts; shorter parts match too much by chance.
const MIN_COMPOUND_PART: usize = 4;

/// A hit this far (per-mille) below the best one is a different word, not another answer: "kapper"
/// finds the hair skills at 100 % and "tapper" (bier tappen) at 83 %.
pub const GOOD_MATCH_MARGIN: u16 = 150;

/// The hits worth showing: good matches ([`GOOD_MATCH`]) not far below the best one
/// ([`GOOD_MATCH_MARGIN`]). Weak hits are not shown as answers ("kapper" must not offer "bier
/// tappen"); with none left the caller says plainly that nothing fits well and offers the sectors
/// to browse. `hits` is in [`lookup`]'s order, best first.
pub fn good_matches(mut hits: Vec<Hit>) -> Vec<Hit> {
    let floor = hits.first().map_or(GOOD_MATCH, |best| GOOD_MATCH.max(best.score.saturating_sub(GOOD_MATCH_MARGIN)));
    hits.retain(|h| h.score >= floor);
    hits
}

/// One lookup result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    /// The item found.
    pub item: ItemRef,
    /// The label or search word that matched, as written in the taxonomy.
    pub matched: String,
    /// Language of the matched text.
    pub lang: Lang,
    /// Similarity, per-mille.
    pub score: u16,
}

#[derive(Clone, Debug)]
struct Entry {
    item: ItemIdx,
    text: String,
    lang: Lang,
    /// Preferred label (first of its language): wins ties against synonyms.
    preferred: bool,
    normalized: String,
    /// The words of `normalized`, as positions in the index's vocabulary.
    tokens: Vec<u32>,
    /// Each pair of neighbouring words joined, for Dutch compounds, as vocabulary positions.
    pairs: Vec<u32>,
}

/// The candidate index; built once per taxonomy.
#[derive(Clone, Debug, Default)]
pub(crate) struct LookupIndex {
    entries: Vec<Entry>,
    /// Every distinct word and joined pair of words of the entries, with its letter counts.
    words: Vec<String>,
    counts: Vec<Counts>,
    /// Sorted trigram postings, packed as `trigram << 32 | entry` so one integer sort builds them.
    trigrams: Vec<u64>,
    /// Sorted (token, entry) pairs for prefix search.
    tokens: Vec<(String, u32)>,
}

/// Lower case, diacritics off, `ij` as `y`, every other non-alphanumeric as one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The two characters before this one, folded (' ' before the start).
    let (mut before, mut last) = (' ', ' ');
    for c in text.chars().flat_map(char::to_lowercase).map(fold) {
        let (two_back, one_back) = (before, last);
        (before, last) = (last, c);
        // A dot after a single letter is part of an abbreviation ("v.c.a.", "b.h.v."): it joins
        // the letters instead of splitting them, so the abbreviation reads as "vca".
        if c == '.' && one_back.is_ascii_alphabetic() && !two_back.is_ascii_alphanumeric() {
            continue;
        }
        let c = if c.is_ascii_alphanumeric() { c } else { ' ' };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if c == 'j' && out.ends_with('i') {
            out.pop();
            out.push('y');
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// One lower-case character with its diacritics off; anything else unchanged.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' | 'ý' => 'y',
        c => c,
    }
}

/// Calls `each` with every trigram of the word (padded: two spaces before, one after) as a 24-bit key.
fn trigrams_of(word: &str, mut each: impl FnMut(u64)) {
    let padded: Vec<u8> = [b' ', b' '].into_iter().chain(word.bytes()).chain([b' ']).collect();
    for w in padded.windows(3) {
        each(u64::from(w[0]) << 16 | u64::from(w[1]) << 8 | u64::from(w[2]));
    }
}

impl Taxonomy {
    /// Every text the lookup searches (labels and search words of skills, soft skills and
    /// certificates), with its item: for benchmarks and for tools that list them.
    pub fn search_texts(&self) -> Vec<(ItemRef, &str)> {
        self.lookup_index().entries.iter().map(|e| (self.item_ref(e.item), e.text.as_str())).collect()
    }
}

impl LookupIndex {
    pub(crate) fn build(taxonomy: &Taxonomy) -> LookupIndex {
        let mut entries = Vec::new();
        let data = taxonomy.data();
        // Words repeat across labels ("medewerker", "heftruck"): each distinct word gets an id, so
        // a lookup compares a typed word with it once however many labels share it.
        let mut vocabulary: std::collections::BTreeMap<String, u32> = std::collections::BTreeMap::new();
        let mut push = |item: ItemIdx, list: &[String], lang: Lang, preferred_first: bool| {
            for (i, text) in list.iter().enumerate() {
                let normalized = normalize(text);
                let words: Vec<&str> = normalized.split(' ').collect();
                let mut id_of = |word: String| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(word).or_insert(next)
                };
                let tokens = words.iter().map(|w| id_of(w.to_string())).collect();
                let pairs = words.windows(2).map(|pair| id_of(format!("{}{}", pair[0], pair[1]))).collect();
                entries.push(Entry {
                    item,
                    text: text.clone(),
                    lang,
                    preferred: preferred_first && i == 0,
                    normalized,
                    tokens,
                    pairs,
                });
            }
        };
        for (idx, info) in taxonomy.items.iter().enumerate() {
            let idx = idx as ItemIdx;
            let (a, _, _) = info.pos;
            match info.kind {
                ItemKind::Skill => {
                    let s = &data.skills[a];
                    push(idx, &s.labels.nl, Lang::Nl, true);
                    push(idx, &s.labels.en, Lang::En, true);
                    push(idx, &s.syn.nl, Lang::Nl, false);
                    push(idx, &s.syn.en, Lang::En, false);
                }
                ItemKind::SoftSkill => {
                    let s = &data.soft_skills[a];
                    push(idx, std::slice::from_ref(&s.label.nl), Lang::Nl, true);
                    push(idx, std::slice::from_ref(&s.label.en), Lang::En, true);
                }
                ItemKind::Certificate => {
                    let c = &data.certificates[a];
                    push(idx, std::slice::from_ref(&c.label.nl), Lang::Nl, true);
                    push(idx, std::slice::from_ref(&c.label.en), Lang::En, true);
                    push(idx, &c.syn.nl, Lang::Nl, false);
                    push(idx, &c.syn.en, Lang::En, false);
                }
                ItemKind::WorkProcess => {}
            }
        }
        let mut words = vec![String::new(); vocabulary.len()];
        for (word, id) in vocabulary {
            words[id as usize] = word;
        }
        let mut trigrams = Vec::new();
        let mut tokens = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            let mut seen = Vec::new();
            for &token in &entry.tokens {
                let token = &words[token as usize];
                trigrams_of(token, |t| {
                    if !seen.contains(&t) {
                        seen.push(t);
                    }
                });
                tokens.push((token.clone(), e as u32));
            }
            trigrams.extend(seen.into_iter().map(|t| t << 32 | e as u64));
        }
        crate::sort::sort(&mut trigrams);
        crate::sort::sort(&mut tokens);
        let counts = words.iter().map(|w| counts(w)).collect();
        LookupIndex { entries, words, counts, trigrams, tokens }
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.entries.len()
    }
}

/// How often each letter and digit occurs in a word (the rest counted together): the edit
/// distance of two words is at least half the difference of their counts, since an edit changes
/// at most two counts by one.
type Counts = [u8; 37];

fn counts(word: &str) -> Counts {
    let mut counts = [0u8; 37];
    for c in word.chars() {
        let bucket = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + (c as usize - '0' as usize),
            _ => 36,
        };
        counts[bucket] = counts[bucket].saturating_add(1);
    }
    counts
}

/// The least edit distance two words with these counts can have.
fn distance_floor(a: &Counts, b: &Counts) -> usize {
    let differ: usize = a.iter().zip(b).map(|(x, y)| usize::from(x.abs_diff(*y))).sum();
    differ.div_ceil(2)
}

/// Similarity of one typed word to one word of a label, 0-1.
#[cfg(test)]
fn word_similarity(typed: &str, word: &str) -> f64 {
    word_similarity_counted(typed, &counts(typed), word, &counts(word))
}

/// [`word_similarity`] with the words' letter counts at hand.
fn word_similarity_counted(typed: &str, typed_counts: &Counts, word: &str, word_counts: &Counts) -> f64 {
    if typed == word {
        return 1.0;
    }
    let (tl, wl) = (typed.chars().count(), word.chars().count());
    if word.starts_with(typed) {
        return PREFIX_SCORE + (1.0 - PREFIX_SCORE) * tl as f64 / wl as f64 - 0.0001;
    }
    // The best of several measures. Each costly one is skipped when its upper bound cannot beat
    // what is already found, which leaves the result exactly as if all were computed.
    let mut best: f64 = 0.0;
    if tl.min(wl) >= MIN_COMPOUND_PART && (word.contains(typed) || typed.contains(word)) {
        best = COMPOUND_BASE + COMPOUND_SPAN * tl.min(wl) as f64 / tl.max(wl) as f64;
    }
    // Jaro-Winkler first: it is cheaper, and what it finds often rules the edit distance out.
    if best < JARO_WINKLER_SHARE {
        best = best.max(strsim::jaro_winkler(typed, word) * JARO_WINKLER_SHARE);
    }
    let least = tl.abs_diff(wl).max(distance_floor(typed_counts, word_counts));
    if similarity_bound(least, tl.max(wl)) > best {
        best = best.max(edit_similarity_above(typed, word, best));
    }
    // A typo inside what has been typed so far: compare with the word's start of the same length.
    if tl >= 3 && wl > tl && best < PREFIX_SCORE {
        let head = word.char_indices().nth(tl).map_or(word, |(at, _)| &word[..at]);
        best = best.max(edit_similarity_above(typed, head, best / PREFIX_SCORE) * PREFIX_SCORE);
    }
    best
}

/// Edit similarity, 0-1: `1 - d / longest`, with `d` the optimal-string-alignment distance (insert,
/// delete, replace, swap two neighbours). It is the Damerau-Levenshtein of typing errors without the
/// alphabet map that full Damerau-Levenshtein needs, which made it the cost of every lookup.
///
/// Exact where it is above `floor`; where it is not, some value at most `floor`.
/// Callers keep the larger of `floor` and this, so the result is exact, and the distance stops as
/// soon as it is too large to matter.
fn edit_similarity_above(a: &str, b: &str, floor: f64) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    // similarity > floor  ⇔  distance < (1 - floor) × longest
    let limit = ((1.0 - floor) * longest as f64).ceil().max(0.0) as usize;
    match osa_distance(a, b, limit) {
        Some(d) => 1.0 - d as f64 / longest as f64,
        None => floor.min(0.0),
    }
}

/// Longest word the stack-only distance handles; longer or non-ASCII text goes to `strsim`.
const SHORT: usize = 48;

/// The optimal-string-alignment distance, exactly `strsim::osa_distance` (a test checks), or
/// `None` once it is surely above `limit`. On bytes and three rows on the stack for the short
/// ASCII words lookups compare: strsim's allocations and char decoding were most of a lookup's
/// time.
fn osa_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() >= SHORT || b.len() >= SHORT || !a.is_ascii() || !b.is_ascii() {
        let d = strsim::osa_distance(
            std::str::from_utf8(a).unwrap_or_default(),
            std::str::from_utf8(b).unwrap_or_default(),
        );
        return (d <= limit).then_some(d);
    }
    // Distances stay below SHORT, so bytes hold them; the rows rotate by reference, not by copy.
    let (mut cells_a, mut cells_b, mut cells_c) = ([0u8; SHORT], [0u8; SHORT], [0u8; SHORT]);
    let (mut two_back, mut back, mut row) = (&mut cells_a, &mut cells_b, &mut cells_c);
    for (j, cell) in back.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    let mut back_min = 0u8;
    for i in 1..=a.len() {
        row[0] = i as u8;
        let mut row_min = row[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (back[j] + 1).min(row[j - 1] + 1).min(back[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            row[j] = d;
            row_min = row_min.min(d);
        }
        // Every later cell builds on this row or the one before: neither can get smaller.
        if usize::from(row_min.min(back_min)) > limit {
            return None;
        }
        back_min = row_min;
        (two_back, back, row) = (back, row, two_back);
    }
    let d = usize::from(back[b.len()]);
    (d <= limit).then_some(d)
}

/// The highest edit similarity two strings of these lengths can have:
/// the distance is at least the difference in length.
fn distance_bound(a: usize, b: usize) -> f64 {
    similarity_bound(a.abs_diff(b), a.max(b))
}

/// The highest edit similarity when the distance is at least `least` and the longer string has
/// `longest` characters.
fn similarity_bound(least: usize, longest: usize) -> f64 {
    if longest == 0 {
        return 1.0;
    }
    1.0 - least as f64 / longest as f64
}

/// Word similarities already worked out in one lookup: per typed word, per vocabulary word
/// (NaN until computed).
struct Memo<'i> {
    index: &'i LookupIndex,
    typed_counts: Vec<Counts>,
    known: Vec<Vec<f64>>,
}

impl<'i> Memo<'i> {
    fn new(index: &'i LookupIndex, typed: &[&str]) -> Memo<'i> {
        Memo {
            index,
            typed_counts: typed.iter().map(|t| counts(t)).collect(),
            known: vec![vec![f64::NAN; index.words.len()]; typed.len()],
        }
    }

    fn get(&mut self, q: usize, typed: &str, word: u32) -> f64 {
        let slot = &mut self.known[q][word as usize];
        if slot.is_nan() {
            let w = word as usize;
            *slot = word_similarity_counted(typed, &self.typed_counts[q], &self.index.words[w], &self.index.counts[w]);
        }
        *slot
    }
}

/// Similarity of a query to an entry, 0-1: every typed word to its best word of the label, with a
/// small penalty for label words nobody typed (so "heftruck" prefers "heftruck" over
/// "heftruck rijden" when both exist). `None` when it is surely below `floor` (the entry cannot
/// make the list), which spares the whole-string distance.
fn similarity(query: &str, query_tokens: &[&str], entry: &Entry, memo: &mut Memo, floor: f64) -> Option<f64> {
    if query == entry.normalized {
        return Some(1.0);
    }
    let mut sum = 0.0;
    for (q, typed) in query_tokens.iter().enumerate() {
        let single = entry.tokens.iter().map(|&w| memo.get(q, typed, w)).fold(0.0, f64::max);
        // Dutch writes compounds as one word where a label has two: "klantvriendelijk" for
        // "klanten vriendelijk". Try each pair of neighbouring words joined.
        let joined =
            if single < 1.0 { entry.pairs.iter().map(|&w| memo.get(q, typed, w)).fold(0.0, f64::max) } else { 0.0 };
        sum += single.max(joined);
    }
    let per_word = sum / query_tokens.len() as f64;
    let extra = entry.tokens.len().saturating_sub(query_tokens.len()) as f64;
    let by_word = per_word - 0.01 * extra;
    // The whole-string distance only matters where it can beat the word-by-word score (and the floor).
    let bound = distance_bound(query.chars().count(), entry.normalized.chars().count());
    let best = if bound > by_word.max(floor) {
        by_word.max(edit_similarity_above(query, &entry.normalized, by_word.max(floor)))
    } else {
        by_word
    };
    (best >= floor).then_some(best)
}

/// Looks `query` up; best hits first, one hit per item, at most `limit`.
pub fn lookup(taxonomy: &Taxonomy, query: &str, limit: usize) -> Vec<Hit> {
    let index = taxonomy.lookup_index();
    let query = normalize(query);
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let query_tokens: Vec<&str> = query.split(' ').collect();
    // Count shared trigrams per entry.
    let mut counts = vec![0u16; index.entries.len()];
    for token in &query_tokens {
        trigrams_of(token, |t| {
            let start = index.trigrams.partition_point(|&x| x >> 32 < t);
            for &x in index.trigrams[start..].iter().take_while(|&&x| x >> 32 == t) {
                counts[(x & 0xffff_ffff) as usize] += 1;
            }
        });
        // Whatever word starts with the typed text is a candidate, however short the text.
        let start = index.tokens.partition_point(|(w, _)| w.as_str() < *token);
        for (_, e) in index.tokens[start..].iter().take_while(|(w, _)| w.starts_with(token)) {
            counts[*e as usize] += 8;
        }
    }
    // Most trigram hits first, then the earlier entry: one integer key per candidate.
    let mut candidates: Vec<u64> = counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(e, &c)| u64::from(u16::MAX - c) << 32 | e as u64)
        .collect();
    crate::sort::sort(&mut candidates);
    candidates.truncate(MAX_CANDIDATES);
    let hits_of = |key: u64| u16::MAX - (key >> 32) as u16;
    // Entries sharing less than a quarter of the best entry's evidence are noise, not typos.
    let floor = candidates.first().map_or(0, |&c| hits_of(c).div_ceil(CANDIDATE_SHARE));
    candidates.retain(|&c| hits_of(c) >= floor);

    // Best score first, then preferred labels, then the earlier entry: one integer key per hit.
    let mut memo = Memo::new(index, &query_tokens);
    // The best score per item seen so far: once `limit` items score above some entry, it cannot
    // be shown, so its costly parts are skipped (the result is the same).
    let mut best_of_item: Vec<(ItemIdx, u16)> = Vec::new();
    let mut floor = f64::MIN;
    let mut hits: Vec<u64> = Vec::new();
    for key in candidates {
        let e = key & 0xffff_ffff;
        let entry = &index.entries[e as usize];
        let Some(similar) = similarity(&query, &query_tokens, entry, &mut memo, floor) else { continue };
        let score = (similar * 1000.0).round().clamp(0.0, 1000.0) as u16;
        if score < MIN_SIMILARITY {
            continue;
        }
        hits.push(u64::from(1000 - score) << 33 | u64::from(!entry.preferred) << 32 | e);
        match best_of_item.iter_mut().find(|(item, _)| *item == entry.item) {
            Some((_, best)) => *best = (*best).max(score),
            None => best_of_item.push((entry.item, score)),
        }
        if best_of_item.len() >= limit {
            let mut scores: Vec<u16> = best_of_item.iter().map(|&(_, s)| s).collect();
            crate::sort::sort_by(&mut scores, |a, b| b.cmp(a));
            // Rounded scores below the `limit`-th lose to `limit` items: similarity < (kth − 0.5) / 1000.
            floor = (f64::from(scores[limit - 1]) - 0.5) / 1000.0;
        }
    }
    crate::sort::sort(&mut hits);
    let mut seen_items = Vec::new();
    let mut out = Vec::new();
    for key in hits {
        let (score, e) = (1000 - (key >> 33) as u16, (key & 0xffff_ffff) as usize);
        let entry = &index.entries[e];
        if seen_items.contains(&entry.item) {
            continue;
        }
        seen_items.push(entry.item);
        out.push(Hit { item: taxonomy.item_ref(entry.item), matched: entry.text.clone(), lang: entry.lang, score });
        if out.len() == limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{counts, distance_floor, good_matches, normalize, osa_distance, word_similarity, Hit};
    use crate::model::{ItemRef, Lang};

    #[test]
    fn letter_counts_never_overestimate_the_distance() {
        let words = [
            "heftruck",
            "heftruk",
            "hefturck",
            "vca",
            "klantvriendelijk",
            "klantvrindelijk",
            "rybewys",
            "kassa",
            "café",
            "cafe",
            "",
        ];
        for a in words {
            for b in words {
                assert!(distance_floor(&counts(a), &counts(b)) <= strsim::osa_distance(a, b), "{a:?} {b:?}");
            }
        }
        assert!(word_similarity("heftruk", "heftruck") > 0.8);
    }

    #[test]
    fn our_distance_is_strsims() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "heftruck",
            "heftruk",
            "hefturck",
            "vca",
            "vac",
            "klantvriendelijk",
            "klantvrindelijk",
            "rybewys",
            "rijbewijs",
            "café",
            "cafe",
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop",
            "orderpicken",
            "ordrepikken",
            "ca",
            "abc",
            "acb",
            "bca",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                assert_eq!(osa_distance(a, b, usize::MAX), Some(d), "{a:?} {b:?}");
                for limit in 0..8 {
                    assert_eq!(osa_distance(a, b, limit), (d <= limit).then_some(d), "{a:?} {b:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn normalizing_folds_case_diacritics_and_ij() {
        assert_eq!(normalize("Rijbewijs B"), "rybewys b");
        assert_eq!(normalize("rijbewys"), "rybewys");
        assert_eq!(normalize("  Café-bediening! "), "cafe bediening");
        assert_eq!(normalize("Hygiëne"), "hygiene");
    }

    #[test]
    fn dots_inside_abbreviations_join_the_letters() {
        assert_eq!(normalize("v.c.a."), "vca");
        assert_eq!(normalize("V.C.A"), "vca");
        assert_eq!(normalize("b.h.v.-cursus"), "bhv cursus");
        assert_eq!(normalize("e.h.b.o. diploma"), "ehbo diploma");
        // A dot after a longer word still splits.
        assert_eq!(normalize("nr.5 heftruck.rijden"), "nr 5 heftruck ryden");
    }

    #[test]
    fn good_matches_drop_guesses_and_far_weaker_hits() {
        let hit =
            |score| Hit { item: ItemRef::Skill(format!("s{score}")), matched: String::new(), lang: Lang::Nl, score };
        let ids = |hits: Vec<Hit>| hits.into_iter().map(|h| h.score).collect::<Vec<_>>();
        assert_eq!(ids(good_matches(vec![hit(1000), hit(900), hit(830)])), vec![1000, 900]);
        assert_eq!(ids(good_matches(vec![hit(900), hit(850), hit(830)])), vec![900, 850, 830]);
        assert!(good_matches(vec![hit(810), hit(700)]).is_empty(), "a best hit below GOOD_MATCH is a guess");
        assert!(good_matches(Vec::new()).is_empty());
    }
}
