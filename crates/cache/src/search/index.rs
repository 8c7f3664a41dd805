//! Keeping the search index in step with the entity tables, in the same transaction.

use std::collections::BTreeMap;

use arbiter_contract::codec::to_ms;
use arbiter_contract::Entity;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::text::{index_text, text_hash};

/// Rows per multi-row statement (SQLite allows 32,766 parameters; this stays far below).
const CHUNK: usize = 300;

/// One searchable thing.
pub(crate) struct Doc {
    pub kind: &'static str,
    pub entity_id: i64,
    pub ticket_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub at: i64,
    pub text: String,
}

/// What of an entity is searchable, if anything.
pub(crate) fn doc_of(entity: &Entity) -> Option<Doc> {
    let doc = match entity {
        Entity::Ticket(t) => {
            // The number finds the ticket too ("#100234" or "100234").
            let text = format!("{} {} {}", t.subject, t.id, t.tags.join(" "));
            Doc {
                kind: "ticket",
                entity_id: t.id,
                ticket_id: Some(t.id),
                customer_id: Some(t.customer_id),
                at: to_ms(t.created_at),
                text,
            }
        }
        Entity::Message(m) => Doc {
            kind: "message",
            entity_id: m.id,
            ticket_id: Some(m.ticket_id),
            customer_id: None,
            at: to_ms(m.created_at),
            text: m.text.clone(),
        },
        Entity::Note(n) => Doc {
            kind: "note",
            entity_id: n.id,
            ticket_id: Some(n.ticket_id),
            customer_id: None,
            at: to_ms(n.created_at),
            text: n.text.clone(),
        },
        Entity::Customer(c) => Doc {
            kind: "customer",
            entity_id: c.id,
            ticket_id: None,
            customer_id: Some(c.id),
            at: to_ms(c.created_at),
            text: format!("{} {} {} {}", c.name, c.legal_name.as_deref().unwrap_or(""), c.email, c.account_id),
        },
        _ => return None,
    };
    Some(doc)
}

/// Indexes docs of one kind: new ones are added, changed ones replaced, unchanged skipped.
pub(crate) async fn index_docs(conn: &mut SqliteConnection, docs: Vec<Doc>) -> Result<(), sqlx::Error> {
    // The last state of each entity wins (a batch may carry one twice).
    let mut latest: BTreeMap<(&'static str, i64), (Doc, String, i64)> = BTreeMap::new();
    for doc in docs {
        let text = index_text(&doc.text);
        let hash = text_hash(&text);
        latest.insert((doc.kind, doc.entity_id), (doc, text, hash));
    }
    let all: Vec<(Doc, String, i64)> = latest.into_values().collect();
    for chunk in all.chunks(CHUNK) {
        index_chunk(conn, chunk).await?;
    }
    Ok(())
}

async fn index_chunk(conn: &mut SqliteConnection, docs: &[(Doc, String, i64)]) -> Result<(), sqlx::Error> {
    let Some((first, _, _)) = docs.first() else { return Ok(()) };
    let kind = first.kind;
    debug_assert!(docs.iter().all(|(d, _, _)| d.kind == kind));

    let mut query = QueryBuilder::<Sqlite>::new("SELECT entity_id, doc, text_hash FROM search_docs WHERE kind = ");
    query.push_bind(kind).push(" AND entity_id IN (");
    let mut ids = query.separated(", ");
    for (doc, _, _) in docs {
        ids.push_bind(doc.entity_id);
    }
    query.push(")");
    let existing: BTreeMap<i64, (i64, i64)> = query
        .build()
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?))))
        .collect::<Result<_, sqlx::Error>>()?;

    let fresh: Vec<&(Doc, String, i64)> =
        docs.iter().filter(|(d, _, _)| !existing.contains_key(&d.entity_id)).collect();
    if !fresh.is_empty() {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO search_docs (kind, entity_id, ticket_id, customer_id, at, text_hash) ",
        );
        insert.push_values(&fresh, |mut row, (doc, _, hash)| {
            row.push_bind(doc.kind)
                .push_bind(doc.entity_id)
                .push_bind(doc.ticket_id)
                .push_bind(doc.customer_id)
                .push_bind(doc.at)
                .push_bind(*hash);
        });
        insert.push(" RETURNING doc, entity_id");
        let assigned: BTreeMap<i64, i64> = insert
            .build()
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(1)?, r.try_get(0)?)))
            .collect::<Result<_, sqlx::Error>>()?;
        let mut fts = QueryBuilder::<Sqlite>::new("INSERT INTO search_index (rowid, body) ");
        fts.push_values(&fresh, |mut row, (doc, text, _)| {
            row.push_bind(assigned.get(&doc.entity_id).copied()).push_bind(text.as_str());
        });
        fts.build().execute(&mut *conn).await?;
    }

    for (doc, text, hash) in docs {
        let Some(&(row, old_hash)) = existing.get(&doc.entity_id) else { continue };
        if old_hash == *hash {
            continue;
        }
        sqlx::query("UPDATE search_docs SET ticket_id = ?, customer_id = ?, at = ?, text_hash = ? WHERE doc = ?")
            .bind(doc.ticket_id)
            .bind(doc.customer_id)
            .bind(doc.at)
            .bind(hash)
            .bind(row)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM search_index WHERE rowid = ?").bind(row).execute(&mut *conn).await?;
        sqlx::query("INSERT INTO search_index (rowid, body) VALUES (?, ?)")
            .bind(row)
            .bind(text.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Drops one entity's doc.
pub(crate) async fn unindex(conn: &mut SqliteConnection, kind: &str, entity_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_docs WHERE kind = ? AND entity_id = ?)",
    )
    .bind(kind)
    .bind(entity_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM search_docs WHERE kind = ? AND entity_id = ?")
        .bind(kind)
        .bind(entity_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Drops a ticket's docs: its subject, messages and notes.
pub(crate) async fn unindex_ticket(conn: &mut SqliteConnection, ticket_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_docs WHERE ticket_id = ?)")
        .bind(ticket_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM search_docs WHERE ticket_id = ?").bind(ticket_id).execute(conn).await?;
    Ok(())
}
