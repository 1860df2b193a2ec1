//! Recipes instead of shell scripts: `cargo xtask run` shows the CLI on demo data; `cargo xtask
//! test` sets up what a fresh machine lacks and runs every check CI runs.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod api_fuzz;
mod fuzz;
mod gate;
mod js;
mod load;
mod peers;
mod web;

/// Recipes instead of shell scripts. `cargo xtask test` runs everything CI runs.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", args_override_self = true)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build the web app into dist/ and start the pool server on http://127.0.0.1:8080/: the app,
    /// the API and a demo database (target/vaardig-demo.sqlite) with synthetic data and demo accounts.
    Run {
        /// The port to serve on.
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
    },
    /// Build the deployable web app into dist/.
    Dist,
    /// Serve dist/ as static files only, without the pool server.
    Serve {
        /// The port to serve on.
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
    },
    /// The vaardig CLI on demo data: lookup, match, explain and advise.
    Demo,
    /// Lighthouse 12.2.3 (mobile) on the served dist/, for web/BUDGET.md.
    Lighthouse,
    /// The npm-style package of matching-core for Node in target/js-pkg.
    Js {
        /// Also run its Node tests.
        #[arg(long)]
        test: bool,
    },
    /// Workloads A-D side by side (native, Wasm under Node, scipy.sparse, rapidfuzz, fuzzysort,
    /// a strsim scan) into target/bench-peers.json.
    BenchPeers {
        /// Smaller workloads: a few minutes.
        #[arg(long)]
        quick: bool,
    },
    /// Instruction counts (callgrind) of workloads A and D against benches/gate-baseline.json.
    Gate {
        /// Write a new baseline.
        #[arg(long)]
        update: bool,
    },
    /// The pool server under wrk: 200 connections browsing 50,000 candidates and 5,000 openings,
    /// after a 30 s warm-up; p50/p99/errors for benches/RESULTS.md.
    Load {
        /// How long to measure.
        #[arg(long, value_name = "N", default_value_t = 60)]
        seconds: u64,
    },
    /// Every cargo-fuzz target in fuzz/, seed corpus in fuzz/corpus, crashes in fuzz/artifacts
    /// (installs cargo-fuzz; the pinned nightly).
    Fuzz {
        /// Seconds per target.
        #[arg(long, value_name = "N", default_value_t = 60)]
        seconds: u64,
    },
    /// Schemathesis 4.32.5 against the pool server's OpenAPI document as employer, jobhunter,
    /// admin, no session and a young person who published, each on a demo server of its own: no
    /// 5xx, every answer as documented.
    ApiFuzz {
        /// Examples per operation.
        #[arg(long, value_name = "N", default_value_t = api_fuzz::CI_MAX_EXAMPLES)]
        max_examples: u32,
    },
    /// The CLI checks of `test` alone: the vaardig command as a person meets it.
    CliChecks,
    /// Install what is missing (wasm32 target, wasm-bindgen CLI, Chromium, npm packages), then
    /// fmt, clippy (native and wasm32), the tests, Wasm-equals-native under Node, CLI checks, the
    /// API under schemathesis, and the browser tests of the web app.
    Test,
    /// The same as test.
    Ci,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` goes to standard output and is no error.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::FAILURE } else { ExitCode::SUCCESS };
        }
    };
    let result = match cli.task {
        Task::Run { port } => web::dist().and_then(|dir| pool_server(&dir, port)),
        Task::Dist => web::dist().map(|_| ()),
        Task::Serve { port } => web::serve(&root().join("dist"), port),
        Task::Demo => demo(),
        Task::Lighthouse => web::lighthouse(),
        Task::Gate { update } => gate::gate(update),
        Task::Load { seconds } => load::load(seconds),
        Task::Fuzz { seconds } => fuzz::fuzz(seconds),
        Task::ApiFuzz { max_examples } => api_fuzz::api_fuzz(max_examples),
        Task::Js { test } => js::js(test),
        Task::BenchPeers { quick } => peers::bench_peers(quick),
        Task::CliChecks => cli_checks(),
        Task::Test | Task::Ci => test(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root. `cargo run` gives the manifest folder at run time too; it is preferred to
/// the one compiled in, because a target folder shared by two clones can hold a binary built in
/// the other clone.
fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let manifest = manifest.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest.parent().expect("xtask lives in the workspace").to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

/// Runs a command, echoing it; fails with its exit status.
fn step(what: &str, mut command: Command) -> Result<(), String> {
    eprintln!("\n==> {what}");
    let status = command.status().map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what}: failed ({status})"))
    }
}

fn output(mut command: Command) -> Option<(i32, String, String)> {
    let out = command.output().ok()?;
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

fn args(command: &str, list: &[&str]) -> Command {
    let mut c = Command::new(command);
    c.args(list).current_dir(root());
    c
}

pub(crate) fn vaardig_binary() -> PathBuf {
    target_dir().join("debug").join("vaardig")
}

/// Builds `vaardig-server` (`release`: optimised, for measuring) and returns the binary's path.
pub(crate) fn server_binary(release: bool) -> Result<PathBuf, String> {
    let mut c = cargo();
    c.args(["build", "--quiet", "-p", "vaardig-server"]);
    if release {
        c.arg("--release");
    }
    step(&format!("cargo build vaardig-server{}", if release { " --release" } else { "" }), c)?;
    Ok(target_dir().join(if release { "release" } else { "debug" }).join("vaardig-server"))
}

/// Builds and starts `vaardig-server` in demo mode with the built app: the young person's app,
/// the API and a SQLite file seeded with synthetic openings, candidates and demo accounts.
fn pool_server(dist: &Path, port: u16) -> Result<(), String> {
    let bin = server_binary(false)?;
    let db = target_dir().join("vaardig-demo.sqlite");
    let (dist, db) = (dist.to_str().ok_or("dist path is not UTF-8")?, db.to_str().ok_or("target path is not UTF-8")?);
    let port = port.to_string();
    step(
        "vaardig-server serve --demo (Ctrl-C stops it)",
        args(
            bin.to_str().ok_or("target path is not UTF-8")?,
            &["serve", "--demo", "--dist", dist, "--db", db, "--port", &port],
        ),
    )
}

fn demo() -> Result<(), String> {
    step("build the vaardig CLI", {
        let mut c = cargo();
        c.args(["build", "--quiet", "-p", "vaardig"]);
        c
    })?;
    let bin = vaardig_binary();
    let bin = bin.to_str().ok_or("target path is not UTF-8")?;
    let demo = target_dir().join("demo");
    let demo = demo.to_str().ok_or("target path is not UTF-8")?;
    let profile = format!("{demo}/profiles/p-000003.json");
    let openings = format!("{demo}/openings.json");
    step("vaardig stats", args(bin, &["stats"]))?;
    step(
        "vaardig demo (synthetic openings over Midden-Brabant)",
        args(bin, &["demo", "--openings", "2000", "--profiles", "20", "--seed", "7", "--out", demo]),
    )?;
    step("vaardig lookup heftruk", args(bin, &["lookup", "heftruk", "--top", "5"]))?;
    step("vaardig match", args(bin, &["match", "--profile", &profile, "--openings", &openings, "--top", "5"]))?;
    let first = output(args(bin, &["match", "--json", "--profile", &profile, "--openings", &openings, "--top", "1"]))
        .and_then(|(_, out, _)| {
            let start = out.find("\"opening\": \"")? + 12;
            Some(out[start..start + out[start..].find('"')?].to_string())
        })
        .ok_or("no match to explain")?;
    step(
        "vaardig explain (best match)",
        args(bin, &["explain", "--profile", &profile, "--openings", &openings, "--opening", &first]),
    )?;
    step("vaardig advise", args(bin, &["advise", "--profile", &profile, "--openings", &openings]))?;
    step(
        "vaardig advise --lang en",
        args(bin, &["advise", "--lang", "en", "--profile", &profile, "--openings", &openings]),
    )
}

/// The wasm-bindgen version the lock file resolved: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// The pinned nightly that builds the web app's dist (and nothing else: clippy, tests and every
/// other crate stay on stable). It rebuilds std for the app with immediate-abort panics and no
/// panic locations or `Debug` formatting, which keeps the app under its size budget (web/BUDGET.md).
/// The date is the channel's: this one is rustc 1.97.0-nightly (e50aa6fba 2026-05-19); the
/// channel of 2026-05-19 itself has no wasm32 std.
pub(crate) const WEB_NIGHTLY: &str = "nightly-2026-05-20";

/// Whether the pinned nightly with rust-src and the wasm32 std is installed.
pub(crate) fn web_nightly_ready() -> bool {
    output(args("rustup", &["component", "list", "--installed", "--toolchain", WEB_NIGHTLY])).is_some_and(
        |(code, out, _)| {
            code == 0 && out.lines().any(|l| l.starts_with("rust-src")) && out.contains("wasm32-unknown-unknown")
        },
    )
}

/// Seconds per fuzz target in `cargo xtask test`: a smoke run that keeps the targets building and
/// the seeds passing; the long runs are recorded in docs/RELIABILITY.md.
const CI_FUZZ_SECONDS: u64 = 10;

/// Installs what a fresh machine lacks; once per run, however many recipes ask for it.
pub(crate) fn install_prerequisites() -> Result<(), String> {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if DONE.get().is_some() {
        return Ok(());
    }
    step("rustup target add wasm32-unknown-unknown", args("rustup", &["target", "add", "wasm32-unknown-unknown"]))?;
    let version = locked_wasm_bindgen()?;
    let have = output(args("wasm-bindgen-test-runner", &["--version"])).map(|(_, out, _)| out).unwrap_or_default();
    if !have.contains(&version) {
        step(
            &format!("cargo install wasm-bindgen-cli {version} (takes a few minutes, once)"),
            args("cargo", &["install", "wasm-bindgen-cli", "--version", &version]),
        )?;
    }
    if !web_nightly_ready() {
        let install = args(
            "rustup",
            &[
                "toolchain",
                "install",
                WEB_NIGHTLY,
                "--profile",
                "minimal",
                "--component",
                "rust-src",
                "--target",
                "wasm32-unknown-unknown",
            ],
        );
        if let Err(e) =
            step(&format!("rustup toolchain install {WEB_NIGHTLY} (for the web app's dist only; once)"), install)
        {
            eprintln!(
                "xtask: {e}\n  The web app will be built with stable Rust instead: it works the same but its wasm is \
                 about 20 kB (brotli) larger, so the size test fails. Install {WEB_NIGHTLY} with rust-src and the \
                 wasm32-unknown-unknown target to build it as shipped."
            );
        }
    }
    if output(args("node", &["--version"])).is_none() {
        step("apt-get install nodejs", args("sh", &["-c", "apt-get update && apt-get install -y nodejs"]))?;
    }
    let _ = DONE.set(());
    Ok(())
}

fn test() -> Result<(), String> {
    install_prerequisites()?;
    step("cargo fmt --check", {
        let mut c = cargo();
        c.args(["fmt", "--all", "--check"]);
        c
    })?;
    step("cargo clippy (native, all targets)", {
        let mut c = cargo();
        c.args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]);
        c
    })?;
    step("cargo clippy matching-core, the web app and the JS package (wasm32)", {
        let mut c = cargo();
        c.args([
            "clippy",
            "-p",
            "matching-core",
            "-p",
            "vaardig-web",
            "-p",
            "vaardig-js",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]);
        c
    })?;
    step("cargo build matching-core (wasm32, release)", {
        let mut c = cargo();
        c.args(["build", "-p", "matching-core", "--target", "wasm32-unknown-unknown", "--release"]);
        c
    })?;
    step("cargo test (native)", {
        let mut c = cargo();
        c.args(["test", "--workspace"]);
        c
    })?;
    step("Wasm equals native: the scenario set under Node (wasm-bindgen-test)", {
        let mut c = cargo();
        c.args(["test", "-p", "vaardig-tests", "--target", "wasm32-unknown-unknown"]);
        c
    })?;
    cli_checks()?;
    openapi_routes()?;
    vc_verify()?;
    // The pool server's API as every caller under schemathesis; `cargo xtask api-fuzz` runs longer.
    api_fuzz::api_fuzz(api_fuzz::CI_MAX_EXAMPLES)?;
    gate::gate(false)?;
    js::js(true)?;
    web::e2e()?;
    // Every parser under the fuzzer briefly, from the committed seeds; `cargo xtask fuzz` runs longer.
    fuzz::fuzz(CI_FUZZ_SECONDS)
}

/// The generated OpenAPI document (`vaardig-server openapi`, the one the server serves) lists
/// exactly the router's routes: `server/tests/openapi_routes.py` on the document written to the
/// target folder.
fn openapi_routes() -> Result<(), String> {
    let bin = server_binary(false)?;
    let (status, document, stderr) = output(args(bin.to_str().ok_or("target path is not UTF-8")?, &["openapi"]))
        .ok_or("cannot start vaardig-server")?;
    if status != 0 {
        return Err(format!("vaardig-server openapi: exit {status}: {stderr}"));
    }
    let path = target_dir().join("openapi.json");
    std::fs::write(&path, document).map_err(|e| format!("{}: {e}", path.display()))?;
    let path = path.to_str().ok_or("target path is not UTF-8")?;
    step(
        "the generated OpenAPI document lists exactly the server's routes",
        args("python3", &["server/tests/openapi_routes.py", "server/src/handlers/mod.rs", path]),
    )
}

/// The pool's workplace credentials checked by other implementations (jose, ajv with the Open
/// Badges 3.0 JSON Schema, jsonld with the contexts from npm), offline, against a real server:
/// `server/tests/vc`, its own npm lock file.
fn vc_verify() -> Result<(), String> {
    let dir = root().join("server").join("tests").join("vc");
    if !dir.join("node_modules").join("jose").exists() {
        let mut c = args("npm", &["ci", "--no-audit", "--no-fund"]);
        c.current_dir(&dir);
        step("npm ci (server/tests/vc: jose, ajv, jsonld, the VC 2.0 and OB 3.0 contexts)", c)?;
    }
    let mut c = args("node", &["--test", "verify.test.mjs"]);
    c.current_dir(&dir);
    c.env("VAARDIG_SERVER_BIN", server_binary(false)?);
    step("workplace credentials verified independently (Open Badges 3.0, VC 2.0, vc+jwt)", c)
}

/// `vaardig match --json --override --top 300` on the given files.
fn long_command(bin: &str, profile: &str, openings: &str) -> Command {
    args(bin, &["match", "--json", "--override", "--top", "300", "--profile", profile, "--openings", openings])
}

/// Runs `command`, reads the first line of its output and closes the pipe, as `| head -1` does;
/// then its exit code, that line and everything it wrote to stderr.
fn first_line_then_close(command: &mut Command) -> Result<(Option<i32>, String, String), String> {
    use std::io::{BufRead, Read};
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut first = String::new();
    {
        let stdout = child.stdout.take().ok_or("no stdout")?;
        std::io::BufReader::new(stdout).read_line(&mut first).map_err(|e| e.to_string())?;
        // The reader (and the pipe's read end) is dropped here.
    }
    let mut err = String::new();
    child.stderr.take().ok_or("no stderr")?.read_to_string(&mut err).map_err(|e| e.to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    Ok((status.code(), first, err))
}

/// The CLI as a person meets it: commands work, a broken file exits 2 and says where; wrong use
/// exits 1 with a suggestion; `--help` everywhere; a closed pipe ends quietly.
fn cli_checks() -> Result<(), String> {
    step("build the vaardig CLI", {
        let mut c = cargo();
        c.args(["build", "--quiet", "-p", "vaardig"]);
        c
    })?;
    eprintln!("\n==> CLI checks");
    let bin = vaardig_binary();
    let bin = bin.to_str().ok_or("target path is not UTF-8")?;
    let dir = target_dir().join("cli-check");
    let demo = dir.to_str().ok_or("target path is not UTF-8")?;
    let (mut passed, mut failed) = (0, 0);
    let mut check = |name: &str, ok: bool, detail: String| {
        if ok {
            passed += 1;
            eprintln!("  ok   {name}");
        } else {
            failed += 1;
            eprintln!("  FAIL {name}: {detail}");
        }
    };
    let demo_run = output(args(bin, &["demo", "--openings", "300", "--profiles", "3", "--seed", "3", "--out", demo]));
    check("demo writes files", demo_run.as_ref().is_some_and(|r| r.0 == 0), format!("{demo_run:?}"));
    let again = target_dir().join("cli-check-again");
    let _ = output(args(
        bin,
        &["demo", "--openings", "300", "--profiles", "3", "--seed", "3", "--out", again.to_str().unwrap_or("")],
    ));
    let same = std::fs::read(dir.join("openings.json")).ok() == std::fs::read(again.join("openings.json")).ok();
    check("demo is deterministic", same, "two runs with one seed differ".into());
    let profile = format!("{demo}/profiles/p-000001.json");
    let openings = format!("{demo}/openings.json");
    let m = output(args(bin, &["match", "--profile", &profile, "--openings", &openings, "--top", "3"]));
    check(
        "match prints in Dutch",
        m.as_ref().is_some_and(|r| r.0 == 0 && r.1.contains("werkplekken")),
        format!("{m:?}"),
    );
    let j = output(args(bin, &["match", "--json", "--profile", &profile, "--openings", &openings, "--top", "3"]));
    check(
        "match --json is JSON",
        j.as_ref().is_some_and(|r| r.0 == 0 && r.1.trim_start().starts_with('{')),
        format!("{j:?}"),
    );
    let l = output(args(bin, &["lookup", "heftruk", "--lang", "en"]));
    check(
        "lookup finds the forklift",
        l.as_ref().is_some_and(|r| r.1.contains("log.heftruck_rijden")),
        format!("{l:?}"),
    );
    let broken = dir.join("broken.json");
    let _ = std::fs::write(&broken, "{\n  \"format\": \"vaardig.profile\",\n  \"version\": 1,\n  \"id\": \"x\",\n  \"claims\": [{\"item\": {\"skill\": \"log.vliegen\"}, \"level\": 2}]\n}\n");
    let b = output(args(bin, &["validate", broken.to_str().unwrap_or("")]));
    check(
        "a bad file exits 2 with line, column and field",
        b.as_ref().is_some_and(|r| r.0 == 2 && r.2.contains("broken.json:5:") && r.2.contains("claims[0].item")),
        format!("{b:?}"),
    );
    let v = output(args(bin, &["validate", &openings]));
    check("validate accepts demo openings", v.as_ref().is_some_and(|r| r.0 == 0), format!("{v:?}"));
    let hobby = dir.join("hobby.json");
    let _ = std::fs::write(&hobby, "{\n  \"format\": \"vaardig.profile\",\n  \"version\": 1,\n  \"id\": \"x\",\n  \"practical\": {\n    \"shifts\": [\"day\", \"night\"],\n    \"hobby\": \"voetbal\"\n  }\n}\n");
    let h = output(args(bin, &["validate", hobby.to_str().unwrap_or("")]));
    check(
        "an unknown field is named with the object it is in",
        h.as_ref().is_some_and(|r| r.0 == 2 && r.2.contains("hobby.json:7:") && r.2.contains("`practical.hobby`")),
        format!("{h:?}"),
    );
    // Usage errors: exit 1, with a suggestion where one is close.
    let t = output(args(bin, &["mtach"]));
    check(
        "an unknown command is refused with a suggestion (exit 1)",
        t.as_ref().is_some_and(|r| r.0 == 1 && r.1.is_empty() && r.2.contains("'mtach'") && r.2.contains("'match'")),
        format!("{t:?}"),
    );
    let f = output(args(bin, &["match", "--prfile", &profile, "--openings", &openings]));
    check(
        "an unknown flag is refused with a suggestion (exit 1)",
        f.as_ref().is_some_and(|r| r.0 == 1 && r.2.contains("'--prfile'") && r.2.contains("'--profile'")),
        format!("{f:?}"),
    );
    let n = output(args(bin, &["match", "--openings", &openings]));
    check(
        "a missing flag is named (exit 1)",
        n.as_ref().is_some_and(|r| r.0 == 1 && r.2.contains("--profile")),
        format!("{n:?}"),
    );
    let x = output(args(bin, &["lookup", "heftruk", "--top", "veel"]));
    check(
        "a bad number is refused (exit 1)",
        x.as_ref().is_some_and(|r| r.0 == 1 && r.2.contains("veel")),
        format!("{x:?}"),
    );
    let top = output(args(bin, &["--help"]));
    check(
        "--help lists the commands and the exit codes (exit 0)",
        top.as_ref().is_some_and(|r| r.0 == 0 && r.1.contains("match") && r.1.contains("Exit codes") && r.2.is_empty()),
        format!("{top:?}"),
    );
    for command in ["lookup", "match", "explain", "advise", "validate", "stats", "demo", "verify"] {
        let h = output(args(bin, &[command, "--help"]));
        check(
            &format!("{command} --help (exit 0)"),
            h.as_ref().is_some_and(|r| r.0 == 0 && r.1.contains("Usage: vaardig") && r.2.is_empty()),
            format!("{h:?}"),
        );
    }
    // A reader that stops early (`vaardig match … | head -1`): the rest of the output has nowhere
    // to go, and the command ends quietly. The JSON of 300 ranked openings is far more than a pipe
    // holds, so the writes after the first line meet the closed pipe.
    let mut long = long_command(bin, &profile, &openings);
    let whole = output(long_command(bin, &profile, &openings));
    let big = whole.as_ref().is_some_and(|r| r.0 == 0 && r.1.len() > 1 << 20);
    check(
        "match --json of 300 openings is over a MiB (so the pipe closes mid-write)",
        big,
        format!("{} bytes", whole.map_or(0, |r| r.1.len())),
    );
    let head = first_line_then_close(&mut long);
    check(
        "match | head -1 ends quietly: exit 0, nothing on stderr",
        head.as_ref().is_ok_and(|(code, first, err)| *code == Some(0) && first.starts_with('{') && err.is_empty()),
        format!("{head:?}"),
    );
    println!("cli: {passed} passed, {failed} failed");
    if failed > 0 {
        return Err(format!("{failed} CLI check(s) failed"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("xtask").chain(line.split_whitespace()))
    }

    #[test]
    fn every_documented_recipe_still_parses() {
        Cli::command().debug_assert();
        for line in [
            "test",
            "ci",
            "run",
            "run --port 8081",
            "dist",
            "serve --port 8081",
            "demo",
            "lighthouse",
            "js",
            "js --test",
            "bench-peers",
            "bench-peers --quick",
            "gate",
            "gate --update",
            "load",
            "load --seconds 60",
            "fuzz --seconds 210",
            "api-fuzz",
            "api-fuzz --max-examples 50",
            "cli-checks",
        ] {
            if let Err(e) = parse(line) {
                panic!("{line}: {e}");
            }
        }
    }

    #[test]
    fn a_mistyped_recipe_or_flag_is_refused_with_a_suggestion() {
        let e = parse("tset").err().expect("refused");
        assert!(e.use_stderr() && e.to_string().contains("'test'"), "{e}");
        let e = parse("gate --updat").err().expect("refused");
        assert!(e.use_stderr() && e.to_string().contains("'--update'"), "{e}");
        let e = parse("fuzz --seconds ten").err().expect("refused");
        assert!(e.use_stderr(), "{e}");
        let e = parse("load --help").err().expect("help");
        assert!(!e.use_stderr(), "help goes to standard output, exit 0");
    }
}
