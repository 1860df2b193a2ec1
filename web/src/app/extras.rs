//! The screens around the flow: the profile card picture, showing an employer (a link to the view
//! page, `view.html`, which also draws its QR code), and "my data" (export, import, delete, the
//! workplace credentials).

use crate::app::screens::{links, title};
use crate::app::share::{self, Parts};
use crate::app::state::{Msg, Screen};
use crate::app::store;
use crate::app::texts::t;
use crate::app::{Ctx, Data};
use matching_core::{format, ItemKind, Lang, Profile};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Card size in pixels: square, as Instagram likes it.
const CARD_SIZE: u32 = 1080;

/// The strongest claims of a kind, best first, as names.
fn strengths(data: &Data, profile: &Profile, kind: ItemKind, lang: Lang, max: usize) -> Vec<String> {
    let mut claims: Vec<_> = profile.claims.iter().filter(|c| c.item.kind() == kind).collect();
    matching_core::sort::sort_by(&mut claims, |a, b| {
        b.level.cmp(&a.level).then(b.evidence.cmp(&a.evidence)).then(a.item.cmp(&b.item))
    });
    claims.into_iter().take(max).map(|c| data.taxonomy.name(&c.item, lang)).collect()
}

/// Draws the card on a canvas of its own (never shown) and returns it as a PNG data URL.
fn draw_card(data: &Data, profile: &Profile, lang: Lang) -> Option<String> {
    let canvas: web_sys::HtmlCanvasElement =
        web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(CARD_SIZE);
    canvas.set_height(CARD_SIZE);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let size = f64::from(CARD_SIZE);
    ctx.set_fill_style_str("#0b5d4b");
    ctx.fill_rect(0.0, 0.0, size, size);
    ctx.set_fill_style_str("#ffffff");
    ctx.set_font("bold 72px sans-serif");
    ctx.fill_text(t("card.heading", lang), 80.0, 150.0).ok()?;
    let mut y = 250.0;
    let sections = [
        (t("sub.skills", lang), strengths(data, profile, ItemKind::Skill, lang, 5)),
        (t("sub.soft_skills", lang), strengths(data, profile, ItemKind::SoftSkill, lang, 4)),
        (t("sub.certificates", lang), strengths(data, profile, ItemKind::Certificate, lang, 3)),
    ];
    for (title, names) in sections.iter().filter(|(_, n)| !n.is_empty()) {
        ctx.set_fill_style_str("#ffd166");
        ctx.set_font("bold 44px sans-serif");
        ctx.fill_text(title, 80.0, y).ok()?;
        y += 64.0;
        ctx.set_fill_style_str("#ffffff");
        ctx.set_font("40px sans-serif");
        for name in names {
            ctx.fill_text(&format!("✓ {name}"), 100.0, y).ok()?;
            y += 56.0;
        }
        y += 24.0;
    }
    ctx.set_font("32px sans-serif");
    ctx.set_fill_style_str("#cfe8e1");
    ctx.fill_text("Vaardig", 80.0, size - 60.0).ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// Shares a PNG data URL with the Web Share API where the browser can share files.
async fn share_png(data_url: String, title: String) -> Option<()> {
    let window = web_sys::window()?;
    let navigator = window.navigator();
    let can_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("canShare")).ok()?;
    let share_fn = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).ok()?;
    let (can_share, share_fn) =
        (can_share.dyn_into::<js_sys::Function>().ok()?, share_fn.dyn_into::<js_sys::Function>().ok()?);
    let bytes = share::decode(data_url.split(',').nth(1)?)?;
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/png");
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, "vaardig.png", &{
        let o = web_sys::FilePropertyBag::new();
        o.set_type("image/png");
        o
    })
    .ok()?;
    let payload = js_sys::Object::new();
    js_sys::Reflect::set(&payload, &JsValue::from_str("files"), &js_sys::Array::of1(&file)).ok()?;
    js_sys::Reflect::set(&payload, &JsValue::from_str("title"), &JsValue::from_str(&title)).ok()?;
    if !can_share.call1(&navigator, &payload).ok()?.as_bool().unwrap_or(false) {
        return None;
    }
    let promise: js_sys::Promise = share_fn.call1(&navigator, &payload).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok().map(|_| ())
}

