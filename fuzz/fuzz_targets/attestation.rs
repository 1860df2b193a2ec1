//! Signed attestations as a device sends them: any bytes either decode or not, and only a
//! signature the server made keeps `practice` evidence.
#![no_main]
use libfuzzer_sys::fuzz_target;
use matching_core::{Evidence, ItemRef, Level, Profile};
use vaardig_server::attest::{require_signatures, SignedAttestation};

fuzz_target!(|data: &[u8]| {
    let Ok(attestations) = serde_json::from_slice::<Vec<SignedAttestation>>(data) else { return };
    let key = b"fuzzing key, never a real one";
    let mut profile = Profile::new("fuzz");
    for a in &attestations {
        profile =
            profile.with_claim(ItemRef::WorkProcess(a.work_process.clone()), Level::ON_MY_OWN, Evidence::Practice);
    }
    require_signatures(&mut profile, &attestations, key);
    // No signature made with `key` can be in fuzz input (it would need HMAC-SHA256 forged), so
    // every practice claim must have been lowered.
    assert!(profile.claims.iter().all(|c| c.evidence == Evidence::Self_));
});
