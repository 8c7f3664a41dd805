//! Replaying the outbox: the agent's actions go to the server in the order they were made,
//! each with its id as the Idempotency-Key. Network trouble leaves the action (and every
//! later one) for the next round; a 409 becomes a conflict the agent resolves; any other
//! refusal is kept with its reason. Nothing is dropped without the agent saying so.

use arbiter_cache::{Action, Cache, OutboxItem};
use arbiter_client::{ApiClient, ClientError};
use arbiter_contract::{Entity, ForwardMessage, StartEmailConversation};

use crate::SyncError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayReport {
    pub done: usize,
    pub conflicts: usize,
    pub rejected: usize,
    /// Tickets whose data or overlay changed.
    pub tickets: Vec<i64>,
    /// An action about no ticket was answered (an alert's answer, an account action).
    pub others: bool,
    /// Sending stopped here; it goes on next round.
    pub stopped_by: Option<String>,
}

/// An action that cannot be sent as it is: kept, refused, for the agent to read.
fn refused(message: &str) -> ClientError {
    ClientError::Rejected {
        status: 400,
        error: arbiter_contract::ApiError::new(arbiter_contract::ErrorCode::BadRequest, message),
    }
}

/// Sends one action; its result is returned, and anything else it made is added to `also`.
async fn send(
    client: &ApiClient,
    cache: &Cache,
    item: &OutboxItem,
    own_versions: i64,
    also: &mut Vec<Entity>,
) -> Result<Entity, ClientError> {
    match &item.action {
        Action::Reply { ticket_id, body, files } => {
            upload_files(client, cache, item, files).await?;
            client.post_reply(*ticket_id, body, files, &item.id).await.map(Entity::Message)
        }
        Action::Note { ticket_id, body, files } => {
            upload_files(client, cache, item, files).await?;
            client.post_note(*ticket_id, body, files, &item.id).await.map(Entity::Note)
        }
        Action::StartEmail { customer_id, queue, subject, body, files, .. } => {
            upload_files(client, cache, item, files).await?;
            let start = StartEmailConversation {
                customer_id: *customer_id,
                queue: queue.clone(),
                subject: subject.clone(),
                body: body.clone(),
                attachments: files.clone(),
            };
            let started = client.start_email_conversation(&start, &item.id).await?;
            // The ticket is what the action made; its first message goes into the cache with it.
            also.push(Entity::Message(started.message));
            Ok(Entity::Ticket(started.ticket))
        }
        Action::UpdateTicket { ticket_id, base_version, update } => {
            client.update_ticket(*ticket_id, base_version + own_versions, update, &item.id).await.map(Entity::Ticket)
        }
        Action::StartSideConversation { ticket_id, team, subject, body } => client
            .create_side_conversation(*ticket_id, team, subject, body, &item.id)
            .await
            .map(Entity::SideConversation),
        Action::Forward { ticket_id, message_id, to, body } => {
            let forward = ForwardMessage { message_id: *message_id, to: to.clone(), body: body.clone() };
            client.forward_message(*ticket_id, &forward, &item.id).await.map(Entity::SideConversation)
        }
        Action::SideMessage { side_conversation_id, body, close, .. } => {
            client.post_side_message(*side_conversation_id, body, *close, &item.id).await.map(Entity::SideMessage)
        }
        Action::AcknowledgeEscalation { escalation_id, base_version, .. } => {
            client.acknowledge_escalation(*escalation_id, *base_version, &item.id).await.map(Entity::Escalation)
        }
        Action::CreateCase { case, .. } => client.create_case(case, &item.id).await.map(Entity::Case),
        Action::UpdateCase { case_id, base_version, update, .. } => {
            client.update_case(*case_id, base_version + own_versions, update, &item.id).await.map(Entity::Case)
        }
        Action::AddEvidence { case_id, base_version, evidence, .. } => {
            client.add_evidence(*case_id, base_version + own_versions, evidence, &item.id).await.map(Entity::Case)
        }
        Action::FileSar { sar_id, base_version, create, update, submit, .. } => {
            let mut sar = match (sar_id, create) {
                (Some(id), _) => match update {
                    Some(update) => client.update_sar(*id, *base_version, update, &item.id).await?,
                    None => return Err(refused("a report change with nothing to change")),
                },
                (None, Some(create)) => client.create_sar(create, &item.id).await?,
                (None, None) => return Err(refused("a report with neither an id nor a draft")),
            };
            if *submit && sar.status == arbiter_contract::SarStatus::Draft {
                sar = client.submit_sar(sar.id, sar.version, &format!("{}-submit", item.id)).await?;
            }
            Ok(Entity::Sar(sar))
        }
        Action::AccountAction { customer_id, base_version, request, .. } => {
            let made = client.request_action(*customer_id, request, base_version + own_versions, &item.id).await?;
            // Applied at once: the account's new controls go into the cache with it.
            if let Some(after) = &made.after {
                also.push(Entity::AccountControls((**after).clone()));
            }
            Ok(Entity::ActionRequest(made))
        }
        Action::AnswerActionRequest { request_id, approve, reason, .. } => {
            let answered = client.answer_action_request(*request_id, *approve, reason, &item.id).await?;
            if let Some(after) = &answered.after {
                also.push(Entity::AccountControls((**after).clone()));
            }
            Ok(Entity::ActionRequest(answered))
        }
        Action::AnswerAlert { alert_id, outcome, note } => {
            let answer = arbiter_contract::AnswerAlert { outcome: *outcome, note: note.clone() };
            client.answer_alert(*alert_id, &answer, &item.id).await.map(Entity::DisputeAlert)
        }
        Action::CancelActionRequest { request_id, .. } => {
            client.cancel_action_request(*request_id, &item.id).await.map(Entity::ActionRequest)
        }
        Action::UploadDocument { case_id, name, content_type, sha256, path, .. } => {
            let content = match path {
                Some(path) => tokio::fs::read(path)
                    .await
                    .map_err(|e| refused(&format!("the file to upload ({path}) cannot be read: {e}")))?,
                None => cache
                    .file_content(sha256)
                    .await
                    .map_err(|e| {
                        ClientError::Network(format!("the file to upload cannot be read from the cache: {e}"))
                    })?
                    .ok_or_else(|| refused(&format!("the file to upload ({name}) is no longer in the cache")))?,
            };
            client.upload_document(name, *case_id, content_type, sha256, content, &item.id).await.map(Entity::Document)
        }
    }
}

