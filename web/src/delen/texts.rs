//! The pool page's translation table: every text it shows, in Dutch (B1, "je") and English, with
//! the same shape and checks as the app's `i18n.rs`. The consent texts (`intro.*`, `parts.*`,
//! `part.*`, `until.*`, `coach.*`) are what `api::CONSENT_TEXT_VERSION` names: a change in their
//! meaning needs a new version on the server and here.

use matching_core::Lang;

/// (key, Dutch, English). Dutch first: it is the default.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Vaardig", "Vaardig"),
    ("lang.switch", "English", "Nederlands"),
    ("nav.app", "Naar de app", "To the app"),
    ("nav.back", "Terug", "Back"),
    ("nav.next", "Verder →", "Next →"),
    ("speak", "Lees voor", "Read aloud"),
    ("busy", "Even bezig…", "One moment…"),
    ("retry", "Probeer opnieuw", "Try again"),
    ("pool.unsaved", "Je telefoon kon dit niet bewaren. Sluit deze pagina nog niet. Haal je profiel weg als je klaar bent, anders kan dat later niet meer.", "Your phone could not save this. Do not close this page yet. Take your profile back when you are done; later you cannot."),
    ("pool.broken", "We konden je gegevens van delen niet goed lezen. We hebben er een kopie van gemaakt en teruggezet wat kon.", "We could not read your sharing data properly. We made a copy and put back what we could."),
    ("intro.title", "Delen met werkgevers", "Share with employers"),
    ("intro.what", "Werkgevers in jouw regio kunnen je dan vinden. Jij kiest wat ze zien.", "Employers in your region can then find you. You choose what they see."),
    ("intro.never", "Ze zien nooit je naam, je leeftijd of hoe ze je kunnen bereiken.", "They never see your name, your age or how to reach you."),
    ("intro.yes", "Een werkgever kan je een vraag sturen. Pas als jij ja zegt, krijgt die werkgever je telefoonnummer of e-mail.", "An employer can send you a question. Only when you say yes does that employer get your phone number or e-mail."),
    ("intro.back", "Je kunt het altijd terugnemen. Dan wordt alles verwijderd.", "You can take it back at any time. Then everything is deleted."),
    ("intro.where", "Wat je deelt, staat op de computer van Vaardig. Werkgevers kijken daar.", "What you share is kept on Vaardig's computer. Employers look there."),
    ("intro.go", "Kies wat je deelt", "Choose what to share"),
    ("intro.no_profile", "Je hebt nog niets ingevuld. Vul eerst in de app in wat je kunt.", "You have not filled in anything yet. First fill in what you can do in the app."),
    ("intro.no_storage", "Je telefoon kan nu niets bewaren. Dan kun je het later niet terugnemen. Daarom kun je nu niet delen.", "Your phone cannot save anything right now. Then you could not take it back later. So you cannot share now."),
    ("parts.title", "Wat mogen werkgevers zien?", "What may employers see?"),
    ("parts.help", "Vink aan wat je wilt delen. Je naam staat er nooit bij.", "Tick what you want to share. Your name is never on it."),
    ("parts.none", "Kies minstens één ding.", "Choose at least one thing."),
    ("part.skills", "Wat je kunt", "What you can do"),
    ("part.skills.help", "Bijvoorbeeld heftruck rijden of kassa. En hoe goed je het kunt.", "For example driving a forklift or the till. And how well you do it."),
    ("part.soft_skills", "Hoe je werkt", "How you work"),
    ("part.soft_skills.help", "Denk aan op tijd komen of goed samen werken.", "For example being on time or working well with others."),
    ("part.certificates", "Je papieren", "Your certificates"),
    ("part.certificates.help", "Denk aan je VCA of je rijbewijs.", "For example your VCA or your driving licence."),
    ("part.work_processes", "Je werkprocessen", "Your work processes"),
    ("part.work_processes.help", "Stukken werk uit een mbo-opleiding die je al hebt gedaan.", "Pieces of work from an mbo qualification that you have done."),
    ("part.availability", "Uren en wanneer je kunt", "Hours and when you can work"),
    ("part.availability.help", "Hoeveel uur per week, wanneer, en vanaf welke datum.", "How many hours a week, when, and from which date."),
    ("part.region", "Je woonplaats", "Your town"),
    ("part.region.help", "Dan zien werkgevers of het werk dichtbij is. Je adres zien ze nooit.", "Then employers see if the work is close. They never see your address."),
    ("region.title", "In welke regio zoek je werk?", "In which region are you looking for work?"),
    ("region.help", "Alleen werkgevers uit jouw streek zien je.", "Only employers from this region see you."),
    ("region.none", "Kies een regio.", "Choose a region."),
    ("until.title", "Tot wanneer mogen werkgevers je zien?", "Until when may employers see you?"),
    ("until.help", "Na deze dag verwijderen we alles. Je kunt het ook eerder terugnemen.", "After this day we delete everything. You can also take it back earlier."),
    ("until.label", "Laatste dag", "Last day"),
    ("until.now", "Tot en met {date}.", "Up to and including {date}."),
    ("until.bad", "Kies een dag tussen vandaag en een jaar vanaf nu.", "Choose a day between today and one year from now."),
    ("coach.title", "Mag een jobhunter zeggen wat je kunt?", "May a jobhunter confirm what you can do?"),
    ("coach.help", "Een jobhunter helpt jongeren aan werk in jouw regio. Als je ja zegt, kan die erbij zetten: dit heb ik gezien. Werkgevers zien dat.", "A jobhunter helps young people find work in your region. If you say yes, they can add: I have seen this. Employers see that."),
    ("coach.yes", "Ja, dat mag", "Yes, that is fine"),
    ("coach.no", "Nee, liever niet", "No, rather not"),
    ("coach.none", "Kies ja of nee.", "Choose yes or no."),
    ("check.title", "Klopt dit?", "Is this right?"),
    ("check.parts", "Dit zien werkgevers:", "Employers see this:"),
    ("check.region", "Regio: {region}.", "Region: {region}."),
    ("check.until", "Tot en met {date}.", "Up to and including {date}."),
    ("check.coach_yes", "Een jobhunter mag zeggen wat je kunt.", "A jobhunter may confirm what you can do."),
    ("check.coach_no", "Een jobhunter mag niet zeggen wat je kunt.", "A jobhunter may not confirm what you can do."),
    ("check.never", "Je naam, je leeftijd en hoe ze je kunnen bereiken, zien ze niet.", "They do not see your name, your age or how to reach you."),
    ("check.publish", "Ja, deel dit", "Yes, share this"),
    ("check.save", "Bewaar", "Save"),
    ("home.title", "Je profiel staat online", "Your profile is online"),
    ("home.seen", "Werkgevers in {region} zien je als {name}.", "Employers in {region} see you as {name}."),
    ("home.until", "Tot en met {date}. Daarna verwijderen we alles.", "Up to and including {date}. Then we delete everything."),
    ("home.parts", "Dit zien ze", "This is what they see"),
    ("home.published", "Gelukt. Je profiel staat online.", "Done. Your profile is online."),
    ("home.updated", "Gelukt. Je nieuwe profiel staat online.", "Done. Your new profile is online."),
    ("home.attest_rejected", "Gelukt. Maar een bevestiging van je praktijkopleider klopte niet. Die hebben we niet gebruikt. Vraag je praktijkopleider om een nieuwe link.", "Done. But a confirmation from your workplace trainer was not right. We did not use it. Ask your workplace trainer for a new link."),
    ("home.downgraded", "Gelukt. Sommige dingen staan online als 'dat zeg ik zelf'. Alleen je praktijkopleider of een jobhunter kan zeggen dat het klopt. Heb je een diploma of certificaat? Laat het papier zien aan je jobhunter.", "Done. Some things are online as 'my own estimate'. Only your workplace trainer or a jobhunter can confirm them. Do you have a diploma or certificate? Show the paper to your jobhunter."),
    ("home.requests", "Vragen van werkgevers", "Questions from employers"),
    ("home.no_requests", "Je hebt nog geen nieuwe vragen.", "You have no new questions yet."),
    ("home.one_request", "Je hebt 1 nieuwe vraag.", "You have 1 new question."),
    ("home.open_requests", "Je hebt {n} nieuwe vragen.", "You have {n} new questions."),
    ("home.to_requests", "Bekijk vragen", "See questions"),
    ("home.to_views", "Wie keek er?", "Who looked?"),
    ("home.change", "Iets veranderd?", "Something changed?"),
    ("home.change_help", "Heb je in de app iets veranderd? Zet je profiel dan opnieuw online.", "Did you change something in the app? Then put your profile online again."),
    ("home.update", "Zet opnieuw online", "Put online again"),
    ("home.edit", "Kies opnieuw wat je deelt", "Choose again what you share"),
    ("home.to_attest", "Vraag je praktijkopleider", "Ask your workplace trainer"),
    ("home.withdraw_title", "Terugnemen", "Take it back"),
    ("home.withdraw_help", "Met één tik haal je alles weg. Werkgevers zien je dan niet meer.", "One tap takes everything away. Employers then no longer see you."),
    ("home.withdraw", "Haal alles weg", "Take everything away"),
    ("home.withdraw_confirm", "Weet je het zeker? Alles wordt verwijderd.", "Are you sure? Everything will be deleted."),
    ("home.withdraw_yes", "Ja, haal alles weg", "Yes, take everything away"),
    ("home.withdraw_no", "Nee", "No"),
    ("requests.title", "Vragen van werkgevers", "Questions from employers"),
    ("requests.help", "Een werkgever wil contact met je. Jij kiest: ja of nee.", "An employer wants to get in touch. You choose: yes or no."),
    ("requests.none", "Er zijn nog geen vragen.", "There are no questions yet."),
    ("requests.someone", "Een werkgever", "An employer"),
    ("requests.when", "Gestuurd op {date}", "Sent on {date}"),
    ("requests.about", "Over: {opening}", "About: {opening}"),
    ("requests.message", "Bericht: {message}", "Message: {message}"),
    ("requests.accept", "Ja, geef mijn gegevens", "Yes, give my details"),
    ("requests.decline", "Nee, liever niet", "No, rather not"),
    ("requests.accepted", "Je hebt ja gezegd.", "You said yes."),
    ("requests.declined", "Je hebt nee gezegd.", "You said no."),
    ("answer.title", "Wat mag {company} weten?", "What may {company} know?"),
    ("answer.help", "Vul in wat je wilt geven. Laat de rest leeg. Alleen deze werkgever ziet het.", "Fill in what you want to give. Leave the rest empty. Only this employer sees it."),
    ("answer.name", "Je naam", "Your name"),
    ("answer.phone", "Je telefoonnummer", "Your phone number"),
    ("answer.email", "Je e-mail", "Your e-mail"),
    ("answer.none", "Vul minstens één ding in.", "Fill in at least one thing."),
    ("answer.send", "Stuur", "Send"),
    ("answer.sent", "Gelukt. De werkgever ziet nu wat je gaf.", "Done. The employer now sees what you gave."),
    ("answer.declined", "Gelukt. Je hebt nee gezegd.", "Done. You said no."),
    ("views.title", "Wie keek er?", "Who looked?"),
    ("views.help", "Hier zie je wie je profiel bekeek: werkgevers en jobhunters. Je ziet ook wat een jobhunter over je opschreef.", "Here you see which employers and jobhunters looked at your profile. You also see what a jobhunter wrote down about you."),
    ("views.none", "Nog niemand heeft gekeken.", "Nobody has looked yet."),
    ("views.viewed", "{who} keek naar je profiel op {date}.", "{who} looked at your profile on {date}."),
    ("views.listed", "{who} zag je in een lijst op {date}.", "{who} saw you in a list on {date}."),
    (
        "views.listed_times",
        "{who} zag je {times} keer in dezelfde lijst. De laatste keer was op {date}.",
        "{who} saw you in the same list {times} times. The last time was on {date}."
    ),
    ("views.contact", "{who} vroeg om contact op {date}.", "{who} asked for contact on {date}."),
    ("views.coach", "{who} zei op {date} wat je kunt.", "{who} confirmed what you can do on {date}."),
    ("views.shortlisted", "{who} zette je op {date} op een lijstje.", "{who} put you on a shortlist on {date}."),
    ("views.note", "{who} schreef dit over je op {date}:", "{who} wrote this about you on {date}:"),
    ("attest.title", "Bewijs van je werk", "Proof from your work"),
    ("attest.short", "Je praktijkopleider kan zeggen wat je op je werk hebt gedaan.", "Your workplace trainer can confirm what you did at work."),
    ("attest.help", "Je praktijkopleider kan zeggen wat je op je werk hebt gedaan. Dat is bewijs van je werk. Het is nog geen praktijkverklaring. Die krijg je van een mbo-school. Kies wat je hebt gedaan. Je krijgt een link. Stuur die naar je praktijkopleider.", "Your workplace trainer can confirm what you did at work. That is proof of your work. It is not a praktijkverklaring yet: that comes from an mbo school. Choose what you did. You get a link. Send it to your workplace trainer."),
    ("attest.none", "Je hebt nog geen werkprocessen ingevuld. Doe dat eerst in de app.", "You have not filled in any work processes yet. Do that in the app first."),
    ("attest.all_done", "Al je werkprocessen zijn al gezien op je werk.", "All your work processes have been shown at work."),
    ("attest.pick", "Wat heb je gedaan?", "What did you do?"),
    ("attest.choose", "Kies minstens één werkproces.", "Choose at least one work process."),
    ("attest.publish_first", "Zet eerst je profiel online. Dan kan je praktijkopleider zeggen dat het klopt.", "Put your profile online first. Then your workplace trainer can confirm it."),
    ("attest.make", "Maak een link", "Make a link"),
    ("attest.made", "Je link staat hieronder. Stuur hem naar je praktijkopleider.", "Your link is below. Send it to your workplace trainer."),
    ("attest.links", "Je links", "Your links"),
    ("attest.link", "Link voor je praktijkopleider", "Link for your workplace trainer"),
    ("attest.expires", "De link werkt tot {date}.", "The link works until {date}."),
    ("attest.copy", "Kopieer link", "Copy link"),
    ("attest.copied", "Gekopieerd", "Copied"),
    ("attest.share", "Deel link", "Share link"),
    ("attest.share_text", "Wil je bevestigen wat ik op mijn werk heb gedaan?", "Would you confirm what I did at work?"),
    ("attest.check", "Kijk of het al is bevestigd", "Check if it is confirmed"),
    ("attest.waiting", "Je praktijkopleider heeft nog niet gekeken. Probeer het later nog eens.", "Your workplace trainer has not looked yet. Try again later."),
    ("attest.done", "Gelukt. In de app staat nu: gezien op werk.", "Done. The app now says: shown at work."),
    ("attest.done_publish", "Gelukt. In de app staat nu: gezien op werk. Zet je profiel opnieuw online, dan zien werkgevers het ook.", "Done. The app now says: shown at work. Put your profile online again so employers see it too."),
    ("attest.profile_unsaved", "Het bewijs is binnen, maar je telefoon kon je profiel niet bewaren. Probeer het later opnieuw.", "The proof is in, but your phone could not save your profile. Try again later."),
    ("attest.expired", "Deze link werkt niet meer. Maak een nieuwe.", "This link no longer works. Make a new one."),
    ("gone.title", "Alles is verwijderd", "Everything is deleted"),
    ("gone.body", "Je profiel staat niet meer online. Werkgevers zien je niet meer. Wat je in de app invulde, staat nog op je telefoon.", "Your profile is no longer online. Employers no longer see you. What you filled in in the app is still on your phone."),
    ("gone.again", "Deel opnieuw", "Share again"),
    ("err.offline", "Je hebt nu geen internet. Probeer het later opnieuw. Er is niets veranderd.", "You have no internet right now. Try again later. Nothing has changed."),
    ("err.load", "Dat lukte niet. Probeer het later opnieuw.", "That did not work. Try again later."),
    ("err.publish", "Dat lukte niet. Je profiel op je telefoon is niet veranderd.", "That did not work. The profile on your phone has not changed."),
    ("err.withdraw", "Dat lukte niet. Je profiel staat nog online. Probeer het opnieuw.", "That did not work. Your profile is still online. Try again."),
    ("err.answer", "Dat lukte niet. De werkgever heeft niets gekregen.", "That did not work. The employer has received nothing."),
    ("err.answered", "Deze vraag is al beantwoord.", "This question was already answered."),
    ("err.link", "Dat lukte niet. Er is geen link gemaakt.", "That did not work. No link was made."),
    ("err.not_found", "Je profiel staat niet meer online. Misschien was de tijd om. Dan is alles al verwijderd.", "Your profile is no longer online. Maybe the time was up. Then everything is already deleted."),
    ("err.consent", "De uitleg is veranderd. Lees hem opnieuw en kies opnieuw.", "The explanation has changed. Read it again and choose again."),
    ("err.busy", "Het is nu te druk. Wacht even en probeer het opnieuw.", "It is too busy right now. Wait a moment and try again."),
];

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

    #[test]
    fn both_languages_are_complete_and_keys_unique() {
        crate::shared::i18n::check_table(TEXTS);
    }

    #[test]
    fn every_part_has_a_name_and_a_sentence() {
        for (name, _) in crate::delen::pool::PARTS {
            for key in [format!("part.{name}"), format!("part.{name}.help")] {
                assert!(TEXTS.iter().any(|(k, _, _)| *k == key), "{key} has no text");
            }
        }
    }

    /// Every string literal in the page's code that looks like a key of this table (`prefix.rest`
    /// with a prefix the table uses) must be in it: keys are passed to `t`, `tf`, `Some(..)` and
    /// buttons alike.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let prefixes: std::collections::BTreeSet<&str> =
            TEXTS.iter().map(|(k, _, _)| k.split('.').next().unwrap_or_default()).collect();
        let sources = [include_str!("mod.rs"), include_str!("screens.rs"), include_str!("io.rs")];
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                let key_like = literal.contains('.')
                    && !literal.ends_with('.')
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
                let prefix = literal.split('.').next().unwrap_or_default();
                if key_like && prefixes.contains(prefix) {
                    assert!(
                        TEXTS.iter().any(|(k, _, _)| *k == literal),
                        "text key {literal:?} is used but not in the table"
                    );
                }
            }
        }
    }

    #[test]
    fn the_speak_label_is_the_apps() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(t("speak", lang), crate::app::texts::t("speak", lang));
        }
    }
}
