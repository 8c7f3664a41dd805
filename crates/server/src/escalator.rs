//! The escalation matrix, run by the server (the authority): every few seconds it evaluates
//! the active tickets with `arbiter_policy::escalation` — the same code the desk runs
//! offline — and raises what applies, once per ticket and reason; a higher level of the same
//! reason (100,000 USD after 10,000, a prolonged breach after a breach) raises again. Desks
//! get each escalation on the live stream at once. Sensitive language is raised as the
//! message arrives (`inbound`), not here.

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use arbiter_contract::*;
use arbiter_policy::escalation::{evaluate, Facts};
use chrono::{DateTime, Duration, Utc};

use crate::store::entities::put_ticket;
use crate::store::rows::list;
use crate::store::{reads, Scope};
use crate::AppState;

/// The running sweep; dropping it stops it.
pub struct Escalator {
    task: crate::cluster::Tasks,
}

impl Escalator {
    pub fn spawn(state: AppState, every: StdDuration) -> Self {
        let task = tokio::spawn(async move {
            loop {
                match sweep(&state, Utc::now()).await {
                    Ok(raised) if !raised.is_empty() => tracing::info!(raised = raised.len(), "escalations raised"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "the escalation sweep failed"),
                }
                // Account-action requests nobody approved in time lapse on the same beat.
                match crate::domain::controls::lapse_due(&state, Utc::now()).await {
                    Ok(0) => {}
                    Ok(lapsed) => tracing::info!(lapsed, "account-action requests lapsed"),
                    Err(error) => tracing::warn!(error = %error.body.message, "lapsing requests failed"),
                }
                // Alerts whose programme deadline passed unanswered expire on the same beat.
                match crate::domain::alerts::expire_due(&state, Utc::now()).await {
                    Ok(0) => {}
                    Ok(expired) => tracing::info!(expired, "dispute alerts expired"),
                    Err(error) => tracing::warn!(error = %error.body.message, "expiring alerts failed"),
                }
                tokio::time::sleep(every).await;
            }
        });
        Self { task: crate::cluster::Tasks::new(vec![task]) }
    }

    pub fn into_task(self) -> crate::cluster::Tasks {
        self.task
    }
}

const ACTIVE: &str = "('new', 'open', 'pending', 'on_hold')";

/// Evaluates every active ticket at `now` and raises what the matrix says and nobody raised
/// yet. Returns the escalations it created.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<Vec<Escalation>, sqlx::Error> {
    let mut conn = state.db.pool.acquire().await?;
    let policy = reads::policy(&mut conn).await?;
    let tickets: Vec<Ticket> =
        list(&mut conn, &format!("SELECT data FROM tickets WHERE status IN {ACTIVE} ORDER BY id"), vec![]).await?;
    if tickets.is_empty() {
        return Ok(Vec::new());
    }
    // What is already raised: the highest level per (ticket, reason).
    let raised: Vec<Escalation> =
        list(&mut conn, "SELECT data FROM escalations WHERE ticket_id IS NOT NULL", vec![]).await?;
    let mut highest: HashMap<(i64, EscalationReason), EscalationLevel> = HashMap::new();
    for e in &raised {
        if let Some(ticket) = e.ticket_id {
            let level = highest.entry((ticket, e.reason)).or_insert(e.level);
            *level = (*level).max(e.level);
        }
    }
    let vip: std::collections::HashSet<i64> =
        sqlx::query_scalar::<_, i64>("SELECT id FROM customers WHERE data NOT LIKE '%\"vip_tier\":\"none\"%'")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    let cases: HashMap<i64, Case> =
        list::<Case>(&mut conn, "SELECT data FROM cases WHERE data NOT LIKE '%\"status\":\"closed\"%'", vec![])
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    // Contacts on the same issue: the customer's tickets of the same kind opened in the week
    // up to each ticket.
    let since = (now - Duration::days(14)).timestamp_millis();
    let recent: Vec<Ticket> =
        list(&mut conn, "SELECT data FROM tickets WHERE created_at > $1", vec![since.into()]).await?;
    let mut opened: HashMap<(i64, TicketKind), Vec<DateTime<Utc>>> = HashMap::new();
    for t in &recent {
        opened.entry((t.customer_id, t.kind)).or_default().push(t.created_at);
    }
    // Fraud score at decline level: the customers of active tickets, re-scored when their
    // activity changed.
    let mut customers: Vec<i64> = tickets.iter().map(|t| t.customer_id).collect();
    customers.sort_unstable();
    customers.dedup();
    let declining = state.risk.declining(&mut conn, &customers, &policy.risk, now).await?;
    drop(conn);
    // The policy's auto-hold stops the money of those customers while a person looks.
    match crate::domain::controls::auto_hold(state, &declining, now).await {
        Ok(held) if !held.is_empty() => tracing::info!(customers = ?held, "withdrawals held at the decline band"),
        Ok(_) => {}
        Err(error) => tracing::warn!(error = %error.body.message, "the auto-hold failed"),
    }

    let mut created = Vec::new();
    for ticket in &tickets {
        let case = ticket.case_id.and_then(|id| cases.get(&id));
        let facts = Facts {
            vip: vip.contains(&ticket.customer_id),
            disputed_usd: case.map(|c| c.amount_usd_cents as f64 / 100.0),
            contacts_in_7_days: opened.get(&(ticket.customer_id, ticket.kind)).map_or(1, |times| {
                times
                    .iter()
                    .filter(|&&at| at <= ticket.created_at && at > ticket.created_at - Duration::days(7))
                    .count() as u32
            }),
            sensitive_word: None,
            fraud_decline: declining.contains(&ticket.customer_id),
            chargeback_unanswered_due: case.filter(|c| c.card.is_some() && c.decision.is_none()).and_then(|c| c.due_at),
        };
        let new: Vec<_> = evaluate(&policy.escalation, &policy.sla, ticket, &facts, now)
            .into_iter()
            .filter(|r| highest.get(&(ticket.id, r.reason)).is_none_or(|level| *level < r.level))
            .collect();
        if new.is_empty() {
            continue;
        }
        let mut tx = state.db.begin_write().await?;
        // The ticket as it is now (the sweep's copy may be a moment old).
        let Some(current) = reads::ticket(&mut tx, ticket.id).await? else { continue };
        let mut escalations = Vec::new();
        for raise in &new {
            let escalation = crate::domain::inbound::raise(
                &mut tx,
                &current,
                raise.level,
                raise.reason,
                raise.detail.clone(),
                &raise.team,
            )
            .await?;
            highest.insert((ticket.id, raise.reason), raise.level);
            escalations.push(escalation);
        }
        let top = new.iter().map(|r| r.level).max().unwrap_or(EscalationLevel::L0);
        let mut next = current.clone();
        if top > next.escalation_level {
            next.escalation_level = top;
            next.updated_at = now;
            next.version += 1;
            put_ticket(&mut tx, &next).await?;
        }
        tx.commit().await?;
        for escalation in escalations {
            state.hub.publish(
                StreamPayload::Escalation { escalation: escalation.clone() },
                vec![Scope::of_escalation(&escalation, Some(&next))],
            );
            created.push(escalation);
        }
    }
    Ok(created)
}
