//! `vaardig`: the matching library on the command line. Prints for people (Dutch by default,
//! `--lang en`) or, with `--json`, for machines. A bad file exits with code 2 and says where.

use matching_core::{
    advise, explain, format, good_matches, lookup, progress, text, FormatError, Lang, OpeningPool, OpeningSet, Profile,
    RankOptions, Taxonomy,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vaardig_demo as demo;

const USAGE: &str = "\
vaardig — skills matching for young people and openings

Usage:
  vaardig lookup QUERY [--top N]
  vaardig match --profile FILE --openings FILE [--top N] [--override]
  vaardig explain --profile FILE --openings FILE --opening ID
  vaardig advise --profile FILE --openings FILE [--top N]
  vaardig validate FILE
  vaardig stats
  vaardig demo --openings N --profiles M --seed S --out DIR
  vaardig verify FILE [--did FILE]
      check a workplace credential (exit 0: valid, 2: not valid or unreadable)

Options for every command:
  --json        machine-readable output
  --lang nl|en  language of the output (default nl)
";

/// What went wrong, and the exit code that goes with it.
enum Failure {
    /// Wrong arguments: exit 1 with the usage.
    Usage(String),
    /// A bad input file: exit 2.
    BadFile(String),
    /// Anything else (cannot write, broken embedded data): exit 1.
    Other(String),
}

struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
    json: bool,
    lang: Lang,
}

impl Args {
    fn parse(raw: Vec<String>) -> Result<Args, Failure> {
        let mut args = Args { positional: Vec::new(), options: Vec::new(), json: false, lang: Lang::Nl };
        let mut iter = raw.into_iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "--json" => args.json = true,
                "--override" => args.options.push(("override".into(), String::new())),
                "--lang" => {
                    let code = iter.next().unwrap_or_default();
                    args.lang = Lang::parse(&code)
                        .ok_or_else(|| Failure::Usage(format!("--lang takes nl or en, not {code:?}")))?;
                }
                flag if flag.starts_with("--") => {
                    let value = iter.next().ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))?;
                    args.options.push((flag[2..].to_string(), value));
                }
                _ => args.positional.push(arg),
            }
        }
        Ok(args)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    fn required(&self, name: &str) -> Result<&str, Failure> {
        self.get(name).ok_or_else(|| Failure::Usage(format!("--{name} is needed")))
    }

    fn number(&self, name: &str, default: usize) -> Result<usize, Failure> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| Failure::Usage(format!("--{name} takes a whole number, not {v:?}"))),
        }
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match run(raw) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("vaardig: {message}\n\n{USAGE}");
            ExitCode::from(1)
        }
        Err(Failure::BadFile(message)) => {
            eprintln!("vaardig: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Other(message)) => {
            eprintln!("vaardig: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(raw: Vec<String>) -> Result<(), Failure> {
    let Some((command, rest)) = raw.split_first() else {
        print!("{USAGE}");
        return Ok(());
    };
    if command == "--help" || command == "-h" || command == "help" {
        print!("{USAGE}");
        return Ok(());
    }
    let args = Args::parse(rest.to_vec())?;
    let taxonomy = taxonomy()?;
    match command.as_str() {
        "lookup" => cmd_lookup(taxonomy, &args),
        "match" => cmd_match(taxonomy, &args),
        "explain" => cmd_explain(taxonomy, &args),
        "advise" => cmd_advise(taxonomy, &args),
        "validate" => cmd_validate(taxonomy, &args),
        "stats" => cmd_stats(taxonomy, &args),
        "demo" => cmd_demo(taxonomy, &args),
        #[cfg(feature = "verify")]
        "verify" => cmd_verify(&args),
        other => Err(Failure::Usage(format!("unknown command {other:?}"))),
    }
}

/// `vaardig verify FILE [--did FILE]`: a workplace credential checked offline (`vaardig::verify`).
#[cfg(feature = "verify")]
fn cmd_verify(args: &Args) -> Result<(), Failure> {
    let file = args.positional.first().ok_or_else(|| Failure::Usage("verify needs a FILE".into()))?;
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| Failure::BadFile(format!("{path}: {e}")));
    let text = read(file)?;
    let did = match args.get("did") {
        Some(path) => Some(
            serde_json::from_str::<serde_json::Value>(&read(path)?)
                .map_err(|e| Failure::BadFile(format!("{path}: {e}")))?,
        ),
        None => None,
    };
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let outcome = vaardig::verify::check(&text, did.as_ref(), now, args.lang);
    if args.json {
        print_json(&serde_json::json!({"valid": outcome.valid, "lines": outcome.lines}))?;
    } else if outcome.valid {
        println!("{}", outcome.lines.join("\n"));
    }
    if outcome.valid {
        Ok(())
    } else {
        Err(Failure::BadFile(outcome.lines.join("\n")))
    }
}

fn taxonomy() -> Result<&'static Taxonomy, Failure> {
    std::panic::catch_unwind(vaardig_taxonomy::embedded)
        .map_err(|_| Failure::Other("the embedded taxonomy is broken; run `cargo test` to see why".into()))
}

