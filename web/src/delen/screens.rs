//! The pool page's screens, as plain functions over [`Ctx`]: the consent questions one per
//! screen, then what is published, requests, who looked, trainer links and withdrawal.

use super::api::{self, ConsentIn, Contact, Publish, CONSENT_TEXT_VERSION};
use super::pool::{self, Publication, TrainerLink};
use super::texts::{t, tf};
use super::{day_of, day_of_unix, fail_key, gone_if_not_found, today, Ctx, Draft, Screen, St};
use crate::shared::api::{ApiError, Loading};
use crate::shared::speech::speak_labelled;
use crate::shared::words::words;
use matching_core::{Date, Evidence, ItemRef, Lang, Parts};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long a consent lasts unless the young person picks a date (the server's default).
const DEFAULT_DAYS: i64 = 91;
/// The latest day a consent may last (the server's limit).
const MAX_DAYS: i64 = 366;

/// The whole page: header, banners, the current screen.
pub fn page(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let screen = match &s.screen {
        Screen::Intro => intro(ctx),
        Screen::Parts => parts(ctx),
        Screen::Region => region(ctx),
        Screen::Until => until(ctx),
        Screen::Coach => coach(ctx),
        Screen::Check => check(ctx),
        Screen::Home => home(ctx),
        Screen::Requests => requests(ctx),
        Screen::Answer(id) => answer(ctx, id),
        Screen::Views => views(ctx),
        Screen::Attest => attest(ctx),
        Screen::Gone => gone(ctx),
    };
    html! {
        <>
        <header class="top">
            <span class="brand">{t("app.name", lang)}</span>
            <button type="button" class="lang" lang={if other == Lang::En { "en" } else { "nl" }}
                onclick={ctx.on(move |s, _: MouseEvent| s.lang = other)}>{t("lang.switch", lang)}</button>
            <a class="button" href="./">{t("nav.app", lang)}</a>
        </header>
        if s.unsaved {
            <p class="banner warn" role="alert">{t("pool.unsaved", lang)}</p>
        }
        if let Some(key) = s.notice {
            <p class="banner ok" role="status">{t(key, lang)}</p>
        }
        <main class="screen" lang={if lang == Lang::En { "en" } else { "nl" }}>{screen}</main>
        </>
    }
}

/// The screen's title (focused on arrival) and the read-aloud button for it and `more`.
fn title(ctx: &Ctx, text: &str, more: &str) -> Html {
    let lang = ctx.st.lang;
    html! {
        <div class="title">
            <h1 id="screen-title" tabindex="-1">{text.to_string()}</h1>
            {speak_labelled(&format!("{text} {more}"), lang, t("speak", lang))}
        </div>
    }
}

/// The error of the last action, if any.
fn error(ctx: &Ctx) -> Html {
    match ctx.st.error {
        Some(key) => html! { <p class="error" role="alert">{t(key, ctx.st.lang)}</p> },
        None => html! {},
    }
}

/// Back, and a primary button onwards.
fn nav(ctx: &Ctx, next: Option<(&'static str, Callback<MouseEvent>)>) -> Html {
    let lang = ctx.st.lang;
    let back = ctx.st.screen.back(ctx.st.pool.published.is_some());
    html! {
        <div class="nav">
            <button type="button" class="secondary" onclick={ctx.go(back)}>{"← "}{t("nav.back", lang)}</button>
            if let Some((key, onclick)) = next {
                <button type="button" class="primary" {onclick} disabled={ctx.st.busy}>
                    {if ctx.st.busy { t("busy", lang) } else { t(key, lang) }}
                </button>
            }
        </div>
    }
}

/// "Next", after checking the current question with `ok` (an error key when not answered).
fn next(ctx: &Ctx, ok: fn(&St) -> Option<&'static str>) -> Callback<MouseEvent> {
    let ctx2 = ctx.clone();
    Callback::from(move |_| match ok(&ctx2.st) {
        Some(key) => ctx2.apply(move |s| s.error = Some(key)),
        None => ctx2.open(ctx2.st.screen.next()),
    })
}

/// Loading and failure of something fetched; `None` when it is there.
fn loading<T>(ctx: &Ctx, load: &Loading<T>, retry: Screen) -> Option<Html> {
    let lang = ctx.st.lang;
    match load {
        Loading::Ready(_) => None,
        Loading::Idle | Loading::Busy => Some(html! { <p role="status">{t("busy", lang)}</p> }),
        Loading::Failed(e) => Some(html! {
            <>
            <p class="error" role="alert">{t(fail_key(e, "err.load"), lang)}</p>
            <button type="button" class="secondary" onclick={ctx.go(retry)}>{t("retry", lang)}</button>
            </>
        }),
    }
}

/// Intro: what publishing means, in plain words; or why it cannot be done on this phone.
fn intro(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let head = t("intro.title", lang);
    let lines = ["intro.what", "intro.never", "intro.yes", "intro.back", "intro.where"];
    let said: Vec<&str> = lines.iter().map(|k| t(k, lang)).collect();
    let blocker = if !s.storage_ok {
        Some("intro.no_storage")
    } else if s.saved.as_ref().is_none_or(|saved| saved.profile.claims.is_empty()) {
        Some("intro.no_profile")
    } else {
        None
    };
    let begin = {
        let ctx2 = ctx.clone();
        Callback::from(move |_| {
            ctx2.apply(|s| {
                s.draft =
                    Draft { until: Date::from_day_number(today() + DEFAULT_DAYS).to_string(), ..Draft::default() };
            });
            ctx2.open(Screen::Parts);
        })
    };
    html! {
        <section>
            {title(ctx, head, &said.join(" "))}
            { for said.iter().map(|line| html! { <p>{line.to_string()}</p> }) }
            {error(ctx)}
            if let Some(key) = blocker {
                <p class="banner warn" role="status">{t(key, lang)}</p>
                <div class="nav"><a class="button primary" href="./">{t("nav.app", lang)}</a></div>
            } else {
                <div class="nav"><button type="button" class="primary" onclick={begin}>{t("intro.go", lang)}{" →"}</button></div>
            }
        </section>
    }
}

/// Which parts: a checkbox each, with one plain sentence.
fn parts(ctx: &Ctx) -> Html {
    let lang = ctx.st.lang;
    let mut fields = ctx.st.draft.fields;
    let head = t("parts.title", lang);
    html! {
        <section>
            {title(ctx, head, t("parts.help", lang))}
            <p>{t("parts.help", lang)}</p>
            {words(&["werkproces", "vca"], lang, t("speak", lang))}
            <fieldset class="checklist">
                <legend class="sr-only">{head}</legend>
                { for pool::PARTS.iter().enumerate().map(|(i, (name, get))| {
                    let on = *get(&mut fields);
                    let id = format!("part-{name}");
                    let onchange = ctx.on(move |s, e: Event| {
                        *pool::PARTS[i].1(&mut s.draft.fields) = e.target_unchecked_into::<HtmlInputElement>().checked();
                        s.error = None;
                    });
                    html! {
                        <div class="check">
                            <input type="checkbox" id={id.clone()} checked={on} {onchange} aria-describedby={format!("{id}-help")} />
                            <label for={id.clone()}>
                                <span><strong>{t(&format!("part.{name}"), lang)}</strong><br/>
                                <span id={format!("{id}-help")}>{t(&format!("part.{name}.help"), lang)}</span></span>
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
            {error(ctx)}
            {nav(ctx, Some(("nav.next", next(ctx, |s| pool::chosen(&s.draft.fields).is_empty().then_some("parts.none")))))}
        </section>
    }
}

/// Which region: one button per region.
fn region(ctx: &Ctx) -> Html {
    let lang = ctx.st.lang;
    let head = t("region.title", lang);
    let list = match &ctx.st.regions {
        Loading::Ready(list) => html! {
            <fieldset class="answers">
                <legend class="sr-only">{head}</legend>
                { for list.iter().map(|r| {
                    let pressed = ctx.st.draft.region == r.id;
                    let (id, name) = (r.id.clone(), r.name.clone());
                    let onclick = ctx.on(move |s, _: MouseEvent| {
                        s.draft.region = id.clone();
                        s.draft.region_name = name.clone();
                        s.error = None;
                    });
                    html! { <button type="button" class="answer" aria-pressed={pressed.to_string()} {onclick}>{r.name.clone()}</button> }
                }) }
            </fieldset>
        },
        other => loading(ctx, other, Screen::Region).unwrap_or_default(),
    };
    html! {
        <section>
            {title(ctx, head, t("region.help", lang))}
            <p>{t("region.help", lang)}</p>
            {list}
            {error(ctx)}
            {nav(ctx, Some(("nav.next", next(ctx, |s| s.draft.region.is_empty().then_some("region.none")))))}
        </section>
    }
}

/// Whether `text` is a day the server accepts as the last day.
fn until_ok(text: &str) -> bool {
    Date::parse(text).is_some_and(|d| (today()..=today() + MAX_DAYS).contains(&d.day_number()))
}

/// Until when: a date field, three months ahead unless changed.
fn until(ctx: &Ctx) -> Html {
    let lang = ctx.st.lang;
    let head = t("until.title", lang);
    let min = Date::from_day_number(today()).to_string();
    let max = Date::from_day_number(today() + MAX_DAYS).to_string();
    let oninput = ctx.on(|s, e: InputEvent| {
        s.draft.until = e.target_unchecked_into::<HtmlInputElement>().value();
        s.error = None;
    });
    html! {
        <section>
            {title(ctx, head, t("until.help", lang))}
            <p>{t("until.help", lang)}</p>
            <label for="until">{t("until.label", lang)}</label>
            <input id="until" type="date" min={min} max={max} value={ctx.st.draft.until.clone()} {oninput} aria-describedby="until-now" />
            <p class="hint" id="until-now">{tf("until.now", lang, &[("date", day_of(&ctx.st.draft.until, lang))])}</p>
            {error(ctx)}
            {nav(ctx, Some(("nav.next", next(ctx, |s| (!until_ok(&s.draft.until)).then_some("until.bad")))))}
        </section>
    }
}

/// May a jobhunter confirm skills (coach evidence).
fn coach(ctx: &Ctx) -> Html {
    let lang = ctx.st.lang;
    let head = t("coach.title", lang);
    let answer = |value: bool, key: &'static str| {
        let pressed = ctx.st.draft.coach == Some(value);
        let onclick = ctx.on(move |s, _: MouseEvent| {
            s.draft.coach = Some(value);
            s.error = None;
        });
        html! { <button type="button" class="answer" aria-pressed={pressed.to_string()} {onclick}>{t(key, lang)}</button> }
    };
    html! {
        <section>
            {title(ctx, head, t("coach.help", lang))}
            <p>{t("coach.help", lang)}</p>
            {words(&["jobhunter"], lang, t("speak", lang))}
            <fieldset class="answers">
                <legend class="sr-only">{head}</legend>
                {answer(true, "coach.yes")}
                {answer(false, "coach.no")}
            </fieldset>
            {error(ctx)}
            {nav(ctx, Some(("nav.next", next(ctx, |s| s.draft.coach.is_none().then_some("coach.none")))))}
        </section>
    }
}

/// The chosen parts as a list of names.
fn part_list(fields: &Parts, lang: Lang) -> Html {
    html! {
        <ul class="lines">{ for pool::chosen(fields).into_iter().map(|name| html! { <li>{t(&format!("part.{name}"), lang)}</li> }) }</ul>
    }
}

/// Check and publish (or save the changed choice).
fn check(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let d = &s.draft;
    let head = t("check.title", lang);
    let said = [
        tf("check.region", lang, &[("region", d.region_name.clone())]),
        tf("check.until", lang, &[("date", day_of(&d.until, lang))]),
        t(if d.coach == Some(true) { "check.coach_yes" } else { "check.coach_no" }, lang).to_string(),
    ];
    let publish = submit(ctx, true);
    html! {
        <section>
            {title(ctx, head, &format!("{} {}", t("check.parts", lang), said.join(" ")))}
            <h2>{t("check.parts", lang)}</h2>
            {part_list(&d.fields, lang)}
            { for said.iter().map(|line| html! { <p>{line.clone()}</p> }) }
            <p>{t("check.never", lang)}</p>
            {error(ctx)}
            {nav(ctx, Some((if s.pool.published.is_some() { "check.save" } else { "check.publish" }, publish)))}
        </section>
    }
}

/// Publishes or updates: with the draft (`from_draft`) or with the consent as published (to send
/// a changed profile). Never publishes when the device could not keep the secret.
fn submit(ctx: &Ctx, from_draft: bool) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |_| {
        let s = &*ctx.st;
        if s.busy {
            return;
        }
        let Some(saved) = pool::profile().0.or_else(|| s.saved.clone()) else {
            ctx.apply(|s| s.error = Some("intro.no_profile"));
            return;
        };
        let published = s.pool.published.clone();
        if published.is_none() && !pool::writable() {
            ctx.apply(|s| s.error = Some("intro.no_storage"));
            return;
        }
        let draft = match (&published, from_draft) {
            (Some(p), false) => Draft {
                fields: p.fields,
                region: p.region.clone(),
                region_name: p.region_name.clone(),
                until: p.until.clone(),
                coach: Some(p.coach_evidence),
            },
            _ => s.draft.clone(),
        };
        let attestations = s.pool.attestations.clone();
        ctx.apply(|s| {
            s.busy = true;
            s.error = None;
        });
        let ctx = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let body = Publish {
                profile: saved.profile.clone(),
                consent: ConsentIn {
                    fields: draft.fields,
                    region: draft.region.clone(),
                    until: Some(draft.until.clone()),
                    text_version: CONSENT_TEXT_VERSION.into(),
                    coach_evidence: draft.coach == Some(true),
                },
                attestations,
            };
            let result = match &published {
                Some(p) => api::update(&p.id, &p.secret, &body).await,
                None => api::publish(&body).await,
            };
            ctx.apply(move |s| {
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
                s.saved = Some(saved);
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
            });
        });
    })
}

/// What is published and everything that can be done with it.
fn home(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let Some(p) = &s.pool.published else { return intro(ctx) };
    let head = t("home.title", lang);
    let seen = tf("home.seen", lang, &[("region", p.region_name.clone()), ("name", p.pseudonym.clone())]);
    let until = tf("home.until", lang, &[("date", day_of(&p.until, lang))]);
    let open = match &s.requests {
        Loading::Ready(list) => Some(list.iter().filter(|r| r.status == "open").count()),
        _ => None,
    };
    let edit = {
        let ctx2 = ctx.clone();
        let p = p.clone();
        Callback::from(move |_| {
            let p = p.clone();
            ctx2.apply(move |s| {
                s.draft = Draft {
                    fields: p.fields,
                    region: p.region,
                    region_name: p.region_name,
                    until: p.until,
                    coach: Some(p.coach_evidence),
                }
            });
            ctx2.open(Screen::Parts);
        })
    };
    let withdraw = withdraw(ctx, p.clone());
    html! {
        <section>
            {title(ctx, head, &format!("{seen} {until}"))}
            <p>{seen}</p>
            <p>{until}</p>
            <h2>{t("home.parts", lang)}</h2>
            {part_list(&p.fields, lang)}
            <h2>{t("home.requests", lang)}</h2>
            <p role="status">{match open {
                Some(0) => t("home.no_requests", lang).to_string(),
                Some(1) => t("home.one_request", lang).to_string(),
                Some(n) => tf("home.open_requests", lang, &[("n", n.to_string())]),
                None => t("busy", lang).to_string(),
            }}</p>
            <div class="nav">
                <button type="button" class={if open.unwrap_or(0) > 0 { "primary" } else { "secondary" }} onclick={ctx.go(Screen::Requests)}>{t("home.to_requests", lang)}</button>
                <button type="button" class="secondary" onclick={ctx.go(Screen::Views)}>{t("home.to_views", lang)}</button>
            </div>
            <h2>{t("home.change", lang)}</h2>
            <p>{t("home.change_help", lang)}</p>
            {error(ctx)}
            <div class="nav">
                <button type="button" class="secondary" onclick={submit(ctx, false)} disabled={s.busy}>{if s.busy { t("busy", lang) } else { t("home.update", lang) }}</button>
                <button type="button" class="secondary" onclick={edit}>{t("home.edit", lang)}</button>
            </div>
            <h2>{t("attest.title", lang)}</h2>
            <p>{t("attest.short", lang)}</p>
            <div class="nav"><button type="button" class="secondary" onclick={ctx.go(Screen::Attest)}>{t("home.to_attest", lang)}</button></div>
            <h2>{t("home.withdraw_title", lang)}</h2>
            <p>{t("home.withdraw_help", lang)}</p>
            if s.confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p id="confirm-text">{t("home.withdraw_confirm", lang)}</p>
                    <button type="button" class="danger" onclick={withdraw} disabled={s.busy}>{if s.busy { t("busy", lang) } else { t("home.withdraw_yes", lang) }}</button>
                    <button type="button" class="secondary" onclick={ctx.on(|s, _: MouseEvent| s.confirm = false)}>{t("home.withdraw_no", lang)}</button>
                </div>
            } else {
                <button type="button" class="danger" onclick={ctx.on(|s, _: MouseEvent| s.confirm = true)}>{t("home.withdraw", lang)}</button>
            }
        </section>
    }
}

