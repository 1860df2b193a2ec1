//! Whatever a person types in the search box: hits are bounded, sorted and come from the taxonomy.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let taxonomy = vaardig_taxonomy::embedded();
    let limit = usize::from(data.first().copied().unwrap_or(10) % 32);
    let hits = matching_core::lookup(taxonomy, &query, limit);
    assert!(hits.len() <= limit);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "hits out of order for {query:?}");
});
