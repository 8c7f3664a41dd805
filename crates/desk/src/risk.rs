//! A customer's fraud risk from the local copy, offline too: the score, its band and every
//! finding with the events behind it (arbiter_risk, the rules of DOMAIN.md with the synced
//! policy's weights), the accounts linked to theirs and what each shares, and their whole
//! timeline. Read again whenever the desk shows the customer, so new activity re-scores them
//! as it syncs.
//!
//! The feed brings only the agent's queues' customers, so accounts linked from outside them
//! come from the company API (`refresh_customer_links`, `links.rs`) and are kept in the
//! cache: a link seen once stays known offline.

use std::collections::BTreeMap;

use arbiter_cache::Cache;
use arbiter_contract::{ActivityEvent, CustomerId};
use arbiter_risk::{Link, Links, RiskScore, Subject};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// Another customer linked to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LinkedCustomer {
    pub customer_id: CustomerId,
    pub name: Option<String>,
    pub account_id: Option<String>,
    /// Not in the agent's queues: known from the company API's answer, not the local copy,
    /// so the desk cannot open their tickets.
    pub outside_queues: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CustomerRisk {
    pub risk: RiskScore,
    /// What the customer shares with other accounts, most widely shared first.
    pub links: Vec<Link>,
    pub linked_customers: Vec<LinkedCustomer>,
    /// Everything the customer did, newest first.
    pub timeline: Vec<ActivityEvent>,
    /// When the company API last said which accounts outside the agent's queues are linked;
    /// none yet when the desk has not been able to ask (offline since it first showed them).
    pub links_checked_at: Option<DateTime<Utc>>,
    /// The API listed only the most linked accounts; there are more.
    pub links_truncated: bool,
}

impl Desk {
    pub async fn customer_risk(&self, customer_id: CustomerId) -> Result<CustomerRisk, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        customer_risk(&cache, customer_id).await
    }

    /// Asks the company API which accounts are linked to the customer's, whichever queues
    /// they are in, and keeps the answer for offline use. Whether it changed what the desk
    /// knew (so the screen re-reads the risk).
    pub async fn refresh_customer_links(&self, customer_id: CustomerId) -> Result<bool, DeskError> {
        let (client, cache) = self.client_and_cache().await?;
        crate::links::fetch_links(&client, &cache, customer_id).await
    }
}

/// A customer's risk from what `cache` holds (the risk tab's read; the bench times it).
pub async fn customer_risk(cache: &Cache, customer_id: CustomerId) -> Result<CustomerRisk, DeskError> {
    let customer = cache
        .customer(customer_id)
        .await?
        .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CUSTOMER_NOT_CACHED)))?;
    let mine = cache.customer_activity(customer_id).await?;
    let theirs = cache.linked_activity(customer_id).await?;
    let remote = cache.customer_links(customer_id).await?;
    let mut links = Links::from_events(mine.iter().chain(theirs.iter()));
    for shared in remote.iter().flat_map(|(told, _)| &told.shared) {
        links.add_use(shared.kind, &shared.value, shared.customer_id);
    }
    let policy = cache.policies().await?.map(|p| p.risk).unwrap_or_else(arbiter_contract::defaults::risk_policy);
    let subject = Subject { customer_id, legal_name: customer.legal_name.clone() };
    let shared = links.of_customer(customer_id, &mine.iter().collect::<Vec<_>>());
    let mut known = BTreeMap::new();
    for id in shared.iter().flat_map(|l| l.customer_ids.iter().copied()) {
        if let Some(c) = cache.customer(id).await? {
            known.insert(id, c);
        }
    }
    Ok(assemble(&policy, &subject, mine, &links, shared, &known, remote.as_ref()))
}

/// The risk of `subject` from their events (`mine`, oldest first) and the `links` index;
/// `shared` is what the index says they share (`Links::of_customer`, which the caller has
/// already asked to find `known`): the linked customers the caller's copy holds (the others
/// are named from the company API's `remote` answer, as outside the queues).
pub fn assemble(
    policy: &arbiter_contract::RiskPolicy,
    subject: &Subject,
    mine: Vec<ActivityEvent>,
    links: &Links,
    shared: Vec<arbiter_risk::Link>,
    known: &BTreeMap<CustomerId, arbiter_contract::Customer>,
    remote: Option<&(arbiter_contract::CustomerLinks, DateTime<Utc>)>,
) -> CustomerRisk {
    let risk = arbiter_risk::score(policy, subject, &mine, links, Utc::now());
    let mut others: BTreeMap<CustomerId, LinkedCustomer> = BTreeMap::new();
    for id in shared.iter().flat_map(|l| l.customer_ids.iter().copied()) {
        let linked = match known.get(&id) {
            Some(known) => LinkedCustomer {
                customer_id: id,
                name: Some(known.name.clone()),
                account_id: Some(known.account_id.clone()),
                outside_queues: false,
            },
            None => {
                let told = remote.and_then(|(l, _)| l.accounts.iter().find(|a| a.customer_id == id));
                LinkedCustomer {
                    customer_id: id,
                    name: told.map(|a| a.name.clone()),
                    account_id: told.map(|a| a.account_id.clone()),
                    outside_queues: true,
                }
            }
        };
        others.insert(id, linked);
    }
    let mut timeline = mine;
    timeline.reverse();
    CustomerRisk {
        risk,
        links: shared,
        linked_customers: others.into_values().collect(),
        timeline,
        links_checked_at: remote.map(|(_, at)| *at),
        links_truncated: remote.is_some_and(|(l, _)| l.truncated),
    }
}
