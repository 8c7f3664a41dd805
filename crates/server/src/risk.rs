//! The server's view of customers' fraud risk, for the escalation matrix's "fraud score at
//! decline level" trigger: the same engine the desk runs (`arbiter_risk`) over the server's
//! data, linking accounts through the server's identifier index whoever's queue they are in.
//! Customers are re-scored only when their activity, or a linked account's, changed since.

use std::collections::{HashMap, HashSet};

use arbiter_contract::{ActivityEvent, Customer, RiskPolicy};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use tokio::sync::Mutex;

use crate::store::links;
use crate::store::rows::{list, params, Val};

/// Customers per query.
const CHUNK: usize = 500;

/// The decline decisions, current to a position of the change feed.
#[derive(Debug, Default)]
struct Scores {
    /// The feed's newest change when the scores were last brought up to date.
    seq: i64,
    /// Each scored customer: whether the score declined them.
    declined: HashMap<i64, bool>,
    /// The customers the last call scored (the others' scores were kept).
    last: Vec<i64>,
}

/// Scores kept between sweeps; only customers whose activity (or name), or a linked account's
/// activity, changed since are scored again — found from the change feed, so a sweep with
/// nothing new costs one range read.
#[derive(Debug, Default)]
pub struct RiskCache {
    scores: Mutex<Scores>,
}

async fn ids_in<T: serde::de::DeserializeOwned>(
    conn: &mut AnyConnection,
    sql_head: &str,
    ids: &[i64],
) -> Result<Vec<T>, sqlx::Error> {
    let sql = format!("{sql_head} ({})", params(0, ids.len()));
    list(conn, &sql, ids.iter().map(|id| Val::from(*id)).collect()).await
}

async fn scalars_in(conn: &mut AnyConnection, sql_head: &str, ids: &[i64]) -> Result<Vec<i64>, sqlx::Error> {
    let sql = format!("{sql_head} ({})", params(0, ids.len()));
    let mut query = sqlx::query_scalar::<_, i64>(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(conn).await
}

/// The customers whose score may differ because of changes after `after` up to `head`: the
/// owners of new or changed events and customers, and everyone sharing an identifier with a
/// new event.
async fn touched(conn: &mut AnyConnection, after: i64, head: i64) -> Result<HashSet<i64>, sqlx::Error> {
    let changed: Vec<(String, i64)> = sqlx::query_as(
        "SELECT entity_kind, entity_id FROM changes
         WHERE seq > $1 AND seq <= $2 AND entity_kind IN ('activity_event', 'customer')",
    )
    .bind(after)
    .bind(head)
    .fetch_all(&mut *conn)
    .await?;
    let mut customers: HashSet<i64> = changed.iter().filter(|(k, _)| k == "customer").map(|(_, id)| *id).collect();
    let events: Vec<i64> = changed.iter().filter(|(k, _)| k == "activity_event").map(|(_, id)| *id).collect();
    for chunk in events.chunks(CHUNK) {
        customers.extend(scalars_in(conn, "SELECT customer_id FROM activity_events WHERE id IN", chunk).await?);
        customers.extend(
            scalars_in(
                conn,
                "SELECT DISTINCT other.customer_id FROM activity_identifiers mine
                 JOIN activity_identifiers other ON other.kind = mine.kind AND other.value = mine.value
                 WHERE mine.event_id IN",
                chunk,
            )
            .await?,
        );
    }
    Ok(customers)
}

impl RiskCache {
    /// The customers the last `declining` scored; the others' scores were kept.
    pub async fn scored_last(&self) -> Vec<i64> {
        self.scores.lock().await.last.clone()
    }

    /// Which of `customers` score at or above the policy's decline level at `now`, with every
    /// account linked to theirs (the identifier index), whoever's queue it is in.
    pub async fn declining(
        &self,
        conn: &mut AnyConnection,
        customers: &[i64],
        policy: &RiskPolicy,
        now: DateTime<Utc>,
    ) -> Result<HashSet<i64>, sqlx::Error> {
        let mut scores = self.scores.lock().await;
        let head: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes").fetch_one(&mut *conn).await?;
        if head != scores.seq {
            if !scores.declined.is_empty() {
                for customer in touched(conn, scores.seq, head).await? {
                    scores.declined.remove(&customer);
                }
            }
            scores.seq = head;
        }
        let stale: Vec<i64> = customers.iter().copied().filter(|c| !scores.declined.contains_key(c)).collect();
        scores.last.clone_from(&stale);
        for ids in stale.chunks(CHUNK) {
            let events: Vec<ActivityEvent> =
                ids_in(conn, "SELECT data FROM activity_events WHERE customer_id IN", ids).await?;
            let people: Vec<Customer> = ids_in(conn, "SELECT data FROM customers WHERE id IN", ids).await?;
            let mut links = arbiter_risk::Links::from_events(&events);
            for (customer, kind, value) in links::shared_uses(conn, ids).await? {
                links.add_use(kind, &value, customer);
            }
            let mut by_customer: HashMap<i64, Vec<ActivityEvent>> = HashMap::new();
            for event in events {
                by_customer.entry(event.customer_id).or_default().push(event);
            }
            for customer in ids {
                let legal_name = people.iter().find(|p| p.id == *customer).and_then(|p| p.legal_name.clone());
                let subject = arbiter_risk::Subject { customer_id: *customer, legal_name };
                let mine = by_customer.get(customer).map_or(&[][..], |v| v);
                let score = arbiter_risk::score(policy, &subject, mine, &links, now);
                scores.declined.insert(*customer, score.band == arbiter_risk::Band::Decline);
            }
        }
        Ok(customers.iter().copied().filter(|c| scores.declined.get(c) == Some(&true)).collect())
    }
}
