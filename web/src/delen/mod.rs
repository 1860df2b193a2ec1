//! The young person's side of the regional pool, as a page and Wasm bundle of its own
//! (`delen.html`, binary `vaardig-delen`), so the app's budget stays with the app. It reads the
//! profile the app saved on this device, publishes the chosen parts with consent, shows contact
//! requests and who looked, collects a workplace trainer's signed confirmation, and withdraws in
//! one tap. One component with screens as plain functions, like the app: one state changed only by
//! named [`Action`]s in its reducer (this file), every call to the server and every write to
//! storage in `io.rs`, and views (`screens.rs`) that only draw and send actions.

pub mod api;
pub mod io;
pub mod pool;
pub mod screens;
pub mod texts;

use crate::app::state::Saved;
use crate::shared::api::{ApiError, Loading};
use api::{Link, Published, Region, RequestView, ResultView, ViewLine};
use matching_core::{Date, ItemRef, Lang, Parts, Profile, Text};
use pool::{Found, PoolDoc, Publication, TrainerLink};
use std::rc::Rc;
use yew::prelude::*;

/// The screens: the consent questions in order, then the ones of a published profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// What publishing means.
    Intro,
    /// Which parts.
    Parts,
    /// Which region.
    Region,
    /// Until when.
    Until,
    /// May a jobhunter confirm skills.
    Coach,
    /// Check and publish (or save the changed choice).
    Check,
    /// What is published, with everything that can be done with it.
    Home,
    /// Contact requests.
    Requests,
    /// Accept one request: which contact details (request id).
    Answer(String),
    /// Who looked.
    Views,
    /// Workplace trainer links.
    Attest,
    /// After withdrawing.
    Gone,
}

impl Screen {
    /// The next question of the consent flow.
    pub fn next(&self) -> Screen {
        match self {
            Screen::Intro => Screen::Parts,
            Screen::Parts => Screen::Region,
            Screen::Region => Screen::Until,
            Screen::Until => Screen::Coach,
            Screen::Coach => Screen::Check,
            other => other.clone(),
        }
    }

    /// Where "back" leads (`published`: the flow started from a published profile).
    pub fn back(&self, published: bool) -> Screen {
        match self {
            Screen::Parts if published => Screen::Home,
            Screen::Parts => Screen::Intro,
            Screen::Region => Screen::Parts,
            Screen::Until => Screen::Region,
            Screen::Coach => Screen::Until,
            Screen::Check => Screen::Coach,
            Screen::Answer(_) => Screen::Requests,
            Screen::Requests | Screen::Views | Screen::Attest if published => Screen::Home,
            _ => Screen::Intro,
        }
    }
}

/// The consent being filled in.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    /// Which parts.
    pub fields: Parts,
    /// Region id.
    pub region: String,
    /// Region name.
    pub region_name: String,
    /// Last day (`YYYY-MM-DD`).
    pub until: String,
    /// Whether a jobhunter may confirm skills (`None`: not answered yet).
    pub coach: Option<bool>,
}

/// Contact details being typed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Typed {
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
}

/// The page's one state.
#[derive(Clone, Debug, PartialEq)]
pub struct St {
    /// Language (the app's; switching here is not saved).
    pub lang: Lang,
    /// The app's saved state, with the profile.
    pub saved: Option<Saved>,
    /// Local storage works.
    pub storage_ok: bool,
    /// What reading `vaardig.pool` found.
    pub found: Found,
    /// `vaardig.pool`.
    pub pool: PoolDoc,
    /// The last save of `vaardig.pool` failed: it lives only in this page now.
    pub unsaved: bool,
    /// How often `pool` changed: the page saves it after each change (`io::save_pool`).
    pub changes: u32,
    /// Current screen.
    pub screen: Screen,
    /// The consent being filled in.
    pub draft: Draft,
    /// Regions.
    pub regions: Loading<Vec<Region>>,
    /// Contact requests.
    pub requests: Loading<Vec<RequestView>>,
    /// Who looked.
    pub views: Loading<Vec<ViewLine>>,
    /// Work process titles (for trainer links).
    pub titles: Loading<Vec<(String, Text)>>,
    /// Contact details being typed.
    pub typed: Typed,
    /// Work processes chosen for a trainer link.
    pub chosen: Vec<String>,
    /// A call is running.
    pub busy: bool,
    /// An error to show (text key).
    pub error: Option<&'static str>,
    /// A message to show (text key).
    pub notice: Option<&'static str>,
    /// "Take everything back?" is asked.
    pub confirm: bool,
    /// The link that was just copied.
    pub copied: Option<String>,
}

