//! Pre-dispute alerts as pure rules, so the server (which decides) and the desk (which
//! shows the clock and refuses early, offline too) agree: each kind's deadline, the
//! outcomes that fit it, whether the crypto bought with the payment is still in the
//! account, when the policy refunds by itself, and what an answered alert saved.

use arbiter_contract::{
    ActivityDetail, ActivityEvent, AlertKind, AlertOutcome, AlertPolicy, AlertStatus, DisputeAlert, TransferStatus,
};
use chrono::{DateTime, Duration, Utc};

/// When the programme stops taking an answer to an alert raised at `raised_at`.
pub fn respond_by(policy: &AlertPolicy, kind: AlertKind, raised_at: DateTime<Utc>) -> DateTime<Utc> {
    raised_at + Duration::hours(policy.hours_for(kind))
}

/// The answers a programme takes for a kind of alert.
pub fn outcomes_for(kind: AlertKind) -> &'static [AlertOutcome] {
    match kind {
        AlertKind::CustomerDispute | AlertKind::ConfirmedFraud => &[
            AlertOutcome::Refunded,
            AlertOutcome::Stopped,
            AlertOutcome::PreviouslyRefunded,
            AlertOutcome::AlreadyChargedBack,
            AlertOutcome::NotResolved,
            AlertOutcome::NotFound,
        ],
        AlertKind::OrderInsight => &[AlertOutcome::DetailsShared, AlertOutcome::NotFound],
        AlertKind::RapidDisputeResolution => {
            &[AlertOutcome::Refunded, AlertOutcome::PreviouslyRefunded, AlertOutcome::NotResolved]
        }
    }
}

/// The answer keeps the dispute from becoming a chargeback (the card got its money back, or
/// never paid for anything delivered).
pub fn prevents_chargeback(outcome: AlertOutcome) -> bool {
    matches!(outcome, AlertOutcome::Refunded | AlertOutcome::Stopped | AlertOutcome::PreviouslyRefunded)
}

/// Why an alert cannot take an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertRefusal {
    Answered(AlertOutcome),
    Expired,
    OutcomeUnfit(AlertOutcome, AlertKind),
}

impl std::fmt::Display for AlertRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use arbiter_contract::codec::wire_name;
        match self {
            AlertRefusal::Answered(o) => {
                write!(f, "the alert was answered already ({}); an answer sent is final", wire_name(o))
            }
            AlertRefusal::Expired => {
                f.write_str("the programme's deadline passed; the alert can no longer be answered")
            }
            AlertRefusal::OutcomeUnfit(o, k) => {
                write!(f, "{} is not an answer to a {} alert", wire_name(o), wire_name(k))
            }
        }
    }
}

/// Whether `outcome` may be sent for the alert now: open, within its deadline, and an
/// answer its programme takes.
pub fn check_answer(alert: &DisputeAlert, outcome: AlertOutcome, now: DateTime<Utc>) -> Result<(), AlertRefusal> {
    if let Some(answer) = &alert.answer {
        return Err(AlertRefusal::Answered(answer.outcome));
    }
    if alert.status == AlertStatus::Expired || now >= alert.respond_by {
        return Err(AlertRefusal::Expired);
    }
    if !outcomes_for(alert.kind).contains(&outcome) {
        return Err(AlertRefusal::OutcomeUnfit(outcome, alert.kind));
    }
    Ok(())
}

/// Where the crypto bought with a card payment is now, told from the customer's withdrawals
/// after the payment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CryptoWhereabouts {
    /// Nothing was withdrawn since the payment: a refund or a hold loses nothing.
    InAccount,
    /// Withdrawals since the payment still wait (pending or held): a hold can stop them.
    Leaving { withdrawal_ids: Vec<i64>, usd_cents: i64 },
    /// Crypto was withdrawn since the payment: a refund now is money gone.
    Left { usd_cents: i64 },
}

