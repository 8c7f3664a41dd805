//! Investigation reports and evidence files for the document store.

use super::prelude::*;

/// Writes the case's investigation report (PDF and Markdown), queues both for the document
/// store, and saves a copy at `save_copy_to` (a folder, or the PDF's path) when given.
#[tauri::command]
#[specta::specta]
pub async fn write_report(
    desk: State<'_, Desk>,
    case_id: i64,
    analysis: String,
    save_copy_to: Option<String>,
    client_key: String,
) -> Result<arbiter_desk::ReportOutcome> {
    desk.write_report(case_id, &analysis, save_copy_to, &client_key).await
}

/// Attaches a file as evidence: stored on the case in the document store (queued).
#[tauri::command]
#[specta::specta]
pub async fn attach_evidence_file(
    desk: State<'_, Desk>,
    case_id: i64,
    ticket_id: Option<i64>,
    file: arbiter_desk::EvidenceFile,
    evidence: arbiter_contract::AddEvidence,
    client_key: String,
) -> Result<Vec<OutboxItem>> {
    desk.attach_evidence_file(case_id, ticket_id, file, evidence, &client_key).await
}
