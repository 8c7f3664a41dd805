//! Live chats: the dock's unread counts (kept by the desk), the router's offers and the
//! agent's answer, and the live signals of the agent's side (typing, read up to).

use super::prelude::*;
use arbiter_contract::{Agent, Offer, Presence};
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

/// The chats the router offers the agent, still waiting for an answer.
#[tauri::command]
#[specta::specta]
pub async fn chat_offers(desk: State<'_, Desk>) -> Result<Vec<Offer>> {
    desk.offers().await
}

/// Accepts (`true`) or declines an offered chat.
#[tauri::command]
#[specta::specta]
pub async fn answer_offer(
    desk: State<'_, Desk>,
    offer_id: i64,
    accept: bool,
    idempotency_key: String,
) -> Result<Offer> {
    desk.answer_offer(offer_id, accept, &idempotency_key).await
}

/// The agent is (or stopped) typing in a conversation.
#[tauri::command]
#[specta::specta]
pub async fn agent_typing(desk: State<'_, Desk>, ticket_id: i64, typing: bool) -> Result<()> {
    desk.typing(ticket_id, typing).await
}

/// The agent has seen a conversation up to this message.
#[tauri::command]
#[specta::specta]
pub async fn conversation_seen(desk: State<'_, Desk>, ticket_id: i64, up_to: i64) -> Result<()> {
    desk.seen(ticket_id, up_to).await
}

/// Sets the agent's presence (online receives chats; away, busy and offline do not).
#[tauri::command]
#[specta::specta]
pub async fn set_presence(desk: State<'_, Desk>, presence: Presence) -> Result<Agent> {
    desk.set_presence(presence).await
}
