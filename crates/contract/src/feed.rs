//! The change feed: every change the server makes gets a global, ever-increasing sequence
//! number, and clients pull "changes after N" in pages, saving N with the data.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::entities::*;

/// Which kind of entity a change or tombstone is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Agent,
    Team,
    Customer,
    Ticket,
    Message,
    Note,
    SideConversation,
    SideMessage,
    Macro,
    Article,
    ActivityEvent,
    Case,
    CaseEvent,
    Escalation,
    Sar,
    Document,
    Policy,
    AccountControls,
    ActionRequest,
    DisputeAlert,
}

impl EntityKind {
    pub const ALL: [EntityKind; 20] = [
        EntityKind::Agent,
        EntityKind::Team,
        EntityKind::Customer,
        EntityKind::Ticket,
        EntityKind::Message,
        EntityKind::Note,
        EntityKind::SideConversation,
        EntityKind::SideMessage,
        EntityKind::Macro,
        EntityKind::Article,
        EntityKind::ActivityEvent,
        EntityKind::Case,
        EntityKind::CaseEvent,
        EntityKind::Escalation,
        EntityKind::Sar,
        EntityKind::Document,
        EntityKind::Policy,
        EntityKind::AccountControls,
        EntityKind::ActionRequest,
        EntityKind::DisputeAlert,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Agent => "agent",
            EntityKind::Team => "team",
            EntityKind::Customer => "customer",
            EntityKind::Ticket => "ticket",
            EntityKind::Message => "message",
            EntityKind::Note => "note",
            EntityKind::SideConversation => "side_conversation",
            EntityKind::SideMessage => "side_message",
            EntityKind::Macro => "macro",
            EntityKind::Article => "article",
            EntityKind::ActivityEvent => "activity_event",
            EntityKind::Case => "case",
            EntityKind::CaseEvent => "case_event",
            EntityKind::Escalation => "escalation",
            EntityKind::Sar => "sar",
            EntityKind::Document => "document",
            EntityKind::Policy => "policy",
            EntityKind::AccountControls => "account_controls",
            EntityKind::ActionRequest => "action_request",
            EntityKind::DisputeAlert => "dispute_alert",
        }
    }
}

/// An entity that no longer exists, or that left the caller's view (its ticket moved to a
/// queue they do not see). Either way: drop it from the local copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tombstone {
    pub entity: EntityKind,
    pub id: i64,
}

/// The current state of one entity, or its removal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Entity {
    Agent(Agent),
    Team(Team),
    Customer(Customer),
    Ticket(Ticket),
    Message(Message),
    Note(Note),
    SideConversation(SideConversation),
    SideMessage(SideMessage),
    Macro(Macro),
    Article(Article),
    ActivityEvent(ActivityEvent),
    Case(Case),
    CaseEvent(CaseEvent),
    Escalation(Escalation),
    Sar(Sar),
    Document(Document),
    /// The policies in force; its id is always 1 (the version is inside).
    Policy(PolicySet),
    /// An account's controls; its id is the customer's.
    AccountControls(AccountControls),
    ActionRequest(ActionRequest),
    /// A pre-dispute alert from a card network's programme.
    DisputeAlert(DisputeAlert),
    Deleted(Tombstone),
}

/// The fixed id of the one policy entity.
pub const POLICY_ENTITY_ID: i64 = 1;

impl Entity {
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Agent(_) => EntityKind::Agent,
            Entity::Team(_) => EntityKind::Team,
            Entity::Customer(_) => EntityKind::Customer,
            Entity::Ticket(_) => EntityKind::Ticket,
            Entity::Message(_) => EntityKind::Message,
            Entity::Note(_) => EntityKind::Note,
            Entity::SideConversation(_) => EntityKind::SideConversation,
            Entity::SideMessage(_) => EntityKind::SideMessage,
            Entity::Macro(_) => EntityKind::Macro,
            Entity::Article(_) => EntityKind::Article,
            Entity::ActivityEvent(_) => EntityKind::ActivityEvent,
            Entity::Case(_) => EntityKind::Case,
            Entity::CaseEvent(_) => EntityKind::CaseEvent,
            Entity::Escalation(_) => EntityKind::Escalation,
            Entity::Sar(_) => EntityKind::Sar,
            Entity::Document(_) => EntityKind::Document,
            Entity::Policy(_) => EntityKind::Policy,
            Entity::AccountControls(_) => EntityKind::AccountControls,
            Entity::ActionRequest(_) => EntityKind::ActionRequest,
            Entity::DisputeAlert(_) => EntityKind::DisputeAlert,
            Entity::Deleted(t) => t.entity,
        }
    }

    /// The entity's id. Teams are keyed by slug; their feed id is a stable hash of it.
    pub fn id(&self) -> i64 {
        match self {
            Entity::Agent(a) => a.id,
            Entity::Team(t) => team_feed_id(&t.id),
            Entity::Customer(c) => c.id,
            Entity::Ticket(t) => t.id,
            Entity::Message(m) => m.id,
            Entity::Note(n) => n.id,
            Entity::SideConversation(s) => s.id,
            Entity::SideMessage(m) => m.id,
            Entity::Macro(m) => m.id,
            Entity::Article(a) => a.id,
            Entity::ActivityEvent(e) => e.id,
            Entity::Case(c) => c.id,
            Entity::CaseEvent(e) => e.id,
            Entity::Escalation(e) => e.id,
            Entity::Sar(s) => s.id,
            Entity::Document(d) => d.id,
            Entity::Policy(_) => POLICY_ENTITY_ID,
            Entity::AccountControls(c) => c.customer_id,
            Entity::ActionRequest(r) => r.id,
            Entity::DisputeAlert(a) => a.id,
            Entity::Deleted(t) => t.id,
        }
    }
}

/// A team slug as a feed id: FNV-1a, 53 bits so it survives JavaScript numbers.
pub fn team_feed_id(slug: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in slug.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash & ((1 << 53) - 1)) as i64
}

/// One entry of the feed. Only the latest change of an entity is kept, so a client that
/// fell behind downloads each entity once, in its newest state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub seq: i64,
    pub entity: Entity,
}

/// `GET /v1/changes?after=N&limit=L`: the changes the caller may see, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePage {
    /// Names this feed. It changes when the server's data is rebuilt, which makes every
    /// cursor meaningless: a client seeing a new id starts over from scratch.
    pub feed_id: String,
    pub changes: Vec<Change>,
    /// Pass as `after` to get the next page. Equal to `after` when nothing changed.
    pub next_cursor: i64,
    /// True when more changes are waiting after `next_cursor`.
    pub has_more: bool,
    /// The newest sequence number on the server when the page was read, for progress.
    pub head: i64,
    /// The oldest cursor the feed still serves with every tombstone after it (tombstones up
    /// to here were compacted away). Send it back as `horizon` with the next page.
    pub horizon: i64,
}
