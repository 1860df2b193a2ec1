//! The web app's recipes: build `dist/` (wasm-bindgen, wasm-opt where available, static files,
//! the taxonomy as one JSON file, a service worker stamped with a content hash) and serve it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use crate::{args, cargo, output, root, step, target_dir};

/// The npm folder with playwright-core, axe-core and binaryen, installed from its lock file.
pub fn npm_dir() -> PathBuf {
    root().join("web").join("tests")
}

/// `npm ci` in `web/tests` when its node_modules is missing.
pub fn npm_install() -> Result<(), String> {
    let installed = |package: &str| npm_dir().join("node_modules").join(package).exists();
    if installed("playwright-core") && installed("esbuild") {
        return Ok(());
    }
    let mut c = args("npm", &["ci", "--no-audit", "--no-fund"]);
    c.current_dir(npm_dir());
    step("npm ci (web/tests: playwright-core, axe-core, binaryen, esbuild)", c)
}

/// FNV-1a, to stamp the service worker's cache with the content it serves.
fn fnv(bytes: &[u8], mut hash: u64) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x100_0000_01b3);
    }
    hash
}

/// The web crate's binaries: (package binary, its source under `web/src`, wasm-bindgen out-name).
/// Each one whose source exists is built: the young person's app, the work app (`werk.html`),
/// the young person's publish page (`delen.html`) and the employer's view of a shared profile
/// (`view.html`).
const WEB_BINS: [(&str, &str, &str); 4] = [
    ("vaardig-web", "main.rs", "vaardig_web"),
    ("vaardig-werk", "bin/werk.rs", "vaardig_werk"),
    ("vaardig-delen", "bin/delen.rs", "vaardig_delen"),
    ("vaardig-view", "bin/view.rs", "vaardig_view"),
];

/// Builds the deployable app into `dist/` and returns its path.
pub fn dist() -> Result<PathBuf, String> {
    crate::install_prerequisites()?;
    let dist = root().join("dist");
    let src = root().join("web").join("src");
    let bins: Vec<(&str, &str)> =
        WEB_BINS.iter().filter(|(_, source, _)| src.join(source).exists()).map(|&(bin, _, out)| (bin, out)).collect();
    let wasm_dir = build_wasm(&bins.iter().map(|(bin, _)| *bin).collect::<Vec<_>>())?;
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("dist/: {e}"))?;
    let out = dist.to_str().ok_or("dist path is not UTF-8")?.to_string();
    let wasm_opt = npm_dir().join("node_modules").join(".bin").join("wasm-opt");
    let mut hashed = vec!["taxonomy.json".to_string()];
    for (bin, name) in &bins {
        let wasm = wasm_dir.join(format!("{bin}.wasm"));
        let wasm = wasm.to_str().ok_or("target path is not UTF-8")?.to_string();
        step(
            &format!("wasm-bindgen --target web ({bin})"),
            args("wasm-bindgen", &["--target", "web", "--no-typescript", "--out-dir", &out, "--out-name", name, &wasm]),
        )?;
        if wasm_opt.exists() {
            let file = dist.join(format!("{name}_bg.wasm"));
            let file = file.to_str().ok_or("dist path is not UTF-8")?;
            step(
                &format!("wasm-opt -Oz (npm binaryen, {bin})"),
                args(
                    wasm_opt.to_str().unwrap_or("wasm-opt"),
                    &[
                        "-Oz",
                        "--converge",
                        "--strip-producers",
                        "--low-memory-unused",
                        "--zero-filled-memory",
                        file,
                        "-o",
                        file,
                    ],
                ),
            )?;
        } else {
            eprintln!(
                "(wasm-opt not installed: run `cargo xtask test` once, or `npm ci` in web/tests, for a smaller wasm)"
            );
        }
        short_imports(&dist.join(format!("{name}_bg.wasm")), &dist.join(format!("{name}.js")))?;
        minify(&dist.join(format!("{name}.js")), true)?;
        hashed.push(format!("{name}_bg.wasm"));
        hashed.push(format!("{name}.js"));
    }
    let taxonomy = vaardig_taxonomy::packed();
    if taxonomy.is_empty() {
        return Err("the embedded taxonomy does not parse; run cargo xtask test".into());
    }
    std::fs::write(dist.join("taxonomy.json"), &taxonomy).map_err(|e| format!("taxonomy.json: {e}"))?;
    let mut hash = 0xcbf2_9ce4_8422_2325;
    for name in &hashed {
        hash = fnv(&std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?, hash);
    }
    let statics = root().join("web").join("static");
    for entry in std::fs::read_dir(&statics).map_err(|e| format!("web/static: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        hash = fnv(&bytes, hash);
        let bytes = if name == "sw.js" {
            String::from_utf8_lossy(&bytes).replace("__VERSION__", &format!("{hash:016x}")).into_bytes()
        } else {
            bytes
        };
        std::fs::write(dist.join(&name), bytes).map_err(|e| format!("{name}: {e}"))?;
        if name.ends_with(".css") || name.ends_with(".js") {
            minify(&dist.join(&name), false)?;
        }
    }
    precompress(&dist)?;
    eprintln!("dist/ written ({})", dist.display());
    Ok(dist)
}

