//! The audit log: every mutation with its actor, before and after.

use arbiter_contract::{AuditEntry, AuditQuery};
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::AnyConnection;

use super::rows::{list, to_json, Val};

pub struct AuditRecord<'a> {
    pub actor_id: i64,
    pub action: &'a str,
    pub entity_kind: &'a str,
    pub entity_id: i64,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub idempotency_key: Option<&'a str>,
    pub at: DateTime<Utc>,
}

pub async fn record(conn: &mut AnyConnection, entry: AuditRecord<'_>) -> Result<i64, sqlx::Error> {
    let id = super::rows::next_id(conn, "audit_log").await?;
    let stored = AuditEntry {
        id,
        actor_id: entry.actor_id,
        action: entry.action.to_owned(),
        entity_kind: entry.entity_kind.to_owned(),
        entity_id: entry.entity_id,
        before: entry.before,
        after: entry.after,
        idempotency_key: entry.idempotency_key.map(str::to_owned),
        at: entry.at,
    };
    sqlx::query(
        "INSERT INTO audit_log (id, actor_id, action, entity_kind, entity_id, at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(stored.actor_id)
    .bind(stored.action.clone())
    .bind(stored.entity_kind.clone())
    .bind(stored.entity_id)
    .bind(stored.at.timestamp_millis())
    .bind(to_json(&stored))
    .execute(conn)
    .await?;
    Ok(id)
}

/// Newest first.
/// At most `limit` entries (clamped to 1–1000) matching `q`, newest first.
pub async fn query(conn: &mut AnyConnection, q: &AuditQuery, limit: u32) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut sql = "SELECT data FROM audit_log WHERE 1 = 1".to_owned();
    let mut args: Vec<Val> = Vec::new();
    let mut add = |clause: &str, value: Val, args: &mut Vec<Val>| {
        args.push(value);
        sql.push_str(&format!(" AND {clause} ${}", args.len()));
    };
    if let Some(kind) = &q.entity_kind {
        add("entity_kind =", Val::from(kind.as_str()), &mut args);
    }
    if let Some(id) = q.entity_id {
        add("entity_id =", id.into(), &mut args);
    }
    if let Some(actor) = q.actor_id {
        add("actor_id =", actor.into(), &mut args);
    }
    if let Some(before) = q.before {
        add("id <", before.into(), &mut args);
    }
    let limit = limit.clamp(1, 1000);
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit}"));
    list(conn, &sql, args).await
}
