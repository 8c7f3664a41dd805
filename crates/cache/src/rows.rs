//! Cache rows ↔ contract types: entities are stored as their contract JSON.

use serde::de::DeserializeOwned;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

pub(crate) fn decode<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T, sqlx::Error> {
    let stored: &str = row.try_get(column)?;
    serde_json::from_str(stored).map_err(|e| sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) })
}