/// Withdraws: deletes on the server, then forgets the publication here.
fn withdraw(ctx: &Ctx, p: Publication) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |_| {
        ctx.apply(|s| {
            s.busy = true;
            s.error = None;
        });
        let (ctx, p) = (ctx.clone(), p.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::withdraw(&p.id, &p.secret).await;
            ctx.apply(move |s| {
                s.busy = false;
                // Not found: already gone on the server (expired, or withdrawn elsewhere).
                match result {
                    Err(fail) if fail.code != "not_found" => {
                        s.error = Some(fail_key(&fail, "err.withdraw"));
                    }
                    _ => {
                        // Trainer links and signed attestations are not part of the
                        // publication: they stay for a later one.
                        s.pool.published = None;
                        s.save_pool();
                        s.requests = Loading::Idle;
                        s.views = Loading::Idle;
                        s.go(Screen::Gone);
                    }
                }
            });
        });
    })
}

/// Contact requests: accept (then choose details) or decline.
fn requests(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let head = t("requests.title", lang);
    let body = match &s.requests {
        Loading::Ready(list) if list.is_empty() => html! { <p>{t("requests.none", lang)}</p> },
        Loading::Ready(list) => html! {
            <ul class="open">{ for list.iter().map(|r| request_card(ctx, r)) }</ul>
        },
        other => loading(ctx, other, Screen::Requests).unwrap_or_default(),
    };
    html! {
        <section>
            {title(ctx, head, t("requests.help", lang))}
            <p>{t("requests.help", lang)}</p>
            {error(ctx)}
            {body}
            {nav(ctx, None)}
        </section>
    }
}

