//! `cargo xtask load`: the pool server under load on loopback, as issue 8 asks: 200 concurrent
//! employer browse requests against 50,000 candidates and 5,000 openings for 60 s, with wrk
//! (Debian). A benchmark, not a test: it prints p50/p99 and errors for benches/RESULTS.md.

use crate::{args, output, step, target_dir};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

/// Candidates and openings in the load pool.
const CANDIDATES: usize = 50_000;
const OPENINGS: usize = 5_000;

/// Concurrent connections, and wrk's threads (one per core here).
const CONNECTIONS: &str = "200";
const THREADS: &str = "2";

/// Seconds of unrecorded warm-up: long enough to rank every opening once.
const WARM_UP: &str = "30s";

fn lua(cookie: &str) -> String {
    format!(
        r#"wrk.headers["Cookie"] = "{cookie}"
math.randomseed(42)
request = function()
  return wrk.format("GET", string.format("/api/openings/o-%06d/candidates", math.random(1, {OPENINGS})))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d rps=%.0f socket_errors=%d non_2xx=%d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), e.connect + e.read + e.write + e.timeout, e.status))
end
"#
    )
}

/// Logs in over plain HTTP; returns the session cookie pair.
fn login(address: &str, email: &str, password: &str) -> Result<String, String> {
    let body = format!(r#"{{"email":"{email}","password":"{password}"}}"#);
    let mut stream = TcpStream::connect(address).map_err(|e| format!("{address}: {e}"))?;
    write!(
        stream,
        "POST /api/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).map_err(|e| e.to_string())?;
    answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .and_then(|c| c.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| format!("login failed: {}", answer.lines().next().unwrap_or_default()))
}

/// The files of one SQLite database in WAL mode, by what follows its name.
const DATABASE_FILES: [&str; 3] = ["", "-wal", "-shm"];

/// `path` with `suffix` after its file name (`pool.sqlite` → `pool.sqlite-wal`).
fn sidecar(path: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

pub fn load(seconds: u64) -> Result<(), String> {
    if output(args("sh", &["-c", "command -v wrk"])).is_none_or(|(code, _, _)| code != 0) {
        step(
            "apt-get install wrk",
            args("sh", &["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"]),
        )?;
    }
    let bin = crate::server_binary(true)?;
    let dir = target_dir().join("load");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // Seeded once; every run starts from a fresh copy, so the "who looked" rows of earlier runs do
    // not make later runs slower and runs can be compared.
    let seeded = dir.join(format!("seeded-{OPENINGS}-{CANDIDATES}.sqlite"));
    let bin = bin.to_string_lossy().into_owned();
    if !seeded.exists() {
        let partial = dir.join("seeding.sqlite");
        for suffix in DATABASE_FILES {
            let _ = std::fs::remove_file(sidecar(&partial, suffix));
        }
        let (openings, candidates) = (OPENINGS.to_string(), CANDIDATES.to_string());
        let partial_path = partial.to_string_lossy().into_owned();
        step(
            "seed 5,000 openings and 50,000 candidates",
            args(&bin, &["seed", "--db", &partial_path, "--openings", &openings, "--candidates", &candidates]),
        )?;
        // The WAL may still hold part of the seed (the audit writer's connection is never closed);
        // it travels with the file, and SQLite replays it on the next open. The WAL goes first, so
        // a database file named `seeded` is never without its WAL.
        for suffix in ["-wal", ""] {
            if sidecar(&partial, suffix).exists() {
                std::fs::rename(sidecar(&partial, suffix), sidecar(&seeded, suffix)).map_err(|e| e.to_string())?;
            }
        }
        let _ = std::fs::remove_file(sidecar(&partial, "-shm"));
    }
    let db = dir.join("run.sqlite");
    for suffix in DATABASE_FILES {
        let (from, to) = (sidecar(&seeded, suffix), sidecar(&db, suffix));
        let _ = std::fs::remove_file(&to);
        // The shared-memory index is rebuilt by SQLite from the WAL.
        if suffix != "-shm" && from.exists() {
            std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
        }
    }
    let db_path = db.to_string_lossy().into_owned();
    let mut server = std::process::Command::new(&bin)
        .args(["serve", "--port", "0", "--db", &db_path])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("{bin}: {e}"))?;
    let mut lines = BufReader::new(server.stderr.take().ok_or("no stderr")?).lines();
    let address = loop {
        let line = lines.next().ok_or("the server stopped")?.map_err(|e| e.to_string())?;
        if let Some(rest) = line.strip_prefix("Vaardig serves on http://") {
            break rest.split_whitespace().next().unwrap_or_default().to_string();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    let result = (|| {
        let cookie = login(&address, "werkgever@demo.vaardig.nl", "demo-werkgever-2026")?;
        let script = dir.join("browse.lua");
        std::fs::write(&script, lua(&cookie)).map_err(|e| e.to_string())?;
        let (script, url) = (script.to_string_lossy().into_owned(), format!("http://{address}"));
        step(
            "wrk warm-up (not recorded: every opening ranked once)",
            args("wrk", &["-t", THREADS, "-c", CONNECTIONS, "-d", WARM_UP, "-s", &script, &url]),
        )?;
        let duration = format!("{seconds}s");
        step(
            &format!("wrk: {CONNECTIONS} connections, {seconds} s, GET /api/openings/{{random}}/candidates"),
            args("wrk", &["-t", THREADS, "-c", CONNECTIONS, "-d", &duration, "--latency", "-s", &script, &url]),
        )
    })();
    let _ = server.kill();
    let _ = server.wait();
    result
}
