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
