//! The `vaardig` command's reusable parts: deterministic demo data (also used by the benches).

pub mod demo;
