//! The server's view of customers' fraud risk, for the escalation matrix's "fraud score at
//! decline level" trigger: the same engine the desk runs (`arbiter_risk`) over the server's
//! data. Customers are re-scored only when their activity, or a linked account's, changed
//! since the last sweep.

use std::collections::{HashMap, HashSet};

use arbiter_contract::{ActivityEvent, Customer, RiskPolicy};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use tokio::sync::Mutex;

use crate::store::links;
use crate::store::rows::{list, params, Val};

/// Customers per query.
const CHUNK: usize = 500;

/// What a customer's score depends on: their newest event, and the newest event of anyone
/// sharing an identifier with them (a new account on their device can change their score).
type Seen = (i64, Option<i64>);

/// Each scored customer's inputs when scored, and whether the score declined them.
#[derive(Debug, Default)]
pub struct RiskCache {
    scored: Mutex<HashMap<i64, (Seen, bool)>>,
}

async fn ids_in<T: serde::de::DeserializeOwned>(
    conn: &mut AnyConnection,
    sql_head: &str,
    ids: &[i64],
) -> Result<Vec<T>, sqlx::Error> {
    let sql = format!("{sql_head} ({})", params(0, ids.len()));
    list(conn, &sql, ids.iter().map(|id| Val::from(*id)).collect()).await
}

async fn grouped(conn: &mut AnyConnection, sql: &str, ids: &[i64]) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let mut query = sqlx::query_as::<_, (i64, i64)>(sql);
    for id in ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?.into_iter().collect())
}

/// What each of `ids`' scores depends on now.
async fn inputs(conn: &mut AnyConnection, ids: &[i64]) -> Result<HashMap<i64, Seen>, sqlx::Error> {
    let list = params(0, ids.len());
    let own = grouped(
        conn,
        &format!("SELECT customer_id, MAX(id) FROM activity_events WHERE customer_id IN ({list}) GROUP BY customer_id"),
        ids,
    )
    .await?;
    let linked = grouped(
        conn,
        &format!(
            "WITH mine AS (SELECT DISTINCT customer_id, kind, value FROM activity_identifiers WHERE customer_id IN ({list}))
             SELECT mine.customer_id, MAX(other.event_id) FROM mine
             JOIN activity_identifiers other
               ON other.kind = mine.kind AND other.value = mine.value AND other.customer_id <> mine.customer_id
             GROUP BY mine.customer_id"
        ),
        ids,
    )
    .await?;
    Ok(own.into_iter().map(|(customer, newest)| (customer, (newest, linked.get(&customer).copied()))).collect())
}

impl RiskCache {
    /// Which of `customers` score at or above the policy's decline level at `now`, with every
    /// account linked to theirs (the identifier index), whoever's queue it is in.
    pub async fn declining(
        &self,
        conn: &mut AnyConnection,
        customers: &[i64],
        policy: &RiskPolicy,
        now: DateTime<Utc>,
    ) -> Result<HashSet<i64>, sqlx::Error> {
        let mut scored = self.scored.lock().await;
        let mut stale = Vec::new();
        for chunk in customers.chunks(CHUNK) {
            for (customer, seen) in inputs(conn, chunk).await? {
                if scored.get(&customer).is_none_or(|(was, _)| *was != seen) {
                    stale.push((customer, seen));
                }
            }
        }
        for chunk in stale.chunks(CHUNK) {
            let ids: Vec<i64> = chunk.iter().map(|(c, _)| *c).collect();
            let events: Vec<ActivityEvent> =
                ids_in(conn, "SELECT data FROM activity_events WHERE customer_id IN", &ids).await?;
            let people: Vec<Customer> = ids_in(conn, "SELECT data FROM customers WHERE id IN", &ids).await?;
            let uses = links::shared_uses(conn, &ids).await?;
            let theirs = links::events(conn, &uses.iter().map(|u| u.event_id).collect::<Vec<_>>()).await?;
            let links = arbiter_risk::Links::from_events(events.iter().chain(theirs.iter()));
            let mut by_customer: HashMap<i64, Vec<ActivityEvent>> = HashMap::new();
            for event in events {
                by_customer.entry(event.customer_id).or_default().push(event);
            }
            for (customer, seen) in chunk {
                let legal_name = people.iter().find(|p| p.id == *customer).and_then(|p| p.legal_name.clone());
                let subject = arbiter_risk::Subject { customer_id: *customer, legal_name };
                let mine = by_customer.get(customer).map_or(&[][..], |v| v);
                let score = arbiter_risk::score(policy, &subject, mine, &links, now);
                scored.insert(*customer, (*seen, score.band == arbiter_risk::Band::Decline));
            }
        }
        Ok(customers.iter().copied().filter(|c| scored.get(c).is_some_and(|(_, decline)| *decline)).collect())
    }
}
