//! The question screens of the flow: one question per screen, back and skip always there.

use crate::app::state::{Msg, Screen, SOFT_QUESTIONS};
use crate::app::texts::{t, tf};
use crate::app::Ctx;
use crate::shared::level_dots;
use crate::shared::speech::speak_labelled;
use crate::shared::words::words;
use matching_core::{good_matches, lookup, Date, Evidence, ItemKind, ItemRef, Lang, Level, Shift};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Screen title: focusable, with "question n of m" and the read-aloud button (which reads the
/// title and `more`). Plain functions, not components: each component costs the app bytes.
pub fn title(ctx: &Ctx, text: &str, more: &str) -> Html {
    title_in(ctx, text, more, None)
}

/// [`title`] with the title's own language (`lang` on its element) when that is not the page's.
pub fn title_in(ctx: &Ctx, text: &str, more: &str, own: Option<&'static str>) -> Html {
    let lang = ctx.lang();
    let step = ctx.state.screen.step();
    html! {
        <div class="title">
            if let Some(n) = step {
                <p class="progress">
                    {tf("progress", lang, &[("n", n.to_string()), ("total", Screen::STEPS.to_string())])}
                    <progress max={Screen::STEPS.to_string()} value={n.to_string()} aria-hidden="true"></progress>
                </p>
            }
            <h1 id="screen-title" tabindex="-1" lang={own}>{text.to_string()}</h1>
            {speak(&format!("{text} {more}"), lang)}
        </div>
    }
}

/// What "skip" does on a screen.
pub enum Skip {
    /// No skip button.
    No,
    /// Go on, leaving the answer as it is.
    Plain,
    /// Send this first (usually: make the answer unknown), then go on.
    Send(Msg),
}

/// Back, skip and next (sending `on_next` first).
pub fn nav(ctx: &Ctx, skip: Skip, on_next: Option<Msg>) -> Html {
    let screen = ctx.state.screen.clone();
    let go = |extra: Option<Msg>| {
        let state = ctx.state.clone();
        let next = screen.next();
        Callback::from(move |_: MouseEvent| {
            if let Some(msg) = extra.clone() {
                state.dispatch(msg);
            }
            state.dispatch(Msg::Go(next.clone()));
        })
    };
    html! {
        <div class="nav">
            <button type="button" class="secondary" onclick={ctx.send(Msg::Go(screen.back()))}>{"← "}{ctx.t("nav.back")}</button>
            if !matches!(skip, Skip::No) {
                <button type="button" class="secondary" onclick={go(match skip { Skip::Send(msg) => Some(msg), _ => None })}>{ctx.t("nav.skip")}</button>
            }
            <button type="button" class="primary" onclick={go(on_next)}>{ctx.t("nav.next")}{" →"}</button>
        </div>
    }
}

/// Back (to [`Screen::back`]) and, on screens after the questions, a link onwards: `(text, screen)`.
pub fn links(ctx: &Ctx, next: Option<(&str, Screen)>) -> Html {
    html! {
        <div class="nav">
            <button type="button" class="secondary" onclick={ctx.send(Msg::Go(ctx.state.screen.back()))}>{"← "}{ctx.t("nav.back")}</button>
            if let Some((text, screen)) = next {
                <button type="button" class="primary" onclick={ctx.send(Msg::Go(screen))}>{text.to_string()}{" →"}</button>
            }
        </div>
    }
}

/// Start: what the app does, strengths first.
pub fn start(ctx: &Ctx) -> Html {
    let more = format!("{} {}", ctx.t("start.body1"), ctx.t("start.body2"));
    let resume = ctx.state.resumed && !ctx.state.profile.claims.is_empty();
    html! {
        <section>
            {title(ctx, ctx.t("start.title"), &more)}
            <p class="lead">{ctx.t("start.body1")}</p>
            <p>{ctx.t("start.body2")}</p>
            <div class="nav">
                <button type="button" class="primary" onclick={ctx.send(Msg::Go(Screen::Soft(0)))}>{ctx.t("start.go")}{" →"}</button>
                if resume {
                    <button type="button" class="secondary" onclick={ctx.send(Msg::Go(Screen::Results))}>{ctx.t("start.resume")}</button>
                }
            </div>
        </section>
    }
}

/// A pictogram for an icon name; a star where we have none.
pub fn pictogram(icon: &str) -> &'static str {
    match icon {
        "clock" | "alarm-clock" => "⏰",
        "calendar-check" | "calendar" => "📅",
        "handshake" => "🤝",
        "ear" => "👂",
        "message-circle" | "messages-square" | "message-square" => "💬",
        "users" | "users-round" => "👥",
        "shield-check" | "shield" => "🛡️",
        "smile" | "heart-handshake" | "heart" => "🙂",
        "lightbulb" => "💡",
        "book-open" | "graduation-cap" => "📘",
        "target" | "flag" => "🎯",
        "circle-help" | "hand" | "hand-helping" => "✋",
        "list-checks" | "clipboard-check" => "📋",
        "sparkles" => "✨",
        "scissors" => "✂️",
        "puzzle" => "🧩",
        "life-buoy" => "🛟",
        "triangle-alert" => "⚠️",
        "thumbs-up" => "👍",
        "zap" => "⚡",
        "gauge" | "timer" => "⏱️",
        "lock" => "🔒",
        "shirt" => "👕",
        "phone" | "smartphone" => "📱",
        "mountain" | "trending-up" => "⛰️",
        "compass" | "route" => "🧭",
        "repeat" | "refresh-cw" => "🔄",
        "star" => "⭐",
        _ => "⭐",
    }
}

