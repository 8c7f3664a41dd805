//! Files agents upload for their replies and notes: who uploaded which, and which notes
//! carry which (the bytes are in `store::files`).

use sqlx::AnyConnection;

/// Records that `agent_id` uploaded the file (again: nothing changes).
pub async fn record_upload(
    conn: &mut AnyConnection,
    sha256: &str,
    agent_id: i64,
    at_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO uploaded_files (sha256, agent_id, uploaded_at) VALUES ($1, $2, $3) \
         ON CONFLICT (sha256, agent_id) DO NOTHING",
    )
    .bind(sha256)
    .bind(agent_id)
    .bind(at_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether `agent_id` uploaded the file.
pub async fn uploaded_by(conn: &mut AnyConnection, sha256: &str, agent_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT agent_id FROM uploaded_files WHERE sha256 = $1 AND agent_id = $2")
            .bind(sha256)
            .bind(agent_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Records that a note carries a file.
pub async fn link_note_file(
    conn: &mut AnyConnection,
    sha256: &str,
    note_id: i64,
    ticket_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO note_files (sha256, note_id, ticket_id) VALUES ($1, $2, $3) ON CONFLICT (sha256, note_id) DO NOTHING",
    )
    .bind(sha256)
    .bind(note_id)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that a side message (a forward, an outside party's answer) carries a file.
pub async fn link_side_file(
    conn: &mut AnyConnection,
    sha256: &str,
    side_message_id: i64,
    ticket_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO side_message_files (sha256, side_message_id, ticket_id) VALUES ($1, $2, $3) \
         ON CONFLICT (sha256, side_message_id) DO NOTHING",
    )
    .bind(sha256)
    .bind(side_message_id)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(())
}
