//! A profile file as a person imports it: any bytes give a profile or a located error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let taxonomy = vaardig_taxonomy::embedded();
    if let Ok(profile) = matching_core::format::parse_profile(text, taxonomy) {
        // What parses must survive a round trip unchanged.
        let again = serde_json::to_string(&profile).expect("a parsed profile serializes");
        let back = matching_core::format::parse_profile(&again, taxonomy).expect("a written profile parses");
        assert_eq!(back, profile);
    }
});