/// Gives the wasm's imports from its JS glue short names, in the wasm and the JS alike.
/// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`: about 130 names and 4.5 kB of
/// text in the app, written twice (import section and JS), and the hex digits do not compress.
/// Measured on the app with `cargo xtask dist` and the size test's sum: see web/BUDGET.md.
fn short_imports(wasm: &Path, js: &Path) -> Result<(), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (renamed, names) =
        rename_imports(&bytes).ok_or_else(|| format!("{}: not a wasm module I can read", wasm.display()))?;
    let mut text = std::fs::read_to_string(js).map_err(|e| format!("{}: {e}", js.display()))?;
    // Longest first, so no name is replaced inside a longer one.
    let mut order: Vec<&(String, String)> = names.iter().collect();
    order.sort_by_key(|(old, _)| std::cmp::Reverse(old.len()));
    for (old, new) in order {
        if !text.contains(old.as_str()) {
            return Err(format!("{}: import {old} is not in the JS glue", js.display()));
        }
        text = text.replace(old.as_str(), new);
    }
    std::fs::write(js, text).map_err(|e| format!("{}: {e}", js.display()))?;
    std::fs::write(wasm, renamed).map_err(|e| format!("{}: {e}", wasm.display()))
}

fn leb(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut n = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

fn put_leb(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A module with renamed imports, and the (old, new) names.
type Renamed = (Vec<u8>, Vec<(String, String)>);

/// The module with every import whose name starts `__wbg` renamed `a`, `b`, … `ba`, …, and the
/// (old, new) pairs. `None` where the module is not one this reader knows.
fn rename_imports(bytes: &[u8]) -> Option<Renamed> {
    if bytes.get(..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut out = bytes[..8].to_vec();
    let mut names = Vec::new();
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let size = leb(bytes, &mut at)? as usize;
        let body = bytes.get(at..at + size)?;
        at += size;
        if id != 2 {
            out.push(id);
            put_leb(&mut out, size as u32);
            out.extend_from_slice(body);
            continue;
        }
        let mut i = 0;
        let mut section = Vec::new();
        let count = leb(body, &mut i)?;
        put_leb(&mut section, count);
        for _ in 0..count {
            for field in 0..2 {
                let len = leb(body, &mut i)? as usize;
                let name = std::str::from_utf8(body.get(i..i + len)?).ok()?.to_string();
                i += len;
                let name = if field == 1 && name.starts_with("__wbg") {
                    let mut short = String::new();
                    let mut n = names.len();
                    loop {
                        short.insert(0, (b'a' + (n % 26) as u8) as char);
                        n /= 26;
                        if n == 0 {
                            break;
                        }
                        n -= 1;
                    }
                    names.push((name, short.clone()));
                    short
                } else {
                    name
                };
                put_leb(&mut section, name.len() as u32);
                section.extend_from_slice(name.as_bytes());
            }
            // The import's description: a function's type, or a table, memory or global.
            let kind = *body.get(i)?;
            let start = i;
            i += 1;
            match kind {
                0 => {
                    leb(body, &mut i)?;
                }
                1 => {
                    i += 1;
                    let flags = leb(body, &mut i)?;
                    leb(body, &mut i)?;
                    if flags & 1 != 0 {
                        leb(body, &mut i)?;
                    }
                }
                2 => {
                    let flags = leb(body, &mut i)?;
                    leb(body, &mut i)?;
                    if flags & 1 != 0 {
                        leb(body, &mut i)?;
                    }
                }
                3 => i += 2,
                _ => return None,
            }
            section.extend_from_slice(body.get(start..i)?);
        }
        if i != body.len() {
            return None;
        }
        out.push(2);
        put_leb(&mut out, section.len() as u32);
        out.extend_from_slice(&section);
    }
    Some((out, names))
}

/// Minifies a JavaScript or CSS file in place with esbuild (pinned in `web/tests/package.json`):
/// the wasm-bindgen glue (`module`: an ES module), the style sheets and the service worker. It saved the app 1.6 kB brotli of
/// its 150 kB (web/BUDGET.md).
fn minify(file: &Path, module: bool) -> Result<(), String> {
    let esbuild = npm_dir().join("node_modules").join(".bin").join("esbuild");
    if !esbuild.exists() {
        eprintln!("(esbuild not installed: run `npm ci` in web/tests for a smaller app)");
        return Ok(());
    }
    let path = file.to_str().ok_or("dist path is not UTF-8")?;
    let mut c =
        args(esbuild.to_str().unwrap_or("esbuild"), &[path, "--minify", "--allow-overwrite", "--log-level=warning"]);
    c.arg(format!("--outfile={path}"));
    if module {
        c.arg("--format=esm");
    }
    step(&format!("esbuild --minify {}", file.file_name().and_then(|n| n.to_str()).unwrap_or_default()), c)
}

/// Builds the web crate's binaries `bins` for wasm (profile `web`) and returns the folder of their
/// `.wasm` files: with the pinned nightly, std rebuilt with immediate-abort panics and without panic
/// locations or `Debug` output (no text the apps show uses `{:?}`), in its own target folder; with
/// stable when the nightly is missing (larger).
fn build_wasm(bins: &[&str]) -> Result<PathBuf, String> {
    const BUILD: [&str; 7] = ["build", "-p", "vaardig-web", "--target", "wasm32-unknown-unknown", "--profile", "web"];
    let (mut c, dir) = if crate::web_nightly_ready() {
        let dir = target_dir().join("web-nightly");
        let mut c = args("rustup", &["run", crate::WEB_NIGHTLY, "cargo"]);
        c.args(BUILD).args(["-Z", "build-std=std,panic_abort", "-Z", "build-std-features=optimize_for_size"]);
        c.env("CARGO_TARGET_DIR", &dir);
        c.env("RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none");
        (c, dir)
    } else {
        eprintln!("(the pinned {} is not installed: building the web app with stable, larger)", crate::WEB_NIGHTLY);
        let mut c = cargo();
        c.args(BUILD);
        (c, target_dir())
    };
    for bin in bins {
        c.args(["--bin", bin]);
    }
    c.env_remove("CARGO_ENCODED_RUSTFLAGS");
    step(&format!("cargo build {} (wasm32, profile web)", bins.join(", ")), c)?;
    Ok(dir.join("wasm32-unknown-unknown").join("web"))
}

/// Writes a brotli copy (`.br`) beside every text and wasm file, with Node's zlib (Node is needed
/// anyway), so `serve` and any static host can send compressed bytes.
fn precompress(dist: &Path) -> Result<(), String> {
    const SCRIPT: &str = "const z=require('zlib'),fs=require('fs'),p=require('path');const d=process.argv[1];\
        for(const f of fs.readdirSync(d)){if(/\\.(wasm|js|json|css|html|svg|webmanifest)$/.test(f)){\
        fs.writeFileSync(p.join(d,f+'.br'),z.brotliCompressSync(fs.readFileSync(p.join(d,f)),\
        {params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}))}}";
    step(
        "brotli copies of dist/ (node zlib)",
        args("node", &["-e", SCRIPT, dist.to_str().ok_or("dist path is not UTF-8")?]),
    )
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(mut stream: TcpStream, dir: &Path) {
    let mut line = String::new();
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Read the headers; only Accept-Encoding matters.
    let mut header = String::new();
    let mut brotli = false;
    while reader.read_line(&mut header).map(|n| n > 2).unwrap_or(false) {
        let lower = header.to_ascii_lowercase();
        brotli |= lower.starts_with("accept-encoding:") && lower.contains("br");
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").split(['?', '#']).next().unwrap_or("/").to_string();
    let relative = if path == "/" { "index.html".to_string() } else { path.trim_start_matches('/').to_string() };
    let file = dir.join(&relative);
    let safe = !relative.split('/').any(|part| part == ".." || part.is_empty());
    let compressed = dir.join(format!("{relative}.br"));
    let (status, body, kind, encoding) = match (safe, brotli && compressed.exists()) {
        (true, true) => match std::fs::read(&compressed) {
            Ok(bytes) => ("200 OK", bytes, content_type(&file), "Content-Encoding: br\r\nVary: Accept-Encoding\r\n"),
            Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain", ""),
        },
        (true, false) => match std::fs::read(&file) {
            Ok(bytes) => ("200 OK", bytes, content_type(&file), "Vary: Accept-Encoding\r\n"),
            Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain", ""),
        },
        (false, _) => ("404 Not Found", b"not found".to_vec(), "text/plain", ""),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

/// Serves `dir` on 127.0.0.1:`port` until stopped.
pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    eprintln!("\nVaardig runs at http://127.0.0.1:{port}/  (Ctrl-C stops it; demo data: the openings are made up)");
    for stream in listener.incoming().flatten() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || respond(stream, &dir));
    }
    Ok(())
}

/// Runs the browser tests (and the size budget) against `dist/`.
pub fn e2e() -> Result<(), String> {
    if output(args("sh", &["-c", "command -v chromium"])).is_none_or(|(code, _, _)| code != 0) {
        step(
            "apt-get install chromium chromium-driver",
            args("sh", &["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver"]),
        )?;
    }
    npm_install()?;
    dist()?;
    let mut c = args("node", &["--test", "--test-concurrency=1", "e2e.test.mjs"]);
    c.current_dir(npm_dir());
    c.env("VAARDIG_DIST", root().join("dist"));
    c.env("VAARDIG_SCREENSHOTS", target_dir().join("screenshots"));
    step("browser tests (headless Chromium, 360×640)", c)?;
    // The work app, the pool page and the storage tests run against a real pool server in demo mode.
    let server = crate::server_binary(false)?;
    // delen.test.mjs checks a credential exported from the app's "my data" with `vaardig verify`.
    step("build the vaardig CLI", {
        let mut c = cargo();
        c.args(["build", "--quiet", "-p", "vaardig"]);
        c
    })?;
    let with_server = [
        ("werk.test.mjs", "browser tests of the work app (employer, jobhunter, trainer; pool server in demo mode)"),
        ("delen.test.mjs", "browser tests of the young person's pool page (publish, requests, withdraw)"),
        ("pool.test.mjs", "the whole pool story: young person, employer and jobhunter in separate browsers"),
        (
            "storage.test.mjs",
            "the app under bad conditions: earlier saved forms, broken and full storage, other bad input",
        ),
    ];
    for (file, what) in with_server {
        let mut c = args("node", &["--test", "--test-concurrency=1", file]);
        c.current_dir(npm_dir());
        c.env("VAARDIG_DIST", root().join("dist"));
        c.env("VAARDIG_SERVER_BIN", &server);
        c.env("VAARDIG_CLI_BIN", crate::vaardig_binary());
        c.env("VAARDIG_SCREENSHOTS", target_dir().join("screenshots"));
        step(what, c)?;
    }
    Ok(())
}

/// Lighthouse (pinned 12.2.3, mobile) on the served `dist/`: installs it into `target/lighthouse`
/// from npm, serves `dist/` on a free port, and prints the scores. Not part of `test`: it takes
/// minutes and its numbers go to web/BUDGET.md.
pub fn lighthouse() -> Result<(), String> {
    let dir = target_dir().join("lighthouse");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if !dir.join("node_modules").join("lighthouse").exists() {
        let mut c = args("npm", &["install", "--no-audit", "--no-fund", "--no-save", "lighthouse@12.2.3"]);
        c.current_dir(&dir);
        step("npm install lighthouse@12.2.3", c)?;
    }
    let dist = dist()?;
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dist = dist.clone();
            std::thread::spawn(move || respond(stream, &dist));
        }
    });
    let report = dir.join("report.json");
    let profile = dir.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let flags = format!(
        "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
         --disable-sync --no-first-run --user-data-dir={}",
        profile.display()
    );
    let mut c = args(
        dir.join("node_modules").join(".bin").join("lighthouse").to_str().unwrap_or("lighthouse"),
        &[
            &format!("http://127.0.0.1:{port}/"),
            "--form-factor=mobile",
            "--only-categories=performance,accessibility,best-practices",
            "--output=json",
            &format!("--output-path={}", report.display()),
            "--quiet",
            &format!("--chrome-flags={flags}"),
        ],
    );
    c.env("CHROME_PATH", "/usr/bin/chromium");
    step("lighthouse 12.2.3 (mobile) on dist/", c)?;
    const SUMMARY: &str = "const r=require(process.argv[1]);for(const[k,c]of Object.entries(r.categories))\
        console.log(k.padEnd(16),Math.round(c.score*100));for(const a of['first-contentful-paint',\
        'largest-contentful-paint','total-blocking-time','cumulative-layout-shift','speed-index','interactive'])\
        console.log(a.padEnd(26),r.audits[a].displayValue)";
    step("lighthouse scores", args("node", &["-e", SUMMARY, report.to_str().unwrap_or_default()]))
}

#[cfg(test)]
mod import_tests {
    use super::rename_imports;

    /// A module with a type section and two function imports, one of wasm-bindgen's and one not.
    fn module(first: &str) -> Vec<u8> {
        let mut imports = vec![2];
        for (module, field) in [("./m.js", first), ("env", "keep_me")] {
            imports.push(module.len() as u8);
            imports.extend_from_slice(module.as_bytes());
            imports.push(field.len() as u8);
            imports.extend_from_slice(field.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        m.push(imports.len() as u8);
        m.extend_from_slice(&imports);
        m
    }

    #[test]
    fn wasm_bindgen_imports_get_short_names_and_nothing_else_changes() {
        let (renamed, names) = rename_imports(&module("__wbg_log_0123456789abcdef")).expect("reads");
        assert_eq!(names, vec![("__wbg_log_0123456789abcdef".to_string(), "a".to_string())]);
        assert_eq!(renamed, module("a"));
        assert!(rename_imports(b"not wasm").is_none());
    }
}
