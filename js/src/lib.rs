//! Vaardig for JavaScript: matching-core's wasm-bindgen API ([`Matcher`]) plus demo data, built by
//! `cargo xtask js` into the npm-style package `target/js-pkg` (see `js/README.md`).
//!
//! The demo loaders fill a matcher's pools straight from [`vaardig_demo`] without a trip through
//! JSON, with the very calls the native benchmark makes, so Wasm and native rank identical data.

use matching_core::{Opening, Profile};
use vaardig_demo::{self as demo, DemoSize};
use wasm_bindgen::prelude::*;

pub use matching_core::js::{to_js, Matcher, ScoreSummary};

/// Most demo openings or profiles in one call: a national pool is about 100,000; ten times that
/// is a typo (a count of -1, say), which would otherwise run the Wasm memory out.
pub const MAX_DEMO: f64 = 1_000_000.0;

/// A JS number that must be a whole number in `0..=max`.
fn whole(what: &str, value: f64, max: f64) -> Result<u64, JsError> {
    if value.fract() == 0.0 && (0.0..=max).contains(&value) {
        Ok(value as u64)
    } else {
        Err(JsError::new(&format!("{what} must be a whole number from 0 to {max}, not {value}")))
    }
}

/// `count` and `seed` as the generators take them.
fn size_and_seed(count: f64, seed: f64) -> Result<(usize, u64), JsError> {
    Ok((whole("count", count, MAX_DEMO)? as usize, whole("seed", seed, 9_007_199_254_740_991.0)?))
}

fn openings(matcher: &Matcher, count: usize, seed: u64) -> Vec<Opening> {
    demo::openings(matcher.taxonomy(), DemoSize::national(count, 0), seed).openings
}

fn profiles(matcher: &Matcher, count: usize, seed: u64) -> Vec<Profile> {
    demo::profiles(matcher.taxonomy(), DemoSize::national(0, count), seed)
}

/// Fills the matcher's openings pool with `count` synthetic openings (8-15 requirements each,
/// the national benchmark shape) from `seed`; returns the count.
#[wasm_bindgen(js_name = loadDemoOpenings)]
pub fn load_demo_openings(matcher: &mut Matcher, count: f64, seed: f64) -> Result<usize, JsError> {
    let (count, seed) = size_and_seed(count, seed)?;
    let list = openings(matcher, count, seed);
    let loaded = list.len();
    matcher.set_opening_pool(list);
    Ok(loaded)
}

/// Fills the matcher's people pool with `count` synthetic profiles from `seed`; returns the count.
#[wasm_bindgen(js_name = loadDemoPeople)]
pub fn load_demo_people(matcher: &mut Matcher, count: f64, seed: f64) -> Result<usize, JsError> {
    let (count, seed) = size_and_seed(count, seed)?;
    let list = profiles(matcher, count, seed);
    let loaded = list.len();
    matcher.set_people_pool(list);
    Ok(loaded)
}

/// The openings `loadDemoOpenings(matcher, count, seed)` loads, as plain objects (for small counts).
#[wasm_bindgen(js_name = demoOpenings, unchecked_return_type = "Opening[]")]
pub fn demo_openings(matcher: &Matcher, count: f64, seed: f64) -> Result<JsValue, JsError> {
    let (count, seed) = size_and_seed(count, seed)?;
    to_js(&openings(matcher, count, seed))
}

/// The profiles `loadDemoPeople(matcher, count, seed)` loads, as plain objects (for small counts).
#[wasm_bindgen(js_name = demoProfiles, unchecked_return_type = "Profile[]")]
pub fn demo_profiles(matcher: &Matcher, count: f64, seed: f64) -> Result<JsValue, JsError> {
    let (count, seed) = size_and_seed(count, seed)?;
    to_js(&profiles(matcher, count, seed))
}

/// Bytes of linear memory the Wasm instance holds now (it only grows), for benchmarks.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