fn company(r: &api::RequestView, lang: Lang) -> String {
    if r.company.trim().is_empty() {
        t("requests.someone", lang).to_string()
    } else {
        r.company.clone()
    }
}

fn request_card(ctx: &Ctx, r: &api::RequestView) -> Html {
    let lang = ctx.st.lang;
    let who = company(r, lang);
    let decline = {
        let (ctx, id) = (ctx.clone(), r.id.clone());
        Callback::from(move |_| send_answer(&ctx, &id, None))
    };
    html! {
        <li class="match">
            <h2>{who.clone()}</h2>
            <p class="meta">{tf("requests.when", lang, &[("date", day_of_unix(r.created, lang))])}</p>
            if let Some(opening) = &r.opening_title {
                <p class="meta">{tf("requests.about", lang, &[("opening", opening.clone())])}</p>
            }
            <p>{tf("requests.message", lang, &[("message", r.message.clone())])}</p>
            { match r.status.as_str() {
                "open" => html! {
                    <div class="nav">
                        <button type="button" class="secondary" onclick={decline} disabled={ctx.st.busy}>{t("requests.decline", lang)}</button>
                        <button type="button" class="primary" onclick={ctx.go(Screen::Answer(r.id.clone()))}>{t("requests.accept", lang)}</button>
                    </div>
                },
                "accepted" => html! { <p><strong>{t("requests.accepted", lang)}</strong></p> },
                _ => html! { <p><strong>{t("requests.declined", lang)}</strong></p> },
            } }
        </li>
    }
}

