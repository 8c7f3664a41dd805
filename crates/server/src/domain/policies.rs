//! The policies in force, replaced as a whole by supervisors (versioned).

use arbiter_contract::*;

use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::entities::put_policy;
use crate::store::reads;

impl Versioned for PolicySet {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, _base: i64) -> ApiFailure {
        ApiFailure::conflict(Entity::Policy(self.clone()), format!("policies are at version {}", self.version))
    }
}

fn validate(update: &PolicyUpdate) -> Result<(), ApiFailure> {
    let positive = |targets: &[ResponseTarget]| targets.iter().all(|t| t.seconds > 0);
    if !positive(&update.sla.first_response)
        || !positive(&update.sla.next_response)
        || update.sla.resolution_seconds <= 0
    {
        return Err(ApiFailure::bad_request("SLA targets must be positive"));
    }
    if update.sla.chargeback_margin_days < 0 {
        return Err(ApiFailure::bad_request("the chargeback margin must not be negative"));
    }
    let risk = &update.risk;
    if !(risk.review_at < risk.block_at && risk.block_at < risk.decline_at) {
        return Err(ApiFailure::unprocessable("risk thresholds must rise: review < block < decline"));
    }
    if risk.rules.iter().any(|r| r.weight < 0.0 || !(1..=super::input::RISK_RULES).contains(&r.number)) {
        return Err(ApiFailure::bad_request("risk rules are numbered 1–8 with non-negative weights"));
    }
    if let Some(routing) = &update.routing {
        check_routing(routing)?;
    }
    if let Some(actions) = &update.actions {
        check_actions(actions)?;
    }
    if let Some(disputes) = &update.disputes {
        check_disputes(disputes)?;
    }
    if let Some(alerts) = &update.alerts {
        check_alerts(alerts)?;
    }
    Ok(())
}

/// Alert rules: a deadline of 1 hour to 30 days per kind, amounts within reason, and teams
/// that answer them named.
fn check_alerts(alerts: &AlertPolicy) -> Result<(), ApiFailure> {
    use super::alerts::{DEADLINE_HOURS_MAX, POLICY_CENTS_MAX};
    if alerts.deadlines.iter().any(|d| !(1..=DEADLINE_HOURS_MAX).contains(&d.hours)) {
        return Err(ApiFailure::unprocessable(format!("an alert's deadline is 1–{DEADLINE_HOURS_MAX} hours")));
    }
    let cents = 0..=POLICY_CENTS_MAX;
    if !cents.contains(&alerts.chargeback_fee_usd_cents)
        || alerts.auto_refund_under_usd_cents.is_some_and(|a| !cents.contains(&a))
    {
        return Err(ApiFailure::unprocessable("alert amounts are 0–1,000,000 USD"));
    }
    for team in [&alerts.fraud_queue, &alerts.disputes_queue] {
        let bad = |c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if team.is_empty() || team.len() > 64 || team.chars().any(bad) {
            return Err(ApiFailure::unprocessable("alerts are answered by a team named by its slug"));
        }
    }
    Ok(())
}

/// Letters a supervisor wrote: signed by someone, and for every language the company answers
/// in, a template for every family of reason codes and a sentence citing every kind of exhibit.
fn check_disputes(disputes: &DisputePolicy) -> Result<(), ApiFailure> {
    let name = disputes.merchant_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiFailure::unprocessable("letters are signed with a name of 1–200 characters"));
    }
    if !(0..=1_000_000).contains(&disputes.representment_cost_usd_cents)
        || !(1..=1_000).contains(&disputes.advice_min_decided)
    {
        return Err(ApiFailure::unprocessable(
            "representing costs 0–10,000 USD, and a win rate is trusted after 1–1,000 decided cases",
        ));
    }
    if disputes.letter_languages.is_empty() {
        return Err(ApiFailure::unprocessable("name at least one language letters are written in"));
    }
    let long = |text: &str| text.chars().count() > 5_000;
    for language in &disputes.letter_languages {
        for family in ReasonCategory::ALL {
            let template = disputes.templates.iter().find(|t| &t.language == language && t.family == family);
            match template {
                Some(t) if !t.opening.trim().is_empty() && !long(&t.opening) && !long(&t.closing) => {}
                _ => {
                    return Err(ApiFailure::unprocessable(format!(
                        "{language}: the {family:?} letter needs an opening (and texts of at most 5,000 characters)"
                    )))
                }
            }
        }
        let phrases = disputes.phrases.iter().find(|p| &p.language == language);
        let complete = phrases.is_some_and(|p| {
            p.exhibit_label.contains("{{n}}")
                && p.exhibit_label.chars().count() <= 40
                && !long(&p.history)
                && ExhibitKind::ALL.iter().all(|k| {
                    p.arguments.iter().any(|a| a.exhibit == *k && a.text.contains("{{exhibit}}") && !long(&a.text))
                })
        });
        if !complete {
            return Err(ApiFailure::unprocessable(format!(
                "{language}: exhibits need a label with {{{{n}}}} and every kind a sentence that cites it with {{{{exhibit}}}}"
            )));
        }
    }
    Ok(())
}

