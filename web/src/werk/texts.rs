//! The work app's translation table: every text employers, jobhunters and trainers see, in Dutch
//! (the default; B1 on the trainer's page) and English. Same shape and tests as the app's (`crate::app::texts`), looked up by `crate::shared::i18n`.

/// The keys of routes and evidence are the app's (this table uses the same names).
pub use crate::app::texts::{evidence_key, route_key};
use matching_core::{ItemKind, Lang, Shift};

/// (key, Dutch, English). Dutch first: it is the default.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Vaardig Werk", "Vaardig Work"),
    ("app.loading", "Even laden…", "Loading…"),
    ("app.role", "Dit account heeft hier geen scherm. Log in als werkgever of jobhunter.", "This account has no screen here. Log in as an employer or jobhunter."),
    ("lang.switch", "English", "Nederlands"),
    ("nav.label", "Hoofdmenu", "Main menu"),
    ("nav.openings", "Vacatures", "Openings"),
    ("nav.new", "Nieuwe vacature", "New opening"),
    ("nav.contacts", "Contactverzoeken", "Contact requests"),
    ("nav.pool", "Pool", "Pool"),
    ("nav.shortlists", "Shortlists", "Shortlists"),
    ("nav.table", "Matchtabel", "Match table"),
    ("nav.logout", "Uitloggen", "Log out"),
    ("login.title", "Inloggen", "Log in"),
    ("login.intro", "Voor werkgevers en jobhunters. Je ziet alleen wat jongeren zelf delen.", "For employers and jobhunters. You only see what young people chose to share."),
    ("login.email", "E-mailadres", "E-mail address"),
    ("login.password", "Wachtwoord", "Password"),
    ("login.go", "Log in", "Log in"),
    ("login.again", "Opnieuw inloggen", "Log in again"),
    ("login.trainer", "Praktijkopleider? Open de link die je kreeg. Je hebt geen account nodig.", "Workplace trainer? Open the link you were given. You need no account."),
    ("error.bad_login", "Het e-mailadres of het wachtwoord klopt niet.", "The e-mail address or password is wrong."),
    ("error.rate_limited", "Te vaak mis. Wacht een paar minuten en probeer het opnieuw.", "Too many failed attempts. Wait a few minutes and try again."),
    ("error.unauthorized", "Je bent niet (meer) ingelogd.", "You are not logged in (any more)."),
    ("error.forbidden", "Dit mag je met dit account niet doen.", "This account may not do this."),
    ("error.csrf", "De pagina is verouderd. Laad de pagina opnieuw.", "The page is out of date. Reload the page."),
    ("error.not_found", "Dit bestaat niet (meer), of het hoort bij een andere regio.", "This does not exist (any more), or it belongs to another region."),
    ("error.conflict", "Dat kan niet meer: het is al gebeurd.", "That is no longer possible: it has already happened."),
    ("error.no_consent", "Deze jongere heeft hier geen toestemming voor gegeven.", "This young person did not allow this."),
    ("error.bad_request", "Er klopt iets niet in wat je invulde. Kijk de velden na.", "Something in what you filled in is not right. Check the fields."),
    ("error.too_large", "Dit is te groot om te versturen.", "This is too large to send."),
    ("error.internal", "Er ging iets mis op de server. Probeer het opnieuw.", "Something went wrong on the server. Try again."),
    ("error.network", "Geen verbinding met de server. Kijk of je internet hebt.", "No connection to the server. Check your internet."),
    ("error.empty_message", "Schrijf eerst een bericht.", "Write a message first."),
    ("error.other", "Dat lukte niet. Probeer het opnieuw.", "That did not work. Try again."),
    ("openings.title", "Je vacatures", "Your openings"),
    ("openings.new", "Nieuwe vacature", "New opening"),
    ("openings.none", "Je hebt nog geen vacatures. Zet er een in: dat duurt vijf minuten.", "You have no openings yet. Put one in: it takes five minutes."),
    ("opening.hours", "{min}–{max} uur per week", "{min}–{max} hours a week"),
    ("opening.level", "niveau {level}", "level {level}"),
    ("opening.edit", "Wijzig vacature", "Change opening"),
    ("form.new_title", "Nieuwe vacature", "New opening"),
    ("form.edit_title", "Vacature wijzigen", "Change opening"),
    ("form.title", "Naam van de functie", "Job title"),
    ("form.route", "Soort plek", "Kind of place"),
    ("form.hours", "Uren per week", "Hours a week"),
    ("form.min", "Minimaal", "At least"),
    ("form.max", "Maximaal", "At most"),
    ("form.place", "Plaats", "Town"),
    ("form.shifts", "Diensten", "Shifts"),
    ("form.start", "Startdatum (mag leeg)", "Start date (optional)"),
    ("form.requirements", "Wat moet iemand kunnen?", "What must someone be able to do?"),
    ("form.requirements_help", "Zoek vaardigheden, certificaten en werkprocessen. Een tikfout is niet erg. Kies per eis: moet of pluspunt, en het niveau.", "Search skills, certificates and work processes. Typos are fine. For each: must-have or plus, and the level."),
    ("form.search", "Zoek een eis, bijvoorbeeld heftruck", "Search a requirement, for example forklift"),
    ("form.importance", "Moet of pluspunt", "Must or plus"),
    ("form.must", "Moet", "Must-have"),
    ("form.nice", "Pluspunt", "Plus"),
    ("form.level", "Niveau", "Level"),
    ("form.remove", "Haal weg: {name}", "Remove: {name}"),
    ("form.remove_short", "Haal weg", "Remove"),
    ("form.save", "Bewaar en bekijk kandidaten", "Save and see candidates"),
    ("form.need_title", "Vul de naam van de functie in.", "Fill in the job title."),
    ("form.bad_hours", "Vul de uren in als getallen van 0 tot 80; minimaal niet meer dan maximaal.", "Fill in the hours as numbers from 0 to 80; at least no more than at most."),
    ("form.bad_place", "Kies een plaats uit de lijst.", "Choose a town from the list."),
    ("form.bad_start", "Deze datum klopt niet.", "This date is not valid."),
    ("form.need_requirement", "Voeg minstens één eis toe.", "Add at least one requirement."),
    ("pick.none", "Niets gevonden. Probeer een ander woord.", "Nothing found. Try another word."),
    ("preview.incomplete", "Vul plaats, uren en een eis in: dan zie je hier hoeveel kandidaten passen.", "Fill in town, hours and one requirement: then you see here how many candidates fit."),
    ("preview.fits", "{n} kandidaten in de regio passen.", "{n} candidates in the region fit."),
    ("preview.rest", "{near} bijna (een moet-eis mist), {out} vallen af op uren, reizen, diensten of start. {total} in totaal.", "{near} nearly (a must-have is missing), {out} ruled out by hours, travel, shifts or start. {total} in all."),
    ("advice.title", "Meer kandidaten?", "More candidates?"),
    ("advice.fits", "Nu passen {n} kandidaten.", "{n} candidates fit now."),
    ("advice.none", "Geen kleine wijziging levert meer kandidaten op.", "No small change brings more candidates."),
    ("advice.make_nice", "Maak {name} een pluspunt: +{gain} kandidaten", "Make {name} a plus: +{gain} candidates"),
    ("advice.lower_level", "Vraag {name} op niveau {level}: +{gain} kandidaten", "Ask {name} at level {level}: +{gain} candidates"),
    ("advice.fewer_hours", "Vanaf {min} uur per week: +{gain} kandidaten", "From {min} hours a week: +{gain} candidates"),
    ("candidates.title", "Kandidaten, best passend eerst", "Candidates, best fit first"),
    ("candidates.none", "Nog geen kandidaten in de regio die hierbij passen.", "No candidates in the region fit this yet."),
    ("candidates.open", "Bekijk kandidaat", "See candidate"),
    ("candidates.open_who", "Bekijk kandidaat: {who}", "See candidate: {who}"),
    ("candidate.back", "Terug naar de vacature", "Back to the opening"),
    ("page.previous", "Vorige", "Previous"),
    ("page.next", "Volgende", "Next"),
    ("page.of", "{from}–{to} van {total}", "{from}–{to} of {total}"),
    ("cand.musts", "{met} van de {total} moet-eisen", "{met} of {total} must-haves"),
    ("cand.no_musts", "geen moet-eisen", "no must-haves"),
    ("cand.musts_ask", "{n} nog niet bekend: vraag het", "{n} not known yet: ask them"),
    ("cand.evidence", "Bewijs", "Evidence"),
    ("cand.lines", "Waarom deze score", "Why this score"),
    ("cand.knocked_out", "Past praktisch niet", "Does not fit in practice"),
    ("cand.open", "Nog niet bekend", "Not known yet"),
    ("line.must", "moet", "must-have"),
    ("line.nice", "pluspunt", "plus"),
    ("line.level", "heeft niveau {level}, gevraagd {min}", "has level {level}, {min} asked"),
    ("line.has", "heeft het", "has it"),
    ("line.work_process", "blijkt uit het werkproces {wp}", "shown by the work process {wp}"),
    ("line.certificate", "blijkt uit het certificaat {cert}", "shown by the certificate {cert}"),
    ("line.related", "lijkt op {other}, dat kan de kandidaat ({pct}% telt mee)", "close to {other}, which the candidate can do ({pct}% counts)"),
    ("line.not_listed", "niet opgegeven", "not listed"),
    ("line.not_held", "heeft dit niet", "does not have this"),
    ("line.not_done", "nog niet gedaan", "not done yet"),
    ("line.unknown", "niet gedeeld of nog niet ingevuld", "not shared or not answered yet"),
    ("line.ask", "nog niet bekend: vraag het in het gesprek", "not known yet: ask them when you meet"),
    ("line.capped", "Nog niet aangetoond: gevraagd is {evidence}.", "Not shown yet: {evidence} is asked."),
    ("line.points", "→", "→"),
    ("ko.hours", "Kan {available} uur per week; de vacature vraagt minstens {needed}.", "Can work {available} hours a week; the opening needs at least {needed}."),
    ("ko.travel", "{km} km reizen; wil hooguit {max} km.", "{km} km to travel; travels at most {max} km."),
    ("ko.shift", "Kan niet {shift}.", "Cannot work {shift}."),
    ("ko.start", "Kan pas beginnen op {from}; de start is {start}.", "Can start on {from}; the start is {start}."),
    ("open.hours", "Hoeveel uur de kandidaat kan, is niet gedeeld.", "The candidate's hours are not shared."),
    ("open.shifts", "Welke diensten de kandidaat kan, is niet gedeeld.", "The candidate's shifts are not shared."),
    ("open.travel", "Hoe ver de kandidaat reist, is niet bekend.", "How far the candidate travels is not known."),
    ("open.start", "Wanneer de kandidaat kan beginnen, is niet gedeeld.", "When the candidate can start is not shared."),
    ("card.claims", "Wat de kandidaat deelt", "What the candidate shares"),
    ("card.no_claims", "Geen vaardigheden gedeeld.", "No skills shared."),
    ("card.level", "niveau", "level"),
    ("card.availability", "Beschikbaar", "Availability"),
    ("card.hours", "Hooguit {n} uur per week", "At most {n} hours a week"),
    ("card.shifts", "Diensten:", "Shifts:"),
    ("card.travel", "Reist hooguit {n} km", "Travels at most {n} km"),
    ("card.from", "Kan beginnen op {date}", "Can start on {date}"),
    ("card.town", "Woont in {town}", "Lives in {town}"),
    ("contact.title", "Vraag om contact", "Ask for contact"),
    ("contact.message", "Je bericht aan de kandidaat", "Your message to the candidate"),
    ("contact.help", "De jongere beslist zelf of je contactgegevens krijgt.", "The young person decides whether you get their contact details."),
    ("contact.send", "Verstuur verzoek", "Send request"),
    ("contact.sent", "Verzoek verstuurd. Je ziet het antwoord bij Contactverzoeken.", "Request sent. You see the answer under Contact requests."),
    ("contacts.title", "Contactverzoeken", "Contact requests"),
    ("contacts.none", "Je hebt nog niemand om contact gevraagd.", "You have not asked anyone for contact yet."),
    ("contacts.open", "Wacht op antwoord", "Waiting for an answer"),
    ("contacts.accepted", "Ja: hier zijn de gegevens", "Yes: here are the details"),
    ("contacts.declined", "Nee, bedankt", "No, thank you"),
    ("contacts.your_message", "Jouw bericht:", "Your message:"),
    ("contacts.name", "Naam", "Name"),
    ("contacts.email", "E-mail", "E-mail"),
    ("contacts.phone", "Telefoon", "Phone"),
    ("contacts.their_message", "Bericht", "Message"),
    ("pool.title", "Pool van je regio", "Your region's pool"),
    ("pool.candidates", "Kandidaten", "Candidates"),
    ("pool.openings", "Vacatures", "Openings"),
    ("pool.count", "{n} kandidaten", "{n} candidates"),
    ("pool.count_openings", "{n} vacatures", "{n} openings"),
    ("pool.claims", "{n} dingen gedeeld", "{n} things shared"),
    ("pool.rank_openings", "Vacatures voor deze kandidaat", "Openings for this candidate"),
    ("pool.rank_openings_for", "Vacatures voor deze kandidaat: {who}", "Openings for this candidate: {who}"),
    ("pool.rank_candidates", "Kandidaten voor deze vacature", "Candidates for this opening"),
    ("pool.rank_candidates_for", "Kandidaten voor deze vacature: {what}", "Candidates for this opening: {what}"),
    ("pool.what_if", "Wat als…", "What if…"),
    ("pool.what_if_for", "Wat als…: {who}", "What if…: {who}"),
    ("pool.link", "Link voor praktijkopleider", "Link for workplace trainer"),
    ("pool.link_for", "Link voor praktijkopleider: {who}", "Link for workplace trainer: {who}"),
    ("rank.candidates_for", "Kandidaten voor {what}", "Candidates for {what}"),
    ("rank.openings_for", "Vacatures voor {who}", "Openings for {who}"),
    ("rank.weights", "Hoe zwaar telt elk soort eis? (100 % is normaal)", "How much does each kind count? (100 % is normal)"),
    ("rank.why", "Waarom", "Why"),
    ("whatif.title", "Wat als… {who}", "What if… {who}"),
    ("whatif.intro", "Voeg een certificaat of werkproces toe en zie welke vacatures veranderen. Er wordt niets bewaard.", "Add a certificate or work process and see which openings change. Nothing is stored."),
    ("whatif.candidate", "Kandidaat", "Candidate"),
    ("whatif.search", "Zoek een certificaat of werkproces", "Search a certificate or work process"),
    ("whatif.go", "Bereken", "Work it out"),
    ("whatif.fits", "Past nu bij {before} vacatures, daarna bij {after}.", "Fits {before} openings now, {after} after."),
    ("whatif.no_change", "Geen vacature verandert hierdoor.", "No opening changes."),
    ("whatif.caption", "Vacatures die veranderen", "Openings that change"),
    ("whatif.opening", "Vacature", "Opening"),
    ("whatif.before", "Nu", "Now"),
    ("whatif.after", "Daarna", "After"),
    ("whatif.difference", "Verschil", "Difference"),
    ("whatif.rank", "plek {n}", "place {n}"),
    ("whatif.unranked", "niet in de lijst", "not listed"),
    ("whatif.unmet", "{n} moet-eisen missen", "{n} must-haves missing"),
    ("whatif.up", "{n} plekken hoger", "{n} places up"),
    ("whatif.down", "{n} plekken lager", "{n} places down"),
    ("whatif.more", "En nog {n} vacatures met een kleinere verandering.", "And {n} more openings with a smaller change."),
    ("whatif.new", "nieuw in de lijst", "new in the list"),
    ("shortlists.title", "Shortlists", "Shortlists"),
    ("shortlists.name", "Naam van een nieuwe shortlist", "Name of a new shortlist"),
    ("shortlists.create", "Maak shortlist", "Create shortlist"),
    ("shortlists.none", "Nog geen shortlists.", "No shortlists yet."),
    ("shortlists.size", "{n} kandidaten", "{n} candidates"),
    ("shortlist.empty", "Nog niemand op deze lijst.", "Nobody on this list yet."),
    ("shortlist.add", "Kandidaat toevoegen", "Add a candidate"),
    ("shortlist.who", "Kandidaat", "Candidate"),
    ("shortlist.note", "Notitie (mag leeg; de jongere kan hem lezen)", "Note (optional; the young person can read it)"),
    ("shortlist.add_button", "Zet op de lijst", "Put on the list"),
    ("shortlist.remove", "Haal weg: {who}", "Remove: {who}"),
    ("table.title", "Matchtabel", "Match table"),
    ("table.intro", "Kies vacatures en kandidaten voor het matchgesprek. Elke cel is de score; ✓ betekent: past, geen moet-eis mist.", "Choose openings and candidates for the matching meeting. Each cell is the score; ✓ means: fits, no must-have missing."),
    ("table.openings", "Vacatures", "Openings"),
    ("table.candidates", "Kandidaten", "Candidates"),
    ("table.max", "(hooguit {n})", "(at most {n})"),
    ("table.make", "Maak tabel", "Make table"),
    ("table.caption", "Score per vacature (rij) en kandidaat (kolom)", "Score per opening (row) and candidate (column)"),
    ("table.fits", "past", "fits"),
    ("link.title", "Link voor de praktijkopleider van {who}", "Link for the workplace trainer of {who}"),
    ("link.intro", "De praktijkopleider bevestigt met deze link wat de jongere op het werk liet zien. De link werkt één keer.", "With this link the workplace trainer confirms what the young person showed at work. The link works once."),
    ("link.processes", "Welke werkprocessen?", "Which work processes?"),
    ("link.none", "Deze kandidaat deelt nog geen werkprocessen. Zoek ze hieronder.", "This candidate shares no work processes yet. Search them below."),
    ("link.search", "Zoek een werkproces", "Search a work process"),
    ("link.make", "Maak link", "Make link"),
    ("link.made", "De link voor de praktijkopleider", "The link for the workplace trainer"),
    ("link.until", "Werkt tot {date}.", "Works until {date}."),
    ("link.copy", "Kopieer link", "Copy link"),
    ("link.copied", "Gekopieerd", "Copied"),
    ("attest.title", "Wat heeft de jongere laten zien?", "What did the young person show?"),
    ("attest.intro", "Je bent praktijkopleider. Een jongere vraagt je om te zeggen wat hij of zij op het werk goed deed.", "You are a workplace trainer. A young person asks you to say what they did well at work."),
    ("attest.what", "Vink aan wat je zelf zag. Kies hoe goed het ging. Zo bevestig je wat de jongere op het werk liet zien. Dit is nog geen praktijkverklaring: die geeft een mbo-school, samen met een erkend leerbedrijf.", "Tick what you saw yourself. Choose how well it went. This confirms what the young person showed at work. It is not a praktijkverklaring yet: an mbo school issues that, together with a recognised learning company."),
    ("attest.name", "Je naam", "Your name"),
    ("attest.company", "Je bedrijf", "Your company"),
    ("attest.seen", "Ja, dit heb ik gezien", "Yes, I saw this"),
    ("attest.how_well", "Hoe goed ging het?", "How well did it go?"),
    ("attest.send", "Bevestig", "Confirm"),
    ("attest.need_name", "Vul je naam en je bedrijf in.", "Fill in your name and your company."),
    ("attest.need_one", "Vink minstens één ding aan dat je zag.", "Tick at least one thing you saw."),
    ("attest.thanks_title", "Bedankt!", "Thank you!"),
    ("attest.thanks", "Het is bevestigd. De jongere ziet het in de app. Je kunt deze pagina sluiten.", "It is confirmed. The young person sees it in the app. You can close this page."),
    ("attest.used", "Deze link is al gebruikt. Je hoeft niets meer te doen.", "This link was already used. You do not need to do anything."),
    ("attest.expired", "Deze link werkt niet meer. Hij is verlopen of klopt niet.", "This link no longer works. It has expired or is wrong."),
    ("attest.ask_new", "Vraag de jongere of de jobhunter om een nieuwe link.", "Ask the young person or the jobhunter for a new link."),
    ("route.job", "Baan", "Job"),
    ("route.ontwikkelbaan", "Ontwikkelbaan", "Development job"),
    ("route.stage", "Stage", "Placement"),
    ("route.bbl", "BBL-plek (leren en werken)", "BBL place (learn and work)"),
    ("route.leerwerktraject", "Leerwerktraject", "Learning-work route"),
    ("route.praktijkverklaring_route", "Route naar praktijkverklaring", "Praktijkverklaring route"),
    ("kind.skill", "Vaardigheid", "Skill"),
    ("kind.soft_skill", "Houding", "Soft skill"),
    ("kind.certificate", "Certificaat", "Certificate"),
    ("kind.work_process", "Werkproces", "Work process"),
    ("shift.day", "overdag", "day shifts"),
    ("shift.evening", "'s avonds", "evenings"),
    ("shift.night", "'s nachts", "nights"),
    ("shift.weekend", "in het weekend", "weekends"),
    ("evidence.self", "zelf gezegd", "self-reported"),
    ("evidence.coach", "coach", "coach"),
    ("evidence.practice", "gezien op het werk", "shown at work"),
    ("evidence.formal", "diploma", "diploma"),
    ("level.1", "Met hulp", "With help"),
    ("level.2", "Alleen, bij makkelijk werk", "On their own, simple work"),
    ("level.3", "Helemaal alleen", "Fully on their own"),
    ("level.4", "Kan het anderen leren", "Can teach others"),
];

