//! Stopping the loss: an account's controls, actions on it, and four-eyes approvals.

use super::prelude::*;

/// The account's controls, pending withdrawals, requests and this agent's unanswered actions
/// on it, from the local copy.
#[tauri::command]
#[specta::specta]
pub async fn account_panel(desk: State<'_, Desk>, customer_id: i64) -> Result<arbiter_desk::AccountPanel> {
    desk.account_panel(customer_id).await
}

/// Who would have to approve an action on the account (empty: it applies at once).
#[tauri::command]
#[specta::specta]
pub async fn approvers_for(
    desk: State<'_, Desk>,
    customer_id: i64,
    action: arbiter_contract::AccountAction,
) -> Result<Vec<arbiter_contract::Approver>> {
    desk.approvers_for(customer_id, action).await
}

/// Asks for an action on the account (queued; the server applies it or waits for an approver).
#[tauri::command]
#[specta::specta]
pub async fn request_account_action(
    desk: State<'_, Desk>,
    customer_id: i64,
    ticket_id: Option<i64>,
    request: arbiter_contract::RequestAction,
    client_key: String,
) -> Result<OutboxItem> {
    desk.request_account_action(customer_id, ticket_id, request, &client_key).await
}

/// Approves or declines a request waiting for this agent, with the reason (queued).
#[tauri::command]
#[specta::specta]
pub async fn answer_action_request(
    desk: State<'_, Desk>,
    request_id: i64,
    approve: bool,
    reason: String,
    client_key: String,
) -> Result<OutboxItem> {
    desk.answer_action_request(request_id, approve, reason, &client_key).await
}

/// The requests waiting for this agent's approval, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn approvals(desk: State<'_, Desk>) -> Result<Vec<arbiter_desk::ApprovalItem>> {
    desk.approvals().await
}

/// What the approver judges a request on: the account's risk, links, timeline and waiting
/// withdrawals (from the company API when the customer is outside the agent's queues).
#[tauri::command]
#[specta::specta]
pub async fn approval_evidence(desk: State<'_, Desk>, customer_id: i64) -> Result<arbiter_desk::ApprovalEvidence> {
    desk.approval_evidence(customer_id).await
}

/// Saves the account actions applied in a period as CSV where the agent chose (compliance,
/// risk and supervisors; from the server).
#[tauri::command]
#[specta::specta]
pub async fn export_controls_csv(
    desk: State<'_, Desk>,
    query: arbiter_contract::ControlsReportQuery,
    path: String,
) -> Result<()> {
    desk.export_controls_csv(query, &path).await
}