/// The read-aloud button for `text`, labelled from the app's table; nothing without a voice.
pub fn speak(text: &str, lang: Lang) -> Html {
    speak_labelled(text, lang, t("speak", lang))
}

/// One soft-skill question with four answers, each with a picture.
pub fn soft_question(ctx: &Ctx, index: usize) -> Html {
    let lang = ctx.lang();
    let skills = &ctx.data.taxonomy.data().soft_skills;
    let Some(skill) = skills.get(index.min(SOFT_QUESTIONS - 1)) else {
        return html! { {nav(ctx, Skip::No, None)} };
    };
    let item = ItemRef::SoftSkill(skill.id.clone());
    let chosen = ctx.state.claim(&item).map(|c| c.level.get());
    let question = skill.questions[index % skill.questions.len().max(1)].get(lang).to_string();
    let answers: Vec<String> = skill.levels.iter().map(|l| l.get(lang).to_string()).collect();
    let spoken = answers.iter().enumerate().map(|(i, a)| format!("{}. {a}", i + 1)).collect::<Vec<_>>().join(" ");
    let next = ctx.state.screen.next();
    html! {
        <section>
            {title(ctx, &question, &spoken)}
            <p class="skill-name"><span aria-hidden="true" class="icon">{pictogram(&skill.icon)}</span>{" "}{skill.label.get(lang)}</p>
            <fieldset class="answers">
                <legend class="sr-only">{question}</legend>
                { for answers.iter().enumerate().map(|(i, answer)| {
                    let level = (i + 1) as u8;
                    let state = ctx.state.clone();
                    let (item, next) = (item.clone(), next.clone());
                    let onclick = Callback::from(move |_| {
                        state.dispatch(Msg::Claim(item.clone(), Level::new(level).unwrap_or(Level::WITH_HELP), Evidence::Self_));
                        state.dispatch(Msg::Go(next.clone()));
                    });
                    html! {
                        <button type="button" class="answer" aria-pressed={(chosen == Some(level)).to_string()} {onclick}>
                            {level_dots(level)}<span>{answer.clone()}</span>
                        </button>
                    }
                }) }
            </fieldset>
            {nav(ctx, Skip::Send(Msg::Unclaim(item.clone())), None)}
            <button type="button" class="link" onclick={ctx.send(Msg::Go(Screen::Skills))}>{ctx.t("soft.stop")}</button>
        </section>
    }
}

/// The level names, for selects.
fn level_options(lang: Lang, selected: u8) -> Html {
    html! {
        { for (1..=4u8).map(|l| html! {
            <option value={l.to_string()} selected={l == selected}>{t(&format!("level.{l}"), lang)}</option>
        }) }
    }
}

