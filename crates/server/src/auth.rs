//! Bearer-token authentication: one token per agent, stored hashed.

use arbiter_contract::Agent;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::ApiFailure;
use crate::store::{agent_by_id, token_hash};
use crate::AppState;

/// The agent the request's bearer token belongs to. Handlers that take it answer 401 to
/// requests without a valid token.
#[derive(Debug, Clone)]
pub struct Caller(pub Agent);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header =
            parts.headers.get(AUTHORIZATION).ok_or_else(|| ApiFailure::unauthorized("missing bearer token"))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiFailure::unauthorized("the Authorization header must be `Bearer <token>`"))?;
        let mut conn = state.pool.acquire().await?;
        let agent_id: Option<i64> = sqlx::query_scalar("SELECT agent_id FROM agent_tokens WHERE token_sha256 = ?")
            .bind(token_hash(token))
            .fetch_optional(&mut *conn)
            .await?;
        let agent_id = agent_id.ok_or_else(|| ApiFailure::unauthorized("unknown or revoked token"))?;
        let agent = agent_by_id(&mut conn, agent_id)
            .await?
            .ok_or_else(|| ApiFailure::unauthorized("the token's agent no longer exists"))?;
        Ok(Caller(agent))
    }
}
