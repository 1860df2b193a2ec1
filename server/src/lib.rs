//! # vaardig-server
//!
//! The regional candidate pool: young people publish parts of their profile with consent,
//! employers browse the consenting candidates of their region ranked by `matching-core`,
//! jobhunters work the whole region, workplace trainers attest work processes. One process serves
//! the web app and the HTTP API (described in `openapi.json`, served at `/api/openapi.json`) over
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
pub mod keys;
pub mod page;
pub mod pool;
pub mod secret;

use axum::extract::DefaultBodyLimit;
use matching_core::Taxonomy;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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
    /// The address links for workplace trainers start with, such as `https://vaardig.example`.
    pub public_url: String,
    /// Where the Ed25519 signing keys live (`keys.rs`); `None`: `<database>.keys/` beside the
    /// database file.
    pub key_dir: Option<PathBuf>,
}

/// What every handler shares.
pub struct AppState {
    /// The database.
    pub db: db::Db,
    /// The taxonomy (embedded).
    pub taxonomy: &'static Taxonomy,
    /// The region pools in memory.
    pub pools: pool::Pools,
    /// Failed logins.
    pub limiter: Mutex<auth::Limiter>,
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
        let db = db::Db::open(&config.database).map_err(|e| format!("{}: {e}", config.database.display()))?;
        let key_dir = config.key_dir.clone().unwrap_or_else(|| keys::default_dir(&config.database));
        let keys = keys::KeyRing::open(&key_dir, &config.public_url)?;
        let taxonomy = vaardig_taxonomy::embedded();
        let audit = audit::AuditLog::start(&config.database).map_err(|e| format!("the audit writer: {e}"))?;
        Ok(Arc::new(AppState {
            db,
            taxonomy,
            pools: pool::Pools::default(),
            limiter: Mutex::new(auth::Limiter::default()),
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
        .layer(axum::middleware::from_fn(auth::same_origin))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}

/// Deletes candidates whose consent ran out (and, by cascade, everything derived from them).
/// Returns how many went.
pub fn sweep_expired(state: &AppState) -> rusqlite::Result<usize> {
    let removed = state.db.lock().execute(
        "DELETE FROM candidates WHERE id IN (SELECT candidate_id FROM consents WHERE until_ts < ?1)",
        [db::now()],
    )?;
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
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
