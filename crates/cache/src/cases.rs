//! Cases (investigations) as the desk holds them: the case with the agent's unsent changes
//! laid over it, its audit trail, and those changes themselves.

use arbiter_contract::{Case, CaseEvent, CaseUpdate, Entity, EntityKind};

use crate::outbox::{item, Action, OutboxItem, OutboxState};
use crate::{rows, Cache, CacheError};

/// A wire name ("visa", "represented_won") read back as its enum.
fn parse<T: serde::de::DeserializeOwned>(value: Option<String>) -> Option<T> {
    value.and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok())
}

/// Cases that share every figure loss analytics break down by, and their sums: one row
/// of a GROUP BY over `case_facts` (a single case, from `CaseFact::of`, is a group of one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFact {
    /// `YYYY-MM` (UTC) it counts in: decided, or, still open, opened.
    pub month: String,
    pub queue: String,
    pub kind: arbiter_contract::CaseKind,
    pub network: Option<arbiter_contract::CardNetwork>,
    pub reason_code: Option<String>,
    pub outcome: Option<arbiter_contract::CaseOutcome>,
    /// The channel of the first ticket, when that ticket is cached.
    pub channel: Option<String>,
    pub cases: i64,
    pub amount_usd_cents: i64,
    pub lost_usd_cents: i64,
    pub recovered_usd_cents: i64,
}

impl CaseFact {
    /// One case as a group of one.
    pub fn of(case: &Case, channel: Option<String>) -> Self {
        CaseFact {
            month: case.closed_at.unwrap_or(case.created_at).format("%Y-%m").to_string(),
            queue: case.queue.clone(),
            kind: case.kind,
            network: case.card.as_ref().map(|c| c.network),
            reason_code: case.card.as_ref().map(|c| c.reason_code.clone()),
            outcome: case.outcome,
            channel,
            cases: 1,
            amount_usd_cents: case.amount_usd_cents,
            lost_usd_cents: case.lost_usd_cents,
            recovered_usd_cents: case.recovered_usd_cents,
        }
    }
}

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
        // The outbox first (see `ticket_view`): a change shows pending or as the server's.
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
        for pending in outbox.iter().filter(|i| matches!(i.state, OutboxState::Pending | OutboxState::Sending)) {
            if let Action::UpdateCase { update, .. } = &pending.action {
                overlay(&mut case, update, pending.created_at);
            }
        }
        Ok(Some(CaseParts { case, events, outbox }))
    }
}

impl Cache {
    /// How the cached chargebacks of one network's reason code ended (for the advice on a
    /// new one): represented and won, represented and lost, accepted, and what was recovered.
    pub async fn reason_history(
        &self,
        network: arbiter_contract::CardNetwork,
        reason_code: &str,
    ) -> Result<arbiter_policy::advice::ReasonHistory, CacheError> {
        use sqlx::Row as _;
        let rows = sqlx::query(
            "SELECT outcome, COUNT(*) AS cases, SUM(recovered_usd_cents) AS recovered FROM case_facts
             WHERE kind = 'chargeback' AND network = ? AND reason_code = ? AND outcome IS NOT NULL
             GROUP BY outcome",
        )
        .bind(arbiter_contract::codec::wire_name(&network))
        .bind(reason_code.trim())
        .fetch_all(&self.pool)
        .await?;
        let mut history = arbiter_policy::advice::ReasonHistory::default();
        for row in &rows {
            let cases = row.try_get::<i64, _>("cases")? as u32;
            history.recovered_usd_cents += row.try_get::<Option<i64>, _>("recovered")?.unwrap_or(0);
            match parse::<arbiter_contract::CaseOutcome>(row.try_get("outcome")?) {
                Some(arbiter_contract::CaseOutcome::RepresentedWon) => history.won += cases,
                Some(arbiter_contract::CaseOutcome::RepresentedLost) => history.lost += cases,
                Some(arbiter_contract::CaseOutcome::Refunded) => history.accepted += cases,
                _ => {}
            }
        }
        Ok(history)
    }
}

