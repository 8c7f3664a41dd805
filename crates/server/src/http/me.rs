//! Who is calling, and their presence.

use arbiter_contract::{Agent, ApiError, SetPresence};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::Caller;
use crate::domain::presence;
use crate::error::ApiFailure;
use crate::http::extract::{Body, IdempotencyKey};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Who the token belongs to. Clients call it to check a token at sign-in.
#[utoipa::path(get, path = "/v1/me", tag = "session", security(("bearer" = [])),
    responses((status = 200, body = Agent), (status = 401, body = ApiError)))]
pub async fn me(caller: Caller) -> Json<Agent> {
    Json(caller.agent)
}

/// Sets the caller's presence (online, away, busy, offline); everyone sees it live.
#[utoipa::path(put, path = "/v1/me/presence", tag = "session", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = SetPresence,
    responses((status = 200, body = Agent), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
pub async fn set_presence(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<SetPresence>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "presence").body(&body)?;
    let response = Mutation::run(&state, write, StatusCode::OK, async |m| presence::set(m, &body).await).await;
    // Away or back: the router weighs the change at once.
    state.wake_router();
    response
}
