//! Writing feed pages into the cache.

use std::collections::BTreeSet;

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::{ChangePage, Entity, EntityKind, Tombstone};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::{search, Cache, CacheError};

/// What one page changed, so the UI refreshes only what it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub changes: usize,
    /// Tickets whose row or conversation changed, or whose customer or their activity did
    /// (the ticket's screen shows them, and the risk tab scores them).
    pub tickets: BTreeSet<i64>,
    /// Something no ticket shows changed (a pre-dispute alert, an account's controls, an
    /// action request): the screens listing those read again.
    pub others: bool,
    pub cursor: i64,
}

impl Cache {
    /// Applies a page and saves its cursor in one transaction: either all of the page and
    /// its cursor are stored, or none, so a sync stopped at any point resumes without gaps
    /// or duplicates.
    pub async fn apply_page(&self, page: &ChangePage) -> Result<Applied, CacheError> {
        let mut tx = self.write_tx().await?;
        let mut applied = Applied { changes: page.changes.len(), ..Applied::default() };
        let entities: Vec<&Entity> = page.changes.iter().map(|c| &c.entity).collect();
        apply_all(&mut tx, &entities, &mut applied).await?;
        sqlx::query(
            "UPDATE sync_state SET feed_id = ?, cursor = MAX(cursor, ?), head = ?, horizon = ?, synced_at = ? WHERE id = 1",
        )
        .bind(&page.feed_id)
        .bind(page.next_cursor)
        .bind(page.head)
        .bind(page.horizon)
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
        let mut tx = self.write_tx().await?;
        let mut applied = Applied { changes: entities.len(), ..Applied::default() };
        apply_all(&mut tx, &entities.iter().collect::<Vec<_>>(), &mut applied).await?;
        tx.commit().await?;
        Ok(applied)
    }

    /// The live stream's last event id, to resume from.
    pub async fn stream_event_id(&self) -> Result<Option<i64>, CacheError> {
        Ok(sqlx::query_scalar("SELECT stream_event_id FROM sync_state WHERE id = 1").fetch_one(&self.pool).await?)
    }

