//! The live stream across instances on one PostgreSQL database.
//!
//! Every event is a row of `stream_events`, written under the writers' advisory lock so ids
//! become visible in commit order (a reader never sees id N+1 before N), then announced with
//! `NOTIFY`. Each instance follows the table in id order — woken by the notification, and
//! once a second in case one was lost while its listening connection was down — and hands
//! every row to its hub: desk events to its desks, widget events to its widgets. Its own
//! events come back the same way, so all instances send the same events in the same order
//! with the same ids, and a desk that reconnects anywhere resumes by Last-Event-ID (from the
//! instance's memory, or from the table for what the instance never saw).
//!
//! Events of a mutation are written in its own transaction (`write_in`): committed together
//! or not at all, so an instance dying between the commit and the send loses no event.
//! Other events (a customer's message from the gateway, a sweep's) are queued to a writer
//! task and written within milliseconds.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use arbiter_contract::widget::WidgetEvent;
use arbiter_contract::{StreamEvent, StreamPayload, TicketId};
use chrono::{DateTime, Utc};
use sqlx::postgres::PgListener;
use sqlx::AnyConnection;
use tokio::sync::{mpsc, Notify};

use crate::db::{Db, Tx};
use crate::hub::{Hub, Published, REPLAY_CAPACITY};
use crate::store::stream_events::{self as store, StoredEvent};
use crate::store::Scope;
use crate::widget_hub::WidgetHub;

/// Channel of new rows in `stream_events`.
const EVENTS: &str = "arbiter_stream";
/// Channel that wakes the chat router, wherever it runs.
const ROUTER: &str = "arbiter_router";
/// How often an instance looks at the table without being told to.
const POLL: Duration = Duration::from_secs(1);
/// Rows read per query while catching up.
const PAGE: i64 = 1_000;
/// Events written per transaction by the writer task.
const BATCH: usize = 256;
/// How long events are kept for desks to resume from.
pub const RETENTION: chrono::Duration = chrono::Duration::hours(1);

/// Something to put on the bus.
#[derive(Debug)]
pub enum Outgoing {
    Desk {
        payload: Box<StreamPayload>,
        scopes: Vec<Scope>,
        at: DateTime<Utc>,
    },
    Widget {
        chat: TicketId,
        event: WidgetEvent,
    },
    WakeRouter,
    /// Answered once everything queued before it is written.
    Flush(tokio::sync::oneshot::Sender<()>),
}

impl Outgoing {
    pub fn desk(payload: StreamPayload, scopes: Vec<Scope>) -> Self {
        Outgoing::Desk { payload: Box::new(payload), scopes, at: Utc::now() }
    }
}

/// An instance's way onto the bus (cheap to clone).
#[derive(Clone)]
pub struct Bus {
    queue: mpsc::UnboundedSender<Outgoing>,
    db: Db,
}

impl Bus {
    pub fn publish(&self, payload: StreamPayload, scopes: Vec<Scope>) {
        let relayed = WidgetHub::relayed(&payload);
        self.send(Outgoing::desk(payload, scopes));
        if let Some((chat, event)) = relayed {
            self.send(Outgoing::Widget { chat, event });
        }
    }

    pub fn tell_widgets(&self, chat: TicketId, event: WidgetEvent) {
        self.send(Outgoing::Widget { chat, event });
    }

    pub fn wake_router(&self) {
        self.send(Outgoing::WakeRouter);
    }

    /// Waits until this instance's hub has sent everything published anywhere before the
    /// call (tests and shutdown: delivery is asynchronous across the bus).
    pub async fn caught_up(&self, hub: &Hub) -> Result<(), sqlx::Error> {
        let (done, written) = tokio::sync::oneshot::channel();
        self.send(Outgoing::Flush(done));
        let _ = written.await;
        let newest = store::newest(&self.db).await?;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while hub.next_id() <= newest && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        Ok(())
    }

    fn send(&self, outgoing: Outgoing) {
        // The writer only stops with the instance.
        let _ = self.queue.send(outgoing);
    }

