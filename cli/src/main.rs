//! `vaardig`: the matching library on the command line. Prints for people (Dutch by default,
//! `--lang en`) or, with `--json`, for machines. Exit codes: 0 done, 1 wrong use (clap refuses
//! an unknown command or option with a suggestion), 2 a bad input file, said with its place.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use matching_core::{
    advise, explain, format, good_matches, lookup, progress, text, FormatError, Lang, OpeningPool, OpeningSet, Profile,
    RankOptions, Taxonomy,
};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vaardig_demo as demo;

/// The exit codes, at the end of `vaardig --help` (and in README.md and ARCHITECTURE.md).
const EXIT_CODES: &str = "\
Exit codes:
  0  done (also when the reader of the output stops early, as `| head -1` does)
  1  wrong use: an unknown command or option, a missing or bad value;
     or the command could not finish (for example: it cannot write a file)
  2  bad input: a file that cannot be read or is not valid (the message says the file,
     line, column and field), or a workplace credential that is not valid";

/// Skills matching for young people and openings.
///
/// Messages are in Dutch unless you choose English with `--lang en`.
#[derive(Parser)]
#[command(name = "vaardig", after_help = EXIT_CODES, args_override_self = true)]
struct Cli {
    /// Print JSON for other programs instead of text for people.
    #[arg(long, global = true, display_order = 100)]
    json: bool,
    /// The language of the output.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Nl, display_order = 101)]
    lang: LangArg,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Dutch.
    Nl,
    /// English.
    En,
}

/// A profile and a file of openings: what match, explain and advise read.
#[derive(clap::Args)]
struct Inputs {
    /// The young person's profile (a vaardig.profile JSON file).
    #[arg(long, value_name = "FILE")]
    profile: String,
    /// The openings (a vaardig.openings JSON file).
    #[arg(long, value_name = "FILE")]
    openings: String,
}

#[derive(Subcommand)]
enum Command {
    /// Find skills, soft skills and certificates by a word. Small typing errors are forgiven.
    Lookup {
        /// The word or words to look for, for example: heftruck.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most N hits.
        #[arg(long, value_name = "N", default_value_t = 10)]
        top: usize,
    },
    /// Rank the openings for a profile: the best first, then the ones that do not fit and why.
    Match {
        #[command(flatten)]
        inputs: Inputs,
        /// Show at most N openings.
        #[arg(long, value_name = "N", default_value_t = 10)]
        top: usize,
        /// Also rank the openings that do not fit the person's week or travel.
        #[arg(long = "override")]
        include_knocked_out: bool,
    },
    /// Explain the score of one opening for a profile, line by line.
    Explain {
        #[command(flatten)]
        inputs: Inputs,
        /// The id of the opening to explain.
        #[arg(long, value_name = "ID")]
        opening: String,
    },
    /// Next steps: what to learn or show to fit more openings, and progress per qualification.
    Advise {
        #[command(flatten)]
        inputs: Inputs,
        /// Show at most N steps.
        #[arg(long, value_name = "N", default_value_t = 5)]
        top: usize,
    },
    /// Check a profile or openings file. A problem is shown with its line, column and field.
    Validate {
        /// The file to check.
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Count what the built-in taxonomy holds.
    Stats,
    /// Write made-up openings and profiles (marked as synthetic) to try things out.
    Demo {
        /// How many openings.
        #[arg(long, value_name = "N", default_value_t = 2000)]
        openings: usize,
        /// How many profiles.
        #[arg(long, value_name = "M", default_value_t = 20)]
        profiles: usize,
        /// The seed: the same seed gives the same files on every computer.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// The folder to write openings.json and profiles/ into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Check a workplace credential offline. Exit code 0: valid; 2: not valid or unreadable.
    #[cfg(feature = "verify")]
    Verify {
        /// The credential: a JWS (vc+jwt) or the JSON the pool gave.
        #[arg(value_name = "FILE")]
        file: String,
        /// The issuer's DID document (did.json), to check the key offline.
        #[arg(long, value_name = "FILE")]
        did: Option<String>,
    },
}

/// What went wrong, and the exit code that goes with it.
enum Failure {
    /// Wrong arguments that clap cannot see (an empty query): exit 1.
    Usage(String),
    /// A bad input file: exit 2.
    BadFile(String),
    /// Anything else (cannot write, broken embedded data): exit 1.
    Other(String),
    /// The reader of standard output went away (`| head -1`): stop quietly, exit 0.
    Closed,
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Other(format!("cannot write the output: {e}"))
        }
    }
}

