//! Limits that hold under concurrency: sliding-window counters keyed by hashes (never by what a
//! client sent), the client address behind a trusted reverse proxy, and the bounded pool of
//! password checks.
//!
//! - An attempt is counted *before* the work it guards (a password check, a write), under one lock,
//!   so a parallel burst cannot pass more checks than the limit.
//! - Keys are SHA-256 of what they stand for (cut to 16 bytes); an entry holds at most `limit`
//!   times; entries expire with their window, and past [`MAX_ENTRIES`] the stalest entry goes.
//! - At most [`PasswordChecks::running`] argon2 checks run at once, on threads of their own (each
//!   check holds 19 MiB); at most [`PASSWORD_QUEUE`] more wait; the rest are refused at once with
//!   503 and `Retry-After`.

use crate::error::ApiError;
use crate::AppState;
use axum::http::{HeaderMap, StatusCode};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

/// The most keys a [`Limiter`] keeps; each costs about 100 bytes plus 8 per counted time.
pub const MAX_ENTRIES: usize = 100_000;

/// Password checks that may wait for a free core before the server answers "busy".
pub const PASSWORD_QUEUE: usize = 16;

/// A limiter key: SHA-256 of the parts, cut to 16 bytes.
pub type Key = [u8; 16];

/// The key of `parts` (each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ).
pub fn key(parts: &[&[u8]]) -> Key {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let mut key = [0; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

/// One counted budget: `limit` attempts per `window` seconds for `key`.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Whose budget.
    pub key: Key,
    /// Attempts allowed per window.
    pub limit: usize,
    /// The window in seconds.
    pub window: i64,
}

/// Sliding-window counters.
#[derive(Default)]
pub struct Limiter {
    entries: Mutex<BTreeMap<Key, VecDeque<i64>>>,
}

impl Limiter {
    /// Counts one attempt against every budget, or none: when any budget is spent, returns the
    /// seconds until it frees up and counts nothing.
    pub fn take(&self, budgets: &[Budget], at: i64) -> Result<(), i64> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = None::<i64>;
        for b in budgets {
            if let Some(times) = entries.get_mut(&b.key) {
                while times.front().is_some_and(|t| at - t >= b.window) {
                    times.pop_front();
                }
                if times.len() >= b.limit {
                    let until = times.front().map_or(1, |t| b.window - (at - t));
                    wait = Some(wait.map_or(until, |w| w.max(until)));
                }
            }
        }
        if let Some(wait) = wait {
            return Err(wait.max(1));
        }
        let window = budgets.iter().map(|b| b.window).max().unwrap_or(0);
        for b in budgets {
            if !entries.contains_key(&b.key) && entries.len() >= MAX_ENTRIES {
                make_room(&mut entries, at, window);
            }
            let times = entries.entry(b.key).or_default();
            times.push_back(at);
            while times.len() > b.limit {
                times.pop_front();
            }
        }
        Ok(())
    }

    /// Takes back one attempt counted at `at` (a login that turned out right).
    pub fn give_back(&self, key: &Key, at: i64) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(times) = entries.get_mut(key) {
            if let Some(i) = times.iter().rposition(|t| *t == at) {
                times.remove(i);
            }
            if times.is_empty() {
                entries.remove(key);
            }
        }
    }

    /// Forgets `key` (a right password for this account from this address).
    pub fn clear(&self, key: &Key) {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
    }

    /// How many keys are held.
    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// True when no key is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Drops the entries whose newest time left the window; if none did, the stalest entry.
fn make_room(entries: &mut BTreeMap<Key, VecDeque<i64>>, at: i64, window: i64) {
    let before = entries.len();
    entries.retain(|_, times| times.back().is_some_and(|t| at - t < window));
    if entries.len() == before {
        if let Some(stalest) = entries.iter().min_by_key(|(_, times)| times.back().copied()).map(|(k, _)| *k) {
            entries.remove(&stalest);
        }
    }
}