    /// Writes a mutation's events in its transaction (which holds the writers' lock).
    pub async fn write_in(
        &self,
        tx: &mut Tx,
        events: Vec<(StreamPayload, Vec<Scope>)>,
        widget_events: Vec<(TicketId, WidgetEvent)>,
    ) -> Result<(), sqlx::Error> {
        let mut batch = Vec::with_capacity(events.len() + widget_events.len());
        for (payload, scopes) in events {
            let relayed = WidgetHub::relayed(&payload);
            batch.push(Outgoing::desk(payload, scopes));
            batch.extend(relayed.map(|(chat, event)| Outgoing::Widget { chat, event }));
        }
        batch.extend(widget_events.into_iter().map(|(chat, event)| Outgoing::Widget { chat, event }));
        write_rows(tx, &batch).await
    }

    /// The desk events after `last` from the table, or `None` when some were pruned or `last`
    /// is not one of this database's events (the desk must pull the feed).
    pub async fn replay(&self, last: i64) -> Option<Vec<Arc<Published>>> {
        match replay(&self.db, last).await {
            Ok(events) => events,
            Err(error) => {
                tracing::warn!(%error, "replaying the stream from the database failed");
                None
            }
        }
    }
}

/// Starts the bus for `hub`: the writer and the follower. The tasks stop when dropped.
pub async fn start(db: &Db, hub: Arc<Hub>, router: Arc<Notify>) -> anyhow::Result<super::Tasks> {
    let newest = store::newest(db).await?;
    let (queue, outgoing) = mpsc::unbounded_channel();
    hub.attach(Bus { queue, db: db.clone() }, newest + 1);
    Ok(super::Tasks::new(vec![
        tokio::spawn(write_queued(db.clone(), outgoing)),
        tokio::spawn(follow(db.clone(), hub, router, newest)),
    ]))
}

/// Writes queued events in batches, in the order queued, retrying while the database is away.
async fn write_queued(db: Db, mut outgoing: mpsc::UnboundedReceiver<Outgoing>) {
    let mut batch = Vec::with_capacity(BATCH);
    while outgoing.recv_many(&mut batch, BATCH).await > 0 {
        let mut failures = 0u32;
        loop {
            let written = async {
                let mut tx = db.begin_write().await?;
                write_rows(&mut tx, &batch).await?;
                tx.commit().await
            }
            .await;
            match written {
                Ok(()) => {
                    for outgoing in batch.drain(..) {
                        if let Outgoing::Flush(done) = outgoing {
                            let _ = done.send(());
                        }
                    }
                    break;
                }
                Err(error) => {
                    failures += 1;
                    tracing::warn!(%error, failures, events = batch.len(), "writing stream events failed; retrying");
                    tokio::time::sleep(Duration::from_millis(100 * u64::from(failures.min(50)))).await;
                }
            }
        }
        batch.clear();
    }
}

/// Numbers and inserts `batch` in order and announces it; the caller's transaction holds the
/// writers' lock, so the ids commit in order.
async fn write_rows(conn: &mut AnyConnection, batch: &[Outgoing]) -> Result<(), sqlx::Error> {
    let rows = batch.iter().filter(|o| matches!(o, Outgoing::Desk { .. } | Outgoing::Widget { .. })).count();
    if rows > 0 {
        let mut ids = store::next_ids(&mut *conn, rows).await?.into_iter();
        let encode = |e: serde_json::Error| sqlx::Error::Encode(e.into());
        for outgoing in batch {
            let (at, event) = match outgoing {
                Outgoing::Desk { payload, scopes, at } => {
                    let id = ids.next().expect("an id per row");
                    let event = StreamEvent { id, at: *at, payload: (**payload).clone() };
                    let stored = StoredEvent {
                        id,
                        chat_id: None,
                        name: payload.event_name().to_owned(),
                        json: serde_json::to_string(&event).map_err(encode)?,
                        scopes: serde_json::to_string(scopes).map_err(encode)?,
                    };
                    (*at, stored)
                }
                Outgoing::Widget { chat, event } => {
                    let stored = StoredEvent {
                        id: ids.next().expect("an id per row"),
                        chat_id: Some(*chat),
                        name: "widget".to_owned(),
                        json: serde_json::to_string(event).map_err(encode)?,
                        scopes: "[]".to_owned(),
                    };
                    (Utc::now(), stored)
                }
                Outgoing::WakeRouter | Outgoing::Flush(_) => continue,
            };
            store::insert(&mut *conn, at.timestamp_millis(), &event).await?;
        }
        store::notify(&mut *conn, EVENTS).await?;
    }
    if batch.iter().any(|o| matches!(o, Outgoing::WakeRouter)) {
        store::notify(&mut *conn, ROUTER).await?;
    }
    Ok(())
}

