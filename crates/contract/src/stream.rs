//! The live stream (`GET /v1/stream`, server-sent events): what must reach the desk within a
//! second. Each event has an increasing id; a client reconnects with `Last-Event-ID` and gets
//! what it missed, or `reset` when it missed too much and must pull the feed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::entities::*;

/// Who is typing in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Typist {
    Customer,
    Agent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamPayload {
    /// A new message on a conversation the caller sees (chat and email), with the ticket as
    /// the message left it (status, clocks, last change), so desks update both at once.
    MessageCreated {
        message: Message,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ticket: Option<Box<Ticket>>,
    },
    /// A message changed after it was written: an email's delivery (sent with the mail
    /// server's queue id, failed with its answer, or bounced later).
    MessageUpdated {
        message: Message,
    },
    Typing {
        ticket_id: TicketId,
        typist: Typist,
        agent_id: Option<AgentId>,
        typing: bool,
    },
    Presence {
        agent_id: AgentId,
        presence: Presence,
        since: DateTime<Utc>,
    },
    /// A ticket's assignee or queue changed.
    Assignment {
        ticket: Ticket,
    },
    Escalation {
        escalation: Escalation,
    },
    /// A ticket changed in a way its viewers should see at once (the customer rated it).
    TicketUpdated {
        ticket: Ticket,
    },
    /// A new message in a side conversation with an internal team, with the conversation as
    /// it now stands (a team's answer reopens it; the agent may close it).
    SideMessageCreated {
        conversation: SideConversation,
        message: SideMessage,
    },
    /// A side conversation's message changed after it was written (its email's delivery),
    /// with the conversation as it now stands.
    SideMessageUpdated {
        conversation: SideConversation,
        message: SideMessage,
    },
    /// The router offered a conversation to an agent, or the offer was answered, ran out
    /// or was withdrawn (for that agent and the leads of the ticket's queue).
    Offer {
        offer: Offer,
        ticket: Box<Ticket>,
    },
    /// A request to act on an account was made or answered (for the requester, its
    /// approvers, and whoever sees the customer).
    ActionRequest {
        request: Box<ActionRequest>,
    },
    /// A pre-dispute alert arrived, was answered or ran out (for its queue's agents and
    /// whoever sees its customer).
    DisputeAlert {
        alert: Box<DisputeAlert>,
    },
    /// A shift handover was written or acknowledged (for the team's supervisors only).
    Handover {
        handover: Box<Handover>,
    },
    /// The stream cannot replay what was missed: pull the change feed, then carry on.
    Reset,
}

impl StreamPayload {
    /// The SSE `event:` name.
    pub fn event_name(&self) -> &'static str {
        match self {
            StreamPayload::MessageCreated { .. } => "message_created",
            StreamPayload::MessageUpdated { .. } => "message_updated",
            StreamPayload::Typing { .. } => "typing",
            StreamPayload::Presence { .. } => "presence",
            StreamPayload::Assignment { .. } => "assignment",
            StreamPayload::Escalation { .. } => "escalation",
            StreamPayload::TicketUpdated { .. } => "ticket_updated",
            StreamPayload::SideMessageCreated { .. } => "side_message_created",
            StreamPayload::SideMessageUpdated { .. } => "side_message_updated",
            StreamPayload::Offer { .. } => "offer",
            StreamPayload::Handover { .. } => "handover",
            StreamPayload::ActionRequest { .. } => "action_request",
            StreamPayload::DisputeAlert { .. } => "dispute_alert",
            StreamPayload::Reset => "reset",
        }
    }
}

/// One event as it travels: the SSE `id:` and the JSON `data:`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StreamEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub payload: StreamPayload,
}
