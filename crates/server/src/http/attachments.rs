//! Message files (email attachments, inline images) by their SHA-256.

use arbiter_contract::ApiError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::auth::Caller;
use crate::domain::attachments;
use crate::error::ApiFailure;
use crate::AppState;

/// A file a message carries, for whoever may see the message. Content-addressed, so it never
/// changes: cached privately for good. Always a download (`Content-Disposition: attachment`),
/// never sniffed, and sandboxed should anything render it.
#[utoipa::path(get, path = "/v1/attachments/{sha256}", tag = "tickets", security(("bearer" = [])),
    params(("sha256" = String, Path, description = "The file's SHA-256, hex (lower-case), as the message lists it")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 400, body = ApiError),
              (status = 404, body = ApiError)))]
pub async fn content(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let (content_type, bytes) = attachments::content(&mut conn, &caller, &sha256).await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
    headers.insert("X-Content-Type-Options", HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=31536000, immutable"));
    Ok(response)
}
