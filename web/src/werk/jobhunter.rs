//! The jobhunter's workbench: the region's pool and openings, ranking both ways with weight sliders,
//! the what-if console, shortlists, the match table for a matching meeting, and trainer links.

use super::api::{
    self, CandidateCard, CreateIn, EntryIn, KindWeights, Limit, Link, MatchTable, Offset, Page, RankCandidatesIn,
    RankOpeningsIn, RankedCandidate, RankedOpening, Shortlist, ShortlistIn, ShortlistSummary, TableIn, WhatIf,
    WhatIfIn,
};
use super::parts::{self, title};
use super::route::{self, Route};
use super::texts::{evidence_key, kind_key};
use super::{use_get, use_shared, Loading, Shared};
use crate::shared::debounce::use_debounce;
use gloo_net::http::Method;
use matching_core::{Claim, Evidence, ItemKind, ItemRef, Level, Opening};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Re-ranking waits this long after a slider stops moving.
const RANK_DELAY_MS: u32 = 300;
/// The server's limits for one match table.
const TABLE_OPENINGS: usize = 30;
const TABLE_CANDIDATES: usize = 60;
/// The what-if shows this many changed openings (the server's order: biggest change first).
const WHAT_IF_SHOWN: usize = 25;

/// The jobhunter's screen for a route.
pub fn screen(r: &Route) -> Html {
    match r {
        Route::RankCandidates(id) => html! { <Rank key={format!("c{id}")} id={id.clone()} for_opening=true /> },
        Route::RankOpenings(id) => html! { <Rank key={format!("o{id}")} id={id.clone()} for_opening=false /> },
        Route::WhatIf(id) => html! { <WhatIfConsole key={id.clone()} id={id.clone()} /> },
        Route::Shortlists => html! { <Shortlists /> },
        Route::Shortlist(id) => html! { <ShortlistView key={id.clone()} id={id.clone()} /> },
        Route::Table => html! { <Table /> },
        Route::Link(id) => html! { <TrainerLink key={id.clone()} id={id.clone()} /> },
        _ => html! { <Pool /> },
    }
}

const CANDIDATES: &str = "/api/region/candidates?limit=100";
const OPENINGS: &str = "/api/region/openings?limit=100";

fn opening_meta(s: &Shared, o: &Opening) -> String {
    let hours = s.tf("opening.hours", &[("min", o.hours.min.to_string()), ("max", o.hours.max.to_string())]);
    format!("{} · {} · {} · {hours}", o.employer, s.t(super::texts::route_key(o.route)), o.place)
}