impl St {
    fn new() -> St {
        let (saved, storage_ok) = pool::profile();
        let (doc, found) = pool::load();
        let lang = saved.as_ref().map(|s| s.lang).unwrap_or(Lang::Nl);
        let screen = if doc.published.is_some() { Screen::Home } else { Screen::Intro };
        St {
            lang,
            saved,
            storage_ok,
            found,
            pool: doc,
            unsaved: false,
            changes: 0,
            screen,
            draft: Draft::default(),
            regions: Loading::Idle,
            requests: Loading::Idle,
            views: Loading::Idle,
            titles: Loading::Idle,
            typed: Typed::default(),
            chosen: Vec::new(),
            busy: false,
            error: None,
            notice: match found {
                Found::Broken | Found::BrokenUncopied => Some("pool.broken"),
                _ => None,
            },
            confirm: false,
            copied: None,
        }
    }

    /// `pool` changed: the page saves it after this action.
    fn save_pool(&mut self) {
        self.changes += 1;
    }

    /// Goes to `screen`, clearing what the last screen showed.
    pub fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.error = None;
        self.notice = None;
        self.confirm = false;
        self.copied = None;
    }
}

/// Contact details being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Name.
    Name,
    /// Phone.
    Phone,
    /// E-mail.
    Email,
}

/// Every change to the page's state, by name; `St::reduce` is the only place that applies them.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show the page in another language (not saved).
    Lang(Lang),
    /// Go to a screen, clearing what the last one showed.
    Go(Screen),
    /// Say why the last step cannot go on (text key).
    Error(&'static str),
    /// Start the consent questions afresh; the last day preset to this one (`YYYY-MM-DD`).
    Begin(String),
    /// Change the published consent: the questions start from what is published.
    Edit,
    /// A part (index in `pool::PARTS`) chosen or not.
    Part(usize, bool),
    /// The region: id and name.
    Region(String, String),
    /// The last day, as typed.
    Until(String),
    /// Whether a jobhunter may confirm skills.
    Coach(bool),
    /// A contact detail typed.
    Type(Detail, String),
    /// A work process chosen for a trainer link, or not.
    Choose(String, bool),
    /// "Take everything back?" asked, or not.
    Confirm(bool),
    /// The link of this trainer link (its token) was copied.
    Copied(String),
    /// A call to the server started; `clear_notice` also takes away the last notice.
    Busy {
        /// Take away the last notice too.
        clear_notice: bool,
    },
    /// The regions, asked or answered.
    Regions(Loading<Vec<Region>>),
    /// The contact requests, asked or answered.
    Requests(Loading<Vec<RequestView>>),
    /// Who looked, asked or answered.
    Views(Loading<Vec<ViewLine>>),
    /// The work processes' titles, asked or read.
    Titles(Loading<Vec<(String, Text)>>),
    /// The answer to publishing or updating: what was sent (`published` before, the consent as
    /// `draft`, the profile as `saved`) and the server's answer.
    Published {
        /// The publication before (`None`: the first publish).
        published: Option<Publication>,
        /// The consent sent.
        draft: Draft,
        /// The profile sent.
        saved: Box<Saved>,
        /// The server's answer.
        result: Result<Published, ApiError>,
    },
    /// The answer to withdrawing.
    Withdrawn(Result<(), ApiError>),
    /// The answer to accepting (`accept`) or declining a contact request.
    Answered {
        /// Accepted, not declined.
        accept: bool,
        /// The server's answer.
        result: Result<(), ApiError>,
    },
    /// The answer to asking a trainer link for the `chosen` work processes.
    LinkMade {
        /// The work processes.
        chosen: Vec<String>,
        /// The server's answer.
        result: Result<Link, ApiError>,
    },
    /// A trainer link's result (`token`); `profile` is the app's profile with the confirmed work
    /// processes, as saved (`None` when it could not be saved).
    Collected {
        /// The link's token.
        token: String,
        /// The server's answer.
        result: Result<ResultView, ApiError>,
        /// The app's profile as saved with the confirmations.
        profile: Option<Profile>,
    },
    /// Saving `vaardig.pool` worked, or not.
    Saved(bool),
}

