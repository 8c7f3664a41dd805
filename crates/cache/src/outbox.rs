//! The outbox: agent actions persisted before they go anywhere. The replayer (in the sync
//! engine) sends them in order, each with its id as the Idempotency-Key, so a send that was
//! cut off — by the network or a crash — is simply sent again and applied once.

use arbiter_contract::codec::from_ms;
use arbiter_contract::{AddEvidence, CaseUpdate, CreateCase, CreateSar, Entity, SarUpdate, TicketUpdate};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::Row;

use crate::{Cache, CacheError};

/// Something the agent did that the server must learn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// A reply, with the files going with it (their bytes wait pinned in the cache's files).
    Reply {
        ticket_id: i64,
        body: String,
        #[serde(default)]
        files: Vec<arbiter_contract::OutgoingFile>,
    },
    Note {
        ticket_id: i64,
        body: String,
        #[serde(default)]
        files: Vec<arbiter_contract::OutgoingFile>,
    },
    /// A new email conversation with a customer, in one of the agent's queues. `ticket_id`
    /// is the ticket it was written from (its refusals show there).
    StartEmail {
        ticket_id: Option<i64>,
        customer_id: i64,
        queue: String,
        subject: String,
        body: String,
        #[serde(default)]
        files: Vec<arbiter_contract::OutgoingFile>,
    },
    /// Status, priority, assignee, queue or tags, made on `base_version` of the ticket.
    UpdateTicket { ticket_id: i64, base_version: i64, update: TicketUpdate },
    /// Asks an internal team about the ticket (product, marketing, compliance, risk,
    /// payments); the server puts the ticket on hold.
    StartSideConversation { ticket_id: i64, team: String, subject: String, body: String },
    /// Forwards message `message_id` of the ticket by email to `to` (an outside address),
    /// with the agent's note: a side conversation by email.
    Forward { ticket_id: i64, message_id: i64, to: String, body: String },
    /// Writes in a side conversation, closing it if `close`.
    SideMessage { ticket_id: i64, side_conversation_id: i64, body: String, close: bool },
    /// Takes an escalation (it stops ringing for everyone else), made on its `base_version`.
    AcknowledgeEscalation { escalation_id: i64, ticket_id: Option<i64>, base_version: i64 },
    /// Opens an investigation from the ticket (the server links them).
    CreateCase { ticket_id: i64, case: CreateCase },
    /// Status, stage, decision, outcome, summary or amounts of a case, made on its
    /// `base_version`. `ticket_id` is the ticket it was changed from, for its screen.
    UpdateCase { case_id: i64, ticket_id: Option<i64>, base_version: i64, update: CaseUpdate },
    /// A piece of evidence for a case, made on its `base_version`.
    AddEvidence { case_id: i64, ticket_id: Option<i64>, base_version: i64, evidence: AddEvidence },
    /// A suspicious-activity report to compliance: a new one (`sar_id` none) or changes to
    /// a draft made on `base_version`; sent on to compliance when `submit`. Each step is
    /// idempotent, so a send cut off between them is simply sent again.
    FileSar {
        customer_id: i64,
        ticket_id: Option<i64>,
        sar_id: Option<i64>,
        base_version: i64,
        create: Option<CreateSar>,
        update: Option<SarUpdate>,
        submit: bool,
    },
    /// An action on a customer's account (hold, freeze …), made on the controls'
    /// `base_version`; applied or waiting for approval as the server decides, never here.
    AccountAction {
        customer_id: i64,
        ticket_id: Option<i64>,
        base_version: i64,
        request: arbiter_contract::RequestAction,
    },
    /// Approves or declines a request waiting for the agent (`ticket_id`: where it was
    /// answered from, if a ticket).
    AnswerActionRequest { request_id: i64, customer_id: i64, ticket_id: Option<i64>, approve: bool, reason: String },
    /// Takes back the agent's own request still waiting.
    CancelActionRequest { request_id: i64, customer_id: i64, ticket_id: Option<i64> },
    /// Answers a pre-dispute alert (final once the server has it).
    AnswerAlert { alert_id: i64, outcome: arbiter_contract::AlertOutcome, note: String },
    /// A file for the company's document store (a report, evidence): it waits in the
    /// cache's files, pinned, until sent, and goes with its SHA-256 for the store to check.
    /// Actions queued by earlier desks name a `path` in the data folder instead.
    UploadDocument {
        case_id: Option<i64>,
        ticket_id: Option<i64>,
        name: String,
        content_type: String,
        sha256: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        path: Option<String>,
    },
}

