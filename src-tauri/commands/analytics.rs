//! Loss analytics and its exports.

use super::prelude::*;

/// Chargeback and fraud losses by month, reason code, network and channel, from the local copy.
#[tauri::command]
#[specta::specta]
pub async fn loss_analytics(desk: State<'_, Desk>, query: arbiter_desk::LossQuery) -> Result<arbiter_desk::LossReport> {
    desk.loss_analytics(query).await
}

/// Saves the loss report as CSV where the agent chose (a .csv path from the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn export_loss_csv(desk: State<'_, Desk>, query: arbiter_desk::LossQuery, path: String) -> Result<()> {
    desk.export_loss_csv(query, &path).await
}

/// Saves a chart as PNG where the agent chose (a .png path from the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn export_png(desk: State<'_, Desk>, path: String, png: Vec<u8>) -> Result<()> {
    desk.export_png(&path, &png).await
}
