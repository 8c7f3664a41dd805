//! Signing in and out, and the sync status.

use super::prelude::*;

/// Who is signed in, once the desk has restored its session.
#[tauri::command]
#[specta::specta]
pub async fn session(desk: State<'_, Desk>) -> Result<Option<SessionInfo>> {
    desk.ready().await;
    Ok(desk.session_info().await)
}

/// What the company's IT preset for this machine (the server the sign-in screen fixes).
#[tauri::command]
#[specta::specta]
pub fn managed_settings(desk: State<'_, Desk>) -> arbiter_desk::ManagedSettings {
    desk.managed()
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(desk: State<'_, Desk>, server_url: String, token: String) -> Result<SessionInfo> {
    desk.sign_in(&server_url, &token).await
}

/// Starts single sign-on: opens the browser at the company's sign-in page and answers its
/// address (for the agent to copy when no browser opened).
#[tauri::command]
#[specta::specta]
pub async fn begin_company_sign_in(desk: State<'_, Desk>) -> Result<String> {
    desk.begin_company_sign_in().await
}

/// Waits for the browser to come back, then signs in with the company account.
#[tauri::command]
#[specta::specta]
pub async fn complete_company_sign_in(desk: State<'_, Desk>) -> Result<SessionInfo> {
    desk.complete_company_sign_in().await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_company_sign_in(desk: State<'_, Desk>) -> Result<()> {
    desk.cancel_company_sign_in().await;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(desk: State<'_, Desk>) -> Result<()> {
    desk.sign_out().await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(desk: State<'_, Desk>) -> Result<SyncStatus> {
    Ok(desk.sync_status())
}

#[tauri::command]
#[specta::specta]
pub async fn sync_now(desk: State<'_, Desk>) -> Result<()> {
    desk.sync_now().await
}
