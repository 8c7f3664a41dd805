//! The sync engine: pulls the company API's change feed into the local cache.
//!
//! Each page is applied together with its cursor in one cache transaction, so a sync that
//! stops anywhere (network drop, server crash, app killed) resumes from the last stored
//! page without gaps or duplicates.

pub mod outbox;
pub mod progress;
pub mod retry;
pub mod stream;

use std::collections::BTreeSet;

use arbiter_cache::{Applied, Cache, CacheError};
use arbiter_client::{ApiClient, ClientError};
use arbiter_contract::{ChangePage, ErrorCode};

/// Changes asked for per request.
pub const DEFAULT_PAGE_SIZE: u32 = 1_000;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Cache(#[from] CacheError),
}

impl SyncError {
    /// Worth trying again later without the agent doing anything.
    pub fn is_transient(&self) -> bool {
        matches!(self, SyncError::Client(e) if e.is_transient())
    }
}

/// What a sync run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub pages: usize,
    pub changes: usize,
    pub tickets: BTreeSet<i64>,
    /// The server's feed restarted (e.g. a new database), so the cache was emptied first.
    pub reset: bool,
    pub cursor: i64,
    pub head: i64,
}

/// Progress after each page, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageProgress {
    pub cursor: i64,
    pub head: i64,
    pub changes_so_far: usize,
}

pub struct SyncEngine {
    client: ApiClient,
    cache: Cache,
    page_size: u32,
}

impl SyncEngine {
    pub fn new(client: ApiClient, cache: Cache) -> Self {
        Self { client, cache, page_size: DEFAULT_PAGE_SIZE }
    }

    pub fn with_page_size(mut self, page_size: u32) -> Self {
        self.page_size = page_size.max(1);
        self
    }

    /// Sends the outbox (the agent's queued actions), in order.
    pub async fn push(&self) -> Result<outbox::ReplayReport, SyncError> {
        outbox::replay(&self.client, &self.cache).await
    }

    /// Pushes, then pulls to the end, retrying transient failures (network, 5xx, 429 with
    /// its Retry-After, unreadable answers) up to `max_failures` in a row.
    pub async fn sync_with_retries(&self, max_failures: u32) -> Result<SyncReport, SyncError> {
        let mut failures = 0;
        loop {
            let before = (self.cache.position().await?.cursor, self.cache.outbox_to_send().await?.len());
            let attempt = async {
                self.push().await?;
                self.sync(|_, _| {}).await
            };
            match attempt.await {
                Ok(report) => return Ok(report),
                Err(error) if error.is_transient() && failures < max_failures => {
                    // Progress since the last failure means the trouble is intermittent:
                    // start the backoff over.
                    let after = (self.cache.position().await?.cursor, self.cache.outbox_to_send().await?.len());
                    if after.0 > before.0 || after.1 < before.1 {
                        failures = 0;
                    }
                    failures += 1;
                    let delay = retry::delay_after(&error, failures);
                    tracing::debug!(%error, failures, ?delay, "retrying");
                    tokio::time::sleep(delay).await;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Pulls until the cache holds everything the server had when the run started.
    pub async fn sync(&self, on_page: impl FnMut(&Applied, PageProgress)) -> Result<SyncReport, SyncError> {
        self.sync_pages(usize::MAX, on_page).await
    }

    /// Like [`sync`](Self::sync) but stops after `max_pages` pages.
    ///
    /// The next page is fetched while the current one is written, so the network and the
    /// disk work at the same time.
    pub async fn sync_pages(
        &self,
        max_pages: usize,
        mut on_page: impl FnMut(&Applied, PageProgress),
    ) -> Result<SyncReport, SyncError> {
        let mut report = SyncReport::default();
        if max_pages == 0 {
            return Ok(report);
        }
        let position = self.cache.position().await?;
        let mut cursor = position.cursor;
        let mut feed_id = position.feed_id;
        let mut next = self.client.changes(cursor, self.page_size, position.horizon).await;
        loop {
            let page: ChangePage = match next {
                Ok(page) => page,
                Err(error) if is_cursor_expired(&error) && !report.reset => {
                    tracing::warn!(cursor, "the server no longer serves our cursor; syncing from scratch");
                    self.start_over(&mut report, &mut feed_id, &mut cursor).await?;
                    next = self.client.changes(cursor, self.page_size, None).await;
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            if feed_id.as_deref().is_some_and(|id| id != page.feed_id) {
                // The server's data was rebuilt: our cursor means nothing there any more.
                tracing::warn!(cursor, "the server's change feed was replaced; syncing from scratch");
                self.start_over(&mut report, &mut feed_id, &mut cursor).await?;
                next = self.client.changes(cursor, self.page_size, None).await;
                continue;
            }
            let fetch_next = page.has_more && report.pages + 1 < max_pages;
            let (applied, prefetched) = if fetch_next {
                let (applied, prefetched) = tokio::join!(
                    self.cache.apply_page(&page),
                    self.client.changes(page.next_cursor, self.page_size, Some(page.horizon))
                );
                (applied?, Some(prefetched))
            } else {
                (self.cache.apply_page(&page).await?, None)
            };
            feed_id = Some(page.feed_id.clone());
            report.pages += 1;
            report.changes += applied.changes;
            report.tickets.extend(applied.tickets.iter().copied());
            cursor = page.next_cursor.max(cursor);
            report.cursor = cursor;
            report.head = page.head;
            on_page(&applied, PageProgress { cursor, head: page.head, changes_so_far: report.changes });
            match prefetched {
                Some(result) => next = result,
                None => break,
            }
        }
        Ok(report)
    }

    async fn start_over(
        &self,
        report: &mut SyncReport,
        feed_id: &mut Option<String>,
        cursor: &mut i64,
    ) -> Result<(), SyncError> {
        self.cache.reset().await?;
        report.reset = true;
        *feed_id = None;
        *cursor = 0;
        Ok(())
    }
}

/// The server compacted the feed past our cursor (`410 cursor_expired`).
pub fn is_cursor_expired(error: &ClientError) -> bool {
    matches!(error, ClientError::Rejected { error, .. } if error.code == ErrorCode::CursorExpired)
}
