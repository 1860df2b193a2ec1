//! The employer's read-only view of a profile a young person shared (`view.html#view=<base64url
//! JSON>`, its own Wasm, `bin/view.rs`): the chosen parts, and a score against requirements the
//! employer adds. Nothing is sent anywhere: the profile is in the link's fragment, the scoring runs
//! here. The young person's app only makes the link (`extras::share`, `share.rs`); this page also
//! shows that link as a QR code on the young person's phone (`view.html#qr=<the same data>`), so
//! the app carries no QR encoder.

pub mod texts;

use crate::app::share;
use crate::shared::level_dots;
use matching_core::{
    explain, format, lookup, text, Hours, Importance, ItemKind, ItemRef, Lang, Opening, Requirement, RouteType,
    Taxonomy,
};
use std::rc::Rc;
use texts::t;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The page's file name: the app links here, and sends an old `index.html#view=…` link here.
pub const PAGE: &str = "view.html";

/// Removes the static first screen of view.html.
fn remove_shell() {
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
}

/// For `view.html#qr=<data>`: the link the QR code stands for, `view.html#view=<data>`.
pub fn qr_link() -> Option<String> {
    let location = web_sys::window()?.location();
    let data = location.hash().ok()?.strip_prefix("#qr=")?.to_string();
    let href = location.href().ok()?;
    Some(format!("{}#view={data}", href.split('#').next().unwrap_or_default()))
}

/// A QR code as SVG, drawn from its modules.
fn qr_svg(text: &str, label: &'static str) -> Option<Html> {
    let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Low).ok()?;
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let view = format!("0 0 {} {}", n + 8, n + 8);
    Some(html! {
        <svg class="qr" viewBox={view} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
            <rect width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    })
}

/// The fragment of the page address (`#view=…`), if it carries a shared profile.
pub fn shared_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.starts_with("#view=").then_some(hash)
}

/// What the employer does on the page; nothing of it is saved.
#[derive(Clone, Debug, Default, PartialEq)]
struct Employer {
    lang: Lang,
    /// The search text for a requirement.
    query: String,
    /// New requirements are nice to have rather than must-haves.
    nice: bool,
    /// Their requirements, to score the shared profile against.
    requirements: Vec<Requirement>,
}

/// A callback that changes what the employer did with `f`, given the input that sent the event.
fn edit<E: TargetCast + 'static>(
    employer: &UseStateHandle<Employer>,
    f: fn(&mut Employer, &HtmlInputElement),
) -> Callback<E> {
    let employer = employer.clone();
    Callback::from(move |e: E| {
        let mut next = (*employer).clone();
        f(&mut next, &e.target_unchecked_into());
        employer.set(next);
    })
}

enum Loading {
    Busy,
    Failed,
    Ready(Rc<Taxonomy>),
}