/// Hard skills: search as you type (typos welcome) and popular skills by sector.
pub fn skills(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let ui = &ctx.state.ui;
    let query = &ui.query;
    let sector = ui.sector.as_deref().unwrap_or("log");
    let taxonomy = &ctx.data.taxonomy;
    let hits = good_matches(lookup(taxonomy, query, 8));
    let oninput = ctx.edit(|ui, e: InputEvent| ui.query = e.target_unchecked_into::<HtmlInputElement>().value());
    let onsector = ctx.edit(|ui, e: Event| ui.sector = Some(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let add = |item: ItemRef| {
        let evidence = if item.kind() == ItemKind::Certificate { Evidence::Formal } else { Evidence::Self_ };
        ctx.send(Msg::Claim(item, Level::ON_MY_OWN_SIMPLE, evidence))
    };
    let popular: Vec<_> = taxonomy.data().skills.iter().filter(|s| s.sector == sector).take(10).collect();
    let mine: Vec<_> = ctx.state.profile.claims.iter().filter(|c| c.item.kind() == ItemKind::Skill).cloned().collect();
    html! {
        <section>
            {title(ctx, ctx.t("skills.title"), "")}
            <label for="skill-search">{ctx.t("skills.search")}</label>
            <input id="skill-search" type="search" autocomplete="off" value={query.clone()} {oninput} />
            if !query.trim().is_empty() {
                <ul class="hits" aria-live="polite">
                    if hits.is_empty() { <li>{ctx.t("skills.none")}</li> }
                    { for hits.iter().map(|hit| {
                        let have = ctx.state.claim(&hit.item).is_some();
                        html! {
                            <li><button type="button" class="chip" aria-pressed={have.to_string()} onclick={add(hit.item.clone())}>
                                {if have { "✓ " } else { "+ " }}{taxonomy.name(&hit.item, lang)}
                            </button></li>
                        }
                    }) }
                </ul>
            }
            <h2>{ctx.t("skills.popular")}</h2>
            <label for="sector">{ctx.t("skills.sector")}</label>
            <select id="sector" onchange={onsector}>
                { for taxonomy.data().sectors.iter().map(|s| html! {
                    <option value={s.id.clone()} selected={s.id == sector}>{s.label.get(lang)}</option>
                }) }
            </select>
            <ul class="chips">
                { for popular.iter().map(|s| {
                    let item = ItemRef::Skill(s.id.clone());
                    let have = ctx.state.claim(&item).is_some();
                    html! { <li><button type="button" class="chip" aria-pressed={have.to_string()} onclick={add(item.clone())}>
                        {if have { "✓ " } else { "+ " }}{taxonomy.name(&item, lang)}</button></li> }
                }) }
            </ul>
            <h2>{ctx.t("skills.yours")}</h2>
            if mine.is_empty() { <p>{ctx.t("skills.empty")}</p> }
            <ul class="mine">
                { for mine.iter().map(|claim| {
                    let name = taxonomy.name(&claim.item, lang);
                    let id = format!("level-{}", claim.item.id());
                    let onchange = {
                        let (state, item, evidence) = (ctx.state.clone(), claim.item.clone(), claim.evidence);
                        Callback::from(move |e: Event| {
                            let value: u8 = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(2);
                            state.dispatch(Msg::Claim(item.clone(), Level::new(value).unwrap_or(Level::ON_MY_OWN_SIMPLE), evidence));
                        })
                    };
                    html! {
                        <li>
                            <span class="name">{name.clone()}</span>
                            <label for={id.clone()} class="sr-only">{format!("{} {name}", ctx.t("level.label"))}</label>
                            <select id={id} {onchange}>{level_options(lang, claim.level.get())}</select>
                            <button type="button" class="secondary small" aria-label={format!("{} {name}", ctx.t("skills.remove"))}
                                onclick={ctx.send(Msg::Unclaim(claim.item.clone()))}>{"✕"}</button>
                        </li>
                    }
                }) }
            </ul>
            {nav(ctx, Skip::Plain, None)}
        </section>
    }
}

/// The certificate checklist, with "I don't know" per certificate and for the whole list.
pub fn certificates(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let profile = &ctx.state.profile;
    html! {
        <section>
            {title(ctx, ctx.t("certs.title"), ctx.t("certs.help"))}
            <p>{ctx.t("certs.help")}</p>
            {words(&["vca", "bhv"], lang, ctx.t("speak"))}
            <ul class="checklist">
                { for ctx.data.taxonomy.data().certificates.iter().map(|c| {
                    let item = ItemRef::Certificate(c.id.clone());
                    let have = ctx.state.claim(&item).is_some();
                    let unsure = profile.answered.unsure.contains(&item);
                    let id = format!("cert-{}", c.id);
                    let onchange = {
                        let (state, item) = (ctx.state.clone(), item.clone());
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            state.dispatch(if on { Msg::Claim(item.clone(), Level::CAN_TEACH, Evidence::Formal) } else { Msg::Unclaim(item.clone()) });
                        })
                    };
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} checked={have} {onchange} />
                            <label for={id}>{c.label.get(lang)}</label>
                            <button type="button" class="secondary small" aria-pressed={unsure.to_string()}
                                aria-label={format!("{}: {}", ctx.t("certs.unknown"), c.label.get(lang))}
                                onclick={ctx.send(Msg::Unsure(item.clone(), !unsure))}>{ctx.t("certs.unknown")}</button>
                        </li>
                    }
                }) }
            </ul>
            {nav(ctx, Skip::Send(Msg::CertificatesAnswered(false)), Some(Msg::CertificatesAnswered(true)))}
        </section>
    }
}

