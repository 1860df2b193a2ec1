//! `vaardig-server`: runs the regional candidate pool, or creates an admin account.

use clap::{Parser, Subcommand};
use std::io::BufRead;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use vaardig_server::auth::{self, NewAccount, Role};
use vaardig_server::{demo, serve, AppState, Config};

/// The regional candidate pool of Vaardig: the web app, the API and one SQLite file.
#[derive(Parser)]
#[command(
    name = "vaardig-server",
    args_override_self = true,
    after_help = "Exit codes:\n  0  done\n  1  wrong use (an unknown command or option, a missing or bad value),\n     \
                  or the server could not start, or stopped with an error"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app and the API.
    Serve(Serve),
    /// Add the next signing key. It signs from the next start; the older keys keep verifying.
    RotateKey {
        #[command(flatten)]
        store: Store,
    },
    /// Create an admin account. The password is read from the first line of standard input.
    CreateAdmin {
        #[command(flatten)]
        store: NamedStore,
        /// The admin's e-mail address.
        #[arg(long, value_name = "ADDRESS")]
        email: String,
    },
    /// Fill an empty database with demo accounts, synthetic openings and synthetic candidates.
    Seed {
        #[command(flatten)]
        store: NamedStore,
        /// How many synthetic openings.
        #[arg(long, value_name = "N", default_value_t = demo::OPENINGS)]
        openings: usize,
        /// How many synthetic candidates.
        #[arg(long, value_name = "M", default_value_t = demo::CANDIDATES)]
        candidates: usize,
    },
    /// Print the API's OpenAPI document (the one served at /api/openapi.json) to standard output.
    Openapi,
}

/// The database and the signing keys, where a default database is fine.
#[derive(clap::Args)]
struct Store {
    /// The SQLite database file (made when it does not exist).
    #[arg(long, value_name = "FILE", default_value = "vaardig.sqlite")]
    db: PathBuf,
    /// The folder with the signing keys [default: FILE.keys beside the database].
    #[arg(long, value_name = "DIR")]
    key_dir: Option<PathBuf>,
}

/// The database and the signing keys, where the database must be named.
#[derive(clap::Args)]
struct NamedStore {
    /// The SQLite database file (made when it does not exist).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// The folder with the signing keys [default: FILE.keys beside the database].
    #[arg(long, value_name = "DIR")]
    key_dir: Option<PathBuf>,
}

impl From<NamedStore> for Store {
    fn from(s: NamedStore) -> Store {
        Store { db: s.db, key_dir: s.key_dir }
    }
}

