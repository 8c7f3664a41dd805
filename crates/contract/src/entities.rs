//! The support domain's entities as the API serves them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

pub type AgentId = i64;
pub type CustomerId = i64;
pub type TicketId = i64;
pub type MessageId = i64;

/// How the customer reached us. A ticket is one conversation on one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
// `Channel` is taken by Tauri's IPC channels in the generated TypeScript.
#[serde(rename = "TicketChannel")]
pub enum Channel {
    Email,
    Chat,
}

/// What the conversation is about (DOMAIN.md, "Ticket kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    Inquiry,
    /// Complaint or feedback about the product, marketing, website or platform.
    Complaint,
    TradeDispute,
    CardChargeback,
    /// Account takeover, scam or unauthorized withdrawal.
    FraudClaim,
    P2pDispute,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    New,
    Open,
    /// Waiting on the customer.
    Pending,
    /// Waiting on an internal team.
    OnHold,
    Solved,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AgentRole {
    Agent,
    Supervisor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    Customer,
    Agent,
    System,
}

/// A member of the support staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Agent {
    pub id: AgentId,
    pub name: String,
    pub email: String,
    pub role: AgentRole,
    /// The team (and queue) the agent works in, e.g. `payments`.
    pub team: String,
    /// Languages the agent answers in, as BCP 47 tags.
    pub languages: Vec<String>,
}

/// A customer of the exchange, as far as the desk needs to know them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Customer {
    pub id: CustomerId,
    /// The exchange's account number, the one customers quote (e.g. `UID 48213391`).
    pub account_id: String,
    pub name: String,
    pub email: String,
    /// Preferred language, BCP 47.
    pub language: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub created_at: DateTime<Utc>,
}

/// One customer conversation on one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Ticket {
    pub id: TicketId,
    pub channel: Channel,
    pub kind: TicketKind,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    /// The queue (owning team), e.g. `payments`, `fraud`, `general`.
    pub queue: String,
    pub assignee_id: Option<AgentId>,
    pub customer_id: CustomerId,
    /// Language of the conversation, BCP 47.
    pub language: String,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Bumped on every change; updates send it back as their base version.
    pub version: i64,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Message {
    pub id: MessageId,
    pub ticket_id: TicketId,
    pub author_kind: AuthorKind,
    /// Set when an agent wrote it.
    pub author_agent_id: Option<AgentId>,
    /// Display name of the author (customer name, agent name, or the system).
    pub author_name: String,
    /// Plain text; always present, also for email (the text part or text derived from HTML).
    pub text: String,
    /// The untrusted HTML body of an email, as received. Never rendered unsanitized.
    pub html: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The idempotency key of the request that created it, so a client can match its own
    /// pending action to the stored message.
    pub client_ref: Option<String>,
}

/// `GET /v1/tickets/{id}`: a ticket with its customer and whole conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub customer: Customer,
    /// Oldest first.
    pub messages: Vec<Message>,
}
