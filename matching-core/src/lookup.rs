//! Typo-tolerant lookup over every label and search word, Dutch and English: a trigram index and a
//! sorted token list find candidates fast; `strsim` gives the final similarity. Handles prefixes
//! (results while typing), diacritics, `ij`/`y`, compounds and abbreviations.

use crate::model::{ItemKind, ItemRef, Lang};
use crate::taxonomy::{ItemIdx, Taxonomy};
use serde::{Deserialize, Serialize};

/// Hits below this similarity (per-mille) are noise, not typos.
pub const MIN_SIMILARITY: u16 = 600;
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

/// One lookup result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    tokens: Vec<String>,
    /// Each pair of neighbouring words joined, for Dutch compounds.
    pairs: Vec<String>,
}

/// The candidate index; built once per taxonomy.
#[derive(Clone, Debug, Default)]
pub(crate) struct LookupIndex {
    entries: Vec<Entry>,
    /// Sorted trigram postings, packed as `trigram << 32 | entry` so one integer sort builds them.
    trigrams: Vec<u64>,
    /// Sorted (token, entry) pairs for prefix search.
    tokens: Vec<(String, u32)>,
}

/// Lower case, diacritics off, `ij` as `y`, every other non-alphanumeric as one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ÿ' | 'ý' => 'y',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
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
        let mut push = |item: ItemIdx, list: &[String], lang: Lang, preferred_first: bool| {
            for (i, text) in list.iter().enumerate() {
                let normalized = normalize(text);
                let tokens: Vec<String> = normalized.split(' ').map(str::to_string).collect();
                let pairs = tokens.windows(2).map(|pair| format!("{}{}", pair[0], pair[1])).collect();
                let preferred = preferred_first && i == 0;
                entries.push(Entry { item, text: text.clone(), lang, preferred, normalized, tokens, pairs });
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
        let mut trigrams = Vec::new();
        let mut tokens = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            let mut seen = Vec::new();
            for token in &entry.tokens {
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
        LookupIndex { entries, trigrams, tokens }
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.entries.len()
    }
}

/// Similarity of one typed word to one word of a label, 0-1.
fn word_similarity(typed: &str, word: &str) -> f64 {
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
    if distance_bound(tl, wl) > best {
        best = best.max(edit_similarity(typed, word));
    }
    if best < JARO_WINKLER_SHARE {
        best = best.max(strsim::jaro_winkler(typed, word) * JARO_WINKLER_SHARE);
    }
    // A typo inside what has been typed so far: compare with the word's start of the same length.
    if tl >= 3 && wl > tl && best < PREFIX_SCORE {
        let head: String = word.chars().take(tl).collect();
        best = best.max(edit_similarity(typed, &head) * PREFIX_SCORE);
    }
    best
}

/// Edit similarity, 0-1: `1 - d / longest`, with `d` the optimal-string-alignment distance (insert,
/// delete, replace, swap two neighbours). It is the Damerau-Levenshtein of typing errors without the
/// alphabet map that full Damerau-Levenshtein needs, which made it the cost of every lookup.
fn edit_similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - strsim::osa_distance(a, b) as f64 / longest as f64
}

/// The highest edit similarity two strings of these lengths can have:
/// the distance is at least the difference in length.
fn distance_bound(a: usize, b: usize) -> f64 {
    let longest = a.max(b);
    if longest == 0 {
        return 1.0;
    }
    1.0 - a.abs_diff(b) as f64 / longest as f64
}

/// Similarity of a query to an entry, 0-1: every typed word to its best word of the label, with a
/// small penalty for label words nobody typed (so "heftruck" prefers "heftruck" over
/// "heftruck rijden" when both exist).
fn similarity(query: &str, query_tokens: &[&str], entry: &Entry) -> f64 {
    if query == entry.normalized {
        return 1.0;
    }
    let mut sum = 0.0;
    for typed in query_tokens {
        let single = entry.tokens.iter().map(|w| word_similarity(typed, w)).fold(0.0, f64::max);
        // Dutch writes compounds as one word where a label has two: "klantvriendelijk" for
        // "klanten vriendelijk". Try each pair of neighbouring words joined.
        let joined = if single < 1.0 {
            entry.pairs.iter().map(|pair| word_similarity(typed, pair)).fold(0.0, f64::max)
        } else {
            0.0
        };
        sum += single.max(joined);
    }
    let per_word = sum / query_tokens.len() as f64;
    let extra = entry.tokens.len().saturating_sub(query_tokens.len()) as f64;
    let by_word = per_word - 0.01 * extra;
    // The whole-string distance only matters where it can beat the word-by-word score.
    if distance_bound(query.chars().count(), entry.normalized.chars().count()) > by_word {
        by_word.max(edit_similarity(query, &entry.normalized))
    } else {
        by_word
    }
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
    let mut hits: Vec<u64> = candidates
        .into_iter()
        .filter_map(|key| {
            let e = key & 0xffff_ffff;
            let entry = &index.entries[e as usize];
            let score = (similarity(&query, &query_tokens, entry) * 1000.0).round().clamp(0.0, 1000.0) as u16;
            (score >= MIN_SIMILARITY).then(|| u64::from(1000 - score) << 33 | u64::from(!entry.preferred) << 32 | e)
        })
        .collect();
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
    use super::normalize;

    #[test]
    fn normalizing_folds_case_diacritics_and_ij() {
        assert_eq!(normalize("Rijbewijs B"), "rybewys b");
        assert_eq!(normalize("rijbewys"), "rybewys");
        assert_eq!(normalize("  Café-bediening! "), "cafe bediening");
        assert_eq!(normalize("Hygiëne"), "hygiene");
    }
}
