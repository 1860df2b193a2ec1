//! The young person's app (`index.html`, binary `vaardig-web`). This file is the root component:
//! it loads the taxonomy, builds the demo pool, keeps the one state, saves it after every change,
//! and shows the current screen with the header and banners.

pub mod extras;
pub mod results;
pub mod screens;
pub mod share;
pub mod state;
pub mod store;
pub mod texts;

use matching_core::{Lang, OpeningPool, Profile, RankOptions, Ranking, Taxonomy};
use state::{Msg, Screen, State, Ui};
use std::cell::RefCell;
use std::rc::Rc;
use texts::t;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Number of synthetic openings in the demo pool.
pub const DEMO_OPENINGS: usize = 2400;
/// Seed of the demo pool: the same openings on every phone.
pub const DEMO_SEED: u64 = 2027;

/// Loaded data: the taxonomy and the pool of openings.
pub struct Data {
    /// The taxonomy.
    pub taxonomy: Taxonomy,
    /// Demo openings, indexed for ranking.
    pub pool: OpeningPool,
    /// The last ranking and the profile it is for: the results screen ranks again only when the
    /// profile changed.
    ranked: RefCell<Option<(Profile, Rc<Ranking>)>>,
    /// The profile card as a PNG data URL, and the profile and language it shows.
    pub(crate) card: RefCell<Option<(Profile, Lang, Option<String>)>>,
}

impl Data {
    /// The ranking for `profile`, the best `top` matches.
    pub fn ranking(&self, profile: &Profile, top: usize) -> Rc<Ranking> {
        let mut ranked = self.ranked.borrow_mut();
        match &*ranked {
            Some((p, r)) if p == profile => r.clone(),
            _ => {
                let r =
                    Rc::new(self.pool.rank(&self.taxonomy, profile, RankOptions { top, include_knocked_out: false }));
                *ranked = Some((profile.clone(), r.clone()));
                r
            }
        }
    }
}

/// What every screen gets: the data and the state handle.
#[derive(Clone)]
pub struct Ctx {
    /// Loaded data.
    pub data: Rc<Data>,
    /// The state and its dispatcher.
    pub state: UseReducerHandle<State>,
}

impl Ctx {
    /// The language.
    pub fn lang(&self) -> Lang {
        self.state.lang
    }
    /// A text in the current language.
    pub fn t(&self, key: &str) -> &'static str {
        t(key, self.state.lang)
    }
    /// A callback that changes the screen's unsaved state with `f`.
    pub fn edit<E: 'static>(&self, f: impl Fn(&mut Ui, E) + 'static) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |e| {
            let mut ui = state.ui.clone();
            f(&mut ui, e);
            state.dispatch(Msg::Ui(Box::new(ui)));
        })
    }
    /// A callback that reads back what it can of `raw`, a saved state the app could not read.
    pub fn recover(&self, raw: Rc<str>) -> Callback<MouseEvent> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(Msg::Recover(store::salvage(&raw).map(Box::new))))
    }
    /// A callback that sends `msg`.
    pub fn send(&self, msg: Msg) -> Callback<MouseEvent> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(msg.clone()))
    }
}

enum Loading {
    Busy,
    Failed,
    Ready(Rc<Data>),
}

/// Openings generated per step: small steps keep every task short, so the page stays responsive
/// on a slow phone while the pool is built.
const OPENINGS_PER_STEP: usize = 300;

/// Lets the browser paint and handle input before the next step of loading.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn fetch_taxonomy() -> Option<Data> {
    let data = crate::shared::fetch_taxonomy_data().await?;
    next_frame().await;
    let taxonomy = Taxonomy::new(data).ok()?;
    next_frame().await;
    let size = vaardig_demo::DemoSize::new(DEMO_OPENINGS, 0);
    let mut stream = vaardig_demo::OpeningStream::new(&taxonomy, size, DEMO_SEED);
    let mut openings = Vec::with_capacity(DEMO_OPENINGS);
    loop {
        let before = openings.len();
        openings.extend(stream.by_ref().take(OPENINGS_PER_STEP));
        if openings.len() == before {
            break;
        }
        next_frame().await;
    }
    drop(stream);
    let pool = OpeningPool::new(&taxonomy, openings);
    Some(Data { taxonomy, pool, ranked: RefCell::new(None), card: RefCell::new(None) })
}

/// Removes the static first screen of index.html once the app can show itself.
fn remove_shell() {
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
}

/// Acts on what saving did: goes on in memory after a failure, merges another tab's state.
fn on_saving(state: &UseReducerHandle<State>, saving: store::Saving) {
    match saving {
        store::Saving::Done => {}
        store::Saving::Failed => state.dispatch(Msg::StorageFailed),
        store::Saving::Changed { base, theirs } => state.dispatch(Msg::Elsewhere(base, theirs)),
    }
}

