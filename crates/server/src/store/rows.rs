//! Generic row access: entities are stored as their contract JSON (`data`) next to the
//! columns that queries and scoping need.

use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Row};

/// A column value to bind.
#[derive(Debug, Clone)]
pub enum Val {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(Some(v))
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        Val::Int(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(Some(v.to_owned()))
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(Some(v))
    }
}
impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Self {
        Val::Text(v)
    }
}

pub fn bind<'q>(query: Query<'q, Any, AnyArguments<'q>>, value: Val) -> Query<'q, Any, AnyArguments<'q>> {
    match value {
        Val::Int(v) => query.bind(v),
        Val::Text(v) => query.bind(v),
    }
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("contract types serialize")
}

pub fn from_json<T: DeserializeOwned>(data: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(data).map_err(|e| sqlx::Error::Decode(format!("stored entity does not parse: {e}").into()))
}

/// `$1, $2, …` for `count` parameters starting after `offset`.
pub fn params(offset: usize, count: usize) -> String {
    (offset + 1..=offset + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Inserts or replaces one row: `id`, the extra `columns`, and `data`.
pub async fn upsert(
    conn: &mut AnyConnection,
    table: &str,
    id: Val,
    columns: &[(&str, Val)],
    data: String,
) -> Result<(), sqlx::Error> {
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let mut sql = format!("INSERT INTO {table} (id");
    for name in &names {
        sql.push_str(", ");
        sql.push_str(name);
    }
    sql.push_str(", data) VALUES (");
    sql.push_str(&params(0, columns.len() + 2));
    sql.push_str(") ON CONFLICT (id) DO UPDATE SET ");
    for name in &names {
        sql.push_str(&format!("{name} = excluded.{name}, "));
    }
    sql.push_str("data = excluded.data");
    let mut query = bind(sqlx::query(&sql), id);
    for (_, value) in columns {
        query = bind(query, value.clone());
    }
    query.bind(data).execute(conn).await?;
    Ok(())
}

/// The entity stored under `id` in `table`.
pub async fn get<T: DeserializeOwned>(
    conn: &mut AnyConnection,
    table: &str,
    id: i64,
) -> Result<Option<T>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT data FROM {table} WHERE id = $1")).bind(id).fetch_optional(conn).await?;
    row.map(|r| from_json(r.try_get::<&str, _>(0)?)).transpose()
}

/// Every entity a `SELECT data …` query returns.
pub async fn list<T: DeserializeOwned>(
    conn: &mut AnyConnection,
    sql: &str,
    args: Vec<Val>,
) -> Result<Vec<T>, sqlx::Error> {
    let mut query = sqlx::query(sql);
    for value in args {
        query = bind(query, value);
    }
    let rows = query.fetch_all(conn).await?;
    rows.iter().map(|r| from_json(r.try_get::<&str, _>(0)?)).collect()
}

/// The next free id of `table`. Only inside a write transaction, where writers are
/// serialized, so two writers cannot take the same id.
pub async fn next_id(conn: &mut AnyConnection, table: &str) -> Result<i64, sqlx::Error> {
    let max: Option<i64> = sqlx::query_scalar(&format!("SELECT MAX(id) FROM {table}")).fetch_one(conn).await?;
    Ok(max.unwrap_or(0) + 1)
}
