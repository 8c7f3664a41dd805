//! The supervisor console: the board, bulk changes, shift handovers.

use super::prelude::*;

#[tauri::command]
#[specta::specta]
pub async fn supervisor_overview(desk: State<'_, Desk>) -> Result<arbiter_contract::SupervisorOverview> {
    desk.supervisor_overview().await
}

/// Supervisors: the mail quarantine of their teams' mailboxes, newest first.
#[tauri::command]
#[specta::specta]
pub async fn quarantined_mail(
    desk: State<'_, Desk>,
    before: Option<i64>,
) -> Result<Vec<arbiter_contract::QuarantinedMail>> {
    desk.quarantined_mail(before).await
}

/// Supervisors: saves a quarantined email as it arrived to a path the agent chose.
#[tauri::command]
#[specta::specta]
pub async fn save_quarantined_mail(desk: State<'_, Desk>, id: i64, path: String) -> Result<()> {
    desk.save_quarantined_mail(id, &path).await
}

/// Supervisors: one change to many tickets, applied by the server.
#[tauri::command]
#[specta::specta]
pub async fn bulk_update_tickets(
    desk: State<'_, Desk>,
    ticket_ids: Vec<i64>,
    update: TicketUpdate,
    idempotency_key: String,
) -> Result<arbiter_desk::BulkOutcome> {
    desk.bulk_update(ticket_ids, update, &idempotency_key).await
}

/// Supervisors: their teams' shift handovers, newest first.
#[tauri::command]
#[specta::specta]
pub async fn handovers(desk: State<'_, Desk>) -> Result<Vec<arbiter_contract::Handover>> {
    desk.handovers().await
}

/// Supervisors: hands a team's shift over.
#[tauri::command]
#[specta::specta]
pub async fn write_handover(
    desk: State<'_, Desk>,
    handover: arbiter_contract::NewHandover,
    idempotency_key: String,
) -> Result<arbiter_contract::Handover> {
    desk.write_handover(handover, &idempotency_key).await
}

/// Supervisors: the next shift takes a handover over.
#[tauri::command]
#[specta::specta]
pub async fn acknowledge_handover(
    desk: State<'_, Desk>,
    handover_id: i64,
    version: i64,
    idempotency_key: String,
) -> Result<arbiter_contract::Handover> {
    desk.acknowledge_handover(handover_id, version, &idempotency_key).await
}

/// The routing in force (supervisors).
#[tauri::command]
#[specta::specta]
pub async fn routing_policy(desk: State<'_, Desk>) -> Result<arbiter_contract::RoutingPolicy> {
    desk.routing_policy().await
}

/// Puts new routing in force: capacities, topics, offers, hours (supervisors).
#[tauri::command]
#[specta::specta]
pub async fn save_routing(
    desk: State<'_, Desk>,
    routing: arbiter_contract::RoutingPolicy,
    idempotency_key: String,
) -> Result<arbiter_contract::RoutingPolicy> {
    desk.save_routing(routing, &idempotency_key).await
}
