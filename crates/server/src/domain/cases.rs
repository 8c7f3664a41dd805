//! Investigations: disputes, chargebacks and fraud claims. Every change is appended to the
//! case's audit trail (who, when, the fields before and after).

use arbiter_contract::*;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::AnyConnection;

use super::{access, input, money};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::entities::{put_case, put_case_event, put_ticket};
use crate::store::{next_id, reads, Scope};

pub const SUMMARY_MAX: usize = 5_000;
pub const EVIDENCE_TITLE_MAX: usize = 300;
const EVIDENCE_TEXT_MAX: usize = 20_000;

impl Versioned for Case {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, _base: i64) -> ApiFailure {
        ApiFailure::conflict(Entity::Case(self.clone()), format!("case {} is at version {}", self.id, self.version))
    }
}

/// When the next response on a case is due: the network's deadline less the policy margin
/// for chargebacks, the resolution target for other cases.
pub fn due_at(case: &Case, stage_began: DateTime<Utc>, policy: &PolicySet) -> Option<DateTime<Utc>> {
    if case.status == CaseStatus::Closed || arbiter_policy::chargeback::awaiting_network(case) {
        return None;
    }
    match &case.card {
        Some(card) => arbiter_policy::chargeback::response_due(
            card.network,
            card.stage,
            stage_began,
            policy.sla.chargeback_margin_days,
        ),
        None => Some(stage_began + chrono::Duration::seconds(policy.sla.resolution_seconds)),
    }
}

