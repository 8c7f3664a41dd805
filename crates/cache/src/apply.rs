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
            apply_entity(&mut tx, &change.entity, &mut applied).await?;
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
            apply_entity(&mut tx, entity, &mut applied).await?;
        }
        tx.commit().await?;
        Ok(applied)
    }

    /// Forgets everything, for a re-sync from scratch.
    pub async fn reset(&self) -> Result<(), CacheError> {
        let mut tx = self.pool.begin().await?;
        for table in ["messages", "tickets", "customers", "agents"] {
            sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE sync_state SET feed_id = NULL, cursor = 0, head = 0, synced_at = NULL WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn apply_entity(conn: &mut SqliteConnection, entity: &Entity, applied: &mut Applied) -> Result<(), sqlx::Error> {
    match entity {
        Entity::Agent(a) => {
            sqlx::query(
                "INSERT OR REPLACE INTO agents (id, name, email, role, team, languages) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(a.id)
            .bind(&a.name)
            .bind(&a.email)
            .bind(wire_name(&a.role))
            .bind(&a.team)
            .bind(serde_json::to_string(&a.languages).unwrap_or_else(|_| "[]".into()))
            .execute(conn)
            .await?;
        }
        Entity::Customer(c) => {
            sqlx::query(
                "INSERT OR REPLACE INTO customers (id, account_id, name, email, language, country, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(c.id)
            .bind(&c.account_id)
            .bind(&c.name)
            .bind(&c.email)
            .bind(&c.language)
            .bind(&c.country)
            .bind(to_ms(c.created_at))
            .execute(conn)
            .await?;
        }
        Entity::Ticket(t) => {
            sqlx::query(
                "INSERT OR REPLACE INTO tickets (id, channel, kind, subject, status, priority, queue, assignee_id,
                     customer_id, language, tags, created_at, updated_at, version)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(t.id)
            .bind(wire_name(&t.channel))
            .bind(wire_name(&t.kind))
            .bind(&t.subject)
            .bind(wire_name(&t.status))
            .bind(wire_name(&t.priority))
            .bind(&t.queue)
            .bind(t.assignee_id)
            .bind(t.customer_id)
            .bind(&t.language)
            .bind(serde_json::to_string(&t.tags).unwrap_or_else(|_| "[]".into()))
            .bind(to_ms(t.created_at))
            .bind(to_ms(t.updated_at))
            .bind(t.version)
            .execute(conn)
            .await?;
            applied.tickets.insert(t.id);
        }
        Entity::Message(m) => {
            sqlx::query(
                "INSERT OR REPLACE INTO messages (id, ticket_id, author_kind, author_agent_id, author_name, text, html,
                     created_at, client_ref)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(m.id)
            .bind(m.ticket_id)
            .bind(wire_name(&m.author_kind))
            .bind(m.author_agent_id)
            .bind(&m.author_name)
            .bind(&m.text)
            .bind(&m.html)
            .bind(to_ms(m.created_at))
            .bind(&m.client_ref)
            .execute(conn)
            .await?;
            applied.tickets.insert(m.ticket_id);
        }
        Entity::Deleted(tombstone) => {
            let table = match tombstone.entity {
                EntityKind::Agent => "agents",
                EntityKind::Customer => "customers",
                EntityKind::Ticket => "tickets",
                EntityKind::Message => "messages",
            };
            if tombstone.entity == EntityKind::Message {
                let ticket: Option<i64> = sqlx::query_scalar("SELECT ticket_id FROM messages WHERE id = ?")
                    .bind(tombstone.id)
                    .fetch_optional(&mut *conn)
                    .await?;
                applied.tickets.extend(ticket);
            }
            if tombstone.entity == EntityKind::Ticket {
                sqlx::query("DELETE FROM messages WHERE ticket_id = ?").bind(tombstone.id).execute(&mut *conn).await?;
                applied.tickets.insert(tombstone.id);
            }
            sqlx::query(&format!("DELETE FROM {table} WHERE id = ?")).bind(tombstone.id).execute(conn).await?;
        }
    }
    Ok(())
}
