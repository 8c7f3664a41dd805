//! The live stream's hub: events fan out to every connected desk that may see them, and the
//! most recent ones are kept so a desk that reconnects with `Last-Event-ID` gets what it
//! missed (or a `reset` when it missed more than is kept).
//!
//! One instance (SQLite) numbers and sends its events itself. Instances sharing a PostgreSQL
//! database hand them to the stream bus (`cluster::bus`) instead, which numbers them in the
//! cluster's order and gives every instance's hub all of them, its own included.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use arbiter_contract::widget::WidgetEvent;
use arbiter_contract::{StreamEvent, StreamPayload, TicketId};
use chrono::Utc;
use tokio::sync::broadcast;

use crate::cluster::bus::Bus;
use crate::store::{Scope, Visibility};

/// How many recent events are kept for replay.
pub const REPLAY_CAPACITY: usize = 10_000;

/// An event ready to send: its JSON once, and who may see it.
#[derive(Debug)]
pub struct Published {
    pub id: i64,
    pub name: Cow<'static, str>,
    pub json: String,
    pub scopes: Vec<Scope>,
}

impl Published {
    pub fn visible_to(&self, who: &Visibility) -> bool {
        self.scopes.iter().any(|scope| who.sees(scope))
    }
}

pub struct Hub {
    /// Customers' chat widgets hear what concerns their chat.
    pub widgets: crate::widget_hub::WidgetHub,
    sender: broadcast::Sender<Arc<Published>>,
    recent: Mutex<VecDeque<Arc<Published>>>,
    next_id: AtomicI64,
    /// Set when instances share the database: events go through it.
    bus: OnceLock<Bus>,
}

impl Default for Hub {
    fn default() -> Self {
        Self::new()
    }
}

impl Hub {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(4_096);
        // Ids start from the clock, so they keep increasing across restarts and a desk's
        // Last-Event-ID from before a restart is recognised as older than everything kept.
        let start = Utc::now().timestamp_millis() * 1_000;
        Self {
            widgets: Default::default(),
            sender,
            recent: Mutex::new(VecDeque::with_capacity(REPLAY_CAPACITY)),
            next_id: AtomicI64::new(start),
            bus: OnceLock::new(),
        }
    }

    /// Sends events through `bus` from now on; `next_id` is the id the bus gives next.
    pub(crate) fn attach(&self, bus: Bus, next_id: i64) {
        self.next_id.store(next_id, Ordering::SeqCst);
        if self.bus.set(bus).is_err() {
            panic!("a hub is attached to one bus");
        }
    }

    pub(crate) fn bus(&self) -> Option<&Bus> {
        self.bus.get()
    }

    pub fn publish(&self, payload: StreamPayload, scopes: Vec<Scope>) {
        if let Some(bus) = self.bus.get() {
            return bus.publish(payload, scopes);
        }
        self.widgets.relay(&payload);
        let mut recent = self.recent.lock().expect("hub lock");
        // Ids are taken under the lock so the replay buffer stays in id order.
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let event = StreamEvent { id, at: Utc::now(), payload };
        let published = Published {
            id,
            name: Cow::Borrowed(event.payload.event_name()),
            json: serde_json::to_string(&event).expect("stream events serialize"),
            scopes,
        };
        Self::keep_and_send(&mut recent, &self.sender, published);
    }

    /// Sends an event to a chat's open widgets, on whichever instance they are connected to.
    pub fn tell_widgets(&self, chat: TicketId, event: WidgetEvent) {
        match self.bus.get() {
            Some(bus) => bus.tell_widgets(chat, event),
            None => self.widgets.send(chat, event),
        }
    }

    /// An event as the bus numbered it, in the cluster's order.
    pub(crate) fn deliver(&self, published: Published) {
        let mut recent = self.recent.lock().expect("hub lock");
        self.next_id.fetch_max(published.id + 1, Ordering::SeqCst);
        Self::keep_and_send(&mut recent, &self.sender, published);
    }

    /// The bus went past `id` (an event for widgets only).
    pub(crate) fn passed(&self, id: i64) {
        self.next_id.fetch_max(id + 1, Ordering::SeqCst);
    }

    fn keep_and_send(
        recent: &mut VecDeque<Arc<Published>>,
        sender: &broadcast::Sender<Arc<Published>>,
        published: Published,
    ) {
        let published = Arc::new(published);
        if recent.len() == REPLAY_CAPACITY {
            recent.pop_front();
        }
        recent.push_back(published.clone());
        // No receivers is fine: nobody is connected.
        let _ = sender.send(published);
    }

    /// Subscribes, and says what to replay first: the kept events after `last_event_id`, or
    /// `None` when events after it were already dropped (the desk must pull the feed).
    pub fn subscribe(
        &self,
        last_event_id: Option<i64>,
    ) -> (broadcast::Receiver<Arc<Published>>, Option<Vec<Arc<Published>>>) {
        let recent = self.recent.lock().expect("hub lock");
        let receiver = self.sender.subscribe();
        let Some(last) = last_event_id else {
            return (receiver, Some(Vec::new()));
        };
        let newest = self.next_id.load(Ordering::SeqCst) - 1;
        let oldest_kept = recent.front().map_or(newest + 1, |p| p.id);
        if last > newest || last + 1 < oldest_kept {
            return (receiver, None);
        }
        (receiver, Some(recent.iter().filter(|p| p.id > last).cloned().collect()))
    }

    /// As `subscribe`, and where this instance did not keep what a desk missed (it started
    /// since, or the desk came from an instance ahead of this one), the bus's record replays
    /// it. The replay may overlap what the receiver then brings: skip ids already sent.
    pub async fn resume(
        &self,
        last_event_id: Option<i64>,
    ) -> (broadcast::Receiver<Arc<Published>>, Option<Vec<Arc<Published>>>) {
        let (receiver, kept) = self.subscribe(last_event_id);
        match (kept, self.bus.get(), last_event_id) {
            (None, Some(bus), Some(last)) => (receiver, bus.replay(last).await),
            (kept, _, _) => (receiver, kept),
        }
    }

    /// Returns once everything published before the call was sent to this hub's desks
    /// (at once on one instance; across the bus, when it came back).
    pub async fn caught_up(&self) {
        if let Some(bus) = self.bus.get() {
            if let Err(error) = bus.caught_up(self).await {
                tracing::warn!(%error, "could not wait for the stream bus");
            }
        }
    }

    /// The id the next event will get (tests).
    pub fn next_id(&self) -> i64 {
        self.next_id.load(Ordering::SeqCst)
    }
}
