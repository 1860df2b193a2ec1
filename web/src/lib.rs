//! Vaardig's web crate: the apps in Yew (client-side rendering) on WebAssembly, each its own
//! bundle, over one shared layer. `app/` is the young person's self-assessment, matches, next
//! step, profile card and sharing (`matching-core` runs on the phone; nothing leaves the device
//! unless the person shares a link they made or publishes); `delen/` the pool page; `werk/` the
//! work app for employers, jobhunters and trainers; `view/` the employer's view of a shared link;
//! `shared/` what they share (translation engine, API client, start, debounce hook, read-aloud).

pub mod app;
pub mod delen;
#[cfg(test)]
mod readability;
pub mod shared;
pub mod view;
pub mod werk;
