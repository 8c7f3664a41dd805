//! Reading the change feed without re-parsing stored payloads.

use serde::Serialize;
use serde_json::value::RawValue;
use sqlx::{Row, SqlitePool};

/// Wire-identical to `arbiter_contract::ChangePage`, but carrying each entity as the JSON it
/// was stored as, so serving a page costs no parsing.
#[derive(Debug, Serialize)]
pub struct FeedPage {
    pub feed_id: String,
    pub changes: Vec<RawChange>,
    pub next_cursor: i64,
    pub has_more: bool,
    pub head: i64,
}

#[derive(Debug, Serialize)]
pub struct RawChange {
    pub seq: i64,
    pub entity: Box<RawValue>,
}

pub async fn read_changes(pool: &SqlitePool, feed_id: &str, after: i64, limit: u32) -> Result<FeedPage, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    // Read the head and the page in one snapshot so `head` is never behind the page.
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let head: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes").fetch_one(&mut *tx).await?;
    let rows = sqlx::query("SELECT seq, payload FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    let has_more = rows.len() > limit as usize;
    let mut changes = Vec::with_capacity(rows.len().min(limit as usize));
    for row in rows.iter().take(limit as usize) {
        let payload: String = row.try_get("payload")?;
        let entity = RawValue::from_string(payload).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        changes.push(RawChange { seq: row.try_get("seq")?, entity });
    }
    let next_cursor = changes.last().map_or(after, |c| c.seq);
    Ok(FeedPage { feed_id: feed_id.to_owned(), changes, next_cursor, has_more, head })
}
