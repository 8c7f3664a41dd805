//! Files that came with messages (email attachments and inline images), by their SHA-256.
//! Whoever may see a message carrying a file may download it; to anyone else it does not
//! exist (404).

use sqlx::AnyConnection;

use super::access;
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::mail::{file, tickets_with_file};

/// What `{sha256}` in the path must be.
pub const SHA256_PATTERN: &str = "^[0-9a-f]{64}$";

/// A message file's bytes and the media type they are (told from the bytes).
pub async fn content(conn: &mut AnyConnection, caller: &Caller, sha256: &str) -> Result<(String, Vec<u8>), ApiFailure> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(ApiFailure::bad_request("an attachment is named by its SHA-256: 64 lower-case hexadecimal digits"));
    }
    let missing = || ApiFailure::not_found(format!("no attachment {sha256}"));
    let mut visible = false;
    for ticket_id in tickets_with_file(conn, sha256).await? {
        if access::ticket(conn, caller, ticket_id).await.is_ok() {
            visible = true;
            break;
        }
    }
    if !visible {
        return Err(missing());
    }
    let bytes = file(conn, sha256).await?.ok_or_else(missing)?;
    Ok((arbiter_mime::sniff_content_type(&bytes, "application/octet-stream"), bytes))
}