/// The text key for a value of a closed set.
pub fn kind_key(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Skill => "kind.skill",
        ItemKind::SoftSkill => "kind.soft_skill",
        ItemKind::Certificate => "kind.certificate",
        ItemKind::WorkProcess => "kind.work_process",
    }
}

/// The text key for a value of a closed set.
pub fn shift_key(shift: Shift) -> &'static str {
    match shift {
        Shift::Day => "shift.day",
        Shift::Evening => "shift.evening",
        Shift::Night => "shift.night",
        Shift::Weekend => "shift.weekend",
    }
}

/// The text key of a level 1-4 in plain words.
pub fn level_key(level: u8) -> &'static str {
    match level {
        1 => "level.1",
        2 => "level.2",
        3 => "level.3",
        _ => "level.4",
    }
}

/// Error codes of the API (and of this page: `network`, `empty_message`) that have a text.
const ERROR_CODES: &[(&str, &str)] = &[
    ("bad_login", "error.bad_login"),
    ("rate_limited", "error.rate_limited"),
    ("unauthorized", "error.unauthorized"),
    ("forbidden", "error.forbidden"),
    ("csrf", "error.csrf"),
    ("not_found", "error.not_found"),
    ("conflict", "error.conflict"),
    ("no_consent", "error.no_consent"),
    ("bad_request", "error.bad_request"),
    ("too_large", "error.too_large"),
    ("internal", "error.internal"),
    ("network", "error.network"),
    ("empty_message", "error.empty_message"),
];

