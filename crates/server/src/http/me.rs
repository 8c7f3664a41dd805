use arbiter_contract::{Agent, ApiError, Entity, SetPresence, StreamPayload};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::extract::{Body, IdempotencyKey};
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::put_agent;
use crate::store::Scope;
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
    let print = fingerprint("presence", &[&serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let before = m.caller.agent.clone();
    let mut agent = before.clone();
    if agent.presence != body.presence {
        agent.presence = body.presence;
        agent.presence_since = m.now;
        put_agent(&mut m.tx, &agent).await?;
        m.audit("agent.presence", "agent", agent.id, Some(&Entity::Agent(before)), Some(&Entity::Agent(agent.clone())))
            .await?;
        m.publish(
            StreamPayload::Presence { agent_id: agent.id, presence: agent.presence, since: agent.presence_since },
            vec![Scope::global()],
        );
    }
    m.finish(&state, StatusCode::OK, &agent).await
}