/// Sends an answer (`None`: decline), then shows the requests again.
fn send_answer(ctx: &Ctx, request: &str, contact: Option<Contact>) {
    let Some(p) = ctx.st.pool.published.clone() else { return };
    let accept = contact.is_some();
    ctx.apply(|s| {
        s.busy = true;
        s.error = None;
    });
    let (ctx, request) = (ctx.clone(), request.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        let result = api::answer(&p.id, &p.secret, &request, contact).await;
        let ok = result.is_ok();
        ctx.apply(move |s| {
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
        });
        if ok {
            ctx.fetch_for(&Screen::Requests);
        }
    });
}

/// Accepting one request: which contact details to give (each optional, at least one).
fn answer(ctx: &Ctx, id: &str) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let Loading::Ready(list) = &s.requests else { return requests(ctx) };
    let Some(r) = list.iter().find(|r| r.id == id) else { return requests(ctx) };
    let who = company(r, lang);
    let head = tf("answer.title", lang, &[("company", who.clone())]);
    let field = |key: &'static str,
                 id: &'static str,
                 kind: &'static str,
                 auto: &'static str,
                 value: String,
                 set: fn(&mut St, String)| {
        let oninput = ctx.on(move |s, e: InputEvent| {
            set(s, e.target_unchecked_into::<HtmlInputElement>().value());
            s.error = None;
        });
        html! {
            <>
            <label for={id}>{t(key, lang)}</label>
            <input id={id} type={kind} autocomplete={auto} value={value} {oninput} />
            </>
        }
    };
    let send = {
        let (ctx, id) = (ctx.clone(), id.to_string());
        Callback::from(move |_| {
            let typed = &ctx.st.typed;
            let keep = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
            let contact = Contact {
                name: keep(&typed.name),
                phone: keep(&typed.phone),
                email: keep(&typed.email),
                message: None,
            };
            if contact == Contact::default() {
                ctx.apply(|s| s.error = Some("answer.none"));
            } else {
                send_answer(&ctx, &id, Some(contact));
            }
        })
    };
    html! {
        <section>
            {title(ctx, &head, t("answer.help", lang))}
            <p>{t("answer.help", lang)}</p>
            {field("answer.name", "c-name", "text", "name", s.typed.name.clone(), |s, v| s.typed.name = v)}
            {field("answer.phone", "c-phone", "tel", "tel", s.typed.phone.clone(), |s, v| s.typed.phone = v)}
            {field("answer.email", "c-email", "email", "email", s.typed.email.clone(), |s, v| s.typed.email = v)}
            {error(ctx)}
            {nav(ctx, Some(("answer.send", send)))}
        </section>
    }
}