/// The page.
#[function_component]
pub fn View() -> Html {
    let loading = use_state(|| Loading::Busy);
    let employer = use_state(Employer::default);
    {
        let loading = loading.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::shared::fetch_taxonomy().await;
                // Remove the static first screen in the same task that renders the view.
                remove_shell();
                loading.set(match result {
                    Some(taxonomy) => Loading::Ready(Rc::new(taxonomy)),
                    None => Loading::Failed,
                });
            });
        });
    }
    let lang = employer.lang;
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let switch = {
        let employer = employer.clone();
        Callback::from(move |_: MouseEvent| employer.set(Employer { lang: other, ..(*employer).clone() }))
    };
    let header = html! {
        <header class="top">
            <span class="brand">{t("app.name", lang)}</span>
            <button type="button" class="lang" lang={if other == Lang::En { "en" } else { "nl" }} onclick={switch}>{t("lang.switch", lang)}</button>
        </header>
    };
    if let Some(link) = qr_link() {
        return html! {
            <>
            {header}
            <main class="screen" lang={if lang == Lang::En { "en" } else { "nl" }}>
                <h1 id="screen-title" tabindex="-1">{t("qr.title", lang)}</h1>
                <p>{t("qr.help", lang)}</p>
                { qr_svg(&link, t("qr.label", lang)).unwrap_or_default() }
                <p><a class="button secondary" href="index.html">{t("qr.back", lang)}</a></p>
            </main>
            </>
        };
    }
    let body = match &*loading {
        Loading::Busy => return html! {},
        Loading::Failed => html! { <p role="alert">{t("view.load_failed", lang)}</p> },
        Loading::Ready(taxonomy) => {
            let profile = shared_fragment()
                .and_then(|fragment| share::fragment_json(&fragment))
                .and_then(|json| format::parse_profile(&json, taxonomy).ok());
            match profile {
                Some(profile) => {
                    let add = |item: ItemRef| {
                        let employer = employer.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut next = (*employer).clone();
                            if !next.requirements.iter().any(|r| r.item == item) {
                                let importance = if next.nice { Importance::Nice } else { Importance::Must };
                                next.requirements.push(Requirement::new(item.clone(), importance));
                            }
                            next.query.clear();
                            employer.set(next);
                        })
                    };
                    let hits = lookup(taxonomy, &employer.query, 6);
                    let opening = Opening {
                        id: "eigen".into(),
                        title: t("view.try", lang).into(),
                        employer: String::new(),
                        route: RouteType::Job,
                        sector: None,
                        hours: Hours { min: 0, max: 40 },
                        place: String::new(),
                        shifts: Vec::new(),
                        start: None,
                        requirements: employer.requirements.clone(),
                        synthetic: false,
                    };
                    let explanation =
                        (!employer.requirements.is_empty()).then(|| explain(taxonomy, &profile, &opening));
                    let claims_of = |kind: ItemKind| -> Vec<Html> {
                        profile
                            .claims
                            .iter()
                            .filter(|c| c.item.kind() == kind)
                            // A certificate has no level: no dots for it.
                            .map(|c| {
                                let dots = if kind == ItemKind::Certificate {
                                    html! {}
                                } else {
                                    html! { <>{level_dots(c.level.get())}{" "}</> }
                                };
                                let evidence = t(crate::app::texts::evidence_key(c.evidence), lang);
                                html! { <li>{dots}{taxonomy.name(&c.item, lang)}{" · "}{evidence}</li> }
                            })
                            .collect()
                    };
                    html! {
                        <>
                        <p>{t("view.help", lang)}</p>
                        { for ItemKind::ALL.iter().map(|&kind| {
                            let items = claims_of(kind);
                            let key = crate::app::texts::kind_key(kind);
                            if items.is_empty() { html! {} } else { html! { <><h2>{t(key, lang)}</h2><ul class="mine">{ for items }</ul></> } }
                        }) }
                        <h2>{t("view.try", lang)}</h2>
                        <div class="check">
                            <input type="checkbox" id="must" checked={!employer.nice} onchange={edit(&employer, |e, input| e.nice = !input.checked())} />
                            <label for="must">{t("view.must", lang)}</label>
                        </div>
                        <label for="req-search">{t("view.add", lang)}</label>
                        <input id="req-search" type="search" value={employer.query.clone()} oninput={edit(&employer, |e, input| e.query = input.value())} />
                        <ul class="hits">{ for hits.iter().map(|h| html! { <li><button type="button" class="chip" onclick={add(h.item.clone())}>{"+ "}{taxonomy.name(&h.item, lang)}</button></li> }) }</ul>
                        if let Some(e) = explanation {
                            <p class="score"><strong>{t("view.score", lang)}{": "}{text::summary(&e, lang)}</strong></p>
                            <ul class="lines">{ for e.lines.iter().map(|l| html! { <li>{text::line(taxonomy, l, lang)}</li> }) }</ul>
                        }
                        </>
                    }
                }
                None => html! { <p role="alert">{t("view.broken", lang)}</p> },
            }
        }
    };
    html! {
        <>
        {header}
        <main class="screen" lang={if lang == Lang::En { "en" } else { "nl" }}>
            <h1 id="screen-title" tabindex="-1">{t("view.title", lang)}</h1>
            {body}
        </main>
        </>
    }
}
