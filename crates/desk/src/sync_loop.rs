//! The background loop that keeps the cache in step with the server: pull now, then every
//! few seconds, sooner when woken, backing off with jitter while the server is away.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arbiter_cache::Cache;
use arbiter_client::ClientError;
use arbiter_sync::progress::ProgressMeter;
use arbiter_sync::retry::{backoff, delay_after};
use arbiter_sync::{SyncEngine, SyncError};
use chrono::Utc;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::events::{DeskEvents, SyncState, TicketsChanged};
use crate::settings::SettingsStore;
use crate::status::StatusCell;

/// Pause between pulls while online. The live stream makes this a fallback.
pub const POLL_INTERVAL: Duration = Duration::from_secs(5);
/// How often closed tickets past the retention window are removed from the cache.
pub const PRUNE_INTERVAL: Duration = Duration::from_secs(6 * 3600);

pub struct SyncLoop {
    wake: Arc<Notify>,
    resync: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

/// What the loop needs besides the engine.
pub struct LoopSettings {
    /// Read at each pruning pass, so a changed retention applies without a restart.
    pub settings: Arc<SettingsStore>,
    /// Told after every successful pull (what else follows the data, like fetching linked
    /// accounts ahead, waits on it).
    pub synced: Arc<Notify>,
}

impl SyncLoop {
    pub fn spawn(engine: SyncEngine, cache: Cache, status: Arc<StatusCell>, settings: LoopSettings) -> Self {
        let wake = Arc::new(Notify::new());
        let resync = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(run(engine, cache, status, wake.clone(), resync.clone(), settings));
        Self { wake, resync, task }
    }

