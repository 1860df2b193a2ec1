//! The young person's app's translation table (looked up by `crate::shared::i18n`): every text a person sees, in Dutch (B1, "je") and English. Components
//! ask for a key; a test checks that both languages are filled and that every key used exists.

use crate::shared::i18n::{fill, lookup, plural};
use matching_core::{Evidence, ItemKind, Ladder, Lang, RouteType};

/// (key, Dutch, English). Dutch first: it is the default.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Vaardig", "Vaardig"),
    ("app.title", "Vaardig — Wat kun jij?", "Vaardig — What can you do?"),
    ("app.load_failed", "Het laden lukt niet. Kijk of je internet hebt en probeer het opnieuw.", "Loading failed. Check your internet and try again."),
    ("app.retry", "Probeer opnieuw", "Try again"),
    ("app.synthetic", "Dit is een demo. De werkplekken zijn verzonnen.", "This is a demo. The openings are made up."),
    ("app.unreadable", "We konden je bewaarde antwoorden niet goed lezen. Er is niets weg. Tik hier.", "We could not read your saved answers properly. Nothing is lost. Tap here."),
    ("app.recover", "Haal terug wat kan", "Get back what we can"),
    ("app.recovered_all", "Je antwoorden zijn terug.", "Your answers are back."),
    ("app.recovered_some", "Je antwoorden zijn terug. Een paar dingen konden we niet lezen.", "Your answers are back. We could not read a few things."),
    ("app.recover_none", "We konden niets teruglezen. Een jobhunter kan je helpen.", "We could not read anything back. A jobhunter can help you."),
    ("app.storage_off", "Je antwoorden worden nu niet bewaard op je telefoon. De app werkt wel. Sluit de app niet af.", "Your answers are not saved on your phone right now. The app still works. Do not close it."),
    ("nav.back", "Terug", "Back"),
    ("nav.next", "Verder", "Next"),
    ("nav.skip", "Sla over", "Skip"),
    ("nav.menu", "Menu", "Menu"),
    ("nav.results", "Werk dat past", "Work that fits"),
    ("nav.next_step", "Volgende stap", "Next step"),
    ("nav.card", "Mijn kaart", "My card"),
    ("nav.share", "Laat zien aan werkgever", "Show an employer"),
    ("nav.data", "Mijn gegevens", "My data"),
    ("nav.questions", "Vragen", "Questions"),
    ("lang.switch", "English", "Nederlands"),
    ("speak", "Lees voor", "Read aloud"),
    ("progress", "Vraag {n} van {total}", "Question {n} of {total}"),
    ("start.title", "Wat kun jij?", "What can you do?"),
    ("start.body1", "Je vult in wat je kunt. Je ziet welk werk bij je past, en waarom.", "You fill in what you can do. You see which work fits you, and why."),
    ("start.body2", "Alles blijft op je telefoon. Jij kiest wat je deelt.", "Everything stays on your phone. You choose what you share."),
    ("start.go", "Begin", "Start"),
    ("start.resume", "Ga verder waar je was", "Continue where you were"),
    ("soft.stop", "Genoeg vragen, ga verder", "Enough questions, go on"),
    ("skills.title", "Wat kun je al?", "What can you do already?"),
    ("skills.search", "Zoek wat je kunt, bijvoorbeeld heftruck", "Search what you can do, for example forklift"),
    ("skills.none", "Geen goede match. Kies hieronder een soort werk.", "No good match. Choose a kind of work below."),
    ("skills.popular", "Vaak gekozen", "Often chosen"),
    ("skills.sector", "Kies een soort werk", "Choose a kind of work"),
    ("skills.yours", "Dit kun jij", "You can do this"),
    ("skills.empty", "Je hebt nog niets gekozen.", "You have not chosen anything yet."),
    ("skills.remove", "Haal weg", "Remove"),
    ("level.label", "Hoe goed?", "How well?"),
    ("level.1", "Met hulp", "With help"),
    ("level.2", "Alleen, makkelijk werk", "On my own, simple work"),
    ("level.3", "Helemaal alleen", "On my own"),
    ("level.4", "Ik kan het uitleggen", "I can teach it"),
    ("certs.title", "Welke papieren heb je?", "Which certificates do you have?"),
    ("certs.help", "Vink aan wat je hebt. Weet je het niet zeker? Kies dan 'Weet ik niet'.", "Tick what you have. Not sure? Choose 'I don't know'."),
    ("certs.unknown", "Weet ik niet", "I don't know"),
    ("wp.title", "Wat heb je al gedaan op je werk?", "What have you done at work already?"),
    ("wp.help", "Kies een opleiding. Vink aan welke werkprocessen je al hebt gedaan.", "Choose a qualification. Tick the work processes you have done."),
    ("wp.choose", "Kies een opleiding", "Choose a qualification"),
    ("wp.who.self", "Alleen ikzelf", "Only me"),
    ("wp.who.coach", "Mijn coach", "My coach"),
    ("wp.who.practice", "Mijn praktijkopleider", "My workplace trainer"),
    ("wp.who.formal", "Ik heb een diploma", "I have a diploma"),
    ("wp.none", "Ik heb dit nog niet gedaan", "I have not done this yet"),
    ("hours.title", "Hoeveel uur per week kun je werken?", "How many hours a week can you work?"),
    ("hours.unit", "uur per week", "hours a week"),
    ("shifts.title", "Wanneer kun je werken?", "When can you work?"),
    ("shift.day", "Overdag", "Daytime"),
    ("shift.evening", "'s Avonds", "Evenings"),
    ("shift.night", "'s Nachts", "Nights"),
    ("shift.weekend", "In het weekend", "Weekends"),
    ("town.title", "Waar woon je?", "Where do you live?"),
    ("town.label", "Je woonplaats", "Your town"),
    ("town.unknown", "Deze plaats kennen we niet. Kies een plaats uit de lijst.", "We do not know this town. Choose one from the list."),
    ("travel.title", "Hoe ver kun je reizen?", "How far can you travel?"),
    ("travel.unit", "km", "km"),
    ("from.title", "Vanaf wanneer kun je beginnen?", "From when can you start?"),
    ("from.label", "Datum", "Date"),
    ("results.title", "Werk dat bij je past", "Work that fits you"),
    ("results.count", "{n} werkplek past in je week.|{n} werkplekken passen in je week.", "{n} opening fits your week.|{n} openings fit your week."),
    ("results.none", "Nog niets gevonden. Vul meer in, dan vinden we meer.", "Nothing found yet. Fill in more and we find more."),
    ("results.open", "Bekijk waarom", "See why"),
    ("results.not_fit", "Past niet omdat…", "Does not fit because…"),
    ("results.more", "Laat meer zien", "Show more"),
    ("sub.skills", "Vaardigheden", "Skills"),
    ("sub.soft_skills", "Hoe je werkt", "How you work"),
    ("sub.certificates", "Papieren", "Certificates"),
    ("sub.work_processes", "Werkprocessen", "Work processes"),
    ("detail.lines", "Zo komt je score tot stand", "How your score is made"),
    ("route.job", "Baan", "Job"),
    ("route.ontwikkelbaan", "Ontwikkelbaan", "Development job"),
    ("route.stage", "Stage", "Work placement"),
    ("route.bbl", "BBL-plek: werken en leren", "BBL place: work and learn"),
    ("route.leerwerktraject", "Leerwerktraject", "Learning-work route"),
    ("route.praktijkverklaring_route", "Praktijkverklaring-route", "Praktijkverklaring route"),
    ("next.title", "Je volgende stap", "Your next step"),
    ("next.fits", "Je past nu bij {n} werkplek.|Je past nu bij {n} werkplekken.", "You fit {n} opening now.|You fit {n} openings now."),
    ("next.none", "We weten nog geen stap. Vul meer in.", "We do not know a step yet. Fill in more."),
    ("next.ladder", "Jouw opleiding tot nu toe", "Your qualification so far"),
    ("next.ladder_help", "Dit is onze schatting. Echte papieren krijg je van een school. Eerst een praktijkverklaring. Dan een certificaat. Dan een diploma. Voor die laatste twee doe je examen.", "This is our estimate. Real papers come from a school. First a praktijkverklaring. Then a certificate. Then a diploma. For the last two you take an exam."),
    ("next.progress", "Je deed {done} van {n} werkproces.|Je deed {done} van de {n} werkprocessen.", "You did {done} of {n} work process.|You did {done} of {n} work processes."),
    ("ladder.start", "Begin", "Start"),
    ("ladder.praktijkverklaring", "Op weg naar een praktijkverklaring", "On the way to a praktijkverklaring"),
    ("ladder.core_task", "Een hele kerntaak gezien op je werk", "A whole core task shown at work"),
    ("ladder.diploma", "Diploma", "Diploma"),
    ("card.title", "Jouw kaart", "Your card"),
    ("card.help", "Eén plaatje met wat je kunt. Voor je telefoon of Instagram.", "One picture of what you can do. For your phone or Instagram."),
    ("card.heading", "Dit kan ik", "This is what I can do"),
    ("card.download", "Bewaar plaatje", "Save picture"),
    ("card.share", "Deel plaatje", "Share picture"),
    ("share.title", "Laat zien aan een werkgever", "Show an employer"),
    ("share.help", "Kies wat de werkgever mag zien. Je naam staat er nooit bij. De link gaat niet via ons.", "Choose what the employer may see. Your name is never on it. The link does not go through us."),
    ("share.part.skills", "Wat ik kan", "What I can do"),
    ("share.part.soft", "Hoe ik werk", "How I work"),
    ("share.part.certs", "Mijn papieren", "My certificates"),
    ("share.part.wps", "Mijn werkprocessen", "My work processes"),
    ("share.part.practical", "Uren en wanneer ik kan", "Hours and when I can work"),
    ("share.link", "Link", "Link"),
    ("share.copy", "Kopieer link", "Copy link"),
    ("share.copied", "Gekopieerd", "Copied"),
    ("share.qr", "Laat een QR-code zien", "Show a QR code"),
    ("share.pool", "Delen met werkgevers", "Share with employers"),
    ("data.title", "Mijn gegevens", "My data"),
    ("data.help", "Dit staat op je telefoon. Niemand anders ziet het.", "This is on your phone. Nobody else sees it."),
    ("data.export", "Bewaar als bestand", "Save as file"),
    ("data.credentials", "Bewijzen van je werk", "Proof from your work"),
    ("data.credentials_help", "Dit zag je praktijkopleider op je werk. Bewaar elk bewijs als bestand. Een school of een jobhunter kan het dan nakijken.", "Your workplace trainer saw this at work. Save each proof as a file. A school or a jobhunter can then check it."),
    ("data.credential", "Gezien door {name} van {company} op {date}. Het geldt tot {until}.", "Seen by {name} of {company} on {date}. It holds until {until}."),
    ("data.credential_save", "Bewaar dit bewijs", "Save this proof"),
    ("data.import", "Lees een bestand in", "Load a file"),
    ("data.imported", "Je profiel is ingelezen.", "Your profile was loaded."),
    ("data.import_failed", "Dit bestand is geen Vaardig-profiel. Je eigen profiel is niet veranderd.", "This file is not a Vaardig profile. Your own profile has not changed."),
    ("data.delete", "Wis alles", "Delete everything"),
    ("data.delete_confirm", "Weet je het zeker? Alles wordt gewist.", "Are you sure? Everything will be deleted."),
    ("data.deleted", "Alles is gewist.", "Everything is deleted."),
    ("data.yes", "Ja, wis alles", "Yes, delete everything"),
    ("data.no", "Nee", "No"),
    ("data.backups", "Deze antwoorden kon de app niet lezen.", "The app could not read these answers."),
    ("data.backup_save", "Bewaar de kopie als bestand", "Save the copy as a file"),
    ("data.claims", "{n} ding ingevuld|{n} dingen ingevuld", "{n} thing filled in|{n} things filled in"),
    ("evidence.self", "Dat zeg ik zelf", "My own estimate"),
    ("evidence.coach", "Coach zegt het", "Coach confirmed"),
    ("evidence.practice", "Gezien op werk", "Shown at work"),
    ("evidence.formal", "Diploma", "Diploma"),
];