impl Cache {
    /// The card payments the customer's chargebacks dispute (their activity events), other
    /// than `except_case`'s: an earlier payment disputed before is never evidence.
    pub async fn disputed_payments(&self, customer_id: i64, except_case: i64) -> Result<Vec<i64>, CacheError> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT json_extract(data, '$.data.card.payment_event_id') FROM entities
             WHERE kind = 'case' AND json_extract(data, '$.data.customer_id') = ? AND id <> ?
               AND json_extract(data, '$.data.card.payment_event_id') IS NOT NULL",
        )
        .bind(customer_id)
        .bind(except_case)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }
}

impl Cache {
    /// The cases that count between `from` and `to` (UTC days, inclusive), grouped by every
    /// figure loss analytics break down by; one pass over the narrow `case_facts` table.
    pub async fn case_fact_groups(
        &self,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Result<Vec<CaseFact>, CacheError> {
        let rows = sqlx::query(
            "SELECT substr(counted_day, 1, 7) AS month, queue, kind, network, reason_code, outcome, channel,
                    COUNT(*) AS cases, SUM(amount_usd_cents) AS amount, SUM(lost_usd_cents) AS lost,
                    SUM(recovered_usd_cents) AS recovered
             FROM case_facts
             WHERE (?1 IS NULL OR counted_day >= ?1) AND (?2 IS NULL OR counted_day <= ?2)
             GROUP BY 1, 2, 3, 4, 5, 6, 7",
        )
        .bind(from.map(|d| d.to_string()))
        .bind(to.map(|d| d.to_string()))
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            use sqlx::Row as _;
            let Some(kind) = parse(row.try_get("kind")?) else { continue };
            out.push(CaseFact {
                month: row.try_get("month")?,
                queue: row.try_get("queue")?,
                kind,
                network: parse(row.try_get("network")?),
                reason_code: row.try_get("reason_code")?,
                outcome: parse(row.try_get("outcome")?),
                channel: row.try_get("channel")?,
                cases: row.try_get("cases")?,
                amount_usd_cents: row.try_get("amount")?,
                lost_usd_cents: row.try_get("lost")?,
                recovered_usd_cents: row.try_get("recovered")?,
            });
        }
        Ok(out)
    }

    /// The teams the cached cases belong to.
    pub async fn case_teams(&self) -> Result<Vec<String>, CacheError> {
        Ok(sqlx::query_scalar("SELECT DISTINCT queue FROM case_facts ORDER BY queue").fetch_all(&self.pool).await?)
    }

    /// The newest cached cases' ids.
    pub async fn recent_case_ids(&self, limit: u32) -> Result<Vec<i64>, CacheError> {
        Ok(sqlx::query_scalar("SELECT id FROM case_facts ORDER BY id DESC LIMIT ?")
            .bind(limit)
            .fetch_all(&self.pool)
            .await?)
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

#[cfg(test)]
mod tests {
    use crate::Cache;

    /// The case screen's lookups go by index, not through every cached entity.
    #[tokio::test]
    async fn case_lookups_use_their_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(&dir.path().join("c.sqlite")).await.unwrap();
        for (kind, sql) in [
            (
                "case_event",
                "SELECT data FROM entities WHERE kind = 'case_event' AND json_extract(data, '$.data.case_id') = ?",
            ),
            (
                "document",
                "SELECT data FROM entities WHERE kind = 'document' AND json_extract(data, '$.data.case_id') = ?",
            ),
        ] {
            let plan: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}")).bind(1).fetch_all(&cache.pool).await.unwrap();
            let detail: Vec<&str> = plan.iter().map(|p| p.3.as_str()).collect();
            assert!(detail.iter().any(|d| d.contains("USING INDEX")), "{kind}: {detail:?}");
        }
    }
}
