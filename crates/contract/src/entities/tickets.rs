use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CaseId, ChatTopic, CustomerId, EscalationLevel, MessageId, RoutingReason, TicketId};

/// How the customer reached us. A ticket is one conversation on one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
// `Channel` is taken by Tauri's IPC channels in the generated TypeScript.
#[serde(rename = "TicketChannel")]
#[cfg_attr(feature = "openapi", schema(as = TicketChannel))]
pub enum Channel {
    Email,
    Chat,
}

/// What the conversation is about (DOMAIN.md, "Ticket kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

impl TicketStatus {
    /// Still needs work from somebody (not solved or closed).
    pub fn is_active(self) -> bool {
        !matches!(self, TicketStatus::Solved | TicketStatus::Closed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    Customer,
    Agent,
    System,
}

/// The ticket's service-level clocks, as the server computed them from the SLA policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketSla {
    /// When the first answer is due; kept after it was given, for reporting.
    pub first_response_due_at: Option<DateTime<Utc>>,
    pub first_responded_at: Option<DateTime<Utc>>,
    /// When the customer's latest unanswered message must be answered; none while we are
    /// not the ones expected to speak.
    pub next_response_due_at: Option<DateTime<Utc>>,
    pub resolution_due_at: Option<DateTime<Utc>>,
    /// Since when the clocks stand still: the ticket is pending, waiting on the customer.
    /// When it moves on, the deadlines move by the time it waited.
    #[serde(default)]
    pub paused_at: Option<DateTime<Utc>>,
}

/// One customer conversation on one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    pub sla: TicketSla,
    pub escalation_level: EscalationLevel,
    /// The investigation this ticket belongs to, if any.
    pub case_id: Option<CaseId>,
    /// What the customer said the chat is about (the widget's pre-chat form).
    #[serde(default)]
    pub topic: Option<ChatTopic>,
    /// Why the router gave it to its assignee, when it did.
    #[serde(default)]
    pub routed: Option<RoutingReason>,
    /// The customer's rating of the conversation, once given.
    #[serde(default)]
    pub csat: Option<Csat>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub solved_at: Option<DateTime<Utc>>,
    /// Bumped on every change; updates send it back in `If-Match`.
    pub version: i64,
}

/// The tag on a conversation whose customer only said who they are (an email address typed
/// into the chat widget), unconfirmed by the company's sign-in.
pub const UNVERIFIED_SENDER_TAG: &str = "unverified-sender";

impl Ticket {
    /// Whether the customer's identity is unconfirmed: the account it is filed under may not
    /// be theirs, so nothing about that account is discussed before they prove it.
    pub fn sender_unverified(&self) -> bool {
        self.tags.iter().any(|t| t == UNVERIFIED_SENDER_TAG)
    }
}

/// A file attached to a message. The content is stored by the mail or chat system; the desk
/// shows what it is and never opens it by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, hex. The bytes are at `GET /v1/attachments/{sha256}`.
    pub sha256: String,
    /// The `Content-ID` (without brackets) of an image the email's HTML shows as `cid:`.
    #[serde(default)]
    pub content_id: Option<String>,
}

/// What could not be read of an email as it was sent; shown on the message so the agent
/// knows to look at the original (kept whole on the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MailWarning {
    /// The MIME structure is broken (a missing boundary, a cut-off part); what follows the
    /// break may be missing.
    Malformed,
    /// A text part's declared charset did not fit its bytes; it was read as `used`.
    CharsetGuessed { declared: String, used: String },
    /// The HTML body was too big to show; it is attached as `message.html`.
    HtmlTooLarge { bytes: i64 },
    /// The text was cut at this many characters.
    TextTruncated { chars: i64 },
    /// More attachments than one message keeps; these are only in the original.
    TooManyAttachments { dropped: i64 },
    /// An attachment over the size limit; only in the original.
    AttachmentTooLarge { name: String, bytes: i64 },
    /// The email had no Message-ID; one was made from its content.
    NoMessageId,
    /// A header held line breaks or control characters (an injection attempt or a broken
    /// mailer); they were replaced by spaces.
    ControlCharactersInHeader { header: String },
    /// No sender address could be read.
    NoSender,
}

