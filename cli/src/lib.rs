//! The `vaardig` command's reusable parts: deterministic demo data (also used by the benches), and
//! checking a workplace credential offline (`verify`).

pub mod demo;
#[cfg(feature = "verify")]
pub mod verify;
