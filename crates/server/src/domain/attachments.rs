//! Files that messages and notes carry (email attachments, inline images, files agents
//! attach), by their SHA-256. Whoever may see a message or note carrying a file may download
//! it; to anyone else it does not exist (404). Agents upload their files first, then name
//! them in a reply or a note.

use arbiter_contract::{Attachment, OutgoingFile, MAX_OUTGOING_BYTES, MAX_OUTGOING_FILES};
use sqlx::AnyConnection;

use super::access;
use super::documents::{FORBIDDEN_IN_NAMES, NAME_MAX};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::Mutation;
use crate::store::files::{file_head, put_file, stored, StoredFile, CHUNK_BYTES};
use crate::store::mail::tickets_with_file;
use crate::store::outgoing_files::{record_upload, uploaded_by};

/// What `{sha256}` in the path must be.
pub const SHA256_PATTERN: &str = "^[0-9a-f]{64}$";

/// The media type of a message file (told from its bytes) and where it is stored, for whoever
/// may see a message carrying it.
pub async fn content(
    conn: &mut AnyConnection,
    caller: &Caller,
    sha256: &str,
) -> Result<(String, StoredFile), ApiFailure> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(ApiFailure::bad_request("an attachment is named by its SHA-256: 64 lower-case hexadecimal digits"));
    }
    let missing = || ApiFailure::not_found(format!("no attachment {sha256}"));
    if !visible(conn, caller, sha256).await? {
        return Err(missing());
    }
    let stored = stored(conn, sha256).await?.ok_or_else(missing)?;
    Ok((sniffed_type(conn, sha256).await?, stored))
}

/// Whether the caller may see a message, note or side message carrying the file.
async fn visible(conn: &mut AnyConnection, caller: &Caller, sha256: &str) -> Result<bool, sqlx::Error> {
    for ticket_id in tickets_with_file(conn, sha256).await? {
        if access::ticket(conn, caller, ticket_id).await.is_ok() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Checks an agent's upload for a reply or a note (name, size, integrity); returns its
/// SHA-256. The type is told from the bytes later, never taken from the upload.
pub fn check_upload(name: &str, bytes: &[u8], claimed_sha256: Option<&str>) -> Result<String, ApiFailure> {
    use sha2::{Digest, Sha256};
    let trimmed = name.trim();
    if trimmed.is_empty() || name.chars().count() > NAME_MAX || trimmed.contains(FORBIDDEN_IN_NAMES) {
        return Err(ApiFailure::bad_request(format!("give the file a plain name of at most {NAME_MAX} characters")));
    }
    if bytes.is_empty() {
        return Err(ApiFailure::unprocessable("the file is empty"));
    }
    let claimed =
        claimed_sha256.map(str::trim).ok_or_else(|| ApiFailure::bad_request("X-Content-SHA256 is required"))?;
    if claimed.len() != 64 || !claimed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiFailure::bad_request("X-Content-SHA256 is 64 hexadecimal digits"));
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    if !claimed.eq_ignore_ascii_case(&sha256) {
        return Err(ApiFailure::unprocessable(format!(
            "the content's SHA-256 is {sha256}, not {claimed}: the upload was damaged"
        )));
    }
    Ok(sha256)
}

/// Stores a checked upload once, and that the caller uploaded it.
pub async fn upload(m: &mut Mutation, name: &str, bytes: &[u8], sha256: String) -> Result<Attachment, ApiFailure> {
    put_file(&mut m.tx, &sha256, bytes).await?;
    record_upload(&mut m.tx, &sha256, m.caller.id(), m.now.timestamp_millis()).await?;
    Ok(Attachment {
        name: name.trim().to_owned(),
        content_type: arbiter_mime::sniff_content_type(bytes, "application/octet-stream"),
        size_bytes: bytes.len() as i64,
        sha256,
        content_id: None,
    })
}

/// The files a reply or a note names, as it will carry them: each uploaded by the caller (or
/// already on a message the caller can see), at most [`MAX_OUTGOING_FILES`] and
/// [`MAX_OUTGOING_BYTES`] together.
pub async fn outgoing(
    conn: &mut AnyConnection,
    caller: &Caller,
    files: &[OutgoingFile],
) -> Result<Vec<Attachment>, ApiFailure> {
    if files.len() > MAX_OUTGOING_FILES {
        return Err(ApiFailure::unprocessable(format!("a message carries at most {MAX_OUTGOING_FILES} files")));
    }
    let mut attached = Vec::with_capacity(files.len());
    let mut total = 0;
    for wanted in files {
        let name = wanted.name.trim();
        if name.is_empty() || wanted.name.chars().count() > NAME_MAX || name.contains(FORBIDDEN_IN_NAMES) {
            return Err(ApiFailure::bad_request(format!(
                "give each file a plain name of at most {NAME_MAX} characters"
            )));
        }
        let unknown = || ApiFailure::unprocessable(format!("no uploaded file {}: upload it first", wanted.sha256));
        if wanted.sha256.len() != 64 || !wanted.sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(unknown());
        }
        if !uploaded_by(conn, &wanted.sha256, caller.id()).await? && !visible(conn, caller, &wanted.sha256).await? {
            return Err(unknown());
        }
        let size = stored(conn, &wanted.sha256).await?.ok_or_else(unknown)?.size;
        total += size;
        if total > MAX_OUTGOING_BYTES {
            return Err(ApiFailure::too_large(format!(
                "the files of a message may be at most {} MB together",
                MAX_OUTGOING_BYTES / (1024 * 1024)
            )));
        }
        attached.push(Attachment {
            name: name.to_owned(),
            content_type: sniffed_type(conn, &wanted.sha256).await?,
            size_bytes: size,
            sha256: wanted.sha256.clone(),
            content_id: None,
        });
    }
    Ok(attached)
}

/// A stored file's type, told from its first chunk (every signature the sniffer knows sits
/// well inside it), without reading the whole file.
async fn sniffed_type(conn: &mut AnyConnection, sha256: &str) -> Result<String, sqlx::Error> {
    let head = file_head(conn, sha256, CHUNK_BYTES as i64).await?.unwrap_or_default();
    Ok(arbiter_mime::sniff_content_type(&head, "application/octet-stream"))
}
