//! Attachments: opened from the encrypted cache (fetched when not there yet), shown only as
//! what the desk drew, saved where the agent chose, or added to a case as evidence.

use super::prelude::*;

/// Opens one of a message's attachments: what it is (from its bytes) and what can be shown.
#[tauri::command]
#[specta::specta]
pub async fn open_attachment(
    desk: State<'_, Desk>,
    ticket_id: i64,
    message_id: i64,
    sha256: String,
) -> Result<arbiter_desk::OpenedAttachment> {
    desk.open_attachment(ticket_id, message_id, &sha256).await
}

/// Saves an attachment as sent at `path` (from the save dialog, after the agent confirmed).
#[tauri::command]
#[specta::specta]
pub async fn save_attachment(
    desk: State<'_, Desk>,
    ticket_id: i64,
    message_id: i64,
    sha256: String,
    path: String,
) -> Result<()> {
    desk.save_attachment(ticket_id, message_id, &sha256, &path).await
}

/// Which of these attachments are on this computer (they open at once, and offline).
#[tauri::command]
#[specta::specta]
pub async fn kept_attachments(desk: State<'_, Desk>, hashes: Vec<String>) -> Result<Vec<String>> {
    desk.kept_attachments(hashes).await
}

/// Adds an attachment to a case as evidence: to the document store with its SHA-256, and
/// named by the evidence (both queued).
#[tauri::command]
#[specta::specta]
pub async fn attachment_as_evidence(
    desk: State<'_, Desk>,
    case_id: i64,
    ticket_id: i64,
    message_id: i64,
    sha256: String,
    evidence: arbiter_contract::AddEvidence,
    client_key: String,
) -> Result<Vec<OutboxItem>> {
    desk.attachment_as_evidence(case_id, ticket_id, message_id, &sha256, evidence, &client_key).await
}
