//! The pool page's screens, as plain functions over [`Ctx`]: the consent questions one per
//! screen, then what is published, requests, who looked, trainer links and withdrawal.

use super::api::{self, Contact};
use super::pool::{self, TrainerLink};
use super::texts::{t, tf};
use super::{day_of, day_of_unix, fail_key, io, today, Action, Ctx, Detail, Screen, St};
use crate::shared::api::Loading;
use crate::shared::speech::speak_labelled;
use crate::shared::words::words;
use matching_core::{Date, Evidence, ItemRef, Lang, Parts};
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
                onclick={ctx.on(move |_: MouseEvent| Action::Lang(other))}>{t("lang.switch", lang)}</button>
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
        Some(key) => ctx2.send(Action::Error(key)),
        None => io::open(&ctx2, ctx2.st.screen.next()),
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
            ctx2.send(Action::Begin(Date::from_day_number(today() + DEFAULT_DAYS).to_string()));
            io::open(&ctx2, Screen::Parts);
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
                    let onchange =
                        ctx.on(move |e: Event| Action::Part(i, e.target_unchecked_into::<HtmlInputElement>().checked()));
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
                    let onclick = ctx.on(move |_: MouseEvent| Action::Region(id.clone(), name.clone()));
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
    let oninput = ctx.on(|e: InputEvent| Action::Until(e.target_unchecked_into::<HtmlInputElement>().value()));
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
        let onclick = ctx.on(move |_: MouseEvent| Action::Coach(value));
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

/// Publishes or updates: with the draft (`from_draft`) or with the consent as published.
fn submit(ctx: &Ctx, from_draft: bool) -> Callback<MouseEvent> {
    ctx.run(if from_draft { |ctx| io::publish(ctx, true) } else { |ctx| io::publish(ctx, false) })
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
    let edit = ctx.run(|ctx| {
        ctx.send(Action::Edit);
        io::open(ctx, Screen::Parts);
    });
    let withdraw = ctx.run(io::withdraw);
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
                    <button type="button" class="secondary" onclick={ctx.on(|_: MouseEvent| Action::Confirm(false))}>{t("home.withdraw_no", lang)}</button>
                </div>
            } else {
                <button type="button" class="danger" onclick={ctx.on(|_: MouseEvent| Action::Confirm(true))}>{t("home.withdraw", lang)}</button>
            }
        </section>
    }
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
        Callback::from(move |_| io::answer(&ctx, &id, None))
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

/// Accepting one request: which contact details to give (each optional, at least one).
fn answer(ctx: &Ctx, id: &str) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let Loading::Ready(list) = &s.requests else { return requests(ctx) };
    let Some(r) = list.iter().find(|r| r.id == id) else { return requests(ctx) };
    let who = company(r, lang);
    let head = tf("answer.title", lang, &[("company", who.clone())]);
    let field =
        |key: &'static str, id: &'static str, kind: &'static str, auto: &'static str, value: String, detail: Detail| {
            let oninput = ctx
                .on(move |e: InputEvent| Action::Type(detail, e.target_unchecked_into::<HtmlInputElement>().value()));
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
                ctx.send(Action::Error("answer.none"));
            } else {
                io::answer(&ctx, &id, Some(contact));
            }
        })
    };
    html! {
        <section>
            {title(ctx, &head, t("answer.help", lang))}
            <p>{t("answer.help", lang)}</p>
            {field("answer.name", "c-name", "text", "name", s.typed.name.clone(), Detail::Name)}
            {field("answer.phone", "c-phone", "tel", "tel", s.typed.phone.clone(), Detail::Phone)}
            {field("answer.email", "c-email", "email", "email", s.typed.email.clone(), Detail::Email)}
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

/// Workplace trainer evidence: choose work processes, make a one-time link, share it, and
/// collect the signed result.
fn attest(ctx: &Ctx) -> Html {
    let s = &*ctx.st;
    let lang = s.lang;
    let head = t("attest.title", lang);
    let list = processes(s);
    let open: Vec<(String, String)> =
        list.iter().filter(|(_, _, e)| *e < Evidence::Practice).map(|(id, n, _)| (id.clone(), n.clone())).collect();
    let make = ctx.run(io::make_link);
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
                        let onchange = ctx.on(move |e: Event| {
                            Action::Choose(id.clone(), e.target_unchecked_into::<HtmlInputElement>().checked())
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
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| io::copy(&ctx, &link, &token))
    };
    let share_it = {
        let (link, text) = (l.link.clone(), t("attest.share_text", lang));
        Callback::from(move |_: MouseEvent| io::share(&link, text))
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
                if io::can_share() {
                    <button type="button" class="secondary" onclick={share_it}>{t("attest.share", lang)}</button>
                }
                <button type="button" class="primary" onclick={{ let (ctx, l) = (ctx.clone(), l.clone()); Callback::from(move |_| io::collect(&ctx, &l)) }} disabled={ctx.st.busy}>{t("attest.check", lang)}</button>
            </div>
        </li>
    }
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
