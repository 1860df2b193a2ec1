//! Results, one match explained, and the next step with the qualification ladder. The numbers and
//! sentences come from matching-core; this file only lays them out.

use crate::app::screens::{links, speak, title, title_in};
use crate::app::state::{Msg, Screen};
use crate::app::texts::{kind_key, ladder_key, route_key, t, tn};
use crate::app::Ctx;
use crate::shared::i18n::fill;
use crate::shared::words::words;
use matching_core::{advise, progress, text, ItemKind, Lang, Opening};
use yew::prelude::*;

/// How many matches the list shows at first.
const SHOWN: usize = 20;

fn heading(o: &Opening, lang: Lang) -> String {
    format!("{} · {} · {}–{} {}", t(route_key(o.route), lang), o.place, o.hours.min, o.hours.max, t("hours.unit", lang))
}

/// An opening's title in the chosen language, and `Some("nl")` for its element when the title is
/// someone's own text that is not known to be in that language.
pub fn name(ctx: &Ctx, o: &Opening) -> (String, Option<&'static str>) {
    let (title, known) = vaardig_demo::title_in(&ctx.data.taxonomy, o, ctx.lang());
    (title, known.is_none().then_some("nl"))
}

/// The list of matches, each with why in words first; and,
/// separately, what does not fit and why.
pub fn results(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let more = ctx.state.ui.more;
    let ranking = ctx.data.ranking(&ctx.state.profile, SHOWN * 3);
    let openings = ctx.data.pool.openings();
    let matches = &ranking.matches;
    let shown = if more { matches.len() } else { SHOWN.min(matches.len()) };
    let count = tn("results.count", lang, ranking.ranked_total);
    html! {
        <section>
            {title(ctx, ctx.t("results.title"), &count)}
            <p>{count}</p>
            if matches.is_empty() { <p>{ctx.t("results.none")}</p> }
            <ol class="matches">
                { for matches.iter().take(shown).map(|r| {
                    let o = &openings[r.index];
                    let (title, own) = name(ctx, o);
                    let why = text::why(&ctx.data.taxonomy, &r.explanation, lang);
                    html! {
                        <li class="match">
                            <h2 lang={own}>{title.clone()}</h2>
                            {speak(&format!("{title}. {why}"), lang)}
                            <p class="meta">{heading(o, lang)}</p>
                            <p>{why}</p>
                            <button type="button" class="secondary" onclick={ctx.send(Msg::Go(Screen::Detail(o.id.clone())))}
                                aria-label={format!("{}: {title}", ctx.t("results.open"))}>{ctx.t("results.open")}</button>
                        </li>
                    }
                }) }
            </ol>
            if !more && matches.len() > SHOWN {
                <button type="button" class="secondary" onclick={ctx.edit(|ui, _: MouseEvent| ui.more = true)}>{ctx.t("results.more")}</button>
            }
            if !ranking.knocked_out.is_empty() {
                <h2 id="not-fit">{ctx.t("results.not_fit")}</h2>
                <ul class="not-fit" aria-labelledby="not-fit">
                    { for ranking.knocked_out.iter().take(SHOWN).map(|r| {
                        let o = &openings[r.index];
                        let (title, own) = name(ctx, o);
                        let reasons: Vec<String> = r.explanation.knock_outs.iter().map(|k| text::knock_out(k, lang)).collect();
                        html! { <li><strong lang={own}>{title}</strong>{" — "}{heading(o, lang)}<br />{reasons.join(" ")}</li> }
                    }) }
                </ul>
            }
            {words(&["moet_eis", "ontwikkelbaan", "bbl", "leerwerktraject", "stage"], lang, ctx.t("speak"))}
            {links(ctx, Some((ctx.t("nav.next_step"), Screen::NextStep)))}
        </section>
    }
}

