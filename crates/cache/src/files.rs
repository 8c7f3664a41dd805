//! Files with their bytes, in the encrypted cache: attachments (fetched when opened, or ahead
//! for the agent's own tickets) and files waiting in the outbox. Everything but pinned files
//! is evicted, least recently used first, down to the agent's budget.

use chrono::Utc;

use crate::{Cache, CacheError};

/// A file as the desk keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// The size in pixels of the preview drawn of it, if one is kept.
    pub preview_size: Option<(u32, u32)>,
}

/// The PNG the desk drew of an image, with its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A file to put in the cache.
pub struct NewFile<'a> {
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub content_type: &'a str,
    pub preview: Option<&'a Preview>,
    /// Waiting in the outbox: kept whatever the budget until [`Cache::unpin_file`].
    pub pinned: bool,
}

/// An attachment the desk should fetch ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WantedFile {
    pub sha256: String,
    pub size_bytes: i64,
}

impl Cache {
    /// Keeps a file (again: a pin is kept, the bytes are the same by their hash).
    pub async fn put_file(&self, file: NewFile<'_>) -> Result<(), CacheError> {
        sqlx::query(
            "INSERT INTO files (sha256, content, size_bytes, content_type, preview, preview_width, preview_height,
                                pinned, last_used_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (sha256) DO UPDATE SET
                 pinned = max(files.pinned, excluded.pinned),
                 preview = coalesce(files.preview, excluded.preview),
                 preview_width = coalesce(files.preview_width, excluded.preview_width),
                 preview_height = coalesce(files.preview_height, excluded.preview_height),
                 last_used_at = excluded.last_used_at",
        )
        .bind(file.sha256)
        .bind(file.content)
        .bind(file.content.len() as i64)
        .bind(file.content_type)
        .bind(file.preview.map(|p| p.png.as_slice()))
        .bind(file.preview.map(|p| p.width as i64))
        .bind(file.preview.map(|p| p.height as i64))
        .bind(file.pinned)
        .bind(Utc::now().timestamp_millis())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// What is known of a kept file, without its bytes. A read only: opening a file must not
    /// wait for a write (see [`Cache::touch_file`]).
    pub async fn stored_file(&self, sha256: &str) -> Result<Option<StoredFile>, CacheError> {
        type Row = (String, i64, Option<i64>, Option<i64>);
        let row: Option<Row> = sqlx::query_as(
            "SELECT content_type, size_bytes, preview_width, preview_height FROM files WHERE sha256 = ?",
        )
        .bind(sha256)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(content_type, size_bytes, width, height)| StoredFile {
            sha256: sha256.to_owned(),
            content_type,
            size_bytes,
            preview_size: width.zip(height).map(|(w, h)| (w as u32, h as u32)),
        }))
    }

    /// Marks a file used, for eviction (least recently used first). Written at most every ten
    /// minutes per file: each write is an fsync.
    pub async fn touch_file(&self, sha256: &str) -> Result<(), CacheError> {
        let now = Utc::now().timestamp_millis();
        sqlx::query("UPDATE files SET last_used_at = ? WHERE sha256 = ? AND last_used_at < ?")
            .bind(now)
            .bind(sha256)
            .bind(now - 10 * 60 * 1000)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A kept file's bytes.
    pub async fn file_content(&self, sha256: &str) -> Result<Option<Vec<u8>>, CacheError> {
        Ok(sqlx::query_scalar("SELECT content FROM files WHERE sha256 = ?")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// The preview drawn of a kept image.
    pub async fn file_preview(&self, sha256: &str) -> Result<Option<Preview>, CacheError> {
        type Row = (Option<Vec<u8>>, Option<i64>, Option<i64>);
        let row: Option<Row> =
            sqlx::query_as("SELECT preview, preview_width, preview_height FROM files WHERE sha256 = ?")
                .bind(sha256)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row
            .and_then(|(png, width, height)| Some(Preview { png: png?, width: width? as u32, height: height? as u32 })))
    }

    /// A file one of the ticket's notes or side messages carries (a message's are found
    /// through the message): what an agent may open from the ticket's screen.
    pub async fn ticket_file(
        &self,
        ticket_id: i64,
        sha256: &str,
    ) -> Result<Option<arbiter_contract::Attachment>, CacheError> {
        for table in ["notes", "side_messages"] {
            // The hash narrows the rows to the few that name it; the JSON says where.
            let rows: Vec<String> =
                sqlx::query_scalar(&format!("SELECT data FROM {table} WHERE ticket_id = ? AND instr(data, ?) > 0"))
                    .bind(ticket_id)
                    .bind(sha256)
                    .fetch_all(&self.pool)
                    .await?;
            for data in rows {
                let damaged = |e: serde_json::Error| CacheError::Corrupt(format!("a {table} row: {e}"));
                let value: serde_json::Value = serde_json::from_str(&data).map_err(damaged)?;
                let files = value.get("attachments").and_then(|a| a.as_array()).into_iter().flatten();
                if let Some(file) = files.into_iter().find(|f| f.get("sha256").and_then(|s| s.as_str()) == Some(sha256))
                {
                    return Ok(Some(serde_json::from_value(file.clone()).map_err(damaged)?));
                }
            }
        }
        Ok(None)
    }

    /// Which of `hashes` are kept.
    pub async fn kept_files(&self, hashes: &[String]) -> Result<Vec<String>, CacheError> {
        if hashes.is_empty() {
            return Ok(Vec::new());
        }
        let json = serde_json::to_string(hashes).map_err(|e| CacheError::Corrupt(e.to_string()))?;
        Ok(sqlx::query_scalar("SELECT sha256 FROM files WHERE sha256 IN (SELECT value FROM json_each(?))")
            .bind(json)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Keeps a file whatever the budget (it waits in the outbox); false when it is not kept.
    pub async fn pin_file(&self, sha256: &str) -> Result<bool, CacheError> {
        let done = sqlx::query("UPDATE files SET pinned = 1 WHERE sha256 = ?").bind(sha256).execute(&self.pool).await?;
        Ok(done.rows_affected() == 1)
    }

    /// A file sent from the outbox may now be evicted like any other.
    pub async fn unpin_file(&self, sha256: &str) -> Result<(), CacheError> {
        sqlx::query("UPDATE files SET pinned = 0 WHERE sha256 = ?").bind(sha256).execute(&self.pool).await?;
        Ok(())
    }

    /// Evicts unpinned files, least recently used first, until the kept bytes (content and
    /// previews) fit `budget_bytes`. Returns how many went.
    pub async fn evict_files(&self, budget_bytes: i64) -> Result<u64, CacheError> {
        let mut tx = self.write_tx().await?;
        let total: i64 =
            sqlx::query_scalar("SELECT coalesce(sum(size_bytes + coalesce(length(preview), 0)), 0) FROM files")
                .fetch_one(&mut *tx)
                .await?;
        if total <= budget_bytes {
            return Ok(0);
        }
        // Oldest first; few rows (a file is large), so the loop is cheap.
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT sha256, size_bytes + coalesce(length(preview), 0) FROM files
             WHERE pinned = 0 ORDER BY last_used_at, sha256",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut over = total - budget_bytes;
        let mut count = 0;
        for (sha256, bytes) in rows {
            if over <= 0 {
                break;
            }
            sqlx::query("DELETE FROM files WHERE sha256 = ?").bind(&sha256).execute(&mut *tx).await?;
            over -= bytes;
            count += 1;
        }
        tx.commit().await?;
        Ok(count)
    }

    /// Bytes kept in files (contents and previews), and how many files.
    pub async fn files_size(&self) -> Result<(i64, i64), CacheError> {
        Ok(sqlx::query_as("SELECT coalesce(sum(size_bytes + coalesce(length(preview), 0)), 0), count(*) FROM files")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Attachments of `agent_id`'s open tickets of at most `max_bytes`, not kept yet, newest
    /// messages first: what the desk fetches ahead so they open at once, even offline.
    pub async fn files_to_prefetch(
        &self,
        agent_id: i64,
        max_bytes: i64,
        limit: u32,
    ) -> Result<Vec<WantedFile>, CacheError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            // From the agent's active tickets by their index (its condition is the one the
            // Mine view uses): a handful of tickets, then their messages. Said as "not solved
            // or closed", SQLite could not use that partial index and read every message of
            // the cache: 1.8–2.2 s each minute on the 114,000-ticket bench cache.
            "SELECT a.value ->> 'sha256' AS sha, max(a.value ->> 'size_bytes')
             FROM tickets t INDEXED BY tickets_active_by_assignee
             JOIN messages m ON m.ticket_id = t.id
             JOIN json_each(m.data, '$.attachments') a
             WHERE t.assignee_id = ? AND t.status IN ('new', 'open', 'pending', 'on_hold')
               AND (a.value ->> 'size_bytes') <= ?
               AND NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = a.value ->> 'sha256')
             GROUP BY sha
             ORDER BY max(m.created_at) DESC
             LIMIT ?",
        )
        .bind(agent_id)
        .bind(max_bytes)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(sha256, size_bytes)| WantedFile { sha256, size_bytes }).collect())
    }
}
