//! Vaardig's web app: the young person's self-assessment, matches, next step, profile card and
//! sharing, in Yew (client-side rendering) on WebAssembly. `matching-core` runs on the phone;
//! nothing leaves the device unless the person shares a link they made.

pub mod app;
pub mod extras;
pub mod i18n;
pub mod results;
pub mod screens;
pub mod share;
pub mod speech;
pub mod state;
pub mod store;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