#[function_component]
fn Pool() -> Html {
    let s = use_shared();
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let (openings, _) = use_get::<Page<Opening>>(OPENINGS.into());
    html! {
        <section>
            {title(s.t("pool.title"))}
            <div class="columns">
                <div>
                    <h2 id="pool-candidates">{s.t("pool.candidates")}</h2>
                    {parts::loaded(&s, &candidates, |page| html! {
                        <>
                        <p class="hint">{s.tf("pool.count", &[("n", page.total.to_string())])}</p>
                        <ul class="cards" aria-labelledby="pool-candidates">
                            { for page.items.iter().map(|c| html! {
                                <li class="match">
                                    <h3>{c.pseudonym.clone()}</h3>
                                    <p class="meta">{s.tf("pool.claims", &[("n", c.claims.len().to_string())])}
                                        {c.home_town.as_ref().map(|t| format!(" · {t}")).unwrap_or_default()}</p>
                                    <div class="actions">
                                        <a class="button small" href={Route::RankOpenings(c.id.clone()).href()}
                                            aria-label={s.tf("pool.rank_openings_for", &[("who", c.pseudonym.clone())])}>{s.t("pool.rank_openings")}</a>
                                        <a class="button small" href={Route::WhatIf(c.id.clone()).href()}
                                            aria-label={s.tf("pool.what_if_for", &[("who", c.pseudonym.clone())])}>{s.t("pool.what_if")}</a>
                                        <a class="button small" href={Route::Link(c.id.clone()).href()}
                                            aria-label={s.tf("pool.link_for", &[("who", c.pseudonym.clone())])}>{s.t("pool.link")}</a>
                                    </div>
                                </li>
                            }) }
                        </ul>
                        </>
                    })}
                </div>
                <div>
                    <h2 id="pool-openings">{s.t("pool.openings")}</h2>
                    {parts::loaded(&s, &openings, |page| html! {
                        <>
                        <p class="hint">{s.tf("pool.count_openings", &[("n", page.total.to_string())])}</p>
                        <ul class="cards" aria-labelledby="pool-openings">
                            { for page.items.iter().map(|o| html! {
                                <li class="match">
                                    <h3>{o.title.clone()}</h3>
                                    <p class="meta">{opening_meta(&s, o)}</p>
                                    <a class="button small" href={Route::RankCandidates(o.id.clone()).href()}
                                        aria-label={s.tf("pool.rank_candidates_for", &[("what", o.title.clone())])}>{s.t("pool.rank_candidates")}</a>
                                </li>
                            }) }
                        </ul>
                        </>
                    })}
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RankProps {
    id: String,
    /// Candidates for an opening (true) or openings for a candidate (false).
    for_opening: bool,
}

enum Ranked {
    Candidates(Page<RankedCandidate>),
    Openings(Page<RankedOpening>),
}

/// The four weight sliders: skill, soft skill, certificate, work process, 10-500 %.
fn sliders(s: &Shared, weights: &UseStateHandle<KindWeights>) -> Html {
    let slider = |kind: ItemKind, value: u16, set: fn(&mut KindWeights, u16)| {
        let id = format!("w-{}", kind.index());
        let weights = weights.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value().parse::<u16>().unwrap_or(100);
            let mut next = *weights;
            set(&mut next, v.clamp(10, 500));
            weights.set(next);
        });
        html! {
            <div class="slider">
                <label for={id.clone()}>{s.t(kind_key(kind))}{": "}<output for={id.clone()}>{format!("{value} %")}</output></label>
                <input id={id} type="range" min="10" max="500" step="10" value={value.to_string()} oninput={oninput}
                    aria-valuetext={format!("{value} %")} />
            </div>
        }
    };
    let w = **weights;
    html! {
        <fieldset class="sliders">
            <legend>{s.t("rank.weights")}</legend>
            {slider(ItemKind::Skill, w.skill, |w, v| w.skill = v)}
            {slider(ItemKind::SoftSkill, w.soft_skill, |w, v| w.soft_skill = v)}
            {slider(ItemKind::Certificate, w.certificate, |w, v| w.certificate = v)}
            {slider(ItemKind::WorkProcess, w.work_process, |w, v| w.work_process = v)}
        </fieldset>
    }
}

