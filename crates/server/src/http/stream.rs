//! The live stream: server-sent events of new messages, typing, presence, assignments and
//! escalations the caller may see. Resumable with `Last-Event-ID`.

use std::convert::Infallible;
use std::time::Duration;

use arbiter_contract::{ApiError, StreamEvent, StreamPayload, StreamQuery};
// ApiError is named in the OpenAPI responses below.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::Stream;
use tokio::sync::broadcast::error::RecvError;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::extract::Params;
use crate::hub::Published;
use crate::AppState;

fn sse(published: &Published) -> Event {
    Event::default().id(published.id.to_string()).event(published.name.as_ref()).data(published.json.clone())
}

fn reset(id: i64) -> Event {
    let event = StreamEvent { id, at: chrono::Utc::now(), payload: StreamPayload::Reset };
    Event::default().event("reset").data(serde_json::to_string(&event).expect("serializes"))
}

/// Server-sent events. Reconnect with `Last-Event-ID` (or `?last_event_id=`) to receive
/// what was missed; a `reset` event means more was missed than the server keeps: pull the
/// change feed, then carry on with the stream.
#[utoipa::path(get, path = "/v1/stream", tag = "sync", security(("bearer" = [])),
    params(("Last-Event-ID" = Option<String>, Header, description = "Id of the last event received"), StreamQuery),
    responses((status = 200, content_type = "text/event-stream", body = StreamEvent), (status = 401, body = ApiError)))]
pub async fn stream(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Params(query): Params<StreamQuery>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiFailure> {
    let from_query = query.last_event_id;
    let last = headers
        .get("Last-Event-ID")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(from_query);
    let (mut receiver, replay) = state.hub.resume(last).await;
    let who = caller.vis;
    let hub = state.hub.clone();
    let events = async_stream::stream! {
        // The newest id sent: a replay from the bus's record may overlap the receiver's first
        // events, and an event goes once.
        let mut sent_up_to = last.unwrap_or(i64::MIN);
        match replay {
            None => {
                // Anything from now on is news to a desk that starts over from the feed.
                sent_up_to = i64::MIN;
                yield Ok(reset(hub.next_id() - 1))
            }
            Some(missed) => {
                for published in &missed {
                    if published.id <= sent_up_to {
                        continue;
                    }
                    sent_up_to = published.id;
                    if published.visible_to(&who) {
                        yield Ok(sse(published));
                    }
                }
            }
        }
        loop {
            match receiver.recv().await {
                Ok(published) => {
                    if published.id > sent_up_to {
                        sent_up_to = published.id;
                        if published.visible_to(&who) {
                            yield Ok(sse(&published));
                        }
                    }
                }
                // Too slow to keep up: tell the desk to catch up from the feed.
                Err(RecvError::Lagged(_)) => yield Ok(reset(hub.next_id() - 1)),
                Err(RecvError::Closed) => break,
            }
        }
    };
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)).text("keep-alive")))
}
