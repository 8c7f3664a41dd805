//! Cache rows ↔ contract types: entities are stored as their contract JSON.

use serde::de::DeserializeOwned;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};

pub(crate) fn decode<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T, sqlx::Error> {
    let stored: &str = row.try_get(column)?;
    serde_json::from_str(stored).map_err(|e| sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) })
}

/// Appends ` AND column IN (…)` with the values bound; nothing when there are none (any).
pub(crate) fn push_in_list(sql: &mut QueryBuilder<'_, Sqlite>, column: &str, values: impl Iterator<Item = String>) {
    let values: Vec<String> = values.collect();
    if values.is_empty() {
        return;
    }
    sql.push(format!(" AND {column} IN ("));
    let mut list = sql.separated(", ");
    for value in values {
        list.push_bind(value);
    }
    sql.push(")");
}

/// The rows' `data` column as contract entities, keeping those `pick` accepts.
pub(crate) fn entities_of<T>(
    found: &[SqliteRow],
    pick: impl Fn(arbiter_contract::Entity) -> Option<T>,
) -> Result<Vec<T>, sqlx::Error> {
    let mut out = Vec::with_capacity(found.len());
    for row in found {
        out.extend(pick(decode(row, "data")?));
    }
    Ok(out)
}
