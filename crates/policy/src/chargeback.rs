//! Card-network chargebacks (DOMAIN.md): the lifecycle each network runs, its deadlines, and
//! the reason-code catalog with the evidence each code calls for.
//!
//! Deadlines: Visa gives 30 days to respond to a chargeback and to pre-arbitration, and 10
//! days to file arbitration after pre-arbitration; Mastercard 45 days at each step. The desk
//! answers `margin` days before the network's deadline.
//!
//! Lifecycles: Visa's fraud and authorization disputes follow "allocation" (the chargeback
//! goes straight to pre-arbitration when we contest it); processing errors and consumer
//! disputes follow "collaboration" (we respond first, then pre-arbitration). Mastercard:
//! chargeback → second presentment (our representment) → pre-arbitration → arbitration.

use arbiter_contract::{CardDispute, CardNetwork, ChargebackStage, EvidenceKind};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Days the network allows to act at `stage`, counted from when the stage began; `None`
/// when nothing is due (decided).
pub fn days_to_act(network: CardNetwork, stage: ChargebackStage) -> Option<i64> {
    use ChargebackStage::*;
    match (network, stage) {
        (_, Won | Lost) => None,
        (CardNetwork::Visa, Inquiry | FirstChargeback | Representment | PreArbitration) => Some(30),
        (CardNetwork::Visa, Arbitration) => Some(10),
        (CardNetwork::Mastercard, _) => Some(45),
    }
}

/// The network's deadline for the stage that began at `stage_began`.
pub fn network_deadline(
    network: CardNetwork,
    stage: ChargebackStage,
    stage_began: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    days_to_act(network, stage).map(|days| stage_began + Duration::days(days))
}

/// When our response is due: the network deadline less the policy's margin.
pub fn response_due(
    network: CardNetwork,
    stage: ChargebackStage,
    stage_began: DateTime<Utc>,
    margin_days: i64,
) -> Option<DateTime<Utc>> {
    network_deadline(network, stage, stage_began).map(|deadline| deadline - Duration::days(margin_days))
}

/// Days before the network's deadline the desk answers by, when the policies do not say
/// (they do once synced: `SlaPolicy::chargeback_margin_days`).
pub const DEFAULT_MARGIN_DAYS: i64 = 5;

/// How long before our response is due a chargeback counts as at risk (the escalation
/// matrix's "due within 48 h").
pub const AT_RISK_HOURS: i64 = 48;

/// The family of a reason code (in the contract: the letter templates are written per family).
pub use arbiter_contract::ReasonCategory;

/// Which of Visa's flows a dispute follows; Mastercard has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DisputeFlow {
    /// Visa fraud and authorization: contested straight into pre-arbitration.
    Allocation,
    /// Visa processing errors and consumer disputes: a response first.
    Collaboration,
    Mastercard,
}

/// One piece of evidence a reason code calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Stable key: evidence names the items it satisfies by it.
    pub key: &'static str,
    pub label: &'static str,
    /// The kinds of evidence that usually satisfy it (what the desk suggests).
    pub kinds: &'static [EvidenceKind],
}

/// A network reason code: what the cardholder claims and what answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonCode {
    pub network: CardNetwork,
    pub code: &'static str,
    pub title: &'static str,
    pub category: ReasonCategory,
    pub checklist: &'static [ChecklistItem],
}

use EvidenceKind::{ActivityEvent as Activity, File, Message, Note};

const LOGIN_HISTORY: ChecklistItem = ChecklistItem {
    key: "login_history",
    label: "Login, device and IP history of the account around the purchase",
    kinds: &[Activity],
};
const THREE_DS: ChecklistItem =
    ChecklistItem { key: "three_ds", label: "3-D Secure authentication result for the payment", kinds: &[File, Note] };
const PRIOR_TRANSACTIONS: ChecklistItem = ChecklistItem {
    key: "prior_transactions",
    label: "Earlier undisputed payments with the same card",
    kinds: &[Activity, File],
};
const KYC_MATCH: ChecklistItem =
    ChecklistItem { key: "kyc_match", label: "Verified identity (KYC) matching the cardholder", kinds: &[File, Note] };
