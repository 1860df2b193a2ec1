//! The app's one state and its reducer: which screen, which language, the profile. Every change
//! goes through [`Msg`], so saving after each answer happens in one place.

use crate::app::share::Parts;
use matching_core::{Claim, Date, Evidence, ItemRef, Lang, Level, Profile, Shift};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// Soft-skill questions asked in the flow: enough to say something, few enough for a few minutes.
pub const SOFT_QUESTIONS: usize = 12;

/// Every screen; the flow screens in order, then the ones reached from the menu.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Screen {
    /// What the app does.
    Start,
    /// Soft-skill question number n (0-based).
    Soft(usize),
    /// Hard skills: search and chips.
    Skills,
    /// Certificate checklist.
    Certificates,
    /// Work processes of a qualification.
    WorkProcesses,
    /// Maximum hours per week.
    Hours,
    /// Days and shifts.
    Shifts,
    /// Home town.
    Town,
    /// Travel distance.
    Travel,
    /// Start date.
    From,
    /// Matches.
    Results,
    /// One match explained (opening id).
    Detail(String),
    /// Next step and qualification ladder.
    NextStep,
    /// Profile card picture.
    Card,
    /// Show an employer: link and QR code.
    Share,
    /// My data: export, import, delete.
    Data,
}

/// Screens stored as short strings ("soft/3", "detail/o-000042"): readable, and far less code than
/// serde's tagged enums.
impl From<Screen> for String {
    fn from(screen: Screen) -> String {
        let name = match &screen {
            Screen::Soft(n) => return format!("soft/{n}"),
            Screen::Detail(id) => return format!("detail/{id}"),
            Screen::Start => "start",
            Screen::Skills => "skills",
            Screen::Certificates => "certificates",
            Screen::WorkProcesses => "work_processes",
            Screen::Hours => "hours",
            Screen::Shifts => "shifts",
            Screen::Town => "town",
            Screen::Travel => "travel",
            Screen::From => "from",
            Screen::Results => "results",
            Screen::NextStep => "next_step",
            Screen::Card => "card",
            Screen::Share => "share",
            Screen::Data => "data",
        };
        name.to_string()
    }
}

impl TryFrom<String> for Screen {
    type Error = String;
    fn try_from(text: String) -> Result<Screen, String> {
        if let Some(n) = text.strip_prefix("soft/") {
            return n.parse().map(Screen::Soft).map_err(|_| format!("bad screen {text:?}"));
        }
        if let Some(id) = text.strip_prefix("detail/") {
            return Ok(Screen::Detail(id.to_string()));
        }
        Ok(match text.as_str() {
            "start" => Screen::Start,
            "skills" => Screen::Skills,
            "certificates" => Screen::Certificates,
            "work_processes" => Screen::WorkProcesses,
            "hours" => Screen::Hours,
            "shifts" => Screen::Shifts,
            "town" => Screen::Town,
            "travel" => Screen::Travel,
            "from" => Screen::From,
            "results" => Screen::Results,
            "next_step" => Screen::NextStep,
            "card" => Screen::Card,
            "share" => Screen::Share,
            "data" => Screen::Data,
            _ => return Err(format!("bad screen {text:?}")),
        })
    }
}

impl Screen {
    /// The next screen in the flow.
    pub fn next(&self) -> Screen {
        match self {
            Screen::Start => Screen::Soft(0),
            Screen::Soft(n) if n + 1 < SOFT_QUESTIONS => Screen::Soft(n + 1),
            Screen::Soft(_) => Screen::Skills,
            Screen::Skills => Screen::Certificates,
            Screen::Certificates => Screen::WorkProcesses,
            Screen::WorkProcesses => Screen::Hours,
            Screen::Hours => Screen::Shifts,
            Screen::Shifts => Screen::Town,
            Screen::Town => Screen::Travel,
            Screen::Travel => Screen::From,
            Screen::From => Screen::Results,
            Screen::Detail(_) => Screen::Results,
            other => other.clone(),
        }
    }

