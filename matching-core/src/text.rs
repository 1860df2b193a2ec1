//! Plain words for explanations, knock-outs and advice, in Dutch (B1, "je") and English. The app
//! and the CLI show these sentences; the numbers in them come from the explanation values.

use crate::advice::{Action, Step};
use crate::explain::{Explanation, Interval, Line, Route};
use crate::model::{Evidence, Importance, Lang, Shift};
use crate::practical::{KnockOut, OpenQuestion};
use crate::taxonomy::Taxonomy;

fn pick(lang: Lang, nl: &str, en: &str) -> String {
    match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Who says so, in words.
pub fn evidence(e: Evidence, lang: Lang) -> String {
    match e {
        Evidence::Self_ => pick(lang, "dat zeg je zelf", "your own estimate"),
        Evidence::Coach => pick(lang, "je coach zegt het", "confirmed by your coach"),
        Evidence::Practice => pick(lang, "gezien op je werk", "shown at work"),
        Evidence::Formal => pick(lang, "met diploma of certificaat", "diploma or certificate"),
    }
}

/// A shift in words.
pub fn shift(s: Shift, lang: Lang) -> String {
    match s {
        Shift::Day => pick(lang, "overdag", "day shifts"),
        Shift::Evening => pick(lang, "'s avonds", "evenings"),
        Shift::Night => pick(lang, "'s nachts", "nights"),
        Shift::Weekend => pick(lang, "in het weekend", "weekends"),
    }
}

/// Per-mille as a rounded percentage.
fn pct(permille: u16) -> u32 {
    (u32::from(permille) + 5) / 10
}

/// Per-mille as a percentage with one decimal, with the decimal sign of the language.
fn tenths(permille: u16, lang: Lang) -> String {
    let sign = if lang == Lang::Nl { ',' } else { '.' };
    format!("{}{sign}{}", permille / 10, permille % 10)
}

/// Must or nice in words.
fn need(importance: Importance, lang: Lang) -> &'static str {
    match (importance, lang) {
        (Importance::Must, Lang::Nl) => "moet",
        (Importance::Nice, Lang::Nl) => "mooi meegenomen",
        (Importance::Must, Lang::En) => "must have",
        (Importance::Nice, Lang::En) => "nice to have",
    }
}

/// How the person holds what a line asks, who says so, and whether it still has to be shown:
/// "jij hebt niveau 2, nodig is 3 (dat zeg je zelf)".
fn holding(taxonomy: &Taxonomy, l: &Line, lang: Lang) -> String {
    let why = match (&l.route, lang) {
        // A certificate has no level: it is held or not.
        (Route::Direct, _) => match (l.level.filter(|_| l.kind != crate::model::ItemKind::Certificate), lang) {
            (Some(level), Lang::Nl) => format!("jij hebt niveau {level}, nodig is {}", l.min_level),
            (Some(level), Lang::En) => format!("you have level {level}, {} is needed", l.min_level),
            (None, _) => pick(lang, "jij hebt het", "you have it"),
        },
        (Route::Certificate { certificate }, _) => {
            let cert = taxonomy.name(&crate::model::ItemRef::Certificate(certificate.clone()), lang);
            match lang {
                Lang::Nl => format!("dat laat je zien met je certificaat {cert}"),
                Lang::En => format!("shown by your certificate {cert}"),
            }
        }
        (Route::WorkProcess { work_process }, _) => {
            let wp = taxonomy.name(&crate::model::ItemRef::WorkProcess(work_process.clone()), lang);
            match lang {
                Lang::Nl => format!("dat laat je zien met het werkproces {wp}"),
                Lang::En => format!("shown by the work process {wp}"),
            }
        }
        (Route::Related { skill, strength }, _) => {
            let other = taxonomy.name(&crate::model::ItemRef::Skill(skill.clone()), lang);
            match lang {
                Lang::Nl => format!("lijkt op {other}, dat kun je al ({}% telt mee)", pct(*strength)),
                Lang::En => format!("close to {other}, which you can do ({}% counts)", pct(*strength)),
            }
        }
        (Route::NotListed, _) => {
            pick(lang, "niet ingevuld — voeg het toe als je het kunt", "not listed — add it if you can")
        }
        (Route::NotHeld, _) => pick(lang, "dit heb je nog niet", "you do not have this yet"),
        (Route::NotDone, _) => pick(lang, "dit heb je nog niet gedaan", "not done yet"),
        (Route::Unknown, _) => pick(lang, "nog niet beantwoord", "not answered yet"),
    };
    let said = l.evidence.map(|e| format!(" ({})", evidence(e, lang))).unwrap_or_default();
    let shown = match (l.capped, l.min_evidence, lang) {
        (true, Some(e), Lang::Nl) => format!(" Nog niet laten zien: nodig is {}.", evidence(e, lang)),
        (true, Some(e), Lang::En) => format!(" Not shown yet: needs {}.", evidence(e, lang)),
        _ => String::new(),
    };
    format!("{why}{said}.{shown}")
}

