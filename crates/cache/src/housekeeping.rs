//! Keeping the cache small: retention of closed tickets, a size report, compaction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Cache, CacheError};

/// How long closed tickets stay in the cache by default. The server keeps them; the desk
/// fetches one again when the agent opens it from search results on the server.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// What a retention pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PruneReport {
    pub tickets: i64,
    pub messages: i64,
    pub notes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TableSize {
    pub table: String,
    pub rows: i64,
}

/// Where the cache's bytes go, for the settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct StorageReport {
    /// The database's pages in use and free, in bytes (the write-ahead log not included).
    pub database_bytes: i64,
    /// Free pages a compaction would give back.
    pub free_bytes: i64,
    pub tables: Vec<TableSize>,
    /// Closed tickets older than this many days are removed.
    pub retention_days: u32,
}

const COUNTED_TABLES: [&str; 11] = [
    "tickets",
    "messages",
    "notes",
    "side_conversations",
    "side_messages",
    "customers",
    "agents",
    "entities",
    "search_docs",
    "outbox",
    "sync_state",
];

impl Cache {
    /// Removes closed tickets last changed before `cutoff`, with their messages, notes, side
    /// conversations and search entries. Tickets with actions still in the outbox stay.
    pub async fn prune_closed(&self, cutoff: DateTime<Utc>) -> Result<PruneReport, CacheError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "CREATE TEMP TABLE IF NOT EXISTS prune_ids (id INTEGER PRIMARY KEY);
             DELETE FROM prune_ids;",
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO prune_ids (id)
             SELECT id FROM tickets WHERE status = 'closed' AND updated_at < ?
               AND id NOT IN (SELECT ticket_id FROM outbox
                              WHERE ticket_id IS NOT NULL AND state IN ('pending', 'sending', 'conflict', 'rejected'))",
        )
        .bind(cutoff.timestamp_millis())
        .execute(&mut *tx)
        .await?;
        let mut report = PruneReport::default();
        for (table, count) in [("messages", &mut report.messages), ("notes", &mut report.notes)] {
            *count = sqlx::query(&format!("DELETE FROM {table} WHERE ticket_id IN (SELECT id FROM prune_ids)"))
                .execute(&mut *tx)
                .await?
                .rows_affected() as i64;
        }
        for table in ["side_messages", "side_conversations", "chat_unread"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE ticket_id IN (SELECT id FROM prune_ids)"))
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "DELETE FROM search_index WHERE rowid IN
                 (SELECT doc FROM search_docs WHERE ticket_id IN (SELECT id FROM prune_ids))",
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM search_docs WHERE ticket_id IN (SELECT id FROM prune_ids)").execute(&mut *tx).await?;
        report.tickets = sqlx::query("DELETE FROM tickets WHERE id IN (SELECT id FROM prune_ids)")
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        sqlx::query("DELETE FROM prune_ids").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(report)
    }

    pub async fn storage_report(&self, retention_days: u32) -> Result<StorageReport, CacheError> {
        let mut conn = self.pool.acquire().await?;
        // SQLCipher answers some pragmas as text, hence the casts.
        let (page_size, pages, free): (i64, i64, i64) = sqlx::query_as(
            "SELECT CAST(s.page_size AS INTEGER), CAST(c.page_count AS INTEGER), CAST(f.freelist_count AS INTEGER)
             FROM pragma_page_size() s, pragma_page_count() c, pragma_freelist_count() f",
        )
        .fetch_one(&mut *conn)
        .await?;
        let mut tables = Vec::with_capacity(COUNTED_TABLES.len());
        for table in COUNTED_TABLES {
            let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *conn).await?;
            tables.push(TableSize { table: table.to_owned(), rows });
        }
        Ok(StorageReport { database_bytes: pages * page_size, free_bytes: free * page_size, tables, retention_days })
    }

    /// Folds the write-ahead log into the database file and empties it.
    pub async fn checkpoint(&self) -> Result<(), CacheError> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        Ok(())
    }

    /// Rewrites the file without its free pages (after a big prune). Takes a while on a large
    /// cache and blocks writers meanwhile, so it runs only when the agent asks.
    pub async fn compact(&self) -> Result<(), CacheError> {
        sqlx::query("VACUUM").execute(&self.pool).await?;
        self.checkpoint().await
    }
}
