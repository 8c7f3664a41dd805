//! The answers stored under idempotency keys, so a retried request gets the first answer.

use sqlx::AnyConnection;

/// A mutation's first answer, with the fingerprint of the request that made it.
pub struct StoredAnswer {
    pub fingerprint: String,
    pub status: i64,
    pub body: String,
}

pub async fn stored(conn: &mut AnyConnection, agent_id: i64, key: &str) -> Result<Option<StoredAnswer>, sqlx::Error> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT request_sha256, response_status, response_body FROM idempotency_keys WHERE agent_id = $1 AND key = $2",
    )
    .bind(agent_id)
    .bind(key.to_owned())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(fingerprint, status, body)| StoredAnswer { fingerprint, status, body }))
}

pub async fn store(
    conn: &mut AnyConnection,
    agent_id: i64,
    key: &str,
    answer: &StoredAnswer,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency_keys (agent_id, key, request_sha256, response_status, response_body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(agent_id)
    .bind(key.to_owned())
    .bind(answer.fingerprint.clone())
    .bind(answer.status)
    .bind(answer.body.clone())
    .bind(at.timestamp_millis())
    .execute(conn)
    .await?;
    Ok(())
}
