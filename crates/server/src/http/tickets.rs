//! Tickets: one with everything said on it, and changes to one or many.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::auth::{Caller, Supervisor};
use crate::domain::{new_email, tickets};
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{etag, Mutation, Write};
use crate::AppState;

/// A ticket with its customer and everything said on it. `ETag` is its version.
#[utoipa::path(get, path = "/v1/tickets/{id}", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = TicketDetail), (status = 404, body = ApiError), (status = 401, body = ApiError)))]
pub async fn ticket(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let detail = tickets::detail(&mut conn, &caller, id).await?;
    let version = detail.ticket.version;
    let mut response = Json(detail).into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    Ok(response)
}

/// The agent writes first: a new email conversation with a customer, in one of the agent's
/// queues and assigned to them, mailed from the queue's mailbox. Replaying the same
/// `Idempotency-Key` returns the first answer and never opens or mails it twice.
#[utoipa::path(post, path = "/v1/tickets", tag = "tickets", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = StartEmailConversation,
    responses((status = 201, body = StartedConversation), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn start_email(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<StartEmailConversation>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.start_email").body(&body)?;
    let mail = state.mail.clone();
    Mutation::run(&state, write, StatusCode::CREATED, async |m| new_email::start(m, &body, mail.as_deref()).await).await
}

/// Changes status, priority, assignee, queue or tags. `If-Match` carries the version the
/// change was made on; a stale one gets 409 with the ticket as it is now.
#[utoipa::path(patch, path = "/v1/tickets/{id}", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header, description = "Base version")),
    request_body = TicketUpdate,
    responses((status = 200, body = Ticket), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 428, body = ApiError)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(update): Body<TicketUpdate>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.update").on(id).base(base).body(&update)?;
    Mutation::run_tagged(&state, write, StatusCode::OK, async |m| tickets::update(m, id, &update).await).await
}

/// Supervisors: one update applied to many tickets, each at its current version.
#[utoipa::path(post, path = "/v1/tickets/bulk", tag = "supervisor", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = BulkTicketUpdate,
    responses((status = 200, body = BulkTicketResult), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn bulk_update(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    Body(bulk): Body<BulkTicketUpdate>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.bulk").body(&bulk)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| tickets::bulk_update(m, &bulk).await).await
}
