//! The outbox: what has not been sent, and settling what the server refused.

use super::prelude::*;

/// The agent's actions not confirmed by the server yet, or refused.
#[tauri::command]
#[specta::specta]
pub async fn outbox(desk: State<'_, Desk>) -> Result<Vec<OutboxItem>> {
    desk.outbox().await
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(desk: State<'_, Desk>, id: String, keep_mine: bool, new_key: String) -> Result<()> {
    desk.resolve_conflict(&id, keep_mine, &new_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn dismiss_action(desk: State<'_, Desk>, id: String) -> Result<()> {
    desk.dismiss_action(&id).await
}
