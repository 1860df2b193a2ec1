//! Pieces several screens share: login, the menu, titles, error messages, the lookup picker, and an
//! explanation read from the employer's side (the candidate is "they", not "you").

use super::api::{self, ApiError, CandidateCard, Login, SessionInfo};
use super::route::{self, Route};
use super::texts::{evidence_key, kind_key, level_key, shift_key};
use super::{use_shared, Loading, Shared};
use gloo_net::http::Method;
use matching_core::{
    lookup, normalize, Evidence, Explanation, Importance, ItemKind, ItemRef, KnockOut, Line, OpenQuestion,
    Route as Credit, Taxonomy,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The screen's title, focused when the screen opens.
pub fn title(text: &str) -> Html {
    html! { <h1 id="screen-title" tabindex="-1">{text.to_string()}</h1> }
}

/// An API error in words, with a way back to the login when the session ended.
pub fn error(s: &Shared, e: &ApiError) -> Html {
    let again = s.set_session.reform(|_: MouseEvent| None);
    html! {
        <div class="error-box" role="alert">
            <p class="error">{s.error(e)}</p>
            if e.code == "unauthorized" {
                <button type="button" class="secondary" onclick={again}>{s.t("login.again")}</button>
            }
        </div>
    }
}

/// Busy, error or the content.
pub fn loaded<T>(s: &Shared, load: &Loading<T>, show: impl FnOnce(&T) -> Html) -> Html {
    match load {
        Loading::Idle | Loading::Busy => html! { <p role="status" class="hint">{s.t("app.loading")}</p> },
        Loading::Failed(e) => error(s, e),
        Loading::Ready(v) => show(v),
    }
}

/// A link to a screen.
pub fn link(route: Route, text: String, class: &'static str) -> Html {
    html! { <a class={class} href={route.href()}>{text}</a> }
}

/// The menu of a role.
pub fn menu(s: &Shared, role: api::Role) -> Html {
    let items: &[(&str, Route)] = if role == api::Role::Jobhunter {
        &[("nav.pool", Route::Pool), ("nav.shortlists", Route::Shortlists), ("nav.table", Route::Table)]
    } else {
        &[("nav.openings", Route::Openings), ("nav.new", Route::NewOpening), ("nav.contacts", Route::Contacts)]
    };
    let logout = {
        let set = s.set_session.clone();
        Callback::from(move |_: MouseEvent| {
            let set = set.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = api::call::<()>(Method::POST, "/api/logout", None, None).await;
                set.emit(None);
            });
        })
    };
    html! {
        <nav class="werk-nav" aria-label={s.t("nav.label")}>
            { for items.iter().map(|(key, r)| html! {
                <a href={r.href()} aria-current={if s.route == *r { "page" } else { "false" }}>{s.t(key)}</a>
            }) }
            <button type="button" onclick={logout}>{s.t("nav.logout")}</button>
        </nav>
    }
}