impl Action {
    pub fn ticket_id(&self) -> Option<i64> {
        match self {
            Action::Reply { ticket_id, .. }
            | Action::Note { ticket_id, .. }
            | Action::UpdateTicket { ticket_id, .. }
            | Action::StartSideConversation { ticket_id, .. }
            | Action::SideMessage { ticket_id, .. }
            | Action::Forward { ticket_id, .. }
            | Action::CreateCase { ticket_id, .. } => Some(*ticket_id),
            Action::AcknowledgeEscalation { ticket_id, .. }
            | Action::StartEmail { ticket_id, .. }
            | Action::UpdateCase { ticket_id, .. }
            | Action::AddEvidence { ticket_id, .. }
            | Action::UploadDocument { ticket_id, .. }
            | Action::FileSar { ticket_id, .. }
            | Action::AccountAction { ticket_id, .. }
            | Action::AnswerActionRequest { ticket_id, .. }
            | Action::CancelActionRequest { ticket_id, .. } => *ticket_id,
            Action::AnswerAlert { .. } => None,
        }
    }

    /// The version of the case an action was made on.
    pub fn base_version(&self) -> Option<i64> {
        match self {
            Action::UpdateCase { base_version, .. } | Action::AddEvidence { base_version, .. } => Some(*base_version),
            _ => None,
        }
    }

    /// The customer whose account an action acts on.
    pub fn account_of(&self) -> Option<i64> {
        match self {
            Action::AccountAction { customer_id, .. }
            | Action::AnswerActionRequest { customer_id, .. }
            | Action::CancelActionRequest { customer_id, .. } => Some(*customer_id),
            _ => None,
        }
    }

    /// The case an action changes (not one it creates: that has no id yet).
    pub fn case_id(&self) -> Option<i64> {
        match self {
            Action::UpdateCase { case_id, .. } | Action::AddEvidence { case_id, .. } => Some(*case_id),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent (or to be sent again).
    Pending,
    /// Being sent; after a crash it is sent again with the same key.
    Sending,
    Done,
    /// The server had a newer version; the agent chooses: keep mine or take theirs.
    Conflict,
    /// The server refused it for good; `last_error` says why.
    Rejected,
}

impl OutboxState {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sending => "sending",
            OutboxState::Done => "done",
            OutboxState::Conflict => "conflict",
            OutboxState::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "sending" => OutboxState::Sending,
            "done" => OutboxState::Done,
            "conflict" => OutboxState::Conflict,
            "rejected" => OutboxState::Rejected,
            _ => OutboxState::Pending,
        }
    }
}

/// One action and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OutboxItem {
    /// Also the Idempotency-Key.
    pub id: String,
    /// Replay order.
    pub seq: i64,
    pub action: Action,
    pub state: OutboxState,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// With `conflict`: the server's current state of the entity.
    pub conflict: Option<Entity>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn decode<T: serde::de::DeserializeOwned>(column: &str, text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(|e| sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) })
}

pub(crate) fn item(row: &sqlx::sqlite::SqliteRow) -> Result<OutboxItem, sqlx::Error> {
    Ok(OutboxItem {
        id: row.try_get("id")?,
        seq: row.try_get("seq")?,
        action: decode("action", row.try_get("action")?)?,
        state: OutboxState::parse(row.try_get("state")?),
        attempts: row.try_get("attempts")?,
        last_error: row.try_get("last_error")?,
        conflict: match row.try_get::<Option<&str>, _>("conflict")? {
            Some(text) => Some(decode("conflict", text)?),
            None => None,
        },
        created_at: from_ms(row.try_get("created_at")?),
        updated_at: from_ms(row.try_get("updated_at")?),
    })
}

fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// Items the agent must see: not done yet, or refused.
const OPEN_STATES: &str = "('pending', 'sending', 'conflict', 'rejected')";

