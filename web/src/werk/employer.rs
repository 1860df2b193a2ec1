//! The employer's screens: own openings, the opening form with a live count of fitting candidates,
//! one opening with advice and its candidates ranked, one candidate explained with a contact
//! request, and the contact requests with the details of those who said yes.

use super::api::{self, Carving, Carvings, ContactIn, ContactView, OpeningIn, Page, RankedCandidate, Reach};
use super::parts::{self, title};
use super::route::{self, Route};
use super::texts::{kind_key, route_key, shift_key};
use super::{use_get, use_shared, Loading, Shared};
use crate::shared::debounce::use_debounce;
use gloo_net::http::Method;
use matching_core::{Date, Hours, Importance, ItemKind, ItemRef, Level, Opening, Requirement, RouteType, Shift};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Candidates per page.
const PAGE: usize = 10;
/// The preview waits this long after the last change before asking the server.
const PREVIEW_DELAY_MS: u32 = 400;

/// The employer's screen for a route.
pub fn screen(r: &Route) -> Html {
    match r {
        Route::NewOpening => html! { <OpeningForm key="new" /> },
        Route::EditOpening(id) => html! { <OpeningForm key={id.clone()} id={Some(id.clone())} /> },
        Route::Opening(id) => html! { <OpeningView id={id.clone()} /> },
        Route::Candidate(o, c) => html! { <CandidateView opening={o.clone()} candidate={c.clone()} /> },
        Route::Contacts => html! { <Contacts /> },
        _ => html! { <Openings /> },
    }
}

/// "Baan · Tilburg · 24–32 uur per week".
fn meta(s: &Shared, o: &Opening) -> String {
    let hours = s.tf("opening.hours", &[("min", o.hours.min.to_string()), ("max", o.hours.max.to_string())]);
    format!("{} · {} · {hours}", s.t(route_key(o.route)), o.place)
}

#[function_component]
fn Openings() -> Html {
    let s = use_shared();
    let (list, _) = use_get::<Page<Opening>>("/api/openings?limit=100".into());
    html! {
        <section>
            {title(s.t("openings.title"))}
            <p><a class="button primary" href={Route::NewOpening.href()}>{s.t("openings.new")}</a></p>
            {parts::loaded(&s, &list, |page| html! {
                <>
                if page.items.is_empty() { <p>{s.t("openings.none")}</p> }
                <ul class="cards">
                    { for page.items.iter().map(|o| html! {
                        <li class="match">
                            <h2><a href={Route::Opening(o.id.clone()).href()}>{o.title.clone()}</a></h2>
                            <p class="meta">{meta(&s, o)}</p>
                        </li>
                    }) }
                </ul>
                </>
            })}
        </section>
    }
}

/// The form as typed: text fields stay text until saved, so half-typed numbers are not lost.
#[derive(Clone, PartialEq)]
struct Form {
    title: String,
    route: RouteType,
    /// Kept as the opening has it: the form does not ask for it, and saving must not clear it.
    sector: Option<String>,
    min: String,
    max: String,
    place: String,
    shifts: Vec<Shift>,
    start: String,
    requirements: Vec<Requirement>,
}

impl Form {
    fn new(o: Option<&Opening>) -> Form {
        match o {
            Some(o) => Form {
                title: o.title.clone(),
                route: o.route,
                sector: o.sector.clone(),
                min: o.hours.min.to_string(),
                max: o.hours.max.to_string(),
                place: o.place.clone(),
                shifts: o.shifts.clone(),
                start: o.start.map(|d| d.to_string()).unwrap_or_default(),
                requirements: o.requirements.clone(),
            },
            None => Form {
                title: String::new(),
                route: RouteType::Job,
                sector: None,
                min: "16".into(),
                max: "32".into(),
                place: String::new(),
                shifts: vec![Shift::Day],
                start: String::new(),
                requirements: Vec::new(),
            },
        }
    }