/// The text key for an API error code; a general text for codes this page does not know.
pub fn error_key(code: &str) -> &'static str {
    ERROR_CODES.iter().find(|(c, _)| *c == code).map(|(_, k)| *k).unwrap_or("error.other")
}

/// The text for `key` in `lang`; a warning sign when missing (a test keeps that from shipping).
pub fn t(key: &str, lang: Lang) -> &'static str {
    crate::shared::i18n::lookup(TEXTS, key, lang)
}

/// The text with `{name}` placeholders filled in.
pub fn tf(key: &str, lang: Lang, values: &[(&str, String)]) -> String {
    crate::shared::i18n::fill(t(key, lang), values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use matching_core::{Evidence, RouteType};

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
            .chain(Shift::ALL.iter().map(|&s| shift_key(s)))
            .chain(Evidence::ALL.iter().map(|&e| evidence_key(e)))
            .chain((1..=4).map(level_key))
            .chain(ERROR_CODES.iter().map(|(_, k)| *k))
            .chain(["error.other"]);
        for key in keys {
            assert!(TEXTS.iter().any(|(k, _, _)| *k == key), "{key} has no text");
        }
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("parts.rs"),
            include_str!("employer.rs"),
            include_str!("jobhunter.rs"),
            include_str!("trainer.rs"),
        ];
        let mut used = 0;
        for source in sources {
            // `t("…")`, `tf("…"`, and keys handed around as `Some("…")`, `Err("…")`, `gone("…")`,
            // `ok_or("…")` and `("nav.…", Route…)`.
            for needle in ["t(\"", "tf(\"", "Some(\"", "Err(\"", "gone(\"", "ok_or(\"", "(\"nav."] {
                for (at, _) in source.match_indices(needle) {
                    let before = source[..at].chars().last().unwrap_or(' ');
                    if needle.starts_with(|c: char| c.is_alphabetic()) && (before.is_alphanumeric() || before == '_') {
                        continue;
                    }
                    let start = at + needle.len() - if needle == "(\"nav." { 4 } else { 0 };
                    let rest = &source[start..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    if !key.contains('.') {
                        continue;
                    }
                    used += 1;
                    assert!(TEXTS.iter().any(|(k, _, _)| *k == key), "text key {key:?} is used but not in the table");
                }
            }
            // Keys on a line of their own, as in `s.tf(\n "advice.lower_level", …)`.
            for line in source.lines().map(str::trim) {
                if let Some(key) = line.strip_prefix('"').and_then(|l| l.strip_suffix("\",")) {
                    if key.contains('.') && !key.contains(' ') {
                        assert!(
                            TEXTS.iter().any(|(k, _, _)| *k == key),
                            "text key {key:?} is used but not in the table"
                        );
                    }
                }
            }
        }
        assert!(used > 100, "the test found only {used} keys: does it still read the code?");
    }
}
