//! The chat dock's unread counts, kept by the desk.

use super::prelude::*;
use arbiter_desk::ChatUnread;

/// The live chats with messages the agent has not read.
#[tauri::command]
#[specta::specta]
pub async fn chat_unread(desk: State<'_, Desk>) -> Result<Vec<ChatUnread>> {
    desk.chat_unread().await
}

/// Sets a chat's unread count (0: read).
#[tauri::command]
#[specta::specta]
pub async fn set_chat_unread(desk: State<'_, Desk>, ticket_id: i64, unread: i64) -> Result<()> {
    desk.set_chat_unread(ticket_id, unread).await
}