    /// Applies entities a stream event carried and records the event id, in one transaction.
    pub async fn apply_stream(&self, event_id: i64, entities: &[Entity]) -> Result<Applied, CacheError> {
        let mut tx = self.write_tx().await?;
        let mut applied = Applied { changes: entities.len(), ..Applied::default() };
        apply_all(&mut tx, &entities.iter().collect::<Vec<_>>(), &mut applied).await?;
        sqlx::query("UPDATE sync_state SET stream_event_id = ? WHERE id = 1").bind(event_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(applied)
    }

    /// Forgets everything, for a re-sync from scratch.
    pub async fn reset(&self) -> Result<(), CacheError> {
        let mut tx = self.write_tx().await?;
        for table in [
            "messages",
            "notes",
            "side_messages",
            "side_conversations",
            "tickets",
            "ticket_counts",
            "customers",
            "customer_links",
            "agents",
            "entities",
            "search_docs",
        ] {
            sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
        }
        sqlx::query("INSERT INTO search_index (search_index) VALUES ('delete-all')").execute(&mut *tx).await?;
        sqlx::query("UPDATE sync_state SET feed_id = NULL, cursor = 0, head = 0, horizon = NULL, synced_at = NULL, stream_event_id = NULL WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("contract types serialize")
}

/// Rows per multi-row INSERT (15 columns for tickets: well under SQLite's parameter limit).
const CHUNK: usize = 200;

/// Applies entities in order. Runs of one kind go in as multi-row statements (a feed page
/// is mostly long runs), which is what makes an initial sync of millions of rows quick.
pub(crate) async fn apply_all(
    conn: &mut SqliteConnection,
    entities: &[&Entity],
    applied: &mut Applied,
) -> Result<(), sqlx::Error> {
    let mut start = 0;
    while start < entities.len() {
        let kind = entities[start].kind();
        let tombstone = matches!(entities[start], Entity::Deleted(_));
        let mut end = start + 1;
        while end < entities.len()
            && end - start < CHUNK
            && !tombstone
            && !matches!(entities[end], Entity::Deleted(_))
            && entities[end].kind() == kind
        {
            end += 1;
        }
        let run = &entities[start..end];
        if let [Entity::Deleted(tombstone)] = run {
            apply_tombstone(conn, tombstone, applied).await?;
        } else {
            upsert_run(conn, run, applied).await?;
            let docs: Vec<_> = run.iter().filter_map(|e| search::index::doc_of(e)).collect();
            if !docs.is_empty() {
                search::index::index_docs(conn, docs).await?;
            }
        }
        start = end;
    }
    Ok(())
}

/// Stores a run of entities of one kind (no tombstones) with one statement.
async fn upsert_run(conn: &mut SqliteConnection, run: &[&Entity], applied: &mut Applied) -> Result<(), sqlx::Error> {
    let mut sql: QueryBuilder<Sqlite>;
    match &run[0] {
        Entity::Ticket(_) => {
            sql = QueryBuilder::new(
                "INSERT INTO tickets (id, status, queue, assignee_id, customer_id, updated_at, data, version,
                     kind, channel, language, priority, created_at, escalation_level, sla_due_at) ",
            );
            sql.push_values(run, |mut row, entity| {
                let Entity::Ticket(t) = entity else { unreachable!("a run holds one kind") };
                applied.tickets.insert(t.id);
                row.push_bind(t.id)
                    .push_bind(wire_name(&t.status))
                    .push_bind(t.queue.clone())
                    .push_bind(t.assignee_id)
                    .push_bind(t.customer_id)
                    .push_bind(to_ms(t.updated_at))
                    .push_bind(json(t))
                    .push_bind(t.version)
                    .push_bind(wire_name(&t.kind))
                    .push_bind(wire_name(&t.channel))
                    .push_bind(t.language.clone())
                    .push_bind(wire_name(&t.priority))
                    .push_bind(to_ms(t.created_at))
                    .push_bind(wire_name(&t.escalation_level))
                    .push_bind(arbiter_policy::sla::soonest_due(&t.sla).map(to_ms));
            });
            // Never back in time: a late stream event must not undo a newer state.
            sql.push(
                " ON CONFLICT (id) DO UPDATE SET status = excluded.status, queue = excluded.queue,
                     assignee_id = excluded.assignee_id, customer_id = excluded.customer_id,
                     updated_at = excluded.updated_at, data = excluded.data, version = excluded.version,
                     kind = excluded.kind, channel = excluded.channel, language = excluded.language,
                     priority = excluded.priority, created_at = excluded.created_at,
                     escalation_level = excluded.escalation_level, sla_due_at = excluded.sla_due_at
                 WHERE excluded.version >= tickets.version",
            );
        }
        Entity::Message(_) => {
            sql = QueryBuilder::new("INSERT OR REPLACE INTO messages (id, ticket_id, created_at, data) ");
            sql.push_values(run, |mut row, entity| {
                let Entity::Message(m) = entity else { unreachable!("a run holds one kind") };
                applied.tickets.insert(m.ticket_id);
                row.push_bind(m.id).push_bind(m.ticket_id).push_bind(to_ms(m.created_at)).push_bind(json(m));
            });
        }
        Entity::Note(_) => {
            sql = QueryBuilder::new("INSERT OR REPLACE INTO notes (id, ticket_id, created_at, data) ");
            sql.push_values(run, |mut row, entity| {
                let Entity::Note(n) = entity else { unreachable!("a run holds one kind") };
                applied.tickets.insert(n.ticket_id);
                row.push_bind(n.id).push_bind(n.ticket_id).push_bind(to_ms(n.created_at)).push_bind(json(n));
            });
        }
        Entity::SideConversation(_) => {
            sql = QueryBuilder::new("INSERT INTO side_conversations (id, ticket_id, version, data) ");
            sql.push_values(run, |mut row, entity| {
                let Entity::SideConversation(c) = entity else { unreachable!("a run holds one kind") };
                applied.tickets.insert(c.ticket_id);
                row.push_bind(c.id).push_bind(c.ticket_id).push_bind(c.version).push_bind(json(c));
            });
            sql.push(
                " ON CONFLICT (id) DO UPDATE SET ticket_id = excluded.ticket_id, version = excluded.version,
                     data = excluded.data
                 WHERE excluded.version >= side_conversations.version",
            );
        }
        Entity::SideMessage(_) => {
            sql = QueryBuilder::new(
                "INSERT OR REPLACE INTO side_messages (id, side_conversation_id, ticket_id, created_at, data) ",
            );
            sql.push_values(run, |mut row, entity| {
                let Entity::SideMessage(m) = entity else { unreachable!("a run holds one kind") };
                applied.tickets.insert(m.ticket_id);
                row.push_bind(m.id)
                    .push_bind(m.side_conversation_id)
                    .push_bind(m.ticket_id)
                    .push_bind(to_ms(m.created_at))
                    .push_bind(json(m));
            });
        }
        Entity::Agent(_) | Entity::Customer(_) => {
            let table = if matches!(run[0], Entity::Agent(_)) { "agents" } else { "customers" };
            sql = QueryBuilder::new(format!("INSERT OR REPLACE INTO {table} (id, data) "));
            sql.push_values(run, |mut row, entity| {
                let data = match entity {
                    Entity::Agent(a) => json(a),
                    Entity::Customer(c) => json(c),
                    _ => unreachable!("a run holds one kind"),
                };
                row.push_bind(entity.id()).push_bind(data);
            });
        }
        _ => {
            // Versioned entities (cases, escalations, reports…) are never rolled back by an
            // older copy: a feed page fetched before our own change was applied comes after it.
            sql = QueryBuilder::new("INSERT INTO entities (kind, id, data) ");
            sql.push_values(run, |mut row, entity| {
                row.push_bind(entity.kind().as_str()).push_bind(entity.id()).push_bind(json(entity));
            });
            sql.push(
                " ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data
                 WHERE COALESCE(json_extract(excluded.data, '$.data.version'), 0)
                    >= COALESCE(json_extract(entities.data, '$.data.version'), 0)",
            );
        }
    }
    sql.build().execute(&mut *conn).await?;
    if matches!(run[0], Entity::DisputeAlert(_) | Entity::AccountControls(_) | Entity::ActionRequest(_)) {
        applied.others = true;
    }
    let customers: BTreeSet<i64> = run
        .iter()
        .filter_map(|e| match e {
            Entity::Customer(c) => Some(c.id),
            Entity::ActivityEvent(a) => Some(a.customer_id),
            _ => None,
        })
        .collect();
    if !customers.is_empty() {
        let mut sql = QueryBuilder::<Sqlite>::new("SELECT id FROM tickets WHERE customer_id IN (");
        let mut list = sql.separated(", ");
        for id in &customers {
            list.push_bind(*id);
        }
        sql.push(")");
        let tickets: Vec<i64> = sql.build_query_scalar().fetch_all(&mut *conn).await?;
        applied.tickets.extend(tickets);
    }
    Ok(())
}

async fn apply_tombstone(
    conn: &mut SqliteConnection,
    tombstone: &Tombstone,
    applied: &mut Applied,
) -> Result<(), sqlx::Error> {
    let id = tombstone.id;
    match tombstone.entity {
        EntityKind::Agent => delete(conn, "DELETE FROM agents WHERE id = ?", id).await?,
        EntityKind::Customer => {
            delete(&mut *conn, "DELETE FROM customers WHERE id = ?", id).await?;
            delete(&mut *conn, "DELETE FROM customer_links WHERE customer_id = ?", id).await?;
            search::index::unindex(conn, "customer", id).await?;
        }
        EntityKind::Ticket => {
            delete(&mut *conn, "DELETE FROM messages WHERE ticket_id = ?", id).await?;
            delete(&mut *conn, "DELETE FROM notes WHERE ticket_id = ?", id).await?;
            delete(&mut *conn, "DELETE FROM side_messages WHERE ticket_id = ?", id).await?;
            delete(&mut *conn, "DELETE FROM side_conversations WHERE ticket_id = ?", id).await?;
            delete(&mut *conn, "DELETE FROM tickets WHERE id = ?", id).await?;
            search::index::unindex_ticket(conn, id).await?;
            applied.tickets.insert(id);
        }
        EntityKind::Message | EntityKind::Note => {
            let (table, kind) =
                if tombstone.entity == EntityKind::Message { ("messages", "message") } else { ("notes", "note") };
            let ticket: Option<i64> = sqlx::query_scalar(&format!("SELECT ticket_id FROM {table} WHERE id = ?"))
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
            applied.tickets.extend(ticket);
            delete(&mut *conn, &format!("DELETE FROM {table} WHERE id = ?"), id).await?;
            search::index::unindex(conn, kind, id).await?;
        }
        EntityKind::SideConversation | EntityKind::SideMessage => {
            let table =
                if tombstone.entity == EntityKind::SideMessage { "side_messages" } else { "side_conversations" };
            let ticket: Option<i64> = sqlx::query_scalar(&format!("SELECT ticket_id FROM {table} WHERE id = ?"))
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
            applied.tickets.extend(ticket);
            if tombstone.entity == EntityKind::SideConversation {
                delete(&mut *conn, "DELETE FROM side_messages WHERE side_conversation_id = ?", id).await?;
            }
            delete(conn, &format!("DELETE FROM {table} WHERE id = ?"), id).await?;
        }
        other => {
            sqlx::query("DELETE FROM entities WHERE kind = ? AND id = ?")
                .bind(other.as_str())
                .bind(id)
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
