//! Search over the local copy, and looking after it.

use super::prelude::*;

/// Full-text search over the cache (tickets, messages, notes, customers), with filters.
#[tauri::command]
#[specta::specta]
pub async fn search(desk: State<'_, Desk>, query: SearchQuery) -> Result<SearchResults> {
    desk.search(query).await
}

/// The cache's size by table and the retention window.
#[tauri::command]
#[specta::specta]
pub async fn storage(desk: State<'_, Desk>) -> Result<StorageReport> {
    desk.storage().await
}

#[tauri::command]
#[specta::specta]
pub async fn set_retention_days(desk: State<'_, Desk>, days: u32) -> Result<StorageReport> {
    desk.set_retention_days(days).await
}

/// Empties the cache (keeping unsent actions) and syncs everything again.
#[tauri::command]
#[specta::specta]
pub async fn resync(desk: State<'_, Desk>) -> Result<()> {
    desk.resync().await
}

#[tauri::command]
#[specta::specta]
pub async fn compact_cache(desk: State<'_, Desk>) -> Result<StorageReport> {
    desk.compact().await
}
