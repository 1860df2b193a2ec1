//! `vaardig-server`: runs the regional candidate pool, or creates an admin account.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use vaardig_server::auth::{self, NewAccount, Role};
use vaardig_server::{demo, serve, AppState, Config};

const USAGE: &str = "usage:
  vaardig-server serve [--db FILE] [--key-dir DIR] [--dist DIR] [--host ADDR] [--port N] [--demo] [--public-url URL] [--secure-cookies]
                       [--trusted-proxy ADDR]... [--header-timeout SECONDS] [--request-timeout SECONDS]
                       [--max-connections N] [--writes-per-hour N]
      serve the web app and the API; --demo seeds an empty database with demo accounts and synthetic data;
      --public-url is the only scheme, host and port answered (default http://127.0.0.1:PORT, any loopback name;
        a reverse proxy must pass the browser's Host header on);
      --trusted-proxy: the reverse proxy's address, whose X-Forwarded-For names the client;
      the signing keys live in --key-dir (default: FILE.keys beside the database), made on first start
  vaardig-server rotate-key [--db FILE] [--key-dir DIR]
      add the next signing key; it signs from the next start, and the older keys keep verifying
  vaardig-server create-admin --db FILE --email ADDRESS
      create an admin account; the password is read from the first line of standard input
  vaardig-server seed --db FILE --openings N --candidates M
      fill an empty database with demo accounts and N synthetic openings and M synthetic candidates";

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => run(&args),
        Some("create-admin") => create_admin(&args),
        Some("seed") => seed(&args),
        Some("rotate-key") => rotate_key(&args),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vaardig-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Every value of a flag that may be given more than once.
fn flags(args: &[String], name: &str) -> Vec<String> {
    args.windows(2).filter(|w| w[0] == name).map(|w| w[1].clone()).collect()
}

fn number<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    flag(args, name)
        .map(|n| n.parse().map_err(|_| format!("{name} {n}: not a number")))
        .transpose()
        .map(|n| n.unwrap_or(default))
}

fn config(args: &[String], port: u16) -> Result<Config, String> {
    let mut config = Config::new(
        PathBuf::from(flag(args, "--db").unwrap_or_else(|| "vaardig.sqlite".into())),
        flag(args, "--public-url").unwrap_or_else(|| format!("http://127.0.0.1:{port}")),
    );
    config.dist = flag(args, "--dist").map(PathBuf::from);
    config.secure_cookies = args.iter().any(|a| a == "--secure-cookies");
    config.key_dir = flag(args, "--key-dir").map(PathBuf::from);
    config.trusted_proxies = flags(args, "--trusted-proxy")
        .iter()
        .map(|a| a.parse().map_err(|_| format!("--trusted-proxy {a}: not an IP address")))
        .collect::<Result<_, _>>()?;
    let seconds = |name, default: Duration| number(args, name, default.as_secs()).map(Duration::from_secs);
    config.header_timeout = seconds("--header-timeout", config.header_timeout)?;
    config.request_timeout = seconds("--request-timeout", config.request_timeout)?;
    config.max_connections = number(args, "--max-connections", config.max_connections)?;
    config.writes_per_hour = number(args, "--writes-per-hour", config.writes_per_hour)?;
    Ok(config)
}

fn rotate_key(args: &[String]) -> Result<(), String> {
    let config = config(args, 8080)?;
    let dir = config.key_dir.clone().unwrap_or_else(|| vaardig_server::keys::default_dir(&config.database));
    let number = vaardig_server::keys::rotate(&dir)?;
    eprintln!("Key {number} added in {}; restart the server to sign with it.", dir.display());
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let port: u16 = flag(args, "--port")
        .map(|p| p.parse().map_err(|_| format!("--port {p}: not a port")))
        .transpose()?
        .unwrap_or(8080);
    let host = flag(args, "--host").unwrap_or_else(|| "127.0.0.1".into());
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind((host.as_str(), port)).await.map_err(|e| format!("{host}:{port}: {e}"))?;
        // The port bound (`--port 0` picks one): the default public URL names it.
        let bound = listener.local_addr().map_err(|e| e.to_string())?.port();
        let config = config(args, bound)?;
        let state = AppState::open(config.clone())?;
        if args.iter().any(|a| a == "--demo") {
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

fn create_admin(args: &[String]) -> Result<(), String> {
    let email = flag(args, "--email").ok_or("create-admin needs --email")?;
    if flag(args, "--db").is_none() {
        return Err("create-admin needs --db".into());
    }
    let state = AppState::open(config(args, 8080)?)?;
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

fn seed(args: &[String]) -> Result<(), String> {
    if flag(args, "--db").is_none() {
        return Err("seed needs --db".into());
    }
    let size = vaardig_demo::DemoSize::new(
        number(args, "--openings", demo::OPENINGS)?,
        number(args, "--candidates", demo::CANDIDATES)?,
    );
    let state = AppState::open(config(args, 8080)?)?;
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
