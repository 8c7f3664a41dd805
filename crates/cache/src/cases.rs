//! Cases (investigations) as the desk holds them: the case with the agent's unsent changes
//! laid over it, its audit trail, and those changes themselves.

use arbiter_contract::{Case, CaseEvent, CaseUpdate, Entity, EntityKind};

use crate::outbox::{item, Action, OutboxItem, OutboxState};
use crate::{rows, Cache, CacheError};

/// One case with what its screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseParts {
    /// As the server last said, with the agent's pending changes applied.
    pub case: Case,
    /// The case's audit trail, oldest first.
    pub events: Vec<CaseEvent>,
    /// The agent's actions on it the server has not confirmed, or refused.
    pub outbox: Vec<OutboxItem>,
}

impl Cache {
    pub async fn case_parts(&self, id: i64) -> Result<Option<CaseParts>, CacheError> {
        let Some(Entity::Case(mut case)) = self.entity(EntityKind::Case, id).await? else {
            return Ok(None);
        };
        let rows = sqlx::query(
            "SELECT data FROM entities WHERE kind = 'case_event' AND json_extract(data, '$.data.case_id') = ?",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut events: Vec<CaseEvent> = rows
            .iter()
            .map(|r| rows::decode::<Entity>(r, "data"))
            .filter_map(|e| match e {
                Ok(Entity::CaseEvent(e)) => Some(Ok(e)),
                Ok(_) => None,
                Err(error) => Some(Err(error)),
            })
            .collect::<Result<_, _>>()?;
        events.sort_by_key(|e| (e.at, e.id));
        let outbox: Vec<OutboxItem> = sqlx::query(
            "SELECT * FROM outbox WHERE json_extract(action, '$.case_id') = ?
               AND state IN ('pending', 'sending', 'conflict', 'rejected') ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(item)
        .collect::<Result<_, _>>()?;
        for pending in outbox.iter().filter(|i| matches!(i.state, OutboxState::Pending | OutboxState::Sending)) {
            if let Action::UpdateCase { update, .. } = &pending.action {
                overlay(&mut case, update, pending.created_at);
            }
        }
        Ok(Some(CaseParts { case, events, outbox }))
    }
}

impl Cache {
    /// Every cached case with the channel of its first ticket (for loss analytics).
    pub async fn cases_with_channel(&self) -> Result<Vec<(Case, Option<String>)>, CacheError> {
        let rows = sqlx::query(
            "SELECT e.data, t.channel FROM entities e
             LEFT JOIN tickets t ON t.id = json_extract(e.data, '$.data.ticket_ids[0]')
             WHERE e.kind = 'case'",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Entity::Case(case) = rows::decode::<Entity>(row, "data")? {
                out.push((case, sqlx::Row::try_get::<Option<String>, _>(row, "channel")?));
            }
        }
        Ok(out)
    }

    /// The case's files in the document store, newest first.
    pub async fn case_documents(&self, case_id: i64) -> Result<Vec<arbiter_contract::Document>, CacheError> {
        let rows = sqlx::query(
            "SELECT data FROM entities WHERE kind = 'document' AND json_extract(data, '$.data.case_id') = ?",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        let mut documents: Vec<arbiter_contract::Document> = rows
            .iter()
            .map(|r| rows::decode::<Entity>(r, "data"))
            .filter_map(|e| match e {
                Ok(Entity::Document(d)) => Some(Ok(d)),
                Ok(_) => None,
                Err(error) => Some(Err(error)),
            })
            .collect::<Result<_, _>>()?;
        documents.sort_by_key(|d| std::cmp::Reverse((d.uploaded_at, d.id)));
        Ok(documents)
    }
}

/// What a pending change will make of the case, shown at once.
fn overlay(case: &mut Case, update: &CaseUpdate, at: chrono::DateTime<chrono::Utc>) {
    if let Some(status) = update.status {
        case.status = status;
    }
    if let (Some(stage), Some(card)) = (update.stage, case.card.as_mut()) {
        if card.stage != stage {
            card.stage_began_at = Some(at);
        }
        card.stage = stage;
    }
    if let Some(decision) = update.decision {
        case.decision = Some(decision);
    }
    if let Some(outcome) = update.outcome {
        case.outcome = Some(outcome);
    }
    if let Some(assignee) = update.assignee_id {
        case.assignee_id = assignee;
    }
    if let Some(summary) = &update.summary {
        case.summary = summary.clone();
    }
    if let Some(cents) = update.recovered_usd_cents {
        case.recovered_usd_cents = cents;
    }
    if let Some(cents) = update.lost_usd_cents {
        case.lost_usd_cents = cents;
    }
}