    /// The opening to send, or the text key of the first problem.
    fn opening(&self, s: &Shared) -> Result<OpeningIn, &'static str> {
        let hour = |t: &str| t.trim().parse::<u8>().ok().filter(|&h| h <= 80);
        let (Some(min), Some(max)) = (hour(&self.min), hour(&self.max)) else { return Err("form.bad_hours") };
        if min > max {
            return Err("form.bad_hours");
        }
        if !s.taxonomy.as_ref().is_some_and(|t| t.has_town(self.place.trim())) {
            return Err("form.bad_place");
        }
        let start = match self.start.trim() {
            "" => None,
            text => Some(Date::parse(text).ok_or("form.bad_start")?),
        };
        if self.requirements.is_empty() {
            return Err("form.need_requirement");
        }
        Ok(OpeningIn {
            title: self.title.trim().to_string(),
            route: self.route,
            sector: self.sector.clone(),
            hours: Hours { min, max },
            place: self.place.trim().to_string(),
            shifts: self.shifts.clone(),
            start,
            requirements: self.requirements.clone(),
        })
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    #[prop_or_default]
    id: Option<String>,
}

#[function_component]
fn OpeningForm(props: &FormProps) -> Html {
    let s = use_shared();
    let path = props.id.as_ref().map(|id| format!("/api/openings/{}", api::seg(id))).unwrap_or_default();
    let (loaded, _) = use_get::<Opening>(if path.is_empty() { "/api/session".into() } else { path });
    match (&props.id, &loaded) {
        (None, _) => html! { <FormBody /> },
        (Some(_), Loading::Ready(o)) => html! { <FormBody opening={Some(o.clone())} /> },
        (Some(_), other) => parts::loaded(&s, other, |_| html! {}),
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    #[prop_or_default]
    opening: Option<Rc<Opening>>,
}

#[function_component]
fn FormBody(props: &BodyProps) -> Html {
    let s = use_shared();
    let form = use_state(|| Form::new(props.opening.as_deref()));
    let problem = use_state(|| None::<&'static str>);
    let failed = use_state(|| None::<api::ApiError>);
    let preview = use_state(|| None::<Loading<Reach>>);
    // What the preview is asked about: the opening with a stand-in title (the count does not
    // depend on it), or nothing while the form cannot be sent.
    let preview_body = form.opening(&s).ok().map(|mut o| {
        if o.title.is_empty() {
            o.title = "…".into();
        }
        serde_json::to_string(&o).unwrap_or_default()
    });
    {
        let preview = preview.clone();
        let delay = |body: &Option<String>, _| if body.is_some() { PREVIEW_DELAY_MS } else { 0 };
        use_debounce(preview_body, delay, move |body, latest| match body {
            None => preview.set(None),
            Some(body) => {
                preview.set(Some(Loading::Busy));
                let preview = preview.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                    let answer = api::send::<_, Reach>(Method::POST, "/api/openings/preview", None, &value).await;
                    // Only the answer to the latest form counts.
                    if latest.still() {
                        preview.set(Some(answer.into()));
                    }
                });
            }
        });
    }
    let edit = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                .unwrap_or_default();
            let mut next = (*form).clone();
            f(&mut next, value);
            form.set(next);
        })
    };
    let typed = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            f(&mut next, e.target_unchecked_into::<HtmlInputElement>().value());
            form.set(next);
        })
    };
    let add = {
        let form = form.clone();
        Callback::from(move |item: ItemRef| {
            let mut next = (*form).clone();
            if !next.requirements.iter().any(|r| r.item == item) {
                let mut r = Requirement::new(item, Importance::Must);
                r.min_level = Some(Level::ON_MY_OWN_SIMPLE);
                next.requirements.push(r);
            }
            form.set(next);
        })
    };
    let onsubmit = {
        let (form, problem, failed, s2) = (form.clone(), problem.clone(), failed.clone(), s.clone());
        let id = props.opening.as_ref().map(|o| o.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.title.trim().is_empty() {
                problem.set(Some("form.need_title"));
                return;
            }
            match form.opening(&s2) {
                Err(key) => problem.set(Some(key)),
                Ok(body) => {
                    problem.set(None);
                    let (failed, id) = (failed.clone(), id.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let answer = match &id {
                            Some(id) => {
                                api::send::<_, Opening>(
                                    Method::PUT,
                                    &format!("/api/openings/{}", api::seg(id)),
                                    None,
                                    &body,
                                )
                                .await
                            }
                            None => api::send::<_, Opening>(Method::POST, "/api/openings", None, &body).await,
                        };
                        match answer {
                            Ok(o) => route::go(&Route::Opening(o.id)),
                            Err(e) => failed.set(Some(e)),
                        }
                    });
                }
            }
        })
    };
    let Some(taxonomy) = s.taxonomy.clone() else {
        return html! { <p role="status">{s.t("app.loading")}</p> };
    };
    let f = &*form;
    let chosen: Vec<ItemRef> = f.requirements.iter().map(|r| r.item.clone()).collect();
    let heading = if props.opening.is_some() { s.t("form.edit_title") } else { s.t("form.new_title") };
    html! {
        <section>
            {title(heading)}
            <form class="werk-form" onsubmit={onsubmit} novalidate=true>
                <label for="title">{s.t("form.title")}</label>
                <input id="title" value={f.title.clone()} oninput={typed(|f, v| f.title = v)} maxlength="200" />
                <label for="route">{s.t("form.route")}</label>
                <select id="route" onchange={edit(|f, v| f.route = v.parse::<usize>().ok().and_then(|i| RouteType::ALL.get(i).copied()).unwrap_or(RouteType::Job))}>
                    { for RouteType::ALL.iter().enumerate().map(|(i, r)| html! {
                        <option value={i.to_string()} selected={*r == f.route}>{s.t(route_key(*r))}</option>
                    }) }
                </select>
                <fieldset class="pair">
                    <legend>{s.t("form.hours")}</legend>
                    <label for="min">{s.t("form.min")}<input id="min" type="number" inputmode="numeric" min="0" max="80" value={f.min.clone()} oninput={typed(|f, v| f.min = v)} /></label>
                    <label for="max">{s.t("form.max")}<input id="max" type="number" inputmode="numeric" min="0" max="80" value={f.max.clone()} oninput={typed(|f, v| f.max = v)} /></label>
                </fieldset>
                <label for="place">{s.t("form.place")}</label>
                <input id="place" list="towns" autocomplete="off" value={f.place.clone()} oninput={typed(|f, v| f.place = v)} />
                <datalist id="towns">
                    { for taxonomy.data().towns.iter().map(|t| html! { <option value={t.name.clone()} /> }) }
                </datalist>
                <fieldset class="checks">
                    <legend>{s.t("form.shifts")}</legend>
                    { for Shift::ALL.iter().map(|&shift| {
                        let on = f.shifts.contains(&shift);
                        let form = form.clone();
                        let toggle = Callback::from(move |_: Event| {
                            let mut next = (*form).clone();
                            if on { next.shifts.retain(|&x| x != shift) } else { next.shifts.push(shift) }
                            form.set(next);
                        });
                        let id = format!("shift-{}", shift as usize);
                        html! {
                            <div class="check">
                                <input type="checkbox" id={id.clone()} checked={on} onchange={toggle} />
                                <label for={id}>{s.t(shift_key(shift))}</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <label for="start">{s.t("form.start")}</label>
                <input id="start" type="date" value={f.start.clone()} onchange={edit(|f, v| f.start = v)} />
                <h2>{s.t("form.requirements")}</h2>
                <p class="hint">{s.t("form.requirements_help")}</p>
                <parts::Picker id="req-search" label={s.t("form.search")} chosen={chosen} on_pick={add} />
                <ul class="reqs">
                    { for f.requirements.iter().enumerate().map(|(i, r)| requirement_row(&s, &taxonomy, &form, i, r)) }
                </ul>
                <div class="preview" role="status" aria-live="polite">
                    { match &*preview {
                        None => html! { <p class="hint">{s.t("preview.incomplete")}</p> },
                        Some(p) => parts::loaded(&s, p, |p| html! {
                            <p><strong>{s.tf("preview.fits", &[("n", p.fits.to_string())])}</strong>{" "}
                            {s.tf("preview.rest", &[("near", p.near.to_string()), ("out", p.knocked_out.to_string()), ("total", p.total.to_string())])}</p>
                        }),
                    } }
                </div>
                if let Some(key) = *problem { <p class="error" role="alert">{s.t(key)}</p> }
                if let Some(e) = &*failed { {parts::error(&s, e)} }
                <div class="nav">
                    <button type="submit" class="primary">{s.t("form.save")}</button>
                </div>
            </form>
        </section>
    }
}

fn requirement_row(
    s: &Shared,
    taxonomy: &matching_core::Taxonomy,
    form: &UseStateHandle<Form>,
    i: usize,
    r: &Requirement,
) -> Html {
    let name = taxonomy.name(&r.item, s.lang);
    let change = |f: fn(&mut Requirement, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            f(&mut next.requirements[i], e.target_unchecked_into::<HtmlSelectElement>().value());
            form.set(next);
        })
    };
    let remove = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            next.requirements.remove(i);
            form.set(next);
        })
    };
    let must = r.importance == Importance::Must;
    html! {
        <li class="req">
            <span class="name"><strong>{name.clone()}</strong>{" "}<span class="kind">{s.t(kind_key(r.item.kind()))}</span></span>
            <label>{s.t("form.importance")}
                <select onchange={change(|r, v| r.importance = if v == "nice" { Importance::Nice } else { Importance::Must })}>
                    <option value="must" selected={must}>{s.t("form.must")}</option>
                    <option value="nice" selected={!must}>{s.t("form.nice")}</option>
                </select>
            </label>
            if r.item.kind() != ItemKind::Certificate {
                <label>{s.t("form.level")}
                    <select onchange={change(|r, v| r.min_level = v.parse::<u8>().ok().and_then(Level::new))}>
                        {parts::level_options(s, r.level().get())}
                    </select>
                </label>
            }
            <button type="button" class="small danger" onclick={remove} aria-label={s.tf("form.remove", &[("name", name)])}>{s.t("form.remove_short")}</button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct IdProps {
    id: String,
}

#[function_component]
fn OpeningView(props: &IdProps) -> Html {
    let s = use_shared();
    let offset = use_state(|| 0usize);
    let id = api::seg(&props.id);
    let (opening, _) = use_get::<Opening>(format!("/api/openings/{id}"));
    let (advice, _) = use_get::<Carvings>(format!("/api/openings/{id}/advice"));
    let (page, _) =
        use_get::<Page<RankedCandidate>>(format!("/api/openings/{id}/candidates?offset={}&limit={PAGE}", *offset));
    let Some(taxonomy) = s.taxonomy.clone() else {
        return html! { <p role="status">{s.t("app.loading")}</p> };
    };
    let move_to = |to: usize| {
        let offset = offset.clone();
        Callback::from(move |_: MouseEvent| offset.set(to))
    };
    html! {
        <section>
            {parts::loaded(&s, &opening, |o| html! {
                <>
                {title(&o.title)}
                <p class="meta">{meta(&s, o)}</p>
                <ul class="lines">
                    { for o.requirements.iter().map(|r| html! {
                        <li>{taxonomy.name(&r.item, s.lang)}{" · "}
                            {if r.importance == Importance::Must { s.t("form.must") } else { s.t("form.nice") }}
                            if r.item.kind() != ItemKind::Certificate { {" · "}{s.tf("opening.level", &[("level", r.level().to_string())])} }
                        </li>
                    }) }
                </ul>
                <p><a class="button" href={Route::EditOpening(o.id.clone()).href()}>{s.t("opening.edit")}</a></p>
                </>
            })}
            <h2>{s.t("advice.title")}</h2>
            {parts::loaded(&s, &advice, |a| html! {
                <>
                <p>{s.tf("advice.fits", &[("n", a.fits.to_string())])}</p>
                if a.changes.is_empty() { <p class="hint">{s.t("advice.none")}</p> }
                <ul class="steps">
                    { for a.changes.iter().map(|c| advice_line(&s, &taxonomy, &c.change, c.gain)).map(|t| html! { <li class="step">{t}</li> }) }
                </ul>
                </>
            })}
            <h2 id="candidates">{s.t("candidates.title")}</h2>
            {parts::loaded(&s, &page, |p| html! {
                <>
                if p.items.is_empty() { <p>{s.t("candidates.none")}</p> }
                <ol class="matches" aria-labelledby="candidates">
                    { for p.items.iter().map(|c| candidate_item(&s, &taxonomy, &props.id, c)) }
                </ol>
                <div class="nav pager">
                    if p.offset > 0 {
                        <button type="button" onclick={move_to(p.offset.saturating_sub(PAGE))}>{s.t("page.previous")}</button>
                    }
                    <span>{s.tf("page.of", &[("from", (p.offset + 1).min(p.total).to_string()), ("to", (p.offset + p.items.len()).to_string()), ("total", p.total.to_string())])}</span>
                    if p.offset + (p.items.len()) < p.total {
                        <button type="button" onclick={move_to(p.offset + PAGE)}>{s.t("page.next")}</button>
                    }
                </div>
                </>
            })}
        </section>
    }
}

/// One piece of job-carving advice in words, e.g. "Maak heftruck rijden een pluspunt: +4 kandidaten".
pub fn advice_line(s: &Shared, taxonomy: &matching_core::Taxonomy, change: &Carving, gain: usize) -> String {
    let gain = gain.to_string();
    match change {
        Carving::MakeNice { item } => {
            s.tf("advice.make_nice", &[("name", taxonomy.name(item, s.lang)), ("gain", gain)])
        }
        Carving::LowerLevel { item, to } => s.tf(
            "advice.lower_level",
            &[("name", taxonomy.name(item, s.lang)), ("level", to.to_string()), ("gain", gain)],
        ),
        Carving::FewerHours { min } => s.tf("advice.fewer_hours", &[("min", min.to_string()), ("gain", gain)]),
    }
}

fn candidate_item(s: &Shared, taxonomy: &matching_core::Taxonomy, opening: &str, c: &RankedCandidate) -> Html {
    let e = &c.explanation;
    // The must-haves first, then the rest by what they add.
    let mut lines: Vec<_> = e.lines.iter().collect();
    lines.sort_by_key(|l| (l.importance != Importance::Must, std::cmp::Reverse(l.contribution.high)));
    let open = Route::Candidate(opening.to_string(), c.candidate.id.clone());
    html! {
        <li class="match">
            <h3>{c.rank.map(|r| format!("{r}. ")).unwrap_or_default()}{c.candidate.pseudonym.clone()}</h3>
            <p class="score"><strong>{e.score.percent()}</strong>{" · "}{parts::musts(s, e)}</p>
            {parts::badges(s, e)}
            <ul class="lines">{ for lines.iter().take(3).map(|l| html! { <li>{parts::line(s, taxonomy, l)}</li> }) }</ul>
            <a class="button" href={open.href()} aria-label={s.tf("candidates.open_who", &[("who", c.candidate.pseudonym.clone())])}>{s.t("candidates.open")}</a>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CandidateProps {
    opening: String,
    candidate: String,
}

#[function_component]
fn CandidateView(props: &CandidateProps) -> Html {
    let s = use_shared();
    let (found, _) = use_get::<RankedCandidate>(format!(
        "/api/openings/{}/candidates/{}",
        api::seg(&props.opening),
        api::seg(&props.candidate)
    ));
    let message = use_node_ref();
    let sent = use_state(|| None::<Result<(), api::ApiError>>);
    let onsubmit = {
        let (message, sent) = (message.clone(), sent.clone());
        let (opening, candidate) = (props.opening.clone(), props.candidate.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = message.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            if text.trim().is_empty() {
                sent.set(Some(Err(api::ApiError { status: 400, code: "empty_message".into() })));
                return;
            }
            let (sent, opening, candidate) = (sent.clone(), opening.clone(), candidate.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let body = ContactIn { candidate, opening: Some(opening), message: text };
                let answer =
                    api::send::<_, ContactView>(Method::POST, "/api/contact-requests", None, &body).await.map(|_| ());
                sent.set(Some(answer));
            });
        })
    };
    let Some(taxonomy) = s.taxonomy.clone() else {
        return html! { <p role="status">{s.t("app.loading")}</p> };
    };
    html! {
        <section>
            {parts::loaded(&s, &found, |c| html! {
                <>
                {title(&c.candidate.pseudonym)}
                {parts::explanation(&s, &taxonomy, &c.explanation)}
                {parts::card(&s, &taxonomy, &c.candidate)}
                <h2>{s.t("contact.title")}</h2>
                if let Some(Ok(())) = &*sent {
                    <p class="banner ok" role="status">{s.t("contact.sent")}</p>
                } else {
                    <form class="werk-form" onsubmit={onsubmit.clone()}>
                        <label for="message">{s.t("contact.message")}</label>
                        <textarea id="message" rows="4" maxlength="2000" ref={message.clone()} />
                        <p class="hint">{s.t("contact.help")}</p>
                        if let Some(Err(e)) = &*sent { {parts::error(&s, e)} }
                        <div class="nav"><button type="submit" class="primary">{s.t("contact.send")}</button></div>
                    </form>
                }
                </>
            })}
            <p><a href={Route::Opening(props.opening.clone()).href()}>{"← "}{s.t("candidate.back")}</a></p>
        </section>
    }
}

#[function_component]
fn Contacts() -> Html {
    let s = use_shared();
    let (list, _) = use_get::<Page<ContactView>>("/api/contact-requests?limit=100".into());
    html! {
        <section>
            {title(s.t("contacts.title"))}
            {parts::loaded(&s, &list, |page| html! {
                <>
                if page.items.is_empty() { <p>{s.t("contacts.none")}</p> }
                <ul class="cards">
                    { for page.items.iter().map(|r| {
                        let status = match r.status.as_str() {
                            "accepted" => s.t("contacts.accepted"),
                            "declined" => s.t("contacts.declined"),
                            _ => s.t("contacts.open"),
                        };
                        html! {
                            <li class="match">
                                <h2>{r.pseudonym.clone()}</h2>
                                <p class={classes!("status", r.status.clone())}>{status}</p>
                                <p class="hint">{s.t("contacts.your_message")}{" "}{r.message.clone()}</p>
                                if let Some(c) = &r.contact {
                                    <dl class="contact">
                                        if let Some(v) = &c.name { <dt>{s.t("contacts.name")}</dt><dd>{v.clone()}</dd> }
                                        if let Some(v) = &c.email { <dt>{s.t("contacts.email")}</dt><dd><a href={format!("mailto:{v}")}>{v.clone()}</a></dd> }
                                        if let Some(v) = &c.phone { <dt>{s.t("contacts.phone")}</dt><dd><a href={format!("tel:{v}")}>{v.clone()}</a></dd> }
                                        if let Some(v) = &c.message { <dt>{s.t("contacts.their_message")}</dt><dd>{v.clone()}</dd> }
                                    </dl>
                                }
                            </li>
                        }
                    }) }
                </ul>
                </>
            })}
        </section>
    }
}
