//! Casework: a dispute, chargeback or fraud claim as its screen shows it — the network
//! lifecycle with its deadlines and urgency (arbiter_policy, the same rules the server
//! applies), the reason code's evidence checklist and what answers each item, the evidence,
//! the audit trail — and the changes the agent makes, queued like every action so they work
//! offline.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{
    AddEvidence, Case, CaseEvent, CaseKind, CaseStatus, CaseUpdate, CreateCase, EvidenceKind, NewCardDispute,
    TicketStatus,
};
use arbiter_policy::cases::{self as case_rules, OutcomeChoice};
use arbiter_policy::chargeback::{self, DisputeFlow, Lifecycle, ReasonCategory};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::{self, errors};
use arbiter_text::Msg;

/// One item of a reason code's evidence checklist, with the evidence that answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ChecklistLine {
    pub key: String,
    /// In English.
    pub label: String,
    /// To be said in the agent's language.
    pub label_text: Msg,
    /// The kinds of evidence that usually answer it.
    pub kinds: Vec<EvidenceKind>,
    /// Evidence on the case that answers it (ids).
    pub evidence_ids: Vec<i64>,
}

/// A network reason code from the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReasonCodeInfo {
    pub network: arbiter_contract::CardNetwork,
    pub code: String,
    /// In English.
    pub title: String,
    /// To be said in the agent's language.
    pub title_text: Msg,
    pub category: ReasonCategory,
    pub flow: DisputeFlow,
    pub checklist: Vec<ChecklistLine>,
}

/// The recommendation on an open chargeback, said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CaseAdvice {
    pub recommendation: arbiter_policy::advice::Recommendation,
    /// Why, with the history behind it.
    pub text: Msg,
}

fn advice_text(card: &arbiter_contract::CardDispute, r: &arbiter_policy::advice::Recommendation, amount: i64) -> Msg {
    use arbiter_policy::advice::Basis;
    use messages::advice as say;
    let network = arbiter_contract::codec::wire_name(&card.network);
    let network = if network == "visa" { "Visa" } else { "Mastercard" };
    let usd = |cents: i64| format!("{:.2} USD", cents as f64 / 100.0);
    let rate = r.win_rate.map_or(0, |p| (p * 100.0).round() as i64);
    let with_history = |m: Msg| {
        m.text("network", network)
            .text("code", card.reason_code.as_str())
            .int("won", i64::from(r.history.won))
            .int("decided", i64::from(r.history.decided()))
            .int("rate", rate)
            .int("accepted", i64::from(r.history.accepted))
            .text("amount", usd(amount))
            .text("expected", usd(r.expected_usd_cents.max(0)))
            .text("cost", usd(r.cost_usd_cents))
    };
    match r.basis {
        Basis::CompellingEvidence => with_history(Msg::new(&say::COMPELLING)),
        Basis::WinRate => with_history(Msg::new(&say::WIN_RATE)),
        Basis::NotWorthIt => with_history(Msg::new(&say::NOT_WORTH_IT)),
        Basis::TooLittleHistory => with_history(Msg::new(&say::TOO_LITTLE)).count(r.history.decided() as usize),
    }
}

/// A ticket of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CaseTicket {
    pub id: i64,
    pub subject: String,
    pub status: TicketStatus,
}

/// Everything the case screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CaseView {
    /// With the agent's pending changes applied.
    pub case: Case,
    /// The kind of investigation (as `case.kind`), which sets the outcomes it can end in.
    pub kind: CaseKind,
    /// The outcomes the case can be closed with now, each with the network stage it moves a
    /// chargeback to (arbiter_policy::cases, the rule the server applies).
    pub outcomes: Vec<OutcomeChoice>,
    /// The statuses the agent may move an open case between.
    pub statuses: Vec<CaseStatus>,
    /// Chargebacks: the network's stages, deadlines and how urgent it is now.
    pub lifecycle: Option<Lifecycle>,
    /// Chargebacks: the reason code and its checklist (none for codes outside the catalog).
    pub reason: Option<ReasonCodeInfo>,
    /// Chargebacks: whether the card's history qualifies the case for CE 3.0 / First-Party
    /// Trust, from the cached activity.
    pub compelling_evidence: Option<crate::CompellingEvidence>,
    /// Open chargebacks: represent or accept, from the reason code's history in the local copy.
    pub advice: Option<CaseAdvice>,
    pub tickets: Vec<CaseTicket>,
    pub customer_name: Option<String>,
    pub customer_account: Option<String>,
    pub assignee_name: Option<String>,
    /// The case's files in the document store (its reports).
    pub documents: Vec<arbiter_contract::Document>,
    /// Who did what, oldest first.
    pub events: Vec<CaseEvent>,
    /// The agent's changes the server has not confirmed, or refused (pending evidence is
    /// shown from here).
    pub outbox: Vec<OutboxItem>,
}

