//! The live stream: server-sent events applied to the cache as they arrive. The position
//! (last event id) is saved with what each event brought, so a dropped connection or a
//! restarted desk resumes where it was; a `reset` (more was missed than the server keeps)
//! tells the caller to pull the change feed.

use arbiter_cache::{Applied, Cache};
use arbiter_client::{ApiClient, ClientError};
use arbiter_contract::{Entity, StreamEvent, StreamPayload};

use crate::SyncError;

/// How a stream session ended (without an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamEnd {
    /// The server closed the connection.
    Closed,
}

/// Incremental parser of `text/event-stream`.
#[derive(Default)]
pub struct SseParser {
    buffer: String,
    data: String,
    id: Option<String>,
}

impl SseParser {
    /// Feeds bytes; returns the complete events' `(id, data)`.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<(Option<String>, String)> {
        self.buffer.push_str(&String::from_utf8_lossy(chunk));
        let mut out = Vec::new();
        while let Some(end) = self.buffer.find('\n') {
            let line: String = self.buffer.drain(..=end).collect();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                if !self.data.is_empty() {
                    out.push((self.id.take(), std::mem::take(&mut self.data)));
                }
                self.id = None;
            } else if let Some(value) = line.strip_prefix("data:") {
                if !self.data.is_empty() {
                    self.data.push('\n');
                }
                self.data.push_str(value.strip_prefix(' ').unwrap_or(value));
            } else if let Some(value) = line.strip_prefix("id:") {
                self.id = Some(value.trim().to_owned());
            }
            // `event:` names repeat the payload's type; comments (`:`) keep the line alive.
        }
        out
    }
}

/// What the cache should store for an event.
fn entities_of(payload: &StreamPayload) -> Vec<Entity> {
    match payload {
        StreamPayload::MessageCreated { message, ticket } => {
            let mut entities = vec![Entity::Message(message.clone())];
            entities.extend(ticket.as_deref().cloned().map(Entity::Ticket));
            entities
        }
        StreamPayload::Assignment { ticket } | StreamPayload::TicketUpdated { ticket } => {
            vec![Entity::Ticket(ticket.clone())]
        }
        // The offered ticket joins the cache at once, so the agent can look before accepting.
        StreamPayload::Offer { ticket, .. } => vec![Entity::Ticket((**ticket).clone())],
        StreamPayload::Escalation { escalation } => vec![Entity::Escalation(escalation.clone())],
        // A request, and when it applied the account's controls as they now stand.
        StreamPayload::ActionRequest { request } => {
            let mut entities: Vec<Entity> =
                request.after.iter().map(|c| Entity::AccountControls((**c).clone())).collect();
            entities.push(Entity::ActionRequest((**request).clone()));
            entities
        }
        StreamPayload::DisputeAlert { alert } => vec![Entity::DisputeAlert((**alert).clone())],
        StreamPayload::MessageUpdated { message } => vec![Entity::Message(message.clone())],
        StreamPayload::SideMessageCreated { conversation, message }
        | StreamPayload::SideMessageUpdated { conversation, message } => {
            vec![Entity::SideConversation(conversation.clone()), Entity::SideMessage(message.clone())]
        }
        StreamPayload::Typing { .. }
        | StreamPayload::Presence { .. }
        | StreamPayload::Handover { .. }
        | StreamPayload::Reset => Vec::new(),
    }
}

/// Follows the stream until it ends or fails. Each event is applied (with its id saved)
/// before `on_event` hears of it; `on_event` returning `false` stops following.
pub async fn follow(
    client: &ApiClient,
    cache: &Cache,
    mut on_event: impl FnMut(&StreamEvent, &Applied) -> bool,
) -> Result<StreamEnd, SyncError> {
    let last = cache.stream_event_id().await?;
    let mut response = client.stream(last).await?;
    let mut parser = SseParser::default();
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => return Ok(StreamEnd::Closed),
            Err(error) => return Err(SyncError::Client(ClientError::Network(error.to_string()))),
        };
        for (_, data) in parser.feed(&chunk) {
            let event: StreamEvent = match serde_json::from_str(&data) {
                Ok(event) => event,
                Err(error) => {
                    // One bad event must not stop the desk: skip it; the feed has the truth.
                    tracing::warn!(%error, "skipping an unreadable stream event");
                    continue;
                }
            };
            let entities = entities_of(&event.payload);
            let applied = if matches!(event.payload, StreamPayload::Reset) {
                // The position is meaningless now; start the next session fresh.
                cache.apply_stream(event.id, &[]).await?
            } else {
                cache.apply_stream(event.id, &entities).await?
            };
            if !on_event(&event, &applied) {
                return Ok(StreamEnd::Closed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_events_split_across_chunks() {
        let mut parser = SseParser::default();
        assert!(parser.feed(b"id: 7\nevent: typing\nda").is_empty());
        let events = parser.feed(b"ta: {\"a\":1}\n\n:keep-alive\n\nid: 8\ndata: x\ndata: y\n\n");
        assert_eq!(events, vec![(Some("7".into()), "{\"a\":1}".into()), (Some("8".into()), "x\ny".into())]);
        assert!(parser.feed(b"\r\n").is_empty());
    }
}
