//! What the desk says about each waiting withdrawal: why it is held (controls, the security
//! lock, the Travel Rule, a severe screening), how its address screened, its Travel Rule state,
//! and whether its address is a lookalike of one the customer used before (address poisoning).

use arbiter_contract::{
    AccountControls, ActivityDetail, ActivityEvent, Beneficiary, Control, ScreeningRating, TravelRule, TravelRuleStatus,
};
use arbiter_policy::withdrawals::{hold_reasons, HoldReason};
use arbiter_risk::poisoning::{self, PoisoningParams};
use arbiter_text::Msg;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::messages::{span, withdrawals as say};

/// The notes on one waiting withdrawal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct WithdrawalNotes {
    pub withdrawal_id: i64,
    /// Everything keeping it from leaving; empty: it goes out in its turn.
    pub held_because: Vec<Msg>,
    pub rating: Option<ScreeningRating>,
    pub screening: Option<Msg>,
    pub travel_rule: Option<Msg>,
    /// Set when the address imitates one the customer used before.
    pub poisoning: Option<Msg>,
}

fn reason_of(control: &Control, label: &dyn Fn(&str) -> String) -> String {
    label(&control.reason)
}

fn held(reason: &HoldReason, now: DateTime<Utc>, label: &dyn Fn(&str) -> String) -> Msg {
    match reason {
        HoldReason::AccountFrozen(c) => Msg::new(&say::FROZEN).text("reason", reason_of(c, label)),
        HoldReason::AllWithdrawalsHeld(c) => Msg::new(&say::ALL_HELD).text("reason", reason_of(c, label)),
        HoldReason::ThisWithdrawalHeld(c) => Msg::new(&say::THIS_HELD).text("reason", reason_of(c, label)),
        HoldReason::AddressBlocked(c) => Msg::new(&say::ADDRESS_BLOCKED).text("reason", reason_of(c, label)),
        HoldReason::SecurityLock { until } => Msg::new(&say::LOCK).msg("left", span(*until - now)),
        HoldReason::TravelRule { status, vasp } => {
            let def = if *status == TravelRuleStatus::Rejected { &say::TRAVEL_REJECTED } else { &say::TRAVEL_MISSING };
            vasp_msg(Msg::new(def), vasp.as_deref())
        }
        HoldReason::OwnershipProof => Msg::new(&say::OWNERSHIP),
        HoldReason::Screening { entity, .. } => match entity {
            Some(entity) => Msg::new(&say::SCREENING_SEVERE).text("entity", entity.as_str()),
            None => Msg::new(&say::SCREENING_SEVERE).msg("entity", Msg::new(&say::UNKNOWN_ENTITY)),
        },
    }
}

fn vasp_msg(msg: Msg, vasp: Option<&str>) -> Msg {
    match vasp {
        Some(name) => msg.text("vasp", name),
        None => msg.msg("vasp", Msg::new(&say::OTHER_EXCHANGE)),
    }
}

fn travel(rule: &TravelRule) -> Msg {
    let vasp = match &rule.beneficiary {
        Beneficiary::Vasp { name } => Some(name.as_str()),
        Beneficiary::SelfHosted => None,
    };
    match rule.status {
        TravelRuleStatus::Sent => vasp_msg(Msg::new(&say::TRAVEL_SENT), vasp),
        TravelRuleStatus::Missing => vasp_msg(Msg::new(&say::TRAVEL_MISSING_SHORT), vasp),
        TravelRuleStatus::Rejected => vasp_msg(Msg::new(&say::TRAVEL_REJECTED_SHORT), vasp),
        TravelRuleStatus::OwnershipProven => Msg::new(&say::TRAVEL_PROVEN),
        TravelRuleStatus::OwnershipMissing => Msg::new(&say::TRAVEL_PROOF_MISSING),
        TravelRuleStatus::NotRequired => Msg::new(&say::TRAVEL_NOT_REQUIRED),
    }
}

fn screening(s: &arbiter_contract::Screening) -> Msg {
    let rating = arbiter_risk::rating_text(s.rating);
    if s.exposures.is_empty() {
        return Msg::new(&say::SCREENED_CLEAN).msg("rating", rating).text("source", s.source.as_str());
    }
    let mut exposures: Vec<Msg> = s.exposures.iter().map(arbiter_risk::exposure_text).collect();
    if let (Some(entity), Some(first)) = (&s.entity, exposures.first_mut()) {
        *first = Msg::new(&say::ENTITY).msg("exposure", first.clone()).text("entity", entity.as_str());
    }
    Msg::new(&say::SCREENED).msg("rating", rating).text("source", s.source.as_str()).list("exposures", exposures)
}

fn poisoning_note(history: &[&ActivityEvent], withdrawal: &ActivityEvent, params: &PoisoningParams) -> Option<Msg> {
    let warning = poisoning::check(history, withdrawal, params)?;
    let base = |def| {
        Msg::new(def)
            .text("imitated", warning.lookalike.imitated.as_str())
            .int("start", warning.lookalike.same_start as i64)
            .int("end", warning.lookalike.same_end as i64)
    };
    Some(match warning.dust_usd_cents {
        Some(cents) => base(&say::POISONING_DUST).text("dust", format!("{}.{:02} USD", cents / 100, cents % 100)),
        None => base(&say::POISONING),
    })
}

