//! Preferences the desk acts on: do-not-disturb.

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
