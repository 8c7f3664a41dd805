//! Preferences the desk acts on: do-not-disturb, and the agent's language for what is shown
//! outside the window.

use super::prelude::*;

#[tauri::command]
#[specta::specta]
pub fn do_not_disturb(desk: State<'_, Desk>) -> bool {
    desk.do_not_disturb()
}

#[tauri::command]
#[specta::specta]
pub async fn set_do_not_disturb(desk: State<'_, Desk>, on: bool) -> Result<()> {
    desk.set_do_not_disturb(on).await
}

/// The UI's catalogue of the keys Rust sends, in the agent's language: desktop notifications
/// and the tray speak it.
#[tauri::command]
#[specta::specta]
pub async fn use_language(desk: State<'_, Desk>, messages: std::collections::HashMap<String, String>) -> Result<()> {
    desk.use_language(messages)
}
