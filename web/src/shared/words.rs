//! Words a 16-year-old may not know (praktijkverklaring, moet-eis, VCA, …), each with a short B1
//! explanation that opens where the word is used and can be read aloud. The app and the pool page
//! both show them; the table is small and of its own, so the pool page does not carry the app's.
//! Facts and their sources: `data/taxonomy/SOURCES.md`, "Words and their sources".

use crate::shared::i18n::{lookup, Table};
use crate::shared::speech::speak_labelled;
use matching_core::Lang;
use yew::prelude::*;

/// (key, Dutch, English): `word.X` is the question that opens the explanation, `word.X.what` the
/// explanation itself.
pub const WORDS: &Table = &[
    ("word.praktijkverklaring", "Wat is een praktijkverklaring?", "What is a praktijkverklaring?"),
    ("word.praktijkverklaring.what", "Dat is een papier van een mbo-school. Er staat op welk werk je goed kunt. Je leert dat werk bij een erkend leerbedrijf. Dat is een bedrijf dat mag opleiden. Je doet er geen examen voor. Deze app geeft zelf geen praktijkverklaring.", "It is a paper from an mbo school. It says which work you do well. You learn that work at a recognised learning company: a company allowed to train students. There is no exam. This app does not give you a praktijkverklaring itself."),
    ("word.mbo_certificaat", "Wat is een mbo-certificaat?", "What is an mbo certificate?"),
    ("word.mbo_certificaat.what", "Dat krijg je voor een deel van een mbo-opleiding. Je doet er examen voor bij een mbo-school. Het is meer dan een praktijkverklaring. Het is minder dan een diploma.", "You get it for part of an mbo course. You take an exam for it at an mbo school. It is more than a praktijkverklaring. It is less than a diploma."),
    ("word.werkproces", "Wat is een werkproces?", "What is a work process?"),
    ("word.werkproces.what", "Het is een stuk werk uit een mbo-opleiding. Zoals: spullen aannemen en in de kast zetten. Alle stukken samen zijn het hele vak.", "It is a piece of work from an mbo course. For example: taking in goods and putting them away. All pieces together are the whole trade."),
    ("word.kwalificatie", "Wat is een opleiding hier?", "What is a qualification here?"),
    ("word.kwalificatie.what", "Elk mbo-beroep heeft een lijst van wat je moet kunnen. Die lijst heet een kwalificatie. De school maakt er een opleiding van.", "Every mbo trade has a list of what you must be able to do. That list is called a qualification. The school turns it into a course."),
    ("word.entree", "Wat is Entree?", "What is Entree?"),
    ("word.entree.what", "Entree is de eerste stap in het mbo. Je hebt er geen diploma voor nodig. Je moet wel 16 jaar zijn. Daarna kun je werken of naar niveau 2.", "Entree is the first step in mbo. You do not need a diploma for it. You must be 16. After it you can work or go on to level 2."),
    ("word.crebo", "Wat is een crebonummer?", "What is a crebo number?"),
    ("word.crebo.what", "Elke mbo-opleiding heeft een nummer van vijf cijfers. Dat is het crebonummer. Het staat op je diploma. Zo weet iedereen welke opleiding je deed.", "Every mbo course has a number of five digits: the crebo number. It is on your diploma. So everyone knows which course you did."),
    ("word.praktijkopleider", "Wat is een praktijkopleider?", "What is a workplace trainer?"),
    ("word.praktijkopleider.what", "Die werkt bij het bedrijf waar jij leert. Die leert je het werk. Die kijkt ook wat je al goed kunt.", "They work at the company where you learn. They teach you the work. They also see what you already do well."),
    ("word.jobhunter", "Wat is een jobhunter?", "What is a jobhunter?"),
    ("word.jobhunter.what", "Een jobhunter helpt jongeren aan werk of een opleiding. Die kent veel werkgevers in jouw regio.", "A jobhunter helps young people find work or a course. They know many employers in your region."),
    ("word.ontwikkelbaan", "Wat is een ontwikkelbaan?", "What is a development job?"),
    ("word.ontwikkelbaan.what", "Dat is een baan waarin je ook leert. Je werkt vaak 24 tot 28 uur per week. Je krijgt loon en hulp bij je werk. Het duurt bijvoorbeeld een half jaar.", "It is a job in which you also learn. You often work 24 to 28 hours a week. You get paid and get help at work. It lasts, for example, half a year."),
    ("word.bbl", "Wat is BBL?", "What is BBL?"),
    ("word.bbl.what", "BBL is werken en leren tegelijk. Je werkt vaak 4 dagen bij een erkend leerbedrijf. Je gaat 1 dag naar school. Je krijgt loon. Zo haal je een mbo-diploma.", "BBL is working and learning at the same time. You often work 4 days at a recognised learning company. You go to school 1 day. You get paid. That way you get an mbo diploma."),
    ("word.leerwerktraject", "Wat is een leerwerktraject?", "What is a learning-work route?"),
    ("word.leerwerktraject.what", "Je werkt en je leert een deel van een vak. Het is korter dan een hele mbo-opleiding. Vraag wat je er aan het eind voor krijgt.", "You work and learn part of a trade. It is shorter than a whole mbo course. Ask what you get for it at the end."),
    ("word.stage", "Wat is een stage?", "What is a work placement?"),
    ("word.stage.what", "Bij een stage leer je het werk in een bedrijf. Een stage hoort bij een opleiding. Je krijgt er weinig of geen geld voor.", "In a placement you learn the work at a company. A placement is part of a course. You get little or no money for it."),
    ("word.moet_eis", "Wat is een moet-eis?", "What is a must-have?"),
    ("word.moet_eis.what", "Dat is iets wat de werkgever echt nodig vindt. Heb je het nog niet? Dan past het werk nog niet helemaal. Je ziet het werk wel.", "It is something the employer really needs. Don't have it yet? Then the work does not fit fully yet. You still see the work."),
    ("word.vca", "Wat is VCA?", "What is VCA?"),
    ("word.vca.what", "VCA is een diploma over veilig werken. Veel werk in de bouw, techniek en transport vraagt het. Je doet een examen op de computer. Het examen kan ook voorgelezen worden. Het diploma is 10 jaar geldig.", "VCA is a diploma about working safely. Much work in building, technology and transport asks for it. You take an exam on a computer. The exam can also be read aloud. The diploma is valid for 10 years."),
    ("word.bhv", "Wat is BHV?", "What is BHV?"),
    ("word.bhv.what", "BHV is eerste hulp op je werk. Een BHV'er helpt als er iets misgaat. Bijvoorbeeld bij een ongeluk of brand. Elk bedrijf moet dit regelen. Dat staat in de wet.", "BHV is emergency help at work. A BHV person helps when something goes wrong. For example an accident or a fire. Every company must arrange this. The law says so."),
];

