//! What the server's test binaries share: a server of its own per test (fresh database file,
//! loopback port), an HTTP client that keeps a session, and profiles to publish.
#![allow(dead_code)] // each test binary uses its own part

use matching_core::{Evidence, ItemRef, Level, Profile};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use vaardig_server::auth::{self, NewAccount, Role};
use vaardig_server::consent::CONSENT_TEXT_VERSION;
use vaardig_server::{AppState, Config};

/// A server of its own: a fresh database file and a loopback port.
pub struct Server {
    pub base: String,
    pub state: Arc<AppState>,
    pub db: PathBuf,
}

pub static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Server {
    pub fn start() -> Server {
        Server::start_with(|_| {})
    }

    /// A server whose configuration `adjust` changes first (the public URL is this server's).
    pub fn start_with(adjust: impl FnOnce(&mut Config)) -> Server {
        let dir = std::env::temp_dir().join(format!(
            "vaardig-server-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("pool.sqlite");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut config = Config::new(db.clone(), base.clone());
        // The tests publish far more than a person would; the hardening tests set their own budget.
        config.writes_per_hour = 100_000;
        adjust(&mut config);
        let state = AppState::open(config).unwrap();
        let serving = state.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                vaardig_server::serve(listener, serving).await.unwrap();
            });
        });
        Server { base, state, db }
    }

    pub fn account(&self, email: &str, role: Role, region: Option<&str>, company: &str) {
        let new = NewAccount {
            email: email.into(),
            password: PASSWORD.into(),
            role,
            region: region.map(str::to_string),
            company: company.into(),
        };
        auth::create_account(&self.state.db, &new).unwrap();
    }

    pub fn anonymous(&self) -> Client {
        Client::new(&self.base)
    }

    pub fn login(&self, email: &str) -> Client {
        let mut client = self.anonymous();
        let (status, body) = client.call("POST", "/api/login", Some(json!({"email": email, "password": PASSWORD})));
        assert_eq!(status, 200, "login {email}: {body}");
        client.csrf = body["csrf"].as_str().map(str::to_string);
        client
    }

    /// How many rows `table` holds, read from the file.
    pub fn rows(&self, table: &str) -> i64 {
        let conn = Connection::open(&self.db).unwrap();
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
    }

    /// A direct look into the database file, as an auditor would.
    pub fn sql_count(&self, sql: &str, id: &str) -> i64 {
        let conn = Connection::open(&self.db).unwrap();
        conn.query_row(sql, [id], |r| r.get(0)).unwrap()
    }
}

pub const PASSWORD: &str = "correct horse battery";

/// An HTTP client that keeps its session cookie, CSRF token and device secret.
pub struct Client {
    pub agent: ureq::Agent,
    pub base: String,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub bearer: Option<String>,
    pub origin: Option<String>,
    /// More headers sent with every request (such as `X-Forwarded-For`).
    pub headers: Vec<(String, String)>,
}

impl Client {
    pub fn new(base: &str) -> Client {
        // A fresh connection per request: a pooled keep-alive connection once came back closed
        // under load in CI ("Peer disconnected" on a POST, which is not retried); see the note of
        // that stop. Browsers retry such requests; this client does not.
        let agent = ureq::Agent::config_builder().http_status_as_error(false).max_idle_connections(0).build().into();
        Client { agent, base: base.into(), cookie: None, csrf: None, bearer: None, origin: None, headers: Vec::new() }
    }

    pub fn with_bearer(&self, secret: &str) -> Client {
        let mut c = Client::new(&self.base);
        c.bearer = Some(secret.into());
        c
    }

    pub fn call(&mut self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let (status, text) = self.raw(method, path, body.map(|b| b.to_string()), "application/json");
        let value =
            if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
        (status, value)
    }

    pub fn raw(&mut self, method: &str, path: &str, body: Option<String>, content_type: &str) -> (u16, String) {
        let url = format!("{}{path}", self.base);
        let mut request = ureq::http::Request::builder().method(method).uri(&url);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(csrf) = &self.csrf {
            request = request.header("x-csrf-token", csrf);
        }
        if let Some(secret) = &self.bearer {
            request = request.header("authorization", format!("Bearer {secret}"));
        }
        if let Some(origin) = &self.origin {
            request = request.header("origin", origin);
        }
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let response = match body {
            Some(body) => self.agent.run(request.header("content-type", content_type).body(body).unwrap()),
            None => self.agent.run(request.body(()).unwrap()),
        };
        let mut response = response.unwrap();
        if let Some(set) = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()) {
            let pair = set.split(';').next().unwrap_or_default().to_string();
            self.cookie = if pair.ends_with('=') { None } else { Some(pair) };
        }
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        if !text.is_empty() {
            let json: Result<Value, _> = serde_json::from_str(&text);
            assert!(
                json.is_ok() || path == "/api/openapi.json" || path.starts_with("/api/status/"),
                "{method} {path}: the answer is not JSON: {text}"
            );
            if status >= 400 {
                let json = json.unwrap();
                assert!(
                    json["error"]["code"].is_string() && json["error"]["message"].is_string(),
                    "{method} {path}: {json}"
                );
            }
        }
        (status, text)
    }
}

/// A profile that claims items of every kind, with practical facts.
pub fn full_profile() -> Profile {
    let mut p: Profile = serde_json::from_value(json!({
        "format": "vaardig.profile", "version": 1, "id": "on-my-phone",
        "claims": [
            {"item": {"skill": "log.heftruck_rijden"}, "level": 3, "evidence": "self"},
            {"item": {"skill": "log.orders_verzamelen"}, "level": 3, "evidence": "self"},
            {"item": {"soft_skill": "soft.aanwezig"}, "level": 4, "evidence": "self"},
            {"item": {"certificate": "cert.bhv"}, "level": 2, "evidence": "self"},
            {"item": {"soft_skill": "soft.op_tijd"}, "level": 3, "evidence": "self"},
            {"item": {"certificate": "cert.vca_basis"}, "level": 2, "evidence": "self"}
        ],
        "answered": {"certificates": true, "work_processes": true, "unsure": []},
        "practical": {"max_hours_per_week": 32, "shifts": ["day"], "home_town": "Goirle", "max_travel_km": 20,
                      "transport": "fiets", "available_from": "2026-01-05"},
        "wishes": {"sectors": ["log"], "routes": [], "hours_per_week": 30}
    }))
    .expect("a valid profile");
    let wp = first_work_process();
    p.claims.push(matching_core::Claim {
        item: ItemRef::WorkProcess(wp),
        level: Level::try_from(3).unwrap(),
        evidence: Evidence::Self_,
    });
    p
}

pub fn first_work_process() -> String {
    vaardig_taxonomy::embedded().data().qualifications[0].core_tasks[0].work_processes[0].id.clone()
}

pub fn consent(fields: Value, region: &str) -> Value {
    json!({"fields": fields, "region": region, "text_version": CONSENT_TEXT_VERSION, "coach_evidence": true})
}

pub fn all_fields() -> Value {
    json!({"skills": true, "soft_skills": true, "certificates": true, "work_processes": true, "availability": true, "region": true})
}

/// Publishes; returns (id, secret).
pub fn publish(server: &Server, profile: &Profile, consent: Value) -> (String, String) {
    let (status, body) =
        server.anonymous().call("POST", "/api/candidates", Some(json!({"profile": profile, "consent": consent})));
    assert_eq!(status, 201, "publish: {body}");
    (body["id"].as_str().unwrap().to_string(), body["secret"].as_str().unwrap().to_string())
}
