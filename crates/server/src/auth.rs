//! Bearer-token authentication and the caller's scope: an agent's personal token (stored
//! hashed), or the company identity provider's access token when one is configured (`oidc`).

use arbiter_contract::{Agent, AgentRole};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::ApiFailure;
use crate::oidc::{OidcVerifier, TokenRefused};
use crate::store::entities::token_hash;
use crate::store::{reads, Visibility};
use crate::AppState;

/// The agent the request's bearer token belongs to, and what they may see. Handlers that
/// take it answer 401 to requests without a valid token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub agent: Agent,
    pub vis: Visibility,
}

impl Caller {
    pub fn id(&self) -> i64 {
        self.agent.id
    }

    pub fn is_supervisor(&self) -> bool {
        self.agent.role == AgentRole::Supervisor
    }
}

/// The bearer token of a request, if it has a well-formed one.
pub fn bearer(parts: &Parts) -> Option<&str> {
    parts.headers.get(AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim).filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if !parts.headers.contains_key(AUTHORIZATION) {
            return Err(ApiFailure::unauthorized("missing bearer token"));
        }
        let token = bearer(parts)
            .ok_or_else(|| ApiFailure::unauthorized("the Authorization header must be `Bearer <token>`"))?;
        let agent = match state.oidc.as_deref().filter(|_| OidcVerifier::looks_like_jwt(token)) {
            // The identity provider's access token: the agent is the one it names. Checked
            // before a database connection is taken, so a slow provider holds none.
            Some(oidc) => {
                let who = oidc.verify(token).await.map_err(|refused| match refused {
                    TokenRefused::ProviderUnreachable(_) => {
                        ApiFailure::identity_provider_unreachable(refused.to_string())
                    }
                    refused => ApiFailure::unauthorized(refused.to_string()),
                })?;
                let mut conn = state.db.pool.acquire().await?;
                reads::agent_by_email(&mut conn, &who)
                    .await?
                    .ok_or_else(|| ApiFailure::unauthorized("no agent has the identity this token names"))?
            }
            None => {
                let mut conn = state.db.pool.acquire().await?;
                let agent_id = reads::agent_of_token(&mut conn, token).await?;
                let agent_id = agent_id.ok_or_else(|| ApiFailure::unauthorized("unknown or revoked token"))?;
                reads::agent(&mut conn, agent_id)
                    .await?
                    .ok_or_else(|| ApiFailure::unauthorized("the token's agent no longer exists"))?
            }
        };
        let mut conn = state.db.pool.acquire().await?;
        let vis = Visibility::of(&mut conn, &agent).await?;
        Ok(Caller { agent, vis })
    }
}

/// A caller who is a supervisor; everyone else gets 403.
#[derive(Debug, Clone)]
pub struct Supervisor(pub Caller);

impl FromRequestParts<AppState> for Supervisor {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = Caller::from_request_parts(parts, state).await?;
        if !caller.is_supervisor() {
            return Err(ApiFailure::forbidden("only supervisors may do this"));
        }
        Ok(Supervisor(caller))
    }
}

/// The company's channel gateway (chat widget, mail gateway, internal teams' tools), which
/// brings customers' and teams' words in through `/v1/inbound`. Agents' tokens get 403.
#[derive(Debug, Clone, Copy)]
pub struct Gateway;

impl FromRequestParts<AppState> for Gateway {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(|| ApiFailure::unauthorized("missing bearer token"))?;
        let Some(expected) = state.gateway_token_sha256.as_deref() else {
            return Err(ApiFailure::forbidden("this server has no channel gateway configured"));
        };
        // Both sides are hashes of equal length, so comparing them leaks nothing useful.
        if token_hash(token) == expected {
            return Ok(Gateway);
        }
        // An agent is known but not allowed here; any other token is not known at all.
        let mut conn = state.db.pool.acquire().await?;
        match reads::agent_of_token(&mut conn, token).await? {
            Some(_) => Err(ApiFailure::forbidden("only the channel gateway may do this")),
            None => Err(ApiFailure::unauthorized("unknown or revoked token")),
        }
    }
}
