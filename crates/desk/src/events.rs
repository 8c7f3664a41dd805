//! What the desk tells the UI without being asked.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncState {
    SignedOut,
    /// Pulling changes now.
    Syncing,
    /// Up to date with the server.
    Online,
    /// The server cannot be reached; the desk works from the cache and keeps retrying.
    Offline,
    /// The server refused the token; the agent must sign in again.
    AuthFailed,
    /// The keyring or the cache failed; `message` says how.
    Error,
}

/// The sync engine's state, sent to the UI on every change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncStatus {
    pub state: SyncState,
    pub last_synced_at: Option<DateTime<Utc>>,
    /// Feed position: done when `cursor == head`.
    pub cursor: i64,
    pub head: i64,
    /// Where this run started, so progress is `(cursor - from) / (head - from)`.
    pub from: i64,
    /// Why the last attempt failed, for people.
    pub message: Option<arbiter_text::Msg>,
    /// When the next attempt happens while offline.
    pub retry_at: Option<DateTime<Utc>>,
    /// Agent actions waiting to be sent.
    pub outbox_pending: i64,
    /// Agent actions the server refused (conflicts and rejections) awaiting the agent.
    pub outbox_failed: i64,
    /// While pulling: how far, how fast, how long still.
    pub progress: Option<arbiter_sync::progress::SyncProgress>,
}

impl SyncStatus {
    pub fn signed_out() -> Self {
        Self {
            state: SyncState::SignedOut,
            last_synced_at: None,
            cursor: 0,
            head: 0,
            from: 0,
            message: None,
            retry_at: None,
            outbox_pending: 0,
            outbox_failed: 0,
            progress: None,
        }
    }
}

/// Tickets whose data changed in the cache (none named, and not `others`: any may have).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketsChanged {
    pub ids: Vec<i64>,
    /// Something no ticket shows changed (alerts, account controls, approvals): the screens
    /// listing those read again; with no ids, the tickets did not change.
    #[serde(default)]
    pub others: bool,
}

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Alert {
    /// Alerts with the same key replace each other (one notification per ticket).
    pub key: String,
    /// In English (logs, tests, and the notification before the UI has said its language).
    pub title: String,
    pub body: String,
    /// What to say, in the agent's language.
    pub title_text: arbiter_text::Msg,
    pub body_text: arbiter_text::Msg,
    /// What acting on the notification opens.
    pub ticket_id: Option<i64>,
    pub escalation_id: Option<i64>,
    /// L2 and above: shown as critical, and through do-not-disturb.
    pub urgent: bool,
}

/// How the desk reaches the UI; the shell implements it with Tauri events.
pub trait DeskEvents: Send + Sync + 'static {
    fn sync_status(&self, status: &SyncStatus);
    fn tickets_changed(&self, changed: &TicketsChanged);
    /// A live event (typing, presence, a new message, an escalation) as it arrived.
    fn live(&self, _event: &arbiter_contract::StreamEvent) {}
    /// Something that concerns the agent and should reach them even with the app in the
    /// background: the shell shows it as a desktop notification.
    fn alert(&self, _alert: &Alert) {}
    /// How many open escalations concern the agent now (the tray and dock badge show it).
    fn waiting_escalations(&self, _count: usize) {}
    /// The agent's language changed: what is shown outside the window is said again.
    fn language_changed(&self) {}
}

/// For tests and tools that need no UI.
pub struct NoEvents;

impl DeskEvents for NoEvents {
    fn sync_status(&self, _: &SyncStatus) {}
    fn tickets_changed(&self, _: &TicketsChanged) {}
}