/// The answer for a spent budget: 429 with `Retry-After`.
pub fn too_many(wait: i64, message: String) -> ApiError {
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message).retry_after(wait)
}

/// "in N minutes" for a wait in seconds.
pub fn minutes(wait: i64) -> i64 {
    ((wait + 59) / 60).max(1)
}

/// One hour, the window of the write budgets.
pub const WRITE_WINDOW: i64 = 3600;

/// Counts one write of `kind` (`"publish"`, `"trainer link"`, `"contact request"`) from the
/// client of this request against its hourly budget (`Config::writes_per_hour`).
pub fn write(state: &AppState, peer: SocketAddr, headers: &HeaderMap, kind: &str) -> Result<(), ApiError> {
    let address = client_address(peer, headers, &state.config.trusted_proxies).to_string();
    let budget = Budget {
        key: key(&[b"write", kind.as_bytes(), address.as_bytes()]),
        limit: state.config.writes_per_hour,
        window: WRITE_WINDOW,
    };
    state.limiter.take(&[budget], crate::db::now()).map_err(|wait| {
        too_many(wait, format!("Too many of these from your address: a {kind} again in {} minutes.", minutes(wait)))
    })
}

/// The client's address: the peer, or, when the peer is a trusted reverse proxy, the rightmost
/// address in `X-Forwarded-For` that is not a trusted proxy (the hops left of it were written by
/// the client and prove nothing).
pub fn client_address(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer.ip().to_canonical();
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>().map(|ip| ip.to_canonical()) {
            Ok(ip) if trusted.contains(&ip) => continue,
            Ok(ip) => return ip,
            // A hop that is not an address: nothing left of it can be trusted; the proxy is the client.
            Err(_) => return peer,
        }
    }
    peer
}

/// A password check waiting for a worker.
type Job = Box<dyn FnOnce() + Send>;

/// The pool of password checks: `running` threads of its own (so at most that many argon2
/// buffers exist, and the allocator keeps at most that many arenas warm), and a queue of
/// [`PASSWORD_QUEUE`] checks; a check that finds the queue full is refused at once.
pub struct PasswordChecks {
    queue: std::sync::mpsc::SyncSender<Job>,
    running: usize,
}

impl Default for PasswordChecks {
    fn default() -> PasswordChecks {
        PasswordChecks::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    }
}

impl PasswordChecks {
    /// A pool of `running` threads.
    pub fn new(running: usize) -> PasswordChecks {
        let running = running.max(1);
        let (queue, jobs) = std::sync::mpsc::sync_channel::<Job>(PASSWORD_QUEUE);
        let jobs = std::sync::Arc::new(Mutex::new(jobs));
        for n in 0..running {
            let jobs = jobs.clone();
            let spawned = std::thread::Builder::new().name(format!("password-check-{n}")).spawn(move || loop {
                // The lock is held only while taking a job; the pool ends with its sender.
                let job = match jobs.lock().unwrap_or_else(|p| p.into_inner()).recv() {
                    Ok(job) => job,
                    Err(_) => return,
                };
                job();
            });
            if let Err(e) = spawned {
                eprintln!("vaardig-server: a password check thread: {e}");
            }
        }
        PasswordChecks { queue, running }
    }

    /// How many checks run at once.
    pub fn running(&self) -> usize {
        self.running
    }

    /// Runs `check` on the pool; `Err(503 busy)` at once when the queue is full.
    pub async fn run<T: Send + 'static>(&self, check: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let (done, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(check());
        });
        match self.queue.try_send(job) {
            Ok(()) => answer.await.map_err(ApiError::internal),
            Err(std::sync::mpsc::TrySendError::Full(_)) => Err(busy()),
            Err(std::sync::mpsc::TrySendError::Disconnected(_)) => {
                Err(ApiError::internal("the password checks stopped"))
            }
        }
    }
}

