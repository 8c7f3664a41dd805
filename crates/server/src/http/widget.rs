//! The chat widget's routes (`/widget/v1/…`): what a customer's browser calls. Kept apart
//! from the agents' API: its own guard (origin and rate), its own token (one chat's), and
//! answers shaped for the customer's eyes only.

use std::convert::Infallible;
use std::time::Duration;

use arbiter_contract::widget::*;
use arbiter_contract::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures::Stream;
use tokio::sync::broadcast::error::RecvError;

use super::extract::{Body, Params};
use crate::auth::bearer;
use crate::domain::widget;
use crate::error::ApiFailure;
use crate::http::documents::file_body_refused;
use crate::http::file_download::{self, Download};
use crate::store::widget::WidgetChat;
use crate::AppState;

/// The chat the request's `Authorization: Bearer <chat token>` speaks for.
pub struct ChatToken(pub WidgetChat);

impl FromRequestParts<AppState> for ChatToken {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token =
            bearer(parts).ok_or_else(|| ApiFailure::unauthorized("send the chat's token as `Bearer <token>`"))?;
        widget::chat_of_token(state, token).await.map(ChatToken)
    }
}

/// What the pre-chat form offers, and which topics someone can chat about now.
#[utoipa::path(get, path = "/widget/v1/settings", tag = "widget",
    responses((status = 200, body = WidgetSettings), (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn settings(State(state): State<AppState>) -> Result<Json<WidgetSettings>, ApiFailure> {
    Ok(Json(widget::settings(&state).await?))
}

/// Starts a chat from the pre-chat form. The answer's token speaks for this chat only;
/// keep it for the page's session.
#[utoipa::path(post, path = "/widget/v1/chats", tag = "widget",
    request_body = StartChat,
    responses((status = 201, body = ChatSession), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn start(State(state): State<AppState>, Body(body): Body<StartChat>) -> Result<Response, ApiFailure> {
    let session = widget::start(&state, &body).await?;
    Ok((StatusCode::CREATED, Json(session)).into_response())
}

/// Leaves a message when nobody can chat: it becomes an email conversation.
#[utoipa::path(post, path = "/widget/v1/messages", tag = "widget",
    request_body = LeaveMessage,
    responses((status = 201, body = MessageLeft), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn leave_message(
    State(state): State<AppState>,
    Body(body): Body<LeaveMessage>,
) -> Result<Response, ApiFailure> {
    let left = widget::leave_message(&state, &body).await?;
    Ok((StatusCode::CREATED, Json(left)).into_response())
}

/// The chat as the customer sees it (after a reload: everything, or after `after`).
#[utoipa::path(get, path = "/widget/v1/chat", tag = "widget", security(("chat_token" = [])),
    params(ChatQuery),
    responses((status = 200, body = ChatState), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn chat(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Params(query): Params<ChatQuery>,
) -> Result<Json<ChatState>, ApiFailure> {
    Ok(Json(widget::chat_state(&state, &chat, query.after).await?))
}

fn sse(event: &WidgetEvent) -> Event {
    Event::default().event(event.name()).data(serde_json::to_string(event).expect("widget events serialize"))
}

/// The chat live (server-sent events). It opens with `state` (the messages after `after`),
/// then messages, typing, the agent joining, read marks and the end as they happen. A
/// message can come both in `state` and live: its id tells.
#[utoipa::path(get, path = "/widget/v1/chat/events", tag = "widget", security(("chat_token" = [])),
    params(ChatQuery),
    responses((status = 200, content_type = "text/event-stream", body = WidgetEvent), (status = 400, body = ApiError),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn events(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Params(query): Params<ChatQuery>,
    peer: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiFailure> {
    // Subscribed before the state is read, so nothing falls between the two.
    let address = peer.map(|p| p.0 .0.ip());
    let (mut receiver, slot) =
        state.hub.widgets.open_stream(chat.ticket_id, address, state.widget.streams_per_address).map_err(
            |too_many| {
                tracing::info!(?too_many, chat = chat.ticket_id, "a widget stream was refused");
                ApiFailure::rate_limited(30)
            },
        )?;
    let first = widget::chat_state(&state, &chat, query.after).await?;
    widget::still_here(&state, chat.ticket_id).await;
    let events = async_stream::stream! {
        let _slot = slot; // the address's place, held while the stream is open
        yield Ok(sse(&WidgetEvent::State { state: first }));
        let mut heartbeat = tokio::time::interval(crate::domain::routing::WIDGET_HEARTBEAT);
        heartbeat.tick().await; // the first tick is now: said above
        loop {
            let received = tokio::select! {
                received = receiver.recv() => received,
                _ = heartbeat.tick() => {
                    widget::still_here(&state, chat.ticket_id).await;
                    continue;
                }
            };
            match received {
                Ok(event) => yield Ok(sse(&event)),
                // Fell behind: send the chat again (the widget drops what it has).
                Err(RecvError::Lagged(_)) => {
                    // The chat as it is now (its read mark and "no agent" too, not as it was
                    // when the stream opened).
                    if let Ok(again) = widget::chat_state_now(&state, chat.ticket_id).await {
                        yield Ok(sse(&WidgetEvent::State { state: again }));
                    }
                }
                Err(RecvError::Closed) => break,
            }
        }
    };
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)).text("keep-alive")))
}

/// Writes in the chat. 201 with the stored message; sent again with the same `client_id`,
/// 200 with the message stored the first time.
#[utoipa::path(post, path = "/widget/v1/chat/messages", tag = "widget", security(("chat_token" = [])),
    request_body = SendChatMessage,
    responses((status = 200, body = WidgetMessage), (status = 201, body = WidgetMessage), (status = 400, body = ApiError),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 429, body = ApiError)))]