fn evidence_key(e: Evidence) -> &'static str {
    match e {
        Evidence::Self_ => "wp.who.self",
        Evidence::Coach => "wp.who.coach",
        Evidence::Practice => "wp.who.practice",
        Evidence::Formal => "wp.who.formal",
    }
}

/// Work processes: pick a qualification, tick what you did, say who saw it.
pub fn work_processes(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    // Only qualifications with work processes to tick (many list only crebo, name and level).
    let quals: Vec<_> = ctx.data.taxonomy.data().qualifications.iter().filter(|q| !q.core_tasks.is_empty()).collect();
    let chosen = ctx.state.ui.qualification.as_deref().or(quals.first().map(|q| q.id.as_str())).unwrap_or_default();
    let onqual =
        ctx.edit(|ui, e: Event| ui.qualification = Some(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let qual = quals.iter().find(|q| q.id == chosen);
    html! {
        <section>
            {title(ctx, ctx.t("wp.title"), ctx.t("wp.help"))}
            <p>{ctx.t("wp.help")}</p>
            {words(&["werkproces"], lang, ctx.t("speak"))}
            <label for="qualification">{ctx.t("wp.choose")}</label>
            <select id="qualification" onchange={onqual}>
                { for quals.iter().map(|q| html! {
                    <option value={q.id.clone()} selected={q.id == chosen}>{q.name.get(lang)}</option>
                }) }
            </select>
            if let Some(q) = qual {
                <ul class="checklist wps">
                    { for q.core_tasks.iter().flat_map(|task| task.work_processes.iter()).map(|wp| {
                        let item = ItemRef::WorkProcess(wp.id.clone());
                        let claim = ctx.state.claim(&item).cloned();
                        let id = format!("wp-{}", wp.id);
                        let onchange = {
                            let (state, item) = (ctx.state.clone(), item.clone());
                            Callback::from(move |e: Event| {
                                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                state.dispatch(match Evidence::from_code(&value) {
                                    Some(e) => Msg::Claim(item.clone(), Level::ON_MY_OWN, e),
                                    None => Msg::Unclaim(item.clone()),
                                });
                            })
                        };
                        let current = claim.map(|c| c.evidence);
                        html! {
                            <li class="wp">
                                <label for={id.clone()}>{match wp.shown_code() {
                                    Some(code) => format!("{code} — {}", wp.title.get(lang)),
                                    None => wp.title.get(lang).to_string(),
                                }}
                                if let Some(plain) = &wp.plain { <br /><span class="hint">{plain.get(lang)}</span> }
                                </label>
                                <select id={id} {onchange}>
                                    <option value="none" selected={current.is_none()}>{ctx.t("wp.none")}</option>
                                    { for Evidence::ALL.iter().map(|e| html! {
                                        <option value={e.code()}
                                            selected={current == Some(*e)}>{t(evidence_key(*e), lang)}</option>
                                    }) }
                                </select>
                            </li>
                        }
                    }) }
                </ul>
            }
            {words(&["praktijkopleider", "kwalificatie", "entree", "crebo"], lang, ctx.t("speak"))}
            {nav(ctx, Skip::Send(Msg::WorkProcessesAnswered(false)), Some(Msg::WorkProcessesAnswered(true)))}
        </section>
    }
}

/// The shared number screen.
/// A number question (hours, km) with big minus and plus buttons; `set` stores the value, `skip`
/// is what "skip" sends.
#[allow(clippy::too_many_arguments)]
fn number_screen(
    ctx: &Ctx,
    title_key: &'static str,
    unit: &'static str,
    value: Option<u16>,
    step: u16,
    max: u16,
    set: Callback<Option<u16>>,
    skip: Msg,
) -> Html {
    let change = |delta: i32| {
        let set = set.clone();
        let base = value.unwrap_or(0) as i32;
        Callback::from(move |_: MouseEvent| set.emit(Some((base + delta).clamp(0, max as i32) as u16)))
    };
    let oninput = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(text.parse::<u16>().ok().map(|v| v.min(max)));
        })
    };
    html! {
        <section>
            {title(ctx, ctx.t(title_key), "")}
            <div class="number">
                <button type="button" class="secondary big" aria-label="-" onclick={change(-(step as i32))}>{"−"}</button>
                <input id="number" type="number" inputmode="numeric" min="0" max={max.to_string()}
                    value={value.map(|v| v.to_string()).unwrap_or_default()} {oninput} aria-describedby="unit" aria-labelledby="screen-title" />
                <button type="button" class="secondary big" aria-label="+" onclick={change(step as i32)}>{"+"}</button>
            </div>
            <p id="unit" class="unit">{ctx.t(unit)}</p>
            {nav(ctx, Skip::Send(skip), None)}
        </section>
    }
}

