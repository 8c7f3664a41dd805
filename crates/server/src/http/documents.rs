//! The document store: the designated place for investigation reports and evidence files.

use arbiter_contract::*;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::auth::Caller;
use crate::domain::documents::{self, Upload};
use crate::error::ApiFailure;
use crate::http::extract::{Id, IdempotencyKey, Params};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Header carrying the uploader's SHA-256 of the content (hex).
pub const CONTENT_SHA256_HEADER: &str = "X-Content-SHA256";

/// Stores a file (the request body) in the document store, optionally on a case.
#[utoipa::path(post, path = "/v1/documents", tag = "compliance", security(("bearer" = [])),
    params(DocumentUpload, ("Idempotency-Key" = String, Header),
           ("X-Content-SHA256" = Option<String>, Header, description = "SHA-256 of the body, hex; checked")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file; Content-Type says what it is"),
    responses((status = 201, body = Document), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 413, body = ApiError), (status = 415, body = ApiError)))]
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Params(query): Params<DocumentUpload>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiFailure> {
    let body = body.map_err(|r| file_body_refused(r, "a document", crate::http::MAX_DOCUMENT_BYTES))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_lowercase())
        .unwrap_or_default();
    let upload = Upload {
        name: &query.name,
        case_id: query.case_id,
        content_type,
        bytes: &body,
        claimed_sha256: headers.get(CONTENT_SHA256_HEADER).and_then(|v| v.to_str().ok()),
    };
    let sha256 = upload.check()?;
    let write = Write::new(caller, key, "document.upload").on(upload.name.trim()).body(&(
        query.case_id,
        &upload.content_type,
        &sha256,
    ))?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| documents::upload(m, &upload, sha256).await).await
}

/// Why an uploaded file's body was not taken: over `max` bytes (413), or unreadable (400).
pub(crate) fn file_body_refused(rejection: BytesRejection, what: &str, max: usize) -> ApiFailure {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiFailure::too_large(format!("{what} may be at most {} MiB", max / (1024 * 1024)))
    } else {
        ApiFailure::bad_request(format!("the file could not be read: {rejection}"))
    }
}

/// A document's description (name, type, size, hash).
#[utoipa::path(get, path = "/v1/documents/{id}", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Document), (status = 404, body = ApiError)))]
pub async fn document(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Json<Document>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(documents::describe(&mut conn, &caller, id).await?))
}

/// A document's content, with its SHA-256 in `X-Content-SHA256`.
#[utoipa::path(get, path = "/v1/documents/{id}/content", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ApiError)))]
pub async fn content(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let (document, bytes) = documents::content(&mut conn, &caller, id).await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&document.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(CONTENT_SHA256_HEADER, HeaderValue::from_str(&document.sha256).expect("hex is a valid header"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
    headers.insert("X-Content-Type-Options", HeaderValue::from_static("nosniff"));
    Ok(response)
}
