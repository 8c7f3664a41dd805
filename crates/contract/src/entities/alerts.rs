//! Pre-dispute alerts: the card networks' alert programmes tell the merchant of a dispute
//! before it becomes a chargeback (Ethoca: a cardholder's dispute or an issuer's confirmed
//! fraud; Verifi: an order-insight request, or a rapid-dispute-resolution refund). Answered
//! within hours — refunded, stopped, already refunded … — an alert costs the refund and
//! nothing else; missed, it comes back as a chargeback with its fee.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CardNetwork, CustomerId, TeamId};

/// Which network programme an alert came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertProgramme {
    /// Mastercard's Ethoca alerts.
    Ethoca,
    /// Visa's Verifi (Order Insight, Rapid Dispute Resolution, CDRN).
    Verifi,
}

/// What the issuer is telling the merchant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Ethoca: the cardholder disputes the payment with their bank.
    CustomerDispute,
    /// Ethoca: the issuer confirmed the payment as fraud (the card was used by someone else).
    ConfirmedFraud,
    /// Verifi Order Insight: the issuer asks what was bought, to settle the cardholder's
    /// question before it turns into a dispute.
    OrderInsight,
    /// Verifi Rapid Dispute Resolution: a dispute the merchant may refund instead of
    /// fighting as a chargeback.
    RapidDisputeResolution,
}

impl AlertKind {
    pub const ALL: [AlertKind; 4] = [
        AlertKind::CustomerDispute,
        AlertKind::ConfirmedFraud,
        AlertKind::OrderInsight,
        AlertKind::RapidDisputeResolution,
    ];

    pub fn programme(self) -> AlertProgramme {
        match self {
            AlertKind::CustomerDispute | AlertKind::ConfirmedFraud => AlertProgramme::Ethoca,
            AlertKind::OrderInsight | AlertKind::RapidDisputeResolution => AlertProgramme::Verifi,
        }
    }
}

/// The merchant's answer to an alert, in the programmes' terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertOutcome {
    /// The payment was refunded to the card: the issuer will not charge it back.
    Refunded,
    /// The purchase was stopped before the crypto was delivered (nothing to refund).
    Stopped,
    /// It had already been refunded.
    PreviouslyRefunded,
    /// A chargeback on it exists already (the alert came too late to matter).
    AlreadyChargedBack,
    /// Order details were shared with the issuer (Order Insight).
    DetailsShared,
    /// The merchant does not refund: a chargeback may follow, to be answered.
    NotResolved,
    /// No such payment was found.
    NotFound,
}

impl AlertOutcome {
    pub const ALL: [AlertOutcome; 7] = [
        AlertOutcome::Refunded,
        AlertOutcome::Stopped,
        AlertOutcome::PreviouslyRefunded,
        AlertOutcome::AlreadyChargedBack,
        AlertOutcome::DetailsShared,
        AlertOutcome::NotResolved,
        AlertOutcome::NotFound,
    ];
}

/// Where an alert stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertStatus {
    /// Waiting for an answer; its clock runs.
    Open,
    /// Answered; the answer was sent to the programme and is final.
    Answered,
    /// The programme's deadline passed unanswered.
    Expired,
}

/// The answer given to an alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertAnswer {
    pub outcome: AlertOutcome,
    pub note: String,
    /// The agent who answered; none when the policy answered it by itself.
    pub answered_by: Option<AgentId>,
    /// The policy rule that answered it (`auto_refund`), when no agent did.
    pub rule: Option<String>,
    pub answered_at: DateTime<Utc>,
    /// What went back to the card (refunded alerts).
    pub refund_usd_cents: i64,
}

/// A pre-dispute alert on a card payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisputeAlert {
    pub id: i64,
    pub kind: AlertKind,
    pub programme: AlertProgramme,
    /// The programme's own id for it (unique within the programme); a delivery repeated by
    /// the programme names the same id and changes nothing.
    pub external_id: String,
    /// The team that answers it (fraud for confirmed fraud, disputes otherwise).
    pub queue: TeamId,
    /// The customer whose payment it is, when the payment was found.
    pub customer_id: Option<CustomerId>,
    /// The card deposit (activity event) it is about, when found.
    pub payment_event_id: Option<i64>,
    pub network: CardNetwork,
    pub card_last4: String,
    /// Acquirer reference number, as the programme gave it.
    pub arn: Option<String>,
    /// The payment's amount in minor units of `currency`.
    pub amount_minor: i64,
    pub currency: String,
    pub usd_cents: i64,
    pub transaction_at: DateTime<Utc>,
    /// What the issuer said: the cardholder's claim, or the kind of fraud reported.
    pub issuer_reason: String,
    pub received_at: DateTime<Utc>,
    /// The programme takes no answer after this: hours, not days.
    pub respond_by: DateTime<Utc>,
    pub status: AlertStatus,
    pub answer: Option<AlertAnswer>,
    pub version: i64,
}