    /// The screen "back" leads to.
    pub fn back(&self) -> Screen {
        match self {
            Screen::Start => Screen::Start,
            Screen::Soft(0) => Screen::Start,
            Screen::Soft(n) => Screen::Soft(n - 1),
            Screen::Skills => Screen::Soft(SOFT_QUESTIONS - 1),
            Screen::Certificates => Screen::Skills,
            Screen::WorkProcesses => Screen::Certificates,
            Screen::Hours => Screen::WorkProcesses,
            Screen::Shifts => Screen::Hours,
            Screen::Town => Screen::Shifts,
            Screen::Travel => Screen::Town,
            Screen::From => Screen::Travel,
            Screen::Results => Screen::From,
            Screen::Card => Screen::NextStep,
            Screen::Share => Screen::Card,
            Screen::Detail(_) | Screen::NextStep | Screen::Data => Screen::Results,
        }
    }

    /// Position in the question flow (for "question n of total"), if it is a question.
    pub fn step(&self) -> Option<usize> {
        let order = [
            Screen::Skills,
            Screen::Certificates,
            Screen::WorkProcesses,
            Screen::Hours,
            Screen::Shifts,
            Screen::Town,
            Screen::Travel,
            Screen::From,
        ];
        match self {
            Screen::Soft(n) => Some(n + 1),
            other => order.iter().position(|s| s == other).map(|p| SOFT_QUESTIONS + p + 1),
        }
    }

    /// Number of questions in the flow.
    pub const STEPS: usize = SOFT_QUESTIONS + 8;
}

/// Everything that is saved on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    /// Always `vaardig.app`.
    pub format: String,
    /// Version of this envelope.
    pub version: u32,
    /// Where the person was.
    pub screen: Screen,
    /// Chosen language.
    pub lang: Lang,
    /// The profile.
    pub profile: Profile,
}

/// The format tag of what the app saves.
pub const SAVED_FORMAT: &str = "vaardig.app";
/// The version of what the app saves.
pub const SAVED_VERSION: u32 = 1;

/// Version 1 as the first builds saved it, in today's form: those builds wrote the screen as
/// serde's tagged enum, `"screen":{"screen":"soft","at":3}` (always compact, with the names the
/// string form still uses); today it is `"screen":"soft/3"`. `None` when `raw` has no such screen.
pub fn migrate(raw: &str) -> Option<String> {
    const TAGGED: &str = r#""screen":{"screen":""#;
    let start = raw.find(TAGGED)?;
    let rest = &raw[start + TAGGED.len()..];
    let end = rest.bytes().position(|b| b == b'}')?;
    let screen = match rest[..end].split_once(r#"","at":"#) {
        Some((name, at)) => {
            format!("{name}/{}", at.strip_prefix('"').and_then(|at| at.strip_suffix('"')).unwrap_or(at))
        }
        None => rest[..end].strip_suffix('"')?.to_string(),
    };
    Some(format!(r#"{}"screen":"{screen}"{}"#, &raw[..start], &rest[end + 1..]))
}

/// The app state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Current screen.
    pub screen: Screen,
    /// Language.
    pub lang: Lang,
    /// The profile.
    pub profile: Profile,
    /// False when local storage is missing, blocked or full: the app works in memory and says so.
    pub storage_ok: bool,
    /// A message to show once (a translation key).
    pub notice: Option<&'static str>,
    /// True when the state came from storage (so Start offers "continue").
    pub resumed: bool,
    /// The saved state this start could not read (a copy is kept in storage, unless storage is
    /// full): a banner leads to "my data", which offers to read back what it can.
    pub unreadable: Option<Rc<str>>,
    /// What the current screen shows but does not save.
    pub ui: Ui,
}

/// What a screen shows but does not save: typed text, choices, an open dialog. Kept here rather
/// than in components of their own (each component costs the app bytes); a new screen starts
/// afresh.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ui {
    /// Skills: the search text.
    pub query: String,
    /// Skills: the sector of the popular list (`None`: logistics).
    pub sector: Option<String>,
    /// Work processes: the chosen qualification (`None`: the first).
    pub qualification: Option<String>,
    /// Town: what is typed (`None`: the saved home town).
    pub town: Option<String>,
    /// Results: every match shown, not only the first ones.
    pub more: bool,
    /// Show an employer: the parts to share.
    pub parts: Parts,
    /// Show an employer: the link was copied.
    pub copied: bool,
    /// My data: "delete everything?" is asked.
    pub confirm: bool,
    /// My data: why the last import failed.
    pub import_error: Option<String>,
}

impl State {
    /// A new state, or the saved one.
    pub fn new(saved: Option<Saved>, storage_ok: bool) -> State {
        match saved {
            Some(s) => State {
                screen: s.screen,
                lang: s.lang,
                profile: s.profile,
                storage_ok,
                notice: None,
                resumed: true,
                unreadable: None,
                ui: Ui::default(),
            },
            None => State {
                screen: Screen::Start,
                lang: Lang::Nl,
                profile: Profile::new("ik"),
                storage_ok,
                notice: None,
                resumed: false,
                unreadable: None,
                ui: Ui::default(),
            },
        }
    }

