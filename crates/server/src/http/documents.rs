//! The document store: the designated place for investigation reports. Content is checked
//! against the SHA-256 the uploader sends, and stored with the hash the store computed.

use arbiter_contract::*;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::cases::visible_case;
use crate::http::extract::{Id, IdempotencyKey};
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::put_document;
use crate::store::{next_id, reads, Scope};
use crate::AppState;

/// Header carrying the uploader's SHA-256 of the content (hex).
pub const CONTENT_SHA256_HEADER: &str = "X-Content-SHA256";

const ALLOWED_TYPES: &[&str] = &[
    "application/pdf",
    "text/html",
    "text/markdown",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "application/json",
];

async fn visible_document(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Document, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("document {id} does not exist"));
    let document = reads::document(conn, id).await?.ok_or_else(not_found)?;
    let visible = match document.case_id {
        Some(case_id) => visible_case(conn, caller, case_id).await.is_ok(),
        None => document.uploaded_by == caller.id() || caller.is_supervisor(),
    };
    if visible {
        Ok(document)
    } else {
        Err(not_found())
    }
}

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
    query: Result<Query<DocumentUpload>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiFailure> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiFailure::too_large(format!(
                "a document may be at most {} MiB",
                crate::http::MAX_DOCUMENT_BYTES / (1024 * 1024)
            ))
        } else {
            ApiFailure::bad_request(format!("the file could not be read: {rejection}"))
        }
    })?;
    let Query(query) = query?;
    let name = query.name.trim();
    if name.is_empty() || name.len() > 200 || name.contains(['/', '\\', '\0']) {
        return Err(ApiFailure::bad_request("give the file a plain name of at most 200 characters"));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_lowercase())
        .unwrap_or_default();
    if !ALLOWED_TYPES.contains(&content_type.as_str()) {
        return Err(ApiFailure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            format!("the store takes {}", ALLOWED_TYPES.join(", ")),
        ));
    }
    if body.is_empty() {
        return Err(ApiFailure::bad_request("the file is empty"));
    }
    let sha256 = hex::encode(Sha256::digest(&body));
    if let Some(claimed) = headers.get(CONTENT_SHA256_HEADER).and_then(|v| v.to_str().ok()) {
        if !claimed.trim().eq_ignore_ascii_case(&sha256) {
            return Err(ApiFailure::bad_request(format!(
                "the content's SHA-256 is {sha256}, not {claimed}: the upload was damaged"
            )));
        }
    }
    let print = fingerprint("document.upload", &[name, &format!("{:?}", query.case_id), &content_type, &sha256]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let scope = match query.case_id {
        Some(case_id) => Scope::of_case(&visible_case(&mut m.tx, &m.caller, case_id).await?),
        None => Scope { agent: Some(m.caller.id()), ..Scope::default() },
    };
    let document = Document {
        id: next_id(&mut m.tx, "documents").await?,
        case_id: query.case_id,
        name: name.to_owned(),
        content_type,
        size_bytes: body.len() as i64,
        sha256,
        uploaded_by: m.caller.id(),
        uploaded_at: m.now,
    };
    sqlx::query("INSERT INTO document_contents (id, content) VALUES ($1, $2)")
        .bind(document.id)
        .bind(body.to_vec())
        .execute(&mut *m.tx)
        .await?;
    put_document(&mut m.tx, &document, &scope).await?;
    m.audit("document.upload", "document", document.id, None, Some(&document)).await?;
    m.finish(&state, StatusCode::CREATED, &document).await
}

/// A document's description (name, type, size, hash).
#[utoipa::path(get, path = "/v1/documents/{id}", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Document), (status = 404, body = ApiError)))]
pub async fn document(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Json<Document>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(visible_document(&mut conn, &caller, id).await?))
}

/// A document's content, with its SHA-256 in `X-Content-SHA256`.
#[utoipa::path(get, path = "/v1/documents/{id}/content", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ApiError)))]
pub async fn content(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let document = visible_document(&mut conn, &caller, id).await?;
    let bytes: Vec<u8> = sqlx::query_scalar("SELECT content FROM document_contents WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
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