/// The notes on each of `pending` (the customer's waiting withdrawals), reading their whole
/// `history` for lookalikes. `label` gives a reason code's words from the policy.
pub fn notes(
    pending: &[ActivityEvent],
    history: &[ActivityEvent],
    controls: &AccountControls,
    params: &PoisoningParams,
    label: &dyn Fn(&str) -> String,
    now: DateTime<Utc>,
) -> Vec<WithdrawalNotes> {
    let history: Vec<&ActivityEvent> = history.iter().collect();
    pending
        .iter()
        .filter_map(|w| {
            let ActivityDetail::Withdrawal { screening: screened, travel_rule, .. } = &w.detail else { return None };
            Some(WithdrawalNotes {
                withdrawal_id: w.id,
                held_because: hold_reasons(w, controls, now).iter().map(|r| held(r, now, label)).collect(),
                rating: screened.as_ref().map(|s| s.rating),
                screening: screened.as_ref().map(screening),
                travel_rule: travel_rule.as_ref().map(travel),
                poisoning: poisoning_note(&history, w, params),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::*;
    use chrono::Duration;

    fn event(id: i64, at: DateTime<Utc>, detail: ActivityDetail) -> ActivityEvent {
        ActivityEvent { id, customer_id: 1, at, session_id: None, detail }
    }

    fn out(
        address: &str,
        status: TransferStatus,
        locked_until: Option<DateTime<Utc>>,
        travel: TravelRule,
    ) -> ActivityDetail {
        ActivityDetail::Withdrawal {
            asset: "ETH".into(),
            quantity: "1".into(),
            usd_cents: 250_000,
            address: address.into(),
            network: "ERC20".into(),
            new_address: true,
            tx_hash: None,
            status,
            locked_until,
            screening: Some(Screening {
                rating: ScreeningRating::Severe,
                exposures: vec![Exposure { category: ExposureCategory::Sanctions, direct: true, share_percent: 100 }],
                entity: Some("Sanctioned exchange (SDN list)".into()),
                source: REFERENCE_KYT.into(),
                screened_at: Utc::now(),
            }),
            travel_rule: Some(travel),
        }
    }

    #[test]
    fn a_waiting_withdrawal_says_everything_that_holds_it_and_flags_a_lookalike() {
        let now: DateTime<Utc> = "2026-12-01T12:00:00Z".parse().unwrap();
        let known = "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
        let fake = "0x5a1b2cffffffffffffffffffffffffffff234567";
        let vasp = TravelRule {
            beneficiary: Beneficiary::Vasp { name: "Kestrel Exchange".into() },
            status: TravelRuleStatus::Rejected,
        };
        let history = vec![
            event(1, now - Duration::days(30), out(known, TransferStatus::Completed, None, vasp.clone())),
            event(
                2,
                now - Duration::hours(3),
                ActivityDetail::Deposit {
                    method: DepositMethod::Crypto,
                    amount_minor: None,
                    currency: None,
                    asset: Some("ETH".into()),
                    quantity: Some("0.0001".into()),
                    usd_cents: 37,
                    card_fingerprint: None,
                    card_last4: None,
                    tx_hash: None,
                    from_address: Some(fake.into()),
                    card_payment: None,
                    status: TransferStatus::Completed,
                },
            ),
            event(
                3,
                now - Duration::minutes(20),
                out(fake, TransferStatus::Held, Some(now + Duration::hours(3)), vasp),
            ),
        ];
        let control = Control {
            reason: "scam_victim".into(),
            note: String::new(),
            placed_by: PlacedBy::Rule { rule: "test".into() },
            placed_at: now,
            expires_at: None,
        };
        let controls = AccountControls {
            customer_id: 1,
            held_withdrawals: vec![WithdrawalHold { withdrawal_id: 3, control }],
            version: 2,
            updated_at: now,
            ..AccountControls::default()
        };
        let label = |code: &str| if code == "scam_victim" { "Scam victim".to_owned() } else { code.to_owned() };
        let notes = notes(&history[2..], &history, &controls, &PoisoningParams::default(), &label, now);
        assert_eq!(notes.len(), 1);
        let n = &notes[0];
        let held: Vec<String> = n.held_because.iter().map(Msg::english).collect();
        assert_eq!(
            held,
            vec![
                "This withdrawal is held (Scam victim).",
                "Security lock after a password, 2FA, email or phone change: 3 h left.",
                "Travel Rule: Kestrel Exchange rejected the beneficiary data.",
                "The address screened severe (Sanctioned exchange (SDN list)): the exchange does not send there.",
            ]
        );
        assert_eq!(n.rating, Some(ScreeningRating::Severe));
        assert_eq!(
            n.screening.as_ref().map(Msg::english).as_deref(),
            Some("Screening severe (Arbiter reference KYT): 100 % direct sanctions exposure — Sanctioned exchange (SDN list)")
        );
        assert_eq!(
            n.travel_rule.as_ref().map(Msg::english).as_deref(),
            Some("Travel Rule: rejected by Kestrel Exchange")
        );
        let warning = n.poisoning.as_ref().map(Msg::english).expect("a lookalike");
        assert!(
            warning.contains(&format!("imitates {known}")) && warning.contains("0.37 USD came in from it"),
            "{warning}"
        );
    }
}
