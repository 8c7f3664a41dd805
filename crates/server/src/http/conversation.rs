//! Writing on a ticket: replies to the customer, internal notes, side conversations with
//! internal teams, and the typing indicator.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::Caller;
use crate::domain;
use crate::error::ApiFailure;
use crate::http::extract::{text_field, Body, Id, IdempotencyKey};
use crate::http::tickets::visible_ticket;
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::{put_message, put_note, put_side_conversation, put_side_message, put_ticket};
use crate::store::{next_id, reads, Scope};
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
    let text = text_field(&body.body, "the reply", REPLY_MAX_CHARS)?;
    let print = fingerprint("ticket.reply", &[&ticket_id.to_string(), &text]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let ticket = visible_ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let id = next_id(&mut m.tx, "messages").await?;
    let message = domain::agent_message(id, &ticket, &m.caller.agent, &text, m.now, Some(m_key(&m)));
    let next = domain::after_agent_reply(&ticket, m.caller.id(), m.now);
    // The ticket may gain an assignee; its messages then belong to the new scope.
    crate::store::rescope::write_ticket(&mut m.tx, &ticket, &next).await?;
    put_message(&mut m.tx, &message, &Scope::of_ticket(&next)).await?;
    m.audit("ticket.reply", "message", id, None, Some(&message)).await?;
    m.publish(
        StreamPayload::MessageCreated { message: message.clone(), ticket: Some(Box::new(next.clone())) },
        vec![Scope::of_ticket(&next)],
    );
    if ticket.assignee_id != next.assignee_id {
        m.publish(StreamPayload::Assignment { ticket: next.clone() }, vec![Scope::of_ticket(&next)]);
    }
    m.finish(&state, StatusCode::CREATED, &message).await
}

fn m_key(m: &Mutation) -> String {
    m.key().to_owned()
}

/// An internal note, for agents only.
#[utoipa::path(post, path = "/v1/tickets/{id}/notes", tag = "tickets", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = PostNote,
    responses((status = 201, body = Note), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn note(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(ticket_id): Id,
    Body(body): Body<PostNote>,
) -> Result<Response, ApiFailure> {
    let text = text_field(&body.body, "the note", REPLY_MAX_CHARS)?;
    let print = fingerprint("ticket.note", &[&ticket_id.to_string(), &text]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let ticket = visible_ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let note = Note {
        id: next_id(&mut m.tx, "notes").await?,
        ticket_id,
        author_agent_id: m.caller.id(),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m_key(&m)),
    };
    put_note(&mut m.tx, &note, &Scope::of_ticket(&ticket)).await?;
    let mut touched = ticket.clone();
    touched.updated_at = m.now;
    touched.version += 1;
    put_ticket(&mut m.tx, &touched).await?;
    m.audit("ticket.note", "note", note.id, None, Some(&note)).await?;
    m.finish(&state, StatusCode::CREATED, &note).await
}

const INTERNAL_TEAMS_HINT: &str = "product, marketing, compliance, risk or payments";

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
    let subject = text_field(&body.subject, "the subject", 300)?;
    let text = text_field(&body.body, "the message", REPLY_MAX_CHARS)?;
    let print = fingerprint("side.create", &[&ticket_id.to_string(), &body.team, &subject, &text]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    match reads::team(&mut m.tx, &body.team).await? {
        Some(team) if team.kind == TeamKind::Internal => {}
        _ => return Err(ApiFailure::bad_request(format!("side conversations go to {INTERNAL_TEAMS_HINT}"))),
    }
    let ticket = visible_ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let side = SideConversation {
        id: next_id(&mut m.tx, "side_conversations").await?,
        ticket_id,
        team: body.team.clone(),
        subject,
        status: SideConversationStatus::Open,
        created_by: m.caller.id(),
        created_at: m.now,
        updated_at: m.now,
        version: 1,
    };
    let first = SideMessage {
        id: next_id(&mut m.tx, "side_messages").await?,
        side_conversation_id: side.id,
        ticket_id,
        author_agent_id: Some(m.caller.id()),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m_key(&m)),
    };
    let scope = Scope::of_ticket(&ticket);
    put_side_conversation(&mut m.tx, &side, &scope).await?;
    put_side_message(&mut m.tx, &first, &scope).await?;
    let mut next = ticket.clone();
    if next.status.is_active() {
        next.sla = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, TicketStatus::OnHold, m.now);
        next.status = TicketStatus::OnHold;
    }
    next.updated_at = m.now;
    next.version += 1;
    put_ticket(&mut m.tx, &next).await?;
    m.audit("side_conversation.create", "side_conversation", side.id, None, Some(&side)).await?;
    m.publish(StreamPayload::SideMessageCreated { conversation: side.clone(), message: first }, vec![scope]);
    m.finish(&state, StatusCode::CREATED, &side).await
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
    let text = text_field(&body.body, "the message", REPLY_MAX_CHARS)?;
    let print = fingerprint("side.message", &[&side_id.to_string(), &text, &body.close.to_string()]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let side = reads::side_conversation(&mut m.tx, side_id)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("side conversation {side_id} does not exist")))?;
    let ticket = visible_ticket(&mut m.tx, &m.caller, side.ticket_id)
        .await
        .map_err(|_| ApiFailure::not_found(format!("side conversation {side_id} does not exist")))?;
    let scope = Scope::of_ticket(&ticket);
    let message = SideMessage {
        id: next_id(&mut m.tx, "side_messages").await?,
        side_conversation_id: side_id,
        ticket_id: ticket.id,
        author_agent_id: Some(m.caller.id()),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m_key(&m)),
    };
    put_side_message(&mut m.tx, &message, &scope).await?;
    let mut next = side.clone();
    next.updated_at = m.now;
    next.version += 1;
    if body.close {
        next.status = SideConversationStatus::Closed;
    }
    put_side_conversation(&mut m.tx, &next, &scope).await?;
    m.audit("side_conversation.message", "side_message", message.id, None, Some(&message)).await?;
    m.publish(StreamPayload::SideMessageCreated { conversation: next, message: message.clone() }, vec![scope]);
    m.finish(&state, StatusCode::CREATED, &message).await
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
    let mut conn = state.db.pool.acquire().await?;
    let ticket = visible_ticket(&mut conn, &caller, ticket_id).await?;
    state.hub.publish(
        StreamPayload::Typing {
            ticket_id,
            typist: arbiter_contract::stream::Typist::Agent,
            agent_id: Some(caller.id()),
            typing: body.typing,
        },
        vec![Scope::of_ticket(&ticket)],
    );
    Ok(StatusCode::NO_CONTENT)
}
