//! The router's tables: the queue of conversations waiting for an agent, the offers made,
//! and what each agent holds now.

use std::collections::HashMap;

use arbiter_contract::{Offer, OfferStatus, TicketId};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::rows::{get, list, to_json, upsert, Val};
use arbiter_contract::codec::wire_name;

/// A conversation in the routing queue.
#[derive(Debug, Clone)]
pub struct Queued {
    pub ticket_id: TicketId,
    pub waiting_since: DateTime<Utc>,
    pub passed_over: Vec<i64>,
}

fn ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Puts a conversation in the queue (again: it keeps its place and who passed on it).
pub async fn enqueue(conn: &mut AnyConnection, ticket_id: TicketId, since: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO routing_queue (ticket_id, waiting_since) VALUES ($1, $2) ON CONFLICT (ticket_id) DO NOTHING",
    )
    .bind(ticket_id)
    .bind(ms(since))
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes a conversation out of the queue (it has its agent, or it ended).
pub async fn dequeue(conn: &mut AnyConnection, ticket_id: TicketId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM routing_queue WHERE ticket_id = $1").bind(ticket_id).execute(conn).await?;
    Ok(())
}

/// Whether no conversation waits and no offer is open (a round has nothing to do).
pub async fn nothing_waiting(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    let (queued, offered): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM routing_queue), (SELECT count(*) FROM offers WHERE status = 'offered')",
    )
    .fetch_one(conn)
    .await?;
    Ok(queued == 0 && offered == 0)
}

/// Every queued conversation, oldest first.
pub async fn queued(conn: &mut AnyConnection) -> Result<Vec<Queued>, sqlx::Error> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT ticket_id, waiting_since, passed_over FROM routing_queue ORDER BY waiting_since, ticket_id",
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(ticket_id, since, passed)| Queued {
            ticket_id,
            waiting_since: at(since),
            passed_over: serde_json::from_str(&passed).unwrap_or_default(),
        })
        .collect())
}

/// One queued conversation.
pub async fn queued_one(conn: &mut AnyConnection, ticket_id: TicketId) -> Result<Option<Queued>, sqlx::Error> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT waiting_since, passed_over FROM routing_queue WHERE ticket_id = $1")
            .bind(ticket_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(since, passed)| Queued {
        ticket_id,
        waiting_since: at(since),
        passed_over: serde_json::from_str(&passed).unwrap_or_default(),
    }))
}

/// Records that `agent_id` passed on a queued conversation (declined, or let it expire).
pub async fn pass_over(conn: &mut AnyConnection, ticket_id: TicketId, agent_id: i64) -> Result<(), sqlx::Error> {
    let Some(mut queued) = queued_one(conn, ticket_id).await? else { return Ok(()) };
    if !queued.passed_over.contains(&agent_id) {
        queued.passed_over.push(agent_id);
    }
    sqlx::query("UPDATE routing_queue SET passed_over = $1 WHERE ticket_id = $2")
        .bind(to_json(&queued.passed_over))
        .bind(ticket_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn put_offer(conn: &mut AnyConnection, offer: &Offer) -> Result<(), sqlx::Error> {
    let columns = [
        ("ticket_id", Val::from(offer.ticket_id)),
        ("agent_id", offer.agent_id.into()),
        ("status", wire_name(&offer.status).into()),
        ("offered_at", ms(offer.offered_at).into()),
        ("expires_at", ms(offer.expires_at).into()),
    ];
    upsert(conn, "offers", offer.id.into(), &columns, to_json(offer)).await
}

pub async fn offer(conn: &mut AnyConnection, id: i64) -> Result<Option<Offer>, sqlx::Error> {
    get(conn, "offers", id).await
}

/// Offers still waiting for an answer, oldest first.
pub async fn open_offers(conn: &mut AnyConnection) -> Result<Vec<Offer>, sqlx::Error> {
    list(conn, "SELECT data FROM offers WHERE status = 'offered' ORDER BY id", Vec::new()).await
}

/// One agent's offers still waiting for their answer.
pub async fn open_offers_of(conn: &mut AnyConnection, agent_id: i64) -> Result<Vec<Offer>, sqlx::Error> {
    list(conn, "SELECT data FROM offers WHERE status = 'offered' AND agent_id = $1 ORDER BY id", vec![agent_id.into()])
        .await
}

/// The open offer of a ticket, if it has one.
pub async fn open_offer_of_ticket(conn: &mut AnyConnection, ticket_id: TicketId) -> Result<Option<Offer>, sqlx::Error> {
    let offers: Vec<Offer> =
        list(conn, "SELECT data FROM offers WHERE ticket_id = $1 AND status = 'offered'", vec![ticket_id.into()])
            .await?;
    Ok(offers.into_iter().next())
}

/// Whether an offer is still open (`status` column), for the runner's expiry sweep.
pub fn is_open(offer: &Offer) -> bool {
    offer.status == OfferStatus::Offered
}

/// Open conversations (new or open) assigned to each agent, per channel: `(chats, emails)`.
pub async fn loads(conn: &mut AnyConnection) -> Result<HashMap<i64, (i64, i64)>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT assignee_id, channel, count(*) FROM tickets \
         WHERE assignee_id IS NOT NULL AND status IN ('new', 'open') GROUP BY assignee_id, channel",
    )
    .fetch_all(conn)
    .await?;
    let mut loads: HashMap<i64, (i64, i64)> = HashMap::new();
    for (agent, channel, count) in rows {
        let entry = loads.entry(agent).or_default();
        if channel == "chat" {
            entry.0 += count;
        } else {
            entry.1 += count;
        }
    }
    Ok(loads)
}

/// When each agent was last offered or given work.
pub async fn last_offered(conn: &mut AnyConnection) -> Result<HashMap<i64, DateTime<Utc>>, sqlx::Error> {
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT agent_id, max(offered_at) FROM offers GROUP BY agent_id").fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(agent, last)| (agent, at(last))).collect())
}

/// Every agent (the router weighs them all; there are hundreds, not thousands).
pub async fn all_agents(conn: &mut AnyConnection) -> Result<Vec<arbiter_contract::Agent>, sqlx::Error> {
    list(conn, "SELECT data FROM agents ORDER BY id", Vec::new()).await
}