fn reason_info(network: arbiter_contract::CardNetwork, code: &str, case: Option<&Case>) -> Option<ReasonCodeInfo> {
    let entry = chargeback::reason_code(network, code)?;
    let checklist = entry
        .checklist
        .iter()
        .map(|item| ChecklistLine {
            key: item.key.to_owned(),
            label: item.label.to_owned(),
            label_text: chargeback::checklist_text(item.key).expect("every catalog item has its message"),
            kinds: item.kinds.to_vec(),
            evidence_ids: case
                .map(|c| {
                    c.evidence.iter().filter(|e| e.checklist.iter().any(|k| k == item.key)).map(|e| e.id).collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    Some(ReasonCodeInfo {
        network,
        code: entry.code.to_owned(),
        title: entry.title.to_owned(),
        title_text: chargeback::title_text(network, entry.code).expect("every catalog code has its message"),
        category: entry.category,
        flow: chargeback::flow(network, code),
        checklist,
    })
}

/// The catalog of reason codes, for opening a chargeback case.
pub fn reason_codes() -> Vec<ReasonCodeInfo> {
    chargeback::REASON_CODES.iter().filter_map(|r| reason_info(r.network, r.code, None)).collect()
}

impl Desk {
    /// A case from the local copy, offline too.
    pub async fn case_view(&self, case_id: i64) -> Result<CaseView, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let parts = cache.case_parts(case_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CASE_NOT_CACHED).int("id", case_id))
        })?;
        let margin = cache.policies().await?.map_or(chargeback::DEFAULT_MARGIN_DAYS, |p| p.sla.chargeback_margin_days);
        let case = parts.case;
        let lifecycle = chargeback::case_lifecycle(&case, margin, chrono::Utc::now());
        let reason = case.card.as_ref().and_then(|c| reason_info(c.network, &c.reason_code, Some(&case)));
        let mut tickets = Vec::new();
        for id in &case.ticket_ids {
            if let Some(view) = cache.ticket_view(*id).await? {
                tickets.push(CaseTicket { id: *id, subject: view.ticket.subject, status: view.ticket.status });
            }
        }
        let customer = cache.customer(case.customer_id).await?;
        let compelling_evidence = match &customer {
            Some(customer) => self.assess_compelling_evidence(&case, customer).await?,
            None => None,
        };
        let advice = match (&case.card, case.status) {
            (Some(card), status) if status != CaseStatus::Closed => {
                let policy = cache.policies().await?.map(|p| p.disputes).unwrap_or_default();
                let history = cache.reason_history(card.network, &card.reason_code).await?;
                let qualifies = compelling_evidence.as_ref().is_some_and(|c| c.qualifies);
                let recommendation = arbiter_policy::advice::recommend(
                    history,
                    case.amount_usd_cents,
                    qualifies,
                    policy.representment_cost_usd_cents,
                    policy.advice_min_decided,
                );
                let text = advice_text(card, &recommendation, case.amount_usd_cents);
                Some(CaseAdvice { recommendation, text })
            }
            _ => None,
        };
        let customer_name = customer.as_ref().map(|c| c.name.clone());
        let customer_account = customer.map(|c| c.account_id);
        let documents = cache.case_documents(case.id).await?;
        let assignee_name = match case.assignee_id {
            Some(id) => cache.agent(id).await?.map(|a| a.name),
            None => None,
        };
        let outcomes = case_rules::outcome_choices(case.kind, lifecycle.as_ref());
        Ok(CaseView {
            kind: case.kind,
            outcomes,
            statuses: case_rules::WORKING_STATUSES.to_vec(),
            case,
            lifecycle,
            reason,
            compelling_evidence,
            advice,
            tickets,
            customer_name,
            customer_account,
            assignee_name,
            documents,
            events: parts.events,
            outbox: parts.outbox,
        })
    }

    /// A chargeback's CE 3.0 / First-Party Trust check from the local copy (none for other
    /// cases, or before the customer has synced).
    pub async fn compelling_evidence(&self, case_id: i64) -> Result<Option<crate::CompellingEvidence>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let Some(parts) = cache.case_parts(case_id).await? else { return Ok(None) };
        match cache.customer(parts.case.customer_id).await? {
            Some(customer) => self.assess_compelling_evidence(&parts.case, &customer).await,
            None => Ok(None),
        }
    }

    async fn assess_compelling_evidence(
        &self,
        case: &arbiter_contract::Case,
        customer: &arbiter_contract::Customer,
    ) -> Result<Option<crate::CompellingEvidence>, DeskError> {
        if case.card.is_none() {
            return Ok(None);
        }
        let (cache, _) = self.cache_and_me().await?;
        let events = cache.customer_activity(case.customer_id).await?;
        let others = cache.disputed_payments(case.customer_id, case.id).await?;
        Ok(crate::compelling_evidence::assess(case, &customer.account_id, &events, &others))
    }

    /// Opens an investigation from a ticket (sent when the server can be reached).
    pub async fn open_case(&self, case: CreateCase, client_key: &str) -> Result<OutboxItem, DeskError> {
        if case.summary.trim().is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CASE_SUMMARY)));
        }
        if case.amount_minor < 0 {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::AMOUNT_NEGATIVE)));
        }
        match (case.kind, &case.card) {
            (CaseKind::Chargeback, Some(card)) => check_card(card)?,
            (CaseKind::Chargeback, None) => {
                return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CHARGEBACK_NEEDS_CARD)))
            }
            (_, Some(_)) => {
                return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ONLY_CHARGEBACKS_CARRY_CARD)))
            }
            (_, None) => {}
        }
        let (cache, _) = self.cache_and_me().await?;
        let view = cache.ticket_view(case.ticket_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", case.ticket_id))
        })?;
        if let Some(existing) = view.ticket.case_id {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::TICKET_HAS_CASE).int("id", existing),
            ));
        }
        self.queue(client_key, Action::CreateCase { ticket_id: case.ticket_id, case }).await
    }

    /// Changes a case: status, stage, decision, outcome, summary or amounts. Stages move as
    /// the network allows (the server checks the same rules).
    pub async fn update_case(
        &self,
        case_id: i64,
        ticket_id: Option<i64>,
        update: CaseUpdate,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        if update == CaseUpdate::default() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::NOTHING_TO_CHANGE)));
        }
        let view = self.case_view(case_id).await?;
        if let Some(stage) = update.stage {
            let lifecycle = view.lifecycle.as_ref().ok_or_else(|| {
                DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ONLY_CHARGEBACKS_HAVE_STAGES))
            })?;
            if stage != lifecycle.stage && !lifecycle.next.contains(&stage) {
                let text = Msg::new(&errors::STAGE_NOT_ALLOWED)
                    .msg("stage", messages::stage(stage))
                    .msg("from", messages::stage(lifecycle.stage));
                return Err(DeskError::say(ErrorCode::InvalidInput, text));
            }
        }
        if let Some(outcome) = update.outcome {
            if !case_rules::allows_outcome(view.kind, outcome) {
                return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::OUTCOME_NOT_ALLOWED)));
            }
        }
        if update.status == Some(CaseStatus::Closed) && view.case.outcome.is_none() && update.outcome.is_none() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::OUTCOME_FIRST)));
        }
        let action = Action::UpdateCase { case_id, ticket_id, base_version: server_version(&view), update };
        self.queue(client_key, action).await
    }

    /// Adds a piece of evidence: a quoted message, a pinned activity event, a note or a file
    /// reference, naming the checklist items it answers.
    pub async fn add_case_evidence(
        &self,
        case_id: i64,
        ticket_id: Option<i64>,
        evidence: AddEvidence,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        if evidence.title.trim().is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::EVIDENCE_TITLE)));
        }
        let view = self.case_view(case_id).await?;
        check_checklist(&view, &evidence.checklist)?;
        let action = Action::AddEvidence { case_id, ticket_id, base_version: server_version(&view), evidence };
        self.queue(client_key, action).await
    }
}

/// The version the server last confirmed (pending changes are laid over the cached case,
/// but its version stays the server's; the replayer adds the agent's own changes).
fn server_version(view: &CaseView) -> i64 {
    view.case.version
}

/// Evidence may only name items of the case's reason-code checklist.
pub(crate) fn check_checklist(view: &CaseView, keys: &[String]) -> Result<(), DeskError> {
    let known: Vec<&str> =
        view.reason.as_ref().map(|r| r.checklist.iter().map(|l| l.key.as_str()).collect()).unwrap_or_default();
    match keys.iter().find(|k| !known.contains(&k.as_str())) {
        Some(unknown) => Err(DeskError::say(
            ErrorCode::InvalidInput,
            Msg::new(&errors::NOT_ON_CHECKLIST).text("item", unknown.as_str()),
        )),
        None => Ok(()),
    }
}

fn check_card(card: &NewCardDispute) -> Result<(), DeskError> {
    let digits = card.card_last4.chars().all(|c| c.is_ascii_digit());
    if card.card_last4.len() != 4 || !digits {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CARD_LAST4)));
    }
    if card.reason_code.trim().is_empty() {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::REASON_CODE)));
    }
    Ok(())
}
