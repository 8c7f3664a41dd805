//! The document store: investigation reports and evidence files. Content is checked against
//! the SHA-256 the uploader sends, and stored with the hash the store computed.

use arbiter_contract::*;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::access;
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::Mutation;
use crate::store::documents::{content as stored_content, put_content};
use crate::store::entities::put_document;
use crate::store::{next_id, Scope};

/// What the store takes.
pub const ALLOWED_TYPES: &[&str] = &[
    "application/pdf",
    "text/html",
    "text/markdown",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "application/json",
];

pub const NAME_MAX: usize = 200;
/// Characters a file name may not hold (it is a name, not a path).
pub const FORBIDDEN_IN_NAMES: [char; 3] = ['/', '\\', '\0'];
/// What the document says `X-Content-SHA256` is.
pub const SHA256_PATTERN: &str = "^[0-9a-fA-F]{64}$";

/// A file as it arrived, before it is stored.
pub struct Upload<'a> {
    pub name: &'a str,
    pub case_id: Option<i64>,
    /// The media type without parameters, lower-case.
    pub content_type: String,
    pub bytes: &'a [u8],
    /// The SHA-256 the uploader says the content has (hex), if it said.
    pub claimed_sha256: Option<&'a str>,
}

impl Upload<'_> {
    /// Checks the file's name, type and integrity; returns its SHA-256 (hex).
    pub fn check(&self) -> Result<String, ApiFailure> {
        let name = self.name.trim();
        if name.is_empty() || self.name.chars().count() > NAME_MAX || name.contains(FORBIDDEN_IN_NAMES) {
            return Err(ApiFailure::bad_request(format!(
                "give the file a plain name of at most {NAME_MAX} characters"
            )));
        }
        if !ALLOWED_TYPES.contains(&self.content_type.as_str()) {
            return Err(ApiFailure::new(
                axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                format!("the store takes {}", ALLOWED_TYPES.join(", ")),
            ));
        }
        if self.bytes.is_empty() {
            return Err(ApiFailure::unprocessable("the file is empty"));
        }
        if self.content_type == "application/json"
            && serde_json::from_slice::<serde::de::IgnoredAny>(self.bytes).is_err()
        {
            return Err(ApiFailure::unprocessable("the file says it is JSON but is not"));
        }
        let sha256 = hex::encode(Sha256::digest(self.bytes));
        if let Some(claimed) = self.claimed_sha256 {
            let claimed = claimed.trim();
            if claimed.len() != 64 || !claimed.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ApiFailure::bad_request("X-Content-SHA256 is 64 hexadecimal digits"));
            }
            if !claimed.eq_ignore_ascii_case(&sha256) {
                return Err(ApiFailure::unprocessable(format!(
                    "the content's SHA-256 is {sha256}, not {claimed}: the upload was damaged"
                )));
            }
        }
        Ok(sha256)
    }
}

/// Stores a checked file, on its case (seen by the case's viewers) or the uploader's own.
pub async fn upload(m: &mut Mutation, upload: &Upload<'_>, sha256: String) -> Result<Document, ApiFailure> {
    let scope = match upload.case_id {
        Some(case_id) => Scope::of_case(&access::case(&mut m.tx, &m.caller, case_id).await?),
        None => Scope { agent: Some(m.caller.id()), ..Scope::default() },
    };
    let document = Document {
        id: next_id(&mut m.tx, "documents").await?,
        case_id: upload.case_id,
        name: upload.name.trim().to_owned(),
        content_type: upload.content_type.clone(),
        size_bytes: upload.bytes.len() as i64,
        sha256,
        uploaded_by: m.caller.id(),
        uploaded_at: m.now,
    };
    put_content(&mut m.tx, document.id, upload.bytes).await?;
    put_document(&mut m.tx, &document, &scope).await?;
    m.audit("document.upload", "document", document.id, None, Some(&document)).await?;
    Ok(document)
}

/// A document's description (name, type, size, hash).
pub async fn describe(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Document, ApiFailure> {
    access::document(conn, caller, id).await
}

/// A document and its bytes.
pub async fn content(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<(Document, Vec<u8>), ApiFailure> {
    let document = access::document(conn, caller, id).await?;
    let bytes = stored_content(conn, id).await?.ok_or_else(ApiFailure::internal)?;
    Ok((document, bytes))
}