/// One explanation line with its numbers (weight, credit, points), for who wants to check the sum.
pub fn line(taxonomy: &Taxonomy, l: &Line, lang: Lang) -> String {
    let name = taxonomy.name(&l.item, lang);
    let credit = match l.credit {
        Some(c) => format!("{}%", pct(c)),
        None => "?".into(),
    };
    // One decimal, so the points of the lines visibly add up to the total (which is exact in per-mille).
    let points = if l.contribution.is_exact() {
        format!("+{}", tenths(l.contribution.low, lang))
    } else {
        format!("+{}-{}", tenths(l.contribution.low, lang), tenths(l.contribution.high, lang))
    };
    format!("{name} ({}, ×{}): {} {credit} → {points}", need(l.importance, lang), l.weight, holding(taxonomy, l, lang))
}

/// Line `i` of an explanation in words only, the weight said as people say it ("telt zwaar":
/// a quarter or more of what the opening weighs, "telt mee": a tenth or more, else "telt een
/// beetje"): "Heftruck rijden: jij hebt niveau 2, nodig is 2 (dat zeg je zelf). Moet, telt zwaar."
pub fn line_words(taxonomy: &Taxonomy, e: &Explanation, i: usize, lang: Lang) -> String {
    let l = &e.lines[i];
    let total: u32 = e.lines.iter().map(|l| u32::from(l.weight)).sum();
    let share = 20 * u32::from(l.weight) / total.max(1);
    let counts = match (share, lang) {
        (5.., Lang::Nl) => "telt zwaar",
        (2.., Lang::Nl) => "telt mee",
        (_, Lang::Nl) => "telt een beetje",
        (5.., Lang::En) => "counts a lot",
        (2.., Lang::En) => "counts",
        (_, Lang::En) => "counts a little",
    };
    let mut need = need(l.importance, lang).to_string();
    need[..1].make_ascii_uppercase();
    format!("{}: {} {need}, {counts}.", taxonomy.name(&l.item, lang), holding(taxonomy, l, lang))
}

/// Why this one, in words before any number: "Je kunt 3 van de 4 dingen die ze vragen." Then what
/// is partly there, what nobody knows yet, and the first must-have still missing.
pub fn why(taxonomy: &Taxonomy, e: &Explanation, lang: Lang) -> String {
    let total = e.lines.len();
    let full = e.lines.iter().filter(|l| l.credit == Some(1000)).count();
    let part = e.lines.iter().filter(|l| l.credit.is_some_and(|c| c > 0 && c < 1000)).count();
    let unknown = e.unknown_count();
    let mut out = match (total, lang) {
        (1, Lang::Nl) => format!("Je kunt {full} van het 1 ding dat ze vragen."),
        (1, Lang::En) => format!("You can do {full} of the 1 thing they ask."),
        (n, Lang::Nl) => format!("Je kunt {full} van de {n} dingen die ze vragen."),
        (n, Lang::En) => format!("You can do {full} of the {n} things they ask."),
    };
    out.push_str(&match (part, lang) {
        (0, _) => String::new(),
        (1, Lang::Nl) => " 1 ding kun je voor een deel.".into(),
        (n, Lang::Nl) => format!(" {n} dingen kun je voor een deel."),
        (1, Lang::En) => " 1 thing you can do in part.".into(),
        (n, Lang::En) => format!(" {n} things you can do in part."),
    });
    out.push_str(&match (unknown, lang) {
        (0, _) => String::new(),
        (1, Lang::Nl) => " Over 1 ding weten we nog niets.".into(),
        (n, Lang::Nl) => format!(" Over {n} dingen weten we nog niets."),
        (1, Lang::En) => " 1 thing is not known yet.".into(),
        (n, Lang::En) => format!(" {n} things are not known yet."),
    });
    let missing = e.lines.iter().find(|l| l.importance == Importance::Must && l.credit.is_some_and(|c| c < 1000));
    if let Some(l) = missing {
        let name = taxonomy.name(&l.item, lang);
        out.push_str(&pick(lang, &format!(" Nog nodig: {name}."), &format!(" Still needed: {name}.")));
    }
    out
}

/// The score in words: "62-80%, 4 van de 5 moet-eisen".
pub fn summary(e: &Explanation, lang: Lang) -> String {
    let score = score_words(e.score, lang);
    let musts = match (e.musts.total, lang) {
        (0, Lang::Nl) => "geen moet-eisen".to_string(),
        (0, Lang::En) => "no must-haves".to_string(),
        (total, Lang::Nl) => format!("{} van de {total} moet-eisen", e.musts.met),
        (total, Lang::En) => format!("{} of {total} must-haves", e.musts.met),
    };
    let unknown = match (e.unknown_count(), lang) {
        (0, _) => String::new(),
        (1, Lang::Nl) => " · beantwoord nog 1 vraag om het zeker te weten".into(),
        (n, Lang::Nl) => format!(" · beantwoord nog {n} vragen om het zeker te weten"),
        (1, Lang::En) => " · answer 1 more question to know".into(),
        (n, Lang::En) => format!(" · answer {n} more questions to know"),
    };
    format!("{score}, {musts}{unknown}")
}

