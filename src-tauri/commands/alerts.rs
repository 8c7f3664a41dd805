//! Pre-dispute alerts: the queue, one alert, its answer and the hold a confirmed fraud offers.

use super::prelude::*;

/// The alerts of the agent's teams, open ones by deadline, and what they saved.
#[tauri::command]
#[specta::specta]
pub async fn dispute_alerts(desk: State<'_, Desk>) -> Result<arbiter_desk::AlertQueue> {
    desk.dispute_alerts().await
}

/// One alert with its card payment, where the crypto went and the hold it offers.
#[tauri::command]
#[specta::specta]
pub async fn dispute_alert(desk: State<'_, Desk>, alert_id: i64) -> Result<arbiter_desk::AlertDetail> {
    desk.dispute_alert(alert_id).await
}

/// Answers an alert (queued; sent once and final).
#[tauri::command]
#[specta::specta]
pub async fn answer_dispute_alert(
    desk: State<'_, Desk>,
    alert_id: i64,
    outcome: arbiter_contract::AlertOutcome,
    note: String,
    client_key: String,
) -> Result<OutboxItem> {
    desk.answer_dispute_alert(alert_id, outcome, note, &client_key).await
}

/// Holds the withdrawals of the account a confirmed-fraud alert is about (an account action).
#[tauri::command]
#[specta::specta]
pub async fn hold_for_alert(desk: State<'_, Desk>, alert_id: i64, client_key: String) -> Result<OutboxItem> {
    desk.hold_for_alert(alert_id, &client_key).await
}