#[function_component]
fn Rank(props: &RankProps) -> Html {
    let s = use_shared();
    let weights = use_state(KindWeights::default);
    let result = use_state(|| Loading::<Ranked>::Busy);
    {
        let (result, id, for_opening) = (result.clone(), props.id.clone(), props.for_opening);
        // The first ranking at once, then after the sliders stop.
        let delay = |_: &KindWeights, first| if first { 0 } else { RANK_DELAY_MS };
        use_debounce(*weights, delay, move |weights, latest| {
            let (result, id) = (result.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (offset, limit) = (Offset::default(), Limit::try_from(20).ok());
                let answer = if for_opening {
                    let body = RankCandidatesIn {
                        opening: id.clone(),
                        weights: Some(weights),
                        include_knocked_out: false,
                        offset,
                        limit,
                    };
                    api::send(Method::POST, "/api/region/rank/candidates", None, &body).await.map(Ranked::Candidates)
                } else {
                    let body = RankOpeningsIn {
                        candidate: id.clone(),
                        weights: Some(weights),
                        include_knocked_out: false,
                        offset,
                        limit,
                    };
                    api::send(Method::POST, "/api/region/rank/openings", None, &body).await.map(Ranked::Openings)
                };
                if latest.still() {
                    result.set(answer.into());
                }
            });
        });
    }
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let (openings, _) = use_get::<Page<Opening>>(OPENINGS.into());
    let subject = if props.for_opening {
        match &openings {
            Loading::Ready(p) => p.items.iter().find(|o| o.id == props.id).map(|o| o.title.clone()),
            _ => None,
        }
    } else {
        match &candidates {
            Loading::Ready(p) => p.items.iter().find(|c| c.id == props.id).map(|c| c.pseudonym.clone()),
            _ => None,
        }
    }
    .unwrap_or_default();
    let heading = if props.for_opening {
        s.tf("rank.candidates_for", &[("what", subject)])
    } else {
        s.tf("rank.openings_for", &[("who", subject)])
    };
    let taxonomy = s.taxonomy.clone();
    html! {
        <section>
            {title(&heading)}
            {sliders(&s, &weights)}
            <div aria-live="polite">
            {parts::loaded(&s, &result, |r| match r {
                Ranked::Candidates(p) => html! {
                    <ol class="matches ranked">
                        { for p.items.iter().map(|c| html! {
                            <li class="match">
                                <h2>{c.rank.map(|r| format!("{r}. ")).unwrap_or_default()}{c.candidate.pseudonym.clone()}</h2>
                                <p class="score"><strong>{c.explanation.score.percent()}</strong>{" · "}{parts::musts(&s, &c.explanation)}</p>
                                {parts::badges(&s, &c.explanation)}
                                if let Some(t) = &taxonomy { {details(&s, t, &c.explanation)} }
                            </li>
                        }) }
                    </ol>
                },
                Ranked::Openings(p) => html! {
                    <ol class="matches ranked">
                        { for p.items.iter().map(|o| html! {
                            <li class="match">
                                <h2>{format!("{}. ", o.rank)}{o.opening.title.clone()}</h2>
                                <p class="meta">{opening_meta(&s, &o.opening)}</p>
                                <p class="score"><strong>{o.explanation.score.percent()}</strong>{" · "}{parts::musts(&s, &o.explanation)}</p>
                                if let Some(t) = &taxonomy { {details(&s, t, &o.explanation)} }
                            </li>
                        }) }
                    </ol>
                },
            })}
            </div>
        </section>
    }
}

