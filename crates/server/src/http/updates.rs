//! Desk releases for the desks' updaters (`--updates-dir`; see `releases`). Public, like a
//! download page: an installer is no secret, and its signature is what the desk trusts, not
//! this server.

use arbiter_contract::updates::{UpdateManifest, UpdatePlatform, UPDATES_V1};
use arbiter_contract::ApiError;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::error::ApiFailure;
use crate::AppState;

/// The newest release on `channel`, in the Tauri updater's manifest format.
#[utoipa::path(get, path = "/v1/updates/{channel}/latest.json", tag = "updates",
    params(("channel" = String, Path, description = "The release channel (`stable`, `beta`, …)", example = "stable")),
    responses((status = 200, body = UpdateManifest),
              (status = 204, description = "The channel has no release (yet)"),
              (status = 404, body = ApiError, description = "This server hosts no desk releases"),
              (status = 429, body = ApiError, description = "Too many requests from this address (`rate_limited`)")))]
pub async fn manifest(
    State(state): State<AppState>,
    channel: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let Path(channel) = channel?;
    let releases = state.releases.as_deref().ok_or_else(not_hosted)?;
    let Some(release) = releases.latest(&channel) else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let base = match state.public_url.as_deref() {
        Some(url) => url.to_owned(),
        None => address_asked_for(&headers),
    };
    let version = release.version.to_string();
    let platforms = release
        .platforms
        .into_iter()
        .map(|(target, artifact)| {
            let url = format!("{base}{UPDATES_V1}/{channel}/{version}/{}", artifact.file);
            (target, UpdatePlatform { url, signature: artifact.signature })
        })
        .collect();
    let manifest = UpdateManifest { version, notes: release.notes, pub_date: release.pub_date, platforms };
    let mut response = Json(manifest).into_response();
    // Desks check every few hours; a release is announced within minutes.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    Ok(response)
}

/// An installer a release names, as a download.
#[utoipa::path(get, path = "/v1/updates/{channel}/{version}/{file}", tag = "updates",
    params(("channel" = String, Path, example = "stable"),
           ("version" = String, Path, description = "SemVer", example = "1.0.0"),
           ("file" = String, Path, description = "The installer's file name", example = "arbiter.deb")),
    responses((status = 200, content_type = "application/octet-stream", description = "The installer"),
              (status = 404, body = ApiError, description = "No such release or file, or no hosted releases"),
              (status = 429, body = ApiError, description = "Too many requests from this address (`rate_limited`)")))]
pub async fn artifact(
    State(state): State<AppState>,
    path: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Response, ApiFailure> {
    let Path((channel, version, file)) = path?;
    let releases = state.releases.as_deref().ok_or_else(not_hosted)?;
    let path = releases
        .artifact(&channel, &version, &file)
        .ok_or_else(|| ApiFailure::not_found("no such release or installer"))?;
    let opened = tokio::fs::File::open(&path).await;
    let (file_handle, size) = match opened {
        Ok(f) => {
            let size = f.metadata().await.map_err(|_| ApiFailure::internal())?.len();
            (f, size)
        }
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "a release's installer could not be opened");
            return Err(ApiFailure::not_found("no such release or installer"));
        }
    };
    let mut response = Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(file_handle)));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    let disposition = format!("attachment; filename=\"{file}\"");
    headers
        .insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).map_err(|_| ApiFailure::internal())?);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400, immutable"));
    Ok(response)
}

fn not_hosted() -> ApiFailure {
    ApiFailure::not_found("this server hosts no desk releases")
}

/// `scheme://host` as the desk asked for it, behind a proxy too (`X-Forwarded-Proto`).
fn address_asked_for(headers: &HeaderMap) -> String {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
    let scheme = match text("x-forwarded-proto") {
        Some("https") => "https",
        _ => "http",
    };
    let host = text("host").filter(|h| h.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)));
    format!("{scheme}://{}", host.unwrap_or("localhost"))
}
