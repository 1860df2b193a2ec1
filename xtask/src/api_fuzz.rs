//! `cargo xtask api-fuzz [--max-examples N]`: schemathesis (pinned, from PyPI, in a venv in the
//! target folder) against the pool server's OpenAPI document as every kind of caller, each against
//! a demo server of its own: no 5xx, and every answer as the document describes it.

use crate::{args, output, step, target_dir};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The schemathesis release, pinned: another release generates other cases.
const SCHEMATHESIS: &str = "4.32.5";

/// What every answer is checked for: no 5xx; status code, content type, body and headers as the
/// document says. (Its stricter positive/negative-data checks judge how tight the document's
/// schemas are, not whether the server errs; see docs/RELIABILITY.md.)
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_schema_conformance,response_headers_conformance";

/// One seed for every run, so a run generates the same cases again (only the server's own random ids
/// and secrets differ).
const SEED: &str = "2026";

/// Examples per operation in `cargo xtask test`: the coverage phase's cases do not depend on it, so
/// 10 keeps the recipe to a few minutes on 2 cores; runs by hand take more.
pub const CI_MAX_EXAMPLES: u32 = 10;

/// Who calls the API.
#[derive(Clone, Copy, PartialEq)]
enum Caller {
    Employer,
    Jobhunter,
    Admin,
    NoSession,
    /// A young person who published: the device secret as `Authorization: Bearer`, and their own
    /// publication's id in the paths that take one.
    YoungPerson,
}

impl Caller {
    const ALL: [Caller; 5] =
        [Caller::Employer, Caller::Jobhunter, Caller::Admin, Caller::NoSession, Caller::YoungPerson];

    fn name(self) -> &'static str {
        match self {
            Caller::Employer => "employer",
            Caller::Jobhunter => "jobhunter",
            Caller::Admin => "admin",
            Caller::NoSession => "no session",
            Caller::YoungPerson => "young person",
        }
    }

    /// The role as the demo banner names it, for callers who log in.
    fn role(self) -> Option<&'static str> {
        match self {
            Caller::Employer => Some("employer"),
            Caller::Jobhunter => Some("jobhunter"),
            Caller::Admin => Some("admin"),
            Caller::NoSession | Caller::YoungPerson => None,
        }
    }
}

/// The venv's schemathesis, installed at the pinned version where it is not yet.
fn schemathesis() -> Result<PathBuf, String> {
    let venv = target_dir().join("schemathesis-venv");
    let bin = venv.join("bin").join("schemathesis");
    let have = bin.to_str().and_then(|b| output(args(b, &["--version"]))).map(|(_, out, _)| out).unwrap_or_default();
    if have.trim_end().ends_with(&format!("version {SCHEMATHESIS}")) {
        return Ok(bin);
    }
    let venv_path = venv.to_str().ok_or("target path is not UTF-8")?;
    if step("python3 -m venv", args("python3", &["-m", "venv", "--clear", venv_path])).is_err() {
        step(
            "apt-get install python3-venv",
            args(
                "sh",
                &["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv"],
            ),
        )?;
        step("python3 -m venv", args("python3", &["-m", "venv", "--clear", venv_path]))?;
    }
    let pip = venv.join("bin").join("pip");
    let pinned = format!("schemathesis=={SCHEMATHESIS}");
    step(
        &format!("pip install {pinned} (once)"),
        args(pip.to_str().ok_or("target path is not UTF-8")?, &["install", "--quiet", &pinned]),
    )?;
    Ok(bin)
}

/// A demo server of its own: a fresh database file, a free loopback port.
struct Server {
    child: Child,
    address: String,
    /// The demo accounts from the banner: (role, e-mail, password).
    accounts: Vec<(String, String, String)>,
}