fn print_json(value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::BadFile(format!("{path}: cannot read the file: {e}")))
}

fn bad(path: &str, e: FormatError) -> Failure {
    Failure::BadFile(format!("{path}:{}:{}: {}", e.line, e.column, describe(&e)))
}

fn describe(e: &FormatError) -> String {
    match &e.field {
        Some(field) => format!("field `{field}`: {}", e.message),
        None => e.message.clone(),
    }
}

fn load_profile(taxonomy: &Taxonomy, path: &str) -> Result<Profile, Failure> {
    format::parse_profile(&read(path)?, taxonomy).map_err(|e| bad(path, e))
}

fn load_openings(taxonomy: &Taxonomy, path: &str) -> Result<OpeningSet, Failure> {
    format::parse_openings(&read(path)?, taxonomy).map_err(|e| bad(path, e))
}

fn cmd_lookup(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let query = args.positional.join(" ");
    if query.trim().is_empty() {
        return Err(Failure::Usage("lookup needs a word to look for".into()));
    }
    let hits = good_matches(lookup(taxonomy, &query, args.number("top", 10)?));
    if args.json {
        return print_json(&hits);
    }
    if hits.is_empty() {
        println!(
            "{}",
            pick(
                args.lang,
                "Geen goede match. Kies een soort werk en kijk wat erbij hoort:",
                "No good match. Choose a kind of work and see what belongs to it:"
            )
        );
        for sector in &taxonomy.data().sectors {
            println!("  {}  [{}]", sector.label.get(args.lang), sector.id);
        }
    }
    for hit in hits {
        let name = taxonomy.name(&hit.item, args.lang);
        println!("{:>4}  {name}  [{}]  ({})", hit.score / 10, hit.item.id(), hit.matched);
    }
    Ok(())
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn cmd_match(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, args.required("profile")?)?;
    let set = load_openings(taxonomy, args.required("openings")?)?;
    let pool = OpeningPool::new(taxonomy, set.openings);
    let options = RankOptions { top: args.number("top", 10)?, include_knocked_out: args.has("override") };
    let ranking = pool.rank(taxonomy, &profile, options);
    if args.json {
        return print_json(&ranking);
    }
    let lang = args.lang;
    if set.synthetic {
        println!("{}", pick(lang, "(Demo: deze werkplekken zijn verzonnen.)", "(Demo: these openings are made up.)"));
    }
    println!(
        "{}",
        match lang {
            Lang::Nl => format!(
                "{} werkplekken passen in je week; {} passen niet.",
                ranking.ranked_total, ranking.knocked_out_total
            ),
            Lang::En =>
                format!("{} openings fit your week; {} do not.", ranking.ranked_total, ranking.knocked_out_total),
        }
    );
    for (rank, r) in ranking.matches.iter().enumerate() {
        let o = &pool.openings()[r.index];
        println!("{:>3}. {}  {} — {}, {}", rank + 1, o.id, o.title, o.place, text::summary(&r.explanation, lang));
    }
    if !ranking.knocked_out.is_empty() {
        println!("\n{}", pick(lang, "Past niet omdat …", "Does not fit because …"));
        for r in &ranking.knocked_out {
            let o = &pool.openings()[r.index];
            let reasons: Vec<String> = r.explanation.knock_outs.iter().map(|k| text::knock_out(k, lang)).collect();
            println!("  - {} {} ({}): {}", o.id, o.title, o.place, reasons.join(" "));
        }
    }
    Ok(())
}

