//! The desk's local copy of what the company API serves.
//!
//! Every screen reads from here, never from the network, so it answers at once and keeps
//! working offline. The sync engine writes feed pages in with [`Cache::apply_page`].

mod apply;
mod cases;
pub use cases::{CaseFact, CaseParts};
mod composer;
mod conversation;
pub use composer::DraftKind;
mod error;
mod files;
pub use files::{NewFile, Preview, StoredFile, WantedFile};
pub mod housekeeping;
mod list;
pub mod outbox;
mod queries;
mod rows;
pub mod search;
pub mod views;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

pub use apply::Applied;
pub use error::CacheError;
pub use housekeeping::{PruneReport, StorageReport, TableSize, DEFAULT_RETENTION_DAYS};
pub use outbox::{Action, OutboxItem, OutboxState};
pub use search::{SearchHit, SearchQuery, SearchResults, SearchSource};

pub use conversation::{CONVERSATION_WINDOW, MAX_CONVERSATION_PAGE};
pub use list::{ListCursor, MAX_LIST_LIMIT};
pub use views::{
    AssigneeFilter, ConversationCursor, ConversationPage, EntryKind, InboxView, QuotedText, SavedView, SideThread,
    SlaClock, SlaClockKind, SyncPosition, TicketFilter, TicketListItem, TicketView, ViewCount, ViewKey,
};

#[derive(Clone)]
pub struct Cache {
    pool: SqlitePool,
}

impl Cache {
    /// A write transaction that takes the write lock when it begins (`BEGIN IMMEDIATE`), so
    /// it waits its turn (the busy timeout) behind other writers. A deferred one that read
    /// first fails at its first write with "database is locked" when another writer committed
    /// meanwhile (a WAL snapshot cannot be upgraded): the sync, the file prefetch and the
    /// agent's actions write at the same time.
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }
}

/// The 32-byte key a cache file is encrypted with (SQLCipher, AES-256). The desk keeps it in
/// the OS keyring; a copied cache file is unreadable without it.
#[derive(Clone, PartialEq, Eq)]
pub struct CacheKey([u8; 32]);

impl CacheKey {
    pub fn random() -> Self {
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = hex::decode(text.trim()).ok()?;
        Some(Self(bytes.try_into().ok()?))
    }
}

impl std::fmt::Debug for CacheKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CacheKey(***)")
    }
}

impl Cache {
    /// Opens (creating if needed) an unencrypted cache file at `path` and migrates it.
    /// The desk always uses [`Cache::open_encrypted`]; this is for tools and tests.
    pub async fn open(path: &Path) -> Result<Self, CacheError> {
        Self::open_with(path, None).await
    }

    /// Opens (creating if needed) a cache file encrypted with `key`. A wrong key, or a file
    /// that is not an Arbiter cache, is `CacheError::Unreadable`.
    pub async fn open_encrypted(path: &Path, key: &CacheKey) -> Result<Self, CacheError> {
        Self::open_with(path, Some(key)).await
    }

    async fn open_with(path: &Path, key: Option<&CacheKey>) -> Result<Self, CacheError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| CacheError::Io(format!("{}: {e}", dir.display())))?;
        }
        let mut options = SqliteConnectOptions::from_str("sqlite:")?;
        if let Some(key) = key {
            // A raw key (x'…'): no key derivation, so opening is fast; the key is random.
            options = options.pragma("key", format!("\"x'{}'\"", key.to_hex()));
        }
        let options = options
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: an agent's action is on disk when `enqueue` returns, even across a power
            // loss; with WAL this costs one fsync per transaction.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5))
            // 16 MiB of decrypted pages per connection (SQLite's default is 2): an inbox page
            // touches its 100 tickets, customers and last messages, spread over the file, and
            // with 2 MiB each page was read and decrypted again on every list — 6–12 ms p50
            // instead of 1.4–2 on 114,000 tickets (arbiter-bench). At most 64 MiB for the pool.
            .pragma("cache_size", "-16384");
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await.map_err(unreadable)?;
        // The first real read tells a wrong key (or a foreign file) from a good one.
        sqlx::query("SELECT count(*) FROM sqlite_master").execute(&pool).await.map_err(unreadable)?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let cache = Self { pool };
        cache.build_search_index_if_needed().await?;
        cache.optimize().await;
        Ok(cache)
    }

    /// Bytes on disk: the database file and its write-ahead log.
    pub fn file_size(path: &Path) -> u64 {
        let wal = path.with_extension(format!("{}-wal", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
        [path.to_path_buf(), wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }

    /// Lets SQLite gather the statistics its query planner needs (cheap when nothing changed);
    /// done on open and after big syncs, as SQLite recommends for long-lived connections.
    /// Gathers the planner's statistics for every table now (tests of plans that must not
    /// depend on them; the desk itself leaves it to `optimize`).
    pub async fn analyze(&self) -> Result<(), CacheError> {
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn optimize(&self) {
        if let Err(error) = sqlx::query("PRAGMA optimize = 0x10002").execute(&self.pool).await {
            tracing::warn!(%error, "PRAGMA optimize failed");
        }
    }

    /// Closes every connection, so the file can be moved or deleted.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// SQLite says "file is not a database" (code 26) for a wrong key or a foreign file.
fn unreadable(error: sqlx::Error) -> CacheError {
    match &error {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("26") => {
            CacheError::Unreadable("the file cannot be decrypted with this key, or is not an Arbiter cache".into())
        }
        _ => CacheError::Database(error),
    }
}
