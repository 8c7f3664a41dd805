//! The supervisors' service report and its CSV export.

use super::prelude::*;

/// First response, handle and resolution times, CSAT and reopens of the supervisor's teams
/// for a period (from the server).
#[tauri::command]
#[specta::specta]
pub async fn service_report(
    desk: State<'_, Desk>,
    query: arbiter_contract::ServiceQuery,
) -> Result<arbiter_contract::ServiceReport> {
    desk.service_report(query).await
}

/// Saves the service report as CSV where the supervisor chose (a .csv path from the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn export_service_csv(
    desk: State<'_, Desk>,
    query: arbiter_contract::ServiceQuery,
    path: String,
) -> Result<()> {
    desk.export_service_csv(query, &path).await
}
