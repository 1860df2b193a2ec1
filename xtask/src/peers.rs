//! `cargo xtask bench-peers [--quick]`: workloads A-D side by side, in one run on the same data —
//! our native code (`benches/src/bin/peers.rs`), our Wasm build under Node (the JS package),
//! scipy.sparse and rapidfuzz in Python and fuzzysort in Node (`benches/peers/`, pinned, installed
//! by the command). Writes `target/bench-peers.json` and prints a table with the targets.

use crate::{args, cargo, root, step, target_dir};
use serde_json::{json, Value};

/// Runs everything and writes `target/bench-peers.json`.
pub fn bench_peers(quick: bool) -> Result<(), String> {
    crate::install_prerequisites()?;
    let data = target_dir().join("bench-peers");
    let data_arg = data.to_str().ok_or("target path is not UTF-8")?.to_string();
    std::fs::create_dir_all(&data).map_err(|e| format!("{data_arg}: {e}"))?;
    step("cargo build --release (benches: peers)", {
        let mut c = cargo();
        c.args(["build", "--release", "-p", "vaardig-benches", "--bin", "peers"]);
        c
    })?;
    let bin = target_dir().join("release").join("peers");
    let bin = bin.to_str().ok_or("target path is not UTF-8")?.to_string();
    let mut ours = vec![data_arg.as_str()];
    if quick {
        ours.push("--quick");
    }
    step("vaardig native: workloads A-D and the strsim scan", args(&bin, &ours))?;
    let run_sh = root().join("benches").join("peers").join("run.sh");
    step(
        "peers: scipy.sparse, rapidfuzz (Python), fuzzysort (Node)",
        args("bash", &[run_sh.to_str().ok_or("path is not UTF-8")?, &data_arg, &data_arg]),
    )?;
    crate::js::js(false)?;
    let wasm_out = data.join("wasm.json");
    let bench = root().join("js").join("bench").join("bench.mjs");
    step("vaardig wasm under Node (the JS package)", {
        let mut c = args(
            "node",
            &[bench.to_str().ok_or("path is not UTF-8")?, &data_arg, wasm_out.to_str().ok_or("path is not UTF-8")?],
        );
        c.env("VAARDIG_JS_PKG", crate::js::package_dir());
        c
    })?;

    let mut entries = Vec::new();
    for name in ["native.json", "wasm.json", "peers_ranking.json", "peers_lookup.json", "peers_fuzzysort.json"] {
        let path = data.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let list: Vec<Value> = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        entries.extend(list);
    }
    let meta: Value = std::fs::read_to_string(data.join("meta.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    let report = json!({
        "command": if quick { "cargo xtask bench-peers --quick" } else { "cargo xtask bench-peers" },
        "machine": machine(),
        "workloads": meta,
        "results": entries,
        "targets": targets(&entries),
    });
    let out = root().join("target").join("bench-peers.json");
    std::fs::create_dir_all(root().join("target")).map_err(|e| format!("target/: {e}"))?;
    std::fs::write(&out, serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", out.display()))?;
    print_table(&entries);
    println!("\ntargets (issue 5):");
    for line in report["targets"].as_array().into_iter().flatten() {
        println!("  {}", line.as_str().unwrap_or_default());
    }
    println!("\nwritten: {}", out.display());
    Ok(())
}

/// CPU model and count, and the date, so a result is never read without its machine.
fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model =
        cpuinfo.lines().find_map(|l| l.strip_prefix("model name")).map(|l| l.trim_start_matches([' ', '\t', ':']));
    let cores = cpuinfo.lines().filter(|l| l.starts_with("processor")).count();
    let date = std::process::Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%dT%H:%M:%SZ")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    json!({"cpu": model, "cores": cores, "date": date, "note": "each system runs on one core"})
}

/// The first entry of a workload and system (peers may add variants after their main one).
fn find<'a>(entries: &'a [Value], workload: &str, system: &str) -> Option<&'a Value> {
    entries.iter().find(|e| e["workload"] == workload && e["system"].as_str().is_some_and(|s| s.starts_with(system)))
}

fn number(entry: Option<&Value>, field: &str) -> Option<f64> {
    entry.and_then(|e| e[field].as_f64())
}

/// A measured number for a report line, or "?" where a system did not report it.
fn show(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "?".to_string(), |x| format!("{x:.digits$}"))
}

