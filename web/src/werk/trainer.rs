//! The workplace trainer's page (`werk.html#attest/{token}`): no account, a phone, plain Dutch. They
//! see the work processes of the link, say who they are, tick what they saw and at what level.

use super::api::{self, ConfirmIn, Confirmed, LinkView};
use super::parts::{self, title};
use super::texts::level_key;
use super::{use_get, use_shared, Loading};
use gloo_net::http::Method;
use matching_core::Level;
use std::collections::BTreeMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props: the link's token.
#[derive(Properties, PartialEq)]
pub struct AttestProps {
    /// The token from the fragment.
    pub token: String,
}

/// The trainer's page.
#[function_component]
pub fn Attest(props: &AttestProps) -> Html {
    let s = use_shared();
    let path = format!("/api/attestations/{}", api::seg(&props.token));
    let (view, _) = use_get::<LinkView>(path.clone());
    // Per work process: seen or not, and the level.
    let seen = use_state(BTreeMap::<String, u8>::new);
    let name = use_node_ref();
    let company = use_node_ref();
    let problem = use_state(|| None::<&'static str>);
    let outcome = use_state(|| None::<Result<(), api::ApiError>>);
    let onsubmit = {
        let (seen, name, company, problem, outcome, path) =
            (seen.clone(), name.clone(), company.clone(), problem.clone(), outcome.clone(), path.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value =
                |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            let (who, firm) = (value(&name), value(&company));
            if who.is_empty() || firm.is_empty() {
                problem.set(Some("attest.need_name"));
                return;
            }
            let confirmed: Vec<Confirmed> = seen
                .iter()
                .filter_map(|(id, &l)| Level::new(l).map(|level| Confirmed { work_process: id.clone(), level }))
                .collect();
            if confirmed.is_empty() {
                problem.set(Some("attest.need_one"));
                return;
            }
            problem.set(None);
            let (outcome, path) = (outcome.clone(), path.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let body = ConfirmIn { name: who, company: Some(firm), confirmed };
                outcome.set(Some(api::call(Method::POST, &path, None, Some(&body)).await));
            });
        })
    };
    if let Some(Ok(())) = &*outcome {
        return html! {
            <section>
                {title(s.t("attest.thanks_title"))}
                <p role="status">{s.t("attest.thanks")}</p>
            </section>
        };
    }
    let gone = |key: &'static str| {
        html! {
            <section>
                {title(s.t("attest.title"))}
                <p role="alert" class="error">{s.t(key)}</p>
                <p>{s.t("attest.ask_new")}</p>
            </section>
        }
    };
    match &view {
        Loading::Failed(e) if e.code == "not_found" => return gone("attest.expired"),
        Loading::Ready(v) if v.done => return gone("attest.used"),
        Loading::Ready(_) => {}
        other => return parts::loaded(&s, other, |_| html! {}),
    }
    let Loading::Ready(v) = &view else { return html! {} };
    html! {
        <section class="trainer">
            {title(s.t("attest.title"))}
            <p>{s.t("attest.intro")}</p>
            <p class="hint">{s.t("attest.what")}</p>
            <form class="werk-form" onsubmit={onsubmit}>
                <label for="trainer-name">{s.t("attest.name")}</label>
                <input id="trainer-name" autocomplete="name" maxlength="200" ref={name} />
                <label for="trainer-company">{s.t("attest.company")}</label>
                <input id="trainer-company" autocomplete="organization" maxlength="200" ref={company} />
                { for v.work_processes.iter().enumerate().map(|(i, p)| {
                    let level = seen.get(&p.id).copied();
                    let toggle = { let seen = seen.clone(); let id = p.id.clone(); Callback::from(move |_: Event| {
                        let mut next = (*seen).clone();
                        if next.remove(&id).is_none() { next.insert(id.clone(), 3); }
                        seen.set(next);
                    }) };
                    let check = format!("seen-{i}");
                    html! {
                        <fieldset class="process">
                            <legend>{p.title.get(s.lang).to_string()}</legend>
                            <p class="hint">{p.qualification.get(s.lang).to_string()}{p.code.as_ref().map(|c| format!(" · {c}")).unwrap_or_default()}</p>
                            <div class="check">
                                <input type="checkbox" id={check.clone()} checked={level.is_some()} onchange={toggle} />
                                <label for={check}>{s.t("attest.seen")}</label>
                            </div>
                            if let Some(current) = level {
                                <fieldset class="levels">
                                    <legend>{s.t("attest.how_well")}</legend>
                                    { for (1..=4u8).map(|l| {
                                        let pick = { let seen = seen.clone(); let id = p.id.clone(); Callback::from(move |_: Event| {
                                            let mut next = (*seen).clone();
                                            next.insert(id.clone(), l);
                                            seen.set(next);
                                        }) };
                                        let radio = format!("level-{i}-{l}");
                                        html! {
                                            <div class="check">
                                                <input type="radio" name={format!("level-{i}")} id={radio.clone()} checked={current == l} onchange={pick} />
                                                <label for={radio}>{s.t(level_key(l))}</label>
                                            </div>
                                        }
                                    }) }
                                </fieldset>
                            }
                        </fieldset>
                    }
                }) }
                if let Some(key) = *problem { <p class="error" role="alert">{s.t(key)}</p> }
                if let Some(Err(e)) = &*outcome {
                    if e.code == "conflict" { <p class="error" role="alert">{s.t("attest.used")}</p> } else { {parts::error(&s, e)} }
                }
                <div class="nav"><button type="submit" class="primary">{s.t("attest.send")}</button></div>
            </form>
        </section>
    }
}