/// Who looked, in plain words.
fn views(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let head = t("views.title", lang);
    let body = match &s.views {
        Loading::Ready(list) if list.is_empty() => html! { <p>{t("views.none", lang)}</p> },
        Loading::Ready(list) => html! {
            <ul class="lines">{ for list.iter().map(|v| {
                let key = match v.action.as_str() {
                    "listed" if v.times > 1 => "views.listed_times",
                    "listed" => "views.listed",
                    "contact_requested" => "views.contact",
                    "coach_evidence" => "views.coach",
                    "shortlisted" => "views.shortlisted",
                    "note" => "views.note",
                    _ => "views.viewed",
                };
                let values = [("who", v.who.clone()), ("date", day_of_unix(v.at, lang)), ("times", v.times.to_string())];
                html! {
                    <li>
                        {tf(key, lang, &values)}
                        if let Some(opening) = &v.opening_title {
                            <br /><span class="meta">{tf("requests.about", lang, &[("opening", opening.clone())])}</span>
                        }
                        if let Some(note) = v.note.as_ref().filter(|_| v.action == "note") {
                            <blockquote class="note">{note.clone()}</blockquote>
                        }
                    </li>
                }
            }) }</ul>
        },
        other => loading(ctx, other, Screen::Views).unwrap_or_default(),
    };
    html! {
        <section>
            {title(ctx, head, t("views.help", lang))}
            <p>{t("views.help", lang)}</p>
            {body}
            {nav(ctx, None)}
        </section>
    }
}