/// The login form.
#[function_component]
pub fn LoginForm() -> Html {
    let s = use_shared();
    let email = use_node_ref();
    let password = use_node_ref();
    let failed = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (email, password, failed, busy, set) =
            (email.clone(), password.clone(), failed.clone(), busy.clone(), s.set_session.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let (address, secret) = (value(&email), value(&password));
            let (failed, busy, set) = (failed.clone(), busy.clone(), set.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let body = Login { email: address.trim().to_string(), password: secret };
                match api::send::<_, SessionInfo>(Method::POST, "/api/login", None, &body).await {
                    Ok(info) => set.emit(Some(info)),
                    Err(e) => failed.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <section>
            {title(s.t("login.title"))}
            <p>{s.t("login.intro")}</p>
            <form onsubmit={onsubmit} class="werk-form">
                <label for="email">{s.t("login.email")}</label>
                <input id="email" type="email" autocomplete="username" required=true ref={email} />
                <label for="password">{s.t("login.password")}</label>
                <input id="password" type="password" autocomplete="current-password" required=true ref={password} />
                if let Some(e) = &*failed { {error(&s, e)} }
                <div class="nav">
                    <button type="submit" class="primary" disabled={*busy}>{s.t("login.go")}</button>
                </div>
            </form>
            <p class="hint">{s.t("login.trainer")}</p>
        </section>
    }
}

/// Props of the lookup picker.
#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// Input id (and label target).
    pub id: AttrValue,
    /// Label text.
    pub label: AttrValue,
    /// Only these kinds (empty: all).
    #[prop_or_default]
    pub kinds: Vec<ItemKind>,
    /// Items already chosen (shown as chosen).
    #[prop_or_default]
    pub chosen: Vec<ItemRef>,
    /// An item picked.
    pub on_pick: Callback<ItemRef>,
}

/// A search field with the typo-tolerant lookup of matching-core; each hit is a button.
#[function_component]
pub fn Picker(props: &PickerProps) -> Html {
    let s = use_shared();
    let query = use_state(String::new);
    let Some(taxonomy) = &s.taxonomy else {
        return html! { <p role="status" class="hint">{s.t("app.loading")}</p> };
    };
    let wants = |kind: ItemKind| props.kinds.is_empty() || props.kinds.contains(&kind);
    let mut hits: Vec<ItemRef> = if query.trim().is_empty() {
        Vec::new()
    } else {
        lookup(taxonomy, &query, 24).into_iter().map(|h| h.item).filter(|i| wants(i.kind())).take(8).collect()
    };
    if wants(ItemKind::WorkProcess) && hits.len() < 8 {
        hits.extend(work_processes(taxonomy, &query).into_iter().take(8 - hits.len()));
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let list = format!("{}-hits", props.id);
    html! {
        <div class="picker">
            <label for={props.id.clone()}>{props.label.clone()}</label>
            <input id={props.id.clone()} type="search" autocomplete="off" value={(*query).clone()} oninput={oninput}
                aria-describedby={list.clone()} />
            <ul class="hits" id={list} aria-live="polite">
                if !query.trim().is_empty() && hits.is_empty() { <li class="hint">{s.t("pick.none")}</li> }
                { for hits.into_iter().map(|item| {
                    let taken = props.chosen.contains(&item);
                    let name = taxonomy.name(&item, s.lang);
                    let kind = s.t(kind_key(item.kind()));
                    let pick = props.on_pick.reform({ let item = item.clone(); move |_: MouseEvent| item.clone() });
                    html! {
                        <li>
                            <button type="button" class="chip" disabled={taken} onclick={pick}>
                                <span>{name}</span><span class="kind">{kind}</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// Work processes whose title (either language) or code holds every typed word. matching-core's
/// lookup does not index work processes (the young person picks them by qualification), so the
/// work app finds them by their words; no typo tolerance here.
fn work_processes(taxonomy: &Taxonomy, query: &str) -> Vec<ItemRef> {
    let words: Vec<String> = normalize(query).split(' ').filter(|w| w.len() >= 3).map(str::to_string).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for q in &taxonomy.data().qualifications {
        for task in &q.core_tasks {
            for wp in &task.work_processes {
                let text =
                    normalize(&format!("{} {} {}", wp.title.nl, wp.title.en, wp.shown_code().unwrap_or_default()));
                if words.iter().all(|w| text.contains(w.as_str())) {
                    found.push(ItemRef::WorkProcess(wp.id.clone()));
                }
            }
        }
    }
    found
}

/// Options of a level select, 1-4 in plain words.
pub fn level_options(s: &Shared, selected: u8) -> Html {
    html! {
        { for (1..=4u8).map(|l| html! {
            <option value={l.to_string()} selected={l == selected}>{format!("{l} · {}", s.t(level_key(l)))}</option>
        }) }
    }
}

/// How many must-haves are met: "2 van de 3 moet-eisen".
pub fn musts(s: &Shared, e: &Explanation) -> String {
    if e.musts.total == 0 {
        return s.t("cand.no_musts").to_string();
    }
    let met = s.tf("cand.musts", &[("met", e.musts.met.to_string()), ("total", e.musts.total.to_string())]);
    match e.musts.unknown {
        0 => met,
        n => format!("{met} · {}", s.tf("cand.musts_ask", &[("n", n.to_string())])),
    }
}

/// Badges for the evidence behind the requirements met: "diploma 1 · gezien op het werk 2".
pub fn badges(s: &Shared, e: &Explanation) -> Html {
    let count = |ev: Evidence| e.lines.iter().filter(|l| l.evidence == Some(ev) && l.credit.unwrap_or(0) > 0).count();
    html! {
        <ul class="badges" aria-label={s.t("cand.evidence")}>
            { for Evidence::ALL.iter().rev().filter(|&&ev| count(ev) > 0).map(|&ev| html! {
                <li class={classes!("badge", format!("ev-{}", ev.code()))}>{format!("{} {}", s.t(evidence_key(ev)), count(ev))}</li>
            }) }
        </ul>
    }
}

/// One explanation line, from the employer's side.
pub fn line(s: &Shared, taxonomy: &Taxonomy, l: &Line) -> String {
    let name = taxonomy.name(&l.item, s.lang);
    let need = match l.importance {
        Importance::Must => s.t("line.must"),
        Importance::Nice => s.t("line.nice"),
    };
    let why = match &l.route {
        // A certificate has no level: it is held or not.
        Credit::Direct => match l.level.filter(|_| l.kind != ItemKind::Certificate) {
            Some(level) => s.tf("line.level", &[("level", level.to_string()), ("min", l.min_level.to_string())]),
            None => s.t("line.has").to_string(),
        },
        Credit::WorkProcess { work_process } => {
            let wp = taxonomy.name(&ItemRef::WorkProcess(work_process.clone()), s.lang);
            s.tf("line.work_process", &[("wp", wp)])
        }
        Credit::Certificate { certificate } => {
            let cert = taxonomy.name(&ItemRef::Certificate(certificate.clone()), s.lang);
            s.tf("line.certificate", &[("cert", cert)])
        }
        Credit::Related { skill, strength } => {
            let other = taxonomy.name(&ItemRef::Skill(skill.clone()), s.lang);
            s.tf("line.related", &[("other", other), ("pct", ((strength + 5) / 10).to_string())])
        }
        Credit::NotListed => s.t("line.not_listed").to_string(),
        Credit::NotHeld => s.t("line.not_held").to_string(),
        Credit::NotDone => s.t("line.not_done").to_string(),
        // A must-have nobody answered is a question for the talk, not a no.
        Credit::Unknown if l.importance == Importance::Must => s.t("line.ask").to_string(),
        Credit::Unknown => s.t("line.unknown").to_string(),
    };
    let said = l.evidence.map(|e| format!(" ({})", s.t(evidence_key(e)))).unwrap_or_default();
    let shown = match (l.capped, l.min_evidence) {
        (true, Some(e)) => format!(" {}", s.tf("line.capped", &[("evidence", s.t(evidence_key(e)).to_string())])),
        _ => String::new(),
    };
    let tenths = |p: u16| format!("{}{}{}", p / 10, if s.lang == matching_core::Lang::Nl { ',' } else { '.' }, p % 10);
    let points = if l.contribution.is_exact() {
        format!("+{}", tenths(l.contribution.low))
    } else {
        format!("+{}–{}", tenths(l.contribution.low), tenths(l.contribution.high))
    };
    format!("{name} ({need}): {why}{said}.{shown} {} {points}", s.t("line.points"))
}

/// A knock-out, from the employer's side.
pub fn knock_out(s: &Shared, k: &KnockOut) -> String {
    match k {
        KnockOut::Hours { needed, available } => {
            s.tf("ko.hours", &[("needed", needed.to_string()), ("available", available.to_string())])
        }
        KnockOut::Travel { km, max_km } => s.tf("ko.travel", &[("km", km.to_string()), ("max", max_km.to_string())]),
        KnockOut::Shift { shift } => s.tf("ko.shift", &[("shift", s.t(shift_key(*shift)).to_string())]),
        KnockOut::Start { start, available_from } => {
            s.tf("ko.start", &[("start", start.to_string()), ("from", available_from.to_string())])
        }
    }
}

/// A practical fact that could not be checked.
pub fn open_question(s: &Shared, q: OpenQuestion) -> &'static str {
    match q {
        OpenQuestion::Hours => s.t("open.hours"),
        OpenQuestion::Shifts => s.t("open.shifts"),
        OpenQuestion::Travel => s.t("open.travel"),
        OpenQuestion::StartDate => s.t("open.start"),
    }
}

/// The whole explanation: summary, lines, knock-outs, open questions.
pub fn explanation(s: &Shared, taxonomy: &Taxonomy, e: &Explanation) -> Html {
    html! {
        <>
            <p class="score"><strong>{e.score.percent()}</strong>{" · "}{musts(s, e)}</p>
            {badges(s, e)}
            <h2>{s.t("cand.lines")}</h2>
            <ul class="lines">{ for e.lines.iter().map(|l| html! { <li>{line(s, taxonomy, l)}</li> }) }</ul>
            if !e.knock_outs.is_empty() {
                <h2>{s.t("cand.knocked_out")}</h2>
                <ul class="lines">{ for e.knock_outs.iter().map(|k| html! { <li>{knock_out(s, k)}</li> }) }</ul>
            }
            if !e.open_practical.is_empty() {
                <h2>{s.t("cand.open")}</h2>
                <ul class="lines">{ for e.open_practical.iter().map(|q| html! { <li>{open_question(s, *q)}</li> }) }</ul>
            }
        </>
    }
}

/// What a candidate published: claims with level and evidence, and availability.
pub fn card(s: &Shared, taxonomy: &Taxonomy, c: &CandidateCard) -> Html {
    html! {
        <>
            <h2>{s.t("card.claims")}</h2>
            if c.claims.is_empty() { <p class="hint">{s.t("card.no_claims")}</p> }
            <ul class="lines">
                { for c.claims.iter().map(|claim| {
                    let level = if claim.item.kind() == ItemKind::Certificate { String::new() } else {
                        format!(" · {} {}", s.t("card.level"), claim.level)
                    };
                    html! { <li>{taxonomy.name(&claim.item, s.lang)}{level}{" · "}{s.t(evidence_key(claim.evidence))}</li> }
                }) }
            </ul>
            if let Some(a) = &c.availability {
                <h2>{s.t("card.availability")}</h2>
                <ul class="lines">
                    if let Some(h) = a.max_hours_per_week { <li>{s.tf("card.hours", &[("n", h.to_string())])}</li> }
                    if let Some(shifts) = &a.shifts {
                        <li>{s.t("card.shifts")}{" "}{shifts.iter().map(|&x| s.t(shift_key(x))).collect::<Vec<_>>().join(", ")}</li>
                    }
                    if let Some(km) = a.max_travel_km { <li>{s.tf("card.travel", &[("n", km.to_string())])}</li> }
                    if let Some(d) = a.available_from { <li>{s.tf("card.from", &[("date", d.to_string())])}</li> }
                    if let Some(town) = &c.home_town { <li>{s.tf("card.town", &[("town", town.clone())])}</li> }
                </ul>
            }
        </>
    }
}

/// Goes to `route` on click.
pub fn go(route: Route) -> Callback<MouseEvent> {
    Callback::from(move |_| route::go(&route))
}