impl Reducible for St {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl St {
    fn apply(&mut self, action: Action) {
        let s = self;
        match action {
            Action::Lang(lang) => s.lang = lang,
            Action::Go(screen) => s.go(screen),
            Action::Error(key) => s.error = Some(key),
            Action::Begin(until) => s.draft = Draft { until, ..Draft::default() },
            Action::Edit => {
                if let Some(p) = &s.pool.published {
                    s.draft = Draft {
                        fields: p.fields,
                        region: p.region.clone(),
                        region_name: p.region_name.clone(),
                        until: p.until.clone(),
                        coach: Some(p.coach_evidence),
                    }
                }
            }
            Action::Part(i, on) => {
                *pool::PARTS[i].1(&mut s.draft.fields) = on;
                s.error = None;
            }
            Action::Region(id, name) => {
                s.draft.region = id;
                s.draft.region_name = name;
                s.error = None;
            }
            Action::Until(until) => {
                s.draft.until = until;
                s.error = None;
            }
            Action::Coach(yes) => {
                s.draft.coach = Some(yes);
                s.error = None;
            }
            Action::Type(detail, value) => {
                *match detail {
                    Detail::Name => &mut s.typed.name,
                    Detail::Phone => &mut s.typed.phone,
                    Detail::Email => &mut s.typed.email,
                } = value;
                s.error = None;
            }
            Action::Choose(id, on) => {
                s.chosen.retain(|c| c != &id);
                if on {
                    s.chosen.push(id);
                }
                s.error = None;
            }
            Action::Confirm(ask) => s.confirm = ask,
            Action::Copied(token) => s.copied = Some(token),
            Action::Busy { clear_notice } => {
                s.busy = true;
                s.error = None;
                if clear_notice {
                    s.notice = None;
                }
            }
            Action::Regions(load) => s.regions = load,
            Action::Requests(load) => {
                if let Loading::Failed(fail) = &load {
                    gone_if_not_found(s, fail);
                }
                s.requests = load;
            }
            Action::Views(load) => {
                if let Loading::Failed(fail) = &load {
                    gone_if_not_found(s, fail);
                }
                s.views = load;
            }
            Action::Titles(load) => s.titles = load,
            Action::Published { published, draft, saved, result } => {
                s.busy = false;
                let answer = match result {
                    Ok(answer) => answer,
                    Err(fail) => {
                        s.error = Some(fail_key(&fail, "err.publish"));
                        gone_if_not_found(s, &fail);
                        if fail.code == "consent_outdated" {
                            s.go(Screen::Intro);
                            s.error = Some("err.consent");
                        }
                        return;
                    }
                };
                let secret = match (&published, answer.secret) {
                    (Some(p), _) => p.secret.clone(),
                    (None, Some(secret)) => secret,
                    (None, None) => {
                        s.error = Some("err.publish");
                        return;
                    }
                };
                let first = published.is_none();
                s.pool.published = Some(Publication {
                    id: answer.id,
                    secret,
                    pseudonym: answer.pseudonym,
                    region: draft.region,
                    region_name: draft.region_name,
                    until: answer.until,
                    fields: draft.fields,
                    coach_evidence: draft.coach == Some(true),
                });
                s.saved = Some(*saved);
                // A trainer's confirmation the server did not accept (its signature does not fit
                // what it says) is of no use: it is not sent again.
                let signed = s.pool.attestations.len();
                s.pool
                    .attestations
                    .retain(|a| !answer.downgraded.contains(&ItemRef::WorkProcess(a.work_process.clone())));
                let rejected = s.pool.attestations.len() < signed;
                s.save_pool();
                s.go(Screen::Home);
                if first {
                    s.requests = Loading::Ready(Default::default());
                }
                s.notice = Some(match (first, answer.downgraded.is_empty(), rejected) {
                    (_, _, true) => "home.attest_rejected",
                    (true, true, _) => "home.published",
                    (false, true, _) => "home.updated",
                    (_, false, _) => "home.downgraded",
                });
            }
            Action::Withdrawn(result) => {
                s.busy = false;
                // Not found: already gone on the server (expired, or withdrawn elsewhere).
                match result {
                    Err(fail) if fail.code != "not_found" => s.error = Some(fail_key(&fail, "err.withdraw")),
                    _ => {
                        // Trainer links and signed attestations are not part of the publication:
                        // they stay for a later one.
                        s.pool.published = None;
                        s.save_pool();
                        s.requests = Loading::Idle;
                        s.views = Loading::Idle;
                        s.go(Screen::Gone);
                    }
                }
            }
            Action::Answered { accept, result } => {
                s.busy = false;
                match result {
                    Ok(()) => {
                        s.go(Screen::Requests);
                        s.typed = Default::default();
                        s.notice = Some(if accept { "answer.sent" } else { "answer.declined" });
                    }
                    Err(fail) => {
                        s.error = Some(fail_key(&fail, "err.answer"));
                        gone_if_not_found(s, &fail);
                    }
                }
            }
            Action::LinkMade { chosen, result } => {
                s.busy = false;
                match result {
                    // A link the device asked for always carries the device's part.
                    Ok(Link { token, link, claim: Some(claim), expires }) => {
                        s.pool.links.push(TrainerLink { token, claim, link, work_processes: chosen, expires });
                        s.chosen.clear();
                        s.save_pool();
                        s.notice = Some("attest.made");
                    }
                    Ok(_) => s.error = Some("err.link"),
                    Err(fail) => s.error = Some(fail_key(&fail, "err.link")),
                }
            }
            Action::Collected { token, result, profile } => {
                s.busy = false;
                match result {
                    Ok(r) if r.done => {
                        s.pool
                            .attestations
                            .retain(|a| !r.attestations.iter().any(|b| b.work_process == a.work_process));
                        s.pool.attestations.extend(r.attestations);
                        s.pool.links.retain(|l| l.token != token);
                        s.save_pool();
                        match profile {
                            Some(p) => {
                                if let Some(saved) = &mut s.saved {
                                    saved.profile = p;
                                }
                                let shown = s.pool.published.as_ref().is_some_and(|p| p.fields.work_processes);
                                s.notice = Some(if shown { "attest.done_publish" } else { "attest.done" });
                            }
                            None => s.error = Some("attest.profile_unsaved"),
                        }
                    }
                    Ok(_) => s.notice = Some("attest.waiting"),
                    Err(fail) if fail.code == "not_found" => {
                        s.pool.links.retain(|l| l.token != token);
                        s.save_pool();
                        s.error = Some("attest.expired");
                    }
                    Err(fail) => s.error = Some(fail_key(&fail, "err.load")),
                }
            }
            Action::Saved(ok) => s.unsaved = !ok,
        }
    }
}

/// What every screen gets.
#[derive(Clone)]
pub struct Ctx {
    /// The state and its dispatcher.
    pub st: UseReducerHandle<St>,
}

impl Ctx {
    /// Changes the state.
    pub fn send(&self, action: Action) {
        self.st.dispatch(action);
    }
    /// A callback that sends the action `f` makes of its event.
    pub fn on<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let st = self.st.clone();
        Callback::from(move |e: E| st.dispatch(f(e)))
    }
    /// A callback that goes to `screen` and fetches what it shows.
    pub fn go(&self, screen: Screen) -> Callback<MouseEvent> {
        let ctx = self.clone();
        Callback::from(move |_| io::open(&ctx, screen.clone()))
    }
    /// A callback that runs the effect `f` (in `io.rs`).
    pub fn run(&self, f: fn(&Ctx)) -> Callback<MouseEvent> {
        let ctx = self.clone();
        Callback::from(move |_| f(&ctx))
    }
}

