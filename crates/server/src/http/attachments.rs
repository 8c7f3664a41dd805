//! Message and note files (email attachments, inline images, agents' files) by their
//! SHA-256, and agents' uploads of the files they send.

use arbiter_contract::{ApiError, Attachment, AttachmentUpload};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::auth::Caller;
use crate::domain::attachments;
use crate::error::ApiFailure;
use crate::http::documents::{file_body_refused, CONTENT_SHA256_HEADER};
use crate::http::extract::{IdempotencyKey, Params};
use crate::http::file_download::{self, Download};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Stores a file an agent will send with a reply or a note (the request body); the answer
/// says what the reply names it by. The same bytes uploaded again answer the same.
#[utoipa::path(post, path = "/v1/attachments", tag = "tickets", security(("bearer" = [])),
    params(AttachmentUpload, ("Idempotency-Key" = String, Header),
           ("X-Content-SHA256" = String, Header, description = "SHA-256 of the body, hex; checked")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file"),
    responses((status = 201, body = Attachment), (status = 400, body = ApiError), (status = 413, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Params(query): Params<AttachmentUpload>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiFailure> {
    let body = body.map_err(|r| file_body_refused(r, "a file", crate::http::MAX_UPLOAD_BYTES))?;
    let claimed = headers.get(CONTENT_SHA256_HEADER).and_then(|v| v.to_str().ok());
    let sha256 = attachments::check_upload(&query.name, &body, claimed)?;
    let write = Write::new(caller, key, "attachment.upload").on(query.name.trim()).body(&sha256)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| {
        attachments::upload(m, &query.name, &body, sha256).await
    })
    .await
}

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
    let (content_type, stored) = attachments::content(&mut conn, &caller, &sha256).await?;
    drop(conn);
    let how = Download {
        content_type: &content_type,
        disposition: "attachment",
        cache_control: "private, max-age=31536000, immutable",
    };
    file_download::response(&state.db.pool, &sha256, stored, how)
}