fn cmd_explain(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, args.required("profile")?)?;
    let set = load_openings(taxonomy, args.required("openings")?)?;
    let id = args.required("opening")?;
    let opening = set.openings.iter().find(|o| o.id == id).ok_or_else(|| {
        Failure::BadFile(format!("{}: no opening with id {id:?}", args.required("openings").unwrap_or("")))
    })?;
    let e = explain(taxonomy, &profile, opening);
    if args.json {
        return print_json(&e);
    }
    let lang = args.lang;
    println!("{} — {} ({})", opening.id, opening.title, opening.place);
    println!("{}", text::summary(&e, lang));
    for line in &e.lines {
        println!("  • {}", text::line(taxonomy, line, lang));
    }
    for k in &e.knock_outs {
        println!("  ✗ {}", text::knock_out(k, lang));
    }
    for q in &e.open_practical {
        println!("  ? {}", text::open_question(*q, lang));
    }
    Ok(())
}

fn cmd_advise(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, args.required("profile")?)?;
    let set = load_openings(taxonomy, args.required("openings")?)?;
    let pool = OpeningPool::new(taxonomy, set.openings);
    let advice = advise(taxonomy, &profile, &pool, args.number("top", 5)?);
    let ladder = progress(taxonomy, &profile);
    if args.json {
        #[derive(Serialize)]
        struct Out<'a> {
            advice: &'a matching_core::Advice,
            progress: &'a [matching_core::Progress],
        }
        return print_json(&Out { advice: &advice, progress: &ladder });
    }
    let lang = args.lang;
    match lang {
        Lang::Nl => println!("Je past nu bij {} werkplekken.", advice.fits_now),
        Lang::En => println!("You fit {} openings now.", advice.fits_now),
    }
    for step in &advice.steps {
        println!("  → {}", text::step(taxonomy, step, lang));
    }
    if advice.undecided > 0 {
        match lang {
            Lang::Nl => println!(
                "  ? Beantwoord nog {} vragen. Dan weet je of {} werkplekken passen.",
                advice.open_questions, advice.undecided
            ),
            Lang::En => println!(
                "  ? Answer {} more questions to know whether {} openings fit.",
                advice.open_questions, advice.undecided
            ),
        }
    }
    for p in ladder.iter().filter(|p| p.done + p.ready > 0).take(3) {
        let name = taxonomy
            .data()
            .qualifications
            .iter()
            .find(|q| q.id == p.qualification)
            .map(|q| q.name.get(lang).to_string())
            .unwrap_or_default();
        match lang {
            Lang::Nl => println!(
                "  ▣ {} van de {} werkprocessen van {name} gedaan ({} klaar om te doen).",
                p.done, p.total, p.ready
            ),
            Lang::En => {
                println!("  ▣ {} of {} work processes of {name} done ({} ready to do).", p.done, p.total, p.ready)
            }
        }
    }
    Ok(())
}

fn cmd_validate(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let path = args.positional.first().ok_or_else(|| Failure::Usage("validate needs a FILE".into()))?;
    let json = read(path)?;
    let kind = serde_json::from_str::<serde_json::Value>(&json)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string));
    let what = match kind.as_deref() {
        Some(format::PROFILE_FORMAT) => {
            format::parse_profile(&json, taxonomy).map(|p| format!("profile {:?}, {} claims", p.id, p.claims.len()))
        }
        Some(format::OPENINGS_FORMAT) => {
            format::parse_openings(&json, taxonomy).map(|s| format!("{} openings", s.openings.len()))
        }
        _ => {
            // Neither tag: report the profile reading's first problem, which names the format field.
            format::parse_profile(&json, taxonomy).map(|p| format!("profile {:?}", p.id))
        }
    }
    .map_err(|e| bad(path, e))?;
    if args.json {
        return print_json(&serde_json::json!({"file": path, "valid": true, "content": what}));
    }
    println!("{path}: {} — {what}", pick(args.lang, "in orde", "valid"));
    Ok(())
}

#[derive(Serialize)]
struct Stats {
    sectors: usize,
    skills: usize,
    soft_skills: usize,
    certificates: usize,
    qualifications: usize,
    core_tasks: usize,
    work_processes: usize,
    towns: usize,
    skill_labels_nl: usize,
    skill_labels_en: usize,
    skill_synonyms: usize,
    labels_per_skill_nl: f64,
    labels_per_skill_en: f64,
    related_links: usize,
    lookup_entries: usize,
    qualifications_with_crebo: usize,
    qualifications_with_source: usize,
    entree_profiles: usize,
    mbo2_qualifications: usize,
    official_work_processes: usize,
    certificates_with_validity: usize,
    certificates_with_min_age: usize,
    certificates_with_validity_and_min_age: usize,
    certificates_with_source: usize,
    certificates_implying_skills: usize,
}

