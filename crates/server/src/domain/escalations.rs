//! The escalation matrix by hand: raising a ticket, and taking an escalation.

use arbiter_contract::*;

use super::{access, input};
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::entities::{put_escalation, put_ticket};
use crate::store::{next_id, reads, Scope};

pub const DETAIL_MAX: usize = 2_000;

impl Versioned for Escalation {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, _base: i64) -> ApiFailure {
        ApiFailure::conflict(
            Entity::Escalation(self.clone()),
            format!("escalation {} was already {:?} (version {})", self.id, self.status, self.version),
        )
    }
}

/// Raises a ticket up the escalation matrix; its target is told at once.
pub async fn escalate(m: &mut Mutation, ticket_id: i64, body: &Escalate) -> Result<Escalation, ApiFailure> {
    let detail = input::text_field(&body.detail, "the reason's detail", DETAIL_MAX)?;
    if body.level == EscalationLevel::L0 {
        return Err(ApiFailure::bad_request("escalate to L1 or above"));
    }
    let ticket = access::ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let target_team = body.target_team.clone().unwrap_or_else(|| ticket.queue.clone());
    if reads::team(&mut m.tx, &target_team).await?.is_none() {
        return Err(ApiFailure::unprocessable(format!("team {target_team:?} does not exist")));
    }
    let escalation = Escalation {
        id: next_id(&mut m.tx, "escalations").await?,
        ticket_id: Some(ticket_id),
        case_id: ticket.case_id,
        customer_id: Some(ticket.customer_id),
        level: body.level,
        reason: body.reason,
        detail,
        target_team,
        target_agent_id: None,
        status: EscalationStatus::Open,
        raised_by: Some(m.caller.id()),
        acknowledged_by: None,
        acknowledged_at: None,
        created_at: m.now,
        updated_at: m.now,
        version: 1,
    };
    let mut next = super::tickets::touched(&ticket, m.now);
    next.escalation_level = next.escalation_level.max(body.level);
    put_ticket(&mut m.tx, &next).await?;
    put_escalation(&mut m.tx, &escalation, Some(&next)).await?;
    m.audit("escalation.create", "escalation", escalation.id, None, Some(&escalation)).await?;
    m.publish(
        StreamPayload::Escalation { escalation: escalation.clone() },
        vec![Scope::of_escalation(&escalation, Some(&next))],
    );
    Ok(escalation)
}

/// Takes an escalation: it stops ringing for everyone else. One someone else already took
/// answers 409 with who did.
pub async fn acknowledge(m: &mut Mutation, id: i64) -> Result<Escalation, ApiFailure> {
    let (escalation, ticket) = access::escalation(&mut m.tx, &m.caller, id).await?;
    let escalation = m.at_base(escalation)?;
    if escalation.status != EscalationStatus::Open {
        return Err(escalation.stale(escalation.version));
    }
    let mut next = escalation.clone();
    next.status = EscalationStatus::Acknowledged;
    next.acknowledged_by = Some(m.caller.id());
    next.acknowledged_at = Some(m.now);
    next.updated_at = m.now;
    next.version += 1;
    put_escalation(&mut m.tx, &next, ticket.as_ref()).await?;
    m.audit("escalation.acknowledge", "escalation", id, Some(&escalation), Some(&next)).await?;
    m.publish(
        StreamPayload::Escalation { escalation: next.clone() },
        vec![Scope::of_escalation(&next, ticket.as_ref())],
    );
    Ok(next)
}
