//! Accounts linked through shared identifiers (devices, IPs, withdrawal wallets, cards): the
//! `activity_identifiers` index, written with each event, and the reads over it.

use std::collections::BTreeSet;

use arbiter_contract::{ActivityEvent, CustomerId, LinkKind, SharedIdentifier};
use chrono::DateTime;
use sqlx::AnyConnection;

use super::rows::params;

/// Indexes the identifiers `event` carries (after clearing the event's old ones, so storing
/// the same event again changes nothing).
pub async fn index_identifiers(conn: &mut AnyConnection, event: &ActivityEvent) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM activity_identifiers WHERE event_id = $1").bind(event.id).execute(&mut *conn).await?;
    for (kind, value) in identifier_rows(event) {
        sqlx::query("INSERT INTO activity_identifiers (kind, value, customer_id, event_id) VALUES ($1, $2, $3, $4)")
            .bind(kind)
            .bind(value)
            .bind(event.customer_id)
            .bind(event.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The index rows of one event: each identifier it carries, once.
pub fn identifier_rows(event: &ActivityEvent) -> BTreeSet<(&'static str, String)> {
    arbiter_risk::identifiers(event)
        .into_iter()
        .filter(|(_, value, _)| !value.is_empty())
        .map(|(kind, value, _)| (kind.as_str(), value))
        .collect()
}

/// Everyone else using an identifier any of `customers` uses: one row per account and
/// identifier, so a thousand logins from one shared device stay one row.
pub async fn shared_uses(
    conn: &mut AnyConnection,
    customers: &[CustomerId],
) -> Result<Vec<(CustomerId, LinkKind, String)>, sqlx::Error> {
    if customers.is_empty() {
        return Ok(Vec::new());
    }
    let list = params(0, customers.len());
    let sql = format!(
        "WITH mine AS (SELECT DISTINCT kind, value FROM activity_identifiers WHERE customer_id IN ({list}))
         SELECT DISTINCT other.customer_id, other.kind, other.value
         FROM mine JOIN activity_identifiers other ON other.kind = mine.kind AND other.value = mine.value
         WHERE other.customer_id NOT IN ({list})"
    );
    let mut query = sqlx::query_as::<_, (i64, String, String)>(&sql);
    for id in customers {
        query = query.bind(*id);
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .filter_map(|(customer, kind, value)| Some((customer, LinkKind::parse(&kind)?, value)))
        .collect())
}

/// What the accounts linked to `customer`'s share with it: the accounts sharing the most
/// identifiers first (then the most recently active), at most `limit` accounts; and whether
/// there were more. Ranked and cut in the database, so a widely shared IP costs no transfer.
pub async fn linked(
    conn: &mut AnyConnection,
    customer: CustomerId,
    limit: usize,
) -> Result<(Vec<SharedIdentifier>, bool), sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "WITH mine AS (SELECT DISTINCT kind, value FROM activity_identifiers WHERE customer_id = $1),
         uses AS (
             SELECT other.customer_id, other.kind, other.value, MAX(other.event_id) AS event_id
             FROM mine JOIN activity_identifiers other ON other.kind = mine.kind AND other.value = mine.value
             WHERE other.customer_id <> $1
             GROUP BY other.customer_id, other.kind, other.value),
         ranked AS (
             SELECT customer_id, COUNT(*) AS shared, MAX(event_id) AS newest FROM uses
             GROUP BY customer_id ORDER BY shared DESC, newest DESC, customer_id LIMIT $2)
         SELECT uses.customer_id, uses.kind, uses.value, e.at
         FROM uses JOIN ranked ON ranked.customer_id = uses.customer_id
         JOIN activity_events e ON e.id = uses.event_id
         ORDER BY ranked.shared DESC, ranked.newest DESC, uses.customer_id, uses.kind, uses.value",
    )
    .bind(customer)
    .bind(limit as i64 + 1)
    .fetch_all(conn)
    .await?;
    let mut accounts = Vec::new();
    let mut shared = Vec::new();
    for (customer_id, kind, value, at) in rows {
        if accounts.last() != Some(&customer_id) {
            accounts.push(customer_id);
        }
        if accounts.len() > limit {
            return Ok((shared, true));
        }
        let Some(kind) = LinkKind::parse(&kind) else { continue };
        let last_used_at = DateTime::from_timestamp_millis(at).unwrap_or_default();
        shared.push(SharedIdentifier { kind, value, customer_id, last_used_at });
    }
    Ok((shared, false))
}
