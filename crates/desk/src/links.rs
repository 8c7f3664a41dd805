//! Accounts linked to a customer's from outside the agent's queues: the company API's answer,
//! checked and kept in the cache (so a link seen once stays known offline), asked for when a
//! customer is shown and fetched ahead, beside the sync loop, for the customers of the
//! agent's own active tickets.

use std::sync::Arc;
use std::time::{Duration, Instant};

use arbiter_cache::Cache;
use arbiter_client::{ApiClient, ClientError};
use arbiter_contract::{CustomerId, CustomerLinks};
use chrono::Utc;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::error::{DeskError, ErrorCode};
use crate::events::{DeskEvents, TicketsChanged};
use crate::messages::errors;
use arbiter_text::Msg;

/// How long an answer on linked accounts counts as current for fetching ahead (showing a
/// customer always asks again).
pub const LINKS_MAX_AGE: chrono::Duration = chrono::Duration::hours(1);
/// How often the agent's customers are looked at for linked accounts to fetch ahead.
pub const PREFETCH_INTERVAL: Duration = Duration::from_secs(60);
/// Customers asked about per pass of fetching ahead.
const PREFETCH_BATCH: u32 = 100;
/// Largest answer on linked accounts the desk keeps; the API lists at most 200 accounts with
/// a few identifiers each, so anything far larger is not a real answer.
const MAX_LINKED: usize = 20_000;

/// Asks the company API for the customer's linked accounts and keeps the answer. Whether it
/// changed what the desk knew.
pub async fn fetch_links(client: &ApiClient, cache: &Cache, customer_id: CustomerId) -> Result<bool, DeskError> {
    let links = client.customer_links(customer_id).await?;
    check_links(customer_id, &links)?;
    Ok(cache.put_customer_links(&links, Utc::now()).await?)
}

/// What the desk will keep of an answer: about the customer asked for, and of a sane size.
fn check_links(customer_id: CustomerId, links: &CustomerLinks) -> Result<(), DeskError> {
    let malformed = |why: &'static arbiter_text::Def| {
        DeskError::say(ErrorCode::Malformed, Msg::new(&errors::LINKS_UNUSABLE).msg("why", Msg::new(why)))
    };
    if links.customer_id != customer_id {
        return Err(malformed(&errors::LINKS_OTHER_CUSTOMER));
    }
    if links.shared.len() > MAX_LINKED || links.accounts.len() > MAX_LINKED {
        return Err(malformed(&errors::LINKS_TOO_LARGE));
    }
    Ok(())
}

/// One pass of fetching ahead: the customers of the agent's own active tickets not asked
/// about within `LINKS_MAX_AGE`. A customer the server cannot answer about is skipped (asked
/// again next pass); the pass stops when the server cannot be reached. The customers whose
/// links changed.
pub async fn prefetch_pass(client: &ApiClient, cache: &Cache, agent_id: i64) -> Vec<CustomerId> {
    let due = match cache.customers_needing_links(agent_id, Utc::now() - LINKS_MAX_AGE, PREFETCH_BATCH).await {
        Ok(due) => due,
        Err(error) => {
            tracing::warn!(%error, "listing customers for linked accounts failed");
            return Vec::new();
        }
    };
    let mut changed = Vec::new();
    for customer_id in due {
        let links = match client.customer_links(customer_id).await {
            Ok(links) => links,
            Err(ClientError::Network(_) | ClientError::RateLimited { .. } | ClientError::Unauthorized(_)) => break,
            // Gone from the agent's view since the last sync, or an answer the server could
            // not give for this one customer: the others still come.
            Err(error) => {
                tracing::debug!(customer_id, %error, "linked accounts not fetched ahead");
                continue;
            }
        };
        if let Err(error) = check_links(customer_id, &links) {
            tracing::warn!(customer_id, error = %error.message, "linked accounts answer not kept");
            continue;
        }
        match cache.put_customer_links(&links, Utc::now()).await {
            Ok(true) => changed.push(customer_id),
            Ok(false) => {}
            Err(error) => {
                tracing::warn!(%error, "keeping linked accounts failed");
                break;
            }
        }
    }
    changed
}

/// Fetches linked accounts and small attachments ahead for the session: a pass after a successful sync, at most
/// once per `PREFETCH_INTERVAL` (it may take many requests), one pass at a time. Stops with
/// the session.
pub struct LinkPrefetch {
    task: JoinHandle<()>,
}

impl LinkPrefetch {
    /// `synced` is told after each successful pull, so the first pass follows the first sync.
    pub fn spawn(
        client: ApiClient,
        cache: Cache,
        agent_id: i64,
        file_budget: i64,
        events: Arc<dyn DeskEvents>,
        synced: Arc<Notify>,
    ) -> Self {
        let task = tokio::spawn(async move {
            let mut last: Option<Instant> = None;
            loop {
                synced.notified().await;
                if last.is_some_and(|at| at.elapsed() < PREFETCH_INTERVAL) {
                    continue;
                }
                last = Some(Instant::now());
                let files = crate::file_fetch::prefetch_attachments(&client, &cache, agent_id, file_budget).await;
                if files > 0 {
                    tracing::debug!(files, "attachments fetched ahead");
                }
                let changed = prefetch_pass(&client, &cache, agent_id).await;
                if changed.is_empty() {
                    continue;
                }
                // Their tickets' screens (the risk tab, the customer panel) read again.
                match cache.tickets_of_customers(&changed).await {
                    Ok(ids) if !ids.is_empty() => events.tickets_changed(&TicketsChanged { ids, others: false }),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "finding the tickets of changed links failed"),
                }
            }
        });
        Self { task }
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for LinkPrefetch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(customer_id: CustomerId, shared: usize) -> CustomerLinks {
        let one = arbiter_contract::SharedIdentifier {
            kind: arbiter_contract::LinkKind::Device,
            value: "d".into(),
            customer_id: 2,
            last_used_at: Utc::now(),
        };
        CustomerLinks { customer_id, accounts: vec![], shared: vec![one; shared], truncated: false }
    }

    #[test]
    fn an_answer_about_someone_else_or_of_absurd_size_is_not_kept() {
        assert!(check_links(1, &answer(1, 3)).is_ok());
        let other = check_links(1, &answer(7, 3)).unwrap_err();
        assert!(other.message.contains("another customer"), "{other:?}");
        assert_eq!(other.code, ErrorCode::Malformed);
        assert!(check_links(1, &answer(1, MAX_LINKED + 1)).is_err());
    }
}
