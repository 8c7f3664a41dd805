use std::path::PathBuf;

use super::prelude::*;
use crate::updates::Updater;
use arbiter_desk::diagnostics::{self, AppFacts, Diagnostics};

/// The OS's log folder for this app, where the logs and crash notes are.
pub struct LogDir(pub PathBuf);

/// The text the agent copies for the company's IT (versions, sync state, the last warnings
/// and errors, the last crash), and the crash they have not been told about.
#[tauri::command]
#[specta::specta]
pub async fn diagnostics(
    app: tauri::AppHandle,
    desk: State<'_, Desk>,
    updater: State<'_, Updater>,
    logs: State<'_, LogDir>,
) -> Result<Diagnostics> {
    let facts = AppFacts {
        app_version: app.package_info().version.to_string(),
        tauri_version: tauri::VERSION.to_owned(),
        webview_version: tauri::webview_version().ok(),
        log_dir: logs.0.clone(),
        update: Some(updater.status().state.describe()),
    };
    Ok(desk.diagnostics(&facts).await)
}

/// The agent has seen the offer after a crash: it is not made again for that crash.
#[tauri::command]
#[specta::specta]
pub async fn dismiss_crash(logs: State<'_, LogDir>) -> Result<()> {
    let dir = logs.0.clone();
    tauri::async_runtime::spawn_blocking(move || diagnostics::mark_crashes_seen(&dir))
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r.map_err(|e| e.to_string()))
        .map_err(arbiter_desk::diagnostics::not_marked)
}