    /// What to save.
    pub fn saved(&self) -> Saved {
        Saved {
            format: SAVED_FORMAT.into(),
            version: SAVED_VERSION,
            screen: self.screen.clone(),
            lang: self.lang,
            profile: self.profile.clone(),
        }
    }

    /// The claim on an item, if any.
    pub fn claim(&self, item: &ItemRef) -> Option<&Claim> {
        self.profile.claims.iter().find(|c| &c.item == item)
    }
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Go to a screen.
    Go(Screen),
    /// Switch language.
    Lang(Lang),
    /// Set (or replace) a claim.
    Claim(ItemRef, Level, Evidence),
    /// Remove the claim on an item.
    Unclaim(ItemRef),
    /// "I don't know" on or off for an item.
    Unsure(ItemRef, bool),
    /// The certificate checklist was gone through.
    CertificatesAnswered(bool),
    /// The work processes were gone through.
    WorkProcessesAnswered(bool),
    /// Maximum hours per week.
    Hours(Option<u8>),
    /// Shift on or off.
    Shift(Shift, bool),
    /// Shifts not answered: unknown again.
    ShiftsUnknown,
    /// Home town.
    Town(Option<String>),
    /// Travel distance.
    Travel(Option<u16>),
    /// Start date.
    From(Option<Date>),
    /// Replace the profile (import).
    Import(Box<Profile>),
    /// Delete everything.
    Reset,
    /// Saving failed: go on in memory.
    StorageFailed,
    /// The current screen's unsaved state changed (a notice stays).
    Ui(Box<Ui>),
    /// An import failed, with this message.
    ImportFailed(String),
    /// Read back what could be read of an unreadable saved state (`None`: nothing could be).
    Recover(Option<Box<Salvaged>>),
    /// Another tab saved (`store::Saving::Changed`): what this tab started from, and what the
    /// other tab wrote (`None`: it deleted everything).
    Elsewhere(Option<Box<Saved>>, Option<Box<Saved>>),
}

/// What could be read back from a saved state the app could not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Salvaged {
    /// Every part of the profile that could be read on its own.
    pub profile: Profile,
    /// Answers read back.
    pub kept: usize,
    /// Parts that could not be read.
    pub dropped: usize,
}

/// Adds what was read back to the profile. What the person answered since wins: a claim or an
/// "I don't know" on an item stays, and of the answered parts, practical facts and wishes only
/// one not touched since comes back (whole).
pub fn merge(profile: &mut Profile, found: Profile) {
    if profile.answered == Default::default() {
        profile.answered = found.answered;
    }
    if profile.practical == Default::default() {
        profile.practical = found.practical;
    }
    if profile.wishes == Default::default() {
        profile.wishes = found.wishes;
    }
    for claim in found.claims {
        if !profile.claims.iter().any(|c| c.item == claim.item) && !profile.answered.unsure.contains(&claim.item) {
            profile.claims.push(claim);
        }
    }
}

/// A three-way merge: `ours` unless it differs from `base` only where `theirs` does not.
fn pick<T: PartialEq>(base: T, ours: T, theirs: T) -> T {
    if ours == base {
        theirs
    } else {
        ours
    }
}

