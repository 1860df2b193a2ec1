//! Everything the pool page does outside itself, in one place: calls to the pool server (`api.rs`),
//! reading and writing storage (`pool.rs`, the app's saved profile), the clipboard and the share
//! sheet. Each effect sends `Action::Busy` or a load's `Busy`, runs, and sends its answer as a named
//! action; the views only call these.

use super::api::{self, ConsentIn, Contact, Publish, CONSENT_TEXT_VERSION};
use super::pool::{self, Found, Publication, TrainerLink};
use super::{Action, Ctx, Draft, Screen};
use crate::shared::api::{ApiError, Loading};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;

/// Goes to `screen` and fetches what it shows.
pub fn open(ctx: &Ctx, screen: Screen) {
    ctx.send(Action::Go(screen.clone()));
    fetch_for(ctx, &screen);
}

/// Fetches what `screen` shows.
pub fn fetch_for(ctx: &Ctx, screen: &Screen) {
    let st = &*ctx.st;
    let published = st.pool.published.clone();
    match screen {
        Screen::Region if !matches!(st.regions, Loading::Ready(_) | Loading::Busy) => {
            ctx.send(Action::Regions(Loading::Busy));
            let ctx = ctx.clone();
            spawn_local(async move { ctx.send(Action::Regions(api::regions().await.into())) });
        }
        Screen::Home | Screen::Requests => {
            let Some(p) = published else { return };
            ctx.send(Action::Requests(Loading::Busy));
            let ctx = ctx.clone();
            spawn_local(async move { ctx.send(Action::Requests(api::requests(&p.id, &p.secret).await.into())) });
        }
        Screen::Views => {
            let Some(p) = published else { return };
            ctx.send(Action::Views(Loading::Busy));
            let ctx = ctx.clone();
            spawn_local(async move { ctx.send(Action::Views(api::views(&p.id, &p.secret).await.into())) });
        }
        Screen::Attest if !matches!(st.titles, Loading::Ready(_) | Loading::Busy) => {
            ctx.send(Action::Titles(Loading::Busy));
            let ctx = ctx.clone();
            spawn_local(async move {
                let titles = api::work_process_titles().await.ok_or(ApiError { status: 0, code: "network".into() });
                ctx.send(Action::Titles(titles.into()));
            });
        }
        _ => {}
    }
}

/// Saves `vaardig.pool`; on failure the page keeps it in memory and says so. An unreadable
/// `vaardig.pool` that could not be copied is never written over.
pub fn save_pool(ctx: &Ctx) {
    let st = &*ctx.st;
    ctx.send(Action::Saved(st.found != Found::BrokenUncopied && pool::save(&st.pool)));
}

/// Publishes or updates: with the draft (`from_draft`) or with the consent as published (to send
/// a changed profile). Never publishes when the device could not keep the secret.
pub fn publish(ctx: &Ctx, from_draft: bool) {
    let s = &*ctx.st;
    if s.busy {
        return;
    }
    let Some(saved) = pool::profile().0.or_else(|| s.saved.clone()) else {
        return ctx.send(Action::Error("intro.no_profile"));
    };
    let published = s.pool.published.clone();
    if published.is_none() && !pool::writable() {
        return ctx.send(Action::Error("intro.no_storage"));
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
    ctx.send(Action::Busy { clear_notice: false });
    let ctx = ctx.clone();
    spawn_local(async move {
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
        ctx.send(Action::Published { published, draft, saved: Box::new(saved), result });
    });
}

/// Withdraws: deletes on the server, then forgets the publication here.
pub fn withdraw(ctx: &Ctx) {
    let Some(p) = ctx.st.pool.published.clone() else { return };
    ctx.send(Action::Busy { clear_notice: false });
    let ctx = ctx.clone();
    spawn_local(async move { ctx.send(Action::Withdrawn(api::withdraw(&p.id, &p.secret).await)) });
}

/// Sends an answer to a contact request (`None`: decline), then shows the requests again.
pub fn answer(ctx: &Ctx, request: &str, contact: Option<Contact>) {
    let Some(p) = ctx.st.pool.published.clone() else { return };
    let accept = contact.is_some();
    ctx.send(Action::Busy { clear_notice: false });
    let (ctx, request) = (ctx.clone(), request.to_string());
    spawn_local(async move {
        let result = api::answer(&p.id, &p.secret, &request, contact).await;
        let ok = result.is_ok();
        ctx.send(Action::Answered { accept, result });
        if ok {
            fetch_for(&ctx, &Screen::Requests);
        }
    });
}

/// Asks a one-time link for a workplace trainer for the chosen work processes.
pub fn make_link(ctx: &Ctx) {
    let chosen = ctx.st.chosen.clone();
    if chosen.is_empty() {
        return ctx.send(Action::Error("attest.choose"));
    }
    if !pool::writable() {
        return ctx.send(Action::Error("intro.no_storage"));
    }
    // A link is made for the published profile: the confirmation is bound to it.
    let Some(Publication { id, secret, .. }) = ctx.st.pool.published.clone() else {
        return ctx.send(Action::Error("attest.publish_first"));
    };
    ctx.send(Action::Busy { clear_notice: false });
    let ctx = ctx.clone();
    spawn_local(async move {
        let result = api::make_link(&id, &secret, &chosen).await;
        ctx.send(Action::LinkMade { chosen, result });
    });
}

/// Fetches a link's signed result; once the trainer confirmed, marks those work processes "shown
/// at work" in the app's saved profile, and lets the reducer keep the signatures and drop the link.
pub fn collect(ctx: &Ctx, link: &TrainerLink) {
    ctx.send(Action::Busy { clear_notice: true });
    let (ctx, link) = (ctx.clone(), link.clone());
    spawn_local(async move {
        let result = api::link_result(&link.token, &link.claim).await;
        let profile = match &result {
            Ok(r) if r.done => pool::apply_attestations(&r.attestations),
            _ => None,
        };
        ctx.send(Action::Collected { token: link.token, result, profile });
    });
}

/// Copies a trainer link (`token`'s) to the clipboard.
pub fn copy(ctx: &Ctx, link: &str, token: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(link);
        ctx.send(Action::Copied(token.to_string()));
    }
}

/// Whether the browser can share (Web Share).
pub fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("share")).ok())
        .is_some_and(|f| f.is_function())
}

/// Opens the browser's share sheet for `url`.
pub fn share(url: &str, text: &str) {
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
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