/// The text key for a value of a closed set.
pub fn route_key(route: RouteType) -> &'static str {
    match route {
        RouteType::Job => "route.job",
        RouteType::Ontwikkelbaan => "route.ontwikkelbaan",
        RouteType::Stage => "route.stage",
        RouteType::Bbl => "route.bbl",
        RouteType::Leerwerktraject => "route.leerwerktraject",
        RouteType::PraktijkverklaringRoute => "route.praktijkverklaring_route",
    }
}

/// The text key for a value of a closed set.
pub fn kind_key(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Skill => "sub.skills",
        ItemKind::SoftSkill => "sub.soft_skills",
        ItemKind::Certificate => "sub.certificates",
        ItemKind::WorkProcess => "sub.work_processes",
    }
}

/// The text key for a value of a closed set.
pub fn ladder_key(l: Ladder) -> &'static str {
    match l {
        Ladder::Start => "ladder.start",
        Ladder::Praktijkverklaring => "ladder.praktijkverklaring",
        Ladder::CoreTask => "ladder.core_task",
        Ladder::Diploma => "ladder.diploma",
    }
}

/// The text key for a value of a closed set.
pub fn evidence_key(e: Evidence) -> &'static str {
    match e {
        Evidence::Self_ => "evidence.self",
        Evidence::Coach => "evidence.coach",
        Evidence::Practice => "evidence.practice",
        Evidence::Formal => "evidence.formal",
    }
}