impl Cache {
    /// Stores an action to be sent. `id` is a fresh UUID from the caller; enqueueing the same
    /// id twice keeps the first (a UI retry of the same click).
    pub async fn enqueue(&self, id: &str, action: &Action) -> Result<OutboxItem, CacheError> {
        let json = serde_json::to_string(action).expect("actions serialize");
        let now = now_ms();
        sqlx::query(
            "INSERT INTO outbox (id, ticket_id, action, state, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(action.ticket_id())
        .bind(json)
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(self.outbox_item(id).await?.expect("just stored"))
    }

    pub async fn outbox_item(&self, id: &str) -> Result<Option<OutboxItem>, CacheError> {
        let row = sqlx::query("SELECT * FROM outbox WHERE id = ?").bind(id).fetch_optional(&self.pool).await?;
        Ok(row.as_ref().map(item).transpose()?)
    }

    /// What still needs sending, oldest first; `sending` ones were cut off and go again.
    pub async fn outbox_to_send(&self) -> Result<Vec<OutboxItem>, CacheError> {
        let rows = sqlx::query("SELECT * FROM outbox WHERE state IN ('pending', 'sending') ORDER BY seq")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item).collect::<Result<_, _>>()?)
    }

    /// Everything not done, oldest first: the pending count, the failed and conflicting ones.
    pub async fn outbox_open(&self) -> Result<Vec<OutboxItem>, CacheError> {
        let rows = sqlx::query(&format!("SELECT * FROM outbox WHERE state IN {OPEN_STATES} ORDER BY seq"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(item).collect::<Result<_, _>>()?)
    }

    pub async fn outbox_for_ticket(&self, ticket_id: i64) -> Result<Vec<OutboxItem>, CacheError> {
        let rows =
            sqlx::query(&format!("SELECT * FROM outbox WHERE ticket_id = ? AND state IN {OPEN_STATES} ORDER BY seq"))
                .bind(ticket_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.iter().map(item).collect::<Result<_, _>>()?)
    }

    pub async fn mark_sending(&self, id: &str) -> Result<(), CacheError> {
        sqlx::query("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?")
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The send failed in a way worth retrying; it waits for the next round.
    pub async fn mark_retry(&self, id: &str, error: &str) -> Result<(), CacheError> {
        sqlx::query("UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? WHERE id = ?")
            .bind(error)
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The server applied it: store its answer with the action's completion, in one
    /// transaction, so the overlay and the data never disagree.
    pub async fn mark_done(&self, id: &str, result: &Entity, also: &[Entity]) -> Result<crate::Applied, CacheError> {
        let mut tx = self.write_tx().await?;
        let mut applied = crate::Applied::default();
        let made: Vec<&Entity> = std::iter::once(result).chain(also).collect();
        crate::apply::apply_all(&mut tx, &made, &mut applied).await?;
        sqlx::query("UPDATE outbox SET state = 'done', last_error = NULL, result = ?, updated_at = ? WHERE id = ?")
            .bind(serde_json::to_string(result).expect("entities serialize"))
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(applied)
    }

    /// The server refused for good (4xx): kept, with why, until the agent dismisses it.
    pub async fn mark_rejected(&self, id: &str, error: &str) -> Result<(), CacheError> {
        sqlx::query("UPDATE outbox SET state = 'rejected', last_error = ?, updated_at = ? WHERE id = ?")
            .bind(error)
            .bind(now_ms())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The server had a newer version (409): its state is stored for the agent to compare,
    /// and applied to the cache, so what the agent sees is the server's truth plus their
    /// unresolved change.
    pub async fn mark_conflict(&self, id: &str, error: &str, current: Option<&Entity>) -> Result<(), CacheError> {
        let mut tx = self.write_tx().await?;
        if let Some(entity) = current {
            let mut applied = crate::Applied::default();
            crate::apply::apply_all(&mut tx, &[entity], &mut applied).await?;
        }
        sqlx::query("UPDATE outbox SET state = 'conflict', last_error = ?, conflict = ?, updated_at = ? WHERE id = ?")
            .bind(error)
            .bind(current.map(|c| serde_json::to_string(c).expect("entities serialize")))
            .bind(now_ms())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Resolves a conflict by keeping the agent's change: it is queued again, on the
    /// server's current version, under a new id (`new_id`), since it is a new request.
    pub async fn keep_mine(&self, id: &str, new_id: &str) -> Result<OutboxItem, CacheError> {
        let current = self.outbox_item(id).await?.ok_or_else(|| CacheError::NotFound(format!("outbox item {id}")))?;
        let version = match &current.conflict {
            Some(Entity::Ticket(ticket)) => Some(ticket.version),
            Some(Entity::Case(case)) => Some(case.version),
            Some(Entity::AccountControls(controls)) => Some(controls.version),
            _ => None,
        };
        let action = match (current.action.clone(), version) {
            (Action::UpdateTicket { ticket_id, update, .. }, Some(version)) => {
                Action::UpdateTicket { ticket_id, base_version: version, update }
            }
            (Action::UpdateCase { case_id, ticket_id, update, .. }, Some(version)) => {
                Action::UpdateCase { case_id, ticket_id, base_version: version, update }
            }
            (Action::AddEvidence { case_id, ticket_id, evidence, .. }, Some(version)) => {
                Action::AddEvidence { case_id, ticket_id, base_version: version, evidence }
            }
            (Action::AccountAction { customer_id, ticket_id, request, .. }, Some(version)) => {
                Action::AccountAction { customer_id, ticket_id, base_version: version, request }
            }
            (action, _) => action,
        };
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM outbox WHERE id = ?").bind(id).execute(&mut *tx).await?;
        let now = now_ms();
        sqlx::query("INSERT INTO outbox (id, ticket_id, action, state, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)")
            .bind(new_id)
            .bind(action.ticket_id())
            .bind(serde_json::to_string(&action).expect("actions serialize"))
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(self.outbox_item(new_id).await?.expect("just stored"))
    }

    /// Resolves a conflict by taking the server's version, or dismisses a rejected action:
    /// the action is dropped (the agent chose so; nothing is dropped silently).
    pub async fn discard(&self, id: &str) -> Result<(), CacheError> {
        sqlx::query("DELETE FROM outbox WHERE id = ? AND state IN ('conflict', 'rejected')")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// How many of the agent's own earlier actions on the ticket were applied after `item`
    /// was queued. Each moved the ticket one version on, so an update made on version V is
    /// really made on V + that many: the agent does not conflict with themselves.
    pub async fn own_versions_since(&self, item: &OutboxItem) -> Result<i64, CacheError> {
        if let Action::AccountAction { customer_id, base_version, .. } = &item.action {
            // Each of the agent's earlier actions on the account that applied moved its
            // controls one version on (a request waiting for approval moved nothing).
            let count: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE json_extract(action, '$.customer_id') = ? AND seq < ? AND state = 'done'
                   AND json_extract(action, '$.type') IN ('account_action', 'answer_action_request')
                   AND json_extract(result, '$.data.after.version') > ?",
            )
            .bind(customer_id)
            .bind(item.seq)
            .bind(base_version)
            .fetch_one(&self.pool)
            .await?;
            return Ok(count);
        }
        if let (Some(case_id), Some(base)) = (item.action.case_id(), item.action.base_version()) {
            // Every change to a case moves it one version on; the agent's own earlier changes
            // that the server applied after the version this one was made on are those whose
            // answer is newer than it (whenever they were sent).
            let count: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE json_extract(action, '$.case_id') = ? AND seq < ? AND state = 'done'
                   AND json_extract(action, '$.type') IN ('update_case', 'add_evidence')
                   AND json_extract(result, '$.data.version') > ?",
            )
            .bind(case_id)
            .bind(item.seq)
            .bind(base)
            .fetch_one(&self.pool)
            .await?;
            return Ok(count);
        }
        let Some(ticket_id) = item.action.ticket_id() else { return Ok(0) };
        // Every action on a ticket bumps its version except a message in a side conversation,
        // taking an escalation and changing its case (opening one links the ticket: it counts).
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND seq < ? AND state = 'done' AND updated_at >= ?
               AND json_extract(action, '$.type')
                   NOT IN ('side_message', 'acknowledge_escalation', 'update_case', 'add_evidence', 'upload_document',
                           'file_sar', 'account_action', 'answer_action_request', 'cancel_action_request')",
        )
        .bind(ticket_id)
        .bind(item.seq)
        .bind(item.created_at.timestamp_millis())
        .fetch_one(&self.pool)
        .await?;
        Ok(count)
    }

    /// Forgets finished actions older than `keep_ms`.
    pub async fn prune_outbox(&self, keep_ms: i64) -> Result<u64, CacheError> {
        let result = sqlx::query("DELETE FROM outbox WHERE state = 'done' AND updated_at < ?")
            .bind(now_ms() - keep_ms)
            .execute(&self.pool)
            .await?;
        Ok(result.rows_affected())
    }
}