const CRYPTO_CREDITED: ChecklistItem = ChecklistItem {
    key: "crypto_credited",
    label: "Proof the crypto bought was credited to the account",
    kinds: &[Activity, File],
};
const CRYPTO_USED: ChecklistItem = ChecklistItem {
    key: "crypto_used",
    label: "Proof the crypto was withdrawn, traded or otherwise used",
    kinds: &[Activity],
};
const CUSTOMER_WORDS: ChecklistItem = ChecklistItem {
    key: "customer_communication",
    label: "The customer's own messages about the purchase",
    kinds: &[Message],
};
const AUTHORIZATION_RECORD: ChecklistItem = ChecklistItem {
    key: "authorization_record",
    label: "The approved authorization (code, date, amount)",
    kinds: &[File, Note],
};
const TRANSACTION_RECORD: ChecklistItem = ChecklistItem {
    key: "transaction_record",
    label: "The transaction record: amount, currency, processed once",
    kinds: &[File, Activity],
};
const REFUND_RECORD: ChecklistItem = ChecklistItem {
    key: "refund_record",
    label: "Proof of any refund or credit already given, or why none is due",
    kinds: &[File, Note],
};
const TERMS_ACCEPTED: ChecklistItem =
    ChecklistItem { key: "terms_accepted", label: "The terms and refund policy the customer accepted", kinds: &[File] };

const FRAUD: &[ChecklistItem] = &[LOGIN_HISTORY, THREE_DS, PRIOR_TRANSACTIONS, KYC_MATCH, CRYPTO_USED];
const AUTHORIZATION: &[ChecklistItem] = &[AUTHORIZATION_RECORD, TRANSACTION_RECORD];
const PROCESSING: &[ChecklistItem] = &[TRANSACTION_RECORD, REFUND_RECORD];
const NOT_RECEIVED: &[ChecklistItem] = &[CRYPTO_CREDITED, CRYPTO_USED, CUSTOMER_WORDS];
const NOT_AS_DESCRIBED: &[ChecklistItem] = &[CRYPTO_CREDITED, TERMS_ACCEPTED, CUSTOMER_WORDS];
const CREDIT: &[ChecklistItem] = &[REFUND_RECORD, TERMS_ACCEPTED, CUSTOMER_WORDS];

const fn visa(
    code: &'static str,
    title: &'static str,
    category: ReasonCategory,
    list: &'static [ChecklistItem],
) -> ReasonCode {
    ReasonCode { network: CardNetwork::Visa, code, title, category, checklist: list }
}
const fn mastercard(
    code: &'static str,
    title: &'static str,
    category: ReasonCategory,
    list: &'static [ChecklistItem],
) -> ReasonCode {
    ReasonCode { network: CardNetwork::Mastercard, code, title, category, checklist: list }
}

use ReasonCategory::{Authorization, ConsumerDispute, Fraud, ProcessingError};

/// The reason codes the desk knows, by network.
pub static REASON_CODES: &[ReasonCode] = &[
    visa("10.4", "Other fraud: card-absent environment", Fraud, FRAUD),
    visa("10.5", "Visa Fraud Monitoring Program", Fraud, FRAUD),
    visa("11.1", "Card recovery bulletin", Authorization, AUTHORIZATION),
    visa("11.2", "Declined authorization", Authorization, AUTHORIZATION),
    visa("11.3", "No authorization", Authorization, AUTHORIZATION),
    visa("12.5", "Incorrect amount", ProcessingError, PROCESSING),
    visa("12.6.1", "Duplicate processing", ProcessingError, PROCESSING),
    visa("12.6.2", "Paid by other means", ProcessingError, PROCESSING),
    visa("13.1", "Merchandise or services not received", ConsumerDispute, NOT_RECEIVED),
    visa("13.3", "Not as described or defective", ConsumerDispute, NOT_AS_DESCRIBED),
    visa("13.6", "Credit not processed", ConsumerDispute, CREDIT),
    visa("13.7", "Cancelled merchandise or services", ConsumerDispute, CREDIT),
    mastercard("4837", "No cardholder authorization", Fraud, FRAUD),
    mastercard("4863", "Cardholder does not recognize: potential fraud", Fraud, FRAUD),
    mastercard("4808", "Authorization-related chargeback", Authorization, AUTHORIZATION),
    mastercard("4834", "Point-of-interaction error (duplicate, amount)", ProcessingError, PROCESSING),
    mastercard("4853", "Cardholder dispute: not received, not as described", ConsumerDispute, NOT_RECEIVED),
];

