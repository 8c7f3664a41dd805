//! The desk's observable sync status: one cell every part writes to, whose every change is
//! pushed to the UI, and the one count of the agent's actions waiting in the outbox.

use std::sync::{Arc, Mutex};

use arbiter_cache::{Cache, OutboxItem, OutboxState};

use crate::events::{DeskEvents, SyncStatus};

/// The shared, observable sync status: every change is pushed to the UI.
pub struct StatusCell {
    status: Mutex<SyncStatus>,
    events: Arc<dyn DeskEvents>,
}

impl StatusCell {
    pub fn new(events: Arc<dyn DeskEvents>) -> Self {
        Self { status: Mutex::new(SyncStatus::signed_out()), events }
    }

    pub fn get(&self) -> SyncStatus {
        self.status.lock().expect("status lock").clone()
    }

    pub fn update(&self, change: impl FnOnce(&mut SyncStatus)) {
        let snapshot = {
            let mut status = self.status.lock().expect("status lock");
            change(&mut status);
            status.clone()
        };
        self.events.sync_status(&snapshot);
    }

    pub fn events(&self) -> &Arc<dyn DeskEvents> {
        &self.events
    }

    /// Counts the outbox again (waiting to send; refused and awaiting the agent).
    pub async fn refresh_outbox(&self, cache: &Cache) {
        match cache.outbox_open().await {
            Ok(open) => {
                let (pending, failed) = outbox_counts(&open);
                self.update(|s| {
                    s.outbox_pending = pending;
                    s.outbox_failed = failed;
                });
            }
            Err(error) => tracing::warn!(%error, "could not count the outbox"),
        }
    }
}

/// Of the open outbox items: how many wait to be sent (pending or sending), and how many the
/// server refused (conflicts and rejections the agent must settle).
pub fn outbox_counts(open: &[OutboxItem]) -> (i64, i64) {
    let pending = open.iter().filter(|i| matches!(i.state, OutboxState::Pending | OutboxState::Sending)).count() as i64;
    (pending, open.len() as i64 - pending)
}
