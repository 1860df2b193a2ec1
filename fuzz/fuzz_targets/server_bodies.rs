//! The server's JSON bodies, through the real router with a real (temporary) database, as an
//! employer with a session: any body gives a JSON answer below 500.
#![no_main]
use axum::body::Body;
use axum::http::{header, Method, Request};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;
use vaardig_server::{AppState, Config};

/// Every endpoint that takes a body, with the ids it needs made up front.
const ENDPOINTS: &[(&str, &str)] = &[
    ("POST", "/api/login"),
    ("POST", "/api/candidates"),
    ("POST", "/api/openings"),
    ("POST", "/api/openings/preview"),
    ("POST", "/api/contact-requests"),
    ("POST", "/api/attestations"),
    ("POST", "/api/accounts"),
];

struct World {
    runtime: tokio::runtime::Runtime,
    state: Arc<AppState>,
    cookie: String,
    csrf: String,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("vaardig-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let config =
            Config {
            database: dir.join("pool.sqlite"),
            dist: None,
            secure_cookies: false,
            public_url: String::new(),
            key_dir: None,
        };
        let state = AppState::open(config).unwrap();
        let new = vaardig_server::auth::NewAccount {
            email: "fuzz@test.nl".into(),
            password: "fuzz password 1".into(),
            role: vaardig_server::auth::Role::Employer,
            region: Some("midden-brabant".into()),
            company: "Fuzz".into(),
        };
        vaardig_server::auth::create_account(&state.db, &new).unwrap();
        let (cookie, csrf) = vaardig_server::auth::start_session(&state.db.lock(), 1).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        World { runtime, state, cookie: format!("{}={cookie}", vaardig_server::auth::COOKIE), csrf }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let (method, path) = ENDPOINTS[usize::from(pick) % ENDPOINTS.len()];
    let w = world();
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, &w.cookie)
        .header("x-csrf-token", &w.csrf)
        .body(Body::from(body.to_vec()))
        .unwrap();
    // What `into_make_service_with_connect_info` adds for a real connection (the login limit uses it).
    request.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 40000))));
    let router = vaardig_server::router(w.state.clone());
    let response = w.runtime.block_on(router.oneshot(request)).unwrap();
    let status = response.status();
    assert!(status.as_u16() < 500, "{method} {path}: {status} for {:?}", String::from_utf8_lossy(body));
    let bytes = w.runtime.block_on(axum::body::to_bytes(response.into_body(), 1 << 20)).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("every answer is JSON");
    if status.as_u16() >= 400 {
        assert!(json["error"]["code"].is_string() && json["error"]["message"].is_string(), "{json}");
    }
});
