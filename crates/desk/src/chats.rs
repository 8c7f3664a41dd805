//! The chat dock's unread counts: how many customer messages of each live chat the agent has
//! not read, kept in the agent's encrypted cache so they survive a restart.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// A live chat with messages the agent has not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ChatUnread {
    pub ticket_id: i64,
    pub unread: i64,
}

/// More unread messages than anyone could have missed: a count gone wrong.
const MAX_UNREAD: i64 = 100_000;

impl Desk {
    /// The chats with unread messages.
    pub async fn chat_unread(&self) -> Result<Vec<ChatUnread>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.chat_unread().await?.into_iter().map(|(ticket_id, unread)| ChatUnread { ticket_id, unread }).collect())
    }

    /// Sets a chat's unread count (0: read).
    pub async fn set_chat_unread(&self, ticket_id: i64, unread: i64) -> Result<(), DeskError> {
        if !(0..=MAX_UNREAD).contains(&unread) {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::UNREAD_COUNT)));
        }
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.set_chat_unread(ticket_id, unread).await?)
    }
}