/// 503: too many logins are being checked right now.
pub fn busy() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        "The server is checking many logins right now. Try again in a second.",
    )
    .retry_after(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(name: &str, limit: usize) -> Budget {
        Budget { key: key(&[name.as_bytes()]), limit, window: 300 }
    }

    #[test]
    fn all_budgets_or_none() {
        let l = Limiter::default();
        let (a, b) = (budget("a", 2), budget("b", 3));
        assert!(l.take(&[a, b], 0).is_ok());
        assert!(l.take(&[a, b], 1).is_ok());
        // a is spent: b is not counted.
        assert_eq!(l.take(&[a, b], 2), Err(298));
        assert!(l.take(&[b], 3).is_ok());
        assert!(l.take(&[b], 4).is_err());
        // The window slides.
        assert!(l.take(&[a], 300).is_ok());
    }

    #[test]
    fn memory_is_bounded() {
        let l = Limiter::default();
        for i in 0..(MAX_ENTRIES + 10) as u64 {
            l.take(&[Budget { key: key(&[&i.to_le_bytes()]), limit: 5, window: 300 }], 10).unwrap();
        }
        assert_eq!(l.len(), MAX_ENTRIES);
        // A later attempt drops every entry whose window passed.
        l.take(&[budget("late", 5)], 400).unwrap();
        assert_eq!(l.len(), 1);
    }

    #[test]
    fn a_full_queue_is_refused_at_once() {
        let pool = PasswordChecks::new(1);
        let (release, held) = std::sync::mpsc::channel::<()>();
        let held = std::sync::Arc::new(Mutex::new(held));
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            // One running (blocked) and PASSWORD_QUEUE waiting fill the pool; a future queues its
            // check when first polled.
            let mut waiting = Vec::new();
            for n in 0..=PASSWORD_QUEUE {
                let held = held.clone();
                let mut check = Box::pin(pool.run(move || held.lock().unwrap().recv().is_ok()));
                assert!(poll_once(check.as_mut()).await.is_none(), "check {n} waits");
                waiting.push(check);
                if n == 0 {
                    // The worker takes the first before the queue fills.
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            }
            let refused = pool.run(|| true).await;
            assert_eq!(refused.err().map(|e| e.code), Some("busy"));
            for _ in 0..=PASSWORD_QUEUE {
                release.send(()).unwrap();
            }
            for w in waiting {
                assert!(w.await.unwrap());
            }
        });
    }

    /// Polls a future once (queues a password check without waiting for it).
    async fn poll_once<F: std::future::Future + Unpin>(f: F) -> Option<F::Output> {
        let mut f = f;
        std::future::poll_fn(|cx| {
            std::task::Poll::Ready(match std::pin::Pin::new(&mut f).poll(cx) {
                std::task::Poll::Ready(v) => Some(v),
                std::task::Poll::Pending => None,
            })
        })
        .await
    }

    #[test]
    fn keys_do_not_collide_by_joining() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
    }

    #[test]
    fn the_client_is_the_rightmost_untrusted_hop() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let peer = SocketAddr::new(proxy, 5000);
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "1.2.3.4, 5.6.7.8, 10.0.0.1".parse().unwrap());
        assert_eq!(client_address(peer, &h, &[proxy]), "5.6.7.8".parse::<IpAddr>().unwrap());
        // Not from the proxy: the header is the client's own words.
        let stranger = SocketAddr::new("9.9.9.9".parse().unwrap(), 5000);
        assert_eq!(client_address(stranger, &h, &[proxy]), "9.9.9.9".parse::<IpAddr>().unwrap());
        // No trusted proxy configured: the header is ignored.
        assert_eq!(client_address(peer, &h, &[]), proxy);
        // Garbage in the header: the proxy itself is the client.
        h.insert("x-forwarded-for", "1.2.3.4, nonsense".parse().unwrap());
        assert_eq!(client_address(peer, &h, &[proxy]), proxy);
    }
}
