//! The desk's pushes as typed Tauri events (their TypeScript comes from `bindings`).

use arbiter_desk::{DeskEvents, SyncStatus, TicketsChanged};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::AppHandle;
use tauri_specta::Event;

/// The sync state changed (online/offline/syncing, progress, errors).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct SyncStatusChanged(pub SyncStatus);

/// A live event as it arrived: typing, presence, new messages, assignments, escalations.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct LiveEvent(pub arbiter_contract::StreamEvent);

/// Tickets changed in the cache; an empty list means "everything may have changed".
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct CacheChanged(pub TicketsChanged);

pub struct TauriEvents {
    app: AppHandle,
    notifier: crate::notifications::Notifier,
}

impl TauriEvents {
    pub fn new(app: AppHandle) -> Self {
        Self { notifier: crate::notifications::Notifier::new(app.clone()), app }
    }
}

impl DeskEvents for TauriEvents {
    fn sync_status(&self, status: &SyncStatus) {
        if let Err(error) = SyncStatusChanged(status.clone()).emit(&self.app) {
            tracing::warn!(%error, "could not emit the sync status");
        }
    }

    fn tickets_changed(&self, changed: &TicketsChanged) {
        if let Err(error) = CacheChanged(changed.clone()).emit(&self.app) {
            tracing::warn!(%error, "could not emit a cache change");
        }
    }

    fn alert(&self, alert: &arbiter_desk::Alert) {
        self.notifier.show(alert);
    }

    fn waiting_escalations(&self, count: usize) {
        crate::notifications::show_waiting(&self.app, count);
    }

    fn language_changed(&self) {
        crate::notifications::retitle_tray(&self.app);
    }

    fn live(&self, event: &arbiter_contract::StreamEvent) {
        if let Err(error) = LiveEvent(event.clone()).emit(&self.app) {
            tracing::warn!(%error, "could not emit a live event");
        }
    }
}