/// Merges what another tab saved (`theirs`) into this tab's profile (`ours`), both started from
/// `base`: each claim, "I don't know" and answered flag, and the practical facts and the wishes
/// (each as a whole), that this tab did not change since `base` takes the other tab's value, so neither tab's change is lost (an
/// attested work process written back by the pool page, say, and an answer given here). When both
/// changed the same thing, this tab's change wins: it is the one the person sees.
pub fn merge3(base: &Profile, ours: &Profile, theirs: &Profile) -> Profile {
    let claim = |p: &Profile, item: &ItemRef| p.claims.iter().find(|c| &c.item == item).cloned();
    let mut claims = Vec::new();
    for item in ours.claims.iter().chain(&theirs.claims).chain(&base.claims).map(|c| &c.item) {
        if claims.iter().any(|c: &Claim| &c.item == item) {
            continue;
        }
        claims.extend(pick(claim(base, item), claim(ours, item), claim(theirs, item)));
    }
    let mut unsure = Vec::new();
    let (b, o, t) = (&base.answered.unsure, &ours.answered.unsure, &theirs.answered.unsure);
    for item in o.iter().chain(t).chain(b) {
        if !unsure.contains(item) && pick(b.contains(item), o.contains(item), t.contains(item)) {
            unsure.push(item.clone());
        }
    }
    let mut merged = Profile {
        id: pick(&base.id, &ours.id, &theirs.id).clone(),
        claims,
        answered: matching_core::Answered {
            certificates: pick(base.answered.certificates, ours.answered.certificates, theirs.answered.certificates),
            work_processes: pick(
                base.answered.work_processes,
                ours.answered.work_processes,
                theirs.answered.work_processes,
            ),
            unsure,
        },
        practical: pick(&base.practical, &ours.practical, &theirs.practical).clone(),
        wishes: pick(&base.wishes, &ours.wishes, &theirs.wishes).clone(),
        ..ours.clone()
    };
    // A claim and an "I don't know" on the same item (each tab set one): the claim was given
    // last in one of them, and a claim is never dropped for an unsure mark.
    merged.answered.unsure.retain(|item| !merged.claims.iter().any(|c| &c.item == item));
    merged
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        match msg {
            Msg::Ui(ui) => {
                s.ui = *ui;
                return Rc::new(s);
            }
            // Not the person's own step here: the screen and a notice stay.
            Msg::Elsewhere(base, theirs) => {
                let fresh = || State::new(None, true).saved();
                let (base, theirs) = (base.map_or_else(fresh, |b| *b), theirs.map_or_else(fresh, |t| *t));
                s.profile = merge3(&base.profile, &s.profile, &theirs.profile);
                s.lang = pick(base.lang, s.lang, theirs.lang);
                s.resumed |= !s.profile.claims.is_empty();
                return Rc::new(s);
            }
            _ => {}
        }
        s.notice = None;
        let p = &mut s.profile;
        match msg {
            Msg::Go(screen) => {
                if s.screen != screen {
                    s.ui = Ui::default();
                }
                s.screen = screen;
            }
            Msg::Lang(lang) => s.lang = lang,
            Msg::Claim(item, level, evidence) => p.add_claim(Claim { item, level, evidence }),
            Msg::Unclaim(item) => p.claims.retain(|c| c.item != item),
            Msg::Unsure(item, on) => {
                p.answered.unsure.retain(|i| i != &item);
                if on {
                    p.claims.retain(|c| c.item != item);
                    p.answered.unsure.push(item);
                }
            }
            Msg::CertificatesAnswered(on) => p.answered.certificates = on,
            Msg::WorkProcessesAnswered(on) => p.answered.work_processes = on,
            Msg::Hours(h) => p.practical.max_hours_per_week = h,
            Msg::Shift(shift, on) => {
                let shifts = p.practical.shifts.get_or_insert_with(Vec::new);
                shifts.retain(|x| *x != shift);
                if on {
                    shifts.push(shift);
                    matching_core::sort::sort(shifts);
                }
            }
            Msg::ShiftsUnknown => p.practical.shifts = None,
            Msg::Town(town) => p.practical.home_town = town,
            Msg::Travel(km) => p.practical.max_travel_km = km,
            Msg::From(date) => p.practical.available_from = date,
            Msg::Import(profile) => {
                s.profile = *profile;
                s.notice = Some("data.imported");
                s.ui.import_error = None;
            }
            Msg::Reset => {
                s = State::new(None, s.storage_ok);
                s.notice = Some("data.deleted");
            }
            Msg::StorageFailed => s.storage_ok = false,
            Msg::ImportFailed(message) => s.ui.import_error = Some(message),
            Msg::Recover(found) => {
                s.unreadable = None;
                s.notice = Some("app.recover_none");
                if let Some(found) = found.filter(|f| f.kept > 0) {
                    merge(p, found.profile);
                    s.notice = Some(if found.dropped == 0 { "app.recovered_all" } else { "app.recovered_some" });
                }
            }
            Msg::Ui(_) | Msg::Elsewhere(..) => {}
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_goes_forward_and_back_through_every_question() {
        let mut screen = Screen::Start;
        let mut seen = vec![screen.clone()];
        while screen != Screen::Results {
            let next = screen.next();
            assert_eq!(next.back(), screen, "back from {next:?}");
            screen = next;
            seen.push(screen.clone());
        }
        assert_eq!(seen.len(), Screen::STEPS + 2);
        assert_eq!(Screen::From.step(), Some(Screen::STEPS));
    }

    #[test]
    fn every_screen_round_trips_as_a_string() {
        let mut screen = Screen::Start;
        let mut all = vec![Screen::Detail("o-1".into()), Screen::NextStep, Screen::Card, Screen::Share, Screen::Data];
        while screen != Screen::Results {
            all.push(screen.clone());
            screen = screen.next();
        }
        all.push(Screen::Results);
        for s in all {
            assert_eq!(Screen::try_from(String::from(s.clone())), Ok(s));
        }
        assert!(Screen::try_from("nope".to_string()).is_err());
    }

    /// The screen as the first builds saved it (5283d53), kept here to pin that form.
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case", tag = "screen", content = "at")]
    enum FirstScreen {
        Soft(usize),
        Detail(String),
        Results,
    }

    fn fixture(name: &str) -> Saved {
        let path = format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("fixture");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The fixtures of the first builds hold the screen in the form those builds wrote, and
    /// [`migrate`] reads each of them without loss (the browser tests load them in the app).
    #[test]
    fn every_form_version_1_has_had_reads_without_loss() {
        let current = fixture("v1-strings.json");
        assert_eq!(current.screen, Screen::Skills);
        for (name, old, screen) in [
            ("v1-tagged-soft.json", FirstScreen::Soft(3), Screen::Soft(3)),
            ("v1-tagged-results.json", FirstScreen::Results, Screen::Results),
            ("v1-tagged-detail.json", FirstScreen::Detail("o-000001".into()), Screen::Detail("o-000001".into())),
        ] {
            let text = std::fs::read_to_string(format!("{}/tests/fixtures/storage/{name}", env!("CARGO_MANIFEST_DIR")))
                .expect("fixture");
            let written = serde_json::to_string(&old).expect("serialises");
            assert!(text.contains(&format!(r#""screen":{written}"#)), "{name} holds the first builds' form {written}");
            assert!(serde_json::from_str::<Saved>(&text).is_err(), "{name} needs the migration");
            let saved: Saved = serde_json::from_str(&migrate(&text).expect("migrates")).expect("reads");
            assert_eq!(saved.screen, screen, "{name}");
            assert_eq!(saved.profile, current.profile, "{name}: the whole profile");
        }
        assert_eq!(migrate(r#"{"screen":"skills"}"#), None, "today's form needs nothing");
    }

    #[test]
    fn what_is_read_back_never_replaces_what_was_answered_since() {
        let old = fixture("v1-strings.json").profile;
        let mut now = Profile::new("ik");
        let aanwezig = ItemRef::SoftSkill("soft.aanwezig".into());
        now.claims.push(Claim {
            item: aanwezig.clone(),
            level: Level::new(1).expect("level"),
            evidence: Evidence::Self_,
        });
        now.practical.max_hours_per_week = Some(8);
        merge(&mut now, old.clone());
        let claim = |p: &Profile, item: &ItemRef| p.claims.iter().find(|c| &c.item == item).map(|c| c.level);
        assert_eq!(claim(&now, &aanwezig), Level::new(1), "today's answer stays");
        assert_eq!(now.claims.len(), old.claims.len(), "every other claim came back");
        assert_eq!(now.practical.max_hours_per_week, Some(8), "practical facts answered since stay");
        assert_eq!(now.practical.home_town, None, "and are not mixed with the old ones");
        assert_eq!(now.wishes, old.wishes, "untouched parts come back whole");
        assert_eq!(now.answered, old.answered);
        // An "I don't know" answered since keeps the old claim out.
        let mut unsure = Profile::new("ik");
        unsure.answered.unsure.push(ItemRef::SoftSkill("soft.op_tijd".into()));
        merge(&mut unsure, old.clone());
        assert_eq!(claim(&unsure, &ItemRef::SoftSkill("soft.op_tijd".into())), None);
        // Into an empty profile, everything comes back.
        let mut empty = Profile::new("ik");
        merge(&mut empty, old.clone());
        assert_eq!(empty, old);
    }

    #[test]
    fn saved_state_round_trips() {
        let state = State::new(None, true);
        let json = serde_json::to_string(&state.saved()).expect("serialises");
        let back: Saved = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, state.saved());
    }

    fn claim(item: &str, level: u8, evidence: Evidence) -> Claim {
        let item = match item.split_once('.') {
            Some(("wp", _)) => ItemRef::WorkProcess(item.into()),
            Some(("cert", _)) => ItemRef::Certificate(item.into()),
            Some(("soft", _)) => ItemRef::SoftSkill(item.into()),
            _ => ItemRef::Skill(item.into()),
        };
        Claim { item, level: Level::new(level).expect("level"), evidence }
    }

    #[test]
    fn a_change_in_another_tab_and_one_here_are_both_kept() {
        let mut base = fixture("v1-strings.json").profile;
        let wp = claim("wp.assistent_logistiek.b1_k1_w2", 2, Evidence::Self_);
        base.claims.push(wp.clone());
        // The pool page writes the trainer's confirmation back ...
        let mut theirs = base.clone();
        theirs.claims.iter_mut().find(|c| c.item == wp.item).expect("claim").evidence = Evidence::Practice;
        // ... while the person, in the app's tab, adds a skill and changes their hours.
        let mut ours = base.clone();
        ours.claims.push(claim("log.reachtruck_rijden", 2, Evidence::Self_));
        ours.practical.max_hours_per_week = Some(12);
        let merged = merge3(&base, &ours, &theirs);
        let evidence = |item: &ItemRef| merged.claims.iter().find(|c| &c.item == item).map(|c| c.evidence);
        assert_eq!(evidence(&wp.item), Some(Evidence::Practice), "the attestation survives");
        assert_eq!(evidence(&ItemRef::Skill("log.reachtruck_rijden".into())), Some(Evidence::Self_));
        assert_eq!(merged.practical.max_hours_per_week, Some(12));
        assert_eq!(merged.claims.len(), base.claims.len() + 1, "nothing lost, nothing doubled");
        // The other way round gives the same profile, up to the order of the claims.
        let mut other = merge3(&base, &theirs, &ours);
        let mut claims = merged.claims.clone();
        let key = |c: &Claim| format!("{:?}", c.item);
        claims.sort_by_key(key);
        other.claims.sort_by_key(key);
        assert_eq!(other.claims, claims);
    }

    #[test]
    fn an_unchanged_side_takes_the_other_sides_state_whole() {
        let base = fixture("v1-strings.json").profile;
        let mut changed = base.clone();
        changed.claims.remove(0);
        changed.claims.push(claim("cert.vca_basis", 1, Evidence::Formal));
        changed.answered.unsure.push(ItemRef::Certificate("cert.bhv".into()));
        changed.practical.home_town = None;
        changed.wishes.sectors = vec!["zrg".into()];
        assert_eq!(merge3(&base, &base, &changed), changed);
        assert_eq!(merge3(&base, &changed, &base), changed);
        assert_eq!(merge3(&base, &changed, &changed), changed);
    }

    #[test]
    fn deleting_everything_in_another_tab_deletes_it_here_too() {
        let base = fixture("v1-strings.json").profile;
        let fresh = Profile::new("ik");
        assert_eq!(merge3(&base, &base, &fresh), fresh, "a tab left open does not bring the data back");
    }

    #[test]
    fn when_both_tabs_change_one_thing_this_tabs_change_wins() {
        let base = fixture("v1-strings.json").profile;
        let item = base.claims[0].item.clone();
        let mut ours = base.clone();
        ours.claims[0].level = Level::new(4).expect("level");
        let mut theirs = base.clone();
        theirs.claims.retain(|c| c.item != item);
        theirs.answered.unsure.push(item.clone());
        let merged = merge3(&base, &ours, &theirs);
        assert_eq!(merged.claims.iter().find(|c| c.item == item).map(|c| c.level), Some(Level::new(4).expect("level")));
        assert!(!merged.answered.unsure.contains(&item), "no claim and \"I don't know\" on one item");
    }

    #[test]
    fn another_tabs_save_keeps_this_tabs_screen_and_notice() {
        let mut state = State::new(None, true);
        state.screen = Screen::Hours;
        state.notice = Some("data.imported");
        let theirs = Saved { screen: Screen::Results, lang: Lang::En, ..fixture("v1-strings.json") };
        let after = Rc::new(state).reduce(Msg::Elsewhere(None, Some(Box::new(theirs.clone()))));
        assert_eq!(after.screen, Screen::Hours);
        assert_eq!(after.notice, Some("data.imported"));
        assert_eq!(after.lang, Lang::En);
        assert_eq!(after.profile, theirs.profile);
        assert!(after.resumed);
    }
}
