//! Taxonomy data, named and packed: any bytes give a checked taxonomy or an error, never a panic;
//! a taxonomy that loads can be searched.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(taxonomy) = matching_core::Taxonomy::from_json(text) {
        let _ = matching_core::lookup(&taxonomy, "heftruck", 5);
    }
    if let Some(data) = matching_core::packed::from_packed(text) {
        if let Ok(taxonomy) = matching_core::Taxonomy::new(data) {
            let _ = matching_core::lookup(&taxonomy, "vca", 5);
        }
    }
});
