//! Upserts of each entity, each followed by its change-feed record.

use arbiter_contract::{Agent, Customer, Entity, Message, Ticket};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::codec::{enum_to_str, to_json, to_ms};

/// Records `entity` as its newest state in the feed under a fresh sequence number.
/// `INSERT OR REPLACE` drops the entity's previous feed row, so the feed holds each entity once.
pub async fn record_change(conn: &mut SqliteConnection, entity: &Entity) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT OR REPLACE INTO changes (entity_kind, entity_id, payload) VALUES (?, ?, ?) RETURNING seq",
    )
    .bind(entity.kind().as_str())
    .bind(entity.id())
    .bind(to_json(entity))
    .fetch_one(conn)
    .await
}

pub async fn put_agent(conn: &mut SqliteConnection, agent: &Agent) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT OR REPLACE INTO agents (id, name, email, role, team, languages) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(agent.id)
        .bind(&agent.name)
        .bind(&agent.email)
        .bind(enum_to_str(&agent.role))
        .bind(&agent.team)
        .bind(to_json(&agent.languages))
        .execute(&mut *conn)
        .await?;
    record_change(conn, &Entity::Agent(agent.clone())).await?;
    Ok(())
}

pub async fn put_customer(conn: &mut SqliteConnection, customer: &Customer) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT OR REPLACE INTO customers (id, account_id, name, email, language, country, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(customer.id)
    .bind(&customer.account_id)
    .bind(&customer.name)
    .bind(&customer.email)
    .bind(&customer.language)
    .bind(&customer.country)
    .bind(to_ms(customer.created_at))
    .execute(&mut *conn)
    .await?;
    record_change(conn, &Entity::Customer(customer.clone())).await?;
    Ok(())
}

pub async fn put_ticket(conn: &mut SqliteConnection, ticket: &Ticket) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT OR REPLACE INTO tickets (id, channel, kind, subject, status, priority, queue, assignee_id,
             customer_id, language, tags, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ticket.id)
    .bind(enum_to_str(&ticket.channel))
    .bind(enum_to_str(&ticket.kind))
    .bind(&ticket.subject)
    .bind(enum_to_str(&ticket.status))
    .bind(enum_to_str(&ticket.priority))
    .bind(&ticket.queue)
    .bind(ticket.assignee_id)
    .bind(ticket.customer_id)
    .bind(&ticket.language)
    .bind(to_json(&ticket.tags))
    .bind(to_ms(ticket.created_at))
    .bind(to_ms(ticket.updated_at))
    .bind(ticket.version)
    .execute(&mut *conn)
    .await?;
    record_change(conn, &Entity::Ticket(ticket.clone())).await?;
    Ok(())
}

/// Stores a message. An id of 0 means "assign one"; the stored message is returned.
pub async fn put_message(conn: &mut SqliteConnection, message: &Message) -> Result<Message, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT OR REPLACE INTO messages (id, ticket_id, author_kind, author_agent_id, author_name, text, html,
             created_at, client_ref)
         VALUES (NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(message.id)
    .bind(message.ticket_id)
    .bind(enum_to_str(&message.author_kind))
    .bind(message.author_agent_id)
    .bind(&message.author_name)
    .bind(&message.text)
    .bind(&message.html)
    .bind(to_ms(message.created_at))
    .bind(&message.client_ref)
    .fetch_one(&mut *conn)
    .await?;
    let stored = Message { id, ..message.clone() };
    record_change(conn, &Entity::Message(stored.clone())).await?;
    Ok(stored)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub async fn insert_token(
    conn: &mut SqliteConnection,
    agent_id: i64,
    token: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT OR REPLACE INTO agent_tokens (token_sha256, agent_id, created_at) VALUES (?, ?, ?)")
        .bind(token_hash(token))
        .bind(agent_id)
        .bind(now_ms)
        .execute(conn)
        .await?;
    Ok(())
}