#[derive(clap::Args)]
struct Serve {
    #[command(flatten)]
    store: Store,
    /// The built web app (dist/) to serve; without it, only the API is served.
    #[arg(long, value_name = "DIR")]
    dist: Option<PathBuf>,
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    host: String,
    /// The port to listen on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    port: u16,
    /// Seed an empty database with demo accounts and synthetic data.
    #[arg(long)]
    demo: bool,
    /// The only scheme, host and port that is answered. A reverse proxy must pass the browser's
    /// Host header on. [default: http://127.0.0.1:PORT, and any loopback name with that port]
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    /// Mark cookies Secure and send HSTS (when the server is behind HTTPS).
    #[arg(long)]
    secure_cookies: bool,
    /// A reverse proxy whose X-Forwarded-For header names the client. Give it once per proxy.
    #[arg(long, value_name = "ADDR")]
    trusted_proxy: Vec<IpAddr>,
    /// Seconds a client may take to send a request's head.
    #[arg(long, value_name = "SECONDS", default_value_t = vaardig_server::HEADER_TIMEOUT.as_secs())]
    header_timeout: u64,
    /// Seconds a request may take from its head to its answer.
    #[arg(long, value_name = "SECONDS", default_value_t = vaardig_server::REQUEST_TIMEOUT.as_secs())]
    request_timeout: u64,
    /// The most connections open at once; more wait.
    #[arg(long, value_name = "N", default_value_t = vaardig_server::MAX_CONNECTIONS)]
    max_connections: usize,
    /// Publishes, trainer links and contact requests per client address per hour, each.
    #[arg(long, value_name = "N", default_value_t = vaardig_server::WRITES_PER_HOUR)]
    writes_per_hour: usize,
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
    let result = match cli.command {
        Command::Serve(serve) => run(serve),
        Command::CreateAdmin { store, email } => create_admin(store.into(), email),
        Command::Seed { store, openings, candidates } => seed(store.into(), openings, candidates),
        Command::RotateKey { store } => rotate_key(store),
        Command::Openapi => {
            println!("{}", vaardig_server::openapi::document());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vaardig-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The configuration of `serve`, once the port is bound (`--port 0` picks one): the default
/// public URL names it.
fn serve_config(args: Serve, port: u16) -> Config {
    let mut config = Config::new(args.store.db, args.public_url.unwrap_or_else(|| format!("http://127.0.0.1:{port}")));
    config.dist = args.dist;
    config.secure_cookies = args.secure_cookies;
    config.key_dir = args.store.key_dir;
    config.trusted_proxies = args.trusted_proxy;
    config.header_timeout = Duration::from_secs(args.header_timeout);
    config.request_timeout = Duration::from_secs(args.request_timeout);
    config.max_connections = args.max_connections;
    config.writes_per_hour = args.writes_per_hour;
    config
}

/// The configuration of every command but `serve`: the defaults with this database and keys.
fn config(store: Store) -> Config {
    let mut config = Config::new(store.db, "http://127.0.0.1:8080");
    config.key_dir = store.key_dir;
    config
}

fn rotate_key(store: Store) -> Result<(), String> {
    let config = config(store);
    let dir = config.key_dir.clone().unwrap_or_else(|| vaardig_server::keys::default_dir(&config.database));
    let number = vaardig_server::keys::rotate(&dir)?;
    eprintln!("Key {number} added in {}; restart the server to sign with it.", dir.display());
    Ok(())
}

fn run(args: Serve) -> Result<(), String> {
    let (host, port) = (args.host.clone(), args.port);
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind((host.as_str(), port)).await.map_err(|e| format!("{host}:{port}: {e}"))?;
        // The port bound (`--port 0` picks one): the default public URL names it.
        let bound = listener.local_addr().map_err(|e| e.to_string())?.port();
        let demo_mode = args.demo;
        let config = serve_config(args, bound);
        let state = AppState::open(config.clone())?;
        if demo_mode {
            if demo::seed(&state)? {
                eprintln!(
                    "Seeded the demo pool: {} synthetic openings and {} synthetic candidates in {}.",
                    demo::OPENINGS,
                    demo::CANDIDATES,
                    demo::REGION
                );
            }
            eprint!("{}", demo::banner());
        }
        eprintln!(
            "Vaardig serves on http://{} (database {}, app {})",
            listener.local_addr().map_err(|e| e.to_string())?,
            config.database.display(),
            config.dist.as_ref().map(|d| d.display().to_string()).unwrap_or_else(|| "not served".into())
        );
        serve(listener, state).await.map_err(|e| e.to_string())
    })
}

fn create_admin(store: Store, email: String) -> Result<(), String> {
    let state = AppState::open(config(store))?;
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password).map_err(|e| e.to_string())?;
    let new = NewAccount {
        email,
        password: password.trim_end_matches(['\r', '\n']).to_string(),
        role: Role::Admin,
        region: None,
        company: String::new(),
    };
    let id = auth::create_account(&state.db, &new).map_err(|e| e.message)?;
    eprintln!("Admin account {id} created for {}.", new.email);
    Ok(())
}

