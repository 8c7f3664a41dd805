//! The change feed: writing entity states and tombstones, and reading a caller's page.

use std::collections::HashMap;
use std::sync::Arc;

use arbiter_contract::{Entity, EntityKind, Tombstone};
use sqlx::{AnyConnection, Row};

use super::feed_lists::{merged, FeedLists};
use super::rows::{bind, to_json};
use super::scope::{Scope, Visibility};
use crate::db::Db;

fn flag(b: bool) -> i64 {
    i64::from(b)
}

async fn insert_row(
    conn: &mut AnyConnection,
    kind: EntityKind,
    id: i64,
    tombstone: bool,
    scope: &Scope,
    payload: String,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO changes (entity_kind, entity_id, tombstone, scope_global, scope_queue, scope_team,
             scope_assignee, scope_customer, scope_agent, payload, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq",
    )
    .bind(kind.as_str())
    .bind(id)
    .bind(flag(tombstone))
    .bind(flag(scope.global))
    .bind(scope.queue.clone())
    .bind(scope.team.clone())
    .bind(scope.assignee)
    .bind(scope.customer)
    .bind(scope.agent)
    .bind(payload)
    .bind(chrono::Utc::now().timestamp_millis())
    .fetch_one(conn)
    .await
}

/// Records `entity` as its newest state, seen by `scope`, under a fresh sequence number.
/// The entity's previous live row goes, so the feed holds each entity once.
pub async fn record_change(conn: &mut AnyConnection, entity: &Entity, scope: &Scope) -> Result<i64, sqlx::Error> {
    let kind = entity.kind();
    let id = entity.id();
    sqlx::query("DELETE FROM changes WHERE entity_kind = $1 AND entity_id = $2 AND tombstone = 0")
        .bind(kind.as_str())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    insert_row(conn, kind, id, false, scope, to_json(entity)).await
}