/// One match explained: why in words first, then the score, the sub-scores and every requirement
/// as a line with its numbers.
pub fn detail(ctx: &Ctx, id: &str) -> Html {
    let lang = ctx.lang();
    let taxonomy = &ctx.data.taxonomy;
    let Some(opening) = ctx.data.pool.openings().iter().find(|o| o.id == id) else {
        return html! { <button type="button" onclick={ctx.send(Msg::Go(Screen::Results))}>{ctx.t("nav.back")}</button> };
    };
    let e = matching_core::explain(taxonomy, &ctx.state.profile, opening);
    let (name, own) = name(ctx, opening);
    let lines: Vec<String> = e.lines.iter().map(|l| text::line(taxonomy, l, lang)).collect();
    let why = text::why(taxonomy, &e, lang);
    let spoken = format!("{why} {}", lines.join(". "));
    html! {
        <section>
            {title_in(ctx, &name, &spoken, own)}
            <p class="meta">{heading(opening, lang)}</p>
            <p><strong>{why}</strong></p>
            <p class="score">{text::summary(&e, lang)}</p>
            <h2>{ctx.t("detail.lines")}</h2>
            <ul class="lines">
                { for ItemKind::ALL.iter().filter_map(|&k| e.sub_scores.get(k).map(|s| html! { <li>{t(kind_key(k), lang)}{": "}{s.percent()}</li> })) }
                { for lines.into_iter().map(|l| html! { <li>{l}</li> }) }
            </ul>
            {words(&["moet_eis"], lang, ctx.t("speak"))}
            if !e.knock_outs.is_empty() {
                <h2>{ctx.t("results.not_fit")}</h2>
                <ul>{ for e.knock_outs.iter().map(|k| html! { <li>{text::knock_out(k, lang)}</li> }) }</ul>
            }
            if !e.open_practical.is_empty() {
                <ul class="open">{ for e.open_practical.iter().map(|q| html! { <li>{text::open_question(*q, lang)}</li> }) }</ul>
            }
            {links(ctx, None)}
        </section>
    }
}

/// The next small step, and progress per qualification.
pub fn next_step(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let taxonomy = &ctx.data.taxonomy;
    let advice = advise(taxonomy, &ctx.state.profile, &ctx.data.pool, 3);
    let ladder = progress(taxonomy, &ctx.state.profile);
    let fits = tn("next.fits", lang, advice.fits_now as usize);
    let steps: Vec<String> = advice.steps.iter().map(|s| text::step(taxonomy, s, lang)).collect();
    let spoken = format!("{fits} {}", steps.join(" "));
    html! {
        <section>
            {title(ctx, ctx.t("next.title"), &spoken)}
            <p>{fits}</p>
            if steps.is_empty() { <p>{ctx.t("next.none")}</p> }
            <ol class="steps">
                { for steps.iter().enumerate().map(|(i, s)| html! { <li class={if i == 0 { "step first" } else { "step" }}>{s.clone()}</li> }) }
            </ol>
            <h2>{ctx.t("next.ladder")}</h2>
            <p class="hint">{ctx.t("next.ladder_help")}</p>
            {words(&["praktijkverklaring", "mbo_certificaat"], lang, ctx.t("speak"))}
            <ul class="ladder">
                { for ladder.iter().filter(|p| p.done + p.ready > 0).take(5).map(|p| {
                    let name = taxonomy.data().qualifications.iter().find(|q| q.id == p.qualification).map(|q| q.name.get(lang).to_string()).unwrap_or_default();
                    html! {
                        <li>
                            <strong>{name}</strong>{" · "}{t(ladder_key(p.ladder), lang)}<br />
                            {fill(&tn("next.progress", lang, p.total as usize), &[("done", p.done.to_string())])}
                            <progress max={p.total.to_string()} value={p.done.to_string()} aria-hidden="true"></progress>
                        </li>
                    }
                }) }
            </ul>
            {links(ctx, Some((ctx.t("nav.card"), Screen::Card)))}
        </section>
    }
}
