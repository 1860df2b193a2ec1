//! The built web app (`dist/`), served beside the API: brotli copies where the client takes them,
//! `index.html` for `/`, and a JSON 404 for unknown API paths.

use crate::error::ApiError;
use crate::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path};
use std::sync::Arc;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Serves a file of the web app, or 404.
pub async fn serve(State(state): State<Arc<AppState>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path();
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::not_found("API path").into_response();
    }
    let Some(dist) = &state.config.dist else {
        return ApiError::not_found("page (this server runs the API only)").into_response();
    };
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return ApiError::not_found("file").into_response();
    }
    let file = if path == "/" { dist.join("index.html") } else { dist.join(relative) };
    let takes_br = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("br"));
    let brotli = file.with_file_name(format!("{}.br", file.file_name().and_then(|n| n.to_str()).unwrap_or_default()));
    let (bytes, compressed) = match (takes_br, tokio::fs::read(&brotli).await) {
        (true, Ok(bytes)) => (bytes, true),
        _ => match tokio::fs::read(&file).await {
            Ok(bytes) => (bytes, false),
            Err(_) => return ApiError::not_found("file").into_response(),
        },
    };
    let mut response = (StatusCode::OK, Body::from(bytes)).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(&file)));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    if compressed {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
    }
    response
}
