//! The HTTP edge: the accept loop with its timeouts and connection cap, the host and origin
//! check, and the security headers on every answer.
//!
//! - A connection must send its request head within `header_timeout` and the whole request must be
//!   answered within `request_timeout` (which bounds reading the body), else it is closed; a client
//!   that takes none of its answer for `request_timeout` (a slow reader) is closed too; at most
//!   `max_connections` are open at once, the rest wait in the kernel's backlog.
//! - A request whose `Host` is not this server's (the DNS-rebinding shape) is refused with 421; a
//!   state change whose `Origin` is not exactly this server's scheme, host and port gets 403.
//! - Every answer carries `frame-ancestors 'none'`/`X-Frame-Options: DENY`,
//!   `Referrer-Policy: no-referrer`, `nosniff`; pages a strict CSP without inline scripts other
//!   than the served pages' own (by hash); API answers `Cache-Control: no-store`; HSTS with
//!   `--secure-cookies`.

use crate::error::ApiError;
use crate::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::sync::Arc;
use std::time::Duration;
use tower_service::Service;

/// The public origin: scheme, host (lower case) and port, from `--public-url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// `http` or `https`.
    pub scheme: String,
    /// The host name or address, lower case, IPv6 in brackets.
    pub host: String,
    /// The port (the scheme's default when the URL names none).
    pub port: u16,
}

impl Origin {
    /// Reads `scheme://host[:port][/path]`.
    pub fn parse(url: &str) -> Option<Origin> {
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        let default = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        let authority = rest.split(['/', '?', '#']).next()?;
        let (host, port) = split_host_port(authority, default)?;
        Some(Origin { scheme, host, port })
    }

    fn is_loopback(&self) -> bool {
        matches!(self.host.as_str(), "127.0.0.1" | "localhost" | "[::1]")
    }

    /// Whether a `Host` header names this server: the public host and port, or, when the public
    /// URL is a loopback address (the demo), any loopback name with that port — a rebinding
    /// attack needs a name of its own, never a loopback one.
    fn serves(&self, host: &str, port: u16) -> bool {
        port == self.port
            && (host == self.host || (self.is_loopback() && matches!(host, "127.0.0.1" | "localhost" | "[::1]")))
    }

    /// Whether an `Origin` header is this server's (scheme, host and port).
    fn is(&self, origin: &str) -> bool {
        Origin::parse(origin).is_some_and(|o| o.scheme == self.scheme && self.serves(&o.host, o.port))
    }
}

/// `host[:port]` → (lower-case host, port); `None` for something that is no authority.
fn split_host_port(authority: &str, default: u16) -> Option<(String, u16)> {
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, rest) = authority.split_at(end + 1);
        match rest.strip_prefix(':') {
            Some(port) => (host.to_string(), port.parse().ok()?),
            None if rest.is_empty() => (host.to_string(), default),
            None => return None,
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_string(), port.parse().ok()?),
            None => (authority, default),
        }
    };
    (!host.is_empty()).then_some((host, port))
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware: a request for another host is refused (421), and a state change from another
/// site's page (403), whatever it carries. A request without `Host` (HTTP/1.0, or a call inside
/// the process) is not a browser's and passes the host check.
pub async fn same_origin(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let origin = &state.origin;
    if let Some(host) = request.headers().get(header::HOST) {
        let default = if origin.scheme == "https" { 443 } else { 80 };
        let known =
            host.to_str().ok().and_then(|h| split_host_port(h, default)).is_some_and(|(h, p)| origin.serves(&h, p));
        if !known {
            return ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                "wrong_host",
                "This server does not answer for that host name.",
            )
            .into_response();
        }
    }
    if !is_safe(request.method()) {
        if let Some(sent) = request.headers().get(header::ORIGIN) {
            if !sent.to_str().is_ok_and(|o| origin.is(o)) {
                return ApiError::new(StatusCode::FORBIDDEN, "csrf", "Changes are only accepted from this site.")
                    .into_response();
            }
        }
    }
    next.run(request).await
}

/// The Content-Security-Policy of pages: scripts only from this server (and the served pages'
/// own inline scripts, by their SHA-256), Wasm compiled, no plugins, no framing, no foreign forms.
pub fn page_policy(inline_script_hashes: &[String]) -> String {
    let hashes: String = inline_script_hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of API answers: nothing in them may run or load anything.
const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// One year, in seconds, for HSTS.
const HSTS: &str = "max-age=31536000";

/// Middleware: the security headers on every answer (see the module's text).
pub async fn security_headers(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let api = request.uri().path() == "/api" || request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(API_POLICY));
    } else if let Ok(policy) = HeaderValue::from_str(&state.page_policy) {
        h.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if state.config.secure_cookies {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

/// Serves `router` on `listener` until `shutdown` resolves: each connection with hyper's HTTP/1
/// server, a header read timeout, a whole-request timeout, and a cap on open connections.
pub async fn accept(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    state: &AppState,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let (header_timeout, request_timeout) = (state.config.header_timeout, state.config.request_timeout);
    let slots = Arc::new(tokio::sync::Semaphore::new(state.config.max_connections.max(1)));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        // A free slot first: past the cap, new connections wait in the kernel's backlog.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.map_err(std::io::Error::other)?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(e) => {
                    eprintln!("vaardig-server: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                let mut router = router.clone();
                async move {
                    let answer = tokio::time::timeout(request_timeout, router.call(request.map(axum::body::Body::new)));
                    Ok::<_, std::convert::Infallible>(match answer.await {
                        Ok(Ok(response)) => response,
                        Ok(Err(never)) => match never {},
                        Err(_) => {
                            let mut response = ApiError::new(
                                StatusCode::REQUEST_TIMEOUT,
                                "timeout",
                                "The request took too long to arrive or to answer. Try again.",
                            )
                            .into_response();
                            response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
                            response
                        }
                    })
                }
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(header_timeout);
            // A client that stops taking its answer (a slow reader) would hold the slot forever.
            let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
            stream.set_write_timeout(Some(request_timeout));
            let connection = builder.serve_connection(TokioIo::new(Box::pin(stream)), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = stopped.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(request_timeout, connection).await;
                }
            }
        });
    }
    // Let open connections finish what they are answering, then return.
    let _ = stop.send(true);
    let all = u32::try_from(state.config.max_connections.max(1)).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(request_timeout, slots.acquire_many(all)).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let o = Origin::parse("https://vaardig.example/").unwrap();
        assert_eq!(o, Origin { scheme: "https".into(), host: "vaardig.example".into(), port: 443 });
        assert!(o.is("https://vaardig.example"));
        assert!(o.is("https://VAARDIG.example:443"));
        assert!(!o.is("http://vaardig.example"));
        assert!(!o.is("https://vaardig.example:8443"));
        assert!(!o.is("https://evil.example"));
        assert!(!o.is("null"));
        assert!(!o.serves("127.0.0.1", 443));
        let demo = Origin::parse("http://127.0.0.1:8080").unwrap();
        assert!(demo.is("http://localhost:8080"));
        assert!(demo.serves("[::1]", 8080));
        assert!(!demo.serves("evil.example", 8080));
        assert!(!demo.serves("127.0.0.1", 8081));
        assert_eq!(split_host_port("[::1]:80", 1), Some(("[::1]".into(), 80)));
        assert_eq!(split_host_port("user@host", 80), None);
        assert_eq!(Origin::parse("ftp://x"), None);
    }
}
