//! The layer the apps of the web crate share: one translation engine (`i18n`), one client for the
//! pool server's API with one loading and error type (`api`), one debounce hook (`debounce`),
//! read-aloud (`speech`), the explained words (`words`), loading the taxonomy and mounting an app.

pub mod api;
pub mod debounce;
pub mod i18n;
pub mod speech;
pub mod words;

use yew::prelude::*;

/// Loads `taxonomy.json`, the positional form every page of the web crate reads (the app, the
/// view page, the work app; the service worker keeps it offline), as data not yet checked.
pub async fn fetch_taxonomy_data() -> Option<matching_core::TaxonomyData> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str("taxonomy.json")).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    matching_core::packed::from_packed(&text)
}

/// [`fetch_taxonomy_data`], checked and indexed.
pub async fn fetch_taxonomy() -> Option<matching_core::Taxonomy> {
    matching_core::Taxonomy::new(fetch_taxonomy_data().await?).ok()
}

/// Mounts the app `C` in `#app`. The page's static first screen (`#shell`) goes at once with
/// `remove_shell`; otherwise it stays until the app removes it when its data is loaded, so the
/// first paint needs no WebAssembly.
pub fn start<C: BaseComponent<Properties = ()>>(remove_shell: bool) {
    let document = web_sys::window().and_then(|w| w.document());
    if remove_shell {
        if let Some(shell) = document.as_ref().and_then(|d| d.get_element_by_id("shell")) {
            shell.remove();
        }
    }
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(root) => {
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}

/// Puts focus on the new screen's title (`#screen-title`), so keyboard and screen-reader users
/// start at the top; every app calls it when its screen changes.
pub fn focus_title() {
    use wasm_bindgen::JsCast;
    if let Some(title) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("screen-title"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = title.focus();
    }
}

/// Dots for a level (1-4): a picture for each of the four answers; the app's questions and the
/// view page's list of skills.
pub fn level_dots(level: u8) -> Html {
    html! {
        <span class="dots" aria-hidden="true">
            { for (1..=4u8).map(|i| html! { <span class={if i <= level { "dot on" } else { "dot" }}></span> }) }
        </span>
    }
}