fn seed(store: Store, openings: usize, candidates: usize) -> Result<(), String> {
    let size = vaardig_demo::DemoSize::new(openings, candidates);
    let state = AppState::open(config(store))?;
    if demo::seed_sized(&state, size)? {
        eprintln!(
            "Seeded {} synthetic openings and {} synthetic candidates in {}.",
            size.openings,
            size.profiles,
            demo::REGION
        );
    } else {
        eprintln!("The database already has accounts; nothing seeded.");
    }
    eprint!("{}", demo::banner());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("vaardig-server").chain(line.split_whitespace()))
    }

    #[test]
    fn every_invocation_in_the_repository_still_parses() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        // README, docs/RELIABILITY.md, xtask (run, load, api-fuzz), server/tests/api.rs,
        // web/tests/pool-server.mjs, server/tests/vc/verify.test.mjs.
        for line in [
            "serve --db pool.sqlite --dist dist --port 8080 --demo --public-url https://vaardig.example --secure-cookies --key-dir keys",
            "serve --demo --dist dist --db target/vaardig-demo.sqlite --port 8080",
            "serve --port 0 --db run.sqlite",
            "serve --demo --port 0 --writes-per-hour 1000000 --db x.sqlite",
            "serve --port 0 --writes-per-hour 1000000 --db x.sqlite",
            "serve --db pool.sqlite --port 41234 --public-url http://127.0.0.1:41234",
            "serve --port 18431 --db /tmp/pool.sqlite",
            "serve --trusted-proxy 10.0.0.1 --trusted-proxy ::1 --header-timeout 5 --request-timeout 9 --max-connections 3",
            "create-admin --db pool.sqlite --email admin@example.nl",
            "rotate-key --db pool.sqlite",
            "rotate-key --db pool.sqlite --key-dir keys",
            "seed --db seeding.sqlite --openings 5000 --candidates 50000",
        ] {
            if let Err(e) = parse(line) {
                panic!("{line}: {e}");
            }
        }
    }

    #[test]
    fn flags_reach_the_configuration() {
        let Ok(Cli { command: Command::Serve(serve) }) = parse(
            "serve --trusted-proxy 10.0.0.1 --trusted-proxy ::1 --header-timeout 5 --max-connections 3 --port 9 --port 0",
        ) else {
            panic!("serve parses");
        };
        assert_eq!(serve.port, 0, "the last --port wins, as before");
        let config = serve_config(serve, 4321);
        assert_eq!(config.trusted_proxies.len(), 2);
        assert_eq!(config.header_timeout, Duration::from_secs(5));
        assert_eq!(config.request_timeout, vaardig_server::REQUEST_TIMEOUT);
        assert_eq!(config.max_connections, 3);
        assert_eq!(config.writes_per_hour, vaardig_server::WRITES_PER_HOUR);
        assert_eq!(config.public_url, "http://127.0.0.1:4321");
        assert_eq!(config.database, PathBuf::from("vaardig.sqlite"));
    }

    #[test]
    fn an_unknown_flag_or_command_is_refused_with_a_suggestion() {
        let e = parse("serve --pubic-url http://x").err().expect("refused");
        assert_eq!(e.kind(), clap::error::ErrorKind::UnknownArgument);
        assert!(e.to_string().contains("--public-url"), "{e}");
        let e = parse("rotate-keys").err().expect("refused");
        assert_eq!(e.kind(), clap::error::ErrorKind::InvalidSubcommand);
        assert!(e.to_string().contains("rotate-key"), "{e}");
        let e = parse("serve --port x").err().expect("refused");
        assert_eq!(e.kind(), clap::error::ErrorKind::ValueValidation);
        assert!(parse("create-admin --email a@b.nl").is_err(), "create-admin needs --db");
    }

    #[test]
    fn every_command_has_help() {
        for line in ["--help", "serve --help", "rotate-key --help", "create-admin --help", "seed --help", "help serve"]
        {
            let e = parse(line).err().expect("help is not a run");
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{line}");
            assert!(!e.use_stderr(), "{line}: help goes to standard output, exit 0");
        }
    }
}
