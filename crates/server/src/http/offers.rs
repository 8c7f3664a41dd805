//! What the router offers an agent, and their answer.

use arbiter_contract::{ApiError, Offer, SeenUpTo};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use super::extract::{Body, Id, IdempotencyKey};
use crate::auth::Caller;
use crate::domain::routing;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// The caller's offers still waiting for an answer.
#[utoipa::path(get, path = "/v1/me/offers", tag = "session", security(("bearer" = [])),
    responses((status = 200, body = Vec<Offer>), (status = 401, body = ApiError)))]
pub async fn my_offers(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<Offer>>, ApiFailure> {
    Ok(Json(routing::open_offers(&state, caller.id()).await?))
}

/// Takes the offered conversation: it is the caller's, and the customer hears they joined.
#[utoipa::path(post, path = "/v1/offers/{id}/accept", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    responses((status = 200, body = Offer), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "offer.accept").on(id);
    let response = Mutation::run(&state, write, StatusCode::OK, async |m| routing::accept(m, id).await).await;
    state.wake_router();
    response
}

/// Passes on the offered conversation: it goes to the next agent, never back to the caller.
#[utoipa::path(post, path = "/v1/offers/{id}/decline", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    responses((status = 200, body = Offer), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn decline(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "offer.decline").on(id);
    let response = Mutation::run(&state, write, StatusCode::OK, async |m| routing::decline(m, id).await).await;
    state.wake_router();
    response
}

/// The agent has seen the chat's messages up to this one: the customer's widget shows them
/// as read. Marks only move forward.
#[utoipa::path(post, path = "/v1/tickets/{id}/seen", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body = SeenUpTo,
    responses((status = 204), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn seen(
    State(state): State<AppState>,
    caller: Caller,
    Id(ticket_id): Id,
    Body(body): Body<SeenUpTo>,
) -> Result<StatusCode, ApiFailure> {
    routing::seen(&state, &caller, ticket_id, body.up_to).await?;
    Ok(StatusCode::NO_CONTENT)
}
