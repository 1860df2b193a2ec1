//! `cargo xtask fuzz --seconds N`: every cargo-fuzz target in `fuzz/` for N seconds each, with the
//! committed seed corpus (`fuzz/corpus/<target>`, read only) and a scratch corpus in the target
//! folder (where libFuzzer writes what it finds). Built with the pinned nightly the web app uses.

use crate::{args, output, root, step, target_dir, WEB_NIGHTLY};

/// Every fuzz target, in `fuzz/Cargo.toml` order.
pub const TARGETS: &[&str] = &[
    "profile_import",
    "openings_import",
    "taxonomy_load",
    "lookup_query",
    "attestation",
    "server_bodies",
    "share_link",
];

/// The largest input a target is given: a taxonomy seed is a few kB, a profile a few hundred bytes.
const MAX_LEN: &str = "-max_len=65536";

/// Installs cargo-fuzz where missing (once, a few minutes).
fn install() -> Result<(), String> {
    if output(args("cargo", &["fuzz", "--version"])).is_some_and(|(code, _, _)| code == 0) {
        return Ok(());
    }
    step("cargo install cargo-fuzz (once, a few minutes)", args("cargo", &["install", "cargo-fuzz", "--locked"]))
}

/// Runs every target for `seconds`; fails at the first crash, leaving the input in
/// `fuzz/artifacts/<target>/`.
pub fn fuzz(seconds: u64) -> Result<(), String> {
    crate::install_prerequisites()?;
    install()?;
    let time = format!("-max_total_time={seconds}");
    for target in TARGETS {
        let scratch = target_dir().join("fuzz-corpus").join(target);
        std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
        let seeds = root().join("fuzz").join("corpus").join(target);
        let (scratch, seeds) = (scratch.to_string_lossy().into_owned(), seeds.to_string_lossy().into_owned());
        let toolchain = format!("+{WEB_NIGHTLY}");
        step(
            &format!("cargo fuzz run {target} ({seconds} s)"),
            args(
                "cargo",
                &[&toolchain, "fuzz", "run", target, &scratch, &seeds, "--", &time, MAX_LEN, "-rss_limit_mb=4096"],
            ),
        )?;
    }
    Ok(())
}
