//! Writing on a ticket: replies, notes, side conversations with internal teams, macros and help-centre articles, the email frame.

use super::prelude::*;

/// Queues a reply with the files attached to it (each kept by `prepare_file` first).
#[tauri::command]
#[specta::specta]
pub async fn send_reply(
    desk: State<'_, Desk>,
    ticket_id: i64,
    body: String,
    files: Vec<arbiter_contract::OutgoingFile>,
    client_key: String,
) -> Result<OutboxItem> {
    desk.send_reply(ticket_id, &body, files, &client_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(
    desk: State<'_, Desk>,
    ticket_id: i64,
    body: String,
    files: Vec<arbiter_contract::OutgoingFile>,
    client_key: String,
) -> Result<OutboxItem> {
    desk.add_note(ticket_id, &body, files, &client_key).await
}

/// Keeps a file the agent attached (dropped, pasted or picked; base64) until it is sent.
#[tauri::command]
#[specta::specta]
pub async fn prepare_file(
    desk: State<'_, Desk>,
    name: String,
    content_base64: String,
) -> Result<arbiter_desk::PreparedFile> {
    desk.prepare_file(&name, &content_base64).await
}

/// Queues a new email conversation with a customer (its files kept by `prepare_file` first).
#[tauri::command]
#[specta::specta]
pub async fn start_email(
    desk: State<'_, Desk>,
    email: arbiter_desk::NewEmail,
    client_key: String,
) -> Result<OutboxItem> {
    desk.start_email(email, &client_key).await
}

/// The support queues the agent may start an email conversation in, their home team first.
#[tauri::command]
#[specta::specta]
pub async fn email_queues(desk: State<'_, Desk>) -> Result<Vec<String>> {
    desk.email_queues().await
}

#[tauri::command]
#[specta::specta]
pub async fn start_side_conversation(
    desk: State<'_, Desk>,
    ticket_id: i64,
    team: String,
    subject: String,
    body: String,
    client_key: String,
) -> Result<OutboxItem> {
    desk.start_side_conversation(ticket_id, &team, &subject, &body, &client_key).await
}

/// Forwards one of the ticket's messages, with its files, by email to an outside address.
#[tauri::command]
#[specta::specta]
pub async fn forward_message(
    desk: State<'_, Desk>,
    ticket_id: i64,
    message_id: i64,
    to: String,
    note: String,
    client_key: String,
) -> Result<OutboxItem> {
    desk.forward_message(ticket_id, message_id, &to, &note, &client_key).await
}

/// The internal teams a side conversation can go to.
#[tauri::command]
#[specta::specta]
pub async fn internal_teams(desk: State<'_, Desk>) -> Result<Vec<String>> {
    desk.internal_teams().await
}

#[tauri::command]
#[specta::specta]
pub async fn post_side_message(
    desk: State<'_, Desk>,
    side_conversation_id: i64,
    body: String,
    close: bool,
    client_key: String,
) -> Result<OutboxItem> {
    desk.post_side_message(side_conversation_id, &body, close, &client_key).await
}

/// The macros for a ticket, in the customer's language with placeholders filled.
#[tauri::command]
#[specta::specta]
pub async fn macros(desk: State<'_, Desk>, ticket_id: i64) -> Result<Vec<arbiter_desk::MacroChoice>> {
    desk.macros_for(ticket_id).await
}

/// Help-centre articles matching the words, in the ticket customer's language.
#[tauri::command]
#[specta::specta]
pub async fn search_articles(
    desk: State<'_, Desk>,
    ticket_id: i64,
    query: String,
) -> Result<Vec<arbiter_desk::ArticleHit>> {
    desk.search_articles(ticket_id, &query).await
}

/// An email message's HTML, cleaned for the sandboxed frame; remote images only when asked.
#[tauri::command]
#[specta::specta]
pub async fn email_body(
    desk: State<'_, Desk>,
    ticket_id: i64,
    message_id: i64,
    remote_images: bool,
) -> Result<arbiter_mail::SafeEmail> {
    desk.email_body(ticket_id, message_id, remote_images).await
}

/// Opens an https or mailto link the agent confirmed, outside the app.
#[tauri::command]
#[specta::specta]
pub async fn open_link(desk: State<'_, Desk>, url: String) -> Result<()> {
    desk.open_link(&url)
}

/// The team roster, for assigning.
#[tauri::command]
#[specta::specta]
pub async fn agents(desk: State<'_, Desk>) -> Result<Vec<arbiter_contract::Agent>> {
    desk.agents().await
}