/// The catalog's words as messages the UI translates: each code's title (`reasonCode.visa.10.4`)
/// and each checklist item's label (`checklist.login_history`).
struct CatalogText {
    titles: Vec<((CardNetwork, &'static str), &'static arbiter_text::Def)>,
    items: Vec<(&'static str, &'static arbiter_text::Def)>,
}

fn catalog_text() -> &'static CatalogText {
    static TEXT: std::sync::OnceLock<CatalogText> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        // The catalog is static, so its message definitions live as long as the program.
        let def = |key: String, english: &'static str| -> &'static arbiter_text::Def {
            Box::leak(Box::new(arbiter_text::Def {
                key: Box::leak(key.into_boxed_str()),
                english: arbiter_text::English::One(english),
            }))
        };
        let mut titles = Vec::new();
        let mut items: Vec<(&'static str, &'static arbiter_text::Def)> = Vec::new();
        for code in REASON_CODES {
            let network = arbiter_contract::codec::wire_name(&code.network);
            titles.push(((code.network, code.code), def(format!("reasonCode.{network}.{}", code.code), code.title)));
            for item in code.checklist {
                if !items.iter().any(|(key, _)| *key == item.key) {
                    items.push((item.key, def(format!("checklist.{}", item.key), item.label)));
                }
            }
        }
        CatalogText { titles, items }
    })
}

/// Every message of the catalog (for the UI's generated English).
pub fn messages() -> Vec<&'static arbiter_text::Def> {
    let text = catalog_text();
    text.titles.iter().map(|(_, d)| *d).chain(text.items.iter().map(|(_, d)| *d)).collect()
}

/// A code's title, to be said in the agent's language.
pub fn title_text(network: CardNetwork, code: &str) -> Option<arbiter_text::Msg> {
    let entry = reason_code(network, code)?;
    catalog_text()
        .titles
        .iter()
        .find(|((n, c), _)| *n == network && *c == entry.code)
        .map(|(_, d)| arbiter_text::Msg::new(d))
}

/// A checklist item's label, to be said in the agent's language.
pub fn checklist_text(key: &str) -> Option<arbiter_text::Msg> {
    catalog_text().items.iter().find(|(k, _)| *k == key).map(|(_, d)| arbiter_text::Msg::new(d))
}

/// The catalog entry for a network's code.
pub fn reason_code(network: CardNetwork, code: &str) -> Option<&'static ReasonCode> {
    REASON_CODES.iter().find(|r| r.network == network && r.code == code.trim())
}

/// The flow a dispute follows. Visa codes outside the catalog follow their family by
/// number: 10.x and 11.x allocation, the rest collaboration.
pub fn flow(network: CardNetwork, code: &str) -> DisputeFlow {
    match network {
        CardNetwork::Mastercard => DisputeFlow::Mastercard,
        CardNetwork::Visa => match reason_code(network, code).map(|r| r.category) {
            Some(Fraud | Authorization) => DisputeFlow::Allocation,
            Some(_) => DisputeFlow::Collaboration,
            None if code.trim().starts_with("10.") || code.trim().starts_with("11.") => DisputeFlow::Allocation,
            None => DisputeFlow::Collaboration,
        },
    }
}

/// The stages a contested dispute goes through, in order, before it is won or lost.
pub fn path(flow: DisputeFlow) -> &'static [ChargebackStage] {
    use ChargebackStage::*;
    match flow {
        DisputeFlow::Allocation => &[Inquiry, FirstChargeback, PreArbitration, Arbitration],
        DisputeFlow::Collaboration | DisputeFlow::Mastercard => {
            &[Inquiry, FirstChargeback, Representment, PreArbitration, Arbitration]
        }
    }
}

/// Where a dispute at `stage` may go next: the next stage of its flow, lost (accepted or
/// refused) from any open stage, and won once we have answered.
pub fn next_stages(flow: DisputeFlow, stage: ChargebackStage) -> Vec<ChargebackStage> {
    use ChargebackStage::*;
    let steps = path(flow);
    let Some(index) = steps.iter().position(|s| *s == stage) else {
        return Vec::new(); // won or lost: decided
    };
    let mut next: Vec<ChargebackStage> = steps.get(index + 1).copied().into_iter().collect();
    if !matches!(stage, Inquiry | FirstChargeback) {
        next.push(Won);
    }
    if stage != Inquiry {
        next.push(Lost);
    }
    next
}

/// Whether a dispute may move from `from` to `to`.
pub fn can_move(flow: DisputeFlow, from: ChargebackStage, to: ChargebackStage) -> bool {
    next_stages(flow, from).contains(&to)
}

