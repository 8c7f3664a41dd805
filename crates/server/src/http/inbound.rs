//! The channel gateway's routes: customers' messages and typing, and internal teams'
//! answers, as the company's chat widget, mail gateway and team tools deliver them.

use arbiter_contract::{ApiError, InboundMessage, InboundSideMessage, Message, SideMessage, Typing};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::extract::{Body, Id};
use crate::auth::Gateway;
use crate::domain::inbound;
use crate::error::ApiFailure;
use crate::AppState;

/// The customer wrote on a ticket (chat message or email reply).
#[utoipa::path(post, path = "/v1/inbound/tickets/{id}/messages", tag = "gateway", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body = InboundMessage,
    responses((status = 201, body = Message), (status = 400, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub async fn customer_message(
    State(state): State<AppState>,
    _gateway: Gateway,
    Id(ticket_id): Id,
    Body(body): Body<InboundMessage>,
) -> Result<Response, ApiFailure> {
    let message = inbound::receive_customer_message(&state, ticket_id, &body).await?;
    Ok((StatusCode::CREATED, Json(message)).into_response())
}

/// The customer started or stopped typing in a chat; sent live, never stored.
#[utoipa::path(post, path = "/v1/inbound/tickets/{id}/typing", tag = "gateway", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body = Typing,
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn customer_typing(
    State(state): State<AppState>,
    _gateway: Gateway,
    Id(ticket_id): Id,
    Body(body): Body<Typing>,
) -> Result<StatusCode, ApiFailure> {
    inbound::receive_customer_typing(&state, ticket_id, body.typing).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An internal team answered in a side conversation.
#[utoipa::path(post, path = "/v1/inbound/side-conversations/{id}/messages", tag = "gateway", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body = InboundSideMessage,
    responses((status = 201, body = SideMessage), (status = 400, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub async fn team_message(
    State(state): State<AppState>,
    _gateway: Gateway,
    Id(side_id): Id,
    Body(body): Body<InboundSideMessage>,
) -> Result<Response, ApiFailure> {
    let message = inbound::receive_team_message(&state, side_id, &body).await?;
    Ok((StatusCode::CREATED, Json(message)).into_response())
}