/// The app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let loaded = store::load();
        let mut state = State::new(loaded.saved, loaded.storage_ok);
        state.unreadable = loaded.unreadable.map(Into::into);
        state
    });
    let loading = use_state(|| Loading::Busy);
    let attempt = use_state(|| 0u32);
    {
        let loading = loading.clone();
        use_effect_with(*attempt, move |_| {
            loading.set(Loading::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_taxonomy().await;
                // Remove the static first screen in the same task that renders the app, so nothing
                // visible moves (no layout shift) and no frame shows both.
                remove_shell();
                match result {
                    Some(data) => loading.set(Loading::Ready(Rc::new(data))),
                    None => loading.set(Loading::Failed),
                }
            });
        });
    }
    // Save after every change; on failure, go on in memory and say so. What another tab saved in
    // the meantime (the pool page writing attested work processes back, the app in a second
    // window) is merged in first, never written over: as soon as the browser says so (`storage`
    // event), and at the latest when this tab saves.
    {
        let state = state.clone();
        use_effect_with(state.saved(), move |saved| {
            if state.storage_ok {
                on_saving(&state, store::save(saved));
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                if state.storage_ok {
                    on_saving(&state, store::changed().unwrap_or(store::Saving::Done));
                }
            });
            // The app lives as long as the page: the listener is never taken off.
            if let Some(window) = web_sys::window() {
                window.set_onstorage(Some(listener.as_ref().unchecked_ref()));
            }
            listener.forget();
        });
    }
    // Put focus on the new screen's title, so keyboard and screen-reader users start at the top.
    use_effect_with(state.screen.clone(), |_| crate::shared::focus_title());
    let lang = state.lang;
    // The page's language and its title follow the choice, at start and on every change: the
    // whole page (menu and footer too) is inside `<html lang>`.
    use_effect_with(lang, |&lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", if lang == Lang::En { "en" } else { "nl" });
            }
            document.set_title(t("app.title", lang));
        }
    });
    let data = match &*loading {
        Loading::Ready(data) => data.clone(),
        // index.html shows the first screen while the data loads.
        Loading::Busy => return html! {},
        Loading::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            return html! {
                <main class="screen">
                    <p role="alert">{t("app.load_failed", lang)}</p>
                    <button class="primary" onclick={retry}>{t("app.retry", lang)}</button>
                </main>
            };
        }
    };
    let ctx = Ctx { data, state: state.clone() };
    let screen = match &state.screen {
        Screen::Start => screens::start(&ctx),
        Screen::Soft(n) => screens::soft_question(&ctx, *n),
        Screen::Skills => screens::skills(&ctx),
        Screen::Certificates => screens::certificates(&ctx),
        Screen::WorkProcesses => screens::work_processes(&ctx),
        Screen::Hours => screens::hours(&ctx),
        Screen::Shifts => screens::shifts(&ctx),
        Screen::Town => screens::town(&ctx),
        Screen::Travel => screens::travel(&ctx),
        Screen::From => screens::from(&ctx),
        Screen::Results => results::results(&ctx),
        Screen::Detail(id) => results::detail(&ctx, id),
        Screen::NextStep => results::next_step(&ctx),
        Screen::Card => extras::card(&ctx),
        Screen::Share => extras::share(&ctx),
        Screen::Data => extras::my_data(&ctx),
    };
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let menu = [
        ("nav.questions", Screen::Start),
        ("nav.results", Screen::Results),
        ("nav.next_step", Screen::NextStep),
        ("nav.card", Screen::Card),
        ("nav.share", Screen::Share),
        ("nav.data", Screen::Data),
    ];
    html! {
        <>
        <header class="top">
            <span class="brand">{t("app.name", lang)}</span>
            <button type="button" class="lang" lang={if other == Lang::En { "en" } else { "nl" }} onclick={ctx.send(Msg::Lang(other))}>{t("lang.switch", lang)}</button>
            <details class="menu" key={String::from(state.screen.clone())}>
                <summary>{t("nav.menu", lang)}</summary>
                <nav aria-label={t("nav.menu", lang)}>
                    { for menu.iter().map(|(key, screen)| html! {
                        <button type="button" onclick={ctx.send(Msg::Go(screen.clone()))}
                            aria-current={if state.screen == *screen { "page" } else { "false" }}>{t(key, lang)}</button>
                    }) }
                </nav>
            </details>
        </header>
        if !state.storage_ok {
            <p class="banner warn" role="status">{t("app.storage_off", lang)}</p>
        }
        if state.unreadable.is_some() && state.screen != Screen::Data {
            <button type="button" class="banner warn" onclick={ctx.send(Msg::Go(Screen::Data))}>{t("app.unreadable", lang)}</button>
        }
        if let Some(key) = state.notice {
            <p class="banner ok" role="status">{t(key, lang)}</p>
        }
        <main class="screen">{screen}</main>
        <footer class="synthetic">{t("app.synthetic", lang)}</footer>
        </>
    }
}