/// The work processes in the profile, with their titles.
fn processes(s: &St) -> Vec<(String, String, Evidence)> {
    let lang = s.lang;
    let titles = match &s.titles {
        Loading::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let Some(saved) = &s.saved else { return Vec::new() };
    saved
        .profile
        .claims
        .iter()
        .filter_map(|c| match &c.item {
            ItemRef::WorkProcess(id) => {
                let name = titles
                    .as_ref()
                    .and_then(|t| t.iter().find(|(w, _)| w == id).map(|(_, text)| text.get(lang).to_string()))
                    .unwrap_or_else(|| id.clone());
                Some((id.clone(), name, c.evidence))
            }
            _ => None,
        })
        .collect()
}

/// Whether the browser can share (Web Share).
fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("share")).ok())
        .is_some_and(|f| f.is_function())
}

/// Opens the browser's share sheet for `url`.
fn share(url: &str, text: &str) {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    let Ok(f) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")) else { return };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text));
    if let Ok(promise) = f.call1(&navigator, &data) {
        // A cancelled share rejects; that is not an error for the person.
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Workplace trainer evidence: choose work processes, make a one-time link, share it, and
/// collect the signed result.
fn attest(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let head = t("attest.title", lang);
    let list = processes(s);
    let open: Vec<(String, String)> =
        list.iter().filter(|(_, _, e)| *e < Evidence::Practice).map(|(id, n, _)| (id.clone(), n.clone())).collect();
    let make = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let chosen = ctx.st.chosen.clone();
            if chosen.is_empty() {
                ctx.apply(|s| s.error = Some("attest.choose"));
                return;
            }
            if !pool::writable() {
                ctx.apply(|s| s.error = Some("intro.no_storage"));
                return;
            }
            // A link is made for the published profile: the confirmation is bound to it.
            let Some((id, secret)) = ctx.st.pool.published.as_ref().map(|p| (p.id.clone(), p.secret.clone())) else {
                ctx.apply(|s| s.error = Some("attest.publish_first"));
                return;
            };
            ctx.apply(|s| {
                s.busy = true;
                s.error = None;
            });
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::make_link(&id, &secret, &chosen).await;
                ctx.apply(move |s| {
                    s.busy = false;
                    match result {
                        // A link the device asked for always carries the device's part.
                        Ok(api::Link { token, link, claim: Some(claim), expires }) => {
                            s.pool.links.push(TrainerLink { token, claim, link, work_processes: chosen, expires });
                            s.chosen.clear();
                            s.save_pool();
                            s.notice = Some("attest.made");
                        }
                        Ok(_) => s.error = Some("err.link"),
                        Err(fail) => s.error = Some(fail_key(&fail, "err.link")),
                    }
                });
            });
        })
    };
    let titles: Vec<(String, String)> = list.iter().map(|(id, n, _)| (id.clone(), n.clone())).collect();
    html! {
        <section>
            {title(ctx, head, t("attest.help", lang))}
            <p>{t("attest.help", lang)}</p>
            {words(&["praktijkverklaring", "praktijkopleider"], lang, t("speak", lang))}
            if let Some(wait) = loading(ctx, &s.titles, Screen::Attest) {
                {wait}
            }
            if list.is_empty() {
                <p>{t("attest.none", lang)}</p>
            } else if open.is_empty() {
                <p>{t("attest.all_done", lang)}</p>
            } else {
                <fieldset class="checklist">
                    <legend>{t("attest.pick", lang)}</legend>
                    { for open.iter().enumerate().map(|(i, (id, name))| {
                        let on = s.chosen.contains(id);
                        let key = format!("wp-{i}");
                        let id = id.clone();
                        let onchange = ctx.on(move |s, e: Event| {
                            s.chosen.retain(|c| c != &id);
                            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                                s.chosen.push(id.clone());
                            }
                            s.error = None;
                        });
                        html! { <div class="check"><input type="checkbox" id={key.clone()} checked={on} {onchange} /><label for={key}>{name.clone()}</label></div> }
                    }) }
                </fieldset>
                {error(ctx)}
                <div class="nav"><button type="button" class="primary" onclick={make} disabled={s.busy}>{if s.busy { t("busy", lang) } else { t("attest.make", lang) }}</button></div>
            }
            if s.notice == Some("attest.done_publish") {
                <div class="nav"><button type="button" class="primary" onclick={submit(ctx, false)} disabled={s.busy}>{if s.busy { t("busy", lang) } else { t("home.update", lang) }}</button></div>
            }
            if !s.pool.links.is_empty() {
                <h2>{t("attest.links", lang)}</h2>
                <ul class="open">{ for s.pool.links.iter().enumerate().map(|(i, l)| link_card(ctx, i, l, &titles)) }</ul>
            }
            {nav(ctx, None)}
        </section>
    }
}