impl Server {
    fn start(bin: &Path, db: &Path) -> Result<Server, String> {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let mut child = Command::new(bin)
            // Schemathesis publishes far more than a person would from one address.
            .args(["serve", "--demo", "--port", "0", "--writes-per-hour", "1000000", "--db"])
            .arg(db)
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        let mut lines = BufReader::new(child.stderr.take().ok_or("no stderr")?).lines();
        let mut accounts = Vec::new();
        let address = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                return Err("the server stopped before it served".into());
            };
            if let Some(rest) = line.strip_prefix("Vaardig serves on http://") {
                break rest.split_whitespace().next().unwrap_or_default().to_string();
            }
            // "  employer   werkgever@demo.vaardig.nl   demo-werkgever-2026  midden-brabant"
            let words: Vec<&str> = line.split_whitespace().collect();
            if line.starts_with("  ") && words.len() >= 3 && words[1].contains('@') {
                accounts.push((words[0].to_string(), words[1].to_string(), words[2].to_string()));
            }
        };
        // What the server says while it is fuzzed (an internal error's detail) goes to our stderr.
        std::thread::spawn(move || lines.map_while(Result::ok).for_each(|l| eprintln!("  server: {l}")));
        Ok(Server { child, address, accounts })
    }

    /// One HTTP/1.1 request on a connection of its own; returns (status, head, body).
    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[String],
        body: &str,
    ) -> Result<(u16, String, String), String> {
        let mut stream = TcpStream::connect(&self.address).map_err(|e| format!("{}: {e}", self.address))?;
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.address);
        for h in headers {
            head.push_str(&format!("{h}\r\n"));
        }
        if !body.is_empty() {
            head.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
        }
        write!(stream, "{head}\r\n{body}").map_err(|e| e.to_string())?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).map_err(|e| e.to_string())?;
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        Ok((status, head.to_string(), body.to_string()))
    }

    /// Logs in as the demo account of `role`; returns the headers a session sends.
    fn login(&self, role: &str) -> Result<Vec<String>, String> {
        let (_, email, password) =
            self.accounts.iter().find(|a| a.0 == role).ok_or(format!("the demo banner lists no {role}"))?;
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        let (status, head, body) = self.request("POST", "/api/login", &[], &body)?;
        let cookie = head
            .lines()
            .find_map(|l| l.to_ascii_lowercase().starts_with("set-cookie:").then(|| l[11..].trim().to_string()))
            .and_then(|c| c.split(';').next().map(str::to_string));
        let csrf =
            serde_json::from_str::<serde_json::Value>(&body).ok().and_then(|v| v["csrf"].as_str().map(str::to_string));
        match (status, cookie, csrf) {
            (200, Some(cookie), Some(csrf)) => Ok(vec![format!("Cookie: {cookie}"), format!("X-CSRF-Token: {csrf}")]),
            _ => Err(format!("login as {email}: {status} {body}")),
        }
    }

    /// Publishes the served document's own example body (`Publish`); returns (id, secret).
    fn publish(&self) -> Result<(String, String), String> {
        let (status, _, document) = self.request("GET", "/api/openapi.json", &[], "")?;
        let document: serde_json::Value =
            serde_json::from_str(&document).map_err(|e| format!("GET /api/openapi.json: {status}: {e}"))?;
        let example = document["components"]["schemas"]["Publish"]["examples"][0].to_string();
        let (status, _, body) = self.request("POST", "/api/candidates", &[], &example)?;
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        match (status, answer["id"].as_str(), answer["secret"].as_str()) {
            (201, Some(id), Some(secret)) => Ok((id.to_string(), secret.to_string())),
            _ => Err(format!("publishing the document's Publish example: {status} {body}")),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How often a generated identifier is replaced by a real one from the demo pool: half the cases
/// reach the code behind the lookup, half try identifiers that do not exist.
const REAL_IDS: &str = "0.5";

/// The first `n` ids of a page of the API (`items[].id`).
fn ids(server: &Server, path: &str, headers: &[String]) -> Result<Vec<String>, String> {
    let (status, _, body) = server.request("GET", path, headers, "")?;
    let page: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    let ids: Vec<String> =
        page["items"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str().map(str::to_string)).collect();
    if status != 200 || ids.is_empty() {
        return Err(format!("GET {path}: {status} {body}"));
    }
    Ok(ids)
}

/// A TOML string array.
fn toml_list(values: &[String]) -> String {
    format!("[{}]", values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", "))
}

/// The schemathesis configuration for an employer or jobhunter: real opening and candidate ids of
/// the demo pool (read as the demo jobhunter) in the places that take one, half the time.
fn pool_ids_config(server: &Server) -> Result<String, String> {
    let jobhunter = server.login("jobhunter")?;
    let openings = ids(server, "/api/region/openings?limit=10", &jobhunter)?;
    let candidates = ids(server, "/api/region/candidates?limit=10", &jobhunter)?;
    let (openings, candidates) = (toml_list(&openings), toml_list(&candidates));
    let c = format!("{{ dictionary = \"candidates\", probability = {REAL_IDS} }}");
    let o = format!("{{ dictionary = \"openings\", probability = {REAL_IDS} }}");
    Ok(format!(
        r#"[dictionaries]
openings = {{ values = {openings} }}
candidates = {{ values = {candidates} }}

[parameters]
"path.candidate" = {c}
"body.candidate" = {c}
"body.candidates[*]" = {c}
"body.opening" = {o}
"body.openings[*]" = {o}

[[operations]]
include-path-regex = '^/api/openings/\{{id\}}'
parameters = {{ "path.id" = {o} }}

[[operations]]
include-path-regex = '^/api/region/candidates/\{{id\}}'
parameters = {{ "path.id" = {c} }}
"#
    ))
}

/// Runs schemathesis as one caller against a server of its own; returns its summary line.
fn fuzz_as(caller: Caller, server_bin: &Path, tool: &Path, max_examples: u32) -> Result<String, String> {
    let dir = target_dir().join("api-fuzz");
    let slug = caller.name().replace(' ', "-");
    let server = Server::start(server_bin, &dir.join(format!("{slug}.sqlite")))?;
    let mut headers = Vec::new();
    let mut excluded = Vec::new();
    let mut config = String::from("# Written by cargo xtask api-fuzz for one run.\n");
    // A request that must still answer 200 after the run: the caller stayed who it was meant to be.
    let mut still = None;
    if let Some(role) = caller.role() {
        headers = server.login(role)?;
        // Logging out would end the session the later cases send: they would all be 401.
        excluded.push("logout");
        still = Some(("/api/session".to_string(), headers.clone()));
        if caller != Caller::Admin {
            config.push_str(&pool_ids_config(&server)?);
        }
    } else if caller == Caller::YoungPerson {
        let (id, secret) = server.publish()?;
        // A contact request from the demo employer, so answering one reaches more than a 404.
        let employer = server.login("employer")?;
        let ask = serde_json::json!({"candidate": id, "message": "Wil je een keer langskomen?"}).to_string();
        let (status, _, body) = server.request("POST", "/api/contact-requests", &employer, &ask)?;
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        let request =
            answer["id"].as_str().filter(|_| status == 201).ok_or(format!("contact request: {status} {body}"))?;
        headers.push(format!("Authorization: Bearer {secret}"));
        // Withdrawing deletes the publication the later cases read and update.
        excluded.push("withdraw");
        config.push_str(&format!(
            r#"[[operations]]
include-path-regex = '^/api/candidates/\{{id\}}'
parameters = {{ "path.id" = "{id}", "path.request" = "{request}" }}
"#
        ));
        still = Some((format!("/api/candidates/{id}"), headers.clone()));
    }
    let config_file = dir.join(format!("{slug}.toml"));
    std::fs::write(&config_file, config).map_err(|e| format!("{}: {e}", config_file.display()))?;
    let mut command = Command::new(tool);
    command.arg("--config-file").arg(&config_file);
    let url = format!("http://{}/api/openapi.json", server.address);
    let examples = max_examples.to_string();
    command
        .args(["run", &url, "--checks", CHECKS, "--max-examples", &examples, "--seed", SEED])
        .args(["--generation-database", "none", "--no-color"])
        .current_dir(&dir);
    for h in &headers {
        command.args(["-H", h]);
    }
    for operation in &excluded {
        command.args(["--exclude-operation-id", operation]);
    }
    let shown = if excluded.is_empty() { String::new() } else { format!(", without {}", excluded.join(", ")) };
    eprintln!("\n==> schemathesis as {}{shown} ({max_examples} examples per operation, seed {SEED})", caller.name());
    let mut child = command.stdout(Stdio::piped()).spawn().map_err(|e| format!("{}: {e}", tool.display()))?;
    let mut summary = String::new();
    for line in BufReader::new(child.stdout.take().ok_or("no stdout")?).lines().map_while(Result::ok) {
        if line.contains(" generated") {
            summary = line.trim().to_string();
        }
        println!("{line}");
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("schemathesis as {}: {summary} ({status})", caller.name()));
    }
    if let Some((path, headers)) = still {
        let (code, _, body) = server.request("GET", &path, &headers, "")?;
        if code != 200 {
            return Err(format!(
                "as {}: after the run GET {path} answers {code} {body}: the cases ran without the caller's credentials",
                caller.name()
            ));
        }
    }
    Ok(summary)
}

/// Every caller in turn; fails when any of them found a failure.
pub fn api_fuzz(max_examples: u32) -> Result<(), String> {
    let tool = schemathesis()?;
    let server_bin = crate::server_binary(false)?;
    let dir = target_dir().join("api-fuzz");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let started = std::time::Instant::now();
    let mut results = Vec::new();
    for caller in Caller::ALL {
        let at = std::time::Instant::now();
        let result = fuzz_as(caller, &server_bin, &tool, max_examples);
        results.push((caller, result, at.elapsed().as_secs()));
    }
    eprintln!("\n==> schemathesis {SCHEMATHESIS}, {max_examples} examples per operation, seed {SEED}");
    let mut failed = 0;
    for (caller, result, seconds) in &results {
        match result {
            Ok(summary) => eprintln!("  ok   {:<13} {summary} ({seconds} s)", caller.name()),
            Err(e) => {
                failed += 1;
                eprintln!("  FAIL {:<13} {e} ({seconds} s)", caller.name());
            }
        }
    }
    eprintln!("  {} s in all", started.elapsed().as_secs());
    if failed > 0 {
        return Err(format!("schemathesis failed as {failed} caller(s)"));
    }
    Ok(())
}
