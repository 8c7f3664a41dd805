//! The desk's local copy of what the company API serves.
//!
//! Every screen reads from here, never from the network, so it answers at once and keeps
//! working offline. The sync engine writes feed pages in with [`Cache::apply_page`].

mod apply;
mod error;
pub mod outbox;
mod queries;
mod rows;
pub mod views;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

pub use apply::Applied;
pub use error::CacheError;
pub use outbox::{Action, OutboxItem, OutboxState};
pub use queries::{ListCursor, MAX_LIST_LIMIT};
pub use views::{InboxView, SyncPosition, TicketListItem, TicketView, ViewCount};

#[derive(Clone)]
pub struct Cache {
    pool: SqlitePool,
}

impl Cache {
    /// Opens (creating if needed) the cache file at `path` and migrates it.
    pub async fn open(path: &Path) -> Result<Self, CacheError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| CacheError::Io(format!("{}: {e}", dir.display())))?;
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: an agent's action is on disk when `enqueue` returns, even across a power
            // loss; with WAL this costs one fsync per transaction.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Closes every connection, so the file can be moved or deleted.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