/// Each target of the issue, met or missed, with the measured numbers.
fn targets(entries: &[Value]) -> Vec<String> {
    let native = |w| find(entries, w, "vaardig (native)");
    let wasm = |w| find(entries, w, "vaardig (wasm");
    let scipy = |w| find(entries, w, "scipy.sparse");
    let mut out = Vec::new();
    let mut check = |name: &str, ok: Option<bool>, detail: String| {
        let verdict = match ok {
            Some(true) => "met   ",
            Some(false) => "MISSED",
            None => "n/a   ",
        };
        out.push(format!("{verdict} {name}: {detail}"));
    };
    let a = number(native("A"), "median_ms");
    let a_scipy = number(scipy("A"), "median_ms");
    let a_wasm = number(wasm("A"), "median_ms");
    check("A ≤ 20 ms native", a.map(|a| a <= 20.0), format!("{} ms", show(a, 2)));
    check(
        "A ≥ 3× faster than scipy.sparse",
        a.zip(a_scipy).map(|(a, s)| s / a >= 3.0),
        format!(
            "scipy {} ms / ours {} ms = {}×",
            show(a_scipy, 2),
            show(a, 2),
            show(a.zip(a_scipy).map(|(a, s)| s / a), 2)
        ),
    );
    check(
        "A Wasm/native ≤ 1.6×",
        a.zip(a_wasm).map(|(a, w)| w / a <= 1.6),
        format!(
            "wasm {} ms / native {} ms = {}×",
            show(a_wasm, 2),
            show(a, 2),
            show(a.zip(a_wasm).map(|(a, w)| w / a), 2)
        ),
    );
    let b = number(native("B"), "median_ms");
    check("B ≤ 10 ms native", b.map(|b| b <= 10.0), format!("{} ms", show(b, 2)));
    let c = number(native("C"), "pairs_per_sec");
    let c_scipy = number(scipy("C"), "pairs_per_sec");
    check(
        "C ≥ 3× the pairs/s of scipy.sparse",
        c.zip(c_scipy).map(|(c, s)| c / s >= 3.0),
        format!(
            "ours {} M pairs/s, scipy {} M = {}×",
            show(c.map(|c| c / 1e6), 1),
            show(c_scipy.map(|s| s / 1e6), 1),
            show(c.zip(c_scipy).map(|(c, s)| c / s), 2)
        ),
    );
    let d_wasm = number(wasm("D"), "p95_ms");
    check(
        "D p95 ≤ 1 ms in Wasm",
        d_wasm.map(|d| d <= 1.0),
        format!("{} ms (native p95 {} ms)", show(d_wasm, 3), show(number(native("D"), "p95_ms"), 3)),
    );
    let d = number(native("D"), "median_ms");
    let scan = number(find(entries, "D", "strsim scan"), "median_ms");
    check(
        "D ≥ 5× faster than the strsim scan",
        d.zip(scan).map(|(d, s)| s / d >= 5.0),
        format!("scan {} ms / ours {} ms = {}×", show(scan, 2), show(d, 3), show(d.zip(scan).map(|(d, s)| s / d), 1)),
    );
    let recall = number(native("D"), "recall_at_10");
    for peer in ["fuzzysort", "rapidfuzz"] {
        let theirs = number(find(entries, "D", peer), "recall_at_10");
        check(
            &format!("D recall@10 ≥ {peer}'s"),
            recall.zip(theirs).map(|(r, t)| r >= t),
            format!("ours {}, {peer} {}", show(recall, 3), show(theirs, 3)),
        );
    }
    let memory = number(native("A"), "index_bytes");
    check(
        "index for the A openings ≤ 150 MB",
        memory.map(|m| m <= 150e6),
        format!(
            "{} MB index, {} bytes per requirement ({} MB with the openings it keeps)",
            show(memory.map(|m| m / 1e6), 0),
            show(number(native("A"), "bytes_per_requirement"), 1),
            show(number(native("A"), "memory_bytes").map(|m| m / 1e6), 0)
        ),
    );
    out
}

fn print_table(entries: &[Value]) {
    println!(
        "\n{:<3} {:<24} {:>10} {:>10} {:>12} {:>9} {:>14}",
        "", "system", "median ms", "p95 ms", "memory MB", "recall", "pairs/s"
    );
    for e in entries {
        let opt = |f: &str, scale: f64, digits: usize| {
            e[f].as_f64().map_or_else(|| "-".to_string(), |v| format!("{:.*}", digits, v / scale))
        };
        let system = match e["variant"].as_str() {
            Some(v) => format!("{} ({v})", e["system"].as_str().unwrap_or_default()),
            None => e["system"].as_str().unwrap_or_default().to_string(),
        };
        println!(
            "{:<3} {:<24} {:>10} {:>10} {:>12} {:>9} {:>14}",
            e["workload"].as_str().unwrap_or_default(),
            system.chars().take(24).collect::<String>(),
            opt("median_ms", 1.0, 3),
            opt("p95_ms", 1.0, 3),
            opt("memory_bytes", 1e6, 1),
            opt("recall_at_10", 1.0, 3),
            opt("pairs_per_sec", 1.0, 0),
        );
    }
}
