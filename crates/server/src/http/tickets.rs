use arbiter_contract::*;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sqlx::AnyConnection;

use crate::auth::{Caller, Supervisor};
use crate::domain;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{fingerprint, Mutation};
use crate::store::rescope::write_ticket;
use crate::store::{reads, Scope};
use crate::AppState;

/// The ticket if the caller may see it; 404 otherwise (the same answer as "no such ticket",
/// so scope does not leak what exists).
pub async fn visible_ticket(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Ticket, ApiFailure> {
    match reads::ticket(conn, id).await? {
        Some(ticket) if caller.vis.sees_ticket(&ticket.queue, ticket.assignee_id) => Ok(ticket),
        _ => Err(ApiFailure::not_found(format!("ticket {id} does not exist"))),
    }
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("a number is a valid header")
}

/// A ticket with its customer and everything said on it. `ETag` is its version.
#[utoipa::path(get, path = "/v1/tickets/{id}", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses((status = 200, body = TicketDetail), (status = 404, body = ApiError), (status = 401, body = ApiError)))]
pub async fn ticket(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let ticket = visible_ticket(&mut conn, &caller, id).await?;
    let customer = reads::customer(&mut conn, ticket.customer_id).await?.ok_or_else(ApiFailure::internal)?;
    let children = reads::ticket_children(&mut conn, id).await?;
    let version = ticket.version;
    let detail = TicketDetail {
        ticket,
        customer,
        messages: children.messages,
        notes: children.notes,
        side_conversations: children.side_conversations,
        side_messages: children.side_messages,
    };
    let mut response = Json(detail).into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    Ok(response)
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
    if update.is_empty() {
        return Err(ApiFailure::bad_request("the update changes nothing"));
    }
    let print = fingerprint("ticket.update", &[&id.to_string(), &base.to_string(), &serde_json::to_string(&update)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let ticket = visible_ticket(&mut m.tx, &m.caller, id).await?;
    if ticket.version != base {
        return Err(ApiFailure::conflict(
            Entity::Ticket(ticket.clone()),
            format!("ticket {id} changed since version {base}; it is at version {}", ticket.version),
        ));
    }
    let next = domain::update_ticket(&mut m.tx, &ticket, &update, m.now).await?;
    write_ticket(&mut m.tx, &ticket, &next).await?;
    m.audit("ticket.update", "ticket", id, Some(&ticket), Some(&next)).await?;
    if ticket.assignee_id != next.assignee_id || ticket.queue != next.queue {
        m.publish(
            StreamPayload::Assignment { ticket: next.clone() },
            vec![Scope::of_ticket(&ticket), Scope::of_ticket(&next)],
        );
    }
    let mut response = m.finish(&state, StatusCode::OK, &next).await?;
    response.headers_mut().insert(header::ETAG, etag(next.version));
    Ok(response)
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
    if bulk.update.is_empty() {
        return Err(ApiFailure::bad_request("the update changes nothing"));
    }
    if bulk.ticket_ids.is_empty() || bulk.ticket_ids.len() > 500 {
        return Err(ApiFailure::bad_request("give 1 to 500 ticket ids"));
    }
    let print = fingerprint("ticket.bulk", &[&serde_json::to_string(&bulk)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let mut result = BulkTicketResult { updated: Vec::new(), failed: Vec::new() };
    for &id in &bulk.ticket_ids {
        let ticket = match visible_ticket(&mut m.tx, &m.caller, id).await {
            Ok(ticket) => ticket,
            Err(failure) => {
                result.failed.push(BulkFailure { ticket_id: id, message: failure.body.message });
                continue;
            }
        };
        match domain::update_ticket(&mut m.tx, &ticket, &bulk.update, m.now).await {
            Ok(next) => {
                write_ticket(&mut m.tx, &ticket, &next).await?;
                m.audit("ticket.bulk_update", "ticket", id, Some(&ticket), Some(&next)).await?;
                if ticket.assignee_id != next.assignee_id || ticket.queue != next.queue {
                    m.publish(
                        StreamPayload::Assignment { ticket: next.clone() },
                        vec![Scope::of_ticket(&ticket), Scope::of_ticket(&next)],
                    );
                }
                result.updated.push(next);
            }
            Err(failure) => result.failed.push(BulkFailure { ticket_id: id, message: failure.body.message }),
        }
    }
    m.finish(&state, StatusCode::OK, &result).await
}
