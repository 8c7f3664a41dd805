//! The document store's bytes: every file (an email's raw message, its attachments, agents'
//! uploads) once by its SHA-256, in chunks of [`CHUNK_BYTES`]. Chunks keep memory flat: SQLite
//! copies a bound blob and then again into the row it writes, so one 30 MB insert held three
//! copies of the file; a chunk at a time it holds two of 1 MB. Reading goes a chunk at a time
//! too, so a download streams.
//!
//! `stored_files` says a file is whole (written last, in the same transaction as its chunks)
//! and how big it is. Files stored before chunking are one chunk of any size.

use sqlx::AnyConnection;

/// The size of every chunk but a file's last.
pub const CHUNK_BYTES: usize = 1024 * 1024;

/// A stored file's size and how many chunks it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredFile {
    pub size: i64,
    pub chunks: i64,
}

/// Stores a file's bytes once (by their SHA-256, which the caller computed from them).
pub async fn put_file(conn: &mut AnyConnection, sha256: &str, content: &[u8]) -> Result<(), sqlx::Error> {
    if stored(conn, sha256).await?.is_some() {
        return Ok(());
    }
    let mut chunks = 0i64;
    for (seq, chunk) in content.chunks(CHUNK_BYTES).enumerate() {
        // DO NOTHING: two writers of the same new file (PostgreSQL) write the same chunks.
        sqlx::query(
            "INSERT INTO file_chunks (sha256, seq, content) VALUES ($1, $2, $3) ON CONFLICT (sha256, seq) DO NOTHING",
        )
        .bind(sha256)
        .bind(seq as i64)
        .bind(chunk.to_vec())
        .execute(&mut *conn)
        .await?;
        chunks += 1;
    }
    sqlx::query("INSERT INTO stored_files (sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING")
        .bind(sha256)
        .bind(content.len() as i64)
        .bind(chunks)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether a file is stored, with its size.
pub async fn stored(conn: &mut AnyConnection, sha256: &str) -> Result<Option<StoredFile>, sqlx::Error> {
    let row: Option<(i64, i64)> = sqlx::query_as("SELECT size, chunks FROM stored_files WHERE sha256 = $1")
        .bind(sha256)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(size, chunks)| StoredFile { size, chunks }))
}

/// One chunk of a file (`seq` from 0).
pub async fn chunk(conn: &mut AnyConnection, sha256: &str, seq: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT content FROM file_chunks WHERE sha256 = $1 AND seq = $2")
        .bind(sha256)
        .bind(seq)
        .fetch_optional(conn)
        .await
}

/// A whole file, read a chunk at a time into one buffer of its size.
pub async fn file(conn: &mut AnyConnection, sha256: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let Some(stored) = stored(conn, sha256).await? else { return Ok(None) };
    let mut bytes = Vec::with_capacity(stored.size.max(0) as usize);
    for seq in 0..stored.chunks {
        let part = chunk(conn, sha256, seq).await?.ok_or_else(|| missing_chunk(sha256, seq))?;
        bytes.extend_from_slice(&part);
    }
    Ok(Some(bytes))
}

/// The first `bytes` of a file (a quarantined email's headers, the bytes its type is told
/// from), without reading the rest.
pub async fn file_head(conn: &mut AnyConnection, sha256: &str, bytes: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let Some(stored) = stored(conn, sha256).await? else { return Ok(None) };
    let mut head = Vec::new();
    for seq in 0..stored.chunks {
        let wanted = bytes - head.len() as i64;
        if wanted <= 0 {
            break;
        }
        let part: Option<Vec<u8>> = sqlx::query_scalar(
            "SELECT substr(content, 1, CAST($3 AS INTEGER)) FROM file_chunks WHERE sha256 = $1 AND seq = $2",
        )
        .bind(sha256)
        .bind(seq)
        .bind(wanted)
        .fetch_optional(&mut *conn)
        .await?;
        head.extend_from_slice(&part.ok_or_else(|| missing_chunk(sha256, seq))?);
    }
    Ok(Some(head))
}

/// A chunk `stored_files` counts is not there: the store was damaged outside the server.
pub fn missing_chunk(sha256: &str, seq: i64) -> sqlx::Error {
    sqlx::Error::Protocol(format!("the stored file {sha256} lacks its chunk {seq}"))
}
