//! What the desk's screens read from the cache. These types cross IPC to the UI.

use arbiter_contract::{
    ActivityEvent, Agent, AuthorKind, Channel, Customer, Escalation, EscalationLevel, Message, Note, Priority,
    SideConversation, SideMessage, Ticket, TicketKind, TicketStatus,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The inbox's built-in views. "Active" below means new, open, pending or on hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum InboxView {
    /// Assigned to me and active.
    Mine,
    /// Nobody's yet and active (the desk only holds the agent's queues, so: in my queues).
    Unassigned,
    /// New or open: waiting on us.
    Open,
    Pending,
    OnHold,
    /// New or open with an SLA clock due within the at-risk window, or already past due;
    /// soonest due first.
    SlaAtRisk,
    /// Active and raised above L0.
    Escalated,
    /// Active card chargebacks.
    Chargebacks,
    /// Active account takeovers, scams and unauthorized withdrawals.
    FraudClaims,
    /// Active trade and P2P disputes.
    Disputes,
    /// Solved or closed.
    Solved,
    All,
}

impl InboxView {
    pub const ALL: [InboxView; 12] = [
        InboxView::Mine,
        InboxView::Unassigned,
        InboxView::Open,
        InboxView::Pending,
        InboxView::OnHold,
        InboxView::SlaAtRisk,
        InboxView::Escalated,
        InboxView::Chargebacks,
        InboxView::FraudClaims,
        InboxView::Disputes,
        InboxView::Solved,
        InboxView::All,
    ];
}

/// Whose tickets a saved view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AssigneeFilter {
    Me,
    Nobody,
    Anyone,
    /// One agent's (a supervisor's drill-down from the board).
    Agent(i64),
}

/// A saved view's filter. Empty lists mean "any"; the conditions are combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub struct TicketFilter {
    #[serde(default)]
    pub statuses: Vec<TicketStatus>,
    #[serde(default)]
    pub queues: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<TicketKind>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Tickets with any of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub assignee: Option<AssigneeFilter>,
    /// Only tickets raised above L0.
    #[serde(default)]
    pub escalated: bool,
}

/// A view the agent made and named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SavedView {
    pub id: String,
    pub name: String,
    pub filter: TicketFilter,
}

/// A built-in view or one of the agent's saved views.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ViewKey {
    Builtin(InboxView),
    Saved(String),
    /// A filter shown once and not kept: a supervisor's drill-down from the queue board.
    Filter(TicketFilter),
}

impl From<InboxView> for ViewKey {
    fn from(view: InboxView) -> Self {
        ViewKey::Builtin(view)
    }
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
    pub escalation_level: EscalationLevel,
    /// When the soonest running SLA clock is due, while we owe an answer (new or open).
    pub sla_due_at: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
    /// Pass back to get the page after this row.
    pub cursor: crate::ListCursor,
}

/// A ticket with everything its screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TicketView {
    pub ticket: Ticket,
    /// The kind of investigation this ticket opens (arbiter_policy), if it opens one.
    pub case_kind: Option<arbiter_contract::CaseKind>,
    /// Absent until the customer has synced (the feed is not parent-first).
    pub customer: Option<Customer>,
    pub assignee: Option<Agent>,
    /// The newest part of the conversation (messages and internal notes); older parts come
    /// page by page (`Cache::conversation_before`), so a 5,000-message thread opens as fast
    /// as a short one.
    pub conversation: ConversationPage,
    /// Threads with internal teams, the most recently active first.
    pub side_conversations: Vec<SideThread>,
    /// The ticket's escalations, open ones first, newest first; the agent's pending
    /// "take" already shows as taken.
    pub escalations: Vec<Escalation>,
    /// The customer's newest activity (logins, deposits, withdrawals, trades…), newest first.
    pub recent_activity: Vec<ActivityEvent>,
    /// The agent's actions on this ticket the server has not confirmed (pending, sending),
    /// or refused (conflict, rejected). Pending ticket updates are already applied to
    /// `ticket`; pending replies and notes are shown from here.
    pub outbox: Vec<crate::OutboxItem>,
    /// The running SLA clocks, worst first, from the synced policies (none while pending,
    /// or before the policies have synced).
    #[serde(default)]
    pub sla_clocks: Vec<SlaClock>,
    /// The customer only typed who they are (the chat widget, not signed in): the account
    /// it is filed under may not be theirs.
    #[serde(default)]
    pub sender_unverified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SlaClockKind {
    FirstResponse,
    NextResponse,
    Resolution,
}

/// A running SLA clock with the instants its state changes at, computed by the policy
/// engine the server runs; the screen compares them with the time and so moves from at
/// risk to missed to prolonged by itself, offline too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SlaClock {
    pub kind: SlaClockKind,
    pub due_at: DateTime<Utc>,
    pub at_risk_from: DateTime<Utc>,
    /// A miss is prolonged from here (once also past due): the escalation matrix's factor.
    pub prolonged_from: DateTime<Utc>,
}

impl From<arbiter_policy::sla::Clock> for SlaClock {
    fn from(clock: arbiter_policy::sla::Clock) -> Self {
        use arbiter_policy::sla::ClockKind;
        SlaClock {
            kind: match clock.kind {
                ClockKind::FirstResponse => SlaClockKind::FirstResponse,
                ClockKind::NextResponse => SlaClockKind::NextResponse,
                ClockKind::Resolution => SlaClockKind::Resolution,
            },
            due_at: clock.due,
            at_risk_from: clock.at_risk_from,
            prolonged_from: clock.prolonged_from,
        }
    }
}

/// Which table a conversation entry comes from; at the same instant messages come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Message,
    Note,
}

/// A place in a conversation: entries are ordered by time, then kind, then id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
pub struct ConversationCursor {
    pub at_ms: i64,
    pub kind: EntryKind,
    pub id: i64,
}

/// Where the quoted history (an earlier message the customer's mail client copied in) starts
/// in a message's plain text, as a UTF-16 offset (what the UI's strings count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct QuotedText {
    pub message_id: i64,
    pub from: u32,
}

/// A run of consecutive conversation entries, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ConversationPage {
    pub messages: Vec<Message>,
    /// Internal notes among them.
    pub notes: Vec<Note>,
    /// Entries (messages and notes) before the oldest of this page: 0 when it reaches the start.
    pub earlier: u32,
    /// Pass back for the page before this one; `None` when nothing is earlier.
    pub before: Option<ConversationCursor>,
    /// The messages of this page whose plain text ends in quoted history.
    pub quoted: Vec<QuotedText>,
}

/// A side conversation with an internal team and its messages, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SideThread {
    pub conversation: SideConversation,
    pub messages: Vec<SideMessage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ViewCount {
    pub view: ViewKey,
    pub count: i64,
}

/// Where the cache stands against the server's feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SyncPosition {
    /// The server feed the cursor belongs to; `None` before the first page.
    pub feed_id: Option<String>,
    pub cursor: i64,
    pub head: i64,
    /// The feed's horizon as of the last applied page (`ChangePage::horizon`).
    pub horizon: Option<i64>,
    pub synced_at: Option<DateTime<Utc>>,
}
