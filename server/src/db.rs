//! The embedded SQLite database: opened in WAL mode with full sync (an acknowledged write survives
//! a crash), foreign keys on (withdrawal cascades), `secure_delete` on (deleted rows are
//! overwritten with zeros, not left in free pages), only its owner may read it (the file and its
//! `-wal`/`-shm` sidecars are mode 0600), and migrated on start by `user_version`.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// The schema, one step per version. Every row that says something about a candidate refers to
/// `candidates(id)` with `ON DELETE CASCADE`, so withdrawing deletes everything derived from it.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE regions (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('employer', 'jobhunter', 'admin')),
    region        TEXT REFERENCES regions(id),
    company       TEXT NOT NULL DEFAULT '',
    created       INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    expires    INTEGER NOT NULL
);
CREATE TABLE candidates (
    id          TEXT PRIMARY KEY,
    pseudonym   TEXT NOT NULL,
    secret_hash BLOB NOT NULL,
    region      TEXT NOT NULL REFERENCES regions(id),
    profile     TEXT NOT NULL,
    published   INTEGER NOT NULL,
    updated     INTEGER NOT NULL
);
CREATE INDEX candidates_region ON candidates(region);
CREATE TABLE consents (
    candidate_id   TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
    fields         TEXT NOT NULL,
    region         TEXT NOT NULL,
    given          INTEGER NOT NULL,
    until          TEXT NOT NULL,
    until_ts       INTEGER NOT NULL,
    text_version   TEXT NOT NULL,
    coach_evidence INTEGER NOT NULL
);
CREATE INDEX consents_until ON consents(until_ts);
CREATE TABLE openings (
    id         TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    region     TEXT NOT NULL REFERENCES regions(id),
    body       TEXT NOT NULL,
    created    INTEGER NOT NULL,
    updated    INTEGER NOT NULL
);
CREATE INDEX openings_region ON openings(region);
CREATE TABLE contact_requests (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    opening_id   TEXT,
    message      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    contact      TEXT,
    created      INTEGER NOT NULL,
    answered     INTEGER
);
CREATE INDEX contact_requests_candidate ON contact_requests(candidate_id);
CREATE TABLE shortlists (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    created    INTEGER NOT NULL
);
CREATE TABLE shortlist_entries (
    shortlist_id INTEGER NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (shortlist_id, candidate_id)
);
CREATE TABLE coach_evidence (
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    item         TEXT NOT NULL,
    level        INTEGER NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, item)
);
CREATE TABLE attestations (
    token_hash     BLOB PRIMARY KEY,
    claim_hash     BLOB NOT NULL,
    work_processes TEXT NOT NULL,
    created        INTEGER NOT NULL,
    expires        INTEGER NOT NULL,
    result         TEXT
);
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    action       TEXT NOT NULL,
    candidate_id TEXT REFERENCES candidates(id) ON DELETE CASCADE,
    opening_id   TEXT,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_candidate ON audit(candidate_id);
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    key  BLOB NOT NULL
);
INSERT INTO regions (id, name) VALUES
    ('midden-brabant', 'Midden-Brabant'),
    ('west-brabant', 'West-Brabant'),
    ('noordoost-brabant', 'Noordoost-Brabant'),
    ('zuidoost-brabant', 'Zuidoost-Brabant');
"#,
    r#"
-- A jobhunter's trainer link for a published candidate: the confirmation lands on the profile.
ALTER TABLE attestations ADD COLUMN candidate_id TEXT REFERENCES candidates(id) ON DELETE CASCADE;
"#,
    r#"
-- "Who looked" for lists: one row per candidate, account, opening and kind of list, counting every
-- time it was shown, instead of one audit line per showing. Stored by candidate (the young
-- person's view and a withdrawal read one range); repeated showings update a row in place.
CREATE TABLE listed (
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    account_id   INTEGER NOT NULL REFERENCES accounts(id),
    opening_id   TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    first_at     INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    times        INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, account_id, opening_id, detail)
) WITHOUT ROWID;
INSERT INTO listed (candidate_id, account_id, opening_id, detail, first_at, last_at, times)
    SELECT candidate_id, account_id, COALESCE(opening_id, ''), detail, MIN(at), MAX(at), COUNT(*)
    FROM audit WHERE action = 'listed' AND candidate_id IS NOT NULL AND account_id IS NOT NULL
    GROUP BY candidate_id, account_id, COALESCE(opening_id, ''), detail;
DELETE FROM audit WHERE action = 'listed';
"#,
    r#"
