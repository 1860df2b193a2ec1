//! The `vaardig` command's reusable part: checking a workplace credential offline (`verify`). The
//! demo data lives in its own crate, `vaardig-demo`.

#[cfg(feature = "verify")]
pub mod verify;
