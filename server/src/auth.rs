//! Accounts, sessions, CSRF and the login rate limit.
//!
//! - Passwords are hashed with argon2id (the crate's defaults: 19 MiB, 2 passes).
//! - A session is a random token in an `HttpOnly; SameSite=Strict` cookie; only its hash is stored.
//! - Every state change with a session must echo the session's CSRF token in `X-CSRF-Token`
//!   (checked in the [`Account`] extractor, so a handler cannot forget it); and any state change
//!   whose `Origin` is not this server's is refused before it reaches a handler (`http.rs`).
//! - Login attempts are counted before the password is checked (see [`crate::limit`]): per
//!   account from one client address, per account, and per client address, each with its own budget.
//! - A session checked once is kept in memory for at most a minute ([`SessionCache`]), so a
//!   request does not need SQLite to know who sent it; ending a session forgets it at once.

use crate::db::{now, Db};
use crate::error::{ApiError, ApiResult};
use crate::secret;
use crate::AppState;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The session cookie's name.
pub const COOKIE: &str = "vaardig_session";

/// How long a session lasts: one working day.
pub const SESSION_SECONDS: i64 = 12 * 3600;

/// Login attempts for one account from one client address within [`LIMIT_WINDOW`]: counted
/// before the password is checked, given back when it was right.
pub const LIMIT_PER_ADDRESS_AND_ACCOUNT: usize = 5;

/// Login attempts for one account from all addresses together within [`LIMIT_WINDOW`]: softer,
/// so one address cannot lock an account (it spends at most 5 of these), yet many addresses
/// together cannot guess on.
pub const LIMIT_PER_ACCOUNT: usize = 50;

/// Login attempts from one client address over all accounts within [`LIMIT_WINDOW`]: a budget of
/// its own, so an office behind one address is not locked out by one person's typos.
pub const LIMIT_PER_ADDRESS: usize = 100;

/// The window of the login rate limit, in seconds.
pub const LIMIT_WINDOW: i64 = 300;

/// The longest e-mail address taken anywhere (RFC 5321 allows 254); a longer one is refused
/// before anything about it is stored.
pub const MAX_EMAIL: usize = 254;

/// The longest password taken (in bytes); argon2 reads every byte.
pub const MAX_PASSWORD: usize = 1024;

/// The longest company name.
pub const MAX_COMPANY: usize = 200;

/// How long a session checked in the database is trusted from memory, in seconds: it bounds how
/// long a change to sessions made outside this server (by hand in SQLite) goes unseen. Logout and
/// expiry take effect at once.
pub const SESSION_CACHE_SECONDS: i64 = 60;

/// The most sessions kept in memory; past it the cache starts over.
pub const SESSION_CACHE_SIZE: usize = 10_000;

/// The shortest password an account may have.
pub const MIN_PASSWORD: usize = 10;

pub use vaardig_api::{NewAccount, Role};

/// A logged-in account, taken from the session cookie. Taking it also checks CSRF on state changes.
#[derive(Clone, Debug)]
pub struct Account {
    /// Row id.
    pub id: i64,
    /// Login name.
    pub email: String,
    /// What it may do.
    pub role: Role,
    /// The region an employer or jobhunter works in.
    pub region: Option<String>,
    /// The employer's company name (shown to young people who were looked at).
    pub company: String,
    /// The session's CSRF token (sent once, beside the account, not inside it).
    pub csrf: String,
}

impl Account {
    /// What a session is, as the API shows it.
    pub fn session_info(&self) -> vaardig_api::SessionInfo {
        vaardig_api::SessionInfo {
            account: vaardig_api::Account {
                id: self.id,
                email: self.email.clone(),
                role: self.role,
                region: self.region.clone(),
                company: self.company.clone(),
            },
            csrf: self.csrf.clone(),
        }
    }
}

impl Account {
    /// The account's region, for roles that work in one.
    pub fn region(&self) -> ApiResult<&str> {
        self.region.as_deref().ok_or_else(ApiError::forbidden)
    }

    /// Refuses unless the account has `role`.
    pub fn require(&self, role: Role) -> ApiResult<()> {
        if self.role == role {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }
}

impl FromRequestParts<Arc<AppState>> for Account {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Account, ApiError> {
        let token = cookie_token(&parts.headers).ok_or_else(ApiError::unauthorized)?;
        let account = session(state, &token)?;
        let account = account.ok_or_else(ApiError::unauthorized)?;
        if !is_safe(&parts.method) {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
            if sent.is_empty() || sent != account.csrf {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "This change needs the X-CSRF-Token header from /api/session.",
                ));
            }
        }
        Ok(account)
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The account of a live session: from the cache, else from the database (and then cached).
fn session(state: &AppState, token: &str) -> rusqlite::Result<Option<Account>> {
    let hash = secret::hash(token);
    let at = now();
    if let Some(account) = state.sessions.get(&hash, at) {
        return Ok(Some(account));
    }
    // Read and cache under the database lock: `end_session` deletes and forgets under it too, so a
    // session read here just before a logout cannot be cached after the logout forgot it.
    let conn = state.db.lock();
    let found = session_account(&conn, &hash, at)?;
    if let Some((account, expires)) = &found {
        state.sessions.put(hash, account.clone(), (*expires).min(at + SESSION_CACHE_SECONDS));
    }
    Ok(found.map(|(account, _)| account))
}

/// The account of a live session and when the session expires.
fn session_account(conn: &Connection, token_hash: &[u8], at: i64) -> rusqlite::Result<Option<(Account, i64)>> {
    conn.query_row(
        "SELECT a.id, a.email, a.role, a.region, a.company, s.csrf, s.expires FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = ?1 AND s.expires > ?2",
        params![token_hash, at],
        |r| {
            let account = Account {
                id: r.get(0)?,
                email: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Employer),
                region: r.get(3)?,
                company: r.get(4)?,
                csrf: r.get(5)?,
            };
            Ok((account, r.get(6)?))
        },
    )
    .optional()
}