/// Account-action rules a supervisor wrote: reason codes to choose from (the sanctions code
/// among them: what compliance alone lifts), approvers for every rule, a sensible wait.
fn check_actions(actions: &ActionPolicy) -> Result<(), ApiFailure> {
    let codes: std::collections::HashSet<&str> = actions.reason_codes.iter().map(|r| r.code.as_str()).collect();
    if codes.len() != actions.reason_codes.len() || actions.reason_codes.iter().any(|r| r.code.trim().is_empty()) {
        return Err(ApiFailure::unprocessable("reason codes must be distinct and not blank"));
    }
    if !codes.contains(SANCTIONS_HIT) {
        return Err(ApiFailure::unprocessable(format!("the reason codes must keep {SANCTIONS_HIT}")));
    }
    if actions.approvals.iter().any(|rule| rule.approvers.is_empty()) {
        return Err(ApiFailure::unprocessable("every approval rule names who may approve"));
    }
    if !(1..=24 * 30).contains(&actions.request_ttl_hours) {
        return Err(ApiFailure::unprocessable("a request waits 1 hour to 30 days for its approver"));
    }
    Ok(())
}

/// Routing a supervisor wrote: capacities and waits that make sense, hours that parse.
fn check_routing(routing: &RoutingPolicy) -> Result<(), ApiFailure> {
    let capacities = std::iter::once(&routing.default_capacity).chain(routing.agents.iter().map(|a| &a.capacity));
    if capacities.into_iter().any(|c| !(0..=100).contains(&c.chat) || !(0..=1000).contains(&c.email)) {
        return Err(ApiFailure::unprocessable("capacities are 0–100 chats and 0–1000 emails"));
    }
    let waits = [routing.offer_seconds, routing.relax_skills_after_seconds, routing.no_agent_after_seconds];
    if routing.offer_seconds < 5 || waits.iter().any(|w| !(0..=86_400).contains(w)) {
        return Err(ApiFailure::unprocessable("an offer waits 5 s to a day; the other waits are 0 s to a day"));
    }
    for hours in &routing.hours {
        arbiter_policy::hours::check(hours).map_err(ApiFailure::unprocessable)?;
    }
    Ok(())
}

/// Puts a new version of the policies in force.
pub async fn replace(m: &mut Mutation, update: &PolicyUpdate) -> Result<PolicySet, ApiFailure> {
    validate(update)?;
    let current = reads::policy(&mut m.tx).await?;
    let current = m.at_base(current)?;
    let next = PolicySet {
        version: current.version + 1,
        sla: update.sla.clone(),
        escalation: update.escalation.clone(),
        risk: update.risk.clone(),
        routing: update.routing.clone().unwrap_or_else(|| current.routing.clone()),
        actions: update.actions.clone().unwrap_or_else(|| current.actions.clone()),
        disputes: update.disputes.clone().unwrap_or_else(|| current.disputes.clone()),
        alerts: update.alerts.clone().unwrap_or_else(|| current.alerts.clone()),
        updated_by: Some(m.caller.id()),
        updated_at: m.now,
    };
    put_policy(&mut m.tx, &next).await?;
    m.audit("policy.replace", "policy", next.version, Some(&current), Some(&next)).await?;
    Ok(next)
}