fn details(s: &Shared, taxonomy: &matching_core::Taxonomy, e: &matching_core::Explanation) -> Html {
    html! {
        <details>
            <summary>{s.t("rank.why")}</summary>
            <ul class="lines">{ for e.lines.iter().map(|l| html! { <li>{parts::line(s, taxonomy, l)}</li> }) }</ul>
            if !e.knock_outs.is_empty() {
                <ul class="lines">{ for e.knock_outs.iter().map(|k| html! { <li>{parts::knock_out(s, k)}</li> }) }</ul>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct IdProps {
    id: String,
}

#[function_component]
fn WhatIfConsole(props: &IdProps) -> Html {
    let s = use_shared();
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let add = use_state(Vec::<Claim>::new);
    let result = use_state(|| None::<Loading<WhatIf>>);
    let pick = {
        let add = add.clone();
        Callback::from(move |item: ItemRef| {
            let mut next = (*add).clone();
            if !next.iter().any(|c| c.item == item) && next.len() < 20 {
                // What the young person would get: a certificate on paper, a work process shown at work.
                let evidence = if item.kind() == ItemKind::Certificate { Evidence::Formal } else { Evidence::Practice };
                next.push(Claim { item, level: Level::ON_MY_OWN, evidence });
            }
            add.set(next);
        })
    };
    let compute = {
        let (add, result, id) = (add.clone(), result.clone(), props.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (add, result, id) = (add.clone(), result.clone(), id.clone());
            result.set(Some(Loading::Busy));
            wasm_bindgen_futures::spawn_local(async move {
                let body = WhatIfIn { candidate: id.clone(), add: (*add).clone(), opening: None };
                result.set(Some(api::send::<_, WhatIf>(Method::POST, "/api/region/what-if", None, &body).await.into()));
            });
        })
    };
    let Some(taxonomy) = s.taxonomy.clone() else {
        return html! { <p role="status">{s.t("app.loading")}</p> };
    };
    let who = match &candidates {
        Loading::Ready(p) => p.items.iter().find(|c| c.id == props.id).map(|c| c.pseudonym.clone()),
        _ => None,
    }
    .unwrap_or_default();
    let choose = Callback::from(|e: Event| {
        let id = e.target_unchecked_into::<HtmlSelectElement>().value();
        route::go(&Route::WhatIf(id));
    });
    let chosen: Vec<ItemRef> = add.iter().map(|c| c.item.clone()).collect();
    html! {
        <section>
            {title(&s.tf("whatif.title", &[("who", who)]))}
            <p>{s.t("whatif.intro")}</p>
            // Always there (empty until the pool is loaded), so the form below does not move while
            // someone is about to tap a hit in it.
            <label for="whatif-who">{s.t("whatif.candidate")}</label>
            <select id="whatif-who" onchange={choose}>
                if let Loading::Ready(p) = &candidates {
                    { for p.items.iter().map(|c| html! { <option value={c.id.clone()} selected={c.id == props.id}>{c.pseudonym.clone()}</option> }) }
                }
            </select>
            <form class="werk-form" onsubmit={compute}>
                <parts::Picker id="whatif-search" label={s.t("whatif.search")} kinds={vec![ItemKind::Certificate, ItemKind::WorkProcess]} chosen={chosen} on_pick={pick} />
                <ul class="reqs">
                    { for add.iter().enumerate().map(|(i, c)| {
                        let name = taxonomy.name(&c.item, s.lang);
                        let remove = { let add = add.clone(); Callback::from(move |_: MouseEvent| { let mut n = (*add).clone(); n.remove(i); add.set(n); }) };
                        let level = { let add = add.clone(); Callback::from(move |e: Event| {
                            let mut n = (*add).clone();
                            if let Some(l) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<u8>().ok().and_then(Level::new) { n[i].level = l; }
                            add.set(n);
                        }) };
                        html! {
                            <li class="req">
                                <span class="name"><strong>{name.clone()}</strong>{" · "}{s.t(evidence_key(c.evidence))}</span>
                                if c.item.kind() == ItemKind::WorkProcess {
                                    <label>{s.t("form.level")}<select onchange={level}>{parts::level_options(&s, c.level.get())}</select></label>
                                }
                                <button type="button" class="small danger" onclick={remove} aria-label={s.tf("form.remove", &[("name", name)])}>{s.t("form.remove_short")}</button>
                            </li>
                        }
                    }) }
                </ul>
                <div class="nav"><button type="submit" class="primary" disabled={add.is_empty()}>{s.t("whatif.go")}</button></div>
            </form>
            <div aria-live="polite">
            if let Some(r) = &*result {
                {parts::loaded(&s, r, |w| html! {
                    <>
                    <p class="score"><strong>{s.tf("whatif.fits", &[("before", w.fits_before.to_string()), ("after", w.fits_after.to_string())])}</strong></p>
                    if w.changes.is_empty() { <p>{s.t("whatif.no_change")}</p> } else {
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="whatif-caption">
                        <table>
                            <caption id="whatif-caption">{s.t("whatif.caption")}</caption>
                            <thead><tr>
                                <th scope="col">{s.t("whatif.opening")}</th>
                                <th scope="col">{s.t("whatif.before")}</th>
                                <th scope="col">{s.t("whatif.after")}</th>
                                <th scope="col">{s.t("whatif.difference")}</th>
                            </tr></thead>
                            <tbody>
                                { for w.changes.iter().take(WHAT_IF_SHOWN).map(|c| html! {
                                    <tr>
                                        <th scope="row">{c.title.clone()}</th>
                                        <td>{place(&s, &c.before)}</td>
                                        <td>{place(&s, &c.after)}</td>
                                        <td>{difference(&s, &c.before, &c.after)}</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        </div>
                        if w.changes.len() > WHAT_IF_SHOWN {
                            <p class="hint">{s.tf("whatif.more", &[("n", (w.changes.len() - WHAT_IF_SHOWN).to_string())])}</p>
                        }
                    }
                    </>
                })}
            }
            </div>
        </section>
    }
}

fn place(s: &Shared, p: &api::Place) -> String {
    let rank =
        p.rank.map(|r| s.tf("whatif.rank", &[("n", r.to_string())])).unwrap_or_else(|| s.t("whatif.unranked").into());
    let musts = if p.musts_unmet == 0 {
        String::new()
    } else {
        format!(" · {}", s.tf("whatif.unmet", &[("n", p.musts_unmet.to_string())]))
    };
    format!("{} · {rank}{musts}", p.score.percent())
}

fn difference(s: &Shared, before: &api::Place, after: &api::Place) -> String {
    let points = (i32::from(after.score.low) - i32::from(before.score.low) + 5).div_euclid(10);
    let places = match (before.rank, after.rank) {
        (Some(b), Some(a)) if a < b => format!(" · {}", s.tf("whatif.up", &[("n", (b - a).to_string())])),
        (Some(b), Some(a)) if a > b => format!(" · {}", s.tf("whatif.down", &[("n", (a - b).to_string())])),
        (None, Some(_)) => format!(" · {}", s.t("whatif.new")),
        _ => String::new(),
    };
    format!("{}{points} %{places}", if points >= 0 { "+" } else { "" })
}

#[function_component]
fn Shortlists() -> Html {
    let s = use_shared();
    let (list, reload) = use_get::<Page<ShortlistSummary>>("/api/shortlists?limit=100".into());
    let name = use_node_ref();
    let failed = use_state(|| None::<api::ApiError>);
    let create = {
        let (name, failed, reload) = (name.clone(), failed.clone(), reload.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name.cast::<HtmlInputElement>() else { return };
            let value = input.value();
            if value.trim().is_empty() {
                return;
            }
            let (failed, reload) = (failed.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::send::<_, ShortlistSummary>(
                    Method::POST,
                    "/api/shortlists",
                    None,
                    &ShortlistIn { name: value },
                )
                .await
                {
                    Ok(_) => {
                        input.set_value("");
                        failed.set(None);
                        reload.emit(());
                    }
                    Err(e) => failed.set(Some(e)),
                }
            });
        })
    };
    html! {
        <section>
            {title(s.t("shortlists.title"))}
            <form class="werk-form inline" onsubmit={create}>
                <label for="shortlist-name">{s.t("shortlists.name")}</label>
                <input id="shortlist-name" maxlength="200" ref={name} />
                <button type="submit" class="primary">{s.t("shortlists.create")}</button>
            </form>
            if let Some(e) = &*failed { {parts::error(&s, e)} }
            {parts::loaded(&s, &list, |page| html! {
                <>
                if page.items.is_empty() { <p>{s.t("shortlists.none")}</p> }
                <ul class="cards">
                    { for page.items.iter().map(|l| html! {
                        <li class="match">
                            <h2><a href={Route::Shortlist(l.id.to_string()).href()}>{l.name.clone()}</a></h2>
                            <p class="meta">{s.tf("shortlists.size", &[("n", l.size.to_string())])}</p>
                        </li>
                    }) }
                </ul>
                </>
            })}
        </section>
    }
}

#[function_component]
fn ShortlistView(props: &IdProps) -> Html {
    let s = use_shared();
    let path = format!("/api/shortlists/{}", api::seg(&props.id));
    let (list, reload) = use_get::<Shortlist>(path.clone());
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let pick = use_node_ref();
    let note = use_node_ref();
    let failed = use_state(|| None::<api::ApiError>);
    let put = {
        let (pick, note, failed, reload, path) =
            (pick.clone(), note.clone(), failed.clone(), reload.clone(), path.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let who = pick.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            let text = note.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            if who.is_empty() {
                return;
            }
            let (failed, reload, url) =
                (failed.clone(), reload.clone(), format!("{path}/candidates/{}", api::seg(&who)));
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(Method::PUT, &url, None, Some(&EntryIn { note: text })).await {
                    Ok(()) => {
                        failed.set(None);
                        reload.emit(());
                    }
                    Err(e) => failed.set(Some(e)),
                }
            });
        })
    };
    let remove = |who: String| {
        let (failed, reload, url) = (failed.clone(), reload.clone(), format!("{path}/candidates/{}", api::seg(&who)));
        Callback::from(move |_: MouseEvent| {
            let (failed, reload, url) = (failed.clone(), reload.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call::<()>(Method::DELETE, &url, None, None).await {
                    Ok(()) => reload.emit(()),
                    Err(e) => failed.set(Some(e)),
                }
            });
        })
    };
    html! {
        <section>
            {parts::loaded(&s, &list, |l| html! {
                <>
                {title(&l.name)}
                if l.candidates.is_empty() { <p>{s.t("shortlist.empty")}</p> }
                <ul class="cards">
                    { for l.candidates.iter().map(|e| html! {
                        <li class="match">
                            <h2>{e.candidate.pseudonym.clone()}</h2>
                            if !e.note.is_empty() { <p>{e.note.clone()}</p> }
                            <p class="meta">{s.tf("pool.claims", &[("n", e.candidate.claims.len().to_string())])}</p>
                            <div class="actions">
                                <a class="button small" href={Route::RankOpenings(e.candidate.id.clone()).href()}
                                    aria-label={s.tf("pool.rank_openings_for", &[("who", e.candidate.pseudonym.clone())])}>{s.t("pool.rank_openings")}</a>
                                <button type="button" class="small danger" onclick={remove(e.candidate.id.clone())}
                                    aria-label={s.tf("shortlist.remove", &[("who", e.candidate.pseudonym.clone())])}>{s.t("form.remove_short")}</button>
                            </div>
                        </li>
                    }) }
                </ul>
                </>
            })}
            <h2>{s.t("shortlist.add")}</h2>
            if let Loading::Ready(p) = &candidates {
                <form class="werk-form" onsubmit={put}>
                    <label for="add-who">{s.t("shortlist.who")}</label>
                    <select id="add-who" ref={pick}>
                        { for p.items.iter().map(|c| html! { <option value={c.id.clone()}>{c.pseudonym.clone()}</option> }) }
                    </select>
                    <label for="add-note">{s.t("shortlist.note")}</label>
                    <input id="add-note" maxlength="1000" ref={note} />
                    <div class="nav"><button type="submit" class="primary">{s.t("shortlist.add_button")}</button></div>
                </form>
            }
            if let Some(e) = &*failed { {parts::error(&s, e)} }
            <p><a href={Route::Shortlists.href()}>{"← "}{s.t("nav.shortlists")}</a></p>
        </section>
    }
}