    /// Pull now instead of at the next tick.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Empties the cache (but not the outbox) and syncs everything again. Done by the loop
    /// itself between runs, so no page in flight lands on the emptied cache.
    pub fn resync(&self) {
        self.resync.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }

    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for SyncLoop {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn run(
    engine: SyncEngine,
    cache: Cache,
    status: Arc<StatusCell>,
    wake: Arc<Notify>,
    resync: Arc<AtomicBool>,
    settings: LoopSettings,
) {
    let mut failures: u32 = 0;
    let mut last_prune: Option<Instant> = None;
    loop {
        let events = status.events().clone();
        if resync.swap(false, Ordering::SeqCst) {
            // What comes back from scratch includes old closed tickets: prune after this run.
            last_prune = None;
            match cache.reset().await {
                Ok(()) => events.tickets_changed(&TicketsChanged { ids: Vec::new(), others: false }),
                Err(error) => tracing::warn!(%error, "re-sync: emptying the cache failed"),
            }
        }
        let start = cache.position().await.map(|p| p.cursor).unwrap_or_default();
        let mut meter = ProgressMeter::new(start, Instant::now());
        status.update(|s| {
            s.state = SyncState::Syncing;
            s.from = start;
            s.retry_at = None;
            s.progress = None;
        });
        // Push the agent's actions first, then pull: the pull then brings their effects.
        let pushed = engine.push().await;
        if let Ok(report) = &pushed {
            if !report.tickets.is_empty() || report.others {
                events.tickets_changed(&TicketsChanged { ids: report.tickets.clone(), others: report.others });
            }
        }
        status.refresh_outbox(&cache).await;
        let result = match pushed {
            Err(error) => Err(error),
            Ok(_) => {
                engine
                    .sync(|applied, progress| {
                        let estimate = meter.record(Instant::now(), progress.cursor, progress.head, applied.changes);
                        status.update(|s| {
                            s.cursor = progress.cursor;
                            s.head = progress.head;
                            s.progress = Some(estimate);
                        });
                        if !applied.tickets.is_empty() || applied.others {
                            events.tickets_changed(&TicketsChanged {
                                ids: applied.tickets.iter().copied().collect(),
                                others: applied.others,
                            });
                        }
                    })
                    .await
            }
        };
        let delay = match result {
            Ok(report) => {
                failures = 0;
                if report.reset {
                    events.tickets_changed(&TicketsChanged { ids: Vec::new(), others: false });
                }
                if report.changes > 10_000 {
                    cache.optimize().await; // the data's shape changed: refresh the planner's statistics
                }
                if last_prune.is_none_or(|at| at.elapsed() >= PRUNE_INTERVAL) {
                    last_prune = Some(Instant::now());
                    let retention_days = settings.settings.get().retention_days();
                    prune(&cache, retention_days, events.as_ref()).await;
                }
                status.update(|s| {
                    s.state = SyncState::Online;
                    s.last_synced_at = Some(Utc::now());
                    s.message = None;
                    s.progress = None;
                    if report.pages > 0 {
                        s.cursor = report.cursor;
                        s.head = report.head;
                    }
                });
                settings.synced.notify_one();
                POLL_INTERVAL
            }
            Err(SyncError::Client(ClientError::Unauthorized(message))) => {
                status.update(|s| {
                    s.state = SyncState::AuthFailed;
                    s.message = Some(crate::error::with_detail(&crate::messages::sync::TOKEN_REFUSED, message));
                });
                return;
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                let delay = delay_after(&error, failures);
                let state = if error.is_transient() { SyncState::Offline } else { SyncState::Error };
                tracing::warn!(%error, failures, ?delay, "sync failed");
                status.update(|s| {
                    s.state = state;
                    s.progress = None;
                    s.message = Some(crate::DeskError::from(error).text);
                    s.retry_at = chrono::Duration::from_std(delay).ok().map(|d| Utc::now() + d);
                });
                delay
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = wake.notified() => {}
        }
    }
}

/// Removes closed tickets older than the retention window from the cache.
async fn prune(cache: &Cache, retention_days: u32, events: &dyn DeskEvents) {
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(retention_days));
    match cache.prune_closed(cutoff).await {
        Ok(report) if report.tickets > 0 => {
            tracing::info!(tickets = report.tickets, messages = report.messages, "pruned closed tickets");
            events.tickets_changed(&TicketsChanged { ids: Vec::new(), others: false });
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "pruning the cache failed"),
    }
}

/// Follows the live stream while the session lasts: events go into the cache and to the UI
/// at once; a dropped connection reconnects (with backoff) and resumes by the saved event id;
/// a `reset` makes the sync loop pull the feed.
pub struct StreamLoop {
    task: JoinHandle<()>,
}

impl StreamLoop {
    pub fn spawn(
        client: arbiter_client::ApiClient,
        cache: Cache,
        status: Arc<StatusCell>,
        wake_sync: Arc<Notify>,
        alerts: Arc<crate::alerts::AlertLoop>,
    ) -> Self {
        let task = tokio::spawn(async move {
            let mut failures: u32 = 0;
            loop {
                let events = status.events().clone();
                let result = arbiter_sync::stream::follow(&client, &cache, |event, applied| {
                    failures = 0;
                    if matches!(event.payload, arbiter_contract::StreamPayload::Reset) {
                        wake_sync.notify_one();
                    }
                    if !applied.tickets.is_empty() || applied.others {
                        events.tickets_changed(&TicketsChanged {
                            ids: applied.tickets.iter().copied().collect(),
                            others: applied.others,
                        });
                    }
                    events.live(event);
                    alerts.push(event);
                    true
                })
                .await;
                match result {
                    Err(SyncError::Client(ClientError::Unauthorized(_))) => return,
                    Err(error) => {
                        failures = failures.saturating_add(1);
                        tracing::debug!(%error, failures, "live stream interrupted");
                    }
                    Ok(_) => failures = failures.saturating_add(1),
                }
                // What happened while disconnected comes from the replay, or the feed.
                wake_sync.notify_one();
                tokio::time::sleep(backoff(failures)).await;
            }
        });
        Self { task }
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for StreamLoop {
    fn drop(&mut self) {
        self.task.abort();
    }
}