/// `POST /v1/inbound/dispute-alerts`: an alert as the programme's connector delivers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IncomingAlert {
    pub kind: AlertKind,
    /// The programme's id for the alert (1–100 characters).
    pub external_id: String,
    pub network: CardNetwork,
    /// Four digits.
    pub card_last4: String,
    pub arn: Option<String>,
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: String,
    pub transaction_at: DateTime<Utc>,
    #[serde(default)]
    pub issuer_reason: String,
    /// When the programme raised it: its clock starts here (a time still to come counts as
    /// now).
    pub raised_at: DateTime<Utc>,
}

/// `GET /v1/inbound/dispute-alerts/answers`: the answers to send back to the programmes,
/// in the order they were given, from a cursor the connector keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AnswersQuery {
    /// The `next_cursor` of the last page read (0 or absent: from the first answer).
    pub after: Option<i64>,
    /// Answers per page (1–500; 100 when absent).
    pub limit: Option<u32>,
}

/// One page of answers for the connector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerPage {
    /// Answered alerts, oldest answer first (the policy's auto-refunds too).
    pub alerts: Vec<DisputeAlert>,
    /// Where the next page starts; the same cursor again when there is nothing new.
    pub next_cursor: i64,
    pub has_more: bool,
}

/// `POST /v1/dispute-alerts/{id}/answer`: the outcome, final once sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerAlert {
    pub outcome: AlertOutcome,
    #[serde(default)]
    pub note: String,
}

/// How long a programme gives to answer one kind of alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertDeadline {
    pub kind: AlertKind,
    pub hours: i64,
}

/// The company's rules for pre-dispute alerts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertPolicy {
    /// Per kind; a kind not listed gets 24 hours.
    pub deadlines: Vec<AlertDeadline>,
    /// Alerts of `auto_refund_kinds` under this amount are refunded by the server as they
    /// arrive, when the crypto bought has not left the account (none: never).
    pub auto_refund_under_usd_cents: Option<i64>,
    pub auto_refund_kinds: Vec<AlertKind>,
    /// What a chargeback costs besides the amount (the network's and acquirer's fees): what
    /// an alert that prevents one saves.
    pub chargeback_fee_usd_cents: i64,
    /// The team that answers confirmed-fraud alerts, and the one that answers the rest.
    pub fraud_queue: TeamId,
    pub disputes_queue: TeamId,
}

impl Default for AlertPolicy {
    fn default() -> Self {
        AlertPolicy {
            deadlines: vec![
                AlertDeadline { kind: AlertKind::CustomerDispute, hours: 72 },
                AlertDeadline { kind: AlertKind::ConfirmedFraud, hours: 24 },
                AlertDeadline { kind: AlertKind::OrderInsight, hours: 2 },
                AlertDeadline { kind: AlertKind::RapidDisputeResolution, hours: 24 },
            ],
            auto_refund_under_usd_cents: Some(50_00),
            auto_refund_kinds: vec![AlertKind::CustomerDispute, AlertKind::RapidDisputeResolution],
            chargeback_fee_usd_cents: 25_00,
            fraud_queue: "fraud".to_owned(),
            disputes_queue: "disputes".to_owned(),
        }
    }
}

impl AlertPolicy {
    pub fn hours_for(&self, kind: AlertKind) -> i64 {
        self.deadlines.iter().find(|d| d.kind == kind).map_or(24, |d| d.hours)
    }

    pub fn queue_for(&self, kind: AlertKind) -> &str {
        match kind {
            AlertKind::ConfirmedFraud => &self.fraud_queue,
            _ => &self.disputes_queue,
        }
    }
}

/// `GET /v1/dispute-alerts`: the alerts of the caller's teams, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AlertQuery {
    /// Only alerts in this state.
    pub status: Option<AlertStatus>,
    /// Received within this many days (1–366; 90 when absent).
    pub days: Option<u32>,
}
