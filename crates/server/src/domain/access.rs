//! Who sees what: an entity outside the caller's scope answers 404, exactly like one that
//! does not exist, so scope never reveals what exists.

use arbiter_contract::*;
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::{handovers, reads, Scope};

/// The ticket if the caller may see it (its queue or assignee).
pub async fn ticket(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Ticket, ApiFailure> {
    match reads::ticket(conn, id).await? {
        Some(ticket) if caller.vis.sees_ticket(&ticket.queue, ticket.assignee_id) => Ok(ticket),
        _ => Err(ApiFailure::not_found(format!("ticket {id} does not exist"))),
    }
}

/// The case if the caller sees it (its queue or assignee, or any of its tickets).
pub async fn case(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Case, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("case {id} does not exist"));
    let case = reads::case(conn, id).await?.ok_or_else(not_found)?;
    if caller.vis.sees(&Scope::of_case(&case)) {
        return Ok(case);
    }
    for ticket_id in &case.ticket_ids {
        if let Some(ticket) = reads::ticket(conn, *ticket_id).await? {
            if caller.vis.sees_ticket(&ticket.queue, ticket.assignee_id) {
                return Ok(case);
            }
        }
    }
    Err(not_found())
}

/// The escalation (and its ticket) if the caller sees it.
pub async fn escalation(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(Escalation, Option<Ticket>), ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("escalation {id} does not exist"));
    let escalation = reads::escalation(conn, id).await?.ok_or_else(not_found)?;
    let ticket = match escalation.ticket_id {
        Some(ticket_id) => reads::ticket(conn, ticket_id).await?,
        None => None,
    };
    if !caller.vis.sees(&Scope::of_escalation(&escalation, ticket.as_ref())) {
        return Err(not_found());
    }
    Ok((escalation, ticket))
}

/// The report if the caller sees it (its investigator, compliance, their leads).
pub async fn sar(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Sar, ApiFailure> {
    match reads::sar(conn, id).await? {
        Some(sar) if caller.vis.sees(&Scope::of_sar(&sar)) => Ok(sar),
        _ => Err(ApiFailure::not_found(format!("report {id} does not exist"))),
    }
}

/// The document if the caller sees its case, or (with no case) uploaded it or is a supervisor.
pub async fn document(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Document, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("document {id} does not exist"));
    let document = reads::document(conn, id).await?.ok_or_else(not_found)?;
    let visible = match document.case_id {
        Some(case_id) => case(conn, caller, case_id).await.is_ok(),
        None => document.uploaded_by == caller.id() || caller.is_supervisor(),
    };
    if visible {
        Ok(document)
    } else {
        Err(not_found())
    }
}

/// The handover if it is of a team the caller leads.
pub async fn handover(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Handover, ApiFailure> {
    match handovers::handover(conn, id).await? {
        Some(handover) if caller.vis.teams.contains(&handover.team) => Ok(handover),
        _ => Err(ApiFailure::not_found(format!("handover {id} does not exist"))),
    }
}

/// The side conversation and its ticket, if the caller sees the ticket.
pub async fn side_conversation(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(SideConversation, Ticket), ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("side conversation {id} does not exist"));
    let side = reads::side_conversation(conn, id).await?.ok_or_else(not_found)?;
    let ticket = ticket(conn, caller, side.ticket_id).await.map_err(|_| not_found())?;
    Ok((side, ticket))
}

/// The customer if the caller sees any of their tickets.
pub async fn customer(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Customer, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("customer {id} does not exist"));
    let customer = reads::customer(conn, id).await?.ok_or_else(not_found)?;
    if !caller.vis.sees_customer(conn, id).await? {
        return Err(not_found());
    }
    Ok(customer)
}
