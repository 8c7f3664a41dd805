//! Which case a ticket opens, which outcomes each kind of case can end in, and where an
//! outcome leaves a chargeback's network stage. The server refuses what these refuse; the
//! desk checks the same before queueing, and the UI only shows what they allow.

use arbiter_contract::{CaseKind, CaseOutcome, CaseStatus, ChargebackStage, TicketKind};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::chargeback;

/// The kind of investigation a ticket of `kind` opens; `None` for tickets that open none.
pub fn case_kind_for(kind: TicketKind) -> Option<CaseKind> {
    match kind {
        TicketKind::CardChargeback => Some(CaseKind::Chargeback),
        TicketKind::FraudClaim => Some(CaseKind::FraudClaim),
        TicketKind::TradeDispute | TicketKind::P2pDispute => Some(CaseKind::Dispute),
        TicketKind::Inquiry | TicketKind::Complaint => None,
    }
}

/// The outcomes a case of `kind` may end in, in the order the desk offers them.
pub fn outcomes(kind: CaseKind) -> &'static [CaseOutcome] {
    use CaseOutcome::*;
    match kind {
        CaseKind::Chargeback => &[RepresentedWon, RepresentedLost, Refunded],
        CaseKind::FraudClaim => &[ConfirmedFraud, FalsePositive],
        CaseKind::Dispute => &[ResolvedInFavourOfExchange, ResolvedInFavourOfCustomer, Refunded],
    }
}

/// Whether a case of `kind` may end in `outcome`.
pub fn allows_outcome(kind: CaseKind, outcome: CaseOutcome) -> bool {
    outcomes(kind).contains(&outcome)
}

/// The network stage a chargeback's outcome means: represented and won is won; represented
/// and lost, or refunded, is lost. Other outcomes are not chargebacks'.
pub fn outcome_stage(outcome: CaseOutcome) -> Option<ChargebackStage> {
    match outcome {
        CaseOutcome::RepresentedWon => Some(ChargebackStage::Won),
        CaseOutcome::RepresentedLost | CaseOutcome::Refunded => Some(ChargebackStage::Lost),
        _ => None,
    }
}

/// The statuses an agent moves an open case between (a case opens as `open` and is closed
/// by recording its outcome).
pub const WORKING_STATUSES: [CaseStatus; 3] =
    [CaseStatus::Investigating, CaseStatus::AwaitingCustomer, CaseStatus::AwaitingNetwork];

/// An outcome the agent may record now, and the stage it moves the chargeback to (only
/// when the network allows that move from where the dispute stands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OutcomeChoice {
    pub outcome: CaseOutcome,
    pub stage: Option<ChargebackStage>,
}

/// The outcomes a case can be closed with now. `lifecycle` is the chargeback's, if any.
pub fn outcome_choices(kind: CaseKind, lifecycle: Option<&chargeback::Lifecycle>) -> Vec<OutcomeChoice> {
    outcomes(kind)
        .iter()
        .map(|&outcome| OutcomeChoice {
            outcome,
            stage: outcome_stage(outcome).filter(|stage| lifecycle.is_some_and(|l| l.next.contains(stage))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_dispute_ticket_opens_its_case_kind() {
        assert_eq!(case_kind_for(TicketKind::CardChargeback), Some(CaseKind::Chargeback));
        assert_eq!(case_kind_for(TicketKind::FraudClaim), Some(CaseKind::FraudClaim));
        assert_eq!(case_kind_for(TicketKind::TradeDispute), Some(CaseKind::Dispute));
        assert_eq!(case_kind_for(TicketKind::P2pDispute), Some(CaseKind::Dispute));
        assert_eq!(case_kind_for(TicketKind::Inquiry), None);
        assert_eq!(case_kind_for(TicketKind::Complaint), None);
    }

    #[test]
    fn outcomes_fit_their_kind() {
        assert!(allows_outcome(CaseKind::Chargeback, CaseOutcome::RepresentedWon));
        assert!(allows_outcome(CaseKind::Dispute, CaseOutcome::Refunded));
        assert!(!allows_outcome(CaseKind::FraudClaim, CaseOutcome::RepresentedWon));
        assert!(!allows_outcome(CaseKind::Chargeback, CaseOutcome::ConfirmedFraud));
        assert!(!allows_outcome(CaseKind::Dispute, CaseOutcome::FalsePositive));
        // Every outcome belongs to some kind.
        for outcome in [
            CaseOutcome::ConfirmedFraud,
            CaseOutcome::FalsePositive,
            CaseOutcome::Refunded,
            CaseOutcome::RepresentedWon,
            CaseOutcome::RepresentedLost,
            CaseOutcome::ResolvedInFavourOfCustomer,
            CaseOutcome::ResolvedInFavourOfExchange,
        ] {
            assert!([CaseKind::Chargeback, CaseKind::FraudClaim, CaseKind::Dispute]
                .iter()
                .any(|k| allows_outcome(*k, outcome)));
        }
    }

    #[test]
    fn a_chargeback_outcome_moves_the_stage_only_where_the_network_allows() {
        use arbiter_contract::CardNetwork;
        let card = |stage| arbiter_contract::CardDispute {
            network: CardNetwork::Visa,
            reason_code: "13.1".into(),
            stage,
            card_last4: "4242".into(),
            transaction_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            filed_at: chrono::Utc::now(),
            stage_began_at: None,
            arn: None,
            payment_event_id: None,
        };
        let now = chrono::Utc::now();
        // At the first chargeback it can be lost (accepted) but not won yet.
        let first = chargeback::lifecycle(&card(ChargebackStage::FirstChargeback), 5, now);
        let choices = outcome_choices(CaseKind::Chargeback, Some(&first));
        assert_eq!(choices[0], OutcomeChoice { outcome: CaseOutcome::RepresentedWon, stage: None });
        assert_eq!(choices[1].stage, Some(ChargebackStage::Lost));
        // Once represented, both.
        let answered = chargeback::lifecycle(&card(ChargebackStage::Representment), 5, now);
        let choices = outcome_choices(CaseKind::Chargeback, Some(&answered));
        assert_eq!(choices[0].stage, Some(ChargebackStage::Won));
        assert_eq!(choices[2], OutcomeChoice { outcome: CaseOutcome::Refunded, stage: Some(ChargebackStage::Lost) });
        // Other cases have no stages.
        assert!(outcome_choices(CaseKind::FraudClaim, None).iter().all(|c| c.stage.is_none()));
    }
}
