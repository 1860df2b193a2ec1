//! The one translation engine of the web crate: each app (the young person's app, the pool page,
//! the work app, the view page) and the words' explanations keep a table of their own
//! (`Table`: key, Dutch, English); these functions look up, fill in and check any of them.

use matching_core::Lang;

/// A translation table: (key, Dutch, English). The app, the pool page and the work app each have
/// one; these functions serve all three.
pub type Table = [(&'static str, &'static str, &'static str)];

/// The text for `key` in `lang` from `table`; a warning sign when missing (each table's tests keep
/// that from shipping).
pub fn lookup(table: &'static Table, key: &str, lang: Lang) -> &'static str {
    match table.iter().find(|(k, _, _)| *k == key) {
        Some((_, nl, en)) => match lang {
            Lang::Nl => nl,
            Lang::En => en,
        },
        None => "⚠",
    }
}

/// `text` with its `{name}` placeholders filled in.
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut text = text.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The form of `text` for the number `n`, with `{n}` filled in. A text that changes with a number
/// holds both forms, "one|other" ("{n} werkplek past|{n} werkplekken passen"), in both languages.
pub fn plural(text: &str, n: usize) -> String {
    let (one, other) = text.split_once('|').unwrap_or((text, text));
    (if n == 1 { one } else { other }).replace("{n}", &n.to_string())
}

/// Checks a table: keys unique, both languages filled in, the same placeholders in both.
#[cfg(test)]
pub fn check_table(table: &Table) {
    fn holes(s: &str) -> Vec<&str> {
        let mut h: Vec<&str> = s.split('{').skip(1).map(|p| p.split('}').next().unwrap_or("")).collect();
        h.sort_unstable();
        h
    }
    let mut keys = std::collections::BTreeSet::new();
    for (key, nl, en) in table {
        assert!(keys.insert(key), "{key} twice");
        assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{key} is empty");
        assert_eq!(holes(nl), holes(en), "{key}: placeholders differ");
        assert_eq!(nl.contains('|'), en.contains('|'), "{key}: a plural in one language only");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plural_picks_the_form_by_number() {
        let text = "{n} werkplek past|{n} werkplekken passen";
        assert_eq!(super::plural(text, 1), "1 werkplek past");
        assert_eq!(super::plural(text, 0), "0 werkplekken passen");
        assert_eq!(super::plural(text, 2), "2 werkplekken passen");
        assert_eq!(super::plural("Vraag {n}", 1), "Vraag 1");
    }
}
