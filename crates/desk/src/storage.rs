//! Searching the local copy, and looking after it: its size, retention, a fresh start.

use arbiter_cache::{SearchQuery, SearchResults, StorageReport};

use crate::desk::{not_signed_in, Desk};
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// Longest search text accepted; longer text is not a search, it is a paste accident.
pub const MAX_SEARCH_CHARS: usize = 500;

impl Desk {
    /// Searches tickets, messages, notes and customers in the cache. Any text is accepted.
    pub async fn search(&self, query: SearchQuery) -> Result<SearchResults, DeskError> {
        if query.text.chars().count() > MAX_SEARCH_CHARS {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::SEARCH_TOO_LONG).int("max", MAX_SEARCH_CHARS as i64),
            ));
        }
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.search(&query).await?)
    }

    /// The cache's size by table, and the retention in force.
    pub async fn storage(&self) -> Result<StorageReport, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let retention = self.settings.get().retention_days();
        Ok(cache.storage_report(retention).await?)
    }

    /// Sets how long closed tickets stay in the cache; applies at the next pass (and now).
    pub async fn set_retention_days(&self, days: u32) -> Result<StorageReport, DeskError> {
        if !(1..=3650).contains(&days) {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::RETENTION)));
        }
        self.settings.update(|s| s.retention_days = Some(days)).await?;
        let (cache, _) = self.cache_and_me().await?;
        cache.prune_closed(chrono::Utc::now() - chrono::Duration::days(i64::from(days))).await?;
        self.storage().await
    }

    /// Empties the cache (keeping the agent's unsent actions) and syncs everything again.
    pub async fn resync(&self) -> Result<(), DeskError> {
        let session = self.session.read().await;
        let session = session.as_ref().ok_or_else(not_signed_in)?;
        match &session.sync {
            Some(sync) => {
                sync.resync();
                Ok(())
            }
            None => Err(DeskError::say(ErrorCode::Unauthorized, Msg::new(&errors::SIGN_IN_TO_SYNC))),
        }
    }

    /// Gives the space freed by pruning back to the disk.
    pub async fn compact(&self) -> Result<StorageReport, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        cache.compact().await?;
        self.storage().await
    }
}
