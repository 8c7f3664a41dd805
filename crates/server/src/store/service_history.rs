//! What the service report needs that a ticket's newest state forgets: each change of its
//! status, assignee or team, and when the customer first wrote and a person first replied.
//! Written by `put_ticket` and `put_message`, so every path that changes a ticket keeps it.

use std::collections::HashMap;

use arbiter_contract::codec::{from_ms, from_wire_name, to_ms, wire_name};
use arbiter_contract::{AuthorKind, Channel, Csat, Message, Ticket, TicketId};
use arbiter_policy::service::{StateChange, TicketHistory};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, Row};

use super::rows::{bind, from_json, params, Val};

/// Appends `ticket`'s state if its status, assignee or team differs from the stored row's
/// (call before the row is overwritten).
pub async fn record_state(conn: &mut AnyConnection, ticket: &Ticket) -> Result<(), sqlx::Error> {
    let status = wire_name(&ticket.status);
    let stored: Option<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT status, assignee_id, queue FROM tickets WHERE id = $1")
            .bind(ticket.id)
            .fetch_optional(&mut *conn)
            .await?;
    if stored.is_some_and(|(s, a, q)| s == status && a == ticket.assignee_id && q == ticket.queue) {
        return Ok(());
    }
    sqlx::query("INSERT INTO ticket_states (ticket_id, at, status, assignee_id, queue) VALUES ($1, $2, $3, $4, $5)")
        .bind(ticket.id)
        .bind(to_ms(ticket.updated_at))
        .bind(status)
        .bind(ticket.assignee_id)
        .bind(ticket.queue.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// Notes the customer's first message or a person's first reply (system lines are neither).
pub async fn record_message(conn: &mut AnyConnection, message: &Message) -> Result<(), sqlx::Error> {
    let at = to_ms(message.created_at);
    let query = match (message.author_kind, message.author_agent_id) {
        (AuthorKind::Customer, _) => sqlx::query(
            "INSERT INTO ticket_replies (ticket_id, first_customer_at) VALUES ($1, $2)
             ON CONFLICT (ticket_id) DO UPDATE
             SET first_customer_at = COALESCE(ticket_replies.first_customer_at, excluded.first_customer_at)",
        )
        .bind(message.ticket_id)
        .bind(at),
        (AuthorKind::Agent, Some(agent)) => sqlx::query(
            "INSERT INTO ticket_replies (ticket_id, first_reply_at, first_reply_agent) VALUES ($1, $2, $3)
             ON CONFLICT (ticket_id) DO UPDATE
             SET first_reply_agent = COALESCE(ticket_replies.first_reply_agent, excluded.first_reply_agent),
                 first_reply_at = COALESCE(ticket_replies.first_reply_at, excluded.first_reply_at)",
        )
        .bind(message.ticket_id)
        .bind(at)
        .bind(agent),
        _ => return Ok(()),
    };
    query.execute(conn).await?;
    Ok(())
}

/// The rows the generator writes for a ticket made whole: worked from creation, then (if it
/// is done) in its final state when it was solved. `reopened` inserts a solve and a reopen
/// between the two.
pub fn generated_states(ticket: &Ticket, reopened: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Vec<Vec<Val>> {
    let done = !ticket.status.is_active();
    let row = |at: DateTime<Utc>, status: &str| {
        vec![
            Val::from(ticket.id),
            Val::from(to_ms(at)),
            Val::from(status),
            Val::from(ticket.assignee_id),
            Val::from(ticket.queue.as_str()),
        ]
    };
    let first = if done { "open".to_owned() } else { wire_name(&ticket.status) };
    let mut rows = vec![row(ticket.created_at, &first)];
    if done {
        if let Some((solved, again)) = reopened {
            rows.push(row(solved, "solved"));
            rows.push(row(again, "open"));
        }
        rows.push(row(ticket.solved_at.unwrap_or(ticket.updated_at), &wire_name(&ticket.status)));
    }
    rows
}

/// The few fields of a stored ticket the report reads (the rest of its JSON is skipped, not
/// built: a year of a busy team is tens of thousands of tickets).
#[derive(serde::Deserialize)]
struct ReportedTicket {
    channel: Channel,
    language: String,
    created_at: DateTime<Utc>,
    #[serde(default)]
    csat: Option<Csat>,
}

/// The histories of the tickets that were in one of `teams` at some time and changed
/// within `[from, to)` (a ticket with an event in the period was updated after it began).
pub async fn histories(
    conn: &mut AnyConnection,
    teams: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<TicketHistory>, sqlx::Error> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    let within = format!(
        "t.updated_at >= $1 AND t.created_at < $2
         AND t.id IN (SELECT ticket_id FROM ticket_states WHERE queue IN ({}))",
        params(2, teams.len())
    );
    let args = || {
        let mut args = vec![Val::from(to_ms(from)), Val::from(to_ms(to))];
        args.extend(teams.iter().map(|t| Val::from(t.as_str())));
        args
    };

    let sql = format!(
        "SELECT t.id, t.data, r.first_customer_at, r.first_reply_at, r.first_reply_agent
         FROM tickets t LEFT JOIN ticket_replies r ON r.ticket_id = t.id WHERE {within} ORDER BY t.id"
    );
    let mut query = sqlx::query(&sql);
    for value in args() {
        query = bind(query, value);
    }
    let mut histories = Vec::new();
    let mut index: HashMap<TicketId, usize> = HashMap::new();
    for row in query.fetch_all(&mut *conn).await? {
        let ticket: ReportedTicket = from_json(row.try_get::<&str, _>(1)?)?;
        let first_reply = match (row.try_get::<Option<i64>, _>(3)?, row.try_get::<Option<i64>, _>(4)?) {
            (Some(at), Some(agent)) => Some((from_ms(at), agent)),
            _ => None,
        };
        index.insert(row.try_get(0)?, histories.len());
        histories.push(TicketHistory {
            channel: ticket.channel,
            language: ticket.language,
            created_at: ticket.created_at,
            first_customer_at: row.try_get::<Option<i64>, _>(2)?.map(from_ms),
            first_reply,
            states: Vec::new(),
            csat: ticket.csat,
        });
    }

    let sql = format!(
        "SELECT s.ticket_id, s.at, s.status, s.assignee_id, s.queue
         FROM ticket_states s JOIN tickets t ON t.id = s.ticket_id WHERE {within} ORDER BY s.ticket_id, s.at, s.id"
    );
    let mut query = sqlx::query(&sql);
    for value in args() {
        query = bind(query, value);
    }
    for row in query.fetch_all(conn).await? {
        let Some(&i) = index.get(&row.try_get::<i64, _>(0)?) else { continue };
        let status = from_wire_name(row.try_get::<&str, _>(2)?)
            .map_err(|e| sqlx::Error::Decode(format!("a stored ticket status does not parse: {e}").into()))?;
        histories[i].states.push(StateChange {
            at: from_ms(row.try_get(1)?),
            status,
            assignee_id: row.try_get(3)?,
            queue: row.try_get(4)?,
        });
    }
    Ok(histories)
}
