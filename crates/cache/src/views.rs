//! What the desk's screens read from the cache. These types cross IPC to the UI.

use arbiter_contract::{
    Agent, AuthorKind, Channel, Customer, Message, Note, Priority, Ticket, TicketKind, TicketStatus,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The inbox's built-in views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum InboxView {
    /// Assigned to me and not solved.
    Mine,
    /// Nobody's yet, not solved.
    Unassigned,
    /// New or open: waiting on us.
    Open,
    Pending,
    OnHold,
    /// Solved or closed.
    Solved,
    All,
}

impl InboxView {
    pub const ALL: [InboxView; 7] = [
        InboxView::Mine,
        InboxView::Unassigned,
        InboxView::Open,
        InboxView::Pending,
        InboxView::OnHold,
        InboxView::Solved,
        InboxView::All,
    ];
}

/// One row of the inbox list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TicketListItem {
    pub id: i64,
    pub subject: String,
    pub channel: Channel,
    pub kind: TicketKind,
    pub status: TicketStatus,
    pub priority: Priority,
    pub queue: String,
    pub assignee_name: Option<String>,
    pub customer_name: Option<String>,
    pub language: String,
    pub updated_at: DateTime<Utc>,
    /// The start of the newest message.
    pub preview: Option<String>,
    /// Who spoke last: a customer means the ball is in our court.
    pub last_author_kind: Option<AuthorKind>,
    /// The most pressing state of the agent's unsent or refused actions on this ticket.
    pub outbox: Option<crate::OutboxState>,
}

/// A ticket with everything its screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TicketView {
    pub ticket: Ticket,
    /// Absent until the customer has synced (the feed is not parent-first).
    pub customer: Option<Customer>,
    pub assignee: Option<Agent>,
    /// Oldest first.
    pub messages: Vec<Message>,
    /// Internal notes, oldest first.
    pub notes: Vec<Note>,
    /// The agent's actions on this ticket the server has not confirmed (pending, sending),
    /// or refused (conflict, rejected). Pending ticket updates are already applied to
    /// `ticket`; pending replies and notes are shown from here.
    pub outbox: Vec<crate::OutboxItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ViewCount {
    pub view: InboxView,
    pub count: i64,
}

/// Where the cache stands against the server's feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SyncPosition {
    /// The server feed the cursor belongs to; `None` before the first page.
    pub feed_id: Option<String>,
    pub cursor: i64,
    pub head: i64,
    pub synced_at: Option<DateTime<Utc>>,
}
