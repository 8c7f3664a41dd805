//! Saved views.

use super::prelude::*;

/// The agent's saved views, in their order.
#[tauri::command]
#[specta::specta]
pub async fn saved_views(desk: State<'_, Desk>) -> Result<Vec<SavedView>> {
    desk.saved_views().await
}

/// Creates a view (no id) or updates one.
#[tauri::command]
#[specta::specta]
pub async fn save_view(
    desk: State<'_, Desk>,
    id: Option<String>,
    name: String,
    filter: TicketFilter,
) -> Result<SavedView> {
    desk.save_view(id, &name, filter).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_view(desk: State<'_, Desk>, id: String) -> Result<()> {
    desk.delete_view(&id).await
}
