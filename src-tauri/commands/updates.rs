use super::prelude::*;
use crate::updates::{self, Updater};
use arbiter_desk::updates::UpdateStatus;

/// Where the updater is: off and why, checking, downloading, ready for a restart, failed.
#[tauri::command]
#[specta::specta]
pub async fn update_status(updater: State<'_, Updater>) -> Result<UpdateStatus> {
    Ok(updater.status())
}

/// Looks for an update now, in the background; the window follows `UpdateChanged`.
#[tauri::command]
#[specta::specta]
pub async fn check_for_update(app: tauri::AppHandle, updater: State<'_, Updater>) -> Result<UpdateStatus> {
    tauri::async_runtime::spawn(async move { updates::check(&app).await });
    Ok(updater.status())
}

/// Installs the downloaded update and restarts into it; refused while the agent is writing
/// a reply (`composing`) or actions wait in the outbox.
#[tauri::command]
#[specta::specta]
pub async fn restart_to_update(app: tauri::AppHandle, desk: State<'_, Desk>, composing: bool) -> Result<()> {
    updates::restart_into_update(&app, &desk, composing).await
}
