//! A "show an employer" link code as a scanned QR code brings it: any bytes give a profile or an
//! error, never a panic, and what reads must be written back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use matching_core::link;

fuzz_target!(|data: &[u8]| {
    let taxonomy = vaardig_taxonomy::embedded();
    // Half the inputs get a valid header, so the fuzzer reaches the body.
    let mut code = data.to_vec();
    if data.first().is_some_and(|b| b & 1 == 0) {
        let mut header = vec![link::VERSION];
        header.extend_from_slice(&link::fingerprint(taxonomy).to_le_bytes());
        code.splice(0..1, header);
    }
    if let Ok(profile) = link::decode(taxonomy, &code, "gedeeld") {
        let again = link::encode(taxonomy, &profile);
        assert_eq!(link::decode(taxonomy, &again, "gedeeld"), Ok(profile));
    }
});
