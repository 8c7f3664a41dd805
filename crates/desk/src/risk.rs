//! A customer's fraud risk from the local copy, offline too: the score, its band and every
//! finding with the events behind it (arbiter_risk, the rules of DOMAIN.md with the synced
//! policy's weights), the accounts linked to theirs and what each shares, and their whole
//! timeline. Read again whenever the desk shows the customer, so new activity re-scores them
//! as it syncs.

use std::collections::BTreeMap;

use arbiter_contract::{ActivityEvent, CustomerId};
use arbiter_risk::{Link, Links, RiskScore, Subject};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};

/// Another customer linked to this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LinkedCustomer {
    pub customer_id: CustomerId,
    pub name: Option<String>,
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CustomerRisk {
    pub risk: RiskScore,
    /// What the customer shares with other accounts, most widely shared first.
    pub links: Vec<Link>,
    pub linked_customers: Vec<LinkedCustomer>,
    /// Everything the customer did, newest first.
    pub timeline: Vec<ActivityEvent>,
}

impl Desk {
    pub async fn customer_risk(&self, customer_id: CustomerId) -> Result<CustomerRisk, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let customer = cache
            .customer(customer_id)
            .await?
            .ok_or_else(|| DeskError::new(ErrorCode::NotFound, "That customer is not in the local copy."))?;
        let mine = cache.customer_activity(customer_id).await?;
        let theirs = cache.linked_activity(customer_id).await?;
        let links = Links::from_events(mine.iter().chain(theirs.iter()));
        let policy = cache.policies().await?.map(|p| p.risk).unwrap_or_else(arbiter_contract::defaults::risk_policy);
        let subject = Subject { customer_id, legal_name: customer.legal_name.clone() };
        let risk = arbiter_risk::score(&policy, &subject, &mine, &links, chrono::Utc::now());
        let refs: Vec<&ActivityEvent> = mine.iter().collect();
        let shared = links.of_customer(customer_id, &refs);
        let mut others: BTreeMap<CustomerId, LinkedCustomer> = BTreeMap::new();
        for id in shared.iter().flat_map(|l| l.customer_ids.iter().copied()) {
            if others.contains_key(&id) {
                continue;
            }
            let known = cache.customer(id).await?;
            others.insert(
                id,
                LinkedCustomer {
                    customer_id: id,
                    name: known.as_ref().map(|c| c.name.clone()),
                    account_id: known.map(|c| c.account_id),
                },
            );
        }
        let mut timeline = mine;
        timeline.reverse();
        Ok(CustomerRisk { risk, links: shared, linked_customers: others.into_values().collect(), timeline })
    }
}
