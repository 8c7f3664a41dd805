//! Live events for customers' chat widgets, per chat: each widget connection subscribes to
//! its own chat's channel only, so a thousand open widgets cost a thousand small channels,
//! not a thousand filters over every event of the desk.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use arbiter_contract::stream::Typist;
use arbiter_contract::widget::{WidgetAuthor, WidgetEvent, WidgetFile, WidgetMessage};
use arbiter_contract::{AuthorKind, Channel, Message, StreamPayload, TicketId};
use tokio::sync::broadcast;

/// Events one chat's widgets may fall behind by before they must reload the chat.
const PER_CHAT: usize = 64;

/// How many subscriptions between sweeps of the channels nobody listens to any more.
const SWEEP_EVERY: u64 = 256;

/// Open event streams one chat may have (a few tabs of the same site), and by default one
/// address (an office behind one NAT; `--widget-streams-per-address`): past these, a flood
/// of streams is refused, not held open.
pub const STREAMS_PER_CHAT: usize = 8;
pub const STREAMS_PER_ADDRESS: usize = 200;

#[derive(Default)]
pub struct WidgetHub {
    chats: Mutex<HashMap<TicketId, broadcast::Sender<WidgetEvent>>>,
    subscriptions: std::sync::atomic::AtomicU64,
    by_address: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooManyStreams {
    Chat,
    Address,
}

/// An open stream's place in its address's count, given back when the stream ends.
pub struct StreamSlot {
    by_address: Arc<Mutex<HashMap<IpAddr, usize>>>,
    address: Option<IpAddr>,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let Some(address) = self.address else { return };
        let mut counts = self.by_address.lock().expect("widget hub lock");
        if let Some(n) = counts.get_mut(&address) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&address);
            }
        }
    }
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

    /// A new event stream of `chat` for a widget at `address`, within the caps.
    pub fn open_stream(
        &self,
        chat: TicketId,
        address: Option<IpAddr>,
        per_address: usize,
    ) -> Result<(broadcast::Receiver<WidgetEvent>, StreamSlot), TooManyStreams> {
        let open = self.chats.lock().expect("widget hub lock").get(&chat).map_or(0, |s| s.receiver_count());
        if open >= STREAMS_PER_CHAT {
            return Err(TooManyStreams::Chat);
        }
        if let Some(address) = address {
            let mut counts = self.by_address.lock().expect("widget hub lock");
            let n = counts.entry(address).or_default();
            if *n >= per_address {
                return Err(TooManyStreams::Address);
            }
            *n += 1;
        }
        let slot = StreamSlot { by_address: self.by_address.clone(), address };
        Ok((self.subscribe(chat), slot))
    }

    pub fn subscribe(&self, chat: TicketId) -> broadcast::Receiver<WidgetEvent> {
        let mut chats = self.chats.lock().expect("widget hub lock");
        // Widgets that went away leave their chat's channel behind until something is sent
        // to it; now and then the silent ones go, so a day of chats does not add up.
        let n = self.subscriptions.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if n % SWEEP_EVERY == SWEEP_EVERY - 1 {
            chats.retain(|_, sender| sender.receiver_count() > 0);
        }
        chats.entry(chat).or_insert_with(|| broadcast::channel(PER_CHAT).0).subscribe()
    }

    /// Channels kept (figures and tests).
    pub fn channels(&self) -> usize {
        self.chats.lock().expect("widget hub lock").len()
    }

    /// Chats with a widget listening (figures and tests).
    pub fn open_chats(&self) -> usize {
        self.chats.lock().expect("widget hub lock").values().filter(|s| s.receiver_count() > 0).count()
    }

    /// Sends the chat's widgets what they hear of a desk event.
    pub fn relay(&self, payload: &StreamPayload) {
        if let Some((chat, event)) = Self::relayed(payload) {
            self.send(chat, event);
        }
    }

    /// What of a desk event a chat's widget also hears: messages on a chat, and an agent
    /// typing in it.
    pub fn relayed(payload: &StreamPayload) -> Option<(TicketId, WidgetEvent)> {
        match payload {
            StreamPayload::MessageCreated { message, ticket: Some(ticket) } if ticket.channel == Channel::Chat => {
                Some((ticket.id, WidgetEvent::Message { message: for_customer(message) }))
            }
            StreamPayload::Typing { ticket_id, typist: Typist::Agent, typing, .. } => {
                Some((*ticket_id, WidgetEvent::Typing { typing: *typing }))
            }
            _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_of_chats_nobody_listens_to_are_swept() {
        let hub = WidgetHub::default();
        for chat in 0..SWEEP_EVERY as i64 - 1 {
            drop(hub.subscribe(chat));
        }
        assert_eq!(hub.channels(), SWEEP_EVERY as usize - 1);
        let kept = hub.subscribe(10_000);
        assert_eq!(hub.channels(), 1, "the sweep left only the chat being listened to");
        hub.send(10_000, WidgetEvent::Ended);
        drop(kept);
        hub.send(10_000, WidgetEvent::Ended);
        assert_eq!(hub.channels(), 0, "a send to a chat nobody hears drops its channel");
    }

    #[test]
    fn streams_are_capped_per_chat_and_per_address_and_given_back() {
        let hub = WidgetHub::default();
        let home: IpAddr = "203.0.113.7".parse().unwrap();
        let tabs: Vec<_> =
            (0..STREAMS_PER_CHAT).map(|_| hub.open_stream(1, Some(home), STREAMS_PER_ADDRESS).unwrap()).collect();
        assert_eq!(hub.open_stream(1, Some(home), STREAMS_PER_ADDRESS).err(), Some(TooManyStreams::Chat));
        drop(tabs);
        assert!(hub.open_stream(1, Some(home), STREAMS_PER_ADDRESS).is_ok(), "closed tabs give their places back");

        let office: IpAddr = "198.51.100.1".parse().unwrap();
        let many: Vec<_> = (0..STREAMS_PER_ADDRESS as i64)
            .map(|chat| hub.open_stream(100 + chat, Some(office), STREAMS_PER_ADDRESS).unwrap())
            .collect();
        assert_eq!(hub.open_stream(9_999, Some(office), STREAMS_PER_ADDRESS).err(), Some(TooManyStreams::Address));
        assert!(hub.open_stream(9_999, Some(home), STREAMS_PER_ADDRESS).is_ok(), "another address is not affected");
        drop(many);
        assert!(hub.open_stream(9_999, Some(office), STREAMS_PER_ADDRESS).is_ok());
        assert!(hub.by_address.lock().unwrap().get(&office).is_none_or(|n| *n <= 1));
    }
}
