//! Supervisor-only views: the live overview of their teams, the audit log, and the mail
//! quarantine.

use arbiter_contract::*;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use chrono::Utc;

use crate::auth::Supervisor;
use crate::domain;
use crate::error::ApiFailure;
use crate::http::extract::{Id, Params};
use crate::http::file_download::{self, Download};
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

/// First response, handle and resolution times (in the teams' staffed hours), CSAT and
/// reopens for a period, by agent, team, channel, language and day, for the caller's teams.
#[utoipa::path(get, path = "/v1/reports/service", tag = "supervisor", security(("bearer" = [])),
    params(ServiceQuery),
    responses((status = 200, body = ServiceReport), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn service_report(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    Params(query): Params<ServiceQuery>,
) -> Result<Json<ServiceReport>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(domain::service_report::of_teams(&mut conn, &caller, &query, Utc::now()).await?))
}

/// The audit log of the caller's team members' actions, newest first.
#[utoipa::path(get, path = "/v1/audit", tag = "supervisor", security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn audit(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    Params(query): Params<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(domain::audit::of_members(&mut conn, &caller, &query).await?))
}

/// Inbound email the desk could not take in, newest first, for the mailboxes feeding the
/// caller's teams: why, who sent it and its subject (from its headers), and its size.
#[utoipa::path(get, path = "/v1/supervisor/quarantine", tag = "supervisor", security(("bearer" = [])),
    params(QuarantineQuery),
    responses((status = 200, body = Vec<QuarantinedMail>), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn quarantine(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    Params(query): Params<QuarantineQuery>,
) -> Result<Json<Vec<QuarantinedMail>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(domain::quarantine::list(&mut conn, &caller, state.mail.as_deref(), &query).await?))
}

/// A quarantined email exactly as it arrived, to download (never rendered: a download of
/// `message/rfc822`, sandboxed should anything open it).
#[utoipa::path(get, path = "/v1/supervisor/quarantine/{id}/raw", tag = "supervisor", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "message/rfc822", body = Vec<u8>), (status = 400, body = ApiError),
              (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub async fn quarantined_original(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let (sha256, stored) = domain::quarantine::original(&mut conn, &caller, state.mail.as_deref(), id).await?;
    drop(conn);
    let disposition = format!("attachment; filename=\"quarantined-{id}.eml\"");
    let how =
        Download { content_type: "message/rfc822", disposition: &disposition, cache_control: "private, no-store" };
    file_download::response(&state.db.pool, &sha256, stored, how)
}