/// The profile card: a picture of your strengths to save or share. The picture is drawn again only
/// when the profile or the language changed.
pub fn card(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let url = {
        let mut card = ctx.data.card.borrow_mut();
        match &*card {
            Some((p, l, url)) if *p == ctx.state.profile && *l == lang => url.clone(),
            _ => {
                let url = draw_card(&ctx.data, &ctx.state.profile, lang);
                *card = Some((ctx.state.profile.clone(), lang, url.clone()));
                url
            }
        }
    };
    let share_click = {
        let url = url.clone();
        let title = ctx.t("card.title").to_string();
        Callback::from(move |_| {
            if let Some(u) = url.clone() {
                let title = title.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = share_png(u, title).await;
                });
            }
        })
    };
    let can_share = web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("canShare")).unwrap_or(false))
        .unwrap_or(false);
    html! {
        <section>
            {title(ctx, ctx.t("card.title"), ctx.t("card.help"))}
            <p>{ctx.t("card.help")}</p>
            if let Some(u) = url {
                <img class="card" src={u.clone()} alt={ctx.t("card.heading")} />
                <div class="nav">
                    <a class="button primary" href={u} download="vaardig-kaart.png">{ctx.t("card.download")}</a>
                    if can_share {
                        <button type="button" class="secondary" onclick={share_click}>{ctx.t("card.share")}</button>
                    }
                </div>
            }
            {links(ctx, Some((ctx.t("nav.share"), Screen::Share)))}
        </section>
    }
}

/// Show an employer: pick parts, get a link, and a QR code of it on the view page (`view.html#qr=…`).
pub fn share(ctx: &Ctx) -> Html {
    let parts = ctx.state.ui.parts;
    let shared = share::select(&ctx.state.profile, parts);
    // The view is a page of its own beside the app (`view.html`, see `crate::view`).
    let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let folder = here.split(['#', '?']).next().unwrap_or_default().rsplit_once('/').map_or("", |(f, _)| f);
    let fragment = share::fragment(&shared);
    let link = format!("{folder}/{}#{fragment}", crate::view::PAGE);
    // The QR code is drawn by the view page, so the app does not carry a QR encoder (4.5 kB).
    let qr = format!("{folder}/{}#{}", crate::view::PAGE, fragment.replacen("view=", "qr=", 1));
    let toggle = |f: fn(&mut Parts) -> &mut bool| {
        ctx.edit(move |ui, e: Event| *f(&mut ui.parts) = e.target_unchecked_into::<HtmlInputElement>().checked())
    };
    let options: [(&str, &str, bool, Callback<Event>); 5] = [
        ("share.part.skills", "p-skills", parts.skills, toggle(|p| &mut p.skills)),
        ("share.part.soft", "p-soft", parts.soft, toggle(|p| &mut p.soft)),
        ("share.part.certs", "p-certs", parts.certificates, toggle(|p| &mut p.certificates)),
        ("share.part.wps", "p-wps", parts.work_processes, toggle(|p| &mut p.work_processes)),
        ("share.part.practical", "p-practical", parts.practical, toggle(|p| &mut p.practical)),
    ];
    let copy = {
        let link = link.clone();
        ctx.edit(move |ui, _: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&link);
                ui.copied = true;
            }
        })
    };
    html! {
        <section>
            {title(ctx, ctx.t("share.title"), ctx.t("share.help"))}
            <p>{ctx.t("share.help")}</p>
            <fieldset class="checklist">
                <legend class="sr-only">{ctx.t("share.title")}</legend>
                { for options.into_iter().map(|(key, id, on, onchange)| html! {
                    <div class="check"><input type="checkbox" id={id} checked={on} {onchange} /><label for={id}>{ctx.t(key)}</label></div>
                }) }
            </fieldset>
            <label for="share-link">{ctx.t("share.link")}</label>
            <input id="share-link" readonly=true value={link.clone()} />
            <button type="button" class="secondary" onclick={copy}>{if ctx.state.ui.copied { ctx.t("share.copied") } else { ctx.t("share.copy") }}</button>
            <p><a class="button secondary" href={qr}>{ctx.t("share.qr")}</a></p>
            <p><a class="button secondary" href="delen.html">{ctx.t("share.pool")}</a></p>
            {links(ctx, Some((ctx.t("nav.data"), Screen::Data)))}
        </section>
    }
}

/// Reads a chosen file as text.
async fn read_file(input: HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// Copies of saved states the app could not read (and the one this start could not read, when
/// storage had no room for its copy): each can be saved as a file, and the newest read back.
fn backups(ctx: &Ctx) -> Html {
    let mut backups: Vec<Rc<str>> = store::backups().into_iter().map(Into::into).collect();
    if let Some(raw) = ctx.state.unreadable.clone().filter(|raw| !backups.contains(raw)) {
        backups.push(raw);
    }
    let Some(newest) = backups.last().cloned() else { return html! {} };
    html! {
        <div class="backups">
            <p>{ctx.t("data.backups")}</p>
            <div class="nav">
                { for backups.iter().map(|raw| html! {
                    <a class="button secondary" download="vaardig-kopie.json" href={data_href(raw)}>{ctx.t("data.backup_save")}</a>
                }) }
                <button type="button" class="secondary" onclick={ctx.recover(newest)}>{ctx.t("app.recover")}</button>
            </div>
        </div>
    }
}

/// A link that downloads `json` as a file.
fn data_href(json: &str) -> String {
    format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(json))
}

