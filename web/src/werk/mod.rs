//! The work app (`werk.html`): employers put in openings and see candidates ranked and explained,
//! jobhunters work their region's pool, workplace trainers confirm work processes through a link.
//! It talks to the pool server (its OpenAPI document, `GET /api/openapi.json`); the young person's app does not carry it.
//!
//! Unlike the young person's app (one component, for its size budget), this bundle has no budget of
//! its own and uses ordinary function components with hooks, one per screen.

pub mod api;
pub mod employer;
pub mod jobhunter;
pub mod parts;
pub mod route;
pub mod texts;
pub mod trainer;

pub use crate::shared::api::Loading;
use api::{ApiError, SessionInfo};
use matching_core::{Lang, Taxonomy};
use route::Route;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What every screen gets from the app: language, session, taxonomy, route.
#[derive(Clone)]
pub struct Shared {
    /// Language of the page.
    pub lang: Lang,
    /// The logged-in account, if any.
    pub session: Option<Rc<SessionInfo>>,
    /// The taxonomy, once loaded.
    pub taxonomy: Option<Rc<Taxonomy>>,
    /// The screen.
    pub route: Route,
    /// Log in (`Some`) or out (`None`).
    pub set_session: Callback<Option<SessionInfo>>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        self.lang == other.lang
            && self.route == other.route
            && self.session == other.session
            && match (&self.taxonomy, &other.taxonomy) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// Where this browser keeps that it logged in (no secret: the session itself is an HttpOnly cookie).
const SIGNED_IN_KEY: &str = "vaardig.werk.signed_in";

/// Whether this browser logged in and has not logged out since.
fn signed_in() -> bool {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw().get_item(SIGNED_IN_KEY).ok().flatten().is_some()
}

fn set_signed_in(yes: bool) {
    use gloo_storage::Storage;
    let storage = gloo_storage::LocalStorage::raw();
    let _ = if yes { storage.set_item(SIGNED_IN_KEY, "1") } else { storage.remove_item(SIGNED_IN_KEY) };
}

impl Shared {
    /// A text in the page's language.
    pub fn t(&self, key: &str) -> &'static str {
        texts::t(key, self.lang)
    }
    /// A text with `{name}` holes filled.
    pub fn tf(&self, key: &str, values: &[(&str, String)]) -> String {
        texts::tf(key, self.lang, values)
    }
    /// An API error in the page's language.
    pub fn error(&self, e: &ApiError) -> &'static str {
        texts::t(texts::error_key(&e.code), self.lang)
    }
}

/// The shared context of a screen.
#[hook]
pub fn use_shared() -> Shared {
    use_context::<Shared>().expect("the app provides Shared")
}

/// GETs `path` whenever it (or the reload counter) changes; returns the state and a reload callback.
#[hook]
pub fn use_get<T: serde::de::DeserializeOwned + 'static>(path: String) -> (Loading<T>, Callback<()>) {
    let state = use_state(|| Loading::Busy);
    let tick = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((path, *tick), move |(path, _)| {
            let path = path.clone();
            state.set(Loading::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(api::get::<T>(&path, None).await.into());
            });
        });
    }
    let reload = {
        let tick = tick.clone();
        Callback::from(move |_| tick.set(*tick + 1))
    };
    ((*state).clone(), reload)
}

enum SessionState {
    Checking,
    Out,
    In(Rc<SessionInfo>),
}

fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

const LANG_KEY: &str = "vaardig.werk.lang";

fn saved_lang() -> Lang {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get::<String>(LANG_KEY).ok().and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Nl)
}

/// The app: session check, routing by fragment, header, and the screen.
#[function_component]
pub fn App() -> Html {
    let route = use_state(current_route);
    let lang = use_state(saved_lang);
    let session = use_state(|| SessionState::Checking);
    let taxonomy = use_state(|| None::<Rc<Taxonomy>>);
    // Back and forward move through fragments; follow them.
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || route.set(current_route()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    // Is there a session? (A trainer's link needs none.) Asked only where this browser logged in
    // before: a first visit or a logged-out load sends nothing, so it meets no 401.
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            if !signed_in() {
                session.set(SessionState::Out);
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                match api::get::<SessionInfo>("/api/session", None).await {
                    Ok(info) => {
                        api::set_csrf(&info.csrf);
                        session.set(SessionState::In(Rc::new(info)));
                    }
                    Err(_) => {
                        set_signed_in(false);
                        session.set(SessionState::Out);
                    }
                }
            });
        });
    }
    // The taxonomy, for lookup and names, once someone is logged in.
    let logged_in = matches!(*session, SessionState::In(_));
    {
        let taxonomy = taxonomy.clone();
        use_effect_with(logged_in, move |&logged_in| {
            if logged_in && taxonomy.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(t) = crate::shared::fetch_taxonomy().await {
                        taxonomy.set(Some(Rc::new(t)));
                    }
                });
            }
        });
    }
    // Focus the new screen's title, so keyboard and screen-reader users start at the top.
    use_effect_with((*route).clone(), |_| crate::shared::focus_title());
    let set_session = {
        let session = session.clone();
        Callback::from(move |info: Option<SessionInfo>| match info {
            Some(info) => {
                set_signed_in(true);
                api::set_csrf(&info.csrf);
                let home = Route::home(info.account.role);
                session.set(SessionState::In(Rc::new(info)));
                route::go(&home);
            }
            None => {
                set_signed_in(false);
                api::set_csrf("");
                session.set(SessionState::Out);
                route::go(&Route::Login);
            }
        })
    };
    let shared = Shared {
        lang: *lang,
        session: match &*session {
            SessionState::In(info) => Some(info.clone()),
            _ => None,
        },
        taxonomy: (*taxonomy).clone(),
        route: (*route).clone(),
        set_session,
    };
    let screen = match (&*route, &*session) {
        (Route::Attest(token), _) => html! { <trainer::Attest token={token.clone()} /> },
        (_, SessionState::Checking) => html! { <p role="status">{shared.t("app.loading")}</p> },
        (_, SessionState::Out) => html! { <parts::LoginForm /> },
        (r, SessionState::In(info)) => match info.account.role.as_str() {
            "employer" => employer::screen(r),
            "jobhunter" => jobhunter::screen(r),
            _ => html! { <p role="alert">{shared.t("app.role")}</p> },
        },
    };
    let other = if *lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            use gloo_storage::Storage;
            let _ = gloo_storage::LocalStorage::set(LANG_KEY, if other == Lang::En { "en" } else { "nl" });
            lang.set(other);
        })
    };
    let code = if *lang == Lang::En { "en" } else { "nl" };
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", code);
    }
    html! {
        <ContextProvider<Shared> context={shared.clone()}>
            <header class="top">
                <span class="brand">{shared.t("app.name")}</span>
                <button type="button" class="lang" lang={if other == Lang::En { "en" } else { "nl" }} onclick={switch}>{shared.t("lang.switch")}</button>
                if let Some(info) = &shared.session {
                    if !matches!(*route, Route::Attest(_)) { {parts::menu(&shared, info.account.role)} }
                }
            </header>
            <main class="screen werk">{screen}</main>
        </ContextProvider<Shared>>
    }
}