/// The explanations of `keys` (`"moet_eis"` for `word.moet_eis`): each a `<details>` whose
/// summary is a real button for keyboard and screen reader, with a read-aloud button inside.
/// `speak` is the read-aloud label of the page's own table.
pub fn words(keys: &[&str], lang: Lang, speak: &'static str) -> Html {
    html! {
        <div class="words">
            { for keys.iter().map(|key| {
                let key = format!("word.{key}");
                let (question, what) = (lookup(WORDS, &key, lang), lookup(WORDS, &format!("{key}.what"), lang));
                html! {
                    <details class="word">
                        <summary><span aria-hidden="true">{"❓ "}</span>{question}</summary>
                        <p>{what}</p>
                        {speak_labelled(&format!("{question} {what}"), lang, speak)}
                    </details>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_complete_and_every_word_has_an_explanation() {
        crate::shared::i18n::check_table(WORDS);
        for (key, _, _) in WORDS.iter().filter(|(k, _, _)| !k.ends_with(".what")) {
            assert!(WORDS.iter().any(|(k, _, _)| *k == format!("{key}.what")), "{key} has no explanation");
        }
    }

    /// Every word is shown somewhere (`words(&["moet_eis", …]` in a screen), and every word a
    /// screen asks for exists.
    #[test]
    fn every_word_is_shown_and_every_shown_word_exists() {
        let sources = [
            include_str!("../app/screens.rs"),
            include_str!("../app/results.rs"),
            include_str!("../app/extras.rs"),
            include_str!("../delen/screens.rs"),
        ]
        .concat();
        let mut asked = Vec::new();
        for (at, _) in sources.match_indices("words(&[") {
            let list = &sources[at + "words(&[".len()..];
            let list = &list[..list.find(']').unwrap_or(0)];
            asked.extend(list.split(',').map(|w| w.trim().trim_matches('"').to_string()).filter(|w| !w.is_empty()));
        }
        for word in &asked {
            assert!(
                WORDS.iter().any(|(k, _, _)| *k == format!("word.{word}")),
                "word {word:?} is shown but not in the table"
            );
        }
        for (key, _, _) in WORDS.iter().filter(|(k, _, _)| !k.ends_with(".what")) {
            let word = key.trim_start_matches("word.");
            assert!(asked.iter().any(|w| w == word), "word {word:?} is in the table but never shown");
        }
    }
}
