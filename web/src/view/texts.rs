//! The view page's translation table: every text it shows, in Dutch and English, with the same
//! shape and checks as the app's `i18n.rs`. The names of the parts and of evidence are the app's
//! words (a test keeps them equal), so both pages say the same thing.

use matching_core::Lang;

/// (key, Dutch, English). Dutch first: it is the default.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Vaardig", "Vaardig"),
    ("lang.switch", "English", "Nederlands"),
    (
        "view.load_failed",
        "Het laden lukt niet. Kijk of u internet hebt en probeer het opnieuw.",
        "Loading failed. Check your internet and try again.",
    ),
    ("view.title", "Profiel van een kandidaat", "A candidate's profile"),
    (
        "view.help",
        "Dit profiel is gedeeld door een jongere. U ziet alleen wat hij of zij koos.",
        "A young person shared this profile. You see only what they chose.",
    ),
    ("view.broken", "Deze link werkt niet. Vraag om een nieuwe.", "This link does not work. Ask for a new one."),
    ("view.try", "Vergelijk met uw vacature", "Compare with your vacancy"),
    ("view.add", "Voeg een eis toe", "Add a requirement"),
    ("view.must", "Moet", "Must"),
    ("view.score", "Score", "Score"),
    ("qr.title", "Laat dit zien aan de werkgever", "Show this to the employer"),
    (
        "qr.help",
        "Met de camera van de telefoon ziet de werkgever wat jij deelt.",
        "With a phone camera, the employer sees what you share.",
    ),
    ("qr.label", "QR-code van je link", "QR code of your link"),
    ("qr.back", "Terug naar de app", "Back to the app"),
    ("sub.skills", "Vaardigheden", "Skills"),
    ("sub.soft_skills", "Hoe je werkt", "How you work"),
    ("sub.certificates", "Papieren", "Certificates"),
    ("sub.work_processes", "Werkprocessen", "Work processes"),
    ("evidence.self", "Dat zeg ik zelf", "My own estimate"),
    ("evidence.coach", "Coach zegt het", "Coach confirmed"),
    ("evidence.practice", "Gezien op werk", "Shown at work"),
    ("evidence.formal", "Diploma", "Diploma"),
];

/// The text for `key` in `lang`; a warning sign when missing (a test keeps that from shipping).
pub fn t(key: &str, lang: Lang) -> &'static str {
    crate::shared::i18n::lookup(TEXTS, key, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::texts::{evidence_key, kind_key};
    use matching_core::{Evidence, ItemKind};

    #[test]
    fn both_languages_are_complete_and_keys_unique() {
        crate::shared::i18n::check_table(TEXTS);
    }

    /// The view names the parts and the evidence as the app does.
    #[test]
    fn kinds_and_evidence_are_the_apps_words() {
        let keys = ItemKind::ALL.iter().map(|&k| kind_key(k)).chain(
            [Evidence::Self_, Evidence::Coach, Evidence::Practice, Evidence::Formal].into_iter().map(evidence_key),
        );
        for key in keys {
            for lang in [Lang::Nl, Lang::En] {
                assert_eq!(t(key, lang), crate::app::texts::t(key, lang), "{key}");
            }
        }
    }

    /// Every key-like string literal in the page's code is in the table, and every text is used.
    #[test]
    fn every_key_used_in_the_code_exists_and_every_text_is_used() {
        let source = include_str!("mod.rs");
        for literal in source.split('"').skip(1).step_by(2) {
            if (literal.starts_with("view.") || literal.starts_with("qr.")) && literal != crate::view::PAGE {
                assert!(TEXTS.iter().any(|(k, _, _)| *k == literal), "text key {literal:?} is not in the table");
            }
        }
        for (key, _, _) in TEXTS {
            let formed = key.starts_with("sub.") || key.starts_with("evidence.");
            assert!(formed || source.contains(&format!("\"{key}\"")), "text {key:?} is never used");
        }
    }
}