/// Maximum hours per week.
pub fn hours(ctx: &Ctx) -> Html {
    let state = ctx.state.clone();
    let set = Callback::from(move |v: Option<u16>| state.dispatch(Msg::Hours(v.map(|v| v.min(60) as u8))));
    let value = ctx.state.profile.practical.max_hours_per_week.map(u16::from);
    number_screen(ctx, "hours.title", "hours.unit", value, 4, 60, set, Msg::Hours(None))
}

/// How far the person can travel.
pub fn travel(ctx: &Ctx) -> Html {
    let state = ctx.state.clone();
    let set = Callback::from(move |v: Option<u16>| state.dispatch(Msg::Travel(v)));
    let value = ctx.state.profile.practical.max_travel_km;
    number_screen(ctx, "travel.title", "travel.unit", value, 5, 200, set, Msg::Travel(None))
}

/// Days and shifts.
pub fn shifts(ctx: &Ctx) -> Html {
    let have = ctx.state.profile.practical.shifts.clone().unwrap_or_default();
    html! {
        <section>
            {title(ctx, ctx.t("shifts.title"), "")}
            <fieldset class="checklist">
                <legend class="sr-only">{ctx.t("shifts.title")}</legend>
                { for Shift::ALL.iter().map(|shift| {
                    let key = match shift { Shift::Day => "shift.day", Shift::Evening => "shift.evening", Shift::Night => "shift.night", Shift::Weekend => "shift.weekend" };
                    let on = have.contains(shift);
                    let id = format!("shift-{key}");
                    let onchange = {
                        let (state, shift) = (ctx.state.clone(), *shift);
                        Callback::from(move |e: Event| state.dispatch(Msg::Shift(shift, e.target_unchecked_into::<HtmlInputElement>().checked())))
                    };
                    html! { <div class="check"><input type="checkbox" id={id.clone()} checked={on} {onchange} /><label for={id}>{ctx.t(key)}</label></div> }
                }) }
            </fieldset>
            {nav(ctx, Skip::Send(Msg::ShiftsUnknown), None)}
        </section>
    }
}

/// Home town, from the list of known towns.
pub fn town(ctx: &Ctx) -> Html {
    let taxonomy = &ctx.data.taxonomy;
    let typed =
        ctx.state.ui.town.as_ref().or(ctx.state.profile.practical.home_town.as_ref()).cloned().unwrap_or_default();
    let oninput = {
        let (state, towns) = (ctx.state.clone(), ctx.data.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let known = towns
                .taxonomy
                .data()
                .towns
                .iter()
                .find(|t| matching_core::normalize(&t.name) == matching_core::normalize(&value));
            // The typed text first: the town message keeps it (a new message starts from the state).
            let mut ui = state.ui.clone();
            ui.town = Some(value);
            state.dispatch(Msg::Ui(Box::new(ui)));
            state.dispatch(Msg::Town(known.map(|t| t.name.clone())));
        })
    };
    let unknown = !typed.trim().is_empty() && !taxonomy.has_town(&typed);
    html! {
        <section>
            {title(ctx, ctx.t("town.title"), "")}
            <label for="town">{ctx.t("town.label")}</label>
            <input id="town" list="towns" autocomplete="off" value={typed.clone()} {oninput} aria-describedby="town-help" />
            <datalist id="towns">
                { for taxonomy.data().towns.iter().map(|t| html! { <option value={t.name.clone()} /> }) }
            </datalist>
            <p id="town-help" class={if unknown { "error" } else { "sr-only" }} role={if unknown { "alert" } else { "none" }}>
                { if unknown { ctx.t("town.unknown") } else { "" } }
            </p>
            {nav(ctx, Skip::Send(Msg::Town(None)), None)}
        </section>
    }
}

/// From when the person can start.
pub fn from(ctx: &Ctx) -> Html {
    let value = ctx.state.profile.practical.available_from.map(|d| d.to_string()).unwrap_or_default();
    let oninput = {
        let state = ctx.state.clone();
        Callback::from(move |e: InputEvent| {
            state.dispatch(Msg::From(Date::parse(&e.target_unchecked_into::<HtmlInputElement>().value())))
        })
    };
    html! {
        <section>
            {title(ctx, ctx.t("from.title"), "")}
            <label for="from">{ctx.t("from.label")}</label>
            <input id="from" type="date" {value} {oninput} />
            {nav(ctx, Skip::Send(Msg::From(None)), None)}
        </section>
    }
}
