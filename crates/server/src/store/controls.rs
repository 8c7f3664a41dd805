//! Accounts' controls and the requests to change them.

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::{
    AccountControls, ActionRequest, ActivityDetail, ActivityEvent, Approver, CustomerId, Entity, TransferStatus,
};
use arbiter_policy::controls::{PendingWithdrawal, COMPLIANCE_TEAM, RISK_TEAM};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::feed::record_change;
use super::rows::{from_json, list, to_json, upsert, Val};
use super::Scope;

/// The account's controls; an account nobody acted on has none in force (version 1).
pub async fn controls(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
    now: DateTime<Utc>,
) -> Result<AccountControls, sqlx::Error> {
    let data: Option<String> = sqlx::query_scalar("SELECT data FROM account_controls WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_optional(conn)
        .await?;
    match data {
        Some(data) => from_json(&data),
        None => Ok(AccountControls { customer_id, version: 1, updated_at: now, ..AccountControls::default() }),
    }
}

/// Stores the controls; whoever sees the customer hears of them.
pub async fn put_controls(conn: &mut AnyConnection, controls: &AccountControls) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_controls (customer_id, version, data) VALUES ($1, $2, $3)
         ON CONFLICT (customer_id) DO UPDATE SET version = excluded.version, data = excluded.data",
    )
    .bind(controls.customer_id)
    .bind(controls.version)
    .bind(to_json(controls))
    .execute(&mut *conn)
    .await?;
    record_change(conn, &Entity::AccountControls(controls.clone()), &Scope::of_customer(controls.customer_id)).await?;
    Ok(())
}

/// Who a request is for in the change feed: whoever sees the customer, its requester, and
/// its approvers (the requester's team when its lead may approve; risk or compliance).
pub fn request_scope(request: &ActionRequest, requester_team: &str) -> Scope {
    let team = if request.approvers.contains(&Approver::Compliance) {
        Some(COMPLIANCE_TEAM.to_owned())
    } else if request.approvers.contains(&Approver::Risk) {
        Some(RISK_TEAM.to_owned())
    } else {
        None
    };
    Scope {
        customer: Some(request.customer_id),
        agent: Some(request.requested_by),
        queue: request.approvers.contains(&Approver::TeamSupervisor).then(|| requester_team.to_owned()),
        team,
        ..Scope::default()
    }
}

/// Stores the request and records it in the change feed for `request_scope`.
pub async fn put_request(
    conn: &mut AnyConnection,
    request: &ActionRequest,
    requester_team: &str,
) -> Result<(), sqlx::Error> {
    let columns = [
        ("customer_id", Val::from(request.customer_id)),
        ("requested_by", Val::from(request.requested_by)),
        ("status", Val::from(wire_name(&request.status))),
        ("lapses_at", Val::from(request.lapses_at.map(to_ms))),
        ("version", Val::from(request.version)),
    ];
    upsert(conn, "action_requests", request.id.into(), &columns, to_json(request)).await?;
    record_change(conn, &Entity::ActionRequest(request.clone()), &request_scope(request, requester_team)).await?;
    Ok(())
}

pub async fn request(conn: &mut AnyConnection, id: i64) -> Result<Option<ActionRequest>, sqlx::Error> {
    super::rows::get(conn, "action_requests", id).await
}

/// The account's requests, newest first.
pub async fn requests_of(conn: &mut AnyConnection, customer_id: CustomerId) -> Result<Vec<ActionRequest>, sqlx::Error> {
    list(conn, "SELECT data FROM action_requests WHERE customer_id = $1 ORDER BY id DESC", vec![customer_id.into()])
        .await
}

/// The queues the customer has tickets in.
pub async fn queues_of_customer(conn: &mut AnyConnection, customer_id: CustomerId) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT queue FROM tickets WHERE customer_id = $1 ORDER BY queue")
        .bind(customer_id)
        .fetch_all(conn)
        .await
}

/// Every request that applied, oldest first.
pub async fn applied(conn: &mut AnyConnection) -> Result<Vec<ActionRequest>, sqlx::Error> {
    let status = wire_name(&arbiter_contract::RequestStatus::Applied);
    list(conn, "SELECT data FROM action_requests WHERE status = $1 ORDER BY id", vec![status.into()]).await
}

/// Every request waiting for an approver, oldest first.
pub async fn awaiting(conn: &mut AnyConnection) -> Result<Vec<ActionRequest>, sqlx::Error> {
    let status = wire_name(&arbiter_contract::RequestStatus::AwaitingApproval);
    list(conn, "SELECT data FROM action_requests WHERE status = $1 ORDER BY id", vec![status.into()]).await
}

/// Requests whose approver did not come in time.
pub async fn lapsed(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Vec<ActionRequest>, sqlx::Error> {
    let status = wire_name(&arbiter_contract::RequestStatus::AwaitingApproval);
    list(
        conn,
        "SELECT data FROM action_requests WHERE status = $1 AND lapses_at <= $2 ORDER BY id",
        vec![status.into(), to_ms(now).into()],
    )
    .await
}

/// The customer's withdrawals still pending (or held), newest first.
pub async fn pending_withdrawals(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
) -> Result<Vec<ActivityEvent>, sqlx::Error> {
    let events: Vec<ActivityEvent> = list(
        conn,
        "SELECT data FROM activity_events WHERE customer_id = $1 ORDER BY at DESC, id DESC",
        vec![customer_id.into()],
    )
    .await?;
    Ok(events
        .into_iter()
        .filter(|e| {
            matches!(
                e.detail,
                ActivityDetail::Withdrawal { status: TransferStatus::Pending | TransferStatus::Held, .. }
            )
        })
        .collect())
}

/// What the rules need of pending withdrawals.
pub fn as_pending(events: &[ActivityEvent]) -> Vec<PendingWithdrawal> {
    events
        .iter()
        .filter_map(|e| match e.detail {
            ActivityDetail::Withdrawal { usd_cents, .. } => Some(PendingWithdrawal { id: e.id, usd_cents }),
            _ => None,
        })
        .collect()
}
