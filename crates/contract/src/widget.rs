//! The customer-facing chat widget's API (`/widget/v1/…`): separate from the agents' API,
//! with its own origin check, rate limits and a per-chat token, and shapes that carry only
//! what the customer may see (an agent's display name, never their id, notes or the
//! customer's account data).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::entities::{ChatTopic, MessageId, TicketId};

/// Path prefix of the widget's API.
pub const WIDGET_V1: &str = "/widget/v1";

/// Longest name and email the pre-chat form takes.
pub const NAME_MAX_CHARS: usize = 120;
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest rating comment.
pub const COMMENT_MAX_CHARS: usize = 2_000;
/// Longest client message id (the widget uses UUIDs).
pub const CLIENT_ID_MAX_CHARS: usize = 64;

/// What the widget needs before the customer starts: the choices of the pre-chat form and
/// whether anyone is there to answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetSettings {
    /// Languages the desk answers in (BCP 47), the widget's translations among them.
    pub languages: Vec<String>,
    pub topics: Vec<ChatTopic>,
    /// Topics whose team is staffed now; for the others the widget takes a message.
    pub staffed_topics: Vec<ChatTopic>,
    pub max_message_chars: i64,
    pub max_file_bytes: i64,
    /// Media types the widget accepts as files.
    pub file_types: Vec<String>,
    /// Whether the customer can have the transcript emailed (the server sends mail).
    #[serde(default)]
    pub transcripts: bool,
}

/// `POST /widget/v1/chats`: the pre-chat form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StartChat {
    pub name: String,
    pub email: String,
    /// BCP 47, preset from the browser.
    pub language: String,
    pub topic: ChatTopic,
    /// A signed-in exchange customer: a JWT (HS256) the company's site signed with the
    /// widget secret, with `sub` = the account id, and `exp`.
    #[serde(default)]
    pub identity_token: Option<String>,
}

/// A started chat: the token the widget keeps (in the page's session storage) to speak for
/// this chat and no other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChatSession {
    pub chat_id: TicketId,
    pub token: String,
    /// Whether the company's signed token identified the customer.
    pub verified: bool,
}

/// `POST /widget/v1/messages`: a message left when nobody can chat (an email ticket).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LeaveMessage {
    pub name: String,
    pub email: String,
    pub language: String,
    pub topic: ChatTopic,
    pub text: String,
    #[serde(default)]
    pub identity_token: Option<String>,
}

/// The ticket a left message became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageLeft {
    pub ticket_id: TicketId,
}

/// Who wrote a message, as the customer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WidgetAuthor {
    Customer,
    Agent,
    System,
}

/// A file on a chat message, as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetFile {
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content; the customer downloads it at
    /// `GET /widget/v1/chat/files/{sha256}` with the chat token.
    pub sha256: String,
}

/// A chat message as the customer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WidgetMessage {
    pub id: MessageId,
    pub author: WidgetAuthor,
    /// The agent's display name for agent messages, the customer's own name for theirs.
    pub author_name: String,
    pub text: String,
    pub files: Vec<WidgetFile>,
    pub created_at: DateTime<Utc>,
    /// The widget's own id for a message it sent (its acknowledgement).
    pub client_id: Option<String>,
}

/// Where a chat stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatPhase {
    /// Waiting for an agent to accept it.
    Waiting,
    /// An agent has joined.
    Active,
    Ended,
}

/// The customer's rating of an ended chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RateChat {
    /// 1–5.
    pub score: i64,
    #[serde(default)]
    pub comment: Option<String>,
}

/// `POST /widget/v1/chat/transcript`: where the transcript goes (the chat's email address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TranscriptRequested {
    pub to: String,
}

/// `GET /widget/v1/chat`: the whole chat, as the widget draws it after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChatState {
    pub chat_id: TicketId,
    pub phase: ChatPhase,
    /// The agent's display name, once one joined.
    pub agent_name: Option<String>,
    /// Messages after the `after` the widget gave (all of them without it), oldest first.
    pub messages: Vec<WidgetMessage>,
    /// The newest of the customer's messages the agent has seen.
    pub read_up_to: Option<MessageId>,
    /// Nobody accepted the chat within the policy's wait: the widget offers to leave a
    /// message instead.
    pub no_agent: bool,
    pub rating: Option<RateChat>,
}

/// `POST /widget/v1/chat/messages`. Sending again with the same `client_id` (after a drop
/// or a reload) answers with the message already stored, never a second one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SendChatMessage {
    pub client_id: String,
    pub text: String,
}

/// `POST /widget/v1/chat/typing`, `POST /widget/v1/chat/read`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerTyping {
    pub typing: bool,
}

/// One live event on `GET /widget/v1/chat/events` (server-sent events; the SSE `event:` is
/// the `type`). The stream opens with `state`, so nothing that happened while the widget
/// was away is missed; messages carry their id, so nothing is shown twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WidgetEvent {
    State { state: ChatState },
    Message { message: WidgetMessage },
    Typing { typing: bool },
    AgentJoined { agent_name: String },
    Read { up_to: MessageId },
    NoAgent,
    Ended,
}

impl WidgetEvent {
    /// The SSE `event:` name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::State { .. } => "state",
            WidgetEvent::Message { .. } => "message",
            WidgetEvent::Typing { .. } => "typing",
            WidgetEvent::AgentJoined { .. } => "agent_joined",
            WidgetEvent::Read { .. } => "read",
            WidgetEvent::NoAgent => "no_agent",
            WidgetEvent::Ended => "ended",
        }
    }
}

/// `POST /widget/v1/chat/files` query: the file's name and the widget's id for the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ChatFileUpload {
    pub name: String,
    pub client_id: String,
}

/// `?after=`: only messages after this id (the newest the widget has).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ChatQuery {
    #[serde(default)]
    pub after: Option<MessageId>,
}
