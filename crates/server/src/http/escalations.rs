//! The escalation matrix by hand: raising a ticket, taking an escalation.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::Caller;
use crate::domain::escalations;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{Mutation, Write};
use crate::AppState;

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
    let write = Write::new(caller, key, "escalate").on(ticket_id).body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| escalations::escalate(m, ticket_id, &body).await).await
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
    let write = Write::new(caller, key, "escalation.ack").on(id).base(base);
    Mutation::run(&state, write, StatusCode::OK, async |m| escalations::acknowledge(m, id).await).await
}