/// Hands every row after `last` to `hub`, in id order, for as long as the instance runs.
async fn follow(db: Db, hub: Arc<Hub>, router: Arc<Notify>, mut last: i64) {
    let mut listener: Option<PgListener> = None;
    loop {
        if listener.is_none() {
            listener = listen(&db).await;
        }
        if let Some(l) = listener.as_mut() {
            tokio::select! {
                notified = l.try_recv() => match notified {
                    Ok(Some(n)) if n.channel() == ROUTER => {
                        router.notify_one();
                        continue;
                    }
                    // A notification, or the connection was lost (and is made again on the
                    // next call): either way, read what is new.
                    Ok(_) => {}
                    Err(error) => {
                        tracing::warn!(%error, "the stream bus's listener failed");
                        listener = None;
                    }
                },
                _ = tokio::time::sleep(POLL) => {}
            }
        } else {
            tokio::time::sleep(POLL).await;
        }
        if let Err(error) = catch_up(&db, &hub, &mut last).await {
            tracing::warn!(%error, "reading the stream bus failed");
        }
    }
}

async fn listen(db: &Db) -> Option<PgListener> {
    let listening = async {
        let mut listener = PgListener::connect(db.url()).await?;
        listener.listen_all([EVENTS, ROUTER]).await?;
        Ok::<_, sqlx::Error>(listener)
    };
    match listening.await {
        Ok(listener) => Some(listener),
        Err(error) => {
            tracing::warn!(%error, "could not listen to the stream bus; polling");
            None
        }
    }
}

async fn catch_up(db: &Db, hub: &Hub, last: &mut i64) -> Result<(), sqlx::Error> {
    loop {
        let events = store::after(db, *last, PAGE).await?;
        let full = events.len() as i64 == PAGE;
        for event in events {
            *last = event.id;
            let id = event.id;
            match event.chat_id {
                Some(chat) => {
                    hub.passed(id);
                    match serde_json::from_str::<WidgetEvent>(&event.json) {
                        Ok(widget_event) => hub.widgets.send(chat, widget_event),
                        Err(error) => tracing::warn!(%error, id, "a widget event on the bus does not read"),
                    }
                }
                None => match published(event) {
                    Ok(published) => hub.deliver(published),
                    Err(error) => tracing::warn!(%error, id, "a stream event on the bus does not read"),
                },
            }
        }
        if !full {
            return Ok(());
        }
    }
}

fn published(event: StoredEvent) -> Result<Published, serde_json::Error> {
    Ok(Published {
        id: event.id,
        name: Cow::Owned(event.name),
        json: event.json,
        scopes: serde_json::from_str(&event.scopes)?,
    })
}

async fn replay(db: &Db, last: i64) -> Result<Option<Vec<Arc<Published>>>, sqlx::Error> {
    let Some(stored) = store::replay(db, last, REPLAY_CAPACITY).await? else { return Ok(None) };
    let mut events = Vec::with_capacity(stored.len());
    for event in stored {
        let id = event.id;
        match published(event) {
            Ok(published) => events.push(Arc::new(published)),
            Err(error) => tracing::warn!(%error, id, "a stream event on the bus does not read"),
        }
    }
    Ok(Some(events))
}

/// Drops events older than the retention and moves the horizon past them (a sweep: one
/// instance runs it). Returns the events dropped.
pub async fn prune(db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    store::prune(db, (now - RETENTION).timestamp_millis()).await
}
