//! Stopping the loss: an account's controls, actions on it, and their four-eyes approvals.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::Utc;

use crate::auth::Caller;
use crate::domain::controls;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch, Params};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// The account's controls (frozen, withdrawals held …), its pending withdrawals and the
/// requests made on it; for whoever sees the customer, and for a request's approvers.
#[utoipa::path(get, path = "/v1/customers/{id}/controls", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = AccountView), (status = 404, body = ApiError)))]
pub async fn account(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<AccountView>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(controls::view(&mut conn, &caller, id, Utc::now()).await?))
}

/// The customer, everything they did (the latest 5,000 events) and the accounts linked to
/// theirs: the evidence an approver judges a request on when no queue of theirs holds the
/// customer. For whoever may see the account's controls.
#[utoipa::path(get, path = "/v1/customers/{id}/evidence", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = AccountEvidence), (status = 404, body = ApiError)))]
pub async fn evidence(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<AccountEvidence>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(controls::evidence(&mut conn, &caller, id).await?))
}

/// Asks for an action on the account (`If-Match`: the controls' version seen, 1 for an account
/// nobody acted on). 201 with the request: `applied`, or `awaiting_approval` when the policy
/// needs a second person. 422 when the account's state forbids it; 409 when it changed.
#[utoipa::path(post, path = "/v1/customers/{id}/actions", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = RequestAction,
    responses((status = 201, body = ActionRequest), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn act(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(body): Body<RequestAction>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "account.request").on(id).base(base).body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| controls::request(m, id, &body).await).await
}

/// Approves a request (never one's own): it applies to the account as it stands.
#[utoipa::path(post, path = "/v1/action-requests/{id}/approve", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = AnswerRequest,
    responses((status = 200, body = ActionRequest), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
    Body(body): Body<AnswerRequest>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "account.approve").on(id).body(&body)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| controls::answer(m, id, true, &body).await).await
}

/// Declines a request, with the reason the requester reads.
#[utoipa::path(post, path = "/v1/action-requests/{id}/decline", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = AnswerRequest,
    responses((status = 200, body = ActionRequest), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn decline(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
    Body(body): Body<AnswerRequest>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "account.decline").on(id).body(&body)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| controls::answer(m, id, false, &body).await).await
}

/// The requester takes back a request still waiting.
#[utoipa::path(post, path = "/v1/action-requests/{id}/cancel", tag = "controls", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    responses((status = 200, body = ActionRequest), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "account.cancel").on(id);
    Mutation::run(&state, write, StatusCode::OK, async |m| controls::cancel(m, id).await).await
}

/// The account actions applied in a period as CSV, for compliance (every account's for
/// compliance and risk; a supervisor's team members' for a supervisor).
#[utoipa::path(get, path = "/v1/reports/controls", tag = "controls", security(("bearer" = [])),
    params(ControlsReportQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = ApiError),
              (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
    crate::http::extract::Params(query): crate::http::extract::Params<ControlsReportQuery>,
) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let csv = controls::controls_report(&mut conn, &caller, &query).await?;
    let mut response = Response::new(axum::body::Body::from(csv));
    let headers = response.headers_mut();
    headers.insert(axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("private, no-store"));
    headers.insert(
        axum::http::header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_static("attachment; filename=\"account-controls.csv\""),
    );
    Ok(response)
}

/// The requests waiting for the caller's approval, oldest first.
#[utoipa::path(get, path = "/v1/approvals", tag = "controls", security(("bearer" = [])),
    responses((status = 200, body = Vec<PendingApproval>), (status = 401, body = ApiError)))]
pub async fn approvals(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<PendingApproval>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(controls::approvals(&mut conn, &caller).await?))
}

/// Screens a withdrawal address the way the exchange's KYT provider does: the risk rating
/// (low, medium, high, severe), the exposure by category, direct or indirect, and its source.
/// 422 when the address does not have its network's shape.
#[utoipa::path(get, path = "/v1/address-screenings", tag = "controls", security(("bearer" = [])),
    params(ScreeningQuery),
    responses((status = 200, body = AddressScreening), (status = 400, body = ApiError), (status = 422, body = ApiError)))]
pub async fn screening(
    State(state): State<AppState>,
    _caller: Caller,
    Params(query): Params<ScreeningQuery>,
) -> Result<Json<AddressScreening>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(crate::domain::screening::screen(&mut conn, &query, Utc::now()).await?))
}