-- Evidence anyone can verify (issue 15): a trainer link is asked for a publication, by its device
-- or by a jobhunter (account_id), and names the learning company; every credential issued has a
-- status row (the Bitstring Status List). A status row outlives its publication without saying
-- whose it was: withdrawal and expiry set candidate_id to NULL, which reads as revoked. Links
-- asked without a publication cannot be bound to one and go; the HMAC key goes with the old
-- signatures (the Ed25519 keys live in files outside the database, see keys.rs).
ALTER TABLE attestations ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE attestations ADD COLUMN company TEXT;
DELETE FROM attestations WHERE candidate_id IS NULL;
CREATE TABLE credential_status (
    idx          INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id TEXT REFERENCES candidates(id) ON DELETE SET NULL,
    issued       INTEGER NOT NULL,
    valid_until  INTEGER NOT NULL,
    revoked      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX credential_status_candidate ON credential_status(candidate_id);
DELETE FROM server_keys WHERE name = 'attestation';
"#,
];

/// The database behind one mutex: SQLite serialises writers anyway, and every statement here takes
/// well under a millisecond; ranking happens outside the lock on an in-memory pool.
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database file.
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        owner_only(path).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Db { conn: Mutex::new(conn) })
    }

    /// The connection; a panic elsewhere never leaves it unusable.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The database file and its sidecars, as SQLite names them.
pub fn files(path: &Path) -> [std::path::PathBuf; 3] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    [path.to_path_buf(), with("-wal"), with("-shm")]
}

/// Creates the database file readable by its owner only, and takes every other bit off the file
/// and the sidecars that exist (a database made before this rule). SQLite gives the `-wal` and
/// `-shm` files it creates the main file's mode.
fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(path)?;
        for file in files(path) {
            match std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                other => other?,
            }
        }
    }
    Ok(())
}

/// After a deletion of personal data: copies the write-ahead log into the file and truncates it,
/// so the old pages (which `secure_delete` cannot reach) leave the log; the file's freed pages
/// were zeroed by `secure_delete`. A reader holding an old snapshot can keep the log from being
/// emptied; then the next erase (every sweep that deletes) finishes it.
pub fn erase(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (step, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", step + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The server's key for `name`, made once from the OS's random source and kept in the database.
pub fn server_key(conn: &Connection, name: &str) -> rusqlite::Result<Vec<u8>> {
    if let Some(key) = conn.query_row("SELECT key FROM server_keys WHERE name = ?1", [name], |r| r.get(0)).optional()? {
        return Ok(key);
    }
    let key = crate::secret::random_bytes::<32>().to_vec();
    conn.execute("INSERT INTO server_keys (name, key) VALUES (?1, ?2)", params![name, key])?;
    Ok(key)
}

/// Seconds since 1970, the server's clock (the core never reads one).
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Databases from before the `listed` table keep every showing, counted.
    #[test]
    fn listing_lines_become_counts() {
        let mut conn = Connection::open_in_memory().unwrap();
        // The lines only: no accounts or candidates behind them.
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        // The step that made `listed` (later steps may follow it).
        let before = MIGRATIONS.iter().position(|m| m.contains("CREATE TABLE listed")).unwrap();
        for sql in &MIGRATIONS[..before] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", before).unwrap();
        conn.execute_batch(
            "INSERT INTO audit (at, account_id, action, candidate_id, opening_id, detail) VALUES
                 (10, 1, 'listed', 'c-a', 'o-1', ''), (30, 1, 'listed', 'c-a', 'o-1', ''),
                 (20, 1, 'listed', 'c-a', NULL, 'match table'), (25, 2, 'listed', 'c-b', 'o-1', ''),
                 (40, 1, 'viewed', 'c-a', 'o-1', ''), (50, 1, 'login', NULL, NULL, '')",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let rows: Vec<(String, i64, String, String, i64, i64, i64)> = conn
            .prepare("SELECT * FROM listed ORDER BY candidate_id, detail")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let row =
            |c: &str, a, o: &str, d: &str, first, last, times| (c.into(), a, o.into(), d.into(), first, last, times);
        assert_eq!(
            rows,
            vec![
                row("c-a", 1, "o-1", "", 10, 30, 2),
                row("c-a", 1, "", "match table", 20, 20, 1),
                row("c-b", 2, "o-1", "", 25, 25, 1),
            ]
        );
        let actions: Vec<String> = conn
            .prepare("SELECT action FROM audit ORDER BY at")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(actions, ["viewed", "login"]);
    }
}
