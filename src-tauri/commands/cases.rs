//! Casework: a case, its reason codes, opening and changing it, evidence.

use super::prelude::*;

/// A case from the local copy: lifecycle, checklist, evidence, audit trail.
#[tauri::command]
#[specta::specta]
pub async fn case_view(desk: State<'_, Desk>, case_id: i64) -> Result<arbiter_desk::CaseView> {
    desk.case_view(case_id).await
}

/// The card networks' reason codes with their evidence checklists.
#[tauri::command]
#[specta::specta]
pub fn reason_codes() -> Vec<arbiter_desk::ReasonCodeInfo> {
    arbiter_desk::reason_codes()
}

/// Opens an investigation from a ticket (queued like every action).
#[tauri::command]
#[specta::specta]
pub async fn open_case(
    desk: State<'_, Desk>,
    new_case: arbiter_contract::CreateCase,
    client_key: String,
) -> Result<OutboxItem> {
    desk.open_case(new_case, &client_key).await
}

/// Changes a case's status, stage, decision, outcome, summary or amounts (queued).
#[tauri::command]
#[specta::specta]
pub async fn update_case(
    desk: State<'_, Desk>,
    case_id: i64,
    ticket_id: Option<i64>,
    update: arbiter_contract::CaseUpdate,
    client_key: String,
) -> Result<OutboxItem> {
    desk.update_case(case_id, ticket_id, update, &client_key).await
}

/// Adds evidence to a case (queued).
#[tauri::command]
#[specta::specta]
pub async fn add_case_evidence(
    desk: State<'_, Desk>,
    case_id: i64,
    ticket_id: Option<i64>,
    evidence: arbiter_contract::AddEvidence,
    client_key: String,
) -> Result<OutboxItem> {
    desk.add_case_evidence(case_id, ticket_id, evidence, &client_key).await
}
