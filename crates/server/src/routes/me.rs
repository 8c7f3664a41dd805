use arbiter_contract::Agent;
use axum::Json;

use crate::auth::Caller;

/// `GET /v1/me`: who the token belongs to. Clients call it to check a token at sign-in.
pub async fn me(Caller(agent): Caller) -> Json<Agent> {
    Json(agent)
}
