//! Attestations as a device sends them: any bytes either decode or not, and only a credential the
//! pool signed for this publication keeps `practice` evidence.
#![no_main]
use libfuzzer_sys::fuzz_target;
use matching_core::{Evidence, ItemRef, Level, Profile};
use std::sync::OnceLock;
use vaardig_server::attest::{require_evidence, Attestation};
use vaardig_server::credential;
use vaardig_server::keys::KeyRing;

fn ring() -> &'static KeyRing {
    static RING: OnceLock<KeyRing> = OnceLock::new();
    RING.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("vaardig-fuzz-keys-{}", std::process::id()));
        KeyRing::open(&dir, "https://fuzz.example").unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(attestations) = serde_json::from_slice::<Vec<Attestation>>(data) else { return };
    let mut profile = Profile::new("fuzz");
    for a in &attestations {
        profile =
            profile.with_claim(ItemRef::WorkProcess(a.work_process.clone()), Level::ON_MY_OWN, Evidence::Practice);
    }
    // The signature check is the real one; a key made in this process cannot be in fuzz input.
    require_evidence(&mut profile, &attestations, |jws| credential::open_jws(ring(), jws).map(|_| unreachable!()));
    assert!(profile.claims.iter().all(|c| c.evidence == Evidence::Self_));
});
