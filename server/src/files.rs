//! The built web app (`dist/`), served beside the API: brotli copies where the client takes them,
//! `index.html` for `/`, and a JSON 404 for unknown API paths.

use crate::error::ApiError;
use crate::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
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

/// The SHA-256 (base64) of every inline `<script>` in the pages at the top of `dist`, for the
/// Content-Security-Policy: the pages' own start-up scripts run, nothing injected does.
pub fn inline_script_hashes(dist: &Path) -> Vec<String> {
    let mut hashes = Vec::new();
    let Ok(entries) = std::fs::read_dir(dist) else { return hashes };
    let mut pages: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    for page in pages {
        let Ok(html) = std::fs::read_to_string(&page) else { continue };
        hashes.extend(
            inline_scripts(&html)
                .map(|script| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))),
        );
    }
    hashes.sort();
    hashes.dedup();
    hashes
}

/// The text of each `<script>` without a `src` in `html`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!tag.contains("src=")).then_some(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = "<script src=\"a.js\"></script><script type=\"module\">\n  go();\n</script>";
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["\n  go();\n"]);
    }
}
