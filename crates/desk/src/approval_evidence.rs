//! What an approver judges a request on: the customer's risk findings, the accounts linked to
//! theirs, their timeline and their waiting withdrawals with why each waits. From the local copy
//! when the customer is in the approver's queues (offline too); otherwise from the company API,
//! which lets a request's approvers look at its account, scored here with the same rules.

use std::collections::BTreeMap;

use arbiter_contract::CustomerId;
use arbiter_risk::poisoning::PoisoningParams;
use arbiter_risk::{Links, Subject};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::DeskError;
use crate::risk::{assemble, customer_risk, CustomerRisk};
use crate::withdrawal_notes::{notes, WithdrawalNotes};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ApprovalEvidence {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub account_id: String,
    pub risk: CustomerRisk,
    /// Waiting withdrawals, newest first, with their notes.
    pub pending_withdrawals: Vec<arbiter_contract::ActivityEvent>,
    pub withdrawal_notes: Vec<WithdrawalNotes>,
    /// Asked of the company API: the customer is in none of the agent's queues.
    pub from_server: bool,
}

impl Desk {
    pub async fn approval_evidence(&self, customer_id: CustomerId) -> Result<ApprovalEvidence, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let policies = cache.policies().await?;
        let risk_policy =
            policies.as_ref().map(|p| p.risk.clone()).unwrap_or_else(arbiter_contract::defaults::risk_policy);
        let reasons = policies.as_ref().map(|p| p.actions.reason_codes.clone()).unwrap_or_default();
        let label = |code: &str| reasons.iter().find(|r| r.code == code).map_or(code.to_owned(), |r| r.label.clone());
        let params = PoisoningParams::of_policy(&risk_policy);
        let now = Utc::now();

        if let Some(customer) = cache.customer(customer_id).await? {
            let risk = customer_risk(&cache, customer_id).await?;
            let panel = self.account_panel(customer_id).await?;
            return Ok(ApprovalEvidence {
                customer_id,
                customer_name: customer.name,
                account_id: customer.account_id,
                risk,
                pending_withdrawals: panel.pending_withdrawals,
                withdrawal_notes: panel.withdrawal_notes,
                from_server: false,
            });
        }
        let (client, _) = self.client_and_cache().await?;
        let evidence = client.account_evidence(customer_id).await?;
        let account = client.account_controls(customer_id).await?;
        let mut links = Links::from_events(evidence.activity.iter());
        for shared in &evidence.links.shared {
            links.add_use(shared.kind, &shared.value, shared.customer_id);
        }
        let subject = Subject { customer_id, legal_name: evidence.customer.legal_name.clone() };
        let history = evidence.activity.clone();
        let remote = (evidence.links, now);
        let shared = links.of_customer(customer_id, &history.iter().collect::<Vec<_>>());
        let risk = assemble(&risk_policy, &subject, evidence.activity, &links, shared, &BTreeMap::new(), Some(&remote));
        let pending = crate::account_controls::pending_of(&account.pending_withdrawals);
        let withdrawal_notes = notes(&pending, &history, &account.controls, &params, &label, now);
        Ok(ApprovalEvidence {
            customer_id,
            customer_name: evidence.customer.name,
            account_id: evidence.customer.account_id,
            risk,
            pending_withdrawals: pending,
            withdrawal_notes,
            from_server: true,
        })
    }
}
