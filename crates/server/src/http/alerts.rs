//! Pre-dispute alerts: the programmes' connector delivers them (gateway), agents read and
//! answer them.

use arbiter_contract::{AlertQuery, AnswerAlert, AnswerPage, AnswersQuery, ApiError, DisputeAlert, IncomingAlert};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::extract::{Body, Id, IdempotencyKey, Params};
use crate::auth::{Caller, Gateway};
use crate::domain::alerts;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// A card network's alert programme raised an alert (Ethoca: a customer dispute or confirmed
/// fraud; Verifi: order insight or rapid dispute resolution). 201 with the alert as queued
/// (or already answered by the policy's auto-refund); 200 with the alert made the first time
/// when the programme delivers the same id again. 422 for an unknown currency.
#[utoipa::path(post, path = "/v1/inbound/dispute-alerts", tag = "gateway", security(("bearer" = [])),
    request_body = IncomingAlert,
    responses((status = 201, body = DisputeAlert), (status = 200, body = DisputeAlert), (status = 400, body = ApiError),
        (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn receive(
    State(state): State<AppState>,
    _gateway: Gateway,
    Body(body): Body<IncomingAlert>,
) -> Result<Response, ApiFailure> {
    let (alert, new) = alerts::receive(&state, &body).await?;
    let status = if new { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(alert)).into_response())
}

/// The answers to send back to the programmes (the agents' and the policy's), oldest first,
/// after the connector's cursor: each once, in the order given.
#[utoipa::path(get, path = "/v1/inbound/dispute-alerts/answers", tag = "gateway", security(("bearer" = [])),
    params(AnswersQuery),
    responses((status = 200, body = AnswerPage), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn answers(
    State(state): State<AppState>,
    _gateway: Gateway,
    Params(query): Params<AnswersQuery>,
) -> Result<Json<AnswerPage>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(alerts::answers(&mut conn, &query).await?))
}

/// The alerts of the caller's teams received in the period, newest first.
#[utoipa::path(get, path = "/v1/dispute-alerts", tag = "cases", security(("bearer" = [])),
    params(AlertQuery),
    responses((status = 200, body = Vec<DisputeAlert>), (status = 400, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(query): Params<AlertQuery>,
) -> Result<Json<Vec<DisputeAlert>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(alerts::list(&mut conn, &caller, &query).await?))
}

/// One alert, for its team and whoever sees its customer.
#[utoipa::path(get, path = "/v1/dispute-alerts/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = DisputeAlert), (status = 404, body = ApiError)))]
pub async fn alert(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<DisputeAlert>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(alerts::visible(&mut conn, &caller, id).await?))
}

/// Answers an alert (refunded, stopped, previously refunded …): sent to the programme and
/// final. 403 for who is not in the team that answers it; 409 when it was answered already
/// (the alert as it is comes with it); 422 when the outcome does not fit its kind or its
/// deadline passed.
#[utoipa::path(post, path = "/v1/dispute-alerts/{id}/answer", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header)),
    request_body = AnswerAlert,
    responses((status = 200, body = DisputeAlert), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Id(id): Id,
    Body(body): Body<AnswerAlert>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "alert.answer").on(id).body(&body)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| alerts::answer(m, id, &body).await).await
}