/// Tells the callers who see `scope` to drop the entity: it was deleted, or it moved out of
/// their view. Callers who still see it get its state again from a later live row.
pub async fn record_tombstone(
    conn: &mut AnyConnection,
    kind: EntityKind,
    id: i64,
    scope: &Scope,
    deleted: bool,
) -> Result<i64, sqlx::Error> {
    if deleted {
        sqlx::query("DELETE FROM changes WHERE entity_kind = $1 AND entity_id = $2 AND tombstone = 0")
            .bind(kind.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    insert_row(conn, kind, id, true, scope, to_json(&Entity::Deleted(Tombstone { entity: kind, id }))).await
}

/// A page of the feed as the JSON of `arbiter_contract::ChangePage`, assembled from the
/// stored payloads without parsing them (the server wrote them; they are valid JSON).
#[derive(Debug)]
pub struct FeedPage {
    pub json: String,
    pub changes: usize,
    pub next_cursor: i64,
    pub has_more: bool,
}

/// Feed payloads by sequence number. A row's payload never changes (a change of the entity
/// is a new row), so nothing kept here is ever stale, and a herd of desks syncing the same
/// rows reads each payload from the database once: the query per page then only picks
/// sequence numbers.
pub struct PayloadCache(quick_cache::sync::Cache<i64, Arc<str>, PayloadWeight>);

#[derive(Clone)]
struct PayloadWeight;

impl quick_cache::Weighter<i64, Arc<str>> for PayloadWeight {
    fn weight(&self, _: &i64, payload: &Arc<str>) -> u64 {
        payload.len() as u64 + 48
    }
}

impl PayloadCache {
    /// Keeps up to `bytes` of payloads (0: none).
    pub fn new(bytes: u64) -> Self {
        Self(quick_cache::sync::Cache::with_weighter((bytes / 1024).max(16) as usize, bytes.max(1), PayloadWeight))
    }

    /// Bytes kept (figures and tests).
    pub fn weight(&self) -> u64 {
        self.0.weight()
    }
}

/// Payloads per query when reading what the cache lacks.
const PAYLOADS_PER_QUERY: usize = 500;

/// Which page a caller asks for.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub after: i64,
    pub limit: u32,
    /// The horizon of the caller's last page (`FeedQuery::horizon`).
    pub horizon: Option<i64>,
}

/// A page, or the horizon that makes the caller's cursor too old.
#[derive(Debug)]
pub enum FeedAnswer {
    Page(FeedPage),
    Expired { horizon: i64 },
}

/// The changes after `request.after` that `who` may see, oldest first.
///
/// Below the head of the caller's team list (`FeedLists`) the rows come from memory, merged
/// with the caller's own rows; above it, and for callers without one, from a scan of the
/// feed in sequence order.
pub async fn read_changes(
    db: &Db,
    memory: (&PayloadCache, &FeedLists),
    who: &Visibility,
    feed_id: String,
    request: PageRequest,
) -> Result<FeedAnswer, sqlx::Error> {
    let PageRequest { after, limit, .. } = request;
    let (payloads, lists) = memory;
    // Taken before the page's snapshot, so the snapshot holds every row the list names.
    let team_list = lists.team_list(db, who, after).await?;
    let mut tx = db.begin_read().await?;
    // In the page's snapshot: a compaction that lands while the page is read is either
    // seen here or not seen by the page at all.
    let horizon = horizon_in(&mut tx).await?;
    if after > 0 && after < horizon && request.horizon != Some(horizon) {
        return Ok(FeedAnswer::Expired { horizon });
    }
    let head: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes").fetch_one(&mut *tx).await?;
    let want = limit as usize + 1;
    let mut rows: Vec<(i64, Arc<str>)> = Vec::with_capacity(want);
    let mut scanned_to = after;
    let team_list = team_list.filter(|list| list.head <= head);
    let own = match &team_list {
        Some(list) => lists.own_rows(&mut tx, who, list.head).await?,
        None => None,
    };
    if let (Some(team_list), Some(own)) = (team_list, own) {
        let moved = lists.moved_since(&mut tx, team_list.head, head, horizon).await?;
        let live: Vec<i64> = merged(team_list.after(after), own.after(after))
            .filter(|row| moved.keeps(row))
            .take(want)
            .map(|row| row.seq)
            .collect();
        rows.extend(present(&mut tx, payloads, &live).await?);
        scanned_to = team_list.head;
    }
    // Above the list, rows are scanned in seq order up to a bound, so a caller who sees
    // little of a big feed still gets an answer quickly; `next_cursor` then moves past the
    // scanned rows.
    let mut upper = scanned_to;
    if rows.len() < want {
        upper = scanned_to.saturating_add(i64::from(limit) * 50).min(head).max(scanned_to);
        let (condition, args) = who.feed_condition(2, lists.customer_rule(who));
        let sql = format!(
            "SELECT c.seq FROM changes c
             WHERE c.seq > $1 AND c.seq <= $2 AND {condition}
             ORDER BY c.seq LIMIT {}",
            want - rows.len()
        );
        let mut query = sqlx::query(&sql).bind(scanned_to).bind(upper);
        for value in args {
            query = bind(query, value);
        }
        let seqs: Vec<i64> = query.fetch_all(&mut *tx).await?.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>()?;
        rows.extend(present(&mut tx, payloads, &seqs).await?);
    }
    tx.commit().await?;
    let full_page = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let mut json = String::with_capacity(256 + rows.iter().map(|(_, p)| p.len() + 32).sum::<usize>());
    json.push_str("{\"feed_id\":");
    json.push_str(&serde_json::to_string(&feed_id).expect("a string serializes"));
    json.push_str(",\"changes\":[");
    for (index, (seq, payload)) in rows.iter().enumerate() {
        if index > 0 {
            json.push(',');
        }
        json.push_str("{\"seq\":");
        json.push_str(&seq.to_string());
        json.push_str(",\"entity\":");
        json.push_str(payload);
        json.push('}');
    }
    let next_cursor = match rows.last() {
        Some((last, _)) if full_page => *last,
        _ => upper.max(after),
    };
    let has_more = full_page || next_cursor < head;
    json.push_str(&format!(
        "],\"next_cursor\":{next_cursor},\"has_more\":{has_more},\"head\":{head},\"horizon\":{horizon}}}"
    ));
    Ok(FeedAnswer::Page(FeedPage { json, changes: rows.len(), next_cursor, has_more }))
}

/// The rows of `seqs` (all in the feed in the snapshot `tx` reads) with their payloads, in
/// the same order: from memory where kept, else read (and kept).
async fn present(
    tx: &mut AnyConnection,
    payloads: &PayloadCache,
    seqs: &[i64],
) -> Result<Vec<(i64, Arc<str>)>, sqlx::Error> {
    let mut found: Vec<Option<Arc<str>>> = seqs.iter().map(|seq| payloads.0.get(seq)).collect();
    let missing: Vec<i64> = seqs.iter().zip(&found).filter(|(_, p)| p.is_none()).map(|(seq, _)| *seq).collect();
    let mut read: HashMap<i64, Arc<str>> = HashMap::with_capacity(missing.len());
    for chunk in missing.chunks(PAYLOADS_PER_QUERY) {
        let sql = format!("SELECT seq, payload FROM changes WHERE seq IN ({})", super::rows::params(0, chunk.len()));
        let mut query = sqlx::query(&sql);
        for seq in chunk {
            query = query.bind(*seq);
        }
        for row in query.fetch_all(&mut *tx).await? {
            let payload: Arc<str> = row.try_get::<&str, _>(1)?.into();
            let seq: i64 = row.try_get(0)?;
            payloads.0.insert(seq, payload.clone());
            read.insert(seq, payload);
        }
    }
    seqs.iter()
        .zip(found.iter_mut())
        // Read in the same snapshot as the sequence numbers, so it is there.
        .map(|(seq, slot)| slot.take().or_else(|| read.remove(seq)).map(|p| (*seq, p)).ok_or(sqlx::Error::RowNotFound))
        .collect()
}

/// The oldest cursor the feed still serves completely; 0 until tombstones were compacted.
async fn horizon_in(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_horizon'").fetch_optional(conn).await?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Drops tombstones recorded before `before_ms`. A desk whose cursor is older than the last
/// dropped one may have missed a deletion, so from now on its cursor is refused
/// (`cursor_expired`) and it syncs from scratch. Live rows are never dropped: a desk starting
/// at 0 needs no tombstones. Returns the new horizon.
pub async fn compact_tombstones(db: &Db, before_ms: i64) -> Result<i64, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let newest_old: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE tombstone = 1 AND recorded_at < $1")
            .bind(before_ms)
            .fetch_one(&mut *tx)
            .await?;
    let current: Option<String> =
        sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_horizon'").fetch_optional(&mut *tx).await?;
    let current: i64 = current.and_then(|v| v.parse().ok()).unwrap_or(0);
    if newest_old > current {
        sqlx::query("DELETE FROM changes WHERE tombstone = 1 AND seq <= $1").bind(newest_old).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO server_meta (key, value) VALUES ('feed_horizon', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(newest_old.to_string())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(newest_old.max(current))
}

/// How many live rows the feed holds per entity kind (diagnostics, tests).
pub async fn live_counts(db: &Db) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT entity_kind, COUNT(*) FROM changes WHERE tombstone = 0 GROUP BY entity_kind ORDER BY entity_kind",
    )
    .fetch_all(&db.pool)
    .await
}

/// The id of this database's change feed, created with the database.
pub async fn feed_id(db: &Db) -> Result<String, sqlx::Error> {
    let fresh = {
        use rand::Rng;
        let bytes: [u8; 12] = rand::rng().random();
        hex::encode(bytes)
    };
    sqlx::query("INSERT INTO server_meta (key, value) VALUES ('feed_id', $1) ON CONFLICT (key) DO NOTHING")
        .bind(fresh)
        .execute(&db.pool)
        .await?;
    sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_id'").fetch_one(&db.pool).await
}

/// A caller's feed id: the database's, and the version of the caller's scope, so a desk
/// whose agent changed teams (and so sees other things) starts over.
pub async fn caller_feed_id(db: &Db, base: &str, agent_id: i64) -> Result<String, sqlx::Error> {
    let version: i64 = sqlx::query_scalar("SELECT scope_version FROM agents WHERE id = $1")
        .bind(agent_id)
        .fetch_optional(&db.pool)
        .await?
        .unwrap_or(1);
    Ok(format!("{base}.{version}"))
}