/// Where an email the desk sent stands with the mail server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting to be handed to the mail server (or to be tried again after a 4xx answer).
    Queued,
    /// The mail server took it (`detail`: its queue id).
    Sent,
    /// The mail server refused it, or it bounced (`detail`: the server's words).
    Failed,
}

/// An outgoing email's delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub state: DeliveryState,
    /// The queue id of a sent email, the SMTP answer of a refused or deferred one.
    pub detail: Option<String>,
    /// Tries so far.
    pub attempts: i64,
    pub updated_at: DateTime<Utc>,
}

/// Envelope of an email message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailEnvelope {
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// The RFC 5322 Message-ID.
    pub message_id: String,
}

/// One message of a conversation, visible to the customer (unlike notes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    pub email: Option<EmailEnvelope>,
    pub attachments: Vec<Attachment>,
    /// What could not be read of an email as sent (empty for nearly every message).
    #[serde(default)]
    pub mail_warnings: Vec<MailWarning>,
    /// For an email the desk sends: where it stands with the mail server.
    #[serde(default)]
    pub delivery: Option<Delivery>,
    pub created_at: DateTime<Utc>,
    /// The idempotency key of the request that created it, so a client can match its own
    /// pending action to the stored message.
    pub client_ref: Option<String>,
}

/// An internal note on a ticket: agents only, never shown to the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    pub id: i64,
    pub ticket_id: TicketId,
    pub author_agent_id: AgentId,
    pub author_name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub client_ref: Option<String>,
    /// Files an agent attached (the bytes at `GET /v1/attachments/{sha256}`).
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SideConversationStatus {
    Open,
    Closed,
}

/// A thread about a ticket, out of the customer's sight: with an internal team (product,
/// marketing, compliance, risk, payments), or by email with someone outside (a forward).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SideConversation {
    pub id: i64,
    pub ticket_id: TicketId,
    /// The internal team asked; `email` for a thread by email with `email_to`.
    pub team: String,
    pub subject: String,
    pub status: SideConversationStatus,
    pub created_by: AgentId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// The outside address a thread by email is with (a bank, a card network); the desk's
    /// messages in it are mailed there and its answers join it.
    #[serde(default)]
    pub email_to: Option<String>,
}

/// A message in a side conversation, from the desk, the internal team or the outside party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SideMessage {
    pub id: i64,
    pub side_conversation_id: i64,
    pub ticket_id: TicketId,
    /// The agent who wrote it; none when the internal team (or the outside party) answered.
    pub author_agent_id: Option<AgentId>,
    pub author_name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub client_ref: Option<String>,
    /// Files going with it by email (a forward carries the forwarded message's), or that the
    /// outside party sent; the bytes at `GET /v1/attachments/{sha256}`.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// In a thread by email, for the desk's messages: where it stands with the mail server.
    #[serde(default)]
    pub delivery: Option<Delivery>,
}

/// `POST /v1/tickets`'s answer: the new ticket and its first message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartedConversation {
    pub ticket: super::Ticket,
    pub message: Message,
}

/// `GET /v1/tickets/{id}`: a ticket with its customer and everything said on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketDetail {
    pub ticket: super::Ticket,
    pub customer: super::Customer,
    /// Oldest first.
    pub messages: Vec<Message>,
    pub notes: Vec<Note>,
    pub side_conversations: Vec<SideConversation>,
    pub side_messages: Vec<SideMessage>,
}

/// A customer's satisfaction rating of a conversation (CSAT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Csat {
    /// 1 (very unsatisfied) to 5 (very satisfied).
    pub score: i64,
    pub comment: Option<String>,
    pub rated_at: DateTime<Utc>,
    /// The agent the conversation was with when it was rated.
    pub agent_id: Option<AgentId>,
}