/// Uploads the files a reply or a note carries, each idempotent by its own key (a retry after
/// a cut connection stores nothing twice). A file gone from the cache cannot be sent: the
/// action is refused with the file's name, for the agent to attach it again.
async fn upload_files(
    client: &ApiClient,
    cache: &Cache,
    item: &OutboxItem,
    files: &[arbiter_contract::OutgoingFile],
) -> Result<(), ClientError> {
    for (i, file) in files.iter().enumerate() {
        let content = cache
            .file_content(&file.sha256)
            .await
            .map_err(|e| ClientError::Network(format!("the file to send cannot be read from the cache: {e}")))?
            .ok_or_else(|| {
                refused(&format!("the file {} is no longer on this computer; attach it again", file.name))
            })?;
        client.upload_attachment(&file.name, content, &file.sha256, &format!("{}-file-{i}", item.id)).await?;
    }
    Ok(())
}

/// The files an action kept pinned until it was sent.
fn pinned_files(action: &Action) -> Vec<&str> {
    match action {
        Action::Reply { files, .. } | Action::Note { files, .. } | Action::StartEmail { files, .. } => {
            files.iter().map(|f| f.sha256.as_str()).collect()
        }
        Action::UploadDocument { path: None, sha256, .. } => vec![sha256.as_str()],
        _ => Vec::new(),
    }
}

/// Sends what the outbox holds, in order, until it is empty or the server cannot be reached.
pub async fn replay(client: &ApiClient, cache: &Cache) -> Result<ReplayReport, SyncError> {
    let mut report = ReplayReport::default();
    for item in cache.outbox_to_send().await? {
        let own_versions = cache.own_versions_since(&item).await?;
        cache.mark_sending(&item.id).await?;
        report.tickets.extend(item.action.ticket_id());
        let mut also = Vec::new();
        match send(client, cache, &item, own_versions, &mut also).await {
            Ok(result) => {
                cache.mark_done(&item.id, &result, &also).await?;
                report.others |= item.action.ticket_id().is_none();
                // Sent: the local copies are ordinary cached files now (or, from an earlier
                // desk, a file in the data folder that has done its job).
                if let Action::UploadDocument { path: Some(path), .. } = &item.action {
                    let _ = tokio::fs::remove_file(path).await;
                }
                for sha256 in pinned_files(&item.action) {
                    cache.unpin_file(sha256).await?;
                }
                report.done += 1;
            }
            // An alert's answer is final: answered meanwhile (by a colleague, or by the
            // policy), there is nothing to send again. The alert as it is goes into the cache
            // and the agent reads why theirs was not sent.
            Err(ClientError::Rejected { status: 409, error }) if matches!(item.action, Action::AnswerAlert { .. }) => {
                if let Some(current) = error.current.as_deref() {
                    cache.put_entities(std::slice::from_ref(current)).await?;
                }
                cache.mark_rejected(&item.id, &error.message).await?;
                report.rejected += 1;
            }
            Err(ClientError::Rejected { status: 409, error }) => {
                cache.mark_conflict(&item.id, &error.message, error.current.as_deref()).await?;
                report.conflicts += 1;
            }
            Err(error) if error.is_transient() => {
                cache.mark_retry(&item.id, &error.to_string()).await?;
                report.stopped_by = Some(error.to_string());
                return Err(SyncError::Client(error));
            }
            Err(ClientError::Unauthorized(message)) => {
                cache.mark_retry(&item.id, &message).await?;
                return Err(SyncError::Client(ClientError::Unauthorized(message)));
            }
            Err(error) => {
                cache.mark_rejected(&item.id, &error.to_string()).await?;
                report.rejected += 1;
            }
        }
    }
    report.tickets.sort_unstable();
    report.tickets.dedup();
    Ok(report)
}