/// How urgent a chargeback is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Decided,
    OnTrack,
    /// Our response is due within `AT_RISK_HOURS`.
    AtRisk,
    /// Our response date passed; the network's deadline has not.
    Overdue,
    /// The network's deadline passed.
    Missed,
    /// We answered; the network (the issuer) acts next, nothing is due from us.
    WithNetwork,
}

/// Where a chargeback stands: its flow and path, the stage, what may come next, the
/// deadlines of the current stage and how urgent it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Lifecycle {
    pub flow: DisputeFlow,
    pub path: Vec<ChargebackStage>,
    pub stage: ChargebackStage,
    pub next: Vec<ChargebackStage>,
    /// When the current stage began.
    pub stage_began_at: DateTime<Utc>,
    pub network_deadline: Option<DateTime<Utc>>,
    /// The network's deadline less the policy's margin.
    pub response_due: Option<DateTime<Utc>>,
    pub urgency: Urgency,
}

/// We answered and wait on the network: the case awaits it past the first chargeback (a case
/// still at the first chargeback owes its answer whatever its status says).
pub fn awaiting_network(case: &arbiter_contract::Case) -> bool {
    case.status == arbiter_contract::CaseStatus::AwaitingNetwork
        && case.card.as_ref().is_some_and(|c| c.stage != ChargebackStage::FirstChargeback)
}

/// The stage our answer to a dispute at `stage` moves it to: from the first chargeback, the
/// next stage of its flow (Visa's allocation goes straight to pre-arbitration); at any other
/// open stage the answer is that stage's response and the stage stays.
pub fn answer_stage(flow: DisputeFlow, stage: ChargebackStage) -> Option<ChargebackStage> {
    use ChargebackStage::*;
    match stage {
        FirstChargeback => {
            let steps = path(flow);
            steps.iter().position(|s| *s == stage).and_then(|i| steps.get(i + 1)).copied()
        }
        Won | Lost => None,
        other => Some(other),
    }
}

/// The lifecycle of a chargeback case at `now`; none for other cases. A closed case is
/// decided whatever its stage says; a case awaiting the network owes nothing until it acts.
pub fn case_lifecycle(case: &arbiter_contract::Case, margin_days: i64, now: DateTime<Utc>) -> Option<Lifecycle> {
    let card = case.card.as_ref()?;
    let mut lifecycle = lifecycle(card, margin_days, now);
    if awaiting_network(case) {
        lifecycle.response_due = None;
        lifecycle.urgency = Urgency::WithNetwork;
    }
    if case.status == arbiter_contract::CaseStatus::Closed {
        lifecycle.next.clear();
        lifecycle.network_deadline = None;
        lifecycle.response_due = None;
        lifecycle.urgency = Urgency::Decided;
    }
    Some(lifecycle)
}

