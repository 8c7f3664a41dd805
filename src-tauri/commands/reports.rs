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

/// Drafts the chargeback's representment packet from the local copy: the letter in
/// `language` (the company's first letter language when absent), its exhibits, the review.
#[tauri::command]
#[specta::specta]
pub async fn representment_draft(
    desk: State<'_, Desk>,
    case_id: i64,
    language: Option<String>,
) -> Result<arbiter_desk::RepresentmentDraft> {
    desk.representment_draft(case_id, language).await
}

/// Reviews the letter as the agent has it: what the checklist lacks, what weakens the case,
/// what keeps it from being sent.
#[tauri::command]
#[specta::specta]
pub async fn review_representment(
    desk: State<'_, Desk>,
    case_id: i64,
    language: String,
    letter: String,
) -> Result<Vec<arbiter_desk::ReviewLine>> {
    desk.review_representment(case_id, language, letter).await
}

/// Sends the packet with the agent's letter: the PDF and the processor's JSON to the
/// document store, the PDF as evidence, the case to its representment stage (queued).
#[tauri::command]
#[specta::specta]
pub async fn submit_representment(
    desk: State<'_, Desk>,
    case_id: i64,
    language: String,
    letter: String,
    client_key: String,
) -> Result<arbiter_desk::RepresentmentOutcome> {
    desk.submit_representment(case_id, language, letter, &client_key).await
}
