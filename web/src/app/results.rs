//! Results, one match explained, and the next step with the qualification ladder. The numbers and
//! sentences come from matching-core; this file only lays them out.

use crate::app::screens::{links, speak, title};
use crate::app::state::{Msg, Screen};
use crate::app::texts::{kind_key, ladder_key, route_key, t, tf};
use crate::app::Ctx;
use crate::shared::words::words;
use matching_core::{advise, progress, text, Explanation, Interval, ItemKind, Lang, Opening};
use yew::prelude::*;

/// How many matches the list shows at first.
const SHOWN: usize = 20;

fn musts(e: &Explanation, lang: Lang) -> String {
    if e.musts.total == 0 {
        return t("results.no_musts", lang).to_string();
    }
    tf("results.musts", lang, &[("met", e.musts.met.to_string()), ("total", e.musts.total.to_string())])
}

/// Sub-score bars: the low bound filled, the unknown part striped.
fn bars(e: &Explanation, lang: Lang) -> Html {
    let bar = |kind: ItemKind, score: Interval| {
        let label = format!("{}: {}", t(kind_key(kind), lang), score.percent());
        let low = format!("width: {}%", score.low / 10);
        let unknown = format!("width: {}%", (score.high - score.low) / 10);
        html! {
            <div class="bar" role="img" aria-label={label.clone()}>
                <span class="bar-label" aria-hidden="true">{label}</span>
                <span class="bar-track" aria-hidden="true"><span class="bar-low" style={low}></span><span class="bar-unknown" style={unknown}></span></span>
            </div>
        }
    };
    html! {
        <div class="bars">
            { for ItemKind::ALL.iter().filter_map(|&k| e.sub_scores.get(k).map(|s| bar(k, s))) }
        </div>
    }
}

fn heading(o: &Opening, lang: Lang) -> String {
    format!("{} · {} · {}–{} {}", t(route_key(o.route), lang), o.place, o.hours.min, o.hours.max, t("hours.unit", lang))
}

/// The list of matches and, separately, what does not fit and why.
pub fn results(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let more = ctx.state.ui.more;
    let ranking = ctx.data.ranking(&ctx.state.profile, SHOWN * 3);
    let openings = ctx.data.pool.openings();
    let shown = if more { ranking.matches.len() } else { SHOWN.min(ranking.matches.len()) };
    let count = tf("results.count", lang, &[("n", ranking.ranked_total.to_string())]);
    html! {
        <section>
            {title(ctx, ctx.t("results.title"), &count)}
            <p>{count}</p>
            if ranking.matches.is_empty() { <p>{ctx.t("results.none")}</p> }
            <ol class="matches">
                { for ranking.matches.iter().take(shown).map(|r| {
                    let o = &openings[r.index];
                    let e = &r.explanation;
                    let unknown = e.unknown_count();
                    let spoken = format!("{}. {}. {}", o.title, heading(o, lang), text::summary(e, lang));
                    html! {
                        <li class="match">
                            <h2>{o.title.clone()}</h2>
                            {speak(&spoken, lang)}
                            <p class="meta">{heading(o, lang)}</p>
                            <p class="score"><strong>{e.score.percent()}</strong>{" · "}{musts(e, lang)}</p>
                            if unknown > 0 { <p class="hint">{tf("results.unknown", lang, &[("n", unknown.to_string())])}</p> }
                            {bars(e, lang)}
                            <button type="button" class="secondary" onclick={ctx.send(Msg::Go(Screen::Detail(o.id.clone())))}
                                aria-label={format!("{}: {}", ctx.t("results.open"), o.title)}>{ctx.t("results.open")}</button>
                        </li>
                    }
                }) }
            </ol>
            if !more && ranking.matches.len() > SHOWN {
                <button type="button" class="secondary" onclick={ctx.edit(|ui, _: MouseEvent| ui.more = true)}>{ctx.t("results.more")}</button>
            }
            if !ranking.knocked_out.is_empty() {
                <h2 id="not-fit">{ctx.t("results.not_fit")}</h2>
                <ul class="not-fit" aria-labelledby="not-fit">
                    { for ranking.knocked_out.iter().take(SHOWN).map(|r| {
                        let o = &openings[r.index];
                        let reasons: Vec<String> = r.explanation.knock_outs.iter().map(|k| text::knock_out(k, lang)).collect();
                        html! { <li><strong>{o.title.clone()}</strong>{" — "}{heading(o, lang)}<br />{reasons.join(" ")}</li> }
                    }) }
                </ul>
            }
            {words(&["moet_eis", "ontwikkelbaan", "bbl", "leerwerktraject", "stage"], lang, ctx.t("speak"))}
            {links(ctx, Some((ctx.t("nav.next_step"), Screen::NextStep)))}
        </section>
    }
}

/// One match explained: every requirement as a line, in plain words.
pub fn detail(ctx: &Ctx, id: &str) -> Html {
    let lang = ctx.lang();
    let taxonomy = &ctx.data.taxonomy;
    let Some(opening) = ctx.data.pool.openings().iter().find(|o| o.id == id) else {
        return html! { <button type="button" onclick={ctx.send(Msg::Go(Screen::Results))}>{ctx.t("nav.back")}</button> };
    };
    let e = matching_core::explain(taxonomy, &ctx.state.profile, opening);
    let lines: Vec<String> = e.lines.iter().map(|l| text::line(taxonomy, l, lang)).collect();
    let summary = text::summary(&e, lang);
    let spoken = format!("{}. {summary}. {}", opening.title, lines.join(". "));
    html! {
        <section>
            {title(ctx, &opening.title, &spoken)}
            <p class="meta">{heading(opening, lang)}</p>
            <p class="score"><strong>{summary}</strong></p>
            {bars(&e, lang)}
            <h2>{ctx.t("detail.lines")}</h2>
            <ul class="lines">{ for lines.iter().map(|l| html! { <li>{l.clone()}</li> }) }</ul>
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
    let fits = tf("next.fits", lang, &[("n", advice.fits_now.to_string())]);
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
                            {tf("next.progress", lang, &[("done", p.done.to_string()), ("total", p.total.to_string())])}
                            <progress max={p.total.to_string()} value={p.done.to_string()} aria-hidden="true"></progress>
                        </li>
                    }
                }) }
            </ul>
            {links(ctx, Some((ctx.t("nav.card"), Screen::Card)))}
        </section>
    }
}
