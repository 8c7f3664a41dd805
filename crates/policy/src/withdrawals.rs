//! Why a withdrawal waits: every control, lock and check that keeps it from leaving, so the
//! desk can say it plainly to the customer and the agent knows what would release it.

use arbiter_contract::{
    AccountControls, ActivityDetail, ActivityEvent, Control, ScreeningRating, TransferStatus, TravelRuleStatus,
};
use chrono::{DateTime, Utc};

/// One thing holding a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoldReason {
    AccountFrozen(Control),
    AllWithdrawalsHeld(Control),
    ThisWithdrawalHeld(Control),
    AddressBlocked(Control),
    /// The lock after a security change runs until then.
    SecurityLock {
        until: DateTime<Utc>,
    },
    /// The beneficiary data is not complete, or the receiving exchange refused it.
    TravelRule {
        status: TravelRuleStatus,
        vasp: Option<String>,
    },
    /// A large transfer to a self-hosted wallet without the proof that it is the customer's.
    OwnershipProof,
    /// The address screened severe (the exchange does not send there on its own).
    Screening {
        rating: ScreeningRating,
        entity: Option<String>,
    },
}

/// What holds `withdrawal` at `now` given the account's `controls`; empty for a withdrawal
/// that is not waiting, or that waits only for its turn to be sent.
pub fn hold_reasons(withdrawal: &ActivityEvent, controls: &AccountControls, now: DateTime<Utc>) -> Vec<HoldReason> {
    let ActivityDetail::Withdrawal { status, address, locked_until, screening, travel_rule, .. } = &withdrawal.detail
    else {
        return Vec::new();
    };
    if !matches!(status, TransferStatus::Pending | TransferStatus::Held) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(c) = &controls.frozen {
        out.push(HoldReason::AccountFrozen(c.clone()));
    }
    if let Some(c) = &controls.withdrawals_held {
        out.push(HoldReason::AllWithdrawalsHeld(c.clone()));
    }
    if let Some(hold) = controls.held_withdrawals.iter().find(|h| h.withdrawal_id == withdrawal.id) {
        out.push(HoldReason::ThisWithdrawalHeld(hold.control.clone()));
    }
    if let Some(block) = controls.blocked_addresses.iter().find(|b| b.address == *address) {
        out.push(HoldReason::AddressBlocked(block.control.clone()));
    }
    if let Some(until) = locked_until.filter(|until| *until > now) {
        out.push(HoldReason::SecurityLock { until });
    }
    if let Some(rule) = travel_rule {
        match rule.status {
            TravelRuleStatus::Missing | TravelRuleStatus::Rejected => {
                let vasp = match &rule.beneficiary {
                    arbiter_contract::Beneficiary::Vasp { name } => Some(name.clone()),
                    arbiter_contract::Beneficiary::SelfHosted => None,
                };
                out.push(HoldReason::TravelRule { status: rule.status, vasp });
            }
            TravelRuleStatus::OwnershipMissing => out.push(HoldReason::OwnershipProof),
            _ => {}
        }
    }
    if let Some(s) = screening.as_ref().filter(|s| s.rating == ScreeningRating::Severe) {
        out.push(HoldReason::Screening { rating: s.rating, entity: s.entity.clone() });
    }
    out
}