pub async fn send(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Body(body): Body<SendChatMessage>,
) -> Result<Response, ApiFailure> {
    let (message, new) = widget::send(&state, &chat, &body).await?;
    Ok((if new { StatusCode::CREATED } else { StatusCode::OK }, Json(message)).into_response())
}

/// Sends a file (a picture or a PDF, at most 25 MB) as a message of its own.
#[utoipa::path(post, path = "/widget/v1/chat/files", tag = "widget", security(("chat_token" = [])),
    params(ChatFileUpload),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file"),
    responses((status = 200, body = WidgetMessage), (status = 201, body = WidgetMessage), (status = 400, body = ApiError),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 409, body = ApiError),
              (status = 413, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn send_file(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Params(query): Params<ChatFileUpload>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiFailure> {
    let body = body.map_err(|r| file_body_refused(r, "a file", widget::WIDGET_FILE_MAX_BYTES))?;
    let (message, new) = widget::send_file(&state, &chat, &query.client_id, &query.name, &body).await?;
    Ok((if new { StatusCode::CREATED } else { StatusCode::OK }, Json(message)).into_response())
}

/// A file of this chat (the customer's own, or one the agent sent). Always a download.
#[utoipa::path(get, path = "/widget/v1/chat/files/{sha256}", tag = "widget", security(("chat_token" = [])),
    params(("sha256" = String, Path, description = "The file's SHA-256, hex (lower-case)")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 429, body = ApiError)))]
pub async fn file(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Path(sha256): Path<String>,
) -> Result<Response, ApiFailure> {
    let (content_type, stored) = widget::file(&state, &chat, &sha256).await?;
    let how =
        Download { content_type: &content_type, disposition: "attachment", cache_control: "private, max-age=3600" };
    file_download::response(&state.db.pool, &sha256, stored, how)
}

/// The customer started or stopped typing (live to the agent, never stored).
#[utoipa::path(post, path = "/widget/v1/chat/typing", tag = "widget", security(("chat_token" = [])),
    request_body = CustomerTyping,
    responses((status = 204), (status = 400, body = ApiError), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 429, body = ApiError)))]
pub async fn typing(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Body(body): Body<CustomerTyping>,
) -> Result<StatusCode, ApiFailure> {
    widget::typing(&state, &chat, body.typing).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The customer ends the chat (ending an ended chat changes nothing).
#[utoipa::path(post, path = "/widget/v1/chat/end", tag = "widget", security(("chat_token" = [])),
    responses((status = 204), (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 429, body = ApiError)))]
pub async fn end(State(state): State<AppState>, ChatToken(chat): ChatToken) -> Result<StatusCode, ApiFailure> {
    widget::end(&state, &chat).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Emails the ended chat's transcript to the chat's address (once, however often asked).
#[utoipa::path(post, path = "/widget/v1/chat/transcript", tag = "widget", security(("chat_token" = [])),
    responses((status = 202, body = TranscriptRequested), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn transcript(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
) -> Result<(StatusCode, Json<TranscriptRequested>), ApiFailure> {
    Ok((StatusCode::ACCEPTED, Json(widget::transcript(&state, &chat).await?)))
}

/// Rates the ended chat, 1–5 with an optional comment (a new rating replaces the last).
#[utoipa::path(post, path = "/widget/v1/chat/rating", tag = "widget", security(("chat_token" = [])),
    request_body = RateChat,
    responses((status = 200, body = RateChat), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 409, body = ApiError), (status = 429, body = ApiError)))]
pub async fn rate(
    State(state): State<AppState>,
    ChatToken(chat): ChatToken,
    Body(body): Body<RateChat>,
) -> Result<Json<RateChat>, ApiFailure> {
    let csat = widget::rate(&state, &chat, &body).await?;
    Ok(Json(RateChat { score: csat.score, comment: csat.comment }))
}
