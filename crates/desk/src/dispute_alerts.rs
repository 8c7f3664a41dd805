//! Pre-dispute alerts at the desk: the queue with each alert's clock, one alert with its card
//! payment, where the crypto went and (for a confirmed fraud whose crypto is still here) the
//! withdrawal hold; the answer is queued like every action, checked here first (offline
//! too) and sent once — final when the server has it.

use arbiter_cache::{Action, OutboxItem, OutboxState};
use arbiter_contract::{
    AccountAction, ActivityEvent, AlertOutcome, CustomerId, DisputeAlert, Entity, EntityKind, RequestAction,
};
use arbiter_policy::alerts::{self as rules, AlertRefusal, AlertSavings, AlertUrgency, CryptoWhereabouts};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// Longest note on an answer (the server's limit).
pub const NOTE_MAX: usize = 2_000;
/// The reason code a hold offered on a confirmed fraud is asked under.
pub const HOLD_REASON: &str = "card_fraud";
/// How many answered or missed alerts the queue lists.
const CLOSED_SHOWN: usize = 200;

/// An alert in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AlertRow {
    pub alert: DisputeAlert,
    pub customer_name: Option<String>,
    pub urgency: AlertUrgency,
    /// This agent's answer not yet confirmed by the server (queued offline, being sent), or
    /// refused with its reason.
    pub queued: Option<OutboxItem>,
}

/// The alerts the desk holds: open ones soonest deadline first, then the latest answered or
/// missed, and what they saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AlertQueue {
    pub open: Vec<AlertRow>,
    pub closed: Vec<AlertRow>,
    pub savings: AlertSavings,
}

/// One alert, with what answering it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AlertDetail {
    pub row: AlertRow,
    /// The answers its programme takes.
    pub outcomes: Vec<AlertOutcome>,
    /// The card deposit it is about, when the desk holds it.
    pub payment: Option<ActivityEvent>,
    /// Where the crypto bought with it went (none without the customer's activity).
    pub crypto: Option<CryptoWhereabouts>,
    /// A confirmed fraud whose crypto has not all left: hold the withdrawals from here.
    pub offers_hold: bool,
    /// The account's withdrawals are held already.
    pub withdrawals_held: bool,
    /// The hold's reason code, when the policy has it.
    pub hold_reason: Option<String>,
    /// The customer is in the local copy (an account action needs them).
    pub customer_cached: bool,
    /// What a prevented chargeback saves in fees (the policy's).
    pub chargeback_fee_usd_cents: i64,
}

fn refusal_error(refusal: &AlertRefusal) -> DeskError {
    let def = match refusal {
        AlertRefusal::Answered(_) => &errors::ALERT_ANSWERED,
        AlertRefusal::Expired => &errors::ALERT_EXPIRED,
        AlertRefusal::OutcomeUnfit(..) => &errors::ALERT_OUTCOME_UNFIT,
    };
    DeskError::say(ErrorCode::InvalidInput, Msg::new(def))
}

/// The open alerts by deadline, soonest first; the closed by when they came, newest first.
pub fn sorted(rows: Vec<AlertRow>) -> (Vec<AlertRow>, Vec<AlertRow>) {
    let (mut open, mut closed): (Vec<AlertRow>, Vec<AlertRow>) =
        rows.into_iter().partition(|r| r.alert.answer.is_none() && r.urgency != AlertUrgency::Missed);
    open.sort_by_key(|r| (r.alert.respond_by, r.alert.id));
    closed.sort_by_key(|r| std::cmp::Reverse((r.alert.received_at, r.alert.id)));
    closed.truncate(CLOSED_SHOWN);
    (open, closed)
}

