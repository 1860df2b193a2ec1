//! "Who looked" for lists, written by group commit: handlers hand the candidates they were shown
//! to one writer thread, which writes everything waiting in one transaction (one fsync) and then
//! answers each handler. A handler's answer still goes out only after its lines are durable; under
//! load, many requests share one fsync instead of queueing for one each behind the database mutex.
//!
//! A showing is counted in the `listed` table, one row per candidate, account, opening and kind of
//! list (first and last time, how many times), not appended as a line of its own: an employer who
//! opens the same list again updates rows in place. That keeps "who looked" readable for the young
//! person (one line "14 times, last on …" instead of fourteen), and it is what made the writer
//! fast enough: a new line lands on a random page of a table ordered by candidate, and every page
//! a batch touches is written to the WAL and again at the checkpoint; a table of rows updated in
//! place stays small, so a batch touches fewer pages and a checkpoint copies each only once.

use rusqlite::{params, Connection, TransactionBehavior};
use std::path::Path;
use std::sync::mpsc;
use tokio::sync::oneshot;

/// The audit writer's page cache, in KiB: the candidates' id index and the `listed` table stay
/// in memory.
pub const AUDIT_CACHE_KIB: i64 = 128 * 1024;

/// WAL pages after which the writer copies the WAL into the database (SQLite's default is 1,000).
/// Every batch rewrites the `listed` pages its lines land on; the longer the WAL, the more of
/// those rewrites a checkpoint copies only once.
pub const AUDIT_CHECKPOINT_PAGES: i64 = 8_000;

/// One candidate shown in a list.
#[derive(Clone, Debug)]
pub struct Line {
    /// The account that looked.
    pub account: i64,
    /// The candidate shown.
    pub candidate: String,
    /// The opening the list was for.
    pub opening: Option<String>,
    /// The kind of list, where it is not the opening's (`match table`, …).
    pub detail: String,
}

struct Batch {
    lines: Vec<Line>,
    done: oneshot::Sender<Result<(), String>>,
}

/// The handle handlers write through.
pub struct AuditLog {
    sender: mpsc::Sender<Batch>,
}

impl AuditLog {
    /// Starts the writer on its own connection to the database file.
    pub fn start(database: &Path) -> rusqlite::Result<AuditLog> {
        let conn = Connection::open(database)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // As on the main connection (`db.rs`): what this one frees is zeroed too.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // Foreign keys are checked by hand in `write` (the candidate, once per batch, under the write
        // lock); the account comes from a live session, and accounts are never deleted. SQLite's
        // own check cost two more index searches per line. Deletes on the other connection still
        // cascade into the audit: that is the deleting connection's work.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        // Every line looks its candidate up and goes into the candidate index at a random place:
        // with SQLite's default 2 MB cache most of those pages were read from the file again.
        conn.pragma_update(None, "cache_size", -AUDIT_CACHE_KIB)?;
        conn.pragma_update(None, "wal_autocheckpoint", AUDIT_CHECKPOINT_PAGES)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let (sender, receiver) = mpsc::channel::<Batch>();
        std::thread::Builder::new()
            .name("audit-writer".into())
            .spawn(move || {
                let mut conn = conn;
                while let Ok(first) = receiver.recv() {
                    let mut batches = vec![first];
                    batches.extend(receiver.try_iter());
                    let result = write(&mut conn, &batches).map_err(|e| e.to_string());
                    for batch in batches {
                        let _ = batch.done.send(result.clone());
                    }
                }
            })
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        Ok(AuditLog { sender })
    }

    /// Writes the lines; returns once they are committed.
    pub async fn log(&self, lines: Vec<Line>) -> Result<(), String> {
        if lines.is_empty() {
            return Ok(());
        }
        let (done, wait) = oneshot::channel();
        self.sender.send(Batch { lines, done }).map_err(|_| "the audit writer stopped".to_string())?;
        wait.await.map_err(|_| "the audit writer stopped".to_string())?
    }
}

/// One transaction for every waiting batch, taken with the write lock at once, so nothing can
/// withdraw a candidate between the check and the write. A line about a candidate withdrawn
/// meanwhile is skipped: the withdrawal deleted everything about them, and must stay that way.
/// Lines go in sorted by candidate, so consecutive writes land near each other in `listed`, and
/// each candidate is looked up once.
fn write(conn: &mut Connection, batches: &[Batch]) -> rusqlite::Result<()> {
    let mut lines: Vec<&Line> = batches.iter().flat_map(|b| &b.lines).collect();
    lines.sort_by(|a, b| a.candidate.cmp(&b.candidate));
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut exists = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM candidates WHERE id = ?1)")?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO listed (candidate_id, account_id, opening_id, detail, first_at, last_at, times)
             VALUES (?1, ?2, COALESCE(?3, ''), ?4, ?5, ?5, 1)
             ON CONFLICT DO UPDATE SET last_at = excluded.last_at, times = times + 1",
        )?;
        let at = crate::db::now();
        let mut known: Option<(&str, bool)> = None;
        for line in lines {
            let live = match known {
                Some((id, live)) if id == line.candidate => live,
                _ => {
                    let live: bool = exists.query_row([&line.candidate], |r| r.get(0))?;
                    known = Some((&line.candidate, live));
                    live
                }
            };
            if live {
                insert.execute(params![line.candidate, line.account, line.opening, line.detail, at])?;
            }
        }
    }
    tx.commit()
}
