//! Suspicious-activity reports: draft (the investigator's) → submitted → acknowledged by
//! compliance.

use arbiter_contract::*;

use super::access;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::entities::put_sar;
use crate::store::{next_id, reads};

pub const NARRATIVE_MAX: usize = 20_000;
/// A report goes to compliance with at least this much said.
const NARRATIVE_MIN_TO_SUBMIT: usize = 20;
/// The team that receives reports.
const COMPLIANCE: &str = "compliance";

impl Versioned for Sar {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, _base: i64) -> ApiFailure {
        ApiFailure::conflict(Entity::Sar(self.clone()), format!("report {} is at version {}", self.id, self.version))
    }
}

fn check_rules(rules: &[i64]) -> Result<(), ApiFailure> {
    if rules.iter().any(|r| !(1..=super::input::RISK_RULES).contains(r)) {
        return Err(ApiFailure::bad_request("rules are numbered 1 to 8"));
    }
    Ok(())
}

fn check_narrative(narrative: &str) -> Result<(), ApiFailure> {
    if narrative.chars().count() > NARRATIVE_MAX {
        return Err(ApiFailure::bad_request(format!("the narrative may hold at most {NARRATIVE_MAX} characters")));
    }
    Ok(())
}

/// Starts a report as a draft.
pub async fn create(m: &mut Mutation, body: &CreateSar) -> Result<Sar, ApiFailure> {
    check_rules(&body.rules_fired)?;
    check_narrative(&body.narrative)?;
    if reads::customer(&mut m.tx, body.subject_customer_id).await?.is_none() {
        return Err(ApiFailure::unprocessable(format!("customer {} does not exist", body.subject_customer_id)));
    }
    let sar = Sar {
        id: next_id(&mut m.tx, "sars").await?,
        subject_customer_id: body.subject_customer_id,
        linked_customer_ids: body.linked_customer_ids.clone(),
        activity_event_ids: body.activity_event_ids.clone(),
        rules_fired: body.rules_fired.clone(),
        risk_score: body.risk_score,
        narrative: body.narrative.trim().to_owned(),
        case_id: body.case_id,
        status: SarStatus::Draft,
        investigator_id: m.caller.id(),
        created_at: m.now,
        updated_at: m.now,
        submitted_at: None,
        acknowledged_at: None,
        version: 1,
    };
    put_sar(&mut m.tx, &sar).await?;
    m.audit("sar.create", "sar", sar.id, None, Some(&sar)).await?;
    Ok(sar)
}

/// The report at the version the request was made on.
async fn current(m: &mut Mutation, id: i64) -> Result<Sar, ApiFailure> {
    let sar = access::sar(&mut m.tx, &m.caller, id).await?;
    m.at_base(sar)
}

async fn save(m: &mut Mutation, action: &str, before: &Sar, mut next: Sar) -> Result<Sar, ApiFailure> {
    next.updated_at = m.now;
    next.version += 1;
    put_sar(&mut m.tx, &next).await?;
    m.audit(action, "sar", next.id, Some(before), Some(&next)).await?;
    Ok(next)
}

/// Edits a draft (its investigator only).
pub async fn update(m: &mut Mutation, id: i64, update: &SarUpdate) -> Result<Sar, ApiFailure> {
    if let Some(rules) = &update.rules_fired {
        check_rules(rules)?;
    }
    if let Some(narrative) = &update.narrative {
        check_narrative(narrative)?;
    }
    let sar = current(m, id).await?;
    if sar.investigator_id != m.caller.id() {
        return Err(ApiFailure::forbidden("only the investigator edits a report"));
    }
    if sar.status != SarStatus::Draft {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "a submitted report cannot be edited"));
    }
    let mut next = sar.clone();
    if let Some(v) = &update.linked_customer_ids {
        next.linked_customer_ids = v.clone();
    }
    if let Some(v) = &update.activity_event_ids {
        next.activity_event_ids = v.clone();
    }
    if let Some(v) = &update.rules_fired {
        next.rules_fired = v.clone();
    }
    if let Some(v) = update.risk_score {
        next.risk_score = Some(v);
    }
    if let Some(v) = &update.narrative {
        next.narrative = v.trim().to_owned();
    }
    save(m, "sar.update", &sar, next).await
}

/// Sends a draft to compliance.
pub async fn submit(m: &mut Mutation, id: i64) -> Result<Sar, ApiFailure> {
    let sar = current(m, id).await?;
    if sar.investigator_id != m.caller.id() {
        return Err(ApiFailure::forbidden("only the investigator submits a report"));
    }
    if sar.status != SarStatus::Draft {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "the report was already submitted"));
    }
    if sar.narrative.trim().chars().count() < NARRATIVE_MIN_TO_SUBMIT {
        return Err(ApiFailure::unprocessable(format!(
            "write a narrative (at least {NARRATIVE_MIN_TO_SUBMIT} characters) before submitting"
        )));
    }
    let mut next = sar.clone();
    next.status = SarStatus::Submitted;
    next.submitted_at = Some(m.now);
    save(m, "sar.submit", &sar, next).await
}

/// Compliance confirms it received a submitted report (supervisors of the compliance team).
pub async fn acknowledge(m: &mut Mutation, id: i64) -> Result<Sar, ApiFailure> {
    if !m.caller.agent.teams.iter().any(|t| t == COMPLIANCE) {
        return Err(ApiFailure::forbidden("only compliance acknowledges reports"));
    }
    let sar = current(m, id).await?;
    if sar.status != SarStatus::Submitted {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "only submitted reports are acknowledged"));
    }
    let mut next = sar.clone();
    next.status = SarStatus::Acknowledged;
    next.acknowledged_at = Some(m.now);
    save(m, "sar.acknowledge", &sar, next).await
}
