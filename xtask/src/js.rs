//! `cargo xtask js [--test]`: the npm-style package of matching-core for Node (`vaardig-js` built
//! for wasm32, wasm-bindgen `--target nodejs`, package.json, taxonomy.json, README) in
//! `target/js-pkg`; with `--test`, the Node tests in `js/test/` run against it.

use std::path::{Path, PathBuf};

use crate::{args, cargo, root, step, target_dir};

/// Where the package is written. Under the workspace's own `target/` (not `CARGO_TARGET_DIR`), so
/// the benchmark scripts find it at one fixed path.
pub fn package_dir() -> PathBuf {
    root().join("target").join("js-pkg")
}

/// The `version` of `js/Cargo.toml`, which the package carries.
fn crate_version() -> Result<String, String> {
    let manifest =
        std::fs::read_to_string(root().join("js").join("Cargo.toml")).map_err(|e| format!("js/Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \"").map(|v| v.trim_end_matches('"').to_string()))
        .ok_or_else(|| "js/Cargo.toml has no version".into())
}

/// Builds the package into [`package_dir`]; with `test`, runs `node --test` on `js/test/*.test.mjs`.
pub fn js(test: bool) -> Result<(), String> {
    crate::install_prerequisites()?;
    step("cargo build vaardig-js (wasm32, profile js)", {
        let mut c = cargo();
        c.args(["build", "-p", "vaardig-js", "--target", "wasm32-unknown-unknown", "--profile", "js"]);
        c
    })?;
    let pkg = package_dir();
    let _ = std::fs::remove_dir_all(&pkg);
    std::fs::create_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    let wasm = target_dir().join("wasm32-unknown-unknown").join("js").join("vaardig_js.wasm");
    let (wasm, out) = (utf8(&wasm)?, utf8(&pkg)?);
    step(
        "wasm-bindgen --target nodejs",
        args("wasm-bindgen", &["--target", "nodejs", "--out-dir", out, "--out-name", "vaardig", wasm]),
    )?;
    let taxonomy = vaardig_taxonomy::compact_json();
    if taxonomy.is_empty() {
        return Err("the embedded taxonomy does not parse; run cargo xtask test".into());
    }
    write(&pkg.join("taxonomy.json"), taxonomy.as_bytes())?;
    let readme = std::fs::read(root().join("js").join("README.md")).map_err(|e| format!("js/README.md: {e}"))?;
    write(&pkg.join("README.md"), &readme)?;
    let mut files: Vec<String> = std::fs::read_dir(&pkg)
        .map_err(|e| format!("{}: {e}", pkg.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name != ".gitignore")
        .collect();
    files.sort();
    let files: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
    let manifest = format!(
        r#"{{
  "name": "vaardig",
  "version": "{}",
  "description": "Vaardig's skills matching (matching-core) in WebAssembly for Node: score, explain, rank, lookup, advise.",
  "license": "EUPL-1.2",
  "main": "vaardig.js",
  "types": "vaardig.d.ts",
  "files": [{}]
}}
"#,
        crate_version()?,
        files.join(", ")
    );
    write(&pkg.join("package.json"), manifest.as_bytes())?;
    let size = std::fs::metadata(pkg.join("vaardig_bg.wasm")).map(|m| m.len()).unwrap_or(0);
    eprintln!("package written: {} (vaardig_bg.wasm {:.1} kB)", pkg.display(), size as f64 / 1000.0);
    if !test {
        return Ok(());
    }
    let tests = root().join("js").join("test");
    let mut list: Vec<String> = std::fs::read_dir(&tests)
        .map_err(|e| format!("js/test: {e}"))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("js/test/{name}"))
        .collect();
    list.sort();
    let mut c = args("node", &["--test"]);
    c.args(&list);
    c.env("VAARDIG_JS_PKG", &pkg);
    step("Node tests of the JS package (js/test)", c)
}

fn utf8(path: &Path) -> Result<&str, String> {
    path.to_str().ok_or_else(|| format!("{} is not UTF-8", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