fn link_card(ctx: &Ctx, i: usize, l: &TrainerLink, titles: &[(String, String)]) -> Html {
    let lang = ctx.st.lang;
    let names: Vec<String> = l
        .work_processes
        .iter()
        .map(|w| titles.iter().find(|(id, _)| id == w).map(|(_, n)| n.clone()).unwrap_or_else(|| w.clone()))
        .collect();
    let copied = ctx.st.copied.as_deref() == Some(l.token.as_str());
    let copy = {
        let (link, token) = (l.link.clone(), l.token.clone());
        ctx.on(move |s, _: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&link);
                s.copied = Some(token.clone());
            }
        })
    };
    let share_it = {
        let (link, text) = (l.link.clone(), t("attest.share_text", lang));
        Callback::from(move |_: MouseEvent| share(&link, text))
    };
    let input = format!("link-{i}");
    html! {
        <li class="match">
            <ul class="lines">{ for names.iter().map(|n| html! { <li>{n.clone()}</li> }) }</ul>
            <p class="meta">{tf("attest.expires", lang, &[("date", day_of_unix(l.expires, lang))])}</p>
            <label for={input.clone()}>{t("attest.link", lang)}</label>
            <input id={input} readonly=true value={l.link.clone()} />
            <div class="nav">
                <button type="button" class="secondary" onclick={copy}>{if copied { t("attest.copied", lang) } else { t("attest.copy", lang) }}</button>
                if can_share() {
                    <button type="button" class="secondary" onclick={share_it}>{t("attest.share", lang)}</button>
                }
                <button type="button" class="primary" onclick={collect(ctx, l.clone())} disabled={ctx.st.busy}>{t("attest.check", lang)}</button>
            </div>
        </li>
    }
}

