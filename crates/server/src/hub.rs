//! The live stream's hub: events fan out to every connected desk that may see them, and the
//! most recent ones are kept so a desk that reconnects with `Last-Event-ID` gets what it
//! missed (or a `reset` when it missed more than is kept).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use arbiter_contract::{StreamEvent, StreamPayload};
use chrono::Utc;
use tokio::sync::broadcast;

use crate::store::{Scope, Visibility};

/// How many recent events are kept for replay.
pub const REPLAY_CAPACITY: usize = 10_000;

/// An event ready to send: its JSON once, and who may see it.
#[derive(Debug)]
pub struct Published {
    pub id: i64,
    pub name: &'static str,
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
        }
    }

    pub fn publish(&self, payload: StreamPayload, scopes: Vec<Scope>) -> i64 {
        self.widgets.relay(&payload);
        let mut recent = self.recent.lock().expect("hub lock");
        // Ids are taken under the lock so the replay buffer stays in id order.
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let event = StreamEvent { id, at: Utc::now(), payload };
        let published = Arc::new(Published {
            id,
            name: event.payload.event_name(),
            json: serde_json::to_string(&event).expect("stream events serialize"),
            scopes,
        });
        if recent.len() == REPLAY_CAPACITY {
            recent.pop_front();
        }
        recent.push_back(published.clone());
        // No receivers is fine: nobody is connected.
        let _ = self.sender.send(published);
        id
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

    /// The id the next event will get (tests).
    pub fn next_id(&self) -> i64 {
        self.next_id.load(Ordering::SeqCst)
    }
}
