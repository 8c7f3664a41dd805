//! A customer's fraud risk, linked accounts, and reports to compliance.

use super::prelude::*;

/// A customer's fraud risk from the local copy: score, findings, linked accounts, timeline.
#[tauri::command]
#[specta::specta]
pub async fn customer_risk(desk: State<'_, Desk>, customer_id: i64) -> Result<arbiter_desk::CustomerRisk> {
    desk.customer_risk(customer_id).await
}

/// Asks the company API for the accounts linked to the customer's from outside the agent's
/// queues and keeps them; whether that changed anything (then the screen re-reads the risk).
#[tauri::command]
#[specta::specta]
pub async fn refresh_customer_links(desk: State<'_, Desk>, customer_id: i64) -> Result<bool> {
    desk.refresh_customer_links(customer_id).await
}

/// The suspicious-activity reports about a customer the desk holds, newest first.
#[tauri::command]
#[specta::specta]
pub async fn customer_sars(desk: State<'_, Desk>, customer_id: i64) -> Result<Vec<arbiter_contract::Sar>> {
    desk.customer_sars(customer_id).await
}

/// Files a suspicious-activity report: a new draft or changes to one, sent to compliance when `submit`.
#[tauri::command]
#[specta::specta]
pub async fn file_sar(
    desk: State<'_, Desk>,
    sar_id: Option<i64>,
    ticket_id: Option<i64>,
    draft: arbiter_desk::SarDraft,
    submit: bool,
    client_key: String,
) -> Result<OutboxItem> {
    desk.file_sar(sar_id, ticket_id, draft, submit, &client_key).await
}
