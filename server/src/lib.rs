//! # vaardig-server
//!
//! The regional candidate pool: young people publish parts of their profile with consent,
//! employers browse the consenting candidates of their region ranked by `matching-core`,
//! jobhunters work the whole region, workplace trainers attest work processes. One process serves
//! the web app and the HTTP API (its OpenAPI document generated in `openapi.rs`, served at `/api/openapi.json`) over
//! one embedded SQLite file.
//!
//! The young person's app keeps working fully without this server: publishing is a choice.

pub mod attest;
pub mod audit;
pub mod auth;
pub mod consent;
pub mod credential;
pub mod db;
pub mod demo;
pub mod error;
mod files;
mod handlers;
pub mod http;
pub mod keys;
pub mod limit;
pub mod openapi;
pub use vaardig_api::page;
pub mod pool;
pub mod secret;

use axum::extract::DefaultBodyLimit;
use matching_core::Taxonomy;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The largest request body accepted: a profile with every item of the taxonomy claimed is about
/// 60 kB, so 256 kB leaves room and stops abuse.
pub const BODY_LIMIT: usize = 256 * 1024;

/// How often expired consents are swept, in seconds.
pub const SWEEP_SECONDS: u64 = 60;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite file.
    pub database: PathBuf,
    /// The built web app (`dist/`), served at `/`; `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// The address links for workplace trainers start with, such as `https://vaardig.example`;
    /// also the only scheme, host and port requests are answered for (see `http.rs`).
    pub public_url: String,
    /// Where the Ed25519 signing keys live (`keys.rs`); `None`: `<database>.keys/` beside the
    /// database file.
    pub key_dir: Option<PathBuf>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Vec<IpAddr>,
    /// How long a connection may take to send a request's head.
    pub header_timeout: Duration,
    /// How long a request may take from its head to its answer (bounds reading the body).
    pub request_timeout: Duration,
    /// The most connections open at once.
    pub max_connections: usize,
    /// Anonymous writes (publishes, trainer links) and contact requests per client address per
    /// hour, each kind its own budget.
    pub writes_per_hour: usize,
}

/// Defaults of the settings below: see `Config::new`.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The default whole-request timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The default connection cap: well under the usual 1,024 file descriptors.
pub const MAX_CONNECTIONS: usize = 512;
/// The default budget of anonymous writes and contact requests per client address per hour.
pub const WRITES_PER_HOUR: usize = 60;

impl Config {
    /// A configuration with the defaults: no app served, no `Secure` cookies, no trusted proxy.
    pub fn new(database: PathBuf, public_url: impl Into<String>) -> Config {
        Config {
            database,
            dist: None,
            secure_cookies: false,
            public_url: public_url.into(),
            trusted_proxies: Vec::new(),
            header_timeout: HEADER_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
            writes_per_hour: WRITES_PER_HOUR,
            key_dir: None,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    /// The database.
    pub db: db::Db,
    /// The taxonomy (embedded).
    pub taxonomy: &'static Taxonomy,
    /// The region pools in memory.
    pub pools: pool::Pools,
    /// Login attempts and writes per client address (see `limit.rs`).
    pub limiter: limit::Limiter,
    /// The bounded pool of password checks.
    pub password_checks: limit::PasswordChecks,
    /// The public origin requests must name (from `config.public_url`).
    pub origin: http::Origin,
    /// The Content-Security-Policy of pages (with the hashes of the served pages' inline scripts).
    pub page_policy: String,
    /// Sessions checked lately.
    pub sessions: auth::SessionCache,
    /// The writer of "who looked" (group commit).
    pub audit: audit::AuditLog,
    /// The keys credentials are signed with (files outside the database).
    pub keys: keys::KeyRing,
    /// How it runs.
    pub config: Config,
}

impl AppState {
    /// Opens the database (migrating it) and loads the embedded taxonomy.
    pub fn open(config: Config) -> Result<Arc<AppState>, String> {
        let origin = http::Origin::parse(&config.public_url).ok_or_else(|| {
            format!("--public-url {:?}: give a URL such as https://vaardig.example", config.public_url)
        })?;
        let page_policy =
            http::page_policy(&config.dist.as_deref().map(files::inline_script_hashes).unwrap_or_default());
        let db = db::Db::open(&config.database).map_err(|e| format!("{}: {e}", config.database.display()))?;
        let key_dir = config.key_dir.clone().unwrap_or_else(|| keys::default_dir(&config.database));
        let keys = keys::KeyRing::open(&key_dir, &config.public_url)?;
        let taxonomy = vaardig_taxonomy::embedded();
        let audit = audit::AuditLog::start(&config.database).map_err(|e| format!("the audit writer: {e}"))?;
        Ok(Arc::new(AppState {
            db,
            taxonomy,
            pools: pool::Pools::default(),
            limiter: limit::Limiter::default(),
            password_checks: limit::PasswordChecks::default(),
            origin,
            page_policy,
            sessions: auth::SessionCache::default(),
            audit,
            keys,
            config,
        }))
    }
}

/// The whole HTTP surface: the API under `/api`, the web app everywhere else.
pub fn router(state: Arc<AppState>) -> axum::Router {
    handlers::api()
        .fallback(files::serve)
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::same_origin))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::security_headers))
        .with_state(state)
}

/// Deletes candidates whose consent ran out (and, by cascade, everything derived from them),
/// trainer links and sessions past their expiry; when a candidate went, the deleted bytes are
/// pushed out of the write-ahead log too (`db::erase`). Returns how many candidates went.
pub fn sweep_expired(state: &AppState) -> rusqlite::Result<usize> {
    let at = db::now();
    let conn = state.db.lock();
    let removed = conn
        .execute("DELETE FROM candidates WHERE id IN (SELECT candidate_id FROM consents WHERE until_ts < ?1)", [at])?;
    let links = conn.execute("DELETE FROM attestations WHERE expires <= ?1", [at])?;
    conn.execute("DELETE FROM sessions WHERE expires <= ?1", [at])?;
    if removed + links > 0 {
        db::erase(&conn)?;
    }
    drop(conn);
    if removed > 0 {
        state.pools.invalidate_all();
    }
    Ok(removed)
}

/// Serves until the listener fails or ctrl-c; sweeps expired consents on start and every minute.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    let _ = sweep_expired(&state);
    let sweeper = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(SWEEP_SECONDS));
        loop {
            tick.tick().await;
            if let Err(e) = sweep_expired(&sweeper) {
                eprintln!("vaardig-server: sweeping expired consents failed: {e}");
            }
        }
    });
    let app = router(state.clone());
    http::accept(listener, app, &state, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