/// Check boxes for a set of ids, the first `preset` ticked.
fn picks(
    s: &Shared,
    legend: &str,
    prefix: &str,
    items: Vec<(String, String)>,
    chosen: &UseStateHandle<Vec<String>>,
    max: usize,
) -> Html {
    html! {
        <fieldset class="checks pick-list">
            <legend>{legend.to_string()}{" "}<span class="hint">{s.tf("table.max", &[("n", max.to_string())])}</span></legend>
            { for items.into_iter().enumerate().map(|(i, (id, label))| {
                let on = chosen.contains(&id);
                let toggle = { let chosen = chosen.clone(); let id = id.clone(); Callback::from(move |_: Event| {
                    let mut next = (*chosen).clone();
                    if on { next.retain(|x| *x != id) } else if next.len() < max { next.push(id.clone()) }
                    chosen.set(next);
                }) };
                let input = format!("{prefix}-{i}");
                html! {
                    <div class="check">
                        <input type="checkbox" id={input.clone()} checked={on} onchange={toggle} />
                        <label for={input}>{label}</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

#[function_component]
fn Table() -> Html {
    let s = use_shared();
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let (openings, _) = use_get::<Page<Opening>>(OPENINGS.into());
    let chosen_openings = use_state(Vec::<String>::new);
    let chosen_candidates = use_state(Vec::<String>::new);
    let table = use_state(|| None::<Loading<MatchTable>>);
    // Start with the first few of each ticked.
    {
        let (co, cc) = (chosen_openings.clone(), chosen_candidates.clone());
        let ready = matches!((&openings, &candidates), (Loading::Ready(_), Loading::Ready(_)));
        let (o, c) = (openings.clone(), candidates.clone());
        use_effect_with(ready, move |&ready| {
            if ready {
                if let (Loading::Ready(o), Loading::Ready(c)) = (o, c) {
                    co.set(o.items.iter().take(6).map(|x| x.id.clone()).collect());
                    cc.set(c.items.iter().take(8).map(|x| x.id.clone()).collect());
                }
            }
        });
    }
    let make = {
        let (co, cc, table) = (chosen_openings.clone(), chosen_candidates.clone(), table.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = TableIn { openings: (*co).clone(), candidates: (*cc).clone() };
            let table = table.clone();
            table.set(Some(Loading::Busy));
            wasm_bindgen_futures::spawn_local(async move {
                table.set(Some(
                    api::send::<_, MatchTable>(Method::POST, "/api/region/match-table", None, &body).await.into(),
                ));
            });
        })
    };
    let (Loading::Ready(o), Loading::Ready(c)) = (&openings, &candidates) else {
        let failed = if let Loading::Failed(e) = &openings { Some(e.clone()) } else { None };
        return match failed {
            Some(e) => parts::error(&s, &e),
            None => html! { <p role="status">{s.t("app.loading")}</p> },
        };
    };
    let opening_items = o.items.iter().map(|x| (x.id.clone(), x.title.clone())).collect();
    let candidate_items = c.items.iter().map(|x| (x.id.clone(), x.pseudonym.clone())).collect();
    html! {
        <section>
            {title(s.t("table.title"))}
            <p>{s.t("table.intro")}</p>
            <form class="werk-form" onsubmit={make}>
                <div class="columns">
                    {picks(&s, s.t("table.openings"), "to", opening_items, &chosen_openings, TABLE_OPENINGS)}
                    {picks(&s, s.t("table.candidates"), "tc", candidate_items, &chosen_candidates, TABLE_CANDIDATES)}
                </div>
                <div class="nav"><button type="submit" class="primary"
                    disabled={chosen_openings.is_empty() || chosen_candidates.is_empty()}>{s.t("table.make")}</button></div>
            </form>
            if let Some(t) = &*table {
                {parts::loaded(&s, t, |t| html! {
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="table-caption">
                        <table class="match-table">
                            <caption id="table-caption">{s.t("table.caption")}</caption>
                            <thead><tr>
                                <td></td>
                                { for t.candidates.iter().map(|c| html! { <th scope="col">{c.name.clone()}</th> }) }
                            </tr></thead>
                            <tbody>
                                { for t.openings.iter().zip(&t.cells).map(|(o, row)| html! {
                                    <tr>
                                        <th scope="row">{o.name.clone()}</th>
                                        { for row.iter().map(|cell| {
                                            let score = matching_core::Interval { low: cell.low, high: cell.high }.percent();
                                            html! {
                                                <td class={if cell.fits { "fits" } else { "" }}>
                                                    {score}
                                                    if cell.fits { {" ✓"}<span class="sr-only">{s.t("table.fits")}</span> }
                                                </td>
                                            }
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                })}
            }
        </section>
    }
}

#[function_component]
fn TrainerLink(props: &IdProps) -> Html {
    let s = use_shared();
    let (candidates, _) = use_get::<Page<CandidateCard>>(CANDIDATES.into());
    let chosen = use_state(Vec::<String>::new);
    let extra = use_state(Vec::<String>::new);
    let made = use_state(|| None::<Loading<Link>>);
    let copied = use_state(|| false);
    let Some(taxonomy) = s.taxonomy.clone() else {
        return html! { <p role="status">{s.t("app.loading")}</p> };
    };
    let card = match &candidates {
        Loading::Ready(p) => p.items.iter().find(|c| c.id == props.id).cloned(),
        _ => None,
    };
    let Some(card) = card else {
        return match &candidates {
            Loading::Ready(_) => parts::error(&s, &api::ApiError { status: 404, code: "not_found".into() }),
            other => parts::loaded(&s, other, |_| html! {}),
        };
    };
    let mut processes: Vec<String> = card
        .claims
        .iter()
        .filter_map(|c| match &c.item {
            ItemRef::WorkProcess(id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    processes.extend(extra.iter().filter(|id| !processes.contains(id)).cloned().collect::<Vec<_>>());
    let pick = {
        let (extra, chosen) = (extra.clone(), chosen.clone());
        Callback::from(move |item: ItemRef| {
            if let ItemRef::WorkProcess(id) = item {
                let mut e = (*extra).clone();
                e.push(id.clone());
                extra.set(e);
                let mut c = (*chosen).clone();
                c.push(id);
                chosen.set(c);
            }
        })
    };
    let make = {
        let (chosen, made, id) = (chosen.clone(), made.clone(), props.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (made, body) =
                (made.clone(), CreateIn { candidate: None, work_processes: (*chosen).clone(), company: None });
            let url = format!("/api/region/candidates/{}/attestations", api::seg(&id));
            made.set(Some(Loading::Busy));
            wasm_bindgen_futures::spawn_local(async move {
                made.set(Some(api::send::<_, Link>(Method::POST, &url, None, &body).await.into()));
            });
        })
    };
    let picked: Vec<ItemRef> = processes.iter().map(|id| ItemRef::WorkProcess(id.clone())).collect();
    html! {
        <section>
            {title(&s.tf("link.title", &[("who", card.pseudonym.clone())]))}
            <p>{s.t("link.intro")}</p>
            <form class="werk-form" onsubmit={make}>
                <fieldset class="checks">
                    <legend>{s.t("link.processes")}</legend>
                    if processes.is_empty() { <p class="hint">{s.t("link.none")}</p> }
                    { for processes.iter().enumerate().map(|(i, id)| {
                        let on = chosen.contains(id);
                        let toggle = { let chosen = chosen.clone(); let id = id.clone(); Callback::from(move |_: Event| {
                            let mut next = (*chosen).clone();
                            if on { next.retain(|x| *x != id) } else { next.push(id.clone()) }
                            chosen.set(next);
                        }) };
                        let input = format!("wp-{i}");
                        html! {
                            <div class="check">
                                <input type="checkbox" id={input.clone()} checked={on} onchange={toggle} />
                                <label for={input}>{taxonomy.name(&ItemRef::WorkProcess(id.clone()), s.lang)}</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <parts::Picker id="link-search" label={s.t("link.search")} kinds={vec![ItemKind::WorkProcess]} chosen={picked} on_pick={pick} />
                <div class="nav"><button type="submit" class="primary" disabled={chosen.is_empty()}>{s.t("link.make")}</button></div>
            </form>
            if let Some(m) = &*made {
                {parts::loaded(&s, m, |l| {
                    let copy = { let (link, copied) = (l.link.clone(), copied.clone()); Callback::from(move |_: MouseEvent| {
                        if let Some(w) = web_sys::window() { let _ = w.navigator().clipboard().write_text(&link); }
                        copied.set(true);
                    }) };
                    let until = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(l.expires as f64 * 1000.0))
                        .to_locale_date_string(if s.lang == matching_core::Lang::En { "en-GB" } else { "nl-NL" }, &wasm_bindgen::JsValue::UNDEFINED);
                    html! {
                        <div class="made" role="status">
                            <label for="trainer-link">{s.t("link.made")}</label>
                            <input id="trainer-link" readonly=true value={l.link.clone()} />
                            <p class="hint">{s.tf("link.until", &[("date", String::from(until))])}</p>
                            <button type="button" onclick={copy}>{if *copied { s.t("link.copied") } else { s.t("link.copy") }}</button>
                        </div>
                    }
                })}
            }
        </section>
    }
}
