//! The document store's bytes, kept apart from the documents' descriptions (entities).

use sqlx::AnyConnection;

pub async fn put_content(conn: &mut AnyConnection, id: i64, content: &[u8]) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO document_contents (id, content) VALUES ($1, $2)")
        .bind(id)
        .bind(content.to_vec())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn content(conn: &mut AnyConnection, id: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT content FROM document_contents WHERE id = $1").bind(id).fetch_optional(conn).await
}
