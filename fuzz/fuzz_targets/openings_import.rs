//! An openings file: any bytes give openings or a located error; what parses can be ranked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let taxonomy = vaardig_taxonomy::embedded();
    if let Ok(set) = matching_core::format::parse_openings(text, taxonomy) {
        let pool = matching_core::OpeningPool::new(taxonomy, set.openings);
        let profile = matching_core::Profile::new("fuzz");
        let _ = pool.rank(taxonomy, &profile, matching_core::RankOptions::default());
    }
});