/// Where the crypto went after the payment made at `paid_at` (failed and cancelled
/// withdrawals took nothing; a withdrawal that completed outweighs one still waiting).
pub fn whereabouts(paid_at: DateTime<Utc>, activity: &[ActivityEvent]) -> CryptoWhereabouts {
    let mut left = 0;
    let mut waiting = Vec::new();
    let mut waiting_cents = 0;
    for event in activity.iter().filter(|e| e.at >= paid_at) {
        let ActivityDetail::Withdrawal { usd_cents, status, .. } = &event.detail else { continue };
        match status {
            TransferStatus::Completed => left += usd_cents,
            TransferStatus::Pending | TransferStatus::Held => {
                waiting.push(event.id);
                waiting_cents += usd_cents;
            }
            _ => {}
        }
    }
    if left > 0 {
        CryptoWhereabouts::Left { usd_cents: left }
    } else if !waiting.is_empty() {
        CryptoWhereabouts::Leaving { withdrawal_ids: waiting, usd_cents: waiting_cents }
    } else {
        CryptoWhereabouts::InAccount
    }
}

/// The policy refunds the alert by itself: a kind it refunds, under its amount, and the
/// crypto still in the account (nothing leaves with the refund).
pub fn auto_refunds(policy: &AlertPolicy, alert: &DisputeAlert, crypto: &CryptoWhereabouts) -> bool {
    let Some(limit) = policy.auto_refund_under_usd_cents else { return false };
    alert.customer_id.is_some()
        && policy.auto_refund_kinds.contains(&alert.kind)
        && alert.usd_cents < limit
        && *crypto == CryptoWhereabouts::InAccount
}

/// A confirmed fraud on a card whose crypto has not all left: holding the account's
/// withdrawals keeps it there while the refund is made.
pub fn offers_hold(alert: &DisputeAlert, crypto: &CryptoWhereabouts) -> bool {
    alert.kind == AlertKind::ConfirmedFraud
        && alert.status == AlertStatus::Open
        && matches!(crypto, CryptoWhereabouts::InAccount | CryptoWhereabouts::Leaving { .. })
}

/// How pressing an alert's clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AlertUrgency {
    /// Answered: no clock.
    Done,
    /// More than a quarter of its time left.
    Running,
    /// A quarter of its time (or under an hour) left.
    Closing,
    /// Past the deadline unanswered.
    Missed,
}

/// The alert's clock at `now`.
pub fn urgency(alert: &DisputeAlert, now: DateTime<Utc>) -> AlertUrgency {
    if alert.answer.is_some() {
        return AlertUrgency::Done;
    }
    if alert.status == AlertStatus::Expired || now >= alert.respond_by {
        return AlertUrgency::Missed;
    }
    let total = (alert.respond_by - alert.received_at).num_seconds().max(1);
    let left = (alert.respond_by - now).num_seconds();
    if left * 4 <= total || left <= 3_600 {
        AlertUrgency::Closing
    } else {
        AlertUrgency::Running
    }
}

/// What a set of alerts did for the company: chargebacks they prevented and the fees those
/// would have cost, what went back to cards, and what was missed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct AlertSavings {
    pub alerts: i64,
    pub answered: i64,
    /// Answers that keep the dispute from becoming a chargeback.
    pub prevented: i64,
    pub refunded_usd_cents: i64,
    /// `prevented` × the policy's chargeback fee.
    pub fees_avoided_usd_cents: i64,
    /// The amounts of prevented disputes: what would have been charged back.
    pub chargebacks_avoided_usd_cents: i64,
    /// Answered by the policy's auto-refund.
    pub auto_refunded: i64,
    /// Deadline passed unanswered: a chargeback is likely.
    pub missed: i64,
    pub open: i64,
}

