//! Writing feed pages into the cache.

use std::collections::BTreeSet;

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::{ChangePage, Entity, EntityKind};
use sqlx::SqliteConnection;

use crate::{Cache, CacheError};

/// What one page changed, so the UI refreshes only what it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub changes: usize,
    /// Tickets whose row or conversation changed.
    pub tickets: BTreeSet<i64>,
    pub cursor: i64,
}

impl Cache {
    /// Applies a page and saves its cursor in one transaction: either all of the page and
    /// its cursor are stored, or none, so a sync stopped at any point resumes without gaps
    /// or duplicates.
    pub async fn apply_page(&self, page: &ChangePage) -> Result<Applied, CacheError> {
        let mut tx = self.pool.begin().await?;
        let mut applied = Applied { changes: page.changes.len(), ..Applied::default() };
        for change in &page.changes {
            apply_one(&mut tx, &change.entity, &mut applied).await?;
        }
        sqlx::query("UPDATE sync_state SET feed_id = ?, cursor = MAX(cursor, ?), head = ?, synced_at = ? WHERE id = 1")
            .bind(&page.feed_id)
            .bind(page.next_cursor)
            .bind(page.head)
            .bind(chrono::Utc::now().timestamp_millis())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        applied.cursor = page.next_cursor;
        Ok(applied)
    }

    /// Stores entities learned outside the feed (e.g. the answer to our own reply), without
    /// moving the cursor: the feed will bring them again, and applying twice is harmless.
    pub async fn put_entities(&self, entities: &[Entity]) -> Result<Applied, CacheError> {
        let mut tx = self.pool.begin().await?;
        let mut applied = Applied { changes: entities.len(), ..Applied::default() };
        for entity in entities {
            apply_one(&mut tx, entity, &mut applied).await?;
        }
        tx.commit().await?;
        Ok(applied)
    }

    /// The live stream's last event id, to resume from.
    pub async fn stream_event_id(&self) -> Result<Option<i64>, CacheError> {
        Ok(sqlx::query_scalar("SELECT stream_event_id FROM sync_state WHERE id = 1").fetch_one(&self.pool).await?)
    }

    /// Applies entities a stream event carried and records the event id, in one transaction.
    pub async fn apply_stream(&self, event_id: i64, entities: &[Entity]) -> Result<Applied, CacheError> {
        let mut tx = self.pool.begin().await?;
        let mut applied = Applied { changes: entities.len(), ..Applied::default() };
        for entity in entities {
            apply_one(&mut tx, entity, &mut applied).await?;
        }
        sqlx::query("UPDATE sync_state SET stream_event_id = ? WHERE id = 1").bind(event_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(applied)
    }

    /// Forgets everything, for a re-sync from scratch.
    pub async fn reset(&self) -> Result<(), CacheError> {
        let mut tx = self.pool.begin().await?;
        for table in ["messages", "tickets", "customers", "agents", "entities"] {
            sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE sync_state SET feed_id = NULL, cursor = 0, head = 0, synced_at = NULL, stream_event_id = NULL WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("contract types serialize")
}

pub(crate) async fn apply_one(
    conn: &mut SqliteConnection,
    entity: &Entity,
    applied: &mut Applied,
) -> Result<(), sqlx::Error> {
    match entity {
        Entity::Agent(a) => {
            sqlx::query("INSERT OR REPLACE INTO agents (id, data) VALUES (?, ?)")
                .bind(a.id)
                .bind(json(a))
                .execute(conn)
                .await?;
        }
        Entity::Customer(c) => {
            sqlx::query("INSERT OR REPLACE INTO customers (id, data) VALUES (?, ?)")
                .bind(c.id)
                .bind(json(c))
                .execute(conn)
                .await?;
        }
        Entity::Ticket(t) => {
            // Never back in time: a late stream event must not undo a newer state.
            sqlx::query(
                "INSERT INTO tickets (id, status, queue, assignee_id, customer_id, updated_at, data, version)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (id) DO UPDATE SET status = excluded.status, queue = excluded.queue,
                     assignee_id = excluded.assignee_id, customer_id = excluded.customer_id,
                     updated_at = excluded.updated_at, data = excluded.data, version = excluded.version
                 WHERE excluded.version >= tickets.version",
            )
            .bind(t.id)
            .bind(wire_name(&t.status))
            .bind(&t.queue)
            .bind(t.assignee_id)
            .bind(t.customer_id)
            .bind(to_ms(t.updated_at))
            .bind(json(t))
            .bind(t.version)
            .execute(conn)
            .await?;
            applied.tickets.insert(t.id);
        }
        Entity::Message(m) => {
            sqlx::query("INSERT OR REPLACE INTO messages (id, ticket_id, created_at, data) VALUES (?, ?, ?, ?)")
                .bind(m.id)
                .bind(m.ticket_id)
                .bind(to_ms(m.created_at))
                .bind(json(m))
                .execute(conn)
                .await?;
            applied.tickets.insert(m.ticket_id);
        }
        Entity::Deleted(tombstone) => {
            let id = tombstone.id;
            match tombstone.entity {
                EntityKind::Agent => delete(conn, "DELETE FROM agents WHERE id = ?", id).await?,
                EntityKind::Customer => delete(conn, "DELETE FROM customers WHERE id = ?", id).await?,
                EntityKind::Ticket => {
                    delete(&mut *conn, "DELETE FROM messages WHERE ticket_id = ?", id).await?;
                    delete(conn, "DELETE FROM tickets WHERE id = ?", id).await?;
                    applied.tickets.insert(id);
                }
                EntityKind::Message => {
                    let ticket: Option<i64> = sqlx::query_scalar("SELECT ticket_id FROM messages WHERE id = ?")
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?;
                    applied.tickets.extend(ticket);
                    delete(conn, "DELETE FROM messages WHERE id = ?", id).await?;
                }
                other => {
                    sqlx::query("DELETE FROM entities WHERE kind = ? AND id = ?")
                        .bind(other.as_str())
                        .bind(id)
                        .execute(conn)
                        .await?;
                }
            }
        }
        other => {
            sqlx::query("INSERT OR REPLACE INTO entities (kind, id, data) VALUES (?, ?, ?)")
                .bind(other.kind().as_str())
                .bind(other.id())
                .bind(json(other))
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}

async fn delete(conn: &mut SqliteConnection, sql: &str, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(sql).bind(id).execute(conn).await?;
    Ok(())
}
