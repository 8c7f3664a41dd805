//! The server's view of customers' fraud risk, for the escalation matrix's "fraud score at
//! decline level" trigger: the same engine the desk runs (`arbiter_risk`) over the server's
//! data. Customers are re-scored only when their activity changed since the last sweep.

use std::collections::{HashMap, HashSet};

use arbiter_contract::{ActivityEvent, Customer, RiskPolicy};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use tokio::sync::Mutex;

use crate::store::rows::{list, params, Val};

/// Customers per query.
const CHUNK: usize = 500;

/// Each scored customer's newest event id when scored, and whether the score declined them.
#[derive(Debug, Default)]
pub struct RiskCache {
    scored: Mutex<HashMap<i64, (i64, bool)>>,
}

async fn ids_in<T: serde::de::DeserializeOwned>(
    conn: &mut AnyConnection,
    sql_head: &str,
    ids: &[i64],
) -> Result<Vec<T>, sqlx::Error> {
    let sql = format!("{sql_head} ({})", params(0, ids.len()));
    list(conn, &sql, ids.iter().map(|id| Val::from(*id)).collect()).await
}

impl RiskCache {
    /// Which of `customers` score at or above the policy's decline level at `now`.
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
            let sql = format!(
                "SELECT customer_id, MAX(id) FROM activity_events WHERE customer_id IN ({}) GROUP BY customer_id",
                params(0, chunk.len())
            );
            let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
            for id in chunk {
                query = query.bind(*id);
            }
            for (customer, newest) in query.fetch_all(&mut *conn).await? {
                if scored.get(&customer).is_none_or(|(seen, _)| *seen != newest) {
                    stale.push((customer, newest));
                }
            }
        }
        for chunk in stale.chunks(CHUNK) {
            let ids: Vec<i64> = chunk.iter().map(|(c, _)| *c).collect();
            let events: Vec<ActivityEvent> =
                ids_in(conn, "SELECT data FROM activity_events WHERE customer_id IN", &ids).await?;
            let people: Vec<Customer> = ids_in(conn, "SELECT data FROM customers WHERE id IN", &ids).await?;
            // Links among the customers scored together; enough for a decline decision.
            let links = arbiter_risk::Links::from_events(&events);
            let mut by_customer: HashMap<i64, Vec<ActivityEvent>> = HashMap::new();
            for event in events {
                by_customer.entry(event.customer_id).or_default().push(event);
            }
            for (customer, newest) in chunk {
                let legal_name = people.iter().find(|p| p.id == *customer).and_then(|p| p.legal_name.clone());
                let subject = arbiter_risk::Subject { customer_id: *customer, legal_name };
                let mine = by_customer.get(customer).map_or(&[][..], |v| v);
                let score = arbiter_risk::score(policy, &subject, mine, &links, now);
                scored.insert(*customer, (*newest, score.band == arbiter_risk::Band::Decline));
            }
        }
        Ok(customers.iter().copied().filter(|c| scored.get(c).is_some_and(|(_, decline)| *decline)).collect())
    }
}
