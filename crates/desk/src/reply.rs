//! Sending a reply. The desk retries a few times with the same idempotency key, so a reply
//! whose answer was lost is never posted twice; the offline outbox (a later step) will
//! keep replies across restarts.

use std::time::Duration;

use arbiter_contract::{Entity, Message, REPLY_MAX_CHARS};

use crate::desk::{not_signed_in, Desk};
use crate::error::{DeskError, ErrorCode};
use crate::events::TicketsChanged;

const ATTEMPTS: u32 = 3;

impl Desk {
    /// Sends `body` as a reply on `ticket_id`. `client_key` identifies this reply: the UI
    /// makes one per reply and reuses it when the agent retries, so a retry never duplicates.
    pub async fn send_reply(&self, ticket_id: i64, body: &str, client_key: &str) -> Result<Message, DeskError> {
        let body = body.trim();
        if body.is_empty() {
            return Err(DeskError::new(ErrorCode::InvalidInput, "The reply is empty."));
        }
        if body.chars().count() > REPLY_MAX_CHARS {
            return Err(DeskError::new(
                ErrorCode::InvalidInput,
                format!("A reply may hold at most {REPLY_MAX_CHARS} characters."),
            ));
        }
        let key = client_key.trim();
        if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(DeskError::new(ErrorCode::InvalidInput, "The reply's client key is not valid."));
        }
        let (client, cache) = {
            let session = self.session.read().await;
            let session = session.as_ref().ok_or_else(not_signed_in)?;
            let client = session
                .client
                .clone()
                .ok_or_else(|| DeskError::new(ErrorCode::Unauthorized, "Sign in again to send replies."))?;
            (client, session.cache.clone())
        };

        let mut attempt = 0;
        let message = loop {
            attempt += 1;
            match client.post_reply(ticket_id, body, key).await {
                Ok(message) => break message,
                Err(error) if error.is_transient() && attempt < ATTEMPTS => {
                    tracing::warn!(%error, attempt, "reply failed; retrying with the same key");
                    tokio::time::sleep(Duration::from_millis(300 * u64::from(attempt))).await;
                }
                Err(error) => return Err(error.into()),
            }
        };

        // Show it at once; the feed brings the same message (and the ticket's new state) next.
        cache.put_entities(&[Entity::Message(message.clone())]).await?;
        self.status.events().tickets_changed(&TicketsChanged { ids: vec![ticket_id] });
        if let Some(sync) = self.session.read().await.as_ref().and_then(|s| s.sync.as_ref()) {
            sync.wake();
        }
        Ok(message)
    }
}
