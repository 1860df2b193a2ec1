//! The stable performance gate: instruction counts of workloads A (rank one profile against
//! 20,000 openings) and D (100 typo and prefix lookups), counted with callgrind and compared with
//! `benches/gate-baseline.json`. More than 5 % worse fails; `--update` writes a new baseline.

use crate::{args, cargo, output, root, step, target_dir};

/// How much worse than the baseline a workload may get before the gate fails, in per-mille.
const TOLERANCE_PERMILLE: u64 = 50;
const WORKLOADS: [(&str, &str); 2] =
    [("a", "rank one profile against 20,000 openings, top 20"), ("d", "100 typo and prefix lookups, top 10")];

fn baseline_path() -> std::path::PathBuf {
    root().join("benches").join("gate-baseline.json")
}

/// Reads `{"a": N, "d": M}` without a JSON dependency: the file is ours and flat.
fn read_baseline() -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(baseline_path()).unwrap_or_default();
    text.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .split(',')
        .filter_map(|pair| {
            let (k, v) = pair.split_once(':')?;
            Some((k.trim().trim_matches('"').to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

/// Counts the instructions of one workload.
fn count(workload: &str) -> Result<u64, String> {
    let bin = target_dir().join("release").join("gate");
    let out = target_dir().join(format!("callgrind.gate.{workload}.out"));
    let toggle = format!("--toggle-collect=*gate_workload_{workload}*");
    let file = format!("--callgrind-out-file={}", out.display());
    let (code, _, stderr) = output(args(
        "valgrind",
        &["--tool=callgrind", &toggle, &file, bin.to_str().ok_or("target path is not UTF-8")?, workload],
    ))
    .ok_or("cannot run valgrind")?;
    if code != 0 {
        return Err(format!("valgrind failed on workload {workload}: {stderr}"));
    }
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    text.lines()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("no instruction total in {}", out.display()))
}

/// Runs the gate; with `update`, writes the measured counts as the new baseline.
pub fn gate(update: bool) -> Result<(), String> {
    if output(args("valgrind", &["--version"])).is_none() {
        step(
            "apt-get install valgrind",
            args("sh", &["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind"]),
        )?;
    }
    step("cargo build --release gate", {
        let mut c = cargo();
        c.args(["build", "--release", "-p", "vaardig-benches", "--bin", "gate"]);
        c
    })?;
    eprintln!("\n==> instruction counts (callgrind)");
    let baseline = read_baseline();
    let mut measured = Vec::new();
    let mut worse = Vec::new();
    for (name, what) in WORKLOADS {
        let n = count(name)?;
        let base = baseline.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
        match base {
            Some(b) => {
                let change = (n as f64 / b as f64 - 1.0) * 100.0;
                eprintln!("  {name}: {n:>14} instructions, baseline {b:>14} ({change:+.2} %) — {what}");
                if n * 1000 > b * (1000 + TOLERANCE_PERMILLE) {
                    worse.push(format!("{name} is {change:+.2} % against the baseline"));
                }
            }
            None => eprintln!("  {name}: {n:>14} instructions, no baseline — {what}"),
        }
        measured.push((name, n));
    }
    if update {
        let body: Vec<String> = measured.iter().map(|(k, v)| format!("  \"{k}\": {v}")).collect();
        std::fs::write(baseline_path(), format!("{{\n{}\n}}\n", body.join(",\n"))).map_err(|e| e.to_string())?;
        eprintln!("baseline written to benches/gate-baseline.json");
        return Ok(());
    }
    if !worse.is_empty() {
        return Err(format!("performance gate: {}", worse.join("; ")));
    }
    Ok(())
}
