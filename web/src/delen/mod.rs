//! The young person's side of the regional pool, as a page and Wasm bundle of its own
//! (`delen.html`, binary `vaardig-delen`), so the app's budget stays with the app. It reads the
//! profile the app saved on this device, publishes the chosen parts with consent, shows contact
//! requests and who looked, collects a workplace trainer's signed confirmation, and withdraws in
//! one tap. One component with screens as plain functions, like the app.

pub mod api;
pub mod pool;
pub mod screens;
pub mod texts;

use crate::app::state::Saved;
use crate::shared::api::{ApiError, Loading};
use api::{Region, RequestView, ViewLine};
use matching_core::Parts;
use matching_core::{Date, Lang, Text};
use pool::{Found, PoolDoc};
use std::rc::Rc;
use wasm_bindgen::JsCast;
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

    /// Saves `vaardig.pool`; on failure the page keeps it in memory and says so.
    pub fn save_pool(&mut self) {
        // An unreadable `vaardig.pool` that could not be copied is never written over.
        self.unsaved = self.found == Found::BrokenUncopied || !pool::save(&self.pool);
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

/// A change to the state.
pub struct Edit(Box<dyn FnOnce(&mut St)>);

impl Reducible for St {
    type Action = Edit;
    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        (action.0)(&mut next);
        Rc::new(next)
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
    pub fn apply(&self, f: impl FnOnce(&mut St) + 'static) {
        self.st.dispatch(Edit(Box::new(f)));
    }
    /// A callback that changes the state with `f`.
    pub fn on<E: 'static>(&self, f: impl Fn(&mut St, E) + 'static) -> Callback<E> {
        let st = self.st.clone();
        let f = Rc::new(f);
        Callback::from(move |e: E| {
            let f = f.clone();
            st.dispatch(Edit(Box::new(move |s| f(s, e))));
        })
    }
    /// A callback that goes to `screen` and fetches what it shows.
    pub fn go(&self, screen: Screen) -> Callback<MouseEvent> {
        let ctx = self.clone();
        Callback::from(move |_| ctx.open(screen.clone()))
    }
    /// Goes to `screen` and fetches what it shows.
    pub fn open(&self, screen: Screen) {
        let target = screen.clone();
        self.apply(move |s| s.go(target));
        self.fetch_for(&screen);
    }
    /// Fetches what `screen` shows.
    pub fn fetch_for(&self, screen: &Screen) {
        match screen {
            Screen::Region => self.fetch_regions(),
            Screen::Home | Screen::Requests => self.fetch_requests(),
            Screen::Views => self.fetch_views(),
            Screen::Attest => self.fetch_titles(),
            _ => {}
        }
    }

    fn fetch_regions(&self) {
        if matches!(self.st.regions, Loading::Ready(_) | Loading::Busy) {
            return;
        }
        self.apply(|s| s.regions = Loading::Busy);
        let ctx = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::regions().await;
            ctx.apply(move |s| {
                s.regions = result.into();
            });
        });
    }

    fn fetch_requests(&self) {
        let Some(p) = self.st.pool.published.clone() else { return };
        self.apply(|s| s.requests = Loading::Busy);
        let ctx = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::requests(&p.id, &p.secret).await;
            ctx.apply(move |s| match result {
                Ok(list) => s.requests = Loading::Ready(Rc::new(list)),
                Err(f) => {
                    gone_if_not_found(s, &f);
                    s.requests = Loading::Failed(f);
                }
            });
        });
    }

    fn fetch_views(&self) {
        let Some(p) = self.st.pool.published.clone() else { return };
        self.apply(|s| s.views = Loading::Busy);
        let ctx = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::views(&p.id, &p.secret).await;
            ctx.apply(move |s| match result {
                Ok(list) => s.views = Loading::Ready(Rc::new(list)),
                Err(f) => {
                    gone_if_not_found(s, &f);
                    s.views = Loading::Failed(f);
                }
            });
        });
    }

    fn fetch_titles(&self) {
        if matches!(self.st.titles, Loading::Ready(_) | Loading::Busy) {
            return;
        }
        self.apply(|s| s.titles = Loading::Busy);
        let ctx = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let titles = api::work_process_titles().await;
            ctx.apply(move |s| {
                s.titles = match titles {
                    Some(t) => Loading::Ready(Rc::new(t)),
                    None => Loading::Failed(ApiError { status: 0, code: "network".into() }),
                }
            });
        });
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
pub fn gone_if_not_found(s: &mut St, fail: &ApiError) {
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
        use_effect_with((), move |_| ctx.fetch_for(&ctx.st.screen.clone()));
    }
    // Focus the new screen's title, so keyboard and screen-reader users start at the top.
    use_effect_with(st.screen.clone(), |_| {
        if let Some(title) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("screen-title"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = title.focus();
        }
    });
    screens::page(&ctx)
}
