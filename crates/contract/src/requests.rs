//! Request bodies and query parameters of API v1.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use specta::Type;

use crate::entities::*;

/// The most changes one feed page may hold.
pub const FEED_MAX_LIMIT: u32 = 5_000;
/// Page size when the client does not ask for one.
pub const FEED_DEFAULT_LIMIT: u32 = 1_000;
/// Longest reply, note or side message accepted, in characters.
pub const REPLY_MAX_CHARS: usize = 50_000;
/// Largest document accepted by the store, in bytes.
pub const DOCUMENT_MAX_BYTES: usize = 25 * 1024 * 1024;

/// Tells "absent" (`None`: leave as is) from `null` (`Some(None)`: clear it) in a patch.
pub fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `GET /v1/changes` query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct FeedQuery {
    /// Return changes after this sequence number (0 for everything).
    #[serde(default)]
    pub after: i64,
    /// Page size, 1–5000 (default 1000).
    pub limit: Option<u32>,
    /// The `horizon` of the last page the client applied. A cursor below the feed's horizon
    /// is refused (`cursor_expired`) unless the horizon is still this one: tombstones were
    /// compacted since the client's last page, and it may hold what they removed. A sync
    /// from scratch sends the first page's, so compaction before it began does not stop it.
    pub horizon: Option<i64>,
}

/// `GET /v1/stream` query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct StreamQuery {
    /// The id of the last event received, for clients that cannot set `Last-Event-ID`.
    pub last_event_id: Option<i64>,
}

/// `POST /v1/tickets/{id}/replies`: an answer to the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostReply {
    /// The reply as plain text; the server renders the email HTML part from it.
    pub body: String,
    /// Files going with it (uploaded first with `POST /v1/attachments`); an email reply
    /// carries them as attachments.
    #[serde(default)]
    pub attachments: Vec<OutgoingFile>,
}

/// A file going out with a reply or a note, uploaded first, named by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutgoingFile {
    /// Hex, lower-case, as `POST /v1/attachments` answered.
    pub sha256: String,
    /// The name the customer sees, e.g. `refund-confirmation.pdf`.
    pub name: String,
}

/// The most files a reply or a note carries.
pub const MAX_OUTGOING_FILES: usize = 10;
/// The most bytes of files a reply or a note carries (what mail providers commonly accept).
pub const MAX_OUTGOING_BYTES: i64 = 25 * 1024 * 1024;

/// `POST /v1/attachments?name=…` query; the body is the file, `X-Content-SHA256` its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AttachmentUpload {
    /// File name, e.g. `refund-confirmation.pdf`.
    pub name: String,
}

/// `POST /v1/tickets/{id}/notes`: an internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostNote {
    pub body: String,
    /// Files going with it (uploaded first with `POST /v1/attachments`).
    #[serde(default)]
    pub attachments: Vec<OutgoingFile>,
}

/// `POST /v1/tickets`: the agent writes first. A new email conversation with a customer,
/// mailed from the queue's mailbox; the customer's answer threads into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartEmailConversation {
    /// Who it is written to (their address on file).
    pub customer_id: CustomerId,
    /// A support queue; the new ticket belongs to it, assigned to the writer.
    pub queue: String,
    pub subject: String,
    pub body: String,
    /// Files going with it (uploaded first with `POST /v1/attachments`).
    #[serde(default)]
    pub attachments: Vec<OutgoingFile>,
}

/// `POST /v1/tickets/{id}/forwards`: forwards one of the ticket's messages by email to someone
/// outside (a bank, a card network), as a side conversation by email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForwardMessage {
    /// The message forwarded, with its files.
    pub message_id: MessageId,
    /// One plain address, e.g. `chargebacks@bank.example`.
    pub to: String,
    /// The agent's note above the forwarded message (may be empty).
    #[serde(default)]
    pub body: String,
}

/// `POST /v1/tickets/{id}/side-conversations`: ask an internal team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateSideConversation {
    /// An internal team: `product`, `marketing`, `compliance`, `risk`, `payments`.
    pub team: String,
    pub subject: String,
    pub body: String,
}

/// `POST /v1/side-conversations/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostSideMessage {
    pub body: String,
    /// Close the side conversation with this message.
    #[serde(default)]
    pub close: bool,
}