/// Sessions checked in the database lately: token hash → the account and the second from which
/// the entry is no longer trusted (the session's expiry, or [`SESSION_CACHE_SECONDS`] after it was
/// read, whichever comes first).
#[derive(Default)]
pub struct SessionCache {
    entries: Mutex<BTreeMap<Vec<u8>, (Account, i64)>>,
}

impl SessionCache {
    fn get(&self, token_hash: &[u8], at: i64) -> Option<Account> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.get(token_hash).filter(|(_, until)| at < *until).map(|(account, _)| account.clone())
    }

    fn put(&self, token_hash: Vec<u8>, account: Account, until: i64) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= SESSION_CACHE_SIZE {
            entries.clear();
        }
        entries.insert(token_hash, (account, until));
    }

    fn forget(&self, token_hash: &[u8]) {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).remove(token_hash);
    }
}

/// Hashes a password with argon2id and a fresh salt.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::encode_b64(&secret::random_bytes::<16>()).expect("16 bytes is a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 defaults accept any password")
        .to_string()
}

/// Checks a password against a stored argon2 hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Creates an account after checking it; returns its id. The password is hashed (tens of
/// milliseconds) without holding the database.
pub fn create_account(db: &Db, new: &NewAccount) -> ApiResult<i64> {
    let email = check_account(&db.lock(), new)?;
    let hash = hash_password(&new.password);
    let conn = db.lock();
    conn.execute(
        "INSERT INTO accounts (email, password_hash, role, region, company, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            email,
            hash,
            new.role.as_str(),
            new.region.as_deref().filter(|_| new.role != Role::Admin),
            new.company.trim(),
            now()
        ],
    )
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => {
            ApiError::conflict("email: this address already has an account.")
        }
        _ => ApiError::from(e),
    })?;
    Ok(conn.last_insert_rowid())
}

/// An e-mail address as stored and as counted by the login limit: trimmed, lower case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks a new account; returns the e-mail address as stored.
fn check_account(conn: &Connection, new: &NewAccount) -> ApiResult<String> {
    let email = normalize_email(&new.email);
    if !email.contains('@') || email.len() > MAX_EMAIL {
        return Err(ApiError::bad_request(format!("email: give an e-mail address of at most {MAX_EMAIL} characters.")));
    }
    if new.password.len() > MAX_PASSWORD {
        return Err(ApiError::bad_request(format!("password: use at most {MAX_PASSWORD} characters.")));
    }
    if new.company.trim().chars().count() > MAX_COMPANY {
        return Err(ApiError::bad_request(format!("company: give a name of at most {MAX_COMPANY} characters.")));
    }
    if new.password.chars().count() < MIN_PASSWORD {
        return Err(ApiError::bad_request(format!("password: use at least {MIN_PASSWORD} characters.")));
    }
    let region = match (new.role, &new.region) {
        (Role::Admin, _) => None::<String>,
        (_, Some(region)) => Some(region.clone()),
        (_, None) => return Err(ApiError::bad_request("region: employers and jobhunters work in a region.")),
    };
    if let Some(region) = &region {
        let known: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM regions WHERE id = ?1)", [region], |r| r.get(0))?;
        if !known {
            return Err(ApiError::bad_request(format!("region: there is no region '{region}'.")));
        }
    }
    let taken: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM accounts WHERE email = ?1)", [&email], |r| r.get(0))?;
    if taken {
        return Err(ApiError::conflict("email: this address already has an account."));
    }
    Ok(email)
}

/// Starts a session for an account; returns (cookie token, CSRF token).
pub fn start_session(conn: &Connection, account_id: i64) -> rusqlite::Result<(String, String)> {
    let (token, csrf) = (secret::token(), secret::token());
    conn.execute("DELETE FROM sessions WHERE expires <= ?1", [now()])?;
    conn.execute(
        "INSERT INTO sessions (token_hash, account_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)",
        params![secret::hash(&token), account_id, csrf, now() + SESSION_SECONDS],
    )?;
    Ok((token, csrf))
}

/// Ends the session with this cookie token, in the database and in the session cache, under the
/// database lock (see `session`).
pub fn end_session(state: &AppState, token: &str) -> rusqlite::Result<()> {
    let hash = secret::hash(token);
    let conn = state.db.lock();
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [&hash])?;
    state.sessions.forget(&hash);
    Ok(())
}

/// The cookie that carries a session.
pub fn session_cookie_header(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={SESSION_SECONDS}{secure}")
}

/// The cookie that removes a session.
pub fn clear_cookie_header() -> String {
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// The token in a request's session cookie, if any.
pub fn cookie_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE && !value.is_empty()).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_session_is_trusted_only_until_its_end() {
        let cache = SessionCache::default();
        let account = Account {
            id: 1,
            email: "a@b.nl".into(),
            role: Role::Employer,
            region: None,
            company: String::new(),
            csrf: "x".into(),
        };
        cache.put(vec![1], account, 100);
        assert!(cache.get(&[1], 99).is_some());
        assert!(cache.get(&[1], 100).is_none(), "the second the session expires, it is refused");
        assert!(cache.get(&[2], 50).is_none());
        cache.forget(&[1]);
        assert!(cache.get(&[1], 50).is_none());
    }
}
