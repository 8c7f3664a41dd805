//! Accounts linked through shared identifiers (devices, IPs, withdrawal wallets, cards): the
//! `activity_identifiers` index, written with each event, and the reads over it.

use std::collections::{BTreeMap, BTreeSet};

use arbiter_contract::{ActivityEvent, CustomerId};
use sqlx::AnyConnection;

use super::rows::{list, params, Val};

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

/// One linked account's use of one shared identifier: its latest event carrying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedUse {
    pub customer_id: CustomerId,
    pub kind: String,
    pub value: String,
    pub event_id: i64,
}

/// Everyone else using an identifier any of `customers` uses: one row per account and
/// identifier (its latest event), so a thousand logins from one shared device stay one row.
pub async fn shared_uses(conn: &mut AnyConnection, customers: &[CustomerId]) -> Result<Vec<SharedUse>, sqlx::Error> {
    if customers.is_empty() {
        return Ok(Vec::new());
    }
    let list = params(0, customers.len());
    let sql = format!(
        "WITH mine AS (SELECT DISTINCT kind, value FROM activity_identifiers WHERE customer_id IN ({list}))
         SELECT other.customer_id, other.kind, other.value, MAX(other.event_id)
         FROM mine JOIN activity_identifiers other ON other.kind = mine.kind AND other.value = mine.value
         WHERE other.customer_id NOT IN ({list})
         GROUP BY other.customer_id, other.kind, other.value
         ORDER BY other.customer_id, other.kind, other.value"
    );
    let mut query = sqlx::query_as::<_, (i64, String, String, i64)>(&sql);
    for id in customers {
        query = query.bind(*id);
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|(customer_id, kind, value, event_id)| SharedUse { customer_id, kind, value, event_id })
        .collect())
}

/// Events by id, in id order.
pub async fn events(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<ActivityEvent>, sqlx::Error> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let sql = format!("SELECT data FROM activity_events WHERE id IN ({}) ORDER BY id", params(0, chunk.len()));
        out.extend(list::<ActivityEvent>(conn, &sql, chunk.iter().map(|id| Val::from(*id)).collect()).await?);
    }
    out.sort_by_key(|e| e.id);
    Ok(out)
}

/// The linked accounts of `uses`, most shared identifiers first (then most recent), at most
/// `limit` of them; and whether there were more.
pub fn rank_accounts(uses: &[SharedUse], limit: usize) -> (Vec<CustomerId>, bool) {
    let mut by_account: BTreeMap<CustomerId, (usize, i64)> = BTreeMap::new();
    for u in uses {
        let entry = by_account.entry(u.customer_id).or_default();
        entry.0 += 1;
        entry.1 = entry.1.max(u.event_id);
    }
    let mut ranked: Vec<(CustomerId, (usize, i64))> = by_account.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.cmp(&a.1 .1)).then(a.0.cmp(&b.0)));
    let truncated = ranked.len() > limit;
    (ranked.into_iter().take(limit).map(|(id, _)| id).collect(), truncated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(customer_id: CustomerId, kind: &str, event_id: i64) -> SharedUse {
        SharedUse { customer_id, kind: kind.into(), value: format!("{kind}-value"), event_id }
    }

    #[test]
    fn accounts_sharing_more_come_first_then_the_most_recent_and_the_rest_are_counted_out() {
        let uses = [used(7, "ip", 10), used(8, "ip", 30), used(8, "device", 20), used(9, "ip", 40), used(6, "ip", 40)];
        assert_eq!(rank_accounts(&uses, 10), (vec![8, 6, 9, 7], false));
        assert_eq!(rank_accounts(&uses, 2), (vec![8, 6], true));
        assert_eq!(rank_accounts(&[], 2), (vec![], false));
    }
}
