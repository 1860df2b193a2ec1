//! Vaardig's web app: the young person's self-assessment, matches, next step, profile card and
//! sharing, in Yew (client-side rendering) on WebAssembly. `matching-core` runs on the phone;
//! nothing leaves the device unless the person shares a link they made.

pub mod app;
pub mod delen;
pub mod extras;
pub mod i18n;
#[cfg(test)]
mod readability;
pub mod results;
pub mod screens;
pub mod share;
pub mod speech;
pub mod state;
pub mod store;
pub mod view;
pub mod werk;
pub mod words;

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

/// Mounts the app in `#app`. Until its data is loaded, the static first screen of index.html
/// (`#shell`) stays, so the first paint needs no WebAssembly; the app removes it when ready.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