impl Desk {
    pub(crate) async fn cached_alerts(&self) -> Result<Vec<DisputeAlert>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache
            .entities_of_kind(EntityKind::DisputeAlert)
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::DisputeAlert(a) => Some(a),
                _ => None,
            })
            .collect())
    }

    /// This agent's answers to alerts still in the outbox, newest last.
    async fn queued_answers(&self) -> Result<Vec<OutboxItem>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.outbox_open().await?.into_iter().filter(|i| matches!(i.action, Action::AnswerAlert { .. })).collect())
    }

    async fn rows(&self, alerts: Vec<DisputeAlert>, now: DateTime<Utc>) -> Result<Vec<AlertRow>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let queued = self.queued_answers().await?;
        let mut ids: Vec<CustomerId> = alerts.iter().filter_map(|a| a.customer_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let names = cache.customer_names(&ids).await?;
        let mut rows = Vec::with_capacity(alerts.len());
        for alert in alerts {
            let customer_name = alert.customer_id.and_then(|id| names.get(&id).cloned());
            let answer = queued
                .iter()
                .rev()
                .find(|i| matches!(i.action, Action::AnswerAlert { alert_id, .. } if alert_id == alert.id))
                .cloned();
            rows.push(AlertRow { urgency: rules::urgency(&alert, now), alert, customer_name, queued: answer });
        }
        Ok(rows)
    }

    /// The alert queue of the agent's teams from the local copy (alerts of other teams the
    /// desk holds because it sees their customer stay out of it).
    pub async fn dispute_alerts(&self) -> Result<AlertQueue, DeskError> {
        let (cache, me) = self.cache_and_me().await?;
        let policy = cache.policies().await?.map(|p| p.alerts).unwrap_or_default();
        let teams = cache.agent(me).await?.map(|a| a.teams).unwrap_or_default();
        let mut alerts = self.cached_alerts().await?;
        alerts.retain(|a| teams.contains(&a.queue));
        let mut savings = AlertSavings::default();
        for alert in &alerts {
            savings.add(alert, &policy);
        }
        let (open, closed) = sorted(self.rows(alerts, Utc::now()).await?);
        Ok(AlertQueue { open, closed, savings })
    }

    /// One alert with its payment, the crypto's whereabouts and the hold it offers.
    pub async fn dispute_alert(&self, alert_id: i64) -> Result<AlertDetail, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let alert = self
            .cached_alerts()
            .await?
            .into_iter()
            .find(|a| a.id == alert_id)
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ALERT_NOT_CACHED)))?;
        let policies = cache.policies().await?;
        let fee = policies.as_ref().map(|p| p.alerts.chargeback_fee_usd_cents).unwrap_or_default();
        let hold_reason = policies
            .as_ref()
            .and_then(|p| p.actions.reason_codes.iter().find(|r| r.code == HOLD_REASON))
            .map(|r| r.code.clone());
        let customer_cached = match alert.customer_id {
            Some(id) => cache.customer(id).await?.is_some(),
            None => false,
        };
        let (payment, crypto, withdrawals_held) = match alert.customer_id.filter(|_| customer_cached) {
            Some(customer) => {
                let activity = cache.customer_activity(customer).await?;
                let payment = alert.payment_event_id.and_then(|id| activity.iter().find(|e| e.id == id).cloned());
                let paid_at = payment.as_ref().map_or(alert.transaction_at, |p| p.at);
                let crypto = rules::whereabouts(paid_at, &activity);
                let held = self.cached_controls(customer).await?.withdrawals_held.is_some();
                (payment, Some(crypto), held)
            }
            None => (None, None, false),
        };
        let offers_hold = crypto.as_ref().is_some_and(|c| rules::offers_hold(&alert, c))
            && !withdrawals_held
            && hold_reason.is_some();
        let row = self.rows(vec![alert], Utc::now()).await?.remove(0);
        Ok(AlertDetail {
            outcomes: rules::outcomes_for(row.alert.kind).to_vec(),
            row,
            payment,
            crypto,
            offers_hold,
            withdrawals_held,
            hold_reason,
            customer_cached,
            chargeback_fee_usd_cents: fee,
        })
    }

    /// Answers an alert (queued; sent once, final when the server has it). Refused here when
    /// the local copy already knows it cannot be sent: answered, late, an unfit outcome, or an
    /// answer of this agent's still on its way.
    pub async fn answer_dispute_alert(
        &self,
        alert_id: i64,
        outcome: AlertOutcome,
        note: String,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let alert = self
            .cached_alerts()
            .await?
            .into_iter()
            .find(|a| a.id == alert_id)
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ALERT_NOT_CACHED)))?;
        let waiting = self.queued_answers().await?.into_iter().any(|i| {
            matches!(i.action, Action::AnswerAlert { alert_id: id, .. } if id == alert_id)
                && matches!(i.state, OutboxState::Pending | OutboxState::Sending)
                && i.id != client_key
        });
        if waiting {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ALERT_ANSWER_QUEUED)));
        }
        rules::check_answer(&alert, outcome, Utc::now()).map_err(|r| refusal_error(&r))?;
        let note = note.trim().to_owned();
        if note.chars().count() > NOTE_MAX {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::ALERT_NOTE_TOO_LONG).int("max", NOTE_MAX as i64),
            ));
        }
        self.queue(client_key, Action::AnswerAlert { alert_id, outcome, note }).await
    }

    /// Holds the withdrawals of the account a confirmed-fraud alert is about, under the
    /// policy's card-fraud reason (an account action like any other: applied at once or
    /// waiting for its approver as the policy says).
    pub async fn hold_for_alert(&self, alert_id: i64, client_key: &str) -> Result<OutboxItem, DeskError> {
        let detail = self.dispute_alert(alert_id).await?;
        let (Some(customer), Some(reason)) = (detail.row.alert.customer_id, detail.hold_reason.clone()) else {
            return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CUSTOMER_NOT_CACHED)));
        };
        let note = format!(
            "{} alert {} ({}): {}",
            arbiter_contract::codec::wire_name(&detail.row.alert.programme),
            detail.row.alert.external_id,
            arbiter_contract::codec::wire_name(&detail.row.alert.kind),
            detail.row.alert.issuer_reason
        );
        let request = RequestAction { action: AccountAction::HoldWithdrawals, reason, note, expires_at: None };
        self.request_account_action(customer, None, request, client_key).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::{AlertKind, AlertPolicy, AlertStatus, CardNetwork};
    use chrono::Duration;

    fn row(id: i64, received_hours_ago: i64, answered: bool) -> AlertRow {
        let now = Utc::now();
        let received_at = now - Duration::hours(received_hours_ago);
        let alert = DisputeAlert {
            id,
            kind: AlertKind::CustomerDispute,
            programme: AlertKind::CustomerDispute.programme(),
            external_id: format!("E-{id}"),
            queue: "disputes".into(),
            customer_id: None,
            payment_event_id: None,
            network: CardNetwork::Visa,
            card_last4: "4242".into(),
            arn: None,
            amount_minor: 1,
            currency: "USD".into(),
            usd_cents: 1,
            transaction_at: received_at - Duration::days(3),
            issuer_reason: String::new(),
            received_at,
            respond_by: rules::respond_by(&AlertPolicy::default(), AlertKind::CustomerDispute, received_at),
            status: if answered { AlertStatus::Answered } else { AlertStatus::Open },
            answer: answered.then(|| arbiter_contract::AlertAnswer {
                outcome: AlertOutcome::Refunded,
                note: String::new(),
                answered_by: Some(1),
                rule: None,
                answered_at: now,
                refund_usd_cents: 1,
            }),
            version: 1,
        };
        AlertRow { urgency: rules::urgency(&alert, now), alert, customer_name: None, queued: None }
    }

    #[test]
    fn open_alerts_come_soonest_deadline_first_and_missed_ones_close() {
        let rows = vec![row(1, 10, false), row(2, 60, false), row(3, 80, false), row(4, 5, true)];
        let (open, closed) = sorted(rows);
        assert_eq!(open.iter().map(|r| r.alert.id).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(open[0].urgency, AlertUrgency::Closing, "12 hours of 72 left");
        assert_eq!(closed.iter().map(|r| r.alert.id).collect::<Vec<_>>(), vec![4, 3], "newest first");
        assert_eq!(closed[1].urgency, AlertUrgency::Missed);
    }
}
