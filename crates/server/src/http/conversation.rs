//! Writing on a ticket: replies to the customer, internal notes, side conversations with
//! internal teams, and the typing indicator.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::Caller;
use crate::domain::{conversation, forwards};
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Answers the customer. Replaying the same `Idempotency-Key` returns the first answer and
/// never posts twice.
#[utoipa::path(post, path = "/v1/tickets/{id}/replies", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = PostReply,
    responses((status = 201, body = Message), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn reply(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<PostReply>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.reply").on(ticket_id).body(&(body.body.trim(), &body.attachments))?;
    let mail = state.mail.clone();
    Mutation::run(&state, write, StatusCode::CREATED, async |m| {
        conversation::reply(m, ticket_id, &body, mail.as_deref()).await
    })
    .await
}

/// An internal note, for agents only.
#[utoipa::path(post, path = "/v1/tickets/{id}/notes", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = PostNote,
    responses((status = 201, body = Note), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 413, body = ApiError), (status = 422, body = ApiError)))]
pub async fn note(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<PostNote>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.note").on(ticket_id).body(&(body.body.trim(), &body.attachments))?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| conversation::note(m, ticket_id, &body).await).await
}

/// Opens a thread with an internal team about the ticket; the ticket goes on hold.
#[utoipa::path(post, path = "/v1/tickets/{id}/side-conversations", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = CreateSideConversation,
    responses((status = 201, body = SideConversation), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn create_side_conversation(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<CreateSideConversation>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "side.create").on(ticket_id).body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| {
        conversation::create_side_conversation(m, ticket_id, &body).await
    })
    .await
}

/// Writes in a side conversation (optionally closing it).
#[utoipa::path(post, path = "/v1/side-conversations/{id}/messages", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = PostSideMessage,
    responses((status = 201, body = SideMessage), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn side_message(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(side_id): Id,
    Body(body): Body<PostSideMessage>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "side.message").on(side_id).body(&body)?;
    let mail = state.mail.clone();
    Mutation::run(&state, write, StatusCode::CREATED, async |m| {
        conversation::side_message(m, side_id, &body, mail.as_deref()).await
    })
    .await
}

/// Forwards one of the ticket's messages, with its files, by email to someone outside (a
/// bank, a card network): a side conversation by email, out of the customer's sight, whose
/// answers join it. Replaying the same `Idempotency-Key` never forwards twice.
#[utoipa::path(post, path = "/v1/tickets/{id}/forwards", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = ForwardMessage,
    responses((status = 201, body = SideConversation), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn forward(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<ForwardMessage>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "ticket.forward").on(ticket_id).body(&body)?;
    let mail = state.mail.clone();
    Mutation::run(&state, write, StatusCode::CREATED, async |m| {
        forwards::forward(m, ticket_id, &body, mail.as_deref()).await
    })
    .await
}

/// The agent started or stopped typing on a ticket; sent live, never stored.
#[utoipa::path(post, path = "/v1/tickets/{id}/typing", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path)),
    request_body = Typing,
    responses((status = 204), (status = 404, body = ApiError)))]
pub async fn typing(
    State(state): State<AppState>,
    caller: Caller,
    Id(ticket_id): Id,
    Body(body): Body<Typing>,
) -> Result<StatusCode, ApiFailure> {
    conversation::typing(&state, &caller, ticket_id, body.typing).await?;
    Ok(StatusCode::NO_CONTENT)
}
