//! Suspicious-activity reports: draft (the investigator's) → submitted → acknowledged by
//! compliance.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sqlx::AnyConnection;

use crate::auth::{Caller, Supervisor};
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::put_sar;
use crate::store::{next_id, reads, Scope};
use crate::AppState;

const NARRATIVE_MAX: usize = 20_000;

async fn visible_sar(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Sar, ApiFailure> {
    match reads::sar(conn, id).await? {
        Some(sar) if caller.vis.sees(&Scope::of_sar(&sar)) => Ok(sar),
        _ => Err(ApiFailure::not_found(format!("report {id} does not exist"))),
    }
}

fn check_rules(rules: &[i64]) -> Result<(), ApiFailure> {
    if rules.iter().any(|r| !(1..=8).contains(r)) {
        return Err(ApiFailure::bad_request("rules are numbered 1 to 8"));
    }
    Ok(())
}

/// Starts a report as a draft.
#[utoipa::path(post, path = "/v1/sars", tag = "compliance", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = CreateSar,
    responses((status = 201, body = Sar), (status = 400, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<CreateSar>,
) -> Result<Response, ApiFailure> {
    check_rules(&body.rules_fired)?;
    if body.narrative.chars().count() > NARRATIVE_MAX {
        return Err(ApiFailure::too_large(format!("the narrative may hold at most {NARRATIVE_MAX} characters")));
    }
    let print = fingerprint("sar.create", &[&serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    if reads::customer(&mut m.tx, body.subject_customer_id).await?.is_none() {
        return Err(ApiFailure::bad_request(format!("customer {} does not exist", body.subject_customer_id)));
    }
    let sar = Sar {
        id: next_id(&mut m.tx, "sars").await?,
        subject_customer_id: body.subject_customer_id,
        linked_customer_ids: body.linked_customer_ids,
        activity_event_ids: body.activity_event_ids,
        rules_fired: body.rules_fired,
        risk_score: body.risk_score,
        narrative: body.narrative.trim().to_owned(),
        case_id: body.case_id,
        status: SarStatus::Draft,
        investigator_id: m.caller.id(),
        created_at: m.now,
        updated_at: m.now,
        submitted_at: None,
        acknowledged_at: None,
        version: 1,
    };
    put_sar(&mut m.tx, &sar).await?;
    m.audit("sar.create", "sar", sar.id, None, Some(&sar)).await?;
    m.finish(&state, StatusCode::CREATED, &sar).await
}

async fn begin_change(
    state: &AppState,
    caller: Caller,
    key: IdempotencyKey,
    print: String,
    id: i64,
    base: i64,
) -> Result<Result<(Mutation, Sar), Response>, ApiFailure> {
    let mut m = match Mutation::begin(state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(Err(replay)),
    };
    let sar = visible_sar(&mut m.tx, &m.caller, id).await?;
    if sar.version != base {
        return Err(ApiFailure::conflict(
            Entity::Sar(sar.clone()),
            format!("report {id} is at version {}", sar.version),
        ));
    }
    Ok(Ok((m, sar)))
}

/// Edits a draft (its investigator only).
#[utoipa::path(patch, path = "/v1/sars/{id}", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = SarUpdate,
    responses((status = 200, body = Sar), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(update): Body<SarUpdate>,
) -> Result<Response, ApiFailure> {
    if let Some(rules) = &update.rules_fired {
        check_rules(rules)?;
    }
    if update.narrative.as_ref().is_some_and(|n| n.chars().count() > NARRATIVE_MAX) {
        return Err(ApiFailure::too_large(format!("the narrative may hold at most {NARRATIVE_MAX} characters")));
    }
    let print = fingerprint("sar.update", &[&id.to_string(), &base.to_string(), &serde_json::to_string(&update)?]);
    let (mut m, sar) = match begin_change(&state, caller, key, print, id, base).await? {
        Ok(pair) => pair,
        Err(replay) => return Ok(replay),
    };
    if sar.investigator_id != m.caller.id() {
        return Err(ApiFailure::forbidden("only the investigator edits a report"));
    }
    if sar.status != SarStatus::Draft {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "a submitted report cannot be edited"));
    }
    let mut next = sar.clone();
    if let Some(v) = update.linked_customer_ids {
        next.linked_customer_ids = v;
    }
    if let Some(v) = update.activity_event_ids {
        next.activity_event_ids = v;
    }
    if let Some(v) = update.rules_fired {
        next.rules_fired = v;
    }
    if let Some(v) = update.risk_score {
        next.risk_score = Some(v);
    }
    if let Some(v) = update.narrative {
        next.narrative = v.trim().to_owned();
    }
    next.updated_at = m.now;
    next.version += 1;
    put_sar(&mut m.tx, &next).await?;
    m.audit("sar.update", "sar", id, Some(&sar), Some(&next)).await?;
    m.finish(&state, StatusCode::OK, &next).await
}

/// Sends a draft to compliance.
#[utoipa::path(post, path = "/v1/sars/{id}/submit", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Sar), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let print = fingerprint("sar.submit", &[&id.to_string(), &base.to_string()]);
    let (mut m, sar) = match begin_change(&state, caller, key, print, id, base).await? {
        Ok(pair) => pair,
        Err(replay) => return Ok(replay),
    };
    if sar.investigator_id != m.caller.id() {
        return Err(ApiFailure::forbidden("only the investigator submits a report"));
    }
    if sar.status != SarStatus::Draft {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "the report was already submitted"));
    }
    if sar.narrative.trim().chars().count() < 20 {
        return Err(ApiFailure::bad_request("write a narrative (at least 20 characters) before submitting"));
    }
    let mut next = sar.clone();
    next.status = SarStatus::Submitted;
    next.submitted_at = Some(m.now);
    next.updated_at = m.now;
    next.version += 1;
    put_sar(&mut m.tx, &next).await?;
    m.audit("sar.submit", "sar", id, Some(&sar), Some(&next)).await?;
    m.finish(&state, StatusCode::OK, &next).await
}

/// Compliance confirms it received a submitted report (supervisors of the compliance team).
#[utoipa::path(post, path = "/v1/sars/{id}/acknowledge", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Sar), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    if !caller.agent.teams.iter().any(|t| t == "compliance") {
        return Err(ApiFailure::forbidden("only compliance acknowledges reports"));
    }
    let print = fingerprint("sar.ack", &[&id.to_string(), &base.to_string()]);
    let (mut m, sar) = match begin_change(&state, caller, key, print, id, base).await? {
        Ok(pair) => pair,
        Err(replay) => return Ok(replay),
    };
    if sar.status != SarStatus::Submitted {
        return Err(ApiFailure::conflict(Entity::Sar(sar.clone()), "only submitted reports are acknowledged"));
    }
    let mut next = sar.clone();
    next.status = SarStatus::Acknowledged;
    next.acknowledged_at = Some(m.now);
    next.updated_at = m.now;
    next.version += 1;
    put_sar(&mut m.tx, &next).await?;
    m.audit("sar.acknowledge", "sar", id, Some(&sar), Some(&next)).await?;
    m.finish(&state, StatusCode::OK, &next).await
}
