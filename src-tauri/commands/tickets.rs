//! The inbox and a ticket: views, counts, one ticket; changing one; taking an escalation.

use super::prelude::*;
use arbiter_cache::{ConversationCursor, ConversationPage};

#[tauri::command]
#[specta::specta]
pub async fn list_tickets(
    desk: State<'_, Desk>,
    view: ViewKey,
    after: Option<ListCursor>,
    limit: u32,
) -> Result<Vec<TicketListItem>> {
    desk.list_tickets(view, after, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn view_counts(desk: State<'_, Desk>) -> Result<Vec<ViewCount>> {
    desk.view_counts().await
}

#[tauri::command]
#[specta::specta]
pub async fn ticket(desk: State<'_, Desk>, id: i64) -> Result<TicketView> {
    desk.ticket(id).await
}

/// The part of a ticket's conversation before `before` (the agent scrolled up to it).
#[tauri::command]
#[specta::specta]
pub async fn older_conversation(
    desk: State<'_, Desk>,
    ticket_id: i64,
    before: ConversationCursor,
    limit: u32,
) -> Result<ConversationPage> {
    desk.older_conversation(ticket_id, before, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_ticket(
    desk: State<'_, Desk>,
    ticket_id: i64,
    update: TicketUpdate,
    client_key: String,
) -> Result<OutboxItem> {
    desk.update_ticket(ticket_id, update, &client_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn acknowledge_escalation(
    desk: State<'_, Desk>,
    escalation_id: i64,
    client_key: String,
) -> Result<OutboxItem> {
    desk.acknowledge_escalation(escalation_id, &client_key).await
}