/// `println!` that hands a write error back instead of panicking: a closed pipe becomes
/// [`Failure::Closed`]. (Rust ignores SIGPIPE, so a write to a closed pipe is an `EPIPE` error.)
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(Failure::from)?
    };
}

/// What every command gets: the output form and language.
struct Out {
    json: bool,
    lang: Lang,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` goes to standard output and is no error; a closed pipe there is quiet too.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(1) } else { ExitCode::SUCCESS };
        }
    };
    let finished = run(cli).and_then(|()| std::io::stdout().flush().map_err(Failure::from));
    match finished {
        Ok(()) | Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("vaardig: {message}\n\nFor more information, try '--help'.");
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

fn run(cli: Cli) -> Result<(), Failure> {
    let Some(command) = cli.command else {
        // No command: the help, as `--help` gives it.
        say!("{}", Cli::command().render_help().to_string().trim_end());
        return Ok(());
    };
    let lang = match cli.lang {
        LangArg::Nl => Lang::Nl,
        LangArg::En => Lang::En,
    };
    let out = Out { json: cli.json, lang };
    let taxonomy = taxonomy()?;
    match command {
        Command::Lookup { query, top } => cmd_lookup(taxonomy, &out, &query.join(" "), top),
        Command::Match { inputs, top, include_knocked_out } => {
            cmd_match(taxonomy, &out, &inputs, RankOptions { top, include_knocked_out })
        }
        Command::Explain { inputs, opening } => cmd_explain(taxonomy, &out, &inputs, &opening),
        Command::Advise { inputs, top } => cmd_advise(taxonomy, &out, &inputs, top),
        Command::Validate { file } => cmd_validate(taxonomy, &out, &file),
        Command::Stats => cmd_stats(taxonomy, &out),
        Command::Demo { openings, profiles, seed, out: dir } => {
            cmd_demo(taxonomy, &out, demo::DemoSize::new(openings, profiles), seed, &dir)
        }
        #[cfg(feature = "verify")]
        Command::Verify { file, did } => cmd_verify(&out, &file, did.as_deref()),
    }
}

/// `vaardig verify FILE [--did FILE]`: a workplace credential checked offline (`vaardig::verify`).
#[cfg(feature = "verify")]
fn cmd_verify(out: &Out, file: &str, did: Option<&str>) -> Result<(), Failure> {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| Failure::BadFile(format!("{path}: {e}")));
    let text = read(file)?;
    let did = match did {
        Some(path) => Some(
            serde_json::from_str::<serde_json::Value>(&read(path)?)
                .map_err(|e| Failure::BadFile(format!("{path}: {e}")))?,
        ),
        None => None,
    };
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let outcome = vaardig::verify::check(&text, did.as_ref(), now, out.lang);
    if out.json {
        print_json(&serde_json::json!({"valid": outcome.valid, "lines": outcome.lines}))?;
    } else if outcome.valid {
        say!("{}", outcome.lines.join("\n"));
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
    say!("{text}");
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

fn cmd_lookup(taxonomy: &Taxonomy, out: &Out, query: &str, top: usize) -> Result<(), Failure> {
    if query.trim().is_empty() {
        return Err(Failure::Usage("lookup needs a word to look for".into()));
    }
    let hits = good_matches(lookup(taxonomy, query, top));
    if out.json {
        return print_json(&hits);
    }
    if hits.is_empty() {
        say!(
            "{}",
            pick(
                out.lang,
                "Geen goede match. Kies een soort werk en kijk wat erbij hoort:",
                "No good match. Choose a kind of work and see what belongs to it:"
            )
        );
        for sector in &taxonomy.data().sectors {
            say!("  {}  [{}]", sector.label.get(out.lang), sector.id);
        }
    }
    for hit in hits {
        let name = taxonomy.name(&hit.item, out.lang);
        say!("{:>4}  {name}  [{}]  ({})", hit.score / 10, hit.item.id(), hit.matched);
    }
    Ok(())
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn cmd_match(taxonomy: &Taxonomy, out: &Out, inputs: &Inputs, options: RankOptions) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, &inputs.profile)?;
    let set = load_openings(taxonomy, &inputs.openings)?;
    let pool = OpeningPool::new(taxonomy, set.openings);
    let ranking = pool.rank(taxonomy, &profile, options);
    if out.json {
        return print_json(&ranking);
    }
    let lang = out.lang;
    if set.synthetic {
        say!("{}", pick(lang, "(Demo: deze werkplekken zijn verzonnen.)", "(Demo: these openings are made up.)"));
    }
    say!(
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
        say!("{:>3}. {}  {} — {}, {}", rank + 1, o.id, o.title, o.place, text::summary(&r.explanation, lang));
    }
    if !ranking.knocked_out.is_empty() {
        say!("\n{}", pick(lang, "Past niet omdat …", "Does not fit because …"));
        for r in &ranking.knocked_out {
            let o = &pool.openings()[r.index];
            let reasons: Vec<String> = r.explanation.knock_outs.iter().map(|k| text::knock_out(k, lang)).collect();
            say!("  - {} {} ({}): {}", o.id, o.title, o.place, reasons.join(" "));
        }
    }
    Ok(())
}

fn cmd_explain(taxonomy: &Taxonomy, out: &Out, inputs: &Inputs, id: &str) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, &inputs.profile)?;
    let set = load_openings(taxonomy, &inputs.openings)?;
    let opening = set
        .openings
        .iter()
        .find(|o| o.id == id)
        .ok_or_else(|| Failure::BadFile(format!("{}: no opening with id {id:?}", inputs.openings)))?;
    let e = explain(taxonomy, &profile, opening);
    if out.json {
        return print_json(&e);
    }
    let lang = out.lang;
    say!("{} — {} ({})", opening.id, opening.title, opening.place);
    say!("{}", text::summary(&e, lang));
    for line in &e.lines {
        say!("  • {}", text::line(taxonomy, line, lang));
    }
    for k in &e.knock_outs {
        say!("  ✗ {}", text::knock_out(k, lang));
    }
    for q in &e.open_practical {
        say!("  ? {}", text::open_question(*q, lang));
    }
    Ok(())
}

fn cmd_advise(taxonomy: &Taxonomy, out: &Out, inputs: &Inputs, top: usize) -> Result<(), Failure> {
    let profile = load_profile(taxonomy, &inputs.profile)?;
    let set = load_openings(taxonomy, &inputs.openings)?;
    let pool = OpeningPool::new(taxonomy, set.openings);
    let advice = advise(taxonomy, &profile, &pool, top);
    let ladder = progress(taxonomy, &profile);
    if out.json {
        #[derive(Serialize)]
        struct Out<'a> {
            advice: &'a matching_core::Advice,
            progress: &'a [matching_core::Progress],
        }
        return print_json(&Out { advice: &advice, progress: &ladder });
    }
    let lang = out.lang;
    match lang {
        Lang::Nl => say!("Je past nu bij {} werkplekken.", advice.fits_now),
        Lang::En => say!("You fit {} openings now.", advice.fits_now),
    }
    for step in &advice.steps {
        say!("  → {}", text::step(taxonomy, step, lang));
    }
    if advice.undecided > 0 {
        match lang {
            Lang::Nl => say!(
                "  ? Beantwoord nog {} vragen. Dan weet je of {} werkplekken passen.",
                advice.open_questions,
                advice.undecided
            ),
            Lang::En => say!(
                "  ? Answer {} more questions to know whether {} openings fit.",
                advice.open_questions,
                advice.undecided
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
            Lang::Nl => say!(
                "  ▣ {} van de {} werkprocessen van {name} gedaan ({} klaar om te doen).",
                p.done,
                p.total,
                p.ready
            ),
            Lang::En => {
                say!("  ▣ {} of {} work processes of {name} done ({} ready to do).", p.done, p.total, p.ready)
            }
        }
    }
    Ok(())
}

fn cmd_validate(taxonomy: &Taxonomy, out: &Out, path: &str) -> Result<(), Failure> {
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
    if out.json {
        return print_json(&serde_json::json!({"file": path, "valid": true, "content": what}));
    }
    say!("{path}: {} — {what}", pick(out.lang, "in orde", "valid"));
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
    official_work_processes_with_plain_line: usize,
    certificates_with_validity: usize,
    certificates_with_min_age: usize,
    certificates_with_validity_and_min_age: usize,
    certificates_with_source: usize,
    certificates_with_law_fact: usize,
    certificates_implying_skills: usize,
}

fn cmd_stats(taxonomy: &Taxonomy, out: &Out) -> Result<(), Failure> {
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
        official_work_processes_with_plain_line: d
            .qualifications
            .iter()
            .flat_map(|q| &q.core_tasks)
            .flat_map(|t| &t.work_processes)
            .filter(|w| w.official && w.plain.is_some())
            .count(),
        certificates_with_validity: d.certificates.iter().filter(|c| c.valid_years.is_some()).count(),
        certificates_with_min_age: d.certificates.iter().filter(|c| c.min_age.is_some()).count(),
        certificates_with_validity_and_min_age: d
            .certificates
            .iter()
            .filter(|c| c.valid_years.is_some() && c.min_age.is_some())
            .count(),
        certificates_with_source: d.certificates.iter().filter(|c| !c.sources.is_empty()).count(),
        certificates_with_law_fact: d.certificates.iter().filter(|c| c.by_law.is_some()).count(),
        certificates_implying_skills: d.certificates.iter().filter(|c| !c.implies.is_empty()).count(),
    };
    if out.json {
        return print_json(&stats);
    }
    let rows = serde_json::to_value(&stats).map_err(|e| Failure::Other(e.to_string()))?;
    if let serde_json::Value::Object(map) = rows {
        for (key, value) in map {
            say!("{key:<22} {value}");
        }
    }
    Ok(())
}

fn cmd_demo(taxonomy: &Taxonomy, out: &Out, size: demo::DemoSize, seed: u64, dir: &Path) -> Result<(), Failure> {
    let set = demo::openings(taxonomy, size, seed);
    let profiles = demo::profiles(taxonomy, size, seed);
    std::fs::create_dir_all(dir.join("profiles")).map_err(|e| Failure::Other(format!("{}: {e}", dir.display())))?;
    write_json(&dir.join("openings.json"), &set)?;
    for p in &profiles {
        write_json(&dir.join("profiles").join(format!("{}.json", p.id)), p)?;
    }
    if out.json {
        return print_json(
            &serde_json::json!({"out": dir, "openings": set.openings.len(), "profiles": profiles.len(), "seed": seed, "synthetic": true}),
        );
    }
    match out.lang {
        Lang::Nl => say!(
            "{} verzonnen werkplekken en {} verzonnen profielen in {} (seed {seed}).",
            set.openings.len(),
            profiles.len(),
            dir.display()
        ),
        Lang::En => say!(
            "{} synthetic openings and {} synthetic profiles in {} (seed {seed}).",
            set.openings.len(),
            profiles.len(),
            dir.display()
        ),
    }
    Ok(())
}

/// Writes a value as pretty JSON with a final newline.
fn write_json(path: &Path, value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Other(e.to_string()))? + "\n";
    std::fs::write(path, text).map_err(|e| Failure::Other(format!("{}: cannot write: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("vaardig").chain(line.split_whitespace()))
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_invocation_in_the_repository_still_parses() {
        // xtask (demo, CLI checks), README.md.
        for line in [
            "stats",
            "demo --openings 2000 --profiles 20 --seed 7 --out target/demo",
            "lookup heftruk --top 5",
            "lookup heftruk --lang en",
            "lookup heftruck rijden",
            "match --profile p.json --openings o.json --top 5",
            "match --json --profile p.json --openings o.json --top 1",
            "match --profile p.json --openings o.json --override",
            "explain --profile p.json --openings o.json --opening o-1",
            "advise --profile p.json --openings o.json",
            "advise --lang en --profile p.json --openings o.json",
            "validate broken.json",
            "verify credential.jwt --did did.json",
            "--json --lang en stats",
        ] {
            if let Err(e) = parse(line) {
                panic!("{line}: {e}");
            }
        }
        let Ok(Cli { command: Some(Command::Lookup { top, query }), .. }) = parse("lookup a b --top 2 --top 3") else {
            panic!("lookup parses");
        };
        assert_eq!((top, query.join(" ").as_str()), (3, "a b"), "the last --top wins, as before");
    }

    #[test]
    fn a_mistyped_command_or_flag_gets_a_suggestion() {
        let e = parse("mtach").err().expect("refused");
        assert_eq!(e.kind(), ErrorKind::InvalidSubcommand);
        assert!(e.to_string().contains("'match'"), "{e}");
        let e = parse("match --prfile x --openings y").err().expect("refused");
        assert_eq!(e.kind(), ErrorKind::UnknownArgument);
        assert!(e.to_string().contains("'--profile'"), "{e}");
        let e = parse("stats --lang de").err().expect("refused");
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
        assert!(e.use_stderr(), "an error, exit 1");
    }

    #[test]
    fn every_command_has_help_on_standard_output() {
        for command in ["", "lookup", "match", "explain", "advise", "validate", "stats", "demo", "verify"] {
            let e = parse(&format!("{command} --help")).err().expect("help is not a run");
            assert_eq!(e.kind(), ErrorKind::DisplayHelp, "{command}");
            assert!(!e.use_stderr(), "{command}: exit 0");
        }
        assert!(Cli::command().render_long_help().to_string().contains("Exit codes:"));
    }
}
