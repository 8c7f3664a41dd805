use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::{Caller, Supervisor};
use crate::error::ApiFailure;
use crate::http::extract::{Body, IdempotencyKey, IfMatch};
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::put_policy;
use crate::store::reads;
use crate::AppState;

/// The policies in force: SLA targets, the escalation matrix, the risk rules.
#[utoipa::path(get, path = "/v1/policies", tag = "escalations", security(("bearer" = [])),
    responses((status = 200, body = PolicySet), (status = 401, body = ApiError)))]
pub async fn current(State(state): State<AppState>, _caller: Caller) -> Result<Json<PolicySet>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(reads::policy(&mut conn).await?))
}

fn validate(update: &PolicyUpdate) -> Result<(), ApiFailure> {
    let positive = |targets: &[ResponseTarget]| targets.iter().all(|t| t.seconds > 0);
    if !positive(&update.sla.first_response)
        || !positive(&update.sla.next_response)
        || update.sla.resolution_seconds <= 0
    {
        return Err(ApiFailure::bad_request("SLA targets must be positive"));
    }
    if update.sla.chargeback_margin_days < 0 {
        return Err(ApiFailure::bad_request("the chargeback margin must not be negative"));
    }
    let risk = &update.risk;
    if !(risk.review_at < risk.block_at && risk.block_at < risk.decline_at) {
        return Err(ApiFailure::bad_request("risk thresholds must rise: review < block < decline"));
    }
    if risk.rules.iter().any(|r| r.weight < 0.0 || !(1..=8).contains(&r.number)) {
        return Err(ApiFailure::bad_request("risk rules are numbered 1–8 with non-negative weights"));
    }
    Ok(())
}

/// Supervisors: puts a new version of the policies in force (`If-Match`: the current version).
#[utoipa::path(put, path = "/v1/policies", tag = "supervisor", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = PolicyUpdate,
    responses((status = 200, body = PolicySet), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn replace(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Body(update): Body<PolicyUpdate>,
) -> Result<Response, ApiFailure> {
    validate(&update)?;
    let print = fingerprint("policy.replace", &[&base.to_string(), &serde_json::to_string(&update)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let current = reads::policy(&mut m.tx).await?;
    if current.version != base {
        return Err(ApiFailure::conflict(
            Entity::Policy(current.clone()),
            format!("policies are at version {}", current.version),
        ));
    }
    let next = PolicySet {
        version: current.version + 1,
        sla: update.sla,
        escalation: update.escalation,
        risk: update.risk,
        updated_by: Some(m.caller.id()),
        updated_at: m.now,
    };
    put_policy(&mut m.tx, &next).await?;
    m.audit("policy.replace", "policy", next.version, Some(&current), Some(&next)).await?;
    m.finish(&state, StatusCode::OK, &next).await
}
