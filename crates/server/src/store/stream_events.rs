//! The live stream's record on PostgreSQL (`cluster::bus`): events by id, the horizon below
//! which they were pruned, and the notifications that announce new ones.

use sqlx::{AnyConnection, Row};

use crate::db::Db;

/// One event as stored.
pub struct StoredEvent {
    pub id: i64,
    /// Set: for that chat's widgets, not for desks.
    pub chat_id: Option<i64>,
    pub name: String,
    pub json: String,
    /// The scopes that may see it, as JSON.
    pub scopes: String,
}

/// The newest id given (or the horizon, when everything was pruned).
pub async fn newest(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), (SELECT pruned_up_to FROM stream_horizon)) FROM stream_events")
        .fetch_one(&db.pool)
        .await
}

/// `n` new ids, ascending. Taken under the writers' lock, they commit in order.
pub async fn next_ids(conn: &mut AnyConnection, n: usize) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids: Vec<i64> = sqlx::query_scalar("SELECT nextval('stream_event_ids') FROM generate_series(1, $1)")
        .bind(n as i64)
        .fetch_all(conn)
        .await?;
    ids.sort_unstable();
    Ok(ids)
}

pub async fn insert(conn: &mut AnyConnection, at_ms: i64, event: &StoredEvent) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO stream_events (id, at_ms, chat_id, name, json, scopes) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(event.id)
        .bind(at_ms)
        .bind(event.chat_id)
        .bind(&event.name)
        .bind(&event.json)
        .bind(&event.scopes)
        .execute(conn)
        .await?;
    Ok(())
}

/// Tells the instances listening on `channel` (on commit).
pub async fn notify(conn: &mut AnyConnection, channel: &str) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_notify($1, '')").bind(channel).execute(conn).await?;
    Ok(())
}

fn read(row: &sqlx::any::AnyRow) -> Result<StoredEvent, sqlx::Error> {
    Ok(StoredEvent {
        id: row.try_get(0)?,
        chat_id: row.try_get(1)?,
        name: row.try_get(2)?,
        json: row.try_get(3)?,
        scopes: row.try_get(4)?,
    })
}

/// Up to `limit` events after `last`, desks' and widgets', in id order.
pub async fn after(db: &Db, last: i64, limit: i64) -> Result<Vec<StoredEvent>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, chat_id, name, json, scopes FROM stream_events WHERE id > $1 ORDER BY id LIMIT $2")
            .bind(last)
            .bind(limit)
            .fetch_all(&db.pool)
            .await?;
    rows.iter().map(read).collect()
}

/// The desks' events after `last`, at most `limit`; `None` when some were pruned, `last` is
/// not an id of this database, or there are more than `limit`.
pub async fn replay(db: &Db, last: i64, limit: usize) -> Result<Option<Vec<StoredEvent>>, sqlx::Error> {
    // One snapshot: pruning between reading the horizon and the rows would drop events.
    let mut tx = db.begin_read().await?;
    let (horizon, newest): (i64, Option<i64>) =
        sqlx::query_as("SELECT pruned_up_to, (SELECT MAX(id) FROM stream_events) FROM stream_horizon")
            .fetch_one(&mut *tx)
            .await?;
    if last < horizon || last > newest.unwrap_or(horizon) {
        return Ok(None);
    }
    let rows = sqlx::query(
        "SELECT id, chat_id, name, json, scopes FROM stream_events
         WHERE id > $1 AND chat_id IS NULL ORDER BY id LIMIT $2",
    )
    .bind(last)
    .bind(limit as i64 + 1)
    .fetch_all(&mut *tx)
    .await?;
    if rows.len() > limit {
        return Ok(None);
    }
    rows.iter().map(read).collect::<Result<Vec<_>, _>>().map(Some)
}

/// Drops the events from before `before_ms` and moves the horizon past them.
pub async fn prune(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let cut: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM stream_events WHERE at_ms < $1")
        .bind(before_ms)
        .fetch_one(&mut *tx)
        .await?;
    let Some(cut) = cut else { return Ok(0) };
    let dropped = sqlx::query("DELETE FROM stream_events WHERE id <= $1").bind(cut).execute(&mut *tx).await?;
    sqlx::query("UPDATE stream_horizon SET pruned_up_to = $1 WHERE pruned_up_to < $1")
        .bind(cut)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(dropped.rows_affected())
}