/// The text for `key` in `lang`; the key itself when missing (a test keeps that from shipping).
pub fn t(key: &str, lang: Lang) -> &'static str {
    lookup(TEXTS, key, lang)
}

/// The text in the form for the number `n` ("one|other"), `{n}` filled in.
pub fn tn(key: &str, lang: Lang, n: usize) -> String {
    plural(t(key, lang), n)
}

/// The text with `{name}` placeholders filled in.
pub fn tf(key: &str, lang: Lang, values: &[(&str, String)]) -> String {
    fill(t(key, lang), values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_are_complete_and_keys_unique() {
        crate::shared::i18n::check_table(TEXTS);
    }

    #[test]
    fn every_value_of_a_closed_set_has_a_text() {
        let keys = RouteType::ALL
            .iter()
            .map(|&r| route_key(r))
            .chain(ItemKind::ALL.iter().map(|&k| kind_key(k)))
            .chain([Ladder::Start, Ladder::Praktijkverklaring, Ladder::CoreTask, Ladder::Diploma].map(ladder_key))
            .chain(Evidence::ALL.iter().map(|&e| evidence_key(e)));
        for key in keys {
            assert!(TEXTS.iter().any(|(k, _, _)| *k == key), "{key} has no text");
        }
    }

    #[test]
    fn every_text_is_used() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("screens.rs"),
            include_str!("results.rs"),
            include_str!("extras.rs"),
            include_str!("state.rs"),
            // This file after its table: the keys of the closed sets.
            include_str!("texts.rs").split_once("\n];\n").map_or("", |(_, rest)| rest),
        ]
        .concat();
        for (key, _, _) in TEXTS {
            // Keys formed at run time: `level.{n}`, `kind.{kind}` and the like.
            let dynamic = key.split_once('.').is_some_and(|(head, _)| sources.contains(&format!("\"{head}.{{")));
            assert!(dynamic || sources.contains(&format!("\"{key}\"")), "text {key:?} is in the table but never used");
        }
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let sources =
            [include_str!("mod.rs"), include_str!("screens.rs"), include_str!("results.rs"), include_str!("extras.rs")];
        for source in sources {
            for needle in ["t(\"", "tf(\"", "tn(\""] {
                for (at, _) in source.match_indices(needle) {
                    // Only calls of `t`/`tf` themselves: not `get_context("2d")` and the like.
                    let before = source[..at].chars().last().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let rest = &source[at + needle.len()..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    assert!(TEXTS.iter().any(|(k, _, _)| *k == key), "text key {key:?} is used but not in the table");
                }
            }
        }
    }
}
