//! `POST /v1/tickets/{id}/replies`: an agent answers the customer.

use arbiter_contract::{
    AuthorKind, Channel, ErrorCode, Message, PostReply, TicketStatus, IDEMPOTENCY_KEY_HEADER, REPLY_MAX_CHARS,
};
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use crate::auth::Caller;
use crate::codec::text_to_email_html;
use crate::error::ApiFailure;
use crate::idempotency::{self, IdempotencyKey, Replay};
use crate::store::{put_message, put_ticket, ticket_by_id};
use crate::AppState;

pub async fn post_reply(
    State(state): State<AppState>,
    Caller(agent): Caller,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<PostReply>, JsonRejection>,
) -> Result<Response, ApiFailure> {
    let Path(ticket_id) = id?;
    let key = IdempotencyKey::from_headers(&headers)?;
    let Json(reply) = body?;
    let text = reply.body.trim();
    if text.is_empty() {
        return Err(ApiFailure::bad_request("the reply is empty"));
    }
    if text.chars().count() > REPLY_MAX_CHARS {
        return Err(ApiFailure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            format!("a reply may hold at most {REPLY_MAX_CHARS} characters"),
        ));
    }

    // BEGIN IMMEDIATE takes the write lock first, so two racing replays of one key cannot
    // both miss the stored result and post twice.
    let mut tx = state.pool.begin_with("BEGIN IMMEDIATE").await?;
    let fingerprint = idempotency::fingerprint(&[&ticket_id.to_string(), text]);
    match idempotency::lookup(&mut tx, agent.id, &key, &fingerprint).await? {
        Replay::Stored(response) => return Ok(response),
        Replay::Mismatch => {
            return Err(ApiFailure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::IdempotencyKeyReused,
                format!("the {IDEMPOTENCY_KEY_HEADER} was already used for a different request"),
            ))
        }
        Replay::New => {}
    }

    let mut ticket = ticket_by_id(&mut tx, ticket_id)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("ticket {ticket_id} does not exist")))?;
    let now = Utc::now();
    let html = (ticket.channel == Channel::Email).then(|| text_to_email_html(text));
    let message = put_message(
        &mut tx,
        &Message {
            id: 0,
            ticket_id,
            author_kind: AuthorKind::Agent,
            author_agent_id: Some(agent.id),
            author_name: agent.name.clone(),
            text: text.to_owned(),
            html,
            created_at: now,
            client_ref: Some(key.as_str().to_owned()),
        },
    )
    .await?;

    // Answering a new ticket opens it, and an unassigned ticket goes to whoever answers it.
    if ticket.status == TicketStatus::New {
        ticket.status = TicketStatus::Open;
    }
    ticket.assignee_id = ticket.assignee_id.or(Some(agent.id));
    ticket.updated_at = now;
    ticket.version += 1;
    put_ticket(&mut tx, &ticket).await?;

    let body = serde_json::to_string(&message)?;
    idempotency::store(&mut tx, agent.id, &key, &fingerprint, StatusCode::CREATED, &body).await?;
    tx.commit().await?;
    Ok(idempotency::json_response(StatusCode::CREATED, body).into_response())
}