/// A case with its evidence.
pub async fn case(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Case, ApiFailure> {
    access::case(conn, caller, id).await
}

/// The case's audit trail, oldest first.
pub async fn events(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Vec<CaseEvent>, ApiFailure> {
    access::case(conn, caller, id).await?;
    Ok(reads::case_events(conn, id).await?)
}

async fn append_event(
    m: &mut Mutation,
    case: &Case,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ApiFailure> {
    let event = CaseEvent {
        id: next_id(&mut m.tx, "case_events").await?,
        case_id: case.id,
        actor_id: Some(m.caller.id()),
        actor_name: m.caller.agent.name.clone(),
        action: action.to_owned(),
        before,
        after,
        at: m.now,
    };
    put_case_event(&mut m.tx, &event, &Scope::of_case(case)).await?;
    Ok(())
}

/// Opens an investigation from a ticket; the ticket links to it.
pub async fn create(m: &mut Mutation, body: &CreateCase) -> Result<Case, ApiFailure> {
    let summary = input::text_field(&body.summary, "the summary", SUMMARY_MAX)?;
    if body.amount_minor < 0 {
        return Err(ApiFailure::bad_request("the amount must not be negative"));
    }
    let amount_usd_cents = money::usd_cents(body.amount_minor, &body.currency)
        .ok_or_else(|| ApiFailure::bad_request(format!("unknown currency {:?}", body.currency)))?;
    if (body.kind == CaseKind::Chargeback) != body.card.is_some() {
        return Err(ApiFailure::unprocessable("chargeback cases, and only they, carry card details"));
    }
    if let Some(card) = &body.card {
        if !is_last4(&card.card_last4) {
            return Err(ApiFailure::bad_request("card_last4 is the card number's last 4 digits"));
        }
    }
    let ticket = access::ticket(&mut m.tx, &m.caller, body.ticket_id).await?;
    if let Some(existing) = ticket.case_id {
        return Err(ApiFailure::unprocessable(format!("ticket {} already belongs to case {existing}", ticket.id)));
    }
    let policy = reads::policy(&mut m.tx).await?;
    let card = body.card.as_ref().map(|c| CardDispute {
        network: c.network,
        reason_code: c.reason_code.clone(),
        stage: ChargebackStage::FirstChargeback,
        card_last4: c.card_last4.clone(),
        transaction_date: c.transaction_date,
        filed_at: c.filed_at,
        stage_began_at: Some(c.filed_at),
        arn: None,
        payment_event_id: None,
    });
    let mut case = Case {
        id: next_id(&mut m.tx, "cases").await?,
        kind: body.kind,
        customer_id: ticket.customer_id,
        ticket_ids: vec![ticket.id],
        status: CaseStatus::Open,
        amount_minor: body.amount_minor,
        currency: body.currency.clone(),
        amount_usd_cents,
        card,
        due_at: None,
        decision: None,
        outcome: None,
        recovered_usd_cents: 0,
        lost_usd_cents: 0,
        evidence: Vec::new(),
        assignee_id: Some(m.caller.id()),
        queue: ticket.queue.clone(),
        summary,
        created_at: m.now,
        updated_at: m.now,
        closed_at: None,
        version: 1,
    };
    let began = case.card.as_ref().map_or(m.now, |c| c.filed_at);
    case.due_at = due_at(&case, began, &policy);
    put_case(&mut m.tx, &case).await?;
    let mut linked = super::tickets::touched(&ticket, m.now);
    linked.case_id = Some(case.id);
    put_ticket(&mut m.tx, &linked).await?;
    append_event(m, &case, "created", None, Some(serde_json::to_value(&case)?)).await?;
    m.audit("case.create", "case", case.id, None, Some(&case)).await?;
    Ok(case)
}

/// The fields an update changed, before and after, for the audit trail.
#[derive(Default)]
struct Diff {
    before: serde_json::Map<String, serde_json::Value>,
    after: serde_json::Map<String, serde_json::Value>,
}

impl Diff {
    fn note(&mut self, field: &str, old: serde_json::Value, new: serde_json::Value) {
        if old != new {
            self.before.insert(field.into(), old);
            self.after.insert(field.into(), new);
        }
    }
}

/// What the trail calls an update: the weightiest thing it did.
fn action_name(update: &CaseUpdate) -> &'static str {
    if update.decision.is_some() {
        "decided"
    } else if update.outcome.is_some() {
        "outcome_recorded"
    } else if update.stage.is_some() {
        "stage_changed"
    } else if update.status.is_some() {
        "status_changed"
    } else {
        "updated"
    }
}

/// Changes a case's status, stage, decision, outcome, assignee, summary or amounts. Stages
/// move only as the network allows; an outcome must fit the kind of case (422 otherwise).
pub async fn update(m: &mut Mutation, id: i64, update: &CaseUpdate) -> Result<Case, ApiFailure> {
    if *update == CaseUpdate::default() {
        return Err(ApiFailure::unprocessable("the update changes nothing"));
    }
    let case = access::case(&mut m.tx, &m.caller, id).await?;
    let case = m.at_base(case)?;
    let policy = reads::policy(&mut m.tx).await?;
    let mut next = case.clone();
    let mut diff = Diff::default();
    if let Some(status) = update.status {
        diff.note("status", json!(case.status), json!(status));
        next.status = status;
        next.closed_at = (status == CaseStatus::Closed).then_some(case.closed_at.unwrap_or(m.now));
    }
    if let Some(stage) = update.stage {
        let card =
            next.card.as_mut().ok_or_else(|| ApiFailure::unprocessable("only chargebacks have network stages"))?;
        let flow = arbiter_policy::chargeback::flow(card.network, &card.reason_code);
        if stage != card.stage && !arbiter_policy::chargeback::can_move(flow, card.stage, stage) {
            return Err(ApiFailure::unprocessable(format!(
                "a {:?} dispute at {:?} cannot move to {:?}; it can move to {:?}",
                flow,
                card.stage,
                stage,
                arbiter_policy::chargeback::next_stages(flow, card.stage)
            )));
        }
        diff.note("stage", json!(card.stage), json!(stage));
        if stage != card.stage {
            card.stage_began_at = Some(m.now);
        }
        card.stage = stage;
    }
    if let Some(decision) = update.decision {
        diff.note("decision", json!(case.decision), json!(decision));
        next.decision = Some(decision);
    }
    if let Some(outcome) = update.outcome {
        if !arbiter_policy::cases::allows_outcome(case.kind, outcome) {
            return Err(ApiFailure::unprocessable(format!(
                "a {} case cannot end as {}; it can end as {}",
                wire(&case.kind),
                wire(&outcome),
                arbiter_policy::cases::outcomes(case.kind).iter().map(wire).collect::<Vec<_>>().join(", ")
            )));
        }
        diff.note("outcome", json!(case.outcome), json!(outcome));
        next.outcome = Some(outcome);
    }
    if let Some(assignee) = update.assignee_id {
        if let Some(agent_id) = assignee {
            if reads::agent(&mut m.tx, agent_id).await?.is_none() {
                return Err(ApiFailure::unprocessable(format!("agent {agent_id} does not exist")));
            }
        }
        diff.note("assignee_id", json!(case.assignee_id), json!(assignee));
        next.assignee_id = assignee;
    }
    if let Some(summary) = &update.summary {
        let summary = input::text_field(summary, "the summary", SUMMARY_MAX)?;
        diff.note("summary", json!(case.summary), json!(summary));
        next.summary = summary;
    }
    if let Some(cents) = update.recovered_usd_cents {
        diff.note("recovered_usd_cents", json!(case.recovered_usd_cents), json!(cents));
        next.recovered_usd_cents = cents.max(0);
    }
    if let Some(cents) = update.lost_usd_cents {
        diff.note("lost_usd_cents", json!(case.lost_usd_cents), json!(cents));
        next.lost_usd_cents = cents.max(0);
    }
    if diff.after.is_empty() {
        return Err(ApiFailure::unprocessable("the update changes nothing"));
    }
    if update.stage.is_some() || update.status.is_some() {
        next.due_at = due_at(&next, m.now, &policy);
    }
    next.updated_at = m.now;
    next.version += 1;
    put_case(&mut m.tx, &next).await?;
    append_event(m, &next, action_name(update), Some(diff.before.into()), Some(diff.after.into())).await?;
    m.audit("case.update", "case", id, Some(&case), Some(&next)).await?;
    Ok(next)
}

/// What the document says `card_last4` is.
pub const LAST4_PATTERN: &str = "^[0-9]{4}$";

fn is_last4(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A value as the wire names it ("fraud_claim").
fn wire<T: serde::Serialize>(value: &T) -> String {
    arbiter_contract::codec::wire_name(value)
}

/// Adds a piece of evidence (a file, a quoted message, a pinned activity event, a note),
/// naming the items of the reason code's checklist it answers.
pub async fn add_evidence(m: &mut Mutation, id: i64, body: &AddEvidence) -> Result<Case, ApiFailure> {
    let title = input::text_field(&body.title, "the title", EVIDENCE_TITLE_MAX)?;
    let description = body.description.trim().chars().take(EVIDENCE_TEXT_MAX).collect::<String>();
    let case = access::case(&mut m.tx, &m.caller, id).await?;
    let case = m.at_base(case)?;
    // Checklist items name the reason code's evidence: chargebacks only, keys from its list.
    let wanted: Vec<&str> = case
        .card
        .as_ref()
        .and_then(|c| arbiter_policy::chargeback::reason_code(c.network, &c.reason_code))
        .map(|r| r.checklist.iter().map(|i| i.key).collect())
        .unwrap_or_default();
    if let Some(unknown) = body.checklist.iter().find(|k| !wanted.contains(&k.as_str())) {
        return Err(ApiFailure::unprocessable(format!("{unknown:?} is not on this case's evidence checklist")));
    }
    let evidence = Evidence {
        id: case.evidence.iter().map(|e| e.id).max().unwrap_or(0) + 1,
        kind: body.kind,
        title,
        description,
        reference_id: body.reference_id,
        checklist: body.checklist.clone(),
        added_by: m.caller.id(),
        added_at: m.now,
    };
    let mut next = case.clone();
    next.evidence.push(evidence.clone());
    next.updated_at = m.now;
    next.version += 1;
    put_case(&mut m.tx, &next).await?;
    append_event(m, &next, "evidence_added", None, Some(serde_json::to_value(&evidence)?)).await?;
    m.audit("case.evidence.add", "case", id, Some(&case), Some(&next)).await?;
    Ok(next)
}
