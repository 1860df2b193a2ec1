//! "Who looked", written by group commit: handlers hand their audit lines to one writer thread,
//! which writes everything waiting in one transaction (one fsync) and then answers each handler.
//! A handler's answer still goes out only after its lines are durable; under load, many requests
//! share one fsync instead of queueing for one each behind the database mutex.

use rusqlite::{params, Connection};
use std::path::Path;
use std::sync::mpsc;
use tokio::sync::oneshot;

/// One line of the audit log.
#[derive(Clone, Debug)]
pub struct Line {
    /// The account that looked.
    pub account: i64,
    /// What happened (`listed`, …).
    pub action: &'static str,
    /// The candidate looked at.
    pub candidate: String,
    /// The opening it was for.
    pub opening: Option<String>,
    /// More about it.
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
        conn.pragma_update(None, "foreign_keys", "ON")?;
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

/// One transaction for every waiting batch. A line about a candidate withdrawn meanwhile is
/// skipped: the withdrawal deleted everything about them, and must stay that way.
fn write(conn: &mut Connection, batches: &[Batch]) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO audit (at, account_id, action, candidate_id, opening_id, detail)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM candidates WHERE id = ?4)",
        )?;
        let at = crate::db::now();
        for line in batches.iter().flat_map(|b| &b.lines) {
            insert.execute(params![at, line.account, line.action, line.candidate, line.opening, line.detail])?;
        }
    }
    tx.commit()
}
