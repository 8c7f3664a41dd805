//! The change feed: every change the server makes gets a global, ever-increasing sequence
//! number, and clients pull "changes after N" in pages, saving N with the data.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::entities::{Agent, Customer, Message, Ticket};

/// Which kind of entity a change or tombstone is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Agent,
    Customer,
    Ticket,
    Message,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Agent => "agent",
            EntityKind::Customer => "customer",
            EntityKind::Ticket => "ticket",
            EntityKind::Message => "message",
        }
    }
}

/// An entity that no longer exists (or left the caller's view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Tombstone {
    pub entity: EntityKind,
    pub id: i64,
}

/// The current state of one entity, or its deletion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Entity {
    Agent(Agent),
    Customer(Customer),
    Ticket(Ticket),
    Message(Message),
    Deleted(Tombstone),
}

impl Entity {
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Agent(_) => EntityKind::Agent,
            Entity::Customer(_) => EntityKind::Customer,
            Entity::Ticket(_) => EntityKind::Ticket,
            Entity::Message(_) => EntityKind::Message,
            Entity::Deleted(t) => t.entity,
        }
    }

    pub fn id(&self) -> i64 {
        match self {
            Entity::Agent(a) => a.id,
            Entity::Customer(c) => c.id,
            Entity::Ticket(t) => t.id,
            Entity::Message(m) => m.id,
            Entity::Deleted(t) => t.id,
        }
    }
}

/// One entry of the feed. Only the latest change of an entity is kept, so a client that
/// fell behind downloads each entity once, in its newest state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Change {
    pub seq: i64,
    pub entity: Entity,
}

/// `GET /v1/changes?after=N&limit=L`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
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
}
