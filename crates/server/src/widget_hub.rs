//! Live events for customers' chat widgets, per chat: each widget connection subscribes to
//! its own chat's channel only, so a thousand open widgets cost a thousand small channels,
//! not a thousand filters over every event of the desk.

use std::collections::HashMap;
use std::sync::Mutex;

use arbiter_contract::stream::Typist;
use arbiter_contract::widget::{WidgetAuthor, WidgetEvent, WidgetFile, WidgetMessage};
use arbiter_contract::{AuthorKind, Channel, Message, StreamPayload, TicketId};
use tokio::sync::broadcast;

/// Events one chat's widgets may fall behind by before they must reload the chat.
const PER_CHAT: usize = 64;

#[derive(Default)]
pub struct WidgetHub {
    chats: Mutex<HashMap<TicketId, broadcast::Sender<WidgetEvent>>>,
}

impl WidgetHub {
    /// Sends an event to the chat's open widgets (none open: nothing to do).
    pub fn send(&self, chat: TicketId, event: WidgetEvent) {
        let mut chats = self.chats.lock().expect("widget hub lock");
        if let Some(sender) = chats.get(&chat) {
            if sender.send(event).is_err() {
                chats.remove(&chat); // every widget of the chat has gone
            }
        }
    }

    pub fn subscribe(&self, chat: TicketId) -> broadcast::Receiver<WidgetEvent> {
        let mut chats = self.chats.lock().expect("widget hub lock");
        chats.entry(chat).or_insert_with(|| broadcast::channel(PER_CHAT).0).subscribe()
    }

    /// Chats with a widget listening (figures and tests).
    pub fn open_chats(&self) -> usize {
        self.chats.lock().expect("widget hub lock").values().filter(|s| s.receiver_count() > 0).count()
    }

    /// What of a desk event a chat's widget also hears: messages on a chat, and an agent
    /// typing in it.
    pub fn relay(&self, payload: &StreamPayload) {
        match payload {
            StreamPayload::MessageCreated { message, ticket: Some(ticket) } if ticket.channel == Channel::Chat => {
                self.send(ticket.id, WidgetEvent::Message { message: for_customer(message) });
            }
            StreamPayload::Typing { ticket_id, typist: Typist::Agent, typing, .. } => {
                self.send(*ticket_id, WidgetEvent::Typing { typing: *typing });
            }
            _ => {}
        }
    }
}

/// A message as the customer sees it: no agent id, envelope or delivery details.
pub fn for_customer(message: &Message) -> WidgetMessage {
    WidgetMessage {
        id: message.id,
        author: match message.author_kind {
            AuthorKind::Customer => WidgetAuthor::Customer,
            AuthorKind::Agent => WidgetAuthor::Agent,
            AuthorKind::System => WidgetAuthor::System,
        },
        author_name: message.author_name.clone(),
        text: message.text.clone(),
        files: message
            .attachments
            .iter()
            .map(|a| WidgetFile {
                name: a.name.clone(),
                content_type: a.content_type.clone(),
                size_bytes: a.size_bytes,
                sha256: a.sha256.clone(),
            })
            .collect(),
        created_at: message.created_at,
        client_id: message.client_ref.as_deref().and_then(|r| r.strip_prefix(WIDGET_REF)).map(str::to_owned),
    }
}

/// Prefix of `client_ref` on messages the widget sent: the rest is the widget's own id.
pub const WIDGET_REF: &str = "widget:";