/// Fetches a link's signed result; once the trainer confirmed, keeps the signatures, marks those
/// work processes "shown at work" in the app's profile, and drops the link.
fn collect(ctx: &Ctx, link: TrainerLink) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |_| {
        ctx.apply(|s| {
            s.busy = true;
            s.error = None;
            s.notice = None;
        });
        let (ctx, link) = (ctx.clone(), link.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = api::link_result(&link.token, &link.claim).await;
            let profile = match &result {
                Ok(r) if r.done => pool::apply_attestations(&r.attestations),
                _ => None,
            };
            ctx.apply(move |s| {
                s.busy = false;
                match result {
                    Ok(r) if r.done => {
                        s.pool
                            .attestations
                            .retain(|a| !r.attestations.iter().any(|b| b.work_process == a.work_process));
                        s.pool.attestations.extend(r.attestations);
                        s.pool.links.retain(|l| l.token != link.token);
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
                    Err(ApiError { code, .. }) if code == "not_found" => {
                        s.pool.links.retain(|l| l.token != link.token);
                        s.save_pool();
                        s.error = Some("attest.expired");
                    }
                    Err(fail) => s.error = Some(fail_key(&fail, "err.load")),
                }
            });
        });
    })
}

/// After withdrawing.
fn gone(ctx: &Ctx) -> Html {
    let lang = ctx.st.lang;
    let head = t("gone.title", lang);
    html! {
        <section>
            {title(ctx, head, t("gone.body", lang))}
            <p role="status">{t("gone.body", lang)}</p>
            <div class="nav">
                <button type="button" class="secondary" onclick={ctx.go(Screen::Intro)}>{t("gone.again", lang)}</button>
                <a class="button primary" href="./">{t("nav.app", lang)}</a>
            </div>
        </section>
    }
}