fn score_words(score: Interval, _lang: Lang) -> String {
    score.percent()
}

/// A knock-out in words.
pub fn knock_out(k: &KnockOut, lang: Lang) -> String {
    match (k, lang) {
        (KnockOut::Hours { needed, available }, Lang::Nl) => {
            format!("Dit werk is minstens {needed} uur per week. Jij kunt {available} uur.")
        }
        (KnockOut::Hours { needed, available }, Lang::En) => {
            format!("This work needs at least {needed} hours a week. You can work {available}.")
        }
        (KnockOut::Travel { km, max_km }, Lang::Nl) => format!("Het is {km} km reizen. Jij wilt max {max_km} km."),
        (KnockOut::Travel { km, max_km }, Lang::En) => format!("It is {km} km away. You travel at most {max_km} km."),
        (KnockOut::Shift { shift: s }, Lang::Nl) => {
            format!("Je moet hier ook {} werken. Dat kun je niet.", shift(*s, lang))
        }
        (KnockOut::Shift { shift: s }, Lang::En) => {
            format!("This work needs {}, which you cannot do.", shift(*s, lang))
        }
        (KnockOut::Start { start, available_from }, Lang::Nl) => {
            format!("Het werk begint op {start}. Jij kunt pas op {available_from}.")
        }
        (KnockOut::Start { start, available_from }, Lang::En) => {
            format!("The work starts on {start}. You can start on {available_from}.")
        }
    }
}

/// An open practical question in words.
pub fn open_question(q: OpenQuestion, lang: Lang) -> String {
    match q {
        OpenQuestion::Hours => {
            pick(lang, "Hoeveel uur je kunt werken, weten we nog niet.", "We do not know your hours yet.")
        }
        OpenQuestion::Shifts => {
            pick(lang, "Welke diensten je kunt, weten we nog niet.", "We do not know your shifts yet.")
        }
        OpenQuestion::Travel => {
            pick(lang, "Hoe ver het reizen is, weten we nog niet.", "We do not know the travel distance yet.")
        }
        OpenQuestion::StartDate => {
            pick(lang, "Wanneer je kunt beginnen, weten we nog niet.", "We do not know when you can start.")
        }
    }
}

/// Effort in words people use: "2 uur", "1 dag", "3 weken".
pub fn effort(hours: u32, lang: Lang) -> String {
    let (n, nl1, nln, en1, enn) = if hours < 8 {
        (hours.max(1), "uur", "uur", "hour", "hours")
    } else if hours < 40 {
        (hours.div_ceil(8), "dag", "dagen", "day", "days")
    } else {
        (hours.div_ceil(40), "week", "weken", "week", "weeks")
    };
    match lang {
        Lang::Nl => format!("{n} {}", if n == 1 { nl1 } else { nln }),
        Lang::En => format!("{n} {}", if n == 1 { en1 } else { enn }),
    }
}

/// A next step in words: "Met een heftruckcertificaat (1 dag) pas je bij 12 werkplekken meer."
pub fn step(taxonomy: &Taxonomy, s: &Step, lang: Lang) -> String {
    let effort = effort(s.effort_hours, lang);
    let what = match &s.action {
        Action::GetCertificate { certificate } => {
            let name = taxonomy.name(&crate::model::ItemRef::Certificate(certificate.clone()), lang);
            // The minimum age is said, never asked: no age enters scoring.
            match taxonomy.certificate(certificate).and_then(|c| c.min_age) {
                Some(age) => {
                    pick(lang, &format!("Haal {name} (vanaf {age} jaar)"), &format!("Get {name} (from age {age})"))
                }
                None => pick(lang, &format!("Haal {name}"), &format!("Get {name}")),
            }
        }
        Action::DoWorkProcess { work_process } => {
            let name = taxonomy.name(&crate::model::ItemRef::WorkProcess(work_process.clone()), lang);
            pick(
                lang,
                &format!("Doe het werkproces {name} en laat het zien"),
                &format!("Do and show the work process {name}"),
            )
        }
        Action::RaiseSkill { item, to } => {
            let name = taxonomy.name(item, lang);
            pick(lang, &format!("Leer {name} tot niveau {to}"), &format!("Learn {name} up to level {to}"))
        }
    };
    match (s.opens, lang) {
        (1, Lang::Nl) => format!("{what} ({effort}). Dan pas je bij 1 werkplek meer."),
        (1, Lang::En) => format!("{what} ({effort}). Then you fit 1 more opening."),
        (n, Lang::Nl) => format!("{what} ({effort}). Dan pas je bij {n} werkplekken meer."),
        (n, Lang::En) => format!("{what} ({effort}). Then you fit {n} more openings."),
    }
}