/// The workplace credentials the pool page keeps on this phone (`vaardig.pool`, `delen::pool`),
/// read with the browser's JSON parser so the app carries no second copy of the pool page's types:
/// each with who saw it and until when it holds, and a file `vaardig verify` reads (the JWS itself).
fn credentials(ctx: &Ctx) -> Html {
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok().and_then(|v| v.as_string());
    let parse = |text: &str| js_sys::JSON::parse(text).ok();
    let list = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(crate::delen::pool::KEY).ok().flatten())
        .and_then(|raw| parse(&raw))
        .and_then(|doc| js_sys::Reflect::get(&doc, &"attestations".into()).ok())
        .filter(js_sys::Array::is_array)
        .map(|list| js_sys::Array::from(&list).to_vec())
        .unwrap_or_default();
    let lang = ctx.lang();
    let items: Vec<Html> = list
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let jws = get(a, "credential")?;
            // The payload's `validUntil` (an RFC 3339 time): the day is enough.
            let payload = share::decode(jws.split('.').nth(1)?).and_then(|b| String::from_utf8(b).ok());
            let until = payload.and_then(|p| get(&parse(&p)?, "validUntil")).unwrap_or_default();
            let wp = get(a, "work_process")?;
            let title = ctx.data.taxonomy.work_process(&wp).map_or(wp.clone(), |(_, w)| w.title.get(lang).to_string());
            let day = |text: &str| crate::delen::day_of(text.get(..10).unwrap_or(text), lang);
            let values = [
                ("name", get(a, "name")?),
                ("company", get(a, "company")?),
                ("date", day(&get(a, "date")?)),
                ("until", day(&until)),
            ];
            let href = format!("data:application/jwt;charset=utf-8,{}", js_sys::encode_uri_component(&jws));
            Some(html! {
                <li>
                    <strong>{title}</strong><br />{crate::app::texts::tf("data.credential", lang, &values)}<br />
                    <a class="button secondary" download={format!("vaardig-bewijs-{}.jwt", i + 1)} href={href}>{ctx.t("data.credential_save")}</a>
                </li>
            })
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h2>{ctx.t("data.credentials")}</h2>
            <p>{ctx.t("data.credentials_help")}</p>
            <ul class="lines credentials">{ for items }</ul>
            {crate::shared::words::words(&["jobhunter"], lang, ctx.t("speak"))}
        </>
    }
}

/// My data: what is stored, export, import, delete everything.
pub fn my_data(ctx: &Ctx) -> Html {
    let lang = ctx.lang();
    let confirm = ctx.state.ui.confirm;
    let profile_json = serde_json::to_string(&ctx.state.profile).unwrap_or_default();
    let export_href = data_href(&profile_json);
    let onimport = {
        let (state, data) = (ctx.state.clone(), ctx.data.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (state, data) = (state.clone(), data.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = read_file(input.clone()).await.unwrap_or_default();
                // Either message also clears an earlier banner or error: an earlier "loaded"
                // banner must not stand above this error.
                state.dispatch(match format::parse_profile(&text, &data.taxonomy) {
                    Ok(profile) => Msg::Import(Box::new(profile)),
                    Err(e) => {
                        Msg::ImportFailed(format!("{} ({}:{})", t("data.import_failed", state.lang), e.line, e.column))
                    }
                });
                input.set_value("");
            });
        })
    };
    let delete = {
        let state = ctx.state.clone();
        Callback::from(move |_| {
            store::clear();
            state.dispatch(Msg::Reset);
        })
    };
    html! {
        <section>
            {title(ctx, ctx.t("data.title"), ctx.t("data.help"))}
            <p>{ctx.t("data.help")}</p>
            <p>{crate::app::texts::tn("data.claims", lang, ctx.state.profile.claims.len())}</p>
            <div class="nav">
                <a class="button secondary" href={export_href} download="vaardig-profiel.json">{ctx.t("data.export")}</a>
                <input id="import" type="file" accept="application/json,.json" class="file" onchange={onimport} />
                <label for="import" class="button secondary">{ctx.t("data.import")}</label>
            </div>
            { backups(ctx) }
            if let Some(message) = ctx.state.ui.import_error.clone() {
                <p class="error" role="alert">{message}</p>
            }
            { credentials(ctx) }
            <pre class="stored" tabindex="0">{profile_json}</pre>
            if confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p id="confirm-text">{ctx.t("data.delete_confirm")}</p>
                    <button type="button" class="danger" onclick={delete}>{ctx.t("data.yes")}</button>
                    <button type="button" class="secondary" onclick={ctx.edit(|ui, _: MouseEvent| ui.confirm = false)}>{ctx.t("data.no")}</button>
                </div>
            } else {
                <button type="button" class="danger" onclick={ctx.edit(|ui, _: MouseEvent| ui.confirm = true)}>{ctx.t("data.delete")}</button>
            }
            {links(ctx, None)}
        </section>
    }
}