/// The lifecycle of `card` at `now`, with `margin_days` of safety before the network.
pub fn lifecycle(card: &CardDispute, margin_days: i64, now: DateTime<Utc>) -> Lifecycle {
    let flow = flow(card.network, &card.reason_code);
    let began = card.stage_began_at.unwrap_or(card.filed_at);
    let network_deadline = network_deadline(card.network, card.stage, began);
    let response_due = response_due(card.network, card.stage, began, margin_days);
    let urgency = match (network_deadline, response_due) {
        (Some(deadline), _) if now > deadline => Urgency::Missed,
        (_, Some(due)) if now > due => Urgency::Overdue,
        (_, Some(due)) if due - now <= Duration::hours(AT_RISK_HOURS) => Urgency::AtRisk,
        (Some(_), _) => Urgency::OnTrack,
        _ => Urgency::Decided,
    };
    Lifecycle {
        flow,
        path: path(flow).to_vec(),
        stage: card.stage,
        next: next_stages(flow, card.stage),
        stage_began_at: began,
        network_deadline,
        response_due,
        urgency,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn visa_and_mastercard_deadlines() {
        let filed = at("2026-11-01T00:00:00Z");
        let cases = [
            (CardNetwork::Visa, ChargebackStage::FirstChargeback, Some("2026-12-01T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::PreArbitration, Some("2026-12-01T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::Arbitration, Some("2026-11-11T00:00:00Z")),
            (CardNetwork::Mastercard, ChargebackStage::FirstChargeback, Some("2026-12-16T00:00:00Z")),
            (CardNetwork::Mastercard, ChargebackStage::Arbitration, Some("2026-12-16T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::Won, None),
            (CardNetwork::Mastercard, ChargebackStage::Lost, None),
        ];
        for (network, stage, expected) in cases {
            assert_eq!(network_deadline(network, stage, filed), expected.map(at), "{network:?} {stage:?}");
        }
        assert_eq!(
            response_due(CardNetwork::Visa, ChargebackStage::FirstChargeback, filed, 5),
            Some(at("2026-11-26T00:00:00Z"))
        );
    }

    fn card(network: CardNetwork, code: &str, stage: ChargebackStage, began: &str) -> CardDispute {
        CardDispute {
            network,
            reason_code: code.into(),
            stage,
            card_last4: "4242".into(),
            transaction_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
            filed_at: at("2026-11-01T00:00:00Z"),
            stage_began_at: Some(at(began)),
            arn: None,
            payment_event_id: None,
        }
    }

    #[test]
    fn each_network_and_family_has_its_flow_and_path() {
        use ChargebackStage::*;
        let cases = [
            (CardNetwork::Visa, "10.4", DisputeFlow::Allocation),
            (CardNetwork::Visa, "11.3", DisputeFlow::Allocation),
            (CardNetwork::Visa, "10.9", DisputeFlow::Allocation), // not in the catalog: by family
            (CardNetwork::Visa, "12.6.1", DisputeFlow::Collaboration),
            (CardNetwork::Visa, " 13.1 ", DisputeFlow::Collaboration),
            (CardNetwork::Mastercard, "4837", DisputeFlow::Mastercard),
            (CardNetwork::Mastercard, "4853", DisputeFlow::Mastercard),
        ];
        for (network, code, expected) in cases {
            assert_eq!(flow(network, code), expected, "{network:?} {code}");
        }
        assert_eq!(path(DisputeFlow::Allocation), &[Inquiry, FirstChargeback, PreArbitration, Arbitration]);
        assert_eq!(
            path(DisputeFlow::Mastercard),
            &[Inquiry, FirstChargeback, Representment, PreArbitration, Arbitration]
        );
    }

    #[test]
    fn stages_move_forward_one_step_or_to_a_decision() {
        use ChargebackStage::*;
        use DisputeFlow::*;
        let table: &[(DisputeFlow, ChargebackStage, &[ChargebackStage])] = &[
            (Allocation, Inquiry, &[FirstChargeback]),
            (Allocation, FirstChargeback, &[PreArbitration, Lost]),
            (Allocation, PreArbitration, &[Arbitration, Won, Lost]),
            (Allocation, Arbitration, &[Won, Lost]),
            (Collaboration, FirstChargeback, &[Representment, Lost]),
            (Collaboration, Representment, &[PreArbitration, Won, Lost]),
            (Mastercard, Representment, &[PreArbitration, Won, Lost]),
            (Mastercard, Won, &[]),
            (Mastercard, Lost, &[]),
            (Allocation, Representment, &[]), // not a stage of this flow
        ];
        for (flow, stage, expected) in table {
            assert_eq!(next_stages(*flow, *stage), expected.to_vec(), "{flow:?} {stage:?}");
        }
        assert!(can_move(Allocation, FirstChargeback, PreArbitration));
        assert!(!can_move(Allocation, FirstChargeback, Representment), "Visa allocation skips representment");
        assert!(!can_move(Mastercard, FirstChargeback, Arbitration), "no skipping");
        assert!(!can_move(Mastercard, FirstChargeback, Won), "nothing is won before we answer");
    }

    #[test]
    fn deadlines_count_from_the_stage_and_urgency_follows_the_margin() {
        use ChargebackStage::*;
        // (network, code, stage, stage began, now, network deadline, response due, urgency)
        type Row<'a> =
            (CardNetwork, &'a str, ChargebackStage, &'a str, &'a str, Option<&'a str>, Option<&'a str>, Urgency);
        let table: &[Row] = &[
            // Visa: 30 days to answer; with a 5-day margin we answer by day 25.
            (
                CardNetwork::Visa,
                "13.1",
                FirstChargeback,
                "2026-11-01T00:00:00Z",
                "2026-11-10T00:00:00Z",
                Some("2026-12-01T00:00:00Z"),
                Some("2026-11-26T00:00:00Z"),
                Urgency::OnTrack,
            ),
            (
                CardNetwork::Visa,
                "13.1",
                FirstChargeback,
                "2026-11-01T00:00:00Z",
                "2026-11-24T00:00:00Z",
                Some("2026-12-01T00:00:00Z"),
                Some("2026-11-26T00:00:00Z"),
                Urgency::AtRisk,
            ),
            (
                CardNetwork::Visa,
                "13.1",
                FirstChargeback,
                "2026-11-01T00:00:00Z",
                "2026-11-23T23:59:59Z",
                Some("2026-12-01T00:00:00Z"),
                Some("2026-11-26T00:00:00Z"),
                Urgency::OnTrack,
            ),
            (
                CardNetwork::Visa,
                "13.1",
                FirstChargeback,
                "2026-11-01T00:00:00Z",
                "2026-11-27T00:00:00Z",
                Some("2026-12-01T00:00:00Z"),
                Some("2026-11-26T00:00:00Z"),
                Urgency::Overdue,
            ),
            (
                CardNetwork::Visa,
                "13.1",
                FirstChargeback,
                "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:01Z",
                Some("2026-12-01T00:00:00Z"),
                Some("2026-11-26T00:00:00Z"),
                Urgency::Missed,
            ),
            // Visa arbitration: 10 days after pre-arbitration, counted from its own start.
            (
                CardNetwork::Visa,
                "10.4",
                Arbitration,
                "2026-12-10T00:00:00Z",
                "2026-12-11T00:00:00Z",
                Some("2026-12-20T00:00:00Z"),
                Some("2026-12-15T00:00:00Z"),
                Urgency::OnTrack,
            ),
            // Mastercard: 45 days at every step.
            (
                CardNetwork::Mastercard,
                "4853",
                Representment,
                "2026-11-15T00:00:00Z",
                "2026-12-20T00:00:00Z",
                Some("2026-12-30T00:00:00Z"),
                Some("2026-12-25T00:00:00Z"),
                Urgency::OnTrack,
            ),
            (
                CardNetwork::Mastercard,
                "4837",
                PreArbitration,
                "2026-11-15T00:00:00Z",
                "2026-12-23T12:00:00Z",
                Some("2026-12-30T00:00:00Z"),
                Some("2026-12-25T00:00:00Z"),
                Urgency::AtRisk,
            ),
            // Decided: nothing is due.
            (
                CardNetwork::Mastercard,
                "4837",
                Won,
                "2026-11-15T00:00:00Z",
                "2027-03-01T00:00:00Z",
                None,
                None,
                Urgency::Decided,
            ),
        ];
        for &(network, code, stage, began, now, deadline, due, urgency) in table {
            let life = lifecycle(&card(network, code, stage, began), 5, at(now));
            assert_eq!(life.network_deadline, deadline.map(at), "{network:?} {stage:?} deadline");
            assert_eq!(life.response_due, due.map(at), "{network:?} {stage:?} due");
            assert_eq!(life.urgency, urgency, "{network:?} {stage:?} at {now}");
        }
        // The same instant in another zone is the same deadline.
        let life = lifecycle(
            &card(CardNetwork::Visa, "13.1", FirstChargeback, "2026-11-01T09:00:00+09:00"),
            5,
            at("2026-11-10T00:00:00Z"),
        );
        assert_eq!(life.network_deadline, Some(at("2026-12-01T00:00:00Z")));
        // Without a recorded stage start the filing date counts.
        let mut legacy = card(CardNetwork::Visa, "13.1", FirstChargeback, "2026-11-05T00:00:00Z");
        legacy.stage_began_at = None;
        assert_eq!(
            lifecycle(&legacy, 5, at("2026-11-10T00:00:00Z")).network_deadline,
            Some(at("2026-12-01T00:00:00Z"))
        );
    }

    #[test]
    fn the_catalog_covers_the_codes_of_the_domain_with_checklists() {
        for (network, code) in [
            (CardNetwork::Visa, "10.4"),
            (CardNetwork::Visa, "13.1"),
            (CardNetwork::Mastercard, "4837"),
            (CardNetwork::Mastercard, "4853"),
            (CardNetwork::Mastercard, "4834"),
            (CardNetwork::Mastercard, "4808"),
            (CardNetwork::Mastercard, "4863"),
        ] {
            let entry = reason_code(network, code).unwrap_or_else(|| panic!("{code} is in the catalog"));
            assert!(!entry.checklist.is_empty());
        }
        let keys = |code| -> Vec<&str> {
            reason_code(CardNetwork::Visa, code).unwrap().checklist.iter().map(|i| i.key).collect()
        };
        assert_eq!(keys("10.4"), ["login_history", "three_ds", "prior_transactions", "kyc_match", "crypto_used"]);
        assert_eq!(keys("13.1"), ["crypto_credited", "crypto_used", "customer_communication"]);
        assert!(reason_code(CardNetwork::Mastercard, "10.4").is_none(), "codes belong to a network");
    }
}
