//! Drafts kept in the encrypted cache: replies, report analyses, handovers.

use super::prelude::*;
use arbiter_desk::DraftKind;

/// The draft of `kind` kept for `key` (a ticket, a case, a team); "" when there is none.
#[tauri::command]
#[specta::specta]
pub async fn draft(desk: State<'_, Desk>, kind: DraftKind, key: String) -> Result<String> {
    desk.draft(kind, &key).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_draft(desk: State<'_, Desk>, kind: DraftKind, key: String, body: String) -> Result<()> {
    desk.save_draft(kind, &key, &body).await
}