impl AlertSavings {
    pub fn add(&mut self, alert: &DisputeAlert, policy: &AlertPolicy) {
        self.alerts += 1;
        match (&alert.answer, alert.status) {
            (Some(answer), _) => {
                self.answered += 1;
                if prevents_chargeback(answer.outcome) {
                    self.prevented += 1;
                    self.fees_avoided_usd_cents += policy.chargeback_fee_usd_cents;
                    self.chargebacks_avoided_usd_cents += alert.usd_cents;
                }
                self.refunded_usd_cents += answer.refund_usd_cents;
                if answer.answered_by.is_none() {
                    self.auto_refunded += 1;
                }
            }
            (None, AlertStatus::Expired) => self.missed += 1,
            (None, _) => self.open += 1,
        }
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // cents read as dollars_cents
mod tests {
    use super::*;
    use arbiter_contract::{AlertAnswer, CardNetwork};

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-02T08:00:00Z").unwrap().with_timezone(&Utc) + Duration::hours(hours)
    }

    fn alert(kind: AlertKind, usd_cents: i64) -> DisputeAlert {
        let policy = AlertPolicy::default();
        DisputeAlert {
            id: 1,
            kind,
            programme: kind.programme(),
            external_id: "E-1".into(),
            queue: policy.queue_for(kind).to_owned(),
            customer_id: Some(7),
            payment_event_id: Some(70),
            network: CardNetwork::Visa,
            card_last4: "4242".into(),
            arn: None,
            amount_minor: usd_cents,
            currency: "USD".into(),
            usd_cents,
            transaction_at: at(-48),
            issuer_reason: String::new(),
            received_at: at(0),
            respond_by: respond_by(&policy, kind, at(0)),
            status: AlertStatus::Open,
            answer: None,
            version: 1,
        }
    }

    fn withdrawal(id: i64, hours: i64, usd_cents: i64, status: TransferStatus) -> ActivityEvent {
        ActivityEvent {
            id,
            customer_id: 7,
            at: at(hours),
            session_id: None,
            detail: ActivityDetail::Withdrawal {
                asset: "BTC".into(),
                quantity: "0.1".into(),
                usd_cents,
                address: "bc1qexample".into(),
                network: "bitcoin".into(),
                new_address: false,
                tx_hash: None,
                status,
                locked_until: None,
                screening: None,
                travel_rule: None,
            },
        }
    }

    #[test]
    fn each_kind_has_its_own_deadline_in_hours() {
        let policy = AlertPolicy::default();
        assert_eq!(respond_by(&policy, AlertKind::OrderInsight, at(0)), at(2));
        assert_eq!(respond_by(&policy, AlertKind::ConfirmedFraud, at(0)), at(24));
        assert_eq!(respond_by(&policy, AlertKind::CustomerDispute, at(0)), at(72));
        let custom = AlertPolicy { deadlines: vec![], ..AlertPolicy::default() };
        assert_eq!(respond_by(&custom, AlertKind::CustomerDispute, at(0)), at(24), "unlisted: 24 hours");
    }

    #[test]
    fn an_answer_is_final_fits_its_kind_and_comes_in_time() {
        let open = alert(AlertKind::OrderInsight, 100_00);
        assert_eq!(check_answer(&open, AlertOutcome::DetailsShared, at(1)), Ok(()));
        assert_eq!(
            check_answer(&open, AlertOutcome::Refunded, at(1)),
            Err(AlertRefusal::OutcomeUnfit(AlertOutcome::Refunded, AlertKind::OrderInsight))
        );
        assert_eq!(check_answer(&open, AlertOutcome::DetailsShared, at(2)), Err(AlertRefusal::Expired));
        let mut answered = alert(AlertKind::CustomerDispute, 100_00);
        answered.answer = Some(AlertAnswer {
            outcome: AlertOutcome::Refunded,
            note: String::new(),
            answered_by: Some(3),
            rule: None,
            answered_at: at(1),
            refund_usd_cents: 100_00,
        });
        answered.status = AlertStatus::Answered;
        assert_eq!(
            check_answer(&answered, AlertOutcome::NotResolved, at(2)),
            Err(AlertRefusal::Answered(AlertOutcome::Refunded))
        );
    }

    #[test]
    fn crypto_whereabouts_follow_withdrawals_after_the_payment() {
        let paid = at(-48);
        assert_eq!(
            whereabouts(paid, &[withdrawal(1, -60, 500_00, TransferStatus::Completed)]),
            CryptoWhereabouts::InAccount
        );
        assert_eq!(
            whereabouts(paid, &[withdrawal(1, -10, 500_00, TransferStatus::Failed)]),
            CryptoWhereabouts::InAccount
        );
        assert_eq!(
            whereabouts(paid, &[withdrawal(2, -10, 300_00, TransferStatus::Pending)]),
            CryptoWhereabouts::Leaving { withdrawal_ids: vec![2], usd_cents: 300_00 }
        );
        assert_eq!(
            whereabouts(
                paid,
                &[
                    withdrawal(2, -10, 300_00, TransferStatus::Pending),
                    withdrawal(3, -5, 80_00, TransferStatus::Completed)
                ]
            ),
            CryptoWhereabouts::Left { usd_cents: 80_00 }
        );
    }

    #[test]
    fn auto_refund_only_under_the_amount_for_its_kinds_while_the_crypto_stays() {
        let policy = AlertPolicy::default();
        let small = alert(AlertKind::CustomerDispute, 49_99);
        assert!(auto_refunds(&policy, &small, &CryptoWhereabouts::InAccount));
        assert!(!auto_refunds(&policy, &alert(AlertKind::CustomerDispute, 50_00), &CryptoWhereabouts::InAccount));
        assert!(!auto_refunds(&policy, &alert(AlertKind::ConfirmedFraud, 10_00), &CryptoWhereabouts::InAccount));
        assert!(!auto_refunds(&policy, &small, &CryptoWhereabouts::Left { usd_cents: 1 }));
        let leaving = CryptoWhereabouts::Leaving { withdrawal_ids: vec![1], usd_cents: 1 };
        assert!(!auto_refunds(&policy, &small, &leaving));
        let mut unmatched = small.clone();
        unmatched.customer_id = None;
        assert!(!auto_refunds(&policy, &unmatched, &CryptoWhereabouts::InAccount), "no customer: nobody to refund");
        let off = AlertPolicy { auto_refund_under_usd_cents: None, ..policy };
        assert!(!auto_refunds(&off, &small, &CryptoWhereabouts::InAccount));
    }

    #[test]
    fn a_confirmed_fraud_offers_the_hold_while_crypto_remains() {
        let fraud = alert(AlertKind::ConfirmedFraud, 900_00);
        assert!(offers_hold(&fraud, &CryptoWhereabouts::InAccount));
        assert!(offers_hold(&fraud, &CryptoWhereabouts::Leaving { withdrawal_ids: vec![4], usd_cents: 900_00 }));
        assert!(!offers_hold(&fraud, &CryptoWhereabouts::Left { usd_cents: 900_00 }));
        assert!(!offers_hold(&alert(AlertKind::CustomerDispute, 900_00), &CryptoWhereabouts::InAccount));
    }

    #[test]
    fn the_clock_closes_in_its_last_quarter_or_hour() {
        let dispute = alert(AlertKind::CustomerDispute, 1); // 72 h
        assert_eq!(urgency(&dispute, at(1)), AlertUrgency::Running);
        assert_eq!(urgency(&dispute, at(54)), AlertUrgency::Closing);
        assert_eq!(urgency(&dispute, at(72)), AlertUrgency::Missed);
        let insight = alert(AlertKind::OrderInsight, 1); // 2 h
        assert_eq!(urgency(&insight, at(0)), AlertUrgency::Running);
        assert_eq!(urgency(&insight, at(1)), AlertUrgency::Closing, "an hour left is closing, whatever the kind");
    }

    #[test]
    fn savings_count_prevented_chargebacks_and_their_fees() {
        let policy = AlertPolicy::default();
        let mut refunded = alert(AlertKind::CustomerDispute, 120_00);
        refunded.status = AlertStatus::Answered;
        refunded.answer = Some(AlertAnswer {
            outcome: AlertOutcome::Refunded,
            note: String::new(),
            answered_by: None,
            rule: Some("auto_refund".into()),
            answered_at: at(0),
            refund_usd_cents: 120_00,
        });
        let mut fought = alert(AlertKind::CustomerDispute, 300_00);
        fought.status = AlertStatus::Answered;
        fought.answer = Some(AlertAnswer {
            outcome: AlertOutcome::NotResolved,
            note: String::new(),
            answered_by: Some(2),
            rule: None,
            answered_at: at(0),
            refund_usd_cents: 0,
        });
        let mut missed = alert(AlertKind::ConfirmedFraud, 50_00);
        missed.status = AlertStatus::Expired;
        let mut savings = AlertSavings::default();
        for a in [&refunded, &fought, &missed, &alert(AlertKind::OrderInsight, 1)] {
            savings.add(a, &policy);
        }
        assert_eq!(
            (savings.alerts, savings.answered, savings.prevented, savings.missed, savings.open),
            (4, 2, 1, 1, 1)
        );
        assert_eq!(savings.fees_avoided_usd_cents, 25_00);
        assert_eq!(savings.chargebacks_avoided_usd_cents, 120_00);
        assert_eq!((savings.refunded_usd_cents, savings.auto_refunded), (120_00, 1));
    }
}