/// `PATCH /v1/tickets/{id}` (with `If-Match: <version>`): only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// A number assigns; `null` unassigns; absent leaves it.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>, nullable))]
    #[specta(type = Option<Option<AgentId>>, optional)]
    pub assignee_id: Option<Option<AgentId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    /// The complete new tag list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Tags added to whatever the ticket has (after `tags`, if both are given): how a bulk
    /// action tags many tickets without erasing their own tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_tags: Vec<String>,
}

impl TicketUpdate {
    pub fn is_empty(&self) -> bool {
        self == &TicketUpdate::default()
    }
}

/// `POST /v1/tickets/bulk` (supervisors): one update applied to many tickets at their
/// current versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkTicketUpdate {
    pub ticket_ids: Vec<TicketId>,
    pub update: TicketUpdate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkTicketResult {
    pub updated: Vec<Ticket>,
    /// Tickets that could not be changed, with why.
    pub failed: Vec<BulkFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkFailure {
    pub ticket_id: TicketId,
    pub message: String,
}

/// `POST /v1/tickets/{id}/typing`: an agent started or stopped typing (not stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Typing {
    pub typing: bool,
}

/// `POST /v1/tickets/{id}/seen`: the agent has seen the conversation up to this message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SeenUpTo {
    pub up_to: MessageId,
}

/// `POST /v1/inbound/tickets/{id}/messages`: the customer wrote on a ticket (sent by the
/// company's chat widget or mail gateway).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboundMessage {
    pub text: String,
    /// The email's HTML as received (untrusted; desks sanitize it before showing it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

/// `POST /v1/inbound/side-conversations/{id}/messages`: an internal team answered (sent by
/// the tool the team works in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboundSideMessage {
    /// Who answered, as the team's tool names them (e.g. "Lena · Compliance").
    pub author_name: String,
    pub text: String,
}

/// `PUT /v1/me/presence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetPresence {
    pub presence: Presence,
}

/// The card side of a new chargeback case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCardDispute {
    pub network: CardNetwork,
    pub reason_code: String,
    pub card_last4: String,
    pub transaction_date: NaiveDate,
    pub filed_at: DateTime<Utc>,
}

/// `POST /v1/cases`: open an investigation from a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateCase {
    pub kind: CaseKind,
    pub ticket_id: TicketId,
    pub amount_minor: i64,
    pub currency: String,
    pub card: Option<NewCardDispute>,
    pub summary: String,
}

/// `PATCH /v1/cases/{id}` (with `If-Match`): only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CaseStatus>,
    /// Chargebacks: move to another network stage (due dates follow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<ChargebackStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<CaseDecision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>, nullable))]
    #[specta(type = Option<Option<AgentId>>, optional)]
    pub assignee_id: Option<Option<AgentId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered_usd_cents: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_usd_cents: Option<i64>,
}

/// `POST /v1/cases/{id}/evidence` (with `If-Match`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddEvidence {
    pub kind: EvidenceKind,
    pub title: String,
    pub description: String,
    pub reference_id: Option<i64>,
    /// The reason code's checklist items it answers (chargebacks).
    #[serde(default)]
    pub checklist: Vec<String>,
}

/// `POST /v1/tickets/{id}/escalations`: raise a ticket up the matrix by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Escalate {
    pub level: EscalationLevel,
    pub reason: EscalationReason,
    pub detail: String,
    /// Defaults to the ticket's team.
    pub target_team: Option<String>,
}

/// `POST /v1/sars`: start a suspicious-activity report (a draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateSar {
    pub subject_customer_id: CustomerId,
    #[serde(default)]
    pub linked_customer_ids: Vec<CustomerId>,
    #[serde(default)]
    pub activity_event_ids: Vec<i64>,
    #[serde(default)]
    pub rules_fired: Vec<i64>,
    pub risk_score: Option<f64>,
    pub narrative: String,
    pub case_id: Option<CaseId>,
}

/// `PATCH /v1/sars/{id}` (with `If-Match`): edit a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SarUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_customer_ids: Option<Vec<CustomerId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_event_ids: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_fired: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
}

/// `POST /v1/documents?name=…&case_id=…` query; the body is the file itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DocumentUpload {
    /// File name, e.g. `case-5012-report.pdf`.
    pub name: String,
    pub case_id: Option<CaseId>,
}