fn cmd_stats(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let d = taxonomy.data();
    let skills = d.skills.len().max(1) as f64;
    let nl: usize = d.skills.iter().map(|s| s.labels.nl.len()).sum();
    let en: usize = d.skills.iter().map(|s| s.labels.en.len()).sum();
    let stats = Stats {
        sectors: d.sectors.len(),
        skills: d.skills.len(),
        soft_skills: d.soft_skills.len(),
        certificates: d.certificates.len(),
        qualifications: d.qualifications.len(),
        core_tasks: d.qualifications.iter().map(|q| q.core_tasks.len()).sum(),
        work_processes: d.qualifications.iter().flat_map(|q| &q.core_tasks).map(|t| t.work_processes.len()).sum(),
        towns: d.towns.len(),
        skill_labels_nl: nl,
        skill_labels_en: en,
        skill_synonyms: d.skills.iter().map(|s| s.syn.nl.len() + s.syn.en.len()).sum(),
        labels_per_skill_nl: (nl as f64 / skills * 100.0).round() / 100.0,
        labels_per_skill_en: (en as f64 / skills * 100.0).round() / 100.0,
        related_links: d.skills.iter().map(|s| s.related.len()).sum(),
        lookup_entries: taxonomy.label_count(),
        qualifications_with_crebo: d.qualifications.iter().filter(|q| !q.crebo.is_empty()).count(),
        qualifications_with_source: d.qualifications.iter().filter(|q| !q.sources.is_empty()).count(),
        entree_profiles: d.qualifications.iter().filter(|q| q.level == 1).count(),
        mbo2_qualifications: d.qualifications.iter().filter(|q| q.level == 2).count(),
        official_work_processes: d
            .qualifications
            .iter()
            .flat_map(|q| &q.core_tasks)
            .flat_map(|t| &t.work_processes)
            .filter(|w| w.official)
            .count(),
        certificates_with_validity: d.certificates.iter().filter(|c| c.valid_years.is_some()).count(),
        certificates_with_min_age: d.certificates.iter().filter(|c| c.min_age.is_some()).count(),
        certificates_with_validity_and_min_age: d
            .certificates
            .iter()
            .filter(|c| c.valid_years.is_some() && c.min_age.is_some())
            .count(),
        certificates_with_source: d.certificates.iter().filter(|c| !c.sources.is_empty()).count(),
        certificates_implying_skills: d.certificates.iter().filter(|c| !c.implies.is_empty()).count(),
    };
    if args.json {
        return print_json(&stats);
    }
    let rows = serde_json::to_value(&stats).map_err(|e| Failure::Other(e.to_string()))?;
    if let serde_json::Value::Object(map) = rows {
        for (key, value) in map {
            println!("{key:<22} {value}");
        }
    }
    Ok(())
}

fn cmd_demo(taxonomy: &Taxonomy, args: &Args) -> Result<(), Failure> {
    let size = demo::DemoSize::new(args.number("openings", 2000)?, args.number("profiles", 20)?);
    let seed = args.number("seed", 1)? as u64;
    let out = PathBuf::from(args.required("out")?);
    let set = demo::openings(taxonomy, size, seed);
    let profiles = demo::profiles(taxonomy, size, seed);
    std::fs::create_dir_all(out.join("profiles")).map_err(|e| Failure::Other(format!("{}: {e}", out.display())))?;
    write_json(&out.join("openings.json"), &set)?;
    for p in &profiles {
        write_json(&out.join("profiles").join(format!("{}.json", p.id)), p)?;
    }
    if args.json {
        return print_json(
            &serde_json::json!({"out": out, "openings": set.openings.len(), "profiles": profiles.len(), "seed": seed, "synthetic": true}),
        );
    }
    match args.lang {
        Lang::Nl => println!(
            "{} verzonnen werkplekken en {} verzonnen profielen in {} (seed {seed}).",
            set.openings.len(),
            profiles.len(),
            out.display()
        ),
        Lang::En => println!(
            "{} synthetic openings and {} synthetic profiles in {} (seed {seed}).",
            set.openings.len(),
            profiles.len(),
            out.display()
        ),
    }
    Ok(())
}

/// Writes a value as pretty JSON with a final newline.
fn write_json(path: &Path, value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))? + "\n";
    std::fs::write(path, text).map_err(|e| Failure::Other(format!("{}: cannot write: {e}", path.display())))
}
