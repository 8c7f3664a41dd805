//! The IPC surface. Each command is one call into the desk core; errors cross as
//! `DeskError {code, message}`.

use arbiter_cache::{ListCursor, SavedView, TicketFilter, TicketListItem, TicketView, ViewCount, ViewKey};
use arbiter_cache::{OutboxItem, SearchQuery, SearchResults, StorageReport};
use arbiter_contract::TicketUpdate;
use arbiter_desk::{Desk, DeskError, SessionInfo, SyncStatus};
use tauri::State;

type Result<T> = std::result::Result<T, DeskError>;

/// Who is signed in, once the desk has restored its session.
#[tauri::command]
#[specta::specta]
pub async fn session(desk: State<'_, Desk>) -> Result<Option<SessionInfo>> {
    desk.ready().await;
    Ok(desk.session_info().await)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(desk: State<'_, Desk>, server_url: String, token: String) -> Result<SessionInfo> {
    desk.sign_in(&server_url, &token).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(desk: State<'_, Desk>) -> Result<()> {
    desk.sign_out().await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(desk: State<'_, Desk>) -> Result<SyncStatus> {
    Ok(desk.sync_status())
}

#[tauri::command]
#[specta::specta]
pub async fn sync_now(desk: State<'_, Desk>) -> Result<()> {
    desk.sync_now().await
}

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

#[tauri::command]
#[specta::specta]
pub async fn send_reply(desk: State<'_, Desk>, ticket_id: i64, body: String, client_key: String) -> Result<OutboxItem> {
    desk.send_reply(ticket_id, &body, &client_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(desk: State<'_, Desk>, ticket_id: i64, body: String, client_key: String) -> Result<OutboxItem> {
    desk.add_note(ticket_id, &body, &client_key).await
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

#[tauri::command]
#[specta::specta]
pub async fn acknowledge_escalation(
    desk: State<'_, Desk>,
    escalation_id: i64,
    client_key: String,
) -> Result<OutboxItem> {
    desk.acknowledge_escalation(escalation_id, &client_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn supervisor_overview(desk: State<'_, Desk>) -> Result<arbiter_contract::SupervisorOverview> {
    desk.supervisor_overview().await
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

/// Chargeback and fraud losses by month, reason code, network and channel, from the local copy.
#[tauri::command]
#[specta::specta]
pub async fn loss_analytics(desk: State<'_, Desk>, query: arbiter_desk::LossQuery) -> Result<arbiter_desk::LossReport> {
    desk.loss_analytics(query).await
}

/// Saves the loss report as CSV where the agent chose (a .csv path from the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn export_loss_csv(desk: State<'_, Desk>, query: arbiter_desk::LossQuery, path: String) -> Result<()> {
    desk.export_loss_csv(query, &path).await
}

/// Saves a chart as PNG where the agent chose (a .png path from the save dialog).
#[tauri::command]
#[specta::specta]
pub fn export_png(desk: State<'_, Desk>, path: String, png: Vec<u8>) -> Result<()> {
    desk.export_png(&path, &png)
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

#[tauri::command]
#[specta::specta]
pub fn do_not_disturb(desk: State<'_, Desk>) -> bool {
    desk.do_not_disturb()
}

#[tauri::command]
#[specta::specta]
pub fn set_do_not_disturb(desk: State<'_, Desk>, on: bool) -> Result<()> {
    desk.set_do_not_disturb(on)
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

/// The agent's actions not confirmed by the server yet, or refused.
#[tauri::command]
#[specta::specta]
pub async fn outbox(desk: State<'_, Desk>) -> Result<Vec<OutboxItem>> {
    desk.outbox().await
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(desk: State<'_, Desk>, id: String, keep_mine: bool, new_key: String) -> Result<()> {
    desk.resolve_conflict(&id, keep_mine, &new_key).await
}

#[tauri::command]
#[specta::specta]
pub async fn dismiss_action(desk: State<'_, Desk>, id: String) -> Result<()> {
    desk.dismiss_action(&id).await
}

/// Full-text search over the cache (tickets, messages, notes, customers), with filters.
#[tauri::command]
#[specta::specta]
pub async fn search(desk: State<'_, Desk>, query: SearchQuery) -> Result<SearchResults> {
    desk.search(query).await
}

/// The cache's size by table and the retention window.
#[tauri::command]
#[specta::specta]
pub async fn storage(desk: State<'_, Desk>) -> Result<StorageReport> {
    desk.storage().await
}

#[tauri::command]
#[specta::specta]
pub async fn set_retention_days(desk: State<'_, Desk>, days: u32) -> Result<StorageReport> {
    desk.set_retention_days(days).await
}

/// Empties the cache (keeping unsent actions) and syncs everything again.
#[tauri::command]
#[specta::specta]
pub async fn resync(desk: State<'_, Desk>) -> Result<()> {
    desk.resync().await
}

#[tauri::command]
#[specta::specta]
pub async fn compact_cache(desk: State<'_, Desk>) -> Result<StorageReport> {
    desk.compact().await
}

/// The agent's saved views, in their order.
#[tauri::command]
#[specta::specta]
pub async fn saved_views(desk: State<'_, Desk>) -> Result<Vec<SavedView>> {
    desk.saved_views().await
}

/// Creates a view (no id) or updates one.
#[tauri::command]
#[specta::specta]
pub async fn save_view(
    desk: State<'_, Desk>,
    id: Option<String>,
    name: String,
    filter: TicketFilter,
) -> Result<SavedView> {
    desk.save_view(id, &name, filter).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_view(desk: State<'_, Desk>, id: String) -> Result<()> {
    desk.delete_view(&id).await
}

/// The reply draft kept for a ticket.
#[tauri::command]
#[specta::specta]
pub async fn draft(desk: State<'_, Desk>, ticket_id: i64) -> Result<String> {
    desk.draft(ticket_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_draft(desk: State<'_, Desk>, ticket_id: i64, body: String) -> Result<()> {
    desk.save_draft(ticket_id, &body).await
}

/// The team roster, for assigning.
#[tauri::command]
#[specta::specta]
pub async fn agents(desk: State<'_, Desk>) -> Result<Vec<arbiter_contract::Agent>> {
    desk.agents().await
}

/// The macros for a ticket, in the customer's language with placeholders filled.
#[tauri::command]
#[specta::specta]
pub async fn macros(desk: State<'_, Desk>, ticket_id: i64) -> Result<Vec<arbiter_desk::MacroChoice>> {
    desk.macros_for(ticket_id).await
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