/// `PUT /v1/policies` (supervisors, with `If-Match: <version>`): a new policy version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyUpdate {
    pub sla: SlaPolicy,
    pub escalation: EscalationMatrix,
    pub risk: RiskPolicy,
    /// Left out: the routing in force stays.
    #[serde(default)]
    pub routing: Option<RoutingPolicy>,
    /// Left out: the account-action rules in force stay.
    #[serde(default)]
    pub actions: Option<ActionPolicy>,
    /// Left out: the rebuttal letters in force stay.
    #[serde(default)]
    pub disputes: Option<DisputePolicy>,
    /// Left out: the pre-dispute alert rules in force stay.
    #[serde(default)]
    pub alerts: Option<AlertPolicy>,
}

/// `GET /v1/audit` query (supervisors).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    pub entity_kind: Option<String>,
    pub entity_id: Option<i64>,
    pub actor_id: Option<AgentId>,
    /// Entries with a smaller id (for paging back).
    pub before: Option<i64>,
    pub limit: Option<u32>,
}

/// `GET /v1/supervisor/quarantine` query: newest first, a page at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct QuarantineQuery {
    /// Entries with a smaller id (for paging back).
    pub before: Option<i64>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u32>,
}

/// Load of one support queue, for the supervisor overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueStats {
    pub queue: String,
    pub new: i64,
    pub open: i64,
    pub pending: i64,
    pub on_hold: i64,
    pub unassigned: i64,
    /// The active ticket whose customer has waited longest for us.
    pub oldest_waiting_since: Option<DateTime<Utc>>,
    pub oldest_waiting_ticket_id: Option<TicketId>,
    pub sla_breached: i64,
    /// Waiting on us with a clock due within the at-risk window (30 min), not yet missed.
    #[serde(default)]
    pub sla_at_risk: i64,
    pub open_escalations: i64,
    /// Open escalations by level: L1, L2, L3.
    #[serde(default)]
    pub open_escalations_by_level: [i64; 3],
    /// When the oldest open escalation was raised.
    #[serde(default)]
    pub oldest_escalation_at: Option<DateTime<Utc>>,
}

/// `POST /v1/handovers` (supervisors): hand a team's shift over. The server takes the
/// team's numbers and work as they stand; the lead adds words and per-ticket notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewHandover {
    pub team: TeamId,
    pub shift_started_at: DateTime<Utc>,
    pub summary: String,
    /// Notes on particular tickets of the team's queue.
    #[serde(default)]
    pub notes: Vec<HandoverNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandoverNote {
    pub ticket_id: TicketId,
    pub note: String,
}

/// `GET /v1/handovers` query (supervisors): newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct HandoverQuery {
    /// One of the caller's teams; all of them when absent.
    pub team: Option<String>,
    /// At most 100; 20 when absent.
    pub limit: Option<u32>,
}

/// An agent's load, for the supervisor overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentLoad {
    pub agent_id: AgentId,
    pub name: String,
    pub team: String,
    pub presence: Presence,
    pub active_tickets: i64,
    /// New or open chats and emails assigned to them, chats offered and not yet answered,
    /// and their capacity per channel (the routing policy).
    #[serde(default)]
    pub open_chats: i64,
    #[serde(default)]
    pub open_emails: i64,
    #[serde(default)]
    pub offered_chats: i64,
    #[serde(default)]
    pub chat_capacity: i64,
    #[serde(default)]
    pub email_capacity: i64,
}

/// A conversation waiting for the router to place it (in the supervisor's queues).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingConversation {
    pub ticket_id: TicketId,
    pub channel: Channel,
    pub queue: String,
    pub language: String,
    pub topic: Option<ChatTopic>,
    pub waiting_since: DateTime<Utc>,
    /// The agent it is offered to right now, if any.
    pub offered_to: Option<AgentId>,
    /// Agents who declined it or let it run out.
    pub passed_over: i64,
}

/// `GET /v1/supervisor/overview` (supervisors): their teams right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupervisorOverview {
    pub queues: Vec<QueueStats>,
    pub agents: Vec<AgentLoad>,
    /// Chats (and, by policy, emails) waiting for the router, oldest first.
    #[serde(default)]
    pub waiting: Vec<WaitingConversation>,
    pub at: DateTime<Utc>,
}
