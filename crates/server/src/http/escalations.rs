use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::extract::{text_field, Body, Id, IdempotencyKey, IfMatch};
use crate::http::tickets::visible_ticket;
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::{put_escalation, put_ticket};
use crate::store::{next_id, reads, Scope};
use crate::AppState;

async fn visible_escalation(
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

/// Raises a ticket up the escalation matrix by hand; its target is told at once.
#[utoipa::path(post, path = "/v1/tickets/{id}/escalations", tag = "escalations", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = Escalate,
    responses((status = 201, body = Escalation), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn escalate(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<Escalate>,
) -> Result<Response, ApiFailure> {
    let detail = text_field(&body.detail, "the reason's detail", 2_000)?;
    if body.level == EscalationLevel::L0 {
        return Err(ApiFailure::bad_request("escalate to L1 or above"));
    }
    let print = fingerprint("escalate", &[&ticket_id.to_string(), &serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let ticket = visible_ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let target_team = body.target_team.clone().unwrap_or_else(|| ticket.queue.clone());
    if reads::team(&mut m.tx, &target_team).await?.is_none() {
        return Err(ApiFailure::bad_request(format!("team {target_team:?} does not exist")));
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
    let mut next = ticket.clone();
    next.escalation_level = next.escalation_level.max(body.level);
    next.updated_at = m.now;
    next.version += 1;
    put_ticket(&mut m.tx, &next).await?;
    put_escalation(&mut m.tx, &escalation, Some(&next)).await?;
    m.audit("escalation.create", "escalation", escalation.id, None, Some(&escalation)).await?;
    m.publish(
        StreamPayload::Escalation { escalation: escalation.clone() },
        vec![Scope::of_escalation(&escalation, Some(&next))],
    );
    m.finish(&state, StatusCode::CREATED, &escalation).await
}

/// Takes an escalation: it stops ringing for everyone else. Taking one that someone else
/// already took answers 409 with who did.
#[utoipa::path(post, path = "/v1/escalations/{id}/acknowledge", tag = "escalations", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Escalation), (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let print = fingerprint("escalation.ack", &[&id.to_string(), &base.to_string()]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let (escalation, ticket) = visible_escalation(&mut m.tx, &m.caller, id).await?;
    if escalation.version != base || escalation.status != EscalationStatus::Open {
        return Err(ApiFailure::conflict(
            Entity::Escalation(escalation.clone()),
            format!("escalation {id} was already {:?} (version {})", escalation.status, escalation.version),
        ));
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
    m.finish(&state, StatusCode::OK, &next).await
}
