//! Supervisor-only views: the live overview of their teams and the audit log.

use arbiter_contract::*;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use chrono::Utc;

use crate::auth::Supervisor;
use crate::domain;
use crate::error::ApiFailure;
use crate::AppState;

/// Backlog by queue and status, oldest waiting customer, SLA breaches, open escalations,
/// and every member's presence and load, for the teams the caller leads.
#[utoipa::path(get, path = "/v1/supervisor/overview", tag = "supervisor", security(("bearer" = [])),
    responses((status = 200, body = SupervisorOverview), (status = 403, body = ApiError)))]
pub async fn overview(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
) -> Result<Json<SupervisorOverview>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(domain::overview::of_teams(&mut conn, &caller.vis.teams, &caller.vis.members, Utc::now()).await?))
}

/// The audit log of the caller's team members' actions, newest first.
#[utoipa::path(get, path = "/v1/audit", tag = "supervisor", security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn audit(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiFailure> {
    let Query(query) = query?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(domain::audit::of_members(&mut conn, &caller, &query).await?))
}