/// The text key for a failure; `default` for anything not specific.
pub fn fail_key(fail: &ApiError, default: &'static str) -> &'static str {
    match fail.code.as_str() {
        _ if fail.offline() => "err.offline",
        "not_found" => "err.not_found",
        "consent_outdated" => "err.consent",
        "rate_limited" => "err.busy",
        "conflict" => "err.answered",
        _ => default,
    }
}

/// When the server no longer knows the profile (expired, or withdrawn on another device), the
/// secret is of no use: forget the publication and start again.
fn gone_if_not_found(s: &mut St, fail: &ApiError) {
    if fail.code == "not_found" && s.pool.published.is_some() {
        s.pool.published = None;
        s.save_pool();
        s.go(Screen::Intro);
        s.error = Some("err.not_found");
    }
}

/// Today as a day number (UTC, as the server counts).
pub fn today() -> i64 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i64
}

/// A date as people say it: "3 december 2026" / "3 December 2026".
pub fn day_text(date: Date, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let text = date.to_string();
    let month: usize = text.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = text.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    let names = if lang == Lang::En { EN } else { NL };
    format!("{day} {} {}", names[month.clamp(1, 12) - 1], date.year())
}

/// A `YYYY-MM-DD` text as people say it (the text itself if it is not a date).
pub fn day_of(text: &str, lang: Lang) -> String {
    Date::parse(text).map(|d| day_text(d, lang)).unwrap_or_else(|| text.to_string())
}

/// A Unix time as a day people say.
pub fn day_of_unix(seconds: i64, lang: Lang) -> String {
    day_text(Date::from_day_number(seconds.div_euclid(86_400)), lang)
}

/// The pool page.
#[function_component]
pub fn Delen() -> Html {
    let st = use_reducer(St::new);
    let ctx = Ctx { st: st.clone() };
    // Fetch what the first screen shows, once.
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| io::fetch_for(&ctx, &ctx.st.screen.clone()));
    }
    // Save `vaardig.pool` after every change to it.
    {
        let ctx = ctx.clone();
        use_effect_with(st.changes, move |&changes| {
            if changes > 0 {
                io::save_pool(&ctx);
            }
        });
    }
    // Focus the new screen's title, so keyboard and screen-reader users start at the top.
    use_effect_with(st.screen.clone(), |_| crate::shared::focus_title());
    screens::page(&ctx)
}
